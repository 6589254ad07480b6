"""Webhooks: signed (Standard Webhooks), at-least-once, retried with backoff for up to a day.

- `emit` runs inside the transaction of the transition it reports: it creates the event (a stable
  id per job and type) and one delivery per subscribed endpoint, and queues each delivery through
  the outbox. Nothing here makes a request in a web or GPU process. A user with
  KINEMA_WEBHOOK_MAX_PENDING_PER_USER deliveries already pending gets new ones recorded as failed
  ("dropped") instead: a receiver that never answers cannot grow an unbounded backlog.
- `deliver_webhook` runs only in the webhook worker (`manage.py webhook_worker`, queue `webhooks`),
  never beside screening and finalize, so no receiver can hold their threads. One attempt is:
  1. claim (short transaction): count the attempt and commit an `in_flight` attempt row and the time
     of the next try BEFORE any traffic, so an attempt whose worker is killed still counts toward the
     backoff and the retry window (the reconciler re-sends it later; it is never resent forever);
     at most KINEMA_WEBHOOK_MAX_IN_FLIGHT_PER_USER attempts of one user run at once (others wait);
  2. send (no transaction held): resolve, refuse non-public addresses and ports, POST to the checked
     address, all under ONE overall deadline of KINEMA_WEBHOOK_TIMEOUT_S (a receiver that drips its
     answer a byte at a time is cut there; httpx's own timeouts are per read);
  3. finish: record the outcome and schedule the next try, or give up once the window has passed.
- What users see of a failed attempt never tells refused, reset and timed-out connections apart
  (one generic message), so deliveries cannot be used to map which ports of a host are open; the
  details go to the server log and the attempt's `outcome` (admin).
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import math
import random
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import SplitResult, urlsplit

import dramatiq
import httpx
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from standardwebhooks import Webhook

from jobs import outbox
from jobs.api.validation import url_flaw
from jobs.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent
from webapp import metrics
from webapp.broker import DELIVER_WEBHOOK, WEBHOOK_QUEUE, broker  # noqa: F401 - configures Dramatiq

log = logging.getLogger(__name__)

EVENT_TYPES = {
    "video.completed": "A video finished and can be downloaded.",
    "video.failed": "A video failed, was blocked by the content policy or was cancelled.",
    "kinema.video.in_review": "A video is held for human review before it is published.",
    "video.removed": "A published video was taken down (content policy); its content answers 404 video_removed.",
    "kinema.video.restored": "A video that was taken down is delivered again.",
    "kinema.test": "A test event sent on request (POST /v1/webhooks/{id}/test).",
}
# Seconds after the previous attempt: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, then every 12 h.
BACKOFF_S = [5, 30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600]
# What a user sees of any network failure (refused, reset, timed out, TLS, the overall deadline): one
# message, so that the attempt log cannot tell an open port from a closed or filtered one.
NETWORK_FAILURE = "Could not deliver: no complete HTTP response from the endpoint (network failure or timeout)."
INTERRUPTED = "The attempt did not finish (the delivery worker stopped); it counts as a failed attempt."
GAVE_UP = "Gave up: the retry window passed without a successful delivery."
ENDPOINT_DISABLED = "Not sent: the endpoint was disabled."
# Registration resolves the URL's host in a web request: at most this long.
REGISTRATION_DNS_TIMEOUT_S = 3.0
# Margin over the deadline after which an attempt still marked in flight is taken to be dead.
IN_FLIGHT_MARGIN_S = 30
# Advisory-lock namespaces (high 32 bits of the key; the low ones are the user id) for per-user serialisation.
_USER_LOCK = 0x6B77_6801
_TEST_SEND_LOCK = 0x6B77_6802
_PER_REQUEST_LOCK = 0x6B77_6803


class UnsafeDestination(ValueError):
    """The URL's host is not a public internet address (or does not resolve), its port is not allowed, or the URL
    is not one a delivery can be sent to (scheme, credentials, characters)."""


# --- where deliveries may go ------------------------------------------------------------------

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052 well-known prefix: IPv4 in the low 32 bits
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")  # RFC 8215 local-use: IPv4 in bits 48-63 and 72-87
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # deprecated ::a.b.c.d (includes :: and ::1)
_IPV4_TRANSLATED = ipaddress.IPv6Network("::ffff:0:0:0/96")  # SIIT (RFC 6145) ::ffff:0:a.b.c.d
_TEREDO = ipaddress.IPv6Network("2001::/32")
# Not publicly routable, though Python's is_global lets them through (on 3.11 at least).
_ALSO_NON_PUBLIC = [ipaddress.ip_network(n) for n in (
    "192.0.0.0/24",  # IETF protocol assignments
    "192.88.99.0/24",  # 6to4 relay anycast (deprecated)
    "fec0::/10",  # site-local (deprecated, still routed inside some sites)
    "3fff::/20",  # documentation (RFC 9637)
    "5f00::/16",  # SRv6 segment identifiers
    "64:ff9b::/32",  # the rest of the NAT64 block (its two defined prefixes are judged by their IPv4 above)
)]


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, compatible, translated, NAT64, 6to4, Teredo
    client), or None."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _IPV4_COMPATIBLE or ip in _NAT64 or ip in _IPV4_TRANSLATED:
        return ipaddress.IPv4Address(int(ip) & 0xFFFF_FFFF)
    if ip in _NAT64_LOCAL:
        packed = ip.packed
        return ipaddress.IPv4Address(packed[6:8] + packed[9:11])  # byte 8 is RFC 6052's reserved u-octet
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def non_public_reason(address: str) -> str | None:
    """Why `address` (as getaddrinfo returns it) is no place to deliver to, or None when it is public.
    An IPv6 address that embeds an IPv4 one is judged by that IPv4 address; Teredo is never allowed
    (the far end is a tunnel client we cannot vouch for)."""
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _TEREDO:
            return f"{ip} is a Teredo tunnel address"
        if ip.is_loopback or ip.is_unspecified:  # ::1 and :: sit in the old IPv4-compatible range; say what they are
            return f"{ip} is {'the loopback' if ip.is_loopback else 'the unspecified'} address"
        embedded = embedded_ipv4(ip)
        if embedded is not None:
            reason = non_public_reason(str(embedded))
            return f"{ip} embeds {reason}" if reason else None
    if ip.is_multicast:
        return f"{ip} is a multicast address"
    if not ip.is_global or any(ip.version == net.version and ip in net for net in _ALSO_NON_PUBLIC):
        return f"{ip} is not a public internet address"
    return None


def allowed_ports() -> set[int] | None:
    """None when any port is allowed (KINEMA_WEBHOOK_ALLOWED_PORTS="*", or private targets allowed)."""
    raw = settings.KINEMA_WEBHOOK_ALLOWED_PORTS.strip()
    if raw == "*" or settings.KINEMA_WEBHOOK_ALLOW_PRIVATE:
        return None
    return {int(p) for p in raw.split(",") if p.strip()}


def validate_url(url: str) -> None:
    """Registration-time check (the delivery checks again after resolving, every time)."""
    flaw = url_flaw(url)
    if flaw:
        raise UnsafeDestination(f"The webhook URL contains {flaw}.")
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise UnsafeDestination("The webhook URL must be an absolute http(s) URL.")
    if parts.username or parts.password:
        raise UnsafeDestination("The webhook URL must not carry credentials.")
    port = _port(parts)
    if parts.port == 0:  # refused from now on; endpoints stored with it before still deliver (to the default)
        raise UnsafeDestination("The webhook URL's port 0 is not a port a server can listen on; give one between "
                                "1 and 65535, or none for the scheme's default.")
    # In a web thread: the lookup gets a deadline (a resolver that never answers must not hold it).
    lookup = _RESOLVER.submit(resolve_public, parts.hostname, port)
    try:
        lookup.result(timeout=REGISTRATION_DNS_TIMEOUT_S)
    except FutureTimeout:
        raise UnsafeDestination(f"The webhook host '{parts.hostname}' did not resolve in time.") from None
    check_port(port)


def checked_url(value: object, param: str) -> str:
    """A webhook URL from a request (`param` names it in the error), checked as at registration: an
    APIError 400 in the OpenAI shape when it is not a public http(s) URL on an allowed port."""
    from jobs.api.errors import invalid

    if not isinstance(value, str) or not value.strip() or len(value) > 2000:
        raise invalid(f"'{param}' must be an http(s) URL of at most 2000 characters.", param)
    try:
        validate_url(value.strip())
    except UnsafeDestination as exc:
        raise invalid(str(exc), param, "invalid_url") from None
    except (ValueError, UnicodeError):  # urlsplit: a bad port or IPv6 literal; getaddrinfo: a label IDNA refuses
        raise invalid(f"'{param}' is not a valid http(s) URL (check the host name and port).", param,
                      "invalid_url") from None
    return value.strip()


def _port(parts: SplitResult) -> int:
    """The port a URL's request goes to: its own, or its scheme's default (also for port 0, which registration
    refuses: endpoints stored with it before were delivered to the default, and still are)."""
    try:
        port = parts.port
    except ValueError:
        raise UnsafeDestination("The webhook URL's port is not a number between 1 and 65535.") from None
    return port or (443 if parts.scheme == "https" else 80)


@dataclass(frozen=True)
class PinnedTarget:
    """Where a request to a checked URL goes: `url` carries the address that passed the check in place of the
    name (no second resolution: DNS rebinding); `host` (the Host header) and `sni` (TLS server name, so the
    certificate check) carry the name, in its IDNA form when it is not ASCII (headers are ASCII: httpx refuses
    anything else, which was a server error for image URLs and a crash of every delivery for webhooks)."""

    url: str
    host: str
    sni: str


def pinned_target(parts: SplitResult, ip: str) -> PinnedTarget:
    name = parts.hostname or ""
    sni = name if name.isascii() else name.encode("idna").decode("ascii")  # resolved already: it has one
    netloc = f"[{ip}]" if ":" in ip else ip
    host = f"[{sni}]" if ":" in sni else sni  # an IPv6 literal keeps its brackets
    if parts.port:
        netloc += f":{parts.port}"
        host += f":{parts.port}"
    return PinnedTarget(parts._replace(netloc=netloc).geturl(), host, sni)


def check_port(port: int) -> None:
    ports = allowed_ports()
    if ports is not None and port not in ports:
        raise UnsafeDestination(f"The webhook URL's port {port} is not allowed; use "
                                f"{' or '.join(str(p) for p in sorted(ports))}.")


def resolve_public(host: str, port: int) -> list[str]:
    """The host's addresses, all public, or UnsafeDestination. For a name (not an address literal) the
    message is the same whether it does not resolve or resolves to a private address, and never shows
    the address: registration must not become a way to look up internal names."""
    literal = _is_address_literal(host)
    unusable = (f"The webhook host '{host}' does not resolve to public internet addresses (it does not resolve, "
                "or resolves to a non-public address); deliveries go to public internet addresses only.")
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeDestination(unusable) from exc
    addresses = sorted({str(info[4][0]) for info in infos})
    if settings.KINEMA_WEBHOOK_ALLOW_PRIVATE:
        return addresses
    for address in addresses:
        reason = non_public_reason(address)
        if reason:
            raise UnsafeDestination(f"The webhook host '{host}' is a non-public address ({reason}); deliveries go "
                                    "to public internet addresses only." if literal else unusable)
    return addresses


def _is_address_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return False
    return True


# --- events and deliveries --------------------------------------------------------------------

def subscribed(user_id: int, event_type: str) -> list[WebhookEndpoint]:
    return [e for e in WebhookEndpoint.objects.filter(user_id=user_id, enabled=True) if event_type in e.events]


# A per-request webhook (`webhook_url` on POST /v1/videos) is delivered through an endpoint row of its own
# with no events (so no account event ever goes there; the API never registers one without events),
# signed with the user's per-request signing secret. It is not one of the user's registered endpoints.
PER_REQUEST_DESCRIPTION = "per-request webhook (webhook_url on POST /v1/videos)"


def account_endpoints(user_id: int) -> QuerySet[WebhookEndpoint]:
    """The endpoints the user registered (what /v1/webhooks lists and caps), without per-request ones."""
    return WebhookEndpoint.objects.filter(user_id=user_id).exclude(events=[])


def per_request_endpoint(user_id: int, url: str) -> WebhookEndpoint:
    """The endpoint row that carries deliveries to `url` for this user, signed with their current secret:
    one row per (user, url), reused. Call it in a transaction (the transition's): it holds the user's
    per-request lock until the end, so two videos ending at once share one row, and the prune
    (`prune_per_request_endpoints`) never deletes a row a delivery is being added to."""
    from accounts.models import User

    _lock_user(user_id, _PER_REQUEST_LOCK)
    secret = User.objects.get(pk=user_id).signing_secret()
    endpoint = WebhookEndpoint.objects.filter(user_id=user_id, url=url, events=[]).order_by("created_at").first()
    if endpoint is None:
        return WebhookEndpoint.objects.create(user_id=user_id, url=url, events=[], secret=secret,
                                              description=PER_REQUEST_DESCRIPTION)
    if endpoint.secret != secret or not endpoint.enabled:
        endpoint.secret, endpoint.enabled = secret, True  # rotated since: sign with the current one
        endpoint.save(update_fields=["secret", "enabled", "updated_at"])
    return endpoint


def prune_per_request_endpoints(now: datetime, limit: int = 1000) -> int:
    """Delete per-request endpoint rows that no delivery has used for KINEMA_PER_REQUEST_WEBHOOK_TTL_S (their
    deliveries and attempt logs go with them; the next video naming the URL makes a new row): a row per URL
    a user ever named must not pile up for good. Returns how many were deleted (at most `limit`)."""
    cutoff = now - timedelta(seconds=settings.KINEMA_PER_REQUEST_WEBHOOK_TTL_S)
    used = WebhookDelivery.objects.filter(endpoint=OuterRef("pk")).filter(
        Q(created_at__gte=cutoff) | Q(status=WebhookDelivery.Status.PENDING))
    unused = WebhookEndpoint.objects.filter(events=[], created_at__lt=cutoff).exclude(Exists(used))
    by_user: dict[int, list[str]] = {}
    for pk, user_id in unused.order_by("created_at").values_list("pk", "user_id")[:limit]:
        by_user.setdefault(user_id, []).append(pk)
    deleted = 0
    for user_id, ids in by_user.items():
        with transaction.atomic():
            _lock_user(user_id, _PER_REQUEST_LOCK)  # no transition is adding a delivery to these meanwhile
            doomed = list(unused.filter(pk__in=ids).values_list("pk", flat=True))  # checked again under the lock
            WebhookEndpoint.objects.filter(pk__in=doomed).delete()
            deleted += len(doomed)
    return deleted


def prune_events(now: datetime, limit: int = 1000) -> int:
    """Delete webhook events made more than KINEMA_WEBHOOK_EVENT_TTL_S ago (0 keeps them) with their deliveries and
    attempt logs, unless a delivery is still pending (it is retried for a day at most, then fails). A job's event of
    a type is made once while it is kept (`emit`); once pruned, an event that can recur (`video.removed` after a
    restore) is made and sent afresh. Returns how many events were deleted (at most `limit`)."""
    if not settings.KINEMA_WEBHOOK_EVENT_TTL_S:
        return 0
    cutoff = now - timedelta(seconds=settings.KINEMA_WEBHOOK_EVENT_TTL_S)
    pending = WebhookDelivery.objects.filter(event=OuterRef("pk"), status=WebhookDelivery.Status.PENDING)
    old = WebhookEvent.objects.filter(created_at__lt=cutoff).exclude(Exists(pending))
    ids = list(old.order_by("created_at").values_list("pk", flat=True)[:limit])
    if not ids:
        return 0
    with transaction.atomic():  # the event and everything hanging off it, or nothing
        return old.filter(pk__in=ids).delete()[1].get(WebhookEvent._meta.label, 0)


def pending_count(user_id: int) -> int:
    """Pending deliveries to the user's enabled endpoints (a disabled endpoint's backlog is never sent)."""
    return WebhookDelivery.objects.filter(endpoint__user_id=user_id, endpoint__enabled=True,
                                          status=WebhookDelivery.Status.PENDING).count()


def emit(user_id: int, event_type: str, data: dict[str, Any], *, job_id: str | None = None,
         endpoints: list[WebhookEndpoint] | None = None) -> WebhookEvent | None:
    """Create the event and its deliveries in the current transaction. Idempotent per (job, type).
    `endpoints` (default: the user's subscribed ones) may name endpoints directly (test events).
    Beyond KINEMA_WEBHOOK_MAX_PENDING_PER_USER pending deliveries (about: concurrent emits may
    overshoot by a few) a delivery is recorded as failed with the reason, and never sent."""
    if endpoints is None:
        endpoints = subscribed(user_id, event_type)
    if not endpoints:
        return None
    if job_id is not None:
        existing = WebhookEvent.objects.filter(job_id=job_id, type=event_type).first()
        if existing is not None:
            return existing
    event = WebhookEvent(user_id=user_id, job_id=job_id, type=event_type)
    event.payload = {"id": event.id, "object": "event", "type": event_type,
                     "created_at": int(event.created_at.timestamp()), "data": data}
    event.save(force_insert=True)
    cap = settings.KINEMA_WEBHOOK_MAX_PENDING_PER_USER
    pending = pending_count(user_id)
    for endpoint in endpoints:
        if pending >= cap:
            WebhookDelivery.objects.create(
                event=event, endpoint=endpoint, status=WebhookDelivery.Status.FAILED,
                last_error=f"Dropped: {pending} deliveries to your endpoints were already pending (the limit is "
                           f"{cap}); fix or disable the failing endpoint.")
            metrics.inc("kinema_webhook_deliveries", outcome="dropped")
            log.warning("webhook delivery of %s to %s dropped: %s pending for user %s", event.id, endpoint.id,
                        pending, user_id)
            continue
        delivery = WebhookDelivery.objects.create(event=event, endpoint=endpoint)
        outbox.enqueue(WEBHOOK_QUEUE, DELIVER_WEBHOOK, delivery.pk)
        pending += 1
    return event


def emit_for_job(job_id: str, user_id: int, state: str) -> None:
    from jobs.models import Job
    from jobs.selectors import PUBLIC_STATUS

    event_type = {"succeeded": "video.completed", "in_review": "kinema.video.in_review"}.get(state, "video.failed")
    # Every finished job comes here, and most users have no endpoint: one query answers both questions (is an
    # endpoint subscribed? did the request name its own URL?) and reads what the payload needs.
    hears = Exists(WebhookEndpoint.objects.filter(user_id=user_id, enabled=True, events__contains=[event_type]))
    job = (Job.objects.filter(pk=job_id).annotate(subscribed=hears)
           .values("state", "error_code", "error_message", "webhook_url", "subscribed").get())
    own_url = job["webhook_url"] if event_type != "kinema.video.in_review" else ""  # hears how it ended only
    if not job["subscribed"] and not own_url:
        return
    endpoints = subscribed(user_id, event_type) if job["subscribed"] else []
    if own_url:
        endpoints.append(per_request_endpoint(user_id, own_url))
    data: dict[str, Any] = {"id": job_id, "object": "video", "status": PUBLIC_STATUS[job["state"]]}
    if job["error_code"]:
        data["error"] = {"code": job["error_code"], "message": job["error_message"]}
    emit(user_id, event_type, data, job_id=job_id, endpoints=endpoints)


def _lock_user(user_id: int, namespace: int = _USER_LOCK) -> None:
    """Serialise one user's webhook bookkeeping until the end of the current transaction."""
    with connection.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s::bigint)", [(namespace << 32) | (user_id & 0xFFFF_FFFF)])


