"""The demo logins `make run` creates: a creator and a reviewer, with passwords generated per install.

The passwords live in var/demo-logins (mode 0600) and are reused on every later run, so the printed
logins keep working; a fixed password would hand the moderation console to anyone who can reach the
port. A password is (re)set when its account is created or when the file first gets it, which also
moves an install from the old fixed demo password to a generated one."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.management.base import BaseCommand

from accounts.credits import balance, grant_credits
from accounts.models import User
from jobs.catalog import ensure_audio_video_model
from safety.permissions import ensure_reviewer_group
from webapp.stack import write_private_env_file

DEMO_USERS = ("demo", "reviewer")


def demo_logins_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-logins"


def read_demo_logins(path: Path) -> dict[str, str]:
    try:
        lines = path.read_text().splitlines()
    except FileNotFoundError:
        return {}
    return {name: password for name, _, password in (line.partition("=") for line in lines) if name and password}


class Command(BaseCommand):
    help = "Create (once) the demo creator and the reviewer with per-install passwords, and print their logins."

    def handle(self, **options) -> None:
        path = demo_logins_file()
        logins = read_demo_logins(path)
        new = {name: secrets.token_urlsafe(12) for name in DEMO_USERS if name not in logins}
        if new:
            logins.update(new)
            write_private_env_file(path, logins)

        creator, created = User.objects.get_or_create(username="demo", defaults={"tier_id": "plus"})
        if created or "demo" in new:
            self._set_password(creator, logins["demo"])
        if balance(creator) < 100:
            grant_credits(creator, 1000, note="demo top-up")
        reviewer, created = User.objects.get_or_create(username="reviewer", defaults={"is_staff": True})
        if created or "reviewer" in new:
            self._set_password(reviewer, logins["reviewer"])
        reviewer.groups.add(ensure_reviewer_group())
        # The studio's model picker then offers a model with sound (the tiny LTX-2) beside the two tiny Wan ones.
        if ensure_audio_video_model():
            self.stdout.write("  catalog: registered the audio+video model (tiny LTX-2)")
        self.stdout.write(f"  creator login:  demo / {logins['demo']}")
        self.stdout.write(f"  reviewer login: reviewer / {logins['reviewer']}  (admin at /admin/)")
        self.stdout.write(f"  (generated for this install, kept in {path})")

    @staticmethod
    def _set_password(user: User, password: str) -> None:
        validate_password(password, user)  # the same validators as every other password
        user.set_password(password)
        user.save()
