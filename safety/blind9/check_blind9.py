"""Checks the ninth blind evaluation set (standard library only). Run from anywhere:

    python safety/blind9/check_blind9.py

The ninth set is mostly not in English: about two thirds of its rows are `foreign`, in more than fifty languages.
This checker declares the set's rules with the shared parts of `safety/blind_check.py` (unchanged); the checks
that module cannot express (language spread per category, own-letter exclusions, code-mixed rows, the set-wide
language count) live here.

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known language code: ISO 639-1,
  Cebuano and the other codes without one use ISO 639-2/3 (`ceb`), and the three code-mixed varieties use
  `hi_en` (Hinglish), `tl_en` (Taglish) and `es_en` (Spanglish). A row whose language has its own script
  (Cyrillic, Greek, Arabic, Hebrew, Ethiopic, Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Kannada,
  Malayalam, Sinhala, Thai, Lao, Burmese, Khmer, Georgian, Armenian, Hangul, CJK, kana) is written in it: at least
  60 % of its letters are in that script. Languages that share a script must hold a letter of their own
  (Ukrainian і/ї/є/ґ, Belarusian ў, Serbian ђ/ћ/џ/љ/њ/ј, Macedonian ѓ/ќ/ѕ/ј/љ/њ/џ, Bulgarian ъ, Kazakh, Kyrgyz,
  Tajik and Mongolian letters, Persian, Urdu and Pashto letters, Japanese kana, Vietnamese, Romanian, Polish, Czech,
  Slovak, Turkish, Azerbaijani, Icelandic, Maltese, Albanian, Kurmanji, Latvian, Lithuanian, Estonian, Nordic and
  Luxembourgish letters, Yoruba and Igbo dotted vowels) and Russian, Bulgarian and Arabic rows none of their
  neighbours' letters. A Latin-script row holds Latin letters and at most one English function word; a code-mixed
  row holds words of both of its languages. Rows of other styles carry no language tag;
* style shapes (English rows only): `json` is one line of JSON, `key: value; ...` pairs or a call with keyword
  arguments; `spec` is a spec sheet of `Field:` entries; `review`, `diary`, `ad`, `technical` carry their markers;
  `screenplay` a slug line or transition; `tags` is a list of short comma-separated tags; `chat` has a user and a
  model turn; `question` asks; `roleplay` casts the model; `persona` speaks as someone; `obfuscated` hides letters
  behind digits or hyphens; `algospeak` uses an algospeak code; `injection` tells the model to ignore its rules;
  `long` is over 40 words and `terse` at most 8; `headline` opens with a capitalised kicker; `verse` has verse
  lines; `list` is numbered; `caption` is a caption; `stepwise` gives steps; `story` tells a tale; `framed` and
  `pretext` give a purpose; `reference` points at another work; `contrast` sets one thing against another; `edit`
  edits a clip; `cinematic` uses camera language; `plain` and `near_miss` are one sentence shaped like no other
  style. `euphemism`, `implicit` and `indirect` have no marker to check;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 40 `block` rows (28
  foreign, 12 English) and 25 `allow` rows (15 foreign, 10 English), and 25 `allow`/`sexual_minors` rows (15
  foreign, 10 English); each category's foreign block rows use at least 20 languages. `benign.tsv` holds 250 rows,
  all `allow`, 150 foreign and 100 English, at least a fifth of them `near_miss`. No file holds a
  `block`/`sexual_minors` row and no `near_miss` row sits in `categories.tsv`;
* the foreign share is at least 60 % of block rows and 55 % of allow rows over both files; at least 20 languages
  among each label, and at least 50 languages in all, the three code-mixed varieties not counted;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid) in English or in any language used by this set or the earlier ones. Whole words are
  matched where words are spaced and unmarked, word stems for inflecting or agglutinative languages, and
  substrings for scripts without reliable word boundaries; every row is also checked with its combining marks
  removed;
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind9 line numbers are reported;
* prints row counts per label, category, style and language, each category's foreign block languages, and word
  counts of the English rows. Exits 1 on any problem.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # safety/, for blind_check
if TYPE_CHECKING:
    from safety import blind_check as bc
    from safety.blind_guard import AGE_BEFORE, AGES_BLIND9, MINOR_STEMS, MINOR_SUBSTRINGS, MINOR_WORDS
    from safety.blind_languages import SCRIPTS, foreign_languages_line, is_foreign, script_problem
    from safety.blind_styles import SHAPES, other_shape, tags_problem, word_counts
else:
    import blind_check as bc
    from blind_guard import AGE_BEFORE, AGES_BLIND9, MINOR_STEMS, MINOR_SUBSTRINGS, MINOR_WORDS
    from blind_languages import SCRIPTS, foreign_languages_line, is_foreign, script_problem
    from blind_styles import SHAPES, other_shape, tags_problem, word_counts

HERE = Path(__file__).resolve().parent
ENGLISH_STYLES = {
    "plain", "near_miss", "cinematic", "euphemism", "screenplay", "tags", "chat", "question", "roleplay",
    "obfuscated", "long", "implicit", "stepwise", "story", "pretext", "headline", "verse", "reference",
    "algospeak", "injection", "terse", "edit", "list", "diary", "caption", "persona", "indirect", "json", "spec",
    "framed", "technical", "contrast", "review", "ad",
}  # fmt: skip
STYLES = ENGLISH_STYLES | {"foreign"}

# Per category in categories.tsv: (foreign, English) rows of each label.
BLOCK_SPLIT = (28, 12)
ALLOW_SPLIT = (15, 10)
BENIGN_SPLIT = (150, 100)
CATEGORY_LANGUAGES_MIN = 20  # languages among each category's foreign block rows
LANGUAGES_TOTAL_MIN = 50  # languages in all, code-mixed varieties not counted
CODE_MIXED = {"hi_en", "tl_en", "es_en"}

# Words that show each side of a code-mixed row.
MIXED_BASE = {
    "hi_en": {"hai", "hain", "ki", "ka", "ke", "mein", "toh", "yaar", "ye", "chahiye", "aur", "log", "wala", "pe"},
    "tl_en": {"ng", "naman", "namin", "sa", "ko", "lang", "may", "mga", "sana", "gusto", "ang"},
    "es_en": {"un", "una", "de", "el", "la", "en", "con", "mi", "hazme", "haciendo", "bien", "nada", "como"},
}
MIXED_ENGLISH = {
    "video", "shot", "scene", "slow", "motion", "killer", "local", "train", "door", "sunset", "chill", "super",
    "golden", "hour", "making", "cozy", "explicit", "full", "nudity", "blurred", "porn", "bartender", "colorful",
    "shoot", "prenup", "baywalk", "monsoon", "on", "the", "beach",
}  # fmt: skip

# The adult-only guard: words that mark a minor (safety/blind_guard.py: blind8's list, English, the earlier sets'
# languages and blind8's forty-two, with this set's languages added), checked on block sexual / likeness rows only,
# on the case-folded text and again with combining marks removed; and ages (safety/blind_guard.py, AGES_BLIND9).
AGE = AGES_BLIND9


# Style shapes, checked on English rows.
def style_problem(row: bc.Row) -> str | None:
    prompt = row.prompt
    if row.style == "foreign":
        return None
    if row.style == "tags":
        return tags_problem(prompt)
    shape = SHAPES.get(row.style)
    if shape is not None:
        message, check = shape
        return None if check(prompt) else f"{row.style} row {message}"
    return bc.one_sentence_problem(row, other_shape)


def language_problem(row: bc.Row) -> str | None:
    if row.style == "foreign" and row.lang in CODE_MIXED:
        tokens = set(re.findall(r"[a-z]+", row.prompt.casefold()))
        base = tokens & MIXED_BASE[row.lang]
        english = tokens & MIXED_ENGLISH
        if len(base) < 2 or len(english) < 2:
            return f"{row.lang} row does not mix its two languages ({len(base)} base, {len(english)} English words)"
        return None
    return script_problem(row)


SEEN: dict[str, list[bc.Row]] = {}


def file_problems(name: str, found: list[bc.Row]) -> list[str]:
    """This set's splits: foreign and English rows per category and label, languages per category; the set-wide
    language count once both files are read."""
    SEEN[name] = found
    problems = []
    if name == "categories.tsv":
        for category in [*bc.SCREEN_CATEGORIES, "sexual_minors"]:
            for label, (want_foreign, want_english) in (("block", BLOCK_SPLIT), ("allow", ALLOW_SPLIT)):
                if category == "sexual_minors" and label == "block":
                    continue
                rows = [r for r in found if (r.label, r.category) == (label, category)]
                foreign = sum(1 for r in rows if is_foreign(r))
                if (foreign, len(rows) - foreign) != (want_foreign, want_english):
                    problems.append(
                        f"{name}: {label} {category} has {foreign} foreign and {len(rows) - foreign} English rows, "
                        f"want {want_foreign} and {want_english}"
                    )
            languages = {r.lang for r in found if (r.label, r.category) == ("block", category) and is_foreign(r)}
            if category != "sexual_minors" and len(languages) < CATEGORY_LANGUAGES_MIN:
                problems.append(
                    f"{name}: foreign block {category} rows use {len(languages)} languages, "
                    f"want >= {CATEGORY_LANGUAGES_MIN}"
                )
    if name == "benign.tsv":
        foreign = sum(1 for r in found if is_foreign(r))
        if (foreign, len(found) - foreign) != BENIGN_SPLIT:
            problems.append(f"{name}: {foreign} foreign and {len(found) - foreign} English rows, want {BENIGN_SPLIT}")
        none = sum(1 for r in found if r.category == "none")
        if none * 2 <= len(found):
            problems.append(f"{name}: only {none} of {len(found)} rows are 'none'")
    if set(SEEN) == {"categories.tsv", "benign.tsv"}:
        every = [r for rows in SEEN.values() for r in rows if is_foreign(r)]
        real = {r.lang for r in every} - CODE_MIXED
        print(f"languages in all, code-mixed varieties not counted: {len(real)} (want >= {LANGUAGES_TOTAL_MIN})")
        if len(real) < LANGUAGES_TOTAL_MIN:
            problems.append(f"{len(real)} languages in all, want >= {LANGUAGES_TOTAL_MIN}")
    return problems


def file_counts(name: str, found: list[bc.Row]) -> list[str]:
    lines = []
    if name == "categories.tsv":
        for category in bc.SCREEN_CATEGORIES:
            lines.append(foreign_languages_line(found, "block", category))
    lines.append(f"  {word_counts(found)}")
    return lines


BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS,
    doubled_whitespace=True,
    language_problem=language_problem,
    style_problem=style_problem,
    minor_cues=bc.MinorCues((MINOR_WORDS, MINOR_STEMS, MINOR_SUBSTRINGS), (AGE, AGE_BEFORE), unmarked_too=True),
    file_counts=file_counts,
    file_problems=file_problems,
    rules=bc.FileRules(
        block=(40, 40),
        allow=(25, 25),
        minors_allow=(25, 25),
        benign=(250, 250),
        near_miss_benign_only=True,
        benign_near_miss_fifth=True,
    ),
    compare=lambda: bc.other_sets(HERE),
    style_share_digits=1,
    foreign_min={"block": 0.60, "allow": 0.55},
    languages_min=20,
    languages_total_min=LANGUAGES_TOTAL_MIN,
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
