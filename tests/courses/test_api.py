import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from courses import services
from courses.models import Enrolment, LessonCompletion, Quiz, QuizAttempt, Status
from tests.courses.factories import (
    CourseFactory,
    CourseVersionFactory,
    LessonFactory,
    OrganisationFactory,
    QuestionFactory,
    build_course,
    correct_answers,
    wrong_answers,
)

CATALOGUE = "/api/courses/"
MY_ENROLMENTS = "/api/me/enrolments/"


def detail_url(version):
    return f"/api/courses/{version.course.slug}/{version.language}/"


def enrolment_url(version):
    return detail_url(version) + "enrolment/"


def completion_url(lesson):
    return f"/api/lessons/{lesson.pk}/completion/"


def attempts_url(quiz):
    return f"/api/quizzes/{quiz.pk}/attempts/"


def submission_url(attempt_id):
    return f"/api/attempts/{attempt_id}/submission/"


def first_quiz(version) -> Quiz:
    return Quiz.objects.filter(module__version=version).order_by("module__order").first()


def lessons_of(version):
    return list(version.modules.first().lessons.all())


def keys_in(data) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {key for value in data.values() for key in keys_in(value)}
    if isinstance(data, list):
        return {key for item in data for key in keys_in(item)}
    return set()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def course(db):
    return build_course(title="Prompting well", slug="prompting-well")


@pytest.fixture
def as_alice(alice):
    client = APIClient()
    client.force_login(alice)
    return client


@pytest.fixture
def as_charlie(alice, charlie):
    client = APIClient()
    client.force_login(charlie)
    return client


@pytest.fixture
def alice_enrolled(alice, course):
    return services.enrolment_create(user=alice, version=course)


# --- Catalogue ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_catalogue_lists_published_courses_with_the_facts_a_learner_compares(api):
    version = build_course(
        slug="data-basics",
        organisation=OrganisationFactory(name="Open Data Institute", slug="odi"),
        licence="CC-BY-SA-4.0",
    )
    build_course(slug="draft-version", status=Status.DRAFT)
    CourseVersionFactory(course__slug="draft-course", course__status=Status.DRAFT)

    response = api.get(CATALOGUE)

    assert response.status_code == 200
    [item] = response.json()["results"]
    assert item["course"] == "data-basics"
    assert item["title"] == version.title
    assert item["language"] == "en"
    assert item["summary"] == version.summary
    assert item["topic"] == {"slug": "machine-learning", "label": "Machine learning"}
    assert (item["level"], item["format"]) == ("beginner", "self-paced")
    assert item["contributor"] == "Open Data Institute"
    assert item["licence"] == "CC-BY-SA-4.0"
    assert item["duration_minutes"] == 40
    assert item["my_progress"] is None
    assert item["url"] == "http://testserver/courses/data-basics/en/"
    assert item["api_url"] == "http://testserver/api/courses/data-basics/en/"


