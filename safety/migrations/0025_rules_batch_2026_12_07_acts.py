# Harm told by what happens, in shapes the act rules missed (a blade on one's wrists, one's old cuts opened again, a
# jump "to die", a pet set alight told passively, a person or an animal skinned alive, acid told by what it does to a
# face, people tied to posts or shot at as targets; safety/defaults.py, RULES_ADDED_13), added once to a policy seeded
# before them. A fresh database gets them from 0002's seeding; rules an operator deleted since are not added back.

from django.db import migrations


def add_batch(apps, schema_editor):
    from safety.defaults import BATCH_2026_12_07_ACTS, add_batch_once

    add_batch_once(apps, BATCH_2026_12_07_ACTS)


class Migration(migrations.Migration):
    dependencies = [("safety", "0024_rules_batch_2026_12_06_marriage")]

    operations = [migrations.RunPython(add_batch, migrations.RunPython.noop)]
