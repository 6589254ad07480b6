from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from gpu_worker.tiny_model import (
    hd_path_beside,
    ltx2_path_beside,
    save_tiny_ltx2_model,
    save_tiny_model,
    save_tiny_vace_model,
    vace_path_beside,
)


def _build_and_swap(target: Path, save: Callable[[Path], Path]) -> None:
    """Build beside the target and swap in, so a half-written model is never loaded."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=".tiny-"))
    save(tmp)
    if target.exists():
        shutil.rmtree(target)
    tmp.rename(target)


class Command(BaseCommand):
    help = ("Build the tiny random-weight Wan pipelines (offline, seconds): text-to-video under "
            "var/models/tiny-wan, VACE (reference images, extension, masked edit) beside it, tiny-wan-vace, and a "
            "second text-to-video build with other weights, tiny-wan-hd (the catalog's stand-in for 720p), and an "
            "audio+video LTX-2 build, tiny-wan-ltx2.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", default=str(settings.VAR_DIR / "models" / "tiny-wan"))
        parser.add_argument("--vace-output", default="", help="Default: the --output folder's name + '-vace'.")

    def handle(self, *args: Any, output: str, vace_output: str, **options: Any) -> None:
        target = Path(output)
        vace_target = Path(vace_output) if vace_output else vace_path_beside(target)
        _build_and_swap(target, save_tiny_model)
        _build_and_swap(vace_target, save_tiny_vace_model)
        _build_and_swap(hd_path_beside(target), lambda path: save_tiny_model(path, seed=1))
        _build_and_swap(ltx2_path_beside(target), save_tiny_ltx2_model)
        self.stdout.write(f"tiny models saved to {target}, {vace_target}, {hd_path_beside(target)} and "
                          f"{ltx2_path_beside(target)}")
