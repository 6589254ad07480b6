"""The pure scheduling policy on small exact cases (no Django, no clock)."""

from __future__ import annotations

from typing import Any

from jobs.scheduling.policy import (
    DemandForecast,
    GpuClass,
    QueuedJob,
    RunningJob,
    Scheduler,
    SchedulerConfig,
    TierConfig,
    jain_index,
    max_min_fair_shares,
)

TIERS = [
    TierConfig("free", weight=1, rank=0, floor_share=0.0, wait_target_s=300, max_wait_s=10_000, max_concurrent=100),
    TierConfig("plus", weight=2, rank=1, wait_target_s=60, max_wait_s=10_000, max_concurrent=100),
    TierConfig("pro", weight=4, rank=2, wait_target_s=30, max_wait_s=10_000, max_concurrent=100),
]
SMALL = GpuClass("l40s", memory_mb=48_000)
BIG = GpuClass("h100", memory_mb=80_000)


def scheduler(tiers: list[TierConfig] = TIERS, classes: list[GpuClass] | None = None, **kw: Any) -> Scheduler:
    return Scheduler(SchedulerConfig(tiers={t.name: t for t in tiers}, gpu_classes=classes or [SMALL, BIG], **kw))


def job(i: int | str, user: str, tier: str, *, t: float = 0.0, gpu_s: float = 10.0, mem: int = 20_000,
        key: str = "") -> QueuedJob:
    return QueuedJob(id=f"j{i}", user=user, tier=tier, gpu_seconds=gpu_s, memory_mb=mem, enqueued_at=t, batch_key=key)


def drain(s: Scheduler, n: int, gpu_class: str = "l40s", now: float = 1.0) -> list[QueuedJob]:
    """n decisions on one slot, each job finishing before the next decision."""
    out = []
    for _ in range(n):
        picked = s.next_for_slot(gpu_class, now)
        if not picked:
            break
        for j in picked:
            s.job_finished(j.user)
        out += picked
    return out


def test_tier_weights_are_realised_in_gpu_seconds() -> None:
    s = scheduler()
    n = 0
    for tier in ("free", "plus", "pro"):
        for u in range(5):
            for _ in range(200):
                s.add(job(n, f"{tier}-{u}", tier))
                n += 1
    served = drain(s, 700)
    share = {t: sum(j.gpu_seconds for j in served if j.tier == t) for t in ("free", "plus", "pro")}
    total = sum(share.values())
    assert abs(share["pro"] / total - 4 / 7) < 0.02
    assert abs(share["plus"] / total - 2 / 7) < 0.02
    assert abs(share["free"] / total - 1 / 7) < 0.02


def test_floor_keeps_free_from_starving() -> None:
    tiers = [TierConfig("free", weight=1, rank=0, floor_share=0.2), TierConfig("pro", weight=50, rank=2)]
    s = scheduler(tiers)
    for i in range(500):
        s.add(job(f"f{i}", f"free-{i % 7}", "free"))
        s.add(job(f"p{i}", f"pro-{i % 7}", "pro"))
    served = drain(s, 400)
    free_share = sum(1 for j in served if j.tier == "free") / len(served)
    assert free_share >= 0.19, free_share  # weight alone would give free 2 %


def test_noisy_neighbour_is_contained() -> None:
    s = scheduler()
    for i in range(32):
        s.add(job(f"a{i}", "alice", "plus", t=0))
    first = drain(s, 3)
    s.add(job("b0", "bob", "plus", t=5))
    s.add(job("b1", "bob", "plus", t=5))
    nxt = drain(s, 4)
    assert [j.user for j in first] == ["alice"] * 3
    # Bob enters at the tier's virtual clock and alternates with alice: both his jobs run within the
    # next three decisions, not after alice's 29 remaining ones.
    assert nxt[0].id == "jb0" and "jb1" in [j.id for j in nxt[:3]]


