"""A video removed for several reasons of its own stays removed until each is lifted: a reviewer's takedown, a
protected person's kill switch, its source's removal (an extension carries its frames). Each removal and each
lift is audited; the owner is told (notice, webhook) only when the video goes from delivered to removed and
back. Real moderation code on the real database, the API's Video object and content answers."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from itertools import permutations
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from jobs import webhooks
from jobs.models import Job, Notification
from jobs.models import JobState as S
from jobs.moderation import (
    REMOVED_EVENT,
    RESTORED_EVENT,
    RESTORED_NOTICE,
    ModerationError,
    restore,
    set_kill_switch,
    take_down,
)
from safety.models import ProtectedPerson, ReviewCase, Takedown, TakedownAction
from safety.permissions import ensure_reviewer_group
from tests.test_lifecycle import make_job

pytestmark = pytest.mark.django_db

PERSON = "Ottilie Marchbanks"


@pytest.fixture
def sent(monkeypatch) -> list[tuple[str, str]]:
    """(event type, job id) of every webhook event emitted (the real emit runs)."""
    calls: list[tuple[str, str]] = []
    real = webhooks.emit

    def emit(user_id: int, event_type: str, data: dict[str, Any], **kwargs: Any) -> Any:
        calls.append((event_type, str(kwargs.get("job_id"))))
        return real(user_id, event_type, data, **kwargs)

    monkeypatch.setattr(webhooks, "emit", emit)
    return calls


def console_reviewer(make_user, name: str) -> Any:
    """A staff user in the reviewers group (not a superuser)."""
    reviewer, _ = make_user(name)
    reviewer.is_staff = True
    reviewer.save(update_fields=["is_staff"])
    reviewer.groups.add(ensure_reviewer_group())
    return reviewer


def owner(make_user, name: str):
    from jobs.models import WebhookEndpoint

    user, key = make_user(name)
    WebhookEndpoint.objects.create(user=user, url="https://hooks.example.com/kinema",
                                   events=[REMOVED_EVENT, RESTORED_EVENT])
    return user, key


def published(user, prompt: str = f"{PERSON} reading on a bench", **fields) -> Job:
    from jobs.artifacts import put_artifact
    from jobs.models import Artifact

    job = make_job(user, S.SUCCEEDED, prompt=prompt, finished_at=timezone.now(), **fields)
    put_artifact(job.id, Artifact.Kind.VIDEO, b"an mp4, never decoded here", "video/mp4")
    return job


def removed(job: Job) -> bool:
    return Takedown.objects.filter(job=job, active=True).exists()


def trail(job: Job) -> list[tuple[str, str]]:
    return [(a.action, a.reason) for a in TakedownAction.objects.filter(takedown__job=job)]


def told_restored(job: Job) -> bool:
    return Notification.objects.filter(job=job, kind=RESTORED_NOTICE).exists()


def api_view(client: Client, job: Job) -> tuple[int, str | None, str | None]:
    """(content status, content error code, the Video object's `removed.reason`)."""
    content = client.get(f"/v1/videos/{job.id}/content")
    code = content.json()["error"]["code"] if content.status_code == 404 else None
    video = client.get(f"/v1/videos/{job.id}").json()
    return content.status_code, code, (video["removed"] or {}).get("reason")


def test_a_kill_switch_turned_off_leaves_a_clip_a_reviewer_took_down_removed(make_user, client_for, sent) -> None:
    """The kill switch removed it first; a reviewer then took it down too: the switch turned off lifts only its
    own removal (`ProtectedPerson.kill_switch`: "unless a reviewer took one down")."""
    user, key = owner(make_user, "reasons-switch-first")
    reviewer, _ = make_user("reasons-reviewer-1")
    clip = published(user)
    person = ProtectedPerson.objects.create(name=PERSON)
    client = client_for(key)

    assert set_kill_switch(person, True, reason="her agent asked") == 1
    assert removed(clip) and sent == [(REMOVED_EVENT, clip.id)]
    assert api_view(client, clip) == (404, "video_removed", "likeness")

    # Already removed: nothing is sent again, but the reviewer's takedown is recorded and holds it.
    assert take_down(clip.id, reason="real violence, not staged", category="violence", actor=reviewer) is None
    assert sent == [(REMOVED_EVENT, clip.id)]
    assert trail(clip) == [("remove", "her agent asked"), ("remove", "real violence, not staged")]

    assert set_kill_switch(person, False, reason="the match was wrong") == 0  # none delivered again
    assert removed(clip) and not told_restored(clip) and sent == [(REMOVED_EVENT, clip.id)]
    assert trail(clip)[-1] == ("restore", "the match was wrong")
    # What still holds it is what the Video object shows now.
    assert api_view(client, clip) == (404, "video_removed", "violence")

    assert restore(clip.id, reason="appeal: a stage play", actor=reviewer) is not None
    assert not removed(clip) and told_restored(clip)
    assert sent == [(REMOVED_EVENT, clip.id), (RESTORED_EVENT, clip.id)]
    assert trail(clip)[-1] == ("restore", "appeal: a stage play")
    assert api_view(client, clip) == (200, None, None)


def test_a_reviewer_restore_leaves_a_clip_removed_while_a_kill_switch_holds_it(make_user, client_for, sent) -> None:
    """A reviewer took it down first; the kill switch came on after: the reviewer's restore lifts only the
    reviewer's takedown, and a second restore (nothing of a reviewer's left) is refused, naming the switch."""
    user, key = owner(make_user, "reasons-reviewer-first")
    reviewer, _ = make_user("reasons-reviewer-2")
    clip = published(user)
    person = ProtectedPerson.objects.create(name=PERSON)
    client = client_for(key)

    assert take_down(clip.id, reason="real violence, not staged", category="violence", actor=reviewer) is not None
    assert set_kill_switch(person, True, reason="her agent asked") == 0  # already removed: none stopped now
    assert trail(clip) == [("remove", "real violence, not staged"), ("remove", "her agent asked")]
    assert sent == [(REMOVED_EVENT, clip.id)]

    assert restore(clip.id, reason="appeal: a stage play", actor=reviewer) is None  # not delivered again
    assert removed(clip) and not told_restored(clip) and sent == [(REMOVED_EVENT, clip.id)]
    assert trail(clip)[-1] == ("restore", "appeal: a stage play")
    assert api_view(client, clip) == (404, "video_removed", "likeness")

    before = trail(clip)
    with pytest.raises(ModerationError, match=PERSON):
        restore(clip.id, reason="please", actor=reviewer)
    assert trail(clip) == before and removed(clip)

    assert set_kill_switch(person, False, reason="the match was wrong") == 1
    assert not removed(clip) and told_restored(clip)
    assert sent == [(REMOVED_EVENT, clip.id), (RESTORED_EVENT, clip.id)]
    assert trail(clip)[-1] == ("restore", "the match was wrong")
    assert api_view(client, clip) == (200, None, None)


LIFTS = ("reviewer", "kill_switch", "source")


@pytest.mark.parametrize("order", list(permutations(LIFTS)), ids="-".join)
def test_an_extension_held_by_three_reasons_comes_back_after_the_last_is_lifted(make_user, sent,
                                                                                order: tuple[str, ...]) -> None:
    user, _ = owner(make_user, "reasons-three")
    reviewer, _ = make_user("reasons-reviewer-3")
    source = published(user, prompt="a paper boat on a pond")
    extension = published(user, conditioning={"mode": "extend", "source_video_id": source.id})
    extension_of_extension = published(user, prompt="and then it sinks",
                                       conditioning={"mode": "extend", "source_video_id": extension.id})
    person = ProtectedPerson.objects.create(name=PERSON)

    assert take_down(extension.id, reason="graphic violence", category="violence", actor=reviewer) is not None
    assert set_kill_switch(person, True, reason="her agent asked") == 0
    assert take_down(source.id, reason="reported, confirmed", category="sexual", actor=reviewer) is not None
    assert removed(source) and removed(extension) and removed(extension_of_extension)
    assert [action for action, _ in trail(extension)] == ["remove"] * 3
    assert trail(extension)[-1][1].startswith(f"contains the frames of {source.id}, which was removed")

    lift: dict[str, Callable[[], object]] = {
        "reviewer": lambda: restore(extension.id, reason="appeal: fake blood", actor=reviewer),
        "kill_switch": lambda: set_kill_switch(person, False, reason="the match was wrong"),
        "source": lambda: restore(source.id, reason="a second look: fine", actor=reviewer),
    }
    for step, name in enumerate(order, start=1):
        lift[name]()
        assert [action for action, _ in trail(extension)] == ["remove"] * 3 + ["restore"] * step
        if step < len(order):
            assert removed(extension) and removed(extension_of_extension), name
            assert not told_restored(extension) and (RESTORED_EVENT, extension.id) not in sent
    assert not removed(extension) and not removed(extension_of_extension)
    assert told_restored(extension) and told_restored(extension_of_extension)
    assert sent.count((REMOVED_EVENT, extension.id)) == 1 and sent.count((RESTORED_EVENT, extension.id)) == 1
    assert not removed(source) and sent.count((RESTORED_EVENT, source.id)) == 1


def test_the_console_says_what_still_holds_a_clip(make_user) -> None:
    """The review console: a takedown decided on a clip a kill switch removed is recorded as such; a restore that
    leaves it removed says why."""
    user, _ = owner(make_user, "reasons-console")
    reviewer = console_reviewer(make_user, "reasons-console-reviewer")
    clip = published(user)
    person = ProtectedPerson.objects.create(name=PERSON)
    from safety.reports import file_report

    file_report(clip.id, user.pk, "violence", "")
    case = ReviewCase.objects.get(job=clip, kind="report")
    assert set_kill_switch(person, True) == 1
    console = Client()
    console.force_login(reviewer)

    page = console.post(f"/admin/safety/reviewcase/{case.pk}/decide/",
                        {"action": "take_down", "reason": "real violence"}, follow=True).content.decode()
    assert "already removed" in page and PERSON in page
    assert trail(clip)[-1] == ("remove", "real violence")
    from safety.models import ReviewAction

    assert ReviewAction.objects.get(case=case).applied  # the takedown holds the clip from now on

    page = console.post(f"/admin/safety/reviewcase/{case.pk}/restore/", {"reason": "appeal"},
                        follow=True).content.decode()
    assert "stays removed" in page and PERSON in page
    assert removed(clip) and trail(clip)[-1] == ("restore", "appeal")


def test_the_migration_keeps_what_existing_takedowns_mean(make_user) -> None:
    """Takedown rows as they were before reasons existed (one row per video): the migration gives each active
    one the reason it stood for, and an extension removed on its own while its source is removed also its
    source's; after that, each lift works on its own reason."""
    migration = importlib.import_module("safety.migrations.0009_takedown_reasons_data")
    from django.apps import apps

    from safety.models import TakedownReason

    user, _ = make_user("reasons-legacy")
    person = ProtectedPerson.objects.create(name=PERSON, kill_switch=True)
    now = timezone.now()

    def legacy(job: Job, *, active: bool = True, source: str = "review", reason: str = "reported",
               category: str = "violence", who: ProtectedPerson | None = None) -> Takedown:
        row = Takedown.objects.create(job=job, active=active, source=source, category=category, reason=reason,
                                      person=who, removed_at=now)
        TakedownAction.objects.create(takedown=row, action="remove", reason=reason)
        return row

    reviewed = published(user, prompt="a kite")
    switched = published(user)
    restored = published(user, prompt="a dog")
    source = published(user, prompt="a paper boat")
    follow = published(user, prompt="a boat, later", conditioning={"mode": "extend", "source_video_id": source.id})
    own = published(user, prompt="a boat, later still", conditioning={"mode": "extend", "source_video_id": source.id})
    legacy(reviewed)
    legacy(switched, source="kill_switch", category="likeness", who=person, reason=f"matched {PERSON}")
    legacy(restored, active=False)
    legacy(source, category="sexual", reason="reported, confirmed")
    legacy(follow, category="sexual", reason=f"contains the frames of {source.id}, which was removed: reported")
    legacy(own, reason="graphic violence")

    migration.forward(apps, None)

    def reasons(job: Job) -> set[tuple[str, str, str]]:
        return {(r.source, r.frames_of, r.category)
                for r in TakedownReason.objects.filter(takedown__job=job, active=True)}

    assert reasons(reviewed) == {("review", "", "violence")}
    assert reasons(switched) == {("kill_switch", "", "likeness")}
    assert TakedownReason.objects.get(takedown__job=switched).person == person
    assert reasons(restored) == set()
    assert reasons(follow) == {("review", source.id, "sexual")}
    assert reasons(own) == {("review", "", "violence"), ("review", source.id, "sexual")}
    assert all(Takedown.objects.get(job=job).active for job in (reviewed, switched, source, follow, own))
    assert not Takedown.objects.get(job=restored).active
    migration.forward(apps, None)  # idempotent: nothing added twice
    assert TakedownReason.objects.filter(active=True).count() == 6

    restore(source.id, reason="a second look: fine")
    assert not removed(follow) and removed(own)  # it was removed on its own as well
    with pytest.raises(ModerationError, match=PERSON):
        restore(switched.id, reason="please")
    set_kill_switch(person, False)
    assert not removed(switched)
    assert restore(reviewed.id, reason="appeal") is not None and not removed(reviewed)



def test_a_kill_switch_match_applied_after_the_switch_was_turned_off_adds_no_reason(make_user, sent) -> None:
    """Re-screening read the switch as on (its frames matched her face), the switch was turned off (nothing of it
    held the clip yet: nothing lifted), then the match was applied with the person as read before. The switch is
    read again under the person's lock: no reason is added. Before, one was, and it held the clip until someone
    turned the switch on and off again (a reviewer's restore is refused while a kill switch holds a clip)."""
    from jobs.moderation import apply_kill_switch
    from safety.models import TakedownReason

    user, _ = owner(make_user, "reasons-stale-switch")
    clip = published(user, prompt="a portrait of a woman in uniform")  # her face, not her name
    person = ProtectedPerson.objects.create(name=PERSON)
    assert set_kill_switch(person, True) == 0
    read_before = ProtectedPerson.objects.get(pk=person.pk)
    assert read_before.kill_switch

    assert set_kill_switch(person, False, reason="the match was wrong") == 0
    assert apply_kill_switch(clip.id, read_before, reason="re-screening matched her face") is False
    assert not removed(clip) and trail(clip) == [] and sent == []
    assert not TakedownReason.objects.filter(takedown__job=clip).exists()

    # While it is on, the same call stops the clip.
    set_kill_switch(person, True)
    assert apply_kill_switch(clip.id, ProtectedPerson.objects.get(pk=person.pk), reason="matched her face") is True
    assert removed(clip) and sent == [(REMOVED_EVENT, clip.id)]


def test_the_owner_is_told_what_brought_the_video_back(make_user) -> None:
    """The restored notice names what was lifted last: a reviewer's restore, a kill switch turned off, or the
    source video restored (an extension); not "a reviewer" for each."""
    user, _ = owner(make_user, "reasons-notice")
    reviewer, _ = make_user("reasons-notice-reviewer")
    reviewed = published(user, prompt="a kite over a beach")
    switched = published(user)
    source = published(user, prompt="a paper boat on a pond")
    extension = published(user, prompt="the boat sails on", conditioning={"mode": "extend",
                                                                           "source_video_id": source.id})
    person = ProtectedPerson.objects.create(name=PERSON)

    take_down(reviewed.id, reason="graphic violence", category="violence", actor=reviewer)
    set_kill_switch(person, True)
    take_down(source.id, reason="reported, confirmed", category="sexual", actor=reviewer)
    assert removed(reviewed) and removed(switched) and removed(extension)

    restore(reviewed.id, reason="appeal: fake blood", actor=reviewer)
    set_kill_switch(person, False)
    restore(source.id, reason="a second look: fine", actor=reviewer)

    def notice(job: Job) -> str:
        told = Notification.objects.get(job=job, kind=RESTORED_NOTICE)
        return f"{told.title} {told.body}"

    assert "reviewer" in notice(reviewed)
    assert "reviewer" in notice(source)
    assert "reviewer" not in notice(switched) and "lifted" in notice(switched)
    assert "reviewer" not in notice(extension) and source.id in notice(extension)
    assert all("available again" in notice(job) for job in (reviewed, switched, source, extension))


def test_the_takedown_page_shows_each_reason_to_a_reviewer(make_user) -> None:
    """The console's takedown page, as a reviewer (not a superuser): the reasons, those still holding the video
    first, and the trail with the reason each action added or lifted."""
    user, _ = owner(make_user, "reasons-admin")
    reviewer = console_reviewer(make_user, "reasons-admin-reviewer")
    clip = published(user)
    person = ProtectedPerson.objects.create(name=PERSON)
    set_kill_switch(person, True, reason="her agent asked")
    take_down(clip.id, reason="real violence, not staged", category="violence", actor=reviewer)
    set_kill_switch(person, False, reason="the match was wrong")
    console = Client()
    console.force_login(reviewer)

    page = console.get(f"/admin/safety/takedown/{Takedown.objects.get(job=clip).pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="reasons-group"' in html and 'id="actions-group"' in html
    reasons = html[html.index('id="reasons-group"'):html.index('id="actions-group"')]
    # The reviewer's takedown holds it (first), the switch's removal was lifted (after).
    assert reasons.index("real violence, not staged") < reasons.index("her agent asked")
    assert reasons.index("a reviewer") < reasons.index(f"the kill switch of {PERSON}")
    actions = html[html.index('id="actions-group"'):]
    assert "Cause" in actions
    assert f"the kill switch of {PERSON} (lifted)" in actions and "a reviewer (active)" in actions


def test_a_video_its_owner_deleted_is_taken_down_and_restored_without_telling_anyone(make_user, client_for,
                                                                                     sent) -> None:
    """The owner deleted a reported video before the reviewer decided: the takedown is recorded (what was made from
    it follows it), but nobody is told "your video was removed", nor later "available again": there is no video."""
    user, key = owner(make_user, "reasons-deleted")
    reviewer, _ = make_user("reasons-reviewer-deleted")
    clip = published(user)
    assert client_for(key).delete(f"/v1/videos/{clip.id}").status_code == 200
    assert take_down(clip.id, reason="reported: harassment", category="hate", actor=reviewer) is not None
    assert removed(clip) and trail(clip) == [("remove", "reported: harassment")]
    assert sent == [] and not Notification.objects.filter(job=clip).exists()
    assert restore(clip.id, reason="not harassment", actor=reviewer) is not None
    assert not removed(clip) and sent == [] and not told_restored(clip)
