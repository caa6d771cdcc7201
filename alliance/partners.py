"""Contributor pages that draw on several apps: an organisation's public page, and the dashboard
of figures its members see (with a CSV of the same tables).

This module sits at the top, like alliance/views.py: it may import any app, and no app imports it.
The dashboard reads the impact report's figures (impact.selectors), so a contributor sees the
same numbers as staff on /impact/, limited to its own courses, sessions and materials, with the
same small cells hidden. Every page runs a fixed number of queries, whatever the number of
courses, learners or materials.
"""

import csv
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from contributors.models import Organisation
from contributors.selectors import organisation_for_member, organisation_public
from courses.models import Course, CourseVersion
from courses.selectors import course_catalogue
from impact import periods
from impact import selectors as impact_selectors
from impact.definitions import DEFINITIONS, SMALL_CELL, Dimension, Metric
from impact.models import Figure
from impact.selectors import Cell, Row
from impact.views.tables import period_label
from library.models import LibraryPage, Material
from library.selectors import published_materials

MATERIALS_SHOWN = 20
TOP_MATERIALS = 10


# The organisation page --------------------------------------------------------------------------


@dataclass
class OrganisationPage:
    organisation: Organisation
    courses: list[CourseVersion]
    materials: list[Material]
    more_materials: bool
    library_pages: list[LibraryPage]


def organisation_page(*, slug: str, language: str) -> OrganisationPage:
    """An organisation with what it has published: one version per course (chosen as the course
    catalogue chooses), its newest materials and its library pages. Four queries."""
    organisation = organisation_public(slug=slug)
    courses = course_catalogue(user=None, display_language=language).filter(
        course__organisation=organisation
    )
    materials = list(
        published_materials()
        .filter(organisation=organisation)
        .select_related("topic")
        .order_by("-published_at", "-pk")[: MATERIALS_SHOWN + 1]
    )
    pages = LibraryPage.objects.filter(organisation=organisation, is_published=True)
    return OrganisationPage(
        organisation=organisation,
        courses=list(courses),
        materials=materials[:MATERIALS_SHOWN],
        more_materials=len(materials) > MATERIALS_SHOWN,
        library_pages=list(pages.order_by("title")),
    )


@require_GET
def organisation(request, slug):
    try:
        page = organisation_page(slug=slug, language=get_language())
    except Organisation.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "partners/organisation.html",
        {"page": page, "organisation": page.organisation, "materials_shown": MATERIALS_SHOWN},
    )


# The member dashboard ---------------------------------------------------------------------------

# The impact report's figures shown for each course, in the order of the table's columns.
COURSE_METRICS = [Metric.ENROLMENTS, Metric.COMPLETIONS, Metric.CERTIFICATES_FREE]


class BadPeriod(ValueError):
    """A period the dashboard cannot show; its message says what to ask for instead."""


@dataclass
class CourseRow:
    course: Course  # annotated with version_title
    enrolments: Cell
    completions: Cell
    certificates: Cell


@dataclass
class Dashboard:
    """The impact report's figures for one organisation, small cells hidden: nothing in it
    names or identifies a learner."""

    organisation: Organisation
    period: str
    figures: dict[str, Cell]  # metric -> cell, as impact.selectors.contributor_figures
    courses: list[CourseRow]
    countries: list[Row]  # enrolments by the learners' country, largest first
    material_count: int
    views_total: int
    downloads_total: int
    top_materials: list[Material]

    @property
    def period_label(self) -> str:
        return period_label(self.period)

    @property
    def headlines(self) -> list[tuple[str, Cell, str]]:
        """(label, cell, what it counts) for each figure, as the page and the CSV show them."""
        return [
            (Metric(metric).label, shown, DEFINITIONS[metric])
            for metric, shown in self.figures.items()
        ]


def dashboard_period(asked: str | None) -> tuple[str, list[tuple[str, str]]]:
    """The period asked for (this year by default) and the choices offered: every year with
    figures, and all time. One query. Raises BadPeriod for anything that is not a period."""
    default = impact_selectors.period_default()
    period = asked or default
    if not periods.is_valid(period):
        raise BadPeriod(
            _("“%(period)s” is not a period. Choose a year, such as 2026, or “all”.")
            % {"period": period[:20]}
        )
    available = impact_selectors.periods_available()
    choices = [p for p in available if p != periods.ALL and len(p) == 4]
    for wanted in (default, period):
        if wanted != periods.ALL and wanted not in choices:
            choices.append(wanted)
    choices = [*sorted(choices, reverse=True), periods.ALL]
    return period, [(p, period_label(p)) for p in choices]


def _courses_with_titles(*, organisation: Organisation, language: str) -> QuerySet[Course]:
    """The organisation's courses, each with its title in the reader's language (else in its
    first language, else its slug)."""
    title = (
        CourseVersion.objects.filter(course=OuterRef("pk"))
        .order_by(
            Case(
                When(language=language, then=Value(0)),
                When(language=F("course__primary_language"), then=Value(1)),
                default=Value(2),
            ),
            "pk",
        )
        .values("title")[:1]
    )
    return (
        Course.objects.filter(organisation=organisation)
        .only("slug", "status")
        .annotate(version_title=Coalesce(Subquery(title), F("slug"), output_field=CharField()))
    )


