"""Sign-up and account forms, built on Django's own auth forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm, UsernameField
from django.contrib.auth.hashers import check_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.models import ApiKey, InviteCode, User
from accounts.verification import (
    USERNAME_MAX,
    WANTED_USERNAME_MAX,
    lock_signups_for,
    newest_signup_for,
    pending_signups,
    placeholder_username,
    username_taken,
)

INVALID_INVITE = "This invite code is not valid, has expired or has been used up."
USERNAME_TOO_LONG = f"Choose a username of at most {WANTED_USERNAME_MAX} characters."


class SignupForm(UserCreationForm):
    """Username, e-mail, password twice (Django's validators), and an invite code while sign-up is invite-only. The
    account is created inactive and pending; it becomes active when the e-mail is verified. A pending sign-up holds
    neither its address nor its username (accounts/verification.py): others may wait for the same ones, and the
    first verified wins; a name an account has already is refused here. The same username, address and password as a
    pending sign-up is a retry: its link is sent again. The same username and address with another password makes
    nothing (`signup_waiting`): its link would go to the address's owner beside their own, two identical mails of
    which only one takes their password. It is answered like any sign-up, not refused (a refusal told anyone that
    the address had signed up with that name), and the owner gets a mail saying so (accounts/views.py). Such a
    sign-up could not squat the name anyway: it is tied to an address only the owner reads. A pending account is
    never replaced nor changed."""

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
        self.email_taken = False  # clean_email: an account has the address already (told by mail, not here)
        self.signup_waiting = False  # clean_username: a sign-up for the name and address waits, with another password

    def _waiting(self, username: str, email: str) -> tuple[User | None, User | None]:
        """The newest pending sign-up for `username` and `email` (any case), and that sign-up again if this one
        retries it (the same password), else None. One password check per sign-up: the refusal below keeps it the
        only one for its name and address."""
        newest = newest_signup_for(username, email)
        cached = getattr(self, "_waiting_signup", None)
        if newest is not None and cached is not None and cached[0] is not None and cached[0].pk == newest.pk:
            return cached
        password = str(self.data.get("password1", ""))
        self._waiting_signup = newest, (newest if newest is not None and newest.check_password(password) else None)
        return self._waiting_signup

    def validate_unique(self) -> None:
        """Nothing here: the model's check would look at the wanted username, not the placeholder saved;
        clean_username and clean_email check, and verification takes the name (accounts/verification.py)."""

    def _username_taken_error(self) -> ValidationError:
        return ValidationError(self.instance.unique_error_message(User, ["username"]))

    def clean_username(self) -> str:
        # Django's username as it stores it (NFKC-normalised: "ｋｉｍ" is "kim"): a retry is matched with it.
        username = str(self.cleaned_data.get("username") or "")
        if len(username) > WANTED_USERNAME_MAX:  # its placeholder must fit the column
            raise ValidationError(USERNAME_TOO_LONG)
        waiting, retried = self._waiting(username, self._email_as_cleaned())
        # An account has it (any case). Sign-ups waiting for their link do not: several may wait for one name,
        # though only one per name and address: another password there makes nothing, and the view answers as
        # for any sign-up (a refusal would tell anyone that this address signed up with this name) and tells the
        # address's owner by mail.
        if username_taken(username, other_than=retried):
            raise self._username_taken_error()
        self.signup_waiting = waiting is not None and retried is None
        return username

    def _email_as_cleaned(self) -> str:
        """The address as its field cleans it (stripped), for clean_username, which runs before clean_email: ""
        when it is not an address, which clean_email then reports. What was posted never reaches a query unchecked
        (a NUL in it, which PostgreSQL refuses, was a server error)."""
        try:
            return str(self.fields["email"].clean(self["email"].data)).strip()
        except ValidationError:
            return ""

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).strip()
        # An active account, or one staff deactivated, has it; sign-ups waiting for their link do not. The page does
        # not say so (it would tell anyone which addresses have an account: the password reset form does not): the
        # view mails the address's owner instead, and answers as for any sign-up.
        self.email_taken = (User.objects.filter(email__iexact=email)
                            .exclude(pk__in=pending_signups().values("pk")).exists())
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
        """The new pending sign-up, or the one this form retries. Raises ValidationError (for a field) when another
        sign-up for the name and address, or the invite code's last use, was taken since the form was checked."""
        username, email = self.cleaned_data["username"], self.cleaned_data["email"]
        # Checked again under the lock (held until the caller's transaction ends): two forms sent at once both
        # passed clean_username. The address's one mail a minute would refuse the second too, but it lets every
        # mail through while Redis is unreachable.
        lock_signups_for(username, email)
        waiting, retried = self._waiting(username, email)
        if retried is not None:  # the same sign-up again: its link is sent again, nothing else changes
            return retried
        if waiting is not None:
            raise ValidationError({"username": self._username_taken_error()})
        user: User = super().save(commit=False)
        user.username = placeholder_username(user.username)  # the name is taken when the address is verified
        user.is_active = False  # until the e-mail address is verified
        user.verification_pending = True
        self.use_invite()
        user.save()
        return user

    def use_invite(self) -> None:
        """Use one of the invite code's uses (call in a transaction); ValidationError when they ran out meanwhile.
        A sign-up for an address that has an account uses one too (accounts/views.py): else an invite's holder
        could tell such addresses by the uses left."""
        code = self.cleaned_data.get("invite_code")
        if code:
            # One conditional UPDATE: concurrent sign-ups can never use a code more than max_uses times.
            now = timezone.now()
            taken = InviteCode.objects.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now), code=code,
                                              uses__lt=F("max_uses")).update(uses=F("uses") + 1)
            if not taken:
                raise ValidationError({"invite_code": INVALID_INVITE})


class LoginForm(AuthenticationForm):
    """Django's login form, with the username's length enforced: Django sets it on the widget only, and
    django-axes records a failed login's username in a 255-character column (a longer one was a server error).
    A name longer than any account's, or a NUL in either field (refused by every CharField), is the form's
    error: the usual failed-login answer, before anything is looked up or recorded."""

    username = UsernameField(max_length=USERNAME_MAX, widget=forms.TextInput(attrs={"autofocus": True}))


def invite_only() -> bool:
    return str(settings.KINEMA_SIGNUP) == "invite"


WRONG_SIGNUP_PASSWORD = ("This is not the password this sign-up was made with. If you did not sign up for Kinema, "
                         "ignore the mail: nothing is activated without that password.")


class ConfirmSignupForm(forms.Form):
    """What a verification link's page asks before it activates the sign-up: the password chosen at sign-up, and
    another username when an account took the one asked for while the link was on its way (`ask_username`).

    The link proves that its opener reads the address's mail, not that they made the sign-up: someone may have
    signed up with another person's address, and a mail scanner follows links by itself. So the link alone
    activates nothing; the password ties the activation to whoever chose it. Checked with the hasher alone
    (`check_password(raw, encoded)`): the user's own check_password may re-hash and save the password, which
    would change the link's token. Whether the name is free is settled when it is taken."""

    password = forms.CharField(strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    username = UsernameField(max_length=WANTED_USERNAME_MAX, validators=[UnicodeUsernameValidator()],
                             required=False)

    def __init__(self, *args: Any, user: User, ask_username: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.ask_username = ask_username
        self.fields["username"].required = ask_username

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not check_password(password, self.user.password):
            raise ValidationError(WRONG_SIGNUP_PASSWORD, code="wrong_password")
        return password


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
