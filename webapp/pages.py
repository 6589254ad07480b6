"""Server-rendered pages of the studio. They call the same services as the API; errors become
messages on the page, never stack traces."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from time import monotonic, sleep
from typing import Any, cast
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import views as account_views
from accounts.models import User
from accounts.ratelimit import RateDecision, rate_limit_headers, take_token
from jobs.api.errors import APIError, json_404, json_500
from jobs.api.webhooks import delete_endpoint, register_endpoint
from jobs.characters import MAX_CLIP_SECONDS as MAX_CHARACTER_CLIP_SECONDS
from jobs.characters import create_character, delete_character
from jobs.idempotency import (
    FORM_TOKEN_FIELD,
    IdempotencyConflict,
    form_fingerprint,
    form_key,
    form_replay,
    new_form_token,
    run_form_once,
)
from jobs.models import Character, Job, JobState
from jobs.moderation import AlreadyRemoved, report_video
from jobs.profiles import current_profile
from jobs.rollout import served_models
from jobs.selectors import PUBLIC_STATUS, generations_today, get_visible_job, video_object, visible_jobs
from jobs.styles import STYLES
from jobs.submission import (
    DEFAULT_REMIX_STRENGTH,
    MAX_EXTENSION_SECONDS,
    MAX_REFERENCE_BYTES,
    MAX_STRENGTH,
    MIN_EXTENSION_SECONDS,
    MIN_STRENGTH,
    Submission,
    parse_edit,
    parse_extension,
    parse_remix,
    parse_submission,
    submit,
)
from jobs.webhooks import EVENT_TYPES, account_endpoints
from safety.models import Report
from safety.reports import MAX_DETAILS_CHARS as MAX_REPORT_DETAILS
from safety.reports import REASONS as REPORT_REASONS
from safety.reports import AlreadyReported

# The pages that show a form and take it back. Any other method (TRACE, OPTIONS; PUT, DELETE with a CSRF token)
# would otherwise run as a GET: 405 instead, before the login check (whoever asks, the method is wrong). The pages
# that only show something take GET and HEAD (require_safe); the actions take POST (require_POST).
require_form_methods = require_http_methods(["GET", "HEAD", "POST"])


def _user(request: HttpRequest) -> User:
    """The signed-in user. Every page here that reads the user (and every helper they call) requires login
    (@login_required), so this is never the AnonymousUser: the cast only tells the type checker so, and
    changes nothing at run time."""
    return cast(User, request.user)


def _rate_limited(request: HttpRequest, bucket: str = "user") -> RateDecision | None:
    """A per-user token bucket at the plan's limit; by default the API's (same Redis key): submitting from the
    studio spends from it like POST /v1/videos does. The decision when it is exhausted, else None."""
    user = _user(request)
    decision = take_token([f"kinema:rl:{bucket}:{user.pk}"], user.tier.requests_per_minute)
    return None if decision.allowed else decision


def _rate_limit_message(decision: RateDecision) -> str:
    return (f"Slow down: your plan allows {decision.limit} requests a minute. "
            f"Try again in {rate_limit_headers(decision)['Retry-After']} s.")


EXPIRED_FORM = "This form has expired. Reload the page and submit it again."
REUSED_FORM = ("This form was already sent with other values (did you go back and change it?). "
               "The page is fresh now: submit it again.")


def _submit_once(request: HttpRequest, parse: Callable[[], Submission]) -> str:
    """Submit the form's job at most once per one-time token (jobs.idempotency): a repeat of the same
    POST gets the first job's id. Raises APIError (4xx) or IdempotencyConflict."""
    key = form_key(request)
    if key is None:
        raise APIError(EXPIRED_FORM, param=FORM_TOKEN_FIELD, code="invalid_form_token")
    digest = form_fingerprint(request)
    replay = form_replay(_user(request), key, digest)  # a repeat does nothing at all, not even the rule pass
    if replay is not None:
        return str(replay["job_id"])
    sub = parse()  # outside the key's transaction: a refusal's audit record must stay
    outcome, _ = run_form_once(_user(request), key, digest, lambda: {"job_id": submit(_user(request), sub).id})
    return str(outcome["job_id"])


