import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from courses.models import Enrolment, LessonAttachment, QuizAttempt, Status
from tests.courses.factories import build_course, correct_answers, wrong_answers
from tests.courses.test_services import lessons_of, quizzes_of
from tests.factories import UserFactory


def url(name, version, *args):
    return reverse(name, args=[version.course.slug, version.language, *args])


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


@pytest.mark.django_db
def test_the_catalogue_lists_published_courses_only(client):
    shown = build_course()
    hidden = build_course(status=Status.DRAFT)

    page = client.get("/courses/").content.decode()

    assert shown.title in page
    assert hidden.title not in page


@pytest.mark.django_db
def test_a_course_in_several_languages_is_one_card_in_the_readers_language(client):
    english = build_course()
    french = build_course(language="fr", course=english.course)
    french.title = "Apprendre l'IA"
    french.save()

    client.cookies["django_language"] = "fr"
    page = client.get("/courses/").content.decode()
    assert "Apprendre l&#x27;IA" in page
    assert english.title not in page

    client.cookies["django_language"] = "es"
    page = client.get("/courses/").content.decode()
    assert english.title in page
    assert "Apprendre" not in page


@pytest.mark.django_db
def test_the_catalogue_filters_by_topic_language_level_format_and_text(client):
    wanted = build_course(level="advanced", format="blended")
    wanted.title = "Transformers in depth"
    wanted.save()
    build_course(level="beginner")

    page = client.get(
        "/courses/",
        {
            "level": "advanced",
            "format": "blended",
            "topic": "machine-learning",
            "language": "en",
            "q": "transformers",
        },
    ).content.decode()

    assert "Transformers in depth" in page
    assert "1 course" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"level": "expert"}, {"topic": "astrology"}, {"language": "tlh"}, {"q": "x" * 500}]
)
def test_unknown_catalogue_filters_are_a_clear_400(client, params):
    build_course()

    response = client.get("/courses/", params)

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode() or "at most" in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_the_catalogue_paginates_and_survives_any_page_number(client):
    for _ in range(14):
        build_course(modules=1, lessons_per_module=1, with_quiz=False)

    first = client.get("/courses/").content.decode()
    beyond = client.get("/courses/", {"page": "999"})
    nonsense = client.get("/courses/", {"page": "abc"})

    assert "Page 1 of 2" in first
    assert beyond.status_code == 200 and "Page 2 of 2" in beyond.content.decode()
    assert nonsense.status_code == 200


@pytest.mark.django_db
def test_a_card_shows_the_learners_own_progress(client, alice, charlie):
    version = build_course(modules=1, lessons_per_module=2)
    services.enrolment_create(user=alice, version=version)
    services.lesson_complete(user=alice, lesson=lessons_of(version)[0])

    client.force_login(alice)
    assert "33% complete" in client.get("/courses/").content.decode()

    client.force_login(charlie)
    assert "% complete" not in client.get("/courses/").content.decode()


@pytest.mark.django_db
def test_the_course_page_shows_syllabus_licence_contributor_and_languages(client):
    version = build_course()
    build_course(language="ar", course=version.course)

    page = client.get(version.get_absolute_url()).content.decode()

    assert version.course.organisation.name in page
    assert "CC-BY-4.0" in page
    assert "Syllabus" in page
    assert all(lesson.title in page for lesson in lessons_of(version))
    assert 'hreflang="ar"' in page


@pytest.mark.django_db
def test_a_draft_course_page_is_not_found(client):
    version = build_course(status=Status.DRAFT)

    assert client.get(version.get_absolute_url()).status_code == 404
    assert client.get(f"/courses/{version.course.slug}/").status_code == 404


@pytest.mark.django_db
def test_the_course_address_without_a_language_picks_the_readers_one(client):
    english = build_course()
    build_course(language="fr", course=english.course)
    client.cookies["django_language"] = "fr"

    response = client.get(f"/courses/{english.course.slug}/")

    assert response["Location"] == f"/courses/{english.course.slug}/fr/"


