"""The printed summaries from the window: Arkiv › Skriv ut sammanfattning…"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtPdf import QPdfDocument

from est_desktop.domain.incident import LOCAL_TZ, IncidentDraft
from est_desktop.geo.district_lookup import DistrictLookup


def pdf_text(path) -> str:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    try:
        return " ".join(
            " ".join(document.getAllText(page).text().split())
            for page in range(document.pageCount())
        )
    finally:
        document.close()


def test_the_dialog_takes_the_filters_district_and_writes_the_assessment_into_the_pdf(
    qtbot, app_service, make_window, tmp_path
):
    lat, lon = DistrictLookup.default().centroid("norrby")
    yesterday = datetime.now(LOCAL_TZ) - timedelta(days=1)
    for hours in range(7):
        app_service.record(
            IncidentDraft(
                occurred_at=yesterday - timedelta(hours=hours),
                category="klotter",
                lat=lat,
                lon=lon,
            )
        )
    window = make_window()
    window.list_panel.filters.set_district("norrby")
    dialog = window.open_report_dialog()
    qtbot.addWidget(dialog)
    assert dialog.request().districts == ("norrby",)
    dialog._first.setDate(dialog._first.date().addDays(-40))
    dialog.assessment.setPlainText("Mer klotter vid skolan. Vi föreslår snabbare sanering.")
    path = dialog.save_pdf(tmp_path / "norrby.pdf")
    assert path is not None and path.exists()
    text = pdf_text(path)
    assert "Norrby" in text
    assert "Vi föreslår snabbare sanering" in text
    assert "Sparad:" in dialog.note.text()


def test_the_weekly_picture_needs_no_first_day(qtbot, make_window, tmp_path):
    window = make_window()
    dialog = window.open_report_dialog()
    qtbot.addWidget(dialog)
    weekly = next(b for b in dialog._kinds.buttons() if b.property("kind") == "weekly")
    weekly.setChecked(True)
    assert not dialog._first.isEnabled()
    path = dialog.save_pdf(tmp_path / "vecka.pdf")
    assert "Veckans lägesbild" in pdf_text(path)


def test_veckans_lagesbild_opens_the_print_preview_in_one_step(qtbot, make_window, monkeypatch):
    previewed = []
    monkeypatch.setattr(
        "est_desktop.ui.report_dialog.ReportDialog.preview",
        lambda self: previewed.append(self.request()),
    )
    window = make_window()
    window.preview_weekly_picture()
    [request] = previewed
    assert request.kind.value == "weekly"
    assert request.last == (datetime.now(LOCAL_TZ) - timedelta(days=1)).date()