def test_send_retry_after(user_id: int) -> int | None:
    """Seconds until this user may send another test event, or None if they may now (call in a
    transaction; it holds the user's lock so concurrent test sends are counted one after another)."""
    _lock_user(user_id, _TEST_SEND_LOCK)
    limit = settings.KINEMA_WEBHOOK_TEST_SENDS_PER_MINUTE
    since = timezone.now() - timedelta(seconds=60)
    recent = list(WebhookEvent.objects.filter(user_id=user_id, type="kinema.test", created_at__gt=since)
                  .order_by("-created_at").values_list("created_at", flat=True)[:limit])
    if len(recent) < limit:
        return None
    frees_at = recent[-1] + timedelta(seconds=60)  # the oldest of the last `limit` leaves the window
    return max(1, math.ceil((frees_at - timezone.now()).total_seconds()))


# --- delivery ---------------------------------------------------------------------------------

def _deadline_s() -> float:
    return float(settings.KINEMA_WEBHOOK_TIMEOUT_S)


def _next_attempt(attempts: int, now: datetime) -> datetime:
    delay = BACKOFF_S[min(attempts - 1, len(BACKOFF_S) - 1)] * settings.KINEMA_WEBHOOK_BACKOFF_SCALE
    return now + timedelta(seconds=delay)


