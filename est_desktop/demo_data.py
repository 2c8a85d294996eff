"""Realistic, reproducible demo incidents: to try the app, the map and the analyses, and to
fill a store for benchmarks.

Everything comes from one seeded `random.Random`, so the same `seed` and `end` give the same
records. The patterns are those the analyses should find: fires, gatherings and fireworks in the
evening and at night (fireworks around New Year), graffiti in hot spots that last for months,
broken lighting in the dark half of the year, reckless riding in the warm half, drug dealing at a
few fixed spots, and districts that slowly improve (or do not) over the two years.
Descriptions describe places and events, never people.
"""

from __future__ import annotations

import math
import random
import uuid
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate, islice

from est_desktop.demo_patterns import (
    DESCRIPTIONS,
    HOURS,
    NEWYEAR_DAYS,
    OTHER,
    PATTERNS,
    SEASONS,
    SPOTS,
    STAFF_ROLES,
)
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import (
    LOCAL_TZ,
    Incident,
    LocationPrecision,
    SyncState,
    TimePrecision,
)
from est_desktop.geo.district_lookup import OUTSIDE_DISTRICTS, DistrictLookup
from est_desktop.geo.places import NamedPlace, load_places
from est_desktop.store.database import Store
from est_desktop.store.incidents import IncidentRepository

DEFAULT_END = datetime(2026, 11, 1, tzinfo=LOCAL_TZ)  # fixed, so the default is reproducible
SPAN_DAYS = 730
M_PER_DEG_LAT = 111_320.0

# Share of incidents per district, and the rate at the end of the span relative to its start.
DISTRICT_WEIGHTS = {"hassleholmen": 30, "hulta": 26, "norrby": 24, "sjobo": 9, "centrum": 8}
OUTSIDE_WEIGHT = 3
DISTRICT_TREND = {"hassleholmen": 0.6, "hulta": 0.8, "norrby": 1.15, "sjobo": 0.9}
# Measures that worked: (district, category) -> (from this share of the span, rate factor).
MEASURE_EFFECTS = {
    ("hulta", "otrygg_samling"): (0.55, 0.45),  # evening guards at the square
    ("norrby", "trasig_belysning"): (0.5, 0.35),  # new lighting along the paths
}
DISTRICT_CATEGORY_FACTORS: dict[str, dict[str, float]] = {
    "centrum": {"nedskrapning": 2.0, "olovlig_vistelse": 2.5, "brak_hot_vald": 2.0,
                "kallar_forradsinbrott": 0.3, "bilbrand": 0.3, "buskorning": 0.3},
    "hassleholmen": {"bilbrand": 1.5, "droghandel": 1.3, "container_soprumsbrand": 1.3},
    "sjobo": {"kallar_forradsinbrott": 1.5, "droghandel": 0.6},
    OUTSIDE_DISTRICTS: {"overgivet_fordon": 3.0, "buskorning": 2.0, "nedskrapning": 1.5},
}  # fmt: skip


@dataclass(slots=True)
class _Spot:
    """A fixed place where something keeps happening, from day `first` to day `last`."""

    lat: float
    lon: float
    label: str
    first: int = 0
    last: int = SPAN_DAYS


