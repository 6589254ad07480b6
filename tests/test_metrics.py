"""/metrics: the named series after a real job, every declared series before its first event, and the
scrape token (nothing without it)."""

from __future__ import annotations

import httpx
import pytest
from django.conf import settings
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

from jobs.models import Job
from jobs.models import JobState as S
from tests.conftest import wait_for
from webapp.metrics import COUNTERS


def scrape_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {settings.KINEMA_METRICS_TOKEN}"}


def scrape(client: httpx.Client | Client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    resp = client.get("/metrics", headers=scrape_headers())
    assert resp.status_code == 200
    text = resp.text if isinstance(resp, httpx.Response) else resp.content.decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def value(samples: dict, name: str, **labels: str) -> float:
    return sum(v for (n, ls), v in samples.items() if n == name and all(dict(ls).get(k) == x
                                                                         for k, x in labels.items()))


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_metrics_expose_the_named_series_with_plausible_values_after_a_job(
        stack, live_server, make_user) -> None:
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
    assert job.finished_at is not None
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
def test_metrics_answer_only_the_scrape_token(settings, make_user) -> None:
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
    for scheme in ("bearer", "BEARER"):  # the scheme's name is case-insensitive (RFC 9110); the token is not
        assert Client(headers={"Authorization": f"{scheme} s3cret"}).get("/metrics").status_code == 200
    for sent in ("Bearer S3CRET", "Bearer s3cret s3cret"):
        assert Client(headers={"Authorization": sent}).get("/metrics").status_code == 401, sent
    settings.KINEMA_METRICS_TOKEN = ""  # unset: closed to everyone, never open
    assert Client(headers={"Authorization": "Bearer "}).get("/metrics").status_code == 401
