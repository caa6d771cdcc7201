from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone as django_timezone
from django.utils import translation

from workshops import services
from workshops.calendar import session_calendar
from workshops.models import Booking, Session

WITH_INVITATION = {"workshops/email/confirmed", "workshops/email/promoted"}


@shared_task(name="workshops.send_reminders")
def send_reminders() -> int:
    """Run by Celery beat every few minutes; sending is idempotent (see reminder_send)."""
    return services.reminders_send_due()


@shared_task(
    name="workshops.send_booking_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def send_booking_email(*, booking_id: int, template: str) -> None:
    """One e-mail about a booking, in the person's language, with the session's times in their
    time zone and the venue's; confirmations carry an iCalendar invitation."""
    booking = Booking.objects.select_related("session", "user").get(pk=booking_id)
    session, user = booking.session, booking.user
    language = user.preferred_language or session.language or "en"
    zone = user.timezone or session.timezone
    context = {
        "booking": booking,
        "session": session,
        "user": user,
        "link": settings.SITE_URL + session.get_absolute_url(),
        "zone": zone,
        "show_join": booking.state == Booking.State.CONFIRMED
        and booking.mode == Booking.Mode.ONLINE
        and session.state == Session.State.SCHEDULED,
    }
    with translation.override(language), django_timezone.override(zone):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    message = EmailMessage(subject, body, to=[user.email])
    if template in WITH_INVITATION or template.startswith("workshops/email/reminder"):
        message.attach("session.ics", session_calendar(session, booking), "text/calendar")
    message.send()
