"""GPU workers out of rotation (jobs/fleet.py): a drained worker finishes its job and gets no more, a
quarantined one loses its job to the queue at once, and both get work again once returned to service
(real dispatcher and GPU worker processes); unstable workers are quarantined automatically, never the
last one in service; every run's GPU time is recorded on its job."""

from __future__ import annotations

import json
import logging
import time
from datetime import timedelta

import httpx
import pytest
from django.utils import timezone

from jobs import fleet, lifecycle
from jobs.models import GpuWorker, Job, JobEvent, JobState
from jobs.reconciler import reconcile
from jobs.scheduling_live import AUTOSCALE_KEY
from tests.conftest import session_gpu_worker, wait_for, without_session_workers
from tests.test_lifecycle import make_job
from webapp.resilience import bounded_redis

# 12 s at 8 fps on the tiny model: a few seconds of denoising, checkpoints every 10 steps (pro: 50 steps).
LONG_JOB = {"prompt": "a slow pan over a harbour", "size": "1280x720", "seconds": 12, "fps": 8}
SHORT_JOB = {"prompt": "a lighthouse at dusk", "seconds": "4"}
TERMINAL = [JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED, JobState.BLOCKED]


def api(live_server, key: str) -> httpx.Client:
    return httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)


def wait_done(job_id: str) -> Job:
    return wait_for(lambda: Job.objects.filter(pk=job_id, state__in=TERMINAL).first(), timeout=120, interval=0.2)


