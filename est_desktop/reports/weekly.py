"""Veckans lägesbild: the last seven days, district by district, against the four weeks before.

One or two A4 pages for the Monday meeting: the week in each district with the honest change
against the mean of the four weeks before, new hotspots, incidents the police were told of,
and the measures under way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from est_desktop.analysis.comparison import change_text
from est_desktop.analysis.results import DistrictWeek, WeeklyPicture
from est_desktop.reports import sections, wording
from est_desktop.reports.blocks import Align, Column, Figure, FigureRow, Heading, Table
from est_desktop.reports.document import Block, Document
from est_desktop.reports.report_info import ReportInfo


def build(picture: WeeklyPicture, info: ReportInfo) -> Document:
    title = QCoreApplication.translate("WeeklyPicture", "Veckans lägesbild")
    districts = ", ".join(d.name for d in picture.districts) or QCoreApplication.translate(
        "WeeklyPicture", "Alla distrikt"
    )
    frame = info.frame(title, picture.period.label, districts)
    blocks = [
        *_the_week(picture),
        Heading(QCoreApplication.translate("WeeklyPicture", "Distrikt för distrikt")),
        _districts(picture.districts),
        Heading(QCoreApplication.translate("WeeklyPicture", "Nya platser med många händelser")),
        *_new_hotspots(picture),
        Heading(QCoreApplication.translate("WeeklyPicture", "Polisen underrättad")),
        *_notified(picture),
        Heading(QCoreApplication.translate("WeeklyPicture", "Pågående åtgärder")),
        *sections.measures(picture.measures),
    ]
    return Document(frame, blocks)


def _the_week(picture: WeeklyPicture) -> list[Block]:
    total = picture.total
    reference_note = QCoreApplication.translate(
        "WeeklyPicture", "Jämförelsen görs med snittet för de fyra veckorna {period}."
    ).format(period=picture.reference.label)
    return [
        Heading(QCoreApplication.translate("WeeklyPicture", "Veckan i korthet")),
        FigureRow(
            [
                Figure(
                    QCoreApplication.translate("WeeklyPicture", "Händelser senaste 7 dagarna"),
                    wording.whole(total.current),
                    picture.period.label,
                ),
                Figure(
                    QCoreApplication.translate("WeeklyPicture", "Snitt per vecka, 4 veckor före"),
                    wording.decimal(total.reference),
                    change_text(total),
                ),
                Figure(
                    QCoreApplication.translate("WeeklyPicture", "Polisen underrättad"),
                    wording.whole(len(picture.notified)),
                    QCoreApplication.translate("WeeklyPicture", "Händelser under veckan."),
                ),
            ]
        ),
        sections.note(reference_note),
    ]


def _districts(districts: tuple[DistrictWeek, ...]) -> Table:
    columns = (
        Column(QCoreApplication.translate("WeeklyPicture", "Distrikt"), 1.6),
        Column(QCoreApplication.translate("WeeklyPicture", "Händelser"), 1.2, Align.RIGHT),
        Column(QCoreApplication.translate("WeeklyPicture", "Mot snittet för 4 veckor"), 3.6),
        Column(QCoreApplication.translate("WeeklyPicture", "Vanligast i veckan"), 3.4),
    )
    rows = [
        (
            d.name,
            wording.whole(d.change.current),
            change_text(d.change),
            ", ".join(f"{c.label} ({wording.whole(c.count)})" for c in d.top_categories)
            or wording.NO_VALUE,
        )
        for d in districts
    ]
    return Table(columns, rows)


def _new_hotspots(picture: WeeklyPicture) -> list[Block]:
    if not picture.new_hotspots:
        none = QCoreApplication.translate(
            "WeeklyPicture", "Inga nya platser med många händelser den här veckan."
        )
        return [sections.note(none)]
    return [
        sections.note(
            QCoreApplication.translate(
                "WeeklyPicture",
                "Platser med många händelser i veckan som inte hade det de fyra veckorna före.",
            )
        ),
        *sections.places(picture.new_hotspots, picture.total.current),
    ]


def _notified(picture: WeeklyPicture) -> list[Block]:
    if not picture.notified:
        none = QCoreApplication.translate(
            "WeeklyPicture", "Polisen underrättades inte om någon händelse den här veckan."
        )
        return [sections.note(none)]
    columns = (
        Column(QCoreApplication.translate("WeeklyPicture", "När"), 1.7),
        Column(QCoreApplication.translate("WeeklyPicture", "Händelse"), 2.4),
        Column(QCoreApplication.translate("WeeklyPicture", "Distrikt"), 1.5),
        Column(QCoreApplication.translate("WeeklyPicture", "Plats"), 2.8),
    )
    rows = [
        (wording.day_and_time(n.occurred_at), n.category, n.district, n.place or wording.NO_VALUE)
        for n in sorted(picture.notified, key=lambda n: n.occurred_at)
    ]
    return [Table(columns, rows)]
