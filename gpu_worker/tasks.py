"""The GPU actor: claim a dispatched job, denoise with progress and checkpoints, hand frames to finalize."""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import dramatiq
import redis
import torch
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction
from django.utils import timezone

from gpu_worker import runtime
from gpu_worker.audio import FAMILY_AUDIO_VIDEO, generate_audio_video
from gpu_worker.conditioning import ConditioningError, ConditioningInputs, generate_conditioned, plan
from gpu_worker.generation import (
    BatchOutcome,
    GenerationRequest,
    NonFiniteLatents,
    Rendered,
    Yielded,
    checkpoint_bytes,
    checkpoint_from_bytes,
    generate,
    generate_batch,
)
from gpu_worker.previews import latent_preview_jpeg
from jobs import lifecycle
from jobs.actor_logs import job_context
from jobs.artifacts import (
    delete_key,
    drop_artifact,
    live_artifact,
    put_artifact,
    read_artifact,
    storage_call,
    store_bytes,
)
from jobs.media import frames_to_bytes
from jobs.models import Artifact, Job, JobState
from jobs.profiles import job_checkpoint, job_profile, job_vace_checkpoint
from jobs.signals import clear_preempt, preempt_requested, ring_dispatcher, send_to_feed, stop_requested
from jobs.styles import styled_prompt
from webapp import metrics
from webapp.broker import RUN_GENERATION, broker  # noqa: F401 - configures Dramatiq

log = logging.getLogger(__name__)

# Failures that say nothing about the job itself: retry it (elsewhere, later) instead of failing it.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OSError, ConnectionError, TimeoutError, redis.RedisError, DatabaseError, torch.OutOfMemoryError,
)


# Catalog families whose checkpoints this worker's loop runs (the text-to-video checkpoint; conditioned jobs
# take video-to-video from its components and VACE from the version's VACE checkpoint).
RUNNABLE_FAMILIES = frozenset({"text_to_video"})


class StopGeneration(Exception):
    """The job is no longer ours to run (cancelled, preempted, lease lost)."""


