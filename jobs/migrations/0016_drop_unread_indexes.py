"""Indexes nothing reads, dropped (issue 17, docs/benchmarks.md "Fourth pass: submission"): every submission
inserts a job and its first event, and each index is one more entry written (and WAL) per row.

- `jobs_job.user_id`: job_user_id (user, -id) and job_user_created (user, created_at) lead with the user and
  serve every lookup by user;
- the `varchar_pattern_ops` twins Django makes for prefix LIKE queries on `jobs_job.id`,
  `jobs_job.remixed_from_id` and `jobs_jobevent.job_id`: no such query is made (ids are matched whole; the
  admin's `=id` search is an exact match). The plain indexes stay.
"""

from __future__ import annotations

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

LIKE_INDEXES = (
    ("jobs_job_id_e5bc7a75_like", "jobs_job", "id"),
    ("jobs_job_remixed_from_id_3904da31_like", "jobs_job", "remixed_from_id"),
    ("jobs_jobevent_job_id_79067df7_like", "jobs_jobevent", "job_id"),
)


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0015_video_cache_notify"),
    ]

    operations = [
        # The model's state changes; in the database only the index goes (AlterField would drop and re-add the
        # foreign key, re-validating every row under an exclusive lock).
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AlterField(
                model_name="job",
                name="user",
                field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE,
                                        related_name="jobs", to=settings.AUTH_USER_MODEL),
            )],
            database_operations=[migrations.RunSQL(
                'DROP INDEX IF EXISTS "jobs_job_user_id_093659ab"',
                reverse_sql='CREATE INDEX IF NOT EXISTS "jobs_job_user_id_093659ab" ON "jobs_job" ("user_id")',
            )],
        ),
        *(migrations.RunSQL(f'DROP INDEX IF EXISTS "{name}"',
                            reverse_sql=f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("{column}" varchar_pattern_ops)')
          for name, table, column in LIKE_INDEXES),
    ]
