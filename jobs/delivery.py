"""Serving a job's stored bytes (MP4, poster, spritesheet, preview) to its owner over HTTP.

Three ways, by KINEMA_DELIVERY:

- `stream` (the filesystem default): the web process answers with the bytes itself, with byte ranges
  (206, so a `<video>` element seeks and a download resumes), a strong ETag and Last-Modified, and
  conditional GETs (304). On gunicorn the body goes out with sendfile(2), from the range's offset.
- `redirect` (the S3 default): a 302 to a presigned GET URL that lives KINEMA_DELIVERY_URL_TTL_S, so
  bytes never pass through the web tier; the object store answers ranges itself. With
  KINEMA_DELIVERY_PUBLIC_BASE_URL the URL's origin becomes a CDN's, which forwards path and query to
  the bucket (the signature covers the bucket's host, which the CDN sends to its origin).
- `accel`: an empty answer with `X-Accel-Redirect: KINEMA_ACCEL_REDIRECT_PREFIX<key>` for nginx in
  front of a filesystem store: nginx sends the file (ranges included), the web thread is free at once.

Every way checks the owner, the state, retention and takedowns in the view first; access stays per
request. An artifact's key is new for every version written (jobs/artifacts.py), so an ETag derived from
the key and size is a strong validator without reading the bytes. Answers are `Cache-Control: private`
(owner content: shared caches never keep it) and `no-cache` (a browser revalidates, a cheap 304, so with
`stream` and `accel` a deleted or taken-down video stops at once); a redirect is `no-store` (its URL
expires). With `redirect` the check guards the issuing of a URL, not its use, so a takedown also moves the
video's published objects to new keys (`revoke_issued_urls`, on the CPU worker right after the takedown
commits): a presigned URL handed out before it was signed for the old key and fails at the store from then
on, while the bytes are kept (a takedown is reversible; a restore serves the new keys). A deletion removes
the bytes, so its old URLs fail as soon as the object is gone; one that keeps them for an open review case
(jobs.retention.held_for_review) moves them to new keys as a takedown does.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from typing import IO, Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import storages
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.http.response import HttpResponseBase
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe, quote_etag

from jobs.artifacts import delete_key, lock_job_storage, new_key, open_artifact, storage_call
from jobs.models import Artifact

log = logging.getLogger(__name__)
STREAM, REDIRECT, ACCEL = "stream", "redirect", "accel"
MODES = ("auto", STREAM, REDIRECT, ACCEL)
CACHE_CONTROL = "private, no-cache"
REDIRECT_CACHE_CONTROL = "private, no-store"
BLOCK_SIZE = 256 * 1024
_SINGLE_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)


def delivery_mode() -> str:
    mode = settings.KINEMA_DELIVERY
    if mode not in MODES:
        raise ValueError(f"KINEMA_DELIVERY must be one of {', '.join(MODES)}; got {mode!r}")
    if mode == "auto":
        return REDIRECT if _presigning_storage() else STREAM
    return mode


def _presigning_storage() -> bool:
    try:
        from storages.backends.s3 import S3Storage
    except ImportError:  # django-storages is a dependency; without it there is no S3 to presign for
        return False
    return isinstance(storages["default"], S3Storage)


def etag_for(art: Artifact) -> str:
    digest = hashlib.blake2b(art.key.encode(), digest_size=8).hexdigest()
    return quote_etag(f"{digest}-{art.size_bytes}")


class ByteRange:
    """One satisfiable range of a representation `size` bytes long: [start, end] inclusive."""

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end

    @property
    def length(self) -> int:
        return self.end - self.start + 1


class RangeNotSatisfiable(Exception):
    pass


# More digits than any file's size has: read as this (past the end of every file) rather than converted, which
# Python refuses beyond 4,300 digits and which would cost time well before that.
_POSITION_DIGITS = 18
_FAR_PAST_THE_END = 10**_POSITION_DIGITS


def _byte_position(digits: str) -> int:
    stripped = digits.lstrip("0") or "0"
    return int(stripped) if len(stripped) <= _POSITION_DIGITS else _FAR_PAST_THE_END


def parse_range(header: str, size: int) -> ByteRange | None:
    """The range a `Range` header asks for, None for the whole representation (no header).
    Only one range is served: several (multipart/byteranges), a syntax error, a unit other than bytes or a
    range past the end raise RangeNotSatisfiable (416 with `Content-Range: bytes */size`)."""
    if not header:
        return None
    match = _SINGLE_RANGE.match(header)
    if match is None:
        raise RangeNotSatisfiable(header)
    first, last = match.groups()
    if first == "" and last == "":
        raise RangeNotSatisfiable(header)
    if first == "":  # suffix: the last N bytes
        suffix = _byte_position(last)
        if suffix == 0 or size == 0:
            raise RangeNotSatisfiable(header)
        return ByteRange(max(0, size - suffix), size - 1)
    start = _byte_position(first)
    end = size - 1 if last == "" else min(_byte_position(last), size - 1)
    if start >= size or (last != "" and _byte_position(last) < start):
        raise RangeNotSatisfiable(header)
    return ByteRange(start, end)


def _if_range_allows(request: HttpRequest, etag: str, last_modified: int) -> bool:
    """If-Range: serve the range only if the client's copy is this version (strong ETag, or the exact date)."""
    value = request.headers.get("If-Range", "").strip()
    if not value:
        return True
    if value.startswith('"'):
        return value == etag
    if value.startswith("W/"):
        return False  # weak validators never match If-Range
    return parse_http_date_safe(value) == last_modified


