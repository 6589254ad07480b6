"""Dramatiq entry module of a CPU worker: `dramatiq webapp.cpu_entry -Q screening finalize`."""

from __future__ import annotations

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
django.setup()

import torch  # noqa: E402
from django.conf import settings  # noqa: E402

torch.set_num_threads(settings.KINEMA_TORCH_THREADS)  # the prompt-embedding model; ONNX/dlib are set in safety

from jobs import moderation, rescreen, tasks  # noqa: E402,F401 - the CPU actors (moderation: URLs after a takedown; rescreen: after policy changes)
from jobs.outcomes import email  # noqa: E402,F401 - declares send_email (mails to users)
from webapp.broker import broker  # noqa: E402,F401
