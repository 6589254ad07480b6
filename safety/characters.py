"""Consented characters in the likeness screen.

A character (POST /v1/videos/characters) is a likeness its owner filmed and consented to. In that
owner's prompts its name is not a "named real person": the likeness checks for unprotected named
people (a person named in a deceptive, sexual or humiliating scene; the classifier's likeness score,
which applies only when a person is named) read the prompt with the owner's names masked
(`CharacterNames.without_own`). That is the only thing a name changes. Every other check reads the
prompt as written, so a name never switches a category off: a character called "my daughter" or "kid"
leaves "my daughter in lingerie" as blocked for sexual content involving minors as it is without one
(jobs/characters.py also refuses such names). And:

- a protected person stays blocked whatever a character is called (the name is looked up in the
  unmasked prompt);
- another user's character, referenced explicitly (its id, or an @mention of a name the user has no
  character of), is a likeness block: nobody conditions a video on someone else's likeness.

The prompt screen (safety.screening.screen_prompts) and the request's rule pass (jobs.submission) both
take the rule verdict from `rule_verdict` and finish with `character_verdict`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from safety.policy import Policy
from safety.rules import RulePass, RuleVerdict

# What an owner's character name becomes for the named-person checks: a person, but nobody named.
STAND_IN = "the character"


@dataclass(frozen=True)
class CharacterNames:
    own: tuple[str, ...] = ()  # names of the user's own characters that the prompt uses
    others: tuple[str, ...] = ()  # other users' characters the prompt references explicitly

    def without_own(self, prompt: str) -> str:
        for name in sorted(self.own, key=len, reverse=True):
            prompt = re.sub(rf"(?<!\w)@?{re.escape(name)}(?!\w)", STAND_IN, prompt, flags=re.IGNORECASE)
        return prompt


def masks_a_person(verdict: RuleVerdict) -> bool:
    """A likeness block for an unprotected named person (the rule for a named person in a deceptive, sexual
    or humiliating scene, or a likeness pattern): the one verdict an owner's character name may lift. A
    protected person (`person_id`) is never lifted."""
    return verdict.blocked and verdict.category == "likeness" and "person_id" not in verdict.fired


def rule_verdict(rules: RulePass, prompt: str, names: CharacterNames | None, norm: str | None = None) -> RuleVerdict:
    """The rule pass on the prompt as written (`norm`: its normalised text, when the caller has it). When
    that is a likeness block `masks_a_person` lifts and the prompt names the owner's characters, the
    prompt as written is judged again for every other category, and the likeness rules read it with
    those names masked."""
    verdict = rules.check_normalised(norm, prompt) if norm is not None else rules.check(prompt)
    if names is None or not names.own or not masks_a_person(verdict):
        return verdict
    # The first likeness hit ended that pass: the other categories' rules must still see the prompt as written.
    # Without prefilters (they name the whole list's rules, likeness ones too): its rules are searched one by one.
    others = replace(rules, rules=[r for r in rules.rules if r.category != "likeness"], any_rule=None, any_of_kind={},
                     enabled_categories=rules.enabled_categories - {"likeness"})
    as_written = others.check_normalised(norm, prompt) if norm is not None else others.check(prompt)
    if as_written.blocked:
        return as_written
    masked = rules.check(names.without_own(prompt))
    if masked.blocked:
        return masked
    return RuleVerdict(False, minor_terms=as_written.minor_terms, deferred=as_written.deferred)


def character_verdict(policy: Policy, prompt: str, names: CharacterNames) -> tuple[str, dict[str, Any]] | None:
    """(category, fired) when the characters make the prompt a likeness block, else None. `prompt` is
    the unmasked text."""
    if "likeness" not in policy.categories or not (names.own or names.others):
        return None
    if names.others:
        return "likeness", {"stage": "characters", "rule": "another user's character",
                            "characters": list(names.others)}
    person = policy.rules.find_person(policy.rules.normalise(prompt))
    if person is not None:
        return "likeness", {"stage": "rules", "rule": f"protected person: {person[0].name}",
                            "person_id": person[0].person_id, "match": person[1]}
    return None
