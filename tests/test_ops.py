"""Production readiness: /metrics after a real job, the operator page, health checks, retention
pruning, alert rules, structured logs."""

from __future__ import annotations

import io
import json
import logging
import re
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import yaml
from django.conf import settings
from django.core.files.storage import default_storage
from django.test import Client
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from jobs import retention
from jobs.actor_logs import job_context
from jobs.artifacts import put_artifact
from jobs.models import Artifact, Job, QueueSample
from jobs.models import JobState as S
from jobs.reconciler import sample_queue_depth
from tests.conftest import wait_for
from tests.test_lifecycle import make_job
from webapp.logs import ContextFilter, JsonFormatter, log_context
from webapp.metrics import COUNTERS, HISTOGRAMS

ROOT = Path(settings.BASE_DIR)


def scrape_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {settings.KINEMA_METRICS_TOKEN}"}


def scrape(client: httpx.Client | Client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    resp = client.get("/metrics", headers=scrape_headers())
    assert resp.status_code == 200
    text = resp.text if isinstance(resp, httpx.Response) else resp.content.decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def value(samples: dict, name: str, **labels: str) -> float:  # type: ignore[type-arg]
    return sum(v for (n, ls), v in samples.items() if n == name and all(dict(ls).get(k) == x
                                                                         for k, x in labels.items()))


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_metrics_expose_the_named_series_with_plausible_values_after_a_job(
        stack, live_server, make_user) -> None:  # type: ignore[no-untyped-def]
    _, key = make_user("measured", tier="plus")
    with httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        before = scrape(client)
        video = client.post("/v1/videos", json={"prompt": "a windmill at dusk", "seconds": "4"}).json()
        wait_for(lambda: Job.objects.filter(pk=video["id"], state=S.SUCCEEDED).exists(), timeout=90)
        job = Job.objects.get(pk=video["id"])
        after = wait_for(lambda: (lambda s: s if value(s, "kinema_jobs_finished_total", tier="plus",
                                                       state="succeeded") > value(before, "kinema_jobs_finished_total",
                                                                                  tier="plus", state="succeeded")
                                  else None)(scrape(client)), timeout=10)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("kinema_jobs_submitted_total", tier="plus") == 1
    assert delta("kinema_jobs_finished_total", tier="plus", state="succeeded") == 1
    assert delta("kinema_queue_wait_seconds_count", tier="plus") == 1
    assert 0 < delta("kinema_queue_wait_seconds_sum", tier="plus") < 60
    assert delta("kinema_end_to_end_seconds_count", tier="plus", clip_seconds="4") == 1
    e2e = (job.finished_at - job.created_at).total_seconds()
    assert delta("kinema_end_to_end_seconds_sum", tier="plus") == pytest.approx(e2e, abs=0.5)
    assert delta("kinema_step_seconds_count") == job.steps
    assert delta("kinema_gpu_steps_total", worker="gpu-test-0") == job.steps
    assert 0 < delta("kinema_gpu_busy_seconds_total", worker="gpu-test-0") < e2e
    assert delta("kinema_safety_verdicts_total", stage="prompt", verdict="allow") == 1
    assert delta("kinema_safety_verdicts_total", stage="frames", verdict="allow") == 1
    assert delta("kinema_credits_held_total", tier="plus") == job.credits_held
    assert delta("kinema_credits_charged_total", tier="plus") == job.credits_charged > 0
    assert delta("kinema_preemptions_total") == delta("kinema_retries_total") == 0  # a clean run
    assert delta("kinema_nan_failures_total") == 0
    assert {t for (n, ls), _ in after.items() if n == "kinema_queue_depth" for k, t in ls} >= {"free", "plus", "pro"}
    assert value(after, "kinema_gpu_worker_heartbeat_age_seconds", worker="gpu-test-0") < 10
    for actor in ("screen_job", "run_generation", "finalize_job"):  # Dramatiq's own, from every worker process
        assert delta("dramatiq_messages_total", actor=actor, outcome="ok") >= 1, actor
    assert delta("dramatiq_message_duration_seconds_count", actor="run_generation") >= 1
    assert ("dramatiq_queue_messages", (("queue", "screening"),)) in after
    assert ("dramatiq_queue_dead_letters", (("queue", "finalize"),)) in after
    assert any(n.startswith("django_http_requests_total") for n, _ in after)


@pytest.mark.django_db
def test_every_declared_series_is_exposed_even_before_its_first_event() -> None:
    text = Client(headers=scrape_headers()).get("/metrics").content.decode()
    families = {f.name for f in text_string_to_metric_families(text)}
    assert set(COUNTERS) <= families  # declared (HELP/TYPE) from the start, before any event
    assert {"kinema_queue_depth", "kinema_jobs_active", "kinema_credits_outstanding", "kinema_jobs_stuck"} <= families


@pytest.mark.django_db
def test_metrics_answer_only_the_scrape_token(settings, make_user) -> None:  # type: ignore[no-untyped-def]
    assert settings.KINEMA_METRICS_TOKEN  # make test, like make run, generates one
    settings.KINEMA_METRICS_TOKEN = "s3cret"
    _, api_key = make_user("not-a-scraper")
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"},
                    {"Authorization": f"Bearer {api_key}"}, {"Authorization": "Bearer s3creté"}):
        refused = Client(headers=headers).get("/metrics")
        assert refused.status_code == 401, headers
        assert refused.json()["error"]["code"] == "metrics_token_required"
        assert set(refused.json()["error"]) == {"message", "type", "param", "code"}
        assert refused["WWW-Authenticate"].startswith("Bearer") and b"kinema_" not in refused.content
    scraped = Client(headers={"Authorization": "Bearer s3cret"}).get("/metrics")
    assert scraped.status_code == 200 and b"kinema_queue_depth" in scraped.content
    settings.KINEMA_METRICS_TOKEN = ""  # unset: closed to everyone, never open
    assert Client(headers={"Authorization": "Bearer "}).get("/metrics").status_code == 401


