"""Webhooks: signed (Standard Webhooks), at-least-once, retried with backoff for up to a day.

- `emit` runs inside the transaction of the transition it reports: it creates the event (a stable
  id per job and type) and one delivery per subscribed endpoint, and queues each delivery through
  the outbox. Nothing here makes a request in a web or GPU process.
- `deliver_webhook` (CPU worker, queue `webhooks`) resolves the host, refuses private, loopback,
  link-local and other non-public addresses (unless KINEMA_WEBHOOK_ALLOW_PRIVATE), POSTs the signed
  payload with a timeout and records the attempt. A failure schedules the next attempt (delayed
  message; the reconciler re-sends any lost one) until the retry window has passed.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import socket
import time
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import SplitResult, urlsplit

import dramatiq
import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from standardwebhooks import Webhook

from jobs import metrics, outbox
from jobs.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent
from webapp.broker import DELIVER_WEBHOOK, WEBHOOK_QUEUE, broker  # noqa: F401 - configures Dramatiq

log = logging.getLogger(__name__)

EVENT_TYPES = {
    "video.completed": "A video finished and can be downloaded.",
    "video.failed": "A video failed, was blocked by the content policy or was cancelled.",
    "kinema.video.in_review": "A video is held for human review before it is published.",
    "kinema.test": "A test event sent on request (POST /v1/webhooks/{id}/test).",
}
# Seconds after the previous attempt: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, then every 12 h.
BACKOFF_S = [5, 30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600]


class UnsafeDestination(ValueError):
    """The URL's host is not a public internet address (or does not resolve)."""


