from __future__ import annotations

import json
import time

from django.core.management.base import BaseCommand, CommandError

from jobs.scheduling.simulator import SCENARIOS, flat, kinds, simulate


class Command(BaseCommand):
    help = ("Simulate the GPU fleet at seed scale (~5M jobs/day, an hour at peak) under the fair policy and "
            "under FIFO, same traffic and autoscaler; print per-tier waits, latency, utilization, fairness.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--scenario", default="steady", help=f"one of: {', '.join(SCENARIOS)}")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--scale", type=float, default=1.0, help="traffic and fleet scale (1 = seed scale)")
        parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")

    def handle(self, scenario: str, seed: int, scale: float, json: bool, **options) -> None:
        if scenario not in SCENARIOS:
            raise CommandError(f"unknown scenario {scenario!r}; choose from {', '.join(SCENARIOS)}")
        if not 0 < scale <= 2:
            raise CommandError("--scale must be in (0, 2]")
        started = time.monotonic()
        result = simulate(scenario, seed, scale)
        self.stdout.write(f"scenario {scenario}: {result['policy']['jobs_total']} jobs per policy, "
                          f"simulated in {time.monotonic() - started:.0f} s")
        runs = kinds(scenario)
        titles = {"policy": "fair policy", "fifo": "FIFO", "policy_no_affinity": "fair, no model affinity"}
        self.stdout.write(f"{'':24s}" + "".join(f"{titles[k]:>30s}" for k in runs))
        for tier in ("free", "plus", "pro"):
            for key in ("p50_wait_s", "p95_wait_s", "p50_e2e_s", "p95_e2e_s", "p95_e2e_10s_480p_s", "max_wait_s",
                        "jain"):
                self.stdout.write(f"{tier + ' ' + key:24s}" + "".join(f"{result[k][tier][key]!s:>30s}" for k in runs))
        for key in ("utilization", "utilization_arriving", "utilization_drain", "gpu_hours", "gpu_hours_drain",
                    "drain_s", "longest_wait_s", "preemptions",
                    "gpu_hours_lost_to_preemption",
                    "p50_wait_s", "unfinished", "rejected_busy", "model_switches", "gpu_hours_loading_models"):
            self.stdout.write(f"{key:24s}" + "".join(f"{result[k][key]!s:>30s}" for k in runs))
        if json:
            self.stdout.write(_dumps(flat(result)))


def _dumps(obj: object) -> str:
    return json.dumps(obj)