class FileSlice:
    """`length` bytes of an open file from its current offset: read() stops there. fileno() (when the file
    has one) lets gunicorn sendfile(2) it: it sends Content-Length bytes from the descriptor's offset."""

    def __init__(self, file: IO[bytes], length: int) -> None:
        self._file = file
        self._left = length

    def read(self, size: int = -1) -> bytes:
        if self._left <= 0:
            return b""
        want = self._left if size is None or size < 0 else min(size, self._left)
        data = self._file.read(want)
        self._left -= len(data)
        return data

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        self._file.close()


def _headers(art: Artifact, etag: str, last_modified: int, filename: str | None) -> dict[str, str]:
    headers = {"ETag": etag, "Last-Modified": http_date(last_modified), "Cache-Control": CACHE_CONTROL,
               "Accept-Ranges": "bytes", "Content-Type": art.content_type or "application/octet-stream"}
    if filename:
        headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return headers


def range_not_satisfiable(size: int, headers: dict[str, str]) -> JsonResponse:
    body = {"error": {"message": "The Range header asks for bytes this file does not have, or for several ranges "
                                 "(one range per request is served).", "type": "invalid_request_error",
                      "param": "Range", "code": "range_not_satisfiable"}}
    kept = {k: v for k, v in headers.items() if k in ("ETag", "Last-Modified", "Cache-Control", "Accept-Ranges")}
    return JsonResponse(body, status=416, headers={**kept, "Content-Range": f"bytes */{size}"})


def content_missing(art: Artifact) -> JsonResponse:
    """A record whose bytes the store does not have (lost, or removed under it): a clear 404, and an error log."""
    log.error("artifact %s of %s (%s) points at %s, which the store does not have", art.pk, art.job_id, art.kind,
              art.key)
    body = {"error": {"message": "This file is missing from storage, so it cannot be downloaded. It has been "
                                 "logged for the operators; try again later or contact support.",
                      "type": "invalid_request_error", "param": None, "code": "content_missing"}}
    return JsonResponse(body, status=404, headers={"Cache-Control": "no-store"})


class ArtifactGone(Exception):
    """The record was dropped while its bytes were being opened (a job's previews at its end): nothing to serve,
    and nothing missing either."""


def serve_artifact(request: HttpRequest, art: Artifact, *, filename: str | None = None,
                   reread: Callable[[], Artifact | None] | None = None) -> HttpResponseBase:
    """The answer to a GET or HEAD for `art`'s bytes, by the configured delivery mode (module docstring).
    Storage slow or down while streaming: DependencyUnavailable from open_artifact, which the web tier
    answers with 503 storage_unavailable + Retry-After.

    `reread`: for an artifact rewritten while it is read (the latent preview, replaced every few steps: the new
    version is stored, the record repointed, the old bytes deleted). Bytes missing under a record that `reread`
    shows repointed are served from the new version, and under a record it shows dropped raise ArtifactGone;
    only bytes missing under an unchanged record are content_missing (logged for the operators)."""
    etag = etag_for(art)
    last_modified = int(art.created_at.timestamp())
    headers = _headers(art, etag, last_modified, filename)
    validators = HttpResponse(headers={k: v for k, v in headers.items() if k != "Content-Type"})
    conditional = get_conditional_response(request, etag=etag, last_modified=last_modified, response=validators)
    if conditional is not None and conditional is not validators:  # 304 Not Modified, or 412 (If-Match)
        return conditional
    mode = delivery_mode()
    if mode == REDIRECT:
        redirect = HttpResponseRedirect(presigned_url(art, filename))
        redirect["Cache-Control"] = REDIRECT_CACHE_CONTROL
        return redirect
    if mode == ACCEL:
        # nginx sends the file from its internal location, ranges included; the validators are ours.
        return HttpResponse(headers={**headers, "X-Accel-Redirect": settings.KINEMA_ACCEL_REDIRECT_PREFIX + art.key})
    # HEAD never opens the file; a GET opens it within the request deadline and takes its real size.
    try:
        opened = open_artifact(art) if request.method != "HEAD" else None
    except FileNotFoundError:
        if reread is not None:
            current = reread()
            if current is None:
                raise ArtifactGone from None
            if current.key != art.key:
                return serve_artifact(request, current, filename=filename)
        return content_missing(art)
    size = opened.size if isinstance(opened, File) else art.size_bytes
    try:
        wanted = parse_range(request.headers.get("Range", ""), size) if _if_range_allows(
            request, etag, last_modified) else None
    except RangeNotSatisfiable:
        if opened is not None:
            opened.close()
        return range_not_satisfiable(size, headers)
    status = 200 if wanted is None else 206
    length = size if wanted is None else wanted.length
    if wanted is not None:
        headers["Content-Range"] = f"bytes {wanted.start}-{wanted.end}/{size}"
    if opened is None:
        response = HttpResponse(status=status, headers=headers)
        response["Content-Length"] = str(length)
        return response
    body: Any = opened
    if wanted is not None:
        opened.seek(wanted.start)
        body = FileSlice(opened, wanted.length)
    streamed = FileResponse(body, status=status, content_type=headers["Content-Type"])
    streamed.block_size = BLOCK_SIZE  # read lazily, by the body's iterator and by the server's file wrapper
    for name, value in headers.items():
        streamed[name] = value
    streamed["Content-Length"] = str(length)
    return streamed


