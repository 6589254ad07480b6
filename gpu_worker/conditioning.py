"""Conditioned generation: what a job is conditioned on, and the two pipeline families that take it.

A job's `conditioning` (jobs/models.py) names a mode; its bytes are artifacts. `plan` turns both into a
`ConditionedRequest` for one of two diffusers Wan families, whose denoising we run ourselves with the
shared step loop of gpu_worker/generation.py (progress, checkpoints, yield, NaN), so the output equals
the diffusers pipeline's own call exactly:

- video-to-video (`WanVideoToVideoPipeline`, built from the text-to-video checkpoint's own components):
  remix, and an edit without a mask. The source clip is VAE-encoded and noised to the strength's point
  of the schedule; only the remaining steps run.
- VACE (`WanVACEPipeline`, KINEMA_VACE_MODEL): the first frame (mode "image"), extension from the last
  frames of a clip, a masked edit, and subject references (`reference_keys`, any mode). The known
  frames, the mask and the reference images become conditioning latents that the transformer's control
  blocks receive at every step.

Checkpoints: video-to-video's source is folded into the latents at step 0, so the usual state suffices.
VACE's conditioning latents are saved in the checkpoint (a resumed run never re-encodes them), and every
checkpoint carries a digest of the inputs, so it is never resumed against different ones.

Bad input (a missing artifact, frames of the wrong shape, an unreadable image) raises ConditioningError:
deterministic for the job, so it fails with that message instead of being retried.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from PIL import Image, ImageOps, UnidentifiedImageError

from gpu_worker.generation import (
    Denoising,
    GenerationRequest,
    StepHooks,
    decode,
    encode_prompts,
    guided_noise,
    load_checkpoint,
    restore,
    run_steps,
)

FAMILY_V2V = "video_to_video"
FAMILY_VACE = "vace"
MODES = ("image", "remix", "extend", "edit")
DEFAULT_STRENGTH = {"remix": 0.6, "edit": 0.8}
TEMPORAL = 4  # Wan's VAE compresses time by 4: clips are 4k+1 frames
GREY = 128  # the value VACE reads as "unknown" in frames to generate (0 on its [-1, 1] scale, to 1/255)
MAX_REFERENCE_IMAGES = 4
MAX_REFERENCE_PIXELS = 4096 * 4096


class ConditioningError(ValueError):
    """The job's conditioning cannot be used (missing artifact, wrong shape, unreadable image, unknown mode).
    Deterministic for the job: it fails with this message rather than being retried."""


@dataclass(frozen=True, eq=False)
class ConditionedRequest:
    """One conditioned generation, in the form the pipelines take.

    `video` (uint8, (T, H, W, 3) at the request's size): the source clip for video-to-video; for VACE the
    known frames, grey where frames are to be generated, or None. `mask` (uint8, (T, H, W), 255 =
    generate, 0 = keep; VACE only) or None for "generate everything". For an extension the first
    `context_frames` output frames re-render the given context and are dropped; `stitch_before` (the
    source clip) is put before the new frames."""

    base: GenerationRequest
    family: str
    mode: str
    video: np.ndarray | None = None
    mask: np.ndarray | None = None
    reference_images: tuple[Image.Image, ...] = ()
    strength: float = 1.0
    context_frames: int = 0
    stitch_before: np.ndarray | None = None

    def video_frames(self) -> list[Image.Image] | None:
        """The video as the pipelines take it (a list of PIL frames)."""
        return None if self.video is None else [Image.fromarray(frame) for frame in self.video]

    def mask_frames(self) -> list[Image.Image] | None:
        return None if self.mask is None else [Image.fromarray(m).convert("RGB") for m in self.mask]

    def digest(self) -> str:
        """A fingerprint of everything the model is conditioned on besides the prompt and seed."""
        h = hashlib.sha256(f"{self.family}|{self.mode}|{self.strength!r}|{self.context_frames}".encode())
        for array in (self.video, self.mask):
            h.update(b"|none" if array is None else f"|{array.shape}".encode() + array.tobytes())
        for image in self.reference_images:
            h.update(f"|{image.size}".encode() + image.tobytes())
        return h.hexdigest()


@dataclass
class ConditioningInputs:
    """Where `plan` gets the bytes from: `artifact(kind)` is the job's live artifact of that kind (None when
    it has none), `stored(key)` any stored object by key (a character's reference image). Both may raise
    FileNotFoundError."""

    artifact: Callable[[str], bytes | None]
    stored: Callable[[str], bytes]


# --- inputs ---------------------------------------------------------------------------------------

def _need(inputs: ConditioningInputs, kind: str, mode: str) -> bytes:
    try:
        data = inputs.artifact(kind)
    except FileNotFoundError:
        data = None
    if not data:
        raise ConditioningError(f"the '{mode}' job has no {kind} to condition on")
    return data


def _image(data: bytes, what: str) -> Image.Image:
    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.width * img.height > MAX_REFERENCE_PIXELS:
                raise ConditioningError(f"{what} is too large ({img.width}x{img.height})")
            return ImageOps.exif_transpose(img).convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ConditioningError(f"{what} is not a readable image ({type(exc).__name__})") from exc


def source_frames(data: bytes, width: int, height: int) -> np.ndarray:
    """The source clip's frames (the FRAMES `.npy` format: uint8 RGB, (T, H, W, 3)) at the job's size."""
    try:
        frames = np.load(io.BytesIO(data), allow_pickle=False)
    except (ValueError, OSError, EOFError) as exc:
        raise ConditioningError(f"source_frames is not a frames array ({type(exc).__name__})") from exc
    if frames.dtype != np.uint8 or frames.ndim != 4 or frames.shape[-1] != 3 or len(frames) == 0:
        raise ConditioningError(f"source_frames must be uint8 RGB frames shaped (T, H, W, 3); got "
                                f"{frames.dtype} {tuple(frames.shape)}")
    if frames.shape[1:3] != (height, width):
        raise ConditioningError(f"source_frames are {frames.shape[2]}x{frames.shape[1]}, the job renders "
                                f"{width}x{height}")
    return frames


def region_mask(data: bytes, width: int, height: int) -> np.ndarray:
    """The edit's mask (white = regenerate) as 0/255 uint8, (H, W)."""
    mask = _image(data, "mask").convert("L")
    if mask.size != (width, height):
        raise ConditioningError(f"the mask is {mask.width}x{mask.height}, the job renders {width}x{height}")
    return np.where(np.asarray(mask) >= 128, 255, 0).astype(np.uint8)


def first_frame(image: Image.Image, width: int, height: int) -> np.ndarray:
    """The reference image as the clip's first frame: scaled to cover the frame, centre-cropped."""
    return np.asarray(ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS), dtype=np.uint8)


