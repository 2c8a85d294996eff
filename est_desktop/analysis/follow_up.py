"""Follow-up of a measure: did incidents in its area change more than elsewhere?

The measure's area (its drawn polygon, else the circle around its point, else its whole
district) is counted in two periods: *after* runs from the measure's start date to yesterday
(during and after the measure: an effect may outlast it; today is left out as it is not over),
*before* is the same number of days just before the start (or `before_days`). Only incidents
of the measure's targeted categories count (all when it names none), and never those placed
only at the municipality: they say nothing about where.

With a control area (the rest of the measure's district, or a polygon the analyst picks,
always without the measure's own area) the estimate is the ratio of rate ratios

    R = (a_after / a_before) / (c_after / c_before),

a difference-in-differences on the log scale: what changed in the area beyond what changed
around it. The period lengths cancel, as both areas share them. Its 95 % interval is the Wald
interval on log R, whose variance for Poisson counts is the sum of the reciprocal counts:
exp(log R ± 1.96 · √(1/a_before + 1/a_after + 1/c_before + 1/c_after)). No interval exists
when a count is zero, and with fewer than `MIN_TOTAL` incidents in either area the normal
approximation is not to be trusted: then the verdict is "för få händelser". Without a control
the estimate is the area's own rate ratio with the exact interval of `comparison.compare`.

Pure: plain data in, a frozen `FollowUp` out; safe on any thread.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise
from statistics import NormalDist
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from est_desktop.analysis.breakdown import in_period, period
from est_desktop.analysis.comparison import (
    CONFIDENCE,
    MIN_TOTAL,
    change_text,
    compare,
    verdict_of,
)
from est_desktop.analysis.results import Change, IncidentSample, Period, Verdict
from est_desktop.domain.incident import LocationPrecision
from est_desktop.domain.language import QT_TRANSLATE_NOOP, translate, whole_number
from est_desktop.domain.measure import DEFAULT_RADIUS_M, Measure, MeasureDraft
from est_desktop.geo.district_lookup import DistrictLookup
from est_desktop.geo.places import EARTH_RADIUS_M

TOO_FEW_TEXT = QT_TRANSLATE_NOOP("FollowUp", "För få händelser för att säga något")
_Z = NormalDist().inv_cdf(1 - (1 - CONFIDENCE) / 2)

Mask = npt.NDArray[np.bool_]
Control = Literal["district"] | Mapping[str, Any] | None


class Method(StrEnum):
    """How the estimate was made."""

    DIFF_IN_DIFF = "diff_in_diff"  # ratio of rate ratios against a control, Wald interval
    RATE_RATIO = "rate_ratio"  # the area's own after/before ratio, exact interval


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The follow-up of one measure, ready to show or print."""

    before: Period
    after: Period  # from the measure's start to yesterday
    categories: tuple[str, ...]  # the codes counted; empty: all
    area_before: int
    area_after: int
    area_change: Change  # the area's own change (exact, per day of each period)
    control_label: str  # "resten av Hulta", "valt kontrollområde"; "" without a control
    control_before: int | None  # None without a control
    control_after: int | None
    control_change: Change | None
    method: Method
    estimate: float | None  # the rate ratio (after/before), relative to the control if any
    low: float | None  # its 95 % interval; all three None when it cannot be estimated
    high: float | None
    verdict: Verdict
    text: str  # the verdict in plain Swedish

    @property
    def summary(self) -> str:
        """The verdict and what it was measured against, for print and the measures view:
        "Minskning med 34 % (…); ingen motsvarande förändring i kontrollområdet
        (jämfört med resten av Hulta)"."""
        if not self.control_label:
            return translate("FollowUp", "{text} (utan kontrollområde)").format(text=self.text)
        text = translate("FollowUp", "{text} (jämfört med {control})")
        return text.format(text=self.text, control=self.control_label)

    @property
    def percent(self) -> float | None:
        """The estimated change in percent (−34.0 for a third fewer)."""
        return None if self.estimate is None else (self.estimate - 1.0) * 100.0


