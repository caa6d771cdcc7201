"""Country status: UN LDC list, World Bank income group and UN M49 region, per country.

The data live in alliance/core/data/ (sources, dates and known gaps in its README); ``load()``
copies them into ``CountryStatus``. A country with no row, no code, or no World Bank income
group has no pricing group: ``pricing_group()`` returns None and each caller decides, because
any default would be wrong somewhere (the high-income price overcharges a learner from a poor
territory, the LDC price undercharges everyone else).
"""

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django_countries import countries as iso_countries

from alliance.core.models import CountryStatus, IncomeGroup, PricingGroup

DATA_DIR = Path(__file__).resolve().parent / "data"
LDC_FILE = DATA_DIR / "ldc.csv"
INCOME_FILE = DATA_DIR / "income_groups.csv"
REGIONS_FILE = DATA_DIR / "m49_regions.csv"

# "# Source: ..." in a file's leading comments; indented continuation lines are not keys.
HEADER_LINE = re.compile(r"^# ?([A-Za-z][A-Za-z ]*):\s+(.+)$")
FIELDS = ["is_ldc", "income_group", "region", "subregion", "intermediate_region", "source_note"]


@dataclass(frozen=True)
class DataFile:
    path: Path
    header: dict[str, str]  # lower-cased key -> value, from "# Key: value" comment lines
    rows: list[dict[str, str]]

    @property
    def short_source(self) -> str:
        return self.header.get("short", self.path.name)


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    total: int


def data_file_read(path: Path) -> DataFile:
    """A data file's header comments and rows; raises ValueError on a code ISO does not know."""
    header: dict[str, str] = {}
    lines = []
    with path.open(encoding="utf-8", newline="") as file:
        for line in file:
            if line.startswith("#"):
                if match := HEADER_LINE.match(line.rstrip("\n")):
                    header.setdefault(match[1].strip().lower(), match[2].strip())
            elif line.strip():
                lines.append(line)
    rows = list(csv.DictReader(lines))
    unknown = [row["iso2"] for row in rows if row["iso2"] not in iso_countries]
    if unknown:
        raise ValueError(f"{path.name}: codes django-countries does not know: {unknown}")
    return DataFile(path=path, header=header, rows=rows)


def country_statuses_from_files() -> dict[str, dict]:
    """The field values of every country in the data files, by ISO alpha-2 code."""
    ldc = data_file_read(LDC_FILE)
    income = data_file_read(INCOME_FILE)
    regions = data_file_read(REGIONS_FILE)

    ldc_codes = {row["iso2"] for row in ldc.rows}
    income_groups = {row["iso2"]: row["income_group"] for row in income.rows}
    invalid = {code: g for code, g in income_groups.items() if g not in IncomeGroup.values}
    if invalid:
        raise ValueError(f"{income.path.name}: unknown income groups: {invalid}")
    region_rows = {row["iso2"]: row for row in regions.rows}

    statuses = {}
    for code in sorted(ldc_codes | income_groups.keys() | region_rows.keys()):
        region = region_rows.get(code, {})
        notes = [
            ldc.short_source,
            income.short_source if code in income_groups else "not in the World Bank list",
            regions.short_source,
        ]
        statuses[code] = {
            "is_ldc": code in ldc_codes,
            "income_group": income_groups.get(code, IncomeGroup.UNCLASSIFIED.value),
            "region": region.get("region", ""),
            "subregion": region.get("subregion", ""),
            "intermediate_region": region.get("intermediate_region", ""),
            "source_note": "; ".join(notes),
        }
    return statuses


@transaction.atomic
def country_statuses_sync() -> LoadResult:
    """Create missing rows and update changed ones; a row whose data match is not written.

    One query reads every row and at most two write, instead of one upsert() per country.
    """
    wanted = country_statuses_from_files()
    existing = {status.country.code: status for status in CountryStatus.objects.all()}

    created = [
        CountryStatus(country=code, **values)
        for code, values in wanted.items()
        if code not in existing
    ]
    CountryStatus.objects.bulk_create(created)

    now = timezone.now()
    changed = []
    for code, values in wanted.items():
        status = existing.get(code)
        if status is None or all(getattr(status, name) == values[name] for name in FIELDS):
            continue
        for name in FIELDS:
            setattr(status, name, values[name])
        status.updated_at = now  # bulk_update() leaves auto_now fields alone
        changed.append(status)
    CountryStatus.objects.bulk_update(changed, [*FIELDS, "updated_at"])

    return LoadResult(created=len(created), updated=len(changed), total=len(wanted))


def load() -> int:
    """Load the country data files; safe to run again. Returns the number of countries."""
    return country_statuses_sync().total


def country_status(code) -> CountryStatus | None:
    """The status of a country by ISO alpha-2 code (or django-countries Country), if known."""
    code = str(code or "").strip().upper()
    if not code:
        return None
    return CountryStatus.objects.filter(country=code).first()


def pricing_group(code) -> PricingGroup | None:
    """The pricing group of a country; None when the country is empty, unknown or unclassified."""
    status = country_status(code)
    return status.group if status else None


def country_status_counts() -> dict:
    """Row counts for reports: total, LDCs, and rows per income group."""
    by_income = Counter(CountryStatus.objects.values_list("income_group", flat=True))
    return {
        "total": sum(by_income.values()),
        "ldc": CountryStatus.objects.filter(is_ldc=True).count(),
        "income": {group: by_income.get(group, 0) for group in IncomeGroup.values},
    }
