"""Credits, quotas and rate limits, on real PostgreSQL and Redis."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx
import pytest
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.credits import balance, expire_lots, grant_credits, outstanding_holds, reconcile
from accounts.models import LedgerEntry, Tier
from jobs import lifecycle
from jobs.costs import delivered_charge
from jobs.models import Job
from jobs.models import JobState as S


def client_for(key: str) -> APIClient:
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return c


def to_finalizing(job_id: str) -> int:
    """Walk a job to `finalizing` by hand, in one transaction, so that a dispatcher or CPU worker of a
    test stack running in the background never sees it half-way (nor gets a finalize message)."""
    from django.db import transaction

    with transaction.atomic():
        assert lifecycle.accept_after_screening(job_id)
        d = lifecycle.dispatch(job_id, None, "gpu.nobody")
        assert d and lifecycle.claim(job_id, d.attempt, d.lease_token)
        assert lifecycle.transition(job_id, S.FINALIZING, expect=[S.RUNNING], fence_token=d.lease_token)
    return d.attempt


@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_submissions_with_credits_for_ten(live_server, make_user) -> None:
    Tier.objects.filter(name="plus").update(max_queued=100, requests_per_minute=1000)
    probe_user, probe_key = make_user("probe")
    price = client_for(probe_key).post("/v1/videos", {"prompt": "price probe"}, format="json").json()["credits_held"]
    user, key = make_user("racer", credits=0)
    grant_credits(user, price * 10)

    def submit(i: int) -> int:
        with httpx.Client(base_url=live_server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60) as c:
            return c.post("/v1/videos", json={"prompt": f"race {i}"}).status_code

    with ThreadPoolExecutor(max_workers=25) as pool:
        codes = list(pool.map(submit, range(50)))
    assert codes.count(200) == 10 and codes.count(402) == 40, codes
    assert balance(user) == 0 and outstanding_holds(user) == price * 10
    assert Job.objects.filter(user=user).count() == 10
    assert reconcile(user).balanced


@pytest.mark.django_db
def test_insufficient_credits_is_a_clear_402(make_user) -> None:
    _, key = make_user("poor", credits=1)
    resp = client_for(key).post("/v1/videos", {"prompt": "a long epic", "seconds": 12}, format="json")
    assert resp.status_code == 402
    err = resp.json()["error"]
    assert err["code"] == "insufficient_credits" and "balance is 1" in err["message"]
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_success_captures_and_failure_releases(make_user) -> None:
    user, key = make_user("payer", credits=100)
    api = client_for(key)
    ok = api.post("/v1/videos", {"prompt": "a sunrise"}, format="json").json()
    bad = api.post("/v1/videos", {"prompt": "a sunset"}, format="json").json()
    held = ok["credits_held"]
    assert balance(user) == 100 - 2 * held
    attempt = to_finalizing(ok["id"])
    assert lifecycle.publish(ok["id"], attempt, charge=held - 1)  # cost less than the estimate
    assert lifecycle.fail(bad["id"], "generation_failed", "boom")
    assert not lifecycle.publish(ok["id"], attempt, charge=held), "a second completion changes nothing"
    ok_job, bad_job = Job.objects.get(pk=ok["id"]), Job.objects.get(pk=bad["id"])
    assert (ok_job.credits_charged, bad_job.credits_charged) == (held - 1, 0)
    assert balance(user) == 100 - (held - 1) and outstanding_holds(user) == 0
    assert reconcile(user).balanced


@pytest.mark.django_db
def test_charge_never_exceeds_the_hold(make_user) -> None:
    user, key = make_user("capped", credits=100)
    video = client_for(key).post("/v1/videos", {"prompt": "a kite"}, format="json").json()
    attempt = to_finalizing(video["id"])
    assert lifecycle.publish(video["id"], attempt, charge=10_000)
    assert Job.objects.get(pk=video["id"]).credits_charged == video["credits_held"]
    assert balance(user) == 100 - video["credits_held"]


@pytest.mark.django_db(transaction=True)
def test_capture_racing_cancel_settles_exactly_once(make_user) -> None:
    user, key = make_user("racing", credits=1000)
    api = client_for(key)
    for _ in range(10):
        video = api.post("/v1/videos", {"prompt": "race"}, format="json").json()
        attempt = to_finalizing(video["id"])
        barrier = threading.Barrier(2)
        results: dict[str, bool] = {}

        def run(name: str, fn, barrier=barrier, results=results) -> None:
            try:
                barrier.wait()
                results[name] = fn()
            finally:
                connection.close()

        threads = [threading.Thread(target=run, args=("publish", lambda v=video, a=attempt: lifecycle.publish(
                       v["id"], a))),
                   threading.Thread(target=run, args=("cancel", lambda v=video: lifecycle.cancel(v["id"])))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        job = Job.objects.get(pk=video["id"])
        assert results["publish"] != results["cancel"]
        assert job.state == (S.SUCCEEDED if results["publish"] else S.CANCELLED)
        entries = LedgerEntry.objects.filter(job_id=job.id)
        captures = entries.filter(kind="capture").count()
        releases = entries.filter(kind="release").count()
        assert (captures, releases) == ((1, 0) if results["publish"] else (0, 1))
    assert outstanding_holds(user) == 0 and reconcile(user).balanced and balance(user) >= 0


@pytest.mark.django_db
def test_a_lot_that_expires_while_the_job_runs_still_pays_for_it(make_user) -> None:
    user, key = make_user("expiring", credits=0)
    lot = grant_credits(user, 50, expires_at=timezone.now() + timedelta(hours=1))
    video = client_for(key).post("/v1/videos", {"prompt": "a comet"}, format="json").json()
    held = video["credits_held"]
    attempt = to_finalizing(video["id"])
    lot.__class__.objects.filter(pk=lot.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert balance(user) == 0, "unheld credit of an expired lot is not spendable"
    assert lifecycle.publish(video["id"], attempt)
    assert Job.objects.get(pk=video["id"]).credits_charged == held
    assert expire_lots(user) == 50 - held
    rec = reconcile(user)
    assert rec.balanced and (rec.grants, rec.captures, rec.expired, rec.remaining, rec.holds) == (
        50, held, 50 - held, 0, 0)


@pytest.mark.django_db
def test_release_onto_an_expired_lot_disappears(make_user) -> None:
    user, key = make_user("late", credits=0)
    lot = grant_credits(user, 30, expires_at=timezone.now() + timedelta(hours=1))
    video = client_for(key).post("/v1/videos", {"prompt": "a glacier"}, format="json").json()
    lot.__class__.objects.filter(pk=lot.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert lifecycle.cancel(video["id"])
    assert balance(user) == 0
    rec = reconcile(user)
    assert rec.balanced and rec.expired == 30 and rec.captures == 0


@pytest.mark.django_db
def test_holds_take_the_earliest_expiring_lot_first(make_user) -> None:
    user, key = make_user("lots", credits=0)
    later = grant_credits(user, 100, expires_at=timezone.now() + timedelta(days=30))
    sooner = grant_credits(user, 100, expires_at=timezone.now() + timedelta(days=1))
    forever = grant_credits(user, 100)
    held = client_for(key).post("/v1/videos", {"prompt": "a city"}, format="json").json()["credits_held"]
    for lot in (later, sooner, forever):
        lot.refresh_from_db()
    assert (sooner.remaining, later.remaining, forever.remaining) == (100 - held, 100, 100)


@pytest.mark.django_db
def test_free_tier_limits_each_give_a_clear_error(make_user) -> None:
    _, key = make_user("freebie", tier="free")
    api = client_for(key)
    resp = api.post("/v1/videos", {"prompt": "a cat", "seconds": 12}, format="json")
    assert resp.status_code == 400 and resp.json()["error"]["code"] == "tier_limit_exceeded"
    assert "8 seconds" in resp.json()["error"]["message"]

    Tier.objects.filter(name="free").update(max_height=64)
    resp = api.post("/v1/videos", {"prompt": "a cat", "size": "1280x720"}, format="json")
    assert resp.status_code == 400 and resp.json()["error"]["param"] == "size"
    assert "64p" in resp.json()["error"]["message"]
    Tier.objects.filter(name="free").update(max_height=480)

    video = api.post("/v1/videos", {"prompt": "a cat", "steps": 80}, format="json").json()
    assert video["total_steps"] == 30 and "reduced from 80 to 30" in video["notices"][0]
    assert api.post("/v1/videos", {"prompt": "a dog"}, format="json").json()["total_steps"] == 30


@pytest.mark.django_db
def test_queue_cap_and_daily_quota_are_429(make_user) -> None:
    Tier.objects.filter(name="free").update(max_queued=2, daily_quota=3)
    _, key = make_user("capped-free", tier="free")
    api = client_for(key)
    ids = [api.post("/v1/videos", {"prompt": f"scene {i}"}, format="json").json()["id"] for i in range(2)]
    resp = api.post("/v1/videos", {"prompt": "one too many"}, format="json")
    assert resp.status_code == 429 and resp.json()["error"]["code"] == "too_many_queued"
    assert resp["Retry-After"]
    api.post(f"/v1/videos/{ids[0]}/cancel")
    assert api.post("/v1/videos", {"prompt": "third today"}, format="json").status_code == 200
    api.post(f"/v1/videos/{ids[1]}/cancel")
    resp = api.post("/v1/videos", {"prompt": "fourth today"}, format="json")
    assert resp.status_code == 429 and resp.json()["error"]["code"] == "daily_quota_exceeded"
    assert int(resp["Retry-After"]) > 0


@pytest.mark.django_db
def test_rate_limit_token_bucket_with_headers(make_user) -> None:
    Tier.objects.filter(name="free").update(requests_per_minute=3)
    _, key = make_user("chatty", tier="free")
    api = client_for(key)
    first = api.get("/v1/videos")
    assert first.status_code == 200
    assert first["X-RateLimit-Limit"] == "3" and first["X-RateLimit-Remaining"] == "2"
    assert [api.get("/v1/videos").status_code for _ in range(2)] == [200, 200]
    limited = api.get("/v1/videos")
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "rate_limit_exceeded"
    assert int(limited["Retry-After"]) >= 1 and limited["X-RateLimit-Remaining"] == "0"


@pytest.mark.django_db
def test_me_shows_tier_balance_lots_holds_and_usage(make_user) -> None:
    user, key = make_user("me", tier="free", credits=0)
    grant_credits(user, 40, expires_at=timezone.now() + timedelta(days=2))
    api = client_for(key)
    held = api.post("/v1/videos", {"prompt": "a lake"}, format="json").json()["credits_held"]
    me = api.get("/v1/me").json()
    assert me["tier"] == "free" and me["limits"]["step_budget"] == 30
    assert me["balance"] == 40 - held and me["held"] == held
    assert me["lots"][0]["remaining"] == 40 - held and me["lots"][0]["expires_at"]
    assert me["usage_today"]["generations"] == 1 and me["active_jobs"] == 1


@pytest.mark.django_db
def test_staff_grant_credits_in_the_admin_and_read_the_ledger(make_user, client) -> None:
    from accounts.models import User

    user, _ = make_user("granted", credits=0)
    User.objects.create_superuser("boss", password="boss-password-123")
    client.login(username="boss", password="boss-password-123")
    resp = client.post("/admin/accounts/creditlot/add/", {"user": user.pk, "source": "admin", "amount": 75,
                                                         "expires_at_0": "", "expires_at_1": ""})
    assert resp.status_code == 302, resp.content[:500]
    assert balance(user) == 75
    entry = LedgerEntry.objects.get(user=user)
    assert entry.kind == "grant" and entry.amount == 75 and "boss" in entry.note
    page = client.get(f"/admin/accounts/ledgerentry/?q={user.username}")
    assert page.status_code == 200 and b"grant" in page.content


@pytest.mark.django_db
def test_monthly_grant_is_once_per_user_and_month(make_user) -> None:
    from django.core.management import call_command

    from accounts.credits import grant_monthly_credits

    free, _ = make_user("monthly-free", tier="free", credits=0)
    pro, _ = make_user("monthly-pro", tier="pro", credits=0)
    call_command("grant_monthly_credits")
    call_command("grant_monthly_credits")
    assert balance(free) == Tier.objects.get(name="free").monthly_credits
    assert balance(pro) == Tier.objects.get(name="pro").monthly_credits
    lot = free.credit_lots.get()
    assert lot.source == "monthly" and lot.expires_at > timezone.now() + timedelta(days=30)
    next_month = timezone.now() + timedelta(days=32)
    assert grant_monthly_credits(next_month, expires_at=next_month + timedelta(days=31)) >= 2
    assert free.credit_lots.count() == 2


@pytest.mark.django_db
def test_dispatcher_honours_max_concurrent_per_user(make_user) -> None:
    from jobs.models import GpuWorker
    from jobs.scheduling_live import LiveScheduler

    Tier.objects.filter(name="free").update(max_concurrent=1, max_queued=10)
    GpuWorker.objects.create(name="fake-big", queue_name="gpu.fake-big", gpu_class="cpu", model="kinema-tiny",
                             slots=3, memory_mb=80_000)
    _, flooder_key = make_user("flooder", tier="free")
    _, other_key = make_user("other", tier="free")
    flood = [client_for(flooder_key).post("/v1/videos", {"prompt": f"f{i}"}, format="json").json()["id"]
             for i in range(3)]
    other = client_for(other_key).post("/v1/videos", {"prompt": "mine"}, format="json").json()["id"]
    for job_id in [*flood, other]:
        lifecycle.accept_after_screening(job_id)
    assert LiveScheduler().assign() == 2
    dispatched = set(Job.objects.filter(state=S.DISPATCHED).values_list("id", flat=True))
    assert dispatched == {flood[0], other}, "one job per user: the cap holds, the free slot goes to the other user"


@pytest.mark.django_db
def test_credits_and_the_gpu_estimate_scale_with_the_frames_rendered(make_user) -> None:
    import math

    from jobs.profiles import current_profile

    _, key = make_user("framerate", credits=1000)
    api = client_for(key)
    profile = current_profile()
    videos = {fps: api.post("/v1/videos", {"prompt": "a kite", "seconds": 8, **({"fps": fps} if fps else {})},
                            format="json").json() for fps in (None, profile.fps, 2 * profile.fps, 1)}
    default, same, double, slow = (videos[k] for k in (None, profile.fps, 2 * profile.fps, 1))
    steps = default["total_steps"]
    # At the profile's frame rate the price is the per-second one, as before.
    assert default["credits_held"] == same["credits_held"] == math.ceil(8 * steps / profile.default_steps)
    assert (default["num_frames"], double["num_frames"], slow["num_frames"]) == (33, 65, 9)
    # Twice the frame rate renders ~twice the frames and costs ~twice as much; fewer frames cost less.
    assert double["credits_held"] == math.ceil(8 * 65 / 33 * steps / profile.default_steps)
    assert double["credits_held"] > 1.9 * default["credits_held"]
    assert slow["credits_held"] < default["credits_held"] / 3
    jobs = {v["id"]: Job.objects.get(pk=v["id"]) for v in (default, double)}
    assert jobs[double["id"]].est_gpu_seconds / jobs[default["id"]].est_gpu_seconds == pytest.approx(65 / 33)
    # What a completed job is charged follows the same rule: the whole hold for a full render.
    attempt = to_finalizing(double["id"])
    assert lifecycle.publish(double["id"], attempt, charge=delivered_charge(Job.objects.get(pk=double["id"])))
    assert Job.objects.get(pk=double["id"]).credits_charged == double["credits_held"]
