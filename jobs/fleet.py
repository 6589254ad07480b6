"""The GPU fleet's service state: operators drain, quarantine and return workers (the admin), and the
dispatcher leader quarantines unstable ones by itself.

`GpuWorker.service` decides whether the dispatcher may send a worker work (jobs/scheduling_live.py
reads free slots only from `active` workers):

- draining: the worker finishes the job it holds and takes no more (a host about to be serviced);
- quarantined: its job goes back to the queue at once, through `lifecycle.requeue` as a blameless
  requeue (the job keeps its attempts; the worker's run is fenced off at its next progress write),
  and it takes no more (a worker that keeps failing, or shows persistent NaN errors);
- active: in service again.

A change records who or what made it and why (`service_reason`, `service_changed_at`), a log line
and the `kinema_worker_service_changes` counter. A worker keeps its service state across restarts:
a quarantined worker that comes back stays out until an operator returns it.

Failures per worker come from the job event log: the run of attempt N of a job belongs to the worker
its `dispatched` event names, and that run failed when its attempt ended in a lost lease, a transient
error, a hung run, or exhausted attempts. NaN/inf latents are counted apart (the NaN rate): they are
usually the prompt's doing, so they alone never quarantine a worker.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from jobs import lifecycle, signals
from jobs.models import GpuWorker, Job, JobState
from webapp import metrics
from webapp.metrics import after_commit

log = logging.getLogger(__name__)

Service = GpuWorker.Service

# Events that end a run because of the worker or its host, not the job (lifecycle.requeue's reasons).
FAILURE_REASONS = ("lease expired (worker lost)", "running past deadline")
FAILURE_PREFIXES = ("transient:", "attempts exhausted:")
NAN_CAUSE = "non_finite_latents"

_FAILURES_SQL = f"""
    SELECT (d.detail->>'worker_id')::bigint, f.at, coalesce(f.detail->>'cause', '') = '{NAN_CAUSE}'
    FROM jobs_jobevent f
    JOIN jobs_jobevent d ON d.job_id = f.job_id AND d.attempt = f.attempt AND d.reason = 'dispatched'
    WHERE f.at >= %s AND d.detail->>'worker_id' IS NOT NULL
      AND (f.reason IN ({", ".join(["%s"] * len(FAILURE_REASONS))})
           OR {" OR ".join(["f.reason LIKE %s"] * len(FAILURE_PREFIXES))}
           OR (f.to_state = 'failed' AND coalesce(f.detail->>'cause', '') = '{NAN_CAUSE}'))"""
_RUNS_SQL = """
    SELECT (detail->>'worker_id')::bigint, count(*) FROM jobs_jobevent
    WHERE reason = 'dispatched' AND at >= %s AND detail->>'worker_id' IS NOT NULL GROUP BY 1"""


@dataclass
class WorkerStats:
    """One worker's runs since a moment: how many were dispatched to it, how many failed because of
    the worker (`failures`, with when), and how many hit NaN/inf latents."""

    runs: int = 0
    failures: list[datetime] = field(default_factory=list)
    nan: int = 0

    @property
    def failure_rate(self) -> float | None:
        return len(self.failures) / self.runs if self.runs else None

    @property
    def nan_rate(self) -> float | None:
        return self.nan / self.runs if self.runs else None


def recent_stats(since: datetime) -> dict[int, WorkerStats]:
    """Per worker id: runs dispatched since `since`, failures and NaN failures of its runs since then."""
    stats: dict[int, WorkerStats] = {}
    with connection.cursor() as cur:
        cur.execute(_RUNS_SQL, [since])
        for worker_id, runs in cur.fetchall():
            stats.setdefault(int(worker_id), WorkerStats()).runs = int(runs)
        cur.execute(_FAILURES_SQL, [since, *FAILURE_REASONS, *(f"{p}%" for p in FAILURE_PREFIXES)])
        for worker_id, at, nan in cur.fetchall():
            entry = stats.setdefault(int(worker_id), WorkerStats())
            if nan:
                entry.nan += 1
            else:
                entry.failures.append(at)
    return stats


@dataclass(frozen=True)
class ServiceChange:
    changed: bool
    requeued: tuple[str, ...] = ()


def change_service(worker_id: int, service: str, *, reason: str, cause: str = "operator") -> ServiceChange:
    """Put a worker in `service` (Service.ACTIVE / DRAINING / QUARANTINED), recording why. Quarantine
    requeues the job it holds in the same transaction. Does nothing if the worker is already there."""
    now = timezone.now()
    requeued: list[str] = []
    with transaction.atomic():
        if not GpuWorker.objects.filter(pk=worker_id).exclude(service=service).update(
                service=service, service_reason=reason[:200], service_changed_at=now):
            return ServiceChange(False)
        if service == Service.QUARANTINED:
            held = Job.objects.filter(worker_id=worker_id, state__in=[JobState.DISPATCHED, JobState.RUNNING])
            for job_id, state, token in held.values_list("id", "state", "lease_token"):
                if lifecycle.requeue(job_id, expect=[state], lease_token=token, blameless=True,
                                     reason=f"worker quarantined: {reason}"[:200],
                                     detail={"worker_id": worker_id}) is not None:
                    requeued.append(job_id)
        after_commit(metrics.inc, "kinema_worker_service_changes", service=service, cause=cause)
        transaction.on_commit(signals.ring_dispatcher)  # a returned worker is free capacity
    name = GpuWorker.objects.filter(pk=worker_id).values_list("name", flat=True).first()
    log.warning("GPU worker %s is now %s (%s: %s)%s", name, service, cause, reason,
                f"; requeued {', '.join(requeued)}" if requeued else "",
                extra={"worker": name, "service": service, "cause": cause})
    return ServiceChange(True, tuple(requeued))


def drain(worker_id: int, *, reason: str) -> ServiceChange:
    return change_service(worker_id, Service.DRAINING, reason=reason)


def quarantine(worker_id: int, *, reason: str, cause: str = "operator") -> ServiceChange:
    return change_service(worker_id, Service.QUARANTINED, reason=reason, cause=cause)


def return_to_service(worker_id: int, *, reason: str) -> ServiceChange:
    return change_service(worker_id, Service.ACTIVE, reason=reason)


def mark_stopped(worker_id: int) -> bool:
    """For a worker whose host is gone: it leaves the fleet (the page, the heartbeat gauge and alert).
    Its job's lease lapses and the job resumes elsewhere; a process that comes back re-registers."""
    return GpuWorker.objects.filter(pk=worker_id, stopped_at__isnull=True).update(stopped_at=timezone.now()) == 1


