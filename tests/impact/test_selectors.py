"""Reading the figures: small cells hidden, the year's target, trends, periods, contributors.

The selectors read stored Figure rows only, so each test writes the rows it is about.
"""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from impact import selectors
from impact.definitions import Dimension, Metric
from impact.models import Figure, SnapshotRun
from impact.selectors import Cell, cell

pytestmark = pytest.mark.django_db


def figure(period, metric, value, dimension="", key=""):
    return Figure.objects.create(
        period=period,
        metric=metric,
        dimension=dimension,
        key=key,
        value=value,
        computed_at=timezone.now(),
    )


# Small cells ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [1, 2, 3, 4])
def test_a_cell_of_one_to_four_people_is_shown_as_fewer_than_five(value):
    shown = cell(Metric.TRAINED, value)

    assert shown.suppressed
    assert str(shown) == "fewer than 5"
    assert shown.csv == "<5"
    assert shown.shown is None
    assert shown.value == 0  # the exact number is not even kept


@pytest.mark.parametrize(("value", "text"), [(0, "0"), (5, "5"), (1234, "1,234")])
def test_zero_and_five_or_more_are_shown_exactly(value, text):
    shown = cell(Metric.ENROLMENTS, value)

    assert not shown.suppressed
    assert str(shown) == text
    assert shown.csv == str(value)
    assert shown.shown == value


@pytest.mark.parametrize("metric", [m for m in Metric if m != Metric.DOWNLOADS])
def test_every_figure_that_counts_people_hides_small_cells(metric):
    assert cell(metric, 3).suppressed
    assert cell(str(metric), 3).suppressed


def test_downloads_count_no_one_and_are_never_hidden():
    assert cell(Metric.DOWNLOADS, 3) == Cell(value=3, suppressed=False)
    assert str(cell("downloads", 1)) == "1"


def test_headlines_show_every_figure_of_the_period_with_small_ones_hidden():
    figure("2026", Metric.TRAINED, 120)
    figure("2026", Metric.OFFICIALS, 2)
    figure("2026", Metric.DOWNLOADS, 2)
    figure("2026", Metric.TRAINED, 3, Dimension.COUNTRY, "KE")  # a breakdown, not a headline
    figure("2025", Metric.TRAINED, 999)

    headlines = {h.metric: h for h in selectors.headlines(period="2026")}

    assert list(headlines) == list(Metric)
    assert str(headlines[Metric.TRAINED].cell) == "120"
    assert str(headlines[Metric.OFFICIALS].cell) == "fewer than 5"
    assert str(headlines[Metric.DOWNLOADS].cell) == "2"
    assert headlines[Metric.ENROLMENTS].cell == Cell(value=0, suppressed=False)
    assert "each person counts once" in headlines[Metric.TRAINED].definition


def test_a_breakdown_lists_the_largest_first_with_small_cells_hidden_and_labels_given():
    figure("2026", Metric.TRAINED, 40, Dimension.COUNTRY, "KE")
    figure("2026", Metric.TRAINED, 3, Dimension.COUNTRY, "ET")
    figure("2026", Metric.TRAINED, 9, Dimension.COUNTRY, "CH")
    figure("2026", Metric.TRAINED, 1, Dimension.COUNTRY, "VE")

    rows = selectors.breakdown(
        period="2026",
        metric=Metric.TRAINED,
        dimension=Dimension.COUNTRY,
        labels={"KE": "Kenya", "ET": "Ethiopia", "CH": "Switzerland", "VE": "Venezuela"},
    )

    assert [(row.label, str(row.cell)) for row in rows] == [
        ("Kenya", "40"),
        ("Switzerland", "9"),
        ("Ethiopia", "fewer than 5"),
        ("Venezuela", "fewer than 5"),
    ]
    # Hidden cells are ordered by name, not by their value, which would give them away.
    assert all(row.cell.value == 0 for row in rows[2:])


def test_breakdowns_read_several_dimensions_in_one_query():
    figure("2026", Metric.TRAINED, 7, Dimension.GENDER, "woman")
    figure("2026", Metric.TRAINED, 6, Dimension.YOUTH, "youth")
    figure("2026", Metric.ENROLMENTS, 12, Dimension.GENDER, "woman")
    figure("2026", Metric.TRAINED, 8, Dimension.COUNTRY, "KE")

    with CaptureQueriesContext(connection) as queries:
        grouped = selectors.breakdowns(
            period="2026", dimensions=[Dimension.GENDER, Dimension.YOUTH]
        )

    assert len(queries) == 1
    assert grouped == {
        ("trained", "gender"): [("woman", 7)],
        ("trained", "youth"): [("youth", 6)],
        ("enrolments", "gender"): [("woman", 12)],
    }


# The year's target -----------------------------------------------------------------------------


def test_the_target_compares_the_years_people_trained_with_the_setting(settings):
    settings.IMPACT_YEAR_TARGET = 200
    figure("2026", Metric.TRAINED, 50)

    assert selectors.target(period="2026") == {
        "year": "2026",
        "trained": 50,
        "target": 200,
        "percent": 25,
    }


def test_a_month_is_measured_against_its_years_target(settings):
    settings.IMPACT_YEAR_TARGET = 1000
    figure("2026", Metric.TRAINED, 333)
    figure("2026-02", Metric.TRAINED, 20)

    assert selectors.target(period="2026-02")["trained"] == 333
    assert selectors.target(period="2026-02")["percent"] == 33


