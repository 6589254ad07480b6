"""A job given back to the queue with its original enqueued time (a withdrawn prefetch, a preempted
job) takes the place that time gives it among its user's queued jobs, not the end of the user's queue.

Pure policy, no Django, no clock; the live counterpart is in tests/test_scheduling_live.py."""

from __future__ import annotations

from jobs.scheduling.policy import GpuClass, QueuedJob, Scheduler, SchedulerConfig, TierConfig

TIERS = [TierConfig("free", weight=1, rank=0, max_wait_s=10_000, max_concurrent=1),
         TierConfig("pro", weight=4, rank=2, max_wait_s=10_000, max_concurrent=4)]
GPU = GpuClass("h100", memory_mb=80_000)


def job(name: str, user: str, t: float, tier: str = "free", model: str = "") -> QueuedJob:
    return QueuedJob(id=name, user=user, tier=tier, gpu_seconds=10.0, memory_mb=20_000, enqueued_at=t, model=model,
                     switch_s=90.0 if model else 0.0)


def order(s: Scheduler, n: int, now: float = 100.0) -> list[str]:
    """n decisions on one slot, each job finishing before the next."""
    out = []
    for _ in range(n):
        picked = s.next_for_slot("h100", now)
        for j in picked:
            s.job_finished(j.user)
        out += [j.id for j in picked]
    return out


def test_a_returned_job_goes_back_before_its_users_later_jobs() -> None:
    s = Scheduler(SchedulerConfig(tiers={t.name: t for t in TIERS}, gpu_classes=[GPU]))
    for name, t in (("a1", 0.0), ("a2", 1.0), ("a3", 2.0)):
        s.add(job(name, "alice", t))
    taken = s.next_for_slot("h100", 10.0)
    assert [j.id for j in taken] == ["a1"]
    s.add(job("a4", "alice", 3.0))
    # a1 is given back (withdrawn before it ran) with its enqueued time: it is still alice's oldest job.
    s.job_finished("alice")
    s.add(job("a1", "alice", 0.0))
    assert order(s, 4) == ["a1", "a2", "a3", "a4"]


def test_a_returned_job_keeps_its_place_among_several_returned_ones_and_in_positions() -> None:
    s = Scheduler(SchedulerConfig(tiers={t.name: t for t in TIERS}, gpu_classes=[GPU]))
    for name, t in (("b2", 2.0), ("b4", 4.0), ("b5", 5.0)):
        s.add(job(name, "bob", t))
    s.add(job("b3", "bob", 3.0))  # returned, between two queued ones
    s.add(job("b1", "bob", 1.0))  # returned, older than all
    s.add(job("b6", "bob", 6.0))  # new
    assert [j for j, _ in sorted(s.positions(10.0, 1.0).items(), key=lambda p: p[1][0])] == \
        ["b1", "b2", "b3", "b4", "b5", "b6"]
    assert order(s, 6) == ["b1", "b2", "b3", "b4", "b5", "b6"]


def test_model_affinity_sees_a_returned_job_in_its_place_too() -> None:
    """A slot holding the job's model takes its tier's oldest job of that model (the affinity queue), which
    for a returned job is its original place too."""
    s = Scheduler(SchedulerConfig(tiers={t.name: t for t in TIERS}, gpu_classes=[GPU]))
    s.set_models({"m-a": 10.0, "m-b": 10.0})
    s.add(job("p0", "pia", 0.0, tier="pro", model="m-b"))  # fair pick: its model is served elsewhere
    s.add(job("q2", "quinn", 2.0, tier="pro", model="m-a"))
    s.add(job("q1", "quinn", 1.0, tier="pro", model="m-a"))  # returned, before q2
    picked = s.next_for_slot("h100", 100.0, models=("m-a",))
    assert [j.id for j in picked] == ["q1"]