@pytest.mark.django_db
def test_the_catalogue_shows_my_progress_in_the_courses_i_take(as_alice, alice, course):
    services.enrolment_create(user=alice, version=course)
    services.lesson_complete(user=alice, lesson=lessons_of(course)[0])
    build_course(slug="another-course")

    results = as_alice.get(CATALOGUE).json()["results"]

    progress = {item["course"]: item["my_progress"] for item in results}
    assert progress == {"prompting-well": 16, "another-course": None}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=ai-governance-and-ethics", {"ethics-for-officials"}),
        ("language=fr", {"ethics-for-officials"}),
        ("level=advanced", {"ethics-for-officials"}),
        ("format=blended", {"ethics-for-officials"}),
        ("format=self-paced", {"prompting-well"}),
        ("q=prompting", {"prompting-well"}),
        ("topic=&language=&level=&format=&q=", {"prompting-well", "ethics-for-officials"}),
    ],
)
def test_the_catalogue_filters_like_the_web_catalogue(api, course, query, expected):
    build_course(
        language="fr",
        slug="ethics-for-officials",
        topic__slug="ai-governance-and-ethics",
        level="advanced",
        format="blended",
    )

    response = api.get(f"{CATALOGUE}?{query}")

    assert response.status_code == 200
    assert {item["course"] for item in response.json()["results"]} == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("topic=astrology", "topic"),
        ("language=tlh", "language"),
        ("level=expert", "level"),
        ("format=dvd", "format"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_an_unknown_filter_value_is_a_400_naming_the_field(api, course, query, field):
    response = api.get(f"{CATALOGUE}?{query}")

    assert response.status_code == 400
    assert list(response.json()) == [field]


@pytest.mark.django_db
def test_the_catalogue_is_in_the_readers_language_where_a_course_has_one(api, course):
    build_course(language="fr", course=course.course)

    results = api.get(CATALOGUE, HTTP_ACCEPT_LANGUAGE="fr").json()["results"]

    assert [(item["course"], item["language"]) for item in results] == [("prompting-well", "fr")]
    assert results[0]["topic"]["label"] == "Apprentissage automatique"


@pytest.mark.django_db
def test_the_catalogue_is_paginated_and_a_page_out_of_range_is_a_404(api):
    for _ in range(21):
        build_course(modules=1, lessons_per_module=1, with_quiz=False)

    first = api.get(CATALOGUE).json()
    second = api.get(f"{CATALOGUE}?page=2").json()
    beyond = api.get(f"{CATALOGUE}?page=3")

    assert (first["count"], len(first["results"]), len(second["results"])) == (21, 20, 1)
    assert first["next"] == "http://testserver/api/courses/?page=2"
    assert beyond.status_code == 404
    assert "detail" in beyond.json()


@pytest.mark.django_db
def test_the_catalogue_runs_as_many_queries_for_40_courses_as_for_5(as_alice, alice):
    def count_queries() -> int:
        as_alice.get(CATALOGUE)  # warms the session cache
        with CaptureQueriesContext(connection) as queries:
            response = as_alice.get(CATALOGUE)
        assert response.status_code == 200
        return len(queries)

    versions = [build_course(modules=1, with_quiz=False) for _ in range(5)]
    services.enrolment_create(user=alice, version=versions[0])
    with_5 = count_queries()
    for _ in range(35):
        build_course(modules=1, with_quiz=False)
    with_40 = count_queries()

    assert with_5 == with_40


# --- One course --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_course_shows_its_syllabus_outcomes_prerequisites_and_other_languages(api):
    basics = build_course(slug="ai-basics")
    build_course(language="fr", course=basics.course)
    draft_prerequisite = CourseFactory(slug="not-ready", status=Status.DRAFT)
    version = build_course(slug="ai-in-practice", prerequisites=[basics.course, draft_prerequisite])
    build_course(language="es", course=version.course)
    build_course(language="ru", course=version.course, status=Status.DRAFT)

    response = api.get(detail_url(version))

    assert response.status_code == 200
    data = response.json()
    assert data["title"] == version.title
    assert data["outcomes"] == ["Explain the idea", "Apply it to a real case"]
    assert [p["course"] for p in data["prerequisites"]] == ["ai-basics"]
    assert data["prerequisites"][0]["language"] == "en"
    assert [other["language"] for other in data["other_languages"]] == ["es"]
    assert data["other_languages"][0]["api_url"].endswith("/api/courses/ai-in-practice/es/")
    assert len(data["modules"]) == 2
    module = data["modules"][0]
    assert [set(lesson) for lesson in module["lessons"]] == [
        {"id", "title", "minutes", "required"}
    ] * 2
    assert set(module["quizzes"][0]) >= {
        "id",
        "title",
        "passing_score",
        "max_attempts",
        "cooldown_minutes",
    }
    assert data["my_enrolment"] is None


@pytest.mark.django_db
def test_a_course_shows_the_learners_own_enrolment_and_nobody_elses(
    as_alice, as_charlie, course, alice_enrolled
):
    mine = as_alice.get(detail_url(course)).json()["my_enrolment"]
    theirs = as_charlie.get(detail_url(course)).json()["my_enrolment"]

    assert (mine["state"], mine["progress_percent"]) == ("active", 0)
    assert theirs is None


@pytest.mark.django_db
def test_a_draft_course_or_version_is_not_found(api):
    draft_version = build_course(slug="draft-version", status=Status.DRAFT)
    draft_course = build_course(course=CourseFactory(slug="draft-course", status=Status.DRAFT))

    assert api.get(detail_url(draft_version)).status_code == 404
    assert api.get(detail_url(draft_course)).status_code == 404
    assert api.get("/api/courses/no-such-course/en/").status_code == 404


@pytest.mark.django_db
def test_a_course_runs_as_many_queries_with_10_modules_as_with_2(as_alice, alice):
    basics = build_course(slug="basics")
    small = build_course(modules=2, prerequisites=[basics.course])
    large = build_course(modules=10, prerequisites=[basics.course])
    for version in (small, large):
        build_course(language="fr", course=version.course)
        services.enrolment_create(user=alice, version=version)

    def count_queries(version) -> int:
        as_alice.get(detail_url(version))  # warms the session cache
        with CaptureQueriesContext(connection) as queries:
            response = as_alice.get(detail_url(version))
        assert response.status_code == 200
        return len(queries)

    assert count_queries(small) == count_queries(large)


# --- Enrolment ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_learner_enrols_once_and_enrolling_again_changes_nothing(as_alice, alice, course):
    first = as_alice.post(enrolment_url(course))
    again = as_alice.post(enrolment_url(course))

    assert first.status_code == 201
    assert again.status_code == 200
    assert first.json()["version"]["course"] == "prompting-well"
    assert first.json()["state"] == "active"
    assert Enrolment.objects.filter(user=alice).count() == 1


@pytest.mark.django_db
def test_enrolling_in_a_draft_is_a_400_that_says_why(as_alice, alice):
    draft = build_course(status=Status.DRAFT)

    response = as_alice.post(enrolment_url(draft))

    assert response.status_code == 400
    assert response.json() == {
        "detail": ["This course is not open for enrolment."],
        "code": "not_published",
    }
    assert not Enrolment.objects.filter(user=alice).exists()


@pytest.mark.django_db
def test_enrolling_needs_a_signed_in_learner_and_a_real_course(api, as_alice, course):
    assert api.post(enrolment_url(course)).status_code == 403
    assert as_alice.post("/api/courses/no-such-course/en/enrolment/").status_code == 404
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_leaving_keeps_progress_and_coming_back_resumes(as_alice, alice, course, alice_enrolled):
    services.lesson_complete(user=alice, lesson=lessons_of(course)[0])

    left = as_alice.delete(enrolment_url(course))

    assert left.status_code == 204
    alice_enrolled.refresh_from_db()
    assert alice_enrolled.state == Enrolment.State.WITHDRAWN
    assert as_alice.get(MY_ENROLMENTS).json()["count"] == 0

    back = as_alice.post(enrolment_url(course))

    assert back.status_code == 201
    assert (back.json()["state"], back.json()["progress_percent"]) == ("active", 16)


@pytest.mark.django_db
def test_leaving_a_course_one_never_joined_is_a_404(as_charlie, course, alice_enrolled):
    response = as_charlie.delete(enrolment_url(course))

    assert response.status_code == 404
    alice_enrolled.refresh_from_db()
    assert alice_enrolled.state == Enrolment.State.ACTIVE


# --- My enrolments -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_my_enrolments_show_progress_and_where_i_left_off(as_alice, alice, course, alice_enrolled):
    lesson = lessons_of(course)[1]
    services.lesson_complete(user=alice, lesson=lesson)

    response = as_alice.get(MY_ENROLMENTS)

    assert response.status_code == 200
    [item] = response.json()["results"]
    assert item["version"]["course"] == "prompting-well"
    assert item["version"]["title"] == "Prompting well"
    assert item["progress_percent"] == 16
    assert item["completed_at"] is None
    assert item["last_lesson"] == lesson.pk


@pytest.mark.django_db
def test_charlie_never_sees_alices_enrolments(as_charlie, charlie, alice_enrolled):
    services.enrolment_create(user=charlie, version=build_course(slug="charlies-course"))

    results = as_charlie.get(MY_ENROLMENTS).json()["results"]

    assert [item["version"]["course"] for item in results] == ["charlies-course"]


@pytest.mark.django_db
def test_my_enrolments_need_a_signed_in_learner(api):
    assert api.get(MY_ENROLMENTS).status_code == 403


# --- Lessons -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_completing_a_lesson_returns_the_new_progress(as_alice, alice, course, alice_enrolled):
    lesson = lessons_of(course)[0]

    response = as_alice.post(completion_url(lesson))
    again = as_alice.post(completion_url(lesson))

    assert response.status_code == 200
    assert response.json()["progress_percent"] == 16
    assert response.json()["last_lesson"] == lesson.pk
    assert again.json()["progress_percent"] == 16
    assert LessonCompletion.objects.filter(enrolment=alice_enrolled).count() == 1


@pytest.mark.django_db
def test_charlie_cannot_complete_a_lesson_of_a_course_he_is_not_enrolled_in(
    as_charlie, course, alice_enrolled
):
    response = as_charlie.post(completion_url(lessons_of(course)[0]))

    assert response.status_code == 403
    assert response.json()["detail"] == "Enrol in this course to open its lessons and quizzes."
    assert not LessonCompletion.objects.exists()


@pytest.mark.django_db
def test_completing_an_unknown_or_unpublished_lesson_is_a_404(
    api, as_alice, alice, course, alice_enrolled
):
    lesson = lessons_of(course)[0]
    draft = build_course(status=Status.DRAFT)
    draft_lesson = LessonFactory(module=draft.modules.first())

    assert as_alice.post("/api/lessons/999999/completion/").status_code == 404
    assert as_alice.post(completion_url(draft_lesson)).status_code == 404
    assert api.post(completion_url(lesson)).status_code == 403
    assert not LessonCompletion.objects.exists()


# --- Quizzes -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_starting_a_quiz_gives_its_questions_and_never_the_answers(
    as_alice, course, alice_enrolled
):
    quiz = first_quiz(course)

    response = as_alice.post(attempts_url(quiz))

    assert response.status_code == 201
    data = response.json()
    assert QuizAttempt.objects.get().pk == data["id"]
    assert data["quiz"] == quiz.pk
    assert [len(question["options"]) for question in data["questions"]] == [2, 2]
    assert {"is_correct", "correct", "feedback", "explanation"}.isdisjoint(keys_in(data))
    body = response.content.decode()
    assert "Yes, that is it." not in body
    assert "Why the right answer is right." not in body


