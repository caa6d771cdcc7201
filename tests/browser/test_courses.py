"""The learner's whole journey through a course, in a browser, axe-checked on every page."""

import re

import pytest
from allauth.account.models import EmailAddress

from courses.models import Enrolment
from tests.courses.factories import build_course

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long and unusual passphrase"


def sign_up(page, email, language_label=None):
    page.goto("/")
    if language_label:
        page.select_option("#language-select", label=language_label)
        page.click(".language-form button")
    page.goto("/accounts/signup/")
    page.fill("#id_email", email)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.fill("#id_display_name", "Learner")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/confirm-email/"))
    EmailAddress.objects.filter(email=email).update(verified=True)
    page.goto("/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/profile/"))


def answer(page, right: bool):
    for fieldset in page.locator("fieldset.question").all():
        label = "The right answer" if right else "A wrong answer"
        fieldset.get_by_label(label).check()
    page.click("main form button[type=submit]")


@pytest.mark.parametrize(("language", "label"), [("en", None), ("fr", "français")])
def test_a_learner_signs_up_enrols_reads_fails_then_passes_and_completes(
    page, assert_accessible, language, label
):
    version = build_course(modules=1, lessons_per_module=2, language=language)
    version.title = "Generative AI for everyone"
    version.save()
    email = f"journey-{language}@example.org"

    sign_up(page, email, label)

    page.goto("/courses/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Generative AI for everyone").click()
    assert_accessible(page)
    with page.expect_navigation():
        page.locator(".enrol-box button[type=submit]").click()
    assert_accessible(page)
    assert Enrolment.objects.filter(user__email=email).exists()

    with page.expect_navigation():
        page.locator(".enrol-box a.button").click()  # start the course
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()  # lesson 1 -> lesson 2
    assert_accessible(page)
    page.locator("main form button[type=submit]").first.click()  # lesson 2 -> quiz
    page.wait_for_url(re.compile(r"/quizzes/\d+/$"))
    assert_accessible(page)

    answer(page, right=False)
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    assert page.locator(".result-fail").count() == 1
    assert_accessible(page)

    with page.expect_navigation():
        page.locator("main a.button").click()  # try again
    answer(page, right=True)
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))
    assert page.locator(".result-pass").count() == 1
    assert page.locator("progress[aria-labelledby=course-progress]").get_attribute("value") == "100"
    assert_accessible(page)

    page.goto("/learning/")
    assert_accessible(page)
    enrolment = Enrolment.objects.get(user__email=email)
    assert enrolment.progress_percent == 100 and enrolment.completed_at is not None
