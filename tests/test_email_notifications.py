"""E-mail when a long video finishes: written by the outcome handler in the transition's transaction,
sent once by a real CPU worker process through Django's SMTP backend to a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import logging
import signal
from collections.abc import Iterator
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import SentEmail
from jobs import lifecycle
from jobs.models import Job
from jobs.models import JobState as S
from jobs.outcomes.email import email_key, send_email
from tests.conftest import Stack, wait_for
from tests.test_lifecycle import make_job
from tests.test_signup import Inbox, body
from webapp.processes import free_port, kill_group


def stop_cpu_worker(stack: Stack) -> None:
    # A killed worker that loaded torch and the safety models can take a while to be reaped on a busy box.
    kill_group(stack.procs.pop("cpu-worker"), signal.SIGKILL, wait_s=120)


@pytest.fixture
def mail_worker(stack: Stack) -> Iterator[Inbox]:
    """The session's CPU worker restarted with SMTP settings pointing at an SMTP server in this test (and
    every finished job counting as long), then put back as it was."""
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command at INFO
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    stop_cpu_worker(stack)
    stack.start("cpu-worker", "cpu_worker", "--threads", "2", EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(controller.port),
                KINEMA_EMAIL_NOTIFY_AFTER_S="0", KINEMA_PUBLIC_URL="https://kinema.example.com")
    try:
        yield inbox
    finally:
        stop_cpu_worker(stack)
        stack.start("cpu-worker", "cpu_worker", "--threads", "2")
        controller.stop()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_finished_video_is_mailed_once_from_the_cpu_worker(mail_worker: Inbox, make_user, settings) -> None:
    user, key = make_user("mailme")
    user.email, user.email_on_finish = "mailme@example.com", True
    user.save()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    video = api.post("/v1/videos", {"prompt": "a red kite over green hills", "seconds": "4"}, format="json").json()
    wait_for(lambda: mail_worker.to("mailme@example.com"), timeout=150)
    assert Job.objects.get(pk=video["id"]).state == S.SUCCEEDED  # published in the CPU worker, mailed from there

    (mail,) = mail_worker.to("mailme@example.com")
    assert mail["Subject"] == "Your video is ready"
    assert f"https://kinema.example.com/videos/{video['id']}/" in body(mail) and "a red kite" in body(mail)
    row = SentEmail.objects.get(key=email_key(video["id"], S.SUCCEEDED))
    message_id = "".join(str(mail["Message-ID"]).split())  # the header may come folded
    assert row.sent_at is not None and message_id == f"<job.{video['id']}.succeeded@kinema.example.com>"

    # Retried and duplicated messages find it sent: still one mail.
    for _ in range(3):
        send_email.send(row.key)
    # A failure written here (a second job) is mailed by the worker too, after those duplicates.
    settings.KINEMA_EMAIL_NOTIFY_AFTER_S = 60
    failed = make_job(user, S.RUNNING, created_at=timezone.now() - timedelta(minutes=5))
    lifecycle.fail(failed.id, "generation_failed", "the model produced NaN at step 3")
    wait_for(lambda: len(mail_worker.to("mailme@example.com")) >= 2, timeout=60)
    assert [m["Subject"] for m in mail_worker.to("mailme@example.com")] == [
        "Your video is ready", "Your video could not be made"]
    assert "NaN at step 3" in body(mail_worker.to("mailme@example.com")[1])


@pytest.mark.django_db
def test_only_long_jobs_of_users_who_opted_in_are_mailed_and_only_once(make_user, settings) -> None:
    settings.KINEMA_EMAIL_NOTIFY_AFTER_S = 60
    long_ago = timezone.now() - timedelta(minutes=5)
    user, _ = make_user("optin")
    user.email, user.email_on_finish = "optin@example.com", True
    user.save()
    quiet, _ = make_user("quiet")
    quiet.email = "quiet@example.com"
    quiet.save()

    short = make_job(user, S.RUNNING)  # submitted just now: the user is probably still watching
    lifecycle.fail(short.id, "generation_failed", "boom")
    not_asked = make_job(quiet, S.RUNNING, created_at=long_ago)
    lifecycle.fail(not_asked.id, "generation_failed", "boom")
    cancelled = make_job(user, S.QUEUED, created_at=long_ago)
    lifecycle.cancel(cancelled.id)  # the user's own doing: no mail
    assert not SentEmail.objects.exists()

    long_one = make_job(user, S.RUNNING, created_at=long_ago)
    assert lifecycle.fail(long_one.id, "generation_failed", "boom")
    assert not lifecycle.fail(long_one.id, "generation_failed", "boom")  # a job ends once
    (row,) = SentEmail.objects.all()
    assert row.key == email_key(long_one.id, S.FAILED) and row.to == "optin@example.com" and row.sent_at is None
