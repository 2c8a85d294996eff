"""The measures from the server, and the follow-up of the one selected."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from est_desktop.analysis.follow_up import FollowUp
from est_desktop.domain.incident import LOCAL_TZ, IncidentDraft
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.store.outbox import pending_changes
from est_desktop.store.remote_rows import store_measures

TODAY = datetime.now(LOCAL_TZ).date()


def test_a_selected_measure_is_followed_up_against_the_rest_of_its_district(
    qtbot, store, app_service, make_window
):
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
    far = (lat + 0.0025, lon + 0.004)  # still Hulta, outside the 50 m circle
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