@require_form_methods
@login_required
def studio(request: HttpRequest) -> HttpResponse:
    error = None
    status = 200
    headers: dict[str, str] = {}
    form = {"prompt": "", "negative_prompt": "", "seconds": "4", "size": "1280x720", "style": "none", "seed": "",
            "model": settings.KINEMA_MODEL_NAME}
    if request.method == "POST":
        form.update({k: request.POST.get(k, "") for k in form})
        limited = _rate_limited(request)
        if limited is not None:
            error, status, headers = _rate_limit_message(limited), 429, rate_limit_headers(limited)
        else:
            try:
                _submit_once(request, lambda: parse_submission(request.POST, request.FILES, _user(request).tier,
                                                               _user(request).pk))
                return redirect("studio")
            except IdempotencyConflict:
                error, status = REUSED_FORM, 422
            except APIError as exc:
                error, status = exc.message, exc.status_code
    jobs = [video_object(j) for j in visible_jobs(_user(request)).order_by("-id")[:20]]
    profile = current_profile()
    response = render(request, "studio.html", {
        "jobs": jobs, "error": error, "form": form, "sizes": profile.supported_sizes(), "styles": list(STYLES),
        "max_seconds": min(profile.max_seconds, _user(request).tier.max_seconds), "model": settings.KINEMA_MODEL_NAME,
        "models": [{"id": m.id, "label": f"{m.id}: {m.description}" if m.description else m.id}
                   for m in served_models()],
        "used_today": generations_today(_user(request)), "submission_token": new_form_token(),
        "max_image_bytes": MAX_REFERENCE_BYTES,
    }, status=status)
    for name, value in headers.items():
        response[name] = value
    return response


def _video_page(request: HttpRequest, job: Job, status: int = 200) -> HttpResponse:
    # One token per form: "again", "remix", "extend" and "edit" are different submissions.
    return render(request, "video.html", {
        "video": video_object(job), "again_token": new_form_token(), "remix_token": new_form_token(),
        "extend_token": new_form_token(), "edit_token": new_form_token(), "report_reasons": Report.Reason.choices,
        "min_strength": MIN_STRENGTH, "max_strength": MAX_STRENGTH, "remix_strength": DEFAULT_REMIX_STRENGTH,
        "min_extension": MIN_EXTENSION_SECONDS, "max_extension": MAX_EXTENSION_SECONDS,
        "max_image_bytes": MAX_REFERENCE_BYTES}, status=status)


@require_safe
@login_required
def video_page(request: HttpRequest, video_id: str) -> HttpResponse:
    job = get_visible_job(_user(request), video_id)
    if job is None:
        return render(request, "message.html", {"title": "Not found", "message": "No such video."}, status=404)
    return _video_page(request, job)


def _from_source(request: HttpRequest, video_id: str, parse: Callable[[Job], Submission]) -> HttpResponse:
    """A new job made from one of the user's videos (again, remix, extend, edit): parsed by jobs.submission's
    own functions (the API's validation, screening and pricing), submitted once per rendered form, then the
    new job's page (live progress); a refusal is the API's message on the source's page."""
    source = get_visible_job(_user(request), video_id)
    if source is None:
        return render(request, "message.html", {"title": "Not found", "message": "No such video."}, status=404)
    limited = _rate_limited(request)
    if limited is not None:
        messages.error(request, _rate_limit_message(limited))
        response = _video_page(request, source, status=429)
        for name, value in rate_limit_headers(limited).items():
            response[name] = value
        return response
    try:
        job_id = _submit_once(request, lambda: parse(source))
    except IdempotencyConflict:
        messages.error(request, REUSED_FORM)
        return redirect("video-page", video_id=video_id)
    except APIError as exc:
        messages.error(request, exc.message)
        return redirect("video-page", video_id=video_id)
    return redirect("video-page", video_id=job_id)


