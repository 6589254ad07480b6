"""What the fourth pass on a submission's cost changed (issue 17, docs/benchmarks.md "Fourth pass"), checked
against the real database and Redis: the SQL made once per process runs what the ORM would have run, the
user's row is locked without the plan's, and the screening message is marked sent by the batch thread."""

from __future__ import annotations

from datetime import timedelta
from typing import cast

import dramatiq
import psycopg
import pytest
from django.db import connection, transaction
from django.utils import timezone

from jobs import outbox
from jobs.models import Job, JobEvent, JobState, OutboxMessage
from jobs.submission import _compiled_insert, _insert_sql, lock_user
from tests.conftest import wait_for
from webapp.broker import SCREEN_JOB, SCREENING_QUEUE

SUBMIT = {"prompt": "a lighthouse at dusk", "seconds": 4, "size": "1280x720"}


def _job(user, **fields) -> Job:
    values = dict(user=user, tier="plus", prompt="a cat", model="kinema-tiny", seconds=4, size="1280x720",
                  width=1280, height=720, num_frames=17, fps=4, steps=8, seed=1)
    return Job(**{**values, **fields})


@pytest.mark.django_db
def test_the_cached_inserts_are_the_orms(make_user) -> None:
    user, _ = make_user("inserts")
    rows = [
        _job(user, prompt="first", notices=["steps reduced"], conditioning={"mode": "image"}, webhook_url=""),
        _job(user, prompt="second, with 'quotes' and %s", negative_prompt="blur", style="anime", guidance_scale=7.5),
    ]
    for job in rows:  # the second row of each model runs the SQL cached from the first
        event = JobEvent(job=job, to_state=job.state, reason="submitted", detail={"credits_held": 3, "notices": []})
        message = outbox.message(SCREENING_QUEUE, SCREEN_JOB, job.id)
        for row, returning in ((job, False), (event, False), (message, True)):
            cached = _insert_sql(row, returning)
            fresh = _compiled_insert(row, returning)
            assert cached[0] == fresh[0]
            # Values the way psycopg would send them (JSON values are adapter objects, compared by content).
            assert [getattr(p, "obj", p) for p in cached[1]] == [getattr(p, "obj", p) for p in fresh[1]]
    # And the submission's statement with them: the rows are there, as written.
    from jobs.submission import insert_together

    job = _job(user, prompt="together")
    event = JobEvent(job=job, to_state=job.state, reason="submitted", detail={"x": 1})
    message = outbox.message(SCREENING_QUEUE, SCREEN_JOB, job.id)
    insert_together(job, event, message)
    assert Job.objects.get(pk=job.pk).prompt == "together"
    assert JobEvent.objects.get(job_id=job.pk).detail == {"x": 1}
    assert OutboxMessage.objects.get(pk=message.pk).args == [job.id]


@pytest.mark.django_db(transaction=True)
def test_the_user_is_locked_not_the_plan_and_the_plan_read_is_current(make_user) -> None:
    user, _ = make_user("locker", tier="plus")
    other = _other_connection()
    try:
        type(user).objects.filter(pk=user.pk).update(tier_id="pro")  # a plan change the caller's copy missed
        with transaction.atomic():
            tier = lock_user(user.pk)
            assert tier.name == "pro" and tier.daily_quota > 0 and tier.display_name
            # Another transaction may lock the plan's row (other users' submissions do not wait)...
            other.execute("BEGIN")
            other.execute('SELECT 1 FROM "accounts_tier" WHERE name = %s FOR UPDATE NOWAIT', ["pro"])
            other.execute("ROLLBACK")
            # ...but not the user's row: this user's submissions are counted one after another.
            with pytest.raises(psycopg.errors.LockNotAvailable):
                other.execute('SELECT 1 FROM "accounts_user" WHERE id = %s FOR UPDATE NOWAIT', [user.pk])
        with pytest.raises(type(user).DoesNotExist):
            with transaction.atomic():
                lock_user(user.pk + 10_000)
    finally:
        other.close()


