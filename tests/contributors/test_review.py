import pytest
from allauth.mfa.models import Authenticator

from contributors.models import Membership, PendingChange
from courses.models import Lesson
from tests.courses.factories import build_course
from tests.factories import UserFactory


@pytest.fixture
def bob_and_course(db):
    version = build_course(modules=1, lessons_per_module=1, with_quiz=False)
    bob = UserFactory(email="bob@example.org")
    Membership.objects.create(user=bob, organisation=version.course.organisation)
    return bob, version


def lesson_form(lesson, **overrides):
    data = {
        "module": lesson.module_id,
        "order": lesson.order,
        "title": lesson.title,
        "body": lesson.body,
        "body_format": lesson.body_format,
        "minutes": lesson.minutes,
        "required": "on",
        "video_url": "",
        "transcript": "",
        "attachments-TOTAL_FORMS": 0,
        "attachments-INITIAL_FORMS": 0,
        "attachments-MIN_NUM_FORMS": 0,
        "attachments-MAX_NUM_FORMS": 1000,
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_editing_a_published_course_goes_to_review_and_learners_keep_the_published_text(
    client, bob_and_course
):
    bob, version = bob_and_course
    lesson = Lesson.objects.get(module__version=version)
    original = lesson.title
    client.force_login(bob)

    response = client.post(
        f"/partners/courses/lesson/{lesson.pk}/change/",
        lesson_form(lesson, title="A clearer title"),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    lesson.refresh_from_db()
    assert lesson.title == original
    version.course.refresh_from_db()
    assert version.course.review_state == "submitted"
    assert version.course.status == "published"
    assert PendingChange.objects.get().data == {"title": "A clearer title"}

    eve = UserFactory(email="eve@example.org", is_staff=True, is_superuser=True)
    Authenticator.objects.create(user=eve, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(eve)
    client.post(
        "/admin/courses/course/", {"action": "publish", "_selected_action": [version.course.pk]}
    )

    lesson.refresh_from_db()
    assert lesson.title == "A clearer title"
    assert not PendingChange.objects.exists()


@pytest.mark.django_db
def test_members_cannot_delete_parts_of_a_published_course(client, bob_and_course):
    bob, version = bob_and_course
    lesson = Lesson.objects.get(module__version=version)
    client.force_login(bob)

    response = client.post(f"/partners/courses/lesson/{lesson.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert Lesson.objects.filter(pk=lesson.pk).exists()