def _send_later(delivery_id: int, at: datetime) -> None:
    delay_ms = max(0, int((at - timezone.now()).total_seconds() * 1000))
    transaction.on_commit(lambda: deliver_webhook.send_with_options(args=(delivery_id,), delay=delay_ms))


@dramatiq.actor(actor_name=DELIVER_WEBHOOK, queue_name=WEBHOOK_QUEUE, max_retries=3, min_backoff=1000,
                # Never reached in normal operation (the attempt's own deadline comes first); if it is,
                # the attempt is already counted and the reconciler resends it after its backoff.
                time_limit=int((settings.KINEMA_WEBHOOK_TIMEOUT_S + IN_FLIGHT_MARGIN_S) * 1000))
def deliver_webhook(delivery_id: int) -> None:
    claimed = _claim(delivery_id)
    if claimed is None:
        return
    delivery, attempt = claimed
    result = _send(delivery)
    _finish(delivery, attempt, result)


def _close_interrupted(delivery: WebhookDelivery) -> None:
    """An earlier attempt whose worker died (it counted when it started) is recorded as interrupted."""
    if WebhookAttempt.objects.filter(delivery=delivery, outcome=WebhookAttempt.Outcome.IN_FLIGHT).update(
            outcome=WebhookAttempt.Outcome.INTERRUPTED, error=INTERRUPTED):
        delivery.last_status_code, delivery.last_error = None, INTERRUPTED
        delivery.save(update_fields=["last_status_code", "last_error"])


