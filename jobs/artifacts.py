"""Job bytes in object storage, addressed by key through Django's storage API (filesystem or S3).

Writes are atomic for readers whatever the backend: bytes go to a fresh key, then the Artifact row
(the only way anyone finds them) is switched to it in one UPDATE, then the previous key is deleted.
A crash can leave unreferenced bytes behind but never a half-written artifact that is read; those
leftovers are removed by `sweep_job_storage` when the job ends (and by the reconciler).

Storage may be slow or down. Every call has a deadline (KINEMA_STORAGE_TIMEOUT_S; on the request
path KINEMA_STORAGE_REQUEST_TIMEOUT_S) and goes through
the "storage" circuit breaker (webapp/resilience.py). Writes and the reads of workers retry with
backoff (KINEMA_STORAGE_RETRIES attempts) and then raise, so the actor's own retry or requeue takes
over; a download opens its file within the deadline or raises DependencyUnavailable, which the web
tier answers with 503 `storage_unavailable` and Retry-After instead of holding a thread.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from typing import IO, Any, TypeVar

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from jobs.models import Artifact, Job
from webapp.resilience import STORAGE, CircuitBreaker, DependencyUnavailable, breaker

log = logging.getLogger(__name__)
T = TypeVar("T")


def _storage_errors() -> tuple[type[BaseException], ...]:
    errors: tuple[type[BaseException], ...] = (OSError, TimeoutError)
    try:
        from botocore.exceptions import BotoCoreError  # S3: connection errors, timeouts

        errors += (BotoCoreError,)
    except ImportError:
        pass
    return errors


def storage_breaker() -> CircuitBreaker:
    # A missing file is the storage answering; anything else OS- or network-level is an outage.
    return breaker(STORAGE, errors=_storage_errors(), ignore=(FileNotFoundError,))


def storage_call(fn: Callable[..., T], *args: Any, retries: int = 0, timeout_s: float | None = None) -> T:
    """fn(*args) against the object store, within the deadline (`timeout_s`, by default
    KINEMA_STORAGE_TIMEOUT_S), through the breaker; with
    `retries`, tried again after 0.5 s, 1 s, 2 s ... (at least the breaker's open period apart, so
    each retry can be the probe). Raises DependencyUnavailable when every attempt failed."""
    delay = 0.5
    for attempt in range(retries + 1):
        try:
            return storage_breaker().call(fn, *args, timeout_s=timeout_s or settings.KINEMA_STORAGE_TIMEOUT_S)
        except DependencyUnavailable:
            if attempt == retries:
                raise
            wait = max(delay, storage_breaker().open_for_s)
            log.warning("storage unavailable; retrying in %.1f s (attempt %d of %d)", wait, attempt + 2, retries + 1)
            time.sleep(wait)
            delay *= 2
    raise AssertionError("unreachable")

EXTENSIONS: dict[str, str] = {
    Artifact.Kind.VIDEO: "mp4",
    Artifact.Kind.THUMBNAIL: "jpg",
    Artifact.Kind.SPRITESHEET: "jpg",
    Artifact.Kind.FRAMES: "npy",
    Artifact.Kind.PREVIEW: "jpg",
    Artifact.Kind.CHECKPOINT: "pt",
}


def job_prefix(job_id: str) -> str:
    return f"jobs/{job_id}/"


def new_key(job_id: str, kind: str, ext: str | None = None) -> str:
    """A key no version of the job's `kind` artifact has had (each version is written under a new one)."""
    return f"{job_prefix(job_id)}{kind}-{secrets.token_hex(6)}.{ext or EXTENSIONS.get(kind, 'bin')}"


def store_bytes(job_id: str, kind: str, data: bytes, ext: str | None = None, *, on_request_path: bool = False) -> str:
    """Write `data` under a fresh key of the job's `kind` and return the key (nothing points at it yet).
    Workers retry with backoff; `on_request_path` (a web request waits) allows one try within
    KINEMA_STORAGE_REQUEST_TIMEOUT_S, so a hung store answers 503 storage_unavailable at once instead
    of holding the thread."""
    key = new_key(job_id, kind, ext)
    if on_request_path:
        return storage_call(default_storage.save, key, ContentFile(data),
                            timeout_s=settings.KINEMA_STORAGE_REQUEST_TIMEOUT_S)
    return storage_call(default_storage.save, key, ContentFile(data), retries=settings.KINEMA_STORAGE_RETRIES)


def lock_job_storage(job_id: str, **state: object) -> bool:
    """Take the job's row lock for the rest of the current transaction (optionally only while the row matches
    `state`, e.g. state=..., attempt=...): the writers that store bytes before a record points at them on a job that
    may have ended, and the clean-up sweep, serialise on it. False when no such row."""
    return Job.objects.select_for_update().filter(pk=job_id, **state).exists()


class JobMoved(Exception):
    """`put_artifact(while_in=...)`: the job left that state (another run of the same stage ended it first)."""


