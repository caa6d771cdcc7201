import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone
from icalendar import Calendar

from tests.factories import UserFactory
from tests.workshops.factories import BookingFactory, SessionFactory
from workshops import services
from workshops.calendar import session_calendar
from workshops.models import Booking, Reminder, Session


@pytest.fixture
def mails(mailoutbox, django_capture_on_commit_callbacks):
    """Run the e-mails queued on commit, and hand over the outbox."""
    with django_capture_on_commit_callbacks(execute=True):
        yield mailoutbox


@pytest.mark.django_db
def test_a_seat_is_confirmed_while_seats_remain_then_people_wait(mails):
    session = SessionFactory(seats_online=1)
    first, second = UserFactory(), UserFactory()

    seat = services.booking_create(user=first, session=session, mode="online")
    queue = services.booking_create(user=second, session=session, mode="online")

    assert seat.state == "confirmed" and queue.state == "waitlisted"


@pytest.mark.django_db
def test_booking_twice_returns_the_same_booking(alice):
    session = SessionFactory()

    first = services.booking_create(user=alice, session=session, mode="online")
    again = services.booking_create(user=alice, session=session, mode="online")

    assert first.pk == again.pk
    assert Booking.objects.count() == 1


@pytest.mark.django_db
def test_a_confirmation_carries_a_calendar_invitation_in_the_venues_time_zone(
    alice, django_capture_on_commit_callbacks, mailoutbox
):
    session = SessionFactory(
        starts_at=datetime(2030, 7, 8, 7, 0, tzinfo=UTC),
        ends_at=datetime(2030, 7, 8, 9, 0, tzinfo=UTC),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_create(user=alice, session=session, mode="online")

    message = mailoutbox[0]
    assert session.title in message.subject
    assert "https://meet.example.org/room" in message.body
    _name, content, _mimetype = message.attachments[0]
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Zurich"
    assert start.hour == 9  # 07:00 UTC is 09:00 in Geneva in July
    assert start.astimezone(UTC) == session.starts_at


@pytest.mark.django_db
def test_a_freed_seat_goes_to_the_first_person_waiting_who_is_told(
    alice, charlie, mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(seats_online=1)
    waiting_first, waiting_second = UserFactory(), UserFactory()
    seat = services.booking_create(user=alice, session=session, mode="online")
    first = services.booking_create(user=waiting_first, session=session, mode="online")
    services.booking_create(user=waiting_second, session=session, mode="online")

    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(booking=seat, user=alice)

    first.refresh_from_db()
    assert first.state == "confirmed"
    assert Booking.objects.filter(state="waitlisted").count() == 1
    assert mailoutbox[-1].to == [waiting_first.email]
    assert "freed up" in mailoutbox[-1].subject


@pytest.mark.django_db
def test_nobody_cancels_someone_elses_booking(alice, charlie):
    booking = services.booking_create(user=alice, session=SessionFactory(), mode="online")

    with pytest.raises(PermissionDenied):
        services.booking_cancel(booking=booking, user=charlie)

    booking.refresh_from_db()
    assert booking.state == "confirmed"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("session_fields", "mode", "code"),
    [
        ({"state": Session.State.CANCELLED}, "online", "cancelled"),
        ({"starts_at": timezone.now() - timedelta(hours=1)}, "online", "past"),
        ({"registration_closes_at": timezone.now() - timedelta(minutes=1)}, "online", "closed"),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "online", "not_open"),
        ({}, "onsite", "bad_mode"),
    ],
)
def test_closed_sessions_refuse_bookings_and_nothing_is_written(alice, session_fields, mode, code):
    fields = {"registration_opens_at": timezone.now() - timedelta(days=2), **session_fields}
    if "starts_at" in session_fields:
        fields["ends_at"] = session_fields["starts_at"] + timedelta(hours=1)
        fields["registration_closes_at"] = session_fields["starts_at"]
    session = SessionFactory(**fields)

    with pytest.raises(ValidationError) as refused:
        services.booking_create(user=alice, session=session, mode=mode)

    assert refused.value.code == code
    assert not Booking.objects.exists()


@pytest.mark.django_db
def test_a_started_session_can_no_longer_be_cancelled(alice):
    booking = BookingFactory(
        user=alice,
        session=SessionFactory(
            starts_at=timezone.now() - timedelta(minutes=5),
            registration_closes_at=timezone.now() - timedelta(minutes=5),
        ),
    )

    with pytest.raises(ValidationError, match="started"):
        services.booking_cancel(booking=booking, user=alice)


@pytest.mark.django_db
def test_a_hybrid_session_counts_seats_on_site_and_online_apart():
    session = SessionFactory(
        kind="hybrid", seats_onsite=1, seats_online=1, venue_name="CICG", city="Geneva"
    )
    on_site, online, late = UserFactory(), UserFactory(), UserFactory()

    assert (
        services.booking_create(user=on_site, session=session, mode="onsite").state == "confirmed"
    )
    assert services.booking_create(user=online, session=session, mode="online").state == "confirmed"
    assert services.booking_create(user=late, session=session, mode="onsite").state == "waitlisted"


@pytest.mark.django_db
def test_staff_cancelling_a_session_tells_every_attendee(
    mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(seats_online=1)
    people = [UserFactory() for _ in range(3)]
    for person in people:
        services.booking_create(user=person, session=session, mode="online")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        told = services.session_cancel(session=session)

    assert told == 3
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in people)


