"""The fair scheduler in the live system: real dispatcher, real GPU worker, real preemption."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from django.utils import timezone

from accounts.models import Tier
from jobs import fleet
from jobs.models import GpuWorker, Job, JobEvent, JobState
from jobs.scheduling_live import LiveScheduler
from tests.conftest import session_gpu_worker, wait_for, without_session_workers
from tests.test_lifecycle import make_job

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LONG = {"prompt": "a long tracking shot", "size": "1280x720", "seconds": 12, "fps": 8}


def api(live_server, key: str) -> httpx.Client:
    return httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)


def started_at(job_id: str):
    return JobEvent.objects.filter(job_id=job_id, to_state=JobState.RUNNING).order_by("id").values_list(
        "at", flat=True).first()


def done(job_id: str) -> bool:
    return Job.objects.filter(pk=job_id, state__in=[JobState.SUCCEEDED, JobState.FAILED]).exists()


def timeline(job_ids: list[str]) -> list[tuple[str, str, str, str]]:
    """Each job's state changes (job id tail, state, time, reason): what a failure shows, to tell a prefetch,
    a second GPU worker or a late screening apart."""
    events = JobEvent.objects.filter(job_id__in=job_ids).order_by("at", "id")
    return [(e.job_id[-6:], e.to_state, e.at.strftime("%H:%M:%S.%f"), e.reason or "") for e in events]


def workers_seen() -> list[tuple[str, str, str]]:
    return [(w.name, str(w.service), w.last_heartbeat.strftime("%H:%M:%S")) for w in GpuWorker.objects.all()]


def test_a_flood_does_not_delay_another_users_job(stack, live_server, make_user) -> None:
    Tier.objects.filter(name="plus").update(max_concurrent=10, max_queued=50, max_seconds=20)
    _, flooder = make_user("flooder", tier="plus")
    _, other = make_user("patient", tier="plus")
    # The GPUs are held out of service while both users submit, so the other user's job is queued behind all five
    # of the flood's before any of them runs. Submitted while the flood's first ran, it raced the dispatcher: these
    # clips render in less than the prefetch lead (KINEMA_GPU_PREFETCH_LEAD_S), so the flood's second was taken
    # ahead the moment the first started, and whether the other job's screening ended before that was chance.
    gpu = session_gpu_worker().pk  # (after another transactional test's flush, its row comes back with a heartbeat)
    fleet.drain(gpu, reason="test: the queue fills before any job runs")
    try:
        with api(live_server, flooder) as c:
            flood = [c.post("/v1/videos", json={**LONG, "seconds": 20, "seed": i}).json()["id"] for i in range(5)]
        wait_for(lambda: Job.objects.filter(pk__in=flood, state=JobState.QUEUED).count() == 5, timeout=60,
                 interval=0.05)
        with api(live_server, other) as c:
            mine = c.post("/v1/videos", json={"prompt": "my one clip", "size": "96x96", "seconds": 1}).json()["id"]
        wait_for(lambda: Job.objects.filter(pk__in=[*flood, mine], state=JobState.QUEUED).count() == 6,
                 timeout=60, interval=0.05)
        assert not any(started_at(j) for j in [*flood, mine]), "nothing ran while the queue filled"
    finally:
        fleet.return_to_service(gpu, reason="test: the queue is full")
    wait_for(lambda: done(mine), timeout=120)
    mine_start = started_at(mine)
    assert mine_start is not None, f"the other user's job never ran: {timeline([*flood, mine])}"
    before = [f for f in flood if started_at(f) is not None and started_at(f) < mine_start]
    # Queue order would run it sixth; a fair share runs it once the flood has had one turn, at most.
    assert len(before) <= 1, ("the other user's job waited behind the flood; "
                              f"timeline: {timeline([*flood, mine])}, workers: {workers_seen()}")
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


def _fleet(*workers: tuple[str, str, int, str]) -> dict[str, GpuWorker]:
    """These tests' GPU workers (rows only, heartbeating now), in creation order; the session stack's worker
    is taken out of the fleet (rolled back with the test)."""
    without_session_workers()
    return {name: GpuWorker.objects.create(name=name, queue_name=f"gpu.{name}", gpu_class=cls, memory_mb=memory,
                                           model=model, last_heartbeat=timezone.now())
            for name, cls, memory, model in workers}


@pytest.mark.django_db
def test_the_live_adapter_sends_each_job_to_a_worker_that_has_its_model_loaded(make_user) -> None:
    workers = _fleet(("gpu-a", "h100", 80_000, "t2v-a"), ("gpu-b", "h100", 80_000, "t2v-b"))
    user, _ = make_user("affinity")
    other, _ = make_user("affinity-2")
    now = timezone.now()
    # The older job (first in fair order, offered the first free slot) needs the model gpu-b holds.
    needs_b = make_job(user, JobState.QUEUED, queued_at=now - timedelta(seconds=1), model="t2v-b", est_gpu_seconds=1)
    needs_a = make_job(other, JobState.QUEUED, queued_at=now, model="t2v-a", est_gpu_seconds=1)
    assert LiveScheduler().assign() == 2
    assert Job.objects.get(pk=needs_b.pk).worker_id == workers["gpu-b"].pk
    assert Job.objects.get(pk=needs_a.pk).worker_id == workers["gpu-a"].pk


@pytest.mark.django_db
def test_the_live_adapter_sends_a_plus_clip_to_the_fast_class_and_a_free_one_to_the_cheap_one(make_user) -> None:
    workers = _fleet(("gpu-l40s", "l40s", 48_000, "kinema-tiny"), ("gpu-h100", "h100", 80_000, "kinema-tiny"))
    plus, _ = make_user("speed-plus", tier="plus")
    now = timezone.now()
    # 60 GPU-s on the reference class: ~133 s on an l40s (0.45x), past Plus's 120 s target; 60 s on an h100.
    clip = {"seconds": 10, "est_gpu_seconds": 60, "est_memory_mb": 30_000, "queued_at": now}
    plus_job = make_job(plus, JobState.QUEUED, tier="plus", **clip)
    assert LiveScheduler().assign() == 1, "the l40s slot, offered first, does not take the plus clip"
    assert Job.objects.get(pk=plus_job.pk).worker_id == workers["gpu-h100"].pk
    free, _ = make_user("speed-free", tier="free")
    free_job = make_job(free, JobState.QUEUED, tier="free", **{**clip, "queued_at": timezone.now()})
    assert LiveScheduler().assign() == 1
    assert Job.objects.get(pk=free_job.pk).worker_id == workers["gpu-l40s"].pk, "within 300 s on the cheap class"
