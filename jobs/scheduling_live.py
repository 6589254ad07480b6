"""The live side of scheduling: feeds the pure policy from the database and acts on its answers.

It sits beside the dispatcher (jobs/dispatcher.py), its only caller besides the pages' autoscaling
read; the policy (jobs/scheduling/policy.py) and the simulator import only the standard library
and are used through their public methods.

The dispatcher leader keeps one `LiveScheduler`. Every tick it adds newly queued jobs to the
policy's incremental state (jobs leave it when dispatched; cancelled ones are skipped when their
dispatch finds them gone), refreshes per-user running counts, asks for assignments for the free
slots, dispatches them, and asks which running jobs should yield. Positions/ETAs and the autoscaling
signal are refreshed every few seconds. Attained service lives in the leader's memory: a new leader
starts fresh, which only forgets history, never a job.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import replace
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from accounts.models import Tier
from jobs import lifecycle, shedding
from jobs.costs import GPU_SPEED, model_switch_seconds
from jobs.models import GpuWorker, Job, JobState
from jobs.profiles import current_profile
from jobs.scheduling.policy import (
    GpuClass,
    QueuedJob,
    RunningJob,
    Scheduler,
    SchedulerConfig,
    TierConfig,
    desired_gpus,
)
from jobs.signals import request_preempt, send_many_to_feed
from webapp.resilience import bounded_redis

log = logging.getLogger(__name__)

AUTOSCALE_KEY = "kinema:autoscale"
SYNC_MARGIN = timedelta(seconds=10)
POSITIONS_EVERY_S = 2.0
# After the GPU run and before the video is ready: frame scan, encode, signing, storage (as the fleet
# simulator assumes). Speed-aware placement counts it inside a tier's end-to-end target.
POSTPROCESS_S = 8.0


def tier_configs() -> dict[str, TierConfig]:
    return {t.name: TierConfig(name=t.name, weight=t.weight, rank=t.rank, floor_share=t.floor_share,
                               wait_target_s=t.wait_target_s, max_wait_s=max(3 * t.wait_target_s, 600),
                               max_concurrent=t.max_concurrent, e2e_target_s=t.e2e_target_s)
            for t in Tier.objects.all()}


def live_workers() -> list[GpuWorker]:
    """Registered, heartbeating workers, whatever their service state (a draining or quarantined one
    still runs or ends the job it holds); only `in_service` ones get new work."""
    cutoff = timezone.now() - timedelta(seconds=settings.KINEMA_LEASE_S)
    return list(GpuWorker.objects.filter(stopped_at__isnull=True, last_heartbeat__gte=cutoff))


def in_service(workers: list[GpuWorker]) -> list[GpuWorker]:
    """The workers the dispatcher may send work to: not drained or quarantined (jobs/fleet.py)."""
    return [w for w in workers if w.service == GpuWorker.Service.ACTIVE]


def gpu_classes(workers: list[GpuWorker], max_batch: dict[int, int] | None = None) -> list[GpuClass]:
    by_name: dict[str, GpuClass] = {}
    batch: dict[str, int] = {}
    for w in workers:
        current = by_name.get(w.gpu_class)
        if current is None or w.memory_mb < current.memory_mb:  # a class fits what its smallest member fits
            by_name[w.gpu_class] = GpuClass(w.gpu_class, w.memory_mb, GPU_SPEED.get(w.gpu_class, 1.0))
        size = (max_batch or {}).get(w.pk, 1)  # and batches what each of its members takes
        batch[w.gpu_class] = min(batch.get(w.gpu_class, size), size)
    return [replace(c, batch_size=batch[c.name]) for c in by_name.values()]


# Live batching: each GPU worker's KINEMA_GPU_MAX_BATCH, as it advertises it (gpu_worker/runtime.py, same key).
MAX_BATCH_KEY = "kinema:gpu:max-batch"


def max_batches() -> dict[int, int]:
    """Worker id -> the compatible jobs it denoises as one batch; {} (one job each) while Redis is away."""
    try:
        raw = bounded_redis().hgetall(MAX_BATCH_KEY)
    except Exception:
        return {}
    return {int(k): max(1, int(v)) for k, v in raw.items()}


# Prefetch: each GPU worker's KINEMA_GPU_PREFETCH, as it advertises it (gpu_worker/runtime.py, same key).
PREFETCH_KEY = "kinema:gpu:prefetch"
PREFETCHED = "prefetched"  # the event of a job dispatched ahead, behind the job(s) its worker renders
# Runs whose render is in its last seconds, as their worker says: one key per run, ENDING_KEY + "<job>:<attempt>"
# (gpu_worker/runtime.py ending_key, the same keys), so an earlier run's mark never counts for a requeued job.
ENDING_KEY = "kinema:gpu:ending:"


def ending_key(job_id: str, attempt: int) -> str:
    return f"{ENDING_KEY}{job_id}:{attempt}"


def prefetch_depths() -> dict[int, int]:
    """Worker id -> how many jobs (or batches) it takes ahead of time; {} (none) while Redis is away."""
    try:
        raw = bounded_redis().hgetall(PREFETCH_KEY)
    except Exception:
        return {}
    return {int(k): max(0, int(v)) for k, v in raw.items()}


def loaded_models(worker: GpuWorker) -> list[str]:
    """The models a worker has loaded, as it advertises them (one today: GpuWorker.model)."""
    return [worker.model] if worker.model else []


def model_capacity(workers: list[GpuWorker]) -> dict[str, float]:
    """Reference GPU-seconds per second of the workers holding each model (model affinity's input)."""
    capacity: dict[str, float] = {}
    for w in workers:
        for model in loaded_models(w):
            capacity[model] = capacity.get(model, 0.0) + w.slots * GPU_SPEED.get(w.gpu_class, 1.0)
    return capacity


def batch_key(job: Job) -> str:
    """Jobs the policy may batch on a batching worker (gpu_worker/tasks.py batch_key): same model version,
    shape and steps, text-to-video without conditioning; "" (never batched) for a conditioned job."""
    if job.conditioning:
        return ""
    return f"{job.model}@{job.model_version_id}|{job.width}x{job.height}x{job.num_frames}|{job.steps}"


class LiveScheduler:
    def __init__(self) -> None:
        self.scheduler: Scheduler | None = None
        self.signature: tuple = ()
        self.known: set[str] = set()
        self.watermark = None  # newest queued_at seen
        self.last_sync = timezone.now()
        self.last_positions = 0.0
        self.t0 = time.time()
        self.shed_tiers: set[str] = set()  # tiers whose new submissions the last pass refused
        # Jobs given back to the queue with their original queued_at (withdrawn prefetches): older than the
        # watermark, so the next sync reads them by id.
        self.returned: set[str] = set()
        # Jobs withdrawn from a prefetch turn for a higher tier: never prefetched again by this leader (they take
        # a free slot instead). Else the next pass's pick for that turn could be the same job, withdrawn again for
        # the same higher-tier job, and so on until its preemptions ran out, the higher tier never getting the turn.
        self.no_prefetch: set[str] = set()

    def now(self) -> float:
        return time.time() - self.t0

    def _ensure(self, workers: list[GpuWorker]) -> Scheduler | None:
        classes = gpu_classes(workers, max_batches())
        tiers = tier_configs()
        signature = (tuple(sorted((c.name, c.memory_mb, c.batch_size) for c in classes)), tuple(sorted(tiers.items())))
        if not classes:
            return None
        if self.scheduler is None or signature != self.signature:
            # New fleet shape or tier settings (edited in the admin): rebuild from the DB.
            log.info("scheduler (re)built for %s", signature)
            self.scheduler = Scheduler(SchedulerConfig(tiers=tiers, gpu_classes=classes, postprocess_s=POSTPROCESS_S))
            self.signature = signature
            self.known = set()
            self.watermark = None
        return self.scheduler

    def _epoch(self, dt) -> float:
        return dt.timestamp() - self.t0 if dt else self.now()

    def sync(self, sched: Scheduler) -> None:
        """Add jobs queued since the last look (and retries whose backoff just ended), without
        re-reading the whole queue: a watermark on `queued_at`, with a margin for clock skew."""
        now = timezone.now()
        ready = Q(not_before__isnull=True) | Q(not_before__lte=now)
        qs = Job.objects.filter(ready, state=JobState.QUEUED)
        if self.watermark is not None:
            qs = qs.filter(Q(queued_at__gte=self.watermark - SYNC_MARGIN)
                           | Q(not_before__gt=self.last_sync - SYNC_MARGIN, not_before__lte=now)
                           | Q(pk__in=list(self.returned)))
        self.returned = set()
        self.last_sync = now
        switch_s = model_switch_seconds(current_profile())
        fresh = (qs.only("id", "user_id", "tier", "est_gpu_seconds", "est_memory_mb", "queued_at", "attempt",
                       "checkpoint_step", "steps", "model", "width", "height", "num_frames", "seconds",
                       "model_version", "conditioning")
                 .order_by("queued_at", "id"))  # each user's jobs enter their FIFO in queue order
        for job in fresh.iterator(chunk_size=2000):
            if self.watermark is None or job.queued_at > self.watermark:
                self.watermark = job.queued_at
            if job.id in self.known:
                continue
            progress = (job.checkpoint_step or 0) / job.steps if job.steps else 0.0
            added = sched.add(QueuedJob(job.id, str(job.user_id), job.tier, max(job.est_gpu_seconds, 0.001),
                                        job.est_memory_mb, self._epoch(job.queued_at), attempts=job.attempt,
                                        progress=progress, batch_key=batch_key(job), video_seconds=job.seconds,
                                        model=job.model, switch_s=switch_s))
            self.known.add(job.id)
            if not added:
                lifecycle.fail(job.id, "generation_failed", "No GPU in the fleet has enough memory for this video.",
                               expect=[JobState.QUEUED])
        running = dict(Job.objects.filter(state__in=[JobState.DISPATCHED, JobState.RUNNING])
                       .values("user_id").annotate(n=Count("id")).values_list("user_id", "n"))
        sched.set_running({str(u): n for u, n in running.items()})  # re-admits users whose jobs ended

    def assign(self) -> int:
        workers = live_workers()
        sched = self._ensure(workers)
        if sched is None:
            return 0
        slots: dict[str, int] = {}
        for w in in_service(workers):
            slots[w.gpu_class] = slots.get(w.gpu_class, 0) + w.slots
        sched.set_fleet(slots)  # before sync: speed-aware placement of new jobs reads it
        sched.set_models(model_capacity(in_service(workers)))
        self.sync(sched)
        running: dict[int, int] = {}
        waiting: dict[int, int] = {}  # dispatched, not yet claimed
        for worker_id, state, n in (Job.objects.filter(worker__in=workers,
                                                       state__in=[JobState.DISPATCHED, JobState.RUNNING])
                                    .values("worker", "state").annotate(n=Count("id"))
                                    .values_list("worker", "state", "n")):
            (running if state == JobState.RUNNING else waiting)[worker_id] = n
        by_id = {w.pk: w for w in workers}
        # Free slots are read here, and only from workers in service: drained and quarantined ones get nothing.
        free = [(str(w.pk), w.gpu_class) for w in in_service(workers)
                for _ in range(max(0, w.slots - running.get(w.pk, 0) - waiting.get(w.pk, 0)))]
        loaded = {str(w.pk): loaded_models(w) for w in in_service(workers)}
        now = self.now()
        placed = self.place(sched, free, by_id, loaded, now)
        # Prefetch: with jobs still queued, a worker that takes them ahead gets its next job (or batch) now,
        # behind the one it renders, chosen by the same policy call as any slot's; it starts the moment the GPU
        # is free instead of after the frames write, this pass and the message (gpu_worker/tasks.py). Offered
        # after every free slot has had its pick, so a job never waits behind another while a GPU idles.
        ahead = []
        depths = prefetch_depths() if sched.queued else {}
        ending = self.ending_soon([w for w in in_service(workers) if depths.get(w.pk, 0) > 0])
        for w in in_service(workers):
            if depths.get(w.pk, 0) <= 0 or w.pk not in ending:
                continue
            unclaimed = waiting.get(w.pk, 0) + placed.get(w.pk, 0)
            behind = max(0, unclaimed - max(0, w.slots - running.get(w.pk, 0)))  # dispatched jobs that will wait
            ahead += [(str(w.pk), w.gpu_class)] * max(0, depths[w.pk] * w.slots - behind)
        prefetched = self.place(sched, ahead, by_id, loaded, now, prefetch=True) if ahead else {}
        sent = sum(placed.values()) + sum(prefetched.values())
        self.preempt(sched, workers)
        self.decide_shedding(sched, workers)
        if time.monotonic() - self.last_positions >= POSITIONS_EVERY_S:
            self.last_positions = time.monotonic()
            self.publish_positions(sched, workers)
        return sent

    def ending_soon(self, workers: list[GpuWorker]) -> set[int]:
        """The workers whose running jobs are all expected to end within KINEMA_GPU_PREFETCH_LEAD_S, as the worker
        says (it marks a job in ENDING_KEY and rings the doorbell as the job's render enters that window, judged from
        its own pace: gpu_worker/tasks.py), else from the pace of the reported steps, or the estimate before the
        first. A worker gets its next job ahead only then: soon enough for the pass and the message to come first,
        late enough that the policy's pick is made with what has arrived meanwhile (another user's job, a higher
        tier)."""
        if not workers:
            return set()
        now = timezone.now()
        speed = {w.pk: GPU_SPEED.get(w.gpu_class, 1.0) for w in workers}
        rows = list(Job.objects.filter(state=JobState.RUNNING, worker__in=workers).values_list(
            "id", "worker_id", "step", "steps", "started_at", "est_gpu_seconds", "attempt"))
        try:
            marked = bounded_redis().mget([ending_key(r[0], r[6]) for r in rows]) if rows else []
        except Exception:
            marked = [None] * len(rows)
        remaining: dict[int, float] = {}
        for (_, worker_id, step, steps, started, est, _), ending in zip(rows, marked, strict=True):
            elapsed = (now - started).total_seconds() if started else 0.0
            if ending or (steps and step >= steps):
                left = 0.0
            elif step and steps:
                left = elapsed * (steps - step) / step
            else:
                left = max(0.0, est / speed[worker_id] - elapsed)
            remaining[worker_id] = max(remaining.get(worker_id, 0.0), left)
        # The worker's own estimate rings the doorbell; half as much again here, so the two paces (measured from
        # its render's start and from the claim) need not agree to the millisecond.
        return {w for w, left in remaining.items() if left <= 1.5 * settings.KINEMA_GPU_PREFETCH_LEAD_S}

    def place(self, sched: Scheduler, free: list[tuple[str, str]], by_id: dict[int, GpuWorker],
              loaded: dict[str, list[str]], now: float, prefetch: bool = False) -> dict[int, int]:
        """Dispatch the policy's picks for `free` (slot id, class) pairs; returns jobs placed per worker id.
        `prefetch`: the slots are places behind a running job (each dispatched job notes it, PREFETCHED)."""
        placed_by: dict[int, int] = {}
        while free:
            decision = sched.decide(free, now, loaded)
            if not decision.assignments:
                break
            retry = []
            for a in decision.assignments:
                worker = by_id[int(a.slot)]
                placed = 0
                # One job, or a batch for a batching worker: one message each, committed together so the
                # worker finds the whole batch dispatched to it when the first message arrives.
                with transaction.atomic():
                    for job_id in a.job_ids:
                        self.known.discard(job_id)
                        if prefetch and job_id in self.no_prefetch:
                            sched.job_finished(self._user_of(job_id))  # not taken: back to the queue next sync
                            self.returned.add(job_id)
                        elif lifecycle.dispatch(job_id, worker.pk, worker.queue_name):
                            placed += 1
                            self.no_prefetch.discard(job_id)
                            if prefetch:
                                lifecycle.record_event(job_id, PREFETCHED, {"worker_id": worker.pk})
                        else:
                            sched.job_finished(self._user_of(job_id))  # gone (cancelled): free its cap slot
                placed_by[worker.pk] = placed_by.get(worker.pk, 0) + placed
                if not placed:
                    retry.append((a.slot, a.gpu_class))
            free = retry
        return placed_by

    def decide_shedding(self, sched: Scheduler, workers: list[GpuWorker]) -> None:
        """Load shedding (jobs/shedding.py) from this pass's figures: the queued work per tier left after
        dispatching and the capacity of the workers in service; cached for the submission paths. With
        no worker in service nothing is published (that is an outage, alerted on as one): admit."""
        capacity = sum(w.slots * GPU_SPEED.get(w.gpu_class, 1.0) for w in in_service(workers))
        if capacity <= 0:
            return
        work = sched.queued_work_by_tier()
        tiers = [shedding.TierLoad(t.name, t.rank, t.weight, t.wait_target_s, work.get(t.name, 0.0))
                 for t in sched.cfg.tiers.values()]
        decision = shedding.decide(tiers, capacity, self.shed_tiers)
        shed = {name for name, d in decision.items() if d.shed}
        if shed != self.shed_tiers:
            log.warning("load shedding: new submissions refused for %s (capacity %.2f GPU-s/s, drain %s)",
                        sorted(shed) or "no tier", capacity, {n: round(d.drain_s, 1) for n, d in decision.items()})
        self.shed_tiers = shed
        shedding.publish(decision, capacity)

    def _user_of(self, job_id: str) -> str:
        return str(Job.objects.filter(pk=job_id).values_list("user_id", flat=True).first() or "")

    def preempt(self, sched: Scheduler, workers: list[GpuWorker]) -> list[str]:
        if not sched.queued:
            return []
        classes = {w.pk: w.gpu_class for w in workers}
        speed = {c.name: c.speed for c in sched.gpu_classes}
        running = []
        ends: dict[int, float] = {}  # worker id -> when its running jobs are expected to end
        for j in Job.objects.filter(state=JobState.RUNNING, worker__in=workers).only(
                "id", "user_id", "tier", "worker_id", "started_at", "est_gpu_seconds", "step", "steps",
                "preemptions"):
            cls = classes[j.worker_id]
            progress = j.step / j.steps if j.steps else 0.0
            started = self._epoch(j.started_at)
            remaining = j.est_gpu_seconds * (1 - progress) / speed.get(cls, 1.0)
            running.append(RunningJob(j.id, str(j.user_id), j.tier, cls, started, self.now() + remaining,
                                      progress=progress, preemptions=j.preemptions))
            if j.worker_id is not None:
                ends[j.worker_id] = max(ends.get(j.worker_id, 0.0), self.now() + remaining)
        # Prefetched jobs (dispatched behind a running one) hold a GPU's next turn: they are candidates too, with
        # no progress, so the policy's least-valuable pick takes one of them before any running job of the same
        # tier; withdrawing one loses no work and uses no attempt. It counts as a preemption (the job lost its
        # turn), so the policy's max_preemptions bounds how often one job can be sent back.
        held: dict[str, uuid.UUID | None] = {}
        for j in Job.objects.filter(state=JobState.DISPATCHED, worker_id__in=list(ends)).only(
                "id", "user_id", "tier", "worker_id", "dispatched_at", "est_gpu_seconds", "preemptions",
                "lease_token"):
            assert j.worker_id is not None  # filtered on it
            cls = classes[j.worker_id]
            end = ends[j.worker_id] + j.est_gpu_seconds / speed.get(cls, 1.0)
            running.append(RunningJob(j.id, str(j.user_id), j.tier, cls, self._epoch(j.dispatched_at), end,
                                      progress=0.0, preemptions=j.preemptions))
            held[j.id] = j.lease_token
        victims = sched.preemptions(running, self.now())
        for job_id in victims:
            # A withdrawn prefetch keeps its place in the queue (its queued_at): it lost a turn, not its wait.
            if job_id in held and lifecycle.requeue(job_id, expect=[JobState.DISPATCHED], lease_token=held[job_id],
                                                    reason="prefetch withdrawn for a higher-tier job", preempted=True,
                                                    keep_queued_at=True):
                log.info("withdrew prefetched %s for a higher-tier job", job_id)
                self.returned.add(job_id)
                if len(self.no_prefetch) > 10_000:  # those cancelled while queued are never dispatched: bound it
                    self.no_prefetch.clear()
                self.no_prefetch.add(job_id)
                continue
            log.info("asking %s to yield for a higher-tier job", job_id)  # (a prefetched one may just have started)
            lifecycle.record_event(job_id, "preemption requested")
            request_preempt(job_id)
        return victims

    def publish_positions(self, sched: Scheduler, workers: list[GpuWorker]) -> None:
        capacity = sum(w.slots * GPU_SPEED.get(w.gpu_class, 1.0) for w in in_service(workers)) or 1.0
        positions = sched.positions(self.now(), capacity)
        if positions:
            now = timezone.now()
            rows = Job.objects.filter(pk__in=list(positions), state=JobState.QUEUED).only(
                "id", "user_id", "queue_position")
            changed = []
            for job in rows:
                pos, eta = positions[job.id]
                if job.queue_position != pos:
                    job.queue_position, job.eta_at = pos, now + timedelta(seconds=eta)
                    changed.append(job)
            Job.objects.bulk_update(changed, ["queue_position", "eta_at"], batch_size=1000)
            send_many_to_feed([(job.user_id, {"kind": "queue", "job_id": job.id, "queue_position": job.queue_position,
                                              "eta_at": int(job.eta_at.timestamp())}) for job in changed])
        # The autoscaling signal: GPUs wanted per class for what runs plus the backlog.
        backlog = sched.runnable_backlog()
        busy: dict[str, int] = {}
        for cls in Job.objects.filter(state__in=[JobState.DISPATCHED, JobState.RUNNING], worker__in=workers) \
                .values_list("worker__gpu_class", flat=True):
            busy[cls] = busy.get(cls, 0) + 1
        size = {c.name: sum(w.slots for w in in_service(workers) if w.gpu_class == c.name) for c in sched.gpu_classes}
        desired = desired_gpus(sched.gpu_classes, backlog, busy, {k: 0 for k in size},
                               {k: max(v, 10_000) for k, v in size.items()}, drain_s=60.0)
        signal = {"at": int(time.time()), "queued": sched.queued, "current": size, "busy": busy,
                  "backlog_gpu_s": {sched.gpu_classes[h].name: round(v, 1) for h, v in backlog.items()},
                  "desired": desired}
        try:
            bounded_redis().set(AUTOSCALE_KEY, json.dumps(signal), ex=300)
        except Exception:
            log.warning("could not publish the autoscaling signal", exc_info=True)


def autoscale_signal() -> dict | None:
    raw = bounded_redis().get(AUTOSCALE_KEY)
    return json.loads(raw) if raw else None
