"""Which frames of a clip the detectors must see: video frames are redundant, so a frame that looks like one
already scanned is skipped, and everything else is scanned.

Each frame gets a fingerprint made of two parts, both area averages of the frame (no model):
- a 64-bit difference hash (dHash: 8 rows x 9 columns of grey block means, one bit per horizontal step),
  which follows the picture's structure whatever its brightness;
- a block-mean thumbnail (18 rows x 32 columns x RGB: 40 x 40-pixel blocks at 720p), which follows colour
  and local change. A binarised 64-bit hash alone keeps its value across a cut between two flat colour
  fields, and a new object smaller than one of its 8 x 9 cells rarely flips a bit; a thumbnail block is
  smaller than anything the detectors can resolve at their native input (a 40-pixel block is 10 pixels in
  NudeNet's 320-pixel input), so an object large enough to be detected changes at least one block.

A frame is a near-duplicate of a scanned frame when the hashes differ in at most DHASH_BITS bits (counting
only bits that are clear in both: in a flat area a step between two cells is noise) AND no
block of the thumbnail moved by more than BLOCK_DELTA grey levels in any channel. Recall rules that do not
depend on the fingerprint: the first and the last frame and every KEYFRAME_EVERY-th frame are always
scanned, so a slow drift cannot hide behind a chain of near-duplicates for more than that many frames.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

DHASH_BITS = 8
DHASH_MARGIN = 2.0  # grey levels
BLOCK_DELTA = 20.0
KEYFRAME_EVERY = 12  # half a second at 24 fps
THUMB_ROWS, THUMB_COLS = 18, 32


@dataclass(frozen=True)
class Fingerprints:
    dhash: np.ndarray  # (T,) uint64
    confident: np.ndarray  # (T,) uint64: the bits whose two cells differ by more than DHASH_MARGIN (flat areas flicker)
    thumbs: np.ndarray  # (T, THUMB_ROWS, THUMB_COLS, 3) float32, 0-255


@dataclass(frozen=True)
class Selection:
    scan_order: list[int]  # frames to scan: the keyframes first (decisive hits come early), then the rest in time
    keyframes: frozenset[int]
    represented_by: list[int]  # for every frame, the scanned frame that stands for it (itself when scanned)
    cuts: tuple[int, ...] = ()  # frames that are not near-duplicates of the frame just before them

    def cut_between(self, a: int, b: int) -> bool:
        """Whether the picture changed abruptly anywhere after frame min(a, b) up to frame max(a, b)."""
        lo, hi = min(a, b), max(a, b)
        return any(lo < c <= hi for c in self.cuts)

    @property
    def scanned(self) -> int:
        return len(self.scan_order)


def fingerprints(frames: np.ndarray) -> Fingerprints:
    """`frames`: (T, H, W, 3) uint8 RGB. Area averages over every pixel (a strided subsample aliases: a
    textured face moved by one pixel would look like a new frame)."""
    thumbs = np.empty((len(frames), THUMB_ROWS, THUMB_COLS, 3), np.float32)
    cells = np.empty((len(frames), 8, 9), np.float32)
    for k, rgb in enumerate(frames):
        small = cv2.resize(rgb, (THUMB_COLS * 4, THUMB_ROWS * 4), interpolation=cv2.INTER_AREA)
        thumbs[k] = cv2.resize(small, (THUMB_COLS, THUMB_ROWS), interpolation=cv2.INTER_AREA)
        grey = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY).astype(np.float32)
        cells[k] = cv2.resize(grey, (9, 8), interpolation=cv2.INTER_AREA)
    steps = (cells[:, :, 1:] - cells[:, :, :-1]).reshape(len(frames), 64)
    return Fingerprints(_pack(steps > 0), _pack(np.abs(steps) > DHASH_MARGIN), thumbs)


def _pack(bits: np.ndarray) -> np.ndarray:
    return (bits.astype(np.uint64) << np.arange(64, dtype=np.uint64)).sum(axis=1, dtype=np.uint64)


def _popcount(values: np.ndarray) -> np.ndarray:
    return np.unpackbits(values.view(np.uint8).reshape(len(values), 8), axis=1).sum(axis=1)


def _near(fp: Fingerprints, idx: np.ndarray, i: int) -> np.ndarray:
    """Which of the frames `idx` frame i is a near-duplicate of."""
    flipped = (fp.dhash[idx] ^ fp.dhash[i]) & fp.confident[idx] & fp.confident[i]
    moved = np.abs(fp.thumbs[idx] - fp.thumbs[i]).max(axis=(1, 2, 3))
    return (_popcount(flipped) <= DHASH_BITS) & (moved <= BLOCK_DELTA)


def select(fp: Fingerprints, keyframe_every: int = KEYFRAME_EVERY) -> Selection:
    """Walk the clip in order; a frame is scanned unless it is a near-duplicate of a frame already chosen."""
    n = len(fp.dhash)
    keyframes = frozenset({0, n - 1, *range(0, n, max(1, keyframe_every))}) if n else frozenset()
    chosen: list[int] = []
    represented_by: list[int] = []
    for i in range(n):
        if i not in keyframes and chosen:
            idx = np.asarray(chosen)
            close = _near(fp, idx, i)
            if close.any():
                # the most similar of the close ones stands for this frame
                distance = np.abs(fp.thumbs[idx] - fp.thumbs[i]).mean(axis=(1, 2, 3))
                represented_by.append(int(idx[close][np.argmin(distance[close])]))
                continue
        chosen.append(i)
        represented_by.append(i)
    order = [i for i in chosen if i in keyframes] + [i for i in chosen if i not in keyframes]
    cuts = tuple(i for i in range(1, n) if not _near(fp, np.asarray([i - 1]), i)[0])
    return Selection(order, keyframes, represented_by, cuts)
