"""Återkoppling till personalen: one page, in large type."""

from __future__ import annotations

from dataclasses import replace

from est_desktop.reports import feedback
from tests.reports import samples
from tests.reports.conftest import page_texts


def _write(tmp_path, summary=None) -> tuple[int, str]:
    path = tmp_path / "feedback.pdf"
    pages = feedback.build(summary or samples.hulta_autumn(), samples.report_info()).write_pdf(path)
    return pages, " ".join(page_texts(path))


def test_the_feedback_is_one_page_with_what_was_reported_and_what_is_done(tmp_path):
    pages, text = _write(tmp_path)

    assert pages == 1
    assert "Återkoppling till personalen" in text
    assert "Hulta · 1 sep–30 nov 2026" in text
    assert "Händelser i perioden 128" in text and "Varav rapporterade av er 97" in text
    assert "Klotter 27 Samlingar av ungdomar 21 Vandalisering 19" in text
    assert "Hulta torg 31 Hultaskolan 18" in text
    assert "Väktare kvällstid vid Hulta torg (Bostäder i Borås" in text
    assert "Tack för era rapporter!" in text
    assert "Sida 1 av 1" in text and "Polisens uppgifter redovisas sammanställda" in text


def test_many_measures_still_fit_on_one_page(tmp_path):
    measure = samples.MEASURES[0]
    measures = tuple(replace(measure, title=f"Åtgärd nummer {i}") for i in range(12))
    pages, text = _write(tmp_path, samples.hulta_autumn(measures=measures))

    assert pages == 1
    assert "Åtgärd nummer 3" in text and "… och 8 åtgärder till." in text


def test_a_period_without_reports_still_thanks_the_staff(tmp_path):
    pages, text = _write(tmp_path, samples.empty_summary())

    assert pages == 1
    assert "Inga händelser rapporterades i Norrby under 1 sep–30 nov 2026." in text
    assert "Inga pågående åtgärder registrerade." in text
    assert "Tack för era rapporter!" in text
