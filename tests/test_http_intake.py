"""What a request's headers declare that Django cannot read, through gunicorn as `make run` serves it: a charset that
is no text encoding (gunicorn's bare 500 on any URL), a chunked body (read as empty: a POST acted on nothing), a
form in another charset (the 400 handler's CSRF check read it again: 500), and text decoded through UTF-7 into lone
surrogates (500 in PostgreSQL)."""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Iterator

import httpx
import pytest

from jobs.models import Job, Notification
from jobs.models import JobState as S
from tests.conftest import ARTIFACTS, ROOT, Stack, wait_for
from tests.test_lifecycle import make_job
from webapp.processes import free_port, kill_group, port_open, spawn_group

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def web(django_db_setup, django_db_blocker) -> Iterator[str]:
    """gunicorn with webapp.wsgi, one worker, on the test database."""
    import os

    from webapp.stack import worker_commands

    port = free_port()
    os.environ["KINEMA_PORT"], os.environ["KINEMA_WEB_WORKERS"] = str(port), "1"
    try:
        command = worker_commands()["web"]
    finally:
        del os.environ["KINEMA_PORT"], os.environ["KINEMA_WEB_WORKERS"]
    with django_db_blocker.unblock():
        env = Stack().env
    log = open(ARTIFACTS / "intake-gunicorn.log", "ab")  # noqa: SIM115 - lives as long as the process
    proc = spawn_group(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: port_open(port), timeout=60)
        yield f"http://127.0.0.1:{port}"
    finally:
        kill_group(proc, 15, wait_s=20)


def test_a_charset_that_is_no_text_encoding_is_a_415_on_any_url(web: str, make_user) -> None:
    _, key = make_user("intake-charset")
    for charset in ("rot13", "hex", "base64", "zlib", "punycode", "undefined"):
        page = httpx.get(f"{web}/healthz?x=1", headers={"Content-Type": f"text/plain; charset={charset}"})
        assert page.status_code == 415 and charset in page.text, (charset, page.status_code, page.text[:200])
        assert page.headers["X-Content-Type-Options"] == "nosniff" and page.headers["X-Frame-Options"] == "DENY"
        assert page.headers["Content-Security-Policy"].startswith("default-src 'none'")
        api = httpx.get(f"{web}/v1/videos?limit=5", headers={"Content-Type": f"text/plain; charset={charset}",
                                                             "Authorization": f"Bearer {key}"})
        assert api.status_code == 415, (charset, api.status_code)
        assert api.json()["error"]["code"] == "unsupported_charset" and api.json()["error"]["message"]
    # A text charset, or one nobody knows (Django reads UTF-8 then), is no reason to refuse.
    for content_type in ("text/plain; charset=latin-1", "text/plain; charset=no-such-charset"):
        assert httpx.get(f"{web}/healthz?x=1", headers={"Content-Type": content_type}).status_code == 200


def test_a_chunked_body_is_read_whole(web: str, make_user) -> None:
    """Django reads as many body bytes as Content-Length says: a chunked body was read as empty, and
    notifications/read with the ids of nobody's notifications marked all of the user's read."""
    user, key = make_user("intake-chunked")
    job = make_job(user, S.SUCCEEDED)
    Notification.objects.create(user=user, job=job, kind=Notification.Kind.COMPLETED, title="done")
    auth = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def chunks(body: bytes) -> Iterator[bytes]:
        yield body[:5]  # a generator: httpx sends it chunked, without a Content-Length
        yield body[5:]

    marked = httpx.post(f"{web}/v1/notifications/read", headers=auth, content=chunks(b'{"ids": [123456]}'))
    assert marked.status_code == 200 and marked.json()["marked"] == 0, marked.text
    assert Notification.objects.filter(user=user, read_at__isnull=True).count() == 1
    made = httpx.post(f"{web}/v1/videos", headers=auth, content=chunks(b'{"prompt": "a kite on the beach"}'))
    assert made.status_code == 200 and Job.objects.get(pk=made.json()["id"]).prompt == "a kite on the beach"
    empty = httpx.request("GET", f"{web}/v1/videos", headers=auth, content=chunks(b""))
    assert empty.status_code == 200


def _login_form(client: httpx.Client, web: str) -> str:
    page = client.get(f"{web}/login/")
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]


def test_a_form_in_another_charset_is_a_400_page_and_utf8_aliases_are_read(web: str, django_user_model) -> None:
    django_user_model.objects.create_user("intake-form", password="intake-password-1")
    for charset, expected in (("ISO-8859-1", 400), ("windows-1252", 400), ("UTF8", 302), ("us-ascii", 302)):
        with httpx.Client() as client:  # a browser's CSRF cookie and token, as every page form has
            token = _login_form(client, web)
            resp = client.post(f"{web}/login/", headers={
                "Content-Type": f"application/x-www-form-urlencoded; charset={charset}", "Referer": f"{web}/login/"},
                content=f"csrfmiddlewaretoken={token}&username=intake-form&password=intake-password-1".encode())
            assert resp.status_code == expected, (charset, resp.status_code, resp.text[:300])
            if expected == 400:
                assert "could not be read" in resp.text


