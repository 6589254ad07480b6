"""The GPU actor: claim a dispatched job, denoise with progress and checkpoints, hand frames to finalize."""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

import dramatiq
import redis
import torch
from django.conf import settings
from django.db import DatabaseError

from gpu_worker import runtime
from gpu_worker.generation import (
    GenerationRequest,
    NonFiniteLatents,
    Yielded,
    checkpoint_bytes,
    checkpoint_from_bytes,
    generate,
)
from gpu_worker.previews import latent_preview_jpeg
from jobs import lifecycle, metrics
from jobs.artifacts import drop_artifact, live_artifact, put_artifact, read_artifact
from jobs.media import frames_to_bytes
from jobs.models import Artifact, Job
from jobs.profiles import current_profile
from jobs.signals import clear_preempt, preempt_requested, ring_dispatcher, send_to_feed, stop_requested
from jobs.styles import styled_prompt
from webapp.broker import RUN_GENERATION, broker  # noqa: F401 - configures Dramatiq
from webapp.logs import job_context

log = logging.getLogger(__name__)

# Failures that say nothing about the job itself: retry it (elsewhere, later) instead of failing it.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OSError, ConnectionError, TimeoutError, redis.RedisError, DatabaseError, torch.OutOfMemoryError,
)


class StopGeneration(Exception):
    """The job is no longer ours to run (cancelled, preempted, lease lost)."""


class JobHooks:
    """Connects the denoising loop to the platform: fenced progress, stop flags, checkpoints."""

    def __init__(self, job: Job, lease_token: uuid.UUID) -> None:
        self.job = job
        self.token = lease_token
        self.last_report = 0.0
        self.last_step_at = time.monotonic()

    def on_step(self, step: int, total: int, latents: torch.Tensor) -> None:
        now = time.monotonic()
        metrics.observe("kinema_step_seconds", now - self.last_step_at, gpu_class=runtime.state.gpu_class)
        metrics.inc("kinema_gpu_steps", worker=runtime.state.name)
        self.last_step_at = now
        if stop_requested(self.job.id):  # False while Redis is away: the next fenced write stops it
            raise StopGeneration("stop requested")
        every = settings.KINEMA_PREVIEW_EVERY
        if every and step % every == 0 and step < total:
            put_artifact(self.job.id, Artifact.Kind.PREVIEW, latent_preview_jpeg(latents), "image/jpeg")
            send_to_feed(self.job.user_id, {"kind": "preview", "job_id": self.job.id, "step": step,
                                            "url": f"/v1/videos/{self.job.id}/content?variant=preview&step={step}"})
        now = time.monotonic()
        if step == total or now - self.last_report >= settings.KINEMA_PROGRESS_INTERVAL_S:
            self.last_report = now
            if not lifecycle.report_progress(self.job.id, self.token, step):
                raise StopGeneration("lease lost")

    def should_yield(self) -> bool:
        return preempt_requested(self.job.id)

    def load_checkpoint(self) -> dict[str, Any] | None:
        art = live_artifact(self.job.id, Artifact.Kind.CHECKPOINT)
        if art is None:
            return None
        state = checkpoint_from_bytes(read_artifact(art))
        lifecycle.record_event(self.job.id, "resumed from checkpoint", {"step": int(state["next_step"])})
        return state

    def save_checkpoint(self, state: dict[str, Any], step: int) -> None:
        put_artifact(self.job.id, Artifact.Kind.CHECKPOINT, checkpoint_bytes(state), "application/octet-stream")
        if not lifecycle.report_progress(self.job.id, self.token, step, checkpoint_step=step):
            raise StopGeneration("lease lost")


def request_for(job: Job) -> GenerationRequest:
    return GenerationRequest(
        prompt=styled_prompt(job.prompt, job.style), negative_prompt=job.negative_prompt, width=job.width,
        height=job.height, num_frames=job.num_frames, steps=job.steps, guidance_scale=job.guidance_scale,
        seed=job.seed, max_sequence_length=current_profile().max_sequence_length,
    )


@dramatiq.actor(actor_name=RUN_GENERATION, queue_name="gpu", max_retries=0,
                time_limit=settings.KINEMA_GPU_TIME_LIMIT_MS)
@job_context
def run_generation(job_id: str, attempt: int, lease_token: str) -> None:
    token = uuid.UUID(lease_token)
    if not lifecycle.claim(job_id, attempt, token):
        log.info("job %s attempt %s is not ours to claim (duplicate or stale message)", job_id, attempt)
        return
    job = Job.objects.get(pk=job_id)
    runtime.state.current = runtime.CurrentJob(job_id, token)
    runtime.state.mark_busy()
    try:
        frames = generate(runtime.pipeline(), request_for(job), JobHooks(job, token),
                          checkpoint_every=settings.KINEMA_CHECKPOINT_EVERY)
        put_artifact(job_id, Artifact.Kind.FRAMES, frames_to_bytes(frames), "application/x-npy")
        if lifecycle.frames_done(job_id, token):
            drop_artifact(job_id, Artifact.Kind.CHECKPOINT)
    except StopGeneration as stop:
        log.info("job %s stopped: %s", job_id, stop)
    except Yielded as yielded:
        # Preempted: the checkpoint at this step is saved; back to the queue, resumed later from it.
        clear_preempt(job_id)
        lifecycle.requeue(job_id, expect=["running"], lease_token=token, reason="preempted", preempted=True,
                          detail={"step": yielded.step, "checkpoint_step": yielded.step})
    except NonFiniteLatents as exc:
        metrics.inc("kinema_nan_failures", model=job.model)
        # Deterministic for this seed and prompt: retrying would burn GPU time for the same result.
        lifecycle.fail(job_id, "generation_failed", "The model produced invalid values (NaN/inf); "
                       "try another seed or prompt.", lease_token=token,
                       detail={"cause": "non_finite_latents", "step": exc.step})
    except TRANSIENT_ERRORS as exc:
        log.warning("job %s hit a transient error; requeueing", job_id, exc_info=True)
        lifecycle.requeue(job_id, expect=["running"], lease_token=token, reason=f"transient: {type(exc).__name__}",
                          detail={"error": str(exc)[:300]})
    except Exception as exc:  # a model or input error: deterministic, so fail fast rather than retry
        log.exception("generation of %s failed", job_id)
        lifecycle.fail(job_id, "generation_failed", "The model failed while generating this video.",
                       lease_token=token, detail={"cause": type(exc).__name__, "error": str(exc)[:500]})
    finally:
        runtime.state.account_busy()
        runtime.state.current = None
        ring_dispatcher()  # this slot is free
