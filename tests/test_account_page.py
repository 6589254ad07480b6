"""The account page: plan, credits with expiry, usage, API keys (shown once, last use, revoke), the e-mail
preference and webhook endpoints registered through the API's own checks."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.credits import grant_credits
from accounts.models import ApiKey, CreditLot
from jobs.models import WebhookEndpoint


def once() -> dict[str, str]:
    """A fresh one-time token, as the page renders into its create forms."""
    return {"submission_token": secrets.token_urlsafe(24)}

@pytest.fixture
def creator(make_user):
    user, _ = make_user("page", credits=0)
    grant_credits(user, 40, source=CreditLot.Source.PURCHASE, expires_at=timezone.now() + timedelta(days=3))
    grant_credits(user, 7)
    user.email = "page@example.com"
    user.save()
    client = Client()
    client.force_login(user)
    return user, client


@pytest.mark.django_db
def test_the_page_shows_plan_credits_with_expiry_and_usage(creator) -> None:
    _, client = creator
    page = client.get("/account/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="plan-name">Plus<' in html and 'id="usage-today">0<' in html and 'id="credit-balance">47<' in html
    expiry = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%d")
    assert html.count('class="lot"') == 2 and expiry in html and "never" in html
    assert Client().get("/account/").status_code == 302  # logged-out visitors go to the login


@pytest.mark.django_db
def test_an_api_key_is_shown_once_works_lists_its_last_use_and_can_be_revoked(creator) -> None:
    user, client = creator
    before = set(ApiKey.objects.filter(user=user).values_list("pk", flat=True))
    created = client.post("/account/", {"action": "create_key", "name": "render farm", **once()})
    assert created.status_code == 200
    raw = re.search(r'id="new-key-value">(kin_[^<]+)<', created.content.decode())
    assert raw is not None
    key = ApiKey.objects.get(user=user, name="render farm")
    assert key.pk not in before and key.last_used_at is None
    assert raw.group(1) not in client.get("/account/").content.decode()  # never shown again

    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw.group(1)}").get("/v1/me").status_code == 200
    key.refresh_from_db()
    assert key.last_used_at is not None
    listed = client.get("/account/").content.decode()
    row = re.search(rf'data-key-id="{key.pk}">(.*?)</tr>', listed, re.S)
    assert row is not None and "render farm" in row.group(1) and "never" not in row.group(1)

    assert client.post("/account/", {"action": "revoke_key", "key_id": key.pk}).status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw.group(1)}").get("/v1/me").status_code == 401
    # Someone else's key, a missing name, nonsense: refused on the page, nothing changes.
    other, _ = ApiKey.issue(type(user).objects.create(username="someone-else"))
    assert client.post("/account/", {"action": "revoke_key", "key_id": other.pk}).status_code == 400
    assert client.post("/account/", {"action": "create_key", "name": "", **once()}).status_code == 400
    assert client.post("/account/", {"action": "explode"}).status_code == 400
    other.refresh_from_db()
    assert other.revoked_at is None


@pytest.mark.django_db
def test_the_email_preference_is_saved(creator) -> None:
    user, client = creator
    assert client.post("/account/", {"action": "email_preferences", "email_on_finish": "on"}).status_code == 302
    user.refresh_from_db()
    assert user.email_on_finish
    assert 'name="email_on_finish" checked' in client.get("/account/").content.decode()
    client.post("/account/", {"action": "email_preferences"})
    user.refresh_from_db()
    assert not user.email_on_finish


@pytest.mark.django_db
def test_webhook_endpoints_are_added_with_the_apis_checks_and_deleted(creator, settings) -> None:
    user, client = creator
    refused = client.post("/account/", {"action": "create_webhook", "url": "http://10.0.0.5/hook",
                                        "events": ["video.completed"], **once()})
    assert refused.status_code == 400 and "non-public address" in refused.content.decode()
    assert client.post("/account/", {"action": "create_webhook", "url": "https://93.184.215.14/hook", **once()}
                       ).status_code == 400  # no events chosen
    assert not WebhookEndpoint.objects.filter(user=user).exists()

    added = client.post("/account/", {"action": "create_webhook", "url": "https://93.184.215.14/hook",
                                      "events": ["video.completed", "video.failed"], "description": "prod",
                                      **once()})
    assert added.status_code == 200
    endpoint = WebhookEndpoint.objects.get(user=user)
    assert endpoint.events == ["video.completed", "video.failed"] and endpoint.description == "prod"
    assert f'id="new-webhook-secret">{endpoint.secret}<' in added.content.decode()  # shown once
    page = client.get("/account/").content.decode()
    assert endpoint.id in page and endpoint.secret not in page

    assert client.post("/account/", {"action": "delete_webhook", "webhook_id": endpoint.id}).status_code == 302
    assert not WebhookEndpoint.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_the_per_request_signing_secret_is_shown_only_in_answer_to_a_post(creator) -> None:
    """Like keys and endpoint secrets: never on a plain load of the page (screen shares, history, caches)."""
    user, client = creator
    secret = type(user).objects.get(pk=user.pk).signing_secret()
    page = client.get("/account/")
    assert page.status_code == 200 and 'id="signing-secret"' in page.content.decode()
    assert secret not in page.content.decode()

    shown = client.post("/account/", {"action": "show_signing_secret"})
    assert shown.status_code == 200 and "no-store" in shown["Cache-Control"]
    assert f'id="signing-secret-value">{secret}<' in shown.content.decode()
    assert secret not in client.get("/account/").content.decode()

    rotated = client.post("/account/", {"action": "rotate_signing_secret"})
    new_secret = type(user).objects.get(pk=user.pk).webhook_signing_secret
    assert rotated.status_code == 200 and new_secret != secret and new_secret.startswith("whsec_")
    assert f'id="signing-secret-value">{new_secret}<' in rotated.content.decode()  # the new one, this once
    assert new_secret not in client.get("/account/").content.decode()


@pytest.mark.django_db
def test_the_page_lists_active_keys_and_the_latest_revoked_and_its_forms_are_rate_limited(creator) -> None:
    """A create-and-revoke loop grew the page by a row each time, and its forms had no rate limit."""
    from accounts.models import Tier
    from accounts.views import REVOKED_KEYS_SHOWN

    user, client = creator
    for i in range(REVOKED_KEYS_SHOWN + 5):
        ApiKey.issue(user, name=f"old {i}")[0].revoke()
    page = client.get("/account/").content.decode()
    active = ApiKey.objects.active().filter(user=user).count()
    assert page.count('class="api-key"') == active + REVOKED_KEYS_SHOWN
    assert "and 5 older revoked keys, not shown" in page
    assert "old 14" in page and "old 0<" not in page  # the newest revoked are shown

    Tier.objects.filter(pk=user.tier_id).update(requests_per_minute=3)
    answers = [client.post("/account/", {"action": "create_key", "name": f"burst {i}", **once()}) for i in range(6)]
    assert [a.status_code for a in answers].count(429) >= 3, [a.status_code for a in answers]
    limited = next(a for a in answers if a.status_code == 429)
    assert "Slow down" in limited.content.decode() and "Retry-After" in limited
    assert ApiKey.objects.filter(user=user, name__startswith="burst").count() <= 3
    # Revoking is never limited (a leaked key spending the user's requests must not keep its owner from it), and
    # the page's bucket is its own: the API still answers.
    burst = ApiKey.objects.filter(user=user, name__startswith="burst").first()
    assert burst is not None
    revoked = client.post("/account/", {"action": "revoke_key", "key_id": burst.pk})
    assert revoked.status_code == 302 and ApiKey.objects.get(pk=burst.pk).revoked_at is not None
    assert Client(HTTP_AUTHORIZATION=f"Bearer {ApiKey.issue(user)[1]}").get("/v1/ping").status_code == 200


@pytest.mark.django_db
def test_a_create_form_sent_again_makes_nothing_more(creator) -> None:
    """The answer that shows a new key's or endpoint's secret is a POST's: reloading it, or a double click, sent the
    form again and made a second one whose secret nobody saw."""
    user, client = creator
    page = client.get("/account/").content.decode()
    assert page.count('name="submission_token"') == 2  # the key and endpoint forms
    key_form = {"action": "create_key", "name": "laptop", **once()}
    assert client.post("/account/", key_form).status_code == 200
    again = client.post("/account/", key_form, follow=True)
    assert again.status_code == 200 and "This form was sent before" in again.content.decode()
    assert "new-key-value" not in again.content.decode()
    assert ApiKey.objects.filter(user=user, name="laptop").count() == 1
    hook_form = {"action": "create_webhook", "url": "https://93.184.215.14/hook", "events": ["video.completed"],
                 **once()}
    assert client.post("/account/", hook_form).status_code == 200
    assert client.post("/account/", hook_form, follow=True).status_code == 200
    assert WebhookEndpoint.objects.filter(user=user).count() == 1
    changed = client.post("/account/", {**hook_form, "url": "https://93.184.215.15/hook"})
    assert changed.status_code == 422 and WebhookEndpoint.objects.filter(user=user).count() == 1
    no_token = client.post("/account/", {"action": "create_key", "name": "tokenless"})
    assert no_token.status_code == 400 and "expired" in no_token.content.decode()
    assert not ApiKey.objects.filter(user=user, name="tokenless").exists()
