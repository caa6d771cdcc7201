"""The daily snapshot: every figure of the report, computed exactly for each period.

One period's figures take a fixed number of aggregate queries (about forty), whatever the
number of learners; people are counted once per period with EXISTS filters on the user table.
Breakdowns by region, LDC / income group and youth are derived from the exact counts by country
and by age band, which partition the same people.
"""

import logging
from collections import Counter, defaultdict
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils import timezone

from alliance.accounts.models import User
from alliance.core.models import CountryStatus
from certification.models import Certificate
from courses.models import Enrolment, LessonCompletion, QuizAttempt
from impact import periods
from impact.definitions import Dimension, Metric
from impact.models import DownloadCount, Figure, SnapshotRun
from library.models import Material
from workshops.models import Booking, Delegate

log = logging.getLogger(__name__)

YOUTH_BANDS = set(User.YOUTH_AGE_BANDS)
ADULT_BANDS = set(User.AgeBand.values) - YOUTH_BANDS - {User.AgeBand.UNDISCLOSED}


def _in(field: str, start, end) -> Q:
    q = Q()
    if start is not None:
        q &= Q(**{f"{field}__gte": start})
    if end is not None:
        q &= Q(**{f"{field}__lt": end})
    return q


def _attended(start, end):
    return Booking.objects.filter(_in("session__starts_at", start, end), attended=True)


def _learners():
    return get_user_model().objects.filter(is_staff=False)


def people(metric: Metric, start, end):
    """The people a people-counting metric counts in [start, end), each once."""
    user = OuterRef("pk")
    if metric == Metric.REGISTERED:
        return _learners().filter(_in("date_joined", start, end))
    completed = Exists(
        Enrolment.objects.filter(_in("completed_at", start, end), user=user).exclude(
            completed_at=None
        )
    )
    attended = Exists(_attended(start, end).filter(user=user))
    if metric == Metric.TRAINED:
        return _learners().filter(completed | attended)
    if metric == Metric.ATTENDEES:
        return _learners().filter(attended)
    if metric == Metric.OFFICIALS:
        official = (
            _attended(start, end)
            .filter(user=user)
            .filter(
                Q(session__cohorts__isnull=False)
                | Exists(Delegate.objects.filter(booking=OuterRef("pk")))
            )
        )
        return _learners().filter(Exists(official))
    if metric == Metric.ACTIVE:
        return _learners().filter(
            Exists(Enrolment.objects.filter(_in("enrolled_at", start, end), user=user))
            | Exists(
                LessonCompletion.objects.filter(
                    _in("completed_at", start, end), enrolment__user=user
                )
            )
            | Exists(
                QuizAttempt.objects.filter(_in("submitted_at", start, end), enrolment__user=user)
            )
            | attended
        )
    raise ValueError(metric)


PEOPLE = [
    Metric.TRAINED,
    Metric.REGISTERED,
    Metric.ACTIVE,
    Metric.ATTENDEES,
    Metric.OFFICIALS,
]


class Cells:
    """Figures of one period being gathered: (metric, dimension, key) -> value."""

    def __init__(self):
        self.values: dict[tuple[str, str, str], int] = {}

    def add(self, metric, dimension, key, value):
        if value:
            self.values[(str(metric), str(dimension), str(key or ""))] = int(value)

    def add_counts(self, metric, dimension, rows):
        for key, value in rows:
            if key not in (None, ""):
                self.add(metric, dimension, key, value)


def _country_statuses() -> dict[str, tuple[str, str]]:
    """Country code -> (M49 region, pricing group), for deriving breakdowns from countries."""
    statuses = {}
    for status in CountryStatus.objects.all():
        group = status.group
        statuses[str(status.country)] = (status.region, str(group) if group else "")
    return statuses


def _derive_from_countries(cells: Cells, metric, by_country: Counter, statuses) -> None:
    regions, groups = Counter(), Counter()
    for country, value in by_country.items():
        region, group = statuses.get(country, ("", ""))
        regions[region or "unknown"] += value
        groups[group or "unclassified"] += value
    cells.add_counts(metric, Dimension.REGION, regions.items())
    cells.add_counts(metric, Dimension.GROUP, groups.items())


