"""Reads of the library: search with facets, material pages, collections.

A search page runs a fixed number of queries whatever the size of the library: on PostgreSQL
one query computes every facet count and the total at once (GROUPING SETS), one fetches the page.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, Max, Q, QuerySet, Value
from django.utils.module_loading import import_string

from alliance.core.search import is_postgres, text_search
from library.models import Collection, CollectionItem, LibraryPage, Material

# Facet name -> the column counted for it.
FACET_COLUMNS = {
    "type": "material_type",
    "topic": "topic_id",
    "language": "language",
    "level": "level",
    "licence": "licence",
    "contributor": "organisation_id",
    "year": "publication_year",
}
FLAG_FACETS = {"audience": Material.AUDIENCES, "accessibility": Material.ACCESSIBILITY}
SORTS = ("relevance", "newest", "most-used")


@dataclass
class SearchCriteria:
    query: str = ""
    type: list[str] = field(default_factory=list)
    topic: list[int] = field(default_factory=list)  # topic ids
    language: list[str] = field(default_factory=list)
    level: list[str] = field(default_factory=list)
    licence: list[str] = field(default_factory=list)
    contributor: list[int] = field(default_factory=list)  # organisation ids
    year: list[int] = field(default_factory=list)
    audience: list[str] = field(default_factory=list)  # any of them
    accessibility: list[str] = field(default_factory=list)  # all of them
    sort: str = "relevance"


@dataclass
class SearchResult:
    materials: QuerySet[Material]
    total: int
    facets: dict[str, dict] = field(default_factory=dict)


def published_materials() -> QuerySet[Material]:
    return Material.objects.filter(status=Material.Status.PUBLISHED)


def _filtered(criteria: SearchCriteria) -> QuerySet[Material]:
    materials = published_materials()
    for name, column in FACET_COLUMNS.items():
        values = getattr(criteria, name)
        if values:
            materials = materials.filter(**{f"{column}__in": values})
    if criteria.audience:
        any_audience = Q()
        for key in criteria.audience:
            any_audience |= Q(**{Material.AUDIENCES[key][0]: True})
        materials = materials.filter(any_audience)
    for key in criteria.accessibility:
        materials = materials.filter(**{Material.ACCESSIBILITY[key][0]: True})
    return text_search(
        materials,
        criteria.query,
        fields=["title", "description", "authors", "organisation__name"],
        substring_fields=["title", "authors"],
        cjk_chars=True,  # indexed by migration 0006
    )


def _ordered(materials: QuerySet[Material], criteria: SearchCriteria) -> QuerySet[Material]:
    searched = bool(criteria.query.strip())
    if criteria.sort == "most-used":
        first, then, nothing = F("download_count"), ["-view_count"], Value(0)
    elif criteria.sort == "newest" or not searched:
        first, then, nothing = F("published_at"), [], Value(dt.timedelta(0))
    else:
        return materials.order_by("-rank", "-published_at", "-pk")
    if searched and is_postgres():
        # A search matches a small share of the library. Sorted by a column with an index,
        # PostgreSQL may walk that index and test each row on the way until a page is full: tens
        # of thousands of rows for a rarer word. Sorted by an expression, it fetches the matches
        # through the search indexes and sorts just those.
        first = first + nothing
    return materials.order_by(first.desc(), *then, "-pk")


FACETS_CACHE_SECONDS = 300


def material_search(criteria: SearchCriteria) -> SearchResult:
    filtered = _filtered(criteria)
    total, facets = _cached_facet_counts(filtered, criteria)
    materials = (
        _ordered(filtered, criteria)
        .select_related("topic", "organisation")
        .defer("search_vector")  # ranked in the database; a page has no use for it
    )
    return SearchResult(materials=materials, total=total, facets=facets)


def _cached_facet_counts(materials, criteria: SearchCriteria) -> tuple[int, dict[str, dict]]:
    """Facet counts of a broad search read many rows; popular searches repeat. They are kept for
    a few minutes, under a key that changes whenever any material is written."""
    last_write = Material.objects.aggregate(last=Max("updated_at"))["last"]
    wanted = replace(criteria, sort="")
    key = "library-facets:" + hashlib.sha256(f"{wanted!r}|{last_write}".encode()).hexdigest()
    cached = cache.get(key)
    if cached is None:
        cached = _facet_counts(materials)
        cache.set(key, cached, FACETS_CACHE_SECONDS)
    return cached


def _facet_counts(materials: QuerySet[Material]) -> tuple[int, dict[str, dict]]:
    """The total and, for every facet, how many of the results have each value."""
    flag_columns = [column for flags in FLAG_FACETS.values() for column, _ in flags.values()]
    if is_postgres():
        return _facet_counts_postgres(materials, flag_columns)
    facets = {}
    for name, column in FACET_COLUMNS.items():
        rows = materials.order_by().values(column).annotate(n=Count("pk")).values_list(column, "n")
        facets[name] = dict(rows)
    sums = materials.order_by().aggregate(
        total=Count("pk"), **{c: Count("pk", filter=Q(**{c: True})) for c in flag_columns}
    )
    total = sums.pop("total")
    for name, flags in FLAG_FACETS.items():
        facets[name] = {key: sums[column] for key, (column, _) in flags.items()}
    return total, facets


# The facet columns counted together on PostgreSQL. One hash table per group rather than one per
# facet makes the count about twice as fast; each group stays small (the product of its columns'
# choices) and its counts are summed per column in Python.
FACET_GROUPS = (
    ("material_type", "language", "level", "licence"),
    ("topic_id", "publication_year"),
    ("organisation_id",),
)


def _facet_counts_postgres(materials, flag_columns) -> tuple[int, dict[str, dict]]:
    columns = [column for group in FACET_GROUPS for column in group]
    inner_sql, params = materials.order_by().values(*columns, *flag_columns).query.sql_with_params()
    quote = connection.ops.quote_name
    sets = ", ".join(f"({', '.join(quote(c) for c in group)})" for group in FACET_GROUPS)
    flags = ", ".join(f"COUNT(*) FILTER (WHERE {quote(c)})" for c in flag_columns)
    # GROUPING(column) is 0 in the rows of the group that holds the column: it names the group.
    groupings = ", ".join(f"GROUPING({quote(group[0])})" for group in FACET_GROUPS)
    sql = (
        f"SELECT {', '.join(quote(c) for c in columns)}, {groupings}, COUNT(*), {flags} "  # noqa: S608 - names are ours
        f"FROM ({inner_sql}) AS results GROUP BY GROUPING SETS ({sets})"
    )
    names = {column: name for name, column in FACET_COLUMNS.items()}
    facets: dict[str, dict] = {name: {} for name in FACET_COLUMNS}
    total = 0
    flag_sums = dict.fromkeys(flag_columns, 0)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            values = dict(zip(columns, row, strict=False))
            groupings = row[len(columns) : len(columns) + len(FACET_GROUPS)]
            count, *flag_counts = row[len(columns) + len(FACET_GROUPS) :]
            index = groupings.index(0)
            for column in FACET_GROUPS[index]:
                counts = facets[names[column]]
                counts[values[column]] = counts.get(values[column], 0) + count
            if index == 0:  # every group holds each result once: the first one sums them
                total += count
                for column, value in zip(flag_columns, flag_counts, strict=True):
                    flag_sums[column] += value
    for name, flag_facet in FLAG_FACETS.items():
        facets[name] = {key: flag_sums[column] for key, (column, _) in flag_facet.items()}
    return total, facets


def material_detail(*, slug: str) -> Material:
    return published_materials().select_related("topic", "organisation").get(slug=slug)


def material_related(*, material: Material, limit: int = 4) -> list[Material]:
    return list(
        published_materials()
        .filter(topic=material.topic_id, language=material.language)
        .exclude(pk=material.pk)
        .select_related("organisation")
        .order_by("-download_count", "-published_at")[:limit]
    )


def material_used_in(*, material: Material) -> list:
    """The courses that use this material, from the courses app if it says (see settings)."""
    if not settings.MATERIAL_USED_IN_SELECTOR:
        return []
    return list(import_string(settings.MATERIAL_USED_IN_SELECTOR)(material=material))


def collection_items(collection: Collection) -> list[CollectionItem]:
    return list(
        collection.items.filter(material__status=Material.Status.PUBLISHED)
        .select_related("material__topic", "material__organisation")
        .order_by("order", "pk")
    )


def _visible_item_count() -> Count:
    return Count("items", filter=Q(items__material__status=Material.Status.PUBLISHED))


def collection_visible(*, token: str, user) -> Collection:
    """A collection by its link: public ones to anyone, private ones to their owner only."""
    visible = Q(is_public=True)
    if user.is_authenticated:
        visible |= Q(owner=user)
    return Collection.objects.select_related("owner", "organisation").get(
        visible, share_token=token
    )


def collection_list_for(*, user) -> QuerySet[Collection]:
    return (
        Collection.objects.filter(owner=user)
        .annotate(size=_visible_item_count())
        .order_by("-updated_at", "-pk")
    )


def collection_list_featured(limit: int = 6) -> list[Collection]:
    return list(
        Collection.objects.filter(is_public=True, is_featured=True)
        .select_related("organisation")
        .annotate(size=_visible_item_count())
        .order_by("-updated_at")[:limit]
    )


def library_page(*, slug: str) -> LibraryPage:
    return LibraryPage.objects.select_related("organisation", "collection").get(
        slug=slug, is_published=True
    )


def featured_materials(limit: int = 4) -> list[Material]:
    return list(
        published_materials()
        .select_related("topic", "organisation")
        .order_by("-download_count", "-published_at")[:limit]
    )
