"""Takedown reasons: a video removed for several reasons stays removed until each is lifted (safety/takedown.py).

Until now one Takedown row per video stood for one removal: a reviewer's, a kill switch's (`person`), or its
source's (an extension whose reason starts "contains the frames of <source>, which was removed"). Each active
row gets the reason it stood for, and its last `remove` action that reason as its cause. An extension removed
on its own while its source is removed was held by its source as well (a reviewer's restore was refused, a
kill switch turned off left it removed as its source's follow-up): it gets its source's reason too, audited.
Restored rows get none (nothing holds them). Takedown rows are unchanged (the earliest reason is the one they
show), so delivery and the Video object answer as before. Backwards, the reasons are dropped and each row
keeps what it shows."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def _follow_prefix(source_id: str) -> str:
    return f"contains the frames of {source_id}, which was removed"  # jobs.moderation._follow_prefix


def forward(apps: Any, schema_editor: Any) -> None:
    Job = apps.get_model("jobs", "Job")
    Takedown = apps.get_model("safety", "Takedown")
    TakedownReason = apps.get_model("safety", "TakedownReason")
    TakedownAction = apps.get_model("safety", "TakedownAction")
    for row in Takedown.objects.filter(active=True).exclude(reasons__active=True).order_by("pk"):
        conditioning = Job.objects.filter(pk=row.job_id).values_list("conditioning", flat=True).first() or {}
        source_id = str(conditioning.get("source_video_id") or "") if conditioning.get("mode") == "extend" else ""
        follow = bool(source_id) and row.reason.startswith(_follow_prefix(source_id))
        own = TakedownReason.objects.create(
            takedown=row, source=row.source, frames_of=source_id if follow else "", category=row.category,
            reason=row.reason, person_id=row.person_id, case_id=row.case_id, removed_at=row.removed_at,
            removed_by_id=row.removed_by_id)
        last = TakedownAction.objects.filter(takedown=row, action="remove", cause__isnull=True) \
            .order_by("-at", "-id").first()
        if last is not None:
            last.cause = own
            last.save(update_fields=["cause"])
        held = Takedown.objects.filter(job_id=source_id, active=True).first() if source_id and not follow else None
        if held is not None:
            reason = f"{_follow_prefix(source_id)}: {held.reason}"
            source = TakedownReason.objects.create(
                takedown=row, source=held.source, frames_of=source_id, category=held.category, reason=reason,
                person_id=held.person_id, removed_at=max(held.removed_at, row.removed_at),
                removed_by_id=held.removed_by_id)
            TakedownAction.objects.create(takedown=row, cause=source, action="remove", reason=reason)



class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0008_takedown_reasons"),
        ("jobs", "0016_drop_unread_indexes"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
