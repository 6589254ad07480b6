"""What the configured model can render, and how API requests map onto it.

OpenAI's Videos API speaks in sizes such as "1280x720"; a diffusion model has a handful of native
resolutions (multiples of 16) and a frame rate. A profile names them; a request's size picks the
native resolution of the same orientation, and its duration becomes 4k+1 frames at the profile fps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    # Wan2.1-T2V-1.3B / 14B: 480p natively (720p for 14B via extra sizes).
    "wan": ModelProfile(
        name="wan", fps=16, default_steps=50, max_seconds=20,
        ref_gpu_seconds=90.0, base_memory_mb=12000, activation_memory_mb=8000,
        resolutions={"landscape": (832, 480), "portrait": (480, 832), "square": (624, 624)},
        extra_sizes={"832x480": "landscape", "480x832": "portrait", "624x624": "square"},
    ),
}


def current_profile() -> ModelProfile:
    from django.conf import settings

    return PROFILES[settings.KINEMA_MODEL_PROFILE]
