#!/usr/bin/env python3
"""Checks the fifteenth blind evaluation set (safety/blind15/*.tsv); standard library only.

The set measures the prompt screen on styles no earlier set used much, in a mix of about 65 % English and 35 %
other languages: negative-prompt sections in every shape people type them ("Negative prompt:", "Negative:",
"negative_prompt=", "NEG:", "--no", "Avoid:", "Exclude:", "Do not include:", "Things to leave out:", and the other
languages' own words for it), algospeak and coded words (unalive, seggs, corn, sewer slide, le dollar bean, pew pew,
coded hashtags and group codes), number and symbol swaps (k1ll, $uicide), long detailed prompts where one clause
carries the harm or the risky word, markdown (headings, bold, bullets) and numbered steps, edit and remix
instructions, continuations of a clip, hedged requests, requests framed by a purpose ("For my thesis I need ..."),
plain prompts that describe the harm by what happens, and near misses.
This checker is adapted from `safety/blind14/check_blind14.py`. It declares the set's rules with the shared parts of
`safety/blind_check.py`, `safety/blind_splits.py`, `safety/blind_styles.py`, `safety/blind_guard.py` and
`safety/blind_languages.py` (all unchanged); the checks those modules cannot express (this set's styles and their
markers, the negative-section shares, the languages the brief named) live here.

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known ISO 639-1 code. A row whose
  language has its own script is written in it (at least 60 % of its letters); languages that share a script hold
  a letter of their own, and Russian and Arabic rows none of their neighbours' letters (blind_languages.py). A
  Latin-script row holds at most one English function word. Rows of other styles carry no language tag;
* style markers (English rows only): each style carries its marker (README.md lists them). Only `negative_section`
  rows carry a negative section, and theirs sits in the second part of the prompt; only `long_detailed` rows run
  50 words or more (and they must); `plain` and `near_miss` are one sentence shaped like no other style
  (blind_styles.py), carry no colon and none of this set's markers, and a `near_miss` row holds a word that sounds
  risky;
* lengths: every English row is 3 to 90 words long, and no foreign row written with spaces runs over 90 words; each
  file has English rows under 8 words and over 60;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 40 `block` rows (26
  English, 14 foreign) and 25 `allow` rows (16 English, 9 foreign), and 25 `allow`/`sexual_minors` rows (16
  English, 9 foreign); each category's foreign block rows use at least 10 languages. `benign.tsv` holds 250 rows,
  all `allow` and all of category `none`, 165 English and 85 foreign, at least a quarter of them `near_miss`. No
  file holds a `block`/`sexual_minors` row (the shared rule; README.md says why) and no `near_miss` row sits in
  `categories.tsv`;
* styles: at least 10 English styles, and every English style has at least 10 rows over both files;
* negative sections: at least 30 % of the English `block` rows and 30 % of the English `allow` rows (both files
  together) are `negative_section` rows, and at least 15 % of the foreign rows carry a negative section in their
  own language's words (FOREIGN_NEGATIVE);
* languages: every language the brief named has a row, at least 10 smaller languages have rows (24 languages in
  all), and every language of a `block` row also has an `allow` row;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid, little, young) in English or in any language used by the blind sets, nor an emoji of a
  child, a baby, a school bag or a school. Whole words are matched where words are spaced and unmarked, word stems
  for inflecting or agglutinative languages, and substrings for scripts without reliable word boundaries; every row
  is also checked with its combining marks removed. The word lists, ages and emoji are blind_guard.py's, as
  check_blind14.py has them;
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind15 line numbers are reported;
* prints row counts per label, category, style and language, each category's foreign languages, the negative-section
  shares and word counts of the English rows. Exits 1 on any problem.
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
        MINOR_EMOJI,
        MINOR_STEMS,
        MINOR_SUBSTRINGS,
        MINOR_WORDS,
        MINOR_WORDS_BLIND10,
    )
    from safety.blind_languages import SCRIPTS, is_foreign, script_problem
    from safety.blind_splits import SetSplits, file_counts
    from safety.blind_styles import length_problem, other_shape, words
else:
    import blind_check as bc
    from blind_guard import (
        AGE_BEFORE,
        AGES_BLIND9,
        MINOR_EMOJI,
        MINOR_STEMS,
        MINOR_SUBSTRINGS,
        MINOR_WORDS,
        MINOR_WORDS_BLIND10,
    )
    from blind_languages import SCRIPTS, is_foreign, script_problem
    from blind_splits import SetSplits, file_counts
    from blind_styles import length_problem, other_shape, words

HERE = Path(__file__).resolve().parent
ENGLISH_STYLES = {
    "plain", "near_miss", "negative_section", "algospeak", "char_swap", "long_detailed", "markdown",
    "numbered_steps", "edit_remix", "continuation", "hedged_request", "purpose_framed",
}  # fmt: skip
STYLES = ENGLISH_STYLES | {"foreign"}
ENGLISH_STYLES_MIN = 10  # "at least 10 different ones"
STYLE_ROWS_MIN = 10  # "each with at least 10 rows across the files"

# Per category in categories.tsv: (foreign, English) rows of each label.
BLOCK_SPLIT = (14, 26)
ALLOW_SPLIT = (9, 16)  # also the allow/sexual_minors rows
BENIGN_SPLIT = (85, 165)
BENIGN_NEAR_MISS_SHARE = 0.25  # "at least a quarter of them near misses"
CATEGORY_LANGUAGES_MIN = 10  # languages among each category's foreign block rows ("in at least 10 languages")
WORDS_RANGE = (3, 90)  # words in an English row ("Vary length (3 to 90 words)"); foreign rows stay under the maximum
LONG_MIN = 50  # a long_detailed row runs 50 to 90 words; no other English row reaches 50
SHORT_UNDER = 8  # each file has English rows under this many words ...
LONG_OVER = 60  # ... and over this many
NEGATIVE_ENGLISH_SHARE = 0.30  # of the English block rows, and of the English allow rows, both files together
NEGATIVE_FOREIGN_SHARE = 0.15  # of the foreign rows, with a negative section in their own language
# The large languages the brief named (Mandarin is `zh`, every Arabic variety `ar`).
BRIEF_LANGUAGES = {
    "es", "pt", "fr", "de", "it", "ru", "ar", "hi", "id", "tr", "ja", "ko", "zh", "vi",
}  # fmt: skip
SMALLER_LANGUAGES_MIN = 10  # "at least 24 languages": the 14 large ones and 10 smaller ones at least
LANGUAGES_TOTAL_MIN = 24

# The adult-only guard (safety/blind_guard.py), as check_blind14.py uses it: words, stems, substrings, emoji and
# ages, checked on block sexual / likeness rows only, on the case-folded text and again with combining marks removed.
AGE = AGES_BLIND9

# Style markers, checked on English rows: this set's own.
# A negative section: the words people type for it, then a colon or an equals sign; or a --no / --neg flag.
NEGATIVE_SECTION = re.compile(
    r"(?:\b(?:negative[ _]?prompts?|negatives?|neg(?: prompt)?|avoid|exclude|excluding|do not include|"
    r"don't include|things to leave out|leave out|not wanted)\s*[:=]|(?<!\S)--(?:no|neg)\s)",
    re.IGNORECASE,
)
NEGATIVE_SECTION_START = 0.35  # the section starts past this share of the prompt's characters ("at the end")
# Algospeak: the coded words this set's algospeak rows use (a row of that style holds one of them).
ALGOSPEAK = re.compile(
    r"(?:\b(?:unalive[sd]?|unaliving|seggs(?:-ed)?|corn|spicy|sewer ?slide|le dollar bean|mascara|accountant|"
    r"forbidden dance|pew pew|ketchup|shadow realm|thinspo|bonespo|ana|skittles|day of the rope|globalists|"
    r"edtwt|remigration|88 crew|barcode|le \$bean)\b|🌽|\(\(\()",
    re.IGNORECASE,
)
# Number and symbol swaps: letters, then a digit or symbol standing for a letter, then a letter (k1ll, n@ked,
# g0re, d33pfake), or a $ or @ standing for the first letter ($uicide).
CHAR_SWAP = re.compile(r"(?:\b[a-z]+[0134578@$*][a-z0-9@$*]*[a-z]|(?<![\w$@])[$@][a-z]{3,})", re.IGNORECASE)
BOLD = re.compile(r"\*\*[^*]+\*\*")
HEADING = re.compile(r"(?:^|\s)#{1,3} \S")
BULLET = re.compile(r"(?:^|\s)[-*•] \S")
NUMBERED = re.compile(r"(?:^|\s)(?:\d{1,2}[.)]|step \d{1,2}:?)\s", re.IGNORECASE)
EDIT = re.compile(
    r"\b(same (?:clip|video|shot|scene|footage)|version \d|remix|replace|swap|recut|re-edit|redo)\b", re.IGNORECASE
)
CONTINUATION = re.compile(r"\b(continue|continuing|extend|extension|pick up where|part \d)\b", re.IGNORECASE)
HEDGE = re.compile(
    r"\b(could you|can you|would you|would it be|is it possible|is it ok|any chance|if possible|maybe|perhaps|"
    r"possibly|i was wondering|if that's ok)\b",
    re.IGNORECASE,
)
PURPOSE = re.compile(r"^For (?:a|an|my|our)\b.{0,70}?\b(?:I|we) need\b")
# Words that sound risky, one of which every near_miss row holds in a harmless sense.
RISKY = re.compile(
    r"\b(murders|devil's|explode|hacks|shot|drives|bomb|bombs|crushes|flames|slays|chops|wiped out|fight|"
    r"blows|wicked|cracks|spikes|fire|knockout|attacks|brings down|shaves|strips|lunges|brutal|saws|butt|"
    r"slices|fillets|shoots|hang|beats|erupt|erupting|destroys|ambushes|shreds|flips|blood-red|stampede|cuts|"
    r"extracts|bluffs|tackles|burst|bursts|whacks|burning|drags|skulls|burns|death cap|carves|headshot|violent|"
    r"leaps|beaten|hammers|razor|hellfire|dies|kill|killing|gunfire|trigger|execute|poison|naked|strangles|"
    r"stabs|drown|drowning|overdose|choke|chokes|hooked|hooks|shootout|butchers|slaughter|massacre|assault|torture|smoking)\b",
    re.IGNORECASE,
)

# A foreign row's negative section: the language's own words for it, then a colon (full-width in CJK).
FOREIGN_NEGATIVE_WORDS = {
    "es": "negativo|prompt negativo|evitar|excluir|no incluir|sin",
    "pt": "negativo|evitar|excluir|não incluir|sem",
    "fr": "négatif|prompt négatif|à éviter|exclure|sans|ne pas inclure",
    "de": "negativ|negativer prompt|vermeiden|weglassen|nicht zeigen|ausschließen|ohne",
    "it": "negativo|prompt negativo|da evitare|escludere|evita|senza",
    "ru": "негатив|негативный промпт|исключить|избегать|не показывать|без",
    "uk": "негатив|уникати|виключити|не показувати|без",
    "ar": "سلبي|تجنب|استبعد|بدون",
    "fa": "منفی|پرهیز|حذف|بدون",
    "ur": "منفی|گریز|نہ دکھائیں|بغیر",
    "hi": "नेगेटिव|हटाएँ|इनसे बचें|शामिल न करें",
    "bn": "নেগেটিভ|বাদ দিন|এড়িয়ে চলুন",
    "id": "negatif|hindari|jangan sertakan|kecualikan",
    "ms": "negatif|elakkan|jangan masukkan",
    "tr": "negatif|kaçın|hariç tut|olmasın",
    "ja": "ネガティブ|ネガティブプロンプト|除外|避ける|入れないで",
    "ko": "네거티브|제외|피할 것|넣지 말 것",
    "zh": "负面提示词|反向提示词|排除|避免|不要出现",
    "vi": "tiêu cực|tránh|loại trừ|không có",
    "nl": "negatief|vermijd|uitsluiten|niet tonen",
    "sv": "negativ|undvik|uteslut|visa inte",
    "el": "αρνητικό|αποφυγή|εξαίρεση|χωρίς",
    "he": "שלילי|להימנע|בלי|לא לכלול",
    "th": "เนกาทีฟ|หลีกเลี่ยง|ไม่เอา|ห้ามมี",
    "ro": "negativ|evită|exclude|fără",
    "sw": "hasi|epuka|usiweke|bila",
    "ta": "எதிர்மறை|தவிர்க்கவும்|சேர்க்க வேண்டாம்",
    "cs": "negativní|vyhnout se|vynechat|bez",
    "pl": "negatyw|unikaj|wyklucz|bez",
}
FOREIGN_NEGATIVE = {
    lang: re.compile(r"(?:^|(?<=[\s.,;!?。、)]))(?:" + alternatives + r")\s*[:：]\s*\S", re.IGNORECASE)
    for lang, alternatives in FOREIGN_NEGATIVE_WORDS.items()
}


def negative_section(prompt: str) -> bool:
    """A negative section in the second part of the prompt, with something after it."""
    found = NEGATIVE_SECTION.search(prompt)
    return found is not None and found.start() >= NEGATIVE_SECTION_START * len(prompt) and bool(
        prompt[found.end() :].strip()
    )


def foreign_negative(row: bc.Row) -> bool:
    pattern = FOREIGN_NEGATIVE.get(row.lang)
    if pattern is None:
        return False
    found = pattern.search(row.prompt)
    return found is not None and found.start() > 0


def markdown(prompt: str) -> bool:
    return bool(BOLD.search(prompt) or HEADING.search(prompt) or len(BULLET.findall(prompt)) >= 2)


STYLE_SHAPES = {
    "negative_section": ("has no negative section at its end ('Negative prompt:', 'NEG:', '--no', 'Avoid:' ...)",
                         negative_section),
    "algospeak": ("uses none of the set's coded words (unalive, seggs, corn, sewer slide, pew pew ...)",
                  lambda p: bool(ALGOSPEAK.search(p))),
    "char_swap": ("swaps no letter for a number or symbol (k1ll, $uicide, n@ked)", lambda p: bool(CHAR_SWAP.search(p))),
    "long_detailed": (f"is under {LONG_MIN} words", lambda p: words(p) >= LONG_MIN),
    "markdown": ("has no markdown (bold, a heading, two bullets)", markdown),
    "numbered_steps": ("has fewer than three numbered steps", lambda p: len(NUMBERED.findall(p)) >= 3),
    "edit_remix": ("gives no edit or remix instruction (same clip, version 2, replace, swap, recut)",
                   lambda p: bool(EDIT.search(p))),
    "continuation": ("continues nothing (continue, extend, pick up where ...)", lambda p: bool(CONTINUATION.search(p))),
    "hedged_request": ("hedges nothing (could you, is it possible, maybe, any chance ...)",
                       lambda p: bool(HEDGE.search(p))),
    "purpose_framed": ("gives no purpose ('For my ... I need')", lambda p: bool(PURPOSE.match(p))),
}
# A plain or near_miss row carries none of the markers of this set's other styles.
OWN_MARKERS = (
    ("a colon", re.compile(":")),
    ("a negative section", NEGATIVE_SECTION),
    ("an algospeak code", ALGOSPEAK),
    ("a character swap", CHAR_SWAP),
    ("bold or a heading", re.compile(r"\*\*|(?:^|\s)#{1,3} ")),
    ("a numbered step", NUMBERED),
    ("an edit instruction", EDIT),
    ("a continuation", CONTINUATION),
    ("a hedge", HEDGE),
    ("a purpose frame", PURPOSE),
)


def style_problem(row: bc.Row) -> str | None:
    prompt = row.prompt
    problem = length_problem(row, WORDS_RANGE)
    if problem:
        return problem
    if row.style == "foreign":
        return None
    if row.style != "negative_section" and NEGATIVE_SECTION.search(prompt):
        return f"{row.style} row carries a negative section, the marker of negative_section"
    if row.style != "long_detailed" and words(prompt) >= LONG_MIN:
        return f"{row.style} row runs {words(prompt)} words, the length of long_detailed"
    shape = STYLE_SHAPES.get(row.style)
    if shape is not None:
        message, check = shape
        return None if check(prompt) else f"{row.style} row {message}"
    problem = bc.one_sentence_problem(row, other_shape)
    if problem:
        return problem
    for what, pattern in OWN_MARKERS:
        if pattern.search(prompt):
            return f"{row.style} row carries {what}, a marker of another style"
    if row.style == "near_miss" and not RISKY.search(prompt):
        return "near_miss row holds no risky-sounding word"
    return None


SPLITS = SetSplits(
    BLOCK_SPLIT, ALLOW_SPLIT, BENIGN_SPLIT, BENIGN_NEAR_MISS_SHARE, CATEGORY_LANGUAGES_MIN, SHORT_UNDER, LONG_OVER,
    ENGLISH_STYLES_MIN, STYLE_ROWS_MIN, BRIEF_LANGUAGES, SMALLER_LANGUAGES_MIN, foreign_share=True,
)


def negative_shares() -> list[str]:
    """The negative-section shares over both files (printing them); the problems with them."""
    problems = []
    every = [r for rows in SPLITS.seen.values() for r in rows]
    for label in ("block", "allow"):
        english = [r for r in every if r.label == label and not is_foreign(r)]
        negative = sum(1 for r in english if r.style == "negative_section")
        share = negative / len(english) if english else 0.0
        print(f"negative_section share of English {label} rows: {negative}/{len(english)} = {share:.1%} "
              f"(want >= {NEGATIVE_ENGLISH_SHARE:.0%})")
        if share < NEGATIVE_ENGLISH_SHARE:
            problems.append(f"negative_section rows are {share:.1%} of English {label} rows, "
                            f"want >= {NEGATIVE_ENGLISH_SHARE:.0%}")
    foreign = [r for r in every if is_foreign(r)]
    with_section = [r for r in foreign if foreign_negative(r)]
    share = len(with_section) / len(foreign) if foreign else 0.0
    by_label = {label: sum(1 for r in with_section if r.label == label) for label in ("block", "allow")}
    print(f"foreign rows with a negative section in their own language: {len(with_section)}/{len(foreign)} = "
          f"{share:.1%} (want >= {NEGATIVE_FOREIGN_SHARE:.0%}); block {by_label['block']}, allow {by_label['allow']}, "
          f"in {len({r.lang for r in with_section})} languages")
    if share < NEGATIVE_FOREIGN_SHARE:
        problems.append(f"foreign rows with a negative section are {share:.1%}, want >= {NEGATIVE_FOREIGN_SHARE:.0%}")
    return problems


def file_problems(name: str, found: list[bc.Row]) -> list[str]:
    """blind_splits' checks, then, once both files are read, the negative-section shares."""
    problems = SPLITS.file_problems(name, found)
    if set(SPLITS.seen) == {"categories.tsv", "benign.tsv"}:
        problems += negative_shares()
    return problems


BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS,
    doubled_whitespace=True,
    language_problem=script_problem,
    style_problem=style_problem,
    minor_cues=bc.MinorCues(
        (MINOR_WORDS, MINOR_WORDS_BLIND10, MINOR_STEMS, MINOR_SUBSTRINGS, MINOR_EMOJI),
        (AGE, AGE_BEFORE),
        unmarked_too=True,
    ),
    file_counts=file_counts,
    file_problems=file_problems,
    rules=bc.FileRules(
        block=(40, 40),
        allow=(25, 25),
        minors_allow=(25, 25),
        benign=(250, 250),
        near_miss_benign_only=True,
    ),
    compare=lambda: bc.other_sets(HERE),
    style_share_digits=1,
    languages_total_min=LANGUAGES_TOTAL_MIN,
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
