"""The impact pages in a browser: staff's report and the public page, with their charts, in
English and in Arabic (right to left), axe-clean. The figures come from a real snapshot of a
small data set."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from alliance.core.countries import load as load_countries
from courses.models import Enrolment
from impact.snapshot import snapshot_run
from tests.courses.factories import CourseVersionFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def staff_session(browser, live_server, staff):
    """Staff sign-in takes an authenticator code; the session is made as the test client does."""
    client = Client()
    client.force_login(staff)
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


def a_small_year():
    """Seven learners in Kenya complete a course, two in Peru enrol: then the daily snapshot."""
    load_countries()
    version = CourseVersionFactory(title="Introduction to AI")
    now = timezone.now()
    for n in range(7):
        learner = UserFactory(country="KE", gender="woman" if n % 2 else "man")
        Enrolment.objects.create(user=learner, version=version, completed_at=now)
    for _n in range(2):
        Enrolment.objects.create(user=UserFactory(country="PE"), version=version)
    snapshot_run()


def choose_language(page, label):
    page.select_option("#language-select", label=label)
    with page.expect_navigation():
        page.click(".language-form button")


def assert_charts_shown(page):
    charts = page.get_by_role("img", name=re.compile("by month"))
    assert charts.count() == 4
    assert charts.first.is_visible()
    chart = page.locator("svg#chart-trained")
    assert chart.get_attribute("role") == "img"
    assert chart.locator("text.chart-value").count() == 12


def test_staff_read_the_report_and_anyone_the_public_page_in_english_and_arabic(
    browser, live_server, assert_accessible, eve
):
    a_small_year()
    context = staff_session(browser, live_server, eve)
    page = context.new_page()
    outside = []
    page.route(
        lambda url: not url.startswith(live_server.url) and not url.startswith("data:"),
        lambda route: (outside.append(route.request.url), route.abort()),
    )

    page.goto("/impact/")
    assert page.locator("#headlines").get_by_text("People trained").count() == 1
    assert page.locator("#trained-country").get_by_text("Kenya").count() == 1
    assert "Introduction to AI" in page.locator("#courses-course").inner_text()
    assert "fewer than 5" in page.locator("#trained-gender").inner_text()
    assert_charts_shown(page)
    assert_accessible(page)

    page.goto("/impact/public/")
    assert page.locator("#trained-region").get_by_text("Africa").count() == 1
    assert page.locator("#trained-gender").count() == 0
    assert_charts_shown(page)
    assert_accessible(page)

    choose_language(page, "العربيّة")
    page.wait_for_selector("html[lang=ar]")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("svg#chart-trained").is_visible()
    assert_accessible(page)

    page.goto("/impact/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#trained-country").get_by_text("كينيا").count() == 1
    assert page.locator("svg#chart-trained").is_visible()
    assert_accessible(page)

    context.close()
    assert outside == [], f"requests left the site: {outside}"
