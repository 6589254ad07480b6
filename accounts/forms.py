"""Sign-up and account forms, built on Django's own auth forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import UserCreationForm
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.models import ApiKey, InviteCode, User
from accounts.verification import pending_signups

INVALID_INVITE = "This invite code is not valid, has expired or has been used up."
EMAIL_TAKEN = "An account with this e-mail address exists already. Log in, or reset its password."


class SignupForm(UserCreationForm):
    """Username, e-mail, password twice (Django's validators), and an invite code while sign-up is
    invite-only. The account is created inactive and pending; it becomes active when the e-mail is verified.
    A pending sign-up does not hold its address (accounts/verification.py): another may wait for the same one,
    and the first verified wins. The same username, address and password as a pending sign-up is a retry: its
    link is sent again (the account is not replaced: someone who knows only the username and the address must
    not be able to set the password of the account the owner's link activates)."""

    email = forms.EmailField(max_length=254, help_text="We send a link to verify it.")
    invite_code = forms.CharField(max_length=64, required=False, strip=True)

    class Meta(UserCreationForm.Meta):
        model = User
        # The e-mail is a form field only, set on the account by clean_email: the model's own check of the
        # username would count the sign-up this one retries.
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
            pending = (pending_signups().filter(email__iexact=email, username__iexact=username).first()
                       if email and username else None)
            password = str(self.data.get("password1", ""))
            self._retried_signup = pending if pending is not None and pending.check_password(password) else None
        return self._retried_signup

    def validate_unique(self) -> None:
        """Nothing here: the model's check of the username would count the sign-up this one retries;
        clean_username and clean_email check without it, and the database's constraints stand behind both."""

    def clean_username(self) -> str:
        username = str(self.cleaned_data.get("username") or "")
        taken = User.objects.filter(username__iexact=username)
        retried = self._retried()
        if retried is not None:
            taken = taken.exclude(pk=retried.pk)
        if taken.exists():
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
