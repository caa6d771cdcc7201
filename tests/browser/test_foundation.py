import re

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from alliance.accounts.models import User

PASSWORD = "a long and unusual passphrase"

pytestmark = pytest.mark.django_db(transaction=True)


def choose_language(page, label):
    page.select_option("#language-select", label=label)
    page.click(".language-form button")


def test_the_home_page_is_accessible_in_english(page, assert_accessible):
    call_command("load_demo", verbosity=0)

    page.goto("/")

    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text()
    assert page.get_by_text("Microsoft").count() >= 1
    assert_accessible(page)


def test_the_home_page_and_sign_up_are_accessible_right_to_left_in_arabic(page, assert_accessible):
    page.goto("/")
    choose_language(page, "العربيّة")

    page.wait_for_selector("html[lang=ar]")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(page)

    page.goto("/accounts/signup/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(page)


def test_sign_up_is_accessible_in_english_including_its_error_messages(page, assert_accessible):
    page.goto("/accounts/signup/")
    assert_accessible(page)

    page.fill("#id_email", "bad@example.org")
    page.fill("#id_password1", "short")
    page.fill("#id_password2", "short")
    page.fill("#id_display_name", "Bad Input")
    page.click("main button[type=submit]")

    assert page.get_by_text("too short").count() >= 1
    assert_accessible(page)


def test_keyboard_users_can_skip_to_the_content(page):
    page.goto("/")

    page.keyboard.press("Tab")

    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()


def test_a_learner_signs_up_verifies_the_address_and_signs_in(page, assert_accessible, mailoutbox):
    page.goto("/accounts/signup/")
    page.fill("#id_email", "wanjiru@example.org")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.fill("#id_display_name", "Wanjiru Kamau")
    page.select_option("#id_country", "KE")
    page.click("main button[type=submit]")

    page.wait_for_url(re.compile(r"/accounts/confirm-email/"))
    assert_accessible(page)
    assert User.objects.get(email="wanjiru@example.org").country == "KE"

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mailoutbox[-1].body)
    page.goto(link.group(1))
    assert_accessible(page)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert EmailAddress.objects.get(email="wanjiru@example.org").verified

    page.goto("/accounts/logout/")
    page.click("main button[type=submit]")
    page.goto("/accounts/login/")
    assert_accessible(page)
    page.fill("#id_login", "wanjiru@example.org")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")

    page.wait_for_url(re.compile(r"/accounts/profile/"))
    assert page.locator("#id_profile-display_name").input_value() == "Wanjiru Kamau"
    assert_accessible(page)


def test_the_accessibility_check_catches_a_real_violation(page, assert_accessible):
    page.goto("/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        "'<input type=text id=unlabelled>')"
    )

    with pytest.raises(pytest.fail.Exception, match="label"):
        assert_accessible(page)


def test_the_api_reference_is_accessible(page, assert_accessible):
    page.goto("/api/docs/")

    assert page.locator("h1").inner_text() == "API reference"
    assert_accessible(page)
