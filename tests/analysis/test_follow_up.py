"""Follow-up of a measure: the ratio of rate ratios against a hand-computed case, the area and
control geometry, the filters, the edge cases and the Swedish verdicts."""

from __future__ import annotations

import math
import uuid
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from est_desktop.analysis.comparison import compare
from est_desktop.analysis.follow_up import (
    Method,
    follow_up,
    rate_change,
    ratio_of_rate_ratios,
)
from est_desktop.analysis.follow_up_areas import distance_m, polygon_contains
from est_desktop.analysis.follow_up_text import TOO_FEW_TEXT
from est_desktop.analysis.results import Verdict
from est_desktop.domain.measure import Measure, MeasureDraft
from tests.analysis.samples import (
    DISTRICTS,
    FAR_IN_HULTA,
    HULTA_TORG,
    NEAR_HULTA_TORG,
    Event,
    local,
    sample_of,
)

START = date(2026, 3, 1)
TODAY = date(2026, 3, 31)  # after: 1–30 March (30 days); before: 30 January–28 February
IN_NORRBY = (57.7300, 12.9500)
# 150 m east of Hulta torg, inside Hulta: outside a 100 m circle, outside the drawn square.
EAST_OF_TORG = (57.7290, 12.9815)


def _ring(south: float, west: float, north: float, east: float) -> list[list[float]]:
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


def polygon(south: float, west: float, north: float, east: float) -> dict:
    return {"type": "Polygon", "coordinates": [_ring(south, west, north, east)]}


AROUND_TORG = polygon(57.7285, 12.9780, 57.7300, 12.9805)  # holds Hulta torg and NEAR_HULTA_TORG
NORRBY = polygon(57.726, 12.940, 57.735, 12.955)


def measure(**fields: object) -> MeasureDraft:
    values: dict[str, object] = {
        "title": "Belysning vid Hulta torg",
        "district": "hulta",
        "area": AROUND_TORG,
        "start_date": START,
    }
    values.update(fields)
    return MeasureDraft(**values)  # type: ignore[arg-type]


def spread(n: int, first: date, days: int, at: tuple[float, float], **fields: object) -> list:
    """`n` incidents at `at`, one a day from `first` round the `days` days, at varied hours."""
    return [
        Event(
            local(*(first + timedelta(days=i % days)).timetuple()[:3], hour=(7 * i) % 24),
            lat=at[0],
            lon=at[1],
            **fields,  # type: ignore[arg-type]
        )
        for i in range(n)
    ]


def before(n: int, at: tuple[float, float], **fields: object) -> list:
    return spread(n, date(2026, 1, 30), 30, at, **fields)


def after(n: int, at: tuple[float, float], **fields: object) -> list:
    return spread(n, START, 30, at, **fields)


def run(events: list, draft: MeasureDraft | Measure | None = None, **options: object):
    options.setdefault("today", TODAY)
    return follow_up(
        sample_of(events),
        draft if draft is not None else measure(),
        district_lookup=DISTRICTS,
        **options,  # type: ignore[arg-type]
    )


# -- the hand-computed case ---------------------------------------------------------------

HAND_COMPUTED = [
    *before(50, HULTA_TORG),
    *after(25, HULTA_TORG),
    *before(40, FAR_IN_HULTA),
    *after(40, FAR_IN_HULTA),
    # none of these count:
    Event(local(2026, 1, 29, 23, 59), lat=HULTA_TORG[0], lon=HULTA_TORG[1]),  # before "before"
    Event(local(2026, 3, 31, 8), lat=HULTA_TORG[0], lon=HULTA_TORG[1]),  # today: not over
    *after(5, HULTA_TORG, location="municipality"),  # placed only at the municipality
    *after(7, IN_NORRBY, district="norrby"),  # another district: not the control
]


def test_a_halving_against_a_steady_control_matches_the_hand_computation():
    result = run(HAND_COMPUTED)
    # R = (25 / 50) / (40 / 40) = 0.5
    # var(log R) = 1/50 + 1/25 + 1/40 + 1/40 = 0.02 + 0.04 + 0.025 + 0.025 = 0.11
    # half-width = 1.959964 · √0.11 = 1.959964 · 0.3316625 = 0.6500465
    # low  = exp(log 0.5 − 0.6500465) = exp(−1.3431937) = 0.2610107
    # high = exp(log 0.5 + 0.6500465) = exp(−0.0431007) = 0.9578150
    assert (result.area_before, result.area_after) == (50, 25)
    assert (result.control_before, result.control_after) == (40, 40)
    assert result.method is Method.DIFF_IN_DIFF
    assert result.estimate == pytest.approx(0.5)
    assert result.low == pytest.approx(0.2610107, abs=1e-6)
    assert result.high == pytest.approx(0.9578150, abs=1e-6)
    assert result.percent == pytest.approx(-50.0)
    assert result.verdict is Verdict.FEWER
    # 1 − 0.958 = 4 %, 1 − 0.261 = 74 %; the control's 40 against 40 is no change.
    assert result.text == (
        "Minskning med 50 % (95 % KI 4–74 %); ingen motsvarande förändring i kontrollområdet"
    )
    assert result.control_label == "resten av Hulta"


