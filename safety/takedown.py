"""Takedowns: a published video removed from delivery, by a reviewer or a protected person's kill switch.

The state is one Takedown row per video (`active` while removed) and an append-only TakedownAction per
removal and restore (who, when, why). Delivery asks `is_taken_down` before serving any of a video's
content (MP4, poster, spritesheet, preview), and answers 404 `video_removed` with `removed_message`.
The Video object shows `removal_object` (jobs.selectors). What follows a takedown outside safety (the
owner's notification, the `video.removed` webhook) is jobs/moderation.py's.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone

from safety.models import Category, ProtectedPerson, ReviewCase, Takedown, TakedownAction

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


def record_takedown(job_id: str, *, source: str, category: str, reason: str, actor: Any = None,
                    person: ProtectedPerson | None = None, case: ReviewCase | None = None, replace: bool = False,
                    removed_at: datetime | None = None) -> Takedown | None:
    """Remove the video (in the caller's transaction). None when it was already removed: nothing changes,
    unless `replace`: then this removal takes the place of the active one (its reason, category, source and
    who; the video has been removed since `removed_at` all along), audited as a removal. `removed_at`:
    when the video stopped being delivered, if before now."""
    with transaction.atomic():
        takedown = Takedown.objects.select_for_update().filter(job_id=job_id).first()
        if takedown is not None and takedown.active:
            if not replace:
                return None
            removed_at = removed_at or takedown.removed_at
        values = {"active": True, "source": source, "category": category, "reason": reason, "person": person,
                  "case": case, "removed_at": removed_at or timezone.now(), "removed_by": actor}
        if takedown is None:
            takedown = Takedown.objects.create(job_id=job_id, **values)
        else:
            for name, value in values.items():
                setattr(takedown, name, value)
            takedown.save()
        TakedownAction.objects.create(takedown=takedown, action="remove", actor=actor, reason=reason)
    return takedown


def record_restore(job_id: str, *, reason: str, actor: Any = None, source: str | None = None) -> Takedown | None:
    """Deliver the video again. None when it was not removed (or, with `source`, removed otherwise)."""
    with transaction.atomic():
        takedown = Takedown.objects.select_for_update().filter(job_id=job_id, active=True).first()
        if takedown is None or (source is not None and takedown.source != source):
            return None
        takedown.active = False
        takedown.save(update_fields=["active"])
        TakedownAction.objects.create(takedown=takedown, action="restore", actor=actor, reason=reason)
    return takedown
