import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contributors.models import Application, Invitation, Membership, Organisation
from library.models import Material
from tests.courses.factories import OrganisationFactory, TopicFactory
from tests.factories import UserFactory

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def application_data(**overrides):
    data = {
        "organisation_name": "Nairobi AI Lab",
        "kind": "academia",
        "country": "KE",
        "website": "https://nairobi-ai-lab.example",
        "contact_name": "Grace Wanjiku",
        "contact_email": "grace@nairobi-ai-lab.example",
        "offers_material": "on",
        "material_description": "Swahili machine-learning course notes.",
        "licence": "CC-BY-4.0",
        "accept_terms": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.django_db
def test_an_organisation_applies_without_an_account_and_gets_a_confirmation(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contributors/join/", application_data())

    assert response["Location"] == "/contributors/join/thanks/"
    application = Application.objects.get()
    assert application.state == "pending" and application.accepted_terms_at
    assert mailoutbox[0].to == ["grace@nairobi-ai-lab.example"]
    assert "Nairobi AI Lab" in mailoutbox[0].subject


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website": "not a url"}, "Enter a valid URL"),
        ({"country": "XX"}, "Select a valid choice"),
        ({"licence": None}, "This field is required"),
        ({"licence": "WTFPL"}, "Select a valid choice"),
        ({"accept_terms": None}, "contributor terms must be accepted"),
        ({"offers_material": None}, "at least one thing"),
        ({"material_description": ""}, "Describe briefly"),
        ({"contact_email": "grace"}, "valid email"),
    ],
)
def test_bad_applications_get_a_clear_message_and_nothing_is_written(
    client, mailoutbox, overrides, message
):
    response = client.post("/contributors/join/", application_data(**overrides))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Application.objects.exists()
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_second_application_from_the_same_organisation_is_refused(client):
    client.post("/contributors/join/", application_data())

    response = client.post(
        "/contributors/join/", application_data(organisation_name="NAIROBI AI LAB ")
    )

    assert response.status_code == 400
    assert "already being reviewed" in response.content.decode()
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_an_existing_contributor_cannot_apply_again(client):
    OrganisationFactory(name="Nairobi AI Lab", slug="nairobi-ai-lab")

    response = client.post("/contributors/join/", application_data())

    assert response.status_code == 400
    assert "already a contributor" in response.content.decode()


def admin_action(client, action, application):
    return client.post(
        "/admin/contributors/application/", {"action": action, "_selected_action": [application.pk]}
    )


@pytest.mark.django_db
def test_staff_ask_for_more_information_and_decline_with_a_reason_by_email(
    client, eve, mailoutbox, django_capture_on_commit_callbacks
):
    client.post("/contributors/join/", application_data())
    application = Application.objects.get()
    client.force_login(eve)

    application.staff_message = "Which languages are the notes in?"
    application.save()
    with django_capture_on_commit_callbacks(execute=True):
        admin_action(client, "ask_for_more_information", application)
    application.refresh_from_db()
    assert application.state == "more-information"
    assert "Which languages" in mailoutbox[-1].body

    application.staff_message = "We only accept material under an open licence."
    application.save()
    with django_capture_on_commit_callbacks(execute=True):
        admin_action(client, "decline", application)
    application.refresh_from_db()
    assert application.state == "declined"
    assert "open licence" in mailoutbox[-1].body
    assert not Organisation.objects.filter(name="Nairobi AI Lab").exists()


@pytest.mark.django_db
def test_declining_without_a_reason_is_refused(client, eve):
    client.post("/contributors/join/", application_data())
    application = Application.objects.get()
    client.force_login(eve)

    response = admin_action(client, "decline", application)

    application.refresh_from_db()
    assert application.state == "pending"
    assert "reason" in " ".join(str(m) for m in response.wsgi_request._messages)


