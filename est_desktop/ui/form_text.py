"""Text in and out of the entry form's fields: messages, coordinates, labels."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel, QWidget

from est_desktop.domain.validation import FieldProblem

# Two decimal degrees, as pasted from a map: "57.7402, 12.9712". Both need a decimal part, so a
# latitude typed with a decimal comma ("57,7" on the way to "57,7402") is never split.
TWO_NUMBERS = re.compile(r"^\s*(-?\d+[.,]\d+)\s*[,;\s]\s*(-?\d+[.,]\d+)\s*$")


def translated_problem(problem: FieldProblem) -> str:
    """A validation message in the UI's language (the domain's templates are Swedish)."""
    template = QCoreApplication.translate("FieldProblem", problem.template)
    locale = QLocale()
    params = {
        key: locale.toString(value, "g", 6) if isinstance(value, float) else value
        for key, value in problem.params.items()
    }
    return template.format(**params)


def format_coordinate(value: float) -> str:
    """Six decimals (about 10 cm), with the decimal sign of the UI's language."""
    return QLocale().toString(value, "f", 6)


def parse_coordinate(text: str) -> float | None:
    """A decimal degree typed with a comma or a point; None when it is no number."""
    try:
        return float(text.strip().replace(",", ".").replace("\u2212", "-"))
    except ValueError:
        return None


def buddy_label(text: str, widget: QWidget) -> QLabel:
    """A label whose Alt+letter moves to `widget`."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def problem_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label
