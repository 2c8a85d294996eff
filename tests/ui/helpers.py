"""Small gestures shared by the widget tests: pick from a type-ahead field, find a button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QTableView, QWidget

from est_desktop.ui.search_field import SearchField


def pick(qtbot, field: SearchField, text: str) -> None:
    """Type `text` into a type-ahead field and press Enter to take the first entry offered."""
    type_into(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # with the list open, Enter takes its first entry
    if field.value is None:  # the list did not open: Down opens it
        qtbot.keyClick(field, Qt.Key.Key_Down)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value is not None, f"nothing offered for {text!r}"


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Replace the contents of a line or text edit by typing, as a user would."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if not text:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:  # QTest only maps ASCII to keys (it aborts on "ö"); send the character as text
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The one button under `parent` showing `text`."""
    found = [b for b in parent.findChildren(QAbstractButton) if b.text() == text]
    assert len(found) == 1, f"expected one button {text!r}, found {len(found)}"
    return found[0]


def column(table: QTableView, number: int) -> list[str]:
    """What column `number` shows, row by row, for the rows loaded so far."""
    model = table.model()
    return [model.index(row, number).data() for row in range(model.rowCount())]


def click_row(qtbot, table: QTableView, row: int, *, double: bool = False) -> None:
    """Click (or double-click) `row` of the table, on its category cell."""
    where = table.visualRect(table.model().index(row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    if double:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
