"""What the recipient of an export will see, in plain words for the export dialog's note.

The texts keep the context "ExportDialog", where they were first translated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from est_desktop.domain.language import month_abbreviation
from est_desktop.exports.aggregated import NoWholePeriodError, Span, whole_spans
from est_desktop.exports.export_job import ExportRequest


def aggregated_note(request: ExportRequest) -> str:
    """The counts, their periods and their suppression; or why the period holds none."""
    try:
        spans = whole_spans(request.first, request.last, request.unit)
    except NoWholePeriodError as exc:
        return QCoreApplication.translate(
            "ExportDialog", "Perioden %1: välj en längre period i listans filter."
        ).replace("%1", str(exc))
    if request.by == "district":
        where = QCoreApplication.translate("ExportDialog", "distrikt")
    else:
        where = QCoreApplication.translate("ExportDialog", "ruta på %1 m").replace(
            "%1", f"{request.cell_m:g}"
        )
    if request.unit == "month":
        when = QCoreApplication.translate("ExportDialog", "månad")
    else:
        when = QCoreApplication.translate("ExportDialog", "vecka")
    groups = ""
    if request.by_group:
        groups = QCoreApplication.translate("ExportDialog", " och kategorigrupp")
    return (
        QCoreApplication.translate(
            "ExportDialog",
            "Mottagaren ser antal händelser per %1 och %2%3, %4 – %5. Antal under %6 visas "
            "som ”<%6”. Mottagaren ser inga enskilda händelser: inga exakta platser eller "
            "tider, ingen fritext och inga polisens händelser.",
        )
        .replace("%1", where)
        .replace("%2", when)
        .replace("%3", groups)
        .replace("%4", _span_text(spans[0], request.unit))
        .replace("%5", _span_text(spans[-1], request.unit))
        .replace("%6", str(request.threshold))
    )


def _span_text(span: Span, unit: str) -> str:
    """A month or week as the user's language names it (the files keep Swedish labels)."""
    if unit == "month":
        return f"{month_abbreviation(span.first.month)} {span.first.year}"
    year, week, _ = span.first.isocalendar()
    return (
        QCoreApplication.translate("ExportDialog", "v. %1 %2")
        .replace("%1", str(week))
        .replace("%2", str(year))
    )


def incidents_note(request: ExportRequest) -> str:
    """Every incident with its exact place, and which sensitive parts go along."""
    note = QCoreApplication.translate(
        "ExportDialog",
        "Mottagaren ser varje händelse i listans urval med tid, kategori, distrikt och "
        "exakt läge. Bara för parternas egna analytiker.",
    )
    if request.include_free_text:
        note += " " + QCoreApplication.translate(
            "ExportDialog",
            "Platsnamn och beskrivning följer med: de kan innehålla namn på personer.",
        )
    else:
        note += " " + QCoreApplication.translate(
            "ExportDialog", "Platsnamn och beskrivning följer inte med."
        )
    if request.include_police:
        note += " " + QCoreApplication.translate("ExportDialog", "Polisens händelser följer med.")
    else:
        note += " " + QCoreApplication.translate(
            "ExportDialog", "Polisens händelser följer inte med."
        )
    return note
