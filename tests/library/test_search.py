import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library import selectors
from library.models import Material
from library.selectors import SearchCriteria
from tests.courses.factories import OrganisationFactory, TopicFactory
from tests.library.factories import MaterialFactory


def titles(response) -> list[str]:
    return [m.title for m in response.context["page"].object_list]


@pytest.mark.django_db
def test_the_library_lists_published_material_only(client):
    MaterialFactory(title="Open data handbook")
    MaterialFactory(title="Unfinished draft", draft=True)

    response = client.get("/library/")

    assert titles(response) == ["Open data handbook"]
    assert "Unfinished draft" not in response.content.decode()


@pytest.mark.django_db
def test_filters_narrow_the_results_and_every_filter_state_has_its_own_url(client):
    un = OrganisationFactory(name="UNITAR", slug="unitar")
    ethics = TopicFactory(slug="ai-governance-and-ethics")
    wanted = MaterialFactory(
        title="Ethics slides",
        material_type="slides",
        language="fr",
        topic=ethics,
        organisation=un,
        level="advanced",
        licence="CC-BY-SA-4.0",
        publication_year=2024,
        for_policymakers=True,
        has_captions=True,
        has_transcript=True,
    )
    MaterialFactory(title="Other slides", material_type="slides", language="fr")
    MaterialFactory(title="A dataset", material_type="dataset")

    url = (
        "/library/?type=slides&language=fr&topic=ai-governance-and-ethics&contributor=unitar"
        "&level=advanced&licence=CC-BY-SA-4.0&year=2024&audience=policymakers"
        "&accessibility=captions&accessibility=transcript"
    )
    response = client.get(url)

    assert titles(response) == [wanted.title]
    page = response.content.decode()
    assert 'value="slides" id="f-type-slides" checked' in page


@pytest.mark.django_db
def test_audiences_match_any_and_accessibility_features_match_all(client):
    MaterialFactory(title="For teachers", for_learners=False, for_educators=True)
    MaterialFactory(title="For builders", for_learners=False, for_developers=True)
    MaterialFactory(title="Captioned only", has_captions=True)
    MaterialFactory(title="Captioned and transcribed", has_captions=True, has_transcript=True)

    audiences = titles(client.get("/library/?audience=educators&audience=developers&sort=newest"))
    features = titles(client.get("/library/?accessibility=captions&accessibility=transcript"))

    assert sorted(audiences) == ["For builders", "For teachers"]
    assert features == ["Captioned and transcribed"]


@pytest.mark.django_db
def test_facets_count_what_the_results_hold(client):
    MaterialFactory(material_type="video", language="en", has_captions=True)
    MaterialFactory(material_type="video", language="ar")
    MaterialFactory(material_type="dataset", language="en")

    groups = {g["name"]: g for g in client.get("/library/?type=video").context["groups"]}

    counts = {o["value"]: o["count"] for o in groups["language"]["options"]}
    assert counts == {"en": 1, "ar": 1}
    assert {o["value"]: o["count"] for o in groups["accessibility"]["options"]} == {"captions": 1}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "type=podcast",
        "topic=astrology",
        "language=tlh",
        "year=1066",
        "sort=random",
        "contributor=nobody",
        "accessibility=telepathy",
        "q=" + "x" * 300,
    ],
)
def test_unknown_filter_values_are_a_clear_400_never_a_500(client, query):
    MaterialFactory()

    response = client.get(f"/library/?{query}")

    assert response.status_code == 400
    assert "does not know" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["999", "-1", "abc", ""])
def test_any_page_number_gets_a_page(client, page):
    for _ in range(3):
        MaterialFactory()

    response = client.get("/library/", {"page": page})

    assert response.status_code == 200


@pytest.mark.django_db
def test_sorting_by_newest_and_most_used(client):
    MaterialFactory(title="Old favourite", download_count=90, published_at="2024-01-01T00:00:00Z")
    MaterialFactory(title="New arrival", download_count=1, published_at="2025-06-01T00:00:00Z")

    assert titles(client.get("/library/?sort=newest")) == ["New arrival", "Old favourite"]
    assert titles(client.get("/library/?sort=most-used")) == ["Old favourite", "New arrival"]


