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
