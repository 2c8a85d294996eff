"""`est-desktop import`: the preview's counts on standard output, the outcome in the exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

from est_desktop.data_files import store_path
from est_desktop.import_command import run_import
from est_desktop.store.database import Store
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository


def _count(data_dir: Path, demo: bool = False) -> int:
    with Store.open(store_path(data_dir, demo=demo)) as store:
        return IncidentRepository(store).count(IncidentFilter())


def test_rejected_rows_give_status_1_and_the_rest_is_imported(
    tmp_path: Path, fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = run_import(fixtures / "crimes_bom_semicolon_crlf.csv", tmp_path, None, False)
    out = capsys.readouterr().out
    assert status == 1
    assert "Lästa: 11" in out and "Nya: 7" in out and "Avvisade: 2" in out
    assert "rad 8:" in out and "Importerade: 7" in out
    assert _count(tmp_path) == 7


def test_a_clean_file_gives_status_0_and_a_reimport_adds_nothing(
    tmp_path: Path, fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = fixtures / "crimes_cp1252_comma.csv"
    assert run_import(path, tmp_path, "police-csv", True) == 0
    assert run_import(path, tmp_path, "police-csv", True) == 0
    assert "Redan importerade: 2" in capsys.readouterr().out
    assert _count(tmp_path, demo=True) == 2


def test_the_events_feed_is_recognised_by_its_content(
    tmp_path: Path, fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import(fixtures / "events.json", tmp_path, None, False) == 1  # one bad datetime
    assert "Sammanfattningar (inga händelser): 1" in capsys.readouterr().out


def test_unreadable_input_gives_status_2_with_a_reason(
    tmp_path: Path, fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import(tmp_path / "missing.csv", tmp_path, None, False) == 2
    assert run_import(fixtures / "crimes_unknown_headers.csv", tmp_path, None, False) == 2
    assert "Kolumnerna känns inte igen" in capsys.readouterr().err
    assert run_import(fixtures / "events.json", tmp_path, "police-csv", False) == 2
