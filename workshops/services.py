"""Writes of the workshops app: bookings, waiting lists, cancellations and reminders.

Seats are the scarce thing: every booking and cancellation locks its session row first
(SELECT ... FOR UPDATE), counts, then writes, so concurrent requests never overbook.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrolment
from courses.services import enrolment_refresh_progress
from workshops import tasks
from workshops.models import Booking, CalendarFeed, Delegate, Reminder, Session, new_feed_token


def _lock(session: Session) -> Session:
    return Session.objects.select_for_update().get(pk=session.pk)


def _capacity(session: Session, mode: str) -> int:
    return session.seats_onsite if mode == Booking.Mode.ONSITE else session.seats_online


def _held(session: Session, mode: str) -> int:
    """Seats held for delegates who have not answered yet (see workshops.delegations)."""
    return Delegate.objects.filter(
        delegation__session=session, delegation__mode=mode, state=Delegate.State.INVITED
    ).count()


def _check_open(session: Session, mode: str) -> None:
    now = timezone.now()
    if mode not in Booking.Mode.values:
        raise ValidationError(_("This session cannot be attended that way."), code="bad_mode")
    if session.state == Session.State.CANCELLED:
        raise ValidationError(_("This session has been cancelled."), code="cancelled")
    if session.state == Session.State.COMPLETED or session.starts_at <= now:
        raise ValidationError(_("This session has already started."), code="past")
    if now < session.registration_opens_at:
        raise ValidationError(
            _("Registration for this session has not opened yet."), code="not_open"
        )
    if now > session.registration_closes_at:
        raise ValidationError(_("Registration for this session has closed."), code="closed")
    if (mode == Booking.Mode.ONSITE and not session.has_onsite) or (
        mode == Booking.Mode.ONLINE and not session.has_online
    ):
        raise ValidationError(_("This session cannot be attended that way."), code="bad_mode")


@transaction.atomic
def booking_create(*, user, session: Session, mode: str) -> Booking:
    """A seat while seats remain, else a place on the waiting list. Booking again returns the
    booking the person already has."""
    session = _lock(session)
    existing = (
        Booking.objects.filter(session=session, user=user)
        .exclude(state=Booking.State.CANCELLED)
        .first()
    )
    if existing is not None:
        return existing
    _check_open(session, mode)
    taken = Booking.objects.filter(
        session=session, mode=mode, state=Booking.State.CONFIRMED
    ).count()
    confirmed = taken + _held(session, mode) < _capacity(session, mode)
    try:
        with transaction.atomic():
            booking = Booking.objects.create(
                session=session,
                user=user,
                mode=mode,
                state=Booking.State.CONFIRMED if confirmed else Booking.State.WAITLISTED,
                confirmed_at=timezone.now() if confirmed else None,
            )
    except IntegrityError:
        raise ValidationError(
            _("You have already booked this session."), code="duplicate"
        ) from None
    _tell(booking, "workshops/email/confirmed" if confirmed else "workshops/email/waitlisted")
    return booking


@transaction.atomic
def booking_cancel(*, booking: Booking, user) -> Booking:
    """Cancel up to the start; a freed seat goes to the first person waiting."""
    session = _lock(booking.session)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.user_id != user.pk:
        raise PermissionDenied(_("This booking belongs to someone else."))
    if booking.state == Booking.State.CANCELLED:
        return booking
    if session.starts_at <= timezone.now():
        raise ValidationError(
            _("A session that has started can no longer be cancelled."), code="started"
        )
    was_confirmed = booking.state == Booking.State.CONFIRMED
    booking.state = Booking.State.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["state", "cancelled_at"])
    if was_confirmed:
        _promote(session, booking.mode)
    return booking


def _promote(session: Session, mode: str) -> Booking | None:
    """Give free seats of this mode to the people waiting longest (session already locked)."""
    taken = Booking.objects.filter(
        session=session, mode=mode, state=Booking.State.CONFIRMED
    ).count()
    free = _capacity(session, mode) - taken - _held(session, mode)
    promoted = None
    for waiting in Booking.objects.filter(
        session=session, mode=mode, state=Booking.State.WAITLISTED
    ).order_by("created_at", "pk")[: max(free, 0)]:
        waiting.state = Booking.State.CONFIRMED
        waiting.confirmed_at = timezone.now()
        waiting.save(update_fields=["state", "confirmed_at"])
        _tell(waiting, "workshops/email/promoted")
        promoted = waiting
    return promoted


@transaction.atomic
def session_cancel(*, session: Session) -> int:
    """Staff cancel a session: every booking is cancelled with it and everyone booked is told,
    once: cancelling again does nothing."""
    session = _lock(session)
    if session.state != Session.State.SCHEDULED:
        return 0
    session.state = Session.State.CANCELLED
    session.save(update_fields=["state"])
    live = list(session.bookings.exclude(state=Booking.State.CANCELLED))
    Booking.objects.filter(pk__in=[b.pk for b in live]).update(
        state=Booking.State.CANCELLED, cancelled_at=timezone.now()
    )
    for booking in live:
        _tell(booking, "workshops/email/session_cancelled")
    return len(live)


@transaction.atomic
def seats_changed(*, session: Session) -> None:
    """More seats: the people waiting longest get them, as when someone cancels."""
    session = _lock(session)
    for mode in Booking.Mode.values:
        _promote(session, mode)


def recording_announce(*, session: Session) -> int:
    """Tell the people who had a seat that the session's recording is published."""
    confirmed = list(session.bookings.filter(state=Booking.State.CONFIRMED))
    for booking in confirmed:
        _tell(booking, "workshops/email/recording")
    return len(confirmed)


