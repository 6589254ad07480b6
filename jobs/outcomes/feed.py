"""Tell the owner's open studio pages about every state change (the live feed's `state` event)."""

from __future__ import annotations

from jobs import signals
from jobs.outcomes import Outcome, OutcomeHandler


class FeedStateEvent(OutcomeHandler):
    """Every transition: a `state` event to the owner's feed group once the transaction commits
    (with the error code and message when the job failed); best effort, clients re-sync.

    Parameters of `handle`: outcome(Outcome): the transition (any edge).
    """

    def handle(self, outcome: Outcome) -> None:
        signals.state_changed(outcome.job_id, outcome.user_id, outcome.from_state, outcome.to_state)
