# English ways of stating a child's age or body ("she's 12 and ...", "looks like she's 12", puberty not reached, a first
# period not had, dolls still played with; safety/defaults.py, MINOR_TERMS_ADDED_11), added once to a policy seeded
# before them. A fresh database gets them from 0002's seeding; rules an operator deleted since are not added back.

from django.db import migrations


def add_batch(apps, schema_editor):
    from safety.defaults import BATCH_2026_12_06_AGES, add_batch_once

    add_batch_once(apps, BATCH_2026_12_06_AGES)


class Migration(migrations.Migration):
    dependencies = [("safety", "0020_rules_batch_2026_12_05_romanised")]

    operations = [migrations.RunPython(add_batch, migrations.RunPython.noop)]
