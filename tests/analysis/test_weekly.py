"""Veckans lägesbild: the week against the mean of the 4 before, per district and in all;
cells that turned hot; the incidents the police were told of."""

from __future__ import annotations

from datetime import date, datetime

from est_desktop.analysis.breakdown import period
from est_desktop.analysis.comparison import compare
from est_desktop.analysis.results import CategoryCount, NotifiedIncident, Verdict, WeeklyPicture
from est_desktop.analysis.weekly import weekly_periods, weekly_picture
from est_desktop.domain.categories import Taxonomy
from est_desktop.domain.incident import LOCAL_TZ
from tests.analysis.samples import (
    DISTRICTS,
    FAR_IN_HULTA,
    NEAR_HULTA_TORG,
    PLACES,
    Event,
    local,
    sample_of,
)

LAST_DAY = date(2026, 11, 1)  # a Sunday; the 4 weeks before hold the autumn clock change
WEEK_DAY = local(2026, 10, 28, 14)
REFERENCE_DAY = local(2026, 10, 5, 14)

# An even spread over the study area (outside both districts), so clusters can stand out.
SPREAD = [(57.705 + 0.004 * i, 12.92 + 0.006 * j) for i in range(6) for j in range(6)]


def spread(at: datetime) -> list[Event]:
    return [Event(at, "nedskrapning", "ovriga", lat=lat, lon=lon) for lat, lon in SPREAD]


def cluster(at: datetime, where: tuple[float, float], n: int, category: str) -> list[Event]:
    return [Event(at, category, "hulta", lat=where[0], lon=where[1])] * n


EVENTS = [
    # the week: a new cluster by Hulta torg, an old one far in Hulta, nothing in Norrby
    *spread(WEEK_DAY),
    *cluster(WEEK_DAY, NEAR_HULTA_TORG, 12, "klotter"),
    *cluster(WEEK_DAY, FAR_IN_HULTA, 12, "glaskross"),
    Event(local(2026, 10, 26, 0, 0), "bilbrand", "hulta", place="Hulta torg", notified=True),
    Event(local(2026, 11, 1, 23, 59), "droghandel", "hulta", notified=True),
    Event(local(2026, 10, 30, 21), "gammal_kod", "", location="municipality", notified=True),
    *[Event(local(2026, 10, 29, 3), "brak_hot_vald", "hulta", source="police", notified=True)] * 2,
    # the 4 weeks before: the far cluster was already there; Norrby was busy
    *spread(REFERENCE_DAY) * 4,
    *cluster(REFERENCE_DAY, FAR_IN_HULTA, 40, "glaskross"),
    *[Event(local(2026, 10, 12), "klotter", "norrby")] * 40,
    Event(local(2026, 9, 28, 0, 0), "klotter", "norrby"),  # the first moment of the 4 weeks
    Event(local(2026, 10, 25, 2, 30, fold=1), "klotter", "norrby"),  # the repeated hour
    # outside both
    Event(local(2026, 9, 27, 23, 59), "klotter", "norrby"),
    Event(local(2026, 11, 2, 0, 0), "klotter", "hulta", notified=True),
]


def picture(taxonomy: Taxonomy, events=EVENTS, include_police: bool = True) -> WeeklyPicture:
    return weekly_picture(
        sample_of(events),
        LAST_DAY,
        district_lookup=DISTRICTS,
        taxonomy=taxonomy,
        places=PLACES,
        include_police=include_police,
    )


def count(p, district=None, police=True) -> int:
    return sum(
        p.start <= e.at < p.end
        and (district is None or e.district == district)
        and (police or e.source != "police")
        for e in EVENTS
    )


def test_the_week_is_seven_days_and_the_reference_the_four_weeks_before():
    week, reference = weekly_periods(LAST_DAY)

    assert week == period(date(2026, 10, 26), date(2026, 11, 1))
    assert reference == period(date(2026, 9, 28), date(2026, 10, 25))
    assert reference.end == week.start


def test_each_district_and_the_total_are_compared_with_the_mean_of_four_weeks(taxonomy):
    found = picture(taxonomy)
    week, reference = found.period, found.reference

    assert [(d.code, d.name) for d in found.districts] == [
        ("hulta", "Hulta"),
        ("norrby", "Norrby"),
        ("ovriga", "Övriga Borås"),
    ]
    for district in found.districts:
        expected = compare(count(week, district.code), count(reference, district.code), 4)
        assert district.change == expected, district.code
    assert found.total == compare(count(week), count(reference), 4)
    norrby = found.districts[1].change
    assert (norrby.current, norrby.reference, norrby.verdict) == (0, 10.5, Verdict.FEWER)


def test_a_district_lists_its_three_largest_categories_of_the_week(taxonomy):
    hulta = picture(taxonomy).districts[0]

    assert hulta.top_categories == (
        CategoryCount("klotter", "Klotter", 12),
        CategoryCount("glaskross", "Glaskross", 12),
        CategoryCount("brak_hot_vald", taxonomy.label("brak_hot_vald"), 2),
    )


def test_only_cells_hot_this_week_and_not_before_are_new_hotspots(taxonomy):
    found = picture(taxonomy).new_hotspots

    assert [(p.name, p.count, p.named) for p in found] == [("Ruta vid Hulta torg", 12, False)]


def test_a_lone_incident_in_a_quiet_week_is_not_a_new_hotspot(taxonomy):
    # Against an almost empty grid one incident is "significant"; it is not a place to act on.
    quiet = [*spread(WEEK_DAY), *cluster(WEEK_DAY, NEAR_HULTA_TORG, 2, "klotter")]
    assert picture(taxonomy, events=quiet).new_hotspots == ()
    busy = [*spread(WEEK_DAY), *cluster(WEEK_DAY, NEAR_HULTA_TORG, 3, "klotter")]
    assert [p.count for p in picture(taxonomy, events=busy).new_hotspots] == [3]


def test_the_weeks_incidents_told_to_the_police_come_newest_first(taxonomy):
    found = picture(taxonomy).notified
    fight, drugs, fire = (taxonomy.label(c) for c in ("brak_hot_vald", "droghandel", "bilbrand"))

    assert found == (
        NotifiedIncident(local(2026, 11, 1, 23, 59), drugs, "Hulta", ""),
        NotifiedIncident(local(2026, 10, 30, 21), "gammal_kod", "", ""),
        NotifiedIncident(local(2026, 10, 29, 3), fight, "Hulta", ""),
        NotifiedIncident(local(2026, 10, 29, 3), fight, "Hulta", ""),
        NotifiedIncident(local(2026, 10, 26, 0, 0), fire, "Hulta", "Hulta torg"),
    )
    assert all(n.occurred_at.tzinfo is LOCAL_TZ for n in found)


def test_without_police_rights_police_records_count_nowhere(taxonomy):
    found = picture(taxonomy, include_police=False)

    hulta = found.districts[0]
    assert hulta.change.current == count(found.period, "hulta", police=False)
    assert found.total.current == count(found.period, police=False)
    assert "brak_hot_vald" not in {c.code for c in hulta.top_categories}
    assert len(found.notified) == 3


def test_an_empty_week_says_too_few_everywhere(taxonomy):
    found = picture(taxonomy, events=[])

    assert all(d.change.verdict is Verdict.TOO_FEW for d in found.districts)
    assert (found.new_hotspots, found.notified) == ((), ())
    assert found.total.current == 0
