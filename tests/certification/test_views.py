"""The learner's certification pages and the public verification pages, through the test client."""

import html
import re
import uuid
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from jwt.algorithms import OKPAlgorithm

from alliance.core.countries import load as load_countries
from certification import services
from certification.models import (
    Certificate,
    FeeWaiverRequest,
    Order,
    Programme,
    ProjectSubmission,
    Voucher,
)
from tests.certification.fixtures import complete_programme_requirements
from tests.courses.factories import CourseFactory, OrganisationFactory, TopicFactory

# Fixed, so that parallel test processes collect the same test ids.
NOBODYS_ID = uuid.UUID("5c1c4a52-8f8e-4c36-9d1e-000000000000")


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def priced(db):
    """Countries loaded, so prices follow the learner's country group."""
    load_countries()


def checkout_url(programme):
    return reverse("certification:checkout", args=[programme.slug])


def make_certificate(user, **fields) -> Certificate:
    """A certificate of completion written directly, as issued (no PDF rendered yet)."""
    course = CourseFactory()
    return Certificate.objects.create(
        kind=Certificate.Kind.COMPLETION,
        user=user,
        course=course,
        learner_name=fields.pop("learner_name", user.display_name),
        title=fields.pop("title", f"Course {course.slug}"),
        issuer_name=fields.pop("issuer_name", "AI Skills Coalition"),
        **fields,
    )


