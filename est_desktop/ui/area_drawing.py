"""Drawing an area on the map for a form: a measure's area, or a follow-up's control area.

`AreaDrawing` owns the map's drawing (resources/map/est_draw.js) for one client at a time: the
client starts it with what to call when a shape is drawn (and again after each edit of it) or
the drawing is cancelled. A second client starting takes the drawing over; the first is told it
was cancelled. The words of the problems and of the shape's summary live here too, so the
measure form and the measures panel say the same.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Literal, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject

from est_desktop.domain.drawn_area import (
    OUTSIDE_SERVICE_AREA,
    RADIUS_NOT_POSITIVE,
    SELF_CROSSING,
    TOO_FEW_CORNERS,
    TOO_MANY_CORNERS,
    DrawnArea,
)
from est_desktop.ui.map_panel import MapPanel

log = logging.getLogger(__name__)

Kind = Literal["polygon", "circle"]
Purpose = Literal["measure", "control"]

PROBLEMS: dict[str, str] = {
    TOO_FEW_CORNERS: QT_TRANSLATE_NOOP("AreaDrawing", "En yta behöver minst tre olika hörn."),
    TOO_MANY_CORNERS: QT_TRANSLATE_NOOP("AreaDrawing", "Ytan har för många hörn."),
    SELF_CROSSING: QT_TRANSLATE_NOOP(
        "AreaDrawing", "Ytans kanter korsar varandra: flytta ett hörn så att de inte gör det."
    ),
    OUTSIDE_SERVICE_AREA: QT_TRANSLATE_NOOP(
        "AreaDrawing", "Ytan går utanför Borås kommun: rita den inom kommunen."
    ),
    RADIUS_NOT_POSITIVE: QT_TRANSLATE_NOOP("AreaDrawing", "Radien ska vara större än 0 meter."),
}

# The words on the map while drawing (est_draw.js shows them).
PAGE_TEXTS: dict[str, str] = {
    "polygon": QT_TRANSLATE_NOOP(
        "AreaDrawing", "Klicka ut ytans hörn. Backsteg ångrar senaste hörnet, Esc avbryter."
    ),
    "close": QT_TRANSLATE_NOOP(
        "AreaDrawing",
        "Avsluta genom att klicka på första hörnet, dubbelklicka eller trycka Enter.",
    ),
    "circle": QT_TRANSLATE_NOOP(
        "AreaDrawing", "Klicka i mitten och dra ut till kanten (eller klicka på kanten)."
    ),
    "circleEdge": QT_TRANSLATE_NOOP(
        "AreaDrawing", "Klicka på kanten, eller skriv radien i formuläret."
    ),
    "edit": QT_TRANSLATE_NOOP(
        "AreaDrawing", "Dra i hörnen för att ändra. Ytan sparas med formuläret."
    ),
    "undo": QT_TRANSLATE_NOOP("AreaDrawing", "Ångra hörn"),
    "done": QT_TRANSLATE_NOOP("AreaDrawing", "Klar"),
    "cancel": QT_TRANSLATE_NOOP("AreaDrawing", "Avbryt"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AreaDrawing", text)


def problem_texts(codes: list[str]) -> list[str]:
    return [_tr(PROBLEMS.get(code, code)) for code in codes]


def describe_area(area: DrawnArea) -> str:
    """ "Cirkel med radien 150 m, 7,1 ha", "Yta med 5 hörn, 2,3 ha"."""
    locale = QLocale()
    hectares = locale.toString(area.square_metres() / 10_000, "f", 1)
    if area.is_circle:
        radius = locale.toString(round(area.radius_m or 0.0))
        text = QCoreApplication.translate("AreaDrawing", "Cirkel med radien %1 m, %2 ha")
        return text.replace("%1", radius).replace("%2", hectares)
    corners = str(len(area.corners))
    text = QCoreApplication.translate("AreaDrawing", "Yta med %1 hörn, %2 ha")
    return text.replace("%1", corners).replace("%2", hectares)


class AreaDrawer(Protocol):
    """What a form needs to draw an area (`AreaDrawing`, or a test's fake)."""

    def start(
        self,
        kind: Kind,
        purpose: Purpose,
        current: DrawnArea | None,
        on_drawn: Callable[[DrawnArea], None],
        on_cancelled: Callable[[], None],
        *,
        district: str | None = None,
    ) -> bool: ...
    def set_radius(self, metres: float) -> None: ...
    def stop(self) -> None: ...


class AreaDrawing(QObject):
    """The map's drawing, lent to one form at a time. UI thread only."""

    def __init__(self, map_panel: MapPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._map = map_panel
        self._on_drawn: Callable[[DrawnArea], None] | None = None
        self._on_cancelled: Callable[[], None] | None = None
        map_panel.bridge.area_drawn.connect(self._on_bridge_area_drawn)
        map_panel.bridge.drawing_cancelled.connect(self._on_bridge_drawing_cancelled)

    @property
    def active(self) -> bool:
        return self._on_drawn is not None

    def start(
        self,
        kind: Kind,
        purpose: Purpose,
        current: DrawnArea | None,
        on_drawn: Callable[[DrawnArea], None],
        on_cancelled: Callable[[], None],
        *,
        district: str | None = None,
    ) -> bool:
        """Start drawing a `kind` on the map, editing `current` if given (and of that kind),
        else zoomed to `district` if given. False when the map is not ready."""
        if not self._map.ready:
            return False
        self._release(cancelled=True)
        self._on_drawn, self._on_cancelled = on_drawn, on_cancelled
        options: dict[str, object] = {
            "kind": kind,
            "purpose": purpose,
            "texts": {key: _tr(text) for key, text in PAGE_TEXTS.items()},
        }
        if current is not None and current.is_circle == (kind == "circle"):
            options.update(current.page_shape())
            bounds = json.dumps(list(_bounds_of(current)))
            self._map.run_javascript(f"EstMap.fitBounds({bounds})")
        elif district is not None:
            self._map.zoom_to_district(district)
        self._map.run_javascript(f"EstDraw.start({json.dumps(options)})")
        return True

    def set_radius(self, metres: float) -> None:
        """The circle on the map takes the radius typed in the form."""
        if self.active:
            self._map.run_javascript(f"EstDraw.setRadius({float(metres)!r})")

    def stop(self) -> None:
        """The form is done (saved or closed): the shape leaves the map."""
        if self.active:
            self._release(cancelled=False)
            self._map.run_javascript("EstDraw.stop()")

    def _release(self, *, cancelled: bool) -> None:
        on_cancelled = self._on_cancelled
        self._on_drawn = self._on_cancelled = None
        if cancelled and on_cancelled is not None:
            on_cancelled()

    def _on_bridge_area_drawn(self, text: str) -> None:
        if self._on_drawn is None:
            return
        try:
            area = DrawnArea.from_geometry(json.loads(text))
        except ValueError as exc:  # the page and the app disagree: a bug, not the user's
            log.warning("drawn area not understood: %s", exc)
            return
        self._on_drawn(area)

    def _on_bridge_drawing_cancelled(self) -> None:
        self._release(cancelled=True)


def _bounds_of(area: DrawnArea) -> tuple[float, float, float, float]:
    """(south, west, north, east) around the shape."""
    if area.centre is not None:
        lat, lon = area.centre
        dlat = (area.radius_m or 0.0) / 111_320
        dlon = dlat * 2  # about 1/cos(57.7°): enough for the view
        return lat - dlat, lon - dlon, lat + dlat, lon + dlon
    lats = [lat for lat, _ in area.corners]
    lons = [lon for _, lon in area.corners]
    return min(lats), min(lons), max(lats), max(lons)
