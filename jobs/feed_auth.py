"""Websocket authentication for API clients: `Authorization: Bearer <api key>` on the upgrade request.

Browsers authenticate with the session cookie (Channels' AuthMiddlewareStack runs first); when that
leaves the user anonymous, this middleware tries the API key.
"""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware

from accounts.authentication import user_for_api_key


@database_sync_to_async
def _user_for(raw: str) -> Any:
    found = user_for_api_key(raw)
    return found[0] if found else None


class ApiKeyAuthMiddleware(BaseMiddleware):
    async def __call__(self, scope, receive, send):  # type: ignore[no-untyped-def]
        user = scope.get("user")
        if user is None or not user.is_authenticated:
            headers = dict(scope.get("headers") or [])
            auth = headers.get(b"authorization", b"").decode("latin-1")
            if auth.startswith("Bearer "):
                found = await _user_for(auth[len("Bearer "):].strip())
                if found is not None:
                    scope = {**scope, "user": found}
        return await super().__call__(scope, receive, send)
