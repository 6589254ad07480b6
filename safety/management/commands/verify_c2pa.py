from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safety.provenance import verify_mp4


class Command(BaseCommand):
    help = "Validate an MP4's C2PA content credentials; print the validation state and the active manifest."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--trust-anchor", type=Path, default=None,
                            help="Root CA (PEM) to trust; default: the configured one (var/signing/root-ca.pem).")

    def handle(self, *args: object, file: Path, trust_anchor: Path | None = None, **options: object) -> None:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror}") from None
        result = verify_mp4(data, trust_anchor)
        self.stdout.write(f"validation state: {result.state}")
        for error in result.errors:
            self.stdout.write(f"  failure: {error}")
        if result.manifest is not None:
            self.stdout.write(json.dumps(result.manifest, indent=2))
        if not result.ok:
            raise CommandError(f"{file} is not validly signed ({result.state})")