@pytest.mark.django_db
def test_starting_a_quiz_again_returns_the_attempt_already_open(as_alice, course, alice_enrolled):
    quiz = first_quiz(course)

    first = as_alice.post(attempts_url(quiz))
    again = as_alice.post(attempts_url(quiz))

    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert QuizAttempt.objects.count() == 1


@pytest.mark.django_db
def test_a_quiz_is_only_for_enrolled_learners_of_published_courses(
    api, as_alice, as_charlie, course, alice_enrolled
):
    draft = build_course(status=Status.DRAFT)

    assert as_charlie.post(attempts_url(first_quiz(course))).status_code == 403
    assert api.post(attempts_url(first_quiz(course))).status_code == 403
    assert as_alice.post(attempts_url(first_quiz(draft))).status_code == 404
    assert as_alice.post("/api/quizzes/999999/attempts/").status_code == 404
    assert not QuizAttempt.objects.exists()


@pytest.mark.django_db
def test_submitting_right_answers_passes_with_feedback_and_progress(
    as_alice, course, alice_enrolled
):
    quiz = first_quiz(course)
    attempt_id = as_alice.post(attempts_url(quiz)).json()["id"]

    response = as_alice.post(
        submission_url(attempt_id), {"answers": correct_answers(quiz)}, format="json"
    )

    assert response.status_code == 200
    data = response.json()
    assert (data["score"], data["passed"]) == (100, True)
    assert data["submitted_at"] is not None
    assert data["progress"]["progress_percent"] == 16
    assert all(question["correct"] for question in data["questions"])


