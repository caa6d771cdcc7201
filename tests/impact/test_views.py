"""The impact pages: staff's full report, its CSV files, and the public page.

Figures are written directly as the snapshot would store them (the snapshot's own computation
is tested on its own), so each test says exactly which numbers the page must show.
"""

import csv
import io
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alliance.core.models import Topic
from impact.models import Figure, SnapshotRun
from tests.courses.factories import CourseVersionFactory, OrganisationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STAFF_PAGE = "/impact/"
PUBLIC_PAGE = "/impact/public/"


def csv_url(table, period="2026"):
    return f"/impact/csv/{table}/?period={period}"


def figures(period="2026", **cells):
    """Write figures: figures("2026", trained=12) or figures(**{"trained|country|KE": 3})."""
    now = timezone.now()
    rows = []
    for name, value in cells.items():
        metric, dimension, key = ([*name.split("|"), "", ""])[:3]
        rows.append(
            Figure(
                period=period,
                metric=metric,
                dimension=dimension,
                key=key,
                value=value,
                computed_at=now,
            )
        )
    Figure.objects.bulk_create(rows)


def a_year_of_figures():
    """2026 with a bit of everything, and a snapshot that finished."""
    figures(
        "2026",
        **{
            "trained": 1234,
            "registered": 2000,
            "enrolments": 3000,
            "completions": 900,
            "downloads": 4,
            "trained|country|KE": 700,
            "trained|country|FR": 3,
            "trained|region|Africa": 700,
            "trained|region|unknown": 30,
            "trained|group|lower-middle": 700,
            "trained|group|unclassified": 12,
            "trained|gender|woman": 400,
            "trained|gender|man": 2,
            "trained|youth|youth": 300,
            "trained|disability|yes": 25,
            "enrolments|language|en": 2500,
            "enrolments|language|fr": 500,
            "completions|language|fr": 4,
        },
    )
    figures("2026-03", trained=120, registered=200, enrolments=300, completions=2)
    figures("2026-04", trained=80)
    SnapshotRun.objects.create(
        started_at=timezone.now(), finished_at=timezone.now(), periods=["2026"], figures=20
    )


class Tables(HTMLParser):
    """Each table's rows by its id, as the text of their cells; and the SVG texts."""

    def __init__(self, html):
        super().__init__()
        self.tables, self.current, self.row, self.cell = {}, None, None, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.current = dict(attrs).get("id")
            self.tables[self.current] = []
        elif tag == "tr":
            self.row = []
        elif tag in ("th", "td"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self.cell is not None:
            self.row.append(" ".join(self.cell.split()))
            self.cell = None
        elif tag == "tr" and self.current:
            self.tables[self.current].append(self.row)
        elif tag == "table":
            self.current = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def tables_of(response):
    return Tables(response.content.decode()).tables


def csv_of(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))


# --- Who sees what -----------------------------------------------------------------------------


def test_staff_see_the_headline_figures_with_their_definitions_and_the_target(
    staff_client, settings
):
    settings.IMPACT_YEAR_TARGET = 5000
    a_year_of_figures()

    response = staff_client.get(STAFF_PAGE, {"period": "2026"})

    assert response.status_code == 200
    page = response.content.decode()
    headlines = {row[0]: row[1:] for row in tables_of(response)["headlines"][1:]}
    assert headlines["People trained"][0] == "1,234"
    assert headlines["Course enrolments"][0] == "3,000"
    assert (
        "completed a course or attended a workshop or webinar session"
        in (headlines["People trained"][1])
    )
    assert "1,234 of 5,000 (25%)" in page
    assert re.search(r'<progress max="5000" value="1234"', page)
    assert "refreshed daily" in page
    assert 'href="/impact/"' in page  # the staff link in the navigation


def test_charlie_who_is_not_staff_is_refused_the_report_and_its_csv(client, charlie):
    a_year_of_figures()
    client.force_login(charlie)

    page = client.get(STAFF_PAGE, {"period": "2026"})
    download = client.get(csv_url("trained-gender"))

    assert page.status_code == 403
    assert "1,234" not in page.content.decode()
    assert download.status_code == 403
    assert 'href="/impact/"' not in page.content.decode()


