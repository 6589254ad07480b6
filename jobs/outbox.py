"""The transactional outbox: queue messages that must follow a DB change are rows in that change's
transaction. After commit they are relayed to Dramatiq at once; if that send is lost (process
killed between commit and send, Redis down or hanging) the dispatcher's reconciler relays them
later. PostgreSQL is the truth, so a submission is accepted whether or not Redis answers.

The after-commit relay runs on the request path, so it has the Redis budget and goes through the
"redis" circuit breaker: while Redis is away it is skipped at once (counted in
`kinema_outbox_deferred_total`) and `relay_pending` catches up when Redis answers again.

A send whose outcome is unknown (it timed out: a frozen Redis may still execute it when it wakes
up) is not simply repeated: the retry first looks for the message in its queue and only marks the
row sent if it is there. A message can still arrive twice (it was delivered and acked in between);
every actor is idempotent (conditional transitions), so that is harmless.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import dramatiq
from django.db import transaction
from django.utils import timezone

from jobs.models import OutboxMessage
from webapp.resilience import OPEN, DependencyUnavailable, count, redis_breaker

log = logging.getLogger(__name__)


def enqueue(queue_name: str, actor_name: str, *args: Any) -> OutboxMessage:
    """Record a message in the current transaction; it is sent after commit, from the row as written
    (re-reading it cost a query on every submission; the UPDATE that marks it sent is conditional)."""
    row = message(queue_name, actor_name, *args)
    row.save(force_insert=True)
    send_after_commit(row)
    return row


def message(queue_name: str, actor_name: str, *args: Any) -> OutboxMessage:
    """An outbox row not saved yet, for a caller that inserts it with its other rows in one statement
    (jobs/submission.py); once it has its id, send_after_commit."""
    return OutboxMessage(queue_name=queue_name, actor_name=actor_name, args=list(args))


def send_after_commit(row: OutboxMessage) -> None:
    """Send this row, written in the current transaction, once that commits."""
    assert row.pk is not None, "the outbox row must be written first"
    transaction.on_commit(lambda: send_row(row))


def _message_id(row: OutboxMessage) -> str:
    return f"outbox-{row.pk}"


def _already_queued(broker: Any, row: OutboxMessage) -> bool:
    """Did an earlier send whose answer was lost reach the queue after all? (Dramatiq's Redis layout:
    a queue's messages by id in the hash `<namespace>:<queue>.msgs`.)"""
    client = getattr(broker, "client", None)
    if client is None:
        return False
    return bool(client.hexists(f"{broker.namespace}:{row.queue_name}.msgs", _message_id(row)))


def relay(message_id: int) -> bool:
    """Send one outbox row if still unsent. Returns True when it was sent (or found queued) by this call.
    Raises nothing: a failure leaves the row for the reconciler."""
    row = OutboxMessage.objects.filter(pk=message_id, sent_at__isnull=True).first()
    if row is None:
        return False
    return send_row(row)


def send_row(row: OutboxMessage) -> bool:
    """Send this unsent row (relay's second half; enqueue's after-commit send, with the row it wrote)."""
    from webapp.broker import broker

    message: dramatiq.Message[Any] = dramatiq.Message(queue_name=row.queue_name, actor_name=row.actor_name,
                                                      args=tuple(row.args), kwargs={}, options={},
                                                      message_id=_message_id(row))
    guard = redis_breaker()

    def send() -> None:
        if row.attempts and _already_queued(broker, row):
            return
        broker.enqueue(message)

    try:
        guard.call(send)
    except DependencyUnavailable as exc:
        count("kinema_outbox_deferred")
        OutboxMessage.objects.filter(pk=row.pk).update(attempts=row.attempts + 1, last_error=str(exc)[:300])
        log.info("outbox relay of %s deferred to the reconciler: %s", row.pk, exc.reason)
        return False
    except Exception as exc:  # anything else from the broker: the reconciler tries again
        OutboxMessage.objects.filter(pk=row.pk).update(attempts=row.attempts + 1, last_error=str(exc)[:300])
        log.warning("outbox relay of %s failed: %s", row.pk, exc)
        return False
    OutboxMessage.objects.filter(pk=row.pk, sent_at__isnull=True).update(sent_at=timezone.now(),
                                                                         attempts=row.attempts + 1)
    return True


def relay_pending(min_age_s: float = 2.0, limit: int = 500) -> int:
    """Send rows whose after-commit relay did not happen (used by the reconciler). Stops at the first
    row that cannot be sent while Redis is away, so a backlog costs one budget, not one per row."""
    cutoff = timezone.now() - timedelta(seconds=min_age_s)
    ids = list(OutboxMessage.objects.filter(sent_at__isnull=True, created_at__lt=cutoff)
               .order_by("created_at").values_list("pk", flat=True)[:limit])
    sent = 0
    for pk in ids:
        if redis_breaker().state == OPEN:
            break
        sent += relay(pk)
    return sent


def prune_sent(older_than: timedelta = timedelta(days=1)) -> int:
    return OutboxMessage.objects.filter(sent_at__lt=timezone.now() - older_than).delete()[0]
