"""What a user sees of a job: one answer shared by the API, the pages and the feed."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from jobs.models import Job, JobState, Notification
from safety.takedown import REMOVED_CODE, active_takedown, removal_object

# The shape jobs.models gives video ids (jobs/api/validation.py documents it to API clients).
VIDEO_ID = re.compile(r"video_[0-9a-f]{28}")

PUBLIC_STATUS = {
    JobState.SUBMITTED: "queued",
    JobState.QUEUED: "queued",
    JobState.DISPATCHED: "queued",
    JobState.RUNNING: "in_progress",
    JobState.FINALIZING: "in_progress",
    JobState.IN_REVIEW: "in_progress",
    JobState.SUCCEEDED: "completed",
    JobState.FAILED: "failed",
    JobState.BLOCKED: "failed",
    JobState.CANCELLED: "failed",
}
PENDING_STATUSES = {"queued", "in_progress"}


def visible_jobs(user: User) -> QuerySet[Job]:
    """A user's own, undeleted jobs. Everything else is a 404, never a 403."""
    return Job.objects.filter(user=user, deleted_at__isnull=True).select_related("takedown", "model_version")


def get_visible_job(user: User, job_id: str) -> Job | None:
    """The user's job with this id, or None; text that is not a video id (a NUL, say, which PostgreSQL
    refuses) never reaches a query, whichever page or view passes it."""
    if not VIDEO_ID.fullmatch(job_id):
        return None
    return visible_jobs(user).filter(pk=job_id).first()


def usage_day_start(now: datetime | None = None) -> datetime:
    """The start of the current usage day: midnight UTC, when daily quotas reset."""
    return (now or timezone.now()).replace(hour=0, minute=0, second=0, microsecond=0)


def generations_today(user: User | int) -> int:
    """Daily usage: the jobs a user created since midnight UTC (deleted ones too: they were made).
    The one count behind the daily quota, `GET /v1/me` and the studio's "used today"."""
    return Job.objects.filter(user=user, created_at__gte=usage_day_start()).count()


def unix_seconds(value: datetime | None) -> int | None:
    return int(value.timestamp()) if value else None


def video_object(job: Job) -> dict[str, Any]:
    """The OpenAI Video object plus Kinema's extensions (flat, prefixed by nothing the SDK uses)."""
    status = PUBLIC_STATUS[JobState(job.state)]
    error = {"code": job.error_code, "message": job.error_message} if status == "failed" else None
    # Taken down after publication: status stays "completed", `error` says video_removed (the SDK's typed
    # field) and `removed` has the details (safety/takedown.py).
    takedown = active_takedown(job) if status == "completed" else None
    removed = removal_object(takedown) if takedown is not None else None
    if removed is not None:
        error = {"code": REMOVED_CODE, "message": removed["message"]}
    return {
        "id": job.id,
        "object": "video",
        "created_at": unix_seconds(job.created_at),
        "completed_at": unix_seconds(job.finished_at) if status == "completed" else None,
        "expires_at": unix_seconds(job.expires_at),
        "model": job.model,
        "progress": job.progress,
        "prompt": job.prompt,
        "remixed_from_video_id": job.remixed_from_id,
        # An extension's is the stitched total: the source's seconds plus the new part (job.seconds).
        "seconds": str(job.seconds + int((job.conditioning or {}).get("source_seconds", 0))),
        "size": job.size,
        "status": status,
        "error": error,
        # Kinema extensions
        "removed": removed,
        # The exact catalog version that runs it (model@version) and the rollout arm that chose it.
        "model_version": job.model_version.public_id if job.model_version is not None else None,
        "rollout_arm": job.rollout_arm or None,
        "state": job.state,
        "step": job.step,
        "total_steps": job.steps,
        "queue_position": job.queue_position if job.state == JobState.QUEUED else None,
        "eta_at": unix_seconds(job.eta_at) if job.state == JobState.QUEUED else None,
        "attempt": job.attempt,
        "negative_prompt": job.negative_prompt,
        "seed": job.seed,
        "style": job.style or None,
        "resolution": f"{job.width}x{job.height}",
        "num_frames": job.num_frames,
        "fps": job.fps,
        "guidance_scale": job.guidance_scale,
        "tier": job.tier,
        "credits_held": job.credits_held,
        "credits_charged": job.credits_charged,
        "notices": job.notices,
        "timings": {
            "queued_at": unix_seconds(job.queued_at),
            "started_at": unix_seconds(job.started_at),
            "frames_done_at": unix_seconds(job.frames_done_at),
            "finished_at": unix_seconds(job.finished_at),
        },
    }


def notification_object(n: Notification) -> dict[str, Any]:
    return {"id": n.pk, "object": "notification", "type": n.kind, "video_id": n.job_id, "title": n.title,
            "body": n.body, "created_at": unix_seconds(n.created_at), "read": n.read_at is not None}