@pytest.mark.django_db
def test_submitting_wrong_answers_fails_and_shows_the_right_ones(as_alice, course, alice_enrolled):
    quiz = first_quiz(course)
    attempt_id = as_alice.post(attempts_url(quiz)).json()["id"]
    wrong = wrong_answers(quiz)

    data = as_alice.post(submission_url(attempt_id), {"answers": wrong}, format="json").json()

    assert (data["score"], data["passed"]) == (0, False)
    question = data["questions"][0]
    assert question["correct"] is False
    assert question["chosen"] == wrong[str(question["id"])]
    assert question["correct_options"] == correct_answers(quiz)[str(question["id"])]
    assert question["explanation"] == "Why the right answer is right."
    assert [(o["chosen"], o["correct"], o["feedback"]) for o in question["options"]] == [
        (True, False, "Not quite."),
        (False, True, "Yes, that is it."),
    ]
    assert data["progress"]["progress_percent"] == 0


@pytest.mark.django_db
def test_passing_every_quiz_and_lesson_through_the_api_completes_the_course(
    as_alice, course, alice_enrolled
):
    for module in course.modules.all():
        for lesson in module.lessons.all():
            as_alice.post(completion_url(lesson))
        for quiz in module.quizzes.all():
            attempt_id = as_alice.post(attempts_url(quiz)).json()["id"]
            last = as_alice.post(
                submission_url(attempt_id), {"answers": correct_answers(quiz)}, format="json"
            )

    assert last.json()["progress"]["progress_percent"] == 100
    assert last.json()["progress"]["completed_at"] is not None
    [item] = as_alice.get(MY_ENROLMENTS).json()["results"]
    assert item["completed_at"] is not None


