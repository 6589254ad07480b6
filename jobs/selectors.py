"""What a user sees of a job: one answer shared by the API, the pages and the feed."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from django.db import connections
from django.db.models import BigIntegerField, Count, F, Func, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from jobs.catalog import VERSION_SEPARATOR
from jobs.models import Job, JobState, Notification, job_progress
from safety.models import Takedown
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


# Jobs that count against a plan's queue (max_queued): submitted or waiting for a GPU.
WAITING_TO_START = (JobState.SUBMITTED, JobState.QUEUED)


def quota_usage(user_id: int) -> tuple[int, int]:
    """(daily usage, jobs waiting to start) in one query: the two figures a submission's quota checks read
    (under its lock of the user's row). Daily usage counts what generations_today counts."""
    read = compiled_read(("quota", ("user_id", "day_start")), lambda user_id, day_start: (
        Job.objects.filter(Q(created_at__gte=day_start) | Q(state__in=WAITING_TO_START), user_id=user_id)
        .values("user_id").annotate(today=Count("pk", filter=Q(created_at__gte=day_start)),
                                    waiting=Count("pk", filter=Q(state__in=WAITING_TO_START)))))
    rows = read.rows(user_id=user_id, day_start=usage_day_start())
    return (rows[0]["today"], rows[0]["waiting"]) if rows else (0, 0)


def unix_seconds(value: datetime | None) -> int | None:
    return int(value.timestamp()) if value else None


# What the Video object reads of a job: its columns, its times in unix seconds (as "<time>_unix"), and of
# its takedown and catalog version the values it shows. The API's reads fetch exactly these (visible_video,
# visible_videos), the times computed by PostgreSQL (turning a timestamptz into a datetime was most of a
# list's fetch); a Job becomes the same row (video_row).
VIDEO_COLUMNS = ("id", "state", "model", "step", "steps", "prompt", "remixed_from_id", "seconds", "size",
                 "error_code", "error_message", "rollout_arm", "queue_position", "attempt", "negative_prompt",
                 "seed", "style", "width", "height", "num_frames", "fps", "guidance_scale", "tier", "credits_held",
                 "credits_charged", "notices")
VIDEO_TIMES = ("created_at", "finished_at", "expires_at", "eta_at", "queued_at", "started_at", "frames_done_at")
VIDEO_RELATED = {"source_seconds": "conditioning__source_seconds", "takedown_active": "takedown__active",
                 "takedown_category": "takedown__category", "takedown_removed_at": "takedown__removed_at",
                 "version_model": "model_version__model", "version": "model_version__version"}


class UnixSeconds(Func):
    """unix_seconds() in SQL: whole seconds since the epoch, rounded down, of a timestamptz (or NULL)."""

    template = "floor(extract(epoch from %(expressions)s))::bigint"
    output_field = BigIntegerField()


def video_row(job: Job) -> dict[str, Any]:
    """A Job (with select_related("takedown", "model_version"), or a query each) as the row video_object reads."""
    row = {name: getattr(job, name) for name in VIDEO_COLUMNS}
    row.update({f"{name}_unix": unix_seconds(getattr(job, name)) for name in VIDEO_TIMES})
    # Only a completed video shows a takedown (video_object): don't look one up for the others.
    takedown = active_takedown(job) if PUBLIC_STATUS[JobState(job.state)] == "completed" else None
    version = job.model_version
    row.update(source_seconds=(job.conditioning or {}).get("source_seconds"),
               takedown_active=takedown is not None, takedown_category=takedown.category if takedown else None,
               takedown_removed_at=takedown.removed_at if takedown else None,
               version_model=version.model_id if version is not None else None,
               version=version.version if version is not None else None)
    return row


def video_object(job: Job | Mapping[str, Any]) -> dict[str, Any]:
    """The OpenAI Video object plus Kinema's extensions (flat, prefixed by nothing the SDK uses), from a Job
    or from a row of VIDEO_COLUMNS, VIDEO_TIMES and VIDEO_RELATED (the API's status and list reads)."""
    row = job if isinstance(job, Mapping) else video_row(job)
    state = row["state"]
    status = PUBLIC_STATUS[JobState(state)]
    error = {"code": row["error_code"], "message": row["error_message"]} if status == "failed" else None
    # Taken down after publication: status stays "completed", `error` says video_removed (the SDK's typed
    # field) and `removed` has the details (safety/takedown.py).
    removed = None
    if status == "completed" and row["takedown_active"]:
        removed = removal_object(Takedown(category=row["takedown_category"], removed_at=row["takedown_removed_at"]))
        error = {"code": REMOVED_CODE, "message": removed["message"]}
    queued = state == JobState.QUEUED
    return {
        "id": row["id"],
        "object": "video",
        "created_at": row["created_at_unix"],
        "completed_at": row["finished_at_unix"] if status == "completed" else None,
        "expires_at": row["expires_at_unix"],
        "model": row["model"],
        "progress": job_progress(state, row["step"], row["steps"]),
        "prompt": row["prompt"],
        "remixed_from_video_id": row["remixed_from_id"],
        # An extension's is the stitched total: the source's seconds plus the new part (job.seconds).
        "seconds": str(row["seconds"] + int(row["source_seconds"] or 0)),
        "size": row["size"],
        "status": status,
        "error": error,
        # Kinema extensions
        "removed": removed,
        # The exact catalog version that runs it (model@version) and the rollout arm that chose it.
        "model_version": f"{row['version_model']}{VERSION_SEPARATOR}{row['version']}"
                         if row["version"] is not None else None,
        "rollout_arm": row["rollout_arm"] or None,
        "state": state,
        "step": row["step"],
        "total_steps": row["steps"],
        "queue_position": row["queue_position"] if queued else None,
        "eta_at": row["eta_at_unix"] if queued else None,
        "attempt": row["attempt"],
        "negative_prompt": row["negative_prompt"],
        "seed": row["seed"],
        "style": row["style"] or None,
        "resolution": f"{row['width']}x{row['height']}",
        "num_frames": row["num_frames"],
        "fps": row["fps"],
        "guidance_scale": row["guidance_scale"],
        "tier": row["tier"],
        "credits_held": row["credits_held"],
        "credits_charged": row["credits_charged"],
        "notices": row["notices"],
        "timings": {
            "queued_at": row["queued_at_unix"],
            "started_at": row["started_at_unix"],
            "frames_done_at": row["frames_done_at_unix"],
            "finished_at": row["finished_at_unix"],
        },
    }


class CompiledRead:
    """A read whose SQL the ORM compiles once per process, then runs with each request's parameters: what
    a prepared statement saves. Compiling a query (Django's SQLCompiler) cost more CPU than running it,
    about 1 ms of a 3 ms status read (docs/benchmarks.md). `build(**sentinels)` returns the queryset (a
    values() one) with a sentinel value for each parameter; in the compiled SQL's parameters those are
    replaced by each call's values, and any other is a constant of the query (a JSON key, say).
    Client-side binding, as for every Django query: the server sees the same statements as before."""

    def __init__(self, build: Callable[..., QuerySet[Any, Any]], sentinels: Mapping[str, Any]) -> None:
        qs = build(**sentinels)
        compiler = qs.query.get_compiler(using=qs.db)
        sql, params = compiler.as_sql()
        by_value = {value: name for name, value in sentinels.items()}
        self.db = qs.db
        self.sql = sql
        # Per parameter: (the call's parameter name, None) or (None, the constant).
        self.params = [(by_value[p], None) if isinstance(p, int | str | datetime) and p in by_value else (None, p)
                       for p in params]
        if {name for name, _ in self.params if name} != set(sentinels):
            raise ValueError(f"{sql!r} does not use every parameter of {sorted(sentinels)}")
        self.names = [*qs.query.values_select, *qs.query.annotation_select]
        expressions = [col for col, _, _ in compiler.select]
        if len(expressions) != len(self.names):
            raise ValueError(f"{sql!r}: {len(expressions)} columns for {len(self.names)} names")
        self.converters = list(compiler.get_converters(expressions).items())

    def rows(self, **params: Any) -> list[dict[str, Any]]:
        connection = connections[self.db]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, [params[name] if name else constant for name, constant in self.params])
            fetched = cursor.fetchall()
        out = []
        for values in fetched:
            row = list(values)
            for position, (functions, expression) in self.converters:
                value = row[position]
                for convert in functions:
                    value = convert(value, expression, connection)
                row[position] = value
            out.append(dict(zip(self.names, row, strict=True)))
        return out


