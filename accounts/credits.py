"""The credit ledger: lots that expire, holds at submission, capture on success, release otherwise.

Money moves only here. Every change to a lot's `remaining` is paired with an immutable LedgerEntry:

    grant  +a   credits arrive in a new lot
    hold   -h   submission takes the job's estimated cost out of lots (earliest expiry first)
    release +r  a job that failed/was blocked/cancelled (or cost less) gives its hold back to those lots
    expire -e   a lot's unheld remainder vanishes after its expiry
    capture c   a succeeded job is charged c <= its hold (no lot change: the credits left at hold time)

so for every user:  grants - captures - expired == sum(lot.remaining) + outstanding holds.
A lot that expires while a job runs still pays for that job: the hold already took the credits.
Settlement happens in the same transaction as the job's terminal transition (jobs.lifecycle), which
happens once, so a job is charged at most once whatever retries, duplicates and races occur.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from accounts.models import CreditLot, LedgerEntry, User

K = LedgerEntry.Kind


class InsufficientCredits(Exception):
    def __init__(self, needed: int, available: int) -> None:
        super().__init__(f"needs {needed} credits, {available} available")
        self.needed = needed
        self.available = available


@transaction.atomic
def grant_credits(user: User, amount: int, *, source: str = CreditLot.Source.ADMIN,
                  expires_at: datetime | None = None, note: str = "") -> CreditLot:
    if amount <= 0:
        raise ValueError("a grant must be positive")
    lot = CreditLot.objects.create(user=user, source=source, amount=amount, remaining=amount, expires_at=expires_at)
    LedgerEntry.objects.create(user=user, lot=lot, kind=K.GRANT, amount=amount, note=note)
    return lot


def grant_monthly_credits(now: datetime, *, expires_at: datetime) -> int:
    """The tier's monthly grant for every active user who has not had this month's yet."""
    period = f"monthly:{now:%Y-%m}"
    granted = 0
    for user in User.objects.filter(is_active=True, tier__monthly_credits__gt=0).select_related("tier"):
        with transaction.atomic():
            User.objects.select_for_update().filter(pk=user.pk).first()  # one grant per user, even run twice at once
            if LedgerEntry.objects.filter(user=user, kind=K.GRANT, note=period).exists():
                continue
            grant_credits(user, user.tier.monthly_credits, source=CreditLot.Source.MONTHLY, expires_at=expires_at,
                          note=period)
            granted += 1
    return granted


def _unexpired(now: datetime) -> Q:
    return Q(expires_at__isnull=True) | Q(expires_at__gt=now)


def balance(user: User | int) -> int:
    """Spendable credits: what is left in lots that have not expired."""
    total = (CreditLot.objects.filter(user=user, remaining__gt=0).filter(_unexpired(timezone.now()))
             .aggregate(s=Sum("remaining"))["s"])
    return int(total or 0)


def _sum(user: User | int, *kinds: str, job_id: str | None = None) -> int:
    qs = LedgerEntry.objects.filter(user=user, kind__in=kinds)
    if job_id is not None:
        qs = qs.filter(job_id=job_id)
    return int(qs.aggregate(s=Sum("amount"))["s"] or 0)


def outstanding_holds(user: User | int, job_id: str | None = None) -> int:
    return _sum(user, K.HOLD, job_id=job_id) - _sum(user, K.RELEASE, job_id=job_id) - _sum(user, K.CAPTURE,
                                                                                              job_id=job_id)


# The hold in one statement: the user's spendable lots in their order (earliest expiry first, then id), what
# each gives (all of it until the last, which gives the rest), those lots decremented and a ledger entry per
# lot, only when the lots cover the amount; it returns the spendable total and what each lot gave. A lot a
# concurrent transaction changed meanwhile is re-read by the UPDATE (PostgreSQL re-checks its WHERE on the
# committed row): a release only adds, so it still gives its part; one that expired or was spent gives
# nothing, the sum falls short and the caller rolls back. So a hold never overdraws, whatever runs at once.
_HOLD_SQL = """
WITH lots AS (
    SELECT id, remaining, expires_at,
           sum(remaining) OVER (ORDER BY expires_at ASC NULLS LAST, id) - remaining AS before
    FROM "accounts_creditlot"
    WHERE user_id = %(user_id)s AND remaining > 0 AND (expires_at IS NULL OR expires_at > %(now)s)
), available AS (
    SELECT coalesce(sum(remaining), 0) AS total FROM lots
), takes AS (
    SELECT lots.id, least(lots.remaining, %(amount)s - lots.before) AS take, lots.before
    FROM lots, available
    WHERE lots.before < %(amount)s AND available.total >= %(amount)s
), taken AS (
    UPDATE "accounts_creditlot" lot SET remaining = lot.remaining - takes.take
    FROM takes WHERE lot.id = takes.id AND lot.remaining >= takes.take
    RETURNING lot.id, takes.take, takes.before
), entries AS (
    INSERT INTO "accounts_ledgerentry" (user_id, lot_id, job_id, kind, amount, note, created_at)
    SELECT %(user_id)s, taken.id, %(job_id)s, %(kind)s, taken.take, '', %(now)s FROM taken ORDER BY taken.before
)
SELECT available.total, coalesce((SELECT sum(take) FROM taken), 0) FROM available
"""


def hold_credits(user: User, job_id: str, amount: int) -> None:
    """Take `amount` out of the user's unexpired lots, earliest expiry first, or raise InsufficientCredits.

    Must run inside the submission's transaction (which rolls back what a short hold took). One statement
    (_HOLD_SQL): the lots, their updates and the ledger entries. Concurrent holds of one user are counted one
    after another by the submission's lock of the user's row; without it, a lot another hold changed first is
    re-checked by the UPDATE, so no interleaving can overdraw (the hold that comes short raises).
    """
    if amount <= 0:
        return
    with connection.cursor() as cur:
        cur.execute(_HOLD_SQL, {"user_id": user.pk, "job_id": job_id, "amount": amount, "now": timezone.now(),
                                "kind": K.HOLD.value})
        available, taken = cur.fetchone()
    if int(taken) != amount:
        # Short (the lots do not cover it, or one changed under us): the caller's transaction rolls back.
        # The balance to report: what the lots held when the hold was tried; when a lot another hold changed under
        # it made `taken` short, what is left now (a re-read, plus the part of this hold about to be rolled back).
        raise InsufficientCredits(amount, int(available) if int(available) < amount
                                  else balance(user.pk) + int(taken))


def _release(user_id: int, job_id: str, amount: int, note: str) -> None:
    """Give `amount` of a job's hold back to the lots it came from (latest expiry first)."""
    held = (LedgerEntry.objects.filter(job_id=job_id, kind=K.HOLD).values("lot_id")
            .annotate(n=Sum("amount")).order_by("-lot__expires_at", "-lot_id"))
    left = amount
    for row in held:
        give = min(left, int(row["n"]))
        if give <= 0:
            continue
        CreditLot.objects.filter(pk=row["lot_id"]).update(remaining=F("remaining") + give)
        LedgerEntry.objects.create(user_id=user_id, lot_id=row["lot_id"], job_id=job_id, kind=K.RELEASE,
                                   amount=give, note=note)
        left -= give
        if not left:
            break


