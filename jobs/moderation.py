"""After publication: reports, takedowns, restores and kill switches, with what follows them for the owner.

safety/ holds the state and the rules (reports and case priority: safety/reports.py; takedown rows and
their audit: safety/takedown.py); this module adds what needs the jobs: the video must be published
and visible, the owner gets an in-app notification (and its feed event), and a `video.removed` webhook
goes out through the outbox, all in the takedown's transaction. The console (safety/admin.py) calls
`decide_published_case`, `take_down`, `restore` and `set_kill_switch`; the API calls `report_video`.

A removed video's frames must not come back through what was made from it (`conditioning.source_video_id`):
- its extensions contain its frames: they are taken down with it, the source's removal being one more reason
  that holds each (safety/takedown.py); restoring the source lifts that reason, and each extension is
  delivered again unless a reason of its own holds it too (a reviewer's takedown, a kill switch), so none is
  delivered while its source is removed;
- its remixes and edits re-render them: each gets a `derived` review case, for a reviewer to decide;
- a job made from it that is not published yet never is: screening and finalize fail it with
  `source_removed` (`fail_if_source_removed`, which locks the source's row, as `take_down` does, so a
  publication and a takedown of its source are decided one after the other), one held for review is
  blocked, one still queued fails at once;
- a character made from it cannot be used (jobs/characters.py) until the video is restored.

With presigned-URL delivery (S3), a takedown also queues `revoke_urls` (through the outbox, in its
transaction): the CPU worker moves the clip's objects to new keys, so URLs handed out before it stop working
at the store instead of living out their TTL (jobs/delivery.py `revoke_issued_urls`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import dramatiq
from django.db import OperationalError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from jobs import delivery, lifecycle, outbox, signals, webhooks
from jobs.models import Character, Job, JobState, Notification
from jobs.selectors import PUBLIC_STATUS
from safety import decisions
from safety.models import (
    Decision,
    FlaggedFrame,
    KillSwitchAction,
    ProtectedPerson,
    ReviewAction,
    ReviewCase,
    Stage,
    Takedown,
    TakedownReason,
)
from safety.reports import Filed, case_priority, file_report, resolve_reports
from safety.rules import RulePass
from safety.takedown import (
    Change,
    add_reason,
    holding,
    is_taken_down,
    lift,
    removal_object,
    removed_message,
)
from webapp import metrics
from webapp.broker import FINALIZE_QUEUE
from webapp.metrics import after_commit

log = logging.getLogger(__name__)
T = TypeVar("T")

REMOVED_EVENT = "video.removed"
RESTORED_EVENT = "kinema.video.restored"
REMOVED_NOTICE = "video.removed"
RESTORED_NOTICE = "video.restored"
SOURCE_REMOVED = "source_removed"
SOURCE_REMOVED_MESSAGE = ("This video was not published: the video it was made from was removed for violating the "
                          "content policy.")


class ModerationError(ValueError):
    """A moderation step that cannot be taken (no reason, wrong kind of case, already decided)."""


class AlreadyRemoved(Exception):
    """The video was taken down already: a report would only open a case about content nobody can see."""


DEADLOCK_ATTEMPTS = 3


def retry_on_deadlock(fn: Callable[[], T], *, what: str, attempts: int = DEADLOCK_ATTEMPTS) -> T:
    """Run `fn`, which takes its own transaction, and run it again when PostgreSQL failed that transaction to
    break a deadlock ("deadlock detected": rolled back whole), up to `attempts` times in all. A reviewer's
    takedown, decision or restore and a kill switch lock the same rows (persons, clips, each extension's source
    before it, review cases) in orders that can form a cycle (`set_kill_switch`); whichever PostgreSQL fails is
    run again here, so both take effect, each once. What `fn` sends leaves on commit (the owner's feed, metrics,
    the outbox) or is written in its transaction (notifications, webhook events, audit rows): a failed attempt
    sent nothing and left nothing, and the attempt that commits sends it once. (One counter is not deferred:
    `webhooks.emit` counts a delivery it drops over the user's pending limit as it drops it, so a failed attempt
    can count one drop more than was kept.)

    Inside a caller's transaction `fn` runs once and a deadlock is raised: it failed the caller's whole
    transaction, which only the caller can run again."""
    if transaction.get_connection().in_atomic_block:
        return fn()
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except OperationalError as exc:
            if not _deadlock(exc) or attempt == attempts:
                raise
            log.warning("%s: deadlock with another transaction, running it again (attempt %s of %s)", what,
                        attempt + 1, attempts)
    raise AssertionError("unreachable")


def _deadlock(exc: OperationalError) -> bool:
    return getattr(exc.__cause__, "sqlstate", None) == "40P01"


def published_jobs() -> QuerySet[Job]:
    """Clips that are delivered now (or would be, but for a takedown)."""
    now = timezone.now()
    return Job.objects.filter(state=JobState.SUCCEEDED, deleted_at__isnull=True) \
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))


def report_video(job: Job, reporter_id: int, reason: str, details: str) -> Filed:
    """The caller checked that the reporter can see the job; only a published clip can be reported, and not once
    it was taken down (AlreadyRemoved)."""
    if is_taken_down(job.id):
        raise AlreadyRemoved
    filed = file_report(job.id, reporter_id, reason, details)
    after_commit(metrics.inc, "kinema_video_reports", reason=reason)
    return filed


def _tell_owner(job_id: str, user_id: int, kind: str, title: str, body: str) -> None:
    """One notification per video and kind: a second removal (after a restore) brings it back unread."""
    Notification.objects.update_or_create(job_id=job_id, kind=kind, defaults={
        "user_id": user_id, "title": title, "body": body, "created_at": timezone.now(), "read_at": None})
    message = {"kind": "notification", "job_id": job_id, "type": kind, "title": title, "body": body}
    transaction.on_commit(lambda: signals.send_to_feed(user_id, message))


def _video_data(job_id: str, takedown: Takedown | None) -> dict[str, Any]:
    data: dict[str, Any] = {"id": job_id, "object": "video", "status": PUBLIC_STATUS[JobState.SUCCEEDED]}
    if takedown is not None:
        data["removed"] = removal_object(takedown)
        data["error"] = {"code": "video_removed", "message": removed_message(takedown)}
    return data


def take_down(job_id: str, *, reason: str, category: str, actor: Any = None, source: str = Takedown.Source.REVIEW,
              person: ProtectedPerson | None = None, case: ReviewCase | None = None,
              frames_of: str = "") -> Takedown | None:
    """Remove a published clip from delivery for this reason: a reviewer's takedown, `person`'s kill switch
    (`source` kill_switch), or its source `frames_of` removed (an extension: `_follow_removal`). Returns the
    Takedown when the clip stopped being delivered now: the owner is notified and the `video.removed` webhook
    sent. None when it was removed already: this reason is recorded (audited) and holds it too, until it is
    lifted (`restore`); nothing is sent twice. Nothing changes when this reason already holds it. Run again
    when a deadlock failed it (`retry_on_deadlock`), unless called in a transaction."""
    change = retry_on_deadlock(
        lambda: _take_down(job_id, reason=reason, category=category, actor=actor, source=source, person=person,
                           case=case, frames_of=frames_of),
        what=f"takedown of {job_id}")
    return change.takedown if change.now_removed else None


def _take_down(job_id: str, *, reason: str, category: str, actor: Any, source: str, person: ProtectedPerson | None,
               case: ReviewCase | None, frames_of: str) -> Change:
    reason = reason.strip()
    if not reason:
        raise ModerationError("Give a reason: it is kept in the audit trail.")
    with transaction.atomic():
        job = _lock(job_id)
        if job is None or job.state != JobState.SUCCEEDED:
            raise ModerationError("Only a published video can be taken down.")
        change = add_reason(job_id, source=source, category=category, reason=reason, actor=actor, person=person,
                            case=case, frames_of=frames_of)
        takedown = change.takedown
        if not change.now_removed or takedown is None:
            if change.reasons:
                log.info("%s, already removed, now held by %s too", job_id, change.reasons[0].describe())
            return change
        after_commit(metrics.inc, "kinema_takedowns", source=source, category=category)
        if job.deleted_at is None:  # deleted by its owner: nothing is delivered, nobody is told (recorded all the same)
            _tell_owner(job_id, job.user_id, REMOVED_NOTICE, "Your video was removed",
                        f"{removed_message(takedown)} If you think this is a mistake, contact support.")
            webhooks.emit(job.user_id, REMOVED_EVENT, _video_data(job_id, takedown), job_id=job_id)
        revoke_issued_urls_later(job_id)
        _follow_removal(job_id, takedown, actor=actor)
    log.info("took down %s (%s, %s)", job_id, source, category)
    return change


REVOKE_URLS = "revoke_urls"


def revoke_issued_urls_later(job_id: str) -> None:
    """In the caller's transaction: where downloads are presigned URLs (redirect delivery), those handed out for the
    clip are revoked (`revoke_urls`) once it commits; other delivery modes hand out none."""
    if delivery.delivery_mode() == delivery.REDIRECT:
        outbox.enqueue(FINALIZE_QUEUE, REVOKE_URLS, job_id)


@dramatiq.actor(actor_name=REVOKE_URLS, queue_name=FINALIZE_QUEUE, priority=0, max_retries=10, min_backoff=1000,
                time_limit=10 * 60 * 1000)
def revoke_urls(job_id: str) -> None:
    """After a takedown, or a deletion that keeps the bytes for a review case: presigned URLs issued for the clip
    stop working (skipped when it was restored since and not deleted)."""
    if is_taken_down(job_id) or Job.objects.filter(pk=job_id, deleted_at__isnull=False).exists():
        moved = delivery.revoke_issued_urls(job_id)
        log.info("takedown of %s: %s objects moved to new keys, earlier download URLs revoked", job_id, moved)


def restore(job_id: str, *, reason: str, actor: Any = None) -> Takedown | None:
    """A reviewer's restore: lifts the reviewers' takedown of the clip (audited). Returns the Takedown when the
    clip is delivered again (the owner is notified, `kinema.video.restored` sent, and its extensions removed
    with it lifted in turn); None when it was not removed, or when another reason still holds it (a kill
    switch, its removed source: `holding`). Raises ModerationError when no reviewer's takedown holds a
    removed clip: nothing of a reviewer's to lift. Run again when a deadlock failed it (`retry_on_deadlock`),
    unless called in a transaction."""
    reason = reason.strip()
    if not reason:
        raise ModerationError("Give a reason: it is kept in the audit trail.")
    return retry_on_deadlock(lambda: _restore(job_id, reason=reason, actor=actor), what=f"restore of {job_id}")


def _restore(job_id: str, *, reason: str, actor: Any) -> Takedown | None:
    with transaction.atomic():
        job = _lock(job_id)
        if job is None:
            return None
        change = lift(job_id, reason=reason, actor=actor)
        if change.was_removed and not change.reasons:
            raise ModerationError(_why_held(job_id))
        if not change.now_delivered:
            if change.reasons:
                log.info("%s: the reviewers' takedown was lifted; still held by %s", job_id,
                         ", ".join(r.describe() for r in holding(job_id)))
            return None
        _delivered_again(job, reason=reason, actor=actor, why="A reviewer restored your video after a second look.")
    log.info("restored %s", job_id)
    return change.takedown


def _lift(job_id: str, *, reason: str, actor: Any, person: ProtectedPerson | None = None,
          frames_of: str = "") -> bool:
    """Lift `person`'s kill switch, or the removal of the source `frames_of`, from the clip (audited); True when
    it is delivered again (no reason left)."""
    with transaction.atomic():
        job = _lock(job_id)
        if job is None:
            return False
        change = lift(job_id, reason=reason, actor=actor, person=person, frames_of=frames_of)
        if change.now_delivered:
            if frames_of:
                why = f"The video it extends ({frames_of}) is available again, and so is yours."
            else:
                why = "The likeness restriction that removed your video was lifted."
            _delivered_again(job, reason=reason, actor=actor, why=why)
            log.info("restored %s", job_id)
            return True
    if change.reasons:
        log.info("%s: %s lifted; still held by %s", job_id, change.reasons[0].describe(),
                 ", ".join(r.describe() for r in holding(job_id)))
    return False


def _delivered_again(job: Job, *, reason: str, actor: Any, why: str) -> None:
    """In the restore's transaction: the owner is told (`why`: what was lifted last, in the owner's words: a
    reviewer's restore, a kill switch turned off, the source restored), and the extensions removed because they
    contain this clip's frames lose that reason (delivered again unless another reason holds them)."""
    if job.deleted_at is None:  # deleted by its owner: nothing is available again, nobody is told so
        _tell_owner(job.id, job.user_id, RESTORED_NOTICE, "Your video is available again", why)
        webhooks.emit(job.user_id, RESTORED_EVENT, _video_data(job.id, None), job_id=job.id)
    extensions = TakedownReason.objects.filter(active=True, frames_of=job.id).order_by("takedown__job_id")
    for extension_id in list(extensions.values_list("takedown__job_id", flat=True)):
        _lift(extension_id, reason=reason, actor=actor, frames_of=job.id)


