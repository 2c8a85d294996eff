"""Numbers, dates and times as police files write them (properties hold for any value)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from est_desktop.importers.errors import ImportFormatError
from est_desktop.importers.values import (
    decode_text,
    parse_date,
    parse_feed_datetime,
    parse_number,
    parse_time,
)

coordinates = st.floats(min_value=-10_000_000, max_value=10_000_000, allow_nan=False)


@given(coordinates)
def test_a_number_with_a_decimal_comma_reads_as_with_a_point(value: float) -> None:
    text = f"{value:.6f}"
    assert parse_number(text.replace(".", ",")) == parse_number(text) == float(text)


@given(coordinates)
def test_thousands_separators_are_ignored(value: float) -> None:
    swedish = f"{value:,.3f}".replace(",", " ").replace(".", ",")  # 6 401 234,500
    english = f"{value:,.3f}"  # 6,401,234.500
    assert parse_number(swedish) == parse_number(english) == float(f"{value:.3f}")


@pytest.mark.parametrize("text", ["", "  ", "abc", "1,2,3", "57,7x", "--1"])
def test_text_that_is_no_number_gives_none(text: str) -> None:
    assert parse_number(text) is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_read_in_every_format_exports_use(day: date) -> None:
    for text in (f"{day:%Y-%m-%d}", f"{day:%Y%m%d}", f"{day:%d.%m.%Y}", f"{day:%Y-%m-%d} 18:50"):
        assert parse_date(text) == day


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_times_read_with_colon_point_or_nothing_between(moment: time) -> None:
    for text in (
        f"{moment:%H:%M}",
        f"{moment:%H.%M}",
        f"{moment:%H%M}",
        f"{moment.hour}:{moment:%M}",
    ):
        assert parse_time(text) == moment


@pytest.mark.parametrize("text", ["", "25:00", "18:61", "kväll"])
def test_no_time_of_day_gives_none(text: str) -> None:
    assert parse_time(text) is None


offsets = st.integers(min_value=-12 * 4, max_value=14 * 4).map(lambda q: timedelta(minutes=15 * q))


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)), offsets)
def test_the_feed_datetime_reads_with_unpadded_hour_and_space_before_offset(
    moment: datetime, offset: timedelta
) -> None:
    moment = moment.replace(microsecond=0, tzinfo=timezone(offset))
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    zone = f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    text = f"{moment:%Y-%m-%d} {moment.hour}:{moment:%M:%S} {zone}"
    parsed = parse_feed_datetime(text)
    assert parsed == moment and parsed.utcoffset() == offset


def test_the_feed_datetime_also_reads_iso() -> None:
    assert parse_feed_datetime("2025-06-07T07:32:06+02:00") == datetime(
        2025, 6, 7, 7, 32, 6, tzinfo=timezone(timedelta(hours=2))
    )
    assert parse_feed_datetime("2025-06-07 7:32:06") is None  # no offset: no moment


def test_text_is_utf8_with_or_without_bom_else_windows_1252() -> None:
    assert decode_text("Borås".encode()) == "Borås"
    assert decode_text(b"\xef\xbb\xbf" + "Borås".encode()) == "Borås"
    assert decode_text("Borås".encode("cp1252")) == "Borås"


def test_bytes_that_are_no_text_are_refused_with_a_reason() -> None:
    with pytest.raises(ImportFormatError, match="Windows-1252"):
        decode_text(b"\x81\x8d\x8f\x90\x9d")
