"""What the export dialog offers before the user changes anything: the aggregated export's days
(from the list's filter) and a file name."""

from __future__ import annotations

from datetime import date, timedelta

from est_desktop.domain.incident import LOCAL_TZ
from est_desktop.exports.export_job import AGGREGATED, ExportRequest
from est_desktop.store.incident_filters import IncidentFilter


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
