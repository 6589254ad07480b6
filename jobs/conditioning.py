"""The inputs a conditioned job starts from, read and checked on the request path.

A job is conditioned on more than its prompt when it has a reference image (`input_reference`), a
source clip (remix, extension, edit) or a region mask (edit). This module turns what a client sent
into those inputs, refusing anything unusable with a 400 naming the parameter:

- images: an upload, a data URL, or an `https` URL fetched through the webhooks' public-address
  guard (jobs.webhooks: every resolved address public, the checked address pinned, no redirects,
  no proxy from the environment) within the webhooks' overall deadline;
- clips: one of the user's own finished videos (its MP4 decoded with PyAV), or an uploaded clip whose
  container, codec, duration, size, dimensions and frame count are checked before any frame is decoded
  (and the frames counted again as they are decoded);
- masks: an image turned into a binary PNG (mode L, white = regenerate) at the job's size.

Frames are uint8 RGB arrays of shape (T, H, W, 3), the FRAMES hand-off's format (jobs.media).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import io
import json
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import av
import httpx
import numpy as np
from django.conf import settings
from PIL import Image, UnidentifiedImageError

from jobs.api.errors import APIError, invalid
from jobs.api.validation import first_text_flaw, shown, url_flaw
from jobs.artifacts import live_artifact, read_artifact
from jobs.models import Artifact, Job, JobState
from jobs.profiles import ModelProfile
from jobs.selectors import VIDEO_ID
from jobs.webhooks import _RESOLVER, UnsafeDestination, check_port, pinned_target, resolve_public
from safety.takedown import is_taken_down

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_SIDE = 4096
IMAGE_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
MAX_IMAGE_URL_CHARS = 2000
# A data URL carries the image base64-encoded: 4 characters per 3 bytes, plus its header.
MAX_DATA_URL_CHARS = MAX_IMAGE_BYTES * 4 // 3 + 200

MAX_CLIP_BYTES = 50 * 1024 * 1024
MAX_CLIP_SIDE = 4096
MAX_CLIP_SECONDS = 20
# Containers and codecs PyAV (FFmpeg) decodes that phones, browsers and editors export.
CLIP_CONTAINERS = {"mov,mp4,m4a,3gp,3g2,mj2": "MP4/MOV", "matroska,webm": "WebM/Matroska"}
CLIP_CODECS = {"h264", "hevc", "vp8", "vp9", "av1", "mpeg4"}
# How much decoding an upload may ask of a web thread. Each frame costs a decode whether or not it is sampled:
# a clip of millions of tiny "skip" frames a microsecond apart is short and small, yet held a thread for
# 40 s. A budget for the whole clip (`clip_decode_budget`), not a rate: as many frames as the longest clip
# allowed (plus a second) at 240 frames a second (slow motion), and as many pixels as that long at 4K (DCI,
# 4096 wide) and 60 frames a second. A short burst above either rate (a few seconds of 4K at 120) fits.
MAX_CLIP_FPS = 240
MAX_CLIP_PIXEL_RATE = 4096 * 2160 * 60


def clip_decode_budget(max_seconds: int) -> tuple[int, int]:
    """The frames and the pixels an uploaded clip of at most `max_seconds` may make the web thread decode."""
    return (max_seconds + 1) * MAX_CLIP_FPS, (max_seconds + 1) * MAX_CLIP_PIXEL_RATE


@dataclass(frozen=True)
class ImageInput:
    data: bytes
    content_type: str
    width: int
    height: int

    @property
    def ext(self) -> str:
        return self.content_type.split("/")[1].replace("jpeg", "jpg")


@dataclass(frozen=True)
class SourceClip:
    """A clip a remix, extension or edit starts from: its frames, and what it was made at."""

    frames: np.ndarray  # (T, H, W, 3) uint8 at (width, height)
    width: int
    height: int
    fps: int
    seconds: int  # what the source's Video object shows (an extension's stitched total)
    job: Job | None = None  # the user's own video it came from, if any


# --- images ------------------------------------------------------------------------------------

def check_image(data: bytes, param: str) -> ImageInput:
    """A real, complete, reasonably sized PNG, JPEG or WebP image."""
    if len(data) > MAX_IMAGE_BYTES:
        raise invalid(f"'{param}' is larger than {MAX_IMAGE_BYTES // 2**20} MB.", param, "file_too_large")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            fmt, (w, h) = probe.format, probe.size
            if w > MAX_IMAGE_SIDE or h > MAX_IMAGE_SIDE:
                raise invalid(f"'{param}' is {w}x{h}; the maximum is {MAX_IMAGE_SIDE} pixels a side.", param,
                              "image_too_large")
            probe.verify()
        with Image.open(io.BytesIO(data)) as img:
            img.load()  # verify() does not decode pixel data: a truncated file fails only here
    except APIError:
        raise
    except Image.DecompressionBombError:
        raise invalid(f"'{param}' decompresses to too many pixels.", param, "image_too_large") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise invalid(f"'{param}' is not a valid image (or it is truncated). Use PNG, JPEG or WebP.", param,
                      "invalid_image") from None
    if fmt not in IMAGE_FORMATS:
        raise invalid(f"'{param}' is {fmt}; use PNG, JPEG or WebP.", param, "invalid_image")
    return ImageInput(data, IMAGE_FORMATS[fmt], w, h)


def read_upload(upload: Any, param: str, limit: int) -> bytes:
    if getattr(upload, "size", 0) > limit:
        raise invalid(f"'{param}' is larger than {limit // 2**20} MB.", param, "file_too_large")
    data: bytes = upload.read(limit + 1)
    if len(data) > limit:
        raise invalid(f"'{param}' is larger than {limit // 2**20} MB.", param, "file_too_large")
    return data


def reference_object(value: Any, param: str) -> Mapping[str, Any] | None:
    """A reference object sent as JSON, or as a form field holding JSON text; None for anything else.

    JSON text in a form field is parsed here, after the API's body-wide checks (jobs.api.validation) have
    seen only the text: its nesting and the text inside it are checked here the same way (a NUL or a lone
    surrogate, which "\\u0000" or "\\ud800" spell in JSON, would otherwise reach a URL parser or the
    database)."""
    if isinstance(value, str) and value.lstrip().startswith("{"):
        try:
            value = json.loads(value)
        except RecursionError:
            raise invalid(f"'{param}' is nested too deeply: expected an object such as "
                          '{"image_url": "https://..."} or {"id": "video_..."}.', param) from None
        except ValueError:
            raise invalid(f"'{param}' is not valid JSON.", param) from None
        found = first_text_flaw(value, param)
        if found is not None:
            where, flaw = found
            raise invalid(f"'{where}' contains {flaw}.", where)
    return value if isinstance(value, Mapping) else None


def read_image(value: Any, param: str) -> ImageInput:
    """An image from an upload, `{"image_url": "https://..." | "data:..."}` or `{"file_id": ...}`."""
    if hasattr(value, "read"):
        return check_image(read_upload(value, param, MAX_IMAGE_BYTES), param)
    obj = reference_object(value, param)
    if obj is None:
        raise invalid(f"'{param}' must be an uploaded image file (multipart/form-data) or an object "
                      '{"image_url": "https://..."} (or a data: URL).', param)
    if "file_id" in obj and "image_url" not in obj:
        raise invalid(f"'{param}.file_id' is not supported: Kinema has no files endpoint. Upload the image, or "
                      'pass {"image_url": "https://..."} or a data: URL.', f"{param}.file_id", "unsupported_parameter")
    unknown = sorted(set(obj) - {"image_url"})
    if unknown:
        raise invalid(f"'{param}' has unknown field(s) {', '.join(shown(k) for k in unknown)}; expected "
                      "'image_url'.", param)
    url = obj.get("image_url")
    if not isinstance(url, str) or not url.strip():
        raise invalid(f"'{param}.image_url' must be an https URL or a data: URL.", f"{param}.image_url")
    url = url.strip()
    if url[:5].lower() == "data:":
        return check_image(decode_data_url(url, f"{param}.image_url"), param)
    return check_image(fetch_image(url, f"{param}.image_url"), param)


def decode_data_url(url: str, param: str) -> bytes:
    """`data:image/png;base64,...` -> the bytes (only base64 image data URLs)."""
    if len(url) > MAX_DATA_URL_CHARS:
        raise invalid(f"'{param}' is larger than {MAX_IMAGE_BYTES // 2**20} MB.", param, "file_too_large")
    header, sep, payload = url[5:].partition(",")
    media, _, encoding = header.partition(";")
    if not sep or encoding.lower() != "base64" or not media.lower().startswith("image/"):
        raise invalid(f"'{param}' must be a base64 image data URL (data:image/png;base64,...).", param)
    try:
        return base64.b64decode(payload.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise invalid(f"'{param}' does not hold valid base64 data.", param) from None


def fetch_image(url: str, param: str) -> bytes:
    """GET an https URL through the webhooks' public-address guard, within their overall deadline.

    Plain http and non-public addresses are refused unless KINEMA_REFERENCE_URL_ALLOW_PRIVATE is set
    (tests and development only: the setting exists so a test can serve an image on loopback)."""
    if len(url) > MAX_IMAGE_URL_CHARS:
        raise invalid(f"'{param}' is longer than {MAX_IMAGE_URL_CHARS} characters.", param)
    flaw = url_flaw(url)
    if flaw:
        raise invalid(f"'{param}' contains {flaw}, which a URL cannot hold as written.", param, "invalid_url")
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        raise invalid(f"'{param}' is not a valid URL; got {shown(url)}.", param) from None
    allow_private = settings.KINEMA_REFERENCE_URL_ALLOW_PRIVATE
    schemes = {"https", "http"} if allow_private else {"https"}
    if parts.scheme.lower() not in schemes or not parts.hostname:
        raise invalid(f"'{param}' must be an absolute https URL (or a data: URL); got {shown(url)}.", param)
    if parts.username or parts.password:
        raise invalid(f"'{param}' must not carry credentials.", param)
    try:
        given_port = parts.port
    except ValueError:
        raise invalid(f"'{param}' has a port that is not a number between 1 and 65535.", param) from None
    if given_port == 0:
        raise invalid(f"'{param}' has port 0, which no server listens on.", param, "invalid_url")
    port = given_port or (443 if parts.scheme.lower() == "https" else 80)
    deadline = settings.KINEMA_WEBHOOK_TIMEOUT_S
    try:
        return asyncio.run(_get(parts.hostname, port, url, deadline, allow_private, param))
    except httpx.InvalidURL:  # what httpx's own parser refuses that the checks above let through
        raise invalid(f"'{param}' is not a valid URL; got {shown(url)}.", param, "invalid_url") from None
    except UnsafeDestination:
        raise invalid(f"'{param}' must point to a public internet address on port 443; this one does not "
                      "resolve, or resolves to a non-public address, or uses another port.", param,
                      "unsafe_url") from None
    except (TimeoutError, httpx.TimeoutException):
        raise invalid(f"'{param}' did not answer with the image within {deadline:g} s.", param,
                      "image_url_timeout") from None
    except (httpx.HTTPError, OSError):
        raise invalid(f"'{param}' could not be fetched (the connection failed).", param,
                      "image_url_unreachable") from None


def _addresses(host: str, port: int, allow_private: bool) -> list[str]:
    if allow_private:
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)})
    addresses = resolve_public(host, port)
    check_port(port)
    return addresses


async def _get(host: str, port: int, url: str, deadline_s: float, allow_private: bool, param: str) -> bytes:
    """Resolve, check and GET within one overall deadline, connecting to the checked address (no second
    resolution: DNS rebinding), with Host and TLS SNI carrying the name; at most MAX_IMAGE_BYTES read."""
    parts = urlsplit(url)
    async with asyncio.timeout(deadline_s):
        loop = asyncio.get_running_loop()
        try:
            addresses = await loop.run_in_executor(_RESOLVER, _addresses, host, port, allow_private)
        except (socket.gaierror, UnicodeError) as exc:
            raise UnsafeDestination(str(exc)) from exc
        target = pinned_target(parts, addresses[0])
        headers = {"user-agent": "Kinema-ReferenceFetcher/1.0", "accept": "image/png, image/jpeg, image/webp",
                   "host": target.host}
        async with httpx.AsyncClient(timeout=deadline_s, follow_redirects=False, trust_env=False) as client:
            async with client.stream("GET", target.url, headers=headers,
                                     extensions={"sni_hostname": target.sni}) as resp:
                if resp.status_code != 200:
                    raise APIError(f"'{param}' answered HTTP {resp.status_code} (redirects are not followed); it "
                                   "must answer 200 with the image.", param=param, code="image_url_unreachable")
                body = bytearray()
                async for chunk in resp.aiter_bytes():
                    body += chunk
                    if len(body) > MAX_IMAGE_BYTES:
                        raise APIError(f"'{param}' is larger than {MAX_IMAGE_BYTES // 2**20} MB.", param=param,
                                       code="file_too_large")
                return bytes(body)


def mask_png(image: ImageInput, width: int, height: int, param: str = "mask") -> bytes:
    """The mask at the job's size, binary (white = regenerate, black = keep), as a PNG in mode L."""
    with Image.open(io.BytesIO(image.data)) as img:
        grey = img.convert("L").resize((width, height), Image.Resampling.NEAREST)
    binary = (np.asarray(grey) >= 128).astype(np.uint8) * 255
    if not binary.any():
        raise invalid(f"'{param}' selects nothing to regenerate: paint the region to change white.", param)
    out = io.BytesIO()
    Image.fromarray(binary, mode="L").save(out, "PNG")
    return out.getvalue()


