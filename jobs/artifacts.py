"""Job bytes in object storage, addressed by key through Django's storage API (filesystem or S3)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from jobs.models import Artifact

EXTENSIONS = {
    Artifact.Kind.VIDEO: "mp4",
    Artifact.Kind.THUMBNAIL: "jpg",
    Artifact.Kind.SPRITESHEET: "jpg",
    Artifact.Kind.FRAMES: "npy",
    Artifact.Kind.PREVIEW: "jpg",
    Artifact.Kind.CHECKPOINT: "pt",
}


def artifact_key(job_id: str, kind: str, ext: str | None = None) -> str:
    return f"jobs/{job_id}/{kind}.{ext or EXTENSIONS.get(kind, 'bin')}"


def put_artifact(job_id: str, kind: str, data: bytes, content_type: str, ext: str | None = None) -> Artifact:
    """Write bytes under a deterministic key (replacing any earlier version) and record it.

    Re-running a stage rewrites the same key, so retries never leave orphans behind.
    """
    key = artifact_key(job_id, kind, ext)
    if default_storage.exists(key):
        default_storage.delete(key)
    saved = default_storage.save(key, ContentFile(data))
    assert saved == key, f"storage renamed {key} to {saved}"
    values = {"key": key, "content_type": content_type, "size_bytes": len(data), "created_at": timezone.now(),
              "deleted_at": None}
    try:
        with transaction.atomic():
            art, _ = Artifact.objects.update_or_create(job_id=job_id, kind=kind, defaults=values)
    except IntegrityError:  # a concurrent writer created it first: take theirs, update it
        art, _ = Artifact.objects.update_or_create(job_id=job_id, kind=kind, defaults=values)
    return art


def read_artifact(art: Artifact) -> bytes:
    with default_storage.open(art.key, "rb") as fh:
        return fh.read()


def delete_artifact(art: Artifact) -> None:
    if default_storage.exists(art.key):
        default_storage.delete(art.key)
    Artifact.objects.filter(pk=art.pk).update(deleted_at=timezone.now())


def live_artifact(job_id: str, kind: str) -> Artifact | None:
    return Artifact.objects.filter(job_id=job_id, kind=kind, deleted_at__isnull=True).first()
