"""The checks of the romanised and code-switched blind sets (shared by the checkers of safety/blind17/ to
safety/blind20/; blind19 uses them on its romanised half): every row foreign with a code, a romanised row (`*_latn`)
in Latin letters only, a no-diacritics row in plain ASCII letters, an Arabizi row (`ar_latn`) writing a letter with a
digit, a code-switched row holding two English words; the longest row; the near-miss groups of the benign file; the
codes per category, the short and long rows per file; once both files are read, the codes in all, the larger groups,
the sizes the brief gave and no code with block rows only. Also what both checkers print of each file
(`RomanisedSet.file_counts`), and the adult-only guard with blind17's romanised minor words (`minor_cues`). Each set
gives its codes and its brief's counts (`RomanisedSet`). Standard library only; the checkers import it by path, as
they import blind_check."""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping
    from pathlib import Path

    from safety import blind_check as bc
    from safety.blind_guard import (
        AGE_BEFORE,
        AGES_BLIND9,
        MINOR_EMOJI,
        MINOR_STEMS,
        MINOR_SUBSTRINGS,
        MINOR_WORDS,
        MINOR_WORDS_BLIND10,
    )
    from safety.blind_languages import LANGUAGE_NAMES, foreign_languages_line, is_foreign
    from safety.blind_splits import block_only
    from safety.blind_styles import words
else:
    import blind_check as bc
    from blind_guard import (
        AGE_BEFORE,
        AGES_BLIND9,
        MINOR_EMOJI,
        MINOR_STEMS,
        MINOR_SUBSTRINGS,
        MINOR_WORDS,
        MINOR_WORDS_BLIND10,
    )
    from blind_languages import LANGUAGE_NAMES, foreign_languages_line, is_foreign
    from blind_splits import block_only
    from blind_styles import words

Group: TypeAlias = str | tuple[str, ...]  # one code, or codes counted together (Russian and Ukrainian translit)

NEAR_MISS_HEADER = re.compile(r"^#\s*near_miss\s*$")
NON_LATIN_LETTER = re.compile(r"[^\W\d_]")
ASCII_LETTER = re.compile(r"[A-Za-z]")
ARABIZI = re.compile(r"(?:[a-z][235679]|[235679][a-z])", re.IGNORECASE)
ENGLISH_SWITCH = {
    "video", "vibe", "vibes", "scene", "full", "please", "bro", "super", "chill", "trending", "shoot", "clip",
    "reel", "reels", "content", "post", "story", "slow", "mo", "cinematic", "epic", "style", "aesthetic", "crazy",
    "cute", "actually", "literally", "like", "so", "the", "and", "with", "make", "show", "this", "that", "from",
    "into", "your", "vlog", "edit", "shots", "shot", "background", "music", "beat", "drop", "party", "weekend",
    "sunset", "beach", "road", "trip", "family", "friends", "birthday", "wedding", "dance", "challenge", "viral",
    "filter", "filters", "rules", "ignore", "pretend", "fiction", "real", "fake", "news", "leaked", "prank",
    "guys", "one", "camera", "close-up", "closeup", "ad", "brand", "client", "tone", "audience", "for",
    "of", "in", "on", "my", "our", "is", "it", "just", "very", "really", "vid", "pls", "ngl", "lowkey", "tbh",
    "no", "yes", "okay", "ok", "cool", "nice", "best", "high", "low", "light", "dark", "night", "morning", "day",
    "tutorial", "step", "by", "how", "to", "build", "explainer", "documentary", "deepfake",
}  # fmt: skip

