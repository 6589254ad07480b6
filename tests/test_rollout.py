"""A/B rollout: a canary version's share of eligible traffic (sticky per user), its GPU-seconds budget
per hour (from GPU time the real worker recorded), and the automatic rollback of a canary whose NaN
rate exceeds the live version's, judged by the dispatcher's reconciler over jobs the real GPU worker ran
on a checkpoint that produces NaNs."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from jobs import rollout
from jobs.catalog import CatalogModel, ModelVersion, VersionState, ensure_catalog, profile_fields
from jobs.models import Job, JobEvent
from jobs.profiles import PROFILES
from tests.conftest import wait_for

pytestmark = [pytest.mark.django_db(transaction=True)]

DEFAULT = settings.KINEMA_MODEL_NAME
HD_CHECKPOINT = str(Path(settings.KINEMA_MODEL).with_name(Path(settings.KINEMA_MODEL).name + "-hd"))


def canary(checkpoint: str = HD_CHECKPOINT, **fields: Any) -> ModelVersion:
    """Version 2 of the default model as a canary: the tiny profile on another checkpoint."""
    ensure_catalog()
    values = {**profile_fields(PROFILES["tiny"]), "max_sequence_length": 64, "checkpoint": checkpoint, **fields}
    return ModelVersion.objects.create(model=CatalogModel.objects.get(pk=DEFAULT), version="2",
                                       state=VersionState.CANARY, **values)


def test_the_canary_gets_its_share_sticky_per_user_and_only_eligible_requests(make_user) -> None:
    version = canary(canary_share=0.3, canary_gpu_seconds_per_hour=1e9)
    users = [make_user(f"u{i}", credits=0)[0] for i in range(200)]
    arms = {u.pk: rollout.choose(DEFAULT, u.pk, size="1280x720").arm for u in users}
    in_canary = {pk for pk, arm in arms.items() if arm == "canary"}
    assert set(arms.values()) == {"live", "canary"}
    assert 0.18 <= len(in_canary) / len(users) <= 0.42  # 30 % of 200 users, binomial (sd 3 points)
    # Sticky: the same user gets the same arm every time, through an alias too.
    for u in users[:40]:
        assert {rollout.choose(name, u.pk, size="720x1280").arm for name in ("kinema-video", DEFAULT) * 3} == {
            arms[u.pk]}
    # Raising the share only adds users; nobody in the canary leaves it.
    ModelVersion.objects.filter(pk=version.pk).update(canary_share=0.6)
    wider = {u.pk for u in users if rollout.choose(DEFAULT, u.pk, size="1280x720").arm == "canary"}
    assert in_canary < wider
    # Not eligible: a pinned version, a size the canary does not take, a capability it lacks.
    member = next(iter(in_canary))
    assert rollout.choose(f"{DEFAULT}@1", member, size="1280x720").arm == "pinned"
    ModelVersion.objects.filter(pk=version.pk).update(supports_extend=False)
    assert rollout.choose(DEFAULT, member, size="1280x720", needs="extend").arm == "live"
    assert rollout.choose(DEFAULT, member, size="1280x720", needs="edit").arm == "canary"
    ModelVersion.objects.filter(pk=version.pk).update(resolutions={"landscape": [256, 144], "portrait": [144, 256],
                                                                   "square": [192, 192]})
    assert rollout.choose(DEFAULT, member, size="128x80").arm == "live"  # the live version's own size
    assert rollout.choose(DEFAULT, member, size="1280x720").arm == "canary"


def poll_done(api, video_id: str, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body: dict[str, Any] = api.get(f"/v1/videos/{video_id}").json()
        if body["status"] in ("completed", "failed"):
            return body
        time.sleep(0.3)
    raise AssertionError(f"{video_id} did not finish")


SMALL = {"prompt": "a lantern", "seconds": 1, "fps": 4, "steps": 2, "size": "1280x720"}


@pytest.mark.slow
def test_the_canary_stays_within_its_gpu_budget_per_hour(stack, api, alice) -> None:
    version = canary(canary_share=1.0, canary_gpu_seconds_per_hour=1e9)
    first = api.post("/v1/videos", SMALL, format="json").json()
    assert first["rollout_arm"] == "canary" and first["model_version"] == f"{DEFAULT}@2"
    assert poll_done(api, first["id"])["status"] == "completed"
    used = wait_for(lambda: Job.objects.get(pk=first["id"]).gpu_seconds, timeout=30)  # what the worker recorded
    assert rollout.gpu_seconds_last_hour(version) == pytest.approx(used)

    # A cap below what the canary used this hour: the next request goes to the live version, and says why.
    ModelVersion.objects.filter(pk=version.pk).update(canary_gpu_seconds_per_hour=used / 2)
    spilled = api.post("/v1/videos", SMALL, format="json").json()
    assert (spilled["rollout_arm"], spilled["model_version"]) == ("live", f"{DEFAULT}@1")
    event = JobEvent.objects.filter(job_id=spilled["id"]).first()
    assert event is not None and "GPU budget" in event.detail["rollout"]
    # Room in the cap again (or the hour moved on): back to the canary, for the same sticky user.
    ModelVersion.objects.filter(pk=version.pk).update(canary_gpu_seconds_per_hour=used * 100)
    assert api.post("/v1/videos", SMALL, format="json").json()["rollout_arm"] == "canary"
    ModelVersion.objects.filter(pk=version.pk).update(canary_gpu_seconds_per_hour=used / 2)
    hour_ago = timezone.now() - timedelta(hours=2)
    Job.objects.filter(model_version=version).update(created_at=hour_ago, finished_at=hour_ago, state="succeeded",
                                                     gpu_seconds=used)
    assert api.post("/v1/videos", SMALL, format="json").json()["rollout_arm"] == "canary"


def nan_checkpoint(target: Path) -> str:
    """A tiny build whose transformer outputs NaN: every job on it fails with non-finite latents."""
    import torch

    from gpu_worker.tiny_model import build_tiny_pipeline

    pipe = build_tiny_pipeline(seed=2)
    with torch.no_grad():
        pipe.transformer.proj_out.weight.fill_(float("nan"))
    pipe.save_pretrained(str(target))
    return str(target)


@pytest.mark.slow
def test_a_canary_producing_nans_is_rolled_back_automatically(stack, api, alice, tmp_path) -> None:
    version = canary(nan_checkpoint(tmp_path / "nan-wan"), canary_share=1.0, canary_gpu_seconds_per_hour=1e9,
                     rollback_min_sample=3, rollback_margin=0.2)
    ids = [api.post("/v1/videos", {**SMALL, "seed": i}, format="json").json()["id"] for i in range(3)]
    for video_id in ids:
        body = poll_done(api, video_id)
        assert body["status"] == "failed" and body["rollout_arm"] == "canary"
        assert "NaN" in body["error"]["message"]
    stats = rollout.version_stats(version.state_changed_at, [version.pk])[version.pk]
    assert (stats.judged, stats.nan, stats.nan_rate) == (3, 3, 1.0)

    # The dispatcher's reconciler compares it with the live version and sends it back to draft.
    wait_for(lambda: ModelVersion.objects.get(pk=version.pk).state == VersionState.DRAFT, timeout=60)
    rolled = ModelVersion.objects.get(pk=version.pk)
    assert rolled.state_reason.startswith("automatic rollback: NaN rate 100%")
    after = api.post("/v1/videos", SMALL, format="json").json()
    assert (after["rollout_arm"], after["model_version"]) == ("live", f"{DEFAULT}@1")
    assert poll_done(api, after["id"])["status"] == "completed"


def test_below_the_minimum_sample_or_within_the_margin_nothing_is_rolled_back() -> None:
    version = canary(rollback_min_sample=10, rollback_margin=0.1)
    live = rollout.VersionStats(finished=20, succeeded=18, failed=2)  # 10 % failures
    assert rollout.rollback_verdict(version, rollout.VersionStats(finished=9, failed=9), live) is None
    assert rollout.rollback_verdict(version, rollout.VersionStats(finished=10, succeeded=8, failed=2), live) is None
    verdict = rollout.rollback_verdict(version, rollout.VersionStats(finished=10, succeeded=7, failed=3), live)
    assert verdict is not None and "failure rate 30%" in verdict
    # Promotion in the admin's terms: the canary becomes live, the old live version is retired.
    previous = rollout.promote(version, "test")
    assert previous is not None and previous.version == "1"
    assert ModelVersion.objects.get(pk=previous.pk).state == VersionState.RETIRED
    assert rollout.choose("kinema-video", None, size="1280x720").version.pk == version.pk


def test_a_version_withdrawn_behind_the_snapshot_is_a_clear_409_and_nothing_is_charged(make_user, settings) -> None:
    """The request path's catalog snapshot can be a second old: a version deleted in another process meanwhile
    (no signal here: a raw DELETE) fails the job's reference at commit, answered as a 409, not a 500."""
    from django.db import connection
    from django.test import Client

    from accounts.credits import balance

    settings.KINEMA_CATALOG_RECHECK_S = 3600
    version = canary(canary_share=1.0, canary_gpu_seconds_per_hour=1e9)
    user, key = make_user("withdrawn", tier="pro", credits=1000)
    assert rollout.choose(DEFAULT, user.pk, size="1280x720").version.pk == version.pk  # in the snapshot now
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {ModelVersion._meta.db_table} WHERE id = %s", [version.pk])
    api = Client(headers={"Authorization": f"Bearer {key}"})
    before = balance(user)
    refused = api.post("/v1/videos", {"prompt": "a lighthouse at dusk", "model": DEFAULT, "size": "1280x720"},
                       content_type="application/json")
    assert refused.status_code == 409, refused.content
    assert refused.json()["error"]["code"] == "model_version_withdrawn"
    assert "Send the request again" in refused.json()["error"]["message"]
    assert not Job.objects.filter(user=user).exists() and balance(user) == before
    again = api.post("/v1/videos", {"prompt": "a lighthouse at dusk", "model": DEFAULT, "size": "1280x720"},
                     content_type="application/json")
    assert again.status_code == 200, again.content
    assert Job.objects.get(user=user).model_version_id != version.pk


