"""The audio+video family (issue 15): a tiny random-weight LTX-2 (`LTX2Pipeline`, built offline by
`build_tiny_model` beside the tiny Wan) runs in the GPU worker's path with its hooks (progress, stop,
checkpoint, resume); a job through the real dispatcher, GPU worker and finalize gives an MP4 with an AAC track
as long as the video; `make run`'s seeding registers it so GET /v1/models and the studio offer it; and the
OpenAPI document lists the sizes of every served model."""

from __future__ import annotations

import io
import time
import warnings
from pathlib import Path
from typing import Any

import av
import numpy as np
import openai
import pytest
import torch
from django.conf import settings
from django.core.management import call_command
from rest_framework.test import APIClient

from gpu_worker.audio import FAMILY_AUDIO_VIDEO, frames_for_vae, generate_audio_video
from gpu_worker.generation import GenerationRequest, Yielded
from gpu_worker.tiny_model import TINY_AUDIO_RATE, ltx2_path_beside
from jobs.catalog import CatalogModel, ModelVersion, VersionState, ensure_audio_video_model, ensure_catalog
from jobs.models import Job
from safety.models import Decision
from safety.provenance import verify_mp4

AV = f"{settings.KINEMA_MODEL_NAME}-av"  # the tiny LTX-2 entry seed_demo registers on the tiny setup


class RecordingHooks:
    """The step hooks' interface, recording what the loop does (the real JobHooks write to the database)."""

    def __init__(self, checkpoint: dict[str, Any] | None = None, *, yield_at: int = 0, stop_at: int = 0) -> None:
        self.checkpoint = checkpoint
        self.saved: dict[int, dict[str, Any]] = {}
        self.steps: list[int] = []
        self.yield_at, self.stop_at = yield_at, stop_at

    def on_step(self, step: int, total: int, latents: torch.Tensor) -> None:
        self.steps.append(step)
        if step == self.stop_at:
            raise RuntimeError("stop requested")

    def should_yield(self) -> bool:
        return self.steps[-1] == self.yield_at

    def load_checkpoint(self) -> dict[str, Any] | None:
        return self.checkpoint

    def save_checkpoint(self, state: dict[str, Any], step: int) -> None:
        self.saved[step] = state


@pytest.fixture(scope="module")
def ltx2() -> Any:
    from diffusers import DiffusionPipeline

    torch.set_num_threads(1)
    path = ltx2_path_beside(Path(settings.KINEMA_MODEL))
    assert (path / "model_index.json").exists(), "build_tiny_model writes the LTX-2 build beside the tiny Wan"
    pipe = DiffusionPipeline.from_pretrained(str(path), dtype=torch.float32)
    pipe.set_progress_bar_config(disable=True)
    return pipe


def test_the_tiny_ltx2_renders_frames_and_sound_with_progress_stop_checkpoint_and_resume(ltx2: Any) -> None:
    assert type(ltx2).__name__ == "LTX2Pipeline"
    req = GenerationRequest(prompt="a dog running on a beach", negative_prompt="", width=96, height=64,
                            num_frames=17, steps=6, guidance_scale=5.0, seed=11, max_sequence_length=64)
    hooks = RecordingHooks()
    whole = generate_audio_video(ltx2, req, hooks, fps=8, checkpoint_every=2)
    assert hooks.steps == [1, 2, 3, 4, 5, 6] and sorted(hooks.saved) == [2, 4]
    assert whole.frames.shape == (17, 64, 96, 3) and whole.frames.dtype == np.uint8
    assert whole.frames.std() > 0  # coloured noise, not a blank clip
    audio = whole.audio
    assert audio is not None and audio.sample_rate == TINY_AUDIO_RATE and audio.samples.shape[0] == 2
    assert abs(audio.samples.shape[1] / audio.sample_rate - 17 / 8) < 0.1  # as long as the video
    assert np.abs(audio.samples).max() > 0

    # A stop raised by the hooks ends the run at that step.
    stopped = RecordingHooks(stop_at=2)
    with pytest.raises(RuntimeError, match="stop requested"):
        generate_audio_video(ltx2, req, stopped, fps=8)
    assert stopped.steps == [1, 2]
    # A preemption checkpoints and yields; the run resumed from that checkpoint gives the same clip.
    preempted = RecordingHooks(yield_at=3)
    with pytest.raises(Yielded):
        generate_audio_video(ltx2, req, preempted, fps=8)
    saved = preempted.saved[3]
    assert saved["family"] == FAMILY_AUDIO_VIDEO and saved["next_step"] == 3
    resumed_hooks = RecordingHooks(saved)
    resumed = generate_audio_video(ltx2, req, resumed_hooks, fps=8)
    assert resumed_hooks.steps == [4, 5, 6]
    assert np.array_equal(resumed.frames, whole.frames)
    assert resumed.audio is not None and np.allclose(resumed.audio.samples, audio.samples, atol=1e-5)
    # A checkpoint of another request (other steps) is refused, not resumed.
    with pytest.raises(ValueError, match="does not match"):
        generate_audio_video(ltx2, GenerationRequest(**{**req.__dict__, "steps": 8}), RecordingHooks(saved), fps=8)
    assert frames_for_vae(ltx2, 16) == 17 and frames_for_vae(ltx2, 17) == 17


