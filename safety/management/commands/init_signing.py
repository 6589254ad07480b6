from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from safety.provenance import create_local_ca, signing_paths


class Command(BaseCommand):
    help = ("Create a local CA and a C2PA signing certificate (ES256, emailProtection EKU) under "
            "KINEMA_SIGNING_DIR (var/signing). Kept if present unless --force; not used when settings name "
            "real certificates (KINEMA_C2PA_CERT / KINEMA_C2PA_KEY).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Replace an existing local CA.")

    def handle(self, *args: object, force: bool = False, **options: object) -> None:
        directory = Path(settings.KINEMA_SIGNING_DIR)
        paths = signing_paths()
        if paths.cert_chain.parent != directory:
            self.stdout.write(f"Signing with configured certificates ({paths.cert_chain}); nothing to create.")
            return
        if paths.cert_chain.exists() and paths.key.exists() and not force:
            self.stdout.write(f"Signing certificate present in {directory}.")
            return
        made = create_local_ca(directory)
        self.stdout.write(f"Created a local CA ({made.trust_anchor}) and signing certificate ({made.cert_chain}).")
