"""Conditioned submissions through /v1/videos without workers: reference images by upload, URL and data URL;
remix, extension and edit of a completed video with the contract's conditioning and artifacts; the price of
an extension; and a 4xx naming the parameter for every bad input."""

from __future__ import annotations

import base64
import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import av
import numpy as np
import pytest
from PIL import Image

from jobs.artifacts import live_artifact, put_artifact, read_artifact
from jobs.costs import credits_for
from jobs.media import encode_mp4, frames_from_bytes
from jobs.models import Artifact, Job, JobState
from jobs.profiles import current_profile
from tests.api_helpers import assert_error, png_bytes


def clip_frames(n: int, w: int = 128, h: int = 80, seed: int = 0) -> np.ndarray:
    """Smooth, distinct frames (random noise would not survive H.264 recognisably)."""
    rng = np.random.default_rng(seed)
    base = rng.integers(30, 220, (n, 1, 1, 3))
    ramp = np.linspace(0.5, 1.0, w)[None, None, :, None]
    return np.broadcast_to(base * ramp, (n, h, w, 3)).astype(np.uint8)


def completed_video(api, **fields) -> Job:
    """A job of the caller's, succeeded with a real MP4 (what finalize would have stored)."""
    body = api.post("/v1/videos", {"prompt": "a kite over a beach", "size": "1280x720", "seconds": "2", "seed": 77,
                                   **fields}, format="json").json()
    job = Job.objects.get(pk=body["id"])
    put_artifact(job.id, Artifact.Kind.VIDEO, encode_mp4(clip_frames(job.num_frames), job.fps), "video/mp4")
    Job.objects.filter(pk=job.id).update(state=JobState.SUCCEEDED)
    job.refresh_from_db()
    return job


def mp4_upload(frames: np.ndarray, fps: int = 8, name: str = "clip.mp4", codec: str = "h264") -> io.BytesIO:
    """The frames encoded as a user's upload; the same frames give the same bytes (one encoder thread: with several,
    x264 gave other bytes about one call in ten in a test process, and a resent form looked like another one)."""
    out = io.BytesIO()
    with av.open(out, "w", format="mp4" if name.endswith(".mp4") else "matroska") as container:
        stream = container.add_stream(codec, rate=fps)
        assert isinstance(stream, av.VideoStream)
        stream.width, stream.height, stream.pix_fmt = frames.shape[2], frames.shape[1], "yuv420p"
        stream.options = {"threads": "1"}
        for frame in frames:
            for packet in stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    upload = io.BytesIO(out.getvalue())
    upload.name = name
    return upload


def source_frames_of(job_id: str) -> np.ndarray:
    art = live_artifact(job_id, Artifact.Kind.SOURCE_FRAMES)
    assert art is not None
    return frames_from_bytes(read_artifact(art))


# --- reference images ------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_data_url_reference_is_stored_and_sets_image_mode(api) -> None:
    data_url = "data:image/png;base64," + base64.b64encode(png_bytes(40, 30)).decode()
    resp = api.post("/v1/videos", {"prompt": "a robot waving", "input_reference": {"image_url": data_url}},
                    format="json")
    assert resp.status_code == 200, resp.content
    job = Job.objects.get(pk=resp.json()["id"])
    assert job.conditioning == {"mode": "image"}
    art = live_artifact(job.id, Artifact.Kind.INPUT_REFERENCE)
    assert art is not None and art.content_type == "image/png" and read_artifact(art) == png_bytes(40, 30)


@pytest.mark.django_db
def test_an_upload_reference_sets_image_mode_and_a_plain_create_has_none(api) -> None:
    upload = io.BytesIO(png_bytes())
    upload.name = "ref.png"
    with_ref = api.post("/v1/videos", {"prompt": "a robot", "input_reference": upload}, format="multipart").json()
    plain = api.post("/v1/videos", {"prompt": "a robot"}, format="json").json()
    assert Job.objects.get(pk=with_ref["id"]).conditioning == {"mode": "image"}
    assert Job.objects.get(pk=plain["id"]).conditioning == {}


