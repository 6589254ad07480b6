"""A prompt's negative prompt, as the screen reads it.

A video model takes the negative prompt as what to steer away from. Two things follow for the screen:

- **Harm named in the negative prompt is kept out of the video**, not asked for: "a hamster eating a strawberry.
  Negative prompt: blood, gore" is a harmless prompt. People type that section into the prompt itself, as other
  tools take it ("Negative prompt: ...", "Avoid: ...", "Exclude: ...", "--no ...", in 26 languages):
  `split_inline_negative` moves it out of the prompt at submission (jobs.submission: the model gets it as its
  negative prompt). The screen screens what the model will be asked to draw: a job's prompt as stored, or a text
  as typed (an evaluation row) split the same way. An item that tells the video what to do ("--no blur, show the
  wound") is read with the prompt.
- **A safeguard named in the negative prompt is taken away**: "a girl at the beach. Negative: clothes" asks for
  a naked child, "two adults in bed, --no censorship" for an uncensored scene, a sexual scene with "Negative:
  adult body, 18+" for a childlike one. `read_with_negative` writes those safeguards into the screened text the
  way the prompt would say them ("without any clothes", "uncensored", "nsfw", "underage"), so every rule, the
  minor-signal check and the classifier judge them as if the user had typed them.

An item is a safeguard only as a whole ("censor bars", "(clothing:1.3)"; clothing also word by word among other
garments and small words: "clothes underwear swimsuit"), not when something qualifies it ("ugly clothes"), negates
it ("no clothes": keep them on) or it means something else ("adult content", "adult" or "family friendly" alone:
keeping adult content out is the opposite).
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
# Found by forward searches, not a lazy match anchored at the end (on 4,000 characters of spaces that took half a
# second); after the separator only spaces and tabs, so a run of line breaks is not rescanned at each of them.
_SECTION = re.compile(rf"(?i)(?:[\n.;|,!?。，；！？]|(?<=\s)//)[^\S\n]*(?:{_MARKERS})\s*[:=：]\s*(?=\S)")
_BRACKETED = re.compile(rf"(?i)[(\[（][^\S\n]*(?:{_MARKERS})\s*[:=：](?P<negative>[^()\[\]（）]*)[)\]）]")
# Midjourney's "--no a, b" at the end of the prompt, after a space.
_DASH_NO = re.compile(r"(?i)\s--no\s+(?=\S)")
_SEPARATORS = " \t\n\r,.;:|/!?。，；！？"
_SPACES = re.compile(r"[ \t]{2,}")
_MAX_BRACKET_ROUNDS = 16


def _first_section(prompt: str) -> tuple[str, str] | None:
    """The prompt before its first negative section that has something before it, and all that follows it."""
    for found in sorted((m for pattern in (_SECTION, _DASH_NO) for m in pattern.finditer(prompt)),
                        key=lambda m: m.start()):
        before = prompt[:found.start()].rstrip(_SEPARATORS)
        if before and before[-1] not in "([（":
            return before, prompt[found.end():].strip(" \t\n\r\"'()[]（）")
    return None


def split_inline_negative(prompt: str) -> tuple[str, str]:
    """The prompt the model is asked to draw, without its negative-prompt sections (bracketed ones anywhere, then
    the first trailing one and all that follows it), and their text ("" if none). A "negative" or an "avoid"
    anywhere else ("a critic writing a negative review", "avoid the crowds by going early") is left alone.
    Splitting what this returns again finds nothing more (nested brackets deeper than 16 are not split at all)."""
    negatives: list[str] = []
    rest = prompt
    for _ in range(_MAX_BRACKET_ROUNDS):
        found = [m.group("negative").strip(" \"'") for m in _BRACKETED.finditer(rest)]
        if not found:
            break
        negatives += [negative for negative in found if negative]
        rest = _SPACES.sub(" ", _BRACKETED.sub(" ", rest)).strip()
    else:
        if _BRACKETED.search(rest):
            return prompt, ""
    if not rest:
        return prompt, ""
    trailing = _first_section(rest)
    if trailing is not None:
        rest = trailing[0]
        if trailing[1]:
            negatives.append(trailing[1])
    return rest, ", ".join(negatives)


# What a safeguard's absence asks for, written as a prompt would say it; then the items that are that safeguard.
_CLOTHES = ", without any clothes"
_UNCENSORED = ", uncensored"
_GRAPHIC = ", shown graphically, uncut"
_NSFW = ", nsfw"
_UNDERAGE = ", underage"
_SAFEGUARDS: dict[str, tuple[str, ...]] = {
    _CLOTHES: (  # whole items (other languages); English items are read word by word (_CLOTHING_WORDS)
        "fully clothed", "fully dressed", "covered body", "cover up", "cover-up", "modest clothing",
        "ropa", "vestida", "vestido", "roupa", "roupas", "vêtements", "vetements", "habillée", "habillee",
        "kleidung", "klamotten", "bekleidet", "angezogen", "vestiti", "vestita", "abiti", "одежда", "одежды",
        "одетая", "одяг", "衣服", "服", "着衣", "服装", "衣物", "옷", "의상", "quần áo", "baju", "pakaian", "kıyafet",
        "kiyafet", "giysi", "kleding", "kleren", "kläder", "ubrania", "ubranie", "oblečení", "ملابس", "कपड़े",
        "ρούχα", "בגדים", "لباس",
    ),
    _UNCENSORED: (
        "censor", "censored", "censorship", "censoring", "censors", "censor mosaic", "censor bar", "censor bars",
        "mosaic", "mosaic censorship", "pixelated genitals", "black bars over", "blur censor", "blurred genitals",
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
    # A body's or an age's adulthood, not "adult" or "mature" alone: those usually mean "no adult content".
    _UNDERAGE: (
        "adult body", "adult bodies", "adult woman", "adult women", "adult man", "adult men", "adult face",
        "adult features", "adult proportions", "adult-looking", "adult looking", "grown woman", "grown women",
        "grown-up body", "grownup body", "mature body", "mature woman", "mature face", "mature features",
        "womanly body", "18+", "over 18", "over 18 years old", "of age", "legal age", "aged 18",
    ),
}
_ITEM_OF: dict[str, str] = {item: phrase for phrase, items in _SAFEGUARDS.items() for item in items}
# English clothing, read word by word: an item is the clothes safeguard when it holds one of these and otherwise
# only other garments and small words ("clothes underwear swimsuit", "any clothing at all", "wearing clothes"), not
# when something qualifies it ("ugly clothes", "wrinkled clothing"). Three garment items or more ("swimsuit, shirt,
# shorts, dress") take the clothes off just as well; one or two keep it modest ("bikini", "underwear").
_CLOTHING_WORDS = frozenset("clothes clothing clothed cloths clothe garments garment apparel attire outfit outfits "
                            "dressed covered covering modest modesty towel".split())
_GARMENTS = frozenset("underwear swimsuit swimsuits swimwear bikini bikinis bra bras panties knickers shirt shirts "
                      "t-shirt tshirt top tops pants trousers shorts dress dresses skirt skirts socks shoes jacket "
                      "coat sweater hoodie uniform pajamas pyjamas nightgown nightie lingerie leotard vest jeans "
                      "robe bathrobe diaper nappy".split())
_SMALL_WORDS = frozenset("any all at the a an of wearing wear worn fully completely on her his their its kind kinds "
                         "type types piece pieces item items and or with".split())
# Items are separated by commas, semicolons, line breaks, "|", "/", "&", "+", " - ", ". " and the word for "and" / "or".
_ITEMS = re.compile(r"[,;|/\n、，；&]+|\.\s|\s[-+]\s|(?<!\S)--no\s+|"
                    r"(?<!\s)\s+(?:and|or|y|o|e|ou|et|und|oder|и|или|ve|veya|en|och|eller|dan|atau|và|hoặc|oraz|lub)\s+")
_BRACKETS = re.compile(r"[\[\](){}]")
_SPELLED = re.compile(r"^(?:\w[-. ]){2,}\w$")  # "c-l-o-t-h-e-s", "c l o t h e s"
_INVISIBLE = {cp: None for cp in (0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x200C,
                                  0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF)}
# An item that tells the video what to do ("--no blur, show the wound") is read by the screen as part of the prompt
# (the model still gets it as a negative item: moving it would ask the model for "film grain" or "zoom blur").
_INSTRUCTION = re.compile(
    r"(?i)^\s*(?:and |but |then |just |instead |only )*(?:show|shows|showing|focus on|linger on|reveal|depict|"
    r"end with|ending with|make sure|make it|let us see|muestra|mostrar|mostre|montre|montrer|zeige|zeigen|покажи|"
    r"показать)\b")


def _unweighted(item: str) -> str:
    """Without a weight ("clothes:1.3", "clothes::2", "clothes1"); "over 18" keeps its number. String methods, not
    a regex anchored at the end: on a run of colons or digits that was quadratic."""
    head = item.rstrip("0123456789.")
    if head != item and (head.endswith(":") or head[-1:].isalpha()):
        item = head
    return item.rstrip(": ")


def _items(negative: str) -> list[str]:
    text = unicodedata.normalize("NFKC", negative).translate(_INVISIBLE).casefold()
    out = []
    for raw in _ITEMS.split(text):
        item = _unweighted(" ".join(_BRACKETS.sub(" ", raw).split())).strip(" .!\"'")
        if _SPELLED.match(item):
            item = re.sub(r"[-. ]", "", item)
        if item:
            out.append(item)
    return out


def _clothes_item(item: str) -> bool:
    words = item.split()
    return (bool(words) and words[0] not in ("no", "not", "without") and any(w in _CLOTHING_WORDS for w in words)
            and all(w in _CLOTHING_WORDS or w in _GARMENTS or w in _SMALL_WORDS for w in words))


def safeguards(negative: str) -> list[str]:
    """The safeguards a negative prompt takes away, each as the phrase the prompt would say it with, in order. An
    item that is itself a negation ("no clothes", "without clothes": keep them on) takes nothing away."""
    found: list[str] = []
    items = _items(negative)
    garments = sum(item in _GARMENTS for item in items)
    for item in items:
        phrase = _CLOTHES if _clothes_item(item) or (garments >= 3 and item in _GARMENTS) else _ITEM_OF.get(item)
        if phrase is not None and phrase not in found:
            found.append(phrase)
    return found


_SECTION_ITEMS = re.compile(r"[,;\n、，；]+|(?<!\S)--no\s+")


def instructions(negative: str) -> list[str]:
    """The negative prompt's items that tell the video what to do ("show the wound"), as written."""
    items = (item.strip(" .\"'") for item in _SECTION_ITEMS.split(negative))
    return [item for item in items if _INSTRUCTION.match(item)]


def read_with_negative(prompt: str, negative: str = "", *, typed: bool = True) -> tuple[str, str, list[str]]:
    """What the screen reads for a prompt and its negative prompt: (the text it screens, the prompt the model
    draws, the phrases written in for the audit). `typed`: the prompt as the user typed it, its own negative
    section still in it (split off as the request does); False: the prompt as stored for the model, read whole.
    The text is the prompt the model draws, the negative prompt's items that tell the video what to do, and the
    safeguards the negative prompt takes away."""
    if typed:
        prompt, inline = split_inline_negative(prompt)
        negative = f"{negative}, {inline}" if negative and inline else negative or inline
    taken = safeguards(negative)
    text = ", ".join([prompt, *instructions(negative)]) + "".join(taken)
    return text, prompt, [phrase.lstrip(", ") for phrase in taken]


def screened_text(prompt: str, negative: str = "", *, typed: bool = True) -> str:
    return read_with_negative(prompt, negative, typed=typed)[0]
