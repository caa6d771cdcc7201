import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from library import services
from library.models import Collection, CollectionItem, Material
from tests.courses.factories import OrganisationFactory, TopicFactory
from tests.library.factories import MaterialFactory

SEARCH = "/api/library/materials/"
COLLECTIONS = "/api/library/collections/"


def material_url(material):
    return f"{SEARCH}{material.slug}/"


def collection_url(collection):
    return f"{COLLECTIONS}{collection.pk}/"


def items_url(collection):
    return collection_url(collection) + "items/"


def item_url(item):
    return f"{items_url(item.collection)}{item.pk}/"


def order_url(collection):
    return collection_url(collection) + "order/"


def shared_url(collection):
    return f"/api/library/shared/{collection.share_token}/"


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["results"]]


def facet(response, name) -> dict[str, int]:
    return {option["value"]: option["count"] for option in response.json()["facets"][name]}


def add(collection, material, note=""):
    return services.collection_add(
        collection=collection, user=collection.owner, material=material, note=note
    )


def state_of(collection) -> tuple:
    """Everything a request could change about a collection and its items."""
    collection = Collection.objects.get(pk=collection.pk)
    items = collection.items.order_by("pk").values_list("pk", "material_id", "order", "note")
    return (
        collection.owner_id,
        collection.title,
        collection.description,
        collection.is_public,
        collection.updated_at,
        list(items),
    )


def count_queries(client, url) -> int:
    client.get(url)  # warms the session cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def as_alice(alice):
    client = APIClient()
    client.force_login(alice)
    return client


@pytest.fixture
def as_charlie(alice, charlie):
    client = APIClient()
    client.force_login(charlie)
    return client


@pytest.fixture
def alices_collection(alice):
    return services.collection_create(owner=alice, title="For my class", description="Week 1")


@pytest.fixture
def alices_items(alices_collection):
    first = add(alices_collection, MaterialFactory(title="First"), note="Start here")
    second = add(alices_collection, MaterialFactory(title="Second"))
    return [first, second]


# --- Search ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_search_lists_published_material_with_the_facts_a_reader_compares(api):
    material = MaterialFactory(
        slug="open-data-handbook",
        title="Open data handbook",
        authors="Ada Lovelace, , Alan Turing",
        organisation=OrganisationFactory(name="Open Data Institute", slug="odi"),
        material_type="slides",
        level="intermediate",
        licence="CC-BY-SA-4.0",
        publication_year=2024,
        for_educators=True,
        has_captions=True,
        is_easy_read=True,
    )
    MaterialFactory(title="Unfinished draft", draft=True)

    response = api.get(SEARCH)

    assert response.status_code == 200
    data = response.json()
    assert (data["count"], data["next"], data["previous"]) == (1, None, None)
    [item] = data["results"]
    assert item == {
        "slug": "open-data-handbook",
        "title": "Open data handbook",
        "description": material.description,
        "authors": ["Ada Lovelace", "Alan Turing"],
        "type": "slides",
        "topic": {"slug": "machine-learning", "label": "Machine learning"},
        "language": "en",
        "level": "intermediate",
        "licence": "CC-BY-SA-4.0",
        "year": 2024,
        "contributor": {"name": "Open Data Institute", "slug": "odi"},
        "audiences": ["learners", "educators"],
        "accessibility": ["captions", "easy-read"],
        "has_file": False,
        "url": "http://testserver/library/open-data-handbook/",
        "download_url": "http://testserver/library/open-data-handbook/download/",
        "api_url": "http://testserver/api/library/materials/open-data-handbook/",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=slides", {"wanted"}),
        ("type=slides&type=dataset", {"wanted", "dataset"}),
        ("topic=ai-governance-and-ethics", {"wanted"}),
        ("language=fr", {"wanted"}),
        ("level=advanced", {"wanted"}),
        ("licence=CC-BY-SA-4.0", {"wanted"}),
        ("contributor=unitar", {"wanted"}),
        ("year=2024", {"wanted"}),
        ("audience=policymakers", {"wanted"}),
        ("audience=policymakers&audience=developers", {"wanted", "dataset"}),
        ("accessibility=captions", {"wanted", "dataset"}),
        ("accessibility=captions&accessibility=transcript", {"wanted"}),
        ("q=ethics", {"wanted"}),
        ("q=&type=&topic=&year=&sort=", {"wanted", "dataset", "other"}),
    ],
)
def test_the_search_filters_like_the_library_page(api, query, expected):
    MaterialFactory(
        slug="wanted",
        title="Ethics slides",
        material_type="slides",
        language="fr",
        topic=TopicFactory(slug="ai-governance-and-ethics"),
        organisation=OrganisationFactory(name="UNITAR", slug="unitar"),
        level="advanced",
        licence="CC-BY-SA-4.0",
        publication_year=2024,
        for_policymakers=True,
        has_captions=True,
        has_transcript=True,
    )
    MaterialFactory(slug="dataset", material_type="dataset", for_developers=True, has_captions=True)
    MaterialFactory(slug="other", title="Other")

    response = api.get(f"{SEARCH}?{query}")

    assert response.status_code == 200
    assert set(slugs(response)) == expected
    assert response.json()["count"] == len(expected)


