"""The chaos harness runs green on a small scale, its invariant checks do catch violations (and no
longer report one that did not happen), and the faults chaos runs found stay fixed: kills and outages
that were not a job's fault used up its attempts, and a worker that had lost its lease could still
replace the checkpoint of the run that took over."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
import torch
from django.core.files.storage import default_storage
from django.db.models import F

from accounts.credits import grant_credits
from accounts.models import CreditLot, LedgerEntry
from gpu_worker.generation import CHECKPOINT_FORMAT, checkpoint_from_bytes
from gpu_worker.tasks import JobHooks, StopGeneration
from jobs import lifecycle
from jobs.artifacts import live_artifact, read_artifact, stored_keys
from jobs.chaos import check_invariants
from jobs.models import Artifact, Job, JobEvent, JobState

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_small_chaos_run_keeps_every_invariant() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "manage.py"), "chaos", "--jobs", "12", "--seconds", "16",
                          "--seed", "3"], capture_output=True, text=True, timeout=600, cwd=ROOT)
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert summary["violations"] == [] and summary["jobs"] == 12
    assert sum(summary["states"].values()) == 12 and summary["redis_restarts"] == 1
    assert sum(summary["kills"].values()) >= 2


@pytest.mark.django_db
def test_invariant_checks_detect_broken_outcomes(make_user) -> None:
    from rest_framework.test import APIClient

    user, key = make_user("broken", credits=0)
    grant_credits(user, 100)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    stuck, charged_twice = (client.post("/v1/videos", {"prompt": p}, format="json").json()["id"]
                            for p in ("stuck", "charged twice"))
    Job.objects.filter(pk=charged_twice).update(state=JobState.FAILED)
    for _ in range(2):
        LedgerEntry.objects.create(user=user, job_id=charged_twice, kind="capture", amount=1)
    Artifact.objects.create(job_id=charged_twice, kind="checkpoint", key="jobs/x/checkpoint.pt",
                            content_type="application/octet-stream")
    CreditLot.objects.filter(user=user).update(remaining=F("remaining") + 5)  # credits from nowhere
    violations = check_invariants([stuck, charged_twice], [user])["violations"]
    text = "\n".join(violations)
    assert f"{stuck} ended the run in non-terminal state submitted" in text
    assert f"{charged_twice} (failed) has 2 captures" in text
    assert f"{charged_twice} has 0 completion notifications" in text
    assert f"{charged_twice} still has its checkpoint" in text
    assert "does not reconcile" in text


def _job(user: Any, **fields: Any) -> Job:
    values = dict(tier="pro", prompt="chaos", model="kinema-tiny", seconds=4, size="720x1280", width=80, height=128,
                  num_frames=17, fps=4, steps=50, seed=1, state=JobState.QUEUED)
    return Job.objects.create(user=user, **{**values, **fields})


def _run(job_id: str) -> lifecycle.Dispatch:
    d = lifecycle.dispatch(job_id, None, "gpu.test")
    assert d is not None and lifecycle.claim(job_id, d.attempt, d.lease_token)
    return d


def _lose(job_id: str, state: str, token: uuid.UUID) -> str | None:
    """What the dispatcher's reaper does when a lease expires (jobs/dispatcher.py)."""
    progress = Job.objects.filter(pk=job_id).values("step", "checkpoint_step", "worker_id").first()
    reason = "never claimed" if state == JobState.DISPATCHED else "lease expired (worker lost)"
    return lifecycle.requeue(job_id, expect=[state], lease_token=token, reason=reason,
                             detail=dict(progress) if progress else None)


def _checkpoint(next_step: int) -> dict[str, Any]:
    return {"format": CHECKPOINT_FORMAT, "latents": torch.full((1, 2), float(next_step)), "next_step": next_step,
            "steps": 50, "scheduler": {}, "rng": torch.Generator().get_state()}


@pytest.mark.django_db
def test_kills_and_lost_messages_do_not_use_up_a_jobs_attempts(make_user) -> None:
    """The job that failed in a 40-job chaos run: a run lost after checkpointing, a dispatch whose
    message was lost with a killed worker, a run killed between claim and start: three dispatches,
    then "attempts exhausted". Only runs without progress count now; three of them still fail it."""
    user, _ = make_user("budget")
    job = _job(user)  # max_attempts 3
    first = _run(job.id)
    assert lifecycle.record_run_event(job.id, first.lease_token, lifecycle.STARTED_FROM_ZERO, {"step": 0})
    assert lifecycle.report_progress(job.id, first.lease_token, 44, checkpoint_step=40)
    assert lifecycle.record_run_event(job.id, first.lease_token, lifecycle.CHECKPOINT_SAVED, {"step": 40})
    assert _lose(job.id, JobState.RUNNING, first.lease_token) == JobState.QUEUED  # made progress
    lost_message = lifecycle.dispatch(job.id, None, "gpu.test")
    assert lost_message and _lose(job.id, JobState.DISPATCHED, lost_message.lease_token) == JobState.QUEUED
    preempted = _run(job.id)
    assert lifecycle.requeue(job.id, expect=[JobState.RUNNING], lease_token=preempted.lease_token,
                             reason="preempted", preempted=True) == JobState.QUEUED
    for _ in range(2):  # killed before starting, twice: these count
        run = _run(job.id)
        assert _lose(job.id, JobState.RUNNING, run.lease_token) == JobState.QUEUED
    used = [e.detail["attempt_used"] for e in JobEvent.objects.filter(job=job, to_state=JobState.QUEUED)
            .exclude(from_state=JobState.SUBMITTED).order_by("id")]
    assert used == [False, False, False, True, True]
    stuck = _run(job.id)  # resumed, but lost again before its next checkpoint: the third that counts
    assert lifecycle.record_run_event(job.id, stuck.lease_token, lifecycle.RESUMED_FROM_CHECKPOINT, {"step": 40})
    assert lifecycle.report_progress(job.id, stuck.lease_token, 47)
    assert _lose(job.id, JobState.RUNNING, stuck.lease_token) == JobState.FAILED
    job.refresh_from_db()
    assert job.state == JobState.FAILED and job.attempt == 6 and job.preemptions == 1


