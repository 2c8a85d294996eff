"""Recording or editing a joint measure: what, where, when, by whom and against what.

The dialog only gathers a draft and shows problems; the repository checks, stores and queues.
Drawing the measure's area on the map comes later; an area drawn elsewhere is kept as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.measure import (
    MEASURE_FIELDS,
    Measure,
    MeasureDraft,
    MeasureProblem,
    MeasureStatus,
)
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.errors import StoreError
from est_desktop.ui.form_text import buddy_label, format_coordinate, parse_coordinate, problem_label

ORGANISATIONS = ("Borås Stad", "Bostäder i Borås", "Polisen")
STATUS_LABELS: dict[MeasureStatus, str] = {
    MeasureStatus.PLANNED: QT_TRANSLATE_NOOP("MeasureDialog", "Planerad"),
    MeasureStatus.ONGOING: QT_TRANSLATE_NOOP("MeasureDialog", "Pågår"),
    MeasureStatus.DONE: QT_TRANSLATE_NOOP("MeasureDialog", "Avslutad"),
}
_NOT_A_NUMBER = "Ange ett tal, t.ex. 57,72."
_BAD_DATE = "bad_date"


class MeasureWriter(Protocol):
    """What the dialog needs of `MeasureRepository`."""

    def check(self, draft: MeasureDraft) -> list[MeasureProblem]: ...
    def record(self, draft: MeasureDraft, actor: Actor, now: datetime) -> Measure: ...
    def edit(
        self, measure: Measure, draft: MeasureDraft, actor: Actor, now: datetime
    ) -> Measure: ...


class MeasureDialog(QDialog):
    """A new measure, or `measure` to edit. Enter saves, Escape cancels."""

    saved = Signal(object)  # the stored Measure

    def __init__(
        self,
        repository: MeasureWriter,
        taxonomy: Taxonomy,
        districts: DistrictLookup,
        actor: Actor,
        measure: Measure | None = None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self._taxonomy = taxonomy
        self._districts = districts
        self._actor = actor
        self._measure = measure
        self._clock = clock
        self.setWindowTitle(self.tr("Ny åtgärd") if measure is None else self.tr("Ändra åtgärd"))
        self._build_fields()
        self._build_layout()
        if measure is not None:
            self._fill(measure.draft)

    # -- building --

    def _build_fields(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.district_combo = QComboBox()
        self.district_combo.addItem(self.tr("(inget område)"), None)
        for district in self._districts.districts():
            self.district_combo.addItem(district.name, district.code)
        self.lat_edit = QLineEdit()
        self.lat_edit.setPlaceholderText(self.tr("t.ex. 57,7203"))
        self.lon_edit = QLineEdit()
        self.lon_edit.setPlaceholderText(self.tr("t.ex. 12,9690"))
        self.radius_edit = QLineEdit()
        self.radius_edit.setPlaceholderText(self.tr("meter (valfritt)"))
        self.start_edit = QLineEdit()
        self.start_edit.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.end_edit = QLineEdit()
        self.end_edit.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD (valfritt)"))
        self.status_combo = QComboBox()
        for status, label in STATUS_LABELS.items():
            self.status_combo.addItem(
                QCoreApplication.translate("MeasureDialog", label), status.value
            )
        self.organisation_combo = QComboBox()
        self.organisation_combo.setEditable(True)  # another organisation as free text
        self.organisation_combo.addItems(ORGANISATIONS)
        self.organisation_combo.setCurrentIndex(-1)
        self.categories_list = QListWidget()
        for category in self._taxonomy.categories(active_only=True):
            self._add_category(category.code)
        self.follow_up_edit = QPlainTextEdit()
        self.follow_up_edit.setTabChangesFocus(True)
        self._problems: dict[str, QLabel] = {name: problem_label() for name in MEASURE_FIELDS}
        self._widgets: dict[str, QWidget] = {}  # the widget of each field, to focus a problem
        self.general_problem = problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Spara"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Avbryt"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _build_layout(self) -> None:
        form = QFormLayout()
        point = QHBoxLayout()
        point.addWidget(self.lat_edit)
        point.addWidget(buddy_label(self.tr("L&ongitud"), self.lon_edit))
        point.addWidget(self.lon_edit)
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(buddy_label(self.tr("&Slutdatum"), self.end_edit))
        dates.addWidget(self.end_edit)
        rows: list[tuple[str, QWidget | QHBoxLayout, QWidget, tuple[str, ...]]] = [
            (self.tr("&Rubrik"), self.title_edit, self.title_edit, ("title",)),
            (
                self.tr("&Beskrivning"),
                self.description_edit,
                self.description_edit,
                ("description",),
            ),
            (self.tr("&Område"), self.district_combo, self.district_combo, ("district",)),
            (self.tr("&Latitud"), point, self.lat_edit, ("lat", "lon")),
            (self.tr("Ra&die"), self.radius_edit, self.radius_edit, ("radius_m", "area")),
            (self.tr("Star&tdatum"), dates, self.start_edit, ("start_date", "end_date")),
            (self.tr("Stat&us"), self.status_combo, self.status_combo, ("status",)),
            (
                self.tr("&Ansvarig organisation"),
                self.organisation_combo,
                self.organisation_combo,
                ("responsible_organisation",),
            ),
            (self.tr("&Kategorier"), self.categories_list, self.categories_list, ("categories",)),
            (self.tr("&Uppföljning"), self.follow_up_edit, self.follow_up_edit, ("follow_up",)),
        ]
        for text, field, buddy, problem_names in rows:
            form.addRow(buddy_label(text, buddy), field)
            for name in problem_names:
                form.addRow("", self._problems[name])
                self._widgets[name] = buddy
        self._widgets["lon"] = self.lon_edit
        self._widgets["end_date"] = self.end_edit
        note = QLabel(
            self.tr("Åtgärdens yta kan ritas på kartan senare; ange här en punkt och en radie.")
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.general_problem)
        layout.addWidget(self.buttons)

    def _add_category(self, code: str) -> QListWidgetItem:
        item = QListWidgetItem(self._taxonomy.label(code))
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.categories_list.addItem(item)
        return item

    def _fill(self, draft: MeasureDraft) -> None:
        self.title_edit.setText(draft.title)
        self.description_edit.setPlainText(draft.description)
        index = self.district_combo.findData(draft.district)
        if index < 0 and draft.district is not None:  # a code this installation does not know
            self.district_combo.addItem(draft.district, draft.district)
            index = self.district_combo.count() - 1
        self.district_combo.setCurrentIndex(max(index, 0))
        self.lat_edit.setText("" if draft.lat is None else format_coordinate(draft.lat))
        self.lon_edit.setText("" if draft.lon is None else format_coordinate(draft.lon))
        radius = draft.radius_m
        self.radius_edit.setText("" if radius is None else QLocale().toString(radius, "g", 10))
        self.start_edit.setText(draft.start_date.isoformat() if draft.start_date else "")
        self.end_edit.setText(draft.end_date.isoformat() if draft.end_date else "")
        self.status_combo.setCurrentIndex(self.status_combo.findData(draft.status.value))
        self.organisation_combo.setCurrentText(draft.responsible_organisation)
        chosen = set(draft.categories)
        for code in draft.categories:
            if not self._category_items(code):  # no longer offered, but still aimed at
                self._add_category(code)
        for row in range(self.categories_list.count()):
            item = self.categories_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.follow_up_edit.setPlainText(draft.follow_up)

    def _category_items(self, code: str) -> list[QListWidgetItem]:
        items = (self.categories_list.item(row) for row in range(self.categories_list.count()))
        return [item for item in items if item.data(Qt.ItemDataRole.UserRole) == code]

    # -- reading and saving --

    def draft(self) -> tuple[MeasureDraft, list[tuple[str, str]]]:
        """The draft the fields say, and per field that could not be read its message."""
        unreadable: list[tuple[str, str]] = []

        def number(name: str, edit: QLineEdit) -> float | None:
            text = edit.text().strip()
            if not text:
                return None
            value = parse_coordinate(text)
            if value is None:
                unreadable.append((name, self.tr(_NOT_A_NUMBER)))
            return value

        def day(name: str, edit: QLineEdit) -> date | None:
            text = edit.text().strip()
            if not text:
                return None
            try:
                return date.fromisoformat(text)
            except ValueError:
                unreadable.append((name, MeasureProblem(name, _BAD_DATE).message))
                return None

        categories = tuple(
            self.categories_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.categories_list.count())
            if self.categories_list.item(row).checkState() == Qt.CheckState.Checked
        )
        values = MeasureDraft(
            title=self.title_edit.text(),
            description=self.description_edit.toPlainText(),
            district=self.district_combo.currentData(),
            lat=number("lat", self.lat_edit),
            lon=number("lon", self.lon_edit),
            radius_m=number("radius_m", self.radius_edit),
            start_date=day("start_date", self.start_edit),
            end_date=day("end_date", self.end_edit),
            status=MeasureStatus(self.status_combo.currentData()),
            responsible_organisation=self.organisation_combo.currentText(),
            categories=categories,
            follow_up=self.follow_up_edit.toPlainText(),
        )
        if self._measure is not None:  # drawn elsewhere; this dialog does not edit it
            values = replace(values, area=self._measure.draft.area)
        return values, unreadable

    def _on_buttons_accepted(self) -> None:
        draft, unreadable = self.draft()
        unread = {name for name, _ in unreadable}
        problems = unreadable + [
            (p.field, p.message) for p in self._repository.check(draft) if p.field not in unread
        ]
        measure: Measure | None = None
        if not problems:
            try:
                measure = self._save(draft)
            except StoreError as exc:
                problems = [("", exc.message)]
            except ValueError as exc:  # InvalidMeasureError: the stored record moved on
                found = getattr(exc, "problems", [])
                problems = [(p.field, p.message) for p in found] or [("", str(exc))]
        self._show_problems(problems)
        if measure is not None:
            self.saved.emit(measure)
            self.accept()

    def _save(self, draft: MeasureDraft) -> Measure:
        now = self._clock()
        if self._measure is None:
            return self._repository.record(draft, self._actor, now)
        return self._repository.edit(self._measure, draft, self._actor, now)

    def _show_problems(self, problems: list[tuple[str, str]]) -> None:
        by_field: dict[str, list[str]] = {}
        for name, message in problems:
            key = name if name in self._problems else ""
            by_field.setdefault(key, []).append(message)
        for name, label in [*self._problems.items(), ("", self.general_problem)]:
            messages = by_field.get(name, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
        if problems:
            first = next((n for n, _ in problems if n in self._problems), "")
            self._widgets.get(first, self.title_edit).setFocus()

    def problem_text(self, field: str) -> str:
        """What the dialog says about `field` now ("" when nothing); for tests and views."""
        label = self._problems[field]
        return label.text() if label.isVisibleTo(self) else ""
