"""Sign-ups waiting for their verification get a flag of their own (before, they were only inactive, like an
account staff deactivated), and every e-mail address is held by at most one account: 0006 adds the
case-insensitive unique constraint over active accounts and pending sign-ups. This one makes the data fit it.

1. Pending: inactive accounts that never logged in (opening the verification link logs in), are not staff,
   hold no API key and no ledger entry (staff-made or deactivated accounts have one of those), and joined
   recently enough for their verification link to still work (PASSWORD_RESET_TIMEOUT) are flagged. Older
   ones are left as they are: the retention prune deletes flagged sign-ups, and an account an operator
   made inactive long ago must not be taken for one.
2. Duplicates: where several accounts that hold an address share it (any case), the first keeps it: active
   before pending, then the earliest joined, then the lowest id. The others' e-mail is emptied (each is
   printed): an active one keeps its account and logs in by username (staff can set a new address); a
   pending one is deleted by the retention prune later.
"""

from datetime import timedelta

from django.conf import settings
from django.db import migrations, models
from django.db.models.functions import Lower
from django.utils import timezone


def flag_pending_and_resolve_duplicates(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    ApiKey = apps.get_model("accounts", "ApiKey")
    LedgerEntry = apps.get_model("accounts", "LedgerEntry")
    recent = timezone.now() - timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    (User.objects.filter(is_active=False, last_login__isnull=True, is_staff=False, is_superuser=False,
                         date_joined__gte=recent)
     .exclude(pk__in=ApiKey.objects.values("user_id")).exclude(pk__in=LedgerEntry.objects.values("user_id"))
     .update(verification_pending=True))
    holders = (User.objects.filter(models.Q(is_active=True) | models.Q(verification_pending=True))
               .exclude(email="").annotate(address=Lower("email"))
               .order_by("address", "-is_active", "date_joined", "pk"))
    kept = None
    for user in holders.iterator():
        if user.address != kept:
            kept = user.address
            continue
        print(f"\n  accounts: user {user.pk} ({user.username}) shared the e-mail address of an earlier account; "
              "it was emptied", end="")
        User.objects.filter(pk=user.pk).update(email="")


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_signup_invites_email'),
    ]

    operations = [
        migrations.AddField(
            model_name='user',
            name='verification_pending',
            field=models.BooleanField(default=False, help_text='Signed up and has not opened the verification link yet: inactive, replaced by a new sign-up for the address after KINEMA_SIGNUP_REPLACE_AFTER_S, deleted after KINEMA_UNVERIFIED_ACCOUNT_TTL_S.'),
        ),
        migrations.RunPython(flag_pending_and_resolve_duplicates, migrations.RunPython.noop),
    ]
