"""Malformed input of every kind gets a 400 in the OpenAI error shape naming the parameter, never a 5xx.

Each case here answered 500 before the request shape was checked in one place (jobs.api.validation).
"""

from __future__ import annotations

import io
import json

import pytest
from rest_framework.test import APIClient

from jobs.models import Job, Notification, WebhookEndpoint

NOT_OBJECTS = ["[1, 2]", '"a string"', "42", "null", "true"]


@pytest.fixture
def alice(make_user):
    return make_user("alice")


@pytest.fixture
def api(alice) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {alice[1]}")
    return client


@pytest.fixture
def video_id(api) -> str:
    resp = api.post("/v1/videos", {"prompt": "a lighthouse"}, format="json")
    assert resp.status_code == 200, resp.content
    return resp.json()["id"]


@pytest.fixture
def webhook_id(alice) -> str:
    return WebhookEndpoint.objects.create(user=alice[0], url="https://hooks.example.com/kinema",
                                          events=["video.completed"]).id


def assert_400(resp, param: str | None, code: str | None = None) -> dict:
    assert resp.status_code == 400, (resp.status_code, resp.content[:300])
    err = resp.json()["error"]
    assert set(err) == {"message", "type", "param", "code"}
    assert err["type"] == "invalid_request_error" and err["message"]
    assert err["param"] == param, err
    if code:
        assert err["code"] == code, err
    return err


def send(api: APIClient, method: str, path: str, raw: str):
    return getattr(api, method)(path, data=raw, content_type="application/json")


@pytest.mark.django_db
@pytest.mark.parametrize("raw", NOT_OBJECTS)
def test_a_body_that_is_not_an_object_is_a_400_on_every_endpoint_with_a_body(
        api, video_id, webhook_id, raw) -> None:
    for method, path in [("post", "/v1/videos"), ("post", f"/v1/videos/{video_id}/remix"), ("post", "/v1/webhooks"),
                         ("patch", f"/v1/webhooks/{webhook_id}"), ("post", f"/v1/webhooks/{webhook_id}"),
                         ("post", "/v1/notifications/read")]:
        err = assert_400(send(api, method, path, raw), None, "invalid_body")
        assert "must be a JSON object" in err["message"], (method, path)
    assert Job.objects.count() == 1  # only the fixture's


@pytest.mark.django_db
@pytest.mark.parametrize(("field", "value"), [("prompt", "a cat\x00"), ("negative_prompt", "blur\x00ry"),
                                              ("style", "\x00")])
def test_nul_in_video_text_is_a_400_naming_the_field(api, video_id, field, value) -> None:
    body = {"prompt": "a cat", field: value}
    err = assert_400(api.post("/v1/videos", body, format="json"), field)
    assert "NUL" in err["message"]
    assert_400(api.post(f"/v1/videos/{video_id}/remix", body, format="json"), field)
    assert_400(api.post("/v1/videos", body, format="multipart"), field)  # form fields too


@pytest.mark.django_db
@pytest.mark.parametrize("lone", ["\ud800", "a cat \udfff\ud800"], ids=["high", "low-high"])
def test_a_lone_surrogate_anywhere_in_a_json_body_is_a_400_naming_the_field(api, video_id, webhook_id,
                                                                              lone: str) -> None:
    """JSON can spell a lone UTF-16 surrogate ("\\ud800"); nothing downstream can encode one (it answered 500)."""
    cases = [("post", "/v1/videos", {"prompt": lone}, "prompt"),
             ("post", "/v1/videos", {"prompt": "a cat", "negative_prompt": lone}, "negative_prompt"),
             ("post", "/v1/videos", {"prompt": "a cat", "model": lone}, "model"),
             ("post", "/v1/videos", {"prompt": "a cat", "size": lone}, "size"),
             ("post", "/v1/videos", {"prompt": "a cat", "style": lone}, "style"),
             ("post", "/v1/videos", {"prompt": "a cat", "metadata": {"note": lone}}, "metadata.note"),
             ("post", "/v1/videos", {"prompt": "a cat", lone: 1}, "body"),
             ("post", f"/v1/videos/{video_id}/remix", {"prompt": lone}, "prompt"),
             ("post", "/v1/webhooks", {"url": "https://example.com/", "events": ["video.completed"],
                                       "description": lone}, "description"),
             ("patch", f"/v1/webhooks/{webhook_id}", {"events": [lone]}, "events")]
    for method, path, body, field in cases:
        err = assert_400(send(api, method, path, json.dumps(body)), field)
        assert "surrogate" in err["message"], (path, field)
    assert Job.objects.count() == 1  # only the fixture's
    assert WebhookEndpoint.objects.count() == 1


