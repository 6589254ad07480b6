"""The shipped monitoring configuration: the alert rules fire within their detection targets and stay quiet
below them (Prometheus' own rule tester, `promtool test rules`, on deploy/prometheus/alerts_test.yml), the
series they use are really exported by /metrics under those names, every rule links its runbook, and the
Prometheus scrape config sends the bearer token."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.test import Client
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from jobs.models import GpuWorker
from tests.test_metrics import scrape_headers
from webapp import metrics
from webapp.metrics import COUNTERS, HISTOGRAMS

ROOT = Path(settings.BASE_DIR)
PROMETHEUS = ROOT / "deploy/prometheus"
FAST_ALERTS = {"KinemaNaNRateHigh", "KinemaPlusQueueWaitP95High", "KinemaPlusCompletionRateDrop"}


def rules() -> list[dict]:
    return [r for g in yaml.safe_load((PROMETHEUS / "alerts.yml").read_text())["groups"] for r in g["rules"]]


def series_used(rule: dict) -> set[str]:
    return set(re.findall(r"\b(kinema_[a-z0-9_]+|dramatiq_[a-z0-9_]+)\b", rule["expr"]))


def promtool(folder: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("promtool")
    assert exe, "promtool is missing: `make test` installs it (Debian's prometheus package)"
    return subprocess.run([exe, "test", "rules", "alerts_test.yml"], cwd=folder, capture_output=True, text=True,
                          timeout=120)


def test_alerts_fire_within_their_detection_targets_and_not_below_their_thresholds() -> None:
    result = promtool(PROMETHEUS)
    assert result.returncode == 0 and "SUCCESS" in result.stdout, result.stdout + result.stderr
    # Every fast alert has a case where it must fire and one where it must not.
    cases = [c for t in yaml.safe_load((PROMETHEUS / "alerts_test.yml").read_text())["tests"]
             for c in t["alert_rule_test"]]
    for alert in FAST_ALERTS:
        assert any(c["alertname"] == alert and c["exp_alerts"] for c in cases), alert
        assert any(c["alertname"] == alert and not c["exp_alerts"] for c in cases), alert


@pytest.mark.parametrize(("alert", "broken"), [
    # The rules as they were before the seed's detection targets: 30 m / 10 m windows, 10 m `for`.
    ("KinemaNaNRateHigh", {"[1m]": "[30m]", "for: 15s": "for: 10m"}),
    ("KinemaPlusQueueWaitP95High", {'tier="plus"}[1m]': 'tier="plus"}[10m]', "for: 1m\n": "for: 10m\n"}),
    # A threshold ten times too high, and one too low (fires on the 0.4 % series).
    ("KinemaNaNRateHigh", {"> 0.005": "> 0.05"}),
    ("KinemaNaNRateHigh", {"> 0.005": "> 0.003"}),
    # The secondary alarm without its "Plus jobs are waiting" condition fires when demand merely falls.
    ("KinemaPlusCompletionRateDrop", {'and on() sum(kinema_queue_depth{tier="plus"}) > 0': ""}),
])
def test_the_rule_tests_catch_slow_or_wrong_rules(tmp_path: Path, alert: str, broken: dict[str, str]) -> None:
    text = (PROMETHEUS / "alerts.yml").read_text()
    for old, new in broken.items():
        assert old in text, old
        text = text.replace(old, new)
    (tmp_path / "alerts.yml").write_text(text)
    shutil.copy(PROMETHEUS / "alerts_test.yml", tmp_path / "alerts_test.yml")
    result = promtool(tmp_path)
    report = result.stdout + result.stderr  # promtool prints the failed cases on stderr
    assert result.returncode != 0 and f"alertname: {alert}," in report, report


@pytest.mark.django_db
def test_every_series_the_rules_use_is_exported_under_that_name(settings) -> None:
    """Scrape /metrics after one event of each counter and histogram the rules read (and with a GPU
    worker registered, for the fleet gauges): every series name in every rule is in the exposition."""
    now = timezone.now()
    GpuWorker.objects.create(name="gpu-monitoring", queue_name="gpu.gpu-monitoring", gpu_class="cpu", model="tiny",
                             last_heartbeat=now, service=GpuWorker.Service.QUARANTINED)
    used = set().union(*(series_used(r) for r in rules()))
    for name in COUNTERS:
        if f"{name}_total" in used:
            metrics.inc(name, tier="plus", state="succeeded")
    for name in HISTOGRAMS:
        if f"{name}_bucket" in used:
            metrics.observe(name, 1.0, tier="plus")
    text = Client(headers=scrape_headers()).get("/metrics").content.decode()
    exposed = {s.name for family in text_string_to_metric_families(text) for s in family.samples}
    missing = {name for name in used if name not in exposed}
    # Dead letters appear once a queue has any; the gauge family is declared with the queues' others.
    assert missing <= {"dramatiq_queue_dead_letters"} and "dramatiq_queue_messages" in exposed, missing
    assert 'kinema_gpu_worker_service{gpu_class="cpu",service="quarantined",worker="gpu-monitoring"} 1.0' in text


def test_alert_rules_link_their_runbooks() -> None:
    names = {r["alert"] for r in rules()}
    assert FAST_ALERTS | {"KinemaPostFilterRejectionSpike", "KinemaStuckJobs", "KinemaGpuWorkerNoHeartbeat",
                          "KinemaGpuWorkerQuarantined"} <= names
    runbooks = (ROOT / "docs/runbooks.md").read_text()
    for rule in rules():
        assert series_used(rule), rule["alert"]
        anchor = rule["annotations"]["runbook"].split("#")[1]
        assert f"## {anchor}" in runbooks, anchor
        assert rule["labels"]["severity"] in {"page", "ticket"} and rule["annotations"]["summary"]


def test_prometheus_scrape_config_sends_the_bearer_token() -> None:
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text())
    (job,) = [j for j in config["scrape_configs"] if j["job_name"] == "kinema"]
    assert job["metrics_path"] == "/metrics"
    assert job["authorization"]["type"] == "Bearer" and job["authorization"]["credentials_file"]
    assert config["rule_files"] == ["alerts.yml"] and (PROMETHEUS / "alerts.yml").exists()
    # The detection targets in alerts_test.yml assume this scrape and evaluation interval.
    assert config["global"]["scrape_interval"] == "15s" and config["global"]["evaluation_interval"] == "15s"
