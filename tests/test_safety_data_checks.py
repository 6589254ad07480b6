"""The safety data files are hand-written and each has a checker beside it (format, duplicates, no row of an
evaluation set in the training rows, the blind sets' own rules): every checker passes on the committed files,
and each one fails on a file it must refuse."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAFETY = Path(__file__).resolve().parent.parent / "safety"
CHECKERS = sorted(SAFETY.glob("blind*/check_*.py")) + sorted(SAFETY.glob("check_*.py")) + [
    SAFETY / "training" / "written" / "check_written.py"]


def run(checker: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(checker)], capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("checker", CHECKERS, ids=lambda p: str(p.relative_to(SAFETY)))
def test_every_safety_data_checker_passes_on_the_committed_files(checker: Path) -> None:
    result = run(checker)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


@pytest.mark.parametrize("name, bad_line", [
    ("public_figures.txt", "# section: single\nmacron\n"),  # a duplicate of a name already listed
    ("first_names.txt", "Dana\n"),  # not lower case
])
def test_the_list_checkers_refuse_a_bad_line(tmp_path: Path, name: str, bad_line: str) -> None:
    copy = tmp_path / "safety"
    copy.mkdir()
    for path in (*SAFETY.glob("check_*.py"), SAFETY / "defaults.py", SAFETY / "public_figures.txt",
                 SAFETY / "first_names.txt"):
        shutil.copy(path, copy / path.name)
    with (copy / name).open("a", encoding="utf-8") as out:
        out.write(bad_line)
    checker = copy / ("check_public_figures.py" if name == "public_figures.txt" else "check_first_names.py")
    assert run(checker).returncode == 1
