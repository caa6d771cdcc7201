"""Every figure of the impact report, checked against a small world whose figures are known.

The world (built by ``world`` below; dates in UTC, the snapshot runs on 15 March 2026):

    learner  country           joined      demographics             what they did
    ama      Kenya (l-middle)  2026-01-05  woman, 18-24, no disab.  enrols data-basics (en) 01-06,
                                                                    a lesson 01-07, a quiz 01-08,
                                                                    completes 02-10 (certificate),
                                                                    present at Acacia's workshop
                                                                    02-12
    kofi     Kenya             2026-01-10  -                        enrols data-basics (fr) 01-11,
                                                                    completes 01-25 (certificate
                                                                    revoked 02-01)
    lola     Venezuela (unc.)  2026-01-12  non-binary, under 18     enrols data-basics (en) 01-13,
                                                                    present at the workshop 02-12
    sara     Ethiopia (LDC)    2026-01-15  -                        only enrols data-basics (en)
                                                                    01-16
    tom      Kenya             2026-01-03  -                        books the workshop, is absent
    abebe    Ethiopia          2026-02-03  man, 35-49, disability   enrols ai-policy 02-04, present
                                                                    at Baobab's government track
                                                                    session 02-15, advanced
                                                                    certificate 02-20
    nomad    (none)            2026-02-20  -                        enrols data-basics (en) 02-21,
                                                                    completes 02-25
    heidi    Switzerland (h.)  2025-06-01  woman, 25-34, undiscl.   enrols ai-policy 2025-06-02,
                                                                    completes 2025-07-01, present
                                                                    through a delegation
                                                                    2025-09-10 and at a webinar
                                                                    2025-12-20; a lesson 2026-01-20

Eve (staff, Kenyan, 18-24) enrols, completes, attends both 2026 sessions and gets a certificate:
she is never counted. data-basics (machine learning, en + fr) is the Acacia Institute's;
ai-policy (AI governance, en) and the advanced programme are the Baobab Lab's. Library downloads
so far: 10 (Acacia) + 5 (Baobab) on 31 January, 25 + 7 on 28 February.
"""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core.management import call_command

from alliance.core.countries import load as load_countries
from certification.models import Certificate, Programme
from courses.models import Enrolment, Lesson, LessonCompletion, Quiz, QuizAttempt
from impact import periods, snapshot, tasks
from impact.definitions import Dimension, Metric
from impact.models import DownloadCount, Figure, SnapshotRun
from library.models import Material
from tests.courses.factories import OrganisationFactory, TopicFactory, build_course
from tests.factories import UserFactory, staff_with_authenticator
from tests.library.factories import MaterialFactory
from tests.workshops.factories import BookingFactory, SessionFactory
from workshops.models import Booking, Cohort, Delegate, Delegation, Track

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 15)


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)


def learner(name, *, joined, country="", **demographics):
    return UserFactory(
        email=f"{name}@example.org",
        display_name=name.title(),
        date_joined=at(joined),
        country=country,
        **demographics,
    )


def enrol(user, version, *, on, completed=None) -> Enrolment:
    enrolment = Enrolment.objects.create(
        user=user,
        version=version,
        completed_at=at(completed) if completed else None,
        progress_percent=100 if completed else 10,
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=at(on), last_activity_at=at(on))
    return enrolment


def lesson_done(enrolment, *, on):
    lesson = Lesson.objects.filter(module__version=enrolment.version).first()
    done = LessonCompletion.objects.create(enrolment=enrolment, lesson=lesson)
    LessonCompletion.objects.filter(pk=done.pk).update(completed_at=at(on))


def quiz_submitted(enrolment, *, on):
    quiz = Quiz.objects.filter(module__version=enrolment.version).first()
    QuizAttempt.objects.create(
        enrolment=enrolment, quiz=quiz, submitted_at=at(on), score=100, passed=True
    )


def session(slug, *, on, organisation=None):
    starts = at(on)
    return SessionFactory(
        slug=slug,
        starts_at=starts,
        registration_opens_at=starts - timedelta(days=30),
        organisation=organisation,
    )


