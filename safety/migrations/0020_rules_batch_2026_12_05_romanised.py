# The minors rule's lexicons in romanised writing (safety/lexicons.py, the "_9" lists: Hinglish, Roman Urdu, Arabizi,
# transliterated Russian and Ukrainian, romaji, pinyin...), added once to a policy seeded before them. A fresh
# database gets them from 0002's seeding; rules an operator deleted since are not added back.

from django.db import migrations


def add_batch(apps, schema_editor):
    from safety.defaults import BATCH_2026_12_05_ROMANISED, add_batch_once

    add_batch_once(apps, BATCH_2026_12_05_ROMANISED)


class Migration(migrations.Migration):
    dependencies = [("safety", "0019_rules_batch_2026_12_05_languages_3")]

    operations = [migrations.RunPython(add_batch, migrations.RunPython.noop)]
