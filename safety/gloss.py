"""Word-by-word English glosses of romanised prompts, for the sentence encoders.

The encoders read English well and romanised writing (Pinyin without tones, romaji, romanised Korean,
Hinglish, Arabizi, Russian translit, ...) badly: "jiao ru he yong chang jian dong xi zuo cheng zha dan" is
syllables to them. A prompt read as ROMANISED (`safety.classifier.language_group`), or as English or another
language when a glossary knows most of it, is also read glossed: each word a glossary knows is replaced by its English
gloss, particles the glossary drops are dropped, and the words it does not know are left as they are ("teach
how use common things make bomb"). The romanised head scores that reading beside the prompt's own, and a
category's probability is the higher of the two (safety/screening.py; `safety.classifier.screen_group`); the
head learned the glossed readings of its training rows (`safety.classifier.train`).

The glossaries are `safety/glossary/<code>.tsv`, one per language (`key<TAB>gloss`, `#` comments), written
by hand from the languages (their README). A key is lower case, may be several words (a word written
syllable by syllable); it also matches written joined or with hyphens. A `-` gloss drops the word. A line
`-ending<TAB>-ending` is an inflection: a word with the first ending is read as the key the second one makes in its
place (Korean and Japanese verb forms read back to their dictionary forms). The
prompt is glossed with the one glossary that knows most of its words, when that one knows enough of them:
romanisations share spellings ("dan", "mar", "shi"), and one language's reading of another's words is
noise. Text the language identifier reads as English or another language (not as romanised) needs more of its words
known. The rules read a glossed prompt's reviewed everyday words that alone meet one as their gloss, where the gloss
alone meets none (`safety.screening.read_by_glossary`, `GLOSSED_EVERYDAY_WORDS`; `Glossary.reread`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

GLOSSARY_DIR = Path(__file__).resolve().parent / "glossary"
DROP = "-"
# The version of how text is read (the matcher's rules, not the glossaries' contents): the romanised head learned
# the glossed readings, so the weights' fingerprint names it; bump it with any change here that changes a reading
# or which texts are glossed (`safety.classifier.glossed_reading`), then retrain. 3: text read as English is glossed.
READING = 3
# Longest key, in words, looked for at each position.
MAX_KEY_WORDS = 4
# A glossary is used only when it knows at least this share of the prompt's words, and this many of them.
MIN_SHARE = 0.4
MIN_KNOWN = 2
# Text the language identifier reads confidently as another language needs more: a Spanish "perros adoptados en la
# playa" shares two short words with Tamil's glossary.
OTHER_MIN_SHARE = 0.6
# A word is split into a known stem and a dropped ending ("jangmyeoneul" = "jangmyeon" + "eul") only when the stem
# has at least this many letters; an inflection only when the key it makes has at least this many (its stem may be
# one letter: "chigo" = "chi" + "go", read as "chi da").
MIN_STEM = 3

_TOKEN = re.compile(r"[\w'’-]+")
_APOSTROPHES = str.maketrans("", "", "'’")


def _key(text: str) -> str:
    return " ".join(text.casefold().translate(_APOSTROPHES).replace("-", " ").split())


@dataclass(frozen=True)
class Glossary:
    """One language's glosses: `entries` by key (words joined by one space), `joined` the multi-word keys written
    without spaces, `endings` the dropped keys of one word (particles, case endings), longest first, and
    `inflections` the verb endings a word is read back to its dictionary form by: ending -> the dictionary-form
    endings put in its place, tried in order ("neun" -> ("da",): "jugineun" is read as the key "ju gi da")."""

    code: str
    entries: dict[str, str]
    joined: dict[str, str]
    endings: tuple[str, ...]
    inflections: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def parse(cls, code: str, text: str) -> Glossary:
        entries: dict[str, str] = {}
        inflections: dict[str, list[str]] = {}
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
                raise ValueError(f"glossary {code}, line {number}: expected key<TAB>gloss, got {line!r}")
            left, right = parts[0].strip(), parts[1].strip()
            if left.startswith("-") != (right.startswith("-") and right != DROP):
                raise ValueError(f"glossary {code}, line {number}: an inflection is -ending<TAB>-ending and a key "
                                 f"neither starts with '-' nor has a gloss that does, got {line!r}")
            if left.startswith("-"):
                ending, form = left[1:].casefold(), right[1:].casefold()
                if not ending.isalpha() or not form.isalpha():
                    raise ValueError(f"glossary {code}, line {number}: an inflection is -ending<TAB>-ending, "
                                     f"letters only, got {line!r}")
                forms = inflections.setdefault(ending, [])
                if form not in forms:
                    forms.append(form)
                continue
            entries.setdefault(_key(left), right)
        joined = {k.replace(" ", ""): k for k in entries if " " in k}
        endings = tuple(sorted((k for k, g in entries.items() if g == DROP and " " not in k), key=len, reverse=True))
        return cls(code, entries, {j: k for j, k in joined.items() if j not in entries}, endings,
                   {e: tuple(forms) for e, forms in inflections.items()})

    def _key_of(self, written: str) -> str | None:
        """The key a run of letters written without spaces is: itself, or a multi-word key written joined."""
        return written if written in self.entries else self.joined.get(written)

    def _word(self, word: str) -> str | None:
        """The key one written word stands for: itself, a multi-word key written joined or hyphenated, a known
        stem with a dropped ending, or a verb form read back to a known dictionary form; None when unknown."""
        if (key := self._key_of(word)) is not None:
            return key
        for size in self.ending_sizes:
            stem = word[:-size]
            if len(stem) >= MIN_STEM and word[-size:] in self.ending_set and (key := self._key_of(stem)) is not None:
                return key
        best: str | None = None  # the longest key an inflection makes (on a tie, the longer ending, then file order)
        for size in self.inflection_sizes:
            stem = word[:-size]
            for form in self.inflections.get(word[-size:], ()) if stem else ():
                made = stem + form
                if (len(made) >= MIN_STEM and (best is None or len(made) > len(best))
                        and self._key_of(made) is not None):
                    best = made
        return None if best is None else self._key_of(best)

    @cached_property
    def longest(self) -> dict[str, int]:
        """The most words of a key starting with each first word (a word that starts no multi-word key costs one
        lookup)."""
        longest: dict[str, int] = {}
        for key in self.entries:
            first, size = key.split(" ", 1)[0], key.count(" ") + 1
            longest[first] = max(longest.get(first, 1), size)
        return longest

    @cached_property
    def ending_set(self) -> frozenset[str]:
        return frozenset(self.endings)

    @cached_property
    def ending_sizes(self) -> tuple[int, ...]:
        """The dropped endings' lengths, longest first (one word has one ending of each length to look up)."""
        return _lengths(self.endings)

    @cached_property
    def inflection_sizes(self) -> tuple[int, ...]:
        """The inflections' ending lengths, longest first."""
        return _lengths(self.inflections)

    def readings(self, text: str, spans: list[tuple[int, int, str]] | None = None
                 ) -> list[tuple[int, int, int, str | None]]:
        """How the glossary reads the text's words, in order: (start, end, words taken, gloss or None when it does
        not know them). `spans`: the text's words (`words`), when the caller has them."""
        spans = words(text) if spans is None else spans
        found: list[tuple[int, int, int, str | None]] = []
        i = 0
        while i < len(spans):
            gloss: str | None = None
            taken = 1
            first = spans[i][2].split(" ", 1)[0]
            for size in range(min(MAX_KEY_WORDS, len(spans) - i, self.longest.get(first, 1)), 0, -1):
                key = " ".join(s[2] for s in spans[i:i + size])
                if key in self.entries:
                    gloss, taken = self.entries[key], size
                    break
            if gloss is None:
                key = spans[i][2]
                whole = self._word(key.replace(" ", ""))
                parts = key.split(" ")  # a hyphenated word: its parts, each known or kept
                known = [self._word(p) for p in parts] if whole is None and len(parts) > 1 else []
                if whole is not None:
                    gloss = self.entries[whole]
                elif any(k is not None for k in known):
                    gloss = " ".join(self.entries[k] if k is not None else p for k, p in zip(known, parts, strict=True)
                                     if k is None or self.entries[k] != DROP) or DROP
            found.append((spans[i][0], spans[i + taken - 1][1], taken, gloss))
            i += taken
        return found

    def read(self, text: str, spans: list[tuple[int, int, str]] | None = None) -> tuple[str, int, int]:
        """(the text glossed, words known, words in all). `spans`: the text's words (`words`), when the caller has
        them."""
        read = self.readings(text, spans)
        glossed = _put(text, [(start, end, gloss) for start, end, _, gloss in read if gloss is not None])
        return glossed, sum(taken for *_, taken, gloss in read if gloss is not None), sum(r[2] for r in read)

    def reread(self, text: str, replace: Callable[[str, str], bool]) -> str:
        """`text` with the words the glossary reads put as their gloss where `replace(written, gloss)` holds, the
        others (and the endings it drops) as written."""
        return _put(text, [(start, end, gloss) for start, end, _, gloss in self.readings(text)
                           if gloss is not None and gloss != DROP and replace(text[start:end], gloss)])


