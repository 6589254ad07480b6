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

import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # safety/, for blind_check
if TYPE_CHECKING:
    from safety import blind_check as bc
else:
    import blind_check as bc

HERE = Path(__file__).resolve().parent
FIRST_SET = HERE.parent / "blind"
MINOR_CUES_RANGE = (180, 240)

# Words that mark a minor. Checked on block sexual / likeness rows only, as whole words (case folded).
MINOR_WORDS = bc.whole_words(
    bc.CUES_ENGLISH,
    r"niña|niño|niñas|niños|enfant|enfants|fillette|ado|ados|mädchen|junge|schüler|criança|menina|"
    r"menino|bambina|bambino|ragazzina|ragazzino|dziecko|dziewczynka|chłopiec|çocuk|kız|anak|bocil|"
    r"ребёнок|ребенок|девочка|мальчик|школьница|школьник",
)
MINOR_CJK = bc.substrings(bc.CUES_CJK)
AGE = bc.ages(bc.AGES_ENGLISH, r"años|ans|jahre|jährig|anos|anni|enne|lat|letni|yaş|tahun|лет|岁|歳")


def minor_cues_rules(name: str, found: list[bc.Row]) -> list[str]:
    problems = []
    if name == "minor_cues.tsv":
        if {(r.label, r.category) for r in found} != {("allow", "sexual_minors")}:
            problems.append(f"{name}: every row must be allow/sexual_minors")
        if not bc.in_range(len(found), MINOR_CUES_RANGE):
            problems.append(f"{name}: {len(found)} rows, want {MINOR_CUES_RANGE}")
    return problems


def first_set() -> bc.Earlier:
    """The first set's folded prompts, each with its file and line."""
    keys: dict[str, str] = {}
    paths = sorted(FIRST_SET.glob("*.tsv"))
    for path in paths:
        for row in bc.read_rows(path)[0]:
            keys.setdefault(bc.fold(row.prompt), f"blind/{path.name}:{row.line}")
    return bc.Earlier(
        lambda key: f"also in the first set at {keys[key]}" if key in keys else None,
        f"compared against {len(keys)} first-set prompts",
        [] if paths else [f"no first-set files found under {FIRST_SET}"],
    )


BLIND = bc.BlindSet(
    here=HERE,
    files=["categories.tsv", "benign_hard.tsv", "minor_cues.tsv"],
    minor_cues=bc.MinorCues((MINOR_WORDS, MINOR_CJK), (AGE,)),
    file_problems=minor_cues_rules,
    rules=bc.FileRules(
        block=(45, 60), allow=(25, 40), minors_allow=None, benign_file="benign_hard.tsv", benign=(280, 340)
    ),
    compare=first_set,
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
