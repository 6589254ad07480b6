"""The transactional outbox: queue messages that must follow a DB change are rows in that change's
transaction. After commit they are relayed to Dramatiq at once; if that send is lost (process
killed between commit and send, Redis down) the dispatcher's reconciler relays them later. A
message may thus be delivered more than once; every actor is idempotent (conditional transitions).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import dramatiq
from django.db import transaction
from django.utils import timezone

from jobs.models import OutboxMessage

log = logging.getLogger(__name__)


def enqueue(queue_name: str, actor_name: str, *args: Any) -> OutboxMessage:
    """Record a message in the current transaction; it is sent after commit."""
    row = OutboxMessage.objects.create(queue_name=queue_name, actor_name=actor_name, args=list(args))
    transaction.on_commit(lambda: relay(row.pk))
    return row


def relay(message_id: int) -> bool:
    """Send one outbox row if still unsent. Returns True when it was sent by this call."""
    from webapp.broker import broker

    row = OutboxMessage.objects.filter(pk=message_id, sent_at__isnull=True).first()
    if row is None:
        return False
    try:
        broker.enqueue(dramatiq.Message(queue_name=row.queue_name, actor_name=row.actor_name,
                                        args=tuple(row.args), kwargs={}, options={},
                                        message_id=f"outbox-{row.pk}"))
    except Exception as exc:  # Redis down: the reconciler tries again
        OutboxMessage.objects.filter(pk=row.pk).update(attempts=row.attempts + 1, last_error=str(exc)[:300])
        log.warning("outbox relay of %s failed: %s", row.pk, exc)
        return False
    OutboxMessage.objects.filter(pk=row.pk, sent_at__isnull=True).update(sent_at=timezone.now(),
                                                                         attempts=row.attempts + 1)
    return True


def relay_pending(min_age_s: float = 2.0, limit: int = 500) -> int:
    """Send rows whose after-commit relay did not happen (used by the reconciler)."""
    cutoff = timezone.now() - timedelta(seconds=min_age_s)
    ids = list(OutboxMessage.objects.filter(sent_at__isnull=True, created_at__lt=cutoff)
               .order_by("created_at").values_list("pk", flat=True)[:limit])
    return sum(relay(pk) for pk in ids)


def prune_sent(older_than: timedelta = timedelta(days=1)) -> int:
    return OutboxMessage.objects.filter(sent_at__lt=timezone.now() - older_than).delete()[0]
