"""The OAI-PMH 2.0 repository at /oai/: what a harvester sees of the library."""

import re
import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
from django.core import signing
from django.test import Client
from sickle import Sickle

from library import oai
from library.models import Material
from tests.courses.factories import OrganisationFactory, TopicFactory
from tests.library.factories import MaterialFactory

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
DATESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
BASE_URL = "https://alliance.example/oai/"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://alliance.example"
    settings.DEFAULT_FROM_EMAIL = "Alliance <no-reply@alliance.example>"


@pytest.fixture
def pages_of_two(monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)


def tag(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def ask(client: Client, query: str = "", *, method: str = "get") -> ET.Element:
    """The parsed response to an OAI-PMH request, checked against the envelope the schema sets."""
    if method == "post":
        response = client.post("/oai/", query, content_type="application/x-www-form-urlencoded")
    else:
        response = client.get(f"/oai/?{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == tag(OAI, "OAI-PMH")
    assert root.get(tag(XSI, "schemaLocation")).startswith(OAI)
    children = [child.tag for child in root]
    assert children[:2] == [tag(OAI, "responseDate"), tag(OAI, "request")]
    assert DATESTAMP.fullmatch(root.findtext(tag(OAI, "responseDate")))
    assert root.findtext(tag(OAI, "request")) == BASE_URL
    answer = children[2:]
    assert len(answer) == 1, answer
    assert answer[0] in {tag(OAI, "error"), tag(OAI, root.find(tag(OAI, "request")).get("verb"))}
    for record in root.iter(tag(OAI, "record")):
        assert_is_an_oai_dc_record(record)
    return root


def assert_is_an_oai_dc_record(record: ET.Element) -> None:
    header, metadata = list(record)
    assert header.tag == tag(OAI, "header")
    assert [child.tag for child in header][:2] == [tag(OAI, "identifier"), tag(OAI, "datestamp")]
    assert {child.tag for child in header} <= {
        tag(OAI, "identifier"),
        tag(OAI, "datestamp"),
        tag(OAI, "setSpec"),
    }
    assert DATESTAMP.fullmatch(header.findtext(tag(OAI, "datestamp")))
    assert metadata.tag == tag(OAI, "metadata")
    (dc,) = list(metadata)
    assert dc.tag == tag(OAI_DC, "dc")
    assert all(child.tag.startswith(f"{{{DC}}}") for child in dc)


def error_code(root: ET.Element) -> str | None:
    error = root.find(tag(OAI, "error"))
    return error.get("code") if error is not None else None


def echoed(root: ET.Element) -> dict[str, str]:
    return dict(root.find(tag(OAI, "request")).attrib)


def identifiers(root: ET.Element) -> list[str]:
    return [element.text for element in root.iter(tag(OAI, "identifier"))]


def identifier(material: Material) -> str:
    return f"oai:alliance.example:material/{material.pk}"


def dublin_core(root: ET.Element) -> dict[str, list[str]]:
    """The Dublin Core of the only record in the response, element name -> values."""
    (dc,) = list(root.iter(tag(OAI_DC, "dc")))
    values = {}
    for element in dc:
        values.setdefault(element.tag.removeprefix(f"{{{DC}}}"), []).append(element.text)
    return values


def resumption_token(root: ET.Element) -> ET.Element | None:
    return root.find(f".//{tag(OAI, 'resumptionToken')}")


def stamp(material: Material, moment: str) -> None:
    """Set the material's updated_at, the datestamp harvesters select by."""
    Material.objects.filter(pk=material.pk).update(updated_at=datetime.fromisoformat(moment))


# --- Identify ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_identify_describes_the_repository(client):
    oldest = MaterialFactory()
    stamp(oldest, "2025-03-04T05:06:07.890+00:00")
    stamp(MaterialFactory(), "2025-06-01T00:00:00+00:00")
    stamp(MaterialFactory(draft=True), "2024-01-01T00:00:00+00:00")

    identify = ask(client, "verb=Identify").find(tag(OAI, "Identify"))

    assert [child.tag.removeprefix(f"{{{OAI}}}") for child in identify] == [
        "repositoryName",
        "baseURL",
        "protocolVersion",
        "adminEmail",
        "earliestDatestamp",
        "deletedRecord",
        "granularity",
    ]
    assert identify.findtext(tag(OAI, "repositoryName")) == "Alliance digital library"
    assert identify.findtext(tag(OAI, "baseURL")) == BASE_URL
    assert identify.findtext(tag(OAI, "protocolVersion")) == "2.0"
    assert identify.findtext(tag(OAI, "adminEmail")) == "no-reply@alliance.example"
    assert identify.findtext(tag(OAI, "earliestDatestamp")) == "2025-03-04T05:06:07Z"
    assert identify.findtext(tag(OAI, "deletedRecord")) == "transient"
    assert identify.findtext(tag(OAI, "granularity")) == "YYYY-MM-DDThh:mm:ssZ"


@pytest.mark.django_db
def test_identify_answers_before_anything_is_published(client):
    identify = ask(client, "verb=Identify").find(tag(OAI, "Identify"))

    assert DATESTAMP.fullmatch(identify.findtext(tag(OAI, "earliestDatestamp")))


# --- ListMetadataFormats -----------------------------------------------------------------------


@pytest.mark.django_db
def test_list_metadata_formats_offers_oai_dc_only(client):
    formats = ask(client, "verb=ListMetadataFormats").findall(f".//{tag(OAI, 'metadataFormat')}")

    assert [f.findtext(tag(OAI, "metadataPrefix")) for f in formats] == ["oai_dc"]
    assert formats[0].findtext(tag(OAI, "metadataNamespace")) == OAI_DC
    assert formats[0].findtext(tag(OAI, "schema")).endswith("/oai_dc.xsd")


@pytest.mark.django_db
def test_list_metadata_formats_of_a_record_checks_the_record_exists(client):
    material, draft = MaterialFactory(), MaterialFactory(draft=True)

    found = ask(client, f"verb=ListMetadataFormats&identifier={identifier(material)}")
    of_a_draft = ask(client, f"verb=ListMetadataFormats&identifier={identifier(draft)}")

    assert error_code(found) is None
    assert echoed(found) == {"verb": "ListMetadataFormats", "identifier": identifier(material)}
    assert error_code(of_a_draft) == "idDoesNotExist"


# --- ListSets ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_list_sets_names_the_topics_and_contributors_with_published_material(client):
    ethics = TopicFactory(slug="ai-ethics-test", name="AI ethics (test)")
    unesco = OrganisationFactory(name="UNESCO Test", slug="unesco-test")
    MaterialFactory(topic=ethics, organisation=unesco)
    MaterialFactory(organisation=OrganisationFactory(slug="only-drafts"), draft=True)

    sets = ask(client, "verb=ListSets").findall(f".//{tag(OAI, 'set')}")
    names = {s.findtext(tag(OAI, "setSpec")): s.findtext(tag(OAI, "setName")) for s in sets}

    assert names == {
        "topic": "Materials by topic",
        "topic:ai-ethics-test": "Topic: AI ethics (test)",
        "contributor": "Materials by contributor",
        "contributor:unesco-test": "Contributor: UNESCO Test",
    }


@pytest.mark.django_db
def test_list_sets_refuses_a_resumption_token_it_never_issued(client):
    assert error_code(ask(client, "verb=ListSets&resumptionToken=abc")) == "badResumptionToken"


# --- GetRecord ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_get_record_maps_a_material_to_dublin_core(client):
    material = MaterialFactory(
        slug="prompting-for-teachers",
        title="Prompting for teachers",
        description="How to write prompts for a classroom.",
        authors="Amina Diallo, Bo Chen , ",
        topic=TopicFactory(slug="generative-ai-test", name="Generative AI (test)"),
        organisation=OrganisationFactory(name="Open University Test", slug="open-university"),
        material_type=Material.Type.VIDEO,
        mime_type="video/mp4",
        language="fr",
        licence="CC-BY-SA-4.0",
        publication_year=2024,
    )
    stamp(material, "2025-05-06T07:08:09.5+00:00")

    root = ask(client, f"verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(material)}")

    assert echoed(root) == {
        "verb": "GetRecord",
        "metadataPrefix": "oai_dc",
        "identifier": f"oai:alliance.example:material/{material.pk}",
    }
    header = root.find(f".//{tag(OAI, 'header')}")
    assert header.findtext(tag(OAI, "identifier")) == identifier(material)
    assert header.findtext(tag(OAI, "datestamp")) == "2025-05-06T07:08:09Z"
    assert [s.text for s in header.findall(tag(OAI, "setSpec"))] == [
        "topic:generative-ai-test",
        "contributor:open-university",
    ]
    assert dublin_core(root) == {
        "title": ["Prompting for teachers"],
        "creator": ["Amina Diallo", "Bo Chen"],
        "subject": ["Generative AI (test)"],
        "description": ["How to write prompts for a classroom."],
        "publisher": ["Alliance – AI Skills Coalition"],
        "contributor": ["Open University Test"],
        "date": ["2024"],
        "type": ["Video", "MovingImage"],
        "format": ["video/mp4"],
        "identifier": ["https://alliance.example/library/prompting-for-teachers/"],
        "language": ["fr"],
        "rights": ["CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/"],
    }


@pytest.mark.django_db
def test_get_record_leaves_out_what_a_material_does_not_have(client):
    material = MaterialFactory(
        organisation=None,
        authors="",
        material_type=Material.Type.WEB_LINK,
        licence="LicenseRef-All-Rights-Reserved",
    )

    root = ask(client, f"verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(material)}")

    dc = dublin_core(root)
    assert "creator" not in dc
    assert "contributor" not in dc
    assert "format" not in dc
    assert dc["type"] == ["Web link"]
    assert dc["rights"] == ["LicenseRef-All-Rights-Reserved"]
    header = root.find(f".//{tag(OAI, 'header')}")
    assert [s.text for s in header.findall(tag(OAI, "setSpec"))] == ["topic:machine-learning"]


@pytest.mark.django_db
def test_get_record_speaks_english_whatever_the_visitor_language(client):
    material = MaterialFactory(material_type=Material.Type.SLIDES)

    response = client.get(
        f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(material)}",
        headers={"accept-language": "fr"},
    )

    dc = dublin_core(ET.fromstring(response.content))
    assert dc["type"] == ["Slide deck", "Text"]


@pytest.mark.django_db
def test_text_xml_cannot_carry_is_replaced_so_the_document_stays_well_formed(client):
    material = MaterialFactory(title="Vertical\x0btab and \x1funit separator")

    root = ask(client, f"verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(material)}")

    assert dublin_core(root)["title"] == ["Vertical\ufffdtab and \ufffdunit separator"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "unknown",
    [
        "oai:elsewhere.example:material/{pk}",
        "oai:alliance.example:material/{pk}0",
        "oai:alliance.example:material/abc",
        "oai:alliance.example:material/99999999999999999999999",
        "oai:alliance.example:course/{pk}",
        "oai:alliance.example:material/%00",
    ],
)
def test_get_record_of_an_unknown_identifier_is_id_does_not_exist(client, unknown):
    material = MaterialFactory()

    root = ask(
        client, f"verb=GetRecord&metadataPrefix=oai_dc&identifier={unknown.format(pk=material.pk)}"
    )

    assert error_code(root) == "idDoesNotExist"
    assert echoed(root)["verb"] == "GetRecord"


@pytest.mark.django_db
def test_a_draft_or_deleted_material_is_gone_from_the_repository(client):
    draft, deleted = MaterialFactory(draft=True), MaterialFactory()
    deleted_identifier = identifier(deleted)
    deleted.delete()

    for gone in (identifier(draft), deleted_identifier):
        root = ask(client, f"verb=GetRecord&metadataPrefix=oai_dc&identifier={gone}")
        assert error_code(root) == "idDoesNotExist"


@pytest.mark.django_db
def test_get_record_in_another_format_cannot_be_disseminated(client):
    material = MaterialFactory()

    root = ask(client, f"verb=GetRecord&metadataPrefix=marc21&identifier={identifier(material)}")

    assert error_code(root) == "cannotDisseminateFormat"


# --- ListIdentifiers and ListRecords -----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords"])
def test_lists_hold_published_materials_and_never_drafts(client, verb):
    published = MaterialFactory.create_batch(3)
    MaterialFactory(draft=True)

    root = ask(client, f"verb={verb}&metadataPrefix=oai_dc")

    assert echoed(root) == {"verb": verb, "metadataPrefix": "oai_dc"}
    assert sorted(identifiers(root)) == sorted(identifier(m) for m in published)
    assert len(root.findall(f".//{tag(OAI, 'record')}")) == (3 if verb == "ListRecords" else 0)
    assert resumption_token(root) is None


@pytest.mark.django_db
def test_list_identifiers_gives_headers_only(client):
    MaterialFactory()

    root = ask(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")

    (answer,) = list(root)[2:]
    assert [child.tag for child in answer] == [tag(OAI, "header")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        ("from=2025-01-11", ["second", "third"]),
        ("until=2025-01-11", ["first", "second"]),
        ("from=2025-01-11&until=2025-01-11", ["second"]),
        ("from=2025-01-11T12:00:00Z&until=2025-01-11T12:00:00Z", ["second"]),
        ("until=2025-01-10T09:00:00Z", ["first"]),
        ("from=2025-01-10T09:00:01Z", ["second", "third"]),
        ("until=9999-12-31", ["first", "second", "third"]),
    ],
)
def test_from_and_until_select_by_datestamp_inclusively(client, selection, expected):
    materials = {name: MaterialFactory(title=name) for name in ("first", "second", "third")}
    stamp(materials["first"], "2025-01-10T09:00:00.5+00:00")
    stamp(materials["second"], "2025-01-11T12:00:00+00:00")
    stamp(materials["third"], "2025-01-12T00:00:00+00:00")

    root = ask(client, f"verb=ListIdentifiers&metadataPrefix=oai_dc&{selection}")

    assert identifiers(root) == [identifier(materials[name]) for name in expected]


@pytest.mark.django_db
def test_a_set_selects_by_topic_or_contributor(client):
    ethics = TopicFactory(slug="ai-ethics-test")
    unesco = OrganisationFactory(slug="unesco-test")
    on_ethics = MaterialFactory(topic=ethics)
    by_unesco = MaterialFactory(organisation=unesco)
    anonymous = MaterialFactory(organisation=None)

    def listed(set_spec: str) -> set[str]:
        return set(
            identifiers(ask(client, f"verb=ListIdentifiers&metadataPrefix=oai_dc&{set_spec}"))
        )

    assert listed("set=topic:ai-ethics-test") == {identifier(on_ethics)}
    assert listed("set=contributor:unesco-test") == {identifier(by_unesco)}
    assert listed("set=topic") == {identifier(m) for m in (on_ethics, by_unesco, anonymous)}
    assert listed("set=contributor") == {identifier(m) for m in (on_ethics, by_unesco)}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "selection",
    [
        "set=topic:no-such-topic",
        "set=courses",
        "set=topic:a:b",
        "from=2030-01-01",
        "until=2000-01-01",
    ],
)
def test_a_selection_that_matches_nothing_is_no_records_match(client, selection):
    MaterialFactory()

    root = ask(client, f"verb=ListRecords&metadataPrefix=oai_dc&{selection}")

    assert error_code(root) == "noRecordsMatch"
    assert echoed(root)["verb"] == "ListRecords"


