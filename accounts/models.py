"""Users, their tier (plan) and API keys. Credits live in accounts/credits.py's models below."""

from __future__ import annotations

import base64
import hashlib
import secrets
from datetime import datetime

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
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


def new_signing_secret() -> str:
    """A Standard Webhooks secret (`whsec_` + base64 of 24 random bytes), as webhook endpoints have."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


# The accounts an e-mail address belongs to: active ones, at most one per address (any case), so two
# verifications at once cannot both take it. Sign-ups waiting for their verification hold nothing: several may
# wait for one address, and the first activated (its link, which only the address's owner reads, and the password
# chosen at sign-up) wins.
HOLDS_EMAIL = models.Q(is_active=True) & ~models.Q(email="")


class User(AbstractUser):
    tier = models.ForeignKey(Tier, on_delete=models.PROTECT, default=default_tier, related_name="users")
    verification_pending = models.BooleanField(
        default=False, help_text="Signed up and not yet activated through the verification link: inactive; "
                                 "deleted when another sign-up for the address is verified, or after "
                                 "KINEMA_UNVERIFIED_ACCOUNT_TTL_S.")
    email_on_finish = models.BooleanField(
        default=False, help_text="E-mail the user when a long video finishes (opt-in, on the account page).")
    webhook_signing_secret = models.CharField(
        max_length=80, blank=True, default="",
        help_text="Signs the per-request webhooks (webhook_url on POST /v1/videos); made on first use.")

    class Meta(AbstractUser.Meta):
        constraints = [models.UniqueConstraint(
            Lower("email"), condition=HOLDS_EMAIL, name="user_email_unique_ci",
            violation_error_message="An account with this e-mail address exists already.")]

    def signing_secret(self) -> str:
        """The per-request webhook signing secret, created (once, race-free) on first use."""
        if not self.webhook_signing_secret:
            User.objects.filter(pk=self.pk, webhook_signing_secret="").update(
                webhook_signing_secret=new_signing_secret())
            self.webhook_signing_secret = User.objects.values_list("webhook_signing_secret", flat=True).get(
                pk=self.pk)
        return self.webhook_signing_secret

    def rotate_signing_secret(self) -> str:
        self.webhook_signing_secret = new_signing_secret()
        self.save(update_fields=["webhook_signing_secret"])
        return self.webhook_signing_secret


def new_invite_code() -> str:
    return secrets.token_urlsafe(9)


class InviteCode(models.Model):
    """An invitation to sign up while sign-up is invite-only (KINEMA_SIGNUP=invite): usable
    `max_uses` times until `expires_at`. Created by staff in the admin."""

    code = models.CharField(max_length=64, unique=True, default=new_invite_code)
    max_uses = models.PositiveIntegerField(default=1)
    uses = models.PositiveIntegerField(default=0, editable=False)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Empty: never expires.")
    note = models.CharField(max_length=200, blank=True, default="", help_text="Who it is for (staff only).")
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(condition=models.Q(uses__lte=models.F("max_uses")),
                                              name="invite_uses_within_limit")]

    def __str__(self) -> str:
        return self.code

    def usable(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.uses < self.max_uses and (self.expires_at is None or self.expires_at > now)


class SentEmail(models.Model):
    """An e-mail Kinema owes a user, sent once by a CPU worker. `key` names what it is about (e.g.
    `job:<id>:succeeded`), so the same notice is never written, nor sent, twice."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sent_emails")
    key = models.CharField(max_length=120, unique=True)
    to = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.key} to {self.to}"


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

    # No index of its own: the (user, expires_at) index below serves every lookup by user (and the hold).
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="credit_lots", db_index=False)
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

    # No index of its own: the (user, created_at) index below serves every lookup by user.
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="ledger", db_index=False)
    lot = models.ForeignKey(CreditLot, on_delete=models.PROTECT, null=True, blank=True)
    job_id = models.CharField(max_length=40, blank=True, default="", db_index=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    amount = models.IntegerField()
    note = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["user", "created_at"])]
        verbose_name_plural = "ledger entries"
