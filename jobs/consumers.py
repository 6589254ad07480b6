"""The live feed: `/ws/jobs/` pushes the signed-in user's job events (state changes, progress).

A socket stays open only while the credential it was opened with holds: jobs.feed_auth re-checks
every open socket every KINEMA_FEED_RECHECK_S seconds and closes it with 4401 (key revoked, session
ended) or 4403 (account deactivated).
"""

from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer, AsyncWebsocketConsumer

from jobs.feed_auth import CLOSE_CREDENTIAL_ENDED, credential_for, revalidator
from jobs.signals import user_group


class JobFeedConsumer(AsyncJsonWebsocketConsumer):
    """One way, server to client: what a client sends is never read. (The JSON consumer's own `receive` parsed
    every frame, so a text frame that was not JSON, a binary frame or JSON nested too deeply raised inside the
    application and closed the socket with 1011, logged as a server error.)"""

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_CREDENTIAL_ENDED)
            return
        credential = await credential_for(self.scope)
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        revalidator().watch(self, credential)

    async def disconnect(self, code: int) -> None:
        revalidator().forget(self)
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None, **kwargs: Any) -> None:
        """Ignored: the feed takes no input (a client's keep-alive text is as welcome as silence)."""

    async def job_event(self, message: dict[str, Any]) -> None:
        await self.send_json(message["event"])


class NoSuchFeed(AsyncWebsocketConsumer):
    """Every other websocket path: the handshake is refused (closed before it is accepted, which the server
    answers with HTTP 403). Without it the router raised "No route found" and the upgrade got a 500."""

    async def connect(self) -> None:
        await self.close()
