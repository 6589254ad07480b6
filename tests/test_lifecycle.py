"""The job state machine: every legal edge works, every illegal one is refused, fencing holds."""

from __future__ import annotations

import threading
import uuid

import pytest
from django.db import connection

from jobs import lifecycle
from jobs.lifecycle import LEGAL, IllegalTransition
from jobs.models import Job, JobEvent
from jobs.models import JobState as S

ALL = list(S)


def make_job(user, state: str = S.SUBMITTED, **fields) -> Job:
    values = dict(tier="plus", prompt="a cat", model="kinema-tiny", seconds=4, size="1280x720", width=128,
                  height=80, num_frames=17, fps=4, steps=4, seed=1)
    return Job.objects.create(user=user, state=state, **{**values, **fields})


@pytest.fixture
def user(make_user):
    return make_user("lifecycle")[0]


EDGES = [(a, b) for a in ALL for b in ALL if b in LEGAL[a]]
NON_EDGES = [(a, b) for a in ALL for b in ALL if b not in LEGAL[a]]


@pytest.mark.django_db
@pytest.mark.parametrize(("src", "dst"), EDGES)
def test_every_legal_transition_moves_the_job_and_logs_an_event(user, src: str, dst: str) -> None:
    job = make_job(user, src)
    assert lifecycle.transition(job.id, dst, expect=[src], reason="test")
    job.refresh_from_db()
    assert job.state == dst
    event = JobEvent.objects.get(job=job)
    assert (event.from_state, event.to_state, event.reason) == (src, dst, "test")
    if dst in {S.SUCCEEDED, S.FAILED, S.BLOCKED, S.CANCELLED}:
        assert job.finished_at is not None and job.lease_token is None


@pytest.mark.django_db
@pytest.mark.parametrize(("src", "dst"), NON_EDGES)
def test_every_illegal_transition_is_refused(user, src: str, dst: str) -> None:
    job = make_job(user, src)
    with pytest.raises(IllegalTransition):
        lifecycle.transition(job.id, dst, expect=[src])
    job.refresh_from_db()
    assert job.state == src
    assert not JobEvent.objects.filter(job=job).exists()


@pytest.mark.django_db
def test_transition_from_a_state_the_job_is_not_in_writes_nothing(user) -> None:
    job = make_job(user, S.QUEUED)
    assert not lifecycle.transition(job.id, S.BLOCKED, expect=[S.SUBMITTED])
    job.refresh_from_db()
    assert job.state == S.QUEUED and not JobEvent.objects.exists()


@pytest.mark.django_db
def test_full_happy_path_with_fencing(user) -> None:
    job = make_job(user)
    assert lifecycle.accept_after_screening(job.id)
    d = lifecycle.dispatch(job.id, None, "gpu.test")
    assert d is not None and d.attempt == 1
    assert not lifecycle.claim(job.id, d.attempt, uuid.uuid4()), "a wrong token must not claim"
    assert not lifecycle.claim(job.id, d.attempt + 1, d.lease_token), "a wrong attempt must not claim"
    assert lifecycle.claim(job.id, d.attempt, d.lease_token)
    assert lifecycle.report_progress(job.id, d.lease_token, 2)
    assert lifecycle.frames_done(job.id, d.lease_token)
    assert lifecycle.publish(job.id, d.attempt)
    job.refresh_from_db()
    assert job.state == S.SUCCEEDED and job.step == 2
    assert [e.to_state for e in job.events.all()] == [S.QUEUED, S.DISPATCHED, S.RUNNING, S.FINALIZING, S.SUCCEEDED]


@pytest.mark.django_db
def test_a_zombie_worker_cannot_report_or_finish_after_requeue(user) -> None:
    job = make_job(user, S.QUEUED)
    first = lifecycle.dispatch(job.id, None, "gpu.test")
    assert first and lifecycle.claim(job.id, first.attempt, first.lease_token)
    assert lifecycle.requeue(job.id, reason="lease expired", lease_token=first.lease_token) == S.QUEUED
    second = lifecycle.dispatch(job.id, None, "gpu.test")
    assert second and second.attempt == 2
    assert lifecycle.claim(job.id, second.attempt, second.lease_token)
    # The first worker wakes up and tries to carry on: every write is refused.
    assert not lifecycle.report_progress(job.id, first.lease_token, 3)
    assert not lifecycle.frames_done(job.id, first.lease_token)
    assert not lifecycle.fail(job.id, "generation_failed", "zombie", lease_token=first.lease_token)
    assert lifecycle.frames_done(job.id, second.lease_token)
    assert not lifecycle.publish(job.id, first.attempt), "finalize of a stale attempt is refused"
    assert lifecycle.publish(job.id, second.attempt)


@pytest.mark.django_db
def test_requeue_fails_the_job_when_attempts_are_exhausted(user) -> None:
    job = make_job(user, S.QUEUED, max_attempts=1)
    d = lifecycle.dispatch(job.id, None, "gpu.test")
    assert d and lifecycle.claim(job.id, d.attempt, d.lease_token)
    assert lifecycle.requeue(job.id, reason="worker lost", lease_token=d.lease_token) == S.FAILED
    job.refresh_from_db()
    assert job.state == S.FAILED and job.error_code == "generation_failed"


@pytest.mark.django_db
def test_cancel_is_idempotent_and_refused_after_success(user) -> None:
    job = make_job(user, S.QUEUED)
    assert lifecycle.cancel(job.id)
    assert lifecycle.cancel(job.id)
    assert JobEvent.objects.filter(job=job, to_state=S.CANCELLED).count() == 1
    done = make_job(user, S.SUCCEEDED)
    assert not lifecycle.cancel(done.id)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_claimers_exactly_one_wins(user) -> None:
    """Real PostgreSQL, two connections racing the same conditional UPDATE, many times over."""
    for _ in range(20):
        job = make_job(user, S.QUEUED)
        d = lifecycle.dispatch(job.id, None, "gpu.test")
        assert d is not None
        barrier = threading.Barrier(2)
        results: list[bool] = []

        def claimer(d=d, barrier=barrier, results=results) -> None:
            try:
                barrier.wait()
                results.append(lifecycle.claim(d.job_id, d.attempt, d.lease_token))
            finally:
                connection.close()

        threads = [threading.Thread(target=claimer) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results) == [False, True]
        assert JobEvent.objects.filter(job=job, to_state=S.RUNNING).count() == 1
