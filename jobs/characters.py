"""Characters: consented likenesses made from a user's own clip, usable by name in that user's prompts.

`create_character` (POST /v1/videos/characters) checks the name and the clip, screens sampled frames
with the frame screen (sexual content; protected persons' faces: a protected person never becomes a
character), picks a frame with exactly one face as the likeness and stores it. `characters_in` finds
the characters a prompt uses: the user's own by name (whole words, any case, optionally with an @) or
id, which submission turns into `reference_keys` for the model; other users' characters referenced
explicitly (an id, or an @mention of a name the user has no character of), which the likeness screen
blocks (safety.characters).
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from PIL import Image

from accounts.locks import Capped, lock_collection
from accounts.models import User
from jobs import lifecycle, signals
from jobs.api.errors import APIError, invalid
from jobs.api.validation import text
from jobs.conditioning import decode_upload, own_clip, resample, source_of
from jobs.models import Character, Job, JobState
from jobs.profiles import current_profile
from jobs.selectors import compiled_read
from safety import decisions, frame_minors
from safety.characters import CharacterNames
from safety.defaults import FIRST_NAMES, PERSON_TITLES
from safety.frames import detectors, scan_frames
from safety.models import Takedown
from safety.policy import current_policy
from safety.rules import known_words

MAX_NAME_CHARS = 80
# Letters (any script), digits, spaces and . ' - _ ; at least one letter.
NAME_PATTERN = re.compile(r"(?=.*[^\W\d_])[\w .'\-]+")
CHARACTER_ID = re.compile(r"(?<![0-9a-z_])char_[0-9a-f]{24}(?![0-9a-f])")
MENTION = re.compile(r"(?<!\w)@([^\W_][\w.'\-]*)")
MAX_CHARACTERS_PER_USER = 50
# Frames of the clip screened and searched for the face (the likeness); their longest side.
SAMPLED_FRAMES = 8
MAX_SIDE = 640
MAX_CLIP_SECONDS = 20
log = logging.getLogger(__name__)

CHARACTER_DELETED = "character_deleted"

CONSENT = "The account holder uploaded the clip through POST /v1/videos/characters as a likeness they may use."


def character_object(character: Character) -> dict[str, Any]:
    """The SDK's shape (id, created_at, name), plus `object`."""
    return {"id": character.id, "object": "character", "created_at": int(character.created_at.timestamp()),
            "name": character.name}


def check_name(data: Mapping[str, Any]) -> str:
    """A character's name stands for its likeness in every prompt of its owner that uses it, so it must be a
    name: not a protected person or disallowed words, nothing that describes a minor (the prompt screen's
    own minor signal, safety.rules), and not a common noun or a description ("teacher", "my daughter"),
    which would turn every prompt that uses the word into this person."""
    name = text(data, "name", required=True, max_len=MAX_NAME_CHARS)
    if not NAME_PATTERN.fullmatch(name):
        raise invalid("'name' may hold letters, digits, spaces and . ' - _ (and at least one letter).", "name")
    policy = current_policy()
    normalised = policy.rules.normalise(name)
    person = policy.rules.find_person(normalised)
    verdict = policy.rules.check(name)
    if person is not None or verdict.blocked:
        raise APIError("This character name was blocked by our content policy (likeness of a protected person or "
                       "disallowed words).", param="name", code="moderation_blocked")
    minor = policy.rules.minor_signal(normalised, name)
    if minor:
        raise APIError(f"This character name describes a minor ({minor!r}); a character is the likeness of an "
                       "adult who consented to it.", param="name", code="moderation_blocked")
    if is_common_noun(name, normalised):
        raise invalid("'name' must be a name, not a common noun, a title or a description ('teacher', 'the "
                      "president', 'my daughter'): every prompt using those words would become this person. Use a "
                      "name, written with a capital letter ('Ada', 'Captain Nova').", "name")
    return name


# A name that starts with one of these describes someone ("my daughter", "the nurse") rather than naming them.
DESCRIBING_WORDS = frozenset("my your his her its our their the a an this that these those".split())
# The prompt screen's titles that designate one real person ("the president of France"): as a name, a title
# would hide that person from the likeness check in its owner's prompts.
_TITLE = re.compile(PERSON_TITLES)