def presigned_url(art: Artifact, filename: str | None) -> str:
    """A GET URL for the object that the store honours for KINEMA_DELIVERY_URL_TTL_S (the object store's own
    Content-Type and Content-Disposition are overridden to ours), with the CDN's origin when one is set."""
    parameters = {"ResponseContentType": art.content_type or "application/octet-stream",
                  "ResponseCacheControl": CACHE_CONTROL}
    if filename:
        parameters["ResponseContentDisposition"] = f'inline; filename="{filename}"'
    from storages.backends.s3 import S3Storage

    store = storages["default"]
    if not isinstance(store, S3Storage):
        raise ValueError("KINEMA_DELIVERY=redirect needs S3 storage (KINEMA_S3_BUCKET)")
    url: str = store.url(art.key, parameters=parameters, expire=settings.KINEMA_DELIVERY_URL_TTL_S)
    base = settings.KINEMA_DELIVERY_PUBLIC_BASE_URL
    if base:
        public = urlsplit(base)
        signed = urlsplit(url)
        url = urlunsplit((public.scheme, public.netloc, public.path.rstrip("/") + signed.path, signed.query, ""))
    return url


# --- after a takedown: URLs already handed out ---------------------------------------------------------

PUBLISHED_KINDS = (Artifact.Kind.VIDEO, Artifact.Kind.THUMBNAIL, Artifact.Kind.SPRITESHEET)


def _copy_object(old: str, new: str) -> None:
    from storages.backends.s3 import S3Storage

    store = storages["default"]
    if not isinstance(store, S3Storage):
        raise ValueError("presigned URLs exist only on S3 storage (KINEMA_S3_BUCKET)")
    source = {"Bucket": store.bucket_name, "Key": store._normalize_name(old)}  # the bucket's key for the name
    store.bucket.Object(store._normalize_name(new)).copy_from(CopySource=source)  # server-side, no bytes here


def revoke_issued_urls(job_id: str) -> int:
    """Move the job's published objects (MP4, poster, spritesheet) to new keys, so that every presigned URL
    issued for them so far fails at the store; the bytes are kept. Only with `redirect` delivery (no other
    mode hands out URLs). Copies server-side, points the record at the copy (unless it changed meanwhile),
    then deletes the old object. Returns how many objects moved."""
    if delivery_mode() != REDIRECT:
        return 0
    moved = 0
    for art in Artifact.objects.filter(job_id=job_id, kind__in=PUBLISHED_KINDS, deleted_at__isnull=True):
        name = art.key.rsplit("/", 1)[-1]
        key = new_key(job_id, art.kind, name.rsplit(".", 1)[-1] if "." in name else None)
        # Under the job's row lock, which the clean-up sweep takes too: it never sees the copy unreferenced.
        with transaction.atomic():
            lock_job_storage(job_id)
            storage_call(_copy_object, art.key, key, retries=settings.KINEMA_STORAGE_RETRIES)
            # Conditional: deleted meanwhile (delete_artifact locks the row), or rewritten, the copy is not needed.
            repointed = Artifact.objects.filter(pk=art.pk, key=art.key, deleted_at__isnull=True).update(key=key)
        delete_key(art.key if repointed else key)
        moved += bool(repointed)
    return moved