def test_jobs_of_one_enqueued_time_keep_one_entry_each_when_one_is_returned() -> None:
    """Jobs created in one transaction share its now(). a1 is taken by aging, which leaves its entry in
    alice's queue, and given back: her queue holds each job once, in (enqueued_at, id) order, so positions
    count from 1 without a gap and the autoscaling signal counts a1 once."""
    tiers = [TierConfig("free", weight=1, rank=0, max_wait_s=50, max_concurrent=1)]
    s = Scheduler(SchedulerConfig(tiers={t.name: t for t in tiers}, gpu_classes=[GPU]))
    names = [f"a{k}" for k in range(1, 8)]
    for name in names:
        s.add(job(name, "alice", 5.0))
    assert [j.id for j in s.next_for_slot("h100", 100.0)] == ["a1"], "overdue: taken by aging"
    s.job_finished("alice")
    s.add(job("a1", "alice", 5.0))
    positions = s.positions(100.0, 1.0)
    assert positions == {name: (k, 10.0 * (k - 1)) for k, name in enumerate(names, start=1)}
    # alice runs one job at a time: of her 70 queued GPU-s, what more GPUs could start now is one job's 10.
    assert s.runnable_backlog() == {0: 10.0}
    assert order(s, 8) == names


def test_a_job_back_with_a_new_enqueued_time_leaves_no_entry_at_its_old_place() -> None:
    """A job taken from the middle of its user's queue (model affinity) that comes back with a new enqueued
    time (requeued after it ran) is queued once, at its new place."""
    s = Scheduler(SchedulerConfig(tiers={t.name: t for t in TIERS}, gpu_classes=[GPU]))
    s.set_models({"m-a": 10.0, "m-b": 10.0})
    s.add(job("b1", "bob", 1.0, tier="pro", model="m-b"))
    s.add(job("b2", "bob", 2.0, tier="pro", model="m-a"))
    s.add(job("b3", "bob", 3.0, tier="pro", model="m-b"))
    assert [j.id for j in s.next_for_slot("h100", 10.0, models=("m-a",))] == ["b2"], "model affinity"
    s.job_finished("bob")
    s.add(job("b2", "bob", 20.0, tier="pro", model="m-a"))
    assert s.positions(30.0, 1.0) == {"b1": (1, 0.0), "b3": (2, 10.0), "b2": (3, 20.0)}
    assert order(s, 4, now=30.0) == ["b1", "b3", "b2"]


def test_the_same_object_added_again_is_queued_once() -> None:
    """A caller may add back the very QueuedJob it got (taken by aging, its entry left in alice's queue), or
    add a job that is still queued: either way the job is queued once."""
    tiers = [TierConfig("free", weight=1, rank=0, max_wait_s=50, max_concurrent=1)]
    s = Scheduler(SchedulerConfig(tiers={t.name: t for t in tiers}, gpu_classes=[GPU]))
    a1 = job("a1", "alice", 5.0)
    s.add(a1)
    s.add(job("a2", "alice", 5.0))
    assert s.next_for_slot("h100", 100.0) == [a1]
    s.job_finished("alice")
    s.add(a1)
    s.add(job("a2", "alice", 5.0))  # still queued: replaced
    assert s.positions(100.0, 1.0) == {"a1": (1, 0.0), "a2": (2, 10.0)}
    assert s.queued == 2 and s.queued_work == {0: 20.0}
    assert order(s, 3) == ["a1", "a2"]


def not_to_prefetch(name: str, user: str, t: float, **kw: str) -> QueuedJob:
    j = job(name, user, t, **kw)
    j.prefetchable = False
    return j