@pytest.mark.django_db
def test_the_whole_path_from_application_to_published_material(
    client, eve, mailoutbox, django_capture_on_commit_callbacks
):
    TopicFactory(slug="machine-learning")
    client.post("/contributors/join/", application_data())
    application = Application.objects.get()

    # Staff approve: the organisation exists and its contact is invited as administrator.
    client.force_login(eve)
    with django_capture_on_commit_callbacks(execute=True):
        admin_action(client, "approve", application)
    organisation = Organisation.objects.get(name="Nairobi AI Lab")
    invitation = Invitation.objects.get(organisation=organisation)
    assert invitation.role == "admin"
    link = re.search(r"https?://[^/\s]+(/contributors/invitations/\S+/)", mailoutbox[-1].body)
    client.logout()

    # The contact accepts: an account is made for the invited address, then a password is set.
    response = client.post(link.group(1))
    assert "/accounts/password/reset/key/" in response["Location"]
    page = client.get(response["Location"], follow=True)
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else response["Location"]
    client.post(
        form_url, {"password1": "a fresh long passphrase", "password2": "a fresh long passphrase"}
    )
    grace = Membership.objects.get(organisation=organisation).user
    assert grace.email == "grace@nairobi-ai-lab.example"
    assert grace.check_password("a fresh long passphrase")

    # She signs in, uploads material in the partners' admin and submits it for review.
    client.logout()
    client.post("/accounts/login/", {"login": grace.email, "password": "a fresh long passphrase"})
    response = client.post(
        "/partners/library/material/add/",
        {
            "title": "Swahili ML notes",
            "slug": "swahili-ml-notes",
            "description": "Course notes in Swahili.",
            "authors": "Grace Wanjiku",
            "url": "",
            "duration_minutes": "",
            "material_type": "document",
            "topic": TopicFactory(slug="machine-learning").pk,
            "language": "en",
            "level": "beginner",
            "licence": "CC-BY-4.0",
            "publication_year": "2025",
            "for_learners": "on",
            "upload": SimpleUploadedFile("notes.pdf", PDF),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    material = Material.objects.get(slug="swahili-ml-notes")
    assert material.organisation == organisation and material.status == "draft"
    client.post(
        "/partners/library/material/",
        {"action": "submit_for_review", "_selected_action": [material.pk]},
    )
    material.refresh_from_db()
    assert material.review_state == "submitted"
    assert client.get("/library/swahili-ml-notes/").status_code == 404

    # Staff publish it: it is in the library.
    client.force_login(eve)
    client.post(
        "/admin/library/material/", {"action": "publish", "_selected_action": [material.pk]}
    )
    material.refresh_from_db()
    assert material.status == "published" and material.review_state == "approved"
    client.logout()
    assert "Swahili ML notes" in client.get("/library/?q=swahili").content.decode()


@pytest.mark.django_db
def test_an_invitation_is_only_for_the_address_it_was_sent_to(client, charlie):
    organisation = OrganisationFactory()
    from contributors.services import invitation_create

    invitation = invitation_create(
        organisation=organisation, email="someone@example.org", role="member", invited_by=None
    )
    client.force_login(charlie)

    response = client.post(f"/contributors/invitations/{invitation.token}/")

    assert response.status_code == 400
    assert "another e-mail address" in response.content.decode()
    assert not Membership.objects.filter(organisation=organisation).exists()


@pytest.mark.django_db
def test_someone_in_another_organisation_cannot_be_invited(client):
    from django.core.exceptions import ValidationError

    from contributors.services import invitation_create

    theirs, ours = OrganisationFactory(), OrganisationFactory()
    member = UserFactory(email="busy@example.org")
    Membership.objects.create(user=member, organisation=theirs)

    with pytest.raises(ValidationError, match="another organisation"):
        invitation_create(
            organisation=ours, email="BUSY@example.org", role="member", invited_by=None
        )

    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_staff_see_submitted_courses_and_material_in_one_queue(client, eve):
    from tests.courses.factories import build_course
    from tests.library.factories import MaterialFactory

    course = build_course(status="draft").course
    course.review_state = "submitted"
    course.save()
    MaterialFactory(title="Waiting material", review_state="submitted", draft=True)
    MaterialFactory(title="Not submitted", draft=True)
    client.force_login(eve)

    page = client.get("/admin/review/").content.decode()

    assert "Waiting material" in page and "Not submitted" not in page
    assert f"/admin/courses/course/{course.pk}/change/" in page


@pytest.mark.django_db
def test_the_review_queue_is_for_staff_only(client, alice):
    client.force_login(alice)

    assert client.get("/admin/review/").status_code == 302
