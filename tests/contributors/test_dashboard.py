"""The member dashboard: aggregate figures of an organisation's courses and materials.

The cast comes from conftest.py: Alice works for the Acacia Institute, Charlie for the Baobab
Lab (he must never see Acacia's figures), Dana for no one; Eve is staff.
"""

import codecs
import csv
import io
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import Enrolment, Status
from tests.courses.factories import CourseVersionFactory, build_course
from tests.factories import UserFactory
from tests.library.factories import MaterialFactory

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


@pytest.fixture
def known_figures(acacia, baobab, alice, charlie):
    """A data set whose every figure is worked out by hand in the tests below.

    Course A (English and French): Kenyans K0-K5 in English, K0-K1 in French too; K0 and K2
    finish in English, K0 and K1 in French; Peruvian P0 enrols in English.
      -> 7 learners (K0-K5, P0), 3 completed (K0, K1, K2).
    Course B: K0, K1, Ghanaians G0-G2 and N0 (no country); K0 and G0 finish.
      -> 6 learners, 2 completed.
    Course C: a draft nobody has taken. -> 0, 0.
    All courses: 13 enrolled, 5 completed; 11 different learners.
    Countries: Kenya 6; Ghana 3 + Peru 1 + not given 1 = Other 5.
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

    for number in range(12):  # views 120, 110 ... 10; downloads 0 ... 11
        MaterialFactory(
            organisation=acacia,
            title=f"Acacia material {number:02}",
            view_count=120 - 10 * number,
            download_count=number,
            draft=number == 11,
        )
    MaterialFactory(organisation=baobab, title="Baobab material", view_count=999)
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


COURSES = [
    ["Course", "Learners enrolled", "Learners who completed"],
    ["Acacia course A", "7", "3"],
    ["Acacia course B", "6", "2"],
    ["Acacia course C", "0", "0"],
    ["All courses", "13", "5"],
]
MATERIALS = [
    ["Material", "Views", "Downloads"],
    *[[f"Acacia material {n:02}", str(120 - 10 * n), str(n)] for n in range(10)],
    ["All materials (12)", "780", "66"],
]
COUNTRIES = [
    ["Country", "Learners"],
    ["Kenya", "6"],
    ["Other (fewer than 5 each)", "5"],
    ["All countries", "11"],
]


def test_a_member_sees_every_figure_of_her_organisation(client, alice, known_figures):
    client.force_login(alice)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert tables_on(response) == [COURSES, MATERIALS, COUNTRIES]
    assert "11 different learners took at least one of your courses." in response.content.decode()


def test_the_course_title_is_in_the_readers_language(client, alice, known_figures):
    client.force_login(alice)
    client.cookies["django_language"] = "fr"

    courses = tables_on(client.get(DASHBOARD))[0]

    assert courses[1][0] == "Acacia cours A"


def test_countries_with_fewer_than_five_learners_are_counted_together(client, alice, known_figures):
    client.force_login(alice)

    page = client.get(DASHBOARD).content.decode()

    for hidden in ("Ghana", "Peru", "Not given"):
        assert hidden not in page


def test_a_country_reaching_five_learners_is_shown_on_its_own(client, alice, acacia, known_figures):
    more_ghanaians = learners("newghanaian", 2, "GH")
    course_b = acacia.courses.get(slug="course-b").versions.get()
    enrol(more_ghanaians, course_b)
    client.force_login(alice)

    countries = tables_on(client.get(DASHBOARD))[2]

    assert countries[1:] == [
        ["Kenya", "6"],
        ["Ghana", "5"],
        ["Other (fewer than 5 each)", "2"],
        ["All countries", "13"],
    ]


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
    assert 'filename="alliance-acacia-institute-dashboard.csv"' in response["Content-Disposition"]
    assert csv_sections(response) == {
        "Courses": page[0],
        "Materials": page[1],
        "Countries reached": page[2],
    }
    assert page == [COURSES, MATERIALS, COUNTRIES]


def test_a_title_that_looks_like_a_formula_stays_text_in_the_csv(client, alice, acacia):
    MaterialFactory(organisation=acacia, title='=HYPERLINK("https://evil.example")')
    client.force_login(alice)

    materials = csv_sections(client.get(CSV))["Materials"]

    assert materials[1][0] == '\'=HYPERLINK("https://evil.example")'


def test_charlie_sees_only_his_organisations_figures(client, charlie, known_figures):
    client.force_login(charlie)

    response = client.get(DASHBOARD)

    assert tables_on(response)[0][1:] == [["Baobab course", "5", "1"], ["All courses", "5", "1"]]
    assert tables_on(response)[1][-1] == ["All materials (1)", "999", "0"]
    assert tables_on(response)[2][1:] == [["Brazil", "5"], ["All countries", "5"]]
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
        assert tables_on(response) == [COURSES, MATERIALS, COUNTRIES]
        assert '<option value="acacia-institute" selected>' in response.content.decode()
        assert "dashboard.csv?organisation=acacia-institute" in response.content.decode()
    else:
        assert csv_sections(response)["Courses"] == COURSES


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

    assert "Your organisation has no course yet." in page
    assert "Your organisation has no library material yet." in page
    assert "No learner has enrolled yet." in page


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


@pytest.mark.parametrize("path", [DASHBOARD, CSV])
def test_the_dashboard_runs_the_same_queries_for_2_or_10_courses_and_5_or_50_learners(
    client, alice, acacia, path
):
    client.force_login(alice)
    build_figures(acacia, courses=2, learners_per_course=5, offset=0)
    few = count_queries(client, path)
    build_figures(acacia, courses=8, learners_per_course=45, offset=1)
    many = count_queries(client, path)

    # The user and the membership; then the courses, the material totals, the countries and
    # the top materials.
    assert few == many == 6
