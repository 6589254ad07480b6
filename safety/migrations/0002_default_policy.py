from django.db import migrations


def seed(apps, schema_editor):
    from safety.defaults import ensure_default_policy

    ensure_default_policy(apps)


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_policy")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
