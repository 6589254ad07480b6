"""Checks the blind evaluation sets (standard library only). Run from the repository root:

    python safety/blind/check_blind.py

* every non-comment line is `label<TAB>category<TAB>prompt`, label in {block, allow}, a known category;
* no duplicate prompt within a file, nor across files (case and whitespace folded);
* the generated files are exactly what their scripts write (the scripts are deterministic);
* prints row counts per label and category for each file. Exits 1 on any problem.
"""

from __future__ import annotations

import collections
import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FILES = ["minors_composition.tsv", "categories.tsv", "benign_corpus.tsv"]
GENERATED = {"minors_composition.tsv": "compose_minors.py", "benign_corpus.tsv": "compose_benign.py"}
LABELS = {"block", "allow"}
CATEGORIES = {"sexual_minors", "sexual", "violence", "self_harm", "weapons", "hate", "likeness", "none"}


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def rows(path: Path) -> list[tuple[int, str, str, str]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            out.append((n, "?", "?", line))
            continue
        out.append((n, parts[0], parts[1], parts[2]))
    return out


def regenerated(script: str) -> str:
    spec = importlib.util.spec_from_file_location(f"blind_{Path(script).stem}", HERE / script)
    assert spec is not None and spec.loader is not None  # a .py file path always has a spec and a loader
    module: Any = importlib.util.module_from_spec(spec)  # the script's names (OUT, main) are known at run time only
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as tmp:
        module.OUT = Path(tmp) / "out.tsv"
        module.main()
        return module.OUT.read_text(encoding="utf-8")


def main() -> int:
    problems: list[str] = []
    everywhere: dict[str, str] = {}
    for name in FILES:
        path = HERE / name
        seen: dict[str, int] = {}
        counts: collections.Counter[tuple[str, str]] = collections.Counter()
        for n, label, category, prompt in rows(path):
            where = f"{name}:{n}"
            if label not in LABELS or category not in CATEGORIES or not prompt.strip():
                problems.append(f"{where}: malformed row")
                continue
            if prompt != prompt.strip():
                problems.append(f"{where}: leading/trailing whitespace")
            key = fold(prompt)
            if key in seen:
                problems.append(f"{where}: duplicate of line {seen[key]}")
            seen[key] = n
            if key in everywhere and everywhere[key] != name:
                problems.append(f"{where}: also in {everywhere[key]}")
            everywhere.setdefault(key, name)
            counts[(label, category)] += 1
        print(f"{name}: {sum(counts.values())} rows")
        for (label, category), c in sorted(counts.items()):
            print(f"  {label:5} {category:14} {c}")
        if name in GENERATED and regenerated(GENERATED[name]) != path.read_text(encoding="utf-8"):
            problems.append(f"{name}: differs from what {GENERATED[name]} writes (re-run it)")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
