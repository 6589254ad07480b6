"""The cheap rule pass on prompts: normalisation against trivial evasion, then word rules per category.

Runs in the request (refuse the obvious at once) and again in the screening stage. The category is
what the user is told; the rule that fired is recorded for audit only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})

# Category -> patterns over the normalised prompt (word boundaries added). Deliberately narrow:
# the embedding and model stages catch paraphrases; rules must not produce false positives.
RULES: dict[str, list[str]] = {
    "sexual_minors": [r"child (porn|sex)\w*",
                      r"(nude|naked|sexual|sexy|erotic) (child|children|kid|kids|minor|minors|teen|teens)",
                      r"(child|children|kid|kids|minor|minors|underage) (nude|naked|sex|sexual|erotic)\w*",
                      r"loli\w*", r"cp porn", r"pedo\w*"],
    "sexual": [r"porn\w*", r"hardcore sex", r"explicit sex\w*", r"xxx"],
    "self_harm": [r"(how to )?(commit|committing) suicide", r"slit(ting)? (my|her|his) wrists?"],
    "violence": [r"behead\w*", r"dismember\w*", r"gore"],
    "hate": [r"(kill|exterminate) all (jews|muslims|christians|blacks|whites|gays)"],
    "weapons": [r"(build|make) (a )?(pipe )?bomb", r"3d print(ed)? (gun|rifle)"],
}
_COMPILED = {cat: [re.compile(rf"\b{p}\b") for p in pats] for cat, pats in RULES.items()}


def normalise(text: str) -> str:
    """Fold case, Unicode confusables (NFKC + accents stripped), leetspeak and spaced-out letters."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().translate(LEET)
    text = re.sub(r"[^a-z0-9\s]", " ", text)
    # "p o r n" -> "porn": join runs of single letters.
    text = re.sub(r"\b(?:[a-z] ){2,}[a-z]\b", lambda m: m.group(0).replace(" ", ""), text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class RuleVerdict:
    blocked: bool
    category: str = ""
    rule: str = ""


def check_prompt(*texts: str) -> RuleVerdict:
    norm = normalise(" . ".join(t for t in texts if t))
    for category, patterns in _COMPILED.items():
        for pattern in patterns:
            if pattern.search(norm):
                return RuleVerdict(True, category, pattern.pattern)
    return RuleVerdict(False)
