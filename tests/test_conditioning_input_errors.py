"""Conditioning inputs a fuzzer sent that once answered 500 (or held a web thread), now 4xx naming the parameter:
URLs with control characters, whitespace or lone surrogates; JSON text nested too deeply for Python's parser;
clips with thousands of frames a second; a NUL in a studio form's webhook_url; an explicit reference that is no
reference at all (false, 0, [], {}). And what must keep working beside them: AV1 uploads, ordinary frame rates,
a null or empty reference. Every case goes through the API (or the studio's pages) and the real decoders."""

from __future__ import annotations

import fractions
import html
import io
import json
import re
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import av
import numpy as np
import pytest
import redis
from django.conf import settings
from django.test import Client

from jobs.conditioning import MAX_CLIP_FPS, MAX_CLIP_SECONDS
from jobs.models import Character, Job
from tests.api_helpers import assert_error, png_bytes
from tests.test_video_conditioning import clip_frames, completed_video, mp4_upload

pytestmark = pytest.mark.django_db

# JSON text nested far deeper than Python's recursion limit: json.loads raises RecursionError on it.
DEEP = '{"a":' * 5000 + "1" + "}" * 5000


class CountingServer(ThreadingHTTPServer):
    """Serves a PNG on loopback for any path, counting the requests that reached it (and their Host headers)."""

    hits = 0
    hosts: list[str]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        assert isinstance(self.server, CountingServer)
        self.server.hits += 1
        self.server.hosts.append(self.headers["Host"])
        body = png_bytes(32, 24)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def counting_server(settings) -> Iterator[CountingServer]:
    settings.KINEMA_REFERENCE_URL_ALLOW_PRIVATE = True  # the test setting that lets a fetch reach loopback
    server = CountingServer(("127.0.0.1", 0), _Handler)
    server.hosts = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def studio_client(user: Any) -> Client:
    redis.Redis.from_url(settings.REDIS_URL).delete(f"kinema:rl:user:{user.pk}")  # a fresh rate-limit bucket
    client = Client()
    client.force_login(user)
    return client


def studio_form(client: Client, **fields: Any) -> dict[str, Any]:
    page = client.get("/").content.decode()
    token = {name: re.search(rf'name="{name}" value="([^"]*)"', page).group(1)  # type: ignore[union-attr]
             for name in ("csrfmiddlewaretoken", "submission_token")}
    return {**token, "prompt": "a boat on a lake", "seconds": "2", "size": "1280x720", "style": "none",
            "model": settings.KINEMA_MODEL_NAME, **fields}


def page_text(resp: Any) -> str:
    return html.unescape(resp.content.decode())


def dense_clip(frames: int, fps: int, name: str = "dense.mp4") -> io.BytesIO:
    """`frames` tiny identical frames at `fps`: cheap to make and to decode, and far too many a second."""
    out = io.BytesIO()
    with av.open(out, "w", format="mp4" if name.endswith(".mp4") else "matroska") as container:
        stream = container.add_stream("h264", rate=fps)
        assert isinstance(stream, av.VideoStream)
        stream.width, stream.height, stream.pix_fmt = 16, 16, "yuv420p"
        stream.options = {"preset": "ultrafast", "bframes": "0"}
        still = av.VideoFrame.from_ndarray(np.full((16, 16, 3), 90, np.uint8), format="rgb24")
        for _ in range(frames):
            for packet in stream.encode(still):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    upload = io.BytesIO(out.getvalue())
    upload.name = name
    return upload


def repeated_clip(side: int, count: int, fps: int) -> io.BytesIO:
    """`count` frames of side x side at `fps`, made as the fuzzer made its clip: two frames encoded, then the
    second one's packet (an H.264 "skip" frame: a few bytes that decode to a whole picture) muxed again and
    again. Cheap to make at any size; costly to decode."""
    src = io.BytesIO()
    with av.open(src, "w", format="mp4") as container:
        stream = container.add_stream("h264", rate=fps)
        assert isinstance(stream, av.VideoStream)
        stream.width = stream.height = side
        stream.pix_fmt, stream.options = "yuv420p", {"preset": "ultrafast", "bframes": "0"}
        still = av.VideoFrame.from_ndarray(np.full((side, side, 3), 90, np.uint8), format="rgb24")
        for packet in [*stream.encode(still), *stream.encode(still), *stream.encode()]:
            container.mux(packet)
    out = io.BytesIO()
    with av.open(io.BytesIO(src.getvalue()), "r") as source, av.open(out, "w", format="mp4") as container:
        key, skip = [bytes(p) for p in source.demux(source.streams.video[0]) if p.size][:2]
        stream = container.add_stream_from_template(source.streams.video[0])
        for i in range(count):
            packet = av.Packet(key if i == 0 else skip)
            packet.stream, packet.time_base, packet.pts, packet.dts = stream, fractions.Fraction(1, fps), i, i
            packet.is_keyframe = i == 0
            container.mux(packet)
    upload = io.BytesIO(out.getvalue())
    upload.name = "repeated.mp4"
    return upload


