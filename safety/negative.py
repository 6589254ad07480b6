"""A prompt's negative prompt, as the screen reads it.

A video model takes the negative prompt as what to steer away from. Two things follow for the screen:

- **Harm named in the negative prompt is kept out of the video**, not asked for: "a hamster eating a strawberry.
  Negative prompt: blood, gore" is a harmless prompt. People type that section into the prompt itself, as other
  tools take it ("Negative prompt: ...", "negative_prompt=...", "--no ...", in several languages):
  `split_inline_negative` moves it out of the prompt, the same way for the request (jobs.submission, so the
  model gets it as its negative prompt) and for the screen, which screens what the model will be asked to draw.
- **A safeguard named in the negative prompt is taken away**: "a girl at the beach. Negative: clothes" asks for
  a naked child, "two adults in bed, --no censorship" for an uncensored scene, a sexual scene with "Negative:
  adult, mature" for a childlike one. `screened_text` writes those safeguards back into the prompt the way the
  prompt would say them ("without any clothes", "uncensored", "nsfw", "underage") and the screen reads that, so
  every rule, the minor-signal check and the classifier judge them as if the user had typed them.

A negative prompt's item is a safeguard only when it is one as a whole ("clothes", "(clothing:1.3)", "censor
bars", "adult"), not when it qualifies something else ("ugly clothes", "adult content": keeping adult content
out is the opposite).
"""

from __future__ import annotations

import re
import unicodedata

# The section's name, as people type it (English and the languages whose users ask for videos most), then ":" or
# "=". It starts the prompt's last section: after a line break or a sentence's or list's end.
_MARKERS = (
    r"negative[ _-]?prompts?|negatives?|neg|--neg(?:ative)?|"
    r"prompts? negativos?|prompt negativo|prompt n[eé]gatif|negativ(?:er)? prompt|negatieve prompt|"
    r"prompt negatif|negatif prompt|negatif istem|prompt (?:âm|tiêu cực)|"
    r"негативн(?:ый|ые) промпт|негатив|ネガティブプロンプト|ネガティブ|负面提示词|反向提示词|负向提示词|负面词|"
    r"네거티브 프롬프트|부정 프롬프트|네거티브"
)
_INLINE_NEGATIVE = re.compile(
    rf"(?is)^(?P<prompt>.*?\S)[\s,.;|。，；]*(?:(?<=[\n.;|,。，；])|^)\s*(?:{_MARKERS})\s*[:=：]\s*(?P<negative>\S.*?)\s*$")
# Midjourney's "--no a, b" at the end of the prompt, after a space.
_DASH_NO = re.compile(r"(?is)^(?P<prompt>.*?\S)\s+--no\s+(?P<negative>\S.*?)\s*$")


# An item of a negative section that tells the video what to do ("--no blur, show the wound") is the prompt's, not
# the negative prompt's: it goes back to the prompt.
_INSTRUCTION = re.compile(
    r"(?i)^\s*(?:and |but |then |just |instead |only )*(?:show|shows|showing|make|let|focus|end|ending|keep|zoom|"
    r"include|add|depict|reveal|display|linger|film|render|muestra|mostrar|mostre|mostra|montre|montrer|montrez|"
    r"zeige|zeigen|zeig|покажи|показать)\b")
_SECTION_ITEMS = re.compile(r"[,;\n、，；]+|\s*--no\s+")


def split_inline_negative(prompt: str) -> tuple[str, str]:
    """The prompt without its trailing negative-prompt sections, and their text ("" if none); an item of one that
    tells the video what to do stays in the prompt. A "negative" anywhere else ("a critic writing a negative
    review") is left alone. Splitting what this returns again finds nothing more."""
    negatives: list[str] = []
    for _ in range(8):  # each round takes one section off the end
        found = _INLINE_NEGATIVE.match(prompt) or _DASH_NO.match(prompt)
        if found is None:
            break
        prompt, negative = found.group("prompt").rstrip(" ,.;|。，；"), found.group("negative").strip(" \"'")
        items = [item.strip(" .\"'") for item in _SECTION_ITEMS.split(negative)]
        back = [item for item in items if item and _INSTRUCTION.match(item)]
        if back:
            negative = ", ".join(item for item in items if item and not _INSTRUCTION.match(item))
            prompt = ", ".join([prompt, *back])
        if negative:
            negatives.insert(0, negative)
    return prompt, ", ".join(negatives)


