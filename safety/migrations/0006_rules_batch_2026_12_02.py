# The rule and combination-term batch of 2026-12-02 (school years and forms, ages in every written form,
# child words and sexual contexts in Spanish, French, German, Portuguese and Italian, and per-language
# violence, self-harm, weapons and hate phrases), added once to a policy seeded before it. A fresh
# database gets it from 0002's seeding; rules an operator deleted since are not added back.

from django.db import migrations


def add_batch(apps, schema_editor):
    from safety.defaults import BATCH_2026_12_02, add_batch_once

    add_batch_once(apps, BATCH_2026_12_02)


class Migration(migrations.Migration):
    dependencies = [("safety", "0005_derived_cases_rescreen_errors")]

    operations = [migrations.RunPython(add_batch, migrations.RunPython.noop)]
