"""The operator's page (staff only): service targets per tier over the last hour and day, the GPU
fleet with each worker's service state, queue depth over time, GPU cost per day, recent failures."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.db import connection
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.models import Tier
from jobs import rollout
from jobs.models import GpuWorker, Job, JobState, QueueSample

UNDELIVERED = [JobState.FAILED, JobState.BLOCKED, JobState.CANCELLED]
COST_DAYS = 7

WINDOWS = {"last hour": timedelta(hours=1), "last day": timedelta(days=1)}
CHART_W, CHART_H = 720, 160
COLOURS = ["#2f6fed", "#e8833a", "#2aa876", "#c0392b", "#8e44ad"]


def latency_percentiles(since: Any) -> dict[str, dict[str, float | None]]:
    """Per tier: p50/p95 queue wait (queued -> claimed, jobs claimed since `since`) and p50/p95
    end-to-end (submitted -> published, jobs published since `since`; all clips and 10 s clips)."""
    sql = """
        SELECT tier,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) FILTER (WHERE wait IS NOT NULL),
               percentile_cont(0.95) WITHIN GROUP (ORDER BY wait) FILTER (WHERE wait IS NOT NULL),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY e2e) FILTER (WHERE e2e IS NOT NULL),
               percentile_cont(0.95) WITHIN GROUP (ORDER BY e2e) FILTER (WHERE e2e IS NOT NULL),
               percentile_cont(0.95) WITHIN GROUP (ORDER BY e2e) FILTER (WHERE e2e IS NOT NULL AND seconds = 10),
               count(*) FILTER (WHERE e2e IS NOT NULL)
        FROM (
            SELECT tier, seconds,
                   CASE WHEN started_at >= %s THEN extract(epoch FROM started_at - coalesce(queued_at, created_at))
                   END AS wait,
                   CASE WHEN state = 'succeeded' AND finished_at >= %s
                        THEN extract(epoch FROM finished_at - created_at) END AS e2e
            FROM jobs_job WHERE (started_at >= %s OR finished_at >= %s)
        ) recent GROUP BY tier"""
    with connection.cursor() as cur:
        cur.execute(sql, [since] * 4)
        rows = cur.fetchall()
    return {tier: {"wait_p50": w50, "wait_p95": w95, "e2e_p50": e50, "e2e_p95": e95, "e2e_p95_10s": e95_10,
                   "published": n} for tier, w50, w95, e50, e95, e95_10, n in rows}


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} s"


def service_targets() -> list[dict[str, Any]]:
    now = timezone.now()
    tiers = list(Tier.objects.order_by("rank"))
    rows = []
    for label, span in WINDOWS.items():
        figures = latency_percentiles(now - span)
        for tier in tiers:
            f = figures.get(tier.name, {})
            e2e = f.get("e2e_p95_10s") if f.get("e2e_p95_10s") is not None else f.get("e2e_p95")
            wait_p50, wait_p95 = f.get("wait_p50"), f.get("wait_p95")
            rows.append({
                "window": label, "tier": tier.display_name, "published": f.get("published", 0),
                "wait_p50": _fmt(wait_p50), "wait_p95": _fmt(wait_p95),
                "wait_p50_ok": wait_p50 is None or wait_p50 < settings.KINEMA_P50_WAIT_TARGET_S,
                "wait_p95_ok": wait_p95 is None or wait_p95 <= tier.wait_target_s,
                "e2e_p50": _fmt(f.get("e2e_p50")), "e2e_p95": _fmt(e2e),
                "e2e_ok": e2e is None or e2e <= tier.e2e_target_s,
                "e2e_10s": f.get("e2e_p95_10s") is not None, "wait_target": tier.wait_target_s,
                "e2e_target": tier.e2e_target_s,
            })
    return rows


def fleet() -> list[dict[str, Any]]:
    now = timezone.now()
    running = {j.worker_id: j for j in Job.objects.filter(state=JobState.RUNNING, worker__isnull=False)}
    rows = []
    for worker in GpuWorker.objects.filter(stopped_at__isnull=True).order_by("name"):
        age = (now - worker.last_heartbeat).total_seconds()
        job = running.get(worker.pk)
        rows.append({"name": worker.name, "gpu_class": worker.gpu_class, "model": worker.model,
                     "busy": job is not None, "job": job, "heartbeat_age": f"{age:.0f} s",
                     "alive": age < 3 * settings.KINEMA_HEARTBEAT_S + 5, "pk": worker.pk,
                     "service": worker.service, "in_service": worker.service == GpuWorker.Service.ACTIVE,
                     "service_reason": worker.service_reason})
    return rows


def gpu_cost(days: int = COST_DAYS) -> list[dict[str, Any]]:
    """GPU-seconds per day (of submission), tier and model, over the last `days` days: all of it, and
    the wasted part split into jobs that ended without a video (cancelled, failed, blocked: all their
    time) and redone work of the others (steps a lost or requeued run computed past its checkpoint)."""
    today = timezone.localdate()
    since = timezone.make_aware(datetime.combine(today - timedelta(days=days - 1), time.min))
    undelivered = Q(state__in=UNDELIVERED)
    rows = (Job.objects.filter(created_at__gte=since, gpu_seconds__gt=0)
            .annotate(day=TruncDate("created_at")).values("day", "tier", "model")
            .annotate(jobs=Count("pk"), gpu=Sum("gpu_seconds"), wasted=Sum("wasted_gpu_seconds"),
                      ended=Sum("wasted_gpu_seconds", filter=undelivered),
                      redone=Sum("wasted_gpu_seconds", filter=~undelivered))
            .order_by("-day", "tier", "model"))
    return [{**r, "gpu": round(r["gpu"] or 0.0, 1), "wasted": round(r["wasted"] or 0.0, 1),
             "ended": round(r["ended"] or 0.0, 1), "redone": round(r["redone"] or 0.0, 1),
             "wasted_share": f"{(r['wasted'] or 0.0) / r['gpu']:.0%}" if r["gpu"] else "-"} for r in rows]


def queue_chart(span: timedelta = timedelta(hours=1)) -> dict[str, Any]:
    now = timezone.now()
    samples = list(QueueSample.objects.filter(at__gte=now - span).order_by("at").values_list("at", "tier", "depth"))
    series: dict[str, list[tuple[float, int]]] = {}
    for at, tier, depth in samples:
        series.setdefault(tier, []).append(((at - (now - span)).total_seconds() / span.total_seconds(), depth))
    peak = max([d for points in series.values() for _, d in points], default=0)
    top = max(1, peak)
    lines = []
    for i, (tier, points) in enumerate(sorted(series.items())):
        coords = " ".join(f"{x * CHART_W:.1f},{CHART_H - d / top * (CHART_H - 10):.1f}" for x, d in points)
        lines.append({"tier": tier, "points": coords, "colour": COLOURS[i % len(COLOURS)], "last": points[-1][1]})
    return {"lines": lines, "peak": peak, "width": CHART_W, "height": CHART_H, "samples": len(samples)}


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def version_rows() -> list[dict[str, Any]]:
    """Each catalog version's figures side by side (jobs/rollout.py), over the last day."""
    rows = []
    for row in rollout.stats_table(timezone.now() - rollout.STATS_WINDOW):
        v, st = row["version"], row["stats"]
        budget = (f"{rollout.gpu_seconds_last_hour(v):.1f} of {v.canary_gpu_seconds_per_hour:.0f} s, "
                  f"share {v.canary_share:.0%}" if v.state == "canary" else "-")
        rows.append({"pk": v.pk, "id": v.public_id, "state": v.state, "reason": v.state_reason,
                     "finished": st.finished, "success": _share(st.success_rate), "failure": _share(st.failure_rate),
                     "nan": _share(st.nan_rate), "p50": _fmt(st.p50_s), "p95": _fmt(st.p95_s),
                     "per_clip": "-" if st.gpu_seconds_per_clip is None else f"{st.gpu_seconds_per_clip:.2f}",
                     "regenerate": _share(st.regenerate_rate), "blocked": _share(st.block_rate), "budget": budget})
    return rows


@staff_member_required
def operator_page(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    failures = (Job.objects.filter(state__in=[JobState.FAILED, JobState.BLOCKED],
                                   finished_at__gte=now - timedelta(days=1))
                .select_related("user").order_by("-finished_at")[:20])
    from safety.models import ReviewCase

    context = {
        "targets": service_targets(), "fleet": fleet(), "chart": queue_chart(), "failures": failures,
        "cost": gpu_cost(), "cost_days": COST_DAYS, "versions": version_rows(),
        "p50_target": settings.KINEMA_P50_WAIT_TARGET_S,
        "open_cases": ReviewCase.objects.filter(status=ReviewCase.Status.OPEN).count(),
        "waiting": Job.objects.filter(state__in=[JobState.SUBMITTED, JobState.QUEUED, JobState.DISPATCHED]).count(),
    }
    return render(request, "ops.html", context)