def dispatcher_passed_over(job_id: str) -> None:
    """Wait until the dispatcher has run several assignment passes with `job_id` queued and known to its
    scheduler (the autoscaling signal it publishes every 2 s counts it as queued), and still left it."""
    queued_at = Job.objects.values_list("queued_at", flat=True).get(pk=job_id)
    assert queued_at is not None
    dispatches = JobEvent.objects.filter(job_id=job_id, reason="dispatched").count()

    def signals_since() -> bool:
        raw = bounded_redis().get(AUTOSCALE_KEY)
        signal = json.loads(raw) if raw else {}
        return signal.get("at", 0) >= queued_at.timestamp() + 5 and signal.get("queued", 0) >= 1

    wait_for(signals_since, timeout=60, interval=0.2)
    job = Job.objects.get(pk=job_id)
    assert job.state == JobState.QUEUED and job.worker_id is None, job.state
    assert JobEvent.objects.filter(job_id=job_id, reason="dispatched").count() == dispatches


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_drained_worker_finishes_its_job_takes_no_more_and_works_again_once_returned(
        stack, live_server, make_user) -> None:
    _, key = make_user("drain", tier="pro")
    worker = session_gpu_worker()
    with api(live_server, key) as client:
        first = client.post("/v1/videos", json={**LONG_JOB, "seed": 5}).json()["id"]
        wait_for(lambda: Job.objects.filter(pk=first, state=JobState.RUNNING, worker=worker).exists(), timeout=60,
                 interval=0.05)
        assert fleet.drain(worker.pk, reason="test: host maintenance").changed
        second = client.post("/v1/videos", json={**SHORT_JOB, "seed": 6}).json()["id"]
        done = wait_done(first)
        assert done.state == JobState.SUCCEEDED, done.error_message  # drained, not interrupted
        assert not JobEvent.objects.filter(job_id=first, to_state=JobState.QUEUED, from_state=JobState.RUNNING).exists()
        wait_for(lambda: Job.objects.filter(pk=second, state=JobState.QUEUED).exists(), timeout=60)
        dispatcher_passed_over(second)
        assert fleet.return_to_service(worker.pk, reason="test: maintenance over").changed
        assert wait_done(second).state == JobState.SUCCEEDED
    assert Job.objects.get(pk=second).worker_id == worker.pk
    # Cost accounting: each run's GPU time, recorded once by the worker; clean runs waste nothing.
    for job_id in (first, second):
        job = Job.objects.get(pk=job_id)
        recorded = JobEvent.objects.filter(job_id=job_id, reason=lifecycle.GPU_TIME_RECORDED)
        assert recorded.count() == 1 and job.gpu_seconds > 0 and job.wasted_gpu_seconds == 0
        assert recorded.get().detail["seconds"] == pytest.approx(job.gpu_seconds, abs=0.01)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_quarantined_worker_loses_its_job_to_the_queue_and_the_job_finishes_after_its_return(
        stack, live_server, make_user) -> None:
    _, key = make_user("quarantine", tier="pro")
    worker = session_gpu_worker()
    with api(live_server, key) as client:
        job_id = client.post("/v1/videos", json={**LONG_JOB, "seed": 7}).json()["id"]
    wait_for(lambda: Job.objects.filter(pk=job_id, state=JobState.RUNNING, worker=worker,
                                        checkpoint_step__gte=10).exists(), timeout=90, interval=0.05)
    attempts_before = Job.objects.get(pk=job_id).max_attempts
    change = fleet.quarantine(worker.pk, reason="test: persistent NaN errors")
    assert change.changed and change.requeued == (job_id,)
    requeued = JobEvent.objects.get(job_id=job_id, reason__startswith="worker quarantined")
    assert (requeued.from_state, requeued.to_state, requeued.detail["attempt_used"]) == ("running", "queued", False)
    assert Job.objects.get(pk=job_id).max_attempts == attempts_before + 1  # not the job's fault
    # The old run is fenced off: it records its time and stops; nothing is dispatched meanwhile.
    wait_for(lambda: JobEvent.objects.filter(job_id=job_id, reason=lifecycle.GPU_TIME_RECORDED).exists(), timeout=60)
    dispatcher_passed_over(job_id)
    worker.refresh_from_db()
    assert worker.service == GpuWorker.Service.QUARANTINED and worker.service_reason == "test: persistent NaN errors"
    assert fleet.return_to_service(worker.pk, reason="test: replaced the GPU").changed
    done = wait_done(job_id)
    assert done.state == JobState.SUCCEEDED, done.error_message
    starts = list(JobEvent.objects.filter(job_id=job_id, reason__in=[lifecycle.RESUMED_FROM_CHECKPOINT,
                                                                     lifecycle.STARTED_FROM_ZERO])
                  .order_by("id").values_list("detail__step", flat=True))
    assert starts[0] == 0 and starts[1] >= 10  # the second run resumed from the first one's checkpoint
    runs = list(JobEvent.objects.filter(job_id=job_id, reason=lifecycle.GPU_TIME_RECORDED).order_by("id"))
    assert len(runs) == 2
    assert done.gpu_seconds == pytest.approx(sum(r.detail["seconds"] for r in runs), abs=0.01)
    # Only the first run's steps past its checkpoint were redone: wasted is that share of its time.
    assert done.wasted_gpu_seconds == pytest.approx(runs[0].detail["wasted_seconds"], abs=0.01)
    assert 0 <= done.wasted_gpu_seconds < runs[0].detail["seconds"] and runs[1].detail["wasted_seconds"] == 0


def _worker(name: str, **fields) -> GpuWorker:
    # The session stack's worker registers into the same database: out of these tests' fleet (rolled back).
    without_session_workers()
    return GpuWorker.objects.create(name=name, queue_name=f"gpu.{name}", gpu_class="h100", model="kinema-tiny",
                                    **fields)


def _failed_run(user, worker: GpuWorker, reason: str = "lease expired (worker lost)", *, nan: bool = False) -> str:
    """A job dispatched to `worker` whose run then ended the way `reason` says, through the lifecycle."""
    job = make_job(user, JobState.QUEUED, queued_at=timezone.now())
    dispatch = lifecycle.dispatch(job.id, worker.pk, worker.queue_name)
    assert dispatch is not None and lifecycle.claim(job.id, dispatch.attempt, dispatch.lease_token)
    if nan:
        assert lifecycle.fail(job.id, "generation_failed", "NaN", lease_token=dispatch.lease_token,
                              detail={"cause": fleet.NAN_CAUSE})
    else:
        assert lifecycle.requeue(job.id, expect=[JobState.RUNNING], lease_token=dispatch.lease_token,
                                 reason=reason) == JobState.QUEUED
    return job.id


