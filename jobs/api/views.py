"""The OpenAI Videos API under /v1/, extended. Views translate HTTP; jobs.* decides."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http.response import HttpResponseBase
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from jobs import lifecycle, moderation, retention
from jobs.api import schema
from jobs.api.base import KinemaView, caller
from jobs.api.errors import APIError, not_found
from jobs.api.reports import refuse_if_removed
from jobs.api.validation import id_list, query_choice, query_integer, query_video_id
from jobs.artifacts import delete_artifact, live_artifact
from jobs.delivery import ArtifactGone, serve_artifact
from jobs.idempotency import run_idempotently
from jobs.models import Artifact, Job, JobState, Notification
from jobs.selectors import (
    PENDING_STATUSES,
    get_visible_job,
    notification_object,
    video_object,
    visible_video,
    visible_videos,
)
from jobs.submission import parse_edit, parse_extension, parse_remix, parse_submission, submit
from jobs.video_cache import Entry, list_key, status_key, video_cache

POLL_AFTER_MS = "1000"
ERRORS = {code: OpenApiResponse(schema.ErrorResponse) for code in (400, 401, 404, 429)}
SUBMIT_ERRORS = {**ERRORS, **{code: OpenApiResponse(schema.ErrorResponse) for code in (402, 422)}}
CONTENT_VARIANTS = ["video", "thumbnail", "spritesheet", "preview"]


def video_response(job: Job | dict[str, Any], status: int = 200) -> Response:
    body = video_object(job)
    response = Response(body, status=status)
    if body["status"] in PENDING_STATUSES:
        response["openai-poll-after-ms"] = POLL_AFTER_MS
    return response


def cacheable(request: Request) -> bool:
    """Whether this read may be served from (and stored in) the per-process cache (jobs/video_cache.py): its
    entries are rendered JSON, so not for a client asking for other rendering (`; indent=`)."""
    return ";" not in (getattr(request, "accepted_media_type", "") or "") and video_cache.active()


def rendered(body: dict[str, Any], pending: bool) -> Entry:
    return Entry(JSONRenderer().render(body), pending)


def shows_queued(rows: list[dict[str, Any]]) -> bool:
    """Whether an answer shows a queued job, never cached: its queue position and ETA move with every dispatcher
    pass, whose updates notify nobody (jobs migration 0015, QUEUE_COLUMNS)."""
    return any(row["state"] == JobState.QUEUED for row in rows)


def dropping_cached(user_id: int, response: Response) -> Response:
    """A write through the API: this process' cached answers for the user are dropped now, after the commit
    (the trigger's notification drops them in every process, this one included, a moment later)."""
    video_cache.invalidate(user_id)
    return response


def owned_job(request: Request, video_id: str) -> Job:
    job = get_visible_job(request.user, video_id)
    if job is None:
        raise not_found()
    return job


class VideoListCreate(KinemaView):
    makes_jobs = True

    @extend_schema(operation_id="createVideo", request={"application/json": schema.CreateVideo,
                                                        "multipart/form-data": schema.CreateVideoUpload},
                   responses={200: schema.Video, **SUBMIT_ERRORS})
    def post(self, request: Request) -> Response:
        # Load shedding was checked in initial() (makes_jobs), before the body was read: not again in submit().
        return dropping_cached(caller(request).pk, run_idempotently(request, lambda: video_response(submit(
            request.user, parse_submission(request.data, request.FILES, request.user.tier, request.user.pk),
            shed_checked=True))))

    @extend_schema(
        operation_id="listVideos",
        parameters=[schema.AFTER_PARAMETER, schema.LIMIT_PARAMETER,
                    OpenApiParameter("order", str, enum=["asc", "desc"])],
        responses={200: schema.VideoList, **ERRORS},
    )
    def get(self, request: Request) -> HttpResponseBase:
        order = query_choice(request, "order", "desc", ["asc", "desc"])
        limit = query_integer(request, "limit", 20, 1, schema.MAX_PAGE)
        after = query_video_id(request, "after")
        # Rows, not Jobs, from SQL compiled once (jobs.selectors.visible_videos): the ORM's per-request
        # compiling and model building were most of a list's CPU (docs/benchmarks.md).
        user_id = caller(request).pk
        # Served from this process' cache when it holds the page (jobs/video_cache.py), else read and kept.
        cache = cacheable(request)
        key = list_key(user_id, limit, after or None, order)
        if cache and (entry := video_cache.get(key)) is not None:
            return entry.response()
        token = video_cache.token(user_id) if cache else None
        rows = visible_videos(user_id, limit=limit + 1, after=after or None, descending=order == "desc")
        page = rows[:limit]
        data = [video_object(row) for row in page]
        body = {
            "object": "list", "data": data, "has_more": len(rows) > limit,
            "first_id": page[0]["id"] if page else None, "last_id": page[-1]["id"] if page else None,
        }
        if token is None or shows_queued(page):
            return Response(body)
        entry = rendered(body, False)
        video_cache.put(user_id, key, entry, token)
        return entry.response()


@extend_schema(parameters=[schema.VIDEO_ID_PARAMETER])
class VideoDetail(KinemaView):
    @extend_schema(operation_id="retrieveVideo", responses={200: schema.Video, **ERRORS})
    def get(self, request: Request, video_id: str) -> HttpResponseBase:
        user_id = caller(request).pk
        cache = cacheable(request)  # this process' rendered answers (jobs/video_cache.py)
        key = status_key(user_id, video_id)
        if cache and (entry := video_cache.get(key)) is not None:
            return entry.response()
        token = video_cache.token(user_id) if cache else None
        row = visible_video(user_id, video_id)  # a row, not a Job (jobs.selectors.visible_video)
        if row is None:
            raise not_found()
        if token is None or shows_queued([row]):
            return video_response(row)
        body = video_object(row)
        entry = rendered(body, body["status"] in PENDING_STATUSES)
        video_cache.put(user_id, key, entry, token)
        return entry.response()

    @extend_schema(operation_id="deleteVideo", responses={200: schema.VideoDeleted, **ERRORS})
    def delete(self, request: Request, video_id: str) -> Response:
        job = owned_job(request, video_id)
        with transaction.atomic():
            if not job.is_terminal:
                lifecycle.cancel(job.id, reason="deleted by user")
            Job.objects.filter(pk=job.id).update(deleted_at=timezone.now())
            held = retention.held_for_review(job.id)
            if held:  # the bytes stay: download URLs handed out must fail now
                moderation.revoke_issued_urls_later(job.id)
        if not held:  # else the retention prune deletes the bytes once the review case is decided
            for art in Artifact.objects.filter(job=job, deleted_at__isnull=True):
                delete_artifact(art)
        return dropping_cached(job.user_id, Response({"id": job.id, "object": "video.deleted", "deleted": True}))


class IgnoreAcceptHeader(BaseContentNegotiation):
    """Content downloads are raw bytes whatever the client accepts (the SDK sends application/binary)."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


@extend_schema(parameters=[schema.VIDEO_ID_PARAMETER])
class VideoContent(KinemaView):
    content_negotiation_class = IgnoreAcceptHeader

    @extend_schema(
        operation_id="retrieveVideoContent",
        parameters=[OpenApiParameter("variant", str, enum=CONTENT_VARIANTS)],
        responses={(200, "video/mp4"): OpenApiTypes.BINARY, (200, "image/jpeg"): OpenApiTypes.BINARY,
                   409: schema.ErrorResponse, **ERRORS},
    )
    def get(self, request: Request, video_id: str) -> HttpResponseBase:
        job = owned_job(request, video_id)
        refuse_if_removed(job)  # taken down after publication: 404 video_removed (jobs/api/reports.py)
        variant = query_choice(request, "variant", "video", CONTENT_VARIANTS)
        if variant == "preview":  # Kinema: the latest latent preview, only while the video renders
            # Once frames are done the clip may still be scanned, held for review or blocked: a preview
            # would show it before (or instead of) the decision. Finalize deletes them as it starts.
            art = live_artifact(job.id, variant) if job.state == JobState.RUNNING else None
            no_preview = APIError("No preview yet: previews appear a few steps into rendering.", status_code=404,
                                  code="no_preview")
            if art is None:
                raise no_preview
            try:  # the GPU worker replaces the preview every few steps, possibly while it is opened here
                return serve_artifact(request, art, reread=lambda: live_artifact(job.id, variant))
            except ArtifactGone:
                raise no_preview from None
        if job.state != JobState.SUCCEEDED:
            raise APIError(f"Video {job.id} is {video_object(job)['status']}; content is available once it "
                           "has completed.", status_code=409, code="video_not_ready")
        art = live_artifact(job.id, variant)
        if art is None or (job.expires_at and job.expires_at <= timezone.now()):
            raise APIError("This video's content has expired or was deleted.", status_code=404, code="expired")
        ext = {"video": "mp4"}.get(variant, "jpg")
        # Ranges, ETag and 304s, or a presigned redirect (S3), or X-Accel-Redirect: jobs/delivery.py. Storage
        # slow or down: 503 storage_unavailable + Retry-After (webapp.degradation), never a hung thread.
        return serve_artifact(request, art, filename=f"{job.id}-{variant}.{ext}")


@extend_schema(parameters=[schema.VIDEO_ID_PARAMETER])
class VideoRemix(KinemaView):
    makes_jobs = True

    @extend_schema(operation_id="remixVideo", request=schema.Remix,
                   responses={200: schema.Video, **SUBMIT_ERRORS})
    def post(self, request: Request, video_id: str) -> Response:
        source = owned_job(request, video_id)
        return dropping_cached(source.user_id, run_idempotently(request, lambda: video_response(
            submit(request.user, parse_remix(source, request.data, request.user.tier, request.user.pk)))))


class VideoExtensions(KinemaView):
    """Continue a video: `seconds` of new frames conditioned on its last ones (the result is the whole clip)."""
    makes_jobs = True

    @extend_schema(operation_id="extendVideo", request={"application/json": schema.CreateExtension,
                                                        "multipart/form-data": schema.CreateExtensionUpload},
                   responses={200: schema.Video, 409: schema.ErrorResponse, **SUBMIT_ERRORS})
    def post(self, request: Request) -> Response:
        user = caller(request)
        return dropping_cached(user.pk, run_idempotently(request, lambda: video_response(
            submit(user, parse_extension(request.data, request.FILES, user.tier, user.pk)))))


class VideoEdits(KinemaView):
    """Re-render a video after a prompt; with a mask (Kinema) only its white region."""
    makes_jobs = True

    @extend_schema(operation_id="editVideo", request={"application/json": schema.CreateEdit,
                                                      "multipart/form-data": schema.CreateEditUpload},
                   responses={200: schema.Video, 409: schema.ErrorResponse, **SUBMIT_ERRORS})
    def post(self, request: Request) -> Response:
        user = caller(request)
        return dropping_cached(user.pk, run_idempotently(request, lambda: video_response(
            submit(user, parse_edit(request.data, request.FILES, user.tier, user.pk)))))


@extend_schema(parameters=[schema.VIDEO_ID_PARAMETER])
class VideoCancel(KinemaView):
    @extend_schema(operation_id="cancelVideo", request=None, responses={200: schema.Video, 409: schema.ErrorResponse,
                                                                       **ERRORS})
    def post(self, request: Request, video_id: str) -> Response:
        return dropping_cached(caller(request).pk,
                               run_idempotently(request, lambda: self.cancel(owned_job(request, video_id))))

    def cancel(self, job: Job) -> Response:
        if not lifecycle.cancel(job.id):
            job.refresh_from_db()
            raise APIError(f"Video {job.id} already finished ({job.state}); it can't be cancelled.",
                           status_code=409, code="already_finished")
        job.refresh_from_db()
        return video_response(job)


class Ping(KinemaView):
    """A trivial authenticated endpoint: the ceiling the other endpoints are benchmarked against."""

    @extend_schema(operation_id="ping", responses={200: OpenApiTypes.OBJECT, **ERRORS})
    def get(self, request: Request) -> Response:
        return Response({"object": "pong", "user": request.user.username})


class Notifications(KinemaView):
    """In-app notifications, newest first, with the unread count (the studio's bell)."""

    @extend_schema(operation_id="listNotifications", parameters=[schema.UNREAD_PARAMETER],
                   responses={200: OpenApiTypes.OBJECT, **ERRORS})
    def get(self, request: Request) -> Response:
        qs = Notification.objects.filter(user=request.user).order_by("-created_at", "-id")
        unread_only = query_choice(request, "unread", "false", schema.BOOLEAN_TEXT) in ("1", "true")
        rows = qs.filter(read_at__isnull=True) if unread_only else qs
        return Response({
            "object": "list",
            "unread_count": qs.filter(read_at__isnull=True).count(),
            "data": [notification_object(n) for n in rows[:50]],
        })


class NotificationsRead(KinemaView):
    @extend_schema(operation_id="markNotificationsRead", request=schema.MarkRead,
                   responses={200: OpenApiTypes.OBJECT, **ERRORS})
    def post(self, request: Request) -> Response:
        return run_idempotently(request, lambda: self.mark(request))

    @staticmethod
    def mark(request: Request) -> Response:
        ids = id_list(request.data, "ids")  # omitted: mark all read
        qs = Notification.objects.filter(user=request.user, read_at__isnull=True)
        if ids is not None:
            qs = qs.filter(pk__in=ids)
        marked = qs.update(read_at=timezone.now())
        unread = Notification.objects.filter(user=request.user, read_at__isnull=True).count()
        return Response({"marked": marked, "unread_count": unread})
