"""Conditioned generation in process, on the tiny random-weight models: the worker's own loop equals the
diffusers pipelines' output exactly (video-to-video, VACE), resumes bit-identically from a checkpoint, and
the conditioning reaches the model (different inputs, different videos; the transformer receives the
VAE encoding of the given image or frames). Random weights cannot show resemblance: these test the data path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from django.conf import settings
from django.core.management import call_command

from gpu_worker.conditioning import (
    FAMILY_V2V,
    FAMILY_VACE,
    ConditionedRequest,
    ConditioningError,
    generate_conditioned,
    plan,
)
from gpu_worker.generation import GenerationRequest, checkpoint_bytes, checkpoint_from_bytes, generate
from tests.conditioning_media import (
    HEIGHT,
    WIDTH,
    as_uint8,
    centre_mask,
    clip,
    inputs,
    load_pipelines,
    picture,
    request,
)

torch.set_num_threads(1)
BASE = request()


@pytest.fixture(scope="module")
def pipes() -> tuple[Any, Any, Any]:
    return load_pipelines()


class Recorder:
    """Step hooks that record progress and checkpoints; `stop_at` stands in for a killed worker."""

    def __init__(self, resume_from: bytes | None = None, stop_at: int | None = None) -> None:
        self.steps: list[int] = []
        self.totals: set[int] = set()
        self.checkpoints: dict[int, bytes] = {}
        self.resume_from = resume_from
        self.stop_at = stop_at

    def on_step(self, step: int, total: int, latents: torch.Tensor) -> None:
        self.steps.append(step)
        self.totals.add(total)
        if step == self.stop_at:
            raise KeyboardInterrupt

    def load_checkpoint(self) -> dict[str, Any] | None:
        return checkpoint_from_bytes(self.resume_from) if self.resume_from else None

    def save_checkpoint(self, state: dict[str, Any], step: int) -> None:
        self.checkpoints[step] = checkpoint_bytes(state)


def diffusers_vace(vace: Any, creq: ConditionedRequest) -> np.ndarray:
    """WanVACEPipeline's own call with the request's inputs, post-processed as the worker hands frames off."""
    req = creq.base
    frames = vace(prompt=req.prompt, negative_prompt="", video=creq.video_frames(), mask=creq.mask_frames(),
                  reference_images=list(creq.reference_images) or None, height=req.height, width=req.width,
                  num_frames=len(creq.video) if creq.video is not None else req.num_frames,
                  num_inference_steps=req.steps, guidance_scale=req.guidance_scale,
                  max_sequence_length=req.max_sequence_length, output_type="np",
                  generator=torch.Generator().manual_seed(req.seed)).frames[0]
    return as_uint8(frames)


def diffusers_v2v(v2v: Any, creq: ConditionedRequest) -> np.ndarray:
    req = creq.base
    frames = v2v(video=creq.video_frames(), prompt=req.prompt, negative_prompt="", height=req.height,
                 width=req.width, num_inference_steps=req.steps, guidance_scale=req.guidance_scale,
                 strength=creq.strength, max_sequence_length=req.max_sequence_length, output_type="np",
                 generator=torch.Generator().manual_seed(req.seed)).frames[0]
    return as_uint8(frames)


def vace_plan(conditioning: dict[str, Any], base: GenerationRequest = BASE, **kwargs: Any) -> ConditionedRequest:
    creq = plan(conditioning, base, inputs(**kwargs))
    assert creq is not None and creq.family == FAMILY_VACE
    return creq


def v2v_plan(conditioning: dict[str, Any], base: GenerationRequest = BASE, **kwargs: Any) -> ConditionedRequest:
    creq = plan(conditioning, base, inputs(**kwargs))
    assert creq is not None and creq.family == FAMILY_V2V
    return creq


# --- the loop equals the pipeline ----------------------------------------------------------------

def test_video_to_video_loop_equals_the_pipeline_and_counts_steps_on_the_jobs_scale(pipes: Any) -> None:
    _, v2v, _ = pipes
    creq = plan({"mode": "remix", "strength": 0.5}, BASE, inputs(source=clip(1)))
    assert creq is not None and creq.family == FAMILY_V2V and creq.strength == 0.5
    rec = Recorder()
    ours = generate_conditioned(v2v, creq, rec)
    assert ours.shape == (9, HEIGHT, WIDTH, 3) and ours.dtype == np.uint8
    assert np.array_equal(ours, diffusers_v2v(v2v, creq))
    # Strength 0.5 of 4 steps skips the first two: progress goes 3, 4 of the job's 4.
    assert rec.steps == [3, 4] and rec.totals == {4}


VACE_CASES = {
    "first frame": lambda: vace_plan({"mode": "image"}, reference=picture(1, (200, 90))),
    "extension": lambda: vace_plan({"mode": "extend", "context_frames": 4}, source=clip(2)),
    "masked edit": lambda: vace_plan({"mode": "edit", "has_mask": True, "strength": 0.8}, source=clip(3),
                                     mask=centre_mask()),
    "character references": lambda: vace_plan({"reference_keys": ["chars/a.png", "chars/b.png"]},
                                              references={"chars/a.png": picture(4), "chars/b.png": picture(5)}),
    "remix with a reference": lambda: vace_plan({"mode": "remix", "reference_keys": ["chars/a.png"]},
                                                source=clip(6), references={"chars/a.png": picture(4)}),
}


@pytest.mark.parametrize("case", VACE_CASES)
def test_vace_loop_equals_the_pipeline(pipes: Any, case: str) -> None:
    _, _, vace = pipes
    creq = VACE_CASES[case]()
    ours = generate_conditioned(vace, creq, Recorder())
    theirs = diffusers_vace(vace, creq)
    if creq.mode == "extend":
        source = clip(2)
        # The clip handed off is the source, untouched, then the new frames (what VACE made after the context).
        assert creq.context_frames == 4 and len(ours) == len(source) + BASE.num_frames
        assert np.array_equal(ours[:len(source)], source)
        theirs = np.concatenate([source, theirs[creq.context_frames:]])
    assert ours.shape == theirs.shape and np.array_equal(ours, theirs)


# --- resume ---------------------------------------------------------------------------------------

RESUME_CASES = {
    "video-to-video": lambda: plan({"mode": "remix", "strength": 1.0}, BASE, inputs(source=clip(7))),
    "VACE extension with a reference": lambda: vace_plan(
        {"mode": "extend", "context_frames": 8, "reference_keys": ["k"]}, source=clip(8),
        references={"k": picture(9)}),
}


@pytest.mark.parametrize("case", RESUME_CASES)
def test_resume_from_a_checkpoint_is_bit_identical_without_recomputing_the_conditioning(
        pipes: Any, case: str) -> None:
    _, v2v, vace = pipes
    creq = RESUME_CASES[case]()
    assert creq is not None
    pipe = v2v if creq.family == FAMILY_V2V else vace
    full = generate_conditioned(pipe, creq, Recorder())
    crashed = Recorder(stop_at=4)
    with pytest.raises(KeyboardInterrupt):
        generate_conditioned(pipe, creq, crashed, checkpoint_every=1)
    assert sorted(crashed.checkpoints) == [1, 2, 3]
    saved = checkpoint_from_bytes(crashed.checkpoints[2])
    assert saved["family"] == creq.family and saved["inputs"] == creq.digest()
    if creq.family == FAMILY_VACE:
        # The conditioning latents travel with the checkpoint (with the reference image's leading frame).
        assert saved["extra"]["reference_frames"] == 1
        assert saved["extra"]["control"].shape[1] == 96

    _, fresh_v2v, fresh_vace = load_pipelines()  # as on another worker
    fresh = fresh_v2v if creq.family == FAMILY_V2V else fresh_vace
    encodes: list[int] = []
    original_encode = fresh.vae.encode

    def counting_encode(*args: Any, **kwargs: Any) -> Any:
        encodes.append(1)
        return original_encode(*args, **kwargs)

    fresh.vae.encode = counting_encode
    resumed = Recorder(resume_from=crashed.checkpoints[2])
    assert np.array_equal(generate_conditioned(fresh, creq, resumed), full)
    assert resumed.steps == [3, 4], "only the steps after the checkpoint are redone"
    assert encodes == [], "a resumed run takes its conditioning from the checkpoint, it does not re-encode"


def test_a_checkpoint_is_never_resumed_against_other_conditioning(pipes: Any) -> None:
    _, _, vace = pipes
    first = vace_plan({"mode": "image"}, reference=picture(10))
    crashed = Recorder(stop_at=2)
    with pytest.raises(KeyboardInterrupt):
        generate_conditioned(vace, first, crashed, checkpoint_every=1)
    other = vace_plan({"mode": "image"}, reference=picture(11))
    with pytest.raises(ValueError, match="checkpoint does not match"):
        generate_conditioned(vace, other, Recorder(resume_from=crashed.checkpoints[1]))


# --- the conditioning reaches the model -----------------------------------------------------------

def _distinct(*videos: np.ndarray) -> bool:
    return all(not np.array_equal(a, b) for i, a in enumerate(videos) for b in videos[i + 1:])


def test_different_first_frames_give_different_videos_and_none_gives_a_third(pipes: Any) -> None:
    _, _, vace = pipes
    a = generate_conditioned(vace, vace_plan({"mode": "image"}, reference=picture(12)), Recorder())
    b = generate_conditioned(vace, vace_plan({"mode": "image"}, reference=picture(13)), Recorder())
    again = generate_conditioned(vace, vace_plan({"mode": "image"}, reference=picture(12)), Recorder())
    none = generate_conditioned(vace, ConditionedRequest(BASE, FAMILY_VACE, "none"), Recorder())
    assert np.array_equal(a, again), "same seed, same image: the same video"
    assert _distinct(a, b, none)


def test_different_source_clips_give_different_remixes_and_text_alone_a_third(pipes: Any) -> None:
    t2v, v2v, _ = pipes
    remix = {"mode": "remix", "strength": 0.75}
    a = generate_conditioned(v2v, v2v_plan(remix, source=clip(14)), Recorder())
    b = generate_conditioned(v2v, v2v_plan(remix, source=clip(15)), Recorder())
    text_only = generate(t2v, BASE, Recorder())
    assert _distinct(a, b, text_only)


def test_different_character_references_give_different_videos_and_none_gives_a_third(pipes: Any) -> None:
    _, _, vace = pipes
    videos = [generate_conditioned(vace, vace_plan({"mode": "extend", "context_frames": 4, "reference_keys": keys},
                                                   source=clip(16), references={"a": picture(17), "b": picture(18)}),
                                   Recorder()) for keys in (["a"], ["b"], [])]
    assert _distinct(*videos)


def _captured_control(vace: Any, creq: ConditionedRequest) -> torch.Tensor:
    """The conditioning latents the transformer received at the first step."""
    seen: list[torch.Tensor] = []

    def grab(module: Any, args: Any, kwargs: dict[str, Any]) -> None:
        seen.append(kwargs["control_hidden_states"].clone())

    handle = vace.transformer.register_forward_pre_hook(grab, with_kwargs=True)
    try:
        generate_conditioned(vace, creq, Recorder())
    finally:
        handle.remove()
    assert len(seen) == 2 * creq.base.steps  # with and without the prompt, every step
    assert all(torch.equal(seen[0], later) for later in seen[1:]), "the same conditioning at every step"
    return seen[0]


def vae_latents(vae: Any, frames: np.ndarray) -> torch.Tensor:
    """The VAE encoding (posterior mode) of uint8 frames (T, H, W, 3), normalised as Wan's latents are."""
    pixels = torch.from_numpy(np.array(frames)).float().permute(3, 0, 1, 2)[None] / 255.0 * 2.0 - 1.0
    with torch.no_grad():
        z = vae.encode(pixels).latent_dist.mode()
    mean = torch.tensor(vae.config.latents_mean).view(1, -1, 1, 1, 1)
    return (z - mean) * (1.0 / torch.tensor(vae.config.latents_std).view(1, -1, 1, 1, 1))


