"""A discrete-event fleet simulator driving the same policy code as the live dispatcher.

Traffic is seed-scale: ~5M jobs/day on a daily curve; the simulated window is a 15-minute ramp into
an hour at the peak (4x the daily average, ~230 jobs/s). Users: many free, fewer paid. A job's GPU
time follows its duration and resolution (30 s - 5 min on the reference H100); two GPU classes
(h100 80 GB, l40s 48 GB at half speed); a fleet of thousands that autoscales on the dispatcher's
signal (backlog per class) with a provisioning delay, up to a maximum, as an operator would run it;
its floor follows the demand (the GPUs the last boot time's arrivals keep busy, DemandForecast), so
the fleet shrinks toward what runs when arrivals dip or stop; over its target it cancels GPUs still
booting first and releases idle ones only for the rest. The same traffic is replayed through the
fair policy and a plain FIFO (same autoscaler), and the figures of both are printed side by side.
The policy places paid clips by GPU speed against their tiers' end-to-end targets; FIFO places by
memory only.

`two_models`: the steady traffic, each job asking for one of two models; a GPU loads a job's model
(MODEL_SWITCH_S) when it holds the other, and new GPUs come up holding the model the fleet is short
of. It is also run through the fair policy without model affinity, to show what affinity saves.

Time advances in 1-second ticks: arrivals of the tick are queued, finished jobs free their GPUs,
the policy assigns free GPUs, and every 15 s the autoscaler and the preemption check run.
"""

from __future__ import annotations

import heapq
import itertools
import math
import random
import statistics
from collections import deque
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from jobs.scheduling.policy import (
    DemandForecast,
    GpuClass,
    QueuedJob,
    RunningJob,
    Scheduler,
    SchedulerConfig,
    TierConfig,
    desired_gpus,
    jain_index,
)

DAY_JOBS = 5_000_000
AVG_RATE = DAY_JOBS / 86_400  # jobs per second
PEAK_FACTOR = 4.0
RAMP_S = 15 * 60
PEAK_S = 60 * 60
PROVISION_DELAY_S = 180
AUTOSCALE_EVERY_S = 15
# The autoscaler's floor: this share of the GPUs the arrivals of the last boot time would keep busy (the
# ratio the operator's former constant floor had to the demand at the window's start), never under a
# few GPUs per class (HARD_MIN_GPUS), so a lull does not leave nothing running.
FLOOR_FRACTION = 0.8
HARD_MIN_GPUS = 4
DRAIN_TARGET_S = 45.0
POSTPROCESS_S = 8.0  # encode, frame scan, signing, upload after the GPU is done
CHECKPOINT_FRACTION = 0.2
DRAIN_S = 30 * 60  # after the window, up to this long to finish what is queued
# Load shedding, as an operator runs it: a tier whose queue already holds more work than the whole
# fleet at its maximum could do in this long refuses new submissions (429, "try again later").
ADMISSION_HORIZON_S = 15 * 60  # checkpoints every 10 of 50 steps

# two_models: jobs ask for one of two models (same cost per clip); loading one onto a GPU takes
# MODEL_SWITCH_S (a ~14B checkpoint with its text encoder, ~40 GB, from the model store). Elsewhere jobs
# name no model and nothing is loaded.
MODEL_MIX = {"t2v-a": 0.6, "t2v-b": 0.4}
MODEL_SWITCH_S = 90.0

TIERS = [
    TierConfig("free", weight=1, rank=0, floor_share=0.10, wait_target_s=240, max_wait_s=900, max_concurrent=1,
               e2e_target_s=300),
    TierConfig("plus", weight=2, rank=1, wait_target_s=45, max_wait_s=600, max_concurrent=2, e2e_target_s=120),
    TierConfig("pro", weight=4, rank=2, wait_target_s=20, max_wait_s=600, max_concurrent=4, e2e_target_s=90),
]
CLASSES = [GpuClass("l40s", memory_mb=48_000, speed=0.5), GpuClass("h100", memory_mb=80_000, speed=1.0)]
# Resolution -> (GPU-seconds per second of video on an h100, memory in MB)
RESOLUTIONS = {"480p": (6.0, 30_000), "720p": (13.5, 45_000), "1080p": (30.0, 70_000)}
TIER_MIX = {"free": 0.70, "plus": 0.22, "pro": 0.08}
USERS = {"free": 900_000, "plus": 80_000, "pro": 20_000}  # ~1M daily users, 5 jobs each
OPTIONS = {  # what each tier asks for: (seconds, resolution, weight)
    "free": [(4, "480p", 3), (8, "480p", 3), (10, "480p", 4)],
    "plus": [(4, "480p", 2), (10, "480p", 4), (10, "720p", 2), (12, "720p", 2)],
    "pro": [(10, "480p", 3), (10, "720p", 3), (20, "720p", 2), (10, "1080p", 2)],
}


