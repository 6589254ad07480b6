"""Structured logs: JSON lines carrying the job, user and attempt of the work in progress."""

from __future__ import annotations

import io
import json
import logging

import pytest

from jobs.actor_logs import job_context
from jobs.models import JobState as S
from tests.test_lifecycle import make_job
from webapp.logs import ContextFilter, JsonFormatter, log_context


@pytest.mark.django_db
def test_json_logs_carry_job_user_and_attempt(make_user) -> None:
    user, _ = make_user("logged")
    job = make_job(user, S.RUNNING, attempt=2)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("kinema.test")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    @job_context
    def actor(job_id: str, attempt: int) -> None:
        logger.info("working on it")

    try:
        actor(job.id, 2)
        with log_context(stage="outside"):
            logger.warning("no job")
    finally:
        logger.removeHandler(handler)
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["message"] == "working on it" and first["level"] == "info"
    assert (first["job_id"], first["user_id"], first["attempt"]) == (job.id, user.pk, 2)
    assert second["stage"] == "outside" and "job_id" not in second
