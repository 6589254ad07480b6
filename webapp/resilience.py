"""Budgets for calls to dependencies that may hang: circuit breakers and a bounded Redis client.

A dependency that is down answers at once (connection refused); one that hangs (a Redis under
memory pressure or SIGSTOP, a partition, an overloaded object store) holds the caller for as long
as the caller is willing to wait. So every call on the request path gets a budget, and a
dependency that just failed is skipped for a few seconds instead of being waited on again:

- `CircuitBreaker` counts failures per dependency (one per process); open, it refuses at once,
  after `open_for_s` it lets one probe through (half-open) and closes when the probe succeeds.
- `bounded_redis()` is the Redis client for everything on the request path and in the loops: every
  command answers or fails within KINEMA_REDIS_TIMEOUT_S (redis-py's defaults, 5 s timeouts retried
  three times with backoff, held a caller for 59 s on a frozen server; only a stale connection's
  error is retried, at once), and it consults the
  "redis" breaker, so callers' existing `except redis.RedisError` fallbacks take over at once.
- `CircuitBreaker.call(fn, timeout_s=...)` puts a deadline on a blocking call that has no timeout
  of its own (a storage backend): it runs in a helper thread and the caller stops waiting.

Callers decide the direction of failure (rate limits open, doorbells fall back to polling, metrics
drop samples and count them, downloads answer 503); this module only makes the failure fast.
Plain Python, redis and django.conf only: it is imported by apps, never the other way round.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar, cast

import redis
from django.conf import settings
from redis.backoff import NoBackoff
from redis.retry import Retry

log = logging.getLogger(__name__)

T = TypeVar("T")

CLOSED, HALF_OPEN, OPEN = "closed", "half_open", "open"
# Gauge values of kinema_breaker_state: higher is worse.
STATE_VALUES = {CLOSED: 0, HALF_OPEN: 1, OPEN: 2}


class DependencyUnavailable(ConnectionError):
    """A dependency failed, ran past its budget, or its breaker is open: take the fallback now.

    A ConnectionError (so an OSError): code that already treats those as transient (retry or
    requeue, never fail the job) treats this one the same way.

    Parameters:
      dependency(str): the breaker's name ("redis", "storage").
      reason(str): what happened, for logs and error messages.
    """

    def __init__(self, dependency: str, reason: str) -> None:
        super().__init__(f"{dependency} unavailable: {reason}")
        self.dependency = dependency
        self.reason = reason


class CircuitBreaker:
    """Stop calling a dependency that keeps failing for a while, then let one probe through.

    Closed, every call goes through. After `failures_to_open` consecutive failures it opens: calls
    are refused at once (`allow()` is False) for `open_for_s`. Then it is half-open: exactly one
    caller (the probe) is let through; its success closes the breaker, its failure opens it again.
    State is per process: each process finds out for itself, at the cost of one budget.

    Parameters:
      name(str): the dependency, as it appears in metrics, logs and /readyz ("redis", "storage").
      failures_to_open(int): consecutive failures that open it. 1 by default: a hung call has
        already cost a whole budget, a second one is not worth paying to be sure.
      open_for_s(float | None): how long it stays open before the probe (None: KINEMA_BREAKER_OPEN_S).
      errors(tuple[type[BaseException], ...]): exceptions that count as the dependency failing.
      ignore(tuple[type[BaseException], ...]): subclasses of `errors` that are answers, not outages
        (a missing file is the storage working).
    """

    def __init__(self, name: str, *, failures_to_open: int = 1, open_for_s: float | None = None,
                 errors: tuple[type[BaseException], ...] = (Exception,),
                 ignore: tuple[type[BaseException], ...] = ()) -> None:
        self.name = name
        self.failures_to_open = failures_to_open
        self._open_for_s = open_for_s
        self.errors: tuple[type[BaseException], ...] = errors
        self.ignore: tuple[type[BaseException], ...] = ignore
        self._failures: tuple[type[BaseException], ...] = (*errors, TimeoutError)  # a hang is a failure too
        self._lock = threading.Lock()
        self._state = CLOSED
        self._consecutive_failures = 0
        self._opened_at = 0.0
        self._probe_started_at: float | None = None
        # Totals since the process started, for metrics (the collectors turn them into counters).
        self.opened_total = 0
        self.skipped_total = 0
        self.last_error = ""

    @property
    def open_for_s(self) -> float:
        return self._open_for_s if self._open_for_s is not None else float(settings.KINEMA_BREAKER_OPEN_S)

    @property
    def state(self) -> str:
        with self._lock:
            if self._state == OPEN and time.monotonic() - self._opened_at >= self.open_for_s:
                return HALF_OPEN
            return self._state

    def allow(self) -> bool:
        """May the caller try the dependency now? Open: no. Half-open: only the one probe."""
        now = time.monotonic()
        with self._lock:
            if self._state == CLOSED:
                return True
            if self._state == OPEN and now - self._opened_at < self.open_for_s:
                self.skipped_total += 1
                return False
            # Half-open. A probe that never reported back (its thread died) is forgotten after a period.
            if self._probe_started_at is not None and now - self._probe_started_at < self.open_for_s:
                self.skipped_total += 1
                return False
            self._state = HALF_OPEN
            self._probe_started_at = now
            return True

    def succeeded(self) -> None:
        with self._lock:
            previous = self._state
            self._state = CLOSED
            self._consecutive_failures = 0
            self._probe_started_at = None
        if previous != CLOSED:
            log.warning("%s is answering again: breaker closed", self.name)

    def failed(self, exc: BaseException | str) -> None:
        with self._lock:
            previous = self._state
            self._consecutive_failures += 1
            self.last_error = f"{type(exc).__name__}: {exc}"[:300] if isinstance(exc, BaseException) else exc
            self._probe_started_at = None
            if previous == HALF_OPEN or self._consecutive_failures >= self.failures_to_open:
                self._state = OPEN
                self._opened_at = time.monotonic()
                if previous != OPEN:
                    self.opened_total += 1
        if previous != OPEN and self._state == OPEN:
            # The alarm: one line per opening, not one per skipped call.
            log.error("%s failed (%s): breaker open, skipping it for %.1f s", self.name, self.last_error,
                      self.open_for_s)
            count("kinema_breaker_opens", breaker=self.name)

    def call(self, fn: Callable[..., T], *args: Any, timeout_s: float | None = None, **kwargs: Any) -> T:
        """`fn(*args, **kwargs)` under the breaker, or DependencyUnavailable.

        With `timeout_s`, fn runs in a helper thread and the caller waits at most that long (for
        backends without their own timeouts); a call still hanging there is abandoned, and the
        open breaker keeps new ones from piling up behind it."""
        if not self.allow():
            raise DependencyUnavailable(self.name, f"breaker open after {self.last_error or 'a failure'}")
        try:
            if timeout_s is None:
                result = fn(*args, **kwargs)
            else:
                future = _deadline_pool().submit(fn, *args, **kwargs)
                try:
                    result = future.result(timeout=timeout_s)
                except FutureTimeout:
                    future.cancel()
                    raise TimeoutError(f"no answer within {timeout_s:g} s") from None
        except self.ignore:
            self.succeeded()
            raise
        except self._failures as exc:
            self.failed(exc)
            raise DependencyUnavailable(self.name, f"{type(exc).__name__}: {exc}") from exc
        except BaseException:
            with self._lock:
                self._probe_started_at = None  # not a verdict on the dependency; let the next probe try
            raise
        self.succeeded()
        return result


_pending: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
_pending_lock = threading.Lock()


def count(name: str, amount: float = 1, **labels: Any) -> None:
    """Count a degraded outcome (a request let through unlimited, a metric sample dropped, a breaker
    opening) in this process. The shared metrics store is often the very thing that is away when
    this happens, so counts wait here until jobs/metrics.py can write them (`drain_counts`)."""
    key = (name, tuple(sorted((k, str(v)) for k, v in labels.items())))
    with _pending_lock:
        _pending[key] = _pending.get(key, 0.0) + amount


def drain_counts() -> list[tuple[str, dict[str, str], float]]:
    """Take the waiting counts; hand them back with `restore_counts` if they could not be written."""
    with _pending_lock:
        items = [(name, dict(labels), value) for (name, labels), value in _pending.items()]
        _pending.clear()
    return items


def restore_counts(items: list[tuple[str, dict[str, str], float]]) -> None:
    for name, labels, value in items:
        count(name, value, **labels)


_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _deadline_pool() -> ThreadPoolExecutor:
    """Threads that run calls with a deadline. Few: an open breaker stops new calls to a hung backend."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="deadline")
        return _pool


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker(name: str, **options: Any) -> CircuitBreaker:
    """The process' breaker for `name`, made with `options` on first use."""
    with _breakers_lock:
        if name not in _breakers:
            _breakers[name] = CircuitBreaker(name, **options)
        return _breakers[name]


