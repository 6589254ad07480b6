from django.db import migrations


def add_missing(apps, schema_editor):
    from safety.defaults import add_rules_added

    add_rules_added(apps)


class Migration(migrations.Migration):
    dependencies = [("safety", "0002_default_policy")]

    operations = [migrations.RunPython(add_missing, migrations.RunPython.noop)]
