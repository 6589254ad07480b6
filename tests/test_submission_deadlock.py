"""A submission and the cancel of another of the same user's videos, at the same moment, both succeed.

The submission locks the user's row, then takes credits from the user's lots. A cancel releases the job's hold:
it gives credits back to the same lots, and its ledger entries' reference to the user is checked when it commits
(a key-share lock on the user's row). When the cancel's release ran between the submission's lock and its hold, the
two waited for each other: the submission for the lots the cancel had updated, the cancel's commit for the user's row.
PostgreSQL failed one of them ("deadlock detected") and the caller got 503 database_unavailable (found by the API
fuzzer with two workers). Now a release locks the user's row before the lots, as a submission does, and the
submission's lock is one that the reference checks do not wait for (FOR NO KEY UPDATE).

The interleaving is forced: the submission holds its lock until the cancel waits for it (`pg_blocking_pids`) or has
finished. Real views, two connections, the real database."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection

from accounts.credits import balance
from jobs import submission
from jobs.models import Job, JobState
from tests.conftest import wait_for
from tests.credit_helpers import client_for

pytestmark = pytest.mark.django_db(transaction=True)

VIDEO = {"prompt": "a paper boat on a pond", "size": "96x96", "seconds": 1}


def test_a_submission_and_a_cancel_of_one_user_at_once_both_succeed(make_user, monkeypatch) -> None:
    user, key = make_user("two-at-once", tier="plus", credits=10_000)
    first = client_for(key).post("/v1/videos", VIDEO, format="json")
    assert first.status_code == 200, first.content
    job_id = first.json()["id"]
    held = Job.objects.get(pk=job_id).credits_held
    assert held > 0 and balance(user.pk) == 10_000 - held

    locked, go_on = threading.Event(), threading.Event()
    real_check = submission.check_quotas

    def check_then_wait(*args: Any, **kwargs: Any) -> None:
        real_check(*args, **kwargs)  # the user's row is locked now; the credits are taken next
        locked.set()
        assert go_on.wait(30)

    monkeypatch.setattr(submission, "check_quotas", check_then_wait)
    answers: dict[str, Any] = {}
    canceller_pid: list[int] = []

    def in_thread(name: str, call: Any) -> threading.Thread:
        def run() -> None:
            try:
                if name == "cancel":
                    with connection.cursor() as cur:
                        cur.execute("SELECT pg_backend_pid()")
                        canceller_pid.append(cur.fetchone()[0])
                answers[name] = call()
            finally:
                connection.close()
        thread = threading.Thread(target=run, name=name)
        thread.start()
        return thread

    submitter = in_thread("submit", lambda: client_for(key).post("/v1/videos", VIDEO, format="json"))
    assert locked.wait(30)
    canceller = in_thread("cancel", lambda: client_for(key).post(f"/v1/videos/{job_id}/cancel"))

    def cancel_waits_or_is_done() -> bool:
        if not canceller.is_alive():
            return True
        if not canceller_pid:
            return False
        with connection.cursor() as cur:
            cur.execute("SELECT cardinality(pg_blocking_pids(%s)) > 0", [canceller_pid[0]])
            return bool(cur.fetchone()[0])

    wait_for(cancel_waits_or_is_done, timeout=30, interval=0.05)
    go_on.set()
    submitter.join(60)
    canceller.join(60)
    assert not submitter.is_alive() and not canceller.is_alive()

    assert answers["submit"].status_code == 200, answers["submit"].content
    assert answers["cancel"].status_code == 200, answers["cancel"].content
    second = Job.objects.get(pk=answers["submit"].json()["id"])
    assert Job.objects.get(pk=job_id).state == JobState.CANCELLED
    # The cancelled job's hold came back; the new one's is held: no credit lost or made.
    assert balance(user.pk) == 10_000 - second.credits_held
