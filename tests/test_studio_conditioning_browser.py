"""The studio's conditioning and the creator pages in a real headless Chromium (Debian's, through Selenium)
against daphne and the session's real dispatcher, GPU and CPU workers: the reference image previewed before
anything is sent, then submitted; a finished video extended from its page (the new job's page follows its
progress until the longer video plays); the characters page making a character from a real face clip and
refusing a protected face and a clip without a face; the account page's API key, shown once and revoked.
Every page is watched for Content-Security-Policy violations. Screenshots land in test-artifacts/."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import numpy as np
from PIL import Image
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from accounts.models import ApiKey, User
from jobs import lifecycle
from jobs.artifacts import live_artifact, put_artifact, read_artifact
from jobs.media import frames_to_bytes
from jobs.models import Artifact, Character, Job
from jobs.models import JobState as S
from jobs.tasks import finalize_job
from tests.conftest import wait_for
from tests.safety_media import protect_grace_hopper
from tests.test_characters import face_clip
from tests.test_lifecycle import make_job
from tests.test_studio_browser import browser, pytestmark, shot, until, web  # noqa: F401 - fixtures and marks
from tests.test_video_conditioning import clip_frames, mp4_upload

PASSWORD = "studio-password-1"
CSP_WATCH = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
             "(e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


def sign_in(browser: WebDriver, web: str, make_user, username: str) -> User:  # noqa: F811
    """A Plus creator, signed in through the login form; every page then records CSP violations."""
    make_user(username)
    user = User.objects.get(username=username)
    user.set_password(PASSWORD)
    user.save()
    # Runs before each page's own scripts (DevTools, so the policy does not apply to the watcher itself).
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_WATCH})
    browser.get(f"{web}/login/")
    browser.find_element(By.NAME, "username").send_keys(username)
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    until(browser, lambda b: b.find_elements(By.ID, "generate"))
    return user


def no_csp_violations(browser: WebDriver) -> None:  # noqa: F811
    assert browser.execute_script("return window.__csp") == []


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_the_reference_image_is_previewed_removable_and_sent_with_the_form(web: str, browser: WebDriver,  # noqa: F811
                                                                         make_user, tmp_path: Path) -> None:
    user = sign_in(browser, web, make_user, "referencer")
    buf = io.BytesIO()
    Image.fromarray(np.full((48, 64, 3), (200, 40, 90), np.uint8)).save(buf, "PNG")
    image = write(tmp_path / "first-frame.png", buf.getvalue())

    box, picker = browser.find_element(By.ID, "reference-box"), browser.find_element(By.ID, "reference")
    assert not box.is_displayed()
    picker.send_keys(image)
    until(browser, lambda b: box.is_displayed())
    preview = browser.find_element(By.ID, "reference-preview")
    # Shown from the browser's own copy (a blob: URL), decoded at the file's size: nothing was uploaded.
    assert (preview.get_attribute("src") or "").startswith("blob:")
    until(browser, lambda b: b.execute_script("return arguments[0].naturalWidth", preview) == 64)
    assert "first-frame.png" in box.text
    assert not Job.objects.filter(user=user).exists()
    shot(browser, "reference-preview")

    browser.find_element(By.ID, "reference-remove").click()
    until(browser, lambda b: not box.is_displayed())
    assert picker.get_attribute("value") == "" and not preview.get_attribute("src")

    # Chosen again and sent: the studio's usual submission, now carrying the image.
    picker.send_keys(image)
    until(browser, lambda b: box.is_displayed())
    browser.find_element(By.NAME, "prompt").send_keys("a paper lantern rising at night")
    browser.find_element(By.ID, "submit").click()
    until(browser, lambda b: [li for li in b.find_elements(By.CSS_SELECTOR, "#jobs li.job")
                              if "a paper lantern rising" in li.text])
    job = Job.objects.get(user=user)
    reference = live_artifact(job.id, Artifact.Kind.INPUT_REFERENCE)
    assert job.conditioning.get("mode") == "image" and reference is not None
    assert read_artifact(reference) == buf.getvalue()
    no_csp_violations(browser)
    lifecycle.cancel(job.id)  # its render is not what this test is about: free the GPU worker


def finished_video(user: User, steps: int) -> Job:
    """A 2 s clip of the user's, published by the real finalize step (MP4, poster, signature)."""
    frames = clip_frames(8, 128, 80, seed=4)
    job = make_job(user, S.FINALIZING, attempt=1, prompt="a paper boat on a pond", num_frames=len(frames),
                   seconds=2, steps=steps)
    put_artifact(job.id, Artifact.Kind.FRAMES, frames_to_bytes(frames), "application/x-npy")
    finalize_job.fn(job.id, 1)
    job.refresh_from_db()
    assert job.state == S.SUCCEEDED, job.error_message
    return job


