"""GPU prefetch (issue 16): a GPU worker already holds its next job while the current one renders.

Live: the real dispatcher and a real GPU worker process (KINEMA_GPU_PREFETCH=1) with a backlog: every job after
the first is dispatched to the worker (and marked `prefetched`) before the job ahead of it has its frames done;
a prefetched job cancelled before its turn never runs; a worker killed while it holds a prefetched job loses
nothing (both its jobs are requeued and completed by another worker); the background settler survives a dropped
database connection, never holds more than one run while the next renders, and a SIGTERM lets it finish with its
leases kept. In the database: the policy's preemption takes a prefetched job back (no work lost, no attempt used,
its place in the queue kept; it counts as a preemption) before it asks a running job to yield; an earlier run's
"ending" mark never counts for a requeued job's run.

Orderings are read from the job events' ids (one sequence, in commit order across processes), never from
wall-clock thresholds.
"""

from __future__ import annotations

import signal
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from gpu_worker import runtime
from jobs.models import GpuWorker, Job, JobEvent, JobState
from jobs.scheduling_live import ENDING_KEY, MAX_BATCH_KEY, PREFETCH_KEY, PREFETCHED, LiveScheduler, ending_key
from tests import gpu_workers
from tests.conftest import session_gpu_worker, wait_for, without_session_workers
from tests.gpu_workers import extra_gpu_worker, states
from tests.test_lifecycle import make_job

WORKER = "gpu-prefetch-0"


@pytest.fixture
def prefetch_worker(stack, tmp_path: Path) -> Any:
    """A GPU worker with prefetch on, its own class; previews on every step go through a storage slowed by
    30 ms a call, so a job renders for a second or more and a test can act while one job renders and the
    next waits behind it. The session's worker is drained meanwhile. Yields a function that opens the worker
    to the dispatcher (it starts drained, so a backlog can queue up first)."""
    yield from _prefetch_worker(stack, tmp_path, delay_s=0.03, KINEMA_PREVIEW_EVERY="1")


@pytest.fixture
def slow_settling_worker(stack, tmp_path: Path) -> Any:
    """As `prefetch_worker`, but no previews: renders are short and only the settler's frames write goes through
    the slowed storage (1 s a call, two calls a write; the test may change it through the yielded fault file),
    so settling takes longer than rendering. Short leases (4 s, renewed every 0.5 s) so one that lapses is seen
    within the test. Yields (open the worker, the fault file)."""
    fault = tmp_path / "fault.json"
    for open_worker in _prefetch_worker(stack, tmp_path, delay_s=1.0, KINEMA_PREVIEW_EVERY="0",
                                        KINEMA_LEASE_S="4", KINEMA_HEARTBEAT_S="0.5"):
        yield open_worker, fault


def _prefetch_worker(stack, tmp_path: Path, delay_s: float, **env: str) -> Any:
    yield from extra_gpu_worker(stack, tmp_path, WORKER, ready_key=PREFETCH_KEY, ready_value=b"1",
                                storage_delay_s=delay_s, KINEMA_GPU_PREFETCH="1", KINEMA_GPU_CLASS="cpu-prefetch",
                                **env)


