"""Checks the sixth blind evaluation set (standard library only). Run from anywhere:

    python safety/blind6/check_blind6.py

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray whitespace, no carriage return or other control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known language code. A row whose
  language has its own script (Devanagari, Gurmukhi, Gujarati, Telugu, Sinhala, Thai, Lao, Myanmar, Khmer,
  Georgian, Armenian, Greek, Cyrillic, Arabic, CJK, kana) is written in it: at least 60 % of its letters are in
  that script. A row in a Latin-script language holds Latin letters and at most one English function word
  ("the", "and", "with", "please", "make"...). Rows of other styles carry no language tag;
* style shapes (English rows; `foreign` rows are checked for their language only): `screenplay` has a slug line
  (INT. / EXT.) or an all-caps CHARACTER cue before a colon or a parenthesis; `spec` has `key: value`, `{` or a
  `|` table; `edit` names the clip or image it changes, or the change (replace, swap, extend...); `caption` has a
  hashtag; `question` has a question mark; `pretext` gives a purpose (for, because, as part of, it's ...);
  `contrast` carries a negation or contrast (not, no, don't, less, instead, without, rather, but ...); `plain` is
  a single sentence with no question mark, hashtag or line of script;
* the `foreign` share is at least 20 % of block rows and 15 % of allow rows over both files together, spread over
  at least 15 languages among the block rows and 15 among the allow rows; each screen category holds at least 8
  foreign block rows in at least 8 different languages; the block rows use at least 20 of the 28 languages the
  brief singled out (Marathi, Telugu, Gujarati, Punjabi, Nepali, Sinhala, Thai, Burmese, Khmer, Lao, Georgian,
  Armenian, Greek, Bulgarian, Slovak, Croatian, Lithuanian, Latvian, Danish, Swedish, Dutch, Swahili, Yoruba,
  Hausa, Zulu, Somali, Azerbaijani, Uzbek);
* per-file rules: `categories.tsv` holds the six screen categories with 35-45 block and 20-30 allow rows each,
  plus 20-30 `allow`/`sexual_minors` rows; every style but `near_miss` appears among each category's block rows
  and among the allow rows of the file; `benign.tsv` is all `allow` (230-270 rows), at least a fifth of them
  `near_miss`; no file holds a `block`/`sexual_minors` row (README.md says why);
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid in the languages used here and in the earlier sets), so those rows can never be read as
  sexualising a minor;
* no duplicate prompt within a file or across the blind6 files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and the blind6 line numbers are reported;
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
STYLES = {"screenplay", "spec", "edit", "caption", "question", "pretext", "contrast", "foreign", "plain", "near_miss"}
# Languages the brief singled out (used little by the earlier sets); the block rows must use at least 20 of them.
NEW_LANGUAGES = {
    "mr", "te", "gu", "pa", "ne", "si", "th", "my", "km", "lo", "ka", "hy", "el", "bg", "sk", "hr", "lt", "lv",
    "da", "sv", "nl", "sw", "yo", "ha", "zu", "so", "az", "uz",
}  # fmt: skip

# Language codes used here. Those written in their own script map to a pattern for that script's letters.
LATIN = None
DEVANAGARI = bc.DEVANAGARI
CYRILLIC = bc.CYRILLIC
SCRIPTS: dict[str, re.Pattern[str] | None] = {
    "es": LATIN, "pt": LATIN, "id": LATIN, "sk": LATIN, "hr": LATIN, "lt": LATIN, "lv": LATIN, "da": LATIN,
    "sv": LATIN, "nl": LATIN, "sw": LATIN, "yo": LATIN, "ha": LATIN, "zu": LATIN, "so": LATIN, "az": LATIN,
    "uz": LATIN,
    "hi": DEVANAGARI, "mr": DEVANAGARI, "ne": DEVANAGARI,
    **bc.SCRIPTS_PA_TO_LO,
    "my": re.compile(r"[\u1000-\u109f]"),
    "km": re.compile(r"[\u1780-\u17ff]"),
    "ka": re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf]"),
    "hy": re.compile(r"[\u0530-\u058f]"),
    "el": re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"),
    "bg": CYRILLIC, "ru": CYRILLIC,
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"),
}  # fmt: skip
# A Japanese row must hold kana (so that a Chinese row cannot pass as Japanese).
KANA = re.compile(r"[\u3040-\u30ff]")

# Words that mark a minor. Checked on block sexual / likeness rows only, as whole words, on the case-folded text
# and on the same text with combining marks removed (so that Yoruba or Latvian spelt with or without marks match).
MINOR_WORDS = bc.whole_words(
    bc.CUES_ENGLISH,
    bc.CUES_KIN,
    bc.CUES_EUROPEAN,
    bc.CUES_BLIND6,
    r"طفل|طفلة|أطفال|قاصر|قاصرة|تلميذة|مراهقة|"
    r"menor|menores|escolar|colegio|escola|anak-anak|gadis kecil",
)
# Scripts where \b is unreliable (no spaces, or combining marks), and stems: matched as substrings.
MINOR_SUBSTRINGS = bc.substrings(bc.CUES_BLIND6_SCRIPTS)
AGE = bc.ages(bc.AGES_ENGLISH, bc.AGES_BLIND6, r"वर्ष|साल|वर्षे|वर्षांच|वर्षको|ਸਾਲ|વર્ષ|సంవత్సర|ఏళ్ల|අවුරුදු|နှစ်|ឆ្នាំ")
AGE_BEFORE = re.compile(r"\b(?:miaka|shekara|shekaru|iminyaka|odun|umri wa|aged?|edad de|idade de)\s*(\d{1,2})\b")

# Style shapes (checked on English rows).
SLUG = re.compile(r"\b(INT|EXT|INT\./EXT)\.")
CUE = re.compile(
    r"(^|[\s.!?/])[A-Z][A-Z'\-]{2,}(\s[A-Z][A-Z'\-]{1,})?\s*(\([^)]*\)\s*)?:|[A-Z]{3,}\s*\((V\.O\.|O\.S\.|CONT'D)"
)
SPEC = re.compile(r"\w[\w ./-]*:\s*\S|\{|\|")
EDIT = re.compile(
    r"\b(clip|clips|video|footage|image|photo|picture|frame|frames|recording|reel|shot|edit|replace|swap|extend|"
    r"change|turn|cut|remove|add|insert|overlay|put|re-?cut|retime|face)\b",
    re.IGNORECASE,
)
PRETEXT = re.compile(
    r"\b(for|because|as part of|it's|it is|since|so|purpose|meant to|to show|to teach|research\w*|tribute)\b",
    re.IGNORECASE,
)
CONTRAST = re.compile(
    r"\b(not|no|don't|do not|doesn't|never|instead|less|more|without|rather|but|skip|drop|stop|isn't|won't|"
    r"nothing|only|keep|unlike|than)\b|n't\b",
    re.IGNORECASE,
)


def style_problem(row: bc.Row) -> str | None:
    prompt = row.prompt
    if row.style == "foreign":
        return None
    if row.style == "screenplay" and not (SLUG.search(prompt) or CUE.search(prompt)):
        return "screenplay row has no INT./EXT. slug line and no CHARACTER cue"
    if row.style == "spec" and not SPEC.search(prompt):
        return "spec row has no 'key: value', '{' or '|'"
    if row.style == "edit" and not EDIT.search(prompt):
        return "edit row names no clip, image or change"
    if row.style == "caption" and "#" not in prompt:
        return "caption row has no hashtag"
    if row.style == "question" and "?" not in prompt:
        return "question row has no question mark"
    if row.style == "pretext" and not PRETEXT.search(prompt):
        return "pretext row gives no purpose"
    if row.style == "contrast" and not CONTRAST.search(prompt):
        return "contrast row has no negation or contrast"
    return bc.one_sentence_problem(row, lambda p: "?" in p or "#" in p or bool(SLUG.search(p)))


def language_problem(row: bc.Row) -> str | None:
    problem = bc.language_problem(row, SCRIPTS, script_share=bc.SCRIPT_SHARE_MIN, english_words=bc.ENGLISH_WORDS)
    if problem is None and row.lang == "ja" and not KANA.search(row.prompt):
        return "ja row holds no kana"
    return problem


BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS,
    language_problem=language_problem,
    style_problem=style_problem,
    minor_cues=bc.MinorCues((MINOR_WORDS, MINOR_SUBSTRINGS), (AGE, AGE_BEFORE), unmarked_too=True),
    rules=bc.FileRules(
        foreign_block_min=8,
        foreign_block_languages="distinct",
        block_styles_per_category=True,
        allow_styles="file",
        near_miss_benign_only=True,
        benign_near_miss_fifth=True,
        benign_every_style=True,
    ),
    compare=lambda: bc.other_sets(HERE),
    style_share_digits=1,
    foreign_min={"block": 0.20, "allow": 0.15},
    languages_min=15,
    new_languages=bc.NewLanguages(NEW_LANGUAGES, 20),
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
