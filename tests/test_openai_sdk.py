"""Compatibility with the official `openai` SDK (pinned 2.54.0): its videos resource end to end."""

from __future__ import annotations

import warnings

import openai
import pytest

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
