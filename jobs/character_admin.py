"""Characters in the admin: reviewers see each consented likeness (its image, owner, source and consent)
and can retire one (deleted_at), which stops its use in new prompts. Registered from jobs/admin.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html

from jobs.models import Character


class CharacterForm(forms.ModelForm):
    class Meta:
        model = Character
        fields = ["deleted_at"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        instance = self.instance
        if data.get("deleted_at") is None and instance.deleted_at is not None and Character.objects.filter(
                user_id=instance.user_id, name__iexact=instance.name, deleted_at__isnull=True).exists():
            raise ValidationError(f"Its owner has another character named {instance.name!r} now: this one stays "
                                  "retired.")
        return data


@admin.register(Character)
class CharacterAdmin(admin.ModelAdmin):
    form = CharacterForm
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
        if obj.withdrawn:
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
        from jobs.artifacts import storage_call

        character = get_object_or_404(Character, pk=character_id)
        if not character.reference_key:
            raise Http404("Its owner deleted this character with its image.")
        try:  # within the store's deadline and breaker, like every read on a request's path (503 when down)
            image = storage_call(default_storage.open, character.reference_key, "rb")
        except FileNotFoundError:
            raise Http404("The likeness image is no longer stored.") from None
        response = FileResponse(image, content_type="image/png")
        response["Cache-Control"] = "private, no-store"
        return response

    def get_readonly_fields(self, request: HttpRequest, obj: Character | None = None) -> list[str]:
        # A likeness its owner deleted (image and descriptor gone) is never brought back.
        fields = list(self.readonly_fields)
        return [*fields, "deleted_at"] if obj is not None and obj.withdrawn else fields

    def save_model(self, request: HttpRequest, obj: Character, form: Any, change: bool) -> None:
        from django.db import transaction

        from jobs.characters import fail_unfinished_jobs

        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if obj.deleted_at is not None and "deleted_at" in form.changed_data:
                fail_unfinished_jobs(obj, "was retired")  # like an owner's deletion, the image kept for the audit

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # characters come from their owners' clips (POST /v1/videos/characters) only
