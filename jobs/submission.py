"""Turning a request (JSON or multipart, OpenAI fields plus Kinema's) into a persisted job."""

from __future__ import annotations

import io
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from PIL import Image, UnidentifiedImageError

from accounts.credits import InsufficientCredits, hold_credits
from accounts.models import Tier, User
from jobs import outbox
from jobs.api.errors import APIError, invalid
from jobs.api.validation import integer, number, text
from jobs.artifacts import put_artifact
from jobs.costs import credits_for, gpu_seconds_for, memory_mb_for
from jobs.models import Artifact, Job, JobEvent, JobState
from jobs.profiles import ModelProfile, current_profile
from jobs.selectors import generations_today, usage_day_start
from jobs.styles import STYLES
from jobs.webhooks import checked_url
from safety.decisions import record_request_block
from safety.policy import current_policy
from webapp import metrics
from webapp.broker import SCREEN_JOB, SCREENING_QUEUE
from webapp.metrics import after_commit

# The limits of a request; jobs.api.schema documents the same numbers, so a fuzzer reaches the logic.
MAX_PROMPT_CHARS = 4000
MAX_NEGATIVE_PROMPT_CHARS = 2000
MAX_MODEL_CHARS = 100
MAX_SIZE_CHARS = 20
MAX_STYLE_CHARS = 32
MAX_SEED = 2**32 - 1
MIN_GUIDANCE, MAX_GUIDANCE, DEFAULT_GUIDANCE = 0.0, 20.0, 5.0
MAX_REFERENCE_BYTES = 10 * 1024 * 1024
MAX_REFERENCE_SIDE = 4096
MAX_STEPS = 100


@dataclass(frozen=True)
class ReferenceImage:
    data: bytes
    content_type: str
    width: int
    height: int


@dataclass(frozen=True)
class Submission:
    prompt: str
    negative_prompt: str
    model: str
    seconds: int
    size: str
    width: int
    height: int
    num_frames: int
    fps: int
    steps: int
    guidance_scale: float
    seed: int
    style: str
    reference: ReferenceImage | None = None
    remixed_from_id: str | None = None
    notices: tuple[str, ...] = ()
    webhook_url: str = ""  # a per-request webhook (Kinema extension), checked like registered endpoints


def read_reference_image(upload: Any) -> ReferenceImage:
    """Validate an uploaded reference image: a real, complete, reasonably sized raster image."""
    if not hasattr(upload, "read"):
        raise invalid("'input_reference' must be an uploaded image file (multipart/form-data).",
                      "input_reference")
    if getattr(upload, "size", 0) > MAX_REFERENCE_BYTES:
        raise invalid(f"'input_reference' is larger than {MAX_REFERENCE_BYTES // 2**20} MB.", "input_reference",
                      "file_too_large")
    data = upload.read(MAX_REFERENCE_BYTES + 1)
    if len(data) > MAX_REFERENCE_BYTES:
        raise invalid(f"'input_reference' is larger than {MAX_REFERENCE_BYTES // 2**20} MB.", "input_reference",
                      "file_too_large")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            fmt, (w, h) = probe.format, probe.size
            if w > MAX_REFERENCE_SIDE or h > MAX_REFERENCE_SIDE:
                raise invalid(f"'input_reference' is {w}x{h}; the maximum is {MAX_REFERENCE_SIDE} pixels a side.",
                              "input_reference", "image_too_large")
            probe.verify()
        with Image.open(io.BytesIO(data)) as img:
            img.load()  # verify() does not decode pixel data: a truncated file fails only here
    except APIError:
        raise
    except Image.DecompressionBombError:
        raise invalid("'input_reference' decompresses to too many pixels.", "input_reference",
                      "image_too_large") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise invalid("'input_reference' is not a valid image (or it is truncated). Use PNG, JPEG or WebP.",
                      "input_reference", "invalid_image") from None
    if fmt not in {"PNG", "JPEG", "WEBP"}:
        raise invalid(f"'input_reference' is {fmt}; use PNG, JPEG or WebP.", "input_reference", "invalid_image")
    return ReferenceImage(data, Image.MIME[fmt], w, h)


