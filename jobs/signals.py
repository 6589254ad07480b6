"""Side effects that follow a job change: the dispatcher's doorbell and the live feed.

Both are best-effort notifications on top of the database, which stays the truth: the dispatcher
also polls, and feed clients re-sync from the REST API on reconnect. So every call here has a
budget (KINEMA_REDIS_TIMEOUT_S) and goes through the "redis" circuit breaker (webapp/resilience.py):
when Redis hangs or is down, a transition or a denoising step never waits on it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import redis
from asgiref.sync import async_to_sync
from django.db import transaction

from webapp.resilience import (
    BoundedRedis,
    BreakerOpen,
    DependencyUnavailable,
    bounded_redis,
    redis_breaker,
    redis_timeout_s,
)

log = logging.getLogger(__name__)

DOORBELL_KEY = "kinema:dispatcher:doorbell"


def redis_client() -> BoundedRedis:
    """The process' bounded, breaker-guarded Redis client (see webapp/resilience.py)."""
    return bounded_redis()


def ring_dispatcher() -> None:
    """Wake the dispatcher now (a job was queued or a slot freed) instead of at its next poll."""
    try:
        pipe = redis_client().pipeline()
        pipe.lpush(DOORBELL_KEY, 1)
        pipe.ltrim(DOORBELL_KEY, 0, 0)
        pipe.execute()
    except BreakerOpen:
        pass  # Redis is known to be away: the dispatcher's poll picks the change up
    except redis.RedisError as exc:
        log.warning("could not ring the dispatcher (%s); it will notice at its next poll", exc)


def stop_flag_key(job_id: str) -> str:
    return f"kinema:stop:{job_id}"


def request_stop(job_id: str) -> None:
    """Ask whichever GPU worker runs `job_id` to stop at its next step (it checks every step)."""
    try:
        redis_client().set(stop_flag_key(job_id), 1, ex=24 * 3600)
    except redis.RedisError:
        log.warning("could not set the stop flag of %s; its next fenced write will stop it", job_id)


def stop_requested(job_id: str) -> bool:
    """Has someone asked to stop `job_id`? False when Redis cannot say: the job's next fenced write
    (progress, checkpoint) finds it cancelled and stops it anyway, a few steps later."""
    try:
        return bool(redis_client().exists(stop_flag_key(job_id)))
    except redis.RedisError:
        return False


def preempt_flag_key(job_id: str) -> str:
    return f"kinema:preempt:{job_id}"


def request_preempt(job_id: str) -> None:
    """Ask the worker running `job_id` to checkpoint at its next step and give the GPU back."""
    try:
        redis_client().set(preempt_flag_key(job_id), 1, ex=3600)
    except redis.RedisError:
        log.warning("could not request preemption of %s", job_id)


def preempt_requested(job_id: str) -> bool:
    """Should the worker running `job_id` yield its GPU? False when Redis cannot say (the job runs on)."""
    try:
        return bool(redis_client().exists(preempt_flag_key(job_id)))
    except redis.RedisError:
        return False


def clear_preempt(job_id: str) -> None:
    """The yield happened; the flag would otherwise expire on its own within the hour."""
    try:
        redis_client().delete(preempt_flag_key(job_id))
    except redis.RedisError:
        log.info("could not clear the preempt flag of %s; it expires by itself", job_id)


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def send_to_feed(user_id: int, message: dict[str, Any]) -> None:
    send_many_to_feed([(user_id, message)])


def send_many_to_feed(messages: list[tuple[int, dict[str, Any]]]) -> None:
    """Feed events in one trip into the event loop (one async_to_sync hop, not one per event: the
    dispatcher's queue-position updates can be hundreds at a time). Each send has the Redis budget;
    the first that runs past it opens the breaker and the rest are dropped (clients re-sync)."""
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    if layer is None or not messages:
        return
    budget = redis_timeout_s()

    async def send_all() -> None:
        for user_id, message in messages:
            await asyncio.wait_for(layer.group_send(user_group(user_id), {"type": "job.event", "event": message}),
                                   budget)

    try:
        redis_breaker().call(async_to_sync(send_all))
    except DependencyUnavailable as exc:
        log.info("feed events not sent (%s); clients re-sync from the API", exc.reason)
    except Exception:  # the feed must never break a transition
        log.warning("feed send failed", exc_info=True)


def state_changed(job_id: str, user_id: int, from_state: str, to_state: str) -> None:
    from jobs.models import Job, JobState
    from jobs.selectors import PUBLIC_STATUS

    message: dict[str, Any] = {"kind": "state", "job_id": job_id, "from": from_state, "state": to_state,
                               "status": PUBLIC_STATUS[JobState(to_state)]}
    if PUBLIC_STATUS[JobState(to_state)] == "failed":
        code, text = Job.objects.values_list("error_code", "error_message").get(pk=job_id)
        message["error"] = {"code": code, "message": text}
    transaction.on_commit(lambda: send_to_feed(user_id, message))


def progress(job_id: str, user_id: int, step: int, total: int, fields: dict[str, Any]) -> None:
    """Step progress for the feed. Workers call this at most every KINEMA_PROGRESS_INTERVAL_S."""
    from jobs.models import denoising_percent

    send_to_feed(user_id, {"kind": "progress", "job_id": job_id, "step": step, "total": total,
                           "percent": denoising_percent(step, total),
                           **{k: v for k, v in fields.items() if isinstance(v, int | float | str)}})
