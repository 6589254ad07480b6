from __future__ import annotations

import os
import sys

from django.core.management.base import BaseCommand

from webapp.broker import WEBHOOK_QUEUE


class Command(BaseCommand):
    help = ("Run the Dramatiq worker that delivers webhooks (queue 'webhooks'). It is a process of its own: "
            "slow or hostile receivers occupy only its threads, never the CPU worker's screening and finalize.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--processes", type=int, default=1)
        # Attempts wait on the network, not the CPU; each is cut at KINEMA_WEBHOOK_TIMEOUT_S, and one user's
        # endpoints hold at most KINEMA_WEBHOOK_MAX_IN_FLIGHT_PER_USER of these threads.
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, processes: int, threads: int, **options) -> None:
        env = {**os.environ, "dramatiq_worker_timeout": os.environ.get("dramatiq_worker_timeout", "100")}
        args = [sys.executable, "-m", "dramatiq", "jobs.webhook_entry", "--processes", str(processes),
                "--threads", str(threads), "--queues", WEBHOOK_QUEUE]
        os.execve(sys.executable, args, env)
