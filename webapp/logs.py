"""Structured logs: one JSON object per line, carrying the job id, user id and attempt of the work
in progress (set with `log_context`; jobs/actor_logs.py sets it for every job actor), so a job's
story can be followed across processes.

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


class AsWarning(logging.Filter):
    """Records at ERROR and above from this logger become warnings: Django logs every request whose Host header
    ALLOWED_HOSTS refuses (`django.security.DisallowedHost`) at ERROR, so any scanner on the internet could page
    whoever watches errors; the 400 is the answer working, and the record stays in the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
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
