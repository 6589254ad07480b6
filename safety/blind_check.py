"""Shared machinery of the blind-set checkers, `safety/blind*/check_blind*.py` (standard library only).

A checker declares its set's rules as a `BlindSet` and calls `run`. `run` reads each file's rows (with their
`# style:` and `# lang:` headers where the set uses them) and checks each row. It looks for duplicates (case,
Unicode compatibility forms and whitespace folded) within a file, across the set's files and against the other
sets, printing nothing of the other sets. It prints the counts per label, category, style and language, then
the problems, and returns 1 if there is any problem.
"""

from __future__ import annotations

import collections
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

LABELS = {"block", "allow"}
CATEGORIES = {"sexual_minors", "sexual", "violence", "self_harm", "weapons", "hate", "likeness", "none"}
SCREEN_CATEGORIES = ["sexual", "violence", "self_harm", "weapons", "hate", "likeness"]
STYLE_HEADER = re.compile(r"^#\s*style:\s*(\w+)")
LANG_HEADER = re.compile(r"^#\s*lang:\s*(\w+)")
NEAR_MISS_MIN = 0.20
SCRIPT_SHARE_MIN = 0.60
# English function words: a Latin-script foreign row may hold one (a title, a brand, a loan word), not two.
ENGLISH_WORDS = {"the", "and", "with", "please", "make", "show", "this", "that", "from", "into", "your", "video"}
# A plain or near_miss row is one sentence: no sentence break inside it.
SENTENCE_BREAK = re.compile(r"[.!;]\s+[A-Z]")