def test_a_visitor_is_asked_to_sign_in(client):
    response = client.get(STAFF_PAGE)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/impact/")


def test_staff_without_an_authenticator_are_sent_to_set_one_up(client):
    bob = UserFactory(email="bob@example.org", is_staff=True)
    client.force_login(bob)

    response = client.get(STAFF_PAGE)

    assert response.status_code == 302
    assert "totp" in response["Location"]


def test_the_public_page_is_for_anyone_and_has_nothing_demographic(client):
    a_year_of_figures()

    response = client.get(PUBLIC_PAGE, {"period": "2026"})

    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=3600" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]  # a signed-in visitor's own page is never shared
    tables = tables_of(response)
    assert {"headlines", "trained-region", "trained-group"} <= set(tables)
    assert not {"trained-gender", "trained-youth", "trained-disability"} & set(tables)
    assert not {"trained-country", "courses-course"} & set(tables)
    page = response.content.decode()
    for word in ("Gender", "Woman", "Disability", "Under 25"):
        assert word not in page
    assert "/impact/csv/" not in page
    assert "1,234" in page


def test_the_public_page_offers_years_and_all_time_but_not_months(client):
    a_year_of_figures()
    figures("all", trained=2000)

    page = client.get(PUBLIC_PAGE).content.decode()

    options = re.findall(r'<option value="([^"]+)"', page.split('id="impact-period"')[1])
    assert options == ["all", "2026"]
    assert client.get(PUBLIC_PAGE, {"period": "2026-03"}).status_code == 400


# --- Small cells -------------------------------------------------------------------------------


def test_a_cell_of_three_people_reads_fewer_than_5_on_the_page_and_below_5_in_the_csv(
    staff_client,
):
    a_year_of_figures()

    countries = tables_of(staff_client.get(STAFF_PAGE, {"period": "2026"}))["trained-country"]
    download = csv_of(staff_client.get(csv_url("trained-country")))

    assert ["France", "fewer than 5"] in countries
    assert not any("3" in cell for row in countries for cell in row)
    assert ["France", "<5"] in download
    assert not any(cell == "3" for row in download for cell in row)


def test_downloads_are_not_people_so_a_small_number_of_them_is_shown(staff_client):
    a_year_of_figures()

    headlines = tables_of(staff_client.get(STAFF_PAGE, {"period": "2026"}))["headlines"]

    assert headlines[-1][:2] == ["Library downloads", "4"]


def test_the_target_hides_a_small_number_trained_like_any_other_cell(staff_client):
    figures("2026", trained=3)

    page = staff_client.get(STAFF_PAGE, {"period": "2026"}).content.decode()

    assert "fewer than 5 of 5,000 (0%)" in page
    assert 'value="3"' not in page


# --- Labels ------------------------------------------------------------------------------------


def test_breakdowns_name_countries_groups_regions_demographics_and_languages(staff_client):
    a_year_of_figures()

    tables = tables_of(staff_client.get(STAFF_PAGE, {"period": "2026"}))

    assert ["Kenya", "700"] in tables["trained-country"]
    assert ["Unknown", "30"] in tables["trained-region"]
    assert ["Africa", "700"] in tables["trained-region"]
    assert ["Lower-middle income", "700"] in tables["trained-group"]
    assert ["Unclassified", "12"] in tables["trained-group"]
    assert ["Woman", "400"] in tables["trained-gender"]
    assert ["Man", "fewer than 5"] in tables["trained-gender"]
    assert ["Under 25", "300"] in tables["trained-youth"]
    assert ["Yes", "25"] in tables["trained-disability"]
    assert ["English", "2,500", "0"] in tables["courses-language"]
    assert ["French", "500", "fewer than 5"] in tables["courses-language"]


