# The minors rule's "no clothes" with no one's before it and two animal-cruelty rules (safety/defaults.py, the "_8"
# lists), added once to a policy seeded before them. A fresh database gets them from 0002's seeding; a rule an
# operator deleted since is not added back.

from django.db import migrations


def add_batch(apps, schema_editor):
    from safety.defaults import BATCH_2026_12_05_CLOTHES, add_batch_once

    add_batch_once(apps, BATCH_2026_12_05_CLOTHES)


class Migration(migrations.Migration):
    dependencies = [("safety", "0017_rules_batch_2026_12_05_languages_2")]

    operations = [migrations.RunPython(add_batch, migrations.RunPython.noop)]
