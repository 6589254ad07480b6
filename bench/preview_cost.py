"""Cost of a live latent preview against a denoising step.

    .venv/bin/python bench/preview_cost.py

Times `latent_preview_jpeg` on latents of the tiny model's size and of Wan2.1 480p (81 frames:
16 x 21 x 60 x 104), and a tiny-model denoising step, on this machine's CPU with one thread.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn, n: int) -> float:
    samples = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1000


def main() -> None:
    import torch
    from diffusers import DiffusionPipeline

    from gpu_worker.generation import GenerationRequest, generate
    from gpu_worker.previews import latent_preview_jpeg

    torch.set_num_threads(1)
    tiny = torch.randn(1, 16, 13, 10, 16)
    wan480 = torch.randn(1, 16, 21, 60, 104)
    result = {"preview_ms_tiny_latents": round(timed(lambda: latent_preview_jpeg(tiny), 50), 2),
              "preview_ms_wan480p_latents": round(timed(lambda: latent_preview_jpeg(wan480), 20), 2)}

    pipe = DiffusionPipeline.from_pretrained(str(ROOT / "var" / "models" / "tiny-wan"))
    pipe.set_progress_bar_config(disable=True)

    class NoHooks:
        def on_step(self, *a: object) -> None: ...
        def load_checkpoint(self) -> None: ...
        def save_checkpoint(self, *a: object) -> None: ...

    req = GenerationRequest("bench", "", 128, 80, 49, 50, 5.0, 1, 64)
    generate(pipe, req, NoHooks())
    run_ms = timed(lambda: generate(pipe, req, NoHooks()), 3)
    result["tiny_step_ms"] = round(run_ms / 50, 2)
    result["preview_every_5_steps_overhead_pct"] = round(100 * result["preview_ms_tiny_latents"] / (5 * result[
        "tiny_step_ms"]), 2)
    print(f"preview: {result['preview_ms_tiny_latents']} ms (tiny latents), {result['preview_ms_wan480p_latents']} "
          f"ms (Wan 480p latents); tiny denoising step {result['tiny_step_ms']} ms -> a preview every 5 steps "
          f"costs {result['preview_every_5_steps_overhead_pct']} % of the run")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
