"""Turning decoded frames into deliverables: an H.264 MP4 (faststart; with an AAC track when the model made
sound), a thumbnail, a spritesheet; and the GPU -> finalize hand-off of a clip's frames (and waveform)."""

from __future__ import annotations

import io
import math
import os
import tempfile
from dataclasses import dataclass

import av
import numpy as np
from PIL import Image

# Sample rates the AAC encoder takes as they are; any other is resampled to 48 kHz.
AAC_RATES = frozenset({8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 64000, 88200, 96000})
AAC_BITRATE = 128_000


@dataclass(frozen=True)
class Audio:
    """A waveform: float32 samples in [-1, 1] shaped (channels, samples), at `sample_rate` Hz."""

    samples: np.ndarray
    sample_rate: int


@dataclass(frozen=True)
class Clip:
    """What an audio+video model renders: the frames, uint8 (F, H, W, 3), and the soundtrack."""

    frames: np.ndarray
    audio: Audio | None = None


def fit_audio(audio: Audio, seconds: float) -> np.ndarray:
    """The waveform cut or padded with silence to exactly `seconds` (the video's length), 1 or 2 channels."""
    samples = np.asarray(audio.samples, dtype=np.float32)
    if samples.ndim == 1:
        samples = samples[None, :]
    samples = np.nan_to_num(samples[:2], nan=0.0, posinf=0.0, neginf=0.0)
    want = max(1, round(seconds * audio.sample_rate))
    if samples.shape[1] < want:
        samples = np.pad(samples, ((0, 0), (0, want - samples.shape[1])))
    return np.ascontiguousarray(np.clip(samples[:, :want], -1.0, 1.0))


def _add_audio_stream(container: av.container.OutputContainer, audio: Audio, channels: int) -> av.AudioStream:
    stream = container.add_stream("aac", rate=audio.sample_rate if audio.sample_rate in AAC_RATES else 48000)
    stream.layout = "stereo" if channels == 2 else "mono"
    stream.bit_rate = AAC_BITRATE
    return stream


def _encode_audio(container: av.container.OutputContainer, stream: av.AudioStream, samples: np.ndarray,
                  sample_rate: int) -> None:
    layout = stream.layout.name
    frame = av.AudioFrame.from_ndarray(samples, format="fltp", layout=layout)
    frame.sample_rate = sample_rate
    frame.pts = 0
    resampler = av.AudioResampler(format="fltp", layout=layout, rate=stream.rate)
    for chunk in [*resampler.resample(frame), *resampler.resample(None)]:
        for packet in stream.encode(chunk):
            container.mux(packet)
    for packet in stream.encode():
        container.mux(packet)


def encode_mp4(frames: np.ndarray, fps: int, *, crf: int = 20, audio: Audio | None = None) -> bytes:
    """frames: uint8 (F, H, W, 3). H.264 yuv420p needs even sides, so odd ones are padded by one. With `audio`,
    an AAC track of exactly the video's length (F / fps seconds) is muxed in beside it."""
    f, h, w, _ = frames.shape
    ph, pw = h + (h % 2), w + (w % 2)
    if (ph, pw) != (h, w):
        frames = np.pad(frames, ((0, 0), (0, ph - h), (0, pw - w), (0, 0)), mode="edge")
    # faststart rewrites the file after writing, so PyAV needs a real seekable file, not a pipe.
    fd, path = tempfile.mkstemp(suffix=".mp4")
    os.close(fd)
    try:
        with av.open(path, "w", options={"movflags": "+faststart"}) as container:
            stream = container.add_stream("h264", rate=fps)
            stream.width, stream.height, stream.pix_fmt = pw, ph, "yuv420p"
            # A finalize retry must produce the same bytes as the first try. With PyAV 18's libx264,
            # multi-threaded encoding and (with faststart) macroblock-tree rate control both gave
            # different bytes run to run; one thread without mbtree is reproducible.
            stream.options = {"crf": str(crf), "preset": "veryfast", "threads": "1", "x264-params": "mbtree=0"}
            # Every stream is declared before the first packet is written (the header lists them).
            samples = fit_audio(audio, f / fps) if audio is not None else None
            audio_stream = (_add_audio_stream(container, audio, samples.shape[0])
                            if audio is not None and samples is not None else None)
            for frame in frames:
                for packet in stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
                    container.mux(packet)
            for packet in stream.encode():
                container.mux(packet)
            if audio is not None and audio_stream is not None and samples is not None:
                _encode_audio(container, audio_stream, samples, audio.sample_rate)
        with open(path, "rb") as fh:
            return fh.read()
    finally:
        os.unlink(path)


def _jpeg(img: Image.Image, quality: int = 85) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def thumbnail_jpeg(frames: np.ndarray) -> bytes:
    """The middle frame: the first frame of a diffusion clip is often the least representative."""
    return _jpeg(Image.fromarray(frames[len(frames) // 2]))


def spritesheet_jpeg(frames: np.ndarray, *, tiles: int = 10, tile_width: int = 160) -> bytes:
    """Evenly spaced frames in a near-square grid, each `tile_width` wide (scrubbing previews)."""
    n = min(tiles, len(frames))
    picks = np.linspace(0, len(frames) - 1, n).round().astype(int)
    h, w = frames.shape[1:3]
    tw = min(tile_width, w)
    th = max(1, round(h * tw / w))
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    sheet = Image.new("RGB", (cols * tw, rows * th))
    for i, idx in enumerate(picks):
        tile = Image.fromarray(frames[idx]).resize((tw, th), Image.Resampling.BILINEAR)
        sheet.paste(tile, ((i % cols) * tw, (i // cols) * th))
    return _jpeg(sheet)


def frames_to_bytes(clip: np.ndarray | Clip) -> bytes:
    """The FRAMES artifact: a .npy of the frames, or for a clip with sound an .npz of frames, samples and rate."""
    buf = io.BytesIO()
    if isinstance(clip, Clip) and clip.audio is not None:
        np.savez(buf, frames=clip.frames, audio=np.asarray(clip.audio.samples, dtype=np.float32),
                 sample_rate=np.int64(clip.audio.sample_rate))
    else:
        np.save(buf, clip.frames if isinstance(clip, Clip) else clip, allow_pickle=False)
    return buf.getvalue()


def clip_from_bytes(data: bytes) -> Clip:
    loaded = np.load(io.BytesIO(data), allow_pickle=False)
    if isinstance(loaded, np.ndarray):
        return Clip(loaded)
    with loaded:
        return Clip(loaded["frames"], Audio(loaded["audio"], int(loaded["sample_rate"])))


def frames_from_bytes(data: bytes) -> np.ndarray:
    return clip_from_bytes(data).frames
