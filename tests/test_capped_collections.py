"""Per-user caps hold under concurrent requests (accounts/locks.py): each thread here has its own database connection,
as each web thread does, and all start at once. Counted without a lock, twenty at once made 21 active API keys of
20 and 11 webhook endpoints of 10."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import RequestFactory

from accounts.forms import MAX_ACTIVE_KEYS
from accounts.models import ApiKey
from accounts.views import AccountActionError, account_action
from jobs.api.errors import APIError
from jobs.api.webhooks import MAX_ENDPOINTS, register_endpoint
from jobs.models import WebhookEndpoint

pytestmark = pytest.mark.django_db(transaction=True)


def all_at_once(count: int, attempt: Callable[[int], object]) -> list[str]:
    """Run attempt(0..count-1) on `count` threads released together; what each did ("ok" or "refused")."""
    gate = threading.Barrier(count)
    outcomes: list[str] = []

    def run(i: int) -> None:
        try:
            gate.wait()
            attempt(i)
            outcomes.append("ok")
        except (APIError, AccountActionError):
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return outcomes


def test_concurrent_webhook_registrations_stop_at_the_cap(make_user, settings) -> None:
    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
    user, _ = make_user("cap-hooks")
    outcomes = all_at_once(MAX_ENDPOINTS + 6, lambda i: register_endpoint(
        user, {"url": f"http://127.0.0.1:9/hook-{i}", "events": ["video.completed"]}))
    assert sorted(outcomes) == ["ok"] * MAX_ENDPOINTS + ["refused"] * 6
    assert WebhookEndpoint.objects.filter(user=user).count() == MAX_ENDPOINTS


def test_concurrent_api_key_creations_stop_at_the_cap(make_user) -> None:
    user, _ = make_user("cap-keys")  # one active key already
    factory = RequestFactory()

    def create(i: int) -> None:
        account_action(factory.post("/account/", {"action": "create_key", "name": f"key {i}"}), user)

    outcomes = all_at_once(MAX_ACTIVE_KEYS + 4, create)
    assert sorted(outcomes) == ["ok"] * (MAX_ACTIVE_KEYS - 1) + ["refused"] * 5
    assert ApiKey.objects.active().filter(user=user).count() == MAX_ACTIVE_KEYS


def test_a_character_form_sent_twice_at_once_makes_one_and_both_see_it(make_user) -> None:
    """A double click on the characters page: both requests pass the replay check before either has saved; the one
    that loses the name's race answered 409 "You already have a character named ..." though its form made it."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from jobs.models import Character
    from tests.test_characters import face_clip

    user, _ = make_user("double-click")
    clip = face_clip().getvalue()
    token = "t" * 32
    answers: list[int] = []

    def send(_: int) -> None:
        client = Client()
        client.force_login(user)
        answers.append(client.post("/characters/", {"submission_token": token, "name": "Ada Brook",
                                                    "video": SimpleUploadedFile("me.mp4", clip, "video/mp4")}
                                   ).status_code)

    assert all_at_once(2, send) == ["ok", "ok"]
    assert answers == [302, 302] and Character.objects.filter(user=user).count() == 1
