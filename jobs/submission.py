"""Turning a request (JSON or multipart, OpenAI fields plus Kinema's) into a persisted job."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

import numpy as np
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, transaction
from django.db.models import Field, Model
from django.db.models.sql import InsertQuery
from django.utils import timezone

from accounts.credits import InsufficientCredits, hold_credits
from accounts.models import Tier, User
from jobs import conditioning as cond
from jobs import outbox
from jobs.api.errors import APIError, invalid
from jobs.api.validation import integer, number, text
from jobs.artifacts import put_artifact
from jobs.catalog import ModelVersion
from jobs.characters import characters_in
from jobs.costs import credits_for, gpu_seconds_for, memory_mb_for, rendered_frames
from jobs.media import frames_to_bytes
from jobs.models import Artifact, Character, Job, JobEvent, JobState
from jobs.profiles import ModelProfile, current_profile, priced
from jobs.rollout import Choice, catalog_changed, choose, default_model_name
from jobs.selectors import quota_usage, usage_day_start
from jobs.shedding import refuse_if_shed
from jobs.styles import STYLES
from jobs.webhooks import checked_url
from safety import decisions
from safety.characters import CharacterNames, character_verdict, rule_verdict
from safety.decisions import record_request_block
from safety.negative import screened_text, split_inline_negative
from safety.policy import current_policy
from safety.takedown import is_taken_down
from webapp import metrics
from webapp.broker import SCREEN_JOB, SCREENING_QUEUE
from webapp.metrics import after_commit

# The limits of a request; jobs.api.schema documents the same numbers, so a fuzzer reaches the logic.
MAX_PROMPT_CHARS = 4000
MAX_NEGATIVE_PROMPT_CHARS = 2000
MAX_MODEL_CHARS = 100
MAX_SIZE_CHARS = 20
MAX_STYLE_CHARS = 32
MAX_SEED = 2**32 - 1
MIN_GUIDANCE, MAX_GUIDANCE, DEFAULT_GUIDANCE = 0.0, 20.0, 5.0
MAX_REFERENCE_BYTES = cond.MAX_IMAGE_BYTES
MAX_REFERENCE_SIDE = cond.MAX_IMAGE_SIDE
MAX_STEPS = 100
# Kinema's video-to-video strength (remix, mask-less edit): how far from the source the result may go.
MIN_STRENGTH, MAX_STRENGTH = 0.05, 1.0
DEFAULT_REMIX_STRENGTH, DEFAULT_EDIT_STRENGTH = 0.6, 0.8
# An extension's new part (the SDK's 4..20 s); the stitched clip is at most this long.
MIN_EXTENSION_SECONDS, MAX_EXTENSION_SECONDS = 4, 20
MAX_STITCHED_SECONDS = 60
# Subject references a job may carry (the VACE pipeline's limit): characters named in one prompt.
MAX_CHARACTERS_PER_PROMPT = 4

ReferenceImage = cond.ImageInput


@dataclass(frozen=True)
class Submission:
    prompt: str
    negative_prompt: str
    model: str
    seconds: int
    size: str
    width: int
    height: int
    num_frames: int
    fps: int
    steps: int
    guidance_scale: float
    seed: int
    style: str
    reference: ReferenceImage | None = None
    remixed_from_id: str | None = None
    notices: tuple[str, ...] = ()
    webhook_url: str = ""  # a per-request webhook (Kinema extension), checked like registered endpoints
    # What the model is conditioned on besides the prompt (the contract in jobs.models.Job.conditioning),
    # and the bytes that go with it: the source clip's frames and an edit's mask.
    conditioning: dict[str, Any] = field(default_factory=dict)
    source_frames: np.ndarray | None = None
    mask: bytes | None = None
    # The catalog version that will run it and the rollout arm that chose it (jobs/rollout.py).
    version: ModelVersion | None = None
    rollout_arm: str = ""
    rollout_reason: str = ""


def given(data: Mapping[str, Any], files: Mapping[str, Any] | None, name: str) -> Any:
    """An optional input sent as an upload or as a field, None when it was not sent. null and "" (an empty form
    field) are "not sent", as for every optional field; any other value was sent on purpose and must then be a
    valid one: false, 0, [] or {} go to the input's reader, which refuses them with a 400 naming the parameter,
    rather than being taken for "none" (a client that meant something else would get a job without its input)."""
    value = (files or {}).get(name)
    if value is None:
        value = data.get(name)
    return None if value is None or (isinstance(value, str) and value == "") else value


def read_reference_image(value: Any) -> ReferenceImage:
    """An uploaded reference image, a data URL or `{"image_url": "https://..."}`, checked (jobs.conditioning)."""
    return cond.read_image(value, "input_reference")


def max_fps(profile: ModelProfile) -> int:
    """Up to twice the profile's frame rate (priced by the frames it renders, see jobs.costs)."""
    return 2 * profile.fps


