"""Every write of the courses app: enrolment, progress, quizzes and completion."""

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from contributors.models import ReviewState
from contributors.services import pending_changes_apply
from courses.models import (
    Course,
    CourseVersion,
    Enrolment,
    Lesson,
    LessonCompletion,
    Module,
    Option,
    Question,
    Quiz,
    QuizAttempt,
    Status,
)


def version_is_open(version: CourseVersion) -> bool:
    return version.status == Status.PUBLISHED and version.course.status == Status.PUBLISHED


def enrolment_create(*, user, version: CourseVersion) -> Enrolment:
    """Enrol a learner (free, one click). Enrolling again re-activates, keeping progress."""
    if not version_is_open(version):
        raise ValidationError(_("This course is not open for enrolment."), code="not_published")
    try:
        with transaction.atomic():
            enrolment, created = Enrolment.objects.get_or_create(user=user, version=version)
    except IntegrityError:
        # Two clicks at once: the other request created it.
        enrolment, created = Enrolment.objects.get(user=user, version=version), False
    if not created and enrolment.state != Enrolment.State.ACTIVE:
        Enrolment.objects.filter(pk=enrolment.pk).update(
            state=Enrolment.State.ACTIVE, last_activity_at=timezone.now()
        )
        enrolment.state = Enrolment.State.ACTIVE
    return enrolment


def enrolment_withdraw(*, enrolment: Enrolment) -> Enrolment:
    """Leave a course. Progress is kept, so enrolling again resumes where the learner was."""
    Enrolment.objects.filter(pk=enrolment.pk).update(state=Enrolment.State.WITHDRAWN)
    enrolment.state = Enrolment.State.WITHDRAWN
    return enrolment


def enrolment_for(*, user, version: CourseVersion) -> Enrolment:
    """The learner's active enrolment in this open version, or PermissionDenied.

    Reads version.course: callers select_related it to spare a query.
    """
    if not user.is_authenticated:
        raise PermissionDenied(_("Sign in and enrol to take this course."))
    if not version_is_open(version):
        raise PermissionDenied(_("This course is not open."))
    enrolment = Enrolment.objects.filter(
        user=user, version=version, state=Enrolment.State.ACTIVE
    ).first()
    if enrolment is None:
        raise PermissionDenied(_("Enrol in this course to open its lessons and quizzes."))
    return enrolment


def lesson_visit(*, enrolment: Enrolment, lesson: Lesson) -> None:
    """Remember where the learner is, for "resume where I left off"."""
    if enrolment.last_lesson_id != lesson.pk:
        Enrolment.objects.filter(pk=enrolment.pk).update(
            last_lesson=lesson, last_activity_at=timezone.now()
        )
        enrolment.last_lesson = lesson


@transaction.atomic
def lesson_complete(*, user, lesson: Lesson) -> Enrolment:
    version = lesson.module.version
    enrolment = enrolment_for(user=user, version=version)
    LessonCompletion.objects.get_or_create(enrolment=enrolment, lesson=lesson)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_lesson=lesson, last_activity_at=timezone.now()
    )
    return enrolment_refresh_progress(enrolment=enrolment)


def _required_items(version_id: int) -> tuple[set[int], set[int]]:
    lessons = set(
        Lesson.objects.filter(module__version_id=version_id, required=True).values_list(
            "pk", flat=True
        )
    )
    quizzes = set(
        Quiz.objects.filter(module__version_id=version_id, required=True).values_list(
            "pk", flat=True
        )
    )
    return lessons, quizzes


