"""Children started by `webapp.processes.spawn_group` end when the process that started them dies, however it dies.

They run in their own sessions (so a stop reaches their own children), which also means a SIGKILL of `make run`
or of a test run used to leave them running: a web server still holding its port, a Redis still writing to the
data directory the next run opens. Here a real parent process is killed with SIGKILL and its child must get
SIGTERM from the kernel and leave.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from webapp.processes import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")

# The child records the signal it got (SIGTERM is the one asked for), then leaves.
CHILD = textwrap.dedent("""
    import signal, sys, time
    from pathlib import Path

    def leave(signum, frame):
        Path(sys.argv[1]).write_text(signal.Signals(signum).name)
        sys.exit(0)

    signal.signal(signal.SIGTERM, leave)
    Path(sys.argv[1] + ".ready").write_text("ready")
    time.sleep(120)
""")

# The parent starts the child as `make run` starts its roles, prints its pid, and waits to be killed.
PARENT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from webapp.processes import spawn_group

    child = spawn_group([sys.executable, "-c", sys.argv[2], sys.argv[3]], cwd=None)
    print(child.pid, flush=True)
    time.sleep(120)
""")


def alive(pid: int) -> bool:
    """Is `pid` running (a zombie waiting for a reaper counts as gone)?"""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return bool(predicate())


@contextmanager
def parent_and_child(record: Path) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """A parent process that started its child with spawn_group, once the child is running; both are ended after."""
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(ROOT), CHILD, str(record)],
                              stdout=subprocess.PIPE, text=True)
    child_pid = 0
    try:
        assert parent.stdout is not None
        child_pid = int(parent.stdout.readline())
        assert wait_until(lambda: Path(f"{record}.ready").exists(), timeout=30), "the child did not start"
        yield parent, child_pid
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait(10)
        if child_pid:
            wait_until(lambda: not alive(child_pid), timeout=15)
            if alive(child_pid):
                os.kill(child_pid, signal.SIGKILL)


def test_a_child_gets_sigterm_when_its_parent_is_killed(tmp_path: Path) -> None:
    record = tmp_path / "signal"
    with parent_and_child(record) as (parent, child_pid):
        assert alive(child_pid)
        # The child leads its own session: signals to the parent's group do not reach it.
        assert os.getpgid(child_pid) == child_pid != os.getpgid(parent.pid)

        parent.kill()  # SIGKILL: no handler of the parent runs
        parent.wait(10)

        assert wait_until(lambda: not alive(child_pid), timeout=15), "the child outlived its parent"
        assert record.read_text() == "SIGTERM"


def test_a_child_keeps_running_while_its_parent_lives(tmp_path: Path) -> None:
    record = tmp_path / "signal"
    with parent_and_child(record) as (_, child_pid):
        time.sleep(1.0)
        assert alive(child_pid)
        assert not record.exists()  # no signal while the parent runs
