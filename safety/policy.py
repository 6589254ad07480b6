"""The current policy, read from the database and compiled; re-read whenever any of it changes.

A cheap fingerprint (row counts and last edit times) is checked on every use, so an edit in the
admin applies to the next prompt or clip in every process, without a restart.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.db import connection

from safety.models import Category, Exemplar, ProtectedPerson, Rule
from safety.rules import RulePass


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


def current_policy() -> Policy:
    global _cached
    fingerprint = _fingerprint()
    with _lock:
        if _cached is not None and _cached.fingerprint == fingerprint:
            return _cached
    categories = {c.slug: CategoryPolicy(c.slug, c.label, c.embedding_threshold, c.frame_review_threshold,
                                         c.frame_block_threshold)
                  for c in Category.objects.filter(enabled=True)}
    enabled = frozenset(categories)
    rules: list[tuple[int | None, str, str, str]] = [(r.pk, r.category_id, r.kind, r.pattern)
                                                      for r in Rule.objects.filter(enabled=True)]
    persons = list(ProtectedPerson.objects.filter(enabled=True).prefetch_related("photos"))
    rule_pass = RulePass.build(rules, [(p.pk, p.names()) for p in persons], enabled)
    exemplars = tuple(Exemplar.objects.filter(enabled=True, category__enabled=True)
                      .values_list("pk", "category_id", "text"))
    faces = tuple(ProtectedFace(p.pk, p.name, tuple(tuple(ph.embedding) for ph in p.photos.all() if ph.embedding))
                  for p in persons)
    policy = Policy(fingerprint, categories, rule_pass, exemplars, tuple(f for f in faces if f.embeddings))
    with _lock:
        _cached = policy
    return policy
