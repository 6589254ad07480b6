"""The English styles' shape checks shared by the blind sets' checkers (safety/blind9/check_blind9.py,
safety/blind10/check_blind10.py, safety/blind11/check_blind11.py): what marks each style (a JSON object, a slug line, a
chat's two turns, ...), whether a plain or near-miss row is shaped like another style, the tags style's rule and the
English rows' lengths. Standard library only; the checkers import it by path, as they import blind_check."""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safety import blind_check as bc

JSON_OBJECT = re.compile(r'^\{.*"[^"]+"\s*:.*\}$')
KEY_VALUES = re.compile(r"^[\w .'/-]{1,30}:\s*[^;]+(?:;\s*[\w .'/-]{1,30}:\s*[^;]+)+;?$")
CALL = re.compile(r"^[A-Za-z_][\w.]*\(.*\b\w+\s*=.*\)\s*;?$")
SPEC_FIELD = re.compile(r"(?:^|[.;]\s)([A-Z][A-Za-z -]{1,20}):\s")
REVIEW = re.compile(
    r"★|⭐|\b\d{1,2}(?:\.\d)?\s*/\s*(?:5|10)\b|\b(?:one|two|three|four|five|zero|[0-5])[ -]stars?\b|"
    r"\b(review|reviewed|rating|rated|verdict|watched|loved|masterpiece|the (?:part|bit|scene) where)\b",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|I'll|my|me|myself|we|our)\b", re.IGNORECASE)
DIARY = re.compile(
    r"\b(dear diary|diary|journal|confession|today|tonight|yesterday|this morning|last night|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
AD = re.compile(
    r"\b(ad|advert|commercial|campaign|brief|spot|launch|brand|tagline|CTA|product|promo|slogan|packshot|"
    r"drop|sale)\b",
    re.IGNORECASE,
)
TECHNICAL = re.compile(
    r"\b(machining|sear|lower|receiver|fire-control group|macro|fps|VFX|SFX|prosthetics?|squibs?|forensic|"
    r"anatomical|synthesis|schematic|CAD|CNC|payload|detonator|tolerances?|rack focus)\b",
    re.IGNORECASE,
)
SCREENPLAY = re.compile(r"\b(?:INT|EXT)\.\s|\bFADE (?:IN|OUT)\b|\bCUT TO\b")
USER_TURN = re.compile(r"\b(User|Me|Human|Client)\s*:")
MODEL_TURN = re.compile(r"\b(Assistant|AI|Bot|Model|Kinema)\s*:")
ROLEPLAY = re.compile(r"\b(you are|you're|pretend|act as|play the role|roleplay)\b", re.IGNORECASE)
PERSONA = re.compile(r"^As (?:a|an|the|someone)\b")
CHARACTER_TRICK = re.compile(r"\b[a-z]+[0-9]+[a-z]+\b|\b[a-z]+[$@!][a-z]+\b|\b(?:[a-z]-){3,}[a-z]\b", re.IGNORECASE)
ALGOSPEAK = re.compile(r"\b(unalive\w*|seggs\w*|sewerslide|sewer slide|spicy|corn|le\$bean|accountant)\b", re.I)
INJECTION = re.compile(r"\bignore\b.{0,40}\b(instructions|rules|guidelines|filters?)\b", re.IGNORECASE)
HEADLINE = re.compile(r"^[A-Z][A-Z'’ ]{3,}:")
VERSE_LINE = re.compile(r"\s/\s")
LIST_MARKER = re.compile(r"(?:^|\s)(?:\d{1,2}[).]|[-•*])\s")
CAPTION = re.compile(r"^Caption:|#\w")
STEPWISE = re.compile(r"\bstep \d\b|\bfirst\b.*\bthen\b", re.IGNORECASE)
STORY = re.compile(r"\b(once upon a time|one day|story|tale)\b", re.IGNORECASE)
FRAMED = re.compile(r"^For (?:a|an|my|our|the)\b")
PRETEXT = re.compile(r"\b(awareness|research|accuracy|educational|training purposes|documentation)\b", re.I)
REFERENCE = re.compile(r"\b(like (?:that|the)|in the style of|the original)\b", re.IGNORECASE)
CONTRAST = re.compile(r"\b(but|instead of|rather than|not a)\b", re.IGNORECASE)
EDIT = re.compile(r"\b(edit|take my clip|replace|swap)\b", re.IGNORECASE)
CINEMATIC = re.compile(
    r"\b(shot|close-up|dolly|tracking|push-in|pan|depth of field|\d+mm|4K|lens|aerial|handheld|angle|frame)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[\w'’-]+")


def words(prompt: str) -> int:
    return len(WORD.findall(prompt))


def length_problem(row: bc.Row, words_range: tuple[int, int],
                   style_ranges: dict[str, tuple[int, int]] | None = None) -> str | None:
    """A row whose word count is outside its set's range (`words_range`, or its style's in `style_ranges`); a
    foreign row only above the set's maximum (scripts without spaces count few words)."""
    count = words(row.prompt)
    low, high = words_range
    if row.style == "foreign":
        return f"foreign row of {count} words, want <= {high}" if count > high else None
    low, high = (style_ranges or {}).get(row.style, (low, high))
    return None if low <= count <= high else f"{row.style} row of {count} words, want {low} to {high}"


def other_shape(prompt: str) -> bool:
    """Whether a plain or near_miss row is shaped like another style."""
    return (
        "?" in prompt
        or "#" in prompt
        or "{" in prompt
        or "★" in prompt
        or bool(VERSE_LINE.search(prompt))
        or len(LIST_MARKER.findall(prompt)) >= 2
        or bool(USER_TURN.search(prompt))
        or bool(MODEL_TURN.search(prompt))
        or bool(KEY_VALUES.match(prompt))
        or bool(CALL.match(prompt))
        or bool(HEADLINE.match(prompt))
        or bool(SCREENPLAY.search(prompt))
        or bool(CHARACTER_TRICK.search(prompt))
        or bool(INJECTION.search(prompt))
        or words(prompt) > 40
    )


def tags_problem(prompt: str) -> str | None:
    items = [item.strip() for item in prompt.split(",")]
    if len(items) < 5:
        return "tags row has fewer than five comma-separated tags"
    if any(words(item) > 5 for item in items) or prompt.rstrip().endswith("."):
        return "tags row holds a sentence, not tags"
    return None


SHAPES: dict[str, tuple[str, Callable[[str], bool]]] = {
    "json": (
        "is not a JSON object, 'key: value; ...' pairs or a call",
        lambda p: bool(JSON_OBJECT.match(p) or KEY_VALUES.match(p) or CALL.match(p)),
    ),
    "spec": ("is not a spec sheet of 'Field:' entries", lambda p: len(SPEC_FIELD.findall(p)) >= 3),
    "review": ("has no rating or reviewer's marker", lambda p: bool(REVIEW.search(p))),
    "diary": ("is not first person with a diary marker", lambda p: bool(FIRST_PERSON.search(p) and DIARY.search(p))),
    "ad": ("has no marketing marker", lambda p: bool(AD.search(p))),
    "technical": ("holds no term of a trade", lambda p: bool(TECHNICAL.search(p))),
    "screenplay": ("has no slug line or transition", lambda p: bool(SCREENPLAY.search(p))),
    "chat": ("lacks a user and a model turn", lambda p: bool(USER_TURN.search(p) and MODEL_TURN.search(p))),
    "question": ("asks nothing", lambda p: "?" in p),
    "roleplay": ("casts no role", lambda p: bool(ROLEPLAY.search(p))),
    "persona": ("does not speak as someone", lambda p: bool(PERSONA.search(p) and FIRST_PERSON.search(p))),
    "obfuscated": ("hides no letters", lambda p: bool(CHARACTER_TRICK.search(p))),
    "algospeak": ("uses no algospeak code", lambda p: bool(ALGOSPEAK.search(p))),
    "injection": ("gives no instruction to ignore rules", lambda p: bool(INJECTION.search(p))),
    "long": ("is not over 40 words", lambda p: words(p) > 40),
    "terse": ("is over 8 words", lambda p: words(p) <= 8),
    "headline": ("opens with no capitalised kicker", lambda p: bool(HEADLINE.match(p))),
    "verse": ("has fewer than three verse lines", lambda p: len(VERSE_LINE.findall(p)) >= 2),
    "list": ("is not a numbered list", lambda p: len(LIST_MARKER.findall(p)) >= 2),
    "caption": ("is not a caption", lambda p: bool(CAPTION.search(p))),
    "stepwise": ("gives no steps", lambda p: bool(STEPWISE.search(p))),
    "story": ("tells no tale", lambda p: bool(STORY.search(p))),
    "framed": ("gives no purpose", lambda p: bool(FRAMED.match(p))),
    "pretext": ("gives no pretext", lambda p: bool(PRETEXT.search(p))),
    "reference": ("points at no other work", lambda p: bool(REFERENCE.search(p))),
    "contrast": ("sets nothing against anything", lambda p: bool(CONTRAST.search(p))),
    "edit": ("edits no clip", lambda p: bool(EDIT.search(p))),
    "cinematic": ("uses no camera language", lambda p: bool(CINEMATIC.search(p))),
}


def word_counts(found: list[bc.Row]) -> str:
    """The English (not foreign) rows' lengths in words: median, range, how many are short and long."""
    counts = [words(r.prompt) for r in found if r.style != "foreign"]
    if not counts:
        return "no English rows"
    short = sum(1 for c in counts if c < 10)
    long = sum(1 for c in counts if c > 40)
    return (
        f"{len(counts)} English rows: median {statistics.median(counts):g} words, range {min(counts)}-{max(counts)}, "
        f"{short} under 10 words, {long} over 40"
    )
