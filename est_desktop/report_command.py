"""`est-desktop report`: a printed summary written as PDF with no window shown.

Qt draws the document, the charts and the map picture off screen (the "offscreen" platform
unless another is set), so it runs on a server without a display, from a scheduled task on
Monday morning, or over SSH.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

DEFAULT_DAYS = 30


def make_report(
    data_dir: Path,
    *,
    demo: bool,
    kind: str,
    districts: tuple[str, ...],
    first: date | None,
    last: date | None,
    out: Path,
    assessment_file: Path | None,
    made_by: str,
) -> int:
    """Write the report; the exit status (0 done, 2 bad input or store)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")  # the map picture, off screen
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from est_desktop.data_files import store_path, tile_cache_path
    from est_desktop.domain.incident import LOCAL_TZ
    from est_desktop.geo.places import PlaceIndex, load_places
    from est_desktop.geo.tile_cache import TileCache, TileFetcher, tile_source
    from est_desktop.maps.scheme import register_scheme
    from est_desktop.report_builder import ReportBuilder, ReportKind, ReportRequest
    from est_desktop.report_log import PDF, note_report
    from est_desktop.store.database import Store
    from est_desktop.store.errors import StoreError
    from est_desktop.sync.reference_cache import reference_data
    from est_desktop.ui.languages import install_translations
    from est_desktop.ui.preferences import Preferences

    last = last or datetime.now(LOCAL_TZ).date() - timedelta(days=1)
    first = first or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        return _fail(f"--from ({first}) ligger efter --to ({last}).")
    taxonomy, lookup = reference_data(data_dir)
    known = {d.code for d in lookup.districts()}
    unknown = [code for code in districts if code not in known]
    if unknown:
        return _fail(
            f"Okänt distrikt: {', '.join(unknown)}. Välj bland: {', '.join(sorted(known))}."
        )
    assessment = ""
    if assessment_file is not None:
        try:
            assessment = assessment_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(f"Bedömningen i {assessment_file} kunde inte läsas: {exc}")

    QCoreApplication.setOrganizationName("EST")
    QCoreApplication.setApplicationName("EST Desktop")
    register_scheme()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    preferences = Preferences(QSettings())
    install_translations(app, preferences.language)  # the document in the user's language
    path = store_path(data_dir, demo=demo)
    if not path.exists():
        return _fail(f"Det finns inget datalager i {path}.")
    try:
        store = Store.open(path)
    except StoreError as exc:
        return _fail(exc.message)
    tile_cache = TileCache(tile_cache_path(data_dir))
    try:
        source = tile_source(preferences.map_tile_url, preferences.map_tile_attribution)
        builder = ReportBuilder(
            store,
            taxonomy,
            lookup,
            PlaceIndex(load_places()),
            tiles=TileFetcher(tile_cache, source).tile,
        )
        request = ReportRequest(
            kind=ReportKind(kind),
            first=first,
            last=last,
            districts=districts,
            assessment=assessment,
            made_by=made_by or preferences.user_name,
        )
        built = builder.build(request)
        try:
            pages = builder.write_built(built, out)
        except OSError as exc:
            return _fail(f"{out} kunde inte skrivas: {exc}")
        note_report(store, built, PDF, police=built.police)
    finally:
        tile_cache.close()
        store.close()
    print(f"Skrev {out} ({pages} {'sida' if pages == 1 else 'sidor'}).")
    return 0


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2