def test_extending_a_finished_video_opens_the_new_job_with_live_progress(web: str, browser: WebDriver,  # noqa: F811
                                                                         make_user) -> None:
    user = sign_in(browser, web, make_user, "extender")
    source = finished_video(user, steps=40)  # the extension keeps the source's settings: enough steps to watch
    browser.get(f"{web}/videos/{source.id}/")
    player = browser.find_element(By.ID, "player")
    until(browser, lambda b: b.execute_script("return arguments[0].readyState", player) >= 1, timeout=30)
    source_duration = browser.execute_script("return arguments[0].duration", player)

    browser.find_element(By.CSS_SELECTOR, "#extend summary").click()
    prompt = browser.find_element(By.CSS_SELECTOR, "#extend textarea[name=prompt]")
    prompt.clear()
    prompt.send_keys("the boat drifts under a bridge")
    seconds = browser.find_element(By.CSS_SELECTOR, "#extend input[name=seconds]")
    seconds.clear()
    seconds.send_keys("4")
    shot(browser, "extend-form")
    browser.find_element(By.ID, "extend-button").click()

    until(browser, lambda b: b.current_url.rstrip("/") != f"{web}/videos/{source.id}"
          and b.find_elements(By.ID, "video-card"))
    extension = Job.objects.get(user=user, prompt="the boat drifts under a bridge")
    assert browser.current_url == f"{web}/videos/{extension.id}/"
    assert extension.conditioning["mode"] == "extend" and extension.conditioning["source_video_id"] == source.id
    assert browser.find_elements(By.ID, "progress")  # a page that follows the render

    # The page follows the job over the feed: the bar moves while it renders, then the page turns into
    # the player of the longer (stitched) video.
    seen: set[int] = set()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not browser.find_elements(By.ID, "player"):
        try:
            bars = browser.find_elements(By.ID, "progress")
            value = int(float(bars[0].get_attribute("value") or 0)) if bars else 0
        except StaleElementReferenceException:  # the page reloads itself when the job ends: look again
            continue
        if 0 < value < 100 and not [v for v in seen if 0 < v < 100]:
            shot(browser, "extend-rendering")
        seen.add(value)
        time.sleep(0.05)
    assert [v for v in seen if 0 < v < 100], f"progress should advance visibly: {sorted(seen)}"
    player = until(browser, lambda b: b.find_elements(By.ID, "player"), timeout=60)[0]
    extension.refresh_from_db()
    assert extension.state == S.SUCCEEDED, extension.error_message
    until(browser, lambda b: b.execute_script("return arguments[0].readyState", player) >= 1, timeout=30)
    assert browser.execute_script("return arguments[0].duration", player) > source_duration + 3
    shot(browser, "extend-done")
    no_csp_violations(browser)


