"""The synthetic platform for benchmarks: the sizes asked for, deterministic per seed, unchanged
when run again, and removable without touching anyone else's rows."""

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from alliance.core.models import CountryStatus
from certification.models import Certificate
from courses.models import (
    Course,
    CourseVersion,
    Enrolment,
    Lesson,
    LessonCompletion,
    Option,
    Question,
    Quiz,
    QuizAttempt,
)
from impact import snapshot
from workshops.models import Booking, Cohort, Delegate, Session

pytestmark = pytest.mark.django_db

User = get_user_model()
SMALL = {"learners": 50, "courses": 3, "lessons": 2, "progress": 200, "sessions": 4}
TODAY = dt.date(2026, 6, 15)
END = dt.datetime(2026, 6, 15, tzinfo=dt.UTC)
MODELS = [
    User,
    Course,
    CourseVersion,
    Lesson,
    Quiz,
    Question,
    Option,
    Enrolment,
    LessonCompletion,
    QuizAttempt,
    Certificate,
    Session,
    Cohort,
    Booking,
    Delegate,
]


def generate(seed: int = 1, **sizes) -> str:
    out = StringIO()
    call_command("generate_platform", seed=seed, today=TODAY, stdout=out, **{**SMALL, **sizes})
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def fingerprint(seed: int = 1) -> list:
    learners = User.objects.filter(email__startswith=f"gen-{seed}-")
    return [
        list(
            learners.order_by("email").values_list(
                "email", "country", "preferred_language", "gender", "age_band", "date_joined"
            )
        ),
        list(
            LessonCompletion.objects.filter(enrolment__user__in=learners)
            .order_by("enrolment__user__email", "lesson__module__version__course__slug", "lesson")
            .values_list(
                "enrolment__user__email", "lesson__module__version__course__slug", "completed_at"
            )
        ),
        list(
            Booking.objects.filter(user__in=learners)
            .order_by("session__slug", "user__email")
            .values_list("session__slug", "user__email", "state", "attended")
        ),
    ]


def test_it_makes_the_sizes_asked_for():
    output = generate()

    learners = User.objects.filter(email__endswith="@generated.example")
    assert learners.count() == 50
    assert not learners.filter(is_staff=True).exists()
    assert not any(user.has_usable_password() for user in learners)
    assert Course.objects.filter(slug__startswith="gen-1-").count() == 3
    for version in CourseVersion.objects.all():
        assert Lesson.objects.filter(module__version=version).count() == 2
        assert Quiz.objects.filter(module__version=version).count() == 1
    assert Question.objects.count() == 2 * Quiz.objects.count()
    assert LessonCompletion.objects.count() == 200
    assert Session.objects.filter(slug__startswith="gen-1-").count() == 4
    assert Booking.objects.exists()
    for step in ("learners", "courses", "progress", "certificates", "sessions"):
        assert f"  {step}: " in output  # with its time


def test_running_it_again_changes_nothing():
    generate()
    before, data = counts(), fingerprint()

    output = generate()

    assert counts() == before
    assert fingerprint() == data
    assert output.count(": already there") == 5
    assert "nothing to do" in output


def test_a_seed_always_draws_the_same_platform():
    generate()
    data = fingerprint()
    generate_output = StringIO()
    call_command("generate_platform", seed=1, reset=True, stdout=generate_output)
    assert counts()["User"] == 0

    generate()

    assert fingerprint() == data


def test_completed_enrolments_have_every_requirement_and_a_certificate():
    generate()
    completed = Enrolment.objects.exclude(completed_at=None)

    assert completed.exists()
    assert Enrolment.objects.filter(completed_at=None).exists()
    for enrolment in completed:
        lessons = Lesson.objects.filter(module__version=enrolment.version).count()
        quizzes = Quiz.objects.filter(module__version=enrolment.version).count()
        assert enrolment.progress_percent == 100
        assert enrolment.completions.count() == lessons
        passed = enrolment.attempts.filter(passed=True).values("quiz").distinct().count()
        assert passed == quizzes
        assert enrolment.completed_at >= enrolment.enrolled_at >= enrolment.user.date_joined
        assert enrolment.completed_at == max(
            [c.completed_at for c in enrolment.completions.all()]
            + [a.submitted_at for a in enrolment.attempts.all()]
        )
    free = Certificate.objects.filter(kind=Certificate.Kind.COMPLETION)
    assert free.count() == completed.count()
    assert not free.exclude(pdf="").exists()
    assert set(free.values_list("user", "course")) == set(
        completed.values_list("user", "version__course")
    )