class ImageServer(ThreadingHTTPServer):
    """Serves /ok.png, /redirect (302 to /ok.png), /text (text/plain) and /huge (11 MB) on loopback."""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        if self.path == "/ok.png":
            body, ctype, status = png_bytes(32, 24), "image/png", 200
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/ok.png")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        elif self.path == "/huge":
            body, ctype, status = b"\x89PNG" + b"\0" * (11 * 2**20), "image/png", 200
        else:
            body, ctype, status = b"not an image", "text/plain", 200
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def image_server() -> Iterator[str]:
    server = ImageServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_an_image_url_is_fetched_only_where_the_test_setting_allows_loopback(api, image_server, settings) -> None:
    body = {"prompt": "a lighthouse", "input_reference": {"image_url": f"{image_server}/ok.png"}}
    # Production: plain http, and any loopback address, are refused before a connection is made.
    settings.KINEMA_REFERENCE_URL_ALLOW_PRIVATE = False
    assert_error(api.post("/v1/videos", body, format="json"), 400, param="input_reference.image_url")
    https_loopback = {"prompt": "a lighthouse", "input_reference": {"image_url": "https://127.0.0.1/ok.png"}}
    assert_error(api.post("/v1/videos", https_loopback, format="json"), 400, "unsafe_url", "input_reference.image_url")
    unparsable = {"prompt": "a lighthouse", "input_reference": {"image_url": "https://[::1/x.png"}}  # urlsplit raises
    assert_error(api.post("/v1/videos", unparsable, format="json"), 400, param="input_reference.image_url")
    assert Job.objects.count() == 0

    settings.KINEMA_REFERENCE_URL_ALLOW_PRIVATE = True
    resp = api.post("/v1/videos", body, format="json")
    assert resp.status_code == 200, resp.content
    art = live_artifact(resp.json()["id"], Artifact.Kind.INPUT_REFERENCE)
    assert art is not None and read_artifact(art) == png_bytes(32, 24)
    for path, code in (("/redirect", "image_url_unreachable"), ("/text", "invalid_image"), ("/huge", "file_too_large")):
        bad = {"prompt": "a lighthouse", "input_reference": {"image_url": f"{image_server}{path}"}}
        assert_error(api.post("/v1/videos", bad, format="json"), 400, code)


@pytest.mark.django_db
def test_bad_reference_objects_are_400s_naming_the_field(api) -> None:
    cases = [
        ({"file_id": "file_123"}, "input_reference.file_id"),
        ({"image_url": ""}, "input_reference.image_url"),
        ({"image_url": 5}, "input_reference.image_url"),
        ({"image_url": "ftp://example.com/a.png"}, "input_reference.image_url"),
        ({"image_url": "https://user:pw@example.com/a.png"}, "input_reference.image_url"),
        ({"image_url": "data:text/plain;base64,aGk="}, "input_reference.image_url"),
        ({"image_url": "data:image/png;base64,***"}, "input_reference.image_url"),
        ({"image_url": "data:image/png;base64," + base64.b64encode(b"not a png").decode()}, "input_reference"),
        ({"url": "https://example.com/a.png"}, "input_reference"),
        ("just text", "input_reference"),
    ]
    for value, param in cases:
        assert_error(api.post("/v1/videos", {"prompt": "a cat", "input_reference": value}, format="json"), 400,
                     param=param)
    assert Job.objects.count() == 0


# --- remix, extension, edit ------------------------------------------------------------------------

@pytest.mark.django_db
def test_remix_of_a_completed_video_carries_its_frames_and_strength(api) -> None:
    source = completed_video(api)
    resp = api.post(f"/v1/videos/{source.id}/remix", {"prompt": "a kite at night", "strength": 0.4}, format="json")
    assert resp.status_code == 200, resp.content
    body = resp.json()
    assert body["remixed_from_video_id"] == source.id and body["seed"] == 77 and body["seconds"] == "2"
    job = Job.objects.get(pk=body["id"])
    assert job.conditioning == {"mode": "remix", "source_video_id": source.id, "strength": 0.4}
    frames = source_frames_of(job.id)
    assert frames.shape == (job.num_frames, job.height, job.width, 3) and frames.dtype == np.uint8
    # The decoded clip is the source's (H.264 is lossy: close, not equal).
    assert np.abs(frames.astype(int) - clip_frames(source.num_frames).astype(int)).mean() < 6
    default = api.post(f"/v1/videos/{source.id}/remix", {"prompt": "again"}, format="json").json()
    assert Job.objects.get(pk=default["id"]).conditioning["strength"] == 0.6
    for strength in (0, 1.5, "x"):
        assert_error(api.post(f"/v1/videos/{source.id}/remix", {"prompt": "p", "strength": strength}, format="json"),
                     400, param="strength")


