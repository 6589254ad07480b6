"""Webhooks against a real local receiver: Standard Webhooks signatures verified with the library,
retries after receiver failures, stable event ids, refused private targets, the /v1/webhooks API."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from django.test import Client
from standardwebhooks import Webhook

from jobs import webhooks
from jobs.models import Job, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent
from jobs.models import JobState as S
from tests.conftest import wait_for
from tests.test_lifecycle import make_job


class Receiver:
    """An HTTP receiver that answers 500 to its first `fail_first` requests, then 204."""

    def __init__(self, fail_first: int = 0) -> None:
        self.fail_first = fail_first
        self.requests: list[tuple[dict[str, str], bytes, int]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers["content-length"]))
                status = 500 if len(receiver.requests) < receiver.fail_first else 204
                receiver.requests.append(({k.lower(): v for k, v in self.headers.items()}, body, status))
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/kinema"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver(fail_first=2)
    yield r
    r.close()


@pytest.fixture
def allow_private(settings) -> None:
    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True


def api(key: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_completion_is_delivered_signed_with_retries_and_a_stable_event_id(
        stack, live_server, make_user, receiver, allow_private) -> None:
    _, key = make_user("hooked")
    with httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        registered = client.post("/v1/webhooks", json={"url": receiver.url,
                                                       "events": ["video.completed", "video.failed"]}).json()
        assert registered["secret"].startswith("whsec_")
        assert "secret" not in client.get(f"/v1/webhooks/{registered['id']}").json()  # shown once
        video = client.post("/v1/videos", json={"prompt": "a kite over dunes", "seconds": "4"}).json()
        wait_for(lambda: len(receiver.requests) >= 3, timeout=90)
        deliveries = client.get(f"/v1/webhooks/{registered['id']}/deliveries").json()["data"]

    assert [status for _, _, status in receiver.requests] == [500, 500, 204]
    verifier = Webhook(registered["secret"])
    ids = set()
    for headers, body, _ in receiver.requests:
        payload = verifier.verify(body, headers)  # raises on a bad signature or a stale timestamp
        assert payload["type"] == "video.completed" and payload["data"]["id"] == video["id"]
        assert payload["data"]["status"] == "completed" and payload["id"] == headers["webhook-id"]
        ids.add(headers["webhook-id"])
    assert len(ids) == 1  # one event id across the retries: receivers deduplicate on it
    with pytest.raises(Exception):  # noqa: B017 - any verification error
        Webhook(registered["secret"]).verify(receiver.requests[0][1].replace(b"completed", b"failed"),
                                             receiver.requests[0][0])
    (delivery,) = deliveries
    assert delivery["status"] == "succeeded" and delivery["attempts"] == 3
    assert [a["status_code"] for a in delivery["attempt_log"]] == [500, 500, 204]
    assert delivery["event_id"] == ids.pop()
    assert Job.objects.get(pk=video["id"]).state == S.SUCCEEDED


@pytest.mark.django_db
def test_emitting_twice_for_a_job_creates_one_event(make_user, allow_private) -> None:
    user, _ = make_user("twice")
    WebhookEndpoint.objects.create(user=user, url="http://127.0.0.1:9/x", events=["video.failed"])
    job = make_job(user, S.FAILED, error_code="generation_failed", error_message="boom")
    webhooks.emit_for_job(job.id, user.pk, S.FAILED)
    webhooks.emit_for_job(job.id, user.pk, S.FAILED)
    event = WebhookEvent.objects.get(job=job)
    assert event.type == "video.failed" and event.payload["data"]["error"]["code"] == "generation_failed"
    assert WebhookDelivery.objects.filter(event=event).count() == 1


@pytest.mark.django_db
def test_a_finished_job_of_a_user_without_webhooks_costs_one_query(make_user, allow_private) -> None:
    """Every finished job passes through emit_for_job: for the many users with no endpoint and no webhook_url it
    answers both questions (any subscribed endpoint? a per-request URL?) in a single query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user, _ = make_user("quiet")
    job = make_job(user, S.SUCCEEDED)
    with CaptureQueriesContext(connection) as queries:
        webhooks.emit_for_job(job.id, user.pk, S.SUCCEEDED)
    assert len(queries) == 1 and not WebhookEvent.objects.exists()
    # Either question answered yes still emits: a subscribed endpoint, or the request's own URL.
    WebhookEndpoint.objects.create(user=user, url="http://127.0.0.1:9/x", events=["video.completed"])
    webhooks.emit_for_job(job.id, user.pk, S.SUCCEEDED)
    assert WebhookDelivery.objects.get(event__job=job).endpoint.url == "http://127.0.0.1:9/x"
    in_review = make_job(user, S.IN_REVIEW)
    with CaptureQueriesContext(connection) as queries:
        webhooks.emit_for_job(in_review.id, user.pk, S.IN_REVIEW)  # not subscribed to that type
    assert len(queries) == 1 and not WebhookEvent.objects.filter(job=in_review).exists()
    other, _ = make_user("only-per-request")
    failed = make_job(other, S.FAILED, error_code="cancelled", error_message="Cancelled.",
                      webhook_url="http://127.0.0.1:9/own")
    webhooks.emit_for_job(failed.id, other.pk, S.FAILED)
    event = WebhookEvent.objects.get(job=failed)
    assert event.payload["data"] == {"id": failed.id, "object": "video", "status": "failed",
                                     "error": {"code": "cancelled", "message": "Cancelled."}}
    assert WebhookDelivery.objects.get(event=event).endpoint.url == "http://127.0.0.1:9/own"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/hook", "http://localhost/hook", "http://10.1.2.3/hook",
                                 "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
                                 "http://192.168.1.20/hook"])