def _clip_length(available: int, wanted: int) -> int:
    """The longest 4k+1 frame count within both."""
    n = min(available, wanted)
    if n < 1:
        raise ConditioningError("the source clip has no frames")
    return (n - 1) // TEMPORAL * TEMPORAL + 1


def _strength(conditioning: dict[str, Any], mode: str) -> float:
    value = conditioning.get("strength", DEFAULT_STRENGTH.get(mode, 1.0))
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 < float(value) <= 1.0:
        raise ConditioningError(f"strength must be a number in (0, 1]; got {value!r}")
    return float(value)


# --- the plan -------------------------------------------------------------------------------------

def plan(conditioning: dict[str, Any], base: GenerationRequest,
         inputs: ConditioningInputs) -> ConditionedRequest | None:
    """The conditioned request for a job, or None for plain text-to-video (`{}`, no references)."""
    if not isinstance(conditioning, dict):
        raise ConditioningError("conditioning must be an object")
    mode = conditioning.get("mode") or ""
    if mode and mode not in MODES:
        raise ConditioningError(f"unknown conditioning mode {mode!r} (one of {', '.join(MODES)})")
    keys = conditioning.get("reference_keys") or []
    if not isinstance(keys, list) or not all(isinstance(k, str) and k for k in keys):
        raise ConditioningError("reference_keys must be a list of storage keys")
    if len(keys) > MAX_REFERENCE_IMAGES:
        raise ConditioningError(f"at most {MAX_REFERENCE_IMAGES} reference images; got {len(keys)}")
    references = []
    for key in keys:
        try:
            data = inputs.stored(key)
        except FileNotFoundError as exc:
            raise ConditioningError(f"reference image {key} is missing from storage") from exc
        references.append(_image(data, f"reference image {key}"))
    refs = tuple(references)
    w, h, n = base.width, base.height, base.num_frames

    if mode == "image":
        image = _image(_need(inputs, "input_reference", mode), "input_reference")
        video = np.full((n, h, w, 3), GREY, np.uint8)
        video[0] = first_frame(image, w, h)
        mask = np.full((n, h, w), 255, np.uint8)
        mask[0] = 0
        return ConditionedRequest(base, FAMILY_VACE, mode, video, mask, refs)

    if mode == "extend":
        source = source_frames(_need(inputs, "source_frames", mode), w, h)
        k = conditioning.get("context_frames", TEMPORAL)
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            raise ConditioningError(f"context_frames must be a positive integer; got {k!r}")
        # Context + new frames must make 4k+1 and the new part is 4k+1 already: the context is a multiple
        # of 4 (the largest within K and the source, at least 4).
        k = min(max(TEMPORAL, k - k % TEMPORAL), len(source) - len(source) % TEMPORAL)
        if k < TEMPORAL:
            raise ConditioningError(f"an extension needs at least {TEMPORAL} source frames; got {len(source)}")
        video = np.concatenate([source[-k:], np.full((n, h, w, 3), GREY, np.uint8)])
        mask = np.concatenate([np.zeros((k, h, w), np.uint8), np.full((n, h, w), 255, np.uint8)])
        return ConditionedRequest(base, FAMILY_VACE, mode, video, mask, refs, context_frames=k,
                                  stitch_before=source)

    if mode in ("remix", "edit"):
        source = source_frames(_need(inputs, "source_frames", mode), w, h)
        clip = source[:_clip_length(len(source), n)]
        if mode == "edit" and conditioning.get("has_mask"):
            region = region_mask(_need(inputs, "mask", mode), w, h)
            return ConditionedRequest(base, FAMILY_VACE, mode, clip, np.repeat(region[None], len(clip), 0), refs)
        if refs:
            # Video-to-video cannot take references: VACE regenerates every frame from the source instead.
            return ConditionedRequest(base, FAMILY_VACE, mode, clip, None, refs)
        return ConditionedRequest(base, FAMILY_V2V, mode, clip, strength=_strength(conditioning, mode))

    if refs:  # text-to-video with subject references
        return ConditionedRequest(base, FAMILY_VACE, "reference", reference_images=refs)
    return None


