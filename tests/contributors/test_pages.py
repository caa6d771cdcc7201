"""The public contributor pages: the directory and an organisation's own page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from contributors.models import Organisation
from courses.models import Course, Status
from library.models import LibraryPage, Material
from tests.courses.factories import CourseVersionFactory, OrganisationFactory, build_course
from tests.library.factories import MaterialFactory


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def names_on(response) -> list[str]:
    return [organisation.name for organisation in response.context["page"].object_list]


@pytest.fixture
def coalition(db):
    return {
        "unesco": OrganisationFactory(
            name="UNESCO",
            slug="unesco",
            kind=Organisation.Kind.UN_AGENCY,
            country="FR",
            is_founding=True,
        ),
        "nairobi": OrganisationFactory(
            name="University of Nairobi",
            slug="university-of-nairobi",
            kind=Organisation.Kind.ACADEMIA,
            country="KE",
        ),
        "sorbonne": OrganisationFactory(
            name="Sorbonne Université",
            slug="sorbonne",
            kind=Organisation.Kind.ACADEMIA,
            country="FR",
        ),
        "acme": OrganisationFactory(
            name="Acme AI", slug="acme-ai", kind=Organisation.Kind.PRIVATE_SECTOR, country=""
        ),
    }


# The directory ----------------------------------------------------------------------------------


def test_the_directory_lists_every_contributor_by_name(client, coalition):
    response = client.get("/contributors/")

    assert response.status_code == 200
    assert names_on(response) == [
        "Acme AI",
        "Sorbonne Université",
        "UNESCO",
        "University of Nairobi",
    ]
    assert 'href="/contributors/university-of-nairobi/"' in response.content.decode()


def test_the_directory_marks_founding_contributors_only(client, coalition):
    page = client.get("/contributors/").content.decode()

    assert page.count("Founding contributor") == 1
    unesco_card = page[page.index(">UNESCO<") :].split("</li>")[0]
    assert "Founding contributor" in unesco_card


def test_the_directory_filters_by_type(client, coalition):
    response = client.get("/contributors/?kind=academia")

    assert names_on(response) == ["Sorbonne Université", "University of Nairobi"]
    assert '<option value="academia" selected>' in response.content.decode()


def test_the_directory_filters_by_country_and_by_both(client, coalition):
    assert names_on(client.get("/contributors/?country=FR")) == ["Sorbonne Université", "UNESCO"]
    assert names_on(client.get("/contributors/?country=fr&kind=un")) == ["UNESCO"]


def test_the_country_filter_offers_only_countries_with_contributors(client, coalition):
    page = client.get("/contributors/").content.decode()

    assert '<option value="FR">France</option>' in page
    assert '<option value="KE">Kenya</option>' in page
    assert 'value="BR"' not in page


def test_a_real_country_without_contributors_shows_an_empty_directory(client, coalition):
    response = client.get("/contributors/?country=BR")

    assert response.status_code == 200
    assert names_on(response) == []
    assert "No contributor matches these filters." in response.content.decode()
    assert '<option value="BR" selected>Brazil</option>' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["kind=bank", "country=XX", "country=france", "kind=un&country=%00", "kind=%3Cscript%3E"],
)
def test_an_unknown_filter_value_is_refused_with_a_message(client, coalition, query):
    response = client.get(f"/contributors/?{query}")

    assert response.status_code == 400
    assert "we do not know" in response.content.decode()
    assert names_on(response) == []
    assert "<script>" not in response.content.decode()


def test_a_page_number_that_is_not_a_number_shows_the_first_page(client, coalition):
    response = client.get("/contributors/?page=abc")

    assert response.status_code == 200
    assert len(names_on(response)) == 4


@pytest.mark.django_db
def test_the_directory_shows_24_contributors_a_page(client):
    for number in range(30):
        OrganisationFactory(name=f"Partner {number:02}")

    first = client.get("/contributors/")
    second = client.get("/contributors/?page=2")

    assert names_on(first) == [f"Partner {n:02}" for n in range(24)]
    assert names_on(second) == [f"Partner {n:02}" for n in range(24, 30)]
    assert "Page 1 of 2" in first.content.decode()


@pytest.mark.django_db
def test_the_pagination_keeps_the_filters(client):
    for number in range(25):
        OrganisationFactory(name=f"Lab {number:02}", kind=Organisation.Kind.ACADEMIA)

    page = client.get("/contributors/?kind=academia").content.decode()

    assert 'href="?kind=academia&amp;page=2"' in page


@pytest.mark.django_db
def test_the_directory_runs_the_same_queries_for_3_or_30_contributors(client):
    for number in range(3):
        OrganisationFactory(name=f"First {number}", country="KE", is_founding=number == 0)
    few = count_queries(client, "/contributors/")
    for number in range(27):
        OrganisationFactory(name=f"Second {number}", country=["FR", "GH", "PE"][number % 3])
    many = count_queries(client, "/contributors/")

    assert few == many == 3  # the count, the page of organisations, their countries


@pytest.mark.django_db
def test_the_contributor_pages_keep_their_addresses_beside_the_directory(client):
    assert resolve("/contributors/join/").url_name == "apply"
    assert resolve("/contributors/dashboard/").view_name == "contributors_public:dashboard"
    assert reverse("contributors:directory") == "/contributors/"
    assert reverse("contributors_public:organisation", args=["unesco"]) == "/contributors/unesco/"


# An organisation's page -------------------------------------------------------------------------


@pytest.fixture
def unesco(coalition):
    organisation = coalition["unesco"]
    organisation.website = "https://www.unesco.org/"
    organisation.description = "Education, science and culture.\n\nFor everyone."
    organisation.offers_material = True
    organisation.offers_outreach = True
    organisation.save()
    return organisation


def test_an_organisation_page_says_who_they_are_and_what_they_give(client, unesco):
    response = client.get("/contributors/unesco/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>UNESCO</h1>" in page
    assert "Founding contributor" in page
    assert "UN agency" in page and "France" in page
    assert '<a href="https://www.unesco.org/" rel="noopener">' in page
    assert "<p>Education, science and culture.</p>" in page and "<p>For everyone.</p>" in page
    assert "Training material" in page and "Outreach support" in page
    assert "Financial resources" not in page


def test_a_non_founding_organisation_has_no_badge(client, coalition):
    page = client.get("/contributors/sorbonne/").content.decode()

    assert "Founding contributor" not in page


def test_an_unknown_organisation_is_not_found(client, coalition):
    assert client.get("/contributors/no-such-partner/").status_code == 404


def test_an_organisation_page_lists_its_published_courses_once_in_the_readers_language(
    client, unesco, coalition
):
    english = build_course(organisation=unesco, title="AI ethics for everyone")
    CourseVersionFactory(course=english.course, language="fr", title="L'éthique de l'IA")
    build_course(organisation=unesco, title="Spanish only", language="es")
    build_course(organisation=unesco, title="Draft course", status=Status.DRAFT)
    hidden = build_course(organisation=unesco, title="Course still hidden").course
    Course.objects.filter(pk=hidden.pk).update(status=Status.DRAFT)
    build_course(organisation=coalition["sorbonne"], title="Somebody else's course")

    client.cookies["django_language"] = "fr"
    french = client.get("/contributors/unesco/")
    client.cookies["django_language"] = "en"
    english_page = client.get("/contributors/unesco/")

    assert sorted(v.title for v in french.context["page"].courses) == [
        "L'éthique de l'IA",
        "Spanish only",
    ]
    assert sorted(v.title for v in english_page.context["page"].courses) == [
        "AI ethics for everyone",
        "Spanish only",
    ]
    assert 'lang="es"' in english_page.content.decode()


def test_an_organisation_page_lists_its_newest_published_material_and_links_to_the_rest(
    client, unesco, coalition
):
    for number in range(22):
        MaterialFactory(organisation=unesco, title=f"Guide {number:02}")
    MaterialFactory(organisation=unesco, title="Unfinished guide", draft=True)
    MaterialFactory(organisation=coalition["sorbonne"], title="Sorbonne notes")

    response = client.get("/contributors/unesco/")

    page = response.content.decode()
    titles = [material.title for material in response.context["page"].materials]
    assert titles == [f"Guide {number:02}" for number in range(21, 1, -1)]
    assert "Unfinished guide" not in page and "Sorbonne notes" not in page
    assert 'href="/library/?contributor=unesco"' in page
    assert "Their 20 newest items" in page


def test_a_few_materials_are_all_shown_with_a_link_to_the_library(client, unesco):
    MaterialFactory(organisation=unesco, title="The only guide")

    page = client.get("/contributors/unesco/").content.decode()

    assert "The only guide" in page
    assert "newest items" not in page
    assert 'href="/library/?contributor=unesco"' in page


def test_an_organisation_page_lists_its_published_library_pages(client, unesco, coalition):
    LibraryPage.objects.create(
        organisation=unesco, slug="for-teachers", title="For teachers", is_published=True
    )
    LibraryPage.objects.create(organisation=unesco, slug="soon", title="Coming soon")
    LibraryPage.objects.create(
        organisation=coalition["sorbonne"],
        slug="sorbonne",
        title="Sorbonne page",
        is_published=True,
    )

    page = client.get("/contributors/unesco/").content.decode()

    assert '<a href="/library/pages/for-teachers/">For teachers</a>' in page
    assert "Coming soon" not in page and "Sorbonne page" not in page


def test_an_organisation_with_nothing_published_says_so(client, coalition):
    page = client.get("/contributors/acme-ai/").content.decode()

    assert "No published course yet." in page
    assert "No published material yet." in page
    assert "library pages" not in page


def test_an_organisation_page_runs_the_same_queries_however_much_it_published(client, unesco):
    build_course(organisation=unesco)
    MaterialFactory(organisation=unesco)
    LibraryPage.objects.create(organisation=unesco, slug="p0", title="P0", is_published=True)
    few = count_queries(client, "/contributors/unesco/")
    for number in range(8):
        version = build_course(organisation=unesco, modules=1, with_quiz=False)
        CourseVersionFactory(course=version.course, language="fr")
        LibraryPage.objects.create(
            organisation=unesco, slug=f"p{number + 1}", title=f"P{number + 1}", is_published=True
        )
    for _number in range(25):
        MaterialFactory(organisation=unesco, material_type=Material.Type.VIDEO)
    many = count_queries(client, "/contributors/unesco/")

    assert few == many == 4  # the organisation, its courses, its materials, its library pages


def test_the_organisation_page_escapes_what_the_organisation_wrote(client, unesco):
    unesco.description = "<script>alert(1)</script>"
    unesco.save()

    page = client.get("/contributors/unesco/").content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
