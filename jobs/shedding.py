"""Live load shedding: when the GPU fleet in service cannot serve a tier's queue within that tier's
wait target (capacity lost, a spike), the lowest tiers' new submissions are refused with 503 and a
Retry-After, so that paid tiers keep their targets and the queue stops growing. Nothing accepted is
dropped: only new submissions are refused, and queued jobs run as before.

The decision is made by the dispatcher leader each pass, from the inputs it schedules with (the
policy's queued reference GPU-seconds per tier, the workers in service and their speeds, the tiers'
weights and wait targets), and cached in Redis for a few seconds; submissions read the cached
decision. No decision (no dispatcher, no worker in service, Redis away or the entry expired) admits
everything: shedding fails open, the per-user caps and rate limits still apply.

The rule, per tier t with queued work B_t: under weighted fair sharing t gets w_t / W of the capacity
C (W: the weights of the tiers with work queued), so its newest job waits about
drain_t = B_t / (C * w_t / W). A tier whose drain exceeds its wait target is *over*. Shedding goes
from the bottom: every tier ranked below an over tier is shed (its new work would take capacity the
over tier needs), and the lowest tier is shed when it is over itself (nothing below it to shed); a
tier is never shed for its own queue otherwise, so the top tier is never shed. A shed tier is
re-admitted once the condition holds no longer at RESUME_FRACTION of the targets (hysteresis, so it
does not flap every pass). Retry-After is the time the queue needs to drain to that point.
"""

from __future__ import annotations

import json
import logging
import math
import time
from dataclasses import dataclass
from typing import Any

from jobs.api.errors import APIError
from webapp import metrics
from webapp.resilience import bounded_redis

log = logging.getLogger(__name__)

SHEDDING_KEY = "kinema:shedding"
DECISION_TTL_S = 15  # a decision the dispatcher has not refreshed for this long is ignored (fail open)
RESUME_FRACTION = 0.8
MIN_RETRY_AFTER_S = 5
MAX_RETRY_AFTER_S = 300


@dataclass(frozen=True)
class TierLoad:
    """One tier's figures for the decision: its scheduling settings and the reference GPU-seconds queued."""

    name: str
    rank: int
    weight: float
    wait_target_s: float
    queued_gpu_s: float


@dataclass(frozen=True)
class TierShedding:
    shed: bool
    drain_s: float  # about how long the tier's newest queued job waits (inf: no capacity for it)
    retry_after_s: int  # for a shed tier: when the queue should have drained enough to re-admit it


def drain_times(tiers: list[TierLoad], capacity_gpu_s_per_s: float) -> dict[str, float]:
    """Per tier, B_t / (C * w_t / W): how long its queue takes at its fair share of the capacity."""
    weights = sum(t.weight for t in tiers if t.queued_gpu_s > 0)
    out = {}
    for t in tiers:
        if t.queued_gpu_s <= 0:
            out[t.name] = 0.0
            continue
        rate = capacity_gpu_s_per_s * t.weight / (weights or t.weight)
        out[t.name] = t.queued_gpu_s / rate if rate > 0 else math.inf
    return out


def _shed_set(tiers: list[TierLoad], drains: dict[str, float], fraction: float) -> tuple[set[str], float]:
    """The tiers to shed with the wait targets scaled by `fraction`, and how far the worst over tier is
    past its scaled target (seconds)."""
    over = [t for t in tiers if drains[t.name] > t.wait_target_s * fraction]
    if not over:
        return set(), 0.0
    lowest = min(t.rank for t in tiers)
    top = max(t.rank for t in over)
    shed = {t.name for t in tiers if t.rank < top}
    shed |= {t.name for t in over if t.rank == lowest}
    excess = max(drains[t.name] - t.wait_target_s * fraction for t in over)
    return shed, excess


def decide(tiers: list[TierLoad], capacity_gpu_s_per_s: float, shed_before: set[str]) -> dict[str, TierShedding]:
    """The shedding decision per tier (pure: the dispatcher passes its figures and the tiers it shed last)."""
    drains = drain_times(tiers, capacity_gpu_s_per_s)
    shed, _ = _shed_set(tiers, drains, 1.0)
    still, excess = _shed_set(tiers, drains, RESUME_FRACTION)
    shed |= still & shed_before
    retry = MIN_RETRY_AFTER_S if math.isinf(excess) else math.ceil(excess)
    retry = min(MAX_RETRY_AFTER_S, max(MIN_RETRY_AFTER_S, retry))
    return {t.name: TierShedding(shed=t.name in shed, drain_s=drains[t.name],
                                 retry_after_s=retry if t.name in shed else 0) for t in tiers}


def publish(decision: dict[str, TierShedding], capacity_gpu_s_per_s: float) -> None:
    """Cache the decision for the submission paths (the dispatcher, every pass). Best effort."""
    body = {"at": time.time(), "capacity_gpu_s_per_s": round(capacity_gpu_s_per_s, 3),
            "tiers": {name: {"shed": d.shed, "drain_s": None if math.isinf(d.drain_s) else round(d.drain_s, 1),
                             "retry_after_s": d.retry_after_s} for name, d in decision.items()}}
    try:
        bounded_redis().set(SHEDDING_KEY, json.dumps(body), ex=DECISION_TTL_S)
    except Exception:
        log.warning("could not publish the load-shedding decision", exc_info=True)


def cached_decision() -> dict[str, Any] | None:
    """The dispatcher's latest decision, or None (fail open) when there is none or Redis is away."""
    try:
        raw = bounded_redis().get(SHEDDING_KEY)
        body = json.loads(raw) if raw else None
    except Exception:
        log.warning("load-shedding decision unreadable: admitting", exc_info=True)
        return None
    if not isinstance(body, dict) or time.time() - float(body.get("at", 0)) > DECISION_TTL_S:
        return None
    return body


def refuse_if_shed(user: Any) -> None:
    """Raise a 503 (OpenAI error shape, code `capacity_shed`, Retry-After) when the user's tier is
    shed now; called where a new submission is accepted (the API's create, the studio's form)."""
    body = cached_decision()
    tier = (body or {}).get("tiers", {}).get(user.tier_id)
    if not tier or not tier.get("shed"):
        return
    retry_after = int(tier.get("retry_after_s") or MIN_RETRY_AFTER_S)
    metrics.inc("kinema_submissions_shed", tier=user.tier_id)
    raise APIError(f"GPU capacity is short right now: new {user.tier.display_name} videos are paused so that "
                   f"queued videos finish on time. Nothing you already submitted is affected. "
                   f"Try again in {retry_after} s.", status_code=503, type="server_error", code="capacity_shed",
                   headers={"Retry-After": str(retry_after)})
