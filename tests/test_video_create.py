"""Creating a video through /v1/videos without workers: JSON and multipart, the mapped fields and the poll header."""

from __future__ import annotations

import io

import pytest

from jobs.models import Artifact, Job
from tests.api_helpers import png_bytes


@pytest.mark.django_db
def test_create_json_maps_size_and_duration_and_sends_poll_header(api) -> None:
    resp = api.post("/v1/videos", {"prompt": "a red fox in snow", "size": "1280x720", "seconds": "8",
                                    "seed": 42, "style": "cinematic", "negative_prompt": "blurry"}, format="json")
    assert resp.status_code == 200, resp.content
    body = resp.json()
    assert body["object"] == "video" and body["status"] == "queued" and body["state"] == "submitted"
    assert body["size"] == "1280x720" and body["resolution"] == "128x80"
    assert body["seconds"] == "8" and body["num_frames"] == 33  # 8 s at 4 fps -> 4k+1
    assert body["seed"] == 42 and body["style"] == "cinematic" and body["negative_prompt"] == "blurry"
    assert resp["openai-poll-after-ms"] == "1000"
    job = Job.objects.get(pk=body["id"])
    assert job.events.get().reason == "submitted"


@pytest.mark.django_db
def test_create_multipart_with_reference_image(api) -> None:
    upload = io.BytesIO(png_bytes())
    upload.name = "ref.png"
    resp = api.post("/v1/videos", {"prompt": "portrait of a robot", "size": "720x1280", "input_reference": upload},
                    format="multipart")
    assert resp.status_code == 200, resp.content
    body = resp.json()
    assert body["resolution"] == "80x128"
    art = Artifact.objects.get(job_id=body["id"], kind=Artifact.Kind.INPUT_REFERENCE)
    assert art.content_type == "image/png" and art.size_bytes > 0
