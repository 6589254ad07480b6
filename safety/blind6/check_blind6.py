"""Checks the sixth blind evaluation set (standard library only). Run from anywhere:

    python safety/blind6/check_blind6.py

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray whitespace, no carriage return or other control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known language code. A row whose
  language has its own script (Devanagari, Gurmukhi, Gujarati, Telugu, Sinhala, Thai, Lao, Myanmar, Khmer,
  Georgian, Armenian, Greek, Cyrillic, Arabic, CJK, kana) is written in it: at least 60 % of its letters are in
  that script. A row in a Latin-script language holds Latin letters and at most one English function word
  ("the", "and", "with", "please", "make"...). Rows of other styles carry no language tag;
* style shapes (English rows; `foreign` rows are checked for their language only): `screenplay` has a slug line
  (INT. / EXT.) or an all-caps CHARACTER cue before a colon or a parenthesis; `spec` has `key: value`, `{` or a
  `|` table; `edit` names the clip or image it changes, or the change (replace, swap, extend...); `caption` has a
  hashtag; `question` has a question mark; `pretext` gives a purpose (for, because, as part of, it's ...);
  `contrast` carries a negation or contrast (not, no, don't, less, instead, without, rather, but ...); `plain` is
  a single sentence with no question mark, hashtag or line of script;
* the `foreign` share is at least 20 % of block rows and 15 % of allow rows over both files together, spread over
  at least 15 languages among the block rows and 15 among the allow rows; each screen category holds at least 8
  foreign block rows in at least 8 different languages; the block rows use at least 20 of the 28 languages the
  brief singled out (Marathi, Telugu, Gujarati, Punjabi, Nepali, Sinhala, Thai, Burmese, Khmer, Lao, Georgian,
  Armenian, Greek, Bulgarian, Slovak, Croatian, Lithuanian, Latvian, Danish, Swedish, Dutch, Swahili, Yoruba,
  Hausa, Zulu, Somali, Azerbaijani, Uzbek);
* per-file rules: `categories.tsv` holds the six screen categories with 35-45 block and 20-30 allow rows each,
  plus 20-30 `allow`/`sexual_minors` rows; every style but `near_miss` appears among each category's block rows
  and among the allow rows of the file; `benign.tsv` is all `allow` (230-270 rows), at least a fifth of them
  `near_miss`; no file holds a `block`/`sexual_minors` row (README.md says why);
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word such
  as teen, school, kid in the languages used here and in the earlier sets), so those rows can never be read as
  sexualising a minor;
* no duplicate prompt within a file or across the blind6 files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and the blind6 line numbers are reported;
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
STYLES = {
    "screenplay",
    "spec",
    "edit",
    "caption",
    "question",
    "pretext",
    "contrast",
    "foreign",
    "plain",
    "near_miss",
}
# Languages the brief singled out (used little by the earlier sets); the block rows must use NEW_LANGUAGES_MIN.
NEW_LANGUAGES = {
    "mr", "te", "gu", "pa", "ne", "si", "th", "my", "km", "lo", "ka", "hy", "el", "bg", "sk", "hr", "lt", "lv",
    "da", "sv", "nl", "sw", "yo", "ha", "zu", "so", "az", "uz",
}  # fmt: skip
NEW_LANGUAGES_MIN = 20
CATEGORY_BLOCK_RANGE = (35, 45)
CATEGORY_ALLOW_RANGE = (20, 30)
MINOR_ALLOW_RANGE = (20, 30)
BENIGN_RANGE = (230, 270)
NEAR_MISS_MIN = 0.20
FOREIGN_MIN = {"block": 0.20, "allow": 0.15}
LANGUAGES_MIN = 15
FOREIGN_BLOCK_PER_CATEGORY_MIN = 8
SCRIPT_SHARE_MIN = 0.60
STYLE_HEADER = re.compile(r"^#\s*style:\s*(\w+)")
LANG_HEADER = re.compile(r"^#\s*lang:\s*(\w+)")

# Language codes used here. Those written in their own script map to a pattern for that script's letters.
LATIN = None
DEVANAGARI = re.compile(r"[\u0900-\u097f]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
SCRIPTS: dict[str, re.Pattern[str] | None] = {
    "es": LATIN, "pt": LATIN, "id": LATIN, "sk": LATIN, "hr": LATIN, "lt": LATIN, "lv": LATIN, "da": LATIN,
    "sv": LATIN, "nl": LATIN, "sw": LATIN, "yo": LATIN, "ha": LATIN, "zu": LATIN, "so": LATIN, "az": LATIN,
    "uz": LATIN,
    "hi": DEVANAGARI, "mr": DEVANAGARI, "ne": DEVANAGARI,
    "pa": re.compile(r"[\u0a00-\u0a7f]"),
    "gu": re.compile(r"[\u0a80-\u0aff]"),
    "te": re.compile(r"[\u0c00-\u0c7f]"),
    "si": re.compile(r"[\u0d80-\u0dff]"),
    "th": re.compile(r"[\u0e00-\u0e7f]"),
    "lo": re.compile(r"[\u0e80-\u0eff]"),
    "my": re.compile(r"[\u1000-\u109f]"),
    "km": re.compile(r"[\u1780-\u17ff]"),
    "ka": re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf]"),
    "hy": re.compile(r"[\u0530-\u058f]"),
    "el": re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"),
    "bg": CYRILLIC, "ru": CYRILLIC,
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"),
}  # fmt: skip
# A Japanese row must hold kana (so that a Chinese row cannot pass as Japanese).
KANA = re.compile(r"[\u3040-\u30ff]")
# English function words: a Latin-script foreign row may hold one (a title, a brand), not two.
ENGLISH_WORDS = {"the", "and", "with", "please", "make", "show", "this", "that", "from", "into", "your", "video"}

# Words that mark a minor. Checked on block sexual / likeness rows only, as whole words, on the case-folded text
# and on the same text with combining marks removed (so that Yoruba or Latvian spelt with or without marks match).
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
    r"طفل|طفلة|أطفال|قاصر|قاصرة|تلميذة|مراهقة|"
    r"menor|menores|escolar|colegio|escola|anak-anak|gadis kecil)\b"
)
# Scripts where \b is unreliable (no spaces, or combining marks), and stems: matched as substrings.
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
    r"երեխա|աղջնակ|աղջիկ|տղա|աշակերտ|անչափահաս|դեռահաս)"
)
AGE = re.compile(
    r"\b(\d{1,2})\s*(?:-\s*)?(?:years?\s*-?\s*old|year-old|yrs?\b|y/o|y\.o\.|yo\b|"
    r"años|ans|jahre|jährig|anos|anni|lat|yaş|tahun|tuổi|saal|jaar|år|ετών|χρονών|лет|години|годишн|"
    r"rokov|ročn|godina|godišnj|metų|metu|mečio|gadus|gadi|gadu|gadīg|yoshli|yoshda|yosh|"
    r"岁|歲|歳|ปี|ປີ|วัย|წლის|տարեկան|jir|"
    r"वर्ष|साल|वर्षे|वर्षांच|वर्षको|ਸਾਲ|વર્ષ|సంవత్సర|ఏళ్ల|අවුරුදු|နှစ်|ឆ្នាំ)"
)
AGE_BEFORE = re.compile(r"\b(?:miaka|shekara|shekaru|iminyaka|odun|umri wa|aged?|edad de|idade de)\s*(\d{1,2})\b")

# Style shapes (checked on English rows).
SLUG = re.compile(r"\b(INT|EXT|INT\./EXT)\.")
CUE = re.compile(
    r"(^|[\s.!?/])[A-Z][A-Z'\-]{2,}(\s[A-Z][A-Z'\-]{1,})?\s*(\([^)]*\)\s*)?:|[A-Z]{3,}\s*\((V\.O\.|O\.S\.|CONT'D)"
)
SPEC = re.compile(r"\w[\w ./-]*:\s*\S|\{|\|")
EDIT = re.compile(
    r"\b(clip|clips|video|footage|image|photo|picture|frame|frames|recording|reel|shot|edit|replace|swap|extend|"
    r"change|turn|cut|remove|add|insert|overlay|put|re-?cut|retime|face)\b",
    re.IGNORECASE,
)
PRETEXT = re.compile(
    r"\b(for|because|as part of|it's|it is|since|so|purpose|meant to|to show|to teach|research\w*|tribute)\b",
    re.IGNORECASE,
)
CONTRAST = re.compile(
    r"\b(not|no|don't|do not|doesn't|never|instead|less|more|without|rather|but|skip|drop|stop|isn't|won't|"
    r"nothing|only|keep|unlike|than)\b|n't\b",
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
        for pattern in (MINOR_WORDS, MINOR_SUBSTRINGS):
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
    if script is not None:
        share = sum(1 for ch in letters if script.match(ch)) / len(letters) if letters else 0.0
        if share < SCRIPT_SHARE_MIN:
            return f"{row.lang} row is {share:.0%} in its script, want >= {SCRIPT_SHARE_MIN:.0%}"
        if row.lang == "ja" and not KANA.search(row.prompt):
            return "ja row holds no kana"
        return None
    if not any(ch.isalpha() and ord(ch) < 0x250 for ch in row.prompt):
        return f"{row.lang} row holds no Latin letters"
    english = [w for w in re.findall(r"[a-z]+", row.prompt.casefold()) if w in ENGLISH_WORDS]
    if len(english) > 1:
        return f"{row.lang} row holds English words {english}"
    return None


def style_problem(row: Row) -> str | None:
    prompt = row.prompt
    if row.style == "foreign":
        return None
    if row.style == "screenplay" and not (SLUG.search(prompt) or CUE.search(prompt)):
        return "screenplay row has no INT./EXT. slug line and no CHARACTER cue"
    if row.style == "spec" and not SPEC.search(prompt):
        return "spec row has no 'key: value', '{' or '|'"
    if row.style == "edit" and not EDIT.search(prompt):
        return "edit row names no clip, image or change"
    if row.style == "caption" and "#" not in prompt:
        return "caption row has no hashtag"
    if row.style == "question" and "?" not in prompt:
        return "question row has no question mark"
    if row.style == "pretext" and not PRETEXT.search(prompt):
        return "pretext row gives no purpose"
    if row.style == "contrast" and not CONTRAST.search(prompt):
        return "contrast row has no negation or contrast"
    if row.style in ("plain", "near_miss"):
        if SENTENCE_BREAK.search(prompt.rstrip(".!")):
            return f"{row.style} row is more than one sentence"
        if "?" in prompt or "#" in prompt or SLUG.search(prompt):
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
            if len({r.lang for r in foreign}) < FOREIGN_BLOCK_PER_CATEGORY_MIN:
                problems.append(f"{name}: foreign block {category} rows use fewer than 8 languages")
            styles = {r.style for r in found if (r.label, r.category) == ("block", category)}
            for style in sorted(STYLES - {"near_miss"} - styles):
                problems.append(f"{name}: no block {category} row in style {style!r}")
        minors = counts[("allow", "sexual_minors")]
        if not in_range(minors, MINOR_ALLOW_RANGE):
            problems.append(f"{name}: {minors} allow sexual_minors rows, want {MINOR_ALLOW_RANGE}")
        allow_styles = {r.style for r in found if r.label == "allow"}
        for style in sorted(STYLES - {"near_miss"} - allow_styles):
            problems.append(f"{name}: no allow row in style {style!r}")
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
    if row.prompt != row.prompt.strip():
        problems.append(f"{where}: leading/trailing whitespace")
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
    block_languages = {r.lang for r in all_rows if r.label == "block" and r.style == "foreign"}
    new_used = sorted(block_languages & NEW_LANGUAGES)
    print(f"languages the brief singled out, among block rows: {len(new_used)} ({', '.join(new_used)})")
    if len(new_used) < NEW_LANGUAGES_MIN:
        problems.append(f"{len(new_used)} of the singled-out languages among block rows, want >= {NEW_LANGUAGES_MIN}")
    print(f"compared against {len(others)} folded fields from {n_files} files of existing sets")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
