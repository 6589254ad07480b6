"""The job state machine: the only code that writes `Job.state`.

Every transition is one conditional UPDATE (`filter(pk=.., state=expected[, fencing]).update(..)`)
plus an append-only JobEvent, in one transaction. The UPDATE returning 0 rows means somebody else
got there first (another claimer, a cancel, the reaper): the caller backs off, nothing is written.

    submitted --screen--> queued --dispatch--> dispatched --claim--> running --frames--> finalizing
        |                   ^                      |                   |                   |-> succeeded
        v                   +---- requeue ---------+-------------------+                   |-> in_review -> ...
     blocked                                                                               |-> blocked | failed
    in_review -> succeeded (approved) | blocked (rejected)
    cancelled from any non-terminal state; failed from any pre-terminal one.

Fencing: `attempt` rises with each dispatch and `lease_token` is renewed with it. Worker-side
transitions name the token they were given; a worker whose lease was lost (requeued, cancelled,
given to another worker) no longer matches and every write it tries is refused.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Case, F, When
from django.utils import timezone

from jobs import outbox, signals
from jobs.models import TERMINAL_STATES, Job, JobEvent
from jobs.models import JobState as S
from jobs.outcomes import Outcome, run_handlers
from webapp import metrics
from webapp.broker import FINALIZE_JOB, FINALIZE_QUEUE, RUN_GENERATION
from webapp.metrics import after_commit

log = logging.getLogger(__name__)

LEGAL: dict[str, frozenset[str]] = {
    S.SUBMITTED: frozenset({S.QUEUED, S.BLOCKED, S.FAILED, S.CANCELLED}),
    S.QUEUED: frozenset({S.DISPATCHED, S.FAILED, S.CANCELLED}),
    S.DISPATCHED: frozenset({S.RUNNING, S.QUEUED, S.FAILED, S.CANCELLED}),
    S.RUNNING: frozenset({S.FINALIZING, S.QUEUED, S.FAILED, S.CANCELLED}),
    S.FINALIZING: frozenset({S.SUCCEEDED, S.IN_REVIEW, S.BLOCKED, S.FAILED, S.CANCELLED}),
    S.IN_REVIEW: frozenset({S.SUCCEEDED, S.BLOCKED, S.CANCELLED}),
    **{t: frozenset() for t in TERMINAL_STATES},
}


class IllegalTransition(Exception):
    """A programming error: code asked for an edge the state machine does not have."""


def is_legal(from_state: str, to_state: str) -> bool:
    return to_state in LEGAL[from_state]


def transition(
    job_id: str,
    to_state: str,
    *,
    expect: Iterable[str],
    fence_attempt: int | None = None,
    fence_token: uuid.UUID | str | None = None,
    reason: str = "",
    detail: dict[str, Any] | None = None,
    charge: int | None = None,
    **fields: Any,
) -> bool:
    """Move `job_id` from one of `expect` to `to_state` if (and only if) it is still there.

    Returns True when this call made the transition. `fence_attempt` / `fence_token` restrict it to
    the holder of that attempt / lease; `fields` are further columns to set in the same UPDATE.
    What follows the transition (settling credits with `charge` on success, the notification, the
    feed, webhook events, clean-up, metrics) is done by the outcome handlers (jobs/outcomes/,
    listed in settings.KINEMA_OUTCOME_HANDLERS), in the same transaction, after the event is written.
    """
    expected = list(expect)
    for from_state in expected:
        if not is_legal(from_state, to_state):
            raise IllegalTransition(f"{from_state} -> {to_state}")
    now = timezone.now()
    values: dict[str, Any] = {"state": to_state, "updated_at": now, **fields}
    if to_state in TERMINAL_STATES:
        values.setdefault("finished_at", now)
        values.setdefault("lease_token", None)
        values.setdefault("lease_expires_at", None)
        if to_state != S.SUCCEEDED:  # nothing delivered: every GPU-second recorded so far was wasted
            values.setdefault("wasted_gpu_seconds", F("gpu_seconds"))
    with transaction.atomic():
        for from_state in expected:
            qs = Job.objects.filter(pk=job_id, state=from_state)
            if fence_attempt is not None:
                qs = qs.filter(attempt=fence_attempt)
            if fence_token is not None:
                qs = qs.filter(lease_token=fence_token)
            if qs.update(**values) == 1:
                row = Job.objects.values("attempt", "user_id", "tier", "created_at", "seconds",
                                         "credits_held").get(pk=job_id)
                event = JobEvent.objects.create(job_id=job_id, at=now, from_state=from_state, to_state=to_state,
                                                attempt=row["attempt"], reason=reason, detail=detail or {})
                # Money, the notification, the feed, webhooks, clean-up and metrics follow in the same
                # transaction: a job reaches a terminal state once, so each happens once.
                run_handlers(Outcome(job_id=job_id, user_id=row["user_id"], tier=row["tier"], from_state=from_state,
                                     to_state=to_state, attempt=row["attempt"], at=now, created_at=row["created_at"],
                                     seconds=row["seconds"], credits_held=row["credits_held"], charge=charge,
                                     event=event))
                return True
    return False


def record_event(job_id: str, reason: str, detail: dict[str, Any] | None = None) -> None:
    """An event that is not a transition (a retry decision, a preemption request...)."""
    state, attempt = Job.objects.values_list("state", "attempt").get(pk=job_id)
    JobEvent.objects.create(job_id=job_id, from_state=state, to_state=state, attempt=attempt, reason=reason,
                            detail=detail or {})


# --- submission side ----------------------------------------------------------------------------

def accept_after_screening(job_id: str, detail: dict[str, Any] | None = None) -> bool:
    ok = transition(job_id, S.QUEUED, expect=[S.SUBMITTED], reason="screened", detail=detail,
                    queued_at=timezone.now())
    if ok:
        transaction.on_commit(signals.ring_dispatcher)
    return ok


def block(job_id: str, category: str, *, stage: str, label: str | None = None, attempt: int | None = None,
          detail: dict[str, Any] | None = None) -> bool:
    """`label` is what the user is told (the category's name, never the rule that fired)."""
    what = "request" if stage in {"request", "prompt", "reference"} else "video"
    return transition(
        job_id, S.BLOCKED, expect=[S.SUBMITTED, S.FINALIZING, S.IN_REVIEW], fence_attempt=attempt,
        reason=f"blocked:{stage}", detail={"category": category, **(detail or {})}, error_code="moderation_blocked",
        error_message=f"This {what} was blocked by our content policy ({label or category}).",
    )


def cancel(job_id: str, *, reason: str = "cancelled by user") -> bool:
    """Cancel from any non-terminal state. Idempotent: cancelling a cancelled job returns True."""
    active = [s for s in LEGAL if S.CANCELLED in LEGAL[s]]
    if transition(job_id, S.CANCELLED, expect=active, reason=reason, error_code="cancelled",
                  error_message="The generation was cancelled."):
        transaction.on_commit(lambda: signals.request_stop(job_id))
        transaction.on_commit(signals.ring_dispatcher)  # a slot may have freed
        return True
    return Job.objects.filter(pk=job_id, state=S.CANCELLED).exists()


# --- dispatcher side ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Dispatch:
    job_id: str
    attempt: int
    lease_token: uuid.UUID


def dispatch(job_id: str, worker_id: int | None, queue_name: str) -> Dispatch | None:
    """queued -> dispatched to a worker, with a fresh attempt number and lease token; the worker's
    message is written to the outbox in the same transaction."""
    token = uuid.uuid4()
    now = timezone.now()
    with transaction.atomic():
        ok = transition(
            job_id, S.DISPATCHED, expect=[S.QUEUED], reason="dispatched", detail={"worker_id": worker_id},
            attempt=F("attempt") + 1, lease_token=token, worker_id=worker_id, dispatched_at=now,
            lease_expires_at=now + timedelta(seconds=settings.KINEMA_DISPATCH_CLAIM_TIMEOUT_S),
            queue_position=None, eta_at=None, not_before=None,
        )
        if not ok:
            return None
        attempt = Job.objects.values_list("attempt", flat=True).get(pk=job_id)
        outbox.enqueue(queue_name, RUN_GENERATION, job_id, attempt, str(token))
    return Dispatch(job_id, attempt, token)


def requeue(job_id: str, *, expect: Iterable[str] = (S.DISPATCHED, S.RUNNING), reason: str,
            lease_token: uuid.UUID | str | None = None, preempted: bool = False, blameless: bool = False,
            detail: dict[str, Any] | None = None, keep_queued_at: bool = False) -> str | None:
    """Give a job back to the queue (lost lease, never claimed, preempted), or fail it when it has
    used all its attempts. Returns the new state, or None if the job had moved on.

    Only a run that may have been the job's own doing uses up an attempt. A preemption, a dispatch
    that was never claimed (none of the job's code ran) and a run that saved a checkpoint beyond the
    step it started from (it was making progress when its worker or a service went away) give theirs
    back (max_attempts + 1, and no backoff): kills and outages elsewhere never fail a job, while a job
    that keeps killing its worker before its next checkpoint still fails after max_attempts such runs.
    The event's detail says which (`attempt_used`). `blameless`: an operator took the job away (a
    requeue or a quarantined worker in the admin), which never uses an attempt either.
    `keep_queued_at`: the job keeps its place in the queue (a prefetched job withdrawn before it ran).
    """
    job = Job.objects.filter(pk=job_id).values("attempt", "max_attempts").first()
    if job is None:
        return None
    now = timezone.now()
    for state in expect:  # the verdict depends on the state the job is found in
        used = (not preempted and not blameless and state == S.RUNNING
                and not _run_made_progress(job_id, job["attempt"]))
        noted = {**(detail or {}), "attempt_used": used}
        if used and job["attempt"] >= job["max_attempts"]:
            if transition(job_id, S.FAILED, expect=[state], fence_token=lease_token, detail=noted,
                          reason=f"attempts exhausted: {reason}", error_code="generation_failed",
                          error_message=f"The generation failed after {job['attempt']} attempts ({reason})."):
                return S.FAILED
            continue
        extra: dict[str, Any]
        if used:  # exponential backoff before a retry that counts: 2, 4, 8 ... seconds, at most a minute
            extra = {"not_before": now + timedelta(seconds=min(60, 2 ** job["attempt"]))}
        else:
            extra = {"max_attempts": F("max_attempts") + 1}
        if preempted:
            extra["preemptions"] = F("preemptions") + 1
        if not keep_queued_at:
            extra["queued_at"] = now
        if transition(job_id, S.QUEUED, expect=[state], fence_token=lease_token, reason=reason, detail=noted,
                      lease_token=None, worker=None, lease_expires_at=None, **extra):
            tier = Job.objects.values_list("tier", flat=True).get(pk=job_id)
            after_commit(metrics.inc, "kinema_preemptions" if preempted else "kinema_retries", tier=tier)
            transaction.on_commit(signals.ring_dispatcher)
            return S.QUEUED
    return None


# The GPU worker's first event of every run says where it started (recorded through record_run_event).
RESUMED_FROM_CHECKPOINT = "resumed from checkpoint"
STARTED_FROM_ZERO = "started from step 0"
CHECKPOINT_SAVED = "checkpoint saved"


def _run_made_progress(job_id: str, attempt: int) -> bool:
    """Whether the run of `attempt` itself saved a checkpoint beyond the step it started from.

    Judged from that run's own fenced events, not from the job's checkpoint_step: a run that could not
    use the stored checkpoint (file gone) starts from 0 while the column still names the old step, and
    would otherwise get its attempt back every time it died before saving one (an endless retry)."""
    events = JobEvent.objects.filter(job_id=job_id, attempt=attempt)
    started = (events.filter(reason__in=[RESUMED_FROM_CHECKPOINT, STARTED_FROM_ZERO])
               .order_by("id").values_list("detail__step", flat=True).first())
    if started is None:
        return False
    saved = events.filter(reason=CHECKPOINT_SAVED).values_list("detail__step", flat=True)
    return any(step is not None and int(step) > int(started) for step in saved)


def record_run_event(job_id: str, lease_token: uuid.UUID | str, reason: str, detail: dict[str, Any]) -> bool:
    """An event of the current run (where it started, a checkpoint saved), written only while
    `lease_token` still holds the job, under that run's attempt number. False: the lease is gone."""
    attempt = (Job.objects.filter(pk=job_id, state=S.RUNNING, lease_token=lease_token)
               .values_list("attempt", flat=True).first())
    if attempt is None:
        return False
    JobEvent.objects.create(job_id=job_id, from_state=S.RUNNING, to_state=S.RUNNING, attempt=attempt,
                            reason=reason, detail=detail)
    return True


GPU_TIME_RECORDED = "gpu time recorded"
_DELIVERED = (S.FINALIZING, S.IN_REVIEW, S.SUCCEEDED)
_UNDELIVERED = (S.FAILED, S.BLOCKED, S.CANCELLED)


def record_gpu_time(job_id: str, attempt: int, *, started_at: datetime | None, step: int | None = None,
                    checkpoint_step: int | None = None, seconds: float | None = None) -> float:
    """Add one run's GPU time (from its claim to now) to `Job.gpu_seconds`; the GPU worker calls this
    when a run ends, whatever ended it. Returns the seconds recorded (0 when already recorded).

    Of that time, `wasted_gpu_seconds` gets: all of it when the job has ended without a video (and the
    transition to such an end marks all time recorded before as wasted, so the order of the two does not
    matter); nothing when this run delivered the frames; otherwise (lost, preempted, requeued: another run
    goes on) the share of the steps it computed past its last checkpoint, which the next run redoes. Once
    per run: a `gpu time recorded` event of the attempt makes a second call a no-op. Never raises:
    accounting must not break the worker's loop. `seconds`: the run's own share when it shared the GPU
    with others (a batch, gpu_worker/tasks.py) instead of claim to now."""
    if started_at is None:
        return 0.0
    seconds = max(0.0, (timezone.now() - started_at).total_seconds() if seconds is None else seconds)
    try:
        with transaction.atomic():
            job = Job.objects.select_for_update().filter(pk=job_id).values("state", "attempt", "tier", "model").first()
            if job is None or JobEvent.objects.filter(job_id=job_id, attempt=attempt,
                                                      reason=GPU_TIME_RECORDED).exists():
                return 0.0
            if job["attempt"] == attempt and job["state"] in _DELIVERED:
                wasted = 0.0
            else:
                started = (JobEvent.objects.filter(job_id=job_id, attempt=attempt,
                                                   reason__in=[RESUMED_FROM_CHECKPOINT, STARTED_FROM_ZERO])
                           .order_by("id").values_list("detail__step", flat=True).first())
                first = int(started or 0)
                computed = (step or first) - first
                kept = min(computed, max(0, (checkpoint_step or 0) - first))
                wasted = seconds * (computed - kept) / computed if computed > 0 else seconds
            if job["state"] in _UNDELIVERED:
                wasted = seconds
            Job.objects.filter(pk=job_id).update(
                gpu_seconds=F("gpu_seconds") + seconds,
                wasted_gpu_seconds=Case(When(state__in=_UNDELIVERED, then=F("wasted_gpu_seconds") + seconds),
                                        default=F("wasted_gpu_seconds") + wasted))
            JobEvent.objects.create(job_id=job_id, from_state=job["state"], to_state=job["state"], attempt=attempt,
                                    reason=GPU_TIME_RECORDED, detail={"seconds": round(seconds, 3),
                                                                      "wasted_seconds": round(wasted, 3),
                                                                      "step": step, "checkpoint_step": checkpoint_step})
            after_commit(metrics.inc, "kinema_gpu_seconds", seconds, tier=job["tier"], model=job["model"])
    except DatabaseError:
        log.warning("GPU time of %s attempt %s not recorded", job_id, attempt, exc_info=True)
        return 0.0
    return seconds


# --- GPU worker side (all fenced by the lease token) --------------------------------------------

def claim(job_id: str, attempt: int, lease_token: uuid.UUID | str) -> bool:
    now = timezone.now()
    ok = transition(job_id, S.RUNNING, expect=[S.DISPATCHED], fence_attempt=attempt, fence_token=lease_token,
                    reason="claimed", started_at=now,
                    lease_expires_at=now + timedelta(seconds=settings.KINEMA_LEASE_S))
    if ok:
        tier, queued_at = Job.objects.values_list("tier", "queued_at").get(pk=job_id)
        if queued_at is not None:
            metrics.observe("kinema_queue_wait_seconds", (now - queued_at).total_seconds(), tier=tier)
    return ok


def report_progress(job_id: str, lease_token: uuid.UUID | str, step: int, **fields: Any) -> bool:
    """Fenced progress write; also renews the lease. False: the lease is gone, stop working."""
    now = timezone.now()
    n = Job.objects.filter(pk=job_id, state=S.RUNNING, lease_token=lease_token).update(
        step=step, updated_at=now, lease_expires_at=now + timedelta(seconds=settings.KINEMA_LEASE_S), **fields)
    if n:
        user_id, total = Job.objects.values_list("user_id", "steps").get(pk=job_id)
        signals.progress(job_id, user_id, step, total, fields)
    return n == 1


def renew_lease(job_id: str, lease_token: uuid.UUID | str) -> bool:
    now = timezone.now()
    return Job.objects.filter(pk=job_id, state__in=[S.DISPATCHED, S.RUNNING], lease_token=lease_token).update(
        lease_expires_at=now + timedelta(seconds=settings.KINEMA_LEASE_S)) == 1


def frames_done(job_id: str, lease_token: uuid.UUID | str) -> bool:
    """running -> finalizing; the finalize message goes out through the outbox with the transition."""
    with transaction.atomic():
        if not transition(job_id, S.FINALIZING, expect=[S.RUNNING], fence_token=lease_token,
                          reason="frames decoded", frames_done_at=timezone.now(), lease_expires_at=None):
            return False
        attempt = Job.objects.values_list("attempt", flat=True).get(pk=job_id)
        outbox.enqueue(FINALIZE_QUEUE, FINALIZE_JOB, job_id, attempt)
    return True


# --- finalize / review side ---------------------------------------------------------------------

def publish(job_id: str, attempt: int, *, charge: int | None = None, **fields: Any) -> bool:
    return transition(job_id, S.SUCCEEDED, expect=[S.FINALIZING], fence_attempt=attempt, reason="published",
                      charge=charge, **fields)


def send_to_review(job_id: str, attempt: int, detail: dict[str, Any]) -> bool:
    # The webhook event for `in_review` is an outcome handler's (jobs/outcomes/webhooks.py).
    return transition(job_id, S.IN_REVIEW, expect=[S.FINALIZING], fence_attempt=attempt, reason="sent to review",
                      detail=detail)


def review_decision(job_id: str, *, approve: bool, reviewer: str, note: str, charge: int | None = None,
                    **fields: Any) -> bool:
    detail = {"reviewer": reviewer, "note": note}
    if approve:
        return transition(job_id, S.SUCCEEDED, expect=[S.IN_REVIEW], reason="approved in review",
                          detail=detail, charge=charge, **fields)
    return transition(job_id, S.BLOCKED, expect=[S.IN_REVIEW], reason="rejected in review", detail=detail,
                      error_code="moderation_blocked",
                      error_message="This video was blocked by our content policy after review.")


def fail(job_id: str, code: str, message: str, *, expect: Iterable[str] | None = None,
         lease_token: uuid.UUID | str | None = None, attempt: int | None = None,
         detail: dict[str, Any] | None = None) -> bool:
    states = list(expect) if expect is not None else [s for s in LEGAL if S.FAILED in LEGAL[s]]
    return transition(job_id, S.FAILED, expect=states, fence_token=lease_token, fence_attempt=attempt,
                      reason=f"failed: {code}", detail=detail, error_code=code, error_message=message)