@pytest.mark.django_db
def test_enrolling_is_one_click_and_leaving_keeps_progress(client, alice):
    version = build_course()
    client.force_login(alice)

    client.post(url("courses:enrol", version))
    enrolment = Enrolment.objects.get(user=alice)
    services.lesson_complete(user=alice, lesson=lessons_of(version)[0])
    client.post(url("courses:unenrol", version))
    page = client.get(version.get_absolute_url()).content.decode()

    enrolment.refresh_from_db()
    assert enrolment.state == Enrolment.State.WITHDRAWN
    assert enrolment.progress_percent > 0
    assert "Enrol again (your progress is kept)" in page


@pytest.mark.django_db
def test_enrolling_in_a_draft_course_is_a_clear_400(client, alice):
    version = build_course(status=Status.DRAFT)
    client.force_login(alice)

    response = client.post(url("courses:enrol", version))

    assert response.status_code == 400
    assert "not open for enrolment" in response.content.decode()
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_lessons_need_an_enrolment(client, alice):
    version = build_course()
    lesson = lessons_of(version)[0]

    anonymous = client.get(url("courses:lesson", version, lesson.pk))
    client.force_login(alice)
    not_enrolled = client.get(url("courses:lesson", version, lesson.pk))
    complete = client.post(url("courses:lesson_complete", version, lesson.pk))

    assert anonymous.status_code == 302
    assert not_enrolled.status_code == 403
    assert "Enrol in this course" in not_enrolled.content.decode()
    assert complete.status_code == 403


@pytest.mark.django_db
def test_a_lesson_of_another_course_is_not_found_under_this_one(client, alice):
    mine = build_course()
    other = build_course()
    services.enrolment_create(user=alice, version=mine)
    services.enrolment_create(user=alice, version=other)
    client.force_login(alice)
    foreign = lessons_of(other)[0]

    assert client.get(url("courses:lesson", mine, foreign.pk)).status_code == 404
    assert client.post(url("courses:lesson_complete", mine, foreign.pk)).status_code == 404


@pytest.mark.django_db
def test_the_lesson_player_shows_text_progress_and_the_way_on(client, alice):
    version = build_course(modules=1, lessons_per_module=2)
    first, second = lessons_of(version)
    first.body = "# Tokens\n\nA **token** is a piece of text. <script>alert(1)</script>"
    first.save()
    services.enrolment_create(user=alice, version=version)
    client.force_login(alice)

    page = client.get(url("courses:lesson", version, first.pk)).content.decode()
    response = client.post(url("courses:lesson_complete", version, first.pk))

    assert "<strong>token</strong>" in page
    assert "<script>alert" not in page
    assert "0% complete" in page
    assert f'href="{url("courses:lesson", version, second.pk)}"' in page
    assert response["Location"] == url("courses:lesson", version, second.pk)


@pytest.mark.django_db
def test_the_last_lesson_of_a_module_leads_to_its_quiz(client, alice):
    version = build_course(modules=1, lessons_per_module=1)
    services.enrolment_create(user=alice, version=version)
    client.force_login(alice)

    response = client.post(url("courses:lesson_complete", version, lessons_of(version)[0].pk))

    assert response["Location"] == url("courses:quiz", version, quizzes_of(version)[0].pk)


@pytest.mark.django_db
def test_the_text_only_view_has_no_video_or_images(client, alice):
    version = build_course(modules=1, lessons_per_module=1)
    lesson = lessons_of(version)[0]
    lesson.body = "Look: ![a chart](https://example.org/chart.png) and read on."
    lesson.video.save("clip.webm", ContentFile(b"webm"), save=False)
    lesson.transcript = "What the video says."
    lesson.save()
    services.enrolment_create(user=alice, version=version)
    client.force_login(alice)

    full = client.get(url("courses:lesson", version, lesson.pk)).content.decode()
    text = client.get(url("courses:lesson_text", version, lesson.pk)).content.decode()

    assert "<video" in full and "<img" in full
    assert "<video" not in text and "<img" not in text
    assert "What the video says." in text


