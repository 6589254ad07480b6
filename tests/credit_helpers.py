"""Steps the credit tests share: an API client for a key, and a job walked to `finalizing` by hand."""

from __future__ import annotations

from rest_framework.test import APIClient

from jobs import lifecycle
from jobs.models import JobState as S


def client_for(key: str) -> APIClient:
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return c


def to_finalizing(job_id: str) -> int:
    """Walk a job to `finalizing` by hand, in one transaction, so that a dispatcher or CPU worker of a
    test stack running in the background never sees it half-way (nor gets a finalize message)."""
    from django.db import transaction

    with transaction.atomic():
        assert lifecycle.accept_after_screening(job_id)
        d = lifecycle.dispatch(job_id, None, "gpu.nobody")
        assert d and lifecycle.claim(job_id, d.attempt, d.lease_token)
        assert lifecycle.transition(job_id, S.FINALIZING, expect=[S.RUNNING], fence_token=d.lease_token)
    return d.attempt