# --- clips -------------------------------------------------------------------------------------

def fit_frames(frames: np.ndarray, width: int, height: int) -> np.ndarray:
    """Frames at (width, height): centre-cropped to that aspect, then resized (a no-op when they fit)."""
    _, h, w, _ = frames.shape
    if (w, h) == (width, height):
        return frames
    target = width / height
    if w / h > target:  # too wide: crop the sides
        cw, ch = round(h * target), h
    else:
        cw, ch = w, round(w / target)
    x, y = (w - cw) // 2, (h - ch) // 2
    return np.stack([np.asarray(Image.fromarray(f[y:y + ch, x:x + cw]).resize((width, height),
                                                                              Image.Resampling.BILINEAR))
                     for f in frames])


def resample(frames: np.ndarray, count: int) -> np.ndarray:
    """`count` frames evenly spread over the clip (nearest frame; repeats when there are fewer)."""
    if len(frames) == count:
        return frames
    picks = np.linspace(0, len(frames) - 1, count).round().astype(int)
    return frames[picks]


def decode_mp4(data: bytes, width: int, height: int) -> np.ndarray:
    """Every frame of one of Kinema's own MP4s (H.264 pads odd sides by one: cropped back)."""
    with av.open(io.BytesIO(data), "r") as container:
        frames = [f.to_ndarray(format="rgb24")[:height, :width] for f in container.decode(video=0)]
    return np.stack(frames)


