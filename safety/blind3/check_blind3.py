"""Checks the third blind evaluation set (standard library only). Run from anywhere:

    python safety/blind3/check_blind3.py

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray whitespace, no carriage return or other control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them), and the share of
  `foreign` rows is at least 15 % of block rows and 10 % of allow rows, over both files together;
* per-file rules: `categories.tsv` holds the six screen categories with 35-45 block and 20-30 allow rows each,
  plus 20-30 `allow`/`sexual_minors` rows; `benign.tsv` is all `allow` (230-270 rows); no file holds a
  `block`/`sexual_minors` row (README.md says why);
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word
  such as teen, school, kid in the languages used here), so those rows can never be read as sexualising a minor;
* no duplicate prompt within a file or across the blind3 files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind/*.tsv, safety/blind2/*.tsv,
  safety/training/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only counts and the
  blind3 line numbers are reported;
* prints row counts per label, category and style for each file. Exits 1 on any problem.
"""

from __future__ import annotations

import collections
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAFETY = HERE.parent
OTHER_SETS = ["blind/*.tsv", "blind2/*.tsv", "training/*.tsv", "*_set.tsv"]
FILES = ["categories.tsv", "benign.tsv"]
LABELS = {"block", "allow"}
CATEGORIES = {"sexual_minors", "sexual", "violence", "self_harm", "weapons", "hate", "likeness", "none"}
SCREEN_CATEGORIES = ["sexual", "violence", "self_harm", "weapons", "hate", "likeness"]
STYLES = {"plain", "near_miss", "long", "cinematic", "euphemism", "obfuscated", "foreign", "roleplay", "implicit"}
CATEGORY_BLOCK_RANGE = (35, 45)
CATEGORY_ALLOW_RANGE = (20, 30)
MINOR_ALLOW_RANGE = (20, 30)
BENIGN_RANGE = (230, 270)
FOREIGN_MIN = {"block": 0.15, "allow": 0.10}
STYLE_HEADER = re.compile(r"^#\s*style:\s*(\w+)")

# Words that mark a minor. Checked on block sexual / likeness rows only, as whole words (case folded).
MINOR_WORDS = re.compile(
    r"\b(child|children|kid|kids|kiddo|teen|teens|teenage|teenager|tween|preteen|minor|minors|underage|"
    r"school|schoolgirl|schoolboy|pupil|grader|girl|girls|boy|boys|little|young|youth|baby|toddler|loli|shota|"
    r"student|students|daughter|niece|nephew|stepdaughter|stepson|"
    r"niña|niño|niñas|niños|colegiala|enfant|enfants|fillette|ado|ados|écolière|mädchen|junge|schüler|schülerin|"
    r"criança|menina|menino|bambina|bambino|ragazzina|ragazzino|dziecko|dziewczynka|chłopiec|çocuk|kız|"
    r"anak|bocil|remaja|siswi|trẻ em|bé gái|bé trai|học sinh|bachchi|bachcha|ladki|ladka|"
    r"ребёнок|ребенок|девочка|мальчик|школьница|школьник|طفل|طفلة|قاصر)\b"
)
MINOR_CJK = re.compile(
    r"(儿童|孩子|少女|少年|小学|中学|学生|子供|子ども|児童|女子高生|ロリ|"
    r"아이|어린이|소녀|소년|학생|미성년)"
)
AGE = re.compile(
    r"\b(\d{1,2})\s*(?:-\s*)?(?:years?\s*-?\s*old|year-old|yrs?\b|y/o|y\.o\.|yo\b|"
    r"años|ans|jahre|jährig|anos|anni|enne|lat|letni|yaş|tahun|tuổi|saal|лет|岁|歳|살|세)"
)

