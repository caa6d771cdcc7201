"""Each organisation works on its own things in the partners' admin at /partners/, and nobody
else's: not Charlie's, who works for another organisation, nor Dana's, who works for none.

The matrix at the top tries every partner-admin address of org A's things as Charlie and as
Dana, and checks that each is refused and that no row, file or e-mail changed. The tests after
it check what org A's own people may do, what staff see, and the public pages and API.
"""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from contributors.models import (
    Invitation,
    Membership,
    Organisation,
    PendingChange,
    Pledge,
    ReviewState,
)
from courses.models import (
    Course,
    CourseVersion,
    Enrolment,
    Lesson,
    LessonAttachment,
    Module,
    Option,
    Question,
    Quiz,
    Status,
)
from library.models import Collection, Material, MaterialRevision
from library.services import collection_create
from tests.contributors.conftest import PDF

# --- Helpers -----------------------------------------------------------------------------------

WATCHED = [
    Organisation,
    Membership,
    Invitation,
    Pledge,
    PendingChange,
    Course,
    Course.prerequisites.through,
    CourseVersion,
    Module,
    Lesson,
    Lesson.materials.through,
    LessonAttachment,
    Quiz,
    Question,
    Option,
    Material,
    MaterialRevision,
    Enrolment,
    Collection,
    LogEntry,
]


def everything() -> dict:
    """Every row the partners' admin could touch, every stored file, and the mail sent."""
    state = {m._meta.label: list(m.objects.order_by("pk").values()) for m in WATCHED}
    media = Path(settings.MEDIA_ROOT)
    state["files"] = sorted(str(p) for p in media.rglob("*")) if media.exists() else []
    state["mail"] = len(mail.outbox)
    return state


