"""Recording safety decisions (append-only, with their scores and what fired)."""

from __future__ import annotations

from typing import Any

from safety.models import Decision
from safety.policy import current_policy
from safety.rules import RuleVerdict


def record(*, stage: str, verdict: str, category: str = "", fired: dict[str, Any] | None = None,
           scores: dict[str, Any] | None = None, job_id: str | None = None, user_id: int | None = None) -> Decision:
    return Decision.objects.create(job_id=job_id, user_id=user_id, stage=stage, verdict=verdict, category=category,
                                   fired=fired or {}, scores=scores or {})


def record_request_block(verdict: RuleVerdict, user_id: int | None) -> str:
    """A prompt refused in the request (no job exists). Returns the category's label for the user."""
    record(stage="request", verdict="block", category=verdict.category, fired={"rule": verdict.rule, **verdict.fired},
           user_id=user_id)
    return current_policy().label(verdict.category)
