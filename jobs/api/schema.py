"""Serializers that document the API for drf-spectacular (responses are built by jobs.selectors)."""

from __future__ import annotations

from rest_framework import serializers


class ErrorDetail(serializers.Serializer):
    message = serializers.CharField()
    type = serializers.CharField()
    param = serializers.CharField(allow_null=True)
    code = serializers.CharField(allow_null=True)


class ErrorResponse(serializers.Serializer):
    error = ErrorDetail()


class VideoError(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class Timings(serializers.Serializer):
    queued_at = serializers.IntegerField(allow_null=True)
    started_at = serializers.IntegerField(allow_null=True)
    frames_done_at = serializers.IntegerField(allow_null=True)
    finished_at = serializers.IntegerField(allow_null=True)


class Video(serializers.Serializer):
    id = serializers.CharField()
    object = serializers.ChoiceField(choices=["video"])
    created_at = serializers.IntegerField()
    completed_at = serializers.IntegerField(allow_null=True)
    expires_at = serializers.IntegerField(allow_null=True)
    model = serializers.CharField()
    progress = serializers.IntegerField(min_value=0, max_value=100)
    prompt = serializers.CharField()
    remixed_from_video_id = serializers.CharField(allow_null=True)
    seconds = serializers.CharField()
    size = serializers.CharField()
    status = serializers.ChoiceField(choices=["queued", "in_progress", "completed", "failed"])
    error = VideoError(allow_null=True)
    state = serializers.ChoiceField(choices=["submitted", "queued", "dispatched", "running", "finalizing",
                                             "in_review", "succeeded", "failed", "blocked", "cancelled"],
                                    help_text="Kinema's internal state.")
    step = serializers.IntegerField()
    total_steps = serializers.IntegerField()
    queue_position = serializers.IntegerField(allow_null=True)
    eta_at = serializers.IntegerField(allow_null=True)
    attempt = serializers.IntegerField()
    negative_prompt = serializers.CharField()
    seed = serializers.IntegerField()
    style = serializers.CharField(allow_null=True)
    resolution = serializers.CharField(help_text="The model resolution the size was mapped to.")
    num_frames = serializers.IntegerField()
    fps = serializers.IntegerField()
    guidance_scale = serializers.FloatField()
    tier = serializers.CharField()
    credits_held = serializers.IntegerField()
    credits_charged = serializers.IntegerField()
    notices = serializers.ListField(child=serializers.CharField(), help_text="Limits applied to the request.")
    timings = Timings()


class VideoList(serializers.Serializer):
    object = serializers.ChoiceField(choices=["list"])
    data = Video(many=True)
    first_id = serializers.CharField(allow_null=True)
    last_id = serializers.CharField(allow_null=True)
    has_more = serializers.BooleanField()


class VideoDeleted(serializers.Serializer):
    id = serializers.CharField()
    object = serializers.ChoiceField(choices=["video.deleted"])
    deleted = serializers.BooleanField()


class CreateVideoRequest(serializers.Serializer):
    prompt = serializers.CharField(max_length=4000)
    model = serializers.CharField(required=False)
    seconds = serializers.CharField(required=False, help_text="1..max seconds for the model (OpenAI: 4, 8, 12).")
    size = serializers.CharField(required=False, help_text="e.g. 1280x720, 720x1280, or a native size.")
    input_reference = serializers.FileField(required=False)
    negative_prompt = serializers.CharField(required=False)
    seed = serializers.IntegerField(required=False)
    style = serializers.CharField(required=False)
    steps = serializers.IntegerField(required=False)
    fps = serializers.IntegerField(required=False)
    guidance_scale = serializers.FloatField(required=False)


class RemixRequest(serializers.Serializer):
    prompt = serializers.CharField(max_length=4000)
