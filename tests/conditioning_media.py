"""Inputs for the conditioning tests: reference images, source clips and masks at the tiny model's sizes,
and the tiny pipelines loaded the way a worker loads them (from the folders `build_tiny_model` wrote)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.conf import settings
from PIL import Image

from gpu_worker.conditioning import ConditioningInputs
from gpu_worker.generation import GenerationRequest
from jobs.media import frames_to_bytes

WIDTH, HEIGHT = 128, 80


def request(num_frames: int = 9, steps: int = 4, seed: int = 5, prompt: str = "a red car on a street",
            guidance_scale: float = 5.0) -> GenerationRequest:
    return GenerationRequest(prompt=prompt, negative_prompt="", width=WIDTH, height=HEIGHT, num_frames=num_frames,
                             steps=steps, guidance_scale=guidance_scale, seed=seed, max_sequence_length=64)


def picture(seed: int, size: tuple[int, int] = (WIDTH, HEIGHT)) -> Image.Image:
    """A smooth random picture (a few colour blobs): compresses well, and differs from seed to seed."""
    rng = np.random.default_rng(seed)
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    out = np.zeros((h, w, 3), np.float32)
    for _ in range(4):
        cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(10, 40)
        out += rng.uniform(0, 255, 3) * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r * r))[..., None]
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def clip(seed: int, frames: int = 9) -> np.ndarray:
    """A source clip: a picture panning to the right, uint8 (T, H, W, 3) at the tiny size."""
    wide = np.asarray(picture(seed, (WIDTH + 2 * frames, HEIGHT)))
    return np.stack([wide[:, 2 * i:2 * i + WIDTH] for i in range(frames)]).astype(np.uint8)


def png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def centre_mask() -> Image.Image:
    """White (regenerate) in the middle, black (keep) around it: mode L at the tiny size."""
    mask = np.zeros((HEIGHT, WIDTH), np.uint8)
    mask[20:60, 32:96] = 255
    return Image.fromarray(mask, "L")


@dataclass
class FakeInputs:
    """Artifacts by kind and stored objects by key, as `ConditioningInputs` reads them."""

    artifacts: dict[str, bytes]
    stored: dict[str, bytes]

    def inputs(self) -> ConditioningInputs:
        def stored(key: str) -> bytes:
            if key not in self.stored:
                raise FileNotFoundError(key)
            return self.stored[key]

        return ConditioningInputs(artifact=self.artifacts.get, stored=stored)


def inputs(*, reference: Image.Image | None = None, source: np.ndarray | None = None, mask: Image.Image | None = None,
           references: dict[str, Image.Image] | None = None) -> ConditioningInputs:
    artifacts: dict[str, bytes] = {}
    if reference is not None:
        artifacts["input_reference"] = png(reference)
    if source is not None:
        artifacts["source_frames"] = frames_to_bytes(source)
    if mask is not None:
        artifacts["mask"] = png(mask)
    return FakeInputs(artifacts, {k: png(v) for k, v in (references or {}).items()}).inputs()


def load_pipelines() -> tuple[Any, Any, Any]:
    """(text-to-video, video-to-video, VACE) as a worker has them: loaded from KINEMA_MODEL and
    KINEMA_VACE_MODEL, video-to-video made of the text-to-video components."""
    from diffusers import DiffusionPipeline, WanVideoToVideoPipeline

    t2v = DiffusionPipeline.from_pretrained(settings.KINEMA_MODEL)
    shared = ("tokenizer", "text_encoder", "vae", "transformer", "scheduler")
    v2v: Any = WanVideoToVideoPipeline(**{k: t2v.components[k] for k in shared})
    vace = DiffusionPipeline.from_pretrained(settings.KINEMA_VACE_MODEL)
    for pipe in (t2v, v2v, vace):
        pipe.set_progress_bar_config(disable=True)
    return t2v, v2v, vace


def as_uint8(frames: np.ndarray) -> np.ndarray:
    """A pipeline's float frames in [0, 1] as the worker hands them off."""
    return (np.clip(frames, 0.0, 1.0) * 255.0).round().astype(np.uint8)
