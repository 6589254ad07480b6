"""Finalize screens the frames before publishing: blocked, sent to review by thresholds that are data (nudity
with a face held for review), failing closed when a detector fails, and never published unsigned."""

from __future__ import annotations

import numpy as np
import pytest
from django.test import Client

from jobs.artifacts import live_artifact, read_artifact
from jobs.models import Artifact, JobEvent
from jobs.models import JobState as S
from jobs.tasks import finalize_job
from safety import frame_minors
from safety import frames as frame_scanning
from safety.models import Category, Decision, ReviewCase
from safety.provenance import verify_mp4
from tests.safety_media import clip, finalizing_job, protect_grace_hopper


@pytest.mark.django_db
def test_finalize_blocks_a_clip_with_a_protected_face_and_signs_and_publishes_the_clean_one(make_user) -> None:
    protect_grace_hopper()
    user, _ = make_user("finalize")
    bad = finalizing_job(user, clip(16, face_frames=range(5, 11)))
    finalize_job.fn(bad.id, 1)
    bad.refresh_from_db()
    assert bad.state == S.BLOCKED and "(real-person likeness)" in bad.error_message
    assert live_artifact(bad.id, Artifact.Kind.VIDEO) is None  # nothing viewable was made
    assert Decision.objects.get(job=bad, stage="frames").frames.count() == 1  # the scan stops at the decisive frame

    good = finalizing_job(user, clip(16))
    finalize_job.fn(good.id, 1)
    good.refresh_from_db()
    assert good.state == S.SUCCEEDED
    published = live_artifact(good.id, Artifact.Kind.VIDEO)
    assert published is not None
    video = read_artifact(published)
    assert verify_mp4(video).state == "Trusted"


@pytest.mark.django_db
def test_a_failing_detector_fails_closed(make_user, monkeypatch) -> None:
    user, _ = make_user("failing")
    job = finalizing_job(user, clip(8))

    def broken(self: object, frames: list[np.ndarray]) -> list[float]:
        raise RuntimeError("onnxruntime session lost")

    monkeypatch.setattr(frame_scanning.Detectors, "nsfw_batch", broken)
    finalize_job.fn(job.id, 1)
    job.refresh_from_db()
    assert job.state == S.IN_REVIEW  # never published on a failed scan
    case = ReviewCase.objects.get(job=job)
    assert case.category == "scan_error" and "onnxruntime session lost" in case.decision.fired["error"]
    client = Client()
    client.force_login(user)
    assert client.get(f"/v1/videos/{job.id}/content").status_code == 409  # not viewable: "not ready"


@pytest.mark.django_db
def test_thresholds_are_data_sexual_detectors_flag_frames_for_review(make_user) -> None:
    """Real detector scores on a real clip, against thresholds edited like a reviewer would."""
    user, _ = make_user("thresholds")
    Category.objects.filter(slug="sexual").update(frame_review_threshold=0.0, frame_block_threshold=0.99)
    job = finalizing_job(user, clip(6))
    finalize_job.fn(job.id, 1)
    job.refresh_from_db()
    assert job.state == S.IN_REVIEW
    decision = Decision.objects.get(job=job, stage="frames")
    assert decision.verdict == "review" and decision.category == "sexual"
    frames = list(decision.frames.order_by("index"))
    assert [f.index for f in frames] == list(range(6))
    assert all(0 <= f.scores["open_nsfw"] < 0.99 and "nudenet" in f.scores for f in frames)
    Category.objects.filter(slug="sexual").update(frame_block_threshold=0.0)
    blocked = finalizing_job(user, clip(6))
    finalize_job.fn(blocked.id, 1)
    blocked.refresh_from_db()
    assert blocked.state == S.BLOCKED and "(sexual content)" in blocked.error_message


@pytest.mark.django_db
def test_nudity_with_a_face_is_held_for_review_not_delivered(make_user, monkeypatch) -> None:
    """No age model (as without its package): a frame at or above the minors threshold (set to 0 here, like a
    reviewer would, so these real frames count) with a real face is held; the same clip without the face is
    published."""
    monkeypatch.setattr(frame_minors, "_age_model", [None])
    Category.objects.filter(slug="sexual_minors").update(frame_review_threshold=0.0)
    user, _ = make_user("minors")
    job = finalizing_job(user, clip(8, face_frames=range(3, 5)))
    finalize_job.fn(job.id, 1)
    job.refresh_from_db()
    assert job.state == S.IN_REVIEW
    case = ReviewCase.objects.get(job=job)
    assert case.category == "sexual_minors" and case.stage == "frames"
    assert case.decision.fired["reason"] == "nudity_with_face_no_age_model"
    assert sorted(case.decision.frames.values_list("index", flat=True)) == [3, 4]
    client = Client()
    client.force_login(user)
    assert client.get(f"/v1/videos/{job.id}/content").status_code == 409  # not delivered
    clean = finalizing_job(user, clip(8))
    finalize_job.fn(clean.id, 1)
    clean.refresh_from_db()
    assert clean.state == S.SUCCEEDED


@pytest.mark.django_db
def test_a_clip_that_cannot_be_signed_is_not_published(make_user, settings, tmp_path) -> None:
    user, _ = make_user("unsigned")
    settings.KINEMA_C2PA_CERT = str(tmp_path / "missing.pem")
    job = finalizing_job(user, clip(4))
    finalize_job.fn(job.id, 1)
    job.refresh_from_db()
    assert job.state == S.FAILED and job.error_code == "signing_failed"
    assert live_artifact(job.id, Artifact.Kind.VIDEO) is None
    assert "missing.pem" in JobEvent.objects.get(job=job, to_state=S.FAILED).detail["error"]


@pytest.mark.django_db
def test_a_duplicate_finalize_that_loses_the_race_leaves_the_published_clip_whole(make_user, monkeypatch) -> None:
    """Two runs of one finalize (a message sent twice): the second stores its MP4 while the first publishes and
    the clean-up sweeps unreferenced bytes; the loser must not point the record at bytes the sweep removed."""
    from django.core.files.storage import default_storage

    from jobs import artifacts, tasks
    from jobs.artifacts import stored_keys

    user, _ = make_user("finalize-race")
    job = finalizing_job(user, clip(8))
    original = artifacts.store_bytes
    raced: list[str] = []

    def store_then_lose(job_id: str, kind: str, data: bytes, *args: object, **kwargs: object) -> str:
        key = original(job_id, kind, data, *args, **kwargs)  # type: ignore[arg-type]
        if kind == Artifact.Kind.VIDEO and not raced:
            raced.append(key)
            finalize_job.fn(job.id, 1)  # the other run: published meanwhile ...
            tasks.cleanup_job.fn(job.id)  # ... and its clean-up swept this run's bytes, not yet referenced
        return key

    monkeypatch.setattr(artifacts, "store_bytes", store_then_lose)
    finalize_job.fn(job.id, 1)
    job.refresh_from_db()
    assert job.state == S.SUCCEEDED and raced
    published = live_artifact(job.id, Artifact.Kind.VIDEO)
    assert published is not None and published.key != raced[0]
    assert default_storage.exists(published.key) and verify_mp4(read_artifact(published)).state == "Trusted"
    live = set(Artifact.objects.filter(job=job, deleted_at__isnull=True).values_list("key", flat=True))
    assert set(stored_keys(job.id)) == live  # the loser's bytes are gone too
    owner = Client()
    owner.force_login(user)
    assert owner.get(f"/v1/videos/{job.id}/content").status_code == 200