@dataclass(frozen=True)
class Settlement:
    held: int
    charged: int
    released: int


def settle_job(job_id: str, *, user_id: int, credits_held: int, succeeded: bool,
               charge: int | None = None) -> Settlement:
    """Capture (success) or release (anything else) a job's hold. Called by the SettleCredits outcome
    handler (jobs/outcomes/credits.py) inside the terminal transition's transaction, which records
    the charge on the job; a second call finds nothing outstanding and does nothing (0 charged, 0
    released).

    The user's row is locked first, as a submission locks it before its hold: a release that updated the lots
    first waited at its commit for the user's row (its ledger entries' reference to the user is checked then)
    while a submission holding that row waited for the lots, and PostgreSQL failed one of the two
    (tests/test_submission_deadlock.py)."""
    User.objects.select_for_update(no_key=True).filter(pk=user_id).values_list("pk", flat=True).first()
    outstanding = outstanding_holds(user_id, job_id)
    if outstanding <= 0:
        return Settlement(credits_held, 0, 0)
    charged = min(outstanding, charge if charge is not None else outstanding) if succeeded else 0
    if charged:
        LedgerEntry.objects.create(user_id=user_id, job_id=job_id, kind=K.CAPTURE, amount=charged)
    released = outstanding - charged
    if released:
        _release(user_id, job_id, released, "job succeeded for less" if succeeded else "job did not succeed")
    return Settlement(credits_held, charged, released)


def refund_job(user_id: int, job_id: str, *, by: str, why: str) -> CreditLot | None:
    """Give back what a job was charged (its captures) as a new `refund` lot that does not expire. The
    grant entry names the job, and its note who refunded it and why (its time is when). Idempotent: a
    job is refunded once, even when two refunds race (the user's row is locked); None when there is
    nothing to refund (already refunded, or nothing was charged)."""
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user_id).first()
        if LedgerEntry.objects.filter(job_id=job_id, kind=K.GRANT, lot__source=CreditLot.Source.REFUND).exists():
            return None
        charged = _sum(user_id, K.CAPTURE, job_id=job_id)
        if charged <= 0:
            return None
        lot = CreditLot.objects.create(user_id=user_id, source=CreditLot.Source.REFUND, amount=charged,
                                       remaining=charged)
        LedgerEntry.objects.create(user_id=user_id, lot=lot, job_id=job_id, kind=K.GRANT, amount=charged,
                                   note=f"refund by {by}: {why}"[:200])
        return lot


def expire_lots(user: User | int | None = None) -> int:
    """Sweep expired lots: their unheld remainder disappears (an `expire` entry each). Returns credits expired."""
    now = timezone.now()
    total = 0
    with transaction.atomic():
        qs = CreditLot.objects.select_for_update().filter(expires_at__lte=now, remaining__gt=0)
        if user is not None:
            qs = qs.filter(user=user)
        for lot in qs:
            LedgerEntry.objects.create(user_id=lot.user_id, lot=lot, kind=K.EXPIRE, amount=lot.remaining)
            CreditLot.objects.filter(pk=lot.pk).update(remaining=0)
            total += lot.remaining
    return total


@dataclass(frozen=True)
class Reconciliation:
    grants: int
    captures: int
    expired: int
    remaining: int
    holds: int

    @property
    def balanced(self) -> bool:
        return self.grants - self.captures - self.expired == self.remaining + self.holds


def reconcile(user: User | int) -> Reconciliation:
    expire_lots(user)
    remaining = int(CreditLot.objects.filter(user=user).aggregate(s=Sum("remaining"))["s"] or 0)
    return Reconciliation(grants=_sum(user, K.GRANT), captures=_sum(user, K.CAPTURE), expired=_sum(user, K.EXPIRE),
                          remaining=remaining, holds=outstanding_holds(user))
