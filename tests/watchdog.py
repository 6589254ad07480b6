"""A test that hangs fails with what it was waiting on, and the run goes on (`-p tests.watchdog` in pyproject.toml).

Without this, a test that never returns holds the whole run until CI's time limit, and the log ends in a row of dots
that names no test. A test still running KINEMA_TEST_TIMEOUT_S seconds after it began (600 by default, 0 for no
limit; its fixtures' set-up and tear-down count, and the longest test takes under two minutes) is stopped:

1. Every thread's stack and the test database's sessions (what each waits on, and which sessions hold it up) are
   written to the run's output at once. The queries this process is running are cancelled (a TRUNCATE waiting for a
   lock fails with QueryCanceled, its connection still usable); a test still in the same phase 5 s later gets a
   signal that raises in its thread: a test blocked on a lock, a join, a socket or a sleep fails there with that
   report, its fixtures are torn down, and the next test runs.
2. A test still there `GRACE_S` later (its thread blocked where no signal reaches; its tear-down, once begun, gets
   `GRACE_S` of its own) ends its process, and the run ends with it: pytest-xdist reports the test as crashed, and
   `make test` lets it replace no process (it would hang for good; `webapp.stack.parallel_args`). The processes a
   test started with `webapp.processes.spawn_group` get SIGTERM from the kernel when it does. Below that,
   faulthandler ends a process whose test holds the interpreter itself (a C call that never lets go of the GIL).
"""

from __future__ import annotations

import atexit
import faulthandler
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from types import FrameType
from typing import Any

import pytest

LIMIT_S = float(os.environ.get("KINEMA_TEST_TIMEOUT_S") or 600)
GRACE_S = float(os.environ.get("KINEMA_TEST_TIMEOUT_GRACE_S") or 60)
# The run's own stderr, kept before pytest's capture points file descriptor 2 at a temporary file (this module is
# imported with the `-p` plugins, before capture starts): what is written here reaches the terminal or CI's log
# even when the process then ends itself.
_STDERR = os.dup(2)
# The test process's own database sessions carry its name in the report, as the session stack's processes carry
# theirs (`stack-<role>`, tests/conftest.py): libpq reads PGAPPNAME when a connection opens. (Set, not defaulted: an
# xdist worker inherits the controlling process's environment.)
os.environ["PGAPPNAME"] = f"pytest-{os.environ.get('PYTEST_XDIST_WORKER') or 'main'}"


def _say(text: str) -> None:
    data = text.encode("utf-8", "replace")
    while data:
        data = data[os.write(_STDERR, data):]


_MACHINERY = tuple(f"{os.sep}{name}{os.sep}" for name in ("_pytest", "pluggy", "execnet", "xdist"))


def thread_stacks() -> str:
    """Every thread's stack, innermost call last (as tracebacks read)."""
    frames = sys._current_frames()
    parts = []
    for thread in threading.enumerate():
        frame = frames.get(thread.ident or -1)
        if frame is None or thread.ident == threading.get_ident():
            continue  # gone, or the watchdog's own
        # pytest's and pluggy's own frames (a dozen under every test) say nothing about what the test waits on.
        calls = [c for c in traceback.extract_stack(frame) if not any(p in c.filename for p in _MACHINERY)]
        parts.append(f"--- thread {thread.name!r}{' (daemon)' if thread.daemon else ''}:\n"
                     + "".join(traceback.format_list(calls)))
    return "\n".join(parts)


SESSIONS = """
    SELECT pid, pg_blocking_pids(pid), application_name, state, wait_event_type, wait_event,
           round(extract(epoch FROM now() - xact_start)), left(regexp_replace(query, '\\s+', ' ', 'g'), 200)
    FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid()
    ORDER BY xact_start NULLS LAST, pid
"""


