"""The settings' general page: the language, the data folder and the backup folder.

The language and the data folder are read at start, so they take effect after a restart. A
new data folder never moves or deletes anything: the stores can be copied there at the next
start (est_desktop.data_folder), and the old folder keeps its files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from est_desktop.data_files import default_data_dir
from est_desktop.data_folder import has_store
from est_desktop.store.backup import default_folder
from est_desktop.ui.form_text import buddy_label
from est_desktop.ui.languages import available_languages
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.settings_checks import ERROR_STYLE, WARNING_STYLE, folder_problem
from est_desktop.ui.settings_server_tab import message_label


def data_folder_in_use(preferences: Preferences) -> Path:
    """The folder the stores are read from when no --data-dir is given."""
    return Path(preferences.data_folder) if preferences.data_folder else default_data_dir()


class GeneralSettingsTab(QWidget):
    """`data_dir` is the folder of the store in use: its backups folder is the default one."""

    def __init__(
        self, preferences: Preferences, data_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Where the next start looks, and where the stores are now (a copy may be pending).
        self._configured = data_folder_in_use(preferences)
        copy_from = preferences.data_copy_from
        self._stores_in = Path(copy_from) if copy_from else self._configured
        self._offer_copy = False
        self._language_was = preferences.language
        self.language = QComboBox()
        for language in available_languages():  # each named in itself
            self.language.addItem(language.name, language.code)
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language)))
        self.language.currentIndexChanged.connect(self.update_messages)
        self.language_message = message_label(WARNING_STYLE)

        self.data_folder = QLineEdit(preferences.data_folder)
        self.data_folder.setPlaceholderText(str(default_data_dir()))
        self.data_folder.setToolTip(self.tr("Tomt = standardmappen för EST Desktop."))
        self.data_folder.textChanged.connect(self.update_messages)
        choose_data = QPushButton(self.tr("&Välj…"))
        choose_data.clicked.connect(lambda: self._choose_folder(self.data_folder))
        self.data_message = message_label()
        self.copy_store = QCheckBox(self.tr("&Kopiera datalagret dit vid nästa start"))
        self.copy_store.setChecked(True)

        self.backup_folder = QLineEdit(preferences.backup_folder)
        self.backup_folder.setPlaceholderText(str(default_folder(data_dir)))
        self.backup_folder.setToolTip(
            self.tr("Gärna en annan disk eller en nätverksmapp: då skyddar kopian mot diskfel.")
        )
        self.backup_folder.textChanged.connect(self.update_messages)
        choose_backup = QPushButton(self.tr("Väl&j…"))
        choose_backup.clicked.connect(lambda: self._choose_folder(self.backup_folder))
        self.backup_message = message_label(ERROR_STYLE)

        data_row = QHBoxLayout()
        data_row.addWidget(self.data_folder, 1)
        data_row.addWidget(choose_data)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_folder, 1)
        backup_row.addWidget(choose_backup)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("S&pråk"), self.language)
        form.addRow("", self.language_message)
        form.addRow(buddy_label(self.tr("&Datamapp"), self.data_folder), data_row)
        form.addRow("", self.data_message)
        form.addRow("", self.copy_store)
        form.addRow(
            buddy_label(self.tr("Mapp för säkerhets&kopior"), self.backup_folder), backup_row
        )
        form.addRow("", self.backup_message)
        self.update_messages()

    def chosen_data_dir(self) -> Path:
        text = self.data_folder.text().strip()
        return Path(text) if text else default_data_dir()

    def problems(self) -> list[str]:
        found = [folder_problem(self.data_folder.text()), folder_problem(self.backup_folder.text())]
        return [text for text in found if text]

    def save(self, prefs: Preferences) -> None:
        prefs.language = self.language.currentData()
        chosen = self.chosen_data_dir()
        prefs.data_folder = "" if chosen == default_data_dir() else str(chosen)
        copy = self._offer_copy and self.copy_store.isChecked()
        if self._moves():  # else a copy still pending stays so
            prefs.data_copy_from = str(self._stores_in) if copy else ""
        prefs.backup_folder = self.backup_folder.text().strip()

    def _moves(self) -> bool:
        return self.chosen_data_dir() != self._configured

    def update_messages(self, *_: object) -> None:
        changed_language = self.language.currentData() != self._language_was
        self.language_message.setText(self.tr("Gäller efter omstart.") if changed_language else "")
        self.language_message.setVisible(changed_language)
        self._update_data_message()
        self.backup_message.setText(folder_problem(self.backup_folder.text()))
        self.backup_message.setVisible(bool(self.backup_message.text()))

    def _update_data_message(self) -> None:
        problem = folder_problem(self.data_folder.text())
        offer_copy = False
        if problem:
            text, style = problem, ERROR_STYLE
        elif not self._moves():
            text, style = "", ""
        else:
            target, style = self.chosen_data_dir(), WARNING_STYLE
            kept = self.tr("Inget flyttas eller tas bort: det som finns i %1 ligger kvar där.")
            if has_store(target):
                text = self.tr("%2 har redan ett datalager. Det öppnas efter omstart.")
            elif has_store(self._stores_in):
                text = self.tr("Gäller efter omstart.")
                offer_copy = True
            else:
                text = self.tr("Gäller efter omstart: ett nytt datalager skapas i %2.")
            text = (text + " " + kept).replace("%1", str(self._stores_in))
            text = text.replace("%2", str(target))
        self.data_message.setText(text)
        self.data_message.setStyleSheet(style)
        self.data_message.setVisible(bool(text))
        self._offer_copy = offer_copy
        self.copy_store.setVisible(offer_copy)

    def _choose_folder(self, field: QLineEdit) -> None:
        start = field.text() or field.placeholderText()
        folder = QFileDialog.getExistingDirectory(self, self.tr("Välj mapp"), start)
        if folder:
            field.setText(str(Path(folder)))
