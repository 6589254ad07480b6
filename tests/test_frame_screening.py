"""Frame screening with the real detectors: a protected face in a run of frames is found, and parallel
model sets scan a clip exactly like one."""

from __future__ import annotations

import pytest

from safety import frames as frame_scanning
from safety.frames import scan_frames
from safety.policy import current_policy
from tests.safety_media import clip, protect_grace_hopper


@pytest.mark.django_db
def test_a_protected_face_in_a_run_of_frames_is_blocked_and_the_same_clip_without_it_passes() -> None:
    protect_grace_hopper()
    policy = current_policy()
    with_face = scan_frames(clip(16, face_frames=range(5, 11)), policy)
    assert with_face.verdict == "block" and with_face.category == "likeness"
    flagged = {f.index for f in with_face.findings if f.category == "likeness"}
    assert flagged == {5, 10}  # sampled frames: every 5th plus first and last
    assert with_face.top_score > 0.7 and with_face.findings[0].scores["person"] == "Grace Hopper"
    without = scan_frames(clip(16), policy)
    assert without.verdict == "allow" and without.summary["faces"] == 0
    assert without.summary["frames"] == 16 and without.summary["sexual_max"] < 0.2


@pytest.mark.django_db
def test_parallel_model_sets_scan_a_clip_exactly_like_one(settings) -> None:  # type: ignore[no-untyped-def]
    protect_grace_hopper()
    policy = current_policy()
    frames = clip(24, face_frames=range(8, 16))
    one = scan_frames(frames, policy)
    settings.KINEMA_SCAN_PARALLEL = 2
    two = scan_frames(frames, policy)
    assert len(frame_scanning.detector_pool()) == 2
    assert (two.verdict, two.category, two.top_score, two.summary) == (one.verdict, one.category, one.top_score,
                                                                        one.summary)
    assert [(f.index, f.category, f.score) for f in two.findings] == [(f.index, f.category, f.score)
                                                                      for f in one.findings]
    assert {f.index for f in two.findings} == {10, 15}
