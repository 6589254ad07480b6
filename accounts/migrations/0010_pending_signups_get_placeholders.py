"""Sign-ups made before pending accounts got placeholder usernames (accounts/verification.py) still hold the name
they asked for: until their link is opened or the prune deletes them (KINEMA_UNVERIFIED_ACCOUNT_TTL_S), nobody else
could sign up with it. Each gets its placeholder now ("<name>#<12 hex digits>"; `wanted_username` reads the name
back, and verifying the link takes it if it is still free), so it holds no name, as every later sign-up. A name too
long for its placeholder to fit the column stays as it is (none can be made so since the form bounds it)."""

import secrets

from django.db import migrations

PENDING_MARK = "#"  # accounts.verification.PENDING_MARK, copied: a migration keeps the value it was written with
SUFFIX_BYTES = 6


def give_placeholders(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    longest = User._meta.get_field("username").max_length - len(PENDING_MARK) - 2 * SUFFIX_BYTES
    pending = User.objects.filter(verification_pending=True, is_active=False).exclude(username__contains=PENDING_MARK)
    for user in pending.only("pk", "username"):
        if len(user.username) <= longest:
            User.objects.filter(pk=user.pk).update(
                username=f"{user.username}{PENDING_MARK}{secrets.token_hex(SUFFIX_BYTES)}")


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0009_verification_pending_help_text'),
    ]

    operations = [
        # Backwards: nothing to undo (the code reads a placeholder and a plain pending name alike).
        migrations.RunPython(give_placeholders, migrations.RunPython.noop),
    ]