class JobHooks:
    """Connects the denoising loop to the platform: fenced progress, stop flags, checkpoints.

    Every run records where it started (`resumed from checkpoint` / `started from step 0`) and every
    checkpoint it saved (`checkpoint saved`) as fenced JobEvents: the attempt budget (lifecycle.requeue)
    and the chaos harness's redone-steps check read them, and they tell an operator what a crash cost."""

    def __init__(self, job: Job, lease_token: uuid.UUID) -> None:
        self.job = job
        self.token = lease_token
        self.last_report = 0.0
        self.last_step_at = time.monotonic()
        self.step = 0  # the last step this run computed (or resumed at)
        self.checkpoint_step = job.checkpoint_step
        self.started = time.monotonic()
        self.first_step: int | None = None
        self.near_end = False  # prefetch: entered the last KINEMA_GPU_PREFETCH_LEAD_S (reported, doorbell rung)

    def on_step(self, step: int, total: int, latents: torch.Tensor) -> None:
        now = time.monotonic()
        metrics.observe("kinema_step_seconds", now - self.last_step_at, gpu_class=runtime.state.gpu_class)
        metrics.inc("kinema_gpu_steps", worker=runtime.state.name)
        self.last_step_at = now
        self.step = step
        if stop_requested(self.job.id):  # False while Redis is away: the next fenced write stops it
            raise StopGeneration("stop requested")
        every = settings.KINEMA_PREVIEW_EVERY
        if every and step % every == 0 and step < total:
            put_artifact(self.job.id, Artifact.Kind.PREVIEW, latent_preview_jpeg(latents), "image/jpeg")
            send_to_feed(self.job.user_id, {"kind": "preview", "job_id": self.job.id, "step": step,
                                            "url": f"/v1/videos/{self.job.id}/content?variant=preview&step={step}"})
        now = time.monotonic()
        entering = not self.near_end and prefetching() and self.ends_soon(step, total, now)
        if step == total or entering or now - self.last_report >= settings.KINEMA_PROGRESS_INTERVAL_S:
            self.last_report = now
            if not lifecycle.report_progress(self.job.id, self.token, step):
                raise StopGeneration("lease lost")
        if entering:  # the dispatcher can hand this worker its next job now (jobs/scheduling_live.py ending_soon)
            self.near_end = True
            runtime.state.mark_ending(self.job.id, self.job.attempt)
            ring_dispatcher()

    def ends_soon(self, step: int, total: int, now: float) -> bool:
        """Whether this run is expected to end within KINEMA_GPU_PREFETCH_LEAD_S, from its pace so far."""
        if self.first_step is None:
            self.first_step = step - 1  # the step it started from (0, or a checkpoint's)
        done = step - self.first_step
        return step >= total or (now - self.started) * (total - step) / done <= settings.KINEMA_GPU_PREFETCH_LEAD_S

    def should_yield(self) -> bool:
        return preempt_requested(self.job.id)

    def progress(self) -> dict[str, Any]:
        """Where this run got to, for the detail of the event that ends it."""
        return {"step": self.step, "checkpoint_step": self.checkpoint_step}

    def load_checkpoint(self) -> dict[str, Any] | None:
        """The job's checkpoint, or None to start from step 0. A checkpoint that is gone or cannot be
        parsed is recorded and skipped (the job still completes, from the start); one that cannot be
        read right now (storage unreachable) raises, so the job is retried later with it."""
        state = None
        problem: dict[str, Any] = {}
        art = live_artifact(self.job.id, Artifact.Kind.CHECKPOINT)
        if art is not None:
            try:
                data = read_artifact(art)
            except FileNotFoundError as exc:
                problem = {"key": art.key, "error": f"missing: {exc}"}
            else:
                try:
                    state = checkpoint_from_bytes(data)
                except Exception as exc:  # truncated or foreign bytes: unusable whatever we retry
                    problem = {"key": art.key, "error": f"{type(exc).__name__}: {str(exc)[:200]}"}
        if problem:
            log.warning("checkpoint of %s unusable, starting from step 0: %s", self.job.id, problem)
        if state is None:
            start = {"step": 0, "checkpoint_step": self.job.checkpoint_step, **problem}
            reason = lifecycle.STARTED_FROM_ZERO
        else:
            assert art is not None  # the state was read from it
            self.step = int(state["next_step"])
            start = {"step": self.step, "checkpoint_step": self.job.checkpoint_step, "key": art.key}
            reason = lifecycle.RESUMED_FROM_CHECKPOINT
        if not lifecycle.record_run_event(self.job.id, self.token, reason, start):
            raise StopGeneration("lease lost")
        return state

    def save_checkpoint(self, state: dict[str, Any], step: int) -> None:
        """Write the checkpoint's bytes, then switch the job to them only while our lease holds.

        The fenced progress write locks the job row until the switch commits, so a worker that lost
        its lease (and may be behind the run that took over) can never replace that run's checkpoint,
        and the lease cannot move between the check and the switch. The bytes are written first,
        outside the lock; the replaced ones are deleted once the switch has committed."""
        data = checkpoint_bytes(state)
        key = store_bytes(self.job.id, Artifact.Kind.CHECKPOINT, data)
        with transaction.atomic():
            held = lifecycle.report_progress(self.job.id, self.token, step, checkpoint_step=step)
            if held:
                previous = live_artifact(self.job.id, Artifact.Kind.CHECKPOINT)
                Artifact.objects.update_or_create(job_id=self.job.id, kind=Artifact.Kind.CHECKPOINT, defaults={
                    "key": key, "content_type": "application/octet-stream", "size_bytes": len(data),
                    "created_at": timezone.now(), "deleted_at": None})
                lifecycle.record_run_event(self.job.id, self.token, lifecycle.CHECKPOINT_SAVED,
                                           {"step": step, "key": key, "bytes": len(data)})
                if previous is not None and previous.key != key:
                    old_key = previous.key
                    transaction.on_commit(lambda: delete_key(old_key))
        if not held:
            delete_key(key)
            raise StopGeneration("lease lost")
        self.checkpoint_step = step


