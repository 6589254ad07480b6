"""Template context shared by every page: the signed-in user's plan and balance."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def account(request: HttpRequest) -> dict[str, Any]:
    from django.conf import settings

    context: dict[str, Any] = {"ws_port": settings.KINEMA_WS_PORT}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return context
    from accounts.credits import balance

    return {**context, "account_tier": user.tier, "account_balance": balance(user)}
