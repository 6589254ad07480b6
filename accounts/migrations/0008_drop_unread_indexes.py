"""Indexes nothing reads, dropped (issue 17, docs/benchmarks.md "Fourth pass: submission"): every submission's hold
updates a credit lot and inserts a ledger entry, and each index is one more entry written (and WAL) per row.

- `accounts_creditlot.user_id` and `accounts_ledgerentry.user_id`: the (user, expires_at) and (user, created_at)
  indexes lead with the user and serve every lookup by user (the hold reads the lots by user and expiry);
- `accounts_ledgerentry.job_id`'s `varchar_pattern_ops` twin, made by Django for prefix LIKE queries: none is
  made (the admin's search is a case-insensitive contains, which no btree serves). The plain job_id index stays.
"""

from __future__ import annotations

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_pending_signups_hold_no_address"),
    ]

    operations = [
        # The models' state changes; in the database only the indexes go (AlterField would drop and re-add the
        # foreign keys, re-validating every row under an exclusive lock).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="creditlot",
                    name="user",
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE,
                                            related_name="credit_lots", to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name="ledgerentry",
                    name="user",
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE,
                                            related_name="ledger", to=settings.AUTH_USER_MODEL),
                ),
            ],
            database_operations=[
                migrations.RunSQL(f'DROP INDEX IF EXISTS "{name}"',
                                  reverse_sql=f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("user_id")')
                for name, table in (("accounts_creditlot_user_id_770c9031", "accounts_creditlot"),
                                    ("accounts_ledgerentry_user_id_17f02ddb", "accounts_ledgerentry"))
            ],
        ),
        migrations.RunSQL(
            'DROP INDEX IF EXISTS "accounts_ledgerentry_job_id_643ab176_like"',
            reverse_sql='CREATE INDEX IF NOT EXISTS "accounts_ledgerentry_job_id_643ab176_like" '
                        'ON "accounts_ledgerentry" ("job_id" varchar_pattern_ops)',
        ),
    ]
