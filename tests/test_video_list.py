"""Listing videos: cursor paging in both orders, and bad paging parameters refused."""

from __future__ import annotations

import pytest

from tests.api_helpers import assert_error


@pytest.mark.django_db
def test_list_pages_by_cursor_in_both_orders(api) -> None:
    ids = [api.post("/v1/videos", {"prompt": f"scene {i}"}, format="json").json()["id"] for i in range(7)]
    seen: list[str] = []
    after = None
    while True:
        resp = api.get("/v1/videos", {"limit": 3, **({"after": after} if after else {})}).json()
        seen += [v["id"] for v in resp["data"]]
        assert resp["object"] == "list"
        if not resp["has_more"]:
            break
        after = resp["last_id"]
    assert seen == list(reversed(ids))
    asc = api.get("/v1/videos", {"order": "asc", "limit": 100}).json()
    assert [v["id"] for v in asc["data"]] == ids and asc["has_more"] is False
    assert_error(api.get("/v1/videos", {"limit": 0}), 400, param="limit")
    assert_error(api.get("/v1/videos", {"order": "sideways"}), 400, param="order")
