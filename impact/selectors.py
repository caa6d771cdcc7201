"""Reading the impact report: a bounded number of Figure rows per page, small cells hidden."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from impact import periods
from impact.definitions import (
    DEFINITIONS,
    PEOPLE_METRICS,
    SMALL_CELL,
    Dimension,
    Metric,
)
from impact.models import Figure, SnapshotRun


@dataclass(frozen=True)
class Cell:
    """One number as shown: exact, or "fewer than 5" when it counts fewer than five people."""

    value: int
    suppressed: bool

    def __str__(self):
        return _("fewer than %(n)s") % {"n": SMALL_CELL} if self.suppressed else f"{self.value:,}"

    @property
    def csv(self) -> str:
        return f"<{SMALL_CELL}" if self.suppressed else str(self.value)

    @property
    def shown(self) -> int | None:
        """The number a chart may draw: None when it must not be shown."""
        return None if self.suppressed else self.value


def cell(metric: str, value: int) -> Cell:
    small = metric in PEOPLE_METRICS and 0 < value < SMALL_CELL
    return Cell(value=0 if small else value, suppressed=small)


@dataclass(frozen=True)
class Headline:
    metric: Metric
    cell: Cell
    definition: str


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cell: Cell


def period_default() -> str:
    return periods.year_of(timezone.now().date())


def headlines(*, period: str) -> list[Headline]:
    values = dict(Figure.objects.filter(period=period, dimension="").values_list("metric", "value"))
    return [
        Headline(metric=m, cell=cell(m, values.get(m, 0)), definition=str(DEFINITIONS[m]))
        for m in Metric
    ]


def target(*, period: str) -> dict:
    """People trained in the period's year against the year's target (a setting)."""
    year = period[:4] if period != periods.ALL else period_default()
    trained = (
        Figure.objects.filter(period=year, metric=Metric.TRAINED, dimension="")
        .values_list("value", flat=True)
        .first()
        or 0
    )
    goal = settings.IMPACT_YEAR_TARGET
    # The share comes from the number as shown, so it cannot hint at a hidden small count.
    shown = cell(Metric.TRAINED, trained).shown or 0
    return {
        "year": year,
        "trained": trained,
        "target": goal,
        "percent": min(100, round(100 * shown / goal)) if goal else 0,
    }


def breakdown(*, period: str, metric: str, dimension: str, labels: dict | None = None) -> list[Row]:
    """One breakdown, largest first; the label of each key from ``labels`` when given."""
    rows = Figure.objects.filter(period=period, metric=metric, dimension=dimension).values_list(
        "key", "value"
    )
    labels = labels or {}
    result = [Row(key=k, label=str(labels.get(k, k)), cell=cell(metric, v)) for k, v in rows]
    return sorted(result, key=lambda row: (-row.cell.value, row.label))


def breakdowns(*, period: str, dimensions) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """Every figure of several breakdowns of a period in one query: {(metric, dimension): rows}."""
    grouped: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for metric, dimension, key, value in Figure.objects.filter(
        period=period, dimension__in=list(dimensions)
    ).values_list("metric", "dimension", "key", "value"):
        grouped.setdefault((metric, dimension), []).append((key, value))
    return grouped


def trend(*, year: str, metrics) -> dict[str, list[tuple[str, Cell]]]:
    """Month by month figures of a year: {metric: [(month, cell), ...]} (twelve each)."""
    months = periods.months_of_year(year)
    values = {
        (metric, period): value
        for metric, period, value in Figure.objects.filter(
            period__in=months, dimension="", metric__in=list(metrics)
        ).values_list("metric", "period", "value")
    }
    return {m: [(p, cell(m, values.get((m, p), 0))) for p in months] for m in metrics}


def periods_available() -> list[str]:
    """Periods with figures, newest first, years before their months."""
    found = set(Figure.objects.values_list("period", flat=True).distinct())
    years = sorted({p[:4] for p in found if p != periods.ALL}, reverse=True)
    ordered = [periods.ALL] if periods.ALL in found else []
    for year in years:
        ordered.append(year)
        ordered += sorted((p for p in found if len(p) == 7 and p.startswith(year)), reverse=True)
    return ordered


def last_run() -> SnapshotRun | None:
    return SnapshotRun.objects.exclude(finished_at=None).first()


def contributor_figures(*, organisation_slug: str, period: str) -> dict[str, Cell]:
    """An organisation's share of the figures that belong to contributors."""
    rows = Figure.objects.filter(
        period=period, dimension=Dimension.CONTRIBUTOR, key=organisation_slug
    ).values_list("metric", "value")
    values = dict(rows)
    wanted = [
        Metric.ENROLMENTS,
        Metric.COMPLETIONS,
        Metric.CERTIFICATES_FREE,
        Metric.CERTIFICATES_PAID,
        Metric.ATTENDEES,
        Metric.DOWNLOADS,
    ]
    return {m: cell(m, values.get(m, 0)) for m in wanted}


def contributor_countries(*, organisation_slug: str, period: str) -> list[Row]:
    rows = Figure.objects.filter(
        period=period,
        metric=Metric.ENROLMENTS,
        dimension=Dimension.CONTRIBUTOR_COUNTRY,
        key__startswith=organisation_slug + "|",
    ).values_list("key", "value")
    result = []
    for key, value in rows:
        country = key.split("|", 1)[1]
        label = str(countries.name(country))
        result.append(Row(key=country, label=label, cell=cell(Metric.ENROLMENTS, value)))
    return sorted(result, key=lambda row: (-row.cell.value, row.label))


def names_of(*, dimension: str, slugs) -> dict[str, str]:
    """Names for the topic, course or contributor slugs a breakdown holds, in one query: a
    course by the title of its version in its original language."""
    from django.db.models import F

    from alliance.core.models import Topic
    from contributors.models import Organisation
    from courses.models import CourseVersion

    slugs = list(slugs)
    if not slugs:
        return {}
    if dimension == Dimension.TOPIC:
        return {topic.slug: topic.label for topic in Topic.objects.filter(slug__in=slugs)}
    if dimension == Dimension.COURSE:
        return dict(
            CourseVersion.objects.filter(
                course__slug__in=slugs, language=F("course__primary_language")
            ).values_list("course__slug", "title")
        )
    if dimension == Dimension.CONTRIBUTOR:
        return dict(Organisation.objects.filter(slug__in=slugs).values_list("slug", "name"))
    raise ValueError(f"no names for {dimension!r}")
