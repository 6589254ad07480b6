"""Live batching (issue 16): compatible text-to-video jobs denoised as one batch on a GPU worker.

In process, against the real tiny Wan pipeline: a batch gives each job what it gets alone, a job leaves
the batch (cancel, preemption) while the others go on, and a job's checkpoint from a batch resumes alone.
Live: the real dispatcher sends two compatible jobs to a worker with KINEMA_GPU_MAX_BATCH=2, which renders
them in one batch; one job of a batch cancelled, another preempted, everything else still completes.

Equality: on the CPU a job in a batch equals the same job alone within float32 rounding, not bit for bit.
The batched transformer's matrix products have more rows (B x tokens instead of tokens; for the time
embedding 2 rows instead of 1, a matrix-vector product alone), and the BLAS kernels sum in another order
for them: a difference of ~1e-7 per layer, ~2e-6 in the latents after 8 steps (values up to ~5). Decoded
to 8-bit frames, a handful of values that sit on a rounding boundary move by one level (7 of 276,480 in
the worst job here). The tolerances below are 50x the observed latent difference and one level in at
most 0.01 % of the frame values: a batching bug (a wrong row, seed, scheduler or guidance) is off by
whole units everywhere.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from django.conf import settings

from gpu_worker.generation import (
    GenerationRequest,
    NonFiniteLatents,
    Yielded,
    checkpoint_bytes,
    checkpoint_from_bytes,
    generate,
    generate_batch,
)
from gpu_worker.runtime import MAX_BATCH_KEY as WORKER_MAX_BATCH_KEY
from gpu_worker.tasks import BATCHED, GpuShare
from jobs.scheduling_live import MAX_BATCH_KEY as DISPATCHER_MAX_BATCH_KEY
from tests import gpu_workers
from tests.conftest import wait_for
from tests.gpu_workers import extra_gpu_worker, states

torch.set_num_threads(1)

LATENT_TOLERANCE = 1e-4
MOVED_VALUES = 1e-4  # share of frame values allowed to differ (by one level)



def request(prompt: str, guidance_scale: float, seed: int, num_frames: int = 9) -> GenerationRequest:
    return GenerationRequest(prompt=prompt, negative_prompt="", width=128, height=80, num_frames=num_frames, steps=8,
                             guidance_scale=guidance_scale, seed=seed, max_sequence_length=64)


# Prompts, seeds and guidance differ (one without classifier-free guidance); the shapes are the batch's.
REQS = [request("a cat walking", 5.0, 3), request("a red car at night", 1.0, 7), request("dog on the beach", 7.5, 11)]


class Stop(Exception):
    """Stands in for the worker's StopGeneration (a cancel seen at a step)."""


class Recorder:
    """StepHooks that record what a job's loop did; optionally stop or yield at a step, or resume."""

    def __init__(self, resume_from: bytes | None = None, stop_at: int | None = None,
                 yield_at: int | None = None) -> None:
        self.steps: list[int] = []
        self.latents: dict[int, torch.Tensor] = {}
        self.checkpoints: dict[int, bytes] = {}
        self.resume_from = resume_from
        self.stop_at = stop_at
        self.yield_at = yield_at

    def on_step(self, step: int, total: int, latents: torch.Tensor) -> None:
        self.steps.append(step)
        self.latents[step] = latents.clone()
        if step == self.stop_at:
            raise Stop(step)

    def should_yield(self) -> bool:
        return bool(self.steps) and self.steps[-1] == self.yield_at

    def load_checkpoint(self) -> dict[str, Any] | None:
        return checkpoint_from_bytes(self.resume_from) if self.resume_from else None

    def save_checkpoint(self, state: dict[str, Any], step: int) -> None:
        self.checkpoints[step] = checkpoint_bytes(state)


@pytest.fixture(scope="module")
def pipe() -> Any:
    from diffusers import DiffusionPipeline

    p = DiffusionPipeline.from_pretrained(settings.KINEMA_MODEL)
    p.set_progress_bar_config(disable=True)
    return p


