"""A takedown follows the removed video's frames into what was made from it: its extensions are taken down
with it (and restored with it), its remixes and edits go to reviewers as `derived` cases, a job made from it
that is not published yet never is (`source_removed` at screening or finalize, held ones blocked, queued ones
failed at once), and a character made from it cannot be used until the video is restored. Real finalize
(frame scan, signing) and screening steps on the real database."""

from __future__ import annotations

import numpy as np
import pytest

from jobs.artifacts import live_artifact
from jobs.models import Artifact, Character, Job
from jobs.models import JobState as S
from jobs.moderation import restore, take_down
from jobs.tasks import finalize_job, screen_job
from safety import decisions
from safety.models import ReviewCase, Takedown
from safety.reports import case_priority
from tests.api_helpers import assert_error
from tests.safety_media import finalizing_job
from tests.test_lifecycle import make_job
from tests.test_takedown import published_clip

pytestmark = pytest.mark.django_db


def frames(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.repeat(rng.integers(60, 190, (4, 1, 1, 3), dtype=np.uint8), 64 * 96, axis=1).reshape(4, 64, 96, 3)


def made_from(user, source: Job, mode: str, *, publish: bool, seed: int = 1) -> Job:
    """A job of `mode` on `source` whose frames are done (`finalizing`); with `publish`, finalized."""
    job = finalizing_job(user, frames(seed), prompt=f"the {mode} of a paper boat")
    Job.objects.filter(pk=job.pk).update(conditioning={"mode": mode, "source_video_id": source.id})
    if publish:
        finalize_job.fn(job.id, 1)
    job.refresh_from_db()
    assert job.state == (S.SUCCEEDED if publish else S.FINALIZING), job.error_message
    return job


def active(job: Job) -> bool:
    return Takedown.objects.filter(job=job, active=True).exists()


def test_what_was_made_from_a_removed_video_follows_it(make_user) -> None:
    user, _ = make_user("derived")
    source = published_clip(user)
    extension = made_from(user, source, "extend", publish=True, seed=2)
    extension_of_extension = made_from(user, extension, "extend", publish=True, seed=3)
    remix = made_from(user, source, "remix", publish=True, seed=4)
    finishing = made_from(user, source, "extend", publish=False, seed=5)  # its frames are done, not published yet
    queued = make_job(user, S.QUEUED, conditioning={"mode": "edit", "source_video_id": source.id})
    held = make_job(user, S.IN_REVIEW, attempt=1, conditioning={"mode": "remix", "source_video_id": source.id})
    hold = ReviewCase.objects.create(job=held, kind=ReviewCase.Kind.HOLD, stage="frames", category="sexual",
                                     decision=decisions.record(stage="frames", verdict="review", job_id=held.id))
    unrelated = published_clip(user, prompt="a kite over a beach")

    assert take_down(source.id, reason="reported, confirmed", category="sexual_minors") is not None

    # Extensions contain its frames: removed with it, however deep.
    assert active(extension) and active(extension_of_extension) and not active(unrelated)
    assert Takedown.objects.get(job=extension).reason.startswith(f"contains the frames of {source.id}")
    assert Takedown.objects.get(job=extension_of_extension).category == "sexual_minors"
    # A remix re-renders them: a reviewer decides, first in the queue for this category.
    assert not active(remix)
    case = ReviewCase.objects.get(job=remix, kind=ReviewCase.Kind.DERIVED)
    assert case.status == "open" and case.category == "sexual_minors"
    assert case.priority == case_priority("sexual_minors") and case.decision.fired["source_video_id"] == source.id
    # Not published yet: never published.
    queued.refresh_from_db()
    held.refresh_from_db()
    hold.refresh_from_db()
    assert (queued.state, queued.error_code) == (S.FAILED, "source_removed")
    assert held.state == S.BLOCKED and hold.status == ReviewCase.Status.CLOSED
    finalize_job.fn(finishing.id, 1)
    finishing.refresh_from_db()
    assert (finishing.state, finishing.error_code) == (S.FAILED, "source_removed")
    assert live_artifact(finishing.id, Artifact.Kind.VIDEO) is None

    # A restore brings the extensions back with it; the remix's case stays for its reviewer.
    assert restore(source.id, reason="a second look: fine") is not None
    assert not active(source) and not active(extension) and not active(extension_of_extension)
    assert ReviewCase.objects.get(job=remix, kind=ReviewCase.Kind.DERIVED).status == "open"


def test_a_character_made_from_a_removed_video_is_unusable_until_it_is_restored(api, alice) -> None:
    user, _ = alice
    source = published_clip(user)
    Character.objects.create(user=user, name="Maria Lopez", source_video=source, consent="test",
                             reference_key="characters/test/likeness.png")
    prompt = {"prompt": "Maria Lopez walking by the sea"}
    pending = api.post("/v1/videos", prompt, format="json")
    assert pending.status_code == 200, pending.content  # submitted before the takedown, not screened yet
    take_down(source.id, reason="reported, confirmed", category="likeness")

    assert_error(api.post("/v1/videos", prompt, format="json"), 400, "character_unavailable", "prompt")
    screen_job.fn(pending.json()["id"])
    job = Job.objects.get(pk=pending.json()["id"])
    assert (job.state, job.error_code) == (S.FAILED, "source_removed")

    restore(source.id, reason="a second look: fine")
    assert api.post("/v1/videos", prompt, format="json").status_code == 200


def test_a_held_remix_of_a_removed_video_cannot_be_approved(make_user) -> None:
    """The race the takedown's follow-up can lose (the approval committed between its read and its block):
    the approval itself refuses once the source is removed, under the lock the takedown takes."""
    from django.utils import timezone

    from jobs.review import DecisionError, decide

    user, _ = make_user("derived-approve")
    reviewer, _ = make_user("derived-reviewer")
    source = published_clip(user)
    held = make_job(user, S.IN_REVIEW, attempt=1, conditioning={"mode": "remix", "source_video_id": source.id})
    hold = ReviewCase.objects.create(job=held, kind=ReviewCase.Kind.HOLD, stage="frames", category="sexual",
                                     decision=decisions.record(stage="frames", verdict="review", job_id=held.id))
    # Removed as the follow-up would have missed it: the takedown row alone, the held job untouched.
    Takedown.objects.create(job=source, source=Takedown.Source.REVIEW, category="sexual_minors",
                            reason="reported, confirmed", removed_at=timezone.now())
    with pytest.raises(DecisionError, match="taken down"):
        decide(hold, reviewer, approve=True, reason="looks fine")
    held.refresh_from_db()
    hold.refresh_from_db()
    assert held.state == S.IN_REVIEW and hold.status == ReviewCase.Status.OPEN
    assert decide(hold, reviewer, approve=False, reason="made from a removed video")
    held.refresh_from_db()
    assert held.state != S.SUCCEEDED


# --- an extension removed for its own reason as well as its source's --------------------------------------

def subscribed_owner(make_user, name: str):
    """An owner with an endpoint subscribed to both takedown events (the rows `webhooks.emit` writes are what
    these tests read: one WebhookEvent per video and type)."""
    from jobs.models import WebhookEndpoint
    from jobs.moderation import REMOVED_EVENT, RESTORED_EVENT

    user, _ = make_user(name)
    WebhookEndpoint.objects.create(user=user, url="https://hooks.example.com/kinema",
                                   events=[REMOVED_EVENT, RESTORED_EVENT])
    return user


def told(job: Job) -> dict[str, tuple[bool, bool]]:
    """For each of removed/restored: (an in-app notice exists, a webhook event was emitted)."""
    from jobs.models import Notification, WebhookEvent
    from jobs.moderation import REMOVED_EVENT, REMOVED_NOTICE, RESTORED_EVENT, RESTORED_NOTICE

    return {name: (Notification.objects.filter(job=job, kind=notice).exists(),
                   WebhookEvent.objects.filter(job=job, type=event).exists())
            for name, notice, event in (("removed", REMOVED_NOTICE, REMOVED_EVENT),
                                        ("restored", RESTORED_NOTICE, RESTORED_EVENT))}


def trail(job: Job) -> list[tuple[str, str]]:
    from safety.models import TakedownAction

    return [(a.action, a.reason) for a in TakedownAction.objects.filter(takedown__job=job)]


OWN = "reported on its own: the added minute is graphic violence"


def holds(job: Job) -> list[tuple[str, str, str]]:
    """What holds the video removed now, earliest first: (source, the video whose frames it carries, reason)."""
    from safety.takedown import holding

    return [(r.source, r.frames_of, r.reason) for r in holding(job.id)]


@pytest.mark.parametrize("order", ["extension_first", "source_first"])
def test_an_extension_removed_for_its_own_reason_stays_removed_when_its_source_is_restored(make_user,
                                                                                           order: str) -> None:
    user = subscribed_owner(make_user, f"own-{order}")
    reviewer, _ = make_user(f"own-reviewer-{order}")
    source = published_clip(user)
    extension = made_from(user, source, "extend", publish=True, seed=2)
    extension_of_extension = made_from(user, extension, "extend", publish=True, seed=3)
    follow = f"contains the frames of {source.id}, which was removed: reported, confirmed"

    if order == "extension_first":
        assert take_down(extension.id, reason=OWN, category="violence", actor=reviewer) is not None
        assert take_down(source.id, reason="reported, confirmed", category="sexual", actor=reviewer) is not None
        # Already removed, so nothing is sent twice; but its source's removal holds it too.
        assert trail(extension) == [("remove", OWN), ("remove", follow)]
        assert holds(extension) == [("review", "", OWN), ("review", source.id, follow)]
    else:
        assert take_down(source.id, reason="reported, confirmed", category="sexual", actor=reviewer) is not None
        assert trail(extension) == [("remove", follow)]
        # Already removed, so nothing is sent twice; but the reviewer's own reason is recorded, and holds it too.
        assert take_down(extension.id, reason=OWN, category="violence", actor=reviewer) is None
        assert trail(extension) == [("remove", follow), ("remove", OWN)]
        assert holds(extension) == [("review", source.id, follow), ("review", "", OWN)]
    assert active(source) and active(extension_of_extension)

    assert restore(source.id, reason="a second look: fine", actor=reviewer) is not None
    assert not active(source) and told(source)["restored"] == (True, True)
    # The extension was removed for its own reason too: it stays removed (and so does its own extension),
    # and its owner is told nothing. The source's reason is lifted (audited); the Takedown shows what holds it.
    assert active(extension) and active(extension_of_extension)
    assert told(extension) == {"removed": (True, True), "restored": (False, False)}
    assert trail(extension)[-1] == ("restore", "a second look: fine") and holds(extension) == [("review", "", OWN)]
    takedown = Takedown.objects.get(job=extension)
    assert (takedown.active, takedown.reason, takedown.category, takedown.removed_by) == (True, OWN, "violence",
                                                                                         reviewer)

    # Until someone restores it itself.
    assert restore(extension.id, reason="appeal: it is fake blood", actor=reviewer) is not None
    assert not active(extension) and not active(extension_of_extension)
    assert told(extension)["restored"] == (True, True)
    assert trail(extension)[-1] == ("restore", "appeal: it is fake blood")


def test_a_reviewer_restore_of_an_extension_whose_source_is_removed_lifts_only_its_own_takedown(make_user) -> None:
    """It contains the removed video's frames: with nothing of a reviewer's to lift, a reviewer's restore is
    refused (restore the source first); with a takedown of its own too, the restore lifts that one and the
    extension stays removed, to come back with its source."""
    from jobs.moderation import ModerationError

    user, _ = make_user("own-refused")
    source = published_clip(user)
    extension = made_from(user, source, "extend", publish=True, seed=2)
    take_down(source.id, reason="reported, confirmed", category="sexual")

    def refused() -> None:
        before = trail(extension)
        with pytest.raises(ModerationError, match=source.id):
            restore(extension.id, reason="looks fine")
        assert active(extension) and trail(extension) == before and told(extension)["restored"] == (False, False)

    refused()
    take_down(extension.id, reason=OWN, category="violence")
    assert restore(extension.id, reason="appeal: it is fake blood") is None  # lifted, but its source holds it
    assert active(extension) and trail(extension)[-1] == ("restore", "appeal: it is fake blood")
    assert [source_id for _, source_id, _ in holds(extension)] == [source.id]
    refused()
    assert restore(source.id, reason="a second look: fine") is not None
    assert not active(extension) and told(extension)["restored"] == (True, False)  # no endpoint subscribed


def test_a_kill_switch_on_an_extension_of_a_removed_video_holds_it_apart_from_its_source(make_user) -> None:
    """A kill switch is a removal of the extension's own: restoring the source leaves it removed while the switch
    is on; turning it off while the source is removed (again) lifts only the switch's removal (audited), and
    restoring the source then brings it back."""
    from jobs.moderation import apply_kill_switch, set_kill_switch
    from safety.models import ProtectedPerson

    user = subscribed_owner(make_user, "own-kill-switch")
    source = published_clip(user)
    extension = made_from(user, source, "extend", publish=True, seed=2)
    person = ProtectedPerson.objects.create(name="Ottilie Marchbanks", kill_switch=True)
    take_down(source.id, reason="reported, confirmed", category="sexual")
    assert apply_kill_switch(extension.id, person) is False  # already removed: not stopped by the switch now
    follow = f"contains the frames of {source.id}, which was removed: reported, confirmed"
    switch = "matched Ottilie Marchbanks, whose kill switch is on"
    assert holds(extension) == [("review", source.id, follow), ("kill_switch", "", switch)]
    assert trail(extension)[-1] == ("remove", switch)

    restore(source.id, reason="a second look: fine")
    assert active(extension) and told(extension)["restored"] == (False, False)  # the switch is still on
    takedown = Takedown.objects.get(job=extension)
    assert (takedown.source, takedown.person, takedown.category) == ("kill_switch", person, "likeness")

    take_down(source.id, reason="reported again, confirmed", category="sexual")
    assert set_kill_switch(person, False, reason="the match was wrong") == 0  # not delivered: its source is removed
    again = f"contains the frames of {source.id}, which was removed: reported again, confirmed"
    assert holds(extension) == [("review", source.id, again)]
    takedown.refresh_from_db()
    assert (takedown.active, takedown.source, takedown.category, takedown.reason) == (True, "review", "sexual", again)
    assert trail(extension)[-2:] == [("remove", again), ("restore", "the match was wrong")]
    assert told(extension)["restored"] == (False, False)

    restore(source.id, reason="a second look, again: fine")
    assert not active(extension) and told(extension)["restored"] == (True, True)
