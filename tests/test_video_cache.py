"""The per-process cache of status and list answers (jobs/video_cache.py), against real PostgreSQL: a repeat
read runs no query; a change committed by another connection (raw SQL, as another process would write it)
reaches the cached answer once PostgreSQL's notification arrives; a read that started before an invalidation
it did not see stores nothing; a dropped listener turns the cache off until it is listening again; the
answers are the same with the cache off; a hung listener connection turns it off; an entry too old is read
again; it is bounded in bytes; an answer showing a queued job is never kept. Transactional tests: the
notifications are sent at commit."""

from __future__ import annotations

import importlib
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import psycopg
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

import jobs.api.views
from jobs import video_cache as video_cache_module
from jobs.catalog import ensure_catalog
from jobs.models import Job, JobState
from jobs.selectors import VIDEO_COLUMNS, VIDEO_RELATED, VIDEO_TIMES
from jobs.video_cache import CHANNEL, Entry, list_key, status_key, video_cache
from tests.conftest import wait_for

pytestmark = pytest.mark.django_db(transaction=True)

NOTIFIED_WITHIN_S = 5.0  # a bound for the test on a loaded box; the notification itself takes milliseconds


HANDLED: list[str] = []  # the payloads the listener handled in this test


@pytest.fixture(autouse=True)
def _cache_on(settings, monkeypatch) -> Iterator[None]:
    handle = video_cache._apply

    def recorded(payload: str) -> None:
        handle(payload)
        HANDLED.append(payload)

    HANDLED.clear()
    monkeypatch.setattr(video_cache, "_apply", recorded)
    settings.KINEMA_VIDEO_CACHE = True
    settings.KINEMA_VIDEO_CACHE_ENTRIES = 100
    settings.KINEMA_VIDEO_CACHE_BYTES = 64 * 1024 * 1024
    settings.KINEMA_VIDEO_CACHE_ENTRY_MAX_BYTES = 256 * 1024
    settings.KINEMA_VIDEO_CACHE_USER_PAGES = 16
    settings.KINEMA_VIDEO_CACHE_MAX_AGE_S = 3600.0  # the backstop out of the way (its own test below)
    settings.KINEMA_API_KEY_CACHE_S = 3600  # the key without a query: only the read's own queries are counted
    video_cache.stop()
    video_cache.clear()
    video_cache.start()
    wait_for(lambda: video_cache.listening, timeout=NOTIFIED_WITHIN_S)
    yield
    video_cache.stop()  # its connection would keep the test database from being dropped at the end
    video_cache.clear()


def raw_connection() -> psycopg.Connection[Any]:
    """Another connection than Django's: its commits are another process' as far as the cache can tell."""
    db = connection.settings_dict
    params = {"dbname": db["NAME"], "user": db.get("USER"), "password": db.get("PASSWORD"),
              "host": db.get("HOST"), "port": db.get("PORT")}
    return psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True)


def commit_elsewhere(sql: str, *params: Any) -> None:
    with raw_connection() as conn:
        conn.execute(sql, params)


def settled(user_id: int) -> None:
    """Wait until the listener has handled the notifications of every commit made so far (they arrive in
    commit order: a marker committed now is handled after them), so a test's own setup cannot invalidate
    what it reads next."""
    marker = f"{user_id} settled-{len(HANDLED)}-{time.monotonic_ns()}"
    commit_elsewhere("SELECT pg_notify(%s, %s)", CHANNEL, marker)
    wait_for(lambda: marker in HANDLED, timeout=NOTIFIED_WITHIN_S, interval=0.01)


def make_job(user: Any, state: str = JobState.SUBMITTED, **fields: Any) -> Job:
    """A job (by default submitted: shown as "queued", but not `queued`, whose answers are never cached)."""
    values = dict(tier="plus", prompt="a cat", model="kinema-tiny", seconds=4, size="1280x720", width=1280,
                  height=720, num_frames=17, fps=4, steps=8, seed=1)
    job = Job.objects.create(user=user, state=state, **{**values, **fields})
    # The session's reconciler (up for the end-to-end tests) sends a job submitted over 4 s ago to screening again,
    # and screening would queue and run it: its last change is put an hour ahead (a column no answer shows, so
    # the update notifies nobody).
    Job.objects.filter(pk=job.pk).update(updated_at=timezone.now() + timedelta(hours=1))
    settled(user.pk)
    return job


