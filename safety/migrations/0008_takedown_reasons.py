"""Takedown reasons: a video removed for several reasons stays removed until each is lifted (safety/takedown.py).
The tables; 0009 gives existing takedowns their reasons (apart, so that the indexes this one defers are made
before those rows are written)."""

from __future__ import annotations

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('safety', '0007_video_cache_category_notify'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='TakedownReason',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('active', models.BooleanField(default=True)),
                ('source', models.CharField(choices=[('review', 'a reviewer'), ('kill_switch', "a protected person's kill switch")], max_length=16)),
                ('frames_of', models.CharField(blank=True, default='', help_text="The removed video whose frames this one carries (it extends it): restoring that video lifts this reason. Empty for a removal of the video's own.", max_length=40)),
                ('category', models.CharField(max_length=32)),
                ('reason', models.TextField()),
                ('removed_at', models.DateTimeField()),
                ('lifted_at', models.DateTimeField(blank=True, null=True)),
                ('case', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='safety.reviewcase')),
                ('person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='safety.protectedperson')),
                ('removed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('takedown', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reasons', to='safety.takedown')),
            ],
            options={
                'ordering': ['removed_at', 'id'],
            },
        ),
        migrations.AddField(
            model_name='takedownaction',
            name='cause',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.RESTRICT, related_name='actions', to='safety.takedownreason'),
        ),
        migrations.AddIndex(
            model_name='takedownreason',
            index=models.Index(condition=models.Q(('active', True), models.Q(('frames_of', ''), _negated=True)), fields=['frames_of'], name='takedown_reason_frames_of'),
        ),
        migrations.AddConstraint(
            model_name='takedownreason',
            constraint=models.UniqueConstraint(condition=models.Q(('active', True), ('frames_of', ''), ('source', 'review')), fields=('takedown',), name='takedown_reason_review_once'),
        ),
        migrations.AddConstraint(
            model_name='takedownreason',
            constraint=models.UniqueConstraint(condition=models.Q(('active', True), ('frames_of', ''), ('source', 'kill_switch')), fields=('takedown', 'person'), name='takedown_reason_switch_once'),
        ),
        migrations.AddConstraint(
            model_name='takedownreason',
            constraint=models.UniqueConstraint(condition=models.Q(('active', True), models.Q(('frames_of', ''), _negated=True)), fields=('takedown', 'frames_of'), name='takedown_reason_source_once'),
        ),
    ]
