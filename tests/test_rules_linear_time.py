"""Reviewer-edited safety rules run in linear time (RE2): a catastrophic-backtracking pattern saved in
the console cannot hang a request, the console refuses what RE2 cannot run, a refused pattern already
in the database is skipped (logged) instead of breaking screening, and the lookarounds the default
policy uses mean exactly what they meant under Python's `re`."""

from __future__ import annotations

import logging
import random
import re

import pytest
from django.test import Client

from safety.defaults import RULES
from safety.models import Decision, Rule
from safety.permissions import ensure_reviewer_group
from safety.policy import current_policy
from safety.rules import RulePass, RuleSyntaxError, compile_rule

# Exponential for a backtracking engine on a run of x's without a y (x is not folded by normalise,
# which squeezes other repeated letters): Python's re would never finish on the prompts below.
EVIL = r"(x+x+)+y"


@pytest.fixture
def reviewer_client(django_user_model) -> Client:
    user = django_user_model.objects.create_user("rules-reviewer", password="pw", is_staff=True)
    user.groups.add(ensure_reviewer_group())
    client = Client()
    client.force_login(user)
    return client


def add_rule(client: Client, pattern: str):
    return client.post("/admin/safety/rule/add/", {"category": "violence", "kind": "pattern", "pattern": pattern,
                                                   "enabled": "on", "note": "test"})


@pytest.mark.django_db
def test_an_evil_pattern_saved_in_the_console_runs_in_linear_time(reviewer_client: Client, make_user) -> None:
    resp = add_rule(reviewer_client, EVIL)
    assert resp.status_code == 302, resp.content.decode()[:2000]
    rules = current_policy().rules
    # 100 k characters of the worst case: finishes, and the rule is live (it fires when the y comes).
    assert not rules.check("x" * 100_000).blocked
    verdict = rules.check("x" * 100_000 + "y")
    assert verdict.blocked and verdict.category == "violence" and verdict.rule == EVIL
    assert rules.check("a sign that says xxxxy").fired["match"] == "xxxxy"

    # Inside a real request: the API's rule pass answers (not blocked: no y), and blocks with the y.
    _, key = make_user("long-prompter")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    ok = api.post("/v1/videos", {"prompt": "x" * 3000}, content_type="application/json")
    assert ok.status_code == 200, ok.content[:500]
    blocked = api.post("/v1/videos", {"prompt": "x" * 3000 + "y"}, content_type="application/json")
    assert blocked.status_code == 400 and blocked.json()["error"]["code"] == "moderation_blocked"
    assert Decision.objects.filter(stage="request", verdict="block", fired__rule=EVIL).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(("pattern", "reason"), [
    (r"(ha)\1", "backreferences"),
    (r"naked(?! mole) woman", "lookarounds"),
    (r"(?>atomic)", "RE2"),
    (r"fire++", "RE2"),
    (r"a(?!\w)", "only list phrases"),
    (r"(?!red)|blue(?!sky)", "top-level |"),
    (r"[unclosed", "unterminated character set"),
    ("(" * 500 + "a" + ")" * 500, "nested too deeply"),  # a RecursionError in the parser was a 500
    # Zero-width: saved, each matched no text at some word boundary of every prompt, blocking them all.
    (r"(?i)", "empty match"), (r"(?:)", "empty match"), (r"x{0}", "empty match"), (r"(?<=a)", "empty match"),
    (r"\b", "empty match"), (r"(?:gore)?", "empty match"),
])
def test_the_console_refuses_what_re2_cannot_run(reviewer_client: Client, pattern: str, reason: str) -> None:
    resp = add_rule(reviewer_client, pattern)
    assert resp.status_code == 200  # the form again, with the error
    page = resp.content.decode()
    assert reason in page, page[page.find("errorlist"):][:500]
    assert not Rule.objects.filter(pattern=pattern).exists()


@pytest.mark.django_db
def test_a_pattern_in_the_database_that_re2_refuses_is_skipped_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    refused = Rule.objects.create(category_id="violence", pattern=r"(purple) \1 elephants")  # saved before the check
    Rule.objects.create(category_id="violence", pattern=r"purple giraffes?")
    with caplog.at_level(logging.ERROR, logger="safety.rules"):
        rules = current_policy().rules
    assert any("is not applied" in r.getMessage() and isinstance(r.args, tuple) and r.args[0] == refused.pk
               for r in caplog.records)
    assert not rules.check("purple purple elephants").blocked  # skipped: it never matches
    assert rules.check("two purple giraffes").category == "violence"  # the rest of the policy applies
    assert rules.check("a porn video").category == "sexual"


