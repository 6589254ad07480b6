"""The live feed: `/ws/jobs/` pushes the signed-in user's job events (state changes, progress).

A socket stays open only while the credential it was opened with holds: jobs.feed_auth re-checks
every open socket every KINEMA_FEED_RECHECK_S seconds and closes it with 4401 (key revoked, session
ended) or 4403 (account deactivated). A user holds at most KINEMA_FEED_MAX_SOCKETS_PER_USER sockets on
one feed process; one more is closed at once with 4429. When the channel layer (Redis) cannot take the
socket's group membership, the handshake is refused (HTTP 403) and the client reconnects.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from dataclasses import dataclass, field
from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer, AsyncWebsocketConsumer
from django.conf import settings

from jobs.feed_auth import CLOSE_CREDENTIAL_ENDED, credential_for, of_this_loop, revalidator
from jobs.signals import user_group

log = logging.getLogger(__name__)

CLOSE_TOO_MANY_FEEDS = 4429
# Group joins and leaves in flight at once per event loop. The channel layer's Redis pool holds 100 connections and
# raises past them instead of waiting: a burst (every client reconnecting after a deploy, a thousand sockets
# closing together) failed its joins and leaves, leaving dead channels in the group for a day.
LAYER_CALLS_AT_ONCE = 32


@dataclass
class _LoopFeeds:
    """This event loop's feed bookkeeping (see feed_auth.of_this_loop)."""

    layer_calls: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(LAYER_CALLS_AT_ONCE))
    open_per_user: dict[int, int] = field(default_factory=dict)


_loops: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopFeeds] = weakref.WeakKeyDictionary()


def _feeds() -> _LoopFeeds:
    return of_this_loop(_loops, _LoopFeeds)


class JobFeedConsumer(AsyncJsonWebsocketConsumer):
    """One way, server to client: what a client sends is never read. (The JSON consumer's own `receive` parsed
    every frame, so a text frame that was not JSON, a binary frame or JSON nested too deeply raised inside the
    application and closed the socket with 1011, logged as a server error.)"""

    held_by: int | None = None  # the user whose slot this socket holds

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_CREDENTIAL_ENDED)
            return
        # The slot is taken before any await: a burst of handshakes by one user cannot all pass the check.
        counts = _feeds().open_per_user
        if counts.get(user.pk, 0) >= settings.KINEMA_FEED_MAX_SOCKETS_PER_USER:
            # Accepted and closed at once, so that the client sees why (a refused handshake is a bare HTTP 403).
            await self.accept()
            await self.close(code=CLOSE_TOO_MANY_FEEDS)
            return
        counts[user.pk] = counts.get(user.pk, 0) + 1
        self.held_by = user.pk
        try:
            credential = await credential_for(self.scope)
            group = user_group(user.pk)
            try:
                async with _feeds().layer_calls:
                    await self.channel_layer.group_add(group, self.channel_name)
            except Exception:
                log.warning("live feed: the channel layer did not take a socket's group; handshake refused",
                            exc_info=True)
                self._release()
                await self.close()  # before accept: the server refuses the handshake (HTTP 403); the client retries
                return
        except BaseException:
            # Nothing was accepted and no disconnect may follow (a failed credential read, a handshake cancelled
            # by the server's timeout while it waited for a slot): the user's slot is given back here.
            self._release()
            raise
        self.group = group
        await self.accept()
        revalidator().watch(self, credential)

    def _release(self) -> None:
        if self.held_by is None:
            return
        counts = _feeds().open_per_user
        left = counts.get(self.held_by, 0) - 1
        if left > 0:
            counts[self.held_by] = left
        else:
            counts.pop(self.held_by, None)
        self.held_by = None

    async def disconnect(self, code: int) -> None:
        revalidator().forget(self)
        self._release()
        if hasattr(self, "group"):
            try:
                async with _feeds().layer_calls:
                    await self.channel_layer.group_discard(self.group, self.channel_name)
            except Exception:  # the membership expires with the group (channels-redis' group_expiry)
                log.warning("live feed: the channel layer did not drop a closed socket's group membership",
                            exc_info=True)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None, **kwargs: Any) -> None:
        """Ignored: the feed takes no input (a client's keep-alive text is as welcome as silence)."""

    async def job_event(self, message: dict[str, Any]) -> None:
        await self.send_json(message["event"])


class NoSuchFeed(AsyncWebsocketConsumer):
    """Every other websocket path: the handshake is refused (closed before it is accepted, which the server
    answers with HTTP 403). Without it the router raised "No route found" and the upgrade got a 500."""

    async def connect(self) -> None:
        await self.close()