def present(user, at_session, *, attended=True) -> Booking:
    return BookingFactory(session=at_session, user=user, attended=attended)


def certificate(user, *, on, course=None, programme=None, issuer, revoked=None) -> Certificate:
    return Certificate.objects.create(
        kind=Certificate.Kind.ADVANCED if programme else Certificate.Kind.COMPLETION,
        user=user,
        course=course,
        programme=programme,
        learner_name=user.display_name,
        title="Certificate",
        issuer_name=issuer.name,
        issuer=issuer,
        issued_at=at(on),
        revoked_at=at(revoked) if revoked else None,
        revoke_reason="Issued by mistake" if revoked else "",
    )


@pytest.fixture
def world(eve):
    load_countries()
    acacia = OrganisationFactory(name="Acacia Institute", slug="acacia")
    baobab = OrganisationFactory(name="Baobab Lab", slug="baobab")
    machine_learning = TopicFactory(slug="machine-learning")
    governance = TopicFactory(slug="ai-governance-and-ethics")
    basics_en = build_course(
        organisation=acacia, slug="data-basics", topic=machine_learning, modules=1
    )
    basics_fr = build_course(course=basics_en.course, language="fr", modules=1)
    policy = build_course(organisation=baobab, slug="ai-policy", topic=governance, modules=1)
    programme = Programme.objects.create(
        slug="advanced-ai-policy",
        title="Advanced Certificate in AI Policy",
        description="Policy.",
        criteria="A graded project.",
        topic=governance,
        organisation=baobab,
        assessment=Programme.Assessment.PROJECT,
        base_price=Decimal("50.00"),
    )

    workshop = session("acacia-workshop", on="2026-02-12", organisation=acacia)
    track_session = session("baobab-track-session", on="2026-02-15", organisation=baobab)
    cohort = Cohort.objects.create(
        track=Track.objects.create(slug="ai-governance", name="AI governance", topic=governance),
        name="Spring 2026",
        language="en",
        starts_on=date(2026, 2, 1),
        ends_on=date(2026, 4, 30),
        seats=20,
    )
    cohort.sessions.add(track_session)
    delegation_session = session("delegation-session", on="2025-09-10", organisation=baobab)
    webinar = session("december-webinar", on="2025-12-20")

    ama = learner(
        "ama", joined="2026-01-05", country="KE", gender="woman", age_band="18-24", disability="no"
    )
    kofi = learner("kofi", joined="2026-01-10", country="KE")
    lola = learner(
        "lola", joined="2026-01-12", country="VE", gender="non-binary", age_band="under-18"
    )
    sara = learner("sara", joined="2026-01-15", country="ET")
    tom = learner("tom", joined="2026-01-03", country="KE")
    abebe = learner(
        "abebe", joined="2026-02-03", country="ET", gender="man", age_band="35-49", disability="yes"
    )
    nomad = learner("nomad", joined="2026-02-20")
    heidi = learner(
        "heidi",
        joined="2025-06-01",
        country="CH",
        gender="woman",
        age_band="25-34",
        disability="undisclosed",
    )

    ama_basics = enrol(ama, basics_en, on="2026-01-06", completed="2026-02-10")
    lesson_done(ama_basics, on="2026-01-07")
    quiz_submitted(ama_basics, on="2026-01-08")
    present(ama, workshop)
    certificate(ama, on="2026-02-10", course=basics_en.course, issuer=acacia)

    enrol(kofi, basics_fr, on="2026-01-11", completed="2026-01-25")
    certificate(kofi, on="2026-01-25", course=basics_en.course, issuer=acacia, revoked="2026-02-01")

    enrol(lola, basics_en, on="2026-01-13")
    present(lola, workshop)

    enrol(sara, basics_en, on="2026-01-16")

    present(tom, workshop, attended=False)

    enrol(abebe, policy, on="2026-02-04")
    present(abebe, track_session)
    certificate(abebe, on="2026-02-20", programme=programme, issuer=baobab)

    enrol(nomad, basics_en, on="2026-02-21", completed="2026-02-25")

    heidi_policy = enrol(heidi, policy, on="2025-06-02", completed="2025-07-01")
    delegation = Delegation.objects.create(
        session=delegation_session, booked_by=heidi, mode=Booking.Mode.ONLINE
    )
    Delegate.objects.create(
        delegation=delegation,
        name="Heidi",
        email=heidi.email,
        booking=present(heidi, delegation_session),
        state=Delegate.State.CONFIRMED,
    )
    present(heidi, webinar)
    lesson_done(heidi_policy, on="2026-01-20")

    # Eve is staff: everything she does is left out.
    type(eve).objects.filter(pk=eve.pk).update(
        date_joined=at("2026-01-02"), country="KE", gender="woman", age_band="18-24"
    )
    eve_basics = enrol(eve, basics_en, on="2026-01-03", completed="2026-01-04")
    lesson_done(eve_basics, on="2026-01-03")
    present(eve, workshop)
    present(eve, track_session)
    certificate(eve, on="2026-01-04", course=basics_en.course, issuer=acacia)

    acacia_material = MaterialFactory(organisation=acacia, download_count=10)
    baobab_material = MaterialFactory(organisation=baobab, download_count=5)
    snapshot.downloads_record(date(2026, 1, 31))
    Material.objects.filter(pk=acacia_material.pk).update(download_count=25)
    Material.objects.filter(pk=baobab_material.pk).update(download_count=7)
    snapshot.downloads_record(date(2026, 2, 28))

    return SimpleNamespace(acacia=acacia, baobab=baobab, ama=ama, abebe=abebe, heidi=heidi)


