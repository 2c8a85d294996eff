"""A small page engine on QPainter: A4 pages with a header, a footer and blocks that flow.

Blocks are laid out first, page by page, and painted after, so every footer can say
"Sida 1 av 3". A block that does not fit moves to the next page; a block that can split
(a table between rows, a paragraph between lines) fills the page and goes on on the next;
a heading keeps with the start of what follows it.

Lengths are device dots (a QPdfWriter's or QPrinter's resolution) and text sizes points, so
what is measured is what is drawn on any QPagedPaintDevice.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from est_desktop.reports import wording
from est_desktop.reports.typography import ACCENT, INK, MUTED, NORMAL, RULE, Role, TypeScale

MM_PER_INCH = 25.4
MARGIN_MM = 18.0
PDF_DPI = 600  # fine enough for vector output; keeps coordinates small
WRAP = int(Qt.TextFlag.TextWordWrap)

T = TypeVar("T")


class Canvas:
    """Measures and draws text on one paint device: lengths in device dots, text in points."""

    def __init__(self, device: QPaintDevice, scale: TypeScale = NORMAL) -> None:
        self.device = device
        self.scale = scale
        self.dots_per_mm = device.logicalDpiY() / MM_PER_INCH
        self._fonts: dict[Role, QFont] = {}
        self._memo: dict[tuple[object, ...], object] = {}

    def mm(self, value: float) -> float:
        return value * self.dots_per_mm

    def font(self, role: Role) -> QFont:
        if role not in self._fonts:
            self._fonts[role] = self.scale.font(role)
        return self._fonts[role]

    def memo(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """`compute()` once per key while this canvas lives (a layout measures blocks often).
        Keys hold the block itself, not its id, so a dropped block's id is never mistaken."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    def metrics(self, role: Role) -> QFontMetricsF:
        return QFontMetricsF(self.font(role), self.device)

    def line_height(self, role: Role) -> float:
        return self.metrics(role).height()

    def text_width(self, text: str, role: Role) -> float:
        return self.metrics(role).horizontalAdvance(text)

    def text_height(self, text: str, role: Role, width: float, flags: int = WRAP) -> float:
        """The height of `text` wrapped to `width`; one line's height for empty text."""
        bounds = self.metrics(role).boundingRect(QRectF(0, 0, width, 1e9), flags, text or " ")
        return bounds.height()

    def draw_text(
        self,
        painter: QPainter,
        rect: QRectF,
        text: str,
        role: Role,
        color: QColor = INK,
        flags: int = WRAP,
    ) -> None:
        painter.setFont(self.font(role))
        painter.setPen(color)
        painter.drawText(rect, flags, text)

    def rule(self, painter: QPainter, x1: float, x2: float, y: float, color: QColor, mm: float):
        painter.setPen(QPen(color, self.mm(mm)))
        painter.drawLine(x1, y, x2, y)


class Block:
    """A piece of a document that lays itself out in a given width.

    `space_before` (mm) is dropped at the top of a page. A block that `keep_with_next` moves
    to the next page unless the start (`min_height`) of the following block fits after it."""

    space_before: float = 4.0
    keep_with_next: bool = False

    def height(self, canvas: Canvas, width: float) -> float:
        raise NotImplementedError

    def min_height(self, canvas: Canvas, width: float) -> float:
        """The least of this block that may stand at the foot of a page."""
        return self.height(canvas, width)

    def split(self, canvas: Canvas, width: float, available: float) -> tuple[Block, Block] | None:
        """A first part no taller than `available` and the rest, or None if it cannot split."""
        return None

    def paint(self, canvas: Canvas, painter: QPainter, rect: QRectF) -> None:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class PageFrame:
    """What the header and footer of every page say."""

    title: str
    subtitle: str  # the period
    district: str
    organisations: tuple[str, ...]
    data_until: date
    made_by: str
    made_at: date


