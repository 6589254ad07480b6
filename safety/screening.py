"""Prompt screening: the rule pass, then embedding similarity to each category's exemplars.

`screen_prompts` takes a batch (the screening stage collects up to KINEMA_SCREEN_BATCH waiting jobs)
and embeds it in one forward pass. A prompt is blocked when a rule fires, when it names a protected
person, or when its best cosine similarity to a category's exemplars reaches that category's
threshold. A prompt with a minor term whose similarity to sexual exemplars is even near the sexual
threshold is blocked as sexual content involving minors. Verdicts are allow or block: a prompt is
cheap to rephrase, so borderline prompts are not held for humans (clips are, see safety.frames).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from safety.embeddings import embed, embed_cached
from safety.policy import Policy, current_policy

# How close to the sexual threshold a prompt that mentions minors may come before it is blocked.
MINOR_SEXUAL_MARGIN = 0.12


@dataclass(frozen=True)
class PromptVerdict:
    blocked: bool
    category: str = ""
    fired: dict[str, Any] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        return "block" if self.blocked else "allow"


def screen_prompts(prompts: list[str], policy: Policy | None = None) -> list[PromptVerdict]:
    policy = policy or current_policy()
    if not prompts:
        return []
    normalised = [policy.rules.normalise(p) for p in prompts]
    rule_verdicts = [policy.rules.check_normalised(n) for n in normalised]
    vectors = embed(normalised)
    by_category: dict[str, list[tuple[int, str]]] = {}
    for ex_id, category, text in policy.exemplars:
        if category in policy.categories:
            by_category.setdefault(category, []).append((ex_id, text))
    similarities: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # category -> (best score, best index)
    for category, items in by_category.items():
        sims = vectors @ embed_cached([t for _, t in items]).T
        similarities[category] = (sims.max(axis=1), sims.argmax(axis=1))

    out = []
    for i, rule in enumerate(rule_verdicts):
        scores = {cat: round(float(best[i]), 4) for cat, (best, _) in similarities.items()}
        if rule.blocked:
            out.append(PromptVerdict(True, rule.category, {"stage": "rules", "rule": rule.rule, **rule.fired}, scores))
            continue
        candidates = []
        for cat, (best, idx) in similarities.items():
            threshold = policy.categories[cat].embedding_threshold
            if cat == "sexual" and rule.minor_terms and "sexual_minors" in policy.categories:
                if best[i] >= threshold - MINOR_SEXUAL_MARGIN:
                    candidates.append((best[i] - threshold + 1.0, "sexual_minors", by_category[cat][idx[i]], best[i]))
                    continue
            if best[i] >= threshold:
                candidates.append((best[i] - threshold, cat, by_category[cat][idx[i]], best[i]))
        if candidates:
            _, cat, (ex_id, text), similarity = max(candidates, key=lambda c: c[0])
            out.append(PromptVerdict(True, cat, {"stage": "embedding", "exemplar_id": ex_id, "exemplar": text,
                                                 "similarity": round(float(similarity), 4)}, scores))
        else:
            out.append(PromptVerdict(False, "", {}, scores))
    return out
