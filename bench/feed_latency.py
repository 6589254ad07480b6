"""Live-feed benchmark against a running Kinema (`make run`):

1. latency from a GPU worker's progress report (`jobs.lifecycle.report_progress`: the fenced UPDATE
   plus the channel-layer send) to the message arriving at a websocket client, p50/p99;
2. how many idle websocket connections one daphne process holds, and what they cost it in memory,
   checked by a broadcast that every connection must receive (the sockets are spread over `bench-idle-N`
   users, KINEMA_FEED_MAX_SOCKETS_PER_USER each, the most the feed lets one user hold; one event per user).

    .venv/bin/python bench/feed_latency.py [--url ws://127.0.0.1:8001/ws/jobs/] [--reports 300] [--idle 2000]

It uses the `bench` user (created through manage.py) and a job row it creates in `running` state with
its own lease (no GPU worker touches it); the job is cancelled at the end. Loopback only.

3. `--hold SECONDS`: do idle authenticated sockets stay open? The bench starts its own daphne processes
   (against the databases of the running `make run`, or of `make services` after `manage.py migrate`),
   opens `--idle` sockets, each with its own API key (so the feed's credential re-check has as many
   keys to look at as sockets), leaves them idle, and counts the server's closes by code; then times one
   event to every socket. First for `--baseline-hold` seconds with the channel layer's read timeout at
   5 s (redis-py 8's default, which the layer used before it was set explicitly), then for SECONDS with
   the configured one; daphne's CPU time over each hold shows what the idle sockets and the re-checks
   cost.

    .venv/bin/python bench/feed_latency.py --hold 600 --idle 2000 [--baseline-hold 60]
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
from typing import Any
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

    def idle_keys(sockets: int) -> list[tuple[int, str]]:
        """Users and keys for `sockets` idle sockets: the feed lets one user hold at most
        KINEMA_FEED_MAX_SOCKETS_PER_USER, so they are spread over `bench-idle-N` users."""
        from django.conf import settings

        from accounts.models import ApiKey

        per_user = max(1, settings.KINEMA_FEED_MAX_SOCKETS_PER_USER)
        found = []
        for n in range(-(-sockets // per_user)):
            idle, _ = User.objects.get_or_create(username=f"bench-idle-{n}")
            found.append((idle.pk, ApiKey.issue(idle, name="feed-idle")[1]))
        return found

    job_id, token, user_id = await sync_to_async(make_job)()
    report: dict[str, Any] = {}
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
        idle_users = await sync_to_async(idle_keys)(args.idle)
        per_user = -(-args.idle // len(idle_users))
        conns = []
        failed = 0
        for i in range(args.idle):
            idle_headers = {"Authorization": f"Bearer {idle_users[i // per_user][1]}"}
            try:
                conns.append(await websockets.connect(args.url, additional_headers=idle_headers, open_timeout=20))
            except Exception as exc:
                failed += 1
                if failed == 1:
                    print(f"connection {i} failed: {exc!r}", flush=True)
                if failed > 20:
                    break
        rss_after = daphne_rss_mb(port)
        t0 = time.perf_counter()
        for idle_user, _ in idle_users:
            await sync_to_async(send_to_feed)(idle_user, {"kind": "ping", "job_id": job_id})

        misses: dict[str, int] = {}

        async def got_ping(ws) -> bool:
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


# --- 3. idle sockets held open ------------------------------------------------------------------

HOLD_USER = "bench-feed-hold"


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (fields 14 and 15 of /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def start_daphne(port: int, overrides: dict[str, str], sockets: int) -> subprocess.Popen[bytes]:
    log = open(f"/tmp/feed-hold-daphne-{port}.log", "wb")  # noqa: SIM115 - lives as long as the process
    # All the held sockets are one user's (each with its own key): this daphne lets that user hold them all.
    env = {**os.environ, "DB_CONN_MAX_AGE": "0", "KINEMA_LOG_LEVEL": "WARNING",
           "KINEMA_FEED_MAX_SOCKETS_PER_USER": str(sockets + 10), **overrides}
    return subprocess.Popen([sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port),
                             "webapp.asgi:application"], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


async def hold_once(label: str, overrides: dict[str, str], keys: list[str], user_id: int, hold_s: float,
                    probe: tuple[str, int]) -> dict:
    """One daphne, len(keys) sockets, idle for hold_s seconds: closes by code; before and after the hold,
    the latency of single events to one more socket (another user's: `probe` is its key and user id)
    and of one event to all the idle sockets at once."""
    import websockets
    from asgiref.sync import sync_to_async

    from jobs.signals import send_to_feed
    from webapp.processes import free_port, port_open

    port = free_port()
    proc = start_daphne(port, overrides, len(keys))
    url = f"ws://127.0.0.1:{port}/ws/jobs/"
    try:
        for _ in range(600):
            if port_open(port):
                break
            await asyncio.sleep(0.1)
        t_start = time.perf_counter()
        closes: list[tuple[float, int | None]] = []  # (seconds since the first handshake, close code)
        arrivals: dict[str, list[float]] = {}
        closing = False

        async def watch(ws) -> None:
            try:
                async for raw in ws:
                    marker = json.loads(raw).get("marker")
                    if marker:
                        arrivals.setdefault(marker, []).append(time.perf_counter())
            except websockets.ConnectionClosed:
                pass
            if not closing:  # a close by the server, not ours at the end
                closes.append((time.perf_counter() - t_start, ws.close_code))

        conns = []
        watchers = []
        failed = 0
        # 10 handshakes at a time: daphne drops a handshake its application has not accepted within 5 s,
        # and on this shared box 50 at a time made it drop a few percent of them.
        for i in range(0, len(keys), 10):
            opened = await asyncio.gather(*(websockets.connect(
                url, additional_headers={"Authorization": f"Bearer {key}"}, open_timeout=60, proxy=None)
                for key in keys[i:i + 10]), return_exceptions=True)
            for ws in opened:
                if isinstance(ws, BaseException):
                    failed += 1
                    if failed == 1:
                        print(f"[{label}] a connection failed: {ws!r}", flush=True)
                else:
                    conns.append(ws)
                    watchers.append(asyncio.create_task(watch(ws)))
        closed_while_opening = len(closes)
        print(f"[{label}] {len(conns)} sockets opened ({failed} failed, {closed_while_opening} already closed "
              f"again); idle for {hold_s:.0f} s", flush=True)

        async def broadcast(marker: str) -> dict:
            expected = len(conns) - len(closes)
            t0 = time.perf_counter()
            await sync_to_async(send_to_feed)(user_id, {"kind": "ping", "marker": marker})
            for _ in range(300):
                if len(arrivals.get(marker, [])) >= expected:
                    break
                await asyncio.sleep(0.1)
            lat = sorted((t - t0) * 1000 for t in arrivals.get(marker, []))
            return {"expected": expected, "delivered": len(lat),
                    **({"p50_ms": round(statistics.median(lat), 1), "p99_ms": round(percentile(lat, 0.99), 1),
                        "max_ms": round(lat[-1], 1)} if lat else {})}

        probe_ws = await websockets.connect(url, additional_headers={"Authorization": f"Bearer {probe[0]}"},
                                            open_timeout=60, proxy=None)

        async def single_events(marker: str, n: int = 20) -> dict:
            """n events, one at a time, to the probe socket: what one user sees while the idle sockets sit there."""
            lat = []
            for i in range(n):
                t0 = time.perf_counter()
                await sync_to_async(send_to_feed)(probe[1], {"kind": "ping", "marker": f"{marker}-{i}"})
                try:
                    async with asyncio.timeout(10):
                        while json.loads(await probe_ws.recv()).get("marker") != f"{marker}-{i}":
                            pass
                except (TimeoutError, websockets.ConnectionClosed):
                    continue
                lat.append((time.perf_counter() - t0) * 1000)
                await asyncio.sleep(0.05)
            lat.sort()
            return {"sent": n, "delivered": len(lat),
                    **({"p50_ms": round(statistics.median(lat), 1), "max_ms": round(lat[-1], 1)} if lat else {})}

        fresh_single = await single_events(f"{label}-fresh")
        fresh = await broadcast(f"{label}-fresh")
        closed_before_hold = len(closes)
        cpu0, t0 = cpu_seconds(proc.pid), time.perf_counter()
        deadline = t0 + hold_s
        while (left := deadline - time.perf_counter()) > 0:
            await asyncio.sleep(min(60.0, left))
            print(f"[{label}] {time.perf_counter() - t0:.0f} s: {len(conns) - len(closes)} open, "
                  f"{len(closes)} closed by the server", flush=True)
        cpu_used, held = cpu_seconds(proc.pid) - cpu0, time.perf_counter() - t0
        closed_by_end_of_hold = len(closes)
        after_single = await single_events(f"{label}-after-hold")
        after = await broadcast(f"{label}-after-hold")
        closing = True
        rss = rss_mb(proc.pid)
        await asyncio.gather(*(ws.close() for ws in [*conns, probe_ws]), return_exceptions=True)
        await asyncio.gather(*watchers, return_exceptions=True)

        codes: dict[str, int] = {}
        for _, code in closes:
            codes[str(code)] = codes.get(str(code), 0) + 1
        times = sorted(t for t, _ in closes)
        result = {
            "sockets_opened": len(conns), "failed_to_open": failed, "held_s": round(held),
            "server_closes": {"while_opening": closed_while_opening, "before_hold": closed_before_hold,
                              "by_end_of_hold": closed_by_end_of_hold, "in_all": len(closes), "codes": codes,
                              "first_s": round(times[0], 1) if times else None,
                              "median_s": round(statistics.median(times), 1) if times else None},
            "probe_events_before_hold": fresh_single, "probe_events_after_hold": after_single,
            "event_to_all_before_hold": fresh, "event_to_all_after_hold": after,
            "daphne_cpu_s_during_hold": round(cpu_used, 1), "daphne_cpu_percent": round(100 * cpu_used / held, 2),
            "daphne_rss_mb": round(rss),
        }
        print(f"[{label}] {json.dumps(result)}", flush=True)
        return result
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()


async def hold_async(args: argparse.Namespace) -> dict:
    from asgiref.sync import sync_to_async
    from django.conf import settings

    from accounts.models import ApiKey, Tier, User
    from jobs.feed_auth import FeedCredential, find_ended

    def make_keys() -> tuple[int, list[str], tuple[str, int]]:
        tier = Tier.objects.order_by("pk").first()
        user, _ = User.objects.get_or_create(username=HOLD_USER, defaults={"tier": tier})
        probe, _ = User.objects.get_or_create(username=f"{HOLD_USER}-probe", defaults={"tier": tier})
        ApiKey.objects.filter(user__in=[user, probe]).delete()
        keys = [ApiKey.issue(user, name="feed-hold")[1] for _ in range(args.idle)]
        return user.pk, keys, (ApiKey.issue(probe, name="feed-hold")[1], probe.pk)

    def time_one_recheck() -> dict:
        """What one re-check sweep of that many API-key sockets costs (the same call daphne makes)."""
        credentials = [FeedCredential(user_id, api_key_id=pk)
                       for pk in ApiKey.objects.filter(user_id=user_id).values_list("pk", flat=True)]
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            ended = find_ended(credentials)
            runs.append((time.perf_counter() - t0) * 1000)
        assert not ended
        return {"credentials": len(credentials), "median_ms": round(statistics.median(runs), 1),
                "max_ms": round(max(runs), 1)}

    user_id, keys, probe = await sync_to_async(make_keys)()
    report: dict = {"sockets": args.idle, "recheck_s": settings.KINEMA_FEED_RECHECK_S,
                    "one_recheck": await sync_to_async(time_one_recheck)()}
    print(f"one credential re-check of {args.idle} API-key sockets: {report['one_recheck']}", flush=True)
    try:
        if args.baseline_hold > 0:
            # redis-py 8's default socket timeout, as the channel layer had it before it was set explicitly.
            report["baseline_read_timeout_5s"] = await hold_once(
                "baseline", {"KINEMA_FEED_REDIS_SOCKET_TIMEOUT_S": "5"}, keys, user_id, args.baseline_hold, probe)
        report[f"configured_read_timeout_{settings.KINEMA_FEED_REDIS_SOCKET_TIMEOUT_S:g}s"] = await hold_once(
            "configured", {}, keys, user_id, args.hold, probe)
    finally:
        await sync_to_async(ApiKey.objects.filter(user_id__in=[user_id, probe[1]]).delete)()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="ws://127.0.0.1:8001/ws/jobs/", help="make run serves websockets on :8001")
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--idle", type=int, default=2000)
    parser.add_argument("--hold", type=float, default=0,
                        help="seconds to hold --idle sockets open on a daphne of the bench's own (mode 3)")
    parser.add_argument("--baseline-hold", type=float, default=60,
                        help="mode 3: seconds to hold them first with the 5 s read timeout (0: skip)")
    args = parser.parse_args()
    if args.idle < 1 or args.hold < 0 or args.baseline_hold < 0:
        parser.error("--idle must be positive, --hold and --baseline-hold zero or more")
    setup_django()
    if args.hold:
        # 2,000 sockets are 2,000 descriptors on each side; daphne inherits the raised limit.
        _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        print(json.dumps(asyncio.run(hold_async(args))))
    else:
        print(json.dumps(asyncio.run(main_async(args))))


if __name__ == "__main__":
    main()
