"""The main window: the entry form beside the incident list, menus, shortcuts, status bar."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QWidget,
)

from est_desktop.domain.actor import Actor
from est_desktop.domain.incident import LOCAL_TZ, Incident, Source
from est_desktop.domain.organisations import organisation_name
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import PlaceIndex
from est_desktop.report_builder import ReportBuilder, ReportKind
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_service import IncidentService
from est_desktop.ui.analysis_panel import AnalysisPanel
from est_desktop.ui.area_drawing import AreaDrawing
from est_desktop.ui.backup_wiring import BackupWiring
from est_desktop.ui.entry_form import EntryForm
from est_desktop.ui.export_dialog import ExportDialog
from est_desktop.ui.import_dialog import ImportDialog
from est_desktop.ui.incident_list_panel import IncidentListPanel
from est_desktop.ui.incident_table_model import format_time
from est_desktop.ui.main_menus import build_menu_bar
from est_desktop.ui.map_panel import MapPanel
from est_desktop.ui.map_wiring import MapWiring
from est_desktop.ui.measures_panel import MeasuresPanel
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.report_dialog import ReportDialog, default_period
from est_desktop.ui.settings_dialog import SettingsDialog
from est_desktop.ui.sync_wiring import SyncServices, SyncWiring

STATUS_TIMEOUT_MS = 8000


class MainWindow(QMainWindow):
    def __init__(
        self,
        incidents: IncidentService,
        places: PlaceIndex,
        districts: DistrictLookup,
        preferences: Preferences,
        *,
        demo: bool = False,
        sync: SyncServices | None = None,
        map_panel: MapPanel | None = None,
        analysis_panel: AnalysisPanel | None = None,
        reports: ReportBuilder | None = None,
        measures_panel: MeasuresPanel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._incidents = incidents
        self._preferences = preferences
        self.map_panel = map_panel
        self.analysis_panel = analysis_panel
        self._reports = reports
        self.measures_panel = measures_panel
        self._districts = districts
        title = self.tr("EST Desktop")
        self.setWindowTitle(title + (" – " + self.tr("demodata") if demo else ""))
        self.form = EntryForm(incidents, places, districts, preferences)
        self.list_panel = IncidentListPanel(incidents, districts)
        form_area = QScrollArea()
        form_area.setWidget(self.form)
        form_area.setWidgetResizable(True)
        form_area.setMinimumWidth(360)
        form_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no tab stop of its own
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(form_area)
        self.map_wiring = None
        if map_panel is not None:
            self.map_wiring = MapWiring(map_panel, self.list_panel, self.form, places, self)
        self.splitter.addWidget(self.map_wiring.widget if self.map_wiring else self.list_panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 900])
        self.setCentralWidget(self.splitter)

        self.form.recorded.connect(self._on_form_recorded)
        self.form.edited.connect(self._on_form_edited)
        self.list_panel.edit_requested.connect(self.form.start_edit)
        self.list_panel.deleted.connect(self._on_list_panel_deleted)
        self.sync = SyncWiring(self, sync, preferences, incidents.taxonomy, districts)
        # Automatic backups begin when app.py calls `backups.start()` (not for demo data)
        self.backups = BackupWiring(self, incidents.store, preferences, self.sync)
        for saved in (self.form.recorded, self.form.edited, self.list_panel.deleted):
            saved.connect(self.sync.local_change)
        self.sync.records_changed.connect(self.list_panel.refresh)
        self.sync.identity_changed.connect(self._update_user_label)
        if map_panel is not None:
            self._follow_changes(map_panel.refresh)
        if analysis_panel is not None:
            self._dock_analysis(analysis_panel)
        if measures_panel is not None:
            self.measures_dock = self._dock(self.tr("Åtgärder"), "measuresDock", measures_panel)
            self.sync.records_changed.connect(measures_panel.refresh)
            measures_panel.recorded.connect(self.sync.local_change)
            self.sync.identity_changed.connect(measures_panel.refresh)
            if map_panel is not None:
                measures_panel.recorded.connect(map_panel.refresh)
                measures_panel.set_area_drawer(AreaDrawing(map_panel, self))
        build_menu_bar(self, preferences, incidents.store, printing=reports is not None)
        self._build_status_bar(demo)
        self._restore_state()
        self.list_panel.model.reload()
        self.sync.start()
        self.form.focus_first_field()  # the window opens ready for the next incident

    def _follow_changes(self, refresh) -> None:
        """`refresh` after every change of the records: saved here, deleted, or synced."""
        for changed in (self.form.recorded, self.form.edited, self.list_panel.deleted):
            changed.connect(refresh)
        self.sync.records_changed.connect(refresh)

    def _dock_analysis(self, panel: AnalysisPanel) -> None:
        """The analysis beside the map and the list, on the same filter; hidden until asked for
        (Visa → Analys), so a caretaker never meets it."""
        self.analysis_dock = self._dock(self.tr("Analys"), "analysisDock", panel)
        panel.filter_bar = self.list_panel.filters
        panel.set_filter(self.list_panel.model.filter)
        self.list_panel.filters.changed.connect(panel.set_filter)
        self._follow_changes(panel.refresh)

    def _dock(self, title: str, name: str, panel: QWidget) -> QDockWidget:
        """A panel docked on the right, hidden until asked for; its place is kept with the
        window's state (by `name`)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        docked = [d for d in self.findChildren(QDockWidget) if d is not dock]
        if docked:
            self.tabifyDockWidget(docked[0], dock)
        dock.hide()
        return dock

    def _build_status_bar(self, demo: bool) -> None:
        bar = self.statusBar()
        bar.addPermanentWidget(self.sync.status)
        self.user_label = QLabel()
        self._update_user_label()
        bar.addPermanentWidget(self.user_label)
        store_text = (
            self.tr("Demodata – inte de riktiga uppgifterna")
            if demo
            else self.tr("Sparas på denna dator")
        )
        self.store_label = QLabel(store_text)
        self.store_label.setToolTip(str(self._incidents.store.path))
        if demo:
            self.store_label.setStyleSheet("color: #8a5a00; font-weight: 600;")
        bar.addPermanentWidget(self.store_label)

    def _update_user_label(self) -> None:
        user = self._preferences.user_name or self.tr("(ingen användare)")
        organisation = organisation_name(self._preferences.organisation)
        self.user_label.setText(user + (f" · {organisation}" if organisation else ""))

    # -- slots --

    def _on_form_recorded(self, incident: Incident) -> None:
        self.list_panel.refresh(select=incident.id)
        self.statusBar().showMessage(
            self.tr("Sparad: %1").replace("%1", self._summary(incident)), STATUS_TIMEOUT_MS
        )

    def _on_form_edited(self, incident: Incident) -> None:
        self.list_panel.refresh(select=incident.id)
        self.statusBar().showMessage(
            self.tr("Ändringen sparad: %1").replace("%1", self._summary(incident)),
            STATUS_TIMEOUT_MS,
        )

    def _on_list_panel_deleted(self, incident_id: object) -> None:
        editing = self.form.editing
        if editing is not None and editing.id == incident_id:
            self.form.start_new()
        self.statusBar().showMessage(self.tr("Händelsen är borttagen."), STATUS_TIMEOUT_MS)

    def _summary(self, incident: Incident) -> str:
        parts = [self._incidents.taxonomy.label(incident.category)]
        if incident.place_name:
            parts.append(incident.place_name)
        parts.append(format_time(incident.occurred_at, incident.time_precision.value))
        return ", ".join(parts)

    def open_report_dialog(self) -> ReportDialog | None:
        """The printed summaries, for the district and period the filter shows (or the last
        full month)."""
        if self._reports is None:
            return None
        where = self.list_panel.model.filter
        first, last = default_period(datetime.now(LOCAL_TZ).date())
        if where.start is not None and where.end is not None:
            first = where.start.astimezone(LOCAL_TZ).date()
            last = (where.end - timedelta(seconds=1)).astimezone(LOCAL_TZ).date()
        district = next(iter(where.districts)) if len(where.districts) == 1 else None
        dialog = ReportDialog(
            self._reports,
            self._districts,
            first=first,
            last=last,
            district=district,
            made_by=self._preferences.user_name,
            parent=self,
        )
        dialog.show()
        return dialog

    def open_import_dialog(self) -> ImportDialog:
        """Police crime exports and the police events feed, previewed before anything is
        written."""
        prefs = self._preferences
        dialog = ImportDialog(
            self._incidents.store,
            Actor(prefs.user_name, prefs.organisation),
            self._incidents.taxonomy,
            self._districts,
            prefs,
            parent=self,
        )
        dialog.imported.connect(self._on_imported)
        dialog.show()
        return dialog

    def _on_imported(self, count: int) -> None:
        self.list_panel.refresh()
        for panel in (self.map_panel, self.analysis_panel):
            if panel is not None:
                panel.refresh()
        self.sync.local_change()  # the imported records go to the server like any others
        self.statusBar().showMessage(
            self.tr("%Ln händelser importerade.", "", count), STATUS_TIMEOUT_MS
        )

    def open_export_dialog(self) -> ExportDialog:
        """Counts for sharing beyond the partners, or the incidents of the current filter."""
        where = self.list_panel.model.filter
        # Police records reach only those allowed to see them (the server's rule), so a store
        # that holds any belongs to someone who may export them.
        police = IncidentFilter(sources=frozenset({Source.POLICE.value}))
        dialog = ExportDialog(
            self._incidents.store,
            self._incidents.taxonomy,
            self._districts,
            where,
            may_see_police=self._incidents.incidents.count(police) > 0,
            parent=self,
        )
        dialog.show()
        return dialog

    def preview_weekly_picture(self) -> None:
        """Monday morning in one step: the seven days up to yesterday, in the print preview."""
        dialog = self.open_report_dialog()
        if dialog is not None:
            dialog.choose(ReportKind.WEEKLY, last=datetime.now(LOCAL_TZ).date() - timedelta(days=1))
            dialog.preview()

    def open_settings(self) -> None:
        """The settings dialog; the user label, sync and base map follow what it changed."""
        fetcher = self.map_panel.fetcher if self.map_panel is not None else None
        tiles = fetcher.cache if fetcher is not None else None
        before = (self._base_map_settings(), tiles.count() if tiles else 0)
        settings = SettingsDialog(
            self._preferences,
            self,
            login=self.sync.login,
            tile_cache=tiles,
            data_dir=self._incidents.store.path.parent,
        )
        if settings.exec():
            self._update_user_label()
            self.sync.settings_changed()
        after = (self._base_map_settings(), tiles.count() if tiles else 0)
        if self.map_panel is not None and after != before:  # another source, or an import
            self.map_panel.reload_base_map()

    def _base_map_settings(self) -> tuple[str, str]:
        return self._preferences.map_tile_url, self._preferences.map_tile_attribution

    # -- window state --

    def _restore_state(self) -> None:
        prefs = self._preferences
        if not prefs.window_geometry.isEmpty():
            self.restoreGeometry(prefs.window_geometry)
        else:
            self.resize(1360, 820)
        if not prefs.window_state.isEmpty():
            self.restoreState(prefs.window_state)
        if not prefs.splitter_state.isEmpty():
            self.splitter.restoreState(prefs.splitter_state)
        if self.map_panel is not None and not prefs.map_splitter_state.isEmpty():
            self.map_wiring.splitter.restoreState(prefs.map_splitter_state)
        if not prefs.list_header_state.isEmpty():
            self.list_panel.table.horizontalHeader().restoreState(prefs.list_header_state)

    def closeEvent(self, event: QCloseEvent) -> None:
        prefs = self._preferences
        prefs.window_geometry = self.saveGeometry()
        prefs.window_state = self.saveState()
        prefs.splitter_state = self.splitter.saveState()
        if self.map_panel is not None:
            prefs.map_splitter_state = self.map_wiring.splitter.saveState()
            self.map_panel.shutdown()
        prefs.list_header_state = self.list_panel.table.horizontalHeader().saveState()
        prefs.settings.sync()
        self.sync.shutdown()
        super().closeEvent(event)
