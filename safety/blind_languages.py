"""The languages of the ninth to eleventh blind sets and how their checkers tell a row's script (shared by
safety/blind9/check_blind9.py, safety/blind10/check_blind10.py and safety/blind11/check_blind11.py): each language
code's script (None: Latin), its name, the letters of its own that a language sharing a script must hold, and the
neighbours' letters that Russian, Bulgarian and Arabic rows must not hold; the script check and the per-category
language counts built on them. Standard library only; the checkers import it by path, as they import blind_check."""

from __future__ import annotations

import collections
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safety import blind_check as bc
else:
    import blind_check as bc

LATIN = None
GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
ARABIC = bc.ARABIC_EXTENDED
HEBREW = re.compile(r"[\u0590-\u05ff\ufb1d-\ufb4f]")
SCRIPTS: dict[str, re.Pattern[str] | None] = {
    # Latin script.
    "es": LATIN, "pt": LATIN, "fr": LATIN, "de": LATIN, "it": LATIN, "nl": LATIN, "pl": LATIN, "tr": LATIN,
    "vi": LATIN, "id": LATIN, "ms": LATIN, "tl": LATIN, "ro": LATIN, "hu": LATIN, "sv": LATIN, "cs": LATIN,
    "sk": LATIN, "da": LATIN, "nb": LATIN, "fi": LATIN, "is": LATIN, "et": LATIN, "lv": LATIN, "lt": LATIN,
    "sl": LATIN, "hr": LATIN, "sq": LATIN, "ca": LATIN, "eu": LATIN, "gl": LATIN, "ga": LATIN, "cy": LATIN,
    "mt": LATIN, "lb": LATIN, "az": LATIN, "uz": LATIN, "ku": LATIN, "sw": LATIN, "yo": LATIN, "ha": LATIN,
    "ig": LATIN, "zu": LATIN, "xh": LATIN, "af": LATIN, "so": LATIN, "rw": LATIN, "mg": LATIN, "ht": LATIN,
    "qu": LATIN, "mi": LATIN, "sm": LATIN, "jv": LATIN, "su": LATIN, "ceb": LATIN,
    "hi_en": LATIN, "tl_en": LATIN, "es_en": LATIN,
    # Their own scripts.
    "ru": bc.CYRILLIC, "uk": bc.CYRILLIC, "sr": bc.CYRILLIC, "bg": bc.CYRILLIC, "mk": bc.CYRILLIC,
    "be": bc.CYRILLIC, "kk": bc.CYRILLIC, "ky": bc.CYRILLIC, "tg": bc.CYRILLIC, "mn": bc.CYRILLIC,
    "el": GREEK,
    "ar": ARABIC, "fa": ARABIC, "ur": ARABIC, "ps": ARABIC,
    "he": HEBREW,
    "am": re.compile(r"[\u1200-\u139f\u2d80-\u2ddf]"),
    "hi": bc.DEVANAGARI, "mr": bc.DEVANAGARI, "ne": bc.DEVANAGARI,
    "bn": re.compile(r"[\u0980-\u09ff]"),
    "ta": re.compile(r"[\u0b80-\u0bff]"),
    "kn": re.compile(r"[\u0c80-\u0cff]"),
    "ml": re.compile(r"[\u0d00-\u0d7f]"),
    **bc.SCRIPTS_PA_TO_LO,  # pa, gu, te, si, th, lo
    "my": re.compile(r"[\u1000-\u109f\uaa60-\uaa7f]"),
    "km": re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]"),
    "ka": re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf]"),
    "hy": re.compile(r"[\u0530-\u058f]"),
    "ko": re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"),
}  # fmt: skip
LANGUAGE_NAMES = {
    "es": "Spanish", "pt": "Portuguese", "fr": "French", "de": "German", "it": "Italian", "nl": "Dutch",
    "pl": "Polish", "tr": "Turkish", "vi": "Vietnamese", "id": "Indonesian", "ms": "Malay", "tl": "Tagalog",
    "ro": "Romanian", "hu": "Hungarian", "sv": "Swedish", "cs": "Czech", "sk": "Slovak", "da": "Danish",
    "nb": "Norwegian Bokmål", "fi": "Finnish", "is": "Icelandic", "et": "Estonian", "lv": "Latvian",
    "lt": "Lithuanian", "sl": "Slovenian", "hr": "Croatian", "sq": "Albanian", "ca": "Catalan", "eu": "Basque",
    "gl": "Galician", "ga": "Irish", "cy": "Welsh", "mt": "Maltese", "lb": "Luxembourgish", "az": "Azerbaijani",
    "uz": "Uzbek", "ku": "Kurdish (Kurmanji)", "sw": "Swahili", "yo": "Yoruba", "ha": "Hausa", "ig": "Igbo",
    "zu": "Zulu", "xh": "Xhosa", "af": "Afrikaans", "so": "Somali", "rw": "Kinyarwanda", "mg": "Malagasy",
    "ht": "Haitian Creole", "qu": "Quechua", "mi": "Maori", "sm": "Samoan", "jv": "Javanese", "su": "Sundanese",
    "ceb": "Cebuano", "ru": "Russian", "uk": "Ukrainian", "sr": "Serbian (Cyrillic)", "bg": "Bulgarian",
    "mk": "Macedonian", "be": "Belarusian", "kk": "Kazakh", "ky": "Kyrgyz", "tg": "Tajik", "mn": "Mongolian",
    "el": "Greek", "ar": "Arabic", "fa": "Persian", "ur": "Urdu", "ps": "Pashto", "he": "Hebrew",
    "am": "Amharic", "hi": "Hindi", "mr": "Marathi", "ne": "Nepali", "bn": "Bengali", "ta": "Tamil",
    "kn": "Kannada", "ml": "Malayalam", "pa": "Punjabi", "gu": "Gujarati", "te": "Telugu", "si": "Sinhala",
    "th": "Thai", "lo": "Lao", "my": "Burmese", "km": "Khmer", "ka": "Georgian", "hy": "Armenian",
    "ko": "Korean", "zh": "Mandarin Chinese", "ja": "Japanese",
    "hi_en": "Hinglish", "tl_en": "Taglish", "es_en": "Spanglish",
}  # fmt: skip
assert set(LANGUAGE_NAMES) == set(SCRIPTS)

