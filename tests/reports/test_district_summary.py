"""The district summary as a reader gets it: read back from the PDF, page by page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from est_desktop.analysis.results import SourceCounts
from est_desktop.reports import district_summary
from tests.reports import samples
from tests.reports.conftest import body_text, page_texts


def _write(tmp_path, summary=None, info=None) -> tuple[int, list[str]]:
    path = tmp_path / "summary.pdf"
    document = district_summary.build(
        summary or samples.hulta_autumn(), info or samples.report_info()
    )
    pages = document.write_pdf(path)
    texts = page_texts(path)
    assert pages == len(texts)
    return pages, texts


def _png(width: int = 800, height: int = 550) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#dcd8cc"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def test_the_summary_has_two_to_four_pages_each_with_its_footer(tmp_path):
    pages, texts = _write(tmp_path, info=samples.report_info(map_png=_png()))

    assert 2 <= pages <= 4
    for number, text in enumerate(texts, start=1):
        assert f"Sida {number} av {pages}" in text
        assert "Polisens uppgifter redovisas sammanställda" in text
        assert "Hulta" in text and "1 sep–30 nov 2026" in text


def test_the_first_page_names_district_period_and_author_and_gives_the_key_numbers(tmp_path):
    _, texts = _write(tmp_path)
    first = texts[0]

    assert "Distriktssammanfattning" in first
    assert "Hulta · 1 sep–30 nov 2026" in first
    assert "Sammanställd av Anna Svensson, 2026-11-26" in first
    assert "Uppgifter t.o.m. 2026-11-30" in first
    assert "Händelser i perioden 128" in first
    # Against the period before (85) a clear rise, against last year (119) maybe chance.
    assert "+51 % (128 mot 85), en tydlig ökning" in first
    assert "+8 % (128 mot 119) – skillnaden kan vara slumpen" in first
    assert "Rapporterat av personalen 97" in first
    assert "Från polisen 31" in first
    assert "Polisen underrättad 23" in first


def test_the_summary_shows_trend_matrix_categories_places_measures_and_assessment(tmp_path):
    _, texts = _write(tmp_path)
    text = " ".join(texts)

    assert "v. 36" in text and "v. 48" in text  # the trend's bars
    assert "Måndag" in text and "Söndag" in text  # the weekday × hour matrix
    assert "6 händelser med bara datum, utan klockslag, ingår inte." in text
    assert "Skadegörelse" in text and "Klotter Skadegörelse 27 21 %" in text
    assert "1. Hulta torg 31 24 %" in text
    assert "Väktare kvällstid vid Hulta torg" in text and "Pågår" in text
    assert "har minskat sedan väktarna började" in text
    assert "vi föreslår fältarbetare där" in text
    assert "Kartan kunde inte ritas." in text  # no map picture was given


def test_a_map_picture_takes_the_place_of_the_note(tmp_path):
    _, texts = _write(tmp_path, info=samples.report_info(map_png=_png()))

    assert "Kartan kunde inte ritas." not in " ".join(texts)


def test_police_figures_the_reader_may_not_see_are_shown_as_a_dash(tmp_path):
    summary = samples.hulta_autumn(sources=SourceCounts(staff=128, police=None))
    _, texts = _write(tmp_path, summary=summary)

    assert "Från polisen —" in texts[0]
    assert "Ingår inte i denna sammanställning." in texts[0]


def test_forty_places_and_a_long_assessment_break_over_pages_and_lose_nothing(tmp_path):
    places = samples.many_places(40)
    assessment = "\n\n".join(
        " ".join(f"Stycke {p} mening {s} om läget i Hulta." for s in range(25)) for p in range(6)
    )
    pages, texts = _write(
        tmp_path,
        summary=samples.hulta_autumn(places=places),
        info=samples.report_info(assessment=assessment),
    )
    text = body_text(texts)

    assert pages >= 4
    for rank, place in enumerate(places, start=1):
        assert f"{rank}. {place.name} {place.count}" in text
    for p in range(6):
        for s in range(25):
            assert f"Stycke {p} mening {s} om läget i Hulta." in text
    assert all(f"Sida {n} av {pages}" in texts[n - 1] for n in range(1, pages + 1))


def test_a_period_without_incidents_prints_a_sensible_short_summary(tmp_path):
    pages, texts = _write(
        tmp_path, summary=samples.empty_summary(), info=samples.report_info(assessment="")
    )
    text = " ".join(texts)

    assert pages <= 2
    assert "Norrby · 1 sep–30 nov 2026" in text
    assert "Händelser i perioden 0" in text
    assert "inga händelser (0 mot 0)" in text
    assert "Inga händelser registrerades i Norrby under 1 sep–30 nov 2026." in text
    assert "Inga pågående åtgärder registrerade." in text
    assert "Ingen bedömning har skrivits." in text
    assert "Från polisen —" in text


@pytest.mark.parametrize("unit, labels", [("month", ["sep 2026", "okt 2026", "nov 2026"])])
def test_a_monthly_trend_is_labelled_by_month(tmp_path, unit, labels):
    base = samples.hulta_autumn()
    trend = tuple(
        b.__class__(b.start, b.end, label, n)
        for b, label, n in zip(base.trend[:3], labels, (40, 45, 43), strict=True)
    )
    _, texts = _write(tmp_path, summary=samples.hulta_autumn(trend=trend, trend_unit=unit))

    text = " ".join(texts)
    assert "Händelser per månad" in text and all(label in text for label in labels)