@pytest.mark.django_db
def test_facets_count_the_results_and_name_topics_and_contributors_by_slug(api):
    ethics = TopicFactory(slug="ai-governance-and-ethics", name="AI governance and ethics")
    unitar = OrganisationFactory(name="UNITAR", slug="unitar")
    MaterialFactory(material_type="slides", topic=ethics, organisation=unitar, has_captions=True)
    MaterialFactory(material_type="slides", topic=ethics, publication_year=2023)
    MaterialFactory(material_type="dataset", organisation=unitar, language="fr")
    MaterialFactory(material_type="slides", draft=True)

    everything = api.get(SEARCH)
    slides = api.get(f"{SEARCH}?type=slides&language=es")

    assert facet(everything, "type") == {"slides": 2, "dataset": 1}
    assert facet(everything, "topic") == {"ai-governance-and-ethics": 2, "machine-learning": 1}
    assert {"value": "unitar", "label": "UNITAR", "count": 2} in everything.json()["facets"][
        "contributor"
    ]
    assert facet(everything, "language") == {"en": 2, "fr": 1}
    assert facet(everything, "year") == {"2025": 2, "2023": 1}
    assert facet(everything, "accessibility") == {"captions": 1}
    assert facet(everything, "audience") == {"learners": 3}
    assert facet(everything, "licence") == {"CC-BY-4.0": 3}
    # A value the reader chose stays listed, with its count, even when nothing has it.
    assert slides.json()["count"] == 0
    assert facet(slides, "language") == {"es": 0}
    assert facet(slides, "type") == {"slides": 0}


@pytest.mark.django_db
def test_facet_labels_are_in_the_readers_language(api):
    MaterialFactory(topic=TopicFactory(slug="machine-learning"))

    facets = api.get(SEARCH, HTTP_ACCEPT_LANGUAGE="fr").json()["facets"]

    assert facets["topic"][0]["label"] == "Apprentissage automatique"


@pytest.mark.django_db
def test_the_search_sorts_by_newest_most_used_or_relevance(api):
    old = MaterialFactory(slug="old", title="Ethics", download_count=9)
    new = MaterialFactory(slug="new", title="Other", description="About ethics", view_count=3)
    Material.objects.filter(pk=old.pk).update(published_at=new.published_at.replace(year=2020))

    assert slugs(api.get(SEARCH)) == ["new", "old"]
    assert slugs(api.get(f"{SEARCH}?sort=newest")) == ["new", "old"]
    assert slugs(api.get(f"{SEARCH}?sort=most-used")) == ["old", "new"]
    assert set(slugs(api.get(f"{SEARCH}?q=ethics&sort=relevance"))) == {"old", "new"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("type=podcast", ["type"]),
        ("topic=astrology", ["topic"]),
        ("language=tlh", ["language"]),
        ("level=expert", ["level"]),
        ("audience=aliens", ["audience"]),
        ("accessibility=braille", ["accessibility"]),
        ("licence=WTFPL", ["licence"]),
        ("contributor=nobody", ["contributor"]),
        ("year=1800", ["year"]),
        ("year=last", ["year"]),
        ("sort=random", ["sort"]),
        ("q=" + "x" * 201, ["q"]),
        ("type=slides&type=podcast", ["type"]),
        ("level=expert&year=abc&sort=cheapest", ["level", "year", "sort"]),
    ],
)
def test_an_unknown_filter_value_is_a_400_naming_the_field(api, query, fields):
    MaterialFactory()

    response = api.get(f"{SEARCH}?{query}")

    assert response.status_code == 400
    assert sorted(response.json()) == sorted(fields)
    assert all(isinstance(why, list) and why for why in response.json().values())


