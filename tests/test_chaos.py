"""The chaos harness runs green on a small scale, and its invariant checks do catch violations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.db.models import F

from accounts.credits import grant_credits
from accounts.models import CreditLot, LedgerEntry
from jobs.chaos import check_invariants
from jobs.models import Artifact, Job, JobState

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_small_chaos_run_keeps_every_invariant() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "manage.py"), "chaos", "--jobs", "12", "--seconds", "16",
                          "--seed", "3"], capture_output=True, text=True, timeout=600, cwd=ROOT)
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert summary["violations"] == [] and summary["jobs"] == 12
    assert sum(summary["states"].values()) == 12 and summary["redis_restarts"] == 1
    assert sum(summary["kills"].values()) >= 2


@pytest.mark.django_db
def test_invariant_checks_detect_broken_outcomes(make_user) -> None:  # type: ignore[no-untyped-def]
    from rest_framework.test import APIClient

    user, key = make_user("broken", credits=0)
    grant_credits(user, 100)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    stuck, charged_twice = (client.post("/v1/videos", {"prompt": p}, format="json").json()["id"]
                            for p in ("stuck", "charged twice"))
    Job.objects.filter(pk=charged_twice).update(state=JobState.FAILED)
    for _ in range(2):
        LedgerEntry.objects.create(user=user, job_id=charged_twice, kind="capture", amount=1)
    Artifact.objects.create(job_id=charged_twice, kind="checkpoint", key="jobs/x/checkpoint.pt",
                            content_type="application/octet-stream")
    CreditLot.objects.filter(user=user).update(remaining=F("remaining") + 5)  # credits from nowhere
    violations = check_invariants([stuck, charged_twice], [user])["violations"]
    text = "\n".join(violations)
    assert f"{stuck} ended the run in non-terminal state submitted" in text
    assert f"{charged_twice} (failed) has 2 captures" in text
    assert f"{charged_twice} has 0 completion notifications" in text
    assert f"{charged_twice} still has its checkpoint" in text
    assert "does not reconcile" in text
