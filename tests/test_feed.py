"""The websocket feed: who may connect, and that events reach only their owner."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from jobs.signals import send_to_feed, user_group
from webapp.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)


def session_cookie(username: str) -> bytes:
    from accounts.models import User

    User.objects.filter(username=username).update(password="")
    user = User.objects.get(username=username)
    user.set_password("feed-password-1")
    user.save()
    client = Client()
    assert client.login(username=username, password="feed-password-1")
    return f"sessionid={client.cookies['sessionid'].value}".encode()


async def connect(headers: list[tuple[bytes, bytes]],
                  timeout: float = 1) -> tuple[WebsocketCommunicator, bool, int | None]:
    comm = WebsocketCommunicator(application, "/ws/jobs/", headers=headers)
    connected, code = await comm.connect(timeout)
    return comm, connected, code


def test_anonymous_and_bad_keys_are_refused() -> None:
    async def run() -> None:
        for headers in ([], [(b"authorization", b"Bearer kin_nope_nope")], [(b"cookie", b"sessionid=forged")]):
            comm, connected, code = await connect(headers)
            assert not connected and code == 4401
            await comm.disconnect()

    asyncio.run(run())


def test_other_paths_are_refused_and_frames_from_the_client_are_ignored(make_user) -> None:
    """Any other websocket path answered the upgrade with a 500 (no route); a frame that was not JSON, a binary
    frame or deeply nested JSON closed the feed with 1011 (an exception inside the application)."""
    alice, alice_key = make_user("alice-frames")
    auth = [(b"authorization", f"Bearer {alice_key}".encode())]

    async def run() -> None:
        for path in ("/", "/ws/", "/ws/other/", "/ws/jobs", "/ws/jobs/x/"):
            comm = WebsocketCommunicator(application, path, headers=auth)
            connected, _ = await comm.connect()
            assert not connected, path
            await comm.disconnect()
        comm, connected, _ = await connect(auth)
        assert connected
        for text in ("not json", "\x00", "[" * 100_000 + "]" * 100_000, '{"subscribe": "everything"}'):
            await comm.send_to(text_data=text)
        await comm.send_to(bytes_data=b"\xff\x00binary")
        assert await comm.receive_nothing(timeout=0.5)  # still open, nothing sent back
        await sync_to_async(send_to_feed)(alice.pk, {"kind": "progress", "job_id": "video_f", "step": 1})
        assert await comm.receive_json_from(timeout=5) == {"kind": "progress", "job_id": "video_f", "step": 1}
        await comm.disconnect()

    asyncio.run(run())


def test_events_reach_their_owner_only_by_session_and_by_api_key(make_user) -> None:
    alice, alice_key = make_user("alice-feed")
    bob, _ = make_user("bob-feed")
    alice_cookie = session_cookie("alice-feed")
    bob_cookie = session_cookie("bob-feed")

    async def run() -> None:
        alice_browser, ok1, _ = await connect([(b"cookie", alice_cookie)])
        alice_api, ok2, _ = await connect([(b"authorization", f"Bearer {alice_key}".encode())])
        bob_browser, ok3, _ = await connect([(b"cookie", bob_cookie)])
        assert ok1 and ok2 and ok3
        await sync_to_async(send_to_feed)(alice.pk, {"kind": "progress", "job_id": "video_a", "step": 3})
        for comm in (alice_browser, alice_api):
            assert await comm.receive_json_from(timeout=5) == {"kind": "progress", "job_id": "video_a", "step": 3}
        assert await bob_browser.receive_nothing(timeout=0.5)
        await sync_to_async(send_to_feed)(bob.pk, {"kind": "state", "job_id": "video_b", "state": "running"})
        assert (await bob_browser.receive_json_from(timeout=5))["job_id"] == "video_b"
        assert await alice_browser.receive_nothing(timeout=0.5)
        assert await alice_api.receive_nothing(timeout=0.1)
        for comm in (alice_browser, alice_api, bob_browser):
            await comm.disconnect()

    asyncio.run(run())


def test_real_job_events_flow_to_the_owner(make_user) -> None:
    """A submission and a cancel through the API produce state events on the owner's feed only."""
    from rest_framework.test import APIClient

    _, alice_key = make_user("alice-jobs")
    _, bob_key = make_user("bob-jobs")

    async def run() -> None:
        alice, ok1, _ = await connect([(b"authorization", f"Bearer {alice_key}".encode())])
        bob, ok2, _ = await connect([(b"authorization", f"Bearer {bob_key}".encode())])
        assert ok1 and ok2

        def submit_and_cancel() -> str:
            api = APIClient()
            api.credentials(HTTP_AUTHORIZATION=f"Bearer {alice_key}")
            video_id = api.post("/v1/videos", {"prompt": "a quiet pond"}, format="json").json()["id"]
            api.post(f"/v1/videos/{video_id}/cancel")
            return video_id

        video_id = await sync_to_async(submit_and_cancel)()
        seen = []
        while True:
            msg = await alice.receive_json_from(timeout=5)
            seen.append(msg)
            if msg["kind"] == "notification":
                break
        states = [m for m in seen if m["kind"] == "state"]
        assert states[-1]["job_id"] == video_id and states[-1]["state"] == "cancelled"
        assert states[-1]["error"]["code"] == "cancelled"
        assert seen[-1]["type"] == "video.failed"
        assert await bob.receive_nothing(timeout=0.5)
        await alice.disconnect()
        await bob.disconnect()

    asyncio.run(run())


