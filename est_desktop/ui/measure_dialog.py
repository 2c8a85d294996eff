"""Recording or editing a joint measure: what, where, when, by whom and against what.

The dialog only gathers a draft and shows problems; the repository checks, stores and queues.
With the map at hand ("Rita på kartan") the area is drawn there, as a polygon or a circle, and
stays editable on the map until the dialog closes; the point and radius fields follow it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.drawn_area import DrawnArea, check_drawn_area
from est_desktop.domain.measure import MEASURE_FIELDS, Measure, MeasureDraft, MeasureProblem
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.errors import StoreError
from est_desktop.ui.area_drawing import AreaDrawer, Kind, problem_texts
from est_desktop.ui.area_field import AreaField
from est_desktop.ui.form_text import buddy_label, format_coordinate, parse_coordinate, problem_label
from est_desktop.ui.measure_choices import CategoryChecklist, OrganisationCombo, StatusCombo

_NOT_A_NUMBER = QT_TRANSLATE_NOOP("MeasureDialog", "Ange ett tal, t.ex. 57,72.")
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
        drawing: AreaDrawer | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self._drawing = drawing
        self._exact: dict[QLineEdit, tuple[str, float | None]] = {}  # field → (shown, value)
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
        self.area_field.refresh()

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
        self.status_combo = StatusCombo()
        self.organisation_combo = OrganisationCombo()
        self.categories_list = CategoryChecklist(self._taxonomy)
        self.follow_up_edit = QPlainTextEdit()
        self.follow_up_edit.setTabChangesFocus(True)
        self._build_area_fields()
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

    def _build_area_fields(self) -> None:
        self.area_field = AreaField(
            self._drawing,
            self._typed_circle,
            lambda: self.district_combo.currentData(),
            self._measure.draft.area if self._measure is not None else None,
        )
        self.area_field.drawn.connect(self._on_area_field_drawn)
        self.area_field.cleared.connect(self._on_area_field_cleared)
        self.area_field.unavailable.connect(lambda text: self._set_area_problems([text]))
        self.radius_edit.textEdited.connect(self._on_radius_edit_text_edited)

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
            (self.tr("Ra&die"), self.radius_edit, self.radius_edit, ("radius_m",)),
            (self.tr("&Yta"), self.area_field, self.area_field.draw_button, ("area",)),
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
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_problem)
        layout.addWidget(self.buttons)

    def _fill(self, draft: MeasureDraft) -> None:
        self.title_edit.setText(draft.title)
        self.description_edit.setPlainText(draft.description)
        index = self.district_combo.findData(draft.district)
        if index < 0 and draft.district is not None:  # a code this installation does not know
            self.district_combo.addItem(draft.district, draft.district)
            index = self.district_combo.count() - 1
        self.district_combo.setCurrentIndex(max(index, 0))
        self._show_number(self.lat_edit, draft.lat, format_coordinate)
        self._show_number(self.lon_edit, draft.lon, format_coordinate)
        radius = draft.radius_m
        self._show_number(self.radius_edit, radius, lambda r: QLocale().toString(r, "g", 10))
        self.start_edit.setText(draft.start_date.isoformat() if draft.start_date else "")
        self.end_edit.setText(draft.end_date.isoformat() if draft.end_date else "")
        self.status_combo.set_status(draft.status)
        self.organisation_combo.set_organisation(draft.responsible_organisation)
        self.categories_list.check(draft.categories)
        self.follow_up_edit.setPlainText(draft.follow_up)

    def _show_number(
        self, edit: QLineEdit, value: float | None, text_of: Callable[[float], str]
    ) -> None:
        """Show `value` rounded, and remember it, so an untouched field keeps it exactly."""
        text = "" if value is None else text_of(value)
        edit.setText(text)
        self._exact[edit] = (text, value)

    # -- the area --

    def start_drawing(self, kind: Kind) -> bool:
        """Draw the area on the map as a polygon or a circle. False without a map ready."""
        return self.area_field.start(kind)

    def current_area(self) -> DrawnArea | None:
        return self.area_field.current()

    def _typed_circle(self) -> DrawnArea | None:
        """The circle of the point and radius typed (or drawn), if they make one."""
        lat, lon = parse_coordinate(self.lat_edit.text()), parse_coordinate(self.lon_edit.text())
        radius = parse_coordinate(self.radius_edit.text())
        if lat is None or lon is None or radius is None or radius <= 0:
            return None  # no circle (a radius of 0 is the radius field's problem)
        return DrawnArea.circle(lat, lon, radius)

    def _on_area_field_drawn(self, area: DrawnArea) -> None:
        lat, lon = area.middle()
        self._show_number(self.lat_edit, lat, format_coordinate)
        self._show_number(self.lon_edit, lon, format_coordinate)
        if area.is_circle:
            self.radius_edit.setText(QLocale().toString(round(area.radius_m or 0.0)))
        else:
            self.radius_edit.clear()
        if self.district_combo.currentData() is None:  # the district follows, unless chosen
            index = self.district_combo.findData(self._districts.district_at(lat, lon))
            if index > 0:
                self.district_combo.setCurrentIndex(index)
        self._set_area_problems(problem_texts(check_drawn_area(area)))

    def _on_area_field_cleared(self) -> None:
        self.radius_edit.clear()  # no polygon, no radius; the point stays, as the place
        self._set_area_problems([])

    def _on_radius_edit_text_edited(self, text: str) -> None:
        self.area_field.set_radius(parse_coordinate(text) or 0.0)

    def _set_area_problems(self, messages: list[str]) -> None:
        label = self._problems["area"]
        label.setText("\n".join(messages))
        label.setVisible(bool(messages))

    def done(self, result: int) -> None:
        self.area_field.stop()  # saved or closed: the shape leaves the map
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.area_field.stop()
        super().closeEvent(event)

    # -- reading and saving --

    def draft(self) -> tuple[MeasureDraft, list[tuple[str, str]]]:
        """The draft the fields say, and per field that could not be read its message."""
        unreadable: list[tuple[str, str]] = []

        def number(name: str, edit: QLineEdit) -> float | None:
            text = edit.text().strip()
            if not text:
                return None
            shown_text, exact = self._exact.get(edit, ("", None))
            if text == shown_text:  # as shown, not retyped: the value itself, not its rounding
                return exact
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

        values = MeasureDraft(
            title=self.title_edit.text(),
            description=self.description_edit.toPlainText(),
            district=self.district_combo.currentData(),
            lat=number("lat", self.lat_edit),
            lon=number("lon", self.lon_edit),
            radius_m=number("radius_m", self.radius_edit),
            start_date=day("start_date", self.start_edit),
            end_date=day("end_date", self.end_edit),
            status=self.status_combo.status(),
            responsible_organisation=self.organisation_combo.organisation(),
            categories=self.categories_list.checked_codes(),
            follow_up=self.follow_up_edit.toPlainText(),
        )
        return replace(values, area=self.area_field.polygon), unreadable

    def _on_buttons_accepted(self) -> None:
        draft, unreadable = self.draft()
        unread = {name for name, _ in unreadable}
        problems = unreadable + [
            (p.field, p.message) for p in self._repository.check(draft) if p.field not in unread
        ]
        area = self.current_area()
        if area is not None and not unread & {"lat", "lon", "radius_m"}:
            problems += [("area", text) for text in problem_texts(check_drawn_area(area))]
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