@pytest.mark.django_db
def test_the_search_is_paginated_and_a_page_out_of_range_is_a_404(api):
    MaterialFactory.create_batch(21)

    first = api.get(SEARCH).json()
    second = api.get(f"{SEARCH}?page=2").json()

    assert (first["count"], len(first["results"]), len(second["results"])) == (21, 20, 1)
    assert first["next"] == "http://testserver/api/library/materials/?page=2"
    assert second["previous"] == "http://testserver/api/library/materials/"
    assert second["count"] == 21
    for page in ("3", "0", "-1", "abc", "1.5"):
        beyond = api.get(f"{SEARCH}?page={page}")
        assert beyond.status_code == 404, page
        assert "detail" in beyond.json()


@pytest.mark.django_db
def test_the_next_page_link_keeps_the_filters(api):
    MaterialFactory.create_batch(21, material_type="slides")

    data = api.get(f"{SEARCH}?type=slides&sort=newest").json()

    assert data["next"] == "http://testserver/api/library/materials/?page=2&sort=newest&type=slides"


@pytest.mark.django_db
def test_the_search_counts_its_results_once_with_the_facets(api):
    MaterialFactory.create_batch(3)

    with CaptureQueriesContext(connection) as queries:
        response = api.get(SEARCH)

    assert response.json()["count"] == 3
    assert not [q["sql"] for q in queries if '"__count"' in q["sql"]]


@pytest.mark.django_db
def test_the_search_runs_as_many_queries_for_40_materials_as_for_3(api):
    url = f"{SEARCH}?q=title&audience=learners&sort=most-used"

    def make(n):
        for i in range(n):
            MaterialFactory(
                topic=TopicFactory(slug=f"topic-{i % 7}"),
                organisation=OrganisationFactory(name=f"Partner {i % 5}"),
                publication_year=2000 + i,
                language=["en", "fr", "es"][i % 3],
                has_captions=i % 2 == 0,
            )

    make(3)
    with_3 = count_queries(api, url)
    make(37)
    with_40 = count_queries(api, url)

    assert with_3 == with_40


# --- One material ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_material_shows_its_file_facts_counts_and_how_to_cite_it(api):
    material = MaterialFactory(
        slug="lecture",
        material_type="video",
        duration_minutes=42,
        view_count=7,
        download_count=3,
        publication_year=2023,
        organisation=OrganisationFactory(name="UNESCO", slug="unesco"),
    )
    Material.objects.filter(pk=material.pk).update(mime_type="video/mp4", size_bytes=1234)

    response = api.get(material_url(material))

    assert response.status_code == 200
    data = response.json()
    assert data["slug"] == "lecture"
    assert (data["mime_type"], data["size_bytes"], data["duration_minutes"]) == (
        "video/mp4",
        1234,
        42,
    )
    assert (data["view_count"], data["download_count"]) == (7, 3)
    assert data["citation"] == (
        f"Ada Lovelace, Alan Turing (2023). {material.title}. UNESCO. Alliance digital library. "
        "http://testserver/library/lecture/. CC-BY-4.0."
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "details",
    [
        {"title": "Alice's <guide> & more"},
        {"authors": "", "organisation": None, "licence": "CC0-1.0"},
        {"authors": "Grace Hopper"},
    ],
)
def test_the_citation_reads_as_on_the_materials_page(api, details):
    material = MaterialFactory(**details)

    citation = api.get(material_url(material)).json()["citation"]
    page = api.get(material.get_absolute_url()).content.decode()

    shown = re.search(r'<p class="citation">(.*?)</p>', page, re.DOTALL).group(1)
    assert citation == html.unescape(re.sub(r"<[^>]+>", "", shown))


