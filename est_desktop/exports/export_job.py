"""One export, as the dialog and `est-desktop export` both make it: `ExportRequest` says what,
`write_export` writes the file and notes it for the audit log.

No Qt: it runs on the dialog's pool thread or in the command, from values alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import Source
from est_desktop.domain.periods import day_bounds
from est_desktop.exports.aggregated import DEFAULT_CELL_M, AggregateTable, aggregate
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

AGGREGATED = "aggregated"
INCIDENTS = "incidents"
STEP_ROWS = 1_000  # incidents written between two calls of a `Step`

# Called between steps with (done, total; None: not known): reports progress, and may raise
# to stop the export (the dialog's Avbryt).
Step = Callable[[int, int | None], None]


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """Everything one export needs, as values: safe to hand to another thread."""

    kind: str  # AGGREGATED or INCIDENTS
    fmt: str  # "csv" or "geojson"
    where: IncidentFilter  # the incidents export's filter; the aggregated one takes its districts
    # The aggregated export's days (whole months or weeks inside them count); not the
    # incidents export's, whose period is in `where`.
    first: date | None = None
    last: date | None = None
    by: str = "district"
    cell_m: float = DEFAULT_CELL_M
    unit: str = "month"
    threshold: int = MIN_THRESHOLD
    by_group: bool = False
    include_free_text: bool = False
    include_police: bool = False


@dataclass(frozen=True, slots=True)
class ExportWritten:
    rows: int  # rows (CSV) or features (GeoJSON) written
    table: AggregateTable | None = None  # the aggregated export's counts, for its summary


def write_export(
    store: Store,
    taxonomy: Taxonomy,
    districts: DistrictLookup,
    request: ExportRequest,
    path: Path,
    step: Step | None = None,
) -> ExportWritten:
    """Write `request` to `path` and note it for the audit log (reported at the next sync).

    NoWholePeriodError, OSError on failure; whatever `step` raises stops it, and then no file
    is left behind (half a file would pass for the whole export).
    """
    stopped = False

    def guarded(done: int, total: int | None) -> None:
        nonlocal stopped
        try:
            step(done, total)  # type: ignore[misc]  (only made when there is a step)
        except BaseException:
            stopped = True
            raise

    writer = _write_aggregated if request.kind == AGGREGATED else _write_incidents
    try:
        return writer(store, taxonomy, districts, request, path, guarded if step else None)
    except BaseException:
        if stopped:
            path.unlink(missing_ok=True)
        raise


def _write_aggregated(
    store: Store,
    taxonomy: Taxonomy,
    districts: DistrictLookup,
    request: ExportRequest,
    path: Path,
    step: Step | None,
) -> ExportWritten:
    if request.first is None or request.last is None:
        raise ValueError("an aggregated export needs its first and last day")
    start, end = day_bounds(request.first, request.last)
    chosen = request.where.districts
    sources = {Source.STAFF.value} | ({Source.POLICE.value} if request.include_police else set())
    # No text search or other narrowing: counts for sharing never rest on free text. Cells are
    # chosen by their centre's district, whole: a cell's count is then the same in every
    # export, and two exports cannot be subtracted to single out a border's edge.
    where = IncidentFilter(
        start=start,
        end=end,
        districts=chosen if request.by == "district" else frozenset(),
        sources=frozenset(sources),
    )
    sample = incident_sample(store, where)
    if step is not None:
        step(0, None)
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
        include_police=request.include_police,
        district_codes=tuple(sorted(chosen)),
    )
    write = write_aggregated_csv if request.fmt == "csv" else write_aggregated_geojson
    rows = write(path, table)
    record_export(store, ExportMade(AGGREGATED, request.fmt, rows))
    return ExportWritten(rows, table)


def _write_incidents(
    store: Store,
    taxonomy: Taxonomy,
    districts: DistrictLookup,
    request: ExportRequest,
    path: Path,
    step: Step | None,
) -> ExportWritten:
    write = write_incidents_csv if request.fmt == "csv" else write_incidents_geojson
    records: Iterable = export_incidents(store, request.where)
    if step is not None:
        records = _stepped(records, step, IncidentRepository(store).count(request.where))
    rows = write(
        path,
        records,
        taxonomy,
        districts,
        include_free_text=request.include_free_text,
        include_police=request.include_police,
    )
    free_text, police = request.include_free_text, request.include_police
    record_export(store, ExportMade(INCIDENTS, request.fmt, rows, free_text, police))
    return ExportWritten(rows)


def _stepped(records: Iterable, step: Step, total: int) -> Iterator:
    for done, record in enumerate(records, 1):
        if done % STEP_ROWS == 0:
            step(done, max(total, done))
        yield record
