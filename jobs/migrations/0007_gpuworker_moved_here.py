# The fleet registry (GpuWorker) moved from the gpu_worker app to jobs: the dispatcher owns it, and
# jobs must not import the GPU worker's package. Only Django's model state moves; the table keeps its
# name (gpu_worker_gpuworker) and its rows, and Job.worker keeps pointing at it.

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('jobs', '0006_webhook_attempt_outcome'),
        ('gpu_worker', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='GpuWorker',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True)),
                        ('queue_name', models.CharField(max_length=120)),
                        ('gpu_class', models.CharField(max_length=40)),
                        ('memory_mb', models.PositiveIntegerField(default=0)),
                        ('model', models.CharField(max_length=200)),
                        ('slots', models.PositiveSmallIntegerField(default=1)),
                        ('pid', models.PositiveIntegerField(default=0)),
                        ('host', models.CharField(blank=True, default='', max_length=200)),
                        ('started_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('last_heartbeat', models.DateTimeField(default=django.utils.timezone.now)),
                        ('stopped_at', models.DateTimeField(blank=True, null=True)),
                    ],
                    options={'db_table': 'gpu_worker_gpuworker'},
                ),
                migrations.AlterField(
                    model_name='job',
                    name='worker',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='jobs', to='jobs.gpuworker'),
                ),
            ],
            database_operations=[],
        ),
    ]
