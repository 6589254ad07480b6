"""What the server-rendered forms answer to input PostgreSQL cannot store or a column cannot hold (a NUL, a
username longer than any account's), and to methods the pages do not handle: the form's own error or a 405,
never a server error. The API refuses such input in one place (jobs.api.validation.check_request); these
forms do not pass through it, so each page checks what it queries with."""

from __future__ import annotations

import secrets

import pytest
from axes.models import AccessAttempt
from django.test import Client

from accounts.models import User
from jobs.models import WebhookEndpoint
from tests.test_signup import refill_rate_limits

pytestmark = pytest.mark.django_db

PASSWORD = "Xy9!long-pass-word"
NOT_MATCHED = b"Your username and password didn't match"


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- sign-up (F6) ------------------------------------------------------------------------------

NUL_REFUSED = b"holds a NUL character"  # webapp.security.RefuseNulMiddleware's page, for every page


def sign_up(**fields: str):
    refill_rate_limits()  # KINEMA_SIGNUP_PER_MINUTE tries per client address
    data = {"username": "fzabc", "email": "fz@example.com", "password1": PASSWORD, "password2": PASSWORD}
    return Client().post("/signup/", {**data, **fields})


def test_a_nul_in_any_sign_up_field_is_the_forms_error(settings) -> None:
    """The username's check looks for a sign-up waiting with the same name and address before the address field
    is cleaned: it must not query with the raw address (a NUL, which PostgreSQL refuses, was a 500). The other
    fields are cleaned before anything queries with them."""
    for fields in ({"email": "a\x00@example.com"}, {"email": "\x00"}, {"username": "fz\x00abc"},
                   {"password1": "Xy9!long\x00pass", "password2": "Xy9!long\x00pass"}, {"invite_code": "code\x00"}):
        settings.KINEMA_SIGNUP = "invite" if "invite_code" in fields else "open"
        answer = sign_up(**fields)
        assert answer.status_code == 400, (fields, answer.status_code)
        assert NUL_REFUSED in answer.content, (fields, answer.content[:300])
    assert not User.objects.filter(username__startswith="fz").exists()


def test_a_sign_up_retried_with_a_nul_in_the_address_is_refused_and_the_first_still_waits(settings) -> None:
    """A sign-up waits for fzabc with fz@example.com: the same name with a broken address neither matches it
    (a retry) nor fails on it."""
    settings.KINEMA_SIGNUP = "open"
    assert sign_up().status_code == 302
    refused = sign_up(email="fz@example.com\x00")
    assert refused.status_code == 400 and NUL_REFUSED in refused.content
    assert User.objects.filter(username__startswith="fzabc#", verification_pending=True).count() == 1


# --- login (F7) --------------------------------------------------------------------------------

def test_a_login_no_account_can_match_is_the_usual_failed_login() -> None:
    """Django's login form does not enforce the username's length, and django-axes records a failure's username
    in a 255-character column: 256 characters were a 500. Longer than any username, or holding a NUL, the form
    refuses it before anything is looked up or recorded."""
    User.objects.create_user("lena", "lena@example.com", PASSWORD)
    for username, password in (("a" * 256, "x"), ("a" * 151, "x"), ("a" * 5000, "x"), ("lena\x00", PASSWORD),
                               ("lena", "x\x00y"), ("\x00" * 300, "\x00")):
        answer = Client().post("/login/", {"username": username, "password": password})
        expected = (400, NUL_REFUSED) if "\x00" in username + password else (200, NOT_MATCHED)
        assert (answer.status_code, expected[1] in answer.content) == (expected[0], True), (username[:20],
                                                                                              answer.status_code)
        assert "_auth_user_id" not in answer.wsgi_request.session
    assert not AccessAttempt.objects.exists()


def test_the_login_form_still_logs_in_and_counts_failures() -> None:
    User.objects.create_user("lena", "lena@example.com", PASSWORD)
    client = Client()
    failed = client.post("/login/", {"username": "lena", "password": "wrong"})
    assert failed.status_code == 200 and NOT_MATCHED in failed.content
    assert AccessAttempt.objects.get(username="lena").failures_since_start == 1  # django-axes still counts
    assert b'maxlength="150"' in client.get("/login/").content
    assert client.post("/login/", {"username": "lena", "password": PASSWORD}).status_code == 302
    assert client.get("/account/").status_code == 200


# --- the account page (F8) ---------------------------------------------------------------------

@pytest.fixture
def owner(make_user) -> tuple[User, Client]:
    user, _ = make_user("hooker")
    return user, logged_in(user)


def add_webhook(client: Client, **fields: str):
    return client.post("/account/", {"action": "create_webhook", "url": "https://8.8.8.8/h",
                                     "events": ["video.completed"], "submission_token": secrets.token_urlsafe(24),
                                     **fields})


