"""Safety policy as data (categories with thresholds, rules, exemplars, protected persons) and the
record of every decision (scores, what fired, flagged frames) and every human review.

Reviewers edit the policy in the admin; workers re-read it for every batch, so an edit applies to
the next job without a restart.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Stage(models.TextChoices):
    REQUEST = "request", "request (cheap rules)"
    PROMPT = "prompt", "prompt screening"
    REFERENCE = "reference", "reference image"
    FRAMES = "frames", "generated frames"
    REVIEW = "review", "human review"


class Verdict(models.TextChoices):
    ALLOW = "allow"
    REVIEW = "review"
    BLOCK = "block"


class Category(models.Model):
    """A policy category: what users are told when something is blocked, and its thresholds."""

    slug = models.SlugField(primary_key=True, max_length=32)
    label = models.CharField(max_length=80, help_text="Told to the user when a request is blocked.")
    enabled = models.BooleanField(default=True)
    embedding_threshold = models.FloatField(
        default=0.6, help_text="Prompt screening: cosine similarity to one of this category's exemplars at or "
                               "above this blocks the prompt.")
    frame_review_threshold = models.FloatField(
        null=True, blank=True, help_text="Frame screening: a frame score at or above this sends the clip to review.")
    frame_block_threshold = models.FloatField(
        null=True, blank=True, help_text="Frame screening: a frame score at or above this blocks the clip.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "categories"
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.label


class Rule(models.Model):
    """A regular expression over the normalised prompt (lower case, ASCII letters, single spaces).

    `pattern` rules block on their own. `minor_term` and `sexual_term` rules only mark the prompt;
    a prompt with both kinds is always blocked as sexual content involving minors."""

    class Kind(models.TextChoices):
        PATTERN = "pattern", "pattern (blocks)"
        MINOR_TERM = "minor_term", "minor term (combination)"
        SEXUAL_TERM = "sexual_term", "sexual term (combination)"

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PATTERN)
    pattern = models.TextField(help_text="Python regex over the normalised prompt; word boundaries are added.")
    enabled = models.BooleanField(default=True)
    note = models.CharField(max_length=200, blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["category_id", "kind", "id"]
        constraints = [models.UniqueConstraint(fields=["category", "kind", "pattern"], name="unique_rule")]

    def __str__(self) -> str:
        return f"{self.category_id}: {self.pattern}"


class Exemplar(models.Model):
    """A prompt that is typical of a category; embeddings of new prompts are compared with these."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="exemplars")
    text = models.CharField(max_length=500)
    enabled = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["category_id", "id"]
        constraints = [models.UniqueConstraint(fields=["category", "text"], name="unique_exemplar")]

    def __str__(self) -> str:
        return self.text[:80]


class ProtectedPerson(models.Model):
    """A real person whose likeness may not be generated: their names in prompts and their face in
    reference images and generated frames are blocked."""

    name = models.CharField(max_length=120, unique=True)
    aliases = models.TextField(blank=True, default="", help_text="Other names, one per line.")
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "protected persons"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def names(self) -> list[str]:
        return [self.name, *(a.strip() for a in self.aliases.splitlines() if a.strip())]


class ReferencePhoto(models.Model):
    """A photo of a protected person; its face embedding (128-d) is computed when it is uploaded."""

    person = models.ForeignKey(ProtectedPerson, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to="safety/protected/")
    embedding = models.JSONField(default=list, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"photo of {self.person}"


class Decision(models.Model):
    """One screening decision: stage, verdict, the scores and what fired. Append-only."""

    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.CASCADE,
                            related_name="safety_decisions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+", help_text="Set for request-stage refusals, which have no job.")
    stage = models.CharField(max_length=16, choices=Stage.choices)
    verdict = models.CharField(max_length=8, choices=Verdict.choices)
    category = models.CharField(max_length=32, blank=True, default="")
    fired = models.JSONField(default=dict, help_text="The rule, exemplar, person or frame that decided.")
    scores = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["stage", "verdict", "created_at"])]

    def __str__(self) -> str:
        return f"{self.stage}: {self.verdict} {self.category}".strip()


class FlaggedFrame(models.Model):
    """A generated (or reference) frame that scored above a review threshold, kept for reviewers."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="frames")
    index = models.IntegerField(help_text="Frame number; -1 for the reference image.")
    category = models.CharField(max_length=32)
    score = models.FloatField()
    scores = models.JSONField(default=dict)
    image_key = models.CharField(max_length=300, help_text="A small JPEG of the frame in storage.")

    class Meta:
        ordering = ["decision_id", "index"]


class ReviewCase(models.Model):
    """A clip held for a human: approve publishes it, reject blocks it; both notify the user."""

    class Status(models.TextChoices):
        OPEN = "open"
        APPROVED = "approved"
        REJECTED = "rejected"
        CLOSED = "closed", "closed (job ended otherwise)"

    job = models.OneToOneField("jobs.Job", on_delete=models.CASCADE, related_name="review_case")
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="cases")
    stage = models.CharField(max_length=16, choices=Stage.choices)
    category = models.CharField(max_length=32)
    top_score = models.FloatField(default=0.0)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    opened_at = models.DateTimeField(auto_now_add=True, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="review_decisions")
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["opened_at"]
        permissions = [("decide_reviewcase", "Can approve or reject review cases")]

    def __str__(self) -> str:
        return f"case {self.pk} ({self.category}) for {self.job_id}"


class ReviewAction(models.Model):
    """The audit trail: who decided what, when, and why. Append-only."""

    case = models.ForeignKey(ReviewCase, on_delete=models.PROTECT, related_name="actions")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=16)
    reason = models.TextField()
    at = models.DateTimeField(auto_now_add=True)
    applied = models.BooleanField(help_text="False when the job had already ended (e.g. cancelled meanwhile).")

    class Meta:
        ordering = ["at"]