def test_the_calendar_file_parses_back_with_its_time_zone():
    session = Session(
        pk=7,
        slug="geneva",
        title="AI for Good workshop",
        description="Hands on",
        starts_at=datetime(2025, 7, 8, 12, 0, tzinfo=UTC),
        ends_at=datetime(2025, 7, 8, 14, 0, tzinfo=UTC),
        timezone="Europe/Zurich",
        venue_name="Palexpo",
        city="Geneva",
        created_at=datetime(2025, 1, 1, tzinfo=UTC),
    )

    calendar = Calendar.from_ical(session_calendar(session))

    event = calendar.walk("VEVENT")[0]
    assert str(event["summary"]) == "AI for Good workshop"
    assert event.decoded("dtstart").hour == 14
    assert any(str(tz["tzid"]) == "Europe/Zurich" for tz in calendar.walk("VTIMEZONE"))
    assert "Palexpo" in str(event["location"])


# --- Reminders: sent exactly once, across DST changes ------------------------------------------


@pytest.mark.django_db
def test_reminders_go_out_once_a_day_before_and_once_an_hour_before(
    alice, mailoutbox, django_capture_on_commit_callbacks
):
    start = timezone.now() + timedelta(hours=23)
    session = SessionFactory(starts_at=start, ends_at=start + timedelta(hours=1))
    BookingFactory(user=alice, session=session)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send_due() == 1
        assert services.reminders_send_due() == 0  # a re-run sends nothing
        assert services.reminders_send_due(now=start - timedelta(minutes=50)) == 1
        assert services.reminders_send_due(now=start - timedelta(minutes=10)) == 0

    assert sorted(Reminder.objects.values_list("kind", flat=True)) == ["1h", "24h"]
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_reminders_follow_the_real_instant_across_a_daylight_saving_change(alice):
    # Europe/Zurich leaves summer time on 2030-10-27 at 03:00 local (01:00 UTC).
    start = datetime(2030, 10, 27, 10, 0, tzinfo=UTC)  # 11:00 in Geneva, after the change
    session = SessionFactory(
        starts_at=start, ends_at=start + timedelta(hours=1), registration_closes_at=start
    )
    BookingFactory(user=alice, session=session)

    before_change = datetime(2030, 10, 26, 10, 30, tzinfo=UTC)  # 23.5 h before, summer time
    assert services.reminders_send_due(now=before_change) == 1
    assert services.reminders_send_due(now=start - timedelta(hours=2)) == 0
    assert services.reminders_send_due(now=start - timedelta(minutes=30)) == 1
    assert services.reminders_send_due(now=start - timedelta(minutes=5)) == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_at_once_send_each_reminder_once():
    start = timezone.now() + timedelta(minutes=30)
    session = SessionFactory(starts_at=start, ends_at=start + timedelta(hours=1))
    for _ in range(10):
        BookingFactory(user=UserFactory(), session=session)
    sent = []

    def worker():
        try:
            sent.append(services.reminders_send_due())
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(sent) == 10
    assert Reminder.objects.count() == 10


# --- No overbooking, ever ----------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_hundred_people_racing_for_twenty_seats_never_overbook():
    session = SessionFactory(seats_online=20)
    people = [UserFactory() for _ in range(100)]
    errors = []
    barrier = threading.Barrier(100)

    def book(person):
        try:
            barrier.wait()
            services.booking_create(user=person, session=session, mode="online")
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Booking.objects.filter(state="confirmed").count() == 20
    assert Booking.objects.filter(state="waitlisted").count() == 80
    assert Booking.objects.count() == 100


@pytest.mark.django_db
def test_a_cancelled_session_cancels_its_bookings_and_tells_people_only_once(
    mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(seats_online=1)
    booked, waiting = UserFactory(), UserFactory()
    services.booking_create(user=booked, session=session, mode="online")
    services.booking_create(user=waiting, session=session, mode="online")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=session)
        assert services.session_cancel(session=session) == 0

    assert set(Booking.objects.values_list("state", flat=True)) == {"cancelled"}
    assert len(mailoutbox) == 2
    assert all("meet.example.org" not in m.body for m in mailoutbox)


@pytest.mark.django_db
def test_an_unknown_way_of_attending_is_refused(alice):
    with pytest.raises(ValidationError) as refused:
        services.booking_create(user=alice, session=SessionFactory(), mode="teleport")

    assert refused.value.code == "bad_mode"
    assert not Booking.objects.exists()


@pytest.mark.django_db
def test_publishing_a_recording_tells_the_people_who_had_a_seat(
    mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(seats_online=1)
    seated, waiting = UserFactory(), UserFactory()
    services.booking_create(user=seated, session=session, mode="online")
    services.booking_create(user=waiting, session=session, mode="online")
    session.recording_url = "https://example.org/recordings/session"
    session.save()
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        told = services.recording_announce(session=session)

    assert told == 1
    assert mailoutbox[0].to == [seated.email]
    assert "https://example.org/recordings/session" in mailoutbox[0].body


@pytest.mark.django_db
def test_more_seats_go_to_the_people_waiting_longest(
    mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(seats_online=1)
    people = [UserFactory() for _ in range(3)]
    for person in people:
        services.booking_create(user=person, session=session, mode="online")
    session.seats_online = 2
    session.save()

    with django_capture_on_commit_callbacks(execute=True):
        services.seats_changed(session=session)

    states = [Booking.objects.get(user=p).state for p in people]
    assert states == ["confirmed", "confirmed", "waitlisted"]
    assert "freed up" in mailoutbox[-1].subject
