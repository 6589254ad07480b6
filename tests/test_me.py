"""/v1/me: the caller's tier, balance, lots, holds and usage."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.credits import grant_credits
from tests.credit_helpers import client_for


@pytest.mark.django_db
def test_me_shows_tier_balance_lots_holds_and_usage(make_user) -> None:
    user, key = make_user("me", tier="free", credits=0)
    grant_credits(user, 40, expires_at=timezone.now() + timedelta(days=2))
    api = client_for(key)
    held = api.post("/v1/videos", {"prompt": "a lake"}, format="json").json()["credits_held"]
    me = api.get("/v1/me").json()
    assert me["tier"] == "free" and me["limits"]["step_budget"] == 30
    assert me["balance"] == 40 - held and me["held"] == held
    assert me["lots"][0]["remaining"] == 40 - held and me["lots"][0]["expires_at"]
    assert me["usage_today"]["generations"] == 1 and me["active_jobs"] == 1
