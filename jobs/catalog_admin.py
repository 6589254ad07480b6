"""The model catalog in the admin: models with their versions, and the rollout actions (start a canary,
promote to live, roll back). Registered from jobs/admin.py. Figures per version are on /ops/."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from jobs import rollout
from jobs.catalog import CatalogModel, ModelVersion


class VersionInline(admin.TabularInline):
    model = ModelVersion
    extra = 0
    fields = ["version", "family", "state", "checkpoint", "fps", "price_factor", "canary_share",
              "canary_gpu_seconds_per_hour"]
    readonly_fields = ["state"]
    show_change_link = True


@admin.register(CatalogModel)
class CatalogModelAdmin(admin.ModelAdmin):
    list_display = ["id", "description", "aliases", "owned_by", "created_at"]
    search_fields = ["id", "description"]
    inlines = [VersionInline]


@admin.register(ModelVersion)
class ModelVersionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "family", "state", "state_reason", "price_factor", "canary_share",
                    "canary_gpu_seconds_per_hour", "state_changed_at"]
    list_filter = ["state", "family", "model"]
    search_fields = ["model__id", "version", "checkpoint"]
    readonly_fields = ["state", "state_reason", "state_changed_at", "created_at"]
    actions = ["start_canary", "promote", "roll_back"]
    fieldsets = [
        (None, {"fields": ["model", "version", "family", "description", "checkpoint", "vace_checkpoint"]}),
        ("What it renders", {"fields": ["resolutions", "fps", "default_steps", "max_seconds",
                                        "max_sequence_length"]}),
        ("Capabilities", {"fields": ["supports_reference_image", "supports_extend", "supports_edit",
                                     "supports_audio"]}),
        ("Cost", {"fields": ["gpu_memory_mb", "activation_memory_mb", "ref_gpu_seconds", "gpu_speed",
                             "price_factor"]}),
        ("Rollout", {"fields": ["state", "state_reason", "state_changed_at", "canary_share",
                                "canary_gpu_seconds_per_hour", "rollback_margin", "rollback_min_sample",
                                "created_at"]}),
    ]

    def _each(self, request: HttpRequest, queryset: QuerySet[ModelVersion], verb: str, act: str) -> None:
        for version in queryset.select_related("model"):
            reason = f"{verb} by {request.user.get_username()} in the admin"
            try:
                if act == "canary":
                    rollout.start_canary(version, reason)
                elif act == "promote":
                    rollout.promote(version, reason)
                else:
                    rollout.roll_back(version, reason)
            except ValueError as exc:
                self.message_user(request, str(exc), messages.WARNING)
            else:
                self.message_user(request, f"{version.public_id}: {verb}.", messages.SUCCESS)

    @admin.action(description="Start as canary (its share of eligible users, within its GPU budget)")
    def start_canary(self, request: HttpRequest, queryset: QuerySet[ModelVersion]) -> None:
        self._each(request, queryset, "started as canary", "canary")

    @admin.action(description="Promote to live (the current live version is retired)")
    def promote(self, request: HttpRequest, queryset: QuerySet[ModelVersion]) -> None:
        self._each(request, queryset, "promoted to live", "promote")

    @admin.action(description="Roll back the canary (back to draft; requests go to the live version)")
    def roll_back(self, request: HttpRequest, queryset: QuerySet[ModelVersion]) -> None:
        self._each(request, queryset, "rolled back", "roll_back")
