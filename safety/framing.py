"""The request framing around a video prompt ("make a video of", "a short clip showing", "haz un vídeo de"),
taken off before the prompt is screened.

On a video platform the framing says nothing about the content, but it moves the sentence embeddings: "a video
of two people walking in the park" sat at 0.56 cosine from the sexual exemplar "adult video of a couple in
intimate positions" (over its 0.52 threshold) because both hold "video of", and "make a video: a 10 year old
singing in a school choir" moved enough in the classifier's space to be refused (its template rows carry
framing only when they are harmful, so it had learned the framing as a sign of harm). The screen's sentence
encoders (safety/screening.py: the prompt's side of the exemplars' similarities, the classifier) read prompts
without it; the rules and the search for named people read the prompt as written ("realistic" is a rule's word, and a
capitalised word is only a name's sign away from the start of the sentence). The classifier's training does
not strip it: retrained on unframed rows it did no better on the tuning split and refused three of the suite's
near misses (docs/benchmarks.md, fifth pass), so the committed weights are the earlier ones, which read the
unframed prompt as they read any unframed row.

Only neutral framing is taken off: a request verb, an article, size, length and genre words ("short", "10 second",
"wedding", "vlog") and the medium noun followed by "of", "showing", "where", a colon... In English a medium word
that carries meaning ("adult video", "snuff film", "sex tape", "music video") is not in the list, so such a prompt
is kept whole; words that describe the content ("realistic", "4k") are not taken off. In Spanish, French,
Portuguese and Italian a qualifier follows the noun ("un video de adultos") and stays in what is left. Once, at the
start; a prompt that would be left with nothing is kept whole too. The pattern has no nested repetition over the
same characters: its cost is linear in the prompt's length."""

from __future__ import annotations

import re

_LENGTH = r"(?:\d+(?:[.,]\d+)?[ -]?(?:s|sec|secs|second|seconds|min|mins|minute|minutes)(?:[- ]long)?)"
_ADJECTIVE = (r"(?:short|quick|little|brief|small|simple|new|nice|cool|cute|fun|funny|beautiful|cinematic|"
              r"home|family|holiday|vacation|travel|wedding|birthday|vlog|phone|drone|tiktok|youtube|instagram|"
              r"animated|vertical|horizontal|looping|slow[- ]motion|" + _LENGTH + r")")
_MEDIUM = r"(?:video|vid|clip|film|movie|animation|footage|reel|sequence)s?"
_LINK = (r"(?:\s+(?:of|showing|that shows|which shows|where|in which|about|featuring|with|depicting)\b"
         r"|\s*:|\s+[-–—])")
_ENGLISH = (
    r"(?:(?:please|pls|plz|hey|hi|ok|okay)[\s,!.]+)?"
    r"(?:(?:can|could|would|will) you(?: please)?\s+|i (?:want|need|would like|'d like|wanna)(?: you to)?\s+|"
    r"let'?s\s+)?"
    r"(?:(?:make|create|generate|render|produce|do|give|show|animate|film|shoot|build)(?: me| us)?\s+)?"
    r"(?:(?:a|an|the|one|some|my)\s+)?"
    r"(?:" + _ADJECTIVE + r"[\s,]+){0,3}" + _MEDIUM + _LINK
)
# The same in the five other languages the rules read most: a verb (optional), an article and the medium noun,
# then its "of" / "where" / colon.
_OTHER = (
    r"(?:(?:haz|hazme|crea|créame|creame|genera|genérame|generame)\s+)?(?:un|una)\s+(?:video|vídeo|clip|"
    r"cortometraje|animación|animacion)\s+(?:corto\s+)?(?:de|sobre|con|donde|en el que|en la que|que muestre|:)"
    r"|(?:(?:fais|faites|fais-moi|crée|crée-moi|génère|génère-moi)\s+)?(?:une|un)\s+(?:courte\s+)?(?:vidéo|video|"
    r"clip|film|animation)\s+(?:courte\s+)?(?:de|d'|sur|avec|où|montrant|qui montre|:)"
    r"|(?:(?:mach|mache|erstelle|erstell|generiere|zeig)(?: mir)?\s+)?(?:ein|eine|einen)\s+(?:kurzes\s+)?"
    r"(?:video|clip|film|animation)\s+(?:von|über|mit|wo|in dem|das zeigt|:)"
    r"|(?:(?:faça|faz|crie|cria|gere|gera)(?:-me)?\s+)?(?:um|uma)\s+(?:vídeo|video|clipe|filme|animação)\s+"
    r"(?:curto\s+)?(?:de|do|da|sobre|com|onde|mostrando|que mostre|:)"
    r"|(?:(?:fai|fammi|crea|creami|genera|generami)\s+)?(?:un|una)\s+(?:video|clip|filmato|animazione)\s+"
    r"(?:breve\s+)?(?:di|del|della|su|con|dove|che mostra|in cui|:)"
)
_FRAMING = re.compile(r"^[\s\"'“‘«]*(?:" + _ENGLISH + r"|" + _OTHER + r")[\s,:]*", re.IGNORECASE)
# What must be left for the framing to come off: at least one word of two letters (or a CJK character).
_LEFT = re.compile(r"\w\w|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def without_framing(prompt: str) -> str:
    """`prompt` without its leading request framing (see the module's docstring), else as it is."""
    match = _FRAMING.match(prompt)
    if match is None or not match.group(0).strip():
        return prompt
    rest = prompt[match.end():]
    return rest if _LEFT.search(rest) else prompt
