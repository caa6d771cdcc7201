import pytest

from library.models import CollectionItem, LibraryPage
from library.services import collection_create
from tests.courses.factories import OrganisationFactory
from tests.library.factories import MaterialFactory


@pytest.fixture
def east_africa_page(alice):
    eac = OrganisationFactory(name="East African Community", slug="east-african-community")
    picks = collection_create(owner=alice, title="Start here", is_public=True)
    CollectionItem.objects.create(
        collection=picks, material=MaterialFactory(title="AI policy 101"), note="Read first"
    )
    return LibraryPage.objects.create(
        organisation=eac,
        slug="east-african-policymakers",
        title="For East African policymakers",
        introduction="Material chosen for ministries.",
        filters={"audience": ["policymakers"]},
        collection=picks,
        is_published=True,
    )


@pytest.mark.django_db
def test_a_partner_page_shows_its_introduction_picks_and_filtered_library(client, east_africa_page):
    MaterialFactory(title="Policy brief", for_learners=False, for_policymakers=True)
    MaterialFactory(title="Coding notebook", for_learners=True)

    response = client.get("/library/pages/east-african-policymakers/")

    page = response.content.decode()
    assert "For East African policymakers" in page and "Material chosen for ministries." in page
    assert "AI policy 101" in page and "Read first" in page
    assert [m.title for m in response.context["page"].object_list] == ["Policy brief"]


@pytest.mark.django_db
def test_a_reader_can_widen_a_partner_pages_filters(client, east_africa_page):
    MaterialFactory(title="Coding notebook", for_learners=True)
    MaterialFactory(title="Policy brief", for_learners=False, for_policymakers=True)

    response = client.get("/library/pages/east-african-policymakers/?audience=learners")

    titles = [m.title for m in response.context["page"].object_list]
    assert "Coding notebook" in titles
    assert "Policy brief" not in titles


@pytest.mark.django_db
def test_an_unpublished_partner_page_is_not_found(client, east_africa_page):
    east_africa_page.is_published = False
    east_africa_page.save()

    assert client.get("/library/pages/east-african-policymakers/").status_code == 404