def request_for(job: Job) -> GenerationRequest:
    return GenerationRequest(
        prompt=styled_prompt(job.prompt, job.style), negative_prompt=job.negative_prompt, width=job.width,
        height=job.height, num_frames=job.num_frames, steps=job.steps, guidance_scale=job.guidance_scale,
        seed=job.seed, max_sequence_length=job_profile(job).max_sequence_length,
    )


def _read_stored(key: str) -> bytes:
    try:
        with default_storage.open(key, "rb") as fh:
            data: bytes = fh.read()
            return data
    except SuspiciousOperation as exc:  # a key outside the storage root is as good as missing
        raise FileNotFoundError(key) from exc


def conditioning_inputs(job: Job) -> ConditioningInputs:
    """The job's conditioning bytes, read on demand (storage outages raise and requeue the job as usual;
    a missing object is FileNotFoundError, which `plan` turns into a clear failure)."""

    def artifact(kind: str) -> bytes | None:
        art = live_artifact(job.id, kind)
        return None if art is None else read_artifact(art)

    def stored(key: str) -> bytes:
        return storage_call(_read_stored, key, retries=settings.KINEMA_STORAGE_RETRIES)

    return ConditioningInputs(artifact=artifact, stored=stored)


def render(job: Job, hooks: JobHooks) -> Rendered:
    """The job's frames: plain text-to-video, or the family its conditioning calls for (for an extension,
    the source clip followed by the new frames)."""
    version = job.model_version  # the catalog version it was assigned (jobs/catalog.py); None on older jobs
    if version is not None and version.family == FAMILY_AUDIO_VIDEO:  # frames and sound, always alone
        return generate_audio_video(runtime.pipeline(job_checkpoint(job), version.public_id), request_for(job),
                                    hooks, fps=job.fps, checkpoint_every=settings.KINEMA_CHECKPOINT_EVERY)
    if version is not None and version.family not in RUNNABLE_FAMILIES:
        raise runtime.ModelUnavailable(f"this worker cannot run {version.public_id}'s {version.family} pipeline")
    name = version.public_id if version is not None else job.model
    req = request_for(job)
    conditioned = plan(job.conditioning or {}, req, conditioning_inputs(job))
    every = settings.KINEMA_CHECKPOINT_EVERY
    if conditioned is None:
        return generate(runtime.pipeline(job_checkpoint(job), name), req, hooks, checkpoint_every=every)
    log.info("job %s: %s conditioning on the %s pipeline", job.id, conditioned.mode, conditioned.family)
    pipe = runtime.family_pipeline(conditioned.family, job_checkpoint(job), name,
                                   vace_checkpoint=job_vace_checkpoint(job))
    return generate_conditioned(pipe, conditioned, hooks, checkpoint_every=every)


@dataclass(frozen=True)
class Claimed:
    """A job this worker has claimed: the row as it was right after the claim, the run's lease and attempt."""

    job: Job
    token: uuid.UUID
    attempt: int
    # When each phase of the run happened (time.time()), for the worker's timeline (runtime.record_timeline).
    marks: dict[str, float] = field(default_factory=dict, compare=False)


@dramatiq.actor(actor_name=RUN_GENERATION, queue_name="gpu", max_retries=0,
                time_limit=settings.KINEMA_GPU_TIME_LIMIT_MS)
