"""Operators in the admin: look a job up and see its story, cancel / requeue / refund it (through the
lifecycle and the ledger, each asking why and recording who); the GPU worker list and its actions; and
the GPU-time accounting those pages show (jobs.lifecycle.record_gpu_time)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.utils import timezone

from accounts.credits import balance, reconcile, refund_job, settle_job
from accounts.models import CreditLot, LedgerEntry
from jobs import lifecycle
from jobs.models import GpuWorker, Job, JobEvent, JobState
from tests.conftest import without_session_workers
from tests.test_lifecycle import make_job


@pytest.fixture
def operator(django_user_model) -> Client:
    staff = django_user_model.objects.create_superuser("oncall", password="pw", email="oncall@example.com")
    client = Client()
    client.force_login(staff)
    return client


def charged_job(user, amount: int = 7) -> Job:
    """A succeeded job that was held and charged `amount` credits through the ledger."""
    from accounts.credits import hold_credits

    job = make_job(user, JobState.FINALIZING, credits_held=amount)
    hold_credits(user, job.id, amount)
    assert lifecycle.publish(job.id, 0, charge=amount)
    return Job.objects.get(pk=job.id)


def act(client: Client, model: str, action: str, pks: list, reason: str | None) -> str:
    data = {"action": action, "_selected_action": [str(pk) for pk in pks]}
    if reason is not None:
        data.update({"apply": "1", "reason": reason})
    resp = client.post(f"/admin/jobs/{model}/", data, follow=True)
    assert resp.status_code == 200
    return resp.content.decode()


@pytest.mark.django_db
def test_jobs_are_found_by_id_user_state_model_and_day(make_user, operator) -> None:
    alice, _ = make_user("alice-lookup")
    bob, _ = make_user("bob-lookup")
    mine = make_job(alice, JobState.RUNNING, model="kinema-tiny")
    other = make_job(bob, JobState.FAILED, model="wan-1.3b", created_at=timezone.now() - timedelta(days=3))

    def listed(query: str) -> set[str]:
        page = operator.get(f"/admin/jobs/job/?{query}").content.decode()
        return {j for j in (mine.id, other.id) if j in page}

    assert listed(f"q={mine.id}") == {mine.id}
    assert listed("q=bob-lookup") == {other.id}
    assert listed("state__exact=failed") == {other.id}
    assert listed("model=wan-1.3b") == {other.id} == listed("q=wan-1.3b")
    day = timezone.localdate()
    assert listed(f"created_at__day={day.day}&created_at__month={day.month}&created_at__year={day.year}") == {mine.id}


@pytest.mark.django_db
def test_a_jobs_page_shows_its_events_attempts_credits_and_artifacts(make_user, operator) -> None:
    user, _ = make_user("storied")
    job = charged_job(user)
    worker = GpuWorker.objects.create(name="gpu-story", queue_name="gpu.gpu-story", gpu_class="h100", model="m")
    JobEvent.objects.create(job=job, from_state="queued", to_state="dispatched", attempt=1, reason="dispatched",
                            detail={"worker_id": worker.pk})
    JobEvent.objects.create(job=job, from_state="running", to_state="running", attempt=1,
                            reason=lifecycle.GPU_TIME_RECORDED, detail={"seconds": 12.5, "wasted_seconds": 0.0})
    job.artifacts.create(kind="video", key=f"jobs/{job.id}/video.mp4", content_type="video/mp4", size_bytes=123)
    page = operator.get(f"/admin/jobs/job/{job.id}/change/").content.decode()
    assert "published" in page and "gpu-story" in page and "12.5 s (0.0 wasted)" in page  # events, attempts
    assert f"jobs/{job.id}/video.mp4" in page  # artifacts
    assert "capture" in page and "hold" in page  # the ledger rows
    assert 'name="state"' not in page  # nothing is edited by hand


@pytest.mark.django_db
def test_cancel_and_requeue_go_through_the_lifecycle_and_record_who_and_why(make_user, operator) -> None:
    user, _ = make_user("acted")
    queued = make_job(user, JobState.QUEUED, queued_at=timezone.now())
    running = make_job(user, JobState.QUEUED, queued_at=timezone.now())
    dispatch = lifecycle.dispatch(running.id, None, "gpu.nowhere")
    assert dispatch is not None and lifecycle.claim(running.id, dispatch.attempt, dispatch.lease_token)
    done = make_job(user, JobState.SUCCEEDED)

    form = act(operator, "job", "cancel_jobs", [queued.id], None)  # first the question: why?
    assert 'name="reason"' in form and queued.id in form
    assert Job.objects.get(pk=queued.id).state == JobState.QUEUED
    act(operator, "job", "cancel_jobs", [queued.id], "")  # no reason: asked again, nothing done
    assert Job.objects.get(pk=queued.id).state == JobState.QUEUED

    page = act(operator, "job", "cancel_jobs", [queued.id, done.id], "duplicate of a support ticket")
    assert Job.objects.get(pk=queued.id).state == JobState.CANCELLED
    assert JobEvent.objects.get(job_id=queued.id, to_state="cancelled").reason == \
        "cancelled by operator oncall: duplicate of a support ticket"
    assert Job.objects.get(pk=done.id).state == JobState.SUCCEEDED
    assert f"Not cancelled (nothing to do in its state): {done.id} (succeeded)" in page

    act(operator, "job", "requeue_jobs", [running.id], "stuck on a slow host")
    event = JobEvent.objects.get(job_id=running.id, to_state="queued")
    assert event.reason == "requeued by operator oncall: stuck on a slow host" and event.detail["attempt_used"] is False
    assert Job.objects.get(pk=running.id).state == JobState.QUEUED
    logged = set(LogEntry.objects.values_list("object_id", "change_message"))
    assert {(queued.id, "cancelled: duplicate of a support ticket"),
            (running.id, "requeued: stuck on a slow host")} <= logged


@pytest.mark.django_db
def test_a_refund_returns_the_charge_once_through_the_ledger(make_user, operator) -> None:
    user, _ = make_user("refunded", credits=100)
    job = charged_job(user, amount=7)
    failed = make_job(user, JobState.FAILED)  # charged nothing: nothing to refund
    assert balance(user) == 93
    act(operator, "job", "refund_jobs", [job.id, failed.id], "clip was corrupted")
    page = act(operator, "job", "refund_jobs", [job.id], "clicked twice")  # idempotent
    assert "Not refunded (nothing to refund: already refunded, or nothing was charged)" in page
    assert balance(user) == 100 and reconcile(user).balanced
    (grant,) = LedgerEntry.objects.filter(job_id=job.id, kind="grant")
    assert grant.amount == 7 and grant.lot is not None and grant.lot.source == CreditLot.Source.REFUND
    assert grant.note == "refund by operator oncall: clip was corrupted"  # who and why; created_at is when
    assert JobEvent.objects.get(job_id=job.id, reason="refunded").detail == {
        "by": "oncall", "why": "clip was corrupted", "credits": 7, "lot_id": grant.lot_id}
    assert not LedgerEntry.objects.filter(job_id=failed.id, kind="grant").exists()
    assert refund_job(user.pk, job.id, by="script", why="again") is None
    assert Job.objects.get(pk=job.id).state == JobState.SUCCEEDED


@pytest.mark.django_db
def test_the_worker_list_shows_state_heartbeat_job_and_rates_and_its_actions_change_service(
        make_user, operator) -> None:
    user, _ = make_user("fleetview")
    without_session_workers()
    worker = GpuWorker.objects.create(name="gpu-admin", queue_name="gpu.gpu-admin", gpu_class="h100", model="m",
                                      last_heartbeat=timezone.now() - timedelta(seconds=3))
    for nan in (False, True):
        job = make_job(user, JobState.QUEUED, queued_at=timezone.now())
        dispatch = lifecycle.dispatch(job.id, worker.pk, worker.queue_name)
        assert dispatch is not None and lifecycle.claim(job.id, dispatch.attempt, dispatch.lease_token)
        if nan:
            lifecycle.fail(job.id, "generation_failed", "NaN", detail={"cause": "non_finite_latents"})
        else:
            lifecycle.requeue(job.id, expect=[JobState.RUNNING], reason="lease expired (worker lost)")
    current = make_job(user, JobState.QUEUED, queued_at=timezone.now())
    dispatch = lifecycle.dispatch(current.id, worker.pk, worker.queue_name)
    assert dispatch is not None
    page = operator.get("/admin/jobs/gpuworker/").content.decode()
    assert "gpu-admin" in page and current.id in page and "busy" in page
    assert re.search(r'field-heartbeat_age">\d+ s ago<', page)
    assert "1 (33%)" in page  # one failed run of three, and one NaN of three

    act(operator, "gpuworker", "quarantine_workers", [worker.pk], "persistent NaN errors")
    worker.refresh_from_db()
    assert worker.service == GpuWorker.Service.QUARANTINED
    assert worker.service_reason == "operator oncall: persistent NaN errors" and worker.service_changed_at
    assert Job.objects.get(pk=current.id).state == JobState.QUEUED  # its job went back to the queue
    act(operator, "gpuworker", "return_workers", [worker.pk], "GPU replaced")
    act(operator, "gpuworker", "drain_workers", [worker.pk], "kernel update")
    assert GpuWorker.objects.get(pk=worker.pk).service == GpuWorker.Service.DRAINING
    act(operator, "gpuworker", "mark_workers_stopped", [worker.pk], None)
    assert GpuWorker.objects.get(pk=worker.pk).stopped_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize("end_first", [False, True])
def test_gpu_time_of_a_job_that_ends_without_a_video_is_all_wasted_whichever_is_recorded_first(
        make_user, end_first: bool) -> None:
    user, _ = make_user("costly")
    job = make_job(user, JobState.QUEUED, queued_at=timezone.now())
    first = lifecycle.dispatch(job.id, None, "gpu.x")
    assert first is not None and lifecycle.claim(job.id, first.attempt, first.lease_token)
    lifecycle.record_run_event(job.id, first.lease_token, lifecycle.STARTED_FROM_ZERO, {"step": 0})
    lifecycle.requeue(job.id, expect=[JobState.RUNNING], lease_token=first.lease_token, reason="preempted",
                      preempted=True)
    ten_s_ago = timezone.now() - timedelta(seconds=10)
    # A run lost at step 8 with its checkpoint at step 6: a quarter of its steps are redone.
    assert lifecycle.record_gpu_time(job.id, first.attempt, started_at=ten_s_ago, step=8, checkpoint_step=6) > 9
    assert lifecycle.record_gpu_time(job.id, first.attempt, started_at=ten_s_ago, step=8) == 0  # once per run
    after_first = Job.objects.get(pk=job.id)
    assert after_first.wasted_gpu_seconds == pytest.approx(after_first.gpu_seconds / 4, rel=0.01)
    second = lifecycle.dispatch(job.id, None, "gpu.x")
    assert second is not None and lifecycle.claim(job.id, second.attempt, second.lease_token)
    if end_first:
        assert lifecycle.cancel(job.id)
    lifecycle.record_gpu_time(job.id, second.attempt, started_at=ten_s_ago, step=3, checkpoint_step=None)
    if not end_first:
        assert lifecycle.cancel(job.id)
    ended = Job.objects.get(pk=job.id)
    assert ended.gpu_seconds > 19 and ended.wasted_gpu_seconds == pytest.approx(ended.gpu_seconds)


@pytest.mark.django_db
def test_a_run_that_delivers_its_frames_wastes_nothing(make_user) -> None:
    user, _ = make_user("thrifty")
    job = make_job(user, JobState.QUEUED, queued_at=timezone.now())
    run = lifecycle.dispatch(job.id, None, "gpu.x")
    assert run is not None and lifecycle.claim(job.id, run.attempt, run.lease_token)
    assert lifecycle.frames_done(job.id, run.lease_token)
    lifecycle.record_gpu_time(job.id, run.attempt, started_at=timezone.now() - timedelta(seconds=5), step=4,
                              checkpoint_step=None)
    settle_job(job.id, user_id=user.pk, credits_held=0, succeeded=True)
    assert lifecycle.publish(job.id, run.attempt)
    done = Job.objects.get(pk=job.id)
    assert done.gpu_seconds >= 5 and done.wasted_gpu_seconds == 0