@pytest.fixture
def rebuilt(world):
    return snapshot.snapshot_run(today=TODAY, rebuild=True)


class Report:
    """The stored figures of the world, each period computed and stored when first read (a full
    rebuild for every test would cost thirteen periods)."""

    def __init__(self):
        self.stored = set()

    def figures_of(self, period):
        if period not in self.stored and not Figure.objects.filter(period=period).exists():
            snapshot.period_store(period, snapshot.period_figures(period))
        self.stored.add(period)
        return snapshot.figures_of(period)

    def totals(self, period):
        figures = self.figures_of(period)
        return {str(m): figures[m][""].get("", 0) for m in Metric}

    def breakdown(self, period, metric, dimension):
        return dict(self.figures_of(period)[metric][dimension])


@pytest.fixture
def report(world):
    return Report()


def trained(period):
    """The names of the people trained in a period."""
    start, end = periods.bounds(period)
    return {
        email.split("@")[0]
        for email in snapshot.people(Metric.TRAINED, start, end).values_list("email", flat=True)
    }


def figures(**values):
    """Every metric, zero unless given."""
    return {str(m): values.get(str(m), 0) for m in Metric}


JANUARY = figures(trained=1, registered=5, active=5, enrolments=4, completions=1, downloads=15)
FEBRUARY = figures(
    trained=4,
    registered=2,
    active=4,
    enrolments=2,
    completions=2,
    certificates_free=1,
    certificates_paid=1,
    attendees=3,
    officials=1,
    downloads=17,
)
YEAR_2026 = figures(
    trained=5,
    registered=7,
    active=7,
    enrolments=6,
    completions=3,
    certificates_free=1,
    certificates_paid=1,
    attendees=3,
    officials=1,
    downloads=32,
)
YEAR_2025 = figures(
    trained=1, registered=1, active=1, enrolments=1, completions=1, attendees=1, officials=1
)
ALL_TIME = figures(
    trained=6,
    registered=8,
    active=7,
    enrolments=7,
    completions=4,
    certificates_free=1,
    certificates_paid=1,
    attendees=4,
    officials=2,
    downloads=32,
)


# Headline figures, by period ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2026-01", JANUARY),
        ("2026-02", FEBRUARY),
        ("2026-03", figures()),
        ("2026", YEAR_2026),
        ("2025-12", figures(trained=1, active=1, attendees=1)),
        ("2025", YEAR_2025),
        ("all", ALL_TIME),
    ],
)
def test_every_headline_figure_of_a_month_a_year_and_all_time_is_exact(report, period, expected):
    assert report.totals(period) == expected


