"""The impact report: staff's full report, its CSV files, and the public page.

Every page reads the snapshot's figures (``impact.selectors``) in a fixed number of queries;
the tables are built here once and drawn by the page and the CSV alike, so both show the same
cells ("fewer than 5" on the page is "<5" in the file).
"""

import csv
from dataclasses import dataclass, field
from datetime import date
from functools import wraps

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_countries import countries

from alliance.accounts.models import User
from alliance.core.models import IncomeGroup, PricingGroup
from impact import periods, selectors
from impact.charts import Bar, bar_chart
from impact.definitions import (
    DEFINITIONS,
    DEMOGRAPHIC_DIMENSIONS,
    SMALL_CELL,
    YOUTH_KEYS,
    Dimension,
    Metric,
)

# Long tables show this many rows, with a link to all of them.
TOP_ROWS = 20
TREND_METRICS = [Metric.TRAINED, Metric.REGISTERED, Metric.ENROLMENTS, Metric.COMPLETIONS]


# --- Who may see what --------------------------------------------------------------------------


def staff_only(view):
    """Staff only, once they have an authenticator app (as for the administration): anyone
    else signed in is refused, and a visitor is asked to sign in."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user.is_staff:
            raise PermissionDenied(
                _("The full impact report is for staff. The public figures are on the public page.")
            )
        if (
            settings.STAFF_MFA_REQUIRED
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.warning(
                request,
                _("Staff must set up an authenticator app before using the administration."),
            )
            return redirect("mfa_activate_totp")
        return view(request, *args, **kwargs)

    return wrapper


# --- Periods -----------------------------------------------------------------------------------


class BadRequest(Exception):
    """Input the page cannot answer: shown as a 400 page with this message."""


def period_label(period: str) -> str:
    if period == periods.ALL:
        return _("All time")
    if len(period) == 7:
        return date_format(date(int(period[:4]), int(period[5:]), 1), "YEAR_MONTH_FORMAT")
    return period


def _period(request, *, public: bool) -> tuple[str, list[str]]:
    """The period asked for (the current year by default) and the periods one may choose."""
    available = selectors.periods_available()
    if public:
        available = [p for p in available if len(p) != 7]
    default = selectors.period_default()
    period = request.GET.get("period") or default
    if not periods.is_valid(period) or (public and len(period) == 7):
        if public:
            message = _("“%(period)s” is not a period. Choose a year, such as 2026, or “all”.")
        else:
            message = _(
                "“%(period)s” is not a period. Choose a month (such as 2026-11), a year "
                "(such as 2026) or “all”."
            )
        raise BadRequest(message % {"period": period[:20]})
    if period not in available and period != default:
        raise BadRequest(
            _("There are no figures for %(period)s.") % {"period": period_label(period)}
        )
    return period, available if period in available else [period, *available]


def _trend_year(period: str) -> str:
    return period[:4] if period != periods.ALL else selectors.period_default()


# --- Tables ------------------------------------------------------------------------------------


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


def _target(period: str) -> dict:
    """The year's target, with the number trained hidden like any other small cell."""
    target = selectors.target(period=period)
    trained = selectors.cell(Metric.TRAINED, target["trained"])
    goal = target["target"]
    shown = trained.shown or 0
    return {
        **target,
        "cell": trained,
        "shown": min(shown, goal),
        "goal": f"{goal:,}",
        "definition": DEFINITIONS[Metric.TRAINED],
    }


def _safe_cell(value):
    """Keep a spreadsheet from running a label as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


# --- Pages -------------------------------------------------------------------------------------


def _bad_request(request, error: BadRequest, *, public: bool):
    back = reverse("impact:public" if public else "impact:dashboard")
    context = {"message": str(error), "back": back}
    return render(request, "impact/bad_request.html", context, status=400)


def _show_all(request, tables: list[Table]) -> str:
    """Which long table to show in full (``?all=<table>``); the others show their top rows."""
    wanted = request.GET.get("all", "")
    if wanted and wanted not in {t.slug for t in tables if t.long}:
        raise BadRequest(_("There is no long table called “%(table)s”.") % {"table": wanted[:40]})
    for table in tables:
        if table.long and table.slug != wanted:
            table.rows = table.rows[:TOP_ROWS]
    return wanted


def _report(period: str, choices: list[str]) -> dict:
    """What the staff page and the public page both show."""
    year = _trend_year(period)
    return {
        "period": period,
        "period_choices": [(p, period_label(p)) for p in choices],
        "period_name": period_label(period),
        "last_run": selectors.last_run(),
        "small_cell": SMALL_CELL,
        "headlines": headline_table(period),
        "target": _target(period),
        "trends": trend_tables(year),
        "trend_year": year,
    }


@never_cache
@staff_only
@require_safe
def dashboard(request):
    try:
        period, choices = _period(request, public=False)
        tables = breakdown_tables(period, STAFF_BREAKDOWNS)
        shown_all = _show_all(request, tables)
    except BadRequest as error:
        return _bad_request(request, error, public=False)
    by_slug = {table.slug: table for table in tables}

    def pick(*slugs):
        return [by_slug[slug] for slug in slugs]

    return render(
        request,
        "impact/dashboard.html",
        {
            **_report(period, choices),
            "people": pick("trained-country", "trained-region", "trained-group"),
            "demographics": pick("trained-gender", "trained-youth", "trained-disability"),
            "courses": pick("courses-language", "courses-topic", "courses-course"),
            "contributors": pick(
                "courses-contributor",
                "certificates-contributor",
                "attendees-contributor",
                "downloads-contributor",
            ),
            "shown_all": shown_all,
            "top_rows": TOP_ROWS,
            "csv": True,
        },
    )


def csv_table(period: str, slug: str) -> Table:
    """One table of the staff report, every row, or Http404."""
    if slug == "headlines":
        return headline_table(period)
    if slug.startswith("trend-") and slug.removeprefix("trend-") in TREND_METRICS:
        return next(t for t in trend_tables(_trend_year(period)) if t.slug == slug)
    specs = [spec for spec in STAFF_BREAKDOWNS if spec.slug == slug]
    if not specs:
        raise Http404(_("There is no such table."))
    return breakdown_tables(period, specs)[0]


@never_cache
@staff_only
@require_safe
def dashboard_csv(request, table):
    try:
        period, _choices = _period(request, public=False)
    except BadRequest as error:
        return _bad_request(request, error, public=False)
    found = csv_table(period, table)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="impact-{found.slug}-{period}.csv"'
    response.write("\ufeff")  # the byte-order mark spreadsheets need to read the file as UTF-8
    csv.writer(response).writerows(found.csv_rows())
    return response


@require_safe
def public(request):
    """Anyone's page: headline figures, the target, the trends and where people are trained;
    nothing demographic and nothing per country or course. Shared caches may keep it an hour."""
    try:
        period, choices = _period(request, public=True)
    except BadRequest as error:
        return _bad_request(request, error, public=True)
    response = render(
        request,
        "impact/public.html",
        {**_report(period, choices), "people": breakdown_tables(period, PUBLIC_BREAKDOWNS)},
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response
