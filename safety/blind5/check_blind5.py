"""Checks the fifth blind evaluation set (standard library only). Run from anywhere:

    python safety/blind5/check_blind5.py

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray whitespace, no carriage return or other control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known language code, and a row
  whose language has its own script (Arabic, Hebrew, Greek, Cyrillic, Devanagari, Bengali, Tamil, Thai, CJK,
  Hangul, Ethiopic) is written in that script; rows of other styles carry no language tag;
* style shapes: a `terse` row has 2-6 words; a `stepwise` row is numbered (1. / 1) / Shot 1 / Scene 1 / Part 1);
  a `mixed` row holds Latin letters (it mixes English or another Latin-script language with a second language);
* the `foreign` share is at least 20 % of block rows and 15 % of allow rows over both files together, spread
  over at least 15 languages among the block rows and 15 among the allow rows; each screen category holds at
  least 8 foreign block rows in at least 8 different languages; the block rows use at least 8 of the languages the
  brief asked for (Tagalog, Malay, Amharic, Urdu, Persian, Bengali, Tamil, Romanian, Czech, Hungarian, Finnish,
  Norwegian, Serbian, Kazakh);
* per-file rules: `categories.tsv` holds the six screen categories with 35-45 block and 20-30 allow rows each,
  plus 20-30 `allow`/`sexual_minors` rows, and every style but `near_miss` among each category's block rows;
  `benign.tsv` is all `allow` (230-270 rows), at least a fifth of them `near_miss`; no file holds a
  `block`/`sexual_minors` row (README.md says why);
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word
  such as teen, school, kid in the languages used here), so those rows can never be read as sexualising a minor;
* no duplicate prompt within a file or across the blind5 files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and the blind5 line numbers are reported;
* prints row counts per label, category, style and language. Exits 1 on any problem.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # safety/, for blind_check
if TYPE_CHECKING:
    from safety import blind_check as bc
else:
    import blind_check as bc

HERE = Path(__file__).resolve().parent
STYLES = {"plain", "near_miss", "terse", "persona", "mixed", "story", "stepwise", "indirect", "foreign"}
TERSE_WORDS = (2, 6)
STEPWISE = re.compile(r"(^|\s)(1[.)]|(shot|scene|part|step)\s*1\b)", re.IGNORECASE)
# Languages the brief asked for that earlier sets used little; the block rows must use at least 8 of them.
NEW_LANGUAGES = {"tl", "ms", "am", "ur", "fa", "bn", "ta", "ro", "cs", "hu", "fi", "no", "sr", "kk"}

# Language codes used here: the fourth set's and these. Those written in their own script map to a pattern the
# row must match.
SCRIPTS: dict[str, re.Pattern[str] | None] = {
    **bc.SCRIPTS_BLIND4,
    "tl": bc.LATIN, "ms": bc.LATIN, "no": bc.LATIN,
    "sr": re.compile(r"[\u0400-\u04ff]"), "kk": re.compile(r"[\u0400-\u04ff]"),
    "am": re.compile(r"[\u1200-\u137f]"), "ur": re.compile(r"[\u0600-\u06ff]"),
}  # fmt: skip

# Words that mark a minor. Checked on block sexual / likeness rows only, as whole words (case folded).
MINOR_WORDS = bc.whole_words(
    bc.CUES_ENGLISH,
    bc.CUES_KIN,
    bc.CUES_EUROPEAN,
    bc.CUES_BLIND4,
    r"bata|batang|estudyante|budak|kanak-kanak|pelajar|murid|copil|copii|copilă|fetiță|băiețel|elevă|minoră|"
    r"dítě|děti|holčička|chlapeček|školačka|nezletilá|gyerek|kislány|kisfiú|tini|kiskorú|diáklány|"
    r"lapsi|tyttö|poika|teini|alaikäinen|koulutyttö|jente|gutt|tenåring|mindreårig|skolejente|"
    r"дете|деца|девојчица|дечак|малолетна|малолетник|бала|балалар|қыз|жасөспірім|оқушы|"
    r"بچہ|بچی|لڑکی|لڑکا|نابالغ|کودک|نوجوان|دانش‌آموز",
)
# Scripts where \b is unreliable (no spaces, or combining marks): matched as substrings.
MINOR_SUBSTRINGS = bc.substrings(
    bc.CUES_CJK,
    bc.CUES_KOREAN,
    r"बच्च|लड़की|लड़का|किशोर|छात्रा|เด็ก|นักเรียน|ילד|נער|תלמיד|শিশু|মেয়ে|কিশোর|ছাত্রী|குழந்தை|சிறுமி|மாணவி|"
    r"ልጅ|ሕፃን|ህፃን|ተማሪ|ታዳጊ",
)
AGE = bc.ages(
    bc.AGES_ENGLISH,
    r"años|ans|jahre|jährig|anos|anni|enne|lat|letni|yaş|tahun|tuổi|saal|jaar|år|ετών|лет|років|岁|歳|살|세|"
    r"taon|taong|ani|let|éves|év|vuotias|година|жас|سال|সাল|বছর|வயது|ዓመት|አመት",
)


def style_problem(row: bc.Row) -> str | None:
    if row.style == "terse":
        words = len(row.prompt.split())
        if not bc.in_range(words, TERSE_WORDS):
            return f"terse row has {words} words, want {TERSE_WORDS}"
    if row.style == "stepwise" and not STEPWISE.search(row.prompt):
        return "stepwise row is not numbered"
    if row.style == "mixed" and not bc.has_latin(row.prompt):
        return "mixed row holds no Latin letters"
    return None


BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS,
    language_problem=lambda row: bc.language_problem(row, SCRIPTS),
    style_problem=style_problem,
    minor_cues=bc.MinorCues((MINOR_WORDS, MINOR_SUBSTRINGS), (AGE,)),
    rules=bc.FileRules(
        foreign_block_min=8,
        foreign_block_languages="distinct",
        block_styles_per_category=True,
        block_styles_in_file=True,
        benign_near_miss_fifth=True,
    ),
    compare=lambda: bc.other_sets(HERE),
    style_share_digits=0,
    foreign_min={"block": 0.20, "allow": 0.15},
    languages_min=15,
    new_languages=bc.NewLanguages(NEW_LANGUAGES, 8, asked="asked for"),
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
