"""The district summary: the period's counts against the period before and the year before,
filtered by district, category and the reader's right to see police records."""

from __future__ import annotations

from datetime import date

import pytest

from est_desktop.analysis.breakdown import period, previous_period, year_before
from est_desktop.analysis.results import MeasureLine, SourceCounts, Verdict
from est_desktop.analysis.summary import sample_bounds, summarise
from est_desktop.domain.categories import Taxonomy
from tests.analysis.samples import DISTRICTS, PLACES, Event, local, sample_of

MARCH = period(date(2026, 3, 1), date(2026, 3, 31))

EVENTS = [
    # March 2026
    *[Event(local(2026, 3, 2 + i), "klotter", "hulta") for i in range(5)],
    Event(local(2026, 3, 9, 22), "klotter", "hulta", notified=True),
    *[Event(local(2026, 3, 10), "glaskross", "hulta", place="Hulta torg")] * 2,
    *[Event(local(2026, 3, 11 + i), "klotter", "norrby") for i in range(3)],
    *[Event(local(2026, 3, 20), "klotter", "hulta", source="police", notified=True)] * 2,
    Event(local(2026, 3, 21), "klotter", "", location="municipality", time="date"),
    # the 31 days before (29 January–28 February)
    *[Event(local(2026, 2, 1 + i), "klotter", "hulta") for i in range(4)],
    Event(local(2026, 1, 29, 0, 0), "klotter", "hulta", source="police"),
    # March 2025
    *[Event(local(2025, 3, 1 + i), "klotter", "hulta") for i in range(10)],
    # in none of them
    *[Event(local(2025, 12, 24), "klotter", "hulta")] * 3,
]


def expected(p, districts=(), categories=(), police=True) -> int:
    return sum(
        p.start <= e.at < p.end
        and (not districts or e.district in districts)
        and (not categories or e.category in categories)
        and (police or e.source != "police")
        for e in EVENTS
    )


def summary(taxonomy: Taxonomy, **choice):
    options = {"districts": (), "categories": (), "include_police": True, **choice}
    return summarise(
        sample_of(EVENTS),
        MARCH,
        taxonomy=taxonomy,
        places=PLACES,
        district_lookup=DISTRICTS,
        **options,
    )


def test_all_districts_count_everything_in_the_period(taxonomy):
    found = summary(taxonomy)

    assert found.total == expected(MARCH) == 14
    assert found.district_label == "Alla distrikt"
    assert (found.previous.current, found.previous.reference) == (14, 5)
    assert found.previous.reference == expected(previous_period(MARCH))
    assert found.year_before.reference == expected(year_before(MARCH)) == 10
    assert found.sources == SourceCounts(12, 2)
    assert found.police_notified == 3
    assert found.trend_unit == "week"
    assert sum(b.count for b in found.trend) == 14
    assert sum(g.count for g in found.groups) == 14
    assert found.weekday_hour.counts.sum() + found.weekday_hour.no_time == 14
    assert found.weekday_hour.no_time == 1


@pytest.mark.parametrize(
    ("districts", "categories", "police", "label"),
    [
        (("hulta",), (), True, "Hulta"),
        (("hulta",), (), False, "Hulta"),
        (("hulta", "norrby"), ("glaskross",), True, "Hulta, Norrby"),
        ((), ("klotter",), False, "Alla distrikt"),
        (("sjobo",), (), True, "sjobo"),  # unknown to this map: shown as its code
    ],
)
def test_districts_categories_and_police_narrow_every_count(
    taxonomy, districts, categories, police, label
):
    found = summary(taxonomy, districts=districts, categories=categories, include_police=police)
    now = expected(MARCH, districts, categories, police)

    assert found.district_label == label
    assert found.total == now
    assert found.previous.reference == expected(
        previous_period(MARCH), districts, categories, police
    )
    assert found.year_before.reference == expected(
        year_before(MARCH), districts, categories, police
    )
    assert sum(b.count for b in found.trend) == now
    assert sum(g.count for g in found.groups) == now
    assert found.weekday_hour.counts.sum() + found.weekday_hour.no_time == now
    assert found.sources.staff + (found.sources.police or 0) == now
    assert (found.sources.police is None) == (not police)


def test_without_police_rights_police_records_count_nowhere(taxonomy):
    found = summary(taxonomy, districts=("hulta",), include_police=False)

    assert found.total == 8
    assert found.previous.reference == 4  # the police record of 29 January left out
    assert found.police_notified == 1
    assert found.sources == SourceCounts(8, None)
    assert [(p.name, p.count) for p in found.places][:1] == [("Ruta vid Hulta torg", 6)]


def test_an_empty_period_gives_zeros_and_too_few_to_compare(taxonomy):
    quiet = period(date(2024, 6, 1), date(2024, 6, 30))
    found = summarise(
        sample_of(EVENTS),
        quiet,
        districts=(),
        categories=(),
        taxonomy=taxonomy,
        places=PLACES,
        district_lookup=DISTRICTS,
        include_police=True,
    )

    assert found.total == 0
    assert found.previous.verdict is Verdict.TOO_FEW
    assert all(b.count == 0 for b in found.trend)
    assert (found.groups, found.places) == ((), ())


def test_measures_are_carried_through(taxonomy):
    measure = MeasureLine("Mer belysning", "ongoing", date(2026, 3, 1), None, "Hulta", "Bostäder")
    found = summarise(
        sample_of(EVENTS),
        MARCH,
        districts=(),
        categories=(),
        taxonomy=taxonomy,
        places=PLACES,
        district_lookup=DISTRICTS,
        include_police=True,
        measures=[measure],
    )

    assert found.measures == (measure,)


def test_the_sample_must_reach_back_to_the_earlier_of_the_two_comparisons():
    two_years = period(date(2024, 1, 1), date(2025, 12, 31))

    assert sample_bounds(MARCH) == (year_before(MARCH).start, MARCH.end)
    start, end = sample_bounds(two_years)
    assert start == previous_period(two_years).start
    assert start.date() == date(2021, 12, 31)  # 731 days back: 2024 is a leap year
    assert end.date() == date(2026, 1, 1)
