"""Bad input to /v1/videos (parameters and reference images) gets a clear 400 in the OpenAI error shape
and creates nothing."""

from __future__ import annotations

import io
import struct
import zlib

import pytest

from jobs.models import Job
from tests.api_helpers import assert_error, png_bytes


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