def is_common_noun(name: str, normalised: str) -> bool:
    """A description ("my daughter"), a title ("President", "Queen") or everyday words written in lower case
    ("teacher", "old man"). Everyday words are the sentence model's vocabulary less common first names; a
    word it does not know, or in another script, is a name. The vocabulary knows many names too ("Ada",
    "Lopez"), so everyday words written as a name (each capitalised) are accepted."""
    words = re.findall(r"[^\W\d_]+", name)
    folded = ["".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c)).lower()
              for w in words]
    if not folded or folded[0] in DESCRIBING_WORDS or _TITLE.search(f"{normalised} of kinema") is not None:
        return True
    everyday = known_words()
    if any(w in FIRST_NAMES or w not in everyday for w in folded):
        return False
    return not all(w[0].isupper() for w in words)


class TooMany(Exception):
    """The user reached MAX_CHARACTERS_PER_USER while this one was being made."""


def too_many_characters() -> APIError:
    return APIError(f"You have {MAX_CHARACTERS_PER_USER} characters, the most an account may have.",
                    status_code=409, code="too_many_characters")


def _has_the_most_characters(user: User) -> bool:
    return Character.objects.filter(user=user, deleted_at__isnull=True).count() >= MAX_CHARACTERS_PER_USER


def create_character(user: User, data: Mapping[str, Any], files: Mapping[str, Any] | None) -> Character:
    name = check_name(data)
    if Character.objects.filter(user=user, name__iexact=name, deleted_at__isnull=True).exists():
        raise APIError(f"You already have a character named {name!r}.", status_code=409, param="name",
                       code="character_exists")
    if _has_the_most_characters(user):
        raise too_many_characters()
    value = (files or {}).get("video") or data.get("video")
    if value is None or value == "":
        raise invalid("Missing required parameter: 'video'.", "video", "missing_required_parameter")
    source_job = own_clip(user.pk, value, "video")
    if source_job is not None:
        frames = source_of(source_job, "video").frames
    else:
        frames, _ = decode_upload(value, "video", current_profile(), max_seconds=MAX_CLIP_SECONDS,
                                  max_side=MAX_SIDE)
    sampled = resample(frames, min(SAMPLED_FRAMES, len(frames)))
    screen_clip(user, sampled)
    likeness, embedding = likeness_frame(sampled)
    check_apparent_age(user, sampled)
    character = Character(user=user, name=name, face_embedding=embedding, source_video=source_job, consent=CONSENT)
    character.reference_key = store_likeness(character.id, likeness)
    try:
        with transaction.atomic():
            lock_collection(Capped.CHARACTERS, user.pk)  # counted again: others may have been made meanwhile
            if _has_the_most_characters(user):
                raise TooMany
            character.save(force_insert=True)
    except TooMany:
        default_storage.delete(character.reference_key)
        raise too_many_characters() from None
    except IntegrityError:  # the same name, created concurrently
        default_storage.delete(character.reference_key)
        raise APIError(f"You already have a character named {name!r}.", status_code=409, param="name",
                       code="character_exists") from None
    return character


# Where a video can still stop being made: every state before it is delivered but the reviewer's hold.
_UNFINISHED = [JobState.SUBMITTED, JobState.QUEUED, JobState.DISPATCHED, JobState.RUNNING, JobState.FINALIZING]


def fail_unfinished_jobs(character: Character, what_happened: str) -> None:
    """In the caller's transaction: the owner's videos with `character` not yet made (submitted, queued, dispatched,
    rendering or finalizing) fail with `character_deleted` instead of being made with a likeness that was withdrawn
    or retired; a GPU worker rendering one is asked to stop at its next step (its next fenced write would stop it
    anyway), a finalizer's outcome is refused by the state. One held for review is cancelled with the same code:
    a reviewer's approval must not deliver it."""
    message = f"The character “{character.name}” this video used {what_happened} before the video was made."
    detail = {"character_id": character.pk}
    with_it = Job.objects.filter(user_id=character.user_id, conditioning__character_ids__contains=[character.pk])
    for job_id in with_it.filter(state__in=_UNFINISHED).order_by("pk").values_list("pk", flat=True):
        if lifecycle.fail(job_id, CHARACTER_DELETED, message, expect=_UNFINISHED, detail=detail):
            transaction.on_commit(partial(signals.request_stop, job_id))
    for job_id in with_it.filter(state=JobState.IN_REVIEW).order_by("pk").values_list("pk", flat=True):
        lifecycle.transition(job_id, JobState.CANCELLED, expect=[JobState.IN_REVIEW], reason=CHARACTER_DELETED,
                             detail=detail, error_code=CHARACTER_DELETED, error_message=message)


