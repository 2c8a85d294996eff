"""The charts of the printed documents: the trend, the category groups and the week matrix.

The bar charts are QtCharts charts rendered into the page painter as vectors. Each bar carries
its count as a label, so nothing depends on telling colours apart in grey-scale print. The
weekday × hour matrix is a drawn table shaded in greys, with the count written in each cell.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMargins, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene

from est_desktop.analysis.results import Bucket, GroupCount, WeekdayHour
from est_desktop.reports import wording
from est_desktop.reports.document import Block, Canvas
from est_desktop.reports.typography import ACCENT, INK, MUTED, RULE, Role

POINTS_PER_MM = 72 / 25.4  # chart scenes are laid out in points, so fonts keep their size
GRID = QColor("#d4d4d4")
MANY_BARS = 14  # more bars than this: their counts stand on end
PLOT_SHARE = 0.88  # of a chart's width, roughly, is its plot area (the axis takes the rest)

WEEKDAYS = (  # translated when drawn, after the app has installed its translator
    QT_TRANSLATE_NOOP("ReportCharts", "Måndag"),
    QT_TRANSLATE_NOOP("ReportCharts", "Tisdag"),
    QT_TRANSLATE_NOOP("ReportCharts", "Onsdag"),
    QT_TRANSLATE_NOOP("ReportCharts", "Torsdag"),
    QT_TRANSLATE_NOOP("ReportCharts", "Fredag"),
    QT_TRANSLATE_NOOP("ReportCharts", "Lördag"),
    QT_TRANSLATE_NOOP("ReportCharts", "Söndag"),
)
# From no incidents (white) to the most (near black); text turns white on the dark two.
SHADES = tuple(QColor(c) for c in ("#ffffff", "#dedede", "#b4b4b4", "#7c7c7c", "#3f3f3f"))


class _BarChart(Block):
    """A bar chart drawn by QtCharts: counts per category, each bar labelled with its count."""

    horizontal = False

    def __init__(self, labels: Sequence[str], counts: Sequence[int], axis_title: str) -> None:
        self.labels = _unique(labels)
        self.counts = [int(c) for c in counts]
        self.axis_title = axis_title
        self.space_before = 2.0

    def _chart(self, canvas: Canvas, width: float) -> QChart:
        """The chart for a scene `width` points wide."""
        size = round(canvas.scale.chart)
        font = QFont(canvas.font(Role.CHART))
        font.setPixelSize(size)  # in scene points: the same size on paper at any dpi
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundVisible(False)
        chart.setMargins(QMargins(0, 0, 6, 0))  # room for the label of a bar at the right edge
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.legend().hide()

        bars = QBarSet(self.axis_title)
        bars.append(self.counts)
        bars.setColor(ACCENT)
        bars.setBorderColor(ACCENT)
        bars.setLabelColor(INK)
        bars.setLabelFont(font)
        series = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        series.append(bars)
        series.setBarWidth(0.65)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        crowded = not self.horizontal and len(self.labels) > MANY_BARS
        if crowded:
            series.setLabelsAngle(-90)  # counts stand on end above narrow bars
        chart.addSeries(series)

        categories = QBarCategoryAxis()
        labels = self.labels
        if not self.horizontal:
            label_width = max((QFontMetricsF(font).horizontalAdvance(t) for t in labels), default=0)
            slot = width * PLOT_SHARE / max(len(labels), 1)
            labels = _thinned(labels, math.ceil((label_width + 4) / slot))
        categories.append(labels)
        values = QValueAxis()
        top, step = _nice_scale(max(self.counts, default=0), room=1.25 if crowded else 1.15)
        values.setRange(0, top)
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickAnchor(0)
        values.setTickInterval(step)
        values.setLabelFormat("%d")
        values.setTitleText(self.axis_title)
        title_font = QFont(font)
        values.setTitleFont(title_font)
        values.setTitleBrush(MUTED)
        for axis in (categories, values):
            axis.setLabelsFont(font)
            axis.setLabelsColor(INK)
            axis.setLinePen(QPen(RULE, 0.6))
            axis.setGridLinePen(QPen(GRID, 0.5))
            axis.setTruncateLabels(False)  # a label is the data: never "v. …"
        categories.setGridLineVisible(False)
        category_side = (
            Qt.AlignmentFlag.AlignLeft if self.horizontal else Qt.AlignmentFlag.AlignBottom
        )
        value_side = Qt.AlignmentFlag.AlignBottom if self.horizontal else Qt.AlignmentFlag.AlignLeft
        axis: QAbstractAxis
        for axis, side in ((categories, category_side), (values, value_side)):
            chart.addAxis(axis, side)
            series.attachAxis(axis)
        return chart

    def paint(self, canvas: Canvas, painter: QPainter, rect: QRectF) -> None:
        scene = QGraphicsScene()
        chart = self._chart(canvas, rect.width() / canvas.dots_per_mm * POINTS_PER_MM)
        scene.addItem(chart)  # the scene owns the chart from here
        source = QRectF(
            0,
            0,
            rect.width() / canvas.dots_per_mm * POINTS_PER_MM,
            rect.height() / canvas.dots_per_mm * POINTS_PER_MM,
        )
        chart.setGeometry(source)
        scene.setSceneRect(source)
        scene.render(painter, rect, source, Qt.AspectRatioMode.IgnoreAspectRatio)
        scene.clear()


class TrendChart(_BarChart):
    """Incidents per week or month of the period."""

    def __init__(self, buckets: Sequence[Bucket], unit: str) -> None:
        if unit == "month":
            title = QCoreApplication.translate("ReportCharts", "Händelser per månad")
        else:
            title = QCoreApplication.translate("ReportCharts", "Händelser per vecka")
        super().__init__([b.label for b in buckets], [b.count for b in buckets], title)

    def height(self, canvas: Canvas, width: float) -> float:
        return canvas.mm(56)


class GroupChart(_BarChart):
    """Incidents per category group, largest at the top."""

    horizontal = True

    def __init__(self, groups: Sequence[GroupCount]) -> None:
        ordered = list(reversed(groups))  # a horizontal chart draws its first category lowest
        super().__init__(
            [g.label for g in ordered],
            [g.count for g in ordered],
            QCoreApplication.translate("ReportCharts", "Antal händelser"),
        )

    def height(self, canvas: Canvas, width: float) -> float:
        return canvas.mm(14 + 7.5 * max(len(self.labels), 1))


class WeekdayHourMatrix(Block):
    """Incidents by weekday (rows) and hour (columns), greyer for more, with row and column
    sums and a legend that says what each grey means."""

    LABEL_MM = 18.0
    SUM_MM = 11.0
    ROW_MM = 5.6

    def __init__(self, matrix: WeekdayHour) -> None:
        self.counts = np.asarray(matrix.counts, dtype=np.int64).reshape(7, 24)
        self.no_time = matrix.no_time
        self.edges = _shade_edges(self.counts)
        self.space_before = 2.0

    def height(self, canvas: Canvas, width: float) -> float:
        rows = 1 + 7 + 1  # hours, weekdays, sums
        legend = canvas.mm(3) + canvas.line_height(Role.CAPTION) * (2 if self.no_time else 1)
        return rows * canvas.mm(self.ROW_MM) + legend

    def paint(self, canvas: Canvas, painter: QPainter, rect: QRectF) -> None:
        row = canvas.mm(self.ROW_MM)
        label = canvas.mm(self.LABEL_MM)
        sums = canvas.mm(self.SUM_MM)
        cell = (rect.width() - label - sums) / 24
        cell_font = QFont(canvas.font(Role.CHART))
        cell_font.setPointSizeF(min(6.5, canvas.scale.chart))
        fits = QFontMetricsF(cell_font, canvas.device)
        top, left = rect.top(), rect.left()
        centre = int(Qt.AlignmentFlag.AlignCenter)
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        leftish = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        pad = canvas.mm(1)

        def text(box: QRectF, value: str, flags: int, color: QColor = INK, font=cell_font) -> None:
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(box, flags, value)

        hour_label = QCoreApplication.translate("ReportCharts", "Kl.")
        text(QRectF(left, top, label, row), hour_label, leftish, MUTED)
        for hour in range(24):
            text(QRectF(left + label + hour * cell, top, cell, row), str(hour), centre, MUTED)
        sum_label = QCoreApplication.translate("ReportCharts", "Summa")
        text(QRectF(left + label + 24 * cell, top, sums, row), sum_label, right, MUTED)

        label_font = canvas.font(Role.CHART)
        for day, name in enumerate(WEEKDAYS):
            y = top + (day + 1) * row
            name = QCoreApplication.translate("ReportCharts", name)
            text(QRectF(left, y, label, row), name, leftish, INK, label_font)
            for hour in range(24):
                count = int(self.counts[day, hour])
                box = QRectF(left + label + hour * cell, y, cell, row)
                level = _level(count, self.edges)
                painter.fillRect(box, SHADES[level])
                value = wording.whole(count) if count else ""
                if value and fits.horizontalAdvance(value) <= cell - canvas.mm(0.6):
                    text(box, value, centre, QColor("white") if level >= 3 else INK)
            day_sum = wording.whole(int(self.counts[day].sum()))
            text(QRectF(left + label + 24 * cell, y, sums - pad, row), day_sum, right)

        grid_top, grid_bottom = top + row, top + 8 * row
        painter.setPen(QPen(QColor("#c8c8c8"), canvas.mm(0.12)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for hour in range(25):
            x = left + label + hour * cell
            painter.drawLine(x, grid_top, x, grid_bottom)
        for day in range(8):
            y = grid_top + day * row
            painter.drawLine(left + label, y, left + label + 24 * cell, y)

        y = top + 8 * row
        text(QRectF(left, y, label, row), sum_label, leftish, MUTED, label_font)
        for hour in range(24):
            hour_sum = int(self.counts[:, hour].sum())
            box = QRectF(left + label + hour * cell, y, cell, row)
            if fits.horizontalAdvance(wording.whole(hour_sum)) <= cell - canvas.mm(0.6):
                text(box, wording.whole(hour_sum), centre, MUTED)
        total = wording.whole(int(self.counts.sum()))
        text(QRectF(left + label + 24 * cell, y, sums - pad, row), total, right, INK, label_font)

        self._paint_legend(canvas, painter, rect, top + 9 * row + canvas.mm(3))

    def _paint_legend(self, canvas: Canvas, painter: QPainter, rect: QRectF, y: float) -> None:
        line = canvas.line_height(Role.CAPTION)
        x = rect.left()
        intro = QCoreApplication.translate("ReportCharts", "Händelser per ruta:")
        canvas.draw_text(painter, QRectF(x, y, rect.width(), line), intro, Role.CAPTION, MUTED, 0)
        x += canvas.text_width(intro, Role.CAPTION) + canvas.mm(3)
        swatch = canvas.mm(3.2)
        for shade, span in _legend(self.edges):
            box = QRectF(x, y + (line - swatch) / 2, swatch * 1.6, swatch)
            painter.fillRect(box, shade)
            painter.setPen(QPen(RULE, canvas.mm(0.15)))
            painter.drawRect(box)
            x += box.width() + canvas.mm(1.2)
            label_rect = QRectF(x, y, canvas.text_width(span, Role.CAPTION) + 1, line)
            canvas.draw_text(painter, label_rect, span, Role.CAPTION, INK, 0)
            x += label_rect.width() + canvas.mm(4)
        if self.no_time:
            if self.no_time == 1:
                note = QCoreApplication.translate(
                    "ReportCharts", "1 händelse med bara datum, utan klockslag, ingår inte."
                )
            else:
                note = QCoreApplication.translate(
                    "ReportCharts", "{count} händelser med bara datum, utan klockslag, ingår inte."
                ).format(count=wording.whole(self.no_time))
            box = QRectF(rect.left(), y + line, rect.width(), line)
            canvas.draw_text(painter, box, note, Role.CAPTION, MUTED, 0)


def _nice_scale(largest: int, room: float = 1.15) -> tuple[int, int]:
    """The top of a count axis with `room` for the bar labels, and a round step to it."""
    room = max(largest * room, largest + 1, 4)
    raw = room / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(int(step), 1)
    return int(math.ceil(room / step) * step), step


def _shade_edges(counts: np.ndarray) -> tuple[int, ...]:
    """The highest count of each non-white shade: the quartiles of the cells with incidents,
    so the greys tell busy hours apart even when one evening peaks far above the rest."""
    present = counts[counts > 0]
    if present.size == 0:
        return ()
    distinct = np.unique(present)
    if distinct.size <= 4:
        return tuple(int(v) for v in distinct)
    quartiles = np.quantile(present, (0.25, 0.5, 0.75), method="higher")
    return tuple(sorted({*(int(q) for q in quartiles), int(distinct[-1])}))


def _level(count: int, edges: Sequence[int]) -> int:
    """0 (white) for none; 1..4 by the span the count falls in (the top shade for the most)."""
    if count <= 0:
        return 0
    offset = len(SHADES) - 1 - len(edges)  # few distinct values use the darker shades
    for index, edge in enumerate(edges):
        if count <= edge:
            return index + 1 + offset
    return len(SHADES) - 1


def _legend(edges: Sequence[int]) -> list[tuple[QColor, str]]:
    """White for "0", then each shade in use with its span ("1–3", "4–6", ...)."""
    entries = [(SHADES[0], "0")]
    low = 1
    for edge in edges:
        entries.append((SHADES[_level(edge, edges)], str(edge) if edge == low else f"{low}–{edge}"))
        low = edge + 1
    return entries


def _thinned(labels: Sequence[str], every: int) -> list[str]:
    """Every `every`th label where all would not fit side by side; the others blank (and
    distinct, as a category axis needs). The first shown is not the first bar's, which would
    reach under the value axis, where QtCharts leaves it out."""
    if every <= 1:
        return list(labels)
    shown = every // 2
    return [label if i % every == shown else "\u200b" * (i + 1) for i, label in enumerate(labels)]


def _unique(labels: Sequence[str]) -> list[str]:
    """Category axes need distinct labels; a repeated one ("v. 1" of two years) gets an
    invisible mark rather than a different text."""
    seen: dict[str, int] = {}
    result = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        result.append(label + "\u200b" * (seen[label] - 1))
    return result