def _put(text: str, glosses: list[tuple[int, int, str]]) -> str:
    """`text` with each (start, end, gloss) span put as its gloss (a DROP gloss drops it), spaces collapsed."""
    out: list[str] = []
    position = 0
    for start, end, gloss in glosses:
        out.append(text[position:start])
        if gloss != DROP:
            out.append(gloss)
        position = end
    out.append(text[position:])
    return " ".join("".join(out).split())


def _lengths(endings: Iterable[str]) -> tuple[int, ...]:
    return tuple(sorted({len(e) for e in endings}, reverse=True))


def words(text: str) -> list[tuple[int, int, str]]:
    """The text's words: (start, end, key as a glossary spells keys)."""
    spans = [(m.start(), m.end(), _key(m.group())) for m in _TOKEN.finditer(text)]
    return [s for s in spans if s[2]]


_lock = threading.Lock()
_glossaries: tuple[Glossary, ...] | None = None


def glossaries() -> tuple[Glossary, ...]:
    """The shipped glossaries, read once per process."""
    global _glossaries
    with _lock:
        if _glossaries is None:
            _glossaries = tuple(Glossary.parse(path.stem, path.read_text(encoding="utf-8"))
                                for path in sorted(GLOSSARY_DIR.glob("*.tsv")))
        return _glossaries


def key_of(written: str) -> str:
    """A written word or phrase as a glossary spells its keys (lower case, hyphens as spaces, no apostrophes)."""
    return " ".join(span[2] for span in words(written))


def by_code(code: str) -> Glossary:
    """The shipped glossary of language `code`."""
    return next(g for g in glossaries() if g.code == code)


def gloss(text: str, available: tuple[Glossary, ...] | None = None, min_share: float = MIN_SHARE
          ) -> tuple[str, str] | None:
    """(glossary code, the text glossed) by the glossary that knows most of its words, or None when none knows
    `min_share` of them and MIN_KNOWN at least, or the glossed text is the text."""
    best: tuple[int, str, str] | None = None
    spans = words(text)
    for glossary in glossaries() if available is None else available:
        glossed, known, count = glossary.read(text, spans)
        if known >= MIN_KNOWN and known >= min_share * count and (best is None or known > best[0]):
            best = (known, glossary.code, glossed)
    if best is None or best[2] == " ".join(text.split()):
        return None
    return best[1], best[2]
