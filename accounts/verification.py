"""Sign-ups waiting for their e-mail verification (`User.verification_pending`).

Such an account holds nothing: neither its address nor its username. Several sign-ups may wait for one address (the
owner's, and others' made with it); only someone who reads the address's mail can open a link, and only the password
chosen at sign-up activates it (accounts/views.py `verify`: a stranger's sign-up with the owner's address stays
inactive whoever opens its link); the first verified takes the address (the unique constraint on active accounts),
the others are deleted then (`drop_other_signups`). So signing up with someone else's address can never lock them
out of it.

Several may also wait for one username: a pending account's own username is a placeholder, the wanted name
followed by PENDING_MARK and a random suffix (`placeholder_username`; the mark is a character Django's username
validator refuses, so no chosen name is ever a placeholder, and the wanted name is kept on the record with no
column of its own). The first verified takes the name (`take_username`); a later verification whose name was
taken meanwhile asks its person for another one (accounts/views.py `verify`). So nobody can squat a username by
signing up and never verifying. Only one may wait for a name and an address: another one there with another
password is refused (accounts/forms.py `SignupForm`; its link would reach the address's owner).

The retention prune deletes sign-ups still unverified KINEMA_UNVERIFIED_ACCOUNT_TTL_S after they were made.
"""

from __future__ import annotations

import logging
import re
import secrets
from datetime import datetime, timedelta
from enum import Enum

from django.conf import settings
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError, Q, QuerySet
from django.utils import timezone

from accounts.models import User

log = logging.getLogger(__name__)


# A pending sign-up's username: "<wanted>#<12 hex digits>". "#" is not in Django's username alphabet
# (UnicodeUsernameValidator: letters, digits and @.+-_), so a placeholder is never a name someone chose.
PENDING_MARK = "#"
_SUFFIX_BYTES = 6
USERNAME_MAX = User._meta.get_field("username").max_length or 150
# The longest name a sign-up may ask for: its placeholder must fit the username column.
WANTED_USERNAME_MAX = USERNAME_MAX - len(PENDING_MARK) - 2 * _SUFFIX_BYTES
# Verifications that take one name (any case) take this lock first (with hashtext(upper(name))): two at once for
# "Ann" and "ann" run one after the other, and the second sees the first's account. The unique index on the
# username only tells names of the same case apart. upper(), not lower(): the name is folded as Django's iexact
# (UPPER(a) = UPPER(b)) folds it when it looks for an account with it, and under a non-C locale the two differ
# ("ας" and "ασ", "ıvan" and "ivan" are equal upper-cased, not lower-cased). A unique index on upper(username)
# would hold without the lock, but needs a migration that existing names equal in upper case would break.
_USERNAME_LOCK = 0x6B61_7501
# Sign-ups for one name and one address (any case) take this lock while they are saved: the one a retry matches is
# the newest, and another password there is refused, also when both forms are sent at the same moment.
_SIGNUP_LOCK = 0x6B61_7502
_PLACEHOLDER = re.compile(rf"(.+){re.escape(PENDING_MARK)}[0-9a-f]{{{2 * _SUFFIX_BYTES}}}")


def pending_signups() -> QuerySet[User]:
    return User.objects.filter(verification_pending=True, is_active=False)


def placeholder_username(wanted: str) -> str:
    """The username a pending sign-up for `wanted` gets: unique, never one a person could choose, and
    `wanted_username` reads `wanted` back from it."""
    return f"{wanted}{PENDING_MARK}{secrets.token_hex(_SUFFIX_BYTES)}"


def wanted_username(user: User) -> str:
    """The username a sign-up asked for (its own username once verified; a sign-up made before placeholders
    existed holds its name itself)."""
    if user.verification_pending and PENDING_MARK in user.username:
        return user.username.rsplit(PENDING_MARK, 1)[0]
    return user.username


def is_placeholder(username: str) -> bool:
    """Whether `username` has a placeholder's form: a name Django's validator accepts, PENDING_MARK, 12 hex digits."""
    match = _PLACEHOLDER.fullmatch(username)
    if match is None or len(username) > USERNAME_MAX:
        return False
    try:
        UnicodeUsernameValidator()(match.group(1))
    except ValidationError:
        return False
    return True


def signups_wanting(username: str) -> QuerySet[User]:
    """The pending sign-ups that asked for `username` (any case)."""
    if not username or PENDING_MARK in username:
        return pending_signups().none()
    return pending_signups().filter(Q(username__istartswith=username + PENDING_MARK) | Q(username__iexact=username))


def newest_signup_for(username: str, email: str) -> User | None:
    """The newest pending sign-up that asked for `username` with `email` (both any case). Sign-ups refuse another
    one for the same name and address unless it is a retry of this one (accounts/forms.py), so there is one."""
    if not username or not email:
        return None
    return signups_wanting(username).filter(email__iexact=email).order_by("-date_joined", "-pk").first()


def lock_signups_for(username: str, email: str) -> None:
    """Hold the sign-ups for `username` and `email` (any case) until the caller's transaction ends."""
    with connection.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s, hashtext(upper(%s) || ' ' || upper(%s)))",
                    [_SIGNUP_LOCK, username, email])


def username_taken(username: str, *, other_than: User | None = None) -> bool:
    """Whether an account (active, or deactivated by staff) has `username`, whatever its case. Pending sign-ups
    have placeholders and hold no name (those made before placeholders existed got theirs in accounts 0010)."""
    taken = User.objects.filter(username__iexact=username)
    if other_than is not None:
        taken = taken.exclude(pk=other_than.pk)
    return taken.exists()


def address_taken(user: User) -> bool:
    """Whether another account that holds an address (an active one) has `user`'s."""
    return bool(user.email) and User.objects.filter(is_active=True, email__iexact=user.email).exclude(
        pk=user.pk).exists()


class Activation(Enum):
    DONE = "done"
    ADDRESS_TAKEN = "address taken"
    USERNAME_TAKEN = "username taken"


def take_username(user: User, username: str) -> Activation:
    """Activate the pending sign-up `user` (its row locked by the caller, inside the caller's transaction) as
    `username`, if neither the name (any case) nor the address is an active account's meanwhile. Concurrent
    calls for one name run one after the other (an advisory lock until the caller commits): exactly one gets
    it, the others are told USERNAME_TAKEN, none fails. On anything but DONE the row is unchanged."""
    with connection.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s, hashtext(upper(%s)))", [_USERNAME_LOCK, username])
    if address_taken(user):
        return Activation.ADDRESS_TAKEN
    if username_taken(username, other_than=user):
        return Activation.USERNAME_TAKEN
    before = user.username, user.is_active, user.verification_pending
    user.username, user.is_active, user.verification_pending = username, True, False
    try:
        with transaction.atomic():
            user.save(update_fields=["username", "is_active", "verification_pending"])
    except IntegrityError:  # an account made outside sign-up (the admin, a command) took either meanwhile
        user.username, user.is_active, user.verification_pending = before
        return Activation.ADDRESS_TAKEN if address_taken(user) else Activation.USERNAME_TAKEN
    return Activation.DONE


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
