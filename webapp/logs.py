"""Structured logs: one JSON object per line, carrying the job id, user id and attempt of the work
in progress (set with `log_context` by the actors), so a job's story can be followed across processes.

KINEMA_LOG_FORMAT=json (the default) or plain (for reading in a terminal).
"""

from __future__ import annotations

import contextvars
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

_context: contextvars.ContextVar[dict[str, Any]] = contextvars.ContextVar("kinema_log_context", default={})  # noqa: B039


@contextmanager
def log_context(**fields: Any) -> Iterator[None]:
    token = _context.set({**_context.get(), **{k: v for k, v in fields.items() if v is not None}})
    try:
        yield
    finally:
        _context.reset(token)


class ContextFilter(logging.Filter):
    """Copies the current job context onto every record (plain format shows it too)."""

    def filter(self, record: logging.LogRecord) -> bool:
        ctx = _context.get()
        record.ctx = " ".join(f"{k}={v}" for k, v in ctx.items())
        record.context = ctx
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage(),
            **getattr(record, "context", {}),
        }
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def job_context(fn: Any) -> Any:
    """For actors taking (job_id, [attempt, ...]): their log lines carry job id, user id and attempt."""
    import functools

    @functools.wraps(fn)
    def wrapper(job_id: str, *args: Any, **kwargs: Any) -> Any:
        from jobs.models import Job

        attempt = args[0] if args and isinstance(args[0], int) else None
        user_id = Job.objects.filter(pk=job_id).values_list("user_id", flat=True).first()
        with log_context(job_id=job_id, user_id=user_id, attempt=attempt):
            return fn(job_id, *args, **kwargs)

    return wrapper
