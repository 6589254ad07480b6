"""A realistic load mix against the running `make run` stack, on each of its two HTTP servers.

    make run            # in another shell (gunicorn on :8000, daphne on :8001)
    .venv/bin/python bench/load.py [--seconds 30] [--rate 20] [--readers 16] [--websockets 50]

Per server, for `--seconds` (bounded; loopback only):
- a stream of submissions at `--rate`/s (open loop, spread over 20 pro-tier users),
- `--readers` clients in a closed loop: 75 % status reads of known videos, 25 % lists (20 newest),
- `--websockets` clients connected to /ws/jobs/ (API-key auth), counting the events they receive.
It reports accepted submissions/s, read p50/p99 by kind, every non-2xx by status and code, then
verifies that every accepted submission exists in the database with its `submitted` event and its
screening message (none lost), and cancels the jobs it made so the GPU queue is left as it was.
gunicorn (WSGI, what `make run` serves HTTP with) and daphne (ASGI, websockets; the previous HTTP
server) run the same mix in the same run: daphne is the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import websockets

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
USERS = 20
PROMPTS = ["a paper boat on a rainy street", "a lighthouse at dusk", "a fox in the snow", "a city at night",
           "waves on black sand", "a hot air balloon at dawn", "a robot watering plants", "a koi pond"]


def setup_django() -> None:
    from webapp.stack import RUN_ENV, load_run_env

    if not RUN_ENV.exists() and not os.environ.get("DATABASE_URL"):
        sys.exit("bench/load.py needs the `make run` stack: start it first (var/run.env is missing).")
    load_run_env()  # as manage.py does: the running stack's databases unless DATABASE_URL is set
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
    os.environ.setdefault("KINEMA_LOG_LEVEL", "WARNING")
    import django

    django.setup()


def make_users() -> list[str]:
    from accounts.credits import balance, grant_credits
    from accounts.models import ApiKey, User

    keys = []
    for i in range(USERS):
        user, _ = User.objects.get_or_create(username=f"load-{i}", defaults={"tier_id": "pro"})
        if balance(user) < 5000:
            grant_credits(user, 100_000, note="load benchmark")
        keys.append(ApiKey.issue(user)[1])
    return keys


def cancel_leftovers() -> int:
    from jobs import lifecycle
    from jobs.models import ACTIVE_STATES, Job

    ids = list(Job.objects.filter(user__username__startswith="load-", state__in=ACTIVE_STATES)
               .values_list("id", flat=True))
    for job_id in ids:
        lifecycle.cancel(job_id, reason="load benchmark clean-up")
    return len(ids)


def verify(accepted: list[str]) -> dict[str, int]:
    from jobs.models import Job, JobEvent, OutboxMessage

    found = set(Job.objects.filter(pk__in=accepted).values_list("id", flat=True))
    with_event = set(JobEvent.objects.filter(job_id__in=accepted, reason="submitted").values_list("job_id", flat=True))
    screened = {row[0] for row in OutboxMessage.objects.filter(actor_name="screen_job").values_list("args", flat=True)
                if row and row[0] in found}
    return {"accepted": len(accepted), "in_database": len(found), "with_submitted_event": len(with_event),
            "with_screening_message": len(screened), "lost": len(set(accepted) - found)}


def pause_gpu_workers() -> list[int]:
    out = subprocess.run(["pgrep", "-f", "gpu_worker.entry"], capture_output=True, text=True).stdout
    pids = [int(p) for p in out.split()]
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    return pids


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)


async def run_mix(base: str, ws_base: str, keys: list[str], seconds: float, rate: float, readers: int,
                  ws_clients: int) -> dict[str, Any]:
    accepted: list[str] = []
    latencies: dict[str, list[float]] = {"status": [], "list": [], "submit": []}
    failures: Counter[str] = Counter()
    ws_events = 0
    ws_connected = 0
    stop = asyncio.Event()
    limits = httpx.Limits(max_connections=readers + 32, max_keepalive_connections=readers + 32)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        # Seed each user with a video so status reads have something to read from the first second.
        for key in keys:
            r = await client.post("/v1/videos", json={"prompt": random.choice(PROMPTS), "seconds": 1},
                                  headers={"Authorization": f"Bearer {key}"})
            if r.status_code == 200:
                accepted.append(r.json()["id"])
        known = list(accepted)
        owner = {vid: keys[i % len(keys)] for i, vid in enumerate(known)}

        async def submitter() -> None:
            n = 0
            started = time.perf_counter()
            tasks = []
            while not stop.is_set():
                due = started + n / rate
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                key = keys[n % len(keys)]
                n += 1
                tasks.append(asyncio.create_task(submit_one(key)))
            await asyncio.gather(*tasks)

        async def submit_one(key: str) -> None:
            t0 = time.perf_counter()
            try:
                r = await client.post("/v1/videos", json={"prompt": random.choice(PROMPTS), "seconds": 1},
                                      headers={"Authorization": f"Bearer {key}"})
            except httpx.HTTPError as exc:
                failures[f"submit {type(exc).__name__}"] += 1
                return
            latencies["submit"].append(time.perf_counter() - t0)
            if r.status_code == 200:
                vid = r.json()["id"]
                accepted.append(vid)
                known.append(vid)
                owner[vid] = key
            else:
                failures[f"submit {r.status_code} {r.json().get('error', {}).get('code')}"] += 1

        async def reader() -> None:
            while not stop.is_set():
                vid = random.choice(known)
                key = owner[vid]
                kind = "status" if random.random() < 0.75 else "list"
                path = f"/v1/videos/{vid}" if kind == "status" else "/v1/videos?limit=20"
                t0 = time.perf_counter()
                try:
                    r = await client.get(path, headers={"Authorization": f"Bearer {key}"})
                except httpx.HTTPError as exc:
                    failures[f"{kind} {type(exc).__name__}"] += 1
                    continue
                if r.status_code == 200:
                    latencies[kind].append(time.perf_counter() - t0)
                else:
                    failures[f"{kind} {r.status_code}"] += 1

        async def ws_client(key: str) -> None:
            nonlocal ws_events, ws_connected
            try:
                async with websockets.connect(f"{ws_base}/ws/jobs/",
                                              additional_headers={"Authorization": f"Bearer {key}"}) as ws:
                    ws_connected += 1
                    while not stop.is_set():
                        try:
                            await asyncio.wait_for(ws.recv(), timeout=0.5)
                            ws_events += 1
                        except TimeoutError:
                            continue
            except Exception as exc:  # noqa: BLE001 - counted, reported
                failures[f"websocket {type(exc).__name__}"] += 1

        tasks = [asyncio.create_task(ws_client(keys[i % len(keys)])) for i in range(ws_clients)]
        await asyncio.sleep(1.0)  # let the sockets connect
        began = time.perf_counter()
        tasks += [asyncio.create_task(reader()) for _ in range(readers)]
        sub = asyncio.create_task(submitter())
        await asyncio.sleep(seconds)
        stop.set()
        await sub
        elapsed = time.perf_counter() - began
        await asyncio.gather(*tasks)
    submitted_in_window = len(latencies["submit"])
    reads = len(latencies["status"]) + len(latencies["list"])
    return {
        "seconds": round(elapsed, 1),
        "submit_attempted_per_s": round(submitted_in_window / elapsed, 1),
        "accepted_per_s": round((len(accepted) - len(keys)) / elapsed, 1),
        "submit_p50_ms": pct(latencies["submit"], 0.5), "submit_p99_ms": pct(latencies["submit"], 0.99),
        "reads_per_s": round(reads / elapsed, 1),
        "status_p50_ms": pct(latencies["status"], 0.5), "status_p99_ms": pct(latencies["status"], 0.99),
        "list_p50_ms": pct(latencies["list"], 0.5), "list_p99_ms": pct(latencies["list"], 0.99),
        "websockets_connected": ws_connected, "websocket_events": ws_events,
        "non_2xx_or_errors": dict(failures), "_accepted": accepted,
    }


def cache_reads() -> Counter[str]:
    """The web processes' answer-cache outcomes so far (kinema_video_cache_reads_total), per "kind outcome"."""
    from webapp import metrics

    r = metrics._redis()
    prefix = f"{metrics.PREFIX}:kinema_video_cache_reads:"
    out: Counter[str] = Counter()
    for key in r.smembers(metrics.SERIES):
        key = key.decode() if isinstance(key, bytes) else key
        if key.startswith(prefix):
            labels = json.loads(key[len(prefix):])
            out[f"{labels['kind']} {labels['outcome']}"] += int(float(r.hget(key, "value") or 0))
    return out


