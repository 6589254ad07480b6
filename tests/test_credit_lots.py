"""Credit lots: expiry, which lots a hold takes from (and never more than they hold), grants by staff in the
admin and the monthly grant."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from accounts.credits import (
    InsufficientCredits,
    balance,
    expire_lots,
    grant_credits,
    hold_credits,
    outstanding_holds,
    reconcile,
)
from accounts.models import CreditLot, LedgerEntry, Tier
from jobs import lifecycle
from jobs.models import Job
from tests.credit_helpers import client_for, to_finalizing


@pytest.mark.django_db
def test_a_lot_that_expires_while_the_job_runs_still_pays_for_it(make_user) -> None:
    user, key = make_user("expiring", credits=0)
    lot = grant_credits(user, 50, expires_at=timezone.now() + timedelta(hours=1))
    video = client_for(key).post("/v1/videos", {"prompt": "a comet"}, format="json").json()
    held = video["credits_held"]
    attempt = to_finalizing(video["id"])
    lot.__class__.objects.filter(pk=lot.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert balance(user) == 0, "unheld credit of an expired lot is not spendable"
    assert lifecycle.publish(video["id"], attempt)
    assert Job.objects.get(pk=video["id"]).credits_charged == held
    assert expire_lots(user) == 50 - held
    rec = reconcile(user)
    assert rec.balanced and (rec.grants, rec.captures, rec.expired, rec.remaining, rec.holds) == (
        50, held, 50 - held, 0, 0)


@pytest.mark.django_db
def test_release_onto_an_expired_lot_disappears(make_user) -> None:
    user, key = make_user("late", credits=0)
    lot = grant_credits(user, 30, expires_at=timezone.now() + timedelta(hours=1))
    video = client_for(key).post("/v1/videos", {"prompt": "a glacier"}, format="json").json()
    lot.__class__.objects.filter(pk=lot.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert lifecycle.cancel(video["id"])
    assert balance(user) == 0
    rec = reconcile(user)
    assert rec.balanced and rec.expired == 30 and rec.captures == 0


@pytest.mark.django_db
def test_holds_take_the_earliest_expiring_lot_first(make_user) -> None:
    user, key = make_user("lots", credits=0)
    later = grant_credits(user, 100, expires_at=timezone.now() + timedelta(days=30))
    sooner = grant_credits(user, 100, expires_at=timezone.now() + timedelta(days=1))
    forever = grant_credits(user, 100)
    held = client_for(key).post("/v1/videos", {"prompt": "a city"}, format="json").json()["credits_held"]
    for lot in (later, sooner, forever):
        lot.refresh_from_db()
    assert (sooner.remaining, later.remaining, forever.remaining) == (100 - held, 100, 100)


@pytest.mark.django_db
def test_a_hold_spans_lots_in_expiry_order_exactly_or_takes_nothing(make_user) -> None:
    """The one-statement hold (accounts.credits._HOLD_SQL): lots in expiry order (no expiry last, then by
    id), an expired lot skipped, each lot's take and ledger entry exact, and a hold the lots cannot cover
    takes nothing and says what is spendable."""
    user, _ = make_user("spanning", credits=0)
    now = timezone.now()
    expired = grant_credits(user, 500, expires_at=now + timedelta(hours=1))
    expired.__class__.objects.filter(pk=expired.pk).update(expires_at=now - timedelta(seconds=1))
    forever_a = grant_credits(user, 10)
    later = grant_credits(user, 7, expires_at=now + timedelta(days=30))
    forever_b = grant_credits(user, 10)
    sooner = grant_credits(user, 5, expires_at=now + timedelta(days=1))
    with transaction.atomic():
        hold_credits(user, "video_span", 15)  # sooner 5, later 7, then 3 of the first lot without expiry
    taken = dict(LedgerEntry.objects.filter(job_id="video_span", kind="hold").values_list("lot_id", "amount"))
    assert taken == {sooner.pk: 5, later.pk: 7, forever_a.pk: 3}
    remaining = dict(CreditLot.objects.filter(user=user).values_list("pk", "remaining"))
    assert remaining == {expired.pk: 500, forever_a.pk: 7, later.pk: 0, forever_b.pk: 10, sooner.pk: 0}
    assert balance(user) == 17 and outstanding_holds(user, "video_span") == 15

    with pytest.raises(InsufficientCredits) as short:
        with transaction.atomic():
            hold_credits(user, "video_short", 18)
    assert (short.value.needed, short.value.available) == (18, 17)
    assert not LedgerEntry.objects.filter(job_id="video_short").exists() and balance(user) == 17
    with transaction.atomic():
        hold_credits(user, "video_exact", 17)  # exactly what is left
    assert balance(user) == 0 and outstanding_holds(user) == 32
    assert reconcile(user).balanced


@pytest.mark.django_db(transaction=True)
def test_concurrent_holds_without_the_user_lock_never_overdraw(make_user) -> None:
    """The submission serialises a user's holds with its lock of the user's row; hold_credits alone must still
    never overdraw: a lot another hold changed first is re-checked, and a hold that comes short rolls back."""
    user, _ = make_user("unlocked", credits=0)
    grant_credits(user, 50, expires_at=timezone.now() + timedelta(days=1))
    grant_credits(user, 20)
    start = threading.Barrier(12)

    def hold(i: int) -> bool:
        try:
            start.wait()
            with transaction.atomic():
                hold_credits(user, f"video_race{i}", 7)
            return True
        except InsufficientCredits:
            return False
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=12) as pool:
        held = sum(pool.map(hold, range(12)))
    assert 1 <= held <= 10  # 70 credits, 7 each
    assert outstanding_holds(user) == 7 * held and balance(user) == 70 - 7 * held
    # Every hold took exactly its 7 from the lots (the column's CHECK forbids a negative lot, so count it instead).
    assert sum(CreditLot.objects.filter(user=user).values_list("remaining", flat=True)) == 70 - 7 * held
    assert reconcile(user).balanced


@pytest.mark.django_db
def test_staff_grant_credits_in_the_admin_and_read_the_ledger(make_user, client) -> None:
    from accounts.models import User

    user, _ = make_user("granted", credits=0)
    User.objects.create_superuser("boss", password="boss-password-123")
    client.login(username="boss", password="boss-password-123")
    resp = client.post("/admin/accounts/creditlot/add/", {"user": user.pk, "source": "admin", "amount": 75,
                                                         "expires_at_0": "", "expires_at_1": ""})
    assert resp.status_code == 302, resp.content[:500]
    assert balance(user) == 75
    entry = LedgerEntry.objects.get(user=user)
    assert entry.kind == "grant" and entry.amount == 75 and "boss" in entry.note
    page = client.get(f"/admin/accounts/ledgerentry/?q={user.username}")
    assert page.status_code == 200 and b"grant" in page.content


@pytest.mark.django_db
def test_monthly_grant_is_once_per_user_and_month(make_user) -> None:
    from django.core.management import call_command

    from accounts.credits import grant_monthly_credits

    free, _ = make_user("monthly-free", tier="free", credits=0)
    pro, _ = make_user("monthly-pro", tier="pro", credits=0)
    call_command("grant_monthly_credits")
    call_command("grant_monthly_credits")
    assert balance(free) == Tier.objects.get(name="free").monthly_credits
    assert balance(pro) == Tier.objects.get(name="pro").monthly_credits
    lot = free.credit_lots.get()
    assert lot.source == "monthly" and lot.expires_at > timezone.now() + timedelta(days=30)
    next_month = timezone.now() + timedelta(days=32)
    assert grant_monthly_credits(next_month, expires_at=next_month + timedelta(days=31)) >= 2
    assert free.credit_lots.count() == 2
