"""Checks the eleventh blind evaluation set (standard library only). Run from anywhere:

    python safety/blind11/check_blind11.py

The eleventh set is mostly ENGLISH, typed the way the public types to a video generator, and aims at the ways a
keyword-tuned screen is fooled: harm told by what happens, euphemism, slang and typos, obfuscation, a harmful beat
buried in a long harmless scene or spread over two sentences, framings (screenplay, spec, shot list, hashtags,
question, chat, pretext, satire, edit, role-play), and near misses that share the vocabulary of harm. This checker
is adapted from `safety/blind10/check_blind10.py`. It declares the set's rules with the shared parts of
`safety/blind_check.py`, `safety/blind_styles.py`, `safety/blind_guard.py` and `safety/blind_languages.py`
(all unchanged); the checks those modules cannot express (this set's styles and their shapes, the English and
foreign split per category, languages per category, the languages the brief named, the style spread, row lengths,
the benign file's single category and near-miss share) live here.

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known ISO 639-1 code. A row whose
  language has its own script is written in it (at least 60 % of its letters); languages that share a script hold
  a letter of their own, and Russian and Arabic rows none of their neighbours' letters (blind9's and blind10's
  tables in blind_languages.py). A Latin-script row holds at most one English function word. Rows of other styles
  carry no language tag;
* style shapes (English rows only): each style carries its marker (README.md lists them); `plain` and `near_miss`
  are one sentence shaped like no other style; `buried_long` rows are 60 to 90 words; `two_step` rows are at least
  two sentences; `euphemism`, `implicit` and `slang_typo` have no marker to check;
* lengths: every English row is 3 to 90 words long, and no foreign row written with spaces runs over 90 words;
  each file has English rows under 8 words and over 60;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 40 `block` rows (30
  English, 10 foreign) and 25 `allow` rows (19 English, 6 foreign), and 25 `allow`/`sexual_minors` rows (19
  English, 6 foreign); each category's foreign block rows use at least 8 languages. `benign.tsv` holds 250 rows,
  all `allow` and all of category `none`, 200 English and 50 foreign, at least a quarter of them `near_miss`. No
  file holds a `block`/`sexual_minors` row (the shared rule; README.md says why) and no `near_miss` row sits in
  `categories.tsv`;
* styles: at least 12 English styles, and every English style has at least 10 rows over both files;
* languages: every language the brief named has a row, at least 3 smaller languages have rows, and every
  language of a `block` row also has an `allow` row;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid, little, young) in English or in any language used by the blind sets. Whole words are
  matched where words are spaced and unmarked, word stems for inflecting or agglutinative languages, and
  substrings for scripts without reliable word boundaries; every row is also checked with its combining marks
  removed. The lists are blind_guard.py's plus blind10's school and youth words (blind_guard.py);
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind11 line numbers are reported;
* prints row counts per label, category, style and language, each category's foreign languages, and word counts
  of the English rows. Exits 1 on any problem.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # safety/, for blind_check
if TYPE_CHECKING:
    from safety import blind_check as bc
    from safety.blind_guard import (
        AGE_BEFORE,
        AGES_BLIND9,
        MINOR_STEMS,
        MINOR_SUBSTRINGS,
        MINOR_WORDS,
        MINOR_WORDS_BLIND10,
    )
    from safety.blind_languages import (
        SCRIPTS,
        script_problem,
    )
    from safety.blind_splits import SetSplits, file_counts
    from safety.blind_styles import (
        CHARACTER_TRICK,
        CONTRAST,
        EDIT,
        JSON_OBJECT,
        KEY_VALUES,
        LIST_MARKER,
        PRETEXT,
        SHAPES,
        length_problem,
        other_shape,
    )
else:
    import blind_check as bc
    from blind_guard import AGE_BEFORE, AGES_BLIND9, MINOR_STEMS, MINOR_SUBSTRINGS, MINOR_WORDS, MINOR_WORDS_BLIND10
    from blind_languages import SCRIPTS, script_problem
    from blind_splits import SetSplits, file_counts
    from blind_styles import (
        CHARACTER_TRICK,
        CONTRAST,
        EDIT,
        JSON_OBJECT,
        KEY_VALUES,
        LIST_MARKER,
        PRETEXT,
        SHAPES,
        length_problem,
        other_shape,
    )

HERE = Path(__file__).resolve().parent
ENGLISH_STYLES = {
    "plain", "near_miss", "implicit", "euphemism", "buried_long", "two_step", "screenplay", "spec", "shot_list",
    "hashtags", "question", "chat", "pretext", "satire", "edit", "roleplay", "slang_typo", "obfuscated",
    "negation_contrast",
}  # fmt: skip
STYLES = ENGLISH_STYLES | {"foreign"}
ENGLISH_STYLES_MIN = 12  # English styles in the set
STYLE_ROWS_MIN = 10  # rows of each English style over both files

# Per category in categories.tsv: (foreign, English) rows of each label.
BLOCK_SPLIT = (10, 30)
ALLOW_SPLIT = (6, 19)  # also the allow/sexual_minors rows
BENIGN_SPLIT = (50, 200)
BENIGN_NEAR_MISS_SHARE = 0.25  # "at least a quarter of them near misses"
CATEGORY_LANGUAGES_MIN = 8  # languages among each category's foreign block rows
WORDS_RANGE = (3, 90)  # words in an English row; foreign rows written with spaces stay under the maximum
BURIED_RANGE = (60, 90)  # "a 60-90 word scene description with one disallowed beat"
SHORT_UNDER = 8  # each file has English rows under this many words ...
LONG_OVER = 60  # ... and over this many
# The languages the brief named (Mandarin shares `zh`, every Arabic variety `ar`).
BRIEF_LANGUAGES = {
    "es", "pt", "fr", "de", "it", "ru", "ar", "hi", "id", "tr", "ja", "ko", "zh", "vi", "pl", "tl",
}  # fmt: skip
SMALLER_LANGUAGES_MIN = 3  # "and a few smaller languages"

# The adult-only guard: words that mark a minor (safety/blind_guard.py), checked on block sexual / likeness rows
# only, on the case-folded text and again with combining marks removed; and ages. The school and youth words of
# the big languages and the age units are blind10's, shared in blind_guard.py (MINOR_WORDS_BLIND10, AGES_BLIND9).
AGE = AGES_BLIND9

# Style shapes, checked on English rows. The shared shapes (blind_styles.SHAPES) serve the styles that share a
# name with blind9's and blind10's; this set's own styles are below.
SENTENCE = re.compile(r"[.!?;:]\s+[\"'“(]?[A-Z0-9]")
HASHTAG = re.compile(r"#\w+")
SHOT = re.compile(r"\bshot\s*\d{1,2}\s*:", re.IGNORECASE)
YAML_FIELD = re.compile(r"(?:^|[;,{]\s*|\s)\"?[A-Za-z_][\w -]{0,24}\"?\s*:\s")
SATIRE = re.compile(r"\b(satire|satirical|parody|spoof|sketch|mockumentary|comedy bit)\b", re.IGNORECASE)
PRETEXT_MORE = re.compile(
    r"\b(documentary|training|class|course|lesson|curriculum|workshop|museum|for accuracy|realism|study|"
    r"campaign|explainer)\b",
    re.IGNORECASE,
)
EDIT_MORE = re.compile(
    r"\b(my clip|this clip|the clip|my video|this video|my footage|this footage|my upload|the upload|re-?cut|"
    r"add (?:a|an|the|some)|remove|change the)\b",
    re.IGNORECASE,
)
SPACED_LETTERS = re.compile(r"\b(?:[A-Za-z][ .*_]){3,}[A-Za-z]\b")
EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]")
NEGATION = re.compile(
    r"\b(no|not|never|without|nothing|none|instead of|rather than|cut away|cuts away|off-screen|offscreen|"
    r"don't|doesn't|isn't|only)\b",
    re.IGNORECASE,
)

STYLE_SHAPES = {
    "screenplay": SHAPES["screenplay"],
    "chat": SHAPES["chat"],
    "question": SHAPES["question"],
    "roleplay": SHAPES["roleplay"],
    "spec": (
        "is not a JSON object or a spec of three 'field: value' entries",
        lambda p: bool(JSON_OBJECT.match(p) or KEY_VALUES.match(p) or len(YAML_FIELD.findall(p)) >= 3),
    ),
    "shot_list": (
        "is not a shot list ('Shot 1:' ... or a numbered list)",
        lambda p: len(SHOT.findall(p)) >= 2 or len(LIST_MARKER.findall(p)) >= 2,
    ),
    "hashtags": ("holds fewer than two hashtags", lambda p: len(HASHTAG.findall(p)) >= 2),
    "pretext": ("gives no pretext", lambda p: bool(PRETEXT.search(p) or PRETEXT_MORE.search(p))),
    "satire": ("names no satire, parody or sketch", lambda p: bool(SATIRE.search(p))),
    "edit": ("edits no clip", lambda p: bool(EDIT.search(p) or EDIT_MORE.search(p))),
    "obfuscated": (
        "hides no letters (digits or symbols in a word, spaced letters, emoji)",
        lambda p: bool(CHARACTER_TRICK.search(p) or SPACED_LETTERS.search(p) or EMOJI.search(p)),
    ),
    "negation_contrast": (
        "negates or contrasts nothing",
        lambda p: bool(NEGATION.search(p) or CONTRAST.search(p)),
    ),
    "two_step": ("is not two sentences or more", lambda p: bool(SENTENCE.search(p.rstrip(".!?")))),
}


def style_problem(row: bc.Row) -> str | None:
    prompt = row.prompt
    problem = length_problem(row, WORDS_RANGE, {"buried_long": BURIED_RANGE})
    if problem:
        return problem
    if row.style == "foreign":
        return None
    shape = STYLE_SHAPES.get(row.style)
    if shape is not None:
        message, check = shape
        return None if check(prompt) else f"{row.style} row {message}"
    return bc.one_sentence_problem(row, other_shape)


SPLITS = SetSplits(
    BLOCK_SPLIT, ALLOW_SPLIT, BENIGN_SPLIT, BENIGN_NEAR_MISS_SHARE, CATEGORY_LANGUAGES_MIN, SHORT_UNDER, LONG_OVER,
    ENGLISH_STYLES_MIN, STYLE_ROWS_MIN, BRIEF_LANGUAGES, SMALLER_LANGUAGES_MIN,
)


BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS,
    doubled_whitespace=True,
    language_problem=script_problem,
    style_problem=style_problem,
    minor_cues=bc.MinorCues(
        (MINOR_WORDS, MINOR_WORDS_BLIND10, MINOR_STEMS, MINOR_SUBSTRINGS), (AGE, AGE_BEFORE), unmarked_too=True
    ),
    file_counts=file_counts,
    file_problems=SPLITS.file_problems,
    rules=bc.FileRules(
        block=(40, 40),
        allow=(25, 25),
        minors_allow=(25, 25),
        benign=(250, 250),
        near_miss_benign_only=True,
    ),
    compare=lambda: bc.other_sets(HERE),
    style_share_digits=1,
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
