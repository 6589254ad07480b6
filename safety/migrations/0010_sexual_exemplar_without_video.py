# The sexual exemplar "adult video of a couple in intimate positions" matched everyday prompts by their framing:
# "a wedding video of a couple dancing" (cosine 0.72) and "a vlog video of a couple moving into their new flat"
# (0.69) were over the category's 0.52 threshold and refused, as were parents' "a video of my daughter at her
# birthday party" (0.47, within the margin a prompt naming a child is allowed). It is replaced by the same scene
# without the medium word (0.35 and 0.44 on those two; 0.69 on an explicit one), where it is still as seeded:
# an exemplar an operator edited or deleted is left alone. `updated_at` moves, so running processes see a new policy.

from django.db import migrations
from django.utils import timezone

OLD = "adult video of a couple in intimate positions"
NEW = "a couple in explicit intimate positions, nothing left covered"


def replace(apps, schema_editor, old=OLD, new=NEW):
    exemplar = apps.get_model("safety", "Exemplar")
    if not exemplar.objects.filter(category_id="sexual", text=new).exists():
        exemplar.objects.filter(category_id="sexual", text=old).update(text=new, updated_at=timezone.now())


def back(apps, schema_editor):
    replace(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [("safety", "0009_takedown_reasons_data")]

    operations = [migrations.RunPython(replace, back)]