def all_breakers() -> list[CircuitBreaker]:
    with _breakers_lock:
        return sorted(_breakers.values(), key=lambda b: b.name)


def degraded() -> list[str]:
    """Names of this process' breakers that are not closed (for the Kinema-Degraded header, /readyz)."""
    return [b.name for b in all_breakers() if b.state != CLOSED]


REDIS = "redis"
STORAGE = "storage"


def redis_breaker() -> CircuitBreaker:
    return breaker(REDIS, errors=(redis.RedisError, OSError))


class BreakerOpen(redis.ConnectionError):
    """Raised by BoundedRedis instead of calling Redis while the "redis" breaker is open."""


def _skip(guard: CircuitBreaker) -> BreakerOpen:
    return BreakerOpen(f"redis skipped: breaker open after {guard.last_error}")


def _through_breaker(call: Callable[[], T], on_skip: Callable[[], None] | None = None) -> T:
    """Run one Redis round trip under the "redis" breaker: refused at once while it is open; a
    connection error or timeout opens it; any answer closes it, an error reply included. (A restarted
    Redis answers the rate limiter's EVALSHA with NOSCRIPT; counted as neither, the probe kept its slot
    and the SCRIPT LOAD that follows was refused, so one process stayed open for minutes.)"""
    guard = redis_breaker()
    if not guard.allow():
        if on_skip is not None:
            on_skip()
        raise _skip(guard)
    try:
        result = call()
    except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
        guard.failed(exc)
        raise
    except redis.RedisError:
        guard.succeeded()
        raise
    guard.succeeded()
    return result


