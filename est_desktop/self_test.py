"""`est-desktop --self-test`: does this installation work, frozen or not?

It goes the way the app goes, on a temporary store and temporary settings (never the user's),
with no window shown: the store opened and migrated, an incident saved and read back, the map
page loaded offline until it reports ready with that incident on it, a one-page PDF summary
written, the translations found for each language, and police coordinates converted with
PROJ's database. One line per check, `OK` or `FAIL` with the reason, printed as each check ends
(a build script times them); the exit status is 0 only when every check passed.

The windowed Windows build has no console: there the lines go to `self-test.txt` in the data
folder instead.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from PySide6.QtCore import QCoreApplication

from est_desktop import __version__

RESULT_FILE = "self-test.txt"
MAP_TIMEOUT_S = 60.0  # a first start of Chromium on a slow PC, from a cold disk
LOCAL_SCHEMES = {"estmap", "qrc", "data", "blob", "about"}  # a page that needs no network

translate = QCoreApplication.translate  # under this name pyside6-lupdate finds the texts


@dataclass(frozen=True)
class CheckResult:
    label: str
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        return f"{'OK' if self.ok else 'FAIL'} {self.label} ({self.seconds:.2f} s): {self.detail}"


class CheckFailed(Exception):
    """A check found something wrong; the message is the reason printed after FAIL."""


def run_self_test(data_dir: Path, language: str | None = None) -> int:
    """Run every check and print its line, in `language` (else the system's: the user's
    settings are not read); 0 when all passed, 1 otherwise. `data_dir` is only where the lines
    go when there is no console."""
    from est_desktop.command_language import speaking_with
    from est_desktop.ui.languages import system_language

    _prepare_environment()
    out, close = _output(data_dir)
    try:
        with speaking_with(_qt_application(), language or system_language()):
            title = translate("SelfTest", "EST Desktop %1 självtest (%2)")
            heading = title.replace("%1", __version__).replace("%2", _build_kind())
            print(heading, file=out, flush=True)
            with tempfile.TemporaryDirectory(prefix="est-self-test-") as work:
                results = SelfTest(Path(work)).run(lambda r: print(r.line(), file=out, flush=True))
            passed = sum(r.ok for r in results)
            total = translate("SelfTest", "%1 av %2 kontroller gick igenom.")
            summary = total.replace("%1", str(passed)).replace("%2", str(len(results)))
            print(summary, file=out, flush=True)
            return exit_status(results)
    finally:
        close()


def exit_status(results: list[CheckResult]) -> int:
    return 0 if results and all(r.ok for r in results) else 1


def _prepare_environment() -> None:
    """Before Qt is loaded: no window on any platform, and a web view that can draw there."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to start its sandbox as root (a build machine, a container); the
        # only page loaded here is our own, from this PC.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


def _output(data_dir: Path) -> tuple[TextIO, Callable[[], None]]:
    if sys.stdout is not None:
        return sys.stdout, lambda: None
    data_dir.mkdir(parents=True, exist_ok=True)
    handle = (data_dir / RESULT_FILE).open("w", encoding="utf-8")
    return handle, handle.close


def _build_kind() -> str:
    if getattr(sys, "frozen", False):
        return translate("SelfTest", "fryst")
    return "Python " + sys.version.split()[0]


