"""The rate-ratio test: published exact intervals, the defining property of Clopper–Pearson
checked by plain binomial sums, the verdicts, and the Swedish wording."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from est_desktop.analysis.comparison import (
    change_text,
    clopper_pearson,
    compare,
    regularized_beta,
)
from est_desktop.analysis.results import Verdict


def binomial_at_least(k: int, n: int, p: float) -> float:
    """P(X ≥ k) for X ~ Bin(n, p), summed term by term."""
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1))


# R 4.x, binom.test(x, n)$conf.int (R's own example for 682 of 925).
@pytest.mark.parametrize(
    ("successes", "trials", "low", "high"),
    [
        (20, 30, 0.4718800, 0.8271258),
        (682, 925, 0.7076683, 0.7654066),
        (7, 10, 0.3475471, 0.9332605),
        (5, 6, 0.3587654, 0.9957893),
    ],
)
def test_clopper_pearson_matches_published_intervals(successes, trials, low, high):
    assert clopper_pearson(successes, trials) == pytest.approx((low, high), abs=5e-7)


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_each_bound_leaves_two_and_a_half_percent_in_its_tail(data):
    trials = data.draw(st.integers(1, 60))
    successes = data.draw(st.integers(0, trials))
    low, high = clopper_pearson(successes, trials)
    if successes > 0:
        assert binomial_at_least(successes, trials, low) == pytest.approx(0.025, abs=1e-9)
    if successes < trials:
        at_most = 1 - binomial_at_least(successes + 1, trials, high)
        assert at_most == pytest.approx(0.025, abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_the_incomplete_beta_is_a_binomial_tail_for_whole_arguments(data):
    trials = data.draw(st.integers(1, 80))
    k = data.draw(st.integers(1, trials))
    p = data.draw(st.floats(0.001, 0.999))
    expected = binomial_at_least(k, trials, p)
    assert regularized_beta(p, k, trials - k + 1) == pytest.approx(expected, abs=1e-12)


def test_twenty_against_ten_is_double_but_may_be_chance():
    change = compare(20, 10)

    # The interval for p = 20/30 (above) turned into odds: p / (1 − p).
    assert change.ratio == 2.0
    assert change.low == pytest.approx(0.4718800 / (1 - 0.4718800), rel=1e-6)  # 0.8935
    assert change.high == pytest.approx(0.8271258 / (1 - 0.8271258), rel=1e-6)  # 4.7846
    assert change.verdict is Verdict.UNCLEAR


def test_a_clear_rise_and_a_clear_fall():
    assert compare(40, 15).verdict is Verdict.MORE
    assert compare(15, 40).verdict is Verdict.FEWER
    assert compare(0, 12).verdict is Verdict.FEWER


def test_a_mean_of_several_periods_scales_the_interval():
    change = compare(35, 200, reference_periods=4)
    low, high = clopper_pearson(35, 235)

    assert change.reference == 50.0
    assert change.ratio == pytest.approx(0.7)
    assert change.low == pytest.approx(4 * low / (1 - low))
    assert change.high == pytest.approx(4 * high / (1 - high))
    assert change.reference_periods == 4


def test_below_ten_incidents_in_all_no_verdict_is_given():
    assert compare(6, 3).verdict is Verdict.TOO_FEW
    assert compare(9, 0).verdict is Verdict.TOO_FEW  # the exact test alone would say MORE
    assert compare(6, 4).verdict is not Verdict.TOO_FEW


def test_against_nothing_there_is_no_ratio_and_no_upper_bound():
    change = compare(12, 0)

    assert change.ratio is None
    assert change.high == math.inf
    # p's lower bound solves p¹² = 0.025 when every incident is a current one.
    p = 0.025 ** (1 / 12)
    assert change.low == pytest.approx(p / (1 - p))
    assert change.verdict is Verdict.MORE


def test_nothing_against_nothing_has_no_interval():
    change = compare(0, 0)

    assert (change.ratio, change.low, change.high) == (None, None, None)
    assert change.verdict is Verdict.TOO_FEW


def test_negative_counts_and_no_periods_are_refused():
    with pytest.raises(ValueError):
        compare(-1, 3)
    with pytest.raises(ValueError):
        compare(1, 3, reference_periods=0)


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ((12, 8), "+50 % (12 mot 8) – skillnaden kan vara slumpen"),
        ((40, 15), "+167 % (40 mot 15), en tydlig ökning"),
        ((35, 200, 4), "−30 % (35 mot i snitt 50,0) – skillnaden kan vara slumpen"),
        ((20, 60, 4), "+33 % (20 mot i snitt 15,0) – skillnaden kan vara slumpen"),
        ((15, 40), "−63 % (15 mot 40), en tydlig minskning"),
        ((20, 20), "oförändrat (20 mot 20)"),
        ((201, 200), "i stort sett oförändrat (201 mot 200)"),
        ((3, 2), "för få händelser för att jämföra (3 mot 2)"),
        ((3, 2, 4), "för få händelser för att jämföra (3 mot i snitt 0,5)"),
        ((5, 0), "nytt: 5 mot 0"),
        ((5, 0, 4), "nytt: 5 mot 0"),
        ((12, 0), "nytt: 12 mot 0, en tydlig ökning"),
        ((0, 0), "inga händelser (0 mot 0)"),
        ((1234, 1000), "+23 % (1 234 mot 1 000), en tydlig ökning"),
    ],
)
def test_changes_read_as_plain_swedish(args, text):
    assert change_text(compare(*args)) == text