@pytest.mark.parametrize(("fields", "message"), [
    # A NUL is refused for every page before the view (webapp.security.RefuseNulMiddleware); what it lets through
    # and a URL cannot hold, the form refuses.
    ({"description": "a\x00"}, "field &#x27;description&#x27; holds a NUL character"),
    ({"url": "https://8.8.8.8/h\x00"}, "field &#x27;url&#x27; holds a NUL character"),
    ({"url": "https://8.8.8.8/h\x01"}, "The webhook URL contains a control character (U+0001)"),
    ({"url": "https://8.8.8.8\x00/h"}, "field &#x27;url&#x27; holds a NUL character"),
    ({"events": "video.completed\x00"}, "field &#x27;events&#x27; holds a NUL character"),
])
def test_a_webhook_form_with_text_that_cannot_be_stored_is_refused_on_the_page(
        owner, fields: dict[str, str], message: str) -> None:
    user, client = owner
    answer = add_webhook(client, **fields)
    assert answer.status_code == 400 and message in answer.content.decode(), answer.content.decode()[:2000]
    assert "\x00" not in answer.content.decode()
    assert not WebhookEndpoint.objects.filter(user=user).exists()
    assert add_webhook(client, description="prod").status_code == 200  # the page still works


def test_deleting_a_webhook_by_a_malformed_id_deletes_nothing(owner) -> None:
    """An id that cannot be one is simply not found, as an id of no endpoint of the user's."""
    user, client = owner
    assert add_webhook(client).status_code == 200
    for webhook_id in ("a\x00", "wh_" + "0" * 23 + "\x00", "\x00", "x" * 10_000, "wh_" + "g" * 24):
        answer = client.post("/account/", {"action": "delete_webhook", "webhook_id": webhook_id})
        if "\x00" in webhook_id:  # refused for every page before the view
            assert answer.status_code == 400 and NUL_REFUSED in answer.content, webhook_id
            continue
        assert answer.status_code == 302 and answer["Location"] == "/account/", (webhook_id[:30], answer.status_code)
    assert WebhookEndpoint.objects.filter(user=user).count() == 1
    endpoint = WebhookEndpoint.objects.get(user=user)
    assert client.post("/account/", {"action": "delete_webhook", "webhook_id": endpoint.id}).status_code == 302
    assert not WebhookEndpoint.objects.filter(user=user).exists()


# --- methods the pages do not handle -----------------------------------------------------------

PAGES = ["/", "/history/", "/account/", "/characters/", "/videos/video_0123456789abcdef0123456789ab/",
         "/healthz", "/readyz", "/metrics", "/ops/", "/ops/autoscale"]


@pytest.mark.parametrize("path", PAGES)
def test_the_pages_answer_405_to_methods_they_do_not_handle_and_still_get_and_head(make_user, path: str) -> None:
    """TRACE and OPTIONS (safe for CSRF) and PUT, DELETE, PATCH with a valid CSRF token reached the page's code,
    which treated them as a GET: a 200. Both clients are checked: signed in (as staff, for /ops/), and not. GET
    and HEAD answer as before (HEAD: the same status, no body)."""
    staff, _ = make_user("staffer")
    staff.is_staff = True
    staff.save()
    for client in (logged_in(staff), Client()):
        for method in ("trace", "options", "put", "delete", "patch"):
            answer = getattr(client, method)(path)
            assert answer.status_code == 405, (path, method, answer.status_code)
            allowed = {m.strip() for m in answer["Allow"].split(",")}
            assert {"GET", "HEAD"} <= allowed and method.upper() not in allowed
    client = logged_in(staff)
    got = client.get(path)
    assert got.status_code != 405, (path, got.status_code)  # /readyz and /ops/autoscale may answer 503 here
    head = client.head(path)
    assert head.status_code == got.status_code and head.content == b"", (path, head.status_code)


@pytest.mark.django_db
def test_an_admin_bulk_action_on_a_selection_that_holds_no_id_is_a_400(django_user_model) -> None:
    from accounts.models import InviteCode

    staff = django_user_model.objects.create_user("bulk-staff", password="x", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(staff)
    code = InviteCode.objects.create(code="bulk-action-code")
    url = "/admin/accounts/invitecode/"
    for bad in ("abc", "1.5", "9" * 30, ""):
        resp = client.post(url, {"action": "delete_selected", "_selected_action": [str(code.pk), bad], "index": "0"})
        assert resp.status_code == 400, (bad, resp.status_code)
        assert "not the id of any invite code" in resp.content.decode(), bad
    assert InviteCode.objects.filter(pk=code.pk).exists()
    # A selection of real ids still reaches the action (its confirmation page).
    confirm = client.post(url, {"action": "delete_selected", "_selected_action": [str(code.pk)], "index": "0"})
    assert confirm.status_code == 200 and b"Are you sure" in confirm.content
    # A text key takes any text: an id that matches nothing selects nothing, as the admin says.
    jobs = client.post("/admin/jobs/job/", {"action": "delete_selected", "_selected_action": ["video_nope"],
                                            "index": "0"})
    assert jobs.status_code == 302
    # Not staff: the admin's own login, whatever the form holds.
    anonymous = Client().post(url, {"action": "delete_selected", "_selected_action": ["abc"], "index": "0"})
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
