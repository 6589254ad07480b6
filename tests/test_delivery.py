"""Delivery of videos, posters and spritesheets (jobs/delivery.py): byte ranges, validators and
conditional GETs on real MP4s; the presigned redirect against an S3-compatible server (moto's, over
HTTP); X-Accel-Redirect for nginx; and, on the real stack, gunicorn's sendfile path and a browser's
`<video>` that seeks."""

from __future__ import annotations

import io
import shutil
import socket
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import av
import boto3
import httpx
import numpy as np
import pytest
from botocore.exceptions import ClientError
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

from jobs import retention
from jobs.artifacts import put_artifact
from jobs.media import encode_mp4, spritesheet_jpeg, thumbnail_jpeg
from jobs.models import Artifact, Job, JobState
from tests.conftest import ARTIFACTS, wait_for
from tests.test_lifecycle import make_job
from webapp.processes import free_port, port_open, spawn_group

ROOT = Path(__file__).resolve().parent.parent


def clip(frames: int = 24, height: int = 64, width: int = 96) -> np.ndarray:
    """Frames that differ from each other (noise over a moving gradient), so the MP4 is not trivially small."""
    rng = np.random.default_rng(7)
    ramp = np.linspace(0, 255, width, dtype=np.float32)[None, None, :, None]
    shift = np.arange(frames, dtype=np.float32)[:, None, None, None] * 9
    base = (ramp + shift) % 256 + rng.integers(0, 60, (frames, height, width, 3))
    return np.clip(np.broadcast_to(base, (frames, height, width, 3)), 0, 255).astype(np.uint8)


def published(user, frames: np.ndarray | None = None) -> tuple[Job, bytes]:
    """A succeeded job with a real MP4, poster and spritesheet in storage."""
    frames = clip() if frames is None else frames
    job = make_job(user, JobState.SUCCEEDED, finished_at=timezone.now(),
                   expires_at=timezone.now() + timedelta(days=7))
    mp4 = encode_mp4(frames, 8)
    put_artifact(job.id, Artifact.Kind.VIDEO, mp4, "video/mp4")
    put_artifact(job.id, Artifact.Kind.THUMBNAIL, thumbnail_jpeg(frames), "image/jpeg")
    put_artifact(job.id, Artifact.Kind.SPRITESHEET, spritesheet_jpeg(frames), "image/jpeg")
    return job, mp4


def body(response: HttpResponseBase) -> bytes:
    if isinstance(response, StreamingHttpResponse):
        return b"".join(response.streaming_content)  # type: ignore[arg-type] # a file streams bytes, not str
    assert isinstance(response, HttpResponse)
    return response.content


def frames_in(mp4: bytes) -> int:
    with av.open(io.BytesIO(mp4), "r") as container:
        return len(list(container.decode(video=0)))


# --- streaming from the web process (the filesystem default) ----------------------------------------

@pytest.mark.django_db
def test_full_download_carries_validators_and_private_caching(make_user) -> None:
    user, key = make_user("deliver-full")
    job, mp4 = published(user)
    api = Client(headers={"Authorization": f"Bearer {key}"})
    response = api.get(f"/v1/videos/{job.id}/content")
    downloaded = body(response)  # a stream: read once
    assert response.status_code == 200 and downloaded == mp4
    assert response["Content-Type"] == "video/mp4" and response["Content-Length"] == str(len(mp4))
    assert response["Accept-Ranges"] == "bytes" and response["Cache-Control"] == "private, no-cache"
    assert response["ETag"].startswith('"') and response["Last-Modified"].endswith("GMT")
    assert f'filename="{job.id}-video.mp4"' in response["Content-Disposition"]
    assert frames_in(downloaded) == 24
    for variant in ("thumbnail", "spritesheet"):
        image = api.get(f"/v1/videos/{job.id}/content", {"variant": variant})
        assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
        assert image["Content-Length"] == str(Artifact.objects.get(job=job, kind=variant).size_bytes)
        assert body(image)[:3] == b"\xff\xd8\xff" and image["ETag"] != response["ETag"]


