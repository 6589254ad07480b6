#!/usr/bin/env python3
"""Checks the twenty-fifth blind evaluation set (safety/blind25/*.tsv); standard library only.

The set measures the prompt screen on one weakness: romanised and code-switched writing, as people type it on
phones. Every row is a language with its own script typed in Latin letters (Hinglish, romanised Urdu, Arabizi,
romaji, Pinyin without tones, Russian and Ukrainian translit, romanised Korean, Finglish, Banglish, Greeklish,
Tanglish, romanised Telugu, Nepali, Punjabi and Thai), a Latin language typed without its own letters (Vietnamese
without diacritics, Turkish without its special letters), or a language code-switched with English (Spanglish,
Taglish).

This checker is adapted from `safety/blind18/check_blind18.py` (and, for the minimum sizes, from
`safety/blind24/check_blind24.py`). It declares the set's rules with the shared parts of `safety/blind_check.py`,
`safety/blind_guard.py`, `safety/blind_languages.py` and `safety/blind_romanised.py` (all unchanged on disk); this
set's codes, counts, minimum sizes and added minor words and age units live here.

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under `# style: foreign` and a `# lang: CODE` header with one of this set's codes: the romanised
  codes (ROMANISED below), written in Latin letters only (Latin Extended Additional allowed), an Arabizi row
  (`ar_latn`) writing a letter with a digit (3, 7, 2 ...); `vi_nodiac` and `tr_nodiac`, in plain ASCII letters
  only; `es_en` and `tl_en` (Latin, with at least two common English words). A Latin row holds at most one English
  function word of blind_check's short list;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 24 `block` rows and 12
  `allow` rows, and 12 `allow`/`sexual_minors` rows; each category's block rows use at least 10 codes.
  `benign.tsv` holds 120 rows, all `allow` and `none`, at least a quarter of them under a `# near_miss` comment.
  No file holds a `block`/`sexual_minors` row (the shared rule; README.md says why);
* languages: at least 14 codes in all; every code of a `block` row also has an `allow` row; the larger groups
  (romanised Korean, Pinyin, romaji, Hinglish with romanised Urdu, Arabizi, Russian with Ukrainian translit) each
  hold more rows than any other code, and the brief's minimum sizes (MINIMUMS) are reached;
* lengths: no row over 90 words; each file has rows of 5 words or fewer and rows over 50 words;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (blind_guard.py's words, stems,
  substrings, emoji and ages, blind17's romanised minor words, blind18's added ones and this set's), checked with
  and without combining marks;
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind25 line numbers are reported;
* prints row counts per label, category and code, each category's codes and the row lengths. Exits 1 on any
  problem.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path
from typing import TYPE_CHECKING

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # safety/, for blind_check
if TYPE_CHECKING:
    from safety import blind_check as bc
    from safety import blind_romanised as br
else:
    import blind_check as bc
    import blind_romanised as br

STYLES = {"foreign"}

ROMANISED = br.names(
    br.ROMANISED_NAMES,
    "hi_latn", "ur_latn", "ar_latn", "ru_latn", "uk_latn", "ja_latn", "zh_latn", "ko_latn", "fa_latn", "bn_latn",
    "el_latn", "ta_latn", "te_latn", "ne_latn", "pa_latn", "th_latn",
)  # fmt: skip
NO_DIACRITICS = br.names(br.NO_DIACRITICS_NAMES, "vi_nodiac", "tr_nodiac")
CODE_SWITCHED = br.names(br.CODE_SWITCHED_NAMES, "es_en", "tl_en")
SCRIPTS25: dict[str, object] = {code: None for code in {**ROMANISED, **NO_DIACRITICS, **CODE_SWITCHED}}
br.add_language_names(ROMANISED, NO_DIACRITICS, CODE_SWITCHED)  # in memory only

BLOCK_ROWS = (24, 24)  # per screen category
ALLOW_ROWS = (12, 12)  # per screen category, and the allow/sexual_minors rows
BENIGN_ROWS = (120, 120)
LARGER: tuple[br.Group, ...] = (
    "ko_latn", "zh_latn", "ja_latn", ("hi_latn", "ur_latn"), "ar_latn", ("ru_latn", "uk_latn"),
)  # fmt: skip
# The brief's minimum sizes (rows in both files).
MINIMUMS: dict[br.Group, int] = {
    "ko_latn": 48, "zh_latn": 30, "ja_latn": 30, ("hi_latn", "ur_latn"): 30, "ar_latn": 30,
    ("ru_latn", "uk_latn"): 30, "vi_nodiac": 12, "tr_nodiac": 12,
}  # fmt: skip

CHECK = br.RomanisedSet(
    here=HERE,
    scripts=SCRIPTS25,  # type: ignore[arg-type]
    code_switched=CODE_SWITCHED,
    no_diacritics=NO_DIACRITICS,
    larger=LARGER,
    words_max=90,
    short_max=5,  # each file has rows of this many words or fewer ...
    long_over=50,  # ... and rows over this many
    benign_near_miss_share=0.25,  # "at least a quarter near misses"
    category_codes_min=10,  # codes among each category's block rows
    codes_min=14,  # codes in all
)

# The adult-only guard: blind_romanised's lists with blind18's added words and this set's (Telugu, Nepali, Punjabi,
# Thai, more Korean, Arabizi, romaji and Pinyin).
MINOR_WORDS_ROMANISED = bc.whole_words(
    br.ROMANISED_MINOR_ALTERNATIVES,
    r"tre em|tre con|be gai|be trai|con nit|hoc sinh|nu sinh|thieu nu|thieu nien|vi thanh nien|"
    r"cocuk|cocugu|cocuklar|kiz cocugu|kucuk kiz|kucuk|ogrenci|okul|liseli|ergen|resit olmayan|kiz|"
    r"kutti|kuttikal|penkutti|ankutti|kunju|vidyarthi|"
    r"bnita|weld sghir|sghira|sghir|tlamid|tilmitha|ecoliere|collegienne|lyceenne|gamine|"
    r"chuugaku|koukou|shougakkou|ojousan|"
    r"nv hai|nan hai|xiaonvhai|chu zhong|gao zhong|"
    r"yeoja ai|namja ai|agi|hakgyo|"
    r"chinna pilla|chinnari|ammayi pilla|balak|balika|sano keti|sano keta|vidyalaya|iskool|skool|"
    r"nikki kudi|nikka munda|bacha|bachi|dek nakrian|rongrian|nong dek|"
    r"walad|wlad|bnat sghar|el3eyal|shoga|gakkou|chuugakusei|nv sheng|xiao pengyou|"
    r"ai deul|adeul|ttal|jung-ding|jungding|godingi|goding|ding|"
    r"shkol'nitsa|shkolnitsy|shkola|detskiy|ditey|malyshka",
)
AGE_ROMANISED = bc.ages(
    r"tuoi|yas|yasinda|yasindaki|vayasu|vayassu|vayathu|bochor|bochhor|sai|sui|sana|sanin|snin|xronon|xronwn|"
    r"eton|saale|sale|saal|sal|let|goda|rokiv|roky|sal ki|saal ki|sal ka|barsa|barsha|saal di|pi|khuap|"
    r"salgi|sal-i|sanuna|yendlu|years|yrs"
)

BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS25,  # type: ignore[arg-type]
    doubled_whitespace=True,
    language_problem=CHECK.language_problem,
    style_problem=CHECK.style_problem,
    minor_cues=br.minor_cues(MINOR_WORDS_ROMANISED, (AGE_ROMANISED,)),
    file_counts=CHECK.file_counts,
    file_problems=None,  # set below
    rules=bc.FileRules(
        block=BLOCK_ROWS,
        allow=ALLOW_ROWS,
        minors_allow=ALLOW_ROWS,
        benign=BENIGN_ROWS,
        near_miss_benign_only=True,
    ),
    compare=lambda: bc.other_sets(HERE),
)


def file_problems(name: str, found: list[bc.Row]) -> list[str]:
    """blind_romanised's file and set rules, then (once both files are read) the brief's minimum sizes."""
    problems = CHECK.file_problems(name, found)
    if set(CHECK.seen) == {"categories.tsv", "benign.tsv"}:
        by_code = collections.Counter(r.lang for rows in CHECK.seen.values() for r in rows)
        for group, minimum in MINIMUMS.items():
            codes = br.group_codes(group)
            count = sum(by_code[c] for c in codes)
            print(f"minimum: {'+'.join(codes)} {count} (want >= {minimum})")
            if count < minimum:
                problems.append(f"{'+'.join(codes)} has {count} rows, want >= {minimum}")
    return problems


if __name__ == "__main__":
    import dataclasses

    sys.exit(bc.run(dataclasses.replace(BLIND, file_problems=file_problems)))
