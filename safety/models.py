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
    REPORT = "report", "user reports"
    RESCREEN = "rescreen", "re-screening after a policy change"
    TAKEDOWN = "takedown", "its source video taken down"


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
    kill_switch = models.BooleanField(
        default=False, help_text="Stop delivering every published clip that matched this person, at once "
                                 "(turning it off delivers them again, unless a reviewer took one down).")
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
    """A clip for a human. `hold` cases (a clip held before publication): approve publishes it, reject
    blocks it. `report`, `rescreen` and `derived` cases (a published clip reported by users, flagged when the
    policy changed, or a remix or edit of a video taken down): take down removes it, keep leaves it
    published. One case per job and kind; a case that was decided is reopened when new reports come in.
    The queue is worked by priority."""

    class Kind(models.TextChoices):
        HOLD = "hold", "held before publication"
        REPORT = "report", "reported by users"
        RESCREEN = "rescreen", "flagged by re-screening"
        DERIVED = "derived", "made from a video taken down"

    class Status(models.TextChoices):
        OPEN = "open"
        APPROVED = "approved"
        REJECTED = "rejected"
        CLOSED = "closed", "closed (job ended otherwise)"
        TAKEN_DOWN = "taken_down", "taken down"
        KEPT = "kept", "kept published"

    job = models.ForeignKey("jobs.Job", on_delete=models.CASCADE, related_name="review_cases")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.HOLD)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="cases")
    stage = models.CharField(max_length=16, choices=Stage.choices)
    category = models.CharField(max_length=32)
    top_score = models.FloatField(default=0.0)
    priority = models.IntegerField(default=0, help_text="Higher first: sexual content involving minors "
                                                        "above all, then more distinct reporters.")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    opened_at = models.DateTimeField(auto_now_add=True, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="review_decisions")
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["-priority", "opened_at"]
        permissions = [("decide_reviewcase", "Can approve or reject review cases")]
        constraints = [models.UniqueConstraint(fields=["job", "kind"], name="one_case_per_job_and_kind")]
        indexes = [models.Index(fields=["status", "-priority", "opened_at"], name="case_queue")]

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


class Report(models.Model):
    """A user's report of a published video. One open report per user and video; reports join the
    video's `report` review case, whose priority they raise."""

    class Reason(models.TextChoices):
        SEXUAL_MINORS = "sexual_minors", "Sexual content involving a minor"
        SEXUAL = "sexual", "Sexual content"
        VIOLENCE = "violence", "Violence or gore"
        HATE = "hate", "Hate or harassment"
        SELF_HARM = "self_harm", "Self-harm or suicide"
        WEAPONS = "weapons", "Weapons"
        LIKENESS = "likeness", "A real person shown without consent"
        OTHER = "other", "Something else"

    class Status(models.TextChoices):
        OPEN = "open"
        RESOLVED = "resolved"

    job = models.ForeignKey("jobs.Job", on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(ReviewCase, on_delete=models.RESTRICT, related_name="reports")
    reason = models.CharField(max_length=16, choices=Reason.choices)
    details = models.TextField(blank=True, default="")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["job", "reporter"], condition=models.Q(status="open"),
                                               name="one_open_report_per_user_and_video")]

    def __str__(self) -> str:
        return f"report {self.pk} ({self.reason}) on {self.job_id}"


