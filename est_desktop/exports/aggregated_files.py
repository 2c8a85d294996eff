"""The aggregated export as files: CSV for Excel and GeoJSON for a GIS, one row (feature) per
area, period and category group. Only what `AggregateTable` holds goes out: shown counts,
area names, cell centres (the finest position in the file) and the areas' outlines.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from est_desktop.exports.aggregated import AggregateRow, AggregateTable
from est_desktop.exports.excel_csv import decimal, swedish_date, write_csv
from est_desktop.exports.geojson import feature, write_feature_collection

CENTRE_DECIMALS = 5  # about a metre: far finer than any cell, so the centre is exact enough


def aggregated_header(table: AggregateTable) -> list[str]:
    if table.by == "district":
        place = ["Distrikt", "Distriktskod"]
    else:
        place = ["Ruta", "Rutans mitt, latitud", "Rutans mitt, longitud", "Rutans sida (m)"]
    group = ["Kategorigrupp"] if table.by_group else []
    return [*place, "Period", "Från", "Till", *group, "Antal"]


def aggregated_rows(table: AggregateTable) -> Iterator[list[str]]:
    for row in table.rows:
        if table.by == "district":
            place = [row.area.name, row.area.code]
        else:
            lat, lon = row.area.centre or (0.0, 0.0)
            place = [
                row.area.code,
                decimal(lat, CENTRE_DECIMALS),
                decimal(lon, CENTRE_DECIMALS),
                f"{table.cell_m:g}",
            ]
        group = [row.group] if table.by_group else []
        span = [row.span.label, swedish_date(row.span.first), swedish_date(row.span.last)]
        yield [*place, *span, *group, row.shown]


def write_aggregated_csv(path: Path, table: AggregateTable) -> int:
    """Write the table as Excel CSV; the number of data rows."""
    return write_csv(path, aggregated_header(table), aggregated_rows(table))


def write_aggregated_geojson(path: Path, table: AggregateTable) -> int:
    """Write the table as a FeatureCollection: cell squares or district outlines ("Övriga
    Borås" has none: null geometry), properties as the CSV's columns; "antal" is the number or
    null when suppressed, "visas" what the CSV shows."""
    return write_feature_collection(path, (_feature(table, row) for row in table.rows))


def _feature(table: AggregateTable, row: AggregateRow) -> dict[str, Any]:
    properties: dict[str, Any] = {"område": row.area.name, "områdeskod": row.area.code}
    if table.by == "cell":
        properties["rutans_sida_m"] = table.cell_m
    properties |= {
        "period": row.span.label,
        "från": swedish_date(row.span.first),
        "till": swedish_date(row.span.last),
    }
    if table.by_group:
        properties["kategorigrupp"] = row.group
    properties |= {"antal": row.count, "visas": row.shown}
    return feature(row.area.geometry, properties)
