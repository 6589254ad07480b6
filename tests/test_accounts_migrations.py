"""The e-mail address constraint's migrations (accounts 0005, 0006) applied to a database that already has
duplicate addresses and never-verified sign-ups: they flag the sign-ups and resolve the duplicates the same
way every time, then the constraint holds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from accounts.models import ApiKey, User

BEFORE = ("accounts", "0004_signup_invites_email")
AFTER = ("accounts", "0006_user_email_unique_ci")


def migrate_to(target: tuple[str, str]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return MigrationExecutor(connection)  # a fresh loader: the state of the graph as now applied


def accounts_at(target: tuple[str, str]) -> Iterator[MigrationExecutor]:
    executor = migrate_to(target)
    try:
        yield executor
    finally:
        # Whatever happened, the rest of the suite gets the schema it expects: the app's latest migration,
        # which may be later than the ones under test.
        latest = MigrationExecutor(connection).loader.graph.leaf_nodes("accounts")
        migrate_to(latest[0])


@pytest.fixture
def accounts_at_0004() -> Iterator[MigrationExecutor]:
    yield from accounts_at(BEFORE)


@pytest.mark.django_db(transaction=True)
def test_the_migrations_resolve_duplicate_addresses_deterministically(accounts_at_0004: MigrationExecutor,
                                                                       capsys) -> None:
    old_user = accounts_at_0004.loader.project_state(BEFORE).apps.get_model("accounts", "User")
    now = timezone.now()

    def make(username: str, email: str, *, active: bool = True, days_ago: int = 0, logged_in: bool = True,
             staff: bool = False) -> int:
        return int(old_user.objects.create(
            username=username, email=email, is_active=active, is_staff=staff, tier_id="free",
            date_joined=now - timedelta(days=days_ago), last_login=now if logged_in else None).pk)

    # One mailbox, four accounts: two verified (the older keeps it), two sign-ups never verified.
    late = make("ann-late", "ann@example.com", days_ago=1)
    early = make("ann-early", "Ann@Example.com", days_ago=30)
    make("ann-signup", "ANN@example.com", active=False, logged_in=False, days_ago=1)
    # Two sign-ups only: the earlier keeps the address, both stay pending.
    first = make("ben-first", "ben@example.com", active=False, logged_in=False, days_ago=2)
    second = make("ben-second", "BEN@example.com", active=False, logged_in=False, days_ago=1)
    # Inactive and never logged in, but from before any verification link could still work: an account an
    # operator made long ago, not a sign-up (the prune would delete it).
    make("fay-old", "fay@example.com", active=False, logged_in=False, days_ago=60)
    # Deactivated accounts (logged in once, staff, or holding an API key) are not sign-ups, hold no address.
    benched = make("cy-benched", "cy@example.com", active=False)
    make("cy", "cy@example.com")
    staff = make("dee-staff", "dee@example.com", active=False, logged_in=False, staff=True)
    keyed = make("eve-keyed", "eve@example.com", active=False, logged_in=False)
    make("eve", "eve@example.com")
    make("nobody-1", "")
    make("nobody-2", "")
    with connection.cursor() as cur:
        cur.execute("INSERT INTO accounts_apikey (user_id, name, lookup, key_hash, created_at) "
                    "VALUES (%s, 'k', 'lookup000001', 'x', now())", [keyed])

    migrate_to(AFTER)

    rows = {u.username: u for u in User.objects.all()}
    assert rows["ann-early"].email == "Ann@Example.com" and rows["ann-late"].email == ""
    assert rows["ann-signup"].email == "" and rows["ann-signup"].verification_pending
    assert rows["ben-first"].email == "ben@example.com" and rows["ben-second"].email == ""
    assert rows["ben-first"].verification_pending and rows["ben-second"].verification_pending
    assert rows["cy-benched"].email == "cy@example.com" and not rows["cy-benched"].verification_pending
    assert not rows["dee-staff"].verification_pending and not rows["eve-keyed"].verification_pending
    assert not rows["fay-old"].verification_pending and rows["fay-old"].email == "fay@example.com"
    assert rows["cy"].email == "cy@example.com" and rows["eve"].email == "eve@example.com"
    assert ApiKey.objects.get(user_id=keyed).name == "k"
    printed = capsys.readouterr().out
    assert f"user {late} (ann-late)" in printed and f"user {second} (ben-second)" in printed
    assert f"user {early} " not in printed and f"user {first} " not in printed
    assert f"user {benched} " not in printed and f"user {staff} " not in printed
    # The constraint is in place now.
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("ann-again", "ANN@EXAMPLE.COM", "a-long-and-unusual-passphrase-42")


@pytest.mark.django_db(transaction=True)
def test_0007_can_be_reversed_when_pending_sign_ups_share_an_address() -> None:
    """After 0007 several pending sign-ups may wait for one address (and one may wait for an active account's):
    going back to 0006, whose constraint counts pending sign-ups, keeps the newest pending one per free address."""
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("accounts")[0]
    assert latest >= ("accounts", "0007_pending_signups_hold_no_address")
    now = timezone.now()
    try:
        def make(username: str, email: str, *, active: bool, days_ago: int) -> int:
            return int(User.objects.create(username=username, email=email, is_active=active,
                                           verification_pending=not active,
                                           date_joined=now - timedelta(days=days_ago)).pk)

        make("gil", "gil@example.com", active=True, days_ago=9)
        make("gil-squat", "GIL@example.com", active=False, days_ago=1)
        make("hal-old", "hal@example.com", active=False, days_ago=2)
        newest = make("hal-new", "Hal@example.com", active=False, days_ago=1)
        executor = migrate_to(AFTER)
        old_user = executor.loader.project_state(AFTER).apps.get_model("accounts", "User")
        assert sorted(old_user.objects.values_list("username", flat=True)) == ["gil", "hal-new"]
        assert old_user.objects.get(username="hal-new").pk == newest
    finally:
        migrate_to(latest)


@pytest.fixture
def accounts_at_0009() -> Iterator[MigrationExecutor]:
    yield from accounts_at(("accounts", "0009_verification_pending_help_text"))


@pytest.mark.django_db(transaction=True)
def test_sign_ups_from_before_placeholders_stop_holding_their_names(accounts_at_0009: MigrationExecutor) -> None:
    from accounts.verification import is_placeholder, username_taken, wanted_username

    old_user = accounts_at_0009.loader.project_state(("accounts", "0009_verification_pending_help_text")).apps \
        .get_model("accounts", "User")

    def make(username: str, *, active: bool, pending: bool) -> int:
        return int(old_user.objects.create(username=username, email=f"{username}@example.com", is_active=active,
                                           verification_pending=pending, tier_id="free").pk)

    old_signup = make("early-bird", active=False, pending=True)  # made before placeholders: holds its name
    newer = make("later-bird#0123456789ab", active=False, pending=True)
    member = make("member", active=True, pending=False)
    benched = make("benched", active=False, pending=False)  # a deactivated account keeps its name

    migrate_to(("accounts", "0010_pending_signups_get_placeholders"))

    rows = {u.pk: u for u in User.objects.all()}
    assert is_placeholder(rows[old_signup].username) and wanted_username(rows[old_signup]) == "early-bird"
    assert rows[newer].username == "later-bird#0123456789ab"
    assert rows[member].username == "member" and rows[benched].username == "benched"
    # The name is free again: the sign-up form lets someone else ask for it (the first verified takes it).
    assert not username_taken("early-bird") and username_taken("member") and username_taken("benched")