def follow_up(
    sample: IncidentSample,
    measure: Measure | MeasureDraft,
    *,
    district_lookup: DistrictLookup,
    control: Control = "district",
    before_days: int | None = None,
    today: date,
) -> FollowUp:
    """Follow up `measure` on `sample`, which must cover both periods (it may hold more).

    `control` is "district" (the rest of the measure's district: its `district`, else the
    district of its point or area), a GeoJSON Polygon or MultiPolygon geometry ([lon, lat]),
    or None for no control. The sample's records all count: leave out police records the
    reader may not see before calling. ValueError, in Swedish, when the measure cannot be
    followed up (no start date, not begun a full day, no place to count in).
    """
    draft = measure.draft if isinstance(measure, Measure) else measure
    after, before = _periods(draft, today, before_days)
    days_after, days_before = _days(after), _days(before)

    counted = sample.location_precision != LocationPrecision.MUNICIPALITY.value
    if draft.categories:
        counted &= np.isin(sample.category, list(draft.categories))
    counted &= in_period(sample, before) | in_period(sample, after)
    chosen = sample.select(counted)
    is_after = in_period(chosen, after)

    district = _district_of(draft, district_lookup)
    in_area = _area_mask(chosen, draft, district)
    a_before, a_after = _split(in_area, is_after)
    area_change = rate_change(a_after, a_before, days_after, days_before)

    control_mask, control_label = _control_mask(chosen, draft, control, district, district_lookup)
    common = {
        "before": before,
        "after": after,
        "categories": draft.categories,
        "area_before": a_before,
        "area_after": a_after,
        "area_change": area_change,
    }
    if control_mask is None:
        low, high = _interval(area_change)
        return FollowUp(
            **common,
            control_label="",
            control_before=None,
            control_after=None,
            control_change=None,
            method=Method.RATE_RATIO,
            estimate=area_change.ratio,
            low=low,
            high=high,
            verdict=area_change.verdict,
            text=_uncontrolled_text(area_change),
        )
    control_mask &= ~in_area  # the control never holds the measure's own area
    c_before, c_after = _split(control_mask, is_after)
    control_change = rate_change(c_after, c_before, days_after, days_before)
    estimate, low, high = ratio_of_rate_ratios(a_before, a_after, c_before, c_after)
    too_few = a_before + a_after < MIN_TOTAL or c_before + c_after < MIN_TOTAL
    verdict = verdict_of(low, high, too_few=estimate is None or too_few)
    return FollowUp(
        **common,
        control_label=control_label,
        control_before=c_before,
        control_after=c_after,
        control_change=control_change,
        method=Method.DIFF_IN_DIFF,
        estimate=estimate,
        low=low,
        high=high,
        verdict=verdict,
        text=_controlled_text(verdict, estimate, low, high, control_change),
    )


def ratio_of_rate_ratios(
    a_before: int, a_after: int, c_before: int, c_after: int
) -> tuple[float | None, float | None, float | None]:
    """(R, low, high): R = (a_after/a_before) / (c_after/c_before) and its 95 % Wald interval
    on the log scale; (None, None, None) when a count is zero."""
    counts = (a_before, a_after, c_before, c_after)
    if min(counts) < 0:
        raise ValueError(f"counts cannot be negative: {counts}")
    if min(counts) == 0:
        return None, None, None
    log_r = math.log(a_after) - math.log(a_before) - math.log(c_after) + math.log(c_before)
    half = _Z * math.sqrt(sum(1.0 / n for n in counts))
    return math.exp(log_r), math.exp(log_r - half), math.exp(log_r + half)


