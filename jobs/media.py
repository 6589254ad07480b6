"""Turning decoded frames into deliverables: an H.264 MP4 (faststart), a thumbnail, a spritesheet."""

from __future__ import annotations

import io
import math
import os
import tempfile

import av
import numpy as np
from PIL import Image


def encode_mp4(frames: np.ndarray, fps: int, *, crf: int = 20) -> bytes:
    """frames: uint8 (F, H, W, 3). H.264 yuv420p needs even sides, so odd ones are padded by one."""
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
            for frame in frames:
                for packet in stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
                    container.mux(packet)
            for packet in stream.encode():
                container.mux(packet)
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


def frames_to_bytes(frames: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, frames, allow_pickle=False)
    return buf.getvalue()


def frames_from_bytes(data: bytes) -> np.ndarray:
    return np.load(io.BytesIO(data), allow_pickle=False)