def _claim(delivery_id: int) -> tuple[WebhookDelivery, WebhookAttempt] | None:
    """Count the attempt and commit it as in flight, or return None when there is nothing to send now."""
    with transaction.atomic():
        delivery = (WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
                    .select_related("event", "endpoint")
                    .filter(pk=delivery_id, status=WebhookDelivery.Status.PENDING).first())
        if delivery is None:
            return None  # delivered, given up, or being claimed by another worker right now
        now = timezone.now()
        if delivery.next_attempt_at > now + timedelta(seconds=1):
            return None  # an early duplicate, or an attempt in flight; the scheduled message comes back later
        _close_interrupted(delivery)
        if not delivery.endpoint.enabled:
            # The owner turned the endpoint off (the advice when it keeps failing): its backlog is not sent.
            delivery.status, delivery.last_error = WebhookDelivery.Status.FAILED, ENDPOINT_DISABLED
            delivery.save(update_fields=["status", "last_error"])
            return None
        if now - delivery.created_at > timedelta(seconds=settings.KINEMA_WEBHOOK_RETRY_WINDOW_S):
            delivery.status = WebhookDelivery.Status.FAILED
            delivery.last_error = delivery.last_error or GAVE_UP
            delivery.save(update_fields=["status", "last_error"])
            return None
        user_id = delivery.endpoint.user_id
        _lock_user(user_id)
        busy = WebhookAttempt.objects.filter(
            outcome=WebhookAttempt.Outcome.IN_FLIGHT, delivery__endpoint__user_id=user_id,
            at__gt=now - timedelta(seconds=_deadline_s() + IN_FLIGHT_MARGIN_S)).count()
        if busy >= settings.KINEMA_WEBHOOK_MAX_IN_FLIGHT_PER_USER:
            # This user's endpoints already occupy their share of the webhook worker: wait for it.
            # (Spread over one to two deadlines, so a backlog does not come back all at once.)
            delivery.next_attempt_at = now + timedelta(seconds=max(1.0, _deadline_s()) * random.uniform(1, 2))
            delivery.save(update_fields=["next_attempt_at"])
            _send_later(delivery.pk, delivery.next_attempt_at)
            return None
        delivery.attempts += 1
        # If this worker dies mid-attempt the reconciler resends only after this (and the attempt counted).
        delivery.next_attempt_at = max(_next_attempt(delivery.attempts, now),
                                       now + timedelta(seconds=_deadline_s() + IN_FLIGHT_MARGIN_S))
        delivery.save(update_fields=["attempts", "next_attempt_at"])
        attempt = WebhookAttempt.objects.create(delivery=delivery, outcome=WebhookAttempt.Outcome.IN_FLIGHT)
    return delivery, attempt


