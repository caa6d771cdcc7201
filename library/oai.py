"""OAI-PMH 2.0 for the library: harvesters collect published materials as simple Dublin Core.

The protocol: https://www.openarchives.org/OAI/openarchivesprotocol.html. `respond()` takes the
request arguments and returns the XML document; protocol errors are part of that document, never
an HTTP error.

Lists are paged with resumption tokens that carry a keyset cursor (the last record's updated_at
and pk) instead of an offset: a material published during a harvest joins the end of the list
rather than shifting every later page, so no record is skipped. Deleted records are "transient":
a material set back to draft, or deleted, simply stops being listed.
"""

import contextlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db.models import Min, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from alliance.core.choices import LICENCE_URLS
from alliance.core.models import Topic
from contributors.models import Organisation
from library.models import Material
from library.selectors import published_materials

PAGE_SIZE = 100  # records per ListRecords / ListIdentifiers response
TOKEN_LIFETIME = timedelta(days=7)
TOKEN_SALT = "library.oai.resumption"

REPOSITORY_NAME = "Alliance digital library"
PUBLISHER = "Alliance – AI Skills Coalition"
METADATA_PREFIX = "oai_dc"
DATESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
EARLIEST_WHEN_EMPTY = datetime(2025, 1, 1, tzinfo=UTC)  # before the library opened

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
# ElementTree keeps one prefix registry per process; "dc" and "xsi" are in it already.
ET.register_namespace("oai_dc", OAI_DC_NS)

# The closest DCMI Type of each material type; a web link can be anything.
DCMI_TYPES = {
    Material.Type.DOCUMENT: "Text",
    Material.Type.SLIDES: "Text",
    Material.Type.VIDEO: "MovingImage",
    Material.Type.AUDIO: "Sound",
    Material.Type.DATASET: "Dataset",
    Material.Type.NOTEBOOK: "InteractiveResource",
    Material.Type.COURSE_PACK: "Collection",
}


@dataclass(frozen=True)
class Verb:
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    exclusive: str | None = None  # an argument that must come alone (resumptionToken)


LIST_ARGUMENTS = {"required": ("metadataPrefix",), "optional": ("from", "until", "set")}
VERBS = {
    "Identify": Verb(),
    "ListMetadataFormats": Verb(optional=("identifier",)),
    "ListSets": Verb(exclusive="resumptionToken"),
    "GetRecord": Verb(required=("identifier", "metadataPrefix")),
    "ListIdentifiers": Verb(**LIST_ARGUMENTS, exclusive="resumptionToken"),
    "ListRecords": Verb(**LIST_ARGUMENTS, exclusive="resumptionToken"),
}

# The two granularities `from` and `until` accept: a day or a second.
GRANULARITIES = [
    (re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII), "%Y-%m-%d", timedelta(days=1)),
    (
        re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", re.ASCII),
        DATESTAMP_FORMAT,
        timedelta(seconds=1),
    ),
]
SET_SPEC = re.compile(r"(topic|contributor)(?::([-\w]+))?", re.ASCII)
# Characters XML 1.0 cannot carry at all, not even escaped.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class OAIError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class ListQuery:
    """What a list request asks for, and where its previous page ended."""

    verb: str
    arguments: dict[str, str]  # from, until, set as the harvester sent them
    after: tuple[datetime, int] | None = None  # (updated_at, pk) of the last record sent
    cursor: int = 0  # how many records were sent before this page
    filters: Q = field(default_factory=Q)


