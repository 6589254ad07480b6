"""Job bytes in object storage, addressed by key through Django's storage API (filesystem or S3).

Writes are atomic for readers whatever the backend: bytes go to a fresh key, then the Artifact row
(the only way anyone finds them) is switched to it in one UPDATE, then the previous key is deleted.
A crash can leave unreferenced bytes behind but never a half-written artifact that is read; those
leftovers are removed by `sweep_job_storage` when the job ends (and by the reconciler).
"""

from __future__ import annotations

import secrets

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


def job_prefix(job_id: str) -> str:
    return f"jobs/{job_id}/"


def put_artifact(job_id: str, kind: str, data: bytes, content_type: str, ext: str | None = None) -> Artifact:
    """Store a new version of the job's `kind` artifact and point the record at it."""
    key = f"{job_prefix(job_id)}{kind}-{secrets.token_hex(6)}.{ext or EXTENSIONS.get(kind, 'bin')}"
    saved = default_storage.save(key, ContentFile(data))
    previous = Artifact.objects.filter(job_id=job_id, kind=kind).values_list("key", "deleted_at").first()
    values = {"key": saved, "content_type": content_type, "size_bytes": len(data), "created_at": timezone.now(),
              "deleted_at": None}
    try:
        with transaction.atomic():
            art, _ = Artifact.objects.update_or_create(job_id=job_id, kind=kind, defaults=values)
    except IntegrityError:  # a concurrent writer created the row first: take it over
        art, _ = Artifact.objects.update_or_create(job_id=job_id, kind=kind, defaults=values)
    if previous and previous[0] != saved:
        _delete_key(previous[0])
    return art


def read_artifact(art: Artifact) -> bytes:
    with default_storage.open(art.key, "rb") as fh:
        return fh.read()


def _delete_key(key: str) -> None:
    if default_storage.exists(key):
        default_storage.delete(key)


def delete_artifact(art: Artifact) -> None:
    _delete_key(art.key)
    Artifact.objects.filter(pk=art.pk).update(deleted_at=timezone.now())


def live_artifact(job_id: str, kind: str) -> Artifact | None:
    return Artifact.objects.filter(job_id=job_id, kind=kind, deleted_at__isnull=True).first()


def drop_artifact(job_id: str, kind: str) -> None:
    art = live_artifact(job_id, kind)
    if art is not None:
        delete_artifact(art)


def stored_keys(job_id: str) -> list[str]:
    try:
        _, files = default_storage.listdir(job_prefix(job_id))
    except (FileNotFoundError, NotImplementedError):
        return []
    return [f"{job_prefix(job_id)}{name}" for name in files]


def sweep_job_storage(job_id: str) -> list[str]:
    """Delete bytes under the job's prefix that no live artifact points at. Returns what was removed."""
    live = set(Artifact.objects.filter(job_id=job_id, deleted_at__isnull=True).values_list("key", flat=True))
    removed = [key for key in stored_keys(job_id) if key not in live]
    for key in removed:
        _delete_key(key)
    return removed