@dataclass(frozen=True)
class SendResult:
    outcome: str
    status_code: int | None
    error: str  # what the user sees
    duration_ms: int


def _finish(delivery: WebhookDelivery, attempt: WebhookAttempt, result: SendResult) -> None:
    metrics.inc("kinema_webhook_deliveries", outcome=result.outcome)
    with transaction.atomic():
        recorded = WebhookAttempt.objects.filter(pk=attempt.pk, outcome=WebhookAttempt.Outcome.IN_FLIGHT).update(
            outcome=result.outcome, status_code=result.status_code, error=result.error[:300],
            duration_ms=result.duration_ms)
        current = (WebhookDelivery.objects.select_for_update()
                   .filter(pk=delivery.pk, status=WebhookDelivery.Status.PENDING, attempts=delivery.attempts).first())
        if not recorded or current is None:
            return  # taken for dead and superseded meanwhile (only possible past the actor's time limit)
        current.last_status_code, current.last_error = result.status_code, result.error[:300]
        if result.outcome == WebhookAttempt.Outcome.OK:
            current.status, current.delivered_at = WebhookDelivery.Status.SUCCEEDED, timezone.now()
        else:
            nxt = _next_attempt(current.attempts, timezone.now())
            window = timedelta(seconds=settings.KINEMA_WEBHOOK_RETRY_WINDOW_S)
            if nxt - current.created_at > window or result.outcome == WebhookAttempt.Outcome.REFUSED:
                current.status = WebhookDelivery.Status.FAILED
            else:
                current.next_attempt_at = nxt
                _send_later(current.pk, nxt)
        current.save()


