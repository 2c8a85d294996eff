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

Which incidents the area and the control hold is follow_up_areas.py; the verdict's words are
follow_up_text.py. Pure: plain data in, a frozen `FollowUp` out; safe on any thread.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from statistics import NormalDist

import numpy as np

from est_desktop.analysis.breakdown import in_period, period
from est_desktop.analysis.comparison import CONFIDENCE, MIN_TOTAL, compare, verdict_of
from est_desktop.analysis.follow_up_areas import (
    Control,
    Mask,
    area_mask,
    control_mask,
    district_of,
)
from est_desktop.analysis.follow_up_text import controlled_text, uncontrolled_text
from est_desktop.analysis.results import Change, IncidentSample, Period, Verdict
from est_desktop.domain.incident import LocationPrecision
from est_desktop.domain.language import translate
from est_desktop.domain.measure import Measure, MeasureDraft
from est_desktop.geo.district_lookup import DistrictLookup

_Z = NormalDist().inv_cdf(1 - (1 - CONFIDENCE) / 2)


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

    district = district_of(draft, district_lookup)
    in_area = area_mask(chosen, draft, district)
    a_before, a_after = _split(in_area, is_after)
    area_change = rate_change(a_after, a_before, days_after, days_before)

    in_control, control_label = control_mask(chosen, draft, control, district, district_lookup)
    common = {
        "before": before,
        "after": after,
        "categories": draft.categories,
        "area_before": a_before,
        "area_after": a_after,
        "area_change": area_change,
    }
    if in_control is None:
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
            text=uncontrolled_text(area_change),
        )
    in_control &= ~in_area  # the control never holds the measure's own area
    c_before, c_after = _split(in_control, is_after)
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
        text=controlled_text(verdict, estimate, low, high, control_change),
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


# -- periods and counts ------------------------------------------------------------------


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


def _split(mask: Mask, is_after: Mask) -> tuple[int, int]:
    """(before, after) counts of the incidents in `mask`."""
    return int(np.count_nonzero(mask & ~is_after)), int(np.count_nonzero(mask & is_after))


def _interval(change: Change) -> tuple[float | None, float | None]:
    if change.ratio is None:
        return None, None
    return change.low, change.high
