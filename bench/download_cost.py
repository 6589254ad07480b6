"""What a large download costs the web tier: streamed from the web process (the filesystem default, sendfile)
against a 302 to a presigned S3 URL (`KINEMA_DELIVERY=redirect`), for the same 100 MB video.

    .venv/bin/python bench/download_cost.py [--megabytes 100] [--repeat 3] [--slow-mbps 20]

It starts its own embedded PostgreSQL and Redis (in a temporary KINEMA_VAR_DIR), moto's S3 server, and
gunicorn exactly as `make run` does (webapp/stack.py), once on the filesystem store and once on S3, with
gunicorn's access log recording each request's time in the web process (`%(L)s`: from the request to the
last byte handed to the socket, i.e. how long the download held a web thread). Each download is made by a
client reading as fast as loopback allows, then by one paced at `--slow-mbps` megabytes/s (a viewer on a
slow link: the server's thread waits for the socket). For each it prints the time to the first body byte,
the total time, the web thread's time and the web process's CPU. On S3 the client follows the redirect to
moto (a Python server, far slower than a real S3/CDN): its bytes never pass through gunicorn.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
BUCKET = "kinema-bench"
S3_ENV = {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench", "AWS_DEFAULT_REGION": "us-east-1"}
LOG_FORMAT = "%(m)s %(U)s %(s)s %(L)s"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def manage(env: dict[str, str], *args: str) -> str:
    return subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its children that were reaped, plus its live children (gunicorn's
    workers), from /proc."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


@contextmanager
def gunicorn(env: dict[str, str], log: Path) -> Iterator[tuple[str, int]]:
    from webapp.stack import worker_commands

    port = free_port()
    env = {**env, "KINEMA_PORT": str(port), "KINEMA_WEB_WORKERS": "1"}
    os.environ["KINEMA_PORT"] = str(port)
    command = [*worker_commands()["web"], "--access-logformat", LOG_FORMAT]
    command[command.index("--access-logfile") + 1] = str(log)
    proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.3)
        yield base, proc.pid
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def download(url: str, key: str, pace_mbps: float | None) -> tuple[float, float, int]:
    """(seconds to the first body byte, total seconds, bytes), following a redirect."""
    start = time.monotonic()
    first = 0.0
    size = 0
    with httpx.Client(timeout=120, follow_redirects=True) as client, \
            client.stream("GET", url, headers={"Authorization": f"Bearer {key}"}) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes(256 * 1024):
            if not size:
                first = time.monotonic() - start
            size += len(chunk)
            if pace_mbps:
                ahead = start + size / (pace_mbps * 1e6) - time.monotonic()
                if ahead > 0:
                    time.sleep(ahead)
    return first, time.monotonic() - start, size


def thread_seconds(log: Path, seen: int) -> tuple[list[tuple[str, float]], int]:
    """The content requests' web-thread times logged since line `seen`."""
    lines = log.read_text().splitlines() if log.exists() else []
    found = []
    for line in lines[seen:]:
        method, path, status, seconds = line.split()
        if method == "GET" and path.endswith("/content"):
            found.append((status, float(seconds)))
    return found, len(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--slow-mbps", type=float, default=20.0)
    args = parser.parse_args()

    var = Path(tempfile.mkdtemp(prefix="kinema-download-bench-"))
    os.environ["KINEMA_VAR_DIR"] = str(var)
    os.environ.setdefault("KINEMA_ACCESS_LOG", "1")
    sys.path.insert(0, str(ROOT))
    from moto.server import ThreadedMotoServer

    from webapp.stack import services

    try:
        with services(durable=False) as env:
            env = {**env, "KINEMA_VAR_DIR": str(var), "KINEMA_ACCESS_LOG": "1", "KINEMA_DELIVERY": "auto"}
            os.environ.update(env)
            manage(env, "migrate", "--no-input")
            key = manage(env, "create_api_user", "download-bench", "--tier", "pro").strip().splitlines()[-1]
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
            import django

            django.setup()
            import boto3
            from django.utils import timezone

            from accounts.models import User
            from jobs.artifacts import put_artifact
            from jobs.models import Artifact, Job, JobState

            user = User.objects.get(username="download-bench")
            job = Job.objects.create(user=user, state=JobState.SUCCEEDED, tier="pro", prompt="a download benchmark",
                                     model="kinema-tiny", seconds=4, size="1280x720", width=1280, height=720,
                                     num_frames=97, fps=24, steps=4, seed=1, finished_at=timezone.now(),
                                     expires_at=timezone.now() + timedelta(days=1))
            payload = os.urandom(args.megabytes * 1024 * 1024)
            art = put_artifact(job.id, Artifact.Kind.VIDEO, payload, "video/mp4")

            port = free_port()
            moto = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
            moto.start()
            logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's per-request lines
            logging.getLogger("botocore").setLevel(logging.WARNING)
            endpoint = f"http://127.0.0.1:{port}"
            os.environ.update(S3_ENV)
            s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
            s3.create_bucket(Bucket=BUCKET)
            s3.put_object(Bucket=BUCKET, Key=art.key, Body=payload, ContentType="video/mp4")
            del payload
            s3_env = {**env, **S3_ENV, "KINEMA_S3_BUCKET": BUCKET, "KINEMA_S3_ENDPOINT_URL": endpoint,
                      "KINEMA_S3_REGION": "us-east-1"}
            print(f"{args.megabytes} MB video, {args.repeat} downloads per row; slow client paced at "
                  f"{args.slow_mbps:g} MB/s\n")
            print(f"{'delivery':<22}{'client':<10}{'first byte s':>13}{'total s':>9}{'MB/s':>7}"
                  f"{'web thread s':>14}{'web CPU s':>11}  status")
            try:
                for name, label, mode_env in (("stream", "streamed (sendfile)", env),
                                              ("redirect", "302 to presigned S3", s3_env)):
                    log = var / f"access-{name}.log"
                    with gunicorn(mode_env, log) as (base, pid):
                        url = f"{base}/v1/videos/{job.id}/content"
                        # Warm every thread of the worker (its database connection, the API-key cache, the S3
                        # client) with HEADs, so the rows measure downloads only.
                        with ThreadPoolExecutor(8) as pool:
                            list(pool.map(lambda u: httpx.head(u, headers={"Authorization": f"Bearer {key}"},
                                                               timeout=30), [url] * 16))
                        seen = thread_seconds(log, 0)[1]  # past the warm-up
                        for client, pace in (("fast", None), ("slow", args.slow_mbps)):
                            firsts, totals, threads, cpus, statuses = [], [], [], [], set()
                            for _ in range(args.repeat):
                                before = cpu_seconds(pid)
                                first, total, size = download(url, key, pace)
                                time.sleep(0.3)  # the access log line is written after the response
                                cpus.append(cpu_seconds(pid) - before)
                                assert size == args.megabytes * 1024 * 1024, size
                                logged, seen = thread_seconds(log, seen)
                                threads += [s for _, s in logged]
                                statuses |= {st for st, _ in logged}
                                firsts.append(first)
                                totals.append(total)
                            med = statistics.median
                            print(f"{label:<22}{client:<10}{med(firsts):>13.3f}{med(totals):>9.2f}"
                                  f"{args.megabytes / med(totals):>7.0f}{med(threads):>14.3f}{med(cpus):>11.3f}"
                                  f"  {','.join(sorted(statuses))}")
            finally:
                moto.stop()
    finally:
        shutil.rmtree(var, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
