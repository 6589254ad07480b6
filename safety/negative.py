"""A prompt's negative prompt, as the screen reads it.

A video model takes the negative prompt as what to steer away from. Two things follow for the screen:

- **Harm named in the negative prompt is kept out of the video**, not asked for: "a hamster eating a strawberry.
  Negative prompt: blood, gore" is a harmless prompt. People type that section into the prompt itself, as other
  tools take it ("Negative prompt: ...", "Avoid: ...", "Exclude: ...", "--no ...", in 26 languages):
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
# "=": "Negative prompt:", "Avoid:", "Exclude:", "Do not include:", "Evitar:", "Negativ:", "제외:", "避免："... It
# is the prompt's last section (after a line break, a sentence's or list's end, "|" or "//"), or a bracketed one
# anywhere ("(avoid: crowds)").
_MARKERS = (
    r"negative[ _-]?prompts?|negatives?|neg|--neg(?:ative)?|avoid|avoiding|things to avoid|exclude|excluding|"
    r"exclusions?|do not include|don'?t include|do not show|don'?t show|leave out|things to leave out|not wanted|"
    r"unwanted|without|"
    # Spanish, Portuguese, French, Italian, Romanian
    r"prompts? negativos?|prompt negativo|negativos?|evitar|evita|evite|excluir|no incluir|não incluir|nao incluir|"
    r"sin|sem|prompt n[eé]gatif|n[eé]gatif|[àa] [ée]viter|[ée]viter|exclure|sans|da evitare|evitare|escludere|"
    r"senza|evită|evitati|evitați|fără|fara|"
    # German, Dutch, Swedish, Polish, Czech
    r"negativ(?:er)? prompt|negativ|vermeiden|vermeide|ohne|ausschlie(?:ß|ss)en|nicht zeigen|negatieve prompt|"
    r"negatief|vermijd|vermijden|zonder|uitsluiten|undvik|utan|negatywny|negatywne|unikaj|unikać|wyklucz|bez|"
    r"vyhnout se|"
    # Turkish, Indonesian, Malay, Vietnamese, Swahili
    r"negatif prompt|negatif istem|negatif|kaçın|kaçınılacaklar|hariç|olmasın|prompt negatif|hindari|hindarkan|"
    r"elakkan|tanpa|kecualikan|prompt (?:âm|tiêu cực)|tránh|không có|loại trừ|không bao gồm|epuka|bila|"
    # Russian, Ukrainian, Greek, Hebrew, Arabic, Persian, Hindi, Bengali, Tamil, Thai
    r"негативн(?:ый|ые) промпт|негатив|избегать|избегай|исключить|исключи|без|уникати|уникай|виключити|"
    r"αποφυγή|να αποφευχθεί|χωρίς|αρνητικό|הימנע|להימנע|הימנעו|ללא|בלי|تجنب|بدون|استبعاد|اجتناب|پرهیز|"
    r"बचें|बिना|शामिल न करें|নেগেটিভ|এড়িয়ে চলুন|বাদ দিন|ছাড়া|தவிர்க்க|หลีกเลี่ยง|ไม่เอา|ห้ามมี|"
    # Japanese, Chinese, Korean
    r"ネガティブプロンプト|ネガティブ|避ける|避けて|除外|なし|负面提示词|反向提示词|负向提示词|负面词|负面|避免|排除|不要|"
    r"네거티브 프롬프트|부정 프롬프트|네거티브|제외|피할 것|피해야 할 것|없이|금지"
)
# Found by a forward search, not a lazy match anchored at the end: on 4,000 characters of spaces that took half a
# second (tests/test_rules_linear_time.py).
_SECTION = re.compile(rf"(?i)[\n.;|,/!?。，；！？]\s*(?:{_MARKERS})\s*[:=：]\s*(?=\S)")
_BRACKETED = re.compile(rf"(?i)[(\[（]\s*(?:{_MARKERS})\s*[:=：](?P<negative>[^()\[\]（）]*)[)\]）]")
# Midjourney's "--no a, b" at the end of the prompt, after a space.
_DASH_NO = re.compile(r"(?i)\s--no\s+(?=\S)")
_SEPARATORS = " \t\n\r,.;:|/!?。，；！？"
_SPACES = re.compile(r"[ \t]{2,}")


def _trailing_section(prompt: str) -> tuple[str, str] | None:
    """The prompt before its first negative section that has something before it, and that section's text."""
    for pattern in (_SECTION, _DASH_NO):
        for found in pattern.finditer(prompt):
            before = prompt[:found.start()].rstrip(_SEPARATORS)
            if before and before[-1] not in "([（":
                return before, prompt[found.end():].strip()
    return None


