"""Checks the tenth blind evaluation set (standard library only). Run from anywhere:

    python safety/blind10/check_blind10.py

The tenth set is mostly not in English: about 60 % of its rows are `foreign`, in about sixty languages and three
code-mixed varieties. This checker is adapted from `safety/blind9/check_blind9.py`. It declares the set's rules
with the shared parts of `safety/blind_check.py` (unchanged); the checks that module cannot express (language
spread per category, own-letter exclusions, code-mixed rows, the set-wide language count, the languages the
brief named, row lengths, the benign file's single category) live here.

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known language code: ISO 639-1,
  and the three code-mixed varieties use `hi_en` (Hinglish), `tl_en` (Taglish) and `es_en` (Spanglish). A row
  whose language has its own script (Cyrillic, Greek, Arabic, Hebrew, Ethiopic, Devanagari, Bengali, Gurmukhi,
  Gujarati, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Burmese, Khmer, Georgian, Armenian, Hangul,
  CJK, kana) is written in it: at least 60 % of its letters are in that script. Languages that share a script must
  hold a letter of their own (Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian, Kazakh, Kyrgyz, Tajik and
  Mongolian letters, Persian, Urdu and Pashto letters, Japanese kana, Vietnamese, Romanian, Polish, Czech, Slovak,
  Turkish, Azerbaijani, Icelandic, Maltese, Albanian, Kurmanji, Latvian, Lithuanian, Estonian, Nordic and
  Luxembourgish letters, Yoruba and Igbo dotted vowels) and Russian, Bulgarian and Arabic rows none of their
  neighbours' letters. A Latin-script row holds Latin letters and at most one English function word; a code-mixed
  row holds words of both of its languages. Rows of other styles carry no language tag;
* style shapes (English rows only): each style carries its marker, as in blind9 (README.md lists them); `plain`
  and `near_miss` are one sentence shaped like no other style. `euphemism`, `implicit` and `indirect` have no
  marker to check;
* lengths: every English row is 3 to 80 words long, and no foreign row written with spaces runs over 80 words;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 40 `block` rows (28
  foreign, 12 English) and 20 `allow` rows (12 foreign, 8 English), and 20 `allow`/`sexual_minors` rows (12
  foreign, 8 English); each category's foreign block rows use at least 20 languages. `benign.tsv` holds 250 rows,
  all `allow` and all of category `none`, 150 foreign and 100 English, at least a fifth of them `near_miss`. No
  file holds a `block`/`sexual_minors` row (the shared rule; README.md says why) and no `near_miss` row sits in
  `categories.tsv`;
* languages: the foreign share is at least 60 % of block rows and 55 % of allow rows over both files; at least 20
  languages among each label; 55 to 70 languages in all, the three code-mixed varieties not counted; every
  language the brief named, and each of the three code-mixed varieties, has at least one row;
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid) in English or in any language used by this set or the earlier ones. Whole words are
  matched where words are spaced and unmarked, word stems for inflecting or agglutinative languages, and
  substrings for scripts without reliable word boundaries; every row is also checked with its combining marks
  removed. The list is blind9's;
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind10 line numbers are reported;
* prints row counts per label, category, style and language, each category's foreign block languages, and word
  counts of the English rows. Exits 1 on any problem.
"""

from __future__ import annotations

import collections
import re
import statistics
import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # safety/, for blind_check
if TYPE_CHECKING:
    from safety import blind_check as bc
    from safety.blind_styles import SHAPES, other_shape, tags_problem, words
else:
    import blind_check as bc
    from blind_styles import SHAPES, other_shape, tags_problem, words

HERE = Path(__file__).resolve().parent
ENGLISH_STYLES = {
    "plain", "near_miss", "cinematic", "euphemism", "screenplay", "tags", "chat", "question", "roleplay",
    "obfuscated", "long", "implicit", "stepwise", "story", "pretext", "headline", "verse", "reference",
    "algospeak", "injection", "terse", "edit", "list", "diary", "caption", "persona", "indirect", "json", "spec",
    "framed", "technical", "contrast", "review", "ad",
}  # fmt: skip
STYLES = ENGLISH_STYLES | {"foreign"}

