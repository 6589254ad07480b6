"""Step-checkpoint overhead: the same generation with checkpoints off, every 10 steps and every 5,
each checkpoint serialised and written to disk atomically (tmp + rename), as the worker does through
the storage API. Wall times of whole runs are printed for comparison, but on a shared 2-core box
their noise exceeds the effect, so the overhead is the time measured inside save_checkpoint.

    .venv/bin/python bench/checkpoint_overhead.py [--frames 49] [--steps 50] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class DiskHooks:
    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self.bytes = 0
        self.count = 0
        self.seconds = 0.0

    def on_step(self, step: int, total: int, latents: Any) -> None:
        pass

    def load_checkpoint(self) -> None:
        return None

    def save_checkpoint(self, state: dict[str, Any], step: int) -> None:
        from gpu_worker.generation import checkpoint_bytes

        t0 = time.perf_counter()
        data = checkpoint_bytes(state)
        tmp = self.dir / f".ckpt-{step}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, self.dir / "checkpoint.pt")
        self.bytes = len(data)
        self.count += 1
        self.seconds += time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=str(ROOT / "var" / "models" / "tiny-wan"))
    parser.add_argument("--frames", type=int, default=49)
    parser.add_argument("--width", type=int, default=128)
    parser.add_argument("--height", type=int, default=80)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import torch
    from diffusers import DiffusionPipeline

    from gpu_worker.generation import GenerationRequest, generate

    torch.set_num_threads(1)
    pipe = DiffusionPipeline.from_pretrained(args.model)
    pipe.set_progress_bar_config(disable=True)
    req = GenerationRequest("a benchmark scene", "", args.width, args.height, args.frames, args.steps, 5.0, 1, 64)
    results: dict[str, dict[str, Any]] = {}
    settings = {"off": 0, "every_10": 10, "every_5": 5}
    times: dict[str, list[float]] = {name: [] for name in settings}
    hooks: dict[str, DiskHooks] = {}
    with tempfile.TemporaryDirectory() as tmp:
        generate(pipe, req, DiskHooks(Path(tmp)))  # warm-up
        for _ in range(args.repeat):  # interleaved, so drift affects every setting alike
            for name, every in settings.items():
                h = DiskHooks(Path(tmp))
                t0 = time.perf_counter()
                generate(pipe, req, h, checkpoint_every=every)
                times[name].append(time.perf_counter() - t0)
                hooks[name] = h
    base = statistics.median(times["off"])
    step_ms = 1000 * base / args.steps
    for name in settings:
        h = hooks[name]
        per_ckpt_ms = 1000 * h.seconds / h.count if h.count else 0.0
        results[name] = {
            "median_s": round(statistics.median(times[name]), 4),
            "checkpoints_per_run": h.count, "checkpoint_kb": round(h.bytes / 1024, 1),
            "ms_per_checkpoint": round(per_ckpt_ms, 2),
            # Measured directly: time inside save_checkpoint over the run's total time.
            "overhead_pct": round(100 * h.seconds / base, 2),
        }
        print(f"{name:9s} median {results[name]['median_s']:.3f} s  {h.count} checkpoints of "
              f"{results[name]['checkpoint_kb']} kB, {per_ckpt_ms:.2f} ms each "
              f"(a step takes {step_ms:.1f} ms): overhead {results[name]['overhead_pct']:.2f} %")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