def test_period_figures_compute_what_the_snapshot_stores(rebuilt):
    computed = snapshot.period_figures("2026-02")

    stored = {
        (m, d, k): v
        for m, d, k, v in Figure.objects.filter(period="2026-02").values_list(
            "metric", "dimension", "key", "value"
        )
    }
    assert computed == stored


def test_a_person_active_in_two_months_counts_once_in_the_year(report):
    # Ama was active in January and in February: 5 + 4 people in the months, 7 in the year.
    assert report.totals("2026-01")["active"] + report.totals("2026-02")["active"] == 9
    assert report.totals("2026")["active"] == 7


# "Trained", by name ------------------------------------------------------------------------------


def test_a_person_who_completed_a_course_and_attended_a_session_counts_once_as_trained(report):
    # Ama completed data-basics and was present at the workshop, both in February.
    assert trained("2026-02") == {"ama", "nomad", "lola", "abebe"}
    assert report.totals("2026-02")["trained"] == 4


def test_a_person_who_completed_a_course_is_trained(report):
    assert "nomad" in trained("2026-02")


def test_a_person_who_attended_a_session_without_completing_a_course_is_trained(report):
    assert "lola" in trained("2026-02")


def test_a_person_who_only_enrolled_is_not_trained(report):
    assert "sara" not in trained("all")
    assert report.totals("2026-01")["enrolments"] == 4


def test_a_booking_not_marked_present_trains_no_one_and_makes_no_one_active(report):
    start, end = periods.bounds("all")

    assert "tom" not in trained("all")
    assert not snapshot.people(Metric.ATTENDEES, start, end).filter(email="tom@example.org")
    assert not snapshot.people(Metric.ACTIVE, start, end).filter(email="tom@example.org")


def test_a_person_is_trained_in_the_month_of_the_completion_not_of_the_enrolment(report):
    # Ama enrolled in January and completed in February.
    assert "ama" not in trained("2026-01")
    assert trained("2026-01") == {"kofi"}


def test_a_session_counts_in_the_month_it_was_held(report):
    assert trained("2025-12") == {"heidi"}
    assert trained("2025") == {"heidi"}
    assert "heidi" not in trained("2026")


def test_the_people_trained_this_year_are_those_of_the_known_data_set(report):
    assert trained("2026") == {"ama", "kofi", "lola", "abebe", "nomad"}
    assert trained("all") == {"ama", "kofi", "lola", "abebe", "nomad", "heidi"}


# Staff, revoked certificates, officials, downloads -----------------------------------------------


def test_staff_are_never_counted(report):
    everything = Figure.objects.filter(period="all")
    all_time = report.figures_of("all")

    assert "eve" not in trained("all")
    assert report.totals("all")["registered"] == 8
    assert all_time[Metric.ENROLMENTS][Dimension.COURSE]["data-basics"] == 5
    assert all_time[Metric.ATTENDEES][Dimension.CONTRIBUTOR]["acacia"] == 2
    assert all_time[Metric.CERTIFICATES_FREE][""][""] == 1
    assert report.totals("2026-01")["certificates_free"] == 0
    # Eve is the only Kenyan woman aged 18-24 besides Ama: she adds to no cell.
    assert all_time[Metric.REGISTERED][Dimension.GENDER]["woman"] == 2
    assert everything.filter(metric=Metric.ACTIVE, dimension=Dimension.COUNTRY, key="KE").get(
        value=2
    )


def test_a_revoked_certificate_is_not_counted(report):
    # Kofi's certificate of completion (January) was revoked.
    assert report.totals("2026-01")["certificates_free"] == 0
    by_course = report.breakdown("2026", Metric.CERTIFICATES_FREE, Dimension.COURSE)
    assert by_course == {"data-basics": 1}


def test_certificates_are_counted_free_and_paid_by_contributor_and_course(report):
    free = report.figures_of("2026-02")[Metric.CERTIFICATES_FREE]
    paid = report.figures_of("2026-02")[Metric.CERTIFICATES_PAID]

    assert free[""] == {"": 1}
    assert free[Dimension.CONTRIBUTOR] == {"acacia": 1}
    assert free[Dimension.COURSE] == {"data-basics": 1}
    assert paid[""] == {"": 1}
    assert paid[Dimension.CONTRIBUTOR] == {"baobab": 1}
    assert paid[Dimension.COURSE] == {}


