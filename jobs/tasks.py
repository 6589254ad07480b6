"""CPU-stage actors: screening (submitted -> queued | blocked) and finalizing (frames -> scanned, signed MP4 ->
published | in review | blocked).

Actors translate messages into calls on jobs.lifecycle; a duplicate or stale message finds the job
already moved on, the conditional transition returns False, and the message is simply acked.
"""

from __future__ import annotations

import logging

import dramatiq
from django.conf import settings
from django.db import transaction

from jobs import lifecycle
from jobs.actor_logs import job_context
from jobs.artifacts import (
    JobMoved,
    drop_artifact,
    drop_previews,
    live_artifact,
    put_artifact,
    read_artifact,
    sweep_job_storage,
)
from jobs.characters import prompt_characters
from jobs.conditioning import inputs_to_screen
from jobs.costs import publish_terms
from jobs.media import clip_from_bytes, encode_mp4, spritesheet_jpeg, thumbnail_jpeg
from jobs.models import TERMINAL_STATES, Artifact, Job, JobState
from jobs.moderation import fail_if_source_removed
from jobs.review import open_case
from safety import decisions
from safety.frames import scan_frames
from safety.policy import Policy, current_policy
from safety.provenance import manifest_for, sign_mp4
from safety.screening import screen_prompts
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
@job_context
def screen_job(job_id: str) -> None:
    """Screen this job's prompt (and reference image) together with other waiting jobs, in one batch.

    The batch's rows are locked (SKIP LOCKED) so concurrent screeners never screen a job twice; a
    duplicate message finds its job locked or already screened and does nothing."""
    with transaction.atomic():
        mine = list(Job.objects.select_for_update(skip_locked=True).filter(pk=job_id, state=JobState.SUBMITTED))
        if not mine:
            return  # already screened, being screened, cancelled or deleted
        others = list(Job.objects.select_for_update(skip_locked=True)
                      .filter(state=JobState.SUBMITTED).exclude(pk=job_id)
                      .order_by("created_at")[:max(0, settings.KINEMA_SCREEN_BATCH - 1)])
        batch = mine + others
        policy = current_policy()
        names = [prompt_characters(j) for j in batch]
        verdicts = screen_prompts([j.prompt for j in batch], policy, names,
                                  negatives=[j.negative_prompt for j in batch])
        # A refusal or a failure settles the job's credits under its user's row lock: decided in user id order, two
        # screeners whose batches hold two users' jobs in opposite orders never wait for each other.
        decided = sorted(zip(batch, verdicts, strict=True), key=lambda pair: pair[0].user_id)
        for job, verdict in decided:
            if fail_if_source_removed(job, expect=[JobState.SUBMITTED]):
                continue  # made from a video taken down since it was submitted: no GPU time for it
            decisions.record(stage="prompt", verdict=verdict.verdict, category=verdict.category,
                             fired=verdict.fired, scores=verdict.scores, job_id=job.id)
            if verdict.blocked:
                lifecycle.block(job.id, verdict.category, stage="prompt", label=policy.label(verdict.category),
                                detail={"rule" if verdict.fired.get("stage") == "rules" else "exemplar":
                                        verdict.fired.get("rule") or verdict.fired.get("exemplar_id")})
                continue
            if not _reference_ok(job, policy):
                continue
            lifecycle.accept_after_screening(job.id, detail={"stage": "prompt", "verdict": "allow"})


def _reference_ok(job: Job, policy: Policy) -> bool:
    """Every input the model would see (reference image, characters' likenesses, source clip:
    jobs.conditioning.inputs_to_screen) gets the output's frame checks before any GPU time is spent.
    Anything short of a clean pass blocks (an input is cheap to replace; nothing to review)."""
    try:
        inputs = inputs_to_screen(job)
    except FileNotFoundError:  # e.g. a character deleted by its owner meanwhile: this job fails, not the batch
        lifecycle.fail(job.id, "input_missing", "An input of this video (a reference image, a character's likeness "
                       "or a source clip) is no longer stored, so it cannot be made.", expect=[JobState.SUBMITTED])
        return False
    for item in inputs:
        scan = scan_frames(item.frames, policy, reference=item.reference)
        decision = decisions.record(stage="reference", verdict="allow" if scan.verdict == "allow" else "block",
                                    category=scan.category, fired={"input": item.name, **scan.fired()},
                                    scores=scan.summary, job_id=job.id)
        if scan.verdict == "allow":
            continue
        decisions.keep_flagged_frames(decision, scan, item.frames, reference=item.reference)
        lifecycle.block(job.id, scan.category, stage="reference", label=policy.label(scan.category),
                        detail={"decision_id": decision.pk, "input": item.name})
        return False
    return True


