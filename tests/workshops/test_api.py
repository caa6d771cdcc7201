from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from tests.courses.factories import TopicFactory
from tests.factories import UserFactory
from tests.workshops.factories import BookingFactory, SessionFactory
from workshops.models import Booking, Series, Session

SESSIONS = "/api/sessions/"
MY_BOOKINGS = "/api/me/bookings/"


def detail_url(session):
    return f"{SESSIONS}{session.slug}/"


def booking_url(session):
    return detail_url(session) + "booking/"


def keys_in(data) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {key for value in data.values() for key in keys_in(value)}
    if isinstance(data, list):
        return {key for item in data for key in keys_in(item)}
    return set()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def as_alice(alice):
    client = APIClient()
    client.force_login(alice)
    return client


@pytest.fixture
def as_charlie(charlie):
    client = APIClient()
    client.force_login(charlie)
    return client


@pytest.fixture
def webinar(db):
    return SessionFactory(slug="prompting-live", title="Prompting live")


@pytest.fixture
def workshop(db):
    return SessionFactory(
        slug="geneva-workshop",
        kind=Session.Kind.WORKSHOP,
        join_url="",
        seats_online=0,
        seats_onsite=2,
        venue_name="Palais des Nations",
        city="Geneva",
        country="CH",
        starts_at=timezone.now() + timedelta(days=10),
    )


# --- Listing -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_listing_shows_upcoming_sessions_in_utc_with_the_venue_zone(api, webinar, workshop):
    start = datetime(2099, 6, 1, 9, 30, tzinfo=UTC)
    Session.objects.filter(pk=workshop.pk).update(
        starts_at=start, ends_at=start + timedelta(hours=2), registration_closes_at=start
    )
    SessionFactory(state=Session.State.CANCELLED)
    SessionFactory(
        starts_at=timezone.now() - timedelta(days=2),
        registration_opens_at=timezone.now() - timedelta(days=9),
    )
    BookingFactory(session=workshop, user=UserFactory(), mode=Booking.Mode.ONSITE)

    response = api.get(SESSIONS)

    assert response.status_code == 200
    results = response.json()["results"]
    assert [item["slug"] for item in results] == ["prompting-live", "geneva-workshop"]
    item = results[1]
    assert item["starts_at"] == "2099-06-01T09:30:00Z"
    assert item["ends_at"] == "2099-06-01T11:30:00Z"
    assert item["timezone"] == "Europe/Zurich"
    assert (item["venue_name"], item["city"], item["country"]) == (
        "Palais des Nations",
        "Geneva",
        "CH",
    )
    assert (item["seats_left_onsite"], item["seats_left_online"]) == (1, None)
    assert (item["kind"], item["state"], item["language"]) == ("workshop", "scheduled", "en")
    assert item["topic"]["slug"] == "generative-ai"
    assert item["url"] == "http://testserver" + workshop.get_absolute_url()
    assert results[0]["seats_left_online"] == 20
    assert "join_url" not in keys_in(response.json())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=workshop", {"geneva-workshop"}),
        ("kind=webinar", {"prompting-live", "french-session"}),
        ("language=fr", {"french-session"}),
        ("topic=ai-governance", {"french-session"}),
        ("country=CH", {"geneva-workshop"}),
        ("series=summit-2099", {"prompting-live"}),
        (
            "kind=&language=&topic=&country=&series=",
            {"prompting-live", "geneva-workshop", "french-session"},
        ),
    ],
)
def test_the_listing_filters_like_the_web_listing(api, webinar, workshop, query, expected):
    Session.objects.filter(pk=webinar.pk).update(
        series=Series.objects.create(name="Summit 2099", slug="summit-2099")
    )
    SessionFactory(slug="french-session", language="fr", topic=TopicFactory(slug="ai-governance"))

    response = api.get(f"{SESSIONS}?{query}")

    assert response.status_code == 200
    assert {item["slug"] for item in response.json()["results"]} == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("kind=party", "kind"),
        ("language=tlh", "language"),
        ("topic=astrology", "topic"),
        ("country=XX", "country"),
        ("series=nope", "series"),
    ],
)
def test_an_unknown_filter_value_is_a_400_naming_the_field(api, webinar, query, field):
    response = api.get(f"{SESSIONS}?{query}")

    assert response.status_code == 400
    assert list(response.json()) == [field]