@pytest.mark.django_db
def test_an_empty_library_is_no_records_match(client):
    MaterialFactory(draft=True)

    assert error_code(ask(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")) == "noRecordsMatch"


@pytest.mark.django_db
@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords"])
def test_lists_in_another_format_cannot_be_disseminated(client, verb):
    MaterialFactory()

    root = ask(client, f"verb={verb}&metadataPrefix=mods")

    assert error_code(root) == "cannotDisseminateFormat"
    assert echoed(root) == {"verb": verb, "metadataPrefix": "mods"}


@pytest.mark.django_db
def test_a_harvester_may_post_its_request_without_a_csrf_token():
    material = MaterialFactory()

    root = ask(
        Client(enforce_csrf_checks=True),
        "verb=ListRecords&metadataPrefix=oai_dc&set=topic:machine-learning",
        method="post",
    )

    assert identifiers(root) == [identifier(material)]


@pytest.mark.django_db
def test_other_http_methods_are_not_allowed(client):
    assert client.put("/oai/?verb=Identify").status_code == 405


# --- Protocol errors ---------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["", "metadataPrefix=oai_dc", "verb=Harvest", "verb=identify", "verb=Identify&verb=Identify"],
)
def test_a_missing_unknown_or_repeated_verb_is_bad_verb(client, query):
    root = ask(client, query)

    assert error_code(root) == "badVerb"
    assert echoed(root) == {}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "verb=Identify&metadataPrefix=oai_dc",
        "verb=ListRecords",
        "verb=ListIdentifiers&set=topic",
        "verb=GetRecord&metadataPrefix=oai_dc",
        "verb=GetRecord&identifier=oai:alliance.example:material/1",
        "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc",
        "verb=ListRecords&metadataPrefix=oai_dc&colour=blue",
        "verb=ListRecords&metadataPrefix=oai_dc&from=yesterday",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2025-13-01",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2025-02-30",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01T10:00:00",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01T25:00:00Z",
        "verb=ListRecords&metadataPrefix=oai_dc&until=2025-01-01T10:00Z",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2025-02-01&until=2025-01-01",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01&until=2025-01-02T00:00:00Z",
        "verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc",
        "verb=ListSets&resumptionToken=abc&set=topic",
    ],
)
def test_a_missing_illegal_or_repeated_argument_is_bad_argument(client, query):
    MaterialFactory()

    root = ask(client, query)

    assert error_code(root) == "badArgument"
    assert echoed(root) == {}