def respond(*, arguments: dict[str, list[str]]) -> bytes:
    """The OAI-PMH response document to a request with these (possibly repeated) arguments."""
    # The root declares OAI_NS the default namespace, so protocol elements go unprefixed
    # (ElementTree's own default_namespace option refuses unqualified attributes).
    root = ET.Element(
        "OAI-PMH",
        {"xmlns": OAI_NS, f"{{{XSI_NS}}}schemaLocation": f"{OAI_NS} {OAI_SCHEMA}"},
    )
    _text(root, "responseDate", _datestamp(timezone.now()))
    request = _text(root, "request", base_url())
    with translation.override("en"):
        try:
            verb, valid = _validated(arguments)
            request.attrib.update({"verb": verb, **{k: _xml_safe(v) for k, v in valid.items()}})
            root.append(HANDLERS[verb](verb, valid))
        except OAIError as error:
            if error.code in ("badVerb", "badArgument"):
                # The protocol: only the base URL is echoed when the request itself is wrong.
                request.attrib.clear()
            _text(root, "error", error.message).set("code", error.code)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def base_url() -> str:
    return settings.SITE_URL + reverse("oai")


def oai_identifier(material: Material) -> str:
    return f"oai:{_repository_identifier()}:material/{material.pk}"


def material_url(material: Material) -> str:
    try:
        path = material.get_absolute_url()
    except NoReverseMatch:
        # library/urls.py is mounted under /library/ by a change made alongside this one;
        # until it is, this is the address the material page will have.
        path = f"/library/{material.slug}/"
    return settings.SITE_URL + path


# --- Arguments ---------------------------------------------------------------------------------


def _validated(arguments: dict[str, list[str]]) -> tuple[str, dict[str, str]]:
    verbs = arguments.get("verb", [])
    if not verbs:
        raise OAIError("badVerb", "The request has no verb.")
    if len(verbs) > 1:
        raise OAIError("badVerb", "The verb argument is repeated.")
    verb = verbs[0]
    if verb not in VERBS:
        raise OAIError("badVerb", f"{verb!r} is not an OAI-PMH verb.")
    spec = VERBS[verb]
    allowed = {*spec.required, *spec.optional, spec.exclusive} - {None}
    valid = {}
    for name, values in arguments.items():
        if name == "verb":
            continue
        if name not in allowed:
            raise OAIError("badArgument", f"{verb} takes no {name!r} argument.")
        if len(values) > 1:
            raise OAIError("badArgument", f"The {name!r} argument is repeated.")
        valid[name] = values[0]
    if spec.exclusive in valid:
        if len(valid) > 1:
            raise OAIError("badArgument", f"{spec.exclusive} must be the only argument.")
        return verb, valid
    missing = [name for name in spec.required if name not in valid]
    if missing:
        raise OAIError("badArgument", f"{verb} needs the {', '.join(missing)} argument.")
    return verb, valid


def _check_metadata_prefix(prefix: str) -> None:
    if prefix != METADATA_PREFIX:
        raise OAIError("cannotDisseminateFormat", f"Only {METADATA_PREFIX} is available.")


def _parse_date(name: str, value: str) -> tuple[datetime, timedelta]:
    """The start of the date or second `value` names, and how long that date or second lasts."""
    for pattern, format, unit in GRANULARITIES:
        if pattern.fullmatch(value):
            try:
                return datetime.strptime(value, format).replace(tzinfo=UTC), unit
            except ValueError:
                break
    raise OAIError(
        "badArgument", f"{name} must be a date (YYYY-MM-DD) or a time (YYYY-MM-DDThh:mm:ssZ)."
    )


def _list_filters(arguments: dict[str, str]) -> Q:
    """The records a list request selects by `from`, `until` and `set`, validated."""
    filters = Q()
    start = end = None
    if "from" in arguments:
        start, start_unit = _parse_date("from", arguments["from"])
        filters &= Q(updated_at__gte=start)
    if "until" in arguments:
        end, end_unit = _parse_date("until", arguments["until"])
        # A record's datestamp is its updated_at cut to the second, so `until` takes in the
        # whole of the second (or day) it names.
        with contextlib.suppress(OverflowError):  # until the end of 9999: no upper bound
            filters &= Q(updated_at__lt=end + end_unit)
    if start and end:
        if start_unit != end_unit:
            raise OAIError("badArgument", "from and until must have the same granularity.")
        if start > end:
            raise OAIError("badArgument", "from is later than until.")
    if "set" in arguments:
        match = SET_SPEC.fullmatch(arguments["set"])
        if not match:
            raise OAIError("noRecordsMatch", "No such set: see ListSets.")
        kind, slug = match.groups()
        if kind == "topic":
            filters &= Q(topic__slug=slug) if slug else Q()
        else:
            filters &= Q(organisation__slug=slug) if slug else Q(organisation__isnull=False)
    return filters