# --- the families ---------------------------------------------------------------------------------

def generate_conditioned(pipe: Any, creq: ConditionedRequest, hooks: StepHooks, *,
                         checkpoint_every: int = 0) -> np.ndarray:
    """Run a conditioned request on its family's pipeline; returns uint8 frames (T, H, W, 3) (for an
    extension: the source clip followed by the new frames)."""
    run = video_to_video if creq.family == FAMILY_V2V else vace
    frames = run(pipe, creq, hooks, checkpoint_every=checkpoint_every)
    if creq.context_frames:
        frames = frames[creq.context_frames:]
    if creq.stitch_before is not None:
        frames = np.concatenate([creq.stitch_before, frames])
    return frames


def video_to_video(pipe: Any, creq: ConditionedRequest, hooks: StepHooks, *, checkpoint_every: int = 0) -> np.ndarray:
    """WanVideoToVideoPipeline's arithmetic: the source VAE-encoded (mode of the posterior), noised to the
    first of the timesteps the strength keeps, then denoised through those."""
    req = creq.base
    device = pipe._execution_device
    transformer = pipe.transformer
    dtype = transformer.dtype
    with torch.no_grad():
        prompt_embeds, negative_embeds = encode_prompts(pipe, req)
        scheduler = pipe.scheduler
        scheduler.set_timesteps(req.steps, device=device)
        timesteps, kept = pipe.get_timesteps(req.steps, scheduler.timesteps, creq.strength, device)
        if kept < 1:
            raise ConditioningError(f"strength {creq.strength} of {req.steps} steps leaves no step to run")
        generator = torch.Generator(device="cpu").manual_seed(req.seed)
        first = req.steps - kept
        run = Denoising(FAMILY_V2V, scheduler, timesteps, req.steps, first, first, torch.empty(0), generator,
                        inputs=creq.digest())
        saved = load_checkpoint(hooks, FAMILY_V2V, req.steps, run.inputs)
        if saved is not None:
            restore(run, saved, device)
        else:
            video = pipe.video_processor.preprocess_video(creq.video_frames(), height=req.height, width=req.width)
            run.latents = pipe.prepare_latents(video.to(device, dtype=torch.float32), 1,
                                               transformer.config.in_channels, req.height, req.width,
                                               torch.float32, device, generator, None, timesteps[:1].repeat(1))

        def predict(latents: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
            return guided_noise(transformer, latents, t, dtype, prompt_embeds, negative_embeds, req.guidance_scale)

        return decode(pipe, run_steps(run, predict, hooks, checkpoint_every=checkpoint_every))


def vace(pipe: Any, creq: ConditionedRequest, hooks: StepHooks, *, checkpoint_every: int = 0) -> np.ndarray:
    """WanVACEPipeline's arithmetic (Wan2.1: one transformer): the known frames, mask and reference images
    become conditioning latents (`control_hidden_states`) the transformer's VACE blocks take at every
    step; reference images add leading latent frames that are dropped before the decode."""
    req = creq.base
    device = pipe._execution_device
    transformer = pipe.transformer
    if transformer is None or getattr(pipe, "transformer_2", None) is not None:
        raise ConditioningError("only single-transformer (Wan2.1) VACE checkpoints are supported")
    dtype = transformer.dtype
    cfg = req.guidance_scale > 1.0
    num_frames = creq.video.shape[0] if creq.video is not None else req.num_frames
    with torch.no_grad():
        scale = torch.tensor([1.0] * len(transformer.config.vace_layers)).to(device=device, dtype=dtype)
        prompt_embeds, negative_embeds = encode_prompts(pipe, req)
        scheduler = pipe.scheduler
        scheduler.set_timesteps(req.steps, device=device)
        generator = torch.Generator(device="cpu").manual_seed(req.seed)
        run = Denoising(FAMILY_VACE, scheduler, scheduler.timesteps, req.steps, 0, 0, torch.empty(0), generator,
                        inputs=creq.digest())
        saved = load_checkpoint(hooks, FAMILY_VACE, req.steps, run.inputs)
        if saved is not None:
            restore(run, saved, device)
        else:
            control, references = vace_conditioning(pipe, creq, num_frames, generator)
            run.extra = {"control": control, "reference_frames": references}
            run.latents = pipe.prepare_latents(1, transformer.config.in_channels, req.height, req.width,
                                               num_frames + references * pipe.vae_scale_factor_temporal,
                                               torch.float32, device, generator, None)
        control = run.extra["control"]

        def predict(latents: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
            model_input = latents.to(dtype)
            timestep = t.expand(latents.shape[0])
            with transformer.cache_context("cond"):
                noise_pred: torch.Tensor = transformer(
                    hidden_states=model_input, timestep=timestep, encoder_hidden_states=prompt_embeds,
                    control_hidden_states=control, control_hidden_states_scale=scale, return_dict=False)[0]
            if cfg:
                with transformer.cache_context("uncond"):
                    noise_uncond = transformer(
                        hidden_states=model_input, timestep=timestep, encoder_hidden_states=negative_embeds,
                        control_hidden_states=control, control_hidden_states_scale=scale, return_dict=False)[0]
                    noise_pred = noise_uncond + req.guidance_scale * (noise_pred - noise_uncond)
            return noise_pred

        latents = run_steps(run, predict, hooks, checkpoint_every=checkpoint_every)
        return decode(pipe, latents[:, :, int(run.extra["reference_frames"]):])


def vace_conditioning(pipe: Any, creq: ConditionedRequest, num_frames: int,
                      generator: torch.Generator) -> tuple[torch.Tensor, int]:
    """(the conditioning latents the transformer receives, the number of reference images), computed by
    the pipeline's own steps: the frames split by the mask into kept ("inactive") and to-generate
    ("reactive") parts, each VAE-encoded and normalised; each reference image encoded in front; the mask
    folded into 8x8 patches as further channels."""
    req = creq.base
    device = pipe._execution_device
    refs = list(creq.reference_images) or None
    video, mask, references = pipe.preprocess_conditions(creq.video_frames(), creq.mask_frames(), refs, 1,
                                                         req.height, req.width, num_frames, torch.float32, device)
    latents = pipe.prepare_video_latents(video, mask, references, generator, device)
    folded_mask = pipe.prepare_masks(mask, references, generator)
    control = torch.cat([latents, folded_mask], dim=1).to(pipe.transformer.dtype)
    return control, len(references[0])
