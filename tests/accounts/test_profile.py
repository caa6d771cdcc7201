import pytest

from tests.factories import UserFactory

PROFILE = "/accounts/profile/"


def profile_data(**overrides):
    data = {
        "action": "profile",
        "profile-display_name": "李华",
        "profile-country": "CN",
        "profile-preferred_language": "zh-hans",
        "profile-timezone": "Asia/Shanghai",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_the_profile_page_needs_a_signed_in_user(client):
    response = client.get(PROFILE)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_a_learner_saves_a_name_in_any_script_country_language_and_time_zone(client, alice):
    client.force_login(alice)

    response = client.post(PROFILE, profile_data())

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.display_name == "李华"
    assert alice.country == "CN"
    assert alice.preferred_language == "zh-hans"
    assert alice.timezone == "Asia/Shanghai"
    assert response.cookies["django_language"].value == "zh-hans"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"profile-timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"profile-country": "ZZ"}, "country"),
        ({"profile-preferred_language": "tlh"}, "preferred_language"),
        ({"profile-display_name": "x" * 121}, "display_name"),
    ],
)
def test_bad_profile_input_is_refused_and_changes_nothing(client, alice, overrides, field):
    client.force_login(alice)

    response = client.post(PROFILE, profile_data(**overrides))

    assert response.status_code == 400
    assert field in response.context["profile_form"].errors
    alice.refresh_from_db()
    assert alice.display_name == "Alice Achieng"
    assert alice.timezone == ""


@pytest.mark.django_db
def test_optional_answers_are_explained_saved_and_can_be_withdrawn(client, alice):
    client.force_login(alice)

    page = client.get(PROFILE).content.decode()
    assert "never name anyone" in page
    assert "withdraw your answers at any time" in page

    client.post(
        PROFILE,
        {
            "action": "demographics",
            "demo-gender": "woman",
            "demo-age_band": "18-24",
            "demo-disability": "undisclosed",
        },
    )
    alice.refresh_from_db()
    assert (alice.gender, alice.age_band, alice.disability) == ("woman", "18-24", "undisclosed")

    client.post(PROFILE, {"action": "withdraw"})
    alice.refresh_from_db()
    assert (alice.gender, alice.age_band, alice.disability) == ("", "", "")


@pytest.mark.django_db
def test_optional_questions_may_be_left_unanswered(client, alice):
    client.force_login(alice)

    response = client.post(PROFILE, {"action": "demographics"})

    assert response.status_code == 302
    alice.refresh_from_db()
    assert not alice.has_demographics


@pytest.mark.django_db
def test_an_unknown_answer_to_an_optional_question_is_refused(client, alice):
    client.force_login(alice)

    response = client.post(PROFILE, {"action": "demographics", "demo-gender": "robot"})

    assert response.status_code == 400
    alice.refresh_from_db()
    assert alice.gender == ""


@pytest.mark.django_db
def test_one_learner_never_sees_another_learners_profile(client, alice, charlie):
    charlie.country = "BR"
    charlie.save()
    client.force_login(alice)

    page = client.get(PROFILE).content.decode()

    assert "charlie@example.org" not in page
    assert "alice@example.org" in page


@pytest.mark.django_db
def test_an_unrecognised_form_action_is_a_clear_400(client):
    client.force_login(UserFactory())

    response = client.post(PROFILE, {"action": "explode"})

    assert response.status_code == 400
    assert "could not be recognised" in response.content.decode()
