"""Live-feed benchmark against a running Kinema (`make run`):

1. latency from a GPU worker's progress report (`jobs.lifecycle.report_progress`: the fenced UPDATE
   plus the channel-layer send) to the message arriving at a websocket client, p50/p99;
2. how many idle websocket connections one daphne process holds, and what they cost it in memory,
   checked by one broadcast that every connection must receive.

    .venv/bin/python bench/feed_latency.py [--url ws://127.0.0.1:8000/ws/jobs/] [--reports 300] [--idle 2000]

It uses the `bench` user (created through manage.py) and a job row it creates in `running` state with
its own lease (no GPU worker touches it); the job is cancelled at the end. Loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
    from webapp.stack import load_run_env

    load_run_env()
    import django

    django.setup()


def daphne_rss_mb(port: int) -> float | None:
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            if b"daphne" in b" ".join(cmd) and str(port).encode() in cmd:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            continue
    return None


async def main_async(args: argparse.Namespace) -> dict:
    import websockets
    from asgiref.sync import sync_to_async
    from django.utils import timezone

    from accounts.models import User
    from jobs import lifecycle
    from jobs.models import Job, JobState
    from jobs.signals import send_to_feed

    host = urlparse(args.url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("this benchmark only targets loopback")
    out = subprocess.run([sys.executable, str(ROOT / "manage.py"), "create_api_user", "bench", "--tier", "pro"],
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout
    key = out.strip().splitlines()[-1]
    headers = {"Authorization": f"Bearer {key}"}

    def make_job() -> tuple[str, uuid.UUID, int]:
        user = User.objects.get(username="bench")
        token = uuid.uuid4()
        job = Job.objects.create(user=user, tier="pro", state=JobState.RUNNING, prompt="feed benchmark",
                                 model="bench", seconds=1, size="96x96", width=96, height=96, num_frames=5, fps=4,
                                 steps=args.reports, seed=1, lease_token=token, attempt=1,
                                 lease_expires_at=timezone.now() + timedelta(minutes=10))
        return job.id, token, user.pk

    job_id, token, user_id = await sync_to_async(make_job)()
    report = {}
    try:
        # 1. progress report -> websocket client
        async with websockets.connect(args.url, additional_headers=headers) as ws:
            latencies = []
            for step in range(1, args.reports + 1):
                t0 = time.perf_counter()
                ok = await sync_to_async(lifecycle.report_progress)(job_id, token, step)
                assert ok
                while True:
                    msg = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
                    if msg.get("kind") == "progress" and msg.get("step") == step:
                        break
                latencies.append((time.perf_counter() - t0) * 1000)
                await asyncio.sleep(0.01)
            lat = sorted(latencies)
            report["progress_to_client_ms"] = {
                "n": len(lat), "p50": round(statistics.median(lat), 2), "p99": round(lat[int(len(lat) * .99) - 1], 2),
                "max": round(lat[-1], 2)}
            print(f"progress report -> websocket client: p50 {report['progress_to_client_ms']['p50']} ms, "
                  f"p99 {report['progress_to_client_ms']['p99']} ms over {len(lat)} reports", flush=True)

        # 2. idle connections held by one daphne
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        port = urlparse(args.url).port or 80
        rss_before = daphne_rss_mb(port)
        conns = []
        failed = 0
        for i in range(args.idle):
            try:
                conns.append(await websockets.connect(args.url, additional_headers=headers, open_timeout=20))
            except Exception as exc:
                failed += 1
                if failed == 1:
                    print(f"connection {i} failed: {exc!r}", flush=True)
                if failed > 20:
                    break
        rss_after = daphne_rss_mb(port)
        t0 = time.perf_counter()
        await sync_to_async(send_to_feed)(user_id, {"kind": "ping", "job_id": job_id})

        misses: dict[str, int] = {}

        async def got_ping(ws) -> bool:  # type: ignore[no-untyped-def]
            try:
                while True:
                    if json.loads(await asyncio.wait_for(ws.recv(), timeout=30)).get("kind") == "ping":
                        return True
            except Exception as exc:  # counted by cause, so a miss can be told from a closed socket
                misses[type(exc).__name__] = misses.get(type(exc).__name__, 0) + 1
                return False

        delivered = sum(await asyncio.gather(*(got_ping(ws) for ws in conns)))
        fanout_ms = (time.perf_counter() - t0) * 1000
        report["idle_connections"] = {
            "attempted": args.idle, "open": len(conns), "failed": failed, "broadcast_delivered": delivered,
            "broadcast_ms": round(fanout_ms, 1), "misses": misses,
            "daphne_rss_mb_before": rss_before and round(rss_before, 1),
            "daphne_rss_mb_after": rss_after and round(rss_after, 1),
            "kb_per_connection": round((rss_after - rss_before) * 1024 / max(1, len(conns)), 1)
            if rss_before and rss_after else None,
        }
        print(f"idle connections: {len(conns)} open ({failed} failed), one broadcast reached {delivered} in "
              f"{fanout_ms:.0f} ms; daphne RSS {rss_before and round(rss_before)} -> "
              f"{rss_after and round(rss_after)} MB", flush=True)
        await asyncio.gather(*(ws.close() for ws in conns), return_exceptions=True)
    finally:
        await sync_to_async(lifecycle.cancel)(job_id, reason="benchmark finished")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="ws://127.0.0.1:8000/ws/jobs/")
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--idle", type=int, default=2000)
    args = parser.parse_args()
    setup_django()
    print(json.dumps(asyncio.run(main_async(args))))


if __name__ == "__main__":
    main()
