"""The per-process cache of status and list answers (jobs/video_cache.py), against real PostgreSQL: a repeat
read runs no query; a change committed by another connection (raw SQL, as another process would write it)
reaches the cached answer once PostgreSQL's notification arrives; a read that started before an invalidation
it did not see stores nothing; a dropped listener turns the cache off until it is listening again; the
answers are the same with the cache off. Transactional tests: the notifications are sent at commit."""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Callable, Iterator
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
from jobs.video_cache import CHANNEL, status_key, video_cache
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


def make_job(user: Any, state: str = JobState.QUEUED, **fields: Any) -> Job:
    values = dict(tier="plus", prompt="a cat", model="kinema-tiny", seconds=4, size="1280x720", width=1280,
                  height=720, num_frames=17, fps=4, steps=8, seed=1)
    job = Job.objects.create(user=user, state=state, **{**values, **fields})
    settled(user.pk)
    return job


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
    eventually(api, path, lambda code, body: body["error"]["code"] == "video_removed")
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
    assert {*VIDEO_COLUMNS, *VIDEO_TIMES, "user_id", "deleted_at", "model_version_id"} <= set(migration.JOB_COLUMNS)
    joined = {name: path.split("__") for name, path in VIDEO_RELATED.items()}
    assert {tuple(p) for p in joined.values() if p[0] == "conditioning"} == {("conditioning", "source_seconds")}
    assert "conditioning -> 'source_seconds'" in migration.JOB_EXPRESSIONS
    assert {p[1] for p in joined.values() if p[0] == "takedown"} <= set(migration.TAKEDOWN_COLUMNS)
    assert {p[1] for p in joined.values() if p[0] == "model_version"} == {"model", "version"}
    assert {p[0] for p in joined.values()} == {"conditioning", "takedown", "model_version"}
    ensure_catalog()  # transactional tests flush the seeded catalog

    with raw_connection() as listener:
        listener.execute(f"LISTEN {CHANNEL}")

        def heard() -> list[str]:
            return [n.payload for n in listener.notifies(timeout=0.5)]

        # A lease renewal or heartbeat shows nothing: no notification. Progress does.
        commit_elsewhere("UPDATE jobs_job SET updated_at = now(), lease_expires_at = now() WHERE id = %s", job.id)
        assert heard() == []
        commit_elsewhere("UPDATE jobs_job SET step = 1 WHERE id = %s", job.id)
        assert heard() == [f"{user.pk} {job.id}"]
        commit_elsewhere("UPDATE jobs_job SET conditioning = '{\"source_seconds\": 4}' WHERE id = %s", job.id)
        assert heard() == [f"{user.pk} {job.id}"]
        # Several updates of one job in one transaction: one notification (PostgreSQL folds them).
        with raw_connection() as conn, conn.transaction():
            for step in (2, 3, 4):
                conn.execute("UPDATE jobs_job SET step = %s WHERE id = %s", (step, job.id))
        assert heard() == [f"{user.pk} {job.id}"]
        # Rolled back: nothing.
        with raw_connection() as conn:
            conn.autocommit = False
            conn.execute("UPDATE jobs_job SET step = 5 WHERE id = %s", (job.id,))
            conn.rollback()
        assert heard() == []
        # A catalog version's shown name: everything.
        commit_elsewhere("UPDATE jobs_modelversion SET description = description")
        assert heard() == []
        commit_elsewhere("UPDATE jobs_modelversion SET version = version || '-x' WHERE id = "
                         "(SELECT min(id) FROM jobs_modelversion)")
        assert heard() == ["*"]
        commit_elsewhere("UPDATE jobs_modelversion SET version = left(version, -2) WHERE id = "
                         "(SELECT min(id) FROM jobs_modelversion)")
        assert heard() == ["*"]
        # A takedown: its job's user and id.
        commit_elsewhere("INSERT INTO safety_takedown (job_id, active, source, category, reason, removed_at) "
                         "VALUES (%s, true, 'review', 'violence', 'reported', now())", job.id)
        assert heard() == [f"{user.pk} {job.id}"]
        commit_elsewhere("UPDATE safety_takedown SET reason = 'edited' WHERE job_id = %s", job.id)
        assert heard() == []  # not shown