@job_context
def run_generation(job_id: str, attempt: int, lease_token: str) -> None:
    received = time.time()
    token = uuid.UUID(lease_token)
    if not lifecycle.claim(job_id, attempt, token):
        # Also the message of a job that a batch on this worker already took (gather, below), and of a
        # prefetched job cancelled or withdrawn before its turn came (it never runs).
        log.info("job %s attempt %s is not ours to claim (duplicate or stale message, or batched)", job_id, attempt)
        return
    first = Claimed(Job.objects.get(pk=job_id), token, attempt, {"message": received, "claimed": time.time()})
    earlier = runtime.settler.submitted  # runs that ended before this one, maybe still being settled
    room = settings.KINEMA_GPU_MAX_BATCH - 1
    batch = [first, *gather(first.job, room)] if room > 0 and batch_key(first.job) is not None else [first]
    if len(batch) > 1:
        run_batch(batch)
    else:
        run_alone(first)
    # Backpressure: the next job starts only once the runs before this one are settled, so at most one run (this
    # one) is settled in the background while the next renders, and the settler never piles up frames. The
    # previous run settled during this one's render: normally no wait at all.
    runtime.settler.wait_settled(earlier)


# --- live batching ---------------------------------------------------------------------------------

BATCHED = "rendered in a batch"


def batch_key(job: Job) -> tuple[object, ...] | None:
    """What jobs must share to be denoised as one batch here: the model version (hence checkpoint and text
    length), the size, the frame count and the steps, as the dispatcher's batch key (jobs/scheduling_live.py).
    None for a job that always runs alone: conditioned jobs, and families other than text-to-video."""
    version = job.model_version
    if job.conditioning or (version is not None and version.family not in RUNNABLE_FAMILIES):
        return None
    return (job.model_version_id, job.model, job.width, job.height, job.num_frames, job.steps)


def gather(first: Job, room: int) -> list[Claimed]:
    """Claim the jobs the dispatcher sent to this worker as one batch with `first` (up to `room` more).

    The dispatcher commits a batch's dispatches in one transaction (jobs/scheduling_live.py), so by the time
    the first job's message arrives the others are `dispatched` to this worker with their attempt and lease
    token in the row: claimed from there, under the same fence as their own messages, which then find them
    taken and return. Only compatible, unconditioned jobs are gathered; anything else waits for its message."""
    if runtime.state.worker_id is None:
        return []
    key = batch_key(first)
    rows = (Job.objects.filter(state=JobState.DISPATCHED, worker_id=runtime.state.worker_id,
                               model_version_id=first.model_version_id, model=first.model, width=first.width,
                               height=first.height, num_frames=first.num_frames, steps=first.steps, conditioning={})
            .exclude(pk=first.pk).order_by("dispatched_at", "id").values_list("id", "attempt", "lease_token")[:room])
    claimed = []
    for job_id, attempt, token in rows:
        if token is not None and lifecycle.claim(job_id, attempt, token):
            job = Job.objects.get(pk=job_id)
            if batch_key(job) == key:
                now = time.time()
                claimed.append(Claimed(job, token, attempt, {"message": now, "claimed": now}))
            else:  # cannot happen with the filter above; never run a job in a batch it does not fit
                lifecycle.requeue(job_id, expect=["running"], lease_token=token, reason="not batchable",
                                  blameless=True)
    return claimed


class GpuShare:
    """Each job's share of a batch's GPU time: every interval is split evenly between the jobs in the batch
    during it, so the shares add up to the batch's wall time (a job alone gets all of its own)."""

    def __init__(self, job_ids: list[str]) -> None:
        self.seconds = dict.fromkeys(job_ids, 0.0)
        self.active = set(job_ids)
        self.mark = time.monotonic()

    def leave(self, job_id: str) -> float:
        now = time.monotonic()
        if self.active:
            each = (now - self.mark) / len(self.active)
            for other in self.active:
                self.seconds[other] += each
        self.mark = now
        self.active.discard(job_id)
        return self.seconds[job_id]


