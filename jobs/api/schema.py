"""Serializers that document the API for drf-spectacular (responses are built by jobs.selectors).

Requests are checked by jobs.api.validation and jobs.submission, not by these serializers; the
constraints documented here (lengths, ranges, enums, id patterns) are the numbers those checks use,
so clients and fuzzers see exactly what is accepted.
"""

from __future__ import annotations

from typing import Any

from django.db import DatabaseError
from drf_spectacular.extensions import OpenApiAuthenticationExtension, OpenApiSerializerFieldExtension
from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework import serializers

from jobs import characters, conditioning, submission
from jobs.api.validation import CHARACTER_ID_PATTERN, VIDEO_ID_PATTERN, WEBHOOK_ID_PATTERN
from jobs.catalog import ModelVersion, VersionState
from jobs.profiles import current_profile
from jobs.styles import STYLES
from jobs.webhooks import EVENT_TYPES


class ApiKeyScheme(OpenApiAuthenticationExtension):
    """Documents accounts.authentication.ApiKeyAuthentication: `Authorization: Bearer kin_...`."""

    target_class = "accounts.authentication.ApiKeyAuthentication"
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "bearerFormat": "kin_<lookup>_<secret>",
                "description": "An API key from `manage.py create_api_user` (the OpenAI SDK's api_key)."}


PROFILE = current_profile()
MODEL_HELP = ("A model id or alias from GET /v1/models (its live version, or its canary for users in the canary's "
              "share), or an exact version, `model@version`. Default: the deployment's model.")
MAX_PAGE = 100
BOOLEAN_TEXT = ["true", "false", "1", "0"]
VIDEO_ID_PARAMETER = OpenApiParameter("video_id", {"type": "string", "pattern": VIDEO_ID_PATTERN},
                                      OpenApiParameter.PATH, description="A video id.")
WEBHOOK_ID_PARAMETER = OpenApiParameter("webhook_id", {"type": "string", "pattern": WEBHOOK_ID_PATTERN},
                                        OpenApiParameter.PATH, description="A webhook endpoint id.")
AFTER_PARAMETER = OpenApiParameter("after", {"type": "string", "pattern": VIDEO_ID_PATTERN},
                                   description="The id of the last video of the previous page.")
LIMIT_PARAMETER = OpenApiParameter("limit", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
                                   description=f"Page size, 1 to {MAX_PAGE} (default 20).")
CHARACTER_ID_PARAMETER = OpenApiParameter("character_id", {"type": "string", "pattern": CHARACTER_ID_PATTERN},
                                          OpenApiParameter.PATH, description="A character id.")
UNREAD_PARAMETER = OpenApiParameter("unread", str, enum=BOOLEAN_TEXT, description="Only unread notifications.")


def live_sizes() -> dict[str, list[str]]:
    """The sizes each served model (its live version) takes, by model id: read when the document is generated,
    so it follows the catalog. Empty without a database (the offline `manage.py spectacular`)."""
    try:
        live = ModelVersion.objects.filter(state=VersionState.LIVE).select_related("model").order_by("model_id")
        return {v.model_id: v.sizes() for v in live}
    except (DatabaseError, RuntimeError):  # no database to read (RuntimeError: a test that has none)
        return {}


def documented_sizes(per_model: dict[str, list[str]] | None = None) -> list[str]:
    """Every size some served model takes (the union, OpenAI's four first); the deployment's profile's alone
    when the catalog cannot be read."""
    per_model = live_sizes() if per_model is None else per_model
    union = dict.fromkeys(size for sizes in per_model.values() for size in sizes)
    return list(union) or PROFILE.supported_sizes()


