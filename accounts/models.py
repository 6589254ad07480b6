"""Users, their tier (plan) and API keys. Credits live in accounts/credits.py's models below."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


class Tier(models.Model):
    """A plan with its scheduling weight and limits. Data, editable in the admin."""

    name = models.SlugField(primary_key=True, max_length=32)
    display_name = models.CharField(max_length=64)
    rank = models.PositiveSmallIntegerField(default=0, help_text="Higher = more valuable (preemption order).")
    # Scheduling
    weight = models.FloatField(default=1.0, help_text="Share of GPU-seconds relative to other tiers.")
    floor_share = models.FloatField(default=0.0, help_text="Guaranteed minimum share of GPU time (0-1).")
    wait_target_s = models.PositiveIntegerField(default=300, help_text="Queue wait this tier should not exceed.")
    e2e_target_s = models.PositiveIntegerField(
        default=300, help_text="p95 submission-to-video target for a 10 s clip (the operator page and alerts).")
    max_concurrent = models.PositiveIntegerField(default=1)
    max_queued = models.PositiveIntegerField(default=10)
    # Generation limits
    step_budget = models.PositiveIntegerField(default=30, help_text="Denoising steps every job of the tier runs.")
    max_height = models.PositiveIntegerField(default=480, help_text="Largest short side, in output pixels.")
    max_seconds = models.PositiveIntegerField(default=8)
    daily_quota = models.PositiveIntegerField(default=20, help_text="Generations per UTC day.")
    monthly_credits = models.PositiveIntegerField(default=0)
    requests_per_minute = models.PositiveIntegerField(default=60)

    class Meta:
        ordering = ["rank"]

    def __str__(self) -> str:
        return self.display_name


def default_tier() -> str:
    return "free"


class User(AbstractUser):
    tier = models.ForeignKey(Tier, on_delete=models.PROTECT, default=default_tier, related_name="users")


API_KEY_PREFIX = "kin_"


def hash_api_key(raw: str) -> str:
    # Keys are 256-bit random strings, so a fast hash is as good as a slow one and keeps auth cheap.
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet["ApiKey"]):
    def active(self) -> ApiKeyQuerySet:
        return self.filter(revoked_at__isnull=True)


class ApiKey(models.Model):
    """A programmatic credential. Only a hash is stored; the key is shown once, at creation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=100, default="default")
    lookup = models.CharField(max_length=16, unique=True, help_text="Public prefix used to find the key.")
    key_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiKeyQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{API_KEY_PREFIX}{self.lookup}… ({self.name})"

    @classmethod
    def issue(cls, user: User, name: str = "default") -> tuple[ApiKey, str]:
        """Create a key and return it with its one-time raw value."""
        lookup = secrets.token_hex(6)
        raw = f"{API_KEY_PREFIX}{lookup}_{secrets.token_urlsafe(32)}"
        key = cls.objects.create(user=user, name=name, lookup=lookup, key_hash=hash_api_key(raw))
        return key, raw

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class CreditLot(models.Model):
    """Credits that arrived together (grant, purchase, refund) and expire together."""

    class Source(models.TextChoices):
        MONTHLY = "monthly", "Monthly tier grant"
        PURCHASE = "purchase", "Purchase"
        ADMIN = "admin", "Admin grant"
        REFUND = "refund", "Refund"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="credit_lots")
    source = models.CharField(max_length=16, choices=Source.choices)
    amount = models.PositiveIntegerField()
    remaining = models.PositiveIntegerField()
    expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["user", "expires_at"])]


class LedgerEntry(models.Model):
    """An immutable credit movement. Balance and holds are derived from lots and entries."""

    class Kind(models.TextChoices):
        GRANT = "grant"
        HOLD = "hold"
        CAPTURE = "capture"
        RELEASE = "release"
        EXPIRE = "expire"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="ledger")
    lot = models.ForeignKey(CreditLot, on_delete=models.PROTECT, null=True, blank=True)
    job_id = models.CharField(max_length=40, blank=True, default="", db_index=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    amount = models.IntegerField()
    note = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["user", "created_at"])]
        verbose_name_plural = "ledger entries"
