"""Re-screening published clips after a policy change, in the background on the CPU worker.

A run covers the clips published in the last KINEMA_RESCREEN_WINDOW_DAYS under one policy version
(safety/rescreen.py `policy_version`): their prompt and their stored frames (sampled from the MP4)
and poster are screened again. A clip that would not pass now goes to review (a `rescreen` case in
the moderation console), never straight to a takedown; the one exception is a match with a protected
person whose kill switch is on, which stops the clip at once (jobs/moderation.py).

Idempotent and resumable:
- one run per policy version (unique), and one RescreenItem per clip and run, written in the
  transaction of the clip's outcome: a clip is never screened twice under a version, and a crash
  leaves no clip half recorded;
- the run advances in batches of KINEMA_RESCREEN_BATCH clips, one `rescreen_batch` message each,
  chained through the outbox. A batch holds the run's lease (KINEMA_RESCREEN_LEASE_S); a duplicate
  message finds it held and stops. A worker killed mid-batch leaves the lease to expire, and the
  reconciler (`resume_stale_runs`) sends the batch again: it continues with the clips not yet recorded.
- a run whose policy changed again meanwhile stops: the newer version's run covers the same clips.
- one clip never stalls a run: a clip whose media is missing (`skipped`) or cannot be decoded or scanned
  (`error`) is recorded with the reason, its prompt screened all the same, and the run moves on. Only
  an outage (storage unavailable, a detector that cannot load) fails the batch, to be retried whole.

Runs start when a reviewer edits the policy in the console (safety/admin.py), or with
`manage.py rescreen` (after a deploy that changed the default policy, or any edit outside the admin).
"""

from __future__ import annotations

import io
import logging
from datetime import timedelta

import av
import dramatiq
import numpy as np
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from PIL import Image

from jobs import outbox
from jobs.artifacts import live_artifact, read_artifact
from jobs.models import Artifact, Job
from jobs.moderation import apply_kill_switch, published_jobs
from safety import decisions
from safety.models import Decision, ProtectedPerson, RescreenItem, RescreenRun, ReviewCase, Stage
from safety.policy import Policy, current_policy
from safety.reports import case_priority
from safety.rescreen import ClipFindings, policy_version, screen_clips
from webapp import metrics
from webapp.broker import FINALIZE_QUEUE, broker  # noqa: F401 - configures Dramatiq
from webapp.resilience import DependencyUnavailable

log = logging.getLogger(__name__)

RESCREEN_BATCH = "rescreen_batch"
FLAGGED = [RescreenItem.Outcome.REVIEW, RescreenItem.Outcome.KILL_SWITCH]


def start_run(trigger: str, *, window_days: int | None = None) -> RescreenRun:
    """The run for the current policy version, started (its first batch queued) if there was none."""
    policy = current_policy()
    version = policy_version(policy)
    days = settings.KINEMA_RESCREEN_WINDOW_DAYS if window_days is None else window_days
    with transaction.atomic():
        run, created = RescreenRun.objects.get_or_create(policy_version=version, defaults={
            "window_days": days, "since": timezone.now() - timedelta(days=days), "trigger": trigger[:200]})
        if created:
            outbox.enqueue(FINALIZE_QUEUE, RESCREEN_BATCH, run.pk)
            log.info("re-screen %s started (%s): clips of the last %s days", version[:8], trigger, days)
    return run


def start_run_on_commit(trigger: str) -> None:
    """After the policy edit in progress commits (the version must include it)."""
    transaction.on_commit(lambda: start_run(trigger))


def resume_stale_runs() -> int:
    """Reconciler: unfinished runs whose batch message was lost or whose worker died (lease expired)."""
    now = timezone.now()
    stale_before = now - timedelta(seconds=settings.KINEMA_RESCREEN_LEASE_S)
    stale = RescreenRun.objects.filter(finished_at__isnull=True).filter(
        Q(leased_until__lt=now) | Q(leased_until__isnull=True, progressed_at__lt=stale_before))
    resumed = 0
    for run_id in stale.values_list("pk", flat=True)[:20]:
        with transaction.atomic():
            if RescreenRun.objects.filter(pk=run_id, finished_at__isnull=True).update(leased_until=None,
                                                                                      progressed_at=now):
                outbox.enqueue(FINALIZE_QUEUE, RESCREEN_BATCH, run_id)
                resumed += 1
    return resumed


