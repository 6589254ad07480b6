"""Webhook events for the owner's endpoints: a video that ended, or was held for review."""

from __future__ import annotations

from jobs import webhooks
from jobs.models import JobState as S
from jobs.outcomes import Outcome, OutcomeHandler


class WebhookEvents(OutcomeHandler):
    """On a terminal outcome or a move to `in_review`: the matching webhook event and one delivery per
    subscribed endpoint, written in the transition's transaction (the deliveries' messages go out
    through the outbox when it commits).

    Parameters of `handle`: outcome(Outcome): the transition; terminal ones and `in_review` emit.
    """

    def handle(self, outcome: Outcome) -> None:
        if outcome.terminal or outcome.to_state == S.IN_REVIEW:
            webhooks.emit_for_job(outcome.job_id, outcome.user_id, outcome.to_state)
