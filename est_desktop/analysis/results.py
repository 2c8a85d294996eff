"""What the analysis hands to the views and the printed summaries: plain, frozen data.

The functions that make these live beside this module (comparison.py, breakdown.py,
summary.py, weekly.py); the analysis view (ui/) and the reports (reports/) only read them.
Times are aware datetimes in Europe/Stockholm; counts are ints; nothing here knows Qt or SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

import numpy as np


class IncidentSample(Protocol):
    """Incidents as parallel arrays (the store's `incident_sample` makes one)."""

    pk: np.ndarray  # int64
    occurred_at: np.ndarray  # int64, epoch seconds (UTC)
    time_precision: np.ndarray  # str: "exact", "approximate" or "date"
    category: np.ndarray  # str, a category code
    district: np.ndarray  # str, a district code; "" for none (the whole municipality)
    source: np.ndarray  # str: "staff" or "police"
    place_name: np.ndarray  # str, "" when none
    lat: np.ndarray  # float64
    lon: np.ndarray  # float64
    location_precision: np.ndarray  # str: "exact", "approximate" or "municipality"
    police_notified: np.ndarray  # bool

    def __len__(self) -> int: ...

    def select(self, mask: np.ndarray) -> IncidentSample:
        """The incidents where `mask` (bool, or indices) selects them, in the same order."""
        ...


class Verdict(StrEnum):
    """What a change between two counts honestly says."""

    MORE = "more"  # clearly more: the 95 % interval of the rate ratio lies above 1
    FEWER = "fewer"  # clearly fewer: the interval lies below 1
    UNCLEAR = "unclear"  # the interval holds 1: the change may be chance
    TOO_FEW = "too_few"  # too few incidents to say anything (both counts small)


@dataclass(frozen=True, slots=True)
class Change:
    """A count against a reference (an earlier period, or the mean of several)."""

    current: int
    reference: float  # the earlier count, or the mean of several earlier periods
    ratio: float | None  # current / reference; None when the reference is 0
    low: float | None  # 95 % interval of the rate ratio (exact, conditional on the total)
    high: float | None  # inf when the reference is 0; low and high None when both are 0
    verdict: Verdict
    reference_periods: int = 1  # how many periods `reference` is the mean of ("i snitt")


@dataclass(frozen=True, slots=True)
class Period:
    """[start, end): local midnights; `label` as people say it ("1 jan–31 mar 2026")."""

    start: datetime
    end: datetime
    label: str

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        return (self.end - timedelta(days=1)).date()


@dataclass(frozen=True, slots=True)
class Bucket:
    """One bar of a trend: a week (ISO, Monday first) or a month, clipped to the period."""

    start: datetime
    end: datetime
    label: str  # "v. 3" / "jan 2026"
    count: int


@dataclass(frozen=True, slots=True)
class CategoryCount:
    code: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class GroupCount:
    code: str
    label: str
    count: int
    categories: tuple[CategoryCount, ...]  # largest first; only those with incidents


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """A named place, or a 100 m cell (then `name` says where: "Ruta vid Hulta torg")."""

    name: str
    count: int
    lat: float
    lon: float
    named: bool  # a named place, not a cell


@dataclass(frozen=True, slots=True)
class SourceCounts:
    staff: int
    police: int | None  # None: the reader may not see police records


@dataclass(frozen=True, slots=True)
class WeekdayHour:
    """Incidents by weekday (rows, Monday first) and hour of day (columns), in local time.
    Incidents known only to the day are left out of the matrix and counted in `no_time`."""

    counts: np.ndarray  # 7 × 24, int
    no_time: int


@dataclass(frozen=True, slots=True)
class MeasureLine:
    """A measure as a summary lists it."""

    title: str
    status: str  # "planned", "ongoing" or "done"
    start: date | None
    end: date | None
    district: str  # name, "" when not tied to one
    responsible: str
    follow_up: str = ""  # the follow-up's verdict in words (follow_up.py), "" when none


@dataclass(frozen=True, slots=True)
class DistrictSummary:
    """Everything the district summary and the analysis view show for one period."""

    period: Period
    districts: tuple[str, ...]  # codes; empty: all
    district_label: str  # "Hulta" / "Hulta, Norrby" / "Alla distrikt"
    categories: tuple[str, ...]  # codes; empty: all
    total: int
    previous: Change  # against the period of the same length just before
    year_before: Change  # against the same dates a year earlier
    trend: tuple[Bucket, ...]
    trend_unit: str  # "week" or "month"
    weekday_hour: WeekdayHour
    groups: tuple[GroupCount, ...]  # largest first
    places: tuple[PlaceCount, ...]  # top places, largest first
    sources: SourceCounts
    police_notified: int  # incidents the police were told of
    measures: tuple[MeasureLine, ...] = ()


@dataclass(frozen=True, slots=True)
class DistrictWeek:
    """One district in the weekly situation picture."""

    code: str
    name: str
    change: Change  # the last 7 days against the mean of the 4 weeks before
    top_categories: tuple[CategoryCount, ...]  # the last 7 days, largest first (at most 3)


@dataclass(frozen=True, slots=True)
class NotifiedIncident:
    """An incident of the week the police were told of."""

    occurred_at: datetime
    category: str  # label
    district: str  # name
    place: str


@dataclass(frozen=True, slots=True)
class WeeklyPicture:
    """Veckans lägesbild: the last 7 days, district by district."""

    period: Period  # the 7 days
    reference: Period  # the 4 weeks before
    districts: tuple[DistrictWeek, ...]
    total: Change
    new_hotspots: tuple[PlaceCount, ...]  # cells hot this week and not in the 4 weeks before
    notified: tuple[NotifiedIncident, ...]
    measures: tuple[MeasureLine, ...] = field(default=())