@pytest.mark.django_db
def test_charlie_cannot_see_or_submit_alices_attempt(as_alice, as_charlie, charlie, course):
    services.enrolment_create(user=charlie, version=course)
    as_alice.post(enrolment_url(course))
    quiz = first_quiz(course)
    attempt_id = as_alice.post(attempts_url(quiz)).json()["id"]

    response = as_charlie.post(
        submission_url(attempt_id), {"answers": correct_answers(quiz)}, format="json"
    )

    assert response.status_code == 404
    attempt = QuizAttempt.objects.get(pk=attempt_id)
    assert (attempt.submitted_at, attempt.score, attempt.answers) == (None, None, {})
    garbled = as_charlie.post(submission_url(attempt_id), "{", content_type="application/json")
    assert garbled.status_code == 404


@pytest.mark.django_db
def test_an_attempt_is_submitted_once(as_alice, course, alice_enrolled):
    quiz = first_quiz(course)
    attempt_id = as_alice.post(attempts_url(quiz)).json()["id"]
    as_alice.post(submission_url(attempt_id), {"answers": wrong_answers(quiz)}, format="json")

    response = as_alice.post(
        submission_url(attempt_id), {"answers": correct_answers(quiz)}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "submitted"
    assert QuizAttempt.objects.get(pk=attempt_id).score == 0


@pytest.mark.django_db
def test_submitting_after_the_retry_limit_is_400(as_alice, alice):
    version = build_course(quiz={"max_attempts": 1})
    services.enrolment_create(user=alice, version=version)
    quiz = first_quiz(version)
    attempt_id = as_alice.post(attempts_url(quiz)).json()["id"]
    as_alice.post(submission_url(attempt_id), {"answers": wrong_answers(quiz)}, format="json")

    new_attempt = as_alice.post(attempts_url(quiz))
    resubmitted = as_alice.post(
        submission_url(attempt_id), {"answers": correct_answers(quiz)}, format="json"
    )

    assert new_attempt.status_code == 400
    assert new_attempt.json() == {
        "detail": ["You have used all 1 attempts at this quiz."],
        "code": "no_attempts_left",
    }
    assert resubmitted.status_code == 400
    assert QuizAttempt.objects.count() == 1
    assert QuizAttempt.objects.get().passed is False


@pytest.mark.django_db
def test_a_cooldown_blocks_a_new_attempt(as_alice, alice):
    version = build_course(quiz={"cooldown_minutes": 60})
    services.enrolment_create(user=alice, version=version)
    quiz = first_quiz(version)
    attempt_id = as_alice.post(attempts_url(quiz)).json()["id"]
    as_alice.post(submission_url(attempt_id), {"answers": wrong_answers(quiz)}, format="json")

    response = as_alice.post(attempts_url(quiz))

    assert response.status_code == 400
    assert response.json()["code"] == "cooling_down"
    assert response.json()["detail"][0].startswith("You can try this quiz again after ")
    assert QuizAttempt.objects.count() == 1


def other_question_option(quiz, answers):
    other = Quiz.objects.exclude(pk=quiz.pk).first().questions.first()
    first = next(iter(answers))
    return {**answers, first: [other.options.first().pk]}


def foreign_question(quiz, answers):
    other = Quiz.objects.exclude(pk=quiz.pk).first().questions.first()
    return {**answers, str(other.pk): [other.options.first().pk]}


def unanswered_question(quiz, answers):
    first = next(iter(answers))
    return {key: value for key, value in answers.items() if key != first}


def two_answers_to_a_single_choice(quiz, answers):
    question = quiz.questions.first()
    return {**answers, str(question.pk): [o.pk for o in question.options.all()]}


def non_numeric_question(quiz, answers):
    return {**answers, "first": [1]}


def option_as_text(quiz, answers):
    first = next(iter(answers))
    return {**answers, first: ["the right one"]}


def option_not_in_a_list(quiz, answers):
    first = next(iter(answers))
    return {**answers, first: answers[first][0]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "spoil",
    [
        other_question_option,
        foreign_question,
        unanswered_question,
        two_answers_to_a_single_choice,
        non_numeric_question,
        option_as_text,
        option_not_in_a_list,
    ],
)
def test_bad_answers_are_a_400_and_change_nothing(as_alice, course, alice_enrolled, spoil):
    quiz = first_quiz(course)
    attempt_id = as_alice.post(attempts_url(quiz)).json()["id"]

    response = as_alice.post(
        submission_url(attempt_id), {"answers": spoil(quiz, correct_answers(quiz))}, format="json"
    )

    assert response.status_code == 400
    attempt = QuizAttempt.objects.get(pk=attempt_id)
    assert (attempt.submitted_at, attempt.score, attempt.answers) == (None, None, {})


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    ['{"answers": {"1": [2]', '["answers"]', '{"answers": [[1, 2]]}', "{}", '{"answers": 7}'],
)
def test_a_malformed_submission_is_a_400_and_changes_nothing(
    as_alice, course, alice_enrolled, body
):
    attempt_id = as_alice.post(attempts_url(first_quiz(course))).json()["id"]

    response = as_alice.post(submission_url(attempt_id), body, content_type="application/json")

    assert response.status_code == 400
    assert QuizAttempt.objects.get(pk=attempt_id).submitted_at is None


