"""What the incident list and map ask the store for, and the shapes of its answers.

`IncidentFilter` says which incidents (`filter_conditions` turns it into SQL), `SortKey` in which
order; `IncidentListRow` is a line of the list and `MapPoints` the map's arrays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from sqlalchemy import ColumnElement, and_

from est_desktop.store.tables import IncidentRow


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """What the list shows. Empty sets mean "any"; times are aware, `end` is exclusive."""

    start: datetime | None = None
    end: datetime | None = None
    districts: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    text: str = ""
    # Only these incidents (an analysis chart's cell: "Mondays 18-19"); None: no such limit.
    pks: frozenset[int] | None = None


class SortKey(StrEnum):
    OCCURRED_AT = "occurred_at"
    CATEGORY = "category"
    DISTRICT = "district"
    PLACE_NAME = "place_name"
    SOURCE = "source"
    SYNC_STATE = "sync_state"


class IncidentListRow(NamedTuple):
    """One line of the incident list: only what the list shows."""

    pk: int
    id: str
    occurred_at: datetime
    time_precision: str
    category: str
    district: str
    place_name: str
    description: str
    source: str
    police_notified: bool
    sync_state: str


# The columns a list query selects, in `IncidentListRow`'s field order.
LIST_COLUMNS = (
    IncidentRow.pk,
    IncidentRow.id,
    IncidentRow.occurred_at,
    IncidentRow.time_precision,
    IncidentRow.category,
    IncidentRow.district,
    IncidentRow.place_name,
    IncidentRow.description,
    IncidentRow.source,
    IncidentRow.police_notified,
    IncidentRow.sync_state,
)


@dataclass(frozen=True, slots=True)
class MapPoints:
    """Incidents as the map draws them: parallel arrays, one entry per incident.

    Arrays, not one object per marker, so a million incidents stay cheap to carry to the page.
    """

    pk: npt.NDArray[np.int64]
    lat: npt.NDArray[np.float64]
    lon: npt.NDArray[np.float64]
    category: npt.NDArray[np.object_]  # category codes (str)

    def __len__(self) -> int:
        return len(self.pk)

    @classmethod
    def from_rows(cls, rows: Sequence[tuple[object, ...]]) -> MapPoints:
        """From (pk, lat, lon, category) tuples."""
        table = np.array(rows, dtype=_MAP_POINT_DTYPE)  # one C-level pass over the tuples
        # Contiguous copies, so callers can hand each array on as raw bytes.
        return cls(
            pk=np.ascontiguousarray(table["pk"]),
            lat=np.ascontiguousarray(table["lat"]),
            lon=np.ascontiguousarray(table["lon"]),
            category=np.ascontiguousarray(table["category"]),
        )


_MAP_POINT_DTYPE = np.dtype(
    [("pk", np.int64), ("lat", np.float64), ("lon", np.float64), ("category", object)]
)


def filter_conditions(where: IncidentFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [IncidentRow.deleted.is_(False)]
    if where.start is not None:
        conditions.append(IncidentRow.occurred_at >= where.start)
    if where.end is not None:
        conditions.append(IncidentRow.occurred_at < where.end)
    if where.pks is not None:
        conditions.append(IncidentRow.pk.in_(sorted(where.pks)))
    if where.districts:
        conditions.append(IncidentRow.district.in_(sorted(where.districts)))
    if where.categories:
        conditions.append(IncidentRow.category.in_(sorted(where.categories)))
    if where.sources:
        conditions.append(IncidentRow.source.in_(sorted(where.sources)))
    words = where.text.casefold().split()
    if words:
        patterns = (f"%{_escape_like(word)}%" for word in words)
        conditions.append(and_(*(IncidentRow.search_text.like(p, escape="\\") for p in patterns)))
    return conditions


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
