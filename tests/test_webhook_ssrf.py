"""Where webhooks may go, and what a failed delivery tells its owner.

- Address classification: every IPv6 form that embeds an IPv4 address (mapped, compatible, SIIT,
  NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4) is judged by that IPv4 address; Teredo never passes.
- Ports: 80/443 unless configured.
- The API refuses such URLs at registration and update with a 400 in the OpenAI error shape.
- Refused, reset and timed-out connections read the same to the user (no port scanner).
- Test sends are capped per user (429 + Retry-After); pending deliveries are capped per user.
"""

from __future__ import annotations

import ipaddress
import socket
import struct
import threading
import time
from collections.abc import Iterator

import pytest
from django.test import Client

from jobs import webhooks
from jobs.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent
from tests.test_webhooks import Receiver


def nat64_local(v4: str) -> str:
    """RFC 6052 encoding of an IPv4 address under the /48 local-use prefix 64:ff9b:1::/48."""
    b = ipaddress.IPv4Address(v4).packed
    prefix = ipaddress.IPv6Address("64:ff9b:1::").packed[:6]
    return str(ipaddress.IPv6Address(prefix + b[:2] + b"\x00" + b[2:] + b"\x00" * 5))


def teredo(server: str, client: str) -> str:
    """A Teredo address (2001::/32) for a server and a client IPv4 address (the client is stored inverted)."""
    s = ipaddress.IPv4Address(server).packed
    c = bytes(x ^ 0xFF for x in ipaddress.IPv4Address(client).packed)
    return str(ipaddress.IPv6Address(b"\x20\x01\x00\x00" + s + b"\x00\x00\xff\xff" + c))


NON_PUBLIC = [
    # plain IPv4
    "127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "192.168.1.20", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.0.8",
    "192.0.0.170", "192.0.2.1", "198.18.0.1", "198.51.100.7", "203.0.113.9", "192.88.99.1",
    # plain IPv6
    "::1", "::", "fe80::1", "fe80::1%eth0", "fc00::1", "fd12:3456::1", "ff02::1", "ff0e::1", "fec0::1",
    "2001:db8::1", "100::1", "3fff::1", "5f00::1", "64:ff9b:0:0:1::1",
    # IPv4-mapped and IPv4-compatible
    "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "::7f00:1",
    "::10.0.0.1", "::169.254.169.254",
    # SIIT (IPv4-translated)
    "::ffff:0:7f00:1", "::ffff:0:a9fe:a9fe",
    # NAT64 well-known prefix and local-use prefix
    "64:ff9b::7f00:1", "64:ff9b::127.0.0.1", "64:ff9b::a00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::c0a8:114",
    nat64_local("127.0.0.1"), nat64_local("10.0.0.1"), nat64_local("169.254.169.254"),
    # 6to4
    "2002:7f00:1::", "2002:7f00:1::1", "2002:a00:1::", "2002:a9fe:a9fe::1", "2002:c0a8:114::",
    # Teredo, even with public server and client
    teredo("65.54.227.120", "127.0.0.1"), teredo("65.54.227.120", "8.8.8.8"),
]

PUBLIC = ["93.184.215.14", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001:82a::200e",
          "::ffff:8.8.8.8", "::ffff:0:808:808", "64:ff9b::808:808", "64:ff9b::8.8.8.8", nat64_local("8.8.8.8"),
          "2002:808:808::1", "2002:5db8:d70e::"]


def test_the_helpers_encode_what_the_rfcs_say() -> None:
    """The tables above rely on these encodings; check them against known literals."""
    assert nat64_local("127.0.0.1") == "64:ff9b:1:7f00:0:100::"
    assert nat64_local("8.8.8.8") == "64:ff9b:1:808:8:800::"
    assert ipaddress.IPv6Address(teredo("65.54.227.120", "192.0.2.45")).teredo == (
        ipaddress.IPv4Address("65.54.227.120"), ipaddress.IPv4Address("192.0.2.45"))


@pytest.mark.parametrize("address", NON_PUBLIC)
def test_non_public_addresses_are_classified_as_such(address: str) -> None:
    assert webhooks.non_public_reason(address), address


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert webhooks.non_public_reason(address) is None


