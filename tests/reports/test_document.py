"""The page engine: footers that know the page count, blocks that flow and split."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtPrintSupport import QPrinter

from est_desktop.reports.blocks import Column, Heading, Paragraph, Table
from est_desktop.reports.document import Document, PageFrame
from est_desktop.reports.report_info import ORGANISATIONS
from tests.reports.conftest import body_text, page_texts

FRAME = PageFrame(
    title="Provdokument",
    subtitle="1–7 dec 2026",
    district="Hulta",
    organisations=ORGANISATIONS,
    data_until=date(2026, 12, 7),
    made_by="Anna Svensson",
    made_at=date(2026, 12, 8),
)


def _filler(lines: int) -> Paragraph:
    return Paragraph("\n".join(f"Fyllnadsrad {i}." for i in range(lines)))


def _table(rows: int) -> Table:
    return Table(
        [Column("Namn", 3), Column("Antal", 1)], [(f"Rad {i}", str(i)) for i in range(rows)]
    )


def test_every_page_has_the_footer_with_its_number_of_all_pages(tmp_path):
    path = tmp_path / "doc.pdf"
    pages = Document(FRAME, [_filler(200)]).write_pdf(path)

    texts = page_texts(path)
    assert pages == len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Sida {number} av {pages}" in text
        assert "Borås Stad · Polisen · Bostäder i Borås" in text
        assert "Uppgifter t.o.m. 2026-12-07." in text
        assert "Polisens uppgifter redovisas sammanställda." in text
        assert "Sammanställd av Anna Svensson, 2026-12-08" in text
    assert "Provdokument" in texts[0] and "Hulta · 1–7 dec 2026" in texts[0]


def test_a_long_paragraph_flows_over_pages_without_losing_a_line(tmp_path):
    path = tmp_path / "doc.pdf"
    Document(FRAME, [_filler(150)]).write_pdf(path)

    text = body_text(page_texts(path))
    for i in range(150):
        assert f"Fyllnadsrad {i}." in text


@pytest.mark.parametrize("filler", range(30, 56, 2))
def test_a_heading_is_never_left_at_the_foot_of_a_page(tmp_path, filler):
    # Different amounts of text before push the heading to every position near the foot.
    path = tmp_path / "doc.pdf"
    Document(FRAME, [_filler(filler), Heading("Rubriken här"), _table(3)]).write_pdf(path)

    for text in page_texts(path):
        if "Rubriken här" in text:
            assert "Rad 0" in text


def test_a_long_table_splits_between_rows_and_repeats_its_header(tmp_path):
    path = tmp_path / "doc.pdf"
    pages = Document(FRAME, [Heading("Tabellen"), _table(120)]).write_pdf(path)

    texts = page_texts(path)
    assert pages >= 2
    assert all("Namn Antal" in text for text in texts)
    joined = " ".join(texts)
    assert all(f"Rad {i} {i}" in joined for i in range(120))


def test_a_document_without_assessment_or_author_still_says_when_it_was_made(tmp_path):
    path = tmp_path / "doc.pdf"
    frame = PageFrame(**{**{f: getattr(FRAME, f) for f in FRAME.__slots__}, "made_by": ""})
    Document(frame, []).write_pdf(path)

    (text,) = page_texts(path)
    assert "Sammanställd 2026-12-08" in text and "Sida 1 av 1" in text


def test_a_printer_gets_the_same_pages_as_the_pdf(tmp_path):
    # The print preview and the printer get a QPrinter; as a PDF printer it can be read back.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    document = Document(FRAME, [Heading("Tabellen"), _table(120)])

    pages = document.paint(printer)

    assert pages == document.write_pdf(tmp_path / "written.pdf")
    texts = page_texts(tmp_path / "printed.pdf")
    assert len(texts) == pages and f"Sida {pages} av {pages}" in texts[-1]
