"""Police data into the store: choose a file, map its columns if need be, look at the preview,
then import it all or nothing on a pool thread, with progress and Cancel.

Nothing is written before "Importera": reading and the preview only read the store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.importers.columns import (
    ColumnMapping,
    column_label,
    missing_columns,
    recognise_columns,
)
from est_desktop.importers.errors import ImportFormatError, MissingColumnsError
from est_desktop.importers.police_import import (
    ImportCancelledError,
    ImportPreview,
    ImportResult,
    commit,
)
from est_desktop.store.database import Store
from est_desktop.ui.import_mapping import ColumnMappingPage, remember_mapping, remembered_mapping
from est_desktop.ui.import_preview import ImportPreviewPage, read_and_preview
from est_desktop.ui.settings_dialog import ERROR_STYLE
from est_desktop.ui.tasks import Progress, Task, TrackedTask


class DistrictLookupLike(Protocol):
    def district_at(self, lat: float, lon: float) -> str | None: ...


class PreferencesLike(Protocol):
    settings: QSettings


class ImportDialog(QDialog):
    """Imports one police file. The UI never waits: reading, preview and commit run on the
    pool; a read error or a cancelled import is shown in the dialog."""

    imported = Signal(int)  # how many new records the import added
    previewed = Signal(object)  # the ImportPreview, once the file has been read

    def __init__(
        self,
        store: Store,
        actor: Actor,
        taxonomy: Taxonomy,
        district_lookup: DistrictLookupLike,
        preferences: PreferencesLike,
        parent: QWidget | None = None,
        path: Path | str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importera polisdata"))
        self._store, self._actor, self._taxonomy = store, actor, taxonomy
        self._district_lookup = district_lookup
        self._settings = preferences.settings
        self._path: Path | None = None
        self._mapping: ColumnMapping | None = None
        self._headers: tuple[str, ...] = ()
        self._preview: ImportPreview | None = None
        self._task: Task | None = None  # reading, or committing (a TrackedTask)
        self._committing = False
        self._build_layout()
        if path is not None:
            self.open_file(Path(path))

    def _build_layout(self) -> None:
        self.file_label = QLabel(self.tr("Ingen fil vald."))
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Välj &fil…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)

        self.status = QLabel(
            self.tr("Välj en brottsexport (CSV) eller en sparad händelselista (JSON) från polisen.")
        )
        self.status.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(False)

        self.mapping_page, self.preview_page = ColumnMappingPage(), ImportPreviewPage()
        self.pages = QStackedWidget()
        self.pages.addWidget(QWidget())  # nothing read yet
        self.pages.addWidget(self.mapping_page)
        self.pages.addWidget(self.preview_page)
        # the pages' controls under the dialog's own names, as tests and callers know them
        self.column_boxes = self.mapping_page.column_boxes
        self.apply_mapping_button = self.mapping_page.apply_button
        self.apply_mapping_button.clicked.connect(self._on_apply_mapping_button_clicked)
        self.summary, self.rejections = self.preview_page.summary, self.preview_page.rejections

        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.import_button = QPushButton(self.tr("&Importera"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.progress_bar)
        layout.addLayout(buttons)
        self.choose_button.setDefault(True)
        self.resize(620, 520)

    # -- reading ----------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for a file and read it; nothing happens if the user cancels."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Välj fil från polisen"),
            str(self._path.parent) if self._path else "",
            self.tr("Polisdata (*.csv *.txt *.json);;Alla filer (*)"),
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        """Read `path` on the pool and show its preview (or the column-mapping step)."""
        if self._task is not None:  # one read or import at a time: no stale result shown
            return
        self._path, self._mapping, self._preview, self._headers = path, None, None, ()
        self.file_label.setText(str(path))
        self._read()

    def _read(self) -> None:
        store, taxonomy, path, mapping = self._store, self._taxonomy, self._path, self._mapping
        assert path is not None
        self._show_message("")
        self.status.setText(self.tr("Läser filen…"))
        self.import_button.setEnabled(False)
        self.apply_mapping_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.pages.setCurrentIndex(0)
        self._task = Task(lambda: read_and_preview(store, taxonomy, path, mapping))
        self._task.relay.succeeded.connect(self._on_read_succeeded)
        self._task.relay.failed.connect(self._on_read_failed)
        self._task.start()

    def _on_read_succeeded(self, planned: ImportPreview) -> None:
        self._task = None
        self.choose_button.setEnabled(True)
        if self._mapping is not None and self._headers:
            remember_mapping(self._settings, self._headers, self._mapping)
        self._preview = planned
        self.preview_page.show_preview(planned)
        self.pages.setCurrentIndex(2)
        writes = len(planned.new) + len(planned.updates)
        self.status.setText(
            self.tr("Så här blir importen. Inget har sparats ännu.")
            if writes
            else self.tr("Det finns inget nytt att importera i filen.")
        )
        self.import_button.setEnabled(bool(writes))
        if writes:
            self.import_button.setDefault(True)
            self.import_button.setFocus()
        self.previewed.emit(planned)

    def _on_read_failed(self, error: Exception) -> None:
        self._task = None
        self.choose_button.setEnabled(True)
        if isinstance(error, MissingColumnsError):
            self._ask_for_columns(error.headers)
            return
        self.status.setText("")
        if isinstance(error, ImportFormatError):
            text = error.message
        elif isinstance(error, OSError):
            text = self.tr("Filen kan inte läsas: %1").replace("%1", error.strerror or str(error))
        else:  # e.g. a StoreError: say what it was, never crash
            text = self.tr("Filen kunde inte läsas in: %1").replace(
                "%1", getattr(error, "message", "") or str(error)
            )
        self._show_message(text)
        self.choose_button.setFocus()

    # -- column mapping ---------------------------------------------------------------------

    def _ask_for_columns(self, headers: tuple[str, ...]) -> None:
        """Use the mapping remembered for this layout if it still fits; else ask."""
        tried = self._mapping is not None
        self._headers = tuple(headers)
        remembered = remembered_mapping(self._settings, self._headers)
        if remembered is not None and not tried and not missing_columns(remembered, headers):
            self._mapping = remembered
            self._read()
            return
        suggested = remembered or self._mapping or recognise_columns(headers)
        self.mapping_page.offer(headers, suggested)
        self.status.setText(self.tr("Kolumnerna i filen känns inte igen."))
        self.pages.setCurrentIndex(1)
        self.apply_mapping_button.setEnabled(True)
        self.apply_mapping_button.setDefault(True)
        self.column_boxes["case_number"].setFocus()

    def _on_apply_mapping_button_clicked(self) -> None:
        mapping = self.mapping_page.chosen_mapping()
        if missing := missing_columns(mapping, self._headers):
            names = ", ".join(column_label(name) for name in missing)
            self._show_message(self.tr("Välj en kolumn för: %1.").replace("%1", names))
            return
        self._mapping = mapping
        self._read()

    # -- committing -------------------------------------------------------------------------

    def _on_import_button_clicked(self) -> None:
        planned = self._preview
        if planned is None or self._task is not None:
            return
        store, actor = self._store, self._actor
        district_of = self._district_lookup.district_at

        def work(progress: Progress) -> ImportResult:  # on a pool thread: values only
            return commit(
                store,
                planned,
                actor,
                progress=progress.advance,
                cancelled=progress.cancel_event,
                district_of=district_of,
            )

        self._committing = True
        self._show_message("")
        self.status.setText(self.tr("Importerar…"))
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.progress_bar.setRange(0, max(len(planned.new) + len(planned.updates), 1))
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self.cancel_button.setFocus()
        self._task = TrackedTask(work)
        self._task.relay.progressed.connect(self._on_progress_advanced)
        self._task.relay.succeeded.connect(self._on_commit_succeeded)
        self._task.relay.failed.connect(self._on_commit_failed)
        self._task.start()

    def _on_progress_advanced(self, value: tuple[int, int]) -> None:
        done, total = value
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)

    def _on_commit_succeeded(self, result: ImportResult) -> None:
        self._end_commit()
        self._preview = None
        text = (
            self.tr("1 händelse importerad.")
            if result.added == 1
            else self.tr("%1 händelser importerade.").replace("%1", str(result.added))
        )
        if result.updated:
            text += " " + self.tr("%1 uppdaterade.").replace("%1", str(result.updated))
        self.status.setText(text)
        self.cancel_button.setText(self.tr("Stäng"))
        self.cancel_button.setFocus()
        self.imported.emit(result.added)

    def _on_commit_failed(self, error: Exception) -> None:
        self._end_commit()
        if isinstance(error, ImportCancelledError):
            self.status.setText(self.tr("Importen avbröts; inget sparades."))
        else:
            self.status.setText("")
            self._show_message(
                self.tr("Importen misslyckades; inget sparades. %1").replace(
                    "%1", getattr(error, "message", "") or str(error)
                )
            )
        self.import_button.setEnabled(True)  # the preview still holds: nothing was written
        self.import_button.setFocus()

    def _end_commit(self) -> None:
        self._task = None
        self._committing = False
        self.progress_bar.setVisible(False)
        self.choose_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Avbryt"))

    def reject(self) -> None:
        """Avbryt (the button, Esc or the close box) while importing stops the import and
        rolls it back; the dialog stays to say so, and to outlive the task."""
        if not self._committing:
            super().reject()
            return
        if isinstance(self._task, TrackedTask):
            self._task.cancel()
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Avbryter…"))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