@dataclass
class Fleet:
    """GPUs per class: ready ones (idle or busy), and ones still booting."""
    min_size: dict[str, int]
    max_size: dict[str, int]
    ready: dict[str, int] = field(default_factory=dict)
    idle: dict[str, list[str]] = field(default_factory=dict)
    booting: list[tuple[float, str]] = field(default_factory=list)
    gpu_seconds_provisioned: float = 0.0
    gpu_seconds_busy: float = 0.0
    # The same while traffic arrives (ramp and peak), and in the drain after the window, where arrivals
    # stop at once and the fleet shrinks as the last jobs finish.
    arriving_provisioned: float = 0.0
    arriving_busy: float = 0.0
    drain_s: float = 0.0
    serial: int = 0
    # Churn: GPUs ordered, boots cancelled before the GPU came up, idle GPUs released; GPU-seconds spent
    # booting (what a cloud bills before a GPU can run anything: each boot that came up, and the part of
    # each cancelled one that had run).
    boots_ordered: int = 0
    boots_cancelled: int = 0
    released: int = 0
    boot_seconds: float = 0.0

    def add_ready(self, cls: str, n: int) -> list[str]:
        added = []
        for _ in range(n):
            self.serial += 1
            added.append(f"{cls}-{self.serial}")
        self.idle.setdefault(cls, []).extend(added)
        self.ready[cls] = self.ready.get(cls, 0) + n
        return added


def scale_fleet(fleet: Fleet, forecast: DemandForecast, t: float, backlog: dict[int, float],
                busy: dict[str, int], unload: Callable[[str, str], None]) -> dict[str, int]:
    """One autoscaler pass (the same for every policy): per class, the GPUs wanted for what runs plus
    draining the backlog within DRAIN_TARGET_S, never under the demand-following floor nor over the
    maximum, counting GPUs up and GPUs still booting. Short of it, GPUs are ordered (ready after
    PROVISION_DELAY_S). Over it, GPUs still booting are cancelled first (those that would come up last
    first: they have not come up, and would come up cold, a boot time late), and idle GPUs are released
    (`unload` is told of each) only for the excess beyond them: a warm GPU never goes while one of its
    class is still on its way, and a busy GPU is never taken away, so the fleet shrinks only as jobs
    finish. Returns the change per class (GPUs ordered, or minus those cancelled and released)."""
    floor = forecast.floor(t, CLASSES, fleet.min_size, fleet.max_size)
    wanted = desired_gpus(CLASSES, backlog, busy, floor, fleet.max_size, DRAIN_TARGET_S)
    change: dict[str, int] = {}
    for c in CLASSES:
        desired = wanted[c.name]
        booting = sorted(b for b in fleet.booting if b[1] == c.name)  # soonest up first
        have = fleet.ready.get(c.name, 0) + len(booting)
        if desired > have:
            for _ in range(desired - have):
                heapq.heappush(fleet.booting, (t + PROVISION_DELAY_S, c.name))
            fleet.boots_ordered += desired - have
            change[c.name] = desired - have
            continue
        cancel = min(len(booting), have - desired)
        if cancel:
            kept = booting[:len(booting) - cancel]
            for ready_at, _ in booting[len(booting) - cancel:]:
                fleet.boot_seconds += max(0.0, t - (ready_at - PROVISION_DELAY_S))  # booted this long for nothing
            fleet.booting = [b for b in fleet.booting if b[1] != c.name] + kept
            heapq.heapify(fleet.booting)
            fleet.boots_cancelled += cancel
        idle = fleet.idle.get(c.name, [])
        drop = min(len(idle), have - desired - cancel)
        for slot in idle[:drop]:
            unload(slot, c.name)
        del idle[:drop]
        fleet.ready[c.name] = fleet.ready.get(c.name, 0) - drop
        fleet.released += drop
        change[c.name] = -(cancel + drop)
    return change