@pytest.mark.django_db
def test_a_file_missing_from_storage_is_a_clear_404_not_a_500(make_user, caplog) -> None:
    user, key = make_user("deliver-missing")
    job, _ = published(user)
    art = Artifact.objects.get(job=job, kind=Artifact.Kind.VIDEO)
    default_storage.delete(art.key)  # lost under the record
    api = Client(headers={"Authorization": f"Bearer {key}"})
    response = api.get(f"/v1/videos/{job.id}/content")
    assert response.status_code == 404 and response.json()["error"]["code"] == "content_missing"
    assert "missing from storage" in response.json()["error"]["message"]
    assert any(art.key in r.getMessage() and r.levelname == "ERROR" for r in caplog.records)
    assert api.get(f"/v1/videos/{job.id}/content", {"variant": "thumbnail"}).status_code == 200  # the rest is there


@pytest.mark.django_db
def test_byte_ranges_are_206_and_reassemble_the_file(make_user) -> None:
    user, key = make_user("deliver-ranges")
    job, mp4 = published(user)
    api = Client(headers={"Authorization": f"Bearer {key}"})
    url = f"/v1/videos/{job.id}/content"
    size = len(mp4)

    def ranged(spec: str) -> tuple[bytes, str]:
        response = api.get(url, headers={"Range": spec})
        assert response.status_code == 206, (spec, response.status_code)
        part = body(response)
        assert response["Content-Length"] == str(len(part))
        return part, response["Content-Range"]

    first, first_range = ranged("bytes=0-99")
    assert first == mp4[:100] and first_range == f"bytes 0-99/{size}"
    middle, middle_range = ranged(f"bytes=100-{size - 51}")
    assert middle_range == f"bytes 100-{size - 51}/{size}"
    last, last_range = ranged("bytes=-50")
    assert last_range == f"bytes {size - 50}-{size - 1}/{size}"
    assert first + middle + last == mp4
    tail, _ = ranged(f"bytes={size - 10}-")
    assert tail == mp4[-10:]
    clipped, clipped_range = ranged(f"bytes={size - 5}-{size + 1000}")  # an end past the file is cut to it
    assert clipped == mp4[-5:] and clipped_range == f"bytes {size - 5}-{size - 1}/{size}"
    # Positions of any length (they answered 500 past Python's 4,300-digit int() limit): an end is cut to the
    # file, a suffix longer than the file is all of it, leading zeros are only zeros.
    huge = "9" * 5000
    assert ranged(f"bytes=0-{huge}") == (mp4, f"bytes 0-{size - 1}/{size}")
    assert ranged(f"bytes=-{huge}") == (mp4, f"bytes 0-{size - 1}/{size}")
    assert ranged(f"bytes={'0' * 5000}10-{'0' * 5000}19")[1] == f"bytes 10-19/{size}"
    head = api.head(url, headers={"Range": "bytes=10-19"})
    assert head.status_code == 206 and head["Content-Range"] == f"bytes 10-19/{size}" and body(head) == b""
    assert head["Content-Length"] == "10"


@pytest.mark.django_db
@pytest.mark.parametrize("spec", ["bytes=0-9,20-29", "bytes=999999-", "bytes=50-10", "bytes=abc", "bytes=-0",
                                  "items=0-10", "bytes=-", f"bytes={'9' * 5000}-", f"bytes={'9' * 5000}-{'9' * 4999}",
                                  f"bytes=-{'0' * 5000}"])
def test_several_or_unsatisfiable_ranges_are_416_with_the_size(make_user, spec: str) -> None:
    user, key = make_user("deliver-416")
    job, mp4 = published(user)
    response = Client(headers={"Authorization": f"Bearer {key}"}).get(f"/v1/videos/{job.id}/content",
                                                                       headers={"Range": spec})
    assert response.status_code == 416 and response["Content-Range"] == f"bytes */{len(mp4)}"
    error = response.json()["error"]
    assert error["code"] == "range_not_satisfiable" and error["param"] == "Range" and error["message"]


