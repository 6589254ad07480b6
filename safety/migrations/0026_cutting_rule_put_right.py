# The seeded self-harm rule on cutting one's own wrist, arm, thigh or skin refused what is worn on it or grows there:
# "cutting her wristband off" (the normaliser splits "wristband" into two words), "cutting his arm hair". Where it is
# still as seeded and enabled, it becomes the singular with those words left out (safety/defaults.py,
# _CUT_ONES_OWN), and the plurals are added as a rule of their own (_CUT_ONES_OWN_PLURAL): none of those words is
# read after a plural ("cutting her wrists, bandages on her arms" loses its comma in the normalised prompt). A rule an
# operator edited, disabled or deleted is left alone, and a database seeded after this change has both already.
# `updated_at` moves, so running processes see a new policy.

from importlib import import_module

from django.db import migrations

put_right = import_module("safety.migrations.0023_marriage_and_porn_rules_put_right")

SEEDED = "(cut|cuts|cutting|slit|slits|slitting|slash|slashing) (my|his|her|their|your) (own )?(wrists?|arms?|thighs?|skin)"
SINGULAR = (
    "(cut|cuts|cutting|slit|slits|slitting|slash|slashing) (my|his|her|their|your) (own )?(wrist|arm|thigh|skin)(?! (b"
    "and|strap|watch|cast|brace|cuff|sleeve|hair|tag|warmer|guard|rest|pit|care|chair))")
PLURAL = "(cut|cuts|cutting|slit|slits|slitting|slash|slashing) (my|his|her|their|your) (own )?(wrists|arms|thighs)"
CHANGES = [("self_harm", "pattern", SEEDED, SINGULAR)]


def forward(apps, schema_editor):
    rule = apps.get_model("safety", "Rule")
    seeded = rule.objects.filter(category_id="self_harm", kind="pattern", pattern=SEEDED, enabled=True).exists()
    put_right.replace(apps, schema_editor, changes=CHANGES)
    if seeded and not rule.objects.filter(category_id="self_harm", kind="pattern", pattern=PLURAL).exists():
        rule.objects.create(category_id="self_harm", kind="pattern", pattern=PLURAL)


def back(apps, schema_editor):
    rule = apps.get_model("safety", "Rule")
    if rule.objects.filter(category_id="self_harm", kind="pattern", pattern=SINGULAR, enabled=True).exists():
        rule.objects.filter(category_id="self_harm", kind="pattern", pattern=PLURAL, note="").delete()
    put_right.replace(apps, schema_editor, forward=False, changes=CHANGES)


class Migration(migrations.Migration):
    dependencies = [("safety", "0025_rules_batch_2026_12_07_acts")]

    operations = [migrations.RunPython(forward, back)]
