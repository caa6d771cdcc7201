"""The impact demo: generated learners' activity in the demo courses and sessions, so the impact
pages show something on a fresh `make run`; loaded last, fast, and a second time adds nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from alliance.accounts.models import User
from alliance.core import countries, topics
from alliance.demo.management.commands.load_demo import LOADERS
from certification import demo as certification_demo
from certification.models import Certificate
from contributors import demo as contributors_demo
from courses import demo as courses_demo
from courses.models import Enrolment, LessonCompletion
from impact import demo
from impact.definitions import Dimension, Metric
from impact.models import Figure
from impact.snapshot import figures_of
from library import demo as library_demo
from workshops import demo as workshops_demo
from workshops.models import Booking

pytestmark = pytest.mark.django_db

DEMO = f"@{demo.DOMAIN}"


@pytest.fixture
def prerequisites():
    """What the impact demo builds on: everything the other demo loaders make."""
    topics.load()
    countries.load()
    contributors_demo.load()
    courses_demo.load()
    library_demo.load()
    workshops_demo.load()
    certification_demo.load()


def demo_counts():
    learners = User.objects.filter(email__endswith=DEMO)
    return {
        "learners": learners.count(),
        "with demographics": learners.exclude(gender="").count(),
        "enrolments": Enrolment.objects.filter(user__in=learners).count(),
        "completions": Enrolment.objects.filter(user__in=learners)
        .exclude(completed_at=None)
        .count(),
        "lessons completed": LessonCompletion.objects.filter(enrolment__user__in=learners).count(),
        "bookings": Booking.objects.filter(user__in=learners).count(),
        "attended": Booking.objects.filter(user__in=learners, attended=True).count(),
        "certificates": Certificate.objects.filter(user__in=learners).count(),
    }


def figures():
    return sorted(Figure.objects.values_list("period", "metric", "dimension", "key", "value"))


def test_the_demo_command_loads_the_impact_demo_last():
    assert LOADERS[-1][1] is demo.load
    assert [label for label, _loader in LOADERS].index("certification programmes") < len(
        LOADERS
    ) - 1


def test_the_demo_makes_four_hundred_learners_with_activity_in_every_part(prerequisites):
    assert demo.load() == 400

    counts = demo_counts()
    assert counts["learners"] == 400
    assert 150 <= counts["with demographics"] <= 250  # about half answered
    assert counts["enrolments"] >= 400
    assert 0 < counts["completions"] < counts["enrolments"]
    assert counts["lessons completed"] > counts["completions"]
    assert 0 < counts["attended"] < counts["bookings"]
    assert counts["certificates"] == demo.CERTIFICATES


def test_the_demo_learners_cannot_sign_in_and_are_not_staff(prerequisites):
    demo.load()

    learners = User.objects.filter(email__endswith=DEMO)
    assert not any(learner.has_usable_password() for learner in learners)
    assert not learners.filter(is_staff=True).exists()


def test_the_demo_learners_joined_over_the_last_year_from_many_countries(prerequisites):
    demo.load()
    now = timezone.now()
    learners = User.objects.filter(email__endswith=DEMO)
    # Those who came to the 2025 workshops in Geneva joined before them.
    not_at_a_session = learners.exclude(bookings__isnull=False)

    assert not_at_a_session.filter(date_joined__lt=now - timezone.timedelta(days=366)).count() == 0
    assert learners.filter(date_joined__gt=now).count() == 0
    assert learners.values("country").distinct().count() >= 30
    developing = learners.exclude(country__in=["CH", "FR", "US", "GB", ""]).count()
    assert developing > 0.9 * learners.exclude(country="").count()


def test_activity_never_comes_before_the_learner_joined_or_after_now(prerequisites):
    demo.load()
    now = timezone.now()
    enrolments = Enrolment.objects.filter(user__email__endswith=DEMO).select_related("user")

    for enrolment in enrolments:
        assert enrolment.user.date_joined <= enrolment.enrolled_at <= now
        if enrolment.completed_at:
            assert enrolment.enrolled_at <= enrolment.completed_at <= now
    for booking in Booking.objects.filter(user__email__endswith=DEMO).select_related("session"):
        assert booking.user.date_joined < booking.session.starts_at < now


def test_the_figures_of_this_year_show_people_trained(prerequisites):
    demo.load()
    year = figures_of(str(timezone.now().year))

    assert year[Metric.TRAINED][""][""] > 0
    assert year[Metric.REGISTERED][""][""] > 0
    assert year[Metric.ENROLMENTS][Dimension.CONTRIBUTOR]
    assert year[Metric.TRAINED][Dimension.COUNTRY]
    assert year[Metric.TRAINED][Dimension.GROUP].get("ldc", 0) > 0
    assert figures_of("all")[Metric.ATTENDEES][""][""] > 0


def test_loading_the_demo_twice_adds_nothing_and_gives_the_same_figures(prerequisites):
    demo.load()
    counts, first = demo_counts(), figures()

    assert demo.load() == 400

    assert demo_counts() == counts
    assert figures() == first


def test_the_demo_command_loads_the_demo_learners(capsys):
    call_command("load_demo")

    assert "impact demo learners: 400" in capsys.readouterr().out
    assert Figure.objects.filter(period="all", metric=Metric.TRAINED, dimension="").exists()