def test_courses_topics_and_contributors_are_named(staff_client):
    unesco = OrganisationFactory(name="UNESCO", slug="unesco")
    version = CourseVersionFactory(
        course__slug="ai-basics", course__organisation=unesco, title="AI basics"
    )
    CourseVersionFactory(course=version.course, language="fr", title="Les bases de l'IA")
    topic = Topic.objects.get(slug=version.course.topic.slug)
    figures(
        "2026",
        **{
            "enrolments|course|ai-basics": 40,
            f"enrolments|topic|{topic.slug}": 40,
            "enrolments|contributor|unesco": 40,
            "certificates_free|contributor|unesco": 9,
            "attendees|contributor|unesco": 7,
            "downloads|contributor|unesco": 2,
        },
    )

    tables = tables_of(staff_client.get(STAFF_PAGE, {"period": "2026"}))

    assert ["AI basics", "40", "0"] in tables["courses-course"]
    assert [topic.label, "40", "0"] in tables["courses-topic"]
    assert ["UNESCO", "40", "0"] in tables["courses-contributor"]
    assert ["UNESCO", "9", "0"] in tables["certificates-contributor"]
    assert ["UNESCO", "7"] in tables["attendees-contributor"]
    assert ["UNESCO", "2"] in tables["downloads-contributor"]


def test_long_tables_show_their_top_20_rows_and_link_to_all_of_them(staff_client):
    from django_countries import countries

    codes = [code for code, _name in countries][:30]
    figures("2026", **{f"trained|country|{code}": 100 + n for n, code in enumerate(codes)})

    top = staff_client.get(STAFF_PAGE, {"period": "2026"})
    everything = staff_client.get(STAFF_PAGE, {"period": "2026", "all": "trained-country"})

    assert len(tables_of(top)["trained-country"]) == 1 + 20
    assert tables_of(top)["trained-country"][1][1] == "129"  # largest first
    assert "all=trained-country" in top.content.decode()
    assert len(tables_of(everything)["trained-country"]) == 1 + 30
    assert staff_client.get(STAFF_PAGE, {"all": "nonsense"}).status_code == 400


# --- CSV ---------------------------------------------------------------------------------------


def test_every_csv_holds_the_same_cells_as_its_table_on_the_page(staff_client):
    a_year_of_figures()
    page = tables_of(staff_client.get(STAFF_PAGE, {"period": "2026", "all": "trained-country"}))
    tables = [table for table in page if table]
    assert len(tables) == 18  # headlines, 4 trends, 13 breakdowns

    for table in tables:
        response = staff_client.get(csv_url(table))
        assert response.status_code == 200, table
        assert response["Content-Disposition"] == (
            f'attachment; filename="impact-{table}-2026.csv"'
        )
        shown = [[_as_in_csv(cell) for cell in row] for row in page[table]]
        assert csv_of(response) == [row for row in shown if not row[0].startswith("No figures")]


def _as_in_csv(text):
    """A cell of the page as the CSV gives it: plain digits, and "<5" for a small cell."""
    if text == "fewer than 5":
        return "<5"
    if re.fullmatch(r"[0-9][0-9,]*", text):
        return text.replace(",", "")
    return text


def test_a_csv_cell_that_looks_like_a_formula_is_kept_as_text(staff_client):
    OrganisationFactory(name="=HYPERLINK(1)", slug="formula")
    figures("2026", **{"attendees|contributor|formula": 8})

    rows = csv_of(staff_client.get(csv_url("attendees-contributor")))

    assert rows[1] == ["'=HYPERLINK(1)", "8"]


def test_an_unknown_csv_table_is_not_found(staff_client):
    assert staff_client.get(csv_url("trained-shoe-size")).status_code == 404
    assert staff_client.get(csv_url("trend-downloads")).status_code == 404


# --- Bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("period", ["2026-13", "26", "last year", "1850", "2026-1"])
def test_a_period_that_is_malformed_or_has_no_figures_is_a_bad_request(
    staff_client, client, period
):
    a_year_of_figures()

    response = staff_client.get(STAFF_PAGE, {"period": period})

    assert response.status_code == 400
    assert "period" in response.content.decode() or "no figures" in response.content.decode()
    assert staff_client.get(csv_url("headlines", period)).status_code == 400
    assert client.get(PUBLIC_PAGE, {"period": period}).status_code == 400


def test_a_bad_period_says_what_a_period_looks_like(staff_client):
    page = staff_client.get(STAFF_PAGE, {"period": "<b>x</b>"}).content.decode()

    assert "a year (such as 2026)" in page
    assert "<b>x</b>" not in page