@pytest.mark.django_db
def test_conditional_gets_answer_304_until_the_file_changes(make_user) -> None:
    user, key = make_user("deliver-304")
    job, mp4 = published(user)
    api = Client(headers={"Authorization": f"Bearer {key}"})
    url = f"/v1/videos/{job.id}/content"
    first = api.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    same = api.get(url, headers={"If-None-Match": etag})
    assert same.status_code == 304 and body(same) == b"" and same["ETag"] == etag
    assert same["Cache-Control"] == "private, no-cache"
    assert api.get(url, headers={"If-None-Match": f'"other", {etag}'}).status_code == 304
    assert api.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert api.get(url, headers={"If-Modified-Since": http_date(0)}).status_code == 200
    assert api.get(url, headers={"If-Match": '"something else"'}).status_code == 412
    # If-Range: the range only for this very version; otherwise the whole file.
    assert api.get(url, headers={"Range": "bytes=0-9", "If-Range": etag}).status_code == 206
    stale = api.get(url, headers={"Range": "bytes=0-9", "If-Range": '"an older version"'})
    assert stale.status_code == 200 and body(stale) == mp4
    # A new version (a new key: artifacts are never rewritten in place) is a new ETag.
    put_artifact(job.id, Artifact.Kind.VIDEO, encode_mp4(clip(frames=16), 8), "video/mp4")
    changed = api.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag and frames_in(body(changed)) == 16


@pytest.mark.django_db
def test_only_the_owner_gets_bytes_and_the_studio_session_can_range(make_user) -> None:
    owner, key = make_user("deliver-owner")
    _, other_key = make_user("deliver-other")
    job, mp4 = published(owner)
    url = f"/v1/videos/{job.id}/content"
    assert Client(headers={"Authorization": f"Bearer {other_key}"}).get(url).status_code == 404
    assert Client().get(url, headers={"Range": "bytes=0-9"}).status_code in (401, 403)
    studio = Client()
    studio.force_login(owner)
    response = studio.get(url, headers={"Range": "bytes=0-1023"})
    assert response.status_code == 206 and body(response) == mp4[:1024]


@pytest.mark.django_db
def test_accel_mode_hands_the_bytes_to_nginx(make_user, settings) -> None:
    settings.KINEMA_DELIVERY = "accel"
    settings.KINEMA_ACCEL_REDIRECT_PREFIX = "/internal-media/"
    user, key = make_user("deliver-accel")
    job, _ = published(user)
    art = Artifact.objects.get(job=job, kind=Artifact.Kind.VIDEO)
    response = Client(headers={"Authorization": f"Bearer {key}"}).get(f"/v1/videos/{job.id}/content")
    assert response.status_code == 200 and response["X-Accel-Redirect"] == f"/internal-media/{art.key}"
    assert body(response) == b"" and response["Content-Type"] == "video/mp4" and response["ETag"]
    assert response["Cache-Control"] == "private, no-cache"


# --- S3: a presigned redirect, against moto's S3 server over HTTP ------------------------------------

@pytest.fixture
def s3_storage(settings, monkeypatch) -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    for name, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing"),
                        ("AWS_DEFAULT_REGION", "us-east-1")):
        monkeypatch.setenv(name, value)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(Bucket="kinema-test")
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": "kinema-test", "endpoint_url": endpoint, "region_name": "us-east-1", "default_acl": None,
        "querystring_auth": True, "file_overwrite": True, "addressing_style": "path",
        "signature_version": "s3v4"}}}
    settings.KINEMA_DELIVERY = "auto"
    try:
        yield endpoint
    finally:
        server.stop()


def s3_object_exists(endpoint: str, key: str) -> bool:
    try:
        boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").head_object(Bucket="kinema-test", Key=key)
    except ClientError as exc:
        assert exc.response["Error"]["Code"] in ("404", "NoSuchKey")
        return False
    return True


