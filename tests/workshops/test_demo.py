"""The demo sessions: Geneva's workshops with their recordings, a season of webinars ahead, and
a second load that changes nothing."""

from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from workshops import demo
from workshops.models import Series, Session

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "series": list(Series.objects.order_by("pk").values()),
        "sessions": list(Session.objects.order_by("pk").values()),
    }


@pytest.fixture
def loaded():
    call_command("load_demo", verbosity=0)


def test_loading_the_demo_twice_changes_nothing(loaded):
    first = snapshot()

    count = demo.load()

    assert snapshot() == first
    assert count == Session.objects.count() == len(first["sessions"])


def test_the_geneva_summit_workshops_are_past_with_their_recordings(loaded):
    workshops = Session.objects.filter(series__slug="ai-for-good-global-summit-2025")

    assert 4 <= workshops.count() <= 6
    for workshop in workshops:
        assert workshop.kind == "workshop" and workshop.state == "completed"
        assert workshop.city == "Geneva" and workshop.country == "CH"
        assert workshop.venue_name in (
            "Palexpo",
            "CICG – Centre International de Conférences Genève",
        )
        assert workshop.timezone == "Europe/Zurich"
        assert workshop.recording_url == f"https://example.org/recordings/{workshop.slug}"
        assert (
            datetime(2025, 7, 8, tzinfo=UTC)
            <= workshop.starts_at
            < datetime(2025, 7, 12, tzinfo=UTC)
        )
        assert workshop.organisation is not None


def test_the_upcoming_webinars_span_languages_and_time_zones(loaded):
    upcoming = Session.objects.filter(state="scheduled")
    webinars = upcoming.filter(kind="webinar")

    assert 5 <= webinars.count() <= 6
    assert len(set(webinars.values_list("language", flat=True))) >= 4
    assert len(set(webinars.values_list("timezone", flat=True))) >= 4
    assert upcoming.filter(kind="hybrid").count() == 1
    for session in upcoming:
        assert session.starts_at.year == 2027
        assert session.registration_opens_at == datetime(2026, 1, 1, tzinfo=UTC)
        session.full_clean()


def test_the_blended_course_has_its_live_session(loaded, client):
    live = Session.objects.get(course__slug="responsible-ai-in-practice")

    page = client.get("/courses/responsible-ai-in-practice/en/").content.decode()

    assert live.title in page
    assert live.organisation.name == "equitably.ai"


def test_the_demo_sessions_are_listed_and_the_summit_is_among_the_past_ones(loaded, client):
    upcoming = client.get("/workshops/").content.decode()
    past = client.get("/workshops/", {"when": "past", "series": "ai-for-good-global-summit-2025"})

    assert "7 sessions" in upcoming
    assert past.status_code == 200
    assert past.content.decode().count("Watch the recording") == 5


@pytest.mark.django_db
def test_the_demo_government_track_has_a_cohort_quotas_applications_and_a_request():
    from workshops import demo
    from workshops.models import Cohort, DeliveryRequest, SeatQuota, TrackApplication

    demo.load_tracks()
    first = [
        list(m.objects.order_by("pk").values())
        for m in (Cohort, SeatQuota, TrackApplication, DeliveryRequest)
    ]
    demo.load_tracks()

    assert [
        list(m.objects.order_by("pk").values())
        for m in (Cohort, SeatQuota, TrackApplication, DeliveryRequest)
    ] == first
    assert TrackApplication.objects.count() == 3
    assert Cohort.objects.get().applications_open
