"""Återkoppling till personalen: one page in large type for the staff who report.

What was reported in the period, what is being done about it, and thanks. It leaves out the
comparisons and analysis of the district summary: the staff should see at a glance that their
reports are read and acted on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from est_desktop.analysis.results import DistrictSummary, MeasureLine
from est_desktop.reports import sections, wording
from est_desktop.reports.blocks import Align, Column, Figure, FigureRow, Heading, Paragraph, Table
from est_desktop.reports.document import Block, Document
from est_desktop.reports.report_info import ReportInfo
from est_desktop.reports.typography import ACCENT, LARGE, Role

TOP = 3  # categories and places: what a person takes in at a glance
MEASURES = 4  # beyond this the page would run over


def build(summary: DistrictSummary, info: ReportInfo) -> Document:
    title = QCoreApplication.translate("StaffFeedback", "Återkoppling till personalen")
    frame = info.frame(title, summary.period.label, summary.district_label)
    blocks = [
        Heading(QCoreApplication.translate("StaffFeedback", "Det här rapporterades")),
        *_reported(summary),
        Heading(QCoreApplication.translate("StaffFeedback", "Det här görs")),
        *_measures(summary.measures),
        Paragraph(
            QCoreApplication.translate("StaffFeedback", "Tack för era rapporter!"),
            Role.HEADING,
            ACCENT,
            space_before=9.0,
        ),
        Paragraph(
            QCoreApplication.translate(
                "StaffFeedback",
                "Varje rapport hjälper oss att se var och när det behövs insatser. "
                "Fortsätt att rapportera det ni ser – också det som verkar litet.",
            )
        ),
    ]
    return Document(frame, blocks, LARGE)


def _reported(summary: DistrictSummary) -> list[Block]:
    if summary.total == 0:
        none = QCoreApplication.translate(
            "StaffFeedback", "Inga händelser rapporterades i {district} under {period}."
        )
        return [
            Paragraph(none.format(district=summary.district_label, period=summary.period.label))
        ]
    blocks: list[Block] = [
        FigureRow(
            [
                Figure(
                    QCoreApplication.translate("StaffFeedback", "Händelser i perioden"),
                    wording.whole(summary.total),
                ),
                Figure(
                    QCoreApplication.translate("StaffFeedback", "Varav rapporterade av er"),
                    wording.whole(summary.sources.staff),
                ),
            ]
        ),
        Heading(QCoreApplication.translate("StaffFeedback", "Vanligaste händelserna"), minor=True),
        _counts(
            QCoreApplication.translate("StaffFeedback", "Händelse"),
            [(c.label, c.count) for c, _ in sections.top_categories(summary.groups, TOP)],
        ),
    ]
    if summary.places:
        blocks += [
            Heading(
                QCoreApplication.translate("StaffFeedback", "Platser med flest händelser"),
                minor=True,
            ),
            _counts(
                QCoreApplication.translate("StaffFeedback", "Plats"),
                [(p.name, p.count) for p in summary.places[:TOP]],
            ),
        ]
    return blocks


def _counts(what: str, pairs: list[tuple[str, int]]) -> Table:
    columns = (
        Column(what, 4.0),
        Column(QCoreApplication.translate("StaffFeedback", "Antal"), 1.0, Align.RIGHT),
    )
    return Table(columns, [(label, wording.whole(count)) for label, count in pairs])


def _measures(measures: tuple[MeasureLine, ...]) -> list[Block]:
    if not measures:
        none = QCoreApplication.translate("StaffFeedback", "Inga pågående åtgärder registrerade.")
        return [Paragraph(none)]
    blocks: list[Block] = []
    for measure in measures[:MEASURES]:
        who = ", ".join(
            part
            for part in (measure.responsible, wording.date_span(measure.start, measure.end))
            if part
        )
        text = measure.title + (f" ({who})" if who else "")
        blocks.append(Paragraph(text, space_before=1.5, bullet="•"))
    if len(measures) > MEASURES:
        left = len(measures) - MEASURES
        more = (
            QCoreApplication.translate("StaffFeedback", "… och 1 åtgärd till.")
            if left == 1
            else QCoreApplication.translate("StaffFeedback", "… och {count} åtgärder till.")
        )
        blocks.append(Paragraph(more.format(count=left), space_before=1.5))
    return blocks
