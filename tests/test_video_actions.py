"""Cancel, remix and delete of a video, and cancelling a finished one (a conflict)."""

from __future__ import annotations

import pytest

from jobs import lifecycle
from jobs.models import Job, JobState
from tests.api_helpers import assert_error


@pytest.mark.django_db
def test_cancel_remix_delete(api) -> None:
    source = api.post("/v1/videos", {"prompt": "a boat", "seed": 7, "size": "1280x720"}, format="json").json()
    cancelled = api.post(f"/v1/videos/{source['id']}/cancel").json()
    assert cancelled["status"] == "failed" and cancelled["error"]["code"] == "cancelled"
    assert api.post(f"/v1/videos/{source['id']}/cancel").status_code == 200  # idempotent

    remix = api.post(f"/v1/videos/{source['id']}/remix", {"prompt": "a boat at night"}, format="json").json()
    assert remix["remixed_from_video_id"] == source["id"]
    assert remix["seed"] == 7 and remix["size"] == "1280x720" and remix["prompt"] == "a boat at night"
    assert_error(api.post(f"/v1/videos/{source['id']}/remix", {}, format="json"), 400, param="prompt")

    assert_error(api.get(f"/v1/videos/{remix['id']}/content"), 409, "video_not_ready")
    deleted = api.delete(f"/v1/videos/{remix['id']}").json()
    assert deleted == {"id": remix["id"], "object": "video.deleted", "deleted": True}
    assert_error(api.get(f"/v1/videos/{remix['id']}"), 404)
    job = Job.objects.get(pk=remix["id"])
    assert job.deleted_at is not None and job.state == JobState.CANCELLED  # record kept, work stopped


@pytest.mark.django_db
def test_cancel_of_a_finished_video_is_a_conflict(api, alice) -> None:
    video_id = api.post("/v1/videos", {"prompt": "a tree"}, format="json").json()["id"]
    lifecycle.fail(video_id, "generation_failed", "boom")
    assert_error(api.post(f"/v1/videos/{video_id}/cancel"), 409, "already_finished")
