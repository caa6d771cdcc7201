"""The report's tables, built once and drawn by the page and the CSV alike, so both show the
same cells ("fewer than 5" on the page is "<5" in the file).

Each table reads the snapshot's figures (``impact.selectors``) in a fixed number of queries.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_countries import countries

from alliance.accounts.models import User
from alliance.core.models import IncomeGroup, PricingGroup
from impact import periods, selectors
from impact.charts import Bar, bar_chart
from impact.definitions import (
    DEMOGRAPHIC_DIMENSIONS,
    SMALL_CELL,
    YOUTH_KEYS,
    Dimension,
    Metric,
)

TREND_METRICS = [Metric.TRAINED, Metric.REGISTERED, Metric.ENROLMENTS, Metric.COMPLETIONS]


def period_label(period: str) -> str:
    if period == periods.ALL:
        return _("All time")
    if len(period) == 7:
        return date_format(date(int(period[:4]), int(period[5:]), 1), "YEAR_MONTH_FORMAT")
    return period


@dataclass
class Table:
    """A table as the page and the CSV show it: a label per row, then cells and text."""

    slug: str
    caption: str
    key_header: str
    headers: list[str]
    rows: list[tuple[str, list]]
    note: str = ""
    long: bool = False
    total_rows: int = 0
    chart: str = field(default="", repr=False)

    def csv_rows(self) -> list[list[str]]:
        rows = [[self.key_header, *self.headers]]
        for label, values in self.rows:
            rows.append(
                [label, *(v.csv if isinstance(v, selectors.Cell) else str(v) for v in values)]
            )
        return [[_safe_cell(value) for value in row] for row in rows]


@dataclass(frozen=True)
class Spec:
    """A breakdown table: the figures it shows, split by one dimension."""

    slug: str
    caption: str
    dimension: str
    metrics: tuple[str, ...]


PEOPLE = (Metric.TRAINED,)
COURSES = (Metric.ENROLMENTS, Metric.COMPLETIONS)
CERTIFICATES = (Metric.CERTIFICATES_FREE, Metric.CERTIFICATES_PAID)
PUBLIC_BREAKDOWNS = [
    Spec("trained-region", _lazy("People trained by region"), Dimension.REGION, PEOPLE),
    Spec("trained-group", _lazy("People trained by LDC / income group"), Dimension.GROUP, PEOPLE),
]
STAFF_BREAKDOWNS = [
    Spec("trained-country", _lazy("People trained by country"), Dimension.COUNTRY, PEOPLE),
    *PUBLIC_BREAKDOWNS,
    Spec("trained-gender", _lazy("People trained by gender"), Dimension.GENDER, PEOPLE),
    Spec("trained-youth", _lazy("People trained by age"), Dimension.YOUTH, PEOPLE),
    Spec("trained-disability", _lazy("People trained by disability"), Dimension.DISABILITY, PEOPLE),
    Spec(
        "courses-language",
        _lazy("Enrolments and completions by language"),
        Dimension.LANGUAGE,
        COURSES,
    ),
    Spec("courses-topic", _lazy("Enrolments and completions by topic"), Dimension.TOPIC, COURSES),
    Spec(
        "courses-course", _lazy("Enrolments and completions by course"), Dimension.COURSE, COURSES
    ),
    Spec(
        "courses-contributor",
        _lazy("Enrolments and completions by contributor"),
        Dimension.CONTRIBUTOR,
        COURSES,
    ),
    Spec(
        "certificates-contributor",
        _lazy("Certificates by contributor"),
        Dimension.CONTRIBUTOR,
        CERTIFICATES,
    ),
    Spec(
        "attendees-contributor",
        _lazy("Workshop and webinar attendees by contributor"),
        Dimension.CONTRIBUTOR,
        (Metric.ATTENDEES,),
    ),
    Spec(
        "downloads-contributor",
        _lazy("Library downloads by contributor"),
        Dimension.CONTRIBUTOR,
        (Metric.DOWNLOADS,),
    ),
]
# Tables that may hold many rows: the page shows their largest rows, with a link to all.
LONG_TABLES = {"trained-country", "courses-course"}


def _choice_labels(choices) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


def _labels(dimension: str, keys: set[str]) -> dict[str, str]:
    """Names to show for a breakdown's keys; at most one query (topics, courses, contributors)."""
    if dimension == Dimension.COUNTRY:
        return {key: str(countries.name(key)) or key for key in keys}
    if dimension == Dimension.REGION:
        return {key: _("Unknown") if key == "unknown" else key for key in keys}
    if dimension == Dimension.GROUP:
        return {
            **_choice_labels(PricingGroup.choices),
            "unclassified": str(IncomeGroup.UNCLASSIFIED.label),
        }
    if dimension == Dimension.LANGUAGE:
        return _choice_labels(settings.LANGUAGES)
    if dimension == Dimension.GENDER:
        return _choice_labels(User.Gender.choices)
    if dimension == Dimension.DISABILITY:
        return _choice_labels(User.Disability.choices)
    if dimension == Dimension.YOUTH:
        return {key: str(label) for key, label in YOUTH_KEYS.items()}
    return selectors.names_of(dimension=dimension, slugs=keys)


