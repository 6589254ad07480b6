"""GPU prefetch (issue 16): a GPU worker already holds its next job while the current one renders.

Live: the real dispatcher and a real GPU worker process (KINEMA_GPU_PREFETCH=1) with a backlog: every job after
the first is dispatched to the worker (and marked `prefetched`) before the job ahead of it has its frames done;
a prefetched job cancelled before its turn never runs; a worker killed while it holds a prefetched job loses
nothing (both its jobs are requeued and completed by another worker). In the database: the policy's
preemption takes a prefetched job back (no work lost, no attempt or preemption counted) before it asks a
running job to yield.

Orderings are read from the job events' ids (one sequence, in commit order across processes), never from
wall-clock thresholds.
"""

from __future__ import annotations

import signal
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from django.utils import timezone

from gpu_worker import runtime
from jobs.models import GpuWorker, Job, JobEvent, JobState
from jobs.scheduling_live import ENDING_KEY, PREFETCH_KEY, PREFETCHED, LiveScheduler
from tests.conftest import session_gpu_worker, wait_for
from tests.test_lifecycle import make_job

WORKER = "gpu-prefetch-0"


@pytest.fixture
def prefetch_worker(stack, tmp_path: Path) -> Any:
    """A GPU worker with prefetch on, its own class; previews on every step go through a storage slowed by
    30 ms a call, so a job renders for a second or more and a test can act while one job renders and the
    next waits behind it. The session's worker is drained meanwhile. Yields a function that opens the worker
    to the dispatcher (it starts drained, so a backlog can queue up first)."""
    from jobs.signals import ring_dispatcher
    from webapp.fault_injection import write_fault
    from webapp.resilience import bounded_redis

    fault = tmp_path / "fault.json"
    write_fault(fault, delay_s=0.03)
    session = GpuWorker.objects.filter(pk=session_gpu_worker().pk)
    session.update(service=GpuWorker.Service.DRAINING)
    stack.start_gpu_worker(WORKER, KINEMA_GPU_PREFETCH="1", KINEMA_GPU_CLASS="cpu-prefetch",
                           KINEMA_PREVIEW_EVERY="1", KINEMA_PROGRESS_INTERVAL_S="0",
                           KINEMA_STORAGE_FAULT_FILE=str(fault))
    worker = wait_for(lambda: GpuWorker.objects.filter(name=WORKER).first(), timeout=120)
    GpuWorker.objects.filter(pk=worker.pk).update(service=GpuWorker.Service.DRAINING)
    wait_for(lambda: bounded_redis().hget(PREFETCH_KEY, str(worker.pk)) == b"1", timeout=30)

    def open_worker() -> None:
        GpuWorker.objects.filter(pk=worker.pk).update(service=GpuWorker.Service.ACTIVE)
        ring_dispatcher()

    try:
        yield open_worker
    finally:
        if WORKER in stack.procs:
            stack.kill(WORKER)
        GpuWorker.objects.filter(name=WORKER).delete()
        session.update(service=GpuWorker.Service.ACTIVE)