@dataclass(frozen=True, slots=True)
class _Placement:
    block: Block
    top: float
    height: float


@dataclass(frozen=True, slots=True)
class _Geometry:
    page: QRectF  # the whole sheet
    left: float
    width: float
    first_top: float  # below the header band of page 1
    top: float  # below the running head of later pages
    bottom: float  # above the footer


class Document:
    """Blocks under a page frame, painted on A4 portrait pages."""

    def __init__(self, frame: PageFrame, blocks: Sequence[Block], scale: TypeScale = NORMAL):
        self.frame = frame
        self.blocks = tuple(blocks)
        self.scale = scale

    def write_pdf(self, path: Path | str) -> int:
        """Writes the document as a PDF file; the number of pages."""
        writer = QPdfWriter(str(path))
        writer.setResolution(PDF_DPI)
        writer.setTitle(f"{self.frame.title} – {self.frame.district} – {self.frame.subtitle}")
        writer.setCreator("EST Desktop")
        return self.paint(writer)

    def paint(self, device: QPagedPaintDevice) -> int:
        """Lays the document out and paints it on `device` (a QPdfWriter, or a QPrinter for
        printing and print preview); the number of pages. Runs on the GUI thread."""
        device.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        canvas = Canvas(device, self.scale)
        geometry = self._geometry(canvas, device)
        pages = self._lay_out(canvas, geometry)
        painter = QPainter(device)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            # A printer may keep margins of its own: paint in the sheet's coordinates.
            dpi = device.logicalDpiX()
            offset = device.pageLayout().paintRectPixels(dpi).topLeft()
            painter.translate(-offset.x(), -offset.y())
            for number, placements in enumerate(pages, start=1):
                if number > 1:
                    device.newPage()
                self._paint_frame(canvas, painter, geometry, number, len(pages))
                for placed in placements:
                    painter.save()
                    rect = QRectF(geometry.left, placed.top, geometry.width, placed.height)
                    placed.block.paint(canvas, painter, rect)
                    painter.restore()
        finally:
            painter.end()
        return len(pages)

    # -- layout ------------------------------------------------------------------------------

    def _lay_out(self, canvas: Canvas, geometry: _Geometry) -> list[list[_Placement]]:
        width = geometry.width
        pages: list[list[_Placement]] = [[]]
        y = geometry.first_top
        pending = deque(self.blocks)
        while pending:
            block = pending.popleft()
            page = pages[-1]
            gap = canvas.mm(block.space_before) if page else 0.0
            available = geometry.bottom - y - gap
            height = block.height(canvas, width)
            needed = height
            if block.keep_with_next and pending:
                following = pending[0]
                needed += canvas.mm(following.space_before) + following.min_height(canvas, width)
            if needed <= available or (not page and height <= available):
                page.append(_Placement(block, y + gap, height))
                y += gap + height
                continue
            parts = None
            if not block.keep_with_next or not page:
                parts = block.split(canvas, width, available)
            if parts is not None:
                first, rest = parts
                page.append(_Placement(first, y + gap, first.height(canvas, width)))
                pending.appendleft(rest)
            elif not page:  # taller than a page and cannot split: it is cut at the footer
                page.append(_Placement(block, y, available))
            else:
                pending.appendleft(block)
            pages.append([])
            y = geometry.top
        if not pages[-1] and len(pages) > 1:
            pages.pop()
        return pages

    def _geometry(self, canvas: Canvas, device: QPagedPaintDevice) -> _Geometry:
        page = QRectF(device.pageLayout().fullRectPixels(device.logicalDpiX()))
        margin = canvas.mm(MARGIN_MM)
        left, width = margin, page.width() - 2 * margin
        footer = 2 * canvas.line_height(Role.FOOTER) + canvas.mm(2.5)
        return _Geometry(
            page=page,
            left=left,
            width=width,
            first_top=margin + self._header_height(canvas) + canvas.mm(5),
            top=margin + canvas.line_height(Role.FOOTER) + canvas.mm(5),
            bottom=page.height() - margin - footer - canvas.mm(4),
        )

    # -- header and footer -------------------------------------------------------------------

    def _header_lines(self) -> list[tuple[str, Role, QColor]]:
        kicker = QCoreApplication.translate(
            "ReportDocument", "EST · Effektiv samordning för trygghet"
        )
        where_when = f"{self.frame.district} · {self.frame.subtitle}"
        return [
            (kicker.upper(), Role.KICKER, MUTED),
            (self.frame.title, Role.TITLE, ACCENT),
            (where_when, Role.SUBTITLE, INK),
        ]

    def _header_height(self, canvas: Canvas) -> float:
        return sum(canvas.line_height(role) for _, role, _ in self._header_lines()) + canvas.mm(4)

    def _paint_frame(
        self, canvas: Canvas, painter: QPainter, geometry: _Geometry, number: int, count: int
    ) -> None:
        left, right = geometry.left, geometry.left + geometry.width
        y = canvas.mm(MARGIN_MM)
        no_wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if number == 1:
            for text, role, color in self._header_lines():
                height = canvas.line_height(role)
                canvas.draw_text(
                    painter, QRectF(left, y, geometry.width, height), text, role, color, no_wrap
                )
                y += height
            canvas.rule(painter, left, right, y + canvas.mm(2.5), ACCENT, 0.7)
        else:
            height = canvas.line_height(Role.FOOTER)
            head = f"{self.frame.title} · {self.frame.district} · {self.frame.subtitle}"
            canvas.draw_text(
                painter, QRectF(left, y, geometry.width, height), head, Role.FOOTER, MUTED, no_wrap
            )
            canvas.rule(painter, left, right, y + height + canvas.mm(1.5), RULE, 0.2)
        self._paint_footer(canvas, painter, geometry, number, count)

    def _paint_footer(
        self, canvas: Canvas, painter: QPainter, geometry: _Geometry, number: int, count: int
    ) -> None:
        frame = self.frame
        line = canvas.line_height(Role.FOOTER)
        top = geometry.page.height() - canvas.mm(MARGIN_MM) - 2 * line
        canvas.rule(
            painter, geometry.left, geometry.left + geometry.width, top - canvas.mm(2), RULE, 0.2
        )
        if frame.made_by:
            made = QCoreApplication.translate(
                "ReportDocument", "Sammanställd av {who}, {day}"
            ).format(who=frame.made_by, day=wording.day(frame.made_at))
        else:
            made = QCoreApplication.translate("ReportDocument", "Sammanställd {day}").format(
                day=wording.day(frame.made_at)
            )
        data = " ".join(
            (
                QCoreApplication.translate("ReportDocument", "Uppgifter t.o.m. {day}.").format(
                    day=wording.day(frame.data_until)
                ),
                QCoreApplication.translate(
                    "ReportDocument", "Polisens uppgifter redovisas sammanställda."
                ),
            )
        )
        page = QCoreApplication.translate("ReportDocument", "Sida {number} av {count}").format(
            number=number, count=count
        )
        rows = ((" · ".join(frame.organisations), made), (data, page))
        for index, (left_text, right_text) in enumerate(rows):
            rect = QRectF(geometry.left, top + index * line, geometry.width, line)
            right_width = canvas.text_width(right_text, Role.FOOTER)
            left_rect = rect.adjusted(0, 0, -right_width - canvas.mm(4), 0)
            elided = canvas.metrics(Role.FOOTER).elidedText(
                left_text, Qt.TextElideMode.ElideRight, left_rect.width()
            )
            align_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            align_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            canvas.draw_text(painter, left_rect, elided, Role.FOOTER, MUTED, align_left)
            canvas.draw_text(painter, rect, right_text, Role.FOOTER, MUTED, align_right)
