"""Creators help themselves: sign-up with e-mail verification (open, invite-only or closed), password
reset (Django's own views), and the account page's own forms (API keys, e-mail preference, the
per-request webhook signing secret).

The account page itself is assembled in webapp/pages.py (`account`): it also shows what jobs know
(today's usage, webhook endpoints), and accounts sits below jobs. It calls `account_action` for the
forms handled here and `render_account` to draw the page.

Sign-up and reset mails are sent in the request, through Django's mail backend (SMTP when EMAIL_HOST
is set; EMAIL_TIMEOUT bounds it). Every POST of either form takes a try of its client address
(KINEMA_SIGNUP_PER_MINUTE), so they cannot be used to probe addresses quickly; an e-mail address gets at
most one mail a minute, a token taken right before a mail is sent (never for a form sent back with errors,
nor for an address that gets no mail), so nobody can flood an inbox, nor keep an address from getting its
mail by posting forms that send nothing.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import redis
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from accounts.credits import balance, grant_credits, outstanding_holds
from accounts.forms import ApiKeyForm, ConfirmSignupForm, SignupForm, invite_only
from accounts.locks import Capped, lock_collection
from accounts.models import ApiKey, CreditLot, LedgerEntry, User
from accounts.ratelimit import RateDecision, rate_limit_headers, take_token
from accounts.verification import (
    Activation,
    address_taken,
    drop_other_signups,
    take_username,
    username_taken,
    wanted_username,
)
from webapp.resilience import bounded_redis
from webapp.security import client_address

log = logging.getLogger(__name__)


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """Links that verify a new account's e-mail address. Signed with the secret key; valid for
    PASSWORD_RESET_TIMEOUT; one use, because activating the account changes the hashed state."""

    key_salt = "accounts.views.ActivationTokenGenerator"

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        # is_active and last_login change when the link is used (it logs the user in): one use only, and a
        # link cannot re-activate an account that staff deactivated later.
        login_at = "" if user.last_login is None else user.last_login.replace(microsecond=0, tzinfo=None)
        return f"{user.pk}{user.is_active}{login_at}{user.email}{user.password}{timestamp}"


activation_tokens = ActivationTokenGenerator()


# --- rate limits ------------------------------------------------------------------------------

def _client_limited(request: HttpRequest) -> RateDecision | None:
    """The refusal when this client address has used its tries (every POST of the sign-up and reset forms
    takes one); None when the request may go on."""
    by_address = take_token([f"kinema:rl:signup:{client_address(request)}"], settings.KINEMA_SIGNUP_PER_MINUTE)
    return None if by_address.allowed else by_address


def _address_digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]


def take_mail_token(email: str) -> RateDecision:
    """The address's one mail a minute (verification and reset mails alike). Take it right before sending:
    taken earlier, a form that sends nothing would spend it, and anyone could keep an address from getting its
    reset mail by posting it every minute."""
    return take_token([f"kinema:rl:mail:{_address_digest(email)}"], 1)


ACCOUNT_EXISTS_NOTICE_S = 3600


def _first_notice_this_hour(email: str) -> bool:
    """Whether the "you already have an account" mail may go to this address now (one an hour; sent when Redis
    cannot say, like every rate limit here)."""
    try:
        return bool(bounded_redis().set(f"kinema:signup-known-notice:{_address_digest(email)}", 1, nx=True,
                                        ex=ACCOUNT_EXISTS_NOTICE_S))
    except redis.RedisError:
        return True


class MailLimited(Exception):
    """The address had a mail within the last minute (rolls the sign-up back)."""

    def __init__(self, decision: RateDecision) -> None:
        super().__init__("one mail a minute")
        self.decision = decision


def _too_many(request: HttpRequest, decision: RateDecision) -> HttpResponse:
    wait = rate_limit_headers(decision).get("Retry-After", "60")
    response = render(request, "message.html", {
        "title": "Too many attempts", "message": f"Please wait {wait} seconds and try again."}, status=429)
    response["Retry-After"] = wait
    return response


# --- sign-up ----------------------------------------------------------------------------------

def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("studio")
    if settings.KINEMA_SIGNUP == "closed":
        return render(request, "message.html", {"title": "Sign-up is closed",
                                                "message": "New accounts cannot be created at the moment."},
                      status=403)
    form = SignupForm(request.POST or None, initial={"invite_code": request.GET.get("invite", "")})
    if request.method == "POST":
        limited = _client_limited(request)
        if limited is not None:
            return _too_many(request, limited)
        if form.is_valid() and (form.email_taken or form.signup_waiting):
            # The address has an account, or a sign-up for this name and address waits with another password: the
            # page answers as for a new sign-up (the same one try a minute per address, then 429), nothing is made,
            # and the owner is told by mail at most once an hour. Not from the address's mail bucket: posting it
            # here every minute would keep its owner from getting a reset mail.
            email = form.cleaned_data["email"]
            attempt = take_token([f"kinema:rl:signup:known:{_address_digest(email)}"], 1)
            if not attempt.allowed:
                return _too_many(request, attempt)
            try:
                with transaction.atomic():
                    form.use_invite()  # as a sign-up would: the uses left must not tell
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                if _first_notice_this_hour(email):
                    try:
                        if form.email_taken:
                            send_account_exists(request, email)
                        else:
                            send_signup_waiting(request, email, form.cleaned_data["username"])
                    except OSError:
                        log.warning("could not send the account-exists or sign-up-waiting mail", exc_info=True)
                return redirect("signup-done")
        elif form.is_valid():
            try:
                with transaction.atomic():
                    user = form.save()
                    mail_token = take_mail_token(user.email)
                    if not mail_token.allowed:
                        raise MailLimited(mail_token)
                    send_verification(request, user)
            except MailLimited as exc:  # nothing was kept: the same form can be sent again in a minute
                return _too_many(request, exc.decision)
            except IntegrityError:  # not expected (a pending sign-up holds neither name nor address): nothing kept
                log.exception("sign-up could not be saved")
                form.add_error(None, "Your sign-up could not be saved just now. Please send the form again.")
            except ValidationError as exc:  # a concurrent sign-up used the invite up, or took the name and address
                form.add_error(None, exc)  # exc names its field
            except OSError:  # smtplib's errors too: nothing was kept, the form can be sent again
                form.add_error(None, "We could not send the verification mail just now. Please try again later.")
            else:
                return redirect("signup-done")
    return render(request, "accounts/signup.html", {"form": form, "invite_only": invite_only()},
                  status=400 if form.errors else 200)


def send_verification(request: HttpRequest, user: User) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = request.build_absolute_uri(reverse("signup-verify", args=[uid, activation_tokens.make_token(user)]))
    body = render_to_string("accounts/verification_email.txt", {"username": wanted_username(user), "link": link})
    send_mail("Verify your e-mail address for Kinema", body, None, [user.email])


def send_account_exists(request: HttpRequest, email: str) -> None:
    """A sign-up with an address that has an account: the mail goes to that address, whose owner alone learns it."""
    body = render_to_string("accounts/account_exists_email.txt", {
        "login": request.build_absolute_uri(reverse("login")),
        "reset": request.build_absolute_uri(reverse("password-reset"))})
    send_mail("Your Kinema account", body, None, [email])


def send_signup_waiting(request: HttpRequest, email: str, username: str) -> None:
    """A sign-up for a name and address that a sign-up with another password waits for: made nothing; the mail
    goes to that address, whose owner alone learns it."""
    body = render_to_string("accounts/signup_waiting_email.txt", {
        "username": username, "signup": request.build_absolute_uri(reverse("signup"))})
    send_mail("Your Kinema sign-up", body, None, [email])


def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "message.html", {
        "title": "Check your inbox",
        "message": "We sent a mail to the address you gave. Open the link in it to activate your account."})


def verify(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """A verification link's page. Opening it (GET) activates nothing: the page asks for the password chosen at
    sign-up (accounts/forms.py `ConfirmSignupForm`: the link proves the address, not who signed up with it, and
    mail scanners open links). A POST with that password activates the account with the username it asked for,
    grants this month's credits and logs the user in. A pending sign-up held no name (accounts/verification.py):
    when an account took it meanwhile, the page asks for another one too. The link stays valid until it
    activates. Every POST takes a try of its client address, and one with a valid link a try of the sign-up too
    (KINEMA_SIGNUP_PER_MINUTE each), so the password cannot be guessed quickly by whoever holds the link, and nobody
    without it can spend the sign-up's tries."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, UnicodeDecodeError):
        pk = 0
    posted = request.method == "POST"
    if posted:
        tries = take_token([f"kinema:rl:signup:{client_address(request)}"], settings.KINEMA_SIGNUP_PER_MINUTE)
        if not tries.allowed:
            return _too_many(request, tries)
    with transaction.atomic():
        # Only the account's row: FOR UPDATE would lock the joined tier row too, and every verification would
        # wait for every other one. A GET changes nothing and locks nothing.
        users = User.objects.select_for_update(of=("self",)) if posted else User.objects
        user = users.filter(pk=pk).select_related("tier").first()
        if (user is None or user.is_active or not user.verification_pending
                or not activation_tokens.check_token(user, token)):
            return render(request, "message.html", {
                "title": "This link is not valid",
                "message": "It was used already or has expired. Log in, or sign up again."}, status=400)
        if posted:
            # The sign-up's own tries, once the link is known good: taken before, anyone could spend them with
            # forged links to its id and keep its owner out.
            tries = take_token([f"kinema:rl:verify:{pk}"], settings.KINEMA_SIGNUP_PER_MINUTE)
            if not tries.allowed:
                return _too_many(request, tries)
        wanted = wanted_username(user)
        if not posted:
            if address_taken(user):
                return _address_taken(request)
            ask = username_taken(wanted, other_than=user)
            return _confirm(request, user, ConfirmSignupForm(user=user, ask_username=ask), status=409 if ask else 200,
                            ask=ask)
        form = ConfirmSignupForm(request.POST, user=user, ask_username="username" in request.POST)
        if not form.is_valid():
            return _confirm(request, user, form, status=400, ask=form.ask_username)
        username = form.cleaned_data["username"] or wanted
        outcome = take_username(user, username)
        if outcome is Activation.ADDRESS_TAKEN:  # another sign-up for the address was verified first
            return _address_taken(request)
        if outcome is Activation.USERNAME_TAKEN:
            if form.ask_username:
                form.add_error("username", User().unique_error_message(User, ["username"]))
            return _confirm(request, user, form, status=409, ask=True)
        grant_first_month(user)
    # Other sign-ups waiting for the address: their links die with them. After the commit, one row at a time:
    # inside it, deleting another pending row another verification holds would deadlock with it.
    drop_other_signups(user)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, "Your e-mail address is verified. Welcome to Kinema!")
    return redirect("studio")


