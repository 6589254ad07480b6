"""Log context for job actors: every line an actor logs carries its job id, user id and attempt.

The formatting and the context variable are the ground floor's (webapp/logs.py); this part reads
the job's owner, so it lives with the jobs.
"""

from __future__ import annotations

import functools
from typing import Any

from jobs.models import Job
from webapp.logs import log_context


def job_context(fn: Any) -> Any:
    """For actors taking (job_id, [attempt, ...]): their log lines carry job id, user id and attempt."""

    @functools.wraps(fn)
    def wrapper(job_id: str, *args: Any, **kwargs: Any) -> Any:
        attempt = args[0] if args and isinstance(args[0], int) else None
        user_id = Job.objects.filter(pk=job_id).values_list("user_id", flat=True).first()
        with log_context(job_id=job_id, user_id=user_id, attempt=attempt):
            return fn(job_id, *args, **kwargs)

    return wrapper
