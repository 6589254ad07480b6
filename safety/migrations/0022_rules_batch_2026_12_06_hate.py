# Hate described by what happens, in two shapes the act rules missed (a genocide celebrated as a noun, an attack on a
# place of worship urged; safety/defaults.py, RULES_ADDED_11), added once to a policy seeded before them. A fresh
# database gets them from 0002's seeding; rules an operator deleted since are not added back.

from django.db import migrations


def add_batch(apps, schema_editor):
    from safety.defaults import BATCH_2026_12_06_HATE, add_batch_once

    add_batch_once(apps, BATCH_2026_12_06_HATE)


class Migration(migrations.Migration):
    dependencies = [("safety", "0021_rules_batch_2026_12_06_ages")]

    operations = [migrations.RunPython(add_batch, migrations.RunPython.noop)]
