"""Process supervision (ground floor): the one home for starting, finding and stopping child processes.

Every long-lived child (web, dispatcher, workers, embedded Redis) is started in its own session, so
it leads a process group: signalling the group reaches the children it forked too (dramatiq's
worker processes, gunicorn's workers), and a kill leaves no orphan holding a port or a GPU. On Linux
each child also gets SIGTERM when its parent dies, however it dies (a SIGKILL, the OOM killer, a
closed terminal): its own session would otherwise keep it running, orphaned, still holding its
port and writing to the data directory the next run uses. Used by
webapp/stack.py (`make run`, `make test`), jobs/chaos.py (the chaos harness), tests/conftest.py
(the `stack` fixture) and the benchmarks. Imports no Django and no app.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _libc_prctl() -> Any | None:
    """libc's prctl(2), resolved once here: a child between fork and exec should do no more than call it."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_prctl = _libc_prctl()


def _term_when_parent_dies(parent: int) -> None:
    """In the child, before exec: SIGTERM when the parent dies (kept across exec); if the parent is already
    gone (it died between fork and here), the signal would never come, so leave at once."""
    if _prctl is not None:
        _prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)  # fails only for an invalid signal: nothing to check
    if os.getppid() != parent:
        os._exit(1)


def free_port() -> int:
    """A TCP port on loopback nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    """Does something accept connections on `host:port` (answering within 0.2 s)?"""
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex((host, port)) == 0


def wait_port(port: int, *, open_: bool = True, timeout_s: float = 10.0) -> bool:
    """Wait until `port` accepts connections (or, with `open_=False`, until it no longer does)."""
    deadline = time.monotonic() + timeout_s
    while port_open(port) != open_:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def shared_tmp(root: Path = ROOT) -> Path:
    """/var/tmp/kinema-<hash of the project path>/, reachable by everyone: where `nobody`'s copies go."""
    digest = hashlib.sha1(str(root).encode()).hexdigest()[:10]
    path = Path("/var/tmp") / f"kinema-{digest}"
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o755)
    return path


def spawn_group(args: Sequence[str], *, env: Mapping[str, str] | None = None, cwd: Path | str | None = ROOT,
                stdout: IO[Any] | int | None = None, stderr: IO[Any] | int | None = None) -> subprocess.Popen[bytes]:
    """Start `args` as the leader of a new process group (its own session), which gets SIGTERM when this
    process dies (Linux; a leader forwards it to its group as it does for our own stop). Linux ties that to
    the calling *thread*: spawn long-lived children from a thread that lives as long as they should.

    Parameters:
      args: the command line. env: its whole environment (None: ours). cwd: where it runs (the project
      root by default). stdout / stderr: where its output goes (None: ours; subprocess.STDOUT for stderr
      joins the two).
    """
    return subprocess.Popen(list(args), env=dict(env) if env is not None else None, cwd=cwd, stdout=stdout,
                            stderr=stderr, start_new_session=True, preexec_fn=die_with_parent())


def die_with_parent() -> Callable[[], None]:
    """A preexec_fn for a child that should get SIGTERM when this process dies (Linux; elsewhere it does nothing),
    for children started without spawn_group (`make test`'s pytest, which stays in the terminal's group)."""
    return functools.partial(_term_when_parent_dies, os.getpid())


def signal_group(proc: subprocess.Popen[bytes], sig: int) -> bool:
    """Send `sig` to `proc`'s whole process group. False when the group is already gone."""
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        return False
    return True


def kill_group(proc: subprocess.Popen[bytes], sig: int = signal.SIGKILL, *, wait_s: float | None = 30) -> None:
    """Signal `proc`'s process group with `sig` (SIGKILL by default), then reap `proc`.

    Parameters:
      wait_s: how long to wait for the leader to exit (None: forever); a leader still alive after it
        raises subprocess.TimeoutExpired, as Popen.wait does.
    """
    signal_group(proc, sig)
    proc.wait(wait_s)


def stop_groups(procs: Iterable[subprocess.Popen[bytes]], *, grace_s: float = 15.0) -> None:
    """Stop several children at once: SIGTERM to each leader (dramatiq's and gunicorn's main
    processes forward it to their workers), then SIGKILL to the group of every one still alive after
    `grace_s` in total, and those are reaped within another `grace_s` (a leader that outlives even that,
    stuck in the kernel, is left: it never raises). `make run`'s stop and the test suite's session stack."""
    procs = list(procs)
    for proc in procs:
        with suppress(ProcessLookupError):
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    survivors = []
    for proc in procs:
        try:
            proc.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            survivors.append(proc)
    for proc in survivors:
        signal_group(proc, signal.SIGKILL)
    deadline = time.monotonic() + grace_s
    for proc in survivors:
        with suppress(subprocess.TimeoutExpired):
            proc.wait(max(0.1, deadline - time.monotonic()))
