# Consented likenesses (POST /v1/videos/characters).

import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import jobs.models


class Migration(migrations.Migration):

    dependencies = [
        ('jobs', '0009_worker_service_gpu_seconds_webhook_url'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Character',
            fields=[
                ('id', models.CharField(default=jobs.models.new_character_id, editable=False, max_length=40, primary_key=True, serialize=False)),
                ('name', models.CharField(max_length=80)),
                ('reference_key', models.CharField(help_text='Storage key of the likeness image (PNG).', max_length=300)),
                ('face_embedding', models.JSONField(blank=True, default=list, help_text='128-d face descriptor of the likeness.')),
                ('consent', models.CharField(help_text='How the likeness was consented to, as recorded at creation.', max_length=200)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('deleted_at', models.DateTimeField(blank=True, null=True)),
                ('source_video', models.ForeignKey(blank=True, help_text="The user's own video it was made from (empty for an upload).", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='jobs.job')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='characters', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('name'), models.F('user'), condition=models.Q(('deleted_at__isnull', True)), name='character_name_per_user')],
            },
        ),
    ]