@pytest.mark.django_db
def test_a_material_without_a_contributor_says_so(api):
    material = MaterialFactory(organisation=None)

    data = api.get(material_url(material)).json()

    assert data["contributor"] is None
    assert "Alliance digital library" in data["citation"]


@pytest.mark.django_db
def test_reading_a_material_through_the_api_counts_no_view(api):
    material = MaterialFactory()

    api.get(material_url(material))

    material.refresh_from_db()
    assert material.view_count == 0


@pytest.mark.django_db
def test_a_draft_or_unknown_material_is_not_found(api):
    draft = MaterialFactory(draft=True)

    assert api.get(material_url(draft)).status_code == 404
    assert api.get(f"{SEARCH}no-such-material/").status_code == 404


# --- My collections ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_signed_in_reader_creates_a_private_collection(as_alice, alice):
    response = as_alice.post(
        COLLECTIONS, {"title": "  Reading list ", "description": "For the course"}, format="json"
    )

    assert response.status_code == 201
    collection = Collection.objects.get(owner=alice)
    data = response.json()
    assert (data["id"], data["title"], data["is_public"]) == (collection.pk, "Reading list", False)
    assert (data["items"], data["item_count"]) == ([], 0)
    assert data["api_url"] == f"http://testserver{collection_url(collection)}"
    assert data["share_url"] == f"http://testserver/library/c/{collection.share_token}/"
    assert data["shared_api_url"] == f"http://testserver{shared_url(collection)}"


