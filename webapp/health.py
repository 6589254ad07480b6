"""/healthz (the process is alive), /readyz (it can do its work), /metrics (Prometheus)."""

from __future__ import annotations

import secrets
import time
from typing import Any

import redis
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

from jobs.metrics import KinemaCollector

REGISTRY.register(KinemaCollector())


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _check_database() -> dict[str, Any]:
    with connection.cursor() as cur:
        cur.execute("SELECT 1")
        cur.fetchone()
    return {}


def _check_redis() -> dict[str, Any]:
    client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=1, socket_connect_timeout=1)
    try:
        client.ping()
    finally:
        client.close()
    return {}


def _check_storage() -> dict[str, Any]:
    key = default_storage.save(f"health/{secrets.token_hex(6)}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(key, "rb") as fh:
            if fh.read() != b"ok":
                raise OSError("storage returned different bytes")
    finally:
        default_storage.delete(key)
    return {}


def _check_gpu_workers() -> dict[str, Any]:
    """Informational for a web process: it needs no model, but with no live GPU worker nothing renders."""
    from gpu_worker.models import GpuWorker

    fresh = timezone.now() - timezone.timedelta(seconds=3 * settings.KINEMA_HEARTBEAT_S + 5)
    live = list(GpuWorker.objects.filter(stopped_at__isnull=True, last_heartbeat__gte=fresh)
                .values_list("name", "model"))
    return {"live": len(live), "models": sorted({m for _, m in live}), "required": False}


CHECKS = {"database": _check_database, "redis": _check_redis, "storage": _check_storage,
          "gpu_workers": _check_gpu_workers}


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    results: dict[str, Any] = {}
    ready = True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            info = check()
            results[name] = {"ok": True, **info}
        except Exception as exc:
            results[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
            ready = ready and name == "gpu_workers"  # informational only
        results[name]["ms"] = round(1000 * (time.perf_counter() - started), 1)
    return JsonResponse({"status": "ready" if ready else "unavailable", "checks": results},
                        status=200 if ready else 503)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    token = settings.KINEMA_METRICS_TOKEN
    if token and not secrets.compare_digest(request.headers.get("Authorization", ""), f"Bearer {token}"):
        return HttpResponse("metrics require the scrape token\n", status=401, content_type="text/plain")
    return HttpResponse(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST)