@pytest.mark.django_db
def test_a_quiz_with_a_question_left_unanswered_says_which(as_alice, course, alice_enrolled):
    quiz = first_quiz(course)
    QuestionFactory(quiz=quiz, order=9)
    attempt_id = as_alice.post(attempts_url(quiz)).json()["id"]
    answers = {k: v for k, v in correct_answers(quiz).items() if v}

    response = as_alice.post(submission_url(attempt_id), {"answers": answers}, format="json")

    assert response.status_code == 400
    assert response.json()["detail"] == ["Question 3 has no answer."]


@pytest.mark.django_db
def test_submitting_needs_a_signed_in_learner(api, as_alice, course, alice_enrolled):
    quiz = first_quiz(course)
    attempt_id = as_alice.post(attempts_url(quiz)).json()["id"]

    response = api.post(submission_url(attempt_id), {"answers": {}}, format="json")

    assert response.status_code == 403
    assert QuizAttempt.objects.get(pk=attempt_id).submitted_at is None


# --- Throttling and schema ---------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_and_signed_in_callers_are_throttled(api, as_alice, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/min", "user": "3/min"})

    anonymous = [api.get(CATALOGUE).status_code for _ in range(3)]
    signed_in = [as_alice.get(MY_ENROLMENTS).status_code for _ in range(4)]

    assert anonymous == [200, 200, 429]
    assert signed_in == [200, 200, 200, 429]


@pytest.mark.django_db
def test_every_courses_endpoint_is_in_the_openapi_schema(api):
    schema = api.get("/api/schema/").content.decode()

    for path in [
        "/api/courses/:",
        "/api/courses/{slug}/{language}/:",
        "/api/courses/{slug}/{language}/enrolment/:",
        "/api/me/enrolments/:",
        "/api/lessons/{lesson_id}/completion/:",
        "/api/quizzes/{quiz_id}/attempts/:",
        "/api/attempts/{attempt_id}/submission/:",
    ]:
        assert path in schema


def test_the_openapi_schema_validates_without_warnings(tmp_path):
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )


# --- Known faults in services and selectors ----------------------------------------------------


@pytest.mark.django_db
def test_a_course_published_only_in_translation_still_appears_in_the_catalogue(api):
    translated_first = CourseFactory(slug="translated-first", primary_language="en")
    build_course(course=translated_first, language="en", status=Status.DRAFT)
    build_course(course=translated_first, language="fr")

    results = api.get(CATALOGUE, HTTP_ACCEPT_LANGUAGE="es").json()["results"]

    assert [(item["course"], item["language"]) for item in results] == [("translated-first", "fr")]


@pytest.mark.django_db
def test_a_question_left_unanswered_has_its_own_code(as_alice, course, alice_enrolled):
    quiz = first_quiz(course)
    attempt_id = as_alice.post(attempts_url(quiz)).json()["id"]
    answers = dict(list(correct_answers(quiz).items())[1:])

    response = as_alice.post(submission_url(attempt_id), {"answers": answers}, format="json")

    assert response.json()["code"] == "incomplete"