def test_private_targets_are_refused_at_registration(make_user, url: str) -> None:
    _, key = make_user("ssrf")
    resp = api(key).post("/v1/webhooks", {"url": url, "events": ["video.completed"]},
                         content_type="application/json")
    assert resp.status_code == 400 and "non-public address" in resp.json()["error"]["message"], resp.json()
    if url == "http://localhost/hook":  # a name: which address it resolves to is not told (no internal DNS lookups)
        assert "127.0.0.1" not in resp.json()["error"]["message"] and "::1" not in resp.json()["error"]["message"]
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.django_db
def test_a_delivery_to_a_host_that_now_resolves_privately_is_refused_without_traffic(
        make_user, settings) -> None:
    """Checked after DNS resolution at every attempt (the name may have been re-pointed since)."""
    target = Receiver()
    try:
        user, _ = make_user("rebind")
        endpoint = WebhookEndpoint.objects.create(user=user, url=target.url.replace("127.0.0.1", "localhost"),
                                                  events=["kinema.test"])
        event = webhooks.emit(user.pk, "kinema.test", {"webhook_id": endpoint.id}, endpoints=[endpoint])
        delivery = WebhookDelivery.objects.get(event=event)
        settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = False
        webhooks.deliver_webhook.fn(delivery.pk)
        delivery.refresh_from_db()
        assert delivery.status == WebhookDelivery.Status.FAILED and "non-public address" in delivery.last_error
        assert target.requests == []  # no traffic was sent there
    finally:
        target.close()


@pytest.mark.django_db
def test_retries_stop_after_the_window(make_user, settings, allow_private) -> None:
    target = Receiver(fail_first=100)
    try:
        user, _ = make_user("window")
        settings.KINEMA_WEBHOOK_RETRY_WINDOW_S = 20  # the next retry (30 s after the 2nd) is past it
        endpoint = WebhookEndpoint.objects.create(user=user, url=target.url, events=["kinema.test"])
        event = webhooks.emit(user.pk, "kinema.test", {}, endpoints=[endpoint])
        delivery = WebhookDelivery.objects.get(event=event)
        webhooks.deliver_webhook.fn(delivery.pk)
        delivery.refresh_from_db()
        assert delivery.status == "pending" and delivery.attempts == 1 and delivery.last_status_code == 500
        WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=delivery.created_at)
        webhooks.deliver_webhook.fn(delivery.pk)
        delivery.refresh_from_db()
        assert delivery.status == "failed" and delivery.attempts == 2
        assert WebhookAttempt.objects.filter(delivery=delivery).count() == len(target.requests) == 2
    finally:
        target.close()


@pytest.mark.django_db
def test_webhook_api_crud_and_validation(make_user, allow_private) -> None:
    _, key = make_user("crud")
    _, other_key = make_user("other")
    client = api(key)
    created = client.post("/v1/webhooks", {"url": "http://127.0.0.1:9/a", "events": ["video.completed"],
                                           "description": "prod"}, content_type="application/json").json()
    hook = created["id"]
    assert client.get("/v1/webhooks").json()["data"][0]["id"] == hook
    patched = client.patch(f"/v1/webhooks/{hook}", {"events": ["video.failed", "kinema.video.in_review"],
                                                     "enabled": False}, content_type="application/json").json()
    assert patched["events"] == ["kinema.video.in_review", "video.failed"] and patched["enabled"] is False
    for body, param in (({"url": "ftp://x.example/a", "events": ["video.completed"]}, "url"),
                        ({"url": "http://127.0.0.1:9/a", "events": ["video.exploded"]}, "events"),
                        ({"url": "http://127.0.0.1:9/a", "events": []}, "events"),
                        ({"url": "http://no-such-host.invalid/a", "events": ["video.completed"]}, "url")):
        resp = client.post("/v1/webhooks", body, content_type="application/json")
        assert resp.status_code == 400 and resp.json()["error"]["param"] == param, resp.json()
    assert api(other_key).get(f"/v1/webhooks/{hook}").status_code == 404  # not theirs
    disabled = client.post(f"/v1/webhooks/{hook}/test")  # nothing would be sent: refused, no test send spent
    assert disabled.status_code == 409 and disabled.json()["error"]["code"] == "webhook_disabled"
    assert not WebhookDelivery.objects.filter(endpoint_id=hook).exists()
    assert client.patch(f"/v1/webhooks/{hook}", {"enabled": True}, content_type="application/json").status_code == 200
    test = client.post(f"/v1/webhooks/{hook}/test").json()
    assert WebhookDelivery.objects.get(event_id=test["event_id"]).endpoint_id == hook
    assert client.delete(f"/v1/webhooks/{hook}").json()["deleted"] is True
    assert client.get(f"/v1/webhooks/{hook}").status_code == 404
    assert json.loads(client.get("/v1/webhooks").content)["data"] == []


