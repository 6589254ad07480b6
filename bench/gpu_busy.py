"""GPU busy fraction under a backlog, prefetch off and on (issue 16), on the real stack pieces.

Starts a private PostgreSQL and Redis, the dispatcher and one GPU worker (the real processes: `manage.py
dispatcher`, `manage.py gpu_worker`), fills a backlog of `--jobs` tiny jobs from a few Pro users (queued at
once, while the worker is drained), opens the worker and waits until every job's frames are written. Then it
reads the worker's timeline (gpu_worker/runtime.py TIMELINE_KEY: when each run's message arrived, its claim,
its render's start and end, its frames written, its `frames_done`, its bookkeeping done) and the jobs' events.

Busy fraction: the time inside a render (prompt encoding, denoising, decode: `render` in gpu_worker/tasks.py)
over the worker's wall time from the first claim to the last frames written. Each gap between two renders is
split into: the previous run's frames write, `frames_done` and bookkeeping on the critical path (inline when
prefetch is off), the wait for the next job (the dispatcher's pass, split at the next job's `dispatched` event,
the outbox send and Dramatiq's delivery), its claim, and its setup (row read, checkpoint look-up, events).

Modes alternate (off, on, off, on, ...) with a fresh worker each, so a busy neighbour on a shared box slows
them alike. No CPU worker runs: jobs stop at `finalizing` (finalize's encode would compete for this box's cores
with the "GPU", which on a real machine it does not).

    KINEMA_VAR_DIR=/var/tmp/kv-x .venv/bin/python bench/gpu_busy.py [--jobs 24] [--steps 10] [--rounds 1]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKER = "bench-busy"


def start_services(base: Path) -> tuple[Any, Any, dict[str, str]]:
    from webapp.stack import EmbeddedPostgres, EmbeddedRedis, embedded_env, ensure_model

    pg = EmbeddedPostgres(base / "pg", durable=False)
    redis_server = EmbeddedRedis(base / "redis", durable=False)
    env = embedded_env({**os.environ, "DATABASE_URL": pg.start(), "REDIS_URL": redis_server.start(),
                        "KINEMA_MEDIA_ROOT": str(base / "media"), "KINEMA_LOG_LEVEL": "WARNING",
                        "OMP_NUM_THREADS": "1", "KINEMA_TORCH_THREADS": "1", "PYTHONUNBUFFERED": "1"})
    ensure_model(env)
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v", "0"], env=env,
                   check=True, cwd=ROOT)
    return pg, redis_server, env


def make_jobs(users: list[Any], n: int, steps: int, tag: str, seconds: int = 1) -> list[str]:
    from accounts.models import Tier
    from jobs import lifecycle
    from jobs.submission import parse_submission, submit

    ids = []
    for i in range(n):
        user = users[i % len(users)]
        tier = Tier.objects.get(name=user.tier_id)
        sub = parse_submission({"prompt": f"a paper lantern {tag} {i}", "size": "96x96", "seconds": seconds,
                                "steps": steps, "seed": i}, None, tier, user.pk)
        job = submit(user, sub)
        lifecycle.accept_after_screening(job.id)  # screening is not what this measures
        ids.append(job.id)
    return ids


def wait_for(predicate: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise SystemExit(f"timed out waiting for {what}")


def run_mode(env: dict[str, str], users: list[Any], prefetch: bool, jobs: int, steps: int, log_dir: Path,
             tag: str, seconds: int = 1) -> dict[str, Any]:
    from jobs.models import GpuWorker, Job, JobEvent, JobState
    from jobs.signals import ring_dispatcher
    from webapp.processes import kill_group, spawn_group
    from webapp.resilience import bounded_redis

    name = f"{WORKER}-{tag}"
    log = open(log_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed below
    proc = spawn_group([sys.executable, str(ROOT / "manage.py"), "gpu_worker", "--name", name],
                       env={**env, "KINEMA_GPU_PREFETCH": "1" if prefetch else "0"}, stdout=log,
                       stderr=subprocess.STDOUT)
    try:
        worker = wait_for(lambda: GpuWorker.objects.filter(name=name).first(), 180, "the GPU worker")
        GpuWorker.objects.filter(pk=worker.pk).update(service=GpuWorker.Service.DRAINING)
        ids = make_jobs(users, jobs, steps, tag, seconds)
        GpuWorker.objects.filter(pk=worker.pk).update(service=GpuWorker.Service.ACTIVE)
        ring_dispatcher()
        wait_for(lambda: not Job.objects.filter(pk__in=ids, state__in=[
            JobState.QUEUED, JobState.DISPATCHED, JobState.RUNNING]).exists(), 60 + jobs * steps * 2, "the backlog")
        # The last timeline entries are written right after the last frames_done.
        raw = wait_for(lambda: (lambda r: r if len(r) >= jobs else None)(
            bounded_redis().lrange(f"kinema:gpu:timeline:{name}", 0, -1)), 30, "the timeline")
    finally:
        kill_group(proc, signal.SIGTERM, wait_s=60)
        log.close()
    timeline = [json.loads(r) for r in raw]
    failed = Job.objects.filter(pk__in=ids).exclude(state=JobState.FINALIZING).values_list("id", "state")
    if failed:
        raise SystemExit(f"jobs did not reach finalizing: {list(failed)}")
    dispatched = {e["job_id"]: e["at"].timestamp() for e in
                  JobEvent.objects.filter(job_id__in=ids, reason="dispatched").values("job_id", "at")}
    prefetched = JobEvent.objects.filter(job_id__in=ids, reason="prefetched").count()
    if os.environ.get("GPU_BUSY_DUMP"):  # the raw timeline and events, to look into one mode's gaps
        events = list(JobEvent.objects.filter(job_id__in=ids).order_by("id").values_list("job_id", "reason", "at"))
        Path(os.environ["GPU_BUSY_DUMP"], f"{tag}.json").write_text(json.dumps(
            {"timeline": timeline, "events": [(j, r, at.timestamp()) for j, r, at in events]}, indent=1))
    return analyse(timeline, dispatched, prefetched)


def analyse(timeline: list[dict[str, Any]], dispatched: dict[str, float], prefetched: int) -> dict[str, Any]:
    runs = sorted(timeline, key=lambda r: r["render_start"])
    wall = max(r["frames_written"] for r in runs) - min(r["claimed"] for r in runs)
    busy = 0.0
    covered = float("-inf")
    for r in runs:  # the union of the render intervals (a batch's runs overlap)
        start = max(r["render_start"], covered)
        if r["render_end"] > start:
            busy += r["render_end"] - start
            covered = r["render_end"]
    parts: dict[str, list[float]] = {k: [] for k in ("gap", "settle inline", "dispatcher", "message", "claim",
                                                      "setup")}
    for prev, nxt in zip(runs, runs[1:], strict=False):
        gap = nxt["render_start"] - prev["render_end"]
        if gap <= 0:
            continue
        inline = prev["settled"] if prev["settled"] <= nxt["message"] else prev["render_end"]
        sent = min(max(dispatched.get(nxt["job"], inline), inline), nxt["message"])
        parts["gap"].append(gap)
        parts["settle inline"].append(inline - prev["render_end"])
        parts["dispatcher"].append(sent - inline)
        parts["message"].append(nxt["message"] - sent)
        parts["claim"].append(nxt["claimed"] - nxt["message"])
        parts["setup"].append(nxt["render_start"] - nxt["claimed"])
    settle = [r["settled"] - r["render_end"] for r in runs]
    return {"runs": len(runs), "wall_s": wall, "busy_s": busy, "fraction": busy / wall if wall else 0.0,
            "render_s": statistics.median(r["render_end"] - r["render_start"] for r in runs),
            "settle_s": statistics.median(settle), "prefetched": prefetched,
            "gaps_ms": {k: 1000 * sum(v) / max(1, len(runs) - 1) for k, v in parts.items()}}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--jobs", type=int, default=24)
    p.add_argument("--steps", type=int, default=40)
    p.add_argument("--users", type=int, default=4)
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--seconds", type=int, default=1,
                   help="each clip's length: more frames make each render longer (the tiny model renders 4 fps)")
    args = p.parse_args()

    from webapp.processes import kill_group, shared_tmp, spawn_group

    base = Path(tempfile.mkdtemp(prefix="gpu-busy-", dir=shared_tmp()))
    base.chmod(0o755)
    pg, redis_server, env = start_services(base)
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "REDIS_URL", "KINEMA_MEDIA_ROOT", "DJANGO_SECRET_KEY")})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
    dispatcher = None
    try:
        import django

        django.setup()
        from accounts.credits import grant_credits
        from accounts.models import User

        users = []
        for i in range(args.users):
            user = User.objects.create(username=f"busy-{i}", tier_id="pro")
            grant_credits(user, 1_000_000, note="bench")
            users.append(user)
        dlog = open(base / "dispatcher.log", "ab")  # noqa: SIM115 - lives as long as the process
        dispatcher = spawn_group([sys.executable, str(ROOT / "manage.py"), "dispatcher"], env=env, stdout=dlog,
                                 stderr=subprocess.STDOUT)
        results: dict[bool, list[dict[str, Any]]] = {False: [], True: []}
        for r in range(args.rounds):
            for prefetch in (False, True):
                tag = f"{'on' if prefetch else 'off'}{r}"
                res = run_mode(env, users, prefetch, args.jobs, args.steps, base, tag, args.seconds)
                results[prefetch].append(res)
                gaps = json.dumps({k: round(v, 1) for k, v in res["gaps_ms"].items()})
                print(f"round {r} prefetch {'on ' if prefetch else 'off'}: busy {100 * res['fraction']:.2f} % "
                      f"({res['busy_s']:.1f} s of {res['wall_s']:.1f} s), mean gaps in ms {gaps}", flush=True)
        report(results, args)
    finally:
        if dispatcher is not None:
            kill_group(dispatcher, signal.SIGTERM, wait_s=30)
        redis_server.stop()
        pg.stop()
        shutil.rmtree(base, ignore_errors=True)


def report(results: dict[bool, list[dict[str, Any]]], args: argparse.Namespace) -> None:
    print(f"\n{args.jobs} jobs of 96x96, {args.seconds} s, {args.steps} steps, 1 GPU worker (CPU, 1 thread), "
          f"{args.users} Pro users; median of {args.rounds} round(s)")
    keys = ["gap", "settle inline", "dispatcher", "message", "claim", "setup"]
    print(f"{'prefetch':<10}{'busy %':>8}{'wall s':>8}{'render s':>10}{'settle s':>10}{'prefetched':>11}"
          + "".join(f"{k + ' ms':>17}" for k in keys))
    for prefetch in (False, True):
        rs = results[prefetch]

        def med(key: str, rs: list[dict[str, Any]] = rs) -> float:
            return statistics.median(r[key] for r in rs)

        print(f"{'on' if prefetch else 'off':<10}{100 * med('fraction'):>8.2f}{med('wall_s'):>8.1f}"
              f"{med('render_s'):>10.3f}{med('settle_s'):>10.3f}{int(med('prefetched')):>11}"
              + "".join(f"{statistics.median(r['gaps_ms'][k] for r in rs):>17.1f}" for k in keys))
    print("gap columns: mean per hand-over between two renders (settle inline + dispatcher + message + claim + "
          "setup = gap)")


if __name__ == "__main__":
    main()
