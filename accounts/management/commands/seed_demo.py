from __future__ import annotations

import os

from django.core.management.base import BaseCommand

from accounts.credits import balance, grant_credits
from accounts.models import User
from safety.permissions import ensure_reviewer_group

DEMO_PASSWORD = os.environ.get("KINEMA_DEMO_PASSWORD", "kinema-demo")


class Command(BaseCommand):
    help = "Create (once) the demo creator and the reviewer, and print their logins."

    def handle(self, **options) -> None:  # type: ignore[no-untyped-def]
        creator, created = User.objects.get_or_create(username="demo", defaults={"tier_id": "plus"})
        if created:
            creator.set_password(DEMO_PASSWORD)
            creator.save()
        if balance(creator) < 100:
            grant_credits(creator, 1000, note="demo top-up")
        reviewer, created = User.objects.get_or_create(username="reviewer", defaults={"is_staff": True})
        if created:
            reviewer.set_password(DEMO_PASSWORD)
            reviewer.save()
        reviewer.groups.add(ensure_reviewer_group())
        self.stdout.write(f"  creator login:  demo / {DEMO_PASSWORD}")
        self.stdout.write(f"  reviewer login: reviewer / {DEMO_PASSWORD}  (admin at /admin/)")
