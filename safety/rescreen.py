"""Re-screening published clips under a changed policy: what one clip's prompt and stored frames show.

A policy version is a hash of the policy's fingerprint (safety.policy: every category row, rule,
exemplar, protected person and reference photo), so any edit (a new rule, exemplar, protected person
or threshold) is a new version, and a clip is re-screened at most once per version (RescreenItem).
The verdict here is never a takedown: a clip that would not pass now goes to human review. Only a
protected person's kill switch removes a clip without a human (jobs/rescreen.py applies it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from safety.frames import FrameScan
from safety.policy import Policy
from safety.reports import CATEGORY_WEIGHT, DEFAULT_WEIGHT


def policy_version(policy: Policy) -> str:
    return hashlib.sha256(repr(policy.fingerprint).encode()).hexdigest()[:32]


@dataclass
class ClipFindings:
    flagged: bool
    category: str = ""
    top_score: float = 0.0
    person_ids: set[int] = field(default_factory=set)
    fired: dict[str, Any] = field(default_factory=dict)
    scores: dict[str, Any] = field(default_factory=dict)
    scan: FrameScan | None = None
    error: str = ""  # why this clip's frames could not be scanned (its prompt was screened all the same)


def screen_clips(prompts: list[str], frames: list[np.ndarray | None], policy: Policy,
                 negatives: list[str] | None = None) -> list[ClipFindings]:
    """One result per clip: flagged when its prompt would be blocked now or its frames reach a review
    threshold; `person_ids` are the protected persons it matched (by name or by face). A clip whose frames
    the scan fails on gets `error` (its prompt is still judged), so one bad clip never stops a run; the
    detectors are loaded first, outside that, so a detector that cannot load fails the batch instead of
    marking every clip."""
    # Imported here: the models behind them (torch) load only in the CPU worker that screens, not in the
    # dispatcher or the console, which start runs through jobs/rescreen.py.
    from safety.frames import detector_pool, scan_frames
    from safety.screening import screen_prompts

    verdicts = screen_prompts(prompts, policy, negatives=negatives)
    if any(clip is not None and len(clip) for clip in frames):
        detector_pool()
    out = []
    for verdict, clip in zip(verdicts, frames, strict=True):
        candidates: list[tuple[str, float]] = []
        fired: dict[str, Any] = {}
        persons: set[int] = set()
        if verdict.blocked:
            candidates.append((verdict.category, 1.0))
            fired["prompt"] = {"category": verdict.category, **verdict.fired}
            if isinstance(verdict.fired.get("person_id"), int):
                persons.add(verdict.fired["person_id"])
        scan, error = None, ""
        try:
            scan = scan_frames(clip, policy) if clip is not None and len(clip) else None
        except Exception as exc:  # this clip's frames (a shape or value the detectors refuse)
            error = f"frame scan failed: {type(exc).__name__}: {exc}"[:500]
        if scan is not None:
            fired["frames"] = scan.fired()
            if scan.verdict != "allow":
                candidates.append((scan.category, scan.top_score))
            persons.update(int(f.scores["person_id"]) for f in scan.findings
                           if f.category == "likeness" and "person_id" in f.scores)
        if persons:
            fired["person_ids"] = sorted(persons)
        if not candidates:
            out.append(ClipFindings(False, person_ids=persons, fired=fired, scan=scan,
                                    scores=scan.summary if scan else {}, error=error))
            continue
        category, score = max(candidates, key=lambda c: (CATEGORY_WEIGHT.get(c[0], DEFAULT_WEIGHT), c[1]))
        out.append(ClipFindings(True, category, round(score, 4), persons, fired, scan.summary if scan else {}, scan,
                                error))
    return out
