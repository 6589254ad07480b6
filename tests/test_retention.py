"""Retention: pruning expired videos deletes the bytes, marks the records and answers 404."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.utils import timezone

from jobs import retention
from jobs.artifacts import put_artifact
from jobs.models import Artifact, Notification, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent
from jobs.models import JobState as S
from tests.test_lifecycle import make_job


@pytest.mark.django_db
def test_prune_deletes_bytes_marks_records_and_answers_404(make_user, settings) -> None:
    user, key = make_user("retained")
    now = timezone.now()
    old = make_job(user, S.SUCCEEDED, finished_at=now - timedelta(days=100), expires_at=now - timedelta(seconds=1),
                   prompt="a secret garden")
    video = put_artifact(old.id, Artifact.Kind.VIDEO, b"\x00\x00\x00\x18ftypmp42", "video/mp4")
    reference = put_artifact(old.id, Artifact.Kind.INPUT_REFERENCE, b"jpeg", "image/jpeg", ext="jpg")
    fresh = make_job(user, S.SUCCEEDED, finished_at=now, expires_at=now + timedelta(days=7), prompt="a new day")
    kept = put_artifact(fresh.id, Artifact.Kind.VIDEO, b"\x00\x00\x00\x18ftypmp42", "video/mp4")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get(f"/v1/videos/{fresh.id}/content").status_code == 200

    done = retention.prune()
    assert done["videos"] == 1 and done["references"] == 1 and done["prompts"] == 1
    assert not default_storage.exists(video.key) and not default_storage.exists(reference.key)
    assert default_storage.exists(kept.key)
    gone = api.get(f"/v1/videos/{old.id}/content")
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "expired"
    record = api.get(f"/v1/videos/{old.id}")
    assert record.status_code == 200 and record.json()["status"] == "completed"  # the record stays
    old.refresh_from_db()
    assert old.prompt == "" and old.prompt_redacted_at is not None
    assert Artifact.objects.get(pk=video.pk).deleted_at is not None
    assert api.get(f"/v1/videos/{fresh.id}/content").status_code == 200
    assert retention.prune() == {"videos": 0, "deleted_videos": 0, "references": 0, "previews": 0, "prompts": 0,
                                 "notifications": 0,
                                 "per_request_webhooks": 0, "webhook_events": 0,
                                 "unverified_accounts": 0, "withdrawn_likenesses": 0}  # idempotent


@pytest.mark.django_db
def test_a_redacted_prompt_leaves_no_copy_in_the_ready_notification(make_user) -> None:
    user, _ = make_user("retained-note")
    now = timezone.now()
    old = make_job(user, S.SUCCEEDED, finished_at=now - timedelta(days=100), prompt="my secret garden")
    failed = make_job(user, S.FAILED, finished_at=now - timedelta(days=100), prompt="another secret",
                      error_message="The GPU ran out of memory.")
    fresh = make_job(user, S.SUCCEEDED, finished_at=now, prompt="a new day")
    for job, kind, body in [(old, Notification.Kind.COMPLETED, "my secret garden"),
                            (failed, Notification.Kind.FAILED, "The GPU ran out of memory."),
                            (fresh, Notification.Kind.COMPLETED, "a new day")]:
        Notification.objects.create(user=user, job=job, kind=kind, title="t", body=body, created_at=now)

    assert retention.prune()["prompts"] == 2
    bodies = dict(Notification.objects.values_list("job_id", "body"))
    assert bodies == {old.id: "", failed.id: "The GPU ran out of memory.", fresh.id: "a new day"}


@pytest.mark.django_db
def test_old_notifications_and_settled_webhook_events_are_deleted(make_user, settings) -> None:
    settings.KINEMA_NOTIFICATION_TTL_S = 90 * 24 * 3600
    settings.KINEMA_WEBHOOK_EVENT_TTL_S = 30 * 24 * 3600
    user, _ = make_user("retained-events")
    now = timezone.now()
    jobs = [make_job(user, S.SUCCEEDED, finished_at=now, prompt=f"clip {n}") for n in range(4)]
    Notification.objects.create(user=user, job=jobs[0], kind="video.completed", title="old",
                                created_at=now - timedelta(days=91))
    Notification.objects.create(user=user, job=jobs[1], kind="video.completed", title="recent",
                                created_at=now - timedelta(days=89))
    endpoint = WebhookEndpoint.objects.create(user=user, url="https://example.com/hook", events=["video.completed"])

    def event(job, age_days: float, status: str) -> WebhookEvent:
        made = now - timedelta(days=age_days)
        ev = WebhookEvent.objects.create(user=user, job=job, type="video.completed", payload={}, created_at=made)
        delivery = WebhookDelivery.objects.create(event=ev, endpoint=endpoint, status=status, created_at=made)
        WebhookAttempt.objects.create(delivery=delivery, at=made, outcome="ok")
        return ev

    settled = event(jobs[0], 31, WebhookDelivery.Status.SUCCEEDED)
    given_up = event(jobs[1], 40, WebhookDelivery.Status.FAILED)
    pending = event(jobs[2], 31, WebhookDelivery.Status.PENDING)  # still owed to the receiver: kept
    recent = event(jobs[3], 29, WebhookDelivery.Status.SUCCEEDED)

    done = retention.prune()
    assert done["notifications"] == 1 and done["webhook_events"] == 2
    assert list(Notification.objects.values_list("title", flat=True)) == ["recent"]
    assert set(WebhookEvent.objects.values_list("pk", flat=True)) == {pending.pk, recent.pk}
    assert not WebhookDelivery.objects.filter(event_id__in=[settled.pk, given_up.pk]).exists()
    assert WebhookAttempt.objects.count() == 2  # the kept events' attempt logs
    assert endpoint.pk in set(WebhookEndpoint.objects.values_list("pk", flat=True))  # the endpoint stays

    settings.KINEMA_NOTIFICATION_TTL_S = settings.KINEMA_WEBHOOK_EVENT_TTL_S = 0  # 0 keeps them
    Notification.objects.update(created_at=now - timedelta(days=1000))
    WebhookEvent.objects.update(created_at=now - timedelta(days=1000))
    WebhookDelivery.objects.update(status=WebhookDelivery.Status.SUCCEEDED)
    done = retention.prune()
    assert done["notifications"] == 0 and done["webhook_events"] == 0
    assert Notification.objects.count() == 1 and WebhookEvent.objects.count() == 2


@pytest.mark.django_db
def test_a_reported_video_its_owner_deletes_keeps_its_bytes_until_the_case_is_decided(make_user) -> None:
    """Else anyone could make a reported video vanish before a reviewer saw it."""
    from jobs.moderation import report_video
    from safety.models import ReviewCase

    user, key = make_user("evidence")
    reporter, _ = make_user("evidence-reporter")
    now = timezone.now()
    job = make_job(user, S.SUCCEEDED, finished_at=now, expires_at=now + timedelta(days=7), prompt="a harbour")
    video = put_artifact(job.id, Artifact.Kind.VIDEO, b"\x00\x00\x00\x18ftypmp42", "video/mp4")
    unreported = make_job(user, S.SUCCEEDED, finished_at=now, expires_at=now + timedelta(days=7), prompt="a field")
    other = put_artifact(unreported.id, Artifact.Kind.VIDEO, b"\x00\x00\x00\x18ftypmp42", "video/mp4")
    report_video(job, reporter.pk, "hate", "it mocks my friend")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")

    assert api.delete(f"/v1/videos/{job.id}").status_code == 200
    assert api.delete(f"/v1/videos/{unreported.id}").status_code == 200
    assert api.get(f"/v1/videos/{job.id}").status_code == 404  # deleted for its owner at once
    assert default_storage.exists(video.key) and not default_storage.exists(other.key)  # kept for the reviewers
    assert retention.prune()["deleted_videos"] == 0  # the case is still open
    assert default_storage.exists(video.key)

    ReviewCase.objects.filter(job=job).update(status=ReviewCase.Status.KEPT)
    assert retention.prune()["deleted_videos"] == 1
    assert not default_storage.exists(video.key) and Artifact.objects.get(pk=video.pk).deleted_at is not None
