"""The metrics store (ground floor): Prometheus metrics shared by every process (web, dispatcher, CPU and GPU workers).

Events are counted where they happen (a claim, a publish, a safety verdict, a webhook attempt, a
denoising step) into Redis hashes, so any number of processes add to the same series and `/metrics`
on any web process exposes them all. At scrape time `KinemaCollector` reads those hashes and adds
the gauges of the sources it was given (jobs/metrics.py: queue depth per tier, credits held, fleet
state from the database; messages waiting, delayed and dead-lettered per Dramatiq queue). A Redis wipe is a counter
reset, which Prometheus' rate() handles.

Every write has the Redis budget and goes through the "redis" circuit breaker (webapp/resilience.py):
while Redis hangs or is down, samples are dropped at once and counted per process
(`kinema_metrics_dropped_total`, written with the other degradation counts once Redis is back), and
each breaker's state in the serving process is a gauge (`kinema_breaker_state`).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from dramatiq.middleware import Middleware
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.registry import Collector

from webapp import resilience

GaugeSource = Callable[[], Iterable[Any]]

log = logging.getLogger(__name__)

PREFIX = "kinema:metrics"
SERIES = f"{PREFIX}:series"
LATENCY_BUCKETS = (1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600)
STEP_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30)

COUNTERS: dict[str, str] = {
    "kinema_jobs_submitted": "Jobs accepted by the API, per tier.",
    "kinema_jobs_finished": "Jobs that reached a terminal state, per tier and state.",
    "kinema_preemptions": "Running jobs that yielded their GPU to a higher tier, per tier.",
    "kinema_retries": "Jobs put back in the queue after a lost lease, unclaimed dispatch or transient error.",
    "kinema_nan_failures": "Generations stopped because the latents became NaN/inf, per model.",
    "kinema_safety_verdicts": "Safety decisions per stage, verdict and category.",
    "kinema_video_reports": "Videos reported by users, per reason.",
    "kinema_takedowns": "Published videos taken down, per source (review, kill_switch) and category.",
    "kinema_rescreened_clips": "Published clips re-screened after a policy change.",
    "kinema_credits_held": "Credits held at submission, per tier.",
    "kinema_credits_charged": "Credits captured for delivered videos, per tier.",
    "kinema_webhook_deliveries": "Webhook delivery attempts per outcome (ok, http_error, network_error, refused).",
    "kinema_gpu_busy_seconds": "Seconds a GPU worker spent running jobs (rate() = busy fraction).",
    "kinema_gpu_steps": "Denoising steps run, per GPU worker.",
    "kinema_gpu_seconds": "GPU time spent on jobs (claim to end of each run, all attempts), per tier and model.",
    "kinema_worker_service_changes": "GPU workers taken out of or returned to service (drain, quarantine, "
                                     "return), per new service state and cause (operator, automatic).",
    "dramatiq_messages": "Messages processed by Dramatiq workers, per queue, actor and outcome "
                         "(ok, error: retried or dead-lettered, skipped).",
    "kinema_breaker_opens": "Times a process' circuit breaker opened (its dependency failed or ran past its "
                            "budget), per breaker.",
    "kinema_ratelimit_fail_open": "Requests let through without a rate-limit check because Redis was unavailable.",
    "kinema_metrics_dropped": "Metric samples dropped because Redis was unavailable, per metric.",
    "kinema_outbox_deferred": "Queue messages left to the reconciler because Redis was unavailable after commit.",
    "kinema_video_cache_reads": "Status and list reads that looked in the web process' answer cache, per kind "
                                "(status, list) and outcome: hit, miss (read from PostgreSQL), and of the misses "
                                "stored, raced (a change arrived meanwhile) or too_large; a miss showing a queued "
                                "job is not stored. Written by each process every 15 s.",
    "kinema_outbox_mark_failures": "Batched outbox marks that failed (a pass's UPDATE) or were dropped (backlog "
                                   "full), per outcome; the reconciler sends their messages again.",
}
HISTOGRAMS: dict[str, tuple[str, tuple[float, ...]]] = {
    "kinema_queue_wait_seconds": ("Time from entering the queue to a GPU claiming the job, per tier.",
                                  LATENCY_BUCKETS),
    "kinema_end_to_end_seconds": ("Submission to published video, per tier and clip length.", LATENCY_BUCKETS),
    "kinema_step_seconds": ("Wall time of one denoising step, per GPU class.", STEP_BUCKETS),
    "dramatiq_message_duration_seconds": ("Time Dramatiq actors spent on a message, per actor.",
                                          (0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300)),
}


def _redis() -> Any:
    return resilience.bounded_redis()


def _key(name: str, labels: dict[str, str]) -> str:
    return f"{PREFIX}:{name}:{json.dumps(labels, sort_keys=True, separators=(',', ':'))}"


def inc(name: str, amount: float = 1, **labels: Any) -> None:
    """Never raises: metrics must not break the work they describe."""
    _write(name, lambda pipe, key: pipe.hincrbyfloat(key, "value", amount), labels)


def observe(name: str, value: float, **labels: Any) -> None:
    def add(pipe: Any, key: str) -> None:
        pipe.hincrbyfloat(key, "sum", value)
        pipe.hincrby(key, "count", 1)
        for bound in HISTOGRAMS[name][1]:
            if value <= bound:
                pipe.hincrby(key, f"le:{bound}", 1)

    _write(name, add, labels)


def _write(name: str, add: Any, labels: dict[str, Any]) -> None:
    """One pipeline: this sample plus the degradation counts waiting in this process. If Redis is
    away the sample is dropped (counted) and the waiting counts are kept for the next write."""
    waiting = resilience.drain_counts()
    try:
        pipe = _redis().pipeline(transaction=False)
        for count_name, count_labels, amount in waiting:
            count_key = _key(count_name, count_labels)
            pipe.sadd(SERIES, count_key)
            pipe.hincrbyfloat(count_key, "value", amount)
        if name:
            key = _key(name, {k: str(v) for k, v in labels.items()})
            pipe.sadd(SERIES, key)
            add(pipe, key)
        pipe.execute()
    except Exception:
        resilience.restore_counts(waiting)
        if name:
            resilience.count("kinema_metrics_dropped", metric=name)
        log.debug("metric %s not recorded", name, exc_info=True)


def flush_degradation_counts() -> None:
    """Write the degradation counts waiting in this process (called at scrape time)."""
    _write("", None, {})


class DramatiqMetrics(Middleware):
    """Dramatiq's own metrics, into the shared store: every message's outcome and duration per
    actor, from every worker process (so they appear in /metrics with the rest)."""

    def __init__(self) -> None:
        self._started: dict[str, float] = {}

    def before_process_message(self, broker: Any, message: Any) -> None:
        self._started[message.message_id] = time.monotonic()

    def after_process_message(self, broker: Any, message: Any, *, result: Any = None,
                              exception: BaseException | None = None) -> None:
        started = self._started.pop(message.message_id, None)
        outcome = "ok" if exception is None else "error"
        inc("dramatiq_messages", queue=message.queue_name, actor=message.actor_name, outcome=outcome)
        if started is not None:
            observe("dramatiq_message_duration_seconds", time.monotonic() - started, actor=message.actor_name)

    def after_skip_message(self, broker: Any, message: Any) -> None:
        self._started.pop(message.message_id, None)
        inc("dramatiq_messages", queue=message.queue_name, actor=message.actor_name, outcome="skipped")


def after_commit(fn: Any, *args: Any, **kwargs: Any) -> None:
    """Record once the surrounding transaction commits (a rolled-back change counts nothing)."""
    from django.db import transaction

    transaction.on_commit(lambda: fn(*args, **kwargs))


class KinemaCollector(Collector):
    """Everything /metrics exposes: this process' breakers, the shared store, then each gauge source.

    Parameters:
      sources(list[tuple[str, GaugeSource]]): named callables yielding metric families computed at
        scrape time (the apps' own gauges); one that raises is logged as "<name> metrics unavailable"
        and skipped, so a database or broker outage never empties the scrape.
    """

    def __init__(self, sources: list[tuple[str, GaugeSource]] | None = None) -> None:
        self.sources = list(sources or [])

    def describe(self) -> list[Any]:
        return []  # series are dynamic; an empty description keeps registration from querying anything

    def collect(self) -> Iterator[Any]:
        flush_degradation_counts()
        yield from self._from_breakers()
        yield from self._from_redis()
        for name, source in self.sources:
            try:
                yield from source()
            except Exception:
                log.warning("%s metrics unavailable", name, exc_info=True)

    def _from_breakers(self) -> Iterable[Any]:
        """This process' breakers (each process finds out for itself; web processes serve /metrics)."""
        state = GaugeMetricFamily("kinema_breaker_state", "Circuit breaker state in the process serving /metrics: "
                                  "0 closed, 1 half-open (probing), 2 open (dependency skipped).", labels=["breaker"])
        names = {resilience.REDIS, resilience.STORAGE}
        current = {b.name: b.state for b in resilience.all_breakers()}
        for name in sorted(names | set(current)):
            state.add_metric([name], resilience.STATE_VALUES[current.get(name, resilience.CLOSED)])
        yield state

    def _from_redis(self) -> Iterable[Any]:
        try:
            redis = _redis()
            keys = sorted(k.decode() if isinstance(k, bytes) else k for k in redis.smembers(SERIES))
            pipe = redis.pipeline(transaction=False)
            for key in keys:
                pipe.hgetall(key)
            values = pipe.execute()
        except Exception:
            log.warning("metrics store unavailable", exc_info=True)
            keys, values = [], []
        families: dict[str, Any] = dict.fromkeys(COUNTERS)
        for key, raw in zip(keys, values, strict=True):
            _, _, name, labels_json = key.split(":", 3)
            labels = json.loads(labels_json)
            data = {(k.decode() if isinstance(k, bytes) else k): float(v) for k, v in raw.items()}
            if name in COUNTERS:
                family = families.get(name) or CounterMetricFamily(name, COUNTERS[name], labels=sorted(labels))
                family.add_metric([labels[k] for k in sorted(labels)], data.get("value", 0.0))
                families[name] = family
            elif name in HISTOGRAMS:
                family = families.get(name) or HistogramMetricFamily(name, HISTOGRAMS[name][0],
                                                                     labels=sorted(labels))
                buckets = [(str(b), data.get(f"le:{b}", 0.0)) for b in HISTOGRAMS[name][1]]
                buckets.append(("+Inf", data.get("count", 0.0)))
                family.add_metric([labels[k] for k in sorted(labels)], buckets, data.get("sum", 0.0))
                families[name] = family
        for name, family in families.items():
            if family is None and name in COUNTERS:
                family = CounterMetricFamily(name, COUNTERS[name])  # declared even before the first event
            if family is not None:
                yield family