def _posted(request: HttpRequest, *names: str) -> dict[str, str]:
    """The form's fields that were filled in (an empty optional field takes the API's default)."""
    return {name: request.POST[name] for name in names if request.POST.get(name, "") != ""}


@login_required
@require_POST
def video_again(request: HttpRequest, video_id: str) -> HttpResponse:
    def parse(source: Job) -> Submission:
        # "Again" reuses the settings only, never the clip, with a new seed.
        sub = parse_remix(source, {"prompt": request.POST.get("prompt", source.prompt)}, _user(request).tier,
                          _user(request).pk, conditioned=False)
        return replace(sub, seed=secrets.randbelow(2**31), remixed_from_id=None)

    return _from_source(request, video_id, parse)


@login_required
@require_POST
def video_remix(request: HttpRequest, video_id: str) -> HttpResponse:
    """A remix edits the source clip (video-to-video at `strength`), as POST /v1/videos/{id}/remix."""
    return _from_source(request, video_id, lambda source: parse_remix(
        source, {"prompt": request.POST.get("prompt", source.prompt), **_posted(request, "strength")},
        _user(request).tier, _user(request).pk))


@login_required
@require_POST
def video_extend(request: HttpRequest, video_id: str) -> HttpResponse:
    """New seconds continuing the clip, as POST /v1/videos/extensions with `video: {"id"}`."""
    return _from_source(request, video_id, lambda source: parse_extension(
        {**_posted(request, "prompt", "seconds"), "video": {"id": source.id}}, None, _user(request).tier,
        _user(request).pk))


@login_required
@require_POST
def video_edit(request: HttpRequest, video_id: str) -> HttpResponse:
    """The clip re-rendered after a prompt, or only a mask's white region, as POST /v1/videos/edits."""
    mask = request.FILES.get("mask")
    return _from_source(request, video_id, lambda source: parse_edit(
        {**_posted(request, "prompt", "strength"), "video": {"id": source.id}}, {"mask": mask} if mask else None,
        _user(request).tier, _user(request).pk))


@login_required
@require_POST
def video_report(request: HttpRequest, video_id: str) -> HttpResponse:
    """The studio's Report button: the same report as POST /v1/videos/{id}/reports (jobs/moderation.py)."""
    job = get_visible_job(_user(request), video_id)
    if job is None:
        return render(request, "message.html", {"title": "Not found", "message": "No such video."}, status=404)
    limited = _rate_limited(request)
    reason, details = request.POST.get("reason", ""), request.POST.get("details", "").strip()
    if limited is not None:
        messages.error(request, _rate_limit_message(limited))
    elif reason not in REPORT_REASONS:
        messages.error(request, "Choose what is wrong with the video.")
    elif len(details) > MAX_REPORT_DETAILS or "\x00" in details:
        messages.error(request, f"Details: at most {MAX_REPORT_DETAILS} characters of plain text.")
    elif job.state != JobState.SUCCEEDED:
        messages.error(request, "Only a completed video can be reported.")
    else:
        try:
            report_video(job, _user(request).pk, reason, details)
        except AlreadyReported:
            messages.info(request, "You already reported this video; reviewers will look at it.")
        except AlreadyRemoved:
            messages.info(request, "This video was already taken down; thank you for reporting.")
        else:
            messages.success(request, "Thank you: your report was sent to our reviewers.")
    return redirect("video-page", video_id=video_id)


