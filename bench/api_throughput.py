"""API throughput against a running Kinema (`make run`): accepted submissions/s and status reads/s,
beside a trivial authenticated DRF endpoint (`GET /v1/ping`) on the same server as the ceiling.

    .venv/bin/python bench/api_throughput.py [--url http://127.0.0.1:8000] [--seconds 10] [--concurrency 16]

It creates (or reuses) the user `bench` on a `benchmark` plan without rate limits or quotas (so the
server, not the limiter, is measured), runs each workload for the
given time with N concurrent keep-alive connections from one asyncio process on loopback, prints
requests/s and p50/p99 latency, and cancels the jobs it submitted so the GPU queue is left as it was.
Only loopback addresses are accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx

ROOT = Path(__file__).resolve().parent.parent


# A plan whose rate limits and quotas are out of the way: this measures the server, not the limiter.
BENCH_TIER = ("from accounts.models import Tier; Tier.objects.update_or_create(name='benchmark', defaults=dict("
              "display_name='Benchmark', rank=3, requests_per_minute=10**7, daily_quota=10**7, max_queued=10**7, "
              "max_concurrent=1, step_budget=50, max_height=1080, max_seconds=20))")


def api_key() -> str:
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "shell", "-c", BENCH_TIER], check=True, capture_output=True, cwd=ROOT)
    out = subprocess.run([*manage, "create_api_user", "bench", "--tier", "benchmark"],
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return out.strip().splitlines()[-1]


async def workload(client: httpx.AsyncClient, make_request, seconds: float, concurrency: int):
    latencies: list[float] = []
    errors = 0
    results: list[dict] = []
    deadline = time.perf_counter() + seconds

    async def one_connection() -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            t0 = time.perf_counter()
            resp = await make_request(client)
            latencies.append(time.perf_counter() - t0)
            if resp.status_code != 200:
                errors += 1
            elif resp.request.method == "POST":
                results.append(resp.json())

    started = time.perf_counter()
    await asyncio.gather(*(one_connection() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    lat = sorted(latencies)
    return {
        "requests": len(lat), "errors": errors, "rps": round(len(lat) / elapsed, 1),
        "p50_ms": round(statistics.median(lat) * 1000, 1) if lat else None,
        "p99_ms": round(lat[int(len(lat) * 0.99) - 1] * 1000, 1) if lat else None,
    }, results


async def cancel_all(client: httpx.AsyncClient, ids: list[str], concurrency: int) -> None:
    sem = asyncio.Semaphore(concurrency)

    async def cancel(video_id: str) -> None:
        async with sem:
            await client.post(f"/v1/videos/{video_id}/cancel")

    await asyncio.gather(*(cancel(i) for i in ids))


async def main_async(args: argparse.Namespace) -> dict:
    host = urlparse(args.url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("this benchmark only targets loopback")
    key = args.key or api_key()
    limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency)
    async with httpx.AsyncClient(base_url=args.url, headers={"Authorization": f"Bearer {key}"}, limits=limits,
                                 timeout=30) as client:
        seed = (await client.post("/v1/videos", json={"prompt": "bench status target", "seconds": 1})).json()
        target = seed["id"]

        async def ping(c):
            return await c.get("/v1/ping")

        async def status(c):
            return await c.get(f"/v1/videos/{target}")

        async def submit(c):
            return await c.post("/v1/videos", json={"prompt": "a benchmark scene", "seconds": 1, "size": "96x96"})

        report = {}
        for name, fn in (("ping (ceiling)", ping), ("status read", status), ("submit", submit)):
            stats, created = await workload(client, fn, args.seconds, args.concurrency)
            report[name] = stats
            print(f"{name:16s} {stats['rps']:8.1f} req/s  p50 {stats['p50_ms']} ms  p99 {stats['p99_ms']} ms  "
                  f"errors {stats['errors']}/{stats['requests']}", flush=True)
            if created:
                # Leave the GPU queue as we found it.
                await cancel_all(client, [v["id"] for v in created] + [target], args.concurrency)
        ceiling = report["ping (ceiling)"]["rps"]
        for name in ("status read", "submit"):
            report[name]["of_ceiling"] = round(report[name]["rps"] / ceiling, 2) if ceiling else None
        return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--key", help="API key to use (default: create_api_user bench)")
    report = asyncio.run(main_async(parser.parse_args()))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
