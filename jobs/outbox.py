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
with one UPDATE, instead of an UPDATE (a transaction of its own, with its commit) per request. The thread
keeps one more database connection per process. A mark lost with its process, dropped (the thread's backlog
is capped) or failed twice only means the reconciler sends the message again.

The reconciler (`relay_pending`) must not re-send a row whose mark is still on its way: a row's `created_at`
is set when it is built, before its transaction commits (a submission's transaction can last seconds), so its
age says nothing about when it was sent. A row is re-sent only once the reconciler has seen it unsent, that is
committed, for `RESEND_AFTER_SEEN_S`, longer than a send plus the thread's passes (each bounded by its
connect, lock and statement timeouts) take.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from collections import deque
from datetime import timedelta
from typing import Any

import dramatiq
from django.db import close_old_connections, connection, transaction
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

    The thread's database connection (one more per process) is kept and closed as a request's is
    (CONN_MAX_AGE, errors). Each pass's UPDATE runs under `timeout_s` of lock and statement timeout, so a
    row locked elsewhere fails that pass (counted in `kinema_outbox_mark_failures_total`) instead of stopping
    every later mark; a failed pass's rows are tried once more with the next pass, then left to the
    reconciler. At most `max_pending` rows wait: beyond that the oldest are dropped (counted; the reconciler
    sends them again). Pending marks are flushed at exit; a forked child starts with none and no thread."""

    def __init__(self, gather_s: float = 0.25, timeout_s: float = 2.0, max_pending: int = 10_000) -> None:
        self.gather_s = gather_s
        self.timeout_s = timeout_s
        self.max_pending = max_pending
        self._reset()
        os.register_at_fork(after_in_child=self._reset)
        atexit.register(self.flush)

    def _reset(self) -> None:
        """Empty, no thread: at creation and in a forked child (the parent's thread and rows are not its own)."""
        self._lock = threading.Lock()
        self._pending: deque[int] = deque()
        self._retry: list[int] = []  # a failed pass's rows, tried once more with the next
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def add(self, pk: int) -> None:
        with self._lock:
            self._pending.append(pk)
            if len(self._pending) > self.max_pending:
                self._pending.popleft()  # the reconciler sends it again
                count("kinema_outbox_mark_failures", outcome="dropped")
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="outbox-sent-marks", daemon=True)
                self._thread.start()
        self._wake.set()

    def flush(self) -> int:
        """Mark the rows sent so far; returns how many were marked. A failure is counted, its rows (those
        not failed before) kept for the next pass, the others left to the reconciler."""
        with self._lock:
            retry, self._retry = self._retry, []
            fresh, self._pending = list(self._pending), deque()
        ids = retry + fresh
        if not ids:
            return 0
        try:
            with transaction.atomic():
                with connection.cursor() as cur:
                    timeout = f"{int(self.timeout_s * 1000)}ms"
                    cur.execute("SELECT set_config('lock_timeout', %s, true), "
                                "set_config('statement_timeout', %s, true)", [timeout, timeout])
                return OutboxMessage.objects.filter(pk__in=ids, sent_at__isnull=True).update(
                    sent_at=timezone.now(), attempts=F("attempts") + 1)
        except Exception as exc:  # a lock held, the database away: the next pass, then relay_pending
            count("kinema_outbox_mark_failures", outcome="failed")
            with self._lock:
                self._retry = fresh  # tried once more; `retry` had its second chance
            log.warning("marking %d outbox rows sent failed (%d to try again): %s", len(ids), len(fresh), exc)
            return 0

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            time.sleep(self.gather_s)  # let a burst's other rows arrive
            close_old_connections()
            self.flush()
            close_old_connections()
            if self._retry:
                self._wake.set()  # a failed pass's rows get their second try without waiting for a new row


SENT_MARKS = SentMarks()

# How long the reconciler must have seen a row unsent before it sends it again (see the module's docstring):
# more than a send (the Redis budget) plus the mark thread's pass in progress, its gathering and its own pass
# and retry (each a connection of up to KINEMA_DB_CONNECT_TIMEOUT_S and an UPDATE of up to SentMarks.timeout_s).
RESEND_AFTER_SEEN_S = 15.0
_seen: dict[int, float] = {}  # unsent rows the reconciler has seen: when it first saw each (monotonic)


def relay_pending(min_age_s: float = 2.0, limit: int = 500, seen_for_s: float | None = None) -> int:
    """Send rows whose after-commit relay did not happen (used by the reconciler): rows at least `min_age_s`
    old that this process has seen unsent for `seen_for_s` (RESEND_AFTER_SEEN_S); a row seen for the first
    time is only noted. Stops at the first row that cannot be sent while Redis is away, so a backlog costs one
    budget, not one per row."""
    seen_for_s = RESEND_AFTER_SEEN_S if seen_for_s is None else seen_for_s
    cutoff = timezone.now() - timedelta(seconds=min_age_s)
    ids = list(OutboxMessage.objects.filter(sent_at__isnull=True, created_at__lt=cutoff)
               .order_by("created_at").values_list("pk", flat=True)[:limit])
    now, unsent = time.monotonic(), set(ids)
    for pk in [pk for pk in _seen if pk not in unsent]:
        del _seen[pk]  # sent, marked or pruned since (or past `limit`: noted again when it comes back)
    sent = 0
    for pk in ids:
        first = _seen.setdefault(pk, now)
        if now - first < seen_for_s:
            continue
        if redis_breaker().state == OPEN:
            break
        if relay(pk):
            sent += 1
            del _seen[pk]
    return sent


def prune_sent(older_than: timedelta = timedelta(days=1)) -> int:
    return OutboxMessage.objects.filter(sent_at__lt=timezone.now() - older_than).delete()[0]
