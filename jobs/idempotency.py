"""Idempotency keys with Stripe's semantics, for POST requests.

The first request with a key inserts (user, key, fingerprint) *in the same transaction* as its
effects and stores its response there too. A concurrent request with the same key blocks on the
unique index until that transaction ends, then finds the stored response and replays it: twenty
identical requests at once make one job. The same key with other parameters gets 422. Requests
that fail with a 4xx roll back with their key, so the client may fix and retry. Keys live 24 h.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from rest_framework.request import Request
from rest_framework.response import Response

from jobs.api.errors import APIError, invalid
from jobs.models import IdempotencyKey

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
KEY_TTL = timedelta(hours=24)
CLAIM_TRIES = 5  # a key another request holds and then rolls back is tried again, this many times in all


def fingerprint(request: Request) -> str:
    data: dict[str, Any] = {}
    if hasattr(request.data, "lists"):
        data = {k: v for k, v in request.data.lists() if k not in request.FILES}
    elif isinstance(request.data, dict):
        data = request.data
    return _digest(request, data)


def _digest(request: Any, data: dict[str, Any]) -> str:
    """SHA-256 of what a request asks for: method, path, its fields and its uploads' own digests."""
    files = {}
    for name, upload in request.FILES.items():
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        files[name] = digest.hexdigest()
    canonical = json.dumps({"method": request.method, "path": request.path, "data": data, "files": files},
                           sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def run_idempotently(request: Request, handler: Callable[[], Response]) -> Response:
    key = request.headers.get(HEADER)
    if key is None:
        return handler()
    if not key or len(key) > MAX_KEY_LENGTH:
        raise invalid(f"{HEADER} must be 1 to {MAX_KEY_LENGTH} characters.", HEADER, "invalid_idempotency_key")
    responses: list[Response] = []

    def respond() -> tuple[int, Any]:
        responses.append(handler())
        return responses[-1].status_code, responses[-1].data

    try:
        status_code, body, replayed = run_once(request.user, key, fingerprint(request), respond)
    except IdempotencyConflict:
        raise APIError(f"Keys for idempotent requests can only be used with the same parameters they were "
                       f"first used with. Use a new {HEADER}.", status_code=422, type="idempotency_error",
                       code="idempotency_error") from None
    if not replayed:
        return responses[-1]
    replay = Response(body, status=status_code)
    replay["Idempotent-Replayed"] = "true"
    return replay


class IdempotencyConflict(Exception):
    """The key was already used for a request with other parameters."""


def run_once(user: Any, key: str, digest: str, handler: Callable[[], tuple[int, Any]]) -> tuple[int, Any, bool]:
    """Run `handler` (returning a status code and a JSON-able body) once per (user, key), in one
    transaction with the key's row: (status code, body, replayed). A concurrent or later repeat with the
    same digest gets the stored result; with another digest, IdempotencyConflict. An error in the handler
    rolls the key back with its effects, so the request may be corrected and sent again."""
    IdempotencyKey.objects.filter(user=user, key=key, created_at__lt=timezone.now() - KEY_TTL).delete()
    for _ in range(CLAIM_TRIES):
        with transaction.atomic():
            try:
                with transaction.atomic():  # only the key's own unique constraint is caught here
                    record = IdempotencyKey.objects.create(user=user, key=key, request_hash=digest)
            except IntegrityError:
                record = None  # taken by a request that committed, or one still running (we waited for it)
            if record is not None:
                record.status_code, record.body = handler()
                record.save(update_fields=["status_code", "body"])
                return record.status_code, record.body, False
        existing = IdempotencyKey.objects.filter(user=user, key=key).first()
        if existing is None:  # the other request failed and rolled back: we may go ahead
            continue
        if existing.request_hash != digest:
            raise IdempotencyConflict
        return existing.status_code, existing.body, True
    raise APIError("Other requests with this Idempotency-Key keep failing while this one waits; send it again.",
                   status_code=409, type="idempotency_error", code="idempotency_key_busy")


# --- one-time tokens of server-rendered forms ------------------------------------------------------
# The studio's forms carry a token rendered into the page (FORM_TOKEN_FIELD). A submission runs once per
# (user, token), in the same table and with the same guarantees as the API's Idempotency-Key: a double
# click, a resent POST or two tabs racing make one job and one charge, and the repeat gets the first
# one's result. It needs no JavaScript.

FORM_TOKEN_FIELD = "submission_token"
FORM_KEY_PREFIX = "form:"  # keeps form tokens apart from keys API clients choose
_FORM_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def new_form_token() -> str:
    return secrets.token_urlsafe(24)


def form_key(request: HttpRequest) -> str | None:
    """The idempotency key of a form POST, or None when its token is missing or malformed."""
    token = request.POST.get(FORM_TOKEN_FIELD, "")
    return FORM_KEY_PREFIX + token if _FORM_TOKEN.fullmatch(token) else None


def form_fingerprint(request: HttpRequest) -> str:
    """What the form asked for: path, fields (not the CSRF or one-time token) and uploaded files' digests."""
    data = {k: v for k, v in request.POST.lists() if k not in {"csrfmiddlewaretoken", FORM_TOKEN_FIELD}}
    return _digest(request, data)


def form_replay(user: Any, key: str, digest: str) -> dict[str, Any] | None:
    """The stored outcome of an earlier submission with this key, or None; IdempotencyConflict when the
    key came with other values. Lets a repeat skip all work (and its side effects) before starting."""
    existing = IdempotencyKey.objects.filter(user=user, key=key, created_at__gte=timezone.now() - KEY_TTL).first()
    if existing is None:
        return None
    if existing.request_hash != digest:
        raise IdempotencyConflict
    return existing.body


def run_form_once(user: Any, key: str, digest: str,
                  handler: Callable[[], dict[str, Any]]) -> tuple[dict[str, Any], bool]:
    """`run_once` for a form: (outcome, replayed), the outcome being what `handler` returned the first time."""
    _, outcome, replayed = run_once(user, key, digest, lambda: (200, handler()))
    return outcome, replayed