# --- Resumption tokens -------------------------------------------------------------------------


def _encode_token(query: ListQuery, last: Material, sent: int) -> str:
    payload = {
        "verb": query.verb,
        "args": query.arguments,
        "after": [last.updated_at.astimezone(UTC).isoformat(), last.pk],
        "cursor": query.cursor + sent,
    }
    return signing.dumps(payload, salt=TOKEN_SALT, compress=True)


def _decode_token(token: str, *, verb: str) -> ListQuery:
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_LIFETIME)
        if payload["verb"] != verb:
            raise ValueError(payload["verb"])
        updated_at, pk = payload["after"]
        query = ListQuery(
            verb=verb,
            arguments={str(k): str(v) for k, v in payload["args"].items()},
            after=(datetime.fromisoformat(updated_at), int(pk)),
            cursor=int(payload["cursor"]),
        )
    except signing.SignatureExpired:
        raise OAIError("badResumptionToken", "The resumption token has expired.") from None
    except (signing.BadSignature, KeyError, TypeError, ValueError, AttributeError):
        raise OAIError("badResumptionToken", "The resumption token is not valid.") from None
    query.filters = _list_filters(query.arguments)
    return query


# --- Verbs -------------------------------------------------------------------------------------


def _harvestable() -> QuerySet[Material]:
    return published_materials().select_related("organisation", "topic")


def _material(identifier: str) -> Material:
    prefix = f"oai:{_repository_identifier()}:material/"
    pk = identifier.removeprefix(prefix)
    if identifier.startswith(prefix) and pk.isascii() and pk.isdigit() and len(pk) < 19:
        material = _harvestable().filter(pk=int(pk)).first()
        if material:
            return material
    raise OAIError("idDoesNotExist", f"No record has the identifier {_xml_safe(identifier)!r}.")


