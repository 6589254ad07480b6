"""The moderation console (Django admin) for trust-and-safety reviewers.

Reviewers (the `reviewers` group, staff but not superusers) work a queue of review cases, see the
prompt, the user, the clip and its flagged frames with their scores, and approve or reject with a
reason (audited). They also edit the policy: categories and thresholds, rules, exemplars, protected
persons and their reference photos; edits apply to the next job without a restart.

After publication (jobs/moderation.py, jobs/rescreen.py): cases opened by user reports and by
re-screening sit in the same queue, by priority; the reviewer takes the clip down or keeps it, and a
takedown can be restored (each with a reason, audited). A policy edit here starts a re-screen of
recently published clips; a protected person's kill switch (an action on the list) stops every clip
that matched them at once.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from accounts.models import User
from jobs.delivery import serve_artifact
from jobs.models import Artifact, Job
from jobs.moderation import ModerationError, decide_published_case, restore, set_kill_switch
from jobs.rescreen import start_run_on_commit
from jobs.review import DecisionError, decide
from safety.frames import face_embedding_of
from safety.models import (
    Category,
    Decision,
    Exemplar,
    FlaggedFrame,
    KillSwitchAction,
    ProtectedPerson,
    ReferencePhoto,
    Report,
    RescreenRun,
    ReviewAction,
    ReviewCase,
    Rule,
    Takedown,
    TakedownAction,
    TakedownReason,
)
from safety.rules import RuleSyntaxError, compile_rule
from safety.takedown import holding


class PolicyEditRescreens(admin.ModelAdmin):
    """A policy edit (add, change, delete; list edits and photo uploads too) starts a re-screen of recently
    published clips under the new policy once the edit commits (jobs/rescreen.py)."""

    def _policy_changed(self, request: HttpRequest) -> None:
        start_run_on_commit(f"{self.model._meta.verbose_name} edited by {request.user}")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        self._policy_changed(request)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        self._policy_changed(request)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        super().delete_model(request, obj)
        self._policy_changed(request)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        super().delete_queryset(request, queryset)
        self._policy_changed(request)


@admin.register(Category)
class CategoryAdmin(PolicyEditRescreens):
    list_display = ["slug", "label", "enabled", "embedding_threshold", "frame_review_threshold",
                    "frame_block_threshold", "updated_at"]
    list_editable = ["enabled", "embedding_threshold", "frame_review_threshold", "frame_block_threshold"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # disable a category instead: decisions refer to it by name


class RuleForm(forms.ModelForm):
    class Meta:
        model = Rule
        fields = ["category", "kind", "pattern", "enabled", "note"]

    def clean_pattern(self) -> str:
        """Only what the rule pass can run: RE2 syntax (linear-time matching, so no backreferences) plus
        lookarounds at the very start or end of the rule (see safety/rules.py)."""
        pattern = self.cleaned_data["pattern"].strip()
        try:
            matcher = compile_rule(pattern)
        except RuleSyntaxError as exc:
            raise ValidationError(f"This pattern cannot be used: {exc}.") from None
        if matcher.find("") is not None:
            raise ValidationError("This pattern matches an empty prompt, so it would block everything.")
        return pattern


@admin.register(Rule)
class RuleAdmin(PolicyEditRescreens):
    form = RuleForm
    list_display = ["pattern", "category", "kind", "enabled", "runnable", "note", "updated_at"]
    list_filter = ["category", "kind", "enabled"]
    search_fields = ["pattern", "note"]

    @admin.display(boolean=True, description="runnable")
    def runnable(self, rule: Rule) -> bool:
        """False for a rule saved before patterns were checked for RE2: screening skips it (and logs why)."""
        try:
            compile_rule(rule.pattern)
        except RuleSyntaxError:
            return False
        return True


@admin.register(Exemplar)
class ExemplarAdmin(PolicyEditRescreens):
    list_display = ["text", "category", "enabled", "updated_at"]
    list_filter = ["category", "enabled"]
    search_fields = ["text"]


class ReferencePhotoForm(forms.ModelForm):
    class Meta:
        model = ReferencePhoto
        fields = ["image"]

    def clean_image(self) -> Any:
        image = self.cleaned_data["image"]
        if image and (not self.instance.pk or "image" in self.changed_data):
            image.seek(0)
            try:
                self.instance.embedding = face_embedding_of(image.read())
            except ValueError as exc:
                raise ValidationError(str(exc)) from None
            image.seek(0)
        return image


class ReferencePhotoInline(admin.TabularInline):
    model = ReferencePhoto
    form = ReferencePhotoForm
    extra = 1
    fields = ["image", "has_embedding", "uploaded_by", "created_at"]
    readonly_fields = ["has_embedding", "uploaded_by", "created_at"]

    @admin.display(boolean=True, description="face found")
    def has_embedding(self, obj: ReferencePhoto) -> bool:
        return bool(obj.embedding)


@admin.register(ProtectedPerson)
class ProtectedPersonAdmin(PolicyEditRescreens):
    list_display = ["name", "enabled", "kill_switch", "photo_count", "updated_at"]
    list_filter = ["enabled", "kill_switch"]
    search_fields = ["name", "aliases"]
    readonly_fields = ["kill_switch", "kill_switch_log"]  # changed only through the audited actions below
    inlines = [ReferencePhotoInline]
    actions = ["kill_switch_on", "kill_switch_off"]

    @admin.display(description="kill switch log")
    def kill_switch_log(self, person: ProtectedPerson) -> str:
        """Who turned the kill switch on or off, when, why, and how many clips it stopped or released."""
        rows = KillSwitchAction.objects.filter(person=person).select_related("actor") if person.pk else []
        if not rows:
            return "-"
        return format_html("<ul>{}</ul>", format_html_join(
            "", "<li>{}: {} by {} ({} clips): {}</li>",
            ((a.at.strftime("%Y-%m-%d %H:%M"), "on" if a.on else "off", a.actor or "system", a.clips, a.reason)
             for a in rows)))

    @admin.action(description="Kill switch ON: stop delivering every clip that matched them", permissions=["change"])
    def kill_switch_on(self, request: HttpRequest, queryset: QuerySet[ProtectedPerson]) -> None:
        for person in queryset:
            stopped = set_kill_switch(person, True, actor=request.user)
            messages.warning(request, f"Kill switch on for {person.name}: {stopped} published clip(s) stopped now; "
                                      "re-screening looks for more.")
        self._policy_changed(request)

    @admin.action(description="Kill switch off: deliver the clips it stopped again", permissions=["change"])
    def kill_switch_off(self, request: HttpRequest, queryset: QuerySet[ProtectedPerson]) -> None:
        for person in queryset:
            released = set_kill_switch(person, False, actor=request.user)
            messages.success(request, f"Kill switch off for {person.name}: {released} clip(s) delivered again.")
        self._policy_changed(request)

    @admin.display(description="reference photos")
    def photo_count(self, obj: ProtectedPerson) -> int:
        return obj.photos.count()

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        for photo in formset.save(commit=False):
            if photo.uploaded_by_id is None:
                photo.uploaded_by = request.user
            photo.save()
        for obj in formset.deleted_objects:
            obj.delete()


class ReadOnlyInline(admin.TabularInline):
    """Rows shown beside their parent that nobody adds, edits or deletes here (audit trails, findings)."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class FlaggedFrameInline(ReadOnlyInline):
    model = FlaggedFrame
    fields = ("index", "category", "score", "scores")


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    """The audit log of every automatic decision (read-only)."""

    list_display = ["created_at", "stage", "verdict", "category", "job", "user"]
    list_filter = ["stage", "verdict", "category"]
    date_hierarchy = "created_at"
    readonly_fields = ["job", "user", "stage", "verdict", "category", "fired", "scores", "created_at"]
    inlines = [FlaggedFrameInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AgeFilter(admin.SimpleListFilter):
    title = "age"
    parameter_name = "age"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("1h", "under an hour"), ("24h", "under a day"), ("old", "older than a day")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[ReviewCase]) -> QuerySet[ReviewCase]:
        now = timezone.now()
        if self.value() == "1h":
            return queryset.filter(opened_at__gte=now - timedelta(hours=1))
        if self.value() == "24h":
            return queryset.filter(opened_at__gte=now - timedelta(days=1))
        if self.value() == "old":
            return queryset.filter(opened_at__lt=now - timedelta(days=1))
        return queryset


