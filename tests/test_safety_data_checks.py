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
    # A blind set's checker prints its counts per style and language: only its problem lines go to a CI log.
    shown = "\n".join(line for line in result.stdout.splitlines() if "problem" in line.lower())
    assert result.returncode == 0, (shown if "blind" in checker.parent.name else result.stdout[-2000:]) + \
        result.stderr[-2000:]


@pytest.mark.parametrize("name, bad_line, problem", [
    ("public_figures.txt", "ዐቢይ አሕመድ\n", "duplicate"),  # the last (native) name listed again
    ("first_names.txt", "Zyxwa\n", "not lower case"),
])
def test_the_list_checkers_refuse_a_bad_line(tmp_path: Path, name: str, bad_line: str, problem: str) -> None:
    copy = tmp_path / "safety"
    copy.mkdir()
    for path in (*SAFETY.glob("check_*.py"), SAFETY / "defaults.py", SAFETY / "public_figures.txt",
                 SAFETY / "first_names.txt"):
        shutil.copy(path, copy / path.name)
    with (copy / name).open("a", encoding="utf-8") as out:
        out.write(bad_line)
    checker = copy / ("check_public_figures.py" if name == "public_figures.txt" else "check_first_names.py")
    result = run(checker)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and problem in output and "1 problem" in output, output[-500:]
