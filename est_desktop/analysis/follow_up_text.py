"""The verdict of a measure's follow-up in plain Swedish, with and without a control area.

"Minskning med 34 % (95 % KI 12–51 %); ingen motsvarande förändring i kontrollområdet". The
texts keep the "FollowUp" translation context of the follow-up they describe.
"""

from __future__ import annotations

from est_desktop.analysis.comparison import change_text
from est_desktop.analysis.results import Change, Verdict
from est_desktop.domain.language import QT_TRANSLATE_NOOP, translate, whole_number

TOO_FEW_TEXT = QT_TRANSLATE_NOOP("FollowUp", "För få händelser för att säga något")


def controlled_text(
    verdict: Verdict,
    estimate: float | None,
    low: float | None,
    high: float | None,
    control: Change,
) -> str:
    """The verdict on `estimate` against the control, saying how the control itself changed."""
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


def uncontrolled_text(change: Change) -> str:
    """The verdict on the area's own `change`, warning that it may have other causes."""
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
