"""Pricing: the credits held and the GPU estimate follow the frames rendered, and so does the charge."""

from __future__ import annotations

import pytest

from jobs import lifecycle
from jobs.costs import delivered_charge
from jobs.models import Job
from tests.credit_helpers import client_for, to_finalizing


@pytest.mark.django_db
def test_credits_and_the_gpu_estimate_scale_with_the_frames_rendered(make_user) -> None:
    import math

    from jobs.profiles import current_profile

    _, key = make_user("framerate", credits=1000)
    api = client_for(key)
    profile = current_profile()
    videos = {fps: api.post("/v1/videos", {"prompt": "a kite", "seconds": 8, **({"fps": fps} if fps else {})},
                            format="json").json() for fps in (None, profile.fps, 2 * profile.fps, 1)}
    default, same, double, slow = (videos[k] for k in (None, profile.fps, 2 * profile.fps, 1))
    steps = default["total_steps"]
    # At the profile's frame rate the price is the per-second one, as before.
    assert default["credits_held"] == same["credits_held"] == math.ceil(8 * steps / profile.default_steps)
    assert (default["num_frames"], double["num_frames"], slow["num_frames"]) == (33, 65, 9)
    # Twice the frame rate renders ~twice the frames and costs ~twice as much; fewer frames cost less.
    assert double["credits_held"] == math.ceil(8 * 65 / 33 * steps / profile.default_steps)
    assert double["credits_held"] > 1.9 * default["credits_held"]
    assert slow["credits_held"] < default["credits_held"] / 3
    jobs = {v["id"]: Job.objects.get(pk=v["id"]) for v in (default, double)}
    assert jobs[double["id"]].est_gpu_seconds / jobs[default["id"]].est_gpu_seconds == pytest.approx(65 / 33)
    # What a completed job is charged follows the same rule: the whole hold for a full render.
    attempt = to_finalizing(double["id"])
    assert lifecycle.publish(double["id"], attempt, charge=delivered_charge(Job.objects.get(pk=double["id"])))
    assert Job.objects.get(pk=double["id"]).credits_charged == double["credits_held"]