# An item of a negative section that tells the video what to do ("--no blur, show the wound") is the prompt's, not
# the negative prompt's: it goes back to the prompt.
_INSTRUCTION = re.compile(
    r"(?i)^\s*(?:and |but |then |just |instead |only )*(?:show|shows|showing|make|let|focus|end|ending|keep|zoom|"
    r"include|add|depict|reveal|display|linger|film|render|muestra|mostrar|mostre|mostra|montre|montrer|montrez|"
    r"zeige|zeigen|zeig|покажи|показать)\b")
_SECTION_ITEMS = re.compile(r"[,;\n、，；]+|(?<!\S)--no\s+")


def _sorted_out(prompt: str, negative: str) -> tuple[str, str]:
    """A section's items that tell the video what to do go back to the prompt."""
    items = [item.strip(" .\"'") for item in _SECTION_ITEMS.split(negative)]
    back = [item for item in items if item and _INSTRUCTION.match(item)]
    if not back:
        return prompt, negative
    return ", ".join([prompt, *back]), ", ".join(item for item in items if item and not _INSTRUCTION.match(item))


def split_inline_negative(prompt: str) -> tuple[str, str]:
    """The prompt without its negative-prompt sections (bracketed ones anywhere, then the trailing ones), and their
    text ("" if none); an item of one that tells the video what to do stays in the prompt. A "negative" or an
    "avoid" anywhere else ("a critic writing a negative review", "avoid the crowds by going early") is left alone.
    Splitting what this returns again finds nothing more."""
    negatives: list[str] = []
    bracketed = [found.group("negative") for found in _BRACKETED.finditer(prompt)]
    rest = _SPACES.sub(" ", _BRACKETED.sub(" ", prompt)).strip()
    if bracketed and rest:
        prompt = rest
        for negative in bracketed:
            prompt, negative = _sorted_out(prompt, negative.strip(" \"'"))
            if negative:
                negatives.append(negative)
    trailing: list[str] = []
    for _ in range(8):  # each round takes one section off the end
        found = _trailing_section(prompt)
        if found is None:
            break
        prompt, negative = _sorted_out(found[0], found[1].strip(" \"'()[]（）"))
        if negative:
            trailing.insert(0, negative)
    return prompt, ", ".join(negatives + trailing)


# What a safeguard's absence asks for, written as a prompt would say it; then the items that are that safeguard.
_CLOTHES = ", without any clothes"
_UNCENSORED = ", uncensored"
_GRAPHIC = ", shown graphically, uncut"
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
    _GRAPHIC: (  # blur alone ("blur", "flou", "bulanıklık") is as often a picture's quality as a safeguard: not one
        "blurred out", "censor blur", "cutaway", "cutaways", "cut away", "cutting away", "cut scenes", "off-screen",
        "offscreen", "off screen", "fade to black", "implied violence", "suggestion only",
        "монтажная склейка", "монтажную склейку", "монтажные склейки", "за кадром", "컷 전환", "화면 밖 처리",
        "화면 밖", "暗転", "画面外", "镜头切换", "画面外处理",
        "fuera de cámara", "fuera de plano", "fora de cena", "hors champ", "fuori campo", "cắt cảnh",
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
_ITEMS = re.compile(r"[,;|/\n、，；]+|(?<!\S)--no\s+|"
                    r"(?<!\s)\s+(?:and|or|y|o|e|ou|et|und|oder|и|или|ve|veya|en|och|eller|dan|atau|và|hoặc|oraz|lub)\s+")
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
