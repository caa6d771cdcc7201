"""Every non-trivial read of the courses app; each runs a fixed number of queries."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils.module_loading import import_string

from alliance.core.search import text_search
from courses.models import (
    Course,
    CourseVersion,
    Enrolment,
    Lesson,
    LessonCompletion,
    Module,
    Question,
    Quiz,
    QuizAttempt,
    Status,
)
from library.models import Material


def published_versions() -> QuerySet[CourseVersion]:
    return CourseVersion.objects.filter(status=Status.PUBLISHED, course__status=Status.PUBLISHED)


def _with_duration(queryset: QuerySet[CourseVersion]) -> QuerySet[CourseVersion]:
    minutes = (
        Lesson.objects.filter(module__version=OuterRef("pk"))
        .order_by()
        .values("module__version")
        .annotate(total=Sum("minutes"))
        .values("total")
    )
    return queryset.annotate(
        duration_minutes=Coalesce(Subquery(minutes, output_field=IntegerField()), Value(0))
    )


def _with_progress(queryset: QuerySet[CourseVersion], user) -> QuerySet[CourseVersion]:
    if user is None or not user.is_authenticated:
        return queryset.annotate(my_progress=Value(None, output_field=IntegerField()))
    progress = (
        Enrolment.objects.filter(
            user=user, version__course=OuterRef("course"), state=Enrolment.State.ACTIVE
        )
        .order_by()
        .values("user")
        .annotate(best=Max("progress_percent"))
        .values("best")
    )
    return queryset.annotate(my_progress=Subquery(progress, output_field=IntegerField()))


def course_catalogue(
    *,
    user,
    display_language: str,
    language: str = "",
    topic: str = "",
    level: str = "",
    format: str = "",
    query: str = "",
) -> QuerySet[CourseVersion]:
    """One published version per course: in `language` if asked, else in the reader's language
    where the course has one, else in the course's original language, else the oldest published
    version (as course_pick_version chooses)."""
    versions = published_versions()
    if language:
        versions = versions.filter(language=language)
    else:
        in_reader_language = published_versions().filter(
            course=OuterRef("course"), language=display_language
        )
        fallback = (
            published_versions()
            .filter(course=OuterRef("course"))
            .order_by(Case(When(language=F("course__primary_language"), then=0), default=1), "pk")
            .values("pk")[:1]
        )
        versions = versions.filter(
            Q(language=display_language) | (~Exists(in_reader_language) & Q(pk=Subquery(fallback)))
        )
    if topic:
        versions = versions.filter(course__topic__slug=topic)
    if level:
        versions = versions.filter(course__level=level)
    if format:
        versions = versions.filter(course__format=format)
    versions = text_search(
        versions, query, fields=["title", "summary", "outcomes"], substring_fields=["title"]
    )
    versions = _with_duration(_with_progress(versions, user))
    ordering = ["-rank", "title"] if query.strip() else ["-course__featured", "title"]
    return (
        versions.select_related("course__topic", "course__organisation")
        .defer("search_vector")  # ranked in the database; a card has no use for it
        .order_by(*ordering, "pk")
    )


def course_version_languages(*, course: Course) -> list[str]:
    return list(published_versions().filter(course=course).values_list("language", flat=True))


def course_pick_version(*, slug: str, language: str) -> CourseVersion:
    """The published version to show for /courses/<slug>/: the reader's language if there is
    one, else the original, else the oldest published version (as course_catalogue chooses)."""
    versions = list(
        published_versions().filter(course__slug=slug).select_related("course").order_by("pk")
    )
    if not versions:
        raise CourseVersion.DoesNotExist
    by_language = {v.language: v for v in versions}
    course = versions[0].course
    return by_language.get(language) or by_language.get(course.primary_language) or versions[0]


def course_version_detail(*, slug: str, language: str, user) -> CourseVersion:
    """A published version with its syllabus, contributor and the learner's enrolment."""
    lessons = Lesson.objects.only(
        "pk", "module_id", "order", "title", "minutes", "required", "video", "video_url"
    )
    queryset = (
        _with_duration(published_versions())
        .select_related("course__topic", "course__organisation")
        .defer("search_vector")
        .prefetch_related(
            Prefetch(
                "modules",
                queryset=Module.objects.prefetch_related(
                    Prefetch("lessons", queryset=lessons),
                    Prefetch("quizzes", queryset=Quiz.objects.all()),
                ),
            ),
            Prefetch(
                "course__prerequisites",
                queryset=Course.objects.prefetch_related(
                    Prefetch(
                        "versions",
                        queryset=published_versions().defer("search_vector"),
                        to_attr="open_versions",
                    )
                ),
            ),
            Prefetch(
                "course__versions",
                queryset=published_versions().only("pk", "course_id", "language"),
                to_attr="open_versions",
            ),
        )
    )
    version = get_object_or_404(queryset, course__slug=slug, language=language)
    version.enrolment = None
    if user.is_authenticated:
        version.enrolment = Enrolment.objects.filter(user=user, version=version).first()
    return version