@pytest.mark.django_db
def test_a_collection_can_be_created_public(as_alice, alice):
    response = as_alice.post(COLLECTIONS, {"title": "Open list", "is_public": True}, format="json")

    assert response.status_code == 201
    assert Collection.objects.get(owner=alice).is_public


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "title"),
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "Fine", "is_public": "maybe"}, "is_public"),
        ({"title": ["A", "list"]}, "title"),
    ],
)
def test_a_collection_with_a_bad_field_is_a_400_and_nothing_is_created(as_alice, body, field):
    response = as_alice.post(COLLECTIONS, body, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not Collection.objects.exists()


@pytest.mark.django_db
def test_a_garbled_body_is_a_400(as_alice):
    response = as_alice.post(COLLECTIONS, '{"title": "x"', content_type="application/json")

    assert response.status_code == 400
    assert not Collection.objects.exists()


@pytest.mark.django_db
def test_my_collections_list_only_mine_with_their_item_counts(
    as_alice, charlie, alices_collection, alices_items
):
    services.collection_create(owner=charlie, title="Charlie's")
    empty = services.collection_create(owner=alices_collection.owner, title="Empty")

    response = as_alice.get(COLLECTIONS)

    assert response.status_code == 200
    results = response.json()["results"]
    assert [(c["title"], c["item_count"]) for c in results] == [("Empty", 0), ("For my class", 2)]
    assert results[0]["id"] == empty.pk


@pytest.mark.django_db
def test_a_collection_shows_its_items_in_order_with_their_notes(
    as_alice, alices_collection, alices_items
):
    first, second = alices_items
    services.collection_reorder(
        collection=alices_collection, user=alices_collection.owner, item_ids=[second.pk, first.pk]
    )

    response = as_alice.get(collection_url(alices_collection))

    assert response.status_code == 200
    data = response.json()
    assert (data["title"], data["description"], data["item_count"]) == (
        "For my class",
        "Week 1",
        2,
    )
    assert [(i["id"], i["material"]["title"], i["note"]) for i in data["items"]] == [
        (second.pk, "Second", ""),
        (first.pk, "First", "Start here"),
    ]
    assert data["items"][0]["material"]["api_url"].startswith("http://testserver/api/library/")


@pytest.mark.django_db
def test_a_collection_leaves_out_material_no_longer_published(
    as_alice, alices_collection, alices_items
):
    Material.objects.filter(pk=alices_items[0].material_id).update(status=Material.Status.DRAFT)

    data = as_alice.get(collection_url(alices_collection)).json()

    assert [i["material"]["title"] for i in data["items"]] == ["Second"]
    assert data["item_count"] == 1


@pytest.mark.django_db
def test_a_collection_runs_as_many_queries_with_20_items_as_with_2(as_alice, alice):
    small = services.collection_create(owner=alice, title="Small")
    large = services.collection_create(owner=alice, title="Large")
    for collection, size in ((small, 2), (large, 20)):
        for i in range(size):
            material = MaterialFactory(
                topic=TopicFactory(slug=f"topic-{i % 4}"),
                organisation=OrganisationFactory(name=f"Partner {i % 3}"),
            )
            add(collection, material, note=f"Note {i}")

    assert count_queries(as_alice, collection_url(small)) == count_queries(
        as_alice, collection_url(large)
    )


@pytest.mark.django_db
def test_changing_a_collection_changes_only_the_fields_given(as_alice, alices_collection):
    response = as_alice.patch(
        collection_url(alices_collection), {"title": "For the workshop"}, format="json"
    )
    public = as_alice.patch(collection_url(alices_collection), {"is_public": True}, format="json")

    assert response.status_code == 200
    assert response.json()["title"] == "For the workshop"
    assert public.json()["is_public"] is True
    alices_collection.refresh_from_db()
    assert (alices_collection.title, alices_collection.description) == (
        "For the workshop",
        "Week 1",
    )
    assert alices_collection.is_public


@pytest.mark.django_db
def test_making_a_featured_collection_private_unfeatures_it(as_alice, alice):
    collection = services.collection_create(owner=alice, title="Picks", is_public=True)
    Collection.objects.filter(pk=collection.pk).update(is_featured=True)

    response = as_alice.patch(collection_url(collection), {"is_public": False}, format="json")

    assert response.status_code == 200
    collection.refresh_from_db()
    assert (collection.is_public, collection.is_featured) == (False, False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body", [{"title": ""}, {"title": "x" * 201}, {"is_public": "perhaps"}, {"title": None}]
)
def test_a_bad_change_is_a_400_and_changes_nothing(as_alice, alices_collection, body):
    before = state_of(alices_collection)

    response = as_alice.patch(collection_url(alices_collection), body, format="json")

    assert response.status_code == 400
    assert list(response.json()) == list(body)
    assert state_of(alices_collection) == before


@pytest.mark.django_db
def test_deleting_a_collection_keeps_its_materials(as_alice, alices_collection, alices_items):
    response = as_alice.delete(collection_url(alices_collection))

    assert response.status_code == 204
    assert not Collection.objects.exists()
    assert not CollectionItem.objects.exists()
    assert Material.objects.count() == 2
    assert as_alice.get(collection_url(alices_collection)).status_code == 404


@pytest.mark.django_db
def test_an_unknown_collection_is_a_404(as_alice):
    assert as_alice.get(f"{COLLECTIONS}999999/").status_code == 404
    assert as_alice.patch(f"{COLLECTIONS}999999/", {"title": "x"}, format="json").status_code == 404


# --- Items -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_material_is_added_at_the_end_with_a_note(as_alice, alices_collection, alices_items):
    material = MaterialFactory(slug="third", title="Third")

    response = as_alice.post(
        items_url(alices_collection), {"material": "third", "note": "Optional"}, format="json"
    )

    assert response.status_code == 201
    data = response.json()
    assert (data["material"]["slug"], data["note"], data["order"]) == ("third", "Optional", 2)
    item = CollectionItem.objects.get(pk=data["id"])
    assert (item.collection, item.material) == (alices_collection, material)
    titles = [
        i["material"]["title"]
        for i in as_alice.get(collection_url(alices_collection)).json()["items"]
    ]
    assert titles == ["First", "Second", "Third"]


@pytest.mark.django_db
def test_adding_a_draft_is_a_400_that_says_why(as_alice, alices_collection):
    MaterialFactory(slug="unfinished", draft=True)

    response = as_alice.post(
        items_url(alices_collection), {"material": "unfinished"}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "detail": ["Only published material can be added to a collection."],
        "code": "not_published",
    }
    assert not CollectionItem.objects.exists()


@pytest.mark.django_db
def test_adding_a_material_twice_is_a_400(as_alice, alices_collection, alices_items):
    slug = alices_items[0].material.slug

    response = as_alice.post(items_url(alices_collection), {"material": slug}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "duplicate"
    assert alices_collection.items.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"material": "no-such-material"}, "material"),
        ({}, "material"),
        ({"material": ""}, "material"),
        ({"material": "first", "note": "x" * 501}, "note"),
        ({"material": "first", "note": None}, "note"),
    ],
)
def test_adding_with_a_bad_field_is_a_400_and_adds_nothing(
    as_alice, alices_collection, body, field
):
    MaterialFactory(slug="first")

    response = as_alice.post(items_url(alices_collection), body, format="json")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not CollectionItem.objects.exists()


