"""Websocket authentication for the live feed, at connect time and for as long as a socket stays open.

At connect: browsers authenticate with the session cookie (Channels' AuthMiddlewareStack runs
first); when that leaves the user anonymous, `ApiKeyAuthMiddleware` tries `Authorization: Bearer
<api key>` and records which key it was.

While open: a websocket outlives the credential it was opened with, so every daphne process
re-checks all of its open sockets' credentials every `KINEMA_FEED_RECHECK_S` seconds, in one
batch (`FeedRevalidator`): at most three indexed queries per sweep whatever the number of sockets
(users, API keys, sessions), instead of a query per socket. A socket whose credential no longer
holds is closed with an application close code:

- 4401: the API key was revoked, or the session ended (logout, expiry, a password change);
- 4403: the account was deactivated or deleted.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Protocol, TypeVar

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY
from django.core.exceptions import ImproperlyConfigured, SynchronousOnlyOperation
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from accounts.authentication import user_for_api_key
from webapp.security import bearer_credential

log = logging.getLogger(__name__)
T = TypeVar("T")

CLOSE_CREDENTIAL_ENDED = 4401
CLOSE_ACCOUNT_DISABLED = 4403


@database_sync_to_async
def _user_and_key_for(raw: str) -> tuple[Any, int] | None:
    found = user_for_api_key(raw)
    return (found[0], found[1].pk) if found else None


class ApiKeyAuthMiddleware(BaseMiddleware):
    async def __call__(self, scope, receive, send):
        user = scope.get("user")
        if user is None or not user.is_authenticated:
            headers = dict(scope.get("headers") or [])
            auth = headers.get(b"authorization", b"").decode("latin-1")
            raw = bearer_credential(auth)
            if raw is not None:
                found = await _user_and_key_for(raw)
                if found is not None:
                    # The key's id travels with the socket so that its revocation can close it.
                    scope = {**scope, "user": found[0], "api_key_id": found[1]}
        return await super().__call__(scope, receive, send)


@dataclass(frozen=True)
class FeedCredential:
    """What an open socket was authenticated with: an API key, or a session (with the password-derived
    hash Django stored in it at login, so that a password change ends it, as it does over HTTP)."""

    user_id: int
    api_key_id: int | None = None
    session_key: str | None = None
    session_auth_hash: str | None = None


def _session_credential(scope: dict[str, Any]) -> FeedCredential:
    session = scope["session"]
    return FeedCredential(user_id=scope["user"].pk, session_key=session.session_key,
                          session_auth_hash=session.get(HASH_SESSION_KEY))


async def credential_for(scope: dict[str, Any]) -> FeedCredential:
    """The credential of an authenticated websocket scope, without a trip to a thread when possible:
    handshakes come in bursts (every client reconnects after a deploy), and each hop costs one."""
    if scope.get("api_key_id") is not None:
        return FeedCredential(user_id=scope["user"].pk, api_key_id=scope["api_key_id"])
    try:
        # AuthMiddleware read the session to find the user, so its data is normally loaded already.
        return _session_credential(scope)
    except SynchronousOnlyOperation:
        return await database_sync_to_async(_session_credential)(scope)


def _session_hash_holds(user: Any, stored: str | None) -> bool:
    # The same test django.contrib.auth.get_user applies on every HTTP request (fallback secrets included).
    if stored is None:
        return True
    if constant_time_compare(stored, user.get_session_auth_hash()):
        return True
    return any(constant_time_compare(stored, fallback) for fallback in user.get_session_auth_fallback_hash())


def _live_session_keys(keys: set[str]) -> set[str]:
    engine = import_module(settings.SESSION_ENGINE)
    store_class = engine.SessionStore
    if hasattr(store_class, "get_model_class"):  # db and cached_db: one indexed query
        model = store_class.get_model_class()
        return set(model.objects.filter(session_key__in=keys, expire_date__gt=timezone.now())
                   .values_list("session_key", flat=True))
    if settings.SESSION_ENGINE.endswith("signed_cookies"):  # nothing on the server can end it
        return keys
    return {key for key in keys if store_class().exists(key)}


def find_ended(credentials: Iterable[FeedCredential]) -> dict[FeedCredential, int]:
    """Of these credentials, those that no longer hold, each with the close code its socket gets."""
    from accounts.models import ApiKey, User

    credentials = set(credentials)
    if not credentials:
        return {}
    users = {user.pk: user for user in User.objects.filter(pk__in={c.user_id for c in credentials})
             .only("pk", "is_active", "password")}
    key_ids = {c.api_key_id for c in credentials if c.api_key_id is not None}
    live_keys = set(ApiKey.objects.active().filter(pk__in=key_ids).values_list("pk", flat=True)) if key_ids else set()
    session_keys = {c.session_key for c in credentials if c.session_key is not None}
    live_sessions = _live_session_keys(session_keys) if session_keys else set()

    ended: dict[FeedCredential, int] = {}
    for cred in credentials:
        user = users.get(cred.user_id)
        if user is None or not user.is_active:
            ended[cred] = CLOSE_ACCOUNT_DISABLED
        elif cred.api_key_id is not None:
            if cred.api_key_id not in live_keys:
                ended[cred] = CLOSE_CREDENTIAL_ENDED
        elif cred.session_key not in live_sessions or not _session_hash_holds(user, cred.session_auth_hash):
            ended[cred] = CLOSE_CREDENTIAL_ENDED
    return ended


class Closable(Protocol):
    async def close(self, code: int | bool | None = None, reason: str | None = None) -> None: ...


def recheck_interval() -> float:
    interval = float(settings.KINEMA_FEED_RECHECK_S)
    if not interval > 0:
        raise ImproperlyConfigured("KINEMA_FEED_RECHECK_S must be a positive number of seconds")
    return interval


class FeedRevalidator:
    """The open sockets of one event loop and the task that re-checks their credentials.

    The task runs only while sockets are watched. A sweep that fails (the database is unreachable)
    keeps the sockets open and is retried at the next interval: the feed carries only the user's own
    events, and a reconnect could not authenticate anyway while the database is down.
    """

    def __init__(self) -> None:
        self.watched: dict[Closable, FeedCredential] = {}
        self._task: asyncio.Task[None] | None = None

    def watch(self, socket: Closable, credential: FeedCredential) -> None:
        self.watched[socket] = credential
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run(recheck_interval()))

    def forget(self, socket: Closable) -> None:
        self.watched.pop(socket, None)

    async def _run(self, interval: float) -> None:
        while self.watched:
            await asyncio.sleep(interval)
            try:
                await self.sweep()
            except Exception:
                log.warning("feed credential re-check failed; open sockets kept until the next one",
                            exc_info=True)

    async def sweep(self) -> int:
        """Close every watched socket whose credential ended; returns how many were closed."""
        snapshot = dict(self.watched)
        ended = await database_sync_to_async(find_ended)(snapshot.values())
        closed = 0
        for socket, credential in snapshot.items():
            code = ended.get(credential)
            if code is None or socket not in self.watched:
                continue
            self.forget(socket)
            try:
                await socket.close(code=code)
                closed += 1
            except Exception:  # already gone: nothing left to close
                log.debug("feed socket vanished before its close", exc_info=True)
        return closed


_revalidators: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, FeedRevalidator] = weakref.WeakKeyDictionary()


def of_this_loop(registry: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, T], make: Callable[[], T]) -> T:
    """The running event loop's entry of `registry`, made on first use (daphne runs one loop; tests may run
    several, one after another, and an object bound to one loop must not serve the next)."""
    loop = asyncio.get_running_loop()
    found = registry.get(loop)
    if found is None:
        found = registry[loop] = make()
    return found


def revalidator() -> FeedRevalidator:
    """This event loop's revalidator."""
    return of_this_loop(_revalidators, FeedRevalidator)
