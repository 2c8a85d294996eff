"""Builds the pieces and starts the window."""

from __future__ import annotations

import logging
import logging.handlers
import sqlite3
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from est_desktop import __version__
from est_desktop.data_files import default_data_dir, demo_end, store_path, tile_cache_path
from est_desktop.data_folder import copy_data_folder
from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import PlaceIndex, load_places
from est_desktop.geo.tile_cache import TileCache, TileFetcher, tile_source
from est_desktop.maps.scheme import register_scheme
from est_desktop.report_builder import ReportBuilder
from est_desktop.store.database import Store
from est_desktop.store.errors import StoreError
from est_desktop.store.incident_service import IncidentService
from est_desktop.sync.reference_cache import reference_data
from est_desktop.ui.analysis_panel import AnalysisPanel
from est_desktop.ui.first_run import FirstRunWizard, needs_first_run
from est_desktop.ui.languages import install_translations
from est_desktop.ui.main_window import MainWindow
from est_desktop.ui.map_panel import MapPanel
from est_desktop.ui.measures_panel import MeasuresPanel
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.sync_controller import SyncController
from est_desktop.ui.sync_wiring import SyncServices
from est_desktop.ui.tasks import Cancelled, Progress
from est_desktop.ui.work_progress import WorkProgressDialog

log = logging.getLogger(__name__)

DEMO_COUNT = 20_000


def build_service(
    store: Store,
    preferences: Preferences,
    *,
    taxonomy: Taxonomy | None = None,
    districts: DistrictLookup | None = None,
) -> IncidentService:
    districts = districts or DistrictLookup.default()
    return IncidentService(
        store,
        taxonomy or Taxonomy.load(),
        districts.district_at,
        lambda: Actor(preferences.user_name, preferences.organisation),
    )


def build_window(
    store: Store,
    preferences: Preferences,
    *,
    demo: bool = False,
    data_dir: Path | None = None,
    sync: SyncServices | None = None,
    with_map: bool = True,
    with_analysis: bool = True,
    tiles: TileFetcher | None = None,
) -> MainWindow:
    """The main window; with `data_dir`, reference data the server sent (cached) is used.

    The map needs the `estmap` scheme registered before the QApplication was made
    (`maps.scheme.register_scheme`); without `tiles` it shows no base map.
    """
    taxonomy, districts = reference_data(data_dir)
    service = build_service(store, preferences, taxonomy=taxonomy, districts=districts)
    map_panel = None
    if with_map:
        provider = tiles.tile if tiles is not None else None
        map_panel = MapPanel(service, districts, preferences, tiles=provider, fetcher=tiles)
    places = PlaceIndex(load_places())
    analysis = AnalysisPanel(service, districts, places) if with_analysis else None
    reports = ReportBuilder(
        store, service.taxonomy, districts, places, tiles=tiles.tile if tiles else None
    )
    return MainWindow(
        service,
        places,
        districts,
        preferences,
        demo=demo,
        sync=sync,
        map_panel=map_panel,
        analysis_panel=analysis,
        reports=reports,
        measures_panel=(
            MeasuresPanel(
                service,
                districts,
                actor=lambda: Actor(preferences.user_name, preferences.organisation),
                may_decide=lambda: preferences.server_role in ("analyst", "admin"),
            )
            if with_analysis
            else None
        ),
    )


def build_sync_services(store: Store, preferences: Preferences, data_dir: Path) -> SyncServices:
    """Sync as the window uses it. The network stack is loaded here, not at import."""
    from est_desktop.store.conflicts import ConflictRepository
    from est_desktop.sync.credentials import TokenStore
    from est_desktop.sync.engine import SyncEngine
    from est_desktop.sync.reference_cache import ReferenceCache
    from est_desktop.sync.transport import HttpTransport, Session

    token_store = TokenStore(data_dir)

    def make_controller() -> SyncController | None:
        url = preferences.server_url
        if not url:
            return None  # work locally, as without a server

        def engine_for(token: str | None) -> SyncEngine:
            transport = HttpTransport(url, token=token, ca_bundle=preferences.ca_bundle or None)
            return SyncEngine(store, transport, reference_cache=ReferenceCache(data_dir))

        return SyncController(engine_for, store, preferences, token_store)

    def login(url: str, username: str, password: str, ca_bundle: str) -> Session:
        transport = HttpTransport(url, ca_bundle=ca_bundle or None)
        try:
            return transport.login(username, password)
        finally:
            transport.close()

    return SyncServices(make_controller, token_store, login, ConflictRepository(store))


