"""Existing installs: the `reviewers` group gets view and change on characters (jobs.Character), which the characters
console needs (safety/permissions.py OTHER_GRANTS; new installs get them from ensure_reviewer_group). A group or
permission not there yet (a fresh database: permissions are made after migrating) is skipped."""

from __future__ import annotations

from django.db import migrations


def grant(apps, schema_editor) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="reviewers").first()
    if group is None:
        return
    group.permissions.add(*Permission.objects.filter(content_type__app_label="jobs", content_type__model="character",
                                                     codename__in=["view_character", "change_character"]))


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0010_sexual_exemplar_without_video"),
        ("jobs", "0017_retention_indexes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
