"""`GET /v1/me`: plan, limits, balance, lots, holds and today's usage (moved here from accounts/views.py:
it reads jobs, and accounts sits below jobs)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.credits import balance, outstanding_holds
from accounts.models import CreditLot, User
from jobs.api.base import KinemaView, caller
from jobs.models import ACTIVE_STATES, Job
from jobs.selectors import generations_today, unix_seconds


def account_summary(user: User) -> dict[str, Any]:
    tier = user.tier
    now = timezone.now()
    lots = CreditLot.objects.filter(user=user, remaining__gt=0).order_by("expires_at", "id")
    return {
        "object": "user",
        "username": user.username,
        "tier": tier.name,
        "limits": {
            "step_budget": tier.step_budget, "max_resolution": tier.max_height, "max_seconds": tier.max_seconds,
            "daily_quota": tier.daily_quota, "max_concurrent": tier.max_concurrent, "max_queued": tier.max_queued,
            "requests_per_minute": tier.requests_per_minute,
        },
        "balance": balance(user),
        "held": outstanding_holds(user),
        "lots": [{"id": lot.pk, "source": lot.source, "amount": lot.amount, "remaining": lot.remaining,
                  "expires_at": unix_seconds(lot.expires_at), "expired": bool(lot.expires_at and lot.expires_at <= now)}
                 for lot in lots],
        "usage_today": {"generations": generations_today(user)},
        "active_jobs": Job.objects.filter(user=user, state__in=ACTIVE_STATES).count(),
    }


class Me(KinemaView):
    @extend_schema(operation_id="retrieveMe", responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request) -> Response:
        return Response(account_summary(caller(request)))
