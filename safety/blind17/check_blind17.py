#!/usr/bin/env python3
"""Checks the seventeenth blind evaluation set (safety/blind17/*.tsv); standard library only.

The set measures the prompt screen on one weakness: romanised and code-switched writing. Every row is a language
with its own script typed in Latin letters as people type on phones (Hinglish, romanised Urdu, Arabizi,
Russian/Ukrainian translit, romaji, Pinyin without tones, romanised Korean, Finglish, romanised Bengali, Greeklish,
Tanglish, romanised Telugu, Nepali, Punjabi and Thai), or a language code-switched with English (Spanglish, Taglish,
Devanagari Hindi with English words).
This checker is adapted from `safety/blind16/check_blind16.py`. It declares the set's rules with the shared parts of
`safety/blind_check.py`, `safety/blind_guard.py` and `safety/blind_languages.py` (all unchanged on disk) and with
`safety/blind_romanised.py`, which holds the checks it shares with check_blind18.py (the romanised and code-switched
codes, the code counts, the near-miss groups of the benign file, the short and long rows, the romanised minor
words); its own codes and counts, and the check of `hi_en` in Devanagari, live here.

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under `# style: foreign` and a `# lang: CODE` header (reset by each style header) with one of this
  set's codes: the romanised codes (`hi_latn`, `ar_latn`, ..., ROMANISED below), written in Latin letters only
  (Latin Extended Additional allowed), an Arabizi row (`ar_latn`) writing a letter with a digit (3, 7, 2 ...);
  `es_en` and `tl_en` (Latin, with at least two common English words); and `hi_en`, which in this set means Hindi
  in Devanagari with English words in Latin letters (at least 30 % of its letters Devanagari, at least two Latin
  words of three letters or more). A Latin row holds at most one English function word of blind_check's short list
  (a romanised or code-switched row is still mostly the other language);
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 24 `block` rows and 12
  `allow` rows, and 12 `allow`/`sexual_minors` rows; each category's block rows use at least 10 codes.
  `benign.tsv` holds 120 rows, all `allow` and `none`, at least a quarter of them under a `# near_miss` comment
  (a near-miss group runs until the next `# lang:` or `# style:` header). No file holds a `block`/`sexual_minors`
  row (the shared rule; README.md says why);
* languages: at least 14 codes in all; every code of a `block` row also has an `allow` row; the larger groups the
  brief named (Hinglish, Arabizi, romaji, Pinyin, Russian and Ukrainian translit together) each hold more rows than
  any other code;
* lengths: no row over 90 words; each file has rows of 5 words or fewer and rows over 50 words;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid, little, young, ladki, bachcha) in English or in any language used by the blind sets, nor an
  emoji of a child, a baby, a school bag or a school. The word lists, ages and emoji are blind_guard.py's, as
  check_blind16.py has them, checked with and without combining marks;
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind17 line numbers are reported;
* prints row counts per label, category and code, each category's codes and the row lengths. Exits 1 on any
  problem.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # safety/, for blind_check
if TYPE_CHECKING:
    from safety import blind_check as bc
    from safety import blind_romanised as br
else:
    import blind_check as bc
    import blind_romanised as br

HERE = Path(__file__).resolve().parent
STYLES = {"foreign"}

# Romanised codes of this set: the language written in Latin letters as people type it on Latin keyboards. They
# are this checker's own script table (mapped to Latin) and are added, in memory only, to blind_languages' names;
# blind_languages.py itself is not changed.
ROMANISED = {
    "hi_latn": "Hindi (romanised, Hinglish)", "ur_latn": "Urdu (romanised)", "ar_latn": "Arabic (Arabizi)",
    "ru_latn": "Russian (translit)", "uk_latn": "Ukrainian (translit)", "ja_latn": "Japanese (romaji)",
    "zh_latn": "Mandarin (Pinyin without tones)", "ko_latn": "Korean (romanised)", "fa_latn": "Persian (Finglish)",
    "bn_latn": "Bengali (romanised)", "el_latn": "Greek (Greeklish)", "ta_latn": "Tamil (romanised, Tanglish)",
    "te_latn": "Telugu (romanised)", "ne_latn": "Nepali (romanised)", "pa_latn": "Punjabi (romanised)",
    "th_latn": "Thai (romanised)",
}  # fmt: skip
CODE_SWITCHED = {
    "es_en": "Spanglish", "tl_en": "Taglish", "hi_en": "Hindi (Devanagari) with English words",
}  # fmt: skip
DEVANAGARI_CODES = {"hi_en"}
SCRIPTS17: dict[str, re.Pattern[str] | None] = {
    **{code: None for code in ROMANISED},
    "es_en": None,
    "tl_en": None,
    "hi_en": bc.DEVANAGARI,
}
br.add_language_names(ROMANISED, CODE_SWITCHED)  # in memory only; blind_languages.py calls `hi_en` Hinglish in Latin

BLOCK_ROWS = (24, 24)  # per screen category
ALLOW_ROWS = (12, 12)  # per screen category, and the allow/sexual_minors rows
BENIGN_ROWS = (120, 120)
DEVANAGARI_SHARE = 0.30
LATIN_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{3,}(?![A-Za-z])")

CHECK = br.RomanisedSet(
    here=HERE,
    scripts=SCRIPTS17,
    code_switched=CODE_SWITCHED,
    larger=("hi_latn", "ar_latn", "ja_latn", "zh_latn", ("ru_latn", "uk_latn")),  # Hinglish, Arabizi, romaji, ...
    words_max=90,
    short_max=5,  # each file has rows of this many words or fewer ...
    long_over=50,  # ... and rows over this many
    benign_near_miss_share=0.25,  # "at least a quarter near misses"
    category_codes_min=10,  # codes among each category's block rows
    codes_min=14,  # codes in all
)


def language_problem(row: bc.Row) -> str | None:
    """The row's style, code and script: `hi_en` is Devanagari with English words in Latin letters, every other
    code blind_romanised's Latin checks."""
    if row.style != "foreign" or row.lang not in DEVANAGARI_CODES:
        return CHECK.language_problem(row)
    letters = [ch for ch in row.prompt if ch.isalpha() or unicodedata.category(ch) in ("Mn", "Mc")]
    share = sum(1 for ch in letters if bc.DEVANAGARI.match(ch)) / len(letters) if letters else 0.0
    if share < DEVANAGARI_SHARE:
        return f"{row.lang} row is {share:.0%} Devanagari, want >= {DEVANAGARI_SHARE:.0%}"
    if len(LATIN_WORD.findall(row.prompt)) < 2:
        return f"{row.lang} row holds fewer than two English words in Latin letters"
    return None


BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS17,
    doubled_whitespace=True,
    language_problem=language_problem,
    style_problem=CHECK.style_problem,
    # The adult-only guard (safety/blind_guard.py), as check_blind16.py uses it, with blind_romanised's romanised
    # minor words (this set's list).
    minor_cues=br.minor_cues(br.MINOR_WORDS_ROMANISED),
    file_counts=CHECK.file_counts,
    file_problems=CHECK.file_problems,
    rules=bc.FileRules(
        block=BLOCK_ROWS,
        allow=ALLOW_ROWS,
        minors_allow=ALLOW_ROWS,
        benign=BENIGN_ROWS,
        near_miss_benign_only=True,
    ),
    compare=lambda: bc.other_sets(HERE),
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