@pytest.mark.django_db(transaction=True)
def test_s3_upload_presigned_download_ranged_read_and_retention_delete(make_user, s3_storage, live_server,
                                                                      settings) -> None:
    user, key = make_user("deliver-s3")
    job, mp4 = published(user)  # uploaded through the S3 storage backend
    art = Artifact.objects.get(job=job, kind=Artifact.Kind.VIDEO)
    assert s3_object_exists(s3_storage, art.key) and default_storage.size(art.key) == len(mp4)
    url = f"{live_server.url}/v1/videos/{job.id}/content"
    with httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        redirect = client.get(url)
        assert redirect.status_code == 302 and redirect.headers["Cache-Control"] == "private, no-store"
        location = redirect.headers["Location"]
        assert location.startswith(s3_storage) and "X-Amz-Signature=" in location
        assert f"X-Amz-Expires={settings.KINEMA_DELIVERY_URL_TTL_S}" in location
        # Followed, the bytes come from the object store, not the web tier (and the API key stays behind).
        followed = client.get(url, follow_redirects=True)
        assert followed.status_code == 200 and followed.content == mp4
        assert str(followed.url).startswith(s3_storage) and followed.headers["Content-Type"] == "video/mp4"
        assert "authorization" not in followed.request.headers
        ranged = client.get(url, headers={"Range": "bytes=100-199"}, follow_redirects=True)
        assert ranged.status_code == 206 and ranged.content == mp4[100:200]
        poster = client.get(url, params={"variant": "thumbnail"}, follow_redirects=True)
        assert poster.status_code == 200 and poster.content[:3] == b"\xff\xd8\xff"
        # The OpenAI SDK follows the redirect too.
        from openai import OpenAI

        sdk = OpenAI(api_key=key, base_url=f"{live_server.url}/v1", max_retries=0)
        assert sdk.videos.download_content(job.id).read() == mp4
        # A CDN in front of the bucket: the same signed path and query under the CDN's origin.
        settings.KINEMA_DELIVERY_PUBLIC_BASE_URL = "https://cdn.example.com"
        cdn = urlsplit(client.get(url).headers["Location"])
        signed = urlsplit(location)
        assert (cdn.scheme, cdn.netloc, cdn.path) == ("https", "cdn.example.com", signed.path)
        assert "X-Amz-Signature=" in cdn.query
        settings.KINEMA_DELIVERY_PUBLIC_BASE_URL = ""

        # Retention: the bytes leave the bucket; an issued URL stops working and the API answers 404.
        Job.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
        assert retention.prune()["videos"] == 3
        assert not s3_object_exists(s3_storage, art.key)
        after = httpx.get(location, timeout=30)  # S3 says 403 or 404 for a missing key, by the caller's rights
        assert after.status_code in (403, 404) and after.content != mp4
        gone = client.get(url)
        assert gone.status_code == 404 and gone.json()["error"]["code"] == "expired"


@pytest.mark.django_db(transaction=True)
def test_a_takedown_revokes_presigned_urls_issued_before_it_and_a_restore_serves_new_ones(
        make_user, s3_storage, live_server) -> None:
    from jobs.models import OutboxMessage
    from jobs.moderation import REVOKE_URLS, restore, revoke_urls, take_down

    user, key = make_user("deliver-s3-takedown")
    job, mp4 = published(user)
    url = f"{live_server.url}/v1/videos/{job.id}/content"
    with httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        issued = {variant: client.get(url, params={"variant": variant}).headers["Location"]
                  for variant in ("video", "thumbnail", "spritesheet")}
        assert httpx.get(issued["video"], timeout=30).content == mp4
        old_keys = dict(Artifact.objects.filter(job=job).values_list("kind", "key"))

        take_down(job.id, reason="violates the policy", category="violence")
        # Queued in the takedown's transaction, for the CPU worker; run here against this test's S3 settings
        # (the session's CPU worker process runs on the filesystem store and finds nothing to move).
        assert OutboxMessage.objects.filter(actor_name=REVOKE_URLS, args__0=job.id).exists()
        revoke_urls.fn(job.id)
        for variant, location in issued.items():
            stale = httpx.get(location, timeout=30)
            assert stale.status_code in (403, 404), (variant, stale.status_code)
            assert not s3_object_exists(s3_storage, old_keys[variant])
        removed = client.get(url)
        assert removed.status_code == 404 and removed.json()["error"]["code"] == "video_removed"
        new_keys = dict(Artifact.objects.filter(job=job).values_list("kind", "key"))
        assert all(new_keys[k] != old_keys[k] and s3_object_exists(s3_storage, new_keys[k]) for k in issued)
        revoke_urls.fn(job.id)  # a duplicate message moves them again: still one live object per kind
        assert Artifact.objects.filter(job=job, deleted_at__isnull=True).count() == 3

        # Restored: the kept bytes are delivered again, under URLs for the new keys.
        restore(job.id, reason="a second look found no violation")
        again = client.get(url)
        assert again.status_code == 302 and again.headers["Location"] != issued["video"]
        assert client.get(url, follow_redirects=True).content == mp4
        served = dict(Artifact.objects.filter(job=job).values_list("kind", "key"))
        revoke_urls.fn(job.id)  # restored before the message ran: nothing moves
        assert dict(Artifact.objects.filter(job=job).values_list("kind", "key")) == served


