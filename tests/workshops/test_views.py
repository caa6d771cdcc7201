"""The workshops pages: finding a session, booking it, adding it to a calendar, checking in.

The cast: Alice books; Bob books too (and waits when seats run out); Charlie must never see
Alice's things; Eve is staff.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from courses import services as course_services
from courses.models import Enrolment
from tests.courses.factories import TopicFactory, build_course
from tests.factories import UserFactory
from tests.workshops.factories import BookingFactory, SessionFactory
from workshops import services
from workshops.models import Booking, CalendarFeed, Series, Session
from workshops.selectors import attendance_requirement, sessions_of_course_version

pytestmark = pytest.mark.django_db

JOIN_URL = "https://meet.example.org/room"
GENEVA = {
    "kind": Session.Kind.WORKSHOP,
    "venue_name": "Palexpo",
    "address": "Route François-Peyrot 30",
    "city": "Geneva",
    "country": "CH",
    "join_url": "",
    "seats_onsite": 30,
    "seats_online": 0,
}


@pytest.fixture
def bob(db):
    return UserFactory(email="bob@example.org", display_name="Bob Banda")


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def page_of(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content.decode()[:500]
    return response.content.decode()


def held_days_ago(days: int, **fields):
    start = timezone.now() - timedelta(days=days)
    return SessionFactory(
        **{
            "starts_at": start,
            "ends_at": start + timedelta(hours=1),
            "registration_opens_at": start - timedelta(days=30),
            "registration_closes_at": start,
            **fields,
        }
    )


def in_geneva_in_july(**fields):
    start = datetime(2030, 7, 8, 7, 0, tzinfo=UTC)  # 09:00 in Geneva, 10:00 in Nairobi
    return SessionFactory(
        **{**GENEVA, "starts_at": start, "ends_at": start + timedelta(hours=2), **fields}
    )


# --- The listing -------------------------------------------------------------------------------


def test_the_listing_shows_upcoming_scheduled_sessions_only(client):
    SessionFactory(title="Coming up")
    SessionFactory(title="Called off", state=Session.State.CANCELLED)
    held_days_ago(3, title="Long gone")
    SessionFactory(title="Already held", state=Session.State.COMPLETED)

    page = page_of(client, "/workshops/")

    assert "Coming up" in page
    assert "Called off" not in page and "Long gone" not in page and "Already held" not in page
    assert "1 session" in page


def test_the_listing_filters_by_type_language_topic_country_and_series(client):
    summit = Series.objects.create(name="Summit", slug="summit")
    wanted = in_geneva_in_july(title="Wanted", language="fr", series=summit)
    wanted.topic = TopicFactory(slug="machine-learning")
    wanted.save()
    in_geneva_in_july(title="Other language", language="en", series=summit)
    SessionFactory(title="Online only", language="fr", series=summit)

    page = page_of(
        client,
        "/workshops/",
        kind="workshop",
        language="fr",
        topic="machine-learning",
        country="CH",
        series="summit",
    )

    assert "Wanted" in page
    assert "Other language" not in page and "Online only" not in page
    assert "1 session" in page


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "lecture"},
        {"language": "tlh"},
        {"topic": "astrology"},
        {"country": "XX"},
        {"series": "no-such-series"},
        {"when": "someday"},
    ],
)
def test_unknown_filters_are_a_clear_400(client, params):
    SessionFactory(title="Coming up")

    response = client.get("/workshops/", params)

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert "Coming up" not in response.content.decode()


def test_the_listing_paginates_twenty_at_a_time_and_survives_any_page_number(client):
    for _ in range(25):
        SessionFactory()

    first = page_of(client, "/workshops/")
    beyond = page_of(client, "/workshops/", page="999")
    nonsense = client.get("/workshops/", {"page": "abc"})

    assert "Page 1 of 2" in first and first.count('class="card session-card"') == 20
    assert "Page 2 of 2" in beyond and beyond.count('class="card session-card"') == 5
    assert nonsense.status_code == 200


def test_past_sessions_are_listed_most_recent_first_with_their_recordings(client):
    older = in_geneva_in_july(
        title="Older workshop",
        state=Session.State.COMPLETED,
        recording_url="https://example.org/recordings/older",
    )
    older.starts_at -= timedelta(days=365)
    older.ends_at -= timedelta(days=365)
    older.save()
    in_geneva_in_july(title="Unrecorded workshop", state=Session.State.COMPLETED)
    SessionFactory(title="Coming up")
    SessionFactory(title="Called off", state=Session.State.CANCELLED)

    page = page_of(client, "/workshops/", when="past")

    assert "Coming up" not in page and "Called off" not in page
    assert page.index("Unrecorded workshop") < page.index("Older workshop")
    assert 'href="https://example.org/recordings/older"' in page
    assert page.count("Watch the recording") == 1
    assert "No recording" in page


def test_times_are_in_the_chosen_zone_and_on_site_also_in_the_venues_local_time(client):
    in_geneva_in_july(title="Geneva workshop")

    page = page_of(client, "/workshops/", tz="Africa/Nairobi")

    assert '<time datetime="2030-07-08T10:00:00+03:00">' in page
    assert "(Africa/Nairobi)" in page
    assert "Local time at the venue:" in page
    assert '<time datetime="2030-07-08T09:00:00+02:00">' in page
    assert "(Europe/Zurich)" in page
    # The chosen zone travels on to the session's page.
    assert "?tz=Africa%2FNairobi" in page


def test_times_are_in_utc_by_default_and_online_sessions_have_no_venue_time(client):
    start = datetime(2030, 7, 8, 7, 0, tzinfo=UTC)
    SessionFactory(starts_at=start, ends_at=start + timedelta(hours=1))

    page = page_of(client, "/workshops/")

    assert '<time datetime="2030-07-08T07:00:00+00:00">' in page
    assert "(UTC)" in page
    assert "Local time at the venue" not in page


def test_a_signed_in_learners_profile_zone_wins(client, alice):
    alice.timezone = "America/Bogota"
    alice.save()
    in_geneva_in_july()
    client.force_login(alice)

    page = page_of(client, "/workshops/", tz="Asia/Tokyo")

    assert '<time datetime="2030-07-08T02:00:00-05:00">' in page
    assert "time zone of your profile, America/Bogota" in page


@pytest.mark.parametrize("path", ["/workshops/", "/workshops/{slug}/"])
def test_an_unknown_time_zone_is_a_400_that_says_so(client, path):
    session = SessionFactory()

    response = client.get(path.format(slug=session.slug), {"tz": "Mars/Olympus_Mons"})

    assert response.status_code == 400
    assert "is not a time zone we know" in response.content.decode()


def test_the_listing_runs_a_constant_number_of_queries(client, alice):
    summit = Series.objects.create(name="Summit", slug="summit")
    for _ in range(3):
        in_geneva_in_july(series=summit, organisation=None)
    few = count_queries(client, "/workshops/?tz=Africa/Nairobi")
    client.force_login(alice)
    few_signed_in = count_queries(client, "/workshops/")
    client.logout()

    for number in range(27):
        session = SessionFactory(series=summit, kind="hybrid", venue_name="CICG", seats_onsite=5)
        BookingFactory(session=session, user=alice if number % 2 else UserFactory())

    assert count_queries(client, "/workshops/?tz=Africa/Nairobi") == few
    client.force_login(alice)
    assert count_queries(client, "/workshops/") == few_signed_in


def test_the_home_page_lists_the_next_four_sessions(client):
    for number in range(6):
        SessionFactory(
            title=f"Session number {number}",
            starts_at=timezone.now() + timedelta(days=number + 1),
        )

    page = page_of(client, "/")

    assert "Session number 0" in page and "Session number 3" in page
    assert "Session number 4" not in page


# --- A session's page --------------------------------------------------------------------------


def test_the_session_page_shows_what_a_learner_needs_to_decide(client, alice):
    session = in_geneva_in_july(
        kind="hybrid",
        title="AI for public health",
        description="We build a model together.",
        speakers="Dr Ada Lovelace",
        language="fr",
        series=Series.objects.create(name="AI for Good Summit", slug="summit"),
        seats_onsite=2,
        seats_online=10,
        join_url=JOIN_URL,
    )
    services.booking_create(user=alice, session=session, mode="onsite")

    page = page_of(client, f"/workshops/{session.slug}/")

    for text in (
        "AI for public health",
        "Hybrid (on site and online)",
        "We build a model together.",
        "Dr Ada Lovelace",
        "French",
        "Generative AI",
        "AI for Good Summit",
        "Palexpo",
        "Route François-Peyrot 30",
        "Geneva",
        "Switzerland",
        "1 seat left on site",
        "10 seats left online",
        "Registration",
        "Scheduled",
        "Sign in to book a seat",
    ):
        assert text in page, text
    assert 'lang="fr"' in page


def test_an_unknown_session_is_a_404(client):
    assert client.get("/workshops/no-such-session/").status_code == 404


def test_the_recording_is_linked_from_a_past_sessions_page(client):
    session = in_geneva_in_july(
        state=Session.State.COMPLETED, recording_url="https://example.org/recordings/x"
    )

    page = page_of(client, f"/workshops/{session.slug}/")

    assert 'href="https://example.org/recordings/x"' in page
    assert "This session has already taken place." in page


@pytest.mark.parametrize(
    ("who", "mode", "state", "sees_the_link"),
    [
        ("alice", "online", "confirmed", True),
        ("alice", "online", "waitlisted", False),
        ("alice", "onsite", "confirmed", False),
        ("charlie", None, None, False),
        ("anonymous", None, None, False),
    ],
)
def test_only_a_confirmed_online_attendee_ever_sees_the_join_link(
    client, alice, charlie, who, mode, state, sees_the_link
):
    session = SessionFactory(
        kind="hybrid", venue_name="CICG", seats_onsite=5, join_url="https://meet.example.org/secret"
    )
    if mode:
        BookingFactory(session=session, user=alice, mode=mode, state=state)
    if who != "anonymous":
        client.force_login(alice if who == "alice" else charlie)

    page = page_of(client, f"/workshops/{session.slug}/")
    listing = page_of(client, "/workshops/")
    invitation = client.get(f"/workshops/{session.slug}/calendar.ics").content.decode()

    assert ("meet.example.org/secret" in page) is sees_the_link
    assert ("meet.example.org/secret" in invitation) is sees_the_link
    assert "meet.example.org/secret" not in listing


def test_the_join_link_is_gone_once_the_session_is_cancelled(client, alice):
    session = SessionFactory(join_url="https://meet.example.org/secret")
    BookingFactory(session=session, user=alice)
    services.session_cancel(session=session)
    client.force_login(alice)

    page = page_of(client, f"/workshops/{session.slug}/")

    assert "meet.example.org/secret" not in page
    assert "This session has been cancelled." in page


def test_the_session_page_runs_a_constant_number_of_queries(client, alice):
    small = SessionFactory()
    large = SessionFactory(kind="hybrid", venue_name="CICG", seats_onsite=50)
    for number in range(30):
        BookingFactory(session=large, user=UserFactory(), mode="onsite" if number % 2 else "online")
    BookingFactory(session=small, user=alice)
    BookingFactory(session=large, user=alice)

    assert count_queries(client, f"/workshops/{small.slug}/") == count_queries(
        client, f"/workshops/{large.slug}/"
    )
    client.force_login(alice)
    count_queries(client, f"/workshops/{large.slug}/")  # warm the session
    assert count_queries(client, f"/workshops/{small.slug}/") == count_queries(
        client, f"/workshops/{large.slug}/"
    )


# --- Booking and cancelling --------------------------------------------------------------------


def test_a_learner_books_a_seat_and_the_page_says_so(client, alice, mailoutbox):
    session = SessionFactory()
    client.force_login(alice)

    response = client.post(f"/workshops/{session.slug}/book/", {"mode": "online"}, follow=True)

    booking = Booking.objects.get(user=alice, session=session)
    assert booking.state == "confirmed" and booking.mode == "online"
    page = response.content.decode()
    assert "Your seat is confirmed" in page
    assert "You have a seat (Online)." in page
    assert JOIN_URL in page
    assert "19 seats left online" in page


def test_a_full_session_puts_the_learner_on_the_waiting_list(client, alice, bob):
    session = SessionFactory(seats_online=1)
    services.booking_create(user=alice, session=session, mode="online")
    client.force_login(bob)

    page = client.post(
        f"/workshops/{session.slug}/book/", {"mode": "online"}, follow=True
    ).content.decode()

    assert Booking.objects.get(user=bob).state == "waitlisted"
    assert "You are on the waiting list (Online)." in page
    assert JOIN_URL not in page


def test_a_hybrid_session_asks_how_the_learner_attends_and_books_that_way(client, alice):
    session = SessionFactory(kind="hybrid", venue_name="CICG", seats_onsite=3)
    client.force_login(alice)

    form = page_of(client, f"/workshops/{session.slug}/")
    client.post(f"/workshops/{session.slug}/book/", {"mode": "onsite"})

    assert "How will you attend?" in form and 'type="radio"' in form
    assert Booking.objects.get(user=alice).mode == "onsite"


@pytest.mark.parametrize(
    ("session_fields", "mode", "message"),
    [
        ({"state": Session.State.CANCELLED}, "online", "This session has been cancelled."),
        ({"state": Session.State.COMPLETED}, "online", "This session has already started."),
        (
            {"registration_closes_at": timezone.now() - timedelta(minutes=1)},
            "online",
            "Registration for this session has closed.",
        ),
        (
            {"registration_opens_at": timezone.now() + timedelta(days=1)},
            "online",
            "Registration for this session has not opened yet.",
        ),
        ({}, "onsite", "This session cannot be attended that way."),
        ({}, "teleport", "Select a valid choice"),
        ({}, "", "This field is required"),
    ],
)
def test_a_booking_that_cannot_be_made_is_a_clear_400_and_writes_nothing(
    client, alice, mailoutbox, django_capture_on_commit_callbacks, session_fields, mode, message
):
    fields = {"registration_opens_at": timezone.now() - timedelta(days=2), **session_fields}
    session = SessionFactory(**fields)
    client.force_login(alice)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/workshops/{session.slug}/book/", {"mode": mode})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Booking.objects.exists()
    assert mailoutbox == []


def test_a_session_that_has_started_takes_no_more_bookings(client, alice):
    start = timezone.now() - timedelta(minutes=10)
    session = SessionFactory(
        starts_at=start, ends_at=start + timedelta(hours=1), registration_closes_at=start
    )
    client.force_login(alice)

    response = client.post(f"/workshops/{session.slug}/book/", {"mode": "online"})

    assert response.status_code == 400
    assert "already started" in response.content.decode()
    assert not Booking.objects.exists()


def test_booking_needs_a_signed_in_learner_and_a_post(client, alice):
    session = SessionFactory()

    anonymous = client.post(f"/workshops/{session.slug}/book/", {"mode": "online"})
    client.force_login(alice)
    by_get = client.get(f"/workshops/{session.slug}/book/")

    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert by_get.status_code == 405
    assert not Booking.objects.exists()


def test_cancelling_frees_the_seat_for_the_first_person_waiting(client, alice, bob, mailoutbox):
    session = SessionFactory(seats_online=1)
    services.booking_create(user=alice, session=session, mode="online")
    services.booking_create(user=bob, session=session, mode="online")
    client.force_login(alice)

    page = client.post(f"/workshops/{session.slug}/cancel/", follow=True).content.decode()

    assert "Your booking is cancelled." in page
    assert "Book a seat" in page
    assert Booking.objects.get(user=alice).state == "cancelled"
    assert Booking.objects.get(user=bob).state == "confirmed"


def test_a_learner_can_book_again_after_cancelling(client, alice):
    session = SessionFactory()
    client.force_login(alice)

    client.post(f"/workshops/{session.slug}/book/", {"mode": "online"})
    client.post(f"/workshops/{session.slug}/cancel/")
    client.post(f"/workshops/{session.slug}/book/", {"mode": "online"})

    assert sorted(Booking.objects.filter(user=alice).values_list("state", flat=True)) == [
        "cancelled",
        "confirmed",
    ]


def test_booking_twice_keeps_the_first_booking_and_says_so(
    client, alice, mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(kind="hybrid", venue_name="CICG", seats_onsite=3)
    client.force_login(alice)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/workshops/{session.slug}/book/", {"mode": "online"})
        page = client.post(
            f"/workshops/{session.slug}/book/", {"mode": "onsite"}, follow=True
        ).content.decode()

    assert "You already have a place at this session." in page
    assert list(Booking.objects.values_list("mode", "state")) == [("online", "confirmed")]
    assert [message.to for message in mailoutbox] == [[alice.email]]


def test_a_booking_of_a_cancelled_session_frees_no_seat_for_anyone_waiting(
    client, alice, bob, mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(seats_online=1)
    services.booking_create(user=alice, session=session, mode="online")
    services.booking_create(user=bob, session=session, mode="online")
    services.session_cancel(session=session)
    client.force_login(alice)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/workshops/{session.slug}/cancel/")

    # The session's cancellation cancelled every booking: nothing is left to free or promote.
    assert response.status_code in (400, 404)
    assert Booking.objects.get(user=bob).state == "cancelled"
    assert mailoutbox == []


def test_nobody_cancels_someone_elses_booking_through_the_page(client, alice, charlie):
    session = SessionFactory()
    booking = services.booking_create(user=alice, session=session, mode="online")
    client.force_login(charlie)

    response = client.post(f"/workshops/{session.slug}/cancel/", {"booking": booking.pk})

    assert response.status_code == 404
    assert "You have no booking of this session to cancel." in response.content.decode()
    booking.refresh_from_db()
    assert booking.state == "confirmed"


def test_a_booking_cannot_be_cancelled_once_the_session_has_started(client, alice):
    start = timezone.now() - timedelta(minutes=5)
    booking = BookingFactory(
        user=alice,
        session=SessionFactory(
            starts_at=start, ends_at=start + timedelta(hours=1), registration_closes_at=start
        ),
    )
    client.force_login(alice)

    page = page_of(client, f"/workshops/{booking.session.slug}/")
    response = client.post(f"/workshops/{booking.session.slug}/cancel/")

    assert "Cancel my booking" not in page
    assert response.status_code == 400
    assert "can no longer be cancelled" in response.content.decode()
    booking.refresh_from_db()
    assert booking.state == "confirmed"


# --- Calendars ---------------------------------------------------------------------------------


def test_add_to_calendar_downloads_an_invitation_in_the_venues_time_zone(client):
    session = in_geneva_in_july(title="Geneva workshop")

    response = client.get(f"/workshops/{session.slug}/calendar.ics")

    assert response["Content-Type"] == "text/calendar"
    assert response["Content-Disposition"] == f'attachment; filename="{session.slug}.ics"'
    calendar = Calendar.from_ical(response.content)
    event = calendar.walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert str(event["summary"]) == "Geneva workshop"
    assert str(start.tzinfo) == "Europe/Zurich" and start.hour == 9
    assert start.astimezone(UTC) == session.starts_at
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Zurich"]
    assert "Palexpo" in str(event["location"])


def test_my_calendar_gives_a_private_feed_address_to_signed_in_learners_only(client, alice):
    assert client.get("/workshops/my-calendar/").status_code == 302
    client.force_login(alice)

    page = page_of(client, "/workshops/my-calendar/")

    feed = CalendarFeed.objects.get(user=alice)
    assert f"/workshops/feed/{feed.token}.ics" in page
    assert "Reset the address" in page
    page_of(client, "/workshops/my-calendar/")
    assert CalendarFeed.objects.get(user=alice).token == feed.token


def test_the_feed_holds_the_confirmed_bookings_of_scheduled_sessions_only(client, alice, charlie):
    mine = SessionFactory(title="Mine, confirmed", join_url="https://meet.example.org/mine")
    BookingFactory(session=mine, user=alice)
    BookingFactory(session=SessionFactory(title="Mine, waiting"), user=alice, state="waitlisted")
    BookingFactory(session=SessionFactory(title="Mine, cancelled"), user=alice, state="cancelled")
    BookingFactory(
        session=SessionFactory(title="Called off", state=Session.State.CANCELLED), user=alice
    )
    BookingFactory(session=SessionFactory(title="Charlie's"), user=charlie)
    feed = CalendarFeed.objects.create(user=alice)

    response = client.get(f"/workshops/feed/{feed.token}.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Mine, confirmed"]
    assert "https://meet.example.org/mine" in str(events[0]["location"])


def test_a_wrong_feed_token_is_a_404(client, alice):
    CalendarFeed.objects.create(user=alice)

    assert client.get("/workshops/feed/not-the-token.ics").status_code == 404


def test_resetting_the_address_ends_the_old_one(client, alice):
    BookingFactory(session=SessionFactory(), user=alice)
    client.force_login(alice)
    page_of(client, "/workshops/my-calendar/")
    old = CalendarFeed.objects.get(user=alice).token

    page = client.post("/workshops/my-calendar/reset/", follow=True).content.decode()

    new = CalendarFeed.objects.get(user=alice).token
    assert new != old
    assert f"/workshops/feed/{new}.ics" in page and old not in page
    assert client.get(f"/workshops/feed/{old}.ics").status_code == 404
    assert client.get(f"/workshops/feed/{new}.ics").status_code == 200


# --- Staff check people in ---------------------------------------------------------------------


def test_staff_check_people_in_and_only_those_ticked_are_marked_attended(client, eve, alice, bob):
    session = SessionFactory()
    alices = BookingFactory(session=session, user=alice)
    bobs = BookingFactory(session=session, user=bob, attended=True)
    BookingFactory(
        session=session, user=UserFactory(email="waiting@example.org"), state="waitlisted"
    )
    client.force_login(eve)

    page = page_of(client, f"/workshops/{session.slug}/check-in/")
    response = client.post(f"/workshops/{session.slug}/check-in/", {"attended": [alices.pk]})

    assert "Alice Achieng" in page and "alice@example.org" in page and "bob@example.org" in page
    assert "waiting@example.org" not in page
    assert response.status_code == 302
    alices.refresh_from_db()
    bobs.refresh_from_db()
    assert alices.attended and not bobs.attended


def test_check_in_refuses_a_booking_of_another_session(client, eve, alice, charlie):
    session = SessionFactory()
    alices = BookingFactory(session=session, user=alice)
    elsewhere = BookingFactory(session=SessionFactory(), user=charlie)
    client.force_login(eve)

    response = client.post(
        f"/workshops/{session.slug}/check-in/", {"attended": [alices.pk, elsewhere.pk]}
    )

    assert response.status_code == 400
    assert not Booking.objects.filter(attended=True).exists()


@pytest.mark.parametrize("who", ["anonymous", "learner", "staff without an authenticator"])
def test_the_check_in_list_is_for_staff_only(client, alice, who):
    session = SessionFactory()
    booking = BookingFactory(session=session, user=alice)
    if who == "learner":
        client.force_login(UserFactory(email="learner@example.org"))
    elif who == "staff without an authenticator":
        client.force_login(UserFactory(email="new-staff@example.org", is_staff=True))

    shown = client.get(f"/workshops/{session.slug}/check-in/")
    posted = client.post(f"/workshops/{session.slug}/check-in/", {"attended": [booking.pk]})

    for response in (shown, posted):
        assert response.status_code in (302, 403)
        assert "alice@example.org" not in response.content.decode()
    booking.refresh_from_db()
    assert not booking.attended


# --- Blended courses: live sessions and attendance --------------------------------------------


def test_a_blended_course_lists_its_scheduled_live_sessions(client):
    version = build_course(format="blended")
    live = SessionFactory(title="Live clinic", course=version.course)
    SessionFactory(title="Called off", course=version.course, state=Session.State.CANCELLED)
    SessionFactory(title="Another course's")

    page = page_of(client, version.get_absolute_url())

    assert list(sessions_of_course_version(version=version)) == [live]
    assert "Live clinic" in page and f'href="/workshops/{live.slug}/"' in page
    assert "Called off" not in page and "Another course's" not in page


def test_attendance_counts_toward_a_blended_course_but_not_a_self_paced_one(alice):
    blended = build_course(modules=1, lessons_per_module=1, with_quiz=False, format="blended")
    self_paced = build_course(modules=1, lessons_per_module=1, with_quiz=False)
    attended, missed = (SessionFactory(course=blended.course) for _ in range(2))
    SessionFactory(course=blended.course, state=Session.State.CANCELLED)
    SessionFactory(course=self_paced.course)
    BookingFactory(session=attended, user=alice, attended=True)
    BookingFactory(session=missed, user=alice)

    in_blended = course_services.enrolment_create(user=alice, version=blended)
    in_self_paced = course_services.enrolment_create(user=alice, version=self_paced)

    assert attendance_requirement(enrolment=in_blended) == (1, 2)
    assert attendance_requirement(enrolment=in_self_paced) == (0, 0)


def test_checking_in_completes_a_blended_course_whose_lessons_are_done(client, eve, alice):
    version = build_course(modules=1, lessons_per_module=1, with_quiz=False, format="blended")
    session = SessionFactory(course=version.course)
    booking = BookingFactory(session=session, user=alice)
    course_services.enrolment_create(user=alice, version=version)
    lesson = version.modules.get().lessons.get()
    enrolment = course_services.lesson_complete(user=alice, lesson=lesson)
    assert enrolment.progress_percent == 50

    client.force_login(eve)
    client.post(f"/workshops/{session.slug}/check-in/", {"attended": [booking.pk]})

    enrolment = Enrolment.objects.get(user=alice, version=version)
    assert enrolment.progress_percent == 100 and enrolment.completed_at is not None
