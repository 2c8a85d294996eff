"""The warning shown under the description when it seems to describe a person."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from est_desktop.domain.privacy import PrivacyFinding, describe_finding

SHOWN_FINDINGS = 5


class PrivacyWarning(QFrame):
    confirmed = Signal()  # the user chose to save the text as it is

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyWarning")
        self.setStyleSheet(
            "#privacyWarning { background: #fff4ce; border: 1px solid #e0b400;"
            " border-radius: 4px; }"
        )
        self._text = QLabel()
        self._text.setWordWrap(True)
        confirm = QPushButton(self.tr("Spara ändå"))
        confirm.clicked.connect(self.confirmed)
        layout = QVBoxLayout(self)
        layout.addWidget(self._text)
        layout.addWidget(confirm)
        self.hide()

    def text(self) -> str:
        return self._text.text()

    def show_findings(self, findings: list[PrivacyFinding]) -> None:
        quoted = self.tr("»%1« %2")  # the text found, then why it was flagged
        lines = "".join(
            "<li>"
            + quoted.replace("%2", escape(describe_finding(f))).replace("%1", escape(f.text))
            + "</li>"
            for f in findings[:SHOWN_FINDINGS]
        )
        self._text.setText(
            "<b>" + escape(self.tr("Beskriv händelsen och platsen, inte personer.")) + "</b>"
            f"<ul style='margin: 2px 0 2px -20px'>{lines}</ul>"
            + escape(self.tr("Ändra texten, eller spara ändå om uppgiften behövs."))
        )
        self.show()
