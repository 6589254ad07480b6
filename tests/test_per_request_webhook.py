"""`webhook_url` on POST /v1/videos (Kinema extension, as fal and Replicate offer): checked by the same
public-address guard as registered endpoints, and delivered by the webhook worker, signed with the user's
per-request signing secret, to a real receiver."""

from __future__ import annotations

from collections.abc import Iterator

import openai
import pytest
from standardwebhooks import Webhook

from accounts.models import User
from jobs.models import Job, WebhookDelivery, WebhookEndpoint
from jobs.models import JobState as S
from tests.conftest import wait_for
from tests.test_webhooks import Receiver


@pytest.fixture
def hook() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "says"), [
    ("http://127.0.0.1:8000/hook", "non-public address"),
    ("http://169.254.169.254/latest/meta-data", "non-public address"),
    ("https://93.184.215.14:8443/hook", "port 8443 is not allowed"),  # a public address literal: no DNS
    ("ftp://example.com/hook", "absolute http(s) URL"),
    ("https://user:pw@example.com/hook", "must not carry credentials"),
    (12345, "must be an http(s) URL"),
    ("x" * 2001, "must be an http(s) URL"),
])
def test_a_webhook_url_the_guard_refuses_is_a_400_naming_it_and_keeps_no_job(api, url: object, says: str) -> None:
    resp = api.post("/v1/videos", {"prompt": "a lighthouse in fog", "webhook_url": url}, format="json")
    assert resp.status_code == 400, resp.json()
    error = resp.json()["error"]
    assert error["param"] == "webhook_url" and error["type"] == "invalid_request_error" and says in error["message"]
    assert not Job.objects.exists()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_request_webhook_hears_how_its_video_ended_signed_with_the_users_secret(
        stack, live_server, make_user, hook: Receiver, settings) -> None:
    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True  # the receiver is on loopback (the stack's workers allow it too)
    user, key = make_user("replicate-style")
    account_hook = Receiver()
    try:
        sdk = openai.OpenAI(api_key=key, base_url=f"{live_server.url}/v1", max_retries=0)
        sdk.post("/webhooks", cast_to=object, body={"url": account_hook.url, "events": ["video.completed"]})
        done = sdk.videos.create(prompt="a paper boat on a river", seconds="4", extra_body={"webhook_url": hook.url})
        assert Job.objects.get(pk=done.id).webhook_url == hook.url
        cancelled = sdk.videos.create(prompt="a quiet harbour at dawn", seconds="4",
                                      extra_body={"webhook_url": hook.url})
        sdk.post(f"/videos/{cancelled.id}/cancel", cast_to=object)
        wait_for(lambda: len(hook.requests) >= 2 and account_hook.requests, timeout=120)

        verifier = Webhook(User.objects.get(pk=user.pk).signing_secret())
        events = {}
        for headers, body, _ in hook.requests:
            payload = verifier.verify(body, headers)  # raises on a bad signature or a stale timestamp
            events[payload["data"]["id"]] = payload
        assert events[done.id]["type"] == "video.completed" and events[done.id]["data"]["status"] == "completed"
        assert events[cancelled.id]["type"] == "video.failed"
        assert events[cancelled.id]["data"]["error"]["code"] == "cancelled"
        # The account endpoint heard the same event (one id per job and type: receivers deduplicate on it).
        (account_headers, _, _), = account_hook.requests
        assert account_headers["webhook-id"] == events[done.id]["id"]

        # Not a registered endpoint: /v1/webhooks lists only the account's; the cap is not used by it.
        listed = sdk.get("/webhooks", cast_to=object)
        assert isinstance(listed, dict) and [e["url"] for e in listed["data"]] == [account_hook.url]
        per_request = WebhookEndpoint.objects.get(user=user, url=hook.url)
        assert per_request.events == [] and WebhookDelivery.objects.filter(endpoint=per_request).count() == 2
        assert Job.objects.get(pk=done.id).state == S.SUCCEEDED
    finally:
        account_hook.close()


