"""Hjälp: the keyboard shortcuts and "Om EST Desktop"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from est_desktop import __version__


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def show_shortcuts(parent: QWidget) -> None:
    rows = [
        ("Ctrl+N", _tr("Ny händelse")),
        ("Ctrl+S, Ctrl+Enter", _tr("Spara händelsen")),
        ("Ctrl+F", _tr("Sök i listan")),
        ("Ctrl+E", _tr("Ändra vald händelse")),
        ("Delete", _tr("Ta bort vald händelse (i listan)")),
        ("F5", _tr("Uppdatera listan")),
        ("Ctrl+Shift+S", _tr("Synka nu")),
        ("Ctrl+Shift+A", _tr("Visa eller dölj analysen")),
        ("Ctrl+P", _tr("Skriv ut sammanfattning")),
        ("Ctrl+Shift+P", _tr("Veckans lägesbild")),
        ("↓", _tr("Visa alla kategorier i kategorifältet")),
    ]
    table = "".join(f"<tr><td><b>{key}</b></td><td>{text}</td></tr>" for key, text in rows)
    QMessageBox.information(parent, _tr("Kortkommandon"), f"<table>{table}</table>")


def show_about(parent: QWidget, store_path: Path) -> None:
    QMessageBox.about(
        parent,
        _tr("Om EST Desktop"),
        _tr(
            "<b>EST Desktop %1</b><p>Effektiv samordning för trygghet: Borås Stad, "
            "Polisen och Bostäder i Borås.</p><p>Datalager: %2</p>"
        )
        .replace("%1", __version__)
        .replace("%2", str(store_path)),
    )