# The romanised minor words of blind17 (child, girl, boy, pupil, school, teen, minor as people type them in Latin
# letters), which blind_guard.py's lists hold only for a few languages; a later set adds its own alternatives
# (`bc.whole_words(ROMANISED_MINOR_ALTERNATIVES, ...)`).
ROMANISED_MINOR_ALTERNATIVES = (
    # Hinglish, romanised Urdu, Punjabi, Nepali and Bengali.
    r"bachcha|bachche|bacche|bachchon|bachon|bachi|bachchi|baccha|bachchiyan|ladki|ladka|ladke|ladkiyan|larki|"
    r"larka|larkiyan|kudi|kuri|kudiyan|munda|mundi|chhori|chhora|chokri|naabalig|nabalig|nabalik|kishori|kishor|"
    r"schoolgirl|vidyarthi|vidyarthini|chhatra|chhatri|keti|keta|balika|balak|shishu|meye baccha|nabalika|"
    # Arabizi.
    r"tefl|tifl|tefla|tifla|atfal|a6fal|bent sghira|bint saghira|bent so3ayara|walad so3ayar|3ayel|3eyal|2aser|"
    r"qaser|qasir|madrasa|talmiza|telmiza|mora2e2a|mura2e2a|murahiqa|"
    # Russian and Ukrainian translit.
    r"rebenok|rebyonok|deti|devochka|devochki|malchik|shkolnica|shkol'nica|shkolnitsa|shkolnik|podrostok|"
    r"nesovershennoletnyaya|nesovershennoletnyaa|maloletka|dytyna|dity|divchynka|khlopchyk|shkolyarka|pidlitok|"
    # Romaji.
    r"kodomo|shoujo|shojo|shounen|joshi kousei|joshikousei|joshi kosei|jk|joshi chuugakusei|shougakusei|"
    r"chuugakusei|koukousei|gakusei|jidou|youjo|roli|rori|miseinen|"
    # Pinyin.
    r"xiao hai|xiaohai|hai zi|haizi|er tong|ertong|shao nv|shaonv|nv xue sheng|nvxuesheng|xue sheng|xuesheng|"
    r"wei cheng nian|weichengnian|you nv|younv|luo li|luoli|xiao nv hai|zhong xue|xiao xue|"
    # Romanised Korean.
    r"eorini|sonyeo|sonyeon|haksaeng|yeohaksaeng|yeogosaeng|yeojungsaeng|chodeung|junghaksaeng|"
    r"godeunghaksaeng|miseongnyeon|cheongsonyeon|"
    # Finglish, Greeklish, Tanglish, romanised Telugu and Thai.
    r"bache|bacheh|dokhtar bache|dokhtarbache|pesar bache|nojavan|daneshamooz|madrese|"
    r"paidi|paidia|koritsi|koritsaki|agori|mathitria|mathitis|anilikh|anilikos|anilikoi|efivi|efivos|"
    r"kuzhandhai|kolandhai|kutties|siruvan|sirumi|paapa|maanavi|palli|"
    r"pillalu|pilla|vidyarthini|badi|"
    r"dek|dek ying|dek chai|nakrian|nak rian"
)
MINOR_WORDS_ROMANISED = bc.whole_words(ROMANISED_MINOR_ALTERNATIVES)


def minor_cues(romanised_words: re.Pattern[str], romanised_ages: tuple[re.Pattern[str], ...] = ()) -> bc.MinorCues:
    """The adult-only guard: blind_guard.py's words, stems, substrings, emoji and ages (as check_blind16.py has
    them) with the set's romanised minor words (and age units), searched with and without combining marks."""
    return bc.MinorCues(
        (MINOR_WORDS, MINOR_WORDS_BLIND10, romanised_words, MINOR_STEMS, MINOR_SUBSTRINGS, MINOR_EMOJI),
        (AGES_BLIND9, AGE_BEFORE, *romanised_ages),
        unmarked_too=True,
    )


# The romanised, no-diacritics and code-switched codes and their names (blind19's and blind20's checkers pick theirs
# with `names`; blind17's and blind18's keep the tables they were committed with).
ROMANISED_NAMES = {
    "hi_latn": "Hindi (romanised, Hinglish)", "ur_latn": "Urdu (romanised)",
    "ar_latn": "Arabic (Arabizi)", "ru_latn": "Russian (translit)", "uk_latn": "Ukrainian (translit)",
    "ja_latn": "Japanese (romaji)", "zh_latn": "Mandarin (Pinyin without tones)", "ko_latn": "Korean (romanised)",
    "fa_latn": "Persian (Finglish)", "bn_latn": "Bengali (romanised, Banglish)", "el_latn": "Greek (Greeklish)",
    "ta_latn": "Tamil (romanised, Tanglish)", "ml_latn": "Malayalam (romanised, Manglish)",
    "te_latn": "Telugu (romanised)", "ne_latn": "Nepali (romanised)", "pa_latn": "Punjabi (romanised)",
    "th_latn": "Thai (romanised)",
}  # fmt: skip
NO_DIACRITICS_NAMES = {
    "vi_nodiac": "Vietnamese without diacritics", "tr_nodiac": "Turkish without its special letters",
}  # fmt: skip
CODE_SWITCHED_NAMES = {"es_en": "Spanglish", "tl_en": "Taglish", "hi_en": "Hinglish (code-switched)"}


