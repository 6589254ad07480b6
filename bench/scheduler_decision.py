"""Cost of one scheduling decision with 100,000 queued jobs from 10,000 users, against a naive
policy that sorts the whole queue per decision (the baseline the incremental structure replaces).

    .venv/bin/python bench/scheduler_decision.py [--jobs 100000] [--users 10000] [--decisions 20000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobs.scheduling.policy import GpuClass, QueuedJob, Scheduler, SchedulerConfig, TierConfig  # noqa: E402

TIERS = [TierConfig("free", 1, 0, floor_share=0.1, max_concurrent=2), TierConfig("plus", 2, 1, max_concurrent=4),
         TierConfig("pro", 4, 2, max_concurrent=8)]
CLASSES = [GpuClass("l40s", 48_000, 0.45), GpuClass("h100", 80_000, 1.0)]


def build(jobs: int, users: int, seed: int = 1) -> tuple[Scheduler, list[QueuedJob]]:
    rng = random.Random(seed)
    s = Scheduler(SchedulerConfig(tiers={t.name: t for t in TIERS}, gpu_classes=CLASSES))
    queued = []
    for i in range(jobs):
        u = rng.randrange(users)
        tier = "free" if u % 10 < 7 else ("plus" if u % 10 < 9 else "pro")
        j = QueuedJob(f"j{i}", f"u{u}", tier, rng.uniform(30, 300), rng.choice([20_000, 30_000, 70_000]), i * 0.01)
        s.add(j)
        queued.append(j)
    return s, queued


def naive_next(queued: list[QueuedJob], attained: dict[str, float]) -> QueuedJob:
    """Sort everything by (tier virtual time, user attained, age) and take the head."""
    weights = {t.name: t.weight for t in TIERS}
    return sorted(queued, key=lambda j: (attained.get(j.user, 0) / weights[j.tier], j.enqueued_at))[0]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--jobs", type=int, default=100_000)
    p.add_argument("--users", type=int, default=10_000)
    p.add_argument("--decisions", type=int, default=20_000)
    args = p.parse_args()
    s, queued = build(args.jobs, args.users)
    samples = []
    for k in range(args.decisions):
        t0 = time.perf_counter()
        picked = s.next_for_slot("h100" if k % 3 else "l40s", 1000.0 + k * 0.01)
        samples.append(time.perf_counter() - t0)
        for j in picked:
            s.job_finished(j.user)
    samples.sort()
    t0 = time.perf_counter()
    positions = s.positions(2000.0, capacity_gpu_s_per_s=5000)
    positions_ms = (time.perf_counter() - t0) * 1000
    naive = []
    attained: dict[str, float] = {}
    for _ in range(5):
        t0 = time.perf_counter()
        j = naive_next(queued, attained)
        naive.append(time.perf_counter() - t0)
        attained[j.user] = attained.get(j.user, 0) + j.gpu_seconds
    result = {
        "queued": args.jobs, "users": args.users, "decisions": len(samples),
        "decision_us_p50": round(statistics.median(samples) * 1e6, 1),
        "decision_us_p99": round(samples[int(len(samples) * 0.99) - 1] * 1e6, 1),
        "decision_us_max": round(samples[-1] * 1e6, 1),
        "naive_sort_ms_per_decision": round(statistics.median(naive) * 1000, 1),
        "positions_all_ms": round(positions_ms, 1), "positions_computed": len(positions),
    }
    print(f"incremental: p50 {result['decision_us_p50']} us, p99 {result['decision_us_p99']} us per decision at "
          f"{args.jobs} queued / {args.users} users; naive full sort {result['naive_sort_ms_per_decision']} ms; "
          f"positions+ETAs of all queued jobs {result['positions_all_ms']} ms")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