@pytest.mark.django_db
def test_make_runs_seeding_registers_the_audio_model_and_the_catalog_lists_its_audio(settings, tmp_path,
                                                                                    api) -> None:
    settings.VAR_DIR = tmp_path  # seed_demo keeps its generated logins there
    ensure_catalog()
    assert not CatalogModel.objects.filter(pk=AV).exists()
    call_command("seed_demo", stdout=io.StringIO())
    version = ModelVersion.objects.get(model_id=AV)
    assert (version.family, version.state, version.supports_audio) == (FAMILY_AUDIO_VIDEO, VersionState.LIVE, True)
    assert Path(version.checkpoint) == ltx2_path_beside(Path(settings.KINEMA_MODEL))
    assert not ensure_audio_video_model()  # never twice
    listed = {m["id"]: m for m in api.get("/v1/models").json()["data"]}
    assert listed[AV]["capabilities"]["audio"] is True
    assert listed[AV]["capabilities"]["reference_image"] is False
    assert listed[settings.KINEMA_MODEL_NAME]["capabilities"]["audio"] is False
    assert "96x64" in listed[AV]["sizes"] and listed[AV]["versions"][0]["family"] == FAMILY_AUDIO_VIDEO


@pytest.mark.django_db
def test_the_openapi_document_lists_every_served_models_sizes() -> None:
    ensure_catalog()
    ensure_audio_video_model()

    def size_enum_and_model_help() -> tuple[list[str], str]:
        doc = APIClient().get("/v1/openapi.json").json()
        schemas = doc["components"]["schemas"]
        create = schemas["CreateVideoRequest"]["properties"]
        size = create["size"]
        ref = size.get("$ref") or (size.get("allOf") or [{}])[0].get("$ref")
        return (schemas[ref.rsplit("/", 1)[1]] if ref else size)["enum"], create["model"]["description"]

    live = {v.model_id: v.sizes() for v in ModelVersion.objects.filter(state=VersionState.LIVE)}
    assert {settings.KINEMA_MODEL_NAME, f"{settings.KINEMA_MODEL_NAME}-hd", AV} <= set(live)
    enum, model_help = size_enum_and_model_help()
    assert set(enum) == {size for sizes in live.values() for size in sizes}
    assert {"1280x720", "128x80", "256x144", "96x64"} <= set(enum)
    for model, sizes in live.items():
        assert f"`{model}`: {', '.join(sizes)}" in model_help
    # Retired, a model's own sizes leave the document.
    ModelVersion.objects.filter(model_id=AV).update(state=VersionState.RETIRED)
    enum, model_help = size_enum_and_model_help()
    assert "96x64" not in enum and f"`{AV}`" not in model_help and "128x80" in enum


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_an_audio_video_job_through_the_sdk_gives_an_mp4_with_an_aac_track(stack, live_server, make_user) -> None:
    ensure_catalog()
    ensure_audio_video_model()
    _, key = make_user("audio-sdk", tier="pro")
    sdk = openai.OpenAI(api_key=key, base_url=f"{live_server.url}/v1", max_retries=0)
    warnings.simplefilter("ignore", DeprecationWarning)  # newer SDKs mark videos.* deprecated
    assert sdk.models.retrieve(AV).model_dump()["capabilities"]["audio"] is True
    video = sdk.videos.create(prompt="waves crashing on rocks", model=AV, seconds="4", size="1280x720",
                              extra_body={"steps": 4})
    assert video.model == AV
    deadline = time.monotonic() + 240
    while video.status not in ("completed", "failed") and time.monotonic() < deadline:
        time.sleep(0.3)
        video = sdk.videos.retrieve(video.id)
    assert video.status == "completed", video.error
    job = Job.objects.select_related("model_version").get(pk=video.id)
    assert job.model_version is not None and job.model_version.family == FAMILY_AUDIO_VIDEO
    assert (job.width, job.height) == (96, 64)
    data = sdk.videos.download_content(video.id).read()
    with av.open(io.BytesIO(data), "r") as container:
        video_stream, audio_stream = container.streams.video[0], container.streams.audio[0]
        assert audio_stream.codec_context.name == "aac"
        assert video_stream.duration and video_stream.time_base and audio_stream.duration and audio_stream.time_base
        video_seconds = float(video_stream.duration * video_stream.time_base)
        audio_seconds = float(audio_stream.duration * audio_stream.time_base)
        assert audio_seconds > 0 and abs(audio_seconds - video_seconds) < 0.1, (audio_seconds, video_seconds)
    with av.open(io.BytesIO(data), "r") as container:
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
    with av.open(io.BytesIO(data), "r") as container:
        decoded = sum(frame.samples for frame in container.decode(audio=0))
    assert len(frames) == job.num_frames and frames[0].shape == (64, 96, 3)
    assert decoded / audio_stream.rate >= audio_seconds * 0.95
    # The frame scan decided on it, and its content credentials (C2PA) verify with the audio track in the file.
    assert Decision.objects.filter(job_id=video.id, stage="frames", verdict="allow").exists()
    verification = verify_mp4(data)
    assert verification.ok, verification.errors


