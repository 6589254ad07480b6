"""The in-app notification for a finished video (the studio's bell), and its feed event."""

from __future__ import annotations

from django.db import transaction

from jobs import signals
from jobs.models import Job, Notification
from jobs.models import JobState as S
from jobs.outcomes import Outcome, OutcomeHandler


class InAppNotification(OutcomeHandler):
    """On a terminal outcome: one Notification (ready, or could not be made with the reason), written
    in the transition's transaction (the unique constraint is the backstop), and a `notification`
    feed event once it commits.

    Parameters of `handle`: outcome(Outcome): the transition; only terminal ones notify.
    """

    def handle(self, outcome: Outcome) -> None:
        if not outcome.terminal:
            return
        job_id, user_id = outcome.job_id, outcome.user_id
        job = Job.objects.values("prompt", "error_message").get(pk=job_id)
        prompt = job["prompt"] if len(job["prompt"]) <= 60 else job["prompt"][:57] + "..."
        if outcome.to_state == S.SUCCEEDED:
            kind, title, body = Notification.Kind.COMPLETED, "Your video is ready", prompt
        else:
            kind, title, body = Notification.Kind.FAILED, "Your video could not be made", job["error_message"]
        Notification.objects.bulk_create(
            [Notification(user_id=user_id, job_id=job_id, kind=kind, title=title, body=body)],
            ignore_conflicts=True)
        message = {"kind": "notification", "job_id": job_id, "type": kind, "title": title, "body": body}
        transaction.on_commit(lambda: signals.send_to_feed(user_id, message))
