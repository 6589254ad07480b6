"""/healthz and /readyz: the checks, and the anonymous readiness answer's cache."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.test_metrics import scrape_headers


def failing_check() -> dict:
    raise ConnectionError("connection refused")


@pytest.mark.django_db
def test_health_and_readiness(settings, monkeypatch) -> None:
    from webapp import health

    settings.KINEMA_READYZ_CACHE_S = 0  # every call checks
    anonymous, scraper = Client(), Client(headers=scrape_headers())
    assert anonymous.get("/healthz").json() == {"status": "ok"}
    assert anonymous.get("/readyz").json() == {"status": "ready"}  # terse for anyone
    ready = scraper.get("/readyz")
    assert ready.status_code == 200 and all(c["ok"] for c in ready.json()["checks"].values())
    assert set(ready.json()["checks"]) == {"database", "redis", "storage", "gpu_workers"}
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    # Redis away: the process still takes submissions and serves reads (degraded, stays in rotation).
    down = anonymous.get("/readyz")
    assert down.status_code == 200 and down.json() == {"status": "degraded", "failing": ["redis"]}
    detailed = scraper.get("/readyz")
    body = detailed.json()
    assert detailed.status_code == 200 and body["status"] == "degraded"
    assert body["checks"]["redis"]["ok"] is False and body["checks"]["database"]["ok"] is True
    assert "Error" in body["checks"]["redis"]["error"]  # the exception, for the token holder only
    # The database away: nothing can be served, so the process is not ready.
    monkeypatch.setitem(health.CHECKS, "database", failing_check)
    unready = anonymous.get("/readyz")
    assert unready.status_code == 503 and unready.json() == {"status": "unavailable", "failing": ["database", "redis"]}
    assert anonymous.get("/healthz").status_code == 200  # alive, just not ready


@pytest.mark.django_db
def test_anonymous_readiness_is_cached_and_costs_no_storage_write_per_call(settings, monkeypatch) -> None:
    from webapp import health

    settings.KINEMA_READYZ_CACHE_S = 3600  # far longer than the test: expiry is not what this checks
    health.readiness.clear()
    writes: list[dict] = []  # the storage check writes, reads back and deletes an object each time it runs
    real_check = health.CHECKS["storage"]

    def counted_check() -> dict:
        writes.append(real_check())
        return writes[-1]

    monkeypatch.setitem(health.CHECKS, "storage", counted_check)
    anonymous = Client()
    for _ in range(5):
        assert anonymous.get("/readyz").json() == {"status": "ready"}
    assert len(writes) == 1  # one round trip served all five
    assert Client(headers=scrape_headers()).get("/readyz").json()["checks"]["storage"]["ok"] is True
    assert len(writes) == 2  # the token holder always gets a fresh check...
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    assert anonymous.get("/readyz").status_code == 200  # ...anonymous callers the cached result
    assert Client(headers=scrape_headers()).get("/readyz").json()["status"] == "degraded"  # fresh, now cached
    assert anonymous.get("/readyz").json() == {"status": "degraded", "failing": ["redis"]}
    health.readiness.clear()
