"""The member dashboard: the impact report's figures for an organisation's own courses, sessions
and materials, small cells hidden as on /impact/, with a CSV of the same tables.

The cast comes from conftest.py: Alice works for the Acacia Institute, Charlie for the Baobab
Lab (he must never see Acacia's figures), Dana for no one; Eve is staff.
"""

import codecs
import csv
import io
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certification.models import Certificate
from courses.models import Enrolment, Status
from impact import snapshot
from impact.definitions import Dimension, Metric
from impact.models import Figure
from tests.courses.factories import CourseVersionFactory, build_course
from tests.factories import UserFactory
from tests.library.factories import MaterialFactory
from tests.workshops.factories import BookingFactory, SessionFactory

DASHBOARD = "/contributors/dashboard/"
CSV = "/contributors/dashboard.csv"


def enrol(users, version, *, completed=()):
    for user in users:
        Enrolment.objects.create(
            user=user,
            version=version,
            completed_at=timezone.now() if user in completed else None,
            progress_percent=100 if user in completed else 10,
        )


def learners(prefix, count, country):
    return [
        UserFactory(
            email=f"{prefix}{n}@example.org", display_name=f"{prefix.title()} {n}", country=country
        )
        for n in range(count)
    ]


def this_year():
    return str(timezone.now().year)


@pytest.fixture
def known_figures(acacia, baobab, alice, charlie):
    """A data set whose every figure is worked out by hand in the tests below, computed by the
    impact snapshot as the daily task does.

    Course A (English and French): Kenyans K0-K5 in English, K0-K1 in French too; K0 and K2
    finish in English, K0 and K1 in French; Peruvian P0 enrols in English; K0 and K2 get a
    certificate of completion.
      -> 9 enrolments, 4 completions, 2 certificates.
    Course B: K0, K1, Ghanaians G0-G2 and N0 (no country); K0 and G0 finish.
      -> 6 enrolments, 2 completions.
    Course C: a draft nobody has taken. -> 0, 0, 0.
    All courses: 15 enrolments, 6 completions, 2 certificates.
    Enrolments by country: Kenya 10, Ghana 3, Peru 1 (N0 gave none).
    Acacia's webinar: K0-K5 present, P0 absent -> 6 attendees.
    Acacia's materials have been downloaded 66 times so far.
    Baobab's course: Brazilians B0-B4, none of them in Acacia's figures.
    """
    kenyans = learners("kenyan", 6, "KE")
    ghanaians = learners("ghanaian", 3, "GH")
    (peruvian,) = learners("peruvian", 1, "PE")
    (nowhere,) = learners("nowhere", 1, "")
    brazilians = learners("brazilian", 5, "BR")

    a_en = build_course(organisation=acacia, title="Acacia course A", slug="course-a")
    a_fr = CourseVersionFactory(course=a_en.course, language="fr", title="Acacia cours A")
    b = build_course(organisation=acacia, title="Acacia course B", slug="course-b")
    build_course(organisation=acacia, title="Acacia course C", slug="course-c", status=Status.DRAFT)
    baobab_course = build_course(organisation=baobab, title="Baobab course")

    enrol([*kenyans, peruvian], a_en, completed=[kenyans[0], kenyans[2]])
    enrol(kenyans[:2], a_fr, completed=kenyans[:2])
    enrol([*kenyans[:2], *ghanaians, nowhere], b, completed=[kenyans[0], ghanaians[0]])
    enrol(brazilians, baobab_course, completed=brazilians[:1])
    for kenyan in (kenyans[0], kenyans[2]):
        Certificate.objects.create(
            kind=Certificate.Kind.COMPLETION,
            user=kenyan,
            course=a_en.course,
            learner_name=kenyan.display_name,
            title="Acacia course A",
            issuer_name=acacia.name,
            issuer=acacia,
        )

    starts = timezone.now() - timedelta(minutes=90)
    webinar = SessionFactory(
        organisation=acacia,
        starts_at=starts,
        registration_opens_at=starts - timedelta(days=7),
        title="Acacia webinar",
    )
    for kenyan in kenyans:
        BookingFactory(session=webinar, user=kenyan, attended=True)
    BookingFactory(session=webinar, user=peruvian, attended=False)

    for number in range(12):  # views 120, 110 ... 10; downloads 0 ... 11
        MaterialFactory(
            organisation=acacia,
            title=f"Acacia material {number:02}",
            view_count=120 - 10 * number,
            download_count=number,
            draft=number == 11,
        )
    MaterialFactory(organisation=baobab, title="Baobab material", view_count=999)
    snapshot.snapshot_run()
    return {"learners": kenyans + ghanaians + [peruvian, nowhere], "brazilians": brazilians}


