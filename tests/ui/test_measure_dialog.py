"""The measure dialog: a filled form is stored with its outbox entry; problems stop the save."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.drawn_area import DrawnArea
from est_desktop.domain.measure import MeasureDraft, MeasureStatus
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.database import Store
from est_desktop.store.measures import MeasureRepository
from est_desktop.ui.measure_dialog import MeasureDialog
from tests.conftest import NOW
from tests.store.records import outbox, raw_count
from tests.ui.fake_drawer import FakeDrawer
from tests.ui.helpers import type_into

ANALYST = Actor("eva", "boras_stad")


@pytest.fixture
def districts() -> DistrictLookup:
    return DistrictLookup.default()


@pytest.fixture
def measures(store: Store, taxonomy: Taxonomy, districts: DistrictLookup) -> MeasureRepository:
    codes = [district.code for district in districts.districts()]
    return MeasureRepository(store, taxonomy=taxonomy, district_codes=codes)


@pytest.fixture
def make_dialog(qtbot, measures: MeasureRepository, taxonomy: Taxonomy, districts):
    def make(measure=None) -> MeasureDialog:
        dialog = MeasureDialog(measures, taxonomy, districts, ANALYST, measure, clock=lambda: NOW)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def check(dialog: MeasureDialog, code: str) -> None:
    for row in range(dialog.categories_list.count()):
        item = dialog.categories_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == code:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"no category {code}")


def test_filling_in_and_pressing_enter_stores_the_measure_and_queues_it(
    qtbot, make_dialog, measures: MeasureRepository, store: Store
) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.title_edit, "Belysning vid gångtunneln")
    dialog.district_combo.setCurrentIndex(dialog.district_combo.findData("hulta"))
    type_into(qtbot, dialog.lat_edit, "57,7203")
    type_into(qtbot, dialog.lon_edit, "12,9690")
    type_into(qtbot, dialog.radius_edit, "120")
    type_into(qtbot, dialog.start_edit, "2026-12-01")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(MeasureStatus.ONGOING.value))
    organisations = dialog.organisation_combo
    organisations.setCurrentIndex(organisations.findData("Bostäder i Borås"))
    check(dialog, "klotter")

    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)

    measure = saved.args[0]
    assert measures.live() == [measure]
    draft = measure.draft
    assert (draft.title, draft.district, draft.lat, draft.lon, draft.radius_m) == (
        "Belysning vid gångtunneln",
        "hulta",
        57.7203,
        12.969,
        120.0,
    )
    assert (draft.start_date, draft.end_date, draft.status) == (
        date(2026, 12, 1),
        None,
        MeasureStatus.ONGOING,
    )
    assert (draft.responsible_organisation, draft.categories) == ("Bostäder i Borås", ("klotter",))
    [change] = outbox(store)
    assert (change.entity, change.record_id, change.base_revision) == (
        "measure",
        str(measure.id),
        None,
    )
    assert not dialog.isVisible()


def test_a_missing_title_is_shown_at_the_title_and_nothing_is_written(
    qtbot, make_dialog, store: Store
) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.start_edit, "2026-12-01")
    type_into(qtbot, dialog.lat_edit, "57,72x")

    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.problem_text("title") == "Ange en rubrik."
    assert dialog.problem_text("lat") != ""
    assert dialog.problem_text("start_date") == ""
    assert dialog.isVisible()
    assert raw_count(store.path, "measures") == 0
    assert raw_count(store.path, "outbox") == 0


def test_escape_cancels_without_writing(qtbot, make_dialog, store: Store) -> None:
    dialog = make_dialog()
    type_into(qtbot, dialog.title_edit, "Väktare")

    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)

    assert not dialog.isVisible()
    assert raw_count(store.path, "measures") == 0


def test_editing_prefills_the_measure_and_queues_only_the_change(
    qtbot, make_dialog, measures: MeasureRepository, store: Store
) -> None:
    existing = measures.record(
        MeasureDraft(
            title="Väktare",
            district="hulta",
            lat=57.7203,
            lon=12.969,
            start_date=date(2026, 12, 1),
            responsible_organisation="Polisen",
            categories=("klotter",),
        ),
        ANALYST,
        NOW,
    )
    dialog = make_dialog(existing)
    assert dialog.title_edit.text() == "Väktare"
    assert dialog.district_combo.currentData() == "hulta"
    assert dialog.start_edit.text() == "2026-12-01"
    assert dialog.organisation_combo.currentText() == "Polisen"
    assert dialog.draft() == (existing.draft, [])

    type_into(qtbot, dialog.follow_up_edit, "Färre anmälningar i december")
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert saved.args[0].draft.follow_up == "Färre anmälningar i december"
    _create, edit = outbox(store)
    assert (edit.record_id, edit.base_revision) == (str(existing.id), None)
    assert edit.fields == {"follow_up": "Färre anmälningar i december"}


def test_a_circle_drawn_on_the_map_fills_point_radius_and_district(
    qtbot, measures: MeasureRepository, taxonomy: Taxonomy, districts
) -> None:
    drawer = FakeDrawer()
    dialog = MeasureDialog(
        measures, taxonomy, districts, ANALYST, clock=lambda: NOW, drawing=drawer
    )
    qtbot.addWidget(dialog)
    dialog.area_field.draw_circle_action.trigger()
    assert drawer.started == [("circle", "measure", None)]
    lat, lon = districts.centroid("norrby")
    drawer.on_drawn(DrawnArea.circle(lat, lon, 180.4))

    assert (dialog.lat_edit.text(), dialog.radius_edit.text()) == (f"{lat:.6f}", "180")
    assert dialog.district_combo.currentData() == "norrby"
    assert dialog.area_field.summary.text().startswith("Cirkel med radien 180 m")
    type_into(qtbot, dialog.title_edit, "Trafikvärdar")
    type_into(qtbot, dialog.start_edit, "2026-12-01")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    draft = saved.args[0].draft
    assert (draft.lat, draft.lon, draft.radius_m, draft.area) == (lat, lon, 180.0, None)
    assert drawer.stopped >= 1, "the shape leaves the map with the form"


def test_a_polygon_whose_edges_cross_is_not_saved_and_says_why(
    qtbot, measures: MeasureRepository, taxonomy: Taxonomy, districts, store: Store
) -> None:
    drawer = FakeDrawer()
    dialog = MeasureDialog(
        measures, taxonomy, districts, ANALYST, clock=lambda: NOW, drawing=drawer
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.area_field.draw_polygon_action.trigger()
    bow_tie = ((57.72, 12.96), (57.73, 12.97), (57.72, 12.97), (57.73, 12.96))
    drawer.on_drawn(DrawnArea(corners=bow_tie))
    assert "korsar varandra" in dialog.problem_text("area")
    assert dialog.radius_edit.text() == ""
    type_into(qtbot, dialog.title_edit, "Belysning")
    type_into(qtbot, dialog.start_edit, "2026-12-01")

    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save_button.click()
    assert "korsar varandra" in dialog.problem_text("area")
    assert raw_count(store.path, "measures") == 0

    dialog.area_field.clear_button.click()
    assert dialog.area_field.polygon is None and dialog.problem_text("area") == ""
