import pytest
from django.conf import settings

UN_LANGUAGES = {"en", "fr", "es", "ar", "zh-hans", "ru"}


def test_the_six_un_languages_are_offered():
    assert {code for code, _ in settings.LANGUAGES} == UN_LANGUAGES


@pytest.mark.django_db
def test_the_switcher_lists_every_language_in_its_own_name(client):
    page = client.get("/").content.decode()

    for name in ("English", "français", "español", "العربيّة", "简体中文", "Русский"):
        assert name in page


@pytest.mark.django_db
def test_arabic_pages_are_right_to_left(client):
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    assert response.status_code == 302

    page = client.get("/").content.decode()

    assert '<html lang="ar" dir="rtl">' in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "es", "zh-hans", "ru"])
def test_other_languages_are_left_to_right_and_translated(client, language):
    client.post("/i18n/setlang/", {"language": language, "next": "/"})

    page = client.get("/").content.decode()

    assert f'<html lang="{language}" dir="ltr">' in page
    assert "Learn the AI skills the world needs, for free" not in page
    assert "Skip to main content" not in page


@pytest.mark.django_db
def test_switching_language_is_remembered_on_the_profile(client, alice):
    client.force_login(alice)

    client.post("/i18n/setlang/", {"language": "fr", "next": "/accounts/profile/"})

    alice.refresh_from_db()
    assert alice.preferred_language == "fr"


@pytest.mark.django_db
def test_a_signed_in_users_language_applies_on_a_new_browser(client, alice):
    alice.preferred_language = "ru"
    alice.save()
    client.force_login(alice)

    page = client.get("/").content.decode()

    assert '<html lang="ru"' in page


@pytest.mark.django_db
def test_an_unknown_language_or_foreign_next_changes_nothing(client, alice):
    client.force_login(alice)

    response = client.post("/i18n/setlang/", {"language": "xx", "next": "https://evil.example/"})

    assert response.status_code == 302
    assert response["Location"] == "/"
    alice.refresh_from_db()
    assert alice.preferred_language == ""