def test_lookarounds_of_the_default_rules_mean_what_they_meant_under_re() -> None:
    with_lookarounds = [p for patterns in RULES.values() for p in patterns if "(?" in p and ("(?!" in p or "(?<" in p)]
    assert len(with_lookarounds) >= 4
    extra = [r"(?<!an |my )(red|blue) (car|cars?)(?! (wash|washes|s?show))", r"(?<=big )cat", r"dog(?= house)",
             r"(?<!a)(?<!b )\w+ \w+(?! [a-c]y)(?! z)", r"(red|blue) (car|cars)(?! (wash|show|s?show)\b)",
             r"(?<!\bmy )(?<!\bamy )(red|blue) car(?! (wash\b|washe))", r"cat(?! (house|houses)\b)(?! dog)"]
    vocabulary = ("naked mole eye molecule flame gore al tex texas white power ranger rangers suicide suicidal "
                  "squad squads prevention vest vests big cat dog house an my red blue car cars wash show sshow "
                  "a b c ay by z washer washes showy amy houses housed").split()
    rng = random.Random(7)
    texts = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 6))) for _ in range(3000)]
    matched = 0
    for pattern in with_lookarounds + extra:
        reference, matcher = re.compile(rf"\b(?:{pattern})\b"), compile_rule(pattern)
        for text in texts:
            expected = reference.search(text)
            assert matcher.find(text) == (expected.group(0) if expected else None), (pattern, text)
            matched += expected is not None
    assert matched > 1000  # the probes exercise both outcomes


@pytest.mark.parametrize("pattern", [r"a(?=b)(?!c)", r"(?<=a)(?<=b)c", r"a(?!)", r"a(?!b+)", r"a(?! \bb)",
                                     r"a(?! b\bc)", r"(?<!b\b )a", r"a(?!\b)"])
def test_lookaround_forms_without_a_linear_rewrite_are_refused(pattern: str) -> None:
    with pytest.raises(RuleSyntaxError):
        compile_rule(pattern)


def test_a_policy_change_compiles_only_the_rules_it_changed_and_names_the_new_rows() -> None:
    """Compiled rules are kept per pattern, and prefilters taken from the pass a new one replaces where their rules
    did not change: the rule pass built again after a change (in every process, at the next prompt) reuses them,
    names the rows as they are now, and applies an edited pattern."""
    enabled = frozenset({"violence", "sexual"})
    before = RulePass.build([(1, "violence", "pattern", r"zorbl\w*"), (2, "sexual", "pattern", "grimbly")], [], enabled)
    assert before.check("a grimbly hat").fired["rule_id"] == 2  # its prefilter's set is built at this first hit
    # The same patterns under new rows (a policy deleted and seeded again).
    again = RulePass.build([(11, "violence", "pattern", r"zorbl\w*"), (12, "sexual", "pattern", "grimbly")], [],
                           enabled, previous=before)
    assert again.rules[0].matcher is before.rules[0].matcher
    assert before.any_rule is not None and again.any_rule is not None
    assert again.any_rule[0].regex is before.any_rule[0].regex
    assert again.any_rule[0].members is before.any_rule[0].members
    assert again.check("a zorbling crowd").fired["rule_id"] == 11
    assert again.check("a grimbly hat").fired["rule_id"] == 12
    # One pattern edited: its prefilter is compiled again and the edit applies.
    edited = RulePass.build([(11, "violence", "pattern", r"zorbl\w*"), (12, "sexual", "pattern", "plonkwise")], [],
                            enabled, previous=again)
    assert edited.any_rule is not None and edited.any_rule[0].regex is not again.any_rule[0].regex
    assert not edited.check("a grimbly hat").blocked and edited.check("a plonkwise hat").category == "sexual"
    assert (edited.check("a zorbling crowd").category, edited.check("a zorbling crowd").fired["rule_id"]) == (
        "violence", 11)
    assert before.check("a grimbly hat").fired["rule_id"] == 2  # the earlier pass is unchanged


@pytest.mark.django_db
def test_the_default_policy_compiles_entirely_under_re2() -> None:
    enabled = Rule.objects.filter(enabled=True).count()
    assert enabled > 150
    assert len(current_policy().rules.rules) == enabled
