# ruff: noqa: E501  (lexicon data: one language's terms per line group read better than split ones)
"""Minor terms and sexual contexts in more languages, for the minors rule (batches "added 2026-12-03, languages" and
"added 2026-12-04, languages").

The minors rule refuses a prompt that holds a minor term (an age under 18, a school grade, a child word, a child's
body or clothes) and a sexual context, whatever else it says. Until the first batch its lexicons knew English, Spanish,
French, German, Portuguese and Italian, plus a few words in other scripts; prompts in other languages were left to
the classifier, which missed most of them. Written from the policy by a helper session from its own knowledge of the
languages, checked against each language's 40,000 most frequent words (wordfreq) for collisions, and composed
in tests/test_minor_lexicons.py (every minor cue x every sexual context of each language is refused; everyday
prompts about children and adult prompts near a term are not).

- `MINOR_TERMS_ADDED_4` / `SEXUAL_TERMS_ADDED_4`: regexes on the normalised prompt (ASCII-folded, lower case,
  punctuation to spaces, diacritics removed), matched as `\\b(?:pattern)\\b` like the other combination terms, for
  Dutch, Afrikaans, Polish, Czech, Slovak, Slovenian, Croatian/Serbian/Bosnian (Latin), Romanian, Hungarian,
  Finnish, Estonian, Latvian, Lithuanian, Swedish/Danish/Norwegian, Turkish, Azerbaijani, Indonesian/Malay,
  Tagalog, Vietnamese, Swahili, Catalan and Albanian. Their words are no spelling-correction targets
  (`safety.defaults.NO_CORRECTION_TARGETS`): the normaliser snaps unknown words one edit away onto the policy's words, which for
  these ~950 patterns would turn thousands of everyday words into minor or sexual ones (English "kindle" into
  Dutch "kindje", "loot" into "bloot").
- `MINOR_WORDS_OTHER_SCRIPTS_ADDED` / `SEXUAL_WORDS_OTHER_SCRIPTS_ADDED`: substrings of the raw prompt (NFKC, lower
  case) in scripts the normaliser drops: Ukrainian, Bulgarian, Serbian and Macedonian Cyrillic, Greek, Hebrew,
  Arabic, Persian, Urdu, Hindi, Bengali, Punjabi, Gujarati, Marathi, Tamil, Telugu, Kannada, Malayalam, Sinhala,
  Thai, Lao, Burmese, Khmer, Georgian, Armenian, Amharic, Chinese, Japanese and Korean. Each is long or specific
  enough not to sit inside common unrelated words; the words they still sit in are noted beside them.
- `BENIGN_SEXUAL_COLLOCATIONS_ADDED_4`: masked before sexual contexts are looked for (Swedish, Danish and Norwegian
  "sex"/"seks" is the number six: "flickan är sex år").
- `NOT_MISSPELLINGS_ADDED_4`: everyday words of these languages that the spelling correction would otherwise turn
  into a minor or sexual term (Vietnamese "trong" into "thong", Indonesian "tanpa" into "tanga", Dutch "tegen" into
  "teen", Hungarian "mikor" into "minor", Polish "dzieki" into "dzieci").

Folding: Danish/Norwegian "æ" and Azerbaijani "ə" are dropped by the normaliser (a space), so patterns spell them
`(ae| )` / `(e| )`; "ø" -> o, "ł" -> l, "ı" -> i, "đ" -> d, "ß" -> ss; other letters lose their diacritics.
Known limits (noted by the author): some "girl"/"boy" and youth words also describe young adults (Dutch "meisje",
Finnish "tyttö", Indonesian "remaja", Thai "วัยรุ่น", Chinese "青少年"); folded Vietnamese collides with other words
("goi cam" is sexy and a bag of oranges); a substring in another script can sit inside a longer word (Ukrainian
"діти" inside "сидіти"). Such a collision refuses a prompt only together with a sexual context.

Batch "added 2026-12-04, languages" (the `_5` lists at the end, same method and wiring): regexes for Somali, Hausa,
Yoruba, Igbo, Zulu, Xhosa, Kinyarwanda, Malagasy, Kurdish (Kurmanji), Uzbek (Latin), Irish, Welsh, Basque, Maltese,
Luxembourgish, Haitian Creole, Maori, Samoan, Esperanto, Javanese, Sundanese, Cebuano, Galician, Icelandic and what
the Estonian terms missed; substrings for Yiddish, Belarusian, Tajik, Mongolian, Kazakh, Kyrgyz, Pashto, Nepali and
what the Kannada and Malayalam words missed (ages under 11, school grades). Its own pitfalls: the normaliser also drops
Hausa's hooked letters, Maltese "ħ" and Icelandic "þ", "ð", "æ" (the patterns allow the gap: "żgħira" is "zg ira");
where a language puts the unit last in a larger number ("tuttugu og fimm ára" is 25, "hogeita bi urteko" 22), a unit
word is an age only after a word other than the connector (`_AFTER_NOT_*`, as RE2 has no lookbehind), and other scripts
list a one-digit age after a space (" 5 настай" is not in "25 настай"); mutations are spelled out (Irish "pháiste",
"bpáistí", Welsh "blentyn"). Known limits: "yarinya" (Hausa), "stúlka" (Icelandic), "tifla" (Maltese) and "meedchen"
(Luxembourgish) are girls, sometimes young women; where no connector tells a unit from the end of a larger number
(Uzbek, Kazakh, Kyrgyz, Mongolian, Tajik, Belarusian, Maori, Cebuano), ages of 10 or under are digits only; Welsh
"yn noeth" is also said of bare trees.

Batch "added 2026-12-05, languages" (the `_6` lists at the end, same method and wiring): not new languages but what the
lists above miss in ones they name, by kind: school grades told by an ordinal and a class word ("žákyně sedmé třídy",
"šeštokė", "ساتویں جماعت", "ఏడో తరగతి", "синфи ҳафтум"), ages as compounds or before a child noun ("dešimtmetė",
"دس سالہ", "ათი წლის გოგო"), "little" with a girl or boy word, child words the lists lacked, "for adult viewers",
undressing verbs and their inflections, lewd, lustful or provocative adjectives and adverbs, a camera zooming on a
body, a bed or a romance with an adult man; for Urdu, Punjabi, Gujarati, Marathi, Telugu, Tamil, Kannada, Sinhala,
Nepali, Burmese, Amharic, Pashto, Armenian, Georgian, Tajik, Mongolian, Yiddish, Serbian (both scripts), Somali, Hausa,
Igbo, Kinyarwanda, Malagasy, Kurdish, Azerbaijani, Uzbek, Czech, Estonian, Lithuanian, Irish, Luxembourgish, Maori,
Samoan, Esperanto, Javanese, Sundanese, and some of it for Hindi, Bengali, Malay, Thai, Vietnamese, Turkish, Polish and
Ukrainian. Its own pitfalls: a train's first and second class share the grade words (Czech "první třída", Serbian
"prvi razred", Tamil "இரண்டாம் வகுப்பு"), so grades 1-2 need a child noun beside them; a bare "X years" is also a
duration ("ten years ago", "ten years' experience"), so ages in other scripts are listed before a girl or boy word,
and a unit only after a space, as in the 2026-12-04 batch (Serbian "двадесетпетогодишња", 25, holds "петогодишњ"):
a unit age at the very start of a prompt is missed; taking off a shirt, a jacket or shoes is not undressing (as in
English). Its NOT_MISSPELLINGS words include frequent words that the correction turned into a refused term
outright (Esperanto "piedo", foot, became "paedo"; Indonesian and Malay "jenis", kind, became "penis").

Batch "added 2026-12-05, second languages" (the `_7` lists at the end, same method and wiring): what the lists still
missed in the smaller languages, by kind: the sexual context said as a manner ("in an erotic/lustful/arousing way",
a seductive look), "filmed for adults" and "for men to watch", undressing verbs in their inflections and with their
objects (a dress, a frock), school-child compounds and grades, ages as compounds or in a language's own digits; regexes
for Javanese, Sundanese, Somali, Hausa, Igbo, Yoruba, Luxembourgish, Maori, Samoan, Tongan (new), Malagasy,
Kinyarwanda, Zulu, Xhosa, Afrikaans, Tagalog, Cebuano and Haitian Creole; substrings for Gujarati, Marathi, Tamil,
Telugu, Kannada, Sinhala, Burmese, Yiddish, Kazakh, Kyrgyz, Bulgarian, Macedonian, Bengali, Punjabi, Urdu, Nepali,
Amharic, Khmer and Lao. Its own pitfalls: a unit age after the connector of a larger number (Tagalog "dalawampu't
limang taong gulang" is 25: `_AFTER_NOT_AT`; Burmese "နှစ်ဆယ့်နှစ်" is 22: after a space only; Bulgarian and
Macedonian "двадесетгодишна" holds "десетгодишна": after a space); a bare "X years" is also a duration (Sinhala
"අවුරුදු දොළහක්", Maori "e rima tau"), so such ages need a girl or boy word or the possessive; "SSS 2" is folded "ss 2"
(three letters become two), so it needs a pupil word before it. Known limits: children also undress for a bath
(Javanese "nyopot klambine"); "ta'ahine" (Tongan) is also a young woman, so only with "little", a school or an age; the
Tongan terms are the least certain of the batch.

Batch "added 2026-12-05, third languages" (the `_8` lists at the end, same method and wiring): a second, deeper pass
over the smaller languages, by kind: the sexual context as an adjective of a dance, a pose or a look ("a provocative
pose", "a teasing dance"), "for the grown-ups" where it cannot be a family audience (only for, filmed for), a bed or a
bedroom with an adult man, undressing with its objects (a skirt, a petticoat, a salwar) and in its inflections, lust
as a manner; colloquial child words ("prawan kencur", "ટેણકી", "బుజ్జి పాప"), grades by an ordinal with a case
ending ("पाचवीच्या वर्गात", "ಏಳನೇ ಕ್ಲಾಸಿನ", "sechste Schouljoer"), ages with a case ending or another word for years
("பத்து வயதில்", "બાર વરસની છોકરી", "ಹತ್ತು ವರುಷದ", "da'deedu waa 12"). Regexes for Javanese, Sundanese, Somali, Hausa,
Luxembourgish, Maori, Samoan, Igbo, Yoruba and Malagasy; substrings for Gujarati, Marathi, Telugu, Kannada, Tamil,
Sinhala, Burmese, Bengali, Punjabi and Nepali. Its own pitfalls: a word of praise or interest is no sexual adjective
alone (Tamil "மயக்கும்", enchanting, praises a classical dance; Gujarati "લલચાવનારી" is also a tempting dish; Hausa
"tada sha'awa" also stirs a child's interest; Luxembourgish "opreegend" is also an exciting trip), so such words count
only before a dance, a pose or a look; "for the elders" is also a family audience (children singing for the elders),
so it counts only as "only for" or with a filming verb; the Sinhala school year needs a space before its digit
("2021 වසරේ" is a calendar year) and its second class is also a train's; Telugu "చిన్న పిల్ల" sits in
"చిన్న పిల్లి", a kitten, so only its inflected forms are listed; Burmese "ကလေးမ" sits in "ကလေးမွေး", to give birth.
Known limits: Samoan "tuinanau" (lust) is also eagerness; Maori "whakawai" (to entice) and Yoruba "ru ara sókè" are
the least certain terms of the batch; children also take off a skirt or trousers to bathe.

Batch "added 2026-12-05, romanised" (the `_9` lists at the end, same method and wiring): the languages above as people
type them in Latin letters on phones, which no list knew: Hindi/Urdu (Hinglish, Roman Urdu), Arabic (Arabizi in
Egyptian, Levantine, Gulf and Maghrebi spellings), Russian, Ukrainian, Japanese (romaji), Chinese (pinyin without
tones), Korean, Persian (Finglish), Bengali, Greek (Greeklish), Tamil, Telugu, Nepali, Punjabi and Thai; all regexes.
The cues are those of the `_6` to `_8` batches: ages ("10 saal ki bachchi", "bent 3omraha 12 sana", "12 sai", "yeoldu
sal", "koritsaki 12 xronwn", "10 vayasu ponnu"), grades ("class 6 ki", "shougaku 6 nensei", "liu nianji", "v 6 klasse"),
child and pupil words ("bachchi", "tifla", "shkol'nitsa", "xiao nvhai", "chodeunghaksaeng", "dokhtar bache"), little
girls and boys, and the sexual contexts of every kind the English lists know (undressing with its objects, naked, a
seductive or lewd dance, pose or look, lust, for adults only, for men to watch, a bed with a man, sexual acts).
Normalisation: Arabizi "3", "7" and "5" next to letters are leetspeak to the normaliser ("3arya" is "earya", "7aga"
"taga", "ta5t" "tast") and are written so; "2", "8" and "9" stay ("ra2s", "ma8itria"); an apostrophe is a space
("shkol'nitsa" is "shkol nitsa"). Its own pitfalls: romanised words collide with English and the other Latin-script
languages, so an ambiguous word needs a second one ("ladki", "kudi", "onna no ko", "shoujo", "nühai", "devushka" are
any girl or a young woman: only with "little", an age or a school; "bent" is English: only with an age or "sghira";
Hindi "yahan" is "here", so Korean "yahan" only before a Korean noun; Korean "seongjeok" is also school grades;
Japanese "seiteki" is also "static", "jissai" "actually", "issai" "entirely", "sansai" wild vegetables; Chinese "you
huo" is also "in stock", "kaifang" "open"); a bare "N years" is a duration ("10 saal pehle", "12 sana", "12 let nazad",
"12 xronwn" of a term), so ages take the possessive or adjective form, a pronoun ("ey 12 let", "she is 12") or a
child noun; unit ages after a tens word are the end of a larger number ("dvadtsat' sem' let", "eikosi pente xronwn",
"er shi wu sui", "yi sip ha khuap", "bist o panj sale"): lookbehinds for the long tens words, `_r9_after_not` (as
`_AFTER_NOT_*`) for the short ones, and right after the pronoun only; clothes taken down from a line or out of a
cupboard are no undressing (BENIGN_SEXUAL_COLLOCATIONS_ADDED_9), nor are bare feet ("nange pair"), a bare sword or
Nanga Parbat. Checked against the 40,000 most frequent words (and pairs of the 250 most frequent) of English, Spanish,
Portuguese, French, Italian, German, Indonesian, Tagalog, Turkish, Dutch and Polish: Italian "bacche" (berries),
Tagalog "nanga", "kamukha" and "lamok" (mosquito), Turkish "havasi", Polish "Gdynia" and Italian "lagna" were taken
out of the patterns, and Greeklish "gamaei" too (Arabizi "gama3i", collective, an iftar for all, reads the same).
A red-team review (425 hand-written probes) found the batch too loose and it was narrowed: undressing takes only a
possessive between the clothes and the verb ("kapde ki dukaan kholi", a shop opened, "kapde ki photo utaari" are not)
and "khol" only in its verb forms; "bina kapde" needs "ke"; "nangi aankhen" (the naked eye), bare wires, bare trees and
"nange bhookhe" (destitute) are not naked; "uttejit" (excited) and "behuda" (silly) left the adjectives; "hosh o
hawas", the district "Vasna", the name "Zina" and "item number 3" are no lust, act or item song; Arabizi "mothir"
(exciting), "7ayed" (neutral colour), "bkol shahwa" (with appetite), "bidoon lebs el madrasa" (free-dress day), Russian
"razdevalka" (changing room), "golymi rukami" (bare hands), "obnazhennye provoda" (bare wires), "soblaznitel'nyy tort"
(a tempting cake: the adjective now needs a dance, pose, look or outfit), "snimaem odezhdu dlya kataloga" (to film
clothes for a catalogue, masked), Japanese "ojisan no futon" (uncle's futon: only "to", with), "nagaya", "papa katsu
curry", Chinese "yin hui se", "mei huo le", "zuo ai xin", "sao qi lai", "luo lu de dian xian", Korean "seonginyong
maseukeu", "chimdae gage", Persian "takhte siah/nard/jamshid", "pa berahne" (barefoot), "bedoone lebase garm", Bengali
"Jamal", "khulo" (open), Greek "gymno mati", "erotika tragoudia", Tamil "nirvanam", "srungaram", Telugu "jacket",
Punjabi bare "lah", Thai "lung" (uncle in a bedtime tale) were taken out or narrowed. For adults only counts, as in the
`_8` batch, only with a media noun (film, video, clip, photo, content, show) or a filming verb next to it: "ye chai
sirf badon ke liye", "vino tolko dlya vzroslykh", "el 2ahwa lel kbar bas", a pool or lessons for adults and children are
family sentences. A grandfather or uncle on a bed with a story ("palang par kahani") is masked, and "budhe" (old) alone
is no longer the man; prevention and awareness ("yaun shoshan se bachane", "pishgiri az tajavoze jensi") are masked.
On the minor side "umar 3 saal baad" (Umar, a name), "third class ka item song", "2 saal ka student visa / beta test",
"class 1 student", "3andaha 12 sana khebra" (experience), durations before a child noun ("5 bochor por meyeti", "10
barsa pachhi keti", "10 saal de baad kudi", "padi yella tarvata ammayi"), age differences ("vida 5 vayasu periyaval",
"boyose dui bochorer boro"), "school teacher ponnu", "eorin agassi", "boshi er nianji", "dimotiko theatro/tragoudi",
"kalimera paidia", "to krasi einai 10 xronwn", "padella", Portuguese "sai da/as" and Italian "15% sui" (the spaced
forms need a particle or noun), the names Nantong, Khokon, Gosai, "sanu" (to us) and Swahili "nyani" (baboon) no longer
count. Misses closed: a child noun before the age ("beti 12 saal ki"), "12 year ki ladki", "class 8 mein hai",
"aathvi mein padhti", "kishori", Arabizi "drari", "bzar", "3ayel", "fatat sghira", "3arayanin", "labsa bikini",
"uchenitsa", "tineydzher", "oholena", "jyuunisai", "JK no", "junia aidoru", "gurabia", "sukebe", spaced pinyin ("xiao
nu hai", "er tong", "hai zi"), "re wu", "tuo yi wu", "qing se zhao pian", "miseongnyeonja", "jung 2 yeohaksaeng",
"sekshi", "noechul ot", "koochooloo", "bache ha", "khukir", "shishuti", "anilikh", "kopelitsa", "12xrono", "kaftero
xoro", "10 years ponnu", "10th std ponnu", "aaro taragati", "glamour dance", "kaamam", "mudhal iravu", "nabalik keti",
"kudi 12 saal di", "bistre te bande naal", "mujra", "nagn", "hot dance", "sirf 18+ ke liye" ("18t"); "dity", "fatat",
"pedia" and "gorom" are kept from the spelling correction. The new patterns were checked against wordfreq's 40,000
most frequent words of the languages above and Vietnamese (wordfreq has no Swahili list): Tagalog "nabalik" (returned)
and Indonesian "seksi" (a section) were kept out. Known limits: spellings vary without end, so the lists hold
the common ones; glued ages with 3, 5 or 7 ("5sai", "7sal", "3letnyaya") are leetspeak to the normaliser and missed;
children also undress for a bath (in six languages a bath prompt is refused); a child word next to a parent's "sexy"
dress or car is refused as in English; "paidia" as a greeting ("paidia, apopse party") and office "devochki" read as
children; bare "dek", "nong nu", "bent 12", "bachi", "munni", "gudiya" (a doll), "malyshka" and "meyeder" stay out, so
those prompts are missed; "kamsin", "nojavan" and "koukousei" also describe the youngest adults; Polish "golymi" is
matched as Russian; an age at the very start of a prompt after a Russian, Greek, Tamil, Telugu or Korean tens word is
read as the unit.
"""

from __future__ import annotations

import unicodedata
from typing import Any

# --- numbers (ages under 18), folded ------------------------------------------------------------------------
_NL_NUM = ("(een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|"
           "zeventien|[1-9]|1[0-7])")
_NL_NUM2 = ("(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|"
            "[2-9]|1[0-7])")
_AF_NUM = ("(een|twee|drie|vier|vyf|ses|sewe|agt|nege|tien|elf|twaalf|dertien|veertien|vyftien|sestien|sewentien|"
           "[1-9]|1[0-7])")
_PL_NUM = ("(jeden|jedna|dwa|dwie|trzy|cztery|piec|szesc|siedem|osiem|dziewiec|dziesiec|jedenascie|dwanascie|"
           "trzynascie|czternascie|pietnascie|szesnascie|siedemnascie|[1-9]|1[0-7])")
_PL_PREFIX = ("(jedno|dwu|trzy|cztero|piecio|szescio|siedmio|osmio|dziewiecio|dziesiecio|jedenasto|dwunasto|"
              "trzynasto|czternasto|pietnasto|szesnasto|siedemnasto)")
_CS_NUM = ("(jeden|jedna|jedno|dva|dve|tri|ctyri|pet|sest|sedm|osm|devet|deset|jedenact|dvanact|trinact|ctrnact|"
           "patnact|sestnact|sedmnact|[1-9]|1[0-7])")
_CS_PREFIX = ("(jedno|dvou|tri|ctyr|peti|sesti|sedmi|osmi|deviti|deseti|jedenacti|dvanacti|trinacti|ctrnacti|"
              "patnacti|sestnacti|sedmnacti)")
_SK_NUM = ("(jeden|jedna|jedno|dva|dve|tri|styri|pat|sest|sedem|osem|devat|desat|jedenast|dvanast|trinast|strnast|"
           "patnast|sestnast|sedemnast|[1-9]|1[0-7])")
_SK_PREFIX = ("(jedno|dvoj|dvoj|troj|stvor|pat|sest|sedem|osem|devat|desat|jedenast|dvanast|trinast|strnast|patnast|"
              "sestnast|sedemnast)")
_SL_NUM = ("(ena|eno|dva|dve|tri|stiri|pet|sest|sedem|osem|devet|deset|enajst|dvanajst|trinajst|stirinajst|"
           "petnajst|sestnajst|sedemnajst|[1-9]|1[0-7])")
_SL_PREFIX = ("(eno|dvo|tri|stiri|pet|sest|sedem|osem|devet|deset|enajst|dvanajst|trinajst|stirinajst|petnajst|"
              "sestnajst|sedemnajst)")
_HR_NUM = ("(jedan|jedna|dva|dvije|tri|cetiri|pet|sest|sedam|osam|devet|deset|jedanaest|dvanaest|trinaest|"
           "cetrnaest|petnaest|sesnaest|sedamnaest|[1-9]|1[0-7])")
_HR_PREFIX = ("(jedno|dvo|tro|cetvero|cetvoro|peto|sesto|sedmo|osmo|deveto|deseto|jedanaesto|dvanaesto|trinaesto|"
              "cetrnaesto|petnaesto|sesnaesto|sedamnaesto)")
_RO_NUM = ("(unu|una|doi|doua|trei|patru|cinci|sase|sapte|opt|noua|zece|unsprezece|doisprezece|douasprezece|"
           "treisprezece|paisprezece|cincisprezece|saisprezece|saptesprezece|unspe|doispe|treispe|paispe|cinspe|"
           "saispe|saptispe|[1-9]|1[0-7])")
_HU_NUM = ("(egy|ket|ketto|harom|negy|ot|hat|het|nyolc|kilenc|tiz|tizenegy|tizenket|tizenketto|tizenharom|"
           "tizennegy|tizenot|tizenhat|tizenhet|[1-9]|1[0-7])")
_FI_NUM = ("(yksi|kaksi|kolme|nelja|viisi|kuusi|seitseman|kahdeksan|yhdeksan|kymmenen|kymmen|yksitoista|kaksitoista|"
           "kolmetoista|neljatoista|viisitoista|kuusitoista|seitsemantoista|[1-9]|1[0-7])")
_ET_PREFIX = ("(uhe|kahe|kolme|nelja|viie|kuue|seitsme|kaheksa|uheksa|kumne|uheteist|kaheteist|kolmeteist|"
              "neljateist|viieteist|kuueteist|seitsmeteist|[1-9]|1[0-7])")
_LV_NUM = ("(viens|viena|divi|tris|cetri|pieci|sesi|septini|astoni|devini|desmit|vienpadsmit|divpadsmit|"
           "trispadsmit|cetrpadsmit|piecpadsmit|sespadsmit|septinpadsmit|[1-9]|1[0-7])")
_LV_PREFIX = ("(vien|div|tris|cetr|piec|ses|septin|astonu|devinu|desmit|vienpadsmit|divpadsmit|trispadsmit|"
              "cetrpadsmit|piecpadsmit|sespadsmit|septinpadsmit|[1-9]|1[0-7])")
_LT_GEN = ("(vieneriu|dveju|treju|ketveriu|penkeriu|seseriu|septyneriu|astuoneriu|devyneriu|desimties|vienuolikos|"
           "dvylikos|trylikos|keturiolikos|penkiolikos|sesiolikos|septyniolikos|[1-9]|1[0-7])")
_LT_PREFIX = ("(vien|dvi|tri|ketur|penk|ses|septyn|astuon|devyn|vienuolik|dvylik|trylik|keturiolik|penkiolik|"
              "sesiolik|septyniolik)")
_SCAND_NUM = ("(en|ett|et|ei|tva|to|tre|fyra|fire|fem|sex|seks|sju|syv|atta|otte|atte|nio|ni|tio|ti|elva|elleve|tolv|"
              "tretton|tretten|fjorton|fjorten|femton|femten|sexton|seksten|sjutton|sytten|[1-9]|1[0-7])")
_SCAND_NUM2 = ("(tva|to|tre|fyra|fire|fem|sex|seks|sju|syv|atta|otte|atte|nio|ni|tio|ti|elva|elleve|tolv|tretton|"
               "tretten|fjorton|fjorten|femton|femten|sexton|seksten|sjutton|sytten|[2-9]|1[0-7])")
_TR_NUM = ("(bir|iki|uc|dort|bes|alti|yedi|sekiz|dokuz|on|on ?bir|on ?iki|on ?uc|on ?dort|on ?bes|on ?alti|on ?yedi|"
           "[1-9]|1[0-7])")
_ID_NUM = ("(satu|dua|tiga|empat|lima|enam|tujuh|delapan|lapan|sembilan|sepuluh|sebelas|dua belas|tiga belas|"
           "empat belas|lima belas|enam belas|tujuh belas|[1-9]|1[0-7])")
_TL_NUM = ("(isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam|sampu|labing ?isa|labindalawa|labing ?dalawa|"
           "labintatlo|labing ?tatlo|labing ?apat|labinlima|labing ?lima|labing ?anim|labimpito|labing ?pito|[1-9]|1[0-7])")
_VI_NUM = ("(mot|hai|ba|bon|sau|bay|tam|muoi|muoi mot|muoi hai|muoi ba|muoi bon|muoi lam|muoi nam|muoi sau|"
           "muoi bay|[1-9]|1[0-7])")
_SW_NUM = ("(moja|mbili|tatu|nne|tano|sita|saba|nane|tisa|kumi|kumi na moja|kumi na mbili|kumi na tatu|kumi na nne|"
           "kumi na tano|kumi na sita|kumi na saba|[1-9]|1[0-7])")
_CA_NUM = ("(un|una|dos|dues|tres|quatre|cinc|sis|set|vuit|nou|deu|onze|dotze|tretze|catorze|quinze|setze|disset|"
           "[1-9]|1[0-7])")
_SQ_NUM = ("(nje|dy|tre|tri|kater|pese|gjashte|shtate|tete|nente|dhjete|njembedhjete|dymbedhjete|trembedhjete|"
           "katermbedhjete|pesembedhjete|gjashtembedhjete|shtatembedhjete|[1-9]|1[0-7])")
_AZ_NUM = "(bir|iki|uc|dord|bes|alti|yeddi|s(e| )kkiz|doqquz|on|on bir|on iki|on uc|on dord|on bes|on alti|on yeddi|[1-9]|1[0-7])"
# Danish/Norwegian "æ" is dropped by the normaliser (a space); users without the key type "ae".
_AE = "(ae| )"
# Azerbaijani "ə" is dropped too; users without the key type "e".
_SCHWA = "(e| )"

MINOR_TERMS_ADDED_4: list[str] = [
    # Dutch
    rf"{_NL_NUM} jaar oud",
    rf"{_NL_NUM2} ?jarige?n?(?! (opleiding|studie|periode|contract|cursus|plan|garantie|jubileum|bestaan|relatie|project|programma|termijn|oorlog|looptijd))",
    rf"(meisje|meisjes|jongen|jongens|jongetje|kind|kindje|dochter|dochtertje|zoon|zoontje|tiener)s? van {_NL_NUM}( jaar)?",
    r"kinderen", r"kind(je|jes|eren)", r"(een|het|mijn|ons|jullie|hun|haar|zijn|dit|dat|elk|ieder|klein|kleine|jong|jonge) kind",
    r"meisjes?", r"(school|tiener|klein)meisjes?", r"jongetjes?", r"jongen", r"(kleine|jonge) jongens", r"schooljongens?",
    r"peuters?", r"kleuters?", r"kleuterschool\w*", r"tieners?", r"tiener(meisje|meisie|jongen|seun|dochter|dogter|zoon)\w*",
    r"teenage(pige|dreng|jente|gutt|datter|son|sonn|flicka|pojke|meisje|meisie|jongen)\w*", r"pubers?",
    r"minderjarig\w*", r"scholier(e|en|tje|tjes)?", r"schoolkind(eren|je|jes)?", r"basisschool\w*", r"brugklas\w*",
    r"(in|uit|van) groep [1-8]", r"leerling(e|en|etje|etjes)?", r"(stief|klein)?dochter(s|tje|tjes)?", r"nichtjes?",
    r"bakvis(sen)?", r"kinderdagverblijf\w*",
    # Afrikaans
    rf"{_AF_NUM} jaar oud", rf"(meisie|seun|kind|dogter)s? van {_AF_NUM}( jaar)?",
    r"kinders", r"kindjie\w*", r"(n|die|ons|jou|sy|haar|hulle|klein|jong) kind", r"meisie(s|tjie|tjies)?",
    r"(klein|jong) (meisie|seun|seuntjie)s?", r"seuntjie\w*", r"skool(meisie|seun|kind|kinders)\w*", r"laerskool\w*",
    r"kleuterskool\w*", r"(in|uit) graad ([1-9]|1[0-2])", r"graad ([1-9]|1[0-2]) (leerling\w*|meisie\w*|seun\w*|kind\w*|klas)",
    r"(stief)?dogter(s|tjie)?", r"babatjie\w*",
    # Polish
    rf"{_PL_PREFIX}(letni\w*|latk\w*|latek)", r"([1-9]|1[0-7]) ?(letni\w*|latk\w*|latek)",
    rf"(ma|miala|mial|majaca|majacy|w wieku) {_PL_NUM} (lat|lata)",
    r"dziec\w*", r"dziewczyn(k|ecz)\w*", r"chlopiec", r"chlopc(a|u|em|y|ow|om|ami|ach)", r"chlopczyk\w*",
    r"malusz\w*", r"niemowl\w*", r"nastolat\w*", r"nastoletni\w*", r"nieletni\w*", r"malolat\w*", r"niepelnolet\w*",
    r"uczennic\w*", r"ucz(en|nia|niowie|niow|niem|niom|niami)", r"corka", r"cork(i|e|om|ami)", r"coreczk\w*",
    r"pasierbic\w*", r"(siostrzenic|bratanic)\w*", r"przedszkol\w*", r"podstawowk\w*", r"szkol\w* podstawow\w*",
    r"gimnazjalist\w*", r"(w|do|ze?) (pierwszej|drugiej|trzeciej|czwartej|piatej|szostej|siodmej|osmej) klas(ie|y)",
    r"smarkul\w*", r"brzdac\w*", r"lolitk\w*",
    # Czech
    rf"{_CS_PREFIX}let(a|y|e|eho|ou|emu|ych|ym)", r"(?<!pred )([1-9]|1[0-7]) ?let(a|y|e|eho|ou|emu|ych|ym)",
    rf"(je ji|je mu|ji je|mu je|ve veku|veku) {_CS_NUM} (let|roku)",
    r"dit(ete|eti|etem)", r"(male|maleho|moje|nase|vase|jejich|jeho|jeji|kazde|nejake|toto|tohle|malinke|male) dite",
    r"dite (je|ma|si|se|v|na|s|spi|stoji|sedi|hraje|tanci|pozuje|lezi|bez|ve)", r"(deti|detmi|detech)", r"detsk\w*", r"holcick\w*", r"holcicek", r"chlapec\w*",
    r"chlapc(i|e|u|em|ovi|ich)", r"chlapeck\w*", r"nezletil\w*", r"mladistv\w*", r"dospivajic\w*", r"pubertack\w*",
    r"skolac(ka|ky|ce|ku|kou|ek)", r"skolak\w*", r"zak(yne|yni|ynemi|yn|em|ovi)", r"zaci",
    r"zakladn\w* skol\w*", r"zakladk\w*", r"matersk\w* skol\w*", r"skolk(a|y|u|ou|ach)", r"batol(e|ete|ata|at)",
    r"miminko\w*", r"miminek", r"dcer(a|y|u|ou|ka|ky|ku|kou|uska)", r"neter(i)?", r"nevlastni dcer\w*",
    # Slovak
    rf"{_SK_PREFIX}rocn\w*", r"([1-9]|1[0-7]) ?rocn\w*", rf"(ma|mala|mal|vo veku|ktora ma|ktory ma) {_SK_NUM} rok(ov|y)",
    r"dietat(a|u|om)", r"(male|malemu|malom|nase|moje|jej|jeho) dieta",
    r"detick\w*", r"dievc\w*", r"chlapcek\w*", r"malolet\w*", r"neplnolet\w*", r"tinedzer\w*",
    r"ziack\w*", r"ziak(a|ov|om|ovi|mi|och)?", r"ziaci", r"skolacka", r"skolke",
    r"dcer(e|kou)",
    # Slovenian
    rf"{_SL_PREFIX}letn(a|i|e|o|ica|ik|ega|emu|ih|im)", r"([1-9]|1[0-7]) ?letn(a|i|e|o|ica|ik|ega|emu|ih|im)",
    rf"(star|stara|stari|staro|stare|ima) {_SL_NUM} let",
    r"otro(k|ci|ka|ke|ku|kom|ki|kih|kov|cih|ski|ska|sko|ske|skih|skem|cek|cka|cki)", r"deklic\w*", r"puncka\w*",
    r"dec(ek|ka|ki|kom|ku)", r"fantek\w*", r"mladoletn\w*", r"najstni\w*", r"ucenk\w*", r"ucen(ec|ca|ci|cev|cem)",
    r"osnovn\w* sol\w*", r"osnovnosol\w*", r"vrt(ec|cu|ca|cih)", r"hcerk\w*", r"hci", r"pastork\w*", r"necakinj\w*",
    r"dojen(ck|cek)\w*",
    # Croatian / Serbian / Bosnian (Latin)
    rf"{_HR_PREFIX}godisnj\w*", r"([1-9]|1[0-7]) ?godisnj\w*", rf"(ima|imala|imao|od|sa|s) {_HR_NUM} godin(a|e|u)",
    r"dijete", r"djetet(a|u|om)", r"djec(a|e|i|om)", r"djecj\w*", r"dete", r"detet(a|u|om)", r"(?<!en )deca", r"(?<!suis )(?<!est )(?<!tres )(?<!pas )(?<!trop )(?<!si )(?<!etait )(?<!ete )decu", r"decom", r"decj\w*",
    r"djecak\w*", r"decak\w*", r"djevojcic\w*", r"devojcic\w*", r"curic\w*", r"maloljetn\w*", r"maloletn\w*",
    r"tinejdzer\w*", r"ucenic(a|e|i|u|om)", r"ucenik\w*", r"skolar(ka|ke|ki|ku|ac|ci|ca)", r"skolarc\w*",
    r"osnovn\w* skol\w*", r"osnovc\w*", r"vrtic\w*", r"kc(i|eri|erka|erke|erki|erku|erkica|erkice|erkom)",
    r"cerk(a|e|i|u|om|ica|ice)", r"beb(ica|ice|icu|icom)",
    # Romanian
    rf"(are|avea|de|la|in varsta de|implineste|implinise|cu) {_RO_NUM} (de )?ani",
    r"copil(ul|ului|a|ei|as|asi|ii|ilor|e)?", r"copii(i|lor)?", r"copilit\w*", r"fetit(a|e|ei|ele|elor)", r"baietel\w*",
    r"minor(a|ii|ilor|ul)", r"adolescent(a|e|i|ul|ii|ele|ilor)",
    r"scolarit(a|ei|ele)", r"scolar(i|ul|ii|a|e)?", r"scoal\w* (primar\w*|general\w*)", r"gradinit\w*",
    r"clasa (a )?(i|ii|iii|iv|v|vi|vii|viii|[1-8]|doua|treia|patra|cincea|sasea|saptea|opta)",
    r"fiic(a|ei|ele|a mea|uta)", r"fiic\w* vitreg\w*", r"nepoat(a|ei|ele|a mea)", r"bebelus\w*",
    # Hungarian
    rf"{_HU_NUM} ?eves(ek|et|en|nek|kel|e|t)?", r"([1-8]|elso|masodik|harmadik|negyedik|otodik|hatodik|hetedik|nyolcadik) osztalyos\w*",
    r"gyerek\w*", r"gyermek\w*", r"kislany\w*", r"kisfiu\w*", r"lany(om|a|at|omat|anak|kam|kaja)", r"tini", r"tini(lany|fiu|kor)\w*",
    r"kamasz\w*", r"serdulo\w*", r"kiskoru\w*", r"fiatalkoru\w*", r"iskolas\w*", r"altalanos iskol\w*", r"ovod\w*",
    r"diaklany\w*", r"mostohalany\w*", r"unokahug\w*", r"csecsemo\w*", r"kisbab(a|ak|at|aval)",
    # Finnish
    rf"{_FI_NUM} ?vuotia\w*", r"laps(i|en|et|ia|elle|ena|ella|ellaan|eni|esi|ineen|ille|ista|illa|uus\w*|ellinen)",
    r"lasten (kanssa|vaatteet|huone|leikit|leikki|juhlat|ohjelma|kirja|elokuva|sairaala|tarha|lelut|pelit|kuvat|uimakoulu)",
    r"(pienten|kaikkien|meidan|naiden|omien) lasten", r"tytto(nen|set|sia|sen|ja|jen|t|lle|lla|sta|ssa|ta|a|na|on)?", r"tyto(n|t|lle|lla|sta|ssa|ksi|ja|jen)",
    r"poika(nen|set|sia|sen|a)?", r"poja(t|n|lle|lla|sta|ssa|ksi|ni|si)?", r"poikia", r"poikien",
    r"pikku(tytt|poik|lap|las)\w*", r"teini\w*", r"alaikai\w*", r"koululai\w*", r"koulutyt\w*", r"koulupoj\w*", r"koulupoi\w*",
    r"ala ?aste\w*", r"yla ?aste\w*", r"\w+luokkalai\w*", r"paivakod\w*", r"paivakoti\w*", r"esikoululai\w*",
    r"tytar", r"tyttare\w*", r"\w+(tytar|tyttare\w*)", r"vauva\w*", r"taapero\w*",
    # Estonian
    rf"{_ET_PREFIX}(kumne)? ?aasta(ne|se|sed|seid|sele|sega)",
    r"lapse(ga|le|l|lt|ks|na|sse|ke|kene|kesed)", r"lapsi", r"laste(ga|le|l|lt|ks|aed|aia\w*)", r"(vaikeste|koigi|meie|teie|nende) laste", r"lapsuke\w*",
    r"(vaike|vaikese|vaikesed|vaikseid) (laps|lapse|lapsed|lapsi|tudruk\w*|poiss|poisi\w*)",
    r"tudruk\w*", r"poisid", r"poissi", r"poisike\w*", r"teismeli\w*", r"alaeali\w*", r"kooli(tudruk|poiss|poisi|laps|lapse|laste)\w*",
    r"opilas\w*", r"opilane", r"opilast", r"algkool\w*", r"([1-9]) klassi (opila\w*|tudruk\w*|poiss\w*|laps\w*)",
    r"tutar(d|de|ga)", r"tutre(d|ga|le|l|t)?", r"(minu|tema|oma|meie|nende|ta|sinu) tutar", r"(kasu|venna|oe)tutar\w*",
    r"imik(ud|ut|uga|ule)",
    # Latvian
    rf"{_LV_NUM} (gadu|gadus|gadi|gads) (vec\w*)", rf"{_LV_PREFIX} ?gadig\w*",
    r"bern(s|i|u|am|iem|us|ins|inu|inam|isk\w*)", r"meiten(e|es|ei|i|u|em|ite|ites|ina)", r"(zens|zeniem|zenins|zenitis)", r"(mazs|mazais|mazajam|mazo|jauns|jaunais) zen\w*",
    r"pusaudz\w*", r"(skoleniem|skolenam|skolenus)", r"(mazie|visi|sakumskolas|pamatskolas) skoleni", r"nepilngadig\w*", r"skolnie\w*", r"pamatskol\w*", r"sakumskol\w*", r"bernudarz\w*",
    r"meitin(a|u|ai|as)", r"(mana|vina|vinas|savu|savas|musu|mazo|maza) meit\w*", r"pameit\w*", r"(bralameit|masasmeit)\w*",
    r"zidain\w*", r"mazul\w*",
    # Lithuanian
    rf"{_LT_GEN} metu (mergait\w*|berniuk\w*|vaik\w*|amzi\w*|paaugl\w*)", rf"(kuriai|kuriam|jai|jam|turi|turinti) ([1-9]|1[0-7]|{_LT_GEN[1:-1]}) metu",
    rf"{_LT_PREFIX}(a|ia)?met(e|is|es|iai|ei|ukas|ukes|ukai)", r"([1-9]|1[0-7]) ?met(e|is|es|iai|ei|ukas|ukes|ukai|ukei)",
    r"vaik(as|o|ai|u|ui|a|ams|us|uose|e|eli\w*|isk\w*|yst\w*|iuk\w*)", r"(vaikuciai|vaikuciu|vaikutis|vaikuti)", r"mergait\w*", r"mergyt\w*",
    r"berniuk\w*", r"paaugl\w*", r"nepilnamet\w*", r"moksleiv\w*", r"mokin(ys|e|iai|es|io|ei|iu|ukas|ukai)",
    r"pradin\w* mokykl\w*", r"darzel\w*", r"(po)?dukr(a|os|ai|a|ele|yte|ytes|ytei)", r"dukte(r|rys|ri|rim|rec\w*)",
    r"kudiki\w*", r"kudikis",
    # Swedish, Danish, Norwegian
    rf"{_SCAND_NUM} ar (gammal|gamla|gammalt|gammel|gamle|gammelt)",
    rf"{_SCAND_NUM} ?(aring|aringen|aringar|aringer|aringarna|aringene|aringerne)",
    rf"(en|ei|et|ett|den|det|min|mitt|hennes|hans|hendes|sin|sitt) {_SCAND_NUM2} ?arig(e|a)?",
    rf"{_SCAND_NUM} ?arig(e|a)? (flicka|flickan|pojke|pojken|jente|jenta|gutt|gutten|pige|pigen|dreng|drengen|barn|barnet|dotter|datter|son|sonn)",
    rf"(flicka|flickan|pojke|pojken|jente|jenta|gutt|gutten|pige|pigen|dreng|drengen|barn|barnet|dotter|datter|dottern) (pa|pa bara|pa bare|pa kun|i alderen|i aldern) {_SCAND_NUM}( ar)?",
    r"(ett|et|mitt|vart|ditt|hennes|sitt|litet|lite|sma|unga|alla|manga|flera|tva|tre|fyra|era|deras|ert|vores|mine|dine|sine) barn",
    r"barn(et|en|ens|ets)", r"(alle|de|for|med|til|av|hos|og|sa|at|mine|vare|dine|hennes|hans|sine|deres|sma) barna", r"barna (leker|lekte|spiller|er|var|har|hadde|sitter|satt|star|sto|lop\w*|i|pa|med|til|fra|som|og|skal|kan|vil|sover|bader|danser|svommer)", r"barnbarn\w*", r"barnebarn\w*", r"smabarn\w*", r"spadbarn\w*", r"skolbarn\w*",
    r"(sma|mange|tre|alle|vores|mine|dine|hendes|sine|deres|de) born", r"born(ene|enes)", r"skoleb(arn|orn)\w*",
    r"flick(a|an|or|orna|ornas|ans|ebarn|ungen?)", r"pojk(e|en|ar|arna|ens|ars|arnas)", r"tonar(ing|ingar|ingen|ingarna|s\w+)",
    r"tenaring\w*", r"minderar\w*", r"mindrear\w*", r"omyndig\w*", r"skol(flick|pojk)\w*", r"lagstadie\w*",
    r"mellanstadie\w*", r"hogstadie\w*", r"forskol(a|an|ebarn|eklass\w*)", r"dagis\w*", r"arskurs ([1-9])",
    r"(gar i|i) ([1-9]) (klass|klasse)", r"dotter(n|ns)?", r"dottrar\w*", r"styvdotter\w*", r"(bror|syster)s?dotter\w*",
    r"bebis\w*",
    r"pige(n|rne|rnes|ns)?", r"(sma|unge|to|tre|fire|de|mange|alle) piger", r"dreng(en|e|ene|enes|ens)?", r"pigebarn", r"skolepige\w*", r"skoledreng\w*",
    r"folkeskole(elev|pige|dreng|barn|born)\w*", r"bornehave\w*", r"barnehage\w*", r"barneskole\w*", r"ungdomsskole\w*",
    r"datter(en|ens)?", r"dotre(ne)?", r"steddatter\w*", r"stedatter\w*", r"(bror|soster)datter\w*", r"niese",
    r"jent(e|a|er|ene|enes|es)", r"gutt(en|ene|ens|unge|ungen|ungar)?", r"(sma|unge|to|tre|fire|tolv) gutter", r"skolejent\w*", r"skolegutt\w*",
    r"elev(erna|ene|erne|i|ul|ii|ele|ilor)?",
    # Turkish
    rf"{_TR_NUM} yas(inda|indaki|larinda|larindaki|ina|indayken)", r"cocu(k|g)\w*", r"kucuk kiz\w*", r"genc kiz(lar|i)?",
    r"kiz(im|imiz|cagiz|cocu\w*)", r"oglan\w*", r"oglum", r"ergen(ler|lik|lige|ligi|lere|leri|lerin|likte)?", r"resit olmayan", r"(18|on sekiz) yas(in)? alti\w*",
    r"ilkokul\w*", r"ortaokul\w*", r"liseli\w*", r"anaokul\w*", r"kres(e|te|teki)",
    r"([1-9]|1[0-2]) sinif(ta|a|tan)? (ogrenci\w*|okuyan|giden|kiz\w*|erkek\w*)", r"(ilkokul|ortaokul) ([1-8])",
    r"uvey kiz\w*", r"yegen\w*", r"bebek(ler|lere|leri|lerin|ken)", r"(bir|kucuk|yeni dogan|yenidogan|minik) bebek",
    # Azerbaijani
    rf"{_AZ_NUM} yas(inda|indaki)", r"([1-9]|1[0-7]) yasli", r"usaq\w*", r"(kicik|k(e| )?c(i|e| )?k) qiz\w*", r"qizcigaz\w*",
    r"qiz(im|imiz)", r"qiz usag\w*", r"azyasli\w*", rf"yeniyetm{_SCHWA}?\w*", rf"m{_SCHWA}kt{_SCHWA}bli\w*",
    r"ibtidai sinif\w*", r"uvey qiz\w*", r"oglan usag\w*",
    # Indonesian / Malay
    rf"(berusia|berumur|usia|umur|umurnya|usianya) {_ID_NUM} tahun", rf"(gadis|cewek|cowok|perempuan|adik|bocah) (\w+ )?{_ID_NUM} tahun",
    r"anak(?! (perusahaan|tangga|sungai|kunci|buah|panah|ayam|kucing|anjing|bangsa|muda|syarikat|anak tangga|bawang))",
    r"anak2", r"kanak kanak", r"kanak2", r"gadis kecil", r"bocah\w*", r"bocil\w*", r"(anak|seorang|para|bayi dan) balita", r"bayi", r"remaja\w*",
    r"(di )?bawah umur", r"belum cukup umur", r"murid\w*", r"siswi\w*", r"siswa", r"pelajar sekolah",
    r"kelas ([1-9]|1[0-2]) (sd|smp|sekolah)", r"(sd|smp) kelas ([1-9])", r"sekolah dasar", r"sekolah rendah", r"smp",
    r"tadika", r"taman kanak kanak", r"putriku", r"keponakan\w*", r"budak(?! (seks|nafsu|belian))", r"anak dara",
    # Tagalog
    rf"{_TL_NUM} (na )?taong gulang", r"(dose|onse|trese|katorse|kinse|disisais|disisiyete|siyete|otso|nuwebe|diyes) anyos",
    r"(mga|ang|isang|ng|sa|yung|maliit na|batang) bata\w*", r"batang (babae|lalaki|lalake)", r"kabataan",
    r"dalagita\w*", r"binatilyo\w*", r"totoy", r"paslit\w*", r"musmos\w*", r"sanggol\w*", r"elementarya\w*",
    r"(ika\w+|unang) baitang", r"anak na babae", r"pamangkin\w*",
    # Vietnamese (folded: multi-syllable phrases only)
    rf"{_VI_NUM} tuoi(?! (cuoi|tinh|tot|sang|roi|mat|song|ngon|moi|thom|xanh|nhu|lam|qua|hon))",
    r"(be|chau|con|em|tre|co be|cau be|len|duoi|moi|chi|gai|trai) (nam|chin) tuoi", r"duoi (18|muoi tam) tuoi",
    r"tre em", r"dua tre", r"dua be", r"be gai", r"be trai", r"em be", r"con nit", r"tre nho", r"tre con",
    r"thieu nien", r"vi thanh nien", r"chua thanh nien", r"tuoi teen", r"hoc sinh", r"nu sinh(?! vien)", r"tieu hoc",
    r"mau giao", r"mam non", r"(hoc sinh|hoc|be|chau|em) lop ([1-9]|1[0-2]|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)",
    r"con gai (toi|cua toi|nho|be|minh|anh|chi|ong|ba|rieng)", r"chau gai", r"co be", r"cau be", r"so sinh",
    # Swahili
    rf"(umri wa|mwenye) miaka {_SW_NUM}", r"mtoto\w*", r"watoto\w*", r"msichana", r"wasichana", r"mvulana", r"wavulana",
    r"(mwanafunzi|wanafunzi) wa (shule ya msingi|darasa|sekondari)", r"shule ya msingi", r"chekechea",
    r"darasa la ([1-8]|kwanza|pili|tatu|nne|tano|sita|saba)", r"binti (yangu|wangu|yake|mdogo|wa kambo)", r"balehe",
    r"umri mdogo", r"chini ya umri", r"mpwa", r"kitoto\w*", r"vitoto", r"mtoto mchanga",
    # Catalan
    rf"(de|te|tenia|tindra|complir|compleix|fara|edat de) {_CA_NUM} anys", r"nen(s|es)", r"nena petita", r"nen petit",
    r"infants", r"infantil\w*", r"noiet(a|es)", r"xiquet\w*", r"menors? d edat", r"alumn(a|e|es|s) de (primaria|l escola|secundaria|l institut)",
    r"escola primaria", r"a (primaria|p3|p4|p5)", r"llar d infants", r"(filla|filleta|filletes)", r"fillastr\w*", r"(neboda|nebodes|nebodeta)",
    r"adolescent(s|a|es)",
    # Albanian
    rf"{_SQ_NUM} ?vjec\w*", r"femij\w*", r"vajz(e|a|en|es|at|ave|ez|eza|ushe|ushja|erit)", r"vajze e vogel",
    r"djal(e|i|in|it|osh\w*|uk\w*)", r"(i|e|te) mitur\w*", r"mitur(a|e|it|ve)", r"adoleshent\w*", r"nxenes\w*",
    r"shkoll\w* fillor\w*", r"foshnj\w*", r"mbes(a|en|es|ja)",
    r"klas(a|en|es) e (pare|dyte|trete|katert|peste|gjashte|shtate|tete|nente)",
]


SEXUAL_TERMS_ADDED_4: list[str] = [
    # Shared (several languages; one rule per stem, so that one language's benign collocation is excluded for all)
    r"porno\w*", r"pornogra\w*", r"eroti\w*", r"erotyc\w*", r"erotyk\w*", r"eroot\w*", r"senzual\w*",
    r"sensu(eel|ele|ell|elle|ellt|elt|el|els|als|ales|alment|alitat)", r"seksi", r"sexi", r"fetis(j|z|h)\w*",
    r"stript(i|y)z\w*", r"masturb\w*",
    r"(?<!voor )(?<!vir )seksue(el|le)(?! (voorlichting|opvoeding|vorming|gezondheid|onderwijs|geaardheid|identiteit|voorligting))",
    r"(?<!edukacja )(?<!edukacji )(?<!edukacje )(?<!wychowanie )(?<!wychowania )(?<!zdrowie )(?<!zdrowia )(?<!spolni )(?<!spolno )"
    r"(?<!spolna )seksualn\w*"
    r"(?! (odgoj|odgoja|obrazovanje|obrazovanja|vaspitanje|vaspitanja|zdravlje|zdravlja|vzgoja|vzgoje|zdravje|orientacija))",
    r"(?<!pendidikan )(?<!edukim )(?<!edukimi )(?<!edukimit )(?<!kesihatan )(?<!kesehatan )seksual(e|i|it|a|u|o|s|ais|ie|as|ajam)?"
    r"(?! (izglitiba|izglitibas|izglitibu|anak|reproduksi|tervis|tervise))",
    r"sexuell(a|t)?(?! (halsa|upplysning|undervisning))", r"seksuell(e|t)?(?! (helse|opplysning|undervisning))",
    r"seksuel(le|t)?(?! (sundhed|oplysning|undervisning))",
    r"nag(ie|ich|im|imi|o|ega|em|ih|ota|oti|oto|ost|osti|osc|osci|usienk\w*)(?! (drzewa|drzew|galezie|galezi|sciany|scian|skaly|skal|mury|fakty|prawda|prawde|drevesa|stene|zidovi|cinjenice|istina))",
    r"(zupelnie|calkiem|calkowicie|kompletnie|prawie|popolnoma|cisto|potpuno|sasvim|skroz|cela|celo|cel) nag(a|i|ie|e|o)",
    r"naga (kobieta|dziewczyn\w*|na|w|pozuje|lezy|stoi|siedzi|tanczy|zena|punca|deklica|djevojka|djevojcica|devojka|devojcica|u|v)",
    # Dutch
    r"(half|spier|poedel)?naakt(e|en|heid|foto\w*|model\w*)?", r"bloot", r"blootje",
    r"seks(film|video|scene|speeltje)s?", r"erotiek",
    r"(uitkleden|uitgekleed|uitkleedt|ontkleed\w*|ontkleden|kleedt (zich|haar|hem) uit|kleden zich uit|trekt (haar|zijn) (kleren|kleding|jurk|broek|onderbroek|shirt|hemd) uit)",
    r"zonder (kleren|kleding)", r"ondergoed", r"onderbroek(je|jes)?", r"slipje\w*", r"in (haar|zijn|een) beha",
    r"verleidelijk\w*", r"(danst|dansen|dansend|poseert|poseren|poserend) (\w+ ){0,2}(sexy|sensueel|verleidelijk|uitdagend|erotisch|voor (oudere )?mannen)",
    r"uitdagend (gekleed|dansen|poseren|pose\w*|gebaar\w*)", r"voor (oudere |volwassen )?mannen(?! en (jongens|kinderen|vrouwen))",
    r"(alleen |enkel )?voor volwassenen(?! en (kinderen|kids|tieners|jongeren))",
    r"op (de )?schoot (bij|van) (een )?(oudere |volwassen |vreemde )?(man|mannen|volwassene|vreemde)",
    r"in bed met (een )?(oudere |volwassen )?(man|volwassene|vreemde)",
    r"(kust|kussen|kussend|zoent|zoenen|zoenend|streelt|strelen|strelend) (\w+ )?(een |de )?(oudere |volwassen |vreemde )?(man|mannen|volwassene|volwassenen|vreemde)",
    r"(paal|schoot)dans\w*", r"geslachtsgemeenschap", r"neuk(en|t|te|ten)",
    # Afrikaans
    r"naak(te|theid)?", r"kaalgat\w*", r"sonder kleren?", r"trek (sy|haar|hul) kleren? uit", r"kleren? uittrek", r"uitgetrek",
    r"onderklere", r"broekie\w*", r"verleidelik\w*", r"vir (ouer )?mans(?! en (seuns|kinders))",
    r"(slegs )?vir volwassenes(?! en kinders)", r"op n (ou |ouer )?(man|volwassene|vreemdeling) se skoot",
    r"(soen|soene|soenend|streel|streeld) (\w+ )?n (ouer )?(man|volwassene|vreemdeling)",
    # Polish
    r"seksown\w*", r"rozbiera(c|jac|jaca|jacy)? sie", r"rozebran(a|y|e|ych)", r"rozebral(a)? sie", r"bez (ubrania|ubran|ciuchow)",
    r"bielizn\w*(?! (poscielowa|poscielowej|poscielowe|poscielowych|stolowa|stolowej))", r"majt(ki|kach|eczki|eczkach|ek)",
    r"(stringach|stringow)", r"stanik\w*", r"uwodzi\w*", r"zmyslow(a|y|e|o|ym|ych|osc\w*)", r"prowokacyjn\w* (poz\w*|tan\w*|stroj\w*|ubran\w*)",
    r"(tanczy|tanczaca|tanczacy|taniec|tanczyc|pozuje|pozujaca|pozujacy|pozowac|pozach|pozie) (\w+ ){0,2}(seksown\w*|prowokacyjn\w*|zmyslow\w*|dla (starszych )?mezczyzn)",
    r"dla (doroslych|starszych mezczyzn|panow)(?! i (dzieci|mlodziezy))", r"dla mezczyzn(?! i (chlopcow|dzieci|kobiet))",
    r"na kolanach (u )?(mezczyzny|doroslego|obcego|starszego pana|wujka)", r"w lozku z (mezczyzna|doroslym|obcym)",
    r"(caluje|calujaca|calujacy|calowac|pieszcz\w*|dotyka) (\w+ )?(mezczyzn\w*|doroslego|doroslych|obcego|starszego pana)",
    r"stosunek (plciowy|seksualny)", r"onaniz\w*",
    # Czech / Slovak
    r"nah(y|ou|ych|ym|ymi|ota|ote|otu|ato|eho)", r"naha (zena|holka|divka|holcicka|dievca|dievcatko|na|v|lezi|stoji|tanci|pozuje)",
    r"nahe telo", r"(uplne|zcela|celkem|celkom|skoro|takmer|uplnom) nah(a|e|y|i)", r"(svlek|svlec|svlik|vysvlec|vysvlek|vyzlec|vyzlek|vyzliek|svlieka)\w*",
    r"bez (obleceni|saten|oblecenia)", r"spodn\w* (pradl|bielizn)\w*", r"kalhotk\w*",
    r"nohavicky", r"podprsenk\w*", r"tangach",
    r"sex(y|ualni|ualne|ualna|ualniho|ualnim)(?! (vychova|vychovy|vychove|vychovu|vychovou|vychovy))",
    r"svudn\w*", r"zvodn\w*", r"smysln\w*", r"zmyseln\w*", r"vyzyvav\w*", r"provokativn\w*",
    r"pro (muze|dospele|starsi muze)(?! a (deti|chlapce))", r"pre (muzov|dospelych|starsich muzov)(?! a (deti|chlapcov))",
    r"(na klin(e|u)|v posteli s|na kolenou) (u )?(\w+ )?(muze|muzem|muza|muzom|dospeleho|dospelym|cizince|cudzinca|chlapa)",
    r"(libat|liba|libajici|bozkava|hladi|hladka|hladite) (\w+ )?(muze|muza|dospeleho|cizince|cudzinca|starsiho muze)",
    r"soulozi\w*", r"pohlavni styk\w*", r"pohlavny styk\w*",
    # Slovenian
    r"razgaljen\w*", r"sla(ci|cenje|cil\w*)", r"slec(e|en|i|ena|eni)\w*", r"spodnj\w* peril\w*", r"tangice", r"hlacke",
    r"modrc\w*", r"seks(u|om)", r"spolni odnos\w*", r"spolno (obcevanje|obcuje)", r"zapeljiv\w*", r"cutn(a|o|i|e|ega|ih|ost)",
    r"izzivaln\w*", r"za (starejse )?moske", r"za odrasle(?! (in|i) (otroke|djecu|decu|djeca|deca))",
    r"v narocju (moskega|odraslega|neznanca)", r"(poljublja|poljubi|boza|ljubkuje) (\w+ )?(moskega|odraslega|neznanca)",
    r"brez oblacil",
    # Croatian / Serbian / Bosnian (Latin)
    r"golisav\w*", r"golo (tijelo|telo)", r"gol(a|i|e|o) (do pojasa|u krevetu)", r"(potpuno|sasvim|skroz) (gola|goli|golo|gole|gol)",
    r"razgolicen\w*", r"razgoljen\w*", r"bez (odjece|odece)", r"(svlac|svuc|svuk)\w*",
    r"skida (se|odjecu|odecu|haljinu|majicu)", r"donj\w* (rublj|ves)\w*", r"gac(ice|icama|icu)", r"grudnjak\w*",
    r"erotsk\w*", r"zavodljiv\w*", r"zavodnick\w*", r"izazovn\w* (ples\w*|poz\w*|odjev\w*|odec\w*)",
    r"za (starije )?muskarce(?! i (djecake|decake))", r"u krilu (muskarca|odraslog|stranca|starijeg)",
    r"(ljubi|ljube|ljubeci|miluje|mazi|dodiruje) (\w+ )?(muskarca|muskarce|odraslog|odrasle|stranca|starijeg)",
    r"u krevetu sa? (muskarcem|odraslim|strancem)",
    # Romanian
    r"(in pielea|complet|total|cu totul|cu desavarsire) goal\w*", r"goal(a|e) pusca", r"dezbracat\w*", r"dezbrac\w*",
    r"lenjerie (intima|sexy)", r"lenjeria intima", r"chiloti\w*", r"sutien\w*",
    r"(?<!educatie )(?<!educatia )(?<!educatiei )(?<!sanatate )(?<!sanatatea )sexual(a|e|i|itate)", r"seducat\w*", r"provocatoare",
    r"(danseaza|dansand|dans|danseze|pozeaza|pozand|poze|pozeze|pozitii) (\w+ ){0,2}(sexy|provocator\w*|senzual\w*|seducat\w*)",
    r"pentru (barbati|adulti)(?! si (copii|baieti))", r"(in bratele|pe genunchii|in poala|in patul) unui (barbat|adult|strain)",
    r"(saruta|sarutand|mangaie|mangaind|atinge) (\w+ )?(un |pe un )?(barbat|adult|strain)",
    # Hungarian
    r"meztelen\w*", r"pucer\w*", r"szex(?! (oktatas|oktatasa|oktatast|neveles|nevelese|nevelest))", r"szexi\w*",
    r"szexualis(?! (neveles|nevelese|nevelest|felvilagositas|felvilagositasa|oktatas|egeszseg|egeszsegre))", r"vetkoz\w*", r"levetkoz\w*",
    r"fehernemu\w*", r"bugyi\w*", r"tangaban", r"melltarto\w*", r"erzeki\w*",
    r"(tancol|tancolo|tanc|pozol|pozolo|pozban) (\w+ )?(csabit\w*|kihivo\w*|szexi\w*|erzeki\w*)", r"csabito (tanc\w*|poz\w*|mozdulat\w*)", r"(csabit\w*|kihivo\w*|erzeki\w*|szexi\w*) (\w+ )?(tancol\w*|pozol\w*|tanc\w*)",
    r"ferfiaknak(?! es (fiuknak|gyerekeknek))", r"ferfiak szamara", r"(csak )?felnotteknek(?! es (gyerekeknek|gyermekeknek))",
    r"(egy )?(ferfi|felnott|idegen|idosebb ferfi) oleben", r"(ferfit|felnottet|idegent|ferfival) (\w+ )?(csokol\w*|simogat\w*)",
    r"(csokol\w*|megcsokol\w*|simogat\w*) (\w+ )?(egy )?(ferfit|felnottet|idegent|idosebb ferfit|felnott ferfit)",
    # Finnish
    r"alasto(n|mana|mat|mia|man|muus\w*)", r"naku(na|ilu\w*|ile\w*|kuva\w*)", r"seksikka\w*", r"seksikas",
    r"seksuaali(nen|sen|sta|set|sia|sesti)", r"riisuutu\w*", r"riisuu (vaatteensa|alusvaatteensa|paitansa|mekkonsa|housunsa)",
    r"alusvaat\w*", r"alushousu\w*", r"pikkuhousu\w*", r"rintaliivi\w*", r"alusasu\w*",
    r"viettelev\w*", r"vietteli\w*", r"aistikka\w*", r"aistillise\w*", r"aistillinen", r"vihjaileva\w*", r"provosoiva\w*",
    r"kiihottava\w*", r"miehille(?! ja (pojille|lapsille))", r"(vain )?aikuisille(?! ja lapsille)",
    r"(miehen|aikuisen|vieraan miehen|vanhan miehen) sylissa",
    r"sangyssa (miehen|aikuisen|vieraan) kanssa", r"(suutelee|suudella|suutelemassa|hyvailee|hyvaileva|hyvailla) (\w+ )?(miesta|aikuista|vierasta)",
    # Estonian
    r"alasti", r"seksika\w*", r"seksuaal(ne|se|sed|selt)(?! (tervis|tervise|haridus|kasvatus))", r"lahti riietu\w*",
    r"riietub lahti", r"riided seljast", r"aluspesu\w*", r"rinnahoidja\w*", r"vorguta\w*", r"meela(lt|d|s)",
    r"(tantsi|poseeri)\w* (\w+ )?(seksikalt|valjakutsuvalt|vorgutavalt|meelalt)",
    r"meestele(?! ja (poistele|lastele))", r"(ainult )?taiskasvanutele(?! ja lastele)", r"(mehe|taiskasvanu|voora mehe) sules",
    r"(suudle\w*|paitab|paitamas|hellita\w*) (\w+ )?(meest|taiskasvanut|voorast)",
    # Latvian
    r"(kails|kaila|kailie|kailas|kailu|kailais|kailums|kailuma)", r"izgerb\w*", r"apaksvel\w*", r"biksites", r"krustur\w*",
    r"seks(s|u|am|ig\w*)", r"pavedin\w*", r"jutekl\w*", r"provokativ\w* (dej\w*|poz\w*)",
    r"viriesiem(?! un (zeniem|berniem))", r"pieaugusajiem(?! un berniem)", r"(viriesa|pieaugusa|pieauguse|svesinieka) klepi",
    r"(skupst\w*|glaust\w*|glasta) (\w+ )?(virieti|pieauguso|svesinieku)",
    # Lithuanian
    r"(nuoga|nuogas|nuogi|nuogos|nuogai|nuogu|nuogybe\w*|nuogumo|nuogumas)", r"nusireng\w*", r"apatin(iai|ius|iais|iu|ese|es)", r"kelnait\w*", r"liemenel\w*",
    r"seks(as|o|u|ui|ualus|uali|ualiai|ualu|ualios|ualiu|ualin\w*)(?! (svietimas|svietimo|sveikata|sveikatos))",
    r"vilioj\w*", r"gundanc\w*", r"gundant\w*", r"jausming\w*", r"provokuojan\w*", r"vyrams(?! ir (berniukams|vaikams))",
    r"suaugusiems(?! ir vaikams)", r"ant (vyro|suaugusiojo|nepazistamojo) keliu",
    r"lovoje su (vyru|suaugusiuoju|nepazistamuoju)", r"(buciuoj\w*|glosto|glostant\w*|glamonej\w*) (\w+ )?(vyra|suaugus\w*|nepazistam\w*)",
    # Swedish, Danish, Norwegian
    r"nak(en|na|et|ne|ent|enbild\w*|enhet|enbad\w*)", r"nogne", r"splitternogen", r"nogenhed", r"nogenbillede\w*",
    r"sexig\w*", r"sexet", r"sexede", r"porr(film\w*|bild\w*|tidning\w*|sidor|klipp)?",
    r"(klar|kla|klade) av sig", r"kler av seg", rf"kl{_AE}der sig af", r"avkladd\w*", r"avkledd\w*",
    rf"afkl{_AE}dt\w*", r"utan klader", rf"uten kl{_AE}r", r"uden toj", r"tager (tojet|toj) af", rf"tar av seg (kl{_AE}rne|alt)",
    r"underklader\w*", r"underklad\w*", r"undertoj\w*", r"undertoy\w*", r"tros(or|orna|a)", r"trus(ser|serne|se)", r"truse(r|ne|n)?",
    r"forforisk\w*", r"forforende", r"utmanande (dans\w*|pos\w*|klad\w*)", r"udfordrende (dans\w*|pos\w*|t(o|oj))",
    r"for (aldre |vuxna )m(a|ae)n", rf"for (m{_AE}nd|menn|(ae)?ldre m{_AE}nd|eldre menn)(?! og (gutter|drenge|born|barn))",
    r"(dansar|poserar|dansa|posera) for man",
    r"for vuxna(?! och barn)", r"for voksne(?! og (born|barn))",
    r"i (en )?(mans|vuxens|framlings|aldre mans) kna", r"pa (skodet|skodet af|fanget til|fanget pa) (en )?(mand|mann|voksen|fremmed)",
    rf"i sengen med en ({_AE}?ldre |eldre |voksen )?(mand|mann|voksen|fremmed)", r"i sangen med en (aldre |vuxen )?(man|vuxen|framling)",
    rf"(kysser|kyssa|kyssar|kyssande|kysse|kyssede|kysset|smeker|smeka|smekande|stryker|k{_AE}rtegner|kj{_AE}rtegner) (\w+ )?en ({_AE}?ldre |aldre |eldre |vuxen |voksen )?(man|mand|mann|vuxen|voksen|framling|fremmed)",
    # Turkish
    r"seks(i|ili|uel|uellik)", r"cinsel(?! (egitim|egitimi|egitimde|saglik|sagligi|kimlik|yonelim))",
    r"ciplak\w*(?! (ayak|ayakli|ayaklar|ayaklarla|ayakla|ayaklariyla|gozle|agac|agaclar|dallar|duvar|duvarlar|tepe|tepeler|ampul|kablo|el|elle|ellerle|kaya|kayalar))",
    r"cirilciplak\w*", r"soyun(uyor|du|mus|mak|an|ur|ar|arak|masi|sun)", r"ic camasir\w*", r"kulot(lu|la|uyla|unu|u)", r"sutyen\w*", r"ic giyim\w*",
    r"bastan cikar\w*", r"sehvet\w*", r"kiskirtici (dans\w*|poz\w*|kiyafet\w*)", r"erkekler icin(?! ve (cocuklar|erkek))",
    r"(sadece )?yetiskinler icin(?! ve cocuklar)",
    r"(bir )?(adamin|erkegin|yetiskinin|yabancinin) kucag\w*", r"(bir )?(adamla|erkekle|yetiskinle|yabanciyla) yatakta",
    r"(bir )?(adami|erkegi|yetiskini|yabanciyi) (opuyor|optu|opmek|okshuyor|oksuyor|oksayan)",
    # Azerbaijani
    r"cilpaq\w*(?! (ayaq|ayaqla|ayaqlar|ayaqli|gez|g z|el|eller|ell r))", r"soyunur\w*", r"alt paltar\w*",
    rf"kisil{_SCHWA}r ucun", rf"boyukl{_SCHWA}r ucun", rf"s{_SCHWA}hv{_SCHWA}t\w*", r"kisinin qucag\w*", rf"(kisini|kisiy{_SCHWA}) (opur|opdu|opub\w*|op\w*)",
    # Indonesian / Malay
    r"bugil\w*", r"(ber)?telanjang(?! (kaki|dada))", r"tanpa (busana|pakaian|baju)",
    r"(pose|berpose|menari|tarian|joget|goyang|gaya|pakaian|baju|tampil|tampilan) (\w+ )?(seksi|sensual|menggoda|erotis)",
    r"(pen|men|di)cabul\w*", r"(tindakan|tindak|foto|video|gambar|aksi|perbuatan|film|konten) cabul", r"pakaian dalam", r"celana dalam", r"baju dalam", r"kutang",
    r"untuk (pria dewasa|om om|orang dewasa|dewasa|lelaki dewasa)(?! dan (anak|anak anak|kanak kanak))",
    r"di pangkuan (seorang )?(om|pria|lelaki|laki laki|pria dewasa|orang dewasa|orang asing|lelaki dewasa)",
    r"(mencium|cium|membelai|dibelai|meraba|diraba|dicium|memeluk mesra) (\w+ )?(seorang )?(pria|om|lelaki|laki laki|orang dewasa|orang asing)",
    r"meraba raba", r"diraba raba", r"(di)?grepe(in)?", r"(tidur|di ranjang|di kasur) (bersama|dengan) (seorang )?(om|pria|lelaki|orang dewasa|orang asing)",
    r"bogel\w*", r"seluar dalam", r"lucah\w*", r"bersetubuh", r"persetubuhan", r"mesum\w*", r"ngentot\w*",
    # Tagalog
    r"(nag|nakag?|mag|naghu|pinag)?hubad\w*", r"hubo t hubad", r"hinubaran\w*", r"hinuhubaran\w*", r"malaswa\w*", r"kalaswaan",
    r"libog\w*", r"malibog\w*", r"nalilibugan", r"seksing", r"napakaseksi", r"(pagtatalik|pakikipagtalik|makipagtalik|nakipagtalik|nagtatalik|magtalik)",
    r"kantot\w*", r"kinantot\w*", r"kinakantot\w*", r"panty", r"naka (bra|panty|panti|underwear|brief|bikini)", r"damit panloob",
    r"panloob na damit", r"mapang ?akit\w*", r"malandi\w*", r"kalandian", r"lumalandi", r"naglalandi", r"senswal\w*",
    r"para sa (mga )?(matatandang lalaki|kalalakihan|adult|adults|nakatatanda)",
    r"sa kandungan ng (isang )?(lalaki|lalake|matandang lalaki|matanda|estranghero)",
    r"(hinahalikan|humahalik|hinalikan|halikan|hinahaplos|hinaplos|humahaplos) (ang |ng |sa )?(isang )?(lalaki|lalake|matandang lalaki|estranghero)",
    # Vietnamese (folded)
    r"(?<!bac si )(?<!benh vien )(?<!phong kham )khoa than(?! (nhi|tiet nieu|benh vien|cua benh vien|va))", r"tran truong",
    r"loa the(?! thao)", r"loa lo", r"khong mac (gi|quan ao|do)", r"coi bo (quan ao|do|vay|ao)", r"thoat y",
    r"(?<!giao duc )tinh duc", r"khieu dam", r"khieu goi", r"goi cam(?! hung)",
    r"(mua|nhay|tao dang|tu the|dang) (\w+ ){0,2}(quyen ru|goi cam|khieu goi)",
    r"(do|mac|bo|quang cao|nguoi mau|chi mac) noi y", r"noi y (nu|ren|goi cam|sexy)", r"do lot", r"quan lot", r"ao lot",
    r"quan chip", r"danh cho (dan ong|nguoi lon|dan ong lon tuoi)(?! va (tre em|tre con))",
    r"(ngoi )?(trong long|tren dui|tren long) (mot )?(nguoi )?(dan ong|ong chu|nguoi la|nguoi lon)",
    r"(vuot ve|mon tron|so soang) (\w+ )?(mot )?(nguoi )?(dan ong|nguoi lon|nguoi la)", r"so soang", r"lam chuyen ay",
    # Swahili
    r"uchi", r"(?<!elimu ya )ngono\w*", r"(kufanya|kufanyana|wanafanya|anafanya|walifanya|alifanya) mapenzi", r"nguo za ndani",
    r"chupi", r"sidiria", r"(\w*vua) nguo( zote)?", r"bila nguo", r"\w*tongoz\w*", r"kimahaba", r"ashiki",
    r"kwa wanaume(?! (na|wazima na))", r"kwa watu wazima(?! na watoto)", r"(kwenye )?mapaja ya (mwanaume|mtu mzima|mgeni)",
    r"kitandani na (mwanaume|mtu mzima|mgeni)", r"(\w*busu|\w*papasa|\w*shikashika) (\w+ )?(mwanaume|mtu mzima|mgeni)",
    # Catalan
    r"despullad\w*", r"despulla\w*", r"nu(a|es) (integral|total|del tot)", r"(totalment|completament) nu(a|s|es)?",
    r"sexuals", r"roba interior", r"calces", r"sostenidor\w*", r"per (a |als )?(homes|adults|senyors)(?! i (nens|infants|nenes))",
    r"a la falda d un (home|adult|desconegut)", r"al llit amb un (home|adult|desconegut)",
    r"(peto|petons|besa|besant|acaricia|acariciant|acariciar) (\w+ )?(a )?(un |l )?(home|adult|desconegut)",
    r"(balla|ballant|ballar|posa|posant|posar) (\w+ )?(sensual\w*|provocativ\w*|sexy|eroticament)",
    # Albanian
    r"lakuriq(e|i|et)?(?! (nate|i nates|e nates|te nates|nates))", r"zhvesh\w*", r"zhvish\w*",
    r"te brendshme", r"mbathj\w*", r"s(y|u)tjen\w*", r"joshes(e|i)?",
    r"provokues\w* (vallez\w*|poz\w*|kercim\w*)", r"(vallez\w*|poz\w*|kercim\w*|kercen) (\w+ ){0,3}provokues\w*", r"per burra", r"per te rritur(?! dhe femije)", r"ne prehrin e (nje )?(burri|te rrituri|te huaji)",
    r"(puth\w*|perkedhel\w*|ledhat\w*) (\w+ )?(nje )?(burre|burri|burrin|te rritur|te huaj)",
]

# Masked before sexual terms are looked for (OR it into defaults.BENIGN_SEXUAL_COLLOCATIONS): the EXISTING terms
# "sex"/"seks" are the numeral six in Swedish/Danish/Norwegian; "sexual"/"seks" stand in sex-education phrases.
BENIGN_SEXUAL_COLLOCATIONS_ADDED_4 = (
    r"\b((sex|seks) (ar|arig\w*|aring\w*|aar|manader|maneder|mnd|veckor|uker|uger|dagar|dager|dage|timmar|timer|timar|"
    r"minuter|minutter|barn|born|personer|stycken|styck|stk|ganger|gange|gonger|flickor|pojkar|jenter|gutter|piger|"
    r"drenge|elever|klass|klasse|sma|smaa|av|af|till|til|kr|kronor|kroner)|"
    r"(sex|seks) ?(aring\w*|arig\w*)|(klass|klasse|arskurs|trinn|gruppe) (sex|seks)|"
    r"educacio sexual|educatie sexuala|edukim seksual|pendidikan (seks|seksual)|sex education|"
    r"(pendidikan|kesehatan|kesihatan) reproduksi)\b")

# Common words one edit from a new term, that the normaliser's spelling correction must leave alone.
NOT_MISSPELLINGS_ADDED_4: frozenset[str] = frozenset((
    # Generated by protect.py (wordfreq top 40k of the 20 Latin-script languages here): words the normaliser would
    # "correct" into a minor or sexual term (Vietnamese trong/khong/phong -> thong, Indonesian tanpa -> tanga, Dutch
    # tegen -> teen, naast -> naakt, Hungarian mikor -> minor, Polish dzieki -> dzieci, Catalan sota -> shota...) and
    # the draft's own words it would correct away (corka -> corta, kaila -> baila, schoot -> school, taong -> thong).
    # True cognates (orgazm, lenjeria, fetisch...) and the English obfuscation "pron" are left out.
    "aasta adaos adios adoleshent adoleshente adossaga alla aloli anderssons anga anties anyos apat aped asexual "
    "asing atdos audos avea babae babis babise babites babits babky baboy babylone bagas baies ballar banga baras "
    "barter basisschool belon beras besso bila bild bloot bolest boos boras born bornehave bornehaveborn borys brams "
    "braschen brasserie braus brigados budas budes buras caresi cchi chilis cinci cinos clasa classe colegiul "
    "collegen coret corka corny cowok crape cudes curset dansand dansen dansend danst danties deens dichte diere "
    "dispers djeci dochter dotze dragas drape dudas dudes dziedi dzieki dzieli dziewczyna dziewczynki edut eens "
    "encants enes enna entrada eretic eroica erotik erotis erotyc esso estudyante eteen eten exotica exotisch "
    "explicat fanga feste fetih fetit fetite fiece filla filletes florting flust fonda fonde fondes fondi fondo "
    "fondre fonds fondu fondul fondy forny foto gabies gados galines gamins gaminys gamtines gartner gater gavines "
    "geens geniaal gimines girat goala gole gorny gorter gost granados grepe gripe grobe grote groze grupe grype "
    "gyarat gyart haasteen hanga hanssons harom have heltai hentak hentam henti herny highschool hodny horby hordy "
    "horky horna horni hornu hory hota hudas hujan hulle icama icin ille ineen infanta infante infanterie infart "
    "inflant infrant ingen ites jacksons jasenena jeden jente jerotic jhong jinky johnsons jolita jonge jongen kados "
    "kaila kalibras kanga karlsons karter kentalla ketto khong kiados kicik kiedy kiky kind kinderen kinders kinek "
    "kinik klases klasie klass klassi kleinkind kline klink klust knackt knik knikkers knude ktora kupil kust lackt "
    "lamines langa larssons latek lenjeria lhota lichte liga likte lilita linky linor locita lolitk lovita ludas "
    "ludes lusot mados martinsons matchen meie menn menors mensual mikor minar minderjarige minora minot mior "
    "modele modeli modell modelliga modelo modested moest molist moste motested mudes muppets naakt naast nacht nacka "
    "nacke nacrt nadas nades nado nakee naken nakt namines nanas nanga nanos nared nates naudas necas nece neces "
    "nechte nekas neked nemas nenaa nenad nenak nenaks nenan nenda nenes nens nente neona neras nesna neter nezna "
    "neznas nhong nidos niech nieco niee nieje niele nien nieres niese nietes nieves nieze nihce nikos nilssons nincs "
    "ninot ninots ninoy nins nisos njena nomes nuditi nudle nudne nudze nujas nuves nuwes nuzde nydes obys oleben "
    "olli onse opur paar paltar panga panti parno parter paties patra pelit peping perno petersons phong pieci pinag "
    "pinky pinos plazy plese pocno podno poisi polita polno pomno pono porin porna porneste porni poro poron porro "
    "porxo poseert poseren poserend pozno pracy pragas preten pretenen pretens privades privales privatas privatos "
    "privatus protic provocate provokativ pupin pupols quyen rabies rackt raczy radcy raming rampe ramping ranga "
    "rappe rapte reduc resso robertsons robinsons roping rudas sabies sados sanga saten schild schoolkind schoot "
    "sebut sedat sedet sedmi sedot seduit seguire segut seiso sekas sekos seksual seksuel seksyong semut senso "
    "sensueel senswal senzual serut sesi sesks seslo sesos sessio sesto sesuo shoda sich sieks sitter siyete skoot "
    "skota slegs slota smoel snickers snude soene soens sogns solita somns sonas sonns sota sover speks spons sporno "
    "spota sreks stanga stara stari staro starsich steen stene stenson stota striper sudas sudut suggestie sules "
    "sultra syota syster szexualis tackt taga tagga tagna tahong taiga tainga talga tana tanaa tanaga tanda tange "
    "tangga tangi tangka tanja tanka tanpa tanta taong tarter teden tees tegen tehen teken tekens telen tema temen "
    "tene tenen tenes tennie teren terenie terk ternie tesen tevens theid thoang thoat thuong tinos tjerk tjies tjong "
    "tochten toets tolts torno tost toto tranga transsexual trenie tretze tripper tron trong trop trots tsong tudas "
    "tunga tuong tweecie tweeps tweet tweets twen uden udes undas unde underlage undip unge ungen uporno vackt "
    "vestniece vhong vietniece vinas vinos visque vykes werk wiece yudas yung zentai zeven zhong zinos "
).split())

# --- scripts the normaliser drops: substrings of the raw prompt (NFKC, lower case) -----------------------------
# Each is long or specific enough not to sit inside common unrelated words; the words they DO sit in are noted.
_MINOR_OTHER: tuple[str, ...] = (
    # Ukrainian ("дит": дитина, дитячий; "діти" also sits in the infinitives сидіти, радіти, володіти)
    "дитин", "дитяч", "діти", "дітей", "дітьми", "дітям", "дітях", "дівчинк", "дівчатк", "хлопчик", "малюк", "малеч",
    "немовл", "підліт", "підлітк", "неповнолітн", "школяр", "учениц", "початкова школа", "початкової школи",
    "початковій школі", "садочк", "донечк", "доньк", "дочк", "падчерк", "племінниц",
    "п'ятирічн", "шестирічн", "семирічн", "восьмирічн", "дев'ятирічн", "одинадцятирічн", "дванадцятирічн",
    "тринадцятирічн", "чотирнадцятирічн", "п'ятнадцятирічн", "шістнадцятирічн", "сімнадцятирічн",
    # Bulgarian
    "деца", "децата", "момиче", "момичета", "момченц", "момче", "непълнолетн", "тийнейдж", "ученичк",
    "основно училищ", "дъщер", "племенниц", "бебе",
    # Serbian Cyrillic ("дете" is already matched by the Russian "дет")
    "девојчиц", "дечак", "дечац", "тинејџ", "основна школа", "основној школи", "основне школе", "основношкол",
    "вртић", "ћерк", "кћи", "пасторк", "нећакињ", "беба",
    # Macedonian
    "девојче", "девојчињ", "градинка", "ќерк", "ќерќ",
    # Greek (with and without accents: capitals are written without them)
    "παιδί", "παιδι", "παιδάκ", "παιδακ", "κορίτσ", "κοριτσ", "αγοράκι", "αγορακι", "μικρό αγόρι", "μικρο αγορι",
    "ανήλικ", "ανηλικ", "έφηβ", "εφηβ", "μαθήτρι", "μαθητρι", "μαθητής", "μαθητης", "μαθητές", "μαθητες",
    "δημοτικό σχολ", "δημοτικου σχολ", "δημοτικο σχολ", "δημοτικού σχολ", "νηπι", "νήπι", "κόρη μου", "κορη μου",
    "κορούλα", "κορουλα", "προγονή", "προγονη", "ανιψιά", "ανιψια",
    "δέκα χρονών", "δεκα χρονων", "έντεκα χρονών", "εντεκα χρονων", "δώδεκα χρονών", "δωδεκα χρονων",
    "δεκατριών χρονών", "δεκατριων χρονων", "δεκατεσσάρων χρονών", "δεκατεσσαρων χρονων", "δεκαπέντε χρονών",
    "δεκαπεντε χρονων", "δεκαέξι χρονών", "δεκαεξι χρονων", "δεκαεπτά χρονών", "δεκαεπτα χρονων",
    # Hebrew ("ילד" also sits in מיילדת, midwife, and גילדה, guild)
    "ילד", "פעוט", "תינוק", "נערה", "נערות", "נערים", " קטין", "קטינה", "קטינים", "קטינות", "מתבגר", "תלמידה", "תלמידת", "ספר יסודי",
    "בת חורגת", "אחיינית", "הבת שלי", "הבן שלי",
    "בת 10", "בת 11", "בת 12", "בת 13", "בת 14", "בת 15", "בת 16", "בת 17",
    "בן 10", "בן 11", "בן 12", "בן 13", "בן 14", "בן 15", "בן 16", "בן 17",
    # Arabic ("تلميذ" also means disciple; " صبية" with its space: العصبية is "nervousness")
    "اطفال", "طفولة", "بنت صغيرة", "فتاة صغيرة", "طفلة", "ولد صغير", "الصبي", "صبي صغير", " صبية", "مراهق",
    "تلميذ", "ابتدائي", "الابتدائية", "رضيع", "ابنتي", "ابنة", "ربيبة", "صغيرة السن", "صغير السن", "دون السن",
    "تحت السن", "قاصرة",
    # Persian (Persian yeh and keheh)
    "کودک", "بچه", "دختربچه", "دختر بچه", "دختر کوچک", "دخترک", "پسربچه", "پسر بچه", "پسر کوچک", "نوجوان",
    "نابالغ", "زیر سن", "خردسال", "دانش‌آموز", "دانش آموز", "دانشآموز", "دبستان", "نوزاد", "دخترخوانده",
    "برادرزاده", "خواهرزاده", "یازده ساله", "دوازده ساله", "سیزده ساله", "چهارده ساله", "پانزده ساله",
    "شانزده ساله", "هفده ساله",
    # Urdu ("بچی" also sits in بچیں, "(they) avoid")
    "بچہ", "بچی", "بچے", "بچوں", "چھوٹی لڑکی", "چھوٹا لڑکا", "کمسن", "کم سن", "نوعمر", "نو عمر", "اسکول کی لڑکی",
    "سکول کی لڑکی", "بیٹی", "بھتیجی", "بھانجی", "شیر خوار", "شیرخوار",
    "گیارہ سال", "بارہ سال", "تیرہ سال", "چودہ سال", "پندرہ سال", "سولہ سال", "سترہ سال",
    # Hindi ("बालिका"; not "बालक", which sits in बालकनी, balcony; not "किशोर", a man's name)
    "छोटी लड़की", "छोटा लड़का", "नन्ही", "बालिका", "किशोरी", "किशोरावस्था", "स्कूली", "स्कूल की लड़की", "प्राथमिक विद्यालय",
    "प्राथमिक स्कूल", "बेटी", "भतीजी", "भांजी", "शिशु", "ग्यारह साल", "बारह साल", "तेरह साल", "चौदह साल",
    "पंद्रह साल", "सोलह साल", "सत्रह साल", "बारह वर्षीय", "तेरह वर्षीय", "चौदह वर्षीय", "पंद्रह वर्षीय",
    "सोलह वर्षीय", "सत्रह वर्षीय",
    # Bengali
    "শিশু", "বাচ্চা", "ছোট মেয়ে", "ছোট ছেলে", "কিশোরী", "নাবালিকা", "নাবালক", "অপ্রাপ্তবয়স্ক", "স্কুলছাত্রী",
    "স্কুল ছাত্রী", "স্কুলের মেয়ে", "প্রাথমিক বিদ্যালয়", "কন্যা", "সৎমেয়ে", "ভাগ্নি", "ভাইঝি",
    "এগারো বছর", "বারো বছর", "তেরো বছর", "চোদ্দ বছর", "চৌদ্দ বছর", "পনেরো বছর", "ষোলো বছর", "সতেরো বছর",
    # Punjabi (Gurmukhi)
    "ਬੱਚਾ", "ਬੱਚੀ", "ਬੱਚੇ", "ਬੱਚਿਆਂ", "ਛੋਟੀ ਕੁੜੀ", "ਨਿੱਕੀ ਕੁੜੀ", "ਛੋਟਾ ਮੁੰਡਾ", "ਨਿੱਕਾ ਮੁੰਡਾ", "ਨਾਬਾਲਗ",
    "ਸਕੂਲੀ ਕੁੜੀ", "ਸਕੂਲ ਦੀ ਕੁੜੀ", "ਮੇਰੀ ਧੀ", "ਮਤਰੇਈ ਧੀ", "ਭਤੀਜੀ", "ਭਾਣਜੀ", "ਨਿਆਣ",
    "ਗਿਆਰਾਂ ਸਾਲ", "ਬਾਰਾਂ ਸਾਲ", "ਤੇਰਾਂ ਸਾਲ", "ਚੌਦਾਂ ਸਾਲ", "ਪੰਦਰਾਂ ਸਾਲ", "ਸੋਲਾਂ ਸਾਲ", "ਸਤਾਰਾਂ ਸਾਲ",
    # Gujarati
    "બાળક", "નાની છોકરી", "નાનો છોકરો", "સગીર", "કિશોરી", "શાળાની છોકરી", "સ્કૂલની છોકરી", "દીકરી",
    "ભત્રીજી", "શિશુ", "અગિયાર વર્ષ", "બાર વર્ષની", "બાર વર્ષનો", "તેર વર્ષ", "ચૌદ વર્ષ", "પંદર વર્ષ", "સોળ વર્ષ",
    "સત્તર વર્ષ",
    # Marathi
    "लहान मुलगी", "लहान मुलगा", "लहान मूल", "मुलांना", "मुलांच", "अल्पवयीन", "किशोरवयीन", "शाळकरी",
    "शाळेतील मुलगी", "तान्हे बाळ", "प्राथमिक शाळा", "सावत्र मुलगी", "पुतणी", "भाची",
    "अकरा वर्षा", "बारा वर्षा", "तेरा वर्षा", "चौदा वर्षा", "पंधरा वर्षा", "सोळा वर्षा", "सतरा वर्षा",
    # Tamil
    "குழந்தை", "சிறுமி", "சிறுவன்", "சிறுவர்", "மைனர்", "பதின்ம வயது", "பதின்வயது", "பள்ளி மாணவி", "என் மகள்",
    "பதினொரு வயது", "பன்னிரண்டு வயது", "பதின்மூன்று வயது", "பதினான்கு வயது", "பதினைந்து வயது", "பதினாறு வயது",
    "பதினேழு வயது",
    # Telugu
    "పిల్లలు", "పిల్లల", "పిల్లవాడు", "చిన్నారి", "బాలిక", "బాలుడు", "చిన్న అమ్మాయి", "చిన్నపిల్ల", "మైనర్",
    "యుక్తవయసు", "పాఠశాల విద్యార్థిని", "కూతురు", "మేనకోడలు", "శిశువు", "పన్నెండేళ్ల", "పదకొండేళ్ల",
    "పదమూడేళ్ల", "పద్నాలుగేళ్ల", "పదిహేనేళ్ల", "పదహారేళ్ల", "పదిహేడేళ్ల",
    # Kannada
    "ಮಕ್ಕಳ", "ಮಗು", "ಪುಟ್ಟ ಹುಡುಗಿ", "ಚಿಕ್ಕ ಹುಡುಗಿ", "ಪುಟ್ಟ ಹುಡುಗ", "ಚಿಕ್ಕ ಹುಡುಗ", "ಬಾಲಕಿ", "ಬಾಲಕ", "ಅಪ್ರಾಪ್ತ",
    "ಹದಿಹರೆಯ", "ಮಗಳು", "ಶಿಶು", "ಹನ್ನೊಂದು ವರ್ಷ", "ಹನ್ನೆರಡು ವರ್ಷ", "ಹದಿಮೂರು ವರ್ಷ", "ಹದಿನಾಲ್ಕು ವರ್ಷ",
    "ಹದಿನೈದು ವರ್ಷ", "ಹದಿನಾರು ವರ್ಷ", "ಹದಿನೇಳು ವರ್ಷ",
    # Malayalam (chillu letters and the old ള് spelling both)
    "കുട്ടി", "ബാലിക", "പ്രായപൂർത്തിയാകാത്ത", "പ്രായപൂര്‍ത്തിയാകാത്ത", "കൗമാര", "സ്കൂൾ വിദ്യാർത്ഥിനി", "മകൾ",
    "മകള്", "ശിശു", "പതിനൊന്ന് വയസ്സ", "പന്ത്രണ്ട് വയസ്സ", "പതിമൂന്ന് വയസ്സ", "പതിനാല് വയസ്സ", "പതിനഞ്ച് വയസ്സ",
    "പതിനാറ് വയസ്സ", "പതിനേഴ് വയസ്സ",
    # Sinhala
    "ළමය", "දරුව", "දැරිය", "බාලවයස්කාර", "යෞවනිය", "නව යොවුන්", "පාසල් සිසුවිය", "දියණිය", "ළදරු",
    # Thai ("ขวบ" counts only children's years)
    "เด็ก", "ลูกสาว", "ผู้เยาว์", "วัยรุ่น", "นักเรียน", "ประถม", "อนุบาล", "ทารก", "หลานสาว", "ขวบ", "ลูกเลี้ยง",
    # Lao
    "ເດັກ", "ລູກສາວ", "ໄວລຸ້ນ", "ນັກຮຽນ", "ປະຖົມ", "ອະນຸບານ", "ເຍົາວະຊົນ", "ແອນ້ອຍ",
    # Burmese (not bare "ကလေး": it sits in မိန်းကလေး, girl/young woman)
    "ကလေးငယ်", "ကလေးသူငယ်", "ကလေးမလေး", "ကလေးတွေ", "သမီးလေး", "သမီးငယ်", "ကျောင်းသူ", "ကျောင်းသား",
    "အသက်မပြည့်", "ဆယ်ကျော်သက်", "မူလတန်း", "မူကြို", "မွေးကင်းစ",
    # Khmer
    "កុមារ", "ក្មេង", "កូនស្រី", "អនីតិជន", "យុវវ័យ", "សិស្ស", "បឋមសិក្សា", "មត្តេយ្យ", "ទារក", "ក្មួយស្រី",
    # Georgian
    "ბავშვ", "პატარა გოგო", "გოგონა", "პატარა ბიჭ", "არასრულწლოვან", "მოზარდ", "მოსწავლე", "დაწყებით კლას",
    "ქალიშვილ", "ჩვილ", "დისშვილ", "ძმისშვილ", "თერთმეტი წლის", "თორმეტი წლის", "ცამეტი წლის", "თოთხმეტი წლის",
    "თხუთმეტი წლის", "თექვსმეტი წლის", "ჩვიდმეტი წლის",
    # Armenian
    "երեխա", "փոքրիկ աղջիկ", "աղջնակ", "փոքրիկ տղա", "անչափահաս", "դեռահաս", "աշակերտ", "տարրական դպրոց",
    "մանկապարտեզ", "մանկական", "դուստր", "դստեր", "խորթ աղջիկ", "նորածին", "զարմուհի",
    "տասնմեկ տարեկան", "տասներկու տարեկան", "տասներեք տարեկան", "տասնչորս տարեկան", "տասնհինգ տարեկան",
    "տասնվեց տարեկան", "տասնյոթ տարեկան",
    # Amharic
    "ልጅ", "ልጆች", "ልጄ", "ልጃ", "ታዳጊ", "ለአካለ መጠን ያልደረ", "የአንደኛ ደረጃ ተማሪ", "አንደኛ ደረጃ ትምህርት ቤት", "ሕፃን", "ህፃን", "ሕፃና", "ህፃና",
    "ልጃገረድ",
    # Chinese, simplified ("小姑娘" is also said of young women; "青少年" is 12-24 in official usage)
    "女童", "男童", "小孩", "小朋友", "幼儿", "婴儿", "小学", "初中生", "初中女生", "女儿", "继女", "侄女", "外甥女",
    "小姑娘", "青少年", "学生妹", "女学生", "幼女童",
    # Chinese, traditional
    "兒童", "蘿莉", "幼兒", "嬰兒", "女兒", "繼女", "姪女", "國小生", "國中生", "國小女生", "國中女生", "小學", "學生妹",
    "女學生", "小學生", "中學生",
    # Japanese ("女の子" is also said of young women)
    "女の子", "男の子", "女児", "男児", "幼児", "幼稚園", "保育園", "赤ちゃん", "園児", "小学校", "中学校", "高校生",
    "ティーン", "ランドセル", "スク水", "スクール水着", "継娘", "姪っ子",
    # Korean (not "아기", which sits in 아기자기, cosy; "청소년" also in the rating 청소년 관람불가)
    "꼬마", "유아", "청소년", "초등", "중학교", "고등학생", "여고생", "여중생", "남중생", "내 딸", "의붓딸", "조카딸",
    "유치원", "열 살", "열살", "열한 살", "열한살", "열두 살", "열두살", "열세 살", "열세살", "열네 살", "열네살",
    "열다섯 살", "열다섯살", "열여섯 살", "열여섯살", "열일곱 살", "열일곱살",
)

_SEXUAL_OTHER: tuple[str, ...] = (
    # Ukrainian (Russian "секс", "порн", "раздева" already cover секс, порно; not "для дорослих": "для дорослих і дітей")
    "оголен", "роздягн", "роздяга", "без одягу", "нижня білизн", "нижній білизн", "нижню білизн", "нижньої білизн",
    "трусик", "еротич", "еротик", "спокуслив", "чуттєв", "тільки для дорослих", "лише для дорослих",
    "на колінах у чолов", "на колінах у дорослого", "ліжку з чолов", "цілує чолов", "голе тіло", "гола дівчин",
    # Bulgarian
    "голо тяло", "съблич", "съблеч", "разсъблич", "без дрехи", "долно бельо", "прашк", "сутиен", "съблазнител",
    "чувствен", "само за възрастни", "в скута на", "целува мъж", "в леглото с мъж",
    # Serbian Cyrillic
    "голо тело", "свлачи", "скида се", "без одеће", "доњи веш", "доњем вешу", "гаћиц", "грудњак", "еротск",
    "заводљив", "само за одрасле", "крилу мушкар", "љуби мушкар", "кревету са мушкар",
    # Macedonian ("се соблекува": соблекувална is a changing room)
    "се соблекува", "соблече", "без облека", "долна облека", "гаќи", "заводлив", "само за возрасни", "во скутот на",
    "бакнува маж",
    # Greek (not "γυμνα": it begins γυμνάσιο, γυμναστική; not bare "σεξ": πρόσεξε, "watch out"; not "πορν": μπορντό;
    # "σεξουαλ" also covers σεξουαλική αγωγή, sex education)
    " σεξ", "σεξ ", "σεξ,", "σεξ.", "σεξουαλ", "σέξι", "σεξι", "πορνό", "πορνο", "γυμνή", "γυμνη", "γυμνό", "γυμνο", "γυμνοί", "γυμνοι", "γυμνές", "γυμνες", "γυμνός", "γυμνος",
    "ξεγυμν", "γδύν", "γδυν", "γδυμέν", "γδυμεν", "εσώρουχ", "εσωρουχ", "κιλοτ", "στρινγκ", "σουτιέν", "σουτιεν",
    "αισθησιακ", "σαγηνευτικ", "μόνο για ενήλικες", "μονο για ενηλικες", "στα γόνατα ενός", "στα γονατα ενος",
    "φιλάει έναν άντρα", "φιλαει εναν αντρα", "στο κρεβάτι με έναν", "στο κρεβατι με εναν",
    # Hebrew (" מינית" with its space: שמינית is "eighth"; " קטין": להקטין is "to reduce")
    "סקס", "פורנו", "עירום", "עירומה", "עירומים", "בלי בגדים", "ללא בגדים", "הלבשה תחתונה", "תחתונים", "חזייה",
    "חזיה", "ארוטי", "יחסי מין", " מינית", " המינית", "פתייני", "חושני", "ריקוד מפתה", "תנוחה מפתה", "תנוחות מפתות",
    "רק למבוגרים", "הברכיים של גבר", "בחיקו של", "מנשקת גבר", "מנשק גבר", "במיטה עם גבר",
    # Arabic (the existing "جنس" also sits in جنسية, nationality)
    "عراة", "عارية", "تعرى", "خلع ملابس", "بدون ملابس", "ملابس داخلية", "لانجري", "كيلوت", "سروال داخلي",
    "حمالة صدر", "إغراء", "اغراء", "رقص مغري", "رقصة مغرية", "بشكل مغري", "إباحي", "اباحي", "شهوة", "للكبار فقط",
    "في حضن رجل", "تقبيل رجل", "في السرير مع رجل",
    # Persian (not bare "جنسی": it sits in جنسیت, gender; not "برهنه": پابرهنه, barefoot; not bare "سکس": سکسکه,
    # hiccups, and Urdu ڈسکس, discuss)
    "سکسی", "فیلم سکس", "رابطه سکس", "عکس سکس", "سکس با", "پورن", "لخت مادرزاد", "کاملا لخت", "کاملاً لخت", "بدن لخت", "تن برهنه", "بدن برهنه", "کاملا برهنه",
    "عریان", "برهنگی", "لخت شد", "لخت شو", "بدون لباس", "رابطه جنسی", "صحنه جنسی", "تحریک جنسی", "آزار جنسی",
    "شهوانی", "اغواگر", "لباس زیر", "سوتین", "تحریک‌آمیز", "تحریک آمیز", "اروتیک", "فقط برای بزرگسالان",
    "در بغل یک مرد", "روی پای یک مرد", "بوسیدن یک مرد",
    # Urdu (not "برا": it means bad; not bare "فحش": in Persian it is a swear word)
    "سیکس", "فحش فلم", "فحش تصاویر", "فحش ویڈیو", "فحش مواد", "ننگی", "ننگا", "برہنہ", "کپڑے اتار", "بغیر کپڑوں", "زیر جامہ", "انڈرویئر",
    "شہوت", "شہوانی", "بہکانے والی", "صرف بالغوں", "مرد کی گود", "مرد کو چوم",
    # Hindi (the existing "नंग" also sits in नंगे पैर, barefoot; not "ब्रा": ब्राह्मण, ब्रांड)
    "कामुक", "यौन", "पोर्न", "निर्वस्त्र", "कपड़े उतार", "बिना कपड़ों", "बिना कपड़े", "अंडरवियर", "अंतर्वस्त्र",
    "पैंटी", "लॉन्जरी", "उत्तेजक", "सिर्फ वयस्कों", "केवल वयस्कों", "आदमी की गोद", "आदमी को चूम",
    # Bengali
    "যৌন", "সেক্স", "পর্ন", "নগ্ন", "উলঙ্গ", "কাপড় খুল", "জামাকাপড় খুল", "অন্তর্বাস", "প্যান্টি", "কামুক", "অশ্লীল",
    "শুধুমাত্র প্রাপ্তবয়স্ক", "পুরুষের কোলে", "লোকের কোলে", "পুরুষকে চুমু",
    # Punjabi (Gurmukhi)
    "ਸੈਕਸ", "ਨੰਗਾ", "ਨੰਗੀ", "ਅਸ਼ਲੀਲ", "ਪੋਰਨ", "ਜਿਨਸੀ", "ਕੱਪੜੇ ਉਤਾਰ", "ਬਿਨਾਂ ਕੱਪੜਿਆਂ", "ਅੰਡਰਵੀਅਰ", "ਕਾਮੁਕ",
    "ਸਿਰਫ਼ ਬਾਲਗਾਂ", "ਆਦਮੀ ਦੀ ਗੋਦ",
    # Gujarati
    "સેક્સ", "નગ્ન", "અશ્લીલ", "પોર્ન", "જાતીય", "કપડાં ઉતાર", "કપડાં વગર", "અન્ડરવેર", "કામુક", "માત્ર પુખ્ત",
    "પુરુષના ખોળામાં",
    # Marathi (not bare "लैंगिक": लैंगिक समानता is gender equality)
    "लैंगिक संबंध", "लैंगिक क्रिया", "नग्न", "कपडे काढ", "विवस्त्र", "फक्त प्रौढांसाठी", "पुरुषाच्या मांडीवर",
    "पुरुषाचे चुंबन",
    # Tamil (not bare "காம": காமெடி, comedy)
    "செக்ஸ்", "ஆபாச", "நிர்வாண", "உள்ளாடை", "பாலியல்", "காமம்", "காமுக", "கவர்ச்சி நடனம்", "கவர்ச்சியான நடனம்",
    "ஆடைகளை கழற்ற", "ஆடை இல்லாமல்", "பெரியவர்களுக்கு மட்டும்", "ஆணின் மடியில்",
    # Telugu
    "సెక్స్", "నగ్న", "బట్టలు లేకుండా", "బట్టలు విప్ప", "లోదుస్తు", "అశ్లీల", "పోర్న్", "లైంగిక", "కామోద్రేక",
    "పెద్దలకు మాత్రమే", "మగవాడి ఒడిలో",
    # Kannada
    "ಸೆಕ್ಸ್", "ನಗ್ನ", "ಬೆತ್ತಲೆ", "ಬಟ್ಟೆ ಇಲ್ಲದ", "ಬಟ್ಟೆ ಬಿಚ್ಚ", "ಒಳಉಡುಪ", "ಒಳ ಉಡುಪ", "ಅಶ್ಲೀಲ", "ಲೈಂಗಿಕ",
    "ಕಾಮುಕ", "ವಯಸ್ಕರಿಗೆ ಮಾತ್ರ", "ಗಂಡಸಿನ ತೊಡೆ",
    # Malayalam (not "പോൺ": സ്പോൺസർ; not "കാമുക": lover)
    "സെക്സ്", "നഗ്ന", "ലൈംഗിക", "അശ്ലീല", "അടിവസ്ത്ര", "വസ്ത്രം അഴിക്ക", "വസ്ത്രമില്ലാതെ", "മാദക",
    "മുതിർന്നവർക്ക് മാത്രം", "പുരുഷന്റെ മടിയിൽ",
    # Sinhala
    "ලිංගික", "සෙක්ස්", "නිරුවත්", "නග්න", "යට ඇඳුම්", "ඇඳුම් ගලව", "අසභ්‍ය", "අසභ්ය", "කාමුක", "වැඩිහිටියන්ට පමණ",
    # Thai (not bare "โป๊": โป๊ะ, pontoon, โป๊กเกอร์, poker; not "บรา": บราซิล)
    "เซ็กส์", "เซ็กซ์", "เซ็กซี่", "ภาพโป๊", "หนังโป๊", "คลิปโป๊", "แก้ผ้า", "เปลือย", "ไม่ใส่เสื้อผ้า", "ถอดเสื้อผ้า",
    "ชุดชั้นใน", "กางเกงใน", "ยั่วยวน", "ลามก", "อนาจาร", "ทางเพศ", "เฉพาะผู้ใหญ่", "ตักผู้ชาย", "จูบผู้ชาย",
    # Lao ("ເພດ" alone is also gender)
    "ທາງເພດ", "ເຊັກຊີ່", "ເປືອຍ", "ແກ້ຜ້າ", "ລາມົກ", "ຊຸດຊັ້ນໃນ", "ຖອດເຄື່ອງ", "ຍົ່ວຍວນ", "ສະເພາະຜູ້ໃຫຍ່",
    # Burmese ("လိင်" alone is also gender)
    "လိင်ဆက်ဆံ", "လိင်ပိုင်း", "ညစ်ညမ်း", "အဝတ်မပါ", "ဗလာကျင်း", "အဝတ်ချွတ်", "အတွင်းခံ", "ဆက်ဆီ",
    "လူကြီးများအတွက်သာ",
    # Khmer
    "ផ្លូវភេទ", "សិចស៊ី", "អាក្រាត", "ស្រាតកាយ", "ខោអាវក្នុង", "ដោះសំលៀកបំពាក់", "ដោះសម្លៀកបំពាក់", "អាសអាភាស",
    "សម្រាប់តែមនុស្សពេញវ័យ",
    # Georgian
    "სექს", "პორნო", "შიშველ", "გაშიშვლ", "ტანსაცმლის გარეშე", "საცვალ", "საცვლ", "იხდის ტანსაცმელ", "ეროტიკ", "მაცდუნებელ",
    "მხოლოდ ზრდასრულთათვის", "კაცის კალთაში",
    # Armenian
    "սեքս", "պոռնո", "մերկ", "հանվում", "հանվել", "ներքնազգեստ", "վարտիք", "էրոտիկ", "միայն մեծահասակների",
    "տղամարդու գրկում",
    # Amharic
    "ወሲብ", "ራቁት", "እርቃን", "እርቃ", "ልብሷን ታወል", "ልብሱን ያወል", "የውስጥ ሱሪ", "ብልግና", "ፖርን", "ሴክሲ", "ለአዋቂዎች ብቻ",
    "በወንድ ጭን ላይ",
    # Chinese, simplified ("诱惑" is also the "temptation" of food; not "性爱": 同性爱, homosexuality)
    "做爱", "性交", "黄片", "情色", "脱光", "一丝不挂", "内裤", "胸罩", "文胸", "丁字裤", "诱惑", "挑逗",
    "撩人", "成人向", "仅限成人", "坐在男人腿上", "坐在大叔腿上", "男人的大腿上", "亲吻男人", "猥亵",
    # Chinese, traditional
    "做愛", "脫光", "脫衣", "內衣", "內褲", "丁字褲", "誘惑", "猥褻", "一絲不掛", "成人限定", "僅限成人",
    "親吻男人",
    # Japanese ("エッチ" alone sits in エッチング, etching)
    "エッチな", "セクシー", "服を脱", "パンティ", "ブラジャー", "ランジェリー", "tバック", "性交", "わいせつ",
    "卑猥", "官能", "色っぽい", "挑発的", "アダルト", "成人向け", "18禁", "男性の膝の上", "おじさんの膝",
    # Korean (not "브라": 브라질, 브라우니)
    "섹시", "성관계", "야동", "포르노", "옷을 벗", "옷 벗", "나체", "속옷", "팬티", "브래지어", "란제리", "음란",
    "선정적", "유혹", "성인용", "19금", "남자 무릎에", "아저씨 무릎",
)


def _nfkc(words: tuple[str, ...]) -> tuple[str, ...]:
    """As `_other_script_hit` folds the prompt: NFKC, lower case; duplicates dropped, order kept."""
    return tuple(dict.fromkeys(unicodedata.normalize("NFKC", w).lower() for w in words))


MINOR_WORDS_OTHER_SCRIPTS_ADDED: tuple[str, ...] = _nfkc(_MINOR_OTHER)
SEXUAL_WORDS_OTHER_SCRIPTS_ADDED: tuple[str, ...] = _nfkc(_SEXUAL_OTHER)



# --- batch "added 2026-12-04, languages": more languages ---------------------------------------------------------
# The same four kinds of data for languages the lists above do not know (see the section's comment below for
# which); wired like the 2026-12-03 batch: regexes on the normalised prompt (no spelling-correction targets),
# substrings of the raw prompt for other scripts, and words the spelling correction must keep as written.
# Ages in words: a unit word must not be the end of a larger number ("tuttugu og fimm ara" is 25, "dau ddeg pump
# oed" is 25 in the decimal Welsh count, "hogeita bi urteko" is 22), so where a language puts its units last, a unit
# word counts only after a word that is not the connector: these stand for "the start of the prompt, or a word
# other than ..." (RE2 has no lookbehind).
_AFTER_NOT_OG = r"(^|(\w*[^g\W]|[^o\W]g|\w+\wg|g) )"  # Icelandic "og" (and)
_AFTER_NOT_TA = r"(^|(\w*[^a\W]|\w*[^t\W]a|a) )"  # Basque "hogeita", "berrogeita" (twenty and, forty and)
_AFTER_NOT_DEG = r"(^|(\w*[^g\W]|\w*[^e\W]g|\w*[^d\W]eg|eg|g) )"  # Welsh decimal "deg", "ddeg" (ten)
_AFTER_NOT_DEK = r"(^|(\w*[^k\W]|\w*[^e\W]k|\w*[^d\W]ek|ek|k) )"  # Esperanto "dek", "dudek", "tridek" (ten, twenty)
_AFTER_NOT_U = r"(^|(\w*[^u\W]|\w+u) )"  # Kurmanji "u" (and: "bist u yek" is 21)
_GA_UNIT = "(aon|dha|tri|ceithre|cuig|se|seacht|ocht|naoi|deich|[1-9]|1[0-7])"
_CY_UNIT = "(un|dau|dwy|tri|tair|pedwar|pedair|pump|pum|chwech|chwe|saith|wyth|naw)"
_CY_TEEN = ("(un ar ddeg|deuddeg|tri ar ddeg|tair ar ddeg|pedwar ar ddeg|pedair ar ddeg|pymtheg|un ar bymtheg|"
            "dau ar bymtheg|dwy ar bymtheg|un deg (un|dau|dwy|tri|tair|pedwar|pedair|pump|pum|chwech|chwe|saith)|"
            "[1-9]|1[0-7])")
_EU_TEEN = "(hamaika|hamabi|hamahiru|hamalau|hamabost|hamasei|hamazazpi)"
_EU_UNIT = "(bat|bi|hiru|lau|bost|sei|zazpi|zortzi|bederatzi|hamar)"
_MT_SENA = "(tnax|tlettax|erbatax|(h| )?mistax|sittax|sbatax|(h| )?dax|[1-9]|1[0-7])"
_MT_SNIN = "(sentejn|tlett|erba|(h| )?ames|sitt|seba|tmien|disa|(g| )?axar)"
_LB_NUM = ("(eent|een|zwee|drai|veier|fennef|sechs|siwen|aacht|neng|zeng|eelef|zwielef|draizeng|veierzeng|fofzeng|"
           "siechzeng|siwwenzeng|[1-9]|1[0-7])")
_HT_NUM = "(en|de|twa|kat|senk|sis|set|uit|nef|dis|onz|douz|trez|katoz|kenz|sez|diset|[1-9]|1[0-7])"
_SM_NUM = ("(tasi|lua|tolu|fa|lima|ono|fitu|valu|iva|sefulu|sefulutasi|sefululua|sefulutolu|sefulufa|sefululima|"
           "sefuluono|sefulufitu|[1-9]|1[0-7])")
_EO_UNIT = "(unu|du|tri|kvar|kvin|ses|sep|ok|nau|dek)"
_EO_TEEN = "(dek ?(unu|du|tri|kvar|kvin|ses|sep)|[1-9]|1[0-7])"
_JV_NUM = ("(siji|loro|telu|papat|lima|enem|pitu|wolu|sanga|sepuluh|sewelas|rolas|telulas|patbelas|limalas|nembelas|"
           "pitulas|rong|telung|patang|limang|nem|pitung|wolung|sangang|"  # Javanese, and its forms before a noun
           "hiji|dua|tilu|opat|genep|tujuh|dalapan|salapan|sapuluh|sabelas|dua belas|tilu belas|opat belas|"
           "lima belas|genep belas|tujuh belas|[1-9]|1[0-7])")  # Sundanese
_GL_NUM = ("(un|unha|dous|duas|tres|catro|cinco|seis|sete|oito|nove|dez|once|doce|trece|catorce|quince|dezaseis|"
           "dezasete|[1-9]|1[0-7])")
_IS_UNIT = "(eins|tveggja|riggja|thriggja|fjogurra|fimm|sex|sjo|atta|niu)"
_IS_TEEN = "(tiu|ellefu|tolf|rettan|threttan|fjortan|fimmtan|sextan|sautjan|[1-9]|1[0-7])"
_ET_TEEN = "(kumme|uksteist|kaksteist|kolmteist|neliteist|viisteist|kuusteist|seitseteist|[1-9]|1[0-7])"
_SO_NUM = ("(kow|laba|saddex|afar|shan|lix|toddoba|todobo|siddeed|sagaal|(kow|laba|saddex|afar|shan|lix|toddoba|"
           "todobo) iyo toban|[1-9]|1[0-7])")
_HA_NUM = ("(biyu|uku|hudu|hu u|biyar|shida|bakwai|takwas|tara|goma sha (daya|aya|biyu|uku|hudu|hu u|biyar|shida|"
           "bakwai)|[1-9]|1[0-7])")
_YO_NUM = ("(okan|meji|meta|merin|marun|marun un|mefa|meje|mejo|mesan|mesan an|mewaa|mewa|mokanla|mejila|metala|"
           "merinla|meedogun|merindinlogun|metadinlogun|[1-9]|1[0-7])")
_IG_NUM = ("(otu|abuo|ato|ano|ise|isii|asaa|asato|itoolu|iteghete|iri na (otu|abuo|ato|ano|ise|isii|asaa)|[1-9]|"
           "1[0-7])")
_ZU_XH_NUM = ("(emibili|emibini|emithathu|emine|emihlanu|eyisithupha|emithandathu|eyisikhombisa|esixhenxe|"
              "eyisishiyagalombili|esibhozo|eyisishiyagalolunye|elithoba|eyishumi (nanye|nambili|nantathu|nane|"
              "nanhlanu|nesithupha|nesikhombisa)|elishumi (elinanye|elinesibini|elinesithathu|elinesine|"
              "elinesihlanu|elinesithandathu|elinesixhenxe)|(eyi|eli|esi|emi) ?([1-9]|1[0-7])|[1-9]|1[0-7])")
_RW_NUM = ("(ibiri|itatu|ine|itanu|itandatu|irindwi|umunani|icyenda|cumi n (umwe|ibiri|itatu|ine|itanu|itandatu|"
           "irindwi)|[1-9]|1[0-7])")
_MG_NUM = ("(iray|roa|telo|efatra|dimy|enina|fito|valo|sivy|folo|(iraika|roa|telo|efatra|dimy|enina|"
           "fito) ambin ny folo|[1-9]|1[0-7])")
_KU_TEEN = "(deh|yazdeh|dozdeh|diwanzdeh|sezdeh|cardeh|panzdeh|sanzdeh|hivdeh|[1-9]|1[0-7])"
_KU_UNIT = "(yek|du|se|car|penc|ses|heft|hest|neh)"
_UZ_TEEN = "(o n|o n bir|o n ikki|o n uch|o n to rt|o n besh|o n olti|o n yetti|[1-9]|1[0-7])"

MINOR_TERMS_ADDED_5: list[str] = [
    # Somali ("ilmo" alone is also "tears"; "gabar"/"wiil" alone also a young woman/man, so with "yar", small)
    rf"{_SO_NUM} (sano |sanno )?jir(ka|ta|ah|o)?", r"carruur\w*", r"caruur\w*", r"ilmaha\w*", r"ilmo (yar|yari|yaryar)",
    r"(gabar|gabadh|gabadha|gabarta|inan|inanta|wiil|wiilka|gabdho|gabdhaha|carruur|caruur) (yar|yari|yaryar|yaraan)",
    r"inant(ayda|ayda yar|iisa|eeda|aada)", r"gabadh(ayda|eeda|iisa)", r"canug\w*", r"dugsi(ga)? (hoose|dhexe)",
    r"(aan|an) (weli )?qaan ?gaar(in|ay)",
    # Hausa (the hooked letters are dropped by the normaliser: "kananan" is also written "ananan"; "yarinya" is a girl,
    # also said of a young woman)
    rf"shekar(a|u) {_HA_NUM}", r"k?aramar yarinya", r"k?aramin yaro", r"k?ananan yara", r"yarinya", r"yara (maza|mata)",
    r"jarir(i|ai|iya)", r"(yar|yan|d?an) makaranta", r"makarantar (firamare|primary|elementare)", r"firamare",
    r"d?iyata",
    # Yoruba ("omobinrin" is a daughter at any age; "odolangba" a teenager)
    rf"omo odun {_YO_NUM}", r"omode(binrin|kunrin)?", r"awon omode", r"omo (kekere|jojolo|ile ?iwe)",
    r"(omobinrin|omokunrin) (kekere|mi|re|wa)", r"odolangba\w*", r"ile ?iwe alakoobere", r"jele o sinmi",
    # Igbo ("umu nwaanyi" is women: not listed; "nwa agbogho" is a girl or a young woman; "umu akwukwo" / "nwa akwukwo"
    # is any student, a university's too: like English "student", no minor term)
    rf"(di|gbara|nwere|ruru) afo {_IG_NUM}", r"nwata\w*", r"umuaka\w*", r"umu aka",
    r"nwa (nwaanyi|nwanyi|nwoke|agbogho|ohuru)", r"nwa m nwa(a)?nyi", r"(ulo|umu|nwa) akwukwo praimari",
    # Zulu and Xhosa ("umntwana"/"abantwana" child, children; "ntwana" is also township slang for a friend)
    rf"(one|ene|ine|ane|une|we|ye|abane|ngaphansi kwe|ngaphantsi kwe)minyaka {_ZU_XH_NUM}",
    r"(u|o|e|we|ku|nge|ka|no)?mntwana(na)?", r"(a|ku|na|nga|za|kwa|aba)?bantwana", r"\w*ntwanyana\w*",
    r"(i|ku|ezi|izi|zi|nge|nezi|yi|ye)?ngane(ni|yami|yakho|yakhe|encane|ezincane)?", r"\w*ntombazan(e|a|yana|ana)\w*",
    r"\w*fanyana\w*", r"\w*nkwenkw(e|ana)\w*", r"(izi|ezi|zi)nsana", r"(ii|ezi|zi)ntsana",
    r"(o|a|e)?ngapha(n|nt)si kweminyaka (eyi |eli )?(18|eyishumi nesishiyagalombili|elishumi elinesibhozo)",
    r"\w*ndodakazi\w*", r"\w*ngakakhul\w*", r"\w*ngekakhul\w*", r"amabanga (aphansi|aphantsi)",
    r"(ibanga|ebangeni) (lesi ?|le ?)?([1-9]|1[0-2])",
    # Kinyarwanda ("umukobwa"/"umuhungu" are also a young woman/man: with "muto", small)
    rf"(w|ufite|afite|bafite|ari mu) imyaka {_RW_NUM}", r"umwana\w*", r"abana", r"bana bato",
    r"(umukobwa|umuhungu) (muto|wanjye|wawe|we|wacu)", r"\w*ruhinja", r"impinja", r"ingimbi\w*", r"(u|a)?(mw|b)angavu",
    r"a?mashuri abanza", r"ishuri (ribanza|ry incuke)",
    r"(utarageza|itarageza|batarageza|utaruzuza|bataruzuza) (ku )?myaka",
    # Malagasy ("zatovo" alone is also a young adult)
    rf"(manana|mbola|vao|tsy mihoatra ny|izay) {_MG_NUM} taona", rf"{_MG_NUM} taona (monja|fotsiny|izy)", r"ankizy\w*",
    r"ankizi(vavy|lahy)", r"zaza(kely|vavy|lahy)", r"zaza (kely|madinika|vavy|lahy)", r"tovovavy\w*",
    r"zanaka(vavy|lahy|ko|o|ny)?", r"zanako\w*", r"zatovo(vavy|lahy)", r"tsy ampy taona", r"ambaratonga voalohany",
    # Kurdish, Kurmanji ("keç" alone is also a young woman; "law"/"kur" alone are too short to list)
    rf"{_KU_TEEN} sal(i|iye|an)", rf"{_AFTER_NOT_U}{_KU_UNIT} sal(i|iye)", r"zarok(e|en|an|ek|eke|eki|ine|ini|ti|ati)?",
    r"kecik(a|e|en|an|ek|eke)", r"(kec|keca|kecen|kur|kure|kuren|lawik|lawe) (bicuk|picuk)",
    r"keca (min|te|wi|we|me|wan)", r"nuciwan\w*", r"temen ?bicuk\w*", r"dibistan(a|e)? seretayi",
    # Uzbek, Latin ("bola" alone is also Spanish and Portuguese "ball": only its forms)
    rf"{_UZ_TEEN} yosh(li|lik|da|dagi|ar|ida)", r"bola(lar\w*|ni|ning|ga|jon|kay|sini|si)", r"qizcha\w*",
    r"(qiz|o g il|ogil) bola\w*", r"kichkina (qiz|o g il|ogil|bola)\w*", r"o smir\w*", r"osmir\w*",
    r"voyaga yetmagan\w*", r"maktab o quvchi\w*", r"o quvchi (qiz|bola)\w*", r"boshlang ich (sinf|maktab)\w*",
    r"([1-9]|1[01]) sinf o quvchi\w*", r"bog cha\w*", r"chaqaloq\w*", r"go dak\w*",
    # Irish (initial mutations: "pháiste", "bpáistí"; "cailín"/"buachaill" alone are also a young woman/man)
    rf"{_GA_UNIT} (b|bh|mb)lia(in|na) d aois", r"(aon|dha|tri|ceithre|cuig|se|seacht) (b|bh|mb)lia(in|na) deag d aois",
    r"(b?p|ph)aist(e|i|ithe)", r"(leanbh|leanai|linbh|leanbhai)", r"naionan\w*", r"(c|ch|gc)ailin (beag|og|bheag)",
    r"(b|bh|mb)uachaill (beag|og)", r"(ghirseach|girseach|ngirseach)\w*", r"(g|gh|ng)asur\w*", r"(n|dh)?deagoir\w*",
    r"mionaoiseach\w*", r"(m|bh)?bunscoil\w*", r"(mo|a|ar|do|bhur) (n |h)?inion", r"m inion", r"inion (bheag|og)",
    r"(dalta|daltai) (scoile|bunscoile)", r"(i|sa) rang a (haon|do|tri|ceathair|cuig|se|seacht|hocht)",
    # Welsh (soft, nasal and aspirate mutations; "plant" is also English: only "blant" or in a Welsh phrase;
    # "merch" alone is also a woman)
    rf"{_CY_TEEN} (mlwydd |blwydd )?oed", rf"{_AFTER_NOT_DEG}{_CY_UNIT} (mlwydd |blwydd )?oed", r"(n|yn) deg oed",
    r"(p|b|mh|ph)lentyn\w*", r"(mh|ph)lant", r"(ei|o|dau|tri|gyda|efo|dy) blant",
    r"blant (bach|ysgol|ifanc|cynradd|meithrin)", r"plant (bach|ysgol|ifanc|yn chwarae|cynradd|meithrin)",
    r"(y|yr|ein|eich|fy|dy|eu|gyda|efo) plant", r"(m|f)erch(ed)? fach", r"fy merch", r"(g)?eneth\w*", r"(h)?ogan fach",
    r"(b|f|m)achgen\w*", r"(b|f|m)echgyn\w*", r"(h)?ogyn bach", r"(b|f|m)abanod", r"(d|dd|n)isgybl\w*",
    r"ysgol (gynradd|feithrin)", r"h?arddegau", r"dan oed",
    # Basque ("neska"/"mutil" alone are also a young woman/man; "umea" is also Umeå, folded)
    rf"{_EU_TEEN} urte(ko|koa|koak|rekin|kin| ditu| zituen)",
    rf"{_AFTER_NOT_TA}{_EU_UNIT} urte(ko|koa|koak| ditu| zituen)", r"([1-9]|1[0-7]) urte(ko|koa|koak| ditu| zituen)",
    r"haur(ra|rak|rari|rei|ren|raren|rarekin|rekin|tzaro\w*|txo\w*|tzain\w*)",
    r"haur (txiki|txikia|txikiak|eskola\w*|hezkuntza\w*)", r"ume(ak|aren|ari|arekin|en|ekin|txo\w*|tx\w*)",
    r"neska (txiki|koskor)\w*", r"neskat(xa|xo|ila|o)(k|a|ak|ari|aren|arekin|ren)?", r"mutiko\w*",
    r"mutil (txiki|koskor)\w*", r"(nire|bere|gure|zure|haren) alaba\w*", r"alabatxo\w*", r"nerabe\w*", r"adingabe\w*",
    r"lehen hezkuntza\w*",
    # Maltese ("ħ" is dropped by the normaliser, "għ" becomes "g": "żgħira" is "zg ira")
    rf"ta {_MT_SENA}( il)? sena", rf"ta {_MT_SNIN} snin", r"tifel", r"tifla", r"tfal", r"tfajl(a|iet)", r"tfajjel",
    r"uliedi", r"ulied zg( |h)?ar", r"tarbij(a|iet)", r"adoloxxent\w*", r"(skola|tal) primarja", r"ta(h| )?t l eta",
    r"(binti|ibni) (z )?zg( |h)?(ira|ir)",
    # Luxembourgish
    rf"{_LB_NUM} joer al(t|en)?", rf"{_LB_NUM} ?jareg\w*", r"(e|d|dat|mai|hiert|sai|eist|aert|klengt|klengen) kand",
    r"(d|dei|meng|hir|seng|eis|klengen|vill|zwee|drai) kanner", r"kannergaart\w*", r"meedchen\w*",
    r"klenge(n)? jong\w*", r"duechter\w*", r"bebee\w*", r"jugendlech\w*", r"minderjareg\w*", r"schoulkand\w*",
    r"schoulkann\w*", r"grondschoul\w*", r"spillschoul\w*",
    # Haitian Creole ("pitit" is also a grown child)
    rf"(gen|genyen|laj) {_HT_NUM} an", r"timoun\w*", r"pitit", r"ti fi", r"tifi\w*", r"ti ?gason", r"adolesan\w*",
    r"lekol prime", r"ti bebe",
    # Maori
    r"([1-9]|1[0-7]) (ona )?tau", r"tamaiti(iti)?(?! a ?oga)", r"tamariki", r"taitamariki", r"kotiro", r"tamahine",
    r"kura tuatahi", r"kohungahunga", r"kohanga reo",
    # Samoan ("teine" alone is also a young woman)
    rf"{_SM_NUM} tausaga", r"teine ?(itiiti|laitiiti|a oga)", r"tama ?(itiiti|laitiiti)", r"pepe meamea",
    # Esperanto
    rf"{_EO_TEEN} ?jar(a|aj|an|ajn|ulo|ulino|ulinoj|uloj)", rf"{_EO_TEEN} jarojn ag(a|aj|an)",
    rf"{_AFTER_NOT_DEK}{_EO_UNIT} ?jar(a|aj|an|ajn|ulo|ulino)", r"infan(o|oj|on|ojn|eto|etoj|ino|inoj|eco|a|aj|an|ajn)",
    r"infangarden\w*", r"knabin\w*", r"knab(o|on|ojn|eto|etoj)", r"filin(o|oj|on|eto)", r"bebeto\w*", r"beboj",
    r"neplenag\w*", r"lernejan\w*", r"bazlernej\w*", r"elementa(n)? lernej\w*",
    # Javanese and Sundanese ("budak", "bocah", "anak", "bayi" are already Indonesian/Malay terms)
    rf"umur(e|na)? {_JV_NUM} (taun|tahun)", r"cah (cilik|wadon|lanang)", r"arek (cilik|wadon|lanang)", r"lare",
    r"anak(ku|e|na) (wadon|lanang|awewe|lalaki)", r"anakku", r"anaking", r"prawan cilik", r"barudak", r"murangkalih",
    r"durung (cukup umur|diwasa)",
    # Cebuano ("bata" also Spanish "bathrobe": only after a Cebuano word)
    r"(ka|og|nga|kining|kanang|ning|niining|ining|inyong|akong|imong) bata\w*", r"batang (babaye|lalake)", r"masuso",
    r"tin ?edyer\w*",
    r"(edad|idad) (og |nga )?([1-9]|1[0-7]|napulog (usa|duha|tulo|upat|lima|unom|pito)) (ka )?(tuig|anyos)",
    r"([1-9]|1[0-7]) (ka tuig|anyos) (nga |ang )?(edad|pangidaron)",
    # Galician ("rapaza" alone is also a young woman)
    rf"(ten|tina|fai|cumpre|cumpriu) {_GL_NUM} anos", r"nenos", r"(o|un|meu|teu|seu|este|ese|pequeno) neno",
    r"rapaci(n|nh)(a|as|o|os)", r"alumn(a|o|as|os) (de|da|do) (primaria|colexio|escola)",
    # Icelandic ("þ", "ð" and "æ" are dropped by the normaliser: "þrettán" is "rettan", "barnið" is "barni";
    # "stúlka"/"stelpa" alone are also said of a young woman)
    rf"{_IS_TEEN} ara( gamal| gomul| gamall| gomlu| gamla)?",
    rf"{_AFTER_NOT_OG}{_IS_UNIT} ara( gamal| gomul| gamall| gamla)?", r"bornin", r"bornum", r"barnsins", r"barni",
    r"barnid", r"liti(d)? barn", r"lit(il|la|li) (stulk|stelp|strak)\w*", r"stulk(a|an|u|unni|ur|urnar)",
    r"stelp(a|an|u|una|unni|ur|urnar|um)", r"strak(ur|urinn|inn|ana|ar|arnir|um)", r"dreng(ur|urinn|ja|jum|irnir)",
    r"(dottir|dottur|dottirin) (min|mina|hans|hennar|okkar)", r"ungbarn\w*", r"unglings\w*", r"unglingur\w*",
    r"ologra(d| )?a", r"grunnskol\w*", r"leikskol\w*", r"skolastelp\w*",
    # Estonian: gaps in the 2026-12-03 terms (the nominative "lapsed" is also English "lapsed": with a determiner)
    rf"{_ET_TEEN} aasta(t)? vana", r"(koik|need|meie|teie|nende|vaiksed|minu|sinu|tema|oma|kaks|kolm) lapsed",
    r"lapsed (mangivad|mangisid|jooksevad|ujuvad|tantsivad|magavad|istuvad|seisavad|lasteaias|koolis)", r"poiss",
    r"pois(i|ile|iga|il|ilt|iks|te|tele|tega)", r"poisslaps\w*", r"pohikool\w*", r"plikake\w*", r"beebi\w*",
    r"(esimese|teise|kolmanda|neljanda|viienda|kuuenda|seitsmenda|kaheksanda|uheksanda) klassi",
]


SEXUAL_TERMS_ADDED_5: list[str] = [
    # Somali
    r"qaawan\w*", r"(is )?qaawi(say|yay|san|saa|nay)\w*", r"galmo\w*", r"dhar la aan",
    r"dharka (iska )?(siib|bixi|furt)\w*", r"nigis\w*", r"kacsi\w*",
    r"(dhunk\w*) (\w+ )?(nin|ninka|nin weyn|qof weyn|odey)", r"dhabta (nin|ninka|qof weyn|odey)",
    r"sariirta (nin|ninka|qof weyn)", r"(dadka waaweyn (oo )?(keli|kali)ya|(keli|kali)ya dadka waaweyn)",
    # Hausa ("lalata" alone is also "to spoil": with the verb of misconduct)
    r"tsirara\w*", r"jima ?i", r"batsa", r"tu(b| )e (kaya|kayanta|kayansa|tufa\w*|riga\w*)", r"kamfai\w*",
    r"(yin|yi|aikata) lalata da", r"fyade\w*", r"(na |ga |don )?manya (kawai|ka ai|kadai)",
    r"cinyar (namiji|mutum|wani mutum|wani namiji|dattijo)",
    r"(sumba|sumbat\w*) (\w+ )?(namiji|wani mutum|wani namiji|dattijo)",
    # Yoruba
    r"(on)?iho(o)?ho\w*", r"bo aso", r"ibalopo\w*", r"ifekufe\w*", r"(fun )?(awon )?agbalagba nikan",
    r"(lori|ni) itan (okunrin|agbalagba|arakunrin)", r"(fenuko|fenu ko|fi enu ko) (\w+ )?(okunrin|agbalagba|arakunrin)",
    # Igbo
    r"(gba|gbara) oto", r"mmeko (nwoke na nwanyi|edina|nwoke na nwaanyi)", r"(yipu|wepu|yipuru|wepuru) uwe\w*",
    r"uwe ime", r"aguu mmeko", r"akpali aguu", r"naani ndi okenye", r"apata nwoke",
    r"(isu|suo|susu) (\w+ )?onu (\w+ )?nwoke",
    # Zulu and Xhosa ("isondo" alone is also a wheel in Zulu)
    r"\w*nqunu\w*", r"(u|o|e|ngo|yo|ezo|kwezo|so)cansi(ni)?",
    r"\w*khumul\w* (\w+ )?(izingubo|impahla|ingubo|zingubo|iimpahla)",
    r"\w*khulul\w* (\w+ )?(izingubo|impahla|iimpahla|ingubo)",
    r"(izingubo|impahla|iimpahla|izinto) (zangaphansi|zangaphakathi|zangaphantsi)", r"\w*phenti\w*", r"\w*nkanuko\w*",
    r"\w*abelana ngesondo", r"(e|kw)?zesondo", r"ngaphandle kwempahla",
    r"(abadala|kwabadala|ezabadala|abantu abadala|kubantu abadala) kuphela",
    r"(e|ema)?thangeni (endoda|lendoda|yendoda|lomntu omdala|lomuntu omdala)",
    r"\w*qabul\w* (\w+ )?(indoda|umuntu omdala|owesilisa)",
    # Kinyarwanda
    r"(yambaye|bambaye|wambaye|ambaye|yambaye gusa) ubusa", r"\w*mpuzabitsina\w*",
    r"(gu|ku|ba|a|ya|u|bara|yara|ara|ubu|bu)?samban(ya|yi|yije|ywa|ywe|ye|a|ira|yiye)\w*",
    r"(yikuramo|akuramo|kwikuramo|bikuramo|gukuramo|yakuyemo|akuyemo) imyenda", r"imyenda y imbere",
    r"(ku )?bantu bakuru gusa", r"abakuru gusa", r"(ku )?bibero by umugabo", r"(asoma|gusoma|arasoma) umugabo",
    # Malagasy
    r"(mi|ni)tanjaka", r"fitanjahana", r"(manala|nanala|mamaha|nesorina|esorina) (ny )?akanjo\w*", r"ara ?nofo",
    r"akanjo anatiny", r"kalisaona\w*", r"silipo", r"olon ?dehibe ihany", r"pofoan ny lehilahy",
    r"(manoroka|nanoroka|oroka) (\w+ )?lehilahy", r"vetaveta\w*", r"filan ?dratsy",
    # Kurdish, Kurmanji ("tazî" alone is also Turkish "tazı", a greyhound, folded)
    r"tazi (ye|bu)", r"tazi ?(ti|tiye)", r"(bi|rut u) tazi", r"(bedena|lase) tazi",
    r"(tekiliya|tekiliyen|destdirejiya|tacizen|taciza) zayendi", r"be cil(an|ik)?", r"(cil|kinc)(en|e)? hundir",
    r"(ji bo mezinan tene|tene ji bo mezinan)", r"(ser )?cok(en|a) (mereki|zilameki)", r"hembeza (mereki|zilameki)",
    r"(mereki|zilameki) (ramus|mac)\w*", r"sehwet\w*",
    # Uzbek, Latin
    r"yalang och\w*", r"yalangoch\w*", r"ichki kiyim\w*", r"kiyim(ini|larini|ni) yech\w*", r"kiyimsiz",
    r"jinsiy (aloqa|aloqada|munosabat)\w*", r"shahvon\w*", r"faqat kattalar uchun",
    r"(erkak|erkakning|begona erkak)\w* (tizza|quchog)\w*", r"erkakni o p\w*", r"yo ldan ozdir\w*",
    # Irish
    r"(n)?nocht(a|aithe|aigh|ann)?", r"lomnocht\w*", r"gan (eadai|eadach)",
    r"(bain|bhain|baineann) (si |se )?(a|na) (headai|headach)\w*", r"fo ?eadai", r"gneas(ach|acha)?",
    r"caidreamh collai", r"do dhaoine fasta amhain", r"(ar|i) (ucht|nglun) (fir|duine fasta)",
    r"(ag pogadh|pogann|phog) (\w+ )?(fir|fear|duine fasta)",
    # Welsh ("rhyw" alone is also "some": only "rhywiol")
    r"noethlymun\w*", r"noethni", r"(yn|n|hollol|cwbl|corff|cyrff|merch|dyn|menyw) noeth", r"(d|dd|n)adwisg\w*",
    r"(t|d|nh|th)ynnu (ei |eu )?(dillad|ddillad|nillad)", r"heb (ddillad|ddim dillad)", r"(d|dd|n)illad isaf",
    r"nicyrs", r"(r|rh)ywiol\w*", r"secsi", r"(p|b|mh|ph)ryfoclyd", r"(i|ar gyfer) oedolion yn unig",
    r"ar (lin|glin) (dyn|oedolyn|gwr|dieithryn)", r"(ng|yng) nghol (dyn|oedolyn|gwr|dieithryn)",
    r"(c|g|ngh|ch)usanu (\w+ )?(dyn|oedolyn|gwr|dieithryn|hen ddyn)", r"gwely (gyda|efo) (dyn|oedolyn|dieithryn)",
    # Basque
    r"biluz\w*", r"larrugorri\w*", r"arropa\w* (kendu|kentzen|erantzi|erantzten)\w*", r"barruko arropa\w*",
    r"kulero\w*", r"bularretakoa(k|rekin)?", r"sexu (harreman|erlazio)\w*", r"larru jo\w*", r"sentsual\w*", r"lizun\w*",
    r"limurt\w*", r"helduentzat (bakarrik|soilik)", r"(bakarrik|soilik) helduentzat",
    r"(gizon|heldu|ezezagun)\w* (baten )?altzo\w*", r"(gizon|heldu|ezezagun)\w* (bat )?musuka\w*",
    r"musukatzen (du )?gizon\w*", r"ohean (gizon|heldu|ezezagun) batekin",
    # Maltese
    r"(gh|g)?arwien\w*", r"(is|s|tas|ghas|g as) sess", r"sesswal\w*", r"ming(h| )?ajr (h| )?wejjeg",
    r"(ti|ji|ni)nza (\w+ )?(h| )?wejjeg\w*", r"(h| )?wejjeg ta ta(h| )?t", r"ilbies ta ta(h| )?t", r"seducent\w*",
    r"adulti biss", r"h?ogor (ta )?(ragel|adult|barrani)", r"(tbus|jbus|bewsa|tbews\w*) (\w+ )?(ragel|adult|barrani)",
    r"sodda ma (ragel|adult|barrani)",
    # Luxembourgish
    r"plakeg\w*", r"nackeg\w*", r"(zitt|zeit) sech aus", r"ausgedoen", r"ennerwasch\w*", r"ennerbox\w*",
    r"verfeieresch\w*", r"erotesch\w*", r"fir erwuessen\w*", r"schouss vun (engem|em) (mann|erwuessenen|friemen)",
    r"(kescht|kesst|kessen) (\w+ )?(e|en|engem) (mann|erwuessenen|friemen)",
    r"bett mat (engem|em) (mann|erwuessenen|friemen)",
    # Haitian Creole
    r"toutouni\w*", r"touni", r"dezabiy\w*", r"retire rad\w*", r"san rad", r"(an|nan|yon|ak|san|mete|retire) kilot\w*",
    r"soutyen", r"rad anba", r"(pou granmoun selman|selman pou granmoun)",
    r"sou (janm|jenou|kuis) (yon )?(gason|granmoun|nonm|etranje)",
    r"(bo|ap bo|k ap bo) (yon )?(gason|granmoun|nonm|etranje)",
    # Maori
    r"tahanga", r"kirikau", r"moepuku", r"unu (\w+ )?(i )?(ona |tona |ana )?kakahu", r"kakahu o raro", r"pakeke anake",
    r"kihi (\w+ )?(i )?(te |tetahi )?tane", r"kuwha o (te|tetahi) tane",
    # Samoan
    r"telefua", r"feusuaiga\w*", r"(tatala|toese|to ese|aveese|ave ese) (\w+ )?ofu", r"ofuvae (i )?totonu",
    r"tagata matutua (na o|anake)", r"na o tagata matutua", r"sogi\w* (\w+ )?(se |le )?tamaloa",
    r"vae o (se|le) tamaloa",
    # Esperanto
    r"nud(aj|ajn|an|eco|igas|igis|igi|igxas|igxis|igita|igitaj)", r"senvestig\w*", r"sen vest(oj|ajoj)", r"subvest\w*",
    r"kalsonet\w*", r"mamzon\w*", r"seks(a|aj|an|ajn|umo|umi|umas|umis)", r"delog(a|ema|emaj)", r"volupt(a|aj|e)",
    r"por plenkreskul\w*", r"genu(oj|o) de (viro|plenkreskulo|fremdulo)",
    r"kis\w* (\w+ )?(viron|plenkreskulon|fremdulon)", r"lit(o|on) kun (viro|plenkreskulo|fremdulo)",
    # Javanese and Sundanese ("buka baju" is left out: children change for a bath)
    r"wud(a|o)", r"tanpa klambi", r"kat(h)?ok jero", r"ngewe\w*",
    r"(tumindak|foto|video|joged|gambar|tari|tarian|pose) (saru|jorang)", r"kanggo wong (diwasa|gedhe)",
    r"pang(ku|kon)(ne|e|an)? (\w+ )?wong lanang",
    r"(ngambung|diambung|ngaras|nyium|dicium) (\w+ )?(wong lanang|priya|lalaki|pameget)",
    r"turu (karo|bareng) (wong lanang|om|priya)", r"taranjang\w*", r"buligir\w*", r"calana jero", r"jorang\w*",
    r"(pikeun|keur) (nu )?sawawa", r"lahunan (\w+ )?(lalaki|pameget|om)",
    # Cebuano ("hubo" alone is also Spanish "there was")
    r"(nag|mag|gi|nagpa|magpa|ni|na)hubo(an|on)?", r"hubo (nga|sa|og|ug)", r"(naki|paki|nag)ghilawas\w*",
    r"pakighilawas\w*", r"malaw ay", r"sapot sa sulod", r"(mga )?hamtong (lang|ra|lamang)",
    r"sabakan (sa|ni) (usa ka )?(lalaki|tigulang)",
    r"(naghalok|mihalok|gihalokan|nanghalok|halok) (\w+ )?(usa ka |sa )?(lalaki|tigulang)",
    # Galician
    r"espid(a|o|as|os)", r"(espirse|espindose|espiuse)", r"sen roupa", r"roupa interior",
    r"colo d?un (home|adulto|descon\w*)", r"(bica|bicando|bicar|bicou) (\w+ )?(a )?(un )?(home|adulto|descon\w*)",
    r"cama cun (home|adulto|descon\w*)", r"para (os )?homes",
    # Icelandic ("klám" alone is also Czech and Dutch "klam")
    r"nakin(n|ni)?", r"naktar", r"allsber\w*", r"afkl( |ae)(d| )?(ast|ist)\w*", r"kl( |ae)(d| )?(ir|ist|ast) (sig )?ur",
    r"kynlif\w*", r"kynfer(d| )isleg\w*", r"n( |ae)rfot\w*", r"n( |ae)rbux\w*", r"brjostahald\w*",
    r"klam(mynd|fengi|efni)\w*", r"bara fyrir fullor(d| )na", r"(fangi|kjoltu) (karlmanns|manns|fullor\w*|okunnugs)",
    r"kyss(ir|a|ti) (\w+ )?(karlmann|mann|fullor\w*|okunnugan)", r"rum(i|inu) me(d| )? (karlmanni|manni|fullor\w*)",
    # Estonian: gaps in the 2026-12-03 terms
    r"ihualasti", r"striptiis\w*", r"aluspuks\w*", r"puksik\w*", r"riietumata",
    r"(voodis|voodisse) (mehega|taiskasvanuga|voora mehega)",
]


def _ages(numbers: str, suffixes: str, *, lead: str = "") -> tuple[str, ...]:
    """Every number (space-separated words) before every suffix (separated by "|"), `lead` before each: the ages a
    script writes as a number word and a word for years, without listing each combination by hand."""
    return tuple(f"{lead}{n} {s}" for n in numbers.split() for s in suffixes.split("|"))


# Kazakh, Kyrgyz and Mongolian say 25 as "twenty five": the unit's age ("бес жас", 5 years) sits inside "жиырма бес
# жас" (25 years). A tens word from twenty up and its unit are masked before the minor substrings are looked for
# (safety.rules); "он бес жас" (15) keeps its unit.
ADULT_TENS_AND_UNITS = (
    r"(?:жиырма|отыз|қырық|кырык|елу|алпыс|жетпіс|сексен|тоқсан|жүз)\s+(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз)|"
    r"(?:жыйырма|жыйрма|отуз|кырк|элүү|алтымыш|жетимиш|сексен|токсон|жүз)\s+(?:бир|эки|үч|төрт|беш|алты|жети|сегиз|тогуз)|"
    r"(?:хорин|гучин|дөчин|тавин|жаран|далан|наян|ерэн|зуун)\s+(?:нэгэн|нэг|хоёр|гурван|дөрвөн|таван|зургаан|долоон|"
    r"найман|есөн)"
)

# Digits: a teen age as it stands ("12 настай"), a one-digit age after a space (" 5 настай" is not in "25 настай").
_TEENS = " ".join(str(n) for n in range(10, 18))
_UNITS = " ".join(str(n) for n in range(1, 10))

_MINOR_OTHER_5: tuple[str, ...] = (
    # Yiddish (with and without the YIVO points; "מיידל" is also said of a young woman)
    "קינד", "מיידעלע", "מיידעלעך", "קליין מיידל", "קליינע מיידל", "יינגעלע", "יינגל", "ייִנגל", "יונגל", "טאכטער",
    "טאָכטער", "טעכטערל", "עלעמענטאר שול", "עלעמענטאַר שול",
    *_ages("עלף צוועלף דרייצן דרייַצן פערצן פופצן פֿופֿצן פּופֿצן זעכצן זיבעצן", "יאר|יאָר"),
    # Belarusian (Russian "дет", "девочк" and "школьниц" do not reach its spellings)
    "дзіця", "дзіцяц", "дзіцячы", "дзеці", "дзяцей", "дзецьмі", "дзецям", "дзецях", "дзяўчынк", "дзяўчатк",
    "хлопчык", "немаўл", "падлетк", "падлетак", "непаўналетн", "школьнік", "школьніц", "вучаніц",
    "пачатковай школ", "пачатковая школ", "дачушк", "мая дачка", "маю дачку", "падчарыц", "пляменніц",
    "дзесяцігадов", "адзінаццацігадов", "дванаццацігадов", "трынаццацігадов", "чатырнаццацігадов",
    "пятнаццацігадов", "шаснаццацігадов", "сямнаццацігадов",
    # Tajik ("хонанда" is also a singer: not listed)
    "кӯдак", "кудак", "духтарча", "писарча", "духтари хурд", "писари хурд", "духтари хурдсол", "наврас", "ноболиғ",
    "ноболиг", "мактаббача", "мактаби ибтидо", "навзод", "духтарам", "духтарчаам",
    "ёздаҳсола", "дувоздаҳсола", "сенздаҳсола", "чордаҳсола", "понздаҳсола", "шонздаҳсола", "ҳабдаҳсола",
    *_ages(_TEENS, "сола|солаи"), *(f"{n}-сола" for n in range(10, 18)),
    # Mongolian, Cyrillic ("охин" alone is also a grown daughter: with "бяцхан", little, or "миний", my; "хүүхэн" is a
    # young woman, so "хүү", son or boy, only in phrases)
    "хүүхэд", "бяцхан охин", "жаахан охин", "бага охин", "миний охин", "бяцхан хүү", "жаахан хүү", "миний хүү",
    "өсвөр нас", "өсвөр насны", "насанд хүрээгүй", "сурагч", "бага сургуул", "нялх", "балчир",
    *_ages("арван нэгэн арван хоёр арван гурван арван дөрвөн арван таван арван зургаан арван долоон", "настай|насны"),
    *_ages(_TEENS, "настай|насны"), *_ages(_UNITS, "настай|насны", lead=" "),
    # Kazakh ("бала" alone sits in "баланс" and "балапан", a chick: its plural and phrases)
    "балалар", "балаларды", "балаларға", "кішкентай бала", "кішкентай қыз", "кішкене қыз", "қыз бала", "ұл бала",
    "жас бала", "сәби", "нәресте", "жасөспірім", "кәмелетке толмаған", "оқушы", "бастауыш сынып", "балабақша",
    "қызым", *_ages("он бір он екі он үш он төрт он бес он алты он жеті", "жас"), "он жасар", "он жаста",
    *_ages(_TEENS, "жас"), *_ages(_UNITS, "жас", lead=" "),
    # Kyrgyz
    "балдар", "кичинекей кыз", "кичинекей бала", "кичине кыз", "кыз бала", "уул бала", "наристе", "ымыркай",
    "өспүрүм", "жашы жете элек", "жашы жетпеген", "окуучу", "башталгыч класс", "бала бакча", "кызым",
    *_ages("он бир он эки он үч он төрт он беш он алты он жети", "жаш"), "он жашта", "он жаштагы",
    # Pashto (Pashto letters ۍ, ړ, ښ; the units stand first in its larger numbers, "پنځه ویشت" is 25)
    "ماشوم", "کوچنۍ نجل", "وړه نجل", "وړې نجل", "وړوکی هلک", "کوچنی هلک", "وړوکې نجل", "تنکی ځوان", "تنکۍ ځوان",
    "زما لور", "ښوونځي نجل", "ښوونځی نجل", "لومړني ښوونځ", "لومړنی ښوونځ", "کم عمره", "کمعمره", "کم عمر",
    *_ages("یوولس دولس دیارلس څوارلس پنځلس شپاړس اوولس پنځه شپږ اووه اته نهه", "کلن|کلنه|کلنې"),
    *_ages(_TEENS, "کلن|کلنه"), *_ages(_UNITS, "کلن|کلنه", lead=" "),
    # Nepali (the Hindi "बच्च", "बालिका", "किशोरी", "शिशु", "बेटी" and "नाबालिग" already apply; "केटी" alone is also a
    # young woman)
    "सानी केटी", "सानो केटा", "सानी छोरी", "सानो छोरा", "मेरी छोरी", "छोरीहरू", "बालकहरू", "नाबालक",
    "बालबच्चा", "स्कूले", "विद्यालयकी छात्रा", "विद्यालयको छात्रा", "किशोर केटी", "किशोर केटा",
    *_ages("पाँच छ सात आठ नौ दश", "वर्षकी|वर्षको|वर्षीया|बर्षकी|बर्षको|वर्षे|बर्षे", lead=" "),
    *_ages("एघार बाह्र तेह्र चौध पन्ध्र सोह्र सत्र", "वर्षकी|वर्षको|वर्षीया|बर्षकी|बर्षको|वर्षे|बर्षे"),
    *_ages("१० ११ १२ १३ १४ १५ १६ १७ " + _TEENS, "वर्षकी|वर्षको|वर्षीया|बर्षकी|बर्षको|वर्षे|बर्षे|वर्षीय"),
    *_ages("१ २ ३ ४ ५ ६ ७ ८ ९ " + _UNITS, "वर्षकी|वर्षको|वर्षीया|बर्षकी|बर्षको|वर्षे|बर्षे|वर्षीय", lead=" "),
    *(f"कक्षा {d}" for d in "१२३४५६७८९123456789"),
    # Kannada: gaps in the 2026-12-03 words (oblique forms of "daughter", ages under 11, school grades)
    "ಮಗಳ", "ಕಿಶೋರಿ", "ಪುಟಾಣಿ", "ಕಂದಮ್ಮ", "ಶಾಲಾ ವಿದ್ಯಾರ್ಥಿ", "ಶಾಲೆಯ ಹುಡುಗ", "ಶಾಲಾ ಹುಡುಗ", "ನೇ ತರಗತಿ", "ನೆಯ ತರಗತಿ",
    "ಪ್ರಾಥಮಿಕ ಶಾಲೆ", *_ages("ಒಂದು ಎರಡು ಮೂರು ನಾಲ್ಕು ಐದು ಆರು ಏಳು ಎಂಟು ಒಂಬತ್ತು ಹತ್ತು", "ವರ್ಷದ|ವರ್ಷ ವಯಸ್ಸಿನ", lead=" "),
    *_ages(_TEENS, "ವರ್ಷದ|ವರ್ಷ ವಯಸ್ಸಿನ"), *_ages(_UNITS, "ವರ್ಷದ|ವರ್ಷ ವಯಸ್ಸಿನ", lead=" "),
    # Malayalam: gaps (ages under 11 and the informal "വയസ്" spelling, school grades, a baby girl)
    "പെൺകുഞ്ഞ", "സ്കൂൾ വിദ്യാർത്ഥി", "ാം ക്ലാസുകാര", "ാം ക്ലാസ്സുകാര", "ാം ക്ലാസിൽ പഠിക്ക", "ാം ക്ലാസ്സിൽ പഠിക്ക",
    "ാം ക്ലാസ് വിദ്യാർ", "ാം ക്ലാസ്സ് വിദ്യാർ", "പ്ലസ് ടു വിദ്യാർ", "പ്ലസ് വൺ വിദ്യാർ",
    *_ages("അഞ്ച് അഞ്ചു ആറ് ആറു ഏഴ് ഏഴു എട്ട് എട്ടു ഒമ്പത് ഒൻപത് ഒമ്പതു പത്ത് പത്തു", "വയസ", lead=" "),
    *_ages("പതിനൊന്ന് പതിനൊന്നു പന്ത്രണ്ട് പന്ത്രണ്ടു പതിമൂന്ന് പതിമൂന്നു പതിനാല് പതിനാലു പതിനഞ്ച് പതിനഞ്ചു "
           "പതിനാറ് പതിനാറു പതിനേഴ് പതിനേഴു", "വയസ"),
    *_ages(_TEENS, "വയസ"), *_ages(_UNITS, "വയസ", lead=" "),
)

_SEXUAL_OTHER_5: tuple[str, ...] = (
    # Yiddish
    "נאקעט", "נאַקעט", "סעקס", "פּאָרנאָ", "פארנא", "טוט זיך אויס", "אויסגעטאן", "אויסגעטאָן", "אונטערוועש",
    "עראטיש", "עראָטיש", "פארפירעריש", "פֿאַרפֿירעריש", "פאר דערוואקסענע", "פֿאַר דערוואַקסענע", "מאנס שויס",
    "מאַנס שויס", "קושט א מאן", "קושט אַ מאַן",
    # Belarusian (Russian "голая", "порн" and "эрот" already apply)
    "аголен", "распран", "без адзенн", "бялізн", "трусік", "сэкс", "эратычн", "спакуслів",
    "толькі для дарослых", "каленях у мужчын", "цалуе мужчын", "ложку з мужчын",
    # Tajik ("ҷинсӣ" alone also stands in "тарбияи ҷинсӣ", sex education)
    "урён", "алоқаи ҷинсӣ", "алоқаи ҷинси", "таҷовузи ҷинсӣ", "либоси таг", "либосашро кашид", "либосашро мекаш",
    "бе либос", "шаҳвон", "шахвон", "танҳо барои калонсолон", "оғӯши мард", "мардро мебӯс", "фаҳш",
    # Mongolian, Cyrillic ("бэлгийн" alone also stands in "бэлгийн боловсрол", sex education)
    "нүцгэн", "нүцгэл", "бэлгийн харьцаа", "дотуур хувцас", "хувцсаа тайл", "тачаангуй", "насанд хүрэгчдэд зориулсан",
    "зөвхөн насанд хүрэгчид", "эрэгтэйн өвөр", "эрэгтэй хүний өвөр", "эрэгтэйг үнс",
    # Kazakh ("шешін" alone also stands in "шешінетін бөлме", a changing room)
    "жалаңаш", "ішкі киім", "киімін шеш", "киімсіз", "шешінді", "шешініп", "жыныстық қатынас", "тек ересектерге",
    "еркектің тізесін", "еркекті сүй", "азғыр",
    # Kyrgyz
    "жылаңач", "ич кийим", "кийимин чеч", "кийимсиз", "чечинип", "жыныстык катнаш", "чоңдор үчүн гана",
    "эркектин тизесин", "эркекти өп", "эркекти өб", "азгыр",
    # Pashto (Arabic "جنس" and "سکس" already apply)
    "لوڅ", "لغړ", "بربنډ", "جامې وباس", "کالي وباس", "بې جامو", "بې کالو", "زیر جامې", "لاندني کالي", "شهوت", "فحشا",
    "یوازې د لویانو", "سړي په غېږ", "سړي په غیږ", "سړی ښکلو", "سړي ښکلو",
    # Nepali (the Hindi "यौन", "अश्लील", "कामुक", "सेक्स", "पोर्न" and Marathi "नग्न" already apply; "नाङ्गो खुट्टा" is
    # barefoot: not "नाङ्ग")
    "नाङ्गी", "नाङ्गै", "नाङ्गो शरीर", "नाङ्गो जीउ", "लुगा फुका", "कपडा फुका", "भित्री लुगा", "भित्री वस्त्र",
    "भित्री पोशाक", "वयस्कहरूका लागि", "वयस्कका लागि", "पुरुषको काख", "अपरिचितको काख", "पुरुषलाई चुम्ब",
    "पुरुषलाई म्वाई",
    # Kannada: gaps
    "ಪೋರ್ನ್", "ಸೆಕ್ಸಿ", "ಕಾಮೋದ್ರೇಕ", "ಗಂಡಸನ್ನು ಚುಂಬಿಸ", "ಗಂಡಸಿನ ಮಡಿಲ", "ಬಟ್ಟೆ ಕಳಚ",
    # Malayalam: gaps ("പോൺ" alone stands in "സ്പോൺസർ")
    "സെക്സി", "പോൺ വീഡിയോ", "പോൺ സിനിമ", "തുണിയില്ലാതെ", "വിവസ്ത്ര", "പുരുഷനെ ചുംബിക്ക", "കാമോദ്ദീപക",
)

# Masked before sexual contexts are looked for (ORed into defaults.BENIGN_SEXUAL_COLLOCATIONS): sex education and
# sexual health, whose words are this batch's sexual terms (Welsh "rhywiol", Esperanto "seksa", Maltese "sesswali").
BENIGN_SEXUAL_COLLOCATIONS_ADDED_5: str = (
    r"\b(addysg (rhyw|ryw|rywiol)|iechyd rhywiol|seksa (eduko|edukado|sano)|edukazzjoni sesswali|"
    r"sa(h| )?(h)?a sesswali)\b")

# Everyday words of these languages one edit from a policy word, that the normaliser's spelling correction must
# leave alone. Found by normalising sentences and word lists of each language (as the prompt is folded: hooked Hausa
# letters, "þ", "ħ" dropped): Zulu and Xhosa "ngena" (enter) became "nena" and "vula" (open) "vulva", Igbo "chota"
# (find) "shota", Somali "seexo" (sleep) "sexo" and "hoose" (lower) "noose", Kurdish "penus" (pen) "penis", Javanese
# and Sundanese "nulis" (write) "nudis" and "menit" (minute) "menin", Malagasy "firenena" (nation) "fire nena", Irish
# "aran" (bread) "aryan", Welsh "trist" (sad) "wrist", Esperanto "pordo" (door) "porno".
NOT_MISSPELLINGS_ADDED_5: frozenset[str] = frozenset((
    # Somali, Hausa ("arama", "aramar", "aramin", "ananan": "ƙarama"... without the hooked letter), Yoruba, Igbo
    "hoose dheer filim kulan ninka sare seexo sheeg toos "
    "arama aramar aramin ananan bakin farin garin hoto minti ipade chota echi ememe oroma "
    # Zulu, Xhosa, Kinyarwanda, Malagasy
    "emini enza lala ngena vula yenza fumana filime videwo "
    "alina andro arabe faly firenena modely momba seza tena trano ambin "
    # Kurdish, Uzbek, Irish, Welsh
    "anin derve dici dicin kolan mezin penus rast sebze vidyo hafta realistik urush "
    "anois aran bhaile bhain blath fasta feach inne mhead sicin teigh coch dawns ffilm fideo merch realistig trist "
    # Basque, Maltese ("canga": "ċanga", beef), Luxembourgish, Haitian Creole ("semen": "semèn", week)
    "baina bideo dantza diete eskola filma gaua lehen mendia mutilak orain "
    "canga frott intom papra primarja sena studenti tinza vidjo "
    "danzen erotesch famill frend kanner leift maach persoun schoul schouss schwatzen stull waasser zocker "
    "basen chanm fenet gade jaden kilot koute mande maten mete pitit semen videyo "
    # Maori, Samoan, Esperanto, Javanese, Sundanese, Cebuano
    "poto ratou whare malae teine alian demandi filmo floro infano kisas legas pordo varma videon "
    "daging kanca matur menit montor nanging nulis panas pasar toko wohan jeung panto peuting sejen "
    "asin gatas klase saging "
    # Galician, Icelandic ("egar": "þegar"), Estonian ("hasti": "hästi", "moned": "mõned")
    "alumnos auga cando carne cebola cidade colexio comer flor mestre mirar moito noite onte pequeno persoa porta quen "
    "tenda xente egar fjall hata spila standa sumar hasti mees moned naine poes "
    # Kazakh and Kyrgyz "мектеп" (school), Mongolian "настай" (aged), Tajik "калонсолон" (adults), as Cyrillic folds
    "mekte hacta ohco"
).split())
MINOR_WORDS_OTHER_SCRIPTS_ADDED_5: tuple[str, ...] = _nfkc(_MINOR_OTHER_5)
SEXUAL_WORDS_OTHER_SCRIPTS_ADDED_5: tuple[str, ...] = _nfkc(_SEXUAL_OTHER_5)


# --- batch "added 2026-12-05, languages": gaps in languages the lists above already name ---------------------------
# The same four kinds of data, wired like the two batches above, for what users write that those lists miss: school
# grades told by an ordinal and a class word, ages as compounds, "for adults"/"for adult viewers", undressing verbs
# and their inflections, erotic or seductive poses and dances, a camera lingering on a body, underwear.
# Where a unit word could end a larger number, an age is told by the word before it: a child noun or a verb of being
# ("he kotiro tekau ma rua ona tau" is a girl of 12, "rua tekau ma rua ona tau" is 22), never by the number alone.
_CS_ORD = "(treti|ctvrte|pate|seste|sedme|osme|devate)"  # "prvni/druhe trida" is also a train's first/second class
_CS_KID = ("(zak|zaka|zakyne|zakyni|zaci|zacka|holka|holky|holku|holcicka|holcicku|kluk|kluka|kluci|chlapec|chlapce|"
           "divka|divku|dite|deti|skolacka|skolacku|skolak|skolaka|skolaci)")
_SR_ORD = "(trec|cetvrt|pet|sest|sedm|osm)"  # "prvi/drugi razred" is also a train's class
_ET_ORD = "(kolmanda|neljanda|viienda|kuuenda|seitsmenda|kaheksanda|uheksanda|kumnenda)"
_LT_ORD = "(pirm|antr|treci|ketvirt|penkt|sest|septint|astunt|devint|desimt|vienuolikt|dvylikt)"
_AZ_ORD = ("(ucuncu|dorduncu|besinci|altinci|yeddinci|s(e| )kkizinci|doqquzuncu|onuncu|on birinci|on ikinci)")
_UZ_ORD = ("(uchinchi|to rtinchi|tortinchi|beshinchi|oltinchi|yettinchi|sakkizinchi|to qqizinchi|"
           "toqqizinchi|o ninchi|oninchi|o n birinchi|o n ikkinchi)")
_KU_ORD = "(seyem|carem|pencem|sesem|heftem|hestem|nehem|dehem|yazdehem|dozdehem)"
_SO_ORD = ("(koowaad|labaad|saddexaad|afraad|shanaad|lixaad|toddobaad|todobaad|siddeedaad|sagaalaad|tobnaad|"
           "kow iyo tobnaad|laba iyo tobnaad)")
# Somali "7aad" is folded as leetspeak ("taad", "saad"...): those spellings too.
_SO_DIGIT_ORD = "(([1-9]|1[0-2]) ?aad|iaad|eaad|aaad|saad|taad|6aad|8aad|9aad|ioaad|iiaad)"
_MI_TEEN = "(tekau|tekau ma (tahi|rua|toru|wha|rima|ono|whitu))"
_MI_BEFORE = "(^|(e|he|kotiro|tamaiti|tama|tamahine|tamaroa|tamariki|ia|a|ko|nei|kua) )"

MINOR_TERMS_ADDED_6: list[str] = [
    # Czech: grades by ordinal ("žákyně sedmé třídy", "v páté třídě"), the "-ák/-ačka" graders ("páťačka", "prvňáček";
    # not bare "páťák": Hungarian "patak" is a brook), "náctiletá", "malá holka", "klučík"
    rf"{_CS_ORD} trid(y|e|u|ou|a)", rf"{_CS_KID} (z |ze |do |v |ve )?(prvni|druhe|[1-9]) trid(y|e|u)",
    r"(v|ve|do|ze|z) ([3-9]) trid(e|y|u)", r"(prvnac|prvnack|druhack|tretack|ctvrtack|patack|sestack|sedmack|osmack|devatack)\w*",
    r"(druhac|tretac|ctvrtac|patac|sestac|sedmac|osmac|devatac)i", r"(sestak|sedmak|osmak|devatak|ctvrtak)(a|u|em|ovi|y|ove|um)?",
    r"nactilet\w*", r"(mala|malou|male|malinka|malinkou|malinke) (holk|divk|holcin)(a|u|y|ou)",
    r"(maly|maleho|malym|malemu|malinky|malinkeho) (kluk|klucin|chlapec)\w*", r"klucik\w*", r"capart\w*",
    r"teenagerk\w*", r"(mladsi|starsi) skolni vek\w*",
    # Serbian / Croatian / Bosnian (Latin): grades ("učenica sedmog razreda", "u petom razredu", "5. razred"), high
    # schoolers, "klinka", "mala devojka", "dečkić"
    rf"{_SR_ORD}(i|og|om|oga|ome) razred(a|u|om)?", r"([3-8]) razred(a|u)?",
    r"(ucenic|ucenik|devojcic|djevojcic|decak|djecak|dete|dijete|deca|djeca|klinc|klinac|klink)\w* (iz |u )?(prv|drug)(i|og|om|oga|ome) razred(a|u)?",
    r"srednjoskol(ka|ke|ki|ku|kom|ac|ci|ca|cu|cem|cima)",
    r"gimnazijal(ka|ke|ki|ku|kom|ac|ci|ca|cu|cem|cima)", r"osma(ci|cima|kinja|kinje|kinju)", r"klink(a|i|u|om)",
    r"klin(ac|ca|cu|cem|ci|aca|cima)", r"mal(a|u|oj|e) (devojk|djevojk|cur)(a|u|i|e|om)", r"mal(i|og|om|ome) (decko|djecko|momak|momka)",
    r"(deckic|djeckic|momcic|devojcur|djevojcur)\w*", r"adolescentkinj\w*",
    # Estonian: "käib viiendas klassis", "kooliõpilane", "algklasside", "mudilane", "plikatirts"
    rf"{_ET_ORD}(s|sse|st)? klass(is|isse|ist)", r"(kumnenda|uheteistkumnenda|kaheteistkumnenda) klassi",
    r"([3-9]|1[0-2]) klass(is|isse)", r"kooliopila\w*", r"algklass\w*", r"mudila(ne|sed|se|st|ste|si)\w*", r"plikatirts\w*",
    r"(vaike|vaikese|vaikesed) (plika|plikad|plikat|titt)\w*",
    # Lithuanian: the "-okas/-okė" graders ("šeštokė", "pirmokai"), "septintos klasės", "dešimtmetė", "mažametė"
    rf"{_LT_ORD}ok(as|e|ai|es|o|ei|ui|us|u|ams|ems|a|ele|eles|eliai|elis)",
    r"(trecios|ketvirtos|penktos|sestos|septintos|astuntos|devintos|desimtos|vienuoliktos|dvyliktos) klas(es|eje|e)",
    r"(trecioje|ketvirtoje|penktoje|sestoje|septintoje|astuntoje|devintoje|desimtoje) klaseje",
    r"([3-9]|1[0-2]) klas(es|eje)", r"desimtmet(e|es|ei|ukas|ukes|uke|ukai)", r"(maza|jauna)met(e|is|es|iai|ei|ems|ei|i|e)",
    r"mazyl(e|es|ei|iai|is|iui)", r"mokinuk(e|es|ei|ui)", r"vaikinuk\w*", r"mergiot\w*",
    # Azerbaijani ("ə" is a space): grades ("yeddinci sinif", "5-ci sinif"), ages in words before a child noun (not bare
    # "iki yaşlı": two old people), "balaca qız", "oğlancıq", "şagird"
    rf"{_AZ_ORD} (sinif|sinf)\w*", r"(birinci|ikinci) (sinif|sinf)\w* (sagird|qiz|oglan|usag)\w*",
    r"([3-9]|1[01]) (ci|cu) (sinif|sinf)\w*", r"sagird(i|l(e| )r\w*|in|e|l)?",
    rf"{_AZ_NUM} yasli (qiz|oglan|usaq|bala|sagird|m(e| )kt(e| )bli)\w*", r"balaca (qiz|oglan)\w*", r"kicik oglan\w*",
    r"oglancig\w*",
    # Uzbek (Latin): grades ("yettinchi sinf", "7-sinfda"), "qizaloq", "o'g'ilcha", "yosh bola", "norasida"
    rf"{_UZ_ORD} sinf\w*", r"([3-9]|1[01]) sinf(da|dagi|ga|i|idagi|ning|ni)?", r"qizaloq\w*", r"(o g ilcha|ogilcha)\w*",
    r"yosh (bola|qizcha)\w*", r"balog atga yetmagan\w*", r"norasida\w*",
    # Irish: "sa séú rang", "dalta rang a cúig", secondary pupils, "cailín scoile", "gearrchaile", "tachrán"
    r"(sa|i) (chead|dara|triu|ceathru|cuigiu|seu) rang", r"(dalta|daltai|cailin|chailin|buachaill|paiste|paisti|gasur) (\w+ )?(sa |i |den )?(chead|dara|triu|ceathru|cuigiu|seu) rang",
    r"(dalta|daltai|cailin|chailin|buachaill|paiste|paisti|gasur) (\w+ )?(i |sa )?rang (a (haon|do|tri|ceathair|cuig|se)|[1-6])",
    r"sa rang ([1-6])", r"(dalta|daltai|cailin|chailin|gcailin|buachaill|gasur|girseach)\w* (\w+ )?(m|mh)?eanscoile",
    r"(c|ch|gc)ailin(i)? scoile", r"(b|bh|mb)uachaill(i)? scoile", r"(g|gh|ng)earrchail\w*", r"(t|th|d)achran\w*",
    # Luxembourgish: "an der sechster Klass", "e Kand vun zéng Joer", "Bouf", "Meedercher", "Puppelchen"
    r"(an der|aus der|vun der) ([1-9]|eischter|zweeter|dretter|veierter|fennefter|sechster|siwenter|aachter|nengter) klass",
    rf"(kand|meedchen|jong|jongen|kanner|bouf|meedercher) vun {_LB_NUM} joer", r"(klenge(n)?|mai|hire|sai|e|de|den) bouf",
    r"meederch(er|en)", r"puppelche\w*",
    # Maori ("tekau mā rua ōna tau" is 12, inside "rua tekau mā rua" 22: only after a child noun or "e"/"he"), school years
    # ("Tau 7"), secondary school, "tamaroa", "tama iti"
    rf"{_MI_BEFORE}{_MI_TEEN} (ona |o ona )?tau", r"(i|o) te tau ([1-9]|1[0-3])", r"akonga (o te |i te )?tau ([1-9]|1[0-3])",
    r"kura tuarua", r"tamaroa\w*", r"tama (iti|nohinohi|potiki)",
    # Samoan: "vasega fitu" (class 7), primary school, "teine laiti", "tama laiti"
    r"vasega ([1-9]|1[0-3]|tasi|lua|tolu|fa|lima|ono|fitu|valu|iva|sefulu)", r"a oga amata", r"teine ?laiti\w*",
    r"tama ?laiti\w*",
    # Esperanto: grades ("lernantino de la sepa klaso"), "knaboj", "etulino", "bubino", adolescents
    r"(tria|kvara|kvina|sesa|sepa|oka|nauxa|naua|deka|dekunua|dekdua) klas(o|on)", r"knaboj(n)?", r"etul(o|oj|on|ojn|ino|inoj|inon)",
    r"bub(eto|etoj|ino|inoj|inon|oj)", r"adoleskant(o|oj|on|ojn|ino|inoj|inon)", r"malplenag\w*",
    # Javanese and Sundanese (and Indonesian): grades in their number words ("kelas pitu", "kelas genep"; not "kelas
    # dua/satu", second/first class), "cah SMP", "nduk", teens
    r"kelas (siji|loro|telu|papat|lima|enem|enam|pitu|wolu|sanga|hiji|tilu|opat|genep|tujuh|dalapan|salapan)",
    r"kelas ([3-9]|1[0-2])", r"(bocah|cah|murid|siswa|siswi|anak|arek|budak|barudak|lare) kelas (1|2|siji|loro|hiji|dua|satu)",
    r"(cah|arek|lare|budak|barudak) (sd|smp|mi|mts)", rf"(cah|arek|lare|budak|prawan|putri) (\w+ )?(umur(e|na)? )?{_JV_NUM} (taun|tahun)",
    r"n(d|dh)uk", r"g(e|a)nd(h)?uk", r"thole", r"rumaja\w*",
    # Somali: grades ("fasalka toddobaad", "fasalka 7-aad"), "toban jir" (10), "dhallaan", "hablo yar"
    rf"fasal(ka|ada)? ({_SO_ORD}|{_SO_DIGIT_ORD})", r"toban (sano )?jir\w*", r"dhal?laan\w*", r"hablo (yar|yaryar)",
    r"(gabar|gabadh|gabdh|wiil|inan)\w* (\w+ )?(dugsi|iskuul|skuul)\w*",
    # Hausa: grades ("'yar aji bakwai", "aji na biyar"), "yaro", "jinjiri"
    r"aji (na )?(daya|biyu|uku|hudu|hu u|biyar|shida|bakwai|takwas|tara|[1-9])", r"(yar|yan) aji",
    r"(yar|dan|d an|yan) sakandare", r"yaro", r"yarinyar", r"jinjir\w*", r"(yar|dan|d an) (mai )?shekar(a|u) goma",
    # Igbo: primary classes ("praịmarị isii"), JSS 1-3 (10-14; "jss1" is folded "jssi"), "obere nwa", "ụmụ ntakịrị"
    r"praimari (otu|abuo|ato|ano|ise|isii|[1-6])", r"jss ?([1-3]|i|e|one|two|three)", r"obere (nwa|nwata)\w*",
    r"nwa (obere|nta|ntakiri)", r"umu (obere|ntakiri|nta)",
    # Kinyarwanda: primary classes, "imyaka icumi" (10), "agakobwa" (a little girl), "uduhungu"
    r"(wiga|biga|yiga|umunyeshuri|abanyeshuri|umukobwa|umuhungu) (\w+ )?mu wa (mbere|kabiri|gatatu|kane|gatanu|gatandatu)",
    r"(w|ufite|afite|bafite|ari mu|b) imyaka (icumi|cumi)", r"(a|u)?(ga|du|ka|tu)kobwa\w*", r"(a|u)?(ga|du|ka|tu)hungu\w*",
    r"(abakobwa|abahungu) (bato|banjye)",
    # Malagasy: classes ("kilasy fahafito"), "zazamena" (newborn)
    r"kilasy (fahatelo|fahefatra|fahadimy|fahenina|fahafito|fahavalo|fahasivy|fahafolo)",
    r"(mpianatra|ankizy|zazavavy|zazalahy) (\w+ )?kilasy (voalohany|faharoa)", r"zazamena\w*",
    # Kurdish (Kurmanji): classes ("pola heftem", "sinifa 7an", folded as leetspeak "sinifa tan"), middle school, "kurik"
    rf"(pola|sinifa) {_KU_ORD}(in|an)?", r"(pola|sinifa) (([1-9]|1[0-2]) ?|i|e|a|s|t)(an|em|emin)", r"sinifa ([1-9]|1[0-2])",
    r"dibistan(a|e)? navin", r"kurik(e|en|ek|eke)?",
    # Malay: primary standards ("darjah enam"; not "darjah satu/dua", also a burn's degree) and secondary forms
    # ("pelajar tingkatan dua")
    r"darjah (tiga|empat|lima|enam|[3-6])", r"(murid|pelajar|budak|kanak kanak|anak) (\w+ )?darjah (satu|dua|[12])",
    r"(pelajar|murid|budak|gadis|remaja|pelajar perempuan) (\w+ )?tingkatan (satu|dua|tiga|empat|lima|[1-5])",
    r"(di|dalam) tingkatan (satu|dua|tiga|empat|lima|[1-5])",
    # Vietnamese (folded): the age of puberty
    r"tuoi day thi",
    # Turkish: grades by ordinal ("yedinci sınıf"; not "birinci/ikinci sınıf", first-rate/second-rate), "minik kız",
    # "ufaklık"
    r"(ucuncu|dorduncu|besinci|altinci|yedinci|sekizinci|dokuzuncu|onuncu) sinif\w*", r"minik (kiz|oglan)\w*", r"ufaklik\w*",
    # Polish: the "-klasistka" graders ("siódmoklasistka"), "w 5 klasie", "gówniara"
    r"(pierwszo|drugo|trzecio|czwarto|piato|szosto|siodmo|osmo)klasist\w*", r"(w|do|z|ze) ([3-8]) klas(ie|y)",
    r"gowniar(a|y|e|om|ami|eczk\w*)",
]

_CAM_CS = "(zoomuje|priblizuje|zaostruje|zdrzuje|zdrzi|spociva|klouze|prejizdi|sjizdi|zabira|zamiruje)"
_BODY_CS = "(telo|tele|telem|tela|prsa|prsou|zadek|zadku|rozkrok\\w*|stehn\\w*|boky|bocich|klin\\w*|hrud\\w*)"

SEXUAL_TERMS_ADDED_6: list[str] = [
    # Czech: taking clothes off ("sundává si oblečení", "stahuje si kalhotky"; not a T-shirt or a jacket), "obnažená", lewd and lustful adjectives
    # and adverbs ("oplzle", "necudně", "chlípně", "lascivně"), pole dance, a camera on the body, bed and love scenes
    r"(sunda|sundava|sundavaji|sundala|sundal|stahuje|stahuji|stahla|shodi|shazuje|shodila|rozepina|rozepinala) (si |ze sebe )?(\w+ )?(obleceni|saty|kalhotky|podprsenku|plavky|vsechno|spodni pradlo)",
    r"obnazen\w*", r"obnazuj\w*", r"odhaluje (sve |jeji |jeho )?telo", r"oplzl\w*", r"necudn\w*", r"chlipn\w*",
    r"lascivn\w*", r"viln(e|y|ym|ou|eho|ost|osti)", r"neslusn\w* (pozy|pozuje|poz\w*|tanc\w*|fotk\w*|pohyb\w*)",
    r"drazdiv\w* (tanc\w*|poz\w*|pohyb\w*|obleceni)", r"tan(ec|ci|cem) u tyce", r"postelov\w* scen\w*",
    rf"kamer\w* (\w+ ){{0,2}}{_CAM_CS} (\w+ ){{0,3}}{_BODY_CS}", r"detailni (zaber|zabery) (na )?(jeji |jeho )?(telo|rozkrok|zadek|prsa|klin|stehna)",
    r"(romanticka|milostna|intimni) scen\w* s (\w+ )?(muzem|dospelym|starsim muzem|cizincem|chlapem)",
    r"v loznici s (\w+ )?(muzem|dospelym|cizincem|chlapem)", r"(pristupne|jen|pouze|obsah) (od )?18t", r"nevhodne pro mladistve",
    # Serbian / Croatian / Bosnian (Latin): "skinula se", "skida gaćice", "razodeva", provocatively, lustful, indecent
    r"(skida|skidaju|skidala|skidao|skine|skinu|skinula|skinuo|skinuti|skidati|skinuvsi) (je )?(se|sa sebe|svu odecu|svu odjecu|odjecu|odecu|haljinu|grudnjak|gacice|donji ves|kupaci)",
    r"razodev\w*", r"razodjev\w*", r"izazovno (ples\w*|pozir\w*|se (njise|krece|uvija|oblaci)|obucen\w*)",
    r"(ples\w*|pozir\w*) (\w+ )?izazovno", r"pohotn\w*", r"razvratn\w*",
    r"nepristojn\w* (ples\w*|poz\w*|fotograf\w*|slik\w*|nacin\w*|pokret\w*)", r"u tangama", r"za punolet\w*", r"za punoljet\w*",
    r"(18t sadrzaj|sadrzaj 18t|sadrzaj za odrasle)", r"na krilu (muskarca|odraslog|stranca|starijeg|cike)",
    r"kamer\w* (\w+ ){0,2}(zumira|priblizava|zadrzava|klizi|fokusira)\w* (\w+ ){0,3}(telo|tijelo|telu|tijelu|tela|tijela|grudi|zadnjic\w*|bokov\w*|butin\w*|medjunozj\w*)",
    r"krupn\w* plan\w* (njenog |njegovog )?(tela|tijela|grudi|zadnjice|medjunozja|butina)",
    r"(romanticn|ljubavn|intimn)\w* scen\w* sa? (\w+ )?(muskarcem|odraslim|starijim|strancem)",
    r"u spavacoj sobi sa? (\w+ )?(muskarcem|odraslim|strancem)",
    # Estonian: "võtab kleidi seljast", "stringides", provocatively, lustful/lewd, a camera on the body, adult viewers
    r"(votab|vottis|votavad|votsid) (\w+ )?(kleidi|aluspuksid|rinnahoidja|riided|riideid) (seljast|jalast|ara)",
    r"stringides", r"valjakutsuva\w* (poos\w*|tants\w*|riietu\w*)", r"valjakutsuvalt (tantsi\w*|poseeri\w*|riietu\w*|liigu\w*)",
    r"himur\w*", r"nilbe\w*", r"siivutu\w*", r"iharalt", r"ihar(ad|a|at|ate)",
    r"taiskasvanud (vaatajatele|publikule)", r"ule 18 aasta(stele|seile)",
    r"kaamera (\w+ ){0,2}(suumib|peatub|viibib|libiseb|keskendub|liigub aeglaselt) (\w+ ){0,2}(kehale|kehal|kehast|rindadele|tagumikule|puusadele|reitele|jalgevahele)",
    r"lahivote (tema )?(kehast|rindadest|tagumikust|jalgevahest|reitest)",
    r"(romantili\w*|armu|intiim\w*) stseen\w* (\w+ )?(mehega|taiskasvanuga|vanema mehega)", r"magamistoas (\w+ )?(mehega|taiskasvanuga)",
    # Lithuanian: "nusiima suknelę", "išsirengia", "apsinuoginusi", lustful/lewd/indecent, provocatively, camera
    r"nusi(ima|eme|imti|ima) (\w+ )?(drabuz\w*|liemenel\w*|kelnait\w*|suknel\w*)",
    r"nusimet\w* drabuz\w*", r"issireng\w*", r"apsinuogin\w*", r"geiduling\w*", r"gasl(us|i|iai|ios|ia|u|aus|ume)",
    r"nepadori\w*", r"nepadoru\w*", r"issaukianc\w* (poz\w*|sok\w*|aprang\w*|judesi\w*)",
    r"(sok\w*|pozuoj\w*) issaukianciai", r"suaugusiuju (auditorijai|ziurovams|turinys)",
    r"kamer\w* (\w+ ){0,2}(priartina|fokusuoja|sustoja|slenka|slysta|uzsibuna) (\w+ ){0,2}(kun(as|a|o|u|e|ui)|krutin\w*|sedmen\w*|slaun\w*|klub\w*|tarpkoj\w*)",
    r"stambiu planu (jos |jo )?(kuna|krutine|sedmenis|tarpkoji|slaunis)",
    r"(romantisk|intym|meil)\w* scen\w* su (\w+ )?(vyru|suaugusiuoju|suaugusiu|vyresniu)", r"miegamajame su (\w+ )?(vyru|suaugusiuoju)",
    r"vyrui ant keliu",
    # Azerbaijani ("ə" is a space): "soyunub", "paltarını çıxarır", "üryan", indecent/provocative/seductive dances,
    # adults, a man's bed
    r"soyunub", r"soyunmag\w*", r"soyundur\w*", r"paltar(ini|larini|lar ni|i)? cixar\w*", r"uryan\w*",
    r"e?d(e| )bsiz (r(e| )qs|poza|poz|h(e| )r(e| )k(e| )t)\w*", r"t(e| )hrikedici (r(e| )qs|poza|poz|geyim)\w*",
    r"c(e| )zbedici (r(e| )qs|poza|poz)\w*", rf"yetkinl{_SCHWA}r ucun", r"18 yasdan (yuxari|boyuk)",
    r"(yataqda|yataq otaginda) (\w+ )?(kisi|yasli kisi|boyuk kisi) ?il(e)?", r"kisiyl(e)? (yataqda|romantik)",
    r"kamera (\w+ ){0,3}(zoom|zum)\w* (\w+ ){0,2}b(e| )d(e| )n\w*",
    # Uzbek (Latin): "yechinmoqda", "ko'ylagini yechdi", underwear, lust, obscenity, "behayo raqs", adult viewers
    r"yechin(moqda|yapti|di|ib|adi|ish|gan|sa|ayotgan|ayapti|dimi)\w*",
    r"(ko ylagi|koylagi|lifchigi|ichki kiyimi)ni yech\w*", r"trusik\w*", r"lifchik\w*",
    r"shahvat\w*", r"fahsh\w*", r"(behayo|uyatsiz|vasvasali|provokatsion) (raqs|harakat|poza|kiyim|tarzda|ravishda)\w*",
    r"voyaga yetganlar uchun", r"kattalar tomoshabinlari", r"18 yoshdan (katta|oshganlar)\w*",
    r"kamera (\w+ ){0,2}(tana|badan)(si|siga|sini|ga|ni|ida)? (\w+ )?(yaqinlash|zoom|fokus|to xta|toxta)\w*",
    r"(karavotda|to shakda|toshakda|yotoqxonada) (\w+ )?(erkak|katta yoshli erkak|begona erkak) bilan",
    r"erkak bilan (romantik|intim|ishqiy) (sahna|lavha)\w*",
    # Irish: "ag baint a cuid éadaigh di", seductively, lust, lewd, indecent, adult viewers, bed
    r"ag baint (a |na )?(cuid )?(eadai|eadaigh|headai|headaigh)", r"go mealltach",
    r"(damhsa|damhsaionn|ag damhsa|gotha|seasamh) (\w+ )?mealltach\w*", r"(d|dh)ruisiuil\w*", r"(g|gh)raosta\w*",
    r"migheanas\w*", r"lucht feachana fasta", r"daoine fasta amhain", r"abhar (do )?dhaoine fasta",
    r"(c|gc|ch)eamara (\w+ ){0,4}(a chorp|a corp|a colainn|a cholainn)", r"sa leaba le (fear|duine fasta|stroinseir)",
    r"romansuil le (fear|duine fasta)",
    # Luxembourgish: "deet sech aus", "zitt hir Kleeder aus", indecent, provocative, camera, romance
    r"(deet|dinn|doen|dong|hat) sech (\w+ )?aus", r"zitt (hir|seng|hiert|sai) (\w+ )?(kleeder|kleed|t shirt|box|bh|hiem) aus",
    r"auszeien", r"sech ausdoen", r"onschecklech\w*", r"provokant (danzen|poseieren|danz|dans)\w*",
    r"kamera (\w+ ){0,4}(hire|sai|den|hiren) kierper", r"romantesch\w* (zeen|szen)\w* mat (engem|em) (\w+ )?(mann|erwuessenen)",
    # Maori: "tango i ona kakahu", underclothes, lust, camera, a man's bed
    r"(tango|wetewete|huhu) (\w+ )?(i )?(ona |tona |ana |nga )?kakahu", r"kakahu o roto", r"puremu\w*", r"whakapuremu\w*",
    r"kaimataki(taki)? pakeke", r"kamera (\w+ ){0,4}(tona |ona |te )?tinana", r"moenga (\w+ )?me (te |tetahi )?tane",
    r"moe tahi (\w+ )?me (te |tetahi )?tane",
    # Samoan: underclothes, a tempting dance, camera, a man's bed
    r"ofu (i )?totonu", r"siva (\w+ )?(faaosooso|fa aosooso|faafeusuaiga|fa afeusuaiga)\w*",
    r"(meapueata|mea pueata|kamela|kamera) (\w+ ){0,4}(lona |le )tino", r"moega ma (se |le )?tamaloa",
    # Esperanto: "demetas siajn vestojn", "malvestiĝas", seductively, lascivious, unchaste, provocative, camera, bed
    r"demet\w* (\w+ )?vest(ojn|on|ajojn)", r"malvest\w*", r"delogeme", r"delogant\w*", r"delogas", r"lasciv(a|aj|e|eco)",
    r"malcast\w*", r"provok(a|e|aj) (danc|poz)\w*", r"(danc|poz)\w* provoke", r"por plenag\w*",
    r"kamera\w* (\w+ ){0,4}(sia|lia|ilia) korpo(n)?", r"romantik\w* scen\w* kun (\w+ )?(viro|plenkreskulo)",
    r"dormocambro kun (\w+ )?(viro|plenkreskulo)",
    # Javanese, Sundanese (and Indonesian): stripping ("nglucuti"), striptease, underpants, lust, adult content, a
    # camera on the body, bed scenes
    r"(ng|di)?lucuti\w* (\w+ )?(klambi|sandhangan|baju|pakaian|busana|calana)\w*", r"striptis\w*", r"cawet\w*", r"sempak\w*",
    r"kancut\w*", r"birahi\w*", r"ngaceng\w*", r"(sahwat|syahwat)\w*", r"khusus dewasa", r"konten dewasa",
    r"kamera (\w+ ){0,3}(zoom|nyorot|fokus|mendekat|menyorot|ngezoom|nge zoom|ngazoom)\w* (\w+ ){0,3}(tubuh|badan|awak|dada|bokong|paha|selangkangan)\w*",
    r"sare (bareng|jeung|sareng) (\w+ )?(lalaki|pameget|om)", r"adegan ranjang",
    r"(adegan|sesi) (romantis|mesra) (\w+ )?(karo|bareng|jeung|sareng|dengan|bersama) (\w+ )?(wong lanang|lalaki|pameget|om|pria|lelaki|priya)",
    # Somali: "dharkeeda iska bixinaysa", "isqaawisay", obscenity, lust, adults, camera, bedroom
    r"dhark(eeda|iisa|ooda) (iska )?(siib|bixi|furt|dhig)\w*", r"isqaawi\w*", r"faxsh\w*", r"shahwa(d|o)\w*",
    r"loogu tala ?galay dadka waaweyn", r"kamarad\w* (\w+ ){0,5}(jidhk|jirk)(eeda|iisa|a)",
    r"qolka jiifka (\w+ )?(nin|ninka|nin weyn)", r"(jaceyl|shukaansi) (\w+ ){0,2}nin weyn",
    # Hausa: "cire kayanta", bra, arousing dances, debauchery, fornication, over-18s, camera, bed
    r"(cire|cirewa|ta cire|ya cire) (\w+ )?(kayanta|kayansa|tufafinta|tufafinsa)", r"rigar mama",
    r"(tayar|motsa|tada|tado) da sha ?awa", r"iskanci\w*", r"fasikanci\w*", r"(yin|yi|aikata) zina", r"sama da shekar(a|u) 18",
    r"kyamara (\w+ ){0,6}jikin(ta|sa)", r"gado (\w+ )?(tare da|da) (wani )?(namiji|mutum|dattijo)",
    # Igbo: "yipụ akwa", fornication, over-18s, camera, bed
    r"(yipu|wepu|yipuru|wepuru) (\w+ )?akwa", r"ikwa iko", r"(gafere|karia) afo 18", r"kamera (\w+ ){0,5}ahu ya",
    r"akwa ndina (\w+ ){0,2}nwoke",
    # Kinyarwanda: "yiyambura" (undresses herself), underwear, bra, lust, genitals, over-18s, camera, bed
    r"\w*iyambur\w*", r"(i|ama)kariso\w*", r"(i)?sutiye", r"irari ry (ibitsina|umubiri)", r"ibitsina\w*",
    r"(ku )?bantu bakuze gusa", r"(a)?barengeje imyaka 18", r"kamera (\w+ ){0,4}umubiri (we|wabo|bwe)",
    r"(ku buriri|mu cyumba cyo kuraramo) (\w+ ){0,2}n umugabo",
    # Malagasy: "miala akanjo", "tsy misy akanjo", arousing desire, fornication, over-18s, camera, bed
    r"miala akanjo\w*", r"tsy misy akanjo", r"(manaitra|mampirehitra|mamoha) (ny )?filana", r"\w*jangajanga\w*",
    r"ho an ny (mihoatra|ambony) ny 18 taona", r"fakan ?tsary (\w+ ){0,5}vata(ny|na)", r"(fandriana|pandriana) (\w+ ){0,3}lehilahy",
    # Kurdish (Kurmanji): "cilên xwe ji xwe dike", "xwe tazî dike", underpants, a sexual dance, provocative, camera, bed
    r"cil(en|an)? (xwe )?ji xwe (dike|kir|bike|dikin|dikir)", r"xwe tazi (dike|kir|bike|dikin)", r"derpe(ye|yen|yek|yan)?",
    r"sutyan\w*", r"(dans|reqs|sema|govend|poz)\w* (\w+ )?zayendi", r"awayeki zayendi", r"tehrikker\w*",
    r"provokatif (dans|reqs|poz)\w*", r"kamera (\w+ ){0,4}(lase|bedena) (we|wi)", r"nivin\w* (\w+ ){0,3}(zilam|mer)\w*",
    r"romantik\w* (\w+ ){0,2}(zilameki|mereki)",
    # Malay: adult viewers, over-18s, shedding clothes, a man's bed ("katil")
    r"untuk tontonan dewasa", r"18 tahun ke atas", r"menanggalkan (\w+ )?(pakaian|baju|seluar)\w*",
    r"(di atas |atas )?katil (dengan|bersama) (seorang )?(lelaki|pakcik|lelaki dewasa|orang asing)",
    # Vietnamese (folded): taking off all clothes ("cởi hết quần áo"; bare "coi quan ao" is also "look at clothes" in
    # the south), "khêu gợi" (the spelling the 2026-12-03 terms missed), arousing, a camera on the body, a man's bed
    r"coi (het|sach) (quan ao|do|ao lot|quan lot|vay)", r"coi (quan ao|do) ra", r"kheu goi", r"goi duc",
    r"(ong kinh|camera|may quay) (\w+ ){0,2}(zoom|can canh|quay can) (\w+ ){0,2}(co the|than the|vong 1|nguc)",
    r"tren giuong (voi|cung) (mot )?(nguoi )?(dan ong|ong chu|nguoi la|nguoi lon)",
    # Turkish: adults-only, taking off clothes ("kıyafetlerini çıkarıyor"), obscene, a camera on the body, romance
    r"yetiskinlere (ozel|yonelik)", r"(kiyafetlerini|elbisesini|giysilerini) cikar\w*", r"mustehcen\w*",
    r"kamera (\w+ ){0,2}vucud\w* (yakinlas|zoom|odaklan)\w*", r"(adamla|erkekle) romantik (sahne|an)\w*",
    # Polish: taking off clothes ("ściąga majtki"), lewd/wanton/indecent, a camera on the body, a man's bedroom
    r"(sciaga|zdejmuje|zdjela|sciagnela) (z siebie )?(\w+ )?(ubranie|ubrania|majtki|stanik|sukienke|bielizne)",
    r"lubiezn\w*", r"wyuzdan\w*", r"nieprzyzwoit\w*",
    r"kamera (\w+ ){0,2}(przybliza|zbliza|zatrzymuje|najezdza)\w* (\w+ ){0,3}(cialo|ciele|ciala|piersi|posladki|krocze)\w*",
    r"w sypialni z (\w+ )?(mezczyzna|doroslym)",
]

# Other scripts: what the 2026-12-03/04 words miss. Grades by an ordinal and a class word, ages before a child noun
# (a bare "X years" is also a duration: "ten years ago", "ten years' experience"), "little" with a girl or boy word,
# "for adult viewers", undressing verbs, lustful/provocative dances, a camera zooming on a body, a man's bed.
_UR_DIGITS = "۱۰ ۱۱ ۱۲ ۱۳ ۱۴ ۱۵ ۱۶ ۱۷"
_UR_UNITS = "۱ ۲ ۳ ۴ ۵ ۶ ۷ ۸ ۹"
_DEVA_TEENS = "१० ११ १२ १३ १४ १५ १६ १७"
_DEVA_UNITS = "१ २ ३ ४ ५ ६ ७ ८ ९"
_MY_TEENS = "၁၀ ၁၁ ၁၂ ၁၃ ၁၄ ၁၅ ၁၆ ၁၇"
_MY_UNITS = "၁ ၂ ၃ ၄ ၅ ၆ ၇ ၈ ၉"

_MINOR_OTHER_6: tuple[str, ...] = (
    # Urdu: grades ("ساتویں جماعت", "پانچویں کلاس"; "چھٹی" alone is also a holiday), ages before a child noun ("دس سالہ"),
    # "little" phrasings, school pupils
    "ویں جماعت", "ویں کلاس", "پہلی جماعت", "دوسری جماعت", "تیسری جماعت", "چوتھی جماعت", "چھٹی جماعت", "چھٹی کلاس",
    "جماعت کی طالبہ", "جماعت کا طالب علم", "جماعت کی لڑکی", "جماعت کا لڑکا", "کلاس کی لڑکی", "اسکول کا لڑکا",
    "سکول کا لڑکا", "اسکول کی طالبہ", "سکول کی طالبہ", "پرائمری اسکول", "پرائمری سکول", "مڈل اسکول", "مڈل سکول",
    "ننھی لڑکی", "ننھا لڑکا", "چھوٹی سی لڑکی", "چھوٹا سا لڑکا", "ننھی منی", "کم عمر لڑکی", "لڑکپن",
    *_ages("پانچ چھ سات آٹھ نو دس", "سالہ|سال کی لڑکی|سال کا لڑکا|سال کی عمر|برس کی لڑکی|برس کا لڑکا", lead=" "),
    *_ages(_TEENS + " " + _UR_DIGITS, "سالہ|سال کی لڑکی|سال کا لڑکا|سال کی عمر"),
    *_ages(_UNITS + " " + _UR_UNITS, "سالہ|سال کی لڑکی|سال کا لڑکا|سال کی عمر", lead=" "),
    # Punjabi (Gurmukhi): grades ("ਸੱਤਵੀਂ ਜਮਾਤ"), ages before a child noun, "ਛੋਟੀ ਜਿਹੀ ਕੁੜੀ", "ਬਾਲੜੀ", teens
    "ਵੀਂ ਜਮਾਤ", "ਵੀਂ ਕਲਾਸ", "ਪਹਿਲੀ ਜਮਾਤ", "ਦੂਜੀ ਜਮਾਤ", "ਤੀਜੀ ਜਮਾਤ", "ਚੌਥੀ ਜਮਾਤ", "ਜਮਾਤ ਦੀ ਕੁੜੀ", "ਜਮਾਤ ਦਾ ਮੁੰਡਾ",
    "ਜਮਾਤ ਦੀ ਵਿਦਿਆਰਥਣ", "ਸਕੂਲ ਦਾ ਮੁੰਡਾ", "ਸਕੂਲੀ ਮੁੰਡਾ", "ਸਕੂਲੀ ਵਿਦਿਆਰਥਣ", "ਸਕੂਲ ਦੀ ਵਿਦਿਆਰਥਣ", "ਪ੍ਰਾਇਮਰੀ ਸਕੂਲ",
    "ਛੋਟੀ ਜਿਹੀ ਕੁੜੀ", "ਨਿੱਕੀ ਜਿਹੀ ਕੁੜੀ", "ਛੋਟਾ ਜਿਹਾ ਮੁੰਡਾ", "ਨੰਨ੍ਹੀ ਕੁੜੀ", "ਨੰਨ੍ਹਾ ਮੁੰਡਾ", "ਬਾਲੜੀ", "ਬਾਲਿਕਾ", "ਨਾਬਾਲਿਗ",
    "ਅੱਲ੍ਹੜ", "ਕਿਸ਼ੋਰੀ", "ਕਿਸ਼ੋਰ ਉਮਰ",
    *_ages("ਪੰਜ ਛੇ ਸੱਤ ਅੱਠ ਨੌਂ ਦਸ", "ਸਾਲ ਦੀ ਕੁੜੀ|ਸਾਲਾਂ ਦੀ ਕੁੜੀ|ਸਾਲ ਦਾ ਮੁੰਡਾ|ਸਾਲਾਂ ਦਾ ਮੁੰਡਾ|ਸਾਲ ਦੀ ਉਮਰ", lead=" "),
    *_ages(_TEENS, "ਸਾਲ ਦੀ ਕੁੜੀ|ਸਾਲਾਂ ਦੀ ਕੁੜੀ|ਸਾਲ ਦਾ ਮੁੰਡਾ|ਸਾਲਾਂ ਦਾ ਮੁੰਡਾ|ਸਾਲ ਦੀ ਉਮਰ"),
    *_ages(_UNITS, "ਸਾਲ ਦੀ ਕੁੜੀ|ਸਾਲਾਂ ਦੀ ਕੁੜੀ|ਸਾਲ ਦਾ ਮੁੰਡਾ|ਸਾਲਾਂ ਦਾ ਮੁੰਡਾ|ਸਾਲ ਦੀ ਉਮਰ", lead=" "),
    # Gujarati: grades ("સાતમા ધોરણ", "ધોરણ 7"; "ધોરણ" alone is also a standard), ages before a child noun, "નાનકડી છોકરી"
    "મા ધોરણ", "પહેલા ધોરણ", "બીજા ધોરણ", "ત્રીજા ધોરણ", "ચોથા ધોરણ", "છઠ્ઠા ધોરણ", "ધોરણમાં ભણ",
    *(f"ધોરણ {d}" for d in "૧૨૩૪૫૬૭૮૯123456789"), "શાળાનો છોકરો", "સ્કૂલનો છોકરો", "શાળાની વિદ્યાર્થિની", "પ્રાથમિક શાળા",
    "નાનકડી છોકરી", "નાનકડો છોકરો", "કિશોરાવસ્થા", "કિશોર છોકરો", "ટીનેજર", "ટીનએજ",
    *_ages("પાંચ છ સાત આઠ નવ દસ", "વર્ષની છોકરી|વર્ષનો છોકરો|વર્ષની બાળકી|વર્ષીય છોકરી|વર્ષીય છોકરો|વર્ષની ઉંમર", lead=" "),
    *_ages(_TEENS, "વર્ષની છોકરી|વર્ષનો છોકરો|વર્ષીય|વર્ષની ઉંમર"),
    *_ages(_UNITS, "વર્ષની છોકરી|વર્ષનો છોકરો|વર્ષીય|વર્ષની ઉંમર", lead=" "),
    # Marathi: "इयत्ता" (a school standard), "सातवीत शिकणारी", ages before a child noun, "चिमुकली", "लेकरू"
    "इयत्ता", "वीत शिकणार", "वीतील मुलगी", "वीतला मुलगा", "वीची विद्यार्थिनी", "वीचा विद्यार्थी", "वीतील विद्यार्थिनी",
    "पहिलीत शिक", "दुसरीत शिक", "तिसरीत शिक", "चौथीत शिक", "चिमुकली", "चिमुकला", "चिमुरडी", "चिमुरडा", "छोटी मुलगी",
    "कुमारवयीन", "लेकरू", "लेकरं",
    *_ages("पाच सहा सात आठ नऊ दहा", "वर्षांची मुलगी|वर्षाची मुलगी|वर्षांचा मुलगा|वर्षाचा मुलगा|वर्षीय मुलगी|वर्षीय मुलगा", lead=" "),
    *_ages(_DEVA_TEENS + " " + _TEENS, "वर्षांची मुलगी|वर्षाची मुलगी|वर्षांचा मुलगा|वर्षाचा मुलगा|वर्षीय मुलगी|वर्षीय मुलगा"),
    *_ages(_DEVA_UNITS + " " + _UNITS, "वर्षांची मुलगी|वर्षाची मुलगी|वर्षांचा मुलगा|वर्षाचा मुलगा|वर्षीय मुलगी|वर्षीय मुलगा", lead=" "),
    # Telugu: grades ("ఏడో తరగతి", "7వ తరగతి"; not the first and second, a train's classes too), ages before a child
    # noun ("పదేళ్ల" alone is also "ten years'"), little ones
    *(f"{o}{e} తరగతి" for o in ("మూడ", "నాలుగ", "ఐద", "ఆర", "ఏడ", "ఎనిమిద", "తొమ్మిద", "పద", "పదకొండ", "పన్నెండ")
      for e in ("ో", "వ")), *(f"{n}వ తరగతి" for n in range(3, 13)), "తరగతి చదువు", "తరగతి విద్యార్థి",
    "ఇంటర్మీడియట్ విద్యార్థిని",
    "బడి పిల్ల", "స్కూల్ పిల్ల", "స్కూలు పిల్ల", "స్కూల్ అమ్మాయి", "చిన్న పాప", "చిన్న అబ్బాయి", "టీనేజ్", "కౌమార",
    "పసిపాప", "పసి పిల్ల", "పసిబిడ్డ",
    *_ages("ఐదేళ్ల ఆరేళ్ల ఏడేళ్ల ఎనిమిదేళ్ల తొమ్మిదేళ్ల పదేళ్ల", "అమ్మాయి|అబ్బాయి|పాప|కుర్రాడు|వయసు"),
    *(f"{n} ఏళ్ల {s}" for n in range(10, 18) for s in ("అమ్మాయి", "అబ్బాయి", "పాప", "కుర్రాడు", "వయసు")),
    *(f" {n} ఏళ్ల {s}" for n in range(1, 10) for s in ("అమ్మాయి", "అబ్బాయి", "పాప", "కుర్రాడు", "వయసు")),
    # Tamil: grades ("ஏழாம் வகுப்பு", "7வது வகுப்பு"; not the first and second, a train's classes too), ages in words
    # and digits (also "வயசு", "வயதான"), little ones
    *(f"{o}{e} வகுப்பு" for o in ("மூன்றா", "நான்கா", "ஐந்தா", "ஆறா", "ஏழா", "எட்டா", "ஒன்பதா", "பத்தா", "பதினொன்றா",
                                  "பன்னிரண்டா") for e in ("ம்", "வது")),
    *(f"{n}{e} வகுப்பு" for n in range(3, 13) for e in ("ஆம்", "-ஆம்", "வது", "-வது", "ம்")), "வகுப்பு மாணவி",
    "வகுப்பு மாணவன்", "வகுப்பு படிக்கும்", "பள்ளி மாணவன்",
    "ஆரம்பப் பள்ளி", "தொடக்கப் பள்ளி", "சின்ன பொண்ணு", "சின்னப் பெண்", "சின்ன பையன்", "குட்டிப் பெண்", "குட்டி பொண்ணு",
    "பாப்பா", "டீனேஜ்",
    *_ages("ஐந்து ஆறு ஏழு எட்டு ஒன்பது பத்து", "வயது|வயசு|வயதான|வயதுடைய", lead=" "),
    *_ages("பதினொரு பன்னிரண்டு பதின்மூன்று பதினான்கு பதினைந்து பதினாறு பதினேழு", "வயசு|வயதான|வயதுடைய"),
    *_ages(_TEENS, "வயது|வயசு|வயதான|வயதுடைய"), *_ages(_UNITS, "வயது|வயசு|வயதான|வயதுடைய", lead=" "),
    # Kannada: "class" in English letters, studying in a class, schoolgirls, "ಹನ್ನೆರಡರ ಹರೆಯ" (aged twelve)
    "ನೇ ಕ್ಲಾಸ್", "ನೆಯ ಕ್ಲಾಸ್", "ತರಗತಿಯಲ್ಲಿ ಓದು", "ಪುಟ್ಟ ಬಾಲೆ", "ಶಾಲಾ ಬಾಲೆ", "ಹೈಸ್ಕೂಲ್ ಹುಡುಗಿ", "ಟೀನೇಜ್",
    *(f"{n}ರ ಹರೆಯ" for n in ("ಹತ್ತ", "ಹನ್ನೊಂದ", "ಹನ್ನೆರಡ", "ಹದಿಮೂರ", "ಹದಿನಾಲ್ಕ", "ಹದಿನೈದ", "ಹದಿನಾರ", "ಹದಿನೇಳ")),
    # Sinhala: grades ("හත්වන ශ්‍රේණියේ", with and without the joiner), ages ("දොළොස් හැවිරිදි"), little ones, teens
    "වන ශ්‍රේණිය", "වැනි ශ්‍රේණිය", "වන ශ්රේණිය", "වැනි ශ්රේණිය", "පාසල් සිසුවා", "පාසල් සිසුවෙක්", "පාසල් ශිෂ්‍යාව",
    "ප්‍රාථමික පාසල", "ප්රාථමික පාසල", "පුංචි දුව", "පොඩි කෙල්ල", "පුංචි කෙල්ල", "පොඩි කොල්ලා", "ගැටවර", "බාල වයස්කාර",
    "අවුරුදු 18ට අඩු",
    *_ages("එකොළොස් දොළොස් දහතුන් දහහතර පහළොස් දහසය දහහත්", "හැවිරිදි"),
    *_ages("පස් හය හත් අට නව දස දහ", "හැවිරිදි", lead=" "), *_ages(_TEENS, "හැවිරිදි"), *_ages(_UNITS, "හැවිරිදි", lead=" "),
    *(f"වයස අවුරුදු {n}ක" for n in range(1, 18)), *(f"වයස අවුරුදු {n} " for n in range(1, 18)),
    # Nepali (and Hindi, the same script): grades ("कक्षा सातकी", "सातौं कक्षा", "सातवीं कक्षा"), little ones, children
    *(f"कक्षा {w}{s}" for w in ("एक", "दुई", "तीन", "चार", "पाँच", "छ", "सात", "आठ", "नौ", "दश", "एघार", "बाह्र")
      for s in ("की", "को", "मा")),
    "ौं कक्षा", "पहिलो कक्षा", "दोस्रो कक्षा", "तेस्रो कक्षा", "चौथो कक्षा", "वीं कक्षा", "वीं क्लास", "सानी नानी", "सानो बाबु",
    "केटाकेटी", "स्कुले", "स्कुलकी", "स्कुलको केटा", "स्कुल पढ्ने",
    # Burmese: grades ("ခုနစ်တန်း"; not "ပထမတန်း"/"ဒုတိယတန်း", first/second class), ages ("၁၂ နှစ်အရွယ်", "အသက် ၁၂ နှစ်"),
    # little ones
    "တတိယတန်း", "စတုတ္ထတန်း", "ပဉ္စမတန်း", "ဆဋ္ဌမတန်း", "သတ္တမတန်း", "အဋ္ဌမတန်း", "နဝမတန်း", "ခုနစ်တန်း", "ရှစ်တန်း",
    "ကိုးတန်း", "လေးတန်း", "ခြောက်တန်း", "တန်းကျောင်းသူ", "တန်းကျောင်းသား", "အလယ်တန်း", "သားလေး", "နို့စို့ကလေး",
    "အရွယ်မရောက်သေး",
    *_ages(_MY_TEENS + " " + _TEENS, "နှစ်အရွယ်|နှစ်သမီး|နှစ်သား"), *(f"{n}နှစ်အရွယ်" for n in _MY_TEENS.split()),
    *_ages(_MY_UNITS + " " + _UNITS, "နှစ်အရွယ်|နှစ်သမီး|နှစ်သား", lead=" "),
    *(f"အသက် {n} နှစ်" for n in (*_MY_TEENS.split(), *_MY_UNITS.split(), *_TEENS.split(), *_UNITS.split())),
    *(f"{p}{n}{s}" for p, s in (("အသက် ", ""), ("အသက်", ""), (" ", "အရွယ်"))
      for n in ("ဆယ်နှစ်", "ဆယ့်တစ်နှစ်", "ဆယ့်နှစ်နှစ်", "ဆယ့်သုံးနှစ်", "ဆယ့်လေးနှစ်", "ဆယ့်ငါးနှစ်", "ဆယ့်ခြောက်နှစ်",
                "ဆယ့်ခုနစ်နှစ်")),
    # Amharic: grades ("የ7ኛ ክፍል ተማሪ"; "ክፍል" alone is also a room), "ሕጻን", "ጨቅላ", "ኮረዳ", ages ("የ12 ዓመት ሴት")
    "ኛ ክፍል ተማሪ", "ኛ ክፍል የምትማር", "ኛ ክፍል የሚማር", "ሕጻን", "ህጻን", "ጨቅላ", "ኮረዳ",
    *_ages(_TEENS, "ዓመት ሴት|አመት ሴት|ዓመቷ|አመቷ|ዓመት ወንድ"), *_ages(_UNITS, "ዓመት ሴት|አመት ሴት|ዓመቷ|አመቷ|ዓመት ወንድ", lead=" "),
    *(f"{n} {s}" for n in ("አስር", "አስራ አንድ", "አስራ ሁለት", "አስራ ሶስት", "አስራ አራት", "አስራ አምስት", "አስራ ስድስት",
                            "አስራ ሰባት") for s in ("ዓመት ሴት", "አመት ሴት", "ዓመቷ", "አመቷ")),
    # Pashto: grades ("اووم ټولګی"), ages in years ("د دولسو کلونو"), "تنکۍ نجلۍ", school pupils
    "م ټولګی", "م ټولګي", "ټولګي زده کوونک", "ښوونځي زده کوونک", "تنکۍ نجل", "تنکی هلک",
    *_ages("لسو یوولسو دولسو دیارلسو څوارلسو پنځلسو شپاړسو اوولسو", "کلونو"), *_ages(_TEENS, "کلنۍ"),
    # Armenian: "-grader" ("վեցերորդ դասարանցի"), ordinal classes, ages under 11 ("տասը տարեկան"), little ones, teens
    "դասարանցի", "դասարանի աղջիկ", "դասարանի տղա", "երորդ դասարան", "առաջին դասարան", "րդ դասարան", "փոքր աղջիկ",
    "փոքր տղա", "պստիկ", "փոքրիկներ", "մանուկ", "պատանի", "պատանեկան", "ամյա աղջիկ", "ամյա տղա",
    *_ages("հինգ վեց յոթ ութ ինը տասը տաս", "տարեկան", lead=" "), *_ages(_TEENS, "տարեկան"),
    *_ages(_UNITS, "տարեկան", lead=" "),
    # Georgian: "-grader" ("მეშვიდე კლასელი"), ordinal classes, ages before a child noun, "ბიჭუნა", "თინეიჯერი"
    " კლასელ", "კლასის გოგო", "კლასის ბიჭ", "გოგონებ", "ბიჭუნა", "პაწია გოგო", "პაწაწინა", "თინეიჯერ", "სკოლელ",
    *(f"{o} კლას" for o in ("მესამე", "მეოთხე", "მეხუთე", "მეექვსე", "მეშვიდე", "მერვე", "მეცხრე", "მეათე", "მეთერთმეტე",
                            "მეთორმეტე")),
    *_ages("ხუთი ექვსი შვიდი რვა ცხრა ათი", "წლის გოგო|წლის ბიჭ", lead=" "), *_ages(_TEENS, "წლის გოგო|წლის ბიჭ"),
    *_ages(_UNITS, "წლის გოგო|წლის ბიჭ", lead=" "),
    # Tajik: grades ("синфи ҳафтум"), "духтари даҳсола" ("даҳсола" alone is also a decade), "духтарак", "бачаҳо"
    *(f"синфи {o}" for o in ("сеюм", "чорум", "панҷум", "шашум", "ҳафтум", "ҳаштум", "нӯҳум", "даҳум",
                             "ёздаҳум", "дувоздаҳум")),
    "хонандаи мактаб", "духтарак", "писарак", "бачаҳо", "бачаи хурд", "бачагон", "тифл", "хурдсол",
    *(f"{w}и {n}сола" for w in ("духтар", "писар") for n in ("панҷ", "шаш", "ҳафт", "ҳашт", "нӯҳ", "даҳ")),
    # Mongolian (Cyrillic): class pupils ("долдугаар ангийн охин"), "арван настай" (10), oblique "хүүхд-", schoolgirls
    "дугаар ангийн охин", "дүгээр ангийн охин", "дугаар ангийн хүү", "дүгээр ангийн хүү", "ангид сурдаг", "ангид сурч",
    "арван настай", "арван насны", "хүүхд", "сургуулийн охин", "бага насны", "өсвөр үеийн", "жаал хүү", "жаалхүү",
    # Yiddish: ordinal classes ("אין זיבעטן קלאס"), ages ("צען יאר אלט"), "שול מיידל", "אינגעלע"
    *(f"{o}{e} קלאס" for o in ("דריט", "פערט", "פינפט", "פֿינפֿט", "זעקסט", "זיבעט", "אכט", "אַכט", "ניינט",
                                "צענט") for e in ("ן", "ער")),
    "שול מיידל", "שולמיידל", "אינגעלע", "קליינער יונג", "קליינעם יונג", "פיצעלע",
    *_ages("פינף פֿינף זעקס זיבן אכט אַכט ניין צען", "יאר אלט|יאָר אַלט|יאר אַלט", lead=" "),
    *_ages(_TEENS, "יאר אלט|יאָר אַלט|יאר|יאָר"), *_ages(_UNITS, "יאר אלט|יאָר אַלט", lead=" "),
    # Serbian (Cyrillic): grades ("ученица шестог разреда", "у петом разреду"; not the first and second, a train's
    # classes too), ages as compounds and digits, high schoolers, kids' slang (not "клинци": Macedonian nails)
    *(f"{o} {c}" for o, c in (("трећег", "разреда"), ("четвртог", "разреда"), ("петог", "разреда"), ("шестог", "разреда"),
                               ("седмог", "разреда"), ("осмог", "разреда"), ("трећем", "разреду"), ("четвртом", "разреду"),
                               ("петом", "разреду"), ("шестом", "разреду"), ("седмом", "разреду"), ("осмом", "разреду"))),
    "трећи разред", "четврти разред", "пети разред", "шести разред", "седми разред",
    "осми разред", "средњошкол", "гимназијал", "основц", "клинк", "клинац", "девојчурак", "мала девојка",
    "мали дечко", "дечкић",
    # ("петогодишњ", "десетогодишњ" also end "двадесетпетогодишња", 25, "двадесетогодишња", 20: after a space only)
    *(f" {n}годишњ" for n in ("пето", "шесто", "седмо", "осмо", "девето", "десето")),
    *(f"{n}годишњ" for n in ("једанаесто", "дванаесто", "тринаесто", "четрнаесто", "петнаесто", "шеснаесто",
                             "седамнаесто")),
    *_ages(_TEENS, "годишњ"), *(f"{n}-годишњ" for n in range(10, 18)), *(f" {n}-годишњ" for n in range(1, 10)),
    *(f"има {n} година" for n in (*range(11, 18), "једанаест", "дванаест", "тринаест", "четрнаест", "петнаест",
                                  "шеснаест", "седамнаест")),
    # Hindi: ages before a child noun ("दस साल की लड़की", "12 वर्षीय"), teens, grades 1-4 and 6, little ones
    "किशोर लड़की", "किशोर लड़का", "पहली कक्षा", "दूसरी कक्षा", "तीसरी कक्षा", "चौथी कक्षा", "छठी कक्षा", "छोटी सी लड़की",
    "छोटा सा लड़का", "प्राइमरी स्कूल", "मिडिल स्कूल", "लड़कपन",
    *_ages("पांच पाँच छह छः सात आठ नौ दस", "साल की लड़की|साल का लड़का|वर्षीय लड़की|वर्षीय लड़का|साल की उम्र|बरस की लड़की", lead=" "),
    *_ages(_DEVA_TEENS + " " + _TEENS, "साल की लड़की|साल का लड़का|वर्षीय|साल की उम्र"),
    *_ages(_DEVA_UNITS + " " + _UNITS, "साल की लड़की|साल का लड़का|वर्षीय|साल की उम्र", lead=" "),
    # Bengali: grades ("সপ্তম শ্রেণি", "ক্লাস সেভেন"), ages before a child noun, little ones, schoolgirls
    *(f"{o} {c}" for o in ("তৃতীয়", "চতুর্থ", "পঞ্চম", "ষষ্ঠ", "সপ্তম", "অষ্টম", "নবম", "দশম") for c in ("শ্রেণি", "শ্রেণী")),
    *(f"ক্লাস {n}" for n in ("থ্রি", "ফোর", "ফাইভ", "সিক্স", "সেভেন", "এইট", "নাইন", "টেন")),
    "শ্রেণির ছাত্রী", "শ্রেণীর ছাত্রী", "ছোট্ট মেয়ে", "ছোট্ট ছেলে", "কিশোর ছেলে", "খুকি", "স্কুলের ছাত্রী", "স্কুল ছাত্র",
    *_ages("পাঁচ ছয় সাত আট নয় দশ", "বছরের মেয়ে|বছরের ছেলে|বছর বয়সী", lead=" "),
    *_ages("১০ ১১ ১২ ১৩ ১৪ ১৫ ১৬ ১৭ " + _TEENS, "বছরের মেয়ে|বছরের ছেলে|বছর বয়সী"),
    *_ages("১ ২ ৩ ৪ ৫ ৬ ৭ ৮ ৯ " + _UNITS, "বছরের মেয়ে|বছরের ছেলে|বছর বয়সী", lead=" "),
    # Thai: primary and lower-secondary grades ("ชั้น ป.6", "ม.2"; a bare "ม.1" is also an address's village number), ages
    *(f"{p}{g}.{n}" for p in ("ชั้น ", "ชั้น", "นักเรียน ") for g in ("ป", "ม") for n in range(1, 7)),
    "มัธยมต้น", "หนูน้อย", "วัยใส", *(f"อายุ {n} ปี" for n in range(1, 18)), *(f"อายุ{n}ปี" for n in range(1, 18)),
    # Ukrainian: "десятирічна", typographic apostrophes, the "-класниця" graders, ordinal classes
    "десятирічн", "п’ятирічн", "дев’ятирічн", "девятирічн", "маленька дівчина",
    *(f"{n}класни{e}" for n in ("першо", "друго", "третьо", "четверто", "п'яти", "п’яти", "шести", "семи", "восьми",
                                "дев'яти", "дев’яти") for e in ("ц", "к")),
    *(f"{n} клас{e}" for n in ("третього", "четвертого", "п'ятого", "п’ятого", "шостого", "сьомого", "восьмого",
                               "дев'ятого", "дев’ятого") for e in ("у",)),
    *(f"{n} класі" for n in ("третьому", "четвертому", "п'ятому", "п’ятому", "шостому", "сьомому", "восьмому",
                            "дев'ятому", "дев’ятому")),
)

_SEXUAL_OTHER_6: tuple[str, ...] = (
    # Urdu ("بالغوں کے لیے" only after a space: "نابالغوں کے لیے" is "for minors"), undressing (also with the damma
    # "اُتار"), "بے لباس", indecent and provocative dances, a camera on the body, a man's bed and lap
    " بالغوں کے لیے", " بالغوں کے لئے", " بالغ ناظرین", "صرف بالغ", "بالغان کے لیے", "کپڑے اُتار", "کپڑے اتارتی", "لباس اتار",
    "لباس اُتار", "بے لباس", "بےلباس", "کپڑوں کے بغیر", "زیرجامہ", "انڈروئیر", "انڈر ویئر", "انڈرگارمنٹس", "جانگیہ",
    "عریاں", "فحش انداز", "فحش رقص", "فحش حرکات", "بیہودہ رقص", "بیہودہ انداز", "بے ہودہ انداز", "نازیبا انداز",
    "نازیبا حرکات", "نازیبا رقص", "نازیبا تصاویر", "اشتعال انگیز رقص", "اشتعال انگیز انداز", "شہوت انگیز",
    "جسم پر زوم", "جسم کا کلوز اپ", "جسم پر کیمرہ", "کیمرہ اس کے جسم", "مرد کے ساتھ بستر", "آدمی کے ساتھ بستر",
    "مرد کے ساتھ رومانس", "آدمی کے ساتھ رومانس", "آدمی کی گود", "آدمی کو چوم",
    # Punjabi (Gurmukhi): undressing ("ਕੱਪੜੇ ਲਾਹ"), with and without the nukta, lust, provocative dances, camera, a man
    " ਬਾਲਗਾਂ ਲਈ", " ਬਾਲਗ ਦਰਸ਼ਕ", "ਸਿਰਫ ਬਾਲਗਾਂ", "ਕੇਵਲ ਬਾਲਗ", "ਕਪੜੇ ਉਤਾਰ", "ਕੱਪੜੇ ਲਾਹ", "ਕਪੜੇ ਲਾਹ", "ਨਿਰਵਸਤਰ",
    "ਅੰਡਰਵੇਅਰ", "ਅੰਦਰਲੇ ਕੱਪੜੇ", "ਨਗਨ", "ਅਸਲੀਲ", "ਭੜਕਾਊ ਡਾਂਸ", "ਭੜਕਾਊ ਨਾਚ", "ਭੜਕਾਊ ਅੰਦਾਜ਼", "ਉਤੇਜਕ ਡਾਂਸ",
    "ਉਤੇਜਕ ਅੰਦਾਜ਼", "ਮਾਦਕ ਅੰਦਾਜ਼", "ਮਾਦਕ ਡਾਂਸ", "ਵਾਸਨਾ", "ਹਵਸ", "ਕੈਮਰਾ ਉਸਦੇ ਸਰੀਰ", "ਕੈਮਰਾ ਉਸ ਦੇ ਸਰੀਰ",
    "ਸਰੀਰ ਦਾ ਕਲੋਜ਼ਅੱਪ", "ਸਰੀਰ ਦਾ ਕਲੋਜ਼ ਅੱਪ", "ਆਦਮੀ ਨਾਲ ਬਿਸਤਰ", "ਆਦਮੀ ਨਾਲ ਬੈੱਡ", "ਆਦਮੀ ਨਾਲ ਰੋਮਾਂਸ", "ਮਰਦ ਨਾਲ ਰੋਮਾਂਸ",
    "ਆਦਮੀ ਨੂੰ ਚੁੰਮ", "ਮਰਦ ਦੀ ਗੋਦ", "ਬੰਦੇ ਦੀ ਗੋਦ",
    # Gujarati: undressing ("કપડાં કાઢ"), underwear, sensual/arousing/provocative dances, lust, obscene, camera, a man
    "પુખ્ત વયના લોકો માટે", "પુખ્ત દર્શકો", "ફક્ત પુખ્ત", "કપડા ઉતાર", "કપડાં કાઢ", "કપડા કાઢ", "વસ્ત્રો ઉતાર", "નિર્વસ્ત્ર",
    "આંતરવસ્ત્ર", "અંડરવેર", "પેન્ટી", "માદક અદા", "માદક ડાન્સ", "માદક નૃત્ય", "ઉત્તેજક નૃત્ય", "ઉત્તેજક ડાન્સ",
    "ઉત્તેજક અદા", "ઉત્તેજક રીતે", "ભડકાઉ ડાન્સ", "ભડકાઉ નૃત્ય", "ભડકાઉ કપડાં", "વાસના", "બીભત્સ", "શરીર પર ઝૂમ",
    "શરીર પર કેમેરા", "શરીરનો ક્લોઝઅપ", "શરીરનો ક્લોઝ-અપ", "પુરુષ સાથે પલંગ", "પુરુષ સાથે બેડ", "પુરુષ સાથે રોમાન્સ",
    "માણસ સાથે રોમાન્સ", "પુરુષને ચુંબન", "પુરુષને કિસ", "માણસના ખોળામાં", "પુરુષના ખોળે",
    # Marathi (and Hindi, Nepali: one script): undressing ("कपडे उतरव", "नागडी"), sensual dances, lust, adult viewers,
    # a camera on the body, a man's bed
    "प्रौढ प्रेक्षकांसाठी", "केवळ प्रौढांसाठी", "कपडे उतरव", "वस्त्र उतरव", "नागडी", "नागडा", "नागडे", "मादक नृत्य", "मादक अदा",
    "मादक पद्धतीने", "वासना", "उत्तान नृत्य", "उत्तान अदा", "उत्तान पोज", "उत्तान कपड", "शरीरावर झूम", "शरीरावर कॅमेरा",
    "शरीराचा क्लोजअप", "पुरुषासोबत बेड", "पुरुषासोबत पलंग", "पुरुषासोबत रोमान्स", "माणसासोबत रोमान्स", "पुरुषाला किस",
    # Telugu: undressing ("బట్టలు తీస్తోంది", "బట్టలిప్పి"), provocative/romantic dances and scenes, lust, camera, a man
    "వయోజనులకు మాత్రమే", "పైబడిన వారికి మాత్రమే", "బట్టలు తీస", "బట్టలు తీయ", "దుస్తులు విప్ప", "దుస్తులు తీస",
    "బట్టలు లేని", "బట్టలిప్ప", "ప్యాంటీ", "రెచ్చగొట్టే డాన్స్", "రెచ్చగొట్టే నృత్యం", "రెచ్చగొట్టే విధంగా",
    "రెచ్చగొట్టే భంగిమ", "శృంగార నృత్యం", "శృంగార భంగిమ", "శృంగార సన్నివేశ", "శృంగారం", "కామంతో", "కామ కోరిక",
    "మత్తుగా డాన్స్", "సెక్సీ", "శరీరంపై జూమ్", "శరీరాన్ని జూమ్", "శరీరంపై కెమెరా", "మగవాడితో మంచం", "మగవాడితో బెడ్",
    "పురుషుడితో రొమాన్స్", "మగవాడితో రొమాన్స్", "మగవాడిని ముద్దు", "అతని ఒడిలో",
    # Tamil: undressing (with and without the sandhi "க்"), underwear, seductive dances and poses, lust, camera, a man
    "வயது வந்தோருக்கு மட்டும்", "வயது வந்தவர்களுக்கு மட்டும்", "ஆடையை கழற்ற", "ஆடையைக் கழற்ற", "ஆடைகளைக் கழற்ற",
    "உடைகளை கழற்ற", "உடைகளைக் கழற்ற", "உடையை கழற்ற", "உடையைக் கழற்ற", "துணிகளை கழற்ற", "ஆடை கழற்றி", "ஜட்டி",
    "கவர்ச்சியாக நடன", "கவர்ச்சியாக ஆடு", "கவர்ச்சியான போஸ்", "கவர்ச்சி போஸ்", "சிற்றின்ப", "காம உணர்வ", "சல்லாப",
    "பாலுணர்வ", "செக்ஸி", "உடலை ஜூம்", "உடல் மீது ஜூம்", "உடல்மீது ஜூம்", "உடலின் க்ளோஸ்அப்", "ஆணுடன் படுக்கையில்",
    "ஆணுடன் ரொமான்ஸ்", "ஆணுடன் காதல் காட்சி", "ஆணை முத்தமிட", "ஆண் மடியில்",
    # Kannada: adult viewers, undressing ("ಬಟ್ಟೆಗಳನ್ನು ಬಿಚ್ಚ"), sensual/provocative dances, lust, camera, a man's bed
    "ವಯಸ್ಕ ವೀಕ್ಷಕರಿಗೆ", "ದೊಡ್ಡವರಿಗೆ ಮಾತ್ರ", "ಬಟ್ಟೆಗಳನ್ನು ಬಿಚ್ಚ", "ಬಟ್ಟೆಯನ್ನು ಬಿಚ್ಚ", "ಉಡುಪು ಬಿಚ್ಚ", "ಉಡುಪನ್ನು ಕಳಚ",
    "ಬಟ್ಟೆ ತೆಗೆ", "ಮಾದಕ ನೃತ್ಯ", "ಮಾದಕವಾಗಿ", "ಮಾದಕ ಭಂಗಿ", "ಪ್ರಚೋದನಕಾರಿ ನೃತ್ಯ", "ಪ್ರಚೋದನಕಾರಿ ಭಂಗಿ", "ಪ್ರಚೋದನಕಾರಿಯಾಗಿ",
    "ಕಾಮಾತುರ", "ದೇಹದ ಮೇಲೆ ಜೂಮ್", "ದೇಹವನ್ನು ಜೂಮ್", "ದೇಹದ ಕ್ಲೋಸ್", "ಗಂಡಸಿನ ಜೊತೆ ಹಾಸಿಗೆ", "ಗಂಡಸಿನೊಂದಿಗೆ ಹಾಸಿಗೆ",
    "ಪುರುಷನೊಂದಿಗೆ ಹಾಸಿಗೆ", "ಗಂಡಸಿನ ಜೊತೆ ರೊಮ್ಯಾನ್ಸ್", "ಪುರುಷನನ್ನು ಚುಂಬಿಸ",
    # Sinhala: undressing ("ඇඳුම් ඉවත් කර", "නිරුවතින්"), underwear, sensual, camera, a man's bed and lap
    "වැඩිහිටියන් සඳහා පමණ", "වැඩිහිටි ප්‍රේක්ෂක", "වැඩිහිටි ප්රේක්ෂක", "ඇඳුම් ඉවත් කර", "ඇඳුම් නැතිව", "නිරුවත",
    "යට ඇඳුම", "තන පටිය", "සරාගී", "උත්තේජනාත්මක නර්තන", "සෙක්සි", "කැමරාව ඇගේ ශරීර", "ශරීරය සමීපව",
    "මිනිසෙකු සමඟ ඇඳේ", "පිරිමියෙකු සමඟ ඇඳේ", "මිනිසෙකු සමඟ ආදර", "පිරිමියෙකු සමඟ ආදර", "මිනිසෙකුගේ ඔඩොක්කුවේ",
    "පිරිමියෙකුගේ ඔඩොක්කුවේ", "මිනිසෙකු සිප", "පිරිමියෙකු සිප",
    # Nepali (and Hindi): adult viewers, undressing ("लुगा खोल्"), sensual/lewd dances, intercourse, camera, a man's bed
    "वयस्क दर्शक", "वयस्कहरूको लागि", "वयस्कको लागि", "लुगा खोल्", "कपडा खोल्", "नाङ्गिए", "कट्टु मात्र", "मादक नृत्य",
    "मादक शैली", "मादक तरिकाले", "छाडा नृत्य", "छाडा तरिका", "छाडापन", "सम्भोग", "संभोग", "शरीरमा जुम", "शरीरमा ज़ूम",
    "शरीर पर ज़ूम", "शरीर पर जूम", "पुरुषसँग ओछ्यान", "पुरुषसँग बेड", "पुरुषसँग रोमान्स", "पुरुषसँग रोमाण्टिक",
    # Burmese: over-18s, undressing ("အဝတ်အစားချွတ်"), stark naked, lust, sexual desire, camera, a man's bed and lap
    "အရွယ်ရောက်ပြီးသူများအတွက်", "၁၈ နှစ်အထက်", "18 နှစ်အထက်", "အဝတ်အစားချွတ်", "အဝတ်အစားတွေချွတ်",
    "အဝတ်အစား ချွတ်", "ကိုယ်လုံးတီး", "အဝတ်မဲ့", "ရမ္မက်", "ကာမဆန္ဒ", "လိင်စိတ်", "ခန္ဓာကိုယ်ကို ဇူးမ်",
    "ခန္ဓာကိုယ်ကို အနီးကပ်", "အမျိုးသားနဲ့ အိပ်ရာ", "ယောက်ျားနဲ့ အိပ်ရာ", "လူကြီးနဲ့ အိပ်ရာ", "ပေါင်ပေါ်မှာ ထိုင်",
    # Amharic: adult viewers, over-18s, undressing ("ልብሷን አወለቀች"), underwear, seductive, lust, arousing, camera, a man
    "ለአዋቂ ተመልካቾች", "ከ18 ዓመት በላይ", "ልብሷን አወለቀ", "ልብሷን አውልቃ", "ልብሱን አወለቀ", "ራቁቷን", "ራቁቱን", "ራቁታቸውን",
    "ፓንት", "ጡት መያዣ", "የውስጥ ልብስ", "ሚያማልል", "ፍትወት", "ስሜት ቀስቃሽ", "ሴሰኛ", "ሴሰኝነት", "ካሜራው ሰውነቷ",
    "ሰውነቷን በቅርበት", "ከወንድ ጋር አልጋ", "ከአዋቂ ወንድ ጋር", "ወንድን ሳመች", "ወንድ ትስማለች",
    # Pashto: for adults ("د لویانو لپاره": "د" keeps out "for children and adults"), undressing, underwear, lustful,
    # provocative, shameless, sexy, camera, a man's bed
    "د لویانو لپاره", "د بالغانو لپاره", "د بالغو لپاره", "لوی لیدونکو", "جامې یې وویست", "کالي یې وویست", "جامې وویست",
    "کالي وویست", "جامې لرې کړ", "زیر جامو", "لاندې جامې", "شهواني", "تحریک کوونک", "بې حیا نڅا", "بې حیايي", "سکسي",
    "بدن ته زوم", "بدن باندې زوم", "په بدن زوم", "سړي سره په بستر", "سړي سره په کټ", "سړي سره رومانس",
    # Armenian: undressing ("հանվեց", "շորերը հանում"), bra, seductive, arousing, indecent, lustful, sexual acts, camera
    "հանվեց", "հանվելով", "հանվող", "շորերը հան", "հագուստը հան", "կրծկալ", "տրուսիկ", "գայթակղիչ", "գրգռիչ",
    "անպարկեշտ", "վավաշոտ", "սեռական հարաբերություն", "սեռական պար", "սեռական ակտ", "մարմնին զում", "մարմնի վրա զում",
    "տղամարդու հետ անկողնում", "տղամարդու հետ ռոմանտիկ", "համբուրում է տղամարդու", "տղամարդու ծնկներին",
    # Georgian: adult audience, undressing ("ტანსაცმელს იხდის", "გაიხადა"), bra, provocative, lustful, indecent, camera
    "ზრდასრული მაყურებლისთვის", "ტანსაცმელს იხდის", "გაიხადა ტანსაცმელ", "ტანსაცმელი გაიხადა", "ბიუსტჰალტერ",
    "გამომწვევი ცეკვ", "გამომწვევად", "გამომწვევი პოზ", "ავხორც", "უხამს", "კამერა მის სხეულ", "სხეულზე ზუმ",
    "მამაკაცთან საწოლში", "მამაკაცთან ერთად საწოლ", "კაცთან ერთად საწოლ", "მამაკაცს კოცნის", "კაცს კოცნის",
    "მამაკაცის კალთაში",
    # Tajik: adult viewers, undressing ("либосҳояшро", "либосашро баровард"), underwear, bra, provocative, coquettish,
    # lust-inducing, shamelessly, camera, a man's bed
    "тамошобинони калонсол", "либосҳояшро", "либос мекашад", "либосашро баровар", "либоси зер", "синабанд",
    "фитнаангез", "ишвагар", "ҳавасангез", "бешармона рақс", "камера ба бадан", "бадани ӯро зум", "бо марде дар бистар",
    "бо мард дар бистар", "дар бистар бо мард", "бо мард дар кат",
    # Mongolian (Cyrillic): over-18s, undressing ("хувцас тайл", "хувцсаа хуул"), bra, underpants, lust, seductive,
    # indecent, debauchery, camera, a man's bed
    "18+ насн", "хувцас тайл", "хувцсаа хуул", "хөхний даруулга", "дотуур өмд", "дур хүсл", "дур тачаал", "уруу тат",
    "увайгүй", "садар", "биеийг томруул", "камер түүний бие", "эрэгтэйтэй орон", "эртэй орон",
    # Yiddish: undressing ("טוט אויס די קליידער", "נעמט אראפ"), bra, sensual, indecent, provocative, camera, bed
    "טוט אויס די קליידער", "טוט אויס איר קלייד", "נעמט אראפ די קליידער", "נעמט אַראָפּ די קליידער", "זיך אויסטאן",
    "בוסטהאלטער", "זינלעך", "זינלעכ", "אומאנשטענדיק", "פראוואקאטיוו", "זומט אויף איר קערפער", "קאמערע אויף איר קערפער",
    "אין בעט מיט א מאן", "אין בעט מיט אַ מאַן", "רעמאנטיש מיט א מאן",
    # Serbian (Cyrillic): undressing ("свукла", "скинула се"), thongs, provocatively, lustful, debauched, indecent,
    # sensual, camera, adult content, bedroom, a man's lap
    "свук", "свуч", "скинула се", "скинуо се", "скине се", "скида одећу", "скинула одећу", "скида хаљину", "скида грудњак",
    "разодева", "тангама", "изазовно плеш", "изазовно позир", "изазовни плес", "изазовну позу", "изазовне позе", "похотн",
    "разврат", "непристојно плеш", "непристојне позе", "сензуалн", "за пунолетне", "садржај за одрасле",
    "зумира на њено тело", "задржава на њеном телу", "крупни план њеног тела", "у спаваћој соби са мушкар",
    "сцена са одраслим мушкар", "на крилу мушкар",
    # Hindi: sensual and provocative dances, opening clothes, a man's bed, a close-up of the body
    "मादक अंदाज़", "मादक अंदाज", "मादक डांस", "भड़काऊ डांस", "भड़काऊ अंदाज़", "भड़काऊ अंदाज", "भड़काऊ कपड़े", "कपड़े खोल",
    "कपडे उतार", "आदमी के साथ बिस्तर", "मर्द के साथ बिस्तर", "आदमी के साथ रोमांस", "मर्द के साथ रोमांस", "आदमी को किस",
    "शरीर का क्लोज़अप",
    # Bengali: adults only, arousing dances, undressing, a man's bed, a camera on the body
    "শুধু প্রাপ্তবয়স্ক", "প্রাপ্তবয়স্ক দর্শক", "উত্তেজক নাচ", "উত্তেজক ভঙ্গি", "উত্তেজক ভাবে", "মাদকতাময়", "কামোত্তেজক",
    "জামা খুল", "পোশাক খুল", "বিবস্ত্র", "লোকের সাথে বিছানায়", "পুরুষের সাথে বিছানায়", "পুরুষের সাথে রোমান্স", "শরীরে জুম",
    # Thai: teasing dances and poses, adults only, stripping, a camera on the body, a man's bed
    "เต้นยั่ว", "ท่ายั่ว", "สำหรับผู้ใหญ่เท่านั้น", "เปลื้องผ้า", "ซูมร่างกาย", "ซูมไปที่ร่างกาย", "บนเตียงกับผู้ชาย",
    # Ukrainian: taking off clothes, seductive, lustful, indecent, provocative dances, a camera on the body
    "знімає одяг", "зняла одяг", "знімає з себе", "роздягл", "зваблив", "хтив", "непристойн", "провокативний танець",
    "провокативно танцю", "наближає її тіло", "зум на її тіло",
)

# No sexual word of this batch is an everyday word in some phrase: no collocation to mask.
BENIGN_SEXUAL_COLLOCATIONS_ADDED_6: str = ""

# Everyday words of these languages one edit from a policy word, that the normaliser's spelling correction must
# leave alone (found by normalising sentences of each language).
NOT_MISSPELLINGS_ADDED_6: frozenset[str] = frozenset((
    # Czech, Serbian/Croatian, Estonian, Lithuanian ("domem", at home, -> "homem"; "drugi", second, -> "drugs";
    # "vagona", of a wagon, and "vadina", calls, -> "vagina"; "pledo", of a blanket, -> "paedo"; "vejas", wind, -> "venas")
    "domem postel prace prstech stary covek deci drugi lepa posao vagona armas filmi tere lauke parka penio penkis "
    "pledo ragina rytas vadina vagia vargina vejas vynas "
    # Azerbaijani ("ə" is a space: "mühəndis" leaves "ndis" -> "nudis", "gələcək" "glck" -> "glock"), Uzbek
    "bacim clis glck nagil ndis polis rind sirin sizd sariq sekin uning "
    # Irish, Luxembourgish, Esperanto ("aŭdas" -> "nudas", "piedo" -> "paedo"), Javanese, Sundanese
    "einne fion leann traein ulla baken haart hinnen nemmen plage poseiert seet sengt virum virun "
    "audas forta piedo poste atos lemes ucing "
    # Somali ("horey", before, -> "horny"), Hausa, Kurdish, Samoan
    "horey kasta moodel ashirin shiru dansker heman stran temase maile "
    # Frequent words (wordfreq, top 100,000) of the languages here that wordfreq knows, that became a sexual or minor
    # term or a refused one: Czech "peníz" (coin) -> "penis", "bosý" (barefoot) -> "boys", "nenadálé" -> "nena dale";
    # Lithuanian "centai" (cents) -> "hentai", "pado" (of a sole) -> "paedo"; Serbian "arape" (Arabs) -> "rape";
    # Turkish "geniş" (wide) -> "penis", "sağına" (to its right) -> "vagina", "açsam" (if I opened) -> "csam"; Polish
    # "wzięci" (taken) -> "dzieci", "pardo" -> "paedo"; Malay and Indonesian "jenis" (kind) -> "penis", "tatap" (gaze)
    # -> "tatp", "disember" (December) -> "dismember"
    "audity bosy cinky flitry fondue grose gudas hojny hony kinsky minou nenadale ninou peniz pupik sichte sutry targa "
    "tepen tykev tyrat vinor volva aidos bradas centai gumines kidas nunes pado peris sekes vados vudas arape biras "
    "gorke acsam agina aydos cagina dagina enis genis gorevine gorme gorse kinay maceraperest sagina agory arcy babiej "
    "bralas gofry gorce gorne gorze niecne nieme niemce ogry pardo pupie rakowa rapie rasowa upil wzieci yanga deepak "
    "disember ganggang jenis tatap"
).split())
MINOR_WORDS_OTHER_SCRIPTS_ADDED_6: tuple[str, ...] = _nfkc(_MINOR_OTHER_6)
SEXUAL_WORDS_OTHER_SCRIPTS_ADDED_6: tuple[str, ...] = _nfkc(_SEXUAL_OTHER_6)


# --- batch "added 2026-12-05, second languages": what the lists above still miss in the smaller languages ----------
# Wired like the batch above (safety/defaults.py, migration safety 0017): "in a sexual / arousing way" as adverbial
# phrases, "filmed for grown-ups", undressing verbs in every inflection, school-child compounds and grades, ages as
# compounds, in languages where rows of these kinds still passed the rule.
_AF_NUM2 = ("(twee|drie|vier|vyf|ses|sewe|agt|nege|tien|elf|twaalf|dertien|veertien|vyftien|sestien|sewentien|"
            "[2-9]|1[0-7])")
_TL_LIG = ("(isang|dalawang|tatlong|apat na|limang|anim na|pitong|walong|siyam na|sampung|labing ?isang|"
           "labindalawang|labing ?dalawang|labintatlong|labing ?tatlong|labing ?apat na|labinlimang|labing ?limang|"
           "labing ?anim na|labimpitong|labing ?pitong)")
# Tagalog "dalawampu't lima" / "dalawampu at lima" is 25: a unit counts only after a word other than "t" or "at".
_AFTER_NOT_AT = r"(^|(\w\w\w+|[^a\W]\w|a[^t\W]|[^t\W]) )"
_TO_NUM = ("(taha|ua|tolu|fa|nima|ono|fitu|valu|hiva|hongofulu|hongofulu ma (taha|ua|tolu|fa|nima|ono|fitu)|"
           "taha (taha|ua|tolu|fa|nima|ono|fitu)|[1-9]|1[0-7])")
_ZU_XH_ORD = "(thathu|ne|hlanu|thupha|khombisa|shiyagalombili|shiyagalolunye|thandathu|xhenxe|bhozo|thoba)"

MINOR_TERMS_ADDED_7: list[str] = [
    # Javanese and Sundanese: "cah wedok" (the East Javanese "wedok" for "wadon"), Sundanese "yuswa" (age, polite),
    # "putri alit" (a little daughter)
    r"(cah|arek|bocah|anak(ku|e|na)?) wedo(k|q)", rf"yuswa(na|ne)? {_JV_NUM} (taun|tahun)",
    r"(putri|putra) (alit|abdi|kula)", r"cah sekolah(an)?",
    # Somali: a female pupil ("ardayad dugsi"), classes by a digit ("fasalka 7")
    r"ardayad(da|o|aha)? (\w+ )?(dugsi|iskuul|skuul)\w*", r"fasal(ka|ada)? ([3-9]|1[0-2])",
    # Hausa, Igbo, Yoruba: senior secondary classes ("SSS 2", 14-17; "JSS" is already an Igbo term), "'ya'yana mata"
    r"(yan|yar|dan|d an|dalib\w*|umu akwukwo|nwa akwukwo|akeko|omo|aji|klas|klaasi) (\w+ )?s?ss ?([1-3]|i|e|one|two|three)",
    r"ya yana mata", r"(yata|karamar yata|diyata) (karama|yar karama|yar makaranta)",
    # Igbo: classes by an ordinal ("klas nke asaa")
    r"kla(a)?s(i)? nke (ato|ano|ise|isii|asaa|asato|itoolu|iri)",
    # Yoruba: a girl of twelve years ("omobinrin odun mejila"), classes ("kilaasi keje")
    rf"(omobinrin|omokunrin|omodebinrin|omodekunrin) (\w+ )?odun {_YO_NUM}",
    r"kila(a)?si (keta|kerin|karun|kefa|keje|kejo|kesan|kewaa|kokanla|kejila)", r"ile ?iwe alakobere",
    # Luxembourgish: school-girl compounds ("Schoulmeedchen", "Grondschoulmeedchen"), pupils, "Schoulbouf"
    r"\w+meedchen\w*", r"schoul(bouf|jong|jongen|kanner)\w*", r"(grondschoul|primar)schuler\w*",
    # Maori: ages under 10 with the possessive ("e waru ona tau": "e rima tau" alone is also five years)
    r"(e|he|kotiro|tamaiti|tamahine|tamaroa) (tahi|rua|toru|wha|rima|ono|whitu|waru|iwa) (ona|o ona|tona) tau",
    # Samoan: "fanau laiti" (little children), "lo'u afafine" (my daughter; bare "afafine" is also a daughter of any age)
    r"fanau (laiti|itiiti|aoga)", r"teine ?aoga", r"(lou|lo u|la u|lau) afafine",
    # Tongan ("ta'ahine" alone is also a young woman: only "ki'i ta'ahine", little girl, or with a school or an age)
    r"ki i (ta ahine|tamasi i|leka|tamaiki|fanau)", r"(ta ahine|tamasi i) (ako|lautohi|si i)", r"tamaiki( ako| iiki)?",
    r"fanau (iiki|ako|ako lautohi)", rf"(ta ahine|tamasi i|tamaiki|leka|pepe|fanau) (\w+ )?ta u {_TO_NUM}",
    r"lautohi (si i|pule anga|lautohi)", r"(hoku|hono|ho ku) ofefine", r"kalasi ([3-8]|tolu|fa|nima|ono|fitu|valu)",
    r"foomu ([1-6]|taha|ua|tolu|fa|nima|ono)",
    # Malagasy: "mpianatra kely" (a little pupil)
    r"mpianatra (kely|madinika)",
    # Kinyarwanda: "utwana" (little children), "umunyeshuri w'umukobwa" in primary school
    r"utwana", r"umunyeshuri w umukobwa (\w+ )?(mu )?(mashuri abanza|wiga mu wa)",
    # Zulu and Xhosa: school pupils ("umfundi wesikole"), grades in words ("ibanga lesikhombisa", Xhosa "ibakala")
    r"\w*fundi (\w+ )?(wesikole|besikole|wesikolo|besikolo|wamabanga|bamabanga|webanga|lebanga)\w*",
    rf"(ibanga|ebangeni|kwibanga|ibakala|kwibakala|ebakaleni) (le|lwe)(si)?{_ZU_XH_ORD}",
    r"(ibakala|kwibakala|ebakaleni) (le|lesi|lwesi)? ?([3-9]|1[0-2])",
    # Afrikaans: ages as compounds in its own numerals ("vyfjarige", "sewentienjarige"), grades in words
    rf"{_AF_NUM2} ?jarige (meisie|seun|kind|dogter|leerling|tiener|skoolmeisie|sussie|broertjie)\w*", r"graad (een|twee|drie|vier|vyf|ses|sewe|agt|nege|tien|elf|twaalf) (leerling|meisie|seun|kind|klas)\w*",
    r"(in|uit) graad (een|twee|drie|vier|vyf|ses|sewe|agt|nege|tien|elf|twaalf)",
    # Tagalog: ages with the linker ("sampung taong gulang"), "12 anyos", grades by digit ("ika-7 baitang"), "anak kong babae"
    rf"{_AFTER_NOT_AT}{_TL_LIG} taong gulang", r"([1-9]|1[0-7]) (na )?(anyos|taong gulang)", r"ika ?([1-9]|1[0-2]) (na )?baitang",
    r"baitang ([1-9]|1[0-2])", r"anak (kong|ko na|nakong) (babae|babaye)",
    # Cebuano: "gamay nga babaye" (a little girl), "anak nga babaye"
    r"gamay nga (babaye|batang babaye|lalaki|bata)\w*", r"gamayng (bata|babaye)\w*", r"anak nga babaye",
    # Haitian Creole: ages in liaison ("dizan", "douzan") after "gen" or a child noun, "lane", the basic school years
    r"(gen|genyen|laj|tifi|ti fi|ti gason|timoun|pitit) (\w+ )?(senkan|sizan|setan|uitan|nevan|dizan|onzan|douzan|trezan|katozan|kenzan|sezan|disetan)",
    r"(gen|genyen|laj) ([1-9]|1[0-7]) (lane|zan)", r"(\w+yem )?ane fondamantal", r"lekol fondamantal",
]

SEXUAL_TERMS_ADDED_7: list[str] = [
    # Javanese and Sundanese: a teasing look, dances ("joged"), for men to watch, undressing ("nyopot klambine",
    # "ngudani", Sundanese "ngalaan baju"; children also undress for a bath), "kotang"
    r"(pandangan|mripat|tatapan|panon) (sing |anu |nu )?(nggoda|nggodha|menggoda|ngagoda)\w*",
    r"n?joged (\w+ )?(saru|jorok|erotis|nakal|hot)", r"(kanthi|kelawan|sacara|kalayan) (saru|jorok|birahi|jorang)",
    r"(kanggo|pikeun|keur) (wong lanang|lalaki|priya|pameget) (\w+ )?(nonton|ndelok|ndeleng|lalajo|ningali)",
    r"(nyopot|dicopot|copot|nyopoti|dicopoti|mbukak|dibukak) (kabeh )?(klambine|sandhangane|rasukane|rok(e|ne)|kathok(e|ne)|kotang(e|ne))",
    r"(ngudani|diudani)( awak(e|ne)| dheweke)?", r"udani (awak(e|ne)|dheweke)", r"(ngalaan|dilaan|nga laan) (\w+ )?(baju|pakean|calana|rok|acukna)\w*",
    r"kotang\w*", r"ngabuligir\w*",
    # Somali: arousingly ("si kicin leh"), filmed for adults, for men to watch, undressing in its inflections
    r"si (kicin|kiciya|kicisa|kacsi) (leh|ah)", r"(loo|loogu) (duubay|sameeyay|filimay|duuban) (\w+ )?dadka waaweyn",
    r"si (ay )?ragg?(a|u|ga|gu)? (ay )?u daawad\w*",
    r"(iska )?(furaysa|furtay|furay|bixinaysa|bixisay|siibaysa|siibtay|dhigtay|dhigaysa) dhark(a|eeda|iisa|ooda)",
    # Hausa: lust ("sha'awar jima'i", "kallon sha'awa"), filmed for adults and men, undressing ("ta tube", "cire kayan jiki")
    r"sha ?awar (jima ?i|banza|lalata)", r"kallon sha ?awa", r"hanyar (lalata|batsa)",
    r"(don|domin|saboda) (manya|maza) (su )?kall\w*", r"cire (duk )?kayan jiki(nta|nsa)?", r"(ta|ya|tana|yana) tu(b| )e\w*",
    r"bu(d| )e rigar(ta|sa)",
    # Igbo: in a sexual/lustful way, for adults, for men to watch, undressing in its continuous forms
    r"n uzo (mmeko|aguu|agu)", r"(ji|na|nwere) aguu mmeko", r"(vidiyo|foto|ihe nkiri|onyonyo) (\w+ )?maka ndi okenye", r"ka (umu )?(nwoke|ndi ikom) (na )?(le|lee|ele)\w*",
    r"e(yipu|wepu)\w* (\w+ )?(uwe|akwa)\w*",
    # Yoruba: lewdly ("iwokuwo"), filmed for adults, for men to watch, underwear ("aso abe")
    r"iwokuwo", r"(ya|yaworan|ti a ya|gba sile) (\w+ )?fun (awon )?agbalagba", r"fun (awon )?okunrin lati wo", r"aso abe",
    # Luxembourgish: for men to watch, "fir Erwuesse", undressing ("ausgezunn", "mécht hir Kleeder op")
    r"fir (d )?manner (ze |fir ze )?kucken", r"fir erwuesse", r"ausgezunn\w*",
    r"mecht (hir|seng|hiert|sai) (\w+ )?(kleeder|kleed|bluse|box) op",
    # Maori: sexual ("taera"), filmed for adults, for men to watch
    r"taera", r"(hopu|kiriata|whakaahua|ataata)\w* (\w+ )?mo nga pakeke", r"mo nga tane (hei )?matakitaki",
    # Samoan: tempting looks and ways, filmed for adults, for men to watch
    r"(i se auala|vaai|vaaiga|tu|tilotilo) (\w+ )?(faaosooso|fa aosooso)\w*", r"(pueina|pu eina|ata) (\w+ )?mo tagata matutua",
    r"mo (alii|ali i|tamaloloa) e matamata",
    # Tongan: sexual ("fakasekisi"), seductive ("fakatauele"), lust ("holi kovi"), undressing, underwear, for adults
    r"(faka)?sekisi", r"fakatauele", r"holi kovi", r"(to o|vete|hu i) (hono |hono ngaahi |e )?vala", r"vala i lalo",
    r"(ma ae|ma e) kakai lalahi", r"kakai lalahi pe",
    # Malagasy: lewd dances and ways ("dihy maloto"; "akanjo maloto" is dirty clothes), filmed for adults, undressing
    r"(dihy|fihetsika|fomba) maloto", r"(nalaina|noraisina|natao|voarakitra) (\w+ )?ho an ny olon ?dehibe",
    r"ho jeren ny lehilahy", r"(nesoriny|esoriny|manesotra|nanesotra|niala) (ny )?akanjo\w*",
    # Kinyarwanda: provocatively, filmed for adults, for men to watch, in underwear
    r"(buryo|uburyo) (bw )?(bushotora|bwo gushotora|bw ubusambanyi|bw irari)",
    r"(byafashwe|yafashwe|yakozwe|byakozwe) (\w+ )?(ku )?bantu bakuru", r"abagabo (ba)?reb(e|a)", r"myenda y imbere",
    # Zulu and Xhosa: sexually ("ngokocansi", "ngokwesondo"), seductively, filmed for adults, for men to watch, undressing oneself
    r"ngokocansi", r"ngokwesondo", r"ngokuyenga\w*", r"ngokuhenda\w*",
    r"(kuthwetshulwe|kuqoshwe|ithwetshulwe|yaqoshwa|ifilimu|ividiyo) (\w+ )?(yabantu abadala|kwabantu abadala|kubantu abadala)",
    r"(ukuze|ukuba) amadoda a?buk\w*", r"\w*(zi)?hlubul\w* (\w+ )?(iimpahla|impahla|izingubo)",
    # Afrikaans: lustful, for grown-ups, for men to watch, taking off a dress, undressing, naked ("nakend")
    r"wellustig\w*", r"(net |slegs )?vir grootmense (alleen|net)", r"(net|slegs) vir grootmense", r"vir mans om (na )?te kyk",
    r"trek (sy|haar|hul) (rok|broek|onderklere|bra|romp|bloese|onderbroek)\w* uit", r"ontklee\w*",
    r"(poedel)?nakend\w*",
    # Tagalog: sexually ("sekswal"), lewd ("mahalay"), for men to watch, undressing ("hinubad", "tinanggal ang damit")
    r"(sekswal|seksuwal)(ng|ly)?", r"mahalay\w*", r"kahalayan", r"para panoorin ng (mga )?(lalaki|matatanda)",
    r"(hinubad|hinuhubad|humubad|pinahubad|nagpahubad|magpahubad|hubarin|huhubarin)\w*",
    r"(tinanggal|tinatanggal|tanggalin|nagtanggal|nagtatanggal|hinuhubad) (ang |ng )?(kanyang |kaniyang |lahat ng )?(damit|saplot|panloob|panty|bra)",
    r"nakapanty",
    # Cebuano: lust ("kaibog", "mahilayon"), filmed for adults, for men to watch, taking off clothes ("nagtangtang sa iyang sinina")
    r"kaibog\w*", r"maibugon", r"mahilayon\w*", r"kahilayan", r"(gikuhaan|gi ?record|gi ?film|gipasalida)\w* (\w+ )?para sa (mga )?hamtong",
    r"para (tan awon|lantawon) (sa|sa mga|sa usa ka) lalaki",
    r"(nag|gi|mag|mi)?tangtang\w* (sa |ang )?(iyang |tanan niyang )?(sinina|bisti|panty|bra)",
    # Haitian Creole: sexual ("seksyèl"), filmed for grown-ups, for men to watch, taking off clothes ("wete rad li"), panties
    r"seksyel\w*", r"(filme|anrejistre|tounen)\w* (\w+ )?pou granmoun", r"pou (gason|mesye) gade", r"wete (tout )?rad\w*",
    r"pantalet\w*",
]

# Other scripts: what the words above miss, by kind: sexual manner ("in an erotic/lustful way"), "filmed for adults",
# "for men to watch", undressing verbs and their objects (a dress, a frock), school children and grades, ages.
_GU_DIGITS = "૧૦ ૧૧ ૧૨ ૧૩ ૧૪ ૧૫ ૧૬ ૧૭"
_GU_UNITS = "૧ ૨ ૩ ૪ ૫ ૬ ૭ ૮ ૯"

_MINOR_OTHER_7: tuple[str, ...] = (
    # Gujarati: ages in Gujarati digits, "schoolgirl", "little ones" ("ભૂલકાં"), the abbreviated standard ("ધો. 7")
    *_ages(_GU_DIGITS, "વર્ષની|વર્ષનો|વર્ષીય"), *_ages(_GU_UNITS, "વર્ષની છોકરી|વર્ષનો છોકરો|વર્ષીય", lead=" "),
    "સ્કૂલ ગર્લ", "સ્કૂલગર્લ", "સ્કૂલની વિદ્યાર્થિની", "ભૂલકા", "નાનો બાળક", "નાની દીકરી",
    *(f"ધો. {d}" for d in "૩૪૫૬૭૮૯"), *(f"ધો.{d}" for d in "૩૪૫૬૭૮૯"), *(f"ધો. {n}" for n in range(3, 13)),
    # Marathi: ages as "-वर्षीय" compounds in words, a pupil of a class ("पाचवीची मुलगी"), "माझी मुलगी", little children
    *_ages("अकरा बारा तेरा चौदा पंधरा सोळा सतरा", "वर्षीय"), "वीची मुलगी", "वीचा मुलगा", "वीतली मुलगी",
    "पहिलीतील", "दुसरीतील", "तिसरीतील", "चौथीतील", "शाळेतील विद्यार्थिनी", "शाळेची विद्यार्थिनी", "माझी मुलगी",
    "लहान मुलं", "लहान मुले", "प्राथमिक शाळेत", "प्राथमिक शाळेती",
    # Tamil: the other spellings of 11-13 ("பன்னிரெண்டு", "பதிமூன்று"), schoolgirls, the first standard, "plus two"
    *_ages("பன்னிரெண்டு பதிமூன்று பதினொன்று பதினோரு பதினாலு", "வயது|வயசு|வயதான|வயதுடைய"),
    "பள்ளிப் பெண்", "பள்ளி பெண்", "பள்ளிப் பையன்", "பள்ளி பையன்", "தொடக்கப்பள்ளி", "ஆரம்பப்பள்ளி", "ஒன்றாம் வகுப்பு",
    "பிளஸ் டூ மாணவி", "பிளஸ் ஒன் மாணவி",
    # Telugu: ages in "సంవత్సరాల" (years) before a child noun, the first class, a school student
    *(f"{n} సంవత్సరాల {s}" for n in (*range(10, 18), "పది", "పదకొండు", "పన్నెండు", "పదమూడు", "పద్నాలుగు", "పదిహేను",
                                      "పదహారు", "పదిహేడు") for s in ("అమ్మాయి", "అబ్బాయి", "బాలిక", "బాలుడు", "పాప", "వయసు")),
    *(f" {n} సంవత్సరాల {s}" for n in (*range(1, 10), "ఐదు", "ఆరు", "ఏడు", "ఎనిమిది", "తొమ్మిది")
      for s in ("అమ్మాయి", "అబ్బాయి", "పాప")),
    "ఒకటో తరగతి", "స్కూల్ విద్యార్థిని", "నా కూతురి", "నా కూతుర్ని",
    # Kannada: "ವರ್ಷ ಪ್ರಾಯದ" (aged ... years), the short-vowel ordinal ("ಏಳನೆ ತರಗತಿ"), schoolgirls, PUC students
    *_ages("ಹತ್ತು ಹನ್ನೊಂದು ಹನ್ನೆರಡು ಹದಿಮೂರು ಹದಿನಾಲ್ಕು ಹದಿನೈದು ಹದಿನಾರು ಹದಿನೇಳು " + _TEENS, "ವರ್ಷ ಪ್ರಾಯದ"),
    "ನೆ ತರಗತಿ", "ಶಾಲೆ ಹುಡುಗ", "ಸ್ಕೂಲ್ ಹುಡುಗ", "ಪಿಯುಸಿ ಹುಡುಗಿ", "ಪಿಯುಸಿ ವಿದ್ಯಾರ್ಥಿ",
    # Sinhala: ages before a girl or boy word ("අවුරුදු දොළහක කෙල්ල"; a bare "අවුරුදු දොළහක්" is also twelve years of
    # anything), grades by a digit ("7 ශ්‍රේණිය"), schoolgirls, "my daughter"
    *_ages("එකොළහක දොළහක දහතුනක දාහතරක පහළොවක දහසයක දාහතක දහයක " + " ".join(f"{n}ක" for n in range(5, 18)),
           "කෙල්ල|කොල්ල|දුව", lead="අවුරුදු "),
    *(f"{n} {c}" for n in range(1, 13) for c in ("ශ්‍රේණිය", "ශ්රේණිය")),
    "පාසල් කෙල්ල", "ඉස්කෝලේ කෙල්ල", "ඉස්කෝලෙ යන කෙල්ල", "පොඩි දුව", "මගේ දුව",
    # Burmese: "-year-old girl" written together ("၁၂နှစ်သမီး"), ages in words before "သမီး"/"သား" (after a space:
    # "နှစ်ဆယ့်နှစ်နှစ်" is 22), grades by a digit with a pupil word
    *(f"{n}နှစ်{s}" for n in (*_MY_TEENS.split(), *_TEENS.split()) for s in ("သမီး", "သား", "အရွယ်")),
    *(f" {n}{s}" for n in ("ဆယ်နှစ်", "ဆယ့်တစ်နှစ်", "ဆယ့်နှစ်နှစ်", "ဆယ့်သုံးနှစ်", "ဆယ့်လေးနှစ်", "ဆယ့်ငါးနှစ်",
                            "ဆယ့်ခြောက်နှစ်", "ဆယ့်ခုနစ်နှစ်") for s in ("သမီး", "သား")),
    "တန်း ကျောင်းသူ", "တန်း ကျောင်းသား", "တန်းမှာ ကျောင်းတက်", "တန်းမှာ ပညာသင်",
    # Yiddish: "-year-old" compounds ("צוועלף-יעריקע", "12-יעריק"), the hyphenated schoolgirl
    *_ages("צען עלף צוועלף דרייצן פערצן פופצן פֿופֿצן זעכצן זיבעצן", "יעריק|יאריק|יאָריק"),
    *(f"{w}{s}{e}" for w in ("צען", "עלף", "צוועלף", "דרייצן", "פערצן", "פופצן", "זעכצן", "זיבעצן", *_TEENS.split())
      for s in ("-", "־", "") for e in ("יעריק", "יאריק", "יאָריק")),
    "שול-מיידל", "שול־מיידל",
    # Kazakh: grades by an ordinal or a digit ("жетінші сынып", "7-сынып"), "кішкентай ұл", toddlers, adolescents
    *(f"{o} сынып" for o in ("үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші", "тоғызыншы", "оныншы",
                             "он бірінші")),
    *(f"{n}-сынып" for n in range(3, 12)), *(f"{n} сынып" for n in range(3, 12)), "кішкентай ұл", "бүлдіршін",
    "жеткіншек",
    # Kyrgyz: grades ("жетинчи класс"), ages in digits ("12 жаштагы"; one digit after a space), "кичинекей уул"
    *(f"{o} класс" for o in ("үчүнчү", "төртүнчү", "бешинчи", "алтынчы", "жетинчи", "сегизинчи", "тогузунчу", "онунчу",
                             "он биринчи")),
    *_ages(_TEENS, "жаш"), *_ages(_UNITS, "жаш", lead=" "), "кичинекей уул",
    # Bulgarian: ages as "-годишна" compounds and "на 12 години", grades ("седми клас"), pupils, kids ("хлапе")
    *(f" десетгодишн{e}" for e in ("а", "о", "ен", "ия", "ият", "ата", "ото", "ите", "иот")),
    *(f"{n}годишн" for n in ("единадесет", "единайсет", "дванадесет", "дванайсет", "тринадесет", "тринайсет",
                             "четиринадесет", "четиринайсет", "петнадесет", "петнайсет", "шестнадесет", "шестнайсет",
                             "седемнадесет", "седемнайсет")),
    *(f" {n}годишн{e} {c}" for n in ("пет", "шест", "седем", "осем", "девет") for e in ("а", "о", "ия", "ата", "ото")
      for c in ("момиче", "момче", "дете", "ученичка")), *(f"{n}-годишн" for n in range(10, 18)),
    *(f" {n}-годишн" for n in range(1, 10)), *(f"{n} годишн" for n in range(10, 18)),
    *(f"на {n} години" for n in (*range(1, 18), "пет", "шест", "седем", "осем", "девет", "десет", "единадесет",
                                  "единайсет", "дванадесет", "дванайсет", "тринадесет", "тринайсет", "четиринадесет",
                                  "четиринайсет", "петнадесет", "петнайсет", "шестнадесет", "шестнайсет",
                                  "седемнадесет", "седемнайсет")),
    *(f"{o} клас" for o in ("първи", "втори", "трети", "четвърти", "пети", "шести", "седми", "осми", "девети", "десети",
                            "единадесети", "дванадесети")),
    *(f"{o}класни{e}" for o in ("първо", "второ", "трето", "четвърто", "пето", "шесто", "седмо", "осмо")
      for e in ("к", "чк", "ц")), "хлапе", "дечиц",
    # Macedonian: "-годишна" compounds in its numerals, grades ("седмо одделение"), "малечка"
    *(f"{n}годишн" for n in ("единаесет", "дванаесет", "тринаесет", "четиринаесет", "петнаесет", "шеснаесет",
                             "седумнаесет")),
    *(f" {n}годишн{e} {c}" for n in ("пет", "шест", "седум", "осум", "девет") for e in ("а", "о", "ата", "ото", "иот")
      for c in ("девојка", "девојче", "дете", "момче", "ученичка")),
    *(f"{o} одделение" for o in ("прво", "второ", "трето", "четврто", "петто", "шесто", "седмо", "осмо", "деветто")),
    *(f"{n} одделение" for n in range(1, 10)),
    # Bengali: ages with "বয়সি" (the other spelling), ordinal grades in digits ("৭ম শ্রেণি"), "ক্লাস ৭", primary
    # school, "খুকু"
    *_ages("১০ ১১ ১২ ১৩ ১৪ ১৫ ১৬ ১৭ " + _TEENS, "বছর বয়সি|বছর বয়সের"), *_ages("১ ২ ৩ ৪ ৫ ৬ ৭ ৮ ৯ " + _UNITS, "বছর বয়সি", lead=" "),
    *(f"{d}{o} {c}" for d, o in (("৩", "য়"), ("৪", "র্থ"), ("৫", "ম"), ("৬", "ষ্ঠ"), ("৭", "ম"), ("৮", "ম"), ("৯", "ম"), ("১০", "ম"),
                                 ("3", "য়"), ("4", "র্থ"), ("5", "ম"), ("6", "ষ্ঠ"), ("7", "ম"), ("8", "ম"), ("9", "ম"), ("10", "ম"))
      for c in ("শ্রেণি", "শ্রেণী")),
    *(f"ক্লাস {d}" for d in ("৩", "৪", "৫", "৬", "৭", "৮", "৯", "১০", "3", "4", "5", "6", "7", "8", "9", "10")),
    "প্রাইমারি স্কুল", "প্রাথমিক স্কুল", "খুকু", "ছোট্ট খুকি",
    # Punjabi (Gurmukhi): ages with "ਵਰ੍ਹਿਆਂ" (years) and the "-ਸਾਲਾ" compound, "ਮੇਰੀ ਬੇਟੀ"
    *_ages("ਗਿਆਰਾਂ ਬਾਰਾਂ ਤੇਰਾਂ ਚੌਦਾਂ ਪੰਦਰਾਂ ਸੋਲਾਂ ਸਤਾਰਾਂ " + _TEENS, "ਵਰ੍ਹਿਆਂ ਦੀ|ਵਰ੍ਹਿਆਂ ਦਾ|ਸਾਲਾ"),
    *_ages("ਪੰਜ ਛੇ ਸੱਤ ਅੱਠ ਨੌਂ ਦਸ " + _UNITS, "ਵਰ੍ਹਿਆਂ ਦੀ ਕੁੜੀ|ਵਰ੍ਹਿਆਂ ਦਾ ਮੁੰਡਾ|ਸਾਲਾ ਕੁੜੀ|ਸਾਲਾ ਮੁੰਡਾ", lead=" "),
    "ਮੇਰੀ ਬੇਟੀ", "ਸਕੂਲ ਗਰਲ",
    # Urdu: "school girl" in English letters' Urdu spelling
    "اسکول گرل", "سکول گرل", "اسکول کی بچی", "سکول کی بچی",
    # Nepali: ages in words with "वर्षीय"
    *_ages("एघार बाह्र तेह्र चौध पन्ध्र सोह्र सत्र", "वर्षीय|वर्षीया"),
    # Khmer: ages ("អាយុ ១២ ឆ្នាំ", "អាយុដប់ពីរឆ្នាំ"; a unit after "អាយុ " is not the end of 25), grades ("ថ្នាក់ទី៧")
    *(f"{p}{n}{e}" for p in ("អាយុ ", "អាយុ") for e in (" ឆ្នាំ", "ឆ្នាំ")
      for n in (*"១ ២ ៣ ៤ ៥ ៦ ៧ ៨ ៩ ១០ ១១ ១២ ១៣ ១៤ ១៥ ១៦ ១៧".split(), *(str(i) for i in range(1, 18)),
                "ប្រាំ", "ប្រាំមួយ", "ប្រាំពីរ", "ប្រាំបី", "ប្រាំបួន", "ដប់", "ដប់មួយ", "ដប់ពីរ", "ដប់បី", "ដប់បួន",
                "ដប់ប្រាំ", "ដប់ប្រាំមួយ", "ដប់ប្រាំពីរ")),
    *(f"ថ្នាក់ទី{s}{n}" for s in ("", " ") for n in (*"៣ ៤ ៥ ៦ ៧ ៨ ៩ ១០ ១១ ១២".split(), *(str(i) for i in range(3, 13)))),
    # Lao: ages ("ອາຍຸ 12 ປີ"), primary and lower-secondary grades ("ຊັ້ນ ປ.5", "ມ.2")
    *(f"ອາຍຸ {n} ປີ" for n in range(1, 18)), *(f"ອາຍຸ{n}ປີ" for n in range(1, 18)),
    *(f"ຊັ້ນ{s}{g}.{n}" for s in ("", " ") for g in ("ປ", "ມ") for n in range(1, 6)),
)

_SEXUAL_OTHER_7: tuple[str, ...] = (
    # Gujarati: seductively ("માદક રીતે", "લલચાવતી નજર"), for adult viewers, for men to watch, taking off a dress
    "માદક રીતે", "માદક અંદાજ", "માદક નજર", "લલચાવતી નજર", "લલચાવતી અદા", "લલચાવતો ડાન્સ", "લલચાવતી રીતે",
    "પુખ્ત વયના દર્શકો", "પુખ્તો માટે", "પુરુષોને જોવા માટે", "પુરુષો જોવા માટે", "ડ્રેસ ઉતાર", "ફ્રોક ઉતાર",
    "કપડાં ખોલ", "કપડા ખોલ", "કામુકતા",
    # Marathi: sexually ("लैंगिक पद्धतीने"), a seductive look, filmed for adults, for men to watch, taking off a frock
    "लैंगिक पद्धतीने", "लैंगिकरित्या", "लैंगिक रीतीने", "मादक नजर", "मादक हावभाव", "भुरळ घालणार", "प्रौढांसाठी चित्रित",
    "पुरुषांना पाहण्यासाठी", "फ्रॉक काढ", "ड्रेस काढ", "कपडे काढले",
    # Tamil: lustfully ("காமத்துடன்"), a lustful or seductive look, arousing, for adults, for men to watch, untying clothes
    "காமத்துடன்", "காமப் பார்வை", "காம பார்வை", "மயக்கும் பார்வை", "கிளர்ச்சியூட்டும்", "வயது வந்தோருக்காக",
    "வயது வந்தவர்களுக்காக", "ஆண்கள் பார்ப்பதற்காக", "ஆடையை அவிழ்", "ஆடைகளை அவிழ்", "உடைகளை அவிழ்",
    "ஆடைகளைக் களை", "ஆடைகளை களை", "உடைகளைக் களை",
    # Telugu: erotically ("శృంగారభరితంగా"), lustfully, provocatively, a teasing look, for adults, undressing a frock
    "శృంగారభరిత", "శృంగారంగా", "కామంగా", "కామపు చూపు", "మత్తెక్కించే", "రెచ్చగొట్టేలా", "కవ్వించే చూపు", "కవ్వించేలా",
    "పెద్దల కోసం చిత్రీక", "పెద్దల కోసం తీసిన", "మగవాళ్లు చూడటానికి", "మగవారు చూడటానికి", "వయోజన ప్రేక్షకుల",
    "బట్టలు ఊడదీ", "గౌను విప్ప", "డ్రెస్ విప్ప", "డ్రెస్ తీస",
    # Kannada: lustfully, a lustful look, arousing, for adults, for men to watch, taking off clothes
    "ಕಾಮದಿಂದ", "ಕಾಮ ದೃಷ್ಟಿ", "ಮಾದಕ ನೋಟ", "ಕಾಮೋತ್ತೇಜಕ", "ವಯಸ್ಕರಿಗಾಗಿ", "ಗಂಡಸರು ನೋಡಲು", "ಬಟ್ಟೆಗಳನ್ನು ಕಳಚ",
    "ಉಡುಗೆ ಬಿಚ್ಚ",
    # Sinhala: lustful, a lustful or bewitching look, filmed for adults, for men to watch, taking off a frock
    "කාමාතුර", "කාම බැල්ම", "වසඟ කරන", "වැඩිහිටියන් සඳහා රූගත", "පිරිමින්ට බලන්න", "පිරිමින්ට නැරඹීමට", "ඇඳුම ගලව",
    "ගවුම ගලව", "ඇඳුම් උනා", "ඇඳුම උනා",
    # Burmese: sexually, with lust, filmed for adults, for men to watch, taking off a gown
    "လိင်ဆန်ဆန်", "ကာမစိတ်", "လူကြီးများအတွက် ရိုက်ကူး", "ယောက်ျားများ ကြည့်ရန်", "ဂါဝန်ချွတ်",
    # Yiddish: with lust, lustful, for men to watch, undressed (another spelling)
    "מיט תאווה", "מיט תאוה", "תאוותדיק", "גלוסטיק", "פאר מענער צו קוק", "פֿאַר מענער צו קוק", "אויסגעטון",
    # Kazakh: sexually ("жыныстық түрде"), lustfully, for adults, for men to watch, undressing in its forms
    "жыныстық түрде", "жыныстық сипатта", "құмарлықпен", "нәпсіқұмар", "ересектерге арналған", "ерлер көруі үшін",
    "ер адамдарға арналған", "шешінеді", "шешінуде", "шешініп жатқан", "көйлегін шеш",
    # Kyrgyz: sexually, lustful, for adults, for men to watch, undressing in its forms
    "жыныстык мүнөздө", "жыныстык түрдө", "кумарлуу", "чоңдорго арналган", "эркектер көрүшү үчүн", "чечинди",
    "чечинет", "чечинүүдө", "көйнөгүн чеч",
    # Bulgarian: erotically, lustfully, seductive, arousing, filmed for adults, for men to watch, taking off clothes
    "похотлив", "прелъстител", "възбуждащ", "заснет за възрастни", "заснето за възрастни", "за възрастни зрители",
    "за мъже да гледат", "за гледане от мъже", "сваля дрехи", "свали дрехи", "сваля си дрехи", "свали си дрехи",
    "сваля роклята", "свали роклята", "сваля си роклята", "свали си роклята", "разкопчава роклята", "по бельо",
    "съвсем гол", "напълно гол", "чисто гол",
    # Macedonian: for adult viewers, filmed for adults, for men to watch, undressing ("ја соблекува", "симнува облека")
    "за возрасни гледачи", "снимено за возрасни", "за мажи да гледаат", "соблекува фустан", "соблекува облека",
    "ја соблекува", "ги соблекува", "симнува облека", "симна облека",
    # Bengali: arousingly (written together), an alluring pose, lust, filmed for adults, for men to watch, undressing
    # with "খোল" (the other stem), a frock, naked (colloquial)
    "উত্তেজকভাবে", "মোহনীয় ভঙ্গি", "মোহনীয় নাচ", "লালসাপূর্ণ", "লালসার দৃষ্টি", "কামনার দৃষ্টি", "প্রাপ্তবয়স্কদের জন্য চিত্রা",
    "পুরুষদের দেখার জন্য", "জামা খোল", "কাপড় খোল", "পোশাক খোল", "জামাকাপড় খোল", "ফ্রক খুল", "ফ্রক খোল", "ন্যাংটা", "ন্যাংটো",
    "নেংটা",
    # Punjabi (Gurmukhi): arousingly, an intoxicating look, for men to watch, taking off a frock or a suit
    "ਉਤੇਜਕ ਢੰਗ", "ਉਤੇਜਕ ਤਰੀਕੇ", "ਮਾਦਕ ਨਜ਼ਰ", "ਮਾਦਕ ਢੰਗ", "ਮਰਦਾਂ ਦੇ ਦੇਖਣ ਲਈ", "ਆਦਮੀਆਂ ਦੇ ਦੇਖਣ ਲਈ", "ਫਰਾਕ ਲਾਹ",
    "ਫਰਾਕ ਉਤਾਰ", "ਸੂਟ ਲਾਹ",
    # Urdu: a lustful look, for men to watch, taking off a frock
    "ہوس بھری", "ہوس ناک", "مردوں کے دیکھنے کے لیے", "مردوں کے دیکھنے کے لئے", "فراک اتار", "فراک اُتار",
    # Nepali: for men to watch, taking off a frock
    "पुरुषहरूले हेर्नका लागि", "पुरुषले हेर्नका लागि", "फ्रक फुका", "फ्रक खोल्",
    # Amharic: filmed for adults, for men to watch, taking off clothes or a dress (continuous forms)
    "ለአዋቂዎች የተቀረፀ", "ለአዋቂዎች የተቀረጸ", "ወንዶች እንዲያዩት", "ልብሷን እያወለቀ", "ቀሚሷን አወለቀ", "ቀሚሷን እያወለቀ",
    # Khmer: lust ("កាមតណ្ហា"; bare "តណ្ហា" is also the Buddhist craving), filmed for adults, for men to watch, undressing
    "កាមតណ្ហា", "ដោយតណ្ហា", "ភ្នែកតណ្ហា", "ថតសម្រាប់មនុស្សពេញវ័យ", "សម្រាប់បុរសមើល", "ដោះខោអាវ", "ស្រាតខោអាវ", "ដោះរ៉ូប",
    # Lao: teasing dances and poses, filmed for adults, for men to watch, taking off clothes or a skirt
    "ເຕັ້ນຍົ່ວ", "ທ່າຍົ່ວ", "ຖ່າຍສຳລັບຜູ້ໃຫຍ່", "ສຳລັບຜູ້ຊາຍເບິ່ງ", "ຖອດເສື້ອຜ້າ", "ຖອດກະໂປງ",
)

# Masked before sexual contexts are looked for: sex education and sexual health, whose words are this batch's sexual
# terms (Tagalog "sekswal", Haitian Creole "seksyèl").
BENIGN_SEXUAL_COLLOCATIONS_ADDED_7: str = (
    r"\b(edukasyong? (sekswal|seksuwal)|(sekswal|seksuwal) na (edukasyon|kalusugan)|kalusugang (sekswal|seksuwal)|"
    r"edikasyon seksyel|sante seksyel)\b")

# Everyday words of these languages one edit from a policy word, that the normaliser's spelling correction must
# leave alone (found by normalising sentences and word lists of each language): Hausa "kalla" (watch) became
# "balla", Zulu "abuke" (that they watch) "abuse", Afrikaans "groot" (big) "groom" and "stap" (walk) "strap",
# Luxembourgish "Aart" (way) "apart", Haitian Creole "chante" (sing) "chants", Maori "teina" (younger sibling) "tenia".
NOT_MISSPELLINGS_ADDED_7: frozenset[str] = frozenset((
    "kalla abuke imini thina aart baie groot stap vriend chante fache teina"
).split())
MINOR_WORDS_OTHER_SCRIPTS_ADDED_7: tuple[str, ...] = _nfkc(_MINOR_OTHER_7)
SEXUAL_WORDS_OTHER_SCRIPTS_ADDED_7: tuple[str, ...] = _nfkc(_SEXUAL_OTHER_7)

# --- batch "added 2026-12-05, third languages": what the lists above still miss (a pass over the same languages) ---
# Wired like the batches above (safety/defaults.py, migration safety 0019).
# Sexual contexts as an adjective of a dance, a pose or a look, "for the grown-ups", a bedroom or a bed with an adult
# man, undressing with its objects (a skirt, a petticoat) and in its inflections, lust as a manner; child words in
# colloquial forms, grades by an ordinal with a case ending, ages with case endings or another word for years.
_JV_SU_MOVE = r"(joged|jogedan|goyang|goyangan|pose|pos|gaya|tari|tarian|ngibing|ngigel|igel|igelan|obah|gerakan|polah)"
_JV_SU_TEEN = "(sabelas|dua welas|tilu welas|opat welas|lima welas|genep welas|tujuh welas)"
_MI_ORD = "(tuatoru|tuawha|tuarima|tuaono|tuawhitu|tuawaru|tuaiwa|tuangahuru)"
_LB_ORD = "(drett|veiert|fennef|sechst|siwent|aacht|nengt)"
_HA_TAKEN = "(dauka|auka|dauki|auki|dauke|auke|nada|nade|yi|yiwa|shirya)"

MINOR_TERMS_ADDED_8: list[str] = [
    # Javanese and Sundanese: "prawan kencur" (a girl just come of age), Sundanese teens with "welas" ("dua welas
    # taun"), "orok" (a baby)
    r"prawan kencur", rf"(umur|umurna|umure|yuswa|yuswana|anu umurna) {_JV_SU_TEEN}( taun)?", r"orok (awewe|lalaki|keneh)",
    # Somali: "her age is 12" ("da'deedu waa 12"), "the little boys" ("wiilasha yaryar")
    rf"da ?(deedu|diisu|deeda|diisa) (waa |tahay |yahay |ahayd |ay tahay )?({_SO_NUM}|toban)( sano| jir)?",
    r"(wiilasha|wiilal|wiilalka|hablaha|inamada) (yar|yaryar|yaryari)",
    # Hausa: "little girls" ("ƙananan 'yan mata", the hooked letter dropped), "ƙaramar 'ya" (a little daughter)
    r"k?ananan yan mata", r"yan mata (k?anana|k?anan)", r"k?aramar (ya|yarsa|yarta|yata)",
    # Luxembourgish: grades by an ordinal ("sechste Schouljoer"; not the first and second, a train's classes too),
    # "Meedche" (the spelling without n), "Bouwen" (boys; Dutch "bouwen", to build, only after a Luxembourgish word)
    rf"{_LB_ORD}\w* (schouljoer|schoulklass|klass)", r"meedche",
    r"(klenge(n)?|klengt|d|dei|mai|meng|hir|hire|seng|sai|zwee|drai|vill|e) bouw(en|e)?",
    # Maori: school years by an ordinal ("ākonga o te tau tuarima"; "te tau tuarima" alone is any fifth year),
    # the seventh class ("akomanga tuawhitu"), "kōhine iti" (a little girl)
    rf"(akonga|tamaiti|tamariki|kotiro|tamaroa|kohine) (\w+ ){{0,2}}tau {_MI_ORD}", rf"(akomanga|karaehe) {_MI_ORD}",
    r"kohine (iti|nohinohi|potiki)",
    # Samoan: primary school without the glottal stop ("aoga amata")
    r"aoga amata",
    # Igbo: a little girl ("agbọghọ nta", "obere agbọghọ", "ụmụ nwanyị nta"), "a child of N years" ("nwa afọ asaa";
    # not ten: "afọ iri" opens "afọ iri abụọ", 20)
    r"agbogho (nta|ntakiri|obere)", r"obere agbogho\w*", r"umu (nwanyi|nwaanyi|agbogho) (nta|ntakiri)", rf"nwa afo {_IG_NUM}",
    # Yoruba: "whose age is ten" ("ọjọ́ orí rẹ̀ jẹ́ mẹ́wàá"), "ọmọge kékeré" (a little maiden)
    rf"ojo ori (re |won |e )?(je |ti to |to )?{_YO_NUM}", r"omoge kekere",
    # Malagasy: "zaza" (a child) with an age or "still small"
    rf"zaza {_MG_NUM} taona", r"zaza mbola kely",
]

SEXUAL_TERMS_ADDED_8: list[str] = [
    # Javanese and Sundanese: a teasing or arousing dance or pose ("joged nggodha", "pose sing ngrangsang", "ngigel
    # ngagoda"; "ngrangsang" alone also stimulates a child's creativity), lust as a manner, a bed with a man,
    # taking off clothes and a skirt ("nyopot klambi lan rok"; children also undress for a bath; "rok" with its
    # endings only: "rokok" is a cigarette), not dressed
    rf"{_JV_SU_MOVE}\w* (sing |kang |nu |anu |kanthi |kalayan )?(nggod(h)?a|ngagoda|ngrangsang|ngerangsang|ngarangsang|ngagairahkeun)\w*",
    # "nafsu" alone is also appetite ("makan dengan penuh nafsu", eating with gusto): lust only as "hawa nafsu"
    r"(kanthi|kalayan|kelawan|pinuh|penuh|ku) hawa (nafsu|napsu)", r"(nafsu|napsu) birahi",
    # no word between ("kasur jeung adi lalaki" is a bed with a little brother)
    r"(amben|kasur|kamar turu|ranjang|pangkeng)(e|ne|na)? (karo|bareng|kaliyan|jeung|sareng) (wong lanang|priya|lalaki|pameget|pria)",
    r"(nyopot|nyopoti|dicopot|dicopoti|nglepas|nguculi|diuculi|ngudari) (\w+ )?(klambi|rok|kathok|kotang|sandhangan|rasukan|busana)(e|ne|ku|mu)?",
    r"(muka|ngabuka|mukaan) (bajuna|acukna|calanana|rokna|pakeanana|acuk)", r"ora klamben\w*",
    r"pikeun (\w+ )?(ditongton|lalajo|ditingali) (ku )?(sawawa|nu sawawa|lalaki|kaum lalaki)",
    # Somali: an arousing dance or movements ("qoob ka ciyaar kicin leh"), exclusive to adults, lying with a grown man,
    # romance ("jacayl", the usual spelling), undressing with "ayay" between, taking off a skirt or a dress
    r"(qoob ka ciyaar|qoob ka ciyaarka|dhaqdhaqaaq|dhaqdhaqaaqyo|dhaqaaqyo|istaag|fadhi)\w* (\w+ )?(kicin|kiciya|kicisa|kacsi|shahwo|shahwad) (leh|ah)",
    r"dadka waaweyn u gaar\w*", r"la (jiif|seex)\w* (nin|ninka|nin weyn|qof weyn|oday)\b",
    r"jacayl\w* (\w+ ){0,2}(nin weyn|ninka weyn|oday|qof weyn)",
    r"dhark(a|eeda|iisa|ooda) (ayay|ayuu|ay|uu|bay|buu) (iska )?(siib|bixi|furt|fur)\w*",
    r"(bixin|bixis|siib|furt|furay)\w* (\w+ )?(funaanad\w* iyo )?(goonad|googarad|dirac|surwaal|nigis)\w*",
    # Hausa: a dance or movement that arouses desire ("rawa mai tada sha'awa"; "tada sha'awa" alone also stirs
    # interest), filmed for adults (the hooked "ɗ" dropped: "ɗauka" is "auka"), a bed or romance with a grown man,
    # taking off a skirt or wrapper (not "pant": French "cire", wax, before "pantalon")
    r"(rawa|rawar|rangwada|motsi|kallo|tsayuwa|zama|hoto|bidiyo)\w* (\w+ )?(mai|masu|da ke|dake) (tada|tayar|motsa|tado) (da )?sha ?awa",
    rf"(an|aka) {_HA_TAKEN} (\w+ )?(domin|don|saboda) manya",
    r"(gado|dakin kwana|akin kwana|soyayya) (\w+ ){0,2}(tare da|da) (wani )?(babban (mutum|namiji)|dattijo|tsoho)",
    r"cire (\w+ )?(siket|zani|zanin|kamfai)\w*", r"cire (\w+ )?riga(r(ta|sa))? (da|tare da) (siket|zani|zanin|wando)\w*",
    # Luxembourgish: arousing or provocative poses and dances ("opreegend" alone is also an exciting trip), a bed or
    # a bedroom with a man, taking off clothes ("hëlt hir Kleeder of")
    r"(opreegend|provokant|verfeieresch|lasziv)\w* (posen|pose|poseieren|danz|dans|bewegungen|beweegungen|blecker|bleck)",
    r"(danzt|danzen|poseiert|poseieren|beweegt sech) (\w+ )?(opreegend|provokant|lasziv)\w*",
    r"(bett|schlofzemmer) mat (engem|em|dem) (\w+ )?(mann|erwuessenen?|friemen)",
    r"(helt|huelt|hellt|geholl) (hir|seng|hiert|sai|hire|sain|all) (\w+ )?(kleeder|kleed|rack|box|bluse|unnerwasch|ennerwasch|ennerbox)\w* (of|eraus|aus)",
    # Maori: an enticing pose, dance or look ("āhua whakawai"), taking off a skirt or a dress
    r"(kanikani|tu|tunga|ahua|titiro(nga)?|nekehanga) (\w+ )?whakawai\w*", r"(tango|unu|wetewete|huhu)\w* (\w+ ){0,5}panekoti",
    # Samoan: with lust ("ma le tuinanau"; also eagerness), filmed for the elders, opening a lavalava or a skirt
    r"(ma le|i se) tuinanau", r"tuinanau (faaletino|fa aletino|faafeusuaiga|fa afeusuaiga)",
    r"(pueina|pu eina|ata tifaga|ata vitio) (\w+ )?mo (le au|le|nai) matutua",
    r"(tatala|toese|to ese|aveese|ave ese|sasae) (\w+ )?(lavalava|sakete|ofu talaloa)",
    # Igbo: filmed for the grown-ups ("e sere maka ndị okenye"), for them to watch, a room with a grown man ("agụụ"
    # alone is also hunger: not listed)
    r"(sere|sera|e sere|e sera|gbara|gbaa) (\w+ )?maka ndi okenye", r"ka ndi okenye (na )?(le|lee|ele)\w*",
    # not "ime ulo" (inside a house: "n'ime ulo akwukwo", at school)
    r"(ulo ndina|akwa ndina) (\w+ ){0,2}(ya na|na) nwoke",
    # Yoruba: filmed for the elders ("fún àwọn àgbà"), a bed with a grown man, taking off trousers or a skirt ("bọ́
    # ṣòkòtò", "bọ́ yẹ̀rì"; not a shirt), a dance or a way that rouses the body ("ru ara sókè")
    r"(ya|yaworan|ti a ya|gba sile|fidio)\w* (\w+ )?fun (awon )?agba", r"ibusun (\w+ ){0,2}pelu (okunrin|agbalagba|arakunrin)",
    # not "iro" (a lie once its tones are folded: "bo iro re", covers his lie) nor "sokoto" (trousers taken off to bathe)
    r"bo (\w+ )?(yeri|kaba|pata)( (re|won|e|mi))?", r"(ijo|ona|iwo|ipo)\w* (\w+ ){0,4}ru ara (won |re )?soke",
    # Malagasy: a look, a way or a dance full of lust ("feno filana"), filmed for the elders ("zokiolona"), a bedroom
    # with a man, taking off a skirt ("nanala ny zipony")
    r"(fijery|fomba|dihy|fihetsika|endrika)\w* (\w+ )?feno filana",
    r"(noraisina|nalaina|natao|voarakitra|sarimihetsika|horonan ?tsary) (\w+ )?ho an ny zokiolona",
    r"efitrano fatoriana (\w+ ){0,3}lehilahy", r"(manala|nanala|mamaha|nesoriny|esoriny|manesotra|nanesotra|niala) (ny )?(zipo|kalisaona)\w*",
]

_TA_TEENS = "பதினொரு பதினொன்று பன்னிரண்டு பன்னிரெண்டு பதின்மூன்று பதிமூன்று பதினான்கு பதினாலு பதினைந்து பதினாறு பதினேழு"
_TE_YEARS = ("పదకొండేళ్ళ", "పన్నెండేళ్ళ", "పదమూడేళ్ళ", "పద్నాలుగేళ్ళ", "పదిహేనేళ్ళ", "పదహారేళ్ళ", "పదిహేడేళ్ళ")
_KN_TEENS = "ಹತ್ತು ಹನ್ನೊಂದು ಹನ್ನೆರಡು ಹದಿಮೂರು ಹದಿನಾಲ್ಕು ಹದಿನೈದು ಹದಿನಾರು ಹದಿನೇಳು"
_MR_ORD = ("तिसरी", "चौथी", "पाचवी", "सहावी", "सातवी", "आठवी", "नववी", "दहावी")
_GU_TEENS = "અગિયાર બાર તેર ચૌદ પંદર સોળ સત્તર"

_MINOR_OTHER_8: tuple[str, ...] = (
    # Tamil: ages with the locative ("பத்து வயதில்", at ten; a unit after a space), colloquial girls and boys with the
    # sandhi "ப்" ("சின்னப் பொண்ணு", "குட்டிப் பையன்"), a schoolgirl ("பள்ளிக்கூடப் பொண்ணு"), "studying the seventh"
    # ("ஏழாவது படிக்கும்"; not a bare "-ாவது படிக்கும்", which "எதையாவது படிக்கும்", reads anything, holds)
    *_ages(_TA_TEENS + " " + _TEENS, "வயதில்|வயசுல|வயதேயான"),
    *_ages("ஐந்து ஆறு ஏழு எட்டு ஒன்பது பத்து " + _UNITS, "வயதில்|வயசுல|வயதேயான", lead=" "),
    "சின்னப் பொண்ணு", "சின்னப் பையன்", "குட்டிப் பையன்", "குட்டி பையன்", "குட்டிப் பொண்ணு", "பள்ளிக்கூடப் பொண்ணு",
    "பள்ளிக்கூட பொண்ணு", "பள்ளிக்கூடப் பையன்", "பள்ளிக்கூட பையன்", "ஸ்கூல் பொண்ணு", "ஸ்கூல் பையன்",
    *(f"{o} {v}" for o in ("மூன்றாவது", "நான்காவது", "ஐந்தாவது", "ஆறாவது", "ஏழாவது", "எட்டாவது", "ஒன்பதாவது",
                            "பத்தாவது") for v in ("படிக்கும்", "படிக்கிற", "படிக்கிறாள்", "படிக்கிறான்")),
    # Telugu: "-year-old" with the other spelling of "ళ్ళ" ("పదేళ్ళ అమ్మాయి"; "పదేళ్ళ" alone is also ten years'),
    # "బుజ్జి పాప" (a little darling girl), a school girl, "చిన్న పిల్లని" (not "చిన్న పిల్ల" alone: "చిన్న పిల్లి" is a
    # kitten)
    *_TE_YEARS, *_ages("ఐదేళ్ళ ఆరేళ్ళ ఏడేళ్ళ ఎనిమిదేళ్ళ తొమ్మిదేళ్ళ పదేళ్ళ", "అమ్మాయి|అబ్బాయి|పాప|కుర్రాడు|వయసు|పిల్ల"),
    "బుజ్జి పాప", "బుజ్జి అమ్మాయి", "బుజ్జి బాబు", "స్కూలు పాప", "స్కూల్ పాప", "బడి పాప", "స్కూలు అమ్మాయి",
    "చిన్న పిల్లలు", "చిన్న పిల్లాడ", "చిన్న పిల్లని", "చిన్న పిల్లను", "చిన్న పిల్లకి",
    # Kannada: "class" with the genitive ("ಏಳನೇ ಕ್ಲಾಸಿನ"), "ಪುಟ್ಟ ಪಾಪು" (a little baby girl), the other word for
    # years ("ವರುಷದ")
    "ನೇ ಕ್ಲಾಸಿನ", "ನೆ ಕ್ಲಾಸಿನ", "ನೇ ಕ್ಲಾಸಿನಲ್ಲಿ", "ಪುಟ್ಟ ಪಾಪ", "ಚಿಕ್ಕ ಪಾಪ",
    *_ages(_KN_TEENS + " " + _TEENS, "ವರುಷದ|ವರ್ಷದವಳು|ವರ್ಷದವನು"),
    *_ages("ಐದು ಆರು ಏಳು ಎಂಟು ಒಂಬತ್ತು " + _UNITS, "ವರುಷದ|ವರ್ಷದವಳು|ವರ್ಷದವನು", lead=" "),
    # Marathi: the oblique "of the ... class" ("पाचवीच्या वर्गात"; not a bare "-वीच्या", which "पदवीच्या", of a degree,
    # holds), ages in the oblique before a child noun ("दहा वर्षाच्या मुलीला"; "दहा वर्षाच्या" alone is also ten
    # years'), "छोटीशी मुलगी", "लहानगी", "पोरगी" with "little", a girl of the school ("शाळेतली")
    *(f"{o}च्या वर्गात" for o in _MR_ORD), *(f"{o}च्या वर्गातील" for o in _MR_ORD),
    *_ages("पाच सहा सात आठ नऊ दहा " + _DEVA_UNITS + " " + _UNITS, "वर्षांच्या मुल|वर्षाच्या मुल", lead=" "),
    *_ages(_DEVA_TEENS + " " + _TEENS, "वर्षांच्या मुल|वर्षाच्या मुल"),
    "छोटीशी मुलगी", "छोटासा मुलगा", "लहानगी", "लहानगा", "लहानग्या", "लहान पोरगी", "लहान पोरगा", "छोटी पोरगी",
    "शाळेतली मुलगी", "शाळेतला मुलगा", "शाळेतल्या मुली",
    # Gujarati: the other word for years ("બાર વરસની છોકરી"; "બાર વરસની" alone is also twelve years' work), little
    # girls ("બેબલી", "ટેણકી"), a girl or boy going to school ("નિશાળે જતી")
    *_ages(_GU_TEENS + " " + _GU_DIGITS + " " + _TEENS, "વરસની છોકરી|વરસનો છોકરો|વરસની દીકરી|વરસની બાળકી|વરસની ઉંમર"),
    *_ages("પાંચ છ સાત આઠ નવ દસ " + _GU_UNITS + " " + _UNITS, "વરસની છોકરી|વરસનો છોકરો|વરસની દીકરી|વરસની બાળકી|વરસની ઉંમર", lead=" "),
    "બેબલી", "ટેણકી", "ટેણિયો", "ટેણિયા", "ટાબરિયા", "ટાબરિયું", "નિશાળે જતી", "નિશાળે જતો", "નિશાળિયા",
    # Sinhala: the school year after a space ("6 වසරේ සිසුවිය"; "2021 වසරේ" is a year), the class by an ordinal from the
    # third (a train's "දෙවන පන්තිය" is second class) or the colloquial "පහේ පන්තියේ", ages with
    # "වයසැති" (aged; after "අවුරුදු ", so that 25 is not 5)
    *(f" {n} වසරේ {s}" for n in range(1, 14) for s in ("සිසු", "ඉගෙන", "ළමය", "දැරිය", "කෙල්ල", "කොල්ල")),
    *(f"{o}{e} පන්තිය" for o in ("තුන්", "හතර", "පස්", "හය", "හත්", "අට", "නව", "දහ") for e in ("වන", "වැනි")),
    *(f"{w}ේ පන්තිය" for w in ("තුන", "හතර", "පහ", "හය", "හත", "අට", "නවය", "දහය")),
    *(f" {n} පන්තිය" for n in range(3, 14)),
    *(f"අවුරුදු {n}{k} වයසැති" for n in (*range(1, 18), "දහය", "එකොළහ", "දොළහ", "දහතුන", "දාහතර", "පහළොව", "දහසය",
                                            "දාහත") for k in ("ක්", " ක්")),
    # Burmese: the fifth and tenth grades ("ငါးတန်း", "ဆယ်တန်း", which the grade words above lacked), "a little girl"
    # ("ကလေးမ" with a counter; not bare "ကလေးမ", which "ကလေးမွေး", to give birth, holds)
    "ငါးတန်း", "ဆယ်တန်း", "ကလေးမတစ်ယောက်", "ကလေးမ တစ်ယောက်", "ကလေးမလေး",
    # Bengali: ages in the genitive before a child noun ("দশ বছরের মেয়ে"; its numbers to 99 are one word each, so
    # the unit words need no space before them, the digits do), "ছোট্ট", "পুঁচকে" (tiny), school-going, classes
    # said in English ("ক্লাস ফাইভ")
    *_ages("পাঁচ সাত আট দশ এগারো চোদ্দ চৌদ্দ পনেরো ষোলো সতেরো ১০ ১১ ১২ ১৩ ১৪ ১৫ ১৬ ১৭ " + _TEENS,
           "বছরের মেয়ে|বছরের ছেলে|বছরের শিশু|বছরের বাচ্চা"),
    *_ages("ছয় নয় ১ ২ ৩ ৪ ৫ ৬ ৭ ৮ ৯ " + _UNITS, "বছরের মেয়ে|বছরের ছেলে|বছরের শিশু|বছরের বাচ্চা", lead=" "),
    "ছোট্ট মেয়ে", "ছোট্ট ছেলে", "পুঁচকে মেয়ে", "পুঁচকে ছেলে", "পুঁচকি", "স্কুলপড়ুয়া", "স্কুল পড়ুয়া",
    *(f"ক্লাস {n}" for n in ("থ্রি", "ফোর", "ফাইভ", "সিক্স", "সেভেন", "এইট", "নাইন", "টেন")),
    # Punjabi (Gurmukhi): "studying in the fifth" ("ਪੰਜਵੀਂ ਵਿੱਚ ਪੜ੍ਹਦੀ"), a girl who studies at school, ages in words
    # before a child noun (one word each to 99: no space needed)
    *(f"ਵੀਂ {p} {v}" for p in ("ਵਿੱਚ", "ਵਿਚ", "'ਚ", "ਚ") for v in ("ਪੜ੍ਹਦੀ", "ਪੜ੍ਹਦਾ")), "ਸਕੂਲ ਪੜ੍ਹਦੀ", "ਸਕੂਲ ਪੜ੍ਹਦਾ",
    "ਸਕੂਲ ਜਾਂਦੀ ਕੁੜੀ", *_ages("ਪੰਜ ਸੱਤ ਅੱਠ ਨੌਂ ਦਸ", "ਸਾਲਾਂ ਦੀ ਕੁੜੀ|ਸਾਲ ਦੀ ਕੁੜੀ|ਸਾਲਾਂ ਦਾ ਮੁੰਡਾ|ਸਾਲ ਦਾ ਮੁੰਡਾ"),
    # Nepali: "कलिली" (tender, of a young girl), "सानै उमेरकी" (of a young age), ages in words (one word each to 99)
    "कलिली", "सानै उमेरकी", "सानै उमेरको", *_ages("पाँच सात आठ नौ दश", "वर्षकी|वर्षको|वर्षीया"),
)

_SEXUAL_OTHER_8: tuple[str, ...] = (
    # Tamil: a titillating dance or pose ("மயக்கும்", enchanting, is left out: it praises a classical dance), arousing
    # lust, filmed for the grown-ups, a bedroom or a cot with
    # a man, taking off a skirt, with lust ("காமத்தோடு", "காம இச்சை")
    "கிளுகிளுப்ப", "காமத்தைத் தூண்ட", "காமத்தை தூண்ட",
    "பெரியவர்களுக்காக படமாக்க", "பெரியவர்களுக்காக எடுக்கப்பட்ட", "பெரியவர்கள் பார்ப்பதற்காக", "ஆணுடன் படுக்கையறை",
    "ஆணுடன் கட்டிலில்", "ஆணோடு படுக்கை", "பாவாடையைக் கழற்", "பாவாடையை கழற்", "பாவாடையை அவிழ்", "காமத்தோடு", "காம இச்சை",
    # Telugu: a provocative or teasing pose or dance, filmed for the grown-ups, a bedroom with a grown man, undressing
    # a petticoat ("లంగా విప్పు")
    "రెచ్చగొట్టే పోజ", "రెచ్చగొట్టే ఫోజ", "కవ్వించే డాన్స", "కవ్వించే పోజ", "కవ్వించే నృత్య", "కవ్వింపుగా",
    "పెద్దవాళ్ల కోసం తీసిన", "పెద్దవాళ్ళ కోసం తీసిన", "పెద్దవాళ్ల కోసం చిత్రీక", "పెద్దవాళ్ళ కోసం చిత్రీక",
    "పెద్ద మనిషితో పడక", "మగవాడితో పడక", "మగాడితో పడక", "లంగా విప్ప", "లంగా తీస", "పావడా విప్ప",
    # Kannada: an intoxicating or provocative pose, filmed for the grown-ups, a bedroom with a man, undressing a
    # petticoat, lustful ("ಕಾಮಭರಿತ")
    "ಮಾದಕ ಪೋಸ್", "ಮಾದಕ ಪೋಜ್", "ಪ್ರಚೋದನಕಾರಿ ಪೋಸ್", "ಪ್ರಚೋದನಕಾರಿ ಪೋಜ್", "ದೊಡ್ಡವರಿಗಾಗಿ ಚಿತ್ರೀಕರಿಸ",
    "ಪುರುಷನೊಂದಿಗೆ ಮಲಗುವ ಕೋಣೆ", "ಗಂಡಸಿನೊಂದಿಗೆ ಮಲಗುವ ಕೋಣೆ", "ಗಂಡಸಿನ ಜೊತೆ ಮಲಗುವ ಕೋಣೆ", "ಲಂಗ ಬಿಚ್ಚ", "ಲಂಗವನ್ನು ಬಿಚ್ಚ",
    "ಕಾಮಭರಿತ",
    # Marathi: an intoxicating or bold pose, only for / filmed for the grown-ups, in bed with a grown man, taking off a
    # petticoat or a skirt, with lust (the oblique "वासनेने", which "वासना" does not hold)
    "मादक पोझ", "मादक पोज", "उत्तान पोझ", "फक्त मोठ्या माणसांसाठी", "मोठ्या माणसांसाठी चित्रित", "मोठ्यांसाठी चित्रित",
    "माणसासोबत अंथरुण", "पुरुषासोबत अंथरुण", "पुरुषाबरोबर अंथरुण", "परकर काढ", "परकर उतरव", "स्कर्ट काढ", "वासनेन",
    "वासनेच्या",
    # Gujarati: an arousing or intoxicating pose, a tempting look or dance ("લલચાવનારી" alone is also a tempting dish), only for the grown-ups, in bed with a man, taking off a
    # skirt or a petticoat
    "ઉત્તેજક પોઝ", "માદક પોઝ", "ઉત્તેજક મુદ્રા", "લલચાવનારી અદા", "લલચાવનારો ડાન્સ",
    "લલચાવનારા પોઝ", "લલચાવનારી નજર", "લલચાવનારી રીતે", "માત્ર મોટા લોકો માટે", "ફક્ત મોટા લોકો માટે",
    "મોટા લોકો માટે શૂટ", "પુરુષ સાથે પથારી", "માણસ સાથે પથારી", "સ્કર્ટ ઉતાર", "ચણિયો ઉતાર", "ઘાઘરો ઉતાર",
    # Sinhala: an arousing dance or pose ("උත්තේජක" alone is also a stimulant), a bedroom with a man, taking off a
    # skirt, lust ("කාම ආශාව")
    "උත්තේජක නැටුම", "උත්තේජක ඉරියව්", "උත්තේජක නර්තන", "පිරිමියෙකු සමඟ නිදන කාමර", "මිනිසෙකු සමඟ නිදන කාමර",
    "සාය ගලව", "කාම ආශාව", "කාමාශාව",
    # Burmese: a seductive dance, pose or look ("ဖြားယောင်း" alone is also luring with money), only for the grown-ups,
    # a bedroom with a man, taking off a skirt or the clothes ("အဝတ်တွေ")
    "ဖြားယောင်းသော အက", "ဖြားယောင်းသော ဟန်", "ဖြားယောင်းသော အကြည့်", "ဖြားယောင်းတဲ့ အက", "လူကြီးတွေအတွက်ပဲ",
    "လူကြီးတွေအတွက် ရိုက်", "ယောက်ျားကြီးနဲ့ အိပ်ခန်း", "ယောက်ျားနဲ့ အိပ်ခန်း", "အမျိုးသားနဲ့ အိပ်ခန်း", "စကတ်ချွတ်",
    "စကတ်ကို ချွတ်", "စကတ်ကိုချွတ်", "အဝတ်တွေ ချွတ်", "အဝတ်တွေချွတ်",
    # Bengali: an arousing pose or dance, only for the grown-ups, a bed or a bedroom with a man, taking off a skirt or
    # a frock ("খুল", the stem the lists above lacked for "জামা"), with lust
    "উত্তেজক পোজ", "উত্তেজক ভঙ্গি", "উত্তেজক নাচ", "শুধু বড়দের জন্য", "কেবল বড়দের জন্য", "বড়দের জন্য চিত্রায়িত",
    "পুরুষের সাথে বিছানা", "পুরুষের সঙ্গে বিছানা", "লোকের সাথে বিছানা", "পুরুষের সাথে শোবার ঘর", "পুরুষের সঙ্গে শোবার ঘর",
    "স্কার্ট খুল", "স্কার্ট খোল", "জামা খুল", "লালসা নিয়ে", "লালসাভরা",
    # Punjabi (Gurmukhi): an intoxicating, arousing or provocative pose, only for the grown-ups, a cot with a man,
    # taking off a skirt or a salwar
    "ਮਾਦਕ ਪੋਜ", "ਉਤੇਜਕ ਪੋਜ", "ਭੜਕਾਊ ਪੋਜ", "ਸਿਰਫ਼ ਵੱਡਿਆਂ ਲਈ", "ਸਿਰਫ ਵੱਡਿਆਂ ਲਈ", "ਆਦਮੀ ਨਾਲ ਮੰਜੇ", "ਬੰਦੇ ਨਾਲ ਮੰਜੇ",
    "ਮਰਦ ਨਾਲ ਮੰਜੇ", "ਸਕਰਟ ਲਾਹ", "ਸਲਵਾਰ ਲਾਹ", "ਸਕਰਟ ਉਤਾਰ", "ਸਲਵਾਰ ਉਤਾਰ",
    # Nepali: only for the grown-ups, a bedroom with a man, taking off a skirt (the intoxicating pose is the Marathi
    # "मादक पोज" above: one script)
    "ठूलाहरूका लागि मात्र", "ठूलाका लागि मात्र", "पुरुषसँग सुत्ने कोठा", "स्कर्ट फुका", "स्कर्ट खोल्",
)

BENIGN_SEXUAL_COLLOCATIONS_ADDED_8: str = ""  # no sexual word of this batch is also an everyday word in some phrase

# Everyday words of these languages one edit from a policy word, found by normalising sentences and word lists of each
# language (none of them gained a minor or sexual signal, but each became another word): Sundanese "domba" (sheep)
# became "bomba", Hausa "datti" (dirt) "ratti", Luxembourgish "Süden" (south) "juden", "kacht" (cooks) "acht" and
# "spéit" (late) "split", Maori "wera" (hot) "wear", Samoan "saute" (south) "salute", Somali "cambe" (mango) "came".
NOT_MISSPELLINGS_ADDED_8: frozenset[str] = frozenset("domba datti suden kacht speit wera saute cambe".split())
# Found after the batch, on the 68-language tuning rows the rule still missed (safety/training/more_languages/,
# 2026-12-05): a Marathi grade with "-तल्या" ("of the fifth [class]"), an intoxicating dance and "for adults"; Tamil
# undressing and "with lustful intent"; Telugu "a provocative dance" and "for adults"; Kannada "a bedroom romance
# scene" and "with an adult man"; Sinhala "little boy/girl"; Burmese "ten-year-old" and "in a seductive manner";
# Sundanese "muka baju" (takes off clothes) and "in a seductive way"; Somali "takes off the clothes" without a
# subject marker and "filmed for adults"; Hausa "in a lustful style"; Luxembourgish primary-school child compounds;
# Maori "a sexual dance"; Samoan "in a sexual way" and "schoolboy/schoolgirl".
_MINOR_OTHER_8 += (
    *(f"{o}{e}" for o in _MR_ORD for e in ("तल्या", "तील", "तली", "तला")),
    "පුංචි කොල්ල", "පුංචි කෙල්ල", "ဆယ်နှစ်အရွယ်", "ကိုးနှစ်အရွယ်", "ရှစ်နှစ်အရွယ်", "ခုနစ်နှစ်အရွယ်", "ခြောက်နှစ်အရွယ်",
)
_SEXUAL_OTHER_8 += (
    "मादक नाच", "मादक नृत्य", "प्रौढांसाठी", "ஆடை அவிழ்", "காம நோக்க", "రెచ్చగొట్టే డ్యాన్స్", "రెచ్చగొట్టే నృత్య",
    "పెద్దల కోసం", "ರೊಮ್ಯಾನ್ಸ್ ದೃಶ್ಯ", "ವಯಸ್ಕ ಪುರುಷನೊಂದಿಗೆ", "ဆွဲဆောင်တဲ့ပုံစံ",
)
MINOR_TERMS_ADDED_8 += [
    r"primarschoul(bouf|meedchen|kand|kanner|schuler|schulerin)\w*", r"(tama|teine) a ?oga( tulagalua| amata)?",
]
SEXUAL_TERMS_ADDED_8 += [
    r"(muka|ngabuka|mukaan) baju", r"(cara|carana) (anu )?(ngagoda|ngagairahkeun)",
    r"dhark(a|eeda|iisa|ooda) iska (siib|bixi|furt|fur)\w*", r"(loo|u) duub\w* dad(ka)? waaweyn",
    r"(cikin|da) salon sha ?awa", r"(kanikani|ahua|nekehanga|titiro|whakaahua)( ana)? a ira",
    r"(auala|faiga|siva|ala) (\w+ )?fa ?afeusua ?i\w*",
]
MINOR_WORDS_OTHER_SCRIPTS_ADDED_8: tuple[str, ...] = _nfkc(_MINOR_OTHER_8)
SEXUAL_WORDS_OTHER_SCRIPTS_ADDED_8: tuple[str, ...] = _nfkc(_SEXUAL_OTHER_8)

# --- batch "added 2026-12-05, romanised": the languages above typed in Latin letters (the `_9` lists) ---
# Wired like the batches above (safety/defaults.py, migration safety 0020). Written against the normalised prompt:
# Arabizi "3", "7" and "5" next to letters are read as leetspeak ("3arya" is "earya", "7aga" "taga", "ta5t" "tast"),
# "2", "8", "9" stay ("ra2s", "ma8itria"), an apostrophe is a space ("shkol'nitsa" is "shkol nitsa").
# Unit ages after a tens word are the end of a larger number ("dvadtsat' sem' let" is 27, "eikosi pente xronwn" 25,
# "irupathu anju vayasu" 25): such units count only where no tens word is before them (leading lookbehinds, which
# `safety.rules.compile_rule` turns into RE2), or only right after a pronoun or a child noun.
_R9_TENS_RU = "".join(f"(?<!{w} )" for w in (
    "dvadtsat", "dvadcat", "dvatsat", "tridtsat", "tridcat", "sorok", "pyatdesyat", "pjatdesjat", "shestdesyat",
    "semdesyat", "vosemdesyat", "devyanosto", "dvadtsyat", "trydtsyat", "sorok", "p yatdesyat"))
_R9_TENS_RU_GEN = "".join(f"(?<!{w} )" for w in (
    "dvadtsati", "dvadcati", "tridtsati", "tridcati", "soroka", "pyatidesyati", "shestidesyati", "semidesyati"))
_R9_TENS_EL = "".join(f"(?<!{w} )" for w in (
    "eikosi", "ikosi", "eikosh", "ikosh", "trianta", "saranta", "peninta", "penhnta", "eksinta", "exinta",
    "evdominta", "ebdominta", "ogdonta", "eneninta", "enenhnta"))
_R9_TENS_TA_TE = "".join(f"(?<!{w} )" for w in (
    "irupathu", "irubathu", "irupadhu", "muppathu", "mupathu", "naarpathu", "narpathu", "ambathu", "aimbathu",
    "iravai", "iruvai", "muppai", "muppay", "nalabhai", "nalabai", "yabhai", "ebhai"))
_R9_TENS_KO = "".join(f"(?<!{w} )" for w in ("seumul", "seumu", "seoreun", "maheun", "swin", "yesun", "ireun",
                                             "yeodeun", "aheun"))


def _r9_after_not(*words: str) -> str:
    """The start of the prompt, or a word other than `words`, and a space: as `_AFTER_NOT_U` for a set of short words
    (a lookbehind "(?<!ha )" would also skip an age after Thai "pha", and one with a space before the word would miss
    a tens word at the very start of the prompt)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def other(node: dict[str, Any], root: bool) -> str:
        kids = sorted(c for c in node if c)
        alternatives = [] if root or "" in node else [""]
        alternatives.append(f"[^{''.join(kids)}\\W]\\w*" if kids else r"\w+")
        alternatives += [c + other(node[c], False) for c in kids]
        return "(" + "|".join(alternatives) + ")"

    return f"(^|{other(trie, True)} )"


_R9_TENS_ZH = _r9_after_not("shi", "ershi", "sanshi", "sishi", "wushi", "liushi", "qishi", "bashi", "jiushi")
_R9_BEFORE_SHI_ZH = _r9_after_not("er", "liang", "san", "si", "wu", "liu", "qi", "ba", "jiu")
_R9_TENS_JA = _r9_after_not("ni", "san", "yon", "go", "roku", "nana", "hachi", "kyuu", "kyu")
_R9_TENS_TH = _r9_after_not("yi", "sam", "si", "see", "ha", "hok", "jet", "jed", "paet", "kao", "sip", "yisip", "samsip")
# Persian "bist o panj" (25): a unit counts only after a word other than "o", "va" or "u" (as `_AFTER_NOT_U`).
_R9_AFTER_NOT_O = r"(^|(\w*[^oau\W]|\w+o|\w+u|a|\w*[^v\W]a|\w+va) )"

_R9_HI_NUM = ("(ek|do|teen|tin|char|chaar|paanch|panch|chhe|chhah|chhey|che|cheh|saat|sat|aath|aat|nau|nao|das|dus|"
              "gyarah|gyara|gyaarah|gyaara|barah|bara|baarah|baara|terah|tera|chaudah|chauda|chodah|pandrah|pandra|"
              "pendra|pandhra|choudah|chowdah|solah|sola|satrah|satra|sattrah|[1-9]|1[0-7])")
_R9_HI_CHILD = ("(ladki|larki|ladkiyan|larkiyan|ladka|larka|ladke|larke|bachchi|bachi|bacchi|bachhi|bachchiyan|bachiyan|"
                "bachcha|bacha|baccha|bachha|bachche|bache|bacche|bachhe|bitiya|gudiya|guriya|chhokri|chokri|chhokra|"
                "chokra|kudi|kuri|munda|beti|beta|student|chhatra|chhatri|chatra|chatri)")
_R9_HI_GRADE = ("(([3-9]|1[0-2])(th|rd|vi|vin|ve|va|wi|win|we|wa)?|teesri|tisri|tesri|chauthi|chothi|chouthi|paanchvi|"
                "panchvi|paanchvin|panchvin|panchwi|chhathi|chhati|chhatvi|chati|saatvi|satvi|saatvin|satvin|aathvi|"
                "athvi|aathvin|athvin|nauvi|nauvin|nouvi|dasvi|daswi|dasvin|daswin|gyarahvi|gyarvi|gyarvin|barahvi|"
                "barvi|barvin|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)")
_R9_HI_MEDIA = (r"(film|filmein|filmen|video|videos|movie|movies|scene|clip|clips|photo|photos|tasveer\w*|content|show|channel|"
               "web ?series|series|reel|reels|photoshoot|website|site|gaana|gana|dance|mujra)")
_R9_HI_FILMED = r"(shoot|record|banaya|banayi|banai|banaye|filmaya|filmayi|khincha|khinchi|kheencha|kheenchi)\w*"
_R9_AR_NUM = ("([1-9]|1[0-7]|wahda|wahed|wahid|watda|wated|itnen|etnen|itnein|etnein|tnen|tnin|talata|tlata|tlatha|"
              "thalatha|arbaa|arbaea|arbea|arba|khamsa|khamse|khams|samsa|sitta|setta|sette|sitte|sabaa|sabea|saba|"
              "sabe|tamanya|tamanye|tamania|thamania|thamanya|tmanya|tisa|tesa|tisea|tesea|tisaa|tesaa|eashra|eashara|"
              "ashra|ashara|eashr|ashr|eshr|hedashar|hdashar|tedashar|idashar|ihdashar|itnashar|etnashar|itnasher|"
              "etnasher|tnash|talatashar|tlatashar|tletash|arbaetashar|arbatashar|arbaatashar|arbatash|arbetash|"
              "khamastashar|khamstashar|khamstash|sittashar|settashar|sitash|sabaetashar|sabatashar|sabetashar|sbatash|"
              "sabatash)")
_R9_AR_YRS = "(sana|sanah|sanawat|sanwat|snin|sneen|sinin|seneen|snine|sanin|eam|ewam|aam|sna)"
_R9_AR_CLOTHES = ("(el ?|al ?|l)?(hdom|hdoum|hodom|hudum|hdum|tyab|teyab|thiyab|thyab|tiyab|twab|malabes|malabis|"
                  "malabsa|lebs|lbas|lebsa|lbasha|hwayj|twayj|twaij|twajh|kiswa|keswa|fostan|festan|fustan|fsetna|jiba|"
                  "jibba|jeeba|geba|gipa|gonella|jupe|jupa|tanoura|tannoura|tnoura|kilot|kolot|klot|culotte|kuloot|"
                  r"sotyan|sutyan|sutian|soutien|bantalon|pantalon|serwal|sirwal|bijama|pijama|twayej|hwayej|twayeg)\w*")
_R9_AR_UNDRESS = ("(te2lae|ti2lae|tie2lae|bte2lae|btie2lae|bti2lae|t2lae|2alaet|2alae|2aleet|ie2lae|e2lae|yi2lae|"
                  "ye2lae|bye2lae|2laei|e2laei|i2laei|tiqlae|teqlae|qalaet|tshlat|tishlat|teshlat|btishlat|btshlat|"
                  "btshlah|btishlah|tishlah|tshlah|shlatet|shalatet|shaltet|shaltat|shalhat|shalahet|eshlati|ishlati|"
                  "eshlahi|ishlahi|tfassas|tfasas|tfassat|fassat|fasasat|tifsas|2alea|"
                  r"kattayed|kattayd|katayed|ttaydi|taydi|tteyed|ttayad|tnazzae|tnazae|tnazzee|tnazee|nazaet|nazzaet)\w*")
_R9_AR_MAN = ("(raagel|ragel|ragl|rajel|rajil|rajul|rejal|zalama|zalameh|zalame|rejjal|rajjal|rajjel|rgel|shayeb|"
              "shayib|eagooz|eajooz|eajouz|ajooz|agooz|eegooz)")
_R9_AR_BED = ("(sereer|sirir|srir|sarir|takht|takhet|tast|tasst|namousia|namousiya|namosia|namusia|farsha|ferash|"
              "fraash|frash|firash|2odet el nom|2odt el nom|odet el nom|oudet el nom|ghorfet el nom|ghorfat al nawm|"
              "ghorfit al nom|beit el nom)")
_R9_RU_NUM = ("([1-9]|1[0-7]|odin|odna|dva|dve|tri|chetyre|chetire|pyat|pjat|piat|shest|sem|vosem|devyat|devjat|"
              "deviat|desyat|desjat|desiat|odinn?ad(ts|c|z|tz)at|dvenad(ts|c|z|tz)at|trinad(ts|c|z|tz)at|"
              "chetyrnad(ts|c|z|tz)at|chetirnad(ts|c|z)at|p(y|j|i)atnad(ts|c|z|tz)at|shestnad(ts|c|z|tz)at|"
              "semnad(ts|c|z|tz)at|odyn|try|chotyry|p yat|shist|sim|visim|dev yat|desyat|odynadtsyat|dvanadtsyat|"
              "trynadtsyat|chotyrnadtsyat|p yatnadtsyat|pyatnadtsyat|shistnadtsyat|simnadtsyat)")
_R9_RU_GEN = ("(dvuh|dvukh|treh|trekh|tryoh|chetyreh|chetyrekh|pyati|pjati|shesti|semi|vosmi|devyati|devjati|desyati|"
              "desjati|odinn?ad(ts|c)ati|dvenad(ts|c)ati|trinad(ts|c)ati|chetyrnad(ts|c)ati|pyatnad(ts|c)ati|"
              "pjatnad(ts|c)ati|shestnad(ts|c)ati|semnad(ts|c)ati)")
_R9_RU_GRADE = ("([1-9]|1[01]|tretem|tretyem|tretiem|chetvertom|chetvyortom|pyatom|pjatom|shestom|sedmom|vosmom|devyatom|"
                "devjatom|desyatom|desjatom|odinnadtsatom|tretego|tretyego|chetvertogo|pyatogo|shestogo|sedmogo|"
                "vosmogo|devyatogo|desyatogo|tretomu|tret omu|chetvertomu|p yatomu|pyatomu|shostomu|somomu|vosmomu|"
                "devyatomu|dev yatomu|desyatomu)")
_R9_FA_NUM = ("(yek|do|se|chahar|chehar|char|panj|shish|shesh|haft|hasht|noh|nouh|dah|yazdah|yazda|davazdah|davazda|"
              "sizdah|sizda|chahardah|chahrdah|chaharda|panzdah|panzda|poonzdah|poonzda|punzdah|shanzdah|shanzda|"
              "hefdah|hefda|hivdah|hivda|[1-9]|1[0-7])")
_R9_BN_NUM = ("(ek|dui|tin|char|panch|pach|chhoy|choy|chhoi|saat|sat|aat|at|noy|nou|dosh|dos|egaro|baro|tero|choddo|"
              "chouddo|ponero|ponro|sholo|solo|shotero|sotero|satero|[1-9]|1[0-7])")
_R9_BN_YR = ("(bochor|bochhor|bachhar|bochar|bosor|bachar|botshor|bachor|bocor)(er|rer)?")
_R9_EL_NUM = ("(ena|enas|mia|dyo|dio|duo|tria|tris|tessera|tesseris|tesera|teseris|pente|pende|exi|eksi|eei|efta|"
              "epta|okto|oxto|ohto|ochto|ennia|ennea|enia|enea|deka|enteka|endeka|dwdeka|dodeka|dekatria|dekatris|"
              "dekatessera|dekatesseris|dekatesera|dekapente|dekapende|dekaexi|dekaeksi|dekaeei|dekaefta|dekaepta|"
              "[1-9]|1[0-7])")
_R9_EL_YRS = "(xronwn|xronon|xronw|xronou|xronakia|hronwn|hronon|hronou|chronon|chronwn)"
_R9_TA_NUM = ("(onnu|ondru|rendu|irandu|moonu|munu|moondru|naalu|nalu|naangu|anju|ainthu|aindhu|aaru|aru|ezhu|elu|ettu|"
              "onbadhu|ombodhu|onbathu|ombathu|pathu|paththu|padhu|padhinonnu|padinonnu|pathinonnu|pannendu|"
              "pannirendu|panirendu|padhimoonu|pathimoonu|padimunu|padhinaalu|pathinalu|padinalu|padhinanju|"
              "pathinanju|padinanju|padhinaaru|pathinaaru|padinaru|padhinezhu|pathinezhu|padinelu|pathinelu|okati|"
              "moodu|mudu|naalugu|nalugu|aidu|ayidu|edu|yedu|enimidi|yenimidi|tommidi|thommidi|padi|padhi|padakondu|"
              "pannendu|padamudu|padamoodu|padnalugu|padihenu|padaharu|padihedu|[1-9]|1[0-7])")
_R9_NE_PA_NUM = ("(ek|ik|ikk|dui|do|tin|tinn|char|chaar|panch|paanch|panj|chha|chhe|chhey|saat|sat|satt|aath|ath|atth|"
                 "nau|das|dash|eghaara|eghara|egara|gyaaran|gyaran|gyara|baara|bara|baaran|baran|barha|tera|teraan|"
                 "terha|chaudha|chauda|chaudaan|pandhra|pandra|pandran|pandraan|sora|sorha|sola|solaan|solan|satra|"
                 "satrha|staaran|staran|sataran|[1-9]|1[0-7])")
_R9_TH_NUM = ("(nueng|neung|nung|song|sam|si|see|ha|hok|jet|jed|chet|ched|paet|pad|pet|kao|gao|kow|sip|sip et|sip ed|"
              "sipet|sip song|sipsong|sip sam|sipsam|sip si|sipsi|sip see|sip ha|sipha|sip hok|siphok|sip jet|sipjet|"
              "sip jed|[1-9]|1[0-7])")
_R9_KO_NUM = ("(daseot|daseos|yeoseot|yeoseos|ilgop|yeodeol|yeodol|ahop|yeol|yeolhan|yeol han|yeoldu|yeol du|yeolse|"
              "yeol se|yeolne|yeol ne|yeoldaseot|yeol daseot|yeoldaseos|yeoryeoseot|yeolyeoseot|yeol yeoseot|"
              "yeoryeoseos|yeorilgop|yeolilgop|yeol ilgop)")

MINOR_TERMS_ADDED_9: list[str] = [
    # Hindi/Urdu (Hinglish, Roman Urdu): ages with the possessive before a child noun ("10 saal ki bachchi"; a bare
    # "10 saal" is also a duration, "10 saal ki mehnat" ten years' work), "she is only 12" ("sirf 12 saal ki hai"),
    # "saala"/"varshiya" before a child noun, "umar 12 saal"; little girls and boys ("chhoti ladki": "ladki" alone is
    # any girl or young woman; "bachi" alone is also "was left"), child words ("bachchi", "nabalig"), school girls
    # and grades ("class 6 ki", "8vi class ki"; not "1st class ka ticket")
    rf"{_R9_HI_NUM} (saal|sal|saalon|salon|baras|baris|varsh|varsha|warsh|barson|year|years|yr|yrs) (ki|ka|ke) ((\w+ )?{_R9_HI_CHILD}|umar|umr|umer|umra|age|aayu)(?! (test|testing|version|release|visa|loan|card|life|pass))",
    rf"{_R9_HI_CHILD} (\w+ )?{_R9_HI_NUM} (saal|sal|baras|varsh|year|years) (ki|ka|ke)\b",
    rf"(sirf|bas|abhi|abhi sirf|abhi bas|only|meri|mera|uski|uska|woh|wo|vo) {_R9_HI_NUM} (saal|sal|baras|varsh) (ki|ka|ke) (hai|he|thi|tha|hain|hoon|hu|hun|hogi|hoga)",
    rf"{_R9_HI_NUM} ?(saala|saalah|saali|varshiya|varshiye|varshiy|barsi) (\w+ )?{_R9_HI_CHILD}",
    rf"((ki|ka|ke|jiski|uski|meri|iski|teri|unki|apni|inki) (umar|umr|umer|umra|aayu) (sirf |bas |lagbhag |kareeb |karib |abhi |hai |thi )?|(umar|umr|umer|umra|aayu) (sirf|bas|lagbhag|kareeb|karib|abhi) ){_R9_HI_NUM} (saal|sal|baras|varsh)",
    r"bach?chi(yan|yon|yaan)?|bachiyan|bachiyon|kishori|nanhi pari|bacchi(yan|yon)?|bachhi(yan)?|bachcha|baccha|bachha|bachche|bachhe|bachchon|bacchon|bachon",
    r"na ?baa?li(g|gh)|naa ?baa?li(g|gh)|nabaalig|kamsin (ladki|larki|bachi|bachchi|umar|umr|umer|ladka|larka|kudi)",
    r"(chhoti|choti|chhotti|chotti|nanhi|nanhee|nanni|chhoti si|choti si|nanhi si|pyari si|masoom|maasoom|masum) (ladki|larki|bachi|bachchi|bacchi|bitiya|gudiya|guriya|kudi|chhokri|chokri|ladkiyan|larkiyan|bachiyan|bachchiyan)",
    r"(chhota|chota|chhotu|nanha|nanhe|chhote|chote|chhota sa|chota sa|chhote se|chote se) (ladka|larka|ladke|larke|bacha|bachcha|baccha|bache|bachche|bachhe|munna|chhokra|chokra)",
    rf"(school|skool|iskool|schul) (ki|ka|ke|jaane wali|jaane vali|jane wali|jane vali|jaati|jati|jaata|jata|jaane wala|jane wala|wali|vali|wala|vala|mein padhne wali|me padhne wali|mein padhti|me padhti|mein padhta|me padhta|padhti|padhta|going) (\w+ )?{_R9_HI_CHILD}",
    r"(class|klas|kaksha|kaksa|jamat|jamaat|std|standard) ([1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(th|st|nd|rd)? (mein |me |main |ki |ka |ke )?((mein |me |main |ki |ka |ke )(student|ladki|larki|ladka|larka|bachi|bachchi|bacchi|bachcha|baccha|chhatra|chhatri|chatra|chatri|bache|bachche)|(mein |me |main )?(padhti|padhta|parhti|parhta|padhne|parhne)|(mein|me|main) (hai|he|thi|tha|hoon|hu)\b)",
    rf"{_R9_HI_GRADE} (class|kaksha|kaksa|jamat|jamaat|std|standard) ((mein |me |main )?(padhti|padhta|parhti|parhta|padhne|parhne)|((ki|ka|ke|wali|wala|vali|vala) (\w+ )?)?{_R9_HI_CHILD})",
    rf"{_R9_HI_GRADE} (mein|me|main) (padhti|padhta|parhti|parhta)",
    # Arabic (Arabizi: Egyptian, Levantine, Gulf, Maghrebi): "her age is 12 (years)" ("3omraha 12 sana", not the start
    # of "khamsa w 3eshreen", 25), "she has 12 years" ("3andaha 12 sana", the years required: "3ando 12" is twelve of
    # anything), a girl or a boy of N years ("bent 10 snin"), little girls and boys ("bent sghira", "bnita"), child
    # and pupil words ("tifla", "telmiza", "mora2e2a"), primary and preparatory school ("ebtida2i", "e3dadi"), grades
    rf"(eomraha|eomrha|eomrah|eomra|omraha|omrha|eumraha|eumrha|umraha|umrha|eomro|eomru|eomroh|omro|omru|eumro|eumru|eomrou|omrou|emrha|emraha|emro|eomr|omr|eumr) ((bas|bass|faqat|fa2at|yadoub|yadob|bilkad|hawali|ta2reeban|taqriban|ta2riban) )?{_R9_AR_NUM}( {_R9_AR_YRS})?(?! (w|wa|we|u|o|ou) )",
    rf"(eandaha|eandha|eandaa|endaha|endha|andaha|andha|eindaha|eindha|eando|eandu|endo|eindo|eandah|eendha|eendaha|eendo|eendu) ((bas|bass|faqat|fa2at|yadoub|yadob|hawali) )?{_R9_AR_NUM} {_R9_AR_YRS}(?! (khebra|khibra|experience|fel|fil|fi|shoghl|khedma|eamal|taj?rba))",
    rf"(bent|bint|benet|bnt|walad|wald|weld|ould|tifl|tefl|tifla|tefla|tfla|tofla|ebn|ibn|ebnet|ibnat|telmiza|tilmiza|tilmitha|talmitha|telmitha|telmiz|tilmiz|tilmidh|talmeez) (\w+ )?((fi|fe|f|men|min|mn|bi|b) )?((eomr|omr|eumr|sen|sinn) )?{_R9_AR_NUM} {_R9_AR_YRS}",
    r"tifl|tefl|tifla|tefla|tfla|tofla|tfula|atfal|atfaal|etfal|tfal|tifel|tfel",
    r"(bent|bint|benet|bnt|banat|bnat|binat|tifla|tefla|bnaya|bnayya|bnit|bnita|benti|binti) (\w+ )?(sghira|sghera|sgheera|sgheere|sghire|sghayra|sghaira|zghira|zghera|zgheera|zghire|zgheere|zghayra|zghaira|zghayre|soghayra|soghayara|sughayra|sughaira|saghira|sagheera|s8ira|s8eera|s8ayra|s8ayara|9ghira|9ghera|9ghayra|sghar|zghar|soghar|sighar|s8ar|9ghar|zgar)",
    r"(walad|wald|weld|wlad|wled|ould|ebn|ibn|tifl|tefl|9abi|sabi) (\w+ )?(sghir|sgher|sgheer|sghayar|zghir|zgher|zgheer|zghayar|soghayar|sughayar|saghir|sagheer|s8ir|s8eer|s8ayar|9ghir|9gher|zgar)",
    r"bnita|bnayta|bnayya|bniyya|drari|driyya|dri (sghir|zghir|sghar)|bzar|eeyal|eiyal|eayel|tfol|fatat (\w+ )?(sghira|saghira|zghira|soghayra|sughayra)",
    r"telmiz(a|et|at|t)?|tilmiz(a|at|et)?|tilmi(th|dh)(a|at)?|talmitha|telmitha|talmeez|talamiz|talamidh|tlamid|tlamed|tilmeeza|telmeeza|tlmida|tlamida",
    r"mora2e2a|mora2e2|mora2i2a|mura2i2a|mura2e2a|murahiqa|murahiq|moraheqa|moraheq|murahaqa|mourahiqa|mourahiq|mrahqa|mourahiqin|murahiqin|morahqa|murahqa",
    r"[ei]bt[ei]daa?(2|e)?[eiy]{1,2}(a|ah|ya|yya|yyah|eya)?|(i|e|2e|2i)edad(i|y|iya|eya|ey|yya)",
    r"(saf|saff|sef|9af|elsaf|essaf) (el |al |e |l )?(talet|thaleth|thalith|talit|talta|thaltha|rabe|rabee|rabie|rabi|rabea|rabiea|rabia|khames|khamis|sames|samis|sades|sadis|sadess|sadsa|sadisa|sabe|sabee|sabie|sabi|sabea|sabiea|tamen|thamen|thamin|tamin|tamna|thamina|tasee|tasie|tase|tasi|tasea|tasiea|easher|eashir|asher|ashir|eashra|[3-9]|1[0-2])",
    # Russian and Ukrainian (transliterated): "she is 12" ("ey 12 let", "yiy 12 rokiv", right after the pronoun or
    # "uzhe"/"vsego": "ey dvadtsat' sem' let" is 27), N-year-old ("12-letnyaya", "pyatiletnyaya", "desyatyrichna"),
    # "at the age of" with a number, "N let ot rodu" (after a word that is not a tens word), girl, boy, child, pupil,
    # teen and minor words, "in the 6th class" ("v 6 klasse", "u 6 klasi")
    rf"(ey|yey|jej|ej|yej|ei|yei|emu|yemu|jemu|devochke|malchiku|rebenku|rebyonku|docheri|dochke|dochenke|synu|synishke|plemyannitse|vnuchke|vnuku|yiy|yij|jij|yii|iyi|yomu|jomu|yiyi) ((uzhe|uje|vsego|tolko|tol ko|rovno|pochti|ispolnilos|stuknulo|bylo|budet|vzhe|lyshe|lishe|tilky|til ky) )?{_R9_RU_NUM} (let|goda|god|godika|godikov|rokiv|roky|roki|rik|rochkiv)",
    rf"{_R9_TENS_RU_GEN}({_R9_RU_GEN}|[1-9]|1[0-7]) ?letn(yaya|aya|yaja|aja|iaia|iaya|yuyu|uyu|yuju|uju|ego|ey|ei|ij|iy|yy|ii|yi|ie|ye|yaa|ikh|ih|im|yh|ykh|ym|oy|oi|ogo|yaja)",
    r"(dvoh|dvokh|tr(y|i)oh|trokh|chotyrokh|p yaty|pyaty|p(y|j|i)atyr|shesty|semy|vos?my|dev yaty|devyaty|desyaty|odynadtsyaty|dvanadtsyaty|trynadtsyaty|chotyrnadtsyaty|p yatnadtsyaty|pyatnadtsyaty|shistnadtsyaty|simnadtsyaty|[1-9]|1[0-7]) ?richn(a|ij|yi|yy|iy|oho|ogo|u|oyu|i|yj)",
    rf"(v )?vozrast\w* ({_R9_RU_NUM}|{_R9_RU_GEN}) (let|goda|god)",
    rf"{_R9_TENS_RU}{_R9_RU_NUM} (let|goda|god) (ot rodu|otrodu)",
    r"devo(ch|tch)(ka|ki|ku|ke|koy|koi|kami|kam|kakh|kah|ek)|devoa(ka|ki|ku|ke)|mal ?(ch|tch)(ik|ika|iku|ikom|iki|ikov|ikam|ikami|ishka|ishki)",
    r"rebenok|rebyonok|rebionok|rebenka|rebenku|rebenkom|rebenke|rebyonka|rebyonku|detki|detok|detkam|detishk\w*|detochk\w*|detsk(iy|ij|ii|aya|aja|oe|oye|ogo|ie|iye|ikh|ih|im|uyu|uju|omu)|detsad\w*|detey|detei|detyam|detmi",
    r"shkol ?(nits|nic|nitz|nich)(a|y|i|u|e|ey|ei|oy|oi|ami|am)|shkol ?nik(a|i|u|om|ov|am|ami)?|wkol ?nits\w*|wkol ?nik\w*|shkol(y|i|j)ar(ka|ku|ki|tsi|ochka|ochky|yk|ik)",
    r"podrost(ok|ka|ki|ku|kom|kov|kam|kami|kovaya|kovyy|kovy|kovaja)|pidlit(ok|ka|ky|ki|kovi|kiv|ky)|maloletk\w*|maloletn\w*|nesovershen?noletn\w*|nepovnolit\w*",
    r"(pervo|vtoro|treti|tretye|chetverto|chetvero|pyati|pjati|shesti|semi|vosmi|devyati|desyati|odinnadtsati)klassn(itsa|ica|itsy|icy|itse|ice|itsu|icu|ik|ika|iki|iku|ikom|ikov|ikam)",
    r"divch(y|i)nk(a|y|i|u|oyu|ok)|(kh|h)lop(ch|c)(y|i)k(a|y|i|u|om|iv|ovi)?|d(y|i)t(y|i)n(a|y|u|oyu|i)|ditey|ditei|dityam|dity|uchenit?s(a|y|u|e|ey)|tin(e|ei)(j|y)dzher\w*|uchen(y|i)(ts|c)(i|y)(a|ya|ia|u|yu|iu)",
    rf"(v|vo|u|iz|uchenitsa|uchenica|uchenitsy|uchenicy|uchenik|uchenika|ucheniki|uchenitse|uchenitsu|ucenica|uchenytsia|uchenytsya|uchenyk|uchnytsia|uchnytsya|uchnytsa) {_R9_RU_GRADE} klas(s)?(e|a|i|u)",
    # Japanese (romaji): ages ("12 sai", "juunisai"; "issai", entirely, "jissai", actually, and "sansai", wild
    # vegetables, are left out; "juu ni sai" not after a tens word), grades with "nensei" (not after "daigaku"), pupils
    # of primary, middle and high school, kindergarten, "little girl" ("chiisana onna no ko": "onna no ko" and
    # "shoujo" alone are any girl, an anime genre), child words ("kodomo", "youjo", "akachan", "ojou-chan")
    r"([1-9]|1[0-7])sai",
    r"([1-9]|1[0-7]) sai(?! (lam|sot|as |a |da |do |dos |das |pra |para |de |com |cedo|hoje|agora|amanha|em |no caminho))",
    r"nisai|yonsai|rokusai|nanasai|hassai|hachisai|kyuusai|kyusai|jussai|jyussai|jy?u(u)?(issai|ichisai|nisai|sansai|yonsai|gosai|rokusai|nanasai|shichisai)",
    rf"{_R9_TENS_JA}(juu ?(ichi|ni|san|yon|shi|go|roku|nana|shichi)? ?|ju ?(ichi|ni|san|yon|shi|go|roku|nana|shichi) ?)sai",
    rf"{_r9_after_not('juu', 'ju')}(yon|roku|nana|hachi|kyuu|kyu) sai (no|desu|ni|de|kara|made|dayo|datta|gurai|kurai)\b",
    r"(shou|sho|shoo|syou|syo|chuu|chu|tyuu|shougaku|shogaku|chuugaku|chugaku|koukou|kokou|koko) ?([1-6]|ichi|ni|san|yon|go|roku) ?nensei",
    r"(?<!daigaku )(?<!dai )(?<!daigakusei )(?<!tandai )(?<!senmon )([1-6]|ichi|ni|san|yon|go|roku) ?nensei( no)? (onna ?no ?ko|otoko ?no ?ko|ko|shoujo|shojo|shounen|shonen|joshi|danshi|seito|jidou)",
    r"(shou|sho|shoo|syou|syo)gakusei|(chuu|chu|tyuu|tyu)gakusei|(kou|ko|koo)kousei|kokosei|joshi ?(shou|sho)gakusei|joshi ?(chuu|chu)gakusei|joshi ?kou ?sei|joshikosei|jyoshikousei",
    r"(you|yo|yoh)chien(ji|sei)?|hoikuen(ji)?|youjo|kodomo(tachi|ra)?|akachan|ojou ?chan|ojo ?chan|rorikon|rori (no|ga|wa|kei)|j(k|c) (no|ga|wa)|jy?unia ?aidoru|jy?unia ?idol",
    r"(chiisai|chiisana|chisai|chisana|osanai|osana|chicchai|chicchana) (\w+ )?(onna ?no ?ko|otoko ?no ?ko|ko|shoujo|shojo|shounen|shonen|musume|kodomo|joshi)",
    r"(shou|sho|chuu|chu|kou|ko)(gakkou|gakko|gakkō) no (onna ?no ?ko|otoko ?no ?ko|ko|seito|joshi)",
    # Chinese (pinyin): ages with "sui" ("12 sui", "shi'er sui", "shiersui"; a unit not after "ershi", 20, nor a
    # teen's "shi" after a unit: "er shi wu sui" is 25), little girl and boy ("xiao nühai", "xiao nvhai": "nühai"
    # alone is any girl), children and pupils ("ertong", "xiaoxuesheng", "chuzhongsheng"), "wei chengnian", grades
    r"([1-9]|1[0-7])sui|([1-9]|1[0-7]) sui (de|nv|nu|nan|xiao|le|shi|ban|qian|ma|ne|ba)\b",
    rf"{_R9_BEFORE_SHI_ZH}shi ?(yi|er|san|si|wu|liu|qi)? ?sui",
    rf"{_R9_TENS_ZH}(yi|liang|er|san|si|wu|liu|qi|ba|jiu) sui",
    r"(shi)?(yi|er|si|wu|liu|qi|ba|jiu)sui|shi(san|yi|er|si|wu|liu|qi)?sui|liangsui",
    r"xiao ?n(u|v|yu)hai(zi|r|er|men)?|xiao ?nanhai(zi|r|men)?|n(u|v)tong|ertong|tongn(u|v)|youtong|xiao ?n(u|v|yu) hai|er tong|hai zi|xiao hai|xiao gu ?niang|xue ?sheng ?mei|zheng ?tai|xiaohai(zi|r)?|xiao hai ?zi|haizi(men)?|xiao ?pengyou|youeryuan|you er yuan|youn(u|v)",
    r"xiao ?xue ?sheng|chu ?zhong ?sheng|gao ?zhong ?sheng|(xiao ?xue|chu ?zhong|gao ?zhong) ?n(u|v) ?sheng|wei ?cheng ?nian( ren)?|luoli|xiao ?luoli",
    r"(?<!daxue )(?<!da xue )(?<!da )(?<!boshi )(?<!bo shi )(?<!yanjiusheng )(?<!yan jiu sheng )(?<!shuoshi )(xiao ?xue |chu ?zhong )?([1-9]|yi|er|san|si|wu|liu|qi|ba|jiu) ?nian ?ji",
    r"chu ?(yi|er|san)( de)? (n(u|v) ?sheng|nan ?sheng|xue ?sheng|n(u|v) ?hai(zi)?|nan ?hai(zi)?|hai ?zi)",
    # Korean (romanised): ages with "sal" (native numbers; digits only with a Korean ending or noun: Persian "12 sal"
    # is twelve years), elementary and middle school pupils, "yeojungsaeng", kindergarten, a girl or boy child
    # ("yeoja ai"), "eorin" (young) before a child word, "eorini", grades ("6hangnyeon", not after "daehak")
    rf"{_R9_TENS_KO}{_R9_KO_NUM} ?sal(i|ui|eui|in|ieyo|iya|jjari|bakke)?",
    r"([1-9]|1[0-7])sal(i|ui|jjari|ieyo|iya)?|([1-9]|1[0-7]) sal ?(jjari|ui|eui|in|ieyo|iya|ida|yeoja|namja|ai|sonyeo|sonyeon|yeojaai|namjaai|kkoma|yeohaksaeng|haksaeng)",
    r"cho ?d(eu|u)ng ?hak ?s(ae|e)ng(i|deul|ideul|ege)?|jung ?hak ?s(ae|e)ng(i|deul|ideul|ege)?|go ?d(eu|u)ng ?hak ?s(ae|e)ng(i|deul|ideul)?|yeo ?jung ?s(ae|e)ng|yeo ?go ?s(ae|e)ng|nam ?jung ?s(ae|e)ng|jhongsaeng|jungding|joongding|choding|chodding",
    r"yu ?chi ?w(o|eo)n(sang|saeng|a)?|yeo ?ja ?a(i|e)(deul|ga|reul|neun)?|nam ?ja ?a(i|e)(deul|ga|reul|neun)?|eorini(deul|ga|reul|neun|ui)?|miseongnyeon(ja)?|(cho|jung) ?([1-6]|il|i|sam) (yeo|nam)?haksaeng",
    r"eo ?rin (\w+ )?(ai|ae|aideul|sonyeo|sonyeon|yeoja ?ai|namja ?ai|yeoja|ttal|adeul|haksaeng)",
    r"(?<!daehak )(?<!daehakgyo )(?<!dae )(chodeung |cho |jung |junghak |junghakgyo )?([1-6]|il|i|sam|sa|o|yuk) ?(hangnyeon|haknyeon|hangnyun|haknyun)(i|saeng|ui|in)?",
    # Persian (Finglish): "a 10-year-old girl" ("dokhtare 10 sale"), "she is 12" ("12 salesh e"; a unit not after the
    # connector of "bist o panj", 25), "her age is 12", "dokhtar bache", little girl and boy, child, teen and pupil
    # words ("koodak", "nojavan", "dabestani", "danesh amooz"), grades from the third
    rf"(dokhtar|dokhtare|dokhtari|dokhtaraki|pesar|pesare|pesari|bache|bachche|bachhe|bacheye|koodak|kudak|koodake|kudake|dokhtarak|dokhtarake|pesarak|pesarake|danesh ?amooz|daneshamuz) (\w+ )?{_R9_FA_NUM} ?sal(e|eh|ash|ashe|eshe|esh|a)",
    rf"{_R9_AFTER_NOT_O}{_R9_FA_NUM} ?sal(ash|esh|eshe|ashe|eshun|eshoon)",
    rf"senn?(esh|ash|e|i) (faghat |fagat |ghat )?{_R9_FA_NUM} ?(sal|sale|saal|salesh)",
    r"dokhtar ?bach?(ch|h)?e(ha|hay|haye|ye)?|pesar ?bach?(ch|h)?e(ha|hay|haye|ye)?|(dokhtar|pesar)e? ?(koochooloo|koochoolo|kuchulu|koochool|kuchul|kuchik|koochik|kochik|kocholo|kuchoolo)",
    r"dokhtarak(e|i|ha)?|pesarak(e|i|ha)?|k(oo|u)dak(an|i|estan|e|ha)?|nojavan(an|i|e|ha)?|nowjavan\w*|dabestan(i|iha|e|ie)?|danesh ?a?m(oo|u)z(an|e|i|ha)?|bach?cheha|bach?(ch|h)?e ha(ye|y)?|dabirestani(ha)?|nabaleq|nabaligh",
    r"(kelas|kelase|klas|klase|paye|payeh|payeye)( e| ye)? (sevom|chaharom|panjom|sheshom|haftom|hashtom|nohom|dahom|yazdahom|davazdahom|[3-9]|1[0-2])",
    # Bengali (romanised): ages in the genitive before a child noun ("10 bochorer meye"; "10 bochorer abhigyota" is ten
    # years' experience), "boyosh 12", little girls and boys, "khuki", "shishu", "balika", school-going, classes
    rf"{_R9_BN_NUM} ?((bochor|bochhor|bachhar|bochar|bosor|bachar|botshor|bachor|bocor)(er|rer) (\w+ )?|(bochor|bochhor|bachhar|bochar|bosor|bachar|botshor|bachor|bocor) |boyo?sh?er (\w+ )?)(meye|meyeti|meyeta|meyer|meyeke|maye|chele|cheleti|cheleta|cheler|cheleke|baccha|bachcha|bacha|shishu|khuki|khuku|khoka|kishori|kishor|balika|balok|chhatri|chatri|chhatro|chatro|konna)",
    rf"(?<!theke )boy(o|e)s(h|e)?( (matro|matra|shudhu|sudhu|mattro|matr))? {_R9_BN_NUM}( {_R9_BN_YR})?(?! (bochorer|bochhorer|bochor|bosorer|bacharer) (boro|choto|beshi|kom)| (boro|choto|beshi|kom))",
    r"(choto|chhoto|chotto|chhotto|chottu|chhottu|choti|chhoti|puchke|puchki|pichchi|pichhi) (\w+ )?(meye|meyeti|meyeta|chele|cheleti|cheleta|baccha|bacha|bachcha|khuki|khoka|khuku)",
    r"khuki(r|ke|ra|der)?|khukumoni|khokababu|shishu(ra|der|ke|ti|ta|r)?|balika(ra|der)?|baalika|kishori (meye|konna|balika)",
    r"(school|iskul|skul|ishkul|iskool)(er)? (\w+ )?(meye|chele|chhatri|chatri|chhatro|chatro|baccha|bachcha|khuki|khoka)|(school|iskul|skul|ishkul) ?(pod|por|porh)(uya|ua|ya)",
    r"(class|klas|klass|shreni|sreni|shrenir|srenir|shrenite|srenite) ([1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)( ?er| ?r) (\w+ )?(chhatri|chatri|chhatro|chatro|meye|chele|porhe|pode|porhuya|poruya|student|baccha|porche|porchhe)",
    r"(tritiyo|tritio|chaturtho|choturtho|pancham|poncham|ponchom|shashtho|sashtho|shoshtho|saptam|shoptom|soptom|ashtam|oshtom|nabam|nobom|dasham|doshom) (shreni|sreni|shrenite|srenite|class)\b|(tritiyo|tritio|chaturtho|choturtho|pancham|poncham|ponchom|shashtho|sashtho|shoshtho|saptam|shoptom|soptom|ashtam|oshtom|nabam|nobom|dasham|doshom) (shrenir|srenir) (\w+ )?(chhatri|chatri|chhatro|chatro|meye|chele|baccha|bachcha)",
    # Greek (Greeklish): "12 xronwn" (years old; also "of 12 years", a duration, so after "einai" or a child noun, or
    # before one, not after a tens word: "eikosi pente xronwn" is 25), "12-year-old" compounds before a child noun,
    # child and pupil words ("koritsaki", "agoraki", "paidaki", "mathitria"), little girl, primary school, grades
    rf"(koritsi|koritsaki|koritsia|agori|agoraki|agoria|paidi|paidaki|pediaki|kori|korh|gios|gyios|mathitria|mathitis|mikri|mikrh|mikros|mikro)(( \w+)? (einai|ine|htan|itan))?( (mono|mwno|monaxa|molis|sxedon|shedon))? {_R9_EL_NUM} {_R9_EL_YRS}",
    rf"{_R9_TENS_EL}{_R9_EL_NUM} {_R9_EL_YRS} (\w+ )?(koritsi|koritsaki|agori|agoraki|paidi|paidaki|pediaki|mathitria|mathitis|kopela|kopelitsa)",
    r"(exa|eksa|eea|efta|epta|oxta|okta|enia|enea|deka|enteka|endeka|dwdeka|dodeka|dekatria|dekatetra|dekapenta|dekaexa|dekaeksa|dekaefta|dekaepta|penta|tetra|tria|dia|[1-9]|1[0-7])(x|h|ch)ron(o|h|i|ou|a)? (koritsi|koritsaki|agori|agoraki|paidi|paidaki|kori|mathitria)",
    r"koritsak(i|ia|iou|iwn)|agorak(i|ia|iou|iwn)|paidak(i|ia)|pediak(i|ia)|paidi|paidiwn|kopelitsa|anilik(h|i|os|ous|es|o|wn)|ma(th|8)h?itri(a|es|wn)|ma(th|8)(i|h)t(i|h)s|ma(th|8)(i|h)tes|nipiagog\w*|d(i|h)motik(o|ou) (sxol|shol|schol)\w*",
    r"(?<!kalimera )(?<!kalispera )(?<!geia sas )(?<!geia )paidia",
    r"(sto|st|tou) d(i|h)motiko(?! (theatro|tragoudi|kolymvitirio|parko|symvoulio))",
    r"mikr(o|h|i|oula|ouli) (koritsi|koritsaki|agori|agoraki|paidi|paidaki|kopelitsa)",
    r"(triti|trith|tetarti|tetarth|pempti|pempth|ekti|ekth) (taksi|taeh|taxi|tajh )?(dimotikou|dhmotikou|gymnasiou|gumnasiou|gimnasiou)",
    # Tamil and Telugu (romanised): ages with "vayasu" (age: "10 vayasu ponnu"; not a unit after a tens word), Telugu
    # "N yella" (years) before a child noun ("padi yella ammayi"; "padi yella" alone is ten years), little girls and boys
    # ("chinna ponnu", "kutti paiyan", "chinna pilla", "bujji papa"), "sirumi", "kuzhandhai", school girls, "studying in
    # the 6th" ("6th padikkira", "6va taragati chaduvutunna")
    rf"(?<!vida )(?<!kante )(?<!vidan )(?<!kanna ){_R9_TENS_TA_TE}{_R9_TA_NUM} ?(vayasu|vayas|vayasula|vayasule|vayathu|vayadhu|vayasil|vayathil|vayasaana|vayasana|vayasudaiya|vayasulla|vayassu|vayasulo|vayasunna)(?! (periya|periyaval|periyavan|periyava|chinna|chinnaval|chinnavan|chinnava|kammi|adhigam|vidhyasam|perigina|pedda|peddadi|peddavadu|chinnadi))",
    r"([1-9]|1[0-7]) (years|year|yrs|yr) (\w+ )?(ponnu|paiyan|payyan|ammayi|ammai|abbayi|abbai|papa|paapa|pilla|kuzhandhai)",
    r"([1-9]|1[0-2])(th|st|nd|rd)? (std|standard|class) (\w+ )?(ponnu|paiyan|payyan|ammayi|ammai|abbayi|abbai|papa|paapa|pilla|pillalu|kuzhandhai)",
    r"(aaro|aaru|aidava|ayidava|moodava|naalugava|edava|yedava|enimidava|tommidava|padava|[3-9]va|1[0-2]va) (taragati|tharagathi)",
    rf"{_R9_TENS_TA_TE}{_R9_TA_NUM} ?(yella|yellu|ella|ellu|endla|yendla|yendlu|endlu|samvatsarala|samvatsaraala|samvathsarala) ((chinna|chinni|mana|maa|naa|oka|aa) )?(ammayi|ammai|ammayini|ammayiki|abbayi|abbai|abbayini|papa|paapa|pilla|pillaadu|pilladu|pillaki|pillani|kurradu|bidda|biddani|chinnari)",
    r"(padh?i ?y|pannend|padamud|padnalug|padihen|padahar|padihed|aid|ayid|aar|yed|enimid|yenimid|tommid|thommid)(h)?(ella|ellu|endla|yella) ((chinna|chinni|mana|maa|naa|oka|aa) )?(ammayi|ammai|abbayi|abbai|papa|paapa|pilla|pilladu|kurradu|bidda)",
    r"(chinna|sinna|kutti|siriya|chiriya) (\w+ )?(ponnu|ponnunga|paiyan|payyan|paiyyan|pasanga|pasangal|pulla|pullai|kuzhandhai|kulanthai|kozhandha|ponnukku|paiyanukku|sirumi|siruvan)",
    r"sirumi(gal|yai|kku)?|siruvan(gal|ai)?|siruvargal|k(u|o)(zh|l)an(dh|th|d)ai(gal|galai|yai|galukku|kku)?|kozhandha",
    r"chinna (pilla|papa|paapa|ammayi|ammai|abbayi|abbai|pillalu|pillaadu|pilladu|pillani|pillanu|pillaki|biddalu|bidda)|bujji (papa|paapa|ammayi|ammai|pilla|babu|thalli)",
    r"(school|iskool|skool|schoola|schoolla|schoolukku|pallikooda|pallikoodam|badi|badiki) ((la|ku|ki|lo|ki velle|ku pora|ku pogum|ku velle|ki velli|padikkira|padikura|chadive|chaduvutunna|uniform|uniformla) )?(ponnu|paiyan|payyan|pasanga|ponnunga|pulla|kuzhandhai|maanavi|manavi|maanavan|manavan|ammayi|ammai|abbayi|abbai|pillalu)",
    r"([1-9]|1[0-2])(th|st|nd|rd|aam|avathu|vathu|va|vaa|o)? ?(std |standard |class |vagupu |vaguppu |vagupula |vaguppil |classla |stdla |taragati |tharagathi )?(padikkira|padikura|padikkura|padikra|padikkum|padikum|padikkara|padikara|chaduvutunna|chaduvuthunna|chadive|chaduvuthondi|chaduvutondi)",
    r"(moonavathu|naalavathu|anjavathu|aaravathu|ezhavathu|ettavathu|onbadhavathu|pathavathu|moonam|naalam|anjam|aaram|ezham|ettam|onbadham|pattham) (vagupu|vaguppu|class|std|standard|padikkira|padikura|padikkum|padikum)",
    # Nepali and Punjabi (romanised): ages before a child noun ("das barsa ki keti", "12 saal di kudi"), "12 barse"
    # (twelve-year-old), little girls and boys ("sani keti", "nikki kudi"; "kudi" alone is any girl, a young woman),
    # "kalili", "nyani", school-going and "studying in class 5"
    rf"{_R9_NE_PA_NUM} ?(barsa|barsha|barsh|varsa|warsa|warsha)(( ?ki| ?ko| ?ka) (\w+ )?| )(keti|keta|kanchi|kancha|nani|baccha|bachha|bachcha|chhori|chhora|chori|chora|balika)",
    rf"{_R9_NE_PA_NUM} ?(barse|barshe|barsiya|barshiya)",
    rf"{_R9_NE_PA_NUM} (saal|sal|saalan|salan|saala|varhe|varhiyan|varhian|warhe|varyan) (di|da|de|dian|diyan) ((sohni|sohna|nikki|nikka|pyari|pyara|masoom|choti|chhoti|meri|sadi|ik|ek) )?(kudi|kuri|kudiyan|kuriyan|kudian|munda|munde|bachi|bachchi|bacchi|bacha|bachcha|baccha|dhee|dheeyan|dhiyan|putt|nyani|niani|nyaani|umar|umr|umer)",
    r"(sani|saani|sano|saano|sanoo|sanee|kalili|kalilo) (\w+ )?(keti|nani|chhori|chori|keta|babu|chhora|chora|kanchi|kancha|baccha|bachha|bachcha)|kalili",
    r"(nikki|niki|nikkiyan|nikkian|nikke|nikka|nanhi|nikki jehi|nikki jahi) (\w+ )?(kudi|kudiyan|kudian|kuri|kuriyan|munda|munde|bachi|bachchi|bacchi|bacha|bachcha|baccha|bachche|nyani|niani|nyaani|dhee)|nabalik (keti|keta|ladki|balika|chhori|chhora|bachha|kishori)",
    rf"(kudi|kuri|munda|bachi|dhee|putt) {_R9_NE_PA_NUM} (saal|sal|varhe|varhiyan) (di|da|de)\b",
    r"(school|iskul|skul|vidyalaya|sakool|skool|iskool) (\w+ )?(jane|padhne|parhne|jaane|jaandi|jandi|padhdi|parhdi|padhda|parhda|jaanda|janda|di|da|wali|vali|wala|vala) (\w+ )?(keti|keta|chhori|chhora|nani|baccha|bachha|bidyarthi|vidyarthi|kudi|kuri|munda|bachi|bachchi|bacha|bachcha|kudiyan|munde|nyani|niani)",
    r"(kaksha|kakshya|class|klas) ([1-9]|1[0-2]|ek|dui|tin|char|panch|chha|saat|aath|nau|das) (ma |maa )?(padhne|parhne|padhdai|padhchha|padchhe|padhchhe)",
    r"(tesro|chautho|panchau|paanchau|pachau|panchaun|chhaitau|chhaitaun|satau|saatau|aathau|athau|nawau|dasau|dashau) (kaksha|kakshya|kakchha|class)",
    r"(teeji|tiji|chauthi|chouthi|panjvi|panjvin|panjveen|panjwin|chhevi|chheveen|chhevin|satvi|satveen|satvin|athvi|atthvi|athveen|athvin|nauvi|nauveen|nauvin|dasvi|dasveen|dasvin|[3-9]th|1[0-2]th)( class| jamaat| jamat| kalas)?( vich| wich| ch| vichh)? (padhdi|parhdi|padhda|parhda|padhde|parhde)",
    # Thai (romanised): "age 12" ("ayu 12 pi"), full years ("12 khuap", not a unit after a tens word: "yi sip ha" is
    # 25), girl, boy, pupil and little child ("dek ying", "dek nakrian", "dek noi"), primary and secondary grades
    rf"(ayu|a yu|aayu|arayu)( (praman|pramarn|raw|rao|kae|piang|pieng|tae|phueng|pheung|peung))? {_R9_TH_NUM} (pi|pee|bpee|bpi|khuap|kuap|khuab|kuab)",
    rf"{_R9_TENS_TH}{_R9_TH_NUM} (khuap|kuap|khuab|kuab)",
    r"dek ?(ying|yhing|phu ?ying|pu ?ying|poo ?ying|chai|chay|phu ?chai|pu ?chai|poo ?chai|nak ?rian|nak ?rien|prathom|pratom|prathomsuksa|anuban|anubarn|mathayom|matthayom|mor ?ton|ponlamuang|noi|noy|lek|lek ?lek|nid ?noi)|nak ?rian ?(ying|prathom|pratom|anuban|mathayom|matthayom)",
    r"(prathom|pratom|prathomsuksa|pratomsuksa|matthayom|mathayom|mattayom|mathayum) ?([1-6]|nueng|song|sam|si|ha|hok)|anuban|anubarn",
]

SEXUAL_TERMS_ADDED_9: list[str] = [
    # Hindi/Urdu: undressing with its objects ("kapde utaar rahi", "salwar khol"; clothes taken off a line or out of a
    # cupboard are masked: BENIGN_SEXUAL_COLLOCATIONS_ADDED_9), naked ("nangi", not "nange pair", barefoot, "nangi
    # talwar", a bare sword, "Nanga Parbat"), without clothes, obscene, erotic, arousing or intoxicating dances,
    # poses and looks ("kamuk", "ashleel", "nashili nazar"), lust ("hawas", "vasna", "shehwat"), for adults only, for
    # men to watch, a bed with a man ("uncle ke saath bistar par"), sexual acts and relations
    r"(kapde|kapre|kapdey|kapray|kapda|kapade|libaas|libas|salwar|shalwar|salvar|skirt|frock|lehenga|lehnga|ghaghra|ghagra|choli|chaddi|chuddi|panty|panti|underwear|nighty|pajama|pyjama|saree)( (apni|apne|apna|uski|uske|uska|saare|sare|sab|sabhi|poore|pure|jaldi|dheere))? (utaar|utar|utaarti|utarti|utaarta|utarta|utaare|utare|utaro|utaaro|utaarna|utarna|utaarne|utarne|utarwa|utarwaa|utarva|utarvaa|utarwaye|utarwati|utarwata|nikaal|nikal|khulwa|khulva)\w*",
    r"(kapde|kapre|kapdey|kapray|kapda|libaas|libas|salwar|shalwar|salvar|skirt|frock|lehenga|lehnga|ghaghra|ghagra|choli|chaddi|chuddi|panty|panti|underwear|nighty|pajama|pyjama|saree)( (apni|apne|apna|uski|uske|uska|saare|sare|sab|sabhi))? (khol (rahi|raha|rahe|di|diye|diya|do|ke|kar)|kholti|kholte|kholta|kholkar|kholke|kholne|kholna|kholo)\b",
    r"nang(i|e|ey|ee)(?! (pair|paer|paon|paaon|pao|pairon|pairo|sir|talwar|talvar|sach|parbat|pahad|haath|hath|aankh|aankhen|aankhon|ankh|ankhen|ankhon|taar|taaron|taron|ped|pedon|darakht|darakhton|zameen|farsh|bhookhe|bhukhe|bhooke|bhuke|pahadon|deewar|deewaren|deewaron|hathon|haathon))",
    r"nanga (ho|hokar|hoke|kar|karke|kiya|karna|badan|ladka|larka|bachcha|nach|naach|nachta|khada|khara|leta|sota|nahata|photo|photu|tasveer|video)|nagn (photo|tasveer|video|chitra|sharir|badan)|nagnta|nangapan|nangepan|nange ?badan|nangi ?badan|alaf (nangi|nanga|nange|nangee)|be ?libaa?s|belibaa?s|barhana|barahna|birhana|uryan|uriyan|uryaan",
    r"(bina|bagair|baghair|beghair|begair|bagher) (kapdon|kapdo|kapde|kapron|kapro|kapre|libaas|libas) (ke|k|kay)\b",
    r"(?<!hosh o )(?<!hosh )(?<!hosho )haw(a|aa)s(i|bhari|bhare)?",
    r"(uttejak|utejak) (dance|naach|nach|nritya|pose|poz|poze|poses|mudra|nazar|nigah|adaa|ada|harkat|harkatein|thumke|thumka)\w*",
    r"(kamuk|kaamuk|ashleel|ashlil|nashili|nasheeli|nashila|nasheela|madak|maadak|madhak|fahash|fahhash|bharkau|bhadkau|bharkaoo) (\w+ )?(dance|danc|naach|nach|nritya|pose|poz|poze|poses|mudra|mudraen|nazar|nazrein|nazren|nazran|nigah|nigahen|adaa|ada|adaayein|adayen|adawan|andaaz|andaz|harkat|harkatein|harkaten|video|photo|photos|tasveer|tasveeren|ishare|ishaare|gaana|gana|thumke|thumka|takni|takkni|aankh|aankhon|ankhon)\w*|mujra\w*|chikni (lag|dikh)\w*|hot (dance|pose|poses|photoshoot|photo shoot)",
    r"kaa?muk(ta|taa|i|ata)?|ashleel\w*|ashlil\w*|fahashi|fahhashi|fahaashi|hav(a|aa)s ?(bhari|bhare)|vaa?sna ?(bhari|bhare|se|ki nazar)|vaa?snaon|vaa?snayen|vaa?snayein|wasna (bhari|bhare)|shehwa?t\w*|shahwat\w*",
    rf"{_R9_HI_MEDIA}( \w+){{0,3}} (sirf|keval|kewal|only|sirf aur sirf|siraf|bas) (bado|badon|bade logon|bade logo|balig|baalig|baligon|baaligon|vayaskon|vayasko|adults|adulton|vaddeyan|vaddian|vaddiyan|waddeyan|waddian|waddiyan|vaddyan|baaligan|baligan|18t) ((logon|logo|darshakon|darshako) )?((ke|k|kay|de) )?(liye|lie|liya|liey|lye|layi|lai|laee|vaaste|waste|vaste)|(sirf|keval|kewal|only|sirf aur sirf|siraf|bas) (bado|badon|bade logon|bade logo|balig|baalig|baligon|baaligon|vayaskon|vayasko|adults|adulton|vaddeyan|vaddian|vaddiyan|waddeyan|waddian|waddiyan|vaddyan|baaligan|baligan|18t) ((logon|logo|darshakon|darshako) )?((ke|k|kay|de) )?(liye|lie|liya|liey|lye|layi|lai|laee|vaaste|waste|vaste) (\w+ ){{0,2}}({_R9_HI_MEDIA}|{_R9_HI_FILMED})",
    rf"{_R9_HI_MEDIA} (\w+ )?(balig|baalig|baligon|baaligon|vayaskon|vayask) (logon |logo |darshakon |darshako )?(ke|k) (liye|lie|lye)|18t (ke|k|wale|wali|walon) (liye|lie|lye|video|film|content)",
    r"(mardon|mardo|aadmiyon|admiyon|aadmiyo|purushon|bandeyan|mardan|aadmiyan|admiyan) (\w+ )?(ke|k|de|nu) (dekhne|dekhnay|dekhney|vekhan|dekhan|vekhn) (ke|k|de)? ?(liye|lie|lye|layi|lai|vaaste|waste)",
    r"(aadmi|admi|aadmee|mard|purush|uncle|ankal|bande|banda)( \w+){0,2} (ke saath|ke sath|k sath|k saath|ke sang|sang|naal|nal|de naal) (\w+ )?(bistar|bister|bistare|bistre|bed|palang|bedroom|manje|manji|manja)\w*",
    r"(bistar|bister|bed|palang|bedroom) (\w+ )?(par|pe|mein|me|main) (\w+ )?(aadmi|admi|mard|purush|uncle) (ke saath|ke sath|k sath|ke sang)",
    r"(bistar|bistre|bistare|manje|manji|palang|bed) (te|par|pe) (\w+ )?(bande|aadmi|mard|uncle) (naal|nal|de naal|ke saath|ke sath)",
    r"ha?m ?bistar\w*|hum ?bistar\w*|chudai|chudaai|chudayi|chudwa\w*|chudva\w*|chudti|chudte|chudne|chudna|sambhog\w*|suhaa?g ?raa?t|balaa?tkaa?r\w*|baltkar\w*|zina ?kari|zinakari",
    r"yaun (sambandh|sambandhon|sambandha|kriya|kriyaa|sukh|khel|shoshan|utpeedan|utpidan|hinsa|durvyavahar|durvyabahar)",
    r"(jismani|jinsi) (taalluq|taluq|talluq|taluqat|talluqat|taalluqat|taaluqat|talukat|rishta|rishte|sambandh|khwahish|khuwahish|bhook|bhookh|rabta|ziyadti|zyadti|zyadati|hawas|amal|tashaddud|hirasani)",
    r"zina ?bil ?jabr|ang (pradarshan|pardarshan)|(jism|badan) ki (numaish|nomaish)|jism ?farosh\w*|item (song|dance|girl|gana|gaana)|item number (dance|song|par|pe|mein)",
    # Arabic (Arabizi): naked ("3arya", "3aryana"), without clothes or "not wearing anything", undressing with its
    # objects in each dialect ("bte2la3 hdoumha", "btishla7 tyabha", "tfassa5at", "kat7ayed 7wayejha"), a dance, pose
    # or look with a seductive, arousing or obscene adjective ("ra2s moghry"; "3ard moghri" is a tempting offer,
    # "ghali fa7esh" outrageously dear), lust, pornographic, for adults only, for men to watch, a bed with a man,
    # sexual acts and rape
    r"earya|earia|eariya|eareya|earyana|earyane|earyaneh|earyan|eereya|eerya|eeryana|earia(n|na)|earyanin|earyanat|earayan\w*|labsa (2alil|bikini)",
    r"(bdoon|bedoon|bidoon|bidun|bdun|bedun|bila|bala|men gher|min gheir|mn ghir|bla) (\w+ )?(hdom|hdoum|hodom|hudum|hdum|tyab|teyab|thiyab|thyab|malabes|malabis|lebs|lbas|hwayj|twayj|twajh|kiswa)\w*\b(?! (el |al |l )?(madrasa|madrase|medrasa|rasmi|shitwi|shitwiya|sayfi|sayfiya|bard|school))",
    r"(mesh|msh|mish|mush|ma|mo|mi) (labsa|labsah|labse|labseh|labes|labsin|lebsa) ((ay|eay|ayy|wala) (taga|taja|shi|shy|eshi|she|shay|haja|haga)|(ay |eay |ayy )?(taga|taja|hdom|hdoum|tdoum|teyab|tyab|hdum|twab|lebs|malabes|malabis))\b",
    rf"{_R9_AR_UNDRESS} (\w+ ){{0,2}}{_R9_AR_CLOTHES}",
    rf"{_R9_AR_CLOTHES} (\w+ )?{_R9_AR_UNDRESS}",
    r"(ra2s|ra2es|ra2as|raqs|raks|rags|ra2sa|ra2set|raqsa|raksa|rqs|r2s|raqis|ra2is|btor2os|btur2us|tor2os|tur2us|bter2os|btr2os|tr2os|trqos|tar2os|turqus|poza|pozat|posat|pozeh|wadeiya|wadeia|wadiya|wadea|wade2a|wade2eya|wadaiya|wadeya|nazra|nazrat|nazarat|nadra|nadrat|nathra|harakat|harakaat|haraka|tarakat|taraka|mashya|mashye|sowar|sewar|fidyo|klib)\w* (\w+ )?(moghry|moghri|mughri|mughry|moghriya|moghreya|mughriya|moghria|mo8ri|mo8ry|mo8reya|mo8riya|mughriyya|moghrea|fatesh|fahesh|fateshe|fahish|fahisha|fahsha|fateshy|fatsha|jinsi|jinsiya|jensi|jensiya|gensy|gensi|ginsy|ginsi|gensya|ginsiya|shahwani|shahwany|shahwaniya|shahwaneya|ebahi|ibahi|ibahiya|ebahiya|2ebahi|2ibahi)\w*",
    r"shahwani\w*|shahwany\w*|ibahi(ya|yya|yah)?|ebahi(ya|yya|eya)?|2ebahi\w*|2ibahi\w*|(nazra|nazrat|nadra|nadrat|nazarat|bi?yboss|bi?ybous) (\w+ )?(b|bi|be|bkol|bikul|bekol|mae|maa|mea) ?shahwa\w*",
    r"(ra2s|ra2es|raqs|raks|ra2sa|raqsa|poza|pozat|nazra|nazrat|nadra|nadrat|wadeiya|wadeya)\w* (\w+ )?(mothir|mouthir|muthir|mothira|mothera|mouthira|muthira|mosir|moseer|mosera|moseera|mutheer|mutheera)\w*",
    r"(fidyo|fidyohat|video|vidyo|film|flim|aflam|aflem|klib|clip|sowar|sewar|sura|soura|mashhad|mashahed|mashahid|ma2ta3|ma2tae|mhtwa|mo7tawa|mohtawa|content|show|barnameg|barnamaj|2ana|qana|channel)\w*( \w+){0,2} ((lel|lil|le|li|l) ?(kbar|kobar|kebar|kibar|kubbar|kubar|kobbar|balgheen|baligheen|bale8een|balighin|rashdeen|rashideen|rashidin)( (fa2at|faqat|bas|bass|fakat|fa2t|bs))?|(fa2at|faqat|bas|bass|fakat) (lel|lil|le|li|l) ?(kbar|kobar|kebar|kibar|kubbar|balgheen|baligheen|rashdeen|rashideen))|((lel|lil|le|li|l) ?(kbar|kobar|kebar|kibar|kubbar|kubar|kobbar|balgheen|baligheen|bale8een|balighin|rashdeen|rashideen|rashidin)( (fa2at|faqat|bas|bass|fakat|fa2t|bs))?|(fa2at|faqat|bas|bass|fakat) (lel|lil|le|li|l) ?(kbar|kobar|kebar|kibar|kubbar|balgheen|baligheen|rashdeen|rashideen)) (\w+ ){0,2}(fidyo|video|film|aflam|klib|clip|sowar|mashhad|mashahed|content|show|2ana|qana|channel|metsawar|mtsawar|mesawar|tasweer|tsawar)\w*",
    r"(eashan|ashan|ashen|lashan|leshan|eshan|min shan|mnshan|mshan|mshen|lel|lil|li) (el |al |l )?(regala|rgala|rijal|rjal|rjel|rgal|rjala|rgel) (\w+ )?(yetfarrago|yetfarago|yetfarragu|yitfarrajo|yetfarjo|ytfarjo|ytfarrajo|yetfarag|yshofo|yshofu|yshoufo|yeshofo|yeshofu|yshoufou|ychoufo|ichofo|ychofo|ytfarrjo|ytfarjou|yitfarrago|yetmataeo)\w*",
    rf"{_R9_AR_BED}\w* (\w+ ){{0,2}}(mae|mea|maa|ma|wayya|weyya|maea|wiyya|meah|maeah|meaa)( \w+)? {_R9_AR_MAN}\w*",
    rf"(mae|mea|maa|wayya|weyya|maea|wiyya) (\w+ )?{_R9_AR_MAN}\w* (\w+ ){{0,2}}(fel|fil|fi el|fe el|fi al|ala el|eal|eala|fi|fe|f) ?{_R9_AR_BED}",
    r"(momarset|momarsat|mumarasat|mumarsat|momarsa|mumarsa|momarest|mumaraset) (el |al |l )?(jins|gens|gins|jens|hob|hubb|tob)",
    r"yneek|yniik|yneekha|ynikha|ynekha|tneek|tetnak|btetnak|btitnak|metnaka|mtnaka|mitnaka|neekha|naykha|nayekha|sharmo?o?uta|sharmota|sharmuta|charmouta|sharameet|sharamit",
    r"(eghtesab|ightisab|eghtisab|ightesab|eghtesaab|yeghtesib|yightasib|eghtasab|ightasab|ightasaba|eghtasabha|ightasabha|ightasabaha|mogtasaba|mughtasaba)\w*",
    # Russian and Ukrainian: undressing ("razdevaetsya", "rozdyagayetsya"; not "razdel", a section), taking off
    # clothes, underwear, a dress or a skirt ("snimaet trusiki"; "snimat'" is also to film, hence the objects), naked
    # ("golaya", "obnazhennaya", "bez odezhdy"), seductive, arousing, lustful, depraved, sexual acts, for adults only
    # or filmed for them, for men to watch, in bed with a man
    r"razdeva([^l\W]\w*)?|razdeval([^k\W]\w*)?|razdevay\w*|razdevaj\w*|razdet(a|aya|aja|uyu|uju|oy|oi|yi|yy|ye|ie|iye|yh|ykh)?|razdenu\w*|razdelas|razdelsya|razdelis|razdevshis\w*|rozd(y|i|j)a(g|h)\w*",
    r"(snima|snyal|snjal|snyat|snjat|snimi|snimet|styag|stjag|stjanu|styanu|znima|znyal|znial|znyav|zniav|znyala|zniala|stiaguie|styaguye)\w* (\w+ )?(s sebya |s sebja |z sebe )?(odezhd|trusik|trusy|trusov|platy|plat e|plat ye|platice|platitse|yubk|jubk|yubochk|jubochk|lifchik|nizhnee bel|kolgotk|kupalnik|bel e|bel ye|belye|od(y|i|j)a(h|g)|bilyzn|bilizn|trusyk|sukn|spidnyts|spidnic|lifchyk)\w*",
    r"gol(aya|aja|ye|yi|yy|yj|uyu|uju|oy|ymi|ykh|enkaya|enkaja|yshom|ishom)\b(?! (rukami|rukoy|rukam|zemle|zemlyu|polu|stenami|steny|vetki|vetkami|derevya|fakty|faktami|tsifry|provoda|provodami))",
    r"obnazhenn\w*\b(?! (provoda|provodov|provod|provodami|kabel|kabeli|kabelya|korni|kornyami|nervy|nerv|skaly|skala))",
    r"nagish(om|kom)|oholen\w*|(v|u) (bilyzni|nizhnem bel e|nizhnem belye|trusikakh|trusikah)|obnazha(et|yet|jet|yut|las|lsya)\w*|obnazhil\w*|(zovsim|povnistyu|povnist yu|povnistiu) (hol|gol)(a|yi|yy|i|oyu)|holyshom|golyshom",
    r"bez (odezhdy|odezhd|trusikov|trusov|lifchika|belya|bel ya|nizhnego belya|kupalnika|od(y|i|j)a(h|g)u|bilyzny|bilizni|bilyzni|trusykiv|trusikiv|trusiv)",
    r"(soblaznitel|spokusl(y|i)v|zvabl(y|i)v|vozbuzhdayu(shch|sch|sh|shh)|vozbuzhdaj(u|ushch|usch))\w*( n\w*)? (tanets|tants\w*|poz\w*|vzglyad\w*|pohliad\w*|poglyad\w*|foto\w*|naryad\w*|bel\w*|dvizhen\w*|rukh\w*|video|rolik\w*|odezhd\w*|bilyzn\w*|telodvizhen\w*)|soblaznya(et|yet|jet|yut|la|li|l)\w*|soblaznil\w*|soblaznit(\b|sya|s)",
    r"po(kh|h)otl(i|y)v\w*|po(kh|h)ot(yu|ju)?|s po(kh|h)ot\w*|razvrat\w*|rozpusn\w*|rozputn\w*|(kh|h)t(y|i)v(o|yi|iy|a|yy|ym|im)",
    r"tra(kh|h|x)a(et|yet|jet|yut|jut|ut|l|li|la|tsya|etsya|yutsya)\w*|tra(kh|h|x)nul\w*|seks(om|a|u)? (zanima|zanim|zaymu)\w*|zanima(yutsya|etsya|yetsya|lis|las)\w* seks\w*",
    r"(video|rolik|rolyk|film|filmy|filmov|kontent|sayt|kanal|foto|fotografi\w*|zhurnal|shou|stsen\w*|klip|fotosessi\w*|snyat\w*|snjat\w*|snimal\w*|snyal\w*|znyat\w*|znyal\w*)( \w+){0,2} (tol ?ko|tolko|lish|isklyuchitelno|iskluchitelno|til ?ky|tilky|lyshe|lishe|vykliuchno|vyklyuchno) dl(y|j|i)a (vzrosl|doros(l)?)\w*|(tol ?ko|tolko|lish|isklyuchitelno|iskluchitelno|til ?ky|tilky|lyshe|lishe|vykliuchno|vyklyuchno) dl(y|j|i)a (vzrosl|doros(l)?)\w* (\w+ ){0,2}(video|rolik|rolyk|film|filmy|filmov|kontent|sayt|kanal|foto|fotografi\w*|zhurnal|shou|stsen\w*|klip|fotosessi\w*|snyat\w*|snjat\w*|snimal\w*|snyal\w*|znyat\w*|znyal\w*)\b",
    r"(snyat|snjat|snyato|snjato|snimali|snyali|snjali|video|film|rolik|rolyk|kontent|fotosessi\w*|znyat|znyato|znjato)\b dl(y|j|i)a (vzroslykh|vzroslyh|doroslykh|doroslyh|muzhchin|cholovikiv)(?! ((i|y|ta) (detey|detei|rebyat|ditey|ditei|dytyny|detok)|roditeley|roditelei|roditelyam|bat kiv|batkiv))",
    r"dl(y|j|i)a (vzroslykh |vzroslyh )?muzhchin\w* (\w+ )?(smotret|smotrel|smotreli|smotreniya|prosmotra|glazet)\w*|chtob(y|i)? (na (neyo|nee|nego|nikh|nih) )?(smotreli|glazeli|pyalilis) (vzroslye )?muzhchin\w*",
    r"(v|na|u) (posteli|postel|krovati|krovat|krovatke|spalne|spal ne|lizhku|lizhko|lizhka|spal ni|spalni) (\w+ ){0,2}(s|so|z|zi|iz) (\w+ )?(muzhchin\w*|muzhik\w*|dyad\w*|starik\w*|cholovik\w*|diad\w*|d yad\w*|dyadk\w*)",
    r"(s|so|z|zi) (\w+ )?(muzhchin\w*|muzhik\w*|dyad\w*|starik\w*|cholovik\w*|diad\w*|dyadk\w*) (\w+ )?(v|na|u) (posteli|postel|krovati|krovat|spalne|lizhku|lizhko|spalni)",
    # Japanese: naked ("hadaka", "zenra", "ratai"), taking off clothes, underwear, a skirt or a uniform ("fuku wo
    # nugu"; not shoes), lewd ("ecchi", "iyarashii", "inran", "hiwai"), erotic ("ero dansu"), sexy, lust ("yokujou"),
    # alluring ("iroppoi"), sexual ("seiteki na pozu": "seiteki" alone is also "static"), for adults ("otona muke",
    # "18kin"), compensated dating, love hotels, a bed with a grown man, panty shots
    r"(zen|maru|suppa)?hadaka|zenra|ratai (no|ga|wo|o|de|shashin|gazou|pozu)\b|suppadaka|sukebe\w*|iroke (no aru|tappuri|munmun)|gurabia|guravia",
    r"(fuku|yofuku|youfuku|shitagi|pantsu|pantii|panti|sukaato|sukato|skirt|burajaa|buraja|kimono|yukata|mizugi|seifuku|wanpiisu|doresu)( ?(wo|o))? (nugu|nuide\w*|nuida|nuga\w*|nuge\w*|nugi\w*)",
    r"ecchi|etchi|ecchii|ero ?(dansu|gazou|gazo|douga|doga|pozu|manga|anime|geemu|hon)|eroge|erogazou|eroanime|erokawa|eroi (pozu|dansu|shisen|kakko|fuku)",
    r"sekushii|sekushi|sekkusu|iyarashi\w*|inran\w*|hiwai|yokujou\w*|yokujo|hatsujou\w*|hatsujo|iroppo(i|ku|sa)|miwakuteki (na )?(dansu|odori|pozu|shisen|me|hyoujou)|seiteki (na |ni )?(pozu|dansu|odori|koui|shisen|me|gazou|douga|iyagarase|gyakutai|taishou|mokuteki)",
    r"(otona|seijin|adaruto) ?muke|(18|juuhachi) ?kin|adaruto ?(douga|bideo|video|eiga)|av ?(joyuu|jyoyuu|satsuei|shutsuen)",
    r"enjo ?kou?sai|enkou|papakatsu|papa katsu (shite|suru|joshi|shiteru|aite)\b|rabu ?hoteru|rabuho|panchira|pantsu (wo |o )?mise\w*",
    r"(ojisan|oji san|oyaji|otona no otoko|otoko no hito|otona no dansei|chuunen|chunen)( \w+){0,2} to (beddo|futon|shinshitsu|hoteru)",
    r"(beddo|futon|shinshitsu)( \w+){0,2} (ojisan|oji san|oyaji|otona no otoko|otoko no hito) to",
    # Chinese (pinyin): taking off clothes or underwear ("tuo yifu"), stripped naked, nude ("luoti", "yi si bu gua"),
    # sexy ("xinggan"), erotic, obscene, lewd, seductive and teasing, sexual acts, assault and abuse ("xing jiaoyu",
    # sex education, is masked), compensated dating, adults only, for men to watch, in bed with a man
    r"tuo ?(le |diao |guang |xia |qu )?(yi ?fu|nei ?yi|nei ?ku|ku ?zi|qun ?zi|xiong ?zhao|wen ?xiong)|tuo ?guang|tuo de (jing ?guang|yi ?si ?bu ?gua)|yi ?si ?bu ?gua",
    r"chi ?shen ?luo ?ti|luo ?ti|quan ?luo|chi ?luo|luolu|luo ?lu (de )?(shen ?ti|xiong|pi ?gu|da ?tui|shang ?shen|zhao ?pian)|re ?wu|tuo ?yi ?wu|(18|shi ?ba) ?jin|qing ?se (zhao ?pian|pian|tu|tu ?pian|dian ?ying|shi ?pin)|guang ?zhe ?shen ?zi|guang ?shen ?zi|guang ?pi ?gu|luo ?liao",
    r"xing ?gan\w*|se ?qing|yin ?dang|huang ?se ?(pian|dian ?ying|shi ?pin|xiao ?shuo|wang ?zhan)|qing ?qu ?(nei ?yi|fu ?zhuang|zhuang)",
    r"yin ?hui(?! ?se)",
    r"zuo ?ai(?! ?xin)",
    r"sao ?qi(?! lai)",
    r"xing ?ai|xing ?jiao|yue ?pao|yuanjiao|yuan jiao (mei|nv|nu|shao ?nv)|tiao ?dou|gou ?yin|meihuo|mei huo (de )?(yan ?shen|wu ?dao|zi ?shi)|feng ?sao|jiao ?chuan|xing ?qin|xing ?nue|xing ?sao ?rao|youhuo(xing)? (de )?(wu ?dao|zi ?shi|yan ?shen)",
    r"(zhi ?xian|jin ?xian|zhi ?gei|zhi ?you) ?cheng ?ren ?(guan ?kan|kan|shi ?pin|pian|dian ?ying|nei ?rong)|(shi ?pin|pian ?zi|dian ?ying|nei ?rong|wang ?zhan|zhao ?pian)( \w+){0,2} (zhi ?xian|jin ?xian|zhi ?gei|zhi ?you) ?cheng ?ren|cheng ?ren ?(pian|dian ?ying|shi ?pin|nei ?rong|wang ?zhan|dong ?man|man ?hua|you ?xi)|gei (\w+ ){0,2}nan ?ren ?(kan|guan ?kan|xin ?shang)",
    r"(chuang ?shang|zai chuang|zai wo ?shi)( \w+){0,3} (he|gen|yu) (yi ?ge )?(cheng ?nian ?nan ?ren|nan ?ren|da ?shu|shu ?shu|lao ?tou|lao ?nan ?ren|bo ?bo)",
    r"(he|gen|yu) (yi ?ge )?(nan ?ren|da ?shu|shu ?shu|lao ?tou|lao ?nan ?ren|cheng ?nian ?nan ?ren)( \w+){0,2} (shang ?chuang|zai chuang ?shang|shui ?jiao|tang ?zai chuang)",
    # Korean: lewd ("yahan chum": "yahan" alone is Hindi "here"), sexy, sex, taking off clothes or underwear
    # ("oseul beotgo"; not shoes), naked body, suggestive, seductive, sexual ("seongjeogin"; "seongjeok" alone is also
    # school grades), sexual acts, for adults ("seonginyong", "19geum"), a bed with a grown man
    r"yahan (chum|pojeu|sajin|yeongsang|dongyeongsang|os|ot|nunbit|jase|moseup|yeonghwa|jangmyeon)|yahage|yahge",
    r"sek?shi(han|hage|hamyeonseo)?|noechul (ot|sajin|yeongsang|uisang|paesyeon)|sekseu\w*|seokseu\w*|almom\w*|al mom(euro|eulo|i|eul)",
    r"(ot|oseul|osul|os|sogot|sogoseul|paenti|paenteu|chima|chimareul|beurajeo|beuraejeo)( (eul|reul|eun|do))? (beot|beos)(go|neun|eo|eoss|eun|ki|gyeo|gida|gineun|da|deon|eora|eobeori|gyeojuneun)\w*",
    r"seonjeongjeo(k|gin|geuro)\w*|yuhokjeo(k|gin|geuro)\w*|yuhok(hae|haneun|hada|haeseo|eul)\w*|seongjeo?gin|seongjeokin|seong ?chuhaeng|seong ?pokhaeng|seong ?haengwi|seonghaengwi",
    r"seong ?in ?(yeonghwa|yeongsang|bangsong|sajin|sait|saiteu|chaeneol|mul|dongyeongsang)|seong ?in ?(yong|jeonyong|man) (yeonghwa|yeongsang|dongyeongsang|sajin|sait|saiteu|manhwa|geim|bangsong|chaeneol|bidio|video)|(19|sipgu|sip gu) ?geum|19gum",
    r"(ajeossi|ajussi|ajeosi|ajushi|ajoshi|eoreun namja|seongin namja|namja eoreun)\w*( \w+){0,2} (chimdae|chimsil|moteru|motel)\w*",
    r"(chimdae|chimsil)\w*( \w+){0,2} (ajeossi|ajussi|ajeosi|ajushi|eoreun namja|seongin namja) ?(wa|rang|irang|hago|gwa|hamkke|gachi)\b",
    # Persian: naked ("lokht", "berahne", "bi lebas"), taking off clothes, trousers, a skirt or underwear ("lebasasho
    # dar miare"; clothes taken out of a drawer are masked), lust, arousing or seductive dances, poses and looks,
    # coquetry, for adults only, for men to watch, a bed with a man, sexual relations and assault
    r"lokht(e|eh|i|o)?|lokhti|lokht ?o ?pati|lokhtopati",
    r"(?<!pa )(?<!paa )(?<!sar )b(e|a)r(a|e)hn(e|eh|a|egi)",
    r"(bedoon|bedune|bedun|bedoone|bi|bie) lebas\w*\b(?! (garm|madrese|madrase|rasmi|zemestooni|zemestani|mahali))",
    r"(lebas|lebasa|lebasash|lebasesh|lebasasho|lebasesho|lebasharo|lebasasham|shalvar|shalvaresh|shalvaresho|shalvarasho|daman|damanesh|dameno|damanesho|sotian|sutian|sutyan|shoort|shortesh|shortesho|shortasho|zir ?push|zirpushesh|zirpushesho)\w* (\w+ )?(dar ?miyar|dar ?miar|dar ?avord|daravord|dar ?avard|dar ?miare|dar ?miyare|dar ?miarad|dar ?biar|dar ?biyar|dar ?avordan|dar ?avardan|mikane|mikanad|kand|kandan|mikand|kanad|bekan)\w*",
    r"shahvat\w*|shahvani\w*|(eshve|ashve|eshveh) ?gar(i|ane|aneh)?",
    r"(raghs|raqs|reghs|raghse|raqse|zhest|jest|zheste|negah|negahe|nega|harekat|harekate|poz|pozi|film|video|aks)\w* (\w+ )?(tahrik ?(konande|amiz|angiz)|shahvani|shahvat ?angiz|eghva ?konande|eghva ?gar|eghvagar|vasvase ?angiz)\w*",
    r"(film|filme|filmha|video|vidio|videoha|clip|kelip|aks|akse|aksha|mohtava|barname|site|kanal|serial|sahne|sahneh|filmbardari|zabt)( \w+){0,3} (faghat|fagat|fghat|faqat|tanha|feghat) (baraye|barae|baraie|bare|vase) (bozorg ?salan|bozorgsal(ha|an)|bozorga|bozorgha|afrad bozorgsal|adama bozorg|adamaye bozorg)|(faghat|fagat|fghat|faqat|tanha|feghat) (baraye|barae|baraie|bare|vase) (bozorg ?salan|bozorgsal(ha|an)|bozorga|bozorgha|afrad bozorgsal|adama bozorg|adamaye bozorg) (\w+ ){0,2}(film|filme|filmha|video|vidio|videoha|clip|kelip|aks|akse|aksha|mohtava|barname|site|kanal|serial|sahne|sahneh|filmbardari|zabt)\b",
    r"(film|filme|filmha|video|vidio|filmbardari|zabt|aks|akse|aksha|clip|kelip)\b (baraye|barae|vase|bare) bozorg ?salan(?! (va|o) (koodak|koodakan|kudak|kudakan|bachche|bachcheha|bache|bacheha))",
    r"(baraye|barae|vase|bare) (\w+ )?(mardha|mardan|aghayoon|aghayan|mardaye) (\w+ )?(ke )?(negah ?konan|negah ?konand|tamasha ?konan|tamasha ?konand|bebinan|bebinand|tamashash|negash ?konan)",
    r"(takht|takhte|takhtekhab|takhte ?khab|takhtkhab|otagh ?khab|otaghe ?khab|otaghkhab|rakhtekhab|rakhte ?khab)( \w+){0,2} (ba|baa|hamrahe|kenare|pishe) (\w+ )?(mard|mardi|marde|agha|aghaye|amoo|amu|pirmard|pir ?mard|mard ?e ?bozorg|marde ?bozorg|yaroo|yaru|gharibe|gharibeh)",
    r"(rabete|rabeteye|rabeteh|ravabet|ravabete|amal|amale|tajavoz|tajavoze|azar|azare|azaar|azaare|film|filme|aks|akse)( e| ye)? jensi|sex ?(kardan|mikonan|mikone|mikonand|kard|kardand)",
    # Bengali: naked ("nangta", "ulongo"), taking off clothes or a frock ("jama khulche"), arousing or obscene dances,
    # poses and looks, lust, only for grown-ups, for men to watch, a bed or a bedroom with a man
    r"nangta|nengta|langta|lengta|nangto|lyangta|nyangta|ulongo|ulango|olongo",
    r"(jama|jamata|kapor|kapod|kapur|jamakapor|skirt|frock|prok|panty|salwar|shalwar|pajama|jangia|saree|shari|blouse)(ta|ti|gulo|guli|r|er|ke)? (\w+ )?(khulche|khulchhe|khulchhey|khule|khuleche|khulechhe|khulte|khuliye|khulbe|khulse|khulchi|khulchhi|khulcho|khulchen)\b",
    r"(uttejok|uttejak|kamuk|kamottejok|ashlil|oshlil|oshleel|madok|maadok) (\w+ )?(nach|naach|nritto|pose|poj|poz|bhongi|bhongima|bhangi|chokh|chahoni|drishti|video|chhobi|chobi|gaan|angabhangi)\w*|oshlil\w*|kamottejon\w*|gorom (nach|naach|pose|poz|chhobi|chobi|video)",
    r"lal(o|a)?sha ?(bhora|bhara|purno|bhore)|lalsabhora|kam ?lalsa\w*",
    r"(cinema|sinema|chobi|chhobi|film|chhayachhobi|video|bhidio|clip|natok|drishyo|drisho|show|content|site|channel)( \w+){0,3} (shudhu|sudhu|kebol|keval|kebolmatro|only) (boroder|baroder|boro der|prapto ?boyoskoder|praptoboyoskoder|adultder|adult der|adultsder|boyoskoder) (jonno|jonyo|jnno|jonne)|(shudhu|sudhu|kebol|keval|kebolmatro|only) (boroder|baroder|boro der|prapto ?boyoskoder|praptoboyoskoder|adultder|adult der|adultsder|boyoskoder) (jonno|jonyo|jnno|jonne) (\w+ ){0,2}(cinema|sinema|chobi|chhobi|film|chhayachhobi|video|bhidio|clip|natok|drishyo|drisho|show|content|site|channel)\b",
    r"(purushder|purusder|purush der|lokder|lok der|boro manusher|boro lokder) (\w+ )?(dekhar|dekhbar|dekhte|dekhanor) (jonno|jonyo|jnno)",
    r"(bichhana|bichana|bichanay|bichhanay|bichanae|shobar ?ghor|shobar ?ghore|shobarghore)\w* (\w+ ){0,2}(purush|purusher|loker|boro manusher|boyosko purusher|lokta|lokti)\w* (sathe|shathe|songe|sange|shonge)",
    r"(purush|purusher|loker|lokta|boro manusher|boyosko purusher|ekjon purusher)\w* (sathe|shathe|songe|sange|shonge) (\w+ )?(bichhana\w*|bichana\w*|shobar ?ghor\w*|khate|bed\w*)",
    r"chodachudi|choda ?chudi",
    # Greek (Greeklish): naked ("gymni"), undressing ("gdinetai", "3entinetai"), taking off clothes, a skirt or
    # underwear, a provocative, sensual or erotic dance, pose or look, lewd, only for adults, an adult film, for men to
    # watch, a bed or a bedroom with a man, sexual acts
    r"(g(y|u|i)mn(i|h|os|es|oi|ous|a)|gymno|gumno)\b(?! (mati|matia|xeri|xeria|podi|podia|kladia|plates|toixoi|toixous|vrahia|vraxia))",
    r"kaftero (xoro|xoros|ntusimo|ntysimo|poza|pozes)",
    r"(ks|x|e)entin(etai|ete|ontai|omai|ei|ise)|gdin(etai|ete|ontai|omai|ei|ise|omeni|omenh)|gdyn(etai|ete|ontai|omai|ise)|ksegumn\w*|ksegymn\w*",
    r"(vgazei|vgazi|vgazoun|vgazeis|evgale|evgaze|vgale|vgalei|vgalte|vgaleis)( \w+)? (ta |to |tin |thn |tn |tis |ti |ts )?(rouxa|ruxa|roucha|rouha|fousta|fusta|forema|eswrouxa|esorouxa|eswruxa|kiloti|soutien|sutien|pantaloni)\w*",
    r"(xoros|xoro|xorevei|horos|horevei|xorevoun|poza|pozes|pozarei|vlemma|vlema|kiniseis|kinhseis|kinisi|kinhsh|ntusimo|ntysimo|fwtografies|fotografies)\w* (\w+ )?(proklitik|proklhtik|aisthisiak|esthisiak|aisthhsiak|erotik|sexoualik|seksoualik|lagn)\w*\b(?! (tragoudi|tragoudia|tragoudakia|tragoudiwn))",
    r"(mikri|mikrh|paidi|koritsaki|mathitria) (\w+ )?(proklitiki|proklhtikh)",
    r"(proklitik|proklhtik|aisthisiak|esthisiak|aisthhsiak|sexoualik|seksoualik|lagn)\w* (\w+ )?(xoros|xoro|xorevei|horos|horo|poza|pozes|vlemma|vlema|kiniseis|kinhseis|kinisi|kinhsh|ntusimo|ntysimo|fwtografies|fotografies)\w*",
    r"lagn(os|es|h|eia|ia)",
    r"(tainia|tainies|tenia|video|vinteo|ekpompi|ekpombi|fwtografies|fotografies|periexomeno|site|kanali|parastasi|skini)( \w+){0,3} (mono|mwno) gia (enilikes|enhlikes|enhlikous|enilikous)|(mono|mwno) gia (enilikes|enhlikes|enhlikous|enilikous) (\w+ ){0,2}(tainia|tainies|tenia|video|vinteo|ekpompi|ekpombi|fwtografies|fotografies|periexomeno|site|kanali|parastasi|skini)\b",
    r"(tainia|tenia|video|vinteo|ekpompi|fwtografies|fotografies|periexomeno)\w* (\w+ )?gia (enilikes|enhlikes)(?! (kai|k) (paidia|paidi|paidakia))",
    r"gia (\w+ )?(antres|andres|antrous|androus) na (th |tin |to |ti )?(vlepoun|blepoun|koitane|koitazoun|kitazoun)",
    r"(krevati|kreveti|krevvati|krebati|krevatokamara\w*|ypnodwmatio|ypnodomatio|ipnodomatio|ipnodwmatio)\w* (\w+ ){0,2}me (enan |ena |ton |to )?(\w+ )?(antra|andra|antras|andras|kyrio|kurio|kirio|theio|thio|8eio|8io)",
    r"gam(ietai|iete|iountai|iseis|isei|hthike|ithike|iesai)",
    # Tamil and Telugu: taking off a dress, a skirt, a petticoat or clothes ("dress kazhattura", "langa vippindi"),
    # naked ("nirvaanam", "ammanam", "nagnanga", "battalu lekunda"), lust ("kaamam", "kaamathoda"), titillating
    # ("kilukiluppu"), a glamorous, provocative or teasing dance or pose, only for adults or filmed for them, a bed
    # with a man, sexual acts
    r"(dress|dressa|dressai|dresse|udai|udaiya|udaiyai|udaigal|udaigalai|thuni|thuniya|thunigal|paavadai|pavadai|paavadaiya|pavadaiya|jatti|jattiya|saree|sareeya|nighty|nightiya|skirt|skirta|frock|frocka|inner|innera|bra|braa|blouse|blousea|churidar|panty|pantya)\w* (\w+ )?(kazhatti|kalatti|kazhattu|kalattu|kazhattura|kalatura|kalattura|kazhatturaa|kazhatturaal|kalatturaal|avuthu|avutthu|avukkura|avukura|avukkiraal|avuthutu|avuththu|kalati|kazhati|kazhatta|kalatta|uruvi|uruvura)\w*",
    r"(battalu|battala|bhattalu|dress|dressu|langa|lunga|langaa|pavada|paavada|chaddi|lungi|skirt|frock|saree|cheera|cheeralu|blouse|inner|bra|panty)\w* (\w+ )?(vippi|vippu|vippindi|vippesi|vippestundi|vipputondi|vipputhondi|vipputhundi|vippadam|vippesindi|vippukuntu|vippukuni|vippesukundi|vippestondi|teesesi|teesesindi|tisesindi|teesestondi)\w*",
    r"nirvaana(m|ma|maa|maga|mana|mamaga|mamaa)|nirvana(ma|maa|maga|mana|mamaga|mamaa)|amm?anam(a|aa|maa)?|nagnam(ga)?|nagnanga|nagnamga|battalu (lekunda|lekundaa)|bhattalu lekunda",
    r"battalu leni(?! (chinna pillalu|chinna pillalaki|pillalu|pillalaki|vaariki|pedala|pedalaki|vallaki|vaallaki|kutumbalu))",
    r"kaa?mam ?(tho|thoti|toti)|kaama ?(veri|pasi|parvai|paarvai|ichai|ichchai|unarvu)|kaa?mathoda|kaa?mathudan|kaa?maveri|kaa?maniki|kaamakeli|kamakeli|kaa?mam\b|kilu ?kilupp\w*|glamour (dance|pose|poses|photoshoot|photo shoot|steps)|shobhanam|shobanam|mudhal ?iravu|boothu (video|padam|cinema|bomma)",
    r"(kavarchi|kavarchiyana|kavarchiyaana|kaama|rechchagotte|rechagotte|rechhagotte|rechagotey|kavvinche|kavvinchey|kavvimpu) (\w+ )?(dance|dancu|danse|aattam|attam|pose|posu|poses|poju|pojulu|paarvai|parvai|chupu|choopu|choopulu|nadaka|natyam|nadanam|steps)\w*|kavvimpuga|rechchagottela|rechagottela",
    r"(padam|padangal|cinema|movie|film|video|clip|scene|photo|photos|show|content|channel|site|serial)( \w+){0,3} (periyavangalukku|periyavargalukku|periyavangaluku|periyavarkalukku|adultsku|adults ku|adultsukku|peddavalla kosam|peddavaalla kosam|peddala kosam|peddalaki|peddavallaki) (mattum|mattume|matum|mattumdhaan|mattum thaan|matrame|maatrame|maathrame|mathrame)|(periyavangalukku|periyavargalukku|periyavangaluku|periyavarkalukku|adultsku|adults ku|adultsukku|peddavalla kosam|peddavaalla kosam|peddala kosam|peddalaki|peddavallaki) (mattum|mattume|matum|mattumdhaan|mattum thaan|matrame|maatrame|maathrame|mathrame) (\w+ ){0,2}(padam|padangal|cinema|movie|film|video|clip|scene|photo|photos|show|content|channel|site|serial)\b|(peddavalla|peddavaalla|peddala) kosam (teesina|tisina|chitrikarinchina|tisindi|teesindi)",
    r"(aambala|aampala|aambalai|aalu|periya aalu|periya aal|vayasaana aal|vayasana aal|magavadi|magadi|magavaadi|pedda manishi|peddamanishi|magaadi)\w* (\w+ )?(koda|kooda|oda|udan|kuda|tho|thoti|toti) (\w+ )?(bed|bedla|bedroom|bedroomla|kattil|kattilla|kattilil|padukkai|padukai|padukkaiyil|padukkaila|paduthu|padaka|padakagadi|padaka gadi|padakagadilo|mancham|manchampai|manchammeeda|padukundi|padukuni)\w*",
    r"dengu(tunna|tunnadu|thunnadu|thundi|tundi|kuntunna|inchukundi|esadu|esindi|adam)|dengadam|dengindi",
    # Nepali and Punjabi: taking off clothes ("luga phukaldai", "kapde laah rahi", "salwar lah"), naked ("nangai",
    # "nango"), lust ("vasanale"), obscene or intoxicating dances and poses, sexual relations, only for adults, for
    # men to watch, a bed with a man
    r"(luga|lugaa|lugaharu|kapada|cholo|kattu|suruwal|surwal|phariya)\w* (\w+ )?(phukal|fukal|phukaal|fukaal|futal|phutal|khol|utaar|utar)\w*",
    r"(kapde|kapre|kapda|lida|lidde|lide|salwar|salvar|suthan|suthna|skirt|jhagga|jhaga|jhagi|kachha|kachhi|kachhe|panty|underwear)\w* (\w+ )?((laah|lah) (rahi|riha|rahe|rehi|di|de|ditte|ditta|ditti|lai|layi|ke|dende|dindi)|laahndi|lahndi|laahnda|lahnda|laahi|lahi|laahde|lahde|laahe|lahe|laahke|lahke)\b",
    r"nangai|nangaai|nango (\w+ )?(bhayo|bhai|bhaeko|bhayeki|cha|chha|chhe|bhayera|photo|tasbir|video)\b|(vasana|basana|waasana|vaasana|baasana)(le|ko|maa|ma|bhari|pura|purna|yukta)",
    r"(ashlil|ashleel|madak|maadak) (\w+ )?(nach|naach|nritya|pose|poj|poz|mudra|herai|herne|video|photo|tasbir)\w*",
    r"(film|philm|chalchitra|video|bhidio|clip|photo|tasbir|drishya|show|content|channel|site)( \w+){0,3} (thulaharu|thula haru|thulaa haru|thulo manchhe|thula manchhe|bayaskaharu|vayaskaharu|wayaskaharu|bayaska|vayaska) ?(ka|ko|kaa) (lagi|laagi) (matra|maatra|matrai|maatrai)|(thulaharu|thula haru|thulaa haru|thulo manchhe|thula manchhe|bayaskaharu|vayaskaharu|wayaskaharu|bayaska|vayaska) ?(ka|ko|kaa) (lagi|laagi) (matra|maatra|matrai|maatrai) (\w+ ){0,2}(film|philm|chalchitra|video|bhidio|clip|photo|tasbir|drishya|show|content|channel|site)\b",
    r"(purushharu|purush haru|logneharu) (\w+ )?(le )?(herna|herne|hernako) (ka|ko) (lagi|laagi)",
    r"(purush|ajnabi|parai purush|thulo manchhe|bayaska purush|logne manchhe)\w* (\w+ )?(sanga|sang|sangai) (\w+ )?(sutne kotha|sutne kothama|ochhyan|ochhyanma|khatma|bed|bedma|bedroom|bedroomma|sutdai|sutirahe|sutchhe|sutchhin|sutyo|suteki)\w*",
    # Thai: naked ("pluay"), taking off clothes, trousers or underwear ("thot suea pha"), seductive ("yua yuan"),
    # thrilling, obscene, horny, lust, sexual ("thang phet"; sex education is masked), only for adults, a bed with a man
    r"pluay|plueay|pleuay|pluey|plueai|pleuai|pluai|pleuy",
    r"(thot|tod|tort|thod|tord|tawt) ?(suea ?pha|sua ?pa|seua ?pa|suea ?pa|sue ?pa|kangkeng ?nai|kang ?keng ?nai|kangkeng|kang ?keng|kra ?prong|krapong|yok ?song|chut ?chan ?nai|sua ?chan ?nai|suea ?chan ?nai)",
    r"yua ?(yuan|yuen|yoon|yuun)|sa ?(yiw|yiew|yew)|siaw|seaw|ngian|ngiian|ngean|kam ?arom|arom ?thang ?phet|thang ?phet|tang ?pet|sek si",
    r"(nang|klip|clip|video|widio|phap|rup|rai ?kan|content|sai|website)( \w+){0,3} ((sam ?rap|sumrab|samrab|sumrap) )?(phu ?yai|poo ?yai) (thao ?nan|tao ?nan)|((sam ?rap|sumrab|samrab|sumrap) )?(phu ?yai|poo ?yai) (thao ?nan|tao ?nan) (\w+ ){0,2}(nang|klip|clip|video|widio|phap|rup|rai ?kan|content)\b",
    r"(bon ?tiang|bon ?tieng|nai ?hong ?non|hong ?non|tiang ?non)( \w+){0,2} (kap|gub|gap|kub|kab|kup) (\w+ )?(phu ?chai|poo ?chai|chai ?kae|pho ?liang)",
]

# Masked before sexual contexts are looked for: Hindi/Urdu and Punjabi clothes taken down from a line or a roof, or
# dry or washed ones ("chhat se sukhe kapde utaar"), Persian clothes taken out of a drawer or a suitcase, Chinese sex
# education ("xing jiaoyu"), Thai sex education ("phet suksa", "kan suksa thang phet"); after the red-team review also a
# clothes shop, price or photo ("kapde ki dukaan"), a story on a bed ("palang par kahani"), abuse prevention ("yaun
# shoshan se bachane", "pishgiri az tajavoze jensi"), laundry off a line (Russian, Ukrainian, Greek, Telugu, Tamil),
# children's clothes filmed for a catalogue, and the blackboard, backgammon and Persepolis ("takhte siah/nard/jamshid").
BENIGN_SEXUAL_COLLOCATIONS_ADDED_9: str = (
    r"\b((chhat|chat|chhath|chhaat|rassi|rassee|taar|tar|dhoop|line|alagni|balcony|balkoni|almari|almaari|machine)"
    r"( \w+)? (se|par|pe|mein|me|ton|to|toh) (\w+ )?((sukhe|sookhe|dhule|sukke|sukhe hue|dhule hue) )?(kapde|kapre|lide|lidde)"
    r"( \w+)? (utaar|utar|laah|lah)\w*|(sukhe|sookhe|dhule|dhuley|geele|gile|sukke) (hue |huye )?(kapde|kapre|lide|lidde)"
    r"( \w+)? (utaar|utar|laah|lah)\w*|lebas\w* (ra |ro |o )?az (\w+ )?(komod|kamod|kashoo|chamedan|chamedoon|mashin|kise|sabad|band)"
    r" (\w+ )?(dar ?miar|dar ?miyar|dar ?avord|daravord|dar ?miare)\w*|xing ?jiao ?yu|(kan )?suksa thang phet|thang phet suksa|takhte (siah|siyah|nard|jamshid|sang|sefid)"
    r"|(kapde|kapre|kapda|saree|salwar|choli)( \w+)? (ki|ka|ke) (dukaan|dukan|shop|photo|tasveer|daam|khol|almari|packet|design|naap)"
    r"|(almari|almaari|bag|suitcase|sandook|peti|drawer)( \w+)? (se|mein|me) (\w+ )?(kapde|kapre|salwar|saree)( \w+)? (nikaal|nikal)\w*"
    r"|(palang|bistar|bister|bed|manje|manji) (par|pe|te) (\w+ ){0,2}(kahani\w*|story|stories|lori|kahaniyan)"
    r"|(yaun|jinsi|jismani) (shoshan|utpeedan|utpidan|hinsa|durvyavahar|hirasani|ziyadti|zyadti)( \w+)? se (bachane|bachaav|bachav|bachao|suraksha|bachne)\w*"
    r"|(pishgiri|peshgiri|jelogiri|amoozeshe pishgiri) (az )?(tajavoz|tajavoze|azar|azare|azaar|azaare)( e| ye)? jensi"
    r"|sni?ma\w* (bel e|bel ye|belye|odezhd\w*) s (verevki|sushilki|balkona)|(snimaem|snimayu|snyali|snimaet|snimayut)\w* (detsk\w* )?(odezhd|plat)\w* dlya (katalog|magazin|internet|sayt|reklam)\w*"
    r"|znima\w* (odyag|bilyzn\w*) z (motuzk\w*|sushark\w*|balkon\w*)"
    r"|(vgazei|vgazi|vgazoun|evgale|vgale) (ta )?rouxa apo (to |ti |tin )?(plyntirio|plintirio|valitsa|ntoulapa|aplwstra|skoini)"
    r"|(dandem|dhandem|teega|taadu) (meeda|nunchi)( \w+)? battalu"
    r"|(kodi|kodiyil|kodila|kodiyilirundhu|kodiyil irundhu)( \w+){0,2} (thuni|thunigal|thunigalai|dress|udai|udaigalai)\w* (kazhatti|kalatti|edu)\w*)\b"
)

# Everyday romanised words one edit from a policy word, found by normalising the batch's test prompts and some 400
# common words of these languages: Hindi "udas" (sad) became Spanish "nudas" (naked), "banao" (make) "banho" (bath),
# "nalla" and Arabic "yalla" "balla", Persian "madar" (mother) "matar" (to kill), Russian "golye" (naked, a form the
# pattern spells with a group) "golpe"; Ukrainian "dity" (children) "dirty", Arabic "fatat" (girl) "fatal", Greek
# "pedia" (children) "media", Bengali "gorom" (hot) "groom".
NOT_MISSPELLINGS_ADDED_9: frozenset[str] = frozenset("udas banao nalla yalla madar golye dity fatat pedia gorom".split())

# Words of the romanised glossaries (safety/glossary/) that the spelling correction turned into a policy word their
# gloss is not, found by normalising every glossary key (2026-12-06; `tests/test_gloss.py` checks every key): Japanese
# "shita" (did, under), Arabic "shita" (winter), Kannada and Telugu "thota" (garden), Gujarati and Marathi "khota"
# (false) became "shota"; Hindi "pakdo" (catch) "paedo"; Japanese "hantai" (opposition)
# and "heitai" (soldier), Vietnamese "hientai" (present) "hentai"; Japanese "purin" (pudding) "putin"; Hindi "acchi"
# (good) "ecchi"; Ukrainian "vagitna" (pregnant) "vagina"; Korean "gangdang"
# (auditorium) "gangbang". As the normaliser sees them: digits already read as letters (Arabizi "ne7na", we, is
# "netna"), and words the correction split ("nopenena", invisible, "nope nena"). Left to the correction, as likely
# misspellings of the policy word in any prompt: "paado", "paeda", "paego" (paedo), "kidis", "kideies" (kids,
# kiddies), "horng" (horny), "naziteen" (nazi teen); in a prompt the Korean glossary reads, "paego" (beat up) is read
# as its gloss (`safety.screening.GLOSSED_EVERYDAY_WORDS`).
NOT_MISSPELLINGS_ADDED_10: frozenset[str] = frozenset((
    "shita shta sheta shosta shoja shoma khota thota sphota sfota kidda tneen ween emchi acchi ucchi nenam nemna nesas "
    "netna jnena onena nenga nenka nopenena neas nusas boyos thont thoni nichhe nichto porlo kaink pakdo kiny gorcy "
    "gorre heitai hantai hientai okama purin gangdang obata teenee tangna tongthong nonos vagitna egorr").split())