def delete_character(user: User, character_id: str) -> Character | None:
    """The owner withdraws a likeness: the character stops being usable at once (new prompts no longer find it,
    the owner's videos with it not yet made fail with `character_deleted`, one rendering stops), its face
    descriptor is wiped and its likeness image deleted (a failed delete is logged, and the retention prune tries
    again). The record stays for the audit of the videos it was used in. None when the user has no such character
    (another user's, or one already deleted)."""
    with transaction.atomic():
        character = (Character.objects.select_for_update()
                     .filter(pk=character_id, user=user, deleted_at__isnull=True).first())
        if character is None:
            return None
        character.deleted_at, character.face_embedding = timezone.now(), []
        character.save(update_fields=["deleted_at", "face_embedding"])
        fail_unfinished_jobs(character, "was deleted")
    delete_likeness_image(character)
    return character


def delete_likeness_image(character: Character) -> bool:
    """Delete a withdrawn character's likeness image and forget its key; False when the store failed (logged): the
    retention prune tries again (`withdrawn_images_left`)."""
    from jobs.artifacts import storage_call

    try:
        storage_call(default_storage.delete, character.reference_key,
                     timeout_s=settings.KINEMA_STORAGE_REQUEST_TIMEOUT_S)
    except Exception:
        log.exception("could not delete the likeness image %s of deleted character %s", character.reference_key,
                      character.pk)
        return False
    Character.objects.filter(pk=character.pk).update(reference_key="")
    return True


def withdrawn_images_left(limit: int) -> list[Character]:
    """Characters their owners deleted (`Character.withdrawn`, as a query) whose image delete failed: the prune's to
    retry."""
    return list(Character.objects.filter(deleted_at__isnull=False, face_embedding=[]).exclude(reference_key="")
                .order_by("deleted_at")[:limit])


def screen_clip(user: User, frames: np.ndarray) -> None:
    """The frame screen on the sampled frames: anything short of a clean pass refuses the character
    (a protected person's face, sexual content), with the decision recorded for reviewers."""
    policy = current_policy()
    scan = scan_frames(frames, policy)
    if scan.verdict == "allow":
        return
    decisions.record(stage="character", verdict="block", category=scan.category, fired=scan.fired(),
                     scores=scan.summary, user_id=user.pk)
    raise APIError(f"This clip was blocked by our content policy ({policy.label(scan.category)}); it can't become "
                   "a character.", param="video", code="moderation_blocked")


def apparent_ages(frames: np.ndarray) -> list[int] | None:
    """The apparent age of every face in every frame, from the frame scan's age model (safety.frame_minors);
    None when no age model is installed."""
    model = frame_minors.age_model()
    if model is None:
        return None
    det = detectors()
    ages: list[int] = []
    for frame in frames:
        faces = det.hog_faces(frame)
        if faces:
            ages.extend(model.ages(frame, faces))
    return ages


def check_apparent_age(user: User, frames: np.ndarray) -> None:
    """A character is an adult's consented likeness: a clip in which any face looks under 18 is refused (a
    child cannot consent, and the character would put that face into any video). The model errs by years;
    the refusal errs on the child's side. Without an age model nobody can tell, so no character is made."""
    ages = apparent_ages(frames)
    if ages is None:
        log.error("character refused: the apparent-age model (%s) is not installed", frame_minors.AGE_PACKAGE)
        raise APIError("Characters are unavailable: the age check they need is not installed on this server.",
                       status_code=503, type="server_error", code="age_check_unavailable")
    if ages and min(ages) < frame_minors.APPARENT_MINOR_AGE:
        decisions.record(stage="character", verdict="block", category="likeness",
                         fired={"rule": "apparent minor", "apparent_ages": sorted(ages)[:8]}, user_id=user.pk)
        raise APIError("This clip was refused: the person in it appears to be under 18. A character must be the "
                       "likeness of an adult.", param="video", code="moderation_blocked")


