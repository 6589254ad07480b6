"""Users report videos (POST /v1/videos/{id}/reports and the studio's Report button): one open report per
user and video, refusals in the OpenAI error shape, and the review case each report opens or joins, worked
by priority in the moderation console."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Tier
from jobs.models import Job
from jobs.models import JobState as S
from safety.models import Report, ReviewCase
from safety.permissions import ensure_reviewer_group
from safety.reports import CATEGORY_WEIGHT, MAX_COUNTED_REPORTERS, REPORTER_STEP, case_priority, file_report
from tests.api_helpers import assert_error
from tests.test_lifecycle import make_job


def published(user, prompt: str = "a lighthouse at dusk") -> Job:
    return make_job(user, S.SUCCEEDED, prompt=prompt, finished_at=timezone.now())


def report(client: APIClient, video_id: str, **body: object):
    return client.post(f"/v1/videos/{video_id}/reports", body, format="json")


@pytest.mark.django_db
def test_a_report_opens_a_case_and_a_second_one_by_the_same_user_is_refused(alice, api) -> None:
    job = published(alice[0])
    resp = report(api, job.id, reason="violence", details="  a fight at 0:03  ")
    assert resp.status_code == 200, resp.content
    body = resp.json()
    assert {k: body[k] for k in ("object", "video_id", "reason", "details", "status")} == {
        "object": "video.report", "video_id": job.id, "reason": "violence", "details": "a fight at 0:03",
        "status": "open"}
    assert "X-RateLimit-Remaining" in resp  # rate-limited like every other write
    case = ReviewCase.objects.get(job=job)
    assert (case.kind, case.status, case.category, case.stage) == ("report", "open", "violence", "report")
    assert case.priority == case_priority("violence", 1)
    assert Report.objects.get(pk=body["id"]).case == case

    again = report(api, job.id, reason="hate")
    assert_error(again, 409, "already_reported")
    assert Report.objects.filter(job=job).count() == 1


@pytest.mark.django_db
def test_bad_reports_are_clear_4xx(alice, api, make_user, client_for) -> None:
    job = published(alice[0])
    assert_error(report(api, job.id), 400, "missing_required_parameter", "reason")
    assert_error(report(api, job.id, reason="boring"), 400, "invalid_value", "reason")
    assert_error(report(api, job.id, reason=7), 400, "invalid_value", "reason")
    assert_error(report(api, job.id, reason="other", details="x" * 1001), 400, "invalid_value", "details")
    assert_error(report(api, job.id, reason="other", details="a\x00b"), 400, param="details")
    assert_error(api.post(f"/v1/videos/{job.id}/reports", ["violence"], format="json"), 400)
    assert_error(report(api, "video_nope", reason="other"), 400, "invalid_id", "video_id")
    # Another user's video, and one that does not exist: 404, never a hint that it exists.
    _, bob_key = make_user("bob")
    assert_error(report(client_for(bob_key), job.id, reason="violence"), 404, "not_found")
    assert_error(report(api, "video_" + "0" * 28, reason="violence"), 404, "not_found")
    # Not published (yet, or ever): nothing to report.
    pending = make_job(alice[0], S.RUNNING)
    assert_error(report(api, pending.id, reason="violence"), 409, "video_not_published")
    assert_error(APIClient().post(f"/v1/videos/{job.id}/reports", {"reason": "other"}, format="json"), 401)
    assert not Report.objects.exists() and not ReviewCase.objects.exists()


@pytest.mark.django_db
def test_reports_are_rate_limited_and_replayed_with_an_idempotency_key(make_user, client_for) -> None:
    Tier.objects.filter(name="free").update(requests_per_minute=3)
    user, key = make_user("limited", tier="free")
    client = client_for(key)
    jobs = [published(user) for _ in range(4)]
    first = client.post(f"/v1/videos/{jobs[0].id}/reports", {"reason": "other"}, format="json",
                        HTTP_IDEMPOTENCY_KEY="r1")
    replay = client.post(f"/v1/videos/{jobs[0].id}/reports", {"reason": "other"}, format="json",
                         HTTP_IDEMPOTENCY_KEY="r1")
    assert first.status_code == replay.status_code == 200 and first.json() == replay.json()
    assert Report.objects.count() == 1
    assert report(client, jobs[1].id, reason="other").status_code == 200
    limited = report(client, jobs[2].id, reason="other")
    assert_error(limited, 429, "rate_limit_exceeded")
    assert int(limited["Retry-After"]) >= 1


@pytest.mark.django_db
def test_priority_minors_first_then_distinct_reporters(make_user) -> None:
    owner, _ = make_user("owner")
    reporters = [make_user(f"r{i}")[0] for i in range(4)]
    crowd, minors, single = published(owner, "crowd"), published(owner, "minors"), published(owner, "single")
    for r in reporters:
        file_report(crowd.id, r.pk, "violence")
    file_report(minors.id, reporters[0].pk, "sexual_minors")
    file_report(single.id, reporters[0].pk, "violence")
    file_report(single.id, reporters[1].pk, "other")  # joins the same case; the gravest reason names it
    cases = {c.job_id: c for c in ReviewCase.objects.all()}
    assert len(cases) == 3 and ReviewCase.objects.filter(kind="report").count() == 3
    assert cases[crowd.id].priority == case_priority("violence", 4) > cases[single.id].priority
    assert (cases[single.id].category, cases[single.id].priority) == ("violence", case_priority("violence", 2))
    assert cases[minors.id].priority > cases[crowd.id].priority
    # No pile-on of a lesser category overtakes a minors report.
    assert CATEGORY_WEIGHT["sexual_minors"] > max(w for c, w in CATEGORY_WEIGHT.items() if c != "sexual_minors") \
        + REPORTER_STEP * MAX_COUNTED_REPORTERS
    assert case_priority("sexual", 10_000) < case_priority("sexual_minors", 1)
    assert list(ReviewCase.objects.values_list("job_id", flat=True)) == [minors.id, crowd.id, single.id]


@pytest.mark.django_db
def test_the_console_queue_is_worked_by_priority_and_a_decided_case_reopens(make_user, django_user_model) -> None:
    owner, _ = make_user("owner2")
    low, high = published(owner, "low priority clip"), published(owner, "high priority clip")
    file_report(low.id, owner.pk, "other")
    file_report(high.id, owner.pk, "sexual_minors")
    reviewer = django_user_model.objects.create_user("tns", password="pw", is_staff=True)
    reviewer.groups.add(ensure_reviewer_group())
    client = Client()
    client.force_login(reviewer)
    page = client.get("/admin/safety/reviewcase/?status__exact=open").content.decode()
    assert page.index(high.id) < page.index(low.id)  # minors first
    case = ReviewCase.objects.get(job=low)
    detail = client.get(f"/admin/safety/reviewcase/{case.pk}/change/").content.decode()
    assert "Take down" in detail and "Keep published" in detail and "Approve and publish" not in detail
    client.post(f"/admin/safety/reviewcase/{case.pk}/decide/", {"action": "keep", "reason": "a cartoon fight"})
    case.refresh_from_db()
    assert (case.status, case.decided_by, case.reason) == ("kept", reviewer, "a cartoon fight")
    assert Report.objects.get(job=low).status == "resolved"
    assert case.actions.get().action == "keep"
    # The report was decided: the same user may report again, and that reopens the case.
    file_report(low.id, owner.pk, "hate")
    case.refresh_from_db()
    assert (case.status, case.category, case.decided_by) == ("open", "hate", None)
    assert ReviewCase.objects.filter(job=low).count() == 1


@pytest.mark.django_db
def test_the_studio_report_button(alice) -> None:
    job = published(alice[0])
    client = Client()
    client.force_login(alice[0])
    page = client.get(f"/videos/{job.id}/").content.decode()
    assert 'id="report-button"' in page and 'value="sexual_minors"' in page
    resp = client.post(f"/videos/{job.id}/report", {"reason": "self_harm", "details": "at the end"}, follow=True)
    assert resp.status_code == 200 and "your report was sent" in resp.content.decode()
    assert Report.objects.get(job=job).reason == "self_harm"
    again = client.post(f"/videos/{job.id}/report", {"reason": "self_harm"}, follow=True)
    assert "already reported" in again.content.decode() and Report.objects.count() == 1
    bad = client.post(f"/videos/{job.id}/report", {"reason": "nonsense"}, follow=True)
    assert "Choose what is wrong" in bad.content.decode()
    assert client.post(f"/videos/video_{'0' * 28}/report", {"reason": "other"}).status_code == 404


@pytest.mark.django_db
def test_a_removed_video_cannot_be_the_source_of_a_remix_or_an_extension(alice, api) -> None:
    from jobs.artifacts import put_artifact
    from jobs.models import Artifact
    from jobs.moderation import take_down

    job = published(alice[0])
    put_artifact(job.id, Artifact.Kind.VIDEO, b"not decoded: refused before", "video/mp4")
    assert take_down(job.id, reason="reported and confirmed", category="violence") is not None
    remix = api.post(f"/v1/videos/{job.id}/remix", {"prompt": "the same, at night"}, format="json")
    assert_error(remix, 404, "video_removed", "video_id")
    extension = api.post("/v1/videos/extensions", {"video": {"id": job.id}, "prompt": "and then", "seconds": "4"},
                         format="json")
    assert_error(extension, 404, "video_removed", "video")
    assert Job.objects.count() == 1  # nothing was submitted


@pytest.mark.django_db
def test_a_removed_video_cannot_be_reported_remixed_or_generated_again(alice, api) -> None:
    """Its content is gone: a report would only open a case about nothing, and its prompt, settings and seed
    (also when its clip has expired, when a remix would take the settings and seed alone) would make it again."""
    from jobs.idempotency import new_form_token
    from jobs.moderation import take_down

    job = published(alice[0])  # no clip stored: as after expiry
    assert take_down(job.id, reason="confirmed", category="violence") is not None
    cases = ReviewCase.objects.count()
    assert_error(report(api, job.id, reason="violence"), 404, "video_removed")
    remix = api.post(f"/v1/videos/{job.id}/remix", {"prompt": "the same, at night"}, format="json")
    assert_error(remix, 404, "video_removed", "video_id")

    client = Client()
    client.force_login(alice[0])
    again = client.post(f"/videos/{job.id}/again", {"submission_token": new_form_token()}, follow=True)
    assert "cannot be remixed or generated again" in again.content.decode()
    reported = client.post(f"/videos/{job.id}/report", {"reason": "violence"}, follow=True)
    assert "already taken down" in reported.content.decode()
    assert Job.objects.count() == 1 and not Report.objects.exists() and ReviewCase.objects.count() == cases
