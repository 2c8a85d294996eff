"""The analysis sample: exactly the list's rows for a filter, as parallel arrays that hold what
the store holds (times as the stored epoch seconds)."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
from sqlalchemy import text

from est_desktop.domain.incident import LOCAL_TZ, Incident
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_samples import IncidentSampleArrays, incident_sample
from est_desktop.store.incidents import IncidentRepository
from tests.store.records import MIXED_FILTERS, incident, mixed_incidents, repository_with

RECORDS = mixed_incidents()


def stored(store: Store) -> IncidentRepository:
    return repository_with(store, *RECORDS)


def test_the_sample_holds_exactly_the_lists_rows(store: Store) -> None:
    repository = stored(store)
    for where in MIXED_FILTERS:
        listed = {row.pk for row in repository.page(where, limit=1000)}

        sample = incident_sample(store, where)

        assert len(sample) == len(listed), where
        assert set(sample.pk.tolist()) == listed, where


def test_each_entry_carries_its_incidents_fields_as_stored(store: Store) -> None:
    repository = stored(store)
    sample = incident_sample(store, IncidentFilter())

    assert len(sample) == len(RECORDS) - 1  # the deleted one is not there
    for i, pk in enumerate(sample.pk.tolist()):
        record = repository.get_by_pk(pk)
        assert isinstance(record, Incident)
        assert sample.occurred_at[i] == int(record.occurred_at.timestamp())
        assert (
            sample.time_precision[i],
            sample.category[i],
            sample.district[i],
            sample.source[i],
            sample.place_name[i],
            sample.lat[i],
            sample.lon[i],
            sample.location_precision[i],
            sample.police_notified[i],
        ) == (
            record.time_precision.value,
            record.category,
            record.district or "",
            record.source.value,
            record.place_name,
            record.lat,
            record.lon,
            record.location_precision.value,
            record.police_notified,
        )


def test_the_arrays_have_the_promised_types_even_when_empty(store: Store) -> None:
    stored(store)
    for where in (IncidentFilter(), IncidentFilter(categories=frozenset({"saknas"}))):
        sample = incident_sample(store, where)

        assert sample.pk.dtype == sample.occurred_at.dtype == np.int64
        assert sample.lat.dtype == sample.lon.dtype == np.float64
        assert sample.police_notified.dtype == np.bool_
        assert sample.category.dtype == object
        assert all(a.flags.c_contiguous for a in (sample.pk, sample.lat, sample.category))


def test_select_keeps_the_chosen_entries_of_every_array_in_order() -> None:
    sample = IncidentSampleArrays.from_rows(
        (pk, 1_000 + pk, "exact", f"cat{pk}", "hulta", "staff", "", 57.7, 12.9, "exact", pk % 2)
        for pk in range(5)
    )

    chosen = sample.select(sample.pk % 2 == 1)
    by_index = sample.select(np.array([4, 0]))

    assert chosen.pk.tolist() == [1, 3]
    assert chosen.category.tolist() == ["cat1", "cat3"]
    assert chosen.occurred_at.tolist() == [1_001, 1_003]
    assert chosen.police_notified.tolist() == [True, True]
    assert by_index.pk.tolist() == [4, 0] and len(by_index) == 2


def test_a_hundred_thousand_rows_come_back_whole(store: Store) -> None:
    stored(store)
    with store.transaction() as conn:  # copies of the live rows, made inside SQLite: fast
        conn.execute(
            text(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 16666) "
                "INSERT INTO incidents (id, occurred_at, time_precision, category, description, "
                "lat, lon, place_name, location_precision, district, police_notified, source, "
                "organisation, created_at, created_by, updated_at, updated_by, deleted, "
                "search_text, sync_state) "
                "SELECT printf('copy-%d-%d', i, pk), occurred_at - i, time_precision, category, "
                "description, lat, lon, place_name, location_precision, district, "
                "police_notified, source, organisation, created_at, created_by, updated_at, "
                "updated_by, deleted, search_text, sync_state FROM n, incidents "
                "WHERE deleted = 0"
            )
        )

    sample = incident_sample(store, IncidentFilter())

    assert len(sample) == 6 * 16_667 == IncidentRepository(store).count(IncidentFilter())
    assert len(set(sample.pk.tolist())) == len(sample)
    assert int(np.count_nonzero(sample.police_notified)) == 16_667


def test_windows_read_only_the_spans_asked_for(store) -> None:
    start = datetime(2026, 3, 1, tzinfo=LOCAL_TZ)
    times = [start + timedelta(days=d) for d in (0, 5, 9, 10, 20, 40, 41)]
    IncidentRepository(store).add_many(
        [incident(occurred_at=t) for t in times], queue_for_sync=False
    )
    windows = [
        (start, start + timedelta(days=10)),
        (start + timedelta(days=40), start + timedelta(days=50)),
    ]
    found = incident_sample(store, IncidentFilter(), windows=windows)
    expected = [t for t in times if any(a <= t < b for a, b in windows)]
    assert sorted(found.occurred_at.tolist()) == [int(t.timestamp()) for t in expected]
