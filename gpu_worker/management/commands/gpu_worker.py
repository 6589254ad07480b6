from __future__ import annotations

import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from webapp.broker import gpu_queue


class Command(BaseCommand):
    help = "Run one GPU worker (a Dramatiq process, 1 thread, prefetch 1 or 2: KINEMA_GPU_PREFETCH) on its own queue."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--name", default=os.environ.get("KINEMA_WORKER_NAME", "gpu-0"),
                            help="Unique worker name; its queue is gpu.<name>.")

    def handle(self, name: str, **options) -> None:
        # An idle Dramatiq consumer backs off up to `dramatiq_worker_timeout` ms between polls: 100 ms
        # (not the default 1 s) so a freed GPU picks up its next job promptly.
        # Prefetch (KINEMA_GPU_PREFETCH): the next message is fetched while a job renders, so the worker thread
        # takes it the moment the render ends (instead of after the consumer's next poll, up to the backoff
        # below). The queue is this worker's own: every message in it is for this worker anyway.
        prefetch = "2" if settings.KINEMA_GPU_PREFETCH else "1"
        env = {**os.environ, "KINEMA_WORKER_NAME": name, "dramatiq_queue_prefetch": prefetch,
               "dramatiq_worker_timeout": os.environ.get("dramatiq_worker_timeout", "100"),
               "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
        args = [sys.executable, "-m", "dramatiq", "gpu_worker.entry", "--processes", "1", "--threads", "1",
                "--queues", gpu_queue(name)]
        os.execve(sys.executable, args, env)
