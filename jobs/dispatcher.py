"""The dispatcher loop: hand queued jobs to free GPU worker slots, reap lost leases.

One instance is active at a time (a PostgreSQL advisory lock held on its own connection); a second
one waits as a hot standby and takes over within a second of the leader's connection dropping.
It wakes on the Redis doorbell (a job was queued, a slot freed) and otherwise polls every second.

The choice of *which* job goes next is the scheduling policy's; for now that is FIFO by queue time.
"""

from __future__ import annotations

import logging
import signal
import time
from dataclasses import dataclass
from datetime import timedelta

import psycopg
import redis
from django.conf import settings
from django.db import close_old_connections
from django.db.models import Count, Q
from django.utils import timezone

from gpu_worker.models import GpuWorker
from jobs import lifecycle
from jobs.models import Job, JobState
from jobs.reconciler import reconcile
from jobs.signals import DOORBELL_KEY, redis_client, send_to_feed

log = logging.getLogger(__name__)

LEADER_LOCK_KEY = 0x4B494E454D41  # "KINEMA"


@dataclass(frozen=True)
class Slot:
    worker_id: int
    queue_name: str
    gpu_class: str


def live_workers() -> list[GpuWorker]:
    cutoff = timezone.now() - timedelta(seconds=settings.KINEMA_LEASE_S)
    return list(GpuWorker.objects.filter(stopped_at__isnull=True, last_heartbeat__gte=cutoff))


def free_slots() -> list[Slot]:
    workers = live_workers()
    busy = dict(
        Job.objects.filter(worker__in=workers, state__in=[JobState.DISPATCHED, JobState.RUNNING])
        .values("worker").annotate(n=Count("id")).values_list("worker", "n")
    )
    slots: list[Slot] = []
    for w in workers:
        slots += [Slot(w.pk, w.queue_name, w.gpu_class)] * max(0, w.slots - busy.get(w.pk, 0))
    return slots


def assign_free_slots() -> int:
    """FIFO: the oldest queued jobs go to the free slots. Returns how many were dispatched."""
    slots = free_slots()
    if not slots:
        return 0
    # Look a little past the free slots: jobs of users at their concurrency cap are skipped.
    ready = Q(not_before__isnull=True) | Q(not_before__lte=timezone.now())
    queued = list(Job.objects.filter(ready, state=JobState.QUEUED).order_by("queued_at", "id")
                  .values_list("id", "user_id", "user__tier__max_concurrent")[: 4 * len(slots) + 50])
    running = dict(Job.objects.filter(state__in=[JobState.DISPATCHED, JobState.RUNNING],
                                      user_id__in={u for _, u, _ in queued})
                   .values("user_id").annotate(n=Count("id")).values_list("user_id", "n"))
    sent = 0
    for job_id, user_id, cap in queued:
        if not slots:
            break
        if running.get(user_id, 0) >= cap:
            continue
        slot = slots.pop()
        d = lifecycle.dispatch(job_id, slot.worker_id, slot.queue_name)
        if d is None:
            slots.append(slot)
            continue  # cancelled meanwhile
        running[user_id] = running.get(user_id, 0) + 1
        sent += 1
    return sent


def reap_expired_leases() -> int:
    """Requeue jobs whose worker stopped renewing (died) or never claimed the dispatch."""
    now = timezone.now()
    expired = list(Job.objects.filter(state__in=[JobState.DISPATCHED, JobState.RUNNING],
                                      lease_expires_at__lt=now).values_list("id", "state", "lease_token"))
    for job_id, state, token in expired:
        reason = "never claimed" if state == JobState.DISPATCHED else "lease expired (worker lost)"
        progress = Job.objects.filter(pk=job_id).values("step", "checkpoint_step", "worker_id").first() or {}
        lifecycle.requeue(job_id, expect=[state], lease_token=token, reason=reason, detail=progress)
    return len(expired)


def update_queue_positions() -> None:
    """1-based FIFO position and a rough ETA for every queued job, in one statement."""
    from django.db import connection

    avg = (Job.objects.filter(state=JobState.SUCCEEDED, started_at__isnull=False,
                              frames_done_at__isnull=False).order_by("-id")[:50]
           .values_list("started_at", "frames_done_at"))
    durations = [(b - a).total_seconds() for a, b in avg]
    per_job = sum(durations) / len(durations) if durations else 30.0
    capacity = max(1, sum(w.slots for w in live_workers()))
    with connection.cursor() as cur:
        cur.execute(
            """
            UPDATE jobs_job AS j SET queue_position = r.pos,
                   eta_at = now() + make_interval(secs => (r.pos - 1) / %s::float * %s + %s)
            FROM (SELECT id, row_number() OVER (ORDER BY queued_at, id) AS pos
                  FROM jobs_job WHERE state = 'queued') AS r
            WHERE j.id = r.id AND j.queue_position IS DISTINCT FROM r.pos
            RETURNING j.id, j.user_id, j.queue_position, extract(epoch FROM j.eta_at)
            """,
            [capacity, per_job, per_job],
        )
        moved = cur.fetchall()
    for job_id, user_id, position, eta in moved:  # only jobs whose position changed
        send_to_feed(user_id, {"kind": "queue", "job_id": job_id, "queue_position": position,
                               "eta_at": int(eta) if eta else None})


class Dispatcher:
    def __init__(self, poll_s: float = 1.0) -> None:
        self.poll_s = poll_s
        self.running = True
        self.lock_conn: psycopg.Connection | None = None
        self.redis = redis_client()
        self.last_reconcile = 0.0

    def stop(self, *_: object) -> None:
        self.running = False

    def try_lead(self) -> bool:
        if self.lock_conn is not None and not self.lock_conn.closed:
            try:
                self.lock_conn.execute("SELECT 1")
                return True
            except psycopg.Error:
                self.lock_conn = None
        db = settings.DATABASES["default"]
        conn = psycopg.connect(host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"],
                               password=db["PASSWORD"] or None, dbname=db["NAME"], autocommit=True)
        got = conn.execute("SELECT pg_try_advisory_lock(%s)", [LEADER_LOCK_KEY]).fetchone()
        if got and got[0]:
            self.lock_conn = conn
            log.info("dispatcher: leading")
            return True
        conn.close()
        return False

    def wait_for_doorbell(self) -> None:
        try:
            self.redis.brpop([DOORBELL_KEY], timeout=self.poll_s)
        except redis.RedisError:
            time.sleep(self.poll_s)

    def tick(self) -> None:
        close_old_connections()
        reap_expired_leases()
        assign_free_slots()
        update_queue_positions()
        if time.monotonic() - self.last_reconcile >= settings.KINEMA_RECONCILE_EVERY_S:
            self.last_reconcile = time.monotonic()
            reconcile()

    def run_forever(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        standby_logged = False
        while self.running:
            try:
                if not self.try_lead():
                    if not standby_logged:
                        log.info("dispatcher: another instance leads; standing by")
                        standby_logged = True
                    time.sleep(self.poll_s)
                    continue
                self.tick()
            except Exception:
                log.exception("dispatcher tick failed; retrying")
                time.sleep(self.poll_s)
                continue
            self.wait_for_doorbell()
        if self.lock_conn is not None:
            self.lock_conn.close()

