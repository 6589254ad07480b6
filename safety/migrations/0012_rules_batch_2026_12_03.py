# The rule batch of 2026-12-03 (the sexual abuse of a student or pupil is sexual content involving minors), added
# once to a policy seeded before it. A fresh database gets it from 0002's seeding; rules an operator deleted since
# are not added back.

from django.db import migrations


def add_batch(apps, schema_editor):
    from safety.defaults import BATCH_2026_12_03, add_batch_once

    add_batch_once(apps, BATCH_2026_12_03)


class Migration(migrations.Migration):
    dependencies = [("safety", "0011_reviewers_see_characters")]

    operations = [migrations.RunPython(add_batch, migrations.RunPython.noop)]
