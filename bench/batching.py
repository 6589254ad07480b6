"""Live batching: jobs/s of one GPU worker's loop with batching off (each job alone, `generate`) and on
(batches of B compatible jobs, `generate_batch`), on the same jobs, in the same run.

Everything the worker's loop does for a job runs: prompt encoding, initial noise, every denoising step
(classifier-free guidance on), the per-step hooks (progress is a no-op here: the DB write is the same per
job either way), a checkpoint every 10 steps (serialised, as the worker does) and the VAE decode. Only
the transformer calls are shared in a batch; encoding and decode stay per job, so they bound the gain.

A second table repeats it with the VAE decode skipped: the denoising loop alone, the part batching changes.

The modes are interleaved over the repeats (alone, B=2, B=4, alone, ...) so a busy neighbour on a shared
box slows them alike; the figures are medians. CPU seconds per job are printed next to wall time: on a
shared machine they are the steadier figure.

    .venv/bin/python bench/batching.py [--jobs 8] [--batches 2 4] [--steps 20] [--frames 9] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROMPTS = ["a cat walking in the snow", "a red car at night", "a dog on the beach", "clouds over a mountain",
           "a robot dancing in the street", "a bird flying over the sea", "a city at night", "a slow river"]


class Hooks:
    """What the worker's hooks cost besides the DB: a checkpoint serialised every `checkpoint_every` steps."""

    def __init__(self) -> None:
        self.checkpoints = 0

    def on_step(self, step: int, total: int, latents: Any) -> None:
        pass

    def load_checkpoint(self) -> None:
        return None

    def save_checkpoint(self, state: dict[str, Any], step: int) -> None:
        from gpu_worker.generation import checkpoint_bytes

        checkpoint_bytes(state)
        self.checkpoints += 1


def run(pipe: Any, requests: list[Any], batch: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) to render every request, alone (batch 1) or in batches."""
    from gpu_worker.generation import generate, generate_batch

    results: dict[int, Any] = {}
    wall, cpu = time.perf_counter(), time.process_time()
    if batch == 1:
        for i, req in enumerate(requests):
            results[i] = generate(pipe, req, Hooks(), checkpoint_every=10)
    else:
        for start in range(0, len(requests), batch):
            chunk = requests[start:start + batch]

            def finish(index: int, outcome: Any, start: int = start) -> None:
                results[start + index] = outcome

            generate_batch(pipe, [(req, Hooks()) for req in chunk], finish, checkpoint_every=10)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    failed = [r for r in results.values() if isinstance(r, Exception)]
    assert len(results) == len(requests) and not failed, failed
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=str(ROOT / "var" / "models" / "tiny-wan"))
    parser.add_argument("--jobs", type=int, default=8)
    parser.add_argument("--batches", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--width", type=int, default=128)
    parser.add_argument("--height", type=int, default=80)
    parser.add_argument("--frames", type=int, default=9)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--device", default="cpu")
    args = parser.parse_args()

    import numpy as np
    import torch
    from diffusers import DiffusionPipeline

    from gpu_worker.generation import GenerationRequest

    torch.set_num_threads(args.threads)
    pipe = DiffusionPipeline.from_pretrained(args.model).to(args.device)
    pipe.set_progress_bar_config(disable=True)
    requests = [GenerationRequest(prompt=PROMPTS[i % len(PROMPTS)], negative_prompt="", width=args.width,
                                  height=args.height, num_frames=args.frames, steps=args.steps, guidance_scale=5.0,
                                  seed=i, max_sequence_length=64) for i in range(args.jobs)]
    modes = [1, *args.batches]
    run(pipe, requests[:2], 1)  # warm-up: first calls allocate and pick kernels
    table(pipe, requests, modes, args, "whole jobs (encode, denoise, checkpoints, decode)")
    import gpu_worker.generation as generation

    frames = np.zeros((args.frames, args.height, args.width, 3), np.uint8)
    generation.decode = lambda pipe, latents: frames  # the denoising loop alone
    table(pipe, requests, modes, args, "denoising only (decode skipped)")


def table(pipe: Any, requests: list[Any], modes: list[int], args: argparse.Namespace, what: str) -> None:
    walls: dict[int, list[float]] = {m: [] for m in modes}
    cpus: dict[int, list[float]] = {m: [] for m in modes}
    for _ in range(args.repeat):
        for mode in modes:
            wall, cpu = run(pipe, requests, mode)
            walls[mode].append(wall)
            cpus[mode].append(cpu)
    print(f"\n{what}: {args.jobs} jobs of {args.width}x{args.height}, {args.frames} frames, {args.steps} steps, "
          f"CFG on, {args.device}, {args.threads} thread(s); median of {args.repeat} interleaved runs")
    print(f"{'mode':<14}{'wall s':>9}{'jobs/s':>9}{'vs alone':>10}{'CPU s/job':>11}{'vs alone':>10}")
    base_wall, base_cpu = statistics.median(walls[1]), statistics.median(cpus[1])
    for mode in modes:
        wall, cpu = statistics.median(walls[mode]), statistics.median(cpus[mode])
        label = "alone (off)" if mode == 1 else f"batch of {mode}"
        print(f"{label:<14}{wall:>9.2f}{args.jobs / wall:>9.2f}{base_wall / wall:>9.2f}x"
              f"{cpu / args.jobs:>11.3f}{base_cpu / cpu:>9.2f}x")

if __name__ == "__main__":
    main()