def orientation_of(width: int, height: int, profile: ModelProfile) -> str:
    ratio = width / height
    if "square" in profile.resolutions and 0.9 <= ratio <= 1.1:
        return "square"
    return "landscape" if ratio >= 1 else "portrait"


def decode_upload(upload: Any, param: str, profile: ModelProfile, *, max_seconds: int = MAX_CLIP_SECONDS,
                  max_side: int | None = None) -> tuple[np.ndarray, float]:
    """An uploaded clip's frames, sampled at the profile's frame rate, at the profile's resolution of the
    clip's orientation (or, with `max_side`, at its own aspect with no side over it); and its duration.
    The container, codec, duration, size and frame count are checked from the headers before frames are
    decoded; a clip that lies about them (or whose container does not say) is refused when the decoded
    frames run past the limit. Every frame costs a decode, sampled or not, so the frames (and their pixels)
    are bounded as well as the duration: see clip_decode_budget."""
    if not hasattr(upload, "read"):
        raise invalid(f"'{param}' must be an uploaded video file (multipart/form-data) or an object "
                      '{"id": "video_..."} naming one of your completed videos.', param)
    data = read_upload(upload, param, MAX_CLIP_BYTES)
    bad = invalid(f"'{param}' is not a video PyAV can read (or it is truncated). Use MP4/MOV or WebM with H.264, "
                  "HEVC, VP8, VP9 or AV1.", param, "invalid_video")
    try:
        container = av.open(io.BytesIO(data), "r")
    except (av.FFmpegError, ValueError, OSError):
        raise bad from None
    with container:
        if container.format.name not in CLIP_CONTAINERS:
            raise invalid(f"'{param}' is a {container.format.long_name or container.format.name} file; use "
                          f"{' or '.join(CLIP_CONTAINERS.values())}.", param, "invalid_video")
        if not container.streams.video:
            raise invalid(f"'{param}' has no video stream.", param, "invalid_video")
        stream = container.streams.video[0]
        # The codec's own name ("av1"), not its decoder's: FFmpeg decodes AV1 with "libdav1d".
        codec = stream.codec_context.codec.canonical_name
        if codec not in CLIP_CODECS:
            raise invalid(f"'{param}' is encoded with {codec}; use H.264, HEVC, VP8, VP9 or AV1.", param,
                          "invalid_video")
        w, h = stream.codec_context.width, stream.codec_context.height
        if not w or not h or w > MAX_CLIP_SIDE or h > MAX_CLIP_SIDE:
            raise invalid(f"'{param}' is {w}x{h}; at most {MAX_CLIP_SIDE} pixels a side.", param, "invalid_video")
        declared = (container.duration or 0) / av.time_base
        if declared > max_seconds + 0.5:
            raise invalid(f"'{param}' is {declared:.1f} s long; the maximum is {max_seconds} s.", param,
                          "video_too_long")
        max_frames, max_pixels = clip_decode_budget(max_seconds)
        too_many = invalid(f"'{param}' has too many frames to decode: at most {max_frames} frames, and no more pixels "
                           f"than {max_seconds + 1} s of 4K at 60 frames a second. Re-encode it at a lower frame rate "
                           "or resolution.", param, "video_too_many_frames")
        if stream.frames > max_frames or stream.frames * w * h > max_pixels:  # MP4 counts them; WebM says 0
            raise too_many
        if max_side is None:
            width, height = profile.resolutions[orientation_of(w, h, profile)]
        else:
            scale = min(1.0, max_side / max(w, h))
            width, height = max(2, round(w * scale)), max(2, round(h * scale))
        # Each frame is scaled as it is decoded (a 4K clip never sits in memory at 4K): to the smallest
        # size that covers the target, which fit_frames then crops to its aspect.
        cover = max(width / w, height / h)
        cover_w, cover_h = max(width, round(w * cover)), max(height, round(h * cover))
        period = 1.0 / profile.fps
        frames: list[np.ndarray] = []
        last_t = 0.0
        packets = decoded = pixels = 0
        try:
            for packet in container.demux(stream):
                # Counted as they come, whatever the headers said (a packet yielding no frame cost a decode).
                packets += 1
                if packets > max_frames + 1:  # the demuxer's last, empty packet flushes the decoder
                    raise too_many
                for frame in packet.decode():
                    decoded += 1
                    pixels += frame.width * frame.height  # a stream may change size midway
                    if decoded > max_frames or pixels > max_pixels:
                        raise too_many
                    t = float(frame.time) if frame.time is not None else (decoded - 1) * period
                    last_t = max(last_t, t)
                    if t > max_seconds + 0.5:
                        raise invalid(f"'{param}' runs past {max_seconds} s; the maximum is {max_seconds} s.",
                                      param, "video_too_long")
                    # Sample k (at k / fps) takes the frame nearest to it; a slower source repeats frames.
                    if t + period / 2 <= len(frames) * period:
                        continue
                    rgb = frame.reformat(width=cover_w, height=cover_h, format="rgb24").to_ndarray()
                    while len(frames) * period < t + period / 2:
                        frames.append(rgb)
        except APIError:
            raise
        except (av.FFmpegError, ValueError, OSError):
            raise bad from None
    if not frames:
        raise invalid(f"'{param}' has no decodable frames.", param, "invalid_video")
    return fit_frames(np.stack(frames), width, height), max(last_t + period, len(frames) * period)