@pytest.mark.django_db
def test_attachments_and_media_are_served_to_enrolled_learners_only(client, alice, charlie):
    version = build_course(modules=1, lessons_per_module=1)
    lesson = lessons_of(version)[0]
    item = LessonAttachment(lesson=lesson, title="Cheat sheet")
    item.file.save("cheat-sheet.md", ContentFile(b"# Cheat sheet"), save=True)
    services.enrolment_create(user=alice, version=version)

    client.force_login(charlie)
    assert client.get(url("courses:attachment", version, item.pk)).status_code == 403
    client.force_login(alice)
    response = client.get(url("courses:attachment", version, item.pk))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"# Cheat sheet"
    assert (
        client.get(url("courses:lesson_media", version, lesson.pk, "captions")).status_code == 404
    )


@pytest.mark.django_db
def test_failing_then_passing_a_quiz_shows_feedback_each_time(client, alice):
    version = build_course(modules=1, lessons_per_module=1)
    quiz = quizzes_of(version)[0]
    services.enrolment_create(user=alice, version=version)
    client.force_login(alice)
    quiz_url = url("courses:quiz", version, quiz.pk)

    def as_form(answers):
        return {f"q{question}": options for question, options in answers.items()}

    failed = client.post(quiz_url, as_form(wrong_answers(quiz)), follow=True).content.decode()
    passed = client.post(quiz_url, as_form(correct_answers(quiz)), follow=True).content.decode()

    assert "not passed yet" in failed and "Not quite." in failed
    assert "passed." in passed and "Yes, that is it." in passed
    assert QuizAttempt.objects.filter(passed=True).count() == 1


@pytest.mark.django_db
def test_an_incomplete_quiz_form_is_a_400_that_records_nothing(client, alice):
    version = build_course(modules=1)
    quiz = quizzes_of(version)[0]
    services.enrolment_create(user=alice, version=version)
    client.force_login(alice)

    response = client.post(url("courses:quiz", version, quiz.pk), {})

    assert response.status_code == 400
    assert "Please answer every question." in response.content.decode()
    assert not QuizAttempt.objects.exists()


@pytest.mark.django_db
def test_after_the_retry_limit_the_quiz_says_so_and_refuses(client, alice):
    version = build_course(modules=1, quiz={"max_attempts": 1})
    quiz = quizzes_of(version)[0]
    services.enrolment_create(user=alice, version=version)
    client.force_login(alice)
    form = {f"q{q}": o for q, o in wrong_answers(quiz).items()}
    client.post(url("courses:quiz", version, quiz.pk), form)

    page = client.get(url("courses:quiz", version, quiz.pk)).content.decode()
    response = client.post(url("courses:quiz", version, quiz.pk), form)

    assert "used all 1 attempts" in page
    assert response.status_code == 400
    assert QuizAttempt.objects.count() == 1


@pytest.mark.django_db
def test_a_learner_never_sees_another_learners_attempt(client, alice, charlie):
    version = build_course(modules=1)
    quiz = quizzes_of(version)[0]
    services.enrolment_create(user=alice, version=version)
    services.enrolment_create(user=charlie, version=version)
    attempt = services.quiz_attempt_submit(
        user=alice,
        attempt=services.quiz_attempt_start(user=alice, quiz=quiz),
        answers=wrong_answers(quiz),
    )
    client.force_login(charlie)

    response = client.get(url("courses:attempt", version, quiz.pk, attempt.pk))

    assert response.status_code == 404


@pytest.mark.django_db
def test_the_offline_pack_holds_every_lesson_and_attachment(client, alice):
    version = build_course(modules=2, lessons_per_module=2)
    lesson = lessons_of(version)[0]
    item = LessonAttachment(lesson=lesson, title="Slides")
    item.file.save("slides.txt", ContentFile(b"slide text"), save=True)
    services.enrolment_create(user=alice, version=version)
    client.force_login(alice)

    response = client.get(url("courses:offline", version))

    assert response["Content-Type"] == "application/zip"
    pack = zipfile.ZipFile(io.BytesIO(response.content))
    names = pack.namelist()
    assert "index.html" in names
    assert len([n for n in names if n.startswith("lesson-")]) == 4
    assert pack.read("files/01-slides.txt") == b"slide text"
    assert lesson.title in pack.read("lesson-01.html").decode()


