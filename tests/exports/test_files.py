"""The files as the recipients open them: Excel CSV (BOM, `;`, CRLF, quoting, decimal comma,
formula guard) and GeoJSON (a FeatureCollection of closed polygons or points)."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ, LocationPrecision, Source
from est_desktop.exports.aggregated import aggregate
from est_desktop.exports.aggregated_files import write_aggregated_csv, write_aggregated_geojson
from est_desktop.exports.collect import export_incidents
from est_desktop.exports.excel_csv import safe_cell, write_csv
from est_desktop.exports.incidents import write_incidents_csv, write_incidents_geojson
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_samples import incident_sample
from tests.exports.samples import LOOKUP, many_incidents, store_incidents
from tests.store.records import incident

TRICKY = 'Klotter; "stora" bokstäver\npå två rader'


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def records():
    return [
        incident(
            occurred_at=datetime(2026, 3, 5, 18, 40, tzinfo=LOCAL_TZ),
            description=TRICKY,
            place_name='=HYPERLINK("http://x")',
        ),
        incident(source=Source.POLICE, description="polisens text"),
        incident(location_precision=LocationPrecision.MUNICIPALITY, district=None, description="-"),
    ]


@pytest.fixture
def stored(store: Store) -> Store:
    store_incidents(store, records())
    return store


def test_csv_is_excel_csv_with_bom_semicolons_and_crlf(tmp_path, stored, taxonomy):
    out = tmp_path / "h.csv"
    write_incidents_csv(out, export_incidents(stored, IncidentFilter()), taxonomy, LOOKUP)

    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw[3:].split(b"\r\n")
    assert lines[0].decode().startswith("Id;Datum;Klockslag;Tidsprecision;Kategori")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # every line ends CRLF


def test_free_text_with_separators_quotes_and_line_breaks_round_trips(tmp_path, stored, taxonomy):
    out = tmp_path / "h.csv"
    write_incidents_csv(
        out, export_incidents(stored, IncidentFilter()), taxonomy, LOOKUP, include_free_text=True
    )

    header, *rows = read_csv(out)
    descriptions = [row[header.index("Beskrivning")] for row in rows]
    assert TRICKY in descriptions
    assert rows[0][header.index("Datum")] == "2026-03-05"
    assert rows[0][header.index("Klockslag")] == "18:40"
    assert "," in rows[0][header.index("Latitud")]  # decimal comma


def test_free_text_and_police_records_stay_out_unless_asked_for(tmp_path, stored, taxonomy):
    plain, full = tmp_path / "plain.csv", tmp_path / "full.csv"
    write_incidents_csv(plain, export_incidents(stored, IncidentFilter()), taxonomy, LOOKUP)
    write_incidents_csv(
        full,
        export_incidents(stored, IncidentFilter()),
        taxonomy,
        LOOKUP,
        include_free_text=True,
        include_police=True,
    )

    header, *rows = read_csv(plain)
    assert "Beskrivning" not in header and "Platsnamn" not in header
    assert len(rows) == 2 and "Polisen" not in {row[header.index("Källa")] for row in rows}
    text = plain.read_text("utf-8-sig")
    assert "stora" not in text and "HYPERLINK" not in text and "polisens" not in text
    header, *rows = read_csv(full)
    assert len(rows) == 3 and "polisens text" in full.read_text("utf-8-sig")


def test_cells_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe(tmp_path):
    out = tmp_path / "f.csv"
    write_csv(out, ["A"], [["=1+1"], ["+46"], ["-2"], ["@SUM(A1)"], ["<3"], ["ok"]])

    assert [row[0] for row in read_csv(out)[1:]] == [
        "'=1+1",
        "'+46",
        "'-2",
        "'@SUM(A1)",
        "<3",
        "ok",
    ]
    assert safe_cell("\tx") == "'\tx"


def test_the_formula_guard_applies_to_free_text_in_the_incident_export(tmp_path, stored, taxonomy):
    out = tmp_path / "h.csv"
    write_incidents_csv(
        out, export_incidents(stored, IncidentFilter()), taxonomy, LOOKUP, include_free_text=True
    )

    header, *rows = read_csv(out)
    assert rows[0][header.index("Platsnamn")] == '\'=HYPERLINK("http://x")'
    assert "'-" in [row[header.index("Beskrivning")] for row in rows]


def test_incident_geojson_is_points_without_free_text_by_default(tmp_path, stored, taxonomy):
    out = tmp_path / "h.geojson"
    written = write_incidents_geojson(
        out, export_incidents(stored, IncidentFilter()), taxonomy, LOOKUP
    )

    data = json.loads(out.read_text("utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == written == 2
    placed, unplaced = data["features"]
    assert placed["geometry"]["type"] == "Point"
    lon, lat = placed["geometry"]["coordinates"]
    assert 12.6 < lon < 13.3 and 57.5 < lat < 57.9
    assert unplaced["geometry"] is None  # known only to the municipality: no point
    assert "Beskrivning" not in placed["properties"]
    assert placed["properties"]["Källa"] == "Personal"


def _valid_feature_collection(data):
    assert data["type"] == "FeatureCollection"
    for item in data["features"]:
        assert item["type"] == "Feature" and isinstance(item["properties"], dict)
        geometry = item["geometry"]
        if geometry is None:
            continue
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        assert geometry["type"] in ("Polygon", "MultiPolygon")
        for polygon in polygons:
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1]


@pytest.mark.parametrize("by", ["district", "cell"])
def test_aggregated_geojson_is_closed_polygons_with_shown_counts(
    tmp_path, store: Store, taxonomy: Taxonomy, by
):
    store_incidents(store, many_incidents(150))
    table = aggregate(
        incident_sample(store, IncidentFilter()),
        taxonomy,
        LOOKUP,
        first=date(2026, 1, 1),
        last=date(2026, 2, 28),
        by=by,
    )
    out = tmp_path / "a.geojson"
    write_aggregated_geojson(out, table)

    data = json.loads(out.read_text("utf-8"))
    _valid_feature_collection(data)
    shown = {f["properties"]["visas"] for f in data["features"]}
    assert "<3" in shown and not {"1", "2"} & shown
    text = out.read_text("utf-8")
    assert "Klotter" not in text and "Hulta torg" not in text


def test_aggregated_csv_has_swedish_dates_and_no_small_numbers(
    tmp_path, store: Store, taxonomy: Taxonomy
):
    store_incidents(store, many_incidents(150))
    table = aggregate(
        incident_sample(store, IncidentFilter()),
        taxonomy,
        LOOKUP,
        first=date(2026, 1, 1),
        last=date(2026, 2, 28),
        by="cell",
        by_group=True,
    )
    out = tmp_path / "a.csv"
    write_aggregated_csv(out, table)

    header, *rows = read_csv(out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert header[:4] == [
        "Ruta",
        "Rutans mitt, latitud",
        "Rutans mitt, longitud",
        "Rutans sida (m)",
    ]
    assert {row[header.index("Från")] for row in rows} == {"2026-01-01", "2026-02-01"}
    counts = {row[-1] for row in rows}
    assert "<3" in counts and not {"1", "2"} & counts
    assert all("," in row[1] for row in rows)
