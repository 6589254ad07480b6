from django.urls import path

from jobs.api import characters, reports, views, webhooks
from jobs.api import models as catalog_models
from jobs.api.me import Me

urlpatterns = [
    path("ping", views.Ping.as_view(), name="ping"),
    path("me", Me.as_view(), name="me"),
    path("models", catalog_models.ModelListView.as_view(), name="models"),
    path("models/<str:model_id>", catalog_models.ModelDetailView.as_view(), name="model"),
    path("notifications", views.Notifications.as_view(), name="notifications"),
    path("notifications/read", views.NotificationsRead.as_view(), name="notifications-read"),
    path("webhooks", webhooks.WebhookList.as_view(), name="webhooks"),
    path("webhooks/<str:webhook_id>", webhooks.WebhookDetail.as_view(), name="webhook"),
    path("webhooks/<str:webhook_id>/deliveries", webhooks.WebhookDeliveries.as_view(), name="webhook-deliveries"),
    path("webhooks/<str:webhook_id>/test", webhooks.WebhookTest.as_view(), name="webhook-test"),
    path("videos", views.VideoListCreate.as_view(), name="videos"),
    path("videos/extensions", views.VideoExtensions.as_view(), name="video-extensions"),
    path("videos/edits", views.VideoEdits.as_view(), name="video-edits"),
    path("videos/characters", characters.CharacterCreate.as_view(), name="characters"),
    path("videos/characters/<str:character_id>", characters.CharacterDetail.as_view(), name="character"),
    path("videos/<str:video_id>", views.VideoDetail.as_view(), name="video"),
    path("videos/<str:video_id>/content", views.VideoContent.as_view(), name="video-content"),
    path("videos/<str:video_id>/remix", views.VideoRemix.as_view(), name="video-remix"),
    path("videos/<str:video_id>/cancel", views.VideoCancel.as_view(), name="video-cancel"),
    path("videos/<str:video_id>/reports", reports.VideoReports.as_view(), name="video-reports"),
]