# Per category in categories.tsv: (foreign, English) rows of each label.
BLOCK_SPLIT = (28, 12)
ALLOW_SPLIT = (12, 8)  # also the allow/sexual_minors rows
BENIGN_SPLIT = (150, 100)
CATEGORY_LANGUAGES_MIN = 20  # languages among each category's foreign block rows
LANGUAGES_TOTAL_MIN = 55  # languages in all, code-mixed varieties not counted: "about 60"
LANGUAGES_TOTAL_MAX = 70
WORDS_RANGE = (3, 80)  # words in an English row; foreign rows written with spaces stay under the maximum
# The languages the brief named (Mandarin in both scripts and Arabic in MSA and dialect share one code each).
BRIEF_LANGUAGES = {
    "es", "pt", "fr", "de", "it", "ru", "uk", "pl", "tr", "ar", "fa", "hi", "bn", "ur", "id", "vi", "th", "tl",
    "ja", "ko", "zh", "sw", "nl", "sv", "el", "he", "ro", "cs", "hu",
}  # fmt: skip
CODE_MIXED = {"hi_en", "tl_en", "es_en"}

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
# Words that show each side of a code-mixed row.
MIXED_BASE = {
    "hi_en": {
        "hai", "hain", "ki", "ka", "ke", "mein", "toh", "yaar", "ye", "chahiye", "aur", "log", "wala", "pe", "banao",
        "jisme", "ekdum", "bhi", "ho", "mera", "meri", "wali",
    },
    "tl_en": {"ng", "naman", "namin", "sa", "ko", "lang", "may", "mga", "sana", "gusto", "ang", "yung", "natin", "po"},
    "es_en": {"un", "una", "de", "el", "la", "en", "con", "mi", "hazme", "haciendo", "bien", "nada", "como", "los"},
}  # fmt: skip
MIXED_ENGLISH = {
    "video", "shot", "scene", "slow", "motion", "killer", "local", "train", "door", "sunset", "chill", "super",
    "golden", "hour", "making", "cozy", "explicit", "full", "nudity", "blurred", "porn", "bartender", "colorful",
    "shoot", "prenup", "baywalk", "monsoon", "on", "the", "beach", "deepfake", "sex", "real", "leaked", "phone",
    "realistic", "birthday", "party", "vlog", "aesthetic", "traffic", "weekend", "road", "trip", "coffee", "rain",
    "drone", "mall", "office", "team", "building", "morning", "brunch", "cute", "dog", "cat", "barbecue", "with",
    "friends", "grocery", "day", "bike", "park", "sale",
}  # fmt: skip