def _people_figures(cells: Cells, metric, start, end, statuses) -> None:
    # One query: the people counted, grouped by every field they are broken down by. Each person
    # is in exactly one group, so the total and each breakdown are exact sums of the groups (and
    # the costly EXISTS filters run once, not once per breakdown).
    rows = (
        people(metric, start, end)
        .values_list("country", "gender", "disability", "age_band")
        .annotate(n=Count("pk"))
    )
    total, by_country, by_gender, by_disability, bands = 0, Counter(), Counter(), Counter(), {}
    for country, gender, disability, age_band, n in rows:
        total += n
        by_country[country] += n
        by_gender[gender] += n
        by_disability[disability] += n
        bands[age_band] = bands.get(age_band, 0) + n
    by_country.pop("", None)  # no answer: in the total only
    cells.add(metric, Dimension.TOTAL, "", total)
    cells.add_counts(metric, Dimension.COUNTRY, by_country.items())
    _derive_from_countries(cells, metric, by_country, statuses)
    cells.add_counts(metric, Dimension.GENDER, by_gender.items())
    cells.add_counts(metric, Dimension.DISABILITY, by_disability.items())
    cells.add(metric, Dimension.YOUTH, "youth", sum(bands.get(b, 0) for b in YOUTH_BANDS))
    cells.add(metric, Dimension.YOUTH, "adult", sum(bands.get(b, 0) for b in ADULT_BANDS))


COURSE_DIMENSIONS = {
    Dimension.LANGUAGE: "version__language",
    Dimension.TOPIC: "version__course__topic__slug",
    Dimension.COURSE: "version__course__slug",
    Dimension.CONTRIBUTOR: "version__course__organisation__slug",
}


def _enrolment_figures(cells: Cells, metric, queryset, statuses) -> None:
    cells.add(metric, Dimension.TOTAL, "", queryset.count())
    for dimension, field in COURSE_DIMENSIONS.items():
        cells.add_counts(metric, dimension, queryset.values_list(field).annotate(n=Count("pk")))
    by_country = Counter(
        dict(
            queryset.exclude(user__country="").values_list("user__country").annotate(n=Count("pk"))
        )
    )
    cells.add_counts(metric, Dimension.COUNTRY, by_country.items())
    _derive_from_countries(cells, metric, by_country, statuses)
    rows = (
        queryset.exclude(user__country="")
        .values_list("version__course__organisation__slug", "user__country")
        .annotate(n=Count("pk"))
    )
    cells.add_counts(
        metric, Dimension.CONTRIBUTOR_COUNTRY, ((f"{org}|{c}", n) for org, c, n in rows if org)
    )


def _certificate_figures(cells: Cells, start, end) -> None:
    issued = Certificate.objects.filter(
        _in("issued_at", start, end), revoked_at=None, user__is_staff=False
    )
    for metric, kind in (
        (Metric.CERTIFICATES_FREE, Certificate.Kind.COMPLETION),
        (Metric.CERTIFICATES_PAID, Certificate.Kind.ADVANCED),
    ):
        queryset = issued.filter(kind=kind)
        cells.add(metric, Dimension.TOTAL, "", queryset.count())
        cells.add_counts(
            metric,
            Dimension.CONTRIBUTOR,
            queryset.values_list("issuer__slug").annotate(n=Count("pk")),
        )
        cells.add_counts(
            metric, Dimension.COURSE, queryset.values_list("course__slug").annotate(n=Count("pk"))
        )


def _attendee_contributors(cells: Cells, start, end) -> None:
    rows = (
        _attended(start, end)
        .filter(user__is_staff=False)
        .exclude(session__organisation=None)
        .values_list("session__organisation__slug")
        .annotate(n=Count("user", distinct=True))
    )
    cells.add_counts(Metric.ATTENDEES, Dimension.CONTRIBUTOR, rows)


def downloads_record(day: date) -> None:
    """Write today's running totals of library downloads, overall and per contributor."""
    rows = (
        Material.objects.exclude(organisation=None)
        .values_list("organisation__slug")
        .annotate(total=Sum("download_count"))
    )
    totals = {slug: total or 0 for slug, total in rows}
    totals[""] = Material.objects.aggregate(total=Sum("download_count"))["total"] or 0
    with transaction.atomic():
        DownloadCount.objects.filter(day=day).delete()
        DownloadCount.objects.bulk_create(
            DownloadCount(day=day, organisation=org, total=total) for org, total in totals.items()
        )


