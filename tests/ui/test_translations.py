"""With English installed, nothing a user sees is still a Swedish source text.

The walk reads every visible text of the main window (docks, menus, toolbars, list headers,
tooltips, placeholders) and of the main dialogs, and compares it with the Swedish texts of the
code: the sources of `est_en.ts` and every other string literal of the package. Data (district
and place names, the user's own words) is not in the code, so it is never flagged.
"""

from __future__ import annotations

import ast
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from est_desktop.analysis.comparison import change_text, compare
from est_desktop.domain import language as domain_language
from est_desktop.domain.actor import Actor
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.language import decimal_number, month_abbreviation, whole_number
from est_desktop.domain.measure import MeasureDraft
from est_desktop.domain.organisations import responsible_label
from est_desktop.domain.validation import FieldProblem
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.resources import resource_path
from est_desktop.store.measures import MeasureRepository
from est_desktop.ui.conflicts_dialog import ConflictsDialog
from est_desktop.ui.first_run import FirstRunWizard
from est_desktop.ui.help_dialogs import show_about
from est_desktop.ui.languages import (
    PSEUDO_TRANSLATION,
    available_languages,
    install_translations,
    remove_translations,
    stretched,
    system_language,
)
from est_desktop.ui.login_dialog import LoginDialog
from est_desktop.ui.measure_dialog import MeasureDialog
from est_desktop.ui.offline_area_dialog import OfflineAreaDialog
from est_desktop.ui.settings_dialog import SettingsDialog
from est_desktop.ui.sync_status import SyncDetailsDialog
from tests.ui.fakes_sync import FakeConflictRepository, FakeTokenStore
from tests.ui.test_entry_form import fill_valid

PACKAGE = Path(__file__).resolve().parents[2] / "est_desktop"
# Names that are the same in every language; a visible one is no missed translation.
NAMES = {"EST Desktop", "EST", "OK", "CSV", "GeoJSON", "PDF", "Leaflet", "Qt"}
NAMES |= {"OpenStreetMap", "© OpenStreetMap contributors"}  # OSM's required attribution
NAMES |= {language.name for language in available_languages()}  # each named in itself


def normalised(text: str) -> str:
    """A text as compared: without mnemonics, a trailing ellipsis or colon, or extra spaces."""
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    return " ".join(text.split()).rstrip("…:. ").strip()


def fragments(text: str) -> Iterator[str]:
    """The plain pieces of a (possibly rich) text: tags and entities split it."""
    for piece in re.split(r"<[^>]*>|&nbsp;|&[a-z]+;|\n", text):
        if piece := normalised(piece):
            yield piece


@cache
def swedish_texts() -> frozenset[str]:
    """Texts of the code that English must not show: translated sources, other literals,
    Swedish category labels; less those spelled alike in both languages."""
    same, swedish = set(NAMES), set()  # `same` also takes every English text
    root = ET.parse(resource_path("translations", "est_en.ts")).getroot()
    for message in root.iter("message"):
        source = normalised(message.findtext("source") or "")
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        same.update(normalised(form) for form in forms)
        if source not in same:
            swedish.add(source)
    for path in PACKAGE.rglob("*.py"):
        if "server" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                swedish.update(fragments(node.value))
    categories = json.loads(resource_path("categories.json").read_text(encoding="utf-8"))
    for group in categories["groups"]:
        for item in [group, *group["categories"]]:
            if item["label_sv"] != item["label_en"]:
                swedish.add(normalised(item["label_sv"]))
    return frozenset(t for t in swedish - same if re.search(r"[A-Za-zÅÄÖåäö]{2}", t))