@pytest.mark.django_db(transaction=True)
def test_a_deletion_held_for_review_revokes_the_urls_issued_before_it(make_user, s3_storage, live_server) -> None:
    """A reported video its owner deletes keeps its bytes for the reviewer: the download URLs handed out before must
    stop working all the same (a deletion that removes the bytes makes them fail by itself)."""
    from jobs.models import OutboxMessage
    from jobs.moderation import REVOKE_URLS, report_video, revoke_urls

    user, key = make_user("deliver-s3-held")
    reporter, _ = make_user("deliver-s3-reporter")
    job, mp4 = published(user)
    url = f"{live_server.url}/v1/videos/{job.id}/content"
    with httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        issued = client.get(url).headers["Location"]
        assert httpx.get(issued, timeout=30).content == mp4
        report_video(job, reporter.pk, "violence", "")
        assert client.delete(f"{live_server.url}/v1/videos/{job.id}").status_code == 200
        assert OutboxMessage.objects.filter(actor_name=REVOKE_URLS, args__0=job.id).exists()
        revoke_urls.fn(job.id)
        assert httpx.get(issued, timeout=30).status_code in (403, 404)
        kept = Artifact.objects.get(job=job, kind=Artifact.Kind.VIDEO, deleted_at__isnull=True)
        assert s3_object_exists(s3_storage, kept.key)  # still there for the reviewer


@pytest.mark.django_db(transaction=True)
def test_the_clean_up_sweep_never_takes_a_takedowns_new_copies(make_user, s3_storage, monkeypatch) -> None:
    """The job's clean-up (`sweep_job_storage`: bytes no record points at) runs while a takedown moves the clip
    to new keys, right after a copy and before the record points at it: it waits for the job's row lock, so the
    clip is never left pointing at deleted bytes."""
    import threading

    from jobs import delivery
    from jobs.artifacts import stored_keys, sweep_job_storage
    from jobs.moderation import revoke_urls, take_down

    user, _ = make_user("deliver-s3-sweep")
    job, mp4 = published(user)
    take_down(job.id, reason="violates the policy", category="violence")
    original = delivery._copy_object
    sweeps: list[threading.Thread] = []
    swept: list[list[str]] = []

    def sweep() -> None:
        from django.db import connection

        try:
            swept.append(sweep_job_storage(job.id))
        finally:
            connection.close()

    def copy_then_sweep(old: str, new: str) -> None:
        original(old, new)
        if not sweeps:  # the clean-up starts now, in another worker thread with its own connection
            sweeps.append(threading.Thread(target=sweep))
            sweeps[0].start()
            sweeps[0].join(timeout=1.5)  # it waits for the job's row lock (without the lock, it is done by now)

    monkeypatch.setattr(delivery, "_copy_object", copy_then_sweep)
    revoke_urls.fn(job.id)
    sweeps[0].join(timeout=60)
    assert swept, "the sweep did not finish"
    live = dict(Artifact.objects.filter(job=job, deleted_at__isnull=True).values_list("kind", "key"))
    assert len(live) == 3 and all(s3_object_exists(s3_storage, key) for key in live.values())
    assert set(stored_keys(job.id)) == set(live.values())


# --- the real stack: gunicorn (sendfile) and a browser that seeks ------------------------------------

