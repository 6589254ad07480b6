# English rules that refuse harm described by what happens (safety/act_rules.py), added once to a policy seeded
# before them. A fresh database gets them from 0002's seeding; rules an operator deleted since are not added back.

from django.db import migrations


def add_batch(apps, schema_editor):
    from safety.defaults import BATCH_2026_12_04_ACTS, add_batch_once

    add_batch_once(apps, BATCH_2026_12_04_ACTS)


class Migration(migrations.Migration):
    dependencies = [("safety", "0014_rules_batch_2026_12_04_languages")]

    operations = [migrations.RunPython(add_batch, migrations.RunPython.noop)]