CAPABILITY_LABELS = {"reference_image": "reference images (input_reference)", "remix": "remixes",
                     "extend": "extensions", "edit": "edits"}


def choose_version(data: Mapping[str, Any], files: Mapping[str, Any] | None, user_id: int | None,
                   needs: str | None) -> Choice:
    """The catalog version for the request's `model` (jobs/rollout.py), checked for what the request needs."""
    model = text(data, "model", max_len=MAX_MODEL_CHARS) or default_model_name()
    size = text(data, "size", max_len=MAX_SIZE_CHARS) or "720x1280"
    if needs is None and given(data, files, "input_reference") is not None:
        needs = "reference_image"
    choice = choose(model, user_id, size=size, needs=needs)
    if needs is not None and not choice.version.capabilities().get(needs, False):
        raise invalid(f"The model '{model}' does not support {CAPABILITY_LABELS.get(needs, needs)}.", "model",
                      "unsupported_capability")
    return choice


def parse_submission(data: Mapping[str, Any], files: Mapping[str, Any] | None, tier: Tier,
                     user_id: int | None = None, needs: str | None = None) -> Submission:
    """Validate a request against its model version's profile and the user's tier. Raises APIError (4xx).
    `needs` is the capability a remix, extension or edit calls for (a reference image is seen here)."""
    notices: list[str] = []
    prompt = text(data, "prompt", required=True, max_len=MAX_PROMPT_CHARS)
    webhook_url = data.get("webhook_url")
    # checked_url checks its characters first (jobs.api.validation.url_flaw): a studio form's fields reach here
    # without the API's body-wide NUL check.
    webhook_url = "" if webhook_url in (None, "") else checked_url(webhook_url, "webhook_url")
    negative = text(data, "negative_prompt", max_len=MAX_NEGATIVE_PROMPT_CHARS)
    prompt, inline = split_inline_negative(prompt)
    if inline:
        negative = f"{negative}, {inline}" if negative else inline
        if len(negative) > MAX_NEGATIVE_PROMPT_CHARS:
            raise invalid(f"The negative prompt (with the prompt's own \"Negative prompt:\" section) is longer than "
                          f"{MAX_NEGATIVE_PROMPT_CHARS} characters.", "negative_prompt")
    choice = choose_version(data, files, user_id, needs)
    profile = choice.profile
    seconds = integer(data, "seconds", 4, 1, profile.max_seconds)
    if seconds > tier.max_seconds:
        raise invalid(f"The {tier.display_name} plan allows videos up to {tier.max_seconds} seconds; "
                      f"you asked for {seconds}.", "seconds", "tier_limit_exceeded")
    size = text(data, "size", max_len=MAX_SIZE_CHARS) or "720x1280"
    resolution = profile.resolve_size(size)
    if resolution is None:
        raise invalid(f"Unsupported size '{size}'. Supported: {', '.join(profile.supported_sizes())}.", "size")
    if min(resolution) > tier.max_height:
        raise invalid(f"The {tier.display_name} plan allows resolutions up to {tier.max_height}p; size '{size}' "
                      f"renders at {resolution[0]}x{resolution[1]}.", "size", "tier_limit_exceeded")
    fps = integer(data, "fps", profile.fps, 1, max_fps(profile))
    steps = integer(data, "steps", tier.step_budget, 1, MAX_STEPS)
    if steps > tier.step_budget:
        notices.append(f"steps reduced from {steps} to {tier.step_budget}, the {tier.display_name} plan's budget")
        steps = tier.step_budget
    guidance = number(data, "guidance_scale", DEFAULT_GUIDANCE, MIN_GUIDANCE, MAX_GUIDANCE)
    seed = integer(data, "seed", secrets.randbelow(2**31), 0, MAX_SEED)
    style = text(data, "style", max_len=MAX_STYLE_CHARS) or "none"
    if style not in STYLES:
        raise invalid(f"Unknown style '{style}'. Styles: {', '.join(STYLES)}.", "style")
    characters = characters_in(user_id, prompt) if user_id is not None else None
    # The cheap rule pass (no model) refuses the obvious before a job exists (or an image is fetched). The negative
    # prompt names what to keep out of the video ("nudity, blood"): only its items that tell the video what to do and
    # the safeguards it takes away ("clothes", "censorship", read as the prompt would say them) are read with the
    # prompt, as the model will get it (safety/negative.py).
    rule_pass(screened_text(prompt, negative, typed=False), user_id, characters.names if characters else None)
    reference = None
    upload = given(data, files, "input_reference")
    if upload is not None:
        reference = read_reference_image(upload)
    extra = characters_conditioning(characters.own if characters else [])
    num_frames = 4 * max(1, round(seconds * fps / 4)) + 1
    return Submission(prompt=prompt, negative_prompt=negative, model=choice.version.model_id, seconds=seconds,
                      size=size, version=choice.version, rollout_arm=choice.arm, rollout_reason=choice.reason,
                      width=resolution[0], height=resolution[1], num_frames=num_frames, fps=fps, steps=steps,
                      guidance_scale=guidance, seed=seed, style="" if style == "none" else style,
                      reference=reference, webhook_url=webhook_url, notices=tuple(notices),
                      conditioning={**({"mode": "image"} if reference else {}), **extra})


