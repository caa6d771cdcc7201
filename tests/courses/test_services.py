import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from courses import services
from courses.models import Enrolment, Lesson, LessonCompletion, QuizAttempt, Status
from tests.courses.factories import build_course, correct_answers, wrong_answers
from tests.factories import UserFactory

COMPLETIONS = []


def record_completion(*, enrolment):
    COMPLETIONS.append(enrolment.pk)


def lessons_of(version):
    return list(Lesson.objects.filter(module__version=version).order_by("module__order", "order"))


def quizzes_of(version):
    return [q for module in version.modules.all() for q in module.quizzes.all()]


def finish_everything(user, version):
    for lesson in lessons_of(version):
        services.lesson_complete(user=user, lesson=lesson)
    for quiz in quizzes_of(version):
        attempt = services.quiz_attempt_start(user=user, quiz=quiz)
        services.quiz_attempt_submit(user=user, attempt=attempt, answers=correct_answers(quiz))


@pytest.mark.django_db
def test_enrolling_in_a_draft_course_is_refused_and_writes_nothing(alice):
    version = build_course(status=Status.DRAFT)

    with pytest.raises(ValidationError, match="not open"):
        services.enrolment_create(user=alice, version=version)

    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_a_draft_course_with_a_published_version_is_still_closed(alice):
    version = build_course(status=Status.PUBLISHED)
    version.course.status = Status.DRAFT
    version.course.save()

    with pytest.raises(ValidationError):
        services.enrolment_create(user=alice, version=version)


@pytest.mark.django_db
def test_enrolling_twice_keeps_one_enrolment(alice):
    version = build_course()

    first = services.enrolment_create(user=alice, version=version)
    second = services.enrolment_create(user=alice, version=version)

    assert first.pk == second.pk
    assert Enrolment.objects.count() == 1


@pytest.mark.django_db
def test_leaving_keeps_progress_and_coming_back_resumes_it(alice):
    version = build_course()
    enrolment = services.enrolment_create(user=alice, version=version)
    services.lesson_complete(user=alice, lesson=lessons_of(version)[0])

    services.enrolment_withdraw(enrolment=enrolment)
    with pytest.raises(PermissionDenied):
        services.lesson_complete(user=alice, lesson=lessons_of(version)[1])
    again = services.enrolment_create(user=alice, version=version)

    again.refresh_from_db()
    assert again.pk == enrolment.pk
    assert again.is_active
    assert again.progress_percent > 0
    assert LessonCompletion.objects.filter(enrolment=again).count() == 1


@pytest.mark.django_db
def test_completing_a_lesson_needs_an_enrolment_in_its_course(alice):
    mine = build_course()
    other = build_course()
    services.enrolment_create(user=alice, version=mine)

    with pytest.raises(PermissionDenied):
        services.lesson_complete(user=alice, lesson=lessons_of(other)[0])

    assert not LessonCompletion.objects.filter(lesson__module__version=other).exists()


@pytest.mark.django_db
def test_progress_counts_required_lessons_and_quizzes_only(alice):
    version = build_course(modules=1, lessons_per_module=3)
    optional = lessons_of(version)[2]
    optional.required = False
    optional.save()
    services.enrolment_create(user=alice, version=version)

    enrolment = services.lesson_complete(user=alice, lesson=optional)
    assert enrolment.progress_percent == 0

    enrolment = services.lesson_complete(user=alice, lesson=lessons_of(version)[0])
    # 2 required lessons + 1 required quiz: one of three done.
    assert enrolment.progress_percent == 33


