from __future__ import annotations

import os
import sys

from django.core.management.base import BaseCommand

from webapp.broker import CPU_QUEUES, WEBHOOK_QUEUE

# Webhook deliveries wait on other people's servers: they run in `manage.py webhook_worker`, never here.
DEFAULT_QUEUES = [q for q in CPU_QUEUES if q != WEBHOOK_QUEUE]


class Command(BaseCommand):
    help = "Run Dramatiq workers for the CPU stages (screening, finalizing)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--processes", type=int, default=1)
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument("--queues", nargs="*", default=DEFAULT_QUEUES)

    def handle(self, processes: int, threads: int, queues: list[str], **options) -> None:
        env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1"),
               "dramatiq_worker_timeout": os.environ.get("dramatiq_worker_timeout", "100")}
        args = [sys.executable, "-m", "dramatiq", "webapp.cpu_entry", "--processes", str(processes),
                "--threads", str(threads), "--queues", *queues]
        os.execve(sys.executable, args, env)
