"""The /v1/videos API without workers: validation, errors in the OpenAI shape, isolation, paging."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image
from rest_framework.test import APIClient

from jobs import lifecycle
from jobs.models import Artifact, Job, JobState


@pytest.fixture
def alice(make_user):
    return make_user("alice")


@pytest.fixture
def client_for():
    def make(raw_key: str) -> APIClient:
        c = APIClient()
        c.credentials(HTTP_AUTHORIZATION=f"Bearer {raw_key}")
        return c
    return make


@pytest.fixture
def api(alice, client_for) -> APIClient:
    return client_for(alice[1])


def png_bytes(w: int = 64, h: int = 48) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def assert_error(resp, status: int, code: str | None = None, param: str | None = None) -> dict:
    assert resp.status_code == status, resp.content
    err = resp.json()["error"]
    assert set(err) == {"message", "type", "param", "code"}
    assert err["message"]
    if code:
        assert err["code"] == code
    if param:
        assert err["param"] == param
    return err


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


@pytest.mark.django_db
@pytest.mark.parametrize(("payload", "param", "code"), [
    ({}, "prompt", "missing_required_parameter"),
    ({"prompt": "   "}, "prompt", None),
    ({"prompt": "x" * 4001}, "prompt", None),
    ({"prompt": "a cat", "size": "640x640"}, "size", None),
    ({"prompt": "a cat", "seconds": "0"}, "seconds", None),
    ({"prompt": "a cat", "seconds": "99"}, "seconds", None),
    ({"prompt": "a cat", "seconds": "four"}, "seconds", None),
    ({"prompt": "a cat", "model": "sora-2"}, "model", "model_not_found"),
    ({"prompt": "a cat", "style": "vaporwave"}, "style", None),
    ({"prompt": "a cat", "seed": -1}, "seed", None),
    ({"prompt": "a cat", "steps": 1000}, "steps", None),
    ({"prompt": "a cat", "guidance_scale": "lots"}, "guidance_scale", None),
    ({"prompt": "explicit porn of a woman"}, "prompt", "moderation_blocked"),
])
def test_bad_input_gets_a_clear_400(api, payload, param, code) -> None:
    err = assert_error(api.post("/v1/videos", payload, format="json"), 400, code, param)
    assert err["type"] == "invalid_request_error"
    assert not Job.objects.exists()


def _bomb_png() -> bytes:
    """A valid PNG header claiming 30000x30000 pixels (a decompression bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)
    idat = chunk(b"IDAT", zlib.compress(b"\0" * 100))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + idat + chunk(b"IEND", b"")


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "code"), [
    (b"this is not an image", "invalid_image"),
    (png_bytes()[:-30], "invalid_image"),
    (_bomb_png(), "image_too_large"),
])
def test_bad_reference_images_are_refused(api, data: bytes, code: str) -> None:
    upload = io.BytesIO(data)
    upload.name = "ref.png"
    assert_error(api.post("/v1/videos", {"prompt": "a cat", "input_reference": upload}, format="multipart"),
                 400, code, "input_reference")


@pytest.mark.django_db
def test_auth_is_required_and_bad_keys_are_refused(client_for) -> None:
    assert_error(APIClient().get("/v1/videos"), 401, "invalid_api_key")
    assert_error(client_for("kin_nothere_secret").get("/v1/videos"), 401, "invalid_api_key")
    resp = APIClient().get("/v1/videos", HTTP_AUTHORIZATION="Token abc")
    assert_error(resp, 401)


@pytest.mark.django_db
def test_a_user_never_sees_or_touches_another_users_video(api, make_user, client_for) -> None:
    video_id = api.post("/v1/videos", {"prompt": "a private scene"}, format="json").json()["id"]
    _, bob_key = make_user("bob")
    bob = client_for(bob_key)
    assert_error(bob.get(f"/v1/videos/{video_id}"), 404, "not_found")
    assert_error(bob.get(f"/v1/videos/{video_id}/content"), 404, "not_found")
    assert_error(bob.post(f"/v1/videos/{video_id}/cancel"), 404, "not_found")
    assert_error(bob.post(f"/v1/videos/{video_id}/remix", {"prompt": "mine now"}, format="json"), 404)
    assert_error(bob.delete(f"/v1/videos/{video_id}"), 404, "not_found")
    assert bob.get("/v1/videos").json()["data"] == []
    assert Job.objects.get(pk=video_id).state == JobState.SUBMITTED


@pytest.mark.django_db
def test_list_pages_by_cursor_in_both_orders(api) -> None:
    ids = [api.post("/v1/videos", {"prompt": f"scene {i}"}, format="json").json()["id"] for i in range(7)]
    seen: list[str] = []
    after = None
    while True:
        resp = api.get("/v1/videos", {"limit": 3, **({"after": after} if after else {})}).json()
        seen += [v["id"] for v in resp["data"]]
        assert resp["object"] == "list"
        if not resp["has_more"]:
            break
        after = resp["last_id"]
    assert seen == list(reversed(ids))
    asc = api.get("/v1/videos", {"order": "asc", "limit": 100}).json()
    assert [v["id"] for v in asc["data"]] == ids and asc["has_more"] is False
    assert_error(api.get("/v1/videos", {"limit": 0}), 400, param="limit")
    assert_error(api.get("/v1/videos", {"order": "sideways"}), 400, param="order")


@pytest.mark.django_db
def test_cancel_remix_delete(api) -> None:
    source = api.post("/v1/videos", {"prompt": "a boat", "seed": 7, "size": "1280x720"}, format="json").json()
    cancelled = api.post(f"/v1/videos/{source['id']}/cancel").json()
    assert cancelled["status"] == "failed" and cancelled["error"]["code"] == "cancelled"
    assert api.post(f"/v1/videos/{source['id']}/cancel").status_code == 200  # idempotent

    remix = api.post(f"/v1/videos/{source['id']}/remix", {"prompt": "a boat at night"}, format="json").json()
    assert remix["remixed_from_video_id"] == source["id"]
    assert remix["seed"] == 7 and remix["size"] == "1280x720" and remix["prompt"] == "a boat at night"
    assert_error(api.post(f"/v1/videos/{source['id']}/remix", {}, format="json"), 400, param="prompt")

    assert_error(api.get(f"/v1/videos/{remix['id']}/content"), 409, "video_not_ready")
    deleted = api.delete(f"/v1/videos/{remix['id']}").json()
    assert deleted == {"id": remix["id"], "object": "video.deleted", "deleted": True}
    assert_error(api.get(f"/v1/videos/{remix['id']}"), 404)
    job = Job.objects.get(pk=remix["id"])
    assert job.deleted_at is not None and job.state == JobState.CANCELLED  # record kept, work stopped


@pytest.mark.django_db
def test_cancel_of_a_finished_video_is_a_conflict(api, alice) -> None:
    video_id = api.post("/v1/videos", {"prompt": "a tree"}, format="json").json()["id"]
    lifecycle.fail(video_id, "generation_failed", "boom")
    assert_error(api.post(f"/v1/videos/{video_id}/cancel"), 409, "already_finished")


@pytest.mark.django_db
def test_unknown_paths_under_v1_are_json_404(api) -> None:
    assert_error(api.get("/v1/nothing-here"), 404, "not_found")
