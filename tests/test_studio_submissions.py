"""The studio's server-rendered submissions: one job and one charge per rendered form (a double click,
a resent POST, two racing requests), the API's per-user rate limit with a 429 page beyond it, and the
history's filters answering 400 (never 5xx) to any value."""

from __future__ import annotations

import re
import threading
from urllib.parse import urljoin

import httpx
import pytest
import redis
from django.conf import settings
from django.test import Client

from accounts.models import LedgerEntry, Tier
from jobs.models import Job

pytestmark = pytest.mark.django_db


def hidden(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match, f"no {name} in the page"
    return match.group(1)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def studio_form(page: str, prompt: str) -> dict[str, str]:
    return {"csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
            "submission_token": hidden(page, "submission_token"), "prompt": prompt, "negative_prompt": "",
            "seconds": "2", "size": "1280x720", "style": "none", "seed": "", "model": settings.KINEMA_MODEL_NAME}


def holds(user) -> int:
    return LedgerEntry.objects.filter(user=user, kind=LedgerEntry.Kind.HOLD).count()


def reset_bucket(user) -> None:
    redis.Redis.from_url(settings.REDIS_URL).delete(f"kinema:rl:user:{user.pk}")


@pytest.mark.django_db(transaction=True)
def test_a_double_post_of_the_same_form_makes_one_job_and_one_hold(live_server, make_user) -> None:
    """Over real HTTP against a threaded server: the same form sent twice at once, then once more."""
    user, _ = make_user("double-clicker")
    reset_bucket(user)
    session = logged_in(user).cookies[settings.SESSION_COOKIE_NAME].value
    with httpx.Client(base_url=live_server.url, cookies={settings.SESSION_COOKIE_NAME: session}) as http:
        page = http.get("/")
        assert page.status_code == 200
        form = studio_form(page.text, "a kite over a windy beach")
        barrier = threading.Barrier(2)
        responses: list[httpx.Response] = []

        def send() -> None:
            with httpx.Client(base_url=live_server.url, cookies=http.cookies) as own:
                barrier.wait()
                responses.append(own.post("/", data=form))

        threads = [threading.Thread(target=send) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        responses.append(http.post("/", data=form))  # the browser resends the POST later
        assert [r.status_code for r in responses] == [302, 302, 302], [r.text[:300] for r in responses]
        assert {urljoin(live_server.url, r.headers["location"]) for r in responses} == {f"{live_server.url}/"}
        assert Job.objects.filter(user=user).count() == 1
        assert holds(user) == 1

        # The same token with other values (back button, edit, send): refused, still one job.
        changed = http.post("/", data={**form, "prompt": "something else"})
        assert changed.status_code == 422 and "already sent with other values" in changed.text
        # A fresh page is a new form: a second job.
        again = http.post("/", data=studio_form(http.get("/").text, "a kite over a windy beach"))
        assert again.status_code == 302
        assert Job.objects.filter(user=user).count() == 2 and holds(user) == 2


def test_a_form_without_its_token_is_refused(make_user) -> None:
    user, _ = make_user("stale-form")
    reset_bucket(user)
    client = logged_in(user)
    form = studio_form(client.get("/").content.decode(), "a lighthouse")
    for token in ("", "short", "x" * 65, "has spaces in it !!!!"):
        resp = client.post("/", {**form, "submission_token": token})
        assert resp.status_code == 400 and "This form has expired" in resp.content.decode()
    assert not Job.objects.filter(user=user).exists()


def test_again_and_remix_run_once_per_rendered_form(make_user) -> None:
    user, _ = make_user("remixer")
    reset_bucket(user)
    client = logged_in(user)
    client.post("/", studio_form(client.get("/").content.decode(), "a red balloon"))
    source = Job.objects.get(user=user)
    Job.objects.filter(pk=source.pk).update(state="succeeded")  # the player page offers again and remix
    page = client.get(f"/videos/{source.id}/").content.decode()
    csrf = hidden(page, "csrfmiddlewaretoken")
    # The page's forms in order: again, remix, then extend and edit (each its own token).
    again_token, remix_token = re.findall(r'name="submission_token" value="([^"]+)"', page)[:2]
    assert again_token != remix_token
    again = [client.post(f"/videos/{source.id}/again", {"csrfmiddlewaretoken": csrf, "submission_token": again_token})
             for _ in range(2)]
    remix = [client.post(f"/videos/{source.id}/remix", {"csrfmiddlewaretoken": csrf, "submission_token": remix_token,
                                                        "prompt": "a blue balloon"}) for _ in range(2)]
    assert len({r["Location"] for r in again}) == 1 and len({r["Location"] for r in remix}) == 1
    assert Job.objects.filter(user=user).count() == 3 and holds(user) == 3
    assert Job.objects.get(user=user, remixed_from=source).prompt == "a blue balloon"


def test_the_studio_spends_from_the_api_rate_limit_and_answers_429_beyond_it(make_user) -> None:
    Tier.objects.filter(name="plus").update(requests_per_minute=3)
    user, key = make_user("hasty")
    reset_bucket(user)
    client = logged_in(user)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    for prompt in ("a fox in the snow", "a fox in the rain"):  # two tokens from the user's bucket...
        assert client.post("/", studio_form(client.get("/").content.decode(), prompt)).status_code == 302
    assert api.get("/v1/me").status_code == 200  # ...the third through the API...
    assert api.get("/v1/me").status_code == 429  # ...and the bucket is empty for both
    resp = client.post("/", studio_form(client.get("/").content.decode(), "a fox in the fog"))
    assert resp.status_code == 429
    assert "Slow down: your plan allows 3 requests a minute" in resp.content.decode()
    assert int(resp["Retry-After"]) >= 1 and resp["X-RateLimit-Limit"] == "3"
    assert 'value="a fox in the fog"' not in resp.content.decode()  # a textarea: the prompt is kept as its text
    assert "a fox in the fog</textarea>" in resp.content.decode()
    source = Job.objects.filter(user=user).first()
    assert source is not None
    again = client.post(f"/videos/{source.id}/again", {"submission_token": "t" * 32})
    assert again.status_code == 429 and "Slow down" in again.content.decode()
    assert Job.objects.filter(user=user).count() == 2 and holds(user) == 2


@pytest.mark.parametrize(("query", "expected", "text"), [
    ({"day": "9999-12-31"}, 200, "No generations match"),
    ({"day": "0001-01-01"}, 200, "No generations match"),
    ({"day": "yesterday"}, 400, "is not a date"),
    ({"day": "2024-02-30"}, 400, "is not a date"),
    ({"day": "10000-01-01"}, 400, "is not a date"),
    ({"day": "\x00"}, 400, "holds a NUL character"),  # every page: webapp.security.RefuseNulMiddleware
    ({"day": "2024-01-01\x00"}, 400, "holds a NUL character"),
    ({"day": "x" * 5000}, 400, "is not a date"),
    ({"status": "\x00"}, 400, "holds a NUL character"),
    ({"status": "nonsense"}, 400, "Unknown status"),
    ({"page": "\x00"}, 400, "holds a NUL character"),
    ({"page": "-1"}, 200, "page 1 of"),
    ({"page": "99999999999999999999999"}, 200, "page 1 of"),
    ({"page": "1e9"}, 200, "page 1 of"),
])
def test_history_filters_answer_4xx_never_5xx(make_user, query: dict[str, str], expected: int, text: str) -> None:
    user, _ = make_user("historian")
    client = logged_in(user)
    resp = client.get("/history/", query)
    body = resp.content.decode()
    assert resp.status_code == expected and text in body, body[body.find("<main"):][:800]
    assert "\x00" not in body and "x" * 100 not in body  # echoed values are printable and short


def test_history_day_filter_finds_that_day(make_user) -> None:
    user, _ = make_user("diarist")
    reset_bucket(user)
    client = logged_in(user)
    client.post("/", studio_form(client.get("/").content.decode(), "a sundial at noon"))
    job = Job.objects.get(user=user)
    day = job.created_at.date().isoformat()
    assert 'data-id="' + job.id + '"' in client.get("/history/", {"day": day}).content.decode()
    assert 'data-id="' + job.id + '"' not in client.get("/history/", {"day": "9999-12-31"}).content.decode()
    assert 'data-id="' + job.id + '"' in client.get("/history/", {"day": day, "status": "queued"}).content.decode()


@pytest.mark.parametrize("video_id", ["%00", "video_%00", "video_" + "0" * 27 + "%00", "nonsense"])
def test_video_pages_answer_404_for_text_that_is_not_a_video_id(make_user, video_id: str) -> None:
    user, _ = make_user("page-prober")
    client = logged_in(user)
    for path in (f"/videos/{video_id}/", f"/videos/{video_id}/again", f"/videos/{video_id}/remix"):
        resp = client.get(path) if path.endswith("/") else client.post(path, {"prompt": "x"})
        # A NUL in a page's path is a 400 before any view (webapp.security.RefuseNulMiddleware); else not found.
        assert resp.status_code == (400 if "%00" in video_id else 404), (path, resp.status_code)