# --- Resumption tokens -------------------------------------------------------------------------


def harvest(client: Client, verb: str = "ListIdentifiers", selection: str = "") -> list[ET.Element]:
    """Every response of a complete harvest, following the resumption tokens."""
    first = ask(client, f"verb={verb}&metadataPrefix=oai_dc{selection}")
    token = resumption_token(first)
    return [first] if token is None else [first, *harvest_from(client, token.text, verb)]


def harvest_from(client: Client, token: str, verb: str = "ListIdentifiers") -> list[ET.Element]:
    """The responses to a harvest resumed with `token`, down to its empty last token."""
    responses = [ask(client, f"verb={verb}&resumptionToken={token}")]
    while (token := resumption_token(responses[-1]).text) is not None:
        responses.append(ask(client, f"verb={verb}&resumptionToken={token}"))
    return responses


@pytest.mark.django_db
def test_resumption_tokens_page_through_every_record(client, pages_of_two):
    materials = MaterialFactory.create_batch(5)

    pages = harvest(client, "ListRecords")

    assert [identifiers(page) for page in pages] == [
        [identifier(m) for m in materials[:2]],
        [identifier(m) for m in materials[2:4]],
        [identifier(materials[4])],
    ]
    tokens = [resumption_token(page) for page in pages]
    assert [(t.get("cursor"), t.get("completeListSize")) for t in tokens] == [
        ("0", "5"),
        ("2", "5"),
        ("4", "5"),
    ]
    assert all(DATESTAMP.fullmatch(t.get("expirationDate")) for t in tokens[:2])
    assert tokens[-1].text is None
    assert tokens[-1].get("expirationDate") is None
    assert echoed(pages[1]) == {"verb": "ListRecords", "resumptionToken": tokens[0].text}


