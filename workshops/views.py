from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alliance.accounts.mfa import staff_with_mfa_required
from alliance.core.models import Topic
from workshops import selectors, services
from workshops.calendar import bookings_calendar, session_calendar
from workshops.forms import BookingForm, CheckInForm, SessionFilterForm, TimeZoneForm
from workshops.models import Booking, Series, Session

PAGE_SIZE = 20
FILTER_NAMES = ("when", "kind", "language", "topic", "country", "series")


def _viewer_zone(request) -> dict:
    """The time zone form, the zone to show times in, and where that zone comes from.

    The profile's zone wins; else the one chosen with ?tz=; else UTC. A chosen zone travels on
    in links as `tz_query`.
    """
    from_profile = request.user.is_authenticated and bool(request.user.timezone)
    form = TimeZoneForm(request.GET if "tz" in request.GET and not from_profile else None)
    chosen = "" if from_profile else form.zone()
    return {
        "tz_form": form,
        "zone": request.user.timezone if from_profile else chosen or "UTC",
        "zone_from_profile": from_profile,
        "chosen_zone": chosen,
        "tz_query": "?" + urlencode({"tz": chosen}) if chosen else "",
    }


def _render_in_zone(request, template, context, status=200):
    with timezone.override(context["zone"]):
        return render(request, template, context, status=status)


@require_GET
def session_list(request):
    zone = _viewer_zone(request)
    form = SessionFilterForm(
        request.GET or None, topics=list(Topic.objects.all()), series=list(Series.objects.all())
    )
    status = 200
    if (form.is_bound and not form.is_valid()) or zone["tz_form"].errors:
        sessions, status = Session.objects.none(), 400
    elif form.past:
        sessions = selectors.past_sessions(user=request.user, **form.filters())
    else:
        sessions = selectors.upcoming_sessions(user=request.user, **form.filters())
    page = Paginator(sessions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return _render_in_zone(
        request,
        "workshops/session_list.html",
        {
            **zone,
            "form": form,
            "page": page,
            "past": form.past,
            "query_string": query.urlencode(),
            # What the time zone form sends along, so choosing a zone keeps the filters.
            "keep": [(name, request.GET[name]) for name in FILTER_NAMES if request.GET.get(name)],
        },
        status,
    )


@require_GET
def session_page(request, slug):
    zone = _viewer_zone(request)
    session = selectors.session_detail(slug=slug, user=request.user)
    status = 400 if zone["tz_form"].errors else 200
    return _session_page(request, session, zone, status=status)


def _session_page(request, session, zone, *, status=200, form=None):
    booking = session.my_booking
    show_join = (
        booking is not None
        and booking.state == Booking.State.CONFIRMED
        and booking.mode == Booking.Mode.ONLINE
        and session.state == Session.State.SCHEDULED
        and bool(session.join_url)
    )
    return _render_in_zone(
        request,
        "workshops/session.html",
        {
            **zone,
            "session": session,
            "booking": booking,
            "show_join": show_join,
            "form": form or BookingForm(session=session),
        },
        status,
    )


@login_required
@require_POST
def book(request, slug):
    session = get_object_or_404(Session, slug=slug)
    form = BookingForm(request.POST, session=session)
    if not form.is_valid():
        detail = selectors.session_detail(slug=slug, user=request.user)
        return _session_page(request, detail, _viewer_zone(request), status=400, form=form)
    if selectors.session_booking_of(session=session, user=request.user) is not None:
        # A second click on the button, say: the booking made by the first one stands.
        messages.info(request, _("You already have a place at this session."))
        return redirect(session.get_absolute_url())
    try:
        booking = services.booking_create(
            user=request.user, session=session, mode=form.cleaned_data["mode"]
        )
    except ValidationError as error:
        return _refuse(request, session, error.messages, status=400)
    if booking.state == Booking.State.CONFIRMED:
        messages.success(request, _("Your seat is confirmed. We have sent you the details."))
    else:
        messages.success(
            request,
            _("The session is full: you are on the waiting list. If a seat frees up, it is yours."),
        )
    return redirect(session.get_absolute_url())


@login_required
@require_POST
def cancel(request, slug):
    session = get_object_or_404(Session, slug=slug)
    if session.state == Session.State.CANCELLED:
        # Cancelling now would hand the seat to someone waiting, for a session that will not
        # take place (booking_cancel does not check the session's state).
        return _refuse(request, session, [_("This session has been cancelled.")], status=400)
    booking = selectors.session_booking_of(session=session, user=request.user)
    if booking is None:
        return _refuse(
            request, session, [_("You have no booking of this session to cancel.")], status=404
        )
    try:
        services.booking_cancel(booking=booking, user=request.user)
    except ValidationError as error:
        return _refuse(request, session, error.messages, status=400)
    messages.success(request, _("Your booking is cancelled."))
    return redirect(session.get_absolute_url())


@require_GET
def session_ics(request, slug):
    session = get_object_or_404(Session, slug=slug)
    booking = None
    if request.user.is_authenticated:
        booking = selectors.session_booking_of(session=session, user=request.user)
    response = HttpResponse(session_calendar(session, booking), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{session.slug}.ics"'
    # A confirmed online attendee's copy carries the join link: no shared cache may keep it.
    patch_cache_control(response, private=True)
    return response


# --- The private calendar feed -----------------------------------------------------------------


@login_required
@require_GET
def my_calendar(request):
    feed = services.calendar_feed_for(user=request.user)
    return render(
        request,
        "workshops/my_calendar.html",
        {"feed_url": settings.SITE_URL + reverse("workshops:feed", args=[feed.token])},
    )


@login_required
@require_POST
def my_calendar_reset(request):
    services.calendar_feed_reset(user=request.user)
    messages.success(request, _("Your calendar has a new address. The old one no longer works."))
    return redirect("workshops:my_calendar")


@require_GET
def calendar_feed(request, token):
    feed, bookings = selectors.calendar_feed_bookings(token=token)
    with translation.override(feed.user.preferred_language or settings.LANGUAGE_CODE):
        content = bookings_calendar(bookings, _("My Alliance sessions"))
    response = HttpResponse(content, content_type="text/calendar")
    patch_cache_control(response, private=True, max_age=300)
    response["X-Robots-Tag"] = "noindex"
    return response


# --- Staff: checking people in -----------------------------------------------------------------


@staff_with_mfa_required
@require_http_methods(["GET", "POST"])
def check_in(request, slug):
    session = get_object_or_404(Session.objects.select_related("course"), slug=slug)
    attendees = selectors.session_attendees(session=session)
    form = CheckInForm(request.POST or None, bookings=attendees)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            count = services.attendance_record(
                session=session, bookings=attendees, attended_ids=form.cleaned_data["attended"]
            )
            messages.success(
                request,
                _("Attendance recorded: %(count)d present.") % {"count": count},
            )
            return redirect("workshops:check_in", slug=session.slug)
        status = 400
    return render(
        request,
        "workshops/check_in.html",
        {"session": session, "form": form, "attendees": attendees, "checked": form.checked()},
        status=status,
    )


def _refuse(request, session: Session, reasons: list[str], *, status: int):
    return render(
        request,
        "workshops/refused.html",
        {"session": session, "reasons": reasons},
        status=status,
    )