class _Generator:
    """All the precomputed tables for one run, so each record costs a few dozen operations."""

    def __init__(self, rng: random.Random, end: datetime, lookup: DistrictLookup,
                 places: list[NamedPlace], taxonomy: Taxonomy) -> None:  # fmt: skip
        self.rng, self.lookup = rng, lookup
        known = {district.code for district in lookup.districts()}
        codes = [code for code in DISTRICT_WEIGHTS if code in known]
        self.codes = [*codes, OUTSIDE_DISTRICTS]
        weights = [DISTRICT_WEIGHTS[code] for code in codes] + [OUTSIDE_WEIGHT]
        self.district_cum = list(accumulate(weights))
        active = [c.code for c in taxonomy.categories(active_only=True)]
        if not active:
            raise ValueError("the taxonomy has no active category")
        self.patterns = {code: PATTERNS.get(code, OTHER) for code in active}
        self.templates = {code: DESCRIPTIONS.get(code, "").split("|") for code in active}
        self.categories: dict[str, tuple[list[str], list[float]]] = {}
        for district in self.codes:
            factors = DISTRICT_CATEGORY_FACTORS.get(district, {})
            weights = [p.weight * factors.get(c, 1.0) for c, p in self.patterns.items()]
            self.categories[district] = (active, list(accumulate(weights)))
        last_day = (end - timedelta(seconds=1)).astimezone(LOCAL_TZ).date()
        self.days = [last_day - timedelta(days=SPAN_DAYS - 1 - i) for i in range(SPAN_DAYS)]
        self.hours = {key: list(accumulate(weights)) for key, weights in HOURS.items()}
        self._day_cums: dict[tuple[str, str], list[float]] = {}
        self.boxes = {code: self._box(code) for code in codes}
        lats = [b[0] for b in self.boxes.values()] + [b[1] for b in self.boxes.values()]
        lons = [b[2] for b in self.boxes.values()] + [b[3] for b in self.boxes.values()]
        pad_lat, pad_lon = 1500 / M_PER_DEG_LAT, 1500 / self._m_per_deg_lon(min(lats))
        self.boxes[OUTSIDE_DISTRICTS] = (min(lats) - pad_lat, max(lats) + pad_lat,
                                         min(lons) - pad_lon, max(lons) + pad_lon)  # fmt: skip
        self.places = {code: [p for p in places if (p.district or OUTSIDE_DISTRICTS) == code]
                       for code in self.codes}  # fmt: skip
        self._place_cums: dict[tuple[str, str], list[float]] = {}
        # Graffiti hot spots that last some months, and the fixed spots of drug dealing.
        self.graffiti = {code: [self._spot(code, 40 + rng.random() * 260) for _ in range(7)]
                         for code in self.codes}  # fmt: skip
        for spot in (s for spots in self.graffiti.values() for s in spots):
            spot.first = rng.randrange(-120, SPAN_DAYS)
            spot.last = spot.first + rng.randrange(60, 300)
        self.dealing = {code: [self._spot(code, 60 + rng.random() * 80) for _ in range(2)]
                        for code in self.codes}  # fmt: skip

    # -- where --

    @staticmethod
    def _m_per_deg_lon(lat: float) -> float:
        return M_PER_DEG_LAT * math.cos(math.radians(lat))

    def _box(self, code: str) -> tuple[float, float, float, float]:
        """(min lat, max lat, min lon, max lon) around a district, found on a ~40 m grid."""
        lat0, lon0 = self.lookup.centroid(code)
        step_lat, step_lon = 40 / M_PER_DEG_LAT, 40 / self._m_per_deg_lon(lat0)
        contains = self.lookup.contains
        half = 50  # grid points each side: 2 km, doubled while the district reaches the edge
        while True:
            grid = range(-half, half + 1)
            inside = [
                (i, j)
                for i in grid
                for j in grid
                if contains(code, lat0 + i * step_lat, lon0 + j * step_lon)
            ]
            if not inside:  # an outline too thin for the grid: a small box at its centre
                inside = [(0, 0)]
            rows, cols = [i for i, _ in inside], [j for _, j in inside]
            if half >= 400 or max(map(abs, rows + cols)) < half:
                break
            half *= 2
        return (lat0 + (min(rows) - 1) * step_lat, lat0 + (max(rows) + 1) * step_lat,
                lon0 + (min(cols) - 1) * step_lon, lon0 + (max(cols) + 1) * step_lon)  # fmt: skip

    def random_point(self, code: str) -> tuple[float, float]:
        """A uniformly random point inside the district (rejection sampling)."""
        lat_lo, lat_hi, lon_lo, lon_hi = self.boxes[code]
        random_ = self.rng.random
        for _ in range(1000):
            lat = lat_lo + random_() * (lat_hi - lat_lo)
            lon = lon_lo + random_() * (lon_hi - lon_lo)
            if self.lookup.contains(code, lat, lon):
                return lat, lon
        return self.lookup.centroid(code)

    def near(self, lat: float, lon: float, metres: float) -> tuple[float, float]:
        angle = self.rng.random() * math.tau
        return (lat + metres * math.sin(angle) / M_PER_DEG_LAT,
                lon + metres * math.cos(angle) / self._m_per_deg_lon(lat))  # fmt: skip

    def _spot(self, code: str, metres: float) -> _Spot:
        places = self.places[code]
        if places and self.rng.random() < 0.6:
            place = self.rng.choice(places)
            return _Spot(*self.near(place.lat, place.lon, metres), place.name)
        return _Spot(*self.random_point(code), "")

    def place(self, district: str, category: str, kinds: tuple[str, ...]) -> NamedPlace | None:
        places = self.places[district]
        if not places:
            return None
        cum = self._place_cums.get((district, category))
        if cum is None:
            cum = list(accumulate(3.0 if p.kind in kinds else 1.0 for p in places))
            self._place_cums[(district, category)] = cum
        return places[bisect_right(cum, self.rng.random() * cum[-1])]

    # -- when --

    def day_cum(self, district: str, category: str) -> list[float]:
        key = (district, category)
        if (cum := self._day_cums.get(key)) is None:
            pattern = self.patterns[category]
            trend = DISTRICT_TREND.get(district, 1.0) - 1.0
            season = SEASONS[pattern.season]
            weekend = (4, 5) if pattern.hours in ("night", "evening") else (5, 6)
            start, factor = MEASURE_EFFECTS.get(key, (2.0, 1.0))
            weights = []
            for i, day in enumerate(self.days):
                share = i / SPAN_DAYS
                w = (1.0 + trend * share) * season[day.month - 1]
                w *= pattern.weekend if day.weekday() in weekend else 1.0
                w *= factor if share >= start else 1.0
                if pattern.season == "newyear":
                    w *= NEWYEAR_DAYS.get((day.month, day.day), 1.0)
                weights.append(w)
            cum = self._day_cums[key] = list(accumulate(weights))
        return cum