class ReviewActionInline(ReadOnlyInline):
    """The audit trail: who decided what, when and why."""

    model = ReviewAction
    fields = ("at", "reviewer", "action", "reason", "applied")


class ReportInline(ReadOnlyInline):
    """The user reports behind a `report` case."""

    model = Report
    fields = ("created_at", "reporter", "reason", "details", "status")


def _deleted_by_owner(job_id: str) -> bool:
    return Job.objects.filter(pk=job_id, deleted_at__isnull=False).exists()


@admin.register(ReviewCase)
class ReviewCaseAdmin(admin.ModelAdmin):
    # Layout from a stylesheet: the Content-Security-Policy refuses inline style attributes.
    class Media:
        css = {"all": ["review.css"]}

    change_form_template = "admin/safety/reviewcase/change_form.html"
    list_display = ["pk", "job", "kind", "category", "priority", "stage", "top_score", "status", "opened_at",
                    "owner"]
    list_filter = ["status", "kind", "category", "stage", AgeFilter]
    list_select_related = ["job__user"]
    search_fields = ["job__id", "job__prompt", "job__user__username"]
    ordering = ["-priority", "opened_at"]  # sexual content involving minors first, then more reporters
    fields = ("status", "kind", "category", "priority", "stage", "top_score", "opened_at", "owner", "takedown",
              "prompt", "player", "frames", "decided_by", "decided_at", "reason")
    readonly_fields = fields
    inlines = [ReportInline, ReviewActionInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ReviewCase]:
        return super().get_queryset(request).select_related("job__user", "decision", "decided_by")

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        if not request.GET and not request.META.get("HTTP_REFERER", "").startswith(request.build_absolute_uri()):
            return HttpResponseRedirect(f"{request.path}?status__exact=open")  # the queue: open cases first
        return super().changelist_view(request, extra_context)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # cases change only through a decision (below)

    @admin.display(description="user")
    def owner(self, case: ReviewCase) -> str:
        user = case.job.user
        return f"{user.username} ({user.tier_id})"

    @admin.display(description="takedown")
    def takedown(self, case: ReviewCase) -> str:
        row = Takedown.objects.filter(job_id=case.job_id).first()
        if row is None:
            return "-"
        state = "removed" if row.active else "restored"
        return format_html('<a href="{}">{} ({})</a>', reverse("admin:safety_takedown_change", args=[row.pk]),
                           state, row.get_source_display())

    @admin.display(description="prompt")
    def prompt(self, case: ReviewCase) -> str:
        job = case.job
        return format_html("<p>{}</p><p class='help'>negative: {} · seed {} · {}x{} · {} s · job {}</p>",
                           job.prompt, job.negative_prompt or "-", job.seed, job.width, job.height, job.seconds,
                           job.id)

    @admin.display(description="video")
    def player(self, case: ReviewCase) -> str:
        url = reverse("admin:safety_reviewcase_media", args=[case.pk, Artifact.Kind.VIDEO])
        return format_html('<video src="{}" class="review-player" controls loop muted></video>',
                           url)

    @admin.display(description="flagged frames")
    def frames(self, case: ReviewCase) -> str:
        items = list(case.decision.frames.all())
        if not items:
            return format_html("<p>{}</p>", case.decision.fired.get("error", "no frames stored"))
        return format_html(
            '<div class="review-frames">{}</div>',
            format_html_join("", '<figure><img src="{}"><figcaption>'
                                 'frame {} · {} {}</figcaption></figure>',
                             ((reverse("admin:safety_reviewcase_frame", args=[case.pk, f.pk]), f.index, f.category,
                               f"{f.score:.2f}") for f in items)))

    def get_urls(self) -> list[Any]:
        view = self.admin_site.admin_view
        return [
            path("<int:case_id>/decide/", view(self.decide_view), name="safety_reviewcase_decide"),
            path("<int:case_id>/restore/", view(self.restore_view), name="safety_reviewcase_restore"),
            path("<int:case_id>/media/<str:kind>/", view(self.media_view), name="safety_reviewcase_media"),
            path("<int:case_id>/frame/<int:frame_id>/", view(self.frame_view), name="safety_reviewcase_frame"),
            *super().get_urls(),
        ]

    def _case_for_viewer(self, request: HttpRequest, case_id: int) -> ReviewCase:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(ReviewCase, pk=case_id)

    def media_view(self, request: HttpRequest, case_id: int, kind: str) -> HttpResponseBase:
        """The case's clip, poster or reference image, served as the owners' downloads are (jobs.delivery: byte
        ranges, so the console's player seeks and plays in browsers that need 206; a redirect to the store on S3)."""
        case = self._case_for_viewer(request, case_id)
        art = Artifact.objects.filter(job_id=case.job_id, kind=kind, deleted_at__isnull=True).first()
        if art is None or kind not in {Artifact.Kind.VIDEO, Artifact.Kind.THUMBNAIL, Artifact.Kind.INPUT_REFERENCE}:
            raise Http404("No such media for this case.")
        return serve_artifact(request, art)

    def frame_view(self, request: HttpRequest, case_id: int, frame_id: int) -> FileResponse:
        case = self._case_for_viewer(request, case_id)
        frame = get_object_or_404(FlaggedFrame, pk=frame_id, decision_id=case.decision_id)
        return FileResponse(default_storage.open(frame.image_key, "rb"), content_type="image/jpeg")

    def decide_view(self, request: HttpRequest, case_id: int) -> HttpResponse:
        if not request.user.has_perm("safety.decide_reviewcase"):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        case = get_object_or_404(ReviewCase, pk=case_id)
        action = request.POST.get("action")
        if case.kind != ReviewCase.Kind.HOLD:
            return self._decide_published(request, case, action)
        if action not in {"approve", "reject"}:
            messages.error(request, "Choose approve or reject.")
        else:
            try:
                # An admin view (admin_site.admin_view: staff only), so never the AnonymousUser; the cast only
                # tells the type checker so.
                applied = decide(case, cast(User, request.user), approve=action == "approve",
                                 reason=request.POST.get("reason", ""))
            except DecisionError as exc:
                messages.error(request, str(exc))
            else:
                if applied:
                    outcome = "approved and published" if action == "approve" else "rejected and blocked"
                    messages.success(request, f"Case {case.pk}: {outcome}; the user was notified.")
                else:
                    messages.warning(request, f"Case {case.pk}: the job had already ended (e.g. cancelled); "
                                              "the decision is recorded and the case closed.")
        return HttpResponseRedirect(reverse("admin:safety_reviewcase_change", args=[case.pk]))

    def _decide_published(self, request: HttpRequest, case: ReviewCase, action: str | None) -> HttpResponse:
        """A published clip (reported, or flagged by re-screening): take it down or keep it."""
        if action not in {"take_down", "keep"}:
            messages.error(request, "Choose take down or keep.")
        else:
            try:
                removed = decide_published_case(case, request.user, remove=action == "take_down",
                                                reason=request.POST.get("reason", ""))
            except ModerationError as exc:
                messages.error(request, str(exc))
            else:
                if action == "keep":
                    messages.success(request, f"Case {case.pk}: the video stays published.")
                elif removed and _deleted_by_owner(case.job_id):
                    messages.success(request, f"Case {case.pk}: the takedown is recorded (and applies to what was made "
                                              "from the video); its owner had deleted the video, so nobody was "
                                              "notified.")
                elif removed:
                    messages.success(request, f"Case {case.pk}: the video was taken down; the owner was notified.")
                elif held := holding(case.job_id):
                    messages.warning(request, f"Case {case.pk}: the video was already removed (by "
                                              f"{_listed(held)}); the takedown is recorded and holds it too: it "
                                              "stays removed until each of these is lifted.")
                else:
                    messages.warning(request, f"Case {case.pk}: the video was no longer published; the decision "
                                              "is recorded.")
        return HttpResponseRedirect(reverse("admin:safety_reviewcase_change", args=[case.pk]))

    def restore_view(self, request: HttpRequest, case_id: int) -> HttpResponse:
        if not request.user.has_perm("safety.decide_reviewcase"):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        case = get_object_or_404(ReviewCase, pk=case_id)
        try:
            restored = restore(case.job_id, reason=request.POST.get("reason", ""), actor=request.user)
        except ModerationError as exc:
            messages.error(request, str(exc))
        else:
            if restored is not None and _deleted_by_owner(case.job_id):
                messages.success(request, f"Case {case.pk}: the takedown is lifted; its owner had deleted the video, "
                                          "so nothing is delivered and nobody was notified.")
            elif restored is not None:
                messages.success(request, f"Case {case.pk}: the video is delivered again; the owner was notified.")
            elif held := holding(case.job_id):
                messages.warning(request, f"Case {case.pk}: the reviewers' takedown is lifted, but the video stays "
                                          f"removed: {_listed(held)} still holds it.")
            else:
                messages.warning(request, f"Case {case.pk}: the video was not removed.")
        return HttpResponseRedirect(reverse("admin:safety_reviewcase_change", args=[case.pk]))

    def render_change_form(self, request: HttpRequest, context: dict[str, Any], *args: Any,
                           **kwargs: Any) -> HttpResponse:
        case = context.get("original")
        context["can_restore"] = request.user.has_perm("safety.decide_reviewcase") and case is not None \
            and Takedown.objects.filter(job_id=case.job_id, active=True).exists()
        context["can_decide"] = request.user.has_perm("safety.decide_reviewcase") and case is not None \
            and case.status == ReviewCase.Status.OPEN
        return super().render_change_form(request, context, *args, **kwargs)