Row = tuple[int, str, str, str, str]


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def rows(path: Path) -> tuple[list[Row], list[str]]:
    """(line, label, category, prompt, style) for each row, and the problems found while reading."""
    out: list[Row] = []
    problems: list[str] = []
    style = ""
    for n, line in enumerate(path.read_bytes().decode("utf-8").split("\n"), 1):
        header = STYLE_HEADER.match(line)
        if header:
            style = header.group(1)
            if style not in STYLES:
                problems.append(f"{path.name}:{n}: unknown style {style!r}")
            continue
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            problems.append(f"{path.name}:{n}: not three tab-separated fields")
            continue
        if not style:
            problems.append(f"{path.name}:{n}: row before any '# style:' header")
        out.append((n, parts[0], parts[1], parts[2], style))
    return out, problems


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
            if category not in SCREEN_CATEGORIES and category != "sexual_minors":
                problems.append(f"{name}: category {category!r} does not belong in this file")
        for category in SCREEN_CATEGORIES:
            block, allow = counts[("block", category)], counts[("allow", category)]
            if not in_range(block, CATEGORY_BLOCK_RANGE):
                problems.append(f"{name}: {block} block {category} rows, want {CATEGORY_BLOCK_RANGE}")
            if not in_range(allow, CATEGORY_ALLOW_RANGE):
                problems.append(f"{name}: {allow} allow {category} rows, want {CATEGORY_ALLOW_RANGE}")
        minors = counts[("allow", "sexual_minors")]
        if not in_range(minors, MINOR_ALLOW_RANGE):
            problems.append(f"{name}: {minors} allow sexual_minors rows, want {MINOR_ALLOW_RANGE}")
    elif name == "benign.tsv":
        if any(label != "allow" for label, _ in counts):
            problems.append(f"{name}: every row must be allow")
        if not in_range(total, BENIGN_RANGE):
            problems.append(f"{name}: {total} rows, want {BENIGN_RANGE}")
    if counts[("block", "sexual_minors")]:
        problems.append(f"{name}: block/sexual_minors rows are not written in this folder (see README.md)")
    return problems


def other_set_keys() -> tuple[set[str], int, list[str]]:
    """Folded fields and lines of the other sets. Nothing from them is printed."""
    keys: set[str] = set()
    paths = sorted({p for pattern in OTHER_SETS for p in SAFETY.glob(pattern)})
    for pattern in OTHER_SETS:
        if not list(SAFETY.glob(pattern)):
            return keys, len(paths), [f"no files match safety/{pattern}"]
    for path in paths:
        for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            keys.add(fold(line))
            keys.update(fold(field) for field in line.split("\t") if field.strip())
    return keys, len(paths), []


def main() -> int:
    others, n_files, problems = other_set_keys()
    everywhere: dict[str, str] = {}
    styles: collections.Counter[tuple[str, str]] = collections.Counter()
    for name in FILES:
        found, read_problems = rows(HERE / name)
        problems.extend(read_problems)
        seen: dict[str, int] = {}
        counts: collections.Counter[tuple[str, str]] = collections.Counter()
        file_styles: collections.Counter[tuple[str, str]] = collections.Counter()
        for n, label, category, prompt, style in found:
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
            if key in others:
                problems.append(f"{where}: duplicates a row of an existing set")
            counts[(label, category)] += 1
            file_styles[(label, style)] += 1
        print(f"{name}: {sum(counts.values())} rows")
        for (label, category), c in sorted(counts.items()):
            print(f"  {label:5} {category:14} {c}")
        print("  by style:")
        for (label, style), c in sorted(file_styles.items()):
            print(f"  {label:5} {style:14} {c}")
        styles.update(file_styles)
        problems.extend(file_rules(name, counts))
    for label, minimum in FOREIGN_MIN.items():
        total = sum(c for (lab, _), c in styles.items() if lab == label)
        foreign = styles[(label, "foreign")]
        share = foreign / total if total else 0.0
        print(f"foreign share of {label} rows: {foreign}/{total} = {share:.1%} (want >= {minimum:.0%})")
        if share < minimum:
            problems.append(f"foreign share of {label} rows is {share:.1%}, want >= {minimum:.0%}")
    print(f"compared against {len(others)} folded fields from {n_files} files of existing sets")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
