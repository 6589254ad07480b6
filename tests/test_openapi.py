"""The served OpenAPI document describes what the endpoints do."""

from __future__ import annotations

import json
import os

import pytest
from rest_framework.test import APIClient

from jobs.selectors import video_object


@pytest.mark.django_db
def test_openapi_document_matches_the_endpoints(make_user) -> None:
    _, key = make_user("schema")
    client = APIClient()
    doc = client.get("/v1/openapi.json", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert doc["openapi"].startswith("3.")
    # No key needed, and a bad one sent along is not checked (it answered 401).
    for bad in ("Bearer kin_not_a_key", "Basic Zm9vOmJhcg==", "Bearer"):
        for path in ("/v1/openapi.json", "/v1/openapi.yaml"):
            answer = APIClient().get(path, HTTP_AUTHORIZATION=bad)
            assert answer.status_code == 200 and b"openapi" in answer.content, (path, bad, answer.status_code)
    paths = doc["paths"]
    expected = {
        "/v1/videos": {"get", "post"},
        "/v1/videos/{video_id}": {"get", "delete"},
        "/v1/videos/{video_id}/content": {"get"},
        "/v1/videos/{video_id}/remix": {"post"},
        "/v1/videos/{video_id}/cancel": {"post"},
        "/v1/videos/extensions": {"post"},
        "/v1/videos/edits": {"post"},
        "/v1/videos/characters": {"post"},
        "/v1/videos/characters/{character_id}": {"get"},
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


@pytest.mark.django_db
def test_openapi_document_declares_the_api_key_and_is_served_as_json_and_yaml() -> None:
    import yaml

    client = APIClient()
    resp = client.get("/v1/openapi.json")  # no Accept header, no ?format=: JSON
    assert resp.status_code == 200 and "json" in resp["Content-Type"]
    doc = json.loads(resp.content)
    assert doc["components"]["securitySchemes"]["apiKey"] == {
        "type": "http", "scheme": "bearer", "bearerFormat": "kin_<lookup>_<secret>",
        "description": doc["components"]["securitySchemes"]["apiKey"]["description"]}
    operations = [op for item in doc["paths"].values() for op in item.values()]
    assert len(operations) >= 19
    assert all({"apiKey": []} in op["security"] for op in operations)
    ids = [op["operationId"] for op in operations]
    assert len(ids) == len(set(ids)) and not [i for i in ids if i[-2:-1] == "_"], ids
    yaml_resp = client.get("/v1/openapi.yaml")
    assert yaml_resp.status_code == 200 and yaml.safe_load(yaml_resp.content) == doc


def test_schema_generation_has_no_warnings() -> None:
    """drf-spectacular warns (e.g. 'could not resolve authenticator') when the document is incomplete."""
    from django.core.management import call_command

    call_command("spectacular", "--fail-on-warn", "--validate", "--file", os.devnull)


@pytest.mark.django_db
def test_documented_constraints_are_the_ones_enforced(make_user) -> None:
    from jobs import submission
    from jobs.api.validation import VIDEO_ID_PATTERN, WEBHOOK_ID_PATTERN
    from jobs.profiles import current_profile
    from jobs.styles import STYLES

    doc = APIClient().get("/v1/openapi.json").json()
    schemas = doc["components"]["schemas"]

    def resolve(prop: dict) -> dict:
        ref = prop.get("$ref") or (prop.get("allOf") or [{}])[0].get("$ref")
        return schemas[ref.rsplit("/", 1)[1]] if ref else prop

    create = schemas["CreateVideoRequest"]["properties"]
    profile = current_profile()
    assert create["prompt"]["maxLength"] == submission.MAX_PROMPT_CHARS
    assert create["negative_prompt"]["maxLength"] == submission.MAX_NEGATIVE_PROMPT_CHARS
    assert (create["seed"]["minimum"], create["seed"]["maximum"]) == (0, submission.MAX_SEED)
    assert (create["steps"]["minimum"], create["steps"]["maximum"]) == (1, submission.MAX_STEPS)
    assert (create["fps"]["minimum"], create["fps"]["maximum"]) == (1, submission.max_fps(profile))
    assert (create["guidance_scale"]["minimum"], create["guidance_scale"]["maximum"]) == (
        submission.MIN_GUIDANCE, submission.MAX_GUIDANCE)
    # Sizes: every served model's (the default's and, on the tiny setup, the 720p stand-in's); tests/test_audio_video.py
    # checks the union follows the catalog.
    from jobs.catalog import ModelVersion, VersionState

    served = {size for v in ModelVersion.objects.filter(state=VersionState.LIVE) for size in v.sizes()}
    assert set(resolve(create["size"])["enum"]) == served and set(profile.supported_sizes()) <= served
    assert resolve(create["style"])["enum"] == list(STYLES)
    assert create["seconds"]["oneOf"][0]["maximum"] == profile.max_seconds
    # A remix takes a create's settings; not its reference image or webhook, and it adds `strength`.
    assert set(schemas["RemixRequest"]["properties"]) == set(create) - {"input_reference", "webhook_url"} | {
        "strength"}
    remix = schemas["RemixRequest"]["properties"]["strength"]
    assert (remix["minimum"], remix["maximum"]) == (submission.MIN_STRENGTH, submission.MAX_STRENGTH)
    assert "input_reference" in schemas["CreateVideoUploadRequest"]["properties"]
    assert create["input_reference"]  # JSON: {"image_url": ...}
    extension = schemas["CreateExtensionRequest"]["properties"]
    assert extension["seconds"]["oneOf"][0]["minimum"] == submission.MIN_EXTENSION_SECONDS
    assert extension["seconds"]["oneOf"][0]["maximum"] == submission.MAX_EXTENSION_SECONDS
    assert resolve(extension["video"])["properties"]["id"]["pattern"] == VIDEO_ID_PATTERN
    assert {"video", "mask", "strength"} <= set(schemas["CreateEditUploadRequest"]["properties"])
    assert schemas["CreateCharacterUploadRequest"]["properties"]["video"]["format"] == "binary"
    params = {(p["in"], p["name"]): p["schema"] for item in doc["paths"].values() for op in item.values()
              for p in op.get("parameters", [])}
    assert params[("path", "video_id")]["pattern"] == VIDEO_ID_PATTERN
    assert params[("path", "webhook_id")]["pattern"] == WEBHOOK_ID_PATTERN
    assert params[("query", "after")]["pattern"] == VIDEO_ID_PATTERN
    assert (params[("query", "limit")]["minimum"], params[("query", "limit")]["maximum"]) == (1, 100)

    # A value just inside each documented bound is accepted; just outside, refused with the parameter named.
    _, key = make_user("bounds", tier="pro", credits=100_000)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    for name in ("seed", "steps", "fps", "guidance_scale"):
        top = create[name]["maximum"]
        assert client.post("/v1/videos", {"prompt": "a kite", name: top}, format="json").status_code == 200, name
        over = client.post("/v1/videos", {"prompt": "a kite", name: top + 1}, format="json")
        assert over.status_code == 400 and over.json()["error"]["param"] == name
    assert client.get("/v1/videos", {"limit": 100}).status_code == 200
    assert client.get("/v1/videos", {"limit": 101}).status_code == 400
