"""The current policy, read from the database and compiled; re-read whenever any of it changes.

A cheap fingerprint (row counts and last edit times) is checked on every use, so an edit in the
admin applies to the next prompt or clip in every process, without a restart.

The request's rule pass (jobs/submission.py) runs on every submission, and the fingerprint's query was
one of a submission's largest (PostgreSQL CPU: counts over the rule and exemplar tables). It passes
`max_age_s` (KINEMA_POLICY_RECHECK_S, 1 s): a policy checked that recently is used without asking again.
An edit saved in this process (a save or delete of any policy row) applies to the next request at once;
one made in another process, or by a bulk UPDATE, within that delay. Screening in the CPU worker, which
decides what is published, always checks.

A change re-reads the rows and builds the rule pass again, but compiled rules are kept per pattern
(safety.rules.compile_rule) and the previous pass's prefilters are reused where their rules did not change: only what
changed compiles, ~0.05 s instead of ~0.85 s of CPU for ~3,000 rules in every process that screens.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.db import connection

from safety.models import Category, Exemplar, ProtectedPerson, ReferencePhoto, Rule
from safety.rules import RulePass
from webapp.recheck import RecheckGate


@dataclass(frozen=True)
class CategoryPolicy:
    slug: str
    label: str
    embedding_threshold: float
    frame_review_threshold: float | None
    frame_block_threshold: float | None


@dataclass(frozen=True)
class ProtectedFace:
    person_id: int
    name: str
    embeddings: tuple[tuple[float, ...], ...]


@dataclass(frozen=True)
class Policy:
    fingerprint: tuple[object, ...]
    categories: dict[str, CategoryPolicy]
    rules: RulePass
    exemplars: tuple[tuple[int, str, str], ...]  # (id, category, text)
    faces: tuple[ProtectedFace, ...]

    def label(self, category: str) -> str:
        cat = self.categories.get(category)
        return cat.label if cat else category.replace("_", " ")


_lock = threading.Lock()
_cached: Policy | None = None


def _clock() -> float:
    """The recheck delay's clock (a function of its own, so a test can move it for this module only)."""
    return time.monotonic()


_gate = RecheckGate(lambda: _clock())
# The last fingerprint check that matched or built _cached (_gate.mark()): valid for max_age_s while no policy
# row was saved or deleted in this process since.
_checked: tuple[float, int] = (0.0, -1)


_FINGERPRINT_SQL = """
    SELECT (SELECT md5(coalesce(string_agg(concat_ws('|', slug, enabled, embedding_threshold,
                                                     frame_review_threshold, frame_block_threshold), ','
                                           ORDER BY slug), '')) FROM safety_category),
           (SELECT count(*) FROM safety_rule), (SELECT max(updated_at) FROM safety_rule),
           (SELECT count(*) FROM safety_exemplar), (SELECT max(updated_at) FROM safety_exemplar),
           (SELECT count(*) FROM safety_protectedperson), (SELECT max(updated_at) FROM safety_protectedperson),
           (SELECT count(*) FROM safety_referencephoto), (SELECT max(created_at) FROM safety_referencephoto)
"""


def _fingerprint() -> tuple[object, ...]:
    """One round trip. Categories are few: their whole rows (hashed), so even a bulk UPDATE of a
    threshold is seen at once; for the rest, counts and last edit times."""
    with connection.cursor() as cur:
        cur.execute(_FINGERPRINT_SQL)
        return tuple(cur.fetchone())


def current_policy(max_age_s: float = 0.0) -> Policy:
    """The policy as the database has it now; with `max_age_s`, as it had it at most that long ago (see
    the module's docstring: the request path's rule pass)."""
    global _cached, _checked
    cached = _cached
    if cached is not None and _gate.fresh(_checked, max_age_s):
        return cached
    check = _gate.mark()
    fingerprint = _fingerprint()
    with _lock:
        if _cached is not None and _cached.fingerprint == fingerprint:
            _checked = check
            return _cached
    categories = {c.slug: CategoryPolicy(c.slug, c.label, c.embedding_threshold, c.frame_review_threshold,
                                         c.frame_block_threshold)
                  for c in Category.objects.filter(enabled=True)}
    enabled = frozenset(categories)
    rules: list[tuple[int | None, str, str, str]] = [(r.pk, r.category_id, r.kind, r.pattern)
                                                      for r in Rule.objects.filter(enabled=True)]
    persons = list(ProtectedPerson.objects.filter(enabled=True).prefetch_related("photos"))
    rule_pass = RulePass.build(rules, [(p.pk, p.names()) for p in persons], enabled,
                               previous=cached.rules if cached is not None else None)
    exemplars = tuple(Exemplar.objects.filter(enabled=True, category__enabled=True)
                      .values_list("pk", "category_id", "text"))
    faces = tuple(ProtectedFace(p.pk, p.name, tuple(tuple(ph.embedding) for ph in p.photos.all() if ph.embedding))
                  for p in persons)
    policy = Policy(fingerprint, categories, rule_pass, exemplars, tuple(f for f in faces if f.embeddings))
    with _lock:
        _cached = policy
        _checked = check
    return policy


# A policy row saved or deleted in this process: its next use checks the fingerprint.
_gate.watch(Category, Rule, Exemplar, ProtectedPerson, ReferencePhoto, uid="policy-recheck")