class Takedown(models.Model):
    """A published video removed from delivery (its content answers 404 `video_removed`), by a reviewer,
    a protected person's kill switch, or its source's removal (an extension carries its frames): one row per
    video, what delivery and the Video object read. It is `active` while any of its TakedownReasons is;
    `source`, `category`, `reason`, `person`, `case` and `removed_by` are those of the earliest reason still
    holding it (what the owner is shown), `removed_at` when it stopped being delivered. Reversible: each
    lift ends its own reason only, and the video is delivered again when none is left. Every change is a
    TakedownAction. Written through safety/takedown.py only (an active row without a reason is held by
    nothing a restore or a switch can lift)."""

    class Source(models.TextChoices):
        REVIEW = "review", "a reviewer"
        KILL_SWITCH = "kill_switch", "a protected person's kill switch"

    job = models.OneToOneField("jobs.Job", on_delete=models.CASCADE, related_name="takedown")
    active = models.BooleanField(default=True)
    source = models.CharField(max_length=16, choices=Source.choices)
    category = models.CharField(max_length=32, help_text="The policy category told to the owner.")
    reason = models.TextField(help_text="Why (the reviewer's words; kept in the audit trail).")
    person = models.ForeignKey(ProtectedPerson, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    case = models.ForeignKey(ReviewCase, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    removed_at = models.DateTimeField()
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        indexes = [models.Index(fields=["job"], condition=models.Q(active=True), name="takedown_active")]

    def __str__(self) -> str:
        return f"takedown of {self.job_id} ({'active' if self.active else 'restored'})"


class TakedownReason(models.Model):
    """One reason a video is removed; the video stays removed while any of its reasons is `active`. At most one
    active reason per kind: a reviewer's takedown (`source` review), each protected person's kill switch
    (`source` kill_switch, `person`), and each removed video whose frames it carries (`frames_of`: it extends
    that video; `source`, `person` and `category` are the ones that removed it). Lifted by a reviewer's restore,
    that person's switch turned off, that video's restore, respectively."""

    takedown = models.ForeignKey(Takedown, on_delete=models.CASCADE, related_name="reasons")
    active = models.BooleanField(default=True)
    source = models.CharField(max_length=16, choices=Takedown.Source.choices)
    frames_of = models.CharField(max_length=40, blank=True, default="", help_text=(
        "The removed video whose frames this one carries (it extends it): restoring that video lifts this "
        "reason. Empty for a removal of the video's own."))
    category = models.CharField(max_length=32)
    reason = models.TextField()
    person = models.ForeignKey(ProtectedPerson, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    case = models.ForeignKey(ReviewCase, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    removed_at = models.DateTimeField()
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["removed_at", "id"]
        # A kill switch's reason whose person was deleted (person NULL) is distinct from any other.
        constraints = [
            models.UniqueConstraint(fields=["takedown"], condition=models.Q(active=True, frames_of="", source="review"),
                                    name="takedown_reason_review_once"),
            models.UniqueConstraint(fields=["takedown", "person"], condition=models.Q(
                active=True, frames_of="", source="kill_switch"), name="takedown_reason_switch_once"),
            models.UniqueConstraint(fields=["takedown", "frames_of"], condition=models.Q(active=True) & ~models.Q(
                frames_of=""), name="takedown_reason_source_once"),
        ]
        indexes = [models.Index(fields=["frames_of"], condition=models.Q(active=True) & ~models.Q(frames_of=""),
                                name="takedown_reason_frames_of")]

    def __str__(self) -> str:
        return f"{self.describe()} ({'active' if self.active else 'lifted'})"

    def describe(self) -> str:
        """What removed the video, in words for the console."""
        if self.frames_of:
            return f"its source {self.frames_of} being removed"
        if self.source == Takedown.Source.KILL_SWITCH:
            return f"the kill switch of {self.person.name}" if self.person else "a deleted person's kill switch"
        return "a reviewer"


class TakedownAction(models.Model):
    """The audit trail of takedowns: who removed or restored what, when and why. Append-only.
    `actor` is empty for what the system did on a reviewer's earlier decision (a kill switch match
    found by re-screening). `cause`: the reason added or lifted (empty for actions recorded before reasons
    existed)."""

    takedown = models.ForeignKey(Takedown, on_delete=models.RESTRICT, related_name="actions")
    cause = models.ForeignKey(TakedownReason, null=True, blank=True, on_delete=models.RESTRICT,
                              related_name="actions")
    action = models.CharField(max_length=16)  # remove | restore
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    reason = models.TextField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]


class KillSwitchAction(models.Model):
    """Who turned a protected person's kill switch on or off, when and why. Append-only."""

    person = models.ForeignKey(ProtectedPerson, on_delete=models.PROTECT, related_name="kill_switch_actions")
    on = models.BooleanField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    reason = models.TextField(blank=True, default="")
    clips = models.PositiveIntegerField(default=0, help_text="Clips stopped (or delivered again) at once.")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]


class RescreenRun(models.Model):
    """Re-screening of recently published clips under one policy version (a hash of the policy's
    fingerprint). One run per version; each clip is screened once per version (RescreenItem)."""

    policy_version = models.CharField(max_length=64, unique=True)
    window_days = models.PositiveIntegerField()
    since = models.DateTimeField(help_text="Clips published from here on are re-screened.")
    trigger = models.CharField(max_length=200, blank=True, default="")
    started_at = models.DateTimeField(auto_now_add=True)
    progressed_at = models.DateTimeField(auto_now_add=True, help_text="When the last batch ended.")
    leased_until = models.DateTimeField(null=True, blank=True, help_text=(
        "A batch is running until then (a worker killed mid-batch leaves it to expire; then the run resumes)."))
    finished_at = models.DateTimeField(null=True, blank=True)
    screened = models.PositiveIntegerField(default=0)
    flagged = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"re-screen {self.policy_version[:8]} ({self.screened} clips)"


class RescreenItem(models.Model):
    """One clip re-screened under one policy version, written in the transaction of its outcome, so a
    crash mid-run leaves no clip half done and none done twice."""

    class Outcome(models.TextChoices):
        ALLOW = "allow"
        REVIEW = "review", "sent to review"
        KILL_SWITCH = "kill_switch", "stopped by a kill switch"
        SKIPPED = "skipped", "no stored media"
        ERROR = "error", "media unreadable"

    run = models.ForeignKey(RescreenRun, on_delete=models.CASCADE, related_name="items")
    job = models.ForeignKey("jobs.Job", on_delete=models.CASCADE, related_name="+")
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(blank=True, default="", help_text="Why the frames were not screened (skipped, error).")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "job"], name="rescreen_once_per_version")]
