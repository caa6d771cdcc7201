"""The track applications API: applying to a cohort and listing one's own applications."""

from datetime import date

import pytest

from tests.courses.factories import TopicFactory
from tests.factories import UserFactory
from workshops.models import Cohort, Track, TrackApplication

pytestmark = pytest.mark.django_db

BODY = {"ministry": "Ministry of ICT", "position": "Director", "country": "MW", "motivation": "x"}


@pytest.fixture
def cohort(db):
    track = Track.objects.create(
        slug="ai-governance", name="AI governance", topic=TopicFactory(slug="ai-governance")
    )
    return Cohort.objects.create(
        track=track,
        name="Spring 2026",
        language="en",
        starts_on=date(2026, 3, 1),
        ends_on=date(2026, 5, 1),
        seats=10,
        applications_open=True,
    )


def url(cohort):
    return f"/api/tracks/cohorts/{cohort.pk}/applications/"


def test_it_applies_to_an_open_cohort(client, alice, cohort):
    client.force_login(alice)

    response = client.post(url(cohort), BODY, content_type="application/json")

    assert response.status_code == 201
    assert response.json()["state"] == "submitted"
    assert response.json()["country"] == "MW"
    assert TrackApplication.objects.get().user == alice


def test_a_second_application_is_refused_with_a_code(client, alice, cohort):
    client.force_login(alice)
    client.post(url(cohort), BODY, content_type="application/json")

    response = client.post(url(cohort), BODY, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "duplicate"
    assert TrackApplication.objects.count() == 1


def test_a_closed_cohort_refuses_with_a_code(client, alice, cohort):
    Cohort.objects.filter(pk=cohort.pk).update(applications_open=False)
    client.force_login(alice)

    response = client.post(url(cohort), BODY, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "closed"
    assert not TrackApplication.objects.exists()


def test_a_bad_country_is_refused_and_nothing_written(client, alice, cohort):
    client.force_login(alice)

    response = client.post(url(cohort), {**BODY, "country": "XX"}, content_type="application/json")

    assert response.status_code == 400
    assert "country" in response.json()
    assert not TrackApplication.objects.exists()


def test_applying_needs_an_account_and_a_real_cohort(client, alice, cohort):
    assert client.post(url(cohort), BODY, content_type="application/json").status_code == 403
    client.force_login(alice)
    assert client.post("/api/tracks/cohorts/999999/applications/", BODY).status_code == 404


def test_one_sees_only_ones_own_applications(client, alice, cohort):
    other = UserFactory()
    TrackApplication.objects.create(cohort=cohort, user=other, **BODY)
    client.force_login(alice)
    client.post(url(cohort), BODY, content_type="application/json")

    listed = client.get("/api/me/track-applications/").json()

    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [row["cohort"] for row in rows] == [cohort.pk]
    assert rows[0]["track"] == "ai-governance"
