"""A line edit with a type-ahead list whose entries come from a search function.

Used for categories and named places: the search (in the domain or geo layer) decides what
matches and in what order; this widget only shows the list and reports the choice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

Search = Callable[[str], Sequence[tuple[str, object]]]  # text -> (shown text, value) pairs


class SearchField(QLineEdit):
    chosen = Signal(object)  # the value of the entry picked from the list
    cleared = Signal()  # the text no longer names a picked entry

    def __init__(self, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._values: list[object] = []
        self._value: object | None = None
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self._completer.setWidget(self)
        self._completer.activated[QModelIndex].connect(self._on_completer_activated)
        self.textEdited.connect(self._on_text_edited)
        self.setClearButtonEnabled(True)

    @property
    def value(self) -> object | None:
        """The value of the picked entry, or None while the text names none."""
        return self._value

    def set_value(self, text: str, value: object | None) -> None:
        self._value = value
        self.setText(text)

    def show_all(self) -> None:
        self._refresh(self.text())
        self._completer.complete()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup_open = self._completer.popup().isVisible()
        if event.key() == Qt.Key.Key_Down and not popup_open:
            self.show_all()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and popup_open:
            # Enter without moving the selection takes the first entry.
            popup = self._completer.popup()
            index = popup.currentIndex()
            if not index.isValid() and self._model.rowCount():
                index = self._model.index(0)
            if index.isValid():
                popup.hide()
                self._on_completer_activated(index)
                return
        super().keyPressEvent(event)

    def _on_text_edited(self, text: str) -> None:
        if self._value is not None:
            self._value = None
            self.cleared.emit()
        self._refresh(text)
        if self._values:
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _refresh(self, text: str) -> None:
        entries = list(self._search(text))
        self._values = [value for _, value in entries]
        self._model.setStringList([shown for shown, _ in entries])

    def _on_completer_activated(self, index: QModelIndex) -> None:
        row = index.row()
        if 0 <= row < len(self._values):
            self._value = self._values[row]
            self.setText(self._model.stringList()[row])
            self.chosen.emit(self._value)