def _model_texts(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # private in list models: one column
        columns = 1
    for orientation, count in (
        (Qt.Orientation.Horizontal, columns),
        (Qt.Orientation.Vertical, min(model.rowCount(QModelIndex()), 24)),
    ):
        for section in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    yield value


def _action_texts(action: QAction) -> Iterator[str]:
    yield from (action.text(), action.toolTip(), action.statusTip())
    if (menu := action.menu()) is not None:
        yield menu.title()
        for inner in menu.actions():
            yield from _action_texts(inner)


def visible_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text `top` and its children show or would show on hover."""
    for widget in [top, *top.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        texts = [widget.toolTip(), widget.statusTip(), widget.whatsThis()]
        if widget.isWindow() or isinstance(widget, QDockWidget):
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        if isinstance(widget, QAbstractSpinBox):
            texts.append(widget.specialValueText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                texts += [widget.tabText(i), widget.tabToolTip(i)]
        if isinstance(widget, QAbstractItemView):
            texts += list(_model_texts(widget.model()))
        for action in widget.actions():
            texts += list(_action_texts(action))
        for text in texts:
            yield where, text


@cache
def swedish_phrases() -> tuple[str, ...]:
    """Swedish texts of three words or more: found inside a longer text too (a message
    joined to what the user typed)."""
    return tuple(text for text in swedish_texts() if len(text.split()) >= 3)


def _is_swedish(piece: str) -> bool:
    if "://" in piece:  # an example address is no word
        return False
    return piece in swedish_texts() or any(phrase in piece for phrase in swedish_phrases())


def still_swedish(top: QWidget) -> list[str]:
    found = {
        f"{where}: {piece!r}"
        for where, text in visible_texts(top)
        for piece in fragments(text or "")
        if _is_swedish(piece)
    }
    return sorted(found)


@contextmanager
def installed(app: QCoreApplication, code: str) -> Iterator[list[QTranslator]]:
    """The app's language `code` for the block; then the language and locale found before."""
    locale = QLocale()
    translators = install_translations(app, code)
    try:
        yield translators
    finally:
        remove_translations(app, translators)
        QLocale.setDefault(locale)


@pytest.fixture
def english(qapp) -> Iterator[None]:
    with installed(qapp, "en"):
        assert QCoreApplication.translate("MainWindow", "&Arkiv") != "&Arkiv", "no est_en.qm"
        yield


def test_the_walk_would_catch_a_swedish_text(english, qtbot) -> None:
    label = QLabel("Spara")  # a literal of the code; "Save" would be its translation
    qtbot.addWidget(label)
    assert still_swedish(label) == ["QLabel: 'Spara'"]
    label.setText(QCoreApplication.translate("EntryForm", "Spara"))
    assert still_swedish(label) == []


def test_the_main_window_speaks_english(english, make_window) -> None:
    window = make_window(with_map=True, with_analysis=True)
    assert domain_language.current_language() == "en"
    found = still_swedish(window)
    assert not found, "\n".join(found)


def test_the_entry_forms_problems_and_privacy_warning_speak_english(
    english, make_window, qtbot
) -> None:
    window = make_window()
    window.form.save()  # nothing filled in: every problem shows
    assert "Choose a category." in _visible_label_texts(window.form)
    found = still_swedish(window)
    fill_valid(qtbot, window, "Anna Svensson ringde från 070-123 45 67")
    window.form.save()
    assert any("looks like a phone number" in t for t in _visible_label_texts(window.form))
    found += still_swedish(window)
    assert not found, "\n".join(found)


def _visible_label_texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


def test_the_main_dialogs_speak_english(english, make_window, qtbot) -> None:
    window = make_window(with_analysis=True)
    dialogs = [window.open_import_dialog(), window.open_export_dialog()]
    if (report := window.open_report_dialog()) is not None:
        dialogs.append(report)
    taxonomy, districts = Taxonomy.load(), DistrictLookup.default()
    dialogs += [
        LoginDialog("https://est.example", "anna", FakeTokenStore(), _never_called),
        ConflictsDialog(FakeConflictRepository([]), taxonomy, districts, lambda: "anna"),
        OfflineAreaDialog(_NoTiles(), (57.715, 12.925, 57.73, 12.955), 15),
        SyncDetailsDialog(lambda: None, window),
    ]
    found = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        found += still_swedish(dialog)
    assert not found, "\n".join(found)


def test_the_settings_first_run_help_restore_and_measure_dialogs_speak_english(
    english, make_window, qtbot, prefs, store, tmp_path
) -> None:
    window = make_window()
    prefs.backup_folder = str(tmp_path / "backups")
    taxonomy, districts = Taxonomy.load(), DistrictLookup.default()
    measures = MeasureRepository(
        store, taxonomy=taxonomy, district_codes=[d.code for d in districts.districts()]
    )
    dialogs = [
        SettingsDialog(prefs, window, data_dir=tmp_path),
        FirstRunWizard(prefs, demo=False),
        show_about(window, store.path, "https://est.example"),
        MeasureDialog(measures, taxonomy, districts, Actor("eva", "boras_stad"), None),
        window.backups.open_restore_dialog(),
    ]
    found = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        found += still_swedish(dialog)
    assert not found, "\n".join(found)


def test_a_partner_responsible_for_a_measure_is_named_in_english_and_stored_in_swedish(
    english, qtbot, store
) -> None:
    taxonomy, districts = Taxonomy.load(), DistrictLookup.default()
    measures = MeasureRepository(
        store, taxonomy=taxonomy, district_codes=[d.code for d in districts.districts()]
    )
    draft = MeasureDraft(
        title="Väktare",
        district="hulta",
        start_date=date(2026, 12, 1),
        responsible_organisation="Polisen",
    )
    existing = measures.record(draft, Actor("eva", "boras_stad"), datetime.now(UTC))
    dialog = MeasureDialog(measures, taxonomy, districts, Actor("eva", "boras_stad"), existing)
    qtbot.addWidget(dialog)
    assert dialog.organisation_combo.currentText() == "Police"
    dialog.organisation_combo.setCurrentText("City of Borås")
    assert dialog.draft()[0].responsible_organisation == "Borås Stad"
    assert [responsible_label(name) for name in ("Bostäder i Borås", "Räddningstjänsten")] == [
        "Bostäder i Borås",  # a proper name: English keeps it
        "Räddningstjänsten",  # free text stays as written
    ]


class _NoTiles:
    def tile(self, z: int, x: int, y: int) -> bytes | None:
        return None


def _never_called(*_args: object) -> None:
    raise AssertionError("the walk only reads texts")


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "en"),
        (QLocale(QLocale.Language.Swedish, QLocale.Country.Finland), "sv"),
        (QLocale(QLocale.Language.German, QLocale.Country.Germany), "sv"),
    ],
)
def test_the_language_is_the_systems_when_the_app_speaks_it(system, expected) -> None:
    assert system_language(system) == expected


