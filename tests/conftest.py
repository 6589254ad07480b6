"""Shared fixtures. The suite runs against real PostgreSQL and Redis (started by `make test`),
and, for end-to-end tests, real dispatcher / GPU worker / CPU worker processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest
import redis
from django.conf import settings
from rest_framework.test import APIClient

from webapp.processes import kill_group, spawn_group, stop_groups

if TYPE_CHECKING:
    from jobs.models import GpuWorker

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"


def _seed_data() -> None:
    """The rows data migrations make (tiers, the safety policy, the model catalog) that are missing: a no-op where
    they are there (a few queries). In one transaction: a seed cut short (a cancelled query) must not leave the
    policy's categories without their rules, which the next calls would take for a seeded policy."""
    from django.db import transaction

    from accounts.models import Tier
    from accounts.tiers import ensure_default_tiers
    from jobs.catalog import ensure_catalog
    from safety.defaults import ensure_default_policy

    with transaction.atomic():
        ensure_default_tiers(Tier)
        ensure_default_policy()
        ensure_catalog()


def _flush_retrying_on_deadlock() -> None:
    """Transactional tests end with a TRUNCATE of every table. The session stack's worker processes
    keep writing (heartbeats, the reconciler), and PostgreSQL may pick the TRUNCATE as the victim of
    a lock-order deadlock with one of those writes. The victim is rolled back whole, so trying again
    is safe; a deadlock is not a test failure.

    After the flush the data migrations' rows are put back, committed. Without that, every test of the
    process's next files that do not flush (they run inside a transaction that is rolled back) seeded the
    ~3,000 rules of the policy again in its own transaction, and the policy's fingerprint (which reads the
    rules' last edit time) changed at each of them, so each test that screened rebuilt the rule pass: ~1.4 s a
    test, 146 tests of tests/test_prompt_normalisation.py took 214 s in the suite and 10 s alone."""
    from django.core.management.base import CommandError
    from django.test import TransactionTestCase

    original = TransactionTestCase._fixture_teardown  # type: ignore[attr-defined]  # private, not in the stubs

    def teardown(self: TransactionTestCase) -> None:
        for attempt in range(5):
            try:
                original(self)
                break
            except CommandError as exc:
                if attempt == 4 or "deadlock detected" not in str(exc.__cause__ or ""):
                    raise
                time.sleep(0.2 * (attempt + 1))
        _seed_data()

    TransactionTestCase._fixture_teardown = teardown  # type: ignore[attr-defined]


_flush_retrying_on_deadlock()


def _live_server_without_nagle() -> None:
    """pytest-django's live server (Django's threaded WSGI server) writes a response's headers and its body in two
    sends. On a kept-alive connection Nagle's algorithm then holds the body until the client acknowledges the
    headers, and the client delays that acknowledgement by ~40 ms: every request of a client that keeps its
    connection (the openai SDK, schemathesis, a requests session) took ~40 ms longer than its work (13.9 ms against
    56.4 ms for a refused webhook POST on a session; docs/benchmarks.md). Gunicorn, which serves the product, sets
    TCP_NODELAY itself; this is the test server's counterpart."""
    from django.core.servers.basehttp import WSGIRequestHandler

    WSGIRequestHandler.disable_nagle_algorithm = True


_live_server_without_nagle()


@pytest.fixture(scope="session", autouse=True)
def _clean_redis() -> None:
    redis.Redis.from_url(settings.REDIS_URL).flushdb()


@pytest.fixture(autouse=True)
def _fresh_breakers() -> Iterator[None]:
    """Circuit breakers are per process, and the live server's threads share this one's: every test starts
    with none. (One Redis call that ran past its 0.5 s budget on a loaded CI box opened the "redis"
    breaker for 2 s, and the next tests, which had nothing to do with it, ran against an "outage".)"""
    from webapp import resilience

    resilience._breakers.clear()
    yield
    resilience._breakers.clear()


@pytest.fixture(autouse=True)
def _media_root(tmp_path_factory: pytest.TempPathFactory, settings) -> None:
    """Every test session writes artifacts to its own storage folder, shared with the worker processes."""
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(_session_media())}}}


_MEDIA: Path | None = None