@pytest.mark.django_db
def test_remix_of_a_video_without_a_clip_reuses_settings_and_says_so(api) -> None:
    source = api.post("/v1/videos", {"prompt": "a boat", "seed": 5}, format="json").json()
    api.post(f"/v1/videos/{source['id']}/cancel")
    remix = api.post(f"/v1/videos/{source['id']}/remix", {"prompt": "a boat at dawn"}, format="json").json()
    job = Job.objects.get(pk=remix["id"])
    assert job.conditioning == {} and job.seed == 5 and live_artifact(job.id, Artifact.Kind.SOURCE_FRAMES) is None
    assert any("source clip is not available" in n for n in remix["notices"])


@pytest.mark.django_db
def test_extension_by_id_renders_context_plus_new_frames_and_shows_the_total(api, alice) -> None:
    source = completed_video(api)
    resp = api.post("/v1/videos/extensions", {"prompt": "the kite flies higher", "seconds": "4",
                                              "video": {"id": source.id}}, format="json")
    assert resp.status_code == 200, resp.content
    body = resp.json()
    assert body["seconds"] == "6" and body["seed"] == source.seed and body["resolution"] == "128x80"
    job = Job.objects.get(pk=body["id"])
    profile = current_profile()
    assert job.seconds == 4 and job.num_frames == profile.frames_for(4)
    assert job.conditioning == {"mode": "extend", "source_video_id": source.id, "context_frames": 4,
                                "source_seconds": 2}
    assert source_frames_of(job.id).shape == (source.num_frames, 80, 128, 3)
    # Priced by what is rendered: the 4 context frames with the new ones.
    assert job.credits_held == credits_for(profile, width=128, height=80, seconds=4, steps=job.steps,
                                           num_frames=job.num_frames + 4)
    assert job.credits_held > credits_for(profile, width=128, height=80, seconds=4, steps=job.steps)
    # An extension of the extension starts from the stitched total.
    Job.objects.filter(pk=job.id).update(state=JobState.SUCCEEDED)
    put_artifact(job.id, Artifact.Kind.VIDEO, encode_mp4(clip_frames(source.num_frames + job.num_frames), 4),
                 "video/mp4")
    again = api.post("/v1/videos/extensions", {"prompt": "and lands", "seconds": 4, "video": {"id": job.id}},
                     format="json").json()
    assert again["seconds"] == "10"


@pytest.mark.django_db
def test_remix_of_a_source_longer_than_one_rendering_is_cut_to_the_limit_and_says_so(api, alice) -> None:
    source = completed_video(api)
    limit = min(alice[0].tier.max_seconds, current_profile().max_seconds)
    # An extension whose stitched total (source_seconds + its own seconds) is past what one rendering may be.
    Job.objects.filter(pk=source.id).update(conditioning={"mode": "extend", "source_seconds": limit,
                                                          "context_frames": 4})
    remix = api.post(f"/v1/videos/{source.id}/remix", {"prompt": "the kite at dusk"}, format="json")
    assert remix.status_code == 200, remix.content  # not a 400 about a 'seconds' the user never sent
    assert int(remix.json()["seconds"]) == limit
    assert any("longest one rendering allows" in n for n in remix.json()["notices"])
    asked = api.post(f"/v1/videos/{source.id}/remix", {"prompt": "the kite at dusk", "seconds": limit + 1},
                     format="json")
    assert asked.status_code == 400 and asked.json()["error"]["param"] == "seconds"  # asked for: still refused


@pytest.mark.django_db
def test_remix_and_extension_read_their_own_webhook_url(api) -> None:
    source = completed_video(api)
    unsafe = {"prompt": "the kite at dusk", "webhook_url": "http://127.0.0.1/hook"}
    assert_error(api.post(f"/v1/videos/{source.id}/remix", unsafe, format="json"), 400, param="webhook_url")
    assert_error(api.post("/v1/videos/extensions", {**unsafe, "seconds": 4, "video": {"id": source.id}},
                          format="json"), 400, param="webhook_url")


@pytest.mark.django_db
def test_extension_of_an_uploaded_clip_samples_it_at_the_profile_rate(api) -> None:
    upload = mp4_upload(clip_frames(24, 320, 200), fps=8)  # 3 s at 8 fps, landscape
    resp = api.post("/v1/videos/extensions", {"prompt": "continue", "seconds": "4", "video": upload},
                    format="multipart")
    assert resp.status_code == 200, resp.content
    job = Job.objects.get(pk=resp.json()["id"])
    assert job.conditioning["mode"] == "extend" and "source_video_id" not in job.conditioning
    assert job.conditioning["source_seconds"] == 3 and resp.json()["seconds"] == "7"
    assert source_frames_of(job.id).shape == (12, 80, 128, 3)  # 3 s at the tiny profile's 4 fps, 128x80


