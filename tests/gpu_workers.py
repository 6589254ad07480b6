"""An extra GPU worker for live tests: started drained beside the session's worker, which is drained
while it runs, so every job goes to it once the test opens it; and the submissions such tests make."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

from jobs.models import GpuWorker, Job
from tests.conftest import session_gpu_worker, wait_for


def extra_gpu_worker(stack: Any, tmp_path: Path, name: str, *, ready_key: str, ready_value: bytes,
                     storage_delay_s: float, **env: str) -> Iterator[Callable[[], None]]:
    """Start GPU worker `name` with `env`, its storage calls slowed by `storage_delay_s` (a fault file), and
    wait until it has registered and published `ready_value` in the Redis hash `ready_key` (the capability the
    dispatcher reads). Yields a function that opens it to the dispatcher; kills and forgets it afterwards and
    reopens the session's worker."""
    from jobs.signals import ring_dispatcher
    from webapp.fault_injection import write_fault
    from webapp.resilience import bounded_redis

    fault = tmp_path / "fault.json"
    write_fault(fault, delay_s=storage_delay_s)
    session = GpuWorker.objects.filter(pk=session_gpu_worker().pk)
    session.update(service=GpuWorker.Service.DRAINING)
    # PGAPPNAME: its database connections carry its name (pg_stat_activity.application_name).
    stack.start_gpu_worker(name, KINEMA_PROGRESS_INTERVAL_S="0", KINEMA_STORAGE_FAULT_FILE=str(fault),
                           PGAPPNAME=name, **env)
    worker = wait_for(lambda: GpuWorker.objects.filter(name=name).first(), timeout=120)
    GpuWorker.objects.filter(pk=worker.pk).update(service=GpuWorker.Service.DRAINING)
    wait_for(lambda: bounded_redis().hget(ready_key, str(worker.pk)) == ready_value, timeout=30)

    def open_worker() -> None:
        GpuWorker.objects.filter(pk=worker.pk).update(service=GpuWorker.Service.ACTIVE)
        ring_dispatcher()

    try:
        yield open_worker
    finally:
        if name in stack.procs:
            stack.kill(name)
        GpuWorker.objects.filter(name=name).delete()
        session.update(service=GpuWorker.Service.ACTIVE)


def submit(server: str, users: list[str], make_user: Any, steps: int, subject: str) -> list[str]:
    """One 1-second 96x96 job of `steps` steps per user (each made with `make_user`), in order; their ids."""
    ids = []
    for name in users:
        _, key = make_user(name)
        with httpx.Client(base_url=server, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
            resp = client.post("/v1/videos", json={"prompt": f"{subject} for {name}", "size": "96x96",
                                                   "seconds": 1, "steps": steps})
            assert resp.status_code == 200, resp.text
            ids.append(resp.json()["id"])
    return ids


def states(ids: list[str]) -> list[str]:
    by_id = dict(Job.objects.filter(pk__in=ids).values_list("id", "state"))
    return [by_id[i] for i in ids]
