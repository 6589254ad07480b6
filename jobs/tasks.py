"""CPU-stage actors: prompt screening (submitted -> queued) and finalizing (frames -> MP4, published).

Actors translate messages into calls on jobs.lifecycle; a duplicate or stale message finds the job
already moved on, the conditional transition returns False, and the message is simply acked.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import dramatiq
from django.conf import settings
from django.utils import timezone

from jobs import lifecycle
from jobs.artifacts import drop_artifact, live_artifact, put_artifact, read_artifact, sweep_job_storage
from jobs.costs import credits_for
from jobs.media import encode_mp4, frames_from_bytes, spritesheet_jpeg, thumbnail_jpeg
from jobs.models import TERMINAL_STATES, Artifact, Job, JobState
from jobs.profiles import current_profile
from safety.policy import check_prompt
from webapp.broker import (  # noqa: F401 - importing broker configures Dramatiq
    CLEANUP_JOB,
    FINALIZE_JOB,
    FINALIZE_QUEUE,
    SCREEN_JOB,
    SCREENING_QUEUE,
    broker,
)

log = logging.getLogger(__name__)


@dramatiq.actor(actor_name=SCREEN_JOB, queue_name=SCREENING_QUEUE, max_retries=10, min_backoff=500,
                max_backoff=30_000)
def screen_job(job_id: str) -> None:
    job = Job.objects.filter(pk=job_id, state=JobState.SUBMITTED).only("prompt", "negative_prompt").first()
    if job is None:
        return  # already screened, cancelled or deleted
    verdict = check_prompt(job.prompt)
    detail = {"stage": "prompt", "rule": verdict.rule, "category": verdict.category}
    if verdict.blocked:
        lifecycle.block(job_id, verdict.category, stage="prompt", detail=detail)
    else:
        lifecycle.accept_after_screening(job_id, detail={"stage": "prompt", "verdict": "allow"})


@dramatiq.actor(actor_name=FINALIZE_JOB, queue_name=FINALIZE_QUEUE, max_retries=10, min_backoff=1000,
                max_backoff=60_000)
def finalize_job(job_id: str, attempt: int) -> None:
    """Encode and publish. Idempotent: every output key is deterministic and rewritten on retry."""
    job = Job.objects.filter(pk=job_id, state=JobState.FINALIZING, attempt=attempt).first()
    if job is None:
        return
    frames_art = live_artifact(job_id, Artifact.Kind.FRAMES)
    if frames_art is None:
        lifecycle.fail(job_id, "generation_failed", "The generated frames were lost before encoding.",
                       expect=[JobState.FINALIZING], attempt=attempt)
        return
    frames = frames_from_bytes(read_artifact(frames_art))
    put_artifact(job_id, Artifact.Kind.VIDEO, encode_mp4(frames, job.fps), "video/mp4")
    put_artifact(job_id, Artifact.Kind.THUMBNAIL, thumbnail_jpeg(frames), "image/jpeg")
    put_artifact(job_id, Artifact.Kind.SPRITESHEET, spritesheet_jpeg(frames), "image/jpeg")
    now = timezone.now()
    # The charge is the price of what was delivered (never more than the hold, see accounts.credits).
    charge = credits_for(current_profile(), width=job.width, height=job.height, seconds=job.seconds,
                         steps=job.step or job.steps)
    if lifecycle.publish(job_id, attempt, charge=charge,
                         expires_at=now + timedelta(seconds=settings.KINEMA_VIDEO_TTL_S)):
        log.info("published %s", job_id)


@dramatiq.actor(actor_name=CLEANUP_JOB, queue_name=FINALIZE_QUEUE, max_retries=10, min_backoff=1000,
                max_backoff=60_000)
def cleanup_job(job_id: str) -> None:
    """After a job ends: drop its working files (checkpoint, raw frames, live preview) and any bytes no
    artifact points at."""
    if not Job.objects.filter(pk=job_id, state__in=TERMINAL_STATES).exists():
        return
    for kind in (Artifact.Kind.CHECKPOINT, Artifact.Kind.FRAMES, Artifact.Kind.PREVIEW):
        drop_artifact(job_id, kind)
    sweep_job_storage(job_id)