def put_artifact(job_id: str, kind: str, data: bytes, content_type: str, ext: str | None = None, *,
                 on_request_path: bool = False, while_in: tuple[str, int] | None = None) -> Artifact:
    """Store a new version of the job's `kind` artifact (`store_bytes`) and point the record at it.

    `while_in=(state, attempt)`: only while the job is still in that state and attempt (checked under the job's
    row lock, so the record cannot change after a transition out of it); otherwise the new bytes are deleted and
    JobMoved raised. A duplicate run of a stage that lost the race must not repoint a published clip: the clean-up
    that follows a job's end deletes bytes no record points at, which includes bytes the duplicate stored but had
    not yet pointed a record at."""
    saved = store_bytes(job_id, kind, data, ext, on_request_path=on_request_path)
    previous = Artifact.objects.filter(job_id=job_id, kind=kind).values_list("key", "deleted_at").first()
    values = {"key": saved, "content_type": content_type, "size_bytes": len(data), "created_at": timezone.now(),
              "deleted_at": None}

    def point() -> Artifact:
        with transaction.atomic():
            if while_in is not None and not lock_job_storage(job_id, state=while_in[0], attempt=while_in[1]):
                raise JobMoved(f"job {job_id} is no longer {while_in[0]} (attempt {while_in[1]})")
            art, _ = Artifact.objects.update_or_create(job_id=job_id, kind=kind, defaults=values)
            return art

    try:
        try:
            art = point()
        except IntegrityError:  # a concurrent writer created the row first: take it over
            art = point()
    except JobMoved:
        delete_key(saved)
        raise
    if previous and previous[0] != saved:
        delete_key(previous[0])
    return art


def _read(key: str) -> bytes:
    with default_storage.open(key, "rb") as fh:
        return fh.read()


def read_artifact(art: Artifact) -> bytes:
    return storage_call(_read, art.key, retries=settings.KINEMA_STORAGE_RETRIES)


def open_artifact(art: Artifact) -> IO[bytes]:
    """An open file for a download: within the deadline, no retries (the client gets 503 + Retry-After)."""
    return storage_call(default_storage.open, art.key, "rb", timeout_s=settings.KINEMA_STORAGE_REQUEST_TIMEOUT_S)


def _delete(key: str) -> None:
    if default_storage.exists(key):
        default_storage.delete(key)


def delete_key(key: str) -> None:
    """Delete stored bytes by key (gone already is fine), through the breaker, with retries."""
    storage_call(_delete, key, retries=settings.KINEMA_STORAGE_RETRIES)


def delete_artifact(art: Artifact) -> None:
    """Delete the bytes the record points at now (read under its row lock: a writer may have moved it to a new
    key since `art` was read), then mark it deleted. A failed delete leaves the record live, to be tried again."""
    with transaction.atomic():
        key = Artifact.objects.select_for_update().filter(pk=art.pk).values_list("key", flat=True).first()
        if key is None:
            return
        delete_key(key)
        Artifact.objects.filter(pk=art.pk).update(deleted_at=timezone.now())


def live_artifact(job_id: str, kind: str) -> Artifact | None:
    return Artifact.objects.filter(job_id=job_id, kind=kind, deleted_at__isnull=True).first()


def drop_artifact(job_id: str, kind: str) -> None:
    art = live_artifact(job_id, kind)
    if art is not None:
        delete_artifact(art)


def drop_previews(job_id: str) -> None:
    """Delete the job's latent preview: its live version and any earlier version's bytes (a preview is
    rewritten every few steps; a crash between writing one and switching the record can leave one)."""
    drop_artifact(job_id, Artifact.Kind.PREVIEW)
    stem = f"{job_prefix(job_id)}{Artifact.Kind.PREVIEW}-"
    for key in stored_keys(job_id):
        if key.startswith(stem):
            delete_key(key)


def stored_keys(job_id: str) -> list[str]:
    try:
        _, files = storage_call(default_storage.listdir, job_prefix(job_id))
    except (FileNotFoundError, NotImplementedError):
        return []
    return [f"{job_prefix(job_id)}{name}" for name in files]


def sweep_job_storage(job_id: str) -> list[str]:
    """Delete bytes under the job's prefix that no live artifact points at. Returns what was removed.

    Under the job's row lock, as every writer that stores bytes before pointing a record at them on a job that
    may already have ended holds it (jobs/delivery.py `revoke_issued_urls`; finalize's `put_artifact(while_in=)`
    stops at the lock once the job has moved on): their new bytes are never swept as leftovers."""
    with transaction.atomic():
        lock_job_storage(job_id)
        live = set(Artifact.objects.filter(job_id=job_id, deleted_at__isnull=True).values_list("key", flat=True))
        removed = [key for key in stored_keys(job_id) if key not in live]
        for key in removed:
            delete_key(key)
    return removed
