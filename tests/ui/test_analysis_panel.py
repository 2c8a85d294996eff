"""The analysis panel beside the list: it follows the shared filter and drives it back."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from est_desktop.domain.incident import LOCAL_TZ, IncidentDraft, Source, TimePrecision
from est_desktop.geo.district_lookup import DistrictLookup

WAIT_MS = 10_000
TODAY = datetime.now(LOCAL_TZ).date()


@pytest.fixture
def recorded(app_service):
    """A known month: Mondays 18:xx in Hulta (graffiti), a few fires in Norrby, one police
    record, one known only to the day, and a year-old graffiti incident for the comparison."""
    hulta = DistrictLookup.default().centroid("hulta")
    norrby = DistrictLookup.default().centroid("norrby")

    def record(day: date, hour: int, category: str, where, **extra) -> None:
        moment = datetime(day.year, day.month, day.day, hour, 15, tzinfo=LOCAL_TZ)
        app_service.record(
            IncidentDraft(
                occurred_at=moment, category=category, lat=where[0], lon=where[1], **extra
            )
        )

    mondays = [TODAY - timedelta(days=(TODAY.weekday() + 7 * n)) for n in range(1, 4)]
    for monday in mondays:
        for _ in range(3):
            record(monday, 18, "klotter", hulta, place_name="Hulta torg")
    for n in range(4):
        record(TODAY - timedelta(days=2 + n), 22, "anlagd_brand", norrby)
    record(TODAY - timedelta(days=3), 12, "klotter", hulta, source=Source.POLICE)
    record(TODAY - timedelta(days=4), 0, "glaskross", hulta, time_precision=TimePrecision.DATE)
    record(TODAY - timedelta(days=370), 18, "klotter", hulta)
    return mondays


@pytest.fixture
def analysed(qtbot, recorded, make_window):
    window = make_window(with_analysis=True)
    panel = window.analysis_panel
    filters = window.list_panel.filters
    index = next(
        i
        for i in range(filters._period.count())
        if filters._period.itemText(i) == "Senaste 30 dagarna"
    )
    filters._period.setCurrentIndex(index)
    with qtbot.waitSignal(panel.analysed, timeout=WAIT_MS):
        window.analysis_dock.show()
    return window


def wait_analysed(qtbot, panel, action) -> None:
    with qtbot.waitSignal(panel.analysed, timeout=WAIT_MS):
        action()


def test_the_panel_sums_up_what_the_filter_selects(analysed):
    summary = analysed.analysis_panel.summary
    assert summary.total == 9 + 4 + 1 + 1
    assert summary.sources.staff == 14 and summary.sources.police == 1
    assert summary.weekday_hour.counts[0, 18] == 9  # Mondays, 18–19
    assert summary.weekday_hour.no_time == 1
    text = analysed.analysis_panel.numbers.text()
    assert "15" in text and "14 / 1" in text
    assert "Alla distrikt" in analysed.analysis_panel.heading.text()


def test_it_is_computed_only_when_shown(qtbot, recorded, make_window):
    window = make_window(with_analysis=True)
    qtbot.wait(400)
    assert window.analysis_panel.summary is None, "a hidden panel costs nothing"


def test_a_click_on_a_group_bar_filters_list_and_map_to_that_group(qtbot, analysed):
    panel, listing = analysed.analysis_panel, analysed.list_panel
    bars = panel.groups.chart().series()[0].barSets()[0]
    shown = list(reversed(panel.summary.groups[:8]))
    fire = next(i for i, group in enumerate(shown) if group.code == "brand")
    wait_analysed(qtbot, panel, lambda: bars.clicked.emit(fire))
    assert listing.model.count == 4
    assert panel.summary.total == 4


def test_a_click_on_a_matrix_cell_shows_just_those_incidents(qtbot, analysed):
    panel, listing = analysed.analysis_panel, analysed.list_panel
    wait_analysed(qtbot, panel, lambda: panel.matrix.cellClicked.emit(0, 18))
    assert listing.model.count == 9
    assert listing.filters.narrowing.isVisible()
    assert "mån 18–19" in listing.filters.narrowing.text()


def test_a_click_on_a_place_shows_its_incidents(qtbot, analysed):
    panel, listing = analysed.analysis_panel, analysed.list_panel
    row = next(i for i, p in enumerate(panel.summary.places) if p.name == "Hulta torg")
    wait_analysed(qtbot, panel, lambda: panel.places.cellClicked.emit(row, 0))
    assert listing.model.count == 9


def test_a_click_on_a_trend_bar_picks_that_week(qtbot, analysed, recorded):
    panel, listing = analysed.analysis_panel, analysed.list_panel
    buckets = panel.summary.trend
    index = next(i for i, b in enumerate(buckets) if b.start.date() <= recorded[0] < b.end.date())
    bars = panel.trend.chart().series()[0].barSets()[0]
    wait_analysed(qtbot, panel, lambda: bars.clicked.emit(index))
    assert listing.filters._from.date().toPython() == buckets[index].start.date()
    assert listing.model.count == buckets[index].count
