"""The live feed against a real daphne process: open sockets are closed when their credential ends
(revoked API key, deactivated user, logged-out session, changed password), and idle sockets stay
open across many of the channel layer's 5 s blocking reads."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import websockets
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from django.test import Client
from websockets.asyncio.client import ClientConnection

from jobs.feed_auth import CLOSE_ACCOUNT_DISABLED, CLOSE_CREDENTIAL_ENDED, FeedCredential, find_ended
from jobs.signals import send_to_feed
from tests.conftest import ARTIFACTS, Stack, wait_for
from webapp.processes import free_port, port_open, spawn_group

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
# Database work inside the tests' event loops goes through database_sync_to_async: it closes the
# executor thread's connection afterwards, which would otherwise keep the test database from being dropped.
ROOT = Path(__file__).resolve().parent.parent
RECHECK_S = 0.5
# Generous bounds for something to happen (the machine is shared); they are not what is tested.
CLOSE_WITHIN_S = 30.0
EVENT_WITHIN_S = 10.0


@pytest.fixture(scope="module")
def feed_url(django_db_setup, django_db_blocker) -> Iterator[str]:
    """A daphne process serving the ASGI app against the test database, re-checking sockets every 0.5 s."""
    stack = Stack()
    port = free_port()
    log = open(ARTIFACTS / "feed-daphne.log", "ab")  # noqa: SIM115 - lives as long as the process
    stack.procs["feed-daphne"] = spawn_group(
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "webapp.asgi:application"],
        env={**stack.env, "KINEMA_FEED_RECHECK_S": str(RECHECK_S), "DB_CONN_MAX_AGE": "0"}, cwd=ROOT,
        stdout=log, stderr=subprocess.STDOUT)
    wait_for(lambda: port_open(port), timeout=60)
    yield f"ws://127.0.0.1:{port}/ws/jobs/"
    # Only this daphne: stop_all() would also wait for the session stack's workers to leave the database.
    stack.kill("feed-daphne", signal.SIGTERM)


async def open_with_key(url: str, key: str) -> ClientConnection:
    return await websockets.connect(url, additional_headers={"Authorization": f"Bearer {key}"}, proxy=None)


async def open_with_cookie(url: str, cookie: str) -> ClientConnection:
    origin = url.replace("ws://", "http://").split("/ws/")[0]
    return await websockets.connect(url, additional_headers={"Cookie": cookie}, origin=origin,  # type: ignore[arg-type]
                                    proxy=None)


def logged_in(user: Any) -> tuple[Client, str]:
    client = Client()
    client.force_login(user)
    return client, f"sessionid={client.cookies['sessionid'].value}"


async def event_reaches(ws: ClientConnection, user_id: int, marker: str) -> bool:
    """Send an event to the user's feed; True when this socket receives it within EVENT_WITHIN_S.

    Feed sends are best effort by design (one over the Redis budget on a loaded box is dropped and
    skipped while the breaker is open; clients re-sync), so the event is sent again every second until
    it arrives: what is tested is that the socket is open and subscribed, not one send's luck."""
    async with asyncio.timeout(EVENT_WITHIN_S):
        while True:
            await sync_to_async(send_to_feed)(user_id, {"kind": "ping", "marker": marker})
            try:
                async with asyncio.timeout(1.0):
                    while f'"{marker}"' not in await ws.recv():
                        pass
                return True
            except TimeoutError:
                continue


async def close_code(ws: ClientConnection) -> int | None:
    async with asyncio.timeout(CLOSE_WITHIN_S):
        await ws.wait_closed()
    return ws.close_code


async def refused(url: str, **how: str) -> bool:
    try:
        ws = await (open_with_key(url, how["key"]) if "key" in how else open_with_cookie(url, how["cookie"]))
    except websockets.InvalidStatus as exc:
        return exc.response.status_code == 403
    await ws.close()
    return False


def test_a_revoked_api_key_closes_its_sockets_only(feed_url: str, make_user) -> None:
    from accounts.models import ApiKey

    alice, first_key = make_user("alice-revoke")
    _, second_key = ApiKey.issue(alice, name="second")
    first = ApiKey.objects.get(lookup=first_key.split("_")[1])

    async def run() -> None:
        revoked_ws = await open_with_key(feed_url, first_key)
        kept_ws = await open_with_key(feed_url, second_key)
        assert await event_reaches(revoked_ws, alice.pk, "before-revoke")
        assert await event_reaches(kept_ws, alice.pk, "before-revoke-2")

        await database_sync_to_async(first.revoke)()
        assert await close_code(revoked_ws) == CLOSE_CREDENTIAL_ENDED
        assert await event_reaches(kept_ws, alice.pk, "after-revoke")  # the user's other key is untouched
        assert await refused(feed_url, key=first_key)
        await kept_ws.close()

    asyncio.run(run())


