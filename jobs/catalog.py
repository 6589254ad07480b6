"""The model catalog as data: models clients name, and the versions behind them.

A `CatalogModel` is what a client writes in `model` (its id, or one of its aliases such as
`kinema-video`). Its `ModelVersion`s are the concrete checkpoints: a pipeline family, where the
weights are, what they render (native resolutions, frame rate, steps: a copy of a jobs/profiles.py
template, editable), what they can do (reference image, extend, edit, audio), what they cost (GPU
memory, relative speed per GPU class, a price factor) and their state:

- draft: registered, never served (also where an automatic rollback puts a failing canary);
- canary: serves a share of the model's eligible traffic, within a GPU-seconds budget per hour
  (jobs/rollout.py decides the arm of each request);
- live: the version a request for the model gets (one per model);
- retired: no longer served (a promotion retires the previous live version).

A version is addressed exactly as `<model>@<version>` (e.g. `kinema-tiny@1`): a pinned request, which
never takes part in a rollout. Operators edit all of this in the admin (jobs/catalog_admin.py);
`ensure_catalog` seeds the deployment's configured model so a fresh install serves what it did before.

This module holds the tables and what can be said of one row; choosing a version for a request is
jobs/rollout.py. It imports only Django and jobs.profiles, so jobs/models.py can import it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from jobs.profiles import OPENAI_SIZES, PROFILES, ModelProfile

VERSION_SEPARATOR = "@"
DEFAULT_ALIAS = "kinema-video"
ORIENTATIONS = ("landscape", "portrait", "square")


class Family(models.TextChoices):
    TEXT_TO_VIDEO = "text_to_video", "Text-to-video (WanPipeline)"
    VIDEO_TO_VIDEO = "video_to_video", "Video-to-video (WanVideoToVideoPipeline)"
    VACE = "vace", "VACE: references, extension, region edit (WanVACEPipeline)"
    IMAGE_TO_VIDEO = "image_to_video", "Image-to-video (WanImageToVideoPipeline)"
    AUDIO_VIDEO = "audio_video", "Audio + video (LTX2Pipeline; the MP4 gets an AAC track)"


class VersionState(models.TextChoices):
    DRAFT = "draft"
    CANARY = "canary"
    LIVE = "live"
    RETIRED = "retired"


SERVED_STATES = (VersionState.CANARY, VersionState.LIVE)


def _default_gpu_speed() -> dict[str, float]:
    return {"h100": 1.0, "h200": 1.15, "a100": 0.55, "l40s": 0.45, "cpu": 1.0}


class CatalogModel(models.Model):
    """A model as clients name it. The table is `jobs_catalogmodel`."""

    id = models.CharField(primary_key=True, max_length=80, help_text="The name clients send as `model`.",
                          validators=[RegexValidator(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$",
                                                     "Letters, digits, '.', '_', ':' and '-'.")])
    description = models.CharField(max_length=300, blank=True, default="")
    aliases = models.JSONField(default=list, blank=True, help_text=(
        'Other names for this model\'s live version, e.g. ["kinema-video"]. An alias belongs to one model.'))
    owned_by = models.CharField(max_length=80, default="kinema")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        verbose_name = "catalog model"

    def __str__(self) -> str:
        return self.id

    def clean(self) -> None:
        if VERSION_SEPARATOR in self.id:
            raise ValidationError({"id": f"A model's name cannot contain '{VERSION_SEPARATOR}'."})
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) and a for a in self.aliases):
            raise ValidationError({"aliases": "A list of names."})
        for alias in self.aliases:
            taken = CatalogModel.objects.filter(models.Q(pk=alias) | models.Q(aliases__contains=[alias])).exclude(
                pk=self.pk).first()
            if taken is not None:
                raise ValidationError({"aliases": f"'{alias}' already names {taken.id}."})


class ModelVersion(models.Model):
    """One servable build of a model. Jobs point at the version that ran them (Job.model_version)."""

    model = models.ForeignKey(CatalogModel, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(max_length=40, help_text="e.g. '1' or '2026-11-01'; addressed as model@version.",
                               validators=[RegexValidator(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$",
                                                          "Letters, digits, '.', '_' and '-'.")])
    family = models.CharField(max_length=20, choices=Family.choices, default=Family.TEXT_TO_VIDEO)
    checkpoint = models.CharField(max_length=500, blank=True, default="", help_text=(
        "A diffusers checkpoint folder (or hub id already in the local cache). Empty: the KINEMA_MODEL setting."))
    vace_checkpoint = models.CharField(max_length=500, blank=True, default="", help_text=(
        "The VACE checkpoint for reference images, extensions and masked edits. Empty: KINEMA_VACE_MODEL."))
    description = models.CharField(max_length=300, blank=True, default="")

    # What it renders (a copy of a jobs/profiles.py template, made when the version is registered).
    resolutions = models.JSONField(default=dict, help_text=(
        'Native size per orientation: {"landscape": [W, H], "portrait": [W, H], "square": [W, H]}, multiples of 16.'))
    fps = models.PositiveSmallIntegerField(default=16)
    default_steps = models.PositiveSmallIntegerField(default=50)
    max_seconds = models.PositiveSmallIntegerField(default=20)
    max_sequence_length = models.PositiveSmallIntegerField(default=512)

    # What it can do.
    supports_reference_image = models.BooleanField(default=True)
    supports_extend = models.BooleanField(default=True)
    supports_edit = models.BooleanField(default=True)
    supports_audio = models.BooleanField(default=False)

    # What it costs.
    gpu_memory_mb = models.PositiveIntegerField(default=8000, help_text="Weights plus a 5 s clip's activations' "
                                                "fixed part (the scheduler adds the per-clip part).")
    activation_memory_mb = models.PositiveIntegerField(default=6000)
    ref_gpu_seconds = models.FloatField(default=60.0, help_text="GPU-seconds of a 5 s landscape clip at default "
                                                                "steps on the reference class (h100 = 1.0).")
    gpu_speed = models.JSONField(default=_default_gpu_speed, blank=True,
                                 help_text="Relative speed per GPU class (reference 1.0).")
    price_factor = models.FloatField(default=1.0, help_text="Credits = the base price x this.")

    # Rollout.
    state = models.CharField(max_length=10, choices=VersionState.choices, default=VersionState.DRAFT)
    state_reason = models.CharField(max_length=300, blank=True, default="")
    state_changed_at = models.DateTimeField(default=timezone.now)
    canary_share = models.FloatField(default=0.1, help_text="As a canary: the share of eligible users (0-1) "
                                                            "it serves, sticky per user.")
    canary_gpu_seconds_per_hour = models.FloatField(default=600.0, help_text=(
        "As a canary: GPU-seconds it may use in any hour (recorded runs plus the estimates of jobs not run yet); "
        "beyond it requests go to the live version."))
    rollback_margin = models.FloatField(default=0.1, help_text=(
        "Automatic rollback when the canary's failure or NaN rate exceeds the live version's by more than this."))
    rollback_min_sample = models.PositiveIntegerField(default=20, help_text=(
        "Finished canary jobs needed before the automatic rollback judges."))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["model_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["model", "version"], name="model_version_unique"),
            models.UniqueConstraint(fields=["model"], condition=models.Q(state="live"), name="one_live_version"),
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def public_id(self) -> str:
        return f"{self.model_id}{VERSION_SEPARATOR}{self.version}"

    def clean(self) -> None:
        if VERSION_SEPARATOR in self.version:
            raise ValidationError({"version": f"A version cannot contain '{VERSION_SEPARATOR}'."})
        try:
            sizes = self.native_sizes()
        except (TypeError, ValueError, KeyError):
            sizes = {}
        if set(sizes) != set(ORIENTATIONS) or any(w % 16 or h % 16 or w <= 0 or h <= 0 for w, h in sizes.values()):
            raise ValidationError({"resolutions": "Give [width, height] for landscape, portrait and square, "
                                                  "each a positive multiple of 16."})
        if not 0 <= self.canary_share <= 1:
            raise ValidationError({"canary_share": "Between 0 and 1."})
        if self.price_factor <= 0:
            raise ValidationError({"price_factor": "Above 0."})

    def native_sizes(self) -> dict[str, tuple[int, int]]:
        return {o: (int(self.resolutions[o][0]), int(self.resolutions[o][1])) for o in ORIENTATIONS}

    def profile(self) -> ModelProfile:
        """This version as a ModelProfile: the size mapping, frame count and cost model read it."""
        sizes = self.native_sizes()
        return ModelProfile(
            name=self.public_id, fps=self.fps, default_steps=self.default_steps, max_seconds=self.max_seconds,
            resolutions=sizes, extra_sizes={f"{w}x{h}": o for o, (w, h) in sizes.items()},
            max_sequence_length=self.max_sequence_length, ref_gpu_seconds=self.ref_gpu_seconds,
            base_memory_mb=self.gpu_memory_mb, activation_memory_mb=self.activation_memory_mb,
        )

    def capabilities(self) -> dict[str, bool]:
        return {"text_to_video": True, "reference_image": self.supports_reference_image,
                "extend": self.supports_extend, "edit": self.supports_edit, "remix": self.supports_edit,
                "audio": self.supports_audio}

    def sizes(self) -> list[str]:
        """The request sizes it takes: OpenAI's four and its native ones."""
        return list(dict.fromkeys([*OPENAI_SIZES, *self.profile().extra_sizes]))


