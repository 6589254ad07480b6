"""Gauges about jobs, computed at scrape time (the metrics store itself is webapp/metrics.py).

`job_gauges` reads the database (queue depth per tier, jobs per state, credits held, the GPU fleet,
stuck jobs); `queue_gauges` reads the Dramatiq broker's queues (the CPU queues and every live GPU
worker's). webapp/health.py hands both to the store's `KinemaCollector`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.db.models import Count, F, Sum
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily

from accounts.models import Tier
from jobs.models import ACTIVE_STATES, WAITING_STATES, GpuWorker, Job, JobState
from webapp.broker import CPU_QUEUES, broker
from webapp.resilience import bounded_redis


def waiting_per_tier() -> dict[str, int]:
    """Queue depth: jobs waiting for a GPU (submitted, queued, dispatched) per tier, for the gauge and
    the reconciler's samples alike."""
    return dict(Job.objects.filter(state__in=WAITING_STATES).values_list("tier").annotate(n=Count("pk"))
                .values_list("tier", "n"))


def job_gauges() -> Iterable[Any]:
    depth = GaugeMetricFamily("kinema_queue_depth", "Jobs waiting for a GPU (submitted, queued, dispatched), "
                              "per tier.", labels=["tier"])
    waiting = waiting_per_tier()
    for tier in Tier.objects.values_list("name", flat=True):
        depth.add_metric([tier], waiting.get(tier, 0))
    yield depth
    active = GaugeMetricFamily("kinema_jobs_active", "Jobs in each non-terminal state.", labels=["state"])
    counts = dict(Job.objects.filter(state__in=ACTIVE_STATES).values_list("state").annotate(n=Count("pk"))
                  .values_list("state", "n"))
    for state in sorted(ACTIVE_STATES):
        active.add_metric([state], counts.get(state, 0))
    yield active
    held = Job.objects.filter(state__in=ACTIVE_STATES).aggregate(
        n=Sum(F("credits_held") - F("credits_charged")))["n"] or 0
    yield GaugeMetricFamily("kinema_credits_outstanding", "Credits held by unfinished jobs right now.",
                            value=held)
    now = timezone.now()
    heartbeat = GaugeMetricFamily("kinema_gpu_worker_heartbeat_age_seconds",
                                  "Seconds since each registered GPU worker's last heartbeat.",
                                  labels=["worker", "gpu_class"])
    running = GaugeMetricFamily("kinema_gpu_worker_running_jobs", "Jobs each GPU worker is running.",
                                labels=["worker", "gpu_class"])
    service = GaugeMetricFamily("kinema_gpu_worker_service", "1 for each registered GPU worker's service state "
                                "(active, draining, quarantined: jobs/fleet.py).",
                                labels=["worker", "gpu_class", "service"])
    per_worker = dict(Job.objects.filter(state=JobState.RUNNING, worker__isnull=False)
                      .values_list("worker_id").annotate(n=Count("pk")).values_list("worker_id", "n"))
    for worker in GpuWorker.objects.filter(stopped_at__isnull=True):
        labels = [worker.name, worker.gpu_class]
        heartbeat.add_metric(labels, (now - worker.last_heartbeat).total_seconds())
        running.add_metric(labels, per_worker.get(worker.pk, 0))
        service.add_metric([*labels, worker.service], 1)
    yield heartbeat
    yield running
    yield service
    stuck = GaugeMetricFamily("kinema_jobs_stuck", "Non-terminal jobs not updated for 15 minutes.")
    stuck.add_metric([], Job.objects.filter(state__in=ACTIVE_STATES,
                                            updated_at__lt=now - timedelta(minutes=15)).count())
    yield stuck


def queue_gauges() -> Iterable[Any]:
    queues = [*CPU_QUEUES, *GpuWorker.objects.filter(stopped_at__isnull=True).values_list("queue_name", flat=True)]
    redis = bounded_redis()
    namespace = getattr(broker, "namespace", "dramatiq")
    ready = GaugeMetricFamily("dramatiq_queue_messages", "Messages waiting in each Dramatiq queue.",
                              labels=["queue"])
    delayed = GaugeMetricFamily("dramatiq_queue_delayed_messages", "Delayed messages per Dramatiq queue.",
                                labels=["queue"])
    dead = GaugeMetricFamily("dramatiq_queue_dead_letters", "Dead-lettered messages per Dramatiq queue.",
                             labels=["queue"])
    for queue in queues:
        ready.add_metric([queue], redis.llen(f"{namespace}:{queue}"))
        delayed.add_metric([queue], redis.llen(f"{namespace}:{queue}.DQ"))
        dead.add_metric([queue], redis.zcard(f"{namespace}:{queue}.XQ"))
    yield ready
    yield delayed
    yield dead
