"""Every non-trivial read of the workshops app; each runs a fixed number of queries."""

from django.db.models import (
    CharField,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from courses.models import Format
from workshops.models import Booking, CalendarFeed, Delegate, Session

LIVE_BOOKING_STATES = (Booking.State.CONFIRMED, Booking.State.WAITLISTED)


def _with_seats(sessions: QuerySet[Session]) -> QuerySet[Session]:
    """Seats left per mode: minus confirmed bookings and seats held for delegates who have not
    answered yet, each counted in a subquery, so no row is multiplied by a join."""

    def left(mode: str, seats: str) -> Greatest:
        taken = (
            Booking.objects.filter(session=OuterRef("pk"), mode=mode, state=Booking.State.CONFIRMED)
            .order_by()
            .values("session")
            .annotate(n=Count("pk"))
            .values("n")
        )
        held = (
            Delegate.objects.filter(
                delegation__session=OuterRef("pk"),
                delegation__mode=mode,
                state=Delegate.State.INVITED,
            )
            .order_by()
            .values("delegation__session")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Greatest(
            ExpressionWrapper(
                F(seats)
                - Coalesce(Subquery(taken, output_field=IntegerField()), Value(0))
                - Coalesce(Subquery(held, output_field=IntegerField()), Value(0)),
                output_field=IntegerField(),
            ),
            Value(0),
        )

    return sessions.annotate(
        seats_left_onsite=left(Booking.Mode.ONSITE, "seats_onsite"),
        seats_left_online=left(Booking.Mode.ONLINE, "seats_online"),
    )


def _with_my_booking(sessions: QuerySet[Session], user) -> QuerySet[Session]:
    """The state of the person's live booking of each session ("" when none)."""
    if user is None or not user.is_authenticated:
        return sessions.annotate(my_booking_state=Value("", output_field=CharField()))
    state = Booking.objects.filter(
        session=OuterRef("pk"), user=user, state__in=LIVE_BOOKING_STATES
    ).values("state")[:1]
    return sessions.annotate(
        my_booking_state=Coalesce(Subquery(state, output_field=CharField()), Value(""))
    )


def _filtered(
    sessions: QuerySet[Session],
    *,
    kind: str = "",
    language: str = "",
    topic: str = "",
    country: str = "",
    series: str = "",
) -> QuerySet[Session]:
    if kind:
        sessions = sessions.filter(kind=kind)
    if language:
        sessions = sessions.filter(language=language)
    if topic:
        sessions = sessions.filter(topic__slug=topic)
    if country:
        sessions = sessions.filter(country=country)
    if series:
        sessions = sessions.filter(series__slug=series)
    return sessions


def _listed(sessions: QuerySet[Session], user) -> QuerySet[Session]:
    return _with_my_booking(_with_seats(sessions), user).select_related(
        "topic", "series", "organisation"
    )


def upcoming_sessions(*, user=None, now=None, **filters) -> QuerySet[Session]:
    """Scheduled sessions that have not ended yet, soonest first."""
    now = now or timezone.now()
    sessions = Session.objects.filter(state=Session.State.SCHEDULED, ends_at__gt=now)
    return _listed(_filtered(sessions, **filters), user).order_by("starts_at", "pk")


def past_sessions(*, user=None, now=None, **filters) -> QuerySet[Session]:
    """Completed sessions, and scheduled ones that have ended, most recent first."""
    now = now or timezone.now()
    sessions = Session.objects.filter(
        Q(state=Session.State.COMPLETED) | Q(state=Session.State.SCHEDULED, ends_at__lte=now)
    )
    return _listed(_filtered(sessions, **filters), user).order_by("-starts_at", "-pk")


def session_detail(*, slug: str, user, now=None) -> Session:
    """A session with its seats left per mode, and the person's live booking as `my_booking`
    (None when there is none), plus `registration`: open, not_open, closed, started or
    cancelled; and `is_over`. Two queries."""
    now = now or timezone.now()
    session = get_object_or_404(
        _with_seats(Session.objects.all()).select_related(
            "topic", "series", "organisation", "course"
        ),
        slug=slug,
    )
    session.my_booking = (
        session_booking_of(session=session, user=user) if user.is_authenticated else None
    )
    session.is_over = session.state == Session.State.COMPLETED or session.ends_at <= now
    if session.state == Session.State.CANCELLED:
        session.registration = "cancelled"
    elif session.state == Session.State.COMPLETED or session.starts_at <= now:
        session.registration = "started"
    elif now < session.registration_opens_at:
        session.registration = "not_open"
    elif now > session.registration_closes_at:
        session.registration = "closed"
    else:
        session.registration = "open"
    return session


def session_booking_of(*, session: Session, user) -> Booking | None:
    """The person's live (confirmed or waiting) booking of a session."""
    return Booking.objects.filter(session=session, user=user, state__in=LIVE_BOOKING_STATES).first()


def session_attendees(*, session: Session) -> list[Booking]:
    """The confirmed bookings of a session, for staff checking people in."""
    return list(
        Booking.objects.filter(session=session, state=Booking.State.CONFIRMED)
        .select_related("user")
        .order_by("user__display_name", "user__email", "pk")
    )


def calendar_feed_bookings(*, token: str) -> tuple[CalendarFeed, list[Booking]]:
    """The feed with this token and its owner's confirmed bookings of scheduled sessions."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("user"), token=token, user__is_active=True
    )
    bookings = list(
        Booking.objects.filter(
            user_id=feed.user_id,
            state=Booking.State.CONFIRMED,
            session__state=Session.State.SCHEDULED,
        )
        .select_related("session")
        .order_by("session__starts_at", "pk")
    )
    return feed, bookings


# --- Seams for the courses app (wired in settings) ---------------------------------------------


def sessions_of_course_version(*, version) -> QuerySet[Session]:
    """The scheduled live sessions of a version's course (COURSE_LIVE_SESSIONS_SELECTOR)."""
    return Session.objects.filter(
        course_id=version.course_id, state=Session.State.SCHEDULED
    ).order_by("starts_at", "pk")


def attendance_requirement(*, enrolment) -> tuple[int, int]:
    """(sessions attended, sessions held or to be held) of a blended course, counted toward its
    completion (COURSE_REQUIREMENT_PROVIDERS); (0, 0) for a self-paced course. One query."""
    sessions = Session.objects.filter(
        course__versions__pk=enrolment.version_id, course__format=Format.BLENDED
    ).exclude(state=Session.State.CANCELLED)
    counts = sessions.aggregate(
        total=Count("pk", distinct=True),
        done=Count(
            "pk",
            distinct=True,
            filter=Q(bookings__user_id=enrolment.user_id, bookings__attended=True),
        ),
    )
    return counts["done"], counts["total"]