@pytest.mark.django_db
def test_the_offline_pack_needs_an_enrolment(client, charlie):
    version = build_course()
    client.force_login(charlie)

    assert client.get(url("courses:offline", version)).status_code == 403


@pytest.mark.django_db
def test_my_learning_shows_courses_in_progress_with_resume_and_completed_ones(client, alice):
    doing = build_course(modules=1, lessons_per_module=2)
    done = build_course(modules=1, lessons_per_module=1)
    services.enrolment_create(user=alice, version=doing)
    services.enrolment_create(user=alice, version=done)
    services.lesson_complete(user=alice, lesson=lessons_of(doing)[0])
    from tests.courses.test_services import finish_everything

    finish_everything(alice, done)
    client.force_login(alice)

    page = client.get("/learning/").content.decode()

    resume = url("courses:lesson", doing, lessons_of(doing)[0].pk)
    assert f'href="{resume}"' in page
    assert "completed on" in page and done.title in page


@pytest.mark.django_db
def test_my_learning_shows_only_my_own_courses(client, alice, charlie):
    version = build_course()
    services.enrolment_create(user=alice, version=version)
    client.force_login(charlie)

    assert version.title not in client.get("/learning/").content.decode()


# --- Query counts stay constant as data grows -------------------------------------------------


@pytest.mark.django_db
def test_the_catalogue_runs_a_constant_number_of_queries(client, alice):
    client.force_login(alice)
    for _ in range(3):
        services.enrolment_create(user=alice, version=build_course(modules=1))
    few = count_queries(client, "/courses/?q=course")
    for _ in range(20):
        services.enrolment_create(user=alice, version=build_course(modules=1))

    assert count_queries(client, "/courses/?q=course") == few


@pytest.mark.django_db
def test_course_lesson_and_quiz_pages_run_a_constant_number_of_queries(client, alice):
    small = build_course(modules=1, lessons_per_module=1)
    large = build_course(modules=6, lessons_per_module=5, questions_per_quiz=6)
    large.course.prerequisites.set([small.course])
    small.course.prerequisites.set([build_course().course])
    for version in (small, large):
        services.enrolment_create(user=alice, version=version)
        for lesson in lessons_of(version):
            services.lesson_complete(user=alice, lesson=lesson)
    client.force_login(alice)

    def pages(version):
        lesson = lessons_of(version)[-1]
        quiz = quizzes_of(version)[-1]
        return [
            version.get_absolute_url(),
            url("courses:lesson", version, lesson.pk),
            url("courses:quiz", version, quiz.pk),
        ]

    for small_page, large_page in zip(pages(small), pages(large), strict=True):
        count_queries(client, large_page)  # warm the session and caches
        assert count_queries(client, small_page) == count_queries(client, large_page), large_page


@pytest.mark.django_db
def test_my_learning_runs_a_constant_number_of_queries(client):
    learner = UserFactory()
    client.force_login(learner)
    services.enrolment_create(user=learner, version=build_course(modules=1))
    few = count_queries(client, "/learning/")
    for _ in range(12):
        version = build_course(modules=1)
        services.enrolment_create(user=learner, version=version)
        services.lesson_complete(user=learner, lesson=lessons_of(version)[0])

    assert count_queries(client, "/learning/") == few


@pytest.mark.django_db
def test_a_lesson_links_the_published_library_material_it_uses(client, alice):
    from tests.library.factories import MaterialFactory

    version = build_course(modules=1, lessons_per_module=1)
    lesson = lessons_of(version)[0]
    lesson.materials.add(
        MaterialFactory(title="Shared dataset"), MaterialFactory(title="Hidden draft", draft=True)
    )
    services.enrolment_create(user=alice, version=version)
    client.force_login(alice)

    page = client.get(url("courses:lesson", version, lesson.pk)).content.decode()

    assert "Shared dataset" in page
    assert "Hidden draft" not in page