def _claim(run_id: int) -> RescreenRun | None:
    now = timezone.now()
    lease = now + timedelta(seconds=settings.KINEMA_RESCREEN_LEASE_S)
    claimed = RescreenRun.objects.filter(pk=run_id, finished_at__isnull=True).filter(
        Q(leased_until__isnull=True) | Q(leased_until__lt=now)).update(leased_until=lease)
    return RescreenRun.objects.get(pk=run_id) if claimed else None


def clip_frames(job: Job, max_frames: int) -> np.ndarray | None:
    """Up to `max_frames` frames evenly spread over the stored MP4, plus the poster; None without media."""
    video = live_artifact(job.id, Artifact.Kind.VIDEO)
    poster = live_artifact(job.id, Artifact.Kind.THUMBNAIL)
    return sample_frames(read_artifact(video) if video is not None else None,
                         read_artifact(poster) if poster is not None else None, max_frames)


def read_clip(job: Job) -> tuple[np.ndarray | None, tuple[str, str] | None]:
    """The clip's frames, or None and (outcome, reason) when they cannot be had: missing media is `skipped`,
    media that cannot be read or decoded is `error`. Storage being unavailable is raised: that is an outage
    to retry, not this clip's fault."""
    try:
        frames = clip_frames(job, settings.KINEMA_RESCREEN_FRAMES)
    except DependencyUnavailable:
        raise
    except FileNotFoundError as exc:
        log.warning("re-screen: %s's stored media is missing: %s", job.id, exc)
        return None, (RescreenItem.Outcome.SKIPPED, f"stored media missing: {exc}"[:500])
    except Exception as exc:
        log.warning("re-screen: %s's media is unreadable: %s: %s", job.id, type(exc).__name__, exc)
        return None, (RescreenItem.Outcome.ERROR, f"media unreadable: {type(exc).__name__}: {exc}"[:500])
    if frames is None:
        return None, (RescreenItem.Outcome.SKIPPED, "no stored video or poster")
    return frames, None


def sample_frames(mp4: bytes | None, poster_jpeg: bytes | None, max_frames: int) -> np.ndarray | None:
    """(T, H, W, 3) uint8: `max_frames` frames evenly spread over the MP4, then the poster at their size."""
    frames: list[np.ndarray] = []
    if mp4 is not None:
        with av.open(io.BytesIO(mp4), "r") as container:
            decoded = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
        if decoded:
            picks = np.unique(np.linspace(0, len(decoded) - 1, min(max_frames, len(decoded))).round().astype(int))
            frames = [decoded[i] for i in picks]
    if poster_jpeg is not None:
        image = Image.open(io.BytesIO(poster_jpeg)).convert("RGB")
        if frames:
            image = image.resize((frames[0].shape[1], frames[0].shape[0]))
        frames.append(np.asarray(image))
    return np.stack(frames) if frames else None


def run_batch(run_id: int) -> int:
    """Screen the next batch of the run's clips; returns how many were recorded (0: done or not ours)."""
    run = _claim(run_id)
    if run is None:
        return 0  # finished, or another worker holds this run's batch
    try:
        policy = current_policy()
        if policy_version(policy) != run.policy_version:
            RescreenRun.objects.filter(pk=run.pk).update(finished_at=timezone.now(), leased_until=None)
            log.info("re-screen %s superseded by a newer policy version", run.policy_version[:8])
            return 0
        done = RescreenItem.objects.filter(run=run).values("job_id")
        batch = list(published_jobs().filter(finished_at__gte=run.since).exclude(pk__in=done)
                     .exclude(takedown__active=True).order_by("id")[: settings.KINEMA_RESCREEN_BATCH])
        if not batch:
            RescreenRun.objects.filter(pk=run.pk).update(finished_at=timezone.now(), leased_until=None)
            log.info("re-screen %s finished: %s clips, %s flagged", run.policy_version[:8], run.screened, run.flagged)
            return 0
        media: list[np.ndarray | None] = []
        unread: dict[str, tuple[str, str]] = {}  # job id -> (outcome, reason): its frames are not screened
        for job in batch:
            frames, problem = read_clip(job)
            media.append(frames)
            if problem is not None:
                unread[job.id] = problem
        findings = screen_clips([job.prompt for job in batch], media, policy,
                                [job.negative_prompt for job in batch])
        recorded = sum(record_outcome(run, job, found, frames, policy, unread.get(job.id)) is not None
                       for job, frames, found in zip(batch, media, findings, strict=True))
        items = RescreenItem.objects.filter(run=run)
        with transaction.atomic():
            # Counted from the items, so a batch cut short by a crash is counted right when the run resumes.
            RescreenRun.objects.filter(pk=run.pk).update(
                screened=items.count(), flagged=items.filter(outcome__in=FLAGGED).count(),
                progressed_at=timezone.now(), leased_until=None)
            outbox.enqueue(FINALIZE_QUEUE, RESCREEN_BATCH, run.pk)  # the next batch
        metrics.inc("kinema_rescreened_clips", recorded)
        return recorded
    except Exception:
        # A failure (storage, a model) frees the run for the retry at once; a killed worker's lease expires.
        RescreenRun.objects.filter(pk=run.pk).update(leased_until=None)
        raise


