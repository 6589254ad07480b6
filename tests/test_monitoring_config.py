"""The shipped monitoring configuration: alert rules that parse and link their runbooks, and the
Prometheus scrape config that sends the bearer token."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from django.conf import settings

from webapp.metrics import COUNTERS, HISTOGRAMS

ROOT = Path(settings.BASE_DIR)


def test_alert_rules_parse_and_cover_the_runbooks() -> None:
    rules = [r for g in yaml.safe_load((ROOT / "deploy/prometheus/alerts.yml").read_text())["groups"]
             for r in g["rules"]]
    names = {r["alert"] for r in rules}
    assert {"KinemaPlusQueueWaitP95High", "KinemaNaNRateHigh", "KinemaPostFilterRejectionSpike",
            "KinemaStuckJobs", "KinemaGpuWorkerNoHeartbeat"} <= names
    runbooks = (ROOT / "docs/runbooks.md").read_text()
    exposed = ({f"{c}_total" for c in COUNTERS} | {f"{h}_{s}" for h in HISTOGRAMS for s in ("bucket", "sum", "count")}
               | {"kinema_jobs_stuck", "kinema_gpu_worker_heartbeat_age_seconds", "kinema_queue_depth",
                  "dramatiq_queue_dead_letters", "kinema_breaker_state", "kinema_jobs_active"})
    for rule in rules:
        assert rule["expr"].count("(") == rule["expr"].count(")"), rule["alert"]
        used = set(re.findall(r"\b(kinema_[a-z_]+|dramatiq_[a-z_]+)\b", rule["expr"]))
        assert used and used <= exposed, (rule["alert"], used - exposed)
        anchor = rule["annotations"]["runbook"].split("#")[1]
        assert f"## {anchor}" in runbooks, anchor
        assert rule["labels"]["severity"] in {"page", "ticket"} and rule["annotations"]["summary"]


def test_prometheus_scrape_config_sends_the_bearer_token() -> None:
    config = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    (job,) = [j for j in config["scrape_configs"] if j["job_name"] == "kinema"]
    assert job["metrics_path"] == "/metrics"
    assert job["authorization"]["type"] == "Bearer" and job["authorization"]["credentials_file"]
    assert config["rule_files"] == ["alerts.yml"] and (ROOT / "deploy/prometheus/alerts.yml").exists()
