"""`manage.py rescreen [--days N]`: re-screen recently published clips under the current policy.

Policy edits in the moderation console start a run by themselves; this is for edits made elsewhere (a
deploy whose migration changed the default policy, a shell). Idempotent: if the current policy version
already has a run, it is reported and nothing is queued again.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from jobs.rescreen import start_run


class Command(BaseCommand):
    help = "Re-screen the clips published in the last N days under the current policy (on the CPU worker)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=None,
                            help="Window in days (default KINEMA_RESCREEN_WINDOW_DAYS).")

    def handle(self, *args: Any, days: int | None = None, **options: Any) -> None:
        if days is not None and days < 1:
            self.stderr.write("--days must be at least 1.")
            raise SystemExit(2)
        run = start_run("manage.py rescreen", window_days=days)
        state = "finished" if run.finished_at else "queued or running"
        self.stdout.write(f"policy version {run.policy_version[:8]}: run {run.pk} ({state}), clips published since "
                          f"{run.since:%Y-%m-%d %H:%M} UTC; screened so far {run.screened}, flagged {run.flagged}")
