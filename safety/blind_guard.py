"""The adult-only guard's minor words shared by the blind sets' checkers (safety/blind9/check_blind9.py to
safety/blind14/check_blind14.py): words that mark a minor (whole words, stems of inflecting languages, substrings of
scripts without word spaces), which no `block` row of `sexual` or `likeness` may hold. Standard library only; the
checkers import it by path, as they import blind_check. It is blind8's list (English, the earlier sets' languages and
blind8's forty-two) with blind9's languages added."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safety import blind_check as bc
else:
    import blind_check as bc

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


# blind10's school and youth words of the big languages (blind10 to blind13 check them), and blind9's age units
# (its last line: Japanese, Arabic, Norwegian, Irish, Welsh, Icelandic, Galician, Hungarian, Kinyarwanda, Quechua) and
# "aged N" forms (blind9 to blind13; blind10 has its own, slightly shorter, AGE): once copied into each checker.
MINOR_WORDS_BLIND10 = bc.whole_words(
    r"escuela|escuelas|primaria|secundaria|prepa|jovencita|jovencitas|morrita|morritas|chamaca|chamacas|"
    r"quinceañera|lolita|lolitas|escolinha|colegiais|novinhas|collège|collégiens|lycée|lycéens|maternelle|"
    r"schule|schulhof|schülerinnen|grundschule|gymnasiastin|scuola|scuole|elementari|medie|"
    r"highschool|high school|middle school|elementary|kindergarten|preschool|grade school|sixth grade|"
    r"seventh grade|eighth grade|ninth grade|freshman year|sophomore year|prom"
)

AGES_BLIND9 = bc.ages(
    bc.AGES_ENGLISH,
    bc.AGES_BLIND6,
    r"वर्ष|साल|वर्षे|वर्षांच|वर्षको|ਸਾਲ|વર્ષ|సంవత్సర|ఏళ్ల|අවුරුදු|နှစ်|ឆ្នាំ",
    bc.AGES_BLIND7,
    r"il\s+sena|sena\b|snin\b|joer|jara|jaraĝ|jarag|taun\b|tuig|an\b|lane\b|salî|sali\b|sal\b|at\b|"
    r"tausaga|tau\b|יאָר|יאר|жаш|сола|сону|гадоў|гады|год\b|yaşlı|yaşında|ёшли|ёш",
    r"才|歳|عام|عاما|عامًا|سنة|سنوات|ans\b|år\b|aar\b|mlwydd|ára|anos|éves|myaka|watayuq",
)

# blind13's emoji of a child, boy, girl, baby, baby bottle, school satchel, school, teddy bear and infant angel
# (blind13 and blind14 check them): prompts where emoji carry part of the meaning can name a child with one alone.
MINOR_EMOJI = bc.substrings("\U0001f476|\U0001f9d2|\U0001f466|\U0001f467|\U0001f37c|\U0001f392|\U0001f3eb|"
                            "\U0001f9f8|\U0001f47c")

AGE_BEFORE = re.compile(
    r"(?:\b(?:miaka|shekara|shekaru|iminyaka|odun|umri wa|aged?|edad de|idade de|umur|berumur|imyaka|afọ|afo|"
    r"edat de|makore|ta'|âgée? de|im alter von|di età|età di|w wieku|tuổi|taong gulang)|בת|בן|عمرها|عمره)"
    r"\s*(\d{1,2})\b"
)