def _why_held(job_id: str) -> str:
    """A reviewer's restore refused: what holds the clip, and how each is lifted."""
    parts = []
    for held in holding(job_id):
        if held.frames_of:
            parts.append(f"This video extends {held.frames_of}, which is removed: it contains its frames, so it "
                         f"cannot be delivered while {held.frames_of} is removed. Restore {held.frames_of} first.")
        elif held.person is not None:
            parts.append(f"The kill switch of {held.person.name} removed this video: it is delivered again when "
                         "that switch is turned off.")
    return " ".join(parts) or "No reviewer's takedown holds this video."


# --- what was made from a removed video ---------------------------------------------------------

def _follow_prefix(source_id: str) -> str:
    return f"contains the frames of {source_id}, which was removed"


def _lock(job_id: str) -> Job | None:
    """Lock the video's row, and first, when it is an extension, its source's (the order in which a takedown
    or restore of the source reaches the extension, so that the two are decided one after the other)."""
    conditioning = Job.objects.filter(pk=job_id).values_list("conditioning", flat=True).first() or {}
    if conditioning.get("mode") == "extend" and conditioning.get("source_video_id"):
        list(Job.objects.select_for_update().filter(pk=str(conditioning["source_video_id"])).values_list("pk"))
    return Job.objects.select_for_update().filter(pk=job_id).first()