@pytest.mark.django_db
def test_operator_page_for_staff_only(make_user, django_user_model) -> None:  # type: ignore[no-untyped-def]
    user, _ = make_user("opsuser")
    failed = make_job(user, S.FAILED, error_code="generation_failed", error_message="The model failed.",
                      finished_at=timezone.now())
    make_job(user, S.SUCCEEDED, queued_at=timezone.now() - timedelta(seconds=20),
             started_at=timezone.now() - timedelta(seconds=12), finished_at=timezone.now(), seconds=10)
    sample_queue_depth(timezone.now() - timedelta(minutes=5))
    sample_queue_depth(timezone.now())
    assert QueueSample.objects.filter(tier="plus").count() == 2
    staff = django_user_model.objects.create_user("operator", password="pw", is_staff=True)
    client = Client()
    client.force_login(staff)
    page = client.get("/ops/").content.decode()
    assert 'id="targets"' in page and "Plus" in page and "Free" in page
    assert "8.0 s" in page  # the plus job's queue wait (20 s queued, claimed 12 s ago)
    assert 'id="queue-chart"' in page and "<polyline" in page
    assert 'id="fleet"' in page and failed.id in page and "The model failed." in page
    creator = Client()
    creator.force_login(user)
    assert creator.get("/ops/").status_code == 302  # to the admin login, never the page
    assert Client().get("/ops/").status_code == 302


@pytest.mark.django_db
def test_health_and_readiness(settings) -> None:  # type: ignore[no-untyped-def]
    settings.KINEMA_READYZ_CACHE_S = 0  # every call checks
    anonymous, scraper = Client(), Client(headers=scrape_headers())
    assert anonymous.get("/healthz").json() == {"status": "ok"}
    assert anonymous.get("/readyz").json() == {"status": "ready"}  # terse for anyone
    ready = scraper.get("/readyz")
    assert ready.status_code == 200 and all(c["ok"] for c in ready.json()["checks"].values())
    assert set(ready.json()["checks"]) == {"database", "redis", "storage", "gpu_workers"}
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    down = anonymous.get("/readyz")
    assert down.status_code == 503 and down.json() == {"status": "unavailable", "failing": ["redis"]}
    detailed = scraper.get("/readyz")
    body = detailed.json()
    assert detailed.status_code == 503 and body["status"] == "unavailable"
    assert body["checks"]["redis"]["ok"] is False and body["checks"]["database"]["ok"] is True
    assert "Error" in body["checks"]["redis"]["error"]  # the exception, for the token holder only
    assert anonymous.get("/healthz").status_code == 200  # alive, just not ready


