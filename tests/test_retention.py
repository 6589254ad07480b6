"""Retention: pruning expired videos deletes the bytes, marks the records and answers 404."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.utils import timezone

from jobs import retention
from jobs.artifacts import put_artifact
from jobs.models import Artifact
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
    assert retention.prune() == {"videos": 0, "references": 0, "previews": 0, "prompts": 0,
                                 "per_request_webhooks": 0, "unverified_accounts": 0}  # idempotent
