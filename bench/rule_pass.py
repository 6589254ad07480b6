"""What matching the safety rules with RE2 costs, against Python's `re` (the previous engine) in the same run.

    .venv/bin/python bench/rule_pass.py [--repeat 5]

- Per prompt: the rule pass over the golden set's prompts (already normalised: normalisation is the
  same code for both), RE2 (`RulePass.check_normalised`: one prefilter pass, rule by rule only on a
  hit) against the same default rules compiled with `re` and searched one by one in the same order,
  and RE2 without the prefilter (one call per rule).
- Worst case: the reviewer-edited rule `(x+x+)+y` on a run of n x's (no y), which backtracks
  exponentially in `re`; `re` stops being measured once one input takes over a second.
- The minor check (`minor_signal` and `sexual_context`) with every combination term of every batch, each kind's
  terms searched one by one (the baseline) against one RE2 prefilter per kind.
- The language group that picks a prompt's classifier thresholds, against the whole rule pass of the same prompts.
- The rule pass built again after a policy change (compiled rules kept per pattern), against a build that compiles
  every rule.

The rules are the shipped defaults in memory, so no database is needed.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from safety import defaults
    from safety.rules import RulePass, compile_rule

    rules: list[tuple[int | None, str, str, str]] = [(None, cat, "pattern", p) for cat, ps in defaults.RULES.items()
                                                     for p in ps]
    rules += [(None, "sexual_minors", kind, p) for kind, p in defaults.COMBINATION_TERMS.items()]
    persons: list[tuple[int | None, list[str]]] = [(None, [name, *aliases])
                                                   for name, aliases in defaults.PROTECTED_PERSONS.items()]
    rule_pass = RulePass.build(rules, persons, frozenset(defaults.CATEGORIES))
    golden = [line.split("\t")[2].strip() for line in (ROOT / "safety" / "golden_set.tsv").read_text().splitlines()
              if line.count("\t") == 2]
    prompts = [rule_pass.normalise(p) for p in golden]
    ordered = [r for r in rule_pass.rules if r.kind != "pattern"] + [r for r in rule_pass.rules if r.kind == "pattern"]
    python_re = [(r.kind, re.compile(rf"\b(?:{r.pattern})\b")) for r in ordered]

    def with_re(norm: str) -> None:  # the previous check: combination terms, then patterns until one fires
        for kind, regex in python_re:
            if regex.search(norm) and kind == "pattern":
                break
        rule_pass.find_person(norm)

    def best(check: Callable[[Any], object], inputs: list[Any] | None = None) -> float:
        inputs = prompts if inputs is None else inputs
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            for item in inputs:
                check(item)
            times.append(time.perf_counter() - start)
        return min(times) / len(inputs) * 1e6

    one_by_one = replace(rule_pass, any_rule=None, any_of_kind={})
    baseline, ours, unfiltered = best(with_re), best(rule_pass.check_normalised), best(one_by_one.check_normalised)
    print(f"rule pass per prompt ({len(prompts)} golden-set prompts, {len(rule_pass.rules)} rules, best of "
          f"{args.repeat}): re {baseline:.0f} us (baseline), RE2 {ours:.0f} us ({baseline / ours:.2f}x), "
          f"RE2 without the prefilter {unfiltered:.0f} us ({baseline / unfiltered:.2f}x)")

    # The minors rule's lexicons as shipped (every batch, 34 languages): the minor check per prompt, each kind's
    # terms searched one by one (the baseline) against each kind's one-pass prefilter.
    every: list[tuple[int | None, str, str, str]] = [
        (None, cat, "pattern", p) for cat, ps in defaults.all_rules().items() for p in ps]
    every += [(None, "sexual_minors", kind, p) for kind, ps in defaults.all_combination_terms().items() for p in ps]
    lexicons = RulePass.build(every, persons, frozenset(defaults.CATEGORIES))
    benign = [line.split("\t")[2].strip() for line in (ROOT / "safety" / "benign_set.tsv").read_text().splitlines()
              if line.count("\t") == 2]
    raw = golden + benign
    pairs = [(lexicons.normalise(p), p) for p in raw]
    term_by_term = replace(lexicons, any_of_kind={})

    def minor_check(rule_pass: RulePass) -> Callable[[tuple[str, str]], object]:
        return lambda pair: (rule_pass.minor_signal(*pair), rule_pass.sexual_context(*pair))

    slow, fast = best(minor_check(term_by_term), pairs), best(minor_check(lexicons), pairs)
    kinds = defaults.all_combination_terms()
    print(f"minor check per prompt ({len(raw)} golden and benign prompts; {len(kinds['minor_term'])} minor and "
          f"{len(kinds['sexual_term'])} sexual terms): term by term {slow:.0f} us (baseline), one prefilter per kind "
          f"{fast:.1f} us ({slow / fast:.0f}x)")

    # The whole rule pass as shipped on prompts the rules refuse (the golden set's block rows and minor cues with
    # sexual contexts): a prefilter group that hits asks its RE2 set which of its rules match (`_candidates`), against
    # every rule searched in order (what a prompt that hit a prefilter cost before 2026-12-07: the prefilters only
    # decided whether to search) and against the groups that hit searched rule by rule (the sets' own share).
    from tests.minor_lexicon_data import EXAMPLES

    blocked = [line.split("\t")[2].strip() for line in (ROOT / "safety" / "golden_set.tsv").read_text().splitlines()
               if line.count("\t") == 2 and line.startswith("block")]
    blocked += [f"{cue}, {context}" for words in EXAMPLES.values() for cue in words["minor"][:4]
                for context in words["sexual"][:4]]
    refused = [(lexicons.normalise(p), p) for p in blocked]

    def no_sets(prefilter: Any) -> Any:
        return tuple(replace(group, with_set=False) for group in prefilter) if prefilter else prefilter

    without_sets = replace(lexicons, any_rule=no_sets(lexicons.any_rule),
                           any_of_kind={kind: no_sets(p) for kind, p in lexicons.any_of_kind.items()})
    every_rule = replace(lexicons, any_rule=None, any_of_kind={})
    in_order = best(lambda pair: every_rule.check_normalised(*pair), refused)
    group_by_rule = best(lambda pair: without_sets.check_normalised(*pair), refused)
    with_sets = best(lambda pair: lexicons.check_normalised(*pair), refused)
    print(f"refused prompts, whole rule pass per prompt ({len(refused)} golden block rows and minor compositions, "
          f"{len(lexicons.rules)} rules): every rule in order {in_order:.0f} us (baseline), the groups that hit rule "
          f"by rule {group_by_rule:.0f} us ({in_order / group_by_rule:.1f}x), a hit's RE2 set {with_sets:.0f} us "
          f"({in_order / with_sets:.1f}x)")

    # Which thresholds a prompt gets (`safety.classifier.language_group`, py3langid): against the whole rule pass of
    # the same prompts (normalisation and every rule and lexicon as shipped) in the same run.
    from safety.classifier import language_group

    language_group(raw[0])  # the identifier's model is read once per process
    whole = best(lambda p: lexicons.check_normalised(lexicons.normalise(p)), raw)
    group = best(language_group, raw)
    print(f"language group per prompt ({len(raw)} golden and benign prompts): {group:.0f} us, against the whole rule "
          f"pass's {whole:.0f} us (baseline; {group / whole:.2f}x)")

    # A policy change: every process that screens builds the rule pass again at its next prompt. Compiled rules are
    # kept per pattern (`compile_rule`) and the previous pass's prefilters reused where unchanged, so only what changed
    # compiles: against a build that compiles everything (what every change cost before 2026-12-07) in the same run.
    enabled = frozenset(defaults.CATEGORIES)
    renumbered: list[tuple[int | None, str, str, str]] = [(i, *rule[1:]) for i, rule in enumerate(every, start=1)]
    one_more = [*renumbered, (len(renumbered) + 1, "violence", "pattern", "a rule added in the console")]

    def build(rows: list[tuple[int | None, str, str, str]], previous: RulePass | None) -> float:
        if previous is None:
            compile_rule.cache_clear()
        start = time.perf_counter()
        RulePass.build(rows, persons, enabled, previous=previous)
        return time.perf_counter() - start

    cold = min(build(renumbered, None) for _ in range(args.repeat))
    current = RulePass.build(every, persons, enabled)
    same = min(build(renumbered, current) for _ in range(args.repeat))
    added = min(build(one_more, current) for _ in range(args.repeat))
    print(f"rule pass built after a policy change ({len(renumbered)} rules): everything compiled {cold * 1e3:.0f} ms "
          f"(baseline), the same rules under new rows {same * 1e3:.0f} ms ({cold / same:.0f}x), one rule added "
          f"{added * 1e3:.0f} ms ({cold / added:.0f}x)")

    evil, evil_re = compile_rule(r"(x+x+)+y"), re.compile(r"\b(?:(x+x+)+y)\b")
    print("(x+x+)+y on n x's:      n     re (baseline)      RE2")
    re_alive = True
    for n in (12, 16, 18, 20, 22, 100_000):
        text = "x" * n
        start = time.perf_counter()
        evil.find(text)
        ours = time.perf_counter() - start
        theirs = "-"
        if re_alive and n < 1000:
            start = time.perf_counter()
            evil_re.search(text)
            elapsed = time.perf_counter() - start
            theirs = f"{elapsed * 1e3:10.1f} ms"
            re_alive = elapsed < 1.0
        print(f"{'':22}{n:>7} {theirs:>16} {ours * 1e3:8.2f} ms")


if __name__ == "__main__":
    main()
