"""Periods, trends, time of day, categories, places and sources, each checked against counts
worked out in the test from the events themselves (plain datetimes, no numpy)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from est_desktop.analysis.breakdown import (
    UNKNOWN_GROUP,
    auto_unit,
    groups,
    in_period,
    period,
    previous_period,
    sources,
    top_places,
    trend,
    weekday_hour,
    year_before,
)
from est_desktop.analysis.results import SourceCounts
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ
from tests.analysis.samples import (
    DISTRICTS,
    FAR_IN_HULTA,
    HULTA_TORG,
    NEAR_HULTA_TORG,
    OUTSIDE,
    PLACES,
    Event,
    local,
    sample_of,
)

# -- periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "last", "label"),
    [
        (date(2026, 1, 1), date(2026, 3, 31), "1 jan–31 mar 2026"),
        (date(2025, 12, 28), date(2026, 1, 3), "28 dec 2025–3 jan 2026"),
        (date(2026, 5, 1), date(2026, 5, 7), "1–7 maj 2026"),
        (date(2026, 10, 25), date(2026, 10, 25), "25 okt 2026"),
    ],
)
def test_a_period_is_labelled_as_people_say_it(first, last, label):
    assert period(first, last).label == label


def test_a_period_runs_from_midnight_to_the_midnight_after_its_last_day():
    p = period(date(2026, 3, 1), date(2026, 3, 31))

    assert p.start == datetime(2026, 3, 1, tzinfo=LOCAL_TZ)
    assert p.end == datetime(2026, 4, 1, tzinfo=LOCAL_TZ)  # summer time by then: +02:00
    assert p.end.utcoffset() == timedelta(hours=2)
    assert (p.first_day, p.last_day) == (date(2026, 3, 1), date(2026, 3, 31))


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="before it starts"):
        period(date(2026, 3, 2), date(2026, 3, 1))


def test_the_previous_period_has_as_many_days_just_before():
    p = previous_period(period(date(2026, 3, 1), date(2026, 3, 31)))

    assert (p.first_day, p.last_day) == (date(2026, 1, 29), date(2026, 2, 28))


def test_a_year_before_keeps_the_dates_and_turns_leap_day_into_the_28th():
    march = year_before(period(date(2026, 3, 1), date(2026, 3, 31)))
    leap = year_before(period(date(2028, 2, 1), date(2028, 2, 29)))

    assert (march.first_day, march.last_day) == (date(2025, 3, 1), date(2025, 3, 31))
    assert (leap.first_day, leap.last_day) == (date(2027, 2, 1), date(2027, 2, 28))


def test_an_incident_at_the_start_is_in_and_one_at_the_end_is_out():
    p = period(date(2026, 3, 1), date(2026, 3, 31))
    sample = sample_of(
        [
            Event(p.start - timedelta(seconds=1)),
            Event(p.start),
            Event(p.end - timedelta(seconds=1)),
            Event(p.end),
        ]
    )

    assert in_period(sample, p).tolist() == [False, True, True, False]
    assert [b.count for b in trend(sample, p, "month")] == [2]


def test_trends_go_by_week_up_to_sixteen_weeks_then_by_month():
    assert auto_unit(period(date(2026, 1, 1), date(2026, 1, 1) + timedelta(days=111))) == "week"
    assert auto_unit(period(date(2026, 1, 1), date(2026, 1, 1) + timedelta(days=112))) == "month"


# -- trends -------------------------------------------------------------------------------


def spans(buckets):
    return [(b.start.date(), b.end.date(), b.label) for b in buckets]


def test_weeks_over_new_year_are_iso_weeks_clipped_to_the_period():
    p = period(date(2025, 12, 28), date(2026, 1, 3))  # a Sunday to a Saturday
    sample = sample_of(
        [Event(local(2025, 12, 28, 23, 59)), Event(local(2025, 12, 29, 0, 0)), Event(p.start)]
    )

    buckets = trend(sample, p, "week")

    assert spans(buckets) == [
        (date(2025, 12, 28), date(2025, 12, 29), "v. 52"),
        (date(2025, 12, 29), date(2026, 1, 4), "v. 1"),
    ]
    assert [b.count for b in buckets] == [2, 1]


def test_a_year_with_53_iso_weeks_shows_week_53():
    p = period(date(2026, 12, 21), date(2027, 1, 10))

    labels = [b.label for b in trend(sample_of([]), p, "week")]

    assert labels == ["v. 52", "v. 53", "v. 1"]


@pytest.mark.parametrize("sunday", [date(2026, 3, 29), date(2026, 10, 25)])
def test_weeks_around_a_clock_change_are_seven_days_from_monday_midnight(sunday):
    monday = sunday - timedelta(days=6)
    p = period(monday - timedelta(days=7), sunday + timedelta(days=7))
    sample = sample_of(
        [
            Event(local(sunday.year, sunday.month, sunday.day, 23, 59)),  # the week of the change
            Event(datetime.combine(sunday + timedelta(days=1), datetime.min.time(), LOCAL_TZ)),
        ]
    )

    buckets = trend(sample, p, "week")

    assert [b.count for b in buckets] == [0, 1, 1]
    for bucket in buckets:
        assert (bucket.start.weekday(), bucket.start.hour) == (0, 0)
        assert bucket.end.date() - bucket.start.date() == timedelta(days=7)
    changed = buckets[1]
    # Same-zone datetimes subtract as wall clocks; the real time passed needs UTC.
    hours = (changed.end.astimezone(UTC) - changed.start.astimezone(UTC)).total_seconds() / 3600
    assert hours == (167 if sunday.month == 3 else 169)


def test_months_are_clipped_to_the_period_and_empty_ones_kept():
    p = period(date(2026, 1, 15), date(2026, 3, 10))
    sample = sample_of([Event(local(2026, 1, 20)), Event(local(2026, 3, 10, 23, 59))])

    buckets = trend(sample, p, "month")

    assert spans(buckets) == [
        (date(2026, 1, 15), date(2026, 2, 1), "jan 2026"),
        (date(2026, 2, 1), date(2026, 3, 1), "feb 2026"),
        (date(2026, 3, 1), date(2026, 3, 11), "mar 2026"),
    ]
    assert [b.count for b in buckets] == [1, 0, 1]


def test_an_empty_period_gives_zero_bars_and_nothing_else():
    p = period(date(2026, 2, 2), date(2026, 2, 22))
    empty = sample_of([])

    assert [b.count for b in trend(empty, p, "week")] == [0, 0, 0]
    matrix = weekday_hour(empty)
    assert matrix.counts.shape == (7, 24) and matrix.counts.sum() == 0 and matrix.no_time == 0
    assert groups(empty, Taxonomy([])) == ()
    assert top_places(empty, PLACES, DISTRICTS) == ()
    assert sources(empty, include_police=True) == SourceCounts(0, 0)


def test_an_unknown_trend_unit_is_refused():
    with pytest.raises(ValueError, match="week"):
        trend(sample_of([]), period(date(2026, 1, 1), date(2026, 1, 2)), "day")


# -- time of day --------------------------------------------------------------------------


def test_the_autumn_night_counts_both_half_past_twos_at_two():
    sample = sample_of(
        [
            Event(local(2026, 10, 25, 1, 30)),
            Event(local(2026, 10, 25, 2, 30, fold=0)),  # 00:30 UTC, summer time
            Event(local(2026, 10, 25, 2, 30, fold=1)),  # 01:30 UTC, an hour later
            Event(local(2026, 10, 25, 3, 30)),
        ]
    )

    counts = weekday_hour(sample).counts

    sunday = 6
    assert counts[sunday, 1:4].tolist() == [1, 2, 1]
    assert counts.sum() == 4


def test_the_spring_night_skips_from_two_to_three():
    sample = sample_of(
        [
            Event(datetime(2026, 3, 29, 0, 59, tzinfo=UTC)),  # 01:59 winter time
            Event(datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),  # 03:00 summer time
        ]
    )

    counts = weekday_hour(sample).counts

    assert counts[6, 1:4].tolist() == [1, 0, 1]


def test_incidents_known_only_to_the_day_are_counted_apart():
    sample = sample_of(
        [
            Event(local(2026, 5, 4, 0, 0), time="date"),
            Event(local(2026, 5, 4, 18, 10), time="approximate"),
            Event(local(2026, 5, 5, 18, 40)),
        ]
    )

    matrix = weekday_hour(sample)

    assert matrix.no_time == 1
    assert matrix.counts[0, 18] == 1 and matrix.counts[1, 18] == 1
    assert matrix.counts.sum() == 2


# Any moment from 2020 to 2030, in whole seconds.
moments = st.integers(1_577_836_800, 1_893_456_000).map(lambda s: datetime.fromtimestamp(s, UTC))


@settings(max_examples=60, deadline=None)
@given(
    times=st.lists(st.tuples(moments, st.sampled_from(["exact", "approximate", "date"]))),
    first=st.dates(date(2020, 1, 1), date(2029, 12, 31)),
    days=st.integers(1, 400),
    unit=st.sampled_from(["week", "month"]),
)
def test_every_incident_is_counted_once_in_its_local_bar_and_hour(times, first, days, unit):
    sample = sample_of([Event(at, time=precision) for at, precision in times])
    p = period(first, first + timedelta(days=days - 1))

    buckets = trend(sample, p, unit)
    matrix = weekday_hour(sample)

    assert sum(b.count for b in buckets) == sum(p.start <= at < p.end for at, _ in times)
    for bucket in buckets:
        assert bucket.count == sum(bucket.start <= at < bucket.end for at, _ in times)
    assert buckets[0].start == p.start and buckets[-1].end == p.end
    assert matrix.counts.sum() + matrix.no_time == len(sample)
    wall = Counter(
        (at.astimezone(LOCAL_TZ).weekday(), at.astimezone(LOCAL_TZ).hour)
        for at, precision in times
        if precision != "date"
    )
    assert {k: v for k, v in np.ndenumerate(matrix.counts) if v} == wall


# -- categories ---------------------------------------------------------------------------


def test_groups_count_their_categories_and_unknown_codes_get_a_group_of_their_own(
    taxonomy: Taxonomy,
):
    codes = ["klotter"] * 3 + ["glaskross"] * 2 + ["gammal_kod"] * 4
    fire = taxonomy.groups[1].categories[0].code  # a category of another group
    sample = sample_of(Event(local(2026, 5, 4), category=code) for code in [*codes, fire])

    found = groups(sample, taxonomy)

    assert [(g.code, g.count) for g in found] == [
        ("skadegorelse", 5),
        (UNKNOWN_GROUP, 4),
        (taxonomy.groups[1].code, 1),
    ]
    assert found[0].label == "Skadegörelse"
    assert [(c.code, c.label, c.count) for c in found[0].categories] == [
        ("klotter", "Klotter", 3),
        ("glaskross", "Glaskross", 2),
    ]
    assert found[1].label == "Okänd kategori"
    assert [(c.code, c.label) for c in found[1].categories] == [("gammal_kod", "gammal_kod")]
    assert sum(g.count for g in found) == len(sample)


# -- places and sources -------------------------------------------------------------------


def at_place(place: str = "", where: tuple[float, float] = HULTA_TORG, **fields) -> Event:
    return Event(local(2026, 5, 4), place=place, lat=where[0], lon=where[1], **fields)


def test_top_places_are_named_places_and_cells_named_after_what_is_near():
    sample = sample_of(
        [
            *[at_place("Hulta torg")] * 4,
            *[at_place("Garaget på baksidan", (57.7300, 12.9700))] * 2,  # not in the list
            *[at_place(where=NEAR_HULTA_TORG)] * 3,
            *[at_place(where=FAR_IN_HULTA)] * 2,
            at_place(where=OUTSIDE),
            *[at_place("Hulta torg", location="municipality")] * 5,  # where is unknown
        ]
    )

    found = top_places(sample, PLACES, DISTRICTS)

    assert [(p.name, p.count, p.named) for p in found] == [
        ("Hulta torg", 4, True),
        ("Ruta vid Hulta torg", 3, False),
        ("Garaget på baksidan", 2, True),
        ("Ruta i Hulta", 2, False),
        ("Ruta i Övriga Borås", 1, False),
    ]
    assert (found[0].lat, found[0].lon) == HULTA_TORG  # from the list of places
    assert (found[2].lat, found[2].lon) == pytest.approx((57.7300, 12.9700))  # its incidents
    cell = found[1]
    assert abs(cell.lat - NEAR_HULTA_TORG[0]) < 0.001 and abs(cell.lon - NEAR_HULTA_TORG[1]) < 0.002


def test_top_places_stop_at_the_limit_largest_first():
    sample = sample_of(
        [at_place(f"Plats {i}", (57.72 + i * 0.002, 12.97)) for i in range(5) for _ in range(i + 1)]
    )

    found = top_places(sample, PLACES, DISTRICTS, limit=3)

    assert [(p.name, p.count) for p in found] == [("Plats 4", 5), ("Plats 3", 4), ("Plats 2", 3)]


def test_police_counts_are_withheld_from_those_who_may_not_see_them():
    sample = sample_of([at_place(), at_place(), at_place(source="police")])

    assert sources(sample, include_police=True) == SourceCounts(2, 1)
    assert sources(sample, include_police=False) == SourceCounts(2, None)
