"""The first start: who records (name, organisation) and where to sync, or work locally for now.

Asked once, before the main window opens, so the window starts with the entry form ready and
sync (when a server was given) asks for the password as usual. Everything can be skipped and
changed later in Arkiv › Inställningar.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from est_desktop.ui.form_text import buddy_label
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.settings_checks import ERROR_STYLE, WARNING_STYLE, server_url_problem
from est_desktop.ui.settings_dialog import organisation_combo
from est_desktop.ui.settings_server_tab import message_label


def needs_first_run(preferences: Preferences, *, demo: bool) -> bool:
    """Whether to ask the first-run questions now.

    Not once answered or skipped, nor when a server is already set (IT may preconfigure it,
    and signing in gives the name and organisation). The demo store asks only when nothing is
    set, and leaves the question for the real store's first start.
    """
    if preferences.first_run_done or preferences.server_url:
        return False
    return not demo or not preferences.organisation


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class WhoPage(QWizardPage):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Välkommen till EST Desktop"))
        self.setSubTitle(
            self.tr("Två frågor innan du börjar. Allt går att ändra senare under Inställningar.")
        )
        self.name = QLineEdit(preferences.user_name)
        self.name.setToolTip(self.tr("Står som den som registrerat händelserna du sparar."))
        self.organisation = organisation_combo(preferences.organisation)
        self.unit = QLineEdit(preferences.unit)
        self.unit.setPlaceholderText(self.tr("t.ex. Områdesteam Hulta"))
        self.name.textChanged.connect(self.completeChanged)
        self.organisation.currentIndexChanged.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _intro(
                self.tr(
                    "EST Desktop är verktyget för att registrera otrygghetsskapande händelser "
                    "i Hässleholmen, Hulta och Norrby och följa upp dem tillsammans."
                )
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(self.tr("&Namn"), self.name), self.name)
        form.addRow(buddy_label(self.tr("&Organisation"), self.organisation), self.organisation)
        form.addRow(buddy_label(self.tr("&Enhet (valfritt)"), self.unit), self.unit)
        layout.addLayout(form)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) and bool(self.organisation.currentData())


class ServerPage(QWizardPage):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Dela med de andra"))
        self.setSubTitle(
            self.tr(
                "Med en server ser Borås Stad, Polisen och Bostäder i Borås samma händelser. "
                "Utan server sparas allt bara på den här datorn."
            )
        )
        self.work_locally = QRadioButton(self.tr("Arbeta &lokalt tills vidare"))
        self.use_server = QRadioButton(self.tr("S&ynka med en server"))
        self.server_url = QLineEdit(preferences.server_url)
        self.server_url.setPlaceholderText("https://est.boras.se")
        self.url_message = message_label()
        (self.use_server if preferences.server_url else self.work_locally).setChecked(True)
        for changed in (self.use_server.toggled, self.server_url.textChanged):
            changed.connect(self._on_choice_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.work_locally)
        layout.addWidget(self.use_server)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(self.tr("Server&adress"), self.server_url), self.server_url)
        form.addRow("", self.url_message)
        layout.addLayout(form)
        layout.addWidget(
            _intro(
                self.tr(
                    "Adressen får du av den som administrerar EST hos er. Lösenordet frågas "
                    "efter första gången programmet synkar."
                )
            )
        )
        self._on_choice_changed()

    def chosen_url(self) -> str:
        """The server address chosen; "" = work locally."""
        if not self.use_server.isChecked():
            return ""
        return self.server_url.text().strip().rstrip("/")

    def isComplete(self) -> bool:
        if not self.use_server.isChecked():
            return True
        ok, _text = server_url_problem(self.server_url.text())
        return ok and bool(self.server_url.text().strip())

    def _on_choice_changed(self, *_: object) -> None:
        server = self.use_server.isChecked()
        self.server_url.setEnabled(server)
        ok, text = server_url_problem(self.server_url.text())
        shown = server and bool(self.server_url.text().strip()) and bool(text)
        self.url_message.setText(text if shown else "")
        self.url_message.setStyleSheet(WARNING_STYLE if ok else ERROR_STYLE)
        self.url_message.setVisible(shown)
        if server:
            self.server_url.setFocus()
        self.completeChanged.emit()


class FirstRunWizard(QWizard):
    """The questions of the first start. Answered or skipped, they are not asked again (for
    the demo store: left for the real one)."""

    def __init__(
        self, preferences: Preferences, *, demo: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._demo = demo
        self.setWindowTitle(self.tr("Kom igång med EST Desktop"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.NoCancelButton)
        self.setOption(QWizard.WizardOption.HaveCustomButton1)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("&Hoppa över"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Nä&sta >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Tillbaka"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Börja registrera"))
        self.customButtonClicked.connect(self._on_custom_button_clicked)
        self.who = WhoPage(preferences)
        self.addPage(self.who)
        self.server: ServerPage | None = None
        if not demo:  # demo data never syncs: nothing to ask
            self.server = ServerPage(preferences)
            self.addPage(self.server)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

    def skip(self) -> None:
        """Leave everything as it is; the settings remain for later."""
        self.reject()

    def accept(self) -> None:
        prefs = self._preferences
        prefs.user_name = self.who.name.text().strip()
        prefs.organisation = self.who.organisation.currentData()
        prefs.unit = self.who.unit.text().strip()
        if self.server is not None:
            prefs.server_url = self.server.chosen_url()
        super().accept()

    def done(self, result: int) -> None:
        if not self._demo:
            self._preferences.first_run_done = True  # skipped or answered: asked once
        super().done(result)

    def _on_custom_button_clicked(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.skip()
