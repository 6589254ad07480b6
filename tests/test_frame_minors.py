"""How the minors check combines the nudity score, faces, apparent ages and body proportions (the rules
themselves; tests/test_frame_screening.py runs them on real frames with the real detectors)."""

from __future__ import annotations

from safety.frame_minors import CHILD_HEAD_RATIO, assess, head_body_ratio

FACE = (100, 100, 140, 150)  # 50 px high
ADULT_FEET = [(90, 520, 150, 560)]  # the figure is 460 px from the top of the face: ratio ~0.11
CHILD_FEET = [(90, 330, 150, 370)]  # 270 px: ratio ~0.19


def test_below_the_threshold_or_without_a_face_nothing_is_flagged() -> None:
    assert assess(0.29, 0.3, [FACE], [], None).level == "allow"
    assert assess(0.95, 0.3, [], [], None).level == "allow"  # the adult-only thresholds judge it


def test_without_an_age_model_nudity_with_a_face_goes_to_review() -> None:
    result = assess(0.3, 0.3, [FACE], [], None)
    assert (result.level, result.reason) == ("review", "nudity_with_face_no_age_model")
    assert assess(0.9, 0.3, [FACE], CHILD_FEET, None).reason == "child_proportions"


def test_with_an_age_model_the_apparent_age_decides() -> None:
    assert assess(0.4, 0.3, [FACE], [], [15]).level == "block"
    assert assess(0.4, 0.3, [FACE, FACE], [], [45, 16]).level == "block"  # the youngest face counts
    assert assess(0.4, 0.3, [FACE], [], [24]).level == "review"  # the model's error margin
    assert assess(0.4, 0.3, [FACE], [], []).level == "review"  # an unreadable face counts as young
    assert assess(0.4, 0.3, [FACE], ADULT_FEET, [45]).level == "allow"
    child = assess(0.4, 0.3, [FACE], CHILD_FEET, [45])  # an adult face on a child's proportions
    assert (child.level, child.reason) == ("review", "child_proportions")
    assert child.scores["head_body_ratio"] >= CHILD_HEAD_RATIO


def test_proportions_are_read_only_for_one_face_with_feet_below_it() -> None:
    adult = head_body_ratio([FACE], ADULT_FEET)
    assert adult is not None and adult < CHILD_HEAD_RATIO
    assert head_body_ratio([FACE, FACE], CHILD_FEET) is None  # whose feet?
    assert head_body_ratio([FACE], [(90, 20, 150, 60)]) is None  # above the face: not this figure's
    assert head_body_ratio([FACE], [(900, 330, 950, 370)]) is None  # far to the side
