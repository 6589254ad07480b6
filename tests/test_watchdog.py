"""The suite's watchdog (tests/watchdog.py): a hung test fails with its threads' stacks and the database's sessions,
and the run goes on; one whose thread no signal reaches ends its process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests import watchdog
from tests.conftest import wait_for
from webapp.stack import parallel_args

ROOT = Path(__file__).resolve().parent.parent

HUNG = textwrap.dedent("""
    import signal, threading, time

    def test_joins_a_thread_that_never_ends():
        def wait_forever():
            threading.Event().wait()

        helper = threading.Thread(target=wait_forever, name="stuck-helper", daemon=True)
        helper.start()
        helper.join()

    def test_blocks_the_signal_and_sleeps():
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR2})
        time.sleep(60)

    def test_runs_after():
        assert True
""")


def run_pytest(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """pytest on HUNG in a process of its own, with a 2 s limit and a 3 s grace; no Django."""
    (tmp_path / "test_hung.py").write_text(HUNG)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
    env.update(PYTHONPATH=str(ROOT), KINEMA_TEST_TIMEOUT_S="2", KINEMA_TEST_TIMEOUT_GRACE_S="3")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pytest", "-c", str(tmp_path / "pytest.ini"), "--rootdir",
                           str(tmp_path), "-p", "tests.watchdog", "-p", "no:django", "-p", "no:cacheprovider",
                           "-q", *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    return done, time.monotonic() - started


@pytest.mark.parametrize("xdist", [[], ["-n", "1"]], ids=["alone", "xdist"])
def test_a_hung_test_fails_with_its_stacks_and_the_next_test_runs(tmp_path: Path, xdist: list[str]) -> None:
    done, took = run_pytest(tmp_path, "-k", "not blocks", *xdist)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "1 failed, 1 passed" in out, out
    assert "test_hung.py::test_joins_a_thread_that_never_ends was still running after 2 s" in out
    # The stuck thread's stack, where it waits, and the test's own (the join), in the failure's report.
    assert "thread 'stuck-helper' (daemon)" in out and "in wait_forever" in out
    assert "stopped by the watchdog" in out and "helper.join()" in out
    assert "The test database's sessions:\n(the database's sessions could not be read" in out  # no Django here
    assert "[watchdog" in done.stderr and "(this process's queries could not be cancelled" in done.stderr  # at once
    assert took < 60


@pytest.mark.parametrize("xdist", [["-p", "no:xdist"], parallel_args(["-n", "1"], {})], ids=["alone", "xdist"])
def test_a_test_no_signal_reaches_ends_its_process_and_the_run(tmp_path: Path, xdist: list[str]) -> None:
    """Under xdist as `make test` runs it, the crashed process ends the run: replaced, it would hang for good."""
    done, took = run_pytest(tmp_path, "-k", "blocks or after", *xdist)
    out = done.stdout + done.stderr
    assert done.returncode == (3 if xdist == ["-p", "no:xdist"] else 1), out
    assert "test_blocks_the_signal_and_sleeps did not stop 3 s after the signal: this process ends" in out
    assert "time.sleep(60)" in out
    assert "passed" not in out, out  # the run ended there: test_runs_after never ran
    if xdist != ["-p", "no:xdist"]:
        assert "crashed while running 'test_hung.py::test_blocks_the_signal_and_sleeps'" in out, out
        assert "1 failed in" in out, out
    assert took < 50  # not the minute the test sleeps


@pytest.mark.django_db(transaction=True)
def test_the_database_report_names_who_waits_on_whose_lock() -> None:
    params = watchdog.connection_params()
    with psycopg.connect(**params, autocommit=True, application_name="holder") as holder:
        holder.execute("SELECT pg_advisory_lock(4242)")
        holder_pid = holder.info.backend_pid

        def wait_for_the_lock() -> None:
            with psycopg.connect(**params, autocommit=True, application_name="waiter") as waiter:
                waiter.execute("SELECT pg_advisory_lock(4242)")

        waiter = threading.Thread(target=wait_for_the_lock)
        waiter.start()
        try:
            report = wait_for(lambda: r if f"held up by {holder_pid}" in (r := watchdog.database_sessions()) else None,
                              timeout=30)
        finally:
            holder.execute("SELECT pg_advisory_unlock(4242)")
            waiter.join(30)
    (line,) = [line for line in report.splitlines() if "[waiter]" in line]
    assert "active, waiting on Lock:advisory" in line and f"held up by {holder_pid}" in line, report
    assert line.endswith("SELECT pg_advisory_lock(4242)"), report
    assert any(line.startswith(f"pid {holder_pid} [holder] idle") for line in report.splitlines()), report
    with connection.cursor() as cur:  # the test process's own sessions are named too
        cur.execute("SELECT current_setting('application_name')")
        assert cur.fetchone()[0] == f"pytest-{os.environ.get('PYTEST_XDIST_WORKER') or 'main'}"


@pytest.mark.django_db(transaction=True)
def test_a_query_of_this_process_waiting_on_a_lock_is_cancelled_and_its_connection_stays_usable() -> None:
    params = watchdog.connection_params()
    outcome: list[str] = []
    with psycopg.connect(**params, autocommit=True, application_name="someone-else") as holder:
        holder.execute("SELECT pg_advisory_lock(4343)")
        with psycopg.connect(**params, autocommit=True) as own:  # PGAPPNAME: this process's name

            def wait_for_the_lock() -> None:
                try:
                    own.execute("SELECT pg_advisory_lock(4343)")
                    outcome.append("got the lock")
                except psycopg.errors.QueryCanceled:
                    outcome.append("cancelled")

            waiter = threading.Thread(target=wait_for_the_lock)
            waiter.start()
            wait_for(lambda: "held up by" in watchdog.database_sessions(), timeout=30)
            assert watchdog.cancel_own_queries() == "cancelled 1 running query of this process"
            waiter.join(30)
            assert outcome == ["cancelled"]
            assert own.execute("SELECT 6 * 7").fetchone() == (42,)  # the connection is whole
        assert holder.execute("SELECT pg_advisory_unlock(4343)").fetchone() == (True,)  # the holder was left alone
