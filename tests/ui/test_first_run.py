"""The first start: asked once, skippable, completed by keyboard alone, and then the entry form
is ready for the first incident."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from est_desktop.ui.first_run import FirstRunWizard, needs_first_run
from est_desktop.ui.preferences import Preferences
from tests.ui.helpers import type_into


def open_wizard(qtbot, prefs: Preferences, *, demo: bool = False) -> FirstRunWizard:
    wizard = FirstRunWizard(prefs, demo=demo)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    return wizard


def press(qtbot, wizard: QWizard, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or wizard, key)


def test_a_fresh_install_asks_once_and_a_configured_one_never(prefs):
    assert needs_first_run(prefs, demo=False)
    prefs.server_url = "https://est.boras.se"  # set by IT: signing in tells who it is
    assert not needs_first_run(prefs, demo=False)
    prefs.server_url = ""
    prefs.first_run_done = True
    assert not needs_first_run(prefs, demo=False)


def test_the_demo_store_asks_only_when_nothing_is_set(prefs):
    assert needs_first_run(prefs, demo=True)
    prefs.organisation = "polisen"
    assert not needs_first_run(prefs, demo=True)
    assert needs_first_run(prefs, demo=False)  # the real store still asks about the server


def test_skipping_changes_nothing_and_is_remembered(qtbot, prefs):
    prefs.user_name = "anna"
    wizard = open_wizard(qtbot, prefs)
    type_into(qtbot, wizard.who.name, "någon annan")

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CustomButton1), Qt.MouseButton.LeftButton)

    assert not wizard.isVisible() and not wizard.result()
    assert (prefs.user_name, prefs.organisation, prefs.server_url) == ("anna", "", "")
    assert not needs_first_run(prefs, demo=False)


def test_escape_closes_the_wizard_like_skipping(qtbot, prefs):
    wizard = open_wizard(qtbot, prefs)
    press(qtbot, wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert prefs.first_run_done and prefs.organisation == ""


def test_completing_by_keyboard_keeps_the_answers_and_works_locally(qtbot, prefs):
    wizard = open_wizard(qtbot, prefs)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    type_into(qtbot, wizard.who.name, "karin.lund")
    assert not next_button.isEnabled()  # an organisation is needed

    qtbot.keyClick(wizard, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # &Organisation
    assert QApplication.focusWidget() is wizard.who.organisation
    qtbot.keyClicks(wizard.who.organisation, "Polis")
    assert wizard.who.organisation.currentData() == "polisen" and next_button.isEnabled()
    press(qtbot, wizard, Qt.Key.Key_Return)

    assert wizard.currentPage() is wizard.server
    assert wizard.server.work_locally.isChecked()
    press(qtbot, wizard, Qt.Key.Key_Return)

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert (prefs.user_name, prefs.organisation, prefs.server_url) == ("karin.lund", "polisen", "")
    assert prefs.first_run_done


@pytest.mark.parametrize(
    ("typed", "finishes"),
    [("ftp://est.boras.se", False), ("https://est.boras.se/", True), ("", False)],
)
def test_a_server_address_is_checked_before_finishing(qtbot, prefs, typed, finishes):
    prefs.user_name, prefs.organisation = "anna", "bostader"
    wizard = open_wizard(qtbot, prefs)
    wizard.next()
    page = wizard.server

    page.use_server.setChecked(True)
    type_into(qtbot, page.server_url, typed)

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled() == finishes
    if typed.startswith("ftp"):
        assert "https://" in page.url_message.text()
    if finishes:
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
        assert prefs.server_url == "https://est.boras.se"


def test_the_demo_store_asks_no_server_and_leaves_the_question_open(qtbot, prefs):
    wizard = open_wizard(qtbot, prefs, demo=True)
    type_into(qtbot, wizard.who.name, "test")
    wizard.who.organisation.setCurrentIndex(1)

    assert wizard.server is None
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    assert prefs.organisation == "boras_stad"
    assert needs_first_run(prefs, demo=False)


def test_after_the_wizard_the_entry_form_waits_for_the_first_incident(qtbot, prefs, make_window):
    wizard = open_wizard(qtbot, prefs)
    type_into(qtbot, wizard.who.name, "karin.lund")
    wizard.who.organisation.setCurrentIndex(2)
    wizard.next()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    window = make_window()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    assert window.user_label.text().startswith("karin.lund")
    assert QApplication.focusWidget() is window.form._category
