"""The measure record: a joint action against unsafety (guards, lighting, cleaning...).

Its wire form (PROTOCOL.md, "Measure") both ways and its rules, in the manner of `wire.py` and
`validation.py` for incidents: parsing never raises on bad input but says per field what is
wrong, and the rules return every problem at once.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.language import QT_TRANSLATE_NOOP, translate
from est_desktop.domain.validation import LAT_RANGE, LON_RANGE, MESSAGES
from est_desktop.domain.wire import (
    BOOKKEEPING_FIELDS,
    WIRE_MESSAGES,
    BadValue,
    FieldProblems,
    choice_parser,
    number_value,
    optional_text_value,
    parse_fields,
    text_value,
    wire_value,
)

MAX_TITLE = 200
MAX_TEXT = 4000
MAX_ORGANISATION = 200
MAX_AREA_POINTS = 10_000  # a drawn area; far more points is a mistake, not a measure
# A measure at a point without a radius covers about a building: the map draws it so, and its
# follow-up counts the incidents there.
DEFAULT_RADIUS_M = 50.0


class MeasureStatus(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class MeasureDraft:
    """What a person says about a measure; every field may be missing or wrong."""

    title: str = ""
    description: str = ""
    district: str | None = None
    lat: float | None = None
    lon: float | None = None
    radius_m: float | None = None
    area: dict[str, Any] | None = None  # a GeoJSON Polygon geometry; counts over the circle
    start_date: date | None = None
    end_date: date | None = None
    status: MeasureStatus = MeasureStatus.PLANNED
    responsible_organisation: str = ""
    categories: tuple[str, ...] = ()
    follow_up: str = ""


MEASURE_FIELDS: tuple[str, ...] = (
    "title",
    "description",
    "district",
    "lat",
    "lon",
    "radius_m",
    "area",
    "start_date",
    "end_date",
    "status",
    "responsible_organisation",
    "categories",
    "follow_up",
)
MEASURE_SERVER_FIELDS: frozenset[str] = frozenset({"id", *BOOKKEEPING_FIELDS})
REQUIRED_NEW_MEASURE_FIELDS: tuple[str, ...] = ("title", "start_date")

MEASURE_MESSAGES: dict[str, str] = {
    "bad_date": QT_TRANSLATE_NOOP(
        "FieldProblem", "Ogiltigt datum: ange ÅÅÅÅ-MM-DD, t.ex. 2026-03-14."
    ),
    "required": QT_TRANSLATE_NOOP("FieldProblem", "Fältet krävs för en ny åtgärd."),
    "required_title": QT_TRANSLATE_NOOP("FieldProblem", "Ange en rubrik."),
    "required_start": QT_TRANSLATE_NOOP("FieldProblem", "Ange startdatum."),
    "end_before_start": QT_TRANSLATE_NOOP("FieldProblem", "Slutdatumet ligger före startdatumet."),
    "position_pair": QT_TRANSLATE_NOOP(
        "FieldProblem", "Ange både latitud och longitud, eller ingen av dem."
    ),
    "radius_not_positive": QT_TRANSLATE_NOOP("FieldProblem", "Radien ska vara större än 0 meter."),
    "bad_area": QT_TRANSLATE_NOOP(
        "FieldProblem",
        "Ytan ska vara en GeoJSON-polygon: slutna ringar av minst fyra [lon, lat]-punkter.",
    ),
    "unknown_category": MESSAGES["unknown_category"],
    "unknown_district": QT_TRANSLATE_NOOP("FieldProblem", "Okänt område: {code}."),
    "lat_outside": MESSAGES["lat_outside"],
    "lon_outside": MESSAGES["lon_outside"],
    "too_long": MESSAGES["too_long"],
}


@dataclass(frozen=True, slots=True)
class MeasureProblem:
    """What is wrong with one field of a measure."""

    field: str
    code: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return measure_message(self.code, self.params)


@dataclass(frozen=True, slots=True)
class Measure:
    """A stored measure with the bookkeeping the server keeps about it."""

    id: uuid.UUID
    draft: MeasureDraft
    organisation: str = ""
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""
    revision: int | None = None
    deleted: bool = False


def measure_message(code: str, params: Mapping[str, object]) -> str:
    """The text for a measure's parse or rule problem, in the user's language (Swedish on the
    server, where no other is installed)."""
    if code in MEASURE_MESSAGES:
        return translate("FieldProblem", MEASURE_MESSAGES[code]).format(**params)
    return WIRE_MESSAGES[code].format(**params)


def measure_fields_to_wire(draft: MeasureDraft) -> dict[str, object]:
    """The fields a client sets, as the protocol carries them."""
    values = {name: getattr(draft, name) for name in MEASURE_FIELDS}
    values["start_date"] = draft.start_date.isoformat() if draft.start_date else None
    values["end_date"] = draft.end_date.isoformat() if draft.end_date else None
    values["categories"] = list(draft.categories)
    values["status"] = draft.status.value
    return values


def measure_to_wire(measure: Measure) -> dict[str, object]:
    """The full record as the server sends it in pulls and push results."""
    return {
        "id": str(measure.id),
        **measure_fields_to_wire(measure.draft),
        "revision": measure.revision,
        "deleted": measure.deleted,
        "organisation": measure.organisation,
        "created_at": wire_value(measure.created_at),
        "created_by": measure.created_by,
        "updated_at": wire_value(measure.updated_at),
        "updated_by": measure.updated_by,
    }


def measure_from_wire(record: Mapping[str, Any]) -> Measure:
    """A measure record the server sent or stored; `ValueError` if it is not one."""
    values, problems = parse_measure_fields(
        {k: v for k, v in record.items() if k in MEASURE_FIELDS}
    )
    if problems:
        raise ValueError(f"not a measure record: {problems}")

    def time(name: str) -> datetime | None:
        raw = record.get(name)
        return datetime.fromisoformat(raw) if isinstance(raw, str) else None

    return Measure(
        id=uuid.UUID(str(record["id"])),
        draft=MeasureDraft(**values),
        organisation=str(record.get("organisation") or ""),
        created_at=time("created_at"),
        created_by=str(record.get("created_by") or ""),
        updated_at=time("updated_at"),
        updated_by=str(record.get("updated_by") or ""),
        revision=record.get("revision"),
        deleted=bool(record.get("deleted", False)),
    )


def parse_measure_fields(fields: Mapping[str, Any]) -> tuple[dict[str, Any], FieldProblems]:
    """Typed values of the measure fields given, and per bad field its (code, params).

    Server-set fields are skipped; rules between fields are `check_measure`'s.
    """
    return parse_fields(fields, _PARSERS, MEASURE_SERVER_FIELDS)


def measure_draft_with(base: MeasureDraft, values: Mapping[str, Any]) -> MeasureDraft:
    return replace(base, **{k: v for k, v in values.items() if k in MEASURE_FIELDS})


def check_measure(
    draft: MeasureDraft, taxonomy: Taxonomy, district_codes: Collection[str]
) -> list[MeasureProblem]:
    """Every problem with `draft`; an empty list means it may be saved."""
    problems: list[MeasureProblem] = []
    if not draft.title.strip():
        problems.append(MeasureProblem("title", "required_title"))
    if draft.start_date is None:
        problems.append(MeasureProblem("start_date", "required_start"))
    elif draft.end_date is not None and draft.end_date < draft.start_date:
        problems.append(MeasureProblem("end_date", "end_before_start"))
    problems += _check_position(draft)
    if draft.radius_m is not None and draft.radius_m <= 0:
        problems.append(MeasureProblem("radius_m", "radius_not_positive"))
    if draft.area is not None and not _is_polygon(draft.area):
        problems.append(MeasureProblem("area", "bad_area"))
    unknown = [code for code in draft.categories if taxonomy.category(code) is None]
    if unknown:
        problems.append(MeasureProblem("categories", "unknown_category", {"code": unknown[0]}))
    if draft.district is not None and draft.district not in district_codes:
        problems.append(MeasureProblem("district", "unknown_district", {"code": draft.district}))
    for name, limit in (
        ("title", MAX_TITLE),
        ("description", MAX_TEXT),
        ("follow_up", MAX_TEXT),
        ("responsible_organisation", MAX_ORGANISATION),
    ):
        length = len(getattr(draft, name))
        if length > limit:
            problems.append(MeasureProblem(name, "too_long", {"limit": limit, "length": length}))
    return problems


def _check_position(draft: MeasureDraft) -> list[MeasureProblem]:
    if (draft.lat is None) != (draft.lon is None):
        missing = "lat" if draft.lat is None else "lon"
        return [MeasureProblem(missing, "position_pair")]
    problems = []
    for name, value, (low, high) in (("lat", draft.lat, LAT_RANGE), ("lon", draft.lon, LON_RANGE)):
        if value is not None and not low <= value <= high:
            problems.append(MeasureProblem(name, f"{name}_outside", {"low": low, "high": high}))
    return problems


def _is_polygon(geometry: Mapping[str, Any]) -> bool:
    rings = geometry.get("coordinates")
    if geometry.get("type") != "Polygon" or not isinstance(rings, list) or not rings:
        return False
    points = 0
    for ring in rings:
        if not isinstance(ring, list) or len(ring) < 4 or ring[0] != ring[-1]:
            return False
        points += len(ring)
        if points > MAX_AREA_POINTS or not all(_is_position(p) for p in ring):
            return False
    return True


def _is_position(point: object) -> bool:
    return (
        isinstance(point, list)
        and len(point) in (2, 3)
        and all(_is_finite_number(v) for v in point)
    )


def _is_finite_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _optional_number(raw: object) -> float | None:
    return None if raw is None else number_value(raw)


def _optional_date(raw: object) -> date | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not _DATE.fullmatch(raw):
        raise BadValue("bad_date")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadValue("bad_date") from None


def _optional_area(raw: object) -> dict[str, Any] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise BadValue("wrong_type", expected="en GeoJSON-polygon")
    # Only the geometry is kept: foreign members would travel unchecked otherwise.
    return {"type": raw.get("type"), "coordinates": raw.get("coordinates")}


def _codes(raw: object) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(code, str) for code in raw):
        raise BadValue("wrong_type", expected="en lista av kategorikoder")
    return tuple(raw)


_PARSERS: dict[str, Callable[[object], object]] = {
    "title": text_value,
    "description": text_value,
    "district": optional_text_value,
    "lat": _optional_number,
    "lon": _optional_number,
    "radius_m": _optional_number,
    "area": _optional_area,
    "start_date": _optional_date,
    "end_date": _optional_date,
    "status": choice_parser(MeasureStatus),
    "responsible_organisation": text_value,
    "categories": _codes,
    "follow_up": text_value,
}
assert set(_PARSERS) == set(MEASURE_FIELDS)
