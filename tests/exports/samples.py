"""Incidents for the export tests, and counts worked out one incident at a time (plain Python,
not the export's numpy) to check the exports against."""

from __future__ import annotations

import math
import random
from collections import Counter
from datetime import date, datetime, timedelta

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ, Incident, LocationPrecision, Source
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.database import Store
from est_desktop.store.incidents import IncidentRepository
from tests.store.records import incident

LOOKUP = DistrictLookup.default()
CATEGORIES = ("klotter", "glaskross", "bilbrand", "droghandel", "nedskrapning", "fortkorning")
BOUNDS = {code: LOOKUP.bounds(code) for code in ("hulta", "norrby", "hassleholmen")}


def many_incidents(count: int = 400, seed: int = 7) -> list[Incident]:
    """Incidents from 20 Dec 2025 to 15 Apr 2026 in three districts, some police records, some
    placed only at the municipality, clustered so that cells hold both small and large counts."""
    rng = random.Random(seed)
    start = datetime(2025, 12, 20, tzinfo=LOCAL_TZ)
    found = []
    for _ in range(count):
        south, west, north, east = BOUNDS[rng.choice(list(BOUNDS))]
        lat = rng.uniform(south, south + (north - south) * rng.choice((0.1, 1.0)))
        lon = rng.uniform(west, west + (east - west) * rng.choice((0.1, 1.0)))
        precision = (
            LocationPrecision.MUNICIPALITY if rng.random() < 0.05 else LocationPrecision.EXACT
        )
        when = start + timedelta(minutes=rng.randrange(0, 117 * 24 * 60))
        found.append(
            incident(
                occurred_at=when,
                category=rng.choice(CATEGORIES),
                lat=lat,
                lon=lon,
                location_precision=precision,
                district=(
                    None
                    if precision is LocationPrecision.MUNICIPALITY
                    else LOOKUP.district_at(lat, lon)
                ),
                source=Source.POLICE if rng.random() < 0.2 else Source.STAFF,
                description="Klotter; “citat” och\nny rad",
                place_name="Hulta torg",
            )
        )
    return found


def store_incidents(store: Store, records: list[Incident]) -> None:
    IncidentRepository(store).add_many(records, queue_for_sync=False)


def month_of(record: Incident) -> date:
    local = record.occurred_at.astimezone(LOCAL_TZ)
    return date(local.year, local.month, 1)


def cell_of(record: Incident, cell_m: float) -> str:
    """The cell code, worked out with plain math from the grid's definition."""
    cell_lat = cell_m / 111_320.0
    cell_lon = cell_m / (111_320.0 * math.cos(math.radians((57.55 + 57.90) / 2)))
    row = math.floor((record.lat - 57.55) / cell_lat)
    col = math.floor((record.lon - 12.65) / cell_lon)
    return f"{cell_m:g}m-N{row}-E{col}"


def expected_counts(
    records: list[Incident],
    taxonomy: Taxonomy,
    *,
    by: str,
    first: date,
    last: date,
    cell_m: float = 250.0,
    police: bool = False,
) -> Counter[tuple[str, date, str]]:
    """(area code, first day of month, group code) → incidents, one incident at a time."""
    counts: Counter[tuple[str, date, str]] = Counter()
    for record in records:
        if record.location_precision is LocationPrecision.MUNICIPALITY:
            continue
        if record.source is Source.POLICE and not police:
            continue
        day = record.occurred_at.astimezone(LOCAL_TZ).date()
        if not first <= day <= last:
            continue
        area = record.district if by == "district" else cell_of(record, cell_m)
        category = taxonomy.category(record.category)
        assert area is not None and category is not None
        counts[(area, month_of(record), category.group)] += 1
    return counts