@pytest.mark.django_db
def test_anonymous_readiness_is_cached_and_costs_no_storage_write_per_call(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from webapp import health

    settings.KINEMA_READYZ_CACHE_S = 3600  # far longer than the test: expiry is not what this checks
    health.readiness.clear()
    writes: list[dict] = []  # the storage check writes, reads back and deletes an object each time it runs
    real_check = health.CHECKS["storage"]
    monkeypatch.setitem(health.CHECKS, "storage", lambda: writes.append(real_check()) or writes[-1])
    anonymous = Client()
    for _ in range(5):
        assert anonymous.get("/readyz").json() == {"status": "ready"}
    assert len(writes) == 1  # one round trip served all five
    assert Client(headers=scrape_headers()).get("/readyz").json()["checks"]["storage"]["ok"] is True
    assert len(writes) == 2  # the token holder always gets a fresh check...
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    assert anonymous.get("/readyz").status_code == 200  # ...anonymous callers the cached result
    assert Client(headers=scrape_headers()).get("/readyz").status_code == 503  # fresh, and now cached
    assert anonymous.get("/readyz").json() == {"status": "unavailable", "failing": ["redis"]}
    health.readiness.clear()


@pytest.mark.django_db
def test_prune_deletes_bytes_marks_records_and_answers_404(make_user, settings) -> None:  # type: ignore[no-untyped-def]
    user, key = make_user("retained")
    now = timezone.now()
    old = make_job(user, S.SUCCEEDED, finished_at=now - timedelta(days=100), expires_at=now - timedelta(seconds=1),
                   prompt="a secret garden")
    video = put_artifact(old.id, Artifact.Kind.VIDEO, b"\x00\x00\x00\x18ftypmp42", "video/mp4")
    reference = put_artifact(old.id, Artifact.Kind.INPUT_REFERENCE, b"jpeg", "image/jpeg", ext="jpg")
    fresh = make_job(user, S.SUCCEEDED, finished_at=now, expires_at=now + timedelta(days=7), prompt="a new day")
    kept = put_artifact(fresh.id, Artifact.Kind.VIDEO, b"\x00\x00\x00\x18ftypmp42", "video/mp4")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get(f"/v1/videos/{fresh.id}/content").status_code == 200

    done = retention.prune()
    assert done["videos"] == 1 and done["references"] == 1 and done["prompts"] == 1
    assert not default_storage.exists(video.key) and not default_storage.exists(reference.key)
    assert default_storage.exists(kept.key)
    gone = api.get(f"/v1/videos/{old.id}/content")
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "expired"
    record = api.get(f"/v1/videos/{old.id}")
    assert record.status_code == 200 and record.json()["status"] == "completed"  # the record stays
    old.refresh_from_db()
    assert old.prompt == "" and old.prompt_redacted_at is not None
    assert Artifact.objects.get(pk=video.pk).deleted_at is not None
    assert api.get(f"/v1/videos/{fresh.id}/content").status_code == 200
    assert retention.prune() == {"videos": 0, "references": 0, "previews": 0, "prompts": 0}  # idempotent


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


@pytest.mark.django_db
def test_json_logs_carry_job_user_and_attempt(make_user) -> None:  # type: ignore[no-untyped-def]
    user, _ = make_user("logged")
    job = make_job(user, S.RUNNING, attempt=2)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("kinema.test")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    @job_context
    def actor(job_id: str, attempt: int) -> None:
        logger.info("working on it")

    try:
        actor(job.id, 2)
        with log_context(stage="outside"):
            logger.warning("no job")
    finally:
        logger.removeHandler(handler)
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["message"] == "working on it" and first["level"] == "info"
    assert (first["job_id"], first["user_id"], first["attempt"]) == (job.id, user.pk, 2)
    assert second["stage"] == "outside" and "job_id" not in second


def test_prometheus_scrape_config_sends_the_bearer_token() -> None:
    config = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    (job,) = [j for j in config["scrape_configs"] if j["job_name"] == "kinema"]
    assert job["metrics_path"] == "/metrics"
    assert job["authorization"]["type"] == "Bearer" and job["authorization"]["credentials_file"]
    assert config["rule_files"] == ["alerts.yml"] and (ROOT / "deploy/prometheus/alerts.yml").exists()
