"""Queue the clean-up of a finished job's working files (checkpoint, raw frames, live preview)."""

from __future__ import annotations

from jobs import outbox
from jobs.outcomes import Outcome, OutcomeHandler
from webapp.broker import CLEANUP_JOB, FINALIZE_QUEUE


class QueueCleanup(OutcomeHandler):
    """On a terminal outcome: the `cleanup_job` message, written to the outbox in the transition's
    transaction (sent when it commits; the reconciler resends it if Redis was away).

    Parameters of `handle`: outcome(Outcome): the transition; only terminal ones are cleaned up.
    """

    def handle(self, outcome: Outcome) -> None:
        if outcome.terminal:
            outbox.enqueue(FINALIZE_QUEUE, CLEANUP_JOB, outcome.job_id)
