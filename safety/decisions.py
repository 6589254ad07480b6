"""Recording safety decisions (append-only, with their scores and what fired)."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from safety.frames import FrameScan, frame_jpeg
from safety.models import Decision, FlaggedFrame
from safety.rules import RuleVerdict
from webapp import metrics
from webapp.metrics import after_commit


def record(*, stage: str, verdict: str, category: str = "", fired: dict[str, Any] | None = None,
           scores: dict[str, Any] | None = None, job_id: str | None = None, user_id: int | None = None) -> Decision:
    after_commit(metrics.inc, "kinema_safety_verdicts", stage=stage, verdict=verdict, category=category or "none")
    return Decision.objects.create(job_id=job_id, user_id=user_id, stage=stage, verdict=verdict, category=category,
                                   fired=fired or {}, scores=scores or {})


def record_request_block(verdict: RuleVerdict, user_id: int | None) -> Decision:
    """A prompt refused in the request (no job exists)."""
    return record(stage="request", verdict="block", category=verdict.category,
                  fired={"rule": verdict.rule, **verdict.fired}, user_id=user_id)


MAX_FLAGGED_FRAMES = 24


def keep_flagged_frames(decision: Decision, scan: FrameScan, frames: np.ndarray, *, reference: bool = False) -> int:
    """Store small JPEGs of the highest-scoring flagged frames for reviewers (outside the job's
    artifact prefix, so the job's clean-up keeps them)."""
    kept = 0
    for finding in sorted(scan.findings, key=lambda f: f.score, reverse=True)[:MAX_FLAGGED_FRAMES]:
        rgb = frames[0 if reference else finding.index]
        key = default_storage.save(f"safety/{decision.job_id or 'none'}/d{decision.pk}-f{finding.index}.jpg",
                                   ContentFile(frame_jpeg(rgb)))
        FlaggedFrame.objects.create(decision=decision, index=finding.index, category=finding.category,
                                    score=finding.score, scores=finding.scores, image_key=key)
        kept += 1
    return kept