def test_periods_run_from_the_start_to_yesterday_and_as_long_just_before():
    result = run(HAND_COMPUTED)
    assert (result.after.first_day, result.after.last_day) == (START, date(2026, 3, 30))
    assert (result.before.first_day, result.before.last_day) == (
        date(2026, 1, 30),
        date(2026, 2, 28),
    )
    assert result.before.label == "30 jan–28 feb 2026"


def test_the_areas_own_change_is_the_exact_comparison():
    result = run(HAND_COMPUTED)
    assert result.area_change == compare(25, 50)
    assert result.control_change == compare(40, 40)
    assert result.control_change.verdict is Verdict.UNCLEAR


def test_a_stored_measure_is_followed_up_like_its_draft():
    stored = Measure(id=uuid.uuid4(), draft=measure())
    assert run(HAND_COMPUTED, stored) == run(HAND_COMPUTED)


# -- zero and few counts ------------------------------------------------------------------


def test_a_zero_count_gives_no_estimate_and_says_too_few():
    result = run([*before(30, HULTA_TORG), *before(20, FAR_IN_HULTA), *after(20, FAR_IN_HULTA)])
    assert (result.area_before, result.area_after) == (30, 0)
    assert (result.estimate, result.low, result.high) == (None, None, None)
    assert result.percent is None
    assert result.verdict is Verdict.TOO_FEW
    assert result.text == TOO_FEW_TEXT == "För få händelser för att säga något"


def test_no_incidents_at_all_says_too_few():
    result = run([])
    assert (result.area_before, result.area_after, result.control_before) == (0, 0, 0)
    assert result.verdict is Verdict.TOO_FEW
    assert result.text == TOO_FEW_TEXT


def test_few_incidents_in_the_area_give_no_verdict_even_with_an_estimate():
    # 4 against 2: an estimate exists, but 6 incidents are below comparison.MIN_TOTAL.
    result = run(
        [
            *before(4, HULTA_TORG),
            *after(2, HULTA_TORG),
            *before(30, FAR_IN_HULTA),
            *after(30, FAR_IN_HULTA),
        ]
    )
    assert result.estimate == pytest.approx(0.5)
    assert result.verdict is Verdict.TOO_FEW
    assert result.text == TOO_FEW_TEXT


@pytest.mark.parametrize("counts", [(0, 1, 1, 1), (1, 0, 1, 1), (1, 1, 0, 1), (1, 1, 1, 0)])
def test_the_ratio_of_rate_ratios_needs_every_count(counts):
    assert ratio_of_rate_ratios(*counts) == (None, None, None)


def test_an_interval_holding_no_change_is_said_to_be_unclear():
    # R = (16/20)/(20/20) = 0.8; var = 1/20 + 1/16 + 1/20 + 1/20 = 0.2125,
    # half-width 1.959964 · 0.4609772 = 0.9034989: 0.8 · e^∓0.9035 = 0.324 to 1.975.
    result = run(
        [
            *before(20, HULTA_TORG),
            *after(16, HULTA_TORG),
            *before(20, FAR_IN_HULTA),
            *after(20, FAR_IN_HULTA),
        ]
    )
    assert (result.low, result.high) == pytest.approx((0.3241197, 1.9745790), abs=1e-6)
    assert result.verdict is Verdict.UNCLEAR
    assert result.text == (
        "Ingen säker förändring jämfört med kontrollområdet: −20 % "
        "(95 % KI −68 till +97 %), skillnaden kan vara slumpen"
    )


def test_a_control_that_also_fell_is_named_in_the_verdict():
    # R = (20/80)/(40/80) = 0.5; the control fell by half as well.
    result = run(
        [
            *before(80, HULTA_TORG),
            *after(20, HULTA_TORG),
            *before(80, FAR_IN_HULTA),
            *after(40, FAR_IN_HULTA),
        ]
    )
    assert result.verdict is Verdict.FEWER
    assert result.text.startswith("Minskning med 50 % (95 % KI ")
    assert result.text.endswith("; räknat mot kontrollområdet, som också minskade (−50 %)")