def test_per_user_concurrency_cap() -> None:
    tiers = [TierConfig("free", weight=1, rank=0, max_concurrent=1)]
    s = scheduler(tiers)
    for i in range(3):
        s.add(job(f"a{i}", "alice", "free"))
    s.add(job("b0", "bob", "free", t=10))
    first = s.next_for_slot("l40s", 1)
    second = s.next_for_slot("l40s", 1)
    third = s.next_for_slot("l40s", 1)
    assert [first[0].user, second[0].user] == ["alice", "bob"]
    assert third == [], "alice is at her cap and bob has nothing left"
    s.job_finished("alice")
    assert s.next_for_slot("l40s", 2)[0].user == "alice"


def test_placement_keeps_big_gpus_for_big_jobs() -> None:
    s = scheduler()
    for i in range(5):
        s.add(job(f"small{i}", f"u{i}", "pro", t=0))
    s.add(job("big", "v", "free", t=100, mem=70_000))
    assert not s.add(job("huge", "w", "pro", mem=200_000)), "no class can hold it"
    small_slot = s.next_for_slot("l40s", 200)
    assert small_slot[0].id != "jbig"
    big_slot = s.next_for_slot("h100", 200)
    assert big_slot[0].id == "jbig", "the big GPU goes to the only job that needs it, not to older small jobs"
    # With no big job waiting, a big GPU does take small work rather than idle.
    assert s.next_for_slot("h100", 200)[0].id.startswith("jsmall")


def test_preemption_targets_the_least_valuable_job_and_is_bounded() -> None:
    s = scheduler()
    s.add(job("pro", "p", "pro", t=0))
    running = [
        RunningJob("near-done", "f1", "free", "l40s", started_at=0, expected_end=500, progress=0.9),
        RunningJob("fresh", "f2", "free", "l40s", started_at=5, expected_end=500, progress=0.1),
        RunningJob("twice", "f3", "free", "l40s", started_at=1, expected_end=500, progress=0.0, preemptions=2),
        RunningJob("plus-job", "q", "plus", "l40s", started_at=1, expected_end=500, progress=0.0),
    ]
    # No slot frees within the pro wait target (30 s): ask the least valuable free job to yield now.
    assert s.preemptions(running, now=5) == ["fresh"]
    # A slot that frees in time means no preemption.
    soon = [*running, RunningJob("ending", "f4", "free", "l40s", started_at=0, expected_end=20, progress=0.5)]
    assert s.preemptions(soon, now=5) == []
    # A plus job is preemptible by pro too, once the free one is taken.
    assert s.preemptions([r for r in running if r.id != "fresh"], now=5) == ["plus-job"]
    # Nothing preemptible: only a job near completion, one preempted too often, and a same-tier job.
    protected = [r for r in running if r.id in ("near-done", "twice")]
    protected.append(RunningJob("pro-run", "p2", "pro", "l40s", started_at=0, expected_end=500))
    assert s.preemptions(protected, now=5) == []
    # Jobs of a lower tier never trigger preemption of a higher one.
    t = scheduler()
    t.add(job("free", "f", "free", t=0))
    assert t.preemptions([RunningJob("pro-run", "p", "pro", "l40s", 0, 10_000)], now=1_000) == []


def test_aging_bounds_the_wait() -> None:
    tiers = [TierConfig("free", weight=1, rank=0, max_wait_s=600), TierConfig("pro", weight=100, rank=2)]
    s = scheduler(tiers)
    s.add(job("old-free", "f", "free", t=0))
    for i in range(50):
        s.add(job(f"p{i}", f"p{i}", "pro", t=500))
    assert s.next_for_slot("l40s", 550)[0].tier == "pro"
    assert s.next_for_slot("l40s", 601)[0].id == "jold-free"


def test_compatible_jobs_are_batched_where_the_class_allows() -> None:
    batching = GpuClass("h200", memory_mb=140_000, batch_size=4)
    s = scheduler(classes=[batching])
    for i in range(6):
        s.add(job(i, f"u{i}", "plus", key="wan|832x480x81|50"))
    s.add(job("other", "z", "plus", key="wan|480x832x81|50"))
    d = s.decide([("gpu-1", "h200"), ("gpu-2", "h200")], now=1)
    assert [len(a.job_ids) for a in d.assignments] == [4, 2]
    assert all("jother" not in a.job_ids for a in d.assignments), "a different shape is never batched in"
    assert s.next_for_slot("h200", 2)[0].id == "jother"


