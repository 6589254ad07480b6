from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.credits import grant_credits
from accounts.models import ApiKey, Tier, User


class Command(BaseCommand):
    help = "Create (or update) a user and print a fresh API key as the last line."

    def add_arguments(self, parser) -> None:
        parser.add_argument("name")
        parser.add_argument("--tier", default="free")
        parser.add_argument("--credits", type=int, default=0, help="Grant this many credits (an admin lot).")

    @transaction.atomic
    def handle(self, name: str, tier: str, credits: int, **options) -> None:
        if not Tier.objects.filter(name=tier).exists():
            known = ", ".join(Tier.objects.values_list("name", flat=True))
            raise CommandError(f"unknown tier {tier!r} (known: {known})")
        if credits < 0:
            raise CommandError("--credits must be zero or positive")
        user, created = User.objects.get_or_create(username=name, defaults={"tier_id": tier})
        if not created and user.tier_id != tier:
            user.tier_id = tier
            user.save(update_fields=["tier"])
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        if credits:
            grant_credits(user, credits, note="create_api_user")
        _, raw = ApiKey.issue(user, name="cli")
        self.stdout.write(f"{'created' if created else 'updated'} user {name} (tier {tier})")
        self.stdout.write(raw)
