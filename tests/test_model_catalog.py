"""The model catalog: GET /v1/models through the official SDK, requests naming a model, an alias or an
exact version, validation against the chosen version, and real renders on two catalog entries (the tiny
480p-shaped model and a version at Wan2.1 14B's 720p sizes on tiny weights) by the real GPU worker, which
loads each version's checkpoint and advertises what it has loaded."""

from __future__ import annotations

import io
import time
from typing import Any

import av
import httpx
import openai
import pytest
from django.conf import settings

from jobs.catalog import CatalogModel, ModelVersion, VersionState, ensure_catalog, profile_fields
from jobs.models import GpuWorker, Job, JobEvent
from jobs.profiles import PROFILES
from tests.conftest import wait_for

pytestmark = [pytest.mark.django_db(transaction=True)]

DEFAULT = settings.KINEMA_MODEL_NAME  # "kinema-tiny": the seeded default, alias kinema-video
HD = f"{DEFAULT}-hd"  # the second tiny build, seeded on the tiny setup


@pytest.fixture
def sdk(live_server, make_user) -> openai.OpenAI:
    _, key = make_user("catalog-sdk", tier="pro")
    return openai.OpenAI(api_key=key, base_url=f"{live_server.url}/v1", max_retries=0)


def add_version(model: str, version: str, *, profile: str = "tiny", state: str = VersionState.LIVE,
                **fields: Any) -> ModelVersion:
    ensure_catalog()  # the seed entries (the data migration's; transactional tests flush them)
    entry, _ = CatalogModel.objects.get_or_create(pk=model, defaults={"description": f"test model {model}"})
    values = {**profile_fields(PROFILES[profile]), "max_sequence_length": 64, **fields}
    return ModelVersion.objects.create(model=entry, version=version, state=state, **values)


def test_the_sdk_lists_and_retrieves_the_catalog(sdk: openai.OpenAI) -> None:
    listed = {m.id: m for m in sdk.models.list()}
    assert {DEFAULT, HD} <= set(listed)
    tiny = listed[DEFAULT].model_dump()
    assert tiny["object"] == "model" and tiny["owned_by"] == "kinema" and isinstance(tiny["created"], int)
    assert tiny["aliases"] == ["kinema-video"] and tiny["live_version"] == f"{DEFAULT}@1"
    assert tiny["capabilities"] == {"text_to_video": True, "reference_image": True, "extend": True, "edit": True,
                                    "remix": True, "audio": False}
    assert "1280x720" in tiny["sizes"] and "128x80" in tiny["sizes"]
    assert [v["id"] for v in tiny["versions"]] == [f"{DEFAULT}@1"]
    assert tiny["versions"][0]["resolutions"] == {"landscape": "128x80", "portrait": "80x128", "square": "96x96"}
    assert "checkpoint" not in tiny["versions"][0]  # where the weights are is the operator's business
    hd = listed[HD].model_dump()
    assert hd["versions"][0]["resolutions"]["landscape"] == "256x144" and hd["versions"][0]["price_factor"] == 1.5

    # An alias answers with the model it names; model@version with that version; drafts are not served.
    assert sdk.models.retrieve("kinema-video").id == DEFAULT
    pinned = sdk.models.retrieve(f"{DEFAULT}@1").model_dump()
    assert pinned["id"] == f"{DEFAULT}@1" and pinned["state"] == "live" and pinned["fps"] == 4
    add_version(DEFAULT, "2", state=VersionState.DRAFT)
    for missing in ("no-such-model", f"{DEFAULT}@2", f"{DEFAULT}@9"):
        with pytest.raises(openai.NotFoundError) as info:
            sdk.models.retrieve(missing)
        assert info.value.body["code"] == "not_found"  # type: ignore[index]
    assert f"{DEFAULT}@2" not in [v["id"] for v in sdk.models.retrieve(DEFAULT).model_dump()["versions"]]


def test_requests_name_a_model_an_alias_or_a_version_and_the_job_records_it(api, alice) -> None:
    add_version(DEFAULT, "2", state=VersionState.DRAFT)
    made = {}
    for name in ("", "kinema-video", DEFAULT, f"{DEFAULT}@1", HD):
        body = {"prompt": "a red kite", "seconds": 1, "size": "1280x720", **({"model": name} if name else {})}
        resp = api.post("/v1/videos", body, format="json")
        assert resp.status_code == 200, resp.json()
        made[name] = resp.json()
    for name in ("", "kinema-video", DEFAULT):
        assert (made[name]["model"], made[name]["model_version"], made[name]["rollout_arm"]) == (
            DEFAULT, f"{DEFAULT}@1", "live"), name
        assert made[name]["resolution"] == "128x80"
    assert (made[f"{DEFAULT}@1"]["model_version"], made[f"{DEFAULT}@1"]["rollout_arm"]) == (f"{DEFAULT}@1", "pinned")
    hd = made[HD]
    assert (hd["model"], hd["model_version"], hd["resolution"]) == (HD, f"{HD}@1", "256x144")
    job = Job.objects.select_related("model_version").get(pk=hd["id"])
    assert job.model_version is not None and job.model_version.public_id == f"{HD}@1" and job.rollout_arm == "live"
    first = JobEvent.objects.filter(job=job).first()
    assert first is not None and first.detail["model_version"] == f"{HD}@1" and first.detail["arm"] == "live"
    # The HD build costs its price factor: 1.5x what the same clip costs at its own base resolution.
    base = api.post("/v1/videos", {"prompt": "a red kite", "seconds": 4, "size": "256x144", "model": HD,
                                   "steps": 20}, format="json").json()
    assert base["credits_held"] == 6  # 4 s at the base resolution = 4 credits, x 1.5
    assert api.get(f"/v1/videos/{hd['id']}").json()["model_version"] == f"{HD}@1"


