from __future__ import annotations

import io

import pytest
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
def test_browser_session_login_reaches_the_api(client) -> None:  # type: ignore[no-untyped-def]
    User.objects.create_user("erin", password="correct horse battery")
    assert client.get("/").status_code == 302
    resp = client.post("/login/", {"username": "erin", "password": "correct horse battery"})
    assert resp.status_code == 302
    assert client.get("/").status_code == 200
    assert client.get("/v1/videos").json()["object"] == "list"