@pytest.mark.django_db
def test_a_course_is_complete_when_every_lesson_is_read_and_every_quiz_passed(alice, settings):
    settings.COURSE_COMPLETED_HANDLERS = ["tests.courses.test_services.record_completion"]
    COMPLETIONS.clear()
    version = build_course()
    enrolment = services.enrolment_create(user=alice, version=version)

    for lesson in lessons_of(version):
        services.lesson_complete(user=alice, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    assert enrolment.progress_percent == 66

    finish_everything(alice, version)

    enrolment.refresh_from_db()
    assert enrolment.progress_percent == 100
    assert enrolment.completed_at is not None
    assert [enrolment.pk] == COMPLETIONS


@pytest.mark.django_db
def test_completion_is_recorded_and_announced_once(alice, settings):
    settings.COURSE_COMPLETED_HANDLERS = ["tests.courses.test_services.record_completion"]
    COMPLETIONS.clear()
    version = build_course(modules=1)
    services.enrolment_create(user=alice, version=version)
    finish_everything(alice, version)
    completed_at = Enrolment.objects.get().completed_at

    services.lesson_complete(user=alice, lesson=lessons_of(version)[0])

    assert Enrolment.objects.get().completed_at == completed_at
    assert len(COMPLETIONS) == 1


@pytest.mark.django_db
def test_a_quiz_is_graded_on_the_server(alice):
    version = build_course(modules=1)
    quiz = quizzes_of(version)[0]
    services.enrolment_create(user=alice, version=version)

    attempt = services.quiz_attempt_start(user=alice, quiz=quiz)
    attempt = services.quiz_attempt_submit(user=alice, attempt=attempt, answers=wrong_answers(quiz))
    assert (attempt.score, attempt.passed) == (0, False)

    attempt = services.quiz_attempt_start(user=alice, quiz=quiz)
    attempt = services.quiz_attempt_submit(
        user=alice, attempt=attempt, answers=correct_answers(quiz)
    )
    assert (attempt.score, attempt.passed) == (100, True)


@pytest.mark.django_db
def test_multiple_choice_needs_exactly_the_right_set(alice):
    version = build_course(modules=1, questions_per_quiz=1)
    quiz = quizzes_of(version)[0]
    question = quiz.questions.get()
    question.kind = question.Kind.MULTIPLE
    question.save()
    question.options.update(is_correct=True)
    services.enrolment_create(user=alice, version=version)
    ids = list(question.options.values_list("pk", flat=True))

    partial = services.quiz_attempt_submit(
        user=alice,
        attempt=services.quiz_attempt_start(user=alice, quiz=quiz),
        answers={str(question.pk): ids[:1]},
    )
    full = services.quiz_attempt_submit(
        user=alice,
        attempt=services.quiz_attempt_start(user=alice, quiz=quiz),
        answers={str(question.pk): ids},
    )

    assert partial.passed is False
    assert full.passed is True


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ("option of another question", "unknown_option"),
        ("unknown question", "unknown_question"),
        ("two answers to a single choice", "incomplete"),
        ("unanswered", "incomplete"),
        ("not numbers", "malformed"),
        ("a string of digits for the options", "malformed"),
        ("true for an option", "malformed"),
        ("not a dict", "malformed"),
    ],
)
def test_bad_answers_are_refused_and_leave_the_attempt_open(alice, bad, code):
    version = build_course(modules=2)
    quiz, other_quiz = quizzes_of(version)
    services.enrolment_create(user=alice, version=version)
    attempt = services.quiz_attempt_start(user=alice, quiz=quiz)
    answers = correct_answers(quiz)
    first = next(iter(answers))
    if bad == "option of another question":
        answers[first] = correct_answers(other_quiz)[next(iter(correct_answers(other_quiz)))]
    elif bad == "unknown question":
        answers.update(correct_answers(other_quiz))
    elif bad == "two answers to a single choice":
        answers[first] = list(quiz.questions.get(pk=first).options.values_list("pk", flat=True))
    elif bad == "unanswered":
        answers[first] = []
    elif bad == "not numbers":
        answers[first] = ["seven"]
    elif bad == "a string of digits for the options":
        # Read character by character, "12" would be options 1 and 2.
        answers[first] = str(answers[first][0])
    elif bad == "true for an option":
        answers[first] = [True]
    else:
        answers = list(answers.items())

    with pytest.raises(ValidationError) as refusal:
        services.quiz_attempt_submit(user=alice, attempt=attempt, answers=answers)

    assert {error.code for error in refusal.value.error_list} == {code}
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.score is None


def close(version, what):
    """Send the course, or only this version of it, back to draft."""
    closed = version.course if what == "course" else version
    closed.status = Status.DRAFT
    closed.save()


@pytest.mark.django_db
@pytest.mark.parametrize("what", ["course", "version"])
def test_a_lesson_of_a_course_back_in_draft_cannot_be_completed(alice, what):
    version = build_course(modules=1)
    enrolment = services.enrolment_create(user=alice, version=version)
    close(version, what)

    with pytest.raises(PermissionDenied, match="not open"):
        services.lesson_complete(user=alice, lesson=lessons_of(version)[0])

    enrolment.refresh_from_db()
    assert not LessonCompletion.objects.exists()
    assert (enrolment.progress_percent, enrolment.last_lesson) == (0, None)


