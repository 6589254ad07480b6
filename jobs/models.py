"""A generation job, its append-only event log and its stored artifacts.

`Job.state` is written only by jobs/lifecycle.py (conditional UPDATEs); read the state machine there.
"""

from __future__ import annotations

import secrets
import time

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class JobState(models.TextChoices):
    SUBMITTED = "submitted"
    QUEUED = "queued"
    DISPATCHED = "dispatched"
    RUNNING = "running"
    FINALIZING = "finalizing"
    IN_REVIEW = "in_review"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    BLOCKED = "blocked"
    CANCELLED = "cancelled"


TERMINAL_STATES = frozenset({JobState.SUCCEEDED, JobState.FAILED, JobState.BLOCKED, JobState.CANCELLED})
ACTIVE_STATES = frozenset(set(JobState) - TERMINAL_STATES)


def new_job_id() -> str:
    """`video_` + 12 hex digits of milliseconds + 16 random hex digits: ids sort by creation time,
    so keyset pagination is a plain comparison on the primary key."""
    return f"video_{int(time.time() * 1000):012x}{secrets.token_hex(8)}"


WAITING_STATES = frozenset({JobState.SUBMITTED, JobState.QUEUED, JobState.DISPATCHED})
"""Jobs waiting for a GPU: what "queue depth" counts (the metrics gauge and the reconciler's samples)."""


def denoising_percent(step: int, steps: int) -> int:
    """Denoising fills 0-95 % of a job's progress; finalizing and publishing the rest."""
    return min(95, int(95 * step / steps)) if steps else 0


def job_progress(state: str, step: int, steps: int) -> int:
    """Percent for the API: denoising is 0-95, finalizing 95-99, done 100. (A function of the columns, so
    the API's reads, which fetch columns and no Job, compute it too: jobs.selectors.)"""
    if state == JobState.SUCCEEDED:
        return 100
    if state in (JobState.FINALIZING, JobState.IN_REVIEW):
        return 95
    return denoising_percent(step, steps)


class GpuWorker(models.Model):
    """A GPU worker process as it registered itself (the fleet registry). The dispatcher reads free
    slots from here; the GPU worker writes its row through gpu_worker/runtime.py. The table keeps the
    name it was created with in the gpu_worker app."""

    name = models.CharField(max_length=100, unique=True)
    queue_name = models.CharField(max_length=120)
    gpu_class = models.CharField(max_length=40)
    memory_mb = models.PositiveIntegerField(default=0)
    model = models.CharField(max_length=200)
    slots = models.PositiveSmallIntegerField(default=1)
    pid = models.PositiveIntegerField(default=0)
    host = models.CharField(max_length=200, blank=True, default="")
    started_at = models.DateTimeField(default=timezone.now)
    last_heartbeat = models.DateTimeField(default=timezone.now)
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Service(models.TextChoices):
        ACTIVE = "active", "In service"
        DRAINING = "draining", "Draining (finishes its job, takes no more)"
        QUARANTINED = "quarantined", "Quarantined (its job requeued, takes no more)"

    service = models.CharField(max_length=16, choices=Service.choices, default=Service.ACTIVE,
                               help_text="Whether the dispatcher may send this worker work (set by operators or "
                                         "by the automatic quarantine of unstable workers).")
    service_reason = models.CharField(max_length=200, blank=True, default="")
    service_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "gpu_worker_gpuworker"

    def __str__(self) -> str:
        return f"{self.name} ({self.gpu_class})"


