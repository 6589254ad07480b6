from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.decorators.http import require_safe
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularYAMLAPIView

from accounts.forms import LoginForm
from webapp import health, ops, pages

urlpatterns = [
    path("", pages.studio, name="studio"),
    path("videos/<str:video_id>/", pages.video_page, name="video-page"),
    path("videos/<str:video_id>/again", pages.video_again, name="video-again"),
    path("videos/<str:video_id>/remix", pages.video_remix, name="studio-remix"),
    path("videos/<str:video_id>/report", pages.video_report, name="video-report"),
    path("videos/<str:video_id>/extend", pages.video_extend, name="video-extend"),
    path("videos/<str:video_id>/edit", pages.video_edit, name="video-edit"),
    path("characters/", pages.characters, name="studio-characters"),
    path("characters/<str:character_id>/delete/", pages.character_delete, name="character-delete"),
    path("history/", pages.history, name="history"),
    path("ops/autoscale", pages.autoscale, name="autoscale"),
    # require_safe: GET and HEAD only; any other method is a 405 (these views would answer it as a GET), except an
    # unsafe one without a CSRF token, which the CSRF check refuses first (403).
    path("ops/", require_safe(ops.operator_page), name="ops"),
    path("healthz", require_safe(health.healthz), name="healthz"),
    path("readyz", require_safe(health.readyz), name="readyz"),
    path("metrics", require_safe(health.metrics), name="metrics"),
    path("login/", auth_views.LoginView.as_view(template_name="login.html", authentication_form=LoginForm),
         name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", pages.account, name="account"),
    path("", include("accounts.urls")),  # sign-up, e-mail verification, password reset
    path("admin/", admin.site.urls),
    path("v1/", include("jobs.api.urls")),
    path("v1/openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("v1/openapi.yaml", SpectacularYAMLAPIView.as_view(), name="openapi-yaml"),
]

handler404 = "webapp.pages.not_found"
handler500 = "webapp.pages.server_error"
