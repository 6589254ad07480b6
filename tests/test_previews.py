"""Latent previews are visible only while a video renders, and are deleted once its frames are done.

A clip that is then held for review (or blocked) must not be watchable through its preview.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image
from rest_framework.test import APIClient

from jobs import lifecycle
from jobs.artifacts import job_prefix, live_artifact, put_artifact, stored_keys
from jobs.media import frames_to_bytes
from jobs.models import Artifact, Job, JobState
from jobs.tasks import finalize_job
from safety.models import Category


def jpeg(colour: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (32, 20), colour).save(buf, "JPEG")
    return buf.getvalue()


@pytest.fixture
def api_and_job(make_user):
    _, key = make_user("previewer")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    resp = client.post("/v1/videos", {"prompt": "a paper boat", "size": "1280x720", "seconds": 2}, format="json")
    assert resp.status_code == 200, resp.content
    return client, resp.json()["id"]


def to_running(job_id: str) -> lifecycle.Dispatch:
    with transaction.atomic():
        assert lifecycle.accept_after_screening(job_id)
        d = lifecycle.dispatch(job_id, None, "gpu.nobody")
        assert d and lifecycle.claim(job_id, d.attempt, d.lease_token)
    return d


def preview_of(client: APIClient, job_id: str):
    return client.get(f"/v1/videos/{job_id}/content", {"variant": "preview"})


@pytest.mark.django_db
def test_a_preview_is_served_only_while_the_job_is_running(api_and_job) -> None:
    client, job_id = api_and_job
    image = jpeg((200, 40, 40))
    put_artifact(job_id, Artifact.Kind.PREVIEW, image, "image/jpeg")

    queued = preview_of(client, job_id)  # (a stale preview of an earlier attempt is not shown either)
    assert queued.status_code == 404 and queued.json()["error"]["code"] == "no_preview"

    d = to_running(job_id)
    running = preview_of(client, job_id)
    assert running.status_code == 200 and running["Content-Type"] == "image/jpeg"
    assert b"".join(running.streaming_content) == image

    # Frames done: the preview still exists until finalize runs, but it is no longer served.
    assert lifecycle.frames_done(job_id, d.lease_token)
    assert live_artifact(job_id, Artifact.Kind.PREVIEW) is not None
    finalizing = preview_of(client, job_id)
    assert finalizing.status_code == 404 and finalizing.json()["error"]["code"] == "no_preview"


@pytest.mark.django_db
def test_a_preview_replaced_or_dropped_while_it_is_opened_is_no_missing_file(api_and_job, monkeypatch,
                                                                            caplog) -> None:
    """The GPU worker stores a new preview, repoints the record and deletes the old bytes every few steps; a poll
    that had read the record just before opened the deleted bytes and answered 404 content_missing, logged as an
    error for the operators (about one poll in 45 while a clip rendered)."""
    import jobs.api.views as views
    from jobs.artifacts import drop_artifact

    client, job_id = api_and_job
    to_running(job_id)
    put_artifact(job_id, Artifact.Kind.PREVIEW, jpeg((10, 200, 10)), "image/jpeg")
    stale = live_artifact(job_id, Artifact.Kind.PREVIEW)
    newer = jpeg((10, 10, 200))
    put_artifact(job_id, Artifact.Kind.PREVIEW, newer, "image/jpeg")  # the first version's bytes are deleted
    reads = iter([stale])
    real = views.live_artifact
    monkeypatch.setattr(views, "live_artifact", lambda *a: next(reads, None) or real(*a))  # the view read it first
    with caplog.at_level("ERROR", logger="jobs.delivery"):
        replaced = preview_of(client, job_id)
        assert replaced.status_code == 200 and b"".join(replaced.streaming_content) == newer
        reads = iter([live_artifact(job_id, Artifact.Kind.PREVIEW)])
        drop_artifact(job_id, Artifact.Kind.PREVIEW)  # finalize drops the previews meanwhile
        dropped = preview_of(client, job_id)
        assert dropped.status_code == 404 and dropped.json()["error"]["code"] == "no_preview"
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


def clip(n: int = 6) -> np.ndarray:
    rng = np.random.default_rng(7)
    gradient = np.linspace(0.6, 1.0, 160)[None, :, None]
    return np.stack([(rng.integers(40, 200, 3) * gradient * np.ones((128, 160, 3))).astype(np.uint8)
                     for _ in range(n)])


@pytest.mark.django_db
def test_finalize_deletes_the_previews_of_a_clip_held_for_review(api_and_job) -> None:
    client, job_id = api_and_job
    d = to_running(job_id)
    put_artifact(job_id, Artifact.Kind.PREVIEW, jpeg((10, 10, 10)), "image/jpeg")
    put_artifact(job_id, Artifact.Kind.PREVIEW, jpeg((20, 20, 20)), "image/jpeg")  # replaces the first version
    # A version left behind by a crash between writing the bytes and switching the record:
    stray = default_storage.save(f"{job_prefix(job_id)}preview-0123456789ab.jpg", ContentFile(jpeg((5, 5, 5))))
    put_artifact(job_id, Artifact.Kind.FRAMES, frames_to_bytes(clip()), "application/x-npy")
    assert lifecycle.frames_done(job_id, d.lease_token)
    # Real detectors on a real clip, with the thresholds a reviewer would set to hold everything for review.
    Category.objects.filter(slug="sexual").update(frame_review_threshold=0.0, frame_block_threshold=0.99)

    finalize_job.fn(job_id, d.attempt)

    assert Job.objects.get(pk=job_id).state == JobState.IN_REVIEW  # not terminal: no clean-up has run
    preview = Artifact.objects.get(job_id=job_id, kind=Artifact.Kind.PREVIEW)
    assert preview.deleted_at is not None
    assert not default_storage.exists(preview.key) and not default_storage.exists(stray)
    assert not [k for k in stored_keys(job_id) if "/preview-" in k]
    assert live_artifact(job_id, Artifact.Kind.VIDEO) is not None  # made, but held for the reviewer
    assert preview_of(client, job_id).status_code == 404
    assert client.get(f"/v1/videos/{job_id}/content").status_code == 409