def test_the_transformer_receives_the_vae_encoding_of_the_first_frame(pipes: Any) -> None:
    _, _, vace = pipes
    image = picture(19)  # at the job's size: the first frame is the image itself
    control = _captured_control(vace, vace_plan({"mode": "image"}, reference=image))
    kept = control[:, :16]  # the "inactive" half: what the mask keeps, VAE-encoded
    # Wan's VAE is causal in time: latent frame 0 encodes frame 0 alone, here the reference image.
    torch.testing.assert_close(kept[:, :, :1], vae_latents(vace.vae, np.asarray(image)[None]), rtol=0, atol=1e-6)
    other = _captured_control(vace, vace_plan({"mode": "image"}, reference=picture(20)))
    assert not torch.equal(other[:, :16, :1], kept[:, :, :1])


def test_the_transformer_receives_the_vae_encoding_of_the_context_frames(pipes: Any) -> None:
    _, _, vace = pipes
    source = clip(21)
    creq = vace_plan({"mode": "extend", "context_frames": 4}, source=source)
    control = _captured_control(vace, creq)
    # The kept half: the last 4 source frames, then nothing (the frames to generate are masked out).
    known = np.concatenate([source[-4:], np.full((BASE.num_frames, HEIGHT, WIDTH, 3), 127.5)])
    pixels = torch.from_numpy(known).float().permute(3, 0, 1, 2)[None] / 255.0 * 2.0 - 1.0
    pixels[:, :, 4:] = 0.0
    with torch.no_grad():
        z = vace.vae.encode(pixels).latent_dist.mode()
    mean = torch.tensor(vace.vae.config.latents_mean).view(1, -1, 1, 1, 1)
    expected = (z - mean) * (1.0 / torch.tensor(vace.vae.config.latents_std).view(1, -1, 1, 1, 1))
    torch.testing.assert_close(control[:, :16], expected, rtol=0, atol=1e-6)
    # The mask channels: keep (0) over the context's latent frame, generate (1) over the last ones.
    assert torch.all(control[:, 32:, 0] == 0) and torch.all(control[:, 32:, -1] == 1)