@pytest.mark.parametrize(("address", "embedded"), [
    ("::ffff:127.0.0.1", "127.0.0.1"), ("::127.0.0.1", "127.0.0.1"), ("::ffff:0:7f00:1", "127.0.0.1"),
    ("64:ff9b::7f00:1", "127.0.0.1"), ("64:ff9b:1:7f00:0:100::", "127.0.0.1"), ("2002:7f00:1::", "127.0.0.1"),
    ("64:ff9b::808:808", "8.8.8.8"), ("2002:808:808:1::1", "8.8.8.8"), (teredo("1.2.3.4", "5.6.7.8"), "5.6.7.8"),
    ("2606:4700:4700::1111", None), ("fe80::1", None),
])
def test_the_embedded_ipv4_address_is_found(address: str, embedded: str | None) -> None:
    found = webhooks.embedded_ipv4(ipaddress.IPv6Address(address))
    assert (str(found) if found else None) == embedded


def test_the_reason_names_the_embedded_address() -> None:
    assert "127.0.0.1" in (webhooks.non_public_reason("64:ff9b::7f00:1") or "")
    # ::1 and :: fall in the old IPv4-compatible range (::/96); they are named for what they are, not as 0.0.0.1.
    assert webhooks.non_public_reason("::1") == "::1 is the loopback address"
    assert webhooks.non_public_reason("::") == ":: is the unspecified address"


def api(key: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def register(key: str, url: str):
    return api(key).post("/v1/webhooks", {"url": url, "events": ["video.completed"]}, content_type="application/json")


def assert_refused(resp, fragment: str) -> None:
    body = resp.json()
    assert resp.status_code == 400, body
    assert set(body["error"]) == {"message", "type", "param", "code"}
    assert body["error"]["param"] == "url" and body["error"]["code"] == "invalid_url"
    assert body["error"]["type"] == "invalid_request_error" and fragment in body["error"]["message"], body


@pytest.mark.django_db
@pytest.mark.parametrize("url", [
    "http://[64:ff9b::7f00:1]/hook", "http://[2002:7f00:1::]/hook", "http://[::127.0.0.1]/hook",
    "http://[::ffff:127.0.0.1]/hook", "http://[::ffff:7f00:1]/hook", "https://[64:ff9b::a9fe:a9fe]/latest",
    "http://[64:ff9b:1:7f00:0:100::]/hook", "http://[::ffff:0:a9fe:a9fe]/hook", "http://[2002:a9fe:a9fe::]/",
    "http://2130706433/hook", "http://0x7f.1/hook", "http://0177.0.0.1/hook", "http://127.1/hook",
    "http://[fec0::1]/hook", "http://[ff02::1]/hook", "http://224.0.0.1/hook", "http://100.64.0.1/hook",
])
def test_embedded_and_odd_forms_of_private_addresses_are_refused_at_registration(make_user, url: str) -> None:
    _, key = make_user("ssrf6")
    assert_refused(register(key, url), "non-public address")
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["http://93.184.215.14:8080/hook", "https://93.184.215.14:22/hook",
                                 "http://[2606:4700:4700::1111]:6379/", "https://93.184.215.14:80443/"])
def test_ports_other_than_80_and_443_are_refused(make_user, url: str) -> None:
    _, key = make_user("ports")
    assert_refused(register(key, url), "port")
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.django_db
def test_public_addresses_on_80_and_443_register_and_allowed_ports_are_configurable(
        make_user, settings) -> None:
    _, key = make_user("okports")
    for url in ("http://93.184.215.14/hook", "https://93.184.215.14:443/hook", "http://[64:ff9b::5db8:d70e]/h"):
        assert register(key, url).status_code == 200, url
    settings.KINEMA_WEBHOOK_ALLOWED_PORTS = "443,8443"
    assert register(key, "https://93.184.215.14:8443/hook").status_code == 200
    assert_refused(register(key, "http://93.184.215.14/hook"), "use 443 or 8443")


@pytest.mark.django_db
def test_changing_the_url_to_a_private_address_is_refused(make_user) -> None:
    _, key = make_user("patcher")
    hook = register(key, "https://93.184.215.14/hook").json()["id"]
    resp = api(key).patch(f"/v1/webhooks/{hook}", {"url": "http://[64:ff9b::7f00:1]/x"},
                          content_type="application/json")
    assert_refused(resp, "non-public address")
    assert WebhookEndpoint.objects.get(pk=hook).url == "https://93.184.215.14/hook"


