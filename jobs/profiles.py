"""What a model version can render, and how API requests map onto it.

OpenAI's Videos API speaks in sizes such as "1280x720"; a diffusion model has a handful of native
resolutions (multiples of 16) and a frame rate. A profile names them; a request's size picks the
native resolution of the same orientation, and its duration becomes 4k+1 frames at the profile fps.

The profiles here are templates: each catalog version (jobs/catalog.py) holds its own copy as data,
made from one of them when it is registered, and `ModelVersion.profile()` turns it back into a
ModelProfile. `job_profile` / `job_checkpoint` are what the GPU worker reads of a job's version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobs.models import Job

OPENAI_SIZES = {
    "1280x720": "landscape",
    "1792x1024": "landscape",
    "720x1280": "portrait",
    "1024x1792": "portrait",
}


@dataclass(frozen=True)
class ModelProfile:
    name: str
    fps: int
    default_steps: int
    max_seconds: int
    resolutions: dict[str, tuple[int, int]]  # orientation -> (width, height)
    extra_sizes: dict[str, str] = field(default_factory=dict)  # native "WxH" -> orientation
    max_sequence_length: int = 512
    # Calibration for the cost model: GPU-seconds of a 5 s landscape clip at default steps on the
    # reference GPU class, and memory (weights + activations of that clip).
    ref_gpu_seconds: float = 60.0
    base_memory_mb: int = 8000
    activation_memory_mb: int = 6000

    def supported_sizes(self) -> list[str]:
        return [*OPENAI_SIZES, *self.extra_sizes]

    def resolve_size(self, size: str) -> tuple[int, int] | None:
        orientation = OPENAI_SIZES.get(size) or self.extra_sizes.get(size)
        return self.resolutions[orientation] if orientation else None

    def frames_for(self, seconds: int) -> int:
        """4k+1 frames covering `seconds` at `fps` (Wan's VAE compresses time by 4)."""
        return 4 * max(1, round(seconds * self.fps / 4)) + 1


PROFILES: dict[str, ModelProfile] = {
    # The random-weight model built by `build_tiny_model`: small enough for a CPU in tests.
    "tiny": ModelProfile(
        name="tiny", fps=4, default_steps=20, max_seconds=20, max_sequence_length=64,
        ref_gpu_seconds=0.5, base_memory_mb=50, activation_memory_mb=20,
        resolutions={"landscape": (128, 80), "portrait": (80, 128), "square": (96, 96)},
        extra_sizes={"128x80": "landscape", "80x128": "portrait", "96x96": "square"},
    ),
    # A second tiny build standing in for the 720p profile under `make run` and in tests: the same
    # 16:9 / 9:16 / 1:1 shapes at a fifth of 720p, so a CPU renders it in seconds.
    "tiny-hd": ModelProfile(
        name="tiny-hd", fps=8, default_steps=20, max_seconds=20, max_sequence_length=64,
        ref_gpu_seconds=1.5, base_memory_mb=60, activation_memory_mb=60,
        resolutions={"landscape": (256, 144), "portrait": (144, 256), "square": (192, 192)},
        extra_sizes={"256x144": "landscape", "144x256": "portrait", "192x192": "square"},
    ),
    # The tiny random-weight LTX-2 (audio + video; `build_tiny_model` writes it beside the tiny Wan, -ltx2):
    # its video VAE compresses space by 8, so these shapes are 12x8 latents.
    "tiny-av": ModelProfile(
        name="tiny-av", fps=8, default_steps=20, max_seconds=20, max_sequence_length=64,
        ref_gpu_seconds=1.0, base_memory_mb=60, activation_memory_mb=30,
        resolutions={"landscape": (96, 64), "portrait": (64, 96), "square": (64, 64)},
        extra_sizes={"96x64": "landscape", "64x96": "portrait", "64x64": "square"},
    ),
    # LTX-2 (Lightricks/LTX-2, audio + video in one pass) at its native 3:2 shapes, 24 fps; the worker rounds a
    # job's frames up to 8k+1, what its VAE decodes. GPU time and memory are estimates until measured.
    "ltx2": ModelProfile(
        name="ltx2", fps=24, default_steps=40, max_seconds=20, max_sequence_length=1024,
        ref_gpu_seconds=120.0, base_memory_mb=48000, activation_memory_mb=20000,
        resolutions={"landscape": (768, 512), "portrait": (512, 768), "square": (640, 640)},
        extra_sizes={"768x512": "landscape", "512x768": "portrait", "640x640": "square"},
    ),
    # Wan2.1-T2V-1.3B / 14B at 480p.
    "wan": ModelProfile(
        name="wan", fps=16, default_steps=50, max_seconds=20,
        ref_gpu_seconds=90.0, base_memory_mb=12000, activation_memory_mb=8000,
        resolutions={"landscape": (832, 480), "portrait": (480, 832), "square": (624, 624)},
        extra_sizes={"832x480": "landscape", "480x832": "portrait", "624x624": "square"},
    ),
    # Wan2.1-T2V-14B at 720p (its native size; about 4x the GPU time of 480p, and 80 GB class GPUs).
    "wan-720": ModelProfile(
        name="wan-720", fps=16, default_steps=50, max_seconds=20,
        ref_gpu_seconds=900.0, base_memory_mb=40000, activation_memory_mb=30000,
        resolutions={"landscape": (1280, 720), "portrait": (720, 1280), "square": (960, 960)},
        extra_sizes={"1280x720": "landscape", "720x1280": "portrait", "960x960": "square"},
    ),
}


def current_profile() -> ModelProfile:
    """The profile of the deployment's configured model (KINEMA_MODEL_PROFILE): the default catalog
    entry is seeded from it, and jobs made without a catalog version (older rows) render with it."""
    from django.conf import settings

    return PROFILES[settings.KINEMA_MODEL_PROFILE]


def job_profile(job: Job) -> ModelProfile:
    """The profile of the version a job was assigned (the deployment's default for a job without one)."""
    version = job.model_version
    return version.profile() if version is not None else current_profile()


def job_checkpoint(job: Job) -> str:
    """Where the weights of a job's version are (a folder or a hub id); KINEMA_MODEL for a job without
    a version or a version that leaves its checkpoint empty (the seeded default follows the setting)."""
    from django.conf import settings

    version = job.model_version
    return (version.checkpoint if version is not None else "") or settings.KINEMA_MODEL


def job_vace_checkpoint(job: Job) -> str:
    """The VACE checkpoint conditioned jobs of this version use: the version's own, else KINEMA_VACE_MODEL."""
    from django.conf import settings

    version = job.model_version
    return (version.vace_checkpoint if version is not None else "") or settings.KINEMA_VACE_MODEL


def job_price_factor(job: Job) -> float:
    version = job.model_version
    return version.price_factor if version is not None else 1.0


def priced(credits: int, factor: float) -> int:
    """A version's price: the base credits times its price factor, rounded up (at least 1)."""
    import math

    return credits if factor == 1.0 else max(1, math.ceil(credits * factor - 1e-9))
