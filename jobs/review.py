"""Human review of held clips: opening a case (with the job's move to `in_review`) and deciding it.

Approve publishes the clip (on the same terms as any published clip: jobs/costs.py publish_terms),
reject blocks it; the terminal transition notifies the user either way. Every decision is an
append-only ReviewAction. It lives with the jobs (it moves them through the state machine); the
cases and actions it writes are safety's models, and the console that calls it is safety/admin.py.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from jobs import lifecycle
from jobs.costs import publish_terms
from jobs.models import Job
from jobs.moderation import removed_source
from safety.models import Decision, ReviewAction, ReviewCase
from safety.reports import case_priority


def open_case(job_id: str, attempt: int, decision: Decision, *, stage: str, category: str, top_score: float) -> bool:
    with transaction.atomic():
        if not lifecycle.send_to_review(job_id, attempt, {"decision_id": decision.pk, "category": category}):
            return False
        ReviewCase.objects.update_or_create(job_id=job_id, kind=ReviewCase.Kind.HOLD, defaults={
            "decision": decision, "stage": stage, "category": category, "top_score": top_score,
            "priority": case_priority(category), "status": ReviewCase.Status.OPEN, "decided_by": None,
            "decided_at": None, "reason": ""})
    return True


class DecisionError(ValueError):
    """A decision that cannot be taken (no reason given, case already decided)."""


def decide(case: ReviewCase, reviewer: User, *, approve: bool, reason: str) -> bool:
    """Returns True when the decision moved the job; False when the job had already ended (it is
    recorded either way and the case is closed)."""
    reason = reason.strip()
    if not reason:
        raise DecisionError("Give a reason: it is kept in the audit trail.")
    if case.kind != ReviewCase.Kind.HOLD:
        raise DecisionError("This case is about a published video: take it down or keep it (jobs/moderation.py).")
    with transaction.atomic():
        case = ReviewCase.objects.select_for_update().get(pk=case.pk)
        if case.status != ReviewCase.Status.OPEN:
            raise DecisionError(f"This case was already decided ({case.get_status_display()}).")
        name = getattr(reviewer, "username", str(reviewer))
        if approve:
            job = Job.objects.get(pk=case.job_id)
            # Under the same row lock a takedown takes on the source: either the takedown comes first and
            # this refuses, or this publishes first and the takedown follows the published video.
            if removed_source(job, lock=True) is not None:
                raise DecisionError("This video was made from a video that has since been taken down, so it "
                                    "cannot be published: reject it.")
            applied = lifecycle.review_decision(case.job_id, approve=True, reviewer=name, note=reason,
                                                **publish_terms(job))
        else:
            applied = lifecycle.review_decision(case.job_id, approve=False, reviewer=name, note=reason)
        status = (ReviewCase.Status.APPROVED if approve else ReviewCase.Status.REJECTED) if applied \
            else ReviewCase.Status.CLOSED
        now = timezone.now()
        ReviewCase.objects.filter(pk=case.pk).update(status=status, decided_by=reviewer, decided_at=now,
                                                     reason=reason)
        ReviewAction.objects.create(case=case, reviewer=reviewer, action="approve" if approve else "reject",
                                    reason=reason, applied=applied)
    return applied
