"""The hot paths' query counts, pinned (issue 17): a regression guard, not a timing test. Each query on
these paths costs the web process and PostgreSQL CPU on every request (docs/benchmarks.md); a change
that adds one fails here with the statements listed. A change that removes one updates the pin.

Also: the status and list reads, which fetch rows (jobs.selectors.visible_video, visible_videos) instead
of Jobs, show exactly what the Video object of the Job shows; the request's rule pass may use a policy
checked KINEMA_POLICY_RECHECK_S ago, but an edit saved in the same process applies at once."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

import safety.policy
from jobs import rollout
from jobs.catalog import ModelVersion, ensure_catalog
from jobs.models import Job, JobState
from jobs.selectors import get_visible_job, quota_usage, video_object, visible_jobs, visible_video, visible_videos
from safety.models import Rule, Takedown
from safety.policy import current_policy

SUBMIT = {"prompt": "a lighthouse at dusk", "seconds": 4, "size": "1280x720"}

# A submission's statements, in order: (verb, first table). BEGIN and COMMIT are the request's transaction.
SUBMIT_STATEMENTS = [
    # The model's version from this process' catalog snapshot (jobs.rollout.catalog_snapshot): no query.
    ("SELECT", "jobs_character"),  # the user's characters the prompt may name (jobs.characters)
    ("BEGIN", ""),
    # The user's plan, by the tier of the user's row, locked in a sub-select: quotas and credits one submission
    # at a time (jobs.submission.lock_user).
    ("SELECT", "accounts_tier"),
    ("SELECT", "jobs_job"),  # daily usage and jobs waiting, one query (jobs.selectors.quota_usage)
    ("WITH", "accounts_creditlot"),  # the hold: lots taken and their ledger entries, one statement
    ("WITH", "jobs_job"),  # the job, its first event and its screening message (jobs.outbox), one statement
    ("COMMIT", ""),
    # The screening message is sent after commit from the row written and marked sent by the process's
    # batch thread (jobs.outbox.SENT_MARKS): no statement of the request's own.
]


def statements(captured: list[dict[str, Any]]) -> list[tuple[str, str]]:
    out = []
    for query in captured:
        sql = query["sql"].strip()
        verb = sql.split(None, 1)[0].upper()
        table = re.search(r'(?:FROM|INTO|UPDATE)\s+"(\w+)"', sql)
        out.append((verb, table.group(1) if table else ""))
    return out


def count(client: APIClient, method: str, path: str, **kwargs: Any) -> list[tuple[str, str]]:
    with CaptureQueriesContext(connection) as queries:
        resp = getattr(client, method)(path, **kwargs)
    assert resp.status_code == 200, resp.content
    return statements(queries.captured_queries)


@pytest.mark.django_db(transaction=True)  # the real commit: the outbox message is sent after it
def test_the_hot_paths_run_a_pinned_number_of_queries(make_user, settings) -> None:
    # The caches on, as in production (make test turns both off for the other tests), with lifetimes long
    # enough that a slow box cannot expire them between the requests: this pins queries, not expiry.
    settings.KINEMA_API_KEY_CACHE_S = 3600
    settings.KINEMA_POLICY_RECHECK_S = 3600
    settings.KINEMA_CATALOG_RECHECK_S = 3600
    rollout.catalog_changed()  # not a snapshot an earlier test read (and rolled back) in this process
    _, key = make_user("counted", tier="plus", credits=1000)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    first = api.post("/v1/videos", SUBMIT, format="json")  # fills the key cache and the policy
    assert first.status_code == 200, first.content
    for _ in range(2):
        api.post("/v1/videos", {**SUBMIT, "prompt": "a lighthouse at dawn"}, format="json")

    assert count(api, "get", "/v1/ping") == []  # the key from this process' cache, the limiter in Redis
    assert count(api, "get", f"/v1/videos/{first.json()['id']}") == [("SELECT", "jobs_job")]
    assert count(api, "get", "/v1/videos", data={"limit": 20}) == [("SELECT", "jobs_job")]
    assert count(api, "get", "/v1/videos", data={"limit": 2, "after": first.json()["id"], "order": "asc"}) == [
        ("SELECT", "jobs_job")]
    submitted = count(api, "post", "/v1/videos", data=SUBMIT, format="json")
    assert submitted == SUBMIT_STATEMENTS, "\n".join(map(str, submitted))


def make_job(user, state: str = JobState.SUBMITTED, **fields: Any) -> Job:
    values = dict(tier="plus", prompt="a cat", model="kinema-tiny", seconds=4, size="1280x720", width=1280,
                  height=720, num_frames=17, fps=4, steps=8, seed=1)
    return Job.objects.create(user=user, state=state, **{**values, **fields})


@pytest.mark.django_db
def test_the_row_reads_show_what_the_job_shows(make_user) -> None:
    user, _ = make_user("rows")
    other, _ = make_user("someone")
    # Times with microseconds (rounded down to whole seconds, as int(datetime.timestamp()) does), some unset.
    now = timezone.now().replace(microsecond=987654)
    ensure_catalog()  # a transactional test before may have flushed the seeded catalog
    version = ModelVersion.objects.order_by("id").first()
    assert version is not None
    jobs = [
        make_job(user, JobState.QUEUED, queue_position=3, eta_at=now + timedelta(seconds=90), queued_at=now,
                 model_version=version, rollout_arm="live", notices=["steps reduced from 60 to 50"]),
        make_job(user, JobState.RUNNING, step=3, started_at=now, attempt=2, style="anime", negative_prompt="blur"),
        make_job(user, JobState.FINALIZING, step=8, frames_done_at=now),
        make_job(user, JobState.SUCCEEDED, step=8, finished_at=now, expires_at=now + timedelta(days=7),
                 credits_held=12, credits_charged=12, conditioning={"mode": "extend", "source_seconds": 6}),
        make_job(user, JobState.SUCCEEDED, step=8, finished_at=now, expires_at=now + timedelta(days=7)),
        make_job(user, JobState.FAILED, error_code="generation_failed", error_message="the GPU worker failed"),
        make_job(user, JobState.BLOCKED, error_code="moderation_blocked", error_message="blocked (violence)"),
    ]
    Takedown.objects.create(job=jobs[4], category="violence", reason="reported", source="review", removed_at=now)
    Takedown.objects.create(job=jobs[3], category="violence", reason="restored", source="review", removed_at=now,
                            active=False)
    deleted = make_job(user, JobState.SUCCEEDED, deleted_at=now)
    theirs = make_job(other)

    for job in jobs:
        row = visible_video(user.pk, job.id)
        loaded = get_visible_job(user, job.id)
        assert row is not None and loaded is not None
        assert video_object(row) == video_object(loaded), job.state
    shown = {job.id: video_object(visible_video(user.pk, job.id) or {}) for job in jobs}
    removed = shown[jobs[4].id]
    assert removed["error"]["code"] == "video_removed" and removed["removed"]["reason"] == "violence"
    assert shown[jobs[3].id]["removed"] is None and shown[jobs[3].id]["seconds"] == "10"
    assert shown[jobs[0].id]["eta_at"] == int((now + timedelta(seconds=90)).timestamp())
    assert shown[jobs[0].id]["model_version"] == version.public_id
    for hidden in (deleted.id, theirs.id, "video_" + "0" * 28, "not an id\x00"):
        assert visible_video(user.pk, hidden) is None

    # The list: the same objects, newest first (ids sort by creation), keyset pages in both orders.
    expected = [video_object(j) for j in visible_jobs(user).order_by("-id")]
    assert [video_object(r) for r in visible_videos(user.pk, limit=100)] == expected
    assert [video_object(r) for r in visible_videos(user.pk, limit=3, after=expected[1]["id"])] == expected[2:5]
    oldest_first = [video_object(r) for r in visible_videos(user.pk, limit=100, after=expected[-1]["id"],
                                                             descending=False)]
    assert oldest_first == expected[-2::-1]


@pytest.mark.django_db
def test_quota_usage_counts_today_and_waiting_in_one_query(make_user) -> None:
    user, _ = make_user("quota")
    yesterday = timezone.now() - timedelta(days=1, hours=1)
    make_job(user, JobState.QUEUED, created_at=yesterday)  # waiting, not today's
    make_job(user, JobState.SUCCEEDED, created_at=yesterday)  # neither
    make_job(user, JobState.SUBMITTED)  # both
    make_job(user, JobState.RUNNING)  # today's, no longer waiting
    make_job(user, JobState.CANCELLED, deleted_at=timezone.now())  # today's: deleted jobs were made
    with CaptureQueriesContext(connection) as queries:
        assert quota_usage(user.pk) == (3, 2)
    assert len(queries.captured_queries) == 1
    assert quota_usage(make_user("new")[0].pk) == (0, 0)


@pytest.fixture
def purple_rule_free() -> Any:
    yield
    Rule.objects.filter(pattern__startswith="purple ").delete()


@pytest.mark.django_db
def test_the_request_policy_is_rechecked_after_its_delay_or_at_once_after_a_save(
        make_user, settings, monkeypatch, purple_rule_free) -> None:
    settings.KINEMA_POLICY_RECHECK_S = 60
    prompt = "a purple elephant at dawn"
    assert not current_policy(60).rules.check(prompt).blocked

    # A bulk insert sends no signal (as an edit made in another process): the request path keeps the
    # policy it checked for up to the delay, while a full check (screening's) sees the rule at once.
    Rule.objects.bulk_create([Rule(category_id="violence", pattern=r"purple elephants?")])
    assert not current_policy(60).rules.check(prompt).blocked
    clock = safety.policy._clock
    monkeypatch.setattr(safety.policy, "_clock", lambda: clock() + 61)  # this module's clock only
    assert current_policy(60).rules.check(prompt).category == "violence"
    monkeypatch.undo()
    assert current_policy().rules.check(prompt).category == "violence"

    # A rule saved in this process (the admin) applies to the very next request.
    _, key = make_user("edited")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    giraffe = {**SUBMIT, "prompt": "a purple giraffe at dawn"}
    assert api.post("/v1/videos", giraffe, format="json").status_code == 200
    Rule.objects.create(category_id="violence", pattern=r"purple giraffes?")
    blocked = api.post("/v1/videos", giraffe, format="json")
    assert blocked.status_code == 400 and blocked.json()["error"]["code"] == "moderation_blocked"
    Rule.objects.filter(pattern=r"purple giraffes?").get().delete()
    assert api.post("/v1/videos", giraffe, format="json").status_code == 200


@pytest.mark.django_db(transaction=True)  # commits: the snapshot is read again at a catalog edit's commit too
def test_the_request_catalog_is_rechecked_after_its_delay_or_at_once_after_a_save(
        make_user, settings, monkeypatch) -> None:
    settings.KINEMA_CATALOG_RECHECK_S = 60
    ensure_catalog()
    name = settings.KINEMA_MODEL_NAME
    rollout.catalog_changed()
    user, _ = make_user("catalogued")
    assert rollout.choose(name, user.pk, size="1280x720").arm == "live"
    with CaptureQueriesContext(connection) as queries:
        assert rollout.choose("kinema-video", user.pk, size="1280x720").version.public_id == f"{name}@1"
        assert rollout.choose(f"{name}@1", user.pk, size="1280x720").arm == "pinned"
    assert queries.captured_queries == []  # from the snapshot

    # A canary for everyone, saved in this process (the admin): the very next request sees it.
    live = ModelVersion.objects.get(model_id=name, state="live")
    canary = ModelVersion.objects.create(model_id=name, version="2", state="canary", canary_share=1.0,
                                         canary_gpu_seconds_per_hour=1e9, resolutions=live.resolutions)
    assert rollout.choose(name, user.pk, size="1280x720").version == canary
    assert rollout.choose(f"{name}@2", user.pk, size="1280x720").arm == "pinned"
    # Its GPU budget is read for every request it would take, never from the snapshot.
    ModelVersion.objects.filter(pk=canary.pk).update(canary_gpu_seconds_per_hour=0)
    with CaptureQueriesContext(connection) as queries:
        assert rollout.choose(name, user.pk, size="1280x720").version == canary  # the snapshot's budget figure...
    assert len(queries.captured_queries) == 2  # ...but its use counted now (recorded and pending GPU-seconds)

    # A bulk UPDATE elsewhere (no signal): the request path keeps its snapshot up to the delay.
    ModelVersion.objects.filter(pk=canary.pk).update(state="draft")
    assert rollout.choose(name, user.pk, size="1280x720").arm == "canary"
    clock = rollout._clock
    monkeypatch.setattr(rollout, "_clock", lambda: clock() + 61)  # this module's clock only
    assert rollout.choose(name, user.pk, size="1280x720").arm == "live"
    with pytest.raises(Exception, match="does not exist or is not available"):
        rollout.choose(f"{name}@2", user.pk, size="1280x720")
    monkeypatch.undo()

    # The reconciler's automatic rollback (a bulk UPDATE in rollout.py) counts as an edit in its process.
    ModelVersion.objects.filter(pk=canary.pk).update(state="canary", canary_gpu_seconds_per_hour=1e9)
    rollout.catalog_changed()
    assert rollout.choose(name, user.pk, size="1280x720").arm == "canary"
    monkeypatch.setattr(rollout, "rollback_verdict", lambda *args: "automatic rollback: test")
    assert rollout.auto_rollback() == [canary.public_id]
    assert rollout.choose(name, user.pk, size="1280x720").arm == "live"
    canary.delete()
