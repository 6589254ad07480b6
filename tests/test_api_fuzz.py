"""Schemathesis fuzzes every operation of the served OpenAPI document over real HTTP: no input gets a 5xx.

The fuzzer is the real `schemathesis` CLI in its own process, reading /v1/openapi.json from
pytest-django's live server (real PostgreSQL and Redis) and calling every operation with a real API
key. The account's plan is opened up (rate limit, quotas, credits) so generated requests reach the
validation and the logic behind it instead of stopping at a 429 or a 402, and the operations on
one webhook endpoint get a real endpoint's id (a random well-formed id only ever finds a 404).

Kept to a minute or two: generated examples per operation are bounded (KINEMA_FUZZ_EXAMPLES,
default 10), and the coverage phase (every boundary value the document defines, not bounded by
that number) skips the two submission operations, whose parsing the fuzzing phase and
tests/test_api_validation.py exercise. The seed is random unless KINEMA_FUZZ_SEED is set, and
printed, so a failure can be replayed; the CLI's output is kept in test-artifacts/schemathesis.txt.
One worker: two (a third faster, and requests of one user overlap: that is how a submission and a cancel were
found to deadlock, tests/test_submission_deadlock.py) sometimes fail inside schemathesis itself (hypothesis reading
a lambda's source from two threads: "AST constructor recursion depth mismatch").
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from accounts.models import Tier
from jobs.models import WebhookEndpoint

ROOT = Path(__file__).resolve().parent.parent
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_no_operation_answers_a_server_error(live_server, make_user, tmp_path: Path) -> None:
    Tier.objects.filter(name="pro").update(requests_per_minute=1_000_000, daily_quota=1_000_000,
                                           max_queued=1_000_000, max_concurrent=1_000_000)
    user, key = make_user("fuzzer", tier="pro", credits=100_000_000)
    webhook = WebhookEndpoint.objects.create(user=user, url="https://hooks.example.com/kinema",
                                             events=["video.completed"])
    doc = httpx.get(f"{live_server.url}/v1/openapi.json", timeout=60).json()
    operations = {(method.upper(), path) for path, item in doc["paths"].items() for method in item}
    assert len(operations) >= 19, sorted(operations)

    config = tmp_path / "schemathesis.toml"
    config.write_text(f"""
[[operations]]
include-operation-id-regex = "^(createVideo|remixVideo)$"
phases.coverage.enabled = false

[[operations]]
include-operation-id-regex = "^(getWebhook|updateWebhook|updateWebhookByPost|listWebhookDeliveries|testWebhook)$"
parameters = {{ webhook_id = "{webhook.id}" }}
""")
    seed = int(os.environ.get("KINEMA_FUZZ_SEED") or random.randrange(2**31))
    examples = os.environ.get("KINEMA_FUZZ_EXAMPLES", "10")
    report = tmp_path / "report.json"
    cmd = [str(SCHEMATHESIS), "--config-file", str(config), "run", f"{live_server.url}/v1/openapi.json",
           "--url", live_server.url, "-H", f"Authorization: Bearer {key}", "--checks", "not_a_server_error",
           "-n", examples,
           "--seed", str(seed), "--workers", "1", "--request-timeout", "30", "--suppress-health-check", "all",
           "--report", "ndjson", "--report-ndjson-path", str(report), "--output-truncate", "true"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path,
                            env={**os.environ, "SCHEMATHESIS_TELEMETRY": "false", "NO_COLOR": "1"})
    output = result.stdout + result.stderr
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ROOT / "test-artifacts" / "schemathesis.txt").write_text(f"seed {seed}\n{' '.join(cmd[:5])} ...\n{output}")
    assert result.returncode == 0, f"schemathesis (seed {seed}) found server errors:\n{output[-8000:]}"

    # Every operation of the document was exercised with generated requests, not skipped.
    tested = set()
    for line in report.read_text().splitlines():
        for method, path in operations:
            if f'"{method} {path}"' in line:
                tested.add((method, path))
    assert tested == operations, (sorted(operations - tested), output[-3000:])
    assert sum(1 for _ in report.read_text().splitlines()) > 0
    json.loads(report.read_text().splitlines()[-1])  # the report is complete (its last event parses)
