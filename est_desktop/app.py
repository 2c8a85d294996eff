"""Builds the pieces and starts the window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from est_desktop import __version__
from est_desktop.data_files import demo_end, store_path
from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import PlaceIndex, load_places
from est_desktop.resources import resource_path
from est_desktop.store.database import Store
from est_desktop.store.errors import StoreError
from est_desktop.store.incident_service import IncidentService
from est_desktop.ui.main_window import MainWindow
from est_desktop.ui.preferences import Preferences

log = logging.getLogger(__name__)

DEMO_COUNT = 20_000


def build_service(store: Store, preferences: Preferences) -> IncidentService:
    districts = DistrictLookup.default()
    return IncidentService(
        store,
        Taxonomy.load(),
        districts.district_at,
        lambda: Actor(preferences.user_name, preferences.organisation),
    )


def build_window(store: Store, preferences: Preferences, *, demo: bool = False) -> MainWindow:
    districts = DistrictLookup.default()
    return MainWindow(
        build_service(store, preferences),
        PlaceIndex(load_places()),
        districts,
        preferences,
        demo=demo,
    )


def run(data_dir: Path, *, demo: bool, language: str | None, argv: Sequence[str]) -> int:
    """Start the GUI; returns the exit code."""
    QCoreApplication.setOrganizationName("EST")
    QCoreApplication.setApplicationName("EST Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(list(argv))
    _setup_logging(data_dir)
    preferences = Preferences(QSettings())
    _install_translations(app, language or preferences.language)
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
        window = build_window(store, preferences, demo=demo)
        window.show()
        return app.exec()
    finally:
        store.close()


def _fill_demo_if_empty(store: Store) -> None:
    from est_desktop.demo_data import fill_demo_store
    from est_desktop.store.incidents import IncidentFilter, IncidentRepository

    if IncidentRepository(store).count(IncidentFilter()) > 0:
        return
    dialog = QProgressDialog(
        QCoreApplication.translate("app", "Skapar demodata…"), "", 0, DEMO_COUNT
    )
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)

    def progress(done: int) -> None:
        dialog.setValue(done)
        QCoreApplication.processEvents()

    fill_demo_store(store, DEMO_COUNT, end=demo_end(), progress=progress)
    dialog.close()


def _install_translations(app: QApplication, language: str) -> None:
    locale = QLocale(
        QLocale.Language.English if language == "en" else QLocale.Language.Swedish,
        QLocale.Country.Sweden,
    )
    QLocale.setDefault(locale)
    if language == "en":
        translations = resource_path("translations")
        own = QTranslator(app)
        if own.load(locale, "est", "_", str(translations)):
            app.installTranslator(own)
    else:
        qt_own = QTranslator(app)
        qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(locale, "qtbase", "_", qt_path):
            app.installTranslator(qt_own)


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
