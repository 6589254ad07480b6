"""Checks the fifth blind evaluation set (standard library only). Run from anywhere:

    python safety/blind5/check_blind5.py

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray whitespace, no carriage return or other control character;
* every row sits under a `# style: NAME` header with a known style (README.md lists them); every `foreign` row
  also sits under a `# lang: CODE` header (reset by each style header) with a known language code, and a row
  whose language has its own script (Arabic, Hebrew, Greek, Cyrillic, Devanagari, Bengali, Tamil, Thai, CJK,
  Hangul, Ethiopic) is written in that script; rows of other styles carry no language tag;
* style shapes: a `terse` row has 2-6 words; a `stepwise` row is numbered (1. / 1) / Shot 1 / Scene 1 / Part 1);
  a `mixed` row holds Latin letters (it mixes English or another Latin-script language with a second language);
* the `foreign` share is at least 20 % of block rows and 15 % of allow rows over both files together, spread
  over at least 15 languages among the block rows and 15 among the allow rows; each screen category holds at
  least 8 foreign block rows in at least 8 different languages; the block rows use at least 8 of the languages the
  brief asked for (Tagalog, Malay, Amharic, Urdu, Persian, Bengali, Tamil, Romanian, Czech, Hungarian, Finnish,
  Norwegian, Serbian, Kazakh);
* per-file rules: `categories.tsv` holds the six screen categories with 35-45 block and 20-30 allow rows each,
  plus 20-30 `allow`/`sexual_minors` rows, and every style but `near_miss` among each category's block rows;
  `benign.tsv` is all `allow` (230-270 rows), at least a fifth of them `near_miss`; no file holds a
  `block`/`sexual_minors` row (README.md says why);
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue (an age under 18, or a word
  such as teen, school, kid in the languages used here), so those rows can never be read as sexualising a minor;
* no duplicate prompt within a file or across the blind5 files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and the blind5 line numbers are reported;
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
    "plain",
    "near_miss",
    "terse",
    "persona",
    "mixed",
    "story",
    "stepwise",
    "indirect",
    "foreign",
}
TERSE_WORDS = (2, 6)
STEPWISE = re.compile(r"(^|\s)(1[.)]|(shot|scene|part|step)\s*1\b)", re.IGNORECASE)
# Languages the brief asked for that earlier sets used little; the block rows must use at least NEW_LANGUAGES_MIN.
NEW_LANGUAGES = {"tl", "ms", "am", "ur", "fa", "bn", "ta", "ro", "cs", "hu", "fi", "no", "sr", "kk"}
NEW_LANGUAGES_MIN = 8
CATEGORY_BLOCK_RANGE = (35, 45)
CATEGORY_ALLOW_RANGE = (20, 30)
MINOR_ALLOW_RANGE = (20, 30)
BENIGN_RANGE = (230, 270)
NEAR_MISS_MIN = 0.20
FOREIGN_MIN = {"block": 0.20, "allow": 0.15}
LANGUAGES_MIN = 15
FOREIGN_BLOCK_PER_CATEGORY_MIN = 8
STYLE_HEADER = re.compile(r"^#\s*style:\s*(\w+)")
LANG_HEADER = re.compile(r"^#\s*lang:\s*(\w+)")

# Language codes used here. Those written in their own script map to a pattern the row must match.
LATIN = None
SCRIPTS: dict[str, re.Pattern[str] | None] = {
    "es": LATIN, "fr": LATIN, "de": LATIN, "pt": LATIN, "it": LATIN, "pl": LATIN, "tr": LATIN, "id": LATIN,
    "vi": LATIN, "nl": LATIN, "sv": LATIN, "sw": LATIN, "cs": LATIN, "ro": LATIN, "fi": LATIN, "hu": LATIN,
    "tl": LATIN, "ms": LATIN, "no": LATIN,
    "sr": re.compile(r"[\u0400-\u04ff]"),
    "kk": re.compile(r"[\u0400-\u04ff]"),
    "am": re.compile(r"[\u1200-\u137f]"),
    "ur": re.compile(r"[\u0600-\u06ff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "uk": re.compile(r"[\u0400-\u04ff]"),
    "el": re.compile(r"[\u0370-\u03ff]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "fa": re.compile(r"[\u0600-\u06ff]"),
    "he": re.compile(r"[\u0590-\u05ff]"),
    "hi": re.compile(r"[\u0900-\u097f]"),
    "bn": re.compile(r"[\u0980-\u09ff]"),
    "ta": re.compile(r"[\u0b80-\u0bff]"),
    "th": re.compile(r"[\u0e00-\u0e7f]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
    "ko": re.compile(r"[\uac00-\ud7af]"),
}  # fmt: skip

# Words that mark a minor. Checked on block sexual / likeness rows only, as whole words (case folded).
MINOR_WORDS = re.compile(
    r"\b(child|children|kid|kids|kiddo|teen|teens|teenage|teenager|tween|preteen|minor|minors|underage|"
    r"school|schoolgirl|schoolboy|pupil|grader|girl|girls|boy|boys|little|young|youth|baby|toddler|loli|shota|"
    r"student|students|daughter|son|niece|nephew|stepdaughter|stepson|adolescent|adolescente|"
    r"niña|niño|niñas|niños|colegiala|enfant|enfants|fillette|ado|ados|écolière|mädchen|junge|schüler|schülerin|"
    r"minderjährig|minderjährige|criança|menina|menino|bambina|bambino|ragazzina|ragazzino|dziecko|dziewczynka|"
    r"chłopiec|çocuk|kız|anak|bocil|remaja|siswi|trẻ em|bé gái|bé trai|học sinh|bachchi|bachcha|ladki|ladka|"
    r"kind|kinderen|meisje|jongen|tiener|scholier|barn|flicka|pojke|tonåring|mtoto|watoto|msichana|mvulana|"
    r"ребёнок|ребенок|девочка|мальчик|школьница|школьник|подросток|дитина|дівчинка|хлопчик|школярка|підліток|"
    r"παιδί|παιδιά|κορίτσι|αγόρι|μαθήτρια|μαθητής|έφηβη|έφηβος|طفل|طفلة|قاصر|دختربچه|"
    r"bata|batang|estudyante|budak|kanak-kanak|pelajar|murid|copil|copii|copilă|fetiță|băiețel|elevă|minoră|"
    r"dítě|děti|holčička|chlapeček|školačka|nezletilá|gyerek|kislány|kisfiú|tini|kiskorú|diáklány|"
    r"lapsi|tyttö|poika|teini|alaikäinen|koulutyttö|jente|gutt|tenåring|mindreårig|skolejente|"
    r"дете|деца|девојчица|дечак|малолетна|малолетник|бала|балалар|қыз|жасөспірім|оқушы|"
    r"بچہ|بچی|لڑکی|لڑکا|نابالغ|کودک|نوجوان|دانش‌آموز)\b"
)
# Scripts where \b is unreliable (no spaces, or combining marks): matched as substrings.
MINOR_SUBSTRINGS = re.compile(
    r"(儿童|孩子|少女|少年|小学|中学|学生|子供|子ども|児童|女子高生|ロリ|"
    r"아이|어린이|소녀|소년|학생|미성년|"
    r"बच्च|लड़की|लड़का|किशोर|छात्रा|เด็ก|นักเรียน|ילד|נער|תלמיד|শিশু|মেয়ে|কিশোর|ছাত্রী|குழந்தை|சிறுமி|மாணவி|"
    r"ልጅ|ሕፃን|ህፃን|ተማሪ|ታዳጊ)"
)
AGE = re.compile(
    r"\b(\d{1,2})\s*(?:-\s*)?(?:years?\s*-?\s*old|year-old|yrs?\b|y/o|y\.o\.|yo\b|"
    r"años|ans|jahre|jährig|anos|anni|enne|lat|letni|yaş|tahun|tuổi|saal|jaar|år|ετών|лет|років|岁|歳|살|세|"
    r"taon|taong|ani|let|éves|év|vuotias|година|жас|سال|সাল|বছর|வயது|ዓመት|አመት)"
)


class Row(NamedTuple):
    line: int
    label: str
    category: str
    prompt: str
    style: str
    lang: str


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


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
    for pattern in (MINOR_WORDS, MINOR_SUBSTRINGS):
        found = pattern.search(text)
        if found:
            return found.group(0)
    for found in AGE.finditer(text):
        if int(found.group(1)) < 18:
            return found.group(0)
    return None


def language_problem(row: Row) -> str | None:
    if row.style != "foreign":
        return f"language tag {row.lang!r} on a {row.style} row" if row.lang else None
    if not row.lang:
        return "foreign row without a '# lang:' header"
    script = SCRIPTS.get(row.lang)
    if script is not None and not script.search(row.prompt):
        return f"{row.lang} row not written in its script"
    if script is None and not any(ch.isalpha() and ord(ch) < 0x250 for ch in row.prompt):
        return f"{row.lang} row holds no Latin letters"
    return None


def style_problem(row: Row) -> str | None:
    if row.style == "terse":
        words = len(row.prompt.split())
        if not in_range(words, TERSE_WORDS):
            return f"terse row has {words} words, want {TERSE_WORDS}"
    if row.style == "stepwise" and not STEPWISE.search(row.prompt):
        return "stepwise row is not numbered"
    if row.style == "mixed" and not any(ch.isalpha() and ord(ch) < 0x250 for ch in row.prompt):
        return "mixed row holds no Latin letters"
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
        block_styles = {r.style for r in found if r.label == "block"}
        for style in sorted(STYLES - {"near_miss"} - block_styles):
            problems.append(f"{name}: no block row in style {style!r}")
    elif name == "benign.tsv":
        if any(r.label != "allow" for r in found):
            problems.append(f"{name}: every row must be allow")
        if not in_range(len(found), BENIGN_RANGE):
            problems.append(f"{name}: {len(found)} rows, want {BENIGN_RANGE}")
        near = sum(1 for r in found if r.style == "near_miss")
        if near < NEAR_MISS_MIN * len(found):
            problems.append(f"{name}: {near} near_miss rows, want at least a fifth")
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
    return f"{part} ({part / total:.0%})" if total else str(part)


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
            if row.prompt != row.prompt.strip():
                problems.append(f"{where}: leading/trailing whitespace")
            if any(unicodedata.category(ch) == "Cc" for ch in row.prompt):
                problems.append(f"{where}: control character in prompt")
            lang_problem = language_problem(row)
            if lang_problem:
                problems.append(f"{where}: {lang_problem}")
            shape_problem = style_problem(row)
            if shape_problem:
                problems.append(f"{where}: {shape_problem}")
            if row.label == "block" and row.category in ("sexual", "likeness"):
                cue = minor_cue(row.prompt)
                if cue:
                    problems.append(f"{where}: block {row.category} row carries a minor cue {cue!r}")
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
    print(f"languages the brief asked for, among block rows: {len(new_used)} ({', '.join(new_used)})")
    if len(new_used) < NEW_LANGUAGES_MIN:
        problems.append(f"{len(new_used)} of the asked-for languages among block rows, want >= {NEW_LANGUAGES_MIN}")
    print(f"compared against {len(others)} folded fields from {n_files} files of existing sets")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