def test_officials_are_present_at_a_government_track_session_or_booked_by_a_delegation(report):
    start, end = periods.bounds("all")
    officials = snapshot.people(Metric.OFFICIALS, start, end).values_list("email", flat=True)

    assert set(officials) == {"abebe@example.org", "heidi@example.org"}
    assert report.totals("2026-02")["officials"] == 1  # Abebe, at the track session
    assert report.totals("2025-09")["officials"] == 1  # Heidi, through a delegation
    assert report.breakdown("all", Metric.OFFICIALS, Dimension.COUNTRY) == {"ET": 1, "CH": 1}


def test_downloads_of_a_period_are_the_difference_of_the_running_totals(report):
    assert report.breakdown("2026-01", Metric.DOWNLOADS, "") == {"": 15}
    assert report.breakdown("2026-01", Metric.DOWNLOADS, Dimension.CONTRIBUTOR) == {
        "acacia": 10,
        "baobab": 5,
    }
    assert report.breakdown("2026-02", Metric.DOWNLOADS, "") == {"": 17}
    assert report.breakdown("2026-02", Metric.DOWNLOADS, Dimension.CONTRIBUTOR) == {
        "acacia": 15,
        "baobab": 2,
    }
    assert report.breakdown("2026", Metric.DOWNLOADS, Dimension.CONTRIBUTOR) == {
        "acacia": 25,
        "baobab": 7,
    }
    assert report.totals("2026-03")["downloads"] == 0


def test_the_snapshot_records_the_download_totals_of_its_day(rebuilt):
    recorded = dict(DownloadCount.objects.filter(day=TODAY).values_list("organisation", "total"))

    assert recorded == {"": 32, "acacia": 25, "baobab": 7}


# Breakdowns --------------------------------------------------------------------------------------


def test_the_people_trained_this_year_are_broken_down_by_place_and_demographics(report):
    year = report.figures_of("2026")[Metric.TRAINED]

    # Nomad gave no country, Kofi no demographics: each is left out of those breakdowns only.
    assert year[Dimension.COUNTRY] == {"KE": 2, "VE": 1, "ET": 1}
    assert year[Dimension.REGION] == {"Africa": 3, "Americas": 1}
    assert year[Dimension.GROUP] == {"lower-middle": 2, "ldc": 1, "unclassified": 1}
    assert year[Dimension.GENDER] == {"woman": 1, "non-binary": 1, "man": 1}
    assert year[Dimension.YOUTH] == {"youth": 2, "adult": 1}
    assert year[Dimension.DISABILITY] == {"no": 1, "yes": 1}


def test_all_time_adds_the_learner_trained_last_year(report):
    all_time = report.figures_of("all")[Metric.TRAINED]

    assert all_time[Dimension.COUNTRY] == {"KE": 2, "VE": 1, "ET": 1, "CH": 1}
    assert all_time[Dimension.REGION] == {"Africa": 3, "Americas": 1, "Europe": 1}
    assert all_time[Dimension.GROUP] == {
        "lower-middle": 2,
        "ldc": 1,
        "unclassified": 1,
        "high": 1,
    }
    assert all_time[Dimension.GENDER] == {"woman": 2, "non-binary": 1, "man": 1}
    assert all_time[Dimension.YOUTH] == {"youth": 2, "adult": 2}
    assert all_time[Dimension.DISABILITY] == {"no": 1, "yes": 1, "undisclosed": 1}


def test_registered_learners_are_broken_down_by_country_region_and_group(report):
    registered = report.figures_of("all")[Metric.REGISTERED]

    assert registered[Dimension.COUNTRY] == {"KE": 3, "ET": 2, "CH": 1, "VE": 1}
    assert registered[Dimension.REGION] == {"Africa": 5, "Europe": 1, "Americas": 1}
    assert registered[Dimension.GROUP] == {
        "lower-middle": 3,
        "ldc": 2,
        "high": 1,
        "unclassified": 1,
    }


