"""The incident list in the main window: filters, count, sorting, edit and delete."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from est_desktop.domain.incident import LOCAL_TZ, Incident, IncidentDraft, Source
from est_desktop.store.incident_service import IncidentService
from est_desktop.store.outbox import pending_changes
from est_desktop.ui.main_window import MainWindow
from tests.ui.helpers import button, click_row, column, type_into


@dataclass(frozen=True)
class Seed:
    place: str
    lat: float
    lon: float
    district: str
    category: str
    days_ago: int
    source: Source
    description: str


PLACES = (
    ("Hulta torg", 57.729, 12.979, "hulta"),
    ("Hässle torg", 57.7402, 12.9718, "hassleholmen"),
    ("Sjöbo torg", 57.7497, 12.9441, "sjobo"),
    ("Stora torget", 57.721, 12.9401, "centrum"),
    ("Norrbyskolan", 57.7318, 12.95, "norrby"),
)
CATEGORIES = ("klotter", "glaskross", "bilbrand", "trasig_belysning")
DAYS_AGO = (0, 2, 3, 20, 45, 400)  # well inside or outside "last 7" and "last 30 days"
SEEDS = tuple(
    Seed(
        place=PLACES[i % 5][0],
        lat=PLACES[i % 5][1],
        lon=PLACES[i % 5][2],
        district=PLACES[i % 5][3],
        category=CATEGORIES[i % 4],
        days_ago=DAYS_AGO[i % 6],
        source=Source.POLICE if i % 3 == 0 else Source.STAFF,
        description="Krossad ruta vid cykelstället" if i == 7 else f"Händelse nummer {i}",
    )
    for i in range(30)
)


def count_where(**match: object) -> int:
    return sum(all(getattr(s, k) == v for k, v in match.items()) for s in SEEDS)


@pytest.fixture
def recorded(app_service: IncidentService) -> list[Incident]:
    """The 30 seeds, recorded through the service before the window opens."""
    now = datetime.now(LOCAL_TZ).replace(second=0, microsecond=0)
    return [
        app_service.record(
            IncidentDraft(
                occurred_at=now - timedelta(days=s.days_ago, hours=1, minutes=number),
                category=s.category,
                lat=s.lat,
                lon=s.lon,
                place_name=s.place,
                description=s.description,
                source=s.source,
            )
        )
        for number, s in enumerate(SEEDS)
    ]


@pytest.fixture
def listed(recorded: list[Incident], make_window) -> MainWindow:
    return make_window()


def choose(combo, text: str) -> None:
    """Choose the entry showing `text` (stripped of its indent), as a click in the list would."""
    index = next(i for i in range(combo.count()) if combo.itemText(i).strip() == text)
    combo.setCurrentIndex(index)


def shown(window: MainWindow) -> int:
    return window.list_panel.model.count


def test_the_list_starts_with_every_incident_newest_first(listed):
    panel = listed.list_panel
    assert shown(listed) == panel.model.rowCount() == 30
    assert panel.count_label.text() == "30 händelser visas"
    times = column(panel.table, 0)  # "yyyy-MM-dd HH:mm" sorts as the times do
    assert times == sorted(times, reverse=True)


def test_the_district_filter_narrows_the_list_and_the_count(listed):
    filters, panel = listed.list_panel.filters, listed.list_panel
    choose(filters._district, "Hulta")
    assert shown(listed) == count_where(district="hulta") == 6
    assert set(column(panel.table, 2)) == {"Hulta"}
    assert panel.count_label.text() == "6 händelser visas"


def test_a_category_group_selects_all_its_categories(listed):
    filters, panel = listed.list_panel.filters, listed.list_panel
    choose(filters._category, "Skadegörelse (alla)")
    expected = count_where(category="klotter") + count_where(category="glaskross")
    assert shown(listed) == expected == 16
    assert set(column(panel.table, 1)) == {"Klotter", "Glaskross"}

    choose(filters._category, "Bilbrand")
    assert shown(listed) == count_where(category="bilbrand")
    assert set(column(panel.table, 1)) == {"Bilbrand"}


def test_the_source_filter_narrows_the_list(listed):
    choose(listed.list_panel.filters._source, "Polisen")
    assert shown(listed) == count_where(source=Source.POLICE) == 10
    assert {text.split(" · ")[0] for text in column(listed.list_panel.table, 5)} == {"Polisen"}


@pytest.mark.parametrize(
    ("period", "within"), [("Senaste 7 dagarna", 7), ("Senaste 30 dagarna", 30)]
)
def test_the_period_filter_narrows_the_list(listed, period, within):
    choose(listed.list_panel.filters._period, period)
    assert shown(listed) == sum(s.days_ago < within for s in SEEDS)


def test_filters_combine(listed):
    filters = listed.list_panel.filters
    choose(filters._district, "Hulta")
    choose(filters._source, "Polisen")
    assert shown(listed) == count_where(district="hulta", source=Source.POLICE)


def test_the_search_waits_for_typing_to_pause_then_narrows_the_list(qtbot, listed):
    panel = listed.list_panel
    with qtbot.waitSignal(panel.model.count_changed, timeout=2000) as counted:
        type_into(qtbot, panel.filters.search, "cykelstället")
    assert counted.args == [1]
    assert column(panel.table, 4) == ["Krossad ruta vid cykelstället"]
    assert panel.count_label.text() == "1 händelse visas"

    with qtbot.waitSignal(panel.model.count_changed, timeout=2000) as counted:
        type_into(qtbot, panel.filters.search, "sjöbo")  # the place name is searched too
    assert counted.args == [count_where(place="Sjöbo torg")]


def test_rensa_filter_shows_everything_again(qtbot, listed):
    panel = listed.list_panel
    choose(panel.filters._district, "Hulta")
    choose(panel.filters._period, "Senaste 7 dagarna")
    with qtbot.waitSignal(panel.model.count_changed, timeout=2000):
        type_into(qtbot, panel.filters.search, "nummer")
    assert shown(listed) < 30

    with qtbot.waitSignal(panel.model.count_changed) as counted:
        qtbot.mouseClick(button(panel.filters, "Rensa filter"), Qt.MouseButton.LeftButton)

    assert counted.args == [30]
    assert panel.model.rowCount() == 30
    assert panel.count_label.text() == "30 händelser visas"
    assert panel.filters.search.text() == ""
    assert panel.filters._district.currentIndex() == 0
    assert panel.filters._period.currentIndex() == 0


def click_header(qtbot, window: MainWindow, section: int) -> None:
    header = window.list_panel.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_clicking_the_category_header_sorts_by_category_and_again_reverses(qtbot, listed):
    table = listed.list_panel.table
    labels = {"bilbrand": "Bilbrand", "glaskross": "Glaskross", "klotter": "Klotter"}
    labels["trasig_belysning"] = "Trasig belysning"

    click_header(qtbot, listed, 1)
    ascending = column(table, 1)
    # Sorted by category (its code; the labels of these four sort alike).
    assert ascending == [labels[s.category] for s in sorted(SEEDS, key=lambda s: s.category)]

    click_header(qtbot, listed, 1)
    assert column(table, 1) == ascending[::-1]


def test_clicking_the_description_header_keeps_the_order(qtbot, listed):
    table = listed.list_panel.table
    click_header(qtbot, listed, 3)  # by place first, so the order is not the default one
    before = column(table, 0)

    click_header(qtbot, listed, 4)

    assert column(table, 0) == before


def test_andra_fills_the_form_and_saving_changes_the_listed_incident(qtbot, listed):
    panel, form = listed.list_panel, listed.form
    click_row(qtbot, panel.table, 2)
    chosen = panel.selected_incident()
    assert chosen is not None

    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)

    assert form._title.text() == "Ändra händelse"
    assert form.editing == chosen
    assert form._category.value == chosen.category
    assert form._place.text() == chosen.place_name
    assert form._description.toPlainText() == chosen.description
    type_into(qtbot, form._description, "Ny text efter besök på platsen")
    with qtbot.waitSignal(form.edited) as edited:
        qtbot.mouseClick(button(form, "Spara ändringar"), Qt.MouseButton.LeftButton)

    assert edited.args[0].id == chosen.id
    assert edited.args[0].description == "Ny text efter besök på platsen"
    row = panel.model.row_of(str(chosen.id))
    assert panel.model.index(row, 4).data() == "Ny text efter besök på platsen"
    assert panel.selected_id() == str(chosen.id)
    assert shown(listed) == 30
    assert form._title.text() == "Ny händelse"
    assert form.editing is None


def test_double_clicking_a_row_opens_it_for_editing(qtbot, listed):
    panel = listed.list_panel
    click_row(qtbot, panel.table, 4, double=True)
    assert listed.form.editing is not None
    assert str(listed.form.editing.id) == panel.model.incident_id(4)


def test_avbryt_leaves_the_incident_unchanged(qtbot, listed):
    panel, form = listed.list_panel, listed.form
    click_row(qtbot, panel.table, 0)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, form._description, "Ändrad men inte sparad")
    with qtbot.waitSignal(form.edit_cancelled):
        qtbot.mouseClick(button(form, "Avbryt"), Qt.MouseButton.LeftButton)
    assert form._title.text() == "Ny händelse"
    assert panel.model.index(0, 4).data() != "Ändrad men inte sparad"


def test_delete_in_the_list_removes_the_incident_once_confirmed(qtbot, listed):
    panel = listed.list_panel
    panel.confirm_delete = lambda incident: True
    click_row(qtbot, panel.table, 3)
    doomed = panel.selected_id()

    with qtbot.waitSignal(panel.deleted) as deleted:
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)

    assert str(deleted.args[0]) == doomed
    assert panel.model.row_of(doomed) is None
    assert shown(listed) == panel.model.rowCount() == 29
    assert panel.count_label.text() == "29 händelser visas"


def test_ta_bort_button_removes_the_incident_once_confirmed(qtbot, listed):
    panel = listed.list_panel
    panel.confirm_delete = lambda incident: True
    click_row(qtbot, panel.table, 0)
    doomed = panel.selected_id()
    with qtbot.waitSignal(panel.deleted):
        qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.model.row_of(doomed) is None
    assert shown(listed) == 29


def test_declining_the_delete_question_changes_nothing(qtbot, listed):
    panel = listed.list_panel
    asked = []
    panel.confirm_delete = lambda incident: asked.append(incident) or False
    click_row(qtbot, panel.table, 3)
    kept = panel.selected_id()

    with qtbot.assertNotEmitted(panel.deleted):
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)

    assert [str(i.id) for i in asked] == [kept]
    assert panel.model.row_of(kept) == 3
    assert shown(listed) == 30


def test_deleting_the_incident_being_edited_empties_the_form(qtbot, listed):
    panel, form = listed.list_panel, listed.form
    panel.confirm_delete = lambda incident: True
    click_row(qtbot, panel.table, 1)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert form.editing is not None
    with qtbot.waitSignal(panel.deleted):
        qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert form.editing is None
    assert form._title.text() == "Ny händelse"


def test_editing_only_the_description_keeps_the_precise_position_and_time(qtbot, window):
    service = window.form._incidents
    precise = service.record(
        IncidentDraft(
            occurred_at=datetime(2026, 11, 20, 21, 40, 37, tzinfo=LOCAL_TZ),
            category="klotter",
            lat=57.74123456,
            lon=12.97198765,
            description="Klotter på gaveln",
        )
    )
    window.list_panel.refresh(select=precise.id)
    qtbot.mouseClick(window.list_panel.edit_button, Qt.MouseButton.LeftButton)
    window.form._description.setPlainText("Klotter på gaveln, ca 2 m²")
    with qtbot.waitSignal(window.form.edited) as saved:
        window.form.save()
    edited = saved.args[0]
    assert edited.description == "Klotter på gaveln, ca 2 m²"
    assert (edited.lat, edited.lon) == (57.74123456, 12.97198765)
    assert edited.occurred_at == precise.occurred_at
    with service.store.reading() as conn:
        assert pending_changes(conn)[-1].fields == {"description": "Klotter på gaveln, ca 2 m²"}


def test_a_narrowing_shows_just_those_incidents_until_cleared_or_the_filter_changes(
    qtbot, listed, recorded
):
    filters = listed.list_panel.filters
    chosen = recorded[:3]
    pks = frozenset(listed.list_panel.model.list_row(r).pk for r in range(3))
    filters.narrow(pks, "mån 18–19")
    assert shown(listed) == 3
    assert filters.narrowing.isVisible() and "mån 18–19" in filters.narrowing.text()
    assert {listed.list_panel.model.incident_id(r) for r in range(3)} != set()
    filters.narrowing.click()
    assert shown(listed) == 30 and not filters.narrowing.isVisible()

    filters.narrow(pks, "Hulta torg")
    choose(filters._district, "Hulta")  # a new filter starts afresh
    assert not filters.narrowing.isVisible()
    assert shown(listed) == count_where(district="hulta")
    assert len(chosen) == 3


def test_set_days_picks_a_custom_period_of_whole_days(listed):
    filters = listed.list_panel.filters
    today = datetime.now(LOCAL_TZ).date()
    filters.set_days(today - timedelta(days=6), today)
    assert filters._from.isVisible() and filters._to.isVisible()
    assert shown(listed) == sum(s.days_ago < 7 for s in SEEDS)
