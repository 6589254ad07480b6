"""End to end over HTTP with real processes: dispatcher, a Dramatiq GPU worker running the tiny Wan
pipeline, a CPU worker encoding the MP4. Submit, poll, download, decode."""

from __future__ import annotations

import io
import time

import av
import httpx
import numpy as np
import pytest
from PIL import Image

from jobs.models import Job, JobState
from safety.provenance import GENERATION_ASSERTION, TRAINED_ALGORITHMIC_MEDIA, prompt_hash, verify_mp4
from tests.conftest import mdat, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def poll(client: httpx.Client, video_id: str, timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        resp = client.get(f"/v1/videos/{video_id}")
        body = resp.json()
        if body["status"] in ("completed", "failed"):
            assert "openai-poll-after-ms" not in resp.headers
            return body
        assert resp.headers["openai-poll-after-ms"] == "1000"
        time.sleep(0.2)
    raise AssertionError(f"{video_id} did not finish: {body}")


def test_submit_poll_download_decode(stack, live_server, make_user) -> None:
    _, key = make_user("e2e")
    with httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        created = client.post("/v1/videos", data={"prompt": "a lighthouse at dusk", "size": "1280x720",
                                                  "seconds": "4", "seed": "11"}).json()
        assert created["status"] == "queued"
        done = poll(client, created["id"])
        assert done["status"] == "completed", done
        assert done["progress"] == 100 and done["step"] == done["total_steps"] == 50  # the Plus step budget
        assert done["credits_charged"] == done["credits_held"] > 0
        assert done["completed_at"] and done["expires_at"] > done["completed_at"]

        mp4 = client.get(f"/v1/videos/{created['id']}/content")
        assert mp4.status_code == 200 and mp4.headers["content-type"] == "video/mp4"
        assert mp4.content[4:8] == b"ftyp"
        # faststart: the moov atom precedes mdat so browsers can start playing at once
        assert mp4.content.index(b"moov") < mp4.content.index(b"mdat")
        # Signed content credentials: AI-generated, this job, the model, a hash of the prompt.
        credentials = verify_mp4(mp4.content)
        assert credentials.state == "Trusted" and credentials.manifest is not None, credentials.errors
        labels = {a["label"]: a["data"] for a in credentials.manifest["assertions"]}
        created_action = labels["c2pa.actions.v2"]["actions"][0]
        assert created_action["action"] == "c2pa.created"
        assert created_action["digitalSourceType"] == TRAINED_ALGORITHMIC_MEDIA
        assert labels[GENERATION_ASSERTION] == {"job_id": created["id"], "model": "kinema-tiny",
                                                "prompt_sha256": prompt_hash("a lighthouse at dusk")}
        with av.open(io.BytesIO(mp4.content), "r") as container:
            stream = container.streams.video[0]
            assert stream.codec_context.name == "h264"
            frames = list(container.decode(stream))
        assert len(frames) == done["num_frames"] == 17
        assert (frames[0].width, frames[0].height) == (128, 80)

        for variant in ("thumbnail", "spritesheet"):
            resp = client.get(f"/v1/videos/{created['id']}/content", params={"variant": variant})
            assert resp.status_code == 200 and resp.headers["content-type"] == "image/jpeg"
            img = Image.open(io.BytesIO(resp.content))
            img.load()
            assert img.format == "JPEG" and img.width > 0
        assert Image.open(io.BytesIO(client.get(f"/v1/videos/{created['id']}/content",
                                                params={"variant": "thumbnail"}).content)).size == (128, 80)

    job = Job.objects.get(pk=created["id"])
    events = [e.to_state for e in job.events.all()]
    # The transitions in order (a run's own events, where it started and each checkpoint, stay in `running`).
    states = [state for i, state in enumerate(events) if i == 0 or state != events[i - 1]]
    assert states == [JobState.SUBMITTED, JobState.QUEUED, JobState.DISPATCHED, JobState.RUNNING,
                      JobState.FINALIZING, JobState.SUCCEEDED]
    def kinds() -> set[str]:
        return set(job.artifacts.filter(deleted_at__isnull=True).values_list("kind", flat=True))

    # Working files (frames, checkpoint, preview) are removed by the clean-up actor after the end.
    wait_for(lambda: kinds() == {"video", "thumbnail", "spritesheet"}, timeout=20)


def test_same_seed_gives_the_same_video(stack, live_server, make_user) -> None:
    _, key = make_user("determinism")
    with httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        ids = [client.post("/v1/videos", json={"prompt": "waves", "size": "96x96", "seconds": 1, "seed": 5,
                                               "steps": 12}).json()["id"] for _ in range(2)]
        bodies = [poll(client, i) for i in ids]
        assert all(b["status"] == "completed" for b in bodies)
        raw_a, raw_b = (client.get(f"/v1/videos/{i}/content").content for i in ids)
    # Generation and encoding are both deterministic; the signed manifests differ (job id, time).
    assert mdat(raw_a) == mdat(raw_b) and raw_a != raw_b
    a, b = decode_frames(raw_a), decode_frames(raw_b)
    assert len(a) == len(b) == 5
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


def decode_frames(data: bytes) -> list[np.ndarray]:
    with av.open(io.BytesIO(data), "r") as container:
        return [f.to_ndarray(format="rgb24") for f in container.decode(container.streams.video[0])]


def test_free_job_runs_exactly_30_steps_and_paid_50(stack, live_server, make_user) -> None:
    ran = {}
    for tier in ("free", "pro"):
        _, key = make_user(f"steps-{tier}", tier=tier)
        with httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as c:
            video = c.post("/v1/videos", json={"prompt": "a meadow", "size": "96x96", "seconds": 1}).json()
            done = poll(c, video["id"])
        assert done["status"] == "completed"
        ran[tier] = (done["step"], Job.objects.get(pk=video["id"]).steps)
    assert ran == {"free": (30, 30), "pro": (50, 50)}