def _confirm(request: HttpRequest, user: User, form: ConfirmSignupForm, status: int, ask: bool) -> HttpResponse:
    """The link's page: the password field, and the username field when `ask` (the name asked for is taken)."""
    return render(request, "accounts/confirm_signup.html",
                  {"wanted": wanted_username(user), "email": user.email, "form": form, "ask": ask}, status=status)


def _address_taken(request: HttpRequest) -> HttpResponse:
    return render(request, "message.html", {
        "title": "This address is taken",
        "message": "Another account was verified with this e-mail address first. Log in to it, or reset its "
                   "password."}, status=409)


def grant_first_month(user: User) -> None:
    """This month's plan credits at once (what `grant_monthly_credits` would give at its next run; the
    same ledger note, so that run skips the user)."""
    now = timezone.now()
    period = f"monthly:{now:%Y-%m}"
    if user.tier.monthly_credits and not LedgerEntry.objects.filter(user=user, kind=LedgerEntry.Kind.GRANT,
                                                                    note=period).exists():
        grant_credits(user, user.tier.monthly_credits, source=CreditLot.Source.MONTHLY,
                      expires_at=now + timedelta(days=31), note=period)


# --- password reset (Django's views, our templates, rate-limited) -----------------------------

class RateLimitedPasswordResetForm(PasswordResetForm):
    """Django's reset form; each mail takes its address's one-a-minute token first. Over it, the mail is
    skipped without a word: the answer must stay the same whether or not the address has an account, and the
    mail sent within the last minute carries a link that works just as well."""

    def send_mail(self, subject_template_name: str, email_template_name: str, context: dict[str, Any],
                  from_email: str | None, to_email: str, html_email_template_name: str | None = None) -> None:
        if not take_mail_token(to_email).allowed:
            log.info("password reset mail skipped: the address had a mail within the last minute")
            return
        super().send_mail(subject_template_name, email_template_name, context, from_email, to_email,
                          html_email_template_name)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("password-reset-done")
    form_class = RateLimitedPasswordResetForm

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        limited = _client_limited(request)
        if limited is not None:
            return _too_many(request, limited)
        return super().post(request, *args, **kwargs)


