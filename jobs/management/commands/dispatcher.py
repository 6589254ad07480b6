from __future__ import annotations

from django.core.management.base import BaseCommand

from jobs.dispatcher import Dispatcher


class Command(BaseCommand):
    help = "Run the dispatcher (one leader at a time; extra instances wait as hot standbys)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--poll", type=float, default=1.0, help="Seconds between polls without a doorbell.")

    def handle(self, poll: float, **options) -> None:
        Dispatcher(poll_s=poll).run_forever()