def submit(server: str, users: list[str], make_user: Any, steps: int) -> list[str]:
    ids = []
    for name in users:
        _, key = make_user(name)
        with httpx.Client(base_url=server, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
            resp = client.post("/v1/videos", json={"prompt": f"a kite for {name}", "size": "96x96", "seconds": 1,
                                                   "steps": steps})
            assert resp.status_code == 200, resp.text
            ids.append(resp.json()["id"])
    return ids


def states(ids: list[str]) -> list[str]:
    by_id = dict(Job.objects.filter(pk__in=ids).values_list("id", "state"))
    return [by_id[i] for i in ids]


def event_id(job_id: str, reason: str) -> int | None:
    return JobEvent.objects.filter(job_id=job_id, reason=reason).order_by("id").values_list("id", flat=True).first()


def reasons(job_id: str) -> list[str]:
    return list(JobEvent.objects.filter(job_id=job_id).order_by("id").values_list("reason", flat=True))


def running_with_one_behind(ids: list[str]) -> tuple[str, str] | None:
    """(the job rendering on the prefetch worker, the job prefetched behind it), once both are so."""
    worker = GpuWorker.objects.get(name=WORKER)
    jobs = {j.id: j for j in Job.objects.filter(pk__in=ids, worker=worker)}
    running = [i for i, j in jobs.items() if j.state == JobState.RUNNING and j.step >= 1]
    behind = [i for i, j in jobs.items() if j.state == JobState.DISPATCHED and event_id(i, PREFETCHED)]
    return (running[0], behind[0]) if running and behind else None


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_with_a_backlog_each_next_job_is_held_before_the_previous_frames_are_done(
        prefetch_worker, live_server, make_user) -> None:
    ids = submit(live_server.url, ["pf-a", "pf-b", "pf-c", "pf-d"], make_user, steps=8)
    wait_for(lambda: states(ids) == [JobState.QUEUED] * 4, timeout=90)
    prefetch_worker()
    wait_for(lambda: states(ids) == [JobState.SUCCEEDED] * 4, timeout=240)
    worker = GpuWorker.objects.get(name=WORKER)
    order = sorted(ids, key=lambda i: event_id(i, "claimed") or 0)
    for previous, following in zip(order, order[1:], strict=False):
        prefetched, frames = event_id(following, PREFETCHED), event_id(previous, "frames decoded")
        assert prefetched is not None, f"{following} was not prefetched: {reasons(following)}"
        assert frames is not None and prefetched < frames, "held before the job ahead had its frames done"
        dispatched = JobEvent.objects.filter(job_id=following, reason="dispatched").order_by("id").last()
        assert dispatched is not None and dispatched.detail["worker_id"] == worker.pk
    for job in Job.objects.filter(pk__in=ids):
        assert job.attempt == 1 and job.worker_id == worker.pk and job.step == 8
        assert job.gpu_seconds > 0 and job.wasted_gpu_seconds == 0


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_prefetched_job_cancelled_before_its_turn_never_runs(prefetch_worker, live_server, make_user) -> None:
    from jobs import lifecycle

    ids = submit(live_server.url, ["pfc-a", "pfc-b", "pfc-c"], make_user, steps=30)
    wait_for(lambda: states(ids) == [JobState.QUEUED] * 3, timeout=90)
    prefetch_worker()
    ahead, victim = wait_for(lambda: running_with_one_behind(ids), timeout=90, interval=0.02)
    assert lifecycle.cancel(victim)
    rest = [i for i in ids if i != victim]
    wait_for(lambda: states(rest) == [JobState.SUCCEEDED] * 2, timeout=240)
    job = Job.objects.get(pk=victim)
    assert job.state == JobState.CANCELLED and job.step == 0 and job.gpu_seconds == 0
    assert "claimed" not in reasons(victim) and "started from step 0" not in reasons(victim), "it never ran"
    assert Job.objects.get(pk=ahead).step == 30


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_loses_neither_its_job_nor_the_one_prefetched_behind_it(
        prefetch_worker, stack, live_server, make_user) -> None:
    ids = submit(live_server.url, ["pfk-a", "pfk-b"], make_user, steps=30)
    wait_for(lambda: states(ids) == [JobState.QUEUED] * 2, timeout=90)
    prefetch_worker()
    ahead, behind = wait_for(lambda: running_with_one_behind(ids), timeout=90, interval=0.02)
    stack.kill(WORKER, signal.SIGKILL)
    session = session_gpu_worker()
    GpuWorker.objects.filter(pk=session.pk).update(service=GpuWorker.Service.ACTIVE)
    wait_for(lambda: states(ids) == [JobState.SUCCEEDED] * 2, timeout=240)
    # The prefetched job was never claimed on the dead worker: its dispatch ran out and it went back to the
    # queue without using an attempt; the job it waited behind was requeued when its lease expired.
    assert reasons(behind).count("claimed") == 1
    requeued = JobEvent.objects.filter(job_id=behind, from_state=JobState.DISPATCHED, to_state=JobState.QUEUED).get()
    assert requeued.reason == "never claimed" and requeued.detail["attempt_used"] is False
    assert "lease expired (worker lost)" in reasons(ahead)
    for job_id in ids:
        job = Job.objects.get(pk=job_id)
        assert job.worker_id == session.pk and job.step == 30


@pytest.mark.django_db  # rows invisible to the session's dispatcher: only this test's passes act on them
def test_the_policy_takes_a_prefetched_job_back_before_asking_a_running_one_to_yield(make_user) -> None:
    """A Pro job waits past its tier's target while a Free job renders (two thirds done, its end near) and another
    Free job is prefetched behind it: the prefetched one is requeued (no work lost, no attempt used; it counts as
    a preemption, so the policy's bound on preemptions holds), the running one goes on, and the next pass hands
    the freed turn out again.
    A worker whose running job is far from its end gets nothing ahead (the policy picks later, with what has
    arrived by then)."""
    from webapp.resilience import bounded_redis

    GpuWorker.objects.filter(name__startswith="gpu-test-").update(stopped_at=timezone.now())
    worker = GpuWorker.objects.create(name="gpu-pf", queue_name="gpu.gpu-pf", gpu_class="cpu", memory_mb=80_000,
                                      model="kinema-tiny", last_heartbeat=timezone.now())
    bounded_redis().hset(PREFETCH_KEY, str(worker.pk), 1)
    free_a, _ = make_user("pf-free-a", tier="free")
    free_b, _ = make_user("pf-free-b", tier="free")
    pro, _ = make_user("pf-pro", tier="pro")
    now = timezone.now()
    running = make_job(free_a, JobState.RUNNING, tier="free", worker=worker, attempt=1, started_at=now - timedelta(
        seconds=1), est_gpu_seconds=60, step=20, steps=30, lease_expires_at=now + timedelta(seconds=60))
    held = make_job(free_b, JobState.DISPATCHED, tier="free", worker=worker, attempt=1, est_gpu_seconds=60,
                    dispatched_at=now - timedelta(seconds=1), lease_token="8c3b7e4e-0a4b-4a4e-9d1c-6b1f0c2a9e11",
                    lease_expires_at=now + timedelta(seconds=60))
    waiting = make_job(pro, JobState.QUEUED, tier="pro", queued_at=now - timedelta(seconds=120), est_gpu_seconds=5)
    try:
        live = LiveScheduler()
        assert live.ending_soon([worker]) == {worker.pk}
        Job.objects.filter(pk=running.pk).update(step=2)  # the same pace, 28 steps to go: ~42 s
        assert live.ending_soon([worker]) == set()
        Job.objects.filter(pk=running.pk).update(step=20)
        assert live.assign() == 0, "no free slot and the worker's prefetch turn is taken"
        job = Job.objects.get(pk=held.pk)
        assert job.state == JobState.QUEUED and job.preemptions == 1 and job.worker_id is None
        withdrawn = JobEvent.objects.filter(job_id=held.pk, to_state=JobState.QUEUED).get()
        assert withdrawn.reason == "prefetch withdrawn for a higher-tier job"
        assert withdrawn.detail["attempt_used"] is False
        assert not JobEvent.objects.filter(job_id=running.pk, reason="preemption requested").exists()
        assert live.assign() == 1, "the freed turn (the running job ends within the lead) goes to the policy's pick"
        assert JobEvent.objects.filter(job_id__in=[waiting.pk, held.pk], reason=PREFETCHED).count() == 1
        assert not JobEvent.objects.filter(job_id=running.pk, reason="preemption requested").exists()
        assert Job.objects.get(pk=running.pk).state == JobState.RUNNING
    finally:
        bounded_redis().hdel(PREFETCH_KEY, str(worker.pk))


def test_worker_and_dispatcher_use_the_same_keys() -> None:
    assert (runtime.PREFETCH_KEY, runtime.ENDING_KEY) == (PREFETCH_KEY, ENDING_KEY)
