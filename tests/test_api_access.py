"""Who may use the API: a key is required, a user never sees another user's videos, unknown paths are JSON 404s."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from jobs.models import Job, JobState
from tests.api_helpers import assert_error


@pytest.mark.django_db
def test_auth_is_required_and_bad_keys_are_refused(client_for) -> None:
    assert_error(APIClient().get("/v1/videos"), 401, "invalid_api_key")
    assert_error(client_for("kin_nothere_secret").get("/v1/videos"), 401, "invalid_api_key")
    resp = APIClient().get("/v1/videos", HTTP_AUTHORIZATION="Token abc")
    assert_error(resp, 401)


@pytest.mark.django_db
def test_the_bearer_scheme_is_read_in_any_case(alice) -> None:
    """RFC 9110: an authentication scheme's name is case-insensitive; the key itself is not."""
    _, key = alice
    for header in (f"bearer {key}", f"BEARER {key}", f"Bearer  {key}"):
        resp = APIClient().get("/v1/videos", HTTP_AUTHORIZATION=header)
        assert resp.status_code == 200, (header, resp.content)
    for header in (f"Bearer {key.upper()}", f"Bearer {key} extra", f"Bearerx {key}", key):
        assert_error(APIClient().get("/v1/videos", HTTP_AUTHORIZATION=header), 401, "invalid_api_key")


@pytest.mark.django_db
def test_a_user_never_sees_or_touches_another_users_video(api, make_user, client_for) -> None:
    video_id = api.post("/v1/videos", {"prompt": "a private scene"}, format="json").json()["id"]
    _, bob_key = make_user("bob")
    bob = client_for(bob_key)
    assert_error(bob.get(f"/v1/videos/{video_id}"), 404, "not_found")
    assert_error(bob.get(f"/v1/videos/{video_id}/content"), 404, "not_found")
    assert_error(bob.post(f"/v1/videos/{video_id}/cancel"), 404, "not_found")
    assert_error(bob.post(f"/v1/videos/{video_id}/remix", {"prompt": "mine now"}, format="json"), 404)
    assert_error(bob.delete(f"/v1/videos/{video_id}"), 404, "not_found")
    assert bob.get("/v1/videos").json()["data"] == []
    assert Job.objects.get(pk=video_id).state == JobState.SUBMITTED


@pytest.mark.django_db
def test_unknown_paths_under_v1_are_json_404(api) -> None:
    assert_error(api.get("/v1/nothing-here"), 404, "not_found")


@pytest.mark.django_db
def test_a_format_query_parameter_changes_nothing(alice, api) -> None:
    """DRF's `?format=` override answered 404 with an empty message for any format but json."""
    job = Job.objects.create(user=alice[0], tier="plus", state=JobState.QUEUED, prompt="a kite", model="m",
                             seconds=4, size="96x96", width=96, height=96, num_frames=5, fps=4, steps=2, seed=1)
    for fmt in ("xml", "yaml", "mp4", "json"):
        resp = api.get(f"/v1/videos/{job.id}?format={fmt}")
        assert resp.status_code == 200 and resp.json()["id"] == job.id, (fmt, resp.status_code, resp.content)
        assert api.get(f"/v1/videos?format={fmt}").status_code == 200