def make_queued(user: Any, position: int) -> Job:
    """A queued job the session's dispatcher (running for the end-to-end tests) never takes: its retry backoff
    ends in an hour. Taken, it would no longer show a queue position, and its answers would be cached."""
    return make_job(user, JobState.QUEUED, queue_position=position, not_before=timezone.now() + timedelta(hours=1))


def heard(listener: psycopg.Connection[Any]) -> list[str]:
    """What the listener was sent by the commits made so far: a marker notification is committed now and
    waited for (notifications arrive in commit order), so an empty answer is not a late one."""
    marker = f"marker-{time.monotonic_ns()}"
    commit_elsewhere("SELECT pg_notify(%s, %s)", CHANNEL, marker)
    got: list[str] = []
    for notify in listener.notifies(timeout=NOTIFIED_WITHIN_S):
        if notify.payload == marker:
            return got
        got.append(notify.payload)
    raise AssertionError(f"the marker never came (heard {got})")


def read(client: APIClient, path: str, **params: Any) -> tuple[int, Any, int]:
    """(status code, JSON body, queries run)."""
    with CaptureQueriesContext(connection) as queries:
        resp = client.get(path, data=params or None)
    return resp.status_code, json.loads(resp.content), len(queries.captured_queries)


def eventually(client: APIClient, path: str, check: Callable[[int, Any], bool], **params: Any) -> None:
    wait_for(lambda: check(*read(client, path, **params)[:2]), timeout=NOTIFIED_WITHIN_S, interval=0.02)


@pytest.fixture
def user_and_client(make_user, client_for) -> tuple[Any, APIClient]:
    user, key = make_user("cached")
    api = client_for(key)
    assert api.get("/v1/ping").status_code == 200  # the key into this process' cache: no query for it after
    return user, api


def test_a_cached_status_runs_no_query_and_follows_changes_committed_elsewhere(user_and_client) -> None:
    user, api = user_and_client
    job = make_job(user)
    path = f"/v1/videos/{job.id}"
    code, first, queries = read(api, path)
    assert (code, first["status"], queries) == (200, "queued", 1)
    assert read(api, path) == (200, first, 0)  # served from the cache

    # Progress, then a state change, each committed by another connection.
    commit_elsewhere("UPDATE jobs_job SET state = 'running', step = 3 WHERE id = %s", job.id)
    eventually(api, path, lambda code, body: body["status"] == "in_progress" and body["step"] == 3)
    commit_elsewhere("UPDATE jobs_job SET step = 5 WHERE id = %s", job.id)
    eventually(api, path, lambda code, body: body["step"] == 5)
    code, body, _ = read(api, path)
    assert read(api, path) == (200, body, 0)  # the new answer is cached in turn

    # Completed, then taken down (a row in another table the Video object reads).
    commit_elsewhere("UPDATE jobs_job SET state = 'succeeded', step = 8, finished_at = now() WHERE id = %s", job.id)
    eventually(api, path, lambda code, body: body["status"] == "completed" and body["removed"] is None)
    assert read(api, path)[2] == 0
    commit_elsewhere("INSERT INTO safety_takedown (job_id, active, source, category, reason, removed_at) "
                     "VALUES (%s, true, 'review', 'violence', 'reported', now())", job.id)
    # Until the notification arrives the cached answer has no error: wait, don't fail on reading it.
    eventually(api, path, lambda code, body: (body["error"] or {}).get("code") == "video_removed")
    commit_elsewhere("UPDATE safety_takedown SET active = false WHERE job_id = %s", job.id)
    eventually(api, path, lambda code, body: body["error"] is None)

    # Deleted (the API's soft delete, written elsewhere): a 404, which is never cached.
    commit_elsewhere("UPDATE jobs_job SET deleted_at = now() WHERE id = %s", job.id)
    eventually(api, path, lambda code, body: code == 404)
    assert read(api, path)[0::2] == (404, 1)