def run(data_dir: Path, *, demo: bool, language: str | None, argv: Sequence[str]) -> int:
    """Start the GUI; returns the exit code."""
    QCoreApplication.setOrganizationName("EST")
    QCoreApplication.setApplicationName("EST Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    register_scheme()  # the map's URL scheme: Qt wants it before the application exists
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(list(argv))
    preferences = Preferences(QSettings())
    data_dir = _data_dir_at_start(data_dir, preferences)
    _setup_logging(data_dir)
    install_translations(app, language or preferences.language)
    sys.excepthook = _show_unexpected_error

    path = store_path(data_dir, demo=demo)
    try:
        store = Store.open(path)
    except StoreError as exc:
        log.error("cannot open store %s: %s", path, exc.message)
        QMessageBox.critical(None, app.tr("EST Desktop kan inte starta"), exc.message)
        return 2
    try:
        if demo:
            _fill_demo_if_empty(store)
        # Demo data must never reach the shared server: the demo store works locally only.
        sync = None if demo else build_sync_services(store, preferences, data_dir)
        # The base map: tiles cached in the data folder, from the tile source of the settings.
        tile_cache = TileCache(tile_cache_path(data_dir))
        source = tile_source(preferences.map_tile_url, preferences.map_tile_attribution)
        tiles = TileFetcher(tile_cache, source)
        if needs_first_run(preferences, demo=demo):
            FirstRunWizard(preferences, demo=demo).exec()  # then the window, entry form first
        window = build_window(
            store, preferences, demo=demo, data_dir=data_dir, sync=sync, tiles=tiles
        )
        window.show()
        if not demo:  # demo data is made again at will; only the real store is backed up
            window.backups.start()
        code = app.exec()
        window.sync.shutdown(0)
        window.sync.wait_until_idle()  # a sync still running ends before the store closes
        tile_cache.close()
        return code
    finally:
        store.close()


def _data_dir_at_start(given: Path, preferences: Preferences) -> Path:
    """The data folder of the settings, unless --data-dir named another one.

    A copy the settings asked for is made here, before anything opens the stores; if it fails,
    the old folder stays in use (and the copy is tried again at the next start).
    """
    if given != default_data_dir():
        return given
    chosen = Path(preferences.data_folder) if preferences.data_folder else given
    source = preferences.data_copy_from
    if source and Path(source) != chosen:
        try:
            copied = copy_data_folder(Path(source), chosen)
        except (OSError, sqlite3.Error) as exc:
            log.error("cannot copy the data folder %s to %s: %s", source, chosen, exc)
            text = QCoreApplication.translate(
                "app",
                "Datalagret kunde inte kopieras från %1 till %2 (%3). EST Desktop använder %1 "
                "tills vidare; allt finns kvar där.",
            )
            text = text.replace("%1", source).replace("%2", str(chosen)).replace("%3", str(exc))
            QMessageBox.warning(None, QCoreApplication.translate("app", "Datamapp"), text)
            return Path(source)
        log.info("copied %s from %s to %s", ", ".join(copied) or "nothing", source, chosen)
    if source:
        preferences.data_copy_from = ""  # done (or nothing to do: back in the same folder)
    return chosen


def _fill_demo_if_empty(store: Store) -> None:
    from est_desktop.demo_data import fill_demo_store
    from est_desktop.store.incident_filters import IncidentFilter
    from est_desktop.store.incidents import IncidentRepository

    if IncidentRepository(store).count(IncidentFilter()) > 0:
        return
    dialog = WorkProgressDialog(
        QCoreApplication.translate("app", "Demodata"),
        QCoreApplication.translate("app", "Skapar demodata… Avbryt behåller det som redan finns."),
    )

    def fill(progress: Progress) -> int:  # on a pool thread; Avbryt stops after a batch
        def written(done: int) -> None:
            progress.advance(done, DEMO_COUNT)
            progress.check()

        return fill_demo_store(store, DEMO_COUNT, end=demo_end(), progress=written)

    try:
        dialog.run(fill)
    except Cancelled:
        log.info("demo data stopped by the user")
    finally:
        dialog.end()


def _setup_logging(data_dir: Path) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                data_dir / "est-desktop.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
            )
        )
    except OSError:
        pass  # the store will say what is wrong with the folder
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
    )


def _show_unexpected_error(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """Log an unexpected error and say so, instead of letting the app die mid-entry."""
    log.error("unexpected error", exc_info=(kind, error, tb))
    if QApplication.instance() is None:
        traceback.print_exception(kind, error, tb)
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("app", "Oväntat fel"),
        QCoreApplication.translate(
            "app",
            "Något gick fel i EST Desktop. Det du redan sparat finns kvar. "
            "Felet är loggat; berätta gärna vad du gjorde för support.",
        ),
    )
    box.setDetailedText("".join(traceback.format_exception(kind, error, tb)))
    box.exec()
