"""`POST /v1/videos/{id}/reports` (Kinema extension): a user reports a published video, and the check
every content download makes for takedowns (404 `video_removed`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from jobs.api import schema
from jobs.api.base import KinemaView, caller
from jobs.api.errors import APIError, not_found
from jobs.api.validation import choice, text
from jobs.idempotency import run_idempotently
from jobs.models import Job, JobState
from jobs.moderation import AlreadyRemoved, report_video
from jobs.selectors import get_visible_job, unix_seconds
from safety.models import Report
from safety.reports import MAX_DETAILS_CHARS, REASONS, AlreadyReported
from safety.takedown import REMOVED_CODE, active_takedown, removed_message


def refuse_if_removed(job: Job) -> None:
    """Content of a video taken down answers 404 `video_removed` (whatever the variant)."""
    takedown = active_takedown(job) if job.state == JobState.SUCCEEDED else None
    if takedown is not None:
        raise APIError(removed_message(takedown), status_code=404, code=REMOVED_CODE)


class CreateReport(serializers.Serializer):
    reason = serializers.ChoiceField(choices=REASONS, help_text="What is wrong with the video.")
    details = serializers.CharField(required=False, allow_blank=True, max_length=MAX_DETAILS_CHARS,
                                    help_text="Optional: what you saw, and where in the video.")


class VideoReport(serializers.Serializer):
    id = serializers.IntegerField()
    object = serializers.ChoiceField(choices=["video.report"])
    video_id = serializers.CharField()
    reason = serializers.ChoiceField(choices=REASONS)
    details = serializers.CharField()
    status = serializers.ChoiceField(choices=[s.value for s in Report.Status])
    created_at = serializers.IntegerField()


def report_object(report: Report) -> dict[str, Any]:
    return {"id": report.pk, "object": "video.report", "video_id": report.job_id, "reason": report.reason,
            "details": report.details, "status": report.status, "created_at": unix_seconds(report.created_at)}


@extend_schema(parameters=[schema.VIDEO_ID_PARAMETER])
class VideoReports(KinemaView):
    @extend_schema(operation_id="reportVideo", request=CreateReport,
                   responses={200: VideoReport, 409: schema.ErrorResponse,
                              **{code: OpenApiResponse(schema.ErrorResponse) for code in (400, 401, 404, 422, 429)}})
    def post(self, request: Request, video_id: str) -> Response:
        return run_idempotently(request, lambda: self.report(request, video_id))

    def report(self, request: Request, video_id: str) -> Response:
        user = caller(request)
        job = get_visible_job(user, video_id)
        if job is None:
            raise not_found()
        data = cast(Mapping[str, Any], request.data)  # check_request refused any body that is not an object
        reason = choice(text(data, "reason", max_len=32, required=True), "reason", REASONS)
        details = text(data, "details", max_len=MAX_DETAILS_CHARS)
        if job.state != JobState.SUCCEEDED:
            raise APIError(f"Video {job.id} is not published; only a completed video can be reported.",
                           status_code=409, code="video_not_published")
        try:
            filed = report_video(job, user.pk, reason, details)
        except AlreadyReported:
            raise APIError("You already reported this video; reviewers will look at it. You can report it again "
                           "once your report was decided.", status_code=409, code="already_reported") from None
        except AlreadyRemoved:
            raise APIError(f"Video {job.id} was already taken down; there is nothing left to report.",
                           status_code=404, code=REMOVED_CODE) from None
        return Response(report_object(filed.report))
