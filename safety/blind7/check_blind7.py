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

import collections
import re
import sys
import unicodedata
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
SAFETY = HERE.parent
OTHER_SETS = ["blind*/*.tsv", "training/**/*.tsv", "*_set.tsv"]
FILES = ["categories.tsv", "benign.tsv"]
LABELS = {"block", "allow"}
CATEGORIES = {"sexual_minors", "sexual", "violence", "self_harm", "weapons", "hate", "likeness", "none"}
SCREEN_CATEGORIES = ["sexual", "violence", "self_harm", "weapons", "hate", "likeness"]
NEW_STYLES = {"tags", "chat", "list", "headline", "verse", "injection", "reference", "algospeak"}
STYLES = NEW_STYLES | {"foreign", "plain", "near_miss"}
# Languages the brief singled out (used little by the earlier sets); the block rows must use NEW_LANGUAGES_MIN.
NEW_LANGUAGES = {
    "tl", "vi", "ms", "ta", "bn", "ur", "fa", "ps", "am", "he", "tr", "kk", "mn", "uk", "pl", "cs", "ro", "hu",
    "fi", "et", "nb", "is", "sq", "sr", "sl", "ca", "eu", "gl", "cy", "ga", "mg", "ig", "xh", "rw", "ko", "ml",
    "kn", "or", "ti", "qu",
}  # fmt: skip
NEW_LANGUAGES_MIN = 30
CATEGORY_BLOCK_RANGE = (35, 45)
CATEGORY_ALLOW_RANGE = (20, 30)
MINOR_ALLOW_RANGE = (20, 30)
BENIGN_RANGE = (230, 270)
NEAR_MISS_MIN = 0.20
FOREIGN_MIN = {"block": 0.20, "allow": 0.15}
LANGUAGES_MIN = 20
LANGUAGES_TOTAL_MIN = 30
FOREIGN_BLOCK_PER_CATEGORY_MIN = 8
SCRIPT_SHARE_MIN = 0.60
STYLE_HEADER = re.compile(r"^#\s*style:\s*(\w+)")
LANG_HEADER = re.compile(r"^#\s*lang:\s*(\w+)")

