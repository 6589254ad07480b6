"""`manage.py backfill_takedown_followups`: extensions of a video removed before extensions followed their source
(no reason of its source holds them: they still deliver the removed frames) are removed as its follow-ups, as the
live takedown does it (audited; the owner told when one stops being delivered; its own extensions follow it),
once: a second run changes nothing. Real moderation code on the real database."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from jobs.models import Job, Notification
from jobs.models import JobState as S
from jobs.moderation import REMOVED_EVENT, REMOVED_NOTICE, restore, take_down
from safety.models import ReviewCase, Takedown, TakedownAction, TakedownReason
from safety.takedown import add_reason
from tests.test_lifecycle import make_job
from tests.test_takedown_reasons import owner, published, removed, sent, trail  # noqa: F401 - `sent` is a fixture

pytestmark = pytest.mark.django_db


def removed_before_extensions_followed(job: Job, reason: str = "reported, confirmed") -> None:
    """The source's takedown as it was recorded before: its reason only, nothing done to its extensions."""
    add_reason(job.id, source=Takedown.Source.REVIEW, category="sexual", reason=reason)


def sources_holding(job: Job) -> list[str]:
    return sorted(TakedownReason.objects.filter(takedown__job=job, active=True).exclude(frames_of="")
                  .values_list("frames_of", flat=True))


def backfill() -> str:
    out = StringIO()
    call_command("backfill_takedown_followups", stdout=out)
    return out.getvalue()


def test_extensions_of_a_video_removed_before_they_followed_it_are_removed_once(make_user, sent) -> None:  # noqa: F811
    user, _ = owner(make_user, "backfill")
    reviewer, _ = make_user("backfill-reviewer")
    source = published(user, prompt="a paper boat on a pond")
    extension = published(user, prompt="the boat sails on", conditioning={"mode": "extend",
                                                                           "source_video_id": source.id})
    of_extension = published(user, prompt="and then it sinks", conditioning={"mode": "extend",
                                                                              "source_video_id": extension.id})
    own = published(user, prompt="the boat burns", conditioning={"mode": "extend", "source_video_id": source.id})
    remix = published(user, prompt="a boat, remixed", conditioning={"mode": "remix", "source_video_id": source.id})
    queued = make_job(user, S.QUEUED, conditioning={"mode": "extend", "source_video_id": source.id})
    restored = published(user, prompt="a kite over a beach")
    of_restored = published(user, prompt="the kite flies on", conditioning={"mode": "extend",
                                                                             "source_video_id": restored.id})
    take_down(own.id, reason="graphic violence", category="violence", actor=reviewer)
    removed_before_extensions_followed(source)
    removed_before_extensions_followed(restored)
    restore(restored.id, reason="a second look: fine")
    assert removed(source) and not removed(extension) and not removed(of_extension)
    assert sources_holding(own) == []
    sent.clear()

    out = backfill()

    # Delivered until now: removed as the source's follow-up, with what the live takedown does.
    follow = f"contains the frames of {source.id}, which was removed: reported, confirmed"
    assert removed(extension) and sources_holding(extension) == [source.id]
    assert trail(extension) == [("remove", follow)]
    assert TakedownAction.objects.filter(takedown__job=extension, cause__frames_of=source.id).count() == 1
    assert Notification.objects.filter(job=extension, kind=REMOVED_NOTICE).exists()
    # ... and its own extension follows it, as live.
    assert removed(of_extension) and sources_holding(of_extension) == [extension.id]
    # Removed on its own already: its source holds it too (audited), nothing sent again.
    assert removed(own) and sources_holding(own) == [source.id] and trail(own)[-1] == ("remove", follow)
    assert sorted(sent) == sorted([(REMOVED_EVENT, extension.id), (REMOVED_EVENT, of_extension.id)])
    # Only extensions, only of videos removed now.
    assert not removed(remix) and not ReviewCase.objects.filter(job=remix).exists()
    queued.refresh_from_db()
    assert queued.state == S.QUEUED
    assert not removed(of_restored)
    for job in (extension, of_extension, own):
        assert job.id in out, out
    assert out.splitlines()[-1] == "3 extension(s) now follow their removed source: 2 removed now, 1 removed already."
    assert f"removed {extension.id}: it extends {source.id}, which is removed" in out
    assert f"{own.id} was removed already: now held by the removal of {source.id} too" in out

    # Idempotent: a second run finds nothing to do.
    before = {job.id: trail(job) for job in (extension, of_extension, own)}
    out = backfill()
    assert {job.id: trail(job) for job in (extension, of_extension, own)} == before
    assert out == "0 extension(s) now follow their removed source: 0 removed now, 0 removed already.\n"
    assert len(sent) == 2

    # From now on the source's restore brings back what only it held.
    restore(source.id, reason="appeal: a toy boat", actor=reviewer)
    assert not removed(extension) and not removed(of_extension) and removed(own)
