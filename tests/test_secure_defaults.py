"""Secure defaults: no predictable secret, loopback binding, generated per-install secrets, HTTPS settings
that pass `check --deploy`, the CSP (in a real Chromium), login throttling and the websocket origin check."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from channels.testing import WebsocketCommunicator
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from accounts.models import User
from jobs.models import JobState as S
from tests.conftest import ARTIFACTS, Stack, wait_for
from tests.test_lifecycle import make_job
from webapp import stack as kinema_stack
from webapp.asgi import application
from webapp.processes import free_port, kill_group, port_open, spawn_group

ROOT = Path(__file__).resolve().parent.parent
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # the hash is not what these tests measure


def django_process(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def bare_env(var_dir: Path, **extra: str) -> dict[str, str]:
    """This process's environment without the secrets `make test` handed it, on an install `var_dir`."""
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SECRET_KEY", "KINEMA_METRICS_TOKEN",
                                                            "KINEMA_HTTPS", "DJANGO_ALLOWED_HOSTS")}
    return {**env, "KINEMA_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE": "webapp.settings",
            "KINEMA_LOG_LEVEL": "WARNING", **extra}


# --- secrets ----------------------------------------------------------------------------------

def test_settings_refuse_to_start_without_a_secret_and_use_the_generated_one(tmp_path: Path) -> None:
    refused = django_process("", bare_env(tmp_path))
    assert refused.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set" in refused.stderr

    generated = kinema_stack.ensure_secrets(tmp_path)
    started = django_process("from django.conf import settings as s; print(s.SECRET_KEY, s.KINEMA_METRICS_TOKEN)",
                             bare_env(tmp_path))
    assert started.returncode == 0, started.stderr
    assert started.stdout.split() == [generated["DJANGO_SECRET_KEY"], generated["KINEMA_METRICS_TOKEN"]]


def test_generated_secrets_are_private_random_and_reused(tmp_path: Path) -> None:
    first = kinema_stack.ensure_secrets(tmp_path / "a")
    assert kinema_stack.ensure_secrets(tmp_path / "a") == first  # reused: sessions survive a restart
    other = kinema_stack.ensure_secrets(tmp_path / "b")
    assert first["DJANGO_SECRET_KEY"] != other["DJANGO_SECRET_KEY"]
    assert first["KINEMA_METRICS_TOKEN"] != other["KINEMA_METRICS_TOKEN"]
    assert len(first["DJANGO_SECRET_KEY"]) >= 50 and len(set(first["DJANGO_SECRET_KEY"])) >= 5
    path = tmp_path / "a" / kinema_stack.SECRETS_FILENAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_children_and_shells_get_the_secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kinema_stack, "VAR", tmp_path)
    monkeypatch.setattr(kinema_stack, "RUN_ENV", tmp_path / "run.env")
    generated = kinema_stack.ensure_secrets(tmp_path)

    child = kinema_stack.embedded_env({"PATH": "/bin", "DATABASE_URL": "postgres://db", "REDIS_URL": "redis://r"})
    assert child["DJANGO_SECRET_KEY"] == generated["DJANGO_SECRET_KEY"]
    assert child["KINEMA_METRICS_TOKEN"] == generated["KINEMA_METRICS_TOKEN"]
    assert child["KINEMA_HTTPS"] == "0"  # plain HTTP on loopback
    explicit = kinema_stack.embedded_env({"DJANGO_SECRET_KEY": "set-by-the-operator", "KINEMA_HTTPS": "1"})
    assert explicit["DJANGO_SECRET_KEY"] == "set-by-the-operator" and explicit["KINEMA_HTTPS"] == "1"

    # A shell next to `make run` (manage.py, bench/) adopts var/run.env, which only the owner can read.
    kinema_stack.write_run_env(child)
    assert stat.S_IMODE((tmp_path / "run.env").stat().st_mode) == 0o600
    for key in kinema_stack.RUN_ENV_KEYS:
        monkeypatch.setenv(key, "")  # recorded, so the session's values come back after the test
        monkeypatch.delenv(key)
    kinema_stack.load_run_env()
    assert os.environ["DATABASE_URL"] == "postgres://db"
    assert os.environ["DJANGO_SECRET_KEY"] == generated["DJANGO_SECRET_KEY"]
    assert os.environ["KINEMA_METRICS_TOKEN"] == generated["KINEMA_METRICS_TOKEN"]


