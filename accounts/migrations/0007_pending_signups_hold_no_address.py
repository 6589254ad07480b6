"""Sign-ups waiting for their verification no longer hold their e-mail address: only active accounts do (at
most one per address, any case). Several sign-ups may wait for one address; the first verified wins and the
others are deleted (accounts/verification.py). Before, a pending sign-up held the address for 15 minutes, so
someone could keep an address's owner from signing up by signing up with it again every 15 minutes."""

import django.db.models.functions.text
from django.db import migrations, models
from django.db.models.functions import Lower


def keep_one_pending_per_address(apps, schema_editor):
    """Going back to 0006 (one holder per address, pending or active): drop the pending sign-ups that share an
    address with an active account or with a newer pending one (the newest pending one stays)."""
    User = apps.get_model("accounts", "User")
    pending = User.objects.filter(is_active=False, verification_pending=True).exclude(email="")
    active = set(User.objects.filter(is_active=True).exclude(email="").annotate(e=Lower("email"))
                 .values_list("e", flat=True))
    seen = set()
    for pk, email in pending.annotate(e=Lower("email")).order_by("-date_joined", "-pk").values_list("pk", "e"):
        if email in active or email in seen:
            User.objects.filter(pk=pk).delete()
        seen.add(email)
    # The deletes' deferred foreign-key checks run now: the constraint's index cannot be built with them pending.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0006_user_email_unique_ci'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='user',
            name='user_email_unique_ci',
        ),
        migrations.RunPython(migrations.RunPython.noop, keep_one_pending_per_address),
        migrations.AddConstraint(
            model_name='user',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('email'), condition=models.Q(('is_active', True), models.Q(('email', ''), _negated=True)), name='user_email_unique_ci', violation_error_message='An account with this e-mail address exists already.'),
        ),
        migrations.AlterField(
            model_name='user',
            name='verification_pending',
            field=models.BooleanField(default=False, help_text='Signed up and has not opened the verification link yet: inactive; deleted when another sign-up for the address is verified, or after KINEMA_UNVERIFIED_ACCOUNT_TTL_S.'),
        ),
    ]
