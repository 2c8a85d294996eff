"""Pieces more than one document prints: notes, the measures, the places, the categories."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from est_desktop.analysis.results import CategoryCount, GroupCount, MeasureLine, PlaceCount
from est_desktop.reports import wording
from est_desktop.reports.blocks import Align, Column, Paragraph, Table
from est_desktop.reports.document import Block
from est_desktop.reports.typography import MUTED, Role


def note(text: str) -> Paragraph:
    """A quiet line where a section has nothing to show, or a remark under a table."""
    return Paragraph(text, Role.NOTE, MUTED, space_before=1.5)


def paragraphs(text: str) -> list[Block]:
    """Free text as paragraphs: a blank line starts a new one, a single newline stays."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return [Paragraph(part, space_before=2.5 if i else 1.0) for i, part in enumerate(parts)]


def measures(lines: Sequence[MeasureLine], limit: int | None = None) -> list[Block]:
    """The measures under way as a table, or a note that none are registered."""
    if not lines:
        return [
            note(
                QCoreApplication.translate("ReportSections", "Inga pågående åtgärder registrerade.")
            )
        ]
    shown = lines[:limit] if limit else lines
    columns = (
        Column(QCoreApplication.translate("ReportSections", "Åtgärd"), 3.0),
        Column(QCoreApplication.translate("ReportSections", "Distrikt"), 1.2),
        Column(QCoreApplication.translate("ReportSections", "Ansvarig"), 1.7),
        Column(QCoreApplication.translate("ReportSections", "Status"), 1.0),
        Column(QCoreApplication.translate("ReportSections", "Tid"), 2.4),
    )
    rows = [
        (
            m.title,
            m.district,
            m.responsible,
            wording.measure_status(m.status),
            wording.date_span(m.start, m.end),
        )
        for m in shown
    ]
    blocks: list[Block] = [Table(columns, rows)]
    if len(shown) < len(lines):
        more = QCoreApplication.translate("ReportSections", "… och {count} till.")
        blocks.append(note(more.format(count=len(lines) - len(shown))))
    followed = [m for m in shown if m.follow_up]
    if followed:
        title = QCoreApplication.translate("ReportSections", "Uppföljning hittills")
        blocks.append(Paragraph(title, Role.SUBHEADING, space_before=3.0))
        blocks += [Paragraph(f"{m.title}: {m.follow_up}", bullet="•") for m in followed]
    return blocks


def places(found: Sequence[PlaceCount], total: int, limit: int | None = None) -> list[Block]:
    """The places with the most incidents, ranked, with their share of all incidents."""
    if not found:
        return [
            note(
                QCoreApplication.translate(
                    "ReportSections", "Inga platser med händelser i perioden."
                )
            )
        ]
    shown = found[:limit] if limit else found
    columns = (
        Column("", 0.45, Align.RIGHT),
        Column(QCoreApplication.translate("ReportSections", "Plats"), 5.0),
        Column(QCoreApplication.translate("ReportSections", "Händelser"), 1.3, Align.RIGHT),
        Column(QCoreApplication.translate("ReportSections", "Andel"), 1.0, Align.RIGHT),
    )
    rows = [
        (f"{rank}.", p.name, wording.whole(p.count), wording.share(p.count, total))
        for rank, p in enumerate(shown, start=1)
    ]
    blocks: list[Block] = [Table(columns, rows)]
    if not all(p.named for p in shown):
        cells = QCoreApplication.translate(
            "ReportSections",
            "Händelser utan namngiven plats räknas i rutor om 100 × 100 meter.",
        )
        blocks.append(note(cells))
    return blocks


def top_categories(
    groups: Sequence[GroupCount], limit: int
) -> list[tuple[CategoryCount, GroupCount]]:
    """The categories with the most incidents across all groups, largest first."""
    pairs = [(category, group) for group in groups for category in group.categories]
    pairs.sort(key=lambda pair: -pair[0].count)  # stable: the analysis order breaks ties
    return pairs[:limit]


def categories(groups: Sequence[GroupCount], total: int, limit: int) -> Table:
    columns = (
        Column(QCoreApplication.translate("ReportSections", "Kategori"), 3.0),
        Column(QCoreApplication.translate("ReportSections", "Grupp"), 2.2),
        Column(QCoreApplication.translate("ReportSections", "Händelser"), 1.3, Align.RIGHT),
        Column(QCoreApplication.translate("ReportSections", "Andel"), 1.0, Align.RIGHT),
    )
    rows = [
        (c.label, g.label, wording.whole(c.count), wording.share(c.count, total))
        for c, g in top_categories(groups, limit)
    ]
    return Table(columns, rows)
