"""The studio's Report button in a real headless Chromium against daphne and the real workers: a user
reports their published clip from the video page, and once a reviewer took it down the page says why."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from accounts.models import User
from jobs.moderation import take_down
from safety.models import Report, ReviewCase
from tests.test_studio_browser import browser, pytestmark, shot, until, web  # noqa: F401 - fixtures and marks
from tests.test_takedown import published_clip


def test_report_button_and_a_removed_video_page(web: str, browser: WebDriver, make_user) -> None:  # noqa: F811
    make_user("reporter")
    user = User.objects.get(username="reporter")
    user.set_password("reporter-password-1")
    user.save()
    job = published_clip(user, prompt="a rooftop chase at night")

    browser.get(f"{web}/videos/{job.id}/")
    browser.find_element(By.NAME, "username").send_keys("reporter")
    browser.find_element(By.NAME, "password").send_keys("reporter-password-1")
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    until(browser, lambda b: b.find_elements(By.ID, "report"))
    assert not browser.find_element(By.ID, "report-button").is_displayed()  # folded until asked for
    browser.find_element(By.CSS_SELECTOR, "#report summary").click()
    Select(browser.find_element(By.CSS_SELECTOR, "#report select[name=reason]")).select_by_value("violence")
    browser.find_element(By.CSS_SELECTOR, "#report textarea[name=details]").send_keys("a real fight at the end")
    browser.find_element(By.ID, "report-button").click()
    until(browser, lambda b: "your report was sent" in b.page_source)
    shot(browser, "report-sent")
    report = Report.objects.get(job=job)
    assert (report.reporter, report.reason, report.details) == (user, "violence", "a real fight at the end")
    assert ReviewCase.objects.get(job=job).kind == "report"

    take_down(job.id, reason="confirmed", category="violence")
    browser.get(f"{web}/videos/{job.id}/")
    removed = until(browser, lambda b: b.find_elements(By.ID, "removed"))
    assert "removed for violating the content policy" in removed[0].text
    assert not browser.find_elements(By.ID, "player")
    shot(browser, "report-removed")