def test_decisions_are_deterministic() -> None:
    def run() -> list[tuple[str, ...]]:
        s = scheduler()
        for i in range(300):
            s.add(job(i, f"u{i % 17}", ("free", "plus", "pro")[i % 3], t=i * 0.5, mem=(20_000, 70_000)[i % 5 == 0]))
        d = s.decide([(f"s{k}", ("l40s", "h100")[k % 2]) for k in range(40)], now=200)
        return [a.job_ids for a in d.assignments]

    assert run() == run()


def test_positions_and_etas_follow_the_fair_order() -> None:
    s = scheduler()
    for i in range(4):
        s.add(job(f"a{i}", "alice", "free", t=0, gpu_s=10))
    s.add(job("b0", "bob", "free", t=1, gpu_s=10))
    pos = s.positions(now=2, capacity_gpu_s_per_s=1.0)
    assert pos["jb0"][0] <= 2, "bob's only job is near the front, not behind alice's four"
    assert sorted(p for p, _ in pos.values()) == [1, 2, 3, 4, 5]
    assert pos["ja3"][1] > pos["ja0"][1] >= 0


def test_fairness_helpers() -> None:
    assert jain_index([1, 1, 1]) == 1.0
    assert round(jain_index([1, 0, 0]), 3) == 0.333
    assert max_min_fair_shares({"a": 100, "b": 1, "c": 1}, 30) == {"a": 28.0, "b": 1.0, "c": 1.0}


# --- speed-aware placement ------------------------------------------------------------------------

SLOW = GpuClass("l40s", memory_mb=48_000, speed=0.5)
FAST = GpuClass("h100", memory_mb=80_000, speed=1.0)
TARGET_TIERS = [
    TierConfig("free", weight=1, rank=0, wait_target_s=240, max_concurrent=100, e2e_target_s=300),
    TierConfig("plus", weight=2, rank=1, wait_target_s=45, max_concurrent=100, e2e_target_s=120),
    TierConfig("pro", weight=4, rank=2, wait_target_s=20, max_concurrent=100, e2e_target_s=90),
]


def clip(i: int | str, user: str, tier: str, *, t: float = 0.0, gpu_s: float = 60.0, seconds: float = 10) -> QueuedJob:
    """A 10 s 480p clip: 60 GPU-s on the fast class, 120 s on the half-speed one; fits both."""
    return QueuedJob(id=f"j{i}", user=user, tier=tier, gpu_seconds=gpu_s, memory_mb=30_000, enqueued_at=t,
                     video_seconds=seconds)


def speed_scheduler() -> Scheduler:
    return scheduler(TARGET_TIERS, classes=[SLOW, FAST], postprocess_s=8.0)


def test_a_paid_clip_that_would_miss_its_target_on_the_slow_class_goes_to_the_fast_one() -> None:
    s = speed_scheduler()
    s.add(clip("plus", "p", "plus"))
    s.add(clip("free", "f", "free", t=1))
    # Plus: 120 s on the slow class + 15 s queue allowance + 8 s post-processing > 120 s; 60 s on h100 meets it.
    assert s.placement(clip("x", "p", "plus")) == 1
    # Free: 120 + 15 + 8 s is within 300 s, so it stays on the cheap class.
    assert s.placement(clip("x", "f", "free")) == 0
    assert [j.id for j in s.next_for_slot("l40s", 2)] == ["jfree"], "the slow slot does not take the plus clip"
    assert [j.id for j in s.next_for_slot("h100", 2)] == ["jplus"]
    # A short plus clip meets the target on the slow class (24 GPU-s: 48 s there) and stays there.
    assert s.placement(clip("short", "p", "plus", gpu_s=24, seconds=4)) == 0
    # A long clip's target scales with its length; one no class can meet goes where it finishes first.
    assert s.placement(clip("long", "p", "pro", gpu_s=270, seconds=20)) == 1


def test_without_targets_placement_is_by_memory_only() -> None:
    s = scheduler(classes=[SLOW, FAST])  # TIERS have no end-to-end target
    assert s.placement(clip("x", "p", "plus")) == 0
    assert s.placement(QueuedJob("big", "p", "plus", 60.0, 70_000, 0.0)) == 1


