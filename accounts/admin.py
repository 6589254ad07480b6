from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm as BaseUserChangeForm

from accounts.credits import grant_credits
from accounts.models import ApiKey, CreditLot, InviteCode, LedgerEntry, SentEmail, Tier, User
from accounts.verification import is_placeholder


@admin.register(Tier)
class TierAdmin(admin.ModelAdmin):
    list_display = ["name", "display_name", "weight", "floor_share", "step_budget", "max_height",
                    "max_seconds", "daily_quota", "max_concurrent", "max_queued"]


class UserChangeForm(BaseUserChangeForm):
    """Django's, except that a sign-up waiting for its link (inactive, verification pending) may keep a
    placeholder username, "<a valid name>#<12 hex digits>" (accounts/verification.py), which Django's username
    validator refuses: without this, staff could save no change to it. Any other name is validated as usual, and
    an account activated here needs a real one."""

    def _placeholder_kept(self) -> bool:
        username = self.cleaned_data.get("username")
        active = self.cleaned_data.get("is_active", self.instance.is_active)
        return (self.instance.pk is not None and self.instance.verification_pending and not active
                and isinstance(username, str) and is_placeholder(username))

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        # The model's checks of the username are skipped for a placeholder (below): its uniqueness is checked here.
        if self._placeholder_kept() and User.objects.filter(username=self.cleaned_data["username"]).exclude(
                pk=self.instance.pk).exists():
            self.add_error("username", self.instance.unique_error_message(User, ["username"]))
        return cleaned

    def _get_validation_exclusions(self) -> set[str]:
        # Django's ModelForm method (the fields model validation skips); django-stubs does not declare it.
        exclude: set[str] = super()._get_validation_exclusions()  # type: ignore[misc]
        if self._placeholder_kept():
            exclude.add("username")
        return exclude


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserChangeForm
    list_display = ["username", "email", "tier", "is_staff", "date_joined"]
    list_filter = ["tier", "is_staff", "is_active", "verification_pending"]
    # Django's UserAdmin declares its fieldsets; django-stubs types them as optional, like any ModelAdmin's.
    assert BaseUserAdmin.fieldsets is not None
    fieldsets = (*BaseUserAdmin.fieldsets, ("Plan", {"fields": ["tier"]}))


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["lookup", "key_hash", "created_at", "last_used_at"]
    actions = ["revoke"]

    @admin.action(description="Revoke selected keys")
    def revoke(self, request, queryset) -> None:
        for key in queryset:
            key.revoke()


@admin.register(CreditLot)
class CreditLotAdmin(admin.ModelAdmin):
    """Staff grant credits by adding a lot; lots then change only through the ledger."""

    list_display = ["user", "source", "amount", "remaining", "expires_at", "created_at"]
    list_filter = ["source"]
    search_fields = ["user__username"]
    fields = ["user", "source", "amount", "expires_at"]

    def get_readonly_fields(self, request, obj=None):
        return ["user", "source", "amount", "expires_at"] if obj else []

    def save_model(self, request, obj, form, change) -> None:
        if change:
            return
        lot = grant_credits(obj.user, obj.amount, source=obj.source, expires_at=obj.expires_at,
                            note=f"granted by {request.user.username}")
        obj.pk = lot.pk

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(LedgerEntry)
class LedgerEntryAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "amount", "job_id", "lot", "note", "created_at"]
    list_filter = ["kind"]
    search_fields = ["user__username", "job_id"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # the ledger is append-only

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(InviteCode)
class InviteCodeAdmin(admin.ModelAdmin):
    """Invite codes for sign-up while it is invite-only (KINEMA_SIGNUP=invite). Leave the code as
    generated, or type a memorable one; send people /signup/?invite=CODE."""

    list_display = ["code", "uses", "max_uses", "expires_at", "note", "created_by", "created_at"]
    search_fields = ["code", "note"]
    readonly_fields = ["uses", "created_by", "created_at"]
    fields = ["code", "max_uses", "expires_at", "note", "uses", "created_by", "created_at"]

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(SentEmail)
class SentEmailAdmin(admin.ModelAdmin):
    """Mails owed to users (finished-video notices): sent once, by a CPU worker. Read-only."""

    list_display = ["key", "to", "subject", "created_at", "sent_at"]
    search_fields = ["key", "to", "user__username"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
