from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.credits import grant_monthly_credits


class Command(BaseCommand):
    help = ("Grant every active user their tier's monthly credits, as a lot expiring in 31 days. "
            "Idempotent per user and month: run it daily from cron.")

    def handle(self, **options) -> None:
        now = timezone.now()
        granted = grant_monthly_credits(now, expires_at=now + timedelta(days=31))
        self.stdout.write(f"granted the {now:%Y-%m} credits to {granted} users")
