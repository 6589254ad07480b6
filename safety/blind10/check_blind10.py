"""Checks the tenth blind evaluation set (standard library only). Run from anywhere:

    python safety/blind10/check_blind10.py

The tenth set is mostly not in English: about 60 % of its rows are `foreign`, in about sixty languages and three
code-mixed varieties. This checker is adapted from `safety/blind9/check_blind9.py`. It declares the set's rules
with the shared parts of `safety/blind_check.py` (unchanged); the checks that module cannot express (language
spread per category, own-letter exclusions, code-mixed rows, the set-wide language count, the languages the
brief named, row lengths, the benign file's single category) live here.

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known language code: ISO 639-1,
  and the three code-mixed varieties use `hi_en` (Hinglish), `tl_en` (Taglish) and `es_en` (Spanglish). A row
  whose language has its own script (Cyrillic, Greek, Arabic, Hebrew, Ethiopic, Devanagari, Bengali, Gurmukhi,
  Gujarati, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Burmese, Khmer, Georgian, Armenian, Hangul,
  CJK, kana) is written in it: at least 60 % of its letters are in that script. Languages that share a script must
  hold a letter of their own (Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian, Kazakh, Kyrgyz, Tajik and
  Mongolian letters, Persian, Urdu and Pashto letters, Japanese kana, Vietnamese, Romanian, Polish, Czech, Slovak,
  Turkish, Azerbaijani, Icelandic, Maltese, Albanian, Kurmanji, Latvian, Lithuanian, Estonian, Nordic and
  Luxembourgish letters, Yoruba and Igbo dotted vowels) and Russian, Bulgarian and Arabic rows none of their
  neighbours' letters. A Latin-script row holds Latin letters and at most one English function word; a code-mixed
  row holds words of both of its languages. Rows of other styles carry no language tag;
* style shapes (English rows only): each style carries its marker, as in blind9 (README.md lists them); `plain`
  and `near_miss` are one sentence shaped like no other style. `euphemism`, `implicit` and `indirect` have no
  marker to check;
* lengths: every English row is 3 to 80 words long, and no foreign row written with spaces runs over 80 words;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 40 `block` rows (28
  foreign, 12 English) and 20 `allow` rows (12 foreign, 8 English), and 20 `allow`/`sexual_minors` rows (12
  foreign, 8 English); each category's foreign block rows use at least 20 languages. `benign.tsv` holds 250 rows,
  all `allow` and all of category `none`, 150 foreign and 100 English, at least a fifth of them `near_miss`. No
  file holds a `block`/`sexual_minors` row (the shared rule; README.md says why) and no `near_miss` row sits in
  `categories.tsv`;
* languages: the foreign share is at least 60 % of block rows and 55 % of allow rows over both files; at least 20
  languages among each label; 55 to 70 languages in all, the three code-mixed varieties not counted; every
  language the brief named, and each of the three code-mixed varieties, has at least one row;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid) in English or in any language used by this set or the earlier ones. Whole words are
  matched where words are spaced and unmarked, word stems for inflecting or agglutinative languages, and
  substrings for scripts without reliable word boundaries; every row is also checked with its combining marks
  removed. The list is blind9's;
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind10 line numbers are reported;
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
    from safety.blind_guard import AGE_BEFORE, MINOR_STEMS, MINOR_SUBSTRINGS, MINOR_WORDS, MINOR_WORDS_BLIND10
    from safety.blind_languages import SCRIPTS, is_foreign, script_problem
    from safety.blind_splits import block_only, file_counts
    from safety.blind_styles import SHAPES, length_problem, other_shape, tags_problem
else:
    import blind_check as bc
    from blind_guard import AGE_BEFORE, MINOR_STEMS, MINOR_SUBSTRINGS, MINOR_WORDS, MINOR_WORDS_BLIND10
    from blind_languages import SCRIPTS, is_foreign, script_problem
    from blind_splits import block_only, file_counts
    from blind_styles import SHAPES, length_problem, other_shape, tags_problem

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
ALLOW_SPLIT = (12, 8)  # also the allow/sexual_minors rows
BENIGN_SPLIT = (150, 100)
CATEGORY_LANGUAGES_MIN = 20  # languages among each category's foreign block rows
LANGUAGES_TOTAL_MIN = 55  # languages in all, code-mixed varieties not counted: "about 60"
LANGUAGES_TOTAL_MAX = 70
WORDS_RANGE = (3, 80)  # words in an English row; foreign rows written with spaces stay under the maximum
# The languages the brief named (Mandarin in both scripts and Arabic in MSA and dialect share one code each).
BRIEF_LANGUAGES = {
    "es", "pt", "fr", "de", "it", "ru", "uk", "pl", "tr", "ar", "fa", "hi", "bn", "ur", "id", "vi", "th", "tl",
    "ja", "ko", "zh", "sw", "nl", "sv", "el", "he", "ro", "cs", "hu",
}  # fmt: skip
CODE_MIXED = {"hi_en", "tl_en", "es_en"}

# Words that show each side of a code-mixed row.
MIXED_BASE = {
    "hi_en": {
        "hai", "hain", "ki", "ka", "ke", "mein", "toh", "yaar", "ye", "chahiye", "aur", "log", "wala", "pe", "banao",
        "jisme", "ekdum", "bhi", "ho", "mera", "meri", "wali",
    },
    "tl_en": {"ng", "naman", "namin", "sa", "ko", "lang", "may", "mga", "sana", "gusto", "ang", "yung", "natin", "po"},
    "es_en": {"un", "una", "de", "el", "la", "en", "con", "mi", "hazme", "haciendo", "bien", "nada", "como", "los"},
}  # fmt: skip
MIXED_ENGLISH = {
    "video", "shot", "scene", "slow", "motion", "killer", "local", "train", "door", "sunset", "chill", "super",
    "golden", "hour", "making", "cozy", "explicit", "full", "nudity", "blurred", "porn", "bartender", "colorful",
    "shoot", "prenup", "baywalk", "monsoon", "on", "the", "beach", "deepfake", "sex", "real", "leaked", "phone",
    "realistic", "birthday", "party", "vlog", "aesthetic", "traffic", "weekend", "road", "trip", "coffee", "rain",
    "drone", "mall", "office", "team", "building", "morning", "brunch", "cute", "dog", "cat", "barbecue", "with",
    "friends", "grocery", "day", "bike", "park", "sale",
}  # fmt: skip

# The adult-only guard: words that mark a minor (safety/blind_guard.py, as blind9's checker), checked on block
# sexual / likeness rows only, on the case-folded text and again with combining marks removed; and ages.
# This set adds school and youth words of the big languages that the lists above lack (a test of the guard showed
# that Spanish "escuela" was missing), matched as whole words.
AGE = bc.ages(
    bc.AGES_ENGLISH,
    bc.AGES_BLIND6,
    r"वर्ष|साल|वर्षे|वर्षांच|वर्षको|ਸਾਲ|વર્ષ|సంవత్సర|ఏళ్ల|අවුරුදු|နှစ်|ឆ្នាំ",
    bc.AGES_BLIND7,
    r"il\s+sena|sena\b|snin\b|joer|jara|jaraĝ|jarag|taun\b|tuig|an\b|lane\b|salî|sali\b|sal\b|at\b|"
    r"tausaga|tau\b|יאָר|יאר|жаш|сола|сону|гадоў|гады|год\b|yaşlı|yaşında|ёшли|ёш",
    # This set: Japanese, Arabic, Norwegian, Irish, Welsh, Icelandic, Galician, Hungarian, Kinyarwanda, Quechua.
    r"才|歳|عام|عاما|عامًا|سنة|سنوات|ans\b|år\b|aar\b|mlwydd|ára|anos|éves|myaka|watayuq",
)


# Style shapes, checked on English rows.
def style_problem(row: bc.Row) -> str | None:
    prompt = row.prompt
    problem = length_problem(row, WORDS_RANGE)
    if problem:
        return problem
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
        others = sum(1 for r in found if r.category != "none")
        if others:
            problems.append(f"{name}: {others} rows are not of category 'none' (the brief wants 'none' throughout)")
    if set(SEEN) == {"categories.tsv", "benign.tsv"}:
        every = [r for rows in SEEN.values() for r in rows if is_foreign(r)]
        real = {r.lang for r in every} - CODE_MIXED
        print(
            f"languages in all, code-mixed varieties not counted: {len(real)} "
            f"(want {LANGUAGES_TOTAL_MIN} to {LANGUAGES_TOTAL_MAX})"
        )
        if not LANGUAGES_TOTAL_MIN <= len(real) <= LANGUAGES_TOTAL_MAX:
            problems.append(f"{len(real)} languages in all, want {LANGUAGES_TOTAL_MIN} to {LANGUAGES_TOTAL_MAX}")
        used = {r.lang for r in every}
        missing = sorted((BRIEF_LANGUAGES | CODE_MIXED) - used)
        print(f"languages the brief named, and code-mixed varieties, with no row: {len(missing)}")
        if missing:
            problems.append(f"no row in the brief's languages or varieties {missing}")
        without_allow = block_only([r for rows in SEEN.values() for r in rows if is_foreign(r)])
        if without_allow:
            problems.append(f"languages with block rows but no allow row: {without_allow}")
    return problems


BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS,
    doubled_whitespace=True,
    language_problem=language_problem,
    style_problem=style_problem,
    minor_cues=bc.MinorCues(
        (MINOR_WORDS, MINOR_WORDS_BLIND10, MINOR_STEMS, MINOR_SUBSTRINGS), (AGE, AGE_BEFORE), unmarked_too=True
    ),
    file_counts=file_counts,
    file_problems=file_problems,
    rules=bc.FileRules(
        block=(40, 40),
        allow=(20, 20),
        minors_allow=(20, 20),
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