def course_live_sessions(*, version: CourseVersion) -> list:
    """The live sessions of a blended course, from the app that schedules them (if any)."""
    if not settings.COURSE_LIVE_SESSIONS_SELECTOR:
        return []
    return list(import_string(settings.COURSE_LIVE_SESSIONS_SELECTOR)(version=version))


@dataclass
class LessonPage:
    version: CourseVersion
    lesson: Lesson
    lessons: list[Lesson]
    previous: Lesson | None
    next: Lesson | None
    completed_ids: set[int]
    module_quizzes: list[Quiz]


def lesson_page(*, version: CourseVersion, lesson_id: int, enrolment: Enrolment) -> LessonPage:
    lessons = list(
        Lesson.objects.filter(module__version=version)
        .select_related("module")
        .order_by("module__order", "module_id", "order", "pk")
    )
    index = next((i for i, item in enumerate(lessons) if item.pk == lesson_id), None)
    if index is None:
        raise Lesson.DoesNotExist
    lesson = lessons[index]
    lesson.attachment_list = list(lesson.attachments.all())
    lesson.material_list = list(
        lesson.materials.filter(status=Material.Status.PUBLISHED).select_related("organisation")
    )
    completed = set(
        LessonCompletion.objects.filter(enrolment=enrolment).values_list("lesson_id", flat=True)
    )
    is_last_in_module = (
        index + 1 == len(lessons) or lessons[index + 1].module_id != lesson.module_id
    )
    quizzes = list(lesson.module.quizzes.all()) if is_last_in_module else []
    return LessonPage(
        version=version,
        lesson=lesson,
        lessons=lessons,
        previous=lessons[index - 1] if index > 0 else None,
        next=lessons[index + 1] if index + 1 < len(lessons) else None,
        completed_ids=completed,
        module_quizzes=quizzes,
    )


def quiz_with_questions(*, version: CourseVersion, quiz_id: int) -> Quiz:
    return get_object_or_404(
        Quiz.objects.select_related("module__version__course").prefetch_related(
            Prefetch("questions", queryset=Question.objects.prefetch_related("options"))
        ),
        pk=quiz_id,
        module__version=version,
    )


def quiz_attempts_for(*, enrolment: Enrolment, quiz: Quiz) -> list[QuizAttempt]:
    return list(
        QuizAttempt.objects.filter(
            enrolment=enrolment, quiz=quiz, submitted_at__isnull=False
        ).order_by("-submitted_at")
    )


def learner_dashboard(*, user) -> dict[str, list[Enrolment]]:
    enrolments = list(
        Enrolment.objects.filter(user=user, state=Enrolment.State.ACTIVE)
        .select_related("version__course__topic", "version__course__organisation", "last_lesson")
        .order_by("-last_activity_at", "-pk")
    )
    return {
        "in_progress": [e for e in enrolments if e.completed_at is None],
        "completed": [e for e in enrolments if e.completed_at is not None],
    }


def featured_courses(*, display_language: str, limit: int = 4) -> list[CourseVersion]:
    return list(course_catalogue(user=None, display_language=display_language)[:limit])


def attempt_feedback(*, quiz: Quiz, answers: dict) -> list[dict]:
    """Per question: what was chosen, what was right, and what the author says about it."""
    feedback = []
    for question in quiz.questions.all():
        options = list(question.options.all())
        chosen = set(answers.get(str(question.pk), []))
        right = {option.pk for option in options if option.is_correct}
        feedback.append(
            {
                "id": question.pk,
                "text": question.text,
                "correct": chosen == right,
                "chosen": sorted(chosen),
                "correct_options": sorted(right),
                "explanation": question.explanation,
                "options": [
                    {
                        "id": option.pk,
                        "text": option.text,
                        "chosen": option.pk in chosen,
                        "correct": option.is_correct,
                        "feedback": option.feedback,
                    }
                    for option in options
                ],
            }
        )
    return feedback


def course_versions_using_material(*, material) -> QuerySet[CourseVersion]:
    """Published course versions with a lesson that uses this library material."""
    return (
        published_versions()
        .filter(modules__lessons__materials=material)
        .distinct()
        .select_related("course")
        .order_by("title")
    )
