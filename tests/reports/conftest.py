"""The report tests read back the PDFs they write, as text per page, through QtPdf."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from PySide6.QtPdf import QPdfDocument


@pytest.fixture(autouse=True)
def _application(qapp):
    """Charts are graphics widgets: every report needs a QApplication."""
    return qapp


def page_texts(path: Path) -> list[str]:
    """The text of each page, with runs of white space (line breaks, non-breaking spaces)
    made single spaces, so a test need not know where a line wrapped."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_, f"cannot read {path}"
    try:
        return [
            " ".join(document.getAllText(page).text().split())
            for page in range(document.pageCount())
        ]
    finally:
        document.close()


@pytest.fixture
def read_pdf():
    return page_texts


_FRAME = re.compile(r"^.*?Sida \d+ av \d+ ?")


def body_text(texts: list[str]) -> str:
    """The pages' text without headers and footers, joined: text split over a page break
    reads on. Each page paints its frame first, so its text starts with it."""
    return " ".join(_FRAME.sub("", text, count=1) for text in texts)
