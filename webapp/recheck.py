"""When a per-process copy of some database rows must be read again (the request path's safety policy,
safety/policy.py; its model catalog, jobs/rollout.py): at most `max_age_s` after it was read, and at once after
one of those rows was saved or deleted in this process. An edit is counted when it is made and once more when it
commits, so a read that happened in between (which still saw the old rows) is not trusted."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save


class RecheckGate:
    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock  # a callable of the module that owns the copy, so a test can move that one's time
        self._lock = threading.Lock()
        self._edits = 0

    def mark(self) -> tuple[float, int]:
        """Take before reading the rows; keep it with the copy."""
        return self._clock(), self._edits

    def fresh(self, mark: tuple[float, int], max_age_s: float) -> bool:
        """Whether a copy read at `mark` may still be used."""
        read_at, edits = mark
        return max_age_s > 0 and edits == self._edits and self._clock() - read_at < max_age_s

    def count_edit(self) -> None:
        with self._lock:
            self._edits += 1

    def changed(self, using: str | None = None) -> None:
        """One of the rows changed in this process (a save, a delete, or a bulk UPDATE that sends no signal)."""
        self.count_edit()
        transaction.on_commit(self.count_edit, using=using)

    def watch(self, *models: type[Any], uid: str) -> None:
        """Count every save and delete of these models' rows in this process."""
        for model in models:
            post_save.connect(self._on_signal, sender=model, dispatch_uid=f"{uid}-{model.__name__}-save")
            post_delete.connect(self._on_signal, sender=model, dispatch_uid=f"{uid}-{model.__name__}-delete")

    def _on_signal(self, sender: type[Any], **kwargs: Any) -> None:
        self.changed(kwargs.get("using"))
