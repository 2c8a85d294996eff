"""The entry form, driven with the keyboard and mouse in the real main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication

from est_desktop.domain.incident import Incident
from est_desktop.domain.privacy import PRIVACY_HINT, FindingKind, privacy_findings
from est_desktop.store.errors import StoreWriteError
from est_desktop.store.incident_filters import IncidentFilter
from est_desktop.ui.main_window import MainWindow
from tests.ui.helpers import button, pick, type_into

PERSONNUMMER = "811218-9876"  # a valid date and Luhn check digit


def stored(window: MainWindow) -> int:
    return window.list_panel.model.count


def problem(window: MainWindow, field: str) -> str:
    """The message shown next to `field`, or "" when none is shown."""
    label = window.form._problem_labels[field]
    return label.text() if label.isVisible() else ""


def fill_valid(qtbot, window: MainWindow, description: str = "Klotter på gaveln") -> None:
    form = window.form
    pick(qtbot, form._category, "klotter")
    pick(qtbot, form._place, "Hulta torg")
    type_into(qtbot, form._description, description)


def save(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(button(window.form, "Spara"), Qt.MouseButton.LeftButton)


def test_typing_an_incident_and_pressing_ctrl_s_records_it_and_shows_it_first(qtbot, window):
    form, panel = window.form, window.list_panel
    pick(qtbot, form._category, "klotter")
    assert form._category.text() == "Klotter (Skadegörelse)"
    pick(qtbot, form._place, "Hulta torg")
    assert (form._lat.text(), form._lon.text()) == ("57.729000", "12.979000")
    assert form.findChild(type(form._title), "districtLabel").text() == "Hulta"
    type_into(qtbot, form._description, "Nytt klotter på gaveln mot parkeringen")

    with qtbot.waitSignal(form.recorded) as saved:
        qtbot.keyClick(form._description, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    incident: Incident = saved.args[0]
    assert (incident.category, incident.place_name, incident.district) == (
        "klotter",
        "Hulta torg",
        "hulta",
    )
    assert incident.description == "Nytt klotter på gaveln mot parkeringen"
    model = panel.model
    assert model.rowCount() == 1
    assert model.incident_id(0) == str(incident.id)
    assert model.index(0, 1).data() == "Klotter"
    assert model.index(0, 3).data() == "Hulta torg"
    assert panel.count_label.text() == "1 händelse visas"
    # The form is ready for the next incident and keeps the category just used.
    assert form._category.text() == "Klotter (Skadegörelse)"
    assert form._category.value == "klotter"
    assert form._place.text() == form._lat.text() == form._lon.text() == ""
    assert form._description.toPlainText() == ""
    # The new incident is selected and shown in the detail view.
    assert panel.selected_id() == str(incident.id)
    assert "Nytt klotter på gaveln mot parkeringen" in panel.detail.text
    assert "Hulta torg" in panel.detail.text


def test_clicking_spara_records_the_incident(qtbot, window):
    fill_valid(qtbot, window)
    with qtbot.waitSignal(window.form.recorded):
        save(qtbot, window)
    assert stored(window) == 1


def test_saving_an_empty_form_says_what_is_missing_and_saves_nothing(qtbot, window):
    with qtbot.assertNotEmitted(window.form.recorded):
        save(qtbot, window)

    assert problem(window, "category") == "Välj en kategori."
    assert problem(window, "lat").startswith("Ange plats: ")
    assert stored(window) == 0
    assert window.list_panel.count_label.text() == "0 händelser visas"


def test_a_latitude_that_is_no_number_says_so(qtbot, window):
    fill_valid(qtbot, window)
    type_into(qtbot, window.form._lat, "abc")
    with qtbot.assertNotEmitted(window.form.recorded):
        save(qtbot, window)
    assert problem(window, "lat") == "Ange ett tal."
    assert stored(window) == 0


def test_coordinates_outside_boras_are_refused(qtbot, window):
    fill_valid(qtbot, window)
    type_into(qtbot, window.form._lat, "58.5")
    with qtbot.assertNotEmitted(window.form.recorded):
        save(qtbot, window)
    assert problem(window, "lat").startswith("Latituden ligger utanför Borås kommun")
    assert stored(window) == 0


def test_a_time_in_the_future_is_refused(qtbot, window):
    fill_valid(qtbot, window)
    window.form._when.edit.setDateTime(QDateTime.currentDateTime().addDays(1))
    with qtbot.assertNotEmitted(window.form.recorded):
        save(qtbot, window)
    assert problem(window, "occurred_at").startswith("Tiden ligger i framtiden")
    assert stored(window) == 0


def test_a_description_over_2000_characters_is_refused(qtbot, window):
    fill_valid(qtbot, window)
    window.form._description.setPlainText("Klotter. " * 230)  # as if pasted: 2,070 characters
    with qtbot.assertNotEmitted(window.form.recorded):
        save(qtbot, window)
    assert problem(window, "description").startswith("Högst 2000 tecken")
    assert stored(window) == 0


def test_every_problem_is_shown_at_once(qtbot, window):
    type_into(qtbot, window.form._lat, "abc")
    window.form._description.setPlainText("x" * 2001)
    save(qtbot, window)
    assert problem(window, "category") == "Välj en kategori."
    assert problem(window, "lat") == "Ange ett tal."
    assert problem(window, "description").startswith("Högst 2000 tecken")


def test_coordinates_typed_with_a_decimal_comma_are_accepted(qtbot, window):
    form = window.form
    pick(qtbot, form._category, "klotter")
    type_into(qtbot, form._lat, "57,7402")
    type_into(qtbot, form._lon, "12,9712")
    assert (form._lat.text(), form._lon.text()) == ("57,7402", "12,9712")

    with qtbot.waitSignal(form.recorded) as saved:
        save(qtbot, window)

    assert (saved.args[0].lat, saved.args[0].lon) == (57.7402, 12.9712)
    assert saved.args[0].district == "hassleholmen"


@pytest.mark.parametrize("pasted", ["57.7402, 12.9712", "57,7402 12,9712", "57,7402; 12,9712"])
def test_pasting_both_coordinates_into_the_latitude_fills_both_fields(qtbot, window, pasted):
    form = window.form
    QApplication.clipboard().setText(pasted)
    form._lat.setFocus()
    qtbot.keyClick(form._lat, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    assert form._lat.text().replace(",", ".") == "57.7402"
    assert form._lon.text().replace(",", ".") == "12.9712"


def test_a_personnummer_in_the_description_warns_and_is_not_saved(qtbot, window):
    [finding] = privacy_findings(f"Bil med {PERSONNUMMER} i rutan")
    assert finding.kind == FindingKind.PERSONAL_IDENTITY_NUMBER  # the test's own premise
    form = window.form
    fill_valid(qtbot, window, f"Lapp med {PERSONNUMMER} på dörren")

    with qtbot.assertNotEmitted(form.recorded):
        save(qtbot, window)

    assert form._privacy_box.isVisible()
    assert PRIVACY_HINT in form._privacy_box.text()
    assert PERSONNUMMER in form._privacy_box.text()
    assert stored(window) == 0


def test_removing_the_personnummer_lets_the_incident_be_saved(qtbot, window):
    form = window.form
    fill_valid(qtbot, window, f"Lapp med {PERSONNUMMER} på dörren")
    save(qtbot, window)
    assert form._privacy_box.isVisible()

    type_into(qtbot, form._description, "Lapp på dörren")
    assert not form._privacy_box.isVisible()  # the warning goes as soon as the text is clean
    with qtbot.waitSignal(form.recorded) as saved:
        save(qtbot, window)
    assert saved.args[0].description == "Lapp på dörren"


def test_spara_anda_saves_the_description_as_written(qtbot, window):
    form = window.form
    fill_valid(qtbot, window, f"Lapp med {PERSONNUMMER} på dörren")
    save(qtbot, window)

    with qtbot.waitSignal(form.recorded, timeout=1000) as saved:
        qtbot.mouseClick(button(form, "Spara ändå"), Qt.MouseButton.LeftButton)

    assert saved.args[0].description == f"Lapp med {PERSONNUMMER} på dörren"
    assert stored(window) == 1


def test_a_failed_save_shows_why_and_keeps_every_value_typed(qtbot, window, monkeypatch):
    message = "Inget sparades. Disken är full. Frigör utrymme och spara igen."

    def full_disk(draft):
        raise StoreWriteError(message)

    form = window.form
    monkeypatch.setattr(form._incidents, "record", full_disk)
    fill_valid(qtbot, window, "Klotter på gaveln")
    form._police.setChecked(True)

    with qtbot.assertNotEmitted(form.recorded):
        save(qtbot, window)

    assert form._form_error.isVisible()
    assert form._form_error.text() == message
    assert form._category.value == "klotter"
    assert form._place.text() == "Hulta torg"
    assert (form._lat.text(), form._lon.text()) == ("57.729000", "12.979000")
    assert form._description.toPlainText() == "Klotter på gaveln"
    assert form._police.isChecked()
    assert stored(window) == 0

    monkeypatch.undo()  # the disk has room again: the same values save
    with qtbot.waitSignal(form.recorded):
        save(qtbot, window)
    assert not form._form_error.isVisible()
    assert window.list_panel.model.count == 1


def test_a_recorded_incident_is_stored_as_shown(qtbot, window, store):
    fill_valid(qtbot, window)
    with qtbot.waitSignal(window.form.recorded) as saved:
        save(qtbot, window)
    incident = window.form._incidents.get(saved.args[0].id)
    assert incident == saved.args[0]
    assert window.form._incidents.incidents.count(IncidentFilter(text="gaveln")) == 1


@pytest.mark.parametrize(
    ("typed", "other"), [("Sjöbo torg", "Coop Sjöbo torg"), ("Hässleholmens centrum", None)]
)
def test_typing_a_places_full_name_and_enter_picks_that_place(qtbot, window, typed, other):
    form = window.form
    pick(qtbot, form._place, typed)
    assert form._place.value.name == typed
    assert form._place.text() == typed
    if other is not None:  # a longer name containing the typed one is still offered
        assert other in [shown for shown, _ in form._choices.named_places(typed)]


def test_places_in_the_last_used_district_are_offered_first(window, prefs):
    prefs.last_district = "hulta"
    offered = [shown for shown, _ in window.form._choices.named_places("torg")]
    assert offered[0] == "Hulta torg"  # before "Coop Sjöbo torg", which sorts first by name


def test_a_confirmed_description_warns_again_for_the_next_incident(qtbot, window):
    form = window.form
    fill_valid(qtbot, window, f"Lapp med {PERSONNUMMER}")
    save(qtbot, window)
    with qtbot.waitSignal(form.recorded):
        qtbot.mouseClick(button(form, "Spara ändå"), Qt.MouseButton.LeftButton)

    fill_valid(qtbot, window, f"Lapp med {PERSONNUMMER}")
    with qtbot.assertNotEmitted(form.recorded):
        save(qtbot, window)
    assert form._privacy_box.isVisible()
