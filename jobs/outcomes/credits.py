"""Settle a finished job's credits: capture the charge on success, release the hold otherwise."""

from __future__ import annotations

from accounts.credits import settle_job
from jobs.models import Job
from jobs.models import JobState as S
from jobs.outcomes import Outcome, OutcomeHandler


class SettleCredits(OutcomeHandler):
    """On a terminal outcome, capture `outcome.charge` (success) or release the hold (anything else)
    in the transition's transaction, record what moved on the job (`credits_charged`) and in the
    event's detail (`credits_charged`, `credits_released`). A job ends once, so it is settled once.

    Parameters of `handle`: outcome(Outcome): the transition; only terminal ones are settled.
    """

    def handle(self, outcome: Outcome) -> None:
        if not outcome.terminal:
            return
        s = settle_job(outcome.job_id, user_id=outcome.user_id, credits_held=outcome.credits_held,
                       succeeded=outcome.to_state == S.SUCCEEDED, charge=outcome.charge)
        if s.charged or s.released:  # something was outstanding and has now been settled
            Job.objects.filter(pk=outcome.job_id).update(credits_charged=s.charged)
        event = outcome.event
        event.detail = {**event.detail, "credits_charged": s.charged, "credits_released": s.released}
        event.save(update_fields=["detail"])