def form_data(response) -> dict:
    """What a browser posts back for the admin form as rendered (existing inline rows only)."""
    data = {}

    def put(form):
        for name, field in form.fields.items():
            key, value = form.add_prefix(name), form[name].value()
            if isinstance(field, forms.FileField):
                continue
            if isinstance(field, forms.BooleanField):
                if value:
                    data[key] = "on"
            elif isinstance(value, (list, tuple)):
                data[key] = [str(v) for v in value]
            else:
                data[key] = "" if value is None else str(value)

    put(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        count = formset.initial_form_count()
        data.update(
            {
                f"{formset.prefix}-TOTAL_FORMS": count,
                f"{formset.prefix}-INITIAL_FORMS": count,
                f"{formset.prefix}-MIN_NUM_FORMS": 0,
                f"{formset.prefix}-MAX_NUM_FORMS": 1000,
            }
        )
        for form in formset.forms[:count]:
            put(form)
    return data


def no_rows(prefix: str) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": 0,
        f"{prefix}-INITIAL_FORMS": 0,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def add_form(model: str, own) -> dict:
    """A valid add form of the partners' admin, every reference pointing at `own` holdings."""
    topic = own.draft_course.topic_id
    return {
        "course": {
            "slug": "fresh-course",
            "topic": topic,
            "level": "beginner",
            "format": "self-paced",
            "organisation": own.organisation.pk,
            "licence": "CC-BY-4.0",
            "primary_language": "en",
            "prerequisites": [own.draft_course.pk],
            **no_rows("versions"),
        },
        "courseversion": {
            "course": own.draft_course.pk,
            "language": "fr",
            "title": "Fresh version",
            "summary": "A fresh summary.",
            "outcomes": "",
            "prerequisites_note": "",
            **no_rows("modules"),
        },
        "module": {
            "version": own.version.pk,
            "order": 1,
            "title": "Fresh module",
            **no_rows("lessons"),
            **no_rows("quizzes"),
        },
        "lesson": {
            "module": own.module.pk,
            "order": 1,
            "title": "Fresh lesson",
            "body": "Read this.",
            "body_format": "markdown",
            "minutes": 5,
            "required": "on",
            "video_url": "",
            "transcript": "",
            "materials": [own.draft_material.pk],
            **no_rows("attachments"),
        },
        "quiz": {
            "module": own.module.pk,
            "order": 1,
            "title": "Fresh quiz",
            "passing_score": 70,
            "max_attempts": "",
            "cooldown_minutes": 0,
            "required": "on",
            **no_rows("questions"),
        },
        "question": {
            "quiz": own.quiz.pk,
            "order": 1,
            "kind": "single",
            "text": "Fresh question?",
            "explanation": "",
            **no_rows("options"),
            "options-TOTAL_FORMS": 2,
            "options-0-order": 0,
            "options-0-text": "No",
            "options-1-order": 1,
            "options-1-text": "Yes",
            "options-1-is_correct": "on",
        },
        "material": {
            "title": "Fresh material",
            "slug": "fresh-material",
            "description": "Something new.",
            "authors": "",
            "organisation": own.organisation.pk,
            "url": "https://example.org/fresh",
            "duration_minutes": "",
            "material_type": "document",
            "topic": topic,
            "language": "en",
            "level": "beginner",
            "licence": "CC-BY-4.0",
            "publication_year": 2025,
            "for_learners": "on",
        },
    }[model]


class _Options(HTMLParser):
    def __init__(self, name):
        super().__init__()
        self.name, self.inside, self.values = name, False, set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self.inside = attrs.get("name") == self.name
        elif tag == "option" and self.inside and attrs.get("value"):
            self.values.add(int(attrs["value"]))

    def handle_endtag(self, tag):
        if tag == "select":
            self.inside = False


def offered(response, name: str) -> set[int]:
    """The ids a <select name=...> of the rendered page offers."""
    parser = _Options(name)
    parser.feed(response.content.decode())
    return parser.values


def shown(response) -> set[int]:
    return {obj.pk for obj in response.context["cl"].result_list}


def text_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace").lower()


# --- The matrix --------------------------------------------------------------------------------

# What of org A's each address points at: (admin path, attribute of the holdings).
TARGETS = {
    "draft course": ("courses/course", "draft_course"),
    "published course": ("courses/course", "published_course"),
    "course version": ("courses/courseversion", "version"),
    "module": ("courses/module", "module"),
    "lesson": ("courses/lesson", "lesson"),
    "quiz": ("courses/quiz", "quiz"),
    "question": ("courses/question", "question"),
    "draft material": ("library/material", "draft_material"),
    "published material": ("library/material", "published_material"),
    "pledge": ("contributors/pledge", "pledge"),
    "membership": ("contributors/membership", "membership"),
    "invitation": ("contributors/invitation", "invitation"),
}
OBJECT_URLS = [
    "change GET",
    "change POST",
    "delete GET",
    "delete POST",
    "history GET",
    "view on site GET",
    "delete_selected POST",
]
WITH_SUBMIT_ACTION = ["draft course", "published course", "draft material", "published material"]
MODELS = {
    "course": "courses/course",
    "course version": "courses/courseversion",
    "module": "courses/module",
    "lesson": "courses/lesson",
    "quiz": "courses/quiz",
    "question": "courses/question",
    "material": "library/material",
    "pledge": "contributors/pledge",
    "membership": "contributors/membership",
    "invitation": "contributors/invitation",
}
LIST_URLS = ["changelist GET", "raw-id popup GET", "add GET"]
# An add form of Charlie's own, but for one reference to org A's: (model, field, attribute).
FOREIGN_REFERENCES = [
    ("course", "organisation", "organisation"),
    ("course", "prerequisites", "draft_course"),
    ("courseversion", "course", "draft_course"),
    ("module", "version", "version"),
    ("lesson", "module", "module"),
    ("lesson", "materials", "draft_material"),
    ("quiz", "module", "module"),
    ("question", "quiz", "quiz"),
    ("material", "organisation", "organisation"),
]
# Every relation whose other end the partners' site registers (and a few it does not).
AUTOCOMPLETE = [
    ("courses", "course", "prerequisites"),
    ("courses", "course", "organisation"),
    ("courses", "courseversion", "course"),
    ("courses", "module", "version"),
    ("courses", "lesson", "module"),
    ("courses", "lesson", "materials"),
    ("courses", "quiz", "module"),
    ("courses", "question", "quiz"),
    ("library", "material", "organisation"),
    ("library", "collectionitem", "material"),
    ("contributors", "membership", "user"),
    ("contributors", "pledge", "organisation"),
]
PUBLIC_URLS = ["material page GET", "file download GET", "stored file GET"]

MATRIX = [
    *[(target, url) for target in TARGETS for url in OBJECT_URLS],
    *[(target, "submit_for_review POST") for target in WITH_SUBMIT_ACTION],
    *[(model, url) for model in MODELS for url in LIST_URLS],
    *[(f"{model}.{field}", "add POST") for model, field, _ in FOREIGN_REFERENCES],
    *[(model, "add POST") for model in ("pledge", "membership", "invitation")],
    *[(".".join(relation), "autocomplete GET") for relation in AUTOCOMPLETE],
    *[("draft material", url) for url in PUBLIC_URLS],
]


def stolen(data: dict) -> dict:
    """The same form with what Charlie would like to change."""
    changed = dict(data)
    for name in ("title", "text", "description", "email"):
        if name in changed:
            changed[name] = "Stolen"
    if "level" in changed:
        changed["level"] = "advanced"
    if "role" in changed:
        changed["role"] = Membership.Role.ADMIN
    return changed


def request_for(subject: str, url: str, org_a, org_b, as_user) -> tuple[str, str, dict]:
    """The method, path and form of one cell of the matrix."""
    method = url.rsplit(" ", 1)[1]
    if url in PUBLIC_URLS:
        material = org_a.draft_material
        path = {
            "material page GET": f"/library/{material.slug}/",
            "file download GET": f"/library/{material.slug}/download/",
            "stored file GET": f"{settings.MEDIA_URL}{material.file.name}",
        }[url]
        return method, path, {}
    if url == "autocomplete GET":
        app_label, model_name, field_name = subject.split(".")
        query = f"app_label={app_label}&model_name={model_name}&field_name={field_name}&term="
        return method, f"/partners/autocomplete/?{query}", {}
    if url == "add POST":
        model, _, field = subject.partition(".")
        if not field:
            path = f"/partners/contributors/{model}/add/"
            return method, path, {"email": "someone@example.org", "role": "member"}
        attribute = next(a for m, f, a in FOREIGN_REFERENCES if (m, f) == (model, field))
        foreign = getattr(org_a, attribute).pk
        data = add_form(model, org_b)
        data[field] = [foreign] if isinstance(data[field], list) else foreign
        app = "library" if model == "material" else "courses"
        return method, f"/partners/{app}/{model}/add/", data
    if url in LIST_URLS:
        base = f"/partners/{MODELS[subject]}/"
        path = {
            "changelist GET": base,
            "raw-id popup GET": f"{base}?_to_field=id&_popup=1",
            "add GET": f"{base}add/",
        }[url]
        return method, path, {}
    admin_path, attribute = TARGETS[subject]
    obj = getattr(org_a, attribute)
    base = f"/partners/{admin_path}/"
    if url == "change GET":
        return method, f"{base}{obj.pk}/change/", {}
    if url == "change POST":
        # A form Alice could post: Charlie's copy of it must change nothing.
        alices_form = as_user("alice").get(f"{base}{obj.pk}/change/")
        return method, f"{base}{obj.pk}/change/", stolen(form_data(alices_form))
    if url == "delete GET":
        return method, f"{base}{obj.pk}/delete/", {}
    if url == "delete POST":
        return method, f"{base}{obj.pk}/delete/", {"post": "yes"}
    if url == "history GET":
        return method, f"{base}{obj.pk}/history/", {}
    if url == "view on site GET":
        content_type = ContentType.objects.get_for_model(obj)
        return method, f"/partners/r/{content_type.pk}/{obj.pk}/", {}
    action = url.split()[0]
    return method, base, {"action": action, "_selected_action": [obj.pk], "post": "yes"}


# How each model of the partners' site leads to its organisation.
OWNER_PATHS = {
    Course: "organisation",
    CourseVersion: "course__organisation",
    Module: "version__course__organisation",
    Lesson: "module__version__course__organisation",
    Quiz: "module__version__course__organisation",
    Question: "quiz__module__version__course__organisation",
    Material: "organisation",
    Pledge: "organisation",
    Membership: "organisation",
    Invitation: "organisation",
}


def related_model(relation: str):
    app_label, model_name, field_name = relation.split(".")
    return apps.get_model(app_label, model_name)._meta.get_field(field_name).related_model


def owned(model, organisation) -> set[int]:
    return set(
        model.objects.filter(**{OWNER_PATHS[model]: organisation}).values_list("pk", flat=True)
    )


def belongings(organisation) -> dict:
    """Every row of one organisation's, fields and all, answer options included."""
    rows = {
        model._meta.label: list(
            model.objects.filter(**{path: organisation}).order_by("pk").values()
        )
        for model, path in OWNER_PATHS.items()
    }
    rows["options"] = list(
        Option.objects.filter(question__quiz__module__version__course__organisation=organisation)
        .order_by("pk")
        .values()
    )
    return rows


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["charlie", "dana"])
@pytest.mark.parametrize(("subject", "url"), MATRIX, ids=[" ".join(cell) for cell in MATRIX])
def test_outsiders_can_neither_see_nor_change_org_a_things(
    who, subject, url, org_a, org_b, as_user
):
    method, path, data = request_for(subject, url, org_a, org_b, as_user)
    before = everything()
    browser = as_user(who)

    response = browser.post(path, data) if method == "POST" else browser.get(path, data)

    status = response.status_code
    page = text_of(response) + response.get("Location", "").lower()
    assert everything() == before, f"{who} changed something with {method} {path}"
    if url in PUBLIC_URLS:
        # The not-found page repeats the address asked for, slug included; nothing more.
        assert status == 404
        assert org_a.draft_material.title.lower() not in page
        return
    assert "acacia" not in page, f"{who} saw org A's things at {path}"
    if who == "dana":
        assert status == 302 and response["Location"].startswith("/partners/login/")
    elif url in LIST_URLS:
        assert status in (200, 403)
        if status == 200 and url != "add GET":
            model = response.context["cl"].model
            assert shown(response) == owned(model, org_b.organisation)
    elif url == "add POST":
        assert status in (200, 403)
        if status == 200:
            assert "select a valid choice" in page
    elif url.endswith("_selected POST") or url.endswith("_review POST"):
        # Back to Charlie's own list, where none of the ids he sent could be selected (or the
        # list again, where he may not run the action at all).
        assert status == 200 or (status == 302 and response["Location"] == path)
    elif url == "autocomplete GET":
        assert status in (403, 404) or {
            int(result["id"]) for result in response.json()["results"]
        } <= owned(related_model(subject), org_b.organisation)
    else:
        assert status in (403, 404)


