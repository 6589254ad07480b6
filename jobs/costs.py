"""The cost model: credits a job costs, and the GPU-seconds and memory it is expected to take.

Credits price what is rendered (an extension's context frames are rendered again with its new ones,
see `rendered_frames`): one credit per second of video at the model's base resolution,
default step count and frame rate, scaled by pixels, steps and the frames actually rendered (a clip
at twice the frame rate has about twice the frames, costs about twice the GPU time and twice the
credits; at the profile's own frame rate the price is exactly the per-second one). GPU-seconds and
memory estimate what it takes, for scheduling and ETAs; `gpu_speed` says how much faster a GPU
class is than the reference.
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from jobs.profiles import ModelProfile

if TYPE_CHECKING:
    from jobs.models import Job

# Relative throughput of GPU classes against the reference class the profiles are calibrated on.
GPU_SPEED: dict[str, float] = {"h100": 1.0, "h200": 1.15, "a100": 0.55, "l40s": 0.45, "cpu": 1.0}

# A model switch: a worker that holds another model loads this one's weights before it can start (the
# scheduler's model affinity weighs it). Read from the model store at MODEL_LOAD_MB_PER_S, plus the
# pipeline's set-up on the device. Estimates, not measurements: Wan2.1 14B with its text encoder is
# ~40 GB in bf16, about 1.5 minutes at this rate.
MODEL_LOAD_MB_PER_S = 500.0
MODEL_SETUP_S = 5.0


def model_switch_seconds(profile: ModelProfile) -> float:
    """Seconds a worker spends loading the profile's model in place of another (its weights are the
    profile's base memory)."""
    return MODEL_SETUP_S + profile.base_memory_mb / MODEL_LOAD_MB_PER_S


def credits_for(profile: ModelProfile, *, width: int, height: int, seconds: int, steps: int,
                num_frames: int | None = None) -> int:
    """`num_frames` is what is rendered (default: `seconds` at the profile's frame rate)."""
    base_w, base_h = profile.resolutions["landscape"]
    pixels = (width * height) / (base_w * base_h)
    frames = (num_frames or profile.frames_for(seconds)) / profile.frames_for(seconds)
    return max(1, math.ceil(seconds * frames * (steps / profile.default_steps) * pixels))


def gpu_seconds_for(profile: ModelProfile, *, width: int, height: int, num_frames: int, steps: int,
                    gpu_class: str = "h100") -> float:
    """Denoising cost grows with tokens (frames x pixels) times steps; decode adds a per-frame part."""
    base_w, base_h = profile.resolutions["landscape"]
    work = (num_frames / profile.frames_for(5)) * (width * height) / (base_w * base_h)
    seconds = profile.ref_gpu_seconds * work * (steps / profile.default_steps)
    return seconds / GPU_SPEED.get(gpu_class, 1.0)


def memory_mb_for(profile: ModelProfile, *, width: int, height: int, num_frames: int) -> int:
    base_w, base_h = profile.resolutions["landscape"]
    work = (num_frames / profile.frames_for(5)) * (width * height) / (base_w * base_h)
    return int(profile.base_memory_mb + profile.activation_memory_mb * work)


def publish_terms(job: Job) -> dict[str, Any]:
    """The publish rule, for finalize and for a reviewer's approval alike: a published clip is charged
    the price of what it delivered and expires KINEMA_VIDEO_TTL_S after publication. The keyword
    arguments of lifecycle.publish / lifecycle.review_decision."""
    from django.conf import settings
    from django.utils import timezone

    return {"charge": delivered_charge(job),
            "expires_at": timezone.now() + timedelta(seconds=settings.KINEMA_VIDEO_TTL_S)}


def delivered_charge(job: Job) -> int:
    """The price of what a job delivered (never more than its hold, see accounts.credits)."""
    from jobs.profiles import job_price_factor, job_profile, priced

    return priced(credits_for(job_profile(job), width=job.width, height=job.height, seconds=job.seconds,
                              steps=job.step or job.steps, num_frames=rendered_frames(job.num_frames,
                                                                                       job.conditioning)),
                  job_price_factor(job))


def rendered_frames(num_frames: int, conditioning: dict[str, Any] | None) -> int:
    """The frames a job's model run denoises: an extension renders its context frames (the end of the
    source it continues from) together with the new ones, so they are priced and scheduled too."""
    conditioning = conditioning or {}
    if conditioning.get("mode") == "extend":
        return num_frames + int(conditioning.get("context_frames", 0))
    return num_frames