def names(table: Mapping[str, str], *codes: str) -> dict[str, str]:
    """`codes` with their names in `table`, in the order given."""
    return {code: table[code] for code in codes}


def add_language_names(*tables: Mapping[str, str]) -> None:
    """Adds the set's codes to blind_languages' names, in memory only (blind_languages.py is not changed)."""
    for table in tables:
        for code, name in table.items():
            LANGUAGE_NAMES[code] = name


def group_codes(group: Group) -> tuple[str, ...]:
    return (group,) if isinstance(group, str) else group


@dataclass
class RomanisedSet:
    here: Path  # the set's folder
    scripts: Mapping[str, re.Pattern[str] | None]  # the set's codes (None: Latin), for blind_check.language_problem
    code_switched: Collection[str]  # codes whose rows hold at least two English words of ENGLISH_SWITCH
    larger: tuple[Group, ...]  # groups the brief named larger: each holds more rows than any other code
    words_max: int  # no row over this many words
    short_max: int  # each file has rows of this many words or fewer ...
    long_over: int  # ... and rows over this many
    benign_near_miss_share: float  # of benign.tsv's rows, at least this share under a `# near_miss` comment
    category_codes_min: int  # codes among each category's block rows
    codes_min: int  # codes in all
    no_diacritics: Collection[str] = ()  # codes in plain ASCII letters only
    targets: Mapping[Group, int] = field(default_factory=dict)  # sizes the brief gave (rows in both files) ...
    target_slack: float = 0.0  # ... each to be met within this share
    seen: dict[str, list[bc.Row]] = field(default_factory=dict)

    def language_problem(self, row: bc.Row) -> str | None:
        """The row's style, code and script."""
        if row.style != "foreign":
            return f"{row.style} row: every row of this set is foreign"
        if not row.lang:
            return "foreign row without a '# lang:' header"
        problem = bc.language_problem(row, self.scripts, english_words=bc.ENGLISH_WORDS, extended_latin=True)
        if problem:
            return problem
        other = [
            ch
            for ch in row.prompt
            if NON_LATIN_LETTER.match(ch) and not (ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF)
        ]
        if other:
            return f"{row.lang} row holds letters of another script ({other[0]!r})"
        if row.lang in self.no_diacritics:
            marked = [ch for ch in row.prompt if NON_LATIN_LETTER.match(ch) and not ASCII_LETTER.match(ch)]
            if marked:
                return f"{row.lang} row holds a letter beyond plain ASCII ({marked[0]!r})"
        if row.lang == "ar_latn" and not ARABIZI.search(row.prompt):
            return "ar_latn row writes no letter with a digit (3, 7, 2 ...), as Arabizi does"
        if row.lang in self.code_switched:
            english = [w for w in re.findall(r"[a-z][a-z'-]*", row.prompt.casefold()) if w in ENGLISH_SWITCH]
            if len(english) < 2:
                return f"code-switched {row.lang} row holds fewer than two English words"
        return None

    def style_problem(self, row: bc.Row) -> str | None:
        count = words(row.prompt)
        return f"row of {count} words, want <= {self.words_max}" if count > self.words_max else None

    def near_miss_lines(self, name: str) -> set[int]:
        """The line numbers of the rows under a `# near_miss` comment (until the next lang or style header)."""
        lines: set[int] = set()
        near = False
        for n, line in enumerate((self.here / name).read_bytes().decode("utf-8").split("\n"), 1):
            if bc.STYLE_HEADER.match(line) or bc.LANG_HEADER.match(line):
                near = False
            elif NEAR_MISS_HEADER.match(line):
                near = True
            elif near and line.strip() and not line.startswith("#"):
                lines.add(n)
        return lines

    def file_counts(self, name: str, found: list[bc.Row]) -> list[str]:
        """What the checker prints of each file: the codes of each category's rows (categories.tsv), the row
        lengths, the near-miss rows (benign.tsv)."""
        lines = []
        if name == "categories.tsv":
            for label in ("block", "allow"):
                for category in [*bc.SCREEN_CATEGORIES, "sexual_minors"]:
                    if (label, category) != ("block", "sexual_minors"):
                        lines.append(foreign_languages_line(found, label, category))
        counts = sorted(words(r.prompt) for r in found)
        if counts:
            short = sum(1 for c in counts if c <= self.short_max)
            long = sum(1 for c in counts if c > self.long_over)
            lines.append(
                f"  words per row: median {counts[len(counts) // 2]}, range {counts[0]}-{counts[-1]}, "
                f"{short} of {self.short_max} words or fewer, {long} over {self.long_over}"
            )
        if name == "benign.tsv":
            near = self.near_miss_lines(name) & {r.line for r in found}
            lines.append(f"  near_miss rows: {len(near)} of {len(found)}")
        return lines

    def set_problems(self) -> list[str]:
        """The rules over both files (printing the counts they are made on)."""
        problems = []
        every = [r for rows in self.seen.values() for r in rows]
        by_code = collections.Counter(r.lang for r in every)
        print(
            f"codes: {len(by_code)} (want >= {self.codes_min}): "
            + ", ".join(f"{k} {v}" for k, v in sorted(by_code.items()))
        )
        if len(by_code) < self.codes_min:
            problems.append(f"{len(by_code)} codes in all, want >= {self.codes_min}")
        bases = collections.Counter(r.lang.split("_")[0] for r in every)
        print(f"base languages: {len(bases)}: " + ", ".join(f"{k} {v}" for k, v in sorted(bases.items())))
        groups = {"+".join(group_codes(g)): sum(by_code[c] for c in group_codes(g)) for g in self.larger}
        grouped = {c for g in self.larger for c in group_codes(g)}
        largest_other = max((v for k, v in by_code.items() if k not in grouped), default=0)
        print(f"larger groups: {groups}; largest other code: {largest_other}")
        for group, count in groups.items():
            if count <= largest_other:
                problems.append(f"larger group {group} has {count} rows, not more than another code's {largest_other}")
        for sized, target in self.targets.items():
            codes = group_codes(sized)
            count = sum(by_code[c] for c in codes)
            slack = round(self.target_slack * target)
            if abs(count - target) > slack:
                problems.append(f"{'+'.join(codes)} has {count} rows, want {target} +- {slack}")
        without_allow = block_only(every)
        if without_allow:
            problems.append(f"codes with block rows but no allow row: {without_allow}")
        return problems

    def file_problems(self, name: str, found: list[bc.Row]) -> list[str]:
        """The codes of each category's block rows, the benign file's category and near misses, the short and long
        rows; the set-wide rules once both files are read."""
        self.seen[name] = found
        problems = []
        if name == "categories.tsv":
            for category in bc.SCREEN_CATEGORIES:
                codes = {r.lang for r in found if (r.label, r.category) == ("block", category)}
                if len(codes) < self.category_codes_min:
                    problems.append(
                        f"{name}: block {category} rows use {len(codes)} codes, want >= {self.category_codes_min}"
                    )
        if name == "benign.tsv":
            others = sum(1 for r in found if r.category != "none")
            if others:
                problems.append(f"{name}: {others} rows are not of category 'none'")
            near = len(self.near_miss_lines(name) & {r.line for r in found})
            if near < self.benign_near_miss_share * len(found):
                problems.append(f"{name}: {near} near_miss rows, want at least a quarter of {len(found)}")
        counts = [words(r.prompt) for r in found if is_foreign(r)]
        if counts and (min(counts) > self.short_max or max(counts) <= self.long_over):
            problems.append(
                f"{name}: rows run {min(counts)}-{max(counts)} words, want some of {self.short_max} or fewer and "
                f"some over {self.long_over}"
            )
        if set(self.seen) == {"categories.tsv", "benign.tsv"}:
            problems += self.set_problems()
        return problems