def test_a_cached_list_page_runs_no_query_and_follows_changes_committed_elsewhere(user_and_client) -> None:
    user, api = user_and_client
    jobs = [make_job(user) for _ in range(3)]
    code, page, queries = read(api, "/v1/videos", limit=20)
    assert (code, [v["id"] for v in page["data"]], queries) == (200, [j.id for j in reversed(jobs)], 1)
    assert read(api, "/v1/videos", limit=20) == (200, page, 0)
    asc = read(api, "/v1/videos", limit=2, order="asc")[1]
    assert read(api, "/v1/videos", limit=2, order="asc") == (200, asc, 0)  # each page its own entry

    commit_elsewhere("UPDATE jobs_job SET state = 'running', step = 2 WHERE id = %s", jobs[0].id)
    eventually(api, "/v1/videos", lambda code, body: body["data"][-1]["step"] == 2, limit=20)
    eventually(api, "/v1/videos", lambda code, body: body["data"][0]["step"] == 2, limit=2, order="asc")
    commit_elsewhere("UPDATE jobs_job SET deleted_at = now() WHERE id = %s", jobs[1].id)
    eventually(api, "/v1/videos", lambda code, body: len(body["data"]) == 2, limit=20)
    commit_elsewhere("DELETE FROM jobs_job WHERE id = %s", jobs[2].id)
    eventually(api, "/v1/videos", lambda code, body: [v["id"] for v in body["data"]] == [jobs[0].id], limit=20)
    # A job made elsewhere appears on the page (the insert notifies too).
    newer = make_job(user)
    eventually(api, "/v1/videos", lambda code, body: body["first_id"] == newer.id, limit=20)
    page = read(api, "/v1/videos", limit=20)[1]
    assert read(api, "/v1/videos", limit=20) == (200, page, 0)


def test_a_read_that_started_before_an_invalidation_does_not_store(user_and_client, monkeypatch) -> None:
    user, api = user_and_client
    job = make_job(user)
    path = f"/v1/videos/{job.id}"
    real_read = jobs.api.views.visible_video

    def read_then_race(user_id: int, video_id: str) -> Any:
        row = real_read(user_id, video_id)  # the old row ...
        before = video_cache.token(user_id)
        commit_elsewhere("UPDATE jobs_job SET state = 'running', step = 4 WHERE id = %s", video_id)
        wait_for(lambda: video_cache.token(user_id) != before, timeout=NOTIFIED_WITHIN_S, interval=0.01)
        return row  # ... returned after the change's notification was handled

    monkeypatch.setattr(jobs.api.views, "visible_video", read_then_race)
    code, body, _ = read(api, path)
    assert (code, body["status"]) == (200, "queued")  # this request answered with what it read
    monkeypatch.setattr(jobs.api.views, "visible_video", real_read)
    assert video_cache.get(status_key(user.pk, job.id)) is None  # but did not keep it
    code, body, queries = read(api, path)
    assert (body["status"], body["step"], queries) == ("in_progress", 4, 1)


def test_a_dropped_listener_turns_the_cache_off_until_it_listens_again(user_and_client, monkeypatch) -> None:
    user, api = user_and_client
    job = make_job(user)
    path = f"/v1/videos/{job.id}"
    monkeypatch.setattr(video_cache_module, "RETRY_FIRST_S", 1.5)  # a window long enough to read in
    read(api, path)
    assert read(api, path)[2] == 0
    pid = video_cache.listener_pid()
    assert pid is not None
    commit_elsewhere("SELECT pg_terminate_backend(%s)", pid)
    wait_for(lambda: not video_cache.listening, timeout=NOTIFIED_WITHIN_S, interval=0.01)
    assert len(video_cache) == 0  # emptied: notifications may be missed while it is away
    # A change made while nobody listens is not missed: every read goes to PostgreSQL meanwhile.
    commit_elsewhere("UPDATE jobs_job SET state = 'running', step = 6 WHERE id = %s", job.id)
    assert not video_cache.listening
    for _ in range(2):
        code, body, queries = read(api, path)
        assert (code, body["step"], queries) == (200, 6, 1)
    assert len(video_cache) == 0
    wait_for(lambda: video_cache.listening, timeout=NOTIFIED_WITHIN_S + 5)
    assert video_cache.listener_pid() not in (None, pid)
    assert read(api, path)[2] == 1
    assert read(api, path)[2] == 0  # cached again
    commit_elsewhere("UPDATE jobs_job SET step = 7 WHERE id = %s", job.id)
    eventually(api, path, lambda code, body: body["step"] == 7)


