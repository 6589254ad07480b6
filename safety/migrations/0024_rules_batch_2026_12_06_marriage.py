# A marriage's sexual side as sexual words of the minors rule (the consummation, a first night with a husband, the
# wedding night in six languages, marital duties; safety/defaults.py, SEXUAL_TERMS_ADDED_12), added once to a policy
# seeded before them. A fresh database gets them from 0002's seeding; rules an operator deleted since are not added
# back.

from django.db import migrations


def add_batch(apps, schema_editor):
    from safety.defaults import BATCH_2026_12_06_MARRIAGE, add_batch_once

    add_batch_once(apps, BATCH_2026_12_06_MARRIAGE)


class Migration(migrations.Migration):
    dependencies = [("safety", "0023_marriage_and_porn_rules_put_right")]

    operations = [migrations.RunPython(add_batch, migrations.RunPython.noop)]
