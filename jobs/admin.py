"""Admin views of webhook endpoints and their delivery attempts (support staff see what a client's
endpoint answered, each attempt's outcome, and when the next retry is due)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from jobs.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AttemptInline(ReadOnlyInline):
    model = WebhookAttempt
    # The outcome tells operators what users are not shown (deadline vs refused vs reset connections).
    fields = ["at", "outcome", "status_code", "error", "duration_ms"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["pk", "endpoint", "event_type", "status", "attempts", "last_status_code", "next_attempt_at",
                    "created_at"]
    list_filter = ["status"]
    search_fields = ["endpoint__url", "event__id", "endpoint__user__username"]
    readonly_fields = ["event", "endpoint", "status", "attempts", "next_attempt_at", "last_status_code",
                       "last_error", "created_at", "delivered_at"]
    inlines = [AttemptInline]
    list_select_related = ["endpoint", "event"]

    @admin.display(description="event")
    def event_type(self, obj: WebhookDelivery) -> str:
        return obj.event.type

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class DeliveryInline(ReadOnlyInline):
    model = WebhookDelivery
    fields = ["event", "status", "attempts", "last_status_code", "last_error", "next_attempt_at"]
    show_change_link = True
    ordering = ["-created_at"]


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    list_display = ["id", "user", "url", "enabled", "created_at"]
    list_filter = ["enabled"]
    search_fields = ["url", "user__username"]
    readonly_fields = ["id", "user", "created_at", "updated_at"]
    exclude = ["secret"]
    inlines = [DeliveryInline]
