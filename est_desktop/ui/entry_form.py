"""The entry form: record an incident in seconds, keyboard first, or edit one."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from est_desktop.domain.incident import Incident, IncidentDraft, LocationPrecision, TimePrecision
from est_desktop.domain.privacy import privacy_findings
from est_desktop.domain.validation import MAX_DESCRIPTION, FieldProblem
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import NamedPlace, PlaceIndex
from est_desktop.store.errors import StoreError
from est_desktop.store.incident_service import IncidentService
from est_desktop.ui.entry_choices import EntryChoices
from est_desktop.ui.form_text import (
    buddy_label,
    parse_coordinate,
    problem_label,
    translated_problem,
)
from est_desktop.ui.location_fields import LocationFields
from est_desktop.ui.preferences import Preferences
from est_desktop.ui.privacy_warning import PrivacyWarning
from est_desktop.ui.search_field import SearchField
from est_desktop.ui.time_field import TimeField

_FIELDS = ("occurred_at", "occurred_until", "category", "lat", "lon", "place_name", "description")


class EntryForm(QWidget):
    recorded = Signal(object)  # the new Incident
    edited = Signal(object)  # the changed Incident
    edit_cancelled = Signal()
    cleared = Signal()  # the user emptied the form or cancelled an edit
    position_changed = Signal(float, float)  # valid coordinates typed, picked or clicked

    def __init__(
        self,
        incidents: IncidentService,
        places: PlaceIndex,
        districts: DistrictLookup,
        preferences: Preferences,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._incidents = incidents
        self._choices = EntryChoices(incidents.taxonomy, places, preferences)
        self._districts = districts
        self._preferences = preferences
        self._editing: Incident | None = None
        self._privacy_confirmed_for: str | None = None
        self._build()
        self.start_new()

    # -- public --

    def start_new(self) -> None:
        """Empty the form for the next incident, keeping the sensible defaults."""
        self._editing = None
        self._as_shown: dict[str, tuple[object, object]] = {}
        self._privacy_confirmed_for = None
        self._title.setText(self.tr("Ny händelse"))
        self._save_button.setText(self.tr("Spara"))
        self._cancel_button.setText(self.tr("Rensa"))
        self._when.set_now()
        self._when.set_precision(TimePrecision.EXACT)
        recent = self._preferences.recent_categories
        category = self._incidents.taxonomy.category(recent[0]) if recent else None
        if category is not None and category.active:
            self._category.set_value(self._choices.category_text(category.code), category.code)
        else:
            self._category.set_value("", None)
        self._location.clear()
        self._description.clear()
        self._police.setChecked(False)
        self._clear_problems()
        self._location.update_district()
        self.focus_first_field()

    def focus_first_field(self) -> None:
        """The cursor where an incident starts: the category (the time is already now)."""
        self._category.setFocus()

    def start_edit(self, incident: Incident) -> None:
        """Fill the form with `incident` for an edit."""
        self._editing = incident
        self._privacy_confirmed_for = None
        self._title.setText(self.tr("Ändra händelse"))
        self._save_button.setText(self.tr("Spara ändringar"))
        self._cancel_button.setText(self.tr("Avbryt"))
        self._when.set_moment(incident.occurred_at)
        self._when.set_precision(incident.time_precision)
        self._category.set_value(self._choices.category_text(incident.category), incident.category)
        self._location.fill(incident)
        self._description.setPlainText(incident.description)
        self._police.setChecked(incident.police_notified)
        # The form shows whole minutes and six decimals; what the user leaves as shown keeps
        # the stored value, so editing a description never moves a point or a time.
        self._as_shown = {
            "lat": (self._lat.text(), incident.lat),
            "lon": (self._lon.text(), incident.lon),
            "occurred_at": (self._when.shown(), incident.occurred_at),
        }
        self._clear_problems()
        self._location.update_district()
        self._category.setFocus()

    @property
    def editing(self) -> Incident | None:
        return self._editing

    def set_position(self, lat: float, lon: float, place: NamedPlace | None = None) -> None:
        """Fill the coordinates from a click in the map, and the nearest named place unless
        one was typed (`LocationFields.set_position`)."""
        self._location.set_position(lat, lon, place)

    def save(self) -> None:
        """Check, warn about personal data, then record or store the edit."""
        draft, problems = self._draft()
        unreadable = {p.field for p in problems}  # their rule problems would only repeat that
        problems += [p for p in self._incidents.check(draft) if p.field not in unreadable]
        self._show_problems(problems)
        if problems:
            return
        findings = privacy_findings(draft.description)
        if findings and self._privacy_confirmed_for != draft.description:
            self._privacy_box.show_findings(findings)
            self._description.setFocus()
            return
        try:
            if self._editing is None:
                incident = self._incidents.record(draft)
            else:
                incident = self._incidents.edit(self._editing.id, draft)
        except StoreError as exc:
            self._form_error.setText(exc.message)  # the form keeps every value typed
            self._form_error.show()
            return
        self._preferences.remember_category(draft.category)
        if incident.district:
            self._preferences.last_district = incident.district
        was_edit = self._editing is not None
        self.start_new()
        (self.edited if was_edit else self.recorded).emit(incident)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field saves, as in a dialog (a focused button is pressed instead);
        Escape drops an edit. A new incident's typing stays: Rensa empties it on purpose."""
        focused = QApplication.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if isinstance(focused, QAbstractButton) and not isinstance(focused, QCheckBox):
                focused.click()
            else:
                self.save()
            return
        if event.key() == Qt.Key.Key_Escape and self._editing is not None:
            self._on_cancel_clicked()
            return
        super().keyPressEvent(event)

    # -- building --

    def _build(self) -> None:
        self._title = QLabel()
        self._title.setObjectName("formTitle")
        self._title.setStyleSheet("font-size: 15pt; font-weight: 600;")

        self._when = TimeField()

        self._category = SearchField(self._choices.categories)
        self._category.setPlaceholderText(self.tr("Skriv för att söka, t.ex. klotter eller brand"))

        self._location = LocationFields(self._choices, self._districts, self)
        self._location.position_changed.connect(self.position_changed)
        # The form's own handles on the location widgets it lays out, focuses and tabs through.
        location = self._location
        self._place, self._lat, self._lon = location.place, location.lat, location.lon
        self._location_precision = location.precision_combo
        self._district_label = location.district_label

        self._description = QPlainTextEdit()
        self._description.setPlaceholderText(
            self.tr("Vad hände och var? Beskriv händelsen och platsen, inte personer.")
        )
        self._description.setTabChangesFocus(True)
        self._description.setMinimumHeight(90)
        self._description.textChanged.connect(self._on_description_changed)
        self._counter = QLabel()
        self._counter.setObjectName("descriptionCounter")

        self._privacy_box = PrivacyWarning()
        self._privacy_box.confirmed.connect(self._on_privacy_confirmed)

        self._police = QCheckBox(self.tr("Polisen är &underrättad"))

        self._save_button = QPushButton()
        self._save_button.setDefault(True)
        self._save_button.setToolTip(self.tr("Spara (Ctrl+S)"))
        self._save_button.clicked.connect(self.save)
        self._cancel_button = QPushButton()
        self._cancel_button.clicked.connect(self._on_cancel_clicked)
        self._form_error = QLabel()
        self._form_error.setWordWrap(True)
        self._form_error.setStyleSheet("color: #b00020;")
        self._form_error.hide()

        self._problem_labels = {name: problem_label() for name in _FIELDS}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(self.tr("&När"), self._when), self._when)
        form.addRow("", self._problem_labels["occurred_at"])
        form.addRow("", self._problem_labels["occurred_until"])
        form.addRow(buddy_label(self.tr("&Kategori"), self._category), self._category)
        form.addRow("", self._problem_labels["category"])
        form.addRow(buddy_label(self.tr("&Plats"), self._place), self._place)
        form.addRow("", self._problem_labels["place_name"])
        coordinates = QHBoxLayout()
        coordinates.addWidget(self._lat)
        coordinates.addWidget(self._lon)
        form.addRow(buddy_label(self.tr("Koordina&ter"), self._lat), coordinates)
        form.addRow("", self._problem_labels["lat"])
        form.addRow("", self._problem_labels["lon"])
        form.addRow("", self._location_precision)
        form.addRow(self.tr("Distrikt"), self._district_label)
        form.addRow(buddy_label(self.tr("&Beskrivning"), self._description), self._description)
        form.addRow("", self._counter)
        form.addRow("", self._problem_labels["description"])
        form.addRow("", self._privacy_box)
        form.addRow("", self._police)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._cancel_button)
        buttons.addWidget(self._save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(form)
        layout.addWidget(self._form_error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._set_tab_order()

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.save)

    def _set_tab_order(self) -> None:
        """Tab in reading order, top to bottom: the time field's parts were made before the
        form and would otherwise come last, after everything else in the window."""
        parts = self._when.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        when = [part for part in parts if part.focusPolicy() & Qt.FocusPolicy.TabFocus]
        fields = [self._category, self._place, self._lat, self._lon, self._location_precision]
        fields += [self._description, self._police, self._cancel_button, self._save_button]
        for first, second in pairwise([*when, *fields]):
            QWidget.setTabOrder(first, second)

    # -- reading the form --

    def _draft(self) -> tuple[IncidentDraft, list[FieldProblem]]:
        problems: list[FieldProblem] = []
        precision = self._location.precision()
        lat = lon = None
        if precision != LocationPrecision.MUNICIPALITY:
            lat = self._coordinate("lat", self._lat, problems)
            lon = self._coordinate("lon", self._lon, problems)
        occurred_at = self._unless_as_shown("occurred_at", self._when.shown(), self._when.moment())
        draft = IncidentDraft(
            occurred_at=occurred_at,
            time_precision=self._when.precision(),
            category=self._category_code(),
            lat=lat,
            lon=lon,
            place_name=self._place.text().strip(),
            location_precision=precision,
            description=self._description.toPlainText().strip(),
            police_notified=self._police.isChecked(),
        )
        return draft, problems

    def _coordinate(self, name: str, field: QLineEdit, problems: list[FieldProblem]) -> Any:
        text = field.text().strip()
        value = parse_coordinate(text) if text else None
        if text and value is None:
            problems.append(FieldProblem(name, "not_a_number"))
        return self._unless_as_shown(name, field.text(), value)

    def _unless_as_shown(self, name: str, shown: object, value: Any) -> Any:
        """The stored value while the field still shows what the edit started with."""
        if name in self._as_shown and self._as_shown[name][0] == shown:
            return self._as_shown[name][1]
        return value

    def _category_code(self) -> str:
        if isinstance(self._category.value, str):
            return self._category.value
        return self._choices.category_code(self._category.text())

    # -- showing problems --

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        self._clear_problems()
        for problem in problems:
            label = self._problem_labels.get(problem.field)
            if label is not None and not label.text():
                label.setText(translated_problem(problem))
                label.show()
        if problems:
            self._focus_field(problems[0].field)

    def _clear_problems(self) -> None:
        for label in self._problem_labels.values():
            label.hide()
            label.clear()
        self._form_error.hide()
        self._privacy_box.hide()

    def _focus_field(self, name: str) -> None:
        fields = {"category": self._category, "lat": self._lat, "lon": self._lon}
        fields |= {"place_name": self._place, "description": self._description}
        fields.get(name, self._when).setFocus()

    # -- slots --

    def _on_privacy_confirmed(self) -> None:
        self._privacy_confirmed_for = self._description.toPlainText().strip()
        self._privacy_box.hide()
        self.save()

    def _on_description_changed(self) -> None:
        length = len(self._description.toPlainText())
        self._counter.setText(f"{length} / {MAX_DESCRIPTION}")
        over = length > MAX_DESCRIPTION
        self._counter.setStyleSheet("color: #b00020;" if over else "color: palette(mid);")
        if self._privacy_box.isVisible() and not privacy_findings(self._description.toPlainText()):
            self._privacy_box.hide()

    def _on_cancel_clicked(self) -> None:
        was_edit = self._editing is not None
        self.start_new()
        if was_edit:
            self.edit_cancelled.emit()
        self.cleared.emit()
