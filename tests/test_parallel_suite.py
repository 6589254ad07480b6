"""How `make test` spreads the suite over processes (webapp/stack.py `parallel_args`, tests/parallel.py)."""

from __future__ import annotations

import os

import pytest
import redis
from django.conf import settings

from tests import parallel
from webapp.stack import parallel_args


def test_the_suite_runs_on_two_workers_unless_told_otherwise() -> None:
    assert parallel_args(["tests/x.py", "-q"], {}) == ["-n", "2", "--dist", "loadgroup", "--no-loadscope-reorder",
                                                        "tests/x.py", "-q"]
    assert parallel_args([], {"KINEMA_TEST_WORKERS": "4"})[:2] == ["-n", "4"]
    for one in ("1", "0", ""):
        assert parallel_args(["-q"], {"KINEMA_TEST_WORKERS": one}) == ["-q"]
    for chosen in (["-n", "3"], ["-n3"], ["--numprocesses=auto"], ["-p", "no:xdist"], ["-pno:xdist"]):
        assert parallel_args(chosen, {}) == chosen


@pytest.mark.skipif(not parallel.WORKER, reason="runs in pytest-xdist workers (make test's default)")
def test_a_worker_has_its_own_redis_and_its_file_is_one_work_unit(request: pytest.FixtureRequest) -> None:
    own = os.environ["REDIS_URL"]
    assert settings.REDIS_URL == own and own != os.environ["KINEMA_SUITE_REDIS_URL"]
    assert redis.Redis.from_url(own).ping()
    groups = [mark.args[0] for mark in request.node.iter_markers("xdist_group")]
    assert groups == ["tests/test_parallel_suite.py"]
