"""The detailed export of the incidents a filter selects, for the partners' own analysts: one
CSV row (GeoJSON point) per incident, with Swedish column names.

Free text (place name and description) and police records stay out unless the caller passes
`include_free_text=True` / `include_police=True`: descriptions may name people despite the
entry form's warnings, and police records are for those allowed to see them. The functions
obey; deciding who may ask is the caller's (the UI offers the options only to allowed users).
Pure Python; no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ, LocationPrecision, Source, TimePrecision
from est_desktop.exports.excel_csv import decimal, swedish_date, write_csv
from est_desktop.exports.geojson import feature, point, write_feature_collection
from est_desktop.geo.district_lookup import DistrictLookup

COORDINATE_DECIMALS = 6  # about 0.1 m: what the store holds, no pretended precision beyond

TIME_PRECISION = {
    TimePrecision.EXACT.value: "exakt",
    TimePrecision.APPROXIMATE.value: "ungefärlig",
    TimePrecision.DATE.value: "endast datum",
}
LOCATION_PRECISION = {
    LocationPrecision.EXACT.value: "exakt",
    LocationPrecision.APPROXIMATE.value: "ungefärlig",
    LocationPrecision.MUNICIPALITY.value: "endast kommunen",
}
SOURCE = {Source.STAFF.value: "Personal", Source.POLICE.value: "Polisen"}

BASE_COLUMNS = (
    "Id",
    "Datum",
    "Klockslag",
    "Tidsprecision",
    "Kategori",
    "Kategorigrupp",
    "Distrikt",
    "Latitud",
    "Longitud",
    "Lägesprecision",
    "Källa",
    "Polisanmäld",
)
FREE_TEXT_COLUMNS = ("Platsnamn", "Beskrivning")


@dataclass(frozen=True, slots=True)
class ExportIncident:
    """What the detailed export may show of one incident (codes as stored)."""

    id: str
    occurred_at: datetime  # aware
    time_precision: str
    category: str
    district: str  # "" for none
    lat: float
    lon: float
    location_precision: str
    source: str
    police_notified: bool
    place_name: str
    description: str


def incident_header(*, include_free_text: bool = False) -> list[str]:
    return [*BASE_COLUMNS, *(FREE_TEXT_COLUMNS if include_free_text else ())]


def incident_rows(
    records: Iterable[ExportIncident],
    taxonomy: Taxonomy,
    districts: DistrictLookup,
    *,
    include_free_text: bool = False,
    include_police: bool = False,
) -> Iterator[list[str]]:
    """The CSV rows (strings) of the records the flags allow."""
    for record in _allowed(records, include_police):
        values = _values(record, taxonomy, districts, include_free_text)
        values["Latitud"] = decimal(record.lat, COORDINATE_DECIMALS)
        values["Longitud"] = decimal(record.lon, COORDINATE_DECIMALS)
        yield [str(value) for value in values.values()]


def write_incidents_csv(
    path: Path,
    records: Iterable[ExportIncident],
    taxonomy: Taxonomy,
    districts: DistrictLookup,
    *,
    include_free_text: bool = False,
    include_police: bool = False,
) -> int:
    """Write the records as Excel CSV; the number of rows written."""
    rows = incident_rows(
        records,
        taxonomy,
        districts,
        include_free_text=include_free_text,
        include_police=include_police,
    )
    return write_csv(path, incident_header(include_free_text=include_free_text), rows)


def write_incidents_geojson(
    path: Path,
    records: Iterable[ExportIncident],
    taxonomy: Taxonomy,
    districts: DistrictLookup,
    *,
    include_free_text: bool = False,
    include_police: bool = False,
) -> int:
    """Write the records as GeoJSON points, properties named as the CSV's columns (latitude
    and longitude are the geometry). An incident placed only at the municipality has a null
    geometry: a point on the town hall would say nothing of where it happened."""

    def features() -> Iterator[dict[str, Any]]:
        for record in _allowed(records, include_police):
            values = _values(record, taxonomy, districts, include_free_text)
            del values["Latitud"], values["Longitud"]
            where = record.location_precision != LocationPrecision.MUNICIPALITY.value
            yield feature(point(record.lat, record.lon) if where else None, values)

    return write_feature_collection(path, features())


def _allowed(records: Iterable[ExportIncident], include_police: bool) -> Iterator[ExportIncident]:
    for record in records:
        if include_police or record.source != Source.POLICE.value:
            yield record


def _values(
    record: ExportIncident, taxonomy: Taxonomy, districts: DistrictLookup, free_text: bool
) -> dict[str, Any]:
    local = record.occurred_at.astimezone(LOCAL_TZ)
    dated_only = record.time_precision == TimePrecision.DATE.value
    values: dict[str, Any] = {
        "Id": record.id,
        "Datum": swedish_date(local),
        "Klockslag": "" if dated_only else local.strftime("%H:%M"),
        "Tidsprecision": TIME_PRECISION.get(record.time_precision, record.time_precision),
        "Kategori": taxonomy.label(record.category),
        "Kategorigrupp": taxonomy.group_label(record.category),
        "Distrikt": districts.name_of(record.district or None),
        "Latitud": record.lat,
        "Longitud": record.lon,
        "Lägesprecision": LOCATION_PRECISION.get(
            record.location_precision, record.location_precision
        ),
        "Källa": SOURCE.get(record.source, record.source),
        "Polisanmäld": "Ja" if record.police_notified else "Nej",
    }
    if free_text:
        values["Platsnamn"] = record.place_name
        values["Beskrivning"] = record.description
    return values