@pytest.mark.django_db
def test_a_note_is_changed_and_an_item_removed(as_alice, alices_collection, alices_items):
    first, second = alices_items

    noted = as_alice.patch(item_url(first), {"note": "Read first"}, format="json")
    removed = as_alice.delete(item_url(second))

    assert noted.status_code == 200
    assert (noted.json()["id"], noted.json()["note"]) == (first.pk, "Read first")
    assert removed.status_code == 204
    assert list(alices_collection.items.values_list("pk", "note")) == [(first.pk, "Read first")]


@pytest.mark.django_db
@pytest.mark.parametrize("body", [{"note": "x" * 501}, {}, {"note": None}, {"note": ["a"]}])
def test_a_bad_note_is_a_400_and_changes_nothing(as_alice, alices_collection, alices_items, body):
    before = state_of(alices_collection)

    response = as_alice.patch(item_url(alices_items[0]), body, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["note"]
    assert state_of(alices_collection) == before


@pytest.mark.django_db
def test_an_item_is_reached_through_its_own_collection_only(
    as_alice, alice, alices_collection, alices_items
):
    other = services.collection_create(owner=alice, title="Another of mine")
    wrong_path = f"{items_url(other)}{alices_items[0].pk}/"
    before = state_of(alices_collection)

    assert as_alice.patch(wrong_path, {"note": "x"}, format="json").status_code == 404
    assert as_alice.delete(wrong_path).status_code == 404
    assert as_alice.delete(f"{items_url(alices_collection)}999999/").status_code == 404
    assert state_of(alices_collection) == before


# --- Order -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_items_are_put_in_a_new_order(as_alice, alices_collection, alices_items):
    first, second = alices_items
    third = add(alices_collection, MaterialFactory(title="Third"))

    response = as_alice.put(
        order_url(alices_collection), {"items": [third.pk, first.pk, second.pk]}, format="json"
    )

    assert response.status_code == 200
    assert [i["id"] for i in response.json()["items"]] == [third.pk, first.pk, second.pk]
    stored = alices_collection.items.order_by("order").values_list("pk", flat=True)
    assert list(stored) == [third.pk, first.pk, second.pk]


@pytest.mark.django_db
def test_reordering_needs_only_the_items_the_reader_sees(as_alice, alices_collection, alices_items):
    first, second = alices_items
    third = add(alices_collection, MaterialFactory(title="Third"))
    Material.objects.filter(pk=first.material_id).update(status=Material.Status.DRAFT)

    response = as_alice.put(
        order_url(alices_collection), {"items": [third.pk, second.pk]}, format="json"
    )

    assert response.status_code == 200
    assert [i["id"] for i in response.json()["items"]] == [third.pk, second.pk]
    stored = alices_collection.items.order_by("order").values_list("pk", flat=True)
    assert list(stored) == [third.pk, second.pk, first.pk]


def missing_one(items, foreign):
    return [items[0].pk]


def listed_twice(items, foreign):
    return [items[0].pk, items[1].pk, items[0].pk]


def with_a_foreign_item(items, foreign):
    return [items[0].pk, items[1].pk, foreign.pk]


def swapped_for_a_foreign_item(items, foreign):
    return [items[0].pk, foreign.pk]


def with_an_unknown_id(items, foreign):
    return [items[0].pk, items[1].pk, 999999]


def empty(items, foreign):
    return []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "order",
    [
        missing_one,
        listed_twice,
        with_a_foreign_item,
        swapped_for_a_foreign_item,
        with_an_unknown_id,
        empty,
    ],
)
def test_an_order_that_does_not_list_every_item_once_is_a_400(
    as_alice, charlie, alices_collection, alices_items, order
):
    charlies = services.collection_create(owner=charlie, title="Charlie's")
    foreign = add(charlies, MaterialFactory())
    before = state_of(alices_collection)

    response = as_alice.put(
        order_url(alices_collection), {"items": order(alices_items, foreign)}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "bad_order"
    assert state_of(alices_collection) == before


@pytest.mark.django_db
@pytest.mark.parametrize("body", [{}, {"items": "1,2"}, {"items": ["first"]}, {"items": None}])
def test_an_order_that_is_not_a_list_of_ids_is_a_400(
    as_alice, alices_collection, alices_items, body
):
    before = state_of(alices_collection)

    response = as_alice.put(order_url(alices_collection), body, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["items"]
    assert state_of(alices_collection) == before


# --- Sharing -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_public_collection_is_readable_by_anyone_with_its_link(
    api, as_charlie, alices_collection, alices_items
):
    services.collection_update(
        collection=alices_collection,
        user=alices_collection.owner,
        title="For my class",
        description="Week 1",
        is_public=True,
    )

    response = api.get(shared_url(alices_collection))
    as_charlie_sees = as_charlie.get(shared_url(alices_collection)).json()

    assert response.status_code == 200
    data = response.json()
    assert (data["title"], data["by"], data["curated_by"], data["is_owner"]) == (
        "For my class",
        "Alice Achieng",
        None,
        False,
    )
    assert [(i["material"]["title"], i["note"]) for i in data["items"]] == [
        ("First", "Start here"),
        ("Second", ""),
    ]
    assert "id" not in data
    assert as_charlie_sees["is_owner"] is False


@pytest.mark.django_db
def test_a_curated_collection_names_its_curator(api, alice):
    collection = services.collection_create(owner=alice, title="Picks", is_public=True)
    Collection.objects.filter(pk=collection.pk).update(
        organisation=OrganisationFactory(name="UNITAR", slug="unitar")
    )

    data = api.get(shared_url(collection)).json()

    assert data["curated_by"] == {"name": "UNITAR", "slug": "unitar"}


@pytest.mark.django_db
def test_a_private_collection_is_readable_by_its_owner_only(
    api, as_alice, as_charlie, alices_collection, alices_items
):
    mine = as_alice.get(shared_url(alices_collection))

    assert mine.status_code == 200
    assert mine.json()["is_owner"] is True
    assert api.get(shared_url(alices_collection)).status_code == 404
    assert as_charlie.get(shared_url(alices_collection)).status_code == 404
    assert api.get("/api/library/shared/no-such-token/").status_code == 404


@pytest.mark.django_db
def test_a_public_collection_is_copied_into_a_private_one_of_the_readers(
    as_charlie, charlie, alices_collection, alices_items
):
    Collection.objects.filter(pk=alices_collection.pk).update(is_public=True)

    response = as_charlie.post(shared_url(alices_collection) + "copy/")

    assert response.status_code == 201
    copy = Collection.objects.get(owner=charlie)
    data = response.json()
    assert (data["id"], data["title"], data["is_public"]) == (
        copy.pk,
        "Copy of For my class",
        False,
    )
    assert [(i["material"]["title"], i["note"]) for i in data["items"]] == [
        ("First", "Start here"),
        ("Second", ""),
    ]
    assert as_charlie.get(collection_url(copy)).status_code == 200
    assert alices_collection.items.count() == 2


@pytest.mark.django_db
def test_an_owner_may_copy_her_own_private_collection(as_alice, alice, alices_collection):
    response = as_alice.post(shared_url(alices_collection) + "copy/")

    assert response.status_code == 201
    assert Collection.objects.filter(owner=alice).count() == 2


@pytest.mark.django_db
def test_copying_needs_a_signed_in_reader_and_a_visible_collection(
    api, as_charlie, alices_collection, alices_items
):
    assert as_charlie.post(shared_url(alices_collection) + "copy/").status_code == 404
    assert as_charlie.post("/api/library/shared/no-such-token/copy/").status_code == 404
    Collection.objects.filter(pk=alices_collection.pk).update(is_public=True)
    assert api.post(shared_url(alices_collection) + "copy/").status_code == 403
    assert Collection.objects.count() == 1


# --- Privacy: Charlie and anonymous readers never touch Alice's collections ---------------------


def read_it(collection, items, spare):
    return "get", collection_url(collection), None


def rename_it(collection, items, spare):
    return "patch", collection_url(collection), {"title": "Mine now", "is_public": True}


def delete_it(collection, items, spare):
    return "delete", collection_url(collection), None


def add_to_it(collection, items, spare):
    return "post", items_url(collection), {"material": spare.slug, "note": "Charlie was here"}


def annotate_an_item(collection, items, spare):
    return "patch", item_url(items[0]), {"note": "Charlie was here"}


def remove_an_item(collection, items, spare):
    return "delete", item_url(items[0]), None


def reorder_it(collection, items, spare):
    return "put", order_url(collection), {"items": [item.pk for item in reversed(items)]}


ALICES_THINGS = [
    read_it,
    rename_it,
    delete_it,
    add_to_it,
    annotate_an_item,
    remove_an_item,
    reorder_it,
]


@pytest.mark.django_db
@pytest.mark.parametrize("is_public", [False, True], ids=["private", "public"])
@pytest.mark.parametrize("request_for", ALICES_THINGS)
def test_charlie_can_never_read_or_change_alices_collection_by_its_id(
    as_charlie, alices_collection, alices_items, is_public, request_for
):
    Collection.objects.filter(pk=alices_collection.pk).update(is_public=is_public)
    method, url, body = request_for(alices_collection, alices_items, MaterialFactory())
    before = state_of(alices_collection)

    response = getattr(as_charlie, method)(url, body, format="json")

    assert response.status_code == 404
    assert "Mine now" not in response.content.decode()
    assert state_of(alices_collection) == before


@pytest.mark.django_db
@pytest.mark.parametrize("request_for", ALICES_THINGS)
def test_an_anonymous_reader_can_never_read_or_change_a_collection_by_its_id(
    api, alices_collection, alices_items, request_for
):
    method, url, body = request_for(alices_collection, alices_items, MaterialFactory())
    before = state_of(alices_collection)

    response = getattr(api, method)(url, body, format="json")

    assert response.status_code == 403
    assert state_of(alices_collection) == before


@pytest.mark.django_db
def test_charlie_cannot_reach_alices_item_through_his_own_collection(
    as_charlie, charlie, alices_collection, alices_items
):
    charlies = services.collection_create(owner=charlie, title="Charlie's")
    add(charlies, MaterialFactory())
    path = f"{items_url(charlies)}{alices_items[0].pk}/"
    before = state_of(alices_collection)

    assert as_charlie.patch(path, {"note": "Charlie was here"}, format="json").status_code == 404
    assert as_charlie.delete(path).status_code == 404
    assert state_of(alices_collection) == before


@pytest.mark.django_db
def test_charlies_list_never_shows_alices_collections(as_charlie, alices_collection):
    Collection.objects.filter(pk=alices_collection.pk).update(is_public=True)

    assert as_charlie.get(COLLECTIONS).json()["results"] == []


@pytest.mark.django_db
def test_my_collections_need_a_signed_in_reader(api, alices_collection):
    assert api.get(COLLECTIONS).status_code == 403
    assert api.post(COLLECTIONS, {"title": "Anonymous"}, format="json").status_code == 403
    assert Collection.objects.count() == 1


# --- Schema ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_library_endpoint_is_in_the_openapi_schema(api):
    schema = api.get("/api/schema/").content.decode()

    for path in [
        "/api/library/materials/:",
        "/api/library/materials/{slug}/:",
        "/api/library/collections/:",
        "/api/library/collections/{collection_id}/:",
        "/api/library/collections/{collection_id}/items/:",
        "/api/library/collections/{collection_id}/items/{item_id}/:",
        "/api/library/collections/{collection_id}/order/:",
        "/api/library/shared/{token}/:",
        "/api/library/shared/{token}/copy/:",
    ]:
        assert path in schema


# --- Hidden items -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_my_collections_count_only_the_items_the_collection_shows(
    as_alice, alices_collection, alices_items
):
    Material.objects.filter(pk=alices_items[0].material_id).update(status=Material.Status.DRAFT)

    [listed] = as_alice.get(COLLECTIONS).json()["results"]
    shown = as_alice.get(collection_url(alices_collection)).json()

    assert listed["item_count"] == shown["item_count"] == 1
