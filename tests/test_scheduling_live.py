"""The fair scheduler in the live system: real dispatcher, real GPU worker, real preemption."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from django.utils import timezone

from accounts.models import Tier
from jobs.models import GpuWorker, Job, JobEvent, JobState
from jobs.scheduling_live import PREFETCH_KEY, LiveScheduler
from tests.conftest import wait_for
from tests.test_lifecycle import make_job
from webapp.resilience import bounded_redis

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


def _fleet(*workers: tuple[str, str, int, str]) -> dict[str, GpuWorker]:
    """These tests' GPU workers (rows only, heartbeating now), in creation order; the session stack's worker
    is taken out of the fleet (rolled back with the test)."""
    GpuWorker.objects.filter(name__startswith="gpu-test-").update(stopped_at=timezone.now())
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


@pytest.mark.django_db  # rows invisible to the session's dispatcher: only this test's passes act on them
def test_a_withdrawn_prefetch_goes_back_before_its_users_later_jobs(make_user) -> None:
    """A Free user's older job, prefetched behind a running one, is withdrawn for an overdue Pro job while the
    same user's later job waits: given back with its queued_at, it is still that user's next job. The prefetch
    turn goes to the Pro job, not to the user's later job, and a slot that comes free takes the withdrawn job
    while the later one keeps waiting behind it (the user's cap is one)."""
    # No Free floor share: with nothing served yet, Free would be under its floor and go first, and the turn
    # would go to a Free job whatever the withdrawal was for (this test passed only because the withdrawn job,
    # picked for the turn and declined, was charged to the Free tier; it no longer is).
    Tier.objects.filter(name="free").update(floor_share=0)
    GpuWorker.objects.filter(name__startswith="gpu-test-").update(stopped_at=timezone.now())
    worker = GpuWorker.objects.create(name="gpu-ret", queue_name="gpu.gpu-ret", gpu_class="cpu", memory_mb=80_000,
                                      model="kinema-tiny", last_heartbeat=timezone.now())
    bounded_redis().hset(PREFETCH_KEY, str(worker.pk), 1)
    runner, _ = make_user("ret-free-runner", tier="free")
    owner, _ = make_user("ret-free-owner", tier="free")
    pro, _ = make_user("ret-pro", tier="pro")
    now = timezone.now()
    make_job(runner, JobState.RUNNING, tier="free", worker=worker, attempt=1, started_at=now - timedelta(seconds=1),
             est_gpu_seconds=60, step=20, steps=30, lease_expires_at=now + timedelta(seconds=60))
    older_at = now - timedelta(seconds=150)
    older = make_job(owner, JobState.DISPATCHED, tier="free", worker=worker, attempt=1, est_gpu_seconds=60,
                     dispatched_at=now - timedelta(seconds=1), lease_token="5b0d4c1e-2f7a-4c9b-8e3d-1a2b3c4d5e6f",
                     lease_expires_at=now + timedelta(seconds=60), queued_at=older_at)
    later = make_job(owner, JobState.QUEUED, tier="free", queued_at=now - timedelta(seconds=140), est_gpu_seconds=60)
    waiting = make_job(pro, JobState.QUEUED, tier="pro", queued_at=now - timedelta(seconds=120), est_gpu_seconds=5)
    try:
        live = LiveScheduler()
        assert live.assign() == 0, "no free slot, and the worker's prefetch turn is held"
        job = Job.objects.get(pk=older.pk)
        assert job.state == JobState.QUEUED and job.queued_at == older_at, "withdrawn, its place kept"
        assert live.assign() == 1, "the worker's prefetch turn is given again"
        assert not JobEvent.objects.filter(job_id=later.pk, to_state=JobState.DISPATCHED).exists(), \
            "the user's later job took the turn ahead of the user's own older, withdrawn job"
        pro_job = Job.objects.get(pk=waiting.pk)
        assert pro_job.state == JobState.DISPATCHED and pro_job.worker_id == worker.pk
        # A worker comes free: the user's next job is the withdrawn one, the older; the later one waits for it.
        other = GpuWorker.objects.create(name="gpu-ret-2", queue_name="gpu.gpu-ret-2", gpu_class="cpu",
                                         memory_mb=80_000, model="kinema-tiny", last_heartbeat=timezone.now())
        assert live.assign() == 1
        job = Job.objects.get(pk=older.pk)
        assert job.state == JobState.DISPATCHED and job.worker_id == other.pk
        assert not JobEvent.objects.filter(job_id=later.pk, to_state=JobState.DISPATCHED).exists()
    finally:
        bounded_redis().hdel(PREFETCH_KEY, str(worker.pk))


@pytest.mark.django_db  # rows invisible to the session's dispatcher: only this test's passes act on them
def test_a_withdrawn_prefetch_does_not_cost_its_user_the_next_prefetch_turn(make_user) -> None:
    """After a Free user's prefetched job is withdrawn for a Pro job, the next worker's prefetch turn that is
    the user's goes to the user's later job: the withdrawn one is not prefetched again (it waits for a free
    slot), and the policy neither picks it for the turn nor charges the user for it, so another Free user
    queued after them does not take the turn in their place."""
    Tier.objects.filter(name="free").update(floor_share=0)  # the Pro job takes the first turn (see above)
    GpuWorker.objects.filter(name__startswith="gpu-test-").update(stopped_at=timezone.now())
    worker = GpuWorker.objects.create(name="gpu-np", queue_name="gpu.gpu-np", gpu_class="cpu", memory_mb=80_000,
                                      model="kinema-tiny", last_heartbeat=timezone.now())
    runner, _ = make_user("np-free-runner", tier="free")
    owner, _ = make_user("np-free-owner", tier="free")
    rival, _ = make_user("np-free-rival", tier="free")
    pro, _ = make_user("np-pro", tier="pro")
    now = timezone.now()
    ending = {"tier": "free", "attempt": 1, "started_at": now - timedelta(seconds=1), "est_gpu_seconds": 60,
              "step": 20, "steps": 30, "lease_expires_at": now + timedelta(seconds=60)}
    make_job(runner, JobState.RUNNING, worker=worker, **ending)
    older_at = now - timedelta(seconds=150)
    older = make_job(owner, JobState.DISPATCHED, tier="free", worker=worker, attempt=1, est_gpu_seconds=60,
                     dispatched_at=now - timedelta(seconds=1), lease_token="0c6f3a52-8d1e-4b7a-9f20-6e5d4c3b2a19",
                     lease_expires_at=now + timedelta(seconds=60), queued_at=older_at)
    later = make_job(owner, JobState.QUEUED, tier="free", queued_at=now - timedelta(seconds=140), est_gpu_seconds=60)
    rivals = make_job(rival, JobState.QUEUED, tier="free", queued_at=now - timedelta(seconds=130), est_gpu_seconds=60)
    waiting = make_job(pro, JobState.QUEUED, tier="pro", queued_at=now - timedelta(seconds=120), est_gpu_seconds=5)
    second = None
    bounded_redis().hset(PREFETCH_KEY, str(worker.pk), 1)
    try:
        live = LiveScheduler()
        assert live.assign() == 0, "no free slot, and the worker's prefetch turn is held"
        assert Job.objects.get(pk=older.pk).state == JobState.QUEUED, "withdrawn for the Pro job"
        assert live.assign() == 1 and Job.objects.get(pk=waiting.pk).state == JobState.DISPATCHED
        # A second worker's render is ending: its prefetch turn. The owner and the rival have had nothing (the
        # owner came first); the owner's next job to prefetch is the later one.
        second = GpuWorker.objects.create(name="gpu-np-2", queue_name="gpu.gpu-np-2", gpu_class="cpu",
                                          memory_mb=80_000, model="kinema-tiny", last_heartbeat=timezone.now())
        make_job(runner, JobState.RUNNING, worker=second, **ending)
        bounded_redis().hset(PREFETCH_KEY, str(second.pk), 1)
        assert live.assign() == 1
        job = Job.objects.get(pk=later.pk)
        assert job.state == JobState.DISPATCHED and job.worker_id == second.pk, \
            "the owner lost the turn: charged for the withdrawn job the prefetch pass picked and dropped"
        assert JobEvent.objects.filter(job_id=later.pk, reason="prefetched").exists()
        assert Job.objects.get(pk=older.pk).state == JobState.QUEUED, "not prefetched again"
        assert Job.objects.get(pk=rivals.pk).state == JobState.QUEUED
        # The later job is done and two slots come free: the withdrawn job takes one (a free slot, not a
        # prefetch), the rival's job the other.
        Job.objects.filter(pk=later.pk).update(state=JobState.SUCCEEDED, worker=None)
        third = GpuWorker.objects.create(name="gpu-np-3", queue_name="gpu.gpu-np-3", gpu_class="cpu", slots=2,
                                         memory_mb=80_000, model="kinema-tiny", last_heartbeat=timezone.now())
        assert live.assign() == 2
        for job_id in (older.pk, rivals.pk):
            job = Job.objects.get(pk=job_id)
            assert job.state == JobState.DISPATCHED and job.worker_id == third.pk
        assert not JobEvent.objects.filter(job_id=older.pk, reason="prefetched").exists()
    finally:
        bounded_redis().hdel(PREFETCH_KEY, str(worker.pk), *([str(second.pk)] if second else []))