def rule_pass(prompt: str, user_id: int | None, names: CharacterNames | None) -> None:
    """The request's rule pass on the prompt as written; the user's own characters are masked for the
    named-person likeness rule only (safety.characters.rule_verdict)."""
    # Checked at most KINEMA_POLICY_RECHECK_S ago (safety/policy.py): the check was a dear query per submission.
    policy = current_policy(settings.KINEMA_POLICY_RECHECK_S)
    verdict = rule_verdict(policy.rules, prompt, names)
    if verdict.blocked:
        record_request_block(verdict, user_id)
        raise APIError(f"This request was blocked by our content policy ({policy.label(verdict.category)}).",
                       param="prompt", code="moderation_blocked")
    found = character_verdict(policy, prompt, names) if names else None
    if found is not None:
        decisions.record(stage="request", verdict="block", category=found[0], fired=found[1], user_id=user_id)
        raise APIError(f"This request was blocked by our content policy ({policy.label(found[0])}).",
                       param="prompt", code="moderation_blocked")


def characters_conditioning(own: list[Character]) -> dict[str, Any]:
    """The user's own characters the prompt names, as subject references for the model."""
    if len(own) > MAX_CHARACTERS_PER_PROMPT:
        raise invalid(f"The prompt names {len(own)} of your characters; at most {MAX_CHARACTERS_PER_PROMPT} can be "
                      "in one video.", "prompt", "too_many_characters")
    if not own:
        return {}
    return {"character_ids": [c.id for c in own], "reference_keys": [c.reference_key for c in own]}


def _settings_of(source: Job) -> dict[str, Any]:
    return {"prompt": source.prompt, "negative_prompt": source.negative_prompt, "model": source.model,
            "seconds": cond.displayed_seconds(source), "size": source.size, "fps": source.fps, "steps": source.steps,
            "guidance_scale": source.guidance_scale, "seed": source.seed, "style": source.style}


def _source_available(source: Job) -> bool:
    return source.state == JobState.SUCCEEDED and Artifact.objects.filter(
        job=source, kind=Artifact.Kind.VIDEO, deleted_at__isnull=True).exists()