@pytest.mark.django_db
def test_bodies_over_the_size_or_count_limits_get_the_apis_json_errors(api, settings) -> None:
    """Django refuses them while the body is read; that was its HTML "Bad Request (400)" page, not the API's
    error shape (and no 413 for a body too large)."""
    too_big = json.dumps({"prompt": "a cat", "style": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)})
    resp = send(api, "post", "/v1/videos", too_big)
    assert resp.status_code == 413, resp.content[:200]
    err = resp.json()["error"]
    assert err["code"] == "request_too_large" and "larger than 14 MiB" in err["message"]
    fields = "&".join(f"f{i}=1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    err = assert_400(api.post("/v1/videos", data=fields, content_type="application/x-www-form-urlencoded"), None,
                     "invalid_body")
    assert "form fields" in err["message"]
    files = {f"f{i}": io.BytesIO(b"x") for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)}
    err = assert_400(api.post("/v1/videos", {"prompt": "a cat", **files}, format="multipart"), None, "invalid_body")
    assert "files" in err["message"]
    # A reference image of up to 10 MB fits in a JSON body as a data URL: this one is refused for what it holds
    # (not an image), not for its size.
    from jobs.conditioning import MAX_DATA_URL_CHARS

    prefix = "data:image/png;base64,"
    data_url = prefix + "A" * ((MAX_DATA_URL_CHARS - len(prefix) - 300) // 4 * 4)
    resp = api.post("/v1/videos", {"prompt": "a cat", "input_reference": {"image_url": data_url}}, format="json")
    assert resp.status_code == 400 and resp.json()["error"]["param"] == "input_reference", resp.content[:300]
    assert Job.objects.count() == 0


@pytest.mark.django_db
def test_nul_in_webhook_fields_is_a_400(api, webhook_id) -> None:
    assert_400(api.post("/v1/webhooks", {"url": "https://exa\x00mple.com/", "events": ["video.completed"]},
                        format="json"), "url")
    assert_400(api.post("/v1/webhooks", {"url": "https://example.com/", "events": ["video.completed"],
                                         "description": "mine\x00"}, format="json"), "description")
    assert_400(api.patch(f"/v1/webhooks/{webhook_id}", {"description": "\x00"}, format="json"), "description")
    assert_400(api.patch(f"/v1/webhooks/{webhook_id}", {"events": ["video.completed\x00"]}, format="json"), "events")
    assert WebhookEndpoint.objects.get(pk=webhook_id).description == ""


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["http://example.com:99999/", "http://[::1/", "http://" + "a" * 70 + ".com/"])
def test_webhook_urls_python_cannot_parse_are_a_400(api, url: str) -> None:
    assert_400(api.post("/v1/webhooks", {"url": url, "events": ["video.completed"]}, format="json"), "url",
               "invalid_url")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/v1/videos/%00", "/v1/videos/%00/content", "/v1/videos/not-an-id",
                                  "/v1/videos/video_%00/cancel"])
def test_malformed_video_ids_are_a_400_before_any_query(api, path: str) -> None:
    method = "post" if path.endswith("cancel") else "get"
    err = assert_400(getattr(api, method)(path), "video_id", "invalid_id")
    assert "video id" in err["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/v1/webhooks/wh_%00", "/v1/webhooks/wh_%00/deliveries", "/v1/webhooks/x/test"])
def test_malformed_webhook_ids_are_a_400(api, path: str) -> None:
    method = "post" if path.endswith("test") else "get"
    assert_400(getattr(api, method)(path), "webhook_id", "invalid_id")