def _session_media() -> Path:
    global _MEDIA
    if _MEDIA is None:
        _MEDIA = Path(os.environ.get("KINEMA_TEST_MEDIA", f"/tmp/kinema-test-media-{os.getpid()}"))
        _MEDIA.mkdir(parents=True, exist_ok=True)
    return _MEDIA


@pytest.fixture(autouse=True)
def _default_tiers(request: pytest.FixtureRequest) -> None:
    """Tiers, the safety policy and the model catalog are data from migrations; transactional tests flush them: put
    them back for every test that uses the database (by its marker, or through a fixture such as `make_user`), whichever
    tests ran before it on its process."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not {"db", "transactional_db"} & set(request.fixturenames):
        return
    transactional = marker.kwargs.get("transaction", False) if marker else "transactional_db" in request.fixturenames
    request.getfixturevalue("transactional_db" if transactional else "db")
    _seed_data()  # put back after every flush already (above): this is for a flush made some other way


@pytest.fixture
def make_user(db) -> Callable[..., tuple[object, str]]:
    """make_user("alice", tier="plus", credits=N) -> (user, raw api key)."""
    from accounts.models import ApiKey, Tier, User
    from accounts.tiers import ensure_default_tiers

    ensure_default_tiers(Tier)  # transactional tests flush the rows the data migration made

    def make(username: str, tier: str = "plus", credits: int = 10_000) -> tuple[User, str]:
        from accounts.credits import grant_credits

        user = User.objects.create(username=username, tier_id=tier)
        if credits:
            grant_credits(user, credits)
        _, raw = ApiKey.issue(user)
        return user, raw

    return make


# The API tests' caller (alice, a plus user) and her client; client_for(raw_key) makes a client for any key.
@pytest.fixture
def alice(make_user):
    return make_user("alice")


@pytest.fixture
def client_for():
    def make(raw_key: str) -> APIClient:
        c = APIClient()
        c.credentials(HTTP_AUTHORIZATION=f"Bearer {raw_key}")
        return c
    return make


@pytest.fixture
def api(alice, client_for) -> APIClient:
    return client_for(alice[1])


class Stack:
    """Real worker processes (dispatcher, GPU worker, CPU worker) pointed at the test database."""

    def __init__(self) -> None:
        from jobs.chaos import FAST_RECOVERY_ENV

        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.appnames: dict[str, str] = {}  # each process' PGAPPNAME (pg_stat_activity.application_name)
        db = settings.DATABASES["default"]
        self.env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "KINEMA_MEDIA_ROOT": str(_session_media()),
            **FAST_RECOVERY_ENV,
            # Webhook tests deliver to a receiver on loopback, with retries 50x sooner than in production.
            "KINEMA_WEBHOOK_ALLOW_PRIVATE": "1",
            "KINEMA_WEBHOOK_BACKOFF_SCALE": "0.02",
            "KINEMA_WEBHOOK_TIMEOUT_S": "3",  # the overall deadline per attempt (test_webhook_isolation drips)
            "KINEMA_LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
        ARTIFACTS.mkdir(exist_ok=True)

    def start(self, name: str, *args: str, **env: str) -> subprocess.Popen[bytes]:
        env = {"PGAPPNAME": f"stack-{name}", **env}
        self.appnames[name] = env["PGAPPNAME"]
        # Each xdist worker has its own session stack (tests/parallel.py): the worker's id keeps their logs apart.
        worker = os.environ.get("PYTEST_XDIST_WORKER")
        log = open(ARTIFACTS / f"{name}-{worker}.log" if worker else ARTIFACTS / f"{name}.log", "ab")  # noqa: SIM115
        proc = spawn_group([sys.executable, str(ROOT / "manage.py"), *args], env={**self.env, **env}, cwd=ROOT,
                           stdout=log, stderr=subprocess.STDOUT)
        self.procs[name] = proc
        return proc

    def start_gpu_worker(self, name: str = "gpu-test-0", **env: str) -> subprocess.Popen[bytes]:
        return self.start(name, "gpu_worker", "--name", name, **env)

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        proc = self.procs.pop(name)
        self.appnames.pop(name, None)
        try:
            kill_group(proc, sig, wait_s=20)
        except subprocess.TimeoutExpired:  # a gentle signal not honoured in time (a loaded box): end it
            kill_group(proc, signal.SIGKILL, wait_s=20)

    def stop_all(self) -> None:
        from django.db import connection

        # All at once (each may take seconds to finish what it was doing), then whichever is still alive is killed.
        # (A process a test put in `procs` itself has no name of ours: its connections are ended below, not awaited.)
        names = [self.appnames.pop(name) for name in self.procs if name in self.appnames]
        stop_groups([self.procs.pop(name) for name in list(self.procs)], grace_s=20)

        def others(only: list[str] | None = None) -> int:
            with connection.cursor() as cur:
                cur.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                            "AND pid <> pg_backend_pid() AND (%s::text[] IS NULL OR application_name = ANY(%s))",
                            [only, only])
                return int(cur.fetchone()[0])

        # Backends of the stopped processes linger for a moment; the test DB can only be dropped after. On a loaded
        # box they may outlive the wait: end them then (their processes are gone). Other connections to the test
        # DB (one a live server's request thread left open) are not waited for: ended at once.
        with suppress(AssertionError):
            wait_for(lambda: others(names) == 0, timeout=30)
        with connection.cursor() as cur:
            cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        wait_for(lambda: others() == 0, timeout=10)


def wait_for(predicate: Callable[[], T | None], timeout: float = 60, interval: float = 0.1) -> T:
    """The predicate's first truthy value, polled until `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")


