"""Dramatiq's broker, configured once from Django settings.

Import this module before declaring any actor (actor modules do `from webapp.broker import broker`),
otherwise Dramatiq would fall back to its default RabbitMQ broker.
"""

from __future__ import annotations

import dramatiq
from django.conf import settings
from django.db import close_old_connections, connections
from dramatiq.brokers.redis import RedisBroker


class DjangoDbConnections(dramatiq.Middleware):
    """Give each message a healthy DB connection, as Django's request cycle does for requests."""

    def before_process_message(self, broker, message) -> None:  # type: ignore[no-untyped-def]
        close_old_connections()

    def after_process_message(self, broker, message, *, result=None, exception=None) -> None:  # type: ignore[no-untyped-def]
        close_old_connections()

    after_skip_message = after_process_message

    def before_worker_thread_shutdown(self, broker, thread) -> None:  # type: ignore[no-untyped-def]
        connections.close_all()


# Queues. GPU workers each consume their own queue (`gpu.<name>`), so the dispatcher decides which
# GPU runs which job; CPU stages share named queues.
SCREENING_QUEUE = "screening"
FINALIZE_QUEUE = "finalize"
# Webhook deliveries have their own queue: a slow receiver never delays screening or finalizing.
WEBHOOK_QUEUE = "webhooks"
CPU_QUEUES = [SCREENING_QUEUE, FINALIZE_QUEUE, WEBHOOK_QUEUE]


# Actor names, so senders need not import the actor modules (the GPU one imports torch).
SCREEN_JOB = "screen_job"
FINALIZE_JOB = "finalize_job"
CLEANUP_JOB = "cleanup_job"
RUN_GENERATION = "run_generation"
DELIVER_WEBHOOK = "deliver_webhook"


def gpu_queue(worker_name: str) -> str:
    return f"gpu.{worker_name}"


def _build() -> RedisBroker:
    current = dramatiq.get_broker() if _already_set() else None
    if isinstance(current, RedisBroker):
        return current
    b = RedisBroker(url=settings.REDIS_URL)
    b.add_middleware(DjangoDbConnections())
    from jobs.metrics import DramatiqMetrics

    b.add_middleware(DramatiqMetrics())
    dramatiq.set_broker(b)
    return b


def _already_set() -> bool:
    return dramatiq.broker.global_broker is not None


broker = _build()
