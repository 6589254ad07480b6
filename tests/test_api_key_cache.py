"""The per-process API-key cache (accounts/authentication.py): a cached key costs no query; a revocation,
deactivation or plan change saved in this process applies at once; one made elsewhere (here: a queryset
update, which sends no signal, as another process' write would look) within KINEMA_API_KEY_CACHE_S."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.authentication import key_cache, user_for_api_key
from accounts.models import ApiKey, Tier, User
from tests.conftest import wait_for


@pytest.fixture
def cache_on(settings) -> Iterator[None]:
    settings.KINEMA_API_KEY_CACHE_S = 30
    key_cache.clear()
    yield
    key_cache.clear()


def ping(key: str) -> int:
    return Client(headers={"Authorization": f"Bearer {key}"}).get("/v1/ping").status_code


@pytest.mark.django_db
def test_a_cached_key_costs_no_query_and_each_request_gets_its_own_rows(make_user, cache_on) -> None:
    user, key = make_user("cached")
    assert ping(key) == 200
    with CaptureQueriesContext(connection) as queries:
        assert ping(key) == 200
    assert not [q for q in queries.captured_queries if "accounts_apikey" in q["sql"]], queries.captured_queries
    first, second = user_for_api_key(key), user_for_api_key(key)
    assert first is not None and second is not None
    assert first[0] is not second[0] and first[1] is not second[1] and first[0].pk == second[0].pk == user.pk
    first[0].username = "changed by one request"
    assert second[0].username == "cached" and user_for_api_key(key)[0].username == "cached"  # type: ignore[index]
    # A wrong secret with a valid lookup is never served from another key's entry.
    lookup = key.split("_")[1]
    assert user_for_api_key(f"kin_{lookup}_not-the-secret") is None


@pytest.mark.django_db
def test_revocation_deactivation_and_plan_changes_saved_here_apply_at_once(make_user, cache_on) -> None:
    user, key = make_user("revoked-here", tier="plus")
    client = Client(headers={"Authorization": f"Bearer {key}"})
    assert client.get("/v1/ping")["X-RateLimit-Limit"] == str(Tier.objects.get(name="plus").requests_per_minute)
    user.tier_id = "pro"
    user.save(update_fields=["tier"])
    assert client.get("/v1/ping")["X-RateLimit-Limit"] == str(Tier.objects.get(name="pro").requests_per_minute)
    pro = Tier.objects.get(name="pro")
    pro.requests_per_minute = 777
    pro.save()  # the admin edits a plan
    assert client.get("/v1/ping")["X-RateLimit-Limit"] == "777"
    ApiKey.objects.get(user=user).revoke()
    assert ping(key) == 401

    other, other_key = make_user("deactivated-here")
    assert ping(other_key) == 200
    other.is_active = False
    other.save(update_fields=["is_active"])
    assert ping(other_key) == 401


@pytest.mark.django_db
def test_a_revocation_made_elsewhere_applies_within_the_cache_delay(make_user, settings) -> None:
    settings.KINEMA_API_KEY_CACHE_S = 1
    key_cache.clear()
    user, key = make_user("revoked-elsewhere")
    assert ping(key) == 200
    # Another process revokes: no signal reaches this one, so the cached key still works for a moment...
    ApiKey.objects.filter(user=user).update(revoked_at=timezone.now())
    assert ping(key) == 200
    # ...and is refused once its entry expires.
    wait_for(lambda: ping(key) == 401, timeout=10, interval=0.2)
    User.objects.filter(pk=user.pk).update(is_active=False)
    key_cache.clear()


@pytest.mark.django_db
def test_last_use_is_written_at_most_once_a_minute_with_the_cache(make_user, cache_on) -> None:
    user, key = make_user("last-use")
    assert ping(key) == 200
    stored = ApiKey.objects.get(user=user)
    assert stored.last_used_at is not None
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert ping(key) == 200
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    # A minute later (the stored time moved back) the next request writes it once more.
    ApiKey.objects.filter(pk=stored.pk).update(last_used_at=timezone.now() - timedelta(minutes=5))
    key_cache.clear()
    assert ping(key) == 200
    stored.refresh_from_db()
    assert stored.last_used_at is not None and timezone.now() - stored.last_used_at < timedelta(minutes=1)


@pytest.mark.django_db
def test_without_the_cache_every_request_looks_the_key_up(make_user, settings) -> None:
    settings.KINEMA_API_KEY_CACHE_S = 0
    key_cache.clear()
    user, key = make_user("uncached")
    assert ping(key) == 200
    ApiKey.objects.filter(user=user).update(revoked_at=timezone.now())
    assert ping(key) == 401