def test_a_job_not_to_prefetch_leaves_its_users_prefetch_turns_to_the_users_other_jobs() -> None:
    """alice's oldest job is not to be prefetched (the live adapter withdrew a prefetch of it). The prefetch
    passes skip it: alice's next jobs take her turns, alternating with bob's, and she is charged for what she
    gets only; her skipped job keeps its place for a free slot."""
    tiers = [TierConfig("free", weight=1, rank=0, max_wait_s=10_000, max_concurrent=100)]
    s = Scheduler(SchedulerConfig(tiers={t.name: t for t in tiers}, gpu_classes=[GPU]))
    s.add(not_to_prefetch("a0", "alice", 0.0))
    for i in range(1, 20):
        s.add(job(f"a{i}", "alice", float(i)))
    for i in range(20):
        s.add(job(f"b{i}", "bob", i + 0.5))
    turns: list[str] = []
    for _ in range(16):  # one prefetch turn a pass; each picked job keeps running
        turns += s.decide([("w1", "h100")], 50.0, prefetch=True).assignments[0].job_ids
    assert sorted(turns) == sorted([f"a{i}" for i in range(1, 9)] + [f"b{i}" for i in range(8)])
    assert s.attained_user == {"alice": 80.0, "bob": 80.0}, "each charged for the 8 jobs it got"
    assert "a0" in s.jobs
    picked = [j.id for _ in range(2) for j in s.next_for_slot("h100", 50.0)]
    assert "a0" in picked and "a9" not in picked, "a free slot's turn of alice's goes to her oldest job"


def test_aging_model_affinity_and_batching_skip_a_job_not_to_prefetch() -> None:
    tiers = [TierConfig("free", weight=1, rank=0, max_wait_s=50, max_concurrent=100),
             TierConfig("pro", weight=4, rank=2, max_wait_s=10_000, max_concurrent=4)]
    config = SchedulerConfig(tiers={t.name: t for t in tiers}, gpu_classes=[GPU])
    # Aging: the overdue a0 is not to prefetch; the prefetch pass takes the next overdue job, a free slot a0.
    s = Scheduler(config)
    s.add(not_to_prefetch("a0", "alice", 0.0))
    s.add(job("a1", "alice", 1.0))
    assert [j.id for j in s.next_for_slot("h100", 100.0, prefetch=True)] == ["a1"]
    assert s.attained_user["alice"] == 10.0
    assert [j.id for j in s.next_for_slot("h100", 100.0)] == ["a0"]
    # Model affinity: the slot holds m-a; the fair pick's m-b is served elsewhere, so the slot takes its
    # tier's oldest m-a job: for a prefetch, the oldest one to prefetch.
    s = Scheduler(config)
    s.set_models({"m-a": 10.0, "m-b": 10.0})
    s.add(job("p0", "pia", 0.0, tier="pro", model="m-b"))
    s.add(not_to_prefetch("q1", "quinn", 1.0, tier="pro", model="m-a"))
    s.add(job("q2", "quinn", 2.0, tier="pro", model="m-a"))
    assert [j.id for j in s.next_for_slot("h100", 10.0, models=("m-a",), prefetch=True)] == ["q2"]
    assert [j.id for j in s.next_for_slot("h100", 10.0, models=("m-a",))] == ["q1"]
    # Batching: a prefetched batch leaves out the job not to prefetch, which a free slot's batch takes.
    batching = GpuClass("h200", memory_mb=140_000, batch_size=4)
    s = Scheduler(SchedulerConfig(tiers={t.name: t for t in tiers}, gpu_classes=[batching]))
    s.add(QueuedJob("x1", "xena", "pro", 10.0, 20_000, 0.0, batch_key="k"))
    s.add(QueuedJob("y1", "yuri", "pro", 10.0, 20_000, 1.0, batch_key="k", prefetchable=False))
    s.add(QueuedJob("z1", "zed", "pro", 10.0, 20_000, 2.0, batch_key="k"))
    assert [j.id for j in s.next_for_slot("h200", 10.0, prefetch=True)] == ["x1", "z1"]
    s.add(QueuedJob("w1", "wes", "pro", 10.0, 20_000, 3.0, batch_key="k"))
    assert sorted(j.id for j in s.next_for_slot("h200", 10.0)) == ["w1", "y1"]
