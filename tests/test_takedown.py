"""Takedown after publication, end to end: a reviewer takes a reported clip down in the console; its
content (MP4, poster, spritesheet, preview) answers 404 `video_removed` over real HTTP and through the
official OpenAI SDK, the Video object says so, the owner is notified in the app and by a signed
`video.removed` webhook (the real webhook worker, a real receiver), the decision is audited, and a
restore delivers the clip again."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import httpx
import numpy as np
import openai
import pytest
from django.test import Client
from standardwebhooks import Webhook

from jobs.models import Job, Notification, WebhookDelivery
from jobs.models import JobState as S
from jobs.tasks import finalize_job
from safety.models import ReviewAction, ReviewCase, Takedown, TakedownAction
from safety.permissions import ensure_reviewer_group
from tests.conftest import wait_for
from tests.safety_media import finalizing_job
from tests.test_webhooks import Receiver

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
VARIANTS = ["video", "thumbnail", "spritesheet", "preview"]


def published_clip(user, prompt: str = "a paper boat on a pond", frames: np.ndarray | None = None) -> Job:
    """A clip published by the real finalize step (frame scan, MP4, poster, spritesheet, signature)."""
    if frames is None:
        rng = np.random.default_rng(7)
        frames = np.repeat(rng.integers(60, 190, (4, 1, 1, 3), dtype=np.uint8), 64 * 96, axis=1).reshape(4, 64, 96, 3)
    job = finalizing_job(user, frames, prompt=prompt)
    finalize_job.fn(job.id, 1)
    job.refresh_from_db()
    assert job.state == S.SUCCEEDED, job.error_message
    return job


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("tns-takedown", password="pw", is_staff=True)
    user.groups.add(ensure_reviewer_group())
    return user


def test_a_reported_clip_is_taken_down_notified_audited_and_restored(stack, live_server, make_user, receiver,
                                                                      reviewer, settings) -> None:
    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True  # the receiver is on loopback
    owner, key = make_user("creator-td")
    job = published_clip(owner)
    http = httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)
    hook = http.post("/v1/webhooks", json={"url": receiver.url, "events": ["video.removed",
                                                                            "kinema.video.restored"]}).json()
    assert hook["secret"].startswith("whsec_"), hook
    for variant in ("video", "thumbnail", "spritesheet"):
        assert http.get(f"/v1/videos/{job.id}/content", params={"variant": variant}).status_code == 200
    def counted(series: str) -> float:
        """A counter's value now: other tests of the session may have counted before this one."""
        scrape = http.get("/metrics", headers={"Authorization": f"Bearer {settings.KINEMA_METRICS_TOKEN}"}).text
        found = re.search(rf"^{re.escape(series)} (\S+)$", scrape, re.M)
        return float(found.group(1)) if found else 0.0

    takedowns = 'kinema_takedowns_total{category="violence",source="review"}'
    reports = 'kinema_video_reports_total{reason="violence"}'
    before = {series: counted(series) for series in (takedowns, reports)}
    assert http.post(f"/v1/videos/{job.id}/reports", json={"reason": "violence"}).status_code == 200
    console = Client()
    console.force_login(reviewer)
    case = ReviewCase.objects.get(job=job, kind="report")
    console.post(f"/admin/safety/reviewcase/{case.pk}/decide/", {"action": "take_down", "reason": " "})
    assert not Takedown.objects.exists()  # no reason, no takedown
    console.post(f"/admin/safety/reviewcase/{case.pk}/decide/",
                 {"action": "take_down", "reason": "real violence, not staged"})

    # Every content variant: 404 with a clear code and message, in the OpenAI error shape.
    for variant in VARIANTS:
        resp = http.get(f"/v1/videos/{job.id}/content", params={"variant": variant})
        assert resp.status_code == 404, (variant, resp.text)
        error = resp.json()["error"]
        assert error["code"] == "video_removed" and "removed for violating the content policy" in error["message"]
        assert "graphic violence" in error["message"]  # the category's label, never the reviewer's words
    video = http.get(f"/v1/videos/{job.id}").json()
    assert video["status"] == "completed" and video["error"]["code"] == "video_removed"
    assert video["removed"]["reason"] == "violence" and video["removed"]["removed_at"] > 0
    listed = http.get("/v1/videos").json()["data"]
    assert [v["removed"] is not None for v in listed if v["id"] == job.id] == [True]

    # The official SDK: the typed error field, and a NotFoundError with the code on download.
    sdk = openai.OpenAI(api_key=key, base_url=f"{live_server.url}/v1", max_retries=0)
    retrieved = sdk.videos.retrieve(job.id)
    assert retrieved.status == "completed" and retrieved.error is not None and retrieved.error.code == "video_removed"
    with pytest.raises(openai.NotFoundError) as raised:
        sdk.videos.download_content(job.id)
    assert raised.value.code == "video_removed"

    # The studio's video page shows why, instead of a player that cannot load.
    studio = Client()
    studio.force_login(owner)
    page = studio.get(f"/videos/{job.id}/").content.decode()
    assert 'id="removed"' in page and 'id="player"' not in page

    # The owner is told: an in-app notification and a signed webhook (the real webhook worker).
    notice = Notification.objects.get(job=job, kind="video.removed")
    assert notice.user == owner and notice.read_at is None and "removed" in notice.title
    wait_for(lambda: len(receiver.requests) >= 1, timeout=60)
    headers, body, _ = receiver.requests[0]
    payload = Webhook(hook["secret"]).verify(body, headers)
    assert payload["type"] == "video.removed" and payload["data"]["id"] == job.id
    assert payload["data"]["error"]["code"] == "video_removed" and payload["data"]["removed"]["reason"] == "violence"

    # Audited: who, when, why; the case is decided and the report resolved.
    takedown = Takedown.objects.get(job=job)
    assert (takedown.active, takedown.source, takedown.removed_by, takedown.case_id) == (True, "review", reviewer,
                                                                                          case.pk)
    action = TakedownAction.objects.get(takedown=takedown)
    assert (action.action, action.actor, action.reason) == ("remove", reviewer, "real violence, not staged")
    assert ReviewAction.objects.get(case=case).action == "take_down"
    case.refresh_from_db()
    assert case.status == "taken_down" and case.reports.get().status == "resolved"
    page = console.get(f"/admin/safety/reviewcase/{case.pk}/change/").content.decode()
    assert "Restore the video" in page and "removed" in page

    assert counted(takedowns) == before[takedowns] + 1 and counted(reports) == before[reports] + 1

    # Reversible: a restore (with a reason) delivers the clip again and tells the owner.
    console.post(f"/admin/safety/reviewcase/{case.pk}/restore/", {"reason": "appeal: it is a stage play"})
    assert http.get(f"/v1/videos/{job.id}/content").status_code == 200
    assert http.get(f"/v1/videos/{job.id}").json()["removed"] is None
    assert Notification.objects.filter(job=job, kind="video.restored").exists()
    assert [a.action for a in TakedownAction.objects.filter(takedown=takedown)] == ["remove", "restore"]
    wait_for(lambda: len(receiver.requests) >= 2, timeout=60)
    assert json.loads(receiver.requests[1][1])["type"] == "kinema.video.restored"
    # The worker records the outcome just after the receiver answers.
    wait_for(lambda: WebhookDelivery.objects.filter(event__job=job, status="succeeded").count() == 2, timeout=30)
    http.close()
