"""Reads: where a learner stands with a programme, the candidates staff issue to, certificates."""

import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

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
    def bought(self) -> bool:
        return self.paid_order is not None or self.certificate is not None

    @property
    def may_buy(self) -> bool:
        return self.requirements_met and not self.bought

    def refuse_if_bought(self) -> None:
        """Checkout and fee waivers alike: nobody buys, or asks to be let off, twice."""
        if self.bought:
            raise already_bought()


def already_bought() -> ValidationError:
    return ValidationError(_("You have already bought this certificate."), code="bought")


def programmes_open() -> QuerySet[Programme]:
    return (
        Programme.objects.filter(is_active=True)
        .select_related("organisation", "topic")
        .prefetch_related("required_courses__versions")
        .order_by("title")
    )


def programme_standings(*, user, programmes) -> dict[int, Standing]:
    """Where a learner stands with each of several programmes, in a constant number of queries
    whatever their number (required courses and their versions come prefetched if given so)."""
    programmes = list(programmes)
    ids = [programme.pk for programme in programmes]
    courses = {
        programme.pk: sorted(programme.required_courses.all(), key=lambda c: c.slug)
        for programme in programmes
    }
    done: set[int] = set()
    exams_passed: set[int] = set()
    projects: dict[int, ProjectSubmission] = {}
    paid: dict[int, Order] = {}
    certificates: dict[int, Certificate] = {}
    if user.is_authenticated and programmes:
        course_ids = {course.pk for items in courses.values() for course in items}
        done = set(
            Enrolment.objects.filter(
                user=user, version__course_id__in=course_ids, completed_at__isnull=False
            ).values_list("version__course_id", flat=True)
        )
        exam_ids = [p.exam_id for p in programmes if p.assessment == Programme.Assessment.EXAM]
        exams_passed = set(
            QuizAttempt.objects.filter(
                enrolment__user=user, quiz_id__in=exam_ids, passed=True
            ).values_list("quiz_id", flat=True)
        )
        # The latest submission counts: ordered newest first, the first seen is kept.
        for project in ProjectSubmission.objects.filter(user=user, programme_id__in=ids):
            projects.setdefault(project.programme_id, project)
        for order in Order.objects.filter(user=user, programme_id__in=ids, state=Order.State.PAID):
            paid[order.programme_id] = order
        for certificate in Certificate.objects.filter(
            user=user, programme_id__in=ids, kind=Certificate.Kind.ADVANCED
        ):
            certificates[certificate.programme_id] = certificate
    standings = {}
    for programme in programmes:
        project = projects.get(programme.pk)
        if programme.assessment == Programme.Assessment.EXAM:
            passed = programme.exam_id in exams_passed
        else:
            passed = project is not None and project.state == ProjectSubmission.State.PASSED
        standings[programme.pk] = Standing(
            programme=programme,
            courses=[
                CourseRequirement(course=c, title=_course_title(c), done=c.pk in done)
                for c in courses[programme.pk]
            ],
            assessment_passed=passed,
            project=project if programme.assessment == Programme.Assessment.PROJECT else None,
            paid_order=paid.get(programme.pk),
            certificate=certificates.get(programme.pk),
        )
    return standings


def programme_standing(*, user, programme: Programme) -> Standing:
    programme = Programme.objects.prefetch_related("required_courses__versions").get(
        pk=programme.pk
    )
    return programme_standings(user=user, programmes=[programme])[programme.pk]


def _course_title(course: Course) -> str:
    versions = list(course.versions.all())
    original = next((v for v in versions if v.language == course.primary_language), None)
    chosen = original or (versions[0] if versions else None)
    return chosen.title if chosen else course.slug


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


# --- Staff's candidate queue -----------------------------------------------------------------

# Imported here, with the code that uses them, so this section stays one appended block.
from datetime import datetime  # noqa: E402

from django.db.models import Count, Max, Min, Q, prefetch_related_objects  # noqa: E402


@dataclass(frozen=True)
class CourseEvidence:
    title: str
    completed_at: datetime | None


@dataclass(frozen=True)
class CandidateEvidence:
    """What staff weigh before issuing: the order, and the learner's record against it."""

    order: Order
    courses: list[CourseEvidence]
    exam_best_score: int | None
    exam_passed: bool
    project: ProjectSubmission | None

    @property
    def assessment_passed(self) -> bool:
        if self.order.programme.assessment == Programme.Assessment.EXAM:
            return self.exam_passed
        return self.project is not None and self.project.state == ProjectSubmission.State.PASSED

    @property
    def requirements_met(self) -> bool:
        return self.assessment_passed and all(c.completed_at for c in self.courses)


def candidate_evidence(orders) -> list[CandidateEvidence]:
    """The evidence for a page of candidates (orders from ``candidates()``), in a fixed number of
    queries whatever the page's length: courses, enrolments, exam attempts, projects."""
    orders = list(orders)
    if not orders:
        return []
    prefetch_related_objects([o.programme for o in orders], "required_courses__versions")
    user_ids = {o.user_id for o in orders}
    course_ids = {c.pk for o in orders for c in o.programme.required_courses.all()}
    exam_ids = {o.programme.exam_id for o in orders if o.programme.exam_id}
    completed = {
        (row["user_id"], row["version__course_id"]): row["first"]
        for row in Enrolment.objects.filter(
            user_id__in=user_ids, version__course_id__in=course_ids, completed_at__isnull=False
        )
        .values("user_id", "version__course_id")
        .annotate(first=Min("completed_at"))
        .order_by()
    }
    exams = {
        (row["enrolment__user_id"], row["quiz_id"]): row
        for row in QuizAttempt.objects.filter(
            enrolment__user_id__in=user_ids, quiz_id__in=exam_ids, submitted_at__isnull=False
        )
        .values("enrolment__user_id", "quiz_id")
        .annotate(best=Max("score"), passes=Count("pk", filter=Q(passed=True)))
        .order_by()
    }
    projects = {
        (p.user_id, p.programme_id): p  # the latest submission wins
        for p in ProjectSubmission.objects.filter(
            user_id__in=user_ids, programme_id__in={o.programme_id for o in orders}
        ).order_by("submitted_at", "pk")
    }
    evidence = []
    for order in orders:
        programme = order.programme
        exam = exams.get((order.user_id, programme.exam_id)) if programme.exam_id else None
        courses = sorted(programme.required_courses.all(), key=lambda c: c.slug)
        evidence.append(
            CandidateEvidence(
                order=order,
                courses=[
                    CourseEvidence(
                        title=_course_title(c), completed_at=completed.get((order.user_id, c.pk))
                    )
                    for c in courses
                ],
                exam_best_score=exam["best"] if exam else None,
                exam_passed=bool(exam and exam["passes"]),
                project=projects.get((order.user_id, programme.pk))
                if programme.assessment == Programme.Assessment.PROJECT
                else None,
            )
        )
    return evidence
