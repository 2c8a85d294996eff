"""Demo incidents: reproducible, valid, and showing the patterns the analyses should find."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from est_desktop.demo_data import fill_demo_store, generate_demo_incidents
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ, Incident, SyncState, TimePrecision
from est_desktop.domain.validation import check_incident
from est_desktop.geo.district_lookup import OUTSIDE_DISTRICTS, DistrictLookup
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from est_desktop.store.tables import OutboxRow

END = datetime(2026, 6, 1, tzinfo=LOCAL_TZ)
FIRES = {"anlagd_brand", "bilbrand", "container_soprumsbrand"}
DARK_MONTHS = {10, 11, 12, 1, 2, 3}


@pytest.fixture(scope="module")
def sample() -> list[Incident]:
    return list(generate_demo_incidents(20_000, seed=7, end=END))


def test_same_seed_and_end_give_the_same_records() -> None:
    first = list(generate_demo_incidents(300, seed=3, end=END))
    assert first == list(generate_demo_incidents(300, seed=3, end=END))
    assert first != list(generate_demo_incidents(300, seed=4, end=END))
    assert first != list(generate_demo_incidents(300, seed=3, end=END + timedelta(days=1)))


def test_default_end_is_fixed() -> None:
    assert list(generate_demo_incidents(50)) == list(generate_demo_incidents(50))


@pytest.mark.parametrize("count", [0, 1, 1234])
def test_count_is_exact(count: int) -> None:
    assert sum(1 for _ in generate_demo_incidents(count, end=END)) == count


def test_naive_end_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        list(generate_demo_incidents(1, end=datetime(2026, 1, 1)))


def test_all_districts_and_some_outside(sample: list[Incident]) -> None:
    counts = Counter(incident.district for incident in sample)
    assert set(counts) == {"hassleholmen", "hulta", "norrby", "sjobo", "centrum", OUTSIDE_DISTRICTS}
    est = counts["hassleholmen"] + counts["hulta"] + counts["norrby"]
    assert est > 3 * (counts["sjobo"] + counts["centrum"])
    assert 0.01 < counts[OUTSIDE_DISTRICTS] / len(sample) < 0.1


def test_every_record_is_valid_and_its_district_consistent(sample: list[Incident]) -> None:
    taxonomy, lookup, now = Taxonomy.load(), DistrictLookup.default(), datetime.now(UTC)
    for incident in sample[:5000]:
        assert check_incident(incident.as_draft(), taxonomy, now) == [], incident
        assert incident.district == lookup.district_at(incident.lat, incident.lon)
        assert incident.sync_state is SyncState.LOCAL and incident.revision is None
        assert incident.occurred_at < END
        assert incident.occurred_at <= incident.created_at <= END
        assert incident.created_at == incident.updated_at
        assert incident.created_at - incident.occurred_at < timedelta(days=3)
        assert incident.occurred_until is None or incident.occurred_until >= incident.occurred_at
        assert incident.organisation in {"boras_stad", "bostader"}
        assert incident.created_by and incident.created_by == incident.updated_by
        assert incident.occurred_at.microsecond == incident.created_at.microsecond == 0


def test_spread_of_fields(sample: list[Incident]) -> None:
    assert min(i.occurred_at for i in sample) >= END - timedelta(days=731)
    precisions = Counter(incident.time_precision for incident in sample)
    assert precisions[TimePrecision.APPROXIMATE] > 0.05 * len(sample)
    assert precisions[TimePrecision.DATE] > 0.05 * len(sample)
    approximate = sum(i.location_precision == "approximate" for i in sample) / len(sample)
    assert 0.01 < approximate < 0.1
    assert 0.07 < sum(i.police_notified for i in sample) / len(sample) < 0.14
    assert sum(bool(i.place_name) for i in sample) > 0.3 * len(sample)
    assert len({i.id for i in sample}) == len(sample)
    assert len(Counter(i.category for i in sample)) >= 25


def test_fires_happen_in_the_evening_and_at_night(sample: list[Incident]) -> None:
    hours = [i.occurred_at.astimezone(LOCAL_TZ).hour for i in sample if i.category in FIRES]
    assert len(hours) > 500
    assert sum(1 for hour in hours if hour >= 18 or hour < 4) / len(hours) > 0.6


def test_broken_lighting_in_the_dark_half_of_the_year(sample: list[Incident]) -> None:
    months = [
        i.occurred_at.astimezone(LOCAL_TZ).month for i in sample if i.category == "trasig_belysning"
    ]
    assert sum(1 for month in months if month in DARK_MONTHS) / len(months) > 0.7


def test_reckless_riding_in_the_warm_half_and_fireworks_at_new_year(
    sample: list[Incident],
) -> None:
    riding = [
        i.occurred_at.astimezone(LOCAL_TZ).month for i in sample if i.category == "buskorning"
    ]
    assert sum(1 for month in riding if 4 <= month <= 9) / len(riding) > 0.7
    fireworks = [i.occurred_at.astimezone(LOCAL_TZ) for i in sample if i.category == "fyrverkerier"]
    new_year = [t for t in fireworks if (t.month, t.day) in {(12, 31), (1, 1)}]
    assert len(new_year) / len(fireworks) > 0.1  # two days of 365: uniform would be 0.005


def test_improving_district_has_fewer_incidents_in_the_second_year(
    sample: list[Incident],
) -> None:
    middle = END - timedelta(days=365)
    first = sum(1 for i in sample if i.district == "hassleholmen" and i.occurred_at < middle)
    second = sum(1 for i in sample if i.district == "hassleholmen" and i.occurred_at >= middle)
    assert second < 0.9 * first


def _top_cells_share(points: list[tuple[float, float]], cells: int = 10) -> float:
    """Share of the points in the `cells` most used ~100 m grid cells."""
    counts = Counter((int(lat / 0.0009), int(lon / 0.0017)) for lat, lon in points)
    return sum(n for _, n in counts.most_common(cells)) / len(points)


def test_graffiti_is_clustered(sample: list[Incident]) -> None:
    lookup = DistrictLookup.default()
    graffiti = [i for i in sample if i.category == "klotter" and i.district != OUTSIDE_DISTRICTS]
    # The baseline: as many points spread uniformly over the same districts.
    rng = random.Random(0)
    boxes: dict[str, list[float]] = {}
    for i in graffiti:
        box = boxes.setdefault(i.district, [i.lat, i.lat, i.lon, i.lon])
        box[:] = [min(box[0], i.lat), max(box[1], i.lat), min(box[2], i.lon), max(box[3], i.lon)]
    uniform = []
    for incident in graffiti:
        lat_lo, lat_hi, lon_lo, lon_hi = boxes[incident.district]
        while True:
            lat, lon = rng.uniform(lat_lo, lat_hi), rng.uniform(lon_lo, lon_hi)
            if lookup.contains(incident.district, lat, lon):
                break
        uniform.append((lat, lon))
    clustered = _top_cells_share([(i.lat, i.lon) for i in graffiti])
    assert clustered > 3 * _top_cells_share(uniform)


def test_drug_dealing_at_a_few_spots(sample: list[Incident]) -> None:
    dealing = [(i.lat, i.lon) for i in sample if i.category == "droghandel"]
    assert _top_cells_share(dealing, cells=12) > 0.4


def test_descriptions_hold_no_personal_data(sample: list[Incident]) -> None:
    privacy = pytest.importorskip("est_desktop.domain.privacy")
    descriptions = {incident.description for incident in sample}
    assert len(descriptions) > 100
    flagged = {text: privacy.privacy_findings(text) for text in descriptions}
    assert {text: found for text, found in flagged.items() if found} == {}


def test_fill_demo_store_writes_the_count_without_outbox_entries(tmp_path) -> None:
    seen: list[int] = []
    with Store.open(tmp_path / "est.sqlite") as store:
        assert fill_demo_store(store, 12_345, seed=2, end=END, progress=seen.append) == 12_345
        assert IncidentRepository(store).count(IncidentFilter()) == 12_345
        with store.reading() as conn:
            assert conn.scalar(select(func.count()).select_from(OutboxRow)) == 0
        first = next(generate_demo_incidents(1, seed=2, end=END))
        assert IncidentRepository(store).get(first.id) == first
    assert seen == [10_000, 12_345]
