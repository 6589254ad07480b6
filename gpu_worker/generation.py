"""The denoising loop, built from a diffusers Wan-family pipeline's own parts.

We run the loop ourselves (rather than `pipe(...)`) because the platform needs to act between
steps: report progress, stop at once on cancel or preemption, check every step for NaN/inf, and
save a checkpoint (latents, next step, scheduler state, RNG state) from which any worker resumes
bit-identically. The arithmetic is the pipeline's: encode_prompt, prepare_latents, the scheduler,
the transformer with classifier-free guidance, then the VAE decode with latents_mean/std.

This module holds the text-to-video family and what every family shares (the step loop, checkpoint
state, decode); the conditioned families (video-to-video, VACE) are in gpu_worker/conditioning.py.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import torch

from jobs.media import Clip

CHECKPOINT_FORMAT = 1
FAMILY_T2V = "text_to_video"


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


# The model's prediction for the current latents at timestep t (guidance included).
Predict = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


@dataclass
class Denoising:
    """Where one run of a family's loop stands: everything a checkpoint holds, and what it needs to go on.

    `timesteps` are the ones this family denoises through; the first of them is step `first_step` of the
    job's `total_steps` (video-to-video at strength s skips the first (1 - s) of the schedule), so progress
    and checkpoint steps are counted on the job's own scale. `extra` is family state saved with the
    checkpoint (VACE's conditioning latents); `inputs` a digest of the conditioning inputs, so a checkpoint
    is never resumed against other inputs."""

    family: str
    scheduler: Any
    timesteps: torch.Tensor
    total_steps: int
    first_step: int
    next_step: int
    latents: torch.Tensor
    generator: torch.Generator
    inputs: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return self.next_step >= self.first_step + len(self.timesteps)

    def timestep(self) -> torch.Tensor:
        """The timestep of the next step."""
        return self.timesteps[self.next_step - self.first_step]

    def state(self) -> dict[str, Any]:
        return {
            "format": CHECKPOINT_FORMAT, "family": self.family, "inputs": self.inputs,
            "latents": self.latents.detach().cpu(), "next_step": self.next_step, "steps": self.total_steps,
            "scheduler": _scheduler_state(self.scheduler), "rng": self.generator.get_state(),
            "extra": {k: v.detach().cpu() if isinstance(v, torch.Tensor) else v for k, v in self.extra.items()},
        }


def _scheduler_state(scheduler: Any) -> dict[str, Any]:
    return {k: v for k, v in vars(scheduler).items() if k != "_internal_dict"}


def checkpoint_bytes(state: dict[str, Any]) -> bytes:
    buf = io.BytesIO()
    torch.save(state, buf)
    return buf.getvalue()


def checkpoint_from_bytes(data: bytes) -> dict[str, Any]:
    # weights_only=False: the scheduler's state holds plain Python objects; checkpoints are our own.
    state: dict[str, Any] = torch.load(io.BytesIO(data), map_location="cpu", weights_only=False)
    return state


def load_checkpoint(hooks: StepHooks, family: str, steps: int, inputs: str = "") -> dict[str, Any] | None:
    """The run's checkpoint, if any, after checking it was written by this family for this request.
    A checkpoint from before families existed has no `family` and is a text-to-video one."""
    saved = hooks.load_checkpoint()
    if saved is None:
        return None
    if (saved.get("format") != CHECKPOINT_FORMAT or saved["steps"] != steps
            or saved.get("family", FAMILY_T2V) != family or saved.get("inputs", "") != inputs):
        raise ValueError("checkpoint does not match this request")
    return saved


def restore(run: Denoising, saved: dict[str, Any], device: torch.device) -> None:
    """Put a run back where its checkpoint left it: latents, next step, scheduler state and RNG state."""
    run.latents = saved["latents"].to(device)
    run.next_step = int(saved["next_step"])
    for key, value in saved["scheduler"].items():
        setattr(run.scheduler, key, value.to(device) if isinstance(value, torch.Tensor) else value)
    run.generator.set_state(saved["rng"])
    run.extra = {k: v.to(device) if isinstance(v, torch.Tensor) else v for k, v in saved.get("extra", {}).items()}


def advance(run: Denoising, noise_pred: torch.Tensor, t: torch.Tensor, hooks: StepHooks, *,
            checkpoint_every: int = 0) -> None:
    """One step of one run, after the model's prediction for it: scheduler step, NaN check, progress,
    checkpoint, yield. The single loop (`run_steps`) and the batched one (`generate_batch`) both go through
    here, so a job behaves the same alone or in a batch."""
    last = run.first_step + len(run.timesteps)
    run.latents = run.scheduler.step(noise_pred, t, run.latents, return_dict=False)[0]
    done = run.next_step + 1
    if not torch.isfinite(run.latents).all():
        raise NonFiniteLatents(done)
    run.next_step = done
    hooks.on_step(done, run.total_steps, run.latents)
    should_yield = getattr(hooks, "should_yield", None)
    yielding = bool(should_yield and done < last and should_yield())
    if yielding or (checkpoint_every and done % checkpoint_every == 0 and done < last):
        hooks.save_checkpoint(run.state(), done)
    if yielding:
        raise Yielded(done)


def run_steps(run: Denoising, predict: Predict, hooks: StepHooks, *, checkpoint_every: int = 0) -> torch.Tensor:
    """The step loop every family shares: predict, then `advance`. Returns the final latents."""
    while not run.finished:
        t = run.timestep()
        advance(run, predict(run.latents, t), t, hooks, checkpoint_every=checkpoint_every)
    return run.latents


def encode_prompts(pipe: Any, req: GenerationRequest) -> tuple[torch.Tensor, torch.Tensor | None]:
    """(prompt, negative prompt) embeddings in the transformer's dtype; the negative one only with guidance."""
    dtype = pipe.transformer.dtype
    prompt_embeds, negative_embeds = pipe.encode_prompt(
        prompt=req.prompt, negative_prompt=req.negative_prompt or "",
        do_classifier_free_guidance=req.guidance_scale > 1.0, num_videos_per_prompt=1,
        max_sequence_length=req.max_sequence_length, device=pipe._execution_device,
    )
    return prompt_embeds.to(dtype), (negative_embeds.to(dtype) if negative_embeds is not None else None)


def start_text_to_video(pipe: Any, req: GenerationRequest, hooks: StepHooks, scheduler: Any) -> Denoising:
    """A text-to-video run at its first step to compute: from the job's checkpoint when it has one, else
    from the seed's noise. `scheduler` is the pipeline's own (a job alone) or a copy (one per job of a batch)."""
    device = pipe._execution_device
    scheduler.set_timesteps(req.steps, device=device)
    generator = torch.Generator(device="cpu").manual_seed(req.seed)
    scheduler.set_begin_index(0)
    run = Denoising(FAMILY_T2V, scheduler, scheduler.timesteps, req.steps, 0, 0, torch.empty(0), generator)
    saved = load_checkpoint(hooks, FAMILY_T2V, req.steps)
    if saved is not None:
        restore(run, saved, device)
    else:
        run.latents = pipe.prepare_latents(1, pipe.transformer.config.in_channels, req.height, req.width,
                                           req.num_frames, torch.float32, torch.device("cpu"), generator).to(device)
    return run


def model_for(pipe: Any, t: torch.Tensor) -> Any:
    """The transformer that denoises at timestep t (Wan2.2 checkpoints hand the low-noise steps to a second one)."""
    boundary = getattr(pipe.config, "boundary_ratio", None)
    if (boundary is not None and getattr(pipe, "transformer_2", None) is not None
            and t < boundary * pipe.scheduler.config.num_train_timesteps):
        return pipe.transformer_2
    return pipe.transformer


def guided_noise(model: Any, latents: torch.Tensor, t: torch.Tensor, dtype: torch.dtype, prompt_embeds: torch.Tensor,
                 negative_embeds: torch.Tensor | None, guidance_scale: float) -> torch.Tensor:
    """One noise prediction with classifier-free guidance (the unconditioned pass only when the scale is
    above 1), computed exactly as the diffusers Wan pipelines do, so the worker's loops equal theirs."""
    timestep = t.expand(latents.shape[0])
    model_input = latents.to(dtype)
    noise_pred: torch.Tensor = model(hidden_states=model_input, timestep=timestep,
                                     encoder_hidden_states=prompt_embeds, return_dict=False)[0]
    if guidance_scale > 1.0:
        noise_uncond = model(hidden_states=model_input, timestep=timestep,
                             encoder_hidden_states=negative_embeds, return_dict=False)[0]
        noise_pred = noise_uncond + guidance_scale * (noise_pred - noise_uncond)
    return noise_pred


def generate(pipe: Any, req: GenerationRequest, hooks: StepHooks, *, checkpoint_every: int = 0) -> np.ndarray:
    """Text-to-video; returns uint8 frames shaped (frames, height, width, 3)."""
    dtype = pipe.transformer.dtype
    with torch.no_grad():
        prompt_embeds, negative_embeds = encode_prompts(pipe, req)
        run = start_text_to_video(pipe, req, hooks, pipe.scheduler)

        def predict(latents: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
            return guided_noise(model_for(pipe, t), latents, t, dtype, prompt_embeds, negative_embeds,
                                req.guidance_scale)

        latents = run_steps(run, predict, hooks, checkpoint_every=checkpoint_every)
        return decode(pipe, latents)


# --- live batching --------------------------------------------------------------------------------

# How a job of a batch ended: its frames, or the exception that ended it (Yielded, NonFiniteLatents, the
# hooks' own stop exceptions, ...), exactly what `generate` would have returned or raised for it alone.
# (A job alone may also render a Clip: frames and a soundtrack, the audio+video family, gpu_worker/audio.py.)
Rendered = np.ndarray | Clip
BatchOutcome = Rendered | Exception
Finish = Callable[[int, BatchOutcome], None]


def batch_shape(req: GenerationRequest) -> tuple[int, int, int, int]:
    """What jobs must share to be denoised as one batch: the shapes of their latents and text embeddings.
    (Steps, seeds, prompts, guidance scales and the step each job is at may differ: each job keeps its own
    scheduler, noise and guidance, and the transformer takes one timestep per batch row.)"""
    return (req.width, req.height, req.num_frames, req.max_sequence_length)


@dataclass
class _Member:
    index: int
    req: GenerationRequest
    hooks: StepHooks
    run: Denoising
    prompt_embeds: torch.Tensor
    negative_embeds: torch.Tensor | None


def generate_batch(pipe: Any, jobs: Sequence[tuple[GenerationRequest, StepHooks]], finish: Finish, *,
                   checkpoint_every: int = 0) -> None:
    """Text-to-video for several jobs at once: one transformer call per step for all of them (latents and
    prompt embeddings stacked on the batch dimension, one timestep per row), then each job's own
    scheduler step, NaN check, progress, checkpoint and yield (`advance`, as alone).

    A job leaves the batch as soon as it ends, the others go on: `finish(index, outcome)` is called once
    per job, with its frames when its last step is done, or with the exception that ended it (a stop or
    lost lease raised by its hooks, a preemption's Yielded, NaN in its latents). An error of the shared
    transformer call ends every job still in the batch with that error. Everything a job computes alone
    (prompt encoding, initial noise, decode) it computes alone here too; only the transformer is batched."""
    if len({batch_shape(req) for req, _ in jobs}) > 1:
        raise ValueError("jobs of a batch must share width, height, frames and text length")
    active: list[_Member] = []
    with torch.no_grad():
        for index, (req, hooks) in enumerate(jobs):
            try:
                prompt_embeds, negative_embeds = encode_prompts(pipe, req)
                run = start_text_to_video(pipe, req, hooks, copy.deepcopy(pipe.scheduler))
            except Exception as exc:
                finish(index, exc)
                continue
            active.append(_Member(index, req, hooks, run, prompt_embeds, negative_embeds))
        while active:
            timesteps = [m.run.timestep() for m in active]
            try:
                predictions = _predict_batch(pipe, active, timesteps)
            except Exception as exc:
                for m in active:
                    finish(m.index, exc)
                return
            still: list[_Member] = []
            for m, t, noise_pred in zip(active, timesteps, predictions, strict=True):
                outcome: BatchOutcome | None = None
                try:
                    advance(m.run, noise_pred, t, m.hooks, checkpoint_every=checkpoint_every)
                    if m.run.finished:
                        outcome = decode(pipe, m.run.latents)
                except Exception as exc:
                    outcome = exc
                if outcome is None:
                    still.append(m)
                else:
                    finish(m.index, outcome)
            active = still


def _predict_batch(pipe: Any, members: list[_Member], timesteps: list[torch.Tensor]) -> list[torch.Tensor]:
    """Each member's guided noise prediction, from one conditional transformer call over all members (per
    transformer, for two-transformer checkpoints) and one unconditional call over those that use guidance."""
    dtype = pipe.transformer.dtype
    predictions: list[torch.Tensor | None] = [None] * len(members)
    groups: dict[int, tuple[Any, list[int]]] = {}
    for i, t in enumerate(timesteps):
        model = model_for(pipe, t)
        groups.setdefault(id(model), (model, []))[1].append(i)
    for model, rows in groups.values():
        latents = torch.cat([members[i].run.latents for i in rows]).to(dtype)
        timestep = torch.stack([timesteps[i] for i in rows])
        cond = model(hidden_states=latents, timestep=timestep,
                     encoder_hidden_states=torch.cat([members[i].prompt_embeds for i in rows]), return_dict=False)[0]
        guided = [k for k, i in enumerate(rows) if members[i].req.guidance_scale > 1.0]
        uncond: dict[int, torch.Tensor] = {}
        if guided:
            negatives = [members[rows[k]].negative_embeds for k in guided]
            out = model(hidden_states=latents[guided], timestep=timestep[guided],
                        encoder_hidden_states=torch.cat([n for n in negatives if n is not None]), return_dict=False)[0]
            uncond = {k: out[j:j + 1] for j, k in enumerate(guided)}
        for k, i in enumerate(rows):
            noise_pred: torch.Tensor = cond[k:k + 1]
            if k in uncond:
                noise_pred = uncond[k] + members[i].req.guidance_scale * (noise_pred - uncond[k])
            predictions[i] = noise_pred
    return [p for p in predictions if p is not None]


def decode(pipe: Any, latents: torch.Tensor) -> np.ndarray:
    vae = pipe.vae
    with torch.no_grad():
        latents = latents.to(vae.dtype)
        mean = torch.tensor(vae.config.latents_mean).view(1, vae.config.z_dim, 1, 1, 1).to(latents)
        inv_std = 1.0 / torch.tensor(vae.config.latents_std).view(1, vae.config.z_dim, 1, 1, 1).to(latents)
        video = vae.decode(latents / inv_std + mean, return_dict=False)[0]
        frames = pipe.video_processor.postprocess_video(video, output_type="np")[0]  # (F, H, W, 3) in [0, 1]
    return (np.clip(frames, 0.0, 1.0) * 255.0).round().astype(np.uint8)
