"""The studio's conditioning forms without a browser: remix (with strength), extend and edit (with an optional
mask) on the player page and the characters page create through jobs.submission's and jobs.characters' own
functions (the API's checks and messages), once per rendered form; refusals are the API's messages on the page.
The browser side (previews, live progress) is in tests/test_studio_conditioning_browser.py."""

from __future__ import annotations

import html
import io
import re

import pytest
import redis
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client

from jobs.artifacts import live_artifact
from jobs.models import Artifact, Character, Job
from safety.models import Decision
from tests.conditioning_media import centre_mask, png
from tests.safety_media import protect_grace_hopper
from tests.test_characters import face_clip
from tests.test_video_conditioning import clip_frames, completed_video, mp4_upload

pytestmark = pytest.mark.django_db


def hidden(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match, f"no {name} in the page"
    return match.group(1)


def tokens(page: str, action: str) -> dict[str, str]:
    """The CSRF token and the one-time submission token of the form posting to `action`."""
    form = re.search(rf'<form method="post" action="{re.escape(action)}".*?</form>', page, re.S)
    assert form, f"no form for {action}"
    return {"csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
            "submission_token": hidden(form.group(0), "submission_token")}


@pytest.fixture
def owner(alice) -> Client:
    user, _ = alice
    redis.Redis.from_url(settings.REDIS_URL).delete(f"kinema:rl:user:{user.pk}")  # a fresh rate-limit bucket
    client = Client()
    client.force_login(user)
    return client


def flash(client: Client, url: str) -> str:
    """The page at `url` after a refused form: its messages."""
    found = re.findall(r'<p class="flash [^"]*" role="status">(.*?)</p>', client.get(url).content.decode())
    return html.unescape(" ".join(found))


def new_job(client: Client, source: Job, resp: HttpResponse) -> Job:
    """The job a form made: the page it redirected to (a refusal goes back to the source's page)."""
    assert resp.status_code == 302, resp.status_code
    assert resp["Location"] != f"/videos/{source.id}/", flash(client, resp["Location"])
    return Job.objects.get(pk=resp["Location"].split("/")[2])


def test_the_player_page_offers_remix_extend_and_edit_for_a_completed_video(api, owner) -> None:
    source = completed_video(api)
    page = owner.get(f"/videos/{source.id}/").content.decode()
    for action, fields in (("remix", ('name="prompt"', 'name="strength"')),
                           ("extend", ('name="prompt"', 'name="seconds" min="4" max="20"')),
                           ("edit", ('name="prompt"', 'name="mask"', 'enctype="multipart/form-data"'))):
        form = re.search(rf'<form method="post" action="/videos/{source.id}/{action}".*?</form>', page, re.S)
        assert form, action
        assert all(f in form.group(0) for f in fields), (action, form.group(0))
    assert "<script>" not in page and " on" + "click=" not in page  # CSP: no inline script or handler
    # A video still rendering has none of them (nothing to remix yet); the progress bar instead.
    pending = Job.objects.filter(pk=api.post("/v1/videos", {"prompt": "a slow render"}, format="json").json()["id"])
    rendering = owner.get(f"/videos/{pending.get().id}/").content.decode()
    assert 'id="progress"' in rendering and "/extend" not in rendering and "/edit" not in rendering


def test_extend_makes_the_apis_extension_once_and_opens_its_page(api, owner) -> None:
    source = completed_video(api)
    page = owner.get(f"/videos/{source.id}/").content.decode()
    form = {**tokens(page, f"/videos/{source.id}/extend"), "prompt": "the kite flies off", "seconds": "4"}
    resp = owner.post(f"/videos/{source.id}/extend", form)
    assert resp.status_code == 302
    job = Job.objects.exclude(pk=source.id).get()
    assert resp["Location"] == f"/videos/{job.id}/"
    assert job.conditioning["mode"] == "extend" and job.conditioning["source_video_id"] == source.id
    assert job.seconds == 4 and job.prompt == "the kite flies off"
    assert live_artifact(job.id, Artifact.Kind.SOURCE_FRAMES) is not None
    new_page = owner.get(resp["Location"]).content.decode()
    assert 'id="progress"' in new_page and f'data-id="{job.id}"' in new_page
    # The same rendered form again (a double click, a resend): the same job, nothing new.
    again = owner.post(f"/videos/{source.id}/extend", form)
    assert again["Location"] == f"/videos/{job.id}/" and Job.objects.count() == 2


@pytest.mark.parametrize(("fields", "message"), [
    ({"prompt": "more", "seconds": "3"}, "'seconds' must be between 4 and 20"),
    ({"prompt": "more", "seconds": "12.5"}, "'seconds'"),
    ({"prompt": "", "seconds": "4"}, "Missing required parameter: 'prompt'"),
    ({"prompt": "more"}, "Missing required parameter: 'seconds'"),
])
def test_a_refused_extension_shows_the_apis_message_and_makes_nothing(api, owner, fields, message) -> None:
    source = completed_video(api)
    page = owner.get(f"/videos/{source.id}/").content.decode()
    resp = owner.post(f"/videos/{source.id}/extend", {**tokens(page, f"/videos/{source.id}/extend"), **fields})
    assert resp.status_code == 302 and resp["Location"] == f"/videos/{source.id}/"
    assert message in flash(owner, resp["Location"])
    assert Job.objects.count() == 1


def test_an_extension_of_a_video_that_has_not_completed_is_refused(api, owner) -> None:
    pending = Job.objects.get(pk=api.post("/v1/videos", {"prompt": "still queued"}, format="json").json()["id"])
    completed = completed_video(api)
    token = tokens(owner.get(f"/videos/{completed.id}/").content.decode(), f"/videos/{completed.id}/extend")
    resp = owner.post(f"/videos/{pending.id}/extend", {**token, "prompt": "go on", "seconds": "4"})
    assert f"Video {pending.id} has not completed" in flash(owner, resp["Location"])
    assert Job.objects.count() == 2


def test_edit_with_and_without_a_mask(api, owner) -> None:
    source = completed_video(api)
    page = owner.get(f"/videos/{source.id}/").content.decode()
    mask = SimpleUploadedFile("mask.png", png(centre_mask()), "image/png")
    resp = owner.post(f"/videos/{source.id}/edit", {**tokens(page, f"/videos/{source.id}/edit"),
                                                    "prompt": "a red kite", "mask": mask})
    masked = new_job(owner, source, resp)
    assert masked.conditioning["mode"] == "edit" and masked.conditioning["has_mask"] is True
    assert masked.conditioning["source_video_id"] == source.id and masked.conditioning["strength"] == 0.8
    assert live_artifact(masked.id, Artifact.Kind.MASK) is not None

    page = owner.get(f"/videos/{source.id}/").content.decode()
    resp = owner.post(f"/videos/{source.id}/edit", {**tokens(page, f"/videos/{source.id}/edit"), "prompt": "dusk"})
    whole = new_job(owner, source, resp)
    assert whole.conditioning["has_mask"] is False and live_artifact(whole.id, Artifact.Kind.MASK) is None

    page = owner.get(f"/videos/{source.id}/").content.decode()
    not_an_image = SimpleUploadedFile("mask.png", b"not a picture", "image/png")
    resp = owner.post(f"/videos/{source.id}/edit", {**tokens(page, f"/videos/{source.id}/edit"),
                                                    "prompt": "dusk", "mask": not_an_image})
    assert resp["Location"] == f"/videos/{source.id}/" and "'mask'" in flash(owner, resp["Location"])
    assert Job.objects.count() == 3


def test_remix_takes_a_strength_within_the_apis_bounds(api, owner) -> None:
    source = completed_video(api)
    page = owner.get(f"/videos/{source.id}/").content.decode()
    resp = owner.post(f"/videos/{source.id}/remix", {**tokens(page, f"/videos/{source.id}/remix"),
                                                     "prompt": "a green kite", "strength": "0.3"})
    remix = new_job(owner, source, resp)
    assert remix.conditioning["mode"] == "remix" and remix.conditioning["strength"] == 0.3
    assert remix.remixed_from_id == source.id and remix.seed == source.seed

    page = owner.get(f"/videos/{source.id}/").content.decode()
    resp = owner.post(f"/videos/{source.id}/remix", {**tokens(page, f"/videos/{source.id}/remix"),
                                                     "prompt": "a green kite", "strength": "2"})
    assert "'strength' must be between 0.05 and 1.0, got '2'" in flash(owner, resp["Location"])
    assert Job.objects.count() == 2


def test_someone_elses_video_is_not_found(api, make_user) -> None:
    source = completed_video(api)
    stranger, _ = make_user("stranger")
    client = Client()
    client.force_login(stranger)
    for action in ("extend", "edit", "remix"):
        resp = client.post(f"/videos/{source.id}/{action}", {"prompt": "mine now", "seconds": "4"})
        assert resp.status_code == 404 and "No such video" in resp.content.decode()
    assert Job.objects.count() == 1
    assert Client().post(f"/videos/{source.id}/extend", {"prompt": "x"}).status_code == 302  # to the login


def character_form(client: Client, name: str, clip: io.BytesIO) -> dict[str, object]:
    page = client.get("/characters/").content.decode()
    return {"csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
            "submission_token": hidden(page, "submission_token"), "name": name,
            "video": SimpleUploadedFile("me.mp4", clip.getvalue(), "video/mp4")}


def test_the_characters_page_creates_lists_and_refuses_like_the_api(alice, owner) -> None:
    user, _ = alice
    page = owner.get("/characters/").content.decode()
    assert 'id="no-characters"' in page and "Using a character" in page

    clip = face_clip()
    form = character_form(owner, "Maria Lopez", clip)
    resp = owner.post("/characters/", form)
    assert resp.status_code == 302 and resp["Location"] == "/characters/"
    character = Character.objects.get(user=user)
    listed = owner.get("/characters/").content.decode()
    assert f'data-character-id="{character.id}"' in listed and "Maria Lopez" in listed
    assert "is ready" in listed
    # The same form resent (the same bytes uploaded again): the character it made, not a 409.
    form["video"] = SimpleUploadedFile("me.mp4", clip.getvalue(), "video/mp4")
    assert owner.post("/characters/", form).status_code == 302 and Character.objects.count() == 1

    refused = owner.post("/characters/", character_form(owner, "maria lopez", face_clip()))
    assert refused.status_code == 409 and "You already have a character named" in refused.content.decode()
    no_face = mp4_upload(clip_frames(8, 320, 240), fps=4)
    refused = owner.post("/characters/", character_form(owner, "Nobody", no_face))
    assert refused.status_code == 400 and "No face was found" in refused.content.decode()
    assert 'value="Nobody"' in refused.content.decode()  # the name stays in the form

    protect_grace_hopper()
    refused = owner.post("/characters/", character_form(owner, "Granny Rose", face_clip()))
    assert refused.status_code == 400 and "blocked by our content policy" in refused.content.decode()
    assert Decision.objects.filter(stage="character", verdict="block", user_id=user.pk).exists()  # audit kept
    missing = character_form(owner, "Ada", face_clip())
    del missing["video"]
    refused = owner.post("/characters/", missing)
    assert refused.status_code == 400
    assert "Missing required parameter: 'video'" in html.unescape(refused.content.decode())
    assert list(Character.objects.values_list("name", flat=True)) == ["Maria Lopez"]


def test_the_characters_page_deletes_the_owners_character_only(alice, owner, make_user, client_for) -> None:
    user, _ = alice
    assert owner.post("/characters/", character_form(owner, "Maria Lopez", face_clip())).status_code == 302
    character = Character.objects.get(user=user)
    page = owner.get("/characters/").content.decode()
    assert f'action="/characters/{character.id}/delete/"' in page
    token = hidden(page, "csrfmiddlewaretoken")
    bob, _ = make_user("bob-pages")
    intruder = Client()
    intruder.force_login(bob)
    assert intruder.post(f"/characters/{character.id}/delete/").status_code == 302  # not his: nothing happens
    assert Character.objects.get(pk=character.pk).deleted_at is None
    assert owner.get(f"/characters/{character.id}/delete/").status_code == 405
    resp = owner.post(f"/characters/{character.id}/delete/", {"csrfmiddlewaretoken": token}, follow=True)
    assert resp.status_code == 200 and "was deleted" in resp.content.decode()
    assert f'data-character-id="{character.id}"' not in resp.content.decode()
    assert Character.objects.get(pk=character.pk).deleted_at is not None
