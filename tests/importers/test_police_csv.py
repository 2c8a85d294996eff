"""Police crime exports: every quirk of the files analysts receive."""

from __future__ import annotations

from datetime import datetime

import pytest
from pyproj import Transformer

from est_desktop.domain.incident import LOCAL_TZ, LocationPrecision, Source, TimePrecision
from est_desktop.domain.validation import MUNICIPALITY_CENTRE
from est_desktop.importers.category_map import UNMAPPED, CategoryMap
from est_desktop.importers.columns import (
    ColumnMapping,
    layout_key,
    missing_columns,
    recognise_columns,
)
from est_desktop.importers.errors import ImportFormatError, MissingColumnsError
from est_desktop.importers.police_csv import csv_headers, read_police_csv
from tests.importers.conftest import fixture_bytes


@pytest.fixture(scope="module")
def rows():
    """Drafts of the BOM/semicolon/CRLF export, by line number (several per line possible)."""
    parsed = read_police_csv(fixture_bytes("crimes_bom_semicolon_crlf.csv"))
    by_line: dict[int, list] = {}
    for row in parsed.rows:
        by_line.setdefault(row.line, []).append(row)
    return parsed, by_line


def test_every_data_line_is_read_despite_bom_and_crlf(rows) -> None:
    parsed, by_line = rows
    assert parsed.read == 11
    assert sorted(by_line) == list(range(2, 13))


def test_wgs84_with_decimal_commas_and_a_time_is_an_exact_record(rows) -> None:
    (row,) = rows[1][2]
    draft = row.draft
    assert (draft.lat, draft.lon) == (57.7384, 12.9842)
    assert draft.occurred_at == datetime(2025, 6, 6, 18, 50, tzinfo=LOCAL_TZ)
    assert draft.time_precision is TimePrecision.EXACT
    assert draft.source is Source.POLICE
    assert draft.category == "brak_hot_vald"
    assert draft.external_id == "5000-K100-25:0857"
    assert draft.place_name == "Hulta torg"


def test_sweref_99_tm_is_converted_with_pyproj(rows) -> None:
    (row,) = rows[1][3]
    lon, lat = Transformer.from_crs(3006, 4326, always_xy=True).transform(377306.7, 6399513.9)
    assert row.draft.lat == pytest.approx(lat, abs=1e-6)
    assert row.draft.lon == pytest.approx(lon, abs=1e-6)
    assert (row.draft.lat, row.draft.lon) == pytest.approx(MUNICIPALITY_CENTRE, abs=1e-4)


def test_a_missing_time_gives_a_date_precision_at_midnight(rows) -> None:
    (row,) = rows[1][3]
    assert row.draft.time_precision is TimePrecision.DATE
    assert row.draft.occurred_at == datetime(2025, 6, 7, tzinfo=LOCAL_TZ)
    assert row.draft.occurred_until is None


def test_a_from_to_range_sets_occurred_until(rows) -> None:
    first, _ = rows[1][4]
    assert first.draft.occurred_at == datetime(2025, 6, 8, 22, 15, tzinfo=LOCAL_TZ)
    assert first.draft.occurred_until == datetime(2025, 6, 9, 1, 30, tzinfo=LOCAL_TZ)


def test_several_crimes_in_one_cell_give_a_record_each(rows) -> None:
    ids = [row.draft.external_id for row in rows[1][4]]
    assert ids == ["5000-K102-25:0857", "5000-K102-25:1201"]


def test_one_case_on_several_lines_gives_a_record_per_crime(rows) -> None:
    ids = [row.draft.external_id for line in (5, 6) for row in rows[1][line]]
    assert ids == ["5000-K103-25:Misshandel", "5000-K103-25:Olaga hot"]


def test_an_unknown_crime_type_lands_in_omappad_not_dropped(rows) -> None:
    (row,) = rows[1][7]
    assert row.draft.category == UNMAPPED and row.unmapped
    assert "Snatteri" in row.draft.description


def test_missing_coordinates_in_boras_place_it_at_the_municipality_centre(rows) -> None:
    (row,) = rows[1][7]
    assert row.draft.location_precision is LocationPrecision.MUNICIPALITY
    assert (row.draft.lat, row.draft.lon) == MUNICIPALITY_CENTRE


def test_missing_coordinates_without_municipality_are_rejected_with_a_reason(rows) -> None:
    (row,) = rows[1][8]
    assert row.draft is None and "koordinater saknas" in row.reason


def test_another_municipality_is_outside(rows) -> None:
    (row,) = rows[1][10]
    assert row.outside and row.draft is None


def test_an_unreadable_date_is_rejected_with_the_line_and_a_hint(rows) -> None:
    (row,) = rows[1][12]
    assert row.line == 12 and "den 5 juni" in row.reason and "ÅÅÅÅ-MM-DD" in row.reason


def test_windows_1252_with_commas_and_swedish_synonyms(fixtures) -> None:
    parsed = read_police_csv((fixtures / "crimes_cp1252_comma.csv").read_bytes())
    first, second = (row.draft for row in parsed.rows)
    assert first.category == "skadegorelse_fordon" and first.place_name == "Åsbogatan"
    assert first.occurred_at == datetime(2025, 7, 1, 23, 15, tzinfo=LOCAL_TZ)
    assert (first.lat, first.lon) == pytest.approx(MUNICIPALITY_CENTRE, abs=1e-4)  # X = north
    assert second.place_name == "Sjöbo torg, Borås" and second.category == "klotter"
    assert second.time_precision is TimePrecision.DATE
    assert 57.72 < second.lat < 57.73 and 12.94 < second.lon < 12.96