@pytest.mark.parametrize(("audio_seconds", "channels", "rate"), [(3.0, 1, 8000), (0.5, 2, 22050), (2.0, 1, 48000)])
def test_the_aac_track_is_cut_or_padded_to_the_videos_length(audio_seconds: float, channels: int, rate: int) -> None:
    """Whatever length the vocoder gives (longer, shorter, mono or stereo, any rate), the MP4's audio is the video's
    length: the stream's duration within one AAC frame (1,024 samples) of F / fps, and the decoded samples too."""
    from jobs.media import Audio, encode_mp4

    fps, frames = 8, np.zeros((17, 64, 96, 3), np.uint8)  # 2.125 s of video
    t = np.arange(int(audio_seconds * rate), dtype=np.float32) / rate
    wave = np.stack([np.sin(2 * np.pi * 440 * t) * 0.3] * channels)
    wave[0, :10] = np.nan  # a vocoder's bad samples become silence, not a broken file
    data = encode_mp4(frames, fps, audio=Audio(wave if channels == 2 else wave[0], rate))
    with av.open(io.BytesIO(data), "r") as container:
        stream = container.streams.audio[0]
        assert stream.codec_context.name == "aac" and stream.duration and stream.time_base
        seconds = float(stream.duration * stream.time_base)
        out_rate = stream.rate
        decoded = sum(frame.samples for frame in container.decode(audio=0))
    video_seconds = len(frames) / fps
    assert abs(seconds - video_seconds) <= 1024 / out_rate, (seconds, video_seconds)
    assert abs(decoded / out_rate - video_seconds) <= 1024 / out_rate, (decoded, out_rate)
    assert encode_mp4(frames, fps, audio=Audio(wave if channels == 2 else wave[0], rate)) == data  # retries agree
    with av.open(io.BytesIO(encode_mp4(frames, fps)), "r") as container:
        assert not container.streams.audio  # no soundtrack, no audio stream
