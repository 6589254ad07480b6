"""Server-rendered pages of the studio. They call the same services as the API; errors become
messages on the page, never stack traces."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from jobs.api.errors import APIError, json_404, json_500
from jobs.models import Job
from jobs.profiles import current_profile
from jobs.selectors import PUBLIC_STATUS, get_visible_job, video_object, visible_jobs
from jobs.styles import STYLES
from jobs.submission import parse_remix, parse_submission, submit


def _today_count(request: HttpRequest) -> int:
    start = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    return Job.objects.filter(user=request.user, created_at__gte=start).count()


@login_required
def studio(request: HttpRequest) -> HttpResponse:
    error = None
    form = {"prompt": "", "negative_prompt": "", "seconds": "4", "size": "1280x720", "style": "none", "seed": ""}
    if request.method == "POST":
        form.update({k: request.POST.get(k, "") for k in form})
        try:
            submit(request.user, parse_submission(request.POST, request.FILES, request.user.tier, request.user.pk))
            return redirect("studio")
        except APIError as exc:
            error = exc.message
    jobs = [video_object(j) for j in visible_jobs(request.user).order_by("-id")[:20]]
    profile = current_profile()
    return render(request, "studio.html", {
        "jobs": jobs, "error": error, "form": form, "sizes": profile.supported_sizes(), "styles": list(STYLES),
        "max_seconds": min(profile.max_seconds, request.user.tier.max_seconds), "model": settings.KINEMA_MODEL_NAME,
        "used_today": _today_count(request),
    }, status=400 if error else 200)


@login_required
def video_page(request: HttpRequest, video_id: str) -> HttpResponse:
    job = get_visible_job(request.user, video_id)
    if job is None:
        return render(request, "message.html", {"title": "Not found", "message": "No such video."}, status=404)
    return render(request, "video.html", {"video": video_object(job)})


def _resubmit(request: HttpRequest, video_id: str, *, new_seed: bool) -> HttpResponse:
    source = get_visible_job(request.user, video_id)
    if source is None:
        return render(request, "message.html", {"title": "Not found", "message": "No such video."}, status=404)
    data = {"prompt": request.POST.get("prompt", source.prompt)}
    try:
        sub = parse_remix(source, data, request.user.tier, request.user.pk)
        if new_seed:
            sub = replace(sub, seed=secrets.randbelow(2**31), remixed_from_id=None)
        job = submit(request.user, sub)
    except APIError as exc:
        messages.error(request, exc.message)
        return redirect("video-page", video_id=video_id)
    return redirect("video-page", video_id=job.id)


@login_required
@require_POST
def video_again(request: HttpRequest, video_id: str) -> HttpResponse:
    return _resubmit(request, video_id, new_seed=True)


@login_required
@require_POST
def video_remix(request: HttpRequest, video_id: str) -> HttpResponse:
    return _resubmit(request, video_id, new_seed=False)


STATES_BY_STATUS: dict[str, list[str]] = {}
for _state, _status in PUBLIC_STATUS.items():
    STATES_BY_STATUS.setdefault(_status, []).append(_state)


@login_required
def history(request: HttpRequest) -> HttpResponse:
    qs = visible_jobs(request.user).order_by("-id")
    status = request.GET.get("status", "")
    day = request.GET.get("day", "")
    filter_error = None
    if status:
        if status in STATES_BY_STATUS:
            qs = qs.filter(state__in=STATES_BY_STATUS[status])
        else:
            filter_error = f"Unknown status '{status}'."
    if day:
        try:
            start = timezone.make_aware(datetime.combine(date.fromisoformat(day), time.min))
            qs = qs.filter(created_at__gte=start, created_at__lt=start + timedelta(days=1))
        except ValueError:
            filter_error = f"'{day}' is not a date (use YYYY-MM-DD)."
    page = Paginator(qs, 20).get_page(request.GET.get("page"))
    return render(request, "history.html", {
        "page": page, "page_videos": [video_object(j) for j in page.object_list], "statuses": list(STATES_BY_STATUS),
        "status": status, "day": day, "filter_error": filter_error,
        "query": urlencode({k: v for k, v in (("status", status), ("day", day)) if v}),
    }, status=400 if filter_error else 200)


@staff_member_required
def autoscale(request: HttpRequest) -> HttpResponse:
    """The dispatcher's autoscaling signal (desired GPUs per class), for the operator's autoscaler."""
    from django.http import JsonResponse

    from jobs.scheduling.live import autoscale_signal

    signal = autoscale_signal()
    if signal is None:
        return JsonResponse({"error": "no signal yet: is the dispatcher running?"}, status=503)
    return JsonResponse(signal)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/v1/"):
        return json_404(request, exception)
    return render(request, "message.html", {"title": "Not found", "message": "This page does not exist."},
                  status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/v1/"):
        return json_500(request)
    return render(request, "message.html", {"title": "Something went wrong",
                                            "message": "The server had an error. Please try again."}, status=500)