@dataclass(slots=True)
class SimJob:
    id: str
    user: str
    tier: str
    seconds: int
    res: str
    arrival: float
    gpu_seconds: float  # on h100
    memory_mb: int
    start: float | None = None
    end: float | None = None
    progress: float = 0.0
    preemptions: int = 0
    run_started: float = 0.0
    run_class: str = ""
    slot: str = ""
    model: str = ""


class Traffic:
    def __init__(self, scenario: str, seed: int, scale: float) -> None:
        self.rng = random.Random(seed)
        self.scenario = scenario
        self.scale = scale
        self.n = 0
        self.noisy_users = {tier: [f"{tier}-noisy-{i}" for i in range(5)] for tier in ("plus", "free")}
        self.options = {t: ([o[:2] for o in opts], list(itertools.accumulate(o[2] for o in opts)))
                        for t, opts in OPTIONS.items()}

    def rate(self, t: float) -> dict[str, float]:
        factor = 2.5 + (PEAK_FACTOR - 2.5) * min(1.0, t / RAMP_S)
        base = AVG_RATE * factor * self.scale
        rates = {tier: base * share for tier, share in TIER_MIX.items()}
        if self.scenario == "viral_free_spike" and RAMP_S + 600 <= t < RAMP_S + 600 + 45 * 60:
            rates["free"] *= 10
        return rates

    def make(self, tier: str, t: float, user: str | None = None) -> SimJob:
        self.n += 1
        choices, cum_weights = self.options[tier]
        seconds, res = self.rng.choices(choices, cum_weights=cum_weights)[0]
        per_s, mem = RESOLUTIONS[res]
        gpu = min(300.0, max(30.0, per_s * seconds * self.rng.uniform(0.85, 1.15)))
        user = user or f"{tier}-{self.rng.randrange(max(1, int(USERS[tier] * self.scale)))}"
        model = ""
        if self.scenario == "two_models":
            model = self.rng.choices(list(MODEL_MIX), cum_weights=list(itertools.accumulate(MODEL_MIX.values())))[0]
        return SimJob(f"j{self.n}", user, tier, seconds, res, t, gpu, mem, model=model)

    def arrivals(self, t: float, closed: AbstractSet[str] = frozenset()) -> tuple[list[SimJob], dict[str, int]]:
        """This second's submissions; those of `closed` tiers are refused (only counted)."""
        out = []
        refused = {}
        for tier, rate in self.rate(t).items():
            k = self._poisson(rate)
            if tier in closed:
                refused[tier] = k
                continue
            out += [self.make(tier, t - self.rng.random()) for _ in range(k)]
        if self.scenario == "noisy_neighbor" and t == RAMP_S:
            for tier, users in self.noisy_users.items():
                for u in users:
                    out += [self.make(tier, t, user=u) for _ in range(int(400 * max(self.scale, 0.05)))]
        return out, refused

    def _poisson(self, lam: float) -> int:
        if lam > 30:  # normal approximation, fast and plenty accurate at these rates
            return max(0, int(round(self.rng.gauss(lam, math.sqrt(lam)))))
        k, p, threshold = 0, 1.0, math.exp(-lam)
        while True:
            p *= self.rng.random()
            if p <= threshold:
                return k
            k += 1


class FifoPolicy:
    """Baseline: one queue in arrival order; a free GPU takes the oldest job that fits it."""

    def __init__(self, classes: list[GpuClass]) -> None:
        self.queues: dict[int, deque[SimJob]] = {}
        self.classes = classes
        self.backlog: dict[int, float] = {}

    def home(self, mem: int) -> int:
        return next(i for i, c in enumerate(self.classes) if mem <= c.memory_mb)

    def add(self, job: QueuedJob, sim: SimJob) -> None:
        h = self.home(job.memory_mb)
        self.queues.setdefault(h, deque()).append(sim)
        self.backlog[h] = self.backlog.get(h, 0.0) + sim.gpu_seconds * (1 - sim.progress)

    def next_for(self, cls_index: int) -> SimJob | None:
        best = None
        for h in range(cls_index + 1):
            q = self.queues.get(h)
            if q and (best is None or q[0].arrival < self.queues[best][0].arrival):
                best = h
        if best is None:
            return None
        sim = self.queues[best].popleft()
        self.backlog[best] -= sim.gpu_seconds * (1 - sim.progress)
        return sim

    def backlog_seconds(self) -> dict[int, float]:
        return self.backlog

    def queued(self) -> int:
        return sum(len(q) for q in self.queues.values())