@pytest.mark.django_db
def test_the_listing_is_paginated(api):
    SessionFactory.create_batch(21)

    first = api.get(SESSIONS).json()

    assert (first["count"], len(first["results"])) == (21, 20)
    assert first["next"] == "http://testserver/api/sessions/?page=2"


@pytest.mark.django_db
def test_the_listing_runs_as_many_queries_for_30_sessions_as_for_3(as_alice, alice):
    def count_queries() -> int:
        as_alice.get(SESSIONS)  # warms the session cache
        with CaptureQueriesContext(connection) as queries:
            response = as_alice.get(SESSIONS)
        assert response.status_code == 200
        return len(queries)

    sessions = SessionFactory.create_batch(3)
    BookingFactory(session=sessions[0], user=alice)
    with_3 = count_queries()
    series = Series.objects.create(name="Summit", slug="summit")
    for session in SessionFactory.create_batch(27, series=series):
        BookingFactory(session=session, user=alice)
    with_30 = count_queries()

    assert with_3 == with_30


# --- One session and its join link -------------------------------------------------------------


@pytest.mark.django_db
def test_a_session_shows_registration_and_hides_the_join_link_from_strangers(
    api, as_charlie, webinar
):
    anonymous = api.get(detail_url(webinar)).json()
    charlie = as_charlie.get(detail_url(webinar)).json()

    assert anonymous["registration"] == "open"
    assert anonymous["description"] == "What we will cover together."
    assert (anonymous["join_url"], anonymous["my_booking"]) == (None, None)
    assert (charlie["join_url"], charlie["my_booking"]) == (None, None)


@pytest.mark.django_db
def test_the_join_link_is_only_for_a_confirmed_online_seat(as_alice, as_charlie, alice, webinar):
    booking = BookingFactory(session=webinar, user=alice)

    mine = as_alice.get(detail_url(webinar)).json()
    charlies = as_charlie.get(detail_url(webinar)).json()
    booking.state = Booking.State.WAITLISTED
    booking.save()
    waiting = as_alice.get(detail_url(webinar)).json()

    assert mine["join_url"] == "https://meet.example.org/room"
    assert mine["my_booking"] == {"mode": "online", "state": "confirmed"}
    assert charlies["join_url"] is None
    assert waiting["join_url"] is None


@pytest.mark.django_db
def test_an_unknown_session_is_a_404(api):
    assert api.get(f"{SESSIONS}nope/").status_code == 404


# --- Booking -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_booking_gives_a_seat_and_booking_again_changes_nothing(as_alice, alice, webinar):
    first = as_alice.post(booking_url(webinar), {"mode": "online"}, format="json")
    again = as_alice.post(booking_url(webinar), {"mode": "online"}, format="json")

    assert first.status_code == 201
    assert first.json()["state"] == "confirmed"
    assert first.json()["session"]["slug"] == "prompting-live"
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert Booking.objects.filter(user=alice).count() == 1


@pytest.mark.django_db
def test_when_the_seats_are_gone_one_is_waitlisted(as_alice, workshop):
    for _ in range(2):
        BookingFactory(session=workshop, user=UserFactory(), mode=Booking.Mode.ONSITE)

    response = as_alice.post(booking_url(workshop), {"mode": "onsite"}, format="json")

    assert response.status_code == 201
    assert response.json()["state"] == "waitlisted"


def _cancelled(session):
    session.state = Session.State.CANCELLED
    session.save()


def _closed(session):
    session.registration_closes_at = timezone.now() - timedelta(minutes=1)
    session.save()


def _not_open(session):
    session.registration_opens_at = timezone.now() + timedelta(days=1)
    session.save()