async def flush_cache_counts(base: str, key: str) -> None:
    """Each web process writes its cache counts with a read at most every 15 s: wait, then read enough that
    every gunicorn worker serves some."""
    await asyncio.sleep(16)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        await asyncio.gather(*(client.get("/v1/videos?limit=1", headers={"Authorization": f"Bearer {key}"})
                               for _ in range(40)))


def hit_rates(before: Counter[str], after: Counter[str]) -> dict[str, Any]:
    delta = after - before
    rates: dict[str, Any] = {}
    for kind in ("status", "list"):
        hits, misses = delta[f"{kind} hit"], delta[f"{kind} miss"]
        rates[kind] = {"reads": hits + misses, "hit_rate": round(hits / (hits + misses), 3) if hits + misses else None,
                       "stored": delta[f"{kind} stored"], "raced": delta[f"{kind} raced"]}
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--http", default="http://127.0.0.1:8000", help="gunicorn (make run)")
    parser.add_argument("--asgi", default="http://127.0.0.1:8001", help="daphne (make run's websocket server)")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--rate", type=float, default=20, help="submissions per second offered")
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--websockets", type=int, default=50)
    parser.add_argument("--pause-gpu-workers", action="store_true",
                        help="SIGSTOP this machine's GPU workers during each phase (in production they run on GPU "
                             "hosts, not beside the web tier; here the tiny model's CPU denoising competes for the "
                             "same 2 cores). Their jobs' leases may expire and be retried: that path is tested.")
    args = parser.parse_args()
    for url in (args.http, args.asgi):
        if urlparse(url).hostname not in {"127.0.0.1", "localhost", "::1"}:
            sys.exit("loopback only: this benchmark never targets another host")
    setup_django()
    keys = make_users()
    ws_base = args.asgi.replace("http://", "ws://")
    results = {}
    for name, base in (("gunicorn (WSGI, make run's HTTP)", args.http), ("daphne (ASGI, baseline)", args.asgi)):
        cancel_leftovers()
        paused = pause_gpu_workers() if args.pause_gpu_workers else []
        cached_before = cache_reads()
        try:
            mix = asyncio.run(run_mix(base, ws_base, keys, args.seconds, args.rate, args.readers, args.websockets))
            asyncio.run(flush_cache_counts(base, keys[0]))
        finally:
            for pid in paused:
                os.kill(pid, signal.SIGCONT)
        # The answer cache's hit rate under this mix (status reads of the users' recent jobs, lists of 20): an
        # answer showing a queued job is never kept, so it depends on how many of them are still queued.
        mix["answer_cache"] = hit_rates(cached_before, cache_reads())
        accepted = mix.pop("_accepted")
        time.sleep(1.0)  # after-commit relays finish
        mix["verification"] = verify(accepted)
        results[name] = mix
        print(json.dumps({name: mix}, indent=2), flush=True)
    cancelled = cancel_leftovers()
    print(json.dumps({"cancelled_after_run": cancelled, "offered_rate_per_s": args.rate,
                      "readers": args.readers, "websockets": args.websockets}))
    lost = sum(r["verification"]["lost"] for r in results.values())
    if lost:
        sys.exit(f"{lost} accepted submissions are missing from the database")


if __name__ == "__main__":
    main()
