"""Count finished jobs, their end-to-end time and the credits they were charged."""

from __future__ import annotations

from jobs.models import JobState as S
from jobs.outcomes import Outcome, OutcomeHandler
from webapp import metrics
from webapp.metrics import after_commit


class CountOutcome(OutcomeHandler):
    """On a terminal outcome, once the transaction commits: `kinema_jobs_finished` per tier and state,
    `kinema_end_to_end_seconds` for a success (per tier and clip length), and
    `kinema_credits_charged` when credits were captured (read from the event's detail, which
    SettleCredits fills in; it runs earlier in the list).

    Parameters of `handle`: outcome(Outcome): the transition; only terminal ones are counted.
    """

    def handle(self, outcome: Outcome) -> None:
        if not outcome.terminal:
            return
        after_commit(metrics.inc, "kinema_jobs_finished", tier=outcome.tier, state=outcome.to_state)
        if outcome.to_state == S.SUCCEEDED:
            after_commit(metrics.observe, "kinema_end_to_end_seconds",
                         (outcome.at - outcome.created_at).total_seconds(), tier=outcome.tier,
                         clip_seconds=outcome.seconds)
        charged = int(outcome.event.detail.get("credits_charged", 0))
        if charged:
            after_commit(metrics.inc, "kinema_credits_charged", charged, tier=outcome.tier)
