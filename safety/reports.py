"""User reports of published videos, and the priority of the review cases they open.

A report joins its video's `report` case (opened, or reopened when it was decided before), one
open report per user and video. The case's priority is what reviewers work the queue by: sexual
content involving minors above everything else however many people report anything else, then the
category's weight plus a step per distinct reporter (capped, so that no pile-on of a lesser category
overtakes a minors report). Videos are private today, so the one user who can see a video, its
owner, is the one who can report it: the step per distinct reporter only comes into play once videos
can be shared. Pure safety logic: the API (jobs/api/reports.py) checks that the user can
see the video and that it is published before calling `file_report`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import Count
from django.utils import timezone

from safety import decisions
from safety.models import Report as ReportRow
from safety.models import ReviewCase, Stage

REASONS = [r.value for r in ReportRow.Reason]
MAX_DETAILS_CHARS = 1000
# The weight of a category in the queue. sexual_minors stays above any other category with any
# number of reporters: MINORS_WEIGHT > max(other weights) + REPORTER_STEP * MAX_COUNTED_REPORTERS.
CATEGORY_WEIGHT = {"sexual_minors": 1000, "sexual": 300, "likeness": 250, "violence": 200, "self_harm": 200,
                   "hate": 200, "weapons": 150, "other": 100}
DEFAULT_WEIGHT = 100
REPORTER_STEP = 10
MAX_COUNTED_REPORTERS = 50
# Advisory-lock namespace (high 32 bits) serialising the reports of one video (low bits: hash of its id).
_REPORT_LOCK = 0x6B72_7001


def case_priority(category: str, reporters: int = 0) -> int:
    """The queue priority of a case in `category` reported by `reporters` distinct users."""
    return CATEGORY_WEIGHT.get(category, DEFAULT_WEIGHT) + REPORTER_STEP * min(reporters, MAX_COUNTED_REPORTERS)


class AlreadyReported(Exception):
    """This user already has an open report on this video."""


@dataclass(frozen=True)
class Filed:
    report: ReportRow
    case: ReviewCase


def _lock_video(job_id: str) -> None:
    with connection.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [_REPORT_LOCK, job_id])


def file_report(job_id: str, reporter_id: int, reason: str, details: str = "") -> Filed:
    """Record a report and open, reopen or join the video's report case; raises AlreadyReported."""
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r}")
    with transaction.atomic():
        _lock_video(job_id)  # one case per video even when many report at once
        if ReportRow.objects.filter(job_id=job_id, reporter_id=reporter_id, status=ReportRow.Status.OPEN).exists():
            raise AlreadyReported
        case = ReviewCase.objects.select_for_update().filter(job_id=job_id, kind=ReviewCase.Kind.REPORT).first()
        if case is None or case.status != ReviewCase.Status.OPEN:
            # A new (or reopened) case gets a decision of its own: what the reviewer is asked to judge now.
            decision = decisions.record(stage=Stage.REPORT, verdict="review", category=reason,
                                        fired={"reason": reason, "reporter_id": reporter_id}, job_id=job_id)
            if case is None:
                case = ReviewCase.objects.create(job_id=job_id, kind=ReviewCase.Kind.REPORT, decision=decision,
                                                 stage=Stage.REPORT, category=reason, priority=case_priority(reason))
            else:
                case.decision, case.status, case.category = decision, ReviewCase.Status.OPEN, reason
                case.decided_by, case.decided_at, case.reason = None, None, ""
                case.opened_at = timezone.now()
                case.save()
        try:
            with transaction.atomic():
                report = ReportRow.objects.create(job_id=job_id, reporter_id=reporter_id, case=case, reason=reason,
                                                  details=details)
        except IntegrityError:  # the partial unique index: the same user, concurrently
            raise AlreadyReported from None
        reprioritise(case)
    return Filed(report, case)


def reprioritise(case: ReviewCase) -> None:
    """The case's category is its gravest open report's reason; its priority counts distinct reporters."""
    reasons = dict(ReportRow.objects.filter(case=case, status=ReportRow.Status.OPEN).values_list("reason")
                   .annotate(n=Count("reporter_id", distinct=True)).values_list("reason", "n"))
    if not reasons:
        return
    reporters = ReportRow.objects.filter(case=case, status=ReportRow.Status.OPEN).values("reporter_id") \
        .distinct().count()
    gravest = max(reasons, key=lambda r: (CATEGORY_WEIGHT.get(r, DEFAULT_WEIGHT), reasons[r]))
    ReviewCase.objects.filter(pk=case.pk).update(category=gravest, priority=case_priority(gravest, reporters))


def resolve_reports(case: ReviewCase) -> int:
    """The case was decided: its open reports are resolved (their users may report again)."""
    return ReportRow.objects.filter(case=case, status=ReportRow.Status.OPEN).update(
        status=ReportRow.Status.RESOLVED, resolved_at=timezone.now())