def test_active_learners_include_a_lesson_completed_on_an_older_enrolment(report):
    active = report.figures_of("2026-01")[Metric.ACTIVE]

    # Ama, Kofi, Lola and Sara enrolled in January; Heidi completed a lesson of her 2025 course.
    assert active[""] == {"": 5}
    assert active[Dimension.COUNTRY] == {"KE": 2, "VE": 1, "ET": 1, "CH": 1}


def test_enrolments_are_broken_down_by_language_topic_course_contributor_and_country(report):
    enrolments = report.figures_of("2026")[Metric.ENROLMENTS]

    assert enrolments[Dimension.LANGUAGE] == {"en": 5, "fr": 1}
    assert enrolments[Dimension.TOPIC] == {"machine-learning": 5, "ai-governance-and-ethics": 1}
    assert enrolments[Dimension.COURSE] == {"data-basics": 5, "ai-policy": 1}
    assert enrolments[Dimension.CONTRIBUTOR] == {"acacia": 5, "baobab": 1}
    assert enrolments[Dimension.COUNTRY] == {"KE": 2, "VE": 1, "ET": 2}
    assert enrolments[Dimension.REGION] == {"Africa": 4, "Americas": 1}
    assert enrolments[Dimension.GROUP] == {"lower-middle": 2, "ldc": 2, "unclassified": 1}
    assert enrolments[Dimension.CONTRIBUTOR_COUNTRY] == {
        "acacia|KE": 2,
        "acacia|VE": 1,
        "acacia|ET": 1,
        "baobab|ET": 1,
    }


def test_completions_are_broken_down_like_enrolments(report):
    completions = report.figures_of("2026")[Metric.COMPLETIONS]

    # Kofi (French), Ama and Nomad (English, no country).
    assert completions[""] == {"": 3}
    assert completions[Dimension.LANGUAGE] == {"en": 2, "fr": 1}
    assert completions[Dimension.TOPIC] == {"machine-learning": 3}
    assert completions[Dimension.COURSE] == {"data-basics": 3}
    assert completions[Dimension.CONTRIBUTOR] == {"acacia": 3}
    assert completions[Dimension.COUNTRY] == {"KE": 2}
    assert completions[Dimension.CONTRIBUTOR_COUNTRY] == {"acacia|KE": 2}


def test_attendees_are_counted_for_the_organiser_of_their_session(report):
    this_year = report.figures_of("2026")[Metric.ATTENDEES]

    # Ama and Lola at Acacia's workshop (Eve is staff, Tom was absent), Abebe at Baobab's.
    assert this_year[Dimension.CONTRIBUTOR] == {"acacia": 2, "baobab": 1}
    assert this_year[Dimension.COUNTRY] == {"KE": 1, "VE": 1, "ET": 1}
    assert report.breakdown("2025", Metric.ATTENDEES, Dimension.CONTRIBUTOR) == {"baobab": 1}


def test_demographic_breakdowns_count_only_those_who_answered(report):
    registered = report.figures_of("all")[Metric.REGISTERED]

    # Eight learners; four answered about gender, four about their age, three about disability.
    assert sum(registered[Dimension.GENDER].values()) == 4
    assert sum(registered[Dimension.YOUTH].values()) == 4
    assert sum(registered[Dimension.DISABILITY].values()) == 3


# Runs ---------------------------------------------------------------------------------------------


def test_a_rerun_replaces_the_figures_with_the_same_values_and_no_duplicates(rebuilt):
    before = sorted(Figure.objects.values_list("period", "metric", "dimension", "key", "value"))

    snapshot.snapshot_run(today=TODAY, rebuild=True)
    snapshot.snapshot_run(today=TODAY)

    after = sorted(Figure.objects.values_list("period", "metric", "dimension", "key", "value"))
    assert after == before
    assert SnapshotRun.objects.count() == 3


def test_a_rerun_drops_a_figure_that_fell_to_nothing(report, world, rebuilt):
    Certificate.objects.filter(user=world.ama).update(
        revoked_at=at("2026-03-01"), revoke_reason="Plagiarism"
    )

    snapshot.snapshot_run(today=TODAY, rebuild=True)

    assert report.totals("2026-02")["certificates_free"] == 0
    assert not Figure.objects.filter(metric=Metric.CERTIFICATES_FREE, period="2026-02")


