"""The police events feed: the year from `datetime`, updates by id, municipality-only places."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from est_desktop.domain.incident import LOCAL_TZ, LocationPrecision, Source, TimePrecision
from est_desktop.domain.validation import MUNICIPALITY_CENTRE
from est_desktop.importers.category_map import UNMAPPED
from est_desktop.importers.errors import ImportFormatError
from est_desktop.importers.police_events import read_police_events
from tests.importers.conftest import fixture_bytes

MONTHS = "januari februari mars april maj juni juli augusti september oktober november december"


@pytest.fixture(scope="module")
def parsed():
    return read_police_events(fixture_bytes("events.json"))


def _by_id(parsed, event_id: str):
    return next(r for r in parsed.rows if r.draft and r.draft.external_id == event_id)


def test_the_time_comes_from_the_name_not_from_datetime(parsed) -> None:
    draft = _by_id(parsed, "501").draft
    assert draft.occurred_at == datetime(2025, 6, 6, 18, 50, tzinfo=LOCAL_TZ)
    assert draft.time_precision is TimePrecision.EXACT and draft.source is Source.POLICE


def test_an_event_of_31_december_published_on_1_january_is_in_the_earlier_year(parsed) -> None:
    assert _by_id(parsed, "502").draft.occurred_at == datetime(
        2025, 12, 31, 23, 40, tzinfo=LOCAL_TZ
    )


def test_the_same_id_later_is_an_update_and_the_latest_version_wins(parsed) -> None:
    assert [r.draft.external_id for r in parsed.rows if r.draft].count("501") == 1
    assert "grov misshandel" in _by_id(parsed, "501").draft.description
    assert parsed.superseded == 1 and parsed.read == 7 and parsed.updates_by_id


def test_events_are_placed_at_the_municipality_centre_only(parsed) -> None:
    for row in parsed.rows:
        if row.draft:
            assert row.draft.location_precision is LocationPrecision.MUNICIPALITY
            assert (row.draft.lat, row.draft.lon) == MUNICIPALITY_CENTRE


def test_a_county_only_location_takes_the_municipality_from_the_name(parsed) -> None:
    draft = _by_id(parsed, "503").draft  # location.name is the county; the type has a comma
    assert draft.place_name == "Borås"
    assert draft.description.startswith("Trafikolycka, personskada")
    assert draft.category == UNMAPPED


def test_another_municipality_is_outside_and_summaries_are_skipped(parsed) -> None:
    by_line = {row.line: row for row in parsed.rows}
    assert by_line[5].outside  # Rån, Ulricehamn
    assert by_line[4].skipped  # Sammanfattning natt


def test_an_unreadable_datetime_is_rejected_with_a_reason(parsed) -> None:
    (row,) = [r for r in parsed.rows if r.reason]
    assert row.line == 7 and "i går" in row.reason


def test_a_name_without_a_time_gives_date_precision() -> None:
    event = {"id": 1, "datetime": "2025-06-07 7:32:06 +02:00", "name": "06 juni, Brand, Borås"}
    (row,) = read_police_events(json.dumps([event]).encode()).rows
    assert row.draft.time_precision is TimePrecision.DATE
    assert row.draft.occurred_at == datetime(2025, 6, 6, tzinfo=LOCAL_TZ)


@given(
    st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2099, 12, 1)),
    st.integers(min_value=0, max_value=20 * 24 * 60),
)
def test_the_year_is_that_of_the_publication_or_the_one_before(
    happened: datetime, delay: int
) -> None:
    happened = happened.replace(second=0, microsecond=0, tzinfo=LOCAL_TZ)
    published = (happened + timedelta(minutes=delay)).astimezone(LOCAL_TZ)
    offset = published.utcoffset()
    hours, minutes = divmod(int(offset.total_seconds()) // 60, 60)
    month = MONTHS.split()[happened.month - 1]
    event = {
        "id": 7,
        "datetime": f"{published:%Y-%m-%d} {published.hour}:{published:%M:%S}"
        f" +{hours:02d}:{minutes:02d}",
        "name": f"{happened:%d} {month} {happened:%H.%M}, Misshandel, Borås",
    }
    (row,) = read_police_events(json.dumps([event]).encode()).rows
    assert row.draft is not None, row.reason
    got = row.draft.occurred_at
    assert (got.date(), got.hour, got.minute) == (happened.date(), happened.hour, happened.minute)


def test_a_feed_that_is_no_json_list_is_refused() -> None:
    with pytest.raises(ImportFormatError):
        read_police_events(b"<html>")
    with pytest.raises(ImportFormatError):
        read_police_events(b'{"a": 1}')