@pytest.fixture(scope="module")
def alone(pipe: Any) -> list[tuple[np.ndarray, Recorder]]:
    """Each request run alone, the reference."""
    out = []
    for req in REQS:
        rec = Recorder()
        out.append((generate(pipe, req, rec, checkpoint_every=3), rec))
    return out


def run_batch(pipe: Any, jobs: list[tuple[GenerationRequest, Recorder]], **kw: Any) -> dict[int, Any]:
    outcomes: dict[int, Any] = {}

    def finish(index: int, outcome: Any) -> None:
        assert index not in outcomes, "each job ends once"
        outcomes[index] = outcome

    generate_batch(pipe, jobs, finish, **kw)
    assert sorted(outcomes) == list(range(len(jobs)))
    return outcomes


def assert_close(batched: np.ndarray, reference: np.ndarray) -> None:
    assert batched.shape == reference.shape and batched.dtype == np.uint8
    diff = np.abs(batched.astype(np.int16) - reference.astype(np.int16))
    assert diff.max() <= 1, f"frames differ by {diff.max()} levels"
    assert (diff > 0).mean() <= MOVED_VALUES, f"{(diff > 0).mean():.2e} of the values moved"


def assert_latents_close(a: torch.Tensor, b: torch.Tensor) -> None:
    assert a.shape == b.shape
    assert (a - b).abs().max().item() <= LATENT_TOLERANCE


def test_a_batch_gives_each_job_what_it_gets_alone(pipe: Any, alone: list[tuple[np.ndarray, Recorder]]) -> None:
    recs = [Recorder() for _ in REQS]
    outcomes = run_batch(pipe, list(zip(REQS, recs, strict=True)), checkpoint_every=3)
    for i, (frames, ref) in enumerate(alone):
        assert isinstance(outcomes[i], np.ndarray)
        assert_close(outcomes[i], frames)
        assert recs[i].steps == ref.steps == list(range(1, 9)), "per-job progress, every step"
        for step in ref.steps:
            assert_latents_close(recs[i].latents[step], ref.latents[step])
        assert sorted(recs[i].checkpoints) == sorted(ref.checkpoints) == [3, 6]
    # Different prompts and seeds really are different videos: most values differ by more than a level (so
    # a batch that mixed rows up, seeds or guidance would be far outside the tolerance).
    assert (np.abs(alone[0][0].astype(int) - alone[2][0].astype(int)) > 1).mean() > 0.5


def test_a_job_of_a_batch_checkpoints_in_the_format_a_single_run_resumes(
        pipe: Any, alone: list[tuple[np.ndarray, Recorder]]) -> None:
    from diffusers import DiffusionPipeline

    recs = [Recorder(), Recorder()]
    run_batch(pipe, list(zip(REQS[:2], recs, strict=True)), checkpoint_every=3)
    batched = checkpoint_from_bytes(recs[0].checkpoints[6])
    single = checkpoint_from_bytes(alone[0][1].checkpoints[6])
    assert set(batched) == set(single) and batched["next_step"] == 6 and batched["steps"] == 8
    assert batched["scheduler"].keys() == single["scheduler"].keys()
    assert torch.equal(batched["rng"], single["rng"])
    assert_latents_close(batched["latents"], single["latents"])
    fresh = DiffusionPipeline.from_pretrained(settings.KINEMA_MODEL)  # as on another worker
    fresh.set_progress_bar_config(disable=True)
    resumed = Recorder(resume_from=recs[0].checkpoints[6])
    assert_close(generate(fresh, REQS[0], resumed), alone[0][0])
    assert resumed.steps == [7, 8], "only the steps after the checkpoint are redone"


def test_jobs_at_different_steps_share_a_batch(pipe: Any, alone: list[tuple[np.ndarray, Recorder]]) -> None:
    """A resumed job (at step 6 of 8) batched with a fresh one: each keeps its own timestep and scheduler,
    the resumed one leaves the batch after 2 steps and the other goes on."""
    resumed, fresh = Recorder(resume_from=alone[2][1].checkpoints[6]), Recorder()
    order: list[int] = []
    outcomes: dict[int, Any] = {}

    def finish(index: int, outcome: Any) -> None:
        order.append(index)
        outcomes[index] = outcome

    generate_batch(pipe, [(REQS[2], resumed), (REQS[0], fresh)], finish)
    assert order == [0, 1]
    assert resumed.steps == [7, 8] and fresh.steps == list(range(1, 9))
    assert_close(outcomes[0], alone[2][0])
    assert_close(outcomes[1], alone[0][0])