@pytest.mark.django_db
def test_a_worker_that_lost_its_lease_cannot_replace_the_checkpoint(make_user,
                                                                    django_capture_on_commit_callbacks) -> None:
    user, _ = make_user("zombie-checkpoint")
    job = _job(user)
    first = _run(job.id)
    zombie = JobHooks(Job.objects.get(pk=job.id), first.lease_token)
    assert zombie.load_checkpoint() is None
    zombie.save_checkpoint(_checkpoint(10), 10)
    assert _lose(job.id, JobState.RUNNING, first.lease_token) == JobState.QUEUED  # it stalled; its lease expired
    second = _run(job.id)
    holder = JobHooks(Job.objects.get(pk=job.id), second.lease_token)
    assert holder.load_checkpoint()["next_step"] == 10  # type: ignore[index]
    with django_capture_on_commit_callbacks(execute=True):
        holder.save_checkpoint(_checkpoint(20), 20)
    with pytest.raises(StopGeneration):  # the stalled worker wakes up and checkpoints where it was
        zombie.save_checkpoint(_checkpoint(15), 15)
    art = live_artifact(job.id, Artifact.Kind.CHECKPOINT)
    assert art is not None and checkpoint_from_bytes(read_artifact(art))["next_step"] == 20
    assert Job.objects.get(pk=job.id).checkpoint_step == 20
    assert stored_keys(job.id) == [art.key]  # neither the zombie's bytes nor the replaced ones are left
    saved = [(e.attempt, e.detail["step"]) for e in JobEvent.objects.filter(job=job, reason="checkpoint saved")]
    assert saved == [(1, 10), (2, 20)]


@pytest.mark.django_db
def test_a_checkpoint_whose_bytes_are_gone_is_recorded_and_the_run_starts_over(make_user) -> None:
    user, _ = make_user("lost-bytes")
    job = _job(user)
    first = _run(job.id)
    JobHooks(Job.objects.get(pk=job.id), first.lease_token).save_checkpoint(_checkpoint(30), 30)
    art = live_artifact(job.id, Artifact.Kind.CHECKPOINT)
    assert art is not None
    default_storage.delete(art.key)
    assert _lose(job.id, JobState.RUNNING, first.lease_token) == JobState.QUEUED
    second = _run(job.id)
    assert JobHooks(Job.objects.get(pk=job.id), second.lease_token).load_checkpoint() is None
    start = JobEvent.objects.get(job=job, attempt=2, reason=lifecycle.STARTED_FROM_ZERO).detail
    assert start["checkpoint_step"] == 30 and start["key"] == art.key and start["error"].startswith("missing")
    # Lost before saving a checkpoint of its own: that run made no progress, whatever the job's column
    # still says (30), so it spends an attempt; otherwise such a job would be retried forever.
    assert _lose(job.id, JobState.RUNNING, second.lease_token) == JobState.QUEUED
    assert JobEvent.objects.filter(job=job, to_state=JobState.QUEUED).latest("id").detail["attempt_used"] is True


@pytest.mark.django_db
def test_redone_steps_count_only_runs_that_started_and_violations_come_with_the_jobs_story(
        make_user) -> None:
    """The 40-job run's "44 steps redone after a crash": the job was lost at step 44 with a checkpoint
    at 40, its next run was claimed and lost before it started, and the job failed. Nothing was
    redone. A run that really starts below a saved checkpoint is reported, with the job's events."""
    user, _ = make_user("redone")
    grant_credits(user, 100)
    jobs = []
    for resumed_at in (None, 0, 40):
        job = _job(user)
        jobs.append(job)

        def event(reason: str, frm: str, to: str, attempt: int, job: Job = job, **detail: Any) -> None:
            JobEvent.objects.create(job=job, from_state=frm, to_state=to, attempt=attempt, reason=reason,
                                    detail=detail)

        event("claimed", "dispatched", "running", 1)
        event(lifecycle.STARTED_FROM_ZERO, "running", "running", 1, step=0)
        for step in (10, 20, 30, 40):
            event("checkpoint saved", "running", "running", 1, step=step, key=f"jobs/{job.id}/checkpoint-{step}.pt")
        event("lease expired (worker lost)", "running", "queued", 1, step=44, checkpoint_step=40)
        event("claimed", "dispatched", "running", 2)
        if resumed_at is None:
            event("attempts exhausted: lease expired (worker lost)", "running", "failed", 2, step=44)
        else:
            reason = lifecycle.RESUMED_FROM_CHECKPOINT if resumed_at else lifecycle.STARTED_FROM_ZERO
            event(reason, "running", "running", 2, step=resumed_at)
    summary = check_invariants([j.id for j in jobs], [user])
    text = "\n".join(summary["violations"])
    never_started, from_zero, resumed = (j.id for j in jobs)
    assert f"{never_started}: " not in text
    assert f"{from_zero}: 44 steps redone after a crash (> 10): lost at step 44, attempt 2 started at step 0" in text
    assert f"{from_zero}: attempt 2 started at step 0 although a checkpoint at step 40 had been saved" in text
    assert f"{resumed}: " not in text and summary["max_redone_steps"] == 44 and summary["requeues"] == 3
    story = "\n".join(summary["diagnostics"][from_zero])
    assert "lease expired (worker lost)" in story and '"checkpoint_step": 40' in story
    assert "checkpoint saved" in story and "started from step 0" in story