def test_a_congested_or_missing_fast_class_keeps_the_clip_where_it_finishes_first() -> None:
    s = speed_scheduler()
    s.set_fleet({"l40s": 10, "h100": 0})  # the fast class is gone: expected wait there is unbounded
    assert s.placement(clip("x", "p", "plus")) == 0
    s = speed_scheduler()
    s.set_fleet({"l40s": 10, "h100": 2})
    for i in range(10):  # 20 min of pro work queued for two fast GPUs
        s.add(clip(f"pro{i}", f"pro-{i}", "pro", gpu_s=240, seconds=20))
    assert s.placement(clip("x", "p", "plus")) == 0, "waiting ~20 min for h100 ends later than 120 s on l40s"
    s.set_fleet({"l40s": 10, "h100": 200})
    assert s.placement(clip("x", "p", "plus")) == 1, "with room on h100 the fast class is chosen again"


def test_a_moved_up_clip_spills_to_the_slow_class_once_waiting_costs_more_than_the_speed_saves() -> None:
    s = speed_scheduler()
    s.add(clip("plus", "p", "plus", t=0))
    s.add(clip("free", "f", "free", t=0))
    assert [j.id for j in s.next_for_slot("l40s", 10)] == ["jfree"], "not yet: h100 may still free in time"
    s.add(clip("free2", "f2", "free", t=10))
    # Past the plus wait target (45 s, less than the 60 s the fast class saves): the slow slot takes it
    # before the free job fair order would pick.
    assert [j.id for j in s.next_for_slot("l40s", 46)] == ["jplus"]
    assert [j.id for j in s.next_for_slot("l40s", 47)] == ["jfree2"]


# --- model affinity -------------------------------------------------------------------------------


def model_job(i: int | str, user: str, model: str, *, t: float = 0.0, tier: str = "plus") -> QueuedJob:
    return QueuedJob(id=f"j{i}", user=user, tier=tier, gpu_seconds=10.0, memory_mb=20_000, enqueued_at=t,
                     model=model, switch_s=60.0)


def test_a_slot_prefers_a_job_of_the_model_it_holds_when_the_other_model_is_served_elsewhere() -> None:
    s = scheduler()
    s.add(model_job("b", "u1", "b", t=0))  # the fair pick: older, its user least served
    s.add(model_job("a", "u2", "a", t=1))
    s.set_models({"a": 1.0, "b": 1.0})  # b's queue (10 GPU-s) drains on its holder well within a 60 s switch
    assert [j.id for j in s.next_for_slot("l40s", 2, models=["a"])] == ["ja"]
    assert [j.id for j in s.next_for_slot("l40s", 2, models=["b"])] == ["jb"]


def test_a_model_no_slot_holds_is_switched_to() -> None:
    s = scheduler()
    s.add(model_job("b", "u1", "b", t=0))
    s.add(model_job("a", "u2", "a", t=1))
    s.set_models({"a": 1.0})
    assert [j.id for j in s.next_for_slot("l40s", 2, models=["a"])] == ["jb"], "fair order, paying the switch"


def test_a_slot_stays_free_for_another_slot_with_the_model_then_switches_after_the_switch_time() -> None:
    s = scheduler()
    s.add(model_job("b", "u1", "b", t=0))
    s.set_models({"a": 1.0, "b": 1.0})
    # Delay scheduling: the a-slot leaves the job to the b-slot of the same round, which is not skipped.
    d = s.decide([("slot-a", "l40s"), ("slot-b", "l40s")], now=1, loaded={"slot-a": ["a"], "slot-b": ["b"]})
    assert [(a.slot, a.job_ids) for a in d.assignments] == [("slot-b", ("jb",))]
    s.add(model_job("b2", "u3", "b", t=2))
    assert s.next_for_slot("l40s", 3, models=["a"]) == [] and s.queued == 1
    # Waiting longer than a switch would take: the a-slot switches rather than keep it waiting.
    assert [j.id for j in s.next_for_slot("l40s", 62, models=["a"])] == ["jb2"]


