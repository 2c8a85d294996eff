"""The measures from the server, and the follow-up of the one selected."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from est_desktop.analysis.follow_up import FollowUp
from est_desktop.domain.drawn_area import DrawnArea
from est_desktop.domain.incident import LOCAL_TZ, IncidentDraft
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import PlaceIndex, load_places
from est_desktop.report_builder import ReportBuilder
from est_desktop.store.measures import MeasureRepository
from est_desktop.store.outbox import pending_changes
from est_desktop.store.remote_rows import store_measures
from tests.ui.fake_drawer import FakeDrawer

TODAY = datetime.now(LOCAL_TZ).date()


FAR = (0.0025, 0.004)  # from Hulta's centre: still Hulta, outside the measure's 50 m circle


def seed_measure(store, app_service) -> tuple[float, float]:
    """A measure at Hulta's centre against graffiti, begun 30 days ago: 15 incidents there
    before it and 5 since; 10 and 10 a little further off. Returns the far point."""
    hulta = DistrictLookup.default()
    lat, lon = hulta.centroid("hulta")
    start = TODAY - timedelta(days=30)

    def record(days_ago: int, at: tuple[float, float]) -> None:
        moment = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time(), LOCAL_TZ)
        app_service.record(
            IncidentDraft(
                occurred_at=moment + timedelta(hours=20), category="klotter", lat=at[0], lon=at[1]
            )
        )

    for day in range(31, 61, 2):  # before: 15 in the area
        record(day, (lat, lon))
    for day in range(1, 30, 6):  # after: 5 in the area
        record(day, (lat, lon))
    far = (lat + FAR[0], lon + FAR[1])
    assert hulta.district_at(*far) == "hulta"
    for day in (*range(31, 61, 3), *range(1, 30, 3)):
        record(day, far)
    record_ = {
        "id": str(uuid.uuid4()),
        "title": "Klottersanering Hulta torg",
        "district": "hulta",
        "lat": lat,
        "lon": lon,
        "start_date": start.isoformat(),
        "status": "ongoing",
        "categories": ["klotter"],
        "responsible_organisation": "Bostäder i Borås",
        "revision": 1,
        "deleted": False,
    }
    with store.transaction() as conn:
        store_measures(conn, [(record_["id"], 1, False, record_)])
    return far


def test_a_selected_measure_is_followed_up_against_the_rest_of_its_district(
    qtbot, store, app_service, make_window
):
    seed_measure(store, app_service)
    window = make_window(with_analysis=True)
    panel = window.measures_panel
    window.measures_dock.show()
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 2).text() == "Pågår"
    with qtbot.waitSignal(panel.followed_up, timeout=10_000) as shown:
        panel.table.selectRow(0)
    result = shown.args[0]
    assert isinstance(result, FollowUp)
    assert (result.area_before, result.area_after) == (15, 5)
    assert result.control_label == "resten av Hulta"
    assert result.text in panel.detail.text()
    assert "(jämfört med resten av Hulta)" in panel.detail.text()


def test_without_measures_the_panel_says_where_they_come_from(make_window):
    window = make_window(with_analysis=True)
    assert "kommer hit när datorn synkar" in window.measures_panel.detail.text()


def test_a_new_measure_entered_here_is_listed_and_queued_for_sync(qtbot, store, prefs, make_window):
    prefs.server_role = "analyst"  # as the last sign-in said
    window = make_window(with_analysis=True)
    panel = window.measures_panel
    assert not panel.new_button.isHidden()
    dialog = panel.new_measure()
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Väktare vid Hulta torg")
    dialog.start_edit.setText(TODAY.isoformat())
    dialog.district_combo.setCurrentIndex(dialog.district_combo.findData("hulta"))
    with qtbot.waitSignal(panel.recorded, timeout=5_000):
        dialog.save_button.click()
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 0).text() == "Väktare vid Hulta torg"
    with store.reading() as conn:
        assert [c.entity for c in pending_changes(conn)] == ["measure"]


def test_only_those_who_may_decide_measures_are_offered_a_new_one(prefs, make_window):
    prefs.server_role = "reporter"
    window = make_window(with_analysis=True)
    assert window.measures_panel.new_button.isHidden()


def square_around(lat: float, lon: float, half: float = 0.0008) -> DrawnArea:
    return DrawnArea(
        corners=(
            (lat - half, lon - half),
            (lat - half, lon + half),
            (lat + half, lon + half),
            (lat + half, lon - half),
        )
    )


def test_a_control_area_drawn_on_the_map_is_used_remembered_and_named(
    qtbot, store, app_service, make_window
):
    far = seed_measure(store, app_service)
    window = make_window(with_analysis=True)
    panel = window.measures_panel
    drawer = FakeDrawer()
    panel.set_area_drawer(drawer)
    with qtbot.waitSignal(panel.followed_up, timeout=10_000):
        panel.table.selectRow(0)
    assert panel.control_label.text() == "Kontrollområde: resten av distriktet."
    assert not panel.district_control_button.isEnabled()

    panel.draw_control_button.click()
    assert drawer.started == [("polygon", "control", None)]
    with qtbot.waitSignal(panel.followed_up, timeout=10_000) as shown:
        drawer.on_drawn(square_around(*far))  # only the far incidents: 10 before, 10 after
    result = shown.args[0]
    assert result.control_label == "valt kontrollområde"
    assert (result.control_before, result.control_after) == (10, 10)
    assert "(jämfört med valt kontrollområde)" in panel.detail.text()
    assert panel.control_label.text().startswith("Kontrollområde: ritat på kartan (Yta med 4 hörn")

    measure = panel.selected_measure()
    remembered = MeasureRepository(store).control_area(measure.id)
    assert DrawnArea.from_geometry(remembered) == square_around(*far)
    panel.draw_control_button.click()  # drawn again: the map edits the one remembered
    assert drawer.started[-1] == ("polygon", "control", square_around(*far))

    with qtbot.waitSignal(panel.followed_up, timeout=10_000) as shown:
        panel.district_control_button.click()
    assert shown.args[0].control_label == "resten av Hulta"
    assert MeasureRepository(store).control_area(measure.id) is None


def test_a_control_area_outside_borås_is_refused_with_a_reason(
    qtbot, store, app_service, make_window
):
    seed_measure(store, app_service)
    window = make_window(with_analysis=True)
    panel = window.measures_panel
    drawer = FakeDrawer()
    panel.set_area_drawer(drawer)
    with qtbot.waitSignal(panel.followed_up, timeout=10_000):
        panel.table.selectRow(0)
    panel.draw_control_button.click()
    with qtbot.assertNotEmitted(panel.followed_up, wait=300):
        drawer.on_drawn(square_around(59.33, 18.06))  # Stockholm
    assert "utanför Borås kommun" in panel.control_label.text()
    assert MeasureRepository(store).control_area(panel.selected_measure().id) is None


def test_a_synced_measure_is_edited_here_and_waits_for_the_sync(
    qtbot, store, app_service, prefs, make_window
):
    seed_measure(store, app_service)
    prefs.server_role = "analyst"
    window = make_window(with_analysis=True)
    panel = window.measures_panel
    panel.table.selectRow(0)
    dialog = panel.edit_selected()
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == "Klottersanering Hulta torg"
    dialog.follow_up_edit.setPlainText("Mindre klotter efter fyra veckor")
    with qtbot.waitSignal(panel.recorded, timeout=5_000):
        dialog.save_button.click()

    with store.reading() as conn:
        [change] = [c for c in pending_changes(conn) if c.entity == "measure"]
    assert (change.base_revision, change.fields) == (
        1,
        {"follow_up": "Mindre klotter efter fyra veckor"},
    )
    assert panel.table.item(0, 2).text() == "Pågår (väntar på synk)"


def test_the_printed_summary_follows_up_against_the_control_area_and_names_it(
    store, app_service, taxonomy
):
    far = seed_measure(store, app_service)
    districts = DistrictLookup.default()
    builder = ReportBuilder(
        store, taxonomy, districts, PlaceIndex(load_places()), today=lambda: TODAY
    )
    first, last = TODAY - timedelta(days=7), TODAY - timedelta(days=1)
    [line] = builder._measure_lines(["hulta"], first, last)
    assert line.follow_up.endswith("(jämfört med resten av Hulta)")

    [measure] = MeasureRepository(store).live()
    MeasureRepository(store).set_control_area(measure.id, square_around(*far).geometry())
    [line] = builder._measure_lines(["hulta"], first, last)
    assert line.follow_up.endswith("(jämfört med valt kontrollområde)")