def connection_params() -> dict[str, Any]:
    """What psycopg.connect needs to open a connection of its own to the database Django uses (the test database in
    a test), with a short connect timeout."""
    from django.db import connections

    params = connections["default"].get_connection_params()
    params.pop("context", None)  # Django's adapters, for its own connections
    params["connect_timeout"] = 5
    return params


def _ask(query: str, *params: object) -> list[tuple[Any, ...]]:
    """`query`'s rows, on a connection of its own to the test database, with short timeouts (the database may be
    what hangs)."""
    import psycopg

    with psycopg.connect(**connection_params(), autocommit=True) as conn:
        conn.execute("SET statement_timeout = '5s'")
        return conn.execute(query, params or None).fetchall()


def database_sessions() -> str:
    """The test database's sessions, one a line: which session waits on what, and whose locks hold it up; a reason
    when they cannot be read."""
    try:
        rows = _ask(SESSIONS)
    except Exception as exc:  # noqa: BLE001 - the report says why, and the stacks still come
        return f"(the database's sessions could not be read: {exc!r})"
    lines = [f"pid {pid} [{app or '-'}] {state or '-'}"
             + (f", waiting on {wtype}:{wevent}" if wtype else "")
             + (f", held up by {', '.join(map(str, blockers))}" if blockers else "")
             + (f", in a transaction for {age:.0f} s" if age is not None else "")
             + f": {query}"
             for pid, blockers, app, state, wtype, wevent, age, query in rows]
    return "\n".join(lines) or "(no other session)"


OWN_QUERIES = """
    SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = %s AND state = 'active' AND pid <> pg_backend_pid()
"""


def cancel_own_queries() -> str:
    """Cancel the queries this process's sessions are running (a TRUNCATE waiting for a lock, say): the call waiting
    on one gets QueryCanceled and its connection stays usable, which a signal raised in the middle of psycopg's wait
    would not leave it. What was done, for the report."""
    try:
        ((count,),) = _ask(OWN_QUERIES, os.environ["PGAPPNAME"])
    except Exception as exc:  # noqa: BLE001 - the report says why
        return f"(this process's queries could not be cancelled: {exc!r})"
    return f"cancelled {count} running quer{'y' if count == 1 else 'ies'} of this process"