def _course_rows(*, organisation: Organisation, language: str, period: str) -> list[CourseRow]:
    """Each course's figures of the period, from the impact report: two queries."""
    courses = list(_courses_with_titles(organisation=organisation, language=language))
    values = {
        (metric, key): value
        for metric, key, value in Figure.objects.filter(
            period=period,
            dimension=Dimension.COURSE,
            metric__in=COURSE_METRICS,
            key__in=[course.slug for course in courses],
        ).values_list("metric", "key", "value")
    }
    rows = [
        CourseRow(
            course,
            *(impact_selectors.cell(m, values.get((m, course.slug), 0)) for m in COURSE_METRICS),
        )
        for course in courses
    ]
    # Hidden cells sort as zero, so the order gives away nothing the page hides.
    return sorted(rows, key=lambda r: (-r.enrolments.value, r.course.version_title, r.course.pk))


def partner_dashboard(*, organisation: Organisation, language: str, period: str) -> Dashboard:
    """The figures of one organisation's courses, sessions and materials for a period, from the
    impact report's snapshot (the same figures as /impact/), with its library material as
    counted so far. Six queries."""
    materials = Material.objects.filter(organisation=organisation)
    sums = materials.order_by().aggregate(
        count=Count("pk"),
        views=Coalesce(Sum("view_count"), 0),
        downloads=Coalesce(Sum("download_count"), 0),
    )
    top = materials.only("slug", "title", "status", "view_count", "download_count").order_by(
        "-view_count", "-download_count", "title", "pk"
    )[:TOP_MATERIALS]
    slug = organisation.slug
    return Dashboard(
        organisation=organisation,
        period=period,
        figures=impact_selectors.contributor_figures(organisation_slug=slug, period=period),
        courses=_course_rows(organisation=organisation, language=language, period=period),
        countries=impact_selectors.contributor_countries(organisation_slug=slug, period=period),
        material_count=sums["count"],
        views_total=sums["views"],
        downloads_total=sums["downloads"],
        top_materials=list(top),
    )


def _dashboard_organisation(request) -> Organisation | None:
    """Members see their own organisation; staff may look at any one with ?organisation=<slug>
    (None until they choose). Anyone else is refused. Members who are not staff cannot pass
    ?organisation=: it is ignored."""
    slug = request.GET.get("organisation", "")
    if request.user.is_staff and slug:
        return get_object_or_404(Organisation, slug=slug)
    organisation = organisation_for_member(user=request.user)
    if organisation is None and not request.user.is_staff:
        raise PermissionDenied(
            _("The dashboard is for people who work for a contributor organisation.")
        )
    return organisation


@never_cache
@login_required
@require_GET
def dashboard(request):
    organisation = _dashboard_organisation(request)
    choices = list(Organisation.objects.only("name", "slug")) if request.user.is_staff else []
    context = {
        "dashboard": None,
        "organisation": organisation,
        "organisation_choices": choices,
        "small_cell": SMALL_CELL,
        "top_materials": TOP_MATERIALS,
    }
    try:
        period, period_choices = dashboard_period(request.GET.get("period"))
    except BadPeriod as error:
        context["period_error"] = str(error)
        return render(request, "partners/dashboard.html", context, status=400)
    context.update(period=period, period_choices=period_choices, last_run=None)
    if organisation is not None:
        context["dashboard"] = partner_dashboard(
            organisation=organisation, language=get_language(), period=period
        )
        context["last_run"] = impact_selectors.last_run()
    return render(request, "partners/dashboard.html", context)


def _safe_cell(value):
    """Keep a spreadsheet from running a title as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv(value):
    return value.csv if isinstance(value, Cell) else value


def dashboard_csv_rows(figures: Dashboard) -> list[list]:
    """The dashboard's tables one after the other, each under its own title, with a blank row
    between them: the same rows, in the same order, as on the page ("fewer than 5" is "<5")."""
    totals = figures.figures
    rows = [
        [_("Figures: %(period)s") % {"period": figures.period_label}],
        [_("Figure"), _("Number"), _("What it counts")],
        *([label, shown, definition] for label, shown, definition in figures.headlines),
        [],
        [_("Courses")],
        [_("Course"), _("Enrolments"), _("Completions"), _("Certificates of completion")],
        *(
            [row.course.version_title, row.enrolments, row.completions, row.certificates]
            for row in figures.courses
        ),
        [
            _("All courses"),
            totals[Metric.ENROLMENTS],
            totals[Metric.COMPLETIONS],
            totals[Metric.CERTIFICATES_FREE],
        ],
        [],
        [_("Countries reached")],
        [_("Country"), _("Enrolments")],
        *([row.label, row.cell] for row in figures.countries),
        [],
        [_("Materials")],
        [_("Material"), _("Views"), _("Downloads")],
        *([m.title, m.view_count, m.download_count] for m in figures.top_materials),
        [
            _("All materials (%(count)s)") % {"count": figures.material_count},
            figures.views_total,
            figures.downloads_total,
        ],
    ]
    return [[_safe_cell(str(_csv(cell))) for cell in row] for row in rows]


@never_cache
@login_required
@require_GET
def dashboard_csv(request):
    organisation = _dashboard_organisation(request)
    if organisation is None:
        return redirect("contributors_public:dashboard")
    try:
        period, _choices = dashboard_period(request.GET.get("period"))
    except BadPeriod as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    figures = partner_dashboard(organisation=organisation, language=get_language(), period=period)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"alliance-{organisation.slug}-dashboard-{period}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # the byte-order mark spreadsheets need to read the file as UTF-8
    csv.writer(response).writerows(dashboard_csv_rows(figures))
    return response
