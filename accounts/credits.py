"""Credit movements. Every change to a lot is paired with an immutable ledger entry."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from accounts.models import CreditLot, LedgerEntry, User


@transaction.atomic
def grant_credits(user: User, amount: int, *, source: str = CreditLot.Source.ADMIN,
                  expires_at: datetime | None = None, note: str = "") -> CreditLot:
    lot = CreditLot.objects.create(user=user, source=source, amount=amount, remaining=amount,
                                   expires_at=expires_at)
    LedgerEntry.objects.create(user=user, lot=lot, kind=LedgerEntry.Kind.GRANT, amount=amount, note=note)
    return lot


def balance(user: User) -> int:
    """Spendable credits: what is left in lots that have not expired."""
    now = timezone.now()
    total = (CreditLot.objects.filter(user=user, remaining__gt=0)
             .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
             .aggregate(s=Sum("remaining"))["s"])
    return int(total or 0)
