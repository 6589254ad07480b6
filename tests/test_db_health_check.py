"""The per-request connection health check of webapp/postgres: a reused connection is checked without a
round trip, and one the server dropped (restart, pg_terminate_backend, idle timeout) is still replaced
before the request's first query, as Django's `SELECT 1` check did."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper

from tests.conftest import wait_for


@pytest.fixture
def reused() -> Iterator[BaseDatabaseWrapper]:
    """A second wrapper of the default database, as a web thread holds one between requests."""
    settings_dict = {**connections["default"].settings_dict, "CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True}
    wrapper = type(connections["default"])(settings_dict, "default")
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


def backend_pid(wrapper: BaseDatabaseWrapper) -> int:
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return int(cursor.fetchone()[0])


def last_statement(pid: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return str(row[0]) if row else ""


def next_request(wrapper: BaseDatabaseWrapper) -> None:
    """What Django does to a persistent connection when a request starts, then at its first query."""
    wrapper.close_if_unusable_or_obsolete()
    wrapper.close_if_health_check_failed()


@pytest.mark.django_db
def test_a_healthy_connection_is_reused_without_asking_the_server(reused) -> None:
    assert connection.vendor == "postgresql" and type(reused).__module__ == "webapp.postgres.base"
    pid = backend_pid(reused)
    next_request(reused)
    assert reused.connection is not None and reused.health_check_done
    assert last_statement(pid) == "SELECT pg_backend_pid()"  # no SELECT 1 went to the server
    assert backend_pid(reused) == pid


@pytest.mark.django_db
def test_a_connection_the_server_dropped_is_replaced_before_the_first_query(reused) -> None:
    pid = backend_pid(reused)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    wait_for(lambda: not reused.is_usable(), timeout=10, interval=0.05)
    next_request(reused)
    assert reused.connection is None  # closed by the check, not by a failed query
    assert backend_pid(reused) != pid  # the request's own query runs on a new connection
