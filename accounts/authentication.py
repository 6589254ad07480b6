"""`Authorization: Bearer kin_<lookup>_<secret>` for API clients (the OpenAI SDK sends exactly this)."""

from __future__ import annotations

import hmac

from django.utils import timezone
from rest_framework import authentication, exceptions

from accounts.models import API_KEY_PREFIX, ApiKey, User, hash_api_key


def user_for_api_key(raw: str) -> tuple[User, ApiKey] | None:
    if not raw.startswith(API_KEY_PREFIX):
        return None
    lookup = raw[len(API_KEY_PREFIX):].split("_", 1)[0]
    key = ApiKey.objects.active().select_related("user", "user__tier").filter(lookup=lookup).first()
    if key is None or not hmac.compare_digest(key.key_hash, hash_api_key(raw)) or not key.user.is_active:
        return None
    now = timezone.now()
    # Touch at most once a minute: a write per request would cost more than the request.
    if key.last_used_at is None or (now - key.last_used_at).total_seconds() > 60:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
    return key.user, key


class ApiKeyAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        parts = header.split()
        if len(parts) != 2 or parts[0] != self.keyword:
            raise exceptions.AuthenticationFailed("Authorization header must be 'Bearer <api key>'.")
        found = user_for_api_key(parts[1])
        if found is None:
            raise exceptions.AuthenticationFailed("Incorrect API key provided, or the key was revoked.")
        return found

    def authenticate_header(self, request) -> str:
        return self.keyword