@pytest.mark.django_db
def test_a_stored_url_on_a_port_no_longer_allowed_is_refused_at_delivery_without_traffic(
        make_user, settings) -> None:
    """Registered while any port was allowed (private targets allowed): the delivery checks again."""
    target = Receiver()
    try:
        user, _ = make_user("portlater")
        settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
        endpoint = WebhookEndpoint.objects.create(user=user, url=target.url, events=["kinema.test"])
        event = webhooks.emit(user.pk, "kinema.test", {}, endpoints=[endpoint])
        settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = False
        settings.KINEMA_WEBHOOK_ALLOWED_PORTS = "*"  # the port alone would pass: the address is refused
        delivery = WebhookDelivery.objects.get(event=event)
        webhooks.deliver_webhook.fn(delivery.pk)
        delivery.refresh_from_db()
        assert delivery.status == "failed" and "non-public address" in delivery.last_error
        assert target.requests == []
    finally:
        target.close()


# --- what a failed delivery tells its owner -----------------------------------------------------

class SilentServer:
    """Accepts connections and then either says nothing (`mode="silent"`) or resets them (`"reset"`)."""

    def __init__(self, mode: str) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.mode = mode
        self.held: list[socket.socket] = []
        self.accepted = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            if self.mode == "reset":
                conn.recv(65536)
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST on close
                conn.close()
            else:
                self.held.append(conn)

    def close(self) -> None:
        self.sock.close()
        for conn in self.held:
            conn.close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens there once this socket is closed


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    server = SilentServer("silent")
    yield server
    server.close()


@pytest.fixture
def resetting() -> Iterator[SilentServer]:
    server = SilentServer("reset")
    yield server
    server.close()


@pytest.mark.django_db
def test_refused_reset_and_timed_out_connections_read_the_same_to_the_user(
        make_user, settings, silent, resetting) -> None:
    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
    settings.KINEMA_WEBHOOK_TIMEOUT_S = 1.0
    user, key = make_user("scanner")
    outcomes = {}
    for name, port in (("refused", closed_port()), ("reset", resetting.port), ("timeout", silent.port)):
        endpoint = WebhookEndpoint.objects.create(user=user, url=f"http://127.0.0.1:{port}/x", events=["kinema.test"])
        event = webhooks.emit(user.pk, "kinema.test", {}, endpoints=[endpoint])
        delivery = WebhookDelivery.objects.get(event=event)
        webhooks.deliver_webhook.fn(delivery.pk)
        shown = api(key).get(f"/v1/webhooks/{endpoint.id}/deliveries").json()["data"][0]
        assert shown["status"] == "pending" and shown["attempts"] == 1
        assert shown["last_status_code"] is None and shown["attempt_log"][0]["status_code"] is None
        outcomes[name] = (shown["last_error"], shown["attempt_log"][0]["error"],
                          WebhookAttempt.objects.get(delivery=delivery).outcome)
    assert resetting.accepted >= 1 and silent.accepted >= 1  # the connections really were made
    shown_errors = {(last, logged) for last, logged, _ in outcomes.values()}
    assert shown_errors == {(webhooks.NETWORK_FAILURE, webhooks.NETWORK_FAILURE)}, outcomes
    # The distinction is kept for operators only (admin, logs).
    assert outcomes["timeout"][2] == "deadline" and outcomes["refused"][2] == outcomes["reset"][2] == "network_error"


# --- caps ---------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_test_sends_are_capped_per_user_with_retry_after(make_user, settings) -> None:
    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
    settings.KINEMA_WEBHOOK_TEST_SENDS_PER_MINUTE = 3
    _, key = make_user("tester")
    _, other_key = make_user("tester2")
    hook = register(key, "http://127.0.0.1:9/a").json()["id"]
    other_hook = register(other_key, "http://127.0.0.1:9/b").json()["id"]
    for _ in range(3):
        assert api(key).post(f"/v1/webhooks/{hook}/test").status_code == 200
    limited = api(key).post(f"/v1/webhooks/{hook}/test")
    assert limited.status_code == 429, limited.json()
    error = limited.json()["error"]
    assert error["type"] == "rate_limit_error" and error["code"] == "rate_limit_exceeded" and "3 test sends" in \
        error["message"]
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert WebhookEvent.objects.filter(type="kinema.test", user__username="tester").count() == 3
    assert api(other_key).post(f"/v1/webhooks/{other_hook}/test").status_code == 200  # per user
    # Once the oldest send leaves the minute, one more is allowed.
    oldest = WebhookEvent.objects.filter(user__username="tester").order_by("created_at").first()
    assert oldest is not None
    WebhookEvent.objects.filter(pk=oldest.pk).update(created_at=oldest.created_at.replace(year=2000))
    assert api(key).post(f"/v1/webhooks/{hook}/test").status_code == 200