class SizeField(serializers.ChoiceField):
    """A request's size; documented as the union of the served models' sizes (SizeFieldSchema)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=PROFILE.supported_sizes(), **kwargs)


class ModelField(serializers.CharField):
    """A request's model; its description lists each served model's sizes (ModelFieldSchema)."""


class SizeFieldSchema(OpenApiSerializerFieldExtension):
    target_class = SizeField

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        return {"type": "string", "enum": documented_sizes()}


class ModelFieldSchema(OpenApiSerializerFieldExtension):
    target_class = ModelField

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        per_model = live_sizes()
        sizes = "; ".join(f"`{model}`: {', '.join(s)}" for model, s in per_model.items())
        return {"type": "string", "maxLength": submission.MAX_MODEL_CHARS,
                "description": MODEL_HELP + (f" Sizes each model takes (the `size` field): {sizes}." if sizes else "")}


class ErrorDetail(serializers.Serializer):
    message = serializers.CharField()
    type = serializers.CharField()
    param = serializers.CharField(allow_null=True)
    code = serializers.CharField(allow_null=True)


class ErrorResponse(serializers.Serializer):
    error = ErrorDetail()


class VideoError(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class VideoRemoved(serializers.Serializer):
    """Kinema: a published video taken down (its `error` is then `video_removed` too; status stays completed)."""

    reason = serializers.CharField(help_text="The policy category.")
    message = serializers.CharField()
    removed_at = serializers.IntegerField()


class Timings(serializers.Serializer):
    queued_at = serializers.IntegerField(allow_null=True)
    started_at = serializers.IntegerField(allow_null=True)
    frames_done_at = serializers.IntegerField(allow_null=True)
    finished_at = serializers.IntegerField(allow_null=True)


class Video(serializers.Serializer):
    id = serializers.CharField()
    object = serializers.ChoiceField(choices=["video"])
    created_at = serializers.IntegerField()
    completed_at = serializers.IntegerField(allow_null=True)
    expires_at = serializers.IntegerField(allow_null=True)
    model = serializers.CharField()
    progress = serializers.IntegerField(min_value=0, max_value=100)
    prompt = serializers.CharField()
    remixed_from_video_id = serializers.CharField(allow_null=True)
    seconds = serializers.CharField()
    size = serializers.CharField()
    status = serializers.ChoiceField(choices=["queued", "in_progress", "completed", "failed"])
    error = VideoError(allow_null=True)
    removed = VideoRemoved(allow_null=True, help_text="Set when the video was taken down after publication.")
    model_version = serializers.CharField(allow_null=True, help_text="Kinema: the exact catalog version that runs "
                                                                     "it, `model@version` (GET /v1/models).")
    rollout_arm = serializers.ChoiceField(choices=["live", "canary", "pinned"], allow_null=True,
                                          help_text="Kinema: how that version was chosen.")
    state = serializers.ChoiceField(choices=["submitted", "queued", "dispatched", "running", "finalizing",
                                             "in_review", "succeeded", "failed", "blocked", "cancelled"],
                                    help_text="Kinema's internal state.")
    step = serializers.IntegerField()
    total_steps = serializers.IntegerField()
    queue_position = serializers.IntegerField(allow_null=True)
    eta_at = serializers.IntegerField(allow_null=True)
    attempt = serializers.IntegerField()
    negative_prompt = serializers.CharField()
    seed = serializers.IntegerField()
    # The API's field names shadow Field.style and Serializer.data in the stubs (here and below); DRF's metaclass
    # moves declared fields out of the class, and only drf-spectacular reads these classes (for the document).
    style = serializers.CharField(allow_null=True)  # type: ignore[assignment]
    resolution = serializers.CharField(help_text="The model resolution the size was mapped to.")
    num_frames = serializers.IntegerField()
    fps = serializers.IntegerField()
    guidance_scale = serializers.FloatField()
    tier = serializers.CharField()
    credits_held = serializers.IntegerField()
    credits_charged = serializers.IntegerField()
    notices = serializers.ListField(child=serializers.CharField(), help_text="Limits applied to the request.")
    timings = Timings()


class VideoList(serializers.Serializer):
    object = serializers.ChoiceField(choices=["list"])
    data = Video(many=True)  # type: ignore[assignment]
    first_id = serializers.CharField(allow_null=True)
    last_id = serializers.CharField(allow_null=True)
    has_more = serializers.BooleanField()


class VideoDeleted(serializers.Serializer):
    id = serializers.CharField()
    object = serializers.ChoiceField(choices=["video.deleted"])
    deleted = serializers.BooleanField()


@extend_schema_field({"oneOf": [
    {"type": "integer", "minimum": 1, "maximum": PROFILE.max_seconds},
    {"type": "string", "enum": [str(n) for n in range(1, PROFILE.max_seconds + 1)]},
]})
class SecondsField(serializers.Field):
    """OpenAI sends seconds as a string ("4"); Kinema also takes the integer."""


TEXT_HELP = "Text must not contain NUL characters."


class VideoSettings(serializers.Serializer):
    """What a remix may change besides the prompt (and what a create may set)."""

    negative_prompt = serializers.CharField(required=False, allow_blank=True,
                                            max_length=submission.MAX_NEGATIVE_PROMPT_CHARS, help_text=TEXT_HELP)
    model = ModelField(required=False, max_length=submission.MAX_MODEL_CHARS)
    seconds = SecondsField(required=False, help_text=f"1..{PROFILE.max_seconds}, within your plan's limit "
                                                     "(OpenAI: 4, 8, 12).")
    size = SizeField(required=False, help_text="Mapped to the model's native resolution of the same orientation; "
                                               "each model's sizes are listed under `model` and in GET /v1/models.")
    seed = serializers.IntegerField(required=False, min_value=0, max_value=submission.MAX_SEED)
    style = serializers.ChoiceField(choices=list(STYLES), required=False)  # type: ignore[assignment]
    steps = serializers.IntegerField(required=False, min_value=1, max_value=submission.MAX_STEPS,
                                     help_text="Capped at your plan's step budget.")
    fps = serializers.IntegerField(required=False, min_value=1, max_value=submission.max_fps(PROFILE),
                                   help_text=f"Frame rate (default {PROFILE.fps}); credits scale with the frames "
                                             "rendered.")
    guidance_scale = serializers.FloatField(required=False, min_value=submission.MIN_GUIDANCE,
                                            max_value=submission.MAX_GUIDANCE)


IMAGE_HELP = (f"A PNG, JPEG or WebP image, at most {submission.MAX_REFERENCE_BYTES // 2**20} MB and "
              f"{submission.MAX_REFERENCE_SIDE} pixels a side.")


class ImageReference(serializers.Serializer):
    """An image by URL: `https://` (fetched from a public internet address, no redirects) or a base64
    `data:image/...` URL. (`file_id` references are refused: Kinema has no files endpoint.)"""

    image_url = serializers.CharField(max_length=conditioning.MAX_DATA_URL_CHARS, help_text=(
        f"An https URL (at most {conditioning.MAX_IMAGE_URL_CHARS} characters) or a data: URL. " + IMAGE_HELP))


class VideoReference(serializers.Serializer):
    """One of your completed videos."""

    id = serializers.RegexField(VIDEO_ID_PATTERN, help_text="A completed video's id.")


class PerRequestWebhook(serializers.Serializer):
    """Kinema's per-request webhook on POST /v1/videos (as fal and Replicate offer)."""

    webhook_url = serializers.URLField(
        required=False, max_length=2000, help_text="A public http(s) URL (port 80 or 443) that hears video.completed "
        "or video.failed for this video, signed like registered endpoints (Standard Webhooks) with your per-request "
        "signing secret (account page).")