@require_form_methods
@login_required
def characters(request: HttpRequest) -> HttpResponse:
    """The user's characters and a form making one from an uploaded clip, through jobs.characters'
    create_character (the code behind POST /v1/videos/characters: the same checks, screen and refusals).
    A resent form (same one-time token and values) shows the character it made instead of a 409."""
    user = _user(request)
    status, name = 200, ""
    if request.method == "POST":
        name = request.POST.get("name", "")
        limited = _rate_limited(request)
        key = form_key(request)
        if limited is not None:
            messages.error(request, _rate_limit_message(limited))
            status = 429
        elif key is None:
            messages.error(request, EXPIRED_FORM)
            status = 400
        else:
            digest = form_fingerprint(request)
            try:
                if form_replay(user, key, digest) is None:
                    clip = request.FILES.get("video")
                    # Outside the key's transaction, like a job's parse: a refusal's audit record must stay.
                    made = create_character(user, {"name": name}, {"video": clip} if clip else None)
                    run_form_once(user, key, digest, lambda: {"character_id": made.id})
                    messages.success(request, f"Your character “{made.name}” is ready: name it in a prompt.")
                return redirect("studio-characters")
            except IdempotencyConflict:
                messages.error(request, REUSED_FORM)
                status = 422
            except APIError as exc:
                if exc.code in ("character_exists", "too_many_characters") and _made_by_the_same_form(
                        user, key, digest, name):
                    return redirect("studio-characters")  # a double click: the other request made it
                messages.error(request, exc.message)
                status = exc.status_code
    mine = Character.objects.filter(user=user, deleted_at__isnull=True).order_by("-created_at")
    return render(request, "characters.html", {
        "characters": mine, "name": name, "submission_token": new_form_token(),
        "max_clip_seconds": MAX_CHARACTER_CLIP_SECONDS}, status=status)


def _made_by_the_same_form(user: User, key: str, digest: str, name: str, wait_s: float = 3.0) -> bool:
    """Whether a request with this form token made the character (a double click or a resent form racing this one:
    both passed the replay check, the other saved the name first and records its outcome right after saving).
    Waited for only when a character of that name was made in the last seconds: a plain duplicate name answers at
    once."""
    recent = Character.objects.filter(user=user, name__iexact=name.strip(), deleted_at__isnull=True,
                                      created_at__gte=timezone.now() - timedelta(seconds=10)).exists()
    if not recent:
        return False
    deadline = monotonic() + wait_s
    while True:
        try:
            if form_replay(user, key, digest) is not None:
                return True
        except IdempotencyConflict:
            return False
        if monotonic() >= deadline:
            return False
        sleep(0.1)


@login_required
@require_POST
def character_delete(request: HttpRequest, character_id: str) -> HttpResponse:
    """The owner deletes a character (jobs.characters.delete_character: its likeness image and face descriptor go,
    prompts no longer find it). Another user's id, or one already deleted, is simply not found."""
    deleted = delete_character(_user(request), character_id)
    if deleted is None:
        messages.info(request, "That character was already deleted.")
    else:
        messages.success(request, f"Your character “{deleted.name}” was deleted, with its likeness image.")
    return redirect("studio-characters")


STATES_BY_STATUS: dict[str, list[str]] = {}
for _state, _status in PUBLIC_STATUS.items():
    STATES_BY_STATUS.setdefault(_status, []).append(_state)


HISTORY_PAGE_SIZE = 20


def _shown(value: str) -> str:
    """A query value echoed in a message: printable and short."""
    printable = "".join(c if c.isprintable() else "\ufffd" for c in value)
    return printable if len(printable) <= 40 else printable[:39] + "…"


@require_safe
@login_required
def history(request: HttpRequest) -> HttpResponse:
    """Filters: status, day (YYYY-MM-DD), page. A value that is not one gets a 400 with the reason (and
    the unfiltered list); no value can reach the database as anything but a checked date or a known
    state."""
    qs = visible_jobs(_user(request)).order_by("-id")
    status = request.GET.get("status", "")
    day = request.GET.get("day", "")
    filter_error = None
    if status:
        if status in STATES_BY_STATUS:
            qs = qs.filter(state__in=STATES_BY_STATUS[status])
        else:
            filter_error = f"Unknown status '{_shown(status)}' (use one of {', '.join(STATES_BY_STATUS)})."
            status = ""
    if day:
        try:
            start = timezone.make_aware(datetime.combine(date.fromisoformat(day), time.min))
        except ValueError:
            filter_error = f"'{_shown(day)}' is not a date (use YYYY-MM-DD)."
            day = ""
        else:
            qs = qs.filter(created_at__gte=start)
            if start.date() < date.max:  # 9999-12-31 has no next day in Python: that day runs to the end
                qs = qs.filter(created_at__lt=start + timedelta(days=1))
    # get_page turns any page value into a real page (not a number: the first; past the end: the last).
    page = Paginator(qs, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "history.html", {
        "page": page, "page_videos": [video_object(j) for j in page.object_list], "statuses": list(STATES_BY_STATUS),
        "status": status, "day": day, "filter_error": filter_error,
        "query": urlencode({k: v for k, v in (("status", status), ("day", day)) if v}),
    }, status=400 if filter_error else 200)