def _answered_note() -> str:
    return _(
        "Only people who answered this optional question are counted, so the rows add up to "
        "fewer than the total."
    )


def breakdown_tables(period: str, specs: list[Spec]) -> list[Table]:
    """The breakdown tables of a period, every row: one query for all their figures, and one
    per kind of name (topic, course, contributor) present."""
    figures = selectors.breakdowns(period=period, dimensions={s.dimension for s in specs})
    keys: dict[str, set[str]] = {}
    for spec in specs:
        for metric in spec.metrics:
            keys.setdefault(spec.dimension, set()).update(
                key for key, _value in figures.get((metric, spec.dimension), [])
            )
    labels = {dimension: _labels(dimension, found) for dimension, found in keys.items()}
    tables = []
    for spec in specs:
        values = {m: dict(figures.get((m, spec.dimension), [])) for m in spec.metrics}
        found = set().union(*values.values())
        names = labels.get(spec.dimension, {})
        rows = [
            (
                names.get(key) or key,
                [selectors.cell(m, values[m].get(key, 0)) for m in spec.metrics],
            )
            for key in found
        ]
        rows.sort(key=lambda row: (-row[1][0].value, row[0]))
        tables.append(
            Table(
                slug=spec.slug,
                caption=str(spec.caption),
                key_header=str(Dimension(spec.dimension).label),
                headers=[str(Metric(m).label) for m in spec.metrics],
                rows=rows,
                note=_answered_note() if spec.dimension in DEMOGRAPHIC_DIMENSIONS else "",
                long=spec.slug in LONG_TABLES,
                total_rows=len(rows),
            )
        )
    return tables


def headline_table(period: str) -> Table:
    rows = [
        (str(h.metric.label), [h.cell, h.definition]) for h in selectors.headlines(period=period)
    ]
    return Table(
        slug="headlines",
        caption=_("Headline figures, %(period)s") % {"period": period_label(period)},
        key_header=_("Figure"),
        headers=[_("Number"), _("Definition")],
        rows=rows,
    )


def trend_tables(year: str) -> list[Table]:
    """Month by month figures of a year, each with its chart: one query for all of them."""
    tables = []
    for metric, months in selectors.trend(year=year, metrics=TREND_METRICS).items():
        firsts = [date(int(month[:4]), int(month[5:]), 1) for month, _cell in months]
        caption = _("%(figure)s by month, %(year)s") % {
            "figure": Metric(metric).label,
            "year": year,
        }
        table = Table(
            slug=f"trend-{metric}",
            caption=caption,
            key_header=_("Month"),
            headers=[str(Metric(metric).label)],
            rows=[
                (date_format(first, "YEAR_MONTH_FORMAT"), [cell])
                for first, (_month, cell) in zip(firsts, months, strict=True)
            ],
        )
        table.chart = bar_chart(
            chart_id=f"chart-{metric}",
            title=caption,
            description=_(
                "Bar chart, one bar per month from January to December %(year)s, each "
                "labelled with its number. A month with fewer than %(n)s people has no bar and "
                "reads “<%(n)s”. The same numbers are in the table next to the chart."
            )
            % {"year": year, "n": SMALL_CELL},
            bars=[
                Bar(label=date_format(first, "M"), value=cell.shown)
                for first, (_month, cell) in zip(firsts, months, strict=True)
            ],
        )
        tables.append(table)
    return tables


def _safe_cell(value):
    """Keep a spreadsheet from running a label as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
