"""Dramatiq's broker, configured once from Django settings.

Import this module before declaring any actor (actor modules do `from webapp.broker import broker`),
otherwise Dramatiq would fall back to its default RabbitMQ broker.
"""

from __future__ import annotations

import logging
import threading

import dramatiq
from django.conf import settings
from django.db import close_old_connections, connection, connections
from dramatiq.brokers.redis import RedisBroker

from webapp.metrics import DramatiqMetrics
from webapp.resilience import plain_bounded_redis

log = logging.getLogger(__name__)


class DjangoDbConnections(dramatiq.Middleware):
    """Give each message a healthy DB connection, as Django's request cycle does for requests."""

    def before_process_message(self, broker, message) -> None:
        self.refresh()

    def after_process_message(self, broker, message, *, result=None, exception=None) -> None:
        self.refresh()

    @staticmethod
    def refresh() -> None:
        # With PostgreSQL gone, the health check itself can fail: drop the connection, reconnect next time
        # (raising here would break Dramatiq's message bookkeeping).
        try:
            close_old_connections()
        except Exception:
            connections.close_all()

    after_skip_message = after_process_message

    def before_worker_thread_shutdown(self, broker, thread) -> None:
        connections.close_all()


class PauseWhileDatabaseDown(dramatiq.Middleware):
    """Stop taking messages while PostgreSQL cannot be reached, and take them again when it can.

    Every actor starts by reading or transitioning its job in the database; without it a message
    can only fail (a GPU dispatch is not retried, a screening burns its retries). A thread checks
    the database every `check_every_s` and pauses or resumes the worker's consumers and worker
    threads; messages stay in Redis meanwhile, and a job a paused GPU worker could not claim is
    requeued by the dispatcher when its claim deadline passes.

    Parameters:
      check_every_s(float): how often the database is checked (a `SELECT 1` on this thread's
        connection, bounded by the connect timeout in DATABASES OPTIONS).
    """

    def __init__(self, check_every_s: float = 1.0) -> None:
        self.check_every_s = check_every_s
        self.paused = False
        self._stop = threading.Event()

    def after_worker_boot(self, broker, worker) -> None:
        threading.Thread(target=self._watch, args=(worker,), name="database-watch", daemon=True).start()

    def before_worker_shutdown(self, broker, worker) -> None:
        self._stop.set()

    @staticmethod
    def database_answers() -> bool:
        try:
            with connection.cursor() as cur:
                cur.execute("SELECT 1")
            return True
        except Exception:  # DatabaseError, InterfaceError ("connection already closed"), anything: not answering
            try:
                connection.close()
            except Exception:
                pass
            return False

    def _watch(self, worker) -> None:
        while not self._stop.wait(self.check_every_s):
            try:  # this thread must outlive any error, or a paused worker would never resume
                answers = self.database_answers()
                if not answers and not self.paused:
                    log.error("PostgreSQL unreachable: pausing this worker until it answers again")
                    self._set_paused(worker, True)
                elif answers and self.paused:
                    log.warning("PostgreSQL answers again: resuming this worker")
                    self._set_paused(worker, False)
            except Exception:
                log.exception("database watch failed; checking again")
        connection.close()

    def _set_paused(self, worker, paused: bool) -> None:
        # The threads' own pause/resume, without Worker.pause()'s wait for a running job to end.
        self.paused = paused
        for child in [*worker.consumers.values(), *worker.workers]:
            child.pause() if paused else child.resume()


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
    # Every command answers within KINEMA_REDIS_TIMEOUT_S (redis-py's defaults wait up to a minute on
    # a frozen server): the after-commit relay runs on the request path, and a worker whose fetch
    # times out restarts its consumer a second later.
    b = RedisBroker(client=plain_bounded_redis(settings.REDIS_URL))
    b.add_middleware(DjangoDbConnections())
    b.add_middleware(PauseWhileDatabaseDown())
    b.add_middleware(DramatiqMetrics())
    dramatiq.set_broker(b)
    return b


def _already_set() -> bool:
    return dramatiq.broker.global_broker is not None


broker = _build()