def test_the_current_year_shows_even_before_the_first_snapshot(staff_client, client):
    assert staff_client.get(STAFF_PAGE).status_code == 200
    assert client.get(PUBLIC_PAGE).status_code == 200


# --- Charts ------------------------------------------------------------------------------------


def test_each_trend_is_a_titled_chart_labelled_with_its_numbers_and_the_same_table(
    staff_client,
):
    a_year_of_figures()

    response = staff_client.get(STAFF_PAGE, {"period": "2026"})

    page = response.content.decode()
    charts = re.findall(r"<svg .*?</svg>", page, re.S)
    assert len(charts) == 4
    trained = next(chart for chart in charts if 'id="chart-trained"' in chart)
    assert 'role="img"' in trained
    assert 'aria-labelledby="chart-trained-title"' in trained
    assert '<title id="chart-trained-title">People trained by month, 2026</title>' in trained
    assert "<desc" in trained
    values = re.findall(r'class="chart-value">([^<]*)<', trained)
    assert values == ["0", "0", "120", "80", *["0"] * 8]
    labels = re.findall(r'class="chart-label"[^>]*>([^<]*)<', trained)
    assert labels[:3] == ["Jan", "Feb", "Mar"]
    assert len(trained) < 5000
    completions = next(chart for chart in charts if 'id="chart-completions"' in chart)
    assert re.findall(r'class="chart-value">([^<]*)<', completions)[2] == "&lt;5"
    assert completions.count("<rect") == 0  # the hidden month has no bar
    table = tables_of(response)["trend-trained"]
    assert table[3] == ["March 2026", "120"]
    assert table[4] == ["April 2026", "80"]


# --- Queries -----------------------------------------------------------------------------------


def _many_figures(countries, courses):
    from django_countries import countries as all_countries

    codes = [code for code, _name in all_countries][:countries]
    versions = [CourseVersionFactory() for _n in range(courses)]
    cells = {f"trained|country|{code}": 10 + n for n, code in enumerate(codes)}
    for n, version in enumerate(versions):
        cells[f"enrolments|course|{version.course.slug}"] = 5 + n
        cells[f"completions|course|{version.course.slug}"] = n
        cells[f"enrolments|topic|{version.course.topic.slug}"] = 50
        cells[f"enrolments|contributor|{version.course.organisation.slug}"] = 6 + n
    for month in range(1, 13):
        figures(f"2026-{month:02d}", trained=month * 10, enrolments=month)
    figures("2026", trained=9000, **cells)
    SnapshotRun.objects.create(started_at=timezone.now(), finished_at=timezone.now())


def _queries(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


def test_the_staff_page_runs_the_same_queries_whatever_the_number_of_figures(
    staff_client, django_assert_num_queries
):
    _many_figures(countries=3, courses=2)
    small = _queries(staff_client, STAFF_PAGE, {"period": "2026"})

    Figure.objects.all().delete()
    _many_figures(countries=150, courses=40)
    with django_assert_num_queries(small):
        staff_client.get(STAFF_PAGE, {"period": "2026", "all": "courses-course"})
    assert small <= 12


def test_the_public_page_runs_the_same_queries_whatever_the_number_of_figures(
    client, django_assert_num_queries
):
    _many_figures(countries=3, courses=2)
    small = _queries(client, PUBLIC_PAGE, {"period": "2026"})

    Figure.objects.all().delete()
    _many_figures(countries=150, courses=40)
    with django_assert_num_queries(small):
        client.get(PUBLIC_PAGE, {"period": "2026"})
    assert small <= 8


def test_a_csv_runs_the_same_few_queries_whatever_its_length(
    staff_client, django_assert_num_queries
):
    _many_figures(countries=3, courses=2)
    small = _queries(staff_client, csv_url("courses-course"), {})

    Figure.objects.all().delete()
    _many_figures(countries=150, courses=40)
    with django_assert_num_queries(small):
        response = staff_client.get(csv_url("courses-course"))
    assert len(csv_of(response)) == 1 + 40
    assert small <= 6  # the user (and session), the authenticator, periods, figures, names