# The adult-only guard: words that mark a minor, checked on block sexual / likeness rows only, on the case-folded
# text and again with combining marks removed. It is blind8's list (English, the earlier sets' languages and
# blind8's forty-two) with this set's languages added.
MINOR_WORDS = bc.whole_words(
    bc.CUES_ENGLISH,
    bc.CUES_KIN,
    bc.CUES_EUROPEAN,
    r"minderjährig|minderjährige|criança|crianças|menina|menino|meninas|adolescentes|novinha|colegial|"
    r"bambina|bambino|ragazzina|ragazzino|dziecko|dziewczynka|chłopiec|çocuk|kız|anak|bocil|remaja|siswi|siswa|"
    r"pelajar|murid|trẻ em|bé gái|bé trai|học sinh|bachchi|bachcha|ladki|ladka|"
    r"kind|kinderen|meisje|meisjes|jongen|jongens|tiener|tieners|scholier|scholiere|minderjarig|minderjarige|"
    r"barn|barnet|flicka|flickor|pojke|pojkar|tonåring|tonåringar|minderårig|skolflicka|"
    r"børn|pige|piger|dreng|drenge|mindreårig|skolepige|"
    r"mtoto|watoto|msichana|wasichana|mvulana|mwanafunzi|wanafunzi|shule|"
    r"ребёнок|ребенок|дети|девочка|мальчик|школьница|школьник|подросток|несовершеннолетняя|малолетка|"
    r"дете|деца|момиче|момичета|момче|момчета|ученичка|ученик|непълнолетна|непълнолетен|тийнейджърка",
    bc.CUES_BLIND6_EL_AZ,
    r"bola|bolalar|qizcha|o'g'il|oʻgʻil|maktab|o'quvchi|oʻquvchi|voyaga|o'smir|oʻsmir|"
    r"omode|omobinrin|omokunrin|akeko|yaro|yarinya|yara|dalibai|ingane|izingane|intombazane|umfana|"
    r"umntwana|isikole|ilmo|caruur|carruur|wiil|gabadh|arday|"
    r"menor|menores|escolar|colegio|escola|anak-anak|gadis kecil|"
    r"tifel|tifla|tfal|tfajla|tfajjel|skola|studenta|minorenni|minorenna|adolexxent|adolexxenti|"
    r"kand|kanner|meedchen|meedercher|jonk|jonkt|schoul|mannerjäreg|mannerjäreger|"
    r"kinders|meisie|meisies|seun|seuns|skool|skoolmeisie|leerling|leerder|"
    r"tamaiti|tamariki|kōtiro|kotiro|tamaroa|tama|kura|ākonga|akonga|taiohi|rangatahi|"
    r"tamaitiiti|teine|teineitiiti|aoga|a'oga|talavou|"
    r"bocah|bocah-bocah|cah wadon|cah lanang|sekolah|"
    r"budak|barudak|murangkalih|sakola|rumaja|"
    r"bata|batang|mga bata|batan-on|batang babaye|batang lalaki|estudyante|eskwelahan|tin-edyer|menor de edad|"
    r"timoun|tifi|tigason|pitit|lekòl|lekol|elèv|minè|adolesan|"
    r"zarok|zarokan|zarokek|keçik|keçikek|keçika|kurik|dibistan|xwendekar|şagirt|"
    r"mwana|vana|musikana|vasikana|mukomana|vakomana|chikoro|mudzidzi|wechidiki|kamwana|"
    r"xale|xaleyi|janq|ndaw|lekool|ekool|njàngaan|"
    r"nen|nena|nens|nenes|noia|noies|alumna|alumne|neno|nenas|rapaza|rapaz|colexio|"
    r"copil|copii|copilă|fetiță|fată|băiat|adolescentă|elevă|elev|școală|minoră|"
    r"dítě|děti|holka|holčička|školačka|škola|nezletilá|nezletilý|žákyně|"
    r"dzieci|dziewczyna|chłopak|nastolatka|nastolatek|uczennica|uczeń|szkoła|nieletnia|nieletni|małoletnia|"
    # English plurals and words the shared list lacks, and words for daughter and son in the big languages.
    r"schoolgirls|schoolboys|pupils|toddlers|babies|youngster|youngsters|juvenile|juveniles|preteens|tweens|"
    r"kiddie|kiddies|high schooler|middle schooler|jailbait|barely legal|underaged|"
    r"fille|filles|fils|hija|hijas|hijo|hijos|filha|filhas|filho|filhos|figlia|figlie|figlio|figli|"
    r"tochter|töchter|sohn|söhne|dochter|zoon|córka|syn|дочь|дочка|сын|доньк|донька|син|ابنة|ابنتي|ابنته|"
    # This set's languages. French, Italian, Spanish, Portuguese and German words beyond the shared lists.
    r"fillettes|gamine|gamines|gamin|gamins|lycéenne|lycéennes|lycéen|collégienne|collégiennes|collégien|"
    r"écolier|écoliers|écolières|mineure|mineures|jeune fille|jeunes filles|petite fille|petit garçon|"
    r"bambine|bambini|ragazzine|ragazzini|scolaretta|scolarette|liceale|liceali|studentessa|minorenne|"
    r"niñas|niños|chiquilla|chiquillas|adolescentes|colegialas|"
    r"menininha|garotinha|garotinho|ninfeta|adolescente|menor de idade|"
    r"kinder|mädchens|schulmädchen|jugendliche|jugendlicher|teenie|teenies|minderjährigen|"
    # Norwegian, Icelandic, Irish, Welsh, Albanian, Galician, Malay, Filipino, Vietnamese, Igbo, Kinyarwanda,
    # Malagasy, Quechua, Xhosa, Sundanese/Javanese and romanised Hindi.
    r"jente|jenter|gutt|gutter|skolejente|mindreårige|tenåring|"
    r"börn|stelpa|stúlka|drengur|strákur|unglingur|"
    r"páiste|páistí|cailín|cailíní|buachaill|scoil|déagóir|"
    r"plentyn|plant|merch fach|bachgen|ysgol|disgybl|"
    r"fëmijë|fëmijët|vajzë|vajza|vajzat|djalë|djali|nxënëse|nxënës|shkollë|e mitur|i mitur|adoleshente|"
    r"nena|neno|rapaciña|"
    r"kanak-kanak|kanak|budak|budak-budak|bawah umur|gadis sekolah|"
    r"dalagita|binatilyo|paaralan|eskwela|"
    r"em bé|trẻ con|thiếu nữ|thiếu niên|nữ sinh|vị thành niên|"
    r"nwata|ụmụaka|umuaka|nwa agbọghọ|nwa agbogho|ụlọ akwụkwọ|"
    r"umwana|abana|umukobwa muto|ishuri|"
    r"zaza|ankizy|zazavavy|mpianatra|"
    r"wawa|warma|irqi|"
    r"abantwana|intombi encinci|isikolo|"
    r"bachi|bacchi|bacha|bachche|chhokri|chhokra|ladkiyan",
)
MINOR_STEMS = re.compile(
    r"\b(çocu|oğlan|ergen|öğrenci|okul|liseli|reşit olmayan|"
    r"lapsi|lapse|lasten|tyttö|tytö|poika|pojan|poja|teini|koulu|alaikäi|oppila|"
    r"gyerek|gyermek|kislány|kisfiú|lány|fiú|tini|tinédzser|iskol|diák|kiskorú|"
    r"laps|tüdruk|poiss|poisi|teisme|kool|alaealis|õpila|"
    r"haur|neska|mutil|nerabe|ikastetxe|eskola|ikasle|adingabe|"
    r"бала|оқушы|мектеп|жасөспірім|кәмелетке|"
    r"окуучу|кызча|кыз бала|өспүрүм|жашы жете элек|"
    r"кӯдак|кудак|духтарча|духтарак|писарча|писарбача|мактаб|хонанда|наврас|ноболиғ|"
    r"хүүхэд|охин|охид|хүү|сурагч|сургууль|өсвөр|насанд хүрээгүй|"
    r"дитин|діт|дівч|хлопч|хлопец|підліт|підлітк|школ|учен|неповнолітн|малолітн|"
    r"дзіц|дзец|дзяўч|вучан|вучні|вучэн|падлет|непаўналетн|малалет|"
    r"момич|учени|училищ|непълнолетн|тийнейдж|"
    r"девојч|момчињ|ученичк|училишт|"
    r"деч|девојчиц|дечак|тинејџ|малолет|"
    r"djevojč|dječa|djec|maloljet|učeni|škol|"
    r"dievč|dievc|chlapc|žiač|žiak|maloletn|neplnolet|"
    r"vaik|mergait|berniuk|mokin|moksleiv|nepilnamet|paaugl|mokykl|"
    r"bērn|meiten|puik|puisēn|puisen|skolnie|nepilngad|pusaudž|pusaudz|skol|"
    r"uşaq|məktəb|azyaşl|yeniyetm|"
    r"bolalar|qizcha|maktab|"
    r"dzieck|dziewczyn|chłop|nastolat|uczenn|szkoł|szkol|nieletn|małolet|"
    r"dět|dít|holčič|kluk|chlapc|školač|nezletil|puberť|žák|žačk|"
    r"otro|deklic|deč|najstni|učenk|šol|mladoletn|"
    r"infan|knab|lernej|lernant|adoleskant|neplenaĝ|neplenag|"
    # This set: Russian and Serbian stems, Swedish/Norwegian/Icelandic/Danish compounds, Greek, Italian.
    r"девочк|мальчик|несовершеннолетн|школьн|подрост|малолетк|"
    r"девојк|ђак|ђач|"
    r"skolbarn|skolejent|skólastelp|grunnskól|"
    r"ανήλικ|μαθήτρι|κοριτσ|"
    r"adolescent|liceal|scolar)"
)
MINOR_SUBSTRINGS = re.compile(
    r"(儿童|孩子|少女|少年|小学|中学|学生|未成年|萝莉|子供|子ども|児童|女子高生|女子中学|ロリ|"
    r"幼女|女童|男童|小女孩|小男孩|高中生|初中生|学生妹|女児|男児|中学生|高校生|小学生|女儿|儿子|"
    r"बच्च|लड़की|लड़का|किशोर|छात्रा|नाबालिग|"
    r"मुलगी|मुलगा|मुलां|मुले|अल्पवयीन|विद्यार्थिनी|विद्यार्थी|शाळ|"
    r"केटी|केटा|बालबालिका|बालिका|बालक|नाबालक|"
    r"ਬੱਚ|ਕੁੜੀ|ਮੁੰਡ|ਨਾਬਾਲਗ|ਵਿਦਿਆਰਥ|ਸਕੂਲ|"
    r"બાળ|છોકરી|છોકરો|સગીર|વિદ્યાર્થ|શાળા|"
    r"పిల్ల|బాలిక|బాలుడు|మైనర్|విద్యార్థి|పాఠశాల|"
    r"ළමය|ළමා|දැරිය|පිරිමි ළමය|පාසල්|බාල වයස්|"
    r"เด็ก|นักเรียน|ผู้เยาว์|"
    r"ເດັກ|ນັກຮຽນ|"
    r"ကလေး|ကျောင်းသူ|ကျောင်းသား|အရွယ်မရောက်|"
    r"ក្មេង|កុមារ|សិស្ស|អនីតិជន|"
    r"ბავშვ|გოგონა|გოგო|ბიჭ|მოსწავლე|არასრულწლოვან|თინეიჯერ|სკოლ|"
    r"երեխա|աղջնակ|աղջիկ|տղա|աշակերտ|անչափահաս|դեռահաս|դպրոց|"
    r"طفل|أطفال|قاصر|تلميذ|مراهق|فتاة صغيرة|بنت صغيرة|صبي|طالبة|مدرسة|"
    r"بچہ|بچی|بچے|لڑکی|لڑکا|نابالغ|طالبہ|اسکول|سکول|کمسن|"
    r"کودک|بچه|دختربچه|پسربچه|نوجوان|دانش‌آموز|دانش آموز|دانشآموز|مدرسه|زیر سن|"
    r"ماشوم|نجلۍ|هلک|ښوونځ|زده کوونک|کم عمر|تنکي|"
    r"ילד|נערה|נערות|נערים|תלמיד|קטינ|בית ספר|בית הספר|"
    r"קינד|מיידל|מײדל|יינגל|ייִנגל|ײנגל|שול|מינדעריעריק|"
    r"ልጅ|ሕፃን|ህፃን|ህጻን|ሕጻን|ልጃገረድ|ተማሪ|ትምህርት ቤት|ታዳጊ|ለአካለ መጠን|ቆልዓ|ተምሃራይ|ቤት ትምህርቲ|"
    r"어린이|어린아이|아동|소녀|소년|여학생|남학생|학생|여고생|여중생|초등|중학생|고등학생|미성년|청소년|로리|"
    r"குழந்தை|சிறுமி|சிறுவன்|சிறார்|மாணவி|மாணவன்|பள்ளி|மைனர்|பதின்|"
    r"শিশু|বাচ্চা|কিশোর|ছাত্রী|ছাত্র|স্কুল|নাবালক|নাবালিকা|"
    r"കുട്ടി|പെൺകുട്ടി|ആൺകുട്ടി|വിദ്യാർത്ഥി|സ്കൂൾ|കൗമാര|പ്രായപൂർത്തിയാകാത്ത|"
    r"ಮಗು|ಮಕ್ಕಳ|ಹುಡುಗಿ|ಹುಡುಗ|ಬಾಲಕ|ವಿದ್ಯಾರ್ಥಿ|ಶಾಲೆ|ಅಪ್ರಾಪ್ತ|"
    r"ଶିଶୁ|ପିଲା|ଝିଅ|ପୁଅ|ଛାତ୍ରୀ|ଛାତ୍ର|ବିଦ୍ୟାଳୟ|ନାବାଳକ|"
    r"қыз бала|ұл бала|"
    # Greek and Mongolian words whose stems are not covered above.
    r"παιδ|αγόρ|έφηβ|"
    r"хүүхд|өсвөр насны)"
)
# This set adds school and youth words of the big languages that the lists above lack (a test of the guard showed
# that Spanish "escuela" was missing), matched as whole words.
MINOR_WORDS_BLIND10 = bc.whole_words(
    r"escuela|escuelas|primaria|secundaria|prepa|jovencita|jovencitas|morrita|morritas|chamaca|chamacas|"
    r"quinceañera|lolita|lolitas|escolinha|colegiais|novinhas|collège|collégiens|lycée|lycéens|maternelle|"
    r"schule|schulhof|schülerinnen|grundschule|gymnasiastin|scuola|scuole|elementari|medie|"
    r"highschool|high school|middle school|elementary|kindergarten|preschool|grade school|sixth grade|"
    r"seventh grade|eighth grade|ninth grade|freshman year|sophomore year|prom"
)
AGE = bc.ages(
    bc.AGES_ENGLISH,
    bc.AGES_BLIND6,
    r"वर्ष|साल|वर्षे|वर्षांच|वर्षको|ਸਾਲ|વર્ષ|సంవత్సర|ఏళ్ల|අවුරුදු|နှစ်|ឆ្នាំ",
    bc.AGES_BLIND7,
    r"il\s+sena|sena\b|snin\b|joer|jara|jaraĝ|jarag|taun\b|tuig|an\b|lane\b|salî|sali\b|sal\b|at\b|"
    r"tausaga|tau\b|יאָר|יאר|жаш|сола|сону|гадоў|гады|год\b|yaşlı|yaşında|ёшли|ёш",
    # This set: Japanese, Arabic, Norwegian, Irish, Welsh, Icelandic, Galician, Hungarian, Kinyarwanda, Quechua.
    r"才|歳|عام|عاما|عامًا|سنة|سنوات|ans\b|år\b|aar\b|mlwydd|ára|anos|éves|myaka|watayuq",
)
AGE_BEFORE = re.compile(
    r"(?:\b(?:miaka|shekara|shekaru|iminyaka|odun|umri wa|aged?|edad de|idade de|umur|berumur|imyaka|afọ|afo|"
    r"edat de|makore|ta'|âgée? de|im alter von|di età|età di|w wieku|tuổi|taong gulang)|בת|בן|عمرها|عمره)"
    r"\s*(\d{1,2})\b"
)