def removed_source(job: Job, *, lock: bool = False) -> str | None:
    """The id of a taken-down video whose frames this job carries: its source clip (a remix, extension or
    edit of a Kinema video) or the video a character it names was made from; None when there is none.
    `lock` locks those videos' rows until the caller's transaction ends (`take_down` locks the row it
    removes), so whichever of the two comes second sees what the first did."""
    conditioning = job.conditioning or {}
    sources = {str(conditioning["source_video_id"])} if conditioning.get("source_video_id") else set()
    if conditioning.get("character_ids"):
        sources |= set(Character.objects.filter(pk__in=conditioning["character_ids"], source_video__isnull=False)
                       .values_list("source_video_id", flat=True))
    if not sources:
        return None
    if lock:
        list(Job.objects.select_for_update().filter(pk__in=sorted(sources)).order_by("pk").values_list("pk"))
    return Takedown.objects.filter(job_id__in=sources, active=True).order_by("job_id") \
        .values_list("job_id", flat=True).first()


def fail_if_source_removed(job: Job, *, expect: list[str], attempt: int | None = None, lock: bool = False) -> bool:
    """Fail the job with `source_removed` when it carries a removed video's frames; True when it did (or
    the job had moved on)."""
    source = removed_source(job, lock=lock)
    if source is None:
        return False
    lifecycle.fail(job.id, SOURCE_REMOVED, SOURCE_REMOVED_MESSAGE, expect=expect, attempt=attempt,
                   detail={"source_video_id": source})
    log.info("%s not published: its source %s was taken down", job.id, source)
    return True


