# GpuWorker's model state now lives in jobs (jobs/migrations/0007): drop it from this app's state
# only; the table and its rows stay where they are.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('gpu_worker', '0001_initial'),
        ('jobs', '0007_gpuworker_moved_here'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='GpuWorker')],
            database_operations=[],
        ),
    ]
