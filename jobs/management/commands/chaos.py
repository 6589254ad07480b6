from __future__ import annotations

from django.core.management.base import BaseCommand

from jobs import chaos


class Command(BaseCommand):
    help = ("Run N jobs through a private copy of the stack while killing its processes and wiping Redis; "
            "check the crash-proofing invariants and print each violation with its job's full story. "
            "Exit status 1 if any broke; JSON summary (with the seed) last.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--jobs", type=int, default=200)
        parser.add_argument("--seconds", type=float, default=90)
        parser.add_argument("--gpu-workers", type=int, default=2)
        parser.add_argument("--seed", type=int, default=None,
                            help="replay this run's choices (drawn and printed when not given)")
        parser.add_argument("--driver", action="store_true", help="internal: run inside the private stack")

    def handle(self, jobs: int, seconds: float, gpu_workers: int, seed: int | None,
               driver: bool, **options) -> None:
        if driver:
            code = chaos.run_driver(jobs, seconds, gpu_workers, seed if seed is not None else 1)
        else:
            code = chaos.run_outer(jobs, seconds, gpu_workers, seed)
        if code:
            raise SystemExit(code)