def _follow_removal(job_id: str, takedown: Takedown, *, actor: Any) -> None:
    """In the takedown's transaction: what was made from the removed video follows it (module docstring)."""
    derived = Job.objects.filter(conditioning__source_video_id=job_id).exclude(pk=job_id).order_by("pk")
    for job in derived.only("id", "state", "conditioning"):
        mode = (job.conditioning or {}).get("mode")
        if job.state in (JobState.SUBMITTED, JobState.QUEUED):
            lifecycle.fail(job.id, SOURCE_REMOVED, SOURCE_REMOVED_MESSAGE, expect=[job.state],
                           detail={"source_video_id": job_id})
        elif job.state == JobState.IN_REVIEW:
            if lifecycle.block(job.id, takedown.category, stage="frames", detail={"source_video_id": job_id}):
                ReviewCase.objects.filter(job_id=job.id, kind=ReviewCase.Kind.HOLD, status=ReviewCase.Status.OPEN) \
                    .update(status=ReviewCase.Status.CLOSED, decided_at=timezone.now(),
                            reason=f"its source video {job_id} was taken down")
        elif job.state == JobState.SUCCEEDED and mode == "extend":  # removed or not: its source now holds it too
            take_down(job.id, reason=f"{_follow_prefix(job_id)}: {takedown.reason}", category=takedown.category,
                      actor=actor, source=takedown.source, person=takedown.person, frames_of=job_id)
        elif job.state == JobState.SUCCEEDED:
            _open_derived_case(job.id, job_id, str(mode or ""), takedown.category)
        # dispatched, running, finalizing: finalize fails it (fail_if_source_removed)


