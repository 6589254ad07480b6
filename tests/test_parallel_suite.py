"""How `make test` spreads the suite over processes (webapp/stack.py `parallel_args`, tests/parallel.py)."""

from __future__ import annotations

import os
from typing import cast

import pytest
import redis
from django.conf import settings

from tests import parallel
from webapp.stack import parallel_args


def test_the_suite_runs_on_two_workers_unless_told_otherwise() -> None:
    whole_files = ["--dist", "loadfile", "--no-loadscope-reorder", "--max-worker-restart=0"]
    assert parallel_args(["--max-worker-restart=2"], {})[-2:] == ["--no-loadscope-reorder", "--max-worker-restart=2"]
    assert parallel_args(["tests/x.py", "-q"], {}) == ["-n", "2", *whole_files, "tests/x.py", "-q"]
    assert parallel_args([], {"KINEMA_TEST_WORKERS": "4"})[:2] == ["-n", "4"]
    for one in ("1", "0", ""):
        assert parallel_args(["-q"], {"KINEMA_TEST_WORKERS": one}) == ["-q"]
    for alone in (["-p", "no:xdist"], ["-pno:xdist"], ["--pdb"], ["-x", "--trace"]):
        assert parallel_args(alone, {}) == alone
    for count in (["-n", "3"], ["-n3"], ["--numprocesses=auto"]):  # the count is the caller's, the files still whole
        assert parallel_args(count, {"KINEMA_TEST_WORKERS": "1"}) == [*whole_files, *count]
    assert parallel_args(["-n", "3", "--dist", "load"], {}) == ["--max-worker-restart=0", "-n", "3", "--dist", "load"]


class _Item:
    """What file_order reads of a collected test."""

    def __init__(self, nodeid: str, fixturenames: tuple[str, ...] = (), slow: bool = False) -> None:
        self.nodeid, self.fixturenames, self.slow = nodeid, fixturenames, slow

    def get_closest_marker(self, name: str) -> object | None:
        return object() if name == "slow" and self.slow else None


def test_the_longest_files_come_first_then_those_that_start_processes() -> None:
    items = [_Item("tests/test_a.py::test_plain"), _Item("tests/test_b.py::test_plain"),
             _Item("tests/test_b.py::test_live", ("db", "stack")), _Item("tests/test_c.py::test_long", slow=True),
             _Item("tests/test_chaos.py::test_run", slow=True), _Item("tests/test_safety_prompts.py::test_gate")]
    assert parallel.file_order(cast(list[pytest.Item], items)) == {
        "tests/test_safety_prompts.py": 0, "tests/test_chaos.py": 2, "tests/test_b.py": 3, "tests/test_c.py": 3,
        "tests/test_a.py": 4}


@pytest.mark.skipif(not parallel.WORKER, reason="runs in pytest-xdist workers (make test's default)")
def test_a_workers_collection_is_in_that_order(request: pytest.FixtureRequest) -> None:
    rank = parallel.file_order(request.session.items)
    ranks = [rank[parallel.file(item)] for item in request.session.items]
    assert ranks == sorted(ranks) and ranks[-1] == 4


@pytest.mark.skipif(not parallel.WORKER, reason="runs in pytest-xdist workers (make test's default)")
def test_a_worker_has_its_own_redis() -> None:
    own = os.environ["REDIS_URL"]
    assert settings.REDIS_URL == own and own != os.environ["KINEMA_SUITE_REDIS_URL"]
    assert redis.Redis.from_url(own).ping()
