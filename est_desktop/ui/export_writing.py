"""One export as values and its writing: `ExportRequest` (what the dialog gathered),
`write_export` (makes the file with `est_desktop.exports`, on any thread), and the defaults the
dialog offers: the aggregated export's days and a file name.

No widgets here: everything runs on a pool thread from values alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ, Source
from est_desktop.domain.periods import day_bounds
from est_desktop.exports.aggregated import DEFAULT_CELL_M, aggregate
from est_desktop.exports.aggregated_files import write_aggregated_csv, write_aggregated_geojson
from est_desktop.exports.collect import export_incidents
from est_desktop.exports.incidents import write_incidents_csv, write_incidents_geojson
from est_desktop.exports.suppression import MIN_THRESHOLD
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.database import Store
from est_desktop.store.export_log import ExportMade, record_export
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.store.incident_samples import incident_sample
from est_desktop.store.incidents import IncidentRepository
from est_desktop.ui.tasks import Cancelled, Progress

AGGREGATED = "aggregated"
INCIDENTS = "incidents"
PROGRESS_EVERY = 1_000  # rows between progress reports and checks for Avbryt


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """Everything one export needs, as values: safe to hand to a pool thread."""

    kind: str  # AGGREGATED or INCIDENTS
    fmt: str  # "csv" or "geojson"
    where: IncidentFilter  # the dialog's filter (for the aggregated export, only its districts)
    first: date  # the aggregated export's days; whole months or weeks inside them count
    last: date
    by: str = "district"
    cell_m: float = DEFAULT_CELL_M
    unit: str = "month"
    threshold: int = MIN_THRESHOLD
    by_group: bool = False
    include_free_text: bool = False
    include_police: bool = False


def write_export(
    store: Store,
    taxonomy: Taxonomy,
    districts: DistrictLookup,
    request: ExportRequest,
    path: Path,
    progress: Progress | None = None,
) -> int:
    """Write `request` to `path`; the number of rows (features) written.

    Runs on any thread that may read the store. NoWholePeriodError, OSError on failure;
    `Cancelled` when `progress` was cancelled, and then no file is left behind.
    """
    try:
        return _write_export(store, taxonomy, districts, request, path, progress)
    except Cancelled:
        path.unlink(missing_ok=True)  # half a file would pass for the whole export
        raise


def _write_export(
    store: Store,
    taxonomy: Taxonomy,
    districts: DistrictLookup,
    request: ExportRequest,
    path: Path,
    progress: Progress | None,
) -> int:
    if request.kind == AGGREGATED:
        start, end = day_bounds(request.first, request.last)
        chosen = request.where.districts
        # Staff reports only, and no text search or narrowing: counts for sharing never rest
        # on free text or police records. Cells are chosen by their centre's district, whole.
        where = IncidentFilter(
            start=start,
            end=end,
            districts=chosen if request.by == "district" else frozenset(),
            sources=frozenset({Source.STAFF.value}),
        )
        sample = incident_sample(store, where)
        if progress is not None:
            progress.check()
        table = aggregate(
            sample,
            taxonomy,
            districts,
            first=request.first,
            last=request.last,
            by=request.by,
            unit=request.unit,
            cell_m=request.cell_m,
            threshold=request.threshold,
            by_group=request.by_group,
            district_codes=tuple(sorted(chosen)),
        )
        write = write_aggregated_csv if request.fmt == "csv" else write_aggregated_geojson
        rows = write(path, table)
        record_export(store, ExportMade(AGGREGATED, request.fmt, rows))  # for the audit log
        return rows
    write_incidents = write_incidents_csv if request.fmt == "csv" else write_incidents_geojson
    records: Iterable = export_incidents(store, request.where)
    if progress is not None:
        total = IncidentRepository(store).count(request.where)
        records = _counted(records, progress, total)
    rows = write_incidents(
        path,
        records,
        taxonomy,
        districts,
        include_free_text=request.include_free_text,
        include_police=request.include_police,
    )
    free_text, police = request.include_free_text, request.include_police
    record_export(store, ExportMade(INCIDENTS, request.fmt, rows, free_text, police))
    return rows


def _counted(records: Iterable, progress: Progress, total: int) -> Iterator:
    """The records, reporting how many have gone by and stopping when cancelled."""
    for done, record in enumerate(records, 1):
        if done % PROGRESS_EVERY == 0:
            progress.check()
            progress.advance(done, max(total, done))
        yield record


def aggregated_days(where: IncidentFilter, today: date) -> tuple[date, date]:
    """The filter's days up to yesterday; with no period, the last twelve whole months."""
    yesterday = today - timedelta(days=1)
    if where.start is None and where.end is None:
        last = today.replace(day=1) - timedelta(days=1)
        first = date(last.year - 1, last.month, 1) + timedelta(days=32)
        return first.replace(day=1), last
    last = yesterday
    if where.end is not None:
        last = min(last, (where.end - timedelta(microseconds=1)).astimezone(LOCAL_TZ).date())
    if where.start is not None:
        first = where.start.astimezone(LOCAL_TZ).date()
    else:
        first = last - timedelta(days=364)
    return first, last


def suggested_file_name(request: ExportRequest) -> str:
    """The name the save box offers: the aggregated export's days, or plain "handelser"."""
    suffix = "csv" if request.fmt == "csv" else "geojson"
    if request.kind == AGGREGATED:
        return f"antal-{request.first}-{request.last}.{suffix}"
    return f"handelser.{suffix}"