def _open_derived_case(job_id: str, source_id: str, mode: str, category: str) -> None:
    decision = decisions.record(stage=Stage.TAKEDOWN, verdict="review", category=category,
                                fired={"rule": "made from a video taken down", "source_video_id": source_id,
                                       "mode": mode}, job_id=job_id)
    ReviewCase.objects.update_or_create(job_id=job_id, kind=ReviewCase.Kind.DERIVED, defaults={
        "decision": decision, "stage": Stage.TAKEDOWN, "category": category, "top_score": 0.0,
        "priority": case_priority(category), "status": ReviewCase.Status.OPEN, "decided_by": None,
        "decided_at": None, "reason": ""})


def decide_published_case(case: ReviewCase, reviewer: Any, *, remove: bool, reason: str) -> bool:
    """A `report` or `rescreen` case: take the clip down, or keep it published. Returns True when the
    clip was taken down by this decision (it was delivered until now). Audited as a ReviewAction (`applied`:
    the reviewer's takedown holds the clip now, also when another reason had removed it already, e.g. a kill
    switch) and a TakedownAction. Run again when a deadlock failed it (`retry_on_deadlock`), unless called in a
    transaction."""
    reason = reason.strip()
    if not reason:
        raise ModerationError("Give a reason: it is kept in the audit trail.")
    if case.kind == ReviewCase.Kind.HOLD:
        raise ModerationError("This case holds an unpublished clip: approve or reject it.")
    return retry_on_deadlock(lambda: _decide_published_case(case, reviewer, remove=remove, reason=reason),
                             what=f"decision on case {case.pk}")