def profile_fields(profile: ModelProfile) -> dict[str, Any]:
    """A profile template as ModelVersion field values."""
    return {"resolutions": {o: list(wh) for o, wh in profile.resolutions.items()}, "fps": profile.fps,
            "default_steps": profile.default_steps, "max_seconds": profile.max_seconds,
            "max_sequence_length": profile.max_sequence_length, "ref_gpu_seconds": profile.ref_gpu_seconds,
            "gpu_memory_mb": profile.base_memory_mb, "activation_memory_mb": profile.activation_memory_mb}


def seed_entries() -> list[dict[str, Any]]:
    """What a fresh install serves: the configured model (KINEMA_MODEL_NAME, its checkpoint left to the
    KINEMA_MODEL setting, the KINEMA_MODEL_PROFILE profile; alias kinema-video) and, on the tiny
    development setup, a second tiny build standing in for the 720p profile."""
    from django.conf import settings

    entries = [{"id": settings.KINEMA_MODEL_NAME, "aliases": [DEFAULT_ALIAS],
                "description": "The deployment's configured model (KINEMA_MODEL).",
                "version": {"version": "1", "checkpoint": "",
                            **profile_fields(PROFILES[settings.KINEMA_MODEL_PROFILE])}}]
    if settings.KINEMA_MODEL_PROFILE == "tiny":
        hd = str(Path(settings.KINEMA_MODEL).with_name(Path(settings.KINEMA_MODEL).name + "-hd"))
        entries.append({"id": settings.KINEMA_MODEL_NAME + "-hd", "aliases": [],
                        "description": "A second tiny random-weight build at 720p's shapes (stands in for Wan2.1 "
                                       "14B 720p).",
                        "version": {"version": "1", "checkpoint": hd, "price_factor": 1.5,
                                    **profile_fields(PROFILES["tiny-hd"])}})
    return entries


