"""Django's PostgreSQL backend, with the per-request connection health check done locally.

With persistent connections (CONN_MAX_AGE) and CONN_HEALTH_CHECKS, Django checks a reused connection
at the first query of every request with `SELECT 1`: a whole round trip before the request's own
query. On the status read that was a quarter of the web process' time (py-spy, docs/benchmarks.md).
The same question is answered here without asking the server:

- psycopg knows a connection it saw fail (`closed`, `broken`);
- an idle connection receives nothing unsolicited (Kinema never LISTENs), so a socket that is
  readable while idle means the server spoke or hung up: a restart, `pg_terminate_backend`, an idle
  timeout or a proxy dropping it (PostgreSQL sends its FATAL message, then closes). Such a connection
  is closed and the request connects afresh, as with `SELECT 1`.

A peer that vanished without a word is not caught here, as `SELECT 1` would not have been either
(it waits for TCP); the request's own query then fails and the connection is dropped at its end.
"""

from __future__ import annotations

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        conn = self.connection
        if conn is None or conn.closed or conn.broken:
            return False
        try:
            # poll, not select: select refuses descriptors >= 1024 (a process with many feed sockets).
            poller = select.poll()
            poller.register(conn.fileno(), select.POLLIN)
            events = poller.poll(0)
        except (OSError, ValueError):
            return False
        return not events
