"""Checks the second blind evaluation set (standard library only). Run from anywhere:

    python safety/blind2/check_blind2.py

It extends safety/blind/check_blind.py with:

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray whitespace, no carriage return or other control character;
* per-file rules: `categories.tsv` holds only the six screen categories, each with 45-60 block and 25-40 allow
  rows; `benign_hard.tsv` is all `allow` (280-340 rows); `minor_cues.tsv` is all `allow`/`sexual_minors`
  (180-240 rows); no file holds a `block`/`sexual_minors` row (README.md says why);
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word
  such as teen, school, kid in the languages used here), so those rows can never be read as sexualising a minor;
* no duplicate prompt within a file, across the blind2 files, or with any row of safety/blind/*.tsv (case,
  Unicode compatibility forms and whitespace folded);
* prints row counts per label and category for each file. Exits 1 on any problem.
"""

from __future__ import annotations

import collections
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST_SET = HERE.parent / "blind"
FILES = ["categories.tsv", "benign_hard.tsv", "minor_cues.tsv"]
LABELS = {"block", "allow"}
CATEGORIES = {"sexual_minors", "sexual", "violence", "self_harm", "weapons", "hate", "likeness", "none"}
SCREEN_CATEGORIES = ["sexual", "violence", "self_harm", "weapons", "hate", "likeness"]
CATEGORY_BLOCK_RANGE = (45, 60)
CATEGORY_ALLOW_RANGE = (25, 40)
BENIGN_HARD_RANGE = (280, 340)
MINOR_CUES_RANGE = (180, 240)

# Words that mark a minor. Checked on block sexual / likeness rows only, as whole words (case folded).
MINOR_WORDS = re.compile(
    r"\b(child|children|kid|kids|kiddo|teen|teens|teenage|teenager|tween|preteen|minor|minors|underage|"
    r"school|schoolgirl|schoolboy|pupil|grader|girl|girls|boy|boys|little|young|youth|baby|toddler|loli|shota|"
    r"niña|niño|niñas|niños|enfant|enfants|fillette|ado|ados|mädchen|junge|schüler|criança|menina|"
    r"menino|bambina|bambino|ragazzina|ragazzino|dziecko|dziewczynka|chłopiec|çocuk|kız|anak|bocil|"
    r"ребёнок|ребенок|девочка|мальчик|школьница|школьник)\b"
)
MINOR_CJK = re.compile(r"(儿童|孩子|少女|少年|小学|中学|学生|子供|子ども|児童|女子高生|ロリ)")
AGE = re.compile(
    r"\b(\d{1,2})\s*(?:-\s*)?(?:years?\s*-?\s*old|year-old|yrs?\b|y/o|y\.o\.|yo\b|"
    r"años|ans|jahre|jährig|anos|anni|enne|lat|letni|yaş|tahun|лет|岁|歳)"
)


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def rows(path: Path) -> list[tuple[int, str, str, str]]:
    out = []
    for n, line in enumerate(path.read_bytes().decode("utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            out.append((n, "?", "?", line))
            continue
        out.append((n, parts[0], parts[1], parts[2]))
    return out


def minor_cue(prompt: str) -> str | None:
    text = unicodedata.normalize("NFKC", prompt).casefold()
    for pattern in (MINOR_WORDS, MINOR_CJK):
        found = pattern.search(text)
        if found:
            return found.group(0)
    for found in AGE.finditer(text):
        if int(found.group(1)) < 18:
            return found.group(0)
    return None


def in_range(count: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= count <= bounds[1]


def file_rules(name: str, counts: collections.Counter[tuple[str, str]]) -> list[str]:
    problems = []
    total = sum(counts.values())
    if name == "categories.tsv":
        for _label, category in counts:
            if category not in SCREEN_CATEGORIES:
                problems.append(f"{name}: category {category!r} does not belong in this file")
        for category in SCREEN_CATEGORIES:
            block, allow = counts[("block", category)], counts[("allow", category)]
            if not in_range(block, CATEGORY_BLOCK_RANGE):
                problems.append(f"{name}: {block} block {category} rows, want {CATEGORY_BLOCK_RANGE}")
            if not in_range(allow, CATEGORY_ALLOW_RANGE):
                problems.append(f"{name}: {allow} allow {category} rows, want {CATEGORY_ALLOW_RANGE}")
    elif name == "benign_hard.tsv":
        if any(label != "allow" for label, _ in counts):
            problems.append(f"{name}: every row must be allow")
        if not in_range(total, BENIGN_HARD_RANGE):
            problems.append(f"{name}: {total} rows, want {BENIGN_HARD_RANGE}")
    elif name == "minor_cues.tsv":
        if set(counts) != {("allow", "sexual_minors")}:
            problems.append(f"{name}: every row must be allow/sexual_minors")
        if not in_range(total, MINOR_CUES_RANGE):
            problems.append(f"{name}: {total} rows, want {MINOR_CUES_RANGE}")
    if counts[("block", "sexual_minors")]:
        problems.append(f"{name}: block/sexual_minors rows are not written in this folder (see README.md)")
    return problems


def first_set_keys() -> tuple[dict[str, str], list[str]]:
    keys: dict[str, str] = {}
    paths = sorted(FIRST_SET.glob("*.tsv"))
    if not paths:
        return keys, [f"no first-set files found under {FIRST_SET}"]
    for path in paths:
        for n, _label, _category, prompt in rows(path):
            keys.setdefault(fold(prompt), f"blind/{path.name}:{n}")
    return keys, []


def main() -> int:
    first, problems = first_set_keys()
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
            if any(unicodedata.category(ch) == "Cc" for ch in prompt):
                problems.append(f"{where}: control character in prompt")
            if label == "block" and category in ("sexual", "likeness"):
                cue = minor_cue(prompt)
                if cue:
                    problems.append(f"{where}: block {category} row carries a minor cue {cue!r}")
            key = fold(prompt)
            if key in seen:
                problems.append(f"{where}: duplicate of line {seen[key]}")
            seen[key] = n
            if key in everywhere and everywhere[key] != name:
                problems.append(f"{where}: also in {everywhere[key]}")
            everywhere.setdefault(key, name)
            if key in first:
                problems.append(f"{where}: also in the first set at {first[key]}")
            counts[(label, category)] += 1
        print(f"{name}: {sum(counts.values())} rows")
        for (label, category), c in sorted(counts.items()):
            print(f"  {label:5} {category:14} {c}")
        problems.extend(file_rules(name, counts))
    print(f"compared against {len(first)} first-set prompts")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
