"""The impact report's pages: staff's full report, its CSV files, and the public page.

Each reads the period asked for, then draws the tables built in ``impact.views.tables``.
"""

import csv
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from alliance.accounts.mfa import mfa_setup_redirect, staff_mfa_missing
from impact import periods, selectors
from impact.definitions import DEFINITIONS, SMALL_CELL, Metric
from impact.views.tables import (
    PUBLIC_BREAKDOWNS,
    STAFF_BREAKDOWNS,
    TREND_METRICS,
    Table,
    breakdown_tables,
    headline_table,
    period_label,
    trend_tables,
)

# Long tables show this many rows, with a link to all of them.
TOP_ROWS = 20


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
        if staff_mfa_missing(user):
            return mfa_setup_redirect(request)
        return view(request, *args, **kwargs)

    return wrapper


# --- Periods -----------------------------------------------------------------------------------


class BadRequest(Exception):
    """Input the page cannot answer: shown as a 400 page with this message."""


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
        {
            **_report(period, choices),
            "people": breakdown_tables(period, PUBLIC_BREAKDOWNS),
        },
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response
