"""The served OpenAPI document describes what the endpoints do."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from jobs.selectors import video_object


@pytest.mark.django_db
def test_openapi_document_matches_the_endpoints(make_user) -> None:  # type: ignore[no-untyped-def]
    _, key = make_user("schema")
    client = APIClient()
    doc = client.get("/v1/openapi.json", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert doc["openapi"].startswith("3.")
    paths = doc["paths"]
    expected = {
        "/v1/videos": {"get", "post"},
        "/v1/videos/{video_id}": {"get", "delete"},
        "/v1/videos/{video_id}/content": {"get"},
        "/v1/videos/{video_id}/remix": {"post"},
        "/v1/videos/{video_id}/cancel": {"post"},
    }
    for path, methods in expected.items():
        assert methods <= set(paths[path]), path
    create = paths["/v1/videos"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(create)
    # The documented Video object has exactly the fields a real response carries.
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    body = client.post("/v1/videos", {"prompt": "a kite"}, format="json").json()
    schema_props = set(doc["components"]["schemas"]["Video"]["properties"])
    assert schema_props == set(body)
    from jobs.models import Job

    assert set(video_object(Job.objects.get(pk=body["id"]))) == schema_props
