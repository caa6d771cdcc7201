"""Certification in a browser: a learner completes, pays (Stripe stood in), staff issue, the
learner downloads the PDF, and anyone verifies it. Every page axe-checked."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client

from alliance.core.countries import load as load_countries
from certification.models import Certificate, Order
from tests.certification.fixtures import complete_programme_requirements
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, email):
    page.goto("/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def staff_session(browser, live_server, staff):
    """Staff sign-in takes an authenticator code; the session is made as the test client does."""
    client = Client()
    client.force_login(staff)
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


def test_from_completion_to_a_verified_advanced_certificate(
    page, browser, live_server, assert_accessible, programme, discounts, stripe_standin, eve
):
    load_countries()
    amina = UserFactory(email="amina@example.org", display_name="أمينة محمد", country="KE")
    complete_programme_requirements(amina, programme)
    sign_in(page, "amina@example.org")

    # The completion certificate is waiting in "My learning".
    page.goto("/learning/")
    assert page.get_by_text("Certificate of completion").count() == 1
    assert_accessible(page)

    page.goto(programme.get_absolute_url())
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("main").get_by_role(
            "link", name=re.compile("Buy|checkout", re.I)
        ).first.click()
    assert "40.00" in page.inner_text("main")
    assert_accessible(page)

    # Paying: the checkout form's answer sends the browser to Stripe's payment page. The test
    # browser may reach no other origin, so the stand-in names a page on the site's own origin;
    # the learner "pays" there and Stripe sends them back to the success address.
    stripe_standin.pay_base = live_server.url + "/stripe-standin"
    with page.expect_navigation(url=re.compile(r"/stripe-standin/pay/")):
        page.locator("main form[method=post] button[type=submit]").last.click()
    session_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    session = stripe_standin.pay(session_id)
    page.goto(session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id))
    assert re.search(r"/certification/orders/[0-9a-f-]+/$", page.url)
    order = Order.objects.get(user=amina, programme=programme)
    assert order.state == Order.State.PAID
    assert "Paid" in page.inner_text("main")
    assert_accessible(page)

    # Staff issue the certificate from the candidate queue.
    staff = staff_session(browser, live_server, eve)
    admin = staff.new_page()
    admin.goto("/admin/certification/order/candidates/")
    assert_accessible(admin)
    admin.check(f"#candidate-{order.pk}")
    with admin.expect_navigation():
        admin.get_by_role("button", name="Issue selected").click()
    assert "1 of 1 done" in admin.inner_text("#content")
    assert_accessible(admin)
    staff.close()
    certificate = Certificate.objects.get(user=amina, kind=Certificate.Kind.ADVANCED)
    assert certificate.issued_by == eve and certificate.pdf_sha256

    # The learner downloads the PDF from "My learning".
    page.goto("/learning/")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(f"Download the PDF.*{certificate.title}")).click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # Anyone verifies it, signed out; the owner also sees the LinkedIn link.
    page.goto(certificate.get_absolute_url())
    linkedin = page.get_by_role("link", name=re.compile("LinkedIn"))
    query = parse_qs(urlparse(linkedin.get_attribute("href")).query)
    assert query["certId"] == [str(certificate.pk)]
    assert_accessible(page)
    anonymous = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    anonymous.goto(certificate.get_absolute_url())
    assert "Valid" in anonymous.inner_text("main")
    assert "أمينة محمد" in anonymous.inner_text("main")
    assert_accessible(anonymous)
    anonymous.goto("/verify/00000000-0000-0000-0000-000000000000/")
    assert_accessible(anonymous)
    anonymous.context.close()
