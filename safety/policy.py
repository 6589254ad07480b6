"""The current policy, read from the database and compiled; re-read whenever any of it changes.

A cheap fingerprint (row counts and last edit times) is checked on every use, so an edit in the
admin applies to the next prompt or clip in every process, without a restart.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.db.models import Count, Max

from safety.models import Category, Exemplar, ProtectedPerson, ReferencePhoto, Rule
from safety.rules import RulePass, RuleVerdict


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


def _fingerprint() -> tuple[object, ...]:
    # Categories are few: their whole rows, so even a bulk UPDATE of a threshold is seen at once.
    parts: list[object] = list(Category.objects.order_by("slug").values_list(
        "slug", "enabled", "embedding_threshold", "frame_review_threshold", "frame_block_threshold"))
    for model, stamp in ((Rule, "updated_at"), (Exemplar, "updated_at"),
                         (ProtectedPerson, "updated_at"), (ReferencePhoto, "created_at")):
        agg = model.objects.aggregate(n=Count("pk"), last=Max(stamp))
        parts += [agg["n"], agg["last"]]
    return tuple(parts)


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
    rules = [(r.pk, r.category_id, r.kind, r.pattern) for r in Rule.objects.filter(enabled=True)]
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


def check_prompt(*texts: str) -> RuleVerdict:
    """The cheap rule pass (no model): runs in the request before a job exists."""
    return current_policy().rules.check(*texts)