class Job(models.Model):
    id = models.CharField(primary_key=True, max_length=40, default=new_job_id, editable=False)
    # No index of its own: job_user_id and job_user_created (Meta) serve every lookup by user.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs", db_index=False)
    tier = models.CharField(max_length=32, help_text="The user's tier when the job was submitted.")
    state = models.CharField(max_length=16, choices=JobState.choices, default=JobState.SUBMITTED)

    # Fencing: `attempt` rises with every dispatch; `lease_token` is the current holder's token.
    attempt = models.PositiveIntegerField(default=0)
    max_attempts = models.PositiveIntegerField(default=3)
    lease_token = models.UUIDField(null=True, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    worker = models.ForeignKey(GpuWorker, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="jobs")
    preemptions = models.PositiveIntegerField(default=0)

    # What was asked for, and what it was mapped to.
    prompt = models.TextField()
    negative_prompt = models.TextField(blank=True, default="")
    model = models.CharField(max_length=100)
    # The exact catalog version that runs the job (jobs/catalog.py) and the rollout arm that chose it
    # ("live", "canary" or "pinned"; jobs/rollout.py). Empty on jobs made before the catalog.
    model_version = models.ForeignKey("jobs.ModelVersion", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="jobs")
    rollout_arm = models.CharField(max_length=10, blank=True, default="")
    seconds = models.PositiveIntegerField()
    size = models.CharField(max_length=20, help_text="Requested size, as the client wrote it.")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    num_frames = models.PositiveIntegerField()
    fps = models.PositiveIntegerField()
    steps = models.PositiveIntegerField()
    guidance_scale = models.FloatField(default=5.0)
    seed = models.BigIntegerField()
    style = models.CharField(max_length=32, blank=True, default="")
    prompt_redacted_at = models.DateTimeField(null=True, blank=True,
                                              help_text="When retention blanked the prompt (the record stays).")
    remixed_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="remixes")
    conditioning = models.JSONField(default=dict, blank=True, help_text=(
        "What the model is conditioned on besides the prompt; {} for plain text-to-video. Keys: mode "
        "('image', 'remix', 'extend', 'edit'), source_video_id, strength, context_frames, source_seconds, "
        "has_mask, character_ids. The bytes are artifacts: input_reference, source_frames, mask."))

    # Progress and scheduling.
    step = models.PositiveIntegerField(default=0, help_text="Denoising steps completed.")
    checkpoint_step = models.PositiveIntegerField(null=True, blank=True)
    est_gpu_seconds = models.FloatField(default=0.0)
    est_memory_mb = models.PositiveIntegerField(default=0)
    not_before = models.DateTimeField(null=True, blank=True, help_text="Retry backoff: not dispatched before.")
    queue_position = models.PositiveIntegerField(null=True, blank=True)
    eta_at = models.DateTimeField(null=True, blank=True)

    # Money.
    gpu_seconds = models.FloatField(default=0.0, help_text="GPU time spent on this job, all attempts, as the "
                                                       "workers recorded it.")
    wasted_gpu_seconds = models.FloatField(default=0.0, help_text="Of gpu_seconds, the part that produced nothing "
                                                              "delivered (redone steps, cancelled, failed).")
    webhook_url = models.URLField(max_length=2000, blank=True, default="",
                                  help_text="Per-request webhook (Kinema extension to POST /v1/videos).")
    credits_held = models.PositiveIntegerField(default=0)
    credits_charged = models.PositiveIntegerField(default=0)

    notices = models.JSONField(default=list, blank=True, help_text="Limits applied to the request, for the user.")
    error_code = models.CharField(max_length=40, blank=True, default="")
    error_message = models.TextField(blank=True, default="")

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    queued_at = models.DateTimeField(null=True, blank=True)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    frames_done_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True, help_text="Reached a terminal state.")
    expires_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["user", "-id"], name="job_user_id"),
            models.Index(fields=["state", "queued_at"], name="job_state_queued"),
            models.Index(fields=["state", "lease_expires_at"], name="job_state_lease"),
            models.Index(fields=["state", "updated_at"], name="job_state_updated"),
            # A user's jobs in a time window (today's usage, the catalog's regenerate rate) and all jobs
            # since a time (per-version stats on every /metrics scrape).
            models.Index(fields=["user", "created_at"], name="job_user_created"),
            models.Index(fields=["created_at"], name="job_created"),
        ]

    def __str__(self) -> str:
        return f"{self.id} ({self.state})"

    @property
    def is_terminal(self) -> bool:
        return self.state in TERMINAL_STATES

    @property
    def progress(self) -> int:
        return job_progress(self.state, self.step, self.steps)


class JobEvent(models.Model):
    """Append-only: one row per state transition (and notable non-transitions such as retries)."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    from_state = models.CharField(max_length=16, blank=True, default="")
    to_state = models.CharField(max_length=16)
    attempt = models.PositiveIntegerField(default=0)
    reason = models.CharField(max_length=200, blank=True, default="")
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["id"]


class Artifact(models.Model):
    """Bytes a job owns in object storage. The DB holds the key, never the bytes."""

    class Kind(models.TextChoices):
        VIDEO = "video"
        THUMBNAIL = "thumbnail"
        SPRITESHEET = "spritesheet"
        FRAMES = "frames", "Raw decoded frames (GPU -> finalize hand-off)"
        PREVIEW = "preview"
        CHECKPOINT = "checkpoint"
        INPUT_REFERENCE = "input_reference"
        SOURCE_FRAMES = "source_frames", "Frames of the source clip a remix, extension or edit starts from"
        MASK = "mask", "Region mask of an edit (white = regenerate)"

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="artifacts")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=300)
    content_type = models.CharField(max_length=100)
    size_bytes = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "kind"], name="artifact_one_per_kind")]


class Notification(models.Model):
    """In-app notice that a generation finished. One per job and outcome, created in the same
    transaction as the terminal transition, so it exists exactly once however often things retry."""

    class Kind(models.TextChoices):
        COMPLETED = "video.completed"
        FAILED = "video.failed"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "kind"], name="notification_once_per_outcome")]
        indexes = [models.Index(fields=["user", "-created_at"], name="notification_user_recent"),
                   models.Index(fields=["created_at"], name="notification_created")]  # the retention prune


class OutboxMessage(models.Model):
    """A queue message written in the transaction of the change it follows; relayed after commit
    (and again by the reconciler if the relay was lost). See jobs/outbox.py."""

    queue_name = models.CharField(max_length=120)
    actor_name = models.CharField(max_length=120)
    args = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["created_at"], condition=models.Q(sent_at__isnull=True),
                                name="outbox_unsent")]


class IdempotencyKey(models.Model):
    """Stripe-style idempotency: the first request with a key stores its response for 24 h."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(default=0)
    body = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_per_user")]


