"""Compatibility with the official `openai` SDK (pinned 2.54.0): its videos resource end to end."""

from __future__ import annotations

import io
import warnings
from typing import Any

import av
import httpx
import openai
import pytest

from jobs.models import Job
from safety.provenance import verify_mp4
from tests.api_helpers import png_bytes
from tests.test_characters import face_clip
from tests.test_video_conditioning import image_server  # noqa: F401 - a fixture

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sdk(live_server, make_user) -> openai.OpenAI:
    _, key = make_user("sdk")
    return openai.OpenAI(api_key=key, base_url=f"{live_server.url}/v1", max_retries=0)


def test_the_videos_resource_round_trip(stack, sdk: openai.OpenAI, tmp_path) -> None:
    warnings.simplefilter("ignore", DeprecationWarning)  # newer SDKs mark videos.* deprecated
    video = sdk.videos.create_and_poll(prompt="a paper boat on a river", seconds="4", size="720x1280",
                                       poll_interval_ms=200)
    assert video.status == "completed" and video.progress == 100
    assert video.size == "720x1280" and video.seconds == "4"
    assert sdk.videos.retrieve(video.id).id == video.id

    for variant, magic in (("video", b"ftyp"), ("thumbnail", b"\xff\xd8"), ("spritesheet", b"\xff\xd8")):
        content = sdk.videos.download_content(video.id, variant=variant)  # type: ignore[arg-type]
        data = content.read()
        assert magic in data[:12], variant

    remix = sdk.videos.remix(video.id, prompt="a paper boat on a river at night")
    assert remix.remixed_from_video_id == video.id
    remix = sdk.videos.poll(remix.id, poll_interval_ms=200)
    assert remix.status == "completed"

    more = [sdk.videos.create(prompt=f"scene {i}", seconds="4") for i in range(3)]
    listed = [v.id for v in sdk.videos.list(limit=2)]  # auto-pagination across 3 pages
    assert listed[:5] == [v.id for v in reversed(more)] + [remix.id, video.id]

    deleted = sdk.videos.delete(video.id)
    assert deleted.deleted is True and deleted.id == video.id
    with pytest.raises(openai.NotFoundError):
        sdk.videos.retrieve(video.id)


def test_sdk_errors_carry_the_message(stack, sdk: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as info:
        sdk.videos.create(prompt="a cat", size="640x640")  # type: ignore[arg-type]
    assert "Unsupported size" in str(info.value)
    bad = openai.OpenAI(api_key="kin_wrong_key", base_url=sdk.base_url, max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        bad.videos.list()


def test_the_conditioning_methods(stack, sdk: openai.OpenAI, live_server, image_server, settings) -> None:  # noqa: F811
    """create with an uploaded reference, extend, edit, create_character and get_character through the SDK
    (it uploads files); the JSON reference objects ({"image_url"}, {"id"}) over raw HTTP, as clients that
    do not use the SDK send them. Every job runs on the real workers to completion."""
    warnings.simplefilter("ignore", DeprecationWarning)
    few_steps = {"steps": 3}  # the plan's budget would be 50: the tiny model on a shared CPU needs few

    def done(video: Any) -> Any:
        video = sdk.videos.poll(video.id, poll_interval_ms=1000)  # within the plan's 120 requests a minute
        assert video.status == "completed", video.error
        return video

    with_reference = done(sdk.videos.create(prompt="a lighthouse at dusk", seconds="4", size="1280x720",
                                            input_reference=("ref.png", png_bytes(64, 40), "image/png"),
                                            extra_body=few_steps))
    assert Job.objects.get(pk=with_reference.id).conditioning == {"mode": "image"}
    clip = sdk.videos.download_content(with_reference.id).read()

    extended = done(sdk.videos.extend(prompt="the light turns on", seconds="4", video=("clip.mp4", clip, "video/mp4"),
                                      extra_body=few_steps))
    assert extended.seconds == "8"  # the stitched total: 4 s uploaded + 4 s new
    edited = done(sdk.videos.edit(prompt="a lighthouse in the snow", video=("clip.mp4", clip, "video/mp4"),
                                  extra_body=few_steps))
    assert Job.objects.get(pk=edited.id).conditioning["mode"] == "edit"

    character = sdk.videos.create_character(name="Ada Tester", video=("me.mp4", face_clip().getvalue(), "video/mp4"))
    assert character.id and character.id.startswith("char_") and character.name == "Ada Tester"
    fetched = sdk.videos.get_character(character.id)
    assert (fetched.id, fetched.name, fetched.created_at) == (character.id, character.name, character.created_at)
    starring = done(sdk.videos.create(prompt="Ada Tester walking on the beach", seconds="4", extra_body=few_steps))
    assert Job.objects.get(pk=starring.id).conditioning["character_ids"] == [character.id]

    # Raw JSON: an extension of a finished video by id (its clip decoded from the MP4), and an image_url.
    settings.KINEMA_REFERENCE_URL_ALLOW_PRIVATE = True  # the test's image server is on loopback, over http
    headers = {"Authorization": f"Bearer {sdk.api_key}"}
    by_id = httpx.post(f"{live_server.url}/v1/videos/extensions", headers=headers, timeout=60, json={
        "prompt": "the light sweeps the sea", "seconds": 4, "video": {"id": with_reference.id}, **few_steps})
    assert by_id.status_code == 200, by_id.text
    by_id_video = done(sdk.videos.retrieve(by_id.json()["id"]))
    assert by_id_video.seconds == "8"
    extension_job = Job.objects.get(pk=by_id_video.id)
    assert extension_job.conditioning["source_video_id"] == with_reference.id
    stitched = sdk.videos.download_content(by_id_video.id).read()
    with av.open(io.BytesIO(stitched), "r") as container:
        frames = sum(1 for _ in container.decode(video=0))
    source_frames = Job.objects.get(pk=with_reference.id).num_frames
    assert frames in (extension_job.num_frames, source_frames + extension_job.num_frames)  # stitched once the
    # GPU side hands off source + new frames (cond-model), the new part alone before
    verification = verify_mp4(stitched)
    assert verification.ok, verification.errors
    assert verification.manifest is not None  # C2PA names the source as the parent ingredient
    assert [i["instance_id"] for i in verification.manifest["ingredients"]] == [f"kinema:{with_reference.id}"]

    by_url = httpx.post(f"{live_server.url}/v1/videos", headers=headers, timeout=60, json={
        "prompt": "a harbour at night", "input_reference": {"image_url": f"{image_server}/ok.png"}, **few_steps})
    assert by_url.status_code == 200, by_url.text
    done(sdk.videos.retrieve(by_url.json()["id"]))
