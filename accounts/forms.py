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

INVALID_INVITE = "This invite code is not valid, has expired or has been used up."


class SignupForm(UserCreationForm):
    """Username, e-mail, password twice (Django's validators), and an invite code while sign-up is
    invite-only. The account is created inactive; it becomes active when the e-mail is verified."""

    email = forms.EmailField(max_length=254, help_text="We send a link to verify it.")
    invite_code = forms.CharField(max_length=64, required=False, strip=True)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["invite_code"].required = invite_only()

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).strip()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError("An account with this e-mail address exists already. Log in, or reset its "
                                  "password.")
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
        user: User = super().save(commit=False)
        user.is_active = False  # until the e-mail address is verified
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