def parse_remix(source: Job, data: Mapping[str, Any], tier: Tier, user_id: int | None = None, *,
                conditioned: bool = True) -> Submission:
    """A remix keeps the source's settings (and seed) and changes the prompt (and optionally more); the
    model edits the source clip (video-to-video at `strength`). A source whose clip is gone (it failed, was
    cancelled or expired) can only lend its settings and seed: the job says so in its notices.
    `conditioned=False` is "generate again": the settings only, never the clip. A video taken down cannot lend
    either: its prompt, settings and seed would make much the same clip again (404 `video_removed`)."""
    if is_taken_down(source.id):
        raise APIError(f"Video {source.id} was removed for violating the content policy; it cannot be remixed or "
                       "generated again.", status_code=404, param="video_id", code="video_removed")
    base = _settings_of(source)
    shortened: tuple[str, ...] = ()
    limit = min(tier.max_seconds, current_profile().max_seconds)
    if data.get("seconds") in (None, "") and base["seconds"] > limit:
        # An extended source is longer than one rendering may be: inherited (not asked for), it is cut to
        # the longest allowed rather than refused for a parameter the user never sent.
        shortened = (f"the source is {base['seconds']} s long; this video is {limit} s, the longest one "
                     "rendering allows",)
        base["seconds"] = limit
    # The request's own per-request webhook applies to the new job (it is not a setting of the source).
    merged = {**base, **{k: v for k, v in data.items() if k in base or k == "webhook_url"}}
    if not text(data, "prompt", max_len=MAX_PROMPT_CHARS):
        raise invalid("Missing required parameter: 'prompt'.", "prompt", "missing_required_parameter")
    strength = number(data, "strength", DEFAULT_REMIX_STRENGTH, MIN_STRENGTH, MAX_STRENGTH)
    sub = replace(parse_submission(merged, None, tier, user_id, needs="remix" if conditioned else None),
                  remixed_from_id=source.id)
    sub = replace(sub, notices=(*sub.notices, *shortened))
    if not conditioned:
        return replace(sub, conditioning={k: v for k, v in sub.conditioning.items() if k != "mode"})
    if not _source_available(source):
        return replace(sub, notices=(*sub.notices, f"the source clip is not available ({source.state}): this remix "
                                                   "reuses its settings and seed only"))
    clip = cond.source_of(source, "video_id")
    frames = cond.resample(cond.fit_frames(clip.frames, sub.width, sub.height), sub.num_frames)
    return replace(sub, source_frames=frames, conditioning={
        **sub.conditioning, "mode": "remix", "source_video_id": source.id, "strength": strength})


def _source_settings(clip: cond.SourceClip, data: Mapping[str, Any], seconds: int) -> dict[str, Any]:
    """A request on a source clip: the source's settings (a Kinema video's, or the profile's defaults for
    an upload) at the source's resolution and frame rate, overridden by the request's Kinema extras."""
    profile = current_profile()
    if clip.job is not None:
        base = {**_settings_of(clip.job), "seconds": seconds}
    else:
        base = {"size": f"{clip.width}x{clip.height}", "fps": profile.fps, "seconds": seconds}
    overridable = ("negative_prompt", "seed", "style", "steps", "guidance_scale", "model", "webhook_url")
    return {**base, **{k: v for k, v in data.items() if k in overridable}, "prompt": data.get("prompt")}


def _source_id(clip: cond.SourceClip) -> dict[str, Any]:
    return {"source_video_id": clip.job.id} if clip.job is not None else {}


def parse_extension(data: Mapping[str, Any], files: Mapping[str, Any] | None, tier: Tier,
                    user_id: int) -> Submission:
    """POST /v1/videos/extensions: `seconds` (4..20) of new video continuing `video` (one of the user's
    completed videos, `{"id"}`, or an uploaded clip), conditioned on its last frames. The job renders the
    new part with the context; the Video object's `seconds` is the stitched total."""
    text(data, "prompt", required=True, max_len=MAX_PROMPT_CHARS)
    if data.get("seconds") in (None, ""):
        raise invalid("Missing required parameter: 'seconds'.", "seconds", "missing_required_parameter")
    seconds = integer(data, "seconds", MIN_EXTENSION_SECONDS, MIN_EXTENSION_SECONDS, MAX_EXTENSION_SECONDS)
    profile = current_profile()
    clip = cond.source_clip(user_id, (files or {}).get("video") or data.get("video"), "video", profile)
    if clip.seconds + seconds > MAX_STITCHED_SECONDS:
        raise invalid(f"The extended video would be {clip.seconds + seconds} s long; the maximum is "
                      f"{MAX_STITCHED_SECONDS} s.", "seconds", "video_too_long")
    sub = parse_submission(_source_settings(clip, data, seconds), None, tier, user_id, needs="extend")
    frames = cond.fit_frames(clip.frames, sub.width, sub.height)
    temporal = 4  # Wan's VAE compresses time by 4: the context is a multiple of 4 frames, about a second
    context = min(temporal * max(1, round(sub.fps / temporal)), len(frames) - len(frames) % temporal)
    if context < temporal:
        raise invalid(f"'video' has {len(frames)} frames; an extension needs at least {temporal}.", "video",
                      "video_too_short")
    return replace(sub, source_frames=frames, conditioning={
        **{k: v for k, v in sub.conditioning.items() if k != "mode"}, "mode": "extend", **_source_id(clip),
        "context_frames": context, "source_seconds": clip.seconds})


