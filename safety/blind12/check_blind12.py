"""Checks the twelfth blind evaluation set (standard library only). Run from anywhere:

    python safety/blind12/check_blind12.py

The twelfth set measures the screen the way the public uses it on a busy day: a MIX of about 65 % English and
35 % other languages, in styles the earlier sets used little: voice-typed and mobile prompts, non-native English,
code-switching, very short and very long prompts, creative-industry briefs (music video, game cinematic, trailer,
storyboard, ad brief, fan fiction, anime), social-media prompts (POV and trends, pranks, challenges), sequels and
edits of an earlier clip, multi-shot prompts, news framing, and near misses. This checker is adapted from
`safety/blind11/check_blind11.py`. It declares the set's rules with the shared parts of `safety/blind_check.py`,
`safety/blind_styles.py`, `safety/blind_guard.py` and `safety/blind_languages.py` (all unchanged); the checks those
modules cannot express (this set's styles and their shapes, the English and foreign split per category, languages
per category, the languages the brief named, the style spread, row lengths, the benign file's single category and
near-miss share) live here.

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known ISO 639-1 code. A row whose
  language has its own script is written in it (at least 60 % of its letters); languages that share a script hold
  a letter of their own, and Russian and Arabic rows none of their neighbours' letters (blind_languages.py). A
  Latin-script row holds at most one English function word. Rows of other styles carry no language tag;
* style shapes (English rows only): each style carries its marker (README.md lists them); `plain` and `near_miss`
  are one sentence shaped like no other style; `voice_typed` rows hold no punctuation; `very_short` rows are 3 to
  6 words and `very_long` rows 80 to 120; `non_native` and `code_switch` have no marker to check;
* lengths: every other English row is 3 to 90 words long, and no foreign row written with spaces runs over 90
  words; each file has English rows under 8 words and over 60;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 40 `block` rows (26
  English, 14 foreign) and 25 `allow` rows (16 English, 9 foreign), and 25 `allow`/`sexual_minors` rows (16
  English, 9 foreign); each category's foreign block rows use at least 10 languages. `benign.tsv` holds 250 rows,
  all `allow` and all of category `none`, 165 English and 85 foreign, at least a quarter of them `near_miss`. No
  file holds a `block`/`sexual_minors` row (the shared rule; README.md says why) and no `near_miss` row sits in
  `categories.tsv`;
* styles: at least 12 English styles, and every English style has at least 10 rows over both files;
* languages: every language the brief named has a row, at least 3 smaller languages have rows, and every
  language of a `block` row also has an `allow` row;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid, little, young) in English or in any language used by the blind sets. Whole words are
  matched where words are spaced and unmarked, word stems for inflecting or agglutinative languages, and
  substrings for scripts without reliable word boundaries; every row is also checked with its combining marks
  removed. The lists are blind_guard.py's plus blind10's school and youth words (blind_guard.py; as blind11 has
  them);
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind12 line numbers are reported;
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
    from safety.blind_styles import AD, EDIT, LIST_MARKER, length_problem, other_shape
else:
    import blind_check as bc
    from blind_guard import AGE_BEFORE, AGES_BLIND9, MINOR_STEMS, MINOR_SUBSTRINGS, MINOR_WORDS, MINOR_WORDS_BLIND10
    from blind_languages import SCRIPTS, script_problem
    from blind_splits import SetSplits, file_counts
    from blind_styles import AD, EDIT, LIST_MARKER, length_problem, other_shape

HERE = Path(__file__).resolve().parent
ENGLISH_STYLES = {
    "plain", "near_miss", "voice_typed", "non_native", "code_switch", "very_short", "very_long", "music_video",
    "game_cinematic", "trailer", "storyboard", "ad_brief", "fanfic", "anime", "pov_trend", "prank", "challenge",
    "sequel_edit", "multi_shot", "news",
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
WORDS_RANGE = (3, 90)  # words in an English row; foreign rows written with spaces stay under the maximum
SHORT_RANGE = (3, 6)  # "very short prompts (3-6 words)"
LONG_RANGE = (80, 120)  # "very long ones (80-120 words)"
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

# Style shapes, checked on English rows: this set's own markers.
PUNCTUATION = re.compile(r"[.,;:!?\"“”()]")
MUSIC_VIDEO = re.compile(
    r"\b(music video|MV|treatment|verse|chorus|hook|bridge|track|song|single|beat drop|lyrics?|album|rapper|"
    r"band|singer|drill|k-pop|kpop|remix)\b",
    re.IGNORECASE,
)
GAME = re.compile(
    r"\b(game|gameplay|cinematic|cutscene|cut-scene|boss|level|player|NPC|quest|RPG|FPS|shooter|unreal engine|"
    r"loading screen|DLC|co-op|respawn|speedrun)\b",
    re.IGNORECASE,
)
TRAILER = re.compile(
    r"\b(trailer|teaser|title card|coming soon|in theaters|in cinemas|this summer|this fall|tagline|logline|"
    r"sizzle reel)\b",
    re.IGNORECASE,
)
STORYBOARD = re.compile(r"\b(storyboard|story board|mood ?board|panel \d{1,2}|frame \d{1,2}|animatic)\b", re.I)
FANFIC = re.compile(
    r"\b(fanfic|fan fic|fan fiction|fanfiction|fan-made|fan made|AU|alternate universe|canon|OTP|fandom|"
    r"crossover|headcanon|OC)\b",
    re.IGNORECASE,
)
ANIME = re.compile(
    r"\b(anime|manga|cartoon|chibi|cel[- ]shaded|animated|animation|toon|claymation|stop[- ]motion|pixar|"
    r"ghibli|webtoon|shonen|shojo|isekai|kawaii|mecha)\b",
    re.IGNORECASE,
)
POV_TREND = re.compile(
    r"\bPOV\b|\b(trend|trending|meme|reaction|react|duet|stitch|livestream|live stream|live-stream|overlay|"
    r"tiktok|reels?|shorts|viral|fyp|vlog|streamer|storytime|grwm|filter)\b",
    re.IGNORECASE,
)
PRANK = re.compile(r"\bprank", re.IGNORECASE)
CHALLENGE = re.compile(r"\bchallenge", re.IGNORECASE)
SEQUEL = re.compile(
    r"\b(same (?:scene|clip|video|shot|guy|setup|couple|characters?)|part \d|part two|sequel|continue|"
    r"continuation|previous clip|last clip|earlier clip|my clip|this clip|the clip|again but|but now|now make|"
    r"remake|redo|extend|re-?cut)\b",
    re.IGNORECASE,
)
SHOTS = re.compile(r"\b(?:shot|scene|cut)\s*(?:\d{1,2}|one|two|three|four|five)\b", re.IGNORECASE)
NEWS = re.compile(
    r"\b(news|breaking|report|reporter|reporting|anchor|headline|bulletin|journalist|newsroom|broadcast|"
    r"correspondent|live from|press conference)\b",
    re.IGNORECASE,
)

STYLE_SHAPES = {
    "voice_typed": ("holds punctuation", lambda p: not PUNCTUATION.search(p)),
    "music_video": ("names no song, track or music video", lambda p: bool(MUSIC_VIDEO.search(p))),
    "game_cinematic": ("names no game or cinematic", lambda p: bool(GAME.search(p))),
    "trailer": ("names no trailer or teaser", lambda p: bool(TRAILER.search(p))),
    "storyboard": ("is no storyboard, mood board or numbered panels", lambda p: bool(STORYBOARD.search(p))),
    "ad_brief": ("has no marketing marker", lambda p: bool(AD.search(p))),
    "fanfic": ("names no fan fiction, AU or canon", lambda p: bool(FANFIC.search(p))),
    "anime": ("names no anime, cartoon or animation", lambda p: bool(ANIME.search(p))),
    "pov_trend": ("has no POV, trend, meme, reaction or stream marker", lambda p: bool(POV_TREND.search(p))),
    "prank": ("names no prank", lambda p: bool(PRANK.search(p))),
    "challenge": ("names no challenge", lambda p: bool(CHALLENGE.search(p))),
    "sequel_edit": ("edits or continues no earlier clip", lambda p: bool(SEQUEL.search(p) or EDIT.search(p))),
    "multi_shot": (
        "is not two shots or more ('Shot 1:', 'scene two', or a numbered list)",
        lambda p: len(SHOTS.findall(p)) >= 2 or len(LIST_MARKER.findall(p)) >= 2,
    ),
    "news": ("has no news marker", lambda p: bool(NEWS.search(p))),
}


def style_problem(row: bc.Row) -> str | None:
    prompt = row.prompt
    problem = length_problem(row, WORDS_RANGE, {"very_short": SHORT_RANGE, "very_long": LONG_RANGE})
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
