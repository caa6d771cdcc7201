"""Search, filter, add to a collection and share it: in a browser, axe-checked on every page."""

import re

import pytest

from library.models import Collection
from tests.factories import PASSWORD, UserFactory
from tests.library.factories import MaterialFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_learner_searches_filters_collects_and_shares(page, live_server, assert_accessible):
    MaterialFactory(
        title="Speech datasets for Swahili",
        material_type="dataset",
        has_transcript=True,
        for_developers=True,
    )
    MaterialFactory(title="Swahili AI glossary", material_type="document")
    MaterialFactory(title="Unrelated slides", material_type="slides")
    UserFactory(email="amani@example.org", display_name="Amani")

    page.goto("/accounts/login/")
    page.fill("#id_login", "amani@example.org")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/profile/"))

    page.goto("/library/collections/")
    assert_accessible(page)
    page.fill("#id_title", "Swahili resources")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/library/c/"))

    page.goto("/library/")
    assert_accessible(page)
    page.fill("#id_q", "swahili")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"q=swahili"))
    assert page.locator(".material-card").count() == 2
    assert_accessible(page)

    page.check("#f-type-dataset")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"type=dataset"))
    assert page.locator(".material-card").count() == 1
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Speech datasets for Swahili").click()
    assert_accessible(page)
    page.fill("#id_note", "Good for a first model")
    with page.expect_navigation():
        page.get_by_role("button", name="Add", exact=True).click()
    assert page.locator(".messages").inner_text().startswith("Added to")
    assert_accessible(page)

    collection = Collection.objects.get(title="Swahili resources")
    page.goto(collection.get_absolute_url())
    page.check("#id_is_public")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    share = page.locator("#share-link").input_value()
    assert_accessible(page)

    anonymous = page.context.browser.new_page()
    anonymous.goto(share)
    assert anonymous.get_by_text("Speech datasets for Swahili").count() == 1
    assert anonymous.get_by_text("Good for a first model").count() == 1
    anonymous.close()
    assert share.startswith(live_server.url)
