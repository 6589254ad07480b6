"""Running the suite on several processes (pytest-xdist; `make test` uses KINEMA_TEST_WORKERS of them, 2 by default).

Loaded by every pytest run (`-p tests.parallel` in pyproject.toml); it changes nothing without xdist.

- Each xdist worker gets its own Redis server, started here, at import, before pytest-django reads the settings:
  tests flush Redis, fill its queues, and some stop it and start it again (tests/test_degradation.py,
  tests/test_crash_recovery.py), which must not reach the other worker's tests. Each worker already has its own test
  database (pytest-django suffixes its name with the worker id), its own media folder and, once one of its tests
  asks for it, its own session stack of worker processes (tests/conftest.py; their logs carry the worker's id).
- A test file runs whole on one worker (`--dist loadfile`): its module fixtures are set up once, its tests run one
  after the other, and the worker names, logs and ports they share are never in use twice at once.
- Files are handed out in the order their first test comes (`--no-loadscope-reorder`), and that order is set here:
  the files that take minutes first, then those with tests that start worker processes or are marked slow, then the
  rest, so no long file is left to run alone at the end.

(`--dist loadgroup` cannot group tests with pytest 9: pytest-xdist 3.8 renames a grouped test's node id through an
attribute pytest 9 no longer reads, so every test became its own unit.)
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

WORKER = os.environ.get("PYTEST_XDIST_WORKER")
# Minutes each, measured (docs/benchmarks.md): the retraining tests, the API fuzzer, the chaos run.
LONGEST = ("tests/test_safety_prompts.py", "tests/test_api_fuzz.py", "tests/test_chaos.py")


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


def file(item: pytest.Item) -> str:
    return item.nodeid.split("::", 1)[0]


def file_order(items: list[pytest.Item]) -> dict[str, int]:
    """Each file's rank: 0-2 the LONGEST files in their order, then 3 for a file with a test that uses the session
    stack or is marked slow, 4 for the rest."""
    rank = {file(item): 4 for item in items}
    for item in items:
        if "stack" in getattr(item, "fixturenames", ()) or item.get_closest_marker("slow"):
            rank[file(item)] = 3
    for i, name in enumerate(LONGEST):
        if name in rank:
            rank[name] = i
    return rank


@pytest.hookimpl(trylast=True)  # after pytest-django's own ordering (database tests first), which it keeps per rank
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if WORKER:
        rank = file_order(items)
        items.sort(key=lambda item: rank[file(item)])