def test_cancel_of_one_job_leaves_the_batch_and_the_others_go_on(
        pipe: Any, alone: list[tuple[np.ndarray, Recorder]]) -> None:
    recs = [Recorder(), Recorder(stop_at=3), Recorder()]
    outcomes = run_batch(pipe, list(zip(REQS, recs, strict=True)))
    assert isinstance(outcomes[1], Stop) and recs[1].steps == [1, 2, 3], "stopped at once, no further step"
    for i in (0, 2):
        assert recs[i].steps == list(range(1, 9))
        assert_close(outcomes[i], alone[i][0])


def test_preemption_of_one_job_in_a_batch(pipe: Any, alone: list[tuple[np.ndarray, Recorder]]) -> None:
    recs = [Recorder(yield_at=4), Recorder()]
    outcomes = run_batch(pipe, list(zip(REQS[:2], recs, strict=True)))
    assert isinstance(outcomes[0], Yielded) and outcomes[0].step == 4
    assert sorted(recs[0].checkpoints) == [4], "it checkpointed where it yielded"
    assert_close(outcomes[1], alone[1][0])
    later = Recorder(resume_from=recs[0].checkpoints[4])  # resumed alone, on its next dispatch
    assert_close(generate(pipe, REQS[0], later), alone[0][0])
    assert later.steps == [5, 6, 7, 8]


def test_nan_in_one_job_fails_only_that_job(pipe: Any, alone: list[tuple[np.ndarray, Recorder]]) -> None:
    poisoned = checkpoint_from_bytes(alone[0][1].checkpoints[3])
    poisoned["latents"][0, 0, 0, 0, 0] = float("nan")
    outcomes = run_batch(pipe, [(REQS[0], Recorder(resume_from=checkpoint_bytes(poisoned))), (REQS[1], Recorder())])
    assert isinstance(outcomes[0], NonFiniteLatents) and outcomes[0].step == 4
    assert_close(outcomes[1], alone[1][0])


def test_jobs_of_other_shapes_are_refused(pipe: Any) -> None:
    other = request("a cat walking", 5.0, 3, num_frames=5)
    with pytest.raises(ValueError, match="share width, height, frames"):
        generate_batch(pipe, [(REQS[0], Recorder()), (other, Recorder())], lambda i, o: None)


def test_gpu_time_is_shared_between_the_jobs_of_a_batch() -> None:
    share = GpuShare(["a", "b"])
    time.sleep(0.05)
    a = share.leave("a")  # both in the batch so far: half each
    time.sleep(0.05)
    b = share.leave("b")  # then b alone
    assert a == pytest.approx(0.025, abs=0.02)
    assert b == pytest.approx(a + 0.05, abs=0.02)


def test_worker_and_dispatcher_use_the_same_key() -> None:
    assert WORKER_MAX_BATCH_KEY == DISPATCHER_MAX_BATCH_KEY


# --- live: the real dispatcher, a real batching GPU worker ----------------------------------------

BATCH_WORKER = "gpu-batch-0"


@pytest.fixture
def batching_worker(stack, tmp_path: Path) -> Any:
    """A second GPU worker, of its own class, denoising up to 2 compatible jobs at once; previews on every
    step go through a storage slowed by 40 ms a call, so a batch lasts long enough to act on one of its
    jobs mid-run. The session's worker is drained meanwhile, so every job goes to this one. Yields a
    function that lets the dispatcher send it work (it starts drained, so jobs can queue up first)."""
    yield from extra_gpu_worker(stack, tmp_path, BATCH_WORKER, ready_key=DISPATCHER_MAX_BATCH_KEY, ready_value=b"2",
                                storage_delay_s=0.04, KINEMA_GPU_MAX_BATCH="2", KINEMA_GPU_CLASS="cpu-batch",
                                KINEMA_PREVIEW_EVERY="1", KINEMA_CHECKPOINT_EVERY="4")


