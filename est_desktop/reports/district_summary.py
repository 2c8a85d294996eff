"""The district summary: what happened in a district over a period, for the joint meetings.

Key numbers with honest comparisons, staff and police side by side, the trend, the week
matrix, the most common categories and places, the map, the measures under way and the
analyst's assessment: two to four A4 pages.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from est_desktop.analysis.comparison import change_text
from est_desktop.analysis.results import Change, DistrictSummary
from est_desktop.reports import sections, wording
from est_desktop.reports.blocks import Figure, FigureRow, Heading, Picture
from est_desktop.reports.charts import GroupChart, TrendChart, WeekdayHourMatrix
from est_desktop.reports.document import Block, Document
from est_desktop.reports.report_info import ReportInfo

TOP_CATEGORIES = 10


def build(summary: DistrictSummary, info: ReportInfo) -> Document:
    title = QCoreApplication.translate("DistrictSummary", "Distriktssammanfattning")
    frame = info.frame(title, summary.period.label, summary.district_label)
    blocks = [
        *_key_numbers(summary),
        *_over_time(summary),
        *_what(summary),
        *_where(summary, info.map_png),
        Heading(QCoreApplication.translate("DistrictSummary", "Pågående åtgärder")),
        *sections.measures(summary.measures),
        Heading(QCoreApplication.translate("DistrictSummary", "Bedömning")),
        *(
            sections.paragraphs(info.assessment)
            or [
                sections.note(
                    QCoreApplication.translate("DistrictSummary", "Ingen bedömning har skrivits.")
                )
            ]
        ),
    ]
    return Document(frame, blocks)


def _key_numbers(summary: DistrictSummary) -> list[Block]:
    sources = summary.sources
    if sources.police is None:
        police = wording.NO_VALUE
        police_note = QCoreApplication.translate(
            "DistrictSummary", "Ingår inte i denna sammanställning."
        )
    else:
        police = wording.whole(sources.police)
        police_note = QCoreApplication.translate("DistrictSummary", "Anmälda brott, sammanställda.")
    blocks: list[Block] = [
        Heading(QCoreApplication.translate("DistrictSummary", "I korthet")),
        FigureRow(
            [
                Figure(
                    QCoreApplication.translate("DistrictSummary", "Händelser i perioden"),
                    wording.whole(summary.total),
                    summary.period.label,
                ),
                _comparison(
                    QCoreApplication.translate("DistrictSummary", "Perioden före"),
                    summary.previous,
                ),
                _comparison(
                    QCoreApplication.translate("DistrictSummary", "Samma period i fjol"),
                    summary.year_before,
                ),
            ]
        ),
        FigureRow(
            [
                Figure(
                    QCoreApplication.translate("DistrictSummary", "Rapporterat av personalen"),
                    wording.whole(sources.staff),
                    QCoreApplication.translate("DistrictSummary", "Händelser från EST-personalen."),
                ),
                Figure(
                    QCoreApplication.translate("DistrictSummary", "Från polisen"),
                    police,
                    police_note,
                ),
                Figure(
                    QCoreApplication.translate("DistrictSummary", "Polisen underrättad"),
                    wording.whole(summary.police_notified),
                    QCoreApplication.translate(
                        "DistrictSummary", "Händelser som polisen fick veta om."
                    ),
                ),
            ]
        ),
    ]
    if summary.categories:
        blocks.append(
            sections.note(
                QCoreApplication.translate(
                    "DistrictSummary", "Urval: bara vissa kategorier av händelser ingår."
                )
            )
        )
    return blocks


def _comparison(caption: str, change: Change) -> Figure:
    return Figure(caption, wording.whole(change.reference), change_text(change))


def _over_time(summary: DistrictSummary) -> list[Block]:
    blocks: list[Block] = [
        Heading(QCoreApplication.translate("DistrictSummary", "Över tid")),
    ]
    if summary.total == 0:
        blocks.append(_none(summary))
        return blocks
    blocks.append(TrendChart(summary.trend, summary.trend_unit))
    blocks.append(
        Heading(
            QCoreApplication.translate("DistrictSummary", "Veckodag och tid på dygnet"), minor=True
        )
    )
    blocks.append(WeekdayHourMatrix(summary.weekday_hour))
    return blocks


def _what(summary: DistrictSummary) -> list[Block]:
    blocks: list[Block] = [
        Heading(QCoreApplication.translate("DistrictSummary", "Vad som hänt")),
    ]
    if not summary.groups:
        blocks.append(_none(summary))
        return blocks
    blocks.append(GroupChart(summary.groups))
    blocks.append(
        Heading(
            QCoreApplication.translate("DistrictSummary", "De vanligaste kategorierna"),
            minor=True,
        )
    )
    blocks.append(sections.categories(summary.groups, summary.total, TOP_CATEGORIES))
    return blocks


def _where(summary: DistrictSummary, map_png: bytes | None) -> list[Block]:
    blocks: list[Block] = [
        Heading(QCoreApplication.translate("DistrictSummary", "Platser med flest händelser")),
        *sections.places(summary.places, summary.total),
        Heading(QCoreApplication.translate("DistrictSummary", "Karta")),
    ]
    image = QImage.fromData(map_png) if map_png else QImage()
    if image.isNull():
        blocks.append(
            sections.note(QCoreApplication.translate("DistrictSummary", "Kartan kunde inte ritas."))
        )
    else:
        blocks.append(Picture(image))
    return blocks


def _none(summary: DistrictSummary) -> Block:
    text = QCoreApplication.translate(
        "DistrictSummary", "Inga händelser registrerades i {district} under {period}."
    )
    return sections.note(text.format(district=summary.district_label, period=summary.period.label))