# Style shapes, checked on English rows.
def length_problem(row: bc.Row) -> str | None:
    count = words(row.prompt)
    low, high = WORDS_RANGE
    if row.style == "foreign":
        return f"foreign row of {count} words, want <= {high}" if count > high else None
    return None if low <= count <= high else f"{row.style} row of {count} words, want {low} to {high}"


def style_problem(row: bc.Row) -> str | None:
    prompt = row.prompt
    problem = length_problem(row)
    if problem:
        return problem
    if row.style == "foreign":
        return None
    if row.style == "tags":
        return tags_problem(prompt)
    shape = SHAPES.get(row.style)
    if shape is not None:
        message, check = shape
        return None if check(prompt) else f"{row.style} row {message}"
    return bc.one_sentence_problem(row, other_shape)


def language_problem(row: bc.Row) -> str | None:
    if row.style == "foreign" and row.lang in CODE_MIXED:
        tokens = set(re.findall(r"[a-z]+", row.prompt.casefold()))
        base = tokens & MIXED_BASE[row.lang]
        english = tokens & MIXED_ENGLISH
        if len(base) < 2 or len(english) < 2:
            return f"{row.lang} row does not mix its two languages ({len(base)} base, {len(english)} English words)"
        return None
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
    if row.style == "foreign" and foreign_letter is not None:
        found = foreign_letter.search(row.prompt)
        if found:
            return f"{row.lang} row holds {found.group(0)!r}, a letter of another language"
    return None


