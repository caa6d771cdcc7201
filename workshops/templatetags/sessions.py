"""A session's time and place, written in Python: the listing shows twenty of them a page, and
as template includes they were most of its time. Same markup as the templates they replace."""

import zoneinfo

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


def _span(starts_at, ends_at, zone) -> str:
    starts, ends = timezone.localtime(starts_at, zone), timezone.localtime(ends_at, zone)
    same_day = starts.date() == ends.date()
    return format_html(
        '<time datetime="{}">{}</time> – <time datetime="{}">{}</time> '
        '<span class="zone">({})</span>',
        formats.date_format(starts, "c"),
        formats.date_format(starts, "DATETIME_FORMAT"),
        formats.date_format(ends, "c"),
        formats.time_format(ends, "TIME_FORMAT")
        if same_day
        else formats.date_format(ends, "DATETIME_FORMAT"),
        str(zone),
    )


@register.simple_tag
def session_when(session) -> str:
    """When it runs, in the reader's time zone, and at the venue's local time if on site."""
    viewer = timezone.get_current_timezone()
    html = format_html(
        '<span class="when">{}</span>', _span(session.starts_at, session.ends_at, viewer)
    )
    if session.has_onsite:
        venue = zoneinfo.ZoneInfo(session.timezone)
        html += format_html(
            '\n<span class="venue-time">{} {}</span>',
            gettext("Local time at the venue:"),
            _span(session.starts_at, session.ends_at, venue),
        )
    return html  # format_html's pieces, joined: still safe


@register.simple_tag
def session_where(session) -> str:
    """The venue, city and country if on site (and "and online" if hybrid), else "Online"."""
    if not session.has_onsite:
        return gettext("Online")
    parts = [session.venue_name]
    if session.city:
        parts.append(session.city)
    if session.country:
        parts.append(session.country.name)
    html = format_html("{}", ", ".join(str(p) for p in parts))
    if session.has_online:
        html += format_html(" {}", gettext("and online"))
    return html
