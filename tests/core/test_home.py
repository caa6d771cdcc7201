import pytest
from django.core.management import call_command

from contributors.models import Organisation


@pytest.mark.django_db
def test_the_home_page_shows_what_the_platform_offers_and_its_founders(client):
    call_command("load_demo", verbosity=0)

    page = client.get("/").content.decode()

    assert "Self-paced courses" in page
    assert "Upcoming sessions" in page
    assert "Featured courses" in page
    assert "Microsoft" in page
    assert "East African Community" in page


@pytest.mark.django_db
def test_loading_the_demo_data_twice_changes_nothing(capsys):
    call_command("load_demo")
    first = list(Organisation.objects.order_by("pk").values())

    call_command("load_demo")

    assert list(Organisation.objects.order_by("pk").values()) == first
    assert Organisation.objects.filter(is_founding=True).count() == 27


@pytest.mark.django_db
def test_every_page_has_a_skip_link_landmarks_and_no_third_party_assets(client):
    page = client.get("/").content.decode()

    assert 'href="#main"' in page
    assert '<main id="main"' in page
    assert "<nav" in page and "<header" in page and "<footer" in page
    assert "https://" not in page.split("</head>")[0]


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_that_keeps_to_the_site(client):
    response = client.get("/")

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
