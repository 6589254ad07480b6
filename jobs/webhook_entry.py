"""Dramatiq entry module of the webhook worker (`manage.py webhook_worker`): Django and the delivery
actor only, without the CPU stages' models (no torch), so the process is small and starts fast."""

from __future__ import annotations

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
django.setup()

from jobs import webhooks  # noqa: E402,F401 - declares deliver_webhook
from webapp.broker import broker  # noqa: E402,F401
