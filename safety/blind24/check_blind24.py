#!/usr/bin/env python3
"""Checks the twenty-fourth blind evaluation set (safety/blind24/*.tsv); standard library only.

The set measures the prompt screen on one weakness: romanised and code-switched writing, weighted towards what the
biggest romanised communities type on phones. Every row is a language with its own script typed in Latin letters
(Hinglish, romanised Urdu, Arabizi, romaji, Pinyin without tones, Russian and Ukrainian translit, romanised Korean,
Finglish, Banglish, Tanglish, Manglish, Greeklish, romanised Telugu, Nepali, Punjabi and Thai), a Latin language
typed without its own letters (Vietnamese without diacritics, Turkish without its special letters), or a language
code-switched with English (Spanglish, Taglish).

blind24's brief asks for blind20's shape (the same codes, counts and larger groups) with its own minimum sizes:
Pinyin, romaji, romanised Korean, Hinglish with romanised Urdu, Arabizi, and Russian with Ukrainian translit at
least 36 rows each. So this checker runs `safety/blind20/check_blind20.py`'s checks (its `blind_set`, adapted from
`safety/blind18/check_blind18.py`) on this folder, as `safety/blind21/check_blind21.py` and
`safety/blind23/check_blind23.py` do, and adds the brief's minimums on top: the shared parts of
`safety/blind_check.py`, `safety/blind_guard.py`, `safety/blind_languages.py` and `safety/blind_romanised.py` (all
unchanged on disk) with the codes, counts, minimum sizes and added minor words and age units blind20's checker
declares. What they check:

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under `# style: foreign` and a `# lang: CODE` header with one of this set's codes: the romanised
  codes (blind_romanised's ROMANISED_NAMES), written in Latin letters only (Latin Extended Additional allowed), an
  Arabizi row (`ar_latn`) writing a letter with a digit (3, 7, 2 ...); `vi_nodiac` and `tr_nodiac`, in plain ASCII
  letters only; `es_en` and `tl_en` (Latin, with at least two common English words). A Latin row holds at most one
  English function word of blind_check's short list;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 24 `block` rows and 12
  `allow` rows, and 12 `allow`/`sexual_minors` rows; each category's block rows use at least 10 codes.
  `benign.tsv` holds 120 rows, all `allow` and `none`, at least a quarter of them under a `# near_miss` comment.
  No file holds a `block`/`sexual_minors` row (the shared rule; README.md says why);
* languages: at least 14 codes in all; every code of a `block` row also has an `allow` row; the larger groups
  blind20's checker names (Hinglish, Arabizi, romaji, Pinyin, Russian and Ukrainian translit together) each hold
  more rows than any other code; blind20's minimums (at least 30 rows, romanised Korean at least 18) and this set's
  (MINIMUMS24: at least 36 rows for each of the brief's six larger groups) are reached;
* lengths: no row over 90 words; each file has rows of 5 words or fewer and rows over 50 words;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (blind_guard.py's words, stems,
  substrings, emoji and ages, blind17's, blind18's and blind20's romanised minor words and age units), checked with
  and without combining marks;
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind24 line numbers are reported;
* prints row counts per label, category and code, each category's codes and the row lengths. Exits 1 on any
  problem.
"""

from __future__ import annotations

import collections
import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # safety/, for blind_check
sys.path.insert(0, str(HERE.parent / "blind20"))  # for blind20's checker
if TYPE_CHECKING:
    from safety import blind_check as bc
    from safety import blind_romanised as br
    from safety.blind20 import check_blind20
else:
    import blind_check as bc
    import blind_romanised as br
    import check_blind20

# The brief's minimums (rows in both files), checked on top of blind20's.
MINIMUMS24: dict[br.Group, int] = {
    "zh_latn": 36, "ja_latn": 36, "ko_latn": 36, ("hi_latn", "ur_latn"): 36, "ar_latn": 36,
    ("ru_latn", "uk_latn"): 36,
}  # fmt: skip

BASE = check_blind20.blind_set(HERE)
_file_problems = BASE.file_problems
_seen: dict[str, list[bc.Row]] = {}


def file_problems(name: str, found: list[bc.Row]) -> list[str]:
    """blind20's file and set rules, then (once both files are read) this set's minimum sizes."""
    problems = _file_problems(name, found) if _file_problems else []
    _seen[name] = found
    if set(_seen) == {"categories.tsv", "benign.tsv"}:
        by_code = collections.Counter(r.lang for rows in _seen.values() for r in rows)
        for group, minimum in MINIMUMS24.items():
            codes = br.group_codes(group)
            count = sum(by_code[c] for c in codes)
            print(f"minimum: {'+'.join(codes)} {count} (want >= {minimum})")
            if count < minimum:
                problems.append(f"{'+'.join(codes)} has {count} rows, want >= {minimum}")
    return problems


BLIND = dataclasses.replace(BASE, file_problems=file_problems)  # BlindSet is frozen

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