def record_outcome(run: RescreenRun, job: Job, found: ClipFindings, frames: np.ndarray | None,
                   policy: Policy, unread: tuple[str, str] | None = None) -> str | None:
    """One clip's outcome, in one transaction with its RescreenItem; None if it was recorded already.
    `unread`: (outcome, reason) when its frames could not be had (`read_clip`).

    The protected persons it matched are locked first (before the clip's row, the order in which a kill switch
    takes them) and their switches read under that lock: a switch turned off meanwhile waits for this outcome and
    then lifts what it added, and one turned off before adds nothing (read outside a lock, a switch turned off in
    between found nothing to lift, and the match removed the clip afterwards, for good). Likewise a switch turned
    on meanwhile waits, then finds this clip through the decision recorded here (`matched_clips`)."""
    reason = unread[1] if unread is not None else found.error
    try:
        with transaction.atomic():
            matched = ProtectedPerson.objects.select_for_update().filter(pk__in=found.person_ids).order_by("pk")
            stopped_by = [person for person in matched if person.kill_switch]
            outcome: str
            if stopped_by:
                outcome = RescreenItem.Outcome.KILL_SWITCH
            elif found.flagged:
                outcome = RescreenItem.Outcome.REVIEW
            elif unread is not None:
                outcome = unread[0]
            elif found.error:
                outcome = RescreenItem.Outcome.ERROR
            else:
                outcome = RescreenItem.Outcome.ALLOW if frames is not None else RescreenItem.Outcome.SKIPPED
            decision = None
            if found.flagged or found.person_ids:
                decision = decisions.record(stage=Stage.RESCREEN, verdict="review", category=found.category,
                                            fired={**found.fired, "policy_version": run.policy_version},
                                            scores=found.scores, job_id=job.id)
                if found.scan is not None and frames is not None:
                    decisions.keep_flagged_frames(decision, found.scan, frames)
                _open_case(job.id, decision, found)
            RescreenItem.objects.create(run=run, job=job, outcome=outcome, decision=decision, reason=reason)
            for person in stopped_by:
                apply_kill_switch(job.id, person, reason=f"re-screening matched {person.name}, whose kill switch "
                                                         "is on")
    except IntegrityError:
        return None  # another batch recorded this clip under this version first
    return outcome


def _open_case(job_id: str, decision: Decision, found: ClipFindings) -> None:
    case = ReviewCase.objects.select_for_update().filter(job_id=job_id, kind=ReviewCase.Kind.RESCREEN).first()
    values = {"decision": decision, "stage": Stage.RESCREEN, "category": found.category or "likeness",
              "top_score": found.top_score, "priority": case_priority(found.category or "likeness"),
              "status": ReviewCase.Status.OPEN, "decided_by": None, "decided_at": None, "reason": ""}
    if case is None:
        ReviewCase.objects.create(job_id=job_id, kind=ReviewCase.Kind.RESCREEN, **values)
    else:
        ReviewCase.objects.filter(pk=case.pk).update(opened_at=timezone.now() if case.status != "open"
                                                     else case.opened_at, **values)


@dramatiq.actor(actor_name=RESCREEN_BATCH, queue_name=FINALIZE_QUEUE, priority=100, max_retries=3,
                min_backoff=5_000, time_limit=30 * 60 * 1000)
def rescreen_batch(run_id: int) -> None:
    """One batch of a run, after which the next is queued (lower priority than finalizing live jobs)."""
    run_batch(run_id)