@pytest.mark.django_db
def test_delivery_connects_to_the_checked_address_with_the_hostname_in_host(make_user, allow_private) -> None:
    """The request goes to the IP that passed the check (no second resolution to rebind), named by Host."""
    target = Receiver()
    try:
        user, _ = make_user("pinned")
        url = target.url.replace("127.0.0.1", "localhost")
        endpoint = WebhookEndpoint.objects.create(user=user, url=url, events=["kinema.test"])
        event = webhooks.emit(user.pk, "kinema.test", {}, endpoints=[endpoint])
        webhooks.deliver_webhook.fn(WebhookDelivery.objects.get(event=event).pk)
        ((headers, body, status),) = target.requests
        assert status == 204 and headers["host"] == f"localhost:{target.server.server_port}"
        assert Webhook(endpoint.secret).verify(body, headers)["id"] == event.id
    finally:
        target.close()


@pytest.mark.django_db
def test_webhook_posts_honour_idempotency_keys_and_create_reads_every_field(make_user, allow_private) -> None:
    """A retried registration made a second endpoint (and used up the cap); `enabled` and unknown fields were
    silently ignored at creation while PATCH refused unknown ones."""
    from jobs.models import WebhookEndpoint

    user, key = make_user("hook-idem")
    client = api(key)
    body = {"url": "http://127.0.0.1:9/idem", "events": ["video.completed"], "enabled": False}
    first = client.post("/v1/webhooks", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="reg-1")
    again = client.post("/v1/webhooks", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="reg-1")
    assert first.status_code == again.status_code == 200, first.content
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert first.json()["enabled"] is False
    assert WebhookEndpoint.objects.filter(user=user).count() == 1
    other = client.post("/v1/webhooks", {**body, "url": "http://127.0.0.1:9/other"}, content_type="application/json",
                        HTTP_IDEMPOTENCY_KEY="reg-1")
    assert other.status_code == 422 and WebhookEndpoint.objects.filter(user=user).count() == 1
    unknown = client.post("/v1/webhooks", {**body, "secret": "mine"}, content_type="application/json")
    assert unknown.status_code == 400 and unknown.json()["error"]["param"] == "secret"
    bad = client.post("/v1/webhooks", {**body, "enabled": "no"}, content_type="application/json")
    assert bad.status_code == 400 and bad.json()["error"]["param"] == "enabled"
    assert WebhookEndpoint.objects.filter(user=user).count() == 1
    hook = first.json()["id"]
    updated = [client.post(f"/v1/webhooks/{hook}", {"enabled": True}, content_type="application/json",
                           HTTP_IDEMPOTENCY_KEY="upd-1") for _ in range(2)]
    assert [u.status_code for u in updated] == [200, 200] and updated[1]["Idempotent-Replayed"] == "true"
    read = [client.post("/v1/notifications/read", {}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="read-1")
            for _ in range(2)]
    assert [r.status_code for r in read] == [200, 200] and read[1]["Idempotent-Replayed"] == "true"


@pytest.mark.django_db
def test_a_form_encoded_registration_reads_every_event_and_enabled(make_user, allow_private) -> None:
    """Form encoding is offered (OPTIONS lists it): a repeated `events` field kept only its last value, and
    `enabled=false` was a 400."""
    from urllib.parse import urlencode

    _, key = make_user("hook-form")
    client = api(key)
    form = "application/x-www-form-urlencoded"
    body = urlencode([("url", "http://127.0.0.1:9/form"), ("events", "video.completed"), ("events", "video.failed"),
                      ("enabled", "false")])
    created = client.post("/v1/webhooks", body, content_type=form)
    assert created.status_code == 200, created.content
    assert created.json()["events"] == ["video.completed", "video.failed"] and created.json()["enabled"] is False
    hook = created.json()["id"]
    enabled = client.patch(f"/v1/webhooks/{hook}", "enabled=true", content_type=form)
    assert enabled.status_code == 200 and enabled.json()["enabled"] is True
    assert client.patch(f"/v1/webhooks/{hook}", "enabled=maybe", content_type=form).status_code == 400
