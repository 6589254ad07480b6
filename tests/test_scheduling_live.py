"""The fair scheduler in the live system: real dispatcher, real GPU worker, real preemption."""

from __future__ import annotations

import httpx
import pytest

from accounts.models import Tier
from jobs.models import Job, JobEvent, JobState
from tests.conftest import wait_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LONG = {"prompt": "a long tracking shot", "size": "1280x720", "seconds": 12, "fps": 8}


def api(live_server, key: str) -> httpx.Client:
    return httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)


def started_at(job_id: str):
    return JobEvent.objects.filter(job_id=job_id, to_state=JobState.RUNNING).order_by("id").values_list(
        "at", flat=True).first()


def done(job_id: str) -> bool:
    return Job.objects.filter(pk=job_id, state__in=[JobState.SUCCEEDED, JobState.FAILED]).exists()


def test_a_flood_does_not_delay_another_users_job(stack, live_server, make_user) -> None:
    Tier.objects.filter(name="plus").update(max_concurrent=10, max_queued=50, max_seconds=20)
    _, flooder = make_user("flooder", tier="plus")
    _, other = make_user("patient", tier="plus")
    with api(live_server, flooder) as c:
        flood = [c.post("/v1/videos", json={**LONG, "seconds": 20, "seed": i}).json()["id"] for i in range(5)]
    first = wait_for(lambda: Job.objects.filter(pk__in=flood, state=JobState.RUNNING).values_list(
        "id", flat=True).first(), timeout=60, interval=0.02)
    rest = [f for f in flood if f != first]
    with api(live_server, other) as c:
        mine = c.post("/v1/videos", json={"prompt": "my one clip", "size": "96x96", "seconds": 1}).json()["id"]
    wait_for(lambda: Job.objects.filter(pk=mine).exclude(state=JobState.SUBMITTED).exists(), timeout=30,
             interval=0.02)
    # Precondition: the other user's job was waiting while the flood's first job still ran.
    assert Job.objects.get(pk=first).state == JobState.RUNNING
    wait_for(lambda: done(mine), timeout=120)
    mine_start = started_at(mine)
    later = [f for f in rest if started_at(f) is None or started_at(f) > mine_start]
    assert later == rest, "the other user's job ran right after the flood's first, before the other four"
    for job_id in flood:  # let the flood finish before the next test
        wait_for(lambda j=job_id: done(j), timeout=180)


def test_pro_job_preempts_a_free_job_which_resumes_from_its_checkpoint(stack, live_server,
                                                                       make_user) -> None:
    Tier.objects.filter(name="free").update(max_seconds=20, step_budget=100)
    Tier.objects.filter(name="pro").update(wait_target_s=1)
    _, free_key = make_user("free-runner", tier="free")
    _, pro_key = make_user("pro-arrival", tier="pro")
    with api(live_server, free_key) as c:
        free_job = c.post("/v1/videos", json={**LONG, "seconds": 20, "seed": 9}).json()["id"]
    wait_for(lambda: Job.objects.filter(pk=free_job, state=JobState.RUNNING, step__gte=12).exists(), timeout=60,
             interval=0.02)
    with api(live_server, pro_key) as c:
        pro_job = c.post("/v1/videos", json={"prompt": "urgent pro clip", "size": "96x96", "seconds": 1}).json()["id"]
    wait_for(lambda: done(pro_job), timeout=120)
    wait_for(lambda: done(free_job), timeout=180)
    free, pro = Job.objects.get(pk=free_job), Job.objects.get(pk=pro_job)
    assert pro.state == JobState.SUCCEEDED and free.state == JobState.SUCCEEDED
    assert free.preemptions == 1
    events = list(JobEvent.objects.filter(job_id=free_job))
    reasons = [e.reason for e in events]
    assert "preemption requested" in reasons and "preempted" in reasons
    yielded = next(e for e in events if e.reason == "preempted")
    resumed = next(e for e in events if e.reason == "resumed from checkpoint")
    assert resumed.detail["step"] == yielded.detail["checkpoint_step"] >= 12
    assert started_at(pro_job) < JobEvent.objects.filter(job_id=free_job, to_state=JobState.RUNNING) \
        .order_by("-id").values_list("at", flat=True).first(), "the pro job ran while the free one waited"
    assert free.step == free.steps == 100


def test_autoscaling_signal_is_published_for_staff(stack, client, make_user) -> None:
    from accounts.models import User

    def signal():
        resp = client.get("/ops/autoscale")
        return resp.json() if resp.status_code == 200 else None

    user, _ = make_user("creator-not-staff")
    client.force_login(user)
    assert client.get("/ops/autoscale").status_code == 302  # to the admin login: staff only
    staff = User.objects.create_user("operator", password="operator-pass-1", is_staff=True)
    client.force_login(staff)
    data = wait_for(signal, timeout=20)
    assert set(data) >= {"desired", "current", "busy", "backlog_gpu_s", "queued"}
    assert all(isinstance(n, int) and n >= 0 for n in data["desired"].values())
    assert data["current"], "the live GPU worker's class is in the signal"
