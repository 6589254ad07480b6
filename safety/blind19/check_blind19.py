#!/usr/bin/env python3
"""Checks the nineteenth blind evaluation set (safety/blind19/*.tsv); standard library only.

The set measures the prompt screen on two things side by side, in equal parts: (1) romanised and code-switched
writing (Hinglish, Arabizi, romaji, Pinyin without tones, Russian and Ukrainian translit, romanised Korean, Finglish,
Banglish, romanised Urdu, Greeklish, Tanglish, romanised Thai, Vietnamese and Turkish without diacritics, Spanglish,
Taglish), and (2) the same kind of languages in their own standard writing (native scripts, and Latin-script
languages written with their diacritics).
This checker is adapted from `safety/blind18/check_blind18.py`. It declares the set's rules with the shared parts of
`safety/blind_check.py`, `safety/blind_romanised.py`, `safety/blind_guard.py` and `safety/blind_languages.py` (all
unchanged on disk). `blind_romanised.RomanisedSet` insists that every row be romanised, so this checker runs it twice,
once on each half's rows (the romanised half and the own-writing half), and checks the own-writing half's script
itself:

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under `# style: foreign` and a `# lang: CODE` header with one of this set's codes;
* romanised half: the `*_latn` codes in Latin letters only (Latin Extended Additional allowed), an Arabizi row
  (`ar_latn`) writing a letter with a digit; `vi_nodiac` and `tr_nodiac` in plain ASCII letters only; `es_en`,
  `tl_en` (and `hi_en`, unused) with at least two common English words; at most one English function word of
  blind_check's short list in any Latin row;
* own-writing half: a native-script row (hi, ur, ar, ru, uk, ja, zh, ko, fa, bn, el, ta, th, he) is at least 60 % in
  its script, with the letters of its own that blind_languages asks for (Urdu, Persian, Ukrainian, kana in Japanese)
  and none of a neighbour's (Arabic, Russian); a Latin-script row of a language with diacritics (tr, it, es, pt, fr,
  de, pl, vi, nl) holds at least one of them; Indonesian, Malay, Tagalog and Swahili (written without diacritics)
  hold Latin letters;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 24 `block` rows (12 per
  half) and 12 `allow` rows (6 per half), and 12 `allow`/`sexual_minors` rows (6 per half); each category's block
  rows use at least 8 codes in each half. `benign.tsv` holds 120 rows (60 per half), all `allow` and `none`, at
  least a quarter of each half under a `# near_miss` comment. No `block`/`sexual_minors` row (the shared rule);
* languages: at least 14 codes in each half; every code of a `block` row also has an `allow` row; in the romanised
  half the larger groups (Hinglish, Arabizi, romaji, Pinyin, Russian and Ukrainian translit together) each hold more
  rows than any other romanised code; in the own-writing half at least a third of the rows are Latin-script, and
  Indonesian, Malay, Turkish, Italian, Spanish and Portuguese each have rows;
* lengths: no row over 90 words; each half of each file has rows of 5 words or fewer and rows over 50 words;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (blind_guard.py's words, stems,
  substrings, emoji and ages, blind17's and blind18's romanised minor words and age units, and this set's), checked
  with and without combining marks;
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind19 line numbers are reported;
* prints row counts per label, category and code, each half's codes per category and the row lengths. Exits 1 on any
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
    from safety import blind_languages as bl
    from safety import blind_romanised as br
else:
    import blind_check as bc
    import blind_languages as bl
    import blind_romanised as br

HERE = Path(__file__).resolve().parent
STYLES = {"foreign"}

# The romanised half's codes (as blind18 names them, with romanised Thai added). They are this checker's own script
# table (mapped to Latin) and are added, in memory only, to blind_languages' names.
ROMANISED = br.names(br.ROMANISED_NAMES, "hi_latn", "ur_latn", "ar_latn", "ru_latn", "uk_latn", "ja_latn", "zh_latn",
                     "ko_latn", "fa_latn", "bn_latn", "el_latn", "ta_latn", "th_latn")
NO_DIACRITICS = dict(br.NO_DIACRITICS_NAMES)
CODE_SWITCHED = dict(br.CODE_SWITCHED_NAMES)
ROMAN_CODES = {**ROMANISED, **NO_DIACRITICS, **CODE_SWITCHED}
br.add_language_names(ROMANISED, NO_DIACRITICS, CODE_SWITCHED)  # in memory only

# The own-writing half's codes: blind_languages' scripts (None: Latin).
NATIVE_SCRIPT_CODES = ("hi", "ur", "ar", "ru", "uk", "ja", "zh", "ko", "fa", "bn", "el", "ta", "th", "he")
NATIVE_LATIN_CODES = ("id", "ms", "tr", "it", "es", "pt", "fr", "de", "pl", "vi", "tl", "sw", "nl")
NATIVE = {code: bl.SCRIPTS[code] for code in (*NATIVE_SCRIPT_CODES, *NATIVE_LATIN_CODES)}
# A Latin-script row of a language with diacritics holds at least one (pl, tr, vi: blind_languages' own letters).
DIACRITICS: dict[str, re.Pattern[str]] = {
    "es": re.compile(r"[áéíóúñüÁÉÍÓÚÑÜ¿¡]"),
    "pt": re.compile(r"[ãõçáéíóúâêôàÃÕÇÁÉÍÓÚÂÊÔÀ]"),
    "fr": re.compile(r"[éèêëàâçîïôûùœÉÈÊÀÇÎÔ]"),
    "de": re.compile(r"[äöüßÄÖÜ]"),
    "it": re.compile(r"[àèéìòùÀÈÉÌÒÙ]"),
    "nl": re.compile(r"[ëéïèöüáó]"),
}
PLAIN_LATIN = {"id", "ms", "tl", "sw"}  # written without diacritics
LATIN_SHARE_NATIVE = 1 / 3  # of the own-writing rows, at least this share Latin-script
LATIN_NAMED = ("id", "ms", "tr", "it", "es", "pt")  # the brief's "fair share" languages, each with rows

SCRIPTS19: dict[str, re.Pattern[str] | None] = {**{code: None for code in ROMAN_CODES}, **NATIVE}

BLOCK_HALF = 12  # per screen category and half
ALLOW_HALF = 6  # per screen category (and sexual_minors) and half
BENIGN_HALF = 60


def half_check(larger: tuple[br.Group, ...]) -> br.RomanisedSet:
    return br.RomanisedSet(
        here=HERE,
        scripts=SCRIPTS19,
        code_switched=CODE_SWITCHED,
        no_diacritics=NO_DIACRITICS,
        larger=larger,
        words_max=90,
        short_max=5,  # each half of each file has rows of this many words or fewer ...
        long_over=50,  # ... and rows over this many
        benign_near_miss_share=0.25,  # "at least a quarter near misses", in each half
        category_codes_min=8,  # codes among each category's block rows, per half
        codes_min=14,  # codes per half
    )


ROMAN = half_check(larger=("hi_latn", "ar_latn", "ja_latn", "zh_latn", ("ru_latn", "uk_latn")))
OWN = half_check(larger=())
HALVES = (("romanised", ROMAN, lambda r: r.lang in ROMAN_CODES), ("own writing", OWN, lambda r: r.lang in NATIVE))


def native_problem(row: bc.Row) -> str | None:
    """An own-writing row's script: blind_languages' script check (60 % of its script, own letters, no neighbour's
    letters, at most one English function word), then the diacritics of a Latin-script language."""
    problem = bl.script_problem(row)
    if problem:
        return problem
    marks = DIACRITICS.get(row.lang)
    if marks is not None and not marks.search(row.prompt):
        return f"{row.lang} row holds none of its language's diacritics"
    if row.lang in PLAIN_LATIN and re.search(r"[^\W\d_]", row.prompt) and not re.search(r"[A-Za-z]", row.prompt):
        return f"{row.lang} row holds no Latin letters"
    return None


def language_problem(row: bc.Row) -> str | None:
    if row.style != "foreign":
        return f"{row.style} row: every row of this set is foreign"
    if row.lang in ROMAN_CODES:
        return ROMAN.language_problem(row)
    if row.lang in NATIVE:
        return native_problem(row)
    return f"unknown code {row.lang!r}"


def file_counts(name: str, found: list[bc.Row]) -> list[str]:
    lines = []
    for half, check, member in HALVES:
        rows = [r for r in found if member(r)]
        lines.append(f"  {half} half: {len(rows)} rows")
        lines += ["  " + line for line in check.file_counts(name, rows)]
    return lines


def half_counts(name: str, found: list[bc.Row]) -> list[str]:
    """Each half's share of each label and category."""
    problems = []
    for half, _check, member in HALVES:
        counts = collections.Counter((r.label, r.category) for r in found if member(r))
        if name == "categories.tsv":
            for category in [*bc.SCREEN_CATEGORIES, "sexual_minors"]:
                wants = (
                    (("allow", ALLOW_HALF),)
                    if category == "sexual_minors"
                    else (("block", BLOCK_HALF), ("allow", ALLOW_HALF))
                )
                for label, want in wants:
                    if counts[(label, category)] != want:
                        problems.append(
                            f"{name}: {half} half has {counts[(label, category)]} {label} {category} rows, want {want}"
                        )
        elif sum(counts.values()) != BENIGN_HALF:
            problems.append(f"{name}: {half} half has {sum(counts.values())} rows, want {BENIGN_HALF}")
    return problems


