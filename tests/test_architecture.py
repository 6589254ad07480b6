"""The import rules of docs/architecture.md, checked from every module's imports (parsed, not run).

Layers, lowest first: the ground floor (webapp's infrastructure modules), accounts, safety, jobs,
gpu_worker, and the top (pages, the admin consoles, entry points and management commands). A module
imports only from its own layer or below; the GPU worker imports the ground floor and jobs'
worker-facing API only; the scheduling policy and simulator import only the standard library; the
state machine imports none of its outcome handlers. Imports inside functions and under
TYPE_CHECKING count like any other: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("webapp", "accounts", "safety", "jobs", "gpu_worker")

# webapp/ holds the ground floor and the pages. Every webapp module must be listed in one of the two,
# so a new one is placed deliberately.
GROUND_FLOOR = {
    "webapp", "webapp.settings", "webapp.broker", "webapp.metrics", "webapp.logs", "webapp.processes",
    "webapp.resilience", "webapp.degradation", "webapp.fault_injection", "webapp.security", "webapp.stack",
    "webapp.recheck", "webapp.gunicorn_conf",
    "webapp.postgres", "webapp.postgres.base",
}
WEBAPP_TOP = {
    "webapp.pages", "webapp.ops", "webapp.context", "webapp.health", "webapp.urls", "webapp.asgi", "webapp.wsgi",
    "webapp.cpu_entry",
}
RANK = {"ground": 0, "accounts": 1, "safety": 2, "jobs": 3, "gpu_worker": 4, "top": 5}

# What the GPU worker may use of jobs: the state machine's worker side, the job and fleet models, the
# Redis flags and feed, artifact storage, media helpers, profiles, styles, actor logs, and the CPU
# actors' declarations (gpu_worker/entry.py imports jobs.tasks so finalize messages can be sent).
GPU_WORKER_MAY_IMPORT = {
    "jobs", "jobs.lifecycle", "jobs.models", "jobs.signals", "jobs.artifacts", "jobs.media", "jobs.profiles",
    "jobs.styles", "jobs.actor_logs", "jobs.tasks",
}
STDLIB_ONLY = "jobs.scheduling"  # the package of the policy and the simulator: pure, testable without Django
# The state machine runs its outcome handlers through the registry in settings, never by import.
LIFECYCLE_MUST_NOT_IMPORT = ("jobs.outcomes.", "accounts.credits", "jobs.webhooks", "jobs.notifications")


@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    imports: frozenset[str]  # absolute module names, resolved to submodules where they exist


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def collect(root: Path, apps: Iterable[str] = APPS) -> dict[str, Module]:
    """Every module of the apps (migrations aside: Django loads them, nothing imports them)."""
    paths = [p for app in apps for p in sorted((root / app).rglob("*.py")) if "migrations" not in p.parts]
    names = {module_name(p, root) for p in paths}
    modules = {}
    for path in paths:
        name = module_name(path, root)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: resolve against this module's package
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    found.add(sub if sub in names else base)
        modules[name] = Module(name, path, frozenset(found))
    return modules


def layer(name: str) -> str:
    top, _, rest = name.partition(".")
    if top == "webapp":
        if name in GROUND_FLOOR:
            return "ground"
        if name in WEBAPP_TOP:
            return "top"
        raise LookupError(f"{name} is in neither GROUND_FLOOR nor WEBAPP_TOP: place it in one")
    if rest == "admin" or ".management" in f".{rest}" or rest == "entry" or rest.endswith("_entry"):
        return "top"  # consoles, commands and Dramatiq entry modules: nothing below imports them
    return top


def in_package(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def violations(modules: dict[str, Module]) -> Iterator[str]:
    ours = set(modules)
    for mod in modules.values():
        here = layer(mod.name)
        for imported in sorted(mod.imports):
            root = imported.split(".")[0]
            if in_package(mod.name, STDLIB_ONLY) and not in_package(imported, STDLIB_ONLY) \
                    and root not in sys.stdlib_module_names and root != "__future__":
                yield f"{mod.name} imports {imported}: the scheduling policy imports only the standard library"
            if root not in APPS:
                continue
            target = imported if imported in ours else root
            there = layer(target)
            if RANK[there] > RANK[here]:
                yield f"{mod.name} ({here}) imports {imported} ({there}): a layer above it"
            if here == "gpu_worker" and there == "jobs" and target not in GPU_WORKER_MAY_IMPORT:
                yield f"{mod.name} imports {imported}: not part of jobs' worker-facing API"
            if mod.name == "jobs.lifecycle" and imported.startswith(LIFECYCLE_MUST_NOT_IMPORT):
                yield f"jobs.lifecycle imports {imported}: outcome handlers are registered, not imported"


def app_cycles(modules: dict[str, Module]) -> list[tuple[str, str]]:
    """Pairs of apps importing each other (top-layer modules aside: they may import every app)."""
    edges = {(layer(m.name), layer(i if i in modules else i.split(".")[0]))
             for m in modules.values() if layer(m.name) != "top"
             for i in m.imports if i.split(".")[0] in APPS}
    return sorted((a, b) for a, b in edges if a < b and (b, a) in edges and a != b)


@pytest.fixture(scope="module")
def modules() -> dict[str, Module]:
    return collect(ROOT)


def test_every_module_keeps_to_its_layer(modules: dict[str, Module]) -> None:
    assert list(violations(modules)) == []


def test_no_two_apps_import_each_other(modules: dict[str, Module]) -> None:
    assert app_cycles(modules) == []


def test_every_webapp_module_is_placed(modules: dict[str, Module]) -> None:
    webapp = {name for name in modules if name.split(".")[0] == "webapp"}
    assert webapp == (GROUND_FLOOR | WEBAPP_TOP) & webapp, sorted(webapp - GROUND_FLOOR - WEBAPP_TOP)
    assert GROUND_FLOOR | WEBAPP_TOP <= webapp, "listed modules that no longer exist"


def test_outcome_handlers_are_registered_and_each_has_one_hook() -> None:
    from django.conf import settings
    from django.utils.module_loading import import_string

    from jobs.outcomes import OutcomeHandler

    paths = settings.KINEMA_OUTCOME_HANDLERS
    assert len(paths) == len(set(paths)) >= 6
    for path in paths:
        cls = import_string(path)
        assert issubclass(cls, OutcomeHandler) and cls.__doc__, path
        assert "handle" in vars(cls), f"{path} does not implement handle"
        assert cls.__module__.startswith("jobs.outcomes."), path
    assert paths.index("jobs.outcomes.credits.SettleCredits") < paths.index("jobs.outcomes.metrics.CountOutcome")


# The checker itself must catch what it is there to catch (a rule test that cannot fail is no test).

def _tree(tmp_path: Path, files: dict[str, str]) -> dict[str, Module]:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    for app in APPS:
        (tmp_path / app).mkdir(exist_ok=True)
        (tmp_path / app / "__init__.py").touch()
    return collect(tmp_path)


def test_the_checker_catches_each_kind_of_violation(tmp_path: Path) -> None:
    modules = _tree(tmp_path, {
        "webapp/metrics.py": "from jobs.models import Job\n",  # ground floor importing an app
        "accounts/credits.py": "def f():\n    from jobs import models\n",  # lazy import upward
        "jobs/models.py": "", "jobs/submission.py": "from accounts import credits\n",
        "jobs/scheduling/__init__.py": "", "jobs/scheduling/policy.py": "import django\nimport heapq\n",
        "jobs/scheduling_live.py": "import django\nfrom jobs.scheduling import policy\n",  # not the package
        "jobs/lifecycle.py": "from jobs.outcomes.credits import SettleCredits\n",
        "jobs/outcomes/__init__.py": "", "jobs/outcomes/credits.py": "",
        "jobs/dispatcher.py": "from webapp.pages import home\n",  # an app importing the pages
        "gpu_worker/tasks.py": "from jobs.submission import submit\n",  # beyond the worker-facing API
        "webapp/pages.py": "from jobs import models\n",  # fine: the top imports anything
    })
    found = "\n".join(violations(modules))
    assert "webapp.metrics (ground) imports jobs.models" in found
    assert "accounts.credits (accounts) imports jobs.models" in found
    assert "jobs.scheduling.policy imports django" in found and "heapq" not in found
    assert "jobs.scheduling_live" not in found
    assert "jobs.lifecycle imports jobs.outcomes.credits" in found
    assert "jobs.dispatcher (jobs) imports webapp.pages (top)" in found
    assert "gpu_worker.tasks imports jobs.submission: not part of jobs' worker-facing API" in found
    assert "webapp.pages" not in found.replace("imports webapp.pages", "")
    assert app_cycles(modules) == [("accounts", "jobs")]
    with pytest.raises(LookupError):
        layer("webapp.newthing")
