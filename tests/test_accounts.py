from __future__ import annotations

import io
import re
import stat

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from accounts.credits import balance
from accounts.models import ApiKey, User


@pytest.mark.django_db
def test_create_api_user_prints_a_working_key_last_and_stores_only_a_hash() -> None:
    out = io.StringIO()
    call_command("create_api_user", "carol", "--tier", "pro", "--credits", "25", stdout=out)
    raw = out.getvalue().strip().splitlines()[-1]
    user = User.objects.get(username="carol")
    assert user.tier_id == "pro" and balance(user) == 25
    key = ApiKey.objects.get(user=user)
    assert raw.startswith("kin_") and raw not in key.key_hash and key.lookup in raw
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get("/v1/videos").status_code == 200

    # Running it again updates the user and issues a second key; both work until revoked.
    out2 = io.StringIO()
    call_command("create_api_user", "carol", "--tier", "free", stdout=out2)
    user.refresh_from_db()
    assert user.tier_id == "free" and ApiKey.objects.filter(user=user).count() == 2
    key.revoke()
    assert client.get("/v1/videos").status_code == 401


@pytest.mark.django_db
def test_create_api_user_rejects_unknown_tier() -> None:
    with pytest.raises(CommandError, match="unknown tier"):
        call_command("create_api_user", "dave", "--tier", "platinum")


@pytest.mark.django_db
def test_tiers_exist_as_data_with_limits() -> None:
    from accounts.models import Tier

    tiers = {t.name: t for t in Tier.objects.all()}
    assert set(tiers) == {"free", "plus", "pro"}
    assert tiers["free"].step_budget == 30 and tiers["plus"].step_budget == 50
    assert tiers["pro"].weight > tiers["plus"].weight > tiers["free"].weight


@pytest.mark.django_db
def test_browser_session_login_reaches_the_api(client) -> None:
    User.objects.create_user("erin", password="correct horse battery")
    assert client.get("/").status_code == 302
    resp = client.post("/login/", {"username": "erin", "password": "correct horse battery"})
    assert resp.status_code == 302
    assert client.get("/").status_code == 200
    assert client.get("/v1/videos").json()["object"] == "list"



def printed_logins(out: str) -> dict[str, str]:
    return dict(re.findall(r"login:\s+(\w+) / (\S+)", out))


@pytest.mark.django_db
def test_seed_demo_generates_private_passwords_per_install_and_reuses_them(settings, tmp_path) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; the hash is not tested
    # An install from before: the demo creator exists with the old fixed password.
    User.objects.create_user("demo", password="kinema-demo", tier_id="plus")
    settings.VAR_DIR = tmp_path / "install-a"
    first = io.StringIO()
    call_command("seed_demo", stdout=first)
    logins = printed_logins(first.getvalue())
    assert set(logins) == {"demo", "reviewer"} and len(set(logins.values())) == 2
    path = tmp_path / "install-a" / "demo-logins"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for username, password in logins.items():
        user = User.objects.get(username=username)
        assert user.check_password(password) and not user.check_password("kinema-demo")
        validate_password(password, user)
    assert User.objects.get(username="reviewer").groups.filter(name="reviewers").exists()

    again = io.StringIO()  # the next `make run`: same logins, printed again, still valid
    call_command("seed_demo", stdout=again)
    assert printed_logins(again.getvalue()) == logins
    assert all(User.objects.get(username=u).check_password(p) for u, p in logins.items())

    settings.VAR_DIR = tmp_path / "install-b"  # another install gets its own passwords
    other = io.StringIO()
    call_command("seed_demo", stdout=other)
    assert not set(printed_logins(other.getvalue()).values()) & set(logins.values())
