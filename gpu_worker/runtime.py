"""Per-process GPU worker state: the models (each checkpoint loaded once, a few kept), this worker's identity
and heartbeat."""

from __future__ import annotations

import json
import logging
import os
import queue
import socket
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection, connections
from django.utils import timezone

log = logging.getLogger(__name__)


def pick_device() -> str:
    import torch

    if settings.KINEMA_DEVICE:
        return settings.KINEMA_DEVICE
    return "cuda" if torch.cuda.is_available() else "cpu"


def describe_device(device: str) -> tuple[str, int]:
    """(gpu class, memory in MB) for the scheduler's placement decisions."""
    import torch

    if device.startswith("cuda"):
        props = torch.cuda.get_device_properties(torch.device(device))
        gpu_class = settings.KINEMA_GPU_CLASS or props.name.replace("NVIDIA ", "").split()[0].lower()
        return gpu_class, int(props.total_memory // 2**20)
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    return settings.KINEMA_GPU_CLASS or "cpu", int(mem)


# Loaded pipelines by checkpoint, least recently used first (at most KINEMA_GPU_PIPELINE_CACHE text-to-video
# checkpoints); conditioned families by (family, checkpoint); the catalog names of what is loaded.
_pipelines: OrderedDict[str, Any] = OrderedDict()
_family_pipelines: dict[tuple[str, str], Any] = {}
_loaded_names: dict[str, str] = {}
_pipeline_lock = threading.Lock()


def _load(path: str) -> Any:
    import torch
    from diffusers import DiffusionPipeline

    torch.set_num_threads(settings.KINEMA_TORCH_THREADS)
    device = pick_device()
    dtype = torch.bfloat16 if device.startswith("cuda") else torch.float32
    log.info("loading %s on %s", path, device)
    pipe = DiffusionPipeline.from_pretrained(path, dtype=dtype)
    if device.startswith("cuda") and hasattr(pipe, "vae"):
        pipe.vae.to(torch.float32)  # Wan's VAE is only stable in float32
    pipe.to(device)
    pipe.set_progress_bar_config(disable=True)
    return pipe


def pipeline(checkpoint: str | None = None, name: str = "") -> Any:
    """The text-to-video pipeline of `checkpoint` (default KINEMA_MODEL), loaded on first use and kept
    while it is among the KINEMA_GPU_PIPELINE_CACHE most recently used; `name` (the catalog version) is
    what the worker advertises in GpuWorker.model."""
    path = checkpoint or settings.KINEMA_MODEL
    with _pipeline_lock:
        pipe = _pipelines.get(path)
        if pipe is not None:
            _pipelines.move_to_end(path)
            changed = bool(name) and _loaded_names.get(path) != name
        else:
            if os.path.isabs(path) and not os.path.isdir(path):  # a misconfigured version, not an outage: no retry
                raise ModelUnavailable(f"the model folder {path} does not exist")
            while len(_pipelines) >= max(1, settings.KINEMA_GPU_PIPELINE_CACHE):
                _evict(next(iter(_pipelines)))
            pipe = _pipelines[path] = _load(path)
            changed = True
        if changed:
            _loaded_names[path] = name or settings.KINEMA_MODEL_NAME
    if changed:
        advertise()
    return pipe


def _evict(path: str) -> None:
    """Drop a checkpoint and the pipelines made of its components (the caller holds the lock)."""
    log.info("unloading %s", path)
    _pipelines.pop(path, None)
    _loaded_names.pop(path, None)
    for key in [k for k in _family_pipelines if k[1] == path]:
        del _family_pipelines[key]
    import torch

    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def loaded_models() -> list[str]:
    """The catalog names of the checkpoints this process holds, least recently used first."""
    with _pipeline_lock:
        return [_loaded_names[p] for p in _pipelines]


def advertise() -> None:
    """Tell the fleet registry what this worker has loaded (GpuWorker.model)."""
    if state.worker_id is None:
        return
    from jobs.models import GpuWorker

    names = ", ".join(loaded_models()) or settings.KINEMA_MODEL_NAME
    GpuWorker.objects.filter(pk=state.worker_id).update(model=names[:200])


class ModelUnavailable(Exception):
    """This deployment has no checkpoint for a pipeline family (e.g. KINEMA_VACE_MODEL is unset)."""


def family_pipeline(family: str, checkpoint: str | None = None, name: str = "", vace_checkpoint: str | None = None
                    ) -> Any:
    """The pipeline of a conditioned family (gpu_worker/conditioning.py), made on first use, once per process.

    Video-to-video is built from the text-to-video pipeline's own components (no second copy of the
    weights); VACE is its own checkpoint (the version's, else KINEMA_VACE_MODEL), loaded only when a
    worker first needs it."""
    from gpu_worker.conditioning import FAMILY_V2V, FAMILY_VACE

    if family == FAMILY_V2V:
        base = pipeline(checkpoint, name)
        key = (family, checkpoint or settings.KINEMA_MODEL)
        with _pipeline_lock:
            if key not in _family_pipelines:
                from diffusers import WanVideoToVideoPipeline

                shared = ("tokenizer", "text_encoder", "vae", "transformer", "scheduler")
                v2v: Any = WanVideoToVideoPipeline(**{k: base.components[k] for k in shared})
                v2v.set_progress_bar_config(disable=True)
                _family_pipelines[key] = v2v
            return _family_pipelines[key]
    if family == FAMILY_VACE:
        path = vace_checkpoint if vace_checkpoint is not None else settings.KINEMA_VACE_MODEL
        key = (family, path)
        with _pipeline_lock:
            if key not in _family_pipelines:
                if not path:
                    raise ModelUnavailable("this deployment has no VACE model (KINEMA_VACE_MODEL) for reference "
                                           "images, extensions or masked edits")
                if os.path.isabs(path) and not os.path.isdir(path):  # a misconfiguration, not an outage: no retry
                    raise ModelUnavailable(f"the VACE model folder {path} (KINEMA_VACE_MODEL) does not exist")
                _family_pipelines[key] = _load(path)
            return _family_pipelines[key]
    raise ValueError(f"unknown pipeline family {family!r}")


@dataclass
class CurrentJob:
    job_id: str
    lease_token: uuid.UUID


# Where a GPU worker advertises how many compatible jobs it denoises as one batch (KINEMA_GPU_MAX_BATCH):
# a Redis hash, worker id -> max batch, read by the dispatcher (jobs/scheduling_live.py MAX_BATCH_KEY, the
# same key: the layering keeps this module from importing that one). Redis, not a GpuWorker column, to need no
# migration; when Redis is away the dispatcher sends one job at a time, which every worker handles.
MAX_BATCH_KEY = "kinema:gpu:max-batch"
# Likewise its prefetch depth (KINEMA_GPU_PREFETCH): worker id -> jobs the dispatcher may hand it ahead, behind the
# one it renders (jobs/scheduling_live.py PREFETCH_KEY, the same key). Unknown (Redis away) means none.
PREFETCH_KEY = "kinema:gpu:prefetch"
# Each finished run's phase times (wall clock, seconds): message, claimed, render_start, render_end, frames_written,
# frames_done, settled; a bounded Redis list per worker, read by bench/gpu_busy.py and useful to an operator
# wondering where a GPU's time goes between jobs.
TIMELINE_KEY = "kinema:gpu:timeline:"
# Prefetch: the runs whose render entered its last KINEMA_GPU_PREFETCH_LEAD_S, one small key per run,
# ENDING_KEY + "<job id>:<attempt>", set by the worker that renders it and read by the dispatcher
# (jobs/scheduling_live.py ending_key, the same key), which then hands that worker its next job. Keyed by the
# attempt, so a requeued job's next run never reads an earlier run's mark; each expires on its own
# ENDING_GRACE_S after the lead window (a dead worker's leftovers), and is deleted when its run ends.
ENDING_KEY = "kinema:gpu:ending:"
ENDING_GRACE_S = 5.0
TIMELINE_LENGTH = 2000
# A worker's timeline outlives it by a day (an operator, the bench, read it afterwards); the advertisement hashes
# expire a while after the last heartbeat wrote them (a stopped worker also deletes its own fields).
TIMELINE_TTL_S = 24 * 3600


def ending_key(job_id: str, attempt: int) -> str:
    return f"{ENDING_KEY}{job_id}:{attempt}"


def advert_ttl_s() -> int:
    return int(max(60.0, 6 * settings.KINEMA_HEARTBEAT_S))


class WorkerState:
    """Identity of this process in the GpuWorker table, and the jobs it holds (for lease renewal): one, or the
    jobs of a batch."""

    def __init__(self) -> None:
        self.name = os.environ.get("KINEMA_WORKER_NAME", f"{socket.gethostname()}-{os.getpid()}")
        self.worker_id: int | None = None
        self.queue_name = ""
        self.held: dict[str, CurrentJob] = {}
        self.gpu_class = ""
        self._busy_mark: float | None = None
        self._busy_lock = threading.Lock()
        self._stop = threading.Event()
        self._closing = False  # shutting down: no new work, prefetched jobs no longer kept (held leases are)
        self._thread: threading.Thread | None = None

    def register(self, queue_name: str) -> int:
        from jobs.models import GpuWorker

        device = pick_device()
        gpu_class, memory = describe_device(device)
        now = timezone.now()
        worker, _ = GpuWorker.objects.update_or_create(name=self.name, defaults={
            "queue_name": queue_name, "gpu_class": gpu_class, "memory_mb": memory,
            "model": (", ".join(loaded_models()) or settings.KINEMA_MODEL_NAME)[:200], "slots": 1,
            "pid": os.getpid(), "host": socket.gethostname(),
            "started_at": now, "last_heartbeat": now, "stopped_at": None,
        })
        self.worker_id = worker.pk
        self.queue_name = queue_name
        self.gpu_class = gpu_class
        self.advertise_batch()
        return worker.pk

    def hold(self, job_id: str, lease_token: uuid.UUID) -> None:
        self.held[job_id] = CurrentJob(job_id, lease_token)

    def release(self, job_id: str) -> None:
        self.held.pop(job_id, None)

    def advertise_batch(self) -> None:
        """Tell the dispatcher how many compatible jobs this worker takes at once (at registration and with
        every heartbeat, so a flushed or restarted Redis learns it again). Best effort: unknown means 1."""
        from webapp.resilience import bounded_redis

        if self.worker_id is None:
            return
        try:
            pipe = bounded_redis().pipeline()
            pipe.hset(MAX_BATCH_KEY, str(self.worker_id), settings.KINEMA_GPU_MAX_BATCH)
            pipe.hset(PREFETCH_KEY, str(self.worker_id), settings.KINEMA_GPU_PREFETCH)
            pipe.expire(MAX_BATCH_KEY, advert_ttl_s())
            pipe.expire(PREFETCH_KEY, advert_ttl_s())
            pipe.execute()
        except Exception as exc:  # Redis away or its breaker open: the dispatcher then sends single jobs
            log.debug("could not advertise the max batch and prefetch: %s", exc)

    def mark_busy(self) -> None:
        """The GPU starts rendering (denoise and decode of a job or a batch)."""
        with self._busy_lock:
            self._busy_mark = time.monotonic()

    def account_busy(self, done: bool = False) -> None:
        """Add the busy time since the last mark to kinema_gpu_busy_seconds: with `done` when the render
        ends; without, from the heartbeat while one runs, so the busy fraction is current even during a long
        job. Only rendering counts: writing frames and bookkeeping (maybe in the background) does not."""
        from webapp import metrics

        with self._busy_lock:
            if self._busy_mark is None:
                return
            now = time.monotonic()
            elapsed, self._busy_mark = now - self._busy_mark, (None if done else now)
        metrics.inc("kinema_gpu_busy_seconds", elapsed, worker=self.name, gpu_class=self.gpu_class)

    def mark_ending(self, job_id: str, attempt: int, ending: bool = True) -> None:
        """Say (or take back, when the run ends) that the render of `job_id`'s run `attempt` is in its last
        seconds. Best effort: without it the dispatcher goes by the job's reported pace."""
        from webapp.resilience import bounded_redis

        key = ending_key(job_id, attempt)
        try:
            if ending:
                ttl_ms = int(1000 * (settings.KINEMA_GPU_PREFETCH_LEAD_S + ENDING_GRACE_S))
                bounded_redis().set(key, 1, px=ttl_ms)
            else:
                bounded_redis().delete(key)
        except Exception as exc:
            log.debug("could not mark the end of %s: %s", job_id, exc)

    def record_timeline(self, job_id: str, marks: dict[str, float]) -> None:
        """Append a finished run's phase times to this worker's timeline (best effort, bounded)."""
        from webapp.resilience import bounded_redis

        try:
            pipe = bounded_redis().pipeline()
            key = TIMELINE_KEY + self.name
            pipe.rpush(key, json.dumps({"job": job_id, **{k: round(v, 6) for k, v in marks.items()}}))
            pipe.ltrim(key, -TIMELINE_LENGTH, -1)
            pipe.expire(key, TIMELINE_TTL_S)
            pipe.execute()
        except Exception as exc:
            log.debug("could not record the timeline of %s: %s", job_id, exc)

    def start_heartbeat(self) -> None:
        self._thread = threading.Thread(target=self._beat, name="heartbeat", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        from jobs.lifecycle import renew_lease
        from jobs.models import GpuWorker
        from jobs.signals import ring_dispatcher

        ring_dispatcher()  # a new worker is free capacity
        try:
            while not self._stop.wait(settings.KINEMA_HEARTBEAT_S):
                try:
                    beat = self.worker_id is not None and GpuWorker.objects.filter(pk=self.worker_id).update(
                        last_heartbeat=timezone.now())
                    if not beat and not self._closing:
                        self.register(self.queue_name)  # our row was removed (admin, test flush): come back
                    if not self._closing:
                        self.advertise_batch()
                    held = list(self.held.values())
                    for current in held:
                        renew_lease(current.job_id, current.lease_token)
                    if held and not self._closing:
                        renew_prefetched(self.worker_id)
                    self.account_busy()
                except Exception:
                    log.warning("heartbeat failed", exc_info=True)
                    connection.close()
        finally:
            connection.close()

    def stop_taking_work(self) -> None:
        """Shutdown, first part: the dispatcher sends nothing more (stopped_at) and the jobs dispatched here
        ahead are no longer kept (the reaper gives them back), but the heartbeat goes on renewing the leases of
        the runs still being finished (the settler's drain), so none lapses while its frames are written."""
        from jobs.models import GpuWorker

        self._closing = True
        if self.worker_id is not None:
            GpuWorker.objects.filter(pk=self.worker_id).update(stopped_at=timezone.now())

    def stop(self) -> None:
        """Shutdown, last part (after the drain): stop the heartbeat and withdraw this worker's advertisement."""
        from webapp.resilience import bounded_redis

        self.stop_taking_work()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=settings.KINEMA_HEARTBEAT_S + 5)
        if self.worker_id is None:
            return
        try:
            pipe = bounded_redis().pipeline()
            pipe.hdel(MAX_BATCH_KEY, str(self.worker_id))
            pipe.hdel(PREFETCH_KEY, str(self.worker_id))
            pipe.execute()
        except Exception as exc:  # they expire anyway (advert_ttl_s)
            log.debug("could not withdraw the advertisement: %s", exc)


def renew_prefetched(worker_id: int | None) -> int:
    """Keep the claim deadline of the jobs dispatched to this worker ahead (prefetched, waiting behind the one
    it renders) from running out while it is busy: they are claimed as soon as the GPU is free. Only while it
    holds a job: an idle worker that does not claim a dispatched job (its message was lost) lets the deadline
    pass, and the dispatcher's reaper gives the job back to the queue, as for any unclaimed dispatch. A dead
    worker renews nothing, so its prefetched jobs are requeued within KINEMA_LEASE_S."""
    from jobs.models import Job, JobState

    if worker_id is None:
        return 0
    until = timezone.now() + timedelta(seconds=settings.KINEMA_LEASE_S)
    return Job.objects.filter(state=JobState.DISPATCHED, worker_id=worker_id,
                              lease_expires_at__lt=until).update(lease_expires_at=until)


class Settler:
    """Finishes runs off the GPU's critical path: writes a run's frames, moves it to finalizing, records its GPU
    time and frees its lease, in one background thread, in the order the runs ended, while the next job renders.

    Nothing is lost when the process dies with work queued here: the run's job stays `running` under its lease
    (renewed by the heartbeat until its turn comes, and through the shutdown's drain), so a dead worker's job is
    requeued by the lease reaper exactly as a job that died while rendering.

    Bounded: the actor waits (`wait_settled`) for the runs submitted before its own to be settled before it
    returns, so at most one run settles while the next one renders and the frames held in memory are one run's.
    Each item gets a healthy database connection first, as Dramatiq's per-message middleware gives the actor's
    thread (webapp/broker.py DjangoDbConnections): a connection dropped while idle (PostgreSQL restarted, an idle
    timeout) is replaced instead of failing the next run's frames."""

    def __init__(self) -> None:
        self._queue: queue.Queue[Callable[[], None]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._done = threading.Condition()
        self.submitted = 0  # items ever submitted; they are done in that order
        self.finished = 0

    def submit(self, work: Callable[[], None]) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="settler", daemon=True)
                self._thread.start()
        with self._done:
            self.submitted += 1
        self._queue.put(work)

    def pending(self) -> int:
        return self._queue.unfinished_tasks

    def wait_settled(self, upto: int, timeout_s: float | None = None) -> bool:
        """Wait until the first `upto` items submitted are done (in short waits, so Dramatiq's time limit can
        still interrupt the caller). False when `timeout_s` passed first."""
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        with self._done:
            while self.finished < upto:
                if deadline is not None and time.monotonic() >= deadline:
                    return False
                self._done.wait(0.1)
        return True

    def drain(self, timeout_s: float) -> bool:
        """Wait until everything submitted is done (at shutdown). False when it did not finish in time."""
        with self._done:
            upto = self.submitted
        return self.wait_settled(upto, timeout_s)

    @staticmethod
    def refresh_connection() -> None:
        # As DjangoDbConnections.refresh: with PostgreSQL gone the check itself can fail; then start afresh.
        try:
            close_old_connections()
        except Exception:
            connections.close_all()

    def _run(self) -> None:
        while True:
            work = self._queue.get()
            try:
                self.refresh_connection()
                work()
            except Exception:
                log.exception("finishing a run failed")
                connection.close()  # a broken connection is not reused by the next run's work
            finally:
                self.refresh_connection()
                with self._done:
                    self.finished += 1
                    self._done.notify_all()
                self._queue.task_done()


state = WorkerState()
settler = Settler()
