"""Consented characters in the likeness screen.

A character (POST /v1/videos/characters) is a likeness its owner filmed and consented to. In that
owner's prompts its name is not a "named real person": the likeness checks for unprotected named
people (a person named in a deceptive, sexual or humiliating scene; the classifier's likeness score,
which applies only when a person is named) do not see it. Everything else still applies:

- a protected person stays blocked whatever a character is called (the name is looked up in the
  unmasked prompt);
- another user's character, referenced explicitly (its id, or an @mention of a name the user has no
  character of), is a likeness block: nobody conditions a video on someone else's likeness.

The prompt screen (safety.screening.screen_prompts) and the request's rule pass (jobs.submission) both
mask with `CharacterNames.without_own` and finish with `character_verdict`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from safety.policy import Policy

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