# --- F3: URL characters ------------------------------------------------------------------------

# (Whitespace at either end is stripped, as from any text field: only whitespace within is refused.)
@pytest.mark.parametrize("tail", ["ok.png\x01", "ok.png\x7f", "ok.png#\x01", "ok.png#frag\x7f", "o k.png",
                                  "ok\t.png", "ok.png?a=\u2028b", "ok\x85.png"])
def test_an_image_url_with_a_control_character_or_whitespace_is_refused_before_any_request(
        api, counting_server, tail) -> None:
    url = f"http://127.0.0.1:{counting_server.server_address[1]}/{tail}"
    err = assert_error(api.post("/v1/videos", {"prompt": "a boat", "input_reference": {"image_url": url}},
                                format="json"), 400, "invalid_url", "input_reference.image_url")
    assert "input_reference.image_url" in err["message"]
    # The same URL inside a multipart form field's JSON text, and as an edit's mask.
    text = json.dumps({"image_url": url})
    assert_error(api.post("/v1/videos", {"prompt": "a boat", "input_reference": text}, format="multipart"), 400,
                 "invalid_url", "input_reference.image_url")
    assert counting_server.hits == 0 and Job.objects.count() == 0
    # The loopback server is reachable: the same URL without the bad character is fetched.
    ok = api.post("/v1/videos", {"prompt": "a boat", "input_reference": {"image_url": url.split("/o")[0] + "/ok.png"}},
                  format="json")
    assert ok.status_code == 200, ok.content
    assert counting_server.hits == 1


