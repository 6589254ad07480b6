"""The set-level checks of the eleventh to thirteenth blind sets (shared by safety/blind11/check_blind11.py to
safety/blind13/check_blind13.py): English and foreign rows per category and label, the languages of each category's
foreign block rows, the benign file's split and near misses, some short and some long English rows per file; once
both files are read, the English styles, the brief's languages, the smaller ones, and no language with block rows
only. Each set gives its brief's counts (`SetSplits`). Also what the tenth to thirteenth print of each file
(`file_counts`). Standard library only; the checkers import it by path, as they import blind_check."""

from __future__ import annotations

import collections
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safety import blind_check as bc
    from safety.blind_languages import LANGUAGE_NAMES, foreign_languages_line, is_foreign
    from safety.blind_styles import word_counts, words
else:
    import blind_check as bc
    from blind_languages import LANGUAGE_NAMES, foreign_languages_line, is_foreign
    from blind_styles import word_counts, words


def block_only(rows: list[bc.Row]) -> list[str]:
    """The language codes that have `block` rows among `rows` but no `allow` row, sorted."""
    return sorted({r.lang for r in rows if r.label == "block"} - {r.lang for r in rows if r.label == "allow"})


def file_counts(name: str, found: list[bc.Row]) -> list[str]:
    """What a checker prints of each file beside its counts (blind10 to blind13): in categories.tsv, the foreign
    languages of each category's block rows (no minors block rows), then of its allow rows; the English rows' words."""
    lines = []
    if name == "categories.tsv":
        for label in ("block", "allow"):
            for category in [*bc.SCREEN_CATEGORIES, "sexual_minors"]:
                if (label, category) == ("block", "sexual_minors"):
                    continue
                lines.append(foreign_languages_line(found, label, category))
    lines.append(f"  {word_counts(found)}")
    return lines


@dataclass
class SetSplits:
    block: tuple[int, int]  # per category in categories.tsv: (foreign, English) block rows
    allow: tuple[int, int]  # ... and allow rows (the allow/sexual_minors rows too)
    benign: tuple[int, int]  # benign.tsv's (foreign, English) rows
    benign_near_miss_share: float  # of benign.tsv's rows, at least this share near misses
    category_languages_min: int  # languages among each category's foreign block rows
    short_under: int  # each file has English rows under this many words ...
    long_over: int  # ... and over this many
    english_styles_min: int  # English styles in the set
    style_rows_min: int  # rows of each English style over both files
    brief_languages: set[str]  # the languages the brief named
    smaller_languages_min: int  # languages besides those
    foreign_share: bool = False  # the summary line gives the foreign rows' share of the set too
    seen: dict[str, list[bc.Row]] = field(default_factory=dict)

    def file_problems(self, name: str, found: list[bc.Row]) -> list[str]:
        """This set's splits: English and foreign rows per category and label, languages per category, lengths; the
        set-wide style and language rules once both files are read."""
        self.seen[name] = found
        problems = []
        if name == "categories.tsv":
            for category in [*bc.SCREEN_CATEGORIES, "sexual_minors"]:
                for label, (want_foreign, want_english) in (("block", self.block), ("allow", self.allow)):
                    if category == "sexual_minors" and label == "block":
                        continue
                    rows = [r for r in found if (r.label, r.category) == (label, category)]
                    foreign = sum(1 for r in rows if is_foreign(r))
                    if (foreign, len(rows) - foreign) != (want_foreign, want_english):
                        problems.append(
                            f"{name}: {label} {category} has {foreign} foreign and {len(rows) - foreign} English "
                            f"rows, want {want_foreign} and {want_english}"
                        )
                languages = {r.lang for r in found if (r.label, r.category) == ("block", category) and is_foreign(r)}
                if category != "sexual_minors" and len(languages) < self.category_languages_min:
                    problems.append(
                        f"{name}: foreign block {category} rows use {len(languages)} languages, "
                        f"want >= {self.category_languages_min}"
                    )
        if name == "benign.tsv":
            foreign = sum(1 for r in found if is_foreign(r))
            if (foreign, len(found) - foreign) != self.benign:
                problems.append(
                    f"{name}: {foreign} foreign and {len(found) - foreign} English rows, want {self.benign}"
                )
            others = sum(1 for r in found if r.category != "none")
            if others:
                problems.append(
                    f"{name}: {others} rows are not of category 'none' (the brief wants 'none' throughout)"
                )
            near = sum(1 for r in found if r.style == "near_miss")
            if near < self.benign_near_miss_share * len(found):
                problems.append(f"{name}: {near} near_miss rows, want at least a quarter of {len(found)}")
        counts = [words(r.prompt) for r in found if not is_foreign(r)]
        if counts and (min(counts) >= self.short_under or max(counts) <= self.long_over):
            problems.append(
                f"{name}: English rows run {min(counts)}-{max(counts)} words, want some under "
                f"{self.short_under} and some over {self.long_over}"
            )
        if set(self.seen) == {"categories.tsv", "benign.tsv"}:
            problems += self.set_problems()
        return problems

    def set_problems(self) -> list[str]:
        """The rules over both files (printing the counts they are made on)."""
        problems = []
        every = [r for rows in self.seen.values() for r in rows]
        by_style = collections.Counter(r.style for r in every if not is_foreign(r))
        print(
            f"English styles: {len(by_style)} (want >= {self.english_styles_min}, each with >= "
            f"{self.style_rows_min} rows)"
        )
        print("  " + ", ".join(f"{k} {v}" for k, v in sorted(by_style.items())))
        if len(by_style) < self.english_styles_min:
            problems.append(f"{len(by_style)} English styles, want >= {self.english_styles_min}")
        thin = sorted(s for s, c in by_style.items() if c < self.style_rows_min)
        if thin:
            problems.append(f"English styles with fewer than {self.style_rows_min} rows over both files: {thin}")
        foreign_rows = [r for r in every if is_foreign(r)]
        used = collections.Counter(r.lang for r in foreign_rows)
        share = f" ({len(foreign_rows) / len(every):.1%})" if self.foreign_share else ""
        print(
            f"foreign rows: {len(foreign_rows)} of {len(every)}{share}, in {len(used)} languages: "
            + ", ".join(f"{k} {v}" for k, v in sorted(used.items()))
        )
        missing = sorted(self.brief_languages - set(used))
        print(f"languages the brief named with no row: {len(missing)}")
        if missing:
            problems.append(f"no row in the brief's languages {missing}")
        smaller = sorted(set(used) - self.brief_languages)
        print(f"smaller languages: {len(smaller)} ({', '.join(LANGUAGE_NAMES[k] for k in smaller)})")
        if len(smaller) < self.smaller_languages_min:
            problems.append(f"{len(smaller)} smaller languages, want >= {self.smaller_languages_min}")
        without_allow = block_only(foreign_rows)
        if without_allow:
            problems.append(f"languages with block rows but no allow row: {without_allow}")
        return problems
