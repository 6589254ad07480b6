"""Sign-up with e-mail verification and invite codes, and password reset, through a real SMTP server
(aiosmtpd, in the test) and Django's SMTP backend: the test follows the links in the mails."""

from __future__ import annotations

import email
import logging
import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from email.message import Message
from typing import Any

import pytest
import redis
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.db.models import Q, QuerySet
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.credits import balance
from accounts.forms import INVALID_INVITE
from accounts.models import InviteCode, User
from webapp.processes import free_port


def at_once(*calls: Callable[[], Any]) -> list[Any]:
    """Each call in a thread of its own, started together; their results in order (None for one that did not
    finish within a minute). Each thread closes its own database connection (the test database is dropped at
    the end)."""
    import threading

    from django.db import connection

    results: list[Any] = [None] * len(calls)

    def run(i: int) -> None:
        try:
            results[i] = calls[i]()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results

PASSWORD = "a-long-and-unusual-passphrase-42"


class Inbox:
    """aiosmtpd handler: keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["To"].lower() == address.lower()]


def body(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def link_path(message: Message) -> str:
    """The path of the one link in a mail (the test client talks to the app directly)."""
    (url,) = re.findall(r"https?://\S+", body(message))
    return re.sub(r"^https?://[^/]+", "", url)


def activate(client: Client, mail: Message, password: str = PASSWORD) -> Any:
    """Follow a verification mail as its reader does: open the link (a page that activates nothing), then send its
    form with the password chosen at sign-up. The page's answer when it offers no form (an invalid link, 400)."""
    path = link_path(mail)
    page = client.get(path)
    if page.status_code != 200:
        return page
    assert b'name="password"' in page.content and b'name="username"' not in page.content
    return client.post(path, {"password": password})


@pytest.fixture
def inbox(settings) -> Iterator[Inbox]:
    """A real SMTP server on loopback, and Django's SMTP backend pointed at it."""
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command at INFO
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    try:
        yield handler
    finally:
        controller.stop()


def refill_rate_limits() -> None:
    """Empty the sign-up, mail and verification buckets (as if the minute had passed)."""
    client = redis.Redis.from_url(django_settings.REDIS_URL)
    for pattern in ("kinema:rl:signup:*", "kinema:rl:mail:*", "kinema:rl:verify:*"):
        for key in client.scan_iter(pattern):
            client.delete(key)


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """The sign-up buckets and the hourly notices live in Redis across tests: every test starts with full ones."""
    refill_rate_limits()
    client = redis.Redis.from_url(django_settings.REDIS_URL)
    for key in client.scan_iter("kinema:signup-known-notice:*"):
        client.delete(key)


def sign_up(client: Client, username: str, address: str, invite: str = "", password: str = PASSWORD) -> Any:
    return client.post("/signup/", {"username": username, "email": address, "password1": password,
                                    "password2": password, "invite_code": invite})


def accounts_for(name: str) -> QuerySet[User]:
    """Every account that has `name` or asked for it: a sign-up waiting for its link holds no name, its username
    is a placeholder, "<name>#<suffix>"."""
    return User.objects.filter(Q(username=name) | Q(username__startswith=name + "#"))


def asked_for(user: User) -> str:
    return user.username.split("#")[0]


@pytest.mark.django_db
def test_invite_only_sign_up_verifies_the_address_by_mail_then_activates_credits_and_logs_in(
        inbox: Inbox, settings) -> None:
    settings.KINEMA_SIGNUP = "invite"
    InviteCode.objects.create(code="launch-1", max_uses=1)
    client = Client()
    page = client.get("/signup/?invite=launch-1")
    assert page.status_code == 200 and b'name="invite_code"' in page.content and b"launch-1" in page.content

    refused = sign_up(client, "nocode", "nocode@example.com")
    assert refused.status_code == 400 and b"This field is required" in refused.content
    assert not accounts_for("nocode").exists() and not inbox.messages

    done = sign_up(client, "maya", "maya@example.com", invite="launch-1")
    assert done.status_code == 302 and done["Location"] == "/signup/done/"
    maya = accounts_for("maya").get()
    assert not maya.is_active and maya.email == "maya@example.com" and maya.tier_id == "free"
    assert maya.username.startswith("maya#")  # waiting for its link, it holds no username
    assert InviteCode.objects.get(code="launch-1").uses == 1
    # Not active yet: the password does not log in.
    assert not client.login(username="maya", password=PASSWORD)

    (mail,) = inbox.to("maya@example.com")
    assert "Verify" in mail["Subject"] and 'the Kinema account "maya"' in body(mail)
    page = client.get(link_path(mail))  # opening the link activates nothing: it asks for the sign-up's password
    assert page.status_code == 200 and b"Activate your account" in page.content and b"maya@example.com" in page.content
    assert not accounts_for("maya").get().is_active
    verified = client.post(link_path(mail), {"password": PASSWORD})
    assert verified.status_code == 302 and verified["Location"] == "/"
    maya.refresh_from_db()
    assert maya.is_active and maya.username == "maya"
    assert Client().login(username="maya", password=PASSWORD)
    assert balance(maya) == maya.tier.monthly_credits > 0  # this month's plan credits at once
    assert client.get("/").status_code == 200  # logged in by the link

    # The link works once; the code was for one person.
    assert activate(Client(), mail).status_code == 400
    assert Client().post(link_path(mail), {"password": PASSWORD}).status_code == 400
    again = sign_up(Client(), "omar", "omar@example.com", invite="launch-1")
    assert again.status_code == 400 and INVALID_INVITE.encode() in again.content.replace(b"&#x27;", b"'")
    assert not accounts_for("omar").exists()