def _decide_published_case(case: ReviewCase, reviewer: Any, *, remove: bool, reason: str) -> bool:
    with transaction.atomic():
        case = ReviewCase.objects.select_for_update().get(pk=case.pk)
        if case.status != ReviewCase.Status.OPEN:
            raise ModerationError(f"This case was already decided ({case.get_status_display()}).")
        applied = removed = False
        if remove:
            job = Job.objects.filter(pk=case.job_id).only("state").first()
            if job is not None and job.state == JobState.SUCCEEDED:
                change = _take_down(case.job_id, reason=reason, category=case.category, actor=reviewer,
                                    source=Takedown.Source.REVIEW, person=None, case=case, frames_of="")
                applied, removed = bool(change.reasons), change.now_removed
        status = ReviewCase.Status.TAKEN_DOWN if remove else ReviewCase.Status.KEPT
        ReviewCase.objects.filter(pk=case.pk).update(status=status, decided_by=reviewer, decided_at=timezone.now(),
                                                     reason=reason)
        ReviewAction.objects.create(case=case, reviewer=reviewer, action="take_down" if remove else "keep",
                                    reason=reason, applied=applied if remove else True)
        resolve_reports(case)
    return removed


# --- kill switch ------------------------------------------------------------------------------

def matched_clips(person: ProtectedPerson) -> list[str]:
    """Published clips that matched the person: a recorded decision or flagged frame naming them (any
    stage: an approved hold, a re-screen), or their name in the prompt (checked now, so a person protected
    after publication is covered before any re-screen of the frames finishes)."""
    published = published_jobs()
    by_decision = set(Decision.objects.filter(job__in=published).filter(
        Q(fired__person_id=person.pk) | Q(fired__person_ids__contains=[person.pk])).values_list("job_id", flat=True))
    by_frame = set(FlaggedFrame.objects.filter(decision__job__in=published, scores__person_id=person.pk)
                   .values_list("decision__job_id", flat=True))
    names = RulePass.build([], [(person.pk, person.names())], frozenset())
    by_name = {job_id for job_id, prompt in published.values_list("id", "prompt").iterator(chunk_size=2000)
               if names.find_person(names.normalise(prompt)) is not None}
    return sorted(j for j in by_decision | by_frame | by_name if j)


def set_kill_switch(person: ProtectedPerson, on: bool, *, actor: Any = None, reason: str = "") -> int:
    """Turn a person's kill switch on (every published clip that matched them stops being delivered, in
    this transaction; one removed already is held by the switch too) or off (the switch's removals are lifted:
    the clips it held are delivered again unless another reason holds them, a reviewer's takedown or a removed
    source). Returns the number of clips stopped, or delivered again.

    The transaction locks the person's row, then the clips' one by one (each extension's source before it, and
    what follows a removal after it), so two switches over clips that share sources can each hold a row the other
    waits for (so can a switch and a reviewer's takedown, decision or restore of a source). PostgreSQL breaks such
    a cycle by failing one of the transactions ("deadlock detected"), rolled back whole: the switch's, like the
    reviewer's, is run again, up to DEADLOCK_ATTEMPTS times (`retry_on_deadlock`; not inside a caller's
    transaction, which is the caller's to retry). Sorting the clips up front would not do: what follows a removal
    (extensions of extensions) is locked depth first, and rows locked early would be held across the follow-ups'
    review-case locks, which a reviewer's decision takes before the clip's."""
    return retry_on_deadlock(lambda: _set_kill_switch(person, on, actor=actor, reason=reason),
                             what=f"kill switch for person {person.pk}")


def _set_kill_switch(person: ProtectedPerson, on: bool, *, actor: Any, reason: str) -> int:
    with transaction.atomic():
        ProtectedPerson.objects.filter(pk=person.pk).update(kill_switch=on, updated_at=timezone.now())
        person.kill_switch = on
        why = reason.strip() or f"kill switch for {person.name} turned {'on' if on else 'off'}"
        affected = 0
        if on:
            for job_id in matched_clips(person):
                affected += apply_kill_switch(job_id, person, actor=actor, reason=why)
        else:
            held = TakedownReason.objects.filter(person=person, source=Takedown.Source.KILL_SWITCH, frames_of="",
                                                 active=True).order_by("takedown__job_id")
            for job_id in list(held.values_list("takedown__job_id", flat=True)):
                affected += _lift(job_id, reason=why, actor=actor, person=person)
        KillSwitchAction.objects.create(person=person, on=on, actor=actor, reason=why, clips=affected)
    log.info("kill switch for person %s %s: %s clips", person.pk, "on" if on else "off", affected)
    return affected


