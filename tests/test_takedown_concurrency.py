"""Two kill switches turned on at once over clips that share sources: each takes its clips one by one, an
extension's source before it, so each can hold a row the other waits for (here: the first holds Z and waits for X,
the second holds X and waits for Z). PostgreSQL ends such a cycle by failing one of the transactions; the switch
whose transaction it failed runs it again (it was rolled back whole), so both switches take effect, each once.
Real moderation code, two connections, the real database."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from jobs import moderation
from jobs.models import Job
from jobs.models import JobState as S
from jobs.moderation import set_kill_switch
from safety.models import KillSwitchAction, ProtectedPerson, Takedown, TakedownAction
from tests.test_lifecycle import make_job

pytestmark = pytest.mark.django_db(transaction=True)

FIRST, SECOND = "Ottilie Marchbanks", "Bartholomew Quince"


def test_two_kill_switches_over_clips_sharing_sources_both_take_effect(make_user, monkeypatch) -> None:
    user, _ = make_user("switches-at-once")
    made: list[Job] = []

    def clip(prompt: str, source: Job | None = None) -> Job:
        time.sleep(0.002)  # ids sort by creation time, to the millisecond
        conditioning = {"mode": "extend", "source_video_id": source.id} if source else {}
        made.append(make_job(user, S.SUCCEEDED, prompt=prompt, finished_at=timezone.now(), conditioning=conditioning))
        return made[-1]

    z = clip("a paper boat on a pond")
    x = clip("a kite over a beach")
    q = clip(f"{FIRST} sails the boat", z)
    p = clip(f"{SECOND} flies the kite", x)
    y = clip(f"{FIRST} flies the kite", x)
    r = clip(f"{SECOND} sails the boat", z)
    assert [j.id for j in made] == sorted(j.id for j in made)
    first = ProtectedPerson.objects.create(name=FIRST)
    second = ProtectedPerson.objects.create(name=SECOND)

    # Each switch stops its first clip (the first: Z then Q; the second: X then P), then both go on together.
    both_stopped_one = threading.Barrier(2, timeout=10)
    waited: set[int] = set()
    apply = moderation.apply_kill_switch

    def apply_then_wait(job_id: str, person: ProtectedPerson, **kwargs: Any) -> bool:
        stopped = apply(job_id, person, **kwargs)
        if person.pk not in waited:  # once: not again when the transaction runs a second time
            waited.add(person.pk)
            try:
                both_stopped_one.wait()
            except threading.BrokenBarrierError:
                pass
        return stopped

    monkeypatch.setattr(moderation, "apply_kill_switch", apply_then_wait)
    results: dict[str, object] = {}

    def turn_on(person: ProtectedPerson) -> None:
        try:
            results[person.name] = set_kill_switch(person, True, reason="their agents asked")
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results[person.name] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=turn_on, args=(person,)) for person in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert results == {FIRST: 2, SECOND: 2}, results
    for job in (q, y, p, r):
        assert Takedown.objects.get(job=job).active
        assert [a.action for a in TakedownAction.objects.filter(takedown__job=job)] == ["remove"]
    assert not Takedown.objects.filter(job__in=[z, x]).exists()
    assert KillSwitchAction.objects.filter(person=first, on=True, clips=2).count() == 1
    assert KillSwitchAction.objects.filter(person=second, on=True, clips=2).count() == 1