def parse_edit(data: Mapping[str, Any], files: Mapping[str, Any] | None, tier: Tier, user_id: int) -> Submission:
    """POST /v1/videos/edits: `video` re-rendered after `prompt`; with a `mask` (Kinema extension: an image,
    white = regenerate) only that region changes, without one the whole clip at `strength`."""
    text(data, "prompt", required=True, max_len=MAX_PROMPT_CHARS)
    strength = number(data, "strength", DEFAULT_EDIT_STRENGTH, MIN_STRENGTH, MAX_STRENGTH)
    profile = current_profile()
    clip = cond.source_clip(user_id, (files or {}).get("video") or data.get("video"), "video", profile)
    sub = parse_submission(_source_settings(clip, data, clip.seconds), None, tier, user_id, needs="edit")
    frames = cond.resample(cond.fit_frames(clip.frames, sub.width, sub.height), sub.num_frames)
    mask_value = given(data, files, "mask")
    mask = cond.mask_png(cond.read_image(mask_value, "mask"), sub.width, sub.height) if mask_value is not None else None
    return replace(sub, source_frames=frames, mask=mask, conditioning={
        **{k: v for k, v in sub.conditioning.items() if k != "mode"}, "mode": "edit", **_source_id(clip),
        "strength": strength, "has_mask": mask is not None})


def submit(user: User, sub: Submission, *, shed_checked: bool = False) -> Job:
    """Check the tier's quotas, hold the credits and persist the job; screening is rung after commit.

    The user's row is locked for the transaction, so concurrent submissions of one user are counted
    and charged one after another: caps and balances hold exactly under any concurrency. Every way a
    job is made (create, remix, extension, edit; API and studio) comes through here, so load shedding
    is checked here: 503 capacity_shed with Retry-After while the user's tier is shed, unless the caller
    checked it for this request already (`shed_checked`: the API's create, in KinemaView.initial; each
    check is a Redis round trip).
    """
    if not shed_checked:
        refuse_if_shed(user)
    profile = sub.version.profile() if sub.version is not None else current_profile()
    rendered = rendered_frames(sub.num_frames, sub.conditioning)
    cost = priced(credits_for(profile, width=sub.width, height=sub.height, seconds=sub.seconds, steps=sub.steps,
                              num_frames=rendered), sub.version.price_factor if sub.version is not None else 1.0)
    try:
        return _persist(user, sub, profile, rendered, cost, check_now=connection.in_atomic_block)
    except IntegrityError:
        # The version came from this process's catalog snapshot (jobs/rollout.py), which can be up to
        # KINEMA_CATALOG_RECHECK_S old: deleted elsewhere meanwhile, the job's reference to it fails at commit.
        if sub.version is None or ModelVersion.objects.filter(pk=sub.version.pk).exists():
            raise
        catalog_changed()
        raise APIError(f"Version {sub.version.public_id} of '{sub.model}' was withdrawn while this request was made; "
                       "nothing was charged. Send the request again.", status_code=409,
                       code="model_version_withdrawn", param="model") from None


