"""Reads: where a learner stands with a programme, the candidates staff issue to, certificates."""

import uuid
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from certification.models import Certificate, Order, Programme, ProjectSubmission
from courses.models import Course, Enrolment, QuizAttempt


@dataclass(frozen=True)
class CourseRequirement:
    course: Course
    title: str
    done: bool


@dataclass(frozen=True)
class Standing:
    """Where a learner stands with a programme's requirements."""

    programme: Programme
    courses: list[CourseRequirement]
    assessment_passed: bool
    project: ProjectSubmission | None
    paid_order: Order | None
    certificate: Certificate | None

    @property
    def courses_done(self) -> bool:
        return all(item.done for item in self.courses)

    @property
    def requirements_met(self) -> bool:
        return self.courses_done and self.assessment_passed

    @property
    def may_buy(self) -> bool:
        return self.requirements_met and self.paid_order is None and self.certificate is None


def programmes_open() -> QuerySet[Programme]:
    return (
        Programme.objects.filter(is_active=True)
        .select_related("organisation", "topic")
        .prefetch_related("required_courses")
        .order_by("title")
    )


def _completed_course_ids(user, course_ids) -> set[int]:
    return set(
        Enrolment.objects.filter(
            user=user, version__course_id__in=course_ids, completed_at__isnull=False
        ).values_list("version__course_id", flat=True)
    )


def programme_standing(*, user, programme: Programme) -> Standing:
    courses = list(programme.required_courses.prefetch_related("versions").order_by("slug"))
    done = _completed_course_ids(user, [c.pk for c in courses]) if user.is_authenticated else set()
    project = None
    passed = False
    if user.is_authenticated:
        if programme.assessment == Programme.Assessment.EXAM:
            passed = QuizAttempt.objects.filter(
                enrolment__user=user, quiz_id=programme.exam_id, passed=True
            ).exists()
        else:
            project = ProjectSubmission.objects.filter(user=user, programme=programme).first()
            passed = project is not None and project.state == ProjectSubmission.State.PASSED
    paid = certificate = None
    if user.is_authenticated:
        paid = Order.objects.filter(user=user, programme=programme, state=Order.State.PAID).first()
        certificate = Certificate.objects.filter(
            user=user, programme=programme, kind=Certificate.Kind.ADVANCED
        ).first()
    return Standing(
        programme=programme,
        courses=[
            CourseRequirement(course=c, title=_course_title(c), done=c.pk in done) for c in courses
        ],
        assessment_passed=passed,
        project=project,
        paid_order=paid,
        certificate=certificate,
    )


def _course_title(course: Course) -> str:
    versions = list(course.versions.all())
    original = next((v for v in versions if v.language == course.primary_language), None)
    return (original or (versions[0] if versions else None) or course).__str__()


def candidates() -> QuerySet[Order]:
    """Paid (or waived) orders with no certificate yet: the learners staff may issue to."""
    return (
        Order.objects.filter(state=Order.State.PAID)
        .filter(~Exists(Certificate.objects.filter(order=OuterRef("pk"))))
        .select_related("user", "programme", "voucher")
        .order_by("paid_at")
    )


def certificates_of(*, user) -> QuerySet[Certificate]:
    return Certificate.objects.filter(user=user).order_by("-issued_at")


def certificate_for_verification(*, certificate_id) -> Certificate | None:
    """The certificate a verification link names, or None for an unknown or malformed id."""
    try:
        pk = uuid.UUID(str(certificate_id))
    except (ValueError, TypeError, AttributeError):
        return None
    return Certificate.objects.select_related("issuer").filter(pk=pk).first()


def orders_of(*, user) -> QuerySet[Order]:
    return Order.objects.filter(user=user).select_related("programme").order_by("-created_at")


def my_learning_section(*, user) -> dict:
    """The certificates part of "My learning": one query, whatever the number of certificates."""
    return {
        "template": "certification/_my_certificates.html",
        "certificates": list(certificates_of(user=user)),
    }
