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
