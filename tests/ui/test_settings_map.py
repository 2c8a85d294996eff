"""The settings' map group: the tile address checked and kept with its attribution, and a
municipal MBTiles file imported into the tile cache, with a plain answer either way."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from est_desktop.geo.tile_cache import OSM_TEMPLATE, TileCache, TileSource, tile_source
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.settings_dialog import SettingsDialog
from tests.ui.helpers import type_into

LANTMATERIET = "https://karta.boras.se/topowebb/{z}/{y}/{x}.png"


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[TileCache]:
    opened = TileCache(tmp_path / "tiles.mbtiles")
    yield opened
    opened.close()


def make_dialog(qtbot, prefs: Preferences, cache: TileCache | None = None) -> SettingsDialog:
    dialog = SettingsDialog(prefs, tile_cache=cache)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.map_tab)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def mbtiles(path: Path, tiles: int) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
            "tile_data BLOB)"
        )
        conn.executemany(
            "INSERT INTO tiles VALUES (15, ?, 100, ?)", [(x, b"png") for x in range(tiles)]
        )
    conn.close()
    return path


def test_an_empty_tile_address_means_openstreetmap(qtbot, prefs):
    dialog = make_dialog(qtbot, prefs)

    assert dialog.tile_url.placeholderText() == OSM_TEMPLATE
    assert not dialog.tile_attribution.isEnabled()
    dialog.accept()

    assert dialog.result()
    assert (prefs.map_tile_url, prefs.map_tile_attribution) == ("", "")
    assert tile_source(prefs.map_tile_url, prefs.map_tile_attribution) == TileSource()


def test_a_custom_tile_address_is_kept_with_its_attribution(qtbot, prefs):
    dialog = make_dialog(qtbot, prefs)

    type_into(qtbot, dialog.tile_url, LANTMATERIET)
    assert dialog.tile_attribution.isEnabled()
    type_into(qtbot, dialog.tile_attribution, "© Lantmäteriet")
    assert not dialog.map_message.isVisible()
    dialog.accept()

    assert dialog.result()
    assert (prefs.map_tile_url, prefs.map_tile_attribution) == (LANTMATERIET, "© Lantmäteriet")


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("ftp://karta.boras.se/{z}/{x}/{y}.png", "https://"),
        ("karta.boras.se/{z}/{x}/{y}.png", "https://"),
        ("https://karta.boras.se/{z}/{x}.png", "{z}, {x} och {y}"),
        ("https://karta.boras.se/{z}/{x}/{y}/{r}.png", "{s}"),
        ("https://karta.boras.se/{z}/{x}/{y}.png?{", "{s}"),
    ],
)
def test_a_bad_tile_address_is_explained_and_blocks_saving(qtbot, prefs, url, said):
    dialog = make_dialog(qtbot, prefs)
    type_into(qtbot, dialog.tile_attribution, "x")  # disabled: typing does nothing yet

    type_into(qtbot, dialog.tile_url, url)
    type_into(qtbot, dialog.tile_attribution, "© Borås Stad")

    assert dialog.map_message.isVisible() and said in dialog.map_message.text()
    dialog.accept()
    assert not dialog.result()
    assert prefs.map_tile_url == ""


def test_a_custom_tile_address_needs_an_attribution(qtbot, prefs):
    dialog = make_dialog(qtbot, prefs)

    type_into(qtbot, dialog.tile_url, LANTMATERIET)

    assert "Ange vems kartan är" in dialog.map_message.text()
    dialog.accept()
    assert not dialog.result() and prefs.map_tile_url == ""
    type_into(qtbot, dialog.tile_attribution, "© Lantmäteriet")
    assert not dialog.map_message.isVisible()


def test_without_a_tile_cache_there_is_nothing_to_import_into(qtbot, prefs):
    assert not make_dialog(qtbot, prefs).import_button.isVisible()


def test_importing_an_mbtiles_file_says_how_many_tiles_came_in(
    qtbot, prefs, cache, tmp_path, monkeypatch
):
    source = mbtiles(tmp_path / "boras.mbtiles", 12)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_args: (str(source), "MBTiles-filer")
    )
    dialog = make_dialog(qtbot, prefs, cache)
    assert dialog.import_button.isVisible()

    dialog.import_button.click()

    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    assert dialog.import_message.text() == "12 kartbitar importerade."
    assert cache.count() == 12


@pytest.mark.parametrize("content", ["not sqlite", "sqlite without tiles"])
def test_a_file_that_is_not_mbtiles_gets_a_clear_message(qtbot, prefs, cache, tmp_path, content):
    bad = tmp_path / "karta.mbtiles"
    if content == "not sqlite":
        bad.write_bytes(b"PK\x03\x04 a zip file, perhaps" * 40)
    else:
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        conn.close()
    dialog = make_dialog(qtbot, prefs, cache)

    dialog.import_mbtiles(str(bad))

    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    assert dialog.import_message.text().startswith(f"{bad} är ingen MBTiles-fil.")
    assert cache.count() == 0


def test_cancelling_the_file_choice_imports_nothing(qtbot, prefs, cache, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: ("", ""))
    dialog = make_dialog(qtbot, prefs, cache)

    dialog.import_button.click()

    assert dialog.import_button.isEnabled() and not dialog.import_message.isVisible()
