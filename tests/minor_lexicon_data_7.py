# ruff: noqa: E501  (test data: one phrase per value)
"""What users write, per language, for tests/test_minor_lexicons.py, for the batch "added 2026-12-05, second
languages" (safety/lexicons.py, the "_7" lists): the same names and shapes as tests/minor_lexicon_data.py."""

from __future__ import annotations

LANGUAGES_AT_LEAST = 0  # languages in EXAMPLES

EXAMPLES: dict[str, dict[str, list[str]]] = {
}

TEMPLATES: dict[str, str] = {
}

TRAPS: dict[str, list[str]] = {
}

ADULT_TRAPS: dict[str, list[str]] = {
}

SNAP_TRAPS: list[str] = [
]

CROSS_TRAPS: dict[str, list[str]] = {
}