def test_the_cache_off_gives_the_same_answers(user_and_client, settings) -> None:
    user, api = user_and_client
    done = make_job(user, JobState.SUCCEEDED, step=8, finished_at=timezone.now(), prompt="ünïcode «prompt»")
    pending = make_job(user, JobState.RUNNING, step=2)
    paths = [(f"/v1/videos/{done.id}", {}), (f"/v1/videos/{pending.id}", {}), ("/v1/videos", {"limit": 20}),
             ("/v1/videos", {"limit": 1, "after": pending.id}), (f"/v1/videos/video_{'0' * 28}", {})]

    def answers() -> list[tuple[int, bytes, str | None, str]]:
        out = []
        for path, params in paths:
            resp = api.get(path, data=params or None)
            out.append((resp.status_code, resp.content, resp.get("openai-poll-after-ms"), resp["Content-Type"]))
        return out

    cached_first, cached_again = answers(), answers()
    settings.KINEMA_VIDEO_CACHE = False
    with CaptureQueriesContext(connection) as queries:
        uncached = answers()
    assert len(queries.captured_queries) == len(paths)  # really read
    assert cached_first == cached_again == uncached
    assert [a[2] for a in uncached] == [None, "1000", None, None, None]
    assert [a[0] for a in uncached] == [200, 200, 200, 200, 404]


def test_never_within_a_transaction(user_and_client) -> None:
    user, api = user_and_client
    job = make_job(user)
    path = f"/v1/videos/{job.id}"
    read(api, path)
    assert read(api, path)[2] == 0
    with transaction.atomic():
        Job.objects.filter(pk=job.id).update(state=JobState.CANCELLED)  # uncommitted: nobody is notified yet
        code, body, queries = read(api, path)
        assert (body["status"], queries) == ("failed", 1)  # its own write, read from PostgreSQL
        transaction.set_rollback(True)
    code, body, _ = read(api, path)
    assert body["status"] == "queued"


def test_a_write_through_the_api_drops_this_process_entries_at_once(user_and_client, monkeypatch) -> None:
    user, api = user_and_client
    job = make_job(user)
    path = f"/v1/videos/{job.id}"
    read(api, path)
    read(api, "/v1/videos", limit=20)
    assert read(api, path)[2] == 0
    # Notifications held back (a listener that has not read them yet): only the view's own drop can help.
    monkeypatch.setattr(video_cache, "_apply", lambda payload: None)
    assert api.post(f"/v1/videos/{job.id}/cancel").status_code == 200
    code, body, queries = read(api, path)
    assert (body["status"], body["state"], queries) == ("failed", "cancelled", 1)
    assert read(api, "/v1/videos", limit=20)[1]["data"][0]["state"] == "cancelled"
    assert api.delete(path).status_code == 200
    assert read(api, path)[0] == 404
    assert read(api, "/v1/videos", limit=20)[1]["data"] == []


