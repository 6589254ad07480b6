"""Characters in the admin: reviewers see each consented likeness (its image, owner, source and consent)
and can retire one (deleted_at), which stops its use in new prompts. Registered from jobs/admin.py."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
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

    class Media:
        css = {"all": ["review.css"]}

    @admin.display(description="likeness")
    def likeness(self, obj: Character) -> str:
        if obj.deleted_at is not None and not obj.face_embedding:
            return "deleted by its owner, with the image"
        # Through the admin (staff with the view permission), never a public media URL: it is a person's face.
        return format_html('<img src="{}" alt="likeness of {}" class="likeness">',
                           reverse("admin:jobs_character_likeness", args=[obj.pk]), obj.name)

    def get_urls(self) -> list[Any]:
        return [path("<str:character_id>/likeness/", self.admin_site.admin_view(self.likeness_view),
                     name="jobs_character_likeness"), *super().get_urls()]

    def likeness_view(self, request: HttpRequest, character_id: str) -> FileResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        character = get_object_or_404(Character, pk=character_id)
        try:
            image = default_storage.open(character.reference_key, "rb")
        except FileNotFoundError:
            raise Http404("The likeness image is no longer stored.") from None
        response = FileResponse(image, content_type="image/png")
        response["Cache-Control"] = "private, no-store"
        return response

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # characters come from their owners' clips (POST /v1/videos/characters) only
