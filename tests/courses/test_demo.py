"""The demo course catalogue: complete, well formed, and loaded twice without a single change."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from contributors.demo import FOUNDING_CONTRIBUTORS
from courses import demo
from courses.models import (
    Course,
    CourseVersion,
    Format,
    Lesson,
    LessonAttachment,
    Level,
    Question,
    Quiz,
    Status,
)

pytestmark = pytest.mark.django_db

SEEDED_TOPICS = {
    "generative-ai",
    "machine-learning",
    "ai-for-sustainable-development",
    "ai-governance-and-ethics",
    "data-and-digital-skills",
}


def course_models():
    return [*apps.get_app_config("courses").get_models(), Course.prerequisites.through]


def snapshot():
    return {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in course_models()
    }


def media_files():
    """The courses' stored files (other apps' demo files live in their own folders)."""
    root = Path(settings.MEDIA_ROOT)
    return sorted(
        str(path.relative_to(root)) for path in (root / "courses").rglob("*") if path.is_file()
    )


@pytest.fixture
def loaded():
    call_command("load_demo", verbosity=0)


def words(markdown: str) -> int:
    return sum(1 for token in markdown.split() if re.search(r"\w", token))


def published_versions():
    return CourseVersion.objects.filter(status=Status.PUBLISHED, course__status=Status.PUBLISHED)


def test_loading_the_demo_twice_changes_no_row_and_copies_no_file(capsys):
    call_command("load_demo")
    first_report = capsys.readouterr().out
    rows, files = snapshot(), media_files()

    call_command("load_demo")

    assert capsys.readouterr().out == first_report
    assert snapshot() == rows
    assert media_files() == files
    assert len(files) == 3  # the video, its captions and one attachment


def test_the_loader_counts_the_versions_it_loads(loaded):
    assert demo.load() == CourseVersion.objects.count() == 16


def test_the_catalogue_covers_every_topic_in_several_languages(loaded):
    courses = Course.objects.filter(status=Status.PUBLISHED)

    assert courses.count() >= 8
    assert set(courses.values_list("topic__slug", flat=True)) == SEEDED_TOPICS
    assert len(set(published_versions().values_list("language", flat=True))) >= 3
    assert {course.level for course in courses} == set(Level.values)
    assert courses.filter(format=Format.BLENDED).exists()
    assert 1 <= courses.filter(featured=True).count() <= 2
    assert courses.filter(licence="CC-BY-SA-4.0").count() == 1
    for course in courses:
        assert course.primary_language == "en"
        assert course.versions.filter(language="en", status=Status.PUBLISHED).exists()


def test_every_course_comes_from_a_founding_contributor(loaded):
    founders = {name for name, *_ in FOUNDING_CONTRIBUTORS}
    for course in Course.objects.select_related("organisation"):
        assert course.organisation is not None, course
        assert course.organisation.is_founding
        assert course.organisation.name in founders


def test_machine_learning_foundations_requires_the_data_skills_course(loaded):
    course = Course.objects.get(slug="machine-learning-foundations")

    assert list(course.prerequisites.values_list("slug", flat=True)) == [
        "data-skills-for-the-ai-age"
    ]


def test_every_published_version_has_modules_lessons_and_a_quiz_per_module(loaded):
    for version in published_versions():
        assert version.summary and version.prerequisites_note, version
        assert 3 <= len(version.outcome_list) <= 4, version
        modules = list(version.modules.all())
        assert 2 <= len(modules) <= 3, version
        for module in modules:
            lessons = list(module.lessons.all())
            assert 2 <= len(lessons) <= 3, module
            for lesson in lessons:
                assert 5 <= lesson.minutes <= 25, lesson
                assert lesson.body_html().strip(), lesson
                if version.language == "en":
                    assert 150 <= words(lesson.body) <= 300, lesson
            quizzes = list(module.quizzes.all())
            assert len(quizzes) == 1, module
            assert quizzes[0].questions.count() == 3, quizzes[0]


def test_translations_are_not_english_copies(loaded):
    for version in published_versions().exclude(language="en"):
        original = version.course.versions.get(language="en")
        assert version.title != original.title
        original_bodies = set(
            Lesson.objects.filter(module__version=original).values_list("body", flat=True)
        )
        for lesson in Lesson.objects.filter(module__version=version):
            assert lesson.body not in original_bodies, lesson


def test_every_question_can_be_answered_and_explains_itself(loaded):
    questions = Question.objects.prefetch_related("options").select_related("quiz__module__version")
    kinds = set()
    for question in questions:
        options = list(question.options.all())
        correct = [option for option in options if option.is_correct]
        kinds.add(question.kind)
        assert question.explanation, question
        assert all(option.feedback for option in options), question
        assert correct, question
        if question.kind == Question.Kind.MULTIPLE:
            assert len(options) >= 3, question
        else:
            assert len(correct) == 1, question
        if question.kind == Question.Kind.TRUE_FALSE:
            language = question.quiz.module.version.language
            assert tuple(o.text for o in options) == demo.TRUE_FALSE_LABELS[language], question
    assert kinds == set(Question.Kind.values)


def test_quizzes_pass_at_70_and_one_allows_three_attempts(loaded):
    assert set(Quiz.objects.values_list("passing_score", flat=True)) == {70}
    limited = Quiz.objects.exclude(max_attempts=None)
    assert limited.count() == 1
    assert (limited.get().max_attempts, limited.get().cooldown_minutes) == (3, 0)


def test_a_lesson_has_a_captioned_video_and_a_transcript_in_the_media_storage(loaded):
    lesson = Lesson.objects.exclude(video="").get()
    media_root = Path(settings.MEDIA_ROOT)

    assert lesson.module.version.language == "en"
    assert lesson.video.name.endswith(".webm") and lesson.captions.name.endswith(".vtt")
    assert Path(lesson.video.path).is_relative_to(media_root)
    assert Path(lesson.video.path).read_bytes()[:4] == b"\x1a\x45\xdf\xa3"  # EBML: WebM
    captions = Path(lesson.captions.path).read_text(encoding="utf-8")
    assert captions.startswith("WEBVTT")
    cues = re.split(r"\n\n+", captions.strip())[1:]
    assert len(cues) >= 3
    transcript = " ".join(lesson.transcript.split())
    for cue in cues:
        timing, *text = cue.splitlines()[1:]
        assert "-->" in timing
        assert " ".join(text) in transcript


def test_a_lesson_has_an_attachment_copied_from_the_demo_media(loaded):
    attachment = LessonAttachment.objects.get()

    assert Path(attachment.file.path).is_relative_to(Path(settings.MEDIA_ROOT))
    assert attachment.file.read() == (demo.MEDIA_DIR / "prompting-cheat-sheet.md").read_bytes()


def test_the_demo_media_stay_small():
    assert sum(path.stat().st_size for path in demo.MEDIA_DIR.iterdir()) < 300_000
