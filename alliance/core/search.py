"""Full-text search shared by the catalogue and the library.

On PostgreSQL each row's search vector is built with the text search configuration of its own
language (a trigger keeps it current), and a query is parsed with that same configuration, so
stemming lines up per language. Chinese has no PostgreSQL parser, and names rarely stem: a
substring match on titles and names (served by trigram indexes) covers both. On SQLite (the
embedded default) a plain substring search over the given fields stands in.
"""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchQueryField, SearchRank
from django.db import connection
from django.db.models import BooleanField, Case, F, Func, Q, QuerySet, Value, When

# Language code -> PostgreSQL text search configuration; anything else uses "simple".
PG_CONFIGS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ru": "russian",
    "ar": "arabic",
}

# Creates alliance_regconfig(language), which the search-vector triggers build each row with;
# queries pick the same configuration per row in _per_row_query.
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

# Chinese, Japanese and their punctuation: no spaces between words.
CJK_FIRST, CJK_LAST = "\u3000", "\u9fff"

# Creates alliance_cjk_chars(text): the CJK characters in the text. A trigram index cannot serve
# a substring of one or two characters, the length of many Chinese words ("数据"); a GIN index
# over these characters can narrow such a search to the rows holding each of its characters.
CJK_CHARS_FUNCTION_SQL = r"""
CREATE OR REPLACE FUNCTION alliance_cjk_chars(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  -- CJK_FIRST to CJK_LAST
  SELECT array_remove(
    regexp_split_to_array(regexp_replace(value, '[^\u3000-\u9fff]+', '', 'g'), ''), ''
  )
$$;
"""


def is_cjk(char: str) -> bool:
    return CJK_FIRST <= char <= CJK_LAST


def wants_substring(query: str) -> bool:
    """Substring matching serves Chinese (no word breaks) and names; for short Latin words it
    matches inside unrelated words ("ai" in "Swahili") and only adds noise."""
    return len(query) >= 4 or any(is_cjk(char) for char in query)


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


class TextMatch(Func):
    """vector @@ query, for a query that is an expression rather than a SearchQuery."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class CjkCharsContain(Func):
    """alliance_cjk_chars(field) @> chars, in the form its expression index is built on."""

    template = "(alliance_cjk_chars(%(expressions)s) @> %(chars)s::text[])"
    output_field = BooleanField()

    def __init__(self, field: str, chars: str):
        super().__init__(F(field))
        self.chars = sorted(set(chars))

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = super().as_sql(compiler, connection, chars="%s", **extra_context)
        return sql, (*params, self.chars)


def _per_row_query(query: str, language_field: str) -> Case:
    """The query parsed in the configuration of each row's language (as alliance_regconfig picks
    it). Each parse is a constant PostgreSQL makes once per statement; parsing with the row's
    configuration instead would parse again for every matching row, twice (filter and rank)."""

    def parsed(config: str) -> SearchQuery:
        return SearchQuery(query, config=config, search_type="websearch")

    return Case(
        *(
            When(**{language_field: code}, then=parsed(config))
            for code, config in PG_CONFIGS.items()
        ),
        default=parsed("simple"),
        output_field=SearchQueryField(),
    )


def _substring_condition(query: str, field: str, *, cjk_chars: bool) -> Q:
    substring = Q(**{f"{field}__icontains": query})
    if cjk_chars and len(query) <= 2 and all(is_cjk(char) for char in query):
        # Too short for trigrams: the index of characters finds the rows holding them all.
        return Q(CjkCharsContain(field, query)) & substring
    return substring


def text_search(
    queryset: QuerySet,
    query: str,
    *,
    fields: list[str],
    substring_fields: list[str],
    vector_field: str = "search_vector",
    language_field: str = "language",
    cjk_chars: bool = False,
) -> QuerySet:
    """Filter to rows matching `query`, annotated with `rank` (higher is more relevant).

    cjk_chars says that each of `substring_fields` has a GIN index on alliance_cjk_chars(field),
    which then serves substrings of one or two Chinese characters."""
    query = query.strip()
    if not query:
        return queryset.annotate(rank=Value(0.0))
    if is_postgres():
        per_row = _per_row_query(query, language_field)
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
        condition = Q(**{vector_field: every_config}) & Q(TextMatch(F(vector_field), per_row))
        if wants_substring(query):
            for field in substring_fields:
                condition |= _substring_condition(query, field, cjk_chars=cjk_chars)
        return queryset.filter(condition).annotate(rank=SearchRank(F(vector_field), per_row))
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": query})
    return queryset.filter(condition).annotate(rank=Value(0.0))