LATIN = None
# Language codes of the fourth set (the fifth set adds its own). A code written in its own script maps to a
# pattern for that script's letters; a Latin-script code maps to None.
SCRIPTS_BLIND4: dict[str, re.Pattern[str] | None] = {
    "es": LATIN, "fr": LATIN, "de": LATIN, "pt": LATIN, "it": LATIN, "pl": LATIN, "tr": LATIN, "id": LATIN,
    "vi": LATIN, "nl": LATIN, "sv": LATIN, "sw": LATIN, "cs": LATIN, "ro": LATIN, "fi": LATIN, "hu": LATIN,
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

# Script patterns that several sets' SCRIPTS tables share (blind6-8).
DEVANAGARI = re.compile(r"[\u0900-\u097f]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ARABIC_EXTENDED = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")  # blind7-8
SCRIPTS_PA_TO_LO: dict[str, re.Pattern[str] | None] = {  # blind6, blind8
    "pa": re.compile(r"[\u0a00-\u0a7f]"),
    "gu": re.compile(r"[\u0a80-\u0aff]"),
    "te": re.compile(r"[\u0c00-\u0c7f]"),
    "si": re.compile(r"[\u0d80-\u0dff]"),
    "th": re.compile(r"[\u0e00-\u0e7f]"),
    "lo": re.compile(r"[\u0e80-\u0eff]"),
}

# Minor cues that several sets' lists share, as regex alternatives. A set's checker joins the ones it uses, in
# its own order, with `whole_words`, `substrings` or `ages`.
CUES_ENGLISH = (  # blind2-7
    r"child|children|kid|kids|kiddo|teen|teens|teenage|teenager|tween|preteen|minor|minors|underage|"
    r"school|schoolgirl|schoolboy|pupil|grader|girl|girls|boy|boys|little|young|youth|baby|toddler|loli|shota"
)
# blind4-7
CUES_KIN = r"student|students|daughter|son|niece|nephew|stepdaughter|stepson|adolescent|adolescente"
CUES_EUROPEAN = (  # blind3-7
    r"niña|niño|niñas|niños|colegiala|enfant|enfants|fillette|ado|ados|écolière|mädchen|junge|schüler|schülerin"
)
# Words of the languages the fourth set added (blind4, blind5).
CUES_BLIND4 = (
    r"minderjährig|minderjährige|criança|menina|menino|bambina|bambino|ragazzina|ragazzino|dziecko|dziewczynka|"
    r"chłopiec|çocuk|kız|anak|bocil|remaja|siswi|trẻ em|bé gái|bé trai|học sinh|bachchi|bachcha|ladki|ladka|"
    r"kind|kinderen|meisje|jongen|tiener|scholier|barn|flicka|pojke|tonåring|mtoto|watoto|msichana|mvulana|"
    r"ребёнок|ребенок|девочка|мальчик|школьница|школьник|подросток|дитина|дівчинка|хлопчик|школярка|підліток|"
    r"παιδί|παιδιά|κορίτσι|αγόρι|μαθήτρια|μαθητής|έφηβη|έφηβος|طفل|طفلة|قاصر|دختربچه"
)
# Greek, Slovak, Croatian, Lithuanian, Latvian and Azerbaijani words, as the sixth set listed them (blind6-8).
CUES_BLIND6_EL_AZ = (
    r"παιδί|παιδιά|κορίτσι|κοριτσάκι|αγόρι|μαθήτρια|μαθητής|έφηβη|έφηβος|ανήλικη|ανήλικος|"
    r"dieťa|deti|dievča|dievčatko|chlapec|žiačka|žiak|maloletá|neplnoletá|tínedžerka|"
    r"dijete|djeca|djevojčica|dječak|učenica|učenik|maloljetna|maloljetnica|maloljetnik|tinejdžerka|"
    r"vaikas|vaikai|mergaitė|berniukas|moksleivė|mokinė|nepilnametė|nepilnametis|paauglė|paauglys|"
    r"bērns|bērni|meitene|meitenīte|puika|puisēns|skolniece|skolnieks|nepilngadīga|pusaudze|pusaudzis|"
    r"uşaq|uşaqlar|qız|qızcıq|oğlan|məktəbli|azyaşlı|yeniyetmə"
)
# Words of the earlier sets' languages and the sixth set's, as the sixth set listed them (blind6, blind7).
CUES_BLIND6 = (
    r"minderjährig|minderjährige|criança|crianças|menina|menino|meninas|adolescentes|novinha|colegial|"
    r"bambina|bambino|ragazzina|ragazzino|dziecko|dziewczynka|chłopiec|çocuk|kız|anak|bocil|remaja|siswi|siswa|"
    r"pelajar|murid|trẻ em|bé gái|bé trai|học sinh|bachchi|bachcha|ladki|ladka|"
    r"kind|kinderen|meisje|meisjes|jongen|jongens|tiener|tieners|scholier|scholiere|minderjarig|minderjarige|"
    r"barn|barnet|flicka|flickor|pojke|pojkar|tonåring|tonåringar|minderårig|skolflicka|"
    r"børn|barnet|pige|piger|dreng|drenge|teenager|mindreårig|skolepige|"
    r"mtoto|watoto|msichana|wasichana|mvulana|mwanafunzi|"
    r"ребёнок|ребенок|дети|девочка|мальчик|школьница|школьник|подросток|несовершеннолетняя|малолетка|"
    r"дете|деца|момиче|момичета|момче|ученичка|ученик|непълнолетна|непълнолетен|тийнейджърка|"
    + CUES_BLIND6_EL_AZ
    + r"|bola|bolalar|qizcha|o'g'il|maktab|o'quvchi|voyaga|o'smir|"
    r"omode|omobinrin|omokunrin|akeko|yaro|yarinya|yara|dalibai|ingane|izingane|intombazane|umfana|"
    r"umntwana|isikole|ilmo|caruur|wiil|gabadh|arday"
)
CUES_CJK = (  # blind2-5
    r"儿童|孩子|少女|少年|小学|中学|学生|子供|子ども|児童|女子高生|ロリ"
)
CUES_KOREAN = (  # blind3-5
    r"아이|어린이|소녀|소년|학생|미성년"
)
# Substrings (scripts where \b is unreliable), as the sixth set listed them (blind6, blind7).
CUES_BLIND6_SCRIPTS = (
    r"儿童|孩子|少女|少年|小学|中学|学生|未成年|萝莉|子供|子ども|児童|女子高生|女子中学|ロリ|"
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
    r"երեխա|աղջնակ|աղջիկ|տղա|աշակերտ|անչափահաս|դեռահաս"
)
# Age units after the number: English (blind2-7), and those the sixth and seventh sets share.
AGES_ENGLISH = r"years?\s*-?\s*old|year-old|yrs?\b|y/o|y\.o\.|yo\b"
AGES_BLIND6 = (
    r"años|ans|jahre|jährig|anos|anni|lat|yaş|tahun|tuổi|saal|jaar|år|ετών|χρονών|лет|години|годишн|"
    r"rokov|ročn|godina|godišnj|metų|metu|mečio|gadus|gadi|gadu|gadīg|yoshli|yoshda|yosh|"
    r"岁|歲|歳|ปี|ປີ|วัย|წლის|տարեկան|jir"
)
AGES_BLIND7 = (  # blind7's languages (blind8 uses them too)
    r"let|letá|letý|(?:de\s+)?ani\b|éves|vuotia|aastane|aastas|ára|vjeç|vjec|година|годин|anys|urte|oed|"
    r"bliain|bliana|mbliana|taona|anyos|taong|жас|настай|років|рок|роки|살|세|வயது|বছর|سال|ساله|کلن|کال|"
    r"ዓመት|ዓመቷ|ዓመቱ|ዓመታ|വയസ്|ವರ್ಷ|ବର୍ଷ|watayuq|wata"
)


def whole_words(*alternatives: str) -> re.Pattern[str]:
    """The alternatives matched as whole words."""
    return re.compile(r"\b(" + "|".join(alternatives) + r")\b")


def substrings(*alternatives: str) -> re.Pattern[str]:
    """The alternatives matched anywhere."""
    return re.compile("(" + "|".join(alternatives) + ")")


def ages(*units: str) -> re.Pattern[str]:
    """A number (group 1) followed by one of the age units."""
    return re.compile(r"\b(\d{1,2})\s*(?:-\s*)?(?:" + "|".join(units) + ")")


class Row(NamedTuple):
    line: int
    label: str
    category: str
    prompt: str
    style: str
    lang: str


def fold(text: str, nfkc: bool = True) -> str:
    """Case folded, white space collapsed, and (unless nfkc is False) Unicode compatibility forms folded."""
    return " ".join((unicodedata.normalize("NFKC", text) if nfkc else text).casefold().split())


def strip_marks(text: str) -> str:
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")
    )


