"""What a prompt says it is not: "This is NOT porn, it's a dermatology teaching clip", "not a suicide scene: a
cliff diver", "romance, no nudity, no sex shown", "a non-violent protest", "instead of gunfire, orchestral music".

The screen reads such a prompt twice (safety/screening.py): as written, and with its negated topics taken out
(`without_negated_topics`). A rule hit that only the written reading has is not a refusal by itself (the
classifier decides, like a rule hit in a benign context), and the exemplar and classifier stages refuse a
category only when both readings reach its threshold, so what the prompt asks for still decides ("this isn't porn,
just two people having sex on camera" keeps "having sex on camera").

Only a harm topic is taken out, after a negation, within a few words of it: a named subject ("porn", "gore", "a
suicide scene", "self harm", "a deepfake", "weapons"), never what the negation itself makes harmful ("no clothes",
"no consent", "not an adult", "no mercy", "no blur", "not human", "no reason to live"): those words are not topics
here, so nothing is taken out. The screen does not use the second reading for a prompt with a minor signal or
for a protected person's name (the benefit of the doubt goes to the child and to the person). The already narrower
mask of the rules' normaliser ("no gore", "without nudity": safety.rules) applies to both readings.

A contrast ("This is NOT white power stuff, it's a rafting team") takes out what the prompt says it is not,
whatever the words (up to six), unless they are what a negation makes harmful ("not wearing anything, just ...").

The patterns have no nested repetition over the same characters: its cost is linear in the prompt's length.
"""

from __future__ import annotations

import re

# The subjects a prompt names to say it is not about them (singular and plural, common spellings).
_TOPIC = (
    r"(?:porn|porno|pornography|pornographic|smut|sex|sexual|sexy|sexualised|sexualized|erotic|erotica|nsfw|"
    r"nudity|nude|nudes|naked|nakedness|lewd|lewdness|fetish|fetishes|kink|kinky|strip ?club|strippers?|"
    r"striptease|onlyfans|x-rated|explicit|adult content|adult film|"
    r"gore|gory|blood|bloody|bloodshed|violence|violent|brutality|brutal|torture|murders?|killings?|killing|"
    r"slaughter|massacres?|deaths?|dying|corpses?|dead bodies|dead body|executions?|beheadings?|mutilation|"
    r"dismemberment|stabbings?|shootings?|shoot-?outs?|fighting|fights?|injur(?:y|ies)|wounds?|war scenes?|"
    r"horror|jump ?scares?|scary stuff|disturbing|graphic|"
    r"suicide|suicidal|self[- ]?harm|self[- ]?injury|self[- ]?destruction|overdoses?|eating disorders?|"
    r"pro-?ana|anorexia|bulimia|"
    r"weapons?|guns?|firearms?|rifles?|pistols?|bombs?|explosives?|explosions?|ammo|ammunition|knives|knife|"
    r"hate|hateful|hatred|racism|racist|bigotry|bigoted|slurs?|propaganda|extremism|extremist|nazis?|terror|"
    r"terrorism|terrorists?|"
    r"deep ?fakes?|fakes?|impersonations?|parody|real people|real person)"
)
# Words that may stand between the negation and its topic ("not a real suicide scene", "no on-screen blood").
_FILLER = (r"(?:a|an|the|any|some|about|even|really|actually|real|actual|explicit|graphic|visible|on-?screen|"
           r"shown|more|much|kind of|sort of|type of|trace of|hint of|of|at all|remotely|in any way|"
           r"anything|something|sign of|signs of)")
# Words that may follow it and belong to it ("not a suicide scene", "no sex shown", "no gore at all").
_AFTER = (r"(?:scenes?|videos?|clips?|content|footage|stuff|films?|movies?|things?|vibes?|themes?|imagery|images|"
          r"shots?|elements?|involved|implied|depicted|shown|on screen|onscreen|here|at all|please|whatsoever|"
          r"of any kind|tutorial|story|fantasy)")
_NEGATOR = (
    r"(?:not|no|never|without|nothing|zero|none|nor|minus|avoid|avoiding|skip|skipping|instead of|rather than|"
    r"free of|forget(?: about)?|isn'?t|aren'?t|wasn'?t|ain'?t|"
    r"(?:do not|don'?t|dont|never|please don'?t|shouldn'?t|won'?t|will not|must not|mustn'?t) "
    r"(?:show|include|depict|film|add|use|feature|want|need|make it|make this)(?: any)?)"
)
_SPAN = rf"{_NEGATOR}(?:\s+{_FILLER}){{0,3}}\s+{_TOPIC}(?:\s+{_AFTER})?"
_NEGATED = re.compile(
    rf"\b{_SPAN}(?:\s*(?:,|/|\bor\b|\band\b|\bnor\b)\s*(?:(?:no|any|or|nor)\s+)?(?:{_FILLER}\s+){{0,2}}"
    rf"{_TOPIC}(?:\s+{_AFTER})?)*\b"
    # A compound adjective that negates its topic: "non-violent", "gore-free", "nonsexual".
    rf"|\bnon-?{_TOPIC}\b|\b{_TOPIC}-free\b",
    re.IGNORECASE,
)


# A contrast: what the prompt is not, then what it is ("This is NOT white power stuff, it's a rafting team",
# "not about making a gun: a 3D printer printing a chess set"). The words between "not" and the break are taken
# out whatever they are (at most six of them), unless one of them is what a negation makes harmful.
_CONTRAST = re.compile(
    r"\b(?:not|isn'?t|wasn'?t|aren'?t)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+"
    r"(?=\s*(?:,|:|;|\s[-–—]\s|[–—])\s*(?:it'?s|it is|this is|that'?s|just|only|but|rather|instead|more like|"
    r"a|an|the|we|i|they|imagine|think)\b)",
    re.IGNORECASE,
)
# What a negation turns into harm: "not wearing anything", "not an adult", "not human", "not alive"...
_HARMFUL_WHEN_NEGATED = re.compile(
    r"\b(?:wearing|dressed|clothed|clothes|clothing|consent\w*|willing|adults?|grown|legal|18|eighteen|age|old|"
    r"human|humans|people|persons?|alive|breathing|conscious|awake|moving|safe|allowed|welcome|worth|real ones?)\b",
    re.IGNORECASE,
)


def _contrast(match: re.Match[str]) -> str:
    return match.group(0) if _HARMFUL_WHEN_NEGATED.search(match.group(0)) else " "


def without_negated_topics(text: str) -> str:
    """`text` with each negated harm topic and each contrasted-away phrase taken out, or `text` itself when it has
    neither."""
    out = _CONTRAST.sub(_contrast, _NEGATED.sub(" ", text))
    return text if out == text else re.sub(r"\s{2,}", " ", out).strip()