def test_the_history_ends_before_the_day_given_and_sessions_go_on_after_it():
    generate()

    assert User.objects.latest("date_joined").date_joined < END
    assert User.objects.earliest("date_joined").date_joined >= END - dt.timedelta(days=548)
    assert not LessonCompletion.objects.filter(completed_at__gte=END).exists()
    assert not Enrolment.objects.filter(enrolled_at__gte=END).exists()
    assert not QuizAttempt.objects.filter(submitted_at__gte=END).exists()
    assert not Booking.objects.filter(attended=True, session__starts_at__gte=END).exists()
    assert not Booking.objects.filter(created_at__gte=END).exists()
    for completion in LessonCompletion.objects.select_related("enrolment")[:100]:
        assert completion.completed_at >= completion.enrolment.enrolled_at


def test_a_seed_keeps_its_own_calendar_when_run_on_another_day():
    generate()

    out = StringIO()
    call_command("generate_platform", seed=1, today=dt.date(2027, 1, 1), stdout=out, **SMALL)

    assert "2026-06-15" in out.getvalue()
    assert "nothing to do" in out.getvalue()


def test_other_sizes_for_a_seed_already_there_are_refused():
    generate()
    before = counts()

    with pytest.raises(CommandError, match="--reset"):
        generate(learners=60)
    with pytest.raises(CommandError, match="--reset"):
        generate(progress=150)

    assert counts() == before


def test_more_progress_than_the_courses_hold_is_refused():
    with pytest.raises(CommandError, match="at most 300 lessons"):
        generate(progress=301)


def test_generated_rows_pass_validation():
    generate()

    for queryset in (
        User.objects.filter(email__endswith="@generated.example")[:20],
        Course.objects.all(),
        CourseVersion.objects.all(),
        Lesson.objects.all(),
        Quiz.objects.all(),
        Enrolment.objects.all()[:20],
        Session.objects.all(),
        Booking.objects.all()[:20],
        Certificate.objects.all()[:20],
    ):
        for row in queryset:
            row.full_clean()


def test_reset_deletes_the_seed_and_nothing_else(alice):
    generate(seed=1)
    generate(seed=2)
    seed_two = fingerprint(2)
    # Someone else enrolled in a generated course: the enrolment goes with the course.
    Enrolment.objects.create(
        user=alice, version=CourseVersion.objects.filter(course__slug="gen-1-1").first()
    )

    call_command("generate_platform", seed=1, reset=True, stdout=StringIO())

    assert not User.objects.filter(email__startswith="gen-1-").exists()
    assert not Course.objects.filter(slug__startswith="gen-1-").exists()
    assert not Session.objects.filter(slug__startswith="gen-1-").exists()
    assert fingerprint(2) == seed_two
    assert User.objects.filter(pk=alice.pk).exists()
    assert not Enrolment.objects.filter(user=alice).exists()


def test_the_people_are_spread_as_the_coalition_sees_them():
    generate(learners=1000, courses=5, lessons=5, progress=1500, sessions=10)
    learners = User.objects.filter(email__endswith="@generated.example")
    groups = {str(s.country): s.group for s in CountryStatus.objects.all()}

    by_group = {}
    for country in learners.exclude(country="").values_list("country", flat=True):
        group = groups.get(country)
        by_group[group] = by_group.get(group, 0) + 1
    poorer = by_group.get("ldc", 0) + by_group.get("low", 0)
    assert poorer > 3 * by_group.get("high", 0)
    assert len(set(learners.values_list("preferred_language", flat=True))) == 6
    for field in ("gender", "age_band", "disability"):
        answered = learners.exclude(**{field: ""}).count()
        assert 400 < answered < 600, field
    assert learners.filter(date_joined__gte=END - dt.timedelta(days=180)).count() > 400


def test_the_impact_report_counts_the_generated_platform():
    generate()

    figures = snapshot.period_figures("all")

    completed = Enrolment.objects.exclude(completed_at=None)
    attended = Booking.objects.filter(attended=True)
    assert figures[("registered", "", "")] == 50
    assert figures[("completions", "", "")] == completed.count()
    assert figures[("trained", "", "")] == len(
        set(completed.values_list("user", flat=True)) | set(attended.values_list("user", flat=True))
    )
    free = Certificate.objects.filter(kind=Certificate.Kind.COMPLETION, revoked_at=None)
    assert figures.get(("certificates_free", "", ""), 0) == free.count()
    assert figures[("officials", "", "")] > 0