AUDIO_VIDEO_SUFFIX = "-av"


def audio_video_entry() -> dict[str, Any] | None:
    """The tiny development setup's audio+video model (the tiny LTX-2 build beside the tiny Wan, -ltx2), which
    `make run` registers (seed_demo) so the studio's picker offers a model with sound; None elsewhere. A real
    LTX-2 checkpoint is registered in the admin: family audio_video, the checkpoint folder, the ltx2 profile's
    sizes, audio on, reference image / extend / edit off (README.md, the model catalog)."""
    from django.conf import settings

    if settings.KINEMA_MODEL_PROFILE != "tiny":
        return None
    checkpoint = Path(settings.KINEMA_MODEL).with_name(Path(settings.KINEMA_MODEL).name + "-ltx2")
    return {"id": settings.KINEMA_MODEL_NAME + AUDIO_VIDEO_SUFFIX, "aliases": [],
            "description": "A tiny random-weight LTX-2 build: video with a soundtrack (stands in for LTX-2).",
            "version": {"version": "1", "checkpoint": str(checkpoint), "family": Family.AUDIO_VIDEO,
                        "supports_audio": True, "supports_reference_image": False, "supports_extend": False,
                        "supports_edit": False, "price_factor": 1.2, **profile_fields(PROFILES["tiny-av"])}}


def ensure_audio_video_model() -> bool:
    """Register the audio+video entry if it is missing (never changes an existing one). True if it made it."""
    entry = audio_video_entry()
    if entry is None or CatalogModel.objects.filter(pk=entry["id"]).exists():
        return False
    model = CatalogModel.objects.create(pk=entry["id"], aliases=entry["aliases"], description=entry["description"])
    ModelVersion.objects.create(model=model, state=VersionState.LIVE, state_reason="seeded", **entry["version"])
    return True


def ensure_catalog(model_cls: Any = None, version_cls: Any = None) -> int:
    """Create the seed entries that are missing (never changes existing ones). Returns how many models it
    created. Called by the data migration (with its historical classes) and whenever a request finds the
    catalog empty (a test flush)."""
    model_cls = model_cls or CatalogModel
    version_cls = version_cls or ModelVersion
    # The data migration passes its historical class: a field added to ModelVersion later is not there
    # yet (it gets its default when its own migration runs), so only the fields the class has are set.
    known = {f.name for f in version_cls._meta.get_fields()}
    created = 0
    for entry in seed_entries():
        model, made = model_cls.objects.get_or_create(pk=entry["id"], defaults={
            "aliases": [a for a in entry["aliases"]
                        if not model_cls.objects.filter(aliases__contains=[a]).exists()],
            "description": entry["description"]})
        if made:
            created += 1
            version_cls.objects.create(model=model, state=VersionState.LIVE, state_reason="seeded",
                                       **{k: v for k, v in entry["version"].items() if k in known})
    return created