class Tables(HTMLParser):
    """The text of each table's rows, as a list of rows per table."""

    def __init__(self, html):
        super().__init__()
        self.tables, self.row, self.cell = [], None, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.row = []
        elif tag in ("th", "td"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr":
            self.tables[-1].append(self.row)

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def tables_on(response):
    return Tables(response.content.decode()).tables


def figures_on(response):
    """The figures table without its third column (what each figure counts)."""
    return [row[:2] for row in tables_on(response)[0]]


def csv_sections(response):
    """{section title: rows}, from a CSV of titled tables separated by blank rows."""
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    sections, current = {}, None
    for row in rows:
        if not row:
            current = None
        elif current is None:
            current = sections.setdefault(row[0], [])
        else:
            current.append(row)
    return sections


def as_in_csv(table):
    """A table of the page as the CSV writes it: "fewer than 5" is "<5", numbers bare."""

    def written(cell):
        if cell == "fewer than 5":
            return "<5"
        return cell.replace(",", "") if cell[:1].isdigit() else cell

    return [[written(cell) for cell in row] for row in table]


FIGURES = [
    ["Figure", "Number"],
    ["Course enrolments", "15"],
    ["Course completions", "6"],
    ["Certificates of completion issued", "fewer than 5"],
    ["Advanced certificates issued", "0"],
    ["Workshop and webinar attendees", "6"],
    ["Library downloads", "66"],
]
COURSES = [
    ["Course", "Enrolments", "Completions", "Certificates of completion"],
    ["Acacia course A", "9", "fewer than 5", "fewer than 5"],
    ["Acacia course B", "6", "fewer than 5", "0"],
    ["Acacia course C", "0", "0", "0"],
    ["All courses", "15", "6", "fewer than 5"],
]
COUNTRIES = [
    ["Country", "Enrolments"],
    ["Kenya", "10"],
    ["Ghana", "fewer than 5"],
    ["Peru", "fewer than 5"],
]
MATERIALS = [
    ["Material", "Views", "Downloads"],
    *[[f"Acacia material {n:02}", str(120 - 10 * n), str(n)] for n in range(10)],
    ["All materials (12)", "780", "66"],
]


def test_a_member_sees_every_figure_of_her_organisation(client, alice, known_figures):
    client.force_login(alice)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    tables = tables_on(response)
    assert figures_on(response) == FIGURES
    assert tables[1:] == [COURSES, COUNTRIES, MATERIALS]


def test_each_figure_says_what_it_counts(client, alice, known_figures):
    client.force_login(alice)

    figures = tables_on(client.get(DASHBOARD))[0]

    assert figures[1][2] == "Enrolments in a course version made in the period."


def test_the_figures_are_those_of_the_impact_report(client, alice, known_figures):
    enrolments = Figure.objects.get(
        period=this_year(),
        metric=Metric.ENROLMENTS,
        dimension=Dimension.CONTRIBUTOR,
        key="acacia-institute",
    )
    client.force_login(alice)

    assert enrolments.value == 15
    assert figures_on(client.get(DASHBOARD))[1] == ["Course enrolments", "15"]


def test_the_dashboard_says_when_the_figures_were_computed(client, alice, known_figures):
    client.force_login(alice)

    page = client.get(DASHBOARD).content.decode()

    assert "Figures as of <time datetime=" in page
    assert "They are refreshed daily." in page


def test_new_activity_shows_once_the_figures_are_computed_again(
    client, alice, acacia, known_figures
):
    course_b = acacia.courses.get(slug="course-b").versions.get()
    enrol(learners("newghanaian", 2, "GH"), course_b)
    client.force_login(alice)

    before = tables_on(client.get(DASHBOARD))[2]
    snapshot.snapshot_run()
    after = tables_on(client.get(DASHBOARD))[2]

    assert before == COUNTRIES
    assert after[1:] == [["Kenya", "10"], ["Ghana", "5"], ["Peru", "fewer than 5"]]


def test_the_course_title_is_in_the_readers_language(client, alice, known_figures):
    client.force_login(alice)
    client.cookies["django_language"] = "fr"

    courses = tables_on(client.get(DASHBOARD))[1]

    assert courses[1][0] == "Acacia cours A"


def test_a_country_with_fewer_than_five_enrolments_never_shows_its_number(
    client, alice, known_figures
):
    client.force_login(alice)

    countries = dict(tables_on(client.get(DASHBOARD))[2][1:])

    assert countries["Ghana"] == countries["Peru"] == "fewer than 5"
    assert "Not given" not in countries


def test_the_dashboard_names_no_learner(client, alice, known_figures):
    client.force_login(alice)

    page = client.get(DASHBOARD).content.decode() + client.get(CSV).content.decode()

    for learner in known_figures["learners"]:
        assert learner.email not in page
        assert learner.display_name not in page


def test_the_csv_holds_the_same_tables_as_the_page(client, alice, known_figures):
    client.force_login(alice)

    page = tables_on(client.get(DASHBOARD))
    response = client.get(CSV)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(codecs.BOM_UTF8)
    assert (
        f'filename="alliance-acacia-institute-dashboard-{this_year()}.csv"'
        in response["Content-Disposition"]
    )
    assert csv_sections(response) == {
        f"Figures: {this_year()}": as_in_csv(page[0]),
        "Courses": as_in_csv(page[1]),
        "Countries reached": as_in_csv(page[2]),
        "Materials": as_in_csv(page[3]),
    }
    assert csv_sections(response)["Courses"][1] == ["Acacia course A", "9", "<5", "<5"]


def test_a_title_that_looks_like_a_formula_stays_text_in_the_csv(client, alice, acacia):
    MaterialFactory(organisation=acacia, title='=HYPERLINK("https://evil.example")')
    client.force_login(alice)

    materials = csv_sections(client.get(CSV))["Materials"]

    assert materials[1][0] == '\'=HYPERLINK("https://evil.example")'


# Periods -----------------------------------------------------------------------------------------


def test_a_member_chooses_a_year_or_all_time(client, alice, acacia, known_figures):
    last_year = str(timezone.now().year - 1)
    june = timezone.now().replace(year=int(last_year), month=6, day=15)
    (old_learner,) = learners("lastyear", 1, "KE")
    type(old_learner).objects.filter(pk=old_learner.pk).update(date_joined=june)
    enrol([old_learner], acacia.courses.get(slug="course-b").versions.get())
    Enrolment.objects.filter(user=old_learner).update(enrolled_at=june)
    snapshot.snapshot_run(rebuild=True)
    client.force_login(alice)

    this = client.get(DASHBOARD)
    before = client.get(DASHBOARD, {"period": last_year})
    ever = client.get(DASHBOARD, {"period": "all"})

    assert figures_on(this)[1] == ["Course enrolments", "15"]
    assert figures_on(before)[1] == ["Course enrolments", "fewer than 5"]
    assert figures_on(ever)[1] == ["Course enrolments", "16"]
    assert f'<option value="{last_year}">{last_year}</option>' in this.content.decode()
    assert '<option value="all" selected>All time</option>' in ever.content.decode()
    assert f"Figures: {last_year}" in csv_sections(client.get(CSV, {"period": last_year}))


@pytest.mark.parametrize("period", ["2026-13", "next year", "<script>", "20266"])
@pytest.mark.parametrize("path", [DASHBOARD, CSV])
def test_a_period_that_is_not_one_is_refused_with_a_clear_message(
    client, alice, known_figures, path, period
):
    client.force_login(alice)

    response = client.get(path, {"period": period})

    assert response.status_code == 400
    body = response.content.decode()
    assert "is not a period. Choose a year, such as 2026, or “all”." in body
    assert "Acacia course A" not in body
    if path == DASHBOARD:
        assert "<script>" not in body
    else:
        assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_a_year_without_figures_shows_zeros(client, alice, known_figures):
    client.force_login(alice)

    response = client.get(DASHBOARD, {"period": "2001"})

    assert response.status_code == 200
    assert figures_on(response)[1] == ["Course enrolments", "0"]


# Who sees what -----------------------------------------------------------------------------------


def test_charlie_sees_only_his_organisations_figures(client, charlie, known_figures):
    client.force_login(charlie)

    response = client.get(DASHBOARD)

    tables = tables_on(response)
    assert tables[1][1:] == [
        ["Baobab course", "5", "fewer than 5", "0"],
        ["All courses", "5", "fewer than 5", "0"],
    ]
    assert tables[2][1:] == [["Brazil", "5"]]
    assert tables[3][-1] == ["All materials (1)", "999", "0"]
    assert "Acacia" not in response.content.decode()


@pytest.mark.parametrize("path", [DASHBOARD, CSV])
def test_charlie_cannot_ask_for_another_organisations_figures(client, charlie, known_figures, path):
    client.force_login(charlie)

    response = client.get(f"{path}?organisation=acacia-institute")

    body = response.content.decode()
    assert "Acacia" not in body
    assert "Baobab course" in body


def test_only_staff_are_offered_a_choice_of_organisation(client, charlie, known_figures):
    client.force_login(charlie)

    assert 'name="organisation"' not in client.get(DASHBOARD).content.decode()


@pytest.mark.parametrize("path", [DASHBOARD, CSV])
def test_dana_who_works_for_no_one_is_refused(client, dana, known_figures, path):
    client.force_login(dana)

    response = client.get(path)

    assert response.status_code == 403
    assert "Acacia" not in response.content.decode()


@pytest.mark.parametrize("path", [DASHBOARD, CSV])
def test_someone_signed_out_is_asked_to_sign_in(client, known_figures, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("path", [DASHBOARD, CSV])
def test_staff_can_see_any_organisations_figures(client, eve, known_figures, path):
    client.force_login(eve)

    response = client.get(f"{path}?organisation=acacia-institute")

    assert response.status_code == 200
    if path == DASHBOARD:
        assert figures_on(response) == FIGURES
        assert tables_on(response)[1:] == [COURSES, COUNTRIES, MATERIALS]
        assert '<option value="acacia-institute" selected>' in response.content.decode()
        assert "dashboard.csv?organisation=acacia-institute&amp;period=" in (
            response.content.decode()
        )
    else:
        assert csv_sections(response)["Courses"] == as_in_csv(COURSES)


def test_staff_choose_an_organisation_first(client, eve, known_figures):
    client.force_login(eve)

    page = client.get(DASHBOARD).content.decode()

    assert "Choose an organisation to see its dashboard." in page
    assert "<table" not in page
    assert client.get(CSV)["Location"] == DASHBOARD
    assert client.get(f"{DASHBOARD}?organisation=nobody").status_code == 404


def test_an_organisation_with_nothing_yet_has_an_empty_dashboard(client, alice):
    client.force_login(alice)

    page = client.get(DASHBOARD).content.decode()

    assert "No figures have been computed yet." in page
    assert "Your organisation has no course yet." in page
    assert "Your organisation has no library material yet." in page
    assert "No learner has enrolled in the period." in page


# Queries -----------------------------------------------------------------------------------------


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def build_figures(organisation, *, courses, learners_per_course, offset):
    people = learners(f"p{offset}-", learners_per_course, "KE")
    for number in range(courses):
        version = build_course(
            organisation=organisation, modules=1, lessons_per_module=1, with_quiz=False
        )
        enrol(people, version, completed=people[:1])
        MaterialFactory(organisation=organisation, view_count=number)
    snapshot.snapshot_run()


@pytest.mark.parametrize("path", [DASHBOARD, CSV])
def test_the_dashboard_runs_the_same_queries_for_2_or_10_courses_and_5_or_50_learners(
    client, alice, acacia, path
):
    client.force_login(alice)
    build_figures(acacia, courses=2, learners_per_course=5, offset=0)
    few = count_queries(client, path)
    build_figures(acacia, courses=8, learners_per_course=45, offset=1)
    many = count_queries(client, path)

    # The user and the membership; the periods with figures; then the organisation's figures,
    # its courses, their figures, its countries, its material totals and top materials; the page
    # also says when the figures were computed.
    assert few == many == (10 if path == DASHBOARD else 9)
