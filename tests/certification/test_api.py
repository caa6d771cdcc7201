import base64
import json
import uuid
from datetime import timedelta
from decimal import Decimal
from urllib.parse import quote

import jwt
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from alliance.core.countries import load as load_countries
from certification import selectors, services
from certification.models import Certificate, Order, Programme, ProjectSubmission, Voucher
from tests.certification.fixtures import complete_programme_requirements
from tests.courses.factories import CourseFactory, OrganisationFactory, TopicFactory

BASE = "/api/certification/"
PROGRAMMES = BASE + "programmes/"
CERTIFICATES = BASE + "certificates/"
ORDERS = BASE + "orders/"


def verify_url(certificate_id) -> str:
    return f"{BASE}verify/{certificate_id}/"


def credential_url(certificate) -> str:
    return f"{CERTIFICATES}{certificate.pk}/credential/"


def quote_url(programme, voucher=None) -> str:
    url = f"{PROGRAMMES}{programme.slug}/quote/"
    return url + f"?voucher={voucher}" if voucher is not None else url


def checkout_url(programme) -> str:
    return f"{PROGRAMMES}{programme.slug}/checkout/"


def completion_certificate(user, *, title="Prompting basics", **fields) -> Certificate:
    return Certificate.objects.create(
        kind=Certificate.Kind.COMPLETION,
        user=user,
        course=fields.pop("course", None) or CourseFactory(),
        learner_name=fields.pop("learner_name", user.display_name),
        title=title,
        issuer_name="AI Skills Coalition",
        **fields,
    )


def project_programme(slug: str, *, price="50.00") -> Programme:
    return Programme.objects.create(
        slug=slug,
        title=f"Programme {slug}",
        description="A programme assessed by a project.",
        criteria="Built and documented a project.",
        topic=TopicFactory(slug="generative-ai"),
        organisation=OrganisationFactory(name="UNESCO", slug="unesco"),
        assessment=Programme.Assessment.PROJECT,
        base_price=Decimal(price),
        currency="USD",
    )


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def as_alice(alice):
    client = APIClient()
    client.force_login(alice)
    return client


@pytest.fixture
def as_charlie(charlie):
    client = APIClient()
    client.force_login(charlie)
    return client


@pytest.fixture
def countries(db):
    """Country groups, which prices depend on."""
    load_countries()


@pytest.fixture
def no_stripe(settings):
    settings.STRIPE_SECRET_KEY = ""


# --- Verification ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_anyone_can_verify_a_valid_certificate(api, alice):
    certificate = completion_certificate(alice, learner_name="阿莉斯 Achieng")

    response = api.get(verify_url(certificate.pk))

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == str(certificate.pk)
    assert data["status"] == "valid"
    assert data["kind"] == "completion"
    assert data["learner_name"] == "阿莉斯 Achieng"
    assert data["title"] == "Prompting basics"
    assert data["issuer"] == "AI Skills Coalition"
    assert data["revoked_at"] is None
    assert data["revoke_reason"] == ""
    assert data["verification_url"] == certificate.verify_url
    assert data["credential_jwks"].endswith("/.well-known/jwks.json")
    assert data["credential_jwks"].startswith("http")


@pytest.mark.django_db
def test_a_revoked_certificate_verifies_as_revoked_with_its_date_and_reason(api, alice, eve):
    certificate = completion_certificate(alice)
    services.certificate_revoke(certificate=certificate, by=eve, reason="Exam taken by another")

    data = api.get(verify_url(certificate.pk)).json()

    assert data["status"] == "revoked"
    assert data["revoked_at"] is not None
    assert data["revoke_reason"] == "Exam taken by another"


@pytest.mark.django_db
def test_verifying_an_unknown_id_is_a_json_404(api):
    response = api.get(verify_url(uuid.uuid4()))

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"] == "No certificate has this identifier."


@pytest.mark.django_db
@pytest.mark.parametrize(
    "malformed", ["not-a-uuid", "1234", "' OR 1=1 --", "ÄÖÜ", "0" * 300, "1e100"]
)
def test_verifying_a_malformed_id_is_a_json_404_not_a_500(api, malformed):
    response = api.get(verify_url(quote(malformed, safe="")))

    assert response.status_code == 404
    assert "detail" in response.json()