@require_form_methods
@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The account page (accounts/views.py draws it and handles the key, e-mail and signing-secret forms).
    Here, because accounts sits below jobs: today's usage, and the webhook forms, which register through
    the API's own code (jobs.api.webhooks.register_endpoint: the same checks and cap as POST /v1/webhooks)."""
    user = _user(request)
    shown, new_webhook, status = None, None, 200
    # The forms that make something (a key, an endpoint) spend from a bucket of the account page's own: not the
    # API's, which a leaked key could keep empty, and never the protective ones (revoke, delete, rotate), which
    # must work even while someone else spends the user's API requests.
    creates = request.method == "POST" and request.POST.get("action") in ("create_key", "create_webhook")
    limited = _rate_limited(request, "account") if creates else None
    if limited is not None:
        messages.error(request, _rate_limit_message(limited))
        status = 429
    elif request.method == "POST":
        action = request.POST.get("action", "")
        key = form_key(request) if creates else None
        try:
            if creates and key is None:
                messages.error(request, EXPIRED_FORM)
                status = 400
            elif creates:
                assert key is not None
                # Once per one-time token: a reload of the answer (it is a POST's) or a double click made a second
                # key or endpoint, whose secret nobody saw (the endpoint's deliveries then failed their signatures).
                endpoints: list[Any] = []  # what create() made, for this answer alone (the secret is shown once)
                keys: list[account_views.ShownOnce] = []

                def create() -> dict[str, str]:
                    if action == "create_webhook":
                        endpoints.append(register_endpoint(user, {"url": request.POST.get("url", ""),
                                                                  "events": request.POST.getlist("events"),
                                                                  "description": request.POST.get("description", "")}))
                        return {"made": "endpoint", "name": endpoints[0].url}
                    keys.append(account_views.account_action(request, user))
                    return {"made": "key", "name": keys[0].api_key_name}

                outcome, replayed = run_form_once(user, key, form_fingerprint(request), create)
                if replayed:
                    messages.info(request, f"This form was sent before: the {outcome['made']} “{outcome['name']}” was "
                                           "made then, and its secret shown once. If you did not copy it, delete it "
                                           "and make a new one.")
                    return redirect("account")
                new_webhook = endpoints[0] if endpoints else None
                shown = keys[0] if keys else None
            elif action == "delete_webhook":
                # Not found (gone already, another user's, not an id at all): nothing to delete, as before.
                delete_endpoint(user, request.POST.get("webhook_id", ""))
            else:
                shown = account_views.account_action(request, user)
        except IdempotencyConflict:
            messages.error(request, REUSED_FORM)
            status = 422
        except (APIError, account_views.AccountActionError) as exc:
            messages.error(request, exc.message)
            status = 400
        if status == 200 and new_webhook is None and not (shown and shown.any()):
            return redirect("account")  # nothing to show once: back to a page that is safe to reload
    response = account_views.render_account(request, user, {
        "usage_today": generations_today(user), "webhooks": account_endpoints(user.pk), "event_types": EVENT_TYPES,
        "new_webhook": new_webhook, "submission_token": new_form_token()}, shown=shown, status=status)
    if limited is not None:
        for name, value in rate_limit_headers(limited).items():
            response[name] = value
    return response


@require_safe
@staff_member_required
def autoscale(request: HttpRequest) -> HttpResponse:
    """The dispatcher's autoscaling signal (desired GPUs per class), for the operator's autoscaler."""
    from django.http import JsonResponse

    from jobs.scheduling_live import autoscale_signal

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