def submit(server: str, users: list[str], make_user: Any, steps: int) -> list[str]:
    return gpu_workers.submit(server, users, make_user, steps, subject="a kite")


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
    Free job, queued before the Pro one, is prefetched behind it: the prefetched one is requeued (no work lost, no
    attempt used, its queued_at kept; it counts as a preemption, so the policy's bound on preemptions holds), the
    running one goes on, the next pass hands the freed turn to the Pro job, and the withdrawn one is not forgotten:
    a worker that comes free later gets it.
    A worker whose running job is far from its end gets nothing ahead (the policy picks later, with what has
    arrived by then)."""
    from webapp.resilience import bounded_redis

    without_session_workers()
    worker = GpuWorker.objects.create(name="gpu-pf", queue_name="gpu.gpu-pf", gpu_class="cpu", memory_mb=80_000,
                                      model="kinema-tiny", last_heartbeat=timezone.now())
    bounded_redis().hset(PREFETCH_KEY, str(worker.pk), 1)
    free_a, _ = make_user("pf-free-a", tier="free")
    free_b, _ = make_user("pf-free-b", tier="free")
    pro, _ = make_user("pf-pro", tier="pro")
    now = timezone.now()
    running = make_job(free_a, JobState.RUNNING, tier="free", worker=worker, attempt=1, started_at=now - timedelta(
        seconds=1), est_gpu_seconds=60, step=20, steps=30, lease_expires_at=now + timedelta(seconds=60))
    queued_at = now - timedelta(seconds=150)  # before the Pro job, older than the dispatcher's watermark
    held = make_job(free_b, JobState.DISPATCHED, tier="free", worker=worker, attempt=1, est_gpu_seconds=60,
                    dispatched_at=now - timedelta(seconds=1), lease_token="8c3b7e4e-0a4b-4a4e-9d1c-6b1f0c2a9e11",
                    lease_expires_at=now + timedelta(seconds=60), queued_at=queued_at)
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
        assert job.queued_at == queued_at, "a withdrawn prefetch keeps its place in the queue"
        withdrawn = JobEvent.objects.filter(job_id=held.pk, to_state=JobState.QUEUED).get()
        assert withdrawn.reason == "prefetch withdrawn for a higher-tier job"
        assert withdrawn.detail["attempt_used"] is False
        assert not JobEvent.objects.filter(job_id=running.pk, reason="preemption requested").exists()
        assert live.assign() == 1, "the freed turn (the running job ends within the lead) goes to the policy's pick"
        pro_job = Job.objects.get(pk=waiting.pk)
        assert pro_job.state == JobState.DISPATCHED and pro_job.worker_id == worker.pk, "the Pro job got the turn"
        assert JobEvent.objects.filter(job_id=waiting.pk, reason=PREFETCHED).count() == 1
        assert Job.objects.get(pk=held.pk).state == JobState.QUEUED
        assert not JobEvent.objects.filter(job_id=running.pk, reason="preemption requested").exists()
        assert Job.objects.get(pk=running.pk).state == JobState.RUNNING
        # Another worker of the class comes free (same fleet shape: the policy's state is kept, not rebuilt):
        # the withdrawn job, older than every job the dispatcher has synced since, is still in its queue.
        other = GpuWorker.objects.create(name="gpu-pf-2", queue_name="gpu.gpu-pf-2", gpu_class="cpu",
                                         memory_mb=80_000, model="kinema-tiny", last_heartbeat=timezone.now())
        assert live.assign() == 1
        job = Job.objects.get(pk=held.pk)
        assert job.state == JobState.DISPATCHED and job.worker_id == other.pk
    finally:
        bounded_redis().hdel(PREFETCH_KEY, str(worker.pk))


@pytest.mark.django_db
def test_an_earlier_runs_ending_mark_does_not_count_for_the_requeued_jobs_run(make_user) -> None:
    """The worker marks a run in its last seconds under the job and its attempt, with its own short expiry: a job
    requeued after its run was marked (the worker died near the end) looks far from its end on its next run."""
    from webapp.resilience import bounded_redis

    without_session_workers()
    worker = GpuWorker.objects.create(name="gpu-pf-mark", queue_name="gpu.gpu-pf-mark", gpu_class="cpu",
                                      memory_mb=80_000, model="kinema-tiny", last_heartbeat=timezone.now())
    owner, _ = make_user("pf-mark")
    now = timezone.now()
    job = make_job(owner, JobState.RUNNING, tier="free", worker=worker, attempt=2, started_at=now - timedelta(
        seconds=2), est_gpu_seconds=60, step=1, steps=30, lease_expires_at=now + timedelta(seconds=60))
    live = LiveScheduler()
    try:
        runtime.state.mark_ending(job.pk, 1)  # attempt 1's run was in its last seconds when it was lost
        assert live.ending_soon([worker]) == set(), "another attempt's mark is ignored"
        runtime.state.mark_ending(job.pk, 2)
        assert live.ending_soon([worker]) == {worker.pk}
        ttl_ms = bounded_redis().pttl(ending_key(job.pk, 2))
        assert 0 < ttl_ms <= 1000 * (settings.KINEMA_GPU_PREFETCH_LEAD_S + runtime.ENDING_GRACE_S)
        runtime.state.mark_ending(job.pk, 2, False)
        assert live.ending_soon([worker]) == set()
    finally:
        bounded_redis().delete(ending_key(job.pk, 1), ending_key(job.pk, 2))


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_settler_reconnects_when_its_database_connection_was_dropped(
        prefetch_worker, live_server, make_user) -> None:
    """PostgreSQL drops the worker's idle connections between two jobs (a restart, an idle timeout): the next
    run's frames are still written by the settler, without a requeue or a second render."""
    from django.db import connection

    first = submit(live_server.url, ["pfdb-a"], make_user, steps=8)
    wait_for(lambda: states(first) == [JobState.QUEUED], timeout=90)
    prefetch_worker()
    wait_for(lambda: Job.objects.filter(pk=first[0], gpu_seconds__gt=0).exists(), timeout=120)  # settled
    with connection.cursor() as cur:
        cur.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = %s "
                    "AND datname = current_database()", [WORKER])
        assert cur.fetchone()[0] >= 1
    second = submit(live_server.url, ["pfdb-b"], make_user, steps=8)
    wait_for(lambda: states(second) == [JobState.SUCCEEDED], timeout=120)
    job = Job.objects.get(pk=second[0])
    assert reasons(second[0]).count("claimed") == 1, reasons(second[0])
    assert not JobEvent.objects.filter(job_id=second[0], to_state=JobState.QUEUED, from_state__in=[
        JobState.DISPATCHED, JobState.RUNNING]).exists(), reasons(second[0])
    assert job.attempt == 1 and job.step == 8 and job.gpu_seconds > 0


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_settling_is_bounded_and_a_sigterm_lets_it_finish_under_its_lease(
        slow_settling_worker, stack, live_server, make_user) -> None:
    """Settling (2 s a run) is slower than rendering: the worker still settles at most one run while the next
    renders (a job is claimed only after the frames of the job two ahead are done), so finished runs' frames
    never pile up in memory. Then a SIGTERM arrives while a run's frames are being written (6 s, longer than
    the 4 s lease): the heartbeat keeps the lease until the drain ends, so the job is not requeued, and the
    stopped worker withdraws its advertisement (its timeline stays, with an expiry)."""
    from webapp.fault_injection import write_fault
    from webapp.resilience import bounded_redis

    open_worker, fault = slow_settling_worker
    ids = submit(live_server.url, ["pfs-a", "pfs-b", "pfs-c", "pfs-d"], make_user, steps=8)
    wait_for(lambda: states(ids) == [JobState.QUEUED] * 4, timeout=90)
    open_worker()
    wait_for(lambda: states(ids) == [JobState.SUCCEEDED] * 4, timeout=240)
    order = sorted(ids, key=lambda i: event_id(i, "claimed") or 0)
    for earlier, later in zip(order, order[2:], strict=False):
        frames, claimed = event_id(earlier, "frames decoded"), event_id(later, "claimed")
        assert frames is not None and claimed is not None and frames < claimed, (
            f"{later} was claimed before the frames of {earlier}, two ahead, were written")
    assert all(Job.objects.get(pk=i).attempt == 1 for i in ids)

    write_fault(fault, delay_s=3.0)
    last = submit(live_server.url, ["pfs-e"], make_user, steps=8)
    wait_for(lambda: Job.objects.filter(pk=last[0], state=JobState.RUNNING, step=8).exists(), timeout=120,
             interval=0.02)  # rendered; its frames are being written
    worker = GpuWorker.objects.get(name=WORKER)
    stack.kill(WORKER, signal.SIGTERM)  # returns once the process has exited
    assert states(last)[0] in (JobState.FINALIZING, JobState.SUCCEEDED), reasons(last[0])
    wait_for(lambda: states(last) == [JobState.SUCCEEDED], timeout=120)
    assert "lease expired (worker lost)" not in reasons(last[0]), reasons(last[0])
    assert reasons(last[0]).count("claimed") == 1 and Job.objects.get(pk=last[0]).attempt == 1
    assert GpuWorker.objects.get(pk=worker.pk).stopped_at is not None
    r = bounded_redis()
    assert r.hget(PREFETCH_KEY, str(worker.pk)) is None and r.hget(MAX_BATCH_KEY, str(worker.pk)) is None
    assert 0 < r.ttl(runtime.TIMELINE_KEY + WORKER) <= runtime.TIMELINE_TTL_S


def test_worker_and_dispatcher_use_the_same_keys() -> None:
    assert (runtime.PREFETCH_KEY, runtime.ENDING_KEY) == (PREFETCH_KEY, ENDING_KEY)
    assert runtime.ending_key("j1", 3) == ending_key("j1", 3)
