from datetime import date, datetime

import pytest

from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.domain.periods import Period, month_bounds, period_bounds


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=LOCAL_TZ)


def test_all_time_has_no_bounds():
    assert period_bounds(Period.ALL, date(2026, 3, 14)) == (None, None)


def test_last_7_days_ends_at_the_end_of_today_and_counts_today():
    start, end = period_bounds(Period.LAST_7_DAYS, date(2026, 3, 14))
    assert start == local(2026, 3, 8)
    assert end == local(2026, 3, 15)


def test_last_month_in_january_is_december_of_the_year_before():
    assert period_bounds(Period.LAST_MONTH, date(2026, 1, 20)) == (
        local(2025, 12, 1),
        local(2026, 1, 1),
    )


def test_a_month_with_a_daylight_saving_change_is_bounded_by_local_midnights():
    start, end = month_bounds(2026, 3)
    assert start.utcoffset().total_seconds() == 3600  # CET
    assert end.utcoffset().total_seconds() == 7200  # CEST
    assert end.timestamp() - start.timestamp() == 31 * 24 * 3600 - 3600  # one hour short


@pytest.mark.parametrize("period", list(Period))
def test_every_period_starts_before_it_ends(period):
    start, end = period_bounds(period, date(2026, 12, 31))
    assert (start is None and end is None) or start < end
