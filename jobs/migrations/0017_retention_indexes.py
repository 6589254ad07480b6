# Indexes for the retention prune of notifications and webhook events (jobs/retention.py). Built concurrently:
# both tables take an insert for every finished video, and a plain CREATE INDEX would hold those writes.
# A concurrent build that is interrupted leaves an invalid index behind, and running the migration again then fails
# with "already exists": drop it first (DROP INDEX CONCURRENTLY IF EXISTS notification_created;
# DROP INDEX CONCURRENTLY IF EXISTS webhook_event_created;), then migrate again.

from django.conf import settings
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ('jobs', '0016_drop_unread_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        AddIndexConcurrently(
            model_name='notification',
            index=models.Index(fields=['created_at'], name='notification_created'),
        ),
        AddIndexConcurrently(
            model_name='webhookevent',
            index=models.Index(fields=['created_at'], name='webhook_event_created'),
        ),
    ]
