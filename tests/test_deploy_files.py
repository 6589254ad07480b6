"""deploy/compose.yaml and deploy/Dockerfile stay in step with what the suite and `make run` run.

There is no container runtime here, so the files are parsed, not run: every role webapp/stack.py starts
(`worker_commands()`) must be a compose service running the same program with the same options (values
such as bind addresses and process counts may differ: they are deployment choices), every other Kinema
command in the file must be one `make run` runs too (migrate, init_signing), and the image must install
its dependencies with the Makefile's own pip commands.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import yaml

from webapp import stack

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "deploy" / "compose.yaml"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
# What `make run` runs besides the roles (webapp/stack.py run(): migrate, ensure_signing), as manage.py commands.
SETUP_COMMANDS = {"migrate", "init_signing"}


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(loaded, dict)
    return loaded


def kinema_services(doc: dict[str, Any]) -> dict[str, Any]:
    """The services that run the Kinema image (the others are PostgreSQL, Redis and MinIO)."""
    return {name: svc for name, svc in doc["services"].items() if str(svc.get("image", "")).startswith("kinema")}


def commands(argv: list[str]) -> list[list[str]]:
    """The commands a service's argv runs: itself, or the `&&`-separated commands of an `sh -c` string
    (with `exec` and compose's `$$` escape taken out)."""
    if argv[:2] == ["sh", "-c"]:
        return [shlex.split(part.replace("$$", "$").strip().removeprefix("exec "))
                for part in argv[2].split("&&")]
    return [argv]


def shape(argv: list[str]) -> tuple[str, tuple[str, ...], frozenset[str]]:
    """What a command is, whatever the interpreter path and the option values: its entry point (a module
    after -m, or manage.py's subcommand), its positional arguments and the set of its option names."""
    args = list(argv)
    assert Path(args[0]).name.startswith("python"), argv
    args = args[1:]
    if args[0] == "-m":
        entry, rest = f"-m {args[1]}", args[2:]
    else:
        assert Path(args[0]).name == "manage.py", argv
        entry, rest = f"manage.py {args[1]}", args[2:]
    options: set[str] = set()
    positional: list[str] = []
    value_next = False
    for a in rest:
        if value_next:  # every option of these commands takes a value (which may be "-": stdout)
            value_next = False
        elif a.startswith("-"):
            options.add(a)
            value_next = True
        else:
            positional.append(a)
    return entry, tuple(positional), frozenset(options)


def test_every_role_of_the_stack_is_a_compose_service_running_the_same_command() -> None:
    roles = stack.worker_commands()
    services = kinema_services(compose())
    assert set(roles) <= set(services), f"roles without a service: {sorted(set(roles) - set(services))}"
    for role, argv in roles.items():
        ran = commands(services[role]["command"])
        assert len(ran) == 1, f"{role} runs one command"
        assert shape(ran[0]) == shape(argv), f"compose's {role} drifted from webapp/stack.py's: {ran[0]} vs {argv}"


def test_every_other_kinema_command_in_compose_is_one_make_run_runs() -> None:
    roles = stack.worker_commands()
    role_shapes = {shape(argv) for argv in roles.values()}
    for name, svc in kinema_services(compose()).items():
        for argv in commands(svc["command"]):
            if shape(argv) in role_shapes:
                continue
            entry = shape(argv)[0]
            assert entry.startswith("manage.py ") and entry.split()[1] in SETUP_COMMANDS, \
                f"service {name} runs {argv}, which neither `make run` nor the suite runs"


def test_the_gpu_worker_replicas_get_distinct_names_and_the_websockets_role_its_process_env() -> None:
    services = kinema_services(compose())
    (gpu,) = commands(services["gpu-worker"]["command"])
    name = gpu[gpu.index("--name") + 1]
    assert "$(hostname)" in name, "replicas of a scaled GPU worker must not share one name"
    for role, env in stack.PROCESS_ENV.items():
        for key, value in env.items():
            assert str(services[role]["environment"][key]) == value, f"{role} must run with {key}={value}"


def test_kinema_services_use_the_shared_databases_and_object_storage() -> None:
    doc = compose()
    for name, svc in kinema_services(doc).items():
        env = svc["environment"]
        assert env["DATABASE_URL"].startswith("postgres://") and "@postgres:" in env["DATABASE_URL"], name
        assert env["REDIS_URL"].startswith("redis://redis:"), name
        assert env["KINEMA_S3_BUCKET"] and env["KINEMA_S3_ENDPOINT_URL"].startswith("http://minio:"), name
    assert {"postgres", "redis", "minio"} <= set(doc["services"])


def makefile_pip_commands() -> list[str]:
    """The Makefile's install recipe's pip commands, with its variables spelled as in the image."""
    text = (ROOT / "Makefile").read_text()
    lines = [line.strip() for line in text.splitlines() if re.search(r"\$\(PY\) -m pip install", line)]
    assert lines, "the Makefile installs with $(PY) -m pip install"
    return [line.replace("$(PY)", "python") for line in lines]


def test_the_image_installs_exactly_as_the_makefile_does_and_runs_as_a_user() -> None:
    docker = DOCKERFILE.read_text()
    assert re.search(r"^FROM python:3\.11-slim\b", docker, re.M)
    runs = [re.sub(r"\s+", " ", cmd).strip() for cmd in re.split(r"&&|\\?\n", docker)]
    for pip_command in makefile_pip_commands():
        assert any(cmd.endswith(pip_command) for cmd in runs), f"the image does not run `{pip_command}`"
    users = re.findall(r"^USER (\S+)", docker, re.M)
    assert users and users[-1] not in {"root", "0"}, "the image must run as a non-root user"