def _persist(user: User, sub: Submission, profile: ModelProfile, rendered: int, cost: int, *,
             check_now: bool = False) -> Job:
    """The submission's rows in one transaction. `check_now`: inside a caller's transaction (an idempotency key's,
    a studio form's), whose commit would otherwise be where a deferred foreign key fails (see `submit`); the
    rows' references are checked before this savepoint ends instead, and deferral restored for the rest."""
    with transaction.atomic():
        tier = lock_user(user.pk)  # the user's row locked, the plan read as it is now
        check_quotas(user, tier)
        job = Job(
            user=user, tier=tier.name, prompt=sub.prompt, negative_prompt=sub.negative_prompt,
            model=sub.model, model_version=sub.version, rollout_arm=sub.rollout_arm,
            seconds=sub.seconds, size=sub.size, width=sub.width, height=sub.height,
            num_frames=sub.num_frames, fps=sub.fps, steps=sub.steps, guidance_scale=sub.guidance_scale,
            seed=sub.seed, style=sub.style, remixed_from_id=sub.remixed_from_id, notices=list(sub.notices),
            webhook_url=sub.webhook_url,
            max_attempts=settings.KINEMA_MAX_ATTEMPTS, credits_held=cost, conditioning=sub.conditioning,
            est_gpu_seconds=gpu_seconds_for(profile, width=sub.width, height=sub.height,
                                            num_frames=rendered, steps=sub.steps),
            est_memory_mb=memory_mb_for(profile, width=sub.width, height=sub.height, num_frames=rendered),
        )
        try:
            # Before the job's row (its id is made in Python): a refused hold writes nothing.
            hold_credits(user, job.id, cost)
        except InsufficientCredits as exc:
            raise APIError(f"This video costs {exc.needed} credits and your balance is {exc.available}.",
                           status_code=402, type="insufficient_quota", code="insufficient_credits") from None
        event = JobEvent(job=job, to_state=job.state, reason="submitted",
                         detail={"credits_held": cost, "notices": list(sub.notices),
                                 **({"model_version": sub.version.public_id, "arm": sub.rollout_arm}
                                    if sub.version is not None else {}),
                                 **({"rollout": sub.rollout_reason} if sub.rollout_reason else {}),
                                 **({"remixed_from": sub.remixed_from_id} if sub.remixed_from_id else {}),
                                 **({"conditioning": sub.conditioning.get("mode") or "reference"}
                                    if sub.conditioning else {})})
        screening = outbox.message(SCREENING_QUEUE, SCREEN_JOB, job.id)
        insert_together(job, event, screening)  # the job, its first event and its screening message
        if check_now:
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED")
        store_inputs(job.id, sub)
        outbox.send_after_commit(screening, batched=True)  # marked sent in batches (jobs/outbox.py)
        after_commit(metrics.inc, "kinema_jobs_submitted", tier=job.tier)
        after_commit(metrics.inc, "kinema_credits_held", cost, tier=job.tier)
    return job


# The statements a submission runs, as SQL made once per process: compiling them (Django's SQLCompiler) cost the
# web process more CPU than PostgreSQL spent running them (docs/benchmarks.md, "Fourth pass").
_STATEMENTS: dict[Any, tuple[str, list[Field[Any, Any]]]] = {}


def lock_user(user_id: int) -> Tier:
    """Lock the user's row for the submission's transaction and read the user's plan as it is now.

    The user's row only is locked: `select_for_update().select_related("tier")` also locked the plan's row, so
    every submission of a plan waited for the one before it, whoever made it. The plan is read by the tier the
    locked row has: a sub-select, because with a join a plan change committed while this waited for the lock
    fails the join's recheck (PostgreSQL re-evaluates it against the user's new row) and no row came back.
    FOR NO KEY UPDATE: it orders submissions and credit releases (which take the same lock) one after another, and
    the checks of other transactions' references to the user (a key-share lock, taken as they commit) do not wait
    for it."""
    key = ("lock_user",)
    if key not in _STATEMENTS:
        fields = list(Tier._meta.concrete_fields)
        quote = connection.ops.quote_name  # Tier's fields are plain columns, named as their attributes
        sql = (f"SELECT {', '.join('t.' + quote(f.attname) for f in fields)} FROM {quote(Tier._meta.db_table)} t "
               f"WHERE t.{quote(Tier._meta.pk.attname)} = (SELECT {quote(User._meta.get_field('tier').attname)} "
               f"FROM {quote(User._meta.db_table)} WHERE {quote(User._meta.pk.attname)} = %s FOR NO KEY UPDATE)")
        _STATEMENTS[key] = (sql, fields)
    sql, fields = _STATEMENTS[key]
    with connection.cursor() as cur:
        cur.execute(sql, [user_id])
        row = cur.fetchone()
    if row is None:
        raise User.DoesNotExist(f"user {user_id} does not exist")
    return Tier.from_db(DEFAULT_DB_ALIAS, [f.attname for f in fields], row)