def session_gpu_worker(name: str = "gpu-test-0") -> GpuWorker:
    """The session stack's GPU worker's registry row. A transactional test's closing flush deletes every
    row; the worker registers again at its next heartbeat, so a test that starts right after one waits for
    the row rather than finding nothing (or a row about to be replaced)."""
    from jobs.models import GpuWorker

    return wait_for(lambda: GpuWorker.objects.filter(name=name).first(), timeout=60)


SESSION_STACKS: list[Stack] = []  # the session stack, once a test has asked for it


def without_session_workers() -> None:
    """Take the session stack's GPU workers out of a test's own fleet (rows the test creates, acted on by its own
    scheduler passes), rolled back with the test. A worker whose row a transactional test's closing flush deleted
    registers again at its next heartbeat, committing a new row the test would see midway (a second worker of the
    class, the fleet rebuilt under the test): its row is awaited first, and once the test has updated it the
    worker's heartbeat waits on the test's row lock until the test ends."""
    from django.utils import timezone

    from jobs.models import GpuWorker

    for s in SESSION_STACKS:
        for name, proc in s.procs.items():
            if name.startswith("gpu-test-") and proc.poll() is None:
                session_gpu_worker(name)
    GpuWorker.objects.filter(name__startswith="gpu-test-").update(stopped_at=timezone.now())


@pytest.fixture(scope="session")
def stack(django_db_setup, django_db_blocker) -> Iterator[Stack]:
    """Session-wide dispatcher + one GPU worker + one CPU worker + the webhook worker."""
    s = Stack()
    SESSION_STACKS.append(s)
    s.start("dispatcher", "dispatcher", "--poll", "0.5")
    s.start("cpu-worker", "cpu_worker", "--threads", "2")
    s.start("webhook-worker", "webhook_worker", "--threads", "4")
    s.start_gpu_worker()
    with django_db_blocker.unblock():
        from jobs.models import GpuWorker

        wait_for(lambda: GpuWorker.objects.filter(name="gpu-test-0").exists(), timeout=90)
    yield s
    with django_db_blocker.unblock():
        s.stop_all()


@pytest.fixture(scope="session")
def extra_processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Processes a test starts that must outlive it (e.g. a restarted Redis); stopped at session end."""
    procs: list[subprocess.Popen[bytes]] = []
    yield procs
    for proc in procs:
        proc.terminate()
        proc.wait(10)


def mdat(mp4: bytes) -> bytes:
    """The encoded media (top-level `mdat` box) of an MP4: equal for equal video even when the
    signed manifests around it differ (job id, signature time)."""
    offset = 0
    while offset + 8 <= len(mp4):
        size = int.from_bytes(mp4[offset:offset + 4], "big")
        kind = mp4[offset + 4:offset + 8]
        header = 8
        if size == 1:
            size, header = int.from_bytes(mp4[offset + 8:offset + 16], "big"), 16
        elif size == 0:
            size = len(mp4) - offset
        if kind == b"mdat":
            return mp4[offset + header:offset + size]
        offset += size
    raise AssertionError("no mdat box")