def run_batch(batch: list[Claimed]) -> None:
    """Denoise compatible claimed jobs as one batch (gpu_worker/generation.py generate_batch); each job ends
    on its own terms (frames, cancel, preemption, NaN, error) exactly as `run_alone` would end it, and
    leaves the batch at once while the others go on."""
    ids = [c.job.id for c in batch]
    share = GpuShare(ids)
    hooks = {c.job.id: JobHooks(c.job, c.token) for c in batch}
    pending = set(ids)
    for c in batch:
        runtime.state.hold(c.job.id, c.token)
        c.marks["render_start"] = time.time()
    runtime.state.mark_busy()

    def finish(c: Claimed, outcome: BatchOutcome) -> None:
        pending.discard(c.job.id)
        c.marks["render_end"] = time.time()
        conclude(c, hooks[c.job.id], outcome, seconds=share.leave(c.job.id))

    try:
        members: list[Claimed] = []
        for c in batch:
            clear_preempt(c.job.id)  # stale, as in run_alone
            if lifecycle.record_run_event(c.job.id, c.token, BATCHED, {"jobs": ids, "size": len(ids)}):
                members.append(c)
            else:
                finish(c, StopGeneration("lease lost"))
        log.info("rendering %s as one batch", ", ".join(c.job.id for c in members))
        if not members:
            return
        first = members[0].job
        name = first.model_version.public_id if first.model_version is not None else first.model
        try:
            pipe = runtime.pipeline(job_checkpoint(first), name)
        except Exception as exc:  # e.g. ModelUnavailable: each job ends as it would alone
            for c in members:
                finish(c, exc)
            return
        requests = [(request_for(c.job), hooks[c.job.id]) for c in members]
        generate_batch(pipe, requests, lambda index, outcome: finish(members[index], outcome),
                       checkpoint_every=settings.KINEMA_CHECKPOINT_EVERY)
    finally:
        runtime.state.account_busy(done=True)
        for c in batch:  # only after an interruption (the time limit): what a run's `finally` does
            if c.job.id in pending:
                wrap_up(c, hooks[c.job.id], seconds=share.leave(c.job.id))


# --- one job ----------------------------------------------------------------------------------------

def run_alone(c: Claimed) -> None:
    job_id = c.job.id
    runtime.state.hold(job_id, c.token)
    runtime.state.mark_busy()
    c.marks["render_start"] = time.time()
    hooks: JobHooks | None = None
    concluded = False
    try:
        outcome: BatchOutcome
        try:
            hooks = JobHooks(c.job, c.token)
            # A preemption asked of an earlier run that was lost before it could yield is stale: left
            # there, it would make this run yield at its first step (and count as a preemption).
            clear_preempt(job_id)
            outcome = render(c.job, hooks)
        except Exception as exc:
            outcome = exc
        c.marks["render_end"] = time.time()
        runtime.state.account_busy(done=True)
        concluded = True
        conclude(c, hooks, outcome)
    finally:
        if not concluded:  # interrupted (the time limit) while rendering: the run still ends here
            runtime.state.account_busy(done=True)
            wrap_up(c, hooks)


# --- after the render: off the GPU's critical path when prefetching ----------------------------------

def prefetching() -> bool:
    """KINEMA_GPU_PREFETCH: runs are finished by the background settler (gpu_worker/runtime.py Settler) so the
    actor returns, and the next job (already dispatched here, behind this one) starts, as soon as the GPU is
    done; the dispatcher knows from the worker's advertisement (runtime.PREFETCH_KEY) to send it ahead."""
    return settings.KINEMA_GPU_PREFETCH > 0


