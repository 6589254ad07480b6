from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from gpu_worker.tiny_model import save_tiny_model


class Command(BaseCommand):
    help = "Build the tiny random-weight WanPipeline under var/models/tiny-wan (offline, seconds)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", default=str(settings.VAR_DIR / "models" / "tiny-wan"))

    def handle(self, output: str, **options) -> None:
        target = Path(output)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Build beside the target and swap in, so a half-written model is never loaded.
        tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=".tiny-"))
        save_tiny_model(tmp)
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
        self.stdout.write(f"tiny model saved to {target}")