@pytest.mark.django_db
def test_invite_codes_expire_and_count_their_uses(inbox: Inbox, settings) -> None:
    settings.KINEMA_SIGNUP = "invite"
    InviteCode.objects.create(code="old", max_uses=5, expires_at=timezone.now() - timedelta(minutes=1))
    InviteCode.objects.create(code="team", max_uses=2)
    assert sign_up(Client(), "late", "late@example.com", invite="old").status_code == 400
    assert sign_up(Client(), "ann", "ann@example.com", invite="team").status_code == 302
    assert sign_up(Client(), "ben", "ben@example.com", invite="team").status_code == 302
    assert sign_up(Client(), "cy", "cy@example.com", invite="team").status_code == 400
    assert InviteCode.objects.get(code="team").uses == 2
    assert sorted(m["To"] for m in inbox.messages) == ["ann@example.com", "ben@example.com"]

    # An address that has an account uses an invite too: the uses left must not tell its holder which addresses do.
    User.objects.create_user("dot", "dot@example.com", PASSWORD)
    InviteCode.objects.create(code="pair", max_uses=1)
    refill_rate_limits()  # this client address's tries of the minute are spent
    assert sign_up(Client(), "dot2", "dot@example.com", invite="pair").status_code == 302
    assert InviteCode.objects.get(code="pair").uses == 1
    assert sign_up(Client(), "eli", "eli@example.com", invite="pair").status_code == 400  # used up, as by a sign-up


@pytest.mark.django_db
def test_open_and_closed_sign_up_and_duplicate_addresses(inbox: Inbox, settings) -> None:
    settings.KINEMA_SIGNUP = "open"
    page = Client().get("/signup/")
    assert page.status_code == 200 and b'name="invite_code"' not in page.content
    assert sign_up(Client(), "dee", "dee@example.com").status_code == 302
    User.objects.create_user("fen", "fen@example.com", PASSWORD)
    # An address with an account: the page answers as for any sign-up (it must not tell anyone which addresses have
    # accounts), nothing is made, and the address's owner is told by mail.
    duplicate = sign_up(Client(), "fen2", "FEN@example.com")
    assert duplicate.status_code == 302 and duplicate["Location"] == "/signup/done/"
    assert not User.objects.filter(email__iexact="fen@example.com").exclude(username="fen").exists()
    (told,) = inbox.to("FEN@example.com")
    assert "already belongs to an" in body(told) and "/password-reset/" in body(told)
    weak = sign_up(Client(), "eve", "eve@example.com", password="password")
    assert weak.status_code == 400 and b"too common" in weak.content  # Django's password validators
    settings.KINEMA_SIGNUP = "closed"
    assert Client().get("/signup/").status_code == 403
    assert sign_up(Client(), "fay", "fay@example.com").status_code == 403
    assert accounts_for("dee").count() == 1
    assert not any(accounts_for(name).exists() for name in ("fen2", "eve", "fay"))