@pytest.mark.django_db
def test_a_new_signing_secret_signs_the_next_delivery(make_user, settings) -> None:
    from jobs import webhooks
    from tests.test_lifecycle import make_job

    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
    user, _ = make_user("rotator")
    first = make_job(user, S.FAILED, error_code="generation_failed", error_message="boom")
    Job.objects.filter(pk=first.id).update(webhook_url="http://127.0.0.1:9/hook")
    webhooks.emit_for_job(first.id, user.pk, S.FAILED)
    old_secret = WebhookEndpoint.objects.get(user=user, events=[]).secret
    assert old_secret == User.objects.get(pk=user.pk).signing_secret()
    new_secret = User.objects.get(pk=user.pk).rotate_signing_secret()
    second = make_job(user, S.FAILED, error_code="generation_failed", error_message="boom")
    Job.objects.filter(pk=second.id).update(webhook_url="http://127.0.0.1:9/hook")
    webhooks.emit_for_job(second.id, user.pk, S.FAILED)
    endpoint = WebhookEndpoint.objects.get(user=user, events=[])  # one row per URL, re-keyed
    assert new_secret != old_secret and endpoint.secret == new_secret
    assert WebhookDelivery.objects.filter(endpoint=endpoint).count() == 2


@pytest.mark.django_db
def test_a_per_request_endpoint_is_not_reachable_through_the_webhooks_api(make_user, settings) -> None:
    """/v1/webhooks/{id} serves registered endpoints only: a PATCH adding events to the per-request row would
    make it a registered endpoint past the cap of 10."""
    from django.test import Client

    from jobs import webhooks
    from tests.test_lifecycle import make_job

    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
    user, key = make_user("sneaky")
    job = make_job(user, S.FAILED, error_code="generation_failed", error_message="boom",
                   webhook_url="http://127.0.0.1:9/hook")
    webhooks.emit_for_job(job.id, user.pk, S.FAILED)
    per_request = WebhookEndpoint.objects.get(user=user, events=[])
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    path = f"/v1/webhooks/{per_request.id}"
    answers = [client.get(path), client.patch(path, {"events": ["video.completed"]}, content_type="application/json"),
               client.post(path, {"events": ["video.completed"]}, content_type="application/json"),
               client.get(f"{path}/deliveries"), client.post(f"{path}/test"), client.delete(path)]
    for answer in answers:
        assert answer.status_code == 404, answer.content
        assert answer.json()["error"]["type"] == "invalid_request_error"
    per_request.refresh_from_db()  # untouched, still not a registered endpoint
    assert per_request.events == [] and WebhookDelivery.objects.filter(endpoint=per_request).count() == 1


@pytest.mark.django_db
def test_per_request_endpoints_are_reused_per_url_and_pruned_once_unused(make_user, settings) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from jobs import retention, webhooks
    from tests.test_lifecycle import make_job

    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
    settings.KINEMA_PER_REQUEST_WEBHOOK_TTL_S = 30 * 24 * 3600
    user, _ = make_user("many-urls")

    def finish(url: str) -> None:
        job = make_job(user, S.FAILED, error_code="generation_failed", error_message="boom", webhook_url=url)
        webhooks.emit_for_job(job.id, user.pk, S.FAILED)

    finish("http://127.0.0.1:9/old")
    finish("http://127.0.0.1:9/old")
    finish("http://127.0.0.1:9/recent")
    old = WebhookEndpoint.objects.get(user=user, url="http://127.0.0.1:9/old")  # one row for both videos
    recent = WebhookEndpoint.objects.get(user=user, url="http://127.0.0.1:9/recent")
    assert WebhookDelivery.objects.filter(endpoint=old).count() == 2
    registered = WebhookEndpoint.objects.create(user=user, url="http://127.0.0.1:9/registered",
                                                events=["video.completed"])
    long_ago = timezone.now() - timedelta(days=31)
    WebhookEndpoint.objects.filter(pk__in=[old.pk, recent.pk, registered.pk]).update(created_at=long_ago)
    WebhookDelivery.objects.filter(endpoint=old).update(created_at=long_ago, status=WebhookDelivery.Status.FAILED)

    assert retention.prune()["per_request_webhooks"] == 1
    assert set(WebhookEndpoint.objects.filter(user=user).values_list("url", flat=True)) == {
        "http://127.0.0.1:9/recent", "http://127.0.0.1:9/registered"}  # used lately, or registered: kept
    assert retention.prune()["per_request_webhooks"] == 0
    finish("http://127.0.0.1:9/old")  # the URL named again: a new row carries it
    assert WebhookEndpoint.objects.filter(user=user, url="http://127.0.0.1:9/old", events=[]).count() == 1