def test_a_clear_rise_is_said_as_a_rise():
    # R = (60/20)/(30/30) = 3; half-width 1.959964 · √(1/20 + 1/60 + 2/30) = 1.959964 ·
    # 0.3651484 = 0.7156817, e^0.7156817 = 2.045628: 3 / 2.0456 = 1.4666 to 3 · 2.0456 = 6.1369,
    # i.e. +47 % to +514 %.
    result = run(
        [
            *before(20, HULTA_TORG),
            *after(60, HULTA_TORG),
            *before(30, FAR_IN_HULTA),
            *after(30, FAR_IN_HULTA),
        ]
    )
    assert result.verdict is Verdict.MORE
    assert result.text == (
        "Ökning med 200 % (95 % KI 47–514 %); ingen motsvarande förändring i kontrollområdet"
    )


# -- where: circles, polygons, districts --------------------------------------------------


def test_a_measure_at_a_point_counts_within_its_radius():
    events = [
        *before(10, HULTA_TORG),
        *before(10, NEAR_HULTA_TORG),  # 81 m away
        *before(10, EAST_OF_TORG),  # 148 m away
        *after(5, HULTA_TORG),
        *after(5, NEAR_HULTA_TORG),
        *after(5, EAST_OF_TORG),
    ]
    circle = measure(area=None, lat=HULTA_TORG[0], lon=HULTA_TORG[1], radius_m=100.0)
    result = run(events, circle)
    assert (result.area_before, result.area_after) == (20, 10)
    assert (result.control_before, result.control_after) == (10, 5)  # the rest of Hulta


def test_a_point_without_a_radius_covers_fifty_metres():
    events = [*before(3, HULTA_TORG), *before(4, NEAR_HULTA_TORG), *after(2, HULTA_TORG)]
    result = run(events, measure(area=None, lat=HULTA_TORG[0], lon=HULTA_TORG[1]))
    assert (result.area_before, result.area_after) == (3, 2)
    assert (result.control_before, result.control_after) == (4, 0)


def test_a_measure_without_a_district_takes_the_district_of_its_point():
    point = measure(district=None, area=None, lat=HULTA_TORG[0], lon=HULTA_TORG[1])
    result = run(HAND_COMPUTED, point)
    assert result.control_label == "resten av Hulta"
    assert (result.control_before, result.control_after) == (40, 40)


def test_a_control_polygon_replaces_the_rest_of_the_district():
    events = [*HAND_COMPUTED, *before(10, IN_NORRBY, district="norrby")]
    result = run(events, control=NORRBY)
    # Norrby: 10 before, and the 7 after of the hand-computed sample.
    assert (result.control_before, result.control_after) == (10, 7)
    assert result.control_label == "valt kontrollområde"
    # R = (25/50)/(7/10) = 0.714...
    assert result.estimate == pytest.approx((25 / 50) / (7 / 10))


def test_a_control_polygon_never_counts_the_measures_own_area():
    all_of_hulta = polygon(57.720, 12.960, 57.735, 12.995)
    result = run(HAND_COMPUTED, control=all_of_hulta)
    assert (result.control_before, result.control_after) == (40, 40)


def test_without_a_control_the_estimate_is_the_areas_own_exact_ratio():
    result = run(HAND_COMPUTED, control=None)
    own = compare(25, 50)
    assert result.method is Method.RATE_RATIO
    assert (result.control_before, result.control_change, result.control_label) == (None, None, "")
    assert (result.estimate, result.low, result.high) == (own.ratio, own.low, own.high)
    assert result.verdict is own.verdict is Verdict.FEWER
    assert result.text.startswith("Minskning med 50 % (95 % KI ")
    assert result.text.endswith("; utan kontrollområde kan förändringen ha andra orsaker")


def test_a_district_wide_measure_counts_its_district_against_a_drawn_control():
    whole = measure(area=None)
    result = run(HAND_COMPUTED, whole, control=NORRBY)
    assert (result.area_before, result.area_after) == (90, 65)
    with pytest.raises(ValueError, match="hela området"):
        run(HAND_COMPUTED, whole)


# -- what counts --------------------------------------------------------------------------


def test_only_the_targeted_categories_count():
    events = [
        *HAND_COMPUTED,
        *before(9, HULTA_TORG, category="nedskrapning"),
        *after(3, FAR_IN_HULTA, category="nedskrapning"),
    ]
    graffiti = run(events, measure(categories=("klotter",)))
    assert replace(graffiti, categories=()) == run(HAND_COMPUTED)
    littering = run(events, measure(categories=("nedskrapning",)))
    assert (littering.area_before, littering.area_after) == (9, 0)
    assert (littering.control_before, littering.control_after) == (0, 3)
    assert littering.categories == ("nedskrapning",)
    every = run(events, measure(categories=()))
    assert (every.area_before, every.control_after) == (59, 43)


