"""The map in its web view, as a user meets it: offline, in step with the list and the form.

Every test runs the real page in Qt WebEngine (offscreen) with a request interceptor that
records each URL the page asks for: nothing may leave the PC.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import requests
import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineUrlRequestInterceptor

from est_desktop.demo_data import generate_demo_incidents
from est_desktop.domain.incident import LocationPrecision
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.tile_cache import TileCache, TileFetcher, TileSource
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incidents import IncidentRepository
from est_desktop.store.remote_rows import store_measures
from est_desktop.ui.map_panel import MapPanel
from tests.store.records import incident

LOCAL_SCHEMES = {"estmap", "qrc", "data", "blob", "about"}
WAIT_MS = 20_000


class RequestRecorder(QWebEngineUrlRequestInterceptor):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def interceptRequest(self, info) -> None:
        self.urls.append(info.requestUrl().toString())

    def foreign(self) -> list[str]:
        return [url for url in self.urls if url.split(":", 1)[0] not in LOCAL_SCHEMES]


@pytest.fixture
def recorder() -> RequestRecorder:
    return RequestRecorder()


@pytest.fixture
def profile(recorder: RequestRecorder):
    made = QWebEngineProfile()
    made.setUrlRequestInterceptor(recorder)
    yield made
    made.deleteLater()


@pytest.fixture
def seeded(store):
    """200 demo incidents of every kind, in and around the districts."""
    IncidentRepository(store).add_many(generate_demo_incidents(200, seed=11), queue_for_sync=False)
    return store


@pytest.fixture
def make_panel(qtbot, app_service, prefs, profile) -> Iterator[Callable[..., MapPanel]]:
    panels: list[MapPanel] = []

    def make(**options: Any) -> MapPanel:
        panel = MapPanel(app_service, DistrictLookup.default(), prefs, profile=profile, **options)
        panels.append(panel)
        panel.resize(900, 640)
        with qtbot.waitSignal(panel.points_shown, timeout=WAIT_MS):
            panel.show()
        return panel

    yield make
    for panel in panels:  # before the profile their pages use
        panel.close()
        shiboken6.delete(panel)


def js(qtbot, panel: MapPanel, script: str) -> Any:
    """The value of `script` in the page (through JSON: Qt hands arrays back as "")."""
    answers: list[Any] = []
    panel.run_javascript(f"JSON.stringify({script})", answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT_MS)
    return json.loads(answers[0]) if answers[0] else None


def wait_for_js(qtbot, panel: MapPanel, script: str, expected: Callable[[Any], bool]) -> Any:
    seen: list[Any] = [None]

    def check() -> bool:
        seen[0] = js(qtbot, panel, script)
        return expected(seen[0])

    qtbot.waitUntil(check, timeout=WAIT_MS)
    return seen[0]


def png(colour: str) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


class NoNetwork(requests.Session):
    def request(self, *args: Any, **kwargs: Any) -> Any:
        raise requests.ConnectionError("no network in this test")


def test_the_map_loads_and_is_used_without_any_request_leaving_the_pc(
    qtbot, seeded, make_panel, recorder, app_service
):
    panel = make_panel(tiles=lambda z, x, y: None)
    panel.set_layer_visible("hotspots", True)
    panel.zoom_to_district("hulta")
    pk = int(app_service.incidents.map_points(IncidentFilter()).pk[0])
    assert js(qtbot, panel, f"EstMap.clickIncident({pk})")
    wait_for_js(
        qtbot, panel, "EstMap.popupText()", lambda text: bool(text) and "Hämtar" not in text
    )
    panel.zoom_to_district(None)
    qtbot.wait(300)  # tiles of the last view asked for
    assert any(url.endswith("/leaflet.js") for url in recorder.urls), "the recorder sees the page"
    assert any(url.startswith("estmap://tiles/") for url in recorder.urls)
    assert recorder.foreign() == []


def test_the_page_holds_exactly_the_points_the_filter_selects(
    qtbot, seeded, make_panel, app_service
):
    repository = app_service.incidents
    panel = make_panel()
    everything = len(repository.map_points(IncidentFilter()))
    assert everything > 150
    assert js(qtbot, panel, "EstMap.pointCount()") == everything

    graffiti = IncidentFilter(categories=frozenset({"klotter", "glaskross"}))
    expected = len(repository.map_points(graffiti))
    assert 0 < expected < everything
    with qtbot.waitSignal(panel.points_shown, timeout=WAIT_MS) as shown:
        panel.set_filter(graffiti)
    assert shown.args == [expected]
    assert js(qtbot, panel, "EstMap.pointCount()") == expected

    nothing = IncidentFilter(text="finns-inte-någonstans")
    with qtbot.waitSignal(panel.points_shown, timeout=WAIT_MS) as shown:
        panel.set_filter(nothing)
    assert shown.args == [0]
    assert panel.status.text() == "0 händelser på kartan"


def test_a_click_on_the_map_fills_the_entry_form_and_places_a_draggable_marker(
    qtbot, store, make_window, prefs
):
    window = make_window(with_map=True)
    panel = window.map_panel
    qtbot.waitUntil(lambda: panel.ready, timeout=WAIT_MS)
    districts = DistrictLookup.default()
    lat, lon = districts.centroid("hulta")
    where = f"EstMap.map().latLngToContainerPoint([{lat}, {lon}])"
    x, y = js(qtbot, panel, f"(p => [Math.round(p.x), Math.round(p.y)])({where})")
    # The point under the pixel clicked is what the form must get.
    lat, lon = js(
        qtbot, panel, f"(p => [p.lat, p.lng])(EstMap.map().containerPointToLatLng([{x}, {y}]))"
    )
    target = panel.view.focusProxy()
    QTest.mouseClick(
        target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y)
    )

    form = window.form
    qtbot.waitUntil(lambda: bool(form._lat.text()), timeout=WAIT_MS)
    assert float(form._lat.text()) == pytest.approx(lat, abs=1e-5)  # a metre
    assert float(form._lon.text()) == pytest.approx(lon, abs=1e-5)
    assert form._district_label.text() == "Hulta"
    draft = wait_for_js(qtbot, panel, "EstMap.draft()", lambda point: point is not None)
    assert draft == pytest.approx([float(form._lat.text()), float(form._lon.text())], abs=1e-6)

    # Dragging the marker moves the point: the page reports the drop like a click.
    panel.bridge.draftMoved(57.7412, 12.9585)
    assert form._lat.text() == "57.741200"
    assert form._district_label.text() == districts.name_of(districts.district_at(57.7412, 12.9585))
    window.form._cancel_button.click()
    wait_for_js(qtbot, panel, "EstMap.draft()", lambda point: point is None)


def test_the_click_names_the_nearest_place_but_keeps_one_typed_by_the_user(qtbot, make_window):
    window = make_window(with_map=True)
    form = window.form
    window.map_panel.bridge.mapClicked(57.7275, 12.9755)
    assert form._place.text() == "Hulta fritidsgård"
    form._place.setText("Bakom skolan")
    window.map_panel.bridge.mapClicked(57.7290, 12.9700)
    assert form._place.text() == "Bakom skolan"


def test_list_and_map_select_the_same_incident(qtbot, seeded, make_window, app_service):
    window = make_window(with_map=True)
    panel, listing = window.map_panel, window.list_panel
    qtbot.waitUntil(lambda: panel.ready, timeout=WAIT_MS)
    wait_for_js(qtbot, panel, "EstMap.pointCount()", lambda count: count > 0)

    listing.table.selectRow(0)
    first = listing.selected_incident()
    label = app_service.taxonomy.label(first.category)
    text = wait_for_js(qtbot, panel, "EstMap.popupText()", lambda t: bool(t) and label in t)
    assert first.description[:20] in text

    other = listing.model.list_row(5)
    assert js(qtbot, panel, f"EstMap.clickIncident({other.pk})")
    qtbot.waitUntil(lambda: listing.selected_id() == other.id, timeout=WAIT_MS)


def test_a_stored_tile_is_shown_with_no_network(qtbot, make_panel, prefs, tmp_path):
    lat, lon, z = 57.7262, 12.9736, 14
    x, y = tile_of(lat, lon, z)
    cache = TileCache(tmp_path / "tiles.mbtiles")
    cache.put(z, x, y, png("#a0c8a0"), expires_at=datetime(2000, 1, 1, tzinfo=UTC), etag="old")
    # Stale and the network gone: the stored copy is shown, every other tile is missing.
    fetcher = TileFetcher(cache, TileSource(), http=NoNetwork())
    prefs.map_center_lat, prefs.map_center_lon, prefs.map_zoom = lat, lon, z
    panel = make_panel(tiles=fetcher.tile)
    assert wait_for_js(qtbot, panel, "EstMap.tilesLoaded()", lambda n: n >= 1) == 1
    assert js(qtbot, panel, "EstMap.offline()") is False
    panel.shutdown()
    cache.close()


def tile_of(lat: float, lon: float, z: int) -> tuple[int, int]:
    n = 2**z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y


def test_without_tiles_the_map_says_so_and_still_shows_outlines_and_incidents(
    qtbot, seeded, make_panel
):
    panel = make_panel(tiles=lambda z, x, y: None)
    assert wait_for_js(qtbot, panel, "EstMap.offline()", bool)
    assert js(qtbot, panel, "EstMap.pointCount()") > 0
    assert js(qtbot, panel, "document.querySelectorAll('.est-district-label').length") == 5


def test_the_view_and_layers_are_remembered(qtbot, make_panel, prefs):
    panel = make_panel()
    panel.zoom_to_district("norrby")
    qtbot.waitUntil(lambda: prefs.map_zoom >= 14, timeout=WAIT_MS)
    south, west, north, east = DistrictLookup.default().bounds("norrby")
    assert south < prefs.map_center_lat < north and west < prefs.map_center_lon < east
    panel.set_layer_visible("districts", False)
    assert "districts" in prefs.map_hidden_layers
    zoom = prefs.map_zoom

    again = make_panel()
    assert js(qtbot, again, "EstMap.map().getZoom()") == zoom
    assert js(qtbot, again, "document.querySelectorAll('.est-district-label').length") == 0
    assert not again._layer_actions["districts"].isChecked()


def test_the_view_can_be_saved_as_a_png(qtbot, seeded, make_panel, tmp_path):
    panel = make_panel()
    qtbot.wait(500)  # the canvas painted
    path = tmp_path / "map.png"
    assert panel.save_png(path)
    image = QImage(str(path))
    assert image.width() == panel.view.width()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)
    }
    assert len(colours) > 5, "a map, not a blank picture"


def test_measures_show_as_areas_and_placeless_incidents_are_counted_not_drawn(
    qtbot, store, make_panel
):
    IncidentRepository(store).add_many(
        [
            incident(district="hulta", category="klotter"),
            incident(district=None, location_precision=LocationPrecision.MUNICIPALITY),
        ],
        queue_for_sync=False,
    )
    square = {
        "type": "Polygon",
        "coordinates": [[[12.96, 57.72], [12.97, 57.72], [12.97, 57.73], [12.96, 57.72]]],
    }
    with store.transaction() as conn:
        store_measures(
            conn,
            [
                ("1" * 32, 1, False, measure_record("Belysning Hulta", area=square)),
                ("2" * 32, 1, False, measure_record("Väktare", lat=57.74, lon=12.94)),
                ("3" * 32, 1, True, None),  # deleted on the server
            ],
        )
    panel = make_panel()
    assert js(qtbot, panel, "EstMap.pointCount()") == 1
    assert panel.status.text() == "1 händelse på kartan (1 med bara kommunen som plats visas inte)"
    assert js(qtbot, panel, "EstMap.measureCount()") == 2


def measure_record(title: str, **place: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "title": title,
        "start_date": "2026-03-01",
        "status": "ongoing",
        "revision": 1,
        "deleted": False,
        **place,
    }


def test_a_hidden_incident_layer_still_takes_new_data_and_shows_it_when_switched_on(
    qtbot, seeded, make_panel, prefs, app_service
):
    prefs.map_hidden_layers = ["incidents"]
    panel = make_panel()
    graffiti = IncidentFilter(categories=frozenset({"klotter"}))
    expected = len(app_service.incidents.map_points(graffiti))
    for where in (IncidentFilter(), graffiti):  # two loads in a row: the page takes both
        with qtbot.waitSignal(panel.points_shown, timeout=WAIT_MS):
            panel.set_filter(where)
    assert js(qtbot, panel, "document.querySelectorAll('.est-cluster').length") == 0
    panel.set_layer_visible("incidents", True)
    wait_for_js(qtbot, panel, "document.querySelectorAll('.est-cluster').length", bool)
    assert js(qtbot, panel, "EstMap.pointCount()") == expected


def test_the_marker_follows_a_place_picked_or_coordinates_typed_in_the_form(qtbot, make_window):
    window = make_window(with_map=True)
    panel, form = window.map_panel, window.form
    qtbot.waitUntil(lambda: panel.ready, timeout=WAIT_MS)
    form._lat.setText("57.7350")
    form._lon.setText("12.9200")
    form._location.update_district()
    assert wait_for_js(qtbot, panel, "EstMap.draft()", bool) == pytest.approx([57.735, 12.92])
    form._lat.setText("5")  # half typed: outside Borås, the marker stays
    form._location.update_district()
    qtbot.wait(200)
    assert js(qtbot, panel, "EstMap.draft()") == pytest.approx([57.735, 12.92])


def test_choosing_a_district_in_the_filter_zooms_the_map_to_it(qtbot, make_panel):
    panel = make_panel()
    south, west, north, east = DistrictLookup.default().bounds("sjobo")
    with qtbot.waitSignal(panel.points_shown, timeout=WAIT_MS):
        panel.set_filter(IncidentFilter(districts=frozenset({"sjobo"})))
    centre = wait_for_js(
        qtbot, panel, "(c => [c.lat, c.lng])(EstMap.map().getCenter())", lambda c: c is not None
    )
    assert south < centre[0] < north and west < centre[1] < east
    assert js(qtbot, panel, "EstMap.map().getZoom()") >= 14


def test_a_district_chosen_before_the_page_is_ready_is_zoomed_to_when_it_is(qtbot, make_panel):
    # The window sets the filter as it opens, before the web page has loaded.
    panel = make_panel()
    panel.set_filter(IncidentFilter(districts=frozenset({"norrby"})))
    panel.reload_base_map()  # the page again, as after a change of tile source
    qtbot.waitUntil(lambda: panel.ready, timeout=WAIT_MS)
    south, west, north, east = DistrictLookup.default().bounds("norrby")
    centre = wait_for_js(
        qtbot,
        panel,
        "(c => [c.lat, c.lng])(EstMap.map().getCenter())",
        lambda c: c is not None and south < c[0] < north,
    )
    assert west < centre[1] < east