# Name resolution runs here, so the overall deadline can abandon a hung lookup (asyncio's default
# executor would be waited for when the event loop closes).
_RESOLVER = ThreadPoolExecutor(max_workers=8, thread_name_prefix="webhook-dns")


def _send(delivery: WebhookDelivery) -> SendResult:
    endpoint, event = delivery.endpoint, delivery.event
    started = time.monotonic()

    def elapsed_ms() -> int:
        return int(1000 * (time.monotonic() - started))

    try:
        status_code = asyncio.run(_post(endpoint, event, _deadline_s()))
    except UnsafeDestination as exc:
        log.warning("webhook delivery %s refused: %s", delivery.pk, exc)
        return SendResult(WebhookAttempt.Outcome.REFUSED, None, f"refused: {exc}", elapsed_ms())
    except (httpx.InvalidURL, UnicodeError) as exc:
        # A URL stored before registration checked its characters, or one httpx reads more strictly: it can never
        # be sent, so the attempt fails for good and says why (it escaped the worker at every try before).
        log.warning("webhook delivery %s: the URL cannot be sent: %s: %s", delivery.pk, type(exc).__name__, exc)
        flaw = url_flaw(endpoint.url, whitespace=False)
        reason = (f"The webhook URL contains {flaw}." if flaw else
                  f"The webhook URL cannot be sent ({exc}); change it to a valid http(s) URL.")
        return SendResult(WebhookAttempt.Outcome.REFUSED, None, f"refused: {reason}", elapsed_ms())
    except (TimeoutError, httpx.TimeoutException) as exc:
        log.warning("webhook delivery %s to %s: no complete answer within the %.3g s deadline (%s)", delivery.pk,
                    endpoint.url, _deadline_s(), type(exc).__name__)
        return SendResult(WebhookAttempt.Outcome.DEADLINE, None, NETWORK_FAILURE, elapsed_ms())
    except (httpx.HTTPError, OSError) as exc:
        log.warning("webhook delivery %s to %s failed: %s: %s", delivery.pk, endpoint.url, type(exc).__name__, exc)
        return SendResult(WebhookAttempt.Outcome.NETWORK_ERROR, None, NETWORK_FAILURE, elapsed_ms())
    if 200 <= status_code < 300:
        return SendResult(WebhookAttempt.Outcome.OK, status_code, "", elapsed_ms())
    return SendResult(WebhookAttempt.Outcome.HTTP_ERROR, status_code, f"HTTP {status_code}", elapsed_ms())


