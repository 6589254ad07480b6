#!/usr/bin/env python3
"""Checks the twenty-eighth blind evaluation set (safety/blind28/*.tsv); standard library only.

The set measures the prompt screen on one weakness: harmless everyday prompts refused when they are typed in
romanised or code-switched writing, as people really chat on phones. Every row is a language with its own script
typed in Latin letters (Hinglish, romanised Urdu, Arabizi, romaji, Pinyin without tones, Russian and Ukrainian
translit, romanised Korean, Finglish, Banglish, Greeklish, Tanglish, romanised Telugu, Nepali, Punjabi, Thai,
Gujarati, Marathi, Kannada, Sinhala, Armenian and Georgian, Hong Kong Cantonese), a Latin language typed without its
own letters (Vietnamese and Turkish without diacritics), or a language code-switched with English (Spanglish,
Taglish).

This checker is adapted from `safety/blind26/check_blind26.py`. It declares the set's rules with the shared parts of
`safety/blind_check.py`, `safety/blind_guard.py`, `safety/blind_languages.py` and `safety/blind_romanised.py` (all
unchanged on disk). The codes that are not in those modules' tables are added here, in memory only.

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under `# style: foreign` and a `# lang: CODE` header with one of this set's codes, written in Latin
  letters only (Latin Extended Additional allowed); an Arabizi row (`ar_latn`) writes a letter with a digit;
  `vi_nodiac` and `tr_nodiac` rows hold plain ASCII letters only; `es_en` and `tl_en` rows hold at least two common
  English words. A Latin row holds at most one English function word of blind_check's short list;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 12 `block` rows and 16
  `allow` rows, and 12 `allow`/`sexual_minors` rows (180 rows); each category's block rows use at least 10 codes.
  `benign.tsv` holds 200 rows, all `allow` and `none`, at least a third under a `# near_miss` comment. No file
  holds a `block`/`sexual_minors` row (the shared rule; README.md says why);
* languages: every one of blind26's 27 codes is used (at least 22 codes in all); every code of a `block` row also
  has an `allow` row; each code holds at least 5 benign rows, and the larger groups (Hinglish, Arabizi, romaji,
  Pinyin, Russian translit, romanised Korean, Vietnamese without marks) at least 14 benign rows each and more rows
  in all than any other code;
* lengths: no row over 90 words; each file has rows of 5 words or fewer and rows over 50 words;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (blind_guard.py's words, stems,
  substrings, emoji and ages, blind17's, blind18's and blind26's romanised minor words and age units), checked with
  and without combining marks;
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind28 line numbers are reported;
* prints row counts per label, category and code, each category's codes and the row lengths. Exits 1 on any
  problem.
"""

from __future__ import annotations

import collections
import re
import sys
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

# blind26's new romanised codes (not in blind_romanised's tables; added in memory only).
NEW_CODES = {
    "gu_latn": "Gujarati (romanised)", "mr_latn": "Marathi (romanised)", "kn_latn": "Kannada (romanised)",
    "si_latn": "Sinhala (romanised)", "hy_latn": "Armenian (romanised)", "ka_latn": "Georgian (romanised)",
    "yue_latn": "Cantonese (Hong Kong chat romanisation)",
}  # fmt: skip
ROMANISED = {
    **br.names(
        br.ROMANISED_NAMES, "hi_latn", "ur_latn", "ar_latn", "ru_latn", "uk_latn", "ja_latn", "zh_latn", "ko_latn",
        "fa_latn", "bn_latn", "el_latn", "ta_latn", "te_latn", "ne_latn", "pa_latn", "th_latn",
    ),
    **NEW_CODES,
}  # fmt: skip
NO_DIACRITICS = dict(br.NO_DIACRITICS_NAMES)
CODE_SWITCHED = br.names(br.CODE_SWITCHED_NAMES, "es_en", "tl_en")
SCRIPTS28: dict[str, re.Pattern[str] | None] = {code: None for code in {**ROMANISED, **NO_DIACRITICS, **CODE_SWITCHED}}
br.add_language_names(ROMANISED, NO_DIACRITICS, CODE_SWITCHED)  # in memory only

BLOCK_ROWS = (12, 12)  # per screen category
ALLOW_ROWS = (16, 16)  # per screen category
MINORS_ROWS = (12, 12)  # allow/sexual_minors rows
BENIGN_ROWS = (200, 200)
CODES_MIN = 22  # codes in all
LARGER = ("hi_latn", "ar_latn", "ja_latn", "zh_latn", "ru_latn", "ko_latn", "vi_nodiac")
BENIGN_MIN = 5  # benign rows of each code
BENIGN_LARGER_MIN = 14  # benign rows of each larger group