@pytest.mark.django_db(transaction=True)
def test_the_screening_message_is_sent_then_marked_sent_in_a_batch(make_user, client_for) -> None:
    _, key = make_user("marked")
    api = client_for(key)
    ids = []
    for n in range(3):
        resp = api.post("/v1/videos", {**SUBMIT, "prompt": f"a lighthouse, take {n}"}, format="json")
        assert resp.status_code == 200, resp.content
        ids.append(resp.json()["id"])
    rows = OutboxMessage.objects.filter(actor_name=SCREEN_JOB, args__0__in=ids)
    assert rows.count() == 3
    # Marked by the batch thread, once each, shortly after the responses (the reconciler waits 2 s).
    marked = wait_for(lambda: (lambda found: found if all(r.sent_at for r in found) else None)(list(rows.all())),
                      timeout=10, interval=0.05)
    assert all(r.attempts == 1 and r.last_error == "" for r in marked)
    # The messages reached the queue (or, with the session's CPU worker running, were screened already).
    wait_for(lambda: all(_queued(r) or Job.objects.get(pk=r.args[0]).state != JobState.SUBMITTED for r in rows.all()),
             timeout=30)
    # A row marked once is not marked again: its sent_at and attempts stay.
    first = {r.pk: (r.sent_at, r.attempts) for r in marked}
    marks = outbox.SentMarks()
    for pk in first:
        marks.add(pk)
    wait_for(lambda: not marks._pending, timeout=10, interval=0.05)
    assert marks.flush() == 0
    assert {r.pk: (r.sent_at, r.attempts) for r in rows.all()} == first


def _queued(row: OutboxMessage) -> bool:
    """Is the row's message in its Dramatiq queue? (Dramatiq keys a queued message by an id of its own.)"""
    from webapp.broker import broker

    queued = broker.client.hvals(f"{broker.namespace}:{row.queue_name}.msgs")
    return f"outbox-{row.pk}" in {dramatiq.Message.decode(cast(bytes, m)).message_id for m in queued}


def _other_connection() -> psycopg.Connection:
    settings = connection.settings_dict
    return psycopg.connect(host=settings["HOST"], port=settings["PORT"], user=settings["USER"],
                           dbname=settings["NAME"], autocommit=True)


@pytest.mark.django_db(transaction=True)
def test_a_batch_that_fails_is_left_to_the_reconciler(make_user) -> None:
    row = outbox.message(SCREENING_QUEUE, SCREEN_JOB, "video_" + "0" * 28)
    row.save(force_insert=True)
    other = _other_connection()
    try:
        other.execute("BEGIN")
        other.execute('SELECT 1 FROM "jobs_outboxmessage" WHERE id = %s FOR UPDATE', [row.pk])
        with connection.cursor() as cur:
            cur.execute("SET lock_timeout = '100ms'")
        marks = outbox.SentMarks()
        marks._pending.append(row.pk)
        assert marks.flush() == 0  # the UPDATE timed out on the lock: logged, nothing raised to the sender
        other.execute("ROLLBACK")
    finally:
        other.close()
        with connection.cursor() as cur:
            cur.execute("RESET lock_timeout")
    assert OutboxMessage.objects.get(pk=row.pk).sent_at is None
    OutboxMessage.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(seconds=5))
    assert outbox.relay_pending(min_age_s=2.0) == 1  # the reconciler sends what no one marked
    assert OutboxMessage.objects.get(pk=row.pk).sent_at is not None


@pytest.mark.django_db
def test_the_unread_indexes_are_gone_and_lookups_by_user_keep_theirs() -> None:
    with connection.cursor() as cur:
        cur.execute("SELECT tablename, indexdef FROM pg_indexes WHERE tablename IN "
                    "('jobs_job', 'jobs_jobevent', 'accounts_creditlot', 'accounts_ledgerentry')")
        indexes = {(table, definition.split(" USING btree ")[1]) for table, definition in cur.fetchall()}
    for dropped in [("jobs_job", "(user_id)"), ("jobs_job", "(id varchar_pattern_ops)"),
                    ("jobs_job", "(remixed_from_id varchar_pattern_ops)"),
                    ("jobs_jobevent", "(job_id varchar_pattern_ops)"),
                    ("accounts_creditlot", "(user_id)"), ("accounts_ledgerentry", "(user_id)"),
                    ("accounts_ledgerentry", "(job_id varchar_pattern_ops)")]:
        assert dropped not in indexes, dropped
    # What serves the lookups by user, and the plain indexes the pattern twins shadowed, stay.
    for kept in [("jobs_job", "(user_id, id DESC)"), ("jobs_job", "(user_id, created_at)"), ("jobs_job", "(id)"),
                 ("jobs_job", "(remixed_from_id)"), ("jobs_jobevent", "(job_id)"),
                 ("accounts_creditlot", "(user_id, expires_at)"), ("accounts_ledgerentry", "(user_id, created_at)"),
                 ("accounts_ledgerentry", "(job_id)")]:
        assert kept in indexes, kept