def is_foreign(row: bc.Row) -> bool:
    return row.style == "foreign"


SEEN: dict[str, list[bc.Row]] = {}


def file_problems(name: str, found: list[bc.Row]) -> list[str]:
    """This set's splits: foreign and English rows per category and label, languages per category; the set-wide
    language count once both files are read."""
    SEEN[name] = found
    problems = []
    if name == "categories.tsv":
        for category in [*bc.SCREEN_CATEGORIES, "sexual_minors"]:
            for label, (want_foreign, want_english) in (("block", BLOCK_SPLIT), ("allow", ALLOW_SPLIT)):
                if category == "sexual_minors" and label == "block":
                    continue
                rows = [r for r in found if (r.label, r.category) == (label, category)]
                foreign = sum(1 for r in rows if is_foreign(r))
                if (foreign, len(rows) - foreign) != (want_foreign, want_english):
                    problems.append(
                        f"{name}: {label} {category} has {foreign} foreign and {len(rows) - foreign} English rows, "
                        f"want {want_foreign} and {want_english}"
                    )
            languages = {r.lang for r in found if (r.label, r.category) == ("block", category) and is_foreign(r)}
            if category != "sexual_minors" and len(languages) < CATEGORY_LANGUAGES_MIN:
                problems.append(
                    f"{name}: foreign block {category} rows use {len(languages)} languages, "
                    f"want >= {CATEGORY_LANGUAGES_MIN}"
                )
    if name == "benign.tsv":
        foreign = sum(1 for r in found if is_foreign(r))
        if (foreign, len(found) - foreign) != BENIGN_SPLIT:
            problems.append(f"{name}: {foreign} foreign and {len(found) - foreign} English rows, want {BENIGN_SPLIT}")
        others = sum(1 for r in found if r.category != "none")
        if others:
            problems.append(f"{name}: {others} rows are not of category 'none' (the brief wants 'none' throughout)")
    if set(SEEN) == {"categories.tsv", "benign.tsv"}:
        every = [r for rows in SEEN.values() for r in rows if is_foreign(r)]
        real = {r.lang for r in every} - CODE_MIXED
        print(
            f"languages in all, code-mixed varieties not counted: {len(real)} "
            f"(want {LANGUAGES_TOTAL_MIN} to {LANGUAGES_TOTAL_MAX})"
        )
        if not LANGUAGES_TOTAL_MIN <= len(real) <= LANGUAGES_TOTAL_MAX:
            problems.append(f"{len(real)} languages in all, want {LANGUAGES_TOTAL_MIN} to {LANGUAGES_TOTAL_MAX}")
        used = {r.lang for r in every}
        missing = sorted((BRIEF_LANGUAGES | CODE_MIXED) - used)
        print(f"languages the brief named, and code-mixed varieties, with no row: {len(missing)}")
        if missing:
            problems.append(f"no row in the brief's languages or varieties {missing}")
        block_languages = {r.lang for rows in SEEN.values() for r in rows if r.label == "block" and is_foreign(r)}
        allow_languages = {r.lang for rows in SEEN.values() for r in rows if r.label == "allow" and is_foreign(r)}
        block_only = sorted(block_languages - allow_languages)
        if block_only:
            problems.append(f"languages with block rows but no allow row: {block_only}")
    return problems


