"""Dramatiq entry module of a GPU worker: `dramatiq gpu_worker.entry -p1 -t1 -Q gpu.<name>`.

Started by `manage.py gpu_worker`, which sets KINEMA_WORKER_NAME. At boot the process loads the
model once, registers itself (GPU class, memory, model, its queue) and starts its heartbeat.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from types import FrameType

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
django.setup()

import dramatiq  # noqa: E402

from gpu_worker import runtime, tasks  # noqa: E402,F401 - tasks declares the actor
from jobs import tasks as cpu_tasks  # noqa: E402,F401 - so finalize messages can be sent
from webapp.broker import broker, gpu_queue  # noqa: E402

QUEUE = gpu_queue(runtime.state.name)
broker.declare_queue(QUEUE)
log = logging.getLogger(__name__)


class GpuWorkerLifecycle(dramatiq.Middleware):
    def after_worker_boot(self, broker, worker) -> None:
        runtime.pipeline()
        runtime.state.register(QUEUE)
        runtime.state.start_heartbeat()
        graceful_sigterm_once()

    def before_worker_shutdown(self, broker, worker) -> None:
        runtime.state.stop_taking_work()  # the heartbeat keeps renewing held leases until the drain ends

    def after_worker_shutdown(self, broker, worker) -> None:
        # Runs finished in the background (prefetch) still write their frames before the process exits, their
        # leases renewed meanwhile; whatever does not make it stays `running` and is requeued by the reaper once
        # its lease (no longer renewed) lapses.
        try:
            if not runtime.settler.drain(timeout_s=60):
                log.warning("exiting with %s run(s) not finished; their jobs will be requeued",
                            runtime.settler.pending())
        finally:
            runtime.state.stop()


def graceful_sigterm_once() -> None:
    """A SIGTERM sent to the whole process group (a test's `Stack.kill`, the chaos harness, systemd's control-group
    kill) reaches this process twice: directly and forwarded by Dramatiq's main process. Dramatiq's handler takes a
    second one as "kill now" (sys.exit in the main thread), which skips the shutdown hooks: the worker is never
    marked stopped (the dispatcher goes on sending it jobs until its heartbeat is LEASE_S old) and the settler's runs
    are not drained. Only the first SIGTERM is passed on; SIGKILL still stops the process at once."""
    if threading.current_thread() is not threading.main_thread():
        return
    previous = signal.getsignal(signal.SIGTERM)
    if not callable(previous):
        return
    seen = False

    def once(signum: int, frame: FrameType | None) -> None:
        nonlocal seen
        if seen:
            log.info("SIGTERM again: still shutting down gracefully (SIGKILL stops at once)")
            return
        seen = True
        previous(signum, frame)

    signal.signal(signal.SIGTERM, once)


broker.add_middleware(GpuWorkerLifecycle())
