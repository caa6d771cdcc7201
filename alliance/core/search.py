"""Full-text search shared by the catalogue and the library.

On PostgreSQL each row's search vector is built with the text search configuration of its own
language (a trigger keeps it current), and a query is parsed with that same configuration, so
stemming lines up per language. Chinese has no PostgreSQL parser, and names rarely stem: a
substring match on titles and names (served by trigram indexes) covers both. On SQLite (the
embedded default) a plain substring search over the given fields stands in.
"""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Func, Q, QuerySet, TextField, Value

# Language code -> PostgreSQL text search configuration; anything else uses "simple".
PG_CONFIGS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ru": "russian",
    "ar": "arabic",
}

# Creates alliance_regconfig(language), used by triggers and queries alike.
REGCONFIG_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION alliance_regconfig(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE language
    {cases}
    ELSE 'simple'::regconfig
  END
$$;
""".format(
    cases="\n    ".join(
        f"WHEN '{code}' THEN '{config}'::regconfig" for code, config in PG_CONFIGS.items()
    )
)


def wants_substring(query: str) -> bool:
    """Substring matching serves Chinese (no word breaks) and names; for short Latin words it
    matches inside unrelated words ("ai" in "Swahili") and only adds noise."""
    return len(query) >= 4 or any("\u3000" <= char <= "\u9fff" for char in query)


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


class RegConfig(Func):
    function = "alliance_regconfig"
    output_field = TextField()


def text_search(
    queryset: QuerySet,
    query: str,
    *,
    fields: list[str],
    substring_fields: list[str],
    vector_field: str = "search_vector",
    language_field: str = "language",
) -> QuerySet:
    """Filter to rows matching `query`, annotated with `rank` (higher is more relevant)."""
    query = query.strip()
    if not query:
        return queryset.annotate(rank=Value(0.0))
    if is_postgres():
        search = SearchQuery(query, config=RegConfig(F(language_field)), search_type="websearch")
        # The per-row query cannot use the GIN index (its configuration changes row by row);
        # the same query parsed in every configuration at once can, and narrows the rows the
        # per-row check then confirms.
        every_config = reduce(
            operator.or_,
            (
                SearchQuery(query, config=config, search_type="websearch")
                for config in sorted({*PG_CONFIGS.values(), "simple"})
            ),
        )
        condition = Q(**{vector_field: every_config}) & Q(**{vector_field: search})
        if wants_substring(query):
            for field in substring_fields:
                condition |= Q(**{f"{field}__icontains": query})
        return queryset.filter(condition).annotate(rank=SearchRank(F(vector_field), search))
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": query})
    return queryset.filter(condition).annotate(rank=Value(0.0))
