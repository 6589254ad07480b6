from __future__ import annotations

from django.core.management.base import BaseCommand

from jobs import chaos


class Command(BaseCommand):
    help = ("Run N jobs through a private copy of the stack while killing its processes and wiping Redis; "
            "check the crash-proofing invariants. Exit status 1 if any broke; JSON summary last.")

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--jobs", type=int, default=200)
        parser.add_argument("--seconds", type=float, default=90)
        parser.add_argument("--gpu-workers", type=int, default=2)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--driver", action="store_true", help="internal: run inside the private stack")

    def handle(self, jobs: int, seconds: float, gpu_workers: int, seed: int, driver: bool,  # type: ignore[no-untyped-def]
               **options) -> None:
        run = chaos.run_driver if driver else chaos.run_outer
        code = run(jobs, seconds, gpu_workers, seed)
        if code:
            raise SystemExit(code)