def test_text_decoded_into_lone_surrogates_is_a_400_page(web: str) -> None:
    with httpx.Client() as client:
        token = _login_form(client, web)
        boundary = "kinema-intake"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrfmiddlewaretoken\"\r\n\r\n{token}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n+2AA-\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nx\r\n--{boundary}--\r\n")
        resp = client.post(f"{web}/login/", content=body.encode(), headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}; charset=utf-7", "Referer": f"{web}/login/"})
        assert resp.status_code == 400 and "surrogate" in resp.text and "username" in resp.text, resp.text[:300]
    query = httpx.get(f"{web}/login/?next=/%2B2AA-", headers={"Content-Type": "text/plain; charset=utf-7"})
    assert query.status_code == 400 and "surrogate" in query.text


def test_a_head_answer_has_the_headers_and_no_body(web: str, make_user) -> None:
    _, key = make_user("intake-head")
    auth = {"Authorization": f"Bearer {key}"}
    log = ARTIFACTS / "intake-gunicorn.log"
    logged_before = log.stat().st_size
    got, head = httpx.get(f"{web}/v1/videos", headers=auth), httpx.head(f"{web}/v1/videos", headers=auth)
    assert got.status_code == head.status_code == 200 and head.content == b""
    assert head.headers["Content-Type"] == got.headers["Content-Type"]
    # gunicorn logs the dropped body after answering: give it a moment and one more request, then read the log.
    time.sleep(0.5)
    assert httpx.get(f"{web}/healthz").status_code == 200
    with log.open("rb") as f:  # what gunicorn logged for these two requests (it warned of the body it dropped)
        f.seek(logged_before)
        assert b"sent body bytes on a no-body response" not in f.read()



def test_daphne_refuses_such_a_charset_too() -> None:
    """daphne serves HTTP as well (make run's feed port, the browser tests): the same 415 there."""
    import asyncio

    from asgiref.testing import ApplicationCommunicator

    from webapp.asgi import application

    async def run() -> dict:
        comm = ApplicationCommunicator(application, {
            "type": "http", "method": "GET", "path": "/healthz", "raw_path": b"/healthz", "query_string": b"x=1",
            "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"text/plain; charset=rot13")],
            "http_version": "1.1", "scheme": "http", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 5)})
        await comm.send_input({"type": "http.request", "body": b""})
        start = await comm.receive_output(5)
        await comm.receive_output(5)
        return start

    start = asyncio.run(run())
    headers = dict(start["headers"])
    assert start["status"] == 415 and headers[b"x-content-type-options"] == b"nosniff"
    assert headers[b"content-security-policy"].startswith(b"default-src 'none'")


def test_refusals_before_django_promise_hsts_on_an_https_install(settings) -> None:
    from webapp.security import refusal_headers

    settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = 3600, True
    settings.SECURE_HSTS_PRELOAD = False
    assert dict(refusal_headers())["Strict-Transport-Security"] == "max-age=3600; includeSubDomains"
    settings.SECURE_HSTS_SECONDS = 0
    assert "Strict-Transport-Security" not in dict(refusal_headers())


def test_what_gunicorn_refuses_itself_is_the_apis_json_error(web: str) -> None:
    """A URL over gunicorn's request-line limit, a header over its size limit and a request line that is no HTTP are
    answered by gunicorn before Django: with its own HTML page before, the API's JSON error now."""
    import json
    import socket

    long_url = httpx.get(f"{web}/v1/videos?q={'x' * 5000}")
    assert long_url.status_code == 414, long_url.status_code
    assert long_url.json()["error"]["code"] == "uri_too_long" and "URL" in long_url.json()["error"]["message"]
    big_header = httpx.get(f"{web}/healthz", headers={"X-Padding": "y" * 9000})
    assert big_header.status_code == 431, big_header.status_code
    assert big_header.json()["error"]["code"] == "headers_too_large"
    for answer in (long_url, big_header):
        assert answer.headers["Content-Type"] == "application/json"
        assert answer.headers["X-Content-Type-Options"] == "nosniff" and answer.headers["X-Frame-Options"] == "DENY"
    host, port = web.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(b"GET /healthz HTTP/9\r\nHost: x\r\n\r\n")
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 "), head[:60]
    error = json.loads(body)["error"]
    assert error["code"] == "invalid_http" and error["message"].startswith("The request is not valid HTTP"), error
