"""Contributor pages that draw on several apps: an organisation's public page, and the dashboard
of figures its members see (with a CSV of the same tables).

This module sits at the top, like alliance/views.py: it may import any app, and no app imports it.
Every page runs a fixed number of queries, whatever the number of courses, learners or materials.
"""

import csv
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_countries import countries

from contributors.models import Organisation
from contributors.selectors import organisation_for_member, organisation_public
from courses.models import Course, CourseVersion
from courses.selectors import course_catalogue
from library.models import LibraryPage, Material
from library.selectors import published_materials

MATERIALS_SHOWN = 20
TOP_MATERIALS = 10
# A country with fewer learners than this is folded into "Other", so no one can be singled out.
SMALLEST_COUNTRY_GROUP = 5


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


@dataclass
class Dashboard:
    """Aggregate figures only: nothing in it names or identifies a learner."""

    organisation: Organisation
    courses: list[Course]  # annotated with version_title, learners and completed
    enrolled_total: int
    completed_total: int
    learners_total: int  # distinct people across all the courses
    material_count: int
    views_total: int
    downloads_total: int
    top_materials: list[Material]
    countries: list[tuple[str, int]]  # (country name, learners), "Other" last


def _course_figures(*, organisation: Organisation, language: str) -> QuerySet[Course]:
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
    completed = Q(versions__enrolments__completed_at__isnull=False)
    return (
        Course.objects.filter(organisation=organisation)
        .annotate(
            version_title=Coalesce(Subquery(title), F("slug"), output_field=CharField()),
            learners=Count("versions__enrolments__user", distinct=True),
            completed=Count("versions__enrolments__user", filter=completed, distinct=True),
        )
        .order_by("-learners", "version_title", "pk")
    )


def _country_figures(*, organisation: Organisation) -> list[tuple[str, int]]:
    """Learners per country, largest first; the countries of fewer than SMALLEST_COUNTRY_GROUP
    learners are added up into one "Other" row."""
    rows = (
        get_user_model()
        .objects.filter(enrolments__version__course__organisation=organisation)
        .order_by()
        .values_list("country")
        .annotate(learners=Count("pk", distinct=True))
    )
    shown, other = [], 0
    for code, learners in rows:
        if learners < SMALLEST_COUNTRY_GROUP:
            other += learners
        else:
            shown.append((countries.name(code) if code else _("Not given"), learners))
    shown.sort(key=lambda row: (-row[1], row[0]))
    if other:
        label = _("Other (fewer than %(number)s each)") % {"number": SMALLEST_COUNTRY_GROUP}
        shown.append((label, other))
    return shown


def partner_dashboard(*, organisation: Organisation, language: str) -> Dashboard:
    """The figures of one organisation's courses and materials. Four queries."""
    courses = list(_course_figures(organisation=organisation, language=language))
    materials = Material.objects.filter(organisation=organisation)
    sums = materials.order_by().aggregate(
        count=Count("pk"),
        views=Coalesce(Sum("view_count"), 0),
        downloads=Coalesce(Sum("download_count"), 0),
    )
    top = materials.only("slug", "title", "status", "view_count", "download_count").order_by(
        "-view_count", "-download_count", "title", "pk"
    )[:TOP_MATERIALS]
    country_rows = _country_figures(organisation=organisation)
    return Dashboard(
        organisation=organisation,
        courses=courses,
        enrolled_total=sum(course.learners for course in courses),
        completed_total=sum(course.completed for course in courses),
        learners_total=sum(learners for _label, learners in country_rows),
        material_count=sums["count"],
        views_total=sums["views"],
        downloads_total=sums["downloads"],
        top_materials=list(top),
        countries=country_rows,
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
    figures = None
    if organisation is not None:
        figures = partner_dashboard(organisation=organisation, language=get_language())
    return render(
        request,
        "partners/dashboard.html",
        {
            "dashboard": figures,
            "organisation": organisation,
            "organisation_choices": choices,
            "smallest_group": SMALLEST_COUNTRY_GROUP,
            "top_materials": TOP_MATERIALS,
        },
    )


def _safe_cell(value):
    """Keep a spreadsheet from running a title as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def dashboard_csv_rows(figures: Dashboard) -> list[list]:
    """The dashboard's tables one after the other, each under its own title, with a blank row
    between them: the same rows, in the same order, as on the page."""
    rows = [
        [_("Courses")],
        [_("Course"), _("Learners enrolled"), _("Learners who completed")],
        *([course.version_title, course.learners, course.completed] for course in figures.courses),
        [_("All courses"), figures.enrolled_total, figures.completed_total],
        [],
        [_("Materials")],
        [_("Material"), _("Views"), _("Downloads")],
        *([m.title, m.view_count, m.download_count] for m in figures.top_materials),
        [
            _("All materials (%(count)s)") % {"count": figures.material_count},
            figures.views_total,
            figures.downloads_total,
        ],
        [],
        [_("Countries reached")],
        [_("Country"), _("Learners")],
        *([label, learners] for label, learners in figures.countries),
        [_("All countries"), figures.learners_total],
    ]
    return [[_safe_cell(cell) for cell in row] for row in rows]


@never_cache
@login_required
@require_GET
def dashboard_csv(request):
    organisation = _dashboard_organisation(request)
    if organisation is None:
        return redirect("contributors_public:dashboard")
    figures = partner_dashboard(organisation=organisation, language=get_language())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"alliance-{organisation.slug}-dashboard.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # the byte-order mark spreadsheets need to read the file as UTF-8
    csv.writer(response).writerows(dashboard_csv_rows(figures))
    return response