def validate_url(url: str) -> None:
    """Registration-time check (the delivery checks again after resolving, every time)."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise UnsafeDestination("The webhook URL must be an absolute http(s) URL.")
    if parts.username or parts.password:
        raise UnsafeDestination("The webhook URL must not carry credentials.")
    resolve_public(parts.hostname, _port(parts))


def _port(parts: SplitResult) -> int:
    return parts.port or (443 if parts.scheme == "https" else 80)


def resolve_public(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise UnsafeDestination(f"The webhook host '{host}' does not resolve.") from exc
    addresses = sorted({info[4][0] for info in infos})
    if settings.KINEMA_WEBHOOK_ALLOW_PRIVATE:
        return addresses
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global or ip.is_multicast:
            raise UnsafeDestination(f"The webhook host '{host}' resolves to a non-public address ({ip}); "
                                    "deliveries go to public internet addresses only.")
    return addresses


def subscribed(user_id: int, event_type: str) -> list[WebhookEndpoint]:
    return [e for e in WebhookEndpoint.objects.filter(user_id=user_id, enabled=True) if event_type in e.events]


def emit(user_id: int, event_type: str, data: dict[str, Any], *, job_id: str | None = None,
         endpoints: list[WebhookEndpoint] | None = None) -> WebhookEvent | None:
    """Create the event and its deliveries in the current transaction. Idempotent per (job, type).
    `endpoints` (default: the user's subscribed ones) may name endpoints directly (test events)."""
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
    for endpoint in endpoints:
        delivery = WebhookDelivery.objects.create(event=event, endpoint=endpoint)
        outbox.enqueue(WEBHOOK_QUEUE, DELIVER_WEBHOOK, delivery.pk)
    return event


def emit_for_job(job_id: str, user_id: int, state: str) -> None:
    from jobs.models import Job
    from jobs.selectors import PUBLIC_STATUS

    event_type = {"succeeded": "video.completed", "in_review": "kinema.video.in_review"}.get(state, "video.failed")
    endpoints = subscribed(user_id, event_type)
    if not endpoints:
        return  # most users have none: no further query on every job's last transition
    job = Job.objects.only("id", "state", "error_code", "error_message").get(pk=job_id)
    data: dict[str, Any] = {"id": job_id, "object": "video", "status": PUBLIC_STATUS[job.state]}
    if job.error_code:
        data["error"] = {"code": job.error_code, "message": job.error_message}
    emit(user_id, event_type, data, job_id=job_id, endpoints=endpoints)


def _next_attempt(attempts: int, now: datetime) -> datetime:
    delay = BACKOFF_S[min(attempts - 1, len(BACKOFF_S) - 1)] * settings.KINEMA_WEBHOOK_BACKOFF_SCALE
    return now + timedelta(seconds=delay)


@dramatiq.actor(actor_name=DELIVER_WEBHOOK, queue_name=WEBHOOK_QUEUE, max_retries=3, min_backoff=1000,
                time_limit=60_000)
def deliver_webhook(delivery_id: int) -> None:
    with transaction.atomic():
        delivery = (WebhookDelivery.objects.select_for_update(skip_locked=True).select_related("event", "endpoint")
                    .filter(pk=delivery_id, status=WebhookDelivery.Status.PENDING).first())
        if delivery is None:
            return  # delivered, given up, or being sent by another worker right now
        now = timezone.now()
        if delivery.next_attempt_at > now + timedelta(seconds=1):
            return  # an early duplicate; the scheduled message (or the reconciler) comes back later
        status_code, error, duration_ms = _send(delivery)
        outcome = ("ok" if status_code is not None and 200 <= status_code < 300 else "http_error" if status_code
                   else "refused" if error.startswith("refused") else "network_error")
        metrics.inc("kinema_webhook_deliveries", outcome=outcome)
        delivery.attempts += 1
        WebhookAttempt.objects.create(delivery=delivery, status_code=status_code, error=error[:300],
                                      duration_ms=duration_ms)
        delivery.last_status_code, delivery.last_error = status_code, error[:300]
        if status_code is not None and 200 <= status_code < 300:
            delivery.status, delivery.delivered_at = WebhookDelivery.Status.SUCCEEDED, timezone.now()
        else:
            nxt = _next_attempt(delivery.attempts, timezone.now())
            window = timedelta(seconds=settings.KINEMA_WEBHOOK_RETRY_WINDOW_S)
            if nxt - delivery.created_at > window or "non-public address" in error:
                delivery.status = WebhookDelivery.Status.FAILED
            else:
                delivery.next_attempt_at = nxt
                delay_ms = max(0, int((nxt - timezone.now()).total_seconds() * 1000))
                transaction.on_commit(lambda: deliver_webhook.send_with_options(args=(delivery_id,), delay=delay_ms))
        delivery.save()


def _send(delivery: WebhookDelivery) -> tuple[int | None, str, int]:
    endpoint, event = delivery.endpoint, delivery.event
    started = time.monotonic()
    parts = urlsplit(endpoint.url)
    host = parts.hostname or ""
    try:
        addresses = resolve_public(host, _port(parts))
    except UnsafeDestination as exc:
        return None, f"refused: {exc}", 0
    # Connect to the address just checked, not to a second resolution of the name (DNS rebinding):
    # the URL carries the IP; Host and TLS SNI (so certificate checks) carry the name.
    ip = addresses[0]
    netloc = f"[{ip}]" if ":" in ip else ip
    if parts.port:
        netloc += f":{parts.port}"
    pinned = parts._replace(netloc=netloc).geturl()
    body = json.dumps(event.payload, separators=(",", ":"))
    sent_at = datetime.now(tz=timezone.get_current_timezone())
    signature = Webhook(endpoint.secret).sign(event.id, sent_at, body)
    headers = {"content-type": "application/json", "user-agent": "Kinema-Webhooks/1.0", "webhook-id": event.id,
               "webhook-timestamp": str(int(sent_at.timestamp())), "webhook-signature": signature,
               "host": parts.netloc.rpartition("@")[2]}
    try:
        with httpx.Client(timeout=settings.KINEMA_WEBHOOK_TIMEOUT_S, follow_redirects=False) as client:
            resp = client.post(pinned, content=body, headers=headers, extensions={"sni_hostname": host})
        error = "" if resp.is_success else f"HTTP {resp.status_code}"
        return resp.status_code, error, int(1000 * (time.monotonic() - started))
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}", int(1000 * (time.monotonic() - started))


def resend_overdue(grace_s: float = 30.0, limit: int = 200) -> int:
    """Reconciler: pending deliveries whose scheduled message was lost (Redis wiped, worker killed)."""
    cutoff = timezone.now() - timedelta(seconds=grace_s)
    ids = list(WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING, next_attempt_at__lt=cutoff)
               .values_list("pk", flat=True)[:limit])
    for pk in ids:
        deliver_webhook.send(pk)
    return len(ids)
