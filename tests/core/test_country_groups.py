"""The country data behind LDC priority and certificate prices: loaded once, right, and sourced."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django_countries import countries as iso_countries

from alliance.core import countries
from alliance.core.models import CountryStatus, IncomeGroup, PricingGroup

DATA_FILES = [countries.LDC_FILE, countries.INCOME_FILE, countries.REGIONS_FILE]


@pytest.fixture
def loaded(db):
    countries.load()


def test_loading_twice_changes_nothing_the_second_time(db):
    first = countries.country_statuses_sync()
    stamps = dict(CountryStatus.objects.values_list("country", "updated_at"))

    second = countries.country_statuses_sync()

    assert first.created == first.total == CountryStatus.objects.count()
    assert (second.created, second.updated) == (0, 0)
    assert dict(CountryStatus.objects.values_list("country", "updated_at")) == stamps


def test_loading_again_repairs_only_the_row_that_drifted(loaded):
    CountryStatus.objects.filter(country="ET").update(income_group=IncomeGroup.HIGH, is_ldc=False)
    untouched = CountryStatus.objects.get(country="KE").updated_at

    result = countries.country_statuses_sync()

    assert (result.created, result.updated) == (0, 1)
    assert countries.pricing_group("ET") == PricingGroup.LDC
    assert CountryStatus.objects.get(country="KE").updated_at == untouched


def test_every_country_django_countries_knows_gets_a_row(loaded):
    assert CountryStatus.objects.count() == len(iso_countries.countries)


def test_the_un_list_holds_44_least_developed_countries(loaded):
    assert CountryStatus.objects.filter(is_ldc=True).count() == 44
    assert not countries.country_status("BT").is_ldc  # graduated December 2023
    assert not countries.country_status("ST").is_ldc  # graduated December 2024


@pytest.mark.parametrize(
    ("code", "is_ldc", "income_group"),
    [
        ("ET", True, IncomeGroup.LOW),
        ("BD", True, IncomeGroup.LOWER_MIDDLE),
        ("KE", False, IncomeGroup.LOWER_MIDDLE),
        ("BR", False, IncomeGroup.UPPER_MIDDLE),
        ("CH", False, IncomeGroup.HIGH),
        ("VE", False, IncomeGroup.UNCLASSIFIED),
    ],
)
def test_known_countries_have_their_published_status(loaded, code, is_ldc, income_group):
    status = countries.country_status(code)

    assert (status.is_ldc, status.income_group) == (is_ldc, income_group)


def test_a_country_carries_its_un_region(loaded):
    kenya = countries.country_status("KE")

    assert (kenya.region, kenya.subregion, kenya.intermediate_region) == (
        "Africa",
        "Sub-Saharan Africa",
        "Eastern Africa",
    )
    assert countries.country_status("fr").subregion == "Western Europe"


def test_a_row_names_its_sources(loaded):
    note = countries.country_status("ET").source_note

    assert "UN LDC list, Dec 2024" in note
    assert "World Bank income groups, FY2025" in note


def test_an_ldc_is_priced_as_an_ldc_whatever_its_income(loaded):
    assert countries.pricing_group("ET") == PricingGroup.LDC
    assert countries.pricing_group("BD") == "ldc"


def test_other_countries_are_priced_by_income_group(loaded):
    assert countries.pricing_group("KE") == PricingGroup.LOWER_MIDDLE
    assert countries.pricing_group("BR") == PricingGroup.UPPER_MIDDLE
    assert countries.pricing_group("CH") == PricingGroup.HIGH


@pytest.mark.parametrize("code", ["", None, "ZZ", "VE", "AQ"])
def test_an_unknown_or_unclassified_country_has_no_pricing_group(loaded, code):
    assert countries.pricing_group(code) is None


def test_pricing_groups_have_readable_labels():
    assert [label for _, label in PricingGroup.choices] == [
        "Least developed countries",
        "Low income",
        "Lower-middle income",
        "Upper-middle income",
        "High income",
    ]


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_every_code_in_the_data_files_is_one_django_countries_knows(path):
    rows = countries.data_file_read(path).rows

    assert rows
    assert [row["iso2"] for row in rows if row["iso2"] not in iso_countries] == []
    assert len({row["iso2"] for row in rows}) == len(rows), "a code is listed twice"


def test_every_income_group_in_the_file_is_a_known_group():
    groups = {row["income_group"] for row in countries.data_file_read(countries.INCOME_FILE).rows}

    assert groups <= set(IncomeGroup.values)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_every_data_file_names_its_source_and_date(path):
    header = countries.data_file_read(path).header

    assert header["source"]
    assert re.search(r"\b20\d\d-\d\d-\d\d\b", header["as of"])
    assert header["short"]


def test_the_income_file_names_the_world_bank_release():
    header = countries.data_file_read(countries.INCOME_FILE).header

    assert header["source"] == "World Bank country and lending groups, FY2025 (July 2024)"


def test_a_code_django_countries_does_not_know_is_refused(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("# Source: test\niso2,income_group\nXK,upper-middle\n")

    with pytest.raises(ValueError, match="XK"):
        countries.data_file_read(bad)


def test_the_command_reports_what_it_loaded(db):
    out = StringIO()

    call_command("load_country_groups", stdout=out)
    call_command("load_country_groups", stdout=(second := StringIO()))

    assert "least developed countries: 44" in out.getvalue()
    assert "0 created, 0 updated" in second.getvalue()
