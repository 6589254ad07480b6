"""Sign-ups waiting for their e-mail verification (`User.verification_pending`).

Such an account holds nothing: its username is taken, but not its address. Several sign-ups may wait for one
address (the owner's, and others' made with it); only someone who reads the address's mail can open a link, and
the first verified takes the address (the unique constraint on active accounts), the others are deleted then
(`drop_other_signups`). So signing up with someone else's address can never lock them out of it. The retention
prune deletes sign-ups still unverified KINEMA_UNVERIFIED_ACCOUNT_TTL_S after they were made.
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


def drop_other_signups(user: User) -> int:
    """Delete the sign-ups still waiting for `user`'s address, once `user` has it (their links die with them)."""
    dropped = 0
    for pk in list(pending_signups().filter(email__iexact=user.email).exclude(pk=user.pk).values_list("pk", flat=True)):
        try:
            with transaction.atomic():
                dropped += 1 if pending_signups().filter(pk=pk).delete()[0] else 0
        except ProtectedError:  # something refers to it that must not go: staff should look at it
            log.warning("pending sign-up %s was not deleted: other records refer to it", pk)
    return dropped


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
