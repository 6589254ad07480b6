"""API throughput against a running Kinema (`make run`): requests/s of plain Django (`/healthz`), an
authenticated DRF ping (`/v1/ping`), a status read (`GET /v1/videos/{id}`), a list of 20 and accepted
submissions (`POST /v1/videos`), all in one run on the same server, with the ratios issue 17 targets.

    .venv/bin/python bench/api_throughput.py [--url http://127.0.0.1:8000] [--seconds 10] [--concurrency 16]
                                             [--engine auto|wrk|httpx] [--no-pause] [--only ping,status,list]

The web-only figures are taken with the stack's dispatcher, CPU, GPU and webhook workers paused
(SIGSTOP, found as the processes of `make run` that share its DATABASE_URL; resumed afterwards even on
Ctrl-C), so they measure what a request costs the web tier; submissions are measured again with the
workers running. The load generator is `wrk` when installed (`apt-get install wrk`: a C client, so the
client's own CPU stays small beside the server's), else an asyncio httpx client (much heavier: the ratios
then understate the fast endpoints).

Besides requests/s it reports the server's CPU per request (gunicorn, PostgreSQL and Redis processes,
from /proc), and each ratio both ways: on a box shared with other work, throughput moves with the
neighbours' load while the CPU a request costs barely does.

It creates (or reuses) the user `bench` on a `benchmark` plan without rate limits or quotas (so the
server, not the limiter, is measured), and cancels the jobs it submitted afterwards so the GPU queue is
left as it was. Only loopback addresses are accepted.

`--only` runs some workloads (and the ratios between them): to compare two servers started differently
(e.g. `KINEMA_VIDEO_CACHE=0` and `1`, the per-process status/list cache) in alternation, without the long
submission runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx

ROOT = Path(__file__).resolve().parent.parent
WORKER_COMMANDS = ("dispatcher", "cpu_worker", "gpu_worker", "webhook_worker")  # manage.py <command>
WORKER_MODULES = ("gpu_worker.entry", "webapp.cpu_entry", "jobs.webhook_entry")  # dramatiq <module> (+ children)
SUBMIT_BODY = {"prompt": "a benchmark scene", "seconds": 1, "size": "1280x720"}
# (name, numerator, denominator, target) as issue 17 states them.
TARGETS = [("submit / ping", "submit", "ping", 0.40), ("ping / plain Django", "ping", "healthz", 0.50),
           ("status / ping", "status", "ping", 0.80), ("list(20) / ping", "list", "ping", 0.60)]

# A plan whose rate limits and quotas are out of the way: this measures the server, not the limiter.
BENCH_TIER = ("from accounts.models import Tier; Tier.objects.update_or_create(name='benchmark', defaults=dict("
              "display_name='Benchmark', rank=3, requests_per_minute=10**7, daily_quota=10**7, max_queued=10**7, "
              "max_concurrent=1, step_budget=50, max_height=1080, max_seconds=20))")
CANCEL_BENCH_JOBS = ("from jobs import lifecycle; from jobs.models import Job, TERMINAL_STATES\n"
                     "ids = list(Job.objects.filter(user__username='bench').exclude(state__in=TERMINAL_STATES)"
                     ".values_list('pk', flat=True))\n"
                     "[lifecycle.cancel(i, reason='benchmark clean-up') for i in ids]\nprint(len(ids))")


def manage(*args: str) -> str:
    return subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], check=True, capture_output=True,
                          text=True, cwd=ROOT).stdout


def api_key() -> str:
    manage("shell", "-c", BENCH_TIER)
    return manage("create_api_user", "bench", "--tier", "benchmark", "--credits", str(10**9)).strip().splitlines()[-1]


# --- the stack's workers ------------------------------------------------------------------------

def stack_workers() -> list[int]:
    """Pids of this install's worker processes (`manage.py <worker>`, `dramatiq <worker module>` and their
    forked children) with the same DATABASE_URL as var/run.env; the web processes are left alone."""
    sys.path.insert(0, str(ROOT))
    from webapp.stack import RUN_ENV, read_env_file

    database = read_env_file(RUN_ENV).get("DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        words = [w.decode(errors="replace") for w in cmdline]
        worker = (any(w.endswith("manage.py") for w in words) and any(w in WORKER_COMMANDS for w in words)) or (
            "dramatiq" in words and any(w in WORKER_MODULES for w in words))
        if worker and int(entry.name) != os.getpid() and f"DATABASE_URL={database}".encode() in environ:
            found.append(int(entry.name))
    return found


def server_processes() -> dict[str, list[int]]:
    """The processes a request costs CPU in: gunicorn's (same DATABASE_URL), PostgreSQL's (children of
    the postmaster of var/pg) and Redis (its INFO says its pid)."""
    sys.path.insert(0, str(ROOT))
    import redis

    from webapp.stack import RUN_ENV, VAR, read_env_file

    run_env = read_env_file(RUN_ENV)
    database = run_env.get("DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    web, postgres = [], []
    postmaster = None
    pid_file = VAR / "pg" / "postmaster.pid"
    if pid_file.exists():
        postmaster = int(pid_file.read_text().split()[0])
        postgres.append(postmaster)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            words = (entry / "cmdline").read_bytes().split(b"\0")
            stat = (entry / "stat").read_text()
            environ = (entry / "environ").read_bytes() if b"gunicorn" in b" ".join(words) else b""
        except OSError:
            continue
        if b"gunicorn" in b" ".join(words) and f"DATABASE_URL={database}".encode() in environ.split(b"\0"):
            web.append(int(entry.name))
        elif postmaster and int(stat.rsplit(")", 1)[1].split()[1]) == postmaster:
            postgres.append(int(entry.name))
    redis_pid = []
    try:
        redis_pid = [int(redis.Redis.from_url(run_env.get("REDIS_URL") or os.environ["REDIS_URL"]).info("server")
                         ["process_id"])]
    except (KeyError, redis.RedisError):
        pass
    return {"web": web, "postgres": postgres, "redis": redis_pid}


def cpu_seconds(pids: list[int]) -> float:
    """user + system CPU of these processes so far (exited ones count nothing)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


