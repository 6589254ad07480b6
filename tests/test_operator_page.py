"""The operator page (/ops/): staff only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from jobs.models import GpuWorker, QueueSample
from jobs.models import JobState as S
from jobs.reconciler import sample_queue_depth
from tests.test_lifecycle import make_job


@pytest.mark.django_db
def test_operator_page_for_staff_only(make_user, django_user_model) -> None:
    user, _ = make_user("opsuser")
    failed = make_job(user, S.FAILED, error_code="generation_failed", error_message="The model failed.",
                      finished_at=timezone.now())
    make_job(user, S.SUCCEEDED, queued_at=timezone.now() - timedelta(seconds=20),
             started_at=timezone.now() - timedelta(seconds=12), finished_at=timezone.now(), seconds=10)
    sampled = [timezone.now() - timedelta(minutes=5), timezone.now()]
    for at in sampled:
        sample_queue_depth(at)
    # (by time: a session stack's dispatcher, running beside the suite, samples the committed tiers too)
    assert QueueSample.objects.filter(tier="plus", at__in=sampled).count() == 2
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


@pytest.mark.django_db
def test_operator_page_shows_gpu_cost_per_day_tier_and_model_and_each_workers_service(
        make_user, django_user_model) -> None:
    user, _ = make_user("spender")
    now = timezone.now()
    make_job(user, S.SUCCEEDED, tier="plus", model="kinema-tiny", gpu_seconds=30.0, wasted_gpu_seconds=5.0)
    make_job(user, S.CANCELLED, tier="plus", model="kinema-tiny", gpu_seconds=12.0, wasted_gpu_seconds=12.0)
    make_job(user, S.SUCCEEDED, tier="free", model="wan-1.3b", gpu_seconds=8.0)
    make_job(user, S.SUCCEEDED, tier="free", model="wan-1.3b", gpu_seconds=99.0, created_at=now - timedelta(days=9))
    GpuWorker.objects.create(name="gpu-sick", queue_name="gpu.gpu-sick", gpu_class="h100", model="m",
                             service=GpuWorker.Service.QUARANTINED, service_reason="automatic: 3 failed runs in 600 s")
    staff = django_user_model.objects.create_user("costs", password="pw", is_staff=True)
    client = Client()
    client.force_login(staff)
    page = client.get("/ops/").content.decode()
    table = page.split('id="gpu-cost"')[1].split("</table>")[0]
    rows = [[c.strip() for c in r.split("<td>")[1:]] for r in table.split("<tr>")[2:]]
    cells = {(r[1].split("<")[0], r[2].split("<")[0]): [c.split("<")[0] for c in r[3:]] for r in rows}
    # jobs, GPU-seconds, wasted (share), ended without a video, redone steps; the 9-day-old job is outside
    assert cells[("plus", "kinema-tiny")] == ["2", "42.0", "17.0 (40%)", "12.0", "5.0"]
    assert cells[("free", "wan-1.3b")] == ["1", "8.0", "0.0 (0%)", "0.0", "0.0"]
    assert "99.0" not in table
    assert "quarantined" in page and "automatic: 3 failed runs in 600 s" in page