@dramatiq.actor(actor_name=FINALIZE_JOB, queue_name=FINALIZE_QUEUE, max_retries=10, min_backoff=1000,
                max_backoff=60_000)
@job_context
def finalize_job(job_id: str, attempt: int) -> None:
    """Scan, encode, sign, publish (or hold for review, or block). Idempotent: a retry redoes it all
    and every output is a new artifact version; the fenced transition decides once."""
    job = Job.objects.filter(pk=job_id, state=JobState.FINALIZING, attempt=attempt).first()
    if job is None or fail_if_source_removed(job, expect=[JobState.FINALIZING], attempt=attempt):
        return
    # Frames are done: the latent previews would show the clip before the scan decides (and after a
    # block or while held for review), so they go first. The API serves them only while running.
    drop_previews(job_id)
    frames_art = live_artifact(job_id, Artifact.Kind.FRAMES)
    if frames_art is None:
        lifecycle.fail(job_id, "generation_failed", "The generated frames were lost before encoding.",
                       expect=[JobState.FINALIZING], attempt=attempt)
        return
    clip = clip_from_bytes(read_artifact(frames_art))  # the frames, and the soundtrack of an audio+video model
    frames = clip.frames
    policy = current_policy()
    scan = scan_frames(frames, policy)
    decision = decisions.record(stage="frames", verdict=scan.verdict, category=scan.category, fired=scan.fired(),
                                scores=scan.summary, job_id=job_id)
    decisions.keep_flagged_frames(decision, scan, frames)
    if scan.verdict == "block":
        lifecycle.block(job_id, scan.category, stage="frames", label=policy.label(scan.category), attempt=attempt,
                        detail={"decision_id": decision.pk})
        return
    try:
        video = sign_mp4(encode_mp4(frames, job.fps, audio=clip.audio),
                         manifest_for(job_id=job_id, model=job.model or settings.KINEMA_MODEL_NAME, prompt=job.prompt,
                                      source_video_id=(job.conditioning or {}).get("source_video_id")))
    except Exception as exc:  # a clip that cannot be signed is never published
        log.exception("signing %s failed", job_id)
        lifecycle.fail(job_id, "signing_failed", "The video could not be signed with content credentials, so it "
                       "was not published.", expect=[JobState.FINALIZING], attempt=attempt,
                       detail={"error": f"{type(exc).__name__}: {exc}"})
        return
    try:  # a duplicate run of this finalize that lost the race stops here, leaving the winner's clip as it is
        stage = (JobState.FINALIZING, attempt)
        put_artifact(job_id, Artifact.Kind.VIDEO, video, "video/mp4", while_in=stage)
        put_artifact(job_id, Artifact.Kind.THUMBNAIL, thumbnail_jpeg(frames), "image/jpeg", while_in=stage)
        put_artifact(job_id, Artifact.Kind.SPRITESHEET, spritesheet_jpeg(frames), "image/jpeg", while_in=stage)
    except JobMoved as moved:
        log.info("finalize of %s stopped: %s", job_id, moved)
        return
    with transaction.atomic():  # the source's row stays locked until the job is published or held
        if fail_if_source_removed(job, expect=[JobState.FINALIZING], attempt=attempt, lock=True):
            return
        if scan.verdict == "review":
            open_case(job_id, attempt, decision, stage="frames", category=scan.category, top_score=scan.top_score)
            return
        if lifecycle.publish(job_id, attempt, **publish_terms(job)):
            log.info("published %s", job_id)


@dramatiq.actor(actor_name=CLEANUP_JOB, queue_name=FINALIZE_QUEUE, max_retries=10, min_backoff=1000,
                max_backoff=60_000)
@job_context
def cleanup_job(job_id: str) -> None:
    """After a job ends: drop its working files (checkpoint, raw frames, live preview) and any bytes no
    artifact points at."""
    if not Job.objects.filter(pk=job_id, state__in=TERMINAL_STATES).exists():
        return
    for kind in (Artifact.Kind.CHECKPOINT, Artifact.Kind.FRAMES, Artifact.Kind.PREVIEW):
        drop_artifact(job_id, kind)
    sweep_job_storage(job_id)
