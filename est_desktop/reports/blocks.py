"""The blocks documents are made of: headings, paragraphs, tables, key figures, pictures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTextLayout, QTextOption

from est_desktop.reports.document import WRAP, Block, Canvas
from est_desktop.reports.typography import ACCENT, ACCENT_LIGHT, INK, MUTED, RULE, ZEBRA, Role

_PAD_MM = 1.4  # inside table cells and boxes


class Heading(Block):
    keep_with_next = True

    def __init__(self, text: str, *, minor: bool = False) -> None:
        self.text = text
        self.role = Role.SUBHEADING if minor else Role.HEADING
        self.space_before = 5.0 if minor else 7.0

    def height(self, canvas: Canvas, width: float) -> float:
        below = 0.0 if self.role is Role.SUBHEADING else canvas.mm(1.8)
        return canvas.text_height(self.text, self.role, width) + below

    def paint(self, canvas: Canvas, painter: QPainter, rect: QRectF) -> None:
        color = ACCENT if self.role is Role.HEADING else INK
        canvas.draw_text(painter, rect, self.text, self.role, color)


class Paragraph(Block):
    """Wrapped plain text that splits between lines; with `bullet`, a list item whose
    wrapped lines hang under its text ("" for the rest of an item split over pages)."""

    LINE_GAP = 0.15  # of a line's height: a little air makes running text easier to read

    def __init__(
        self,
        text: str,
        role: Role = Role.BODY,
        color: QColor = INK,
        space_before: float = 2.0,
        bullet: str | None = None,
    ) -> None:
        # QTextLayout breaks lines at U+2028, not at "\n".
        self.text = text.replace("\r\n", "\n").replace("\n", "\u2028")
        self.role = role
        self.color = color
        self.space_before = space_before
        self.bullet = bullet

    def _indent(self, canvas: Canvas) -> float:
        if self.bullet is None:
            return 0.0
        return canvas.text_width("•", self.role) + canvas.mm(2)

    def _layout(self, canvas: Canvas, width: float) -> QTextLayout:
        layout = QTextLayout(self.text, canvas.font(self.role), canvas.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        indent = self._indent(canvas)
        layout.beginLayout()
        y = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width - indent)
            line.setPosition(QPointF(indent, y))
            y += line.height() * (1 + self.LINE_GAP)
        layout.endLayout()
        return layout

    def _lines(self, canvas: Canvas, width: float) -> list[tuple[int, float]]:
        """(where the line starts in the text, its bottom) for each line."""

        def measure() -> list[tuple[int, float]]:
            layout = self._layout(canvas, width)
            lines = [layout.lineAt(i) for i in range(layout.lineCount())]
            return [(line.textStart(), line.y() + line.height()) for line in lines]

        return canvas.memo((self, width), measure)

    def height(self, canvas: Canvas, width: float) -> float:
        lines = self._lines(canvas, width)
        return lines[-1][1] if lines else 0.0

    def min_height(self, canvas: Canvas, width: float) -> float:
        lines = self._lines(canvas, width)
        return lines[min(1, len(lines) - 1)][1] if lines else 0.0  # two lines, if it has them

    def split(self, canvas: Canvas, width: float, available: float) -> tuple[Block, Block] | None:
        lines = self._lines(canvas, width)
        fitting = sum(1 for _, bottom in lines if bottom <= available)
        if fitting >= len(lines):
            return None
        if len(lines) - fitting == 1:
            fitting -= 1  # no single line left alone at the head of the next page
        if fitting < 2:
            return None  # nor at the foot of this one
        cut = lines[fitting][0]
        rest_bullet = None if self.bullet is None else ""
        return (
            Paragraph(
                self.text[:cut].rstrip(), self.role, self.color, self.space_before, self.bullet
            ),
            Paragraph(self.text[cut:], self.role, self.color, 0.0, rest_bullet),
        )

    def paint(self, canvas: Canvas, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(self.color)
        painter.setFont(canvas.font(self.role))
        if self.bullet:
            line = canvas.line_height(self.role)
            painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line), 0, self.bullet)
        self._layout(canvas, rect.width()).draw(painter, rect.topLeft())


class Align(Enum):
    LEFT = int(Qt.AlignmentFlag.AlignLeft)
    RIGHT = int(Qt.AlignmentFlag.AlignRight)


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    weight: float = 1.0  # share of the table's width
    align: Align = Align.LEFT


class Table(Block):
    """Rows of wrapped text under a header; splits between rows and repeats the header."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        space_before: float = 2.0,
    ) -> None:
        self.columns = tuple(columns)
        self.rows = tuple(tuple(row) for row in rows)
        self.space_before = space_before

    def _widths(self, width: float) -> list[float]:
        total = sum(c.weight for c in self.columns)
        return [width * c.weight / total for c in self.columns]

    def _row_height(self, canvas: Canvas, cells: Sequence[str], width: float, role: Role) -> float:
        pad = canvas.mm(_PAD_MM)
        heights = [
            canvas.text_height(text, role, w - 2 * pad)
            for text, w in zip(cells, self._widths(width), strict=True)
        ]
        return max(heights) + 2 * pad

    def _heights(self, canvas: Canvas, width: float) -> tuple[float, list[float]]:
        def measure() -> tuple[float, list[float]]:
            titles = [c.title for c in self.columns]
            header = self._row_height(canvas, titles, width, Role.TABLE_HEADER)
            return header, [self._row_height(canvas, row, width, Role.TABLE) for row in self.rows]

        return canvas.memo((self, width), measure)

    def height(self, canvas: Canvas, width: float) -> float:
        header, rows = self._heights(canvas, width)
        return header + sum(rows)

    def min_height(self, canvas: Canvas, width: float) -> float:
        header, rows = self._heights(canvas, width)
        return header + sum(rows[:2])

    def split(self, canvas: Canvas, width: float, available: float) -> tuple[Block, Block] | None:
        header, rows = self._heights(canvas, width)
        used, fitting = header, 0
        for height in rows:
            if used + height > available:
                break
            used, fitting = used + height, fitting + 1
        if fitting == 0 or fitting == len(rows):
            return None
        return (
            Table(self.columns, self.rows[:fitting], self.space_before),
            Table(self.columns, self.rows[fitting:], 0.0),
        )

    def paint(self, canvas: Canvas, painter: QPainter, rect: QRectF) -> None:
        header, rows = self._heights(canvas, rect.width())
        widths = self._widths(rect.width())
        y = rect.top()
        painter.fillRect(QRectF(rect.left(), y, rect.width(), header), ACCENT_LIGHT)
        self._paint_row(
            canvas,
            painter,
            rect.left(),
            y,
            header,
            widths,
            [c.title for c in self.columns],
            Role.TABLE_HEADER,
        )
        y += header
        canvas.rule(painter, rect.left(), rect.right(), y, ACCENT, 0.35)
        for index, (cells, height) in enumerate(zip(self.rows, rows, strict=True)):
            if index % 2:
                painter.fillRect(QRectF(rect.left(), y, rect.width(), height), ZEBRA)
            self._paint_row(canvas, painter, rect.left(), y, height, widths, cells, Role.TABLE)
            y += height
        canvas.rule(painter, rect.left(), rect.right(), y, RULE, 0.2)

    def _paint_row(
        self,
        canvas: Canvas,
        painter: QPainter,
        x: float,
        y: float,
        height: float,
        widths: Sequence[float],
        cells: Sequence[str],
        role: Role,
    ) -> None:
        pad = canvas.mm(_PAD_MM)
        for column, text, width in zip(self.columns, cells, widths, strict=True):
            cell = QRectF(x + pad, y + pad, width - 2 * pad, height - 2 * pad)
            flags = WRAP | column.align.value | int(Qt.AlignmentFlag.AlignTop)
            canvas.draw_text(painter, cell, text, role, INK, flags)
            x += width


