"""The contributors' public pages and the application form, in a browser, axe-checked."""

import pytest
from django.core.management import call_command

from contributors.models import Application, Membership, Organisation
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_organisation_applies_and_the_errors_are_accessible(page, assert_accessible):
    page.goto("/contributors/join/")
    assert_accessible(page)

    page.fill("#id_organisation_name", "Kigali Data School")
    page.click("main button[type=submit]")
    assert page.locator(".errorlist").count() > 0
    assert_accessible(page)

    page.select_option("#id_kind", "academia")
    page.select_option("#id_country", "RW")
    page.fill("#id_website", "https://kigali-data.example")
    page.fill("#id_contact_name", "Aline Uwase")
    page.fill("#id_contact_email", "aline@kigali-data.example")
    page.check("#id_offers_outreach")
    page.fill("#id_outreach_description", "Our alumni network in Rwanda.")
    page.check("#id_accept_terms")
    page.click("main button[type=submit]")
    page.wait_for_url("**/contributors/join/thanks/")
    assert_accessible(page)
    assert Application.objects.filter(organisation_name="Kigali Data School").exists()


def test_the_directory_organisation_page_and_dashboard_are_accessible(page, assert_accessible):
    call_command("load_demo", verbosity=0)
    undp = Organisation.objects.get(slug__startswith="united-nations-development")
    member = UserFactory(email="officer@undp.example")
    Membership.objects.create(user=member, organisation=undp)

    page.goto("/contributors/")
    assert page.get_by_text("Founding contributor").count() > 0
    assert_accessible(page)

    page.goto(undp.get_absolute_url())
    assert_accessible(page)

    page.goto("/accounts/login/")
    page.fill("#id_login", "officer@undp.example")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/accounts/profile/")
    page.goto("/contributors/dashboard/")
    assert_accessible(page)
