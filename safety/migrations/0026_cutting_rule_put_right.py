# The seeded self-harm rule on cutting one's own wrist, arm, thigh or skin refused what is worn on it or grows there:
# "cutting his arm hair", "cutting her wristband off" (read "wrist band"). Where it is still as seeded and enabled, it
# becomes the singular with those words left out (safety/defaults.py, _CUT_ONES_OWN), and the plurals are a rule of
# their own (_CUT_ONES_OWN_PLURAL), added here with this migration's note. Nothing changes where the plurals would go
# unread: an operator's disabled plural rule keeps the seeded one as it is. A rule an operator edited, disabled or deleted is
# left alone, and a database seeded after this change has both already. `updated_at` moves, so running processes see
# a new policy.

from django.db import migrations
from django.utils import timezone

SEEDED = "(cut|cuts|cutting|slit|slits|slitting|slash|slashing) (my|his|her|their|your) (own )?(wrists?|arms?|thighs?|skin)"
SINGULAR = (
    "(cut|cuts|cutting|slit|slits|slitting|slash|slashing) (my|his|her|their|your) (own )?(wrist|arm|thigh|skin)(?! (b"
    "and|bands|strap|straps|brace|braces|cuff|cuffs|sleeve|sleeves|hair|hairs|tag|tags|warmer|warmers|tone|tones|care)\\b"
    ")")
PLURAL = "(cut|cuts|cutting|slit|slits|slitting|slash|slashing) (my|his|her|their|your) (own )?(wrists|arms|thighs)"
NOTE = "added 2026-12-07 by migration 0026 (the plurals of the seeded cutting rule)"


def forward(apps, schema_editor):
    rules = apps.get_model("safety", "Rule").objects.filter(category_id="self_harm", kind="pattern")
    seeded = rules.filter(pattern=SEEDED, enabled=True)
    plural = rules.filter(pattern=PLURAL).first()
    if not seeded.exists() or rules.filter(pattern=SINGULAR).exists() or (plural is not None and not plural.enabled):
        return
    if plural is None:
        rules.create(category_id="self_harm", kind="pattern", pattern=PLURAL, note=NOTE)
    seeded.update(pattern=SINGULAR, updated_at=timezone.now())


def back(apps, schema_editor):
    rules = apps.get_model("safety", "Rule").objects.filter(category_id="self_harm", kind="pattern")
    if rules.filter(pattern=SEEDED).exists():
        return
    rules.filter(pattern=SINGULAR, enabled=True).update(pattern=SEEDED, updated_at=timezone.now())
    rules.filter(pattern=PLURAL, note=NOTE).delete()


class Migration(migrations.Migration):
    dependencies = [("safety", "0025_rules_batch_2026_12_07_acts")]

    operations = [migrations.RunPython(forward, back)]