def test_unknown_headers_ask_for_a_mapping_that_then_works(fixtures) -> None:
    data = (fixtures / "crimes_unknown_headers.csv").read_bytes()
    with pytest.raises(MissingColumnsError) as raised:
        read_police_csv(data)
    assert set(raised.value.missing) == {"case_number", "crime_name", "date_from"}
    assert "Ärendenummer" in raised.value.message
    headers = csv_headers(data)
    mapping = ColumnMapping(
        case_number="Nr", crime_name="Vad", date_from="När", address="Var",
        north="Nordlig", east="Östlig",
    )  # fmt: skip
    assert missing_columns(mapping, headers) == []
    (row,) = read_police_csv(data, mapping=mapping).rows
    assert row.draft.occurred_at == datetime(2025, 8, 1, 21, 30, tzinfo=LOCAL_TZ)
    assert row.draft.external_id == "K300-25:Misshandel"
    assert ColumnMapping.from_dict(mapping.as_dict()) == mapping


def test_headers_are_recognised_by_swedish_synonyms() -> None:
    headers = ["Diarienummer", "BROTTSKOD", "Brott", "Datum fr.o.m.", "Från datum", "Tid", "Lat"]
    mapping = recognise_columns(headers)
    assert mapping.case_number == "Diarienummer" and mapping.crime_code == "BROTTSKOD"
    assert mapping.crime_name == "Brott" and mapping.date_from == "Från datum"
    assert mapping.time_from == "Tid" and mapping.north == "Lat"
    assert missing_columns(mapping) == []


def test_a_layout_key_ignores_case_and_spacing_only() -> None:
    assert layout_key(["Ärendenummer", "Brott"]) == layout_key([" ärendenummer", "BROTT "])
    assert layout_key(["Ärendenummer", "Brott"]) != layout_key(["Brott", "Ärendenummer"])


def test_a_crime_code_in_the_table_wins_over_the_name() -> None:
    table = CategoryMap.from_text("typ;värde;kategori\nbrottskod;0857;brak_hot_vald\n")
    data = "Ärendenummer;Brottskod;Brottsbenämning;Datum;Lat;Lon\n"
    data += "K1;857;Okänd;2025-01-02;57,72;12,94\n"
    (row,) = read_police_csv(data.encode(), categories=table).rows
    assert row.draft.category == "brak_hot_vald"


def test_an_empty_file_is_refused_with_a_reason() -> None:
    with pytest.raises(ImportFormatError, match="tom"):
        read_police_csv(b"")


def test_the_shipped_table_only_names_categories_that_exist(taxonomy) -> None:
    for code in CategoryMap.load().categories() | {UNMAPPED}:
        assert taxonomy.is_active(code), code


def test_the_shipped_crime_code_decides_and_the_name_is_the_fallback() -> None:
    data = "Ärendenummer;Brottskod;Brottsbenämning;Datum;Lat;Lon\n"
    data += "K1;9361;Klotter;2025-01-02;57,72;12,94\n"  # the code says assault, the name graffiti
    data += "K2;09358;;2025-01-02;57,72;12,94\n"  # a leading zero, no name at all
    data += "K3;9999;Klotter;2025-01-02;57,72;12,94\n"  # a code the table lacks: the name
    data += "K4;9999;Okänt brott;2025-01-02;57,72;12,94\n"  # neither known: visible as unmapped
    categories = [row.draft.category for row in read_police_csv(data.encode()).rows]
    assert categories == ["brak_hot_vald", "brak_hot_vald", "klotter", UNMAPPED]


def test_the_shipped_table_maps_crime_codes_as_digits() -> None:
    codes = CategoryMap.load().by_code
    assert codes and all(code.isdigit() for code in codes)


@pytest.mark.parametrize("order", ["north_first", "east_first"])
def test_rt90_from_older_exports_is_recognised_and_converted_with_pyproj(order) -> None:
    lat, lon = 57.7291, 12.9185
    east, north = Transformer.from_crs(4326, 3021, always_xy=True).transform(lon, lat)
    cells = (f"{north:.1f}", f"{east:.1f}")
    if order == "east_first":
        cells = cells[::-1]
    data = "Ärendenummer;Brottsbenämning;Datum;X;Y\n"
    data += f"K1;Klotter;2025-01-02;{cells[0].replace('.', ',')};{cells[1].replace('.', ',')}\n"
    (row,) = read_police_csv(data.encode()).rows
    assert (row.draft.lat, row.draft.lon) == pytest.approx((lat, lon), abs=1e-5)


def test_rt90_and_sweref_points_in_one_file_are_each_projected_on_their_own_grid() -> None:
    points = [(57.7291, 12.9185), (57.7410, 12.9702), (57.7050, 12.9400)]
    to_rt90 = Transformer.from_crs(4326, 3021, always_xy=True)
    to_sweref = Transformer.from_crs(4326, 3006, always_xy=True)
    data = "Ärendenummer;Brottsbenämning;Datum;Nord;Öst\n"
    for n, (lat, lon) in enumerate(points):
        east, north = (to_rt90 if n % 2 else to_sweref).transform(lon, lat)
        data += f"K{n};Klotter;2025-01-02;{north:.2f};{east:.2f}\n"
    parsed = read_police_csv(data.encode())
    got = [(row.draft.lat, row.draft.lon) for row in parsed.rows]
    assert got == [pytest.approx(point, abs=1e-5) for point in points]