@pytest.mark.django_db
def test_password_reset_by_mail_sets_a_new_password_once(inbox: Inbox) -> None:
    user = User.objects.create_user("gil", "gil@example.com", "old-passphrase-for-gil-9")
    client = Client()
    assert client.get("/login/").content.count(b"/password-reset/") == 1
    sent = client.post("/password-reset/", {"email": "gil@example.com"})
    assert sent.status_code == 302 and sent["Location"] == "/password-reset/sent/"
    # An unknown address gets the same answer and no mail (no account enumeration).
    assert client.post("/password-reset/", {"email": "nobody@example.com"}).status_code == 302
    (mail,) = inbox.messages
    assert mail["To"] == "gil@example.com" and "Reset" in mail["Subject"]

    form = client.get(link_path(mail), follow=True)  # Django swaps the token for a session and redirects
    assert form.status_code == 200 and b"new_password1" in form.content
    set_url = form.redirect_chain[-1][0]
    changed = client.post(set_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert changed.status_code == 302 and changed["Location"] == "/password-reset/complete/"
    user.refresh_from_db()
    assert user.check_password(PASSWORD) and not user.check_password("old-passphrase-for-gil-9")
    assert Client().login(username="gil", password=PASSWORD)
    reused = Client().get(link_path(mail), follow=True)
    assert b"not valid" in reused.content and b"new_password1" not in reused.content


@pytest.mark.django_db
def test_sign_up_and_reset_are_rate_limited_per_address_and_per_mailbox(inbox: Inbox, settings) -> None:
    settings.KINEMA_SIGNUP_PER_MINUTE = 3
    User.objects.create_user("hal", "hal@example.com", "hal-passphrase-long-enough")
    client = Client()
    assert client.post("/password-reset/", {"email": "hal@example.com"}).status_code == 302
    # One mail a minute to one mailbox; the second answer is the same as the first (and as for an address with
    # no account), so it tells nobody whether the address has an account.
    flood = client.post("/password-reset/", {"email": "hal@example.com"})
    assert flood.status_code == 302 and flood["Location"] == "/password-reset/sent/"
    assert len(inbox.messages) == 1

    settings.KINEMA_SIGNUP = "open"
    answers = [sign_up(client, f"user{i}", f"user{i}@example.com", password="x").status_code for i in range(3)]
    assert answers == [400, 429, 429]  # the two resets and the first try used this address's 3 tries
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert sign_up(other, "ivy", "ivy@example.com").status_code == 302


@pytest.mark.django_db
def test_a_mistyped_sign_up_does_not_use_the_mailboxs_one_mail_a_minute(inbox: Inbox, settings) -> None:
    """The per-mailbox token is taken right before a mail goes out: a form sent back with errors costs only a
    try of the client's address."""
    settings.KINEMA_SIGNUP = "open"
    client = Client()
    mismatch = client.post("/signup/", {"username": "jo", "email": "jo@example.com", "password1": PASSWORD,
                                        "password2": PASSWORD + "x"})
    assert mismatch.status_code == 400 and not inbox.messages
    assert sign_up(client, "jo", "jo@example.com", password="password").status_code == 400  # too common
    corrected = sign_up(client, "jo", "jo@example.com")
    assert corrected.status_code == 302 and corrected["Location"] == "/signup/done/"
    assert len(inbox.to("jo@example.com")) == 1


@pytest.mark.django_db
def test_nobody_can_keep_an_address_from_getting_its_reset_mail(inbox: Inbox, settings) -> None:
    """Posting someone's address in forms that send nothing (a sign-up with a bad password, a sign-up for an
    address that has an account) no longer spends that mailbox's one mail a minute."""
    settings.KINEMA_SIGNUP = "open"
    User.objects.create_user("kim", "kim@example.com", "kim-passphrase-long-enough")
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    assert sign_up(attacker, "kim2", "kim@example.com", password="x").status_code == 400
    # The address has an account: answered as a sign-up, its owner told by one mail an hour, not from the mail bucket.
    assert sign_up(attacker, "kim3", "KIM@example.com").status_code == 302
    assert sign_up(attacker, "kim4", "kim@example.com").status_code == 429  # one try a minute, as for new addresses
    refill_rate_limits()
    assert sign_up(attacker, "kim5", "kim@example.com").status_code == 302
    (notice,) = inbox.to("kim@example.com")
    assert "already belongs to an" in body(notice)
    reset = Client().post("/password-reset/", {"email": "kim@example.com"})
    assert reset.status_code == 302
    (_, mail) = inbox.to("kim@example.com")
    assert "Reset" in mail["Subject"]



def age(username: str, seconds: float) -> None:
    """Make a sign-up look `seconds` old."""
    assert accounts_for(username).update(date_joined=timezone.now() - timedelta(seconds=seconds)) == 1


@pytest.mark.django_db
def test_signing_up_with_someone_elses_address_cannot_lock_them_out(inbox: Inbox, settings) -> None:
    """A sign-up waiting for its link holds no address: the address's owner signs up next to the squatter's at
    once (no waiting), verifies, and the squatter's sign-up and link are gone."""
    settings.KINEMA_SIGNUP = "open"
    assert sign_up(Client(REMOTE_ADDR="198.51.100.7"), "squatter", "nia@example.com").status_code == 302
    (squatters_mail,) = inbox.to("nia@example.com")  # to Nia's inbox: the squatter can never verify it
    refill_rate_limits()  # the minute between two mails to one address passed
    client = Client()
    assert sign_up(client, "nia", "NIA@example.com").status_code == 302
    assert {asked_for(u) for u in User.objects.filter(email__iexact="nia@example.com")} == {"squatter", "nia"}
    (_, mail) = inbox.to("nia@example.com")
    assert activate(client, mail).status_code == 302
    nia = User.objects.get(username="nia")
    assert nia.is_active and not nia.verification_pending and nia.email == "NIA@example.com"
    assert not accounts_for("squatter").exists()
    assert activate(Client(), squatters_mail).status_code == 400  # its link died with it
    # Verified, the address is hers for good.
    refill_rate_limits()
    again = sign_up(Client(), "nia2", "nia@example.com")
    assert again.status_code == 302 and not accounts_for("nia2").exists()
    assert "already belongs to an" in body(inbox.to("nia@example.com")[-1])


@pytest.mark.django_db
def test_a_link_activates_only_with_the_password_chosen_at_sign_up(inbox: Inbox, settings) -> None:
    """Someone signs up with another person's address under a name of their own: the owner's click (or the mail
    scanner's) must not activate an account whose password the stranger holds. Opening the link changes nothing;
    only the sign-up's password activates, and guesses at it are rate-limited per link and per client address."""
    settings.KINEMA_SIGNUP = "open"
    stranger = "the-strangers-own-long-passphrase"
    made = sign_up(Client(REMOTE_ADDR="198.51.100.7"), "mallory", "ona@example.com", password=stranger)
    assert made.status_code == 302
    (mail,) = inbox.to("ona@example.com")
    assert "password you chose" in body(mail)
    path = link_path(mail)
    for reader in ("mail scanner", "owner"):
        page = Client(REMOTE_ADDR="203.0.113.20").get(path)
        assert page.status_code == 200 and b'name="password"' in page.content, reader
        assert b"Did not sign up for Kinema?" in page.content
    pending = accounts_for("mallory").get()
    assert pending.verification_pending and not pending.is_active

    owner = Client(REMOTE_ADDR="203.0.113.20")
    for guess in ("", PASSWORD, "mallory", "ona@example.com"):
        refused = owner.post(path, {"password": guess})
        assert refused.status_code == 400, guess
        assert (b"This field is required" if not guess else b"not the password") in refused.content, guess
    assert owner.post(path, {"password": "one-more-guess"}).status_code == 400  # the link's fifth try this minute
    # The sixth this minute: refused before the password is looked at, the right one too, from any address.
    for client in (owner, Client(REMOTE_ADDR="192.0.2.77")):
        limited = client.post(path, {"password": stranger})
        assert limited.status_code == 429 and "Retry-After" in limited, limited.status_code
    pending.refresh_from_db()
    assert pending.verification_pending and not pending.is_active and owner.get("/account/").status_code == 302
    assert not Client().login(username="mallory", password=stranger)
    # The link stays valid for whoever made the sign-up: the minute passed, the password activates it.
    refill_rate_limits()
    assert Client().post(path, {"password": stranger}).status_code == 302
    assert User.objects.get(username="mallory").is_active


@pytest.mark.django_db
def test_a_malformed_or_forged_link_is_refused_plainly() -> None:
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    User.objects.create_user("pia#00000000000a", "pia@example.com", PASSWORD, is_active=False,
                             verification_pending=True)
    pending = User.objects.get(email="pia@example.com")
    uids = [urlsafe_base64_encode(force_bytes(n)) for n in (pending.pk, 10**30, -1, "x", "\u00e9")] + ["!!", "%00"]
    for uid in uids:
        for method in ("get", "post"):
            answer = getattr(Client(), method)(f"/signup/verify/{uid}/dizwa9-eadfc107569547844524832312f31dfc/",
                                               {"password": PASSWORD} if method == "post" else None)
            # A NUL in a page's path is refused before any view (webapp.security.RefuseNulMiddleware).
            refusal = b"holds a NUL character" if uid == "%00" else b"This link is not valid"
            assert answer.status_code == 400 and refusal in answer.content, (uid, method)
        refill_rate_limits()
    pending.refresh_from_db()
    assert pending.verification_pending and not pending.is_active
    # Forged links to a real sign-up's id, from many addresses, spend only their own addresses' tries: the
    # sign-up's are taken once its link is known good, so nobody without the link can keep its owner out.
    uid = urlsafe_base64_encode(force_bytes(pending.pk))
    for i in range(10):
        forged = Client(REMOTE_ADDR=f"203.0.113.{i}").post(f"/signup/verify/{uid}/dizwa9-{i:032x}/",
                                                         {"password": PASSWORD})
        assert forged.status_code == 400, i
    from accounts.views import activation_tokens

    link = f"/signup/verify/{uid}/{activation_tokens.make_token(pending)}/"
    assert Client(REMOTE_ADDR="198.51.100.50").post(link, {"password": PASSWORD}).status_code == 302


@pytest.mark.django_db
def test_a_second_try_later_resends_its_own_link_and_waits_for_the_minute(inbox: Inbox, settings) -> None:
    settings.KINEMA_SIGNUP = "open"
    assert sign_up(Client(), "olu", "olu@example.com").status_code == 302
    first = accounts_for("olu").get()
    too_soon = sign_up(Client(), "olu", "olu@example.com")
    assert too_soon.status_code == 429  # one mail a minute to the address; nothing replaced
    assert accounts_for("olu").get().pk == first.pk and len(inbox.to("olu@example.com")) == 1
    refill_rate_limits()
    # A retry (same name, address and password): the same pending account's link, sent again.
    assert sign_up(Client(), "OLU", "Olu@example.com").status_code == 302
    assert accounts_for("olu").get().pk == first.pk and len(inbox.to("olu@example.com")) == 2
    # Someone who knows the username and the address but not the password can neither replace the pending account
    # nor make another sign-up for the same name and address (its link would go to the owner, whose click would
    # activate the account with their password and drop the owner's own sign-up): nothing is made, in any case.
    # The page answers as for any sign-up (a refusal would tell that this address signed up with this name), and
    # the owner is told by mail, once an hour.
    other_password = "another-long-and-unusual-phrase-7"
    for name, address in (("olu", "olu@example.com"), ("Olu", "OLU@example.com")):
        refill_rate_limits()
        takeover = sign_up(Client(), name, address, password=other_password)
        assert takeover.status_code == 302 and takeover["Location"] == reverse("signup-done"), name
    assert User.objects.filter(email__iexact="olu@example.com").get().pk == first.pk
    mails = inbox.to("olu@example.com")
    assert len(mails) == 3 and "another password" in body(mails[-1]) and "/verify/" not in body(mails[-1])
    # A pending sign-up holds no username: another address may wait for it too.
    assert sign_up(Client(), "olu", "someone-else@example.com").status_code == 302
    assert accounts_for("olu").count() == 2
    owner = Client()
    assert activate(owner, inbox.to("olu@example.com")[0]).status_code == 302  # the first mail's link works
    olu = User.objects.get(username="olu")
    assert olu.pk == first.pk and olu.is_active and olu.check_password(PASSWORD)
    assert not olu.check_password(other_password) and owner.get("/account/").status_code == 200
    assert Client().login(username="olu", password=PASSWORD)
    assert not Client().login(username="olu", password=other_password)
    # The one for another address waits, and its link will ask for another name.
    assert [asked_for(u) for u in accounts_for("olu").exclude(pk=olu.pk)] == ["olu"]
    (elsewhere,) = inbox.to("someone-else@example.com")
    asked = Client().get(link_path(elsewhere))
    assert asked.status_code == 409 and b"Choose another username" in asked.content
    # Someone else's username is still someone else's.
    User.objects.create_user("pat", "pat@example.com", PASSWORD)
    taken = sign_up(Client(), "PAT", "other@example.com")
    assert taken.status_code == 400 and b"username already exists" in taken.content


@pytest.mark.django_db(transaction=True)
def test_two_sign_ups_at_once_for_one_address_send_one_mail(inbox: Inbox, settings, monkeypatch) -> None:
    """Both forms pass validation before either is saved (a barrier holds them there): the address's one mail a
    minute lets one through; the other is rolled back with a 429, nothing kept."""
    import threading

    from accounts.forms import SignupForm

    settings.KINEMA_SIGNUP = "open"
    both_validated = threading.Barrier(2, timeout=30)
    original = SignupForm.save

    def save_after_both_validated(self: SignupForm, commit: bool = True) -> User:
        both_validated.wait()
        return original(self, commit)

    monkeypatch.setattr(SignupForm, "save", save_after_both_validated)
    answers = at_once(lambda: sign_up(Client(), "quinn", "quinn@example.com").status_code,
                      lambda: sign_up(Client(), "quinn2", "Quinn@Example.com").status_code)
    assert sorted(answers) == [302, 429], answers
    assert User.objects.filter(email__iexact="quinn@example.com").count() == 1
    assert len(inbox.messages) == 1


@pytest.mark.django_db
def test_a_link_opened_after_another_sign_up_took_the_address_is_refused(inbox: Inbox, settings) -> None:
    """Two sign-ups waited for one address; one was verified while the other's link was still out (its row not
    yet dropped): the database's constraint on active accounts refuses the second, with a clear answer."""
    settings.KINEMA_SIGNUP = "open"
    assert sign_up(Client(), "uma", "uma@example.com").status_code == 302
    (mail,) = inbox.to("uma@example.com")
    User.objects.create_user("uma-first", "UMA@example.com", PASSWORD)  # verified first, elsewhere
    late = Client().get(link_path(mail))
    assert late.status_code == 409 and b"verified with this e-mail address first" in late.content
    uma = accounts_for("uma").get()
    assert not uma.is_active and uma.verification_pending


@pytest.mark.django_db
def test_the_address_constraint_ignores_case_pending_sign_ups_and_deactivated_accounts() -> None:
    from django.db import IntegrityError, transaction

    User.objects.create_user("rae", "rae@example.com", PASSWORD)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("rae1", "RAE@example.com", PASSWORD)
    User.objects.create_user("rae2", "RAE@example.com", PASSWORD, is_active=False, verification_pending=True)
    User.objects.filter(username="rae").update(is_active=False)  # staff deactivated it: it holds the address no more
    User.objects.create_user("rae3", "Rae@example.com", PASSWORD)
    User.objects.create_user("sam", "", PASSWORD)
    User.objects.create_user("sam2", "", PASSWORD)  # no address is no address


@pytest.mark.django_db
def test_the_retention_prune_deletes_sign_ups_left_unverified(inbox: Inbox, settings) -> None:
    from jobs import retention

    settings.KINEMA_SIGNUP = "open"
    settings.KINEMA_UNVERIFIED_ACCOUNT_TTL_S = 7 * 24 * 3600
    for name in ("stale", "fresh"):
        assert sign_up(Client(), name, f"{name}@example.com").status_code == 302
    age("stale", 7 * 24 * 3600 + 60)
    User.objects.create_user("benched", "benched@example.com", PASSWORD, is_active=False)  # deactivated by staff
    User.objects.create_user("veteran", "veteran@example.com", PASSWORD)
    age("benched", 10**8)
    age("veteran", 10**8)
    assert retention.prune()["unverified_accounts"] == 1
    assert {asked_for(u) for u in User.objects.all()} == {"fresh", "benched", "veteran"}
    (stale_mail,) = inbox.to("stale@example.com")
    assert activate(Client(), stale_mail).status_code == 400


@pytest.mark.django_db
def test_a_sign_up_never_verified_does_not_keep_anyone_from_its_username(inbox: Inbox, settings) -> None:
    """Squatting: a sign-up for a name, never verified, left the name's owner unable to sign up with it for
    KINEMA_UNVERIFIED_ACCOUNT_TTL_S. Now the owner signs up at once, verifies and has it."""
    settings.KINEMA_SIGNUP = "open"
    squatter = Client(REMOTE_ADDR="198.51.100.7")
    assert sign_up(squatter, "zoe", "squatter@example.com").status_code == 302
    assert not User.objects.filter(username__iexact="zoe").exists()
    assert not squatter.login(username="zoe", password=PASSWORD)
    zoe = Client()
    assert sign_up(zoe, "zoe", "zoe@example.com").status_code == 302
    (mail,) = inbox.to("zoe@example.com")
    assert activate(zoe, mail).status_code == 302
    account = User.objects.get(username="zoe")
    assert account.is_active and account.email == "zoe@example.com" and zoe.get("/").status_code == 200
    # The squatter's sign-up (another address) still waits, holding nothing, until the retention prune.
    (waiting,) = accounts_for("zoe").filter(verification_pending=True)
    assert waiting.email == "squatter@example.com" and not waiting.is_active
    # A name an account has is refused at sign-up, whatever its case, as before.
    refill_rate_limits()
    taken = sign_up(Client(), "ZOE", "zoe2@example.com")
    assert taken.status_code == 400 and b"username already exists" in taken.content
    assert not User.objects.filter(email="zoe2@example.com").exists()
    # The placeholder must fit the username column: a sign-up's name is at most 137 characters.
    too_long = sign_up(Client(), "z" * 138, "zlong@example.com")
    assert too_long.status_code == 400 and b"at most 137 characters" in too_long.content
    assert sign_up(Client(), "z" * 137, "zlong@example.com").status_code == 302


@pytest.mark.django_db
def test_two_sign_ups_for_one_username_the_first_verified_wins_and_the_other_chooses_another(
        inbox: Inbox, settings) -> None:
    settings.KINEMA_SIGNUP = "open"
    assert sign_up(Client(), "yan", "yan.a@example.com").status_code == 302
    assert sign_up(Client(), "yan", "yan.b@example.com").status_code == 302
    assert accounts_for("yan").count() == 2 and not User.objects.filter(username="yan").exists()
    (mail_a,) = inbox.to("yan.a@example.com")
    (mail_b,) = inbox.to("yan.b@example.com")

    b = Client()
    assert activate(b, mail_b).status_code == 302
    winner = User.objects.get(username="yan")
    assert winner.is_active and winner.email == "yan.b@example.com"

    # The later link: its name is taken, so it asks for another one; nothing is activated meanwhile.
    a = Client()
    page = a.get(link_path(mail_a))
    assert page.status_code == 409
    assert b"Choose another username" in page.content and "“yan”".encode() in page.content
    assert b'name="username"' in page.content and b'name="password"' in page.content
    assert b'method="post"' in page.content
    loser = accounts_for("yan").get(verification_pending=True)
    assert not loser.is_active and balance(loser) == 0
    refill_rate_limits()  # the sign-ups' and b's tries from this client address: a minute passed
    for name, status, error in (("yan", 409, b"username already exists"), ("YAN", 409, b"username already exists"),
                                ("yan b!", 400, b"Enter a valid username"), ("", 400, b"This field is required")):
        refused = a.post(link_path(mail_a), {"username": name, "password": PASSWORD})
        assert refused.status_code == status and error in refused.content, (name, refused.status_code)
        loser.refresh_from_db()
        assert loser.verification_pending and not loser.is_active
    assert a.get("/account/").status_code == 302  # not logged in

    refill_rate_limits()
    for password, error in (("", b"This field is required"), ("not-the-sign-up-password", b"not the password")):
        refused = a.post(link_path(mail_a), {"username": "yan-a", "password": password})
        assert refused.status_code == 400 and error in refused.content, password
        assert b'value="yan-a"' in refused.content and b"not-the-sign-up-password" not in refused.content
    chosen = a.post(link_path(mail_a), {"username": "yan-a", "password": PASSWORD})
    assert chosen.status_code == 302 and chosen["Location"] == "/"
    loser.refresh_from_db()
    assert loser.username == "yan-a" and loser.is_active and not loser.verification_pending
    assert loser.email == "yan.a@example.com" and balance(loser) == loser.tier.monthly_credits > 0
    assert a.get("/account/").status_code == 200  # logged in
    assert Client().login(username="yan-a", password=PASSWORD)
    # The link worked once, whichever way it is used; the winner is untouched.
    assert Client().get(link_path(mail_a)).status_code == 400
    assert Client().post(link_path(mail_a), {"username": "yan-c", "password": PASSWORD}).status_code == 400
    assert not accounts_for("yan-c").exists()
    winner.refresh_from_db()
    assert winner.username == "yan" and winner.email == "yan.b@example.com"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("names", [("wen", "wen"), ("wen", "WEN")], ids=["same-case", "other-case"])
def test_two_verifications_at_once_for_one_username_one_wins_the_other_chooses(
        inbox: Inbox, settings, monkeypatch, names: tuple[str, str]) -> None:
    """Both links are opened at once and both reach the point of taking the name before either has (a barrier
    holds them there): one gets it, the other is asked for another name; no 500, never two accounts with one
    name in any case."""
    import threading

    from accounts import views

    settings.KINEMA_SIGNUP = "open"
    addresses = ("wen.1@example.com", "wen.2@example.com")
    for name, address in zip(names, addresses, strict=True):
        assert sign_up(Client(), name, address).status_code == 302
    links = [link_path(inbox.to(address)[0]) for address in addresses]

    both_there = threading.Barrier(2, timeout=30)
    original = views.take_username

    def take_after_both_got_there(user: User, username: str) -> views.Activation:
        both_there.wait()
        return original(user, username)

    monkeypatch.setattr(views, "take_username", take_after_both_got_there)
    answers = dict(enumerate(at_once(*(lambda link=link: Client().post(link, {"password": PASSWORD})
                                       for link in links))))
    assert sorted(a.status_code for a in answers.values()) == [302, 409], answers
    (winner,) = User.objects.filter(username__iexact="wen")
    assert winner.is_active
    lost = next(i for i, a in answers.items() if a.status_code == 409)
    assert b"Choose another username" in answers[lost].content
    monkeypatch.setattr(views, "take_username", original)
    assert Client().post(links[lost], {"username": "wen-2", "password": PASSWORD}).status_code == 302
    assert User.objects.get(username="wen-2").email == addresses[lost]


@pytest.mark.django_db(transaction=True)
def test_two_sign_ups_at_once_for_one_name_and_address_with_other_passwords_make_one(
        inbox: Inbox, settings, monkeypatch) -> None:
    """The takeover sent at the same moment as the owner's sign-up: both forms pass validation before either is
    saved (a barrier holds them there), and the address's one mail a minute fails open (as it does when Redis is
    unreachable), so only the sign-up itself can keep them apart: one is made, the other refused."""
    import threading

    from accounts import views
    from accounts.forms import SignupForm
    from accounts.ratelimit import RateDecision

    settings.KINEMA_SIGNUP = "open"
    monkeypatch.setattr(views, "take_mail_token", lambda email: RateDecision(True, 1, 1, 0.0, 0.0))
    both_validated = threading.Barrier(2, timeout=30)
    original = SignupForm.save

    def save_after_both_validated(self: SignupForm, commit: bool = True) -> User:
        both_validated.wait()
        return original(self, commit)

    monkeypatch.setattr(SignupForm, "save", save_after_both_validated)
    tries = (("olu", "olu@example.com", PASSWORD), ("OLU", "Olu@example.com", "another-long-and-unusual-phrase-7"))
    answers = dict(enumerate(at_once(*(lambda t=t: sign_up(Client(), t[0], t[1], password=t[2]) for t in tries))))
    assert sorted(a.status_code for a in answers.values()) == [302, 400], answers
    made = next(i for i, a in answers.items() if a.status_code == 302)
    assert b"username already exists" in answers[1 - made].content
    (pending,) = User.objects.filter(email__iexact="olu@example.com")
    assert pending.check_password(tries[made][2]) and pending.verification_pending
    assert len(inbox.messages) == 1


@pytest.mark.django_db
def test_a_retry_is_matched_by_the_name_django_stores_and_the_newest_sign_up_only(
        inbox: Inbox, settings, monkeypatch) -> None:
    settings.KINEMA_SIGNUP = "open"
    # Django stores a username NFKC-normalised: "ｋｉｍ" (fullwidth) is "kim".
    assert sign_up(Client(), "ｋｉｍ", "kim@example.com").status_code == 302
    first = User.objects.get(email="kim@example.com")
    assert asked_for(first) == "kim"
    for name in ("ｋｉｍ", "KIM", "ＫＩＭ"):  # the same sign-up again: its link is mailed again, nothing is made
        refill_rate_limits()
        assert sign_up(Client(), name, "kim@example.com").status_code == 302, name
        assert User.objects.get(email="kim@example.com").pk == first.pk, name
    refill_rate_limits()
    takeover = sign_up(Client(), "ｋｉｍ", "kim@example.com", password="another-long-and-unusual-phrase-7")
    assert takeover.status_code == 302  # answered as any sign-up; nothing made, the owner told by mail
    mails = inbox.to("kim@example.com")
    assert len(mails) == 5 and "another password" in body(mails[-1])
    assert User.objects.filter(email="kim@example.com").count() == 1
    assert activate(Client(), mails[-2]).status_code == 302  # a resent link activates the first sign-up
    first.refresh_from_db()
    assert first.is_active and first.username == "kim" and first.check_password(PASSWORD)

    # Several sign-ups waiting for one name and address (made before another password was refused there): a
    # retry is matched against the newest only, with one password check per form.
    older = [User.objects.create_user(f"lee#{i:012x}", "lee@example.com", f"older-long-passphrase-{i}",
                                      is_active=False, verification_pending=True) for i in range(3)]
    newest = User.objects.create_user("lee#0000000000ff", "lee@example.com", PASSWORD, is_active=False,
                                      verification_pending=True)
    assert all(u.date_joined <= newest.date_joined for u in older)
    checks: list[int] = []
    check_password = User.check_password

    def counted(self: User, raw_password: str) -> bool:
        checks.append(self.pk)
        return check_password(self, raw_password)

    monkeypatch.setattr(User, "check_password", counted)
    refill_rate_limits()
    assert sign_up(Client(), "lee", "lee@example.com").status_code == 302
    assert checks == [newest.pk]
    assert User.objects.filter(email="lee@example.com").count() == 4  # a retry: nothing made
    refill_rate_limits()
    checks.clear()
    refused = sign_up(Client(), "lee", "lee@example.com", password="older-long-passphrase-2")
    assert refused.status_code == 302  # not a retry of the newest: nothing made (the owner is told by mail)
    assert checks == [newest.pk] and User.objects.filter(email="lee@example.com").count() == 4


@pytest.mark.django_db
def test_the_username_lock_folds_case_as_the_taken_check_does(inbox: Inbox, settings) -> None:
    """Verifications for one name take an advisory lock keyed by the name folded to one case; whether the name is
    taken is Django's iexact lookup. The two must fold alike: lower() and upper() differ outside ASCII under a
    non-C locale ("ας"/"ασ", "ıvan"/"ivan" are equal to iexact, not to lower()). The test database runs in the C
    locale, where they cannot differ, so the lock's SQL is compared with the lookup's."""
    from django.db import connection
    from django.db.backends.postgresql.base import DatabaseWrapper
    from django.test.utils import CaptureQueriesContext

    settings.KINEMA_SIGNUP = "open"
    assert sign_up(Client(), "ivan", "ivan@example.com").status_code == 302
    (mail,) = inbox.to("ivan@example.com")
    with CaptureQueriesContext(connection) as queries:
        assert Client().post(link_path(mail), {"password": PASSWORD}).status_code == 302
    (lock,) = [q["sql"] for q in queries.captured_queries if "pg_advisory_xact_lock" in q["sql"]]
    iexact = DatabaseWrapper.operators["iexact"]  # "= UPPER(%s)"
    fold = re.fullmatch(r"= (\w+)\(%s\)", iexact)
    assert fold is not None, iexact
    assert re.search(rf"hashtext\({fold.group(1)}\('ivan'", lock, re.IGNORECASE), lock


def admin_change(admin: Client, user: User, **changes: str | None) -> Any:
    """POST the admin's change form for `user`: its current values, with `changes` (None leaves a field out)."""
    joined = timezone.localtime(user.date_joined)
    data: dict[str, str | None] = {
        "username": user.username, "email": user.email, "first_name": user.first_name,
        "last_name": user.last_name, "tier": user.tier_id, "date_joined_0": joined.strftime("%Y-%m-%d"),
        "date_joined_1": joined.strftime("%H:%M:%S"), "last_login_0": "", "last_login_1": "",
        **{flag: "on" for flag in ("is_active", "is_staff", "is_superuser") if getattr(user, flag)}}
    data.update(changes)
    return admin.post(f"/admin/accounts/user/{user.pk}/change/", {k: v for k, v in data.items() if v is not None})


@pytest.mark.django_db
def test_staff_can_save_a_pending_sign_up_in_the_admin_keeping_its_placeholder(inbox: Inbox, settings) -> None:
    settings.KINEMA_SIGNUP = "open"
    assert sign_up(Client(), "ines", "ines@example.com").status_code == 302
    assert sign_up(Client(), "ines", "ines.b@example.com").status_code == 302
    pending = User.objects.get(email="ines@example.com")
    other = User.objects.get(email="ines.b@example.com")
    placeholder = pending.username
    staff = User.objects.create_superuser("boss", "boss@example.com", "boss-password-123")
    admin = Client()
    admin.force_login(staff)
    assert admin.get(f"/admin/accounts/user/{pending.pk}/change/").status_code == 200

    saved = admin_change(admin, pending, first_name="Inês")
    assert saved.status_code == 302, saved.content.decode()
    pending.refresh_from_db()
    assert pending.first_name == "Inês" and pending.username == placeholder
    assert pending.verification_pending and not pending.is_active

    # Only the placeholder's own form, "<a valid name>#<12 hex digits>", and only on an inactive pending account.
    suffix = placeholder.rsplit("#", 1)[1]
    for name, error in (("ines#" + suffix[:-1], b"Enter a valid username"),
                        ("ines#" + "g" * 12, b"Enter a valid username"),
                        ("ines#" + suffix + "0", b"Enter a valid username"),
                        ("in es#" + suffix, b"Enter a valid username"),
                        ("#" + suffix, b"Enter a valid username"),
                        ("ines#x#" + suffix, b"Enter a valid username"),
                        (other.username, b"username already exists")):
        refused = admin_change(admin, pending, username=name)
        assert refused.status_code == 200 and error in refused.content, name
    activated = admin_change(admin, pending, is_active="on")  # an active account needs a real name
    assert activated.status_code == 200 and b"Enter a valid username" in activated.content
    jon = User.objects.create_user("jon", "jon@example.com", PASSWORD)
    refused = admin_change(admin, jon, username="jon#" + suffix)
    assert refused.status_code == 200 and b"Enter a valid username" in refused.content
    pending.refresh_from_db()
    jon.refresh_from_db()
    assert pending.username == placeholder and not pending.is_active and jon.username == "jon"

    # The edit leaves the owner's link working: it activates the account with the name it asked for.
    (mail,) = inbox.to("ines@example.com")
    assert activate(Client(), mail).status_code == 302
    pending.refresh_from_db()
    assert pending.username == "ines" and pending.is_active and pending.first_name == "Inês"