def count_queries(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


# --- Programmes ------------------------------------------------------------------------------


def test_the_programme_list_shows_open_programmes_with_their_base_price(client, programme):
    Programme.objects.create(
        slug="closed",
        title="A closed programme",
        description="Closed.",
        criteria="None.",
        topic=TopicFactory(),
        organisation=OrganisationFactory(),
        assessment=Programme.Assessment.PROJECT,
        base_price=Decimal("50"),
        is_active=False,
    )

    response = client.get(reverse("certification:programmes"))

    page = response.content.decode()
    assert response.status_code == 200
    assert programme.title in page and f'href="{programme.get_absolute_url()}"' in page
    assert "100.00 USD" in page
    assert "A closed programme" not in page


def test_anonymous_visitors_see_the_programme_and_a_sign_in_link(client, programme):
    response = client.get(programme.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert programme.title in page and "Generative AI foundations" in page
    assert "The base price is 100.00 USD" in page
    assert reverse("account_login") + "?next=" in page
    assert checkout_url(programme) not in page


def test_alice_sees_where_she_stands_her_price_and_the_way_to_buy(client, qualified_alice, priced):
    programme = Programme.objects.get()
    client.force_login(qualified_alice)

    page = client.get(programme.get_absolute_url()).content.decode()

    assert "completed" in page and "passed" in page
    version = programme.exam.module.version
    exam = reverse("courses:quiz", args=[version.course.slug, version.language, programme.exam.pk])
    assert f'href="{exam}"' in page
    assert "Your price: 40.00 USD" in page
    assert "60% off for learners in" in page
    assert f'href="{checkout_url(programme)}"' in page
    assert reverse("certification:waiver", args=[programme.slug]) in page


def test_charlie_who_has_done_nothing_is_told_to_meet_the_requirements(client, charlie, programme):
    client.force_login(charlie)

    page = client.get(programme.get_absolute_url()).content.decode()

    assert "not completed yet" in page and "not passed yet" in page
    assert f'href="{checkout_url(programme)}"' not in page


@pytest.mark.parametrize(
    "name, args",
    [
        ("certification:checkout", ["advanced-generative-ai"]),
        ("certification:waiver", ["advanced-generative-ai"]),
        ("certification:project", ["advanced-generative-ai"]),
        ("certification:checkout_return", []),
        ("certification:order", [NOBODYS_ID]),
        ("certification:pdf", [NOBODYS_ID]),
        ("certification:credential", [NOBODYS_ID]),
    ],
)
def test_anonymous_visitors_are_sent_to_sign_in(client, programme, name, args):
    response = client.get(reverse(name, args=args))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


# --- Checkout --------------------------------------------------------------------------------


def test_checkout_shows_alice_her_price_of_40_usd_and_why(
    client, qualified_alice, priced, settings
):
    settings.STRIPE_SECRET_KEY = "sk_test_configured"
    client.force_login(qualified_alice)

    response = client.get(checkout_url(Programme.objects.get()))

    page = response.content.decode()
    assert response.status_code == 200
    assert "100.00 USD" in page  # the base price
    assert "−60.00 USD (60%)" in page
    assert "40.00 USD" in page
    assert "60% off for learners in Lower-middle income countries (Kenya)." in page
    assert "Pay 40.00 USD" in page
    assert 'name="voucher"' in page and 'for="id_voucher"' in page


def test_a_bad_voucher_is_shown_with_its_error_and_a_400(client, qualified_alice, priced):
    client.force_login(qualified_alice)

    response = client.get(checkout_url(Programme.objects.get()) + "?voucher=NOSUCHCODE")

    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert "There is no voucher with this code." in page
    assert "40.00 USD" in page  # still priced, without the voucher


def test_a_voucher_reprices_the_checkout(client, qualified_alice, priced, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_configured"
    Voucher.objects.create(code="HALF-OFF", kind=Voucher.Kind.PERCENT, percent=50)
    client.force_login(qualified_alice)

    response = client.get(checkout_url(Programme.objects.get()) + "?voucher=half-off")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Voucher HALF-OFF takes 50% off." in page
    assert "Pay 20.00 USD" in page
    assert '<input type="hidden" name="voucher" value="HALF-OFF">' in page


def test_without_stripe_a_paid_checkout_says_payments_are_not_configured(
    client, qualified_alice, priced, settings
):
    settings.STRIPE_SECRET_KEY = ""
    programme = Programme.objects.get()
    client.force_login(qualified_alice)

    shown = client.get(checkout_url(programme)).content.decode()
    posted = client.post(checkout_url(programme))

    assert "Card payments are not configured" in shown and "Pay 40.00 USD" not in shown
    assert posted.status_code == 400
    assert "Card payments are not configured" in posted.content.decode()
    assert not Order.objects.exists()


def test_a_waiver_voucher_gives_a_paid_order_for_nothing_without_stripe(
    client, qualified_alice, priced, settings, django_capture_on_commit_callbacks
):
    settings.STRIPE_SECRET_KEY = ""
    programme = Programme.objects.get()
    Voucher.objects.create(code="WAIVE-IT", kind=Voucher.Kind.WAIVER, for_user=qualified_alice)
    client.force_login(qualified_alice)

    assert (
        "Get certificate"
        in client.get(checkout_url(programme) + "?voucher=WAIVE-IT").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(checkout_url(programme), {"voucher": "WAIVE-IT"})

    order = Order.objects.get()
    assert response.status_code == 303
    assert response["Location"] == order.get_absolute_url()
    assert (order.state, order.amount, order.user) == (
        Order.State.PAID,
        Decimal("0"),
        qualified_alice,
    )
    assert [m.subject for m in mail.outbox] == [f"Fee waived: {programme.title}"]
    page = client.get(order.get_absolute_url()).content.decode()
    assert "Paid (fee waived)" in page and "Staff will review your work" in page


def test_checkout_sends_alice_to_stripe_with_a_303(client, qualified_alice, priced, stripe_standin):
    programme = Programme.objects.get()
    client.force_login(qualified_alice)

    response = client.post(checkout_url(programme))

    order = Order.objects.get()
    session = stripe_standin.sessions[order.stripe_session_id]
    assert response.status_code == 303
    assert response["Location"] == session["url"]
    assert session["amount_total"] == 4000 and session["currency"] == "usd"
    assert session["success_url"] == (
        "http://testserver/certification/orders/return/?session_id={CHECKOUT_SESSION_ID}"
    )
    assert session["cancel_url"] == "http://testserver" + checkout_url(programme)


def test_coming_back_from_stripe_fulfils_the_paid_order_and_shows_it(
    client, qualified_alice, priced, stripe_standin
):
    client.force_login(qualified_alice)
    client.post(checkout_url(Programme.objects.get()))
    order = Order.objects.get()
    stripe_standin.pay(order.stripe_session_id)

    response = client.get(
        reverse("certification:checkout_return"), {"session_id": order.stripe_session_id}
    )

    assert response.status_code == 302
    assert response["Location"] == order.get_absolute_url()
    order.refresh_from_db()
    assert order.state == Order.State.PAID
    page = client.get(order.get_absolute_url()).content.decode()
    assert "<strong>Paid</strong>" in page and "40.00 USD" in page


def test_coming_back_when_stripe_cannot_be_asked_stays_calm(
    client, qualified_alice, priced, stripe_standin, settings
):
    client.force_login(qualified_alice)
    client.post(checkout_url(Programme.objects.get()))
    order = Order.objects.get()
    settings.STRIPE_SECRET_KEY = ""

    response = client.get(
        reverse("certification:checkout_return"),
        {"session_id": order.stripe_session_id},
        follow=True,
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "we will confirm it by e-mail" in page
    assert "<strong>Pending</strong>" in page


def test_charlie_cannot_come_back_with_alices_stripe_session(
    client, qualified_alice, charlie, priced, stripe_standin
):
    client.force_login(qualified_alice)
    client.post(checkout_url(Programme.objects.get()))
    order = Order.objects.get()
    stripe_standin.pay(order.stripe_session_id)
    client.force_login(charlie)

    response = client.get(
        reverse("certification:checkout_return"), {"session_id": order.stripe_session_id}
    )

    assert response.status_code == 404
    order.refresh_from_db()
    assert order.state == Order.State.PENDING


def test_charlie_gets_a_404_for_alices_order(client, qualified_alice, charlie, priced, settings):
    settings.STRIPE_SECRET_KEY = ""
    Voucher.objects.create(code="WAIVE-IT", kind=Voucher.Kind.WAIVER)
    client.force_login(qualified_alice)
    client.post(checkout_url(Programme.objects.get()), {"voucher": "WAIVE-IT"})
    order = Order.objects.get()

    assert client.get(order.get_absolute_url()).status_code == 200
    client.force_login(charlie)
    assert client.get(order.get_absolute_url()).status_code == 404


def test_a_bad_voucher_posted_at_checkout_is_refused_once_and_nothing_is_bought(
    client, qualified_alice, priced, settings
):
    settings.STRIPE_SECRET_KEY = ""
    client.force_login(qualified_alice)

    response = client.post(checkout_url(Programme.objects.get()), {"voucher": "NOSUCHCODE"})

    assert response.status_code == 400
    assert response.content.decode().count("There is no voucher with this code.") == 1
    assert not Order.objects.exists()


# --- Query counts stay constant as data grows ------------------------------------------------


def add_programme(number: int, *, courses: int = 1) -> Programme:
    programme = Programme.objects.create(
        slug=f"programme-{number}",
        title=f"Programme {number}",
        description="Advanced skills.",
        criteria="Did the work.",
        topic=TopicFactory(slug="machine-learning"),
        organisation=OrganisationFactory(slug=f"issuer-{number}"),
        assessment=Programme.Assessment.PROJECT,
        base_price=Decimal("80"),
    )
    programme.required_courses.set([CourseFactory() for _ in range(courses)])
    return programme


def test_the_programme_list_runs_a_constant_number_of_queries(client, alice):
    client.force_login(alice)
    add_programme(1)
    few = count_queries(client, reverse("certification:programmes"))
    for number in range(2, 10):
        add_programme(number, courses=3)

    assert count_queries(client, reverse("certification:programmes")) == few


def test_the_programme_page_runs_a_constant_number_of_queries(client, alice, priced):
    client.force_login(alice)
    small, large = add_programme(1, courses=1), add_programme(2, courses=6)
    count_queries(client, large.get_absolute_url())  # warm the session

    assert count_queries(client, small.get_absolute_url()) == count_queries(
        client, large.get_absolute_url()
    )


# --- Fee waivers and projects ----------------------------------------------------------------


def test_a_too_short_waiver_statement_is_refused_and_nothing_is_written(client, alice, programme):
    client.force_login(alice)

    response = client.post(
        reverse("certification:waiver", args=[programme.slug]), {"statement": "Please."}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Ensure this value has at least 20 characters" in page
    assert 'aria-invalid="true"' in page
    assert not FeeWaiverRequest.objects.exists()


def test_alice_asks_for_a_fee_waiver_and_sees_its_state(client, alice, programme):
    client.force_login(alice)
    url = reverse("certification:waiver", args=[programme.slug])
    statement = "I am a student in Nairobi and cannot pay the fee this year."

    assert "Why do you ask for a fee waiver?" in client.get(url).content.decode()
    response = client.post(url, {"statement": statement})

    assert response.status_code == 302
    waiver = FeeWaiverRequest.objects.get()
    assert (waiver.user, waiver.statement) == (alice, statement)
    page = client.get(url).content.decode()
    assert "Waiting for a decision" in page
    again = client.post(url, {"statement": statement})
    assert again.status_code == 400
    assert "still waiting for a decision" in again.content.decode()
    assert FeeWaiverRequest.objects.count() == 1


def test_an_approved_waiver_shows_its_voucher_with_a_link_to_checkout(
    client, alice, eve, programme
):
    waiver = services.fee_waiver_request(
        user=alice, programme=programme, statement="I cannot pay the fee at the moment, sadly."
    )
    waiver = services.fee_waiver_decide(waiver=waiver, by=eve, approve=True, note="Good luck!")
    client.force_login(alice)

    page = client.get(reverse("certification:waiver", args=[programme.slug])).content.decode()

    assert "Approved" in page and "Good luck!" in page
    assert f"{checkout_url(programme)}?voucher={waiver.voucher.code}" in page


@pytest.fixture
def project_programme(programme):
    programme.assessment = Programme.Assessment.PROJECT
    programme.exam = None
    programme.project_brief = "Build a small retrieval-augmented assistant."
    programme.save()
    return programme


def test_a_project_with_a_bad_link_is_refused_and_nothing_is_written(
    client, alice, project_programme
):
    client.force_login(alice)

    response = client.post(
        reverse("certification:project", args=[project_programme.slug]),
        {"url": "not a link", "summary": "What I built."},
    )

    assert response.status_code == 400
    assert "Enter a valid URL." in response.content.decode()
    assert not ProjectSubmission.objects.exists()


def test_alice_submits_her_project_and_sees_it_waiting_then_graded(
    client, alice, eve, project_programme
):
    client.force_login(alice)
    url = reverse("certification:project", args=[project_programme.slug])

    response = client.post(
        url, {"url": "https://example.org/alice/assistant", "summary": "A small assistant."}
    )

    assert response.status_code == 302
    submission = ProjectSubmission.objects.get(user=alice)
    assert "Waiting for grading" in client.get(url).content.decode()
    services.project_grade(submission=submission, by=eve, passed=False, feedback="Add tests.")
    page = client.get(url).content.decode()
    assert "Not passed" in page and "Add tests." in page and "Submit again" in page


def test_the_project_page_does_not_exist_for_an_exam_programme(client, alice, programme):
    client.force_login(alice)

    assert client.get(reverse("certification:project", args=[programme.slug])).status_code == 404


# --- Certificates: downloads -----------------------------------------------------------------


@pytest.fixture
def rendered(alice, programme, django_capture_on_commit_callbacks):
    """Alice completes the course; the completion certificate is issued and its PDF rendered."""
    with django_capture_on_commit_callbacks(execute=True):
        complete_programme_requirements(alice, programme)
    certificate = Certificate.objects.get(user=alice)
    assert certificate.pdf
    return certificate


def test_alice_downloads_her_rendered_pdf(client, alice, rendered):
    client.force_login(alice)

    response = client.get(reverse("certification:pdf", args=[rendered.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="certificate-{rendered.pk}.pdf"' in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_charlie_gets_a_404_for_alices_pdf_and_staff_may_download_it(
    client, alice, charlie, eve, rendered
):
    url = reverse("certification:pdf", args=[rendered.pk])
    client.force_login(charlie)
    assert client.get(url).status_code == 404
    client.force_login(eve)
    assert client.get(url).status_code == 200


def test_a_pdf_not_rendered_yet_is_being_prepared(client, alice):
    certificate = make_certificate(alice)
    client.force_login(alice)

    response = client.get(reverse("certification:pdf", args=[certificate.pk]))

    assert response.status_code == 202
    assert "refresh this page in a minute" in response.content.decode()


def test_a_revoked_certificate_is_no_longer_downloadable(client, alice, eve):
    certificate = make_certificate(alice)
    services.certificate_revoke(certificate=certificate, by=eve, reason="Plagiarised project.")
    client.force_login(alice)

    pdf = client.get(reverse("certification:pdf", args=[certificate.pk]))
    credential = client.get(reverse("certification:credential", args=[certificate.pk]))

    assert pdf.status_code == 410 and credential.status_code == 410
    assert "was revoked on" in pdf.content.decode()
    assert "Plagiarised project." in pdf.content.decode()


def test_alice_downloads_her_signed_credential_and_it_verifies_with_the_published_key(
    client, alice
):
    certificate = make_certificate(alice)
    client.force_login(alice)

    response = client.get(reverse("certification:credential", args=[certificate.pk]))
    keys = client.get(reverse("jwks")).json()["keys"]

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert f'filename="certificate-{certificate.pk}.jwt"' in response["Content-Disposition"]
    public = OKPAlgorithm.from_jwk(keys[0])
    claims = jwt.decode(response.content.decode(), public, algorithms=["EdDSA"])
    assert claims["id"] == f"urn:uuid:{certificate.pk}"


def test_charlie_gets_a_404_for_alices_credential(client, alice, charlie):
    certificate = make_certificate(alice)
    client.force_login(charlie)

    assert client.get(reverse("certification:credential", args=[certificate.pk])).status_code == 404


# --- Public verification ---------------------------------------------------------------------


def test_anyone_can_verify_a_valid_certificate(client, alice):
    certificate = make_certificate(alice, learner_name="علياء أحمد", title="Prompt design")

    response = client.get(certificate.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert '<dd dir="auto">علياء أحمد</dd>' in page
    assert "Prompt design" in page and "Certificate of completion" in page
    assert "AI Skills Coalition" in page and "Valid" in page
    assert reverse("jwks") in page
    assert "linkedin.com" not in page
    assert reverse("certification:pdf", args=[certificate.pk]) not in page
    assert response["X-Robots-Tag"] == "noindex"


def test_the_holder_sees_downloads_and_a_linkedin_link_on_the_verification_page(client, alice):
    certificate = make_certificate(alice, title="Prompt design & evaluation")
    client.force_login(alice)

    page = client.get(certificate.get_absolute_url()).content.decode()

    assert reverse("certification:pdf", args=[certificate.pk]) in page
    assert reverse("certification:credential", args=[certificate.pk]) in page
    link = html.unescape(
        re.search(r'href="(https://www\.linkedin\.com/profile/add\?[^"]+)"', page)[1]
    )
    query = parse_qs(urlparse(link).query)
    assert query == {
        "startTask": ["CERTIFICATION_NAME"],
        "name": ["Prompt design & evaluation"],
        "organizationName": ["AI Skills Coalition"],
        "issueYear": [str(certificate.issued_at.year)],
        "issueMonth": [str(certificate.issued_at.month)],
        "certUrl": [certificate.verify_url],
        "certId": [str(certificate.pk)],
    }


def test_charlie_sees_no_downloads_on_alices_verification_page(client, alice, charlie):
    certificate = make_certificate(alice)
    client.force_login(charlie)

    page = client.get(certificate.get_absolute_url()).content.decode()

    assert "Valid" in page
    assert "linkedin.com" not in page
    assert reverse("certification:credential", args=[certificate.pk]) not in page


def test_a_revoked_certificate_says_when_and_why(client, alice, eve):
    certificate = make_certificate(alice)
    certificate = services.certificate_revoke(
        certificate=certificate, by=eve, reason="Issued in error."
    )

    response = client.get(certificate.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    date = date_format(timezone.localtime(certificate.revoked_at), "DATE_FORMAT")
    assert f"Revoked on {date}" in page
    assert "Issued in error." in page
    assert "Status: Valid" not in page


@pytest.mark.parametrize("identifier", ["not-a-uuid", str(NOBODYS_ID), "1' OR '1'='1"])
@pytest.mark.django_db
def test_an_unknown_or_malformed_identifier_is_a_404_page(client, identifier):
    response = client.get(reverse("verify", args=[identifier]))

    assert response.status_code == 404
    assert "No certificate has this identifier" in response.content.decode()


def test_the_jwk_set_is_public_cacheable_and_has_no_private_part(client, db):
    response = client.get("/.well-known/jwks.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/jwk-set+json"
    assert response["Cache-Control"] == "public, max-age=3600"
    assert response["Access-Control-Allow-Origin"] == "*"
    (key,) = response.json()["keys"]
    assert {key["kty"], key["crv"], key["alg"], key["use"]} == {"OKP", "Ed25519", "EdDSA", "sig"}
    assert key["kid"] and key["x"] and "d" not in key


# --- My learning -----------------------------------------------------------------------------


def test_my_learning_lists_my_certificates_with_their_links(client, alice, charlie, eve):
    ready = make_certificate(alice, title="Ready one", pdf="certificates/ready.pdf")
    waiting = make_certificate(alice, title="Waiting one")
    revoked = services.certificate_revoke(
        certificate=make_certificate(alice, title="Revoked one"), by=eve, reason="Error."
    )
    make_certificate(charlie, title="Charlie's own")
    client.force_login(alice)

    page = client.get(reverse("my_learning")).content.decode()

    assert "Ready one" in page and "Waiting one" in page and "Revoked one" in page
    assert "Charlie&#x27;s own" not in page and "Charlie's own" not in page
    assert reverse("certification:pdf", args=[ready.pk]) in page
    assert reverse("certification:pdf", args=[waiting.pk]) not in page
    assert "PDF being prepared" in page
    assert reverse("certification:credential", args=[revoked.pk]) not in page
    assert "Revoked on" in page
    for certificate in (ready, waiting, revoked):
        assert certificate.get_absolute_url() in page


def test_my_learning_takes_one_query_for_certificates_whatever_their_number(
    client, alice, settings
):
    client.force_login(alice)
    make_certificate(alice)
    count_queries(client, reverse("my_learning"))  # warm the session
    one = count_queries(client, reverse("my_learning"))
    for _ in range(4):
        make_certificate(alice)
    five = count_queries(client, reverse("my_learning"))
    settings.MY_LEARNING_SECTIONS = []
    without = count_queries(client, reverse("my_learning"))

    assert one == five == without + 1