def displayed_seconds(job: Job) -> int:
    """What a video's `seconds` shows: an extension's is the stitched total (source + new part)."""
    return job.seconds + int((job.conditioning or {}).get("source_seconds", 0))


def own_clip(user_id: int, value: Any, param: str) -> Job | None:
    """The user's own video that `{"id": "video_..."}` names, or None when `value` is not such an object."""
    obj = reference_object(value, param)
    if obj is None:
        return None
    unknown = sorted(set(obj) - {"id"})
    if unknown:
        raise invalid(f"'{param}' has unknown field(s) {', '.join(shown(k) for k in unknown)}; expected 'id'.", param)
    video_id = obj.get("id")
    if not isinstance(video_id, str) or not VIDEO_ID.fullmatch(video_id):
        raise invalid(f"'{param}.id' must be a video id (video_ followed by 28 hex digits), got {shown(video_id)}.",
                      f"{param}.id", "invalid_id")
    job = Job.objects.filter(pk=video_id, user_id=user_id, deleted_at__isnull=True).first()
    if job is None:
        raise APIError("No video found with that id.", status_code=404, param=f"{param}.id", code="not_found")
    return job


def source_of(job: Job, param: str) -> SourceClip:
    """The frames of one of the user's completed videos, decoded from its MP4. 409 when it has not
    completed, 404 when its content expired or was deleted."""
    if job.state != JobState.SUCCEEDED:
        raise APIError(f"Video {job.id} has not completed; only a completed video can be used as '{param}'.",
                       status_code=409, param=param, code="video_not_ready")
    if is_taken_down(job.id):  # removed after publication: its frames must not come back through a new clip
        raise APIError(f"Video {job.id} was removed for violating the content policy; it cannot be used as "
                       f"'{param}'.", status_code=404, param=param, code="video_removed")
    art = live_artifact(job.id, Artifact.Kind.VIDEO)
    if art is None:
        raise APIError(f"The content of video {job.id} has expired or was deleted.", status_code=404, param=param,
                       code="expired")
    frames = decode_mp4(read_artifact(art), job.width, job.height)
    return SourceClip(frames, job.width, job.height, job.fps, displayed_seconds(job), job)


