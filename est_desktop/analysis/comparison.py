"""Is a count really higher or lower than before? An exact test, and its words.

Counts of incidents are treated as Poisson. Given the total n = current + reference, the
current count is binomial, Bin(n, p) with p = θ / (θ + k) for the rate ratio θ against the
mean of k reference periods. An exact (Clopper–Pearson) interval for p thus gives an exact
interval for θ = k · p / (1 − p), without a normal approximation that fails for small counts.
"""

from __future__ import annotations

import math

from est_desktop.analysis.results import Change, Verdict
from est_desktop.domain.language import decimal_number, translate, whole_number

CONFIDENCE = 0.95
# Below this many incidents in both periods together, no verdict is given. The exact interval
# covers chance, but not what dominates at such counts (a caretaker on holiday, one busy
# night), and a percentage of tiny numbers ("+100 %" for 2 against 1) claims more than it says.
MIN_TOTAL = 10


def compare(current: int, reference_total: int, reference_periods: int = 1) -> Change:
    """`current` against the mean of `reference_periods` periods holding `reference_total`
    together (periods of the same length as the current one)."""
    if current < 0 or reference_total < 0:
        raise ValueError(f"counts cannot be negative: {current}, {reference_total}")
    if reference_periods < 1:
        raise ValueError(f"need at least one reference period, not {reference_periods}")
    total = current + reference_total
    reference = reference_total / reference_periods
    ratio = current / reference if reference_total else None
    low = high = None
    if total:
        p_low, p_high = clopper_pearson(current, total, CONFIDENCE)
        low = _odds(p_low) * reference_periods
        high = _odds(p_high) * reference_periods  # inf when the reference is 0
    verdict = verdict_of(low, high, too_few=total < MIN_TOTAL)
    return Change(current, reference, ratio, low, high, verdict, reference_periods)


def verdict_of(low: float | None, high: float | None, *, too_few: bool) -> Verdict:
    """What a 95 % interval of a rate ratio says: clearly more or fewer only when it leaves
    out 1."""
    if too_few:
        return Verdict.TOO_FEW
    if low is not None and low > 1.0:
        return Verdict.MORE
    if high is not None and high < 1.0:
        return Verdict.FEWER
    return Verdict.UNCLEAR


def change_text(change: Change) -> str:
    """The change as a meeting would say it, e.g. "+50 % (12 mot 8) – skillnaden kan vara
    slumpen" or "−30 % (35 mot i snitt 50,0), en tydlig minskning"; in the user's language."""
    counts = translate("Comparison", "{current} mot {reference}").format(
        current=whole_number(change.current), reference=_reference(change)
    )
    if change.current == 0 and change.reference == 0:
        return translate("Comparison", "inga händelser ({counts})").format(counts=counts)
    if change.reference == 0:
        # A fact, not a trend claim: there were none before.
        if change.verdict is Verdict.MORE:
            return translate("Comparison", "nytt: {counts}, en tydlig ökning").format(counts=counts)
        return translate("Comparison", "nytt: {counts}").format(counts=counts)
    if change.verdict is Verdict.TOO_FEW:
        text = translate("Comparison", "för få händelser för att jämföra ({counts})")
        return text.format(counts=counts)
    percent = (change.current / change.reference - 1.0) * 100.0
    rounded = int(abs(percent) + 0.5)
    if percent == 0:
        return translate("Comparison", "oförändrat ({counts})").format(counts=counts)
    if rounded == 0:
        return translate("Comparison", "i stort sett oförändrat ({counts})").format(counts=counts)
    sign = "+" if percent > 0 else "−"
    if change.verdict is Verdict.MORE:
        text = translate("Comparison", "{change} % ({counts}), en tydlig ökning")
    elif change.verdict is Verdict.FEWER:
        text = translate("Comparison", "{change} % ({counts}), en tydlig minskning")
    else:
        text = translate("Comparison", "{change} % ({counts}) – skillnaden kan vara slumpen")
    return text.format(change=sign + whole_number(rounded), counts=counts)


def clopper_pearson(
    successes: int, trials: int, confidence: float = CONFIDENCE
) -> tuple[float, float]:
    """The exact two-sided interval for a binomial proportion (trials ≥ 1)."""
    alpha = 1.0 - confidence
    low = 0.0 if successes == 0 else beta_quantile(alpha / 2, successes, trials - successes + 1)
    high = (
        1.0
        if successes == trials
        else beta_quantile(1 - alpha / 2, successes + 1, trials - successes)
    )
    return low, high


def beta_quantile(q: float, a: float, b: float) -> float:
    """x with I_x(a, b) = q, by bisection: I is increasing in x, and 60 halvings of [0, 1]
    reach the limits of a double."""
    lo, hi = 0.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if regularized_beta(mid, a, b) < q:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def regularized_beta(x: float, a: float, b: float) -> float:
    """The regularized incomplete beta function I_x(a, b) (a, b > 0), by its continued
    fraction, evaluated on the side where it converges fast (Numerical Recipes, §6.4)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1) / (a + b + 2):
        return math.exp(log_front) * _beta_fraction(x, a, b) / a
    return 1.0 - math.exp(log_front) * _beta_fraction(1.0 - x, b, a) / b


def _beta_fraction(x: float, a: float, b: float) -> float:
    """The continued fraction of I_x(a, b), by the modified Lentz method."""
    tiny, eps = 1e-300, 1e-15

    def guard(value: float) -> float:
        return tiny if abs(value) < tiny else value

    c, d = 1.0, 1.0 / guard(1.0 - (a + b) * x / (a + 1))
    result = d
    for m in range(1, 100_000):  # converges in O(√max(a, b)) steps
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 / guard(1.0 + numerator * d)
            c = guard(1.0 + numerator / c)
            result *= c * d
        if abs(c * d - 1.0) < eps:
            break
    return result


def _odds(p: float) -> float:
    return math.inf if p >= 1.0 else p / (1.0 - p)


def _reference(change: Change) -> str:
    if change.reference_periods == 1 or change.reference == 0:
        return whole_number(round(change.reference))
    mean = decimal_number(change.reference, 1)
    return translate("Comparison", "i snitt {mean}").format(mean=mean)