class Watch:
    """One thread watches the test that runs. `begin` and `end` bracket each test, `enter` and `leave` each of its
    phases (set-up, call, tear-down)."""

    def __init__(self, limit_s: float, grace_s: float) -> None:
        self.limit_s, self.grace_s = limit_s, grace_s
        self.lock = threading.Lock()  # never taken by the signal handler: the main thread may hold it
        self.nodeid: str | None = None
        self.started = 0.0
        self.deadline = float("inf")
        self.report = ""  # set once the test outlived the limit
        self.phase = 0  # counts the phases begun; `in_phase` while one runs
        self.in_phase = False
        self.stopped_phase = -1  # the phase the test was in when it was stopped
        self.fired = 0  # how many tests it stopped
        self.thread: threading.Thread | None = None

    def begin(self, nodeid: str) -> None:
        with self.lock:
            self.nodeid, self.started, self.report = nodeid, time.monotonic(), ""
            self.deadline = self.started + self.limit_s
        # The last resort below the interpreter: a thread of faulthandler's own, which runs even when the test is in
        # a C call that holds the GIL (where the watchdog's Python thread cannot).
        faulthandler.dump_traceback_later(self.limit_s + 3 * self.grace_s + 60, exit=True, file=_STDERR)
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="kinema-test-watchdog", daemon=True)
            self.thread.start()

    def end(self) -> None:
        faulthandler.cancel_dump_traceback_later()
        with self.lock:
            self.nodeid, self.deadline, self.report = None, float("inf"), ""

    def enter(self) -> None:
        self.phase += 1
        self.in_phase = True
        if self.report:  # a stopped test's tear-down gets its own grace
            with self.lock:
                self.deadline = time.monotonic() + self.grace_s

    def leave(self) -> None:
        self.in_phase = False

    def _run(self) -> None:
        while True:
            time.sleep(min(1.0, self.limit_s / 4))
            with self.lock:
                nodeid, overdue, reported = self.nodeid, time.monotonic() >= self.deadline, bool(self.report)
            if nodeid is None or not overdue:
                continue
            if not reported:
                self._stop(nodeid)
            else:
                self._end_process(nodeid)

    def _stop(self, nodeid: str) -> None:
        elapsed = time.monotonic() - self.started
        phase = self.phase
        report = (f"{nodeid} was still running after {elapsed:.0f} s (KINEMA_TEST_TIMEOUT_S={self.limit_s:g}).\n"
                  f"Its process's threads:\n{thread_stacks()}\n"
                  f"The test database's sessions:\n{database_sessions()}\n")
        with self.lock:
            if self.nodeid != nodeid:
                return  # it ended meanwhile
            self.report, self.deadline, self.stopped_phase = report, time.monotonic() + self.grace_s, phase
            self.fired += 1
        worker = os.environ.get("PYTEST_XDIST_WORKER", "")
        _say(f"\n[watchdog{' ' + worker if worker else ''}] {report}")
        # First the database: a test waiting on a query of its own gets QueryCanceled, and its connection stays whole.
        cancelled = cancel_own_queries()
        _say(f"[watchdog] {cancelled}\n")
        deadline = time.monotonic() + 5
        while self.phase == phase and self.nodeid == nodeid and time.monotonic() < deadline:
            time.sleep(0.1)
        if self.phase == phase and self.nodeid == nodeid:  # still where it hung: a signal raises in its thread
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGUSR2)
        with self.lock:
            if self.nodeid == nodeid:
                self.deadline = time.monotonic() + self.grace_s  # the grace counts from here

    def _end_process(self, nodeid: str) -> None:
        with self.lock:
            if self.nodeid != nodeid or time.monotonic() < self.deadline:
                return  # it ended, or began its tear-down, meanwhile
        _say(f"\n[watchdog] {nodeid} did not stop {self.grace_s:g} s after the signal: this process ends.\n"
             f"{thread_stacks()}\n")
        leave(3)

    def raise_in_test(self, signum: int, frame: FrameType | None) -> None:
        # Plain reads, no lock (see `lock`). Only in the phase the test was stopped in: a signal that comes between
        # phases, or after the test moved on, would fail pytest itself rather than the test.
        report = self.report
        if report and self.nodeid and self.in_phase and self.phase == self.stopped_phase:
            pytest.fail(f"stopped by the watchdog: {report}", pytrace=False)


def leave(status: int) -> None:
    """End the process: its exit handlers first (the worker's own Redis, its temporary folders), for 20 s at most."""
    last_word = threading.Timer(20, os._exit, (status,))
    last_word.daemon = True
    last_word.start()
    try:
        atexit._run_exitfuncs()
    finally:
        os._exit(status)


WATCH = Watch(LIMIT_S, GRACE_S)


def pytest_configure(config: pytest.Config) -> None:
    if LIMIT_S > 0 and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGUSR2, WATCH.raise_in_test)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    if LIMIT_S <= 0:
        yield
        return
    WATCH.begin(item.nodeid)
    try:
        yield
    finally:
        WATCH.end()


def _phase() -> Iterator[None]:
    WATCH.enter()
    try:
        yield
    finally:
        WATCH.leave()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    yield from _phase()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    yield from _phase()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    yield from _phase()


def pytest_unconfigure(config: pytest.Config) -> None:
    if WATCH.fired:
        # A stopped test may have left a thread that never ends, and the interpreter waits for its threads (before
        # its exit handlers) on exit. A daemon timer: a process whose threads all end exits as usual before it fires.
        timer = threading.Timer(GRACE_S, leave, (1,))
        timer.daemon = True
        timer.start()
