"""The default plans. They are data (editable in the admin); this only seeds them."""

from __future__ import annotations

from typing import Any

DEFAULT_TIERS: list[dict[str, Any]] = [
    dict(name="free", display_name="Free", rank=0, weight=1.0, floor_share=0.10, wait_target_s=300, e2e_target_s=300,
         max_concurrent=1, max_queued=5, step_budget=30, max_height=480, max_seconds=8, daily_quota=20,
         monthly_credits=100, requests_per_minute=30),
    dict(name="plus", display_name="Plus", rank=1, weight=2.0, floor_share=0.0, wait_target_s=60, e2e_target_s=120,
         max_concurrent=2, max_queued=20, step_budget=50, max_height=720, max_seconds=12, daily_quota=200,
         monthly_credits=2000, requests_per_minute=120),
    dict(name="pro", display_name="Pro", rank=2, weight=4.0, floor_share=0.0, wait_target_s=30, e2e_target_s=90,
         max_concurrent=4, max_queued=50, step_budget=50, max_height=1080, max_seconds=20, daily_quota=1000,
         monthly_credits=10000, requests_per_minute=600),
]


def ensure_default_tiers(tier_model: Any) -> None:
    """Create the default tiers that are missing; never overwrite an operator's edits."""
    fields = {f.name for f in tier_model._meta.get_fields()}  # a migration's historical model may lack some
    for spec in DEFAULT_TIERS:
        values = {k: v for k, v in spec.items() if k != "name" and k in fields}
        tier_model.objects.get_or_create(name=spec["name"], defaults=values)
