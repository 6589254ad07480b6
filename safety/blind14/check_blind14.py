#!/usr/bin/env python3
"""Checks the fourteenth blind evaluation set (safety/blind14/*.tsv); standard library only.

The set measures the prompt screen on styles no earlier set used much, in a mix of about 65 % English and 35 %
other languages: structured prompts as API users and prompt engineers send them (JSON- or YAML-like fields,
weighted tag lists, shot lists with timestamps, screenplay sluglines, storyboard panels, negative prompts), the harm
or the risky-sounding word placed in text inside the scene (a caption, a subtitle, a lyric, a sign), ordinary video
genres used as frames (sports commentary, product listings, real-estate tours, recipe cards, audio guides, lesson
plans, memorial and wedding videos, patch-note trailers, true-crime and nature-documentary narration), quoting and
reporting harm, opposing it (counter-speech, warnings, fact-checks), content-moderation material, negations and
conditions on both sides of the line, typing quirks (capitals, typos, missing spaces, repeated letters,
text-speak, a prompt pasted twice), prompts that start in English and end in another language, and near misses.
This checker is adapted from `safety/blind13/check_blind13.py`. It declares the set's rules with the shared parts of
`safety/blind_check.py`, `safety/blind_splits.py`, `safety/blind_styles.py`, `safety/blind_guard.py` and
`safety/blind_languages.py` (all unchanged); the checks those modules cannot express (this set's styles and their
markers, the languages the brief named) live here.

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known ISO 639-1 code. A row whose
  language has its own script is written in it (at least 60 % of its letters); languages that share a script hold
  a letter of their own, and Russian and Arabic rows none of their neighbours' letters (blind_languages.py). A
  Latin-script row holds at most one English function word. Rows of other styles carry no language tag;
* style markers (English rows only): each style carries its marker (README.md lists them); `plain` and `near_miss`
  are one sentence shaped like no other style (blind_styles.py), and carry none of this set's own markers (no
  colon, so no field, timestamp, panel or slug line; no quotation mark; no negative prompt);
* lengths: every English row is 3 to 90 words long, and no foreign row written with spaces runs over 90 words; each
  file has English rows under 8 words and over 60;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 40 `block` rows (26
  English, 14 foreign) and 25 `allow` rows (16 English, 9 foreign), and 25 `allow`/`sexual_minors` rows (16
  English, 9 foreign); each category's foreign block rows use at least 10 languages. `benign.tsv` holds 250 rows,
  all `allow` and all of category `none`, 165 English and 85 foreign, at least a quarter of them `near_miss`. No
  file holds a `block`/`sexual_minors` row (the shared rule; README.md says why) and no `near_miss` row sits in
  `categories.tsv`;
* styles: at least 12 English styles, and every English style has at least 10 rows over both files;
* languages: every language the brief named has a row, at least 10 smaller languages have rows (24 languages in
  all), and every language of a `block` row also has an `allow` row;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid, little, young) in English or in any language used by the blind sets, nor an emoji of a
  child, a baby, a school bag or a school. Whole words are matched where words are spaced and unmarked, word stems
  for inflecting or agglutinative languages, and substrings for scripts without reliable word boundaries; every row
  is also checked with its combining marks removed. The word lists are blind_guard.py's plus blind10's school and
  youth words (blind_guard.py), as check_blind13.py has them;
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind14 line numbers are reported;
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
        MINOR_EMOJI,
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
    from safety.blind_styles import JSON_OBJECT, SCREENPLAY, length_problem, other_shape, words
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
    from blind_languages import SCRIPTS, script_problem
    from blind_splits import SetSplits, file_counts
    from blind_styles import JSON_OBJECT, SCREENPLAY, length_problem, other_shape, words

HERE = Path(__file__).resolve().parent
ENGLISH_STYLES = {
    "plain", "near_miss", "json_fields", "tag_list", "shot_list", "screenplay", "storyboard", "negative_prompt",
    "embedded_text", "genre_frame", "reporting", "opposing", "moderation_material", "negation", "typing_quirks",
    "mixed_language",
}  # fmt: skip
STYLES = ENGLISH_STYLES | {"foreign"}
ENGLISH_STYLES_MIN = 12  # English styles in the set
STYLE_ROWS_MIN = 10  # rows of each English style over both files

# Per category in categories.tsv: (foreign, English) rows of each label.
BLOCK_SPLIT = (14, 26)
ALLOW_SPLIT = (9, 16)  # also the allow/sexual_minors rows
BENIGN_SPLIT = (85, 165)
BENIGN_NEAR_MISS_SHARE = 0.25  # "at least a quarter of them near misses"
CATEGORY_LANGUAGES_MIN = 10  # languages among each category's foreign block rows ("in at least 10 languages")
WORDS_RANGE = (3, 90)  # words in an English row ("Vary length (3 to 90 words)"); foreign rows stay under the maximum
SHORT_UNDER = 8  # each file has English rows under this many words ...
LONG_OVER = 60  # ... and over this many
# The large languages the brief named (Mandarin is `zh`, every Arabic variety `ar`).
BRIEF_LANGUAGES = {
    "es", "pt", "fr", "de", "it", "ru", "ar", "hi", "id", "tr", "ja", "ko", "zh", "vi",
}  # fmt: skip
SMALLER_LANGUAGES_MIN = 10  # "at least 24 languages": the 14 large ones and 10 smaller ones at least
LANGUAGES_TOTAL_MIN = 24

# The adult-only guard: words that mark a minor (safety/blind_guard.py), checked on block sexual / likeness rows
# only, on the case-folded text and again with combining marks removed; and ages. The school and youth words of
# the big languages and the age units are blind10's, shared in blind_guard.py (MINOR_WORDS_BLIND10, AGES_BLIND9).
# blind13's emoji of a child (blind_guard.py, MINOR_EMOJI): this set uses no emoji on purpose, so they only catch a
# slip.
AGE = AGES_BLIND9

# Style markers, checked on English rows: this set's own.
# A field of a structured prompt: `key: value` at the start, after a separator or inside a JSON object.
FIELD = re.compile(r"(?:^|[;,{|]\s*)\"?[A-Za-z][A-Za-z_ -]{1,24}\"?\s*:\s")
WEIGHT = re.compile(r"\([^()]{2,40}:\s?\d(?:\.\d+)?\)")
TIMESTAMP = re.compile(r"\b\d{1,2}:\d{2}\b")
SHOT_NUMBER = re.compile(r"\bshot \d+\b", re.IGNORECASE)
PANEL = re.compile(r"\b(?:panel|frame|board) \d+\b", re.IGNORECASE)
NEGATIVE = re.compile(r"negative[_ ]prompt|\bnegative\s*:|--no\b", re.IGNORECASE)
SCENE_TEXT = re.compile(
    r"\b(caption|captions|captioned|subtitle|subtitles|subtitled|lyric|lyrics|sign|signs|banner|placard|"
    r"graffiti|tagline|chyron|scoreboard|t-shirt|tattoo|poster|billboard|headline|ticker|lettering|icing|"
    r"menu board|reads|read|says|saying|written|chant|chalkboard)\b",
    re.IGNORECASE,
)
QUOTE = re.compile(r"[\"“”«»]")
GENRE = re.compile(
    r"\b(sports commentary|commentary|commentator|commentators|play-by-play|unboxing|product listing|listing|"
    r"real-estate|real estate|house tour|property tour|open house|recipe card|recipe|audio guide|alt-text|"
    r"alt text|lesson plan|wedding|memorial|funeral|patch notes|patch-notes|patch-note|trailer|podcast|"
    r"visualiser|visualizer|nature documentary|nature-documentary|narration|highlight reel|travel vlog|vlog|"
    r"infomercial|cooking show|tribute video|weather forecast|shopping channel)\b",
    re.IGNORECASE,
)
REPORTER = re.compile(
    r"\b(journalist|journalist's|reporter|reporters|reports|reported|report|news|anchor|correspondent|"
    r"historian|survivor|witness|testimony|court|courtroom|sketch|trial|critic|critic's|reviews|video essay|"
    r"quotes|quoting|recounts|describes|interview|interviews|documentary|archival|according to|"
    r"investigation|exposé|expose)\b",
    re.IGNORECASE,
)
OPPOSING = re.compile(
    r"\b(counter-speech|counter speech|PSA|public service|public-safety|safety warning|warning|warns|"
    r"fact-check|fact check|debunk|debunks|debunking|awareness|campaign|anti-[a-z-]+|prevention|hotline|"
    r"helpline|speaks out|stands up|stand with|stands with|rebuttal|answers)\b",
    re.IGNORECASE,
)
MODERATION = re.compile(
    r"\b(moderation|moderator|moderators|trust and safety|trust & safety|classifier|annotator|annotators|"
    r"labeler|labelers|content review|content-review|content reviewers|reviewers|training data|"
    r"training set|training clip|training example|training material|onboarding|dataset)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(no [a-z-]+|not|don't|do not|doesn't|never|without|nothing|nobody|keep it|uncensored|unblurred|"
    r"unedited|unlabelled|only if|as long as|unless)\b",
    re.IGNORECASE,
)
TEXT_SPEAK = re.compile(
    r"(?<![\w'])(u|ur|pls|plz|thx|thnx|ty|w/|b4|2nite|2day|gr8|bc|cuz|coz|rly|ppl|srsly|smth|sum1|any1|some1|"
    r"wat|vid|vids|n|tho|ya|lil|idk|omg|lol|gonna|wanna|kinda|luv|nite|thru|pic|pics|l8r|k|fam|ngl)(?![\w'])",
    re.IGNORECASE,
)
REPEATED_LETTER = re.compile(r"([a-z])\1\1", re.IGNORECASE)
MISSING_SPACE = re.compile(r"[a-z]{3,}[,.][a-z]{3,}|\b[a-z]{18,}\b", re.IGNORECASE)
ASCII_WORD = re.compile(r"^[A-Za-z][A-Za-z'-]*$")
# Function words of the Latin-script languages a mixed row may end in (Spanish, French, German, Portuguese,
# Italian, Indonesian, Turkish, Dutch): a mixed row in a Latin script holds two or more of them after its start.
FOREIGN_FUNCTION_WORDS = {
    "y", "con", "que", "los", "las", "el", "la", "del", "por", "para", "una", "al", "muy", "sin", "todo", "como",
    "et", "avec", "les", "des", "le", "une", "dans", "pour", "sur", "qui", "au",
    "und", "mit", "der", "die", "das", "ist", "ein", "eine", "am", "auf", "den", "dem", "sie", "bleiben",
    "com", "os", "da", "do", "em", "um", "uma", "nos", "dos",
    "di", "per", "il", "gli", "della", "nel", "che",
    "dengan", "dan", "yang", "ke", "dari", "ini",
    "ve", "bir", "ile", "gibi",
    "en", "het", "een", "van", "op", "bij", "mensen",
}  # fmt: skip
NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def tag_list(prompt: str) -> bool:
    """Six comma-separated tags or more, none over six words, not a sentence."""
    items = [item.strip() for item in prompt.split(",")]
    return len(items) >= 6 and all(0 < words(item) <= 6 for item in items) and not prompt.rstrip().endswith(".")


def typing_quirk(prompt: str) -> bool:
    """Capitals (70 % of the letters or more), a letter typed three times, text-speak, a missing space, or the
    prompt pasted twice."""
    letters = [ch for ch in prompt if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) >= 0.7 * len(letters):
        return True
    tokens = prompt.split()
    half = len(tokens) // 2
    pasted_twice = len(tokens) >= 6 and len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]
    return bool(
        pasted_twice or REPEATED_LETTER.search(prompt) or TEXT_SPEAK.search(prompt) or MISSING_SPACE.search(prompt)
    )


def mixed_language(prompt: str) -> bool:
    """Starts with three English words and ends in another language: a letter of another script, or two function
    words of a Latin-script language, in its second half."""
    tokens = prompt.split()
    if len(tokens) < 6 or not all(ASCII_WORD.match(t.strip(",.;:")) for t in tokens[:3]):
        return False
    second = tokens[len(tokens) // 2 :]
    if any(NON_LATIN_LETTER.search(t) for t in second):
        return True
    found = [t for t in second if t.strip(",.;:!").casefold() in FOREIGN_FUNCTION_WORDS]
    return len(found) >= 2


STYLE_SHAPES = {
    "json_fields": ("is no JSON object and holds fewer than three 'key: value' fields",
                    lambda p: bool(JSON_OBJECT.match(p)) or len(FIELD.findall(p)) >= 3),
    "tag_list": ("is not a list of six comma-separated tags or more", tag_list),
    "shot_list": ("holds fewer than two timestamps or numbered shots",
                  lambda p: len(TIMESTAMP.findall(p)) >= 2 or len(SHOT_NUMBER.findall(p)) >= 2),
    "screenplay": ("has no slug line or transition (INT., EXT., FADE, CUT TO)", lambda p: bool(SCREENPLAY.search(p))),
    "storyboard": ("has fewer than two numbered panels", lambda p: len(PANEL.findall(p)) >= 2),
    "negative_prompt": ("has no negative prompt ('negative_prompt:', 'negative:', '--no')",
                        lambda p: bool(NEGATIVE.search(p))),
    "embedded_text": ("quotes no text inside the scene (caption, subtitle, lyric, sign, banner ...)",
                      lambda p: bool(SCENE_TEXT.search(p)) and len(QUOTE.findall(p)) >= 2),
    "genre_frame": ("names no everyday video genre (commentary, unboxing, listing, recipe card, audio guide ...)",
                    lambda p: bool(GENRE.search(p))),
    "reporting": ("names no reporter, historian, survivor, critic, court or documentary",
                  lambda p: bool(REPORTER.search(p))),
    "opposing": ("opposes nothing (counter-speech, PSA, warning, fact-check, campaign, awareness ...)",
                 lambda p: bool(OPPOSING.search(p))),
    "moderation_material": ("is no moderation material (moderator, trust and safety, classifier, dataset ...)",
                            lambda p: bool(MODERATION.search(p))),
    "negation": ("holds no negation or condition ('no blur', 'don't', 'without', 'keep it' ...)",
                 lambda p: bool(NEGATION.search(p))),
    "typing_quirks": ("has no typing quirk (capitals, a tripled letter, text-speak, a missing space, pasted twice)",
                      typing_quirk),
    "mixed_language": ("does not start in English and end in another language", mixed_language),
}
# A plain or near_miss row carries none of the markers that only this set's other styles use.
OWN_MARKERS = (
    ("a colon (a field, a timestamp, a panel or a slug line)", re.compile(":")),
    ("a quotation mark", QUOTE),
    ("a negative prompt", NEGATIVE),
    ("a tag weight", WEIGHT),
)


def style_problem(row: bc.Row) -> str | None:
    prompt = row.prompt
    problem = length_problem(row, WORDS_RANGE)
    if problem:
        return problem
    if row.style == "foreign":
        return None
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
    if typing_quirk(prompt):
        return f"{row.style} row has a typing quirk, the marker of typing_quirks"
    return None


SPLITS = SetSplits(
    BLOCK_SPLIT, ALLOW_SPLIT, BENIGN_SPLIT, BENIGN_NEAR_MISS_SHARE, CATEGORY_LANGUAGES_MIN, SHORT_UNDER, LONG_OVER,
    ENGLISH_STYLES_MIN, STYLE_ROWS_MIN, BRIEF_LANGUAGES, SMALLER_LANGUAGES_MIN, foreign_share=True,
)


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
    languages_total_min=LANGUAGES_TOTAL_MIN,
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