class CreateVideo(PerRequestWebhook, VideoSettings):
    """A new video: the prompt and, optionally, its settings and a reference image (the first frame)."""

    prompt = serializers.CharField(min_length=1, max_length=submission.MAX_PROMPT_CHARS, help_text=TEXT_HELP)
    input_reference = ImageReference(required=False, help_text="The first frame / subject of the video.")


class CreateVideoUpload(PerRequestWebhook, VideoSettings):
    """A new video, as form fields, with an optional reference image."""

    prompt = serializers.CharField(min_length=1, max_length=submission.MAX_PROMPT_CHARS, help_text=TEXT_HELP)
    input_reference = serializers.FileField(required=False, help_text=IMAGE_HELP)


STRENGTH_HELP = ("Kinema: how far the result may move from the source clip (video-to-video), "
                 f"{submission.MIN_STRENGTH} to {submission.MAX_STRENGTH}.")


class Remix(VideoSettings):
    """A new prompt for a video's settings and seed; any setting may be changed too. The model edits the
    source clip (video-to-video at `strength`) when its content is still available."""

    prompt = serializers.CharField(min_length=1, max_length=submission.MAX_PROMPT_CHARS, help_text=TEXT_HELP)
    strength = serializers.FloatField(required=False, min_value=submission.MIN_STRENGTH,
                                      max_value=submission.MAX_STRENGTH,
                                      help_text=STRENGTH_HELP + f" Default {submission.DEFAULT_REMIX_STRENGTH}.")


class SourceSettings(serializers.Serializer):
    """What a request on a source clip may change besides the prompt (size and frame rate are the source's)."""

    prompt = serializers.CharField(min_length=1, max_length=submission.MAX_PROMPT_CHARS, help_text=TEXT_HELP)
    negative_prompt = serializers.CharField(
        required=False, allow_blank=True, max_length=submission.MAX_NEGATIVE_PROMPT_CHARS, help_text=TEXT_HELP)
    model = ModelField(required=False, max_length=submission.MAX_MODEL_CHARS)
    seed = serializers.IntegerField(required=False, min_value=0, max_value=submission.MAX_SEED,
                                    help_text="Default: the source video's seed.")
    style = serializers.ChoiceField(choices=list(STYLES), required=False)  # type: ignore[assignment]
    steps = serializers.IntegerField(required=False, min_value=1, max_value=submission.MAX_STEPS,
                                     help_text="Capped at your plan's step budget.")
    guidance_scale = serializers.FloatField(required=False, min_value=submission.MIN_GUIDANCE,
                                            max_value=submission.MAX_GUIDANCE)