# --- The learner's certificates -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_certificate_list_shows_only_the_readers_own(as_alice, as_charlie, alice):
    older = completion_certificate(alice, title="Older", issued_at=timezone.now() - timedelta(1))
    newer = completion_certificate(alice, title="Newer")

    mine = as_alice.get(CERTIFICATES).json()
    charlies = as_charlie.get(CERTIFICATES).json()

    assert [item["id"] for item in mine["results"]] == [str(newer.pk), str(older.pk)]
    assert charlies["count"] == 0
    assert charlies["results"] == []


@pytest.mark.django_db
def test_a_listed_certificate_links_its_pdf_once_rendered_and_its_credential(as_alice, alice):
    certificate = completion_certificate(alice)

    before = as_alice.get(CERTIFICATES).json()["results"][0]
    Certificate.objects.filter(pk=certificate.pk).update(pdf=f"certificates/{certificate.pk}.pdf")
    after = as_alice.get(CERTIFICATES).json()["results"][0]

    assert before["pdf_url"] is None
    assert after["pdf_url"] == f"http://testserver/certification/certificates/{certificate.pk}/pdf/"
    assert after["credential_url"] == "http://testserver" + credential_url(certificate)
    assert after["verification_url"] == certificate.verify_url
    assert {"kind", "title", "issued_at", "revoked_at"} <= set(after)


@pytest.mark.django_db
def test_the_certificate_list_needs_a_signed_in_learner(api):
    assert api.get(CERTIFICATES).status_code == 403


@pytest.mark.django_db
def test_the_certificate_list_takes_as_many_queries_for_ten_certificates_as_for_one(
    as_alice, alice
):
    completion_certificate(alice)
    one = queries_for(as_alice, CERTIFICATES)
    for number in range(9):
        completion_certificate(alice, title=f"Course {number}")
    ten = queries_for(as_alice, CERTIFICATES)

    assert as_alice.get(CERTIFICATES).json()["count"] == 10
    assert ten == one


# --- Credentials -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_owner_gets_a_credential_whose_jwt_verifies_with_the_published_keys(
    as_alice, api, alice
):
    certificate = completion_certificate(alice, learner_name="Алиса عليا")

    response = as_alice.get(credential_url(certificate))
    jwks_response = api.get("/.well-known/jwks.json")

    assert response.status_code == 200
    assert jwks_response.status_code == 200
    data = response.json()
    keys = jwt.PyJWKSet.from_dict(jwks_response.json())
    kid = jwt.get_unverified_header(data["jwt"])["kid"]
    claims = jwt.decode(data["jwt"], key=keys[kid], algorithms=["EdDSA"])
    assert claims["jti"] == f"urn:uuid:{certificate.pk}"
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["credentialSubject"] == data["credential"]["credentialSubject"]
    assert claims["credentialSubject"]["identifier"][0]["identityHash"] == "Алиса عليا"
    assert data["credential"]["id"] == f"urn:uuid:{certificate.pk}"
    assert data["jwks_url"].endswith("/.well-known/jwks.json")


@pytest.mark.django_db
def test_a_credential_whose_name_was_changed_after_signing_does_not_verify(as_alice, api, alice):
    certificate = completion_certificate(alice, learner_name="Alice Achieng")
    token = as_alice.get(credential_url(certificate)).json()["jwt"]
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory"
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    keys = jwt.PyJWKSet.from_dict(api.get("/.well-known/jwks.json").json())

    forged = ".".join([header, forged_payload, signature])

    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(forged, key=keys.keys[0], algorithms=["EdDSA"])


@pytest.mark.django_db
def test_charlie_cannot_get_alices_credential(as_charlie, api, alice):
    certificate = completion_certificate(alice)

    assert as_charlie.get(credential_url(certificate)).status_code == 404
    assert api.get(credential_url(certificate)).status_code == 403


@pytest.mark.django_db
def test_a_revoked_certificate_has_no_credential(as_alice, alice, eve):
    certificate = completion_certificate(alice)
    services.certificate_revoke(certificate=certificate, by=eve, reason="Issued by mistake")

    response = as_alice.get(credential_url(certificate))

    assert response.status_code == 410
    assert "revoked" in response.json()["detail"]
    assert "jwt" not in response.json()


# --- Programmes and prices ----------------------------------------------------------------------


