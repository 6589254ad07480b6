"""Checks the hand-written training rows in this folder and in ../romanised (the romanised head's; standard library
only). Run from anywhere:

    python safety/training/written/check_written.py

* every non-comment line of `*.tsv` here is `label<TAB>category<TAB>prompt`: label block|allow, a known category,
  a non-empty prompt without stray whitespace or control characters, under a `# style: NAME` header;
* no `block` row of category `none`; no duplicate prompt within or across these files;
* no row equals (case, Unicode compatibility forms and whitespace folded) a row of an evaluation set
  (safety/blind*/*.tsv, safety/*_set.tsv): those are compared without being printed, only counts and this
  folder's line numbers are reported;
* prints the counts per file, label, category and style, and the share of `foreign` rows. Exits 1 on a problem.
"""

from __future__ import annotations

import collections
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROMANISED = HERE.parent / "romanised"
SAFETY = HERE.parent.parent
EVALUATION_SETS = ["blind*/*.tsv", "*_set.tsv"]
LABELS = {"block", "allow"}
CATEGORIES = {"sexual_minors", "sexual", "violence", "self_harm", "weapons", "hate", "likeness", "none"}
STYLES = {"plain", "near_miss", "long", "cinematic", "euphemism", "obfuscated", "foreign", "roleplay", "implicit",
          "framed", "terse", "mixed", "persona", "story", "stepwise", "indirect", "voice", "nonnative", "codeswitch",
          "brief", "social", "sequel", "multishot", "news", "dialogue", "quote", "negation", "translate",
          "hypothetical", "emoji", "review", "counter", "assistant"}
STYLE_HEADER = re.compile(r"^#\s*style:\s*(\w+)")
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def evaluation_rows() -> set[str]:
    seen: set[str] = set()
    for pattern in EVALUATION_SETS:
        for path in SAFETY.glob(pattern):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("#") or not line.strip():
                    continue
                seen.add(fold(line))
                seen.update(fold(field) for field in line.split("\t"))
    return seen


def main() -> int:
    problems: list[str] = []
    held_out = evaluation_rows()
    prompts: dict[str, str] = {}
    total: collections.Counter[str] = collections.Counter()
    foreign: collections.Counter[str] = collections.Counter()
    for path in sorted(HERE.glob("*.tsv")) + sorted(ROMANISED.glob("*.tsv")):
        style = None
        counts: collections.Counter[tuple[str, str]] = collections.Counter()
        styles: collections.Counter[str] = collections.Counter()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(HERE.parent)}:{number}"
            if not line.strip():
                continue
            if line.startswith("#"):
                header = STYLE_HEADER.match(line)
                if header:
                    style = header.group(1)
                    if style not in STYLES:
                        problems.append(f"{where}: unknown style {style!r}")
                continue
            fields = line.split("\t")
            if len(fields) != 3:
                problems.append(f"{where}: {len(fields)} fields, want 3")
                continue
            label, category, prompt = fields
            if label not in LABELS:
                problems.append(f"{where}: label {label!r}")
            if category not in CATEGORIES:
                problems.append(f"{where}: category {category!r}")
            if label == "block" and category == "none":
                problems.append(f"{where}: block row of category none")
            if not prompt or prompt != prompt.strip() or CONTROL.search(prompt):
                problems.append(f"{where}: empty prompt, stray whitespace or a control character")
            if style is None:
                problems.append(f"{where}: no `# style:` header above this row")
            key = fold(prompt)
            if key in prompts:
                problems.append(f"{where}: duplicates {prompts[key]}")
            prompts.setdefault(key, where)
            if key in held_out:
                problems.append(f"{where}: equals a row of an evaluation set (remove it)")
            counts[(label, category)] += 1
            styles[style or "?"] += 1
            total[label] += 1
            if style == "foreign":
                foreign[label] += 1
        print(f"{path.relative_to(HERE.parent)}: {sum(counts.values())} rows")
        for (label, category), n in sorted(counts.items()):
            print(f"  {label:5} {category:14} {n}")
        print("  styles: " + ", ".join(f"{s} {n}" for s, n in sorted(styles.items())))
    for label in sorted(total):
        print(f"all files: {label} {total[label]}, foreign {foreign[label]} ({foreign[label] / total[label]:.0%})")
    for problem in problems:
        print("PROBLEM", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
