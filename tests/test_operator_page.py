"""The operator page (/ops/): staff only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from jobs.models import JobState as S
from jobs.models import QueueSample
from jobs.reconciler import sample_queue_depth
from tests.test_lifecycle import make_job


@pytest.mark.django_db
def test_operator_page_for_staff_only(make_user, django_user_model) -> None:
    user, _ = make_user("opsuser")
    failed = make_job(user, S.FAILED, error_code="generation_failed", error_message="The model failed.",
                      finished_at=timezone.now())
    make_job(user, S.SUCCEEDED, queued_at=timezone.now() - timedelta(seconds=20),
             started_at=timezone.now() - timedelta(seconds=12), finished_at=timezone.now(), seconds=10)
    sample_queue_depth(timezone.now() - timedelta(minutes=5))
    sample_queue_depth(timezone.now())
    assert QueueSample.objects.filter(tier="plus").count() == 2
    staff = django_user_model.objects.create_user("operator", password="pw", is_staff=True)
    client = Client()
    client.force_login(staff)
    page = client.get("/ops/").content.decode()
    assert 'id="targets"' in page and "Plus" in page and "Free" in page
    assert "8.0 s" in page  # the plus job's queue wait (20 s queued, claimed 12 s ago)
    assert 'id="queue-chart"' in page and "<polyline" in page
    assert 'id="fleet"' in page and failed.id in page and "The model failed." in page
    creator = Client()
    creator.force_login(user)
    assert creator.get("/ops/").status_code == 302  # to the admin login, never the page
    assert Client().get("/ops/").status_code == 302
