import re

import pytest
from allauth.account.models import EmailAddress

from alliance.accounts.models import User
from tests.factories import PASSWORD, UserFactory

SIGNUP = "/accounts/signup/"


def signup_data(**overrides):
    data = {
        "email": "amina@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": "أمينة الحسن",
        "country": "SN",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_signing_up_creates_an_unverified_account_with_the_certificate_name(client, mailoutbox):
    response = client.post(SIGNUP, signup_data())

    assert response.status_code == 302
    user = User.objects.get(email="amina@example.org")
    assert user.display_name == "أمينة الحسن"
    assert user.country == "SN"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mailoutbox) == 1
    assert "confirm-email" in mailoutbox[0].body


@pytest.mark.django_db
def test_an_email_is_the_login_whatever_its_case(client):
    client.post(SIGNUP, signup_data(email="Amina@Example.ORG"))

    assert User.objects.filter(email="amina@example.org").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"password1": "password", "password2": "password"}, "password1", "too common"),
        ({"password1": "x7", "password2": "x7"}, "password1", "too short"),
        ({"country": "XX"}, "country", "Select a valid choice"),
        ({"display_name": "N" * 121}, "display_name", "at most 120 characters"),
        ({"display_name": ""}, "display_name", "This field is required"),
        ({"email": "not-an-address"}, "email", "valid email address"),
    ],
)
def test_bad_sign_up_input_gets_a_clear_message_and_writes_nothing(
    client, mailoutbox, overrides, field, message
):
    response = client.post(SIGNUP, signup_data(**overrides))

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors
    assert not User.objects.exists()
    assert not EmailAddress.objects.exists()
    assert mailoutbox == []


@pytest.mark.django_db
def test_signing_up_with_an_address_already_used_tells_its_owner_and_creates_nothing(
    client, alice, mailoutbox
):
    # allauth does not reveal which addresses have accounts: the page reads as for any sign-up,
    # and the address's owner gets an e-mail saying an account already exists.
    response = client.post(SIGNUP, signup_data(email="ALICE@example.org"), follow=True)

    assert User.objects.count() == 1
    alice.refresh_from_db()
    assert alice.display_name == "Alice Achieng"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["alice@example.org"]
    assert "already exists" in mailoutbox[0].subject.lower() + mailoutbox[0].body.lower()
    assert "verify" in response.content.decode().lower()


@pytest.mark.django_db
def test_a_new_account_must_verify_its_address_before_signing_in(client, mailoutbox):
    client.post(SIGNUP, signup_data())
    client.logout()

    response = client.post("/accounts/login/", {"login": "amina@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/confirm-email/")

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+)", mailoutbox[-1].body)
    confirm_page = client.get(link.group(1))
    assert confirm_page.status_code == 200
    client.post(link.group(1))

    assert EmailAddress.objects.get(email="amina@example.org").verified
    response = client.post("/accounts/login/", {"login": "amina@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200


@pytest.mark.django_db
def test_password_reset_sends_a_link_that_sets_a_new_password(client, alice, mailoutbox):
    client.post("/accounts/password/reset/", {"email": "alice@example.org"})

    assert len(mailoutbox) == 1
    path = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+)", mailoutbox[0].body)
    response = client.get(path.group(1), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path.group(1)
    new_password = "a brand new passphrase 42"
    client.post(form_url, {"password1": new_password, "password2": new_password})

    alice.refresh_from_db()
    assert alice.check_password(new_password)


@pytest.mark.django_db
def test_repeated_failed_sign_ins_are_rate_limited(client, alice):
    for _ in range(5):
        client.post("/accounts/login/", {"login": "alice@example.org", "password": "wrong"})

    response = client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})

    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_signing_out_ends_the_session(client):
    user = UserFactory()
    client.force_login(user)

    client.post("/accounts/logout/")

    assert "_auth_user_id" not in client.session
