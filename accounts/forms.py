"""Sign-up and account forms, built on Django's own auth forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import UserCreationForm, UsernameField
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.models import ApiKey, InviteCode, User
from accounts.verification import (
    WANTED_USERNAME_MAX,
    pending_signups,
    placeholder_username,
    signups_wanting,
    username_taken,
)

INVALID_INVITE = "This invite code is not valid, has expired or has been used up."
EMAIL_TAKEN = "An account with this e-mail address exists already. Log in, or reset its password."
USERNAME_TOO_LONG = f"Choose a username of at most {WANTED_USERNAME_MAX} characters."
# A retry is matched against this many of the newest sign-ups for its name and address (each a password hash).
RETRY_CANDIDATES = 3


class SignupForm(UserCreationForm):
    """Username, e-mail, password twice (Django's validators), and an invite code while sign-up is
    invite-only. The account is created inactive and pending; it becomes active when the e-mail is verified.
    A pending sign-up holds neither its address nor its username (accounts/verification.py): others may wait for
    the same ones, and the first verified wins; only a name an account has already is refused here. The same
    username, address and password as a pending sign-up is a retry: its link is sent again (a pending account is
    never replaced nor changed: someone who knows only the username and the address must not be able to set the
    password of the account the owner's link activates; their sign-up is one more, with a link of its own)."""

    email = forms.EmailField(max_length=254, help_text="We send a link to verify it.")
    invite_code = forms.CharField(max_length=64, required=False, strip=True)

    class Meta(UserCreationForm.Meta):
        model = User
        # The e-mail is a form field only, set on the account by clean_email. The username is the wanted one;
        # save() gives the pending account its placeholder.
        fields = ("username",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["invite_code"].required = invite_only()

    def _retried(self) -> User | None:
        """The pending sign-up this one retries (same username and address, any case, and the same password), if
        any (read once: clean_username needs it before clean_email runs)."""
        if not hasattr(self, "_retried_signup"):
            email = str(self.data.get("email", "")).strip()
            username = str(self.data.get("username", "")).strip()
            password = str(self.data.get("password1", ""))
            candidates = (signups_wanting(username).filter(email__iexact=email).order_by("-date_joined", "-pk")
                          [:RETRY_CANDIDATES] if email and username else [])
            self._retried_signup = next((p for p in candidates if p.check_password(password)), None)
        return self._retried_signup

    def validate_unique(self) -> None:
        """Nothing here: the model's check would look at the wanted username, not the placeholder saved;
        clean_username and clean_email check, and verification takes the name (accounts/verification.py)."""

    def clean_username(self) -> str:
        username = str(self.cleaned_data.get("username") or "")
        if len(username) > WANTED_USERNAME_MAX:  # its placeholder must fit the column
            raise ValidationError(USERNAME_TOO_LONG)
        # An account has it (any case). Sign-ups waiting for their link do not: several may wait for one name.
        retried = self._retried()
        if username_taken(username, other_than=retried):
            raise ValidationError(self.instance.unique_error_message(User, ["username"]))
        return username

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).strip()
        # An active account, or one staff deactivated, has it; sign-ups waiting for their link do not.
        if User.objects.filter(email__iexact=email).exclude(pk__in=pending_signups().values("pk")).exists():
            raise ValidationError(EMAIL_TAKEN)
        self.instance.email = email  # before Django's password validators compare the password with it
        return email

    def clean_invite_code(self) -> str:
        code = str(self.cleaned_data.get("invite_code") or "")
        if not invite_only():
            return ""
        invite = InviteCode.objects.filter(code=code).first()
        if invite is None or not invite.usable():
            raise ValidationError(INVALID_INVITE)
        return code

    @transaction.atomic
    def save(self, commit: bool = True) -> User:
        retried = self._retried()
        if retried is not None:  # the same sign-up again: its link is sent again, nothing else changes
            return retried
        user: User = super().save(commit=False)
        user.username = placeholder_username(user.username)  # the name is taken when the address is verified
        user.is_active = False  # until the e-mail address is verified
        user.verification_pending = True
        code = self.cleaned_data.get("invite_code")
        if code:
            # One conditional UPDATE: concurrent sign-ups can never use a code more than max_uses times.
            now = timezone.now()
            taken = InviteCode.objects.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now), code=code,
                                              uses__lt=F("max_uses")).update(uses=F("uses") + 1)
            if not taken:
                raise ValidationError(INVALID_INVITE)
        user.save()
        return user


def invite_only() -> bool:
    return str(settings.KINEMA_SIGNUP) == "invite"


class ChooseUsernameForm(forms.Form):
    """Another username, for a sign-up whose name an account took while its link was on the way (the link
    itself is the authority: nothing else is asked). Whether the name is free is settled when it is taken."""

    username = UsernameField(max_length=WANTED_USERNAME_MAX, validators=[UnicodeUsernameValidator()])


MAX_ACTIVE_KEYS = 20


class ApiKeyForm(forms.Form):
    name = forms.CharField(max_length=100, strip=True)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if ApiKey.objects.active().filter(user=self.user).count() >= MAX_ACTIVE_KEYS:
            raise ValidationError(f"You can have at most {MAX_ACTIVE_KEYS} active API keys; revoke one first.")
        return data