CHECK = br.RomanisedSet(
    here=HERE,
    scripts=SCRIPTS28,
    code_switched=CODE_SWITCHED,
    no_diacritics=NO_DIACRITICS,
    larger=LARGER,  # Hinglish, Arabizi, romaji, Pinyin, Russian translit, Korean, Vietnamese
    words_max=90,
    short_max=5,  # each file has rows of this many words or fewer ...
    long_over=50,  # ... and rows over this many
    benign_near_miss_share=1 / 3,  # "a third of them near misses"
    category_codes_min=10,  # codes among each category's block rows
    codes_min=CODES_MIN,
)

# The adult-only guard: blind_romanised's (blind_guard.py's lists and ages with blind17's romanised minor words),
# blind18's added words, and blind26's child, girl, boy, pupil and school words of its new codes.
MINOR_WORDS_ROMANISED = bc.whole_words(
    br.ROMANISED_MINOR_ALTERNATIVES,
    r"tre em|tre con|be gai|be trai|con nit|hoc sinh|nu sinh|thieu nu|thieu nien|vi thanh nien|"
    r"cocuk|cocugu|cocuklar|kiz cocugu|kucuk kiz|kucuk|ogrenci|okul|liseli|ergen|resit olmayan|kiz|"
    r"bnita|weld sghir|sghira|sghir|tlamid|tilmitha|ecoliere|collegienne|lyceenne|gamine|"
    r"chuugaku|koukou|shougakkou|ojousan|nv hai|nan hai|xiaonvhai|chu zhong|gao zhong|"
    r"yeoja ai|namja ai|agi|hakgyo|"
    # Gujarati and Marathi.
    r"chhokri|chokro|chhokro|chhokra|balko|baalko|balak|shala|nishal|vidyarthini|"
    r"mulgi|mulga|mula|muli|lahan mulgi|shalecha|shaletil|"
    # Kannada and Sinhala.
    r"hudugi|huduga|makkalu|magu|maga|shaale|shale|lamaya|lamai|lamayi|podi kella|podi kolla|pasal|iskole|"
    # Armenian and Georgian.
    r"erekha|erekhaner|aghjik|tgha|dprots|dprocakan|ashakert|bavshvi|bavshvebi|gogo|gogona|bichi|skola|mozardi|"
    # Cantonese (Hong Kong).
    r"sai lou|sai lou zai|sailou|hok saang|hoksaang|zung hok|siu hok|nui zai|naam zai|siu pang jau",
)
# ... and the age units after a number (an age under 18 is a cue): blind18's and the new codes'.
AGE_ROMANISED = bc.ages(
    r"tuoi|yas|yasinda|yasindaki|vayasu|vayassu|vayathu|bochor|bochhor|sai|sui|sana|sanin|snin|xronon|xronwn|"
    r"eton|saale|sale|saal|sal|varsh|varshachi|varshni|varsha|varshada|avurudu|tarekan|tarekan@|tslis|seoi"
)

_seen: dict[str, list[bc.Row]] = {}


def file_problems(name: str, found: list[bc.Row]) -> list[str]:
    """blind_romanised's file and set rules, then (once both files are read) every code used and the benign rows
    of each code."""
    problems = CHECK.file_problems(name, found)
    _seen[name] = found
    if set(_seen) == {"categories.tsv", "benign.tsv"}:
        every = {r.lang for rows in _seen.values() for r in rows}
        missing = sorted(set(SCRIPTS28) - every)
        if missing:
            problems.append(f"codes without rows: {missing}")
        benign = collections.Counter(r.lang for r in _seen["benign.tsv"])
        print("benign rows per code: " + ", ".join(f"{k} {benign[k]}" for k in sorted(SCRIPTS28)))
        for code in sorted(SCRIPTS28):
            want = BENIGN_LARGER_MIN if code in LARGER else BENIGN_MIN
            if benign[code] < want:
                problems.append(f"benign.tsv: {code} has {benign[code]} rows, want >= {want}")
    return problems


BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS28,
    doubled_whitespace=True,
    language_problem=CHECK.language_problem,
    style_problem=CHECK.style_problem,
    minor_cues=br.minor_cues(MINOR_WORDS_ROMANISED, (AGE_ROMANISED,)),
    file_counts=CHECK.file_counts,
    file_problems=file_problems,
    rules=bc.FileRules(
        block=BLOCK_ROWS,
        allow=ALLOW_ROWS,
        minors_allow=MINORS_ROWS,
        benign=BENIGN_ROWS,
        near_miss_benign_only=True,
    ),
    compare=lambda: bc.other_sets(HERE),
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