@extend_schema_field({"oneOf": [
    {"type": "integer", "minimum": submission.MIN_EXTENSION_SECONDS, "maximum": submission.MAX_EXTENSION_SECONDS},
    {"type": "string", "enum": [str(n) for n in range(submission.MIN_EXTENSION_SECONDS,
                                                      submission.MAX_EXTENSION_SECONDS + 1)]},
]})
class ExtensionSecondsField(serializers.Field):
    """The new part's length: 4..20 s (the SDK sends a string)."""


CLIP_HELP = (f"MP4/MOV or WebM (H.264, HEVC, VP8, VP9 or AV1), at most {conditioning.MAX_CLIP_SECONDS} s, "
             f"{conditioning.MAX_CLIP_BYTES // 2**20} MB and {conditioning.MAX_CLIP_SIDE} pixels a side.")


class CreateExtension(SourceSettings):
    """New video continuing a completed video from its last frames; the result's `seconds` is the total."""

    seconds = ExtensionSecondsField(help_text="Length of the new part, within your plan's limit.")
    video = VideoReference()


class CreateExtensionUpload(SourceSettings):
    seconds = ExtensionSecondsField(help_text="Length of the new part, within your plan's limit.")
    video = serializers.FileField(help_text="The clip to continue. " + CLIP_HELP)


class CreateEdit(SourceSettings):
    """A completed video re-rendered after the prompt; with a mask (Kinema) only the white region changes."""

    video = VideoReference()
    mask = ImageReference(required=False, help_text="Kinema: white = regenerate, black = keep (every frame).")
    strength = serializers.FloatField(required=False, min_value=submission.MIN_STRENGTH,
                                      max_value=submission.MAX_STRENGTH,
                                      help_text=STRENGTH_HELP + f" Default {submission.DEFAULT_EDIT_STRENGTH}.")


class CreateEditUpload(SourceSettings):
    video = serializers.FileField(help_text="The clip to edit. " + CLIP_HELP)
    mask = serializers.FileField(required=False, help_text="Kinema: white = regenerate, black = keep. " + IMAGE_HELP)
    strength = serializers.FloatField(required=False, min_value=submission.MIN_STRENGTH,
                                      max_value=submission.MAX_STRENGTH,
                                      help_text=STRENGTH_HELP + f" Default {submission.DEFAULT_EDIT_STRENGTH}.")


NAME_HELP = "Letters, digits, spaces and . ' - _; not a protected person's name. Use it in your prompts."


class CreateCharacter(serializers.Serializer):
    """A consented likeness from your own clip (one person facing the camera)."""

    name = serializers.CharField(min_length=1, max_length=characters.MAX_NAME_CHARS, help_text=NAME_HELP)
    video = VideoReference()


class CreateCharacterUpload(serializers.Serializer):
    name = serializers.CharField(min_length=1, max_length=characters.MAX_NAME_CHARS, help_text=NAME_HELP)
    video = serializers.FileField(help_text="A clip of yourself. " + CLIP_HELP)


class Character(serializers.Serializer):
    id = serializers.CharField()
    object = serializers.ChoiceField(choices=["character"])
    created_at = serializers.IntegerField()
    name = serializers.CharField()


class CharacterList(serializers.Serializer):
    object = serializers.ChoiceField(choices=["list"])
    data = Character(many=True)  # type: ignore[assignment]


class DeletedCharacter(serializers.Serializer):
    id = serializers.CharField()
    object = serializers.ChoiceField(choices=["character.deleted"])
    deleted = serializers.BooleanField()


class MarkRead(serializers.Serializer):
    ids = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=2**63 - 1), required=False,
                                max_length=1000, help_text="Notification ids; omit to mark all read.")


class CreateWebhook(serializers.Serializer):
    url = serializers.URLField(max_length=2000, help_text="An http(s) URL that resolves to a public address.")
    events = serializers.ListField(child=serializers.ChoiceField(choices=list(EVENT_TYPES)), min_length=1)
    description = serializers.CharField(required=False, allow_blank=True, max_length=200, help_text=TEXT_HELP)
    enabled = serializers.BooleanField(required=False, default=True, help_text="false: registered, sends nothing.")


class UpdateWebhook(serializers.Serializer):
    url = serializers.URLField(required=False, max_length=2000)
    events = serializers.ListField(child=serializers.ChoiceField(choices=list(EVENT_TYPES)), min_length=1,
                                   required=False)
    enabled = serializers.BooleanField(required=False)
    description = serializers.CharField(required=False, allow_blank=True, max_length=200, help_text=TEXT_HELP)
