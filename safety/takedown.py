"""Takedowns: a published video removed from delivery, by a reviewer, a protected person's kill switch, or
its source's removal (an extension carries its frames).

The state is one Takedown row per video (`active` while removed: what delivery and the Video object read),
the TakedownReasons that hold it (one active row per reason: a reviewer's takedown, each person's kill
switch, each removed video whose frames it carries), and an append-only TakedownAction per removal and lift
of a reason (who, when, why). The video is removed while any reason is active: each lift ends its own
reason only (`add_reason`, `lift`). Delivery asks `is_taken_down` before serving any of a video's content
(MP4, poster, spritesheet, preview), and answers 404 `video_removed` with `removed_message`. The Video
object shows `removal_object` (jobs.selectors). What follows a takedown outside safety (the owner's
notification, the `video.removed` webhook) is jobs/moderation.py's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from safety.models import Category, ProtectedPerson, ReviewCase, Takedown, TakedownAction, TakedownReason

REMOVED_CODE = "video_removed"


def active_takedown(job: Any) -> Takedown | None:
    """The job's active takedown, or None. Uses the row select_related("takedown") loaded (no query);
    otherwise one query."""
    try:
        takedown: Takedown = job.takedown
    except ObjectDoesNotExist:
        return None
    return takedown if takedown.active else None


def is_taken_down(job_id: str) -> bool:
    return Takedown.objects.filter(job_id=job_id, active=True).exists()


def category_label(slug: str) -> str:
    label = Category.objects.filter(slug=slug).values_list("label", flat=True).first()
    return label or slug.replace("_", " ")


def removed_message(takedown: Takedown) -> str:
    return (f"This video was removed for violating the content policy ({category_label(takedown.category)}); "
            "its content is no longer available.")


def removal_object(takedown: Takedown) -> dict[str, Any]:
    """What the Video object shows of a takedown (the reviewer's own words stay internal)."""
    return {"reason": takedown.category, "message": removed_message(takedown),
            "removed_at": int(takedown.removed_at.timestamp())}


@dataclass(frozen=True)
class Change:
    """What adding or lifting reasons did to a video's Takedown (None: the video never was removed):
    `reasons` added or lifted (none: nothing changed), whether the video was removed before and is now."""

    takedown: Takedown | None
    reasons: list[TakedownReason]
    was_removed: bool
    removed: bool

    @property
    def now_removed(self) -> bool:
        """It was delivered and is removed now."""
        return self.removed and not self.was_removed

    @property
    def now_delivered(self) -> bool:
        """It was removed and is delivered again now (its last reason was lifted)."""
        return self.was_removed and not self.removed


def add_reason(job_id: str, *, source: str, category: str, reason: str, actor: Any = None,
               person: ProtectedPerson | None = None, case: ReviewCase | None = None, frames_of: str = "") -> Change:
    """Remove the video for this reason (in the caller's transaction, which holds the job's row lock:
    jobs.moderation), audited as a `remove`; it may be removed already, for other reasons. Nothing changes
    when this reason already holds it: a reviewer's takedown (`source` review), `person`'s kill switch
    (`source` kill_switch), the removal of the video `frames_of` whose frames it carries (`source` and
    `person`: what removed that video)."""
    with transaction.atomic():
        takedown = _locked(job_id)
        was_removed = takedown is not None and takedown.active
        now = timezone.now()
        if takedown is None:
            takedown = Takedown.objects.create(job_id=job_id, source=source, category=category, reason=reason,
                                               person=person, case=case, removed_at=now, removed_by=actor)
        elif _same(takedown, source=source, person=person, frames_of=frames_of).exists():
            return Change(takedown, [], was_removed, was_removed)
        cause = TakedownReason.objects.create(takedown=takedown, source=source, frames_of=frames_of,
                                              category=category, reason=reason, person=person, case=case,
                                              removed_at=now, removed_by=actor)
        TakedownAction.objects.create(takedown=takedown, cause=cause, action="remove", actor=actor, reason=reason)
        _show(takedown, was_removed=was_removed, now=now)
    return Change(takedown, [cause], was_removed, True)


def lift(job_id: str, *, reason: str, actor: Any = None, person: ProtectedPerson | None = None,
         frames_of: str = "") -> Change:
    """Lift one kind of reason (in the caller's transaction), each audited as a `restore`: `person`'s kill
    switch (turned off), the removal of the video `frames_of` (restored), or else a reviewer's takedown (a
    reviewer's restore; it lifts as well a kill switch whose person was deleted, which nobody can turn off).
    The video is delivered again only when no reason is left (`Change.now_delivered`)."""
    with transaction.atomic():
        takedown = _locked(job_id)
        if takedown is None or not takedown.active:
            return Change(takedown, [], False, False)
        active = takedown.reasons.filter(active=True)
        if frames_of:
            ended = active.filter(frames_of=frames_of)
        elif person is not None:
            ended = active.filter(frames_of="", source=Takedown.Source.KILL_SWITCH, person=person)
        else:
            ended = active.filter(Q(source=Takedown.Source.REVIEW) | Q(source=Takedown.Source.KILL_SWITCH,
                                                                     person__isnull=True), frames_of="")
        lifted = list(ended.order_by("removed_at", "id"))
        now = timezone.now()
        for cause in lifted:
            cause.active = False
            cause.lifted_at = now
            cause.save(update_fields=["active", "lifted_at"])
            TakedownAction.objects.create(takedown=takedown, cause=cause, action="restore", actor=actor, reason=reason)
        if lifted:
            _show(takedown, was_removed=True, now=now)
    return Change(takedown, lifted, True, takedown.active)


def holding(job_id: str) -> list[TakedownReason]:
    """The reasons that hold the video removed now, earliest first (none: it is delivered)."""
    return list(TakedownReason.objects.filter(takedown__job_id=job_id, active=True).select_related("person")
                .order_by("removed_at", "id"))


def _same(takedown: Takedown, *, source: str, person: ProtectedPerson | None, frames_of: str) -> Any:
    """The active reason of this kind (a queryset of at most one row: the constraints on TakedownReason)."""
    active = takedown.reasons.filter(active=True)
    if frames_of:
        return active.filter(frames_of=frames_of)
    if source == Takedown.Source.KILL_SWITCH:
        return active.filter(frames_of="", source=source, person=person)
    return active.filter(frames_of="", source=source)


def _locked(job_id: str) -> Takedown | None:
    """The video's Takedown, locked until the caller's transaction ends."""
    return Takedown.objects.select_for_update().filter(job_id=job_id).first()


def _show(takedown: Takedown, *, was_removed: bool, now: datetime) -> None:
    """The Takedown row after its reasons changed: active while any is, showing the earliest still holding it
    (the category told to the owner; the reviewer's words stay internal); `removed_at` is when the video
    stopped being delivered."""
    first = takedown.reasons.filter(active=True).order_by("removed_at", "id").first()
    if first is None:
        takedown.active = False
        takedown.save(update_fields=["active"])
        return
    takedown.active = True
    for name in ("source", "category", "reason", "person_id", "case_id", "removed_by_id"):
        setattr(takedown, name, getattr(first, name))
    if not was_removed:
        takedown.removed_at = now
    takedown.save()
