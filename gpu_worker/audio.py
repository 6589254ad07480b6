"""The audio+video family: an LTX-2 checkpoint (`LTX2Pipeline`) denoises a clip's video and its soundtrack
together, and its vocoder turns the audio latents into a waveform.

Unlike the Wan families (gpu_worker/generation.py), whose loop the worker runs itself, LTX-2's step (two
latent streams, cross-modal attention, several guidance terms) is the pipeline's own: the worker calls the
pipeline and acts between steps from `callback_on_step_end`: the job's progress hooks (progress, stop on
cancel or a lost lease, previews), the NaN check, checkpoints every KINEMA_CHECKPOINT_EVERY steps and yielding
to a preemption. A checkpoint holds both latent streams after a step; a resumed run hands them back to the
pipeline as its starting latents with the rest of the sigma schedule, so it goes on from that step (a flow-match
Euler step draws no noise, so nothing else is needed). Jobs of this family run alone, never in a batch.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from gpu_worker.generation import (
    CHECKPOINT_FORMAT,
    GenerationRequest,
    NonFiniteLatents,
    StepHooks,
    Yielded,
    load_checkpoint,
)
from jobs.media import Audio, Clip

FAMILY_AUDIO_VIDEO = "audio_video"


def frames_for_vae(pipe: Any, num_frames: int) -> int:
    """The frame count the video VAE decodes to (k x its temporal compression + 1) closest above `num_frames`:
    LTX-2's VAE compresses time by 8 (the tiny build by 2), Wan's by 4, which is what job frame counts follow."""
    ratio = int(getattr(pipe, "vae_temporal_compression_ratio", 1) or 1)
    return ratio * max(1, -(-(num_frames - 1) // ratio)) + 1


def _sigmas(steps: int) -> np.ndarray:
    """The pipeline's default schedule (before its scheduler's shift), which a resumed run continues."""
    return np.linspace(1.0, 1 / steps, steps)


def _check_finite(step: int, *tensors: torch.Tensor) -> None:
    if not all(bool(torch.isfinite(t).all()) for t in tensors):
        raise NonFiniteLatents(step)


def generate_audio_video(pipe: Any, req: GenerationRequest, hooks: StepHooks, *, fps: int,
                         checkpoint_every: int = 0) -> Clip:
    """A clip with sound: the frames (uint8, (F, H, W, 3)) and the waveform at the vocoder's rate."""
    steps = req.steps
    num_frames = frames_for_vae(pipe, req.num_frames)
    saved = load_checkpoint(hooks, FAMILY_AUDIO_VIDEO, steps)
    first = 0
    start: dict[str, Any] = {}
    if saved is not None:
        first = int(saved["next_step"])
        audio_latents = saved["extra"]["audio_latents"]
        # The pipeline normalises audio latents it is handed; the checkpoint holds them normalised already.
        vae = pipe.audio_vae
        audio_latents = pipe._denormalize_audio_latents(audio_latents.to(vae.latents_mean.device),
                                                        vae.latents_mean, vae.latents_std)
        start = {"latents": saved["latents"], "audio_latents": audio_latents}
    generator = torch.Generator(device="cpu").manual_seed(req.seed)
    if saved is not None:
        generator.set_state(saved["rng"])
    should_yield = getattr(hooks, "should_yield", None)

    def on_step_end(_pipe: Any, i: int, t: torch.Tensor, tensors: dict[str, Any]) -> dict[str, Any]:
        """After each step; what it raises (a stop, a lost lease, Yielded, NaN) leaves the pipeline as it is."""
        done = first + i + 1
        latents, audio = tensors["latents"], tensors["audio_latents"]
        _check_finite(done, latents, audio)
        hooks.on_step(done, steps, latents)
        yielding = bool(should_yield and done < steps and should_yield())
        if yielding or (checkpoint_every and done % checkpoint_every == 0 and done < steps):
            hooks.save_checkpoint({
                "format": CHECKPOINT_FORMAT, "family": FAMILY_AUDIO_VIDEO, "inputs": "", "steps": steps,
                "next_step": done, "latents": latents.detach().cpu(), "scheduler": {},
                "rng": generator.get_state(), "extra": {"audio_latents": audio.detach().cpu()}}, done)
        if yielding:
            raise Yielded(done)
        return {}

    # The callback may name only the pipeline's declared tensors; the audio latents are a local of its loop
    # like the video ones, so this instance declares them too (for the checkpoint and the NaN check).
    pipe._callback_tensor_inputs = list(dict.fromkeys([*type(pipe)._callback_tensor_inputs, "audio_latents"]))
    remaining = _sigmas(steps)[first:]
    with torch.no_grad():
        frames, audio = pipe(
            prompt=req.prompt, negative_prompt=req.negative_prompt or None, height=req.height, width=req.width,
            num_frames=num_frames, frame_rate=float(fps), num_inference_steps=len(remaining),
            sigmas=list(remaining), guidance_scale=req.guidance_scale, generator=generator,
            max_sequence_length=req.max_sequence_length, output_type="np", return_dict=False,
            callback_on_step_end=on_step_end, callback_on_step_end_tensor_inputs=["latents", "audio_latents"],
            **start)
    video = (np.clip(np.asarray(frames)[0], 0.0, 1.0) * 255.0).round().astype(np.uint8)
    samples = audio[0].float().cpu().numpy() if isinstance(audio, torch.Tensor) else np.asarray(audio)[0]
    rate = int(pipe.vocoder.config.output_sampling_rate)
    return Clip(video, Audio(samples.astype(np.float32), rate))