async def _post(endpoint: WebhookEndpoint, event: WebhookEvent, deadline_s: float) -> int:
    """Resolve, check and POST within one overall deadline; the status code once the answer's head is in
    (the body is never read: a receiver cannot hold the attempt by streaming it)."""
    parts = urlsplit(endpoint.url)
    host = parts.hostname or ""
    async with asyncio.timeout(deadline_s):
        loop = asyncio.get_running_loop()
        port = _port(parts)
        addresses = await loop.run_in_executor(_RESOLVER, resolve_public, host, port)
        check_port(port)
        target = pinned_target(parts, addresses[0])
        body = json.dumps(event.payload, separators=(",", ":"))
        sent_at = datetime.now(tz=timezone.get_current_timezone())
        signature = Webhook(endpoint.secret).sign(event.id, sent_at, body)
        headers = {"content-type": "application/json", "user-agent": "Kinema-Webhooks/1.0", "webhook-id": event.id,
                   "webhook-timestamp": str(int(sent_at.timestamp())), "webhook-signature": signature,
                   "host": target.host}
        # trust_env=False: no proxy from the environment (it would bypass the pinned, checked address).
        async with httpx.AsyncClient(timeout=deadline_s, follow_redirects=False, trust_env=False) as client:
            async with client.stream("POST", target.url, content=body, headers=headers,
                                     extensions={"sni_hostname": target.sni}) as resp:
                return resp.status_code


def resend_overdue(grace_s: float = 30.0, limit: int = 200) -> int:
    """Reconciler: pending deliveries whose scheduled message was lost (Redis wiped, worker killed).
    An attempt that was in flight when its worker died was counted at its start and pushed
    next_attempt_at past its deadline, so it comes back here only after that, as the next attempt."""
    cutoff = timezone.now() - timedelta(seconds=grace_s)
    ids = list(WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING, next_attempt_at__lt=cutoff)
               .values_list("pk", flat=True)[:limit])
    for pk in ids:
        deliver_webhook.send(pk)
    return len(ids)
