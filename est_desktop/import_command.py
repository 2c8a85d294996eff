"""`est-desktop import`: police data into the local store with no window, printing the preview.

Exit status: 0 all rows accounted for, 1 some rows rejected (the others imported), 2 the input
(or the store) could not be used at all.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from est_desktop.domain.language import translate

if TYPE_CHECKING:
    from est_desktop.domain.categories import Taxonomy
    from est_desktop.geo.district_lookup import DistrictLookup
    from est_desktop.importers.rows import ParsedImport

FORMATS = ("police-csv", "police-events")


def run_import(path: Path, data_dir: Path, fmt: str | None, demo: bool) -> int:
    """Import `path` (format `fmt`, or guessed from the content when None) into the store."""
    from est_desktop.data_files import store_path
    from est_desktop.domain.actor import Actor
    from est_desktop.importers.errors import ImportFormatError
    from est_desktop.importers.police_import import commit, preview, summary_lines
    from est_desktop.store.database import Store
    from est_desktop.store.errors import StoreError

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        text = translate("Commands", "{path} kan inte läsas: {error}.")
        return _fail(text.format(path=path, error=exc.strerror or exc))
    fmt = fmt or _guess_format(data)
    if fmt not in FORMATS:
        text = translate("Commands", "Okänt format {format}: välj {first} eller {second}.")
        return _fail(text.format(format=repr(fmt), first=FORMATS[0], second=FORMATS[1]))
    taxonomy, lookup = _reference_data(data_dir)
    try:
        parsed = _parse(data, fmt)
    except ImportFormatError as exc:
        return _fail(f"{path}: {exc.message}")
    try:
        with Store.open(store_path(data_dir, demo=demo)) as store:
            planned = preview(store, parsed, taxonomy=taxonomy)
            for line in summary_lines(planned):
                print(line)
            result = commit(
                store, planned, Actor(getpass.getuser(), "polisen"), district_of=lookup.district_at
            )
    except StoreError as exc:
        return _fail(exc.message)
    done = translate("Commands", "Importerade: {added}").format(added=result.added)
    if result.updated:
        done += translate("Commands", ", uppdaterade: {updated}").format(updated=result.updated)
    print(done)
    return 1 if planned.rejected else 0


def _parse(data: bytes, fmt: str) -> ParsedImport:
    from est_desktop.importers.police_csv import read_police_csv
    from est_desktop.importers.police_events import read_police_events

    return read_police_csv(data) if fmt == "police-csv" else read_police_events(data)


def _guess_format(data: bytes) -> str:
    """The feed is a JSON list (or object); everything else is taken for a CSV export."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "police-events" if head in (b"[", b"{") else "police-csv"


def _reference_data(data_dir: Path) -> tuple[Taxonomy, DistrictLookup]:
    """The server's cached categories and districts when there are any, else the bundled ones
    (as the app does, without loading Qt)."""
    from est_desktop.domain.categories import Taxonomy
    from est_desktop.geo.district_lookup import DistrictLookup
    from est_desktop.sync.reference_cache import ReferenceCache

    taxonomy = districts = None
    try:
        cache = ReferenceCache(data_dir)
        taxonomy, districts = cache.taxonomy(), cache.districts()
    except Exception:  # a damaged cache must not stop an import: the bundled copy serves
        pass
    return taxonomy or Taxonomy.load(), districts or DistrictLookup.default()


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2
