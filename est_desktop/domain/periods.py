"""Named periods ("last 30 days", "last month"...) as local-time bounds, for filters."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum

from est_desktop.domain.incident import LOCAL_TZ


class Period(StrEnum):
    ALL = "all"
    LAST_7_DAYS = "last_7_days"
    LAST_30_DAYS = "last_30_days"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"


def start_of_day(day: date) -> datetime:
    """Midnight in Stockholm at the start of `day` (aware; DST handled by zoneinfo)."""
    return datetime.combine(day, time(0), tzinfo=LOCAL_TZ)


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """From the start of `first` to the end of `last` (end exclusive)."""
    return start_of_day(first), start_of_day(last + timedelta(days=1))


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return start_of_day(date(year, month, 1)), start_of_day(following)


def period_bounds(period: Period, today: date) -> tuple[datetime | None, datetime | None]:
    """The local-time bounds of `period` as seen on `today`; (None, None) for all time."""
    match period:
        case Period.ALL:
            return None, None
        case Period.LAST_7_DAYS:
            return day_bounds(today - timedelta(days=6), today)
        case Period.LAST_30_DAYS:
            return day_bounds(today - timedelta(days=29), today)
        case Period.THIS_MONTH:
            return month_bounds(today.year, today.month)
        case Period.LAST_MONTH:
            last_month = today.replace(day=1) - timedelta(days=1)
            return month_bounds(last_month.year, last_month.month)
        case Period.THIS_YEAR:
            return start_of_day(date(today.year, 1, 1)), start_of_day(date(today.year + 1, 1, 1))
        case Period.LAST_YEAR:
            return start_of_day(date(today.year - 1, 1, 1)), start_of_day(date(today.year, 1, 1))
    raise ValueError(f"unknown period {period!r}")
