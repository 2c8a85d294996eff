"""The map's points: exactly the list's rows for the same filter, as arrays, minus incidents
placed only at the municipality's centre; and fetching one incident by its integer key."""

from __future__ import annotations

import time

import numpy as np
from sqlalchemy import text

from est_desktop.domain.incident import LocationPrecision
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from tests.store.records import MIXED_FILTERS, incident, mixed_incidents, repository_with


def sample(store: Store) -> IncidentRepository:
    return repository_with(store, *mixed_incidents())


def test_the_map_shows_the_lists_rows_except_those_placed_at_the_municipality(
    store: Store,
) -> None:
    repository = sample(store)
    for where in MIXED_FILTERS:
        listed = repository.page(where, limit=1000)
        assert repository.count(where) == len(listed)
        on_map = {
            row.pk
            for row in listed
            if (found := repository.get_by_pk(row.pk)) is not None
            and found.location_precision is not LocationPrecision.MUNICIPALITY
        }

        points = repository.map_points(where)

        assert len(points) == len(on_map), where
        assert set(points.pk.tolist()) == on_map, where


def test_each_point_carries_its_incidents_position_and_category(store: Store) -> None:
    repository = sample(store)
    points = repository.map_points(IncidentFilter())

    assert points.pk.dtype == np.int64
    assert points.lat.dtype == points.lon.dtype == np.float64
    for pk, lat, lon, category in zip(
        points.pk, points.lat, points.lon, points.category, strict=True
    ):
        stored = repository.get_by_pk(int(pk))
        assert stored is not None
        assert (lat, lon, category) == (stored.lat, stored.lon, stored.category)


def test_a_filter_that_only_matches_municipality_incidents_gives_no_points(store: Store) -> None:
    repository = sample(store)
    where = IncidentFilter(text="bara kommunen")

    assert repository.count(where) == 1
    assert len(repository.map_points(where)) == 0


def test_an_empty_store_gives_empty_arrays_of_the_right_types(store: Store) -> None:
    points = IncidentRepository(store).map_points(IncidentFilter())

    assert len(points) == 0
    assert points.pk.dtype == np.int64 and points.lat.dtype == np.float64
    assert points.lon.shape == points.category.shape == (0,)


def test_get_by_pk_finds_the_incident_or_says_none(store: Store) -> None:
    record = incident(description="just den")
    repository = repository_with(store, record)
    pk = repository.page(IncidentFilter())[0].pk

    assert repository.get_by_pk(pk) == repository.get(record.id)
    assert repository.get_by_pk(pk + 1) is None


def test_a_hundred_thousand_points_come_back_whole(store: Store) -> None:
    repository = repository_with(store, incident())
    with store.transaction() as conn:  # copies of the one row, made inside SQLite: fast
        conn.execute(
            text(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 99999) "
                "INSERT INTO incidents (id, occurred_at, time_precision, category, description, "
                "lat, lon, place_name, location_precision, district, police_notified, source, "
                "organisation, created_at, created_by, updated_at, updated_by, deleted, "
                "search_text, sync_state) "
                "SELECT printf('copy-%d', i), occurred_at - i, time_precision, category, "
                "description, lat + i * 1e-7, lon, place_name, location_precision, district, "
                "police_notified, source, organisation, created_at, created_by, updated_at, "
                "updated_by, deleted, search_text, sync_state FROM n, incidents"
            )
        )

    started = time.perf_counter()
    points = repository.map_points(IncidentFilter())
    seconds = time.perf_counter() - started

    print(f"\nmap_points: {len(points):,} points in {seconds * 1000:.0f} ms")  # a figure, no limit
    assert len(points) == repository.count(IncidentFilter()) == 100_000
    assert len(set(points.pk.tolist())) == 100_000
