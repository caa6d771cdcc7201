"""A session's time and place as the listing and the session page write them."""

from datetime import UTC, datetime, timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from tests.workshops.factories import SessionFactory

pytestmark = pytest.mark.django_db

TEMPLATE = Template("{% load sessions %}{% session_when session %}|{% session_where session %}")


def render(session, zone="UTC", language="en"):
    with translation.override(language), timezone.override(zone):
        return TEMPLATE.render(Context({"session": session}))


def test_an_online_session_in_the_readers_zone():
    start = datetime(2030, 7, 8, 7, 0, tzinfo=UTC)
    session = SessionFactory(kind="webinar", starts_at=start, ends_at=start + timedelta(hours=2))
    html = render(session, "Africa/Nairobi")
    assert '<time datetime="2030-07-08T10:00:00+03:00">July 8, 2030, 10 a.m.</time>' in html
    assert '<time datetime="2030-07-08T12:00:00+03:00">noon</time>' in html
    assert '<span class="zone">(Africa/Nairobi)</span>' in html
    assert "venue-time" not in html
    assert html.endswith("|Online")


def test_an_on_site_session_also_gives_the_venues_time_and_a_day_change_in_full():
    start = datetime(2030, 7, 8, 21, 0, tzinfo=UTC)
    session = SessionFactory(
        kind="hybrid",
        venue_name="CICG & partners",
        city="Geneva",
        country="CH",
        timezone="Europe/Zurich",
        seats_onsite=10,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    html = render(session, "UTC", "fr")
    # In Zurich it runs from 23:00 to 01:00 the next day: the end shows its date.
    assert '\n<span class="venue-time">' in html
    assert '<span class="zone">(Europe/Zurich)</span>' in html
    assert '<time datetime="2030-07-09T01:00:00+02:00">9 juillet 2030 01:00</time>' in html
    # The city as entered, the country's name and "and online" in the reader's language.
    assert html.endswith("|CICG &amp; partners, Geneva, Suisse et en ligne")