def max_fps(profile: ModelProfile) -> int:
    """Up to twice the profile's frame rate (priced by the frames it renders, see jobs.costs)."""
    return 2 * profile.fps


def parse_submission(data: Mapping[str, Any], files: Mapping[str, Any] | None, tier: Tier,
                     user_id: int | None = None) -> Submission:
    """Validate a request against the model's profile and the user's tier. Raises APIError (4xx)."""
    profile = current_profile()
    notices: list[str] = []
    prompt = text(data, "prompt", required=True, max_len=MAX_PROMPT_CHARS)
    webhook_url = data.get("webhook_url")
    webhook_url = "" if webhook_url in (None, "") else checked_url(webhook_url, "webhook_url")
    negative = text(data, "negative_prompt", max_len=MAX_NEGATIVE_PROMPT_CHARS)
    model = text(data, "model", max_len=MAX_MODEL_CHARS) or settings.KINEMA_MODEL_NAME
    if model != settings.KINEMA_MODEL_NAME:
        raise invalid(f"The model '{model}' is not available. Available: '{settings.KINEMA_MODEL_NAME}'.",
                      "model", "model_not_found")
    seconds = integer(data, "seconds", 4, 1, profile.max_seconds)
    if seconds > tier.max_seconds:
        raise invalid(f"The {tier.display_name} plan allows videos up to {tier.max_seconds} seconds; "
                      f"you asked for {seconds}.", "seconds", "tier_limit_exceeded")
    size = text(data, "size", max_len=MAX_SIZE_CHARS) or "720x1280"
    resolution = profile.resolve_size(size)
    if resolution is None:
        raise invalid(f"Unsupported size '{size}'. Supported: {', '.join(profile.supported_sizes())}.", "size")
    if min(resolution) > tier.max_height:
        raise invalid(f"The {tier.display_name} plan allows resolutions up to {tier.max_height}p; size '{size}' "
                      f"renders at {resolution[0]}x{resolution[1]}.", "size", "tier_limit_exceeded")
    fps = integer(data, "fps", profile.fps, 1, max_fps(profile))
    steps = integer(data, "steps", tier.step_budget, 1, MAX_STEPS)
    if steps > tier.step_budget:
        notices.append(f"steps reduced from {steps} to {tier.step_budget}, the {tier.display_name} plan's budget")
        steps = tier.step_budget
    guidance = number(data, "guidance_scale", DEFAULT_GUIDANCE, MIN_GUIDANCE, MAX_GUIDANCE)
    seed = integer(data, "seed", secrets.randbelow(2**31), 0, MAX_SEED)
    style = text(data, "style", max_len=MAX_STYLE_CHARS) or "none"
    if style not in STYLES:
        raise invalid(f"Unknown style '{style}'. Styles: {', '.join(STYLES)}.", "style")
    reference = None
    upload = (files or {}).get("input_reference") or data.get("input_reference")
    if upload:
        reference = read_reference_image(upload)
    # The negative prompt names what to keep out of the video ("nudity, blood"): it is not screened.
    # The cheap rule pass (no model) refuses the obvious before a job exists.
    policy = current_policy()
    verdict = policy.rules.check(prompt)
    if verdict.blocked:
        record_request_block(verdict, user_id)
        raise APIError(f"This request was blocked by our content policy ({policy.label(verdict.category)}).",
                       param="prompt", code="moderation_blocked")
    num_frames = 4 * max(1, round(seconds * fps / 4)) + 1
    return Submission(prompt=prompt, negative_prompt=negative, model=model, seconds=seconds, size=size,
                      width=resolution[0], height=resolution[1], num_frames=num_frames, fps=fps, steps=steps,
                      guidance_scale=guidance, seed=seed, style="" if style == "none" else style,
                      reference=reference, webhook_url=webhook_url, notices=tuple(notices))


