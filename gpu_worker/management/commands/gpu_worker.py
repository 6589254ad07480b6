from __future__ import annotations

import os
import sys

from django.core.management.base import BaseCommand

from webapp.broker import gpu_queue


class Command(BaseCommand):
    help = "Run one GPU worker (a Dramatiq process with 1 thread, prefetch 1) on its own queue."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--name", default=os.environ.get("KINEMA_WORKER_NAME", "gpu-0"),
                            help="Unique worker name; its queue is gpu.<name>.")

    def handle(self, name: str, **options) -> None:
        # An idle Dramatiq consumer backs off up to `dramatiq_worker_timeout` ms between polls: 100 ms
        # (not the default 1 s) so a freed GPU picks up its next job promptly.
        env = {**os.environ, "KINEMA_WORKER_NAME": name, "dramatiq_queue_prefetch": "1",
               "dramatiq_worker_timeout": os.environ.get("dramatiq_worker_timeout", "100"),
               "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
        args = [sys.executable, "-m", "dramatiq", "gpu_worker.entry", "--processes", "1", "--threads", "1",
                "--queues", gpu_queue(name)]
        os.execve(sys.executable, args, env)
