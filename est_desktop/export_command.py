"""`est-desktop export`: the aggregated or the detailed export written with no window shown.

No Qt is needed: categories and districts come from `sync.reference_cache.reference_data`
(the server's cached copy when there is one, else the bundled files).
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from est_desktop.domain.language import translate

if TYPE_CHECKING:
    from est_desktop.exports.export_job import ExportRequest, ExportWritten

KINDS = ("aggregated", "incidents")
FORMATS = ("csv", "geojson")
DEFAULT_DAYS = 365  # the aggregated export's default: the whole units of the last year


def run_export(
    data_dir: Path,
    demo: bool,
    kind: str,
    fmt: str,
    out: Path,
    first: date | None = None,
    last: date | None = None,
    districts: tuple[str, ...] = (),
    by: str = "district",
    unit: str = "month",
    threshold: int = 3,
    include_free_text: bool = False,
    include_police: bool = False,
    *,
    cell_m: float = 250.0,
    by_group: bool = False,
) -> int:
    """Write the export; the exit status (0 written, 2 bad input, store or file).

    Aggregated: counts of staff reports (and police records with `include_police`) per
    district or `cell_m` cell and whole month or week within `first`..`last` (default: the last
    365 days up to yesterday), suppressed below `threshold`. Incidents: every incident of the
    period (no bound where `first`/`last` is None) and districts.
    """
    from est_desktop.data_files import store_path
    from est_desktop.domain.incident import LOCAL_TZ, Source
    from est_desktop.domain.periods import start_of_day
    from est_desktop.exports.aggregated import (
        BY_CHOICES,
        MIN_CELL_M,
        UNIT_CHOICES,
        NoWholePeriodError,
    )
    from est_desktop.exports.export_job import ExportRequest, write_export
    from est_desktop.exports.suppression import MIN_THRESHOLD
    from est_desktop.store.database import Store
    from est_desktop.store.errors import StoreError
    from est_desktop.store.incident_filters import IncidentFilter
    from est_desktop.sync.reference_cache import reference_data

    if kind not in KINDS:
        return _fail(_unknown_choice(kind, KINDS))
    if fmt not in FORMATS:
        return _fail(_unknown_choice(fmt, FORMATS))
    if kind == "aggregated":
        if by not in BY_CHOICES:
            return _fail(_unknown_choice(by, BY_CHOICES))
        if unit not in UNIT_CHOICES:
            return _fail(_unknown_choice(unit, UNIT_CHOICES))
        if threshold < MIN_THRESHOLD:
            text = translate(
                "Commands",
                "Tröskeln måste vara minst {least} (angiven: {given}): med lägre tröskel "
                "avslöjar ”<2” att det är exakt en händelse.",
            )
            return _fail(text.format(least=MIN_THRESHOLD, given=threshold))
        if cell_m < MIN_CELL_M:
            text = translate(
                "Commands",
                "Rutorna måste vara minst {least} m (angivet: {given} m) så att platserna "
                "blir grövre än analysens 100-metersrutor.",
            )
            return _fail(text.format(least=f"{MIN_CELL_M:g}", given=f"{cell_m:g}"))
        if include_free_text:
            text = translate(
                "Commands",
                "Den aggregerade exporten innehåller aldrig fritext; ta bort "
                "--include-free-text eller välj --kind incidents.",
            )
            return _fail(text)
        if last is None:
            last = datetime.now(LOCAL_TZ).date() - timedelta(days=1)
        if first is None:
            first = last - timedelta(days=DEFAULT_DAYS - 1)
    if first is not None and last is not None and first > last:
        text = translate("Commands", "Startdagen ({first}) ligger efter slutdagen ({last}).")
        return _fail(text.format(first=first, last=last))
    if not out.parent.is_dir():
        text = translate(
            "Commands", "Mappen {folder} finns inte; skapa den eller välj en annan fil."
        )
        return _fail(text.format(folder=out.parent))

    taxonomy, lookup = reference_data(data_dir)
    known = {d.code for d in lookup.districts()}
    if unknown := [code for code in districts if code not in known]:
        text = translate("Commands", "Okänt distrikt: {unknown}. Välj bland: {known}.")
        return _fail(text.format(unknown=", ".join(unknown), known=", ".join(sorted(known))))
    path = store_path(data_dir, demo=demo)
    if not path.exists():
        return _fail(translate("Commands", "Det finns inget datalager i {path}.").format(path=path))
    # The aggregated export makes its own filter of the days and districts (exports.export_job).
    sources = {Source.STAFF.value} | ({Source.POLICE.value} if include_police else set())
    where = IncidentFilter(
        start=start_of_day(first) if first else None,
        end=start_of_day(last + timedelta(days=1)) if last else None,
        districts=frozenset(districts),
        sources=frozenset(sources),
    )
    request = ExportRequest(
        kind=kind,
        fmt=fmt,
        where=where,
        first=first,
        last=last,
        by=by,
        cell_m=cell_m,
        unit=unit,
        threshold=threshold,
        by_group=by_group,
        include_free_text=include_free_text,
        include_police=include_police,
    )
    try:
        store = Store.open(path)
    except StoreError as exc:
        return _fail(exc.message)
    try:
        written = write_export(store, taxonomy, lookup, request, out)
    except NoWholePeriodError as exc:
        text = translate(
            "Commands", "Perioden {problem}; den aggregerade exporten räknar bara hela perioder."
        )
        return _fail(text.format(problem=exc))
    except OSError as exc:
        text = translate("Commands", "{path} kunde inte skrivas: {error}")
        return _fail(text.format(path=out, error=exc))
    except StoreError as exc:  # the file is written, but the note for the audit log is not
        text = translate(
            "Commands", "{path} skrevs, men exporten kunde inte noteras för loggen: {error}"
        )
        return _fail(text.format(path=out, error=exc.message))
    finally:
        store.close()
    print(_summary(request, written, out))
    return 0


def _summary(request: ExportRequest, written: ExportWritten, out: Path) -> str:
    """What was written, and what the recipient will not find in it."""
    table = written.table
    if table is not None:
        text = translate(
            "Commands",
            "Skrev {path}: {rows} rader, {first}–{last}, antal under {threshold} visas som "
            "”<{threshold}”.",
        )
        text = text.format(
            path=out,
            rows=written.rows,
            first=table.first,
            last=table.last,
            threshold=table.threshold,
        )
        if table.unplaced:
            unplaced = translate(
                "Commands", "{count} händelser med bara kommunen som plats räknas inte."
            )
            text += "\n" + unplaced.format(count=table.unplaced)
        return text
    free_text, police = request.include_free_text, request.include_police
    text = translate("Commands", "Skrev {path}: {rows} händelser.").format(
        path=out, rows=written.rows
    )
    if not free_text and not police:
        text += " " + translate(
            "Commands", "Utan fritext (platsnamn, beskrivning) och polisens händelser."
        )
    elif not free_text:
        text += " " + translate("Commands", "Utan fritext (platsnamn, beskrivning).")
    elif not police:
        text += " " + translate("Commands", "Utan polisens händelser.")
    return text


def _unknown_choice(given: str, choices: tuple[str, ...]) -> str:
    text = translate("Commands", "Okänt val {given}: välj bland {choices}.")
    return text.format(given=repr(given), choices=", ".join(choices))


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2