def test_the_triggers_notify_only_shown_changes(user_and_client) -> None:
    user, _ = user_and_client
    job = make_job(user)
    migration = importlib.import_module("jobs.migrations.0015_video_cache_notify")
    # Every column the Video object reads is compared by the update trigger (a column added to the selectors
    # without a new trigger would be served stale).
    shown = {*VIDEO_COLUMNS, *VIDEO_TIMES, "user_id", "deleted_at", "model_version_id"}
    assert shown - set(migration.QUEUE_COLUMNS) <= set(migration.JOB_COLUMNS)
    # The columns left out are the ones a Video object shows only while the job is queued (never cached).
    assert set(migration.QUEUE_COLUMNS) == {"queue_position", "eta_at"} <= shown
    joined = {name: path.split("__") for name, path in VIDEO_RELATED.items()}
    assert {tuple(p) for p in joined.values() if p[0] == "conditioning"} == {("conditioning", "source_seconds")}
    assert "conditioning -> 'source_seconds'" in migration.JOB_EXPRESSIONS
    assert {p[1] for p in joined.values() if p[0] == "takedown"} <= set(migration.TAKEDOWN_COLUMNS)
    assert {p[1] for p in joined.values() if p[0] == "model_version"} == {"model", "version"}
    assert {p[0] for p in joined.values()} == {"conditioning", "takedown", "model_version"}
    ensure_catalog()  # transactional tests flush the seeded catalog

    with raw_connection() as listener:
        listener.execute(f"LISTEN {CHANNEL}")

        # A lease renewal or heartbeat shows nothing: no notification. Progress does.
        commit_elsewhere("UPDATE jobs_job SET updated_at = now(), lease_expires_at = now() WHERE id = %s", job.id)
        assert heard(listener) == []
        commit_elsewhere("UPDATE jobs_job SET step = 1 WHERE id = %s", job.id)
        assert heard(listener) == [f"{user.pk} {job.id}"]
        commit_elsewhere("UPDATE jobs_job SET conditioning = '{\"source_seconds\": 4}' WHERE id = %s", job.id)
        assert heard(listener) == [f"{user.pk} {job.id}"]
        # The dispatcher's queue positions (publish_positions, every pass): nothing.
        commit_elsewhere("UPDATE jobs_job SET queue_position = 7, eta_at = now() + interval '1 minute' WHERE id = %s",
                         job.id)
        assert heard(listener) == []
        # Several updates of one job in one transaction: one notification (PostgreSQL folds them).
        with raw_connection() as conn, conn.transaction():
            for step in (2, 3, 4):
                conn.execute("UPDATE jobs_job SET step = %s WHERE id = %s", (step, job.id))
        assert heard(listener) == [f"{user.pk} {job.id}"]
        # Rolled back: nothing.
        with raw_connection() as conn:
            conn.autocommit = False
            conn.execute("UPDATE jobs_job SET step = 5 WHERE id = %s", (job.id,))
            conn.rollback()
        assert heard(listener) == []
        # A catalog version's shown name: everything.
        commit_elsewhere("UPDATE jobs_modelversion SET description = description")
        assert heard(listener) == []
        commit_elsewhere("UPDATE jobs_modelversion SET version = version || '-x' WHERE id = "
                         "(SELECT min(id) FROM jobs_modelversion)")
        assert heard(listener) == ["*"]
        commit_elsewhere("UPDATE jobs_modelversion SET version = left(version, -2) WHERE id = "
                         "(SELECT min(id) FROM jobs_modelversion)")
        assert heard(listener) == ["*"]
        # A takedown: its job's user and id.
        commit_elsewhere("INSERT INTO safety_takedown (job_id, active, source, category, reason, removed_at) "
                         "VALUES (%s, true, 'review', 'violence', 'reported', now())", job.id)
        assert heard(listener) == [f"{user.pk} {job.id}"]
        commit_elsewhere("UPDATE safety_takedown SET reason = 'edited' WHERE job_id = %s", job.id)
        assert heard(listener) == []  # not shown
        # A category's label (a removed video's message shows it, safety migration 0007): everything.
        commit_elsewhere("INSERT INTO safety_category (slug, label, enabled, embedding_threshold, updated_at) "
                         "VALUES ('vc_test', 'One', true, 0.6, now())")
        assert heard(listener) == ["*"]
        commit_elsewhere("UPDATE safety_category SET embedding_threshold = 0.7 WHERE slug = 'vc_test'")
        assert heard(listener) == []
        commit_elsewhere("UPDATE safety_category SET label = 'Two' WHERE slug = 'vc_test'")
        assert heard(listener) == ["*"]
        commit_elsewhere("DELETE FROM safety_category WHERE slug = 'vc_test'")
        assert heard(listener) == ["*"]


# Tables whose changes notify (jobs migration 0015, safety migration 0007): a cached answer may read only these.
NOTIFYING_TABLES = {"jobs_job", "safety_takedown", "jobs_modelversion", "safety_category"}


def tables_read(sql: str) -> set[str]:
    return set(re.findall(r'(?:FROM|JOIN)\s+"?(\w+)"?', sql, flags=re.IGNORECASE))