@pytest.mark.django_db
def test_edit_with_and_without_a_mask(api) -> None:
    source = completed_video(api)
    mask = Image.new("L", (256, 160), 0)
    mask.paste(255, (0, 0, 128, 160))  # the left half
    buf = io.BytesIO()
    mask.save(buf, "PNG")
    data_url = "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()
    resp = api.post("/v1/videos/edits", {"prompt": "a red kite", "video": {"id": source.id},
                                         "mask": {"image_url": data_url}}, format="json")
    assert resp.status_code == 200, resp.content
    job = Job.objects.get(pk=resp.json()["id"])
    assert job.conditioning == {"mode": "edit", "source_video_id": source.id, "strength": 0.8, "has_mask": True}
    assert job.seed == source.seed and resp.json()["seconds"] == "2"
    assert source_frames_of(job.id).shape == (source.num_frames, 80, 128, 3)
    mask_art = live_artifact(job.id, Artifact.Kind.MASK)
    assert mask_art is not None
    stored = np.asarray(Image.open(io.BytesIO(read_artifact(mask_art))))
    assert stored.shape == (80, 128) and set(np.unique(stored)) == {0, 255}
    assert stored[:, :60].min() == 255 and stored[:, 70:].max() == 0

    plain = api.post("/v1/videos/edits", {"prompt": "a red kite", "video": {"id": source.id}, "strength": 0.5},
                     format="json").json()
    assert Job.objects.get(pk=plain["id"]).conditioning["has_mask"] is False
    black = io.BytesIO()
    Image.new("L", (64, 64), 0).save(black, "PNG")
    black.name = "mask.png"
    upload = mp4_upload(clip_frames(8, 128, 80))
    assert_error(api.post("/v1/videos/edits", {"prompt": "p", "video": upload, "mask": black}, format="multipart"),
                 400, param="mask")


@pytest.mark.django_db
def test_bad_sources_are_4xx_naming_the_parameter(api, make_user, client_for) -> None:
    source = completed_video(api)
    pending = api.post("/v1/videos", {"prompt": "not yet"}, format="json").json()["id"]
    _, bob_key = make_user("bob")
    bobs = client_for(bob_key).post("/v1/videos", {"prompt": "bob's"}, format="json").json()["id"]
    base = {"prompt": "more", "seconds": "4"}
    for path in ("/v1/videos/extensions", "/v1/videos/edits"):
        assert_error(api.post(path, {**base}, format="json"), 400, "missing_required_parameter", "video")
        assert_error(api.post(path, {**base, "video": {"id": "video_x"}}, format="json"), 400, "invalid_id", "video.id")
        assert_error(api.post(path, {**base, "video": {"id": bobs}}, format="json"), 404, "not_found")
        assert_error(api.post(path, {**base, "video": {"id": pending}}, format="json"), 409, "video_not_ready")
        assert_error(api.post(path, {**base, "video": {"id": source.id, "x": 1}}, format="json"), 400, param="video")
        assert_error(api.post(path, {**base, "video": "a string"}, format="json"), 400, param="video")
        assert_error(api.post(path, {"video": {"id": source.id}, "seconds": "4"}, format="json"), 400, param="prompt")
        not_video = io.BytesIO(b"this is not a video at all" * 100)
        not_video.name = "clip.mp4"
        assert_error(api.post(path, {**base, "video": not_video}, format="multipart"), 400, "invalid_video", "video")
        too_long = mp4_upload(clip_frames(22 * 2, 64, 48), fps=2)  # 22 s
        assert_error(api.post(path, {**base, "video": too_long}, format="multipart"), 400, "video_too_long", "video")
    ext = "/v1/videos/extensions"
    assert_error(api.post(ext, {"prompt": "p", "video": {"id": source.id}}, format="json"), 400,
                 "missing_required_parameter", "seconds")
    for seconds in ("3", 21, "four"):
        assert_error(api.post(ext, {"prompt": "p", "seconds": seconds, "video": {"id": source.id}}, format="json"),
                     400, param="seconds")
    gif = io.BytesIO()
    Image.new("RGB", (8, 8)).save(gif, "GIF")
    gif.name = "clip.gif"
    assert_error(api.post(ext, {**base, "video": gif}, format="multipart"), 400, "invalid_video", "video")
    Artifact.objects.filter(job=source, kind=Artifact.Kind.VIDEO).update(deleted_at=source.created_at)
    assert_error(api.post(ext, {**base, "video": {"id": source.id}}, format="json"), 404, "expired")
    assert Job.objects.filter(conditioning__mode__in=["extend", "edit"]).count() == 0
