"""A tier's limits: length, size and steps caps, the queue cap and daily quota, and concurrent jobs per user."""

from __future__ import annotations

import pytest

from accounts.models import Tier
from jobs import lifecycle
from jobs.models import Job
from jobs.models import JobState as S
from tests.credit_helpers import client_for


@pytest.mark.django_db
def test_free_tier_limits_each_give_a_clear_error(make_user) -> None:
    _, key = make_user("freebie", tier="free")
    api = client_for(key)
    resp = api.post("/v1/videos", {"prompt": "a cat", "seconds": 12}, format="json")
    assert resp.status_code == 400 and resp.json()["error"]["code"] == "tier_limit_exceeded"
    assert "8 seconds" in resp.json()["error"]["message"]

    Tier.objects.filter(name="free").update(max_height=64)
    resp = api.post("/v1/videos", {"prompt": "a cat", "size": "1280x720"}, format="json")
    assert resp.status_code == 400 and resp.json()["error"]["param"] == "size"
    assert "64p" in resp.json()["error"]["message"]
    Tier.objects.filter(name="free").update(max_height=480)

    video = api.post("/v1/videos", {"prompt": "a cat", "steps": 80}, format="json").json()
    assert video["total_steps"] == 30 and "reduced from 80 to 30" in video["notices"][0]
    assert api.post("/v1/videos", {"prompt": "a dog"}, format="json").json()["total_steps"] == 30


@pytest.mark.django_db
def test_queue_cap_and_daily_quota_are_429(make_user) -> None:
    Tier.objects.filter(name="free").update(max_queued=2, daily_quota=3)
    _, key = make_user("capped-free", tier="free")
    api = client_for(key)
    ids = [api.post("/v1/videos", {"prompt": f"scene {i}"}, format="json").json()["id"] for i in range(2)]
    resp = api.post("/v1/videos", {"prompt": "one too many"}, format="json")
    assert resp.status_code == 429 and resp.json()["error"]["code"] == "too_many_queued"
    assert resp["Retry-After"]
    api.post(f"/v1/videos/{ids[0]}/cancel")
    assert api.post("/v1/videos", {"prompt": "third today"}, format="json").status_code == 200
    api.post(f"/v1/videos/{ids[1]}/cancel")
    resp = api.post("/v1/videos", {"prompt": "fourth today"}, format="json")
    assert resp.status_code == 429 and resp.json()["error"]["code"] == "daily_quota_exceeded"
    assert int(resp["Retry-After"]) > 0


@pytest.mark.django_db
def test_dispatcher_honours_max_concurrent_per_user(make_user) -> None:
    from jobs.models import GpuWorker
    from jobs.scheduling_live import LiveScheduler

    Tier.objects.filter(name="free").update(max_concurrent=1, max_queued=10)
    GpuWorker.objects.create(name="fake-big", queue_name="gpu.fake-big", gpu_class="cpu", model="kinema-tiny",
                             slots=3, memory_mb=80_000)
    _, flooder_key = make_user("flooder", tier="free")
    _, other_key = make_user("other", tier="free")
    flood = [client_for(flooder_key).post("/v1/videos", {"prompt": f"f{i}"}, format="json").json()["id"]
             for i in range(3)]
    other = client_for(other_key).post("/v1/videos", {"prompt": "mine"}, format="json").json()["id"]
    for job_id in [*flood, other]:
        lifecycle.accept_after_screening(job_id)
    assert LiveScheduler().assign() == 2
    dispatched = set(Job.objects.filter(state=S.DISPATCHED).values_list("id", flat=True))
    assert dispatched == {flood[0], other}, "one job per user: the cap holds, the free slot goes to the other user"
