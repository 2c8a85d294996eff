"""The app's side of the map page's one QWebChannel object, `est`: the page calls these slots
by name (hence their camelCase), the map panel listens to the signals."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot


class MapBridge(QObject):
    """The app's side of the page's `est` object: the page calls these slots."""

    page_ready = Signal()
    points_loaded = Signal(int, int)  # count, generation
    incident_clicked = Signal(int)  # pk
    map_clicked = Signal(float, float)
    draft_moved = Signal(float, float)
    view_changed = Signal(float, float, int)
    area_drawn = Signal(str)  # the drawn shape as JSON (est_draw.js describes it)
    drawing_cancelled = Signal()

    def __init__(
        self,
        popup_data: Callable[[int], dict[str, Any] | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._popup_data = popup_data

    @Slot()
    def pageReady(self) -> None:
        self.page_ready.emit()

    @Slot(int, int)
    def pointsLoaded(self, count: int, generation: int) -> None:
        self.points_loaded.emit(count, generation)

    @Slot(float)
    def incidentClicked(self, pk: float) -> None:
        self.incident_clicked.emit(int(pk))

    @Slot(float, float)
    def mapClicked(self, lat: float, lon: float) -> None:
        self.map_clicked.emit(lat, lon)

    @Slot(float, float)
    def draftMoved(self, lat: float, lon: float) -> None:
        self.draft_moved.emit(lat, lon)

    @Slot(float, float, int)
    def viewChanged(self, lat: float, lon: float, zoom: int) -> None:
        self.view_changed.emit(lat, lon, zoom)

    @Slot(str)
    def areaDrawn(self, shape: str) -> None:
        self.area_drawn.emit(shape)

    @Slot()
    def drawingCancelled(self) -> None:
        self.drawing_cancelled.emit()

    @Slot(float, result=str)
    def popupData(self, pk: float) -> str:
        return json.dumps(self._popup_data(int(pk)), ensure_ascii=False)
