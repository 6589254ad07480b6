"""Admin views of webhook endpoints and their delivery attempts (support staff see what a client's
endpoint answered, each attempt's outcome, and when the next retry is due), of jobs (look-up, story,
cancel, requeue, refund) and of the GPU fleet (drain, quarantine, return to service)."""

from __future__ import annotations

from contextvars import ContextVar
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import quote
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from accounts.credits import refund_job
from accounts.models import LedgerEntry
from jobs import fleet, lifecycle
from jobs.fleet import WorkerStats
from jobs.models import (
    Artifact,
    GpuWorker,
    Job,
    JobEvent,
    JobState,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AttemptInline(ReadOnlyInline):
    model = WebhookAttempt
    # The outcome tells operators what users are not shown (deadline vs refused vs reset connections).
    fields = ["at", "outcome", "status_code", "error", "duration_ms"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["pk", "endpoint", "event_type", "status", "attempts", "last_status_code", "next_attempt_at",
                    "created_at"]
    list_filter = ["status"]
    search_fields = ["endpoint__url", "event__id", "endpoint__user__username"]
    readonly_fields = ["event", "endpoint", "status", "attempts", "next_attempt_at", "last_status_code",
                       "last_error", "created_at", "delivered_at"]
    inlines = [AttemptInline]
    list_select_related = ["endpoint", "event"]

    @admin.display(description="event")
    def event_type(self, obj: WebhookDelivery) -> str:
        return obj.event.type

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class DeliveryInline(ReadOnlyInline):
    model = WebhookDelivery
    fields = ["event", "status", "attempts", "last_status_code", "last_error", "next_attempt_at"]
    show_change_link = True
    ordering = ["-created_at"]


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    list_display = ["id", "user", "url", "enabled", "created_at"]
    list_filter = ["enabled"]
    search_fields = ["url", "user__username"]
    readonly_fields = ["id", "user", "created_at", "updated_at"]
    exclude = ["secret"]
    inlines = [DeliveryInline]


# --- Jobs and the GPU fleet (operators) ----------------------------------------------------------

ACTION_REASON_TEMPLATE = "admin/jobs/action_reason.html"


def _reason_or_form(admin_view: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Any], *, title: str,
                    explanation: str) -> tuple[str | None, TemplateResponse | None]:
    """An operator action asks why first: the intermediate page, then (posted back with `apply`) the
    reason, which goes into the job's or worker's record with the operator's name."""
    reason = " ".join(str(request.POST.get("reason", "")).split())
    if "apply" in request.POST and reason:
        return reason, None
    context = {**admin_view.admin_site.each_context(request), "title": title, "explanation": explanation,
               "objects": list(queryset[:200]), "action": request.POST.get("action", ""),
               "opts": admin_view.model._meta, "missing_reason": "apply" in request.POST,
               "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME}
    return None, TemplateResponse(request, ACTION_REASON_TEMPLATE, context)


def _who(request: HttpRequest) -> str:
    return f"operator {request.user.get_username()}"


class JobEventInline(ReadOnlyInline):
    model = JobEvent
    fields = ["at", "attempt", "from_state", "to_state", "reason", "detail"]
    ordering = ["id"]
    verbose_name_plural = "event log"


class ArtifactInline(ReadOnlyInline):
    model = Artifact
    fields = ["kind", "key", "content_type", "size_bytes", "created_at", "deleted_at"]


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Look a job up (by id, user, state, model, day) and see its story: events, attempts, credits and
    artifacts. Cancel, requeue and refund are actions; state changes go through jobs/lifecycle.py and
    money through accounts/credits.py, and each is recorded with who did it and why."""

    list_display = ["id", "user", "tier", "state", "model", "seconds", "created_at", "attempt", "gpu_time",
                    "credits_charged"]
    list_filter = ["state", "tier", "model", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["=id", "user__username", "=state", "model"]
    date_hierarchy = "created_at"
    list_select_related = ["user"]
    show_full_result_count = False  # a count(*) over every job on each page is not worth it
    inlines = [JobEventInline, ArtifactInline]
    actions = ["cancel_jobs", "requeue_jobs", "refund_jobs"]
    fieldsets = [
        (None, {"fields": ["id", "user", "tier", "state", "error_code", "error_message", "notices"]}),
        ("Request", {"fields": ["prompt", "negative_prompt", "model", "seconds", "size", "width", "height",
                                "num_frames", "fps", "steps", "guidance_scale", "seed", "style", "conditioning",
                                "remixed_from", "webhook_url"]}),
        ("Attempts", {"fields": ["attempt", "max_attempts", "preemptions", "worker", "step", "checkpoint_step",
                                 "attempts_table"]}),
        ("Credits and cost", {"fields": ["credits_held", "credits_charged", "ledger_table", "est_gpu_seconds",
                                         "gpu_seconds", "wasted_gpu_seconds"]}),
        ("Times", {"fields": ["created_at", "queued_at", "dispatched_at", "started_at", "frames_done_at",
                              "finished_at", "expires_at", "deleted_at", "prompt_redacted_at"]}),
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # Nothing is edited in a form: `state` has one writer (jobs/lifecycle.py), money another.
        return [str(f) for fieldset in self.fieldsets for f in fieldset[1]["fields"]]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="GPU time", ordering="gpu_seconds")
    def gpu_time(self, job: Job) -> str:
        return f"{job.gpu_seconds:.1f} s" + (f" ({job.wasted_gpu_seconds:.1f} wasted)" if job.wasted_gpu_seconds
                                              else "")

    @admin.display(description="attempts")
    def attempts_table(self, job: Job) -> str:
        """One row per run: the worker it was dispatched to, where it started, how it ended, GPU time."""
        runs: dict[int, dict[str, Any]] = {}
        for event in job.events.order_by("id"):
            if not event.attempt:
                continue
            run = runs.setdefault(event.attempt, {"worker": "", "started": "", "ended": "", "gpu": ""})
            if event.reason == "dispatched":
                run["worker"] = event.detail.get("worker_id", "")
                run["at"] = event.at
            elif event.reason in (lifecycle.RESUMED_FROM_CHECKPOINT, lifecycle.STARTED_FROM_ZERO):
                run["started"] = f"step {event.detail.get('step', 0)}"
            elif event.reason == lifecycle.GPU_TIME_RECORDED:
                run["gpu"] = f"{event.detail.get('seconds', 0)} s ({event.detail.get('wasted_seconds', 0)} wasted)"
            elif event.from_state != event.to_state and event.to_state != JobState.RUNNING:
                run["ended"] = f"{event.to_state}: {event.reason}"
        names = dict(GpuWorker.objects.filter(pk__in=[r["worker"] for r in runs.values() if r["worker"]])
                     .values_list("pk", "name"))
        if not runs:
            return "-"
        return format_html("<table><tr><th>attempt</th><th>dispatched</th><th>worker</th><th>started</th>"
                           "<th>then</th><th>GPU time</th></tr>{}</table>", format_html_join(
                               "", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                               ((n, r.get("at", ""), names.get(r["worker"], r["worker"]), r["started"], r["ended"],
                                 r["gpu"]) for n, r in sorted(runs.items()))))

    @admin.display(description="ledger")
    def ledger_table(self, job: Job) -> str:
        rows = LedgerEntry.objects.filter(job_id=job.id).order_by("id")
        if not rows:
            return "-"
        return format_html("<table><tr><th>at</th><th>kind</th><th>amount</th><th>lot</th><th>note</th></tr>{}"
                           "</table>", format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                                                        "<td>{}</td></tr>",
                                                        ((e.created_at, e.kind, e.amount, e.lot_id, e.note)
                                                         for e in rows)))

    def _done(self, request: HttpRequest, verb: str, changed: list[Job], skipped: list[Job], why: str,
              skip_reason: str = "nothing to do in its state") -> None:
        for job in changed:
            self.log_change(request, job, f"{verb}: {why}")
        if changed:
            self.message_user(request, f"{verb}: {', '.join(j.id for j in changed)}", messages.SUCCESS)
        if skipped:
            self.message_user(request, f"Not {verb} ({skip_reason}): "
                                       f"{', '.join(f'{j.id} ({j.state})' for j in skipped)}", messages.WARNING)

    @admin.action(description="Cancel the selected jobs (credits held are released)",
                  permissions=["change"])
    def cancel_jobs(self, request: HttpRequest, queryset: QuerySet[Job]) -> TemplateResponse | None:
        why, form = _reason_or_form(self, request, queryset, title="Cancel jobs",
                                    explanation="The jobs stop at their next step; their holds are released.")
        if why is None:
            return form
        changed: list[Job] = []
        skipped: list[Job] = []
        for job in queryset:
            was_active = not job.is_terminal
            ok = was_active and lifecycle.cancel(job.id, reason=f"cancelled by {_who(request)}: {why}"[:200])
            (changed if ok else skipped).append(job)
        self._done(request, "cancelled", changed, skipped, why)
        return None

    @admin.action(description="Requeue the selected jobs (take them from their worker; no attempt used)",
                  permissions=["change"])
    def requeue_jobs(self, request: HttpRequest, queryset: QuerySet[Job]) -> TemplateResponse | None:
        why, form = _reason_or_form(self, request, queryset, title="Requeue jobs",
                                    explanation="Dispatched or running jobs go back to the queue and resume "
                                                "from their last checkpoint on another run.")
        if why is None:
            return form
        changed: list[Job] = []
        skipped: list[Job] = []
        for job in queryset:
            new = lifecycle.requeue(job.id, expect=[JobState.DISPATCHED, JobState.RUNNING], blameless=True,
                                    reason=f"requeued by {_who(request)}: {why}"[:200],
                                    detail={"worker_id": job.worker_id, "step": job.step})
            (changed if new == JobState.QUEUED else skipped).append(job)
        self._done(request, "requeued", changed, skipped, why)
        return None

    @admin.action(description="Refund the selected jobs (what they were charged, as a new credit lot)",
                  permissions=["change"])
    def refund_jobs(self, request: HttpRequest, queryset: QuerySet[Job]) -> TemplateResponse | None:
        why, form = _reason_or_form(self, request, queryset, title="Refund jobs",
                                    explanation="Each job's charge comes back as a refund lot; a job is "
                                                "refunded once, a second refund does nothing.")
        if why is None:
            return form
        changed: list[Job] = []
        skipped: list[Job] = []
        for job in queryset:
            with transaction.atomic():
                lot = refund_job(job.user_id, job.id, by=_who(request), why=why)
                if lot is not None:
                    lifecycle.record_event(job.id, "refunded", {"by": request.user.get_username(), "why": why,
                                                                "credits": lot.amount, "lot_id": lot.pk})
            (changed if lot is not None else skipped).append(job)
        self._done(request, "refunded", changed, skipped, why,
                   skip_reason="nothing to refund: already refunded, or nothing was charged")
        return None


_worker_stats: ContextVar[dict[int, WorkerStats] | None] = ContextVar("worker_stats", default=None)


@admin.register(GpuWorker)
class GpuWorkerAdmin(admin.ModelAdmin):
    """The GPU fleet: each worker's state, heartbeat, current job and recent failure and NaN rates
    (over KINEMA_WORKER_FAILURE_WINDOW_S). Drain, quarantine, return to service and mark stopped are
    actions (jobs/fleet.py); the service fields are not edited by hand, so a quarantine always
    requeues the worker's job."""

    list_display = ["name", "gpu_class", "model", "service", "status", "heartbeat_age", "current_job",
                    "recent_runs", "failure_rate", "nan_rate", "service_reason", "service_changed_at"]
    list_filter = ["service", "gpu_class", "model"]
    search_fields = ["name", "host", "gpu_class"]
    actions = ["drain_workers", "quarantine_workers", "return_workers", "mark_workers_stopped"]
    readonly_fields = ["name", "queue_name", "gpu_class", "memory_mb", "model", "slots", "pid", "host", "started_at",
                       "last_heartbeat", "stopped_at", "service", "service_reason", "service_changed_at", "status",
                       "heartbeat_age", "current_job", "recent_runs", "failure_rate", "nan_rate"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        token = _worker_stats.set(self._stats())  # one query for the page, not one per row
        try:
            response = super().changelist_view(request, extra_context)
            if hasattr(response, "render"):
                response.render()
            return response
        finally:
            _worker_stats.reset(token)

    @staticmethod
    def _stats() -> dict[int, WorkerStats]:
        return fleet.recent_stats(timezone.now() - timedelta(seconds=settings.KINEMA_WORKER_FAILURE_WINDOW_S))

    def _of(self, worker: GpuWorker) -> WorkerStats:
        stats = _worker_stats.get()
        if stats is None:
            stats = self._stats()
        return stats.get(worker.pk, WorkerStats())

    @admin.display(description="state")
    def status(self, worker: GpuWorker) -> str:
        if worker.stopped_at is not None:
            return "stopped"
        age = (timezone.now() - worker.last_heartbeat).total_seconds()
        if age > settings.KINEMA_LEASE_S:
            return "no heartbeat"
        busy = Job.objects.filter(worker=worker, state__in=[JobState.DISPATCHED, JobState.RUNNING]).exists()
        return "busy" if busy else "idle"

    @admin.display(description="heartbeat", ordering="last_heartbeat")
    def heartbeat_age(self, worker: GpuWorker) -> str:
        return f"{(timezone.now() - worker.last_heartbeat).total_seconds():.0f} s ago"

    @admin.display(description="current job")
    def current_job(self, worker: GpuWorker) -> str:
        """Every job the worker holds (a worker has several slots, and a batch runs several at once)."""
        jobs = (Job.objects.filter(worker=worker, state__in=[JobState.DISPATCHED, JobState.RUNNING])
                .only("id", "state", "step", "steps").order_by("dispatched_at"))
        links = [format_html('<a href="{}">{}</a> ({}, step {}/{})',
                             reverse("admin:jobs_job_change", args=[quote(job.pk)]),  # as the admin quotes its ids
                             job.id, job.state, job.step, job.steps) for job in jobs]
        return format_html_join(mark_safe("<br>"), "{}", ((link,) for link in links)) if links else "-"

    @admin.display(description="runs")
    def recent_runs(self, worker: GpuWorker) -> int:
        return self._of(worker).runs

    @admin.display(description="failure rate")
    def failure_rate(self, worker: GpuWorker) -> str:
        stats = self._of(worker)
        rate = stats.failure_rate
        return f"{len(stats.failures)} ({rate:.0%})" if rate is not None else str(len(stats.failures))

    @admin.display(description="NaN rate")
    def nan_rate(self, worker: GpuWorker) -> str:
        stats = self._of(worker)
        rate = stats.nan_rate
        return f"{stats.nan} ({rate:.1%})" if rate is not None else str(stats.nan)

    def _apply(self, request: HttpRequest, queryset: QuerySet[GpuWorker], change: Any, verb: str,
               explanation: str) -> TemplateResponse | None:
        why, form = _reason_or_form(self, request, queryset, title=f"{verb.capitalize()} GPU workers",
                                    explanation=explanation)
        if why is None:
            return form
        for worker in queryset:
            result = change(worker.pk, reason=f"{_who(request)}: {why}")
            if result.changed:
                self.log_change(request, worker, f"{verb}: {why}")
                requeued = f"; requeued {', '.join(result.requeued)}" if result.requeued else ""
                self.message_user(request, f"{worker.name}: {verb}{requeued}", messages.SUCCESS)
            else:
                self.message_user(request, f"{worker.name}: already {worker.service}", messages.WARNING)
        return None

    @admin.action(description="Drain: finish the current job, take no more", permissions=["change"])
    def drain_workers(self, request: HttpRequest, queryset: QuerySet[GpuWorker]) -> TemplateResponse | None:
        return self._apply(request, queryset, fleet.drain, "drained",
                           "The workers finish the job they hold and are sent no more work.")

    @admin.action(description="Quarantine: requeue the current job, take no more", permissions=["change"])
    def quarantine_workers(self, request: HttpRequest, queryset: QuerySet[GpuWorker]) -> TemplateResponse | None:
        return self._apply(request, queryset, fleet.quarantine, "quarantined",
                           "The job each worker holds goes back to the queue now (it keeps its attempts and "
                           "resumes from its checkpoint elsewhere); the workers are sent no more work.")

    @admin.action(description="Return to service", permissions=["change"])
    def return_workers(self, request: HttpRequest, queryset: QuerySet[GpuWorker]) -> TemplateResponse | None:
        return self._apply(request, queryset, fleet.return_to_service, "returned to service",
                           "The dispatcher sends the workers work again.")

    @admin.action(description="Mark stopped (the host is gone)", permissions=["change"])
    def mark_workers_stopped(self, request: HttpRequest, queryset: QuerySet[GpuWorker]) -> None:
        for worker in queryset:
            if fleet.mark_stopped(worker.pk):
                self.log_change(request, worker, "marked stopped")
                self.message_user(request, f"{worker.name}: marked stopped", messages.SUCCESS)


# The Character and model catalog admins (jobs/character_admin.py, jobs/catalog_admin.py) register themselves.
from jobs import catalog_admin, character_admin  # noqa: E402,F401
