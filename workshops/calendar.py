"""iCalendar (RFC 5545): one session as an invitation, or a person's sessions as a feed."""

from datetime import UTC

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from workshops.models import Booking, Session


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Alliance//AI Skills Coalition//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(session: Session, booking: Booking | None = None) -> Event:
    event = Event()
    event.add("uid", f"session-{session.pk}@{settings.SITE_URL.split('://')[-1]}")
    event.add("summary", session.title)
    # Times in the venue's zone, so a calendar shows them right wherever it is opened.
    event.add("dtstart", session.starts_at.astimezone(session.zone))
    event.add("dtend", session.ends_at.astimezone(session.zone))
    # When this copy was made: calendar applications keep the newest copy of an event.
    event.add("dtstamp", timezone.now().astimezone(UTC))
    url = settings.SITE_URL + session.get_absolute_url()
    event.add("url", url)
    description = [session.description, "", url]
    if (
        booking is not None
        and booking.state == Booking.State.CONFIRMED
        and (booking.mode == Booking.Mode.ONLINE and session.join_url)
    ):
        description.insert(0, session.join_url)
    event.add("description", "\n".join(description))
    location = ", ".join(
        part
        for part in (
            session.venue_name,
            session.address,
            session.city,
            session.country.name if session.country else "",
        )
        if part
    )
    if booking is not None and booking.mode == Booking.Mode.ONLINE:
        location = session.join_url if booking.state == Booking.State.CONFIRMED else ""
    if location:
        event.add("location", location)
    event.add("status", "CANCELLED" if session.state == Session.State.CANCELLED else "CONFIRMED")
    return event


def session_calendar(session: Session, booking: Booking | None = None) -> bytes:
    calendar = _calendar(session.title)
    calendar.add_component(_event(session, booking))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def bookings_calendar(bookings: list[Booking], name: str) -> bytes:
    calendar = _calendar(name)
    for booking in bookings:
        calendar.add_component(_event(booking.session, booking))
    calendar.add_missing_timezones()
    return calendar.to_ical()
