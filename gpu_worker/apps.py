from django.apps import AppConfig


class GpuWorkerConfig(AppConfig):
    name = "gpu_worker"
    default_auto_field = "django.db.models.BigAutoField"
