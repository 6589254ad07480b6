"""The dispatcher loop: hand queued jobs to free GPU worker slots, reap lost leases.

One instance is active at a time (a PostgreSQL advisory lock held on its own connection); a second
one waits as a hot standby and takes over within a second of the leader's connection dropping.
It wakes on the Redis doorbell (a job was queued, a slot freed) and otherwise polls every second.
The doorbell is only a shortcut: while Redis hangs or is down (its breaker open) the loop just polls,
and while PostgreSQL is unreachable each tick fails fast (connect timeout) and is retried.

The choice of *which* job goes where is the fair scheduling policy's (jobs/scheduling/), fed from the
DB by jobs/scheduling_live.py; this loop only gives it the chance to decide, promptly.
"""

from __future__ import annotations

import logging
import signal
import time

import psycopg
import redis
from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from jobs import lifecycle
from jobs.models import Job, JobState
from jobs.reconciler import reconcile
from jobs.scheduling_live import LiveScheduler
from jobs.signals import DOORBELL_KEY
from webapp.resilience import OPEN, bounded_redis, redis_breaker

log = logging.getLogger(__name__)

LEADER_LOCK_KEY = 0x4B494E454D41  # "KINEMA"


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


class Dispatcher:
    def __init__(self, poll_s: float = 1.0) -> None:
        self.poll_s = poll_s
        self.running = True
        self.lock_conn: psycopg.Connection | None = None
        # BRPOP blocks up to poll_s by design: its socket may wait that much longer than the budget.
        self.redis = bounded_redis(extra_timeout_s=poll_s)
        self.last_reconcile = 0.0
        self.live = LiveScheduler()

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
                               password=db["PASSWORD"] or None, dbname=db["NAME"], autocommit=True,
                               connect_timeout=db.get("OPTIONS", {}).get("connect_timeout", 5))
        got = conn.execute("SELECT pg_try_advisory_lock(%s)", [LEADER_LOCK_KEY]).fetchone()
        if got and got[0]:
            self.lock_conn = conn
            log.info("dispatcher: leading")
            return True
        conn.close()
        return False

    def wait_for_doorbell(self) -> None:
        if redis_breaker().state == OPEN:
            time.sleep(self.poll_s)  # Redis is away: poll
            return
        try:
            if self.redis.brpop([DOORBELL_KEY], timeout=self.poll_s):
                # Coalesce: rings that arrived meanwhile are all answered by the next tick. Under a
                # stream of submissions this is one tick per tick-duration, not one per submission.
                self.redis.delete(DOORBELL_KEY)
        except redis.RedisError:
            time.sleep(self.poll_s)

    def tick(self) -> None:
        close_old_connections()
        reap_expired_leases()
        self.live.assign()
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