@pytest.mark.django_db
@pytest.mark.parametrize("what", ["course", "version"])
def test_a_quiz_of_a_course_back_in_draft_cannot_be_started(alice, what):
    version = build_course(modules=1)
    services.enrolment_create(user=alice, version=version)
    close(version, what)

    with pytest.raises(PermissionDenied, match="not open"):
        services.quiz_attempt_start(user=alice, quiz=quizzes_of(version)[0])

    assert not QuizAttempt.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("what", ["course", "version"])
def test_an_attempt_at_a_course_back_in_draft_cannot_be_submitted(alice, what):
    version = build_course(modules=1)
    quiz = quizzes_of(version)[0]
    enrolment = services.enrolment_create(user=alice, version=version)
    attempt = services.quiz_attempt_start(user=alice, quiz=quiz)
    close(version, what)

    with pytest.raises(PermissionDenied, match="not open"):
        services.quiz_attempt_submit(user=alice, attempt=attempt, answers=correct_answers(quiz))

    attempt.refresh_from_db()
    enrolment.refresh_from_db()
    assert attempt.submitted_at is None and attempt.score is None
    assert enrolment.progress_percent == 0


@pytest.mark.django_db
def test_nobody_submits_another_learners_attempt(alice, charlie):
    version = build_course(modules=1)
    quiz = quizzes_of(version)[0]
    services.enrolment_create(user=alice, version=version)
    services.enrolment_create(user=charlie, version=version)
    attempt = services.quiz_attempt_start(user=alice, quiz=quiz)

    with pytest.raises(PermissionDenied):
        services.quiz_attempt_submit(user=charlie, attempt=attempt, answers=correct_answers(quiz))

    attempt.refresh_from_db()
    assert attempt.submitted_at is None


@pytest.mark.django_db
def test_a_submitted_attempt_cannot_be_submitted_again(alice):
    version = build_course(modules=1)
    quiz = quizzes_of(version)[0]
    services.enrolment_create(user=alice, version=version)
    attempt = services.quiz_attempt_start(user=alice, quiz=quiz)
    services.quiz_attempt_submit(user=alice, attempt=attempt, answers=wrong_answers(quiz))

    with pytest.raises(ValidationError, match="already been submitted"):
        services.quiz_attempt_submit(user=alice, attempt=attempt, answers=correct_answers(quiz))

    attempt.refresh_from_db()
    assert attempt.score == 0


@pytest.mark.django_db
def test_the_retry_limit_is_enforced(alice):
    version = build_course(modules=1, quiz={"max_attempts": 2})
    quiz = quizzes_of(version)[0]
    services.enrolment_create(user=alice, version=version)
    for _ in range(2):
        attempt = services.quiz_attempt_start(user=alice, quiz=quiz)
        services.quiz_attempt_submit(user=alice, attempt=attempt, answers=wrong_answers(quiz))

    with pytest.raises(ValidationError, match="all 2 attempts"):
        services.quiz_attempt_start(user=alice, quiz=quiz)

    assert QuizAttempt.objects.count() == 2


@pytest.mark.django_db
def test_a_cool_down_separates_attempts(alice):
    version = build_course(modules=1, quiz={"cooldown_minutes": 30})
    quiz = quizzes_of(version)[0]
    services.enrolment_create(user=alice, version=version)
    attempt = services.quiz_attempt_start(user=alice, quiz=quiz)
    services.quiz_attempt_submit(user=alice, attempt=attempt, answers=wrong_answers(quiz))

    with pytest.raises(ValidationError, match="try this quiz again after"):
        services.quiz_attempt_start(user=alice, quiz=quiz)

    QuizAttempt.objects.update(submitted_at=timezone.now() - timedelta(minutes=31))
    assert services.quiz_attempt_start(user=alice, quiz=quiz).submitted_at is None


@pytest.mark.django_db
def test_starting_twice_returns_the_open_attempt(alice):
    version = build_course(modules=1)
    quiz = quizzes_of(version)[0]
    services.enrolment_create(user=alice, version=version)

    first = services.quiz_attempt_start(user=alice, quiz=quiz)
    second = services.quiz_attempt_start(user=alice, quiz=quiz)

    assert first.pk == second.pk


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_enrolment_clicks_make_one_enrolment():
    version = build_course(modules=1)
    learner = UserFactory()
    errors = []

    def click():
        try:
            services.enrolment_create(user=learner, version=version)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Enrolment.objects.filter(user=learner).count() == 1