@contextmanager
def workers_paused(enabled: bool) -> Iterator[list[int]]:
    pids = stack_workers() if enabled else []
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield pids
    finally:
        for pid in pids:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass


# --- load generators ----------------------------------------------------------------------------

_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr] # wrk's format
    return round(float(number) * _UNITS[unit], 2)


def run_wrk(url: str, key: str | None, seconds: float, concurrency: int, body: dict | None) -> dict[str, Any]:
    args = ["wrk", "-t", "2", "-c", str(concurrency), "-d", f"{max(1, round(seconds))}s", "--latency"]
    if key:
        args += ["-H", f"Authorization: Bearer {key}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if body is not None:
            script.write(f"wrk.method = 'POST'\nwrk.body = '{json.dumps(body)}'\n"
                         "wrk.headers['Content-Type'] = 'application/json'\n")
            script.flush()
            args += ["-s", script.name]
        out = subprocess.run([*args, url], check=True, capture_output=True, text=True).stdout
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
            "requests": total, "errors": int(bad.group(1)) if bad else 0,
            "p50_ms": _ms(latency["50"]) if "50" in latency else None,
            "p99_ms": _ms(latency["99"]) if "99" in latency else None}


async def run_httpx(url: str, key: str | None, seconds: float, concurrency: int,
                    body: dict | None) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30) as client:
        send: Callable[[], Awaitable[httpx.Response]] = (
            (lambda: client.post(url, json=body)) if body is not None else (lambda: client.get(url)))

        async def one_connection() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                t0 = time.perf_counter()
                resp = await send()
                latencies.append(time.perf_counter() - t0)
                errors += resp.status_code != 200

        started = time.perf_counter()
        await asyncio.gather(*(one_connection() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    lat = sorted(latencies)
    return {"rps": round(len(lat) / elapsed, 1), "requests": len(lat), "errors": errors,
            "p50_ms": round(statistics.median(lat) * 1000, 2) if lat else None,
            "p99_ms": round(lat[int(len(lat) * 0.99) - 1] * 1000, 2) if lat else None}


def measure(engine: str, url: str, key: str | None, args: argparse.Namespace, body: dict | None = None) -> dict:
    """Throughput and latency, and the server's CPU per request (web, PostgreSQL and Redis processes):
    on a shared box the CPU cost is the steadier figure, since other load lowers requests/s but not it."""
    processes = server_processes()
    before = {role: cpu_seconds(pids) for role, pids in processes.items()}
    if engine == "wrk":
        stats = run_wrk(url, key, args.seconds, args.concurrency, body)
    else:
        stats = asyncio.run(run_httpx(url, key, args.seconds, args.concurrency, body))
    requests = max(1, stats["requests"])
    stats["cpu_ms"] = {role: round((cpu_seconds(pids) - before[role]) * 1000 / requests, 3)
                       for role, pids in processes.items()}
    stats["cpu_ms"]["total"] = round(sum(stats["cpu_ms"].values()), 3)
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--engine", choices=["auto", "wrk", "httpx"], default="auto")
    parser.add_argument("--no-pause", action="store_true", help="leave the workers running for every workload")
    parser.add_argument("--key", help="API key to use (default: create_api_user bench)")
    parser.add_argument("--only", help="comma-separated workloads to run (healthz,ping,status,list,submit); "
                                       "default: all")
    args = parser.parse_args()
    names = {"healthz", "ping", "status", "list", "submit"}
    only = set(args.only.split(",")) if args.only else names
    if not only <= names:
        raise SystemExit(f"--only: unknown workloads {sorted(only - names)}")
    if urlparse(args.url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("this benchmark only targets loopback")
    engine = args.engine if args.engine != "auto" else ("wrk" if shutil.which("wrk") else "httpx")
    key = args.key or api_key()
    base = args.url.rstrip("/")
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        existing = client.get("/v1/videos", params={"limit": 20}).json()["data"]
        for _ in range(20 - len(existing)):  # a full page to list
            assert client.post("/v1/videos", json=SUBMIT_BODY).status_code == 200
        # The status read and the page of 20 must show no queued job (jobs/video_cache.py never keeps an answer
        # that shows one: its queue position moves): the page's unfinished jobs are cancelled first.
        print(f"cancelled {manage('shell', '-c', CANCEL_BENCH_JOBS).strip().splitlines()[-1]} unfinished benchmark "
              "jobs before measuring", flush=True)
        page = client.get("/v1/videos", params={"limit": 20}).json()["data"]
        assert not [v for v in page if v["state"] == "queued"], "a queued job on the measured page"
        target = page[0]["id"]
    workloads: list[tuple[str, str, str | None, dict | None]] = [
        ("healthz", f"{base}/healthz", None, None),
        ("ping", f"{base}/v1/ping", key, None),
        ("status", f"{base}/v1/videos/{target}", key, None),
        ("list", f"{base}/v1/videos?limit=20", key, None),
        ("submit", f"{base}/v1/videos", key, SUBMIT_BODY),
    ]
    report: dict[str, Any] = {"engine": engine, "seconds": args.seconds, "concurrency": args.concurrency}
    try:
        with workers_paused(not args.no_pause) as paused:
            report["workers_paused"] = len(paused)
            print(f"engine {engine}, {args.concurrency} connections, {args.seconds:g} s each; "
                  f"{len(paused)} worker processes paused", flush=True)
            for name, url, auth, body in workloads:
                if name not in only:
                    continue
                report[name] = measure(engine, url, auth, args, body)
                show(name, report[name])
        if not args.no_pause and "submit" in only:
            report["submit (workers running)"] = measure(engine, f"{base}/v1/videos", key, args, SUBMIT_BODY)
            show("submit (workers running)", report["submit (workers running)"])
    finally:
        print(f"cancelled {manage('shell', '-c', CANCEL_BENCH_JOBS).strip().splitlines()[-1]} benchmark jobs",
              flush=True)
    ratios = {}
    print("ratio                   req/s  by CPU cost  target")
    for label, top, bottom, goal in TARGETS:
        if top not in report or bottom not in report:
            continue
        value = round(report[top]["rps"] / report[bottom]["rps"], 2) if report[bottom]["rps"] else None
        # The same ratio from what a request costs the server: capacity is proportional to 1 / CPU per request.
        by_cpu = round(report[bottom]["cpu_ms"]["total"] / report[top]["cpu_ms"]["total"], 2) \
            if report[top]["cpu_ms"]["total"] else None
        ratios[label] = {"value": value, "by_cpu": by_cpu, "target": goal, "met": value is not None and value >= goal,
                         "met_by_cpu": by_cpu is not None and by_cpu >= goal}
        print(f"{label:22s} {value!s:>6}  {by_cpu!s:>11}  >= {goal:.2f} "
              f"({'met' if ratios[label]['met'] else 'missed'} / {'met' if ratios[label]['met_by_cpu'] else 'missed'})")
    report["ratios"] = ratios
    print(json.dumps(report))


def show(name: str, stats: dict[str, Any]) -> None:
    cpu = stats["cpu_ms"]
    print(f"{name:26s} {stats['rps']:8.1f} req/s  p50 {stats['p50_ms']} ms  p99 {stats['p99_ms']} ms  "
          f"errors {stats['errors']}/{stats['requests']}  server CPU/request {cpu['total']} ms "
          f"(web {cpu['web']}, postgres {cpu['postgres']}, redis {cpu['redis']})", flush=True)


if __name__ == "__main__":
    main()