@transaction.atomic
def enrolment_refresh_progress(*, enrolment: Enrolment) -> Enrolment:
    """Recompute progress; on reaching every requirement, record completion exactly once."""
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    lessons, quizzes = _required_items(enrolment.version_id)
    done_lessons = set(
        LessonCompletion.objects.filter(enrolment=enrolment, lesson_id__in=lessons).values_list(
            "lesson_id", flat=True
        )
    )
    passed_quizzes = set(
        QuizAttempt.objects.filter(enrolment=enrolment, quiz_id__in=quizzes, passed=True)
        .values_list("quiz_id", flat=True)
        .distinct()
    )
    total = len(lessons) + len(quizzes)
    done = len(done_lessons) + len(passed_quizzes)
    for path in settings.COURSE_REQUIREMENT_PROVIDERS:
        # Other apps' requirements, e.g. attending the live sessions of a blended course.
        extra_done, extra_total = import_string(path)(enrolment=enrolment)
        done, total = done + min(extra_done, extra_total), total + extra_total
    percent = 100 if total == 0 else (done * 100) // total
    fields = ["progress_percent", "last_activity_at"]
    enrolment.progress_percent = percent
    enrolment.last_activity_at = timezone.now()
    newly_complete = percent == 100 and enrolment.completed_at is None
    if newly_complete:
        enrolment.completed_at = timezone.now()
        fields.append("completed_at")
    enrolment.save(update_fields=fields)
    if newly_complete:
        course_completed(enrolment=enrolment)
    return enrolment


def course_completed(*, enrolment: Enrolment) -> None:
    """Tell the apps that act on a completion (the certification app issues a certificate).

    The handlers are named in settings.COURSE_COMPLETED_HANDLERS, so this app imports none of
    them; each is called with the enrolment inside the completing transaction.
    """
    for path in settings.COURSE_COMPLETED_HANDLERS:
        import_string(path)(enrolment=enrolment)


# --- Quizzes -----------------------------------------------------------------------------------


def quiz_next_attempt_at(*, enrolment: Enrolment, quiz: Quiz):
    """When the learner may next try this quiz: None if now; raises if no attempts are left."""
    submitted = QuizAttempt.objects.filter(
        enrolment=enrolment, quiz=quiz, submitted_at__isnull=False
    )
    if quiz.max_attempts is not None and submitted.count() >= quiz.max_attempts:
        raise ValidationError(
            _("You have used all %(count)d attempts at this quiz.") % {"count": quiz.max_attempts},
            code="no_attempts_left",
        )
    if quiz.cooldown_minutes:
        last = submitted.order_by("-submitted_at").values_list("submitted_at", flat=True).first()
        if last is not None:
            ready_at = last + timedelta(minutes=quiz.cooldown_minutes)
            if ready_at > timezone.now():
                return ready_at
    return None


@transaction.atomic
def quiz_attempt_start(*, user, quiz: Quiz) -> QuizAttempt:
    """Open an attempt, or return the one already open, within the quiz's retry policy."""
    enrolment = enrolment_for(user=user, version=quiz.module.version)
    # One attempt at a time per learner: serialise on the enrolment row.
    Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
    open_attempt = QuizAttempt.objects.filter(
        enrolment=enrolment, quiz=quiz, submitted_at__isnull=True
    ).first()
    if open_attempt is not None:
        return open_attempt
    ready_at = quiz_next_attempt_at(enrolment=enrolment, quiz=quiz)
    if ready_at is not None:
        raise ValidationError(
            _("You can try this quiz again after %(time)s (UTC).")
            % {"time": ready_at.strftime("%Y-%m-%d %H:%M")},
            code="cooling_down",
        )
    return QuizAttempt.objects.create(enrolment=enrolment, quiz=quiz)


def _is_id(value) -> bool:
    # bool is a subclass of int, but True is not option 1.
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_answers(answers) -> dict[int, list[int]]:
    """{question id: [option ids]}, strictly: ids are ints, though a question id may be a
    string of digits, as JSON object keys are strings. "12" is never options 1 and 2."""
    malformed = ValidationError(
        _("Answers must name questions and options by number."), code="malformed"
    )
    if not isinstance(answers, dict):
        raise malformed
    chosen = {}
    for key, values in answers.items():
        question_id = int(key) if isinstance(key, str) and re.fullmatch(r"[0-9]+", key) else key
        if (
            not _is_id(question_id)
            or question_id in chosen
            or not isinstance(values, (list, tuple))
            or not all(_is_id(value) for value in values)
        ):
            raise malformed
        chosen[question_id] = sorted(set(values))
    return chosen


