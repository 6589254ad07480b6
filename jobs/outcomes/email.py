"""E-mail the owner when a long video finishes (opt-in per user, on the account page).

The handler writes the mail as a `SentEmail` row inside the transition's transaction, keyed by job and
outcome (`job:<id>:<state>`, unique), and queues `send_email` through the outbox: a rolled-back
transition writes and sends nothing, and the key makes a second row for the same job and outcome
impossible. The mail itself goes out from a CPU worker (queue `finalize`), never from a request or a
GPU process: `send_email` locks the row, sends through Django's mail backend (SMTP when EMAIL_HOST is
set, at most EMAIL_TIMEOUT seconds) and marks it sent in the same transaction, so duplicate or
retried messages find it sent and do nothing. An SMTP failure rolls back and Dramatiq retries with
backoff. The one window left is a worker killed after the SMTP server accepted the mail and before
the commit: that mail is sent again, with the same Message-ID, which mail clients show once.
"""

from __future__ import annotations

import logging

import dramatiq
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from accounts.models import SentEmail, User
from jobs import outbox
from jobs.models import Job
from jobs.models import JobState as S
from jobs.outcomes import Outcome, OutcomeHandler
from webapp.broker import FINALIZE_QUEUE, broker  # noqa: F401 - configures Dramatiq before the actor

log = logging.getLogger(__name__)

SEND_EMAIL = "send_email"
# Outcomes worth a mail; a cancellation is the user's own doing.
NOTIFIED_STATES = {S.SUCCEEDED, S.FAILED, S.BLOCKED}


def email_key(job_id: str, state: str) -> str:
    return f"job:{job_id}:{state}"


def compose(job_id: str, state: str) -> tuple[str, str]:
    """Subject and body of the mail for `job_id` ending in `state`."""
    job = Job.objects.values("prompt", "error_message").get(pk=job_id)
    prompt = job["prompt"] if len(job["prompt"]) <= 80 else job["prompt"][:77] + "..."
    link = f"{settings.KINEMA_PUBLIC_URL}/videos/{job_id}/"
    if state == S.SUCCEEDED:
        return ("Your video is ready",
                f"Your video is ready:\n\n  {prompt}\n\nWatch and download it at {link}\n")
    reason = job["error_message"] or "it could not be generated"
    return ("Your video could not be made",
            f"Your video could not be made:\n\n  {prompt}\n\nReason: {reason}\nDetails: {link}\n"
            "The credits held for it were released.\n")


def _unsubscribe_note() -> str:
    return (f"\n--\nYou get these mails because you asked for them. Turn them off on your account page: "
            f"{settings.KINEMA_PUBLIC_URL}/account/\n")


class EmailNotification(OutcomeHandler):
    """On a terminal outcome (succeeded, failed, blocked) of a job that took at least
    KINEMA_EMAIL_NOTIFY_AFTER_S from submission, for an owner who opted in and has an address: the
    SentEmail row and its `send_email` message (outbox), in the transition's transaction.

    Parameters of `handle`: outcome(Outcome): the transition; only the terminal ones above mail.
    """

    def handle(self, outcome: Outcome) -> None:
        if outcome.to_state not in NOTIFIED_STATES:
            return
        if (outcome.at - outcome.created_at).total_seconds() < settings.KINEMA_EMAIL_NOTIFY_AFTER_S:
            return  # the user was most likely still watching: the studio's bell and feed are enough
        owner = User.objects.filter(pk=outcome.user_id, email_on_finish=True, is_active=True).exclude(email="") \
            .values("email").first()
        if owner is None:
            return
        subject, body = compose(outcome.job_id, outcome.to_state)
        key = email_key(outcome.job_id, outcome.to_state)
        # A job ends once; the unique key is the backstop. The message is harmless if the row was sent already.
        SentEmail.objects.bulk_create(
            [SentEmail(user_id=outcome.user_id, key=key, to=owner["email"], subject=subject,
                       body=body + _unsubscribe_note())], ignore_conflicts=True)
        outbox.enqueue(FINALIZE_QUEUE, SEND_EMAIL, key)


def message_id(key: str) -> str:
    """A stable Message-ID per mail: a resend after a crash is recognisably the same message."""
    domain = settings.KINEMA_PUBLIC_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "kinema"
    return f"<{key.replace(':', '.')}@{domain}>"


@dramatiq.actor(actor_name=SEND_EMAIL, queue_name=FINALIZE_QUEUE, max_retries=8, min_backoff=5_000,
                max_backoff=600_000, time_limit=int((settings.EMAIL_TIMEOUT * 3 + 30) * 1000))
def send_email(key: str) -> None:
    """Send the SentEmail `key` if it has not been sent: once, whatever duplicates arrive."""
    with transaction.atomic():
        row = SentEmail.objects.select_for_update().filter(key=key, sent_at__isnull=True).first()
        if row is None:
            return  # sent already (a duplicate or retried message), or never written (rolled back)
        EmailMessage(row.subject, row.body, to=[row.to], headers={"Message-ID": message_id(key)}).send()
        row.sent_at = timezone.now()
        row.save(update_fields=["sent_at"])
    log.info("sent e-mail %s", key)