def test_a_deactivated_user_is_closed_on_every_socket(feed_url: str, make_user) -> None:
    from accounts.models import User

    alice, alice_key = make_user("alice-deactivate")
    bob, bob_key = make_user("bob-deactivate")
    _, alice_cookie = logged_in(alice)

    async def run() -> None:
        by_key = await open_with_key(feed_url, alice_key)
        by_session = await open_with_cookie(feed_url, alice_cookie)
        bystander = await open_with_key(feed_url, bob_key)
        assert await event_reaches(by_key, alice.pk, "before-deactivate")
        assert await event_reaches(by_session, alice.pk, "before-deactivate-2")

        await database_sync_to_async(User.objects.filter(pk=alice.pk).update)(is_active=False)
        assert await close_code(by_key) == CLOSE_ACCOUNT_DISABLED
        assert await close_code(by_session) == CLOSE_ACCOUNT_DISABLED
        assert await event_reaches(bystander, bob.pk, "after-deactivate")
        assert await refused(feed_url, key=alice_key)
        await bystander.close()

    asyncio.run(run())


def test_logout_and_password_change_close_session_sockets(feed_url: str, make_user) -> None:
    alice, _ = make_user("alice-logout")
    laptop, laptop_cookie = logged_in(alice)
    phone, phone_cookie = logged_in(alice)

    async def run() -> None:
        laptop_ws = await open_with_cookie(feed_url, laptop_cookie)
        phone_ws = await open_with_cookie(feed_url, phone_cookie)
        assert await event_reaches(laptop_ws, alice.pk, "before-logout")
        assert await event_reaches(phone_ws, alice.pk, "before-logout-2")

        await database_sync_to_async(laptop.logout)()  # the session row is deleted
        assert await close_code(laptop_ws) == CLOSE_CREDENTIAL_ENDED
        assert await event_reaches(phone_ws, alice.pk, "after-logout")  # the other session is still valid
        assert await refused(feed_url, cookie=laptop_cookie)

        def change_password() -> None:
            alice.set_password("a-new-password-42")
            alice.save()

        # The phone's session row still exists, but it was signed with the old password: Django no
        # longer accepts it over HTTP, and the feed must not either.
        await database_sync_to_async(change_password)()
        assert await close_code(phone_ws) == CLOSE_CREDENTIAL_ENDED
        assert await refused(feed_url, cookie=phone_cookie)

    asyncio.run(run())


def test_an_idle_socket_stays_open_and_still_receives(feed_url: str, make_user) -> None:
    """Twenty quiet seconds span four of the channel layer's 5 s blocking reads; with redis-py's default
    5 s read timeout each of those ended in a 1011 close after about 6 s."""
    alice, key = make_user("alice-idle")

    async def run() -> None:
        ws = await open_with_key(feed_url, key)
        with pytest.raises(TimeoutError):  # nothing arrives, and the socket is not closed either
            async with asyncio.timeout(20):
                await ws.recv()
        assert ws.close_code is None
        assert await event_reaches(ws, alice.pk, "after-idle")
        await ws.close()

    asyncio.run(run())


def test_find_ended_judges_each_credential(make_user) -> None:
    """The batch check itself: expired and unknown sessions, a deleted user, a key of another state."""
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from accounts.models import ApiKey, User

    alice, _ = make_user("alice-judge")
    _, live_cookie = logged_in(alice)
    _, expired_cookie = logged_in(alice)
    live_key, expired_key = (cookie.split("=", 1)[1] for cookie in (live_cookie, expired_cookie))
    Session.objects.filter(session_key=expired_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    auth_hash = alice.get_session_auth_hash()
    key = ApiKey.objects.get(user=alice)
    last_pk = User.objects.order_by("-pk").values_list("pk", flat=True).first()
    assert last_pk is not None
    gone_id = last_pk + 1000  # no such user

    live_session = FeedCredential(alice.pk, session_key=live_key, session_auth_hash=auth_hash)
    expired_session = FeedCredential(alice.pk, session_key=expired_key, session_auth_hash=auth_hash)
    unknown_session = FeedCredential(alice.pk, session_key="no-such-session", session_auth_hash=auth_hash)
    live_api_key = FeedCredential(alice.pk, api_key_id=key.pk)
    deleted_user = FeedCredential(gone_id, api_key_id=key.pk)
    assert find_ended([live_session, expired_session, unknown_session, live_api_key, deleted_user]) == {
        expired_session: CLOSE_CREDENTIAL_ENDED, unknown_session: CLOSE_CREDENTIAL_ENDED,
        deleted_user: CLOSE_ACCOUNT_DISABLED}