def quarantine_unstable(now: datetime | None = None) -> list[str]:
    """Quarantine every active worker with KINEMA_WORKER_FAILURE_LIMIT failed runs within
    KINEMA_WORKER_FAILURE_WINDOW_S (counting only failures since it was last returned to service), the
    worst first; but never the last worker in service: that would stop all generation, a decision for
    the on-call engineer (logged as an error instead). Run by the dispatcher leader's reconciler."""
    limit = settings.KINEMA_WORKER_FAILURE_LIMIT
    if limit <= 0:
        return []
    now = now or timezone.now()
    window = settings.KINEMA_WORKER_FAILURE_WINDOW_S
    in_service = {w.pk: w for w in GpuWorker.objects.filter(service=Service.ACTIVE, stopped_at__isnull=True)}
    stats = recent_stats(now - timedelta(seconds=window))
    offenders = []
    for worker_id, worker in in_service.items():
        since = worker.service_changed_at
        failures = [at for at in stats.get(worker_id, WorkerStats()).failures if since is None or at > since]
        if len(failures) >= limit:
            offenders.append((len(failures), worker))
    quarantined = []
    for count, worker in sorted(offenders, key=lambda o: (-o[0], o[1].name)):
        if len(in_service) <= 1:
            log.error("GPU worker %s failed %s runs in %s s but is the last worker in service: not quarantined",
                      worker.name, count, window, extra={"worker": worker.name})
            break
        if quarantine(worker.pk, reason=f"automatic: {count} failed runs in {window} s", cause="automatic").changed:
            quarantined.append(worker.name)
        in_service.pop(worker.pk)
    return quarantined