def _past(session):
    session.starts_at = timezone.now() - timedelta(hours=1)
    session.ends_at = timezone.now() + timedelta(hours=1)
    session.registration_opens_at = timezone.now() - timedelta(days=2)
    session.registration_closes_at = timezone.now() - timedelta(days=1)
    session.save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "mode", "code"),
    [
        (_cancelled, "online", "cancelled"),
        (_closed, "online", "closed"),
        (_not_open, "online", "not_open"),
        (_past, "online", "past"),
        (None, "onsite", "bad_mode"),
        (None, "by-pigeon", "bad_mode"),
    ],
)
def test_a_booking_refused_is_a_400_with_a_code_and_writes_nothing(
    as_alice, webinar, change, mode, code
):
    if change:
        change(webinar)

    response = as_alice.post(booking_url(webinar), {"mode": mode}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == code
    assert response.json()["detail"]
    assert not Booking.objects.exists()


@pytest.mark.django_db
def test_booking_without_a_mode_is_a_400_naming_the_field(as_alice, webinar):
    response = as_alice.post(booking_url(webinar), {}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["mode"]
    assert not Booking.objects.exists()


@pytest.mark.django_db
def test_booking_needs_a_signed_in_person_and_a_real_session(api, as_alice, webinar):
    assert api.post(booking_url(webinar), {"mode": "online"}, format="json").status_code == 403
    missing = as_alice.post(f"{SESSIONS}nope/booking/", {"mode": "online"}, format="json")
    assert missing.status_code == 404
    assert not Booking.objects.exists()


# --- Cancelling and my bookings ----------------------------------------------------------------


@pytest.mark.django_db
def test_cancelling_frees_the_seat_for_the_first_person_waiting(as_alice, alice, charlie, workshop):
    mine = BookingFactory(session=workshop, user=alice, mode=Booking.Mode.ONSITE)
    BookingFactory(session=workshop, user=UserFactory(), mode=Booking.Mode.ONSITE)
    waiting = BookingFactory(
        session=workshop, user=charlie, mode=Booking.Mode.ONSITE, state=Booking.State.WAITLISTED
    )

    response = as_alice.delete(booking_url(workshop))

    assert response.status_code == 200
    assert (response.json()["id"], response.json()["state"]) == (mine.pk, "cancelled")
    assert response.json()["cancelled_at"]
    waiting.refresh_from_db()
    assert waiting.state == Booking.State.CONFIRMED
    assert as_alice.delete(booking_url(workshop)).status_code == 404


@pytest.mark.django_db
def test_charlie_cannot_cancel_alices_booking(as_charlie, alice, webinar):
    alices = BookingFactory(session=webinar, user=alice)

    response = as_charlie.delete(booking_url(webinar))

    assert response.status_code == 404
    alices.refresh_from_db()
    assert (alices.state, alices.cancelled_at) == (Booking.State.CONFIRMED, None)


@pytest.mark.django_db
def test_my_bookings_are_my_live_ones_and_nobody_elses(
    as_alice, as_charlie, alice, charlie, webinar, workshop
):
    BookingFactory(session=workshop, user=alice, mode=Booking.Mode.ONSITE)
    BookingFactory(
        session=webinar,
        user=alice,
        state=Booking.State.CANCELLED,
        cancelled_at=timezone.now(),
    )
    BookingFactory(session=webinar, user=charlie, state=Booking.State.WAITLISTED)

    alices = as_alice.get(MY_BOOKINGS).json()["results"]
    charlies = as_charlie.get(MY_BOOKINGS).json()["results"]

    assert [(b["session"]["slug"], b["state"]) for b in alices] == [
        ("geneva-workshop", "confirmed")
    ]
    assert [(b["session"]["slug"], b["state"]) for b in charlies] == [
        ("prompting-live", "waitlisted")
    ]
    assert "join_url" not in keys_in(alices)


@pytest.mark.django_db
def test_my_bookings_need_a_signed_in_person(api):
    assert api.get(MY_BOOKINGS).status_code == 403