def test_a_longer_period_before_is_compared_per_day():
    events = [*spread(60, date(2025, 12, 31), 60, HULTA_TORG), *after(30, HULTA_TORG)]
    result = run(events, control=None, before_days=60)
    assert result.before.first_day == date(2025, 12, 31)
    assert result.area_change == compare(30, 60, 2)  # 30 a month against 60 in two months
    assert result.estimate == pytest.approx(1.0)


def test_a_before_period_of_other_length_scales_the_exact_interval():
    # 30 after in 30 days against 45 before in 45 days: one a day both times.
    change = rate_change(30, 45, 30, 45)
    plain = compare(30, 45)
    assert change.ratio == pytest.approx(1.0)
    assert change.reference == pytest.approx(30.0)
    assert (change.low, change.high) == pytest.approx((plain.low * 1.5, plain.high * 1.5))
    assert change.verdict is Verdict.UNCLEAR


# -- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "today", "words"),
    [
        (measure(start_date=None), TODAY, "startdatum"),
        (measure(start_date=TODAY), TODAY, "hel dag"),
        (measure(area=None, district=None), TODAY, "varken yta"),
        (measure(area={"type": "Point", "coordinates": [12.9, 57.7]}), TODAY, "GeoJSON"),
    ],
)
def test_a_measure_that_cannot_be_followed_up_says_why(draft, today, words):
    with pytest.raises(ValueError, match=words):
        run(HAND_COMPUTED, draft, today=today)


# -- geometry -----------------------------------------------------------------------------


def test_polygon_contains_respects_holes_and_multipolygons():
    with_hole = {
        "type": "Polygon",
        "coordinates": [_ring(0.0, 0.0, 10.0, 10.0), _ring(4.0, 4.0, 6.0, 6.0)],
    }
    lat = np.array([1.0, 5.0, 9.0, 11.0, 5.0])
    lon = np.array([1.0, 5.0, 9.0, 5.0, -1.0])
    assert polygon_contains(with_hole, lat, lon).tolist() == [True, False, True, False, False]
    two = {
        "type": "MultiPolygon",
        "coordinates": [[_ring(0.0, 0.0, 1.0, 1.0)], [_ring(2.0, 2.0, 3.0, 3.0)]],
    }
    assert polygon_contains(two, [0.5, 1.5, 2.5], [0.5, 1.5, 2.5]).tolist() == [
        True,
        False,
        True,
    ]


def test_polygon_contains_handles_a_triangle_and_no_points():
    triangle = {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [0, 4], [0, 0]]]}
    assert polygon_contains(triangle, [1.0, 3.0], [1.0, 3.0]).tolist() == [True, False]
    assert polygon_contains(triangle, [], []).tolist() == []


def test_distance_is_the_equirectangular_metres_of_the_place_index():
    assert distance_m(*HULTA_TORG, [NEAR_HULTA_TORG[0]], [NEAR_HULTA_TORG[1]])[0] == (
        pytest.approx(81.34, abs=0.01)
    )


# -- properties ---------------------------------------------------------------------------

counts = st.integers(1, 5_000)


@given(a0=counts, a1=counts, c0=counts, c1=counts)
def test_swapping_before_and_after_inverts_the_estimate(a0, a1, c0, c1):
    estimate, low, high = ratio_of_rate_ratios(a0, a1, c0, c1)
    swapped, s_low, s_high = ratio_of_rate_ratios(a1, a0, c1, c0)
    assert swapped == pytest.approx(1 / estimate, rel=1e-9)
    assert (s_low, s_high) == pytest.approx((1 / high, 1 / low), rel=1e-9)
    assert low <= estimate <= high


@given(a0=counts, a1=counts, c0=counts, c1=counts)
def test_swapping_area_and_control_inverts_the_estimate(a0, a1, c0, c1):
    estimate, low, high = ratio_of_rate_ratios(a0, a1, c0, c1)
    swapped, s_low, s_high = ratio_of_rate_ratios(c0, c1, a0, a1)
    assert swapped == pytest.approx(1 / estimate, rel=1e-9)
    assert (s_low, s_high) == pytest.approx((1 / high, 1 / low), rel=1e-9)


@given(a=counts, c=counts, k=st.integers(1, 20))
def test_scaling_every_count_narrows_the_interval_around_the_same_estimate(a, c, k):
    estimate, low, high = ratio_of_rate_ratios(a, 2 * a, c, c)
    scaled, s_low, s_high = ratio_of_rate_ratios(k * a, 2 * k * a, k * c, k * c)
    assert scaled == pytest.approx(estimate)
    assert math.log(s_high / s_low) <= math.log(high / low) + 1e-12
