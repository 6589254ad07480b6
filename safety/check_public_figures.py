"""Check safety/public_figures.txt, the hand-written list of real public figures used by the likeness screen.

Run: python3 safety/check_public_figures.py [PATH]   (standard library only; exits 1 on any problem)

The file has three sections, each opened by a "# section: NAME" line:
  full    full names of real people (two or more words once hyphens count as spaces), Latin script
  single  one word that on its own almost always means one real person, Latin script
  native  names as written at home in a non-Latin script
Other lines starting with "#" are comments; blank lines are ignored.

Checks: every section present and large enough, no line outside a section, no duplicates anywhere after
folding (NFKD, combining marks stripped, casefold, runs of spaces and hyphens collapsed to one space),
word counts per section, script per section, and no full/single line equal to an entry of FICTIONAL_NAMES
in safety/defaults.py (read with ast, since importing it needs Django).
"""

from __future__ import annotations

import ast
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_PATH = HERE / "public_figures.txt"
DEFAULTS_PATH = HERE / "defaults.py"
SECTIONS = ("full", "single", "native")
# Lower bounds that catch an accidentally truncated or emptied section (the brief asked for about
# 1,500 full names, 300 single words and 150 native-script names).
MINIMUM = {"full": 1500, "single": 300, "native": 150}
SECTION_RE = re.compile(r"^#\s*section:\s*(\S+)\s*$")
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
SPACE_OR_DASH_RE = re.compile(r"[\s" + re.escape(DASHES) + r"]+")


def fold(text: str) -> str:
    """NFKD, strip combining marks, casefold, collapse spaces and hyphens into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return SPACE_OR_DASH_RE.sub(" ", stripped.casefold()).strip()


def is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


def non_latin_letters(text: str) -> list[str]:
    return [ch for ch in text if ch.isalpha() and not is_latin_letter(ch)]


def fictional_names(defaults_path: Path = DEFAULTS_PATH) -> tuple[str, ...]:
    """FICTIONAL_NAMES from safety/defaults.py, read without importing it (it needs Django settings)."""
    tree = ast.parse(defaults_path.read_text(encoding="utf-8"), filename=str(defaults_path))
    for node in tree.body:
        targets: list[ast.expr] = []
        value_node: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value_node = list(node.targets), node.value
        elif isinstance(node, ast.AnnAssign):
            targets, value_node = [node.target], node.value
        if value_node is not None and any(isinstance(t, ast.Name) and t.id == "FICTIONAL_NAMES" for t in targets):
            return tuple(str(v) for v in ast.literal_eval(value_node))
    raise ValueError(f"FICTIONAL_NAMES not found in {defaults_path}")


def check(path: Path, fictional: tuple[str, ...]) -> tuple[dict[str, int], list[str]]:
    """Return (count per section, problems)."""
    problems: list[str] = []
    counts = {name: 0 for name in SECTIONS}
    seen_sections: set[str] = set()
    first_seen: dict[str, int] = {}
    fictional_folded = {fold(name) for name in fictional}
    section: str | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        where = f"{path.name}:{number}"
        if not line:
            continue
        header = SECTION_RE.match(line)
        if header:
            section = header.group(1)
            if section not in SECTIONS:
                problems.append(f"{where}: unknown section {section!r} (expected one of {', '.join(SECTIONS)})")
            elif section in seen_sections:
                problems.append(f"{where}: section {section!r} opened twice")
            seen_sections.add(section)
            continue
        if line.startswith("#"):
            continue
        if raw != line:
            problems.append(f"{where}: leading or trailing whitespace in {raw!r}")
        if section is None:
            problems.append(f"{where}: name before any '# section:' line: {line!r}")
            continue
        if section not in SECTIONS:
            continue
        counts[section] += 1
        key = fold(line)
        if key in first_seen:
            problems.append(f"{where}: duplicate of line {first_seen[key]} after folding: {line!r}")
        else:
            first_seen[key] = number
        words = key.split(" ")
        foreign = non_latin_letters(line)
        if section == "native":
            if not foreign:
                problems.append(f"{where}: native line has no non-Latin letter: {line!r}")
            continue
        if foreign:
            problems.append(f"{where}: {section} line has non-Latin letters {''.join(foreign)!r}: {line!r}")
        if not any(is_latin_letter(ch) for ch in line):
            problems.append(f"{where}: {section} line has no Latin letter: {line!r}")
        if section == "full" and len(words) < 2:
            problems.append(f"{where}: full name has fewer than two words: {line!r}")
        if section == "single" and len(words) != 1:
            problems.append(f"{where}: single entry is not one word: {line!r}")
        if key in fictional_folded:
            problems.append(f"{where}: {line!r} is in FICTIONAL_NAMES")
    for name in SECTIONS:
        if name not in seen_sections:
            problems.append(f"{path.name}: section {name!r} missing")
        elif counts[name] < MINIMUM[name]:
            problems.append(f"{path.name}: section {name!r} has {counts[name]} names, fewer than {MINIMUM[name]}")
    return counts, problems


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    counts, problems = check(path, fictional_names())
    for name in SECTIONS:
        print(f"{name}: {counts[name]}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
