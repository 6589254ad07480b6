"""The fleet simulator runs every scenario (at a small scale here) and reports what it promises."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from jobs.scheduling.simulator import SCENARIOS, simulate


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_each_scenario_reports_policy_and_fifo_side_by_side(scenario: str) -> None:
    out = io.StringIO()
    call_command("simulate_fleet", "--scenario", scenario, "--scale", "0.01", "--json", stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    for kind in ("policy", "fifo"):
        for tier in ("free", "plus", "pro"):
            for key in ("p95_e2e_s", "p50_wait_s", "p95_wait_s", "jain"):
                assert f"{kind}.{tier}.{key}" in result
        assert 0.5 < result[f"{kind}.utilization"] <= 1.0
        assert result[f"{kind}.unfinished"] == 0
    assert "fair policy" in out.getvalue() and "FIFO" in out.getvalue()


def test_the_policy_protects_paid_tiers_from_a_free_flood() -> None:
    result = simulate("viral_free_spike", seed=3, scale=0.01)
    policy, fifo = result["policy"], result["fifo"]
    assert policy["plus"]["p95_wait_s"] < fifo["plus"]["p95_wait_s"]
    assert policy["pro"]["p95_wait_s"] < fifo["pro"]["p95_wait_s"]
    assert policy["free"]["jobs"] > 0 and policy["free"]["max_wait_s"] is not None  # free still served


def test_noisy_neighbours_do_not_slow_their_tier() -> None:
    result = simulate("noisy_neighbor", seed=2, scale=0.02)
    assert result["policy"]["plus"]["p50_wait_s"] <= result["fifo"]["plus"]["p50_wait_s"]
    assert result["policy"]["plus"]["jain"] >= result["fifo"]["plus"]["jain"] - 0.01


def test_unknown_scenario_is_a_clear_error() -> None:
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="unknown scenario"):
        call_command("simulate_fleet", "--scenario", "meteor")


@pytest.mark.parametrize("scenario", ["steady", "viral_free_spike"])
def test_speed_aware_placement_meets_the_paid_targets_for_a_10_s_clip(scenario: str) -> None:
    """Plus (120 s) and Pro (90 s) 10 s clips would take 120 s on the half-speed class alone; placed on the
    fast class they meet their targets, where FIFO (memory placement, same autoscaler) does not."""
    result = simulate(scenario, seed=1, scale=0.02, parallel=False)
    policy, fifo = result["policy"], result["fifo"]
    assert policy["plus"]["p95_e2e_10s_480p_s"] <= 120 < fifo["plus"]["p95_e2e_10s_480p_s"]
    assert policy["pro"]["p95_e2e_10s_480p_s"] <= 90 < fifo["pro"]["p95_e2e_10s_480p_s"]
    assert policy["free"]["p95_e2e_10s_480p_s"] is not None and policy["unfinished"] == 0


def test_model_affinity_saves_switches_and_gpu_time_with_two_models() -> None:
    result = simulate("two_models", seed=1, scale=0.02, parallel=False)
    with_affinity, without, fifo = result["policy"], result["policy_no_affinity"], result["fifo"]
    assert without["model_switches"] > 0 and fifo["model_switches"] > 0
    assert with_affinity["model_switches"] * 10 < without["model_switches"]
    assert with_affinity["gpu_hours_loading_models"] < without["gpu_hours_loading_models"]
    assert with_affinity["gpu_hours"] < without["gpu_hours"]
    assert with_affinity["plus"]["p95_e2e_10s_480p_s"] < without["plus"]["p95_e2e_10s_480p_s"]
    assert with_affinity["unfinished"] == without["unfinished"] == 0


def test_the_command_prints_the_run_without_affinity_for_two_models() -> None:
    out = io.StringIO()
    call_command("simulate_fleet", "--scenario", "two_models", "--scale", "0.01", "--json", stdout=out)
    assert "fair, no model affinity" in out.getvalue()
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert {"policy.model_switches", "policy_no_affinity.model_switches", "fifo.model_switches"} <= set(result)
