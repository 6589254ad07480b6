"""A storage backend that can be made slow or failing at run time, for fault-injection tests and
bench/faults.py. Never configured in production (settings only use it when
KINEMA_STORAGE_FAULT_FILE is set).

Every process reads the fault from one small JSON file before each storage call, so a test or the
bench turns a fault on and off for the whole running stack by writing that file:

    {"delay_s": 3}        every call sleeps 3 s first (an overloaded store)
    {"down": true}        every call raises ConnectionError (a store that refuses)
    {"fail_next": 2}      the next 2 calls in each process raise, then calls succeed (a blip)
    {} or no file         no fault
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.files.storage import FileSystemStorage


def write_fault(path: str | Path, **fault: Any) -> None:
    """Set the fault every process sees from now on (atomically: readers never see half a file)."""
    path = Path(path)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(fault))
    tmp.replace(path)


class FaultyStorage(FileSystemStorage):
    """FileSystemStorage with injected slowness or failure.

    Parameters:
      fault_file(str): the JSON file described in the module docstring.
      (the rest): those of FileSystemStorage (`location`, ...).
    """

    def __init__(self, fault_file: str = "", **options: Any) -> None:
        super().__init__(**options)
        self.fault_file = Path(fault_file) if fault_file else None
        self._failures_taken: dict[str, int] = {}
        self._lock = threading.Lock()

    def _fault(self) -> dict[str, Any]:
        if self.fault_file is None:
            return {}
        try:
            return json.loads(self.fault_file.read_text() or "{}")
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    def inject(self) -> None:
        fault = self._fault()
        if fault.get("delay_s"):
            time.sleep(float(fault["delay_s"]))
        if fault.get("down"):
            raise ConnectionError("injected storage outage")
        if fault.get("fail_next"):
            marker = json.dumps(fault, sort_keys=True)
            with self._lock:
                taken = self._failures_taken.get(marker, 0)
                if taken < int(fault["fail_next"]):
                    self._failures_taken[marker] = taken + 1
                    raise ConnectionError("injected storage failure")

    def open(self, name: str, mode: str = "rb") -> File:
        self.inject()
        return super().open(name, mode)

    def save(self, name: str | None, content: Any, max_length: int | None = None) -> str:
        self.inject()
        return super().save(name, content, max_length)

    def delete(self, name: str) -> None:
        self.inject()
        super().delete(name)

    def exists(self, name: str) -> bool:
        self.inject()
        return super().exists(name)

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        self.inject()
        return super().listdir(path)
