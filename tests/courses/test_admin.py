import pytest

from tests.courses.factories import build_course

MODELS = ["course", "courseversion", "module", "lesson", "quiz", "question"]


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
def test_staff_author_every_part_of_a_course_in_the_admin(staff_client, model):
    version = build_course()
    objects = {
        "course": version.course,
        "courseversion": version,
        "module": version.modules.first(),
        "lesson": version.modules.first().lessons.first(),
        "quiz": version.modules.first().quizzes.first(),
        "question": version.modules.first().quizzes.first().questions.first(),
    }

    for path in (
        f"/admin/courses/{model}/",
        f"/admin/courses/{model}/add/",
        f"/admin/courses/{model}/{objects[model].pk}/change/",
    ):
        assert staff_client.get(path).status_code == 200, path


@pytest.mark.django_db
def test_staff_publish_a_draft_course_with_an_admin_action(staff_client):
    version = build_course(status="draft")
    version.course.status = "draft"
    version.course.save()

    staff_client.post(
        "/admin/courses/course/",
        {"action": "publish", "_selected_action": [version.course.pk]},
    )

    version.course.refresh_from_db()
    assert version.course.status == "published"


@pytest.mark.django_db
def test_learners_cannot_reach_course_authoring(client, alice):
    client.force_login(alice)

    response = client.get("/admin/courses/course/")

    assert response.status_code == 302


def question_form(question, options):
    data = {
        "quiz": question.quiz_id,
        "order": 0,
        "kind": question.kind,
        "text": question.text,
        "explanation": "",
        "options-TOTAL_FORMS": len(options),
        "options-INITIAL_FORMS": 0,
        "options-MIN_NUM_FORMS": 0,
        "options-MAX_NUM_FORMS": 1000,
    }
    for index, (text, correct) in enumerate(options):
        data[f"options-{index}-text"] = text
        data[f"options-{index}-order"] = index
        if correct:
            data[f"options-{index}-is_correct"] = "on"
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ([("Yes", False), ("No", False)], "exactly one option"),
        ([("Yes", True), ("No", True)], "exactly one option"),
        ([("Alone", True)], "at least two answer options"),
    ],
)
def test_a_single_choice_question_must_have_exactly_one_right_answer(
    staff_client, options, message
):
    question = build_course(modules=1).modules.first().quizzes.first().questions.first()
    question.options.all().delete()

    response = staff_client.post(
        f"/admin/courses/question/{question.pk}/change/", question_form(question, options)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert question.options.count() == 0
