"""The screening stage on a real CPU worker: prompts and reference images are screened before the GPU, a
block releases the credits, and policy edits apply without a restart."""

from __future__ import annotations

import httpx
import pytest

from accounts.credits import balance
from jobs.models import Job
from jobs.models import JobState as S
from safety.models import Decision, Rule
from tests.conftest import wait_for
from tests.safety_media import clip, grace_hopper, jpeg, protect_grace_hopper


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_screening_stage_blocks_releases_credits_and_applies_policy_edits_without_restart(
        stack, live_server, make_user) -> None:
    user, key = make_user("screened", credits=100)
    with httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as api:
        embedded = api.post("/v1/videos", json={
            "prompt": "two lovers in a steamy hotel room scene with nothing left to the imagination"}).json()
        assert embedded["status"] == "queued"  # the cheap pass let it through
        job = wait_for(lambda: Job.objects.filter(pk=embedded["id"], state=S.BLOCKED).first(), timeout=60)
        assert job.error_code == "moderation_blocked" and "(sexual content)" in job.error_message
        assert balance(user) == 100  # the hold was released
        decision = Decision.objects.get(job=job, stage="prompt")
        assert decision.verdict == "block" and decision.fired["stage"] == "embedding"
        assert decision.scores["sexual"] >= 0.5 and decision.fired["exemplar_id"]
        assert api.get(f"/v1/videos/{job.id}").json()["error"]["code"] == "moderation_blocked"

        # A reviewer adds a rule; the running worker applies it to the next job.
        Rule.objects.create(category_id="violence", pattern=r"purple elephants?")
        edited = api.post("/v1/videos", json={"prompt": "a purple elephant at dawn"})
        assert edited.status_code == 400 and "(graphic violence)" in edited.json()["error"]["message"]
        Rule.objects.filter(pattern=r"purple elephants?").delete()
        allowed = api.post("/v1/videos", json={"prompt": "a purple elephant at dawn", "seconds": "4"}).json()
        # Let it finish so no worker is writing when the test database is flushed.
        wait_for(lambda: Job.objects.filter(pk=allowed["id"], state=S.SUCCEEDED).exists(), timeout=90)
        assert Decision.objects.get(job_id=allowed["id"], stage="prompt").verdict == "allow"


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_reference_image_with_a_protected_face_is_blocked_before_the_gpu(
        stack, live_server, make_user) -> None:
    protect_grace_hopper()
    _, key = make_user("uploader")
    with httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as api:
        bad = api.post("/v1/videos", data={"prompt": "a portrait in oil", "size": "1280x720"},
                       files={"input_reference": ("me.jpg", jpeg(grace_hopper()), "image/jpeg")}).json()
        clean = api.post("/v1/videos", data={"prompt": "a portrait in oil", "size": "1280x720"},
                         files={"input_reference": ("sky.jpg", jpeg(clip(1)[0]), "image/jpeg")}).json()
    job = wait_for(lambda: Job.objects.filter(pk=bad["id"], state=S.BLOCKED).first(), timeout=60)
    assert "(real-person likeness)" in job.error_message and job.dispatched_at is None
    decision = Decision.objects.get(job=job, stage="reference")
    assert decision.category == "likeness" and decision.fired["person"] == "Grace Hopper"
    assert decision.frames.get().index == -1
    wait_for(lambda: Job.objects.filter(pk=clean["id"], state=S.SUCCEEDED).exists(), timeout=90)
    assert Decision.objects.get(job_id=clean["id"], stage="reference").verdict == "allow"
