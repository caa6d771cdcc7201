import pytest
from allauth.mfa.models import Authenticator

from tests.factories import UserFactory


@pytest.fixture
def eve(db):
    return UserFactory(email="eve@example.org", is_staff=True, is_superuser=True)


@pytest.mark.django_db
def test_the_admin_sign_in_goes_through_the_platforms_sign_in(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, eve):
    client.force_login(eve)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


@pytest.mark.django_db
def test_staff_with_an_authenticator_reach_the_admin(client, eve):
    Authenticator.objects.create(user=eve, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(eve)

    response = client.get("/admin/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_every_learner_can_set_up_two_factor_sign_in(client, alice):
    client.force_login(alice)

    response = client.get("/accounts/2fa/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Authenticator App" in page
    assert "/accounts/2fa/totp/activate/" in page


@pytest.mark.django_db
def test_a_learner_cannot_open_the_admin(client, alice):
    client.force_login(alice)

    response = client.get("/admin/", follow=True)

    page = response.content.decode()
    assert "not authorized" in page
    assert "Site administration" not in page