@pytest.mark.django_db
def test_beyond_the_pending_cap_new_deliveries_are_dropped_with_a_reason(make_user, settings) -> None:
    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
    settings.KINEMA_WEBHOOK_MAX_PENDING_PER_USER = 3
    user, key = make_user("backlog")
    other, _ = make_user("nobacklog")
    endpoints = [WebhookEndpoint.objects.create(user=user, url=f"http://127.0.0.1:9/{i}", events=["kinema.test"])
                 for i in range(2)]
    for _ in range(2):
        webhooks.emit(user.pk, "kinema.test", {}, endpoints=endpoints)  # 4 deliveries: the 4th is over the cap
    rows = list(WebhookDelivery.objects.filter(endpoint__user=user).order_by("pk"))
    assert [d.status for d in rows] == ["pending", "pending", "pending", "failed"]
    assert rows[3].attempts == 0 and rows[3].last_error.startswith("Dropped: 3 deliveries")
    shown = api(key).get(f"/v1/webhooks/{endpoints[1].id}/deliveries").json()["data"][0]
    assert shown["status"] == "failed" and "Dropped" in shown["last_error"]
    other_endpoint = WebhookEndpoint.objects.create(user=other, url="http://127.0.0.1:9/o", events=["kinema.test"])
    webhooks.emit(other.pk, "kinema.test", {}, endpoints=[other_endpoint])
    assert WebhookDelivery.objects.get(endpoint=other_endpoint).status == "pending"  # another user is unaffected


@pytest.mark.django_db
def test_disabling_an_endpoint_clears_its_backlog_from_the_cap_and_it_is_never_sent(make_user, settings) -> None:
    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
    settings.KINEMA_WEBHOOK_MAX_PENDING_PER_USER = 2
    target = Receiver()
    try:
        user, key = make_user("disabler")
        failing = WebhookEndpoint.objects.create(user=user, url=target.url + "failing", events=["kinema.test"])
        healthy = WebhookEndpoint.objects.create(user=user, url=target.url, events=["kinema.test"])
        for _ in range(2):
            webhooks.emit(user.pk, "kinema.test", {}, endpoints=[failing])
        assert webhooks.pending_count(user.pk) == 2  # the cap is reached
        assert api(key).patch(f"/v1/webhooks/{failing.id}", {"enabled": False},
                              content_type="application/json").status_code == 200
        assert webhooks.pending_count(user.pk) == 0  # the disabled endpoint's backlog no longer counts...
        event = webhooks.emit(user.pk, "kinema.test", {}, endpoints=[healthy])
        assert WebhookDelivery.objects.get(event=event).status == "pending"  # ...so new events are not dropped
        for delivery in WebhookDelivery.objects.filter(endpoint=failing):
            webhooks.deliver_webhook.fn(delivery.pk)
            delivery.refresh_from_db()
            assert delivery.status == "failed" and delivery.attempts == 0 and "disabled" in delivery.last_error
        assert target.requests == []  # and nothing was sent to it
    finally:
        target.close()


@pytest.mark.django_db
def test_one_users_attempts_in_flight_are_capped_and_others_go_ahead(make_user, settings) -> None:
    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
    settings.KINEMA_WEBHOOK_MAX_IN_FLIGHT_PER_USER = 2
    target = Receiver()
    try:
        busy, _ = make_user("busy")
        calm, _ = make_user("calm")
        busy_endpoint = WebhookEndpoint.objects.create(user=busy, url=target.url, events=["kinema.test"])
        calm_endpoint = WebhookEndpoint.objects.create(user=calm, url=target.url, events=["kinema.test"])
        for _ in range(3):
            webhooks.emit(busy.pk, "kinema.test", {}, endpoints=[busy_endpoint])
        first, second, third = WebhookDelivery.objects.filter(endpoint=busy_endpoint).order_by("pk")
        assert webhooks._claim(first.pk) and webhooks._claim(second.pk)  # two attempts in flight (never finished)
        webhooks.deliver_webhook.fn(third.pk)
        third.refresh_from_db()
        assert third.attempts == 0 and third.status == "pending" and third.next_attempt_at > third.created_at
        assert target.requests == []  # waits for its turn
        event = webhooks.emit(calm.pk, "kinema.test", {}, endpoints=[calm_endpoint])
        webhooks.deliver_webhook.fn(WebhookDelivery.objects.get(event=event).pk)
        assert WebhookDelivery.objects.get(event=event).status == "succeeded" and len(target.requests) == 1
    finally:
        target.close()


