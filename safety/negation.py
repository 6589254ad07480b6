"""What a prompt says it is not: "This is NOT porn, it's a dermatology teaching clip", "not a suicide scene: a
woman jumping into a pool", "a wedding dance, no nudity, no sex shown", "a non-violent protest".

The screen reads such a prompt twice (safety/screening.py): as written, and with its negated topics taken out
(`negated_reading`). Only for the categories of the topics it negates: a rule hit on the negated word itself that
the second reading does not have is not a refusal by itself (the classifier decides, like a rule hit in a benign
context), and the exemplar and classifier stages refuse such a category only when both readings reach its
threshold, so what the prompt asks for still decides ("this isn't porn, just two people having sex on camera"
keeps "having sex on camera"; "no violence, explicit sex" lowers nothing for sexual content).

Narrow on purpose (a red-team pass found 105 bypasses in a broader first version):
- only a harm topic from a fixed list directly after a negation, with at most a few neutral words between ("not
  a suicide scene", "no on-screen blood", "without any gore"); never a verb phrase or an adverb ("not only ...",
  "not even ...", "does not hold back on ...", "not afraid to ..."), never "fake", "staged", "parody" (saying it
  is not fake says it is real), nor "graphic", "explicit", "real" between the negation and its topic;
- a list goes on only where the negation is repeated or after "or"/"nor" ("no nudity, no sex shown", "no gore or
  blood"), never after a bare comma ("no violence, explicit sex" keeps "explicit sex");
- not after "why", "can't", "if" or another negation a few words before ("why not a beheading", "not a single
  frame without beheadings", "never free of gore");
- a second reading left with fewer than three words is not used: the prompt is read once;
- what a negation makes harmful ("no clothes", "no consent", "not an adult", "no mercy", "no blur", "not human")
  is not a topic here, so nothing is taken out.
The screen does not use the second reading for a prompt with a minor signal, and never defers a likeness rule (a
protected person, a named real person in a scene) nor sexual content involving minors. The narrower mask of the
rules' normaliser ("no gore", "without nudity": safety.rules) applies to both readings.

The pattern has no nested unbounded repetition: its cost is linear in the prompt's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The subjects a prompt names to say it is not about them, per screening category.
TOPICS = {
    "sexual": (r"porn|porno|pornography|pornographic|smut|sex|sexual|sexy|erotic|erotica|nsfw|nudity|nude|nudes|"
               r"naked|nakedness|lewd|lewdness|fetish|fetishes|kink|kinky|strip ?clubs?|strippers?|striptease|"
               r"onlyfans|x-rated|adult content|sex scenes?|sexual content"),
    "violence": (r"gore|gory|blood|bloody|bloodshed|violence|violent|brutality|torture|murders?|killings?|slaughter|"
                 r"massacres?|deaths?|dying|corpses?|dead bod(?:y|ies)|executions?|beheadings?|mutilation|"
                 r"dismemberment|stabbings?|shootings?|fighting|fights?|injur(?:y|ies)|wounds?|war scenes?"),
    "self_harm": (r"suicide|suicidal|self[- ]?harm|self[- ]?harming|self[- ]?injury|overdoses?|eating disorders?|"
                  r"pro-?ana|anorexia|bulimia"),
    "weapons": r"weapons?|guns?|firearms?|rifles?|pistols?|bombs?|explosives?|explosions?|ammo|ammunition|knives|knife",
    "hate": (r"hate|hateful|hatred|racism|racist|bigotry|bigoted|slurs?|propaganda|extremism|extremist|nazis?|"
             r"terrorism|terrorists?"),
    "likeness": r"deep ?fakes?",
}
_TOPIC = "(?:" + "|".join(TOPICS.values()) + ")"
_CATEGORY_OF = [(category, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for category, words in TOPICS.items()]
# Neutral words that may stand between the negation and its topic.
_FILLER = (r"(?:a|an|the|any|some|about|really|on-?screen|shown|kind of|sort of|type of|trace of|hint of|sign of|"
           r"signs of|of|at all|in any way|remotely)")
# Words that may follow it and belong to it ("not a suicide scene", "no sex shown", "no gore at all").
_AFTER = (r"(?:scenes?|videos?|clips?|content|footage|stuff|films?|movies?|things?|vibes?|themes?|imagery|images|"
          r"shots?|elements?|involved|implied|depicted|shown|on screen|onscreen|here|at all|please|whatsoever|"
          r"of any kind)")
_NEGATOR = (
    r"(?:not|no|never|without|nothing|zero|none|minus|avoid|avoiding|skip|skipping|instead of|rather than|"
    r"free of|isn'?t|aren'?t|wasn'?t|"
    r"(?:do not|don'?t|dont|please don'?t|shouldn'?t|won'?t|will not|must not|mustn'?t) "
    r"(?:show|include|depict|film|add|use|feature|want|need)(?: any)?)"
)
_ONE = rf"(?:\s+{_FILLER}){{0,3}}\s+{_TOPIC}(?:\s+{_AFTER})?"
# The list goes on only with the negation repeated ("no nudity, no sex shown") or after "or" / "nor".
_MORE = (rf"(?:\s*[,/;]?\s*(?:(?:and|&)\s+)?(?:no|not|nor|without|never)(?:\s+{_FILLER}){{0,2}}|\s+(?:or|nor))"
         rf"\s+{_TOPIC}(?:\s+{_AFTER})?")
_NEGATED = re.compile(rf"\b{_NEGATOR}{_ONE}(?:{_MORE}){{0,6}}\b|\bnon-?{_TOPIC}\b|\b{_TOPIC}-free\b", re.IGNORECASE)
# A negation that does not negate: a question ("why not a beheading"), a double negation ("not a single frame
# without beheadings", "never free of gore", "can't not show"), a condition.
_NOT_A_NEGATION_AFTER = re.compile(
    r"(?:\b(?:why|can'?t|cannot|couldn'?t|if|unless|not|no|never|nothing|without|nobody|none)\b|n't)"
    r"(?:\W+\w+){0,3}\W*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{3,}")
MIN_WORDS_LEFT = 3


@dataclass(frozen=True)
class NegatedReading:
    text: str  # the prompt without its negated topics
    categories: frozenset[str]  # the screening categories of the topics taken out


def negated_reading(text: str) -> NegatedReading | None:
    """The prompt without the harm topics it negates, or None when it negates none (or too little would be left)."""
    spans = [m for m in _NEGATED.finditer(text)
             if not _NOT_A_NEGATION_AFTER.search(text[max(0, m.start() - 40):m.start()])]
    if not spans:
        return None
    pieces, at = [], 0
    for m in spans:
        pieces.append(text[at:m.start()])
        at = m.end()
    pieces.append(text[at:])
    left = re.sub(r"\s{2,}", " ", " ".join(pieces)).strip()
    if len(_WORD.findall(left)) < MIN_WORDS_LEFT:
        return None
    removed = " ".join(m.group(0) for m in spans)
    categories = frozenset(category for category, words in _CATEGORY_OF if words.search(removed))
    return NegatedReading(left, categories)


def is_topic(word: str) -> bool:
    """Is `word` (a rule's match) one of the negatable topics itself ("porn", "suicide", "self harm")?"""
    return re.fullmatch(_TOPIC, word.strip(), re.IGNORECASE) is not None