def rate_change(after: int, before: int, days_after: int, days_before: int) -> Change:
    """`after` against `before` as rates per day, by `comparison.compare`: exact (Clopper–
    Pearson). When the before period is not a whole number of after periods, compare's
    one-period interval is scaled by the ratio of the lengths (the same exact interval for
    the rate ratio), and `reference` is the before count at the after period's length."""
    if days_before % days_after == 0:
        return compare(after, before, days_before // days_after)
    plain = compare(after, before)
    scale = days_before / days_after
    low = None if plain.low is None else plain.low * scale
    high = None if plain.high is None else plain.high * scale
    verdict = verdict_of(low, high, too_few=plain.verdict is Verdict.TOO_FEW)
    ratio = None if plain.ratio is None else plain.ratio * scale
    return Change(after, before / scale, ratio, low, high, verdict)


# -- periods and places -------------------------------------------------------------------


def _periods(draft: MeasureDraft, today: date, before_days: int | None) -> tuple[Period, Period]:
    start = draft.start_date
    if start is None:
        raise ValueError(
            translate("FollowUp", "Åtgärden saknar startdatum och kan inte följas upp.")
        )
    last = today - timedelta(days=1)  # today is not over: its count would be too low
    if start > last:
        raise ValueError(
            translate(
                "FollowUp",
                "Åtgärden har inte pågått en hel dag än: uppföljningen kan göras från dagen "
                "efter startdatumet.",
            )
        )
    after = period(start, last)
    days = _days(after) if before_days is None else before_days
    if days < 1:
        text = translate("FollowUp", "Perioden före åtgärden måste vara minst en dag, inte {days}.")
        raise ValueError(text.format(days=days))
    return after, period(start - timedelta(days=days), start - timedelta(days=1))


def _days(p: Period) -> int:
    return (p.last_day - p.first_day).days + 1


def _district_of(draft: MeasureDraft, lookup: DistrictLookup) -> str | None:
    """The measure's district: as given, else the one its point lies in, else the one the
    mean of its area's outer corners lies in."""
    if draft.district:
        return draft.district
    if draft.lat is not None and draft.lon is not None:
        return lookup.district_at(draft.lat, draft.lon)
    if draft.area is not None:
        ring = np.asarray(_rings(draft.area)[0], dtype=np.float64)
        return lookup.district_at(float(ring[:-1, 1].mean()), float(ring[:-1, 0].mean()))
    return None


def _area_mask(sample: IncidentSample, draft: MeasureDraft, district: str | None) -> Mask:
    if draft.area is not None:
        return polygon_contains(draft.area, sample.lat, sample.lon)
    if draft.lat is not None and draft.lon is not None:
        radius = draft.radius_m or DEFAULT_RADIUS_M
        return distance_m(draft.lat, draft.lon, sample.lat, sample.lon) <= radius
    if district is None:
        raise ValueError(
            translate(
                "FollowUp",
                "Åtgärden har varken yta, punkt eller område: det finns inget att räkna.",
            )
        )
    return np.asarray(sample.district == district, dtype=bool)


def _control_mask(
    sample: IncidentSample,
    draft: MeasureDraft,
    control: Control,
    district: str | None,
    lookup: DistrictLookup,
) -> tuple[Mask | None, str]:
    if control is None:
        return None, ""
    if isinstance(control, str) and control == "district":
        if district is None:
            raise ValueError(
                translate(
                    "FollowUp",
                    "Åtgärden hör inte till något område: välj ett kontrollområde på kartan.",
                )
            )
        if draft.area is None and (draft.lat is None or draft.lon is None):
            raise ValueError(
                translate(
                    "FollowUp",
                    "Åtgärden gäller hela området, så det finns ingen rest av området att "
                    "jämföra med: välj ett kontrollområde på kartan.",
                )
            )
        mask = np.asarray(sample.district == district, dtype=bool)
        rest = translate("FollowUp", "resten av {district}")
        return mask, rest.format(district=lookup.name_of(district))
    if isinstance(control, Mapping):
        chosen = translate("FollowUp", "valt kontrollområde")
        return polygon_contains(control, sample.lat, sample.lon), chosen
    raise ValueError(f"control must be 'district', a GeoJSON polygon or None, not {control!r}")


def _split(mask: Mask, is_after: Mask) -> tuple[int, int]:
    """(before, after) counts of the incidents in `mask`."""
    return int(np.count_nonzero(mask & ~is_after)), int(np.count_nonzero(mask & is_after))


# -- geometry (planar in lon/lat, like geo.district_lookup: fine at the scale of a town) ----


def polygon_contains(geometry: Mapping[str, Any], lat: npt.ArrayLike, lon: npt.ArrayLike) -> Mask:
    """Which points lie in a GeoJSON Polygon or MultiPolygon ([lon, lat], holes allowed).

    Even-odd ray casting over all rings at once (a hole's crossings cancel its exterior's),
    vectorised over the points, one pass per edge, after a bounding-box prefilter: a measure's
    area is small, so few points reach the edges. Points on an edge may fall either way.
    """
    lat = np.asarray(lat, dtype=np.float64)
    lon = np.asarray(lon, dtype=np.float64)
    inside = np.zeros(lat.shape, dtype=bool)
    rings = [np.asarray(ring, dtype=np.float64)[:, :2] for ring in _rings(geometry)]
    corners = np.concatenate(rings)
    (west, south), (east, north) = corners.min(axis=0), corners.max(axis=0)
    candidates = np.flatnonzero((lon >= west) & (lon <= east) & (lat >= south) & (lat <= north))
    y, x = lat[candidates], lon[candidates]
    hit = np.zeros(len(candidates), dtype=bool)
    for ring in rings:
        for (x1, y1), (x2, y2) in pairwise(ring.tolist()):
            crosses = (y1 > y) != (y2 > y)
            if y1 == y2 or not crosses.any():
                continue
            hit ^= crosses & (x < x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    inside[candidates] = hit
    return inside


def distance_m(
    lat0: float, lon0: float, lat: npt.ArrayLike, lon: npt.ArrayLike
) -> npt.NDArray[np.float64]:
    """Metres from (lat0, lon0) to each point: equirectangular, as `geo.places` measures."""
    lat = np.asarray(lat, dtype=np.float64)
    lon = np.asarray(lon, dtype=np.float64)
    x = np.radians(lon - lon0) * np.cos(np.radians((lat + lat0) / 2))
    return EARTH_RADIUS_M * np.hypot(x, np.radians(lat - lat0))


def _rings(geometry: Mapping[str, Any]) -> list[list[list[float]]]:
    """All rings of a Polygon or MultiPolygon geometry; ValueError if it is neither."""
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else None
    rings = (
        [ring for polygon in polygons for ring in polygon]
        if isinstance(polygons, list) and all(isinstance(p, list) for p in polygons)
        else []
    )
    if not rings or not all(
        isinstance(ring, list) and len(ring) >= 4 and ring[0] == ring[-1] for ring in rings
    ):
        raise ValueError(
            translate(
                "FollowUp",
                "Ytan ska vara en GeoJSON-polygon: slutna ringar av minst fyra [lon, lat]-punkter.",
            )
        )
    return rings


# -- words --------------------------------------------------------------------------------


def _interval(change: Change) -> tuple[float | None, float | None]:
    if change.ratio is None:
        return None, None
    return change.low, change.high


def _controlled_text(
    verdict: Verdict,
    estimate: float | None,
    low: float | None,
    high: float | None,
    control: Change,
) -> str:
    if verdict is Verdict.TOO_FEW or estimate is None or low is None or high is None:
        return translate("FollowUp", TOO_FEW_TEXT)
    if verdict is Verdict.UNCLEAR:
        text = translate(
            "FollowUp",
            "Ingen säker förändring jämfört med kontrollområdet: {interval}, skillnaden kan "
            "vara slumpen",
        )
        return text.format(interval=_unclear(estimate, low, high))
    headline = _clear(verdict, estimate, low, high)
    if control.verdict in (Verdict.FEWER, Verdict.MORE) and control.ratio is not None:
        same = control.verdict is verdict
        if control.verdict is Verdict.FEWER:
            text = (
                translate(
                    "FollowUp",
                    "{headline}; räknat mot kontrollområdet, som också minskade ({change} %)",
                )
                if same
                else translate(
                    "FollowUp", "{headline}; räknat mot kontrollområdet, som minskade ({change} %)"
                )
            )
        else:
            text = (
                translate(
                    "FollowUp",
                    "{headline}; räknat mot kontrollområdet, som också ökade ({change} %)",
                )
                if same
                else translate(
                    "FollowUp", "{headline}; räknat mot kontrollområdet, som ökade ({change} %)"
                )
            )
        return text.format(headline=headline, change=_signed((control.ratio - 1) * 100))
    text = translate("FollowUp", "{headline}; ingen motsvarande förändring i kontrollområdet")
    return text.format(headline=headline)


def _uncontrolled_text(change: Change) -> str:
    if change.verdict is Verdict.TOO_FEW:
        return translate("FollowUp", TOO_FEW_TEXT)
    if change.ratio is None or change.low is None or change.high is None:
        text = change_text(change)  # none before: "nytt: 12 mot 0, en tydlig ökning"
        return text[:1].upper() + text[1:]
    if change.verdict is Verdict.UNCLEAR:
        interval = _unclear(change.ratio, change.low, change.high)
        text = translate(
            "FollowUp", "Ingen säker förändring: {interval}, skillnaden kan vara slumpen"
        )
        return text.format(interval=interval)
    headline = _clear(change.verdict, change.ratio, change.low, change.high)
    text = translate(
        "FollowUp", "{headline}; utan kontrollområde kan förändringen ha andra orsaker"
    )
    return text.format(headline=headline)


def _clear(verdict: Verdict, estimate: float, low: float, high: float) -> str:
    """A clear change: "Minskning med 34 % (95 % KI 12–51 %)", "Ökning med 50 % (...)"."""
    if verdict is Verdict.FEWER:
        size, near, far = 1 - estimate, 1 - high, 1 - low
        text = translate("FollowUp", "Minskning med {size} % (95 % KI {near}–{far} %)")
    else:
        size, near, far = estimate - 1, low - 1, high - 1
        text = translate("FollowUp", "Ökning med {size} % (95 % KI {near}–{far} %)")
    return text.format(size=_whole(size * 100), near=_whole(near * 100), far=_whole(far * 100))


def _unclear(estimate: float, low: float, high: float) -> str:
    """An interval that holds no change: "−12 % (95 % KI −40 till +28 %)"."""
    text = translate("FollowUp", "{change} % (95 % KI {low} till {high} %)")
    return text.format(
        change=_signed((estimate - 1) * 100),
        low=_signed((low - 1) * 100),
        high=_signed((high - 1) * 100),
    )


def _whole(value: float) -> str:
    """A non-negative percentage, rounded half up like `comparison.change_text`."""
    return whole_number(value)


def _signed(value: float) -> str:
    rounded = int(abs(value) + 0.5)
    if rounded == 0:
        return "±0"
    return ("+" if value > 0 else "−") + _whole(rounded)