# --- an attempt is counted before it is made -----------------------------------------------------

@pytest.mark.django_db
def test_an_attempt_whose_worker_died_counts_and_is_not_resent_forever(make_user, settings) -> None:
    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
    settings.KINEMA_WEBHOOK_RETRY_WINDOW_S = 3600
    target = Receiver(fail_first=100)
    try:
        user, key = make_user("crashy")
        endpoint = WebhookEndpoint.objects.create(user=user, url=target.url, events=["kinema.test"])
        event = webhooks.emit(user.pk, "kinema.test", {}, endpoints=[endpoint])
        delivery = WebhookDelivery.objects.get(event=event)
        webhooks._claim(delivery.pk)  # committed; then the worker is killed before it sends or records anything
        delivery.refresh_from_db()
        assert delivery.attempts == 1
        (attempt,) = WebhookAttempt.objects.filter(delivery=delivery)
        assert attempt.outcome == "in_flight"
        # Neither a duplicate message nor the reconciler sends it again while it could still be in flight.
        webhooks.deliver_webhook.fn(delivery.pk)
        assert webhooks.resend_overdue(grace_s=0) == 0 and target.requests == []
        # After its reserved time it comes back as the next attempt; the dead one is recorded as interrupted.
        WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=delivery.created_at)
        assert webhooks.resend_overdue(grace_s=0) == 1
        webhooks.deliver_webhook.fn(delivery.pk)
        delivery.refresh_from_db()
        assert delivery.attempts == 2 and len(target.requests) == 1
        assert [a.outcome for a in delivery.attempt_log.all()] == ["interrupted", "http_error"]
        assert api(key).get(f"/v1/webhooks/{endpoint.id}/deliveries").json()["data"][0]["attempt_log"][0][
            "error"] == webhooks.INTERRUPTED
        # Killed again, and by its next turn the retry window has passed: it fails without traffic.
        WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=delivery.created_at)
        webhooks._claim(delivery.pk)
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            next_attempt_at=delivery.created_at, created_at=delivery.created_at.replace(year=2000))
        webhooks.deliver_webhook.fn(delivery.pk)
        delivery.refresh_from_db()
        assert delivery.status == "failed" and delivery.attempts == 3 and len(target.requests) == 1
        assert delivery.last_error == webhooks.INTERRUPTED
        assert webhooks.resend_overdue(grace_s=0) == 0  # never picked up again
    finally:
        target.close()


@pytest.mark.django_db
def test_a_dripping_receiver_is_cut_at_the_overall_deadline(make_user, settings) -> None:
    """httpx's timeout is per read: a byte every 0.3 s would never trip a 1 s read timeout."""
    from tests.test_webhook_isolation import DripReceiver

    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
    settings.KINEMA_WEBHOOK_TIMEOUT_S = 1.0
    drip = DripReceiver(interval_s=0.3)
    try:
        user, _ = make_user("drip")
        endpoint = WebhookEndpoint.objects.create(user=user, url=drip.url, events=["kinema.test"])
        event = webhooks.emit(user.pk, "kinema.test", {}, endpoints=[endpoint])
        delivery = WebhookDelivery.objects.get(event=event)
        started = time.monotonic()
        webhooks.deliver_webhook.fn(delivery.pk)
        took = time.monotonic() - started
        (attempt,) = delivery.attempt_log.all()
        assert attempt.outcome == "deadline" and attempt.error == webhooks.NETWORK_FAILURE
        assert drip.bytes_sent >= 2  # it was dripping, not silent
        assert took < 30  # a generous sanity bound: the whole answer would take far longer
    finally:
        drip.close()