def conclude(c: Claimed, hooks: JobHooks | None, outcome: BatchOutcome, seconds: float | None = None) -> None:
    """Settle a run and wrap it up: inline, or in the settler thread when prefetching. In the background its
    order and guarantees are the same: the frames are stored before `frames_done`, the job keeps its lease
    (held, renewed by the heartbeat) until then, and its GPU time is the run's own (claim to render end)."""
    if not prefetching():
        try:
            settle(c, hooks, outcome)
        finally:
            wrap_up(c, hooks, seconds)
        return
    if seconds is None and c.job.started_at is not None:
        seconds = c.marks["render_end"] - c.job.started_at.timestamp()

    def work() -> None:
        try:
            settle(c, hooks, outcome)
        finally:
            wrap_up(c, hooks, seconds)

    runtime.settler.submit(work)


def wrap_up(c: Claimed, hooks: JobHooks | None, seconds: float | None = None) -> None:
    """The end of every run, whatever ended it: free its lease, record its GPU time (claim to now, or its share
    of a batch) and the part of it that was wasted, note its timeline, and tell the dispatcher a slot is free."""
    runtime.state.release(c.job.id)
    if hooks is not None and hooks.near_end:
        runtime.state.mark_ending(c.job.id, c.attempt, False)
    try:
        lifecycle.record_gpu_time(c.job.id, c.attempt, started_at=c.job.started_at, seconds=seconds,
                                  **(hooks.progress() if hooks else {}))
        c.marks["settled"] = time.time()
        runtime.state.record_timeline(c.job.id, c.marks)
    finally:
        ring_dispatcher()  # this slot is free


def settle(c: Claimed, hooks: JobHooks | None, outcome: BatchOutcome) -> None:
    """End a run from what its denoising gave: hand the frames to finalize, or act on the exception that
    stopped it. The same for a job alone and for each job of a batch."""
    job_id, token = c.job.id, c.token
    try:
        if isinstance(outcome, Exception):
            raise outcome
        put_artifact(job_id, Artifact.Kind.FRAMES, frames_to_bytes(outcome), "application/x-npy")
        c.marks["frames_written"] = time.time()
        if lifecycle.frames_done(job_id, token):
            c.marks["frames_done"] = time.time()
            drop_artifact(job_id, Artifact.Kind.CHECKPOINT)
    except StopGeneration as stop:
        log.info("job %s stopped: %s", job_id, stop)
    except Yielded as yielded:
        # Preempted: the checkpoint at this step is saved; back to the queue, resumed later from it.
        clear_preempt(job_id)
        lifecycle.requeue(job_id, expect=["running"], lease_token=token, reason="preempted", preempted=True,
                          detail={"step": yielded.step, "checkpoint_step": yielded.step})
    except NonFiniteLatents as exc:
        metrics.inc("kinema_nan_failures", model=c.job.model)
        # Deterministic for this seed and prompt: retrying would burn GPU time for the same result.
        lifecycle.fail(job_id, "generation_failed", "The model produced invalid values (NaN/inf); "
                       "try another seed or prompt.", lease_token=token,
                       detail={"cause": "non_finite_latents", "step": exc.step})
    except (ConditioningError, runtime.ModelUnavailable) as exc:
        # The job's inputs (or this deployment) cannot make this video: the same on every retry.
        cause = "bad_conditioning" if isinstance(exc, ConditioningError) else "model_unavailable"
        lifecycle.fail(job_id, "generation_failed", f"The video's inputs could not be used: {exc}.",
                       lease_token=token, detail={"cause": cause, "error": str(exc)[:500]})
    except TRANSIENT_ERRORS as exc:
        log.warning("job %s hit a transient error; requeueing", job_id, exc_info=True)
        lifecycle.requeue(job_id, expect=["running"], lease_token=token, reason=f"transient: {type(exc).__name__}",
                          detail={"error": str(exc)[:300], **(hooks.progress() if hooks else {})})
    except Exception as exc:  # a model or input error: deterministic, so fail fast rather than retry
        log.exception("generation of %s failed", job_id)
        lifecycle.fail(job_id, "generation_failed", "The model failed while generating this video.",
                       lease_token=token, detail={"cause": type(exc).__name__, "error": str(exc)[:500]})