def _listed(reasons: list[TakedownReason]) -> str:
    return ", ".join(reason.describe() for reason in reasons)


class TakedownReasonInline(ReadOnlyInline):
    """What removed the video: each reason, those still holding it first (the video is delivered again when none
    is active), each lifted by its own undo (docs/moderation.md)."""

    model = TakedownReason
    fields = ("active", "cause", "category", "reason", "person", "case", "removed_at", "removed_by", "lifted_at")
    ordering = ("-active", "removed_at", "id")

    @admin.display(description="cause")
    def cause(self, reason: TakedownReason) -> str:
        return reason.describe()


class TakedownActionInline(ReadOnlyInline):
    """The audit trail of a takedown: who removed or restored it, when and why, and the reason each added or
    lifted (`cause`)."""

    model = TakedownAction
    fields = ("at", "action", "cause", "actor", "reason")

    def get_queryset(self, request: HttpRequest) -> QuerySet[TakedownAction]:
        return super().get_queryset(request).select_related("cause__person", "actor")


@admin.register(Takedown)
class TakedownAdmin(admin.ModelAdmin):
    """Videos removed after publication (read-only: they change through cases and kill switches)."""

    list_display = ["job", "active", "source", "category", "person", "removed_at", "removed_by"]
    list_filter = ["active", "source", "category"]
    search_fields = ["job__id"]
    fields = ("job", "active", "source", "category", "reason", "person", "case", "removed_at", "removed_by")
    readonly_fields = fields
    inlines = [TakedownReasonInline, TakedownActionInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(RescreenRun)
class RescreenRunAdmin(admin.ModelAdmin):
    """Re-screening runs, one per policy version (read-only)."""

    list_display = ["policy_version", "trigger", "started_at", "finished_at", "screened", "flagged", "window_days"]
    readonly_fields = ["policy_version", "trigger", "window_days", "since", "started_at", "progressed_at",
                       "leased_until", "finished_at", "screened", "flagged"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