@pytest.mark.django_db
def test_a_worker_with_repeated_failures_is_quarantined_automatically_but_never_the_last_in_service(
        make_user, settings, caplog) -> None:
    settings.KINEMA_WORKER_FAILURE_LIMIT = 3
    user, _ = make_user("unstable")
    flaky, steady, spare = _worker("gpu-flaky"), _worker("gpu-steady"), _worker("gpu-spare")
    for reason in ("lease expired (worker lost)", "transient: OutOfMemoryError"):
        _failed_run(user, flaky, reason)
    for _ in range(3):
        _failed_run(user, steady, nan=True)  # NaN failures are the prompts' doing: they alone never quarantine
    _failed_run(user, steady, "preempted")  # neither do preemptions
    assert fleet.quarantine_unstable() == []
    held = make_job(user, JobState.QUEUED, queued_at=timezone.now())
    dispatch = lifecycle.dispatch(held.id, flaky.pk, flaky.queue_name)
    assert dispatch is not None and lifecycle.claim(held.id, dispatch.attempt, dispatch.lease_token)
    _failed_run(user, flaky, "running past deadline")  # the third failure within the window
    stats = fleet.recent_stats(timezone.now() - timedelta(minutes=10))
    assert (stats[flaky.pk].runs, len(stats[flaky.pk].failures), stats[steady.pk].nan) == (4, 3, 3)
    with caplog.at_level(logging.WARNING, logger="jobs.fleet"):
        assert reconcile()["quarantined"] == 1  # the dispatcher leader's reconciler runs the check
    flaky.refresh_from_db()
    assert flaky.service == GpuWorker.Service.QUARANTINED and flaky.service_reason.startswith("automatic: 3 failed")
    assert "gpu-flaky is now quarantined" in caplog.text
    event = JobEvent.objects.get(job_id=held.id, reason__startswith="worker quarantined")  # its job went back
    assert event.to_state == JobState.QUEUED and event.detail["attempt_used"] is False

    # Returned to service, its old failures no longer count; new ones do.
    time.sleep(0.01)
    fleet.return_to_service(flaky.pk, reason="test: fixed")
    assert fleet.quarantine_unstable() == []
    # The last worker in service is never quarantined automatically: logged as an error instead.
    fleet.quarantine(spare.pk, reason="test: out for repair")
    fleet.quarantine(steady.pk, reason="test: out for repair")
    for _ in range(3):
        _failed_run(user, flaky)
    with caplog.at_level(logging.ERROR, logger="jobs.fleet"):
        assert fleet.quarantine_unstable() == []
    assert "is the last worker in service: not quarantined" in caplog.text
    assert GpuWorker.objects.get(pk=flaky.pk).service == GpuWorker.Service.ACTIVE
    settings.KINEMA_WORKER_FAILURE_LIMIT = 0  # off
    fleet.return_to_service(steady.pk, reason="test")
    assert fleet.quarantine_unstable() == []


@pytest.mark.django_db
def test_the_dispatcher_reads_free_slots_only_from_workers_in_service(make_user) -> None:
    from jobs.scheduling_live import LiveScheduler

    user, _ = make_user("slots")
    now = timezone.now()
    drained = _worker("gpu-drained", service=GpuWorker.Service.DRAINING, last_heartbeat=now)
    quarantined = _worker("gpu-quarantined", service=GpuWorker.Service.QUARANTINED, last_heartbeat=now)
    job = make_job(user, JobState.QUEUED, queued_at=now, est_gpu_seconds=1.0)
    live = LiveScheduler()
    assert live.assign() == 0
    assert Job.objects.get(pk=job.id).state == JobState.QUEUED
    fleet.return_to_service(drained.pk, reason="test")
    assert live.assign() == 1
    assert Job.objects.get(pk=job.id).worker_id == drained.pk != quarantined.pk