@pytest.fixture
def gunicorn_web(stack, monkeypatch) -> Iterator[str]:
    """The web process exactly as `make run` starts it (webapp/stack.py), on the test database."""
    from webapp.stack import worker_commands

    port = free_port()
    monkeypatch.setenv("KINEMA_PORT", str(port))
    monkeypatch.setenv("KINEMA_WEB_WORKERS", "1")
    log = open(ARTIFACTS / "delivery-gunicorn.log", "ab")  # noqa: SIM115 - lives as long as the process
    proc = spawn_group(worker_commands()["web"], env=stack.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    stack.procs["delivery-web"] = proc
    wait_for(lambda: port_open(port), timeout=60)
    yield f"http://127.0.0.1:{port}"
    stack.kill("delivery-web")


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_generated_video_ranges_through_gunicorn_and_seeks_in_a_browser(gunicorn_web, make_user) -> None:
    user, key = make_user("deliver-stack", tier="pro")
    with httpx.Client(base_url=gunicorn_web, headers={"Authorization": f"Bearer {key}"}, timeout=30) as api:
        created = api.post("/v1/videos", json={"prompt": "a red kite over green hills", "size": "1280x720",
                                               "seconds": 4, "steps": 4})
        assert created.status_code == 200, created.text
        video_id = created.json()["id"]
        wait_for(lambda: api.get(f"/v1/videos/{video_id}").json()["status"] in ("completed", "failed"),
                 timeout=300, interval=0.5)
        assert api.get(f"/v1/videos/{video_id}").json()["status"] == "completed"
        stored = Artifact.objects.get(job_id=video_id, kind=Artifact.Kind.VIDEO)
        with default_storage.open(stored.key, "rb") as fh:
            mp4 = fh.read()
        url = f"/v1/videos/{video_id}/content"
        full = api.get(url)
        assert full.status_code == 200 and full.content == mp4 and full.headers["Accept-Ranges"] == "bytes"
        etag = full.headers["ETag"]
        # gunicorn sends ranges with sendfile(2) from the range's offset: each part is exactly its bytes,
        # and the keep-alive connection stays in step (the next answer parses).
        size = len(mp4)
        cuts = [0, 1, 777, size // 2, size - 1, size]
        parts = []
        for start, end in zip(cuts, cuts[1:], strict=False):
            part = api.get(url, headers={"Range": f"bytes={start}-{end - 1}"})
            assert part.status_code == 206 and part.headers["Content-Range"] == f"bytes {start}-{end - 1}/{size}"
            parts.append(part.content)
        assert b"".join(parts) == mp4
        assert api.get(url, headers={"If-None-Match": etag}).status_code == 304
        assert api.get(url, headers={"Range": "bytes=0-1,5-6"}).status_code == 416
        assert frames_in(mp4) > 1

    # The studio's player seeks: Chromium asks for byte ranges and jumps into the middle of the clip.
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and driver, "make test installs Debian's chromium and chromium-driver"
    session = Client()
    session.force_login(user)
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--autoplay-policy=no-user-gesture-required"):
        opts.add_argument(arg)
    browser = webdriver.Chrome(service=Service(driver), options=opts)
    try:
        browser.get(f"{gunicorn_web}/healthz")
        name = django_settings.SESSION_COOKIE_NAME
        browser.add_cookie({"name": name, "value": session.cookies[name].value, "path": "/"})
        browser.get(f"{gunicorn_web}/videos/{video_id}/")
        script = "return [arguments[0].readyState, arguments[0].duration, arguments[0].seekable.length ? " \
                 "arguments[0].seekable.end(0) : 0]"
        player = browser.find_element("id", "player")
        wait_for(lambda: browser.execute_script(script, player)[0] >= 1, timeout=30, interval=0.1)
        _, duration, seekable_end = browser.execute_script(script, player)
        assert duration > 0 and seekable_end == pytest.approx(duration, abs=0.3)
        target = duration * 0.6
        browser.execute_script("window.__seeked = false; arguments[0].pause(); arguments[0].addEventListener("
                               "'seeked', () => { window.__seeked = true; }); arguments[0].currentTime = arguments[1];",
                               player, target)
        wait_for(lambda: browser.execute_script("return window.__seeked"), timeout=30, interval=0.1)
        assert browser.execute_script("return arguments[0].currentTime", player) == pytest.approx(target, abs=0.3)
    finally:
        browser.quit()
