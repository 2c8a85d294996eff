"""Veckans lägesbild read back from its PDF."""

from __future__ import annotations

from dataclasses import replace

from est_desktop.reports import weekly
from tests.reports import samples
from tests.reports.conftest import page_texts


def _write(tmp_path, picture=None) -> tuple[int, list[str]]:
    path = tmp_path / "weekly.pdf"
    pages = weekly.build(picture or samples.this_week(), samples.report_info()).write_pdf(path)
    return pages, page_texts(path)


def test_the_weekly_picture_fits_one_or_two_pages_with_footers(tmp_path):
    pages, texts = _write(tmp_path)

    assert 1 <= pages <= 2
    assert "Veckans lägesbild" in texts[0]
    assert "Hässleholmen, Hulta, Norrby · 19–25 nov 2026" in texts[0]
    assert all(f"Sida {n} av {pages}" in t for n, t in enumerate(texts, start=1))
    assert all("Polisens uppgifter redovisas sammanställda" in t for t in texts)


def test_each_district_is_set_against_the_four_weeks_before_in_honest_words(tmp_path):
    _, texts = _write(tmp_path)
    text = " ".join(texts)

    assert "Händelser senaste 7 dagarna 40" in text
    assert "22 okt–18 nov 2026" in text
    assert "Hulta 23 +109 % (23 mot i snitt 11,0), en tydlig ökning" in text
    assert "Hässleholmen 14 +56 % (14 mot i snitt 9,0) – skillnaden kan vara slumpen" in text
    assert "Samlingar av ungdomar (9), Klotter (7), Brand i soptunna (3)" in text


def test_new_hotspots_police_notifications_and_measures_are_listed(tmp_path):
    _, texts = _write(tmp_path)
    text = " ".join(texts)

    assert "Ruta vid Kastanjegatan 12 5" in text
    assert "2026-11-20 22:40 Brand i soptunna Hulta Hulta torg" in text
    assert "Väktare kvällstid vid Hulta torg" in text


def test_a_quiet_week_says_so_instead_of_showing_empty_tables(tmp_path):
    picture = replace(samples.this_week(), new_hotspots=(), notified=(), measures=())
    _, texts = _write(tmp_path, picture)
    text = " ".join(texts)

    assert "Inga nya platser med många händelser den här veckan." in text
    assert "Polisen underrättades inte om någon händelse den här veckan." in text
    assert "Inga pågående åtgärder registrerade." in text
