# The deployment's configured model as the first catalog entry (and, on the tiny development setup, a
# second tiny build), so requests that worked before the catalog keep working.

from django.db import migrations


def seed(apps, schema_editor):
    from jobs.catalog import ensure_catalog

    ensure_catalog(apps.get_model("jobs", "CatalogModel"), apps.get_model("jobs", "ModelVersion"))


class Migration(migrations.Migration):

    dependencies = [
        ("jobs", "0011_model_catalog"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