@pytest.mark.django_db
def test_anyone_sees_the_open_programmes_without_a_price(api, programme):
    closed = project_programme("closed-programme")
    Programme.objects.filter(pk=closed.pk).update(is_active=False)

    results = api.get(PROGRAMMES).json()["results"]

    assert [item["slug"] for item in results] == ["advanced-generative-ai"]
    item = results[0]
    assert item["base_price"] == "100.00"
    assert item["currency"] == "USD"
    assert item["assessment"] == "exam"
    assert item["issuer"] == "International Telecommunication Union"
    assert item["required_courses"] == [programme.required_courses.get().slug]
    assert item["price"] is None
    assert item["standing"] is None


@pytest.mark.django_db
def test_a_qualified_learner_sees_their_price_why_and_their_standing(
    countries, qualified_alice, as_alice, programme
):
    item = as_alice.get(PROGRAMMES).json()["results"][0]

    assert item["price"]["amount"] == "40.00"
    assert item["price"]["currency"] == "USD"
    assert item["price"]["group"] == "lower-middle"
    assert item["price"]["group_percent"] == 60
    assert any("60% off" in reason and "Kenya" in reason for reason in item["price"]["reasons"])
    course = programme.required_courses.get()
    assert item["standing"] == {
        "requirements_met": True,
        "courses": [{"slug": course.slug, "done": True}],
        "assessment_passed": True,
        "bought": False,
        "may_buy": True,
    }


@pytest.mark.django_db
def test_a_learner_who_has_done_nothing_sees_the_full_price_and_what_is_missing(
    countries, discounts, as_charlie, programme
):
    item = as_charlie.get(PROGRAMMES).json()["results"][0]

    assert item["price"]["amount"] == "100.00"
    assert item["price"]["group"] is None
    assert item["standing"]["requirements_met"] is False
    assert item["standing"]["courses"][0]["done"] is False
    assert item["standing"]["assessment_passed"] is False
    assert item["standing"]["may_buy"] is False


@pytest.mark.django_db
def test_the_listed_standing_agrees_with_the_standing_of_one_programme(
    countries, discounts, alice, as_alice, programme
):
    graded = project_programme("graded-project")
    waiting = project_programme("waiting-project")
    ProjectSubmission.objects.create(
        user=alice, programme=graded, url="https://example.org/p", summary="Mine.", state="passed"
    )
    ProjectSubmission.objects.create(
        user=alice, programme=waiting, url="https://example.org/q", summary="Mine."
    )
    complete_programme_requirements(alice, programme)
    Order.objects.create(
        user=alice,
        programme=graded,
        state=Order.State.PAID,
        base_price=50,
        amount=0,
        currency="USD",
    )

    listed = {item["slug"]: item for item in as_alice.get(PROGRAMMES).json()["results"]}

    for each in (programme, graded, waiting):
        standing = selectors.programme_standing(user=alice, programme=each)
        assert listed[each.slug]["standing"]["requirements_met"] == standing.requirements_met
        assert listed[each.slug]["standing"]["assessment_passed"] == standing.assessment_passed
        assert listed[each.slug]["standing"]["may_buy"] == standing.may_buy
    assert listed["graded-project"]["standing"]["bought"] is True
    assert listed["waiting-project"]["standing"]["assessment_passed"] is False


@pytest.mark.django_db
def test_each_listed_price_matches_a_quote_for_that_programme(
    countries, qualified_alice, as_alice, programme
):
    project_programme("odd-price", price="33.33")

    listed = {item["slug"]: item for item in as_alice.get(PROGRAMMES).json()["results"]}
    quoted = as_alice.get(quote_url(Programme.objects.get(slug="odd-price"))).json()

    assert listed["odd-price"]["price"]["amount"] == quoted["amount"] == "13.33"
    assert listed["advanced-generative-ai"]["price"]["amount"] == "40.00"


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_the_programme_list_takes_as_many_queries_for_five_programmes_as_for_one(
    countries, qualified_alice, api, as_alice, programme, signed_in
):
    client = as_alice if signed_in else api
    one = queries_for(client, PROGRAMMES)
    for number in range(4):
        other = project_programme(f"more-{number}")
        other.required_courses.add(CourseFactory(), CourseFactory())
        ProjectSubmission.objects.create(
            user=qualified_alice, programme=other, url="https://example.org", summary="Done."
        )
    five = queries_for(client, PROGRAMMES)

    assert client.get(PROGRAMMES).json()["count"] == 5
    assert five == one