_compiled: dict[tuple[Any, ...], CompiledRead] = {}
_compiled_lock = threading.Lock()
# Parameter stand-ins for compiling (never real ids: a user id is positive, a video id is 28 hex digits).
_SENTINELS: dict[str, Any] = {"user_id": -20261202, "job_id": "sentinel:job", "after": "sentinel:after",
                              "day_start": datetime(1970, 1, 2, 3, 4, 5, tzinfo=UTC)}


def compiled_read(shape: tuple[Any, ...], build: Callable[..., QuerySet[Any, Any]]) -> CompiledRead:
    """The CompiledRead of `shape` (a key: a name, then the tuple of parameter names `build` takes, then anything
    else that changes the SQL), compiled from `build` on its first use in the process."""
    read = _compiled.get(shape)
    if read is None:
        read = CompiledRead(build, {name: _SENTINELS[name] for name in shape[1]})
        with _compiled_lock:
            _compiled[shape] = read
    return read


def _video_values(qs: QuerySet[Job]) -> QuerySet[Any, Any]:
    return qs.values(*VIDEO_COLUMNS, **{f"{name}_unix": UnixSeconds(name) for name in VIDEO_TIMES},
                     **{name: F(path) for name, path in VIDEO_RELATED.items()})


def visible_video(user_id: int, job_id: str) -> dict[str, Any] | None:
    """The row of the user's visible job with this id (video_object's input), or None: the status read,
    without building a Job (the same visibility as get_visible_job)."""
    if not VIDEO_ID.fullmatch(job_id):
        return None
    read = compiled_read(("video", ("user_id", "job_id")), lambda user_id, job_id: _video_values(
        Job.objects.filter(user_id=user_id, deleted_at__isnull=True, pk=job_id))[:1])
    rows = read.rows(user_id=user_id, job_id=job_id)
    return rows[0] if rows else None


def visible_videos(user_id: int, *, limit: int, after: str | None = None, descending: bool = True) -> list[
        dict[str, Any]]:
    """Up to `limit` rows of the user's visible jobs, newest (or oldest) first, after the id `after`: the
    list read. Ids sort by creation time, so the cursor is a key comparison (keyset pagination)."""
    names = ("user_id", "after") if after else ("user_id",)

    def build(user_id: int, after: str | None = None) -> QuerySet[Any, Any]:
        qs = Job.objects.filter(user_id=user_id, deleted_at__isnull=True)
        if after is not None:
            qs = qs.filter(id__lt=after) if descending else qs.filter(id__gt=after)
        return _video_values(qs.order_by("-id" if descending else "id"))[:limit]

    read = compiled_read(("videos", names, descending, limit), build)
    return read.rows(user_id=user_id, after=after)


def notification_object(n: Notification) -> dict[str, Any]:
    return {"id": n.pk, "object": "notification", "type": n.kind, "video_id": n.job_id, "title": n.title,
            "body": n.body, "created_at": unix_seconds(n.created_at), "read": n.read_at is not None}
