"""The cast of the contributors' tests, and what each organisation owns.

Alice administers the Acacia Institute (org A) and Bob works there with her; Charlie works for
the Baobab Lab (org B) and must never see or touch anything of Acacia's; Dana is a learner who
works for nobody; Eve is staff, with an authenticator, and reviews everyone's work in /admin/.

Every row an organisation owns carries its name ("Acacia ..." or "Baobab ..."), so a page that
shows something of the other organisation gives itself away by that word alone.
"""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from contributors.models import Invitation, Membership, Organisation, Pledge
from courses.models import Course, CourseVersion, Lesson, Module, Question, Quiz, Status
from library.models import Material
from tests.courses.factories import (
    CourseFactory,
    CourseVersionFactory,
    LessonFactory,
    ModuleFactory,
    OptionFactory,
    OrganisationFactory,
    QuestionFactory,
    QuizFactory,
)
from tests.factories import UserFactory, staff_with_authenticator
from tests.library.factories import MaterialFactory

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@dataclass
class Holdings:
    """Everything one organisation owns, one of each kind."""

    organisation: Organisation
    draft_course: Course
    version: CourseVersion
    module: Module
    lesson: Lesson
    quiz: Quiz
    question: Question
    published_course: Course
    published_version: CourseVersion
    published_module: Module
    published_lesson: Lesson
    published_quiz: Quiz
    published_question: Question
    draft_material: Material
    published_material: Material
    pledge: Pledge
    invitation: Invitation
    membership: Membership | None = None  # a member's, to remove or promote


def grow_course(organisation: Organisation, name: str, status: str) -> Question:
    """A course of one module, one lesson and a one-question quiz, each titled after `name`."""
    course = CourseFactory(
        slug=f"{name.lower()}-{status}-course", organisation=organisation, status=status
    )
    version = CourseVersionFactory(course=course, status=status, title=f"{name} {status} course")
    module = ModuleFactory(version=version, order=0, title=f"{name} {status} module")
    LessonFactory(module=module, order=0, title=f"{name} {status} lesson")
    quiz = QuizFactory(module=module, title=f"{name} {status} quiz")
    question = QuestionFactory(quiz=quiz, order=0, text=f"{name} {status} question?")
    OptionFactory(question=question, order=0, text=f"{name} wrong answer")
    OptionFactory(question=question, order=1, text=f"{name} right answer", is_correct=True)
    return question


def endow(organisation: Organisation, name: str, invited_by) -> Holdings:
    draft = grow_course(organisation, name, Status.DRAFT)
    published = grow_course(organisation, name, Status.PUBLISHED)
    slug = name.lower()
    return Holdings(
        organisation=organisation,
        draft_course=draft.quiz.module.version.course,
        version=draft.quiz.module.version,
        module=draft.quiz.module,
        lesson=draft.quiz.module.lessons.get(),
        quiz=draft.quiz,
        question=draft,
        published_course=published.quiz.module.version.course,
        published_version=published.quiz.module.version,
        published_module=published.quiz.module,
        published_lesson=published.quiz.module.lessons.get(),
        published_quiz=published.quiz,
        published_question=published,
        draft_material=MaterialFactory(
            draft=True,
            slug=f"{slug}-draft-material",
            title=f"{name} draft material",
            organisation=organisation,
            url="",
            mime_type="application/pdf",
            size_bytes=len(PDF),
            file=ContentFile(PDF, name=f"{uuid.uuid4().hex}.pdf"),
        ),
        published_material=MaterialFactory(
            slug=f"{slug}-published-material",
            title=f"{name} published material",
            organisation=organisation,
        ),
        pledge=Pledge.objects.create(
            organisation=organisation,
            kind=Pledge.Kind.FINANCIAL,
            description=f"{name} pledge",
            amount=Decimal("1000.00"),
            currency="USD",
            period_start=date(2026, 1, 1),
            period_end=date(2026, 12, 31),
        ),
        invitation=Invitation.objects.create(
            organisation=organisation,
            email=f"newcomer@{slug}.example",
            role=Membership.Role.MEMBER,
            invited_by=invited_by,
            expires_at=timezone.now() + timedelta(days=14),
        ),
    )


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def acacia(db):
    return OrganisationFactory(name="Acacia Institute", slug="acacia-institute")


@pytest.fixture
def baobab(db):
    return OrganisationFactory(name="Baobab Lab", slug="baobab-lab")


@pytest.fixture
def alice(acacia):
    """Org A's administrator."""
    user = UserFactory(email="alice@example.org", display_name="Alice Achieng")
    Membership.objects.create(user=user, organisation=acacia, role=Membership.Role.ADMIN)
    return user


@pytest.fixture
def bob(acacia):
    """A member of org A, not an administrator."""
    user = UserFactory(email="bob@example.org", display_name="Bob Bekele")
    Membership.objects.create(user=user, organisation=acacia, role=Membership.Role.MEMBER)
    return user


@pytest.fixture
def charlie(baobab):
    """A member of org B: he must never see or touch org A's things."""
    user = UserFactory(email="charlie@example.org", display_name="Charlie Chen")
    Membership.objects.create(user=user, organisation=baobab, role=Membership.Role.MEMBER)
    return user


@pytest.fixture
def dana(db):
    """A learner who works for no organisation."""
    return UserFactory(email="dana@example.org", display_name="Dana Dlamini")


@pytest.fixture
def eve(db):
    """Staff, with the authenticator the main admin asks staff for."""
    return staff_with_authenticator(display_name="Eve Evans")


@pytest.fixture
def org_a(acacia, alice, bob) -> Holdings:
    """What the Acacia Institute owns; its `membership` is Bob's."""
    holdings = endow(acacia, "Acacia", invited_by=alice)
    holdings.membership = bob.membership
    return holdings


@pytest.fixture
def org_b(baobab, charlie) -> Holdings:
    """What the Baobab Lab owns; its `membership` is Charlie's."""
    holdings = endow(baobab, "Baobab", invited_by=charlie)
    holdings.membership = charlie.membership
    return holdings


@pytest.fixture
def cast(alice, bob, charlie, dana, eve) -> dict:
    return {"alice": alice, "bob": bob, "charlie": charlie, "dana": dana, "eve": eve}


@pytest.fixture
def as_user(cast):
    """A signed-in browser for one of the cast, by name: as_user("charlie")."""
    return lambda name: signed_in(cast[name])