def test_affinity_keeps_tier_order_and_can_be_turned_off() -> None:
    s = scheduler()
    s.add(model_job("pro-b", "p", "b", t=0, tier="pro"))
    s.add(model_job("free-a", "f", "a", t=0, tier="free"))
    s.set_models({"a": 1.0, "b": 1.0})
    # The pro job's tier comes first; a free job of the held model does not jump it: the slot waits.
    assert s.next_for_slot("l40s", 1, models=["a"]) == []
    off = scheduler(model_affinity=False)
    off.add(model_job("b", "u1", "b", t=0))
    off.add(model_job("a", "u2", "a", t=1))
    off.set_models({"a": 1.0, "b": 1.0})
    assert [j.id for j in off.next_for_slot("l40s", 2, models=["a"])] == ["jb"]


def test_the_demand_forecast_floor_follows_the_last_window_of_arrivals() -> None:
    """GPUs per class the last window's arrivals keep busy (work over speed) times the fraction, between
    the hard minimum and the maximum (overflowing to the bigger class); it decays as the window empties."""
    classes = [GpuClass("l40s", 48_000, speed=0.5), GpuClass("h100", 80_000, speed=1.0)]
    lo, hi = {"l40s": 2, "h100": 2}, {"l40s": 30, "h100": 100}
    f = DemandForecast(window_s=100, fraction=0.5)
    f.prime(0.0, {0: 20.0, 1: 8.0})  # the 100 s before 0: 20 GPU-s/s for l40s work, 8 for h100
    assert f.rate(-1.0) == {0: 20.0, 1: 8.0}
    assert f.floor(-1.0, classes, lo, hi) == {"l40s": 20, "h100": 4}  # 20 x 0.5 / 0.5; 8 x 0.5
    for t in range(100):
        f.observe(t + 0.5, 1, 40.0)  # then only h100 work, 40 GPU-s/s
    assert f.floor(99.0, classes, lo, hi) == {"l40s": 2, "h100": 20}
    assert f.floor(149.0, classes, lo, hi) == {"l40s": 2, "h100": 10}  # half the window empty
    assert f.floor(500.0, classes, lo, hi) == lo  # nothing for a window: the hard minimum
    f.observe(500.0, 0, 100.0 * 80)  # 80 GPU-s/s over the window: 80 l40s wanted, 30 allowed
    assert f.floor(500.0, classes, lo, hi) == {"l40s": 30, "h100": 25}  # the rest overflows at full speed


def test_a_fresh_demand_forecast_averages_over_the_time_it_has_seen() -> None:
    f = DemandForecast(window_s=180, fraction=1.0, start=0.0)
    for t in range(10):
        f.observe(float(t), 0, 6.0)
    assert f.rate(9.0) == {0: 6.0}
    assert f.floor(9.0, [GpuClass("a", 1, speed=2.0)], {"a": 0}, {"a": 99}) == {"a": 3}


def test_a_job_given_back_to_the_queue_keeps_its_place_before_its_users_later_jobs() -> None:
    """A prefetched job withdrawn for a higher tier comes back with its original enqueue time: it must run before the
    jobs its user queued after it, not behind them."""
    s = scheduler()
    first, later = job(1, "ann", "free", t=1.0), [job(n, "ann", "free", t=float(n)) for n in (2, 3)]
    for j in (first, *later):
        s.add(j)
    taken = s.next_for_slot("l40s", 5.0)
    assert [j.id for j in taken] == ["j1"]
    s.job_finished("ann")  # withdrawn before it ran: no longer running, queued again as it was
    s.add(first)
    assert [j.id for j in drain(s, 3, now=6.0)] == ["j1", "j2", "j3"]


def test_the_queues_do_not_keep_the_ids_of_jobs_long_gone() -> None:
    """Adding a job dropped the ids of finished jobs from its queues' tails: a queue drained as fast as it fills
    must stay short, or each add walks the dispatcher's whole history (seconds per add after some thousand jobs)."""
    s = scheduler()
    for n in range(2_000):
        s.add(QueuedJob(id=f"j{n}", user="ann", tier="free", gpu_seconds=10.0, memory_mb=20_000,
                        enqueued_at=float(n), batch_key="k", model="tiny"))
        (taken,) = s.next_for_slot("l40s", float(n))
        assert taken.id == f"j{n}"
        s.job_finished("ann")
    longest = max(len(q) for q in [*s.user_queues.values(), *s.by_batch.values(), *s.by_model.values()])
    assert longest <= 2, longest
