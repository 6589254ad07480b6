"""A reviewer's takedown or restore of a source and a kill switch lock the same clips in orders that can form a
cycle: the reviewer's locks the source, then each extension (its source's row, then its own), to make it follow;
the switch locks each clip it stops, an extension's source before it, in id order. With a source S, its
extensions E1 (extended again by E2) and F, and a switch over E2 and F, the switch holds E1 (E2's source) and
waits for S (F's source) while the reviewer's holds S and waits for E1. PostgreSQL fails one of the two
transactions ("deadlock detected"); the reviewer's is run again like the switch's (`retry_on_deadlock`), so
both take effect, each once, and the console answers as usual instead of a server error.

The cycle forms every time: the switch stops E2, then waits until the reviewer's transaction waits for it
(`pg_blocking_pids`) before it goes on to F. The reviewer's waited first and the switch's transaction checks for
deadlocks only after 30 s, so the reviewer's check runs first and PostgreSQL fails the reviewer's transaction.
Real moderation code, two connections, the real database."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import DatabaseError, OperationalError, connection, transaction
from django.test import Client

from jobs import moderation, signals
from jobs.models import Job, Notification, WebhookEvent
from jobs.moderation import REMOVED_EVENT, REMOVED_NOTICE, RESTORED_EVENT, RESTORED_NOTICE, set_kill_switch
from safety.models import ProtectedPerson, ReviewAction, ReviewCase
from safety.reports import file_report
from tests.conftest import wait_for
from tests.test_takedown_reasons import PERSON, console_reviewer, owner, published, removed, trail

pytestmark = pytest.mark.django_db(transaction=True)


@dataclass
class Clips:
    source: Job
    e1: Job  # extends the source
    e2: Job  # extends e1; matched the person
    f: Job  # extends the source; matched the person, made after e2 (the switch stops e2 first)
    case: ReviewCase  # the source's report case
    reviewer: Any
    person: ProtectedPerson


@pytest.fixture
def clips(make_user) -> Clips:
    user, _ = owner(make_user, "deadlock-owner")
    source = published(user, prompt="a paper boat on a pond")
    e1 = published(user, prompt="the boat drifts on", conditioning={"mode": "extend", "source_video_id": source.id})
    e2 = published(user, prompt=f"{PERSON} picks it up",
                   conditioning={"mode": "extend", "source_video_id": e1.id})
    f = published(user, prompt=f"{PERSON} waves at the boat",
                  conditioning={"mode": "extend", "source_video_id": source.id})
    assert [e1.id, e2.id, f.id] == sorted([e1.id, e2.id, f.id])
    file_report(source.id, user.pk, "violence", "")
    return Clips(source, e1, e2, f, ReviewCase.objects.get(job=source, kind="report"),
                 console_reviewer(make_user, "deadlock-reviewer"), ProtectedPerson.objects.create(name=PERSON))


@pytest.fixture
def feed(monkeypatch) -> list[tuple[str, str]]:
    """(notification type, job id) of every feed event sent to an owner: sent on commit, after the real thing."""
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(signals, "send_to_feed", lambda user_id, message: calls.append((message["type"],
                                                                                         message["job_id"])))
    return calls


@pytest.fixture
def attempts(monkeypatch) -> dict[str, int]:
    """How many times each of the reviewer's transactions ran."""
    counts: dict[str, int] = {}

    def counting(name: str) -> Callable[..., Any]:
        real = getattr(moderation, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            counts[name] = counts.get(name, 0) + 1
            return real(*args, **kwargs)
        return counted

    for name in ("_decide_published_case", "_restore"):
        monkeypatch.setattr(moderation, name, counting(name))
    return counts


def backend_pid() -> int:
    with connection.cursor() as cur:
        cur.execute("SELECT pg_backend_pid()")
        return int(cur.fetchone()[0])


def waits_for(pid: int, holder: int) -> bool:
    """Whether backend `pid` waits for a lock `holder` holds."""
    with connection.cursor() as cur:
        cur.execute("SELECT %s = ANY(pg_blocking_pids(%s))", [holder, pid])
        return bool(cur.fetchone()[0])


@contextmanager
def switch_in_the_way(person: ProtectedPerson, monkeypatch) -> Iterator[dict[str, object]]:
    """Turn `person`'s kill switch on in a thread (a connection) of its own; the body runs once the switch has
    stopped its first clip (E2, holding E1's row). The switch goes on to F (S's row) only when this connection's
    transaction waits for the switch's. On exit, the switch has ended: `result` is what it returned or raised."""
    reviewer = backend_pid()
    holding = threading.Event()
    out: dict[str, object] = {}
    apply = moderation.apply_kill_switch

    def apply_then_wait(job_id: str, who: ProtectedPerson, **kwargs: Any) -> bool:
        stopped = apply(job_id, who, **kwargs)
        if not holding.is_set():  # once: not again if its transaction runs a second time
            # The switch's own deadlock check comes long after the reviewer's (PostgreSQL checks a waiting backend
            # deadlock_timeout after it began to wait, 1 s): on a loaded box the switch's could otherwise run first.
            # (A superuser setting: a role without it keeps the default, in a savepoint so the switch goes on.)
            with suppress(DatabaseError), transaction.atomic(), connection.cursor() as cur:
                cur.execute("SET LOCAL deadlock_timeout = '30s'")
            holding.set()
            switch = backend_pid()
            wait_for(lambda: waits_for(reviewer, switch), timeout=20, interval=0.02)
        return stopped

    monkeypatch.setattr(moderation, "apply_kill_switch", apply_then_wait)

    def turn_on() -> None:
        try:
            out["result"] = set_kill_switch(person, True, reason="her agent asked")
        except Exception as exc:  # noqa: BLE001 - reported by the callers' assertions
            out["result"] = exc
        finally:
            holding.set()
            connection.close()

    thread = threading.Thread(target=turn_on, daemon=True)
    thread.start()
    try:
        assert holding.wait(20), "the switch never stopped its first clip"
        yield out
    finally:
        thread.join(60)
        assert not thread.is_alive(), "the switch never ended"


def notices(job: Job, kind: str) -> int:
    return Notification.objects.filter(job=job, kind=kind).count()


def webhook_events(job: Job, event_type: str) -> int:
    return WebhookEvent.objects.filter(job_id=job.id, type=event_type).count()


def test_a_reviewer_takedown_that_deadlocks_with_a_kill_switch_is_run_again(clips: Clips, feed, attempts,
                                                                             monkeypatch) -> None:
    console = Client()
    console.force_login(clips.reviewer)
    with switch_in_the_way(clips.person, monkeypatch) as switch:
        page = console.post(f"/admin/safety/reviewcase/{clips.case.pk}/decide/",
                            {"action": "take_down", "reason": "real violence"}, follow=True)
    assert page.status_code == 200
    assert "the video was taken down; the owner was notified" in page.content.decode()
    # Failed once ("deadlock detected"), then done; on a loaded box the retry may start while the switch's transaction
    # still runs and form a second cycle with it, and is run again (the effects below are each once all the same).
    assert set(attempts) == {"_decide_published_case"} and attempts["_decide_published_case"] >= 2
    assert switch["result"] == 2  # E2 and F: the switch was not the one PostgreSQL failed

    # Both took effect, each once: the source and E1 by the reviewer, E2 and F by the switch, then held by their
    # source's removal too.
    c = clips
    assert all(removed(job) for job in (c.source, c.e1, c.e2, c.f))
    assert [a for a, _ in ReviewAction.objects.filter(case=c.case).values_list("action", "reason")] == ["take_down"]
    assert ReviewCase.objects.get(pk=c.case.pk).status == ReviewCase.Status.TAKEN_DOWN
    assert trail(c.source) == [("remove", "real violence")]
    assert trail(c.e1) == [("remove", f"contains the frames of {c.source.id}, which was removed: real violence")]
    assert [action for action, _ in trail(c.e2)] == ["remove", "remove"]
    assert trail(c.e2)[0][1] == "her agent asked" and f"frames of {c.e1.id}" in trail(c.e2)[1][1]
    assert trail(c.f) == [("remove", "her agent asked"), trail(c.e1)[0]]
    assert sorted(feed) == sorted((REMOVED_NOTICE, job.id) for job in (c.source, c.e1, c.e2, c.f))
    for job in (c.source, c.e1, c.e2, c.f):
        assert notices(job, REMOVED_NOTICE) == 1 and webhook_events(job, REMOVED_EVENT) == 1


def test_a_reviewer_restore_that_deadlocks_with_a_kill_switch_is_run_again(clips: Clips, feed, attempts,
                                                                            monkeypatch) -> None:
    c = clips
    console = Client()
    console.force_login(c.reviewer)
    console.post(f"/admin/safety/reviewcase/{c.case.pk}/decide/", {"action": "take_down", "reason": "violence?"})
    assert all(removed(job) for job in (c.source, c.e1, c.e2, c.f))
    feed.clear()

    with switch_in_the_way(c.person, monkeypatch) as switch:
        page = console.post(f"/admin/safety/reviewcase/{c.case.pk}/restore/", {"reason": "a stage play"},
                            follow=True)
    assert page.status_code == 200
    assert "the video is delivered again; the owner was notified" in page.content.decode()
    assert attempts["_decide_published_case"] == 1 and attempts["_restore"] >= 2  # >= 2: as in the takedown above
    assert switch["result"] == 0  # E2 and F were removed already: held by the switch too, none stopped now

    # The source and E1 are delivered again, each told once; E2 and F stay removed: the switch holds them.
    assert not removed(c.source) and not removed(c.e1) and removed(c.e2) and removed(c.f)
    assert trail(c.source) == [("remove", "violence?"), ("restore", "a stage play")]
    assert [action for action, _ in trail(c.e1)] == ["remove", "restore"]
    assert [action for action, _ in trail(c.e2)] == ["remove", "remove", "restore"]  # E1's removal lifted
    assert [action for action, _ in trail(c.f)] == ["remove", "remove", "restore"]  # the source's lifted
    assert sorted(feed) == sorted((RESTORED_NOTICE, job.id) for job in (c.source, c.e1))
    for job in (c.source, c.e1):
        assert notices(job, RESTORED_NOTICE) == 1 and webhook_events(job, RESTORED_EVENT) == 1
    assert not Notification.objects.filter(job__in=[c.e2, c.f], kind=RESTORED_NOTICE).exists()


def test_inside_a_callers_transaction_the_deadlock_is_raised(clips: Clips, feed, attempts, monkeypatch) -> None:
    """The deadlock failed the caller's whole transaction: only the caller can run it again."""
    c = clips
    with switch_in_the_way(c.person, monkeypatch) as switch:
        with pytest.raises(OperationalError) as raised, transaction.atomic():
            moderation.decide_published_case(c.case, c.reviewer, remove=True, reason="real violence")
    assert moderation._deadlock(raised.value)
    assert attempts == {"_decide_published_case": 1}
    assert switch["result"] == 2
    assert not removed(c.source) and not removed(c.e1) and removed(c.e2) and removed(c.f)
    assert not ReviewAction.objects.filter(case=c.case).exists()
    assert ReviewCase.objects.get(pk=c.case.pk).status == ReviewCase.Status.OPEN
    assert sorted(feed) == sorted((REMOVED_NOTICE, job.id) for job in (c.e2, c.f))  # the switch's only