def uploaded_source(upload: Any, param: str, profile: ModelProfile) -> SourceClip:
    frames, duration = decode_upload(upload, param, profile)
    _, h, w, _ = frames.shape
    return SourceClip(frames, w, h, profile.fps, max(1, round(duration)))


def source_clip(user_id: int, value: Any, param: str, profile: ModelProfile) -> SourceClip:
    """`video` as the SDK sends it (an upload) or as raw JSON clients do (`{"id": "video_..."}`)."""
    if value is None or value == "":
        raise invalid(f"Missing required parameter: '{param}'.", param, "missing_required_parameter")
    job = own_clip(user_id, value, param)
    if job is not None:
        return source_of(job, param)
    return uploaded_source(value, param, profile)


# --- screening -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ScreenedInput:
    """One input a job is conditioned on, as the frame screen takes it."""

    name: str  # input_reference, character <id>, source_frames
    frames: np.ndarray  # (T, H, W, 3) uint8
    reference: bool  # one still image (scan_frames' reference mode)


def _read_key(key: str) -> bytes:
    from django.core.files.storage import default_storage

    with default_storage.open(key, "rb") as fh:
        data: bytes = fh.read()
    return data


def _still(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as img:
        return np.asarray(img.convert("RGB"))[np.newaxis]


def inputs_to_screen(job: Job) -> list[ScreenedInput]:
    """Everything besides the prompt that a job's model run would see: its reference image, its
    characters' likenesses and its source clip. The screening stage scans each before any GPU time."""
    from jobs.artifacts import storage_call
    from jobs.media import frames_from_bytes

    found: list[ScreenedInput] = []
    art = live_artifact(job.id, Artifact.Kind.INPUT_REFERENCE)
    if art is not None:
        found.append(ScreenedInput("input_reference", _still(read_artifact(art)), True))
    conditioning = job.conditioning or {}
    for character_id, key in zip(conditioning.get("character_ids") or [], conditioning.get("reference_keys") or [],
                                 strict=False):
        data = storage_call(_read_key, key, retries=settings.KINEMA_STORAGE_RETRIES)
        found.append(ScreenedInput(f"character {character_id}", _still(data), True))
    art = live_artifact(job.id, Artifact.Kind.SOURCE_FRAMES)
    if art is not None:
        found.append(ScreenedInput("source_frames", frames_from_bytes(read_artifact(art)), False))
    return found