def _webhook_id() -> str:
    return f"wh_{secrets.token_hex(12)}"


def _event_id() -> str:
    return f"evt_{int(time.time() * 1000):012x}{secrets.token_hex(8)}"


def _webhook_secret() -> str:
    import base64

    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


class WebhookEndpoint(models.Model):
    """Where an API client wants to hear about its videos. The secret signs every payload
    (Standard Webhooks); it is shown once, when the endpoint is registered."""

    id = models.CharField(primary_key=True, max_length=40, default=_webhook_id, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhooks")
    url = models.URLField(max_length=2000)
    events = models.JSONField(default=list)
    secret = models.CharField(max_length=80, default=_webhook_secret, editable=False)
    enabled = models.BooleanField(default=True)
    description = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.url


class WebhookEvent(models.Model):
    """One event with a stable id (receivers deduplicate on it); created once per job and type in
    the transaction of the transition it reports."""

    id = models.CharField(primary_key=True, max_length=40, default=_event_id, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    job = models.ForeignKey(Job, null=True, blank=True, on_delete=models.CASCADE, related_name="webhook_events")
    type = models.CharField(max_length=64)
    payload = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "type"], name="webhook_event_once_per_job_type")]
        indexes = [models.Index(fields=["created_at"], name="webhook_event_created")]  # the retention prune


class WebhookDelivery(models.Model):
    """An event on its way to one endpoint: retried with backoff for up to a day."""

    class Status(models.TextChoices):
        PENDING = "pending"
        SUCCEEDED = "succeeded"
        FAILED = "failed"

    event = models.ForeignKey(WebhookEvent, on_delete=models.CASCADE, related_name="deliveries")
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "webhook deliveries"
        constraints = [models.UniqueConstraint(fields=["event", "endpoint"], name="webhook_delivery_once")]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="webhook_delivery_due")]


class WebhookAttempt(models.Model):
    """One HTTP attempt of a delivery (visible to the user and in the admin). The row is committed
    `in_flight` before the request is made, so an attempt whose worker is killed still counts."""

    class Outcome(models.TextChoices):
        IN_FLIGHT = "in_flight"
        OK = "ok"
        HTTP_ERROR = "http_error"
        DEADLINE = "deadline"  # no complete answer within KINEMA_WEBHOOK_TIMEOUT_S, overall
        NETWORK_ERROR = "network_error"  # refused, reset, TLS, unreachable
        REFUSED = "refused"  # the destination failed the public-address / port check
        INTERRUPTED = "interrupted"  # the worker died mid-attempt

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log")
    at = models.DateTimeField(default=timezone.now)
    status_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True, default="")
    duration_ms = models.PositiveIntegerField(default=0)
    # Empty on attempts recorded before outcomes were kept.
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True, default="")

    class Meta:
        ordering = ["at"]
        # The per-user in-flight cap counts these on every attempt; they are few at any moment.
        indexes = [models.Index(fields=["at"], name="webhook_attempt_in_flight",
                                condition=models.Q(outcome="in_flight"))]


class QueueSample(models.Model):
    """Queue depth per tier, sampled by the dispatcher leader (the operator page's chart)."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    tier = models.CharField(max_length=32)
    depth = models.PositiveIntegerField()
    running = models.PositiveIntegerField(default=0)


def new_character_id() -> str:
    return f"char_{secrets.token_hex(12)}"


class Character(models.Model):
    """A consented likeness: a person the user filmed in their own clip (POST /v1/videos/characters),
    usable by name in that user's prompts only. The likeness image (a frame with exactly one face) is
    stored under `characters/<id>/`; jobs that name the character get its key as a subject reference."""

    id = models.CharField(primary_key=True, max_length=40, default=new_character_id, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="characters")
    name = models.CharField(max_length=80)
    reference_key = models.CharField(max_length=300, help_text="Storage key of the likeness image (PNG).")
    face_embedding = models.JSONField(default=list, blank=True, help_text="128-d face descriptor of the likeness.")
    source_video = models.ForeignKey(Job, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                     help_text="The user's own video it was made from (empty for an upload).")
    consent = models.CharField(max_length=200, help_text="How the likeness was consented to, as recorded at creation.")
    created_at = models.DateTimeField(default=timezone.now)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(Lower("name"), "user",
                                               condition=models.Q(deleted_at__isnull=True),
                                               name="character_name_per_user")]

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"

    @property
    def withdrawn(self) -> bool:
        """Deleted by its owner (jobs.characters.delete_character wipes the face descriptor with it), as opposed
        to retired by staff, which keeps both for the audit."""
        return self.deleted_at is not None and not self.face_embedding


from jobs.catalog import CatalogModel, ModelVersion  # noqa: E402,F401 - the catalog's tables (jobs/catalog.py)
