"""Staff schedule sessions in the main admin: cancel them, close them, record who came."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler

from alliance.celery import app
from contributors.admin_site import partner_admin
from tests.factories import UserFactory
from tests.workshops.factories import BookingFactory, SessionFactory
from workshops import services
from workshops.models import Booking, Series, Session

pytestmark = pytest.mark.django_db


def act(client, model, action, objects):
    return client.post(
        f"/admin/workshops/{model}/",
        {"action": action, "_selected_action": [obj.pk for obj in objects]},
        follow=True,
    )


def test_staff_reach_every_workshops_admin_page(staff_client):
    session = SessionFactory(series=Series.objects.create(name="Summit", slug="summit"))
    booking = BookingFactory(session=session, user=UserFactory())

    for path in (
        "/admin/workshops/series/",
        "/admin/workshops/series/add/",
        f"/admin/workshops/series/{session.series.pk}/change/",
        "/admin/workshops/session/",
        "/admin/workshops/session/?state__exact=scheduled&kind__exact=webinar",
        "/admin/workshops/session/?q=live",
        "/admin/workshops/session/add/",
        f"/admin/workshops/session/{session.pk}/change/",
        "/admin/workshops/booking/",
        "/admin/workshops/booking/?state__exact=confirmed&attended__exact=0",
        f"/admin/workshops/booking/{booking.pk}/change/",
    ):
        assert staff_client.get(path).status_code == 200, path


def test_bookings_are_never_added_in_the_admin_so_seats_are_always_counted(staff_client):
    assert staff_client.get("/admin/workshops/booking/add/").status_code == 403


def test_cancelling_sessions_tells_every_attendee_once(
    staff_client, mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(seats_online=1)
    people = [UserFactory() for _ in range(3)]
    for person in people:
        services.booking_create(user=person, session=session, mode="online")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = act(staff_client, "session", "cancel_sessions", [session])
    with django_capture_on_commit_callbacks(execute=True):
        again = act(staff_client, "session", "cancel_sessions", [session])

    session.refresh_from_db()
    assert session.state == "cancelled"
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in people)
    assert "1 session cancelled; 3 people told." in response.content.decode()
    assert "already cancelled or completed" in again.content.decode()


def test_only_sessions_that_have_started_are_marked_completed(staff_client):
    start = timezone.now() - timedelta(hours=2)
    held = SessionFactory(
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        registration_opens_at=start - timedelta(days=1),
        registration_closes_at=start,
    )
    coming = SessionFactory()

    response = act(staff_client, "session", "mark_completed", [held, coming])

    held.refresh_from_db()
    coming.refresh_from_db()
    assert held.state == "completed"
    assert coming.state == "scheduled"
    assert "1 session was left alone: it has not started" in response.content.decode()


def test_staff_mark_confirmed_bookings_attended(staff_client):
    session = SessionFactory()
    confirmed = BookingFactory(session=session, user=UserFactory())
    waiting = BookingFactory(session=session, user=UserFactory(), state="waitlisted")
    untouched = BookingFactory(session=session, user=UserFactory())

    act(staff_client, "booking", "mark_attended", [confirmed, waiting])

    assert list(Booking.objects.filter(attended=True)) == [confirmed]
    untouched.refresh_from_db()
    assert not untouched.attended


def test_the_session_list_links_each_session_to_its_check_in(staff_client):
    session = SessionFactory()

    page = staff_client.get("/admin/workshops/session/").content.decode()

    assert f'href="/workshops/{session.slug}/check-in/"' in page


def test_learners_cannot_reach_the_workshops_admin(client, alice):
    client.force_login(alice)

    response = client.get("/admin/workshops/session/")

    assert response.status_code == 302


def test_partners_do_not_schedule_sessions_in_their_admin():
    registered = {model._meta.app_label for model in partner_admin._registry}

    assert "workshops" not in registered
    assert Session not in partner_admin._registry


def test_beat_sends_the_reminders_every_five_minutes_as_a_periodic_task_staff_can_see(
    staff_client,
):
    # What beat's DatabaseScheduler does with each entry of the setting when it starts.
    for name, entry in app.conf.beat_schedule.items():
        DatabaseScheduler.Entry.from_entry(name, app=app, **entry)

    task = PeriodicTask.objects.get(name="workshops.send_reminders")
    assert task.task == "workshops.send_reminders" and task.enabled
    assert (task.interval.every, task.interval.period) == (300, "seconds")
    assert task.task in app.tasks
    page = staff_client.get("/admin/django_celery_beat/periodictask/").content.decode()
    assert "workshops.send_reminders" in page
