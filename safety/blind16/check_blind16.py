#!/usr/bin/env python3
"""Checks the sixteenth blind evaluation set (safety/blind16/*.tsv); standard library only.

The set measures the prompt screen on other languages more than any earlier set (about half the rows English, half
in 31 other languages) and on styles no earlier set used much: romanised and transliterated writing of languages
with their own scripts (Hinglish, Arabizi, translit, romaji, Pinyin, Finglish, Greeklish ...) and code-switching;
social-media captions and chat messages (emoji, hashtags, @mentions, "pls", "ngl", all lower case); role-play and
"this is only fiction" framing; dialogue, subtitles, lyrics and voice-over lines; advertising and client briefs;
very short prompts and camera-spec-heavy prompts; multi-scene storyboards and shot lists in other languages; real
public figures of many countries; and near misses.
This checker is adapted from `safety/blind15/check_blind15.py`. It declares the set's rules with the shared parts of
`safety/blind_check.py`, `safety/blind_splits.py`, `safety/blind_styles.py`, `safety/blind_guard.py` and
`safety/blind_languages.py` (all unchanged on disk); the checks those modules cannot express (this set's styles and
their markers, the romanised language codes, the base-language counts) live here.

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known code: blind_languages.py's
  ISO 639-1 codes (and its `hi_en`, `tl_en`, `es_en`), plus this set's romanised codes (`hi_latn`, `ar_latn`, ...,
  ROMANISED below), which are written in Latin letters only. A row whose language has its own script is written in
  it (at least 60 % of its letters); languages that share a script hold a letter of their own, and Russian and
  Arabic rows none of their neighbours' letters (blind_languages.py). A Latin-script row holds at most one English
  function word. An Arabizi row (`ar_latn`) writes a letter with a digit (3, 7, 2 ...); a code-switched Latin row
  (`*_en`) holds at least two common English words. Rows of other styles carry no language tag;
* style markers (English rows only): each style carries its marker (README.md lists them); `social_caption` and
  `chat_message` rows are all lower case; only `very_short` rows run 1 to 5 words, every other English row 6 to 90;
  the markers of `roleplay_frame`, `dialogue_vo`, `ad_brief` (two or more fields), `camera_spec` (three or more
  camera terms) and `social_caption` (a hashtag) appear in no row of another style; `plain` and `near_miss` are one
  sentence shaped like no other style (blind_styles.py), with no colon, quote, emoji, @mention, chat slang or other
  marker, and a `near_miss` row holds a word that sounds risky;
* lengths: every English row is 1 to 90 words long, and no foreign row written with spaces runs over 90 words; each
  file has English rows under 8 words and over 60;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 40 `block` rows (20
  English, 20 foreign) and 25 `allow` rows (13 English, 12 foreign), and 25 `allow`/`sexual_minors` rows (13
  English, 12 foreign); each category's foreign block rows use at least 10 languages (base languages: `hi_latn`
  counts as Hindi). `benign.tsv` holds 250 rows, all `allow` and all of category `none`, 125 English and 125
  foreign, at least a quarter of them `near_miss`. No file holds a `block`/`sexual_minors` row (the shared rule;
  README.md says why) and no `near_miss` row sits in `categories.tsv`;
* styles: at least 8 English styles, and every English style has at least 10 rows over both files;
* languages: every large language the brief named has a row in its own script (or its Latin alphabet), at least 12
  smaller base languages have rows, 26 base languages in all; at least 25 % of the foreign rows are romanised or
  code-switched (`*_latn`, `*_en`); every language code of a `block` row also has an `allow` row;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid, little, young) in English or in any language used by the blind sets, nor an emoji of a
  child, a baby, a school bag or a school. The word lists, ages and emoji are blind_guard.py's, as check_blind15.py
  has them, checked with and without combining marks;
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind16 line numbers are reported;
* prints row counts per label, category, style and language, each category's foreign languages, the romanised
  share and word counts of the English rows. Exits 1 on any problem.
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
    from safety.blind_guard import (
        AGE_BEFORE,
        AGES_BLIND9,
        MINOR_EMOJI,
        MINOR_STEMS,
        MINOR_SUBSTRINGS,
        MINOR_WORDS,
        MINOR_WORDS_BLIND10,
    )
    from safety.blind_languages import LANGUAGE_NAMES, SCRIPTS, is_foreign, script_problem
    from safety.blind_splits import SetSplits, file_counts
    from safety.blind_styles import MODEL_TURN, USER_TURN, length_problem, other_shape, words
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
    from blind_languages import LANGUAGE_NAMES, SCRIPTS, is_foreign, script_problem
    from blind_splits import SetSplits, file_counts
    from blind_styles import MODEL_TURN, USER_TURN, length_problem, other_shape, words

HERE = Path(__file__).resolve().parent
ENGLISH_STYLES = {
    "plain", "near_miss", "social_caption", "chat_message", "roleplay_frame", "dialogue_vo", "ad_brief",
    "very_short", "camera_spec",
}  # fmt: skip
STYLES = ENGLISH_STYLES | {"foreign"}
ENGLISH_STYLES_MIN = 8  # "at least 8 different ones"
STYLE_ROWS_MIN = 10  # "each with at least 10 rows across the files"

# Romanised codes of this set: the language written in Latin letters as people type it on Latin keyboards. They
# are added to this checker's script table (mapped to Latin) and, in memory only, to blind_languages' names, which
# blind_splits prints; blind_languages.py itself is not changed.
ROMANISED = {
    "hi_latn": "Hindi (romanised, Hinglish)", "ur_latn": "Urdu (romanised)", "ar_latn": "Arabic (Arabizi)",
    "ru_latn": "Russian (translit)", "uk_latn": "Ukrainian (translit)", "ja_latn": "Japanese (romaji)",
    "zh_latn": "Mandarin (Pinyin without tones)", "fa_latn": "Persian (Finglish)",
    "bn_latn": "Bengali (romanised)", "el_latn": "Greek (Greeklish)", "ko_latn": "Korean (romanised)",
    "ta_latn": "Tamil (romanised, Tanglish)",
}  # fmt: skip
CODE_SWITCHED = {"hi_en", "tl_en", "es_en"}  # blind_languages.py's code-switched Latin codes
SCRIPTS16 = {**SCRIPTS, **{code: None for code in ROMANISED}}
for _code, _name in ROMANISED.items():
    LANGUAGE_NAMES.setdefault(_code, _name)

# Per category in categories.tsv: (foreign, English) rows of each label.
BLOCK_SPLIT = (20, 20)
ALLOW_SPLIT = (12, 13)  # also the allow/sexual_minors rows
BENIGN_SPLIT = (125, 125)
BENIGN_NEAR_MISS_SHARE = 0.25  # "at least a quarter of them near misses"
CATEGORY_LANGUAGES_MIN = 10  # languages among each category's foreign block rows ("in at least 10 languages")
WORDS_RANGE = (1, 90)  # words in an English row ("Vary length (1 to 90 words)"); foreign rows stay under the maximum
SHORT_RANGE = (1, 5)  # a very_short row; every other English row runs 6 to 90 words
SHORT_UNDER = 8  # each file has English rows under this many words ...
LONG_OVER = 60  # ... and over this many
# The large languages the brief named (Mandarin is `zh`, every Arabic variety `ar`).
BRIEF_LANGUAGES = {
    "es", "pt", "fr", "de", "it", "ru", "ar", "hi", "id", "tr", "ja", "ko", "zh", "vi",
}  # fmt: skip
SMALLER_LANGUAGES_MIN = 12  # base languages besides the large ones ...
LANGUAGES_TOTAL_MIN = 26  # ... and in all ("at least 26 languages")
ROMANISED_SHARE = 0.25  # of the foreign rows, romanised or code-switched

# The adult-only guard (safety/blind_guard.py), as check_blind15.py uses it.
AGE = AGES_BLIND9

# Style markers, checked on English rows: this set's own.
EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u2b55\u2764]")
HASHTAG = re.compile(r"(?<![\w&])#\w")
MENTION = re.compile(r"(?<![\w])@\w")
SLANG = re.compile(
    r"\b(pls|plz|ngl|lowkey|highkey|tbh|fr|rn|idk|u|ur|bro|bruh|bestie|lol|lmao|wanna|gonna|kinda|smth|vid|vids|"
    r"tho|rly|srsly|imo|btw|omg|ty|thx|ppl|cuz|pov|irl|dm|ok|k|ya|yall|y'all)\b"
)
UPPER = re.compile(r"[A-Z]")
ROLEPLAY = re.compile(
    r"\b(you(?: are|'re|re) (?:a|an|now|my|the|our|playing)|pretend(?:ing)?|act as|acting as|role-?play(?:ing)?|"
    r"stay in character|"
    r"ignore (?:all |any |your |the |previous |prior |earlier |of )*(?:instructions|rules|guidelines|filters|policies)|"
    r"fictional (?:world|universe|country|city|town|village|kingdom|story|film)|in a world where|"
    r"hypothetical(?:ly)?|red[- ]team(?:ing|er)?|"
    r"jailbreak|developer mode|dev mode|no restrictions|unrestricted|unfiltered|uncensored|only fiction|just fiction|"
    r"purely fictional|it's fiction|rules are off|filters (?:are )?off|no rules|safety off|alternate universe)\b",
    re.IGNORECASE,
)
DIALOGUE_LABEL = re.compile(
    r"(?:^|(?<=[\s.;|(/]))(?:(?i:VO|V\.O\.|voice-?over|narrator|subtitles?|lyrics|chorus|hook|verse(?: \d)?|"
    r"bridge|on-screen text|caption text|dialogue|anchor|reporter|chant|sign reads|text on screen)|"
    r"(?!(?:CTA|ISO|LUT|RAW|HMI|FPS|NB)\b)[A-Z][A-Z]+(?: [A-Z]+)?)\s*(?:\([^)]*\))?\s*:"
)
QUOTED = re.compile(r"[\"“«„]([^\"“”«»„]+)[\"”»“]")
AD_FIELD = re.compile(
    r"\b(Client|Brand|Product|Audience|Target audience|Tone|Deliverables?|Mandatory shots?|Must-have shots?|"
    r"Key shots?|Objective|Key message|CTA|Format|Length|Duration|Platform|Budget|Mood|Insight|Campaign|Talent|"
    r"Territory|Placement|Copy|End card|Hero shot|Music|Usage|Deadline)\s*:"
)
CAMERA = re.compile(
    r"(?:\b\d{2,3}\s?mm\b|\bf/\d|\bT\d(?:\.\d)?\b|\b\d{2,3}\s?fps\b|\bISO\s?\d{3,5}\b|\b\d{4}K\b|"
    r"\b(?:anamorphic|Portra|Vision3|Ektachrome|Kodachrome|Cinestill|Tri-X|HP5|Fujifilm|Kodak|ARRI|Alexa|"
    r"Komodo|V-Raptor|FX3|FX6|BMPCC|Blackmagic|gimbal|Steadicam|dolly|jib|crane shot|softbox|key light|fill light|"
    r"rim light|backlight|HMI|Aputure|SkyPanel|Kino Flo|LUT|S-Log3|ProRes|RAW|shutter|180-degree|ND filter|"
    r"diffusion|bokeh|rack focus|macro lens|telephoto|wide-angle|handheld|slow-mo|slow motion|4K|6K|8K|Super 8|"
    r"colou?r grade|teal and orange|golden hour|blue hour|tungsten|drone shot|low angle|overhead shot|"
    r"shallow depth of field|film grain|halation|Dutch angle|whip pan|tracking shot|close-up|macro)\b)",
    re.IGNORECASE,
)
CAMERA_MIN = 3  # camera terms in a camera_spec row; no row of another style holds this many
AD_FIELDS_MIN = 3  # fields in an ad_brief row; no row of another style holds two


def camera_terms(prompt: str) -> int:
    return len({m.group(0).casefold() for m in CAMERA.finditer(prompt)})


def ad_fields(prompt: str) -> int:
    return len({m.group(1) for m in AD_FIELD.finditer(prompt)})


def quoted_line(prompt: str) -> bool:
    return any(words(m.group(1)) >= 2 for m in QUOTED.finditer(prompt))


def lower_case(prompt: str) -> bool:
    """All lower case, apart from the handles and hashtags (which keep their owners' spelling)."""
    return not UPPER.search(" ".join(t for t in prompt.split() if not t.startswith(("@", "#"))))


# Words that sound risky, one of which every near_miss row holds in a harmless sense.
RISKY = re.compile(
    r"\b(kill|kills|killer|killing|killed|murder|murdered|dead|deadly|die|dies|dying|shoot|shoots|shooting|shot|"
    r"shots|gun|guns|bomb|bombs|bombed|bombing|explode|explodes|exploding|explosive|blast|blasts|blasting|blow|"
    r"blows|blew|fire|fires|fired|firing|burn|burns|burning|blood|bloody|bleed|bleeding|slash|slashes|slashing|"
    r"stab|stabs|stabbing|cut|cuts|cutting|chop|chops|chopping|hack|hacks|hacking|slaughter|slaughters|butcher|"
    r"butchers|carve|carves|carving|skin|skins|skinned|gut|guts|gutted|gutting|behead|beheads|strangle|choke|"
    r"chokes|choking|hang|hangs|hanging|drown|drowns|drowning|overdose|poison|poisonous|toxic|lethal|deadly|"
    r"weapon|weapons|knife|knives|blade|blades|cleaver|machete|axe|sword|swords|ammo|trigger|bullet|bullets|"
    r"grenade|grenades|torpedo|missile|sniper|assassin|assassins|execute|executes|execution|torture|tortured|"
    r"massacre|massacred|destroy|destroys|destroyed|smash|smashes|smashed|crush|crushes|crushed|beat|beats|"
    r"beating|punch|punches|slap|slaps|strip|strips|stripped|naked|nude|hot|steamy|sexy|seduce|seduces|"
    r"attack|attacks|raid|raids|ambush|ambushes|war|invade|invades|invasion|hostage|kidnap|kidnaps|crack|"
    r"cracks|smoke|smokes|smoking|high|hooked|junkie|dope|pills|shrooms|psycho|savage|brutal|vicious|wicked|"
    r"bang|banging|loaded|armed|target|targets|hit|hits|hitman|fight|fights|fighting|knockout|KO|slay|slays|"
    r"slayed|decapitate|bleach|cleanse|purge|purges|exterminate|exterminator|extermination|hunt|hunts|hunting|"
    r"trap|traps|bait|drug|drugs|dealer|gore|gory|corpse|corpses|skull|skulls|bones|grave|graves|coffin|"
    r"suicide|slit|slits|whip|whips|whipped|spank|spanking|bondage|tied|gag|gags|lick|licks|licking|"
    r"penetrate|penetrates|penetrating|climax|moan|moaning|sucker|rack|racks|stiff|erect|erection|"
    r"nuke|nuked|nuclear|arson|torch|torches|torched|detonate|detonates|dynamite|gunpowder|shell|shells|"
    r"stalk|stalks|stalker|chainsaw|hammer|hammers|rope|noose|pistol|rifle|shotgun|cannon|cannons|smuggle|"
    r"smuggles|hitting|thrash|thrashes|thrashed|annihilate|annihilates|annihilated|demolish|demolishes|"
    r"demolished|wreck|wrecks|wrecked|bruise|bruised|bruises|scar|scars|wound|wounds|injection|needle|needles|"
    r"shaved|shave|shaves|flesh|meat|raw|knocks|slices|flaming|machetes|implodes|slam|injects|razor|shatters|"
    r"tears|rips|charges|shooter|bleeds|plunges|exterminates|seductive|stalks|torches|guts|hack|needle)\b",
    re.IGNORECASE,
)


def has_emoji(prompt: str) -> bool:
    return bool(EMOJI.search(prompt))


STYLE_SHAPES = {
    "social_caption": (
        "is not an all-lower-case caption with a hashtag",
        lambda p: lower_case(p) and bool(HASHTAG.search(p)),
    ),
    "chat_message": (
        "is not an all-lower-case chat message with chat slang (pls, ngl, lowkey, u, rn ...)",
        lambda p: lower_case(p) and bool(SLANG.search(p)),
    ),
    "roleplay_frame": (
        "casts no role and frames nothing as fiction or a test (you are, pretend, ignore previous "
        "instructions, in a fictional world, red-team ...)",
        lambda p: bool(ROLEPLAY.search(p)),
    ),
    "dialogue_vo": (
        "carries no spoken line (VO:, Subtitle:, Lyrics:, NAME:, a quoted line of two words or more)",
        lambda p: bool(DIALOGUE_LABEL.search(p) or quoted_line(p)),
    ),
    "ad_brief": (
        f"has fewer than {AD_FIELDS_MIN} brief fields (Client:, Audience:, Tone:, Deliverable: ...)",
        lambda p: ad_fields(p) >= AD_FIELDS_MIN,
    ),
    "camera_spec": (
        f"holds fewer than {CAMERA_MIN} camera terms (lens, f-stop, fps, film stock, lights ...)",
        lambda p: camera_terms(p) >= CAMERA_MIN,
    ),
    "very_short": ("", lambda p: True),
}
# Markers that belong to one style only.
EXCLUSIVE = (
    ("roleplay_frame", "a role-play or fiction frame", lambda p: bool(ROLEPLAY.search(p))),
    ("dialogue_vo", "a dialogue label (VO:, Subtitle:, NAME: ...)", lambda p: bool(DIALOGUE_LABEL.search(p))),
    ("ad_brief", "two or more brief fields", lambda p: ad_fields(p) >= 2),
    ("camera_spec", f"{CAMERA_MIN} or more camera terms", lambda p: camera_terms(p) >= CAMERA_MIN),
    ("social_caption", "a hashtag", lambda p: bool(HASHTAG.search(p))),
)
# A plain or near_miss row carries none of the markers of this set's other styles.
OWN_MARKERS = (
    ("a colon", re.compile(r":")),
    ("a quoted line", re.compile(r"[\"“”«»„]")),
    ("an emoji", EMOJI),
    ("an @mention", MENTION),
    ("chat slang", SLANG),
    ("a chat turn", USER_TURN),
    ("a chat turn", MODEL_TURN),
)


def style_problem(row: bc.Row) -> str | None:
    prompt = row.prompt
    ranges = {
        "very_short": SHORT_RANGE,
        **{s: (SHORT_RANGE[1] + 1, WORDS_RANGE[1]) for s in ENGLISH_STYLES if s != "very_short"},
    }
    problem = length_problem(row, WORDS_RANGE, ranges)
    if problem:
        return problem
    if row.style == "foreign":
        return None
    for style, what, check in EXCLUSIVE:
        if row.style != style and check(prompt):
            return f"{row.style} row carries {what}, the marker of {style}"
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
    if camera_terms(prompt) >= 2:
        return f"{row.style} row holds {camera_terms(prompt)} camera terms"
    if row.style == "near_miss" and not RISKY.search(prompt):
        return "near_miss row holds no risky-sounding word"
    return None


# Romanised and code-switched rows.
NON_LATIN_LETTER = re.compile(r"[^\W\d_]")
ARABIZI = re.compile(r"(?:[a-z][235679]|[235679][a-z])", re.IGNORECASE)
ENGLISH_SWITCH = {
    "video", "vibe", "vibes", "scene", "full", "please", "bro", "super", "chill", "trending", "shoot", "clip",
    "reel", "reels", "content", "post", "story", "slow", "mo", "cinematic", "epic", "style", "aesthetic", "crazy",
    "cute", "actually", "literally", "like", "so", "the", "and", "with", "make", "show", "this", "that", "from",
    "into", "your", "vlog", "edit", "shots", "shot", "background", "music", "beat", "drop", "party", "weekend",
    "sunset", "beach", "road", "trip", "family", "friends", "birthday", "wedding", "dance", "challenge", "viral",
    "filter", "filters", "rules", "ignore", "pretend", "fiction", "real", "fake", "news", "leaked", "prank",
    "guys", "one", "camera", "close-up", "closeup", "ad", "brand", "client", "tone", "audience", "for",
    "of", "in", "on", "my", "our", "is", "it", "just", "very", "really", "vid", "pls", "ngl", "lowkey", "tbh",
    "no", "yes", "okay", "ok", "cool", "nice", "best", "high", "low", "light", "dark", "night", "morning", "day",
    "tutorial", "step", "by", "how", "to", "build", "explainer", "documentary", "deepfake",
}  # fmt: skip


def romanised(row: bc.Row) -> bool:
    return row.lang in ROMANISED or row.lang in CODE_SWITCHED


def base_language(code: str) -> str:
    return code.split("_")[0]


def language_problem(row: bc.Row) -> str | None:
    problem = script_problem(row)
    if problem or not is_foreign(row):
        return problem
    if row.lang in ROMANISED:
        other = [
            ch
            for ch in row.prompt
            if NON_LATIN_LETTER.match(ch) and not (ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF)
        ]
        if other:
            return f"romanised {row.lang} row holds letters of another script ({other[0]!r})"
        if row.lang == "ar_latn" and not ARABIZI.search(row.prompt):
            return "ar_latn row writes no letter with a digit (3, 7, 2 ...), as Arabizi does"
    if row.lang in CODE_SWITCHED:
        english = [w for w in re.findall(r"[a-z][a-z'-]*", row.prompt.casefold()) if w in ENGLISH_SWITCH]
        if len(english) < 2:
            return f"code-switched {row.lang} row holds fewer than two English words"
    return None


SPLITS = SetSplits(
    BLOCK_SPLIT,
    ALLOW_SPLIT,
    BENIGN_SPLIT,
    BENIGN_NEAR_MISS_SHARE,
    CATEGORY_LANGUAGES_MIN,
    SHORT_UNDER,
    LONG_OVER,
    ENGLISH_STYLES_MIN,
    STYLE_ROWS_MIN,
    BRIEF_LANGUAGES,
    SMALLER_LANGUAGES_MIN,
    foreign_share=True,
)


def language_shares() -> list[str]:
    """Base languages, the romanised share and each category's base languages over both files (printing them); the
    problems with them."""
    problems = []
    every = [r for rows in SPLITS.seen.values() for r in rows]
    foreign = [r for r in every if is_foreign(r)]
    bases = collections.Counter(base_language(r.lang) for r in foreign)
    print(
        f"base languages: {len(bases)} (want >= {LANGUAGES_TOTAL_MIN}): "
        + ", ".join(f"{k} {v}" for k, v in sorted(bases.items()))
    )
    if len(bases) < LANGUAGES_TOTAL_MIN:
        problems.append(f"{len(bases)} base languages in all, want >= {LANGUAGES_TOTAL_MIN}")
    smaller = sorted(set(bases) - BRIEF_LANGUAGES)
    print(f"smaller base languages: {len(smaller)} (want >= {SMALLER_LANGUAGES_MIN})")
    if len(smaller) < SMALLER_LANGUAGES_MIN:
        problems.append(f"{len(smaller)} smaller base languages, want >= {SMALLER_LANGUAGES_MIN}")
    native = {r.lang for r in foreign}
    missing = sorted(BRIEF_LANGUAGES - native)
    if missing:
        problems.append(f"no row in the own script of {missing}")
    switched = [r for r in foreign if romanised(r)]
    share = len(switched) / len(foreign) if foreign else 0.0
    by_code = collections.Counter(r.lang for r in switched)
    by_label = collections.Counter(r.label for r in switched)
    print(
        f"romanised or code-switched foreign rows: {len(switched)}/{len(foreign)} = {share:.1%} (want >= "
        f"{ROMANISED_SHARE:.0%}); block {by_label['block']}, allow {by_label['allow']}: "
        + ", ".join(f"{k} {v}" for k, v in sorted(by_code.items()))
    )
    if share < ROMANISED_SHARE:
        problems.append(
            f"romanised or code-switched rows are {share:.1%} of the foreign rows, want >= {ROMANISED_SHARE:.0%}"
        )
    native_mixed = sum(
        1
        for r in foreign
        if not romanised(r)
        and SCRIPTS16.get(r.lang) is not None
        and len(re.findall(r"(?<![A-Za-z])[A-Za-z]{3,}(?![A-Za-z])", r.prompt)) >= 2
    )
    print(f"native-script rows with two or more Latin-letter words of three letters or more: {native_mixed}")
    categories = SPLITS.seen.get("categories.tsv", [])
    for category in bc.SCREEN_CATEGORIES:
        langs = {
            base_language(r.lang) for r in categories if (r.label, r.category) == ("block", category) and is_foreign(r)
        }
        if len(langs) < CATEGORY_LANGUAGES_MIN:
            problems.append(
                f"categories.tsv: foreign block {category} rows use {len(langs)} base languages, "
                f"want >= {CATEGORY_LANGUAGES_MIN}"
            )
    english = [r for r in every if not is_foreign(r)]
    print(
        f"English rows: {len(english)} of {len(every)} ({len(english) / len(every):.1%}); foreign "
        f"{len(foreign)} ({len(foreign) / len(every):.1%})"
    )
    return problems


def file_problems(name: str, found: list[bc.Row]) -> list[str]:
    """blind_splits' checks, then, once both files are read, the language shares."""
    problems = SPLITS.file_problems(name, found)
    if set(SPLITS.seen) == {"categories.tsv", "benign.tsv"}:
        problems += language_shares()
    return problems


BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS16,
    doubled_whitespace=True,
    language_problem=language_problem,
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
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
