"""Prompt screening throughput per core, and how it scales with CPU worker processes.

    .venv/bin/python bench/screening_scale.py [--prompts 512] [--processes 1 2 4] [--batch 32] [--weights F ...]

With the workers running, accepted submissions per second are bounded by screening (the CPU workers' rules,
MiniLM embedding and classifier pass over each prompt). Each screening process is independent (its own model
copy, one torch thread, no shared lock; the database and Redis only carry a job's row and messages), so the
capacity should grow with the processes, one per core. This starts N processes at once for each N given, each
screening the same `--prompts` prompts (the golden set's, repeated) in batches of KINEMA_SCREEN_BATCH as the
screening stage does, with the shipped default policy built in memory (no database), and prints for each N:

- prompts/s over the run's wall time (all processes together): what N processes deliver on this box now;
- prompts per CPU-second in each process (the mean): the cost per prompt, which stays flat while processes do
  not contend with each other; its ratio to N = 1 is the scaling efficiency per core;
- the CPU the processes got (CPU seconds over wall seconds), which shows when the box had no more cores to give.

N = 1 is the baseline of the same run. With `--weights`, each classifier weights file given (e.g. an older
one, from `git show REV:safety/prompt_classifier.npz`) is measured in turn, the files alternating for each N, so
that their costs per prompt compare within one run. The load average is printed: on a machine shared with other work the
wall-clock figures measure the neighbours, the CPU-second figures much less.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def worker(count: int, batch: int, weights: str | None, start: mp.synchronize.Event, out: mp.Queue) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
    import django

    django.setup()
    import torch

    torch.set_num_threads(1)
    from safety_cost import default_policy

    from safety import classifier
    from safety.screening import screen_prompts

    if weights is not None:
        classifier._loaded = classifier.PromptClassifier.read(Path(weights))
    policy = default_policy([0.0] * 512)
    golden = [line.split("\t")[2] for line in (ROOT / "safety" / "golden_set.tsv").read_text().splitlines()
              if line and not line.startswith("#")]
    prompts = (golden * (count // len(golden) + 1))[:count]
    screen_prompts(prompts[:8], policy)  # load the model and the classifier, cache the exemplars' embeddings
    start.wait()
    wall0, cpu0 = time.time(), time.process_time()
    for i in range(0, len(prompts), batch):
        screen_prompts(prompts[i:i + batch], policy)
    out.put((wall0, time.time(), time.process_time() - cpu0))


def run(n: int, count: int, batch: int, weights: str | None = None) -> dict[str, float]:
    ctx = mp.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=worker, args=(count, batch, weights, start, out)) for _ in range(n)]
    for p in procs:
        p.start()
    time.sleep(0.5)
    # Every process loads its models before the clock starts: wait until they are idle at the event.
    deadline = time.time() + 600
    while time.time() < deadline and any(p.is_alive() for p in procs):
        if all(_sleeping(p.pid) for p in procs):
            break
        time.sleep(0.5)
    start.set()
    results = [out.get(timeout=1800) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    first, last = min(r[0] for r in results), max(r[1] for r in results)
    cpu = [r[2] for r in results]
    return {"processes": n, "prompts_per_s": n * count / (last - first),
            "prompts_per_cpu_s": statistics.mean(count / c for c in cpu),
            "cpu_share": sum(cpu) / (last - first)}


def _sleeping(pid: int | None) -> bool:
    """Waiting at the start event (state S and no CPU moving for a moment)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        before = int(fields[11]) + int(fields[12])
        time.sleep(0.2)
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return fields[0] == "S" and int(fields[11]) + int(fields[12]) == before
    except (FileNotFoundError, ProcessLookupError):
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prompts", type=int, default=512, help="prompts each process screens")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--batch", type=int, default=int(os.environ.get("KINEMA_SCREEN_BATCH", "32")))
    parser.add_argument("--weights", nargs="+", default=[None], metavar="FILE",
                        help="classifier weights files to measure in turn (default: the committed ones)")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {args.prompts} prompts per process, "
          f"batches of {args.batch}\n")
    print(f"{'processes':>9}{'prompts/s (wall)':>18}{'prompts per CPU-s':>19}{'vs 1 process':>14}{'CPU used':>10}"
          + ("  weights" if args.weights != [None] else ""))
    base: dict[str | None, float] = {}
    for n in args.processes:
        for weights in args.weights:
            r = run(n, args.prompts, args.batch, weights)
            base.setdefault(weights, r["prompts_per_cpu_s"])
            print(f"{n:>9}{r['prompts_per_s']:>18.1f}{r['prompts_per_cpu_s']:>19.1f}"
                  f"{r['prompts_per_cpu_s'] / base[weights]:>14.2f}{r['cpu_share']:>9.2f}x"
                  + (f"  {weights}" if weights else ""))
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
