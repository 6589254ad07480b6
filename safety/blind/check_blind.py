"""Checks the blind evaluation sets (standard library only). Run from the repository root:

    python safety/blind/check_blind.py

* every non-comment line is `label<TAB>category<TAB>prompt`, label in {block, allow}, a known category;
* no duplicate prompt within a file, nor across files (case and whitespace folded);
* the generated files are exactly what their scripts write (the scripts are deterministic);
* prints row counts per label and category for each file. Exits 1 on any problem.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # safety/, for blind_check
if TYPE_CHECKING:
    from safety import blind_check as bc
else:
    import blind_check as bc

HERE = Path(__file__).resolve().parent
GENERATED = {"minors_composition.tsv": "compose_minors.py", "benign_corpus.tsv": "compose_benign.py"}


def regenerated(script: str) -> str:
    spec = importlib.util.spec_from_file_location(f"blind_{Path(script).stem}", HERE / script)
    assert spec is not None and spec.loader is not None  # a .py file path always has a spec and a loader
    module: Any = importlib.util.module_from_spec(spec)  # the script's names (OUT, main) are known at run time only
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as tmp:
        module.OUT = Path(tmp) / "out.tsv"
        module.main()
        return module.OUT.read_text(encoding="utf-8")


def generated_problems(name: str, _found: list[bc.Row]) -> list[str]:
    if name in GENERATED and regenerated(GENERATED[name]) != (HERE / name).read_text(encoding="utf-8"):
        return [f"{name}: differs from what {GENERATED[name]} writes (re-run it)"]
    return []


BLIND = bc.BlindSet(
    here=HERE,
    files=["minors_composition.tsv", "categories.tsv", "benign_corpus.tsv"],
    control_characters=False,
    file_problems=generated_problems,
    nfkc=False,
    universal_newlines=True,
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
