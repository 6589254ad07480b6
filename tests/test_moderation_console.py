"""The moderation console: a reviewer works the queue, approves or rejects with a reason, the permissions,
and protected-person photos."""

from __future__ import annotations

import io

import numpy as np
import pytest
from django.contrib.auth.models import Permission
from django.http import HttpResponseBase, StreamingHttpResponse
from django.test import Client

from accounts.credits import balance
from jobs.models import Job, JobEvent, Notification
from jobs.models import JobState as S
from jobs.tasks import finalize_job
from safety.models import Category, ReferencePhoto, ReviewAction, ReviewCase
from safety.permissions import ensure_reviewer_group
from safety.policy import current_policy
from tests.safety_media import clip, finalizing_job, grace_hopper, jpeg


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("tns", password="pw", is_staff=True)
    user.groups.add(ensure_reviewer_group())
    return user


def streamed(response: HttpResponseBase) -> bytes:
    """The body of a streamed answer (a file)."""
    assert isinstance(response, StreamingHttpResponse)
    return response.getvalue()


def case_for_review(user) -> ReviewCase:
    Category.objects.filter(slug="sexual").update(frame_review_threshold=0.0, frame_block_threshold=0.99)
    job = finalizing_job(user, clip(6), prompt="a foggy harbour")
    finalize_job.fn(job.id, 1)
    Category.objects.filter(slug="sexual").update(frame_review_threshold=0.5, frame_block_threshold=0.8)
    return ReviewCase.objects.get(job=job)


@pytest.mark.django_db
def test_reviewer_works_the_queue_and_approves_with_a_reason(reviewer, make_user) -> None:
    creator, _ = make_user("creator", credits=500)
    case = case_for_review(creator)
    client = Client()
    client.force_login(reviewer)
    queue = client.get("/admin/safety/reviewcase/?status__exact=open&category=sexual")
    assert queue.status_code == 200 and case.job_id in queue.content.decode()
    page = client.get(f"/admin/safety/reviewcase/{case.pk}/change/").content.decode()
    assert "a foggy harbour" in page and "creator (plus)" in page and "<video" in page
    assert page.count(f"/admin/safety/reviewcase/{case.pk}/frame/") == 6 and "Approve and publish" in page
    # The Content-Security-Policy refuses inline style attributes: the layout comes from review.css.
    assert " style=" not in page and "review.css" in page
    video = client.get(f"/admin/safety/reviewcase/{case.pk}/media/video/")
    assert video.status_code == 200 and streamed(video)[4:8] == b"ftyp"
    # Byte ranges, as the owners' downloads: the console's player seeks (and plays where 206 is required).
    part = client.get(f"/admin/safety/reviewcase/{case.pk}/media/video/", HTTP_RANGE="bytes=4-7")
    assert part.status_code == 206 and streamed(part) == b"ftyp" and part["Content-Range"].startswith("bytes 4-7/")
    flagged = case.decision.frames.first()
    assert flagged is not None
    frame = client.get(f"/admin/safety/reviewcase/{case.pk}/frame/{flagged.pk}/")
    assert frame.status_code == 200 and streamed(frame)[:2] == b"\xff\xd8"

    # No reason, no decision.
    client.post(f"/admin/safety/reviewcase/{case.pk}/decide/", {"action": "approve", "reason": " "})
    assert Job.objects.get(pk=case.job_id).state == S.IN_REVIEW
    client.post(f"/admin/safety/reviewcase/{case.pk}/decide/", {"action": "approve", "reason": "fog, not skin"})
    job = Job.objects.get(pk=case.job_id)
    assert job.state == S.SUCCEEDED and job.expires_at is not None
    action = ReviewAction.objects.get(case=case)
    assert (action.reviewer, action.action, action.reason, action.applied) == (reviewer, "approve", "fog, not skin",
                                                                               True)
    assert Notification.objects.get(job=job).kind == Notification.Kind.COMPLETED
    event = JobEvent.objects.get(job=job, to_state=S.SUCCEEDED)
    assert event.detail["reviewer"] == "tns" and event.reason == "approved in review"
    # A decided case cannot be decided again.
    client.post(f"/admin/safety/reviewcase/{case.pk}/decide/", {"action": "reject", "reason": "changed my mind"})
    assert Job.objects.get(pk=case.job_id).state == S.SUCCEEDED and ReviewAction.objects.count() == 1


@pytest.mark.django_db
def test_reviewer_rejects_and_the_user_is_told(reviewer, make_user) -> None:
    creator, _ = make_user("creator2", credits=500)
    case = case_for_review(creator)
    client = Client()
    client.force_login(reviewer)
    client.post(f"/admin/safety/reviewcase/{case.pk}/decide/", {"action": "reject", "reason": "explicit"})
    job = Job.objects.get(pk=case.job_id)
    assert job.state == S.BLOCKED and job.error_code == "moderation_blocked"
    assert Notification.objects.get(job=job).kind == Notification.Kind.FAILED
    assert balance(creator) == 500  # nothing charged
    assert ReviewCase.objects.get(pk=case.pk).status == ReviewCase.Status.REJECTED