@pytest.fixture
def charlie_administers_org_b(charlie):
    Membership.objects.filter(user=charlie).update(role=Membership.Role.ADMIN)


@pytest.mark.django_db
@pytest.mark.parametrize("url", OBJECT_URLS)
@pytest.mark.parametrize("target", ["membership", "invitation"])
def test_even_as_administrator_charlie_cannot_touch_org_a_members_or_invitations(
    target, url, org_a, org_b, as_user, charlie_administers_org_b
):
    method, path, data = request_for(target, url, org_a, org_b, as_user)
    before = everything()
    browser = as_user("charlie")

    response = browser.post(path, data) if method == "POST" else browser.get(path, data)

    assert everything() == before
    assert "acacia" not in text_of(response)
    if url == "delete_selected POST":
        assert response.status_code == 302 and response["Location"] == path
    else:
        assert response.status_code in (403, 404)


# --- What org A's own people may do ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("who", ["alice", "bob"])
def test_members_list_only_their_own_organisations_things(who, model, org_a, org_b, as_user):
    response = as_user(who).get(f"/partners/{MODELS[model]}/")

    assert response.status_code == 200
    assert shown(response) == owned(response.context["cl"].model, org_a.organisation)
    assert shown(response)
    assert "baobab" not in text_of(response)


