"""Server-rendered pages: a minimal studio (form, live list, player). The API does the work."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.credits import balance
from jobs.api.errors import APIError, json_404, json_500
from jobs.profiles import current_profile
from jobs.selectors import get_visible_job, video_object, visible_jobs
from jobs.styles import STYLES
from jobs.submission import parse_submission, submit


@login_required
def studio(request: HttpRequest) -> HttpResponse:
    error = None
    form = {"prompt": "", "negative_prompt": "", "seconds": "4", "size": "1280x720", "style": "none", "seed": ""}
    if request.method == "POST":
        form.update({k: request.POST.get(k, "") for k in form})
        try:
            submit(request.user, parse_submission(request.POST, request.FILES, request.user.tier))
            return redirect("studio")
        except APIError as exc:
            error = exc.message
    jobs = [video_object(j) for j in visible_jobs(request.user).order_by("-id")[:20]]
    profile = current_profile()
    return render(request, "studio.html", {
        "jobs": jobs, "error": error, "form": form, "sizes": profile.supported_sizes(), "styles": list(STYLES),
        "max_seconds": profile.max_seconds, "model": settings.KINEMA_MODEL_NAME, "balance": balance(request.user),
    }, status=400 if error else 200)


@login_required
def video_page(request: HttpRequest, video_id: str) -> HttpResponse:
    job = get_visible_job(request.user, video_id)
    if job is None:
        return render(request, "message.html", {"title": "Not found", "message": "No such video."}, status=404)
    return render(request, "video.html", {"video": video_object(job)})


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
