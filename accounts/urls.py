"""Sign-up, e-mail verification and password reset (included at the site root by webapp/urls.py)."""

from __future__ import annotations

from django.urls import path

from accounts import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/done/", views.signup_done, name="signup-done"),
    path("signup/verify/<str:uidb64>/<str:token>/", views.verify, name="signup-verify"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path("password-reset/sent/", views.password_reset_views["done"], name="password-reset-done"),
    path("password-reset/<str:uidb64>/<str:token>/", views.password_reset_views["confirm"],
         name="password-reset-confirm"),
    path("password-reset/complete/", views.password_reset_views["complete"], name="password-reset-complete"),
]
