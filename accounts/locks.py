"""Per-user transaction locks for the account's capped collections (API keys, webhook endpoints, characters).

A cap checked by counting rows and then inserting one lets concurrent requests all count the same number and all
insert: twenty at once made 21 active keys of 20, and 11 webhook endpoints of 10 (`SELECT ... FOR UPDATE` locks the
rows it reads, not the rows others insert, and Django drops it from a count anyway). Counting under this lock makes
the count and the insert one step per user and collection; other users and other collections never wait.
"""

from __future__ import annotations

from enum import IntEnum

from django.db import connection


class Capped(IntEnum):
    """Advisory-lock namespaces (the high 32 bits of the key), one per capped collection."""

    API_KEYS = 0x6B61_6301
    WEBHOOK_ENDPOINTS = 0x6B61_6302
    CHARACTERS = 0x6B61_6303


def lock_collection(collection: Capped, user_id: int) -> None:
    """Hold the user's lock on `collection` until the current transaction ends (call inside transaction.atomic)."""
    with connection.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s::bigint)", [(int(collection) << 32) | (user_id & 0xFFFF_FFFF)])