def _qt_application() -> Any:
    """The QApplication, made once, with the map's URL scheme declared before it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from est_desktop.maps.scheme import register_scheme

    if QApplication.instance() is None:
        register_scheme()
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    return QApplication.instance() or QApplication(sys.argv[:1])


class SelfTest:
    """The checks in order; a check that needs an earlier one's result fails when that one
    did, saying so, so every line is printed whatever breaks."""

    def __init__(self, work: Path) -> None:
        self._work = work
        self._store: Any = None
        self._service: Any = None
        self._app: Any = None

    def run(self, report: Callable[[CheckResult], None]) -> list[CheckResult]:
        checks = [
            (translate("SelfTest", "datalagret öppnat"), self._open_store),
            (translate("SelfTest", "migreringarna körda"), self._check_migrations),
            (translate("SelfTest", "händelse sparad och läst"), self._save_and_read_incident),
            (translate("SelfTest", "kartsidan redo utan nätverk"), self._load_map_page),
            (translate("SelfTest", "PDF-sammanfattning skriven"), self._write_pdf),
            (translate("SelfTest", "översättningar hittade"), self._load_translations),
            (translate("SelfTest", "koordinater omräknade"), self._convert_coordinates),
        ]
        results = []
        try:
            for label, check in checks:
                start = time.perf_counter()
                try:
                    detail, ok = check(), True
                except Exception as exc:  # every failure becomes a FAIL line, never a crash
                    # One line, whatever the message: numpy's, for one, spans twenty.
                    detail, ok = " ".join(str(exc).split()) or type(exc).__name__, False
                results.append(CheckResult(label, ok, detail, time.perf_counter() - start))
                report(results[-1])
        finally:
            if self._store is not None:
                self._store.close()
        return results

    # -- the checks: each returns what it found, or raises with the reason ------------------

    def _open_store(self) -> str:
        from est_desktop.data_files import store_path
        from est_desktop.store.database import Store

        self._store = Store.open(store_path(self._work, demo=False))
        return str(self._store.path)

    def _check_migrations(self) -> str:
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        from est_desktop.store.database import MIGRATIONS

        store = self._needs(self._store, translate("SelfTest", "datalagret"))
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        with store.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        if current != head:
            raise CheckFailed(
                translate("SelfTest", "datalagret har version %1, programmet %2")
                .replace("%1", str(current))
                .replace("%2", str(head))
            )
        count = sum(1 for _ in script.walk_revisions())
        return (
            translate("SelfTest", "version %1 (%2 migreringar)")
            .replace("%1", head)
            .replace("%2", str(count))
        )

    def _save_and_read_incident(self) -> str:
        from est_desktop.app import build_service
        from est_desktop.domain.incident import LOCAL_TZ, IncidentDraft
        from est_desktop.geo.district_lookup import DistrictLookup

        store = self._needs(self._store, translate("SelfTest", "datalagret"))
        self._service = service = build_service(store, self._preferences())
        districts = DistrictLookup.default()
        district = districts.districts()[0]
        lat, lon = districts.centroid(district.code)
        category = next(c for c in service.taxonomy.categories(active_only=True) if c.entry)
        draft = IncidentDraft(
            occurred_at=datetime.now(LOCAL_TZ) - timedelta(hours=1),
            category=category.code,
            lat=lat,
            lon=lon,
            description=translate("SelfTest", "Självtest: klotter på elskåpet"),
        )
        saved = service.record(draft)
        read = service.get(saved.id)
        if read is None:
            raise CheckFailed(
                translate("SelfTest", "den sparade händelsen finns inte i datalagret")
            )
        if read.as_draft() != saved.as_draft() or read.district != district.code:
            raise CheckFailed(translate("SelfTest", "händelsen lästes tillbaka ändrad"))
        return f"{category.label()}, {district.name}"

    def _load_map_page(self) -> str:
        import shiboken6
        from PySide6.QtCore import QEventLoop, Qt, QTimer
        from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineUrlRequestInterceptor

        from est_desktop.geo.district_lookup import DistrictLookup
        from est_desktop.ui.map_panel import MapPanel

        service = self._needs(self._service, translate("SelfTest", "händelsen"))
        self._application()

        class Recorder(QWebEngineUrlRequestInterceptor):
            def __init__(self) -> None:
                super().__init__()
                self.foreign: list[str] = []

            def interceptRequest(self, info) -> None:
                url = info.requestUrl().toString()
                if url.split(":", 1)[0] not in LOCAL_SCHEMES:
                    self.foreign.append(url)

        recorder = Recorder()
        profile = QWebEngineProfile()
        profile.setUrlRequestInterceptor(recorder)
        panel = MapPanel(service, DistrictLookup.default(), self._preferences(), profile=profile)
        shown: list[int] = []
        failures: list[str] = []
        loop = QEventLoop()

        def on_shown(count: int) -> None:
            shown.append(count)
            loop.quit()

        def on_failure(reason: str) -> None:
            failures.append(reason)
            loop.quit()

        panel.points_shown.connect(on_shown)
        panel.page.loadFinished.connect(
            lambda ok: ok or on_failure(translate("SelfTest", "sidan kunde inte laddas"))
        )
        panel.page.renderProcessTerminated.connect(
            lambda _status, code: on_failure(
                translate("SelfTest", "webbprocessen avslutades (%1)").replace("%1", str(code))
            )
        )
        QTimer.singleShot(int(MAP_TIMEOUT_S * 1000), loop.quit)
        panel.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # also on a real display
        panel.resize(800, 600)
        panel.show()
        try:
            loop.exec()
            ready = panel.ready
        finally:
            panel.shutdown()
            shiboken6.delete(panel)  # the page before its profile
            shiboken6.delete(profile)
        if failures:
            raise CheckFailed(failures[0])
        if not ready or not shown:
            raise CheckFailed(
                translate("SelfTest", "sidan var inte redo efter %1 s").replace(
                    "%1", f"{MAP_TIMEOUT_S:.0f}"
                )
            )
        if shown[0] != 1:
            raise CheckFailed(
                translate("SelfTest", "%1 händelser på kartan, väntade 1").replace(
                    "%1", str(shown[0])
                )
            )
        if recorder.foreign:
            raise CheckFailed(
                translate("SelfTest", "sidan ville hämta %1").replace("%1", recorder.foreign[0])
            )
        return translate("SelfTest", "1 händelse på kartan, inget hämtat utanför datorn")

    def _write_pdf(self) -> str:
        from est_desktop.domain.incident import LOCAL_TZ
        from est_desktop.geo.district_lookup import DistrictLookup
        from est_desktop.geo.places import PlaceIndex, load_places
        from est_desktop.report_builder import ReportBuilder, ReportKind, ReportRequest

        service = self._needs(self._service, translate("SelfTest", "händelsen"))
        self._application()
        today = datetime.now(LOCAL_TZ).date()
        builder = ReportBuilder(
            service.store, service.taxonomy, DistrictLookup.default(), PlaceIndex(load_places())
        )
        # The staff feedback: the one-page summary, with charts and tables but no map picture
        # (the map had its own check).
        request = ReportRequest(ReportKind.FEEDBACK, today - timedelta(days=6), today)
        path = self._work / "sammanfattning.pdf"
        pages = builder.write_pdf(request, path)
        if not path.is_file() or not path.read_bytes().startswith(b"%PDF-"):
            raise CheckFailed(translate("SelfTest", "ingen PDF-fil skrevs"))
        if pages != 1:
            raise CheckFailed(
                translate("SelfTest", "%1 sidor, väntade 1").replace("%1", str(pages))
            )
        kilobytes = max(1, path.stat().st_size // 1024)
        return translate("SelfTest", "1 sida, %1 kB").replace("%1", str(kilobytes))

    def _load_translations(self) -> str:
        """Qt's own and ours, for each language the app speaks: as the app installs them."""
        from est_desktop.ui.languages import (
            available_languages,
            install_translations,
            remove_translations,
        )

        app = self._application()
        found = []
        for language in available_languages():
            installed = install_translations(app, language.code)
            remove_translations(app, installed)
            names = sorted(Path(t.filePath()).stem for t in installed)
            if len(names) != 2:  # qtbase_xx and est_xx
                raise CheckFailed(
                    translate("SelfTest", "%1: bara %2")
                    .replace("%1", language.name)
                    .replace("%2", ", ".join(names) or "-")
                )
            found += names
        return ", ".join(found)

    def _convert_coordinates(self) -> str:
        """PROJ's database found (police exports give SWEREF 99 TM): on the grid's central
        meridian, easting 500 000, the longitude is 15° exactly."""
        from est_desktop.importers.coordinates import classify, to_wgs84

        found = classify(6_400_000.0, 500_000.0)
        if found is None:
            raise CheckFailed(translate("SelfTest", "SWEREF 99 TM känns inte igen"))
        system, north, east = found
        [(lat, lon)] = to_wgs84(system, [(north, east)])
        if abs(lon - 15.0) > 1e-6 or not 57.5 < lat < 58.0:
            raise CheckFailed(
                translate("SelfTest", "fel läge: %1").replace("%1", f"{lat:.6f}, {lon:.6f}")
            )
        return f"SWEREF 99 TM 6400000, 500000 → {lat:.6f}, {lon:.6f}"

    # -- helpers ----------------------------------------------------------------------------

    def _needs(self, value: Any, what: str) -> Any:
        if value is None:
            raise CheckFailed(translate("SelfTest", "kördes inte: %1 saknas").replace("%1", what))
        return value

    def _preferences(self) -> Any:
        """Preferences in a temporary file: the user's settings are neither read nor changed."""
        from PySide6.QtCore import QSettings

        from est_desktop.ui.preferences import Preferences

        return Preferences(QSettings(str(self._work / "settings.ini"), QSettings.Format.IniFormat))

    def _application(self) -> Any:
        if self._app is None:
            self._app = _qt_application()
        return self._app