# What a member edits in each kind of draft thing: (admin path, attribute, field, new value).
EDITS = {
    "draft course": ("courses/course", "draft_course", "level", "advanced"),
    "course version": ("courses/courseversion", "version", "title", "Acacia, edited"),
    "module": ("courses/module", "module", "title", "Acacia, edited"),
    "lesson": ("courses/lesson", "lesson", "title", "Acacia, edited"),
    "quiz": ("courses/quiz", "quiz", "title", "Acacia, edited"),
    "question": ("courses/question", "question", "text", "Acacia, edited?"),
    "draft material": ("library/material", "draft_material", "title", "Acacia, edited"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("target", EDITS)
@pytest.mark.parametrize("who", ["alice", "bob"])
def test_members_edit_their_organisations_drafts(who, target, org_a, org_b, as_user):
    admin_path, attribute, field, value = EDITS[target]
    obj = getattr(org_a, attribute)
    browser = as_user(who)
    path = f"/partners/{admin_path}/{obj.pk}/change/"
    data = form_data(browser.get(path))
    data[field] = value

    response = browser.post(path, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    obj.refresh_from_db()
    assert getattr(obj, field) == value


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("admin_path", "attribute"),
    [("courses/course", "draft_course"), ("library/material", "draft_material")],
)
@pytest.mark.parametrize("who", ["alice", "bob"])
def test_members_submit_their_organisations_drafts_for_review(
    who, admin_path, attribute, org_a, as_user
):
    obj = getattr(org_a, attribute)

    response = as_user(who).post(
        f"/partners/{admin_path}/", {"action": "submit_for_review", "_selected_action": [obj.pk]}
    )

    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.review_state == ReviewState.SUBMITTED


ADDABLE = ["course", "courseversion", "module", "lesson", "quiz", "question", "material"]


@pytest.mark.django_db
@pytest.mark.parametrize("model", ADDABLE)
@pytest.mark.parametrize("who", ["alice", "bob", "charlie"])
def test_members_add_to_their_own_organisation(who, model, org_a, org_b, as_user):
    own = org_b if who == "charlie" else org_a
    app = "library" if model == "material" else "courses"
    model_class = apps.get_model(app, model)
    before = set(model_class.objects.values_list("pk", flat=True))

    response = as_user(who).post(f"/partners/{app}/{model}/add/", add_form(model, own))

    assert response.status_code == 302, response.context and response.context["errors"]
    (added,) = set(model_class.objects.values_list("pk", flat=True)) - before
    assert added in owned(model_class, own.organisation)


@pytest.mark.django_db
def test_an_administrator_invites_a_new_member(org_a, as_user, django_capture_on_commit_callbacks):
    alice = as_user("alice")
    with django_capture_on_commit_callbacks(execute=True):
        response = alice.post(
            "/partners/contributors/invitation/add/",
            {"email": "Newcomer@Example.org", "role": Membership.Role.MEMBER},
        )

    assert response.status_code == 302
    assert Invitation.objects.filter(
        organisation=org_a.organisation, email="newcomer@example.org", accepted_at=None
    ).exists()
    assert mail.outbox[-1].to == ["newcomer@example.org"]


@pytest.mark.django_db
def test_a_member_who_is_not_an_administrator_cannot_invite(org_a, as_user):
    before = everything()
    bob = as_user("bob")

    form = bob.get("/partners/contributors/invitation/add/")
    sent = bob.post(
        "/partners/contributors/invitation/add/",
        {"email": "newcomer@example.org", "role": Membership.Role.ADMIN},
    )

    assert form.status_code == 403 and sent.status_code == 403
    assert everything() == before


@pytest.mark.django_db
def test_an_administrator_removes_a_member(org_a, bob, as_user):
    response = as_user("alice").post(
        f"/partners/contributors/membership/{bob.membership.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Membership.objects.filter(user=bob).exists()


@pytest.mark.django_db
def test_a_member_who_is_not_an_administrator_cannot_remove_or_promote_anyone(
    org_a, alice, bob, as_user
):
    before = everything()
    browser = as_user("bob")
    alices = f"/partners/contributors/membership/{alice.membership.pk}/"
    bobs = f"/partners/contributors/membership/{bob.membership.pk}/"

    responses = [
        browser.get(f"{alices}delete/"),
        browser.post(f"{alices}delete/", {"post": "yes"}),
        browser.post(f"{bobs}change/", {"role": Membership.Role.ADMIN}),
        browser.post(
            "/partners/contributors/membership/",
            {"action": "delete_selected", "_selected_action": [alice.membership.pk], "post": "yes"},
        ),
    ]

    assert [r.status_code for r in responses[:3]] == [403, 403, 403]
    assert everything() == before


@pytest.mark.django_db
def test_a_member_who_is_not_an_administrator_cannot_withdraw_an_invitation(org_a, as_user):
    response = as_user("bob").post(
        f"/partners/contributors/invitation/{org_a.invitation.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert Invitation.objects.filter(pk=org_a.invitation.pk).exists()


@pytest.mark.django_db
def test_inviting_someone_who_works_for_another_organisation_is_refused(org_a, org_b, as_user):
    before = everything()

    response = as_user("alice").post(
        "/partners/contributors/invitation/add/",
        {"email": "Charlie@Example.org", "role": Membership.Role.MEMBER},
    )

    assert response.status_code == 200
    assert (
        "charlie@example.org already works for another organisation on the platform."
        in response.content.decode()
    )
    assert everything() == before


# The parts of a published course, and what a member edits in each.
PUBLISHED_TREE = {
    "published course": ("courses/course", "published_course", "level", "advanced"),
    "its version": ("courses/courseversion", "published_version", "title", "Acacia, edited"),
    "its module": ("courses/module", "published_module", "title", "Acacia, edited"),
    "its lesson": ("courses/lesson", "published_lesson", "title", "Acacia, edited"),
    "its quiz": ("courses/quiz", "published_quiz", "title", "Acacia, edited"),
    "its question": ("courses/question", "published_question", "text", "Acacia, edited?"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("target", PUBLISHED_TREE)
@pytest.mark.parametrize("who", ["alice", "bob"])
def test_members_cannot_delete_or_restructure_a_published_course(who, target, org_a, as_user):
    admin_path, attribute, _, _ = PUBLISHED_TREE[target]
    obj = getattr(org_a, attribute)
    base = f"/partners/{admin_path}/"
    browser = as_user(who)
    before = everything()

    page = browser.get(f"{base}{obj.pk}/change/")
    refused = [
        browser.get(f"{base}{obj.pk}/delete/"),
        browser.post(f"{base}{obj.pk}/delete/", {"post": "yes"}),
        browser.post(
            base, {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}
        ),
    ]

    assert page.status_code == 200
    assert page.context["inline_admin_formsets"] == []
    assert [r.status_code for r in refused] == [403, 403, 403]
    assert everything() == before


@pytest.mark.django_db
@pytest.mark.parametrize("target", PUBLISHED_TREE)
@pytest.mark.parametrize("who", ["alice", "bob"])
def test_members_edits_of_a_published_course_wait_for_staff_review(who, target, org_a, as_user):
    admin_path, attribute, field, value = PUBLISHED_TREE[target]
    obj = getattr(org_a, attribute)
    live = getattr(obj, field)
    path = f"/partners/{admin_path}/{obj.pk}/change/"
    browser = as_user(who)
    data = form_data(browser.get(path))
    data[field] = value

    response = browser.post(path, data)

    assert response.status_code == 302
    obj.refresh_from_db()
    assert getattr(obj, field) == live
    assert PendingChange.objects.get().data == {field: value}
    course = Course.objects.get(pk=org_a.published_course.pk)
    assert (course.status, course.review_state) == (Status.PUBLISHED, ReviewState.SUBMITTED)

    as_user("eve").post(
        "/admin/courses/course/", {"action": "publish", "_selected_action": [course.pk]}
    )

    obj.refresh_from_db()
    assert getattr(obj, field) == value
    assert not PendingChange.objects.exists()


@pytest.mark.django_db
def test_a_member_cannot_publish_a_version_through_its_courses_form(org_a, as_user):
    course = org_a.draft_course
    browser = as_user("bob")
    path = f"/partners/courses/course/{course.pk}/change/"
    data = form_data(browser.get(path))
    data["versions-0-status"] = Status.PUBLISHED

    browser.post(path, data)

    org_a.version.refresh_from_db()
    assert org_a.version.status == Status.DRAFT


@pytest.mark.django_db
def test_an_edit_of_published_material_waits_for_staff_review(org_a, as_user):
    material = org_a.published_material
    path = f"/partners/library/material/{material.pk}/change/"
    bob = as_user("bob")
    data = form_data(bob.get(path))
    data["title"] = "Acacia published material, second edition"
    data["upload"] = SimpleUploadedFile("second-edition.pdf", PDF)

    response = bob.post(path, data)

    assert response.status_code == 302
    live = Material.objects.get(pk=material.pk)
    assert (live.title, live.file.name, live.status) == (material.title, "", "published")
    assert live.review_state == ReviewState.SUBMITTED
    revision = MaterialRevision.objects.get(material=material)
    assert revision.data == {"title": "Acacia published material, second edition"}
    assert revision.file.name.endswith(".pdf")

    as_user("eve").post(
        "/admin/library/material/", {"action": "publish", "_selected_action": [material.pk]}
    )

    live.refresh_from_db()
    assert live.title == "Acacia published material, second edition"
    assert live.file.name == revision.file.name
    assert live.review_state == ReviewState.APPROVED
    assert not MaterialRevision.objects.filter(material=material).exists()


# Add forms and the choices they offer: (admin path, field) -> attributes of org A's holdings.
CHOICES = {
    ("courses/course", "organisation"): ["organisation"],
    ("courses/course", "prerequisites"): ["draft_course"],
    ("courses/courseversion", "course"): ["draft_course"],
    ("courses/module", "version"): ["version"],
    ("courses/lesson", "module"): ["module"],
    ("courses/lesson", "materials"): ["draft_material", "published_material"],
    ("courses/quiz", "module"): ["module"],
    ("courses/question", "quiz"): ["quiz"],
    ("library/material", "organisation"): ["organisation"],
}


@pytest.mark.django_db
@pytest.mark.parametrize(("form", "field"), CHOICES, ids=["/".join(key) for key in CHOICES])
def test_add_forms_offer_only_the_members_unpublished_things(form, field, org_a, org_b, as_user):
    response = as_user("alice").get(f"/partners/{form}/add/")

    assert response.status_code == 200
    assert offered(response, field) == {getattr(org_a, a).pk for a in CHOICES[form, field]}


# --- Staff, and the main admin -----------------------------------------------------------------

STAFF_LISTS = [
    "courses/course",
    "courses/courseversion",
    "courses/module",
    "courses/lesson",
    "courses/quiz",
    "courses/question",
    "library/material",
    "contributors/pledge",
    "contributors/membership",
    "contributors/invitation",
]


@pytest.mark.django_db
@pytest.mark.parametrize("admin_path", STAFF_LISTS)
def test_staff_see_every_organisations_things_in_the_admin(admin_path, org_a, org_b, as_user):
    response = as_user("eve").get(f"/admin/{admin_path}/")

    assert response.status_code == 200
    model = response.context["cl"].model
    assert shown(response) == owned(model, org_a.organisation) | owned(model, org_b.organisation)


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["", "courses/course/", "library/material/", "{course}/change/"])
@pytest.mark.parametrize("who", ["alice", "charlie", "dana"])
def test_only_staff_open_the_admin(who, page, org_a, as_user):
    path = "/admin/" + page.format(course=f"courses/course/{org_a.draft_course.pk}")

    response = as_user(who).get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# --- Around the partners' admin ----------------------------------------------------------------


INLINE_CHILDREN = [
    ("courses/course", "draft_course", "versions", "version"),
    ("courses/courseversion", "version", "modules", "module"),
    ("courses/module", "module", "lessons", "lesson"),
    ("courses/module", "module", "quizzes", "quiz"),
    ("courses/quiz", "quiz", "questions", "question"),
    ("courses/question", "question", "options", "option"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("form", "attribute", "prefix", "child"),
    INLINE_CHILDREN,
    ids=[f"{form} {prefix}" for form, _, prefix, _ in INLINE_CHILDREN],
)
def test_charlie_cannot_pull_org_a_things_into_his_own_forms(
    form, attribute, prefix, child, org_a, org_b, as_user
):
    """Django skips an inline row whose id is not one of the parent's: it saves nothing of it."""
    charlies = getattr(org_b, attribute)
    theirs = org_a.question.options.first() if child == "option" else getattr(org_a, child)
    browser = as_user("charlie")
    path = f"/partners/{form}/{charlies.pk}/change/"
    data = form_data(browser.get(path))
    data[f"{prefix}-0-id"] = theirs.pk
    for name in ("title", "text"):
        if f"{prefix}-0-{name}" in data:
            data[f"{prefix}-0-{name}"] = "Stolen"
    before, rows = belongings(org_a.organisation), type(theirs).objects.count()

    response = browser.post(path, data)

    assert belongings(org_a.organisation) == before
    assert type(theirs).objects.count() == rows
    assert response.status_code in (200, 302)
    assert "acacia" not in text_of(response)


@pytest.mark.django_db
def test_view_on_site_leads_members_to_their_own_things_only(alice, org_a, org_b, as_user):
    private = collection_create(owner=alice, title="Alice's reading list")
    course_type = ContentType.objects.get_for_model(Course).pk
    collection_type = ContentType.objects.get_for_model(Collection).pk

    own = as_user("alice").get(f"/partners/r/{course_type}/{org_a.published_course.pk}/")
    charlie = as_user("charlie")
    for path in (
        f"/partners/r/{collection_type}/{private.pk}/",
        f"/partners/r/{course_type}/{org_a.published_course.pk}/",
        f"/partners/r/{course_type}/not-a-number/",
        "/partners/r/999999/1/",
    ):
        assert charlie.get(path).status_code == 404, path

    assert own.status_code == 302
    assert own["Location"].endswith("/courses/acacia-published-course/")


@pytest.mark.django_db
def test_the_public_site_and_api_never_show_charlie_org_a_drafts(org_a, org_b, as_user):
    charlie = as_user("charlie")
    course, material = org_a.draft_course, org_a.draft_material

    not_found = [
        charlie.get(f"/api/courses/{course.slug}/en/"),
        charlie.get(f"/api/library/materials/{material.slug}/"),
        charlie.post(f"/api/lessons/{org_a.lesson.pk}/completion/"),
        charlie.post(f"/api/quizzes/{org_a.quiz.pk}/attempts/"),
        charlie.get(f"/courses/{course.slug}/"),
        charlie.get(f"/courses/{course.slug}/en/"),
        charlie.get(f"/courses/{course.slug}/en/lessons/{org_a.lesson.pk}/"),
        charlie.get(f"/library/{material.slug}/"),
        charlie.get(f"/library/{material.slug}/download/"),
    ]
    catalogue = charlie.get("/api/courses/").content.decode()
    library = charlie.get("/api/library/materials/").content.decode()

    assert [r.status_code for r in not_found] == [404] * len(not_found)
    assert course.slug not in catalogue and "acacia-published-course" in catalogue
    assert material.slug not in library and "acacia-published-material" in library
    assert not Enrolment.objects.filter(user__email="charlie@example.org").exists()