def test_make_run_listens_on_loopback_unless_told_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINEMA_PORT", "8000")
    monkeypatch.delenv("KINEMA_WS_PORT", raising=False)
    monkeypatch.delenv("KINEMA_BIND", raising=False)

    def binds() -> tuple[str, str]:
        commands = kinema_stack.worker_commands()
        web, ws = commands["web"], commands["websockets"]
        return web[web.index("-b") + 1], ws[ws.index("-b") + 1]

    assert binds() == ("127.0.0.1:8000", "127.0.0.1")
    monkeypatch.setenv("KINEMA_BIND", "0.0.0.0")
    assert binds() == ("0.0.0.0:8000", "0.0.0.0")
    monkeypatch.setenv("KINEMA_BIND", "::")
    assert binds() == ("[::]:8000", "::")


# --- production settings ----------------------------------------------------------------------

def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    env = bare_env(tmp_path, DJANGO_SECRET_KEY="p" + os.urandom(40).hex(), DJANGO_ALLOWED_HOSTS="kinema.example.com",
                   KINEMA_METRICS_TOKEN="scrape-token", KINEMA_PROXY_SSL_HEADER="X-Forwarded-Proto")
    checked = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                             env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "System check identified no issues" in checked.stdout

    # The embedded setup's plain-HTTP settings are what `check --deploy` exists to catch.
    embedded = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                              env={**env, "KINEMA_HTTPS": "0"}, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert embedded.returncode != 0
    assert "security.W012" in embedded.stderr and "security.W004" in embedded.stderr


def test_https_settings_follow_the_environment(tmp_path: Path) -> None:
    code = ("from django.conf import settings as s; import json; print(json.dumps([s.SESSION_COOKIE_SECURE, "
            "s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, "
            "s.ALLOWED_HOSTS]))")
    env = bare_env(tmp_path, DJANGO_SECRET_KEY="x" * 60)
    production = django_process(code, {**env, "KINEMA_PROXY_SSL_HEADER": "X-Forwarded-Proto"})
    assert production.returncode == 0, production.stderr
    assert json.loads(production.stdout) == [True, True, True, 31536000, ["HTTP_X_FORWARDED_PROTO", "https"],
                                             ["localhost", "127.0.0.1", "[::1]"]]
    embedded = django_process(code, {**env, "KINEMA_HTTPS": "0", "DJANGO_ALLOWED_HOSTS": "a.example, b.example"})
    assert json.loads(embedded.stdout) == [False, False, False, 0, None, ["a.example", "b.example"]]


@pytest.mark.django_db
def test_all_four_password_validators_are_on() -> None:
    user = User(username="frankfurter", email="frank@example.com")
    expected = {"password": "password_too_common", "93847561029384": "password_entirely_numeric",
                "k7#q": "password_too_short", "frankfurter1": "password_too_similar"}
    for password, code in expected.items():
        with pytest.raises(ValidationError) as err:
            validate_password(password, user)
        assert code in {e.code for e in err.value.error_list}, password
    validate_password("a paper boat on the river", user)  # a passphrase passes


# --- login throttling -------------------------------------------------------------------------