def test_all_time_is_measured_against_this_years_target(settings):
    settings.IMPACT_YEAR_TARGET = 100
    this_year = str(timezone.now().year)
    figure(this_year, Metric.TRAINED, 10)
    figure("all", Metric.TRAINED, 500)

    target = selectors.target(period="all")

    assert (target["year"], target["trained"], target["percent"]) == (this_year, 10, 10)


def test_a_target_passed_shows_one_hundred_percent(settings):
    settings.IMPACT_YEAR_TARGET = 100
    figure("2026", Metric.TRAINED, 250)

    assert selectors.target(period="2026")["percent"] == 100


def test_no_target_and_no_figures_give_zero_percent(settings):
    settings.IMPACT_YEAR_TARGET = 0

    assert selectors.target(period="2026") == {
        "year": "2026",
        "trained": 0,
        "target": 0,
        "percent": 0,
    }


# Trends and periods ------------------------------------------------------------------------------


def test_a_trend_gives_twelve_months_with_zeros_where_nothing_happened():
    figure("2026-01", Metric.TRAINED, 12)
    figure("2026-03", Metric.TRAINED, 2)
    figure("2026-03", Metric.DOWNLOADS, 2)
    figure("2025-12", Metric.TRAINED, 99)
    figure("2026-03", Metric.TRAINED, 4, Dimension.COUNTRY, "KE")

    trend = selectors.trend(year="2026", metrics=[Metric.TRAINED, Metric.DOWNLOADS])

    trained = trend[Metric.TRAINED]
    assert [month for month, _cell in trained] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert [c.shown for _month, c in trained] == [12, 0, None] + [0] * 9
    assert [c.shown for _month, c in trend[Metric.DOWNLOADS]] == [0, 0, 2] + [0] * 9


def test_periods_are_offered_newest_first_with_each_year_before_its_months():
    for period in ["2025-11", "2026-02", "2025", "all", "2026", "2026-01", "2025-12"]:
        figure(period, Metric.TRAINED, 5)

    assert selectors.periods_available() == [
        "all",
        "2026",
        "2026-02",
        "2026-01",
        "2025",
        "2025-12",
        "2025-11",
    ]


def test_no_figures_offer_no_periods():
    assert selectors.periods_available() == []


def test_the_last_run_is_the_latest_finished_one():
    finished = SnapshotRun.objects.create(
        started_at=datetime(2026, 3, 1, tzinfo=UTC), finished_at=datetime(2026, 3, 1, tzinfo=UTC)
    )
    SnapshotRun.objects.create(started_at=datetime(2026, 3, 2, tzinfo=UTC))  # still running

    assert selectors.last_run() == finished


def test_there_is_no_last_run_before_the_first():
    assert selectors.last_run() is None


# Contributors ------------------------------------------------------------------------------------


def test_a_contributor_sees_its_own_share_of_the_figures_with_small_cells_hidden():
    figure("2026", Metric.ENROLMENTS, 40, Dimension.CONTRIBUTOR, "acacia")
    figure("2026", Metric.COMPLETIONS, 3, Dimension.CONTRIBUTOR, "acacia")
    figure("2026", Metric.DOWNLOADS, 2, Dimension.CONTRIBUTOR, "acacia")
    figure("2026", Metric.ATTENDEES, 7, Dimension.CONTRIBUTOR, "acacia")
    figure("2026", Metric.ENROLMENTS, 900, Dimension.CONTRIBUTOR, "baobab")
    figure("2026", Metric.ENROLMENTS, 800, Dimension.CONTRIBUTOR, "acacia-two")
    figure("2025", Metric.ENROLMENTS, 700, Dimension.CONTRIBUTOR, "acacia")

    figures = selectors.contributor_figures(organisation_slug="acacia", period="2026")

    assert {str(metric): str(shown) for metric, shown in figures.items()} == {
        "enrolments": "40",
        "completions": "fewer than 5",
        "certificates_free": "0",
        "certificates_paid": "0",
        "attendees": "7",
        "downloads": "2",
    }


def test_a_contributors_countries_are_its_enrolments_by_country_largest_first():
    figure("2026", Metric.ENROLMENTS, 12, Dimension.CONTRIBUTOR_COUNTRY, "acacia|KE")
    figure("2026", Metric.ENROLMENTS, 6, Dimension.CONTRIBUTOR_COUNTRY, "acacia|ET")
    figure("2026", Metric.ENROLMENTS, 2, Dimension.CONTRIBUTOR_COUNTRY, "acacia|PE")
    figure("2026", Metric.COMPLETIONS, 9, Dimension.CONTRIBUTOR_COUNTRY, "acacia|BR")
    figure("2026", Metric.ENROLMENTS, 50, Dimension.CONTRIBUTOR_COUNTRY, "baobab|KE")
    figure("2026", Metric.ENROLMENTS, 50, Dimension.CONTRIBUTOR_COUNTRY, "acacia-two|KE")

    rows = selectors.contributor_countries(organisation_slug="acacia", period="2026")

    assert [(row.key, row.label, str(row.cell)) for row in rows] == [
        ("KE", "Kenya", "12"),
        ("ET", "Ethiopia", "6"),
        ("PE", "Peru", "fewer than 5"),
    ]
