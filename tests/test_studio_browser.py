"""The studio in a real headless Chromium (Debian's package, driven by its ChromeDriver through
Selenium) against daphne, the dispatcher and real workers. Screenshots land in test-artifacts/."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select, WebDriverWait

from accounts.models import Tier, User
from jobs.models import Job
from tests.conftest import ARTIFACTS, wait_for
from webapp.processes import free_port, port_open, spawn_group

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def web(stack) -> Iterator[str]:
    """daphne serving HTTP and websockets against the test database."""
    port = free_port()
    log = open(ARTIFACTS / "web.log", "ab")  # noqa: SIM115
    proc = spawn_group([sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port),
                        "webapp.asgi:application"], env=stack.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    stack.procs["web"] = proc

    wait_for(lambda: port_open(port), timeout=60)
    yield f"http://127.0.0.1:{port}"


@pytest.fixture
def browser() -> Iterator[WebDriver]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and driver, "make test installs Debian's chromium and chromium-driver"
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--autoplay-policy=no-user-gesture-required", "--window-size=1280,900"):
        opts.add_argument(arg)
    b = webdriver.Chrome(service=Service(driver), options=opts)
    b.implicitly_wait(0)
    yield b
    b.quit()


def shot(browser: WebDriver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"studio-{name}.png"))


def until(browser: WebDriver, condition, timeout: float = 60):
    """Wait for `condition(browser)` to be truthy. The live list re-renders rows as events arrive: an element read
    mid-update is stale, look again. Chrome sometimes reports that as "Node with given id does not belong to the
    document", a plain WebDriverException (it failed a CI run that way): that is the same staleness."""
    def check(b: WebDriver):
        try:
            return condition(b)
        except WebDriverException as exc:
            if isinstance(exc, StaleElementReferenceException) or "does not belong to the document" in str(exc):
                return False
            raise
    return WebDriverWait(browser, timeout, poll_frequency=0.05).until(check)


def test_studio_end_to_end(web: str, browser: WebDriver, make_user) -> None:
    make_user("creator", tier="pro")
    Tier.objects.filter(name="pro").update(step_budget=100)  # a longer render, so progress is visible
    user = User.objects.get(username="creator")
    user.set_password("creator-password-1")
    user.save()

    browser.get(f"{web}/")
    assert "/login/" in browser.current_url
    browser.find_element(By.NAME, "username").send_keys("creator")
    browser.find_element(By.NAME, "password").send_keys("creator-password-1")
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    until(browser, lambda b: b.find_elements(By.ID, "generate"))
    assert "Pro plan" in browser.find_element(By.CSS_SELECTOR, ".limits").text
    shot(browser, "1-studio")

    def generate(prompt: str) -> str:
        browser.find_element(By.NAME, "prompt").send_keys(prompt)
        seconds = browser.find_element(By.NAME, "seconds")
        seconds.clear()
        seconds.send_keys("20")
        Select(browser.find_element(By.NAME, "size")).select_by_visible_text("1280x720")
        browser.find_element(By.ID, "submit").click()
        row = until(browser, lambda b: [li for li in b.find_elements(By.CSS_SELECTOR, "#jobs li.job")
                                        if prompt[:20] in li.text])
        return row[0].get_attribute("data-id")

    first = generate("a lighthouse in a storm, waves crashing")
    second = generate("a second clip that will be cancelled")

    # The second job waits behind the first on the single GPU worker: cancel it from the list.
    second_row = f'#jobs li[data-id="{second}"]'
    until(browser, lambda b: "queued" in b.find_element(By.CSS_SELECTOR, f"{second_row} .state").text)
    browser.find_element(By.CSS_SELECTOR, f"{second_row} button.cancel").click()
    until(browser, lambda b: "cancelled" in b.find_element(By.CSS_SELECTOR, f"{second_row} .state").text.lower())
    shot(browser, "2-cancelled")

    # The first one renders: the bar advances to 100 % and a live preview appears meanwhile.
    first_row = f'#jobs li[data-id="{first}"]'
    seen: set[int] = set()
    preview_seen = False
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        raw = browser.find_element(By.CSS_SELECTOR, f"{first_row} progress").get_attribute("value")
        assert raw is not None
        value = int(float(raw))
        seen.add(value)
        src = browser.find_element(By.CSS_SELECTOR, f"{first_row} img.thumb").get_attribute("src") or ""
        if "variant=preview" in src and not preview_seen:
            preview_seen = True
            browser.execute_script("document.querySelector(arguments[0]).scrollIntoView()", first_row)
            shot(browser, "3-rendering-with-preview")
        if value == 100:
            break
        time.sleep(0.05)
    assert 100 in seen, seen
    assert len([v for v in seen if 0 < v < 100]) >= 2, f"progress should advance visibly: {sorted(seen)}"
    assert preview_seen, "a latent preview is shown while rendering"
    shot(browser, "4-completed")

    # The player plays the finished video.
    browser.get(f"{web}/videos/{first}/")
    video = browser.find_element(By.ID, "player")
    until(browser, lambda b: b.execute_script("return arguments[0].readyState", video) >= 2, timeout=30)
    browser.execute_script("arguments[0].play()", video)
    duration = browser.execute_script("return arguments[0].duration", video)
    assert duration and duration > 0
    until(browser, lambda b: b.execute_script("return arguments[0].currentTime", video) > 0, timeout=15)
    shot(browser, "5-player")

    # The notification is behind the bell; reading it clears the count.
    until(browser, lambda b: b.find_element(By.ID, "bell-count").text not in ("", "0"))
    browser.find_element(By.ID, "bell").click()
    until(browser, lambda b: "Your video is ready" in b.find_element(By.ID, "notifications").text)
    assert "could not be made" in browser.find_element(By.ID, "notifications").text  # the cancelled one
    shot(browser, "6-notifications")
    browser.find_element(By.ID, "mark-read").click()
    until(browser, lambda b: not b.find_element(By.ID, "bell-count").is_displayed())

    # History filters by status.
    browser.get(f"{web}/history/?status=failed")
    rows = browser.find_elements(By.CSS_SELECTOR, "li.job")
    assert [r.get_attribute("data-id") for r in rows] == [second]

    # A double click on Generate makes one job: the button is disabled once the form is sent, and the
    # server runs each rendered form once (its one-time token) in any case.
    browser.get(f"{web}/")
    until(browser, lambda b: b.find_elements(By.ID, "generate"))
    browser.find_element(By.NAME, "prompt").send_keys("a double-clicked harbour at dawn")
    ActionChains(browser).double_click(browser.find_element(By.ID, "submit")).perform()
    until(browser, lambda b: [li for li in b.find_elements(By.CSS_SELECTOR, "#jobs li.job")
                              if "a double-clicked harbour" in li.text])
    assert Job.objects.filter(user=user, prompt="a double-clicked harbour at dawn").count() == 1

    # Phone-sized screen: nothing overflows sideways.
    browser.set_window_size(390, 844)
    browser.get(f"{web}/")
    until(browser, lambda b: b.find_elements(By.ID, "generate"))
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(browser, "7-phone")

    # Errors are messages, not stack traces.
    browser.get(f"{web}/videos/video_doesnotexist/")
    assert "No such video" in browser.page_source and "Traceback" not in browser.page_source
    browser.get(f"{web}/history/?day=yesterday")
    assert "is not a date" in browser.page_source