@pytest.mark.django_db
def test_console_permissions(reviewer, make_user, django_user_model) -> None:
    creator, _ = make_user("creator3")
    case = case_for_review(creator)
    staff = django_user_model.objects.create_user("staffer", password="pw", is_staff=True)
    viewer = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_reviewcase"))
    decide_url = f"/admin/safety/reviewcase/{case.pk}/decide/"
    anonymous = Client()
    assert anonymous.get(f"/admin/safety/reviewcase/{case.pk}/change/").status_code == 302  # to the login
    assert anonymous.post(decide_url, {"action": "approve", "reason": "x"}).status_code == 302
    for user, page_status in ((staff, 403), (viewer, 200)):
        client = Client()
        client.force_login(user)
        assert client.get(f"/admin/safety/reviewcase/{case.pk}/change/").status_code == page_status
        assert client.get(f"/admin/safety/reviewcase/{case.pk}/media/video/").status_code == page_status
        assert client.post(decide_url, {"action": "approve", "reason": "x"}).status_code == 403
    assert Job.objects.get(pk=case.job_id).state == S.IN_REVIEW
    # Reviewers are not superusers: the policy is theirs, accounts and money are not.
    client = Client()
    client.force_login(reviewer)
    assert client.get("/admin/safety/rule/add/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 403
    assert client.get("/admin/safety/decision/").status_code == 200


@pytest.mark.django_db
def test_reviewer_uploads_a_protected_person_photo_and_a_photo_without_a_face_is_refused(reviewer) -> None:
    client = Client()
    client.force_login(reviewer)
    form = {"name": "Grace Hopper", "aliases": "Amazing Grace", "enabled": "on",
            "photos-TOTAL_FORMS": "1", "photos-INITIAL_FORMS": "0", "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "1000"}
    no_face = io.BytesIO(jpeg(clip(1)[0]))
    no_face.name = "sky.jpg"
    resp = client.post("/admin/safety/protectedperson/add/", {**form, "photos-0-image": no_face})
    assert resp.status_code == 200 and "No face was found" in resp.content.decode()
    photo = io.BytesIO(jpeg(grace_hopper()))
    photo.name = "grace.jpg"
    resp = client.post("/admin/safety/protectedperson/add/", {**form, "photos-0-image": photo})
    assert resp.status_code == 302, resp.content.decode()[:2000]
    stored = ReferencePhoto.objects.get(person__name="Grace Hopper")
    assert len(stored.embedding) == 128 and stored.uploaded_by == reviewer
    assert current_policy().rules.check("Amazing Grace singing").category == "likeness"


@pytest.mark.django_db
def test_a_nul_in_the_consoles_forms_filters_or_paths_is_a_400_and_changes_nothing(reviewer, make_user) -> None:
    """The console is pages and the admin, outside the API's checks: a NUL in a decision's reason, a search, a
    filter or a path reached PostgreSQL (which cannot store one) and answered 500. webapp.security's middleware
    refuses it first, for every page."""
    creator, _ = make_user("creator-nul", credits=500)
    case = case_for_review(creator)
    client = Client()
    client.force_login(reviewer)
    decide = f"/admin/safety/reviewcase/{case.pk}/decide/"
    for data in ({"action": "approve", "reason": "ok\x00"}, {"action": "reject\x00", "reason": "no"},
                 {"action": "reject", "reason": "no", "extra\x00": "1"}):
        refused = client.post(decide, data)
        assert refused.status_code == 400 and b"NUL character" in refused.content, data
    assert Job.objects.get(pk=case.job_id).state == S.IN_REVIEW and not ReviewAction.objects.exists()
    for url in ("/admin/safety/reviewcase/?q=%00", "/admin/safety/reviewcase/?status__exact=%00",
                f"/admin/safety/reviewcase/{case.pk}/media/%00/", "/history/?status=%00", "/?x=%00"):
        assert client.get(url).status_code == 400, url
    # Everything else is as before: the same decision without the NUL is taken.
    client.post(decide, {"action": "approve", "reason": "fog, not skin"})
    assert Job.objects.get(pk=case.job_id).state == S.SUCCEEDED


def test_a_reference_photo_must_show_exactly_one_face_and_be_a_readable_image() -> None:
    from safety.frames import face_embedding_of

    face = grace_hopper()
    assert len(face_embedding_of(jpeg(face))) == 128
    two = np.concatenate([face, face], axis=1)  # the embedding could be either person's: refused
    with pytest.raises(ValueError, match="shows 2 faces"):
        face_embedding_of(jpeg(two))
    with pytest.raises(ValueError, match="not an image"):
        face_embedding_of(b"GIF89a, then nothing")
    big = np.zeros((3000, 4000, 3), np.uint8)
    big[1200:1800, 1700:2212] = face[:600, :512]  # a 12-megapixel photo: read at 1,600 px, the face still found
    assert len(face_embedding_of(jpeg(big))) == 128
