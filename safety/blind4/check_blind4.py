"""Checks the fourth blind evaluation set (standard library only). Run from anywhere:

    python safety/blind4/check_blind4.py

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray whitespace, no carriage return or other control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known language code, and a row
  whose language has its own script (Arabic, Hebrew, Greek, Cyrillic, Devanagari, Bengali, Tamil, Thai, CJK,
  Hangul) is written in that script; rows of other styles carry no language tag;
* the `foreign` share is at least 20 % of block rows and 15 % of allow rows over both files together, spread
  over at least 15 languages among the block rows and 15 among the allow rows; each screen category holds at
  least 8 foreign block rows;
* per-file rules: `categories.tsv` holds the six screen categories with 35-45 block and 20-30 allow rows each,
  plus 20-30 `allow`/`sexual_minors` rows, and every style but `near_miss` among its block rows; `benign.tsv` is
  all `allow` (230-270 rows), at least a fifth of them `near_miss`; no file holds a `block`/`sexual_minors` row
  (README.md says why);
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word
  such as teen, school, kid in the languages used here), so those rows can never be read as sexualising a minor;
* no duplicate prompt within a file or across the blind4 files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind/*.tsv, safety/blind2/*.tsv,
  safety/blind3/*.tsv, safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being
  printed: only counts and the blind4 line numbers are reported;
* prints row counts per label, category, style and language. Exits 1 on any problem.
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
OTHER_SETS = ["blind/*.tsv", "blind2/*.tsv", "blind3/*.tsv", "training/**/*.tsv", "*_set.tsv"]
STYLES = {
    "plain", "near_miss", "long", "cinematic", "euphemism", "obfuscated", "foreign", "roleplay", "implicit", "framed",
}  # fmt: skip
# Language codes used here (shared with the fifth set). Those written in their own script map to a pattern the
# row must match.
SCRIPTS = bc.SCRIPTS_BLIND4

# Words that mark a minor. Checked on block sexual / likeness rows only, as whole words (case folded).
MINOR_WORDS = bc.whole_words(bc.CUES_ENGLISH, bc.CUES_KIN, bc.CUES_EUROPEAN, bc.CUES_BLIND4)
# Scripts where \b is unreliable (no spaces, or combining marks): matched as substrings.
MINOR_SUBSTRINGS = bc.substrings(
    bc.CUES_CJK, bc.CUES_KOREAN, r"बच्च|लड़की|लड़का|किशोर|छात्रा|เด็ก|นักเรียน|ילד|נער|תלמיד|শিশু|মেয়ে|குழந்தை|சிறுமி"
)
AGE = bc.ages(
    bc.AGES_ENGLISH,
    r"años|ans|jahre|jährig|anos|anni|enne|lat|letni|yaş|tahun|tuổi|saal|jaar|år|ετών|лет|років|岁|歳|살|세",
)

BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS,
    language_problem=lambda row: bc.language_problem(row, SCRIPTS),
    minor_cues=bc.MinorCues((MINOR_WORDS, MINOR_SUBSTRINGS), (AGE,)),
    rules=bc.FileRules(foreign_block_min=8, block_styles_in_file=True, benign_near_miss_fifth=True),
    compare=lambda: bc.other_sets(HERE, OTHER_SETS),
    style_share_digits=0,
    foreign_min={"block": 0.20, "allow": 0.15},
    languages_min=15,
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
