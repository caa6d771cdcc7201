"""A learner finds a session, books it, cancels, books again and subscribes to her calendar:
in a browser, axe-checked on every page."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import PASSWORD, UserFactory
from tests.workshops.factories import SessionFactory
from workshops.models import Booking, Session

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_learner_books_cancels_and_rebooks_a_session(page, assert_accessible):
    start = datetime(2030, 7, 8, 7, 0, tzinfo=UTC)
    session = SessionFactory(
        kind="hybrid",
        title="AI for public health",
        venue_name="CICG",
        address="Rue de Varembé 17",
        city="Geneva",
        country="CH",
        seats_onsite=10,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        join_url="https://meet.example.org/public-health",
    )
    SessionFactory(
        title="Last year's workshop",
        state=Session.State.COMPLETED,
        recording_url="https://example.org/recordings/last-year",
    )
    UserFactory(email="amani@example.org", display_name="Amani")

    page.goto("/workshops/")
    assert_accessible(page)
    page.select_option("#id_tz", "Africa/Nairobi")
    page.get_by_role("button", name="Show times").click()
    page.wait_for_url(re.compile(r"tz=Africa%2FNairobi"))
    assert "(Africa/Nairobi)" in page.locator(".session-card").first.inner_text()
    assert_accessible(page)

    page.select_option("#id_kind", "hybrid")
    page.get_by_role("button", name="Show sessions").click()
    page.wait_for_url(re.compile(r"kind=hybrid"))
    assert page.locator(".session-card").count() == 1
    assert_accessible(page)

    page.get_by_role("link", name="Past sessions and recordings").click()
    page.wait_for_url(re.compile(r"when=past"))
    assert page.get_by_role("link", name=re.compile("Watch the recording")).count() == 1
    assert_accessible(page)

    page.goto(f"/workshops/{session.slug}/")
    assert_accessible(page)
    page.get_by_role("link", name="Sign in to book a seat").click()
    page.fill("#id_login", "amani@example.org")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(rf"/workshops/{session.slug}/$"))
    assert_accessible(page)

    page.get_by_label("Online").check()
    page.get_by_role("button", name="Book a seat").click()
    page.wait_for_url(re.compile(rf"/workshops/{session.slug}/$"))
    assert page.get_by_role("link", name="Join the session online").count() == 1
    assert_accessible(page)

    page.get_by_role("button", name="Cancel my booking").click()
    page.wait_for_url(re.compile(rf"/workshops/{session.slug}/$"))
    assert "Your booking is cancelled." in page.locator(".messages").inner_text()
    assert page.get_by_role("link", name="Join the session online").count() == 0
    assert_accessible(page)

    page.get_by_label("On site").check()
    page.get_by_role("button", name="Book a seat").click()
    page.wait_for_url(re.compile(rf"/workshops/{session.slug}/$"))
    assert "You have a seat (On site)." in page.locator(".booking-box").inner_text()
    assert_accessible(page)

    assert sorted(Booking.objects.values_list("mode", "state")) == [
        ("online", "cancelled"),
        ("onsite", "confirmed"),
    ]

    page.goto("/workshops/my-calendar/")
    assert_accessible(page)
    old_address = page.locator("#feed-url").input_value()
    page.get_by_role("button", name="Reset the address").click()
    page.wait_for_url(re.compile(r"/workshops/my-calendar/$"))
    assert page.locator("#feed-url").input_value() != old_address
    assert_accessible(page)


def test_staff_check_attendees_in(page, assert_accessible, settings):
    # Signing in with a real authenticator app is the accounts tests' business.
    settings.STAFF_MFA_REQUIRED = False
    session = SessionFactory(title="AI for public health")
    UserFactory(email="eve@example.org", display_name="Eve", is_staff=True)
    for name in ("Amani Otieno", "Lucía Pérez"):
        Booking.objects.create(
            session=session,
            user=UserFactory(display_name=name),
            mode="online",
            state="confirmed",
        )

    page.goto("/accounts/login/")
    page.fill("#id_login", "eve@example.org")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/profile/"))

    page.goto(f"/workshops/{session.slug}/check-in/")
    assert_accessible(page)
    page.get_by_label(re.compile("Amani Otieno")).check()
    page.get_by_role("button", name="Save attendance").click()
    page.wait_for_url(re.compile(r"/check-in/$"))
    assert "1 present" in page.locator(".messages").inner_text()
    assert page.get_by_label(re.compile("Amani Otieno")).is_checked()
    assert_accessible(page)

    assert list(
        Booking.objects.filter(attended=True).values_list("user__display_name", flat=True)
    ) == ["Amani Otieno"]
