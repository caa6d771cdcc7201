"""Course factories shared by every test of the courses app (and of the apps built on it).

Everything is published unless a test says otherwise, so a test only spells out what it is
about (a draft, a retry limit, a missing translation). `build_course` makes a whole course.
"""

import factory

from alliance.core.models import Topic
from contributors.models import Organisation
from courses.models import (
    Course,
    CourseVersion,
    Format,
    Lesson,
    Level,
    Module,
    Option,
    Question,
    Quiz,
    Status,
)


class TopicFactory(factory.django.DjangoModelFactory):
    """Topics are seeded by a migration: asking for a seeded slug returns the seeded row."""

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())
    order = 100


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Partner Organisation {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    kind = Organisation.Kind.NGO


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"course-{n}")
    topic = factory.SubFactory(TopicFactory, slug="machine-learning")
    level = Level.BEGINNER
    format = Format.SELF_PACED
    organisation = factory.SubFactory(OrganisationFactory)
    licence = "CC-BY-4.0"
    primary_language = "en"
    status = Status.PUBLISHED

    @factory.post_generation
    def prerequisites(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.prerequisites.set(extracted)


class CourseVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseVersion

    course = factory.SubFactory(CourseFactory)
    language = factory.SelfAttribute("course.primary_language")
    title = factory.Sequence(lambda n: f"Course title {n}")
    summary = "What this course is about, in two sentences. Practical and short."
    outcomes = "Explain the idea\nApply it to a real case"
    prerequisites_note = ""
    status = Status.PUBLISHED


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    version = factory.SubFactory(CourseVersionFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Module {n}")


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    module = factory.SubFactory(ModuleFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = "Some **text** to read."
    minutes = 10
    required = True


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz

    module = factory.SubFactory(ModuleFactory)
    order = 0
    title = factory.Sequence(lambda n: f"Quiz {n}")
    passing_score = 70
    max_attempts = None
    cooldown_minutes = 0
    required = True


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    quiz = factory.SubFactory(QuizFactory)
    order = factory.Sequence(lambda n: n)
    kind = Question.Kind.SINGLE
    text = factory.Sequence(lambda n: f"Question {n}?")
    explanation = "Why the right answer is right."


class OptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Option

    question = factory.SubFactory(QuestionFactory)
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Answer {n}")
    is_correct = False
    feedback = ""


def build_course(
    lessons_per_module: int = 2,
    modules: int = 2,
    with_quiz: bool = True,
    language: str = "en",
    *,
    course: Course | None = None,
    status: str = Status.PUBLISHED,
    title: str | None = None,
    questions_per_quiz: int = 2,
    quiz: dict | None = None,
    **course_fields,
) -> CourseVersion:
    """A version with `modules` modules of `lessons_per_module` lessons, and one quiz per module.

    Each question has two options: the first is wrong, the second is right (see
    `correct_answers`). `course` adds a version to an existing course; otherwise a new course
    is made from `course_fields`. `status` and `title` are the version's; `quiz` overrides
    the quizzes' fields (max_attempts, cooldown_minutes...).
    """
    if course is None:
        course_fields.setdefault("primary_language", language)
        course = CourseFactory(**course_fields)
    version_fields = {"title": title} if title else {}
    version = CourseVersionFactory(
        course=course, language=language, status=status, **version_fields
    )
    for module_order in range(modules):
        module = ModuleFactory(version=version, order=module_order)
        for lesson_order in range(lessons_per_module):
            LessonFactory(module=module, order=lesson_order)
        if with_quiz:
            module_quiz = QuizFactory(module=module, **(quiz or {}))
            for question_order in range(questions_per_quiz):
                question = QuestionFactory(quiz=module_quiz, order=question_order)
                OptionFactory(
                    question=question, order=0, text="A wrong answer", feedback="Not quite."
                )
                OptionFactory(
                    question=question,
                    order=1,
                    text="The right answer",
                    is_correct=True,
                    feedback="Yes, that is it.",
                )
    return version


def correct_answers(quiz: Quiz) -> dict[str, list[int]]:
    """The answers that score 100, in the shape the quiz services and the API take."""
    return {
        str(question.pk): [option.pk for option in question.options.all() if option.is_correct]
        for question in quiz.questions.all()
    }


def wrong_answers(quiz: Quiz) -> dict[str, list[int]]:
    """One wrong option per question: the answers that score 0."""
    return {
        str(question.pk): [
            next(option.pk for option in question.options.all() if not option.is_correct)
        ]
        for question in quiz.questions.all()
    }