@dataclass(frozen=True, slots=True)
class Figure:
    """A key number in a box: a caption above, the number, an explaining line below."""

    caption: str
    value: str
    note: str = ""


class FigureRow(Block):
    """Key figures side by side, in boxes of equal width."""

    def __init__(self, figures: Sequence[Figure], space_before: float = 3.0) -> None:
        self.figures = tuple(figures)
        self.space_before = space_before

    def _box_width(self, canvas: Canvas, width: float) -> float:
        gap = canvas.mm(3)
        return (width - gap * (len(self.figures) - 1)) / len(self.figures)

    def _parts(
        self, canvas: Canvas, figure: Figure, inner: float
    ) -> list[tuple[str, Role, QColor, float]]:
        return [
            (text, role, color, canvas.text_height(text, role, inner))
            for text, role, color in (
                (figure.caption, Role.CAPTION, MUTED),
                (figure.value, Role.FIGURE, ACCENT),
                (figure.note, Role.CAPTION, INK),
            )
            if text
        ]

    def height(self, canvas: Canvas, width: float) -> float:
        inner = self._box_width(canvas, width) - 2 * canvas.mm(2.5)
        return 2 * canvas.mm(2.5) + max(
            sum(part[3] for part in self._parts(canvas, f, inner)) for f in self.figures
        )

    def paint(self, canvas: Canvas, painter: QPainter, rect: QRectF) -> None:
        box = self._box_width(canvas, rect.width())
        pad = canvas.mm(2.5)
        x = rect.left()
        for figure in self.figures:
            frame = QRectF(x, rect.top(), box, rect.height())
            painter.fillRect(frame, ACCENT_LIGHT)
            painter.setPen(QPen(ACCENT, canvas.mm(0.8)))  # a bar at the left: a box in grey too
            painter.drawLine(frame.topLeft(), frame.bottomLeft())
            y = frame.top() + pad
            for text, role, color, height in self._parts(canvas, figure, box - 2 * pad):
                canvas.draw_text(
                    painter, QRectF(x + pad, y, box - 2 * pad, height), text, role, color
                )
                y += height
            x += box + canvas.mm(3)


class Picture(Block):
    """A raster picture (the map) over the full width, with a thin frame."""

    def __init__(self, image: QImage, max_height_mm: float = 150.0) -> None:
        self.image = image
        self.max_height_mm = max_height_mm
        self.space_before = 2.0

    def height(self, canvas: Canvas, width: float) -> float:
        aspect = self.image.height() / max(self.image.width(), 1)
        return min(width * aspect, canvas.mm(self.max_height_mm))

    def paint(self, canvas: Canvas, painter: QPainter, rect: QRectF) -> None:
        aspect = self.image.height() / max(self.image.width(), 1)
        width = min(rect.width(), rect.height() / aspect)
        target = QRectF(rect.left() + (rect.width() - width) / 2, rect.top(), width, width * aspect)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image)
        painter.setPen(QPen(RULE, canvas.mm(0.2)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target)