def _clean_answers(quiz: Quiz, questions, answers: dict) -> dict[str, list[int]]:
    valid_options = {q.pk: {o.pk for o in q.options.all()} for q in questions}
    chosen = _parse_answers(answers)
    unknown = set(chosen) - set(valid_options)
    if unknown:
        raise ValidationError(
            _("Some answers are for questions that are not in this quiz."), code="unknown_question"
        )
    errors = []
    for number, question in enumerate(questions, start=1):
        options = chosen.get(question.pk, [])
        if not set(options) <= valid_options[question.pk]:
            raise ValidationError(
                _("Some answers are options that are not in the question."),
                code="unknown_option",
            )
        if not options:
            errors.append(_("Question %(number)d has no answer.") % {"number": number})
        elif len(options) > 1 and question.kind != Question.Kind.MULTIPLE:
            errors.append(_("Question %(number)d takes one answer only.") % {"number": number})
    if errors:
        # A list given to ValidationError drops its code: each message carries it instead.
        raise ValidationError([ValidationError(m, code="incomplete") for m in errors])
    return {str(k): v for k, v in chosen.items()}


@transaction.atomic
def quiz_attempt_submit(*, user, attempt: QuizAttempt, answers: dict) -> QuizAttempt:
    """Grade an open attempt on the server. answers: {question id: [option ids]}."""
    attempt = (
        # Lock the attempt and the learner's enrolment, not the course rows every learner shares.
        QuizAttempt.objects.select_for_update(of=("self", "enrolment"))
        .select_related("enrolment__version__course", "quiz__module")
        .get(pk=attempt.pk)
    )
    if attempt.enrolment.user_id != user.pk:
        raise PermissionDenied(_("This attempt belongs to someone else."))
    if not version_is_open(attempt.enrolment.version):
        raise PermissionDenied(_("This course is not open."))
    if attempt.enrolment.state != Enrolment.State.ACTIVE:
        raise PermissionDenied(_("Enrol in this course to take its quizzes."))
    if attempt.submitted_at is not None:
        raise ValidationError(_("This attempt has already been submitted."), code="submitted")
    quiz = attempt.quiz
    questions = list(quiz.questions.prefetch_related("options"))
    if not questions:
        raise ValidationError(_("This quiz has no questions yet."), code="empty")
    cleaned = _clean_answers(quiz, questions, answers)
    correct = 0
    for question in questions:
        right = {o.pk for o in question.options.all() if o.is_correct}
        if set(cleaned[str(question.pk)]) == right:
            correct += 1
    attempt.answers = cleaned
    attempt.score = round(correct * 100 / len(questions))
    attempt.passed = attempt.score >= quiz.passing_score
    attempt.submitted_at = timezone.now()
    attempt.save(update_fields=["answers", "score", "passed", "submitted_at"])
    enrolment_refresh_progress(enrolment=attempt.enrolment)
    return attempt


def quiz_attempt_count(*, enrolment: Enrolment, quiz: Quiz) -> int:
    return QuizAttempt.objects.filter(
        enrolment=enrolment, quiz=quiz, submitted_at__isnull=False
    ).count()


# --- Review ------------------------------------------------------------------------------------


@transaction.atomic
def course_publish(*, course: Course) -> Course:
    """Publish a course with its versions, applying the pending changes members made to it."""
    versions = list(CourseVersion.objects.filter(course=course))
    modules = list(Module.objects.filter(version__course=course))
    lessons = list(Lesson.objects.filter(module__version__course=course))
    quizzes = list(Quiz.objects.filter(module__version__course=course))
    questions = list(Question.objects.filter(quiz__module__version__course=course))
    options = list(Option.objects.filter(question__quiz__module__version__course=course))
    pending_changes_apply(
        objects=[course, *versions, *modules, *lessons, *quizzes, *questions, *options]
    )
    Course.objects.filter(pk=course.pk).update(
        status=Status.PUBLISHED, review_state=ReviewState.APPROVED
    )
    CourseVersion.objects.filter(course=course).update(status=Status.PUBLISHED)
    course.refresh_from_db()
    return course
