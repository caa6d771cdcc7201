"""Delegation bookings: an official books seats of a session for named delegates.

Each delegate's seat is held from the moment the delegation is booked: the session row is locked
(as in booking_create), free seats are counted as capacity minus confirmed bookings minus seats
still held for other delegates, and the whole delegation is refused if it does not fit. A
delegate who confirms turns the hold into their own confirmed booking; one who declines frees it.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workshops import services
from workshops.models import Booking, Delegate, Delegation, Session

MAX_DELEGATES = getattr(settings, "WORKSHOPS_DELEGATION_MAX", 10)


def _clean_delegates(delegates) -> list[dict]:
    cleaned, seen = [], set()
    for delegate in delegates:
        name = (delegate.get("name") or "").strip()
        email = (delegate.get("email") or "").strip()
        if not name:
            raise ValidationError(_("Every delegate needs a name."), code="no_name")
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                _("“%(email)s” is not a valid e-mail address.") % {"email": email},
                code="bad_email",
            ) from None
        if email.lower() in seen:
            raise ValidationError(
                _("%(email)s is named twice.") % {"email": email}, code="duplicate_email"
            )
        seen.add(email.lower())
        cleaned.append({"name": name, "email": email})
    if not cleaned:
        raise ValidationError(_("Name at least one delegate."), code="empty")
    if len(cleaned) > MAX_DELEGATES:
        raise ValidationError(
            _("A delegation has at most %(max)d delegates.") % {"max": MAX_DELEGATES},
            code="too_many",
        )
    return cleaned


def free_seats(session: Session, mode: str) -> int:
    """Seats nobody holds: capacity − confirmed bookings − seats held for delegates."""
    taken = Booking.objects.filter(
        session=session, mode=mode, state=Booking.State.CONFIRMED
    ).count()
    return services._capacity(session, mode) - taken - services._held(session, mode)


@transaction.atomic
def delegation_create(*, user, session: Session, mode: str, delegates) -> Delegation:
    """Hold one seat per delegate and invite each of them, or refuse the whole delegation."""
    cleaned = _clean_delegates(delegates)
    session = services._lock(session)
    services._check_open(session, mode)
    free = free_seats(session, mode)
    if free < len(cleaned):
        raise ValidationError(
            _("Only %(free)d seats are free; this delegation needs %(needed)d.")
            % {"free": max(free, 0), "needed": len(cleaned)},
            code="no_seats",
        )
    delegation = Delegation.objects.create(session=session, booked_by=user, mode=mode)
    created = Delegate.objects.bulk_create(
        [Delegate(delegation=delegation, **delegate) for delegate in cleaned]
    )
    for delegate in created:
        _invite(delegate, session)
    return delegation


def _invite(delegate: Delegate, session: Session) -> None:
    link = settings.SITE_URL + delegate.get_absolute_url()
    subject = _("A seat is held for you at %(title)s") % {"title": session.title}
    body = _(
        "Hello %(name)s,\n\nA seat is held for you at “%(title)s”. Confirm it (signed in with "
        "this e-mail address) or decline it here:\n\n%(link)s\n"
    ) % {"name": delegate.name, "title": session.title, "link": link}
    recipient = delegate.email
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
    )


def _lock_delegate(delegate: Delegate) -> tuple[Session, Delegate]:
    session = services._lock(delegate.delegation.session)
    return session, Delegate.objects.select_for_update().select_related("delegation").get(
        pk=delegate.pk
    )


def _check_invited_person(delegate: Delegate, user) -> None:
    if not user.is_authenticated or (user.email or "").lower() != delegate.email.lower():
        raise PermissionDenied(
            _("Sign in with %(email)s to answer this invitation.") % {"email": delegate.email}
        )


@transaction.atomic
def delegate_confirm(*, delegate: Delegate, user) -> Booking:
    """The held seat becomes the delegate's confirmed booking. Confirming again returns it."""
    _check_invited_person(delegate, user)
    session, delegate = _lock_delegate(delegate)
    if delegate.state == Delegate.State.CONFIRMED and delegate.booking_id:
        return delegate.booking
    if delegate.state != Delegate.State.INVITED:
        raise ValidationError(_("This invitation was declined."), code="declined")
    if session.state == Session.State.CANCELLED:
        raise ValidationError(_("This session has been cancelled."), code="cancelled")
    if session.starts_at <= timezone.now():
        raise ValidationError(_("This session has already started."), code="past")
    mode = delegate.delegation.mode
    try:
        with transaction.atomic():
            booking = Booking.objects.create(
                session=session,
                user=user,
                mode=mode,
                state=Booking.State.CONFIRMED,
                confirmed_at=timezone.now(),
            )
    except IntegrityError:
        raise ValidationError(
            _("You have already booked this session."), code="duplicate"
        ) from None
    delegate.state = Delegate.State.CONFIRMED
    delegate.booking = booking
    delegate.save(update_fields=["state", "booking"])
    services._tell(booking, "workshops/email/confirmed")
    return booking


@transaction.atomic
def delegate_decline(*, delegate: Delegate, user) -> Delegate:
    """The held seat is freed and goes to the first person waiting."""
    _check_invited_person(delegate, user)
    session, delegate = _lock_delegate(delegate)
    if delegate.state != Delegate.State.INVITED:
        return delegate
    delegate.state = Delegate.State.DECLINED
    delegate.save(update_fields=["state"])
    services._promote(session, delegate.delegation.mode)
    return delegate