def run_policy(kind: str, scenario: str, seed: int, scale: float) -> dict[str, Any]:
    """One run: `kind` is "policy" (the fair policy), "policy_no_affinity" (the same without model
    affinity) or "fifo"."""
    fair = kind != "fifo"
    traffic = Traffic(scenario, seed, scale)
    duration = RAMP_S + PEAK_S
    class_index = {c.name: i for i, c in enumerate(CLASSES)}
    speed = {c.name: c.speed for c in CLASSES}
    sched = Scheduler(SchedulerConfig(tiers={t.name: t for t in TIERS}, gpu_classes=CLASSES,
                                      postprocess_s=POSTPROCESS_S, model_affinity=kind != "policy_no_affinity"))
    fifo = FifoPolicy(CLASSES)
    sims: dict[str, SimJob] = {}
    # Initial fleet: sized for the starting rate; the maximum as an operator would set it. The floor
    # follows the demand (the forecast below), over a hard minimum of a few GPUs per class.
    start_busy = AVG_RATE * 2.5 * scale * 75
    fleet = Fleet(min_size={c.name: HARD_MIN_GPUS for c in CLASSES},
                  max_size={"h100": max(8, int(AVG_RATE * 5 * scale * 75 * 0.55)),
                            "l40s": max(8, int(AVG_RATE * 5 * scale * 75 * 0.9))})
    forecast = DemandForecast(window_s=PROVISION_DELAY_S, fraction=FLOOR_FRACTION)
    start_size = {"h100": max(4, int(start_busy * 0.3)), "l40s": max(4, int(start_busy * 0.5))}
    initial = [(slot, c.name) for c in CLASSES for slot in fleet.add_ready(c.name, start_size[c.name])]
    # Traffic did not begin at 0: the forecast starts with the demand the starting fleet was sized for.
    forecast.prime(0.0, {class_index[c.name]: start_size[c.name] * c.speed / FLOOR_FRACTION for c in CLASSES})
    completions: list[tuple[float, str, str]] = []  # (end, job id, slot)
    running: dict[str, SimJob] = {}
    active: dict[str, int] = {}
    active_since: dict[str, float] = {}
    active_time: dict[str, float] = {}
    served: dict[str, float] = {}
    preemptions = 0
    done: list[SimJob] = []
    lost_gpu_s = 0.0
    queued_by_tier = {t.name: 0.0 for t in TIERS}
    rejected = {t.name: 0 for t in TIERS}
    # Models: what each GPU holds, the capacity (reference GPU-s per s) holding each model, switches.
    slot_model: dict[str, str] = {}
    holders: dict[str, float] = {}
    switches = 0
    loading_s = 0.0

    def provision(slot: str, cls: str) -> None:
        """A new GPU comes up with a model loaded (part of its provisioning): the one furthest below
        its share of the traffic among the GPUs holding models, so the fleet's mix follows the demand's."""
        if scenario != "two_models":
            return
        total = sum(holders.values()) or 1.0
        model = min(MODEL_MIX, key=lambda m: holders.get(m, 0.0) / total - MODEL_MIX[m])
        slot_model[slot] = model
        holders[model] = holders.get(model, 0.0) + speed[cls]

    for slot, cls in initial:
        provision(slot, cls)

    def unload(slot: str, cls: str) -> None:
        """A GPU leaves the fleet (scaled down, lost): it no longer holds its model."""
        model = slot_model.pop(slot, "")
        if model:
            holders[model] -= speed[cls]

    def user_enter(u: str, t: float) -> None:
        if active.get(u, 0) == 0:
            active_since[u] = t
        active[u] = active.get(u, 0) + 1

    def user_leave(u: str, t: float) -> None:
        active[u] -= 1
        if active[u] == 0:
            active_time[u] = active_time.get(u, 0.0) + t - active_since.pop(u)

    def enqueue(sim: SimJob) -> None:
        q = QueuedJob(sim.id, sim.user, sim.tier, sim.gpu_seconds, sim.memory_mb, sim.arrival,
                      attempts=sim.preemptions, progress=sim.progress, video_seconds=sim.seconds,
                      model=sim.model, switch_s=MODEL_SWITCH_S if sim.model else 0.0)
        if fair:
            sched.add(q)
        else:
            fifo.add(q, sim)

    def start(sim: SimJob, slot: str, cls: str, t: float) -> None:
        nonlocal switches, loading_s
        if sim.start is None:
            sim.start = t
            queued_by_tier[sim.tier] -= sim.gpu_seconds
        load = 0.0
        held = slot_model.get(slot, "")
        if sim.model and held != sim.model:
            # The GPU loads the job's model first, in place of the one it held: a switch.
            load = MODEL_SWITCH_S
            loading_s += load
            switches += 1
            if held:
                holders[held] -= speed[cls]
            holders[sim.model] = holders.get(sim.model, 0.0) + speed[cls]
            slot_model[slot] = sim.model
        sim.run_started, sim.run_class, sim.slot = t + load, cls, slot  # denoising starts after the load
        runtime = sim.gpu_seconds * (1 - sim.progress) / speed[cls]
        heapq.heappush(completions, (t + load + runtime, sim.id, slot))
        running[sim.id] = sim

    t = 0.0
    last_scale: float = -AUTOSCALE_EVERY_S
    while t < duration or (running or (sched.jobs if fair else fifo.queued())):
        if t > duration + DRAIN_S:
            break  # jobs still waiting after the drain window are reported as unfinished
        if t < duration:
            limit = sum(fleet.max_size[c.name] * c.speed for c in CLASSES) * ADMISSION_HORIZON_S
            closed = {tier for tier, queued in queued_by_tier.items() if queued > limit}
            arrived, refused = traffic.arrivals(t, closed)
            for tier, n in refused.items():
                rejected[tier] += n
            for sim in arrived:
                sims[sim.id] = sim
                queued_by_tier[sim.tier] += sim.gpu_seconds
                user_enter(sim.user, sim.arrival)
                enqueue(sim)
                home = sched.home.get(sim.id) if fair else fifo.home(sim.memory_mb)
                if home is not None:
                    forecast.observe(t, home, sim.gpu_seconds)
        # Scenario: half the fleet disappears 30 minutes into the peak; the maximum halves.
        if scenario == "capacity_halved" and t == RAMP_S + 1800:
            for cls in list(fleet.ready):
                fleet.max_size[cls] //= 2
                lose = fleet.ready[cls] // 2
                idle = fleet.idle.get(cls, [])
                gone_idle = min(lose, len(idle))
                for slot in idle[:gone_idle]:
                    unload(slot, cls)
                del idle[:gone_idle]
                lose_busy = lose - gone_idle
                victims = [s for s in running.values() if s.run_class == cls][:lose_busy]
                for sim in victims:
                    unload(sim.slot, cls)
                    lost_gpu_s += back_to_checkpoint(sim, t, speed[cls])
                    del running[sim.id]
                    sim.slot = ""
                    if fair:
                        sched.job_finished(sim.user)
                    enqueue(sim)
                fleet.ready[cls] -= lose
        # Completions up to now.
        while completions and completions[0][0] <= t:
            end, job_id, slot = heapq.heappop(completions)
            finished = running.get(job_id)
            if finished is None or finished.slot != slot:
                continue  # preempted or lost: this completion is void
            del running[job_id]
            sim = finished
            sim.end = end + POSTPROCESS_S
            busy = (end - sim.run_started)
            served[sim.user] = served.get(sim.user, 0.0) + busy * speed[sim.run_class]
            user_leave(sim.user, sim.end)
            done.append(sim)
            fleet.idle.setdefault(sim.run_class, []).append(slot)
            if fair:
                sched.job_finished(sim.user)
        # Booted GPUs join.
        while fleet.booting and fleet.booting[0][0] <= t:
            _, cls = heapq.heappop(fleet.booting)
            fleet.boot_seconds += PROVISION_DELAY_S
            provision(fleet.add_ready(cls, 1)[0], cls)
        # Dispatch onto idle GPUs.
        if fair:
            sched.set_fleet(fleet.ready)
            sched.set_models(holders)
        free = [(slot, cls) for cls, slots in fleet.idle.items() for slot in slots]
        fleet.idle = {cls: [] for cls in fleet.idle}
        if fair:
            loaded = {slot: (slot_model[slot],) for slot, _ in free if slot in slot_model}
            decision = sched.decide(free, t, loaded)
            used = set()
            for a in decision.assignments:
                used.add(a.slot)
                for job_id in a.job_ids:
                    start(sims[job_id], a.slot, a.gpu_class, t)
            for slot, cls in free:
                if slot not in used:
                    fleet.idle[cls].append(slot)
        else:
            for slot, cls in sorted(free, key=lambda s: class_index[s[1]]):
                picked = fifo.next_for(class_index[cls])
                if picked is None:
                    fleet.idle[cls].append(slot)
                else:
                    start(picked, slot, cls, t)
        # Autoscaler and preemption, every 15 s.
        if t - last_scale >= AUTOSCALE_EVERY_S:
            last_scale = t
            backlog = sched.runnable_backlog() if fair else fifo.backlog_seconds()
            busy_by: dict[str, int] = {}
            for sim in running.values():
                busy_by[sim.run_class] = busy_by.get(sim.run_class, 0) + 1
            scale_fleet(fleet, forecast, t, backlog, busy_by, unload)
            if fair and sched.jobs:
                soonest = completions[0][0] if completions else t
                candidates = _preemption_candidates(running, t, speed) if _any_overdue(sched, t, soonest) else []
                for victim_id in sched.preemptions(candidates, t) if candidates else []:
                    sim = running.pop(victim_id)
                    served[sim.user] = served.get(sim.user, 0.0) + (t - sim.run_started) * speed[sim.run_class]
                    lost_gpu_s += back_to_checkpoint(sim, t, speed[sim.run_class])
                    sim.preemptions += 1
                    preemptions += 1
                    fleet.idle.setdefault(sim.run_class, []).append(sim.slot)
                    sim.slot = ""
                    sched.job_finished(sim.user)
                    enqueue(sim)
        # Account GPU time for this tick.
        fleet.gpu_seconds_provisioned += sum(fleet.ready.values())
        fleet.gpu_seconds_busy += len(running)
        if t < duration:
            fleet.arriving_provisioned += sum(fleet.ready.values())
            fleet.arriving_busy += len(running)
        else:
            fleet.drain_s += 1.0
        t += 1.0

    result = summarize(kind, done, sims, fleet, active_time, served, preemptions, lost_gpu_s)
    result["model_switches"] = switches
    result["gpu_hours_loading_models"] = round(loading_s / 3600, 1)
    result["rejected_busy"] = sum(rejected.values())
    for tier, n in rejected.items():
        result[tier]["rejected_busy"] = n
    return result