def test_an_unknown_model_or_an_unsupported_size_is_a_400_naming_it(api) -> None:
    add_version(DEFAULT, "2", state=VersionState.DRAFT)
    add_version("retired-model", "1", state=VersionState.RETIRED)
    for name in ("sora-2", f"{DEFAULT}@2", f"{DEFAULT}@7", "retired-model", "a@b@c"):
        resp = api.post("/v1/videos", {"prompt": "a red kite", "model": name}, format="json")
        assert resp.status_code == 400, name
        error = resp.json()["error"]
        assert (error["param"], error["code"], error["type"]) == ("model", "model_not_found", "invalid_request_error")
        assert name in error["message"] and DEFAULT in error["message"]  # says what is available
    # 128x80 is the tiny model's native size, not the HD build's: each version checks its own sizes.
    assert api.post("/v1/videos", {"prompt": "a kite", "size": "128x80"}, format="json").status_code == 200
    resp = api.post("/v1/videos", {"prompt": "a kite", "size": "128x80", "model": HD}, format="json")
    assert resp.status_code == 400 and resp.json()["error"]["param"] == "size"
    assert "256x144" in resp.json()["error"]["message"]
    # A version without a capability refuses what needs it, naming `model`.
    add_version("no-refs", "1", supports_reference_image=False)
    from tests.api_helpers import png_bytes

    resp = api.post("/v1/videos", {"prompt": "a kite", "model": "no-refs",
                                   "input_reference": io.BytesIO(png_bytes(64, 64))}, format="multipart")
    assert resp.status_code == 400 and resp.json()["error"]["code"] == "unsupported_capability"
    assert resp.json()["error"]["param"] == "model"
    assert not Job.objects.filter(model="no-refs").exists()


def finished(client: httpx.Client, video_id: str, timeout: float = 180) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body: dict[str, Any] = client.get(f"/v1/videos/{video_id}").json()
        if body["status"] in ("completed", "failed"):
            return body
        time.sleep(0.3)
    raise AssertionError(f"{video_id} did not finish")


def decoded_size(client: httpx.Client, video_id: str) -> tuple[int, int, int]:
    data = client.get(f"/v1/videos/{video_id}/content").content
    with av.open(io.BytesIO(data), "r") as container:
        frames = list(container.decode(video=0))
    return frames[0].width, frames[0].height, len(frames)


@pytest.mark.slow
def test_two_catalog_entries_and_a_720p_version_render_on_the_real_worker(stack, live_server, make_user) -> None:
    """The GPU worker loads each job's version's checkpoint (the tiny build, the second tiny build) and says
    what it has loaded; a 1280x720 request on a 720p-capable entry renders at 720p."""
    # Wan2.1 14B's 720p sizes and frame rate on the tiny weights (so its memory and time are the tiny model's).
    add_version("wan-720-test", "1", profile="wan-720", checkpoint=settings.KINEMA_MODEL, gpu_memory_mb=50,
                activation_memory_mb=200, ref_gpu_seconds=5.0)
    _, key = make_user("catalog-e2e", tier="pro")
    with httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60) as client:
        ids = {}
        for model, size in ((HD, "1280x720"), ("wan-720-test", "1280x720"), (DEFAULT, "720x1280")):
            resp = client.post("/v1/videos", json={"prompt": "a lighthouse", "model": model, "size": size,
                                                   "seconds": 1, "fps": 4, "steps": 2, "seed": 3})
            assert resp.status_code == 200, resp.json()
            ids[model] = resp.json()["id"]
        results = {model: finished(client, video_id) for model, video_id in ids.items()}
        for model, body in results.items():
            assert body["status"] == "completed", (model, body["error"])
            assert body["model_version"] == f"{model}@1"
        assert results["wan-720-test"]["resolution"] == "1280x720"
        assert decoded_size(client, ids["wan-720-test"]) == (1280, 720, 5)
        assert decoded_size(client, ids[HD]) == (256, 144, 5)
        assert decoded_size(client, ids[DEFAULT]) == (80, 128, 5)
    # Two checkpoints fit the worker's cache (KINEMA_GPU_PIPELINE_CACHE = 2): the last two it used, by name.
    # (The 720p test version shares the default's checkpoint, so it is the same loaded pipeline.)
    loaded = wait_for(lambda: GpuWorker.objects.filter(name="gpu-test-0").values_list("model", flat=True).first(),
                      timeout=60)
    assert set(loaded.split(", ")) <= {f"{HD}@1", "wan-720-test@1", f"{DEFAULT}@1"}
    assert f"{HD}@1" in loaded.split(", ")
