"""The fair GPU scheduling policy: plain Python, no Django, no clock, no I/O, deterministic.

The live dispatcher and the fleet simulator feed it the same plain data and get the same answers.

Fairness is hierarchical, in GPU-seconds:
- across tiers by weight (pro 4, plus 2, free 1 by default): the next slot goes to the backlogged tier
  whose attained service divided by its weight is lowest (weighted fair queueing by virtual time); a
  tier whose share of recent service is under its floor goes first, so free is never starved;
- within a tier by attained service per user: the user who has received least goes next, so one
  user's 32 queued jobs do not delay another's 2; a user at their concurrency cap is skipped;
- bounded waiting: a job waiting longer than its tier's `max_wait_s` is served first (aging).

Attained service decays (half-life `memory_s`) so the past does not count forever. The decay is
implicit: service is recorded in units that inflate by 2 every `memory_s` (recording `cost x 2^(t/
memory_s)` is the same as halving everything older), so no per-user bookkeeping runs over time.

Placement: GPU classes are ordered by memory; a job's smallest fitting class is its *home*. A free
slot prefers jobs whose home is its own class (big jobs get big GPUs) and only then takes smaller
jobs, so big GPUs are not spent on small jobs while big jobs wait.

Speed-aware placement: a tier with an end-to-end target (`TierConfig.e2e_target_s`, for a clip of
`REFERENCE_CLIP_S`, scaled up for longer clips) places a job on the cheapest fitting class where its
run still meets the target after a queue-wait allowance and post-processing; when no class
meets it, on the fastest one that fits. So a Plus 10 s clip that would take 120 s on a half-speed
class is homed on the full-speed class (and the autoscaling signal asks for that class), while free
work that meets its target on the slow class stays there. A job moved up this way is not stuck there
when the fast class is short (capacity lost, at its maximum): once it has waited as long as the fast
class would save it (or past its tier's wait target), a slot of the class that fits its memory takes
it (spill), before fair order; preemption for it may free either class.

Preemption: when a job of a higher tier has waited past its tier's wait target and no slot is
expected to free in time, the least valuable running job of a lower tier (least progress, not near
completion, preempted fewer than `max_preemptions` times) is asked to yield at its next step.

Model affinity: a free slot says which models it holds. When the fair pick's model is not among
them, and the slots that hold that model drain its queue within the time a switch would take (the
job's `switch_s`, from the cost model), the slot takes the oldest job of the same tier whose model it
holds instead: tiers keep their order, the switch (minutes for a large model) is saved, and the
passed-over job starts soon on a slot that has its model. With no such job the slot stays free for
now (delay scheduling), as long as the pick has waited less than a switch would take. A model too few
slots hold for its queue is switched to.

Batching: a slot of a class that batches takes up to `batch_size` queued jobs with the same
batch key (model, shape, steps), in the order the fairness rules pick them.

Everything per decision is a heap or dict operation: O(log users) per assignment, whatever the queue.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

HEAVY_MARGIN = 4  # queued jobs beyond the cap before the autoscaling signal discounts a user
REFERENCE_CLIP_S = 10.0  # the clip length the tiers' end-to-end targets are stated for
AFFINITY_SCAN = 8  # queued jobs of a model looked at past capped users before giving up on affinity


@dataclass(frozen=True)
class TierConfig:
    name: str
    weight: float
    rank: int
    floor_share: float = 0.0
    wait_target_s: float = 300.0
    max_wait_s: float = 1800.0
    max_concurrent: int = 1
    e2e_target_s: float | None = None  # submission to video for a REFERENCE_CLIP_S clip; None: no speed placement


@dataclass(frozen=True)
class GpuClass:
    name: str
    memory_mb: int
    speed: float = 1.0  # relative to the reference class the GPU-second estimates are for
    batch_size: int = 1


@dataclass(slots=True)
class QueuedJob:
    id: str
    user: str
    tier: str
    gpu_seconds: float  # on the reference class
    memory_mb: int
    enqueued_at: float
    attempts: int = 0
    progress: float = 0.0  # resumed jobs have less left
    batch_key: str = ""
    video_seconds: float = 0.0  # clip length: scales the tier's end-to-end target (speed-aware placement)
    model: str = ""  # the model it runs on ("" : any worker will do, no affinity)
    switch_s: float = 0.0  # time to load its model on a worker holding another (jobs/costs.py)


@dataclass(slots=True)
class RunningJob:
    id: str
    user: str
    tier: str
    gpu_class: str
    started_at: float
    expected_end: float
    progress: float = 0.0
    preemptions: int = 0


@dataclass(frozen=True)
class Assignment:
    slot: str
    gpu_class: str
    job_ids: tuple[str, ...]


@dataclass
class Decision:
    assignments: list[Assignment] = field(default_factory=list)
    preemptions: list[str] = field(default_factory=list)


@dataclass
class SchedulerConfig:
    tiers: dict[str, TierConfig]
    gpu_classes: list[GpuClass]
    memory_s: float = 3600.0
    max_preemptions: int = 2
    protect_progress: float = 0.8
    postprocess_s: float = 0.0  # after the GPU run, before the video is ready (part of the end-to-end target)
    # Queue wait assumed before a run starts when judging whether a class meets a tier's end-to-end
    # target: the platform's p50 queue-wait target (docs/architecture.md).
    queue_allowance_s: float = 15.0
    model_affinity: bool = True  # prefer slots holding a job's model (off: the simulator's comparison)

    def __post_init__(self) -> None:
        self.gpu_classes = sorted(self.gpu_classes, key=lambda c: c.memory_mb)
        self.class_index = {c.name: i for i, c in enumerate(self.gpu_classes)}


class Scheduler:
    """Incremental state: add queued jobs as they arrive, then ask for decisions as slots free."""

    def __init__(self, config: SchedulerConfig) -> None:
        self.cfg = config
        self.jobs: dict[str, QueuedJob] = {}
        self.home: dict[str, int] = {}
        # (tier, home class) -> heap of (user attained, tiebreak, user); user -> FIFO of job ids
        self.user_heaps: dict[tuple[str, int], list[tuple[float, int, str]]] = {}
        self.user_queues: dict[tuple[str, int, str], deque[str]] = {}
        self.in_heap: set[tuple[str, int, str]] = set()
        self.attained_user: dict[str, float] = {}
        self.attained_tier: dict[str, float] = {t: 0.0 for t in config.tiers}
        self.running_by_user: dict[str, int] = {}
        self.backlog: dict[tuple[str, int], int] = {}
        # Per tier, (enqueued_at, job id), oldest first: aging and preemption look only at the heads.
        self.oldest: dict[str, list[tuple[float, str]]] = {t: [] for t in config.tiers}
        self.by_batch: dict[str, deque[str]] = {}
        self.parked: dict[str, list[tuple[str, int]]] = {}  # capped users, out of the heaps
        self.queued_work: dict[int, float] = {}  # reference GPU-seconds queued, by home class
        self.tier_work: dict[tuple[str, int], float] = {}  # the same by (tier, home class)
        self.class_slots: dict[str, int] | None = None  # slots per class in service (set_fleet); None: unknown
        # Model affinity: queued reference GPU-seconds per model; per (tier, home, model) job ids in
        # queue order; reference GPU-s per s of the slots holding each model (set_models).
        self.model_work: dict[str, float] = {}
        self.by_model: dict[tuple[str, int, str], deque[str]] = {}
        self.model_capacity: dict[str, float] = {}
        self.delayed = False  # the last next_for_slot left its slot free for model affinity
        self.heavy: set[tuple[str, int, str]] = set()  # users with far more queued than their cap
        self.vclock: dict[str, float] = {}  # per tier: the attainment of the last user served
        # Jobs placed above the class that fits their memory (speed-aware placement): id -> that class,
        # and per tier (enqueued_at, id), oldest first, for the spill check (heads only, like aging).
        self.memory_home: dict[str, int] = {}
        self.moved_up: dict[str, list[tuple[float, str]]] = {t: [] for t in config.tiers}
        self.epoch: float | None = None  # time origin of the inflating service units
        self.inflation = 1.0
        self._tiebreak = 0

    # --- state updates ----------------------------------------------------------------------

    def home_class(self, memory_mb: int) -> int | None:
        for i, c in enumerate(self.cfg.gpu_classes):
            if memory_mb <= c.memory_mb:
                return i
        return None

    def run_budget_s(self, job: QueuedJob) -> float | None:
        """How long the job's GPU run may take for it to meet its tier's end-to-end target: the target
        (scaled for clips longer than the reference) less the queue-wait allowance and the
        post-processing after the GPU. None when the tier has no end-to-end target."""
        tier = self.cfg.tiers[job.tier]
        if tier.e2e_target_s is None:
            return None
        target = tier.e2e_target_s * max(1.0, job.video_seconds / REFERENCE_CLIP_S)
        return target - self.cfg.queue_allowance_s - self.cfg.postprocess_s

    def expected_wait_s(self, tier: str, home: int) -> float:
        """Queue wait a job of `tier` homed on class `home` can expect: the work queued there by its
        tier and the ones above it, over that class's capacity; never less than the allowance. Without
        fleet sizes (set_fleet), the allowance."""
        allowance = self.cfg.queue_allowance_s
        if self.class_slots is None:
            return allowance
        c = self.cfg.gpu_classes[home]
        capacity = self.class_slots.get(c.name, 0) * c.speed
        rank = self.cfg.tiers[tier].rank
        ahead = sum(self.tier_work.get((t, home), 0.0) for t, cfg in self.cfg.tiers.items() if cfg.rank >= rank)
        if capacity <= 0:
            return math.inf  # none in service (drained, lost): nothing starts there until some return
        return max(allowance, ahead / capacity)

    def placement(self, job: QueuedJob) -> int | None:
        """The smallest class index the job may run on (its home): the smallest class that fits its
        memory, moved up to a faster class when the run would miss the tier's target there. None if no
        class can hold it."""
        home = self.home_class(job.memory_mb)
        budget = self.run_budget_s(job)
        if home is None or budget is None:
            return home
        classes = self.cfg.gpu_classes
        remaining = job.gpu_seconds * (1 - job.progress)
        allowance = self.cfg.queue_allowance_s
        finish: dict[int, float] = {}
        for i in range(home, len(classes)):  # cheapest (smallest) first
            run = remaining / classes[i].speed
            if i == home and run <= budget:
                return home  # meets the target where it fits: no need to look at queues
            finish[i] = self.expected_wait_s(job.tier, i) - allowance + run
            if finish[i] <= budget:
                return i
        # No class meets it: where it is expected to finish first (the cheapest on a tie).
        best = min(finish, key=lambda i: (finish[i], i))
        return best if finish[best] < finish[home] else home

    def add(self, job: QueuedJob) -> bool:
        """Queue a job. False if no GPU class can ever hold it."""
        home = self.placement(job)
        if home is None:
            return False
        self.jobs[job.id] = job
        self.home[job.id] = home
        memory_home = self.home_class(job.memory_mb)
        if memory_home is not None and memory_home < home:
            self.memory_home[job.id] = memory_home
            heapq.heappush(self.moved_up[job.tier], (job.enqueued_at, job.id))
        key = (job.tier, home, job.user)
        self._enqueue(self.user_queues.setdefault(key, deque()), job)
        if not self._tier_backlogged(job.tier):
            self._catch_up_tier(job.tier)
        self.backlog[(job.tier, home)] = self.backlog.get((job.tier, home), 0) + 1
        work = job.gpu_seconds * (1 - job.progress)
        self.queued_work[home] = self.queued_work.get(home, 0.0) + work
        self.tier_work[(job.tier, home)] = self.tier_work.get((job.tier, home), 0.0) + work
        if len(self.user_queues[key]) > self.cfg.tiers[job.tier].max_concurrent + HEAVY_MARGIN:
            self.heavy.add(key)
        if key not in self.in_heap and (job.tier, home) not in self.parked.get(job.user, ()):
            self._push_user(job.tier, home, job.user)
        heapq.heappush(self.oldest[job.tier], (job.enqueued_at, job.id))
        if job.batch_key:
            self._enqueue(self.by_batch.setdefault(job.batch_key, deque()), job)
        if job.model:
            self.model_work[job.model] = self.model_work.get(job.model, 0.0) + work
            self._enqueue(self.by_model.setdefault((job.tier, home, job.model), deque()), job)
        return True

    def _enqueue(self, queue: deque[str], job: QueuedJob) -> None:
        """Append, or place a job older than the queue's tail (one given back to the queue, e.g. a prefetch withdrawn
        for a higher tier, which keeps its enqueue time) before the later ones: a user's jobs run in the order they
        were queued. Ids of jobs already gone are dropped from the tail first (the queues are trimmed lazily, at the
        head, so a drained queue's tail would otherwise grow with every job and every add walk it); a new job, the
        newest, is then appended at once, and only a job given back walks, over live entries of its own queue."""
        while queue and queue[-1] not in self.jobs:
            queue.pop()
        i = len(queue)
        while i > 0:
            other = self.jobs.get(queue[i - 1])
            if other is not None and other.enqueued_at <= job.enqueued_at:
                break
            i -= 1
        queue.insert(i, job.id)

    def remove(self, job_id: str) -> None:
        """Forget a queued job (cancelled). Lazy: structures skip ids that are gone."""
        job = self.jobs.pop(job_id, None)
        if job is not None:
            home = self.home.pop(job_id)
            self.backlog[(job.tier, home)] -= 1
            self.queued_work[home] -= job.gpu_seconds * (1 - job.progress)
            self.tier_work[(job.tier, home)] -= job.gpu_seconds * (1 - job.progress)
            self.memory_home.pop(job_id, None)
            if job.model:
                self.model_work[job.model] -= job.gpu_seconds * (1 - job.progress)

    def set_fleet(self, slots_by_class: dict[str, int]) -> None:
        """The slots per class in service (busy or free): speed-aware placement estimates the queue
        wait on each class from it. Until it is set, every class is assumed to start a job within
        the queue-wait allowance."""
        self.class_slots = dict(slots_by_class)

    def set_models(self, capacity_by_model: Mapping[str, float]) -> None:
        """Reference GPU-seconds per second of the slots in service holding each model (busy or free):
        model affinity judges from it whether a job's model is served without a switch."""
        self.model_capacity = dict(capacity_by_model)

    def set_running(self, by_user: dict[str, int]) -> None:
        """Replace the per-user running counts with fresh ones (the live adapter reads them from the
        database every tick), and re-admit parked users who no longer run anything."""
        self.running_by_user = dict(by_user)
        for user in list(self.parked):
            if self.running_by_user.get(user, 0) == 0:
                self.running_by_user[user] = 1
                self.job_finished(user)

    def queued_work_by_tier(self) -> dict[str, float]:
        """Reference GPU-seconds queued per tier (load shedding's input)."""
        out = {t: 0.0 for t in self.cfg.tiers}
        for (tier, _home), work in self.tier_work.items():
            out[tier] += work
        return out

    @property
    def queued(self) -> int:
        """Jobs waiting in the scheduler."""
        return len(self.jobs)

    @property
    def gpu_classes(self) -> list[GpuClass]:
        """The fleet's GPU classes, smallest memory first (the indexes `runnable_backlog` uses)."""
        return self.cfg.gpu_classes

    def job_started(self, user: str) -> None:
        self.running_by_user[user] = self.running_by_user.get(user, 0) + 1

    def job_finished(self, user: str) -> None:
        self.running_by_user[user] = max(0, self.running_by_user.get(user, 0) - 1)
        parked = self.parked.get(user)
        if parked:
            still = []
            for tier, home in parked:
                if self.running_by_user[user] < self.cfg.tiers[tier].max_concurrent:
                    if (tier, home, user) not in self.in_heap and self.user_queues.get((tier, home, user)):
                        self._push_user(tier, home, user)
                else:
                    still.append((tier, home))
            if still:
                self.parked[user] = still
            else:
                del self.parked[user]

    def _tier_backlogged(self, tier: str) -> bool:
        return any(self.backlog.get((tier, h), 0) > 0 for h in range(len(self.cfg.gpu_classes)))

    def _catch_up_tier(self, tier: str) -> None:
        """A tier that was idle rejoins at the virtual time of the backlogged ones (start-time fair
        queueing): idleness earns no credit, so it cannot lock the others out when it returns."""
        others = [self.attained_tier[t] / self.cfg.tiers[t].weight for t in self.cfg.tiers
                  if t != tier and self._tier_backlogged(t)]
        if others:
            self.attained_tier[tier] = max(self.attained_tier[tier], min(others) * self.cfg.tiers[tier].weight)

    def _push_user(self, tier: str, home: int, user: str) -> None:
        """A user becoming backlogged enters at no less than the tier's virtual clock: a stream of new
        users cannot starve one who was served before (start-time fair queueing)."""
        start = max(self.attained_user.get(user, 0.0), self.vclock.get(tier, 0.0))
        self.attained_user[user] = start
        self._tiebreak += 1
        heapq.heappush(self.user_heaps.setdefault((tier, home), []), (start, self._tiebreak, user))
        self.in_heap.add((tier, home, user))

    def _charge(self, job: QueuedJob, now: float) -> None:
        cost = job.gpu_seconds * (1.0 - job.progress) * self.inflation
        self.attained_user[job.user] = self.attained_user.get(job.user, 0.0) + cost
        self.attained_tier[job.tier] += cost

    def _advance(self, now: float) -> None:
        """Move the inflating unit to `now`; renormalise (rarely) before floats grow too large."""
        if self.epoch is None:
            self.epoch = now
        self.inflation = 2.0 ** ((now - self.epoch) / self.cfg.memory_s)
        if self.inflation > 2.0 ** 40:
            f = 1.0 / self.inflation
            for d in (self.attained_tier, self.attained_user, self.vclock):
                for k in d:
                    d[k] *= f
            for key, heap in self.user_heaps.items():
                self.user_heaps[key] = [(a * f, tb, u) for a, tb, u in heap]
                heapq.heapify(self.user_heaps[key])
            self.epoch, self.inflation = now, 1.0

    # --- choosing -----------------------------------------------------------------------------

    def _tier_order(self, eligible_homes: list[int]) -> list[str]:
        """Backlogged tiers for these home classes, most deserving first."""
        backlog = self.backlog
        backlogged = []
        for t in self.cfg.tiers:  # plain loops: this runs once or twice per decision
            for h in eligible_homes:
                if backlog.get((t, h), 0) > 0:
                    backlogged.append(t)
                    break
        if len(backlogged) <= 1:
            return backlogged
        tiers = self.cfg.tiers
        total = sum(self.attained_tier.values()) or 1.0
        starved = [t for t in backlogged if self.attained_tier[t] / total < tiers[t].floor_share]
        rest = sorted((t for t in backlogged if t not in starved),
                      key=lambda t: (self.attained_tier[t] / tiers[t].weight, -tiers[t].rank))
        return sorted(starved, key=lambda t: self.attained_tier[t]) + rest

    def _peek_from(self, tier: str, home: int) -> QueuedJob | None:
        """The next job of the least-served user (not at their cap) of this tier and home class, left
        in place (`_consume` takes it); the heap is tidied on the way."""
        heap = self.user_heaps.get((tier, home))
        if not heap:
            return None
        cap = self.cfg.tiers[tier].max_concurrent
        while heap:
            attained, tb, user = heap[0]
            key = (tier, home, user)
            queue = self.user_queues.get(key)
            while queue and queue[0] not in self.jobs:
                queue.popleft()  # cancelled or already taken
            if not queue:
                heapq.heappop(heap)
                self.in_heap.discard(key)
                continue
            current = self.attained_user.get(user, 0.0)
            if attained < current - 1e-9:  # stale key: re-insert with the user's real attainment
                heapq.heapreplace(heap, (current, tb, user))
                continue
            if self.running_by_user.get(user, 0) >= cap:
                # At their cap: leave the heap until one of their jobs finishes (job_finished), so
                # capped users cost nothing per decision.
                heapq.heappop(heap)
                self.in_heap.discard(key)
                self.parked.setdefault(user, []).append((tier, home))
                continue
            return self.jobs[queue[0]]
        return None

    def _consume(self, tier: str, home: int) -> QueuedJob:
        """Take the job `_peek_from(tier, home)` just returned off its user's queue and heap."""
        heap = self.user_heaps[(tier, home)]
        _attained, _tb, user = heapq.heappop(heap)
        key = (tier, home, user)
        queue = self.user_queues[key]
        current = self.attained_user.get(user, 0.0)
        self.vclock[tier] = max(self.vclock.get(tier, 0.0), current)
        found = self.jobs[queue.popleft()]
        if queue:
            self._tiebreak += 1
            heapq.heappush(heap, (current + found.gpu_seconds * (1 - found.progress) * self.inflation,
                                  self._tiebreak, user))
        else:
            self.in_heap.discard(key)
        return found

    def oldest_waiting(self, tier: str) -> QueuedJob | None:
        heap = self.oldest[tier]
        while heap and heap[0][1] not in self.jobs:
            heapq.heappop(heap)
        return self.jobs[heap[0][1]] if heap else None

    def _overdue(self, now: float, slot_class: int) -> QueuedJob | None:
        """Aging: the oldest job that has waited past its tier's max wait and fits this slot."""
        best: QueuedJob | None = None
        for tier, cfg in self.cfg.tiers.items():
            job = self.oldest_waiting(tier)
            if job is None or now - job.enqueued_at < cfg.max_wait_s or self.home[job.id] > slot_class:
                continue
            if self.running_by_user.get(job.user, 0) >= cfg.max_concurrent:
                continue
            if best is None or job.enqueued_at < best.enqueued_at:
                best = job
        return best

    def _spill(self, now: float, slot_class: int) -> QueuedJob | None:
        """A job moved up to a faster class that has waited as long as that class would save it over
        this slot's class (expecting to wait as long again, running here now ends sooner), or past its
        tier's wait target. The highest tier's oldest such job; heads only."""
        speed = self.cfg.gpu_classes[slot_class].speed
        for tier_name, tier in sorted(self.cfg.tiers.items(), key=lambda t: -t[1].rank):
            heap = self.moved_up[tier_name]
            while heap and heap[0][1] not in self.memory_home:  # taken, cancelled, or re-queued unmoved
                heapq.heappop(heap)
            if not heap:
                continue
            job = self.jobs[heap[0][1]]
            placed = self.home[job.id]
            if not self.memory_home[job.id] <= slot_class < placed:
                continue
            remaining = job.gpu_seconds * (1 - job.progress)
            saved = remaining / speed - remaining / self.cfg.gpu_classes[placed].speed
            if now - job.enqueued_at < min(saved, tier.wait_target_s):
                continue
            if self.running_by_user.get(job.user, 0) >= tier.max_concurrent:
                continue
            return job
        return None

    def _take(self, job: QueuedJob, now: float) -> None:
        del self.jobs[job.id]
        self.memory_home.pop(job.id, None)
        home = self.home.pop(job.id)
        self.backlog[(job.tier, home)] -= 1
        self.queued_work[home] -= job.gpu_seconds * (1 - job.progress)
        self.tier_work[(job.tier, home)] -= job.gpu_seconds * (1 - job.progress)
        if job.model:
            self.model_work[job.model] -= job.gpu_seconds * (1 - job.progress)
        self._charge(job, now)
        self.job_started(job.user)

    def _model_served(self, job: QueuedJob) -> bool:
        """Whether the workers that hold the job's model can start it sooner than a switch to it here
        would: their capacity drains the model's queue within the switch time."""
        capacity = self.model_capacity.get(job.model, 0.0)
        return capacity > 0 and self.model_work.get(job.model, 0.0) / capacity <= job.switch_s

    def _affine(self, tier: str, slot_class: int, models: Sequence[str]) -> QueuedJob | None:
        """The oldest queued job of `tier` whose model the slot holds and that fits the slot (its own
        class first, then smaller ones), skipping users at their cap."""
        cap = self.cfg.tiers[tier].max_concurrent
        for home in range(slot_class, -1, -1):
            best: QueuedJob | None = None
            for model in models:
                queue = self.by_model.get((tier, home, model))
                while queue and queue[0] not in self.jobs:
                    queue.popleft()
                for job_id in itertools.islice(queue or (), AFFINITY_SCAN):
                    job = self.jobs.get(job_id)
                    if job is not None and self.running_by_user.get(job.user, 0) < cap:
                        if best is None or job.enqueued_at < best.enqueued_at:
                            best = job
                        break
            if best is not None:
                return best
        return None

    def next_for_slot(self, slot_class: str, now: float, models: Sequence[str] = ()) -> list[QueuedJob]:
        """Pick the job(s) for one free slot of `slot_class` holding `models` and take them off the queue."""
        self._advance(now)
        ci = self.cfg.class_index[slot_class]
        job = self._overdue(now, ci) or self._spill(now, ci)
        source: tuple[str, int] | None = None
        if job is None:
            # Jobs that need this class first, then smaller ones (largest first).
            for homes in ([ci], list(range(ci - 1, -1, -1))):
                for tier in self._tier_order(homes):
                    for home in homes:
                        job = self._peek_from(tier, home)
                        if job is not None:
                            source = (tier, home)
                            break
                    if job is not None:
                        break
                if job is not None:
                    break
        if job is None:
            return []
        self.delayed = False
        if (source is not None and self.cfg.model_affinity and models and job.model
                and job.model not in models and self._model_served(job)):
            # Model affinity: the fair pick's model is loaded elsewhere and served there in time, so
            # this slot takes its tier's next job of a model it holds instead of switching; with none,
            # it waits (delay scheduling) while the pick has waited less than a switch would take.
            other = self._affine(source[0], ci, models)
            if other is not None:
                job, source = other, None
            elif now - job.enqueued_at < job.switch_s:
                self.delayed = True
                return []
        if source is not None:
            job = self._consume(*source)
        self._take(job, now)
        batch = [job]
        size = self.cfg.gpu_classes[ci].batch_size
        if size > 1 and job.batch_key:
            queue = self.by_batch.get(job.batch_key, deque())
            while queue and len(batch) < size:
                other_id = queue.popleft()
                other = self.jobs.get(other_id)
                if other is None:
                    continue
                if self.running_by_user.get(other.user, 0) >= self.cfg.tiers[other.tier].max_concurrent:
                    continue  # dropped from the batch index only; still queued for its own turn
                self._take(other, now)
                batch.append(other)
        return batch

    def decide(self, free_slots: list[tuple[str, str]], now: float,
               loaded: Mapping[str, Sequence[str]] | None = None) -> Decision:
        """Assign free (slot id, class) pairs, smallest class first; `loaded` is the models each slot
        holds (model affinity)."""
        decision = Decision()
        exhausted: set[str] = set()  # classes for which nothing runnable is left: skip their other slots
        for slot_id, gpu_class in sorted(free_slots, key=lambda s: self.cfg.class_index[s[1]]):
            if gpu_class in exhausted:
                continue
            jobs = self.next_for_slot(gpu_class, now, loaded.get(slot_id, ()) if loaded else ())
            if jobs:
                decision.assignments.append(Assignment(slot_id, gpu_class, tuple(j.id for j in jobs)))
            elif not self.delayed:  # a slot left free for affinity says nothing about the class's others
                exhausted.add(gpu_class)
        return decision

    def preemptions(self, running: list[RunningJob], now: float) -> list[str]:
        """Running jobs to ask to yield: for each tier whose oldest waiting job will miss the tier's
        wait target (no slot is expected to free in time), the least valuable running job of a lower
        tier on a class that fits it; never a job near completion or already preempted too often."""
        soonest_free = min((r.expected_end for r in running), default=now)
        victims: list[str] = []
        taken: set[str] = set()
        for tier_name, tier in sorted(self.cfg.tiers.items(), key=lambda t: -t[1].rank):
            job = self.oldest_waiting(tier_name)
            if job is None or now - job.enqueued_at + max(0.0, soonest_free - now) <= tier.wait_target_s:
                continue
            if self.running_by_user.get(job.user, 0) >= tier.max_concurrent:
                continue  # it waits for its own user's jobs: freeing a GPU would not start it
            home = self.memory_home.get(job.id, self.home[job.id])  # a moved-up job may spill down
            candidates = [
                r for r in running
                if r.id not in taken and self.cfg.tiers[r.tier].rank < tier.rank
                and self.cfg.class_index[r.gpu_class] >= home
                and r.progress < self.cfg.protect_progress and r.preemptions < self.cfg.max_preemptions
            ]
            if candidates:
                victim = min(candidates, key=lambda r: (self.cfg.tiers[r.tier].rank, r.progress, -r.started_at, r.id))
                taken.add(victim.id)
                victims.append(victim.id)
        return victims

    def runnable_backlog(self) -> dict[int, float]:
        """Queued work by home class that more GPUs could start now: a user's jobs beyond their
        concurrency cap wait for their own jobs, not for capacity, so they do not count. Only users
        far over their cap are corrected for (a few queued jobs beyond it start soon anyway), which
        keeps this cheap when a flood leaves every user with a job or two waiting."""
        backlog = dict(self.queued_work)
        for key in list(self.heavy):
            tier, home, user = key
            queue = [j for j in self.user_queues.get(key, ()) if j in self.jobs]
            allowed = max(0, self.cfg.tiers[tier].max_concurrent - self.running_by_user.get(user, 0))
            if len(queue) <= allowed:
                self.heavy.discard(key)
                continue
            backlog[home] -= sum(self.jobs[j].gpu_seconds * (1 - self.jobs[j].progress) for j in queue[allowed:])
        return backlog

    # --- positions and ETAs -------------------------------------------------------------------

    def positions(self, now: float, capacity_gpu_s_per_s: float) -> dict[str, tuple[int, float]]:
        """Approximate dispatch order of every queued job and its ETA (seconds from now).

        Each job gets a virtual start time: its user's attained service plus the work queued before
        it by that user, divided by its tier's weight; ordering by that time is what the scheduler
        converges to. Costs O(n log n): the dispatcher calls it every few seconds, not per decision.
        """
        order: list[tuple[float, float, str]] = []
        for (tier, _home, user), queue in self.user_queues.items():
            weight = self.cfg.tiers[tier].weight
            acc = self.attained_user.get(user, 0.0)
            for job_id in queue:
                job = self.jobs.get(job_id)
                if job is None:
                    continue
                vstart = (self.attained_tier[tier] + acc) / weight
                order.append((vstart, job.enqueued_at, job_id))
                acc += job.gpu_seconds * (1 - job.progress) * self.inflation
        order.sort()
        result: dict[str, tuple[int, float]] = {}
        ahead = 0.0
        rate = max(capacity_gpu_s_per_s, 1e-9)
        for pos, (_v, _e, job_id) in enumerate(order, start=1):
            result[job_id] = (pos, ahead / rate)
            job = self.jobs[job_id]
            ahead += job.gpu_seconds * (1 - job.progress)
        return result


def desired_gpus(classes: list[GpuClass], backlog_by_home: dict[int, float], busy: dict[str, int],
                 min_size: dict[str, int], max_size: dict[str, int], drain_s: float) -> dict[str, int]:
    """The autoscaling signal: GPUs wanted per class to run what is busy plus drain the backlog
    (reference GPU-seconds by home class) within `drain_s`. Work goes to the smallest class that fits
    it; what does not fit under that class's maximum overflows to the next bigger class."""
    classes = sorted(classes, key=lambda c: c.memory_mb)
    want = {c.name: float(busy.get(c.name, 0)) for c in classes}
    carry = 0.0  # reference GPU-seconds that smaller classes could not take
    for i, c in enumerate(classes):
        work = backlog_by_home.get(i, 0.0) + carry
        room = max(0.0, max_size[c.name] - want[c.name])
        gpus = work / c.speed / drain_s
        take = min(gpus, room)
        want[c.name] += take
        carry = (gpus - take) * c.speed * drain_s
    return {c.name: min(max_size[c.name], max(min_size[c.name], math.ceil(want[c.name]))) for c in classes}


class DemandForecast:
    """The autoscaler's floor, following demand instead of a constant: the GPUs per class that the
    work arriving over the last `window_s` would keep busy (Little's law: arrival rate in reference
    GPU-seconds per second, by home class, over the class's speed), times `fraction`.

    With the window as long as a GPU takes to boot, this is the scale-down hysteresis: capacity the
    recent arrivals justify is kept for a boot time after they stop (were they to resume, a released
    GPU could not be replaced sooner), and released after that. While traffic arrives at a steady
    rate the fleet runs what is busy plus the backlog, above this floor (fraction < 1); it binds when
    arrivals dip or stop, and decays to the operator's hard minimum once nothing has arrived for a
    window. It never asks to stop a running job: the autoscaler releases only idle GPUs."""

    def __init__(self, window_s: float, fraction: float, start: float = 0.0) -> None:
        self.window_s = window_s
        self.fraction = fraction
        self.start = start
        self.buckets: deque[tuple[int, dict[int, float]]] = deque()  # (second, work by home class)
        self.total: dict[int, float] = {}

    def prime(self, now: float, rate_by_home: Mapping[int, float]) -> None:
        """Start with a history: arrivals at `rate_by_home` (reference GPU-seconds per second by home
        class) over the window before `now`, as when a dispatcher takes over a running fleet."""
        for second in range(int(now - self.window_s), int(now)):
            self.buckets.append((second, dict(rate_by_home)))
            for home, rate in rate_by_home.items():
                self.total[home] = self.total.get(home, 0.0) + rate
        self.start = min(self.start, now - self.window_s)

    def observe(self, now: float, home: int, work_s: float) -> None:
        """A job arrived at `now`: `work_s` reference GPU-seconds, homed on class index `home`."""
        second = int(now)
        if not self.buckets or self.buckets[-1][0] != second:
            self.buckets.append((second, {}))
        bucket = self.buckets[-1][1]
        bucket[home] = bucket.get(home, 0.0) + work_s
        self.total[home] = self.total.get(home, 0.0) + work_s

    def rate(self, now: float) -> dict[int, float]:
        """Arrived reference GPU-seconds per second by home class over the window (over the time
        since `start` while that is shorter)."""
        while self.buckets and self.buckets[0][0] <= now - self.window_s:
            for home, work in self.buckets.popleft()[1].items():
                self.total[home] -= work
        span = max(1.0, min(self.window_s, now - self.start + 1.0))
        return {home: max(0.0, work) / span for home, work in self.total.items()}

    def floor(self, now: float, classes: list[GpuClass], min_size: dict[str, int],
              max_size: dict[str, int]) -> dict[str, int]:
        """GPUs per class the forecast keeps, between the hard minimum and the maximum (work beyond a
        class's maximum overflows to the next bigger class, as in `desired_gpus`)."""
        wanted = {home: rate * self.fraction for home, rate in self.rate(now).items()}
        return desired_gpus(classes, wanted, {}, min_size, max_size, drain_s=1.0)


def default_config(tiers: list[TierConfig], gpu_classes: list[GpuClass]) -> SchedulerConfig:
    return SchedulerConfig(tiers={t.name: t for t in tiers}, gpu_classes=gpu_classes)


def jain_index(values: list[float]) -> float:
    if not values:
        return 1.0
    total = sum(values)
    squares = sum(v * v for v in values)
    return (total * total) / (len(values) * squares) if squares else 1.0


def max_min_fair_shares(demands: dict[str, float], capacity: float) -> dict[str, float]:
    """Water-filling: what each user would get of `capacity` under max-min fairness."""
    shares = {u: 0.0 for u in demands}
    remaining = dict(demands)
    left = capacity
    while remaining and left > 1e-9:
        each = left / len(remaining)
        satisfied = {u: d for u, d in remaining.items() if d <= each}
        if not satisfied:
            for u in remaining:
                shares[u] += each
            break
        for u, d in satisfied.items():
            shares[u] += d
            left -= d
            del remaining[u]
    return shares

