"""Characters in the admin: reviewers see each consented likeness (its image, owner, source and consent)
and can retire one (deleted_at), which stops its use in new prompts. Registered from jobs/admin.py."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.files.storage import default_storage
from django.http import HttpRequest
from django.utils.html import format_html

from jobs.models import Character


@admin.register(Character)
class CharacterAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "user", "created_at", "deleted_at"]
    list_filter = ["deleted_at"]
    search_fields = ["id", "name", "user__username"]
    readonly_fields = ["id", "user", "name", "likeness", "reference_key", "source_video", "consent", "created_at"]
    fields = [*readonly_fields, "deleted_at"]
    list_select_related = ["user"]

    @admin.display(description="likeness")
    def likeness(self, obj: Character) -> str:
        return format_html('<img src="{}" alt="likeness of {}" style="max-width:320px">',
                           default_storage.url(obj.reference_key), obj.name)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # characters come from their owners' clips (POST /v1/videos/characters) only
