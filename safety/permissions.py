"""The reviewers group: what trust-and-safety reviewers may do in the admin (they are not superusers)."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

REVIEWERS = "reviewers"

GRANTS: dict[str, tuple[str, ...]] = {
    "reviewcase": ("view", "decide"),
    "reviewaction": ("view",),
    "decision": ("view",),
    "flaggedframe": ("view",),
    "category": ("view", "change"),
    "rule": ("view", "add", "change", "delete"),
    "exemplar": ("view", "add", "change", "delete"),
    "protectedperson": ("view", "add", "change", "delete"),
    "referencephoto": ("view", "add", "change", "delete"),
    "report": ("view",),
    "takedown": ("view",),
    "takedownreason": ("view",),
    "takedownaction": ("view",),
    "killswitchaction": ("view",),
    "rescreenrun": ("view",),
}
# Outside the safety app: characters (jobs), whose consented likenesses reviewers check and may retire.
OTHER_GRANTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("jobs", "character"): ("view", "change"),
}


def ensure_reviewer_group() -> Group:
    group, _ = Group.objects.get_or_create(name=REVIEWERS)
    codenames = [f"{action}_{model}" for model, actions in GRANTS.items() for action in actions]
    group.permissions.add(*Permission.objects.filter(content_type__app_label="safety", codename__in=codenames))
    for (app, model), actions in OTHER_GRANTS.items():
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app, content_type__model=model,
                                                         codename__in=[f"{a}_{model}" for a in actions]))
    return group
