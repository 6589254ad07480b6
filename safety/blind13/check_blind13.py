"""Checks the thirteenth blind evaluation set (standard library only). Run from anywhere:

    python safety/blind13/check_blind13.py

The thirteenth set measures the screen on styles no earlier set used much, in a MIX of about 65 % English and 35 %
other languages: requests addressed to the tool as to an assistant (polite questions, retries after a refusal,
follow-ups), internet slang, hashtags and captions, emoji that carry part of the meaning, references instead of
descriptions (a film scene, a real event, a place and a year), explainers and tutorials, children's-book, fairy-tale
and lullaby tone, poems, camera-technical prompts with the harm in one clause, dialogue-only prompts, text to be shown
on screen, "translate and make a video" prompts, filled-in templates, hypotheticals and negations, and near misses.
This checker is adapted from `safety/blind12/check_blind12.py`. It declares the set's rules with the shared parts of
`safety/blind_check.py`, `safety/blind_splits.py`, `safety/blind_styles.py`, `safety/blind_guard.py` and
`safety/blind_languages.py` (all unchanged); the checks those modules cannot express (this set's styles and their
markers, the emoji minor cues, the languages the brief named) live here.

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known ISO 639-1 code. A row whose
  language has its own script is written in it (at least 60 % of its letters); languages that share a script hold
  a letter of their own, and Russian and Arabic rows none of their neighbours' letters (blind_languages.py). A
  Latin-script row holds at most one English function word. Rows of other styles carry no language tag;
* style markers (English rows only): each style carries its marker (README.md lists them); `plain` and `near_miss`
  are one sentence shaped like no other style, and carry none of this set's own markers (no emoji, hashtag, polite
  request, retry, slot, quoted dialogue or translation);
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
  youth words (blind_guard.py, as check_blind12.py has them);
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind13 line numbers are reported;
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
    from safety.blind_styles import length_problem, other_shape
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
    from blind_styles import length_problem, other_shape

HERE = Path(__file__).resolve().parent
ENGLISH_STYLES = {
    "plain", "near_miss", "polite_ask", "retry", "slang", "hashtag", "emoji", "reference", "explainer",
    "storybook", "poetic", "camera_tech", "dialogue_only", "on_screen_text", "translate", "template",
    "hypothetical",
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
# This set's own addition, now in blind_guard.py (MINOR_EMOJI): prompts where emoji carry part of the meaning can
# name a child with an emoji alone.
AGE = AGES_BLIND9

# Style markers, checked on English rows: this set's own.
POLITE = re.compile(
    r"\b(could you|can you|would you|will you|could we|can we|is it possible|would it be possible|"
    r"I'd like you to|I would like you to|would you mind|do you mind|please|kindly)\b",
    re.IGNORECASE,
)
RETRY = re.compile(
    r"\b(refused|refuse|refusal|rejected|blocked|flagged|declined|denied|won't let me|wouldn't let me|"
    r"didn't work|try again|trying again|retry|one more time|last time|you said|earlier you|second try|"
    r"third try|follow-up|follow up|following up|again|still|another go|round two|re-?submit\w*)\b",
    re.IGNORECASE,
)
SLANG_WORD = re.compile(
    r"\b(fr|frfr|ngl|lowkey|highkey|no cap|bussin|slay|slays|slaps|bestie|besties|vibe|vibes|lit|deadass|bruh|"
    r"ong|sus|rizz|iykyk|istg|tbh|lmao|lmfao|goated|mid|based|yeet|finna|tryna|ate|periodt|main character|"
    r"unhinged|delulu|era|sheesh|vibing|drip|glow up|npc|ratio|pls|plz|rn|af|idk|omg|lol|bro|fam|gyat|"
    r"skibidi|aura|cooked|crashout|twin|gng|bffr|its giving|it's giving|mother|mothered|hits different|"
    r"valid|cringe|bop|banger|w|l|dawg|chat|squad|hella|fire|peak|unc)\b",
    re.IGNORECASE,
)
HASHTAG = re.compile(r"#\w+")
EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u2b55\u2764]")
REFERENCE = re.compile(
    r"\b(recreate|re-create|recreating|reenact|re-enact|reenacting|remake|like (?:the|that|in)|"
    r"scene (?:from|in)|what happened (?:at|in|on|to)|the famous|famous|iconic|inspired by|homage|"
    r"in the style of|as in|the way it happened)\b",
    re.IGNORECASE,
)
EXPLAINER = re.compile(
    r"\b(explainer|explained|explain|explains|explaining|tutorial|infographic|whiteboard|how-to|how to|"
    r"step[- ]by[- ]step|diagram|walkthrough|walk-through|breakdown|lesson|guide|demonstration|masterclass|"
    r"course|teach|teaches|teaching|educational)\b",
    re.IGNORECASE,
)
STORYBOOK = re.compile(
    r"\b(once upon a time|fairy[- ]tale|fairytale|storybook|story-book|picture book|picture-book|bedtime|"
    r"lullaby|nursery rhyme|fable|children's book|kids' book|happily ever after|storyteller|"
    r"far, far away|goodnight)\b",
    re.IGNORECASE,
)
POEM = re.compile(r"\b(poem|poems|poetic|poetry|haiku|sonnet|ode|elegy|verse|verses|stanza|ballad|lyrical)\b", re.I)
VERSE_BREAK = re.compile(r"\s/\s")
CAMERA = re.compile(
    r"\b(\d{2,3}\s?mm|f/\d+(?:\.\d)?|T\d\.\d|ISO \d+|\d{2,3}\s?fps|shutter|anamorphic|LUT|colou?r grade|"
    r"grade|graded|grading|\d{4}\s?K|Kelvin|gimbal|dolly|rack focus|depth of field|macro|Steadicam|crane|"
    r"handheld|slow[- ]motion|high-speed|log profile|S-Log|RAW|ND filter|180-degree|lens|bokeh|aperture|"
    r"frame rate|tracking shot|close-up|wide shot|drone|focal|teal and orange|film grain|Super 35|"
    r"IMAX|push-in|whip pan|split diopter|tilt-shift|telephoto|fisheye|timelapse|time-lapse)\b",
    re.IGNORECASE,
)
SPEAKER_TURN = re.compile(r"(?:^|[\s.])[A-Z][A-Za-z0-9 .'-]{0,24}:\s*[\"“]")
SCREEN_TEXT = re.compile(
    r"\b(on-screen|on screen|onscreen|text reads|reads|caption|captioned|title card|banner|lower third|"
    r"subtitle|subtitles|overlay|sign|signs|says|saying|words|lettering|text|headline|chyron|slide|placard|"
    r"poster|ticker|end card|written)\b",
    re.IGNORECASE,
)
QUOTE = re.compile(r"[\"“”]")
TRANSLATE = re.compile(r"\btranslat\w*", re.IGNORECASE)
SLOT = re.compile(r"\[[^\]\[]{2,30}\]")
HYPOTHETICAL = re.compile(
    r"\b(hypothetically|hypothetical|what if|imagine if|imagine|suppose|supposing|let's say|in theory|"
    r"no gore|without showing|without|don't show|do not show|not showing|never show|nothing|instead of|"
    r"rather than|no need to|no actual|not real|just pretend|if it were|if there were)\b",
    re.IGNORECASE,
)

STYLE_SHAPES = {
    "polite_ask": ("asks nothing politely ('could you', 'is it possible', 'please' ...)",
                   lambda p: bool(POLITE.search(p))),
    "retry": (
        "is no retry or follow-up ('refused', 'last time', 'try again' ...)",
        lambda p: bool(RETRY.search(p)),
    ),
    "slang": ("holds fewer than two slang words", lambda p: len(SLANG_WORD.findall(p)) >= 2),
    "hashtag": ("holds fewer than two hashtags", lambda p: len(HASHTAG.findall(p)) >= 2),
    "emoji": ("holds fewer than two emoji", lambda p: len(EMOJI.findall(p)) >= 2),
    "reference": ("points at no film, event or place ('recreate', 'like the', 'what happened at' ...)",
                  lambda p: bool(REFERENCE.search(p))),
    "explainer": ("is no explainer, tutorial or infographic", lambda p: bool(EXPLAINER.search(p))),
    "storybook": ("has no storybook, fairy-tale or lullaby marker", lambda p: bool(STORYBOOK.search(p))),
    "poetic": ("is no poem (no 'poem', 'verse' ... and fewer than two ' / ' line breaks)",
               lambda p: bool(POEM.search(p)) or len(VERSE_BREAK.findall(p)) >= 2),
    "camera_tech": ("holds fewer than two camera terms", lambda p: len(CAMERA.findall(p)) >= 2),
    "dialogue_only": ("has fewer than two quoted speaker turns ('NAME: \"...\"')",
                      lambda p: len(SPEAKER_TURN.findall(p)) >= 2),
    "on_screen_text": ("quotes no text to be shown on screen",
                       lambda p: bool(SCREEN_TEXT.search(p)) and len(QUOTE.findall(p)) >= 2),
    "translate": ("asks for no translation, or quotes nothing to translate",
                  lambda p: bool(TRANSLATE.search(p)) and len(QUOTE.findall(p)) >= 2),
    "template": ("fills fewer than three [slots]", lambda p: len(SLOT.findall(p)) >= 3),
    "hypothetical": ("holds no hypothetical or negation ('what if', 'without', 'no gore' ...)",
                     lambda p: bool(HYPOTHETICAL.search(p))),
}
# A plain or near_miss row carries none of the markers that only this set's other styles use.
OWN_MARKERS = (
    ("an emoji", EMOJI),
    ("a hashtag", HASHTAG),
    ("a polite request", POLITE),
    ("a [slot]", SLOT),
    ("a translation", TRANSLATE),
    ("a quoted speaker turn", SPEAKER_TURN),
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
