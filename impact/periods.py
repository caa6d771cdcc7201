"""Periods of the report: a month ("2026-11"), a year ("2026") or all time ("all")."""

import re
from datetime import UTC, date, datetime

ALL = "all"
MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
YEAR = re.compile(r"(\d{4})")


def is_valid(period: str) -> bool:
    return period == ALL or bool(MONTH.fullmatch(period or "") or YEAR.fullmatch(period or ""))


def bounds(period: str) -> tuple[datetime | None, datetime | None]:
    """[start, end) in UTC; (None, None) for all time. Raises ValueError for anything else."""
    if period == ALL:
        return None, None
    if match := MONTH.fullmatch(period):
        year, month = int(match[1]), int(match[2])
        start = datetime(year, month, 1, tzinfo=UTC)
        end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
        return start, end
    if match := YEAR.fullmatch(period):
        year = int(match[1])
        return datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    raise ValueError(f"not a period: {period!r}")


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def year_of(day: date) -> str:
    return f"{day.year:04d}"


def months_of_year(year: str) -> list[str]:
    return [f"{year}-{month:02d}" for month in range(1, 13)]


def months_between(first: date, last: date) -> list[str]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
