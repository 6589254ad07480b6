"""/healthz (the process is alive), /readyz (it can do its work), /metrics (Prometheus).

/healthz and an anonymous /readyz are for load balancers: cheap and terse. /metrics and the details of
/readyz need the scrape token (KINEMA_METRICS_TOKEN) as a bearer token."""

from __future__ import annotations

import secrets
import threading
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

from jobs.metrics import job_gauges, queue_gauges
from jobs.rollout import version_gauges
from webapp.metrics import KinemaCollector
from webapp.resilience import plain_bounded_redis, redis_breaker
from webapp.security import bearer_credential

REGISTRY.register(KinemaCollector(sources=[("database", job_gauges), ("broker", queue_gauges),
                                           ("catalog", version_gauges)]))


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _check_database() -> dict[str, Any]:
    with connection.cursor() as cur:
        cur.execute("SELECT 1")
        cur.fetchone()
    return {}


def _check_redis() -> dict[str, Any]:
    # Its own client, past the breaker (this is a probe), within the request budget: a frozen Redis
    # makes /readyz fail in KINEMA_REDIS_TIMEOUT_S, not hang. `breaker`: this process' view of Redis.
    client = plain_bounded_redis()
    try:
        client.ping()
    finally:
        client.close()
    return {"breaker": redis_breaker().state}


def _storage_round_trip() -> None:
    key = default_storage.save(f"health/{secrets.token_hex(6)}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(key, "rb") as fh:
            if fh.read() != b"ok":
                raise OSError("storage returned different bytes")
    finally:
        default_storage.delete(key)


def _check_storage() -> dict[str, Any]:
    """A write, read and delete within KINEMA_STORAGE_REQUEST_TIMEOUT_S through the storage breaker
    (slow storage fails the check instead of holding /readyz; it also serves as the breaker's probe)."""
    from jobs.artifacts import storage_breaker, storage_call

    storage_call(_storage_round_trip, timeout_s=settings.KINEMA_STORAGE_REQUEST_TIMEOUT_S)
    return {"breaker": storage_breaker().state}


def _check_gpu_workers() -> dict[str, Any]:
    """Informational for a web process: it needs no model, but with no live GPU worker nothing renders."""
    from jobs.models import GpuWorker

    fresh = timezone.now() - timedelta(seconds=3 * settings.KINEMA_HEARTBEAT_S + 5)
    live = list(GpuWorker.objects.filter(stopped_at__isnull=True, last_heartbeat__gte=fresh)
                .values_list("name", "model"))
    return {"live": len(live), "models": sorted({m for _, m in live}), "required": False}


CHECKS = {"database": _check_database, "redis": _check_redis, "storage": _check_storage,
          "gpu_workers": _check_gpu_workers}
INFORMATIONAL = {"gpu_workers"}  # reported, never makes the process unready
# Shared dependencies the process works around (submissions and status reads go on without them, see
# webapp/resilience.py): failing, they make it `degraded`, still 200. Were they to fail readiness, a load
# balancer would take every web process out of rotation at once for an outage they all survive.
DEGRADING = {"redis", "storage"}


def run_checks() -> tuple[bool, dict[str, dict[str, Any]]]:
    """(ready, per-check results): ready unless a check the process cannot work without failed."""
    results: dict[str, dict[str, Any]] = {}
    ready = True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            results[name] = {"ok": True, **check()}
        except Exception as exc:
            results[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
            ready = ready and name in INFORMATIONAL | DEGRADING
        results[name]["ms"] = round(1000 * (time.perf_counter() - started), 1)
    return ready, results


def readiness_status(ready: bool, results: dict[str, dict[str, Any]]) -> str:
    if not ready:
        return "unavailable"
    return "degraded" if any(not results[n]["ok"] for n in DEGRADING if n in results) else "ready"


class ReadinessCache:
    """The last readiness result of this process, shared by anonymous callers for KINEMA_READYZ_CACHE_S.

    A load balancer (or anyone) polling /readyz must not cost a storage write and delete, a Redis
    connection and database queries per call; one thread runs the checks while concurrent callers wait
    for its result instead of running their own."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._result: tuple[bool, dict[str, dict[str, Any]]] | None = None
        self._at = 0.0

    def get(self) -> tuple[bool, dict[str, dict[str, Any]]]:
        ttl = settings.KINEMA_READYZ_CACHE_S
        with self._lock:
            if self._result is None or time.monotonic() - self._at >= ttl:
                self.store(run_checks())
            assert self._result is not None
            return self._result

    def store(self, result: tuple[bool, dict[str, dict[str, Any]]]) -> None:
        self._result, self._at = result, time.monotonic()

    def clear(self) -> None:
        with self._lock:
            self._result = None


readiness = ReadinessCache()


def has_metrics_token(request: HttpRequest) -> bool:
    """Authorization: Bearer <KINEMA_METRICS_TOKEN> (any case of "Bearer"), compared in constant time; never true
    while unset."""
    token = settings.KINEMA_METRICS_TOKEN
    sent = bearer_credential(request.headers.get("Authorization", ""))
    return bool(token) and sent is not None and secrets.compare_digest(sent.encode(), token.encode())


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Anonymous callers get the status (and the names of failing checks) from the cached result; with
    the metrics token the checks run now and every check's detail, errors included, comes back.
    `ready` and `degraded` (Redis or storage failing: the process answers around them) are 200;
    `unavailable` (the database failing) is 503."""
    if has_metrics_token(request):
        ready, results = run_checks()
        readiness.store((ready, results))
        body: dict[str, Any] = {"status": readiness_status(ready, results), "checks": results}
    else:
        ready, results = readiness.get()
        body = {"status": readiness_status(ready, results)}
        if body["status"] != "ready":
            body["failing"] = sorted(n for n, r in results.items() if not r["ok"] and n not in INFORMATIONAL)
    return JsonResponse(body, status=200 if ready else 503)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus exposition for the scraper only: it names workers and tiers and queries the database."""
    if not has_metrics_token(request):
        response = JsonResponse({"error": {
            "message": "/metrics requires the scrape token: send 'Authorization: Bearer <KINEMA_METRICS_TOKEN>'.",
            "type": "invalid_request_error", "param": None, "code": "metrics_token_required"}}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST)