@pytest.mark.django_db
def test_a_voucher_lowers_the_quote_and_says_why(countries, qualified_alice, as_alice, programme):
    Voucher.objects.create(code="HALF-OFF", kind=Voucher.Kind.PERCENT, percent=50)

    response = as_alice.get(quote_url(programme, "half-off"))

    assert response.status_code == 200
    data = response.json()
    assert data["base_price"] == "100.00"
    assert data["group_discount"] == "60.00"
    assert data["voucher"] == "HALF-OFF"
    assert data["voucher_discount"] == "20.00"
    assert data["amount"] == "20.00"
    assert data["is_free"] is False
    assert any("HALF-OFF" in reason for reason in data["reasons"])


@pytest.mark.django_db
def test_a_quote_without_a_voucher_is_the_readers_price(
    countries, qualified_alice, as_alice, programme
):
    data = as_alice.get(quote_url(programme)).json()

    assert data["amount"] == "40.00"
    assert data["voucher"] is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("NOPE-NOPE", "There is no voucher with this code."),
        ("OLD-CODE", "This voucher has expired."),
        ("ALL-USED", "This voucher has been used as often as it allows."),
    ],
)
def test_a_voucher_that_cannot_be_used_is_a_400_on_the_voucher(
    countries, qualified_alice, as_alice, programme, code, message
):
    Voucher.objects.create(
        code="OLD-CODE", kind="waiver", valid_until=timezone.now() - timedelta(days=1)
    )
    Voucher.objects.create(code="ALL-USED", kind="waiver", max_uses=1, used=1)

    response = as_alice.get(quote_url(programme, code))

    assert response.status_code == 400
    assert response.json() == {"voucher": [message]}


@pytest.mark.django_db
def test_a_quote_needs_a_signed_in_learner_and_an_open_programme(api, as_alice, programme):
    assert api.get(quote_url(programme)).status_code == 403
    assert as_alice.get(f"{PROGRAMMES}no-such-programme/quote/").status_code == 404
    Programme.objects.filter(pk=programme.pk).update(is_active=False)
    assert as_alice.get(quote_url(programme)).status_code == 404