def parse_remix(source: Job, data: Mapping[str, Any], tier: Tier, user_id: int | None = None) -> Submission:
    """A remix keeps the source's settings (and seed) and changes the prompt (and optionally more)."""
    base = {
        "prompt": source.prompt, "negative_prompt": source.negative_prompt, "model": source.model,
        "seconds": source.seconds, "size": source.size, "fps": source.fps, "steps": source.steps,
        "guidance_scale": source.guidance_scale, "seed": source.seed, "style": source.style,
    }
    merged = {**base, **{k: v for k, v in data.items() if k in base}}
    if not text(data, "prompt", max_len=MAX_PROMPT_CHARS):
        raise invalid("Missing required parameter: 'prompt'.", "prompt", "missing_required_parameter")
    return replace(parse_submission(merged, None, tier, user_id), remixed_from_id=source.id)


def submit(user: User, sub: Submission) -> Job:
    """Check the tier's quotas, hold the credits and persist the job; screening is rung after commit.

    The user's row is locked for the transaction, so concurrent submissions of one user are counted
    and charged one after another: caps and balances hold exactly under any concurrency.
    """
    profile = current_profile()
    cost = credits_for(profile, width=sub.width, height=sub.height, seconds=sub.seconds, steps=sub.steps,
                       num_frames=sub.num_frames)
    with transaction.atomic():
        locked = User.objects.select_for_update().select_related("tier").get(pk=user.pk)
        tier = locked.tier
        check_quotas(locked, tier)
        job = Job.objects.create(
            user=user, tier=tier.name, prompt=sub.prompt, negative_prompt=sub.negative_prompt,
            model=sub.model, seconds=sub.seconds, size=sub.size, width=sub.width, height=sub.height,
            num_frames=sub.num_frames, fps=sub.fps, steps=sub.steps, guidance_scale=sub.guidance_scale,
            seed=sub.seed, style=sub.style, remixed_from_id=sub.remixed_from_id, notices=list(sub.notices),
            webhook_url=sub.webhook_url,
            max_attempts=settings.KINEMA_MAX_ATTEMPTS, credits_held=cost,
            est_gpu_seconds=gpu_seconds_for(profile, width=sub.width, height=sub.height,
                                            num_frames=sub.num_frames, steps=sub.steps),
            est_memory_mb=memory_mb_for(profile, width=sub.width, height=sub.height, num_frames=sub.num_frames),
        )
        try:
            hold_credits(locked, job.id, cost)
        except InsufficientCredits as exc:
            raise APIError(f"This video costs {exc.needed} credits and your balance is {exc.available}.",
                           status_code=402, type="insufficient_quota", code="insufficient_credits") from None
        JobEvent.objects.create(job=job, to_state=job.state, reason="submitted",
                                detail={"credits_held": cost, "notices": list(sub.notices),
                                        **({"remixed_from": sub.remixed_from_id} if sub.remixed_from_id else {})})
        if sub.reference is not None:
            ext = sub.reference.content_type.split("/")[1].replace("jpeg", "jpg")
            put_artifact(job.id, Artifact.Kind.INPUT_REFERENCE, sub.reference.data, sub.reference.content_type,
                         ext=ext, on_request_path=True)
        outbox.enqueue(SCREENING_QUEUE, SCREEN_JOB, job.id)
        after_commit(metrics.inc, "kinema_jobs_submitted", tier=job.tier)
        after_commit(metrics.inc, "kinema_credits_held", cost, tier=job.tier)
    return job


PENDING_STATES = [JobState.SUBMITTED, JobState.QUEUED]


def check_quotas(user: User, tier: Tier) -> None:
    if generations_today(user) >= tier.daily_quota:
        tomorrow = usage_day_start() + timedelta(days=1)
        raise APIError(f"You have used today's {tier.daily_quota} generations on the {tier.display_name} plan; "
                       "the quota resets at midnight UTC.", status_code=429, type="rate_limit_error",
                       code="daily_quota_exceeded",
                       headers={"Retry-After": str(int((tomorrow - timezone.now()).total_seconds()) + 1)})
    waiting = Job.objects.filter(user=user, state__in=PENDING_STATES).count()
    if waiting >= tier.max_queued:
        raise APIError(f"You already have {waiting} videos waiting; the {tier.display_name} plan allows "
                       f"{tier.max_queued} in the queue at once. Try again when one has started.",
                       status_code=429, type="rate_limit_error", code="too_many_queued", headers={"Retry-After": "10"})

