from __future__ import annotations

from django.core.management.base import BaseCommand

from jobs.retention import prune


class Command(BaseCommand):
    help = ("Run the retention prune now (the dispatcher also runs it every KINEMA_PRUNE_EVERY_S): delete expired "
            "videos, old reference images, previews and prompts; the records stay.")

    def handle(self, *args: object, **options: object) -> None:
        done = prune()
        self.stdout.write(", ".join(f"{k}: {v}" for k, v in done.items()))
