"""The denoising loop, built from a diffusers Wan-family pipeline's own parts.

We run the loop ourselves (rather than `pipe(...)`) because the platform needs to act between
steps: report progress, stop at once on cancel or preemption, check every step for NaN/inf, and
save a checkpoint (latents, next step, scheduler state, RNG state) from which any worker resumes
bit-identically. The arithmetic is the pipeline's: encode_prompt, prepare_latents, the scheduler,
the transformer with classifier-free guidance, then the VAE decode with latents_mean/std.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import torch

CHECKPOINT_FORMAT = 1


@dataclass(frozen=True)
class GenerationRequest:
    prompt: str
    negative_prompt: str
    width: int
    height: int
    num_frames: int
    steps: int
    guidance_scale: float
    seed: int
    max_sequence_length: int = 512


class NonFiniteLatents(Exception):
    """NaN or inf appeared in the latents: deterministic for this input, so never retried."""

    def __init__(self, step: int) -> None:
        super().__init__(f"non-finite values in the latents after step {step}")
        self.step = step


class Yielded(Exception):
    """The job gave its GPU back (preemption) after checkpointing at `step`."""

    def __init__(self, step: int) -> None:
        super().__init__(f"yielded after step {step}")
        self.step = step


class StepHooks(Protocol):
    def on_step(self, step: int, total: int, latents: torch.Tensor) -> None:
        """Called after every step; raise to stop (cancel, lost lease, preemption)."""

    def load_checkpoint(self) -> dict[str, Any] | None: ...

    def save_checkpoint(self, state: dict[str, Any], step: int) -> None: ...

    # Optional: `should_yield() -> bool`, asked after every step; True = checkpoint now and stop.


def _scheduler_state(scheduler: Any) -> dict[str, Any]:
    return {k: v for k, v in vars(scheduler).items() if k != "_internal_dict"}


def checkpoint_bytes(state: dict[str, Any]) -> bytes:
    buf = io.BytesIO()
    torch.save(state, buf)
    return buf.getvalue()


def checkpoint_from_bytes(data: bytes) -> dict[str, Any]:
    # weights_only=False: the scheduler's state holds plain Python objects; checkpoints are our own.
    return torch.load(io.BytesIO(data), map_location="cpu", weights_only=False)


def generate(pipe: Any, req: GenerationRequest, hooks: StepHooks, *, checkpoint_every: int = 0) -> np.ndarray:
    """Run the whole generation; returns uint8 frames shaped (frames, height, width, 3)."""
    device = pipe._execution_device
    transformer = pipe.transformer
    dtype = transformer.dtype
    cfg = req.guidance_scale > 1.0
    with torch.no_grad():
        prompt_embeds, negative_embeds = pipe.encode_prompt(
            prompt=req.prompt, negative_prompt=req.negative_prompt or "", do_classifier_free_guidance=cfg,
            num_videos_per_prompt=1, max_sequence_length=req.max_sequence_length, device=device,
        )
        prompt_embeds = prompt_embeds.to(dtype)
        if negative_embeds is not None:
            negative_embeds = negative_embeds.to(dtype)
        scheduler = pipe.scheduler
        scheduler.set_timesteps(req.steps, device=device)
        timesteps = scheduler.timesteps
        generator = torch.Generator(device="cpu").manual_seed(req.seed)
        latents = pipe.prepare_latents(1, transformer.config.in_channels, req.height, req.width, req.num_frames,
                                       torch.float32, torch.device("cpu"), generator).to(device)
        scheduler.set_begin_index(0)
        start = 0
        saved = hooks.load_checkpoint()
        if saved is not None:
            if saved.get("format") != CHECKPOINT_FORMAT or saved["steps"] != req.steps:
                raise ValueError("checkpoint does not match this request")
            latents = saved["latents"].to(device)
            start = int(saved["next_step"])
            for key, value in saved["scheduler"].items():
                setattr(scheduler, key, value.to(device) if isinstance(value, torch.Tensor) else value)
            generator.set_state(saved["rng"])

        boundary = None
        if getattr(pipe.config, "boundary_ratio", None) is not None:
            boundary = pipe.config.boundary_ratio * scheduler.config.num_train_timesteps
        for i in range(start, req.steps):
            t = timesteps[i]
            model = transformer
            scale = req.guidance_scale
            if boundary is not None and t < boundary and getattr(pipe, "transformer_2", None) is not None:
                model = pipe.transformer_2
            timestep = t.expand(latents.shape[0])
            model_input = latents.to(dtype)
            noise_pred = model(hidden_states=model_input, timestep=timestep, encoder_hidden_states=prompt_embeds,
                               return_dict=False)[0]
            if cfg:
                noise_uncond = model(hidden_states=model_input, timestep=timestep,
                                     encoder_hidden_states=negative_embeds, return_dict=False)[0]
                noise_pred = noise_uncond + scale * (noise_pred - noise_uncond)
            latents = scheduler.step(noise_pred, t, latents, return_dict=False)[0]
            if not torch.isfinite(latents).all():
                raise NonFiniteLatents(i + 1)
            hooks.on_step(i + 1, req.steps, latents)
            should_yield = getattr(hooks, "should_yield", None)
            yielding = bool(should_yield and i + 1 < req.steps and should_yield())
            if yielding or (checkpoint_every and (i + 1) % checkpoint_every == 0 and i + 1 < req.steps):
                hooks.save_checkpoint({
                    "format": CHECKPOINT_FORMAT, "latents": latents.detach().cpu(), "next_step": i + 1,
                    "steps": req.steps, "scheduler": _scheduler_state(scheduler), "rng": generator.get_state(),
                }, i + 1)
            if yielding:
                raise Yielded(i + 1)
        return decode(pipe, latents)


def decode(pipe: Any, latents: torch.Tensor) -> np.ndarray:
    vae = pipe.vae
    with torch.no_grad():
        latents = latents.to(vae.dtype)
        mean = torch.tensor(vae.config.latents_mean).view(1, vae.config.z_dim, 1, 1, 1).to(latents)
        inv_std = 1.0 / torch.tensor(vae.config.latents_std).view(1, vae.config.z_dim, 1, 1, 1).to(latents)
        video = vae.decode(latents / inv_std + mean, return_dict=False)[0]
        frames = pipe.video_processor.postprocess_video(video, output_type="np")[0]  # (F, H, W, 3) in [0, 1]
    return (np.clip(frames, 0.0, 1.0) * 255.0).round().astype(np.uint8)