@pytest.mark.django_db
def test_a_substring_search_finds_titles_authors_and_descriptions(client):
    MaterialFactory(title="Speech data for Swahili", authors="Wanjiru Kamau")
    MaterialFactory(title="Something else", description="About Swahili speech corpora.")
    MaterialFactory(title="Unrelated")

    assert len(titles(client.get("/library/?q=swahili"))) == 2
    assert titles(client.get("/library/?q=Kamau")) == ["Speech data for Swahili"]


@pytest.mark.django_db
def test_the_search_page_runs_a_constant_number_of_queries(client):
    def count(path):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    for _ in range(3):
        MaterialFactory()
    path = "/library/?q=material&type=document&language=en&audience=learners&sort=relevance"
    few = count(path)
    for index in range(40):
        MaterialFactory(organisation=OrganisationFactory(), has_captions=index % 2 == 0)

    assert count(path) == few


# --- PostgreSQL: full-text search with language-aware stemming, ranking, trigrams --------------


@pytest.mark.postgres
@pytest.mark.django_db
def test_stemming_follows_each_materials_language():
    MaterialFactory(title="Learning from data", language="en")
    MaterialFactory(
        title="Qualité des données", description="Nettoyer un jeu de données.", language="fr"
    )
    MaterialFactory(title="التعلم الآلي للمبتدئين", language="ar")
    MaterialFactory(title="Unrelated", language="en")

    english = selectors.material_search(SearchCriteria(query="learn"))
    french = selectors.material_search(SearchCriteria(query="donnée"))
    arabic = selectors.material_search(SearchCriteria(query="تعلم"))

    assert [m.title for m in english.materials] == ["Learning from data"]
    assert [m.title for m in french.materials] == ["Qualité des données"]
    assert [m.title for m in arabic.materials] == ["التعلم الآلي للمبتدئين"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_title_match_ranks_above_a_description_match():
    MaterialFactory(title="General overview", description="Touches on fairness once.")
    MaterialFactory(title="Fairness in machine learning", description="Fairness, in depth.")

    result = selectors.material_search(SearchCriteria(query="fairness"))

    assert result.materials[0].title == "Fairness in machine learning"


@pytest.mark.postgres
@pytest.mark.django_db
def test_chinese_text_and_names_are_found_by_substring():
    MaterialFactory(title="人工智能与可持续发展目标案例集", language="zh-hans")
    MaterialFactory(title="Other", authors="Achieng Otieno")

    assert selectors.material_search(SearchCriteria(query="可持续发展")).total == 1
    assert selectors.material_search(SearchCriteria(query="otien")).total == 1


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_contributors_name_is_searchable_and_follows_a_rename():
    organisation = OrganisationFactory(name="Frontline Associates", slug="frontline")
    MaterialFactory(title="Field guide", organisation=organisation)

    assert selectors.material_search(SearchCriteria(query="frontline")).total == 1
    organisation.name = "Frontier Partners"
    organisation.save()
    assert selectors.material_search(SearchCriteria(query="frontier")).total == 1


@pytest.mark.postgres
@pytest.mark.django_db
def test_facets_are_counted_in_one_database_query():
    for index in range(12):
        MaterialFactory(
            material_type=["video", "dataset", "slides"][index % 3],
            has_captions=index % 2 == 0,
            for_policymakers=index % 4 == 0,
        )

    with CaptureQueriesContext(connection) as first:
        result = selectors.material_search(SearchCriteria())
    with CaptureQueriesContext(connection) as again:
        selectors.material_search(SearchCriteria())

    # One query for when the library last changed, one for every facet and the total at once;
    # the same search again is answered from the cache until a material is written.
    assert len(first) == 2
    assert len(again) == 1
    assert result.total == 12
    assert result.facets["type"] == {"video": 4, "dataset": 4, "slides": 4}
    assert result.facets["accessibility"]["captions"] == 6
    assert result.facets["audience"]["policymakers"] == 3
    assert Material.objects.count() == 12


@pytest.mark.django_db
def test_cached_facet_counts_follow_any_change_to_the_library():
    MaterialFactory(material_type="video")
    assert selectors.material_search(SearchCriteria()).facets["type"] == {"video": 1}

    MaterialFactory(material_type="dataset")

    assert selectors.material_search(SearchCriteria()).facets["type"] == {"video": 1, "dataset": 1}


@pytest.mark.postgres
@pytest.mark.django_db
def test_one_or_two_chinese_characters_are_found_anywhere_in_a_title_or_author():
    MaterialFactory(title="开放数据手册", language="zh-hans")
    MaterialFactory(title="Field notes", authors="王数据")
    MaterialFactory(title="数字与证据", language="zh-hans")  # both characters, not side by side
    MaterialFactory(title="Open data handbook")

    pair = selectors.material_search(SearchCriteria(query="数据"))
    single = selectors.material_search(SearchCriteria(query="据"))

    assert pair.total == 2
    assert sorted(m.title for m in pair.materials) == ["Field notes", "开放数据手册"]
    assert single.total == 3


@pytest.mark.postgres
@pytest.mark.django_db
def test_part_of_an_authors_name_finds_their_material():
    MaterialFactory(title="Speech corpora", authors="Wanjiru Kamau, Achieng Otieno")
    MaterialFactory(title="Other", authors="Ada Lovelace")

    result = selectors.material_search(SearchCriteria(query="anjiru"))

    assert [m.title for m in result.materials] == ["Speech corpora"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_common_word_is_ranked_by_each_materials_own_language():
    for index in range(30):
        MaterialFactory(title=f"Notes {index}", description="Teachers will find this useful.")
    MaterialFactory(title="Teachers and teaching", authors="Teachers' union")
    MaterialFactory(title="Pour les enseignants", description="teachers", language="fr")
    MaterialFactory(title="Unrelated", description="Nothing to see.")

    result = selectors.material_search(SearchCriteria(query="teacher"))
    ranked = list(result.materials[:3])

    # Parsed in French, the query is "teach", which the French "teachers" ("teacher") is not;
    # parsed in English it would match, so only each row's own language may decide.
    assert result.total == 31
    assert ranked[0].title == "Teachers and teaching"
    assert "Pour les enseignants" not in [m.title for m in result.materials]
    assert [m.rank for m in ranked] == sorted((m.rank for m in ranked), reverse=True)


def test_every_facet_is_counted_in_exactly_one_group():
    columns = [column for group in selectors.FACET_GROUPS for column in group]

    assert sorted(columns) == sorted(selectors.FACET_COLUMNS.values())


@pytest.mark.postgres
@pytest.mark.django_db
def test_facets_of_a_search_add_up_across_their_groups():
    un = OrganisationFactory(name="UNITAR", slug="unitar")
    for index in range(9):
        MaterialFactory(
            title=f"Climate notes {index}",
            material_type=["video", "dataset", "slides"][index % 3],
            language=["en", "fr"][index % 2],
            organisation=un if index < 4 else OrganisationFactory(),
            publication_year=2023 + index % 2,
            has_transcript=index % 3 == 0,
        )
    MaterialFactory(title="Unrelated", material_type="video")

    result = selectors.material_search(SearchCriteria(query="climate notes"))

    assert result.total == 9
    assert result.facets["type"] == {"video": 3, "dataset": 3, "slides": 3}
    assert result.facets["language"] == {"en": 5, "fr": 4}
    assert result.facets["year"] == {2023: 5, 2024: 4}
    assert result.facets["contributor"][un.pk] == 4
    assert sum(result.facets["contributor"].values()) == 9
    assert result.facets["accessibility"]["transcript"] == 3


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_search_sorted_by_newest_or_most_used_keeps_that_order():
    MaterialFactory(title="Fairness, old", download_count=50, published_at="2023-01-01T00:00:00Z")
    MaterialFactory(title="Fairness, new", download_count=5, published_at="2025-01-01T00:00:00Z")
    MaterialFactory(title="Fairness, mid", download_count=20, published_at="2024-01-01T00:00:00Z")
    MaterialFactory(title="Other", download_count=99)

    newest = selectors.material_search(SearchCriteria(query="fairness", sort="newest"))
    most_used = selectors.material_search(SearchCriteria(query="fairness", sort="most-used"))

    assert [m.title for m in newest.materials] == [
        "Fairness, new",
        "Fairness, mid",
        "Fairness, old",
    ]
    assert [m.title for m in most_used.materials] == [
        "Fairness, old",
        "Fairness, mid",
        "Fairness, new",
    ]
