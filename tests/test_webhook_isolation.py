"""No user's webhook receiver can degrade anyone else's service.

A receiver on loopback answers every delivery one byte a second (a full answer would take ~45 s;
httpx's timeout, being per read, never fires). Against the real stack (dispatcher, GPU worker, CPU
worker, webhook worker) another user's video goes from submit to completed as it did without it,
and that user's own webhook is delivered while the dripping attempts are in flight; the dripping
attempts are cut at the overall deadline, recorded as such, and not resent once the retry window
has passed. Before deliveries had their own worker, two such endpoints held both CPU-worker threads
(screening and finalize) and this test's loaded video took a minute or more longer.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.test import Client
from django.utils import timezone

from jobs import webhooks
from jobs.models import Job, JobState, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from tests.conftest import wait_for
from tests.test_webhooks import Receiver

DRIPPED_ANSWER = b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


class DripReceiver:
    """Reads each POST, then sends a valid answer one byte every `interval_s` until done or hung up on."""

    def __init__(self, interval_s: float) -> None:
        self.interval_s = interval_s
        self.lock = threading.Lock()
        self.connections = 0
        self.open = 0
        self.bytes_sent = 0
        self.event_ids: list[str] = []
        self.closing = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                self.rfile.read(int(self.headers["content-length"]))
                with receiver.lock:
                    receiver.connections += 1
                    receiver.open += 1
                    receiver.event_ids.append(self.headers.get("webhook-id", ""))
                try:
                    for byte in DRIPPED_ANSWER:
                        self.wfile.write(bytes([byte]))
                        with receiver.lock:
                            receiver.bytes_sent += 1
                        if receiver.closing.wait(receiver.interval_s):
                            return
                except OSError:
                    pass  # the client hung up
                finally:
                    with receiver.lock:
                        receiver.open -= 1
                    self.close_connection = True

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/drip"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()


def api(key: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def submit_and_wait(key: str, prompt: str) -> tuple[str, float]:
    """Submit a video and wait until it completes; its id and submit-to-completed seconds (from the DB)."""
    resp = api(key).post("/v1/videos", {"prompt": prompt, "seconds": "4"}, content_type="application/json")
    assert resp.status_code == 200, resp.json()
    video_id = resp.json()["id"]
    wait_for(lambda: Job.objects.get(pk=video_id).state in (JobState.SUCCEEDED, JobState.FAILED), timeout=300,
             interval=0.2)
    job = Job.objects.get(pk=video_id)
    assert job.state == JobState.SUCCEEDED and job.finished_at is not None, (job.state, job.error_code)
    return video_id, (job.finished_at - job.created_at).total_seconds()


def feed(user_id: int, endpoints: list[WebhookEndpoint], stop: threading.Event) -> None:
    """A new event for the user's endpoints every 2 s until `stop`."""
    try:
        while not stop.wait(2.0):
            with transaction.atomic():
                webhooks.emit(user_id, "kinema.test", {}, endpoints=endpoints)
    finally:
        connection.close()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_dripping_receiver_does_not_slow_another_users_videos_or_webhooks(
        stack, make_user, settings) -> None:
    settings.KINEMA_WEBHOOK_ALLOW_PRIVATE = True  # registration in this process; the workers allow it too
    drip = DripReceiver(interval_s=1.0)
    good = Receiver()
    victim, victim_key = make_user("victim")
    dripper, dripper_key = make_user("dripper")
    stop_feeding = threading.Event()
    try:
        victim_hook = api(victim_key).post("/v1/webhooks", {"url": good.url, "events": ["video.completed"]},
                                           content_type="application/json").json()["id"]
        drip_hooks = [api(dripper_key).post("/v1/webhooks", {"url": drip.url, "events": ["kinema.test"]},
                                            content_type="application/json").json()["id"] for _ in range(2)]

        # Baseline: the same flow with no dripping endpoint anywhere, after a first video that warms the
        # workers up (the first screening and frame scan of a process load their models).
        submit_and_wait(victim_key, "a lighthouse at noon")
        _, baseline_s = submit_and_wait(victim_key, "a lighthouse at dawn")
        wait_for(lambda: WebhookDelivery.objects.filter(endpoint_id=victim_hook, status="succeeded").count() == 2)
        assert drip.connections == 0

        # The dripping endpoints get work: test sends through the API, and more events, enough to keep
        # this user's in-flight slots dripping for well over a minute.
        for hook in drip_hooks:
            assert api(dripper_key).post(f"/v1/webhooks/{hook}/test").status_code == 200
        with transaction.atomic():
            endpoints = list(WebhookEndpoint.objects.filter(user=dripper))
            for _ in range(6):
                webhooks.emit(dripper.pk, "kinema.test", {}, endpoints=endpoints)
        wait_for(lambda: drip.open >= 2, timeout=60)  # both of this user's in-flight slots are dripping
        # And they keep dripping, with short gaps, until the victim's webhook is out, however long its video takes
        # on a slow box: a new event every 2 s gives a freed slot a first attempt within ~2 s (an old delivery's
        # retries come further apart each time, and once they all waited at the same moment, nothing dripped).
        feeding = threading.Thread(target=feed, args=(dripper.pk, endpoints, stop_feeding), name="drip-feeder")
        feeding.start()

        video_id, loaded_s = submit_and_wait(victim_key, "a lighthouse at dusk")

        # The victim's video was not held up: a generous sanity bound, relative to the baseline just measured
        # (the same machine, the same moment). Before the fix each of its CPU stages waited behind a dripping
        # attempt that held the thread until Dramatiq's 60 s time limit.
        assert loaded_s < 2 * baseline_s + 20, (baseline_s, loaded_s)
        # Its webhook went out too, and the dripping attempts were in flight meanwhile: between the video's
        # submission and its webhook's delivery. (Not at the very moment of the delivery: each dripping attempt
        # ends at the 3 s deadline, and the next one starts when a waiting delivery comes back or the feeder's next
        # event does, up to ~2 s later. A delivery that fell in such a gap failed a whole-suite run.)
        wait_for(lambda: WebhookDelivery.objects.filter(endpoint_id=victim_hook, status="succeeded",
                                                        event__job_id=video_id).exists(), timeout=60)
        stop_feeding.set()
        feeding.join(30)
        delivered_at = WebhookDelivery.objects.get(endpoint_id=victim_hook, event__job_id=video_id).delivered_at
        assert delivered_at is not None
        submitted_at = Job.objects.get(pk=video_id).created_at
        dripping = WebhookAttempt.objects.filter(delivery__endpoint__user=dripper)
        assert any(a.at <= delivered_at and (a.outcome == "in_flight"
                                             or submitted_at <= a.at + timedelta(milliseconds=a.duration_ms))
                   for a in dripping), "no dripping attempt was in flight during the victim's video and webhook"

        # The dripping attempts end at the overall deadline (3 s in the test stack), recorded as such.
        wait_for(lambda: dripping.filter(outcome="deadline").count() >= 2, timeout=60)
        for attempt in dripping.filter(outcome="deadline"):
            assert attempt.error.startswith("Could not deliver") and attempt.status_code is None
            assert attempt.duration_ms < 30_000  # sanity: nowhere near the ~45 s the whole answer takes
        assert not dripping.filter(outcome="interrupted").exists()  # cut by the deadline, not by a time limit

        # Not resent forever: once the retry window is over, the next turn gives up and nothing is sent again.
        victim_of_window = WebhookDelivery.objects.filter(endpoint__user=dripper, status="pending").first()
        assert victim_of_window is not None
        WebhookDelivery.objects.filter(pk=victim_of_window.pk).update(
            created_at=F("created_at") - timedelta(days=2))
        wait_for(lambda: WebhookDelivery.objects.get(pk=victim_of_window.pk).status == "failed", timeout=90)
        given_up = WebhookDelivery.objects.get(pk=victim_of_window.pk)
        sent_for_it = drip.event_ids.count(given_up.event_id)
        others = dripping.exclude(delivery=given_up)
        seen = others.count()
        wait_for(lambda: others.count() >= seen + 2, timeout=90)  # the system went on retrying the others
        assert WebhookDelivery.objects.get(pk=given_up.pk).attempts == given_up.attempts
        assert drip.event_ids.count(given_up.event_id) == sent_for_it
    finally:
        stop_feeding.set()
        # Stop the remaining drips so the session's later tests get the whole webhook worker.
        WebhookDelivery.objects.filter(endpoint__user=dripper, status="pending").update(
            status="failed", next_attempt_at=timezone.now())
        drip.close()
        good.close()