password_reset_views = {
    "done": auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
    "confirm": auth_views.PasswordResetConfirmView.as_view(template_name="accounts/password_reset_confirm.html",
                                                           success_url=reverse_lazy("password-reset-complete")),
    "complete": auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"),
}


# --- the account page's own forms ---------------------------------------------------------------

class AccountActionError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ShownOnce:
    """What a POST revealed, in its answer only: a new API key's value (never shown again), the per-request
    webhook signing secret (on request, or when a new one is made). A plain load of the page shows neither."""

    api_key: str = ""
    api_key_name: str = ""
    signing_secret: str = ""

    def any(self) -> bool:
        return bool(self.api_key or self.signing_secret)


ACTIONS = ("create_key", "revoke_key", "email_preferences", "show_signing_secret", "rotate_signing_secret")


def account_action(request: HttpRequest, user: User) -> ShownOnce:
    """Carry out one of the account page's forms (`action` field). Raises AccountActionError (shown on
    the page) for bad input."""
    action = request.POST.get("action", "")
    if action == "create_key":
        form = ApiKeyForm(request.POST, user=user)
        with transaction.atomic():
            lock_collection(Capped.API_KEYS, user.pk)  # the form's count and the issue, one request at a time
            if not form.is_valid():
                raise AccountActionError(" ".join(str(e) for errors in form.errors.values() for e in errors))
            key, raw = ApiKey.issue(user, name=form.cleaned_data["name"])
        return ShownOnce(api_key=raw, api_key_name=key.name)
    if action == "revoke_key":
        revoked = ApiKey.objects.filter(user=user, pk=_int(request.POST.get("key_id"))).first()
        if revoked is None:
            raise AccountActionError("No such API key.")
        revoked.revoke()  # open live-feed sockets using it close within KINEMA_FEED_RECHECK_S
        messages.success(request, f"Revoked the key “{revoked.name}”.")
    elif action == "email_preferences":
        user.email_on_finish = request.POST.get("email_on_finish") == "on"
        user.save(update_fields=["email_on_finish"])
        messages.success(request, "E-mail preference saved.")
    elif action == "show_signing_secret":
        return ShownOnce(signing_secret=user.signing_secret())
    elif action == "rotate_signing_secret":
        messages.success(request, "A new signing secret is in use for per-request webhooks from now on.")
        return ShownOnce(signing_secret=user.rotate_signing_secret())
    else:
        raise AccountActionError("Unknown action.")
    return ShownOnce()


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


