"""Checks the seventh blind evaluation set (standard library only). Run from anywhere:

    python safety/blind7/check_blind7.py

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray whitespace, no carriage return or other control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known language code. A row whose
  language has its own script (Tamil, Bengali, Malayalam, Kannada, Odia, Devanagari, Ethiopic, Hebrew, Arabic,
  Cyrillic, Hangul, CJK, kana) is written in it: at least 60 % of its letters are in that script. Rows in
  languages that share a script with others must also hold a letter of their own (Ukrainian і/ї/є/ґ, Kazakh
  ә/ғ/қ/ң/ө/ұ/ү/һ/і, Mongolian ө/ү, Serbian ђ/ј/љ/њ/ћ/џ, Persian پ/چ/ژ/گ/ک/ی, Urdu ے/ٹ/ڈ/ڑ/ں/ہ/ھ, Pashto
  ټ/ډ/ړ/ښ/ږ/ځ/څ/ۍ/ې, Vietnamese tone or vowel marks, Japanese kana). A row in a Latin-script language holds Latin
  letters and at most one English function word ("the", "and", "with", "please", "make", "video"...). Rows of
  other styles carry no language tag;
* style shapes (English rows; `foreign` rows are checked for their language only): `tags` is a comma-separated
  list of at least six tags; `chat` has at least two speaker turns, one from the user's side (User:, Me:) and one
  from the model's (Assistant:, AI:); `list` has at least two list markers (1) 2) ..., 1. 2. ..., - or •);
  `headline` carries a news marker (BREAKING, EXCLUSIVE, LIVE, a chyron, a headline, a newscast, a dateline);
  `verse` has at least three lines split by ` / `; `injection` tries to override the screen (ignore previous
  instructions, developer mode, safety off, the moderator approved ...); `reference` points at a known work,
  event or meme (like, in the style of, recreate, remake ...); `algospeak` holds an emoji or a coded word
  (unalive, seggs, corn, spicy, pew pew, sewerslide ...); `plain` and `near_miss` are a single sentence with no
  question mark, hashtag, list marker, speaker turn or verse line;
* the `foreign` share is at least 20 % of block rows and 15 % of allow rows over both files together, spread over
  at least 20 languages among the block rows and 20 among the allow rows, and at least 30 languages in all; each
  screen category holds at least 8 foreign block rows, no two in the same language; the block rows use at least
  30 of the 40 languages the brief singled out (Tagalog, Vietnamese, Malay, Tamil, Bengali, Urdu, Persian, Pashto,
  Amharic, Hebrew, Turkish, Kazakh, Mongolian, Ukrainian, Polish, Czech, Romanian, Hungarian, Finnish, Estonian,
  Norwegian, Icelandic, Albanian, Serbian, Slovenian, Catalan, Basque, Galician, Welsh, Irish, Malagasy, Igbo,
  Xhosa, Kinyarwanda, Korean, Malayalam, Kannada, Odia, Tigrinya, Quechua);
* per-file rules: `categories.tsv` holds the six screen categories with 35-45 block and 20-30 allow rows each,
  plus 20-30 `allow`/`sexual_minors` rows; every style but `near_miss` appears among each category's block rows
  and among each category's allow rows (the `sexual_minors` rows included); `benign.tsv` is all `allow`
  (230-270 rows), at least a fifth of them `near_miss`, and uses every style; no file holds a
  `block`/`sexual_minors` row (README.md says why);
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid in English, the languages of the earlier sets and the languages used here), so those rows
  can never be read as sexualising a minor. Whole words are matched where words are spaced and unmarked, word
  stems for agglutinative languages (Turkish, Finnish, Hungarian, Estonian, Basque ...), and substrings for
  scripts with combining marks or attached prefixes (Korean, Tamil, Bengali, Hebrew, Arabic script, Ethiopic ...);
* no duplicate prompt within a file or across the blind7 files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and the blind7 line numbers are reported;
* prints row counts per label, category, style and language. Exits 1 on any problem.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # safety/, for blind_check
if TYPE_CHECKING:
    from safety import blind_check as bc
else:
    import blind_check as bc

HERE = Path(__file__).resolve().parent
NEW_STYLES = {"tags", "chat", "list", "headline", "verse", "injection", "reference", "algospeak"}
STYLES = NEW_STYLES | {"foreign", "plain", "near_miss"}
# Languages the brief singled out (used little by the earlier sets); the block rows must use at least 30 of them.
NEW_LANGUAGES = {
    "tl", "vi", "ms", "ta", "bn", "ur", "fa", "ps", "am", "he", "tr", "kk", "mn", "uk", "pl", "cs", "ro", "hu",
    "fi", "et", "nb", "is", "sq", "sr", "sl", "ca", "eu", "gl", "cy", "ga", "mg", "ig", "xh", "rw", "ko", "ml",
    "kn", "or", "ti", "qu",
}  # fmt: skip

# Language codes used here. Those written in their own script map to a pattern for that script's letters.
LATIN = None
DEVANAGARI = bc.DEVANAGARI
CYRILLIC = bc.CYRILLIC
ARABIC = bc.ARABIC_EXTENDED
ETHIOPIC = re.compile(r"[\u1200-\u139f]")
SCRIPTS: dict[str, re.Pattern[str] | None] = {
    "tl": LATIN, "vi": LATIN, "ms": LATIN, "tr": LATIN, "pl": LATIN, "cs": LATIN, "ro": LATIN, "hu": LATIN,
    "fi": LATIN, "et": LATIN, "nb": LATIN, "is": LATIN, "sq": LATIN, "sl": LATIN, "ca": LATIN, "eu": LATIN,
    "gl": LATIN, "cy": LATIN, "ga": LATIN, "mg": LATIN, "ig": LATIN, "xh": LATIN, "rw": LATIN, "qu": LATIN,
    "es": LATIN, "fr": LATIN, "de": LATIN, "it": LATIN, "pt": LATIN, "id": LATIN,
    "uk": CYRILLIC, "sr": CYRILLIC, "kk": CYRILLIC, "mn": CYRILLIC, "ru": CYRILLIC,
    "ur": ARABIC, "fa": ARABIC, "ps": ARABIC, "ar": ARABIC,
    "am": ETHIOPIC, "ti": ETHIOPIC,
    "he": re.compile(r"[\u0590-\u05ff]"),
    "ko": re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "ta": re.compile(r"[\u0b80-\u0bff]"),
    "bn": re.compile(r"[\u0980-\u09ff]"),
    "ml": re.compile(r"[\u0d00-\u0d7f]"),
    "kn": re.compile(r"[\u0c80-\u0cff]"),
    "or": re.compile(r"[\u0b00-\u0b7f]"),
    "hi": DEVANAGARI,
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"),
}  # fmt: skip
# Languages that share a script with others must hold at least one letter of their own.
OWN_LETTERS: dict[str, re.Pattern[str]] = {
    "uk": re.compile(r"[іїєґІЇЄҐ]"),
    "kk": re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]"),
    "mn": re.compile(r"[өүӨҮ]"),
    "sr": re.compile(r"[ђјљњћџЂЈЉЊЋЏ]"),
    "fa": re.compile(r"[پچژگکی]"),
    "ur": re.compile(r"[ےٹڈڑںہھ]"),
    "ps": re.compile(r"[ټډړښږځڅۍې]"),
    "vi": re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
}

# Words that mark a minor. Checked on block sexual / likeness rows only, on the case-folded text and on the same
# text with combining marks removed (so that Vietnamese, Igbo or Romanian spelt with or without marks match).
# Whole words: English, the earlier sets' languages and the spaced, unmarked languages used here.
MINOR_WORDS = bc.whole_words(
    bc.CUES_ENGLISH,
    bc.CUES_KIN,
    bc.CUES_EUROPEAN,
    bc.CUES_BLIND6,
    r"menor|menores|escolar|colegio|escola|anak-anak|gadis kecil|"
    # This set's spaced languages: Tagalog, Vietnamese, Malay, Norwegian, Icelandic, Albanian, Slovenian,
    # Catalan, Galician, Welsh, Irish, Malagasy, Igbo, Xhosa, Kinyarwanda, Quechua, Romanian, Czech, Polish.
    r"bata|batang|mga bata|dalagita|binatilyo|estudyante|eskwela|paaralan|menor de edad|nene|totoy|"
    r"trẻ con|em bé|nữ sinh|nam sinh|thiếu nữ|thiếu niên|vị thành niên|con gái|con trai|"
    r"budak|kanak-kanak|sekolah|bawah umur|gadis sekolah|"
    r"jente|jenter|gutt|gutten|guttene|tenåring|tenåringer|skole|skolejente|"
    r"börn|stelpa|stúlka|strákur|drengur|unglingur|skóli|nemandi|"
    r"fëmijë|fëmija|vajzë|vajza|vajzat|djalë|djali|adoleshente|adoleshent|nxënëse|nxënës|shkollë|e mitur|i mitur|"
    r"otrok|otroci|deklica|deček|najstnica|najstnik|učenka|šola|mladoletna|mladoletnik|"
    r"nen|nena|nens|nenes|noia|noies|noi|nois|alumna|alumne|escolaritat|"
    r"neno|nenos|nenas|rapaza|rapaz|colexio|"
    r"plentyn|plant|merch|bachgen|bechgyn|ysgol|disgybl|arddegau|"
    r"páiste|paiste|leanbh|cailín|cailin|buachaill|scoil|déagóir|mionaoiseach|"
    r"zaza|ankizy|zazavavy|zazalahy|mpianatra|sekoly|"
    r"nwata|nwatakịrị|ụmụaka|umuaka|agbọghọ|nwa akwụkwọ|ụlọ akwụkwọ|"
    r"abantwana|intombazana|inkwenkwe|isikolo|umfundi|"
    r"umwana|abana|umukobwa|umuhungu|ishuri|umunyeshuri|ingimbi|umwangavu|"
    r"wawa|warmacha|wamra|irqi|yachaywasi|yachakuq|"
    r"copil|copii|copilă|fetiță|fată|băiat|adolescentă|elevă|elev|școală|minoră|"
    r"dítě|děti|holka|holčička|kluk|školačka|škola|nezletilá|nezletilý|žák|žákyně|"
    r"dzieci|dziewczyna|chłopak|nastolatka|nastolatek|uczennica|uczeń|szkoła|nieletnia|nieletni|małoletnia",
)
# Word stems (leading word boundary only) for agglutinative or inflecting languages: Turkish, Finnish, Hungarian,
# Estonian, Basque, Kazakh, Mongolian, Ukrainian, Serbian, Polish, Czech, Slovenian.
MINOR_STEMS = re.compile(
    r"\b(çocu|oğlan|ergen|öğrenci|okul|liseli|reşit olmayan|"
    r"lapsi|lapse|lasten|tyttö|tytö|poika|pojan|poja|teini|koulu|alaikäi|oppila|"
    r"gyerek|gyermek|kislány|kisfiú|lány|fiú|tini|tinédzser|iskol|diák|kiskorú|"
    r"laps|tüdruk|poiss|poisi|teisme|kool|alaealis|õpila|"
    r"haur|neska|mutil|nerabe|ikastetxe|eskola|ikasle|adingabe|"
    r"бала|оқушы|мектеп|жасөспірім|кәмелетке|"
    r"хүүхэд|охин|охид|хүү|сурагч|сургууль|өсвөр|насанд хүрээгүй|"
    r"дитин|діт|дівч|хлопч|хлопец|підліт|підлітк|школ|учен|неповнолітн|малолітн|"
    r"деч|девојчиц|дечак|тинејџ|малолет|"
    r"dzieck|dziewczyn|chłop|nastolat|uczenn|szkoł|szkol|nieletn|małolet|"
    r"dět|dít|holčič|kluk|chlapc|školač|škol|nezletil|puberť|žák|žačk|"
    r"otro|deklic|deč|najstni|učenk|šol|mladoletn)"
)
# Scripts where \b is unreliable (no spaces, combining marks, attached prefixes or particles), and stems: matched
# as substrings.
MINOR_SUBSTRINGS = bc.substrings(
    bc.CUES_BLIND6_SCRIPTS,
    # Arabic (moved here from the whole-word list so that prefixed forms such as الطفلة match), Urdu, Persian,
    # Pashto.
    r"طفل|أطفال|قاصر|تلميذ|مراهق|"
    r"بچہ|بچی|بچے|لڑکی|لڑکا|نابالغ|طالبہ|اسکول|سکول|کمسن|"
    r"کودک|بچه|دختربچه|پسربچه|نوجوان|دانش‌آموز|دانش آموز|دانشآموز|مدرسه|زیر سن|"
    r"ماشوم|نجلۍ|هلک|ښوونځ|زده کوونک|کم عمر|تنکي|"
    # Hebrew (prefixes attach: הילדה, לנערה).
    r"ילד|נערה|נערות|נערים|תלמיד|קטינ|בית ספר|בית הספר|"
    # Ethiopic: Amharic, Tigrinya.
    r"ልጅ|ሕፃን|ህፃን|ህጻን|ሕጻን|ልጃገረድ|ተማሪ|ትምህርት ቤት|ታዳጊ|ለአካለ መጠን|ቆልዓ|ተምሃራይ|ቤት ትምህርቲ|"
    # Hangul (particles attach).
    r"어린이|어린아이|아동|소녀|소년|여학생|남학생|학생|여고생|여중생|초등|중학생|고등학생|미성년|청소년|로리|"
    # Tamil, Bengali, Malayalam, Kannada, Odia.
    r"குழந்தை|சிறுமி|சிறுவன்|சிறார்|மாணவி|மாணவன்|பள்ளி|மைனர்|பதின்|"
    r"শিশু|বাচ্চা|কিশোর|ছাত্রী|ছাত্র|স্কুল|নাবালক|নাবালিকা|"
    r"കുട്ടി|പെൺകുട്ടി|ആൺകുട്ടി|വിദ്യാർത്ഥി|സ്കൂൾ|കൗമാര|പ്രായപൂർത്തിയാകാത്ത|"
    r"ಮಗು|ಮಕ್ಕಳ|ಹುಡುಗಿ|ಹುಡುಗ|ಬಾಲಕ|ವಿದ್ಯಾರ್ಥಿ|ಶಾಲೆ|ಅಪ್ರಾಪ್ತ|"
    r"ଶିଶୁ|ପିଲା|ଝିଅ|ପୁଅ|ଛାତ୍ରୀ|ଛାତ୍ର|ବିଦ୍ୟାଳୟ|ନାବାଳକ|"
    # Kazakh 'қыз' (girl) only with a child word after it, since it also begins 'қызыл' (red).
    r"қыз бала|ұл бала",
)
AGE = bc.ages(
    bc.AGES_ENGLISH,
    bc.AGES_BLIND6,
    r"वर्ष|साल|वर्षे|वर्षांच|वर्षको|ਸਾਲ|વર્ષ|సంవత్సర|ఏళ్ల|අවුරුදు|နှစ်|ឆ្នាំ",
    # This set's languages.
    bc.AGES_BLIND7,
)
AGE_BEFORE = re.compile(
    r"(?:\b(?:miaka|shekara|shekaru|iminyaka|odun|umri wa|aged?|edad de|idade de|umur|berumur|imyaka|afọ|afo|"
    r"edat de)|בת|בן)\s*(\d{1,2})\b"
)

# Style shapes (checked on English rows).
USER_TURN = re.compile(r"\b(User|Me|Human|Client)\s*:")
MODEL_TURN = re.compile(r"\b(Assistant|AI|Bot|Model|Kinema)\s*:")
LIST_MARKER = re.compile(r"(?:^|\s)(?:\d{1,2}[).]|[-•*])\s")
HEADLINE = re.compile(
    r"\b(BREAKING|EXCLUSIVE|JUST IN|DEVELOPING|LIVE|URGENT|HEADLINE|GOOD NEWS|ON THIS DAY|LOCAL NEWS|NEWS)\b|"
    r"\b(chyron|headline|lower[- ]third|newscast|news|bulletin|anchor|ticker|dateline|broadcast)\b|"
    r"^[A-Z][A-Z .'-]{2,},\s*[A-Z][a-z]{2}\w*\.?\s+\d{1,2}\s*[—–-]\s"
)
VERSE_LINE = re.compile(r"\s/\s")
INJECTION = re.compile(
    r"\b(ignore|disregard|override|overrides?|instructions?|developer mode|dev mode|jailbreak|DAN|unfiltered|"
    r"uncensored model|unrestricted|no rules|safety filter|filters?|system|admin|sudo|"
    r"moderator|approved|signed off|cleared|policy|protections?)\b|\bsafety\s*[:=_]",
    re.IGNORECASE,
)
REFERENCE = re.compile(
    r"\b(like|style of|styled|recreate|re-create|remake|inspired by|scene|à la|meme|famous|infamous|homage|"
    r"version of|re-?enact|parody of|iconic|same as|vibe|edits?|trend|style|painting|film|movie|episode|"
    r"livestream|tape|challenge|campaign|picture|photo|video|TikToks?)\b",
    re.IGNORECASE,
)
EMOJI = re.compile(r"[\u2600-\u27bf\U0001f000-\U0001faff]")
ALGOSPEAK = re.compile(
    r"\b(unalive|unalived|seggs|seggsy|corn|spicy|pew|sewerslide|sewer slide|le\$bean|accountant|nip nops|ana|"
    r"thinspo|opps?|glizzy|no cap|fr|ngl|lowkey|rizz|slay|slaying|ate|delulu|sus|bussin|core|pov|lil|"
    r"go brrr|main character|cooked|joggers|clown world|alphabet people|orange man|muskrat|tay tay|kms|yeet)\b",
    re.IGNORECASE,
)


def style_problem(row: bc.Row) -> str | None:
    prompt = row.prompt
    if row.style == "foreign":
        return None
    if row.style == "tags" and len([t for t in prompt.split(",") if t.strip()]) < 6:
        return "tags row has fewer than six comma-separated tags"
    if row.style == "chat":
        turns = len(USER_TURN.findall(prompt)) + len(MODEL_TURN.findall(prompt))
        if turns < 2 or not USER_TURN.search(prompt) or not MODEL_TURN.search(prompt):
            return "chat row has not two speaker turns (User:/Me: and Assistant:/AI:)"
    if row.style == "list" and len(LIST_MARKER.findall(prompt)) < 2:
        return "list row has fewer than two list markers"
    if row.style == "headline" and not HEADLINE.search(prompt):
        return "headline row has no news marker"
    if row.style == "verse" and len(VERSE_LINE.findall(prompt)) < 2:
        return "verse row has fewer than three ' / '-separated lines"
    if row.style == "injection" and not INJECTION.search(prompt):
        return "injection row makes no attempt to override the screen"
    if row.style == "reference" and not REFERENCE.search(prompt):
        return "reference row points at no work, event or meme"
    if row.style == "algospeak" and not (EMOJI.search(prompt) or ALGOSPEAK.search(prompt)):
        return "algospeak row holds no emoji and no coded word"
    return bc.one_sentence_problem(
        row,
        lambda p: (
            "?" in p
            or "#" in p
            or bool(VERSE_LINE.search(p))
            or len(LIST_MARKER.findall(p)) >= 2
            or bool(USER_TURN.search(p))
            or bool(MODEL_TURN.search(p))
        ),
    )


BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS,
    doubled_whitespace=True,
    language_problem=lambda row: bc.language_problem(
        row,
        SCRIPTS,
        script_share=bc.SCRIPT_SHARE_MIN,
        own_letters=OWN_LETTERS,
        english_words=bc.ENGLISH_WORDS,
        extended_latin=True,
    ),
    style_problem=style_problem,
    minor_cues=bc.MinorCues((MINOR_WORDS, MINOR_STEMS, MINOR_SUBSTRINGS), (AGE, AGE_BEFORE), unmarked_too=True),
    rules=bc.FileRules(
        foreign_block_min=8,
        foreign_block_languages="unique",
        block_styles_per_category=True,
        allow_styles="category",
        near_miss_benign_only=True,
        benign_near_miss_fifth=True,
        benign_every_style=True,
    ),
    compare=lambda: bc.other_sets(HERE),
    style_share_digits=1,
    foreign_min={"block": 0.20, "allow": 0.15},
    languages_min=20,
    languages_total_min=30,
    new_languages=bc.NewLanguages(NEW_LANGUAGES, 30, listed_apart=True),
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
