"""Drawing an area on the real map page (offscreen): real mouse clicks and keys on the web view
make the polygon or circle the form gets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from est_desktop.domain.actor import Actor
from est_desktop.domain.drawn_area import DrawnArea
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.measures import MeasureRepository
from est_desktop.ui.area_drawing import AreaDrawing
from est_desktop.ui.map_panel import MapPanel
from est_desktop.ui.measure_dialog import MeasureDialog
from tests.conftest import NOW
from tests.ui.helpers import type_into
from tests.ui.test_map_panel import (  # noqa: F401 (fixtures)
    WAIT_MS,
    js,
    make_panel,
    profile,
    recorder,
    wait_for_js,
)

CORNERS_PX = [(300, 220), (520, 240), (540, 430), (320, 410)]


class Drawn:
    """What the drawing reports to its client."""

    def __init__(self) -> None:
        self.areas: list[DrawnArea] = []
        self.cancelled = 0

    def area(self, area: DrawnArea) -> None:
        self.areas.append(area)

    def cancel(self) -> None:
        self.cancelled += 1


@pytest.fixture
def drawing_panel(make_panel) -> tuple[MapPanel, AreaDrawing]:  # noqa: F811
    panel = make_panel()
    panel.zoom_to_district("hulta", animate=False)
    return panel, AreaDrawing(panel)


def click(panel: MapPanel, x: int, y: int) -> None:
    QTest.mouseClick(
        panel.view.focusProxy(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(x, y),
    )
    QTest.qWait(60)  # apart enough not to make a double-click of two clicks


def double_click(panel: MapPanel, x: int, y: int) -> None:
    """Two presses close in time, as a hand makes them: the web view counts clicks by the
    events' timestamps, which QTest spaces out on purpose."""
    target, point = panel.view.focusProxy(), QPointF(x, y)
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    stamp = 2_000_000_000  # far from the clicks before it: this pair is counted on its own
    for offset, kind, buttons in (
        (0, QEvent.Type.MouseButtonPress, left),
        (20, QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
        (120, QEvent.Type.MouseButtonPress, left),
        (140, QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(kind, point, target.mapToGlobal(point), left, buttons, none)
        event.setTimestamp(stamp + offset)
        QApplication.sendEvent(target, event)


def key(panel: MapPanel, which: Qt.Key) -> None:
    QTest.keyClick(panel.view.focusProxy(), which)


def start(qtbot, drawing: AreaDrawing, panel: MapPanel, kind: str, drawn: Drawn) -> None:
    """Start drawing and wait until the page has (the script runs after the call returns)."""
    assert drawing.start(kind, "measure", None, drawn.area, drawn.cancel)
    wait_for_js(qtbot, panel, "EstDraw.active() && !EstDraw.shape()", bool)


def flat(points) -> list[float]:
    return [value for point in points for value in point]


def lat_lon_at(qtbot, panel: MapPanel, x: int, y: int) -> tuple[float, float]:
    where = f"EstMap.map().containerPointToLatLng([{x}, {y}])"
    lat, lon = js(qtbot, panel, f"(p => [p.lat, p.lng])({where})")
    return lat, lon


def test_clicked_corners_closed_on_the_first_make_the_polygon_under_the_pixels(
    qtbot, drawing_panel
):
    panel, drawing = drawing_panel
    drawn = Drawn()
    start(qtbot, drawing, panel, "polygon", drawn)
    expected = [lat_lon_at(qtbot, panel, x, y) for x, y in CORNERS_PX]
    for x, y in CORNERS_PX:
        click(panel, x, y)
    wait_for_js(qtbot, panel, "EstDraw.corners()", lambda n: n == 4)
    assert drawn.areas == [], "not finished before the polygon is closed"

    click(panel, CORNERS_PX[0][0] + 3, CORNERS_PX[0][1] - 2)  # near the first corner: closes
    qtbot.waitUntil(lambda: bool(drawn.areas), timeout=WAIT_MS)
    [area] = drawn.areas
    assert flat(area.corners) == pytest.approx(flat(expected), abs=1e-6)
    assert not area.is_circle
    # The page's map clicks went to the drawing, never to the incident form's point.
    assert js(qtbot, panel, "EstMap.draft()") is None


def test_backspace_takes_back_a_corner_and_enter_or_a_double_click_finishes(qtbot, drawing_panel):
    panel, drawing = drawing_panel
    drawn = Drawn()
    start(qtbot, drawing, panel, "polygon", drawn)
    for x, y in [*CORNERS_PX, (420, 300)]:
        click(panel, x, y)
    wait_for_js(qtbot, panel, "EstDraw.corners()", lambda n: n == 5)
    key(panel, Qt.Key.Key_Backspace)
    wait_for_js(qtbot, panel, "EstDraw.corners()", lambda n: n == 4)
    key(panel, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(drawn.areas), timeout=WAIT_MS)
    assert len(drawn.areas[0].corners) == 4

    again = Drawn()
    start(qtbot, drawing, panel, "polygon", again)
    for x, y in CORNERS_PX[:2]:
        click(panel, x, y)
    double_click(panel, *CORNERS_PX[2])
    qtbot.waitUntil(lambda: bool(again.areas), timeout=WAIT_MS)
    assert len(again.areas[0].corners) == 3, "a double-click's two clicks make one corner"


def test_escape_cancels_and_the_map_takes_clicks_for_incidents_again(qtbot, drawing_panel):
    panel, drawing = drawing_panel
    drawn = Drawn()
    chosen: list[tuple[float, float]] = []
    panel.point_chosen.connect(lambda lat, lon: chosen.append((lat, lon)))
    start(qtbot, drawing, panel, "polygon", drawn)
    click(panel, *CORNERS_PX[0])
    key(panel, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: drawn.cancelled == 1, timeout=WAIT_MS)
    assert not drawing.active and drawn.areas == [] and chosen == []
    assert js(qtbot, panel, "EstDraw.active()") is False
    click(panel, *CORNERS_PX[1])
    qtbot.waitUntil(lambda: bool(chosen), timeout=WAIT_MS)


def test_a_circle_is_a_click_at_the_centre_and_one_at_the_edge(qtbot, drawing_panel):
    panel, drawing = drawing_panel
    drawn = Drawn()
    start(qtbot, drawing, panel, "circle", drawn)
    centre, edge = (420, 320), (500, 320)
    click(panel, *centre)
    click(panel, *edge)
    qtbot.waitUntil(lambda: bool(drawn.areas), timeout=WAIT_MS)
    [area] = drawn.areas
    lat, lon = lat_lon_at(qtbot, panel, *centre)
    assert area.centre == pytest.approx((lat, lon), abs=1e-6)
    metres = js(
        qtbot,
        panel,
        f"EstMap.map().containerPointToLatLng([{centre[0]}, {centre[1]}])"
        f".distanceTo(EstMap.map().containerPointToLatLng([{edge[0]}, {edge[1]}]))",
    )
    assert area.radius_m == pytest.approx(metres, rel=1e-6)

    drawing.set_radius(250)  # typed in the form: the circle on the map follows
    assert wait_for_js(qtbot, panel, "EstDraw.shape().radius", lambda r: r == 250) == 250


def test_another_form_taking_the_drawing_cancels_the_first(qtbot, drawing_panel):
    panel, drawing = drawing_panel
    first, second = Drawn(), Drawn()
    drawing.start("polygon", "measure", None, first.area, first.cancel)
    drawing.start("polygon", "control", None, second.area, second.cancel)
    assert (first.cancelled, second.cancelled) == (1, 0)
    drawing.stop()
    assert second.cancelled == 0, "stopped by its own form: not a cancel"
    assert js(qtbot, panel, "EstDraw.active()") is False


def test_a_measure_drawn_in_its_form_is_saved_with_the_polygon_clicked(
    qtbot, drawing_panel, store, taxonomy
):
    panel, drawing = drawing_panel
    districts = DistrictLookup.default()
    codes = [d.code for d in districts.districts()]
    measures = MeasureRepository(store, taxonomy=taxonomy, district_codes=codes)
    dialog = MeasureDialog(
        measures,
        taxonomy,
        districts,
        Actor("eva", "boras_stad"),
        clock=lambda: NOW,
        drawing=drawing,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.title_edit, "Belysning")
    type_into(qtbot, dialog.start_edit, "2026-12-01")
    expected = [lat_lon_at(qtbot, panel, x, y) for x, y in CORNERS_PX]

    dialog.area_field.draw_polygon_action.trigger()
    wait_for_js(qtbot, panel, "EstDraw.active()", bool)
    for x, y in CORNERS_PX:
        click(panel, x, y)
    key(panel, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "4 hörn" in dialog.area_field.summary.text(), timeout=WAIT_MS)
    assert dialog.district_combo.currentData() == districts.district_at(*expected[0])

    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    draft = saved.args[0].draft
    ring = draft.area["coordinates"][0]
    assert ring[0] == ring[-1]
    assert flat((lat, lon) for lon, lat in ring[:-1]) == pytest.approx(flat(expected), abs=1e-6)
    assert draft.radius_m is None and draft.start_date == date(2026, 12, 1)
    assert js(qtbot, panel, "EstDraw.active()") is False, "the shape leaves the map with the form"
