"""The map panel: the Leaflet page in a web view, its toolbar, and the link between page and app.

The page (maps/page.py + resources/map/est_map.js) talks to the app through one QWebChannel
object, `MapBridge`. The panel shows what the list's filter selects: `set_filter` takes the same
IncidentFilter the list uses, reads the points off the UI thread and hands them to the page as
one binary array.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from est_desktop.domain.measure import Measure, MeasureStatus
from est_desktop.geo.district_lookup import OUTSIDE_DISTRICTS, DistrictLookup
from est_desktop.geo.tile_cache import TileFetcher, tile_source
from est_desktop.maps.content import MapData, map_data, map_page, page_texts
from est_desktop.maps.page import PAGE_URL, SCHEME, build_page
from est_desktop.maps.scheme import MapSchemeHandler, TileProvider
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_service import IncidentService
from est_desktop.store.measures import MeasureRepository
from est_desktop.ui.incident_table_model import format_time
from est_desktop.ui.map_bridge import MapBridge
from est_desktop.ui.offline_area_dialog import OfflineAreaDialog
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.tasks import Task

RELOAD_DELAY_MS = 150  # typing in the search field reloads the map once, after a pause


class MapPanel(QWidget):
    incident_clicked = Signal(str)  # the id of the incident clicked on the map
    point_chosen = Signal(float, float)  # a click on the map, or the draft marker moved
    points_shown = Signal(int)  # the page holds this many incidents

    def __init__(
        self,
        incidents: IncidentService,
        districts: DistrictLookup,
        preferences: Preferences,
        *,
        tiles: TileProvider | None = None,
        fetcher: TileFetcher | None = None,
        profile: QWebEngineProfile | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._incidents = incidents
        self._districts = districts
        self._preferences = preferences
        self.fetcher = fetcher
        self._filter = IncidentFilter()
        self._generation = 0
        self._ready = False
        self._pending: MapData | None = None  # read, not yet handed to the page
        self._drawing = False  # the page is clustering the data handed to it
        self._task: Task | None = None
        self._reload_again = False
        self._draft: tuple[float, float] | None = None
        self._left_out = 0
        self._measures = MeasureRepository(incidents.store)

        # The view (and the page, its child) first: Qt's children go in the order they were
        # made, and a page must go before its profile.
        self.view = QWebEngineView(self)
        self.handler = MapSchemeHandler(tiles, self)
        # Off the record: nothing of the page is kept on disk (the tiles have their own cache).
        self.profile = profile or QWebEngineProfile(self)
        if self.profile.urlSchemeHandler(SCHEME.encode()) is not None:  # a shared profile
            self.profile.removeUrlScheme(SCHEME.encode())
        self.profile.installUrlSchemeHandler(SCHEME.encode(), self.handler)
        self.page = QWebEnginePage(self.profile, self.view)
        self.bridge = MapBridge(self._popup_data, self)
        self.channel = QWebChannel(self)
        self.channel.registerObject("est", self.bridge)
        self.page.setWebChannel(self.channel)
        self.view.setPage(self.page)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

        self.bridge.page_ready.connect(self._on_page_ready)
        self.bridge.points_loaded.connect(self._on_points_loaded)
        self.bridge.incident_clicked.connect(self._on_incident_clicked)
        self.bridge.map_clicked.connect(self.point_chosen)
        self.bridge.draft_moved.connect(self.point_chosen)
        self.bridge.view_changed.connect(self._on_view_changed)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload_now)

        self.status = QLabel(self.tr("Kartan laddas…"))
        self.status.setObjectName("mapStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_toolbar())
        layout.addWidget(self.view, 1)
        self._load_page()

    # -- public ---------------------------------------------------------------------------

    def set_filter(self, where: IncidentFilter) -> None:
        """Show the incidents `where` selects (the list's filter), after a short pause. A
        district chosen in the filter is also zoomed to, and all of them when it is cleared."""
        chosen = where.districts - {OUTSIDE_DISTRICTS}
        if where.districts != self._filter.districts and len(chosen) <= 1:
            self.zoom_to_district(next(iter(chosen), None))
        self._filter = where
        self._reload_timer.start()

    def refresh(self) -> None:
        """Read the incidents again (after a save, a delete, a sync)."""
        self._reload_timer.start()

    def show_incident(self, pk: int) -> None:
        """Zoom to an incident and open its popup (the list's selection)."""
        self._run(f"EstMap.showIncident({int(pk)})")

    def place_draft(self, lat: float, lon: float) -> None:
        """The marker of the incident being entered; the user can drag it."""
        self._draft = (lat, lon)
        self._run(f"EstMap.placeDraft({lat!r}, {lon!r})")

    def clear_draft(self) -> None:
        self._draft = None
        self._run("EstMap.clearDraft()")

    def zoom_to_district(self, code: str | None, *, animate: bool = True) -> None:
        """Fit the view to one district, or to all of them (None)."""
        bounds = json.dumps(list(self._districts.bounds(code)))
        self._run(f"EstMap.fitBounds({bounds}, {json.dumps(not animate)})")

    def reload_base_map(self) -> None:
        """After the settings changed the tile source or imported a base map."""
        if self.fetcher is not None:
            prefs = self._preferences
            self.fetcher.change_source(tile_source(prefs.map_tile_url, prefs.map_tile_attribution))
        self._load_page()

    def set_layer_visible(self, name: str, visible: bool) -> None:
        self._layer_actions[name].setChecked(visible)

    def save_png(self, path: Path | str) -> bool:
        """The current view as a PNG (for printed summaries)."""
        return self.view.grab().save(str(path), "PNG")

    def run_javascript(self, script: str, callback=None) -> None:
        """Run `script` in the page (tests and the benchmark read the page's state this way)."""
        if callback is None:
            self.page.runJavaScript(script, 0)
        else:
            self.page.runJavaScript(script, 0, callback)

    @property
    def ready(self) -> bool:
        return self._ready

    def shutdown(self) -> None:
        """Before the window closes: no tile work left running, no more calls from the page."""
        self._reload_timer.stop()
        self.bridge.blockSignals(True)
        self.handler.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    # -- page -------------------------------------------------------------------------------

    def _load_page(self) -> None:
        prefs = self._preferences
        remembered = prefs.map_zoom > 0
        page = map_page(
            self._incidents.taxonomy,
            self._districts,
            texts=page_texts(lambda text: QCoreApplication.translate("MapPage", text)),
            attribution=tile_source(prefs.map_tile_url, prefs.map_tile_attribution).attribution,
            center=(prefs.map_center_lat, prefs.map_center_lon) if remembered else None,
            zoom=prefs.map_zoom if remembered else None,
            hidden_layers=frozenset(prefs.map_hidden_layers),
        )
        self.handler.set_page(build_page(page))
        self._ready = False
        self.page.load(QUrl(PAGE_URL))

    def _run(self, script: str) -> None:
        if self._ready:
            self.page.runJavaScript(script, 0)

    def _on_page_ready(self) -> None:
        self._ready, self._drawing, self._pending = True, False, None
        chosen = self._filter.districts - {OUTSIDE_DISTRICTS}
        if len(chosen) == 1:  # chosen in the filter before the page was there
            # Still: the window may still be laying itself out, and a resize stops an animation.
            self.zoom_to_district(next(iter(chosen)), animate=False)
        if self._draft is not None:
            self.place_draft(*self._draft)
        self.reload_now()

    # -- data -------------------------------------------------------------------------------

    def reload_now(self) -> None:
        """Read the incidents for the page now (set_filter and refresh wait a moment first)."""
        if self._task is not None:  # one read at a time; the latest filter wins
            self._reload_again = True
            return
        self._generation += 1
        generation, where = self._generation, self._filter
        self._task = Task(lambda: self.read_data(where, generation))
        self._task.relay.succeeded.connect(self._on_read)
        self._task.relay.failed.connect(self._on_read_failed)
        self._task.start()

    def read_data(self, where: IncidentFilter, generation: int = 0) -> MapData:
        """Off the UI thread: the incidents, hotspots and measures, as the page takes them."""
        repository = self._incidents.incidents
        points = repository.map_points(where)
        return map_data(
            points,
            self._incidents.taxonomy,
            left_out=repository.count(where) - len(points),
            measures=self._measures.live(),
            describe_measure=self._describe_measure,
            generation=generation,
        )

    def _on_read(self, data: MapData) -> None:
        self._task = None
        if self._reload_again:
            self._reload_again = False
            self.reload_now()
            return
        self._pending = data
        self._send_pending()

    def _send_pending(self) -> None:
        """Hand the page the latest data, once it is ready and done drawing the data before:
        markercluster would go on adding a previous array's markers into a cleared layer."""
        if self._pending is None or not self._ready or self._drawing:
            return
        data, self._pending = self._pending, None
        self._drawing = True
        self._send(data)

    def _on_read_failed(self, exc: object) -> None:
        self._task = None
        self.status.setText(
            self.tr("Kartans händelser kunde inte läsas: %1").replace("%1", str(exc))
        )

    def _send(self, data: MapData) -> None:
        self.handler.set_points(data.payload)
        self.status.setText(self.tr("Kartan ritas…"))
        url = f"{SCHEME}://app/points.bin?g={data.generation}"
        self._left_out = data.left_out
        arguments = ", ".join(json.dumps(a) for a in (url, data.hotspots, data.measures))
        self.page.runJavaScript(f"EstMap.loadPoints({arguments})", 0)

    def _on_points_loaded(self, count: int, generation: int) -> None:
        self._drawing = False
        if count == 1:
            text = self.tr("1 händelse på kartan")
        else:
            text = self.tr("%1 händelser på kartan").replace("%1", QLocale().toString(count))
        if self._left_out:
            text += " " + self.tr("(%1 med bara kommunen som plats visas inte)").replace(
                "%1", QLocale().toString(self._left_out)
            )
        self.status.setText(text)
        self.points_shown.emit(count)
        self._send_pending()  # a newer filter's data, read while this was drawn

    def _describe_measure(self, measure: Measure) -> str:
        draft = measure.draft
        status = {
            MeasureStatus.PLANNED: self.tr("planerad"),
            MeasureStatus.ONGOING: self.tr("pågår"),
            MeasureStatus.DONE: self.tr("avslutad"),
        }[draft.status]
        period = draft.start_date.isoformat() if draft.start_date else ""
        if draft.end_date:
            period += " – " + draft.end_date.isoformat()
        title = self.tr("Åtgärd: %1").replace("%1", draft.title)
        return f"{title} ({status}{', ' + period if period else ''})"

    # -- gestures ---------------------------------------------------------------------------

    def _on_incident_clicked(self, pk: int) -> None:
        incident = self._incidents.incidents.get_by_pk(pk)
        if incident is not None:
            self.incident_clicked.emit(str(incident.id))

    def _popup_data(self, pk: int) -> dict[str, Any] | None:
        incident = self._incidents.incidents.get_by_pk(pk)
        if incident is None or incident.deleted:
            return None
        place = incident.place_name
        district = self._districts.name_of(incident.district)
        return {
            "category": self._incidents.taxonomy.label(incident.category),
            "time": format_time(incident.occurred_at, incident.time_precision.value),
            "place": ", ".join(part for part in (place, district) if part),
            "description": incident.description,
        }

    def _on_view_changed(self, lat: float, lon: float, zoom: int) -> None:
        prefs = self._preferences
        prefs.map_center_lat, prefs.map_center_lon, prefs.map_zoom = lat, lon, zoom

    # -- toolbar ----------------------------------------------------------------------------

    def _build_toolbar(self) -> QToolBar:
        """The layer switches, "zoom to district" and "save for offline"; the same actions
        make up `self.menu`, for the window's View menu and the keyboard."""
        hidden = set(self._preferences.map_hidden_layers)
        self.menu = QMenu(self.tr("&Karta"), self)
        bar = QToolBar(self.tr("Karta"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._layer_actions: dict[str, QAction] = {}
        for name, text in (
            ("incidents", self.tr("&Händelser")),
            ("hotspots", self.tr("Hot&spots")),
            ("measures", self.tr("Åt&gärder")),
            ("districts", self.tr("&Distriktsgränser")),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(name not in hidden)
            action.toggled.connect(lambda on, name=name: self._on_layer_toggled(name, on))
            bar.addAction(action)
            self.menu.addAction(action)
            self._layer_actions[name] = action
        bar.addSeparator()
        self.menu.addSeparator()
        zoom_menu = self.menu.addMenu(self.tr("&Zooma till distrikt"))
        zoom_menu.addAction(self.tr("&Alla distrikt"), lambda: self.zoom_to_district(None))
        zoom_menu.addSeparator()
        for district in self._districts.districts():
            if district.code != OUTSIDE_DISTRICTS:
                zoom_menu.addAction(
                    district.name, lambda code=district.code: self.zoom_to_district(code)
                )
        zoom_button = QToolButton(self)
        zoom_button.setText(self.tr("Zooma till distrikt"))
        zoom_button.setMenu(zoom_menu)
        zoom_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(zoom_button)
        if self.fetcher is not None:
            offline = QAction(self.tr("Spara området för &offline…"), self)
            offline.setToolTip(
                self.tr("Spara bakgrundskartan för det här området, så att den syns utan nätverk.")
            )
            offline.triggered.connect(self._save_area_offline)
            bar.addAction(offline)
            self.menu.addAction(offline)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.status)
        return bar

    def _on_layer_toggled(self, name: str, visible: bool) -> None:
        hidden = set(self._preferences.map_hidden_layers)
        hidden.discard(name) if visible else hidden.add(name)
        self._preferences.map_hidden_layers = sorted(hidden)
        self._run(f"EstMap.setLayerVisible({json.dumps(name)}, {json.dumps(visible)})")

    def _save_area_offline(self) -> None:
        def open_dialog(answer: str) -> None:
            view = json.loads(answer) if answer else None
            if not view or self.fetcher is None:
                return
            south, west, north, east, zoom = view
            OfflineAreaDialog(self.fetcher, (south, west, north, east), int(zoom), self).exec()

        # Qt hands a JavaScript array back as "": it crosses as JSON text.
        self.run_javascript("JSON.stringify(EstMap.view())", open_dialog)
