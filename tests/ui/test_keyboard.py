"""The window without a mouse: mnemonics on every menu entry, Tab through the entry form in
reading order, Enter saves, Escape drops an edit (and only an edit)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from est_desktop.ui.main_window import MainWindow
from tests.ui.helpers import pick, type_into


def focused():
    return QApplication.focusWidget()


def active(qtbot, window: MainWindow) -> MainWindow:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def mnemonic(text: str) -> str:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else ""


def test_every_menu_entry_has_a_mnemonic_of_its_own(make_window):
    window = make_window(with_analysis=True)

    def check(menu: QMenu, where: str) -> None:
        actions = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        keys = [mnemonic(a.text()) for a in actions]
        assert all(keys), (
            f"{where}: no & in {[a.text() for a in actions if not mnemonic(a.text())]}"
        )
        assert len(set(keys)) == len(keys), f"{where}: the same Alt letter twice: {keys}"
        for action in actions:
            if action.menu() is not None:
                check(action.menu(), f"{where} › {action.text()}")

    check(window.menuBar(), "menu bar")  # a QMenuBar lists its menus as actions too


def test_tab_goes_through_the_entry_form_in_reading_order(qtbot, window):
    form = active(qtbot, window).form
    assert focused() is form._category  # the window opens ready for the first incident
    expected = [form._place, form._lat, form._lon, form._location_precision, form._description]
    expected += [form._police, form._cancel_button, form._save_button]

    reached = []
    for _ in expected:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        reached.append(focused())

    assert reached == expected
    form._category.setFocus()
    qtbot.keyClick(form._category, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is form._when._precision  # the time field comes first, above


def test_an_incident_is_recorded_by_keyboard_alone_and_enter_saves(qtbot, window):
    form = active(qtbot, window).form
    pick(qtbot, form._category, "klotter")  # type, Enter takes the first entry offered
    qtbot.keyClick(focused(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &Plats
    assert focused() is form._place
    pick(qtbot, form._place, "Hulta torg")
    qtbot.keyClick(focused(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # &Beskrivning
    assert focused() is form._description
    qtbot.keyClicks(form._description, "Klotter pa gaveln")
    qtbot.keyClick(form._description, Qt.Key.Key_Tab)
    assert focused() is form._police
    qtbot.keyClick(form._police, Qt.Key.Key_Space)

    with qtbot.waitSignal(form.recorded) as saved:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    incident = saved.args[0]
    assert (incident.category, incident.place_name) == ("klotter", "Hulta torg")
    assert incident.description == "Klotter pa gaveln" and incident.police_notified
    assert focused() is form._category  # ready for the next one
    assert window.list_panel.model.count == 1


def test_enter_in_a_field_with_a_problem_saves_nothing_and_says_why(qtbot, window):
    form = active(qtbot, window).form
    type_into(qtbot, form._category, "")
    form._category.setFocus()

    qtbot.keyClick(form._category, Qt.Key.Key_Return)

    assert window.list_panel.model.count == 0
    assert form._problem_labels["category"].isVisible()


def test_escape_drops_an_edit_and_keeps_the_stored_incident(qtbot, window, app_service):
    from tests.store.records import draft

    recorded = app_service.record(draft(description="Som det var"))
    form = active(qtbot, window).form
    form.start_edit(recorded)
    type_into(qtbot, form._description, "Ändrat men inte sparat")

    with qtbot.waitSignal(form.edit_cancelled):
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    assert form.editing is None and form._description.toPlainText() == ""
    assert app_service.get(recorded.id).description == "Som det var"


def test_escape_keeps_what_was_typed_for_a_new_incident(qtbot, window):
    form = active(qtbot, window).form
    type_into(qtbot, form._description, "Halvskrivet")

    qtbot.keyClick(form._description, Qt.Key.Key_Escape)

    assert form._description.toPlainText() == "Halvskrivet"