def in_range(count: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= count <= bounds[1]


def share_line(part: int, total: int, digits: int) -> str:
    return f"{part} ({part / total:.{digits}%})" if total else str(part)


def has_latin(text: str, extended: bool = False) -> bool:
    """Whether the text holds a Latin letter (below U+0250, or also in Latin Extended Additional)."""
    return any(ch.isalpha() and (ord(ch) < 0x250 or (extended and 0x1E00 <= ord(ch) <= 0x1EFF)) for ch in text)


def read_rows(
    path: Path,
    styles: Collection[str] | None = None,
    languages: Collection[str] | None = None,
    universal_newlines: bool = False,
) -> tuple[list[Row], list[str]]:
    """The rows of a file with their style and language tags, and the problems found while reading.

    Without `styles`, header lines are plain comments and a line that is not three tab-separated fields comes
    back as a row labelled `?`; without `languages`, `# lang:` lines are plain comments."""
    if universal_newlines:
        lines = path.read_text(encoding="utf-8").splitlines()
    else:
        lines = path.read_bytes().decode("utf-8").split("\n")
    out: list[Row] = []
    problems: list[str] = []
    style = lang = ""
    for n, line in enumerate(lines, 1):
        if styles is not None:
            header = STYLE_HEADER.match(line)
            if header:
                style, lang = header.group(1), ""
                if style not in styles:
                    problems.append(f"{path.name}:{n}: unknown style {style!r}")
                continue
        if languages is not None:
            header = LANG_HEADER.match(line)
            if header:
                lang = header.group(1)
                if lang not in languages:
                    problems.append(f"{path.name}:{n}: unknown language {lang!r}")
                continue
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            if styles is None:
                out.append(Row(n, "?", "?", line, "", ""))
            else:
                problems.append(f"{path.name}:{n}: not three tab-separated fields")
            continue
        if styles is not None and not style:
            problems.append(f"{path.name}:{n}: row before any '# style:' header")
        out.append(Row(n, parts[0], parts[1], parts[2], style, lang))
    return out, problems


@dataclass(frozen=True)
class MinorCues:
    """The adult-only guard's patterns: words (searched in order) and ages (group 1 is the age, under 18 a cue)."""

    words: tuple[re.Pattern[str], ...]
    ages: tuple[re.Pattern[str], ...]
    unmarked_too: bool = False  # also search the text with its combining marks removed

    def find(self, prompt: str) -> str | None:
        """The first minor cue in the case-folded prompt, or None."""
        text = unicodedata.normalize("NFKC", prompt).casefold()
        for candidate in (text, strip_marks(text)) if self.unmarked_too else (text,):
            for pattern in self.words:
                found = pattern.search(candidate)
                if found:
                    return found.group(0)
            for age in self.ages:
                for found in age.finditer(candidate):
                    if int(found.group(1)) < 18:
                        return found.group(0)
        return None


def language_problem(
    row: Row,
    scripts: Mapping[str, re.Pattern[str] | None],
    script_share: float | None = None,
    own_letters: Mapping[str, re.Pattern[str]] | None = None,
    english_words: Collection[str] = (),
    extended_latin: bool = False,
) -> str | None:
    """What is wrong with a row's language tag or its script. Without `script_share` a row in its own script
    needs one letter of it, with it that share of its letters; `own_letters` are letters a language must use;
    a Latin-script row may hold at most one of `english_words`."""
    if row.style != "foreign":
        return f"language tag {row.lang!r} on a {row.style} row" if row.lang else None
    if not row.lang:
        return "foreign row without a '# lang:' header"
    own = (own_letters or {}).get(row.lang)
    if own is not None and not own.search(row.prompt):
        return f"{row.lang} row holds none of that language's own letters"
    script = scripts.get(row.lang)
    if script is not None:
        if script_share is None:
            return None if script.search(row.prompt) else f"{row.lang} row not written in its script"
        letters = [ch for ch in row.prompt if ch.isalpha() or unicodedata.category(ch) in ("Mn", "Mc")]
        share = sum(1 for ch in letters if script.match(ch)) / len(letters) if letters else 0.0
        if share < script_share:
            return f"{row.lang} row is {share:.0%} in its script, want >= {script_share:.0%}"
        return None
    if not has_latin(row.prompt, extended_latin):
        return f"{row.lang} row holds no Latin letters"
    english = [w for w in re.findall(r"[a-z]+", row.prompt.casefold()) if w in english_words]
    if len(english) > 1:
        return f"{row.lang} row holds English words {english}"
    return None


def one_sentence_problem(row: Row, other_shape: Callable[[str], bool]) -> str | None:
    """A plain or near_miss row that is more than one sentence, or that `other_shape` finds shaped like another
    style."""
    if row.style not in ("plain", "near_miss"):
        return None
    if SENTENCE_BREAK.search(row.prompt.rstrip(".!")):
        return f"{row.style} row is more than one sentence"
    if other_shape(row.prompt):
        return f"{row.style} row is shaped like another style"
    return None


@dataclass(frozen=True)
class FileRules:
    """Counts and spreads for `categories.tsv` and the benign file; the defaults are the common ones."""

    block: tuple[int, int] = (35, 45)  # block rows per screen category
    allow: tuple[int, int] = (20, 30)  # allow rows per screen category
    minors_allow: tuple[int, int] | None = (20, 30)  # allow/sexual_minors rows; None: the category is not there
    benign_file: str = "benign.tsv"
    benign: tuple[int, int] = (230, 270)  # its rows, all allow
    foreign_block_min: int | None = None  # foreign block rows per screen category
    # Languages of those rows: "distinct": at least foreign_block_min of them; "unique": no two rows alike.
    foreign_block_languages: Literal["distinct", "unique"] | None = None
    # Every style but near_miss among the block rows: of each screen category, of the file.
    block_styles_per_category: bool = False
    block_styles_in_file: bool = False
    # Every style but near_miss among the allow rows: of the file, or of each category (sexual_minors too).
    allow_styles: Literal["file", "category"] | None = None
    near_miss_benign_only: bool = False  # no near_miss row in categories.tsv
    benign_near_miss_fifth: bool = False  # at least a fifth of the benign rows near_miss
    benign_every_style: bool = False


def file_rules(name: str, found: list[Row], rules: FileRules, styles: Collection[str]) -> list[str]:
    """The problems with a file's counts and spread of categories and styles."""
    problems = []
    counts = collections.Counter((r.label, r.category) for r in found)
    others = set(styles) - {"near_miss"}
    if name == "categories.tsv":
        belong = [*SCREEN_CATEGORIES, "sexual_minors"] if rules.minors_allow else SCREEN_CATEGORIES
        for _label, category in counts:
            if category not in belong:
                problems.append(f"{name}: category {category!r} does not belong in this file")
        for category in SCREEN_CATEGORIES:
            block, allow = counts[("block", category)], counts[("allow", category)]
            if not in_range(block, rules.block):
                problems.append(f"{name}: {block} block {category} rows, want {rules.block}")
            if not in_range(allow, rules.allow):
                problems.append(f"{name}: {allow} allow {category} rows, want {rules.allow}")
            if rules.foreign_block_min is not None:
                minimum = rules.foreign_block_min
                foreign = [r for r in found if (r.label, r.category, r.style) == ("block", category, "foreign")]
                if len(foreign) < minimum:
                    problems.append(f"{name}: {len(foreign)} foreign block {category} rows, want >= {minimum}")
                languages = len({r.lang for r in foreign})
                if rules.foreign_block_languages == "distinct" and languages < minimum:
                    problems.append(f"{name}: foreign block {category} rows use fewer than {minimum} languages")
                if rules.foreign_block_languages == "unique" and languages < len(foreign):
                    problems.append(f"{name}: two foreign block {category} rows share a language")
            if rules.block_styles_per_category:
                present = {r.style for r in found if (r.label, r.category) == ("block", category)}
                problems.extend(f"{name}: no block {category} row in style {s!r}" for s in sorted(others - present))
        if rules.allow_styles == "category":
            for category in [*SCREEN_CATEGORIES, "sexual_minors"]:
                present = {r.style for r in found if (r.label, r.category) == ("allow", category)}
                problems.extend(f"{name}: no allow {category} row in style {s!r}" for s in sorted(others - present))
        if rules.minors_allow:
            minors = counts[("allow", "sexual_minors")]
            if not in_range(minors, rules.minors_allow):
                problems.append(f"{name}: {minors} allow sexual_minors rows, want {rules.minors_allow}")
        if rules.block_styles_in_file:
            present = {r.style for r in found if r.label == "block"}
            problems.extend(f"{name}: no block row in style {s!r}" for s in sorted(others - present))
        if rules.allow_styles == "file":
            present = {r.style for r in found if r.label == "allow"}
            problems.extend(f"{name}: no allow row in style {s!r}" for s in sorted(others - present))
        if rules.near_miss_benign_only and any(r.style == "near_miss" for r in found):
            problems.append(f"{name}: near_miss is a benign.tsv style")
    elif name == rules.benign_file:
        if any(r.label != "allow" for r in found):
            problems.append(f"{name}: every row must be allow")
        if not in_range(len(found), rules.benign):
            problems.append(f"{name}: {len(found)} rows, want {rules.benign}")
        near = sum(1 for r in found if r.style == "near_miss")
        if rules.benign_near_miss_fifth and near < NEAR_MISS_MIN * len(found):
            problems.append(f"{name}: {near} near_miss rows, want at least a fifth")
        if rules.benign_every_style:
            problems.extend(f"{name}: no row in style {s!r}" for s in sorted(set(styles) - {r.style for r in found}))
    if counts[("block", "sexual_minors")]:
        problems.append(f"{name}: block/sexual_minors rows are not written in this folder (see README.md)")
    return problems


class Earlier(NamedTuple):
    """What a set is compared with: the problem for a folded prompt found there (or None), the line that
    says how much was compared, and the problems met while reading it."""

    match: Callable[[str], str | None]
    summary: str
    problems: list[str]


def other_sets(
    here: Path,
    patterns: Sequence[str] = ("blind*/*.tsv", "training/**/*.tsv", "*_set.tsv"),
    first_missing_only: bool = False,
) -> Earlier:
    """The folded fields and whole lines of the files that match `patterns` under safety/ (by default every
    other blind set, the training rows and the evaluation sets; the set's own folder left out). Nothing from
    them is printed. With `first_missing_only`, a pattern that matches nothing stops the reading and only the
    first such pattern is reported."""
    keys: set[str] = set()
    problems = []
    paths: set[Path] = set()
    for pattern in patterns:
        matched = {path for path in here.parent.glob(pattern) if path.resolve().parent != here}
        if not matched:
            problems.append(f"no files match safety/{pattern}")
        paths |= matched
    if first_missing_only and problems:
        problems = problems[:1]
    else:
        for path in sorted(paths):
            for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
                if not line.strip() or line.startswith("#"):
                    continue
                keys.add(fold(line))
                keys.update(fold(part) for part in line.split("\t") if part.strip())
    return Earlier(
        lambda key: "duplicates a row of an existing set" if key in keys else None,
        f"compared against {len(keys)} folded fields from {len(paths)} files of existing sets",
        problems,
    )


@dataclass(frozen=True)
class NewLanguages:
    """Languages a set's brief asked for, of which the block rows must use `minimum`."""

    codes: Collection[str]
    minimum: int
    asked: str = "singled out"  # the brief "asked for" them or "singled them out"
    listed_apart: bool = False  # print the count of all of them, and the ones used on a line of their own


@dataclass(frozen=True)
class BlindSet:
    """A blind set's rules, as its checker declares them."""

    here: Path  # the set's folder
    files: list[str] = field(default_factory=lambda: ["categories.tsv", "benign.tsv"])
    styles: Collection[str] | None = None  # None: no `# style:` headers
    scripts: Mapping[str, re.Pattern[str] | None] | None = None  # known `# lang:` codes; None: no such headers
    # Row checks, in this order after the format: stray white space, control characters, language, style
    # shape, the adult-only guard.
    doubled_whitespace: bool = False
    control_characters: bool = True
    language_problem: Callable[[Row], str | None] | None = None
    style_problem: Callable[[Row], str | None] | None = None
    minor_cues: MinorCues | None = None
    file_counts: Callable[[str, list[Row]], list[str]] | None = None  # more lines of a file's counts, the set's own
    # File checks after the counts are printed: the set's own, then the shared rules.
    file_problems: Callable[[str, list[Row]], list[str]] | None = None
    rules: FileRules | None = None
    compare: Callable[[], Earlier] | None = None  # what to compare the set with (other sets, never printed)
    style_share_digits: int | None = None  # print style counts as shares of the label with these decimals
    foreign_min: Mapping[str, float] | None = None  # share of foreign rows per label, over all files
    languages_min: int | None = None  # languages among the foreign rows of each label
    languages_total_min: int | None = None  # languages among all foreign rows
    new_languages: NewLanguages | None = None
    nfkc: bool = True  # fold Unicode compatibility forms (the first set does not)
    universal_newlines: bool = False  # read lines as text (the first set)


def row_problems(blind: BlindSet, row: Row) -> list[str]:
    """The problems with a well-formed row, without its place."""
    problems = []
    if blind.doubled_whitespace:
        if row.prompt != row.prompt.strip() or "  " in row.prompt:
            problems.append("leading/trailing or doubled whitespace")
    elif row.prompt != row.prompt.strip():
        problems.append("leading/trailing whitespace")
    if blind.control_characters and any(unicodedata.category(ch) == "Cc" for ch in row.prompt):
        problems.append("control character in prompt")
    for check in (blind.language_problem, blind.style_problem):
        problem = check(row) if check else None
        if problem:
            problems.append(problem)
    if blind.minor_cues and row.label == "block" and row.category in ("sexual", "likeness"):
        cue = blind.minor_cues.find(row.prompt)
        if cue:
            problems.append(f"block {row.category} row carries a minor cue {cue!r}")
    return problems


def print_counts(blind: BlindSet, name: str, good: list[Row]) -> None:
    """A file's rows per label and category, and per label and style where the set has styles."""
    counts = collections.Counter((r.label, r.category) for r in good)
    print(f"{name}: {len(good)} rows")
    for (label, category), c in sorted(counts.items()):
        print(f"  {label:5} {category:14} {c}")
    if blind.styles is None:
        return
    digits = blind.style_share_digits
    print("  by style:" if digits is None else "  by style (share of the file's rows with that label):")
    for label in sorted(LABELS):
        total = sum(1 for r in good if r.label == label)
        by_style = collections.Counter(r.style for r in good if r.label == label)
        for style, c in sorted(by_style.items()):
            print(f"  {label:5} {style:14} {c if digits is None else share_line(c, total, digits)}")


def language_summary(blind: BlindSet, all_rows: list[Row]) -> list[str]:
    """Prints the foreign share and languages of the set's rows; the problems with them."""
    problems = []
    for label, minimum in (blind.foreign_min or {}).items():
        labelled = [r for r in all_rows if r.label == label]
        foreign = [r for r in labelled if r.style == "foreign"]
        share = len(foreign) / len(labelled) if labelled else 0.0
        print(f"foreign share of {label} rows: {len(foreign)}/{len(labelled)} = {share:.1%} (want >= {minimum:.0%})")
        languages = collections.Counter(r.lang for r in foreign)
        if blind.languages_min is not None:
            print(f"  {len(languages)} languages: " + ", ".join(f"{k} {v}" for k, v in sorted(languages.items())))
        if share < minimum:
            problems.append(f"foreign share of {label} rows is {share:.1%}, want >= {minimum:.0%}")
        if blind.languages_min is not None and len(languages) < blind.languages_min:
            problems.append(f"{len(languages)} languages among foreign {label} rows, want >= {blind.languages_min}")
    if blind.languages_total_min is not None:
        all_languages = {r.lang for r in all_rows if r.style == "foreign"}
        print(f"languages in all: {len(all_languages)}")
        if len(all_languages) < blind.languages_total_min:
            problems.append(f"{len(all_languages)} languages in all, want >= {blind.languages_total_min}")
    new = blind.new_languages
    if new is not None:
        block_languages = {r.lang for r in all_rows if r.label == "block" and r.style == "foreign"}
        used = sorted(block_languages & set(new.codes))
        if new.listed_apart:
            print(f"languages the brief {new.asked}, among block rows: {len(used)} of {len(new.codes)}")
            print(f"  {', '.join(used)}")
        else:
            print(f"languages the brief {new.asked}, among block rows: {len(used)} ({', '.join(used)})")
        if len(used) < new.minimum:
            asked = new.asked.replace(" ", "-")
            problems.append(f"{len(used)} of the {asked} languages among block rows, want >= {new.minimum}")
    return problems


def run(blind: BlindSet) -> int:
    """Checks the set, prints its counts and problems; the exit status: 1 on any problem."""
    earlier = blind.compare() if blind.compare else None
    problems = list(earlier.problems) if earlier else []
    everywhere: dict[str, str] = {}
    all_rows: list[Row] = []
    for name in blind.files:
        found, read_problems = read_rows(blind.here / name, blind.styles, blind.scripts, blind.universal_newlines)
        problems.extend(read_problems)
        good: list[Row] = []
        seen: dict[str, int] = {}
        for row in found:
            where = f"{name}:{row.line}"
            if row.label not in LABELS or row.category not in CATEGORIES or not row.prompt.strip():
                problems.append(f"{where}: malformed row")
                continue
            problems.extend(f"{where}: {problem}" for problem in row_problems(blind, row))
            key = fold(row.prompt, blind.nfkc)
            if key in seen:
                problems.append(f"{where}: duplicate of line {seen[key]}")
            seen[key] = row.line
            if key in everywhere and everywhere[key] != name:
                problems.append(f"{where}: also in {everywhere[key]}")
            everywhere.setdefault(key, name)
            found_earlier = earlier.match(key) if earlier else None
            if found_earlier:
                problems.append(f"{where}: {found_earlier}")
            good.append(row)
        print_counts(blind, name, good)
        for line in blind.file_counts(name, good) if blind.file_counts else []:
            print(line)
        if blind.file_problems:
            problems.extend(blind.file_problems(name, good))
        if blind.rules:
            problems.extend(file_rules(name, good, blind.rules, blind.styles or ()))
        all_rows.extend(good)
    problems.extend(language_summary(blind, all_rows))
    if earlier:
        print(earlier.summary)
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0
