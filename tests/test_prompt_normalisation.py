"""Prompt normalisation: spacing, punctuation, look-alike letters and misspellings do not evade the rules,
while numbers and real words are kept."""

from __future__ import annotations

import pytest

from safety.policy import current_policy
from safety.rules import normalise


@pytest.mark.django_db
@pytest.mark.parametrize("evasion", [
    "P O R N video", "p.o.r.n video", "p0rn video", "ｐｏｒｎ video", "pоrn video",  # Cyrillic о
    "po\u200brn video", "pooorn video", "pron video", "pornvideo clip",
])
def test_normalisation_defeats_evasion(evasion: str) -> None:
    policy = current_policy()
    assert "porn" in policy.rules.normalise(evasion).split(), policy.rules.normalise(evasion)
    assert policy.rules.check(evasion).category == "sexual"


def test_normalisation_keeps_numbers_and_known_words() -> None:
    assert normalise("a 12yo in 4k, 3d render") == "a 12 year old in 4k 3d render"
    assert normalise("baked bread", frozenset({"naked"})) == "baked bread"  # a real word is never "corrected"
    assert normalise("nakd woman", frozenset({"naked"})) == "naked woman"
