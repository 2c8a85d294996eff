"""The measure form's area row: what the area is ("Yta med 5 hörn, 2,3 ha"), "Rita på kartan"
(a polygon or a circle, drawn on the map through `AreaDrawer`) and "Ta bort ytan".

The field keeps a drawn polygon itself; a circle is the form's point and radius, which the
form reads for it (`circle`). A shape drawn, or edited on the map, is announced with `drawn`
so that the form can fill in the point, radius and district.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from est_desktop.domain.drawn_area import DrawnArea
from est_desktop.ui.area_drawing import AreaDrawer, Kind, describe_area


class AreaField(QWidget):
    drawn = Signal(object)  # the DrawnArea, each time it is drawn or edited on the map
    cleared = Signal()
    unavailable = Signal(str)  # why drawing could not start

    def __init__(
        self,
        drawing: AreaDrawer | None,
        circle: Callable[[], DrawnArea | None],
        district: Callable[[], str | None],
        polygon: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._drawing = drawing
        self._circle = circle
        self._district = district
        self.polygon = polygon  # a GeoJSON Polygon geometry, or None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.draw_button = QPushButton(self.tr("Rita på &kartan"))
        menu = QMenu(self.draw_button)
        self.draw_polygon_action = menu.addAction(
            self.tr("&Yta (klicka ut hörnen)"), lambda: self.start("polygon")
        )
        self.draw_circle_action = menu.addAction(
            self.tr("&Cirkel (mitt och radie)"), lambda: self.start("circle")
        )
        self.draw_button.setMenu(menu)
        self.draw_button.setVisible(drawing is not None)
        self.clear_button = QPushButton(self.tr("Ta &bort ytan"))
        self.clear_button.clicked.connect(self.clear)
        for button in (self.draw_button, self.clear_button):
            button.setAutoDefault(False)  # Enter saves the form, wherever the focus is
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.draw_button)
        layout.addWidget(self.clear_button)
        self.refresh()

    def current(self) -> DrawnArea | None:
        """The area: the drawn polygon, else the circle of the form's point and radius."""
        if self.polygon is not None:
            try:
                return DrawnArea.from_geometry(self.polygon)
            except ValueError:
                return None
        return self._circle()

    def start(self, kind: Kind) -> bool:
        """Draw the area on the map (editing the one there is, if of that kind)."""
        if self._drawing is None:
            return False
        started = self._drawing.start(
            kind,
            "measure",
            self.current(),
            self._on_drawn,
            self.refresh,
            district=self._district(),
        )
        if not started:
            self.unavailable.emit(self.tr("Kartan är inte klar än: försök igen om en stund."))
        return started

    def set_radius(self, metres: float) -> None:
        """A radius typed in the form: the circle being drawn follows."""
        if self._drawing is not None and metres > 0:
            self._drawing.set_radius(metres)
        self.refresh()

    def clear(self) -> None:
        self.stop()
        self.polygon = None
        self.cleared.emit()
        self.refresh()

    def stop(self) -> None:
        """The form is done: the shape leaves the map."""
        if self._drawing is not None:
            self._drawing.stop()

    def refresh(self) -> None:
        area = self.current()
        if area is None:
            text = self.tr("Ingen yta: åtgärden gäller punkten (eller hela området).")
        else:
            text = describe_area(area)
        self.summary.setText(text)
        self.clear_button.setEnabled(area is not None)

    def _on_drawn(self, area: DrawnArea) -> None:
        self.polygon = area.geometry()  # None for a circle: the form's point and radius
        self.drawn.emit(area)
        self.refresh()
