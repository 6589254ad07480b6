"""Running the suite on several processes (pytest-xdist; `make test` uses KINEMA_TEST_WORKERS of them, 2 by default).

Loaded by every pytest run (`-p tests.parallel` in pyproject.toml); it changes nothing without xdist.

- Each xdist worker gets its own Redis server, started here, at import, before pytest-django reads the settings:
  tests flush Redis, fill its queues, and some stop it and start it again (tests/test_degradation.py,
  tests/test_crash_recovery.py), which must not reach the other worker's tests. Each worker already has its own test
  database (pytest-django suffixes its name with the worker id) and its own media folder (tests/conftest.py).
- The test files that use the session stack (real dispatcher, GPU, CPU and webhook workers: the `stack` fixture) run
  on one worker, one after the other (`xdist_group("stack")`), so one stack serves them all as before; every other
  file runs whole on the worker that took it (its module fixtures are set up once, its tests run in order).
  `--dist loadgroup` hands out the largest group first: the stack's tests start at once and the other files fill the
  other worker meanwhile.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

WORKER = os.environ.get("PYTEST_XDIST_WORKER")


def _own_redis() -> None:
    from webapp.stack import EmbeddedRedis  # imports no Django

    os.environ.setdefault("KINEMA_SUITE_REDIS_URL", os.environ.get("REDIS_URL", ""))  # the run's own, for the record
    folder = Path(tempfile.mkdtemp(prefix=f"kinema-redis-{WORKER}-"))
    redis = EmbeddedRedis(folder, durable=False)
    os.environ["REDIS_URL"] = redis.start()
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    atexit.register(redis.stop)  # first (last registered, first run)


if WORKER:
    _own_redis()


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which turns the groups into work units
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not WORKER:
        return
    def file(item: pytest.Item) -> str:
        return item.nodeid.split("::", 1)[0]

    # A file with a stack test goes whole to the stack's worker: its tests share worker names, logs and ports and
    # were written to run one after the other.
    live = {file(item) for item in items if "stack" in getattr(item, "fixturenames", ())}
    slow = {file(item) for item in items if item.get_closest_marker("slow")}
    for item in items:
        if not any(True for _ in item.iter_markers("xdist_group")):
            item.add_marker(pytest.mark.xdist_group("stack" if file(item) in live else file(item)))
    # Work units are handed out in the order their first test comes (`--no-loadscope-reorder`): the stack's, then the
    # files with a slow test (the longest ones), then the rest, so no long file is left to run alone at the end.
    items.sort(key=lambda item: 0 if file(item) in live else 1 if file(item) in slow else 2)
