"""The transactional outbox: queue messages that must follow a DB change are rows in that change's
transaction. After commit they are relayed to Dramatiq at once; if that send is lost (process
killed between commit and send, Redis down or hanging) the dispatcher's reconciler relays them
later. PostgreSQL is the truth, so a submission is accepted whether or not Redis answers.

The after-commit relay runs on the request path, so it has the Redis budget and goes through the
"redis" circuit breaker: while Redis is away it is skipped at once (counted in
`kinema_outbox_deferred_total`) and `relay_pending` catches up when Redis answers again.

A send whose outcome is unknown (it timed out: a frozen Redis may still execute it when it wakes
up) is repeated by the reconciler, so a message can arrive twice. Every actor is idempotent
(conditional transitions), so that is harmless. (Looking for the earlier send in its queue first is not
possible: Dramatiq's Redis broker files each queued message under a random id of its own.)

A submission's screening message is marked sent in batches (`send_after_commit(row, batched=True)`): the
request sends it to Redis as before, and one thread per process marks the rows sent since its last pass
with one UPDATE, instead of an UPDATE (a transaction of its own, with its commit) per request. A mark lost
with its process, or delayed past the reconciler's `relay_pending` age, only means the message is sent again.
"""

from __future__ import annotations

import logging
import os
import threading
from datetime import timedelta
from typing import Any

import dramatiq
from django.db import close_old_connections, transaction
from django.db.models import F
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


def send_after_commit(row: OutboxMessage, *, batched: bool = False) -> None:
    """Send this row, written in the current transaction, once that commits. `batched`: mark it sent
    through SENT_MARKS (a hot path's message; see the module's docstring), not with an UPDATE of its own."""
    assert row.pk is not None, "the outbox row must be written first"
    transaction.on_commit(lambda: send_row(row, batched=batched))


def _message_id(row: OutboxMessage) -> str:
    return f"outbox-{row.pk}"


def relay(message_id: int) -> bool:
    """Send one outbox row if still unsent. Returns True when it was sent by this call.
    Raises nothing: a failure leaves the row for the reconciler."""
    row = OutboxMessage.objects.filter(pk=message_id, sent_at__isnull=True).first()
    if row is None:
        return False
    return send_row(row)


def send_row(row: OutboxMessage, *, batched: bool = False) -> bool:
    """Send this unsent row (relay's second half; enqueue's after-commit send, with the row it wrote).
    `batched`: a sent row is marked by SENT_MARKS' next pass rather than here."""
    from webapp.broker import broker

    message: dramatiq.Message[Any] = dramatiq.Message(queue_name=row.queue_name, actor_name=row.actor_name,
                                                      args=tuple(row.args), kwargs={}, options={},
                                                      message_id=_message_id(row))
    guard = redis_breaker()

    try:
        guard.call(lambda: broker.enqueue(message))
    except DependencyUnavailable as exc:
        count("kinema_outbox_deferred")
        OutboxMessage.objects.filter(pk=row.pk).update(attempts=row.attempts + 1, last_error=str(exc)[:300])
        log.info("outbox relay of %s deferred to the reconciler: %s", row.pk, exc.reason)
        return False
    except Exception as exc:  # anything else from the broker: the reconciler tries again
        OutboxMessage.objects.filter(pk=row.pk).update(attempts=row.attempts + 1, last_error=str(exc)[:300])
        log.warning("outbox relay of %s failed: %s", row.pk, exc)
        return False
    if batched:
        SENT_MARKS.add(row.pk)
        return True
    OutboxMessage.objects.filter(pk=row.pk, sent_at__isnull=True).update(sent_at=timezone.now(),
                                                                         attempts=row.attempts + 1)
    return True


class SentMarks:
    """Rows this process sent, marked sent (`sent_at`, one more attempt) by one UPDATE per pass of a thread
    that wakes when a row arrives and waits `gather_s` for more: under load one statement marks many rows.
    `gather_s` stays well under relay_pending's 2 s, after which an unmarked row would be sent again.
    The thread's database connection is kept and closed as a request's is (CONN_MAX_AGE, errors)."""

    def __init__(self, gather_s: float = 0.25) -> None:
        self.gather_s = gather_s
        self._lock = threading.Lock()
        self._pending: list[int] = []
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid = 0

    def add(self, pk: int) -> None:
        with self._lock:
            self._pending.append(pk)
            if self._thread is None or self._pid != os.getpid() or not self._thread.is_alive():
                self._pid = os.getpid()  # after a fork the parent's thread is not this process's
                self._thread = threading.Thread(target=self._run, name="outbox-sent-marks", daemon=True)
                self._thread.start()
        self._wake.set()

    def flush(self) -> int:
        """Mark the rows sent so far; returns how many were marked. A failure leaves them to the reconciler."""
        with self._lock:
            ids, self._pending = self._pending, []
        if not ids:
            return 0
        try:
            return OutboxMessage.objects.filter(pk__in=ids, sent_at__isnull=True).update(
                sent_at=timezone.now(), attempts=F("attempts") + 1)
        except Exception as exc:  # the database away: relay_pending sends them again (at least once)
            log.warning("marking %d outbox rows sent failed: %s", len(ids), exc)
            return 0

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            threading.Event().wait(self.gather_s)  # let a burst's other rows arrive
            close_old_connections()
            self.flush()
            close_old_connections()


SENT_MARKS = SentMarks()


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
