"""Sign-ups waiting for their e-mail verification (`User.verification_pending`).

Such an account holds its address (the unique constraint on active and pending accounts), but only for a
while: a new sign-up for the address replaces it once it is KINEMA_SIGNUP_REPLACE_AFTER_S old (so signing up
with someone else's address cannot lock them out of it, while a real owner has that long to open their
link undisturbed), and the retention prune deletes it once it is KINEMA_UNVERIFIED_ACCOUNT_TTL_S old.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError, QuerySet
from django.utils import timezone

from accounts.models import User

log = logging.getLogger(__name__)


def pending_signups() -> QuerySet[User]:
    return User.objects.filter(verification_pending=True, is_active=False)


def replaceable_from(pending: User) -> datetime:
    """When a new sign-up for the address may replace this pending one."""
    return pending.date_joined + timedelta(seconds=settings.KINEMA_SIGNUP_REPLACE_AFTER_S)


def replaceable_signups(now: datetime | None = None) -> QuerySet[User]:
    now = now or timezone.now()
    return pending_signups().filter(
        date_joined__lte=now - timedelta(seconds=settings.KINEMA_SIGNUP_REPLACE_AFTER_S))


def delete_unverified(now: datetime | None = None, limit: int = 1000) -> int:
    """Delete the sign-ups still unverified KINEMA_UNVERIFIED_ACCOUNT_TTL_S after they were made (their
    verification links expired long before: PASSWORD_RESET_TIMEOUT). Returns how many were deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.KINEMA_UNVERIFIED_ACCOUNT_TTL_S)
    stale = pending_signups().filter(date_joined__lt=cutoff)
    deleted = 0
    for pk in list(stale.order_by("date_joined").values_list("pk", flat=True)[:limit]):
        try:
            with transaction.atomic():
                # Checked again: verified meanwhile, it stays.
                deleted += 1 if stale.filter(pk=pk).delete()[0] else 0
        except ProtectedError:  # something refers to it that must not go: staff should look at it
            log.warning("unverified account %s was not deleted: other records refer to it", pk)
    return deleted