def _download_figures(cells: Cells, start, end) -> None:
    """A period's downloads: the running total at its end less the one before it began."""

    def totals_on_or_before(day):
        if day is None:
            return {}
        latest = (
            DownloadCount.objects.filter(day__lte=day)
            .order_by("-day")
            .values_list("day", flat=True)
        ).first()
        if latest is None:
            return {}
        return dict(DownloadCount.objects.filter(day=latest).values_list("organisation", "total"))

    before = totals_on_or_before(start.date() - timedelta(days=1) if start else None)
    after = totals_on_or_before((end.date() - timedelta(days=1)) if end else timezone.now().date())
    for org, total in after.items():
        value = max(total - before.get(org, 0), 0)
        if org:
            cells.add(Metric.DOWNLOADS, Dimension.CONTRIBUTOR, org, value)
        else:
            cells.add(Metric.DOWNLOADS, Dimension.TOTAL, "", value)


def period_figures(period: str, statuses=None) -> dict[tuple[str, str, str], int]:
    """Every figure of one period, exactly, as {(metric, dimension, key): value}."""
    start, end = periods.bounds(period)
    statuses = statuses if statuses is not None else _country_statuses()
    cells = Cells()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Compiling these aggregates just in time took half of each one's time with 100,000
            # learners and saved nothing (bench/impact_snapshot.py): off, for this transaction.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        for metric in PEOPLE:
            _people_figures(cells, metric, start, end, statuses)
        enrolments = Enrolment.objects.filter(user__is_staff=False)
        _enrolment_figures(
            cells, Metric.ENROLMENTS, enrolments.filter(_in("enrolled_at", start, end)), statuses
        )
        _enrolment_figures(
            cells,
            Metric.COMPLETIONS,
            enrolments.filter(_in("completed_at", start, end)).exclude(completed_at=None),
            statuses,
        )
        _certificate_figures(cells, start, end)
        _attendee_contributors(cells, start, end)
        _download_figures(cells, start, end)
    return cells.values


def period_store(period: str, values: dict, now=None) -> int:
    """Replace one period's figures at once: readers see the old set or the new, never half."""
    now = now or timezone.now()
    with transaction.atomic():
        Figure.objects.filter(period=period).delete()
        Figure.objects.bulk_create(
            (
                Figure(period=period, metric=m, dimension=d, key=k, value=v, computed_at=now)
                for (m, d, k), v in values.items()
            ),
            batch_size=2000,
        )
    return len(values)


def periods_due(today: date) -> list[str]:
    """The periods a daily run refreshes: today's and yesterday's month and year, and all time
    (yesterday's, so that a month or year is closed with its last day's figures)."""
    yesterday = today - timedelta(days=1)
    due = [periods.month_of(yesterday), periods.month_of(today)]
    due += [periods.year_of(yesterday), periods.year_of(today), periods.ALL]
    return list(dict.fromkeys(due))


def periods_all(today: date) -> list[str]:
    """Every period since the first account was made: for a rebuild."""
    first = _learners().order_by("date_joined").values_list("date_joined", flat=True).first()
    first_day = first.date() if first else today
    months = periods.months_between(first_day, today)
    years = [str(year) for year in range(first_day.year, today.year + 1)]
    return [*months, *years, periods.ALL]


def snapshot_run(*, today: date | None = None, rebuild: bool = False) -> SnapshotRun:
    """Record today's download totals and recompute the periods due (every period on rebuild)."""
    today = today or timezone.now().date()
    run = SnapshotRun.objects.create(started_at=timezone.now())
    downloads_record(today)
    due = periods_all(today) if rebuild else periods_due(today)
    statuses = _country_statuses()
    written = 0
    for period in due:
        written += period_store(period, period_figures(period, statuses))
    run.finished_at = timezone.now()
    run.periods = due
    run.figures = written
    run.save(update_fields=["finished_at", "periods", "figures"])
    log.info("Impact snapshot: %s periods, %s figures", len(due), written)
    return run


def figures_of(period: str) -> dict[str, dict[str, dict[str, int]]]:
    """All figures of a period as {metric: {dimension: {key: value}}} (for tests and CSV)."""
    result: dict = defaultdict(lambda: defaultdict(dict))
    for metric, dimension, key, value in Figure.objects.filter(period=period).values_list(
        "metric", "dimension", "key", "value"
    ):
        result[metric][dimension][key] = value
    return result