# --- URLs no request can carry ------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize(("url", "fragment"), [
    ("https://8.8.8.8/\x01", "control character (U+0001)"), ("https://8.8.8.8/a\x7fb", "control character (U+007F)"),
    ("https://8.8.8.8/a\x85b", "control character (U+0085)"), ("https://8.8.8.8/a b", "whitespace (U+0020)"),
    ("https://8.8.8.8/a\tb", "control character (U+0009)"), ("https://8.8.8.8\n/h", "control character (U+000A)"),
    ("https://8.8.8.8/a\u2028b", "whitespace (U+2028)"), ("https://8.8.8.8/a\u3000b", "whitespace (U+3000)"),
    ("https://8.8.8.8:0/hook", "port 0"), ("http://[2606:4700:4700::1111]:0/", "port 0"),
])
def test_urls_with_characters_no_request_can_carry_or_port_0_are_refused_at_registration(
        make_user, url: str, fragment: str) -> None:
    """httpx refuses control characters (the delivery could never be sent), whitespace is not part of a URL, and
    port 0 is no port a server listens on (it was taken for the scheme's default)."""
    _, key = make_user("ctlchars")
    assert_refused(register(key, url), fragment)
    hook = register(key, "https://8.8.8.8/hook").json()["id"]
    assert_refused(api(key).patch(f"/v1/webhooks/{hook}", {"url": url}, content_type="application/json"), fragment)
    assert WebhookEndpoint.objects.get(pk=hook).url == "https://8.8.8.8/hook"


@pytest.mark.django_db
@pytest.mark.parametrize(("suffix", "char"), [("/\x01", "\x01"), ("/a b?\x7f", "\x7f"), ("?q=\x1f", "\x1f")])
def test_a_stored_url_no_request_can_carry_fails_its_attempt_with_a_readable_error(
        make_user, settings, suffix: str, char: str) -> None:
    """Stored before registration checked its characters: the worker records a failed attempt that says why (and
    stops: the URL will never be sendable), instead of escaping with httpx.InvalidURL at every try, which left
    the delivery pending with an attempt log of nulls."""
    target = Receiver()
    try:
        settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
        user, key = make_user("storedctl")
        url = target.url + suffix
        fragment = f"control character (U+{ord(char):04X}) at character {url.index(char) + 1}"  # not the space
        endpoint = WebhookEndpoint.objects.create(user=user, url=url, events=["kinema.test"])
        event = webhooks.emit(user.pk, "kinema.test", {}, endpoints=[endpoint])
        delivery = WebhookDelivery.objects.get(event=event)
        webhooks.deliver_webhook.fn(delivery.pk)
        shown = api(key).get(f"/v1/webhooks/{endpoint.id}/deliveries").json()["data"][0]
        assert shown["status"] == "failed" and shown["attempts"] == 1, shown
        (logged,) = shown["attempt_log"]
        assert logged["status_code"] is None and fragment in logged["error"] and fragment in shown["last_error"]
        assert WebhookAttempt.objects.get(delivery=delivery).outcome == "refused"
        assert target.requests == []  # nothing was sent

        # Registration refuses whitespace now; an endpoint stored with some before keeps working (httpx sends it
        # percent-encoded): the worker refuses only what cannot be sent.
        endpoint.url = target.url + "/a b"
        endpoint.save()
        event = webhooks.emit(user.pk, "kinema.test", {}, endpoints=[endpoint])
        webhooks.deliver_webhook.fn(WebhookDelivery.objects.get(event=event).pk)
        assert WebhookDelivery.objects.get(event=event).status == "succeeded"
        assert [status for _, _, status in target.requests] == [204]
    finally:
        target.close()


@pytest.mark.django_db
def test_a_host_name_outside_ascii_is_delivered_with_its_idna_name_in_host(make_user, settings, monkeypatch) -> None:
    """A header is ASCII: the Host header carries the name's IDNA form (as it was resolved), not the raw name (an
    httpx UnicodeEncodeError that failed every attempt). The name resolves to the receiver through a stub of
    the resolver (there is no DNS here)."""
    target = Receiver()
    try:
        settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True
        real = socket.getaddrinfo

        def stub(host, *args, **kwargs):
            return real("127.0.0.1" if host == "bücher.example" else host, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", stub)
        user, _ = make_user("idna")
        url = target.url.replace("127.0.0.1", "bücher.example")
        endpoint = WebhookEndpoint.objects.create(user=user, url=url, events=["kinema.test"])
        event = webhooks.emit(user.pk, "kinema.test", {}, endpoints=[endpoint])
        delivery = WebhookDelivery.objects.get(event=event)
        webhooks.deliver_webhook.fn(delivery.pk)
        delivery.refresh_from_db()
        assert delivery.status == "succeeded", (delivery.last_error, WebhookAttempt.objects.filter(
            delivery=delivery).values_list("outcome", "error"))
        ((headers, _, _),) = target.requests
        assert headers["host"] == f"xn--bcher-kva.example:{target.server.server_port}"
    finally:
        target.close()
