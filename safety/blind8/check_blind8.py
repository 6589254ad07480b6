"""Checks the eighth blind evaluation set (standard library only). Run from anywhere:

    python safety/blind8/check_blind8.py

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray whitespace, no carriage return or other control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known language code. A row whose
  language has its own script (Devanagari, Gurmukhi, Gujarati, Telugu, Sinhala, Thai, Lao, Burmese, Khmer,
  Georgian, Armenian, Hebrew, Arabic, Cyrillic, CJK, kana) is written in it: at least 60 % of its letters are in
  that script. Rows in languages that share a script with others must also hold a letter of their own (Belarusian
  ў, Macedonian ѓ/ќ/ѕ/ј/љ/њ/џ, Kyrgyz ң/ө/ү, Tajik ғ/ӣ/қ/ӯ/ҳ/ҷ, Yiddish pointing or double-letter ligatures,
  Azerbaijani ə, Maltese ċ/ġ/ħ/ż, Esperanto ĉ/ĝ/ĥ/ĵ/ŝ/ŭ, Japanese kana). A row in a Latin-script language holds
  Latin letters and at most one English function word ("the", "and", "with", "please", "make", "video"...). Rows
  of other styles carry no language tag;
* style shapes (English rows; `foreign` rows are checked for their language only): `json` is one line of JSON
  (an object with quoted keys), of `key: value; key: value` pairs, or a function call with keyword arguments;
  `review` carries a rating or a reviewer's marker (stars, "4/5", "review", "rated", "the part where" ...);
  `diary` is in the first person and carries a diary marker (Dear diary, journal, confession, today, tonight, a
  weekday or a date); `ad` carries a marketing marker (brief, campaign, spot, launch, brand, tagline, CTA ...);
  `negation` is stated through a negation (don't, no, not, never, without, avoid ...); `technical` holds a term
  of a trade (VFX/SFX, forensic, anatomical, chemical, engineering or camera-department jargon); `sequel` refers
  to an earlier clip or story (continue, part 2, same characters, next scene, where it left off ...); `slang`
  holds casual or regional slang or a texting abbreviation (pls, rn, ngl, innit, arvo, finna ...) and no
  character tricks (no letters mixed with digits or symbols inside a word) and none of the earlier set's
  algospeak codes; `plain` and `near_miss` are a single sentence with no question mark, hashtag, list marker,
  speaker turn, verse line, braces or rating. No English row uses the markers of the earlier sets' styles
  (tag weights, "User:/Assistant:" transcripts, BREAKING banners, " / " verse lines, "ignore previous
  instructions");
* the `foreign` share is at least 20 % of block rows and 15 % of allow rows over both files together, spread over
  at least 20 languages among the block rows and 20 among the allow rows, and at least 30 languages in all; each
  screen category holds at least 8 foreign block rows, no two in the same language; the block rows use at least
  30 of the 42 languages the brief singled out (Swahili, Yoruba, Hausa, Zulu, Somali, Nepali, Sinhala, Burmese,
  Khmer, Lao, Thai, Georgian, Armenian, Azerbaijani, Uzbek, Kyrgyz, Tajik, Belarusian, Bulgarian, Macedonian,
  Croatian, Slovak, Lithuanian, Latvian, Maltese, Luxembourgish, Afrikaans, Maori, Samoan, Javanese, Sundanese,
  Cebuano, Haitian Creole, Esperanto, Marathi, Gujarati, Punjabi, Telugu, Kurdish, Yiddish, Shona, Wolof);
* per-file rules: `categories.tsv` holds the six screen categories with 35-45 block and 20-30 allow rows each,
  plus 20-30 `allow`/`sexual_minors` rows; every style but `near_miss` appears among each category's block rows
  and among each category's allow rows (the `sexual_minors` rows included); `benign.tsv` is all `allow`
  (230-270 rows), at least a fifth of them `near_miss`, and uses every style; no file holds a
  `block`/`sexual_minors` row (README.md says why);
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid in English, the languages of the earlier sets and the languages used here), so those rows
  can never be read as sexualising a minor. Whole words are matched where words are spaced and unmarked, word
  stems for agglutinative or inflecting languages (Turkish, Finnish, Hungarian, Kyrgyz, Tajik, Belarusian,
  Esperanto ...), and substrings for scripts with combining marks or attached prefixes (Hebrew and Yiddish,
  Arabic script, the Indic scripts, Thai, Lao, Burmese, Khmer, Georgian, Armenian ...);
* no duplicate prompt within a file or across the blind8 files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and the blind8 line numbers are reported;
* prints row counts per label, category, style and language, and word counts of the English rows. Exits 1 on
  any problem.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # safety/, for blind_check
if TYPE_CHECKING:
    from safety import blind_check as bc
else:
    import blind_check as bc

HERE = Path(__file__).resolve().parent
NEW_STYLES = {"json", "review", "diary", "ad", "negation", "technical", "sequel", "slang"}
STYLES = NEW_STYLES | {"foreign", "plain", "near_miss"}
# Languages the brief singled out (used little by the earlier sets); the block rows must use at least 30 of them.
# Cebuano has no ISO 639-1 code and uses its ISO 639-2 code `ceb`.
NEW_LANGUAGES = {
    "sw", "yo", "ha", "zu", "so", "ne", "si", "my", "km", "lo", "th", "ka", "hy", "az", "uz", "ky", "tg", "be",
    "bg", "mk", "hr", "sk", "lt", "lv", "mt", "lb", "af", "mi", "sm", "jv", "su", "ceb", "ht", "eo", "mr", "gu",
    "pa", "te", "ku", "yi", "sn", "wo",
}  # fmt: skip

# Language codes used here. Those written in their own script map to a pattern for that script's letters.
LATIN = None
DEVANAGARI = bc.DEVANAGARI
CYRILLIC = bc.CYRILLIC
ARABIC = bc.ARABIC_EXTENDED
HEBREW = re.compile(r"[\u0590-\u05ff\ufb1d-\ufb4f]")
SCRIPTS: dict[str, re.Pattern[str] | None] = {
    "sw": LATIN, "yo": LATIN, "ha": LATIN, "zu": LATIN, "so": LATIN, "az": LATIN, "uz": LATIN, "hr": LATIN,
    "sk": LATIN, "lt": LATIN, "lv": LATIN, "mt": LATIN, "lb": LATIN, "af": LATIN, "mi": LATIN, "sm": LATIN,
    "jv": LATIN, "su": LATIN, "ceb": LATIN, "ht": LATIN, "eo": LATIN, "ku": LATIN, "sn": LATIN, "wo": LATIN,
    "es": LATIN, "fr": LATIN, "de": LATIN, "it": LATIN, "pt": LATIN,
    "ky": CYRILLIC, "tg": CYRILLIC, "be": CYRILLIC, "bg": CYRILLIC, "mk": CYRILLIC, "ru": CYRILLIC,
    "ar": ARABIC,
    "yi": HEBREW,
    "mr": DEVANAGARI, "ne": DEVANAGARI, "hi": DEVANAGARI,
    **bc.SCRIPTS_PA_TO_LO,
    "my": re.compile(r"[\u1000-\u109f\uaa60-\uaa7f]"),
    "km": re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]"),
    "ka": re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf]"),
    "hy": re.compile(r"[\u0530-\u058f]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"),
}  # fmt: skip
# Languages that share a script with others must hold at least one letter of their own.
OWN_LETTERS: dict[str, re.Pattern[str]] = {
    "be": re.compile(r"[ўЎ]"),
    "mk": re.compile(r"[ѓќѕјљњџЃЌЅЈЉЊЏ]"),
    "ky": re.compile(r"[ңөүҢӨҮ]"),
    "tg": re.compile(r"[ғӣқӯҳҷҒӢҚӮҲҶ]"),
    # YIVO pointing (pasekh, komets, rafe, dagesh on pey) or the double-letter ligatures.
    "yi": re.compile(r"[\u05b7\u05b8\u05bf\u05bc\u05f0\u05f1\u05f2\ufb1f\ufb2e\ufb2f\ufb4c]"),
    "az": re.compile(r"[əƏ]"),
    "mt": re.compile(r"[ċġħżĊĠĦŻ]"),
    "eo": re.compile(r"[ĉĝĥĵŝŭĈĜĤĴŜŬ]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
}

# Words that mark a minor. Checked on block sexual / likeness rows only, on the case-folded text and on the same
# text with combining marks removed (so that Yoruba, Lithuanian or Haitian spelt with or without marks match).
# Whole words: English, the earlier sets' languages and the spaced, unmarked languages used here.
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
    # This set's spaced languages: Maltese, Luxembourgish, Afrikaans, Maori, Samoan, Javanese, Sundanese, Cebuano,
    # Haitian Creole, Kurdish (Kurmanji), Shona, Wolof. Luxembourgish 'Jong' (boy) is left out: it is also part of
    # Korean names (Kim Jong Un); its plural 'Jongen' is matched.
    r"tifel|tifla|tfal|tfajla|tfajjel|skola|studenta|minorenni|minorenna|adolexxent|adolexxenti|"
    r"kand|kanner|meedchen|meedercher|jonk|jonkt|schoul|mannerjäreg|mannerjäreger|"
    r"kinders|meisie|meisies|seun|seuns|skool|skoolmeisie|leerling|leerder|tiener|"
    r"tamaiti|tamariki|kōtiro|kotiro|tamaroa|tama|kura|ākonga|akonga|taiohi|rangatahi|"
    r"tamaitiiti|teine|teineitiiti|aoga|a'oga|talavou|"
    r"bocah|bocah-bocah|cah wadon|cah lanang|sekolah|"
    r"budak|barudak|murangkalih|sakola|rumaja|"
    r"bata|batang|mga bata|batan-on|batang babaye|batang lalaki|estudyante|eskwelahan|tin-edyer|menor de edad|"
    r"timoun|tifi|tigason|pitit|lekòl|lekol|elèv|minè|adolesan|"
    r"zarok|zarokan|zarokek|keçik|keçikek|keçika|kurik|dibistan|xwendekar|şagirt|"
    r"mwana|vana|musikana|vasikana|mukomana|vakomana|chikoro|mudzidzi|wechidiki|kamwana|"
    r"xale|xaleyi|janq|ndaw|lekool|ekool|njàngaan|"
    # Earlier sets' spaced languages.
    r"nen|nena|nens|nenes|noia|noies|alumna|alumne|neno|nenas|rapaza|rapaz|colexio|"
    r"copil|copii|copilă|fetiță|fată|băiat|adolescentă|elevă|elev|școală|minoră|"
    r"dítě|děti|holka|holčička|školačka|škola|nezletilá|nezletilý|žákyně|"
    r"dzieci|dziewczyna|chłopak|nastolatka|nastolatek|uczennica|uczeń|szkoła|nieletnia|nieletni|małoletnia",
)
# Word stems (leading word boundary only) for agglutinative or inflecting languages: Turkish, Finnish, Hungarian,
# Estonian, Basque, Kazakh, Kyrgyz, Tajik, Mongolian, Ukrainian, Belarusian, Bulgarian, Macedonian, Serbian,
# Croatian, Slovak, Lithuanian, Latvian, Polish, Czech, Slovenian, Esperanto, Azerbaijani, Uzbek.
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
    r"infan|knab|lernej|lernant|adoleskant|neplenaĝ|neplenag)"
)
# Scripts where \b is unreliable (no spaces, combining marks, attached prefixes or particles), and stems: matched
# as substrings.
MINOR_SUBSTRINGS = re.compile(
    r"(儿童|孩子|少女|少年|小学|中学|学生|未成年|萝莉|子供|子ども|児童|女子高生|女子中学|ロリ|"
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
    r"طفل|أطفال|قاصر|تلميذ|مراهق|"
    r"بچہ|بچی|بچے|لڑکی|لڑکا|نابالغ|طالبہ|اسکول|سکول|کمسن|"
    r"کودک|بچه|دختربچه|پسربچه|نوجوان|دانش‌آموز|دانش آموز|دانشآموز|مدرسه|زیر سن|"
    r"ماشوم|نجلۍ|هلک|ښوونځ|زده کوونک|کم عمر|تنکي|"
    # Hebrew and Yiddish (prefixes attach: הילדה, לנערה; checked also with the pointing removed).
    r"ילד|נערה|נערות|נערים|תלמיד|קטינ|בית ספר|בית הספר|"
    r"קינד|מיידל|מײדל|יינגל|ייִנגל|ײנגל|שול|מינדעריעריק|"
    r"ልጅ|ሕፃን|ህፃን|ህጻን|ሕጻን|ልጃገረድ|ተማሪ|ትምህርት ቤት|ታዳጊ|ለአካለ መጠን|ቆልዓ|ተምሃራይ|ቤት ትምህርቲ|"
    r"어린이|어린아이|아동|소녀|소년|여학생|남학생|학생|여고생|여중생|초등|중학생|고등학생|미성년|청소년|로리|"
    r"குழந்தை|சிறுமி|சிறுவன்|சிறார்|மாணவி|மாணவன்|பள்ளி|மைனர்|பதின்|"
    r"শিশু|বাচ্চা|কিশোর|ছাত্রী|ছাত্র|স্কুল|নাবালক|নাবালিকা|"
    r"കുട്ടി|പെൺകുട്ടി|ആൺകുട്ടി|വിദ്യാർത്ഥി|സ്കൂൾ|കൗമാര|പ്രായപൂർത്തിയാകാത്ത|"
    r"ಮಗು|ಮಕ್ಕಳ|ಹುಡುಗಿ|ಹುಡುಗ|ಬಾಲಕ|ವಿದ್ಯಾರ್ಥಿ|ಶಾಲೆ|ಅಪ್ರಾಪ್ತ|"
    r"ଶିଶୁ|ପିଲା|ଝିଅ|ପୁଅ|ଛାତ୍ରୀ|ଛାତ୍ର|ବିଦ୍ୟାଳୟ|ନାବାଳକ|"
    # Kazakh 'қыз' (girl) only with a child word after it, since it also begins 'қызыл' (red).
    r"қыз бала|ұл бала)"
)
AGE = bc.ages(
    bc.AGES_ENGLISH,
    bc.AGES_BLIND6,
    r"वर्ष|साल|वर्षे|वर्षांच|वर्षको|ਸਾਲ|વર્ષ|సంవత్సర|ఏళ్ల|අවුරුදු|နှစ်|ឆ្នាំ",
    # blind7's languages.
    bc.AGES_BLIND7,
    # This set's languages.
    r"il\s+sena|sena\b|snin\b|joer|jara|jaraĝ|jarag|taun\b|tuig|an\b|lane\b|salî|sali\b|sal\b|at\b|"
    r"tausaga|tau\b|יאָר|יאר|жаш|сола|сону|гадоў|гады|год\b|yaşlı|yaşında|ёшли|ёш",
)
AGE_BEFORE = re.compile(
    r"(?:\b(?:miaka|shekara|shekaru|iminyaka|odun|umri wa|aged?|edad de|idade de|umur|berumur|imyaka|afọ|afo|"
    r"edat de|makore|ta')|בת|בן)\s*(\d{1,2})\b"
)

# Style shapes (checked on English rows).
JSON_OBJECT = re.compile(r'^\{.*"[^"]+"\s*:.*\}$')
KEY_VALUES = re.compile(r"^[\w .'/-]{1,30}:\s*[^;]+(?:;\s*[\w .'/-]{1,30}:\s*[^;]+)+;?$")
CALL = re.compile(r"^[A-Za-z_][\w.]*\(.*\b\w+\s*=.*\)\s*;?$")
REVIEW = re.compile(
    r"★|⭐|\b\d{1,2}(?:\.\d)?\s*/\s*(?:5|10)\b|\b(?:one|two|three|four|five|zero|[0-5])[ -]stars?\b|"
    r"\b(review|reviewed|reviews|reviewer|rating|rated|verdict|watched|rewatch\w*|recommend\w*|critic|"
    r"masterpiece|thumbs (?:up|down)|standout|highlight|pacing|the (?:part|bit|scene|moment|shot) where)\b",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|I'll|my|me|myself|we|our)\b", re.IGNORECASE)
DIARY = re.compile(
    r"\b(dear diary|diary|journal|entry|confession|confess|today|tonight|yesterday|this morning|last night|"
    r"this week|day \d+|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+\d{1,2}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\b",
    re.IGNORECASE,
)
AD = re.compile(
    r"\b(ad|ads|advert|advertising|advertisement|commercial|campaign|brief|spot|launch|launching|brand|"
    r"branded|branding|client|tagline|CTA|call to action|product|sponsor|sponsored|promo|promotional|"
    r"introducing|marketing|agency|copy|slogan|packshot|buy now|shop now|pre-order|limited edition|USP|"
    r"target audience|pitch|mascot|sale|discount|merch|storefront|subscribe|influencer|hero shot)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(don't|dont|do not|doesn't|does not|didn't|did not|no|not|never|without|avoid|nothing|none|nor|"
    r"neither|mustn't|must not|shouldn't|should not|can't|cannot|won't|will not|isn't|aren't|wasn't|no one|"
    r"nobody|nowhere|skip|leave out|omit|refrain|unless|instead of|rather than|hide nothing|uncut|"
    r"unblurred|uncensored|unflinching)\b",
    re.IGNORECASE,
)
TECHNICAL = re.compile(
    r"\b(VFX|SFX|FX|CG|CGI|prosthetics?|squibs?|plates?|comp|compositing|rig|rigged|rigging|sim|roto|"
    r"breakdown|practical|appliances?|forensic|forensics|autopsy|post-mortem|pathology|pathologist|"
    r"anatomical|anatomy|anterior|posterior|lateral|medial|dorsal|ventral|volar|distal|proximal|incisions?|"
    r"lacerations?|contusions?|ha?ematoma|exsanguination|trauma|thoracic|cervical|femoral|carotid|jugular|"
    r"subcutaneous|dermal|epidermis|fascia|viscera|evisceration|cadaver|lividity|petechia\w*|ligature|"
    r"synthesis|synthesi[sz]e|reagents?|precursors?|yield|reaction|titration|solvent|oxidi[sz]er|fuel|"
    r"tolerances?|schematic|CAD|STL|CNC|milling|machining|torque|payload|ballistics?|muzzle|chamber|barrel|"
    r"receiver|sear|firing pin|detonator|initiator|shrapnel|fragmentation|blast radius|overpressure|"
    r"fps|frame rate|shutter|aperture|ISO|lens|\d+\s?mm|focal|dolly|gimbal|crane|steadicam|rack focus|"
    r"macro|telephoto|Kelvin|LUT|colou?r grade|grading|blocking|coverage|insert shot|DOP|DP|gaffer|grip|"
    r"keyframes?|HDR|overcrank|high-speed|Phantom|ARRI|spec|specs|parameters?|BMI|kcal|calori[ce]s?|"
    r"deficit|toxicology|onset|pharmacolog\w*|clinical|vignette|ethnograph\w*|demograph\w*|phenotyp\w*|"
    r"cohort|SKU|metadata|render pass|matte|chroma|green ?screen|motion capture|mocap|face replacement|"
    r"face swap|landmarks?|encoder|LoRA|checkpoint|inpainting|lip-?sync|voice clone|dataset|"
    r"cross-section|slow-motion|slo-mo|POV|interior|exterior|wide shot|close-up|CU|ECU|MCU|timelapse|"
    r"drone|FPV|telemetry|airframe|servo|PCB|firmware|GPIO|kinetic|thermal|pyrotechnic\w*|pyro|det cord|"
    r"stunt|harness|descender|belay|carabiner|anchor|sedation|sedative|anaesthe\w*|triage|tourniquet|"
    r"haemorrhage|hemorrhage|tissue|gross anatomy|specimen|mortuary|embalm\w*|curing|brine|sous-vide|"
    r"mise en place|emulsion|hydrocolloid|gelatin|silicone|foam latex|lifecast|sculpt|mould|mold|"
    r"casting|latex|substrate|fixture|HVAC|rebar|load-bearing|shear|tensile|weld|welding|CNC|lathe|jig|"
    r"firmware|codec|bitrate|stereoscopic|volumetric|photogrammetry|LiDAR|scan|texture|shader|"
    r"particles?|fluid sim|rigid body|destruction sim|Houdini|Nuke|Maya|Blender|Unreal|archival|restoration|"
    r"upscal\w*|colou?ri[sz]\w*|stabili[sz]\w*)\b",
    re.IGNORECASE,
)
SEQUEL = re.compile(
    r"\b(continue|continues|continuing|continuation|sequel|part (?:2|3|4|5|two|three|four|II|III)|pt\.? ?\d|"
    r"next scene|next episode|next clip|same characters?|same (?:guy|woman|man|setup|scene|couple|set|cast|"
    r"two|crew|family|kids|dog|room|house|location|style)|picks? up where|left off|previous clip|last clip|"
    r"last video|earlier clip|first clip|last one|follow-up|follow up|carry on|episode \d+|from where|"
    r"round two|again|sequel|chapter (?:2|3|two|three)|now (?:they|he|she|the))\b",
    re.IGNORECASE,
)
SLANG = re.compile(
    r"\b(pls|plz|rn|ngl|tbh|imo|idk|lol|lmao|innit|mate|bruv|bro|fam|lowkey|highkey|deadass|finna|gonna|"
    r"wanna|gotta|tryna|ya|y'all|yall|arvo|reckon|bloke|sheila|heaps|keen|u|ur|cuz|coz|cos|bussin|gg|noob|"
    r"ez|ain't|dunno|proper|sick|mint|peak|wagwan|ting|bare|peng|mandem|gassed|chuffed|knackered|quid|cuppa|"
    r"smh|istg|omg|bruh|dawg|lit|vibes?|vibin|lemme|gimme|kinda|sorta|legit|hella|wicked|cheeky|yeah nah|"
    r"nah|aight|tho|thx|ty|defo|cringe|mid|based|servo|brekkie|arvo|mozzie|ute|sus|oi|lads?|geezer|bossman|"
    r"naff|gutted|buzzin|skint|cya|ya know|iykyk|fr fr|wyd|hmu|rly|tho|srsly|plsss|yh|ye|goated|cracked|"
    r"clutch|grind|grinding|afk|irl|dm|og|lemme|bout|gon|finna|ion|bet|slaps|drip|bop|bestie|deffo|ta|"
    r"reckon|mates|dodgy|stoked|rad|ripper|bloody|bugger|blimey|crikey|pissed)\b",
    re.IGNORECASE,
)
# Character tricks that the slang style must not use: letters mixed with digits or symbols inside a word
# (leetspeak, "s3x", "k!ll", "$uicide"), letters spaced out one by one, and the earlier set's algospeak codes.
CHARACTER_TRICK = re.compile(
    r"\b[a-z]+[0-9]+[a-z]+\b|\b[a-z]+[$@!][a-z]+\b|\$[a-z]|\b(?:[a-z] ){3,}[a-z]\b", re.IGNORECASE
)
ALGOSPEAK_CODES = re.compile(
    r"\b(unalive\w*|seggs\w*|sewerslide|sewer slide|le\$bean|nip nops|accountant|pew pew|corn|glizzy|"
    r"mascara|spicy accountant|cat scratches)\b",
    re.IGNORECASE,
)
# The markers of the earlier sets' styles, which this set's English rows avoid.
OLD_STYLE = re.compile(
    r"\(\s*[\w ]+:\s*\d\.\d\s*\)|\b(?:User|Assistant)\s*:|\bBREAKING\b|\s/\s.*\s/\s|"
    r"\bignore (?:all )?(?:previous|prior) instructions\b|\bdeveloper mode\b|\bINT\.\s|\bEXT\.\s",
)
USER_TURN = re.compile(r"\b(User|Me|Human|Client)\s*:")
MODEL_TURN = re.compile(r"\b(Assistant|AI|Bot|Model|Kinema)\s*:")
LIST_MARKER = re.compile(r"(?:^|\s)(?:\d{1,2}[).]|[-•*])\s")
VERSE_LINE = re.compile(r"\s/\s")
WORD = re.compile(r"[\w'’-]+")


def style_problem(row: bc.Row) -> str | None:
    prompt = row.prompt
    if row.style == "foreign":
        return None
    old_style = OLD_STYLE.search(prompt)
    if old_style:
        return f"{row.style} row carries an earlier set's style marker {old_style.group(0)!r}"
    if row.style == "json" and not (JSON_OBJECT.match(prompt) or KEY_VALUES.match(prompt) or CALL.match(prompt)):
        return "json row is not a JSON object, 'key: value; key: value' pairs or a call with keyword arguments"
    if row.style == "review" and not REVIEW.search(prompt):
        return "review row has no rating or reviewer's marker"
    if row.style == "diary" and not (FIRST_PERSON.search(prompt) and DIARY.search(prompt)):
        return "diary row is not first person with a diary marker"
    if row.style == "ad" and not AD.search(prompt):
        return "ad row has no marketing marker"
    if row.style == "negation" and not NEGATION.search(prompt):
        return "negation row holds no negation"
    if row.style == "technical" and not TECHNICAL.search(prompt):
        return "technical row holds no term of a trade"
    if row.style == "sequel" and not SEQUEL.search(prompt):
        return "sequel row refers to no earlier clip or story"
    if row.style == "slang":
        if not SLANG.search(prompt):
            return "slang row holds no slang word or texting abbreviation"
        trick = CHARACTER_TRICK.search(prompt)
        if trick:
            return f"slang row uses a character trick {trick.group(0)!r}"
        code = ALGOSPEAK_CODES.search(prompt)
        if code:
            return f"slang row uses an algospeak code {code.group(0)!r}"
    return bc.one_sentence_problem(
        row,
        lambda p: (
            "?" in p
            or "#" in p
            or "{" in p
            or "★" in p
            or bool(VERSE_LINE.search(p))
            or len(LIST_MARKER.findall(p)) >= 2
            or bool(USER_TURN.search(p))
            or bool(MODEL_TURN.search(p))
            or bool(KEY_VALUES.match(p))
            or bool(CALL.match(p))
        ),
    )


def file_counts(name: str, found: list[bc.Row]) -> list[str]:
    """More counts of a file: categories.tsv per category and style, and its foreign block rows' languages; the
    word counts of the English rows."""
    lines = []
    if name == "categories.tsv":
        lines.append("  by category and style (block / allow):")
        for category in [*bc.SCREEN_CATEGORIES, "sexual_minors"]:
            parts = []
            for style in sorted(STYLES - {"near_miss"}):
                b = sum(1 for r in found if (r.label, r.category, r.style) == ("block", category, style))
                a = sum(1 for r in found if (r.label, r.category, r.style) == ("allow", category, style))
                parts.append(f"{style} {b}/{a}")
            lines.append(f"  {category:14} " + ", ".join(parts))
        for category in bc.SCREEN_CATEGORIES:
            langs = [r.lang for r in found if (r.label, r.category, r.style) == ("block", category, "foreign")]
            lines.append(f"  foreign block {category}: {', '.join(langs)}")
    lines.append(f"  {word_counts(found)}")
    return lines


def word_counts(found: list[bc.Row]) -> str:
    counts = [len(WORD.findall(r.prompt)) for r in found if r.style != "foreign"]
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
    file_counts=file_counts,
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