def test_the_transformer_receives_the_vae_encoding_of_each_reference_image(pipes: Any) -> None:
    _, _, vace = pipes
    refs = {"a": picture(22), "b": picture(23)}  # at the job's size: placed on the canvas unscaled
    control = _captured_control(vace, vace_plan({"reference_keys": ["a", "b"]}, references=refs))
    latent_frames = (BASE.num_frames - 1) // 4 + 1
    assert control.shape[2] == 2 + latent_frames  # one leading latent frame per reference image
    # diffusers puts each reference in front of the previous ones: b, then a.
    for index, key in enumerate(["b", "a"]):
        torch.testing.assert_close(control[:, :16, index:index + 1],
                                   vae_latents(vace.vae, np.asarray(refs[key])[None]), rtol=0, atol=1e-6)
        assert torch.all(control[:, 16:, index] == 0), "no reactive part and a 'keep' mask for a reference"


def test_the_transformer_starts_video_to_video_from_the_noised_encoding_of_the_source(pipes: Any) -> None:
    _, v2v, _ = pipes
    source = clip(24)
    creq = plan({"mode": "remix", "strength": 0.5}, BASE, inputs(source=source))
    assert creq is not None
    seen: list[torch.Tensor] = []
    handle = v2v.transformer.register_forward_pre_hook(
        lambda module, args, kwargs: seen.append(kwargs["hidden_states"].clone()), with_kwargs=True)
    try:
        generate_conditioned(v2v, creq, Recorder())
    finally:
        handle.remove()
    encoded = vae_latents(v2v.vae, source)
    noise = torch.randn(encoded.shape, generator=torch.Generator().manual_seed(BASE.seed))
    sigma = v2v.scheduler.sigmas[BASE.steps // 2]  # strength 0.5: the schedule's middle
    torch.testing.assert_close(seen[0], sigma * noise + (1.0 - sigma) * encoded, rtol=0, atol=1e-5)


# --- planning: each mode's inputs, and bad input failing clearly --------------------------------

def test_each_mode_plans_its_family_and_frames() -> None:
    assert plan({}, BASE, inputs()) is None
    source13 = clip(25, frames=13)
    remix = plan({"mode": "remix"}, BASE, inputs(source=source13))
    assert remix is not None and remix.family == FAMILY_V2V and remix.strength == 0.6
    assert remix.video is not None and np.array_equal(remix.video, source13[:9])  # the job's 9 frames
    edit = plan({"mode": "edit", "has_mask": False}, BASE, inputs(source=source13))
    assert edit is not None and edit.family == FAMILY_V2V and edit.strength == 0.8
    masked = vace_plan({"mode": "edit", "has_mask": True}, source=source13, mask=centre_mask())
    assert masked.mask is not None and masked.mask.shape == (9, HEIGHT, WIDTH)
    assert set(np.unique(masked.mask)) == {0, 255} and masked.mask[:, 40, 64].all() and not masked.mask[:, 0, 0].any()
    image = vace_plan({"mode": "image"}, reference=picture(26, (300, 300)))
    assert image.video is not None and image.mask is not None
    assert image.video.shape == (9, HEIGHT, WIDTH, 3) and not image.mask[0].any() and image.mask[1:].all()
    # Context + new frames must make 4k+1: K is taken down to a multiple of 4 within the source.
    assert vace_plan({"mode": "extend", "context_frames": 6}, source=source13).context_frames == 4
    assert vace_plan({"mode": "extend", "context_frames": 50}, source=source13).context_frames == 12
    assert vace_plan({"mode": "extend", "context_frames": 1}, source=source13).context_frames == 4


BAD_INPUTS: dict[str, tuple[dict[str, Any], dict[str, Any], str]] = {
    "remix without source frames": ({"mode": "remix"}, {}, "has no source_frames"),
    "source frames of another size": ({"mode": "remix"}, {"source": np.zeros((9, 64, 64, 3), np.uint8)},
                                      "source_frames are 64x64, the job renders 128x80"),
    "source frames not uint8": ({"mode": "remix"}, {"source": np.zeros((9, HEIGHT, WIDTH, 3), np.float32)},
                                "must be uint8 RGB frames"),
    "source frames without frames": ({"mode": "extend"}, {"source": np.zeros((0, HEIGHT, WIDTH, 3), np.uint8)},
                                     "must be uint8 RGB frames"),
    "too short to extend": ({"mode": "extend"}, {"source": np.zeros((3, HEIGHT, WIDTH, 3), np.uint8)},
                            "at least 4 source frames"),
    "bad context_frames": ({"mode": "extend", "context_frames": "4"}, {"source": clip(1)}, "context_frames"),
    "edit without its mask": ({"mode": "edit", "has_mask": True}, {"source": clip(1)}, "has no mask"),
    "mask of another size": ({"mode": "edit", "has_mask": True}, {"source": clip(1), "mask": picture(1, (64, 64))},
                             "the mask is 64x64"),
    "image without a reference": ({"mode": "image"}, {}, "has no input_reference"),
    "unknown mode": ({"mode": "dream"}, {}, "unknown conditioning mode 'dream'"),
    "strength of zero": ({"mode": "remix", "strength": 0}, {"source": clip(1)}, "strength must be"),
    "strength above one": ({"mode": "remix", "strength": 1.5}, {"source": clip(1)}, "strength must be"),
    "missing character image": ({"reference_keys": ["gone.png"]}, {}, "gone.png is missing from storage"),
    "reference_keys not a list": ({"reference_keys": "a.png"}, {}, "reference_keys must be a list"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_conditioning_input_is_a_clear_error(case: str) -> None:
    conditioning, given, message = BAD_INPUTS[case]
    with pytest.raises(ConditioningError, match=message):
        plan(conditioning, BASE, inputs(**given))


@pytest.mark.parametrize("kind", ["input_reference", "source_frames", "mask"])
def test_unreadable_artifact_bytes_are_a_clear_error(kind: str) -> None:
    from tests.conditioning_media import FakeInputs

    modes: dict[str, dict[str, Any]] = {"input_reference": {"mode": "image"}, "source_frames": {"mode": "remix"},
                                        "mask": {"mode": "edit", "has_mask": True}}
    conditioning = modes[kind]
    artifacts = {"source_frames": inputs(source=clip(1)).artifact("source_frames") or b"", kind: b"not media"}
    with pytest.raises(ConditioningError, match="not a readable image|not a frames array"):
        plan(conditioning, BASE, FakeInputs(artifacts, {}).inputs())


def test_a_strength_too_low_for_the_steps_fails_clearly(pipes: Any) -> None:
    _, v2v, _ = pipes
    creq = plan({"mode": "remix", "strength": 0.1}, BASE, inputs(source=clip(1)))  # 10 % of 4 steps: none
    assert creq is not None
    with pytest.raises(ConditioningError, match="leaves no step to run"):
        generate_conditioned(v2v, creq, Recorder())


def test_build_tiny_model_builds_a_deterministic_vace_model_beside_the_text_to_video_one(
        tmp_path: Path, pipes: Any) -> None:
    from diffusers import DiffusionPipeline, WanPipeline, WanVACEPipeline

    call_command("build_tiny_model", "--output", str(tmp_path / "tiny"))
    assert isinstance(DiffusionPipeline.from_pretrained(str(tmp_path / "tiny")), WanPipeline)
    built: Any = DiffusionPipeline.from_pretrained(str(tmp_path / "tiny-vace"))
    transformer: Any = built.transformer
    assert isinstance(built, WanVACEPipeline)
    assert sum(p.numel() for p in transformer.parameters()) < 1_000_000
    # Offline and deterministic: the same weights as the model the workers load.
    served = pipes[2].transformer.state_dict()
    assert all(torch.equal(v, served[k]) for k, v in transformer.state_dict().items())
    assert Path(settings.KINEMA_VACE_MODEL).name == "tiny-wan-vace"


@pytest.mark.parametrize("configured", ["", "/nonexistent/wan2.1-vace"])
def test_a_deployment_without_its_vace_model_says_so_instead_of_retrying(settings: Any, configured: str) -> None:
    from gpu_worker import runtime

    settings.KINEMA_VACE_MODEL = configured
    with pytest.raises(runtime.ModelUnavailable, match="KINEMA_VACE_MODEL"):
        runtime.family_pipeline(FAMILY_VACE)
