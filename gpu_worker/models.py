from __future__ import annotations

from django.db import models
from django.utils import timezone


class GpuWorker(models.Model):
    """A GPU worker process as it registered itself. The dispatcher reads free slots from here."""

    name = models.CharField(max_length=100, unique=True)
    queue_name = models.CharField(max_length=120)
    gpu_class = models.CharField(max_length=40)
    memory_mb = models.PositiveIntegerField(default=0)
    model = models.CharField(max_length=200)
    slots = models.PositiveSmallIntegerField(default=1)
    pid = models.PositiveIntegerField(default=0)
    host = models.CharField(max_length=200, blank=True, default="")
    started_at = models.DateTimeField(default=timezone.now)
    last_heartbeat = models.DateTimeField(default=timezone.now)
    stopped_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.gpu_class})"