@pytest.mark.django_db
def test_well_formed_ids_of_nothing_are_still_404(api) -> None:
    assert api.get("/v1/videos/video_" + "0" * 28).status_code == 404
    assert api.get("/v1/webhooks/wh_" + "0" * 24).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "param"), [
    ("after=%00", "after"), ("after=video_1%27%20OR%201=1", "after"), ("limit=%C2%B2", "limit"),  # '²' passes isdigit()
    ("limit=%D9%A3", "limit"), ("limit=1e3", "limit"), ("limit=" + "9" * 5000, "limit"), ("order=%00", "order"),
])
def test_list_query_parameters_are_checked(api, query: str, param: str) -> None:
    assert_400(api.get(f"/v1/videos?{query}"), param)


@pytest.mark.django_db
def test_nul_in_any_query_parameter_is_a_400(api, video_id) -> None:
    assert_400(api.get(f"/v1/videos/{video_id}/content?variant=vid%00eo"), "variant")
    assert_400(api.get("/v1/notifications?unread=%00"), "unread")
    assert_400(api.get("/v1/me?x%00=1"), "x")


@pytest.mark.django_db
@pytest.mark.parametrize(("field", "value"), [
    ("guidance_scale", 10**400),  # an int too large for a float: OverflowError
    ("guidance_scale", "1e999"), ("guidance_scale", "nan"), ("guidance_scale", "-inf"), ("guidance_scale", True),
    ("seed", 10**400), ("seed", 1.5), ("seed", "²"), ("steps", "1" * 5000), ("fps", 0), ("fps", 9),
    ("seconds", ["4"]), ("seconds", {"n": 4}), ("prompt", 12), ("prompt", ["a cat"]),
])
def test_numbers_are_finite_integral_and_in_range(api, field: str, value: object) -> None:
    body = {"prompt": "a cat", field: value}
    err = assert_400(send(api, "post", "/v1/videos", json.dumps(body)), field)
    assert len(err["message"]) < 300  # the client's value is quoted back, cut short


@pytest.mark.django_db
def test_numbers_that_are_fine_are_accepted(api) -> None:
    resp = api.post("/v1/videos", {"prompt": "a cat", "guidance_scale": "7.5", "seed": "12", "seconds": 4.0,
                                   "steps": " 10 "}, format="json")
    assert resp.status_code == 200, resp.content
    body = resp.json()
    assert (body["guidance_scale"], body["seed"], body["seconds"], body["total_steps"]) == (7.5, 12, "4", 10)


@pytest.mark.django_db
def test_notification_ids_are_checked(api, alice, video_id) -> None:
    note = Notification.objects.create(user=alice[0], job_id=video_id, kind="video.completed", title="done")
    for ids in ([10**30], [0], ["1"], [True], "1", list(range(1001))):
        assert_400(api.post("/v1/notifications/read", {"ids": ids}, format="json"), "ids")
    assert api.post("/v1/notifications/read", {"ids": [note.pk]}, format="json").json() == {"marked": 1,
                                                                                            "unread_count": 0}


@pytest.mark.django_db
def test_a_body_nested_too_deeply_is_a_400(api) -> None:
    resp = send(api, "post", "/v1/videos", "[" * 200_000 + "]" * 200_000)
    assert resp.status_code == 400 and resp.json()["error"]["message"].startswith("JSON parse error")
    deep = '{"prompt": "a cat", "x": ' + "[" * 200 + '"\\u0000"' + "]" * 200 + "}"  # parses: checked like any body
    assert_400(send(api, "post", "/v1/videos", deep), "x")


@pytest.mark.django_db
def test_validation_runs_after_authentication(alice) -> None:
    resp = APIClient().get("/v1/videos/%00")
    assert resp.status_code == 401


@pytest.mark.django_db
def test_a_number_with_thousands_of_digits_is_a_400_in_plain_words(api) -> None:
    resp = send(api, "post", "/v1/videos", '{"prompt": "a kite", "seed": ' + "9" * 5000 + "}")
    err = assert_400(resp, None)
    assert "thousands of digits" in err["message"] and "sys." not in err["message"]
    assert not Job.objects.exists()