def _tell(booking: Booking, template: str) -> None:
    transaction.on_commit(
        lambda: tasks.send_booking_email.delay(booking_id=booking.pk, template=template)
    )


# --- Reminders ---------------------------------------------------------------------------------

REMINDER_WINDOWS = {
    Reminder.Kind.DAY_BEFORE: (timedelta(hours=1), timedelta(hours=24)),
    Reminder.Kind.HOUR_BEFORE: (timedelta(0), timedelta(hours=1)),
}


def reminders_due(*, now=None) -> list[tuple[Booking, str]]:
    """Confirmed bookings whose reminder of each kind is due and not yet sent."""
    now = now or timezone.now()
    due = []
    for kind, (earliest, latest) in REMINDER_WINDOWS.items():
        bookings = (
            Booking.objects.filter(
                state=Booking.State.CONFIRMED,
                session__state=Session.State.SCHEDULED,
                session__starts_at__gt=now + earliest,
                session__starts_at__lte=now + latest,
            )
            .exclude(reminders__kind=kind)
            .select_related("session", "user")
        )
        due.extend((booking, kind) for booking in bookings)
    return due


def reminder_send(*, booking: Booking, kind: str) -> bool:
    """Record, then send: the unique record makes a second sender (a re-run, another worker)
    find it there and send nothing."""
    try:
        with transaction.atomic():
            Reminder.objects.create(booking=booking, kind=kind)
            _tell(booking, f"workshops/email/reminder_{kind}")
    except IntegrityError:
        return False
    return True


def reminders_send_due(*, now=None) -> int:
    return sum(reminder_send(booking=b, kind=k) for b, k in reminders_due(now=now))


# --- Attendance and calendar feeds ---------------------------------------------------------------


@transaction.atomic
def attendance_record(*, session: Session, bookings: list[Booking], attended_ids) -> int:
    """Set who attended among these confirmed bookings; returns how many did."""
    attended_ids = set(attended_ids)
    ids = {booking.pk for booking in bookings}
    Booking.objects.filter(pk__in=ids & attended_ids).update(attended=True)
    Booking.objects.filter(pk__in=ids - attended_ids).update(attended=False)
    changed = {b.user_id for b in bookings if b.attended != (b.pk in attended_ids)}
    course_progress_refresh(session=session, user_ids=changed)
    return len(ids & attended_ids)


def course_progress_refresh(*, session: Session, user_ids) -> None:
    """Attending the sessions of a blended course counts toward completing it, so the course
    progress of people whose attendance changed is computed again."""
    if not session.course_id or not user_ids:
        return
    for enrolment in Enrolment.objects.filter(
        user_id__in=user_ids, version__course_id=session.course_id, state=Enrolment.State.ACTIVE
    ):
        enrolment_refresh_progress(enrolment=enrolment)


def calendar_feed_for(*, user) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def calendar_feed_reset(*, user) -> CalendarFeed:
    """A new private address; the old one stops working at once."""
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user, defaults={"token": new_feed_token()}
    )
    return feed
