"""What re-screening a published clip costs (jobs/rescreen.py), against what publishing it cost, in one run.

    .venv/bin/python bench/rescreen_cost.py [--frames 81] [--size 832x480] [--sample 16] [--clips 3]

A clip shaped like a Wan clip (81 frames at 832x480, 5 s at 16 fps: smooth colour fields with a slow pan,
a real face, Grace Hopper's, in the middle third) is encoded to H.264 as finalize does, with its poster.
Then, per clip:
- baseline `encode`: encoding the MP4 (finalize's own cost, paid once at publication);
- baseline `publish_scan`: the frame scan finalize ran on the raw frames before publishing (the clip
  passed then: a protected person who is not in it, so the scan runs to the end);
- `rescreen`: what one clip costs a re-screen run: its prompt through the prompt screen, `--sample`
  frames decoded from the stored MP4 plus the poster (`sample_frames`), and the frame scan of those,
  with Grace Hopper protected since (the likeness check matches: the case a re-screen exists for).
Wall and CPU seconds are printed (on a shared machine the wall time also measures the neighbours), and the
clips re-screened per CPU hour (from the CPU seconds), which sizes a run over N days of clips.

The policy is built from the shipped defaults in memory, so no database is needed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")


def default_policy(face: list[float], name: str = "Grace Hopper") -> Any:
    from safety import defaults
    from safety.policy import CategoryPolicy, Policy, ProtectedFace
    from safety.rules import RulePass

    categories = {slug: CategoryPolicy(slug, label, emb, review, block)
                  for slug, (label, emb, review, block) in defaults.CATEGORIES.items()}
    rules: list[tuple[int | None, str, str, str]] = [
        (None, cat, "pattern", p) for cat, ps in defaults.all_rules().items() for p in ps]
    rules += [(None, "sexual_minors", kind, p) for kind, ps in defaults.all_combination_terms().items() for p in ps]
    persons: list[tuple[int | None, list[str]]] = [(1, [name])]
    exemplars = tuple((i, cat, t) for i, (cat, t) in enumerate(
        (cat, t) for cat, texts in defaults.EXEMPLARS.items() for t in texts))
    return Policy(("bench",), categories, RulePass.build(rules, persons, frozenset(categories)), exemplars,
                  (ProtectedFace(1, name, (tuple(face),)),))


def timed(fn: Callable[[], Any], repeat: int) -> tuple[dict[str, float], Any]:
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return {"wall_s": round(statistics.median(walls), 3), "cpu_s": round(statistics.median(cpus), 3)}, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=81)
    parser.add_argument("--size", default="832x480")
    parser.add_argument("--sample", type=int, default=16, help="KINEMA_RESCREEN_FRAMES")
    parser.add_argument("--clips", type=int, default=3, help="repeats (medians are printed)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    import django

    django.setup()
    import numpy as np
    import torch
    from matplotlib import cbook
    from PIL import Image

    torch.set_num_threads(1)
    from jobs.media import encode_mp4, thumbnail_jpeg
    from jobs.rescreen import sample_frames
    from safety.frames import detectors, face_embedding_of, frame_jpeg, scan_frames
    from safety.rescreen import screen_clips

    photo = np.asarray(Image.open(cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)).convert("RGB"))
    policy = default_policy(face_embedding_of(frame_jpeg(photo, max_side=600)))
    before = default_policy([1.0] * 128, name="Someone Else")  # at publication: she was not protected yet
    rng = np.random.default_rng(5)
    gradient = np.linspace(0.6, 1.0, width * 2)[None, :, None]
    field = (rng.integers(40, 200, 3) * gradient).astype(np.uint8)
    field = np.repeat(field, height, axis=0)
    frames = np.stack([field[:, i * 4:i * 4 + width] for i in range(args.frames)])
    face = np.asarray(Image.fromarray(photo).resize((height // 2 * 256 // 300, height // 2)))
    top, left = height // 4, (width - face.shape[1]) // 2
    for i in range(args.frames // 3, 2 * args.frames // 3):
        frames[i, top:top + face.shape[0], left:left + face.shape[1]] = face
    detectors()  # models loaded before timing
    screen_clips(["warm up"], [None], policy)

    encode, mp4 = timed(lambda: encode_mp4(frames, 16), args.clips)
    poster = thumbnail_jpeg(frames)
    publish_scan, scan = timed(lambda: scan_frames(frames, before), args.clips)
    prompt = "a woman in a naval uniform at a desk, documentary style"

    def rescreen() -> Any:
        sampled = sample_frames(mp4, poster, args.sample)
        return screen_clips([prompt], [sampled], policy)[0]

    cost, found = timed(rescreen, args.clips)
    per_hour = 3600 / cost["cpu_s"] if cost["cpu_s"] else float("inf")
    print(json.dumps({
        "clip": f"{args.frames} frames {width}x{height}, MP4 {len(mp4) // 1024} KiB, sampled {args.sample} + poster",
        "baseline_encode": encode, "baseline_publish_scan": {**publish_scan, "verdict": scan.verdict},
        "rescreen": {**cost, "flagged": found.flagged, "category": found.category,
                     "person_ids": sorted(found.person_ids)},
        "rescreen_over_encode": round(cost["wall_s"] / encode["wall_s"], 2) if encode["wall_s"] else None,
        "rescreen_over_publish_scan": round(cost["wall_s"] / publish_scan["wall_s"], 2)
        if publish_scan["wall_s"] else None,
        "clips_per_cpu_hour": round(per_hour),
    }, indent=2))


if __name__ == "__main__":
    main()