def submit(server: str, users: list[str], make_user: Any, steps: int) -> list[str]:
    return gpu_workers.submit(server, users, make_user, steps, subject="a lantern")


def batch_events(job_id: str) -> list[dict[str, Any]]:
    from jobs.models import JobEvent

    return list(JobEvent.objects.filter(job_id=job_id, reason=BATCHED).order_by("id").values_list("detail", flat=True))


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_compatible_jobs_are_rendered_in_one_batch(batching_worker, live_server, make_user) -> None:
    from jobs.models import GpuWorker, Job, JobEvent, JobState

    ids = submit(live_server.url, ["batch-a", "batch-b"], make_user, steps=8)
    wait_for(lambda: states(ids) == [JobState.QUEUED] * 2, timeout=60)
    batching_worker()
    wait_for(lambda: states(ids) == [JobState.SUCCEEDED] * 2, timeout=120)
    worker = GpuWorker.objects.get(name=BATCH_WORKER)
    for job_id in ids:
        [event] = batch_events(job_id)
        assert sorted(event["jobs"]) == sorted(ids) and event["size"] == 2
        job = Job.objects.get(pk=job_id)
        assert job.worker_id == worker.pk and job.attempt == 1 and job.step == 8
        assert job.gpu_seconds > 0 and job.wasted_gpu_seconds == 0
        assert JobEvent.objects.filter(job_id=job_id, reason="frames decoded").exists()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_cancel_and_preemption_of_one_job_in_a_batch(batching_worker, live_server, make_user) -> None:
    """Batch 1: one job cancelled mid-run, the other completes. Batch 2: one job preempted mid-run (it
    checkpoints, goes back to the queue and later resumes alone from its checkpoint), the other completes."""
    from jobs import lifecycle
    from jobs.models import Job, JobEvent, JobState
    from jobs.signals import request_preempt

    ids = submit(live_server.url, ["cancel-a", "cancel-b", "preempt-a", "preempt-b"], make_user, steps=16)
    wait_for(lambda: states(ids) == [JobState.QUEUED] * 4, timeout=90)
    batching_worker()

    def step_of(job_id: str) -> int:
        return int(Job.objects.filter(pk=job_id, state=JobState.RUNNING).values_list("step", flat=True).first() or 0)

    # Whichever two the dispatcher batched first: cancel one of them mid-run.
    def batched() -> list[str] | None:
        found = [i for i in ids if batch_events(i)]
        return found if len(found) >= 2 else None  # a batch's events are written one job after the other

    first = wait_for(batched, timeout=60)
    assert len(first) == 2 and sorted(batch_events(first[0])[0]["jobs"]) == sorted(first)
    victim, survivor = first
    wait_for(lambda: step_of(victim) >= 2, timeout=60)
    assert lifecycle.cancel(victim)
    wait_for(lambda: states([victim, survivor]) == [JobState.CANCELLED, JobState.SUCCEEDED], timeout=120)
    assert Job.objects.get(pk=survivor).step == 16
    stopped_at = Job.objects.get(pk=victim).step
    assert 2 <= stopped_at < 16

    # The other two make the second batch: preempt one of them mid-run.
    rest = [i for i in ids if i not in first]
    wait_for(lambda: all(batch_events(i) for i in rest), timeout=60)
    assert sorted(batch_events(rest[0])[0]["jobs"]) == sorted(rest)
    yielder, other = rest
    wait_for(lambda: step_of(yielder) >= 5, timeout=60)  # past its first checkpoint (every 4 steps)
    request_preempt(yielder)
    wait_for(lambda: states(rest) == [JobState.SUCCEEDED] * 2, timeout=180)
    reasons = list(JobEvent.objects.filter(job_id=yielder).order_by("id").values_list("reason", flat=True))
    assert "preempted" in reasons and "resumed from checkpoint" in reasons
    resumed = JobEvent.objects.filter(job_id=yielder, reason="resumed from checkpoint").get()
    assert resumed.detail["step"] >= 4, "the second run started from the preempted run's checkpoint"
    assert Job.objects.get(pk=yielder).preemptions == 1
    assert JobEvent.objects.filter(job_id=other, reason="preempted").count() == 0
