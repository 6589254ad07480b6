"""Re-screening after publication, end to end with the real dispatcher and CPU worker: a policy edit in
the console re-screens the clips published in the window (prompt and stored frames) and sends what
would not pass now to review, never to a takedown; a run is idempotent per policy version and resumes
after a worker dies mid-batch without screening a clip twice; a protected person's kill switch stops
every clip that matched them at once (by name), and re-screening finds the rest (by face)."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.utils import timezone

from jobs import rescreen
from jobs.artifacts import live_artifact
from jobs.models import Artifact, Job
from safety.models import Decision, KillSwitchAction, RescreenItem, RescreenRun, ReviewCase, Rule, Takedown
from safety.permissions import ensure_reviewer_group
from safety.policy import current_policy
from safety.rescreen import policy_version
from tests.conftest import wait_for
from tests.safety_media import clip, protect_grace_hopper
from tests.test_takedown import published_clip

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def console(django_user_model) -> Client:
    reviewer = django_user_model.objects.create_user("tns-rescreen", password="pw", is_staff=True)
    reviewer.groups.add(ensure_reviewer_group())
    client = Client()
    client.force_login(reviewer)
    client.reviewer = reviewer  # type: ignore[attr-defined]  # for the audit assertions
    return client


def finished_run() -> RescreenRun:
    return wait_for(lambda: RescreenRun.objects.filter(finished_at__isnull=False,
                                                       policy_version=policy_version(current_policy())).first(),
                    timeout=300, interval=0.5)


def content_status(key: str, base: str, job: Job) -> int:
    return httpx.get(f"{base}/v1/videos/{job.id}/content", headers={"Authorization": f"Bearer {key}"},
                     timeout=30).status_code


def test_a_policy_edit_sends_published_clips_that_fail_now_to_review(stack, live_server, make_user,
                                                                     console) -> None:
    owner, key = make_user("creator-rs")
    flagged = published_clip(owner, prompt="a crowd chanting zorblax slogans at a rally")
    clean = published_clip(owner, prompt="a paper boat on a pond")
    old = published_clip(owner, prompt="zorblax graffiti on an old wall")
    Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=60))  # outside the window

    resp = console.post("/admin/safety/rule/add/", {"category": "hate", "kind": "pattern", "pattern": "zorblax",
                                                    "enabled": "on", "note": "new slur"})
    assert resp.status_code == 302, resp.content.decode()[:500]
    run = finished_run()  # started by the edit, run by the CPU worker

    assert "rule edited by tns-rescreen" in run.trigger
    items = {i.job_id: i.outcome for i in RescreenItem.objects.filter(run=run)}
    assert items == {flagged.id: "review", clean.id: "allow"} and (run.screened, run.flagged) == (2, 1)
    case = ReviewCase.objects.get(job=flagged)
    assert (case.kind, case.status, case.category, case.stage) == ("rescreen", "open", "hate", "rescreen")
    assert case.decision.fired["prompt"]["category"] == "hate" and case.decision.fired["frames"] is not None
    # To review, never straight to a takedown: the clip is still delivered until a reviewer decides.
    assert not Takedown.objects.exists() and content_status(key, live_server.url, flagged) == 200
    assert not ReviewCase.objects.filter(job__in=[clean, old]).exists()

    # Idempotent per policy version: starting again is the same run, and a batch finds nothing to do.
    assert rescreen.start_run("again").pk == run.pk and rescreen.run_batch(run.pk) == 0
    assert RescreenItem.objects.filter(run=run).count() == 2


class WorkerKilled(BaseException):
    """Stands for SIGKILL mid-batch: not an Exception, so nothing in the batch gets to clean up."""


def test_a_run_killed_mid_batch_resumes_and_screens_no_clip_twice(stack, make_user, monkeypatch) -> None:
    owner, _ = make_user("creator-crash")
    jobs = [published_clip(owner, prompt=f"a paper boat number {i}") for i in range(3)]
    run = RescreenRun.objects.create(policy_version=policy_version(current_policy()), window_days=30,
                                     since=timezone.now() - timedelta(days=30), trigger="test")
    real_record = rescreen.record_outcome
    recorded: list[str] = []

    def record_then_die(run_, job, *args):
        if recorded:
            raise WorkerKilled
        recorded.append(job.id)
        return real_record(run_, job, *args)

    monkeypatch.setattr(rescreen, "record_outcome", record_then_die)
    with pytest.raises(WorkerKilled):
        rescreen.run_batch(run.pk)  # in this process, which "dies" after the first clip
    monkeypatch.undo()
    first = RescreenItem.objects.get(run=run)
    assert first.job_id == jobs[0].id
    run.refresh_from_db()
    assert run.leased_until is not None and run.finished_at is None  # the dead batch still holds the lease
    assert rescreen.resume_stale_runs() == 0  # not before the lease expires
    RescreenRun.objects.filter(pk=run.pk).update(leased_until=timezone.now() - timedelta(seconds=1))
    assert rescreen.resume_stale_runs() == 1  # the reconciler's step: the real CPU worker continues

    run = finished_run()
    items = RescreenItem.objects.filter(run=run)
    assert sorted(items.values_list("job_id", flat=True)) == sorted(j.id for j in jobs)  # each clip once
    assert items.get(job_id=jobs[0].id).at == first.at  # the clip done before the crash was not redone
    assert run.screened == 3 and run.flagged == 0


def test_a_kill_switch_stops_matched_clips_at_once_and_rescreening_finds_the_rest(
        stack, live_server, make_user, console) -> None:
    owner, key = make_user("creator-ks")
    by_name = published_clip(owner, prompt="Admiral Hopper at her desk, documentary style")
    by_face = published_clip(owner, prompt="a portrait of a woman in uniform", frames=clip(3, face_frames=range(3)))
    other = published_clip(owner, prompt="a paper boat on a pond")
    person = protect_grace_hopper()  # protected after these clips were published

    resp = console.post("/admin/safety/protectedperson/", {"action": "kill_switch_on",
                                                           "_selected_action": [person.pk]})
    assert resp.status_code == 302
    # At once, in the action's own transaction: the clip that names her (no re-screen needed).
    assert content_status(key, live_server.url, by_name) == 404
    stopped = Takedown.objects.get(job=by_name)
    assert (stopped.source, stopped.person_id, stopped.active) == ("kill_switch", person.pk, True)
    switch = KillSwitchAction.objects.get(person=person)
    assert (switch.on, switch.actor, switch.clips) == (True, console.reviewer, 1)

    # Re-screening (started by the same action) finds her face in the stored frames of the other clip.
    run = finished_run()
    assert RescreenItem.objects.get(run=run, job=by_face).outcome == "kill_switch"
    assert content_status(key, live_server.url, by_face) == 404
    assert Takedown.objects.get(job=by_face).source == "kill_switch"
    face = Decision.objects.get(job=by_face, stage="rescreen")
    assert person.pk in face.fired["person_ids"]
    assert content_status(key, live_server.url, other) == 200
    assert RescreenItem.objects.get(run=run, job=other).outcome == "allow"

    # Off again: what the switch stopped is delivered again (audited as a restore).
    console.post("/admin/safety/protectedperson/", {"action": "kill_switch_off", "_selected_action": [person.pk]})
    assert content_status(key, live_server.url, by_name) == content_status(key, live_server.url, by_face) == 200
    assert KillSwitchAction.objects.filter(person=person, on=False, clips=2).exists()


def test_manage_rescreen_starts_one_run_per_policy_version() -> None:
    from io import StringIO

    from django.core.management import call_command

    from jobs.models import OutboxMessage

    out = StringIO()
    call_command("rescreen", "--days", "3", stdout=out)
    call_command("rescreen", stdout=out)  # same policy version: the same run, nothing queued again
    run = RescreenRun.objects.get()
    assert run.window_days == 3 and run.trigger == "manage.py rescreen"
    # This run's messages: a batch of an earlier test's run, still in the session's CPU worker when that test's
    # tables were flushed, may queue its next batch after the flush.
    assert OutboxMessage.objects.filter(actor_name=rescreen.RESCREEN_BATCH, args__0=run.pk).count() == 1
    assert out.getvalue().count(f"run {run.pk} ") == 2


def test_a_clip_whose_media_is_missing_or_unreadable_is_recorded_and_the_run_moves_on(make_user) -> None:
    """Before, one missing MP4 raised out of the batch: its retries, then the reconciler's resends, met the
    same clip forever and no later clip was re-screened. Now each clip is recorded with the reason its
    frames were not screened (its prompt still is) and the run finishes."""
    owner, _ = make_user("creator-rs-media")
    flagged_missing = published_clip(owner, prompt="zorblax graffiti on an old wall")
    missing = published_clip(owner, prompt="a lighthouse at night")
    corrupt = published_clip(owner, prompt="a kite over a beach")
    clean = published_clip(owner, prompt="a paper boat on a pond")
    for job in (flagged_missing, missing):
        default_storage.delete(live_artifact(job.id, Artifact.Kind.VIDEO).key)  # type: ignore[union-attr]
    with default_storage.open(live_artifact(corrupt.id, Artifact.Kind.VIDEO).key, "wb") as fh:  # type: ignore[union-attr]
        fh.write(b"this is not an MP4")
    Rule.objects.create(category_id="hate", kind="pattern", pattern="zorblax")
    run = RescreenRun.objects.create(policy_version=policy_version(current_policy()), window_days=30,
                                     since=timezone.now() - timedelta(days=30), trigger="test")

    while rescreen.run_batch(run.pk):
        pass
    run.refresh_from_db()
    assert run.finished_at is not None and run.screened == 4 and run.flagged == 1
    items = {i.job_id: (i.outcome, i.reason) for i in RescreenItem.objects.filter(run=run)}
    assert items[clean.id] == ("allow", "")
    assert items[missing.id][0] == "skipped" and items[missing.id][1].startswith("stored media missing")
    assert items[corrupt.id][0] == "error" and items[corrupt.id][1].startswith("media unreadable")
    # Its prompt was judged all the same: to review, with the reason its frames were not.
    assert items[flagged_missing.id][0] == "review" and items[flagged_missing.id][1].startswith("stored media")
    assert ReviewCase.objects.get(job=flagged_missing).category == "hate"


def test_a_kill_switch_turned_off_while_a_match_is_recorded_holds_no_clip(make_user, monkeypatch) -> None:
    """Re-screening found her face in a clip while her switch was on; the switch was turned off before the match
    was applied. Before, the switch was read outside any lock: turning it off found nothing to lift, then the
    match added a kill-switch reason that held the clip until someone turned the switch on and off again. Now the
    clip's outcome is decided under her row's lock (taken before the clip's, as the switch takes them): the switch
    turned off waits for it, then lifts what it added."""
    import threading

    from django.db import connection

    from jobs.moderation import set_kill_switch
    from safety import decisions
    from safety.models import ProtectedPerson, TakedownReason
    from safety.rescreen import ClipFindings

    owner, _ = make_user("creator-rs-race")
    clip = published_clip(owner, prompt="a portrait of a woman in uniform")
    person = ProtectedPerson.objects.create(name="Ottilie Marchbanks")
    set_kill_switch(person, True)
    run = RescreenRun.objects.create(policy_version=policy_version(current_policy()), window_days=30,
                                     since=timezone.now() - timedelta(days=30), trigger="test")
    found = ClipFindings(flagged=True, category="likeness", top_score=0.9, person_ids={person.pk},
                         fired={"person_ids": [person.pk]})

    read, switched_off = threading.Event(), threading.Event()
    record = decisions.record

    def record_after_the_switch_is_turned_off(*args, **kwargs):
        read.set()
        switched_off.wait(timeout=3)  # it does not come while the person's row is locked
        return record(*args, **kwargs)

    monkeypatch.setattr(decisions, "record", record_after_the_switch_is_turned_off)
    results: dict[str, object] = {}

    def in_thread(name: str, fn) -> None:
        try:
            results[name] = fn()
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results[name] = exc
        finally:
            connection.close()

    def turn_off() -> int:
        try:
            return set_kill_switch(person, False, reason="the match was wrong")
        finally:
            switched_off.set()

    rescreening = threading.Thread(target=in_thread, args=(
        "outcome", lambda: rescreen.record_outcome(run, clip, found, None, current_policy())))
    rescreening.start()
    assert read.wait(timeout=30)
    switch = threading.Thread(target=in_thread, args=("off", turn_off))
    switch.start()
    rescreening.join(timeout=60)
    switch.join(timeout=60)

    assert results["outcome"] == "kill_switch" and results["off"] == 1, results
    assert not ProtectedPerson.objects.get(pk=person.pk).kill_switch
    assert not Takedown.objects.filter(job=clip, active=True).exists()
    assert not TakedownReason.objects.filter(takedown__job=clip, active=True).exists()
    assert ReviewCase.objects.get(job=clip, kind="rescreen").status == "open"  # a reviewer still looks at it