# What a safeguard's absence asks for, written as a prompt would say it; then the items that are that safeguard.
_CLOTHES = ", without any clothes"
_UNCENSORED = ", uncensored"
_NSFW = ", nsfw"
_ADULTS_ONLY = ", for adults only"
_UNDERAGE = ", underage"
_SAFEGUARDS: dict[str, tuple[str, ...]] = {
    _CLOTHES: (  # a garment with alternatives ("skirt", "bikini", "underwear": keep it modest) is not one
        "clothes", "clothing", "clothed", "fully clothed", "dressed", "fully dressed", "garments", "towel",
        "covered", "covered body", "covering", "cover up", "cover-up", "modest", "modesty", "modest clothing",
        # other languages
        "ropa", "vestida", "vestido", "roupa", "roupas", "vêtements", "vetements", "habillée", "habillee",
        "kleidung", "klamotten", "bekleidet", "angezogen", "vestiti", "vestita", "abiti", "одежда", "одежды",
        "одетая", "одяг", "衣服", "服", "着衣", "옷", "의상", "quần áo", "baju", "pakaian", "kıyafet", "kiyafet",
        "giysi", "kleding", "kleren", "kläder", "ubrania", "ubranie", "oblečení", "ملابس", "कपड़े", "ρούχα",
        "בגדים", "لباس",
    ),
    _UNCENSORED: (
        "censor", "censored", "censorship", "censoring", "censors", "censor blur", "censor mosaic", "censor bar",
        "censor bars", "mosaic",
        "mosaic censorship", "pixelated genitals", "black bars over", "blur censor", "blurred genitals",
        "censura", "censure", "zensur", "zensiert", "цензура", "モザイク", "修正", "马赛克", "打码", "모자이크",
        "sansür", "sansur", "sensor", "kiểm duyệt",
    ),
    _NSFW: ("sfw", "safe for work", "non sexual", "non-sexual", "nonsexual", "not sexual"),
    _ADULTS_ONLY: ("family friendly", "family-friendly", "kid friendly", "kid-friendly", "child friendly",
                   "child-friendly", "pg", "pg 13", "pg-13", "g rated", "rated g", "all ages"),
    _UNDERAGE: (
        "adult", "adults", "adult body", "adult bodies", "adult woman", "adult women", "adult man", "adult men",
        "adult face", "adult features", "adult proportions", "grown up", "grown-up", "grown ups", "grown-ups",
        "grown woman", "grown women", "mature", "mature body", "mature woman", "mature face", "mature features",
        "18+", "over 18", "of age", "legal age", "aged 18",
        "adulto", "adulta", "adultos", "adultas", "adulte", "adultes", "erwachsen", "erwachsene", "erwachsener",
        "взрослый", "взрослая", "взрослые", "成人", "大人", "성인", "어른", "người lớn", "dewasa", "yetişkin",
        "volwassen", "volwassene", "vuxen", "vuxna", "dorosły", "dorosła", "بالغ", "वयस्क",
    ),
}
_ITEM_OF: dict[str, str] = {item: phrase for phrase, items in _SAFEGUARDS.items() for item in items}
# Items are separated by commas, semicolons, line breaks, "|", "/" and the word for "and" / "or".
_ITEMS = re.compile(r"[,;|/\n、，；]+|\s*--no\s+|"
                    r"\s+(?:and|or|y|o|e|ou|et|und|oder|и|или|ve|veya|en|och|eller|dan|atau|và|hoặc|oraz|lub)\s+")
_BRACKETS = re.compile(r"[\[\](){}]")
_WEIGHT = re.compile(r":\s*[\d.]+\s*$|^\s*(?:no|any|all|too much|excessive)\s+")


def safeguards(negative: str) -> list[str]:
    """The safeguards a negative prompt takes away, each as the phrase the prompt would say it with, in order."""
    found: list[str] = []
    for raw in _ITEMS.split(unicodedata.normalize("NFKC", negative).casefold()):
        item = " ".join(_WEIGHT.sub(" ", _BRACKETS.sub(" ", raw).strip()).split()).strip(" .!\"'")
        phrase = _ITEM_OF.get(item)
        if phrase is not None and phrase not in found:
            found.append(phrase)
    return found


def read_with_negative(prompt: str, negative: str = "") -> tuple[str, list[str]]:
    """What the screen reads for a prompt and its negative prompt (the request's field and any section typed
    into the prompt): the prompt without its negative section, with the safeguards the negative prompt takes
    away written into it; and those safeguards' phrases (for the verdict's audit)."""
    prompt, inline = split_inline_negative(prompt)
    taken = safeguards(f"{negative}, {inline}" if negative and inline else negative or inline)
    return prompt + "".join(taken), [phrase.lstrip(", ") for phrase in taken]


def screened_text(prompt: str, negative: str = "") -> str:
    return read_with_negative(prompt, negative)[0]
