"""Government training tracks: applying to a cohort, ranking, quotas and delivery requests.

The cast: Alice (Malawi, an LDC) and Bob (Switzerland, high income) apply; Charlie is a
learner who must never see the ranked page; Eve is staff.
"""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alliance.core.models import CountryStatus, IncomeGroup
from tests.courses.factories import TopicFactory
from tests.factories import UserFactory
from workshops import tracks
from workshops.models import Cohort, DeliveryRequest, SeatQuota, Track, TrackApplication

pytestmark = pytest.mark.django_db

ACCEPTED = TrackApplication.State.ACCEPTED
FORM = {"ministry": "Ministry of ICT", "position": "Director", "country": "MW", "motivation": "x"}


@pytest.fixture(autouse=True)
def statuses(db):
    for code, ldc, income, region in [
        ("MW", True, IncomeGroup.LOW, "Africa"),
        ("KE", False, IncomeGroup.LOWER_MIDDLE, "Africa"),
        ("CH", False, IncomeGroup.HIGH, "Europe"),
        ("FR", False, IncomeGroup.HIGH, "Europe"),
    ]:
        CountryStatus.objects.update_or_create(
            country=code, defaults={"is_ldc": ldc, "income_group": income, "region": region}
        )


@pytest.fixture
def track(db):
    return Track.objects.create(
        slug="ai-governance", name="AI governance", topic=TopicFactory(slug="ai-governance")
    )


@pytest.fixture
def cohort(track):
    return Cohort.objects.create(
        track=track,
        name="Spring 2026",
        language="en",
        starts_on=date(2026, 3, 1),
        ends_on=date(2026, 5, 1),
        seats=10,
        applications_open=True,
    )


@pytest.fixture
def bob(db):
    return UserFactory(email="bob@example.org", display_name="Bob")


def apply(user, cohort, country="MW", **extra):
    return tracks.track_application_submit(
        user=user, cohort=cohort, data={**FORM, "country": country, **extra}
    )


def post_application(client, cohort, **changes):
    data = {f"cohort-{cohort.pk}-{name}": value for name, value in {**FORM, **changes}.items()}
    return client.post(f"/workshops/tracks/cohorts/{cohort.pk}/apply/", data)


# --- Applying --------------------------------------------------------------------------------


def test_the_tracks_list_shows_open_cohorts(client, cohort):
    response = client.get("/workshops/tracks/")
    assert response.status_code == 200
    assert "Spring 2026" in response.text


def test_it_applies_to_an_open_cohort(client, alice, cohort):
    client.force_login(alice)
    assert client.get("/workshops/tracks/ai-governance/").status_code == 200

    response = post_application(client, cohort)

    assert response.status_code == 302
    application = TrackApplication.objects.get()
    assert (application.user, application.country.code) == (alice, "MW")
    assert "You have applied" in client.get("/workshops/tracks/ai-governance/").text


def test_it_refuses_a_second_application(client, alice, cohort):
    apply(alice, cohort)
    client.force_login(alice)

    response = post_application(client, cohort)

    assert response.status_code == 400
    assert "already applied" in response.text
    assert TrackApplication.objects.count() == 1


def test_it_refuses_a_closed_cohort(client, alice, cohort):
    cohort.applications_open = False
    cohort.save()
    client.force_login(alice)

    response = post_application(client, cohort)

    assert response.status_code == 400
    assert not TrackApplication.objects.exists()
    with pytest.raises(ValidationError):
        apply(alice, cohort)


def test_it_refuses_a_bad_country_and_writes_nothing(client, alice, cohort):
    client.force_login(alice)

    response = post_application(client, cohort, country="XX")

    assert response.status_code == 400
    assert not TrackApplication.objects.exists()


def test_applying_needs_an_account(client, cohort):
    response = post_application(client, cohort)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not TrackApplication.objects.exists()


# --- Ranking and quotas ----------------------------------------------------------------------


def test_an_ldc_applicant_ranks_before_an_earlier_high_income_one(alice, bob, cohort):
    bobs = apply(bob, cohort, country="CH")
    alices = apply(alice, cohort, country="MW")
    TrackApplication.objects.filter(pk=bobs.pk).update(
        created_at=timezone.now() - timedelta(days=3)
    )
    bobs.refresh_from_db()

    assert tracks.application_priority(alices) < tracks.application_priority(bobs)
    ranked = tracks.cohort_applications_ranked(cohort=cohort)
    assert [r.application for r in ranked] == [alices, bobs]
    assert [r.group for r in ranked] == ["ldc", "high"]


def test_an_unknown_country_ranks_last(alice, bob, cohort):
    unknown = apply(alice, cohort, country="AQ")
    swiss = apply(bob, cohort, country="CH")
    assert tracks.application_priority(swiss) < tracks.application_priority(unknown)


def test_a_country_quota_of_one_blocks_a_second_acceptance(alice, bob, eve, cohort):
    SeatQuota.objects.create(cohort=cohort, country="MW", seats=1)
    first, second = apply(alice, cohort), apply(bob, cohort)
    tracks.application_decide(application=first, staff=eve, state=ACCEPTED)

    with pytest.raises(ValidationError, match="quota"):
        tracks.application_decide(application=second, staff=eve, state=ACCEPTED)
    second.refresh_from_db()
    assert second.state == TrackApplication.State.SUBMITTED
    assert not tracks.cohort_applications_ranked(cohort=cohort)[1].quota_room


