"""The per-key request rate limit (a token bucket in Redis) and its headers."""

from __future__ import annotations

import pytest

from accounts.models import Tier
from tests.credit_helpers import client_for


@pytest.mark.django_db
def test_rate_limit_token_bucket_with_headers(make_user) -> None:
    Tier.objects.filter(name="free").update(requests_per_minute=3)
    _, key = make_user("chatty", tier="free")
    api = client_for(key)
    first = api.get("/v1/videos")
    assert first.status_code == 200
    assert first["X-RateLimit-Limit"] == "3" and first["X-RateLimit-Remaining"] == "2"
    assert [api.get("/v1/videos").status_code for _ in range(2)] == [200, 200]
    limited = api.get("/v1/videos")
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "rate_limit_exceeded"
    assert int(limited["Retry-After"]) >= 1 and limited["X-RateLimit-Remaining"] == "0"