def test_an_unset_language_preference_is_the_systems(prefs) -> None:
    assert prefs.language == system_language()
    prefs.language = "en"
    assert prefs.language == "en"


def test_every_offered_language_can_be_installed(qapp) -> None:
    for offered in available_languages():
        with installed(qapp, offered.code) as translators:
            assert domain_language.current_language() == offered.code
            assert QLocale().language() == offered.locale
            assert any("est_" in t.filePath() for t in translators), offered.code
    assert domain_language.current_language() == "sv"


def test_english_words_dates_and_numbers_below_the_ui(english) -> None:
    taxonomy = Taxonomy.load()
    category = taxonomy.categories()[0]
    assert taxonomy.label(category.code) == category.label_en
    assert whole_number(12345) == "12,345"
    assert decimal_number(1234.5) == "1,234.5"
    assert month_abbreviation(5) == "May"
    assert QLocale().toString(1234.5, "f", 1) == "1,234.5"
    assert change_text(compare(30, 10)) == "+200% (30 vs 10), a clear increase"
    problem = FieldProblem("category", "unknown_category", {"code": "x"})
    assert problem.message == "Unknown category: x."


def test_swedish_plurals_come_from_est_sv(qapp) -> None:
    with installed(qapp, "sv"):
        one = QCoreApplication.translate("MainWindow", "%Ln händelser importerade.", "", 1)
        many = QCoreApplication.translate("MainWindow", "%Ln händelser importerade.", "", 3)
    assert (one, many) == ("1 händelse importerad.", "3 händelser importerade.")


def test_the_pseudo_translation_stretches_texts_and_keeps_what_code_needs() -> None:
    assert stretched("&Spara %1 <b>nu</b> {count} &amp; %Ln") == (
        "&Spaaraa %1 <b>nuu</b> {count} &amp; %Ln"
    )


def test_the_pseudo_translation_stretches_the_installed_language(qapp, monkeypatch) -> None:
    monkeypatch.setenv(PSEUDO_TRANSLATION, "1")
    with installed(qapp, "en"):
        assert QCoreApplication.translate("EntryForm", "Spara") == "Saavee"
        assert domain_language.translate("Months", "maj") == "Maayy"
