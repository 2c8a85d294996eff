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
from typing import Any

from est_desktop.domain.language import translate

DEFAULT_DAYS = 30


def make_report(data_dir: Path, *, language: str | None = None, **options: Any) -> int:
    """Write the report (`options`: the keywords of `_write_report`) in `language`, else the
    user's; the exit status (0 done, 2 bad input or store)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")  # the map picture, off screen
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from est_desktop.command_language import speaking_with
    from est_desktop.maps.scheme import register_scheme

    QCoreApplication.setOrganizationName("EST")
    QCoreApplication.setApplicationName("EST Desktop")
    register_scheme()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with speaking_with(app, language):  # the document and the messages in the user's language
        return _write_report(data_dir, **options)


def _write_report(
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
    from PySide6.QtCore import QSettings

    from est_desktop.data_files import store_path, tile_cache_path
    from est_desktop.domain.incident import LOCAL_TZ
    from est_desktop.geo.places import PlaceIndex, load_places
    from est_desktop.geo.tile_cache import TileCache, TileFetcher, tile_source
    from est_desktop.report_builder import ReportBuilder, ReportKind, ReportRequest
    from est_desktop.report_log import PDF, note_report
    from est_desktop.store.database import Store
    from est_desktop.store.errors import StoreError
    from est_desktop.sync.reference_cache import reference_data
    from est_desktop.ui.preferences import Preferences

    last = last or datetime.now(LOCAL_TZ).date() - timedelta(days=1)
    first = first or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        text = translate("Commands", "--from ({first}) ligger efter --to ({last}).")
        return _fail(text.format(first=first, last=last))
    taxonomy, lookup = reference_data(data_dir)
    known = {d.code for d in lookup.districts()}
    unknown = [code for code in districts if code not in known]
    if unknown:
        text = translate("Commands", "Okänt distrikt: {unknown}. Välj bland: {known}.")
        return _fail(text.format(unknown=", ".join(unknown), known=", ".join(sorted(known))))
    assessment = ""
    if assessment_file is not None:
        try:
            assessment = assessment_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            text = translate("Commands", "Bedömningen i {path} kunde inte läsas: {error}")
            return _fail(text.format(path=assessment_file, error=exc))

    preferences = Preferences(QSettings())
    path = store_path(data_dir, demo=demo)
    if not path.exists():
        return _fail(translate("Commands", "Det finns inget datalager i {path}.").format(path=path))
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
            text = translate("Commands", "{path} kunde inte skrivas: {error}")
            return _fail(text.format(path=out, error=exc))
        note_report(store, built, PDF, police=built.police)
    finally:
        tile_cache.close()
        store.close()
    # Two texts rather than a %n plural, which lupdate does not take from a plain function;
    # Swedish and English both have one singular form.
    if pages == 1:
        written = translate("Commands", "Skrev {path} (1 sida).")
    else:
        written = translate("Commands", "Skrev {path} ({pages} sidor).")
    print(written.format(path=out, pages=pages))
    return 0


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2