def test_a_rebuild_covers_every_month_since_the_first_learner(rebuilt):
    months = [f"2025-{m:02d}" for m in range(6, 13)] + ["2026-01", "2026-02", "2026-03"]

    assert rebuilt.periods == [*months, "2025", "2026", "all"]
    assert set(Figure.objects.values_list("period", flat=True)) <= set(rebuilt.periods)
    assert rebuilt.figures == Figure.objects.count()
    assert rebuilt.finished_at is not None


def test_a_daily_run_refreshes_this_month_this_year_and_all_time(world):
    run = snapshot.snapshot_run(today=TODAY)

    assert run.periods == ["2026-03", "2026", "all"]
    assert set(Figure.objects.values_list("period", flat=True)) == {"2026", "all"}


def test_the_first_day_of_a_year_closes_the_last_month_and_year(report, world):
    run = snapshot.snapshot_run(today=date(2026, 1, 1))

    assert run.periods == ["2025-12", "2026-01", "2025", "2026", "all"]
    assert report.totals("2025-12")["trained"] == 1


def test_the_management_command_rebuilds_every_period(report, world, capsys):
    call_command("impact_snapshot", "--rebuild")

    assert report.totals("2026")["trained"] == 5
    assert "periods" in capsys.readouterr().out


def test_a_period_that_is_not_one_is_refused():
    with pytest.raises(ValueError):
        snapshot.period_figures("2026-13")


# Recomputing from the admin ---------------------------------------------------------------------

RECOMPUTE = "/admin/impact/snapshotrun/recompute/"


def test_staff_recompute_now_through_the_celery_task_the_schedule_runs(staff_client, world):
    with mock.patch.object(tasks.take_snapshot, "delay", wraps=tasks.take_snapshot.delay) as queued:
        response = staff_client.post(RECOMPUTE)

    assert queued.call_count == 1
    assert response.status_code == 302
    assert response["Location"] == "/admin/impact/snapshotrun/"
    run = SnapshotRun.objects.get()
    assert run.finished_at is not None
    assert Figure.objects.filter(period="all", metric=Metric.TRAINED, dimension="").get().value == 6
    page = staff_client.get(response["Location"]).content.decode()
    assert "The figures are being recomputed." in page


def test_both_lists_offer_the_recompute_button_as_a_form_that_posts(staff_client, world):
    snapshot.snapshot_run(today=TODAY)

    for model in ("snapshotrun", "figure"):
        page = staff_client.get(f"/admin/impact/{model}/").content.decode()
        assert f'<form method="post" action="/admin/impact/{model}/recompute/">' in page
        assert "Recompute now" in page
    assert staff_client.post("/admin/impact/figure/recompute/").status_code == 302
    assert staff_client.get(RECOMPUTE).status_code == 405
    assert SnapshotRun.objects.count() == 2


def test_figures_and_runs_are_read_only_in_the_admin(staff_client, world):
    run = snapshot.snapshot_run(today=TODAY)
    figure = Figure.objects.filter(period="all").first()

    for model, pk in (("figure", figure.pk), ("snapshotrun", run.pk)):
        assert staff_client.get(f"/admin/impact/{model}/add/").status_code == 403
        assert staff_client.get(f"/admin/impact/{model}/{pk}/change/").status_code == 200
        assert staff_client.post(f"/admin/impact/{model}/{pk}/delete/").status_code == 403
    assert Figure.objects.filter(pk=figure.pk).exists()


def test_charlie_cannot_recompute_or_see_the_figures_in_the_admin(client, charlie, world):
    client.force_login(charlie)

    assert client.post(RECOMPUTE).status_code == 302  # to the admin's sign-in
    assert client.get("/admin/impact/figure/").status_code == 302
    assert not SnapshotRun.objects.exists()


def test_staff_without_the_right_to_see_figures_cannot_recompute(client, world):
    dana = staff_with_authenticator(email="dana@example.org", is_superuser=False)
    client.force_login(dana)

    assert client.post(RECOMPUTE).status_code == 403
    assert not SnapshotRun.objects.exists()
