"""Which catalog version serves a request, and how versions are rolled out, measured and rolled back.

A request names a model (its id or an alias: that model's live version, or its canary for the users in
the canary's share) or pins a version (`model@version`: exactly it, arm "pinned"). The canary arm:

- eligibility: the request does not pin a version, and the canary can serve it (the size maps onto one
  of its native resolutions, it has the capability the request needs);
- share: a user is in the canary when a hash of (canary, user) falls below `canary_share`, so the
  assignment is sticky: the same user gets the same arm for as long as the share stays (raising it only
  adds users);
- budget: the GPU-seconds the canary's jobs used in the last hour (recorded runs, plus the estimate of
  each job that has not recorded a run yet) must be under `canary_gpu_seconds_per_hour`; otherwise
  the request goes to the live version (its job event says so). Concurrent submissions can overshoot
  the cap by the clips admitted at the same moment.

`version_stats` measures each version (success, failure, NaN and safety-block rates, p50/p95
end-to-end latency, GPU-seconds per clip, regenerate rate); `auto_rollback` (the reconciler's pass)
sends a canary back to draft when its failure or NaN rate exceeds the live version's by its
`rollback_margin` over at least `rollback_min_sample` finished jobs since it became the canary.
`promote` and `roll_back` are the admin's actions.

A request's choice reads a per-process snapshot of the served catalog (`catalog_snapshot`: every model,
and the canary and live versions), reloaded at most every KINEMA_CATALOG_RECHECK_S (1 s) and at once after
a catalog row is saved or deleted in the process (the safety policy's pattern, safety/policy.py): its three
queries were ~30 % of a submission's web CPU (docs/benchmarks.md, issue 17). A change made in another process
(the admin of another web worker, the reconciler's automatic rollback) reaches a web process within that
delay. The canary's GPU budget is not part of the snapshot: it is read for every request the canary would take.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q, Sum
from django.db.models.signals import post_migrate
from django.utils import timezone

from jobs.api.errors import APIError, invalid
from jobs.catalog import (
    SERVED_STATES,
    VERSION_SEPARATOR,
    CatalogModel,
    ModelVersion,
    VersionState,
    ensure_catalog,
)
from jobs.models import ACTIVE_STATES, Job
from jobs.profiles import ModelProfile
from webapp import metrics
from webapp.recheck import RecheckGate

log = logging.getLogger(__name__)

ARM_LIVE, ARM_CANARY, ARM_PINNED = "live", "canary", "pinned"
BUDGET_WINDOW = timedelta(hours=1)
REGENERATE_WINDOW = timedelta(minutes=30)  # the same user, the same prompt, within this: "asked again"
NAN_CAUSE = "non_finite_latents"


@dataclass(frozen=True)
class Choice:
    """The version a request runs on, the arm that chose it, and why (for the job's first event)."""

    version: ModelVersion
    arm: str
    reason: str = ""

    @property
    def profile(self) -> ModelProfile:
        return self.version.profile()


def _not_found(name: str) -> APIError:
    available = ", ".join(served_names()) or "none"
    return invalid(f"The model '{name}' does not exist or is not available. Available: {available}.", "model",
                   "model_not_found")


def served_models() -> list[CatalogModel]:
    """The models with a live version (what the studio's picker and GET /v1/models offer)."""
    ensure_seeded()
    return list(CatalogModel.objects.filter(versions__state=VersionState.LIVE).distinct().order_by("id"))


def served_names() -> list[str]:
    """The models (and aliases) that serve requests now: those with a live version."""
    names: list[str] = []
    for model in CatalogModel.objects.filter(versions__state=VersionState.LIVE).distinct().order_by("id"):
        names += [model.id, *model.aliases]
    return names


def default_model_name() -> str:
    from django.conf import settings

    return str(settings.KINEMA_MODEL_NAME)


def ensure_seeded() -> None:
    """An empty catalog (a fresh database whose data migration was flushed, as tests do) gets its seed
    entries back, so the deployment's model always serves."""
    if not CatalogModel.objects.exists():
        ensure_catalog()


def find_model(name: str) -> CatalogModel | None:
    """A model by id or alias (the seed entries are put back first if the catalog is empty)."""
    found = CatalogModel.objects.filter(Q(pk=name) | Q(aliases__contains=[name])).first()
    if found is None and not CatalogModel.objects.exists():
        ensure_catalog()
        found = CatalogModel.objects.filter(Q(pk=name) | Q(aliases__contains=[name])).first()
    return found


def find_version(public_id: str) -> ModelVersion | None:
    model_id, _, version = public_id.partition(VERSION_SEPARATOR)
    return ModelVersion.objects.select_related("model").filter(model_id=model_id, version=version).first()


def live_version(model: CatalogModel) -> ModelVersion | None:
    return model.versions.filter(state=VersionState.LIVE).first()


def canary_version(model: CatalogModel) -> ModelVersion | None:
    return model.versions.filter(state=VersionState.CANARY).order_by("id").first()


def in_share(version: ModelVersion, user_id: int | None) -> bool:
    """Sticky assignment: a stable hash of (version, user) against the share."""
    if user_id is None or version.canary_share <= 0:
        return False
    digest = hashlib.sha256(f"{version.pk}:{user_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < version.canary_share


def gpu_seconds_last_hour(version: ModelVersion, now: datetime | None = None) -> float:
    """GPU time the version's jobs took in the budget window: recorded runs, plus the estimate of every
    active job that has recorded none yet (so a burst of submissions counts before it runs)."""
    since = (now or timezone.now()) - BUDGET_WINDOW
    jobs = Job.objects.filter(model_version=version)
    recorded = jobs.filter(Q(finished_at__gte=since) | Q(state__in=ACTIVE_STATES) | Q(created_at__gte=since)
                           ).aggregate(s=Sum("gpu_seconds"))["s"] or 0.0
    pending = jobs.filter(state__in=ACTIVE_STATES, gpu_seconds=0).aggregate(s=Sum("est_gpu_seconds"))["s"] or 0.0
    return float(recorded) + float(pending)


def can_serve(version: ModelVersion, size: str, needs: str | None) -> bool:
    if version.profile().resolve_size(size) is None:
        return False
    if needs is None:
        return True
    return bool(version.capabilities().get(needs, False))


# --- the request path's catalog snapshot ----------------------------------------------------------

@dataclass(frozen=True)
class CatalogSnapshot:
    """The served catalog as one process last read it: what `choose` needs, without a query."""

    model_ids: dict[str, str] = field(default_factory=dict)  # a model's id or alias -> its id (find_model's pick)
    live: dict[str, ModelVersion] = field(default_factory=dict)  # model id -> its live version
    canary: dict[str, ModelVersion] = field(default_factory=dict)  # model id -> its canary (the lowest id)
    served: dict[str, ModelVersion] = field(default_factory=dict)  # public id -> a live or canary version


_snapshot_lock = threading.Lock()
_snapshot: CatalogSnapshot | None = None


def _clock() -> float:
    """The recheck delay's clock (a function of its own, so a test can move it for this module only)."""
    return time.monotonic()


_gate = RecheckGate(lambda: _clock())
# When _snapshot was read (_gate.mark()): valid for KINEMA_CATALOG_RECHECK_S while no catalog row was saved or
# deleted in this process since, and no database flush (tests) happened.
_snapshot_read: tuple[float, int] = (0.0, -1)


def _load_snapshot() -> CatalogSnapshot:
    """Two small queries: every model (ids and aliases), every served version with its model."""
    model_ids: dict[str, str] = {}
    for model_id, aliases in CatalogModel.objects.order_by("id").values_list("id", "aliases"):
        for name in (model_id, *(aliases or [])):
            model_ids.setdefault(name, model_id)  # find_model: the first model (by id) with that id or alias
    live: dict[str, ModelVersion] = {}
    canary: dict[str, ModelVersion] = {}
    served: dict[str, ModelVersion] = {}
    for version in ModelVersion.objects.select_related("model").filter(state__in=SERVED_STATES).order_by("id"):
        served[version.public_id] = version
        (live if version.state == VersionState.LIVE else canary).setdefault(version.model_id, version)
    return CatalogSnapshot(model_ids, live, canary, served)


def catalog_snapshot(max_age_s: float | None = None) -> CatalogSnapshot:
    """The served catalog, read at most `max_age_s` (default KINEMA_CATALOG_RECHECK_S) ago and not before a
    catalog edit made in this process. An empty catalog (a flushed test database) gets its seed entries back."""
    global _snapshot, _snapshot_read
    if max_age_s is None:
        max_age_s = float(settings.KINEMA_CATALOG_RECHECK_S)
    cached = _snapshot
    if cached is not None and _gate.fresh(_snapshot_read, max_age_s):
        return cached
    read = _gate.mark()
    snapshot = _load_snapshot()
    if not snapshot.model_ids:
        ensure_catalog()
        snapshot = _load_snapshot()
    with _snapshot_lock:
        _snapshot, _snapshot_read = snapshot, read
    return snapshot


def catalog_changed(using: str | None = None) -> None:
    """A catalog row changed in this process (a save, a delete, or a bulk UPDATE that sends no signal): the
    next request reads the catalog again, and again once the change is committed."""
    _gate.changed(using)


def _on_flush(sender: Any, **kwargs: Any) -> None:
    """A flush (a transactional test's teardown) or a migration: the rows the snapshot holds may be gone."""
    _gate.count_edit()


_gate.watch(CatalogModel, ModelVersion, uid="catalog-snapshot")
post_migrate.connect(_on_flush, dispatch_uid="catalog-snapshot-flush")


def choose(name: str, user_id: int | None, *, size: str, needs: str | None = None) -> Choice:
    """The version that serves a request for `name` by `user_id` (see the module's docstring), from the
    catalog snapshot. Raises a 400 naming `model` for a name that serves nothing."""
    catalog = catalog_snapshot()
    if VERSION_SEPARATOR in name:
        version = catalog.served.get(name)
        if version is None:
            raise _not_found(name)
        return Choice(version, ARM_PINNED)
    model_id = catalog.model_ids.get(name)
    live = catalog.live.get(model_id) if model_id is not None else None
    if model_id is None or live is None:
        raise _not_found(name)
    canary = catalog.canary.get(model_id)
    if canary is None or not in_share(canary, user_id) or not can_serve(canary, size, needs):
        return Choice(live, ARM_LIVE)
    spent = gpu_seconds_last_hour(canary)
    if spent >= canary.canary_gpu_seconds_per_hour:
        metrics.inc("kinema_canary_budget_refusals", version=canary.public_id)
        return Choice(live, ARM_LIVE, f"canary {canary.public_id} used its GPU budget "
                                      f"({spent:.0f} of {canary.canary_gpu_seconds_per_hour:.0f} s this hour)")
    return Choice(canary, ARM_CANARY)


# --- measuring ----------------------------------------------------------------------------------

STATS_SQL = """
    SELECT j.model_version_id,
           count(*) FILTER (WHERE j.state IN ('succeeded', 'failed', 'blocked', 'cancelled')),
           count(*) FILTER (WHERE j.state = 'succeeded'),
           count(*) FILTER (WHERE j.state = 'failed'),
           count(*) FILTER (WHERE j.state = 'failed' AND EXISTS (
               SELECT 1 FROM jobs_jobevent e WHERE e.job_id = j.id AND e.to_state = 'failed'
               AND e.detail->>'cause' = %s)),
           count(*) FILTER (WHERE j.state = 'blocked'),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM j.finished_at - j.created_at))
               FILTER (WHERE j.state = 'succeeded'),
           percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM j.finished_at - j.created_at))
               FILTER (WHERE j.state = 'succeeded'),
           sum(j.gpu_seconds) FILTER (WHERE j.state = 'succeeded'),
           count(*) FILTER (WHERE j.state IN ('succeeded', 'failed', 'blocked', 'cancelled') AND EXISTS (
               SELECT 1 FROM jobs_job again WHERE again.user_id = j.user_id AND again.prompt = j.prompt
               AND again.prompt <> '' AND again.id > j.id
               AND again.created_at BETWEEN j.created_at AND j.created_at + %s))
    FROM jobs_job j
    WHERE j.model_version_id IS NOT NULL AND j.created_at >= %s {extra}
    GROUP BY j.model_version_id"""


@dataclass(frozen=True)
class VersionStats:
    finished: int = 0
    succeeded: int = 0
    failed: int = 0
    nan: int = 0
    blocked: int = 0
    p50_s: float | None = None
    p95_s: float | None = None
    gpu_seconds_succeeded: float = 0.0
    regenerated: int = 0

    @property
    def judged(self) -> int:
        """Jobs the model decided: succeeded or failed (not blocked by safety, not cancelled)."""
        return self.succeeded + self.failed

    def rate(self, part: int, whole: int | None = None) -> float | None:
        whole = self.judged if whole is None else whole
        return part / whole if whole else None

    @property
    def success_rate(self) -> float | None:
        return self.rate(self.succeeded)

    @property
    def failure_rate(self) -> float | None:
        return self.rate(self.failed)

    @property
    def nan_rate(self) -> float | None:
        return self.rate(self.nan)

    @property
    def block_rate(self) -> float | None:
        return self.rate(self.blocked, self.finished)

    @property
    def regenerate_rate(self) -> float | None:
        return self.rate(self.regenerated, self.finished)

    @property
    def gpu_seconds_per_clip(self) -> float | None:
        return self.gpu_seconds_succeeded / self.succeeded if self.succeeded else None


def version_stats(since: datetime, version_ids: list[int] | None = None) -> dict[int, VersionStats]:
    """Per version, over the jobs submitted since `since` (optionally only these versions)."""
    extra = ""
    params: list[Any] = [NAN_CAUSE, REGENERATE_WINDOW, since]
    if version_ids is not None:
        if not version_ids:
            return {}
        extra = "AND j.model_version_id = ANY(%s)"
        params.append(version_ids)
    with connection.cursor() as cur:
        cur.execute(STATS_SQL.format(extra=extra), params)
        rows = cur.fetchall()
    return {row[0]: VersionStats(finished=row[1], succeeded=row[2], failed=row[3], nan=row[4], blocked=row[5],
                                 p50_s=row[6], p95_s=row[7], gpu_seconds_succeeded=float(row[8] or 0.0),
                                 regenerated=row[9]) for row in rows}


def stats_table(since: datetime) -> list[dict[str, Any]]:
    """Every served or recently used version with its figures, models together (the operator page, /metrics)."""
    stats = version_stats(since)
    versions = ModelVersion.objects.select_related("model").filter(
        Q(state__in=SERVED_STATES) | Q(pk__in=list(stats))).order_by("model_id", "-state", "id")
    return [{"version": v, "stats": stats.get(v.pk, VersionStats())} for v in versions]


# --- promoting and rolling back -------------------------------------------------------------------

def _set_state(version: ModelVersion, state: str, reason: str) -> None:
    version.state, version.state_reason, version.state_changed_at = state, reason[:300], timezone.now()
    version.save(update_fields=["state", "state_reason", "state_changed_at"])
    log.info("model version %s is now %s: %s", version.public_id, state, reason)
    metrics.inc("kinema_model_version_transitions", version=version.public_id, state=state)


def promote(version: ModelVersion, reason: str) -> ModelVersion | None:
    """Make `version` its model's live version; the previous live one is retired. Returns that one."""
    with transaction.atomic():
        previous = ModelVersion.objects.select_for_update().filter(
            model_id=version.model_id, state=VersionState.LIVE).exclude(pk=version.pk).first()
        if previous is not None:
            _set_state(previous, VersionState.RETIRED, f"replaced by {version.public_id}: {reason}")
        _set_state(version, VersionState.LIVE, reason)
    return previous


def start_canary(version: ModelVersion, reason: str) -> None:
    if version.state == VersionState.LIVE:
        raise ValueError(f"{version.public_id} is live; a canary is a version that is not live yet")
    _set_state(version, VersionState.CANARY, reason)


def roll_back(version: ModelVersion, reason: str) -> None:
    """A canary stops serving (back to draft: fix it and start it again); requests go to the live version."""
    if version.state != VersionState.CANARY:
        raise ValueError(f"{version.public_id} is {version.state}, not a canary")
    _set_state(version, VersionState.DRAFT, reason)


def rollback_verdict(canary: ModelVersion, canary_stats: VersionStats, live_stats: VersionStats) -> str | None:
    """Why the canary must go, or None. Judged only once it has `rollback_min_sample` decided jobs."""
    if canary_stats.judged < canary.rollback_min_sample:
        return None
    # NaN first: the more specific cause (NaN failures are failures too).
    for label, ours, theirs in (("NaN", canary_stats.nan_rate, live_stats.nan_rate),
                                ("failure", canary_stats.failure_rate, live_stats.failure_rate)):
        if ours is not None and ours - (theirs or 0.0) > canary.rollback_margin:
            return (f"automatic rollback: {label} rate {ours:.0%} against the live version's {theirs or 0.0:.0%} "
                    f"over {canary_stats.judged} jobs (margin {canary.rollback_margin:.0%})")
    return None


def auto_rollback() -> list[str]:
    """The reconciler's pass: roll back every canary doing worse than its live version by its margin,
    comparing the jobs of both since the canary started. Returns the versions rolled back."""
    rolled: list[str] = []
    for canary in ModelVersion.objects.select_related("model").filter(state=VersionState.CANARY):
        live = ModelVersion.objects.filter(model_id=canary.model_id, state=VersionState.LIVE).first()
        ids = [canary.pk] + ([live.pk] if live is not None else [])
        stats = version_stats(canary.state_changed_at, ids)
        verdict = rollback_verdict(canary, stats.get(canary.pk, VersionStats()),
                                   stats.get(live.pk, VersionStats()) if live is not None else VersionStats())
        if verdict is None:
            continue
        # Only if it is still the canary (an operator may have acted meanwhile).
        if ModelVersion.objects.filter(pk=canary.pk, state=VersionState.CANARY).update(
                state=VersionState.DRAFT, state_reason=verdict[:300], state_changed_at=timezone.now()):
            catalog_changed()  # a bulk UPDATE sends no signal
            log.warning("model version %s rolled back: %s", canary.public_id, verdict)
            metrics.inc("kinema_model_version_transitions", version=canary.public_id, state=VersionState.DRAFT)
            rolled.append(canary.public_id)
    return rolled


STATS_WINDOW = timedelta(days=1)


def version_gauges() -> Iterable[Any]:
    """/metrics: each version's figures over the last day (labels model, version, state), and each
    canary's GPU budget use this hour."""
    from prometheus_client.core import GaugeMetricFamily

    labels = ["model", "version", "state"]
    rates = GaugeMetricFamily("kinema_model_version_rate", "Per catalog version, jobs of the last day: success, "
                              "failure and NaN rates (of jobs the model decided), safety block and regenerate rates "
                              "(of finished jobs).", labels=[*labels, "rate"])
    counts = GaugeMetricFamily("kinema_model_version_jobs", "Per catalog version, jobs of the last day by outcome.",
                               labels=[*labels, "outcome"])
    latency = GaugeMetricFamily("kinema_model_version_latency_seconds", "Per catalog version, end-to-end time of "
                                "the last day's published jobs.", labels=[*labels, "quantile"])
    per_clip = GaugeMetricFamily("kinema_model_version_gpu_seconds_per_clip", "Per catalog version, GPU-seconds "
                                 "per published clip (last day).", labels=labels)
    budget = GaugeMetricFamily("kinema_canary_gpu_seconds_hour", "Each canary's GPU-seconds in the last hour and "
                               "its cap.", labels=["model", "version", "kind"])
    for row in stats_table(timezone.now() - STATS_WINDOW):
        version: ModelVersion = row["version"]
        stats: VersionStats = row["stats"]
        key = [version.model_id, version.version, version.state]
        for name, value in (("success", stats.success_rate), ("failure", stats.failure_rate),
                            ("nan", stats.nan_rate), ("safety_block", stats.block_rate),
                            ("regenerate", stats.regenerate_rate)):
            if value is not None:
                rates.add_metric([*key, name], value)
        for name, n in (("finished", stats.finished), ("succeeded", stats.succeeded), ("failed", stats.failed),
                        ("nan", stats.nan), ("blocked", stats.blocked)):
            counts.add_metric([*key, name], n)
        for quantile, value in (("0.5", stats.p50_s), ("0.95", stats.p95_s)):
            if value is not None:
                latency.add_metric([*key, quantile], value)
        if stats.gpu_seconds_per_clip is not None:
            per_clip.add_metric(key, stats.gpu_seconds_per_clip)
        if version.state == VersionState.CANARY:
            budget.add_metric([version.model_id, version.version, "used"], gpu_seconds_last_hour(version))
            budget.add_metric([version.model_id, version.version, "cap"], version.canary_gpu_seconds_per_hour)
    yield from (rates, counts, latency, per_clip, budget)
