"""`Authorization: Bearer kin_<lookup>_<secret>` for API clients (the OpenAI SDK sends exactly this).

Looking a key up costs a query (key, user and tier in one join), which was most of a cheap request's
CPU (bench/api_throughput.py, docs/benchmarks.md). So each process keeps what it found for
KINEMA_API_KEY_CACHE_S seconds (5 by default; 0 turns the cache off), keyed by the hash of the whole
raw key, so only the exact key ever hits an entry. The price is a short, bounded delay:

- a key revoked, a user deactivated or moved to another plan, a plan's limits edited *in this process*
  (a save of the ApiKey, User or Tier row) is dropped from this process' cache at once;
- every other web process keeps accepting the key, or applying the old plan, for at most
  KINEMA_API_KEY_CACHE_S after the change. (Open live-feed sockets are re-checked separately, every
  KINEMA_FEED_RECHECK_S: jobs/feed_auth.py.)

A request gets its own copies of the cached rows, so nothing one request does to them shows in another.
"""

from __future__ import annotations

import copy
import hmac
import threading
import time
from typing import Any

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from rest_framework import authentication, exceptions

from accounts.models import API_KEY_PREFIX, ApiKey, Tier, User, hash_api_key
from webapp.security import bearer_credential

# How often last_used_at is written: a write per request would cost more than the request.
TOUCH_EVERY_S = 60
_MAX_ENTRIES = 10_000


class _KeyCache:
    """hash(raw key) -> (expires at, key row with its user and tier). Thread-safe; per process."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[float, ApiKey]] = {}
        self._lock = threading.Lock()

    def get(self, digest: str) -> ApiKey | None:
        entry = self._entries.get(digest)
        if entry is None:
            return None
        if entry[0] <= time.monotonic():
            with self._lock:
                self._entries.pop(digest, None)
            return None
        return entry[1]

    def put(self, digest: str, key: ApiKey, ttl_s: float) -> None:
        with self._lock:
            if len(self._entries) >= _MAX_ENTRIES:
                now = time.monotonic()
                for stale in [d for d, (until, _) in self._entries.items() if until <= now]:
                    del self._entries[stale]
                if len(self._entries) >= _MAX_ENTRIES:
                    self._entries.clear()
            self._entries[digest] = (time.monotonic() + ttl_s, key)

    def drop(self, *, key_id: int | None = None, user_id: int | None = None) -> None:
        with self._lock:
            for digest, (_, key) in list(self._entries.items()):
                if key.pk == key_id or key.user_id == user_id:
                    del self._entries[digest]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


key_cache = _KeyCache()


def _private_copy(key: ApiKey) -> tuple[User, ApiKey]:
    """Copies for one request (Django's copy of a model instance copies its state and related-object cache)."""
    mine = copy.copy(key)
    user = copy.copy(key.user)
    mine.user = user
    return user, mine


def _load(lookup: str) -> ApiKey | None:
    return ApiKey.objects.active().select_related("user", "user__tier").filter(lookup=lookup).first()


def user_for_api_key(raw: str) -> tuple[User, ApiKey] | None:
    if not raw.startswith(API_KEY_PREFIX):
        return None
    digest = hash_api_key(raw)
    ttl_s = settings.KINEMA_API_KEY_CACHE_S
    key = key_cache.get(digest) if ttl_s > 0 else None
    if key is None:
        lookup = raw[len(API_KEY_PREFIX):].split("_", 1)[0]
        key = _load(lookup)
        if key is None or not hmac.compare_digest(key.key_hash, digest) or not key.user.is_active:
            return None
        if ttl_s > 0:
            key_cache.put(digest, key, ttl_s)
    now = timezone.now()
    if key.last_used_at is None or (now - key.last_used_at).total_seconds() > TOUCH_EVERY_S:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now  # the cached row too, or every request would touch once the minute passed
    return _private_copy(key)


def _forget_key(sender: type[ApiKey], instance: ApiKey, **kwargs: Any) -> None:
    key_cache.drop(key_id=instance.pk)


def _forget_user(sender: type[User], instance: User, **kwargs: Any) -> None:
    key_cache.drop(user_id=instance.pk)


def _forget_all(sender: type[Tier], instance: Tier, **kwargs: Any) -> None:
    key_cache.clear()  # a plan's limits changed (the admin): every cached user of it


# A revocation, deactivation or plan change saved in this process applies here at once.
post_save.connect(_forget_key, sender=ApiKey, dispatch_uid="kinema-api-key-cache-key")
post_delete.connect(_forget_key, sender=ApiKey, dispatch_uid="kinema-api-key-cache-key-delete")
post_save.connect(_forget_user, sender=User, dispatch_uid="kinema-api-key-cache-user")
post_delete.connect(_forget_user, sender=User, dispatch_uid="kinema-api-key-cache-user-delete")
post_save.connect(_forget_all, sender=Tier, dispatch_uid="kinema-api-key-cache-tier")


class ApiKeyAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        raw = bearer_credential(header)
        if raw is None:
            raise exceptions.AuthenticationFailed("Authorization header must be 'Bearer <api key>'.")
        found = user_for_api_key(raw)
        if found is None:
            raise exceptions.AuthenticationFailed("Incorrect API key provided, or the key was revoked.")
        return found

    def authenticate_header(self, request) -> str:
        return self.keyword