def native_share() -> list[str]:
    """Once both files are read: the Latin-script share of the own-writing half and the brief's named languages."""
    every = [r for rows in OWN.seen.values() for r in rows]
    latin = [r for r in every if NATIVE[r.lang] is None]
    print(f"own writing: {len(latin)} of {len(every)} rows Latin-script, {len(every) - len(latin)} native script")
    problems = []
    if len(latin) < LATIN_SHARE_NATIVE * len(every):
        problems.append(f"own-writing half: {len(latin)} Latin-script rows of {len(every)}, want >= a third")
    by_code = collections.Counter(r.lang for r in latin)
    missing = [code for code in LATIN_NAMED if not by_code[code]]
    if missing:
        problems.append(f"own-writing half: no row of {missing}")
    return problems


def file_problems(name: str, found: list[bc.Row]) -> list[str]:
    problems = half_counts(name, found)
    for half, check, member in HALVES:
        if set(check.seen) | {name} == {"categories.tsv", "benign.tsv"}:
            print(f"{half} half, both files:")
        problems += [f"{half} half: {p}" for p in check.file_problems(name, [r for r in found if member(r)])]
    if set(OWN.seen) == {"categories.tsv", "benign.tsv"}:
        problems += native_share()
    return problems


# The adult-only guard: blind_romanised's (blind_guard.py's lists, ages and emoji with blind17's romanised minor
# words), blind18's romanised additions as check_blind18.py has them, and this set's own: romanised Thai, more
# Hinglish, Arabizi and Indonesian/Malay words, and age units.
MINOR_WORDS_ROMANISED = bc.whole_words(
    br.ROMANISED_MINOR_ALTERNATIVES,
    # blind18's.
    r"tre em|tre con|be gai|be trai|con nit|hoc sinh|nu sinh|thieu nu|thieu nien|vi thanh nien|"
    r"cocuk|cocugu|cocuklar|kiz cocugu|kucuk kiz|kucuk|ogrenci|okul|liseli|ergen|resit olmayan|kiz|"
    r"kutti|kuttikal|penkutti|ankutti|kunju|vidyarthi|"
    r"bnita|weld sghir|sghira|sghir|tlamid|tilmitha|ecoliere|collegienne|lyceenne|gamine|"
    r"chuugaku|koukou|shougakkou|ojousan|"
    r"nv hai|nan hai|xiaonvhai|chu zhong|gao zhong|"
    r"yeoja ai|namja ai|agi|hakgyo",
    # This set's.
    r"rong rian|rongrian|yaowachon|dek nakrian|nong dek|"
    r"chhoti|chhota|chhote|school wali|schoolwali|nanhi|nanha|munni|munna|"
    r"walad|wlad|banat so3ayarin|sghar|sighar|"
    r"abg|smp|sma|bocil|gadis sekolah|adik|"
    r"chokra|chokri|meye|chele|pola|"
    r"maanavan|siruvar|ponnu kutti|"
    r"mikros|mikri|paidakia|"
    r"shkolnicy|shkol'nik|devchonka|maloletnyaya|malyshka|"
    r"aideul|hakseng",
)
AGE_ROMANISED = bc.ages(
    r"tuoi|yas|yasinda|yasindaki|vayasu|vayassu|vayathu|bochor|bochhor|sai|sui|sana|sanin|snin|xronon|xronwn|"
    r"eton|saale|sale|saal|sal|pi|khuap|let|godika|letnyaya|salegi|saalgi|vayathu"
)

BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS19,
    doubled_whitespace=True,
    language_problem=language_problem,
    style_problem=ROMAN.style_problem,
    minor_cues=br.minor_cues(MINOR_WORDS_ROMANISED, (AGE_ROMANISED,)),
    file_counts=file_counts,
    file_problems=file_problems,
    rules=bc.FileRules(
        block=(2 * BLOCK_HALF, 2 * BLOCK_HALF),
        allow=(2 * ALLOW_HALF, 2 * ALLOW_HALF),
        minors_allow=(2 * ALLOW_HALF, 2 * ALLOW_HALF),
        benign=(2 * BENIGN_HALF, 2 * BENIGN_HALF),
        near_miss_benign_only=True,
    ),
    compare=lambda: bc.other_sets(HERE),
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