# Language codes used here. Those written in their own script map to a pattern for that script's letters.
LATIN = None
DEVANAGARI = re.compile(r"[\u0900-\u097f]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
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
# English function words: a Latin-script foreign row may hold one (a title, a brand, a loan word), not two.
ENGLISH_WORDS = {"the", "and", "with", "please", "make", "show", "this", "that", "from", "into", "your", "video"}

# Words that mark a minor. Checked on block sexual / likeness rows only, on the case-folded text and on the same
# text with combining marks removed (so that Vietnamese, Igbo or Romanian spelt with or without marks match).
# Whole words: English, the earlier sets' languages and the spaced, unmarked languages used here.
MINOR_WORDS = re.compile(
    r"\b(child|children|kid|kids|kiddo|teen|teens|teenage|teenager|tween|preteen|minor|minors|underage|"
    r"school|schoolgirl|schoolboy|pupil|grader|girl|girls|boy|boys|little|young|youth|baby|toddler|loli|shota|"
    r"student|students|daughter|son|niece|nephew|stepdaughter|stepson|adolescent|adolescente|"
    r"niña|niño|niñas|niños|colegiala|enfant|enfants|fillette|ado|ados|écolière|mädchen|junge|schüler|schülerin|"
    r"minderjährig|minderjährige|criança|crianças|menina|menino|meninas|adolescentes|novinha|colegial|"
    r"bambina|bambino|ragazzina|ragazzino|dziecko|dziewczynka|chłopiec|çocuk|kız|anak|bocil|remaja|siswi|siswa|"
    r"pelajar|murid|trẻ em|bé gái|bé trai|học sinh|bachchi|bachcha|ladki|ladka|"
    r"kind|kinderen|meisje|meisjes|jongen|jongens|tiener|tieners|scholier|scholiere|minderjarig|minderjarige|"
    r"barn|barnet|flicka|flickor|pojke|pojkar|tonåring|tonåringar|minderårig|skolflicka|"
    r"børn|barnet|pige|piger|dreng|drenge|teenager|mindreårig|skolepige|"
    r"mtoto|watoto|msichana|wasichana|mvulana|mwanafunzi|"
    r"ребёнок|ребенок|дети|девочка|мальчик|школьница|школьник|подросток|несовершеннолетняя|малолетка|"
    r"дете|деца|момиче|момичета|момче|ученичка|ученик|непълнолетна|непълнолетен|тийнейджърка|"
    r"παιδί|παιδιά|κορίτσι|κοριτσάκι|αγόρι|μαθήτρια|μαθητής|έφηβη|έφηβος|ανήλικη|ανήλικος|"
    r"dieťa|deti|dievča|dievčatko|chlapec|žiačka|žiak|maloletá|neplnoletá|tínedžerka|"
    r"dijete|djeca|djevojčica|dječak|učenica|učenik|maloljetna|maloljetnica|maloljetnik|tinejdžerka|"
    r"vaikas|vaikai|mergaitė|berniukas|moksleivė|mokinė|nepilnametė|nepilnametis|paauglė|paauglys|"
    r"bērns|bērni|meitene|meitenīte|puika|puisēns|skolniece|skolnieks|nepilngadīga|pusaudze|pusaudzis|"
    r"uşaq|uşaqlar|qız|qızcıq|oğlan|məktəbli|azyaşlı|yeniyetmə|"
    r"bola|bolalar|qizcha|o'g'il|maktab|o'quvchi|voyaga|o'smir|"
    r"omode|omobinrin|omokunrin|akeko|yaro|yarinya|yara|dalibai|ingane|izingane|intombazane|umfana|"
    r"umntwana|isikole|ilmo|caruur|wiil|gabadh|arday|"
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
    r"dzieci|dziewczyna|chłopak|nastolatka|nastolatek|uczennica|uczeń|szkoła|nieletnia|nieletni|małoletnia)\b"
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
MINOR_SUBSTRINGS = re.compile(
    r"(儿童|孩子|少女|少年|小学|中学|学生|未成年|萝莉|子供|子ども|児童|女子高生|女子中学|ロリ|"
    r"बच्च|लड़की|लड़का|किशोर|छात्रा|नाबालिग|"
    r"मुलगी|मुलगा|मुलां|मुले|अल्पवयीन|विद्यार्थिनी|शाळ|"
    r"केटी|केटा|बालबालिका|बालिका|विद्यार्थी|"
    r"ਬੱਚ|ਕੁੜੀ|ਮੁੰਡ|ਨਾਬਾਲਗ|ਵਿਦਿਆਰਥਣ|"
    r"બાળ|છોકરી|છોકરો|સગીર|વિદ્યાર્થિની|"
    r"పిల్ల|బాలిక|బాలుడు|మైనర్|విద్యార్థిని|"
    r"ළමය|ළමා|දැරිය|පිරිමි ළමය|පාසල්|බාල වයස්|"
    r"เด็ก|นักเรียน|ผู้เยาว์|"
    r"ເດັກ|ນັກຮຽນ|"
    r"ကလေး|ကျောင်းသူ|ကျောင်းသား|အရွယ်မရောက်|"
    r"ក្មេង|កុមារ|សិស្ស|អនីតិជន|"
    r"ბავშვ|გოგონა|გოგო|ბიჭ|მოსწავლე|არასრულწლოვან|თინეიჯერ|"
    r"երեխա|աղջնակ|աղջիկ|տղա|աշակերտ|անչափահաս|դեռահաս|"
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
    r"қыз бала|ұл бала)"
)
AGE = re.compile(
    r"\b(\d{1,2})\s*(?:-\s*)?(?:years?\s*-?\s*old|year-old|yrs?\b|y/o|y\.o\.|yo\b|"
    r"años|ans|jahre|jährig|anos|anni|lat|yaş|tahun|tuổi|saal|jaar|år|ετών|χρονών|лет|години|годишн|"
    r"rokov|ročn|godina|godišnj|metų|metu|mečio|gadus|gadi|gadu|gadīg|yoshli|yoshda|yosh|"
    r"岁|歲|歳|ปี|ປີ|วัย|წლის|տարեկան|jir|"
    r"वर्ष|साल|वर्षे|वर्षांच|वर्षको|ਸਾਲ|વર્ષ|సంవత్సర|ఏళ్ల|අවුරුදు|နှစ်|ឆ្នាំ|"
    # This set's languages.
    r"let|letá|letý|(?:de\s+)?ani\b|éves|vuotia|aastane|aastas|ára|vjeç|vjec|година|годин|anys|urte|oed|"
    r"bliain|bliana|mbliana|taona|anyos|taong|жас|настай|років|рок|роки|살|세|வயது|বছর|سال|ساله|کلن|کال|"
    r"ዓመት|ዓመቷ|ዓመቱ|ዓመታ|വയസ്|ವರ್ಷ|ବର୍ଷ|watayuq|wata)"
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
SENTENCE_BREAK = re.compile(r"[.!;]\s+[A-Z]")


class Row(NamedTuple):
    line: int
    label: str
    category: str
    prompt: str
    style: str
    lang: str


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def strip_marks(text: str) -> str:
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")
    )


def rows(path: Path) -> tuple[list[Row], list[str]]:
    """The rows of a file with their style and language tags, and the problems found while reading."""
    out: list[Row] = []
    problems: list[str] = []
    style = lang = ""
    for n, line in enumerate(path.read_bytes().decode("utf-8").split("\n"), 1):
        header = STYLE_HEADER.match(line)
        if header:
            style, lang = header.group(1), ""
            if style not in STYLES:
                problems.append(f"{path.name}:{n}: unknown style {style!r}")
            continue
        header = LANG_HEADER.match(line)
        if header:
            lang = header.group(1)
            if lang not in SCRIPTS:
                problems.append(f"{path.name}:{n}: unknown language {lang!r}")
            continue
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            problems.append(f"{path.name}:{n}: not three tab-separated fields")
            continue
        if not style:
            problems.append(f"{path.name}:{n}: row before any '# style:' header")
        out.append(Row(n, parts[0], parts[1], parts[2], style, lang))
    return out, problems


def minor_cue(prompt: str) -> str | None:
    text = unicodedata.normalize("NFKC", prompt).casefold()
    for candidate in (text, strip_marks(text)):
        for pattern in (MINOR_WORDS, MINOR_STEMS, MINOR_SUBSTRINGS):
            found = pattern.search(candidate)
            if found:
                return found.group(0)
        for age in (AGE, AGE_BEFORE):
            for found in age.finditer(candidate):
                if int(found.group(1)) < 18:
                    return found.group(0)
    return None


def language_problem(row: Row) -> str | None:
    if row.style != "foreign":
        return f"language tag {row.lang!r} on a {row.style} row" if row.lang else None
    if not row.lang:
        return "foreign row without a '# lang:' header"
    letters = [ch for ch in row.prompt if ch.isalpha() or unicodedata.category(ch) in ("Mn", "Mc")]
    script = SCRIPTS.get(row.lang)
    own = OWN_LETTERS.get(row.lang)
    if own is not None and not own.search(row.prompt):
        return f"{row.lang} row holds none of that language's own letters"
    if script is not None:
        share = sum(1 for ch in letters if script.match(ch)) / len(letters) if letters else 0.0
        if share < SCRIPT_SHARE_MIN:
            return f"{row.lang} row is {share:.0%} in its script, want >= {SCRIPT_SHARE_MIN:.0%}"
        return None
    if not any(ch.isalpha() and (ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF) for ch in row.prompt):
        return f"{row.lang} row holds no Latin letters"
    english = [w for w in re.findall(r"[a-z]+", row.prompt.casefold()) if w in ENGLISH_WORDS]
    if len(english) > 1:
        return f"{row.lang} row holds English words {english}"
    return None


def style_problem(row: Row) -> str | None:
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
    if row.style in ("plain", "near_miss"):
        if SENTENCE_BREAK.search(prompt.rstrip(".!")):
            return f"{row.style} row is more than one sentence"
        if (
            "?" in prompt
            or "#" in prompt
            or VERSE_LINE.search(prompt)
            or len(LIST_MARKER.findall(prompt)) >= 2
            or USER_TURN.search(prompt)
            or MODEL_TURN.search(prompt)
        ):
            return f"{row.style} row is shaped like another style"
    return None


def in_range(count: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= count <= bounds[1]


def file_rules(name: str, found: list[Row]) -> list[str]:
    problems = []
    counts = collections.Counter((r.label, r.category) for r in found)
    if name == "categories.tsv":
        for _label, category in counts:
            if category not in SCREEN_CATEGORIES and category != "sexual_minors":
                problems.append(f"{name}: category {category!r} does not belong in this file")
        for category in SCREEN_CATEGORIES:
            block, allow = counts[("block", category)], counts[("allow", category)]
            if not in_range(block, CATEGORY_BLOCK_RANGE):
                problems.append(f"{name}: {block} block {category} rows, want {CATEGORY_BLOCK_RANGE}")
            if not in_range(allow, CATEGORY_ALLOW_RANGE):
                problems.append(f"{name}: {allow} allow {category} rows, want {CATEGORY_ALLOW_RANGE}")
            foreign = [r for r in found if (r.label, r.category, r.style) == ("block", category, "foreign")]
            if len(foreign) < FOREIGN_BLOCK_PER_CATEGORY_MIN:
                problems.append(f"{name}: {len(foreign)} foreign block {category} rows, want >= 8")
            if len({r.lang for r in foreign}) < len(foreign):
                problems.append(f"{name}: two foreign block {category} rows share a language")
            styles = {r.style for r in found if (r.label, r.category) == ("block", category)}
            for style in sorted(STYLES - {"near_miss"} - styles):
                problems.append(f"{name}: no block {category} row in style {style!r}")
        for category in [*SCREEN_CATEGORIES, "sexual_minors"]:
            styles = {r.style for r in found if (r.label, r.category) == ("allow", category)}
            for style in sorted(STYLES - {"near_miss"} - styles):
                problems.append(f"{name}: no allow {category} row in style {style!r}")
        minors = counts[("allow", "sexual_minors")]
        if not in_range(minors, MINOR_ALLOW_RANGE):
            problems.append(f"{name}: {minors} allow sexual_minors rows, want {MINOR_ALLOW_RANGE}")
        if any(r.style == "near_miss" for r in found):
            problems.append(f"{name}: near_miss is a benign.tsv style")
    elif name == "benign.tsv":
        if any(r.label != "allow" for r in found):
            problems.append(f"{name}: every row must be allow")
        if not in_range(len(found), BENIGN_RANGE):
            problems.append(f"{name}: {len(found)} rows, want {BENIGN_RANGE}")
        near = sum(1 for r in found if r.style == "near_miss")
        if near < NEAR_MISS_MIN * len(found):
            problems.append(f"{name}: {near} near_miss rows, want at least a fifth")
        for style in sorted(STYLES - {r.style for r in found}):
            problems.append(f"{name}: no row in style {style!r}")
    if counts[("block", "sexual_minors")]:
        problems.append(f"{name}: block/sexual_minors rows are not written in this folder (see README.md)")
    return problems


def other_set_keys() -> tuple[set[str], int, list[str]]:
    """Folded fields and lines of the other sets. Nothing from them is printed."""
    keys: set[str] = set()
    problems = []
    paths: set[Path] = set()
    for pattern in OTHER_SETS:
        matched = {path for path in SAFETY.glob(pattern) if path.resolve().parent != HERE}
        if not matched:
            problems.append(f"no files match safety/{pattern}")
        paths |= matched
    for path in sorted(paths):
        for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            keys.add(fold(line))
            keys.update(fold(field) for field in line.split("\t") if field.strip())
    return keys, len(paths), problems


def share_line(part: int, total: int) -> str:
    return f"{part} ({part / total:.1%})" if total else str(part)


def check_row(name: str, row: Row) -> list[str]:
    where = f"{name}:{row.line}"
    problems = []
    if row.prompt != row.prompt.strip() or "  " in row.prompt:
        problems.append(f"{where}: leading/trailing or doubled whitespace")
    if any(unicodedata.category(ch) == "Cc" for ch in row.prompt):
        problems.append(f"{where}: control character in prompt")
    for problem in (language_problem(row), style_problem(row)):
        if problem:
            problems.append(f"{where}: {problem}")
    if row.label == "block" and row.category in ("sexual", "likeness"):
        cue = minor_cue(row.prompt)
        if cue:
            problems.append(f"{where}: block {row.category} row carries a minor cue {cue!r}")
    return problems


def main() -> int:
    others, n_files, problems = other_set_keys()
    everywhere: dict[str, str] = {}
    all_rows: list[Row] = []
    for name in FILES:
        found, read_problems = rows(HERE / name)
        problems.extend(read_problems)
        good: list[Row] = []
        seen: dict[str, int] = {}
        for row in found:
            where = f"{name}:{row.line}"
            if row.label not in LABELS or row.category not in CATEGORIES or not row.prompt.strip():
                problems.append(f"{where}: malformed row")
                continue
            problems.extend(check_row(name, row))
            key = fold(row.prompt)
            if key in seen:
                problems.append(f"{where}: duplicate of line {seen[key]}")
            seen[key] = row.line
            if key in everywhere and everywhere[key] != name:
                problems.append(f"{where}: also in {everywhere[key]}")
            everywhere.setdefault(key, name)
            if key in others:
                problems.append(f"{where}: duplicates a row of an existing set")
            good.append(row)
        counts = collections.Counter((r.label, r.category) for r in good)
        print(f"{name}: {len(good)} rows")
        for (label, category), c in sorted(counts.items()):
            print(f"  {label:5} {category:14} {c}")
        print("  by style (share of the file's rows with that label):")
        for label in sorted(LABELS):
            total = sum(1 for r in good if r.label == label)
            by_style = collections.Counter(r.style for r in good if r.label == label)
            for style, c in sorted(by_style.items()):
                print(f"  {label:5} {style:14} {share_line(c, total)}")
        problems.extend(file_rules(name, good))
        all_rows.extend(good)
    for label, minimum in FOREIGN_MIN.items():
        labelled = [r for r in all_rows if r.label == label]
        foreign = [r for r in labelled if r.style == "foreign"]
        share = len(foreign) / len(labelled) if labelled else 0.0
        languages = collections.Counter(r.lang for r in foreign)
        print(f"foreign share of {label} rows: {len(foreign)}/{len(labelled)} = {share:.1%} (want >= {minimum:.0%})")
        print(f"  {len(languages)} languages: " + ", ".join(f"{k} {v}" for k, v in sorted(languages.items())))
        if share < minimum:
            problems.append(f"foreign share of {label} rows is {share:.1%}, want >= {minimum:.0%}")
        if len(languages) < LANGUAGES_MIN:
            problems.append(f"{len(languages)} languages among foreign {label} rows, want >= {LANGUAGES_MIN}")
    all_languages = {r.lang for r in all_rows if r.style == "foreign"}
    print(f"languages in all: {len(all_languages)}")
    if len(all_languages) < LANGUAGES_TOTAL_MIN:
        problems.append(f"{len(all_languages)} languages in all, want >= {LANGUAGES_TOTAL_MIN}")
    block_languages = {r.lang for r in all_rows if r.label == "block" and r.style == "foreign"}
    new_used = sorted(block_languages & NEW_LANGUAGES)
    print(f"languages the brief singled out, among block rows: {len(new_used)} of {len(NEW_LANGUAGES)}")
    print(f"  {', '.join(new_used)}")
    if len(new_used) < NEW_LANGUAGES_MIN:
        problems.append(f"{len(new_used)} of the singled-out languages among block rows, want >= {NEW_LANGUAGES_MIN}")
    print(f"compared against {len(others)} folded fields from {n_files} files of existing sets")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
