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

import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # safety/, for blind_check
if TYPE_CHECKING:
    from safety import blind_check as bc
else:
    import blind_check as bc

HERE = Path(__file__).resolve().parent
OTHER_SETS = ["blind/*.tsv", "blind2/*.tsv", "training/*.tsv", "*_set.tsv"]
STYLES = {"plain", "near_miss", "long", "cinematic", "euphemism", "obfuscated", "foreign", "roleplay", "implicit"}

# Words that mark a minor. Checked on block sexual / likeness rows only, as whole words (case folded).
MINOR_WORDS = bc.whole_words(
    bc.CUES_ENGLISH,
    r"student|students|daughter|niece|nephew|stepdaughter|stepson",
    bc.CUES_EUROPEAN,
    r"criança|menina|menino|bambina|bambino|ragazzina|ragazzino|dziecko|dziewczynka|chłopiec|çocuk|kız|"
    r"anak|bocil|remaja|siswi|trẻ em|bé gái|bé trai|học sinh|bachchi|bachcha|ladki|ladka|"
    r"ребёнок|ребенок|девочка|мальчик|школьница|школьник|طفل|طفلة|قاصر",
)
MINOR_CJK = bc.substrings(bc.CUES_CJK, bc.CUES_KOREAN)
AGE = bc.ages(bc.AGES_ENGLISH, r"años|ans|jahre|jährig|anos|anni|enne|lat|letni|yaş|tahun|tuổi|saal|лет|岁|歳|살|세")

BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    minor_cues=bc.MinorCues((MINOR_WORDS, MINOR_CJK), (AGE,)),
    rules=bc.FileRules(),
    compare=lambda: bc.other_sets(HERE, OTHER_SETS, first_missing_only=True),
    foreign_min={"block": 0.15, "allow": 0.10},
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