def replaced(element: WebElement) -> Callable[[WebDriver], bool]:
    """`staleness_of(element)`, also when Chrome, asked mid-navigation, answers that the node "does not belong to
    the document" (a WebDriverException, not the StaleElementReferenceException staleness_of waits for: it failed
    a whole-suite run that way)."""
    def gone(_: WebDriver) -> bool:
        try:
            element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc):
                return True
            raise
        return False
    return gone


def test_the_characters_page_makes_a_character_and_shows_the_refusals(web: str, browser: WebDriver,  # noqa: F811
                                                                      make_user, tmp_path: Path) -> None:
    user = sign_in(browser, web, make_user, "character-maker")
    face = write(tmp_path / "me.mp4", face_clip().getvalue())
    no_face = write(tmp_path / "wall.mp4", mp4_upload(clip_frames(8, 320, 240), fps=4).getvalue())
    browser.find_element(By.LINK_TEXT, "Characters").click()
    until(browser, lambda b: b.find_elements(By.ID, "character-form"))
    assert browser.find_elements(By.ID, "no-characters")
    assert "Using a character" in browser.find_element(By.ID, "character-howto").text

    def create(name: str, clip: str) -> str:
        form = browser.find_element(By.ID, "character-form")
        field = form.find_element(By.NAME, "name")
        field.clear()
        field.send_keys(name)
        form.find_element(By.NAME, "video").send_keys(clip)
        form.find_element(By.ID, "character-submit").click()
        WebDriverWait(browser, 90).until(replaced(form))  # the answer is a new page
        flash = until(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "main > p.flash:not(#degraded)"))
        return str(flash[0].text)

    assert "is ready" in create("Maria Lopez", face)
    character = Character.objects.get(user=user)
    row = browser.find_element(By.CSS_SELECTOR, f'li[data-character-id="{character.id}"]')
    assert "Maria Lopez" in row.text
    shot(browser, "character-made")

    assert "No face was found" in create("Nobody", no_face)
    protect_grace_hopper()
    refused = create("Granny Rose", face)
    assert "blocked by our content policy" in refused and "can't become a character" in refused
    shot(browser, "character-refused")
    assert list(Character.objects.filter(user=user).values_list("name", flat=True)) == ["Maria Lopez"]
    assert browser.find_elements(By.CSS_SELECTOR, f'li[data-character-id="{character.id}"]')  # still listed
    no_csp_violations(browser)


def test_an_api_key_is_created_shown_once_and_revoked_on_the_account_page(web: str, browser: WebDriver,  # noqa: F811
                                                                          make_user) -> None:
    user = sign_in(browser, web, make_user, "key-holder")
    browser.find_element(By.LINK_TEXT, "Account").click()
    form = until(browser, lambda b: b.find_elements(By.ID, "create-key"))[0]
    form.find_element(By.NAME, "name").send_keys("render farm")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    raw = until(browser, lambda b: b.find_elements(By.ID, "new-key-value"))[0].text
    assert raw.startswith("kin_")
    shot(browser, "account-new-key")
    key = ApiKey.objects.get(user=user, name="render farm")
    with httpx.Client(base_url=web, headers={"Authorization": f"Bearer {raw}"}, timeout=30) as http:
        me = http.get("/v1/me")
        assert me.status_code == 200, me.text

        browser.get(f"{web}/account/")  # shown once: never again
        assert raw not in browser.page_source and not browser.find_elements(By.ID, "new-key-value")
        row = browser.find_element(By.CSS_SELECTOR, f'tr[data-key-id="{key.pk}"]')
        assert "render farm" in row.text and "never" not in row.text  # its last use is listed
        row.find_element(By.XPATH, ".//button[text()='Revoke']").click()
        until(browser, lambda b: "revoked" in b.find_element(By.CSS_SELECTOR, f'tr[data-key-id="{key.pk}"]').text)
        shot(browser, "account-revoked")
        key.refresh_from_db()
        assert key.revoked_at is not None
        wait_for(lambda: http.get("/v1/me").status_code == 401, timeout=30)
    no_csp_violations(browser)
