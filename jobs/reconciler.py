"""Finds jobs stuck past a deadline in any non-terminal state and repairs them, without double
effects: every repair is a re-send of an idempotent message or a fenced transition.

Runs in the dispatcher leader's loop. Deadlines are generous multiples of normal durations. It also
re-sends webhook deliveries whose scheduled message was lost, quarantines unstable GPU workers
(jobs/fleet.py) and, every KINEMA_PRUNE_EVERY_S, runs the
retention prune (jobs/retention.py).
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from jobs import fleet, lifecycle, outbox, rescreen, retention, rollout, webhooks
from jobs.idempotency import KEY_TTL
from jobs.metrics import waiting_per_tier
from jobs.models import TERMINAL_STATES, Artifact, IdempotencyKey, Job, JobState, QueueSample
from jobs.signals import request_stop
from webapp.broker import CLEANUP_JOB, FINALIZE_JOB, FINALIZE_QUEUE, SCREEN_JOB, SCREENING_QUEUE

log = logging.getLogger(__name__)

CLEANUP_DEADLINE = timedelta(seconds=60)
WORKING_FILES = [Artifact.Kind.CHECKPOINT, Artifact.Kind.FRAMES, Artifact.Kind.PREVIEW]


def _nudge(job_id: str) -> None:
    """Mark a job as repaired now, so the next pass waits a whole deadline before repeating."""
    Job.objects.filter(pk=job_id).update(updated_at=timezone.now())


_last_prune = float("-inf")
_last_sample = float("-inf")


def sample_queue_depth(now: datetime) -> None:
    """One QueueSample per tier (waiting and running jobs); samples older than two days are dropped."""
    from accounts.models import Tier

    waiting = waiting_per_tier()
    running = dict(Job.objects.filter(state=JobState.RUNNING).values_list("tier").annotate(n=Count("pk"))
                   .values_list("tier", "n"))
    QueueSample.objects.bulk_create([QueueSample(at=now, tier=t, depth=waiting.get(t, 0), running=running.get(t, 0))
                                     for t in Tier.objects.values_list("name", flat=True)])
    QueueSample.objects.filter(at__lt=now - timedelta(days=2)).delete()


def reconcile() -> dict[str, int]:
    now = timezone.now()
    submitted_deadline = timedelta(seconds=settings.KINEMA_SUBMITTED_DEADLINE_S)
    finalizing_deadline = timedelta(seconds=settings.KINEMA_FINALIZING_DEADLINE_S)
    repaired = {"outbox": outbox.relay_pending()}

    # Screening message lost (e.g. Redis wiped): send it again.
    stale = list(Job.objects.filter(state=JobState.SUBMITTED, updated_at__lt=now - submitted_deadline)
                 .values_list("id", flat=True)[:500])
    for job_id in stale:
        outbox.enqueue(SCREENING_QUEUE, SCREEN_JOB, job_id)
        _nudge(job_id)
    repaired["submitted"] = len(stale)

    # Finalize message lost, or its worker died for good: send it again (finalize is idempotent).
    stale_final = list(Job.objects.filter(state=JobState.FINALIZING, updated_at__lt=now - finalizing_deadline)
                       .values_list("id", "attempt")[:500])
    for job_id, attempt in stale_final:
        outbox.enqueue(FINALIZE_QUEUE, FINALIZE_JOB, job_id, attempt)
        _nudge(job_id)
    repaired["finalizing"] = len(stale_final)

    # Running far past any plausible duration while still heartbeating: a hung worker. Take the job
    # away (the fence stops the zombie) and let it retry.
    hung = list(Job.objects.filter(state=JobState.RUNNING,
                                   started_at__lt=now - timedelta(seconds=settings.KINEMA_RUNNING_DEADLINE_S))
                .values_list("id", "lease_token", "step", "checkpoint_step"))
    for job_id, token, step, checkpoint in hung:
        request_stop(job_id)
        lifecycle.requeue(job_id, expect=[JobState.RUNNING], lease_token=token, reason="running past deadline",
                          detail={"step": step, "checkpoint_step": checkpoint})
    repaired["hung"] = len(hung)

    # Ended jobs whose clean-up did not happen.
    leftovers = list(Artifact.objects.filter(kind__in=WORKING_FILES,
                                             deleted_at__isnull=True, job__state__in=TERMINAL_STATES,
                                             job__finished_at__lt=now - CLEANUP_DEADLINE)
                     .values_list("job_id", flat=True).distinct()[:500])
    for job_id in leftovers:
        outbox.enqueue(FINALIZE_QUEUE, CLEANUP_JOB, job_id)
    repaired["cleanup"] = len(leftovers)
    repaired["webhooks"] = webhooks.resend_overdue()
    repaired["rescreen"] = rescreen.resume_stale_runs()
    # Unstable GPU workers (repeated failed runs) leave the rotation; their jobs are requeued.
    repaired["quarantined"] = len(fleet.quarantine_unstable(now))
    # A canary failing (or producing NaNs) beyond its margin over the live version goes back to draft.
    repaired["rolled_back"] = len(rollout.auto_rollback())
    global _last_sample
    if time.monotonic() - _last_sample >= settings.KINEMA_QUEUE_SAMPLE_EVERY_S:
        _last_sample = time.monotonic()
        sample_queue_depth(now)
    global _last_prune
    if time.monotonic() - _last_prune >= settings.KINEMA_PRUNE_EVERY_S:
        _last_prune = time.monotonic()
        repaired.update({f"pruned_{k}": v for k, v in retention.prune().items()})
    IdempotencyKey.objects.filter(created_at__lt=now - KEY_TTL).delete()
    if any(repaired.values()):
        log.info("reconciler repaired %s", repaired)
    return repaired