def test_an_image_url_with_a_host_name_outside_ascii_is_fetched_with_its_idna_name(api, counting_server,
                                                                                    monkeypatch) -> None:
    """Headers are ASCII: Host and SNI carry the name's IDNA form (the raw name was a UnicodeEncodeError, a 500).
    The name resolves to the loopback server through a stub of the resolver (there is no DNS here). Port 0 is
    refused (it was taken for the scheme's default while Host said :0)."""
    real = socket.getaddrinfo

    def stub(host, *args, **kwargs):
        return real("127.0.0.1" if host in ("bücher.example", "xn--bcher-kva.example") else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", stub)
    port = counting_server.server_address[1]
    reference = {"image_url": f"http://bücher.example:{port}/a.png"}
    ok = api.post("/v1/videos", {"prompt": "a boat", "input_reference": reference}, format="json")
    assert ok.status_code == 200, ok.content
    assert counting_server.hosts == [f"xn--bcher-kva.example:{port}"]
    port_0 = {"image_url": "http://bücher.example:0/a.png"}
    assert_error(api.post("/v1/videos", {"prompt": "a boat", "input_reference": port_0}, format="json"), 400,
                 "invalid_url", "input_reference.image_url")
    assert counting_server.hits == 1


def test_a_mask_url_with_a_control_character_names_the_mask(api, counting_server) -> None:
    source = completed_video(api)
    url = f"http://127.0.0.1:{counting_server.server_address[1]}/mask.png\x01"
    assert_error(api.post("/v1/videos/edits", {"prompt": "a red kite", "video": {"id": source.id},
                                               "mask": {"image_url": url}}, format="json"),
                 400, "invalid_url", "mask.image_url")
    assert counting_server.hits == 0


def test_a_lone_surrogate_in_json_text_of_a_form_field_is_refused_like_one_in_a_json_body(api) -> None:
    """The body-wide check sees a JSON body's surrogate; a form field's JSON text is parsed later, by the
    field's reader, which must refuse it the same way (it used to reach httpx: UnicodeEncodeError, 500)."""
    body = json.dumps({"prompt": "a boat", "input_reference": {"image_url": "https://8.8.8.8/\ud800"}})
    as_json = assert_error(api.post("/v1/videos", body, content_type="application/json"), 400,
                           param="input_reference.image_url")
    for url in ("https://8.8.8.8/\\ud800", "https://8.8.8.8/a#\\udfff", "https://8.8.8.8/\\u0000"):
        as_text = assert_error(api.post("/v1/videos", {"prompt": "a boat",
                                                       "input_reference": '{"image_url": "' + url + '"}'},
                                        format="multipart"), 400, param="input_reference.image_url")
        assert as_text["code"] == as_json["code"]
    # Anywhere in the JSON text: a key, or an id.
    assert_error(api.post("/v1/videos/extensions", {"prompt": "p", "seconds": "4", "video": '{"id\\ud800": 1}'},
                          format="multipart"), 400, param="video")
    assert_error(api.post("/v1/videos/edits", {"prompt": "p", "video": '{"id": "video_\\u0000"}'},
                          format="multipart"), 400, param="video.id")
    assert Job.objects.count() == 0


def test_the_studio_form_refuses_a_reference_url_with_a_surrogate_or_control_character(alice) -> None:
    client = studio_client(alice[0])
    for url in ("https://8.8.8.8/\\ud800", "https://8.8.8.8/\\u0001"):
        resp = client.post("/", studio_form(client, input_reference='{"image_url": "' + url + '"}'))
        assert resp.status_code == 400, resp.status_code
        assert "'input_reference.image_url' contains" in page_text(resp)
    assert Job.objects.count() == 0


# --- F4: JSON text nested too deeply -----------------------------------------------------------

def test_deeply_nested_json_text_in_a_field_is_a_400_naming_it(api, alice) -> None:
    cases = [("/v1/videos", {"prompt": "a boat", "input_reference": DEEP}, "input_reference"),
             ("/v1/videos/extensions", {"prompt": "p", "seconds": "4", "video": DEEP}, "video"),
             ("/v1/videos/edits", {"prompt": "p", "video": DEEP}, "video"),
             ("/v1/videos/characters", {"name": "Maria Lopez", "video": DEEP}, "video")]
    for path, body, param in cases:
        for fmt in ("json", "multipart"):
            err = assert_error(api.post(path, body, format=fmt), 400, param=param)
            assert "nested too deeply" in err["message"], (path, fmt, err)
    source = completed_video(api)
    assert_error(api.post("/v1/videos/edits", {"prompt": "p", "video": {"id": source.id}, "mask": DEEP},
                          format="json"), 400, param="mask")
    client = studio_client(alice[0])
    resp = client.post("/", studio_form(client, input_reference=DEEP))
    assert resp.status_code == 400 and "'input_reference' is nested too deeply" in page_text(resp)
    assert Job.objects.count() == 1 and Character.objects.count() == 0  # only the completed source


# --- F9: frames a second -----------------------------------------------------------------------

def test_a_clip_with_thousands_of_frames_a_second_is_refused_without_decoding_them_all(api) -> None:
    limit = (MAX_CLIP_SECONDS + 1) * MAX_CLIP_FPS
    # 6 s, well within the duration limit, at 1000 frames a second. In MP4 the header counts the frames; a
    # Matroska file's does not, so that one is refused as its frames are decoded.
    for name in ("dense.mp4", "dense.mkv"):
        clip = dense_clip(limit + 500, 1000, name).getvalue()
        for path, body in (("/v1/videos/extensions", {"prompt": "p", "seconds": "4"}),
                           ("/v1/videos/edits", {"prompt": "p"}),
                           ("/v1/videos/characters", {"name": "Maria Lopez"})):
            upload = io.BytesIO(clip)
            upload.name = name
            err = assert_error(api.post(path, {**body, "video": upload}, format="multipart"), 400,
                               "video_too_many_frames", "video")
            assert f"at most {limit} frames" in err["message"]
    assert Job.objects.count() == 0 and Character.objects.count() == 0


def test_a_4k_clip_at_240_frames_a_second_is_refused_for_its_pixels(api) -> None:
    """700 frames is few, but at 4096x4096 it is more to decode than 4K at 60 frames a second for 21 s."""
    upload = repeated_clip(4096, 700, MAX_CLIP_FPS)  # 2.9 s, a 73 kB file
    assert_error(api.post("/v1/videos/edits", {"prompt": "p", "video": upload}, format="multipart"), 400,
                 "video_too_many_frames", "video")
    assert Job.objects.count() == 0


def test_a_high_frame_rate_clip_within_the_limit_is_accepted(api) -> None:
    upload = mp4_upload(clip_frames(4 * MAX_CLIP_FPS, 64, 40), fps=MAX_CLIP_FPS)  # 4 s of slow motion
    resp = api.post("/v1/videos/extensions", {"prompt": "continue", "seconds": "4", "video": upload},
                    format="multipart")
    assert resp.status_code == 200, resp.content
    assert Job.objects.get(pk=resp.json()["id"]).conditioning["source_seconds"] == 4


# --- F10: AV1 ----------------------------------------------------------------------------------

def test_an_av1_upload_is_accepted(api) -> None:
    """Encoded here with SVT-AV1; FFmpeg decodes it with libdav1d, a decoder whose name is not the codec's."""
    upload = mp4_upload(clip_frames(16, 128, 80), fps=8, codec="libsvtav1")
    with av.open(io.BytesIO(upload.getvalue())) as probe:
        assert probe.streams.video[0].codec_context.codec.canonical_name == "av1"
    resp = api.post("/v1/videos/edits", {"prompt": "a red kite", "video": upload}, format="multipart")
    assert resp.status_code == 200, resp.content
    assert Job.objects.get(pk=resp.json()["id"]).conditioning["mode"] == "edit"


# --- F8: webhook_url from a studio form ----------------------------------------------------------

def test_a_webhook_url_with_a_nul_or_control_character_is_a_400_naming_it(api, alice) -> None:
    client = studio_client(alice[0])
    resp = client.post("/", studio_form(client, webhook_url="https://8.8.8.8/\x00"))
    assert resp.status_code == 400 and "field 'webhook_url' holds a NUL character" in page_text(resp)
    for url in ("https://8.8.8.8/\x01", "https://8.8.8.8/a b", "https://8.8.8.8/#\x7f"):
        assert_error(api.post("/v1/videos", {"prompt": "a boat", "webhook_url": url}, format="json"), 400,
                     "invalid_url", "webhook_url")
    assert Job.objects.count() == 0


# --- explicit non-references -------------------------------------------------------------------

def test_an_explicit_reference_that_is_no_reference_is_refused(api, alice) -> None:
    for value, param in ((False, "input_reference"), (0, "input_reference"), ([], "input_reference"),
                         ({}, "input_reference.image_url")):
        assert_error(api.post("/v1/videos", {"prompt": "a boat", "input_reference": value}, format="json"), 400,
                     param=param)
    assert Job.objects.count() == 0
    source = completed_video(api)
    for value, param in ((False, "mask"), (0, "mask"), ([], "mask"), ({}, "mask.image_url")):
        assert_error(api.post("/v1/videos/edits", {"prompt": "p", "video": {"id": source.id}, "mask": value},
                              format="json"), 400, param=param)
    # null, absent and (as any optional field) an empty string: no reference.
    for body in ({"input_reference": None}, {}, {"input_reference": ""}):
        resp = api.post("/v1/videos", {"prompt": "a boat", **body}, format="json")
        assert resp.status_code == 200, resp.content
        assert Job.objects.get(pk=resp.json()["id"]).conditioning == {}
    edit = api.post("/v1/videos/edits", {"prompt": "p", "video": {"id": source.id}, "mask": None}, format="json")
    assert edit.status_code == 200 and Job.objects.get(pk=edit.json()["id"]).conditioning["has_mask"] is False
    # A studio form's empty field: no reference either.
    client = studio_client(alice[0])
    assert client.post("/", studio_form(client, input_reference="")).status_code == 302
    assert Job.objects.filter(conditioning={}).count() == 5


def test_the_decode_budget_admits_what_cameras_record() -> None:
    """The budget bounds a whole clip: every common recording of the longest clip allowed fits, and so does a short
    burst above the rates (a few seconds of 4K at 120); a long one far above them does not."""
    from jobs.conditioning import clip_decode_budget

    max_frames, max_pixels = clip_decode_budget(MAX_CLIP_SECONDS)

    def fits(seconds: float, fps: int, width: int, height: int) -> bool:
        frames = int(seconds * fps)
        return frames <= max_frames and frames * width * height <= max_pixels

    for fps, width, height in ((30, 3840, 2160), (60, 3840, 2160), (60, 4096, 2160), (60, 1920, 1080),
                               (120, 1920, 1080), (240, 1920, 1080), (240, 1280, 720), (25, 1080, 1920)):
        assert fits(MAX_CLIP_SECONDS, fps, width, height), (fps, width, height)
    assert fits(5, 120, 3840, 2160)
    assert not fits(MAX_CLIP_SECONDS, 480, 1280, 720) and not fits(MAX_CLIP_SECONDS, 120, 3840, 2160)
