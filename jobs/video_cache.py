"""A per-process cache of the API's status and list answers, invalidated by PostgreSQL itself.

The status read (`GET /v1/videos/{id}`) and the list read (`GET /v1/videos`) are polled far more often than
a job changes. Each web process keeps the rendered JSON of the answers it served and serves a repeat without a
query (`KINEMA_VIDEO_CACHE=0` turns it off). Bounded in bytes: an LRU of at most `KINEMA_VIDEO_CACHE_BYTES`
(content plus a per-entry overhead) and `KINEMA_VIDEO_CACHE_ENTRIES` entries; an answer larger than
`KINEMA_VIDEO_CACHE_ENTRY_MAX_BYTES` is not kept, nor more than `KINEMA_VIDEO_CACHE_USER_PAGES` list pages of
one user (their least recently used page goes). An entry older than `KINEMA_VIDEO_CACHE_MAX_AGE_S` is read
again: a backstop for a notification missed in any way nobody foresaw.

Invalidation cannot be forgotten by a write path: triggers on the job, takedown and catalog version tables
(jobs/migrations/0015_video_cache_notify.py) `pg_notify` the channel `kinema_video` with `<user id> <job id>`
whenever a column a Video object shows changes, at commit. Each process runs one listener thread (started
lazily at the first cacheable read, again after a fork) on its own autocommit connection; a notification
drops that job's status entry and every cached list page of its user (`*` drops everything).

- The listener not connected or not yet listening: the cache is off (every read goes to PostgreSQL) and
  emptied; it reconnects with back-off (0.5 s doubling to 10 s). A connection silent for 10 s is checked
  with `SELECT 1`, the cache off (and emptied) while the check is in flight; a check unanswered within
  CHECK_DEADLINE_S closes the connection (a hung peer: keepalives do nothing while a reply is awaited) and
  the listener reconnects. `tcp_user_timeout` (5 s) drops a connection whose sent data is not acknowledged.
- Queue positions: an answer that shows a queued job (its `queue_position` and `eta_at` move with every
  dispatcher pass) is never kept, and the trigger ignores updates of only those two columns.
- The race: a read that ran its query before a commit whose notification it did not see must not store its
  (stale) answer. Each read takes a token (the listener's epoch and the user's last invalidation number)
  before its query; the answer is stored only if the token is unchanged.
- Never within a transaction (`in_atomic_block`): a request must not cache, nor be served past, its own
  uncommitted writes (and tests' transactions roll back).
- Staleness: a write committed by any process is seen by a process once its notification has been read by
  that process' listener (milliseconds; longer only if the listener thread is starved of the GIL). A write
  through the API drops the entries in the serving process at once too (jobs/api/views.py).
- Hit rate: each read's outcome (hit, miss; of the misses stored, raced or too_large) is counted in the process
  (`webapp.resilience.count`) and added to `kinema_video_cache_reads_total{kind, outcome}` in one pipeline with
  the process' other waiting counts: at its next metric write, at a scrape, and by a read every COUNTS_EVERY_S.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import psycopg
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpResponse

from webapp import resilience

CHANNEL = "kinema_video"
FLUSH = "*"
RETRY_FIRST_S = 0.5
RETRY_MAX_S = 10.0
WAKE_S = 1.0  # how often the listener looks at its stop flag
CHECK_SILENT_S = 10.0  # a listener that heard nothing this long asks the server (a peer gone without a word)
CHECK_DEADLINE_S = 5.0  # a check unanswered this long: the connection is closed and made again
TCP_USER_TIMEOUT_MS = 5000  # sent data unacknowledged this long: the kernel drops the listener's connection
ENTRY_OVERHEAD_BYTES = 400  # what an entry costs beside its content (key, records, dict slots), roughly
POLL_AFTER_MS = "1000"
COUNTS_EVERY_S = 15.0  # how often a process adds its reads' outcomes to kinema_video_cache_reads_total
# Database OPTIONS that are Django's, not libpq's (django.db.backends.postgresql get_connection_params).
DJANGO_ONLY_OPTIONS = ("cursor_factory", "context", "prepare_threshold", "client_encoding")

log = logging.getLogger(__name__)

Key = tuple[Any, ...]
Token = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Entry:
    """A rendered answer: the JSON body, and whether to tell the client when to poll again."""

    content: bytes
    pending: bool

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, content_type="application/json")
        if self.pending:
            response["openai-poll-after-ms"] = POLL_AFTER_MS
        return response


@dataclass(slots=True)
class Record:
    entry: Entry
    size: int
    stored_at: float


def status_key(user_id: int, job_id: str) -> Key:
    return ("status", user_id, job_id)


def list_key(user_id: int, limit: int, after: str | None, order: str) -> Key:
    return ("list", user_id, limit, after, order)


class VideoCache:
    def __init__(self, alias: str = DEFAULT_DB_ALIAS) -> None:
        self.alias = alias
        self._init_state()
        os.register_at_fork(after_in_child=self._init_state)

    def _init_state(self) -> None:
        """Empty, off, no listener: at creation and in a forked child (the parent's thread is not there)."""
        self._lock = threading.Lock()
        self._entries: OrderedDict[Key, Record] = OrderedDict()
        self._by_user: dict[int, set[Key]] = {}
        self._pages: dict[int, OrderedDict[Key, None]] = {}  # each user's list pages, least recently used first
        self._bytes = 0
        self._invalidated: dict[int, int] = {}  # user id -> number of their last invalidation
        self._floor = 0  # what a user not in _invalidated reads (raised when that dict is emptied)
        self._serial = 0
        self._epoch = 0  # bumped whenever everything is dropped or the listener comes or goes
        self.listening = False
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._conn: psycopg.Connection[Any] | None = None
        self._counted_at = time.monotonic()  # when a read last wrote this process' waiting counts

    # --- the request side --------------------------------------------------------------------

    def active(self) -> bool:
        """Whether this read may use the cache: it is on, outside any transaction, and listening."""
        if not settings.KINEMA_VIDEO_CACHE or connections[self.alias].in_atomic_block:
            return False
        if self._thread is None:
            self.start()
        return self.listening

    def get(self, key: Key) -> Entry | None:
        now = time.monotonic()
        with self._lock:
            due = now - self._counted_at >= COUNTS_EVERY_S
            if due:
                self._counted_at = now
            entry = self._get_locked(key, now)
        _count(key, "miss" if entry is None else "hit")
        if due:
            _write_counts()
        return entry

    def _get_locked(self, key: Key, now: float) -> Entry | None:
        record = self._entries.get(key)
        if record is None:
            return None
        if now - record.stored_at > settings.KINEMA_VIDEO_CACHE_MAX_AGE_S:
            self._drop_locked(key)  # the backstop: read again
            return None
        self._entries.move_to_end(key)
        if key[0] == "list":
            self._pages[key[1]].move_to_end(key)
        return record.entry


    def token(self, user_id: int) -> Token:
        """Taken before the read's query; put() stores only if nothing about the user was dropped since."""
        with self._lock:
            return self._epoch, self._invalidated.get(user_id, self._floor)

    def put(self, user_id: int, key: Key, entry: Entry, token: Token) -> bool:
        with self._lock:
            if not self.listening or token != (self._epoch, self._invalidated.get(user_id, self._floor)):
                _count(key, "raced")
                return False
            size = len(entry.content) + ENTRY_OVERHEAD_BYTES
            if size > settings.KINEMA_VIDEO_CACHE_ENTRY_MAX_BYTES:
                self._drop_locked(key)
                _count(key, "too_large")
                return False
            self._drop_locked(key)
            self._entries[key] = Record(entry, size, time.monotonic())
            self._bytes += size
            self._by_user.setdefault(user_id, set()).add(key)
            if key[0] == "list":
                pages = self._pages.setdefault(user_id, OrderedDict())
                pages[key] = None
                while len(pages) > max(1, settings.KINEMA_VIDEO_CACHE_USER_PAGES):
                    self._drop_locked(next(iter(pages)))
            limit = max(1, settings.KINEMA_VIDEO_CACHE_ENTRIES)
            budget = settings.KINEMA_VIDEO_CACHE_BYTES
            while len(self._entries) > limit or self._bytes > budget:
                self._drop_locked(next(iter(self._entries)))
            _count(key, "stored")
            return True

    def _drop_locked(self, key: Key) -> None:
        record = self._entries.pop(key, None)
        if record is None:
            return
        self._bytes -= record.size
        user_id = key[1]
        keys = self._by_user.get(user_id)
        if keys is not None:
            keys.discard(key)
            if not keys:
                del self._by_user[user_id]
        if key[0] == "list":
            pages = self._pages.get(user_id)
            if pages is not None:
                pages.pop(key, None)
                if not pages:
                    del self._pages[user_id]

    @property
    def bytes(self) -> int:
        """What the entries held count against KINEMA_VIDEO_CACHE_BYTES."""
        return self._bytes

    def invalidate(self, user_id: int, job_id: str | None = None) -> None:
        """Drop the job's status entry and the user's list pages (job_id None: all of the user's entries),
        and refuse the stores of reads that started before."""
        with self._lock:
            self._serial += 1
            if len(self._invalidated) >= 4 * max(1, settings.KINEMA_VIDEO_CACHE_ENTRIES):
                # Bounded: the users forgotten read the floor, which differs from any token they hold.
                self._invalidated.clear()
                self._floor = self._serial
                self._serial += 1
            self._invalidated[user_id] = self._serial
            keys = self._by_user.get(user_id)
            if not keys:
                return
            for key in [k for k in keys if job_id is None or k[0] == "list" or k[2] == job_id]:
                self._drop_locked(key)

    def clear(self) -> None:
        with self._lock:
            self._clear_locked()

    def _clear_locked(self) -> None:
        self._entries.clear()
        self._by_user.clear()
        self._pages.clear()
        self._bytes = 0
        self._epoch += 1

    def __len__(self) -> int:
        return len(self._entries)

    # --- the listener ------------------------------------------------------------------------

    def start(self) -> None:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stop = threading.Event()
            self._thread = threading.Thread(target=self._listen, args=(self._stop,), name="kinema-video-cache",
                                            daemon=True)
            self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop the listener (tests; a process exiting needs nothing: the thread is a daemon)."""
        with self._lock:
            thread, self._thread = self._thread, None
            self._stop.set()
            self.listening = False  # off now, not when the thread next wakes
            self._clear_locked()
        if thread is not None:
            thread.join(timeout_s)

    def listener_pid(self) -> int | None:
        """The PostgreSQL backend of the listener's connection (tests terminate it)."""
        conn = self._conn
        return conn.info.backend_pid if conn is not None and self.listening else None

    def connect_params(self) -> dict[str, Any]:
        """Django's own connection parameters (every database OPTION that is libpq's: sslmode, sslrootcert,
        target_session_attrs, service, ...), with liveness settings of the listener's own. It needs a
        session: through a transaction-mode pooler LISTEN does not work (README)."""
        params = {k: v for k, v in connections[self.alias].get_connection_params().items()
                  if k not in DJANGO_ONLY_OPTIONS and v not in (None, "")}
        params.setdefault("connect_timeout", 2)
        return {**params, "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10,
                "keepalives_count": 3, "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
                "application_name": "kinema-video-cache"}

    def _connect(self) -> psycopg.Connection[Any]:
        return psycopg.connect(**self.connect_params(), autocommit=True)

    def _check(self, conn: psycopg.Connection[Any], stop: threading.Event) -> None:
        """Ask a silent connection's server for a reply, the cache off while the question is out (whatever
        was missed meanwhile is dropped with it); unanswered within CHECK_DEADLINE_S: the socket is shut,
        the wait fails and the listener reconnects."""
        with self._lock:
            if stop.is_set():
                return
            self.listening = False
            self._clear_locked()
        timer = threading.Timer(CHECK_DEADLINE_S, _shut, args=(conn,))
        timer.daemon = True
        timer.start()
        try:
            conn.execute("SELECT 1")
        finally:
            timer.cancel()
        with self._lock:
            if stop.is_set():
                return
            self._clear_locked()  # a read that took its token while the question was out stores nothing
            self.listening = True

    def _listen(self, stop: threading.Event) -> None:
        delay = RETRY_FIRST_S
        while not stop.is_set():
            try:
                with self._connect() as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    with self._lock:
                        if stop.is_set():
                            return
                        self._conn = conn
                        self._clear_locked()  # anything stored before may have missed a notification
                        self.listening = True
                    delay = RETRY_FIRST_S
                    silent_since = time.monotonic()
                    while not stop.is_set():
                        for notify in conn.notifies(timeout=WAKE_S):
                            silent_since = time.monotonic()
                            self._apply(notify.payload)
                        if time.monotonic() - silent_since > CHECK_SILENT_S:
                            self._check(conn, stop)
                            silent_since = time.monotonic()
            except Exception as exc:  # noqa: BLE001 - any failure: cache off until listening again
                if not stop.is_set():
                    log.warning("video cache listener: %s; the cache is off until it reconnects", exc)
            finally:
                with self._lock:
                    if self._thread in (None, threading.current_thread()):  # not a successor's state
                        self.listening = False
                        self._conn = None
                        self._clear_locked()
            stop.wait(delay)
            delay = min(delay * 2, RETRY_MAX_S)

    def _apply(self, payload: str) -> None:
        user, _, job = payload.partition(" ")
        if payload == FLUSH or not user.isdigit():
            self.clear()
        else:
            self.invalidate(int(user), job or None)


def _count(key: Key, outcome: str) -> None:
    """Counted in the process (no I/O), written with the process' next metric write, at a scrape of /metrics, and
    by a read every COUNTS_EVERY_S; put back when Redis is away (webapp.resilience.count)."""
    resilience.count("kinema_video_cache_reads", kind=key[0], outcome=outcome)


def _write_counts() -> None:
    from webapp import metrics  # the metrics store imports nothing of this module; imported late all the same

    metrics.flush_degradation_counts()


def _shut(conn: psycopg.Connection[Any]) -> None:
    """Shut the connection's socket from another thread: the listener's blocked wait returns an error."""
    try:
        with socket.socket(fileno=os.dup(conn.fileno())) as sock:
            sock.shutdown(socket.SHUT_RDWR)
    except Exception:  # noqa: BLE001 - already closed: nothing to do
        pass


video_cache = VideoCache()
