"""Printed and saved reports that show police records, noted for the server's audit log.

A report shows counts, trends and places rather than records one by one, but one made from
police records takes police information out of the system on paper or as a PDF, so it is noted
like an export (`store/export_log.py`) and reported at the next sync. A preview is not noted,
nor a report from staff reports alone (they are no more than any user of the PC may see).
"""

from __future__ import annotations

from est_desktop.analysis.results import DistrictSummary
from est_desktop.report_builder import BuiltReport
from est_desktop.store.database import Store
from est_desktop.store.export_log import ExportMade, record_export

PRINTED = "print"
PDF = "pdf"


def incidents_in(built: BuiltReport) -> int:
    """How many incidents the report counts (its period only, not the comparisons)."""
    content = built.content
    return content.total if isinstance(content, DistrictSummary) else content.total.current


def note_report(store: Store, built: BuiltReport, fmt: str, *, police: bool) -> str | None:
    """Note that `built` was printed (`fmt` PRINTED) or saved (PDF) when it shows police
    records; the report id, or None when nothing needed noting. Any thread."""
    if not police:
        return None
    return record_export(store, ExportMade("report", fmt, incidents_in(built), police=True))