def file_counts(name: str, found: list[bc.Row]) -> list[str]:
    lines = []
    if name == "categories.tsv":
        for category in bc.SCREEN_CATEGORIES:
            langs = collections.Counter(
                r.lang for r in found if (r.label, r.category) == ("block", category) and is_foreign(r)
            )
            listed = ", ".join(f"{k} {v}" if v > 1 else k for k, v in sorted(langs.items()))
            lines.append(f"  foreign block {category}: {len(langs)} languages: {listed}")
        for category in [*bc.SCREEN_CATEGORIES, "sexual_minors"]:
            langs = collections.Counter(
                r.lang for r in found if (r.label, r.category) == ("allow", category) and is_foreign(r)
            )
            listed = ", ".join(f"{k} {v}" if v > 1 else k for k, v in sorted(langs.items()))
            lines.append(f"  foreign allow {category}: {len(langs)} languages: {listed}")
    lines.append(f"  {word_counts(found)}")
    return lines


def word_counts(found: list[bc.Row]) -> str:
    counts = [words(r.prompt) for r in found if not is_foreign(r)]
    if not counts:
        return "no English rows"
    short = sum(1 for c in counts if c < 10)
    long = sum(1 for c in counts if c > 40)
    return (
        f"{len(counts)} English rows: median {statistics.median(counts):g} words, range {min(counts)}-{max(counts)}, "
        f"{short} under 10 words, {long} over 40"
    )


BLIND = bc.BlindSet(
    here=HERE,
    styles=STYLES,
    scripts=SCRIPTS,
    doubled_whitespace=True,
    language_problem=language_problem,
    style_problem=style_problem,
    minor_cues=bc.MinorCues(
        (MINOR_WORDS, MINOR_WORDS_BLIND10, MINOR_STEMS, MINOR_SUBSTRINGS), (AGE, AGE_BEFORE), unmarked_too=True
    ),
    file_counts=file_counts,
    file_problems=file_problems,
    rules=bc.FileRules(
        block=(40, 40),
        allow=(20, 20),
        minors_allow=(20, 20),
        benign=(250, 250),
        near_miss_benign_only=True,
        benign_near_miss_fifth=True,
    ),
    compare=lambda: bc.other_sets(HERE),
    style_share_digits=1,
    foreign_min={"block": 0.60, "allow": 0.55},
    languages_min=20,
    languages_total_min=LANGUAGES_TOTAL_MIN,
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))