def test_a_version_withdrawn_behind_the_snapshot_inside_an_idempotent_request_is_a_409_too(make_user,
                                                                                          settings) -> None:
    """With an Idempotency-Key the submission runs inside the key's transaction, whose commit is where the
    deferred reference would fail: it is checked within the submission instead (it looped, then 500'd)."""
    from django.db import connection
    from django.test import Client

    from jobs.models import IdempotencyKey

    settings.KINEMA_CATALOG_RECHECK_S = 3600
    version = canary(canary_share=1.0, canary_gpu_seconds_per_hour=1e9)
    user, key = make_user("withdrawn-idem", tier="pro", credits=1000)
    assert rollout.choose(DEFAULT, user.pk, size="1280x720").version.pk == version.pk
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {ModelVersion._meta.db_table} WHERE id = %s", [version.pk])
    api = Client(headers={"Authorization": f"Bearer {key}", "Idempotency-Key": "withdrawn-1"})
    body = {"prompt": "a lighthouse at dusk", "model": DEFAULT, "size": "1280x720"}
    refused = api.post("/v1/videos", body, content_type="application/json")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "model_version_withdrawn"
    assert not Job.objects.filter(user=user).exists() and not IdempotencyKey.objects.filter(user=user).exists()
    again = api.post("/v1/videos", body, content_type="application/json")  # the same key, sent again
    assert again.status_code == 200, again.content
    assert api.post("/v1/videos", body, content_type="application/json").json()["id"] == again.json()["id"]
