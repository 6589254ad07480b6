"""Conditioned jobs end to end through the real processes (dispatcher, a Dramatiq GPU worker, the CPU worker's
finalize): one job per mode, created the way the API leaves them (the job's `conditioning` and its artifacts
in the database and storage), and one with a missing input that must fail clearly instead of retrying.

Each published clip is compared with what the conditioned loop makes in this process from the same inputs:
the encoder is deterministic, so the decoded frames of the worker's MP4 equal those of the expected frames
encoded here (and differ from text-to-video's), which shows the worker used the job's conditioning."""

from __future__ import annotations

import io
from typing import Any

import av
import numpy as np
import pytest
import torch
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from gpu_worker.conditioning import generate_conditioned, plan
from gpu_worker.generation import generate
from gpu_worker.tasks import request_for
from jobs.artifacts import live_artifact, put_artifact, read_artifact
from jobs.media import encode_mp4, frames_to_bytes
from jobs.models import Artifact, Job, JobState
from jobs.signals import ring_dispatcher
from tests.conditioning_media import HEIGHT, WIDTH, centre_mask, clip, inputs, load_pipelines, picture, png
from tests.conftest import wait_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
torch.set_num_threads(1)
DONE = (JobState.SUCCEEDED, JobState.IN_REVIEW, JobState.FAILED, JobState.BLOCKED)


def queue(user: Any, conditioning: dict[str, Any], artifacts: dict[str, tuple[bytes, str]], **fields: Any) -> Job:
    """A queued job with its conditioning and artifacts, committed together (the dispatcher never sees the job
    without its inputs), as jobs/submission.py and screening leave one."""
    values: dict[str, Any] = dict(tier="plus", prompt="a boat on a lake", model="kinema-tiny", seconds=2,
                                  size=f"{WIDTH}x{HEIGHT}", width=WIDTH, height=HEIGHT, num_frames=9, fps=4, steps=4,
                                  seed=31, state=JobState.QUEUED, queued_at=timezone.now(), conditioning=conditioning)
    with transaction.atomic():
        job = Job.objects.create(user=user, **{**values, **fields})
        for kind, (data, content_type) in artifacts.items():
            put_artifact(job.id, kind, data, content_type)
    ring_dispatcher()
    return job


def decoded(mp4: bytes) -> np.ndarray:
    with av.open(io.BytesIO(mp4), "r") as container:
        return np.stack([f.to_ndarray(format="rgb24") for f in container.decode(container.streams.video[0])])


def test_one_conditioned_job_per_mode_renders_its_conditioning(stack: Any, make_user: Any) -> None:
    user, _ = make_user("conditioned")
    source, other_source = clip(40), clip(41)
    character = picture(42)
    character_key = default_storage.save("characters/test/likeness.png", ContentFile(png(character)))
    reference = picture(43, (300, 200))
    cases: dict[str, tuple[dict[str, Any], dict[str, tuple[bytes, str]], dict[str, Any]]] = {
        "image": ({"mode": "image"}, {"input_reference": (png(reference), "image/png")},
                  {"reference": reference}),
        "remix": ({"mode": "remix", "source_video_id": "video_source", "strength": 0.6},
                  {"source_frames": (frames_to_bytes(source), "application/x-npy")}, {"source": source}),
        "extend": ({"mode": "extend", "source_video_id": "video_source", "context_frames": 4, "source_seconds": 2},
                   {"source_frames": (frames_to_bytes(other_source), "application/x-npy")}, {"source": other_source}),
        "edit": ({"mode": "edit", "source_video_id": "video_source", "strength": 0.8, "has_mask": True,
                  "reference_keys": [character_key]},
                 {"source_frames": (frames_to_bytes(source), "application/x-npy"),
                  "mask": (png(centre_mask()), "image/png")},
                 {"source": source, "mask": centre_mask(), "references": {character_key: character}}),
    }
    jobs = {mode: queue(user, conditioning, artifacts) for mode, (conditioning, artifacts, _) in cases.items()}
    wait_for(lambda: all(Job.objects.get(pk=j.id).state in DONE for j in jobs.values()), timeout=240, interval=0.5)

    t2v, v2v, vace = load_pipelines()
    for mode, job in jobs.items():
        job.refresh_from_db()
        assert job.state in (JobState.SUCCEEDED, JobState.IN_REVIEW), (mode, job.state, job.error_message)
        assert job.step == job.steps == 4, "progress counts on the job's scale, also when strength skips steps"
        video = live_artifact(job.id, Artifact.Kind.VIDEO)
        assert video is not None
        got = decoded(read_artifact(video))
        conditioning, _, given = cases[mode]
        creq = plan(conditioning, request_for(job), inputs(**given))
        assert creq is not None
        expected = generate_conditioned(v2v if creq.family == "video_to_video" else vace, creq, _NoHooks())
        if mode == "extend":
            # The stitched clip: the whole source, then the job's 9 new frames.
            assert len(got) == len(other_source) + job.num_frames == 18
        else:
            assert len(got) == job.num_frames
        assert got.shape[1:] == (HEIGHT, WIDTH, 3)
        assert np.array_equal(got, decoded(encode_mp4(expected, job.fps))), mode
        plain = generate(t2v, request_for(job), _NoHooks())
        assert not np.array_equal(expected[-job.num_frames:], plain), f"{mode}: conditioning changed nothing"


def test_a_conditioned_job_missing_its_input_fails_once_with_a_clear_message(stack: Any, make_user: Any) -> None:
    user, _ = make_user("unconditioned")
    missing = queue(user, {"mode": "remix", "source_video_id": "video_gone", "strength": 0.6}, {})
    bad_mask = queue(user, {"mode": "edit", "has_mask": True},
                     {"source_frames": (frames_to_bytes(clip(44)), "application/x-npy"),
                      "mask": (png(picture(45, (64, 64))), "image/png")})
    wait_for(lambda: all(Job.objects.get(pk=j.pk).state in DONE for j in (missing, bad_mask)), timeout=120,
             interval=0.5)
    for job, message in ((missing, "has no source_frames"), (bad_mask, "the mask is 64x64, the job renders 128x80")):
        job.refresh_from_db()
        assert job.state == JobState.FAILED and job.error_code == "generation_failed"
        assert job.error_message.startswith("The video's inputs could not be used") and message in job.error_message
        assert job.attempt == 1, "bad input is not retried"
        assert job.events.filter(to_state=JobState.FAILED, detail__cause="bad_conditioning").exists()


class _NoHooks:
    def on_step(self, step: int, total: int, latents: torch.Tensor) -> None:
        pass

    def load_checkpoint(self) -> dict[str, Any] | None:
        return None

    def save_checkpoint(self, state: dict[str, Any], step: int) -> None:
        pass