# Languages that share a script with others must hold at least one letter of their own.
VIETNAMESE = r"ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9"
OWN_LETTERS: dict[str, re.Pattern[str]] = {
    "uk": re.compile(r"[іїєґІЇЄҐ]"),
    "be": re.compile(r"[ўЎ]"),
    "sr": re.compile(r"[ђћџљњјЂЋЏЉЊЈ]"),
    "mk": re.compile(r"[ѓќѕјљњџЃЌЅЈЉЊЏ]"),
    "bg": re.compile(r"[ъЪ]"),
    "kk": re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]"),
    "ky": re.compile(r"[ңөүҢӨҮ]"),
    "tg": re.compile(r"[ғӣқӯҳҷҒӢҚӮҲҶ]"),
    "mn": re.compile(r"[өүӨҮ]"),
    "fa": re.compile(r"[پچژگکی]"),
    "ur": re.compile(r"[ٹڈڑںےھ]"),
    "ps": re.compile(r"[ټډړښږځڅګۍې]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
    "vi": re.compile(f"[{VIETNAMESE}]"),
    "ro": re.compile(r"[ăâîșțşţĂÂÎȘȚ]"),
    "pl": re.compile(r"[ąęłśźżćńĄĘŁŚŹŻĆŃ]"),
    "cs": re.compile(r"[ěřůĚŘŮ]"),
    "sk": re.compile(r"[ľĺŕôäĽĹŔÔ]"),
    "tr": re.compile(r"[ığşİĞŞ]"),
    "az": re.compile(r"[əƏ]"),
    "is": re.compile(r"[þðæÞÐÆ]"),
    "mt": re.compile(r"[ċġħżĊĠĦŻ]"),
    "sq": re.compile(r"[ëçËÇ]"),
    "ku": re.compile(r"[êîûşçÊÎÛŞÇ]"),
    "lv": re.compile(r"[āēīūļņķģĀĒĪŪĻŅĶĢ]"),
    "lt": re.compile(r"[ąčęėįšųūžĄČĘĖĮŠŲŪŽ]"),
    "et": re.compile(r"[õäöüÕÄÖÜ]"),
    "sv": re.compile(r"[åäöÅÄÖ]"),
    "da": re.compile(r"[æøåÆØÅ]"),
    "nb": re.compile(r"[æøåÆØÅ]"),
    "fi": re.compile(r"[äöÄÖ]"),
    "lb": re.compile(r"[ëäéËÄÉ]"),
    "yo": re.compile(r"[ẹọṣẸỌṢ]|[àáèéìíòóùú]"),
    "ig": re.compile(r"[ịọụṅỊỌỤṄ]"),
}
# Letters a language does not use, which would mark a row as written in a neighbouring language.
NOT_LETTERS: dict[str, re.Pattern[str]] = {
    "ru": re.compile(r"[іїєґўђћџљњјѓќѕәғқңөұүһӣӯҳҷ]", re.IGNORECASE),
    "bg": re.compile(r"[ыэёіїєґўђћџљњјѓќѕ]", re.IGNORECASE),
    "ar": re.compile(r"[پچژگکیےۍٹڈڑں]"),
}


def is_foreign(row: bc.Row) -> bool:
    return row.style == "foreign"


def script_problem(row: bc.Row) -> str | None:
    """The row's script and own letters (blind_check.language_problem), then, for a foreign row, a letter of a
    neighbouring language it must not hold."""
    problem = bc.language_problem(
        row,
        SCRIPTS,
        script_share=bc.SCRIPT_SHARE_MIN,
        own_letters=OWN_LETTERS,
        english_words=bc.ENGLISH_WORDS,
        extended_latin=True,
    )
    if problem:
        return problem
    foreign_letter = NOT_LETTERS.get(row.lang)
    if is_foreign(row) and foreign_letter is not None:
        found = foreign_letter.search(row.prompt)
        if found:
            return f"{row.lang} row holds {found.group(0)!r}, a letter of another language"
    return None


def foreign_languages_line(found: list[bc.Row], label: str, category: str) -> str:
    """The languages of the foreign rows of one label and category, with their row counts."""
    langs = collections.Counter(r.lang for r in found if (r.label, r.category) == (label, category) and is_foreign(r))
    listed = ", ".join(f"{k} {v}" if v > 1 else k for k, v in sorted(langs.items()))
    return f"  foreign {label} {category}: {len(langs)} languages: {listed}"