class _GuardedPipeline(redis.client.Pipeline):
    """A pipeline whose execute() goes through the client's breaker, like single commands."""

    def execute(self, raise_on_error: bool = True) -> list[Any]:
        return _through_breaker(lambda: super(_GuardedPipeline, self).execute(raise_on_error), on_skip=self.reset)


class BoundedRedis(redis.Redis):
    """redis.Redis whose every command answers within its socket timeout and consults the "redis"
    breaker: while it is open, commands raise redis.ConnectionError at once (no network call), so
    code already written as `try: ... except redis.RedisError: fallback` degrades without waiting.

    Parameters: those of redis.Redis; `bounded_redis()` sets the timeouts and turns retries off.
    """

    def execute_command(self, *args: Any, **options: Any) -> Any:
        return _through_breaker(lambda: super(BoundedRedis, self).execute_command(*args, **options))

    def pipeline(self, transaction: bool = True, shard_hint: Any = None) -> _GuardedPipeline:
        return _GuardedPipeline(self.connection_pool, self.response_callbacks, transaction, shard_hint)


def redis_timeout_s() -> float:
    return float(settings.KINEMA_REDIS_TIMEOUT_S)


def _retry_stale_connections() -> Retry:
    """Retry once, at once, on a connection error only: a pooled connection that died with a restarted
    Redis fails its next command, and the retry on a fresh connection succeeds (without it, every
    stale connection in the pool re-opened the breaker in turn: 24 s to recover after a restart in
    bench/faults.py). Timeouts are never retried: a frozen Redis costs one budget, not two."""
    return Retry(NoBackoff(), 1, supported_errors=(redis.ConnectionError,))


_clients: dict[tuple[str, float], BoundedRedis] = {}
_clients_lock = threading.Lock()


def bounded_redis(extra_timeout_s: float = 0.0) -> BoundedRedis:
    """The shared bounded client (one pool per process and timeout).

    `extra_timeout_s` is for blocking commands (BRPOP with a timeout): the socket waits that much
    longer than the budget, since the server is meant to be silent for that long."""
    key = (settings.REDIS_URL, redis_timeout_s() + extra_timeout_s)
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            timeout = key[1]
            # from_url is a classmethod that builds `cls`; redis' stubs type it as plain Redis.
            client = cast(BoundedRedis, BoundedRedis.from_url(
                key[0], socket_timeout=timeout, socket_connect_timeout=redis_timeout_s(),
                retry=_retry_stale_connections(), health_check_interval=0))
            _clients[key] = client
        return client


def plain_bounded_redis(url: str | None = None) -> redis.Redis:
    """A client with the same budget but no breaker (health checks, the Dramatiq broker's client):
    for callers that must see every failure themselves rather than have it skipped."""
    return redis.Redis.from_url(url or settings.REDIS_URL, socket_timeout=redis_timeout_s(),
                                socket_connect_timeout=redis_timeout_s(), retry=_retry_stale_connections())