def _pick(cum: list[float], rng: random.Random) -> int:
    return bisect_right(cum, rng.random() * cum[-1])


def generate_demo_incidents(
    count: int,
    *,
    seed: int = 1,
    end: datetime | None = None,
    districts: DistrictLookup | None = None,
    places: list[NamedPlace] | None = None,
    taxonomy: Taxonomy | None = None,
) -> Iterator[Incident]:
    """`count` demo incidents over the two years before `end` (aware, exclusive; not in the
    future, or the records would fail validation). Same seed and end, same records."""
    end = (DEFAULT_END if end is None else end).replace(microsecond=0)
    if end.tzinfo is None:
        raise ValueError("end must carry a time zone")
    rng = random.Random(seed)
    lookup = districts or DistrictLookup.default()
    gen = _Generator(rng, end, lookup, load_places() if places is None else places,
                     taxonomy or Taxonomy.load())  # fmt: skip
    rand, end_utc = rng.random, end.astimezone(UTC)
    for _ in range(count):
        district = gen.codes[_pick(gen.district_cum, rng)]
        codes, cat_cum = gen.categories[district]
        category = codes[_pick(cat_cum, rng)]
        pattern = gen.patterns[category]
        day_index = _pick(gen.day_cum(district, category), rng)
        day = gen.days[day_index]

        # When: a local hour from the pattern; found-afterwards things are often vaguer.
        roll = rand()
        exact_share, approx_share = (0.85, 0.97) if pattern.observed else (0.45, 0.75)
        until = None
        if roll < approx_share:
            hour = _pick(gen.hours[pattern.hours], rng)
            local = datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=LOCAL_TZ)
            occurred = local.astimezone(UTC)
            precision = TimePrecision.EXACT if roll < exact_share else TimePrecision.APPROXIMATE
            if precision is TimePrecision.APPROXIMATE and not pattern.observed and rand() < 0.4:
                until = occurred + timedelta(minutes=rng.randrange(60, 600, 15))
        else:
            occurred = datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ).astimezone(UTC)
            precision = TimePrecision.DATE
        if occurred >= end_utc:
            occurred = end_utc - timedelta(minutes=rng.randrange(1, 120))
        if until is not None and until > end_utc:
            until = end_utc
        reported = occurred + timedelta(hours=7) if precision is TimePrecision.DATE else occurred
        delay = timedelta(seconds=int(min(rng.expovariate(1 / 7200), 172_800)) + 60)
        created = min(max(reported + delay, until or occurred), end_utc)

        # Where: a hot spot, a named place, or anywhere in the district.
        place_name = ""
        spots = None
        if category == "klotter" and rand() < 0.7:
            spots = [s for s in gen.graffiti[district] if s.first <= day_index <= s.last]
        elif category == "droghandel" and rand() < 0.75:
            spots = gen.dealing[district]
        if spots:
            spot = spots[int(rand() * len(spots))]
            lat, lon = gen.near(spot.lat, spot.lon, abs(rng.gauss(0, 25)))
            place_name = spot.label
        elif rand() < 0.55 and (place := gen.place(district, category, pattern.kinds)):
            metres = min(15 + rng.expovariate(1 / 60), 250)
            lat, lon = gen.near(place.lat, place.lon, metres)
            place_name = place.name if metres < 150 else ""
        else:
            lat, lon = gen.random_point(district)
        approximate = rand() < 0.04  # "within a few hundred metres"
        location = LocationPrecision.APPROXIMATE if approximate else LocationPrecision.EXACT

        lat, lon = round(lat, 6), round(lon, 6)
        templates = gen.templates[category]
        description = "" if rand() < 0.05 else templates[int(rand() * len(templates))]
        if "{" in description:
            description = description.format(
                plats=SPOTS[int(rand() * len(SPOTS))], n=rng.randint(2, 6), m2=rng.randint(1, 12)
            )
        role, organisation = STAFF_ROLES[int(rand() * len(STAFF_ROLES))]
        user = f"{role}.{'boras' if district == OUTSIDE_DISTRICTS else district}"
        yield Incident(
            id=uuid.UUID(int=rng.getrandbits(128), version=4), occurred_at=occurred,
            category=category, lat=lat, lon=lon, district=lookup.district_at(lat, lon),
            time_precision=precision, occurred_until=until, description=description,
            place_name=place_name, location_precision=location,
            police_notified=rand() < pattern.police, organisation=organisation,
            created_at=created, created_by=user, updated_at=created, updated_by=user,
            revision=None, sync_state=SyncState.LOCAL,
        )  # fmt: skip


def fill_demo_store(
    store: Store,
    count: int,
    *,
    seed: int = 1,
    end: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write `count` demo incidents into `store`, never queued for sync; returns how many.
    `progress` is called with the number written so far after each batch."""
    repository = IncidentRepository(store)
    incidents = generate_demo_incidents(count, seed=seed, end=end)
    written = 0
    while batch := list(islice(incidents, 10_000)):
        written += repository.add_many(batch, queue_for_sync=False)
        if progress is not None:
            progress(written)
    return written
