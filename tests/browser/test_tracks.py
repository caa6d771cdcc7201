"""Government training tracks in a browser: list, track page with its form, delivery request."""

import pytest
from django.core.management import call_command

from workshops.models import DeliveryRequest

pytestmark = pytest.mark.django_db(transaction=True)


def test_tracks_and_a_ministrys_request_are_accessible(page, assert_accessible):
    call_command("load_demo", verbosity=0)

    page.goto("/workshops/tracks/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="AI governance for policymakers").first.click()
    assert_accessible(page)

    page.goto("/workshops/tracks/request/")
    assert_accessible(page)
    # Skip the browser's own checks, to see the server's messages.
    page.evaluate("document.querySelector('main form[method=post]').noValidate = true")
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() > 0
    assert_accessible(page)
    assert DeliveryRequest.objects.count() == 1  # the demo's own request only