def test_a_removed_video_follows_its_category_label_on_status_and_list(user_and_client) -> None:
    user, api = user_and_client
    commit_elsewhere("INSERT INTO safety_category (slug, label, enabled, embedding_threshold, updated_at) "
                     "VALUES ('violence', 'Violence', true, 0.6, now()) "
                     "ON CONFLICT (slug) DO UPDATE SET label = 'Violence'")
    job = make_job(user, JobState.SUCCEEDED, step=8, finished_at=timezone.now())
    commit_elsewhere("INSERT INTO safety_takedown (job_id, active, source, category, reason, removed_at) "
                     "VALUES (%s, true, 'review', 'violence', 'reported', now())", job.id)
    settled(user.pk)
    path = f"/v1/videos/{job.id}"
    # Building the answer (a cache miss) reads only tables whose changes notify: a read of any other table
    # (a future join) would be served stale, and fails here.
    with CaptureQueriesContext(connection) as queries:
        status = api.get(path).json()
        page = api.get("/v1/videos", data={"limit": 20}).json()
    read_tables = set().union(*(tables_read(q["sql"]) for q in queries.captured_queries))
    assert read_tables <= NOTIFYING_TABLES, read_tables - NOTIFYING_TABLES
    assert "(Violence)" in status["error"]["message"] and page["data"][0]["error"] == status["error"]
    assert read(api, path)[2] == 0 and read(api, "/v1/videos", limit=20)[2] == 0  # both cached

    commit_elsewhere("UPDATE safety_category SET label = 'Graphic violence' WHERE slug = 'violence'")
    eventually(api, path, lambda code, body: "(Graphic violence)" in body["error"]["message"])
    eventually(api, "/v1/videos", lambda code, body: "(Graphic violence)" in body["data"][0]["error"]["message"],
               limit=20)
    # Restored: the list page shows it completed without an error.
    commit_elsewhere("UPDATE safety_takedown SET active = false WHERE job_id = %s", job.id)
    eventually(api, "/v1/videos", lambda code, body: body["data"][0]["error"] is None
               and body["data"][0]["removed"] is None, limit=20)


def test_a_queued_job_is_read_from_postgresql_every_time(user_and_client) -> None:
    user, api = user_and_client
    job = make_queued(user, 3)
    path = f"/v1/videos/{job.id}"
    for _ in range(2):
        code, body, queries = read(api, path)
        assert (code, body["queue_position"], queries) == (200, 3, 1)
        assert read(api, "/v1/videos", limit=20)[2] == 1  # a page showing it: not kept either
    assert len(video_cache) == 0
    # The dispatcher's position updates notify nobody, and the next read shows them all the same.
    commit_elsewhere("UPDATE jobs_job SET queue_position = 1, eta_at = now() WHERE id = %s", job.id)
    code, body, queries = read(api, path)
    assert (body["queue_position"], queries) == (1, 1)
    # Dispatched: no position shown, so cached again (the state change notified).
    commit_elsewhere("UPDATE jobs_job SET state = 'dispatched' WHERE id = %s", job.id)
    settled(user.pk)
    assert read(api, path)[1]["queue_position"] is None
    assert read(api, path)[2] == 0


