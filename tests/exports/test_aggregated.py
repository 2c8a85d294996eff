"""The aggregated export: exact counts per district or cell and whole month, checked against
counts made one incident at a time; suppression as the rows show it; nothing finer than a
cell, no text, no ids."""

from __future__ import annotations

import math
from datetime import date

import pytest

from est_desktop.domain.categories import Taxonomy
from est_desktop.exports.aggregated import (
    ALL_GROUPS,
    NoWholePeriodError,
    aggregate,
    whole_spans,
)
from est_desktop.exports.suppression import protect
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_samples import incident_sample
from tests.exports.samples import LOOKUP, expected_counts, many_incidents, store_incidents

FIRST, LAST = date(2026, 1, 1), date(2026, 3, 31)
MONTHS = (date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1))


@pytest.fixture
def records():
    return many_incidents()


@pytest.fixture
def sample(store: Store, records):
    store_incidents(store, records)
    return incident_sample(store, IncidentFilter())


def by_key(table):
    """(area code, first day, group label) → (count or None, shown)."""
    return {(r.area.code, r.span.first, r.group): (r.count, r.shown) for r in table.rows}


@pytest.mark.parametrize("by", ["district", "cell"])
def test_totals_are_the_incidents_counted_one_by_one_where_not_suppressed(
    sample, records, taxonomy: Taxonomy, by
):
    table = aggregate(sample, taxonomy, LOOKUP, first=FIRST, last=LAST, by=by)
    expected = expected_counts(records, taxonomy, by=by, first=FIRST, last=LAST)
    rows = by_key(table)

    areas = {area for area, _, _ in expected}
    assert {code for code, _, _ in rows} >= areas
    shown_numbers = 0
    for area in areas:
        for month in MONTHS:
            groups = [expected[(area, month, g.code)] for g in taxonomy.groups]
            count, shown = rows[(area, month, ALL_GROUPS)]
            assert shown == protect(groups).total_shown
            if count is not None:
                assert count == sum(groups)
                shown_numbers += 1
    assert shown_numbers > 10  # the sample is big enough for the check to mean something


def test_group_counts_match_and_small_ones_never_appear_as_numbers(
    sample, records, taxonomy: Taxonomy
):
    table = aggregate(sample, taxonomy, LOOKUP, first=FIRST, last=LAST, by="cell", by_group=True)
    expected = expected_counts(records, taxonomy, by="cell", first=FIRST, last=LAST)
    labels = {g.label_sv: g.code for g in taxonomy.groups}

    small = hidden = 0
    for row in table.rows:
        if row.group == ALL_GROUPS:
            continue
        true = expected[(row.area.code, row.span.first, labels[row.group])]
        if 0 < true < 3:
            assert (row.count, row.shown) == (None, "<3")
            small += 1
        elif row.shown == "X":
            assert row.count is None and true >= 3
            hidden += 1
        else:
            assert (row.count, row.shown) == (true, str(true))
    assert small and hidden  # both kinds of suppression occur in this sample


def test_the_total_is_suppressed_alike_with_and_without_groups(sample, taxonomy: Taxonomy):
    grouped = aggregate(sample, taxonomy, LOOKUP, first=FIRST, last=LAST, by_group=True)
    plain = aggregate(sample, taxonomy, LOOKUP, first=FIRST, last=LAST)

    totals = {k: v for k, v in by_key(grouped).items() if k[2] == ALL_GROUPS}
    assert totals == by_key(plain)


def test_police_records_and_municipality_only_incidents_are_not_counted_by_default(
    sample, records, taxonomy: Taxonomy
):
    table = aggregate(sample, taxonomy, LOOKUP, first=FIRST, last=LAST)
    with_police = aggregate(sample, taxonomy, LOOKUP, first=FIRST, last=LAST, include_police=True)

    def total(t):
        return sum(r.count or 0 for r in t.rows)

    assert total(with_police) > total(table)
    assert table.unplaced == sum(
        1 for r in records if r.district is None and r.source.value == "staff"
    )


def test_only_whole_months_are_counted():
    spans = whole_spans(date(2026, 1, 15), date(2026, 4, 10), "month")

    assert [(s.first, s.last, s.label) for s in spans] == [
        (date(2026, 2, 1), date(2026, 2, 28), "feb 2026"),
        (date(2026, 3, 1), date(2026, 3, 31), "mar 2026"),
    ]
    weeks = whole_spans(date(2026, 1, 1), date(2026, 1, 18), "week")  # Thursday to Sunday
    assert [(s.first, s.last, s.label) for s in weeks] == [
        (date(2026, 1, 5), date(2026, 1, 11), "v. 2 2026"),
        (date(2026, 1, 12), date(2026, 1, 18), "v. 3 2026"),
    ]
    with pytest.raises(NoWholePeriodError):
        whole_spans(date(2026, 1, 2), date(2026, 1, 31), "month")


def test_cells_are_coarse_squares_and_rows_carry_no_text_or_ids(sample, taxonomy: Taxonomy):
    table = aggregate(sample, taxonomy, LOOKUP, first=FIRST, last=LAST, by="cell")

    for row in table.rows:
        ring = row.area.geometry["coordinates"][0]
        (west, south), (east, _), (_, north) = ring[0], ring[1], ring[2]
        assert (north - south) * 111_320 == pytest.approx(250, rel=1e-3)
        width = (east - west) * 111_320 * math.cos(math.radians(57.725))
        assert width == pytest.approx(250, rel=1e-3)
        assert ring[0] == ring[-1]
    fields = {name for row in table.rows[:1] for name in type(row).__slots__}
    assert fields == {"area", "span", "group", "count", "shown"}
    with pytest.raises(ValueError):
        aggregate(sample, taxonomy, LOOKUP, first=FIRST, last=LAST, by="cell", cell_m=100)


def test_cells_chosen_by_district_keep_all_their_incidents(sample, taxonomy: Taxonomy):
    everything = by_key(aggregate(sample, taxonomy, LOOKUP, first=FIRST, last=LAST, by="cell"))
    hulta = by_key(
        aggregate(
            sample, taxonomy, LOOKUP, first=FIRST, last=LAST, by="cell", district_codes={"hulta"}
        )
    )

    assert hulta and len(hulta) < len(everything)
    assert all(everything[key] == value for key, value in hulta.items())


def test_districts_without_incidents_still_get_their_rows(store: Store, taxonomy: Taxonomy):
    table = aggregate(
        incident_sample(store, IncidentFilter()), taxonomy, LOOKUP, first=FIRST, last=LAST
    )

    assert {r.area.code for r in table.rows} == {d.code for d in LOOKUP.districts()}
    assert {r.shown for r in table.rows} == {"0"}