def likeness_frame(frames: np.ndarray) -> tuple[np.ndarray, list[float]]:
    """The first sampled frame with exactly one face, and that face's descriptor."""
    det = detectors()
    saw_several = False
    for frame in frames:
        faces = det.face_embeddings(frame)
        if len(faces) == 1:
            return frame, [float(x) for x in faces[0]]
        saw_several = saw_several or len(faces) > 1
    if saw_several:
        raise invalid("'video' must show one person: every sampled frame has several faces.", "video", "no_single_face")
    raise invalid("No face was found in 'video'. Film yourself facing the camera, in good light.", "video", "no_face")


def store_likeness(character_id: str, frame: np.ndarray) -> str:
    from jobs.artifacts import storage_call

    buf = io.BytesIO()
    Image.fromarray(frame).save(buf, "PNG")
    return storage_call(default_storage.save, f"characters/{character_id}/likeness.png", ContentFile(buf.getvalue()),
                        timeout_s=settings.KINEMA_STORAGE_REQUEST_TIMEOUT_S)


@dataclass(frozen=True)
class CharacterUse:
    own: list[Character]
    others: list[str]  # other users' characters referenced explicitly (ids or @names)

    @property
    def names(self) -> CharacterNames:
        return CharacterNames(tuple(c.name for c in self.own), tuple(self.others))


def _names_in(prompt: str, character: Character) -> bool:
    return character.id in prompt or re.search(rf"(?<!\w)@?{re.escape(character.name)}(?!\w)", prompt,
                                               re.IGNORECASE) is not None


def characters_in(user_id: int, prompt: str) -> CharacterUse:
    """The characters the prompt uses; 400 `character_unavailable` when one of the user's own was made from a
    video that was taken down (its likeness is that video's frame) until a reviewer restores the video."""
    use = _characters_in(user_id, prompt)
    sources = {c.source_video_id: c for c in use.own if c.source_video_id}
    if not sources:  # most prompts name no character: no takedown to look for (building that query was 0.3 ms)
        return use
    removed = Takedown.objects.filter(job_id__in=list(sources), active=True).values_list("job_id", flat=True).first()
    if removed is not None:
        raise APIError(f"Your character {sources[removed].name!r} can't be used: the video it was made from was "
                       "removed for violating the content policy.", param="prompt", code="character_unavailable")
    return use


def _own_characters(user_id: int) -> list[Character]:
    """The user's characters, oldest first: every submission asks (most users have none), and compiling the ORM
    query each time cost the web process more than running it (docs/benchmarks.md, "Fourth pass"), so its SQL is
    compiled once per process (jobs.selectors.compiled_read)."""
    names = [f.attname for f in Character._meta.concrete_fields]
    read = compiled_read(("own_characters", ("user_id",)), lambda user_id: Character.objects.filter(
        user_id=user_id, deleted_at__isnull=True).order_by("created_at").values(*names))
    return [Character.from_db(read.db, names, [row[n] for n in names]) for row in read.rows(user_id=user_id)]


def _characters_in(user_id: int, prompt: str) -> CharacterUse:
    mine = _own_characters(user_id)
    own = [c for c in mine if _names_in(prompt, c)]
    own_ids = {c.id for c in mine}
    others = [i for i in CHARACTER_ID.findall(prompt) if i not in own_ids
              and Character.objects.filter(pk=i, deleted_at__isnull=True).exists()]
    own_names = [c.name.lower() for c in mine]
    for mention in MENTION.findall(prompt):
        mention = mention.rstrip(".'-")
        if any(n == mention.lower() or n.startswith(mention.lower() + " ") or mention.lower().startswith(n)
               for n in own_names):
            continue
        # A mention names a character when its full name follows the @ ("@Maria Lopez"; names may have spaces).
        candidates = (Character.objects.filter(name__istartswith=mention, deleted_at__isnull=True)
                      .exclude(user_id=user_id).values_list("name", flat=True)[:50])
        if any(re.search(rf"@{re.escape(name)}(?!\w)", prompt, re.IGNORECASE) for name in candidates):
            others.append(f"@{mention}")
    return CharacterUse(own, others)


def prompt_characters(job: Job) -> CharacterNames:
    """The characters a job's prompt names, for the prompt screen: its own (resolved at submission) and
    other users' referenced explicitly."""
    ids = (job.conditioning or {}).get("character_ids") or []
    own = tuple(Character.objects.filter(pk__in=ids, user_id=job.user_id).values_list("name", flat=True))
    return CharacterNames(own, tuple(_characters_in(job.user_id, job.prompt).others))