def _compiled_insert(row: Model, returning: bool) -> tuple[str, list[Any]]:
    """The INSERT Django's save() would run for this new row, compiled by the ORM (see _insert_sql)."""
    meta = row._meta
    fields = [f for f in meta.local_concrete_fields if f is not meta.auto_field and not f.generated]
    query = InsertQuery(type(row))
    query.insert_values(fields, [row])
    compiler = query.get_compiler(using=DEFAULT_DB_ALIAS)
    compiler.returning_fields = [meta.pk] if returning else None
    [(sql, params)] = compiler.as_sql()
    return sql, list(params)  # with the RETURNING clause's own


def _insert_sql(row: Model, returning: bool) -> tuple[str, list[Any]]:
    """The INSERT Django's save() would run for this new row (its fields' defaults and pre_save applied): the
    ORM's SQL for the model, made once per process, with this row's values prepared as the ORM prepares them.
    A value that is an expression (Now(), F(), a database default) changes the SQL: such a row is compiled
    afresh, and the SQL is only kept from a row without one."""
    meta = row._meta
    fields = [f for f in meta.local_concrete_fields if f is not meta.auto_field and not f.generated]
    values = [f.pre_save(row, True) for f in fields]  # add=True, as save() does
    if any(hasattr(v, "resolve_expression") for v in values) or any(hasattr(f, "get_placeholder") for f in fields):
        return _compiled_insert(row, returning)  # not a plain one-placeholder-per-field INSERT
    key = (type(row), returning)
    if key not in _STATEMENTS:
        sql, _ = _compiled_insert(row, returning)
        if "RETURNING" in sql and not returning:
            return _compiled_insert(row, returning)
        _STATEMENTS[key] = (sql, fields)
    sql, fields = _STATEMENTS[key]
    return sql, [f.get_db_prep_save(v, connection=connection) for f, v in zip(fields, values, strict=True)]


def insert_together(*rows: Model) -> None:
    """Insert new rows in one statement (a data-modifying WITH), in place of a round trip each; the last
    row gets its id back. Foreign keys between them are checked at commit (Django's are deferred)."""
    parts = [_insert_sql(row, returning=i == len(rows) - 1) for i, row in enumerate(rows)]
    sql = "".join(f'{"WITH" if i == 0 else ","} "row{i}" AS ({part}) ' for i, (part, _) in enumerate(parts[:-1]))
    with connection.cursor() as cur:
        cur.execute(sql + parts[-1][0], [p for _, params in parts for p in params])
        (last_id,) = cur.fetchone()
    rows[-1].pk = last_id
    for row in rows:
        row._state.adding, row._state.db = False, DEFAULT_DB_ALIAS


def store_inputs(job_id: str, sub: Submission) -> None:
    """The conditioning's bytes, as the job's artifacts (within the request budget: see put_artifact)."""
    if sub.reference is not None:
        put_artifact(job_id, Artifact.Kind.INPUT_REFERENCE, sub.reference.data, sub.reference.content_type,
                     ext=sub.reference.ext, on_request_path=True)
    if sub.source_frames is not None:
        put_artifact(job_id, Artifact.Kind.SOURCE_FRAMES, frames_to_bytes(np.ascontiguousarray(sub.source_frames)),
                     "application/x-npy", ext="npy", on_request_path=True)
    if sub.mask is not None:
        put_artifact(job_id, Artifact.Kind.MASK, sub.mask, "image/png", ext="png", on_request_path=True)


def check_quotas(user: User, tier: Tier) -> None:
    today, waiting = quota_usage(user.pk)  # both counts in one query
    if today >= tier.daily_quota:
        tomorrow = usage_day_start() + timedelta(days=1)
        raise APIError(f"You have used today's {tier.daily_quota} generations on the {tier.display_name} plan; "
                       "the quota resets at midnight UTC.", status_code=429, type="rate_limit_error",
                       code="daily_quota_exceeded",
                       headers={"Retry-After": str(int((tomorrow - timezone.now()).total_seconds()) + 1)})
    if waiting >= tier.max_queued:
        raise APIError(f"You already have {waiting} videos waiting; the {tier.display_name} plan allows "
                       f"{tier.max_queued} in the queue at once. Try again when one has started.",
                       status_code=429, type="rate_limit_error", code="too_many_queued", headers={"Retry-After": "10"})