@pytest.mark.django_db
def test_materials_sharing_a_datestamp_are_split_across_pages_without_loss(client, pages_of_two):
    materials = MaterialFactory.create_batch(5)
    Material.objects.update(updated_at=datetime(2025, 2, 3, 4, 5, 6, tzinfo=UTC))

    pages = harvest(client)

    assert [i for page in pages for i in identifiers(page)] == [identifier(m) for m in materials]


@pytest.mark.django_db
def test_a_harvest_collects_materials_published_while_it_runs(client, pages_of_two):
    before = MaterialFactory.create_batch(3)
    first = ask(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")
    during = MaterialFactory.create_batch(2)

    rest = harvest_from(client, resumption_token(first).text)

    harvested = identifiers(first) + [i for page in rest for i in identifiers(page)]
    assert harvested == [identifier(m) for m in before + during]
    assert resumption_token(rest[-1]).get("completeListSize") == "5"


@pytest.mark.django_db
def test_a_material_unpublished_during_a_harvest_simply_disappears(client, pages_of_two):
    materials = MaterialFactory.create_batch(4)
    first = ask(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")
    Material.objects.filter(pk=materials[2].pk).update(status=Material.Status.DRAFT)

    rest = harvest_from(client, resumption_token(first).text)

    harvested = identifiers(first) + [i for page in rest for i in identifiers(page)]
    assert harvested == [identifier(m) for m in (materials[0], materials[1], materials[3])]


@pytest.mark.django_db
def test_a_resumed_harvest_keeps_its_selection(client, pages_of_two):
    ethics = TopicFactory(slug="ai-ethics-test")
    on_ethics = MaterialFactory.create_batch(3, topic=ethics)
    MaterialFactory.create_batch(3)
    for material in on_ethics:
        stamp(material, "2025-04-01T00:00:00+00:00")

    pages = harvest(client, selection="&set=topic:ai-ethics-test&from=2025-04-01&until=2025-04-01")

    assert [i for page in pages for i in identifiers(page)] == [identifier(m) for m in on_ethics]
    assert resumption_token(pages[0]).get("completeListSize") == "3"


@pytest.mark.django_db
@pytest.mark.parametrize("page_size", [2, 10])
def test_every_page_of_a_list_runs_the_same_two_queries(
    client, monkeypatch, django_assert_num_queries, page_size
):
    monkeypatch.setattr(oai, "PAGE_SIZE", page_size)
    for organisation in OrganisationFactory.create_batch(3):
        MaterialFactory.create_batch(page_size, organisation=organisation)
    query = "verb=ListRecords&metadataPrefix=oai_dc"

    for _ in range(3):
        with django_assert_num_queries(2):  # the page, and completeListSize
            root = ask(client, query)
        assert len(root.findall(f".//{tag(OAI, 'record')}")) == page_size
        query = f"verb=ListRecords&resumptionToken={resumption_token(root).text}"


@pytest.mark.django_db
def test_a_malformed_or_tampered_token_is_a_bad_resumption_token(client, pages_of_two):
    MaterialFactory.create_batch(3)
    token = resumption_token(ask(client, "verb=ListRecords&metadataPrefix=oai_dc")).text
    forged = signing.dumps({"verb": "ListRecords", "args": {}, "after": "x"}, salt=oai.TOKEN_SALT)

    for bad in ("not-a-token", token[:-2], token.replace(":", ":x", 1), forged, "%00"):
        root = ask(client, f"verb=ListRecords&resumptionToken={bad}")
        assert error_code(root) == "badResumptionToken", bad
        assert echoed(root)["verb"] == "ListRecords"


@pytest.mark.django_db
def test_a_token_is_only_good_for_the_verb_that_issued_it(client, pages_of_two):
    MaterialFactory.create_batch(3)
    token = resumption_token(ask(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")).text

    root = ask(client, f"verb=ListRecords&resumptionToken={token}")

    assert error_code(root) == "badResumptionToken"


@pytest.mark.django_db
def test_an_expired_token_is_a_bad_resumption_token(client, pages_of_two, monkeypatch):
    MaterialFactory.create_batch(3)
    token = resumption_token(ask(client, "verb=ListRecords&metadataPrefix=oai_dc")).text

    class EightDaysLater:
        @staticmethod
        def time() -> float:
            return time.time() + timedelta(days=8).total_seconds()

    monkeypatch.setattr(signing, "time", EightDaysLater)
    root = ask(client, f"verb=ListRecords&resumptionToken={token}")

    assert error_code(root) == "badResumptionToken"
    assert "expired" in root.findtext(tag(OAI, "error"))


# --- An independent harvester ------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_sickle_harvests_every_published_material_over_http(live_server):
    topic = TopicFactory(slug="machine-learning")
    organisations = OrganisationFactory.create_batch(5)
    materials = [
        MaterialFactory(topic=topic, organisation=organisations[n % 5]) for n in range(250)
    ]
    MaterialFactory(topic=topic, draft=True, title="A draft")
    sickle = Sickle(f"{live_server.url}/oai/")

    records = list(sickle.ListRecords(metadataPrefix="oai_dc"))
    headers = list(
        sickle.ListIdentifiers(metadataPrefix="oai_dc", set=f"contributor:{organisations[0].slug}")
    )

    assert oai.PAGE_SIZE == 100
    assert len(records) == 250
    assert {r.header.identifier for r in records} == {identifier(m) for m in materials}
    assert sorted(r.metadata["title"][0] for r in records) == sorted(m.title for m in materials)
    assert len(headers) == 50
    assert sickle.Identify().repositoryName == "Alliance digital library"
    assert [f.metadataPrefix for f in sickle.ListMetadataFormats()] == ["oai_dc"]
    assert len(list(sickle.ListSets())) == 1 + 1 + 1 + 5
    record = sickle.GetRecord(identifier=identifier(materials[0]), metadataPrefix="oai_dc")
    assert record.metadata["identifier"] == [
        f"https://alliance.example/library/{materials[0].slug}/"
    ]