def identify(verb: str, arguments: dict[str, str]) -> ET.Element:
    earliest = published_materials().aggregate(earliest=Min("updated_at"))["earliest"]
    element = ET.Element(verb)
    _text(element, "repositoryName", REPOSITORY_NAME)
    _text(element, "baseURL", base_url())
    _text(element, "protocolVersion", "2.0")
    _text(element, "adminEmail", parseaddr(settings.DEFAULT_FROM_EMAIL)[1])
    _text(element, "earliestDatestamp", _datestamp(earliest or EARLIEST_WHEN_EMPTY))
    _text(element, "deletedRecord", "transient")
    _text(element, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    return element


def list_metadata_formats(verb: str, arguments: dict[str, str]) -> ET.Element:
    if "identifier" in arguments:
        _material(arguments["identifier"])
    element = ET.Element(verb)
    metadata_format = ET.SubElement(element, "metadataFormat")
    _text(metadata_format, "metadataPrefix", METADATA_PREFIX)
    _text(metadata_format, "schema", OAI_DC_SCHEMA)
    _text(metadata_format, "metadataNamespace", OAI_DC_NS)
    return element


def list_sets(verb: str, arguments: dict[str, str]) -> ET.Element:
    if "resumptionToken" in arguments:
        raise OAIError("badResumptionToken", "The list of sets comes in one piece.")
    published = Q(materials__status=Material.Status.PUBLISHED)
    sets = [("topic", "Materials by topic")]
    sets += [
        (f"topic:{topic.slug}", f"Topic: {topic.name}")
        for topic in Topic.objects.filter(published).distinct().order_by("slug")
    ]
    sets.append(("contributor", "Materials by contributor"))
    sets += [
        (f"contributor:{organisation.slug}", f"Contributor: {organisation.name}")
        for organisation in Organisation.objects.filter(published).distinct().order_by("slug")
    ]
    element = ET.Element(verb)
    for spec, name in sets:
        oai_set = ET.SubElement(element, "set")
        _text(oai_set, "setSpec", spec)
        _text(oai_set, "setName", name)
    return element


def get_record(verb: str, arguments: dict[str, str]) -> ET.Element:
    _check_metadata_prefix(arguments["metadataPrefix"])
    element = ET.Element(verb)
    element.append(_record(_material(arguments["identifier"])))
    return element


def list_records(verb: str, arguments: dict[str, str]) -> ET.Element:
    """ListRecords and ListIdentifiers: one page, in (updated_at, pk) order, and a token."""
    if "resumptionToken" in arguments:
        query = _decode_token(arguments["resumptionToken"], verb=verb)
    else:
        _check_metadata_prefix(arguments["metadataPrefix"])
        selection = {k: v for k, v in arguments.items() if k != "metadataPrefix"}
        query = ListQuery(verb=verb, arguments=selection, filters=_list_filters(selection))
    materials = _harvestable().filter(query.filters)
    page = materials
    if query.after:
        updated_at, pk = query.after
        page = page.filter(Q(updated_at__gt=updated_at) | Q(updated_at=updated_at, pk__gt=pk))
    page_size = PAGE_SIZE
    records = list(page.order_by("updated_at", "pk")[: page_size + 1])
    has_more, records = len(records) > page_size, records[:page_size]
    if not records:
        raise OAIError("noRecordsMatch", "No records match the request.")

    element = ET.Element(verb)
    for material in records:
        element.append(_record(material) if verb == "ListRecords" else _header(material))
    if has_more or query.cursor:
        token = _text(element, "resumptionToken", "")
        token.set("completeListSize", str(materials.count()))
        token.set("cursor", str(query.cursor))
        if has_more:
            token.text = _encode_token(query, records[-1], len(records))
            token.set("expirationDate", _datestamp(timezone.now() + TOKEN_LIFETIME))
    return element


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_records,
    "ListRecords": list_records,
}


# --- Records -----------------------------------------------------------------------------------


def _header(material: Material) -> ET.Element:
    header = ET.Element("header")
    _text(header, "identifier", oai_identifier(material))
    _text(header, "datestamp", _datestamp(material.updated_at))
    _text(header, "setSpec", f"topic:{material.topic.slug}")
    if material.organisation:
        _text(header, "setSpec", f"contributor:{material.organisation.slug}")
    return header


def _record(material: Material) -> ET.Element:
    record = ET.Element("record")
    record.append(_header(material))
    metadata = ET.SubElement(record, "metadata")
    dc = ET.SubElement(
        metadata,
        f"{{{OAI_DC_NS}}}dc",
        {f"{{{XSI_NS}}}schemaLocation": f"{OAI_DC_NS} {OAI_DC_SCHEMA}"},
    )
    elements = [
        ("title", material.title),
        *(("creator", author) for author in material.author_list()),
        ("subject", material.topic.name),
        ("description", material.description),
        ("publisher", PUBLISHER),
        ("contributor", material.organisation.name if material.organisation else ""),
        ("date", str(material.publication_year)),
        ("type", str(material.get_material_type_display())),
        ("type", DCMI_TYPES.get(material.material_type, "")),
        ("format", material.mime_type),
        ("identifier", material_url(material)),
        ("language", material.language),
        ("rights", material.licence),
        ("rights", LICENCE_URLS.get(material.licence, "")),
    ]
    for name, value in elements:
        if value:
            _text(dc, f"{{{DC_NS}}}{name}", value)
    return record


# --- XML ---------------------------------------------------------------------------------------


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = _xml_safe(text)
    return element


def _xml_safe(text: str) -> str:
    return NOT_XML.sub("\N{REPLACEMENT CHARACTER}", text)


def _datestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(DATESTAMP_FORMAT)


def _repository_identifier() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"