def test_a_region_quota_counts_every_country_of_the_region(alice, bob, eve, cohort):
    SeatQuota.objects.create(cohort=cohort, region="Africa", seats=1)
    tracks.application_decide(application=apply(alice, cohort, "MW"), staff=eve, state=ACCEPTED)

    with pytest.raises(ValidationError, match="Africa"):
        tracks.application_decide(application=apply(bob, cohort, "KE"), staff=eve, state=ACCEPTED)


def test_accepting_beyond_the_cohort_seats_is_refused(alice, bob, eve, cohort):
    cohort.seats = 1
    cohort.save()
    tracks.application_decide(application=apply(alice, cohort, "CH"), staff=eve, state=ACCEPTED)

    with pytest.raises(ValidationError, match="seat"):
        tracks.application_decide(application=apply(bob, cohort, "FR"), staff=eve, state=ACCEPTED)


# --- The staff page --------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "learner", "staff without an authenticator"])
def test_the_ranked_page_is_for_staff_only(client, alice, charlie, cohort, who):
    application = apply(alice, cohort)
    if who == "learner":
        client.force_login(charlie)
    elif who == "staff without an authenticator":
        client.force_login(UserFactory(email="new-staff@example.org", is_staff=True))
    path = f"/workshops/tracks/cohorts/{cohort.pk}/applications/"

    shown = client.get(path)
    posted = client.post(path, {"application": application.pk, "state": ACCEPTED})

    assert shown.status_code in (302, 403)
    assert posted.status_code in (302, 403)
    assert "Malawi" not in shown.text
    application.refresh_from_db()
    assert application.state == TrackApplication.State.SUBMITTED


def test_staff_rank_and_accept(client, alice, eve, cohort):
    application = apply(alice, cohort)
    client.force_login(eve)
    path = f"/workshops/tracks/cohorts/{cohort.pk}/applications/"

    shown = client.get(path)
    posted = client.post(path, {"application": application.pk, "state": ACCEPTED})

    assert shown.status_code == 200
    assert "Least developed countries" in shown.text
    assert posted.status_code == 302
    application.refresh_from_db()
    assert application.state == ACCEPTED


def test_a_refused_acceptance_is_a_400(client, alice, bob, eve, cohort):
    SeatQuota.objects.create(cohort=cohort, country="MW", seats=1)
    tracks.application_decide(application=apply(alice, cohort), staff=eve, state=ACCEPTED)
    bobs = apply(bob, cohort)
    client.force_login(eve)

    response = client.post(
        f"/workshops/tracks/cohorts/{cohort.pk}/applications/",
        {"application": bobs.pk, "state": ACCEPTED},
    )

    assert response.status_code == 400
    assert "quota" in response.text


def test_the_ranked_page_runs_a_constant_number_of_queries(client, eve, cohort):
    client.force_login(eve)
    path = f"/workshops/tracks/cohorts/{cohort.pk}/applications/"
    codes = ["MW", "KE", "CH", "FR"]

    def queries_with(count):
        TrackApplication.objects.all().delete()
        for n in range(count):
            user = UserFactory(email=f"applicant-{count}-{n}@example.org")
            apply(user, cohort, codes[n % len(codes)])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    assert queries_with(2) == queries_with(20)


# --- Delivery requests -----------------------------------------------------------------------


def delivery_data(track, **changes):
    return {
        "track": track.pk,
        "ministry": "Ministry of Digital Economy",
        "contact_name": "Grace",
        "contact_email": "grace@gov.example",
        "country": "KE",
        "participants": 25,
        "language": "en",
        "preferred_dates": "March 2026",
        "notes": "Procurement of AI systems",
        **changes,
    }


def test_a_ministry_requests_a_delivery_without_an_account(client, track, eve):
    response = client.post("/workshops/tracks/request/", delivery_data(track))

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    request = DeliveryRequest.objects.get()
    assert (request.country.code, request.participants) == ("KE", 25)

    tracks.delivery_request_answer(request=request, staff=eve, answer="Yes, in March.")
    request.refresh_from_db()
    assert request.state == DeliveryRequest.State.ANSWERED


@pytest.mark.parametrize(
    "changes", [{"contact_email": "not-an-address"}, {"participants": 0}, {"country": "XX"}]
)
def test_a_bad_delivery_request_is_a_400(client, track, changes):
    assert client.get("/workshops/tracks/request/").status_code == 200

    response = client.post("/workshops/tracks/request/", delivery_data(track, **changes))

    assert response.status_code == 400
    assert not DeliveryRequest.objects.exists()


@pytest.mark.django_db
def test_answering_a_delivery_request_writes_to_the_ministry(
    track, mailoutbox, django_capture_on_commit_callbacks
):
    from workshops.models import DeliveryRequest
    from workshops.tracks import delivery_request_answer

    request = DeliveryRequest.objects.create(
        track=track,
        ministry="Ministry of ICT",
        contact_name="Joseph",
        contact_email="joseph@gov.example",
        country="KE",
        participants=30,
        language="en",
    )

    with django_capture_on_commit_callbacks(execute=True):
        delivery_request_answer(request=request, staff=None, answer="We can come in March.")

    assert mailoutbox[0].to == ["joseph@gov.example"]
    assert "We can come in March." in mailoutbox[0].body