@pytest.mark.django_db
def test_repeated_failed_logins_are_throttled_per_user_and_address(settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHER
    settings.AXES_FAILURE_LIMIT = 3
    User.objects.create_user("mallory-target", password="the right passphrase")
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(2):
        resp = attacker.post("/login/", {"username": "mallory-target", "password": "guess"})
        assert resp.status_code == 200 and "didn't match" in resp.content.decode()
    locked = attacker.post("/login/", {"username": "mallory-target", "password": "guess"})
    assert locked.status_code == 429 and "Too many failed logins" in locked.content.decode()
    # Locked even with the right password now, from that address...
    right = {"username": "mallory-target", "password": "the right passphrase"}
    assert attacker.post("/login/", right).status_code == 429
    # ...while the owner, elsewhere, still logs in (the lock is per username and address).
    assert Client(REMOTE_ADDR="198.51.100.2").post("/login/", right).status_code == 302


@pytest.mark.django_db
def test_behind_a_proxy_each_client_is_throttled_by_its_own_address(settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHER
    settings.AXES_FAILURE_LIMIT = 3
    settings.KINEMA_TRUSTED_PROXIES = 1
    User.objects.create_user("proxied", password="the right passphrase")
    right = {"username": "proxied", "password": "the right passphrase"}

    def via_proxy(client_ip: str, claimed: str = "") -> Client:  # every request arrives from the proxy
        forwarded = f"{claimed}, {client_ip}" if claimed else client_ip
        return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)

    attacker = via_proxy("203.0.113.9")
    for _ in range(3):
        attacker.post("/login/", {"username": "proxied", "password": "guess"})
    assert attacker.post("/login/", right).status_code == 429
    # An invented address on the left does not give the attacker a fresh count...
    assert via_proxy("203.0.113.9", claimed="192.0.2.77").post("/login/", right).status_code == 429
    # ...and the owner, another client behind the same proxy, still logs in.
    assert via_proxy("198.51.100.3").post("/login/", right).status_code == 302


@pytest.mark.django_db
def test_the_admin_login_is_throttled_too_and_api_keys_are_not_a_login(settings, make_user) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHER
    settings.AXES_FAILURE_LIMIT = 2
    User.objects.create_user("boss", password="the boss passphrase", is_staff=True, is_superuser=True)
    client = Client(REMOTE_ADDR="203.0.113.8")
    statuses = [client.post("/admin/login/", {"username": "boss", "password": "nope"}).status_code for _ in range(3)]
    assert statuses == [200, 429, 429]
    _, key = make_user("scripted")
    api = Client(REMOTE_ADDR="203.0.113.8", HTTP_AUTHORIZATION="Bearer kin_wrong_wrong")
    for _ in range(3):
        assert api.get("/v1/videos").status_code == 401
    assert Client(REMOTE_ADDR="203.0.113.8", HTTP_AUTHORIZATION=f"Bearer {key}").get("/v1/videos").status_code == 200


# --- content security policy ------------------------------------------------------------------

INLINE = [(re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline script"),
          (re.compile(r"<style\b", re.I), "style element"),
          (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
          (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
          (re.compile(r"javascript:", re.I), "javascript: URL")]


def inline_code(html: str) -> list[str]:
    return [f"{what}: {m.group(0)!r}" for pattern, what in INLINE for m in pattern.finditer(html)]


def test_templates_have_nothing_inline_that_the_policy_blocks() -> None:
    found = {str(p.relative_to(ROOT)): inline_code(p.read_text()) for p in sorted((ROOT / "templates").glob("*.html"))}
    assert len(found) >= 8
    assert {name: hits for name, hits in found.items() if hits} == {}


@pytest.mark.django_db
def test_pages_carry_the_policy_and_render_nothing_inline(make_user, django_user_model, settings) -> None:
    user, _ = make_user("csp-user")
    job = make_job(user, S.SUCCEEDED)
    staff = django_user_model.objects.create_user("csp-staff", password="x", is_staff=True, is_superuser=True)
    creator, operator = Client(), Client()
    creator.force_login(user)
    operator.force_login(staff)
    pages = {"/login/": Client(), "/": creator, "/history/": creator, f"/videos/{job.id}/": creator,
             "/ops/": operator, "/admin/": operator, "/admin/safety/reviewcase/?status__exact=open": operator}
    for url, client in pages.items():
        resp = client.get(url)
        assert resp.status_code == 200, url
        policy = resp["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe" not in policy, url
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
        assert inline_code(resp.content.decode()) == [], url

    settings.KINEMA_WS_PORT = "8001"  # make run: the feed on daphne's own port, same host
    policy = creator.get("/", HTTP_HOST="127.0.0.1:8000")["Content-Security-Policy"]
    assert re.search(r"connect-src 'self' ws://127\.0\.0\.1:8001(;|$)", policy), policy


# --- websocket origin -------------------------------------------------------------------------

def handshake_accepted(headers: list[tuple[bytes, bytes]]) -> bool:
    async def run() -> bool:
        comm = WebsocketCommunicator(application, "/ws/jobs/", headers=headers)
        connected, _ = await comm.connect()
        await comm.disconnect()
        return bool(connected)

    return asyncio.run(run())


@pytest.mark.django_db(transaction=True)
def test_a_websocket_handshake_from_a_foreign_origin_is_refused(make_user, settings) -> None:
    _, key = make_user("ws-origin")
    auth = (b"authorization", f"Bearer {key}".encode())
    settings.KINEMA_WS_PORT = ""  # one port for pages and the feed (production behind a proxy)

    def page(origin: bytes, host: bytes = b"127.0.0.1:8000") -> bool:
        return handshake_accepted([auth, (b"host", host), (b"origin", origin)])

    assert page(b"http://127.0.0.1:8000")  # our own page
    assert page(b"http://localhost:8000", host=b"localhost:8000")
    assert handshake_accepted([auth])  # no Origin: not a browser, the API key decides
    for foreign in (b"https://evil.example", b"http://127.0.0.1.evil.example", b"null", b"http://127.0.0.1:99999"):
        assert not page(foreign), foreign
    # Another port of our host is another site (its pages get the user's cookies all the same).
    assert not page(b"http://127.0.0.1:3000")
    assert not page(b"http://127.0.0.1")
    assert not handshake_accepted([auth, (b"origin", b"http://127.0.0.1:8000")])  # no Host to compare with
    # Default ports are no port, on either side; a TLS proxy may hand on "Host: name:443" to a ws handshake.
    settings.ALLOWED_HOSTS = ["kinema.example.com"]
    assert page(b"https://kinema.example.com", host=b"kinema.example.com")
    assert page(b"https://kinema.example.com", host=b"kinema.example.com:443")
    assert page(b"https://kinema.example.com:443", host=b"kinema.example.com")
    assert not page(b"https://kinema.example.com:8443", host=b"kinema.example.com")

    # make run: the feed on its own port (KINEMA_WS_PORT) takes the pages' port (KINEMA_PORT) too, no other.
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    settings.KINEMA_WS_PORT, settings.KINEMA_PORT = "8001", "8000"
    assert page(b"http://127.0.0.1:8000", host=b"127.0.0.1:8001")
    assert page(b"http://127.0.0.1:8001", host=b"127.0.0.1:8001")
    assert not page(b"http://127.0.0.1:3000", host=b"127.0.0.1:8001")

    # A wildcard in ALLOWED_HOSTS does not open the check; a trusted origin (TLS proxy name) does.
    settings.ALLOWED_HOSTS = ["*"]
    assert not page(b"https://evil.example", host=b"evil.example")
    settings.CSRF_TRUSTED_ORIGINS = ["https://kinema.example.com"]
    assert page(b"https://kinema.example.com", host=b"127.0.0.1:8001")
    assert not page(b"http://kinema.example.com", host=b"127.0.0.1:8001")  # scheme matters


@pytest.mark.django_db(transaction=True)
def test_the_feed_reads_the_bearer_scheme_in_any_case(make_user) -> None:
    _, key = make_user("ws-bearer")
    for scheme in ("Bearer", "bearer", "BEARER"):
        assert handshake_accepted([(b"authorization", f"{scheme} {key}".encode())]), scheme
    for sent in (f"Bearer {key.upper()}", f"Bearer {key} extra", f"Token {key}"):
        assert not handshake_accepted([(b"authorization", sent.encode())]), sent


# --- the studio under the policy, in a real browser -------------------------------------------

@pytest.fixture
def split_web() -> Iterator[tuple[str, int]]:
    """One daphne on two ports, as `make run` splits them: pages on one, the feed on KINEMA_WS_PORT."""
    http_port, ws_port = free_port(), free_port()
    env = {**Stack().env, "KINEMA_WS_PORT": str(ws_port), "KINEMA_PORT": str(http_port)}
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "web-csp.log", "ab")  # noqa: SIM115 - lives as long as the process
    proc = spawn_group([sys.executable, "-m", "daphne", "-e", f"tcp:port={http_port}:interface=127.0.0.1",
                        "-e", f"tcp:port={ws_port}:interface=127.0.0.1", "webapp.asgi:application"],
                       env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: port_open(http_port) and port_open(ws_port), timeout=60)
        yield f"http://127.0.0.1:{http_port}", ws_port
    finally:
        kill_group(proc, signal.SIGTERM, wait_s=10)


@pytest.fixture
def logging_browser() -> Iterator[WebDriver]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and driver, "make test installs Debian's chromium and chromium-driver"
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    b = webdriver.Chrome(service=Service(driver), options=opts)
    yield b
    b.quit()


def raw_handshake(port: int, origin: str, key: str) -> int:
    """A websocket upgrade over a plain socket; the HTTP status daphne answers (101 = accepted)."""
    request = (f"GET /ws/jobs/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: {origin}\r\n"
               f"Authorization: Bearer {key}\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request.encode())
        status_line = sock.recv(4096).split(b"\r\n", 1)[0]
    return int(status_line.split()[1])


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_studio_pages_run_under_the_policy_in_chromium(split_web, logging_browser, make_user) -> None:
    base, ws_port = split_web
    user, key = make_user("csp-browser", tier="pro")
    user.set_password("csp-browser-passphrase")
    user.save()
    job = make_job(user, S.SUCCEEDED)
    User.objects.create_user("csp-operator", password="csp-operator-passphrase", is_staff=True, is_superuser=True)
    b = logging_browser
    b.get(f"{base}/login/")
    b.find_element(By.NAME, "username").send_keys("csp-browser")
    b.find_element(By.NAME, "password").send_keys("csp-browser-passphrase")
    b.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(b, 60).until(lambda d: d.find_elements(By.ID, "generate"))
    for path in ("/history/", f"/videos/{job.id}/", "/"):
        b.get(f"{base}{path}")
        WebDriverWait(b, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")

    # The live feed connected to daphne's other port: the policy allowed it and the origin check passed.
    def feed_opened() -> bool:
        for entry in b.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if (message["method"] == "Network.webSocketHandshakeResponseReceived"
                    and message["params"]["response"]["status"] == 101):
                return True
        return False

    wait_for(feed_opened, timeout=30, interval=0.5)
    b.get(f"{base}/admin/login/?next=/ops/")  # the admin and the operator page, as staff
    b.find_element(By.NAME, "username").send_keys("csp-operator")
    b.find_element(By.NAME, "password").send_keys("csp-operator-passphrase")
    b.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
    WebDriverWait(b, 30).until(lambda d: d.find_elements(By.ID, "targets"))
    b.get(f"{base}/admin/")
    time.sleep(0.5)  # let late console messages arrive; nothing is asserted about time
    violations = [e["message"] for e in b.get_log("browser") if "Content Security Policy" in e["message"]]
    assert violations == []

    # The same check over real HTTP: daphne refuses a foreign page's handshake, accepts our own.
    assert raw_handshake(ws_port, "https://evil.example", key) == 403
    assert raw_handshake(ws_port, base, key) == 101


@pytest.mark.django_db
def test_a_foreign_host_header_is_a_400_logged_as_a_warning_not_an_error(caplog: pytest.LogCaptureFixture) -> None:
    """Any scanner can send a Host header ALLOWED_HOSTS refuses; Django logs each at ERROR, which would page
    whoever watches errors. The record stays, as a warning."""
    import logging

    with caplog.at_level(logging.INFO, logger="django.security.DisallowedHost"):
        resp = Client().get("/login/", HTTP_HOST="scanner.invalid")
    assert resp.status_code == 400
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert records and {r.levelname for r in records} == {"WARNING"}, [(r.levelname, r.getMessage()) for r in records]
    assert "scanner.invalid" in records[0].getMessage()