def apply_kill_switch(job_id: str, person: ProtectedPerson, *, actor: Any = None, reason: str = "") -> bool:
    """A clip that matched `person` (by name, by face) is removed while their kill switch is on: True when it
    stops being delivered now; False when it was removed already (the switch holds it too now), is no longer
    published, or the switch is off. The switch is read under the person's row lock, taken before the clip's (the
    order `set_kill_switch` takes them in), not from `person` as the caller read it: a switch turned off since
    then adds nothing (a reason added after it was turned off would hold the clip until someone turned the switch
    on and off again)."""
    with transaction.atomic():
        switch = ProtectedPerson.objects.select_for_update().filter(pk=person.pk) \
            .values_list("kill_switch", flat=True).first()
        if not switch:
            log.info("%s not stopped: the kill switch of person %s is off", job_id, person.pk)
            return False
        try:
            return take_down(job_id, reason=reason or f"matched {person.name}, whose kill switch is on",
                             category="likeness", actor=actor, source=Takedown.Source.KILL_SWITCH,
                             person=person) is not None
        except ModerationError:  # no longer published (deleted, expired, or never was): nothing to stop
            return False


# --- videos removed before their extensions followed them ---------------------------------------------

@dataclass(frozen=True)
class FollowUp:
    """An extension made to follow its removed source by `backfill_followups`."""

    job_id: str
    source_id: str
    removed_now: bool  # it was delivered until now (else it was removed already, for a reason of its own)


def backfill_followups() -> list[FollowUp]:
    """Extensions of a removed video that its removal does not hold (it was removed before extensions followed
    their source: they still deliver its frames) are taken down as its follow-ups, exactly as `_follow_removal`
    does it live: the source's removal becomes one of their reasons (audited); one delivered until now stops
    being delivered (the owner told, `video.removed` sent) and its own extensions follow it. Idempotent: an
    extension its source's removal holds already is left alone. Returns what it did, follow-ups of follow-ups
    included (`manage.py backfill_takedown_followups`)."""
    done: list[FollowUp] = []
    sources = list(Takedown.objects.filter(active=True).order_by("job_id").values_list("job_id", flat=True))
    for source_id in sources:
        for job_id in _unfollowed_extensions(source_id):
            done += _backfill(job_id, source_id)
    return done


def _unfollowed_extensions(source_id: str) -> list[str]:
    """Published extensions of `source_id` that its removal does not hold (what `_follow_removal` takes down)."""
    followed = TakedownReason.objects.filter(active=True, frames_of=source_id).values("takedown__job_id")
    return list(Job.objects.filter(conditioning__source_video_id=source_id, conditioning__mode="extend",
                                   state=JobState.SUCCEEDED).exclude(pk=source_id).exclude(pk__in=followed)
                .order_by("pk").values_list("pk", flat=True))


def _backfill(job_id: str, source_id: str) -> list[FollowUp]:
    with transaction.atomic():
        # The source's row first (as its restore locks it): still removed, and stays so until this commits.
        list(Job.objects.select_for_update().filter(pk=source_id).values_list("pk"))
        takedown = Takedown.objects.filter(job_id=source_id, active=True).select_related("person").first()
        if takedown is None or job_id not in _unfollowed_extensions(source_id):
            return []
        last = TakedownReason.objects.order_by("-id").values_list("id", flat=True).first() or 0
        try:
            take_down(job_id, reason=f"{_follow_prefix(source_id)}: {takedown.reason}", category=takedown.category,
                      source=takedown.source, person=takedown.person, frames_of=source_id)
        except ModerationError:  # no longer published
            return []
        added = TakedownReason.objects.filter(id__gt=last).exclude(frames_of="").order_by("id")
        return [FollowUp(job_id=extension, source_id=source, removed_now=not TakedownReason.objects.filter(
                    takedown__job_id=extension, active=True, id__lte=last).exists())
                for extension, source in added.values_list("takedown__job_id", "frames_of")]