RANK = {t.name: t.rank for t in TIERS}


def back_to_checkpoint(sim: SimJob, t: float, speed: float) -> float:
    """An interrupted job keeps the progress of its last checkpoint; returns the GPU-seconds lost."""
    reached = sim.progress + max(0.0, t - sim.run_started) * speed / sim.gpu_seconds  # not during a model load
    kept = math.floor(reached / CHECKPOINT_FRACTION) * CHECKPOINT_FRACTION
    sim.progress = min(kept, 0.999)
    return (reached - kept) * sim.gpu_seconds


def _preemption_candidates(running: dict[str, SimJob], t: float, speed: dict[str, float]) -> list[RunningJob]:
    """The policy picks the lowest-tier, least-progressed running job: hand it the few best
    candidates per GPU class instead of all of the thousands running."""
    out: list[RunningJob] = []
    for cls in speed:
        pool = [(RANK[s.tier], s.progress + (t - s.run_started) * speed[cls] / s.gpu_seconds, s)
                for s in running.values() if s.run_class == cls and s.tier != "pro" and s.preemptions < 2]
        for _rank, progress, s in heapq.nsmallest(16, pool, key=lambda p: (p[0], p[1])):
            out.append(RunningJob(s.id, s.user, s.tier, cls, s.run_started,
                                  s.run_started + s.gpu_seconds * (1 - s.progress) / speed[cls],
                                  progress=progress, preemptions=s.preemptions))
    return out