# --- Checkout ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_checkout_without_stripe_configured_says_so_and_writes_nothing(
    countries, qualified_alice, as_alice, programme, no_stripe
):
    response = as_alice.post(checkout_url(programme), {}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "not_configured"
    assert "not configured" in response.json()["detail"][0]
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_checkout_with_stripe_opens_a_payment_page_for_the_readers_price(
    countries, qualified_alice, as_alice, programme, stripe_standin
):
    response = as_alice.post(checkout_url(programme), {"voucher": ""}, format="json")

    assert response.status_code == 201
    data = response.json()
    order = Order.objects.get()
    assert data["order"] == {
        "id": str(order.pk),
        "state": "pending",
        "amount": "40.00",
        "currency": "USD",
    }
    session = stripe_standin.sessions[order.stripe_session_id]
    assert data["redirect_url"] == session["url"]
    assert data["redirect_url"].startswith(stripe_standin.base + "/pay/")
    assert session["amount_total"] == 4000
    assert session["success_url"] == (
        "http://testserver/certification/orders/return/?session_id={CHECKOUT_SESSION_ID}"
    )
    assert session["cancel_url"] == f"http://testserver/certification/{programme.slug}/checkout/"


@pytest.mark.django_db
def test_a_voucher_that_waives_the_fee_pays_the_order_without_stripe(
    countries, qualified_alice, as_alice, programme, no_stripe
):
    Voucher.objects.create(code="SPONSORED", kind=Voucher.Kind.WAIVER)

    response = as_alice.post(checkout_url(programme), {"voucher": "SPONSORED"}, format="json")

    assert response.status_code == 201
    order = Order.objects.get()
    assert response.json()["order"]["state"] == "paid"
    assert response.json()["order"]["amount"] == "0.00"
    assert response.json()["redirect_url"] == f"http://testserver/certification/orders/{order.pk}/"


@pytest.mark.django_db
def test_checkout_with_an_unknown_voucher_is_refused_and_writes_nothing(
    countries, qualified_alice, as_alice, programme, stripe_standin
):
    response = as_alice.post(checkout_url(programme), {"voucher": "NOPE-NOPE"}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "unknown"
    assert not Order.objects.exists()
    assert stripe_standin.sessions == {}


@pytest.mark.django_db
def test_checking_out_again_after_paying_says_already_bought_and_charges_nothing_more(
    countries, qualified_alice, as_alice, programme, stripe_standin
):
    first = as_alice.post(checkout_url(programme), {}, format="json").json()
    stripe_standin.pay(Order.objects.get(pk=first["order"]["id"]).stripe_session_id)

    again = as_alice.post(checkout_url(programme), {}, format="json")

    assert again.status_code == 400
    assert again.json()["code"] == "bought"
    assert again.json()["detail"] == ["You have already bought this certificate."]
    assert Order.objects.get().state == Order.State.PAID
    assert len(stripe_standin.sessions) == 1

    once_more = as_alice.post(checkout_url(programme), {}, format="json")
    assert once_more.json()["code"] == "bought"
    assert Order.objects.count() == 1


@pytest.mark.django_db
def test_checkout_before_meeting_the_requirements_is_refused(
    countries, discounts, as_charlie, programme, stripe_standin
):
    response = as_charlie.post(checkout_url(programme), {}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "requirements"
    assert not Order.objects.exists()
    assert stripe_standin.sessions == {}


@pytest.mark.django_db
def test_checkout_when_stripe_is_away_is_a_503_and_changes_nothing(
    countries, qualified_alice, as_alice, programme, stripe_standin
):
    as_alice.post(checkout_url(programme), {}, format="json")
    orders_before = list(Order.objects.values_list("pk", "state"))
    stripe_standin.stop()  # closing the pending checkout needs Stripe, which no longer answers

    response = as_alice.post(checkout_url(programme), {}, format="json")

    assert response.status_code == 503
    assert response.json()["code"] == "stripe"
    assert list(Order.objects.values_list("pk", "state")) == orders_before


@pytest.mark.django_db
def test_checkout_needs_a_signed_in_learner_and_a_csrf_token(alice, api, programme, stripe_standin):
    csrf_checked = APIClient(enforce_csrf_checks=True)
    csrf_checked.force_login(alice)

    assert api.post(checkout_url(programme), {}, format="json").status_code == 403
    assert csrf_checked.post(checkout_url(programme), {}, format="json").status_code == 403
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_checkout_of_an_unknown_programme_is_a_404(as_alice):
    assert as_alice.post(f"{PROGRAMMES}no-such/checkout/", {}, format="json").status_code == 404


# --- Orders ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_orders_are_private_to_the_learner_who_placed_them(
    countries, qualified_alice, as_alice, as_charlie, programme, no_stripe
):
    Voucher.objects.create(code="SPONSORED", kind=Voucher.Kind.WAIVER)
    as_alice.post(checkout_url(programme), {"voucher": "SPONSORED"}, format="json")
    order = Order.objects.get()

    alices = as_alice.get(ORDERS).json()
    detail = as_alice.get(f"{ORDERS}{order.pk}/")

    assert [item["id"] for item in alices["results"]] == [str(order.pk)]
    assert detail.status_code == 200
    assert detail.json()["programme"] == programme.slug
    assert detail.json()["state"] == "paid"
    assert detail.json()["url"] == f"http://testserver/certification/orders/{order.pk}/"
    assert as_charlie.get(ORDERS).json()["results"] == []
    assert as_charlie.get(f"{ORDERS}{order.pk}/").status_code == 404


@pytest.mark.django_db
def test_orders_need_a_signed_in_learner(api):
    assert api.get(ORDERS).status_code == 403
    assert api.get(f"{ORDERS}{uuid.uuid4()}/").status_code == 403


# --- Schema ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_certification_endpoint_is_in_the_openapi_schema(api):
    schema = api.get("/api/schema/").content.decode()

    for path in [
        "/api/certification/verify/{certificate_id}/:",
        "/api/certification/certificates/:",
        "/api/certification/certificates/{certificate_id}/credential/:",
        "/api/certification/programmes/:",
        "/api/certification/programmes/{slug}/quote/:",
        "/api/certification/programmes/{slug}/checkout/:",
        "/api/certification/orders/:",
        "/api/certification/orders/{order_id}/:",
    ]:
        assert path in schema
