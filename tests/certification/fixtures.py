"""Certification fixtures, shared with the browser tests (registered in the root conftest)."""

from decimal import Decimal

import pytest

from certification.models import GroupDiscount, Programme
from tests.certification.stripe_standin import SECRET_KEY, WEBHOOK_SECRET, StripeStandIn
from tests.courses.factories import OrganisationFactory, TopicFactory, build_course


@pytest.fixture
def stripe_standin(settings):
    """Stripe's API on loopback, with the platform configured to call it."""
    standin = StripeStandIn().start()
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = standin.base
    yield standin
    standin.stop()


@pytest.fixture
def discounts(db):
    """The coalition's discounts: free-ish for LDCs, full price for high income."""
    for group, percent in {
        "ldc": 90,
        "low": 80,
        "lower-middle": 60,
        "upper-middle": 30,
        "high": 0,
    }.items():
        GroupDiscount.objects.update_or_create(group=group, defaults={"percent": percent})


@pytest.fixture
def programme(db):
    """An exam-assessed programme needing one course (whose second quiz is the exam), 100 USD."""
    version = build_course(title="Generative AI foundations")
    exam = version.modules.order_by("order").last().quizzes.get()
    programme = Programme.objects.create(
        slug="advanced-generative-ai",
        title="Advanced Certificate in Generative AI",
        description="Design, evaluate and deploy generative AI responsibly.",
        criteria="Completed the required course and passed the final exam.",
        topic=TopicFactory(slug="generative-ai"),
        organisation=OrganisationFactory(name="International Telecommunication Union", slug="itu"),
        assessment=Programme.Assessment.EXAM,
        exam=exam,
        base_price=Decimal("100.00"),
        currency="USD",
    )
    programme.required_courses.add(version.course)
    return programme


def complete_programme_requirements(user, programme: Programme) -> None:
    """Take every required course to completion through the courses services, exam included."""
    from courses import services as course_services
    from courses.models import Lesson, Quiz
    from tests.courses.factories import correct_answers

    for course in programme.required_courses.all():
        version = course.versions.get(language=course.primary_language)
        course_services.enrolment_create(user=user, version=version)
        for lesson in Lesson.objects.filter(module__version=version):
            course_services.lesson_complete(user=user, lesson=lesson)
        for quiz in Quiz.objects.filter(module__version=version):
            attempt = course_services.quiz_attempt_start(user=user, quiz=quiz)
            course_services.quiz_attempt_submit(
                user=user, attempt=attempt, answers=correct_answers(quiz)
            )


@pytest.fixture
def qualified_alice(alice, programme, discounts):
    """Alice, in Kenya (lower-middle income), has met the programme's requirements."""
    alice.country = "KE"
    alice.save(update_fields=["country"])
    complete_programme_requirements(alice, programme)
    return alice
