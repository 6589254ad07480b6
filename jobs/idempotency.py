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
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.request import Request
from rest_framework.response import Response

from jobs.api.errors import APIError, invalid
from jobs.models import IdempotencyKey

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
KEY_TTL = timedelta(hours=24)


def fingerprint(request: Request) -> str:
    data: dict[str, Any] = {}
    if hasattr(request.data, "lists"):
        data = {k: v for k, v in request.data.lists() if k not in request.FILES}
    elif isinstance(request.data, dict):
        data = request.data
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
    user = request.user
    digest = fingerprint(request)
    IdempotencyKey.objects.filter(user=user, key=key, created_at__lt=timezone.now() - KEY_TTL).delete()
    try:
        with transaction.atomic():
            record = IdempotencyKey.objects.create(user=user, key=key, request_hash=digest)
            response = handler()
            record.status_code, record.body = response.status_code, response.data
            record.save(update_fields=["status_code", "body"])
    except IntegrityError:
        existing = IdempotencyKey.objects.filter(user=user, key=key).first()
        if existing is None:  # the other request failed and rolled back: we may go ahead
            return run_idempotently(request, handler)
        if existing.request_hash != digest:
            raise APIError(f"Keys for idempotent requests can only be used with the same parameters they were "
                           f"first used with. Use a new {HEADER}.", status_code=422, type="idempotency_error",
                           code="idempotency_error") from None
        replay = Response(existing.body, status=existing.status_code)
        replay["Idempotent-Replayed"] = "true"
        return replay
    return response