REVOKED_KEYS_SHOWN = 10


def render_account(request: HttpRequest, user: User, context: dict[str, Any], *, shown: ShownOnce | None = None,
                   status: int = 200) -> HttpResponse:
    """The account page. `context` carries what other apps know: `usage_today` (generations today),
    `webhooks` (the endpoints), `event_types`, and `new_webhook` (an endpoint just registered, whose
    secret is shown this once). A page that shows a secret is never stored by the browser or a cache."""
    # Every active key (at most MAX_ACTIVE_KEYS), then the most recently revoked few: revoked keys are kept (jobs and
    # the audit name them), and a page listing all of them grew with every create-and-revoke.
    keys = [*ApiKey.objects.active().filter(user=user).order_by("-created_at"),
            *ApiKey.objects.filter(user=user, revoked_at__isnull=False).order_by("-revoked_at")[:REVOKED_KEYS_SHOWN]]
    older_revoked = max(0, ApiKey.objects.filter(user=user, revoked_at__isnull=False).count() - REVOKED_KEYS_SHOWN)
    lots = CreditLot.objects.filter(user=user, remaining__gt=0).order_by("expires_at", "id")
    shown = shown or ShownOnce()
    response = render(request, "accounts/account.html", {
        **context, "tier": user.tier, "balance": balance(user), "held": outstanding_holds(user), "lots": lots,
        "now": timezone.now(), "keys": keys, "older_revoked_keys": older_revoked, "shown": shown,
        "email_on_finish": user.email_on_finish, "has_email": bool(user.email),
        "notify_after_min": round(settings.KINEMA_EMAIL_NOTIFY_AFTER_S / 60, 1),
    }, status=status)
    if shown.any() or context.get("new_webhook") is not None:
        add_never_cache_headers(response)
    return response