def _any_overdue(sched: Scheduler, now: float, soonest_free: float) -> bool:
    """Could the policy preempt anything? Only for an overdue tier that has a lower tier below it."""
    lowest = min(t.rank for t in sched.cfg.tiers.values())
    for name, tier in sched.cfg.tiers.items():
        if tier.rank == lowest:
            continue
        job = sched.oldest_waiting(name)
        if (job is not None and now - job.enqueued_at + max(0.0, soonest_free - now) > tier.wait_target_s
                and sched.running_by_user.get(job.user, 0) < tier.max_concurrent):
            return True
    return False


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))], 1)


def summarize(kind: str, done: list[SimJob], sims: dict[str, SimJob], fleet: Fleet, active_time: dict[str, float],
              served: dict[str, float], preemptions: int, lost_gpu_s: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    peak_start = RAMP_S
    for tier in ("free", "plus", "pro"):
        mine = [j for j in done if j.tier == tier and j.arrival >= peak_start]
        waits = [j.start - j.arrival for j in mine if j.start is not None]
        e2e = [j.end - j.arrival for j in mine if j.end is not None]
        ten = [j.end - j.arrival for j in mine if j.seconds == 10 and j.res == "480p" and j.end is not None]
        users = {j.user for j in mine}
        rates = [served.get(u, 0.0) / active_time[u] for u in users if active_time.get(u)]
        out[tier] = {
            "jobs": len(mine), "p50_wait_s": _pct(waits, 0.5), "p95_wait_s": _pct(waits, 0.95),
            "p50_e2e_s": _pct(e2e, 0.5), "p95_e2e_s": _pct(e2e, 0.95), "p95_e2e_10s_480p_s": _pct(ten, 0.95),
            "max_wait_s": round(max(waits), 1) if waits else None,
            "jain": round(jain_index(rates), 3),
        }
    unfinished = len(sims) - len(done)
    out["utilization"] = round(fleet.gpu_seconds_busy / max(1.0, fleet.gpu_seconds_provisioned), 4)
    out["utilization_arriving"] = round(fleet.arriving_busy / max(1.0, fleet.arriving_provisioned), 4)
    out["gpu_hours"] = round(fleet.gpu_seconds_provisioned / 3600, 1)
    drain_provisioned = fleet.gpu_seconds_provisioned - fleet.arriving_provisioned
    out["utilization_drain"] = round((fleet.gpu_seconds_busy - fleet.arriving_busy) / max(1.0, drain_provisioned), 4)
    out["gpu_hours_drain"] = round(drain_provisioned / 3600, 1)
    out["drain_s"] = fleet.drain_s
    out["longest_wait_s"] = max((out[t]["max_wait_s"] or 0) for t in ("free", "plus", "pro"))
    out["preemptions"] = preemptions
    out["gpu_hours_lost_to_preemption"] = round(lost_gpu_s / 3600, 2)
    out["jobs_total"] = len(sims)
    out["gpus_ordered"] = fleet.boots_ordered
    out["boots_cancelled"] = fleet.boots_cancelled
    out["gpus_released"] = fleet.released
    out["gpu_hours_booting"] = round(fleet.boot_seconds / 3600, 1)
    out["unfinished"] = unfinished
    all_waits = [j.start - j.arrival for j in done if j.start is not None and j.arrival >= peak_start]
    out["p50_wait_s"] = _pct(all_waits, 0.5)
    out["median_wait_all_s"] = round(statistics.median(all_waits), 1) if all_waits else None
    return out


def simulate(scenario: str, seed: int = 1, scale: float = 1.0, parallel: bool = True) -> dict[str, Any]:
    """Run the fair policy and FIFO on the same traffic (same seed), in two processes when allowed."""
    if parallel:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=2) as pool:
            runs = {kind: pool.submit(run_policy, kind, scenario, seed, scale) for kind in kinds(scenario)}
            return {"scenario": scenario, "scale": scale, **{k: f.result() for k, f in runs.items()}}
    return {"scenario": scenario, "scale": scale, **{k: run_policy(k, scenario, seed, scale) for k in kinds(scenario)}}


def kinds(scenario: str) -> tuple[str, ...]:
    """The runs a scenario compares: the fair policy and FIFO; with several models, also the fair
    policy without model affinity (the gain of affinity alone)."""
    return ("policy", "fifo", "policy_no_affinity") if scenario == "two_models" else ("policy", "fifo")


def flat(result: dict[str, Any]) -> dict[str, Any]:
    """`policy.<tier>.p95_e2e_s` style keys, as the command's --json line."""
    out: dict[str, Any] = {"scenario": result["scenario"]}
    for kind in kinds(result["scenario"]):
        for key, value in result[kind].items():
            if isinstance(value, dict):
                for k, v in value.items():
                    out[f"{kind}.{key}.{k}"] = v
            else:
                out[f"{kind}.{key}"] = value
    return out


SCENARIOS = ("steady", "viral_free_spike", "capacity_halved", "noisy_neighbor", "two_models")