def test_a_user_holds_at_most_the_configured_number_of_feeds(make_user, settings) -> None:
    """One more socket than KINEMA_FEED_MAX_SOCKETS_PER_USER is closed at once with 4429; the user's open ones,
    and other users, are untouched; closing one frees its slot. (A user opened 1,000 sockets on one process.)"""
    settings.KINEMA_FEED_MAX_SOCKETS_PER_USER = 3
    alice, alice_key = make_user("alice-many")
    bob, bob_key = make_user("bob-many")
    alice_auth = [(b"authorization", f"Bearer {alice_key}".encode())]

    async def run() -> None:
        held = []
        for _ in range(3):
            comm, connected, _ = await connect(alice_auth)
            assert connected
            held.append(comm)
        extra, connected, _ = await connect(alice_auth)
        assert connected  # accepted so that the client reads why...
        assert (await extra.receive_output(timeout=5)) == {"type": "websocket.close", "code": 4429}  # ...then closed
        await extra.disconnect()
        bobs, connected, _ = await connect([(b"authorization", f"Bearer {bob_key}".encode())])
        assert connected
        await sync_to_async(send_to_feed)(alice.pk, {"kind": "progress", "job_id": "video_m", "step": 2})
        for comm in held:  # the first three still get events
            assert await comm.receive_json_from(timeout=5) == {"kind": "progress", "job_id": "video_m", "step": 2}
        await held.pop().disconnect()
        again, connected, _ = await connect(alice_auth)
        assert connected and await again.receive_nothing(timeout=0.3)
        for comm in [*held, again, bobs]:
            await comm.disconnect()

    asyncio.run(run())


def test_a_burst_of_feeds_opening_and_closing_together_keeps_the_group_exact(make_user, settings) -> None:
    """150 sockets of one user opening, then closing, all at once: the channel layer's Redis pool (100
    connections, raising past them) failed the leaves with "Too many connections" inside the application, and
    the dead channels stayed in the user's group. Now every join and leave goes through, and the group ends empty."""
    import redis

    settings.KINEMA_FEED_MAX_SOCKETS_PER_USER = 200
    alice, alice_key = make_user("alice-burst")
    auth = [(b"authorization", f"Bearer {alice_key}".encode())]

    async def run() -> None:
        # 150 handshakes share one event loop and the credential lookups' thread: a loaded box needs seconds (the
        # default 1 s timed out in a whole-suite run).
        opened = await asyncio.gather(*(connect(auth, timeout=30) for _ in range(150)))
        assert all(connected for _, connected, _ in opened)
        await sync_to_async(send_to_feed)(alice.pk, {"kind": "progress", "job_id": "video_b", "step": 3})
        got = await asyncio.gather(*(comm.receive_json_from(timeout=10) for comm, _, _ in opened))
        assert all(event["job_id"] == "video_b" for event in got)
        # The communicator cancels an application still leaving after `timeout` (1 s by default: cut short the
        # group leaves in a loaded whole-suite run, which left all 150 in the group).
        await asyncio.gather(*(comm.disconnect(timeout=30) for comm, _, _ in opened))

    asyncio.run(run())
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    members = redis.Redis.from_url(settings.REDIS_URL).zcard(layer._group_key(user_group(alice.pk)))
    assert members == 0


def test_a_handshake_that_fails_gives_its_slot_back(make_user, settings, monkeypatch) -> None:
    """A credential read that fails, or a channel layer that cannot take the membership, ends the handshake with
    no disconnect to follow: the user's slot must come back, or a few failures lock the user out of the feed."""
    import jobs.consumers as consumers

    settings.KINEMA_FEED_MAX_SOCKETS_PER_USER = 1
    _, key = make_user("alice-fails")
    auth = [(b"authorization", f"Bearer {key}".encode())]
    real_credential = consumers.credential_for

    async def broken_credential(scope: object) -> None:
        raise RuntimeError("the database is down")

    async def run() -> None:
        monkeypatch.setattr(consumers, "credential_for", broken_credential)
        failed = WebsocketCommunicator(application, "/ws/jobs/", headers=auth)
        with pytest.raises(RuntimeError):
            await failed.connect()
        monkeypatch.setattr(consumers, "credential_for", real_credential)

        from channels.layers import get_channel_layer

        layer = get_channel_layer()

        async def refused_join(group: str, channel: str) -> None:
            raise ConnectionError("Redis is down")

        monkeypatch.setattr(layer, "group_add", refused_join)
        refused, connected, _ = await connect(auth)
        assert not connected  # the handshake is refused; the client retries
        monkeypatch.undo()

        comm, connected, _ = await connect(auth)  # the one slot is free again: not accepted and closed with 4429
        assert connected and await comm.receive_nothing(timeout=0.5)
        await comm.disconnect()

    asyncio.run(run())
