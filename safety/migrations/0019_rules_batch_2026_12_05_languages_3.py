# The minors rule's lexicons, a third pass over the smaller languages (safety/lexicons.py, the "_8" lists), added once
# to a policy seeded before them. A fresh database gets them from 0002's seeding; rules an operator deleted since are
# not added back.

from django.db import migrations


def add_batch(apps, schema_editor):
    from safety.defaults import BATCH_2026_12_05_LANGUAGES_3, add_batch_once

    add_batch_once(apps, BATCH_2026_12_05_LANGUAGES_3)


class Migration(migrations.Migration):
    dependencies = [("safety", "0018_rules_batch_2026_12_05_clothes_cruelty")]

    operations = [migrations.RunPython(add_batch, migrations.RunPython.noop)]