class FreezableProxy:
    """A TCP proxy to PostgreSQL that can stop forwarding while keeping its sockets open: a hung backend, a
    silent peer or a black-holed route, as the listener's connection sees them."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.frozen = threading.Event()
        self.sockets: list[socket.socket] = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            host, port = self.target
            if host.startswith("/"):
                upstream = socket.socket(socket.AF_UNIX)
                upstream.connect(f"{host}/.s.PGSQL.{port}")
            else:
                upstream = socket.create_connection((host, port))
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                while self.frozen.is_set():
                    time.sleep(0.02)
                b.sendall(data)
        except OSError:
            pass

    def close(self) -> None:
        self.frozen.clear()
        self.server.close()
        for sock in self.sockets:
            sock.close()


def test_a_hung_listener_connection_turns_the_cache_off(user_and_client, monkeypatch) -> None:
    user, api = user_and_client
    job = make_job(user)
    path = f"/v1/videos/{job.id}"
    params = video_cache.connect_params()
    assert params["tcp_user_timeout"] == 5000
    proxy = FreezableProxy(params.get("host") or "127.0.0.1", int(params.get("port") or 5432))
    monkeypatch.setattr(video_cache_module, "CHECK_SILENT_S", 1.0)
    monkeypatch.setattr(video_cache_module, "CHECK_DEADLINE_S", 1.0)
    monkeypatch.setattr(video_cache, "_connect", lambda: psycopg.connect(
        **{**params, "host": "127.0.0.1", "port": proxy.port}, autocommit=True))
    video_cache.stop()
    video_cache.start()
    try:
        wait_for(lambda: video_cache.listening, timeout=NOTIFIED_WITHIN_S)
        read(api, path)
        proxy.frozen.set()  # the server side stops answering; nothing closes the connection
        commit_elsewhere("UPDATE jobs_job SET state = 'running', step = 6 WHERE id = %s", job.id)
        # Within the silence check's time and its deadline: off, and every read goes to PostgreSQL.
        wait_for(lambda: not video_cache.listening, timeout=NOTIFIED_WITHIN_S, interval=0.05)
        code, body, queries = read(api, path)
        assert (body["step"], queries) == (6, 1)
        assert read(api, path)[2] == 1
        proxy.frozen.clear()  # answering again: it reconnects and caches again
        wait_for(lambda: video_cache.listening, timeout=NOTIFIED_WITHIN_S + 10, interval=0.05)
    finally:
        video_cache.stop(timeout_s=1)
        proxy.close()


def test_an_entry_older_than_the_maximum_age_is_read_again(user_and_client, settings, monkeypatch) -> None:
    user, api = user_and_client
    job = make_job(user)
    path = f"/v1/videos/{job.id}"
    settings.KINEMA_VIDEO_CACHE_MAX_AGE_S = 1.0
    read(api, path)
    assert read(api, path)[2] == 0
    monkeypatch.setattr(video_cache, "_apply", lambda payload: None)  # a notification missed somehow
    commit_elsewhere("UPDATE jobs_job SET state = 'running', step = 5 WHERE id = %s", job.id)
    time.sleep(1.1)
    code, body, queries = read(api, path)
    assert (body["step"], queries) == (5, 1)


def test_the_cache_is_bounded_in_bytes(user_and_client, settings) -> None:
    user, api = user_and_client
    overhead = video_cache_module.ENTRY_OVERHEAD_BYTES
    settings.KINEMA_VIDEO_CACHE_BYTES = 4 * (1000 + overhead)
    settings.KINEMA_VIDEO_CACHE_ENTRY_MAX_BYTES = 3000
    settings.KINEMA_VIDEO_CACHE_USER_PAGES = 2

    def put(user_id: int, key: Any, size: int) -> bool:
        return video_cache.put(user_id, key, Entry(b"x" * size, False), video_cache.token(user_id))

    for n in range(6):  # six of 1000 bytes in a budget of four: the two least recently used go
        assert put(n, status_key(n, f"video_{n}"), 1000)
        if n == 3:
            assert video_cache.get(status_key(0, "video_0")) is not None  # used: now the most recent
    assert video_cache.bytes <= settings.KINEMA_VIDEO_CACHE_BYTES and len(video_cache) == 4
    assert [n for n in range(6) if video_cache.get(status_key(n, f"video_{n}")) is not None] == [0, 3, 4, 5]
    assert not put(9, status_key(9, "video_9"), 3000)  # larger than an entry may be: not kept
    video_cache.clear()
    assert video_cache.bytes == 0
    # A user's list pages: at most KINEMA_VIDEO_CACHE_USER_PAGES, their least recently used one goes.
    pages = [list_key(7, 20, after, "desc") for after in (None, "video_a", "video_b")]
    assert put(7, pages[0], 10) and put(7, pages[1], 10)
    video_cache.get(pages[0])
    assert put(7, pages[2], 10)
    assert [video_cache.get(k) is not None for k in pages] == [True, False, True]
    video_cache.invalidate(7)
    assert len(video_cache) == 0 and video_cache.bytes == 0

    # Through the API: a page too large is served, not kept; a small status is.
    settings.KINEMA_VIDEO_CACHE_BYTES = 64 * 1024 * 1024
    jobs_made = [make_job(user, prompt="p" * 1500) for _ in range(2)]
    assert read(api, "/v1/videos", limit=20)[2] == 1
    assert read(api, "/v1/videos", limit=20)[2] == 1
    read(api, f"/v1/videos/{jobs_made[0].id}")
    assert read(api, f"/v1/videos/{jobs_made[0].id}")[2] == 0


def test_a_create_through_the_api_drops_this_process_list_pages(user_and_client, monkeypatch) -> None:
    user, api = user_and_client
    ensure_catalog()  # transactional tests flush the seeded catalog
    make_job(user)
    read(api, "/v1/videos", limit=20)
    assert read(api, "/v1/videos", limit=20)[2] == 0
    monkeypatch.setattr(video_cache, "_apply", lambda payload: None)  # the insert's notification not read yet
    resp = api.post("/v1/videos", {"prompt": "a lighthouse at dusk"}, format="json")
    assert resp.status_code == 200, resp.content
    code, body, queries = read(api, "/v1/videos", limit=20)
    assert (body["first_id"], len(body["data"]), queries) == (resp.json()["id"], 2, 1)


def test_the_listener_connects_with_the_database_options(user_and_client, monkeypatch) -> None:
    options = connection.settings_dict["OPTIONS"]
    monkeypatch.setitem(options, "sslmode", "disable")
    monkeypatch.setitem(options, "target_session_attrs", "read-write")
    params = video_cache.connect_params()
    assert (params["sslmode"], params["target_session_attrs"]) == ("disable", "read-write")
    assert params["connect_timeout"] == options["connect_timeout"]
    video_cache.stop()
    video_cache.start()
    wait_for(lambda: video_cache.listening, timeout=NOTIFIED_WITHIN_S)


def test_read_outcomes_reach_the_metrics_store(user_and_client, monkeypatch) -> None:
    from django.test import Client

    from tests.test_metrics import scrape, value
    from webapp import metrics, resilience

    def waiting() -> dict[tuple[str, str], float]:
        return {(dict(labels)["kind"], dict(labels)["outcome"]): amount
                for (name, labels), amount in resilience._pending.items() if name == "kinema_video_cache_reads"}

    user, api = user_and_client
    done = make_job(user, JobState.SUCCEEDED, finished_at=timezone.now())
    queued = make_queued(user, 1)
    metrics.flush_degradation_counts()  # not the earlier tests' reads
    before = scrape(Client())  # a scrape writes what waits in the serving process
    assert waiting() == {}
    # The process' last write of its counts is now: the reads below wait (on a slow run the first read came over
    # COUNTS_EVERY_S after an earlier test's write, and wrote itself at once).
    monkeypatch.setattr(video_cache, "_counted_at", time.monotonic())
    read(api, f"/v1/videos/{done.id}")  # miss, stored
    read(api, f"/v1/videos/{done.id}")  # hit
    read(api, f"/v1/videos/{queued.id}")  # miss, not stored (it shows a queue position)
    read(api, "/v1/videos", limit=20)  # miss, not stored (the page shows the queued job)
    assert waiting() == {("status", "miss"): 2, ("status", "stored"): 1, ("status", "hit"): 1, ("list", "miss"): 1}
    # A read every COUNTS_EVERY_S writes what waits, its own outcome included.
    monkeypatch.setattr(video_cache, "_counted_at", time.monotonic() - video_cache_module.COUNTS_EVERY_S)
    read(api, f"/v1/videos/{done.id}")
    assert waiting() == {}
    after = scrape(Client())

    def delta(kind: str, outcome: str) -> float:
        return (value(after, "kinema_video_cache_reads_total", kind=kind, outcome=outcome)
                - value(before, "kinema_video_cache_reads_total", kind=kind, outcome=outcome))

    assert [delta("status", o) for o in ("hit", "miss", "stored")] == [2, 2, 1]
    assert delta("list", "miss") == 1
    # Redis away: the counts wait in the process and are written later, not lost.
    read(api, f"/v1/videos/{done.id}")
    monkeypatch.setattr(metrics, "_redis", lambda: (_ for _ in ()).throw(ConnectionError("down")))
    metrics.flush_degradation_counts()
    assert waiting() == {("status", "hit"): 1}
